//! The figures lens's word lists: hedges, currencies and units from `data/`,
//! and the small closed classes (number words, fractions) that are facts of
//! English rather than lists to grow.

use std::sync::{LazyLock, OnceLock};

pub use crate::lexicon::Sieve;
use crate::lexicon::{LexMap as HashMap, end_bytes, lines, with_lower};
use crate::text::{Doc, Kind, tokenize};

/// One token of a list entry.
struct EntryToken {
    text: Box<str>,
    /// The same in lower case, for the case-blind comparison.
    lower: Box<str>,
    /// The token must match case exactly.
    exact: bool,
    /// No space before it in the entry (`m2`, `km/h`), so a spaced `12 m 2
    /// dm` is not `m2`.
    glued: bool,
}

/// One multi-token entry of a list, with what it maps to.
pub struct Entry<T> {
    toks: Vec<EntryToken>,
    payload: T,
}

/// A list of phrases matched against the shared tokens (never re-tokenizing
/// the document: entries are tokenized once, when the list is built).
pub struct Phrases<T> {
    by_first: WordMap<Vec<Entry<T>>>,
}

impl<T> Phrases<T> {
    fn new(items: impl IntoIterator<Item = (String, T)>) -> Phrases<T> {
        let mut by_first: HashMap<String, Vec<Entry<T>>> = HashMap::default();
        for (words, payload) in items {
            let toks: Vec<EntryToken> = tokenize(&words)
                .iter()
                .filter_map(|t| {
                    let text = words.get(t.start()..t.end())?;
                    Some(EntryToken {
                        text: text.into(),
                        lower: text.to_lowercase().into(),
                        // Short codes with a capital (MW, GB, USD, Rs) are
                        // case-exact: "mw" or "gb" in running text are not units.
                        exact: text.chars().count() <= 4 && text.chars().any(char::is_uppercase),
                        glued: t.glued,
                    })
                })
                .collect();
            let Some(first) = toks.first() else { continue };
            by_first
                .entry(first.lower.to_string())
                .or_default()
                .push(Entry { toks, payload });
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|e| std::cmp::Reverse(e.toks.len()));
        }
        Phrases {
            by_first: WordMap::new(by_first),
        }
    }

    /// The first words of the entries, in lower case.
    pub fn firsts(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys()
    }

    /// The entries whose first word is `low` (lower case), longest first.
    pub fn starting(&self, low: &str) -> &[Entry<T>] {
        self.by_first.get(low).map_or(&[], Vec::as_slice)
    }

    /// The longest entry starting at token `i`: its end (token index) and payload.
    pub fn at(&self, doc: &Doc, i: usize) -> Option<(usize, &T)> {
        if doc.tok(i).is_empty() {
            return None;
        }
        Self::first_at(self.starting(doc.low(i)), doc, i)
    }

    /// The longest of `entries`, those starting with `doc.low(i)`, that
    /// stands at token `i`: as [`Phrases::at`], for a caller that holds them.
    pub fn first_at<'e>(entries: &'e [Entry<T>], doc: &Doc, i: usize) -> Option<(usize, &'e T)> {
        'entry: for e in entries {
            for (k, t) in e.toks.iter().enumerate() {
                // The first word's lower case is the one they were found by.
                let ok = if t.exact {
                    doc.tok(i + k) == &*t.text
                } else {
                    k == 0 || doc.low(i + k) == &*t.lower
                };
                // Tokens of one entry must not be split by a line break.
                let broken = k > 0
                    && doc
                        .tokens
                        .get(i + k)
                        .is_some_and(|x| x.line_start || t.glued && !x.glued);
                if !ok || broken {
                    continue 'entry;
                }
            }
            return Some((i + e.toks.len(), &e.payload));
        }
        None
    }
}

/// Where a hedge stands relative to its number.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Pos {
    /// Before it: `up to 750,000`.
    Pre,
    /// After it: `700,000 or so`.
    Post,
}

/// A hedge's kind (`upper`, `lower`, `approximate`) and position.
#[derive(Clone, Copy, Debug)]
pub struct Hedge {
    /// `upper`, `lower` or `approximate`.
    pub kind: &'static str,
    /// Before or after the number.
    pub pos: Pos,
}

/// A currency: its ISO code, where it stands, and its minor-unit divisor.
#[derive(Clone, Debug)]
pub struct Currency {
    /// ISO 4217 code.
    pub code: String,
    /// Whether it may stand before the number.
    pub pre: bool,
    /// Whether it may stand after the number.
    pub post: bool,
    /// 100 for cents and pence.
    pub divisor: f64,
}

