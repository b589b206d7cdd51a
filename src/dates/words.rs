//! Closed word classes of English temporal expressions: month and weekday
//! names, number words, calendar units. These are facts of the language,
//! small enough to live in code as sorted match arms.

use crate::calendar::push_padded;
use std::sync::LazyLock;

/// A calendar unit a duration, set or relative date counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// A weekend (Saturday and Sunday).
    Weekend,
    /// Fortnights (two weeks).
    Fortnight,
    /// Months.
    Month,
    /// Quarters of a year.
    Quarter,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

impl Unit {
    /// The unit word for a lower-case token, and whether it is plural.
    pub fn parse(w: &str) -> Option<(Unit, bool)> {
        Some(match w {
            "second" | "sec" => (Unit::Second, false),
            "seconds" | "secs" => (Unit::Second, true),
            "minute" | "min" => (Unit::Minute, false),
            "minutes" | "mins" => (Unit::Minute, true),
            "hour" | "hr" => (Unit::Hour, false),
            "hours" | "hrs" => (Unit::Hour, true),
            "day" => (Unit::Day, false),
            "days" => (Unit::Day, true),
            "week" => (Unit::Week, false),
            "weeks" => (Unit::Week, true),
            "weekend" => (Unit::Weekend, false),
            "weekends" => (Unit::Weekend, true),
            "fortnight" => (Unit::Fortnight, false),
            "fortnights" => (Unit::Fortnight, true),
            "month" => (Unit::Month, false),
            "months" => (Unit::Month, true),
            "quarter" => (Unit::Quarter, false),
            "quarters" => (Unit::Quarter, true),
            "year" | "yr" => (Unit::Year, false),
            "years" | "yrs" => (Unit::Year, true),
            "decade" => (Unit::Decade, false),
            "decades" => (Unit::Decade, true),
            "century" => (Unit::Century, false),
            "centuries" => (Unit::Century, true),
            _ => return None,
        })
    }

    /// TIMEX3 duration value for `n` of this unit (`P3M`, `PT2H`, `P10Y`).
    pub fn duration(self, n: f64) -> String {
        // `half an hour` reads better as PT30M than PT0.5H.
        if self == Unit::Hour && n.fract() != 0.0 && n < 1000.0 {
            return Unit::Minute.duration((n * 60.0).round());
        }
        let (n, letter, time) = match self {
            Unit::Second => (n, "S", true),
            Unit::Minute => (n, "M", true),
            Unit::Hour => (n, "H", true),
            Unit::Day => (n, "D", false),
            Unit::Week => (n, "W", false),
            Unit::Weekend => (n, "WE", false),
            Unit::Fortnight => (n * 2.0, "W", false),
            Unit::Month => (n, "M", false),
            Unit::Quarter => (n * 3.0, "M", false),
            Unit::Year => (n, "Y", false),
            Unit::Decade => (n * 10.0, "Y", false),
            Unit::Century => (n * 100.0, "Y", false),
        };
        let mut out = String::with_capacity(8);
        out.push_str(if time { "PT" } else { "P" });
        push_num(&mut out, n);
        out.push_str(letter);
        out
    }

    /// TIMEX3 duration value for an unstated number of this unit (`PXD`).
    pub fn vague(self) -> String {
        match self {
            Unit::Second => "PTXS".into(),
            Unit::Minute => "PTXM".into(),
            Unit::Hour => "PTXH".into(),
            Unit::Day => "PXD".into(),
            Unit::Week | Unit::Fortnight => "PXW".into(),
            Unit::Weekend => "PXWE".into(),
            Unit::Month | Unit::Quarter => "PXM".into(),
            Unit::Year | Unit::Decade | Unit::Century => "PXY".into(),
        }
    }

    /// The unit's name, for explanations.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Second => "second",
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Weekend => "weekend",
            Unit::Fortnight => "fortnight",
            Unit::Month => "month",
            Unit::Quarter => "quarter",
            Unit::Year => "year",
            Unit::Decade => "decade",
            Unit::Century => "century",
        }
    }
}

