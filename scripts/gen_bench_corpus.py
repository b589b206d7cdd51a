#!/usr/bin/env python3
"""Writes bench/news.txt: a synthetic, deterministic corpus of English
news-style articles for the speed benchmarks (see bench/README.md).

It is synthetic because no real news may be copied into the project and the
machines reach no news source. For speed, what matters is that the text has
the shape and density of news: headlines, datelines, quotes with attributions,
dates of many forms, figures with hedges and units, and many capitalised names.
The sentences do not need to be true, only to exercise every lens.

Deterministic: its own PRNG (splitmix64) with a fixed seed, so the output is
byte-identical on any Python 3 version. Usage:

    python3 scripts/gen_bench_corpus.py [--bytes N] [--seed S] [--out PATH]
"""

import argparse
import sys

MASK = (1 << 64) - 1


class Rng:
    """splitmix64: tiny, fast, and the same on every platform and version."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def pick(self, seq):
        return seq[self.below(len(seq))]

    def chance(self, percent):
        return self.below(100) < percent

    def between(self, lo, hi):
        return lo + self.below(hi - lo + 1)


# ---------------------------------------------------------------- word lists
# Written for this script. Given names and surnames are common ones from many
# languages; organisations are invented or generic; places are real (facts).

GIVEN = """Amina Omar Leila Yusuf Fatima Hassan Maria Carlos Elena Pablo Sofia
Ahmed Nadia Tariq Sara Daniel Anna Peter Helen James Grace Samuel Ruth David
Olga Ivan Natalia Sergei Mei Chen Wei Hiroshi Yuki Kenji Priya Arjun Ravi
Deepa Kwame Ama Chidi Ngozi Thabo Zanele Lars Ingrid Pieter Johanna Ahmet
Elif Mehmet Ayse Farid Layla Mustafa Rania Jean Claire Luc Amelie Marco
Giulia Tomasz Agnieszka Sean Niamh Rosa Miguel Lucia Andres Beatriz Kofi
Fiona Rahul Anjali Dmitri Irina Joseph Miriam Ali Zainab Kareem Noor Jonas
Astrid Ewa Ibrahim Halima Victor Esther Paolo Chiara Tomas Lena José Zoë
Björn Søren Çelik Renée""".split()

SURNAME = """Haddad Okafor Mensah Lindqvist Moreno Castillo Petrov Ivanova Tanaka
Nakamura Sharma Patel Nguyen Tran Kowalski Nowak Dubois Laurent Rossi Bianchi
Schmidt Becker Jansen Visser Yilmaz Demir Kaya Hosseini Rahimi Abdullah
Mahmoud Salem Farouk Osei Boateng Adeyemi Eze Dlamini Ndlovu O'Brien Murphy
Fernandez Gutierrez Silva Santos Costa Pereira Kim Park Lee Wong Chan Singh
Gupta Rao Novak Horvat Popescu Ionescu Papadopoulos Andersen Hansen Berg
Walsh Brennan Kuznetsov Sokolov Abebe Tesfaye Mwangi Otieno Kamau Barzani
Karimi Haidari Qureshi Malik Chaudhry Núñez Øvergaard García Müller""".split()

TITLE = [
    "Prime Minister", "President", "Foreign Minister", "Defence Minister",
    "Finance Minister", "Health Minister", "Interior Minister", "Governor",
    "Mayor", "Senator", "General", "Colonel", "spokesman", "spokeswoman",
    "chief executive", "chairman", "director", "ambassador", "commissioner",
    "police chief", "professor", "economist", "analyst", "lawyer",
    "opposition leader", "union leader", "senior official", "envoy",
]

HONORIFIC = ["Mr", "Ms", "Dr", "Gen.", "Col.", "Prof.", "Sen.", "Gov.", "Lt. Col."]

ORG_HEAD = ["Northern", "Eastern", "Central", "National", "United", "Allied",
            "Coastal", "Federal", "Continental", "Highland", "Atlantic",
            "Pacific", "Southern", "Western", "Greater", "Free"]
ORG_KIND = ["Bank", "Airways", "Energy", "Mining Corporation", "Telecom",
            "Motors", "Shipping Group", "Steel", "Petroleum Company",
            "Grain Board", "Rail", "Pharmaceuticals", "Holdings",
            "Insurance", "Media Group", "Water Authority"]
BODY = ["the Ministry of Health", "the Ministry of Defence", "the Interior Ministry",
        "the Foreign Ministry", "the central bank", "the electoral commission",
        "the Supreme Court", "parliament", "the Senate", "the city council",
        "the World Health Organization", "the United Nations", "the UN refugee agency",
        "the International Monetary Fund", "the World Bank", "NATO", "the European Union",
        "the African Union", "the Red Cross", "Amnesty International", "the IMF",
        "the EU", "the UN", "OPEC", "the army", "the coast guard", "the police",
        "the health department", "the statistics office", "the finance ministry",
        "Doctors Without Borders", "the opposition alliance", "the ruling party",
        "the transport union", "the teachers' union", "the chamber of commerce"]
GROUP = ["rebels", "militants", "protesters", "residents", "farmers", "workers",
         "students", "voters", "investors", "doctors", "nurses", "refugees",
         "soldiers", "police officers", "civilians", "fishermen", "miners",
         "teachers", "pensioners", "shopkeepers", "truck drivers", "pilots"]

CITY = [("Kabul", "Afghanistan"), ("Baghdad", "Iraq"), ("Mosul", "Iraq"),
        ("Nairobi", "Kenya"), ("Lagos", "Nigeria"), ("Accra", "Ghana"),
        ("Cairo", "Egypt"), ("Beirut", "Lebanon"), ("Amman", "Jordan"),
        ("Ankara", "Turkey"), ("Istanbul", "Turkey"), ("Athens", "Greece"),
        ("Rome", "Italy"), ("Madrid", "Spain"), ("Lisbon", "Portugal"),
        ("Paris", "France"), ("Berlin", "Germany"), ("Warsaw", "Poland"),
        ("Kyiv", "Ukraine"), ("Moscow", "Russia"), ("Oslo", "Norway"),
        ("Stockholm", "Sweden"), ("Copenhagen", "Denmark"), ("Dublin", "Ireland"),
        ("London", "Britain"), ("Manchester", "Britain"), ("Washington", "the United States"),
        ("New York", "the United States"), ("Chicago", "the United States"),
        ("Ottawa", "Canada"), ("Mexico City", "Mexico"), ("Bogotá", "Colombia"),
        ("Lima", "Peru"), ("Santiago", "Chile"), ("Buenos Aires", "Argentina"),
        ("São Paulo", "Brazil"), ("Johannesburg", "South Africa"), ("Harare", "Zimbabwe"),
        ("Addis Ababa", "Ethiopia"), ("Khartoum", "Sudan"), ("Tehran", "Iran"),
        ("Karachi", "Pakistan"), ("Islamabad", "Pakistan"), ("New Delhi", "India"),
        ("Mumbai", "India"), ("Dhaka", "Bangladesh"), ("Jakarta", "Indonesia"),
        ("Manila", "the Philippines"), ("Hanoi", "Vietnam"), ("Bangkok", "Thailand"),
        ("Beijing", "China"), ("Shanghai", "China"), ("Seoul", "South Korea"),
        ("Tokyo", "Japan"), ("Sydney", "Australia"), ("Wellington", "New Zealand"),
        ("Zürich", "Switzerland"), ("Geneva", "Switzerland"), ("Brussels", "Belgium")]
REGION = ["the north", "the south-east", "the border region", "the capital",
          "the coastal province", "the delta", "the western highlands",
          "the Gulf", "the Sahel", "the Balkans", "the Middle East",
          "East Africa", "Latin America", "Southeast Asia", "the Horn of Africa"]
AGENCY = ["Newswire", "Daily Ledger", "Evening Courier", "Global Desk", "Wire Service"]

MONTH = ["January", "February", "March", "April", "May", "June", "July",
         "August", "September", "October", "November", "December"]
MON_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
            "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMWORD = ["two", "three", "four", "five", "six", "seven", "eight", "nine",
           "ten", "eleven", "twelve", "fifteen", "twenty", "thirty"]
UNIT_TIME = ["days", "weeks", "months", "years", "hours"]

HEDGE = ["up to", "about", "around", "nearly", "almost", "more than", "at least",
         "fewer than", "less than", "roughly", "an estimated", "some", "over",
         "as many as", "close to", "just under", "approximately"]
THING = ["people", "civilians", "families", "homes", "jobs", "barrels of oil a day",
         "tonnes of wheat", "vehicles", "patients", "passengers", "students",
         "voters", "troops", "refugees", "cases", "schools", "households", "flights"]
QUANT_UNIT = ["km", "kilometres", "miles", "tonnes", "litres", "hectares",
              "square kilometres", "megawatts", "metres", "kg", "mm of rain"]
VAGUE = ["hundreds of", "thousands of", "tens of thousands of", "dozens of",
         "millions of", "a handful of", "scores of"]
CURRENCY = [("$", ""), ("€", ""), ("£", ""), ("", " dollars"), ("US$", ""), ("", " euros"),
            ("", " yuan"), ("Rs ", "")]
SCALE = [" million", " billion", "m", "bn", " trillion", ""]

SAY = ["said", "told reporters", "said in a statement", "told the newspaper",
       "added", "warned", "insisted", "told a news conference", "wrote on social media",
       "told parliament", "acknowledged", "explained", "argued"]
TOPIC_VERB = ["announced", "rejected", "approved", "postponed", "criticised",
              "welcomed", "suspended", "extended", "signed", "unveiled", "cut",
              "raised", "delayed", "defended", "investigated", "condemned"]
TOPIC_NOUN = ["a ceasefire deal", "the budget", "new tariffs", "an aid package",
              "the election results", "a trade agreement", "fuel subsidies",
              "the curfew", "a vaccination campaign", "the peace talks",
              "interest rates", "a new constitution", "the merger", "the strike",
              "a reconstruction plan", "the pipeline project", "emergency measures",
              "a bond sale", "the minimum wage", "water rationing"]
QUOTE_BODY = [
    "We will not accept any deal that leaves our people without protection",
    "The situation on the ground is getting worse every day",
    "This is a difficult decision, but it is the right one for the country",
    "Nobody expected the numbers to be this bad so early in the year",
    "We are doing everything we can to reach the families who are still trapped",
    "Our priority is to keep prices stable and protect jobs",
    "There is no military solution to this conflict",
    "The talks were frank and we made real progress on the key issues",
    "I have never seen anything like this in thirty years of service",
    "We need more help, and we need it now",
    "The market has already priced in most of the risk",
    "It is too early to say what caused the collapse",
    "Families have been waiting for hours in the heat without water",
    "We expect growth to pick up in the second half",
    "The government has failed to keep its promises",
    "They came at night and took everything we had",
]
CONNECT = ["Meanwhile,", "However,", "Separately,", "Earlier,", "In a statement,",
           "Officials said", "Analysts said", "Critics argue that", "According to",
           "By contrast,", "At the same time,", "Last year,"]


def cap(s):
    """Upper-cases the first letter, as a sentence start needs."""
    return s[:1].upper() + s[1:]


class Writer:
    def __init__(self, rng):
        self.r = rng

    # ------------------------------------------------------------ names
    def person(self):
        r = self.r
        name = f"{r.pick(GIVEN)} {r.pick(SURNAME)}"
        if r.chance(15):
            name = f"{r.pick(GIVEN)} {r.pick(GIVEN)[0]}. {r.pick(SURNAME)}"
        return name

    def titled_person(self):
        r = self.r
        p = self.person()
        k = r.below(4)
        if k == 0:
            return f"{r.pick(TITLE)} {p}"
        if k == 1:
            return f"{p}, {r.pick(['the', 'a leading'])} {r.pick(TITLE)} at {self.org_or_body()}"
        if k == 2:
            return f"{r.pick(HONORIFIC)} {p.split()[-1]}"
        return p

    def company(self):
        r = self.r
        c = f"{r.pick(ORG_HEAD)} {r.pick(ORG_KIND)}"
        if r.chance(20):
            c += r.pick([" Inc.", " Ltd", " plc", " Corp.", " SA", " AG"])
        return c

    def org_or_body(self):
        return self.company() if self.r.chance(40) else self.r.pick(BODY)

    def place(self):
        r = self.r
        k = r.below(5)
        city, country = r.pick(CITY)
        if k == 0:
            return f"{city}, {country}" if not country.startswith("the ") else city
        if k == 1:
            return country
        if k == 2:
            return r.pick(REGION)
        return city

    # ------------------------------------------------------------ dates
    def date(self, year):
        r = self.r
        m = r.below(12)
        d = r.between(1, 28)
        y = year - r.below(3)
        k = r.below(34)
        forms = [
            lambda: f"on {r.pick(WEEKDAY)}",
            lambda: f"last {r.pick(WEEKDAY)}",
            lambda: f"next {r.pick(WEEKDAY)}",
            lambda: f"on {MONTH[m]} {d}",
            lambda: f"on {d} {MONTH[m]} {y}",
            lambda: f"on {MONTH[m]} {d}, {y}",
            lambda: f"on {MON_ABBR[m]} {d}",
            lambda: f"on {y}-{m + 1:02d}-{d:02d}",
            lambda: f"on {m + 1:02d}/{d:02d}/{y}",
            lambda: "yesterday",
            lambda: "today",
            lambda: "earlier this week",
            lambda: "last month",
            lambda: "next year",
            lambda: f"in {y}",
            lambda: f"in {MONTH[m]}",
            lambda: f"in {MONTH[m]} {y}",
            lambda: f"in the {r.pick(['1980s', '1990s', '2000s', 'seventies'])}",
            lambda: f"{r.pick(NUMWORD)} {r.pick(UNIT_TIME)} ago",
            lambda: f"for {r.pick(NUMWORD)} {r.pick(UNIT_TIME)}",
            lambda: f"since {MONTH[m]}",
            lambda: f"by the end of {y + 1}",
            lambda: f"early next {r.pick(['year', 'month', 'week'])}",
            lambda: f"every {r.pick(WEEKDAY)}",
            lambda: f"at {r.between(1, 12)} {r.pick(['a.m.', 'p.m.'])}",
            lambda: f"at {r.between(0, 23):02d}:{r.pick(['00', '15', '30', '45'])} local time",
            lambda: f"in the third quarter of {y}",
            lambda: f"in Q{r.between(1, 4)} {y}",
            lambda: f"in mid-{y}",
            lambda: f"on {r.pick(WEEKDAY)} night",
            lambda: f"on the morning of {MONTH[m]} {d}",
            lambda: f"between {MONTH[m]} and {MONTH[(m + 2) % 12]}",
            lambda: "this weekend",
            lambda: f"the {r.pick(['previous', 'following'])} {r.pick(['day', 'week'])}",
        ]
        return forms[k]()

    # ------------------------------------------------------------ figures
    def number(self):
        r = self.r
        k = r.below(7)
        if k == 0:
            return str(r.between(2, 99))
        if k == 1:
            return f"{r.between(1, 999)},{r.between(0, 999):03d}"
        if k == 2:
            return f"{r.between(1, 9)},{r.between(0, 999):03d},{r.between(0, 999):03d}"
        if k == 3:
            return f"{r.between(1, 99)}.{r.between(1, 9)} million"
        if k == 4:
            return r.pick(NUMWORD)
        if k == 5:
            return str(r.between(100, 999))
        return f"{r.between(1, 9)}.{r.between(0, 99):02d}"

    def figure(self):
        r = self.r
        k = r.below(9)
        hedge = f"{r.pick(HEDGE)} " if r.chance(55) else ""
        if k <= 2:
            return f"{hedge}{self.number()} {r.pick(THING)}"
        if k == 3:
            return f"{hedge}{self.money()}"
        if k == 4:
            return f"{hedge}{self.percent()}"
        if k == 5:
            return f"{hedge}{r.between(2, 900)} {r.pick(QUANT_UNIT)}"
        if k == 6:
            return f"{r.pick(VAGUE)} {r.pick(THING)}"
        if k == 7:
            lo = r.between(2, 60)
            return f"between {lo} and {lo + r.between(5, 40)} {r.pick(THING)}"
        return f"a {r.pick(['third', 'quarter', 'fifth', 'half', 'dozen'])} of the {r.pick(THING)}"

    def money(self):
        r = self.r
        pre, post = r.pick(CURRENCY)
        amount = f"{r.between(1, 99)}.{r.between(1, 9)}" if r.chance(50) else str(r.between(2, 900))
        return f"{pre}{amount}{r.pick(SCALE)}{post}"

    def percent(self):
        r = self.r
        pct = f"{r.between(1, 99)}.{r.between(0, 9)}" if r.chance(50) else str(r.between(1, 99))
        return f"{pct}{r.pick(['%', ' percent', ' per cent'])}"

    def people(self):
        """A count of people or things: a figure a sentence can make the subject."""
        r = self.r
        k = r.below(4)
        hedge = f"{r.pick(HEDGE)} " if r.chance(55) else ""
        if k == 0:
            return f"{r.pick(VAGUE)} {r.pick(GROUP)}"
        return f"{hedge}{self.number()} {r.pick(GROUP + ['people', 'families'])}"

    # ------------------------------------------------------------ sentences
    def quote(self, year):
        r = self.r
        body = r.pick(QUOTE_BODY)
        who = self.titled_person()
        open_q, close_q = ("“", "”") if r.chance(60) else ('"', '"')
        k = r.below(6)
        if k == 0:
            return f"{open_q}{body},{close_q} {who} {r.pick(SAY)}."
        if k == 1:
            return f"{open_q}{body},{close_q} said {who}."
        if k == 2:
            return f"{who} said: {open_q}{body}.{close_q}"
        if k == 3:
            tail = r.pick(QUOTE_BODY).lower()
            return (f"{open_q}{body},{close_q} {who} {r.pick(SAY)} {self.date(year)}. "
                    f"{open_q}And {tail}.{close_q}")
        if k == 4:
            return (f"{who} described the plan as {open_q}{r.pick(['a disaster', 'long overdue', 'a first step', 'deeply worrying', 'a breakthrough'])}{close_q}.")
        return f"{r.pick(['He', 'She', 'They'])} added: ‘{body}.’"

    def fact(self, year):
        r = self.r
        k = r.below(8)
        if k == 0:
            return (f"{cap(self.org_or_body())} {r.pick(TOPIC_VERB)} "
                    f"{r.pick(TOPIC_NOUN)} {self.date(year)}, affecting {self.people()}.")
        if k == 1:
            return (f"{self.titled_person()} {r.pick(TOPIC_VERB)} {r.pick(TOPIC_NOUN)} in "
                    f"{self.place()} {self.date(year)}.")
        if k == 2:
            return (f"{cap(self.people())} have been displaced in {self.place()} "
                    f"since {r.pick(MONTH)}, according to {self.org_or_body()}.")
        if k == 3:
            return (f"{r.pick(CONNECT)} {r.pick(GROUP)} in {self.place()} gathered {self.date(year)} "
                    f"to protest against {r.pick(TOPIC_NOUN)}.")
        if k == 4:
            return (f"The deal, worth {self.money()}, was signed in {self.place()} "
                    f"{self.date(year)} by {self.company()} and {self.company()}.")
        if k == 5:
            return (f"Prices rose {self.percent()} in the year to {r.pick(MONTH)}, the fastest pace "
                    f"since {r.between(1990, year - 1)}, data from {self.org_or_body()} showed.")
        if k == 6:
            return (f"The {r.pick(['storm', 'earthquake', 'flood', 'fire', 'attack', 'blast'])} "
                    f"killed {self.people()} and injured {self.people()} in {self.place()}, "
                    f"{self.titled_person()} said.")
        return (f"{self.titled_person()} will travel to {self.place()} {self.date(year)} for talks "
                f"with {self.titled_person()} on {r.pick(TOPIC_NOUN)}, which {r.pick(['could', 'may', 'will'])} last "
                f"{r.pick(NUMWORD)} {r.pick(UNIT_TIME)}.")

    def paragraph(self, year):
        r = self.r
        n = r.between(1, 4)
        parts = []
        for _ in range(n):
            parts.append(cap(self.quote(year) if r.chance(35) else self.fact(year)))
        return " ".join(parts)

    def article(self):
        r = self.r
        year = r.between(2009, 2025)
        city, _ = r.pick(CITY)
        m = r.below(12)
        head_forms = [
            f"{self.company()} to cut {self.number()} jobs as profits fall",
            f"{r.pick(GROUP).capitalize()} rally in {city} over {r.pick(TOPIC_NOUN)}",
            f"{self.person()} wins vote in {self.place()}",
            f"UPDATE {r.between(1, 4)}-{r.pick(BODY).replace('the ', '').capitalize()} {r.pick(TOPIC_VERB)} {r.pick(TOPIC_NOUN)}",
            f"Death toll from {r.pick(['floods', 'quake', 'storm', 'clashes'])} in {city} rises to {r.between(10, 900)}",
            f"EXCLUSIVE: talks on {r.pick(TOPIC_NOUN)} stall",
        ]
        lines = [r.pick(head_forms)]
        if r.chance(50):
            lines.append(f"By {self.person()}")
        if r.chance(40):
            lines.append(f"{r.pick(MONTH)} {r.between(1, 28)}, {year}")
        if r.chance(30):
            lines.append(f"Published {year}-{m + 1:02d}-{r.between(1, 28):02d} {r.between(0, 23):02d}:{r.between(0, 59):02d} UTC")
        dateline = f"{city.upper()}, {MON_ABBR[m]} {r.between(1, 28)} ({r.pick(AGENCY)}) — "
        if r.chance(40):
            dateline = f"{city.upper()} — "
        paras = [dateline + self.paragraph(year)]
        for _ in range(r.between(4, 11)):
            paras.append(self.paragraph(year))
        if r.chance(30):
            paras.append(f"({r.pick(['Reporting', 'Additional reporting'])} by {self.person()}; "
                         f"editing by {self.person()})")
        return "\n".join(lines) + "\n\n" + "\n\n".join(paras) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bytes", type=int, default=4 * 1024 * 1024,
                    help="stop after the first article that reaches this size (UTF-8 bytes)")
    ap.add_argument("--seed", type=int, default=20170221)
    ap.add_argument("--out", default="bench/news.txt")
    args = ap.parse_args()
    w = Writer(Rng(args.seed))
    out = []
    size = 0
    while size < args.bytes:
        a = w.article()
        out.append(a)
        size += len(a.encode("utf-8")) + 1
    text = "\n".join(out)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"{args.out}: {len(out)} articles, {len(text.encode('utf-8'))} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