fn kind_str(k: &str) -> &'static str {
    match k {
        "upper" => "upper",
        "lower" => "lower",
        _ => "approximate",
    }
}

/// Hedges from `data/figures-hedges.txt`.
pub static HEDGES: LazyLock<Phrases<Hedge>> = LazyLock::new(|| {
    Phrases::new(
        lines(include_str!("../../data/figures-hedges.txt")).filter_map(|l| {
            let mut f = l.split('|');
            let words = f.next()?.trim().to_string();
            let kind = kind_str(f.next()?.trim());
            let pos = if f.next()?.trim() == "post" {
                Pos::Post
            } else {
                Pos::Pre
            };
            Some((words, Hedge { kind, pos }))
        }),
    )
});

/// Currencies from `data/figures-currencies.txt`.
pub static CURRENCIES: LazyLock<Phrases<Currency>> = LazyLock::new(|| {
    Phrases::new(
        lines(include_str!("../../data/figures-currencies.txt")).filter_map(|l| {
            let mut f = l.split('|');
            let words = f.next()?.trim().to_string();
            let code = f.next()?.trim().to_string();
            let pos = f.next()?.trim();
            let divisor = f
                .next()
                .and_then(|d| d.trim().parse::<f64>().ok())
                .unwrap_or(1.0);
            Some((
                words,
                Currency {
                    code,
                    pre: pos != "post",
                    post: pos != "pre",
                    divisor,
                },
            ))
        }),
    )
});

/// Units from `data/figures-units.txt`, mapped to their normalized symbol.
pub static UNITS: LazyLock<Phrases<String>> = LazyLock::new(|| {
    Phrases::new(
        lines(include_str!("../../data/figures-units.txt")).filter_map(|l| {
            let mut f = l.split('|');
            let words = f.next()?.trim().to_string();
            let unit = f.next()?.trim().to_string();
            Some((words, unit))
        }),
    )
});

/// Cardinal number words below one hundred that stand alone, with values.
const SMALL_NUMBERS: &[(&str, u32)] = &[
    ("zero", 0),
    ("nought", 0),
    ("naught", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Scale words (`hundred`, `million`, and `lakh`/`crore` of South Asian news).
const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("crore", 1e7),
];

/// [`SMALL_NUMBERS`] mapped: every word that may open a figure is looked up
/// here several times, so a look-up is one probe, not a walk of the table.
static SMALL_NUMBER_MAP: LazyLock<WordMap<u32>> =
    LazyLock::new(|| WordMap::new(SMALL_NUMBERS.iter().copied()));

/// [`SCALES`] mapped, for the same reason.
static SCALE_MAP: LazyLock<WordMap<f64>> = LazyLock::new(|| WordMap::new(SCALES.iter().copied()));

/// The sieves of [`SMALL_NUMBERS`] and [`SCALES`]: these are asked about
/// most words near a number, and few are number words.
static SMALL_NUMBER_SIEVE: LazyLock<Sieve> =
    LazyLock::new(|| Sieve::new(SMALL_NUMBERS.iter().map(|(w, _)| *w)));
static SCALE_SIEVE: LazyLock<Sieve> = LazyLock::new(|| Sieve::new(SCALES.iter().map(|(w, _)| *w)));

/// Cardinal number words below one hundred that stand alone (`six`, `twenty`).
pub fn small_number(w: &str) -> Option<u32> {
    if !SMALL_NUMBER_SIEVE.may_hold(w.as_bytes()) {
        return None;
    }
    SMALL_NUMBER_MAP.get_lower(w).copied()
}

/// The value of a scale word (`hundred`, `million`, `lakh`).
pub fn scale_word(w: &str) -> Option<f64> {
    if !SCALE_SIEVE.may_hold(w.as_bytes()) {
        return None;
    }
    SCALE_MAP.get_lower(w).copied()
}

/// [`small_number`] of a lower-case word without the sieve, for tests.
#[cfg(test)]
pub fn small_number_unsieved(l: &str) -> Option<u32> {
    SMALL_NUMBER_MAP.get(l).copied()
}

/// [`scale_word`] of a lower-case word without the sieve, for tests.
#[cfg(test)]
pub fn scale_word_unsieved(l: &str) -> Option<f64> {
    SCALE_MAP.get(l).copied()
}

/// Calls `f` with `w` lowered as [`str::to_ascii_lowercase`] lowers it
/// (ASCII letters only, other characters kept), on the stack when short:
/// the per-number checks run for every number of a text and should not
/// allocate.
pub fn with_ascii_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if let Some(b) = buf.get_mut(..w.len()) {
        b.copy_from_slice(w.as_bytes());
        // Lowering ASCII bytes keeps UTF-8 valid, so this never fails.
        b.make_ascii_lowercase();
        if let Ok(l) = std::str::from_utf8(b) {
            return f(l);
        }
    }
    f(&w.to_ascii_lowercase())
}