/// Appends `n` to `out`: `3` for 3.0, `2.5` for 2.5.
pub fn push_num(out: &mut String, n: f64) {
    if (n - n.round()).abs() < 1e-9 {
        push_padded(out, n.round() as i64, 0);
    } else {
        let s = format!("{n:.2}");
        out.push_str(s.trim_end_matches('0').trim_end_matches('.'));
    }
}

/// Month number of a full or abbreviated month name (lower case).
/// `abbrev` tells whether the form is an abbreviation (may take a period).
pub fn month(w: &str) -> Option<(u32, bool)> {
    Some(match w {
        "january" => (1, false),
        "february" => (2, false),
        "march" => (3, false),
        "april" => (4, false),
        "may" => (5, false),
        "june" => (6, false),
        "july" => (7, false),
        "august" => (8, false),
        "september" => (9, false),
        "october" => (10, false),
        "november" => (11, false),
        "december" => (12, false),
        "jan" => (1, true),
        "feb" => (2, true),
        "mar" => (3, true),
        "apr" => (4, true),
        "jun" => (6, true),
        "jul" => (7, true),
        "aug" => (8, true),
        "sep" | "sept" => (9, true),
        "oct" => (10, true),
        "nov" => (11, true),
        "dec" => (12, true),
        _ => return None,
    })
}

/// English month names, for explanations.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English weekday names, Monday first, for explanations.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// ISO weekday (Monday = 1) of a full weekday name (lower case).
pub fn weekday(w: &str) -> Option<u32> {
    Some(match w {
        "monday" => 1,
        "tuesday" => 2,
        "wednesday" => 3,
        "thursday" => 4,
        "friday" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    })
}

/// Part of a day: TIMEX3 code of `morning`, `afternoon`, `evening`, `night`.
pub fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// Season code of a season word (lower case).
pub fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Value of a cardinal number word below one hundred.
pub fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    })
}

/// Value of an ordinal word (`first` … `thirty-first` parts).
pub fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// Ordinal suffixes written after digits (`2nd`, `5th`).
pub fn is_ordinal_suffix(w: &str) -> bool {
    matches!(w, "st" | "nd" | "rd" | "th")
}

/// Time-zone abbreviations that may follow a clock time; `Z` zones are UTC.
pub fn time_zone(w: &str) -> Option<bool> {
    Some(match w {
        "gmt" | "utc" | "z" => true,
        "est" | "edt" | "et" | "cst" | "cdt" | "ct" | "mst" | "mdt" | "pst" | "pdt" | "pt"
        | "bst" | "cet" | "cest" | "eet" | "eest" | "ist" | "jst" | "aest" | "aedt" | "msk" => {
            false
        }
        _ => return None,
    })
}

/// Words that name a count or measure when they follow a number, so the
/// number is not a year (`2000 people`, `1500 troops` are caught by the
/// plural test; these are the irregular ones).
pub fn is_count_noun(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "men"
            | "women"
            | "children"
            | "police"
            | "personnel"
            | "staff"
            | "percent"
            | "per"
            | "%"
            | "million"
            | "billion"
            | "trillion"
            | "thousand"
            | "hundred"
            | "feet"
            | "foot"
            | "km"
            | "kg"
            | "m"
            | "mph"
            | "metres"
            | "meters"
            | "miles"
            | "tonnes"
            | "tons"
            | "dollars"
            | "euros"
            | "pounds"
            | "times"
            | "of"
            | "to"
            | "or"
            | "more"
            | "other"
            | "new"
            | "additional"
    )
}