/// Every word (lower case) a number, a share or a vague amount can open
/// with: a number word, a scale, a vague word, `a`, `an`, `half` or
/// `quarter` (the first words `word_number`, `bare_scale`, `vague`,
/// `fraction` and `ratio` accept; see `number::may_open_number`).
pub static NUMBER_STARTERS: LazyLock<WordMap<()>> = LazyLock::new(|| {
    let words = SMALL_NUMBERS
        .iter()
        .map(|(w, _)| *w)
        .chain(SCALES.iter().map(|(w, _)| *w))
        .chain(super::number::VAGUE.iter().map(|(w, _)| *w))
        .chain(["a", "an", "half", "quarter"]);
    WordMap::new(words.map(|w| (w, ())))
});

/// What a token may open: a hedge, or an amount (a number, a share, a vague
/// amount, a currency, a sign word, `between`), with the list entries that
/// start with it, so that they need not be looked up again.
#[derive(Clone, Copy)]
pub struct Opens {
    /// The hedges the token starts, longest first (`None`: not known, to be
    /// looked up).
    pub hedges: Option<&'static [Entry<Hedge>]>,
    /// The currencies the token starts, likewise.
    pub currencies: Option<&'static [Entry<Currency>]>,
    /// Whether a number, a share or a vague amount may start here, as
    /// `number::may_open_number` says (`None`: not known, to be asked).
    pub number: Option<bool>,
    /// Whether it may open an amount at all.
    pub amount: bool,
}

impl Opens {
    /// Digits and signs: an amount, no hedge and no currency.
    pub const AMOUNT: Opens = Opens {
        hedges: Some(&[]),
        currencies: Some(&[]),
        number: Some(true),
        amount: true,
    };

    /// Nothing known: every reading is tried, every list looked up.
    pub const ALL: Opens = Opens {
        hedges: None,
        currencies: None,
        number: None,
        amount: true,
    };
}

/// Every word (lower case) a figure can open with: a number word, a scale,
/// a vague amount, a share, a sign word, `between`, or the first word of a
/// hedge or a currency, with what it opens. Most tokens of a text are none
/// of these, and this one look-up spares them the whole reading of an
/// amount; of the rest, words that only open hedges (`in`, `at`, `as`)
/// need no amount reader unless the hedge is there, and the hedges come
/// with the word, not looked up again.
pub static STARTERS: LazyLock<WordMap<Opens>> = LazyLock::new(|| {
    const OTHERS: &[&str] = &[
        "dozen",
        "dozens",
        "score",
        "scores",
        "tens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "several",
        "few",
        "between",
        "minus",
        "negative",
    ];
    let hedges: &'static Phrases<Hedge> = &HEDGES;
    let currencies: &'static Phrases<Currency> = &CURRENCIES;
    let words = NUMBER_STARTERS
        .keys()
        .chain(OTHERS.iter().copied())
        .chain(currencies.firsts())
        .chain(hedges.firsts());
    WordMap::new(words.map(|w| {
        let number = NUMBER_STARTERS.contains_key(w);
        let opens = Opens {
            hedges: Some(hedges.starting(w)),
            currencies: Some(currencies.starting(w)),
            number: Some(number),
            amount: number || OTHERS.contains(&w) || !currencies.starting(w).is_empty(),
        };
        (w, opens)
    }))
});

/// The sieve of [`STARTERS`] and of the signs that open amounts (`-`, `−`
/// and the fraction signs): most tokens are turned away by it unhashed.
pub static STARTER_SIEVE: LazyLock<Sieve> = LazyLock::new(|| {
    let signs = ["-", "−"]
        .into_iter()
        .chain(super::number::VULGAR.iter().map(|(w, _)| *w));
    Sieve::with_lengths(STARTERS.keys().chain(signs))
});