/// Words after which a four-digit number is an identifier, not a year.
pub fn is_identifier_head(w: &str) -> bool {
    matches!(
        w,
        "no" | "nos"
            | "number"
            | "flight"
            | "route"
            | "highway"
            | "room"
            | "article"
            | "resolution"
            | "model"
            | "version"
            | "page"
            | "section"
            | "chapter"
            | "unit"
            | "bus"
            | "channel"
            | "line"
            | "code"
            | "windows"
            | "suite"
            | "apartment"
            | "box"
            | "lot"
            | "item"
            | "bill"
            | "act"
            | "pin"
    )
}

/// Hedges before a duration: first word, the second word it needs (`""`:
/// any), TIMEX3 `mod`, and how many words the hedge takes. No two rows
/// match the same pair of words. A table, so that the scan's gate reads
/// the first words from the same place as [`approximator`].
const APPROXIMATORS: [(&str, &str, &str, usize); 20] = [
    ("more", "than", "MORE_THAN", 2),
    ("longer", "than", "MORE_THAN", 2),
    ("over", "than", "MORE_THAN", 2),
    ("less", "than", "LESS_THAN", 2),
    ("fewer", "than", "LESS_THAN", 2),
    ("shorter", "than", "LESS_THAN", 2),
    ("at", "least", "EQUAL_OR_MORE", 2),
    ("at", "most", "EQUAL_OR_LESS", 2),
    ("up", "to", "EQUAL_OR_LESS", 2),
    ("no", "more", "EQUAL_OR_LESS", 2),
    ("nearly", "", "LESS_THAN", 1),
    ("almost", "", "LESS_THAN", 1),
    ("just", "under", "LESS_THAN", 1),
    ("about", "", "APPROX", 1),
    ("around", "", "APPROX", 1),
    ("roughly", "", "APPROX", 1),
    ("approximately", "", "APPROX", 1),
    ("some", "", "APPROX", 1),
    ("well", "over", "MORE_THAN", 2),
    ("just", "over", "MORE_THAN", 2),
];

/// Hedges before a duration, with their TIMEX3 `mod`; the number of words.
pub fn approximator(w1: &str, w2: &str) -> Option<(&'static str, usize)> {
    APPROXIMATORS
        .iter()
        .find(|&&(a, b, ..)| a == w1 && (b.is_empty() || b == w2))
        .map(|&(_, _, m, k)| (m, k))
}

/// Whether `w` is the first word of some hedge of [`approximator`].
pub fn is_approximator_head(w: &str) -> bool {
    APPROXIMATORS.iter().any(|&(a, ..)| a == w)
}

/// Irregular past-tense verb forms that signal past narration.
pub const IRREGULAR_PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "began",
    "came",
    "went",
    "took",
    "made",
    "met",
    "saw",
    "gave",
    "left",
    "fell",
    "held",
    "won",
    "lost",
    "rose",
    "got",
    "found",
    "sent",
    "spent",
    "built",
    "brought",
    "bought",
    "caught",
    "fought",
    "thought",
    "struck",
    "sold",
    "ran",
    "became",
    "broke",
    "chose",
    "drove",
    "flew",
    "knew",
    "meant",
    "paid",
    "shot",
    "spoke",
    "stood",
    "stole",
    "swore",
    "taught",
    "threw",
    "wrote",
    "arose",
    "dealt",
    "fled",
    "kept",
    "laid",
    "sat",
    "slept",
    "sought",
    "withdrew",
    "overtook",
    "undertook",
    "ago",
    "yesterday",
    "last",
    "earlier",
    "previously",
    "recently",
];

/// Words that signal future reference in a clause.
pub const FUTURE_CUES: &[&str] = &[
    "will",
    "shall",
    "tomorrow",
    "next",
    "upcoming",
    "coming",
    "scheduled",
    "expected",
    "due",
    "plans",
    "plan",
    "intends",
    "aims",
    "would",
    "forthcoming",
];