/// Lower-case words with values, found by a word in any case in about one
/// probe: the slot is picked by the word's length and its first two and last
/// two bytes (as the [`Sieve`] picks its bit), so asking costs a few
/// instructions and one comparison, where lowering a word and hashing it
/// whole cost some hundred. Slots hold indices into the entries, and are
/// four times as many as they, so most words outside the map find an empty
/// slot at once.
pub struct WordMap<V> {
    /// Index + 1 into `entries`, 0 for an empty slot.
    slots: Vec<u16>,
    entries: Vec<(Box<str>, V)>,
}

impl<V> WordMap<V> {
    /// The map of `items` (keys in lower case; of a key given twice, the
    /// first value is found).
    pub fn new<K: AsRef<str>>(items: impl IntoIterator<Item = (K, V)>) -> WordMap<V> {
        let entries: Vec<(Box<str>, V)> = items
            .into_iter()
            .map(|(k, v)| (k.as_ref().into(), v))
            .collect();
        let size = (entries.len() * 4).next_power_of_two().max(16);
        let mut map = WordMap {
            slots: vec![0; size],
            entries,
        };
        for (n, (k, _)) in map.entries.iter().enumerate() {
            let mut s = map.home(k.as_bytes());
            while map.slots.get(s).is_some_and(|&x| x != 0) {
                s = (s + 1) & (size - 1);
            }
            if let Some(x) = map.slots.get_mut(s) {
                *x = u16::try_from(n + 1).unwrap_or(0);
            }
        }
        map
    }

    /// The first slot of a word: its length and its end bytes, each `| 0x20`
    /// (an ASCII capital gives its lower-case letter; other bytes change
    /// alike in a key and in a word equal to it ignoring ASCII case).
    fn home(&self, w: &[u8]) -> usize {
        let key = u64::from(end_bytes(w) | 0x2020_2020) | (w.len() as u64) << 32;
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 40) as usize & (self.slots.len() - 1)
    }

    /// The value of the entry equal to `w` by `same`, probing from its slot.
    fn find(&self, w: &str, same: impl Fn(&str) -> bool) -> Option<&V> {
        let mut s = self.home(w.as_bytes());
        loop {
            let n = usize::from(*self.slots.get(s)?);
            let (k, v) = self.entries.get(n.checked_sub(1)?)?;
            if same(k) {
                return Some(v);
            }
            s = (s + 1) & (self.slots.len() - 1);
        }
    }

    /// The value of `key`, exactly.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key, |k| k == key)
    }

    /// The value of `w` lowered as [`with_ascii_lower`] lowers it.
    pub fn get_ascii_lower(&self, w: &str) -> Option<&V> {
        // The keys are lower case: lowering ASCII letters makes `w` equal to
        // a key exactly when it equals it ignoring ASCII case.
        self.find(w, |k| k.eq_ignore_ascii_case(w))
    }

    /// The value of `w` lowered as [`with_lower`] lowers it.
    pub fn get_lower(&self, w: &str) -> Option<&V> {
        // ASCII is lowered as ASCII; anything else takes Unicode's rules.
        if w.is_ascii() {
            self.get_ascii_lower(w)
        } else {
            with_lower(w, |l| self.get(l))
        }
    }

    /// The keys, in the order given.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| &**k)
    }

    /// Whether `key` is a key, exactly.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

/// A fixed word list of the lens (lower case), as a [`WordMap`] behind its
/// [`Sieve`], built on first use: most words asked about are in no list,
/// and the sieve answers for them.
pub struct WordList {
    list: &'static [&'static str],
    words: OnceLock<(WordMap<()>, Sieve)>,
}

impl WordList {
    /// The list, as written in the code.
    pub const fn new(list: &'static [&'static str]) -> WordList {
        WordList {
            list,
            words: OnceLock::new(),
        }
    }

    fn built(&self) -> &(WordMap<()>, Sieve) {
        self.words.get_or_init(|| {
            let map = WordMap::new(self.list.iter().map(|w| (*w, ())));
            (map, Sieve::new(self.list.iter().copied()))
        })
    }

    /// False only for a word that is not in the list in any case.
    pub fn may_hold(&self, w: &str) -> bool {
        self.built().1.may_hold(w.as_bytes())
    }

    /// Whether `w` is in the list, exactly (case included).
    pub fn contains(&self, w: &str) -> bool {
        let (map, sieve) = self.built();
        sieve.may_hold(w.as_bytes()) && map.get(w).is_some()
    }

    /// Whether `w` lowered as [`with_lower`] lowers it is in the list.
    pub fn contains_lower(&self, w: &str) -> bool {
        let (map, sieve) = self.built();
        sieve.may_hold(w.as_bytes()) && map.get_lower(w).is_some()
    }

    /// Whether `w` lowered as [`with_ascii_lower`] lowers it is in the list.
    pub fn contains_ascii_lower(&self, w: &str) -> bool {
        let (map, sieve) = self.built();
        sieve.may_hold(w.as_bytes()) && map.get_ascii_lower(w).is_some()
    }
}

/// Builds this file's lists now (see `figures::prepare`): the tables, and
/// the lists inside functions, by asking each about a word (a
/// [`WordList`] is built whole on its first question).
pub fn prepare() {
    let _ = (&*STARTERS, &*STARTER_SIEVE, &*UNITS, &*NUMBER_STARTERS);
    let _ = (&*SMALL_NUMBER_SIEVE, &*SMALL_NUMBER_MAP);
    let _ = (&*SCALE_SIEVE, &*SCALE_MAP, &*FRACTION_SIEVE);
    let _ = (label_noun("a"), month("a"), time_unit("a"), compass("a"));
}

/// Abbreviated scales written after digits: `10k`, `£20m`, `$3.5bn`.
pub fn scale_abbrev(w: &str) -> Option<f64> {
    Some(match w {
        "k" | "K" => 1e3,
        "m" | "M" | "mn" | "mln" | "mil" | "MM" | "Mn" => 1e6,
        "b" | "B" | "bn" | "bln" | "Bn" | "BN" => 1e9,
        "tn" | "trn" | "tln" | "Tn" => 1e12,
        _ => return None,
    })
}

/// Fraction words and their shares of 100.
const FRACTIONS: &[(&str, f64)] = &[
    ("half", 50.0),
    ("halves", 50.0),
    ("third", 100.0 / 3.0),
    ("thirds", 100.0 / 3.0),
    ("quarter", 25.0),
    ("quarters", 25.0),
    ("fourth", 25.0),
    ("fourths", 25.0),
    ("fifth", 20.0),
    ("fifths", 20.0),
    ("sixth", 100.0 / 6.0),
    ("sixths", 100.0 / 6.0),
    ("eighth", 12.5),
    ("eighths", 12.5),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

static FRACTION_SIEVE: LazyLock<Sieve> =
    LazyLock::new(|| Sieve::new(FRACTIONS.iter().map(|(w, _)| *w)));

/// Fraction words as a share of 100: `half`, `third(s)`, `quarter(s)`.
pub fn fraction_word(w: &str) -> Option<f64> {
    if !FRACTION_SIEVE.may_hold(w.as_bytes()) {
        return None;
    }
    with_lower(w, |w| {
        FRACTIONS.iter().find(|(f, _)| *f == w).map(|&(_, v)| v)
    })
}

/// Words that make a following number part of a name or label
/// (`Article 5`, `Flight 370`, `Resolution 2254`).
pub fn label_noun(w: &str) -> bool {
    static L: WordList = WordList::new(&[
        "article",
        "flight",
        "resolution",
        "chapter",
        "section",
        "route",
        "highway",
        "room",
        "page",
        "pages",
        "exit",
        "level",
        "phase",
        "stage",
        "grade",
        "category",
        "no",
        "nos",
        "number",
        "paragraph",
        "clause",
        "line",
        "gate",
        "platform",
        "channel",
        "version",
        "season",
        "episode",
        "unit",
        "apartment",
        "suite",
        "road",
        "street",
        "bus",
        "terminal",
        "hangar",
        "pier",
        "item",
        "figure",
        "table",
        "verse",
        "psalm",
        "act",
        "amendment",
        "proposition",
        "prop",
        "district",
        "ward",
        "precinct",
        "block",
        "lot",
        "tier",
        "type",
        "model",
        "mark",
        "series",
        "covid",
        "junction",
        "milepost",
        "mile-marker",
        "p",
        "pp",
        "junctions",
        "articles",
        "sections",
        "exits",
        "gates",
        "rooms",
        "flights",
        "routes",
        "code",
        "vol",
        "volume",
        "issue",
        "case",
        "file",
        "formula",
        "interstate",
        "track",
    ]);
    L.contains_lower(w)
}

/// Month names and abbreviations: a number next to one belongs to a date.
pub fn month(w: &str) -> bool {
    static M: WordList = WordList::new(&[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]);
    if !M.may_hold(w) {
        return false;
    }
    with_ascii_lower(w, |l| {
        // "may", "march" (and "jan", "dec" …) are other words too; only the
        // capitalized forms of those are months.
        let plain = l.len() > 5 && l != "august";
        (plain || w.chars().next().is_some_and(char::is_uppercase)) && M.contains(l)
    })
}

/// Time units: a number before one is a duration or age, which belongs to
/// the dates lens (ANNOTATION.md §3), never a figure.
pub fn time_unit(w: &str) -> bool {
    static T: WordList = WordList::new(&[
        "second",
        "seconds",
        "minute",
        "minutes",
        "min",
        "mins",
        "hour",
        "hours",
        "hr",
        "hrs",
        "day",
        "days",
        "night",
        "nights",
        "week",
        "weeks",
        "weekend",
        "weekends",
        "fortnight",
        "fortnights",
        "month",
        "months",
        "year",
        "years",
        "yr",
        "yrs",
        "decade",
        "decades",
        "century",
        "centuries",
        "millennium",
        "millennia",
        "am",
        "pm",
        "gmt",
        "utc",
        "bst",
        "cet",
        "est",
        "edt",
        "pst",
        "pdt",
        "o'clock",
        "noon",
        "midnight",
        "sec",
        "secs",
        "ms",
    ]);
    T.contains_lower(w)
}

/// Compass words: `50 west of Mosul` is a distance whose unit was left out.
pub fn compass(w: &str) -> bool {
    static C: WordList = WordList::new(&[
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
    ]);
    C.contains_lower(w)
}

/// Whether `w` ends with `end` (ASCII), ignoring ASCII case: as
/// `w.to_ascii_lowercase().ends_with(end)` for a lower-case `end`, without
/// the copy.
pub fn ends_ci(w: &str, end: &str) -> bool {
    let (w, end) = (w.as_bytes(), end.as_bytes());
    w.len()
        .checked_sub(end.len())
        .and_then(|k| w.get(k..))
        .is_some_and(|t| t.eq_ignore_ascii_case(end))
}

/// Whether token `i` is a word (letters).
pub fn is_word(doc: &Doc, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.kind == Kind::Word)
}