/// Present-tense verbs that, beside a weekday, announce a coming event
/// (`the trial begins Monday`, `the summit is on Friday`).
pub const PRESENT_EVENTS: &[&str] = &[
    "is",
    "are",
    "begins",
    "starts",
    "opens",
    "ends",
    "closes",
    "meets",
    "resumes",
    "arrives",
    "holds",
    "visits",
    "hosts",
    "plays",
    "faces",
    "returns",
    "runs",
    "kicks",
    "takes",
    "launches",
    "travels",
    "heads",
    "expires",
    "comes",
    "falls",
    "goes",
    "convenes",
    "reconvenes",
    "gathers",
    "airs",
    "premieres",
    "debuts",
    "lands",
    "departs",
    "concludes",
    "finishes",
];

/// The tense-cue classes of a word, one bit each ([`cue`]), with the few
/// words the tense rules test one by one: the tense of a clause reads up
/// to eighteen words around each expression, and most of them are in no
/// class, which one look-up tells.
pub mod cue {
    /// In [`super::FUTURE_CUES`].
    pub const FUTURE: u8 = 1;
    /// In [`super::PRESENT_EVENTS`].
    pub const PRESENT: u8 = 2;
    /// In [`super::IRREGULAR_PAST`].
    pub const PAST: u8 = 4;
    /// Read by a rule of its own (`'ll`, `won't`, `going to`, `set to`).
    pub const RULE: u8 = 8;
    /// The words of [`RULE`].
    pub const RULE_WORDS: [&str; 4] = ["ll", "won", "going", "set"];
}