/// Whether token `i` is a run of digits.
pub fn is_num(doc: &Doc, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.kind == Kind::Num)
}

/// Whether token `i` touches the one before it.
pub fn glued(doc: &Doc, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.glued)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_lists_answer_as_the_tables() {
        for &(w, v) in SMALL_NUMBERS {
            for f in [
                w.to_string(),
                w.to_uppercase(),
                w[..1].to_uppercase() + &w[1..],
            ] {
                assert_eq!(small_number(&f), Some(v));
            }
        }
        for &(w, v) in SCALES {
            assert_eq!(scale_word(&w.to_uppercase()), Some(v));
        }
        // `with_lower` lowers the Kelvin sign to `k`, as before.
        assert_eq!(scale_word("la\u{212A}h"), Some(1e5));
        for w in ["", "a", "people", "hundreds", "1", "-", "onee"] {
            assert_eq!(small_number(w), None);
            assert_eq!(scale_word(w), None);
        }
    }

    #[test]
    fn ascii_lowering_on_the_stack_matches_the_std() {
        let long = "ÀB".repeat(20);
        for w in [
            "",
            "ABC",
            "MiXeD",
            "ÉtÉ",
            "Ǆ",
            "İ",
            &long,
            &"X".repeat(32),
            &"Y".repeat(33),
        ] {
            assert_eq!(with_ascii_lower(w, str::to_string), w.to_ascii_lowercase());
        }
    }

    #[test]
    fn every_list_loads() {
        let doc = Doc::new("up to 5 US$ 3 square kilometres MW");
        assert!(
            HEDGES
                .at(&doc, 0)
                .is_some_and(|(e, h)| e == 2 && h.kind == "upper")
        );
        assert!(
            CURRENCIES
                .at(&doc, 3)
                .is_some_and(|(e, c)| e == 5 && c.code == "USD")
        );
        assert!(UNITS.at(&doc, 6).is_some_and(|(e, u)| e == 8 && u == "km2"));
        assert!(UNITS.at(&doc, 8).is_some_and(|(_, u)| u == "MW"));
        let low = Doc::new("mw gb");
        assert!(UNITS.at(&low, 0).is_none() && UNITS.at(&low, 1).is_none());
    }
}