static CUE_CLASSES: LazyLock<WordTable<u8>> = LazyLock::new(|| {
    let lists = [
        (FUTURE_CUES, cue::FUTURE),
        (PRESENT_EVENTS, cue::PRESENT),
        (IRREGULAR_PAST, cue::PAST),
        (&cue::RULE_WORDS[..], cue::RULE),
    ];
    let mut words: Vec<(&'static str, u8)> = lists
        .into_iter()
        .flat_map(|(list, bit)| list.iter().map(move |&w| (w, bit)))
        .collect();
    // A word in two lists (`won`, `expected`) gets both bits.
    words.sort_unstable_by_key(|&(w, _)| w);
    words.dedup_by(|next, kept| {
        let same = next.0 == kept.0;
        if same {
            kept.1 |= next.1;
        }
        same
    });
    WordTable::new(&words)
});

/// Builds the word tables now, if not yet done: the first call of the
/// lens builds them all, like the lexicons, not the first text that needs
/// one.
pub fn build_tables() {
    LazyLock::force(&CUE_CLASSES);
}

/// The [`cue`] classes of a lower-case word (0 for most words).
pub fn cue_class(w: &str) -> u8 {
    CUE_CLASSES.get(w)
}

/// A fixed set of lower-case words, each with a value: built once from a
/// word list, then read with one look-up per token. The scan asks it of
/// every token, so a look-up must cost a few instructions: the slot comes
/// from the length and three bytes of the word (no loop over the bytes),
/// and open addressing with linear probing settles collisions. The table
/// is filled only from our own lists, never from the input, and is at most
/// a quarter full, so a look-up probes a short, fixed run of slots
/// whatever the text.
pub struct WordTable<V> {
    /// `("", default)` marks an empty slot (no listed word is empty).
    slots: Vec<(&'static str, V)>,
    mask: usize,
    /// For each [`WordTable::shape`] of first and last byte, a bit for
    /// each length a listed word of that shape has.
    shapes: Vec<u64>,
}

impl<V: Copy + Default> WordTable<V> {
    /// A table of `words`; a word listed twice keeps its first value.
    pub fn new(words: &[(&'static str, V)]) -> WordTable<V> {
        let n = (words.len() * 4).next_power_of_two().max(16);
        let mut t = WordTable {
            slots: vec![("", V::default()); n],
            mask: n - 1,
            shapes: vec![0; 1 << 10],
        };
        for &(w, v) in words {
            if w.is_empty() {
                continue;
            }
            let (shape, len) = Self::shape(w.as_bytes());
            if let Some(s) = t.shapes.get_mut(shape) {
                *s |= len;
            }
            let mut k = Self::slot(w);
            while let Some(slot) = t.slots.get_mut(k & t.mask) {
                if slot.0.is_empty() {
                    *slot = (w, v);
                    break;
                }
                if slot.0 == w {
                    break;
                }
                k += 1;
            }
        }
        t
    }

    /// Where the probe for `w` starts (before masking).
    fn slot(w: &str) -> usize {
        let b = w.as_bytes();
        let byte = |i: usize| b.get(i).copied().map_or(0, u64::from);
        let key =
            b.len() as u64 | byte(0) << 8 | byte(1) << 16 | byte(b.len().wrapping_sub(1)) << 24;
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 40) as usize
    }

    /// The low five bits of the first and last bytes of a word (as an
    /// index), and its length (as a bit). An ASCII letter has the same low
    /// five bits in either case, so a word and its lower-case form have the
    /// same shape when they differ only in ASCII letters.
    fn shape(w: &[u8]) -> (usize, u64) {
        let (first, last) = match (w.first(), w.last()) {
            (Some(&f), Some(&l)) => (usize::from(f & 31), usize::from(l & 31)),
            _ => (0, 0),
        };
        (first << 5 | last, 1 << w.len().min(63))
    }

    /// Whether a listed word may be `w` in lower case, from its shape alone:
    /// no when no listed word has its length and its first and last bytes
    /// (up to ASCII case), which is the answer for most words. A test of
    /// the text's own bytes, so the caller need not lower-case the word.
    /// Yes for a word of ASCII letters and other bytes whose lower-case
    /// form is listed.
    pub fn may_hold(&self, w: &[u8]) -> bool {
        let (shape, len) = Self::shape(w);
        self.shapes.get(shape).is_some_and(|&s| s & len != 0)
    }

    /// The value of `w`, or the default when `w` is not listed.
    pub fn get(&self, w: &str) -> V {
        let mut k = Self::slot(w);
        while let Some(&(key, v)) = self.slots.get(k & self.mask) {
            if key.is_empty() {
                break;
            }
            if key == w {
                return v;
            }
            k += 1;
        }
        V::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn approximator_reads_the_second_word_where_a_row_names_one() {
        assert_eq!(approximator("at", "least"), Some(("EQUAL_OR_MORE", 2)));
        assert_eq!(approximator("at", "most"), Some(("EQUAL_OR_LESS", 2)));
        assert_eq!(approximator("at", "all"), None);
        assert_eq!(approximator("nearly", ""), Some(("LESS_THAN", 1)));
        assert_eq!(approximator("just", "under"), Some(("LESS_THAN", 1)));
        assert_eq!(approximator("just", "over"), Some(("MORE_THAN", 2)));
        assert!(is_approximator_head("well") && !is_approximator_head("than"));
    }

    #[test]
    fn word_table_finds_exactly_its_words() {
        // Words that share length and first, second and last bytes collide
        // on purpose.
        let words = [
            ("week", 1),
            ("weak", 2),
            ("wreck", 3),
            ("a", 4),
            ("at", 5),
            ("march", 6),
            ("mar", 7),
            ("march", 8),
        ];
        let t = WordTable::new(&words);
        for (w, v) in [("week", 1), ("weak", 2), ("wreck", 3), ("a", 4), ("at", 5)] {
            assert_eq!(t.get(w), v, "{w}");
        }
        assert_eq!(t.get("march"), 6, "the first value of a word listed twice");
        assert_eq!(t.get("mar"), 7);
        for w in ["", "w", "wek", "weeks", "wrack", "b", "marc", "’", "é"] {
            assert_eq!(t.get(w), 0, "{w}");
        }
        for (w, _) in words {
            assert!(t.may_hold(w.as_bytes()), "{w}");
            assert!(t.may_hold(w.to_uppercase().as_bytes()), "{w}");
        }
        for w in ["said", "Wed", "ATE", "marcs", ""] {
            assert!(!t.may_hold(w.as_bytes()), "{w}");
        }
    }
}
