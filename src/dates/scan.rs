//! Recognition: one left-to-right pass over the shared tokens, trying at each
//! token a fixed set of patterns that look at most a dozen tokens ahead, and
//! keeping the longest. The result is a list of candidates that carry their
//! meaning (`Sem`) but no value yet: values depend on the reference date and
//! on what the text talked about before, which `resolve` tracks.

use super::words::{self, Unit, WordTable};
use crate::text::{Doc, Kind, digits_value};
use std::sync::LazyLock;

/// What a temporal expression means before it is anchored.
#[derive(Clone, Debug, PartialEq)]
pub enum Sem {
    /// A day; the year may be missing (`February 11`).
    Day {
        /// Year, when written.
        y: Option<i32>,
        /// Month.
        m: u32,
        /// Day of month.
        d: u32,
    },
    /// A month; the year may be missing (`in January`).
    Month {
        /// Year, when written.
        y: Option<i32>,
        /// Month.
        m: u32,
    },
    /// A year.
    Year(i32),
    /// A decade, by its first three digits (`199` for the 1990s).
    Decade(i32),
    /// A century, by its first two digits (`19` for the 20th century).
    Century(i32),
    /// A season (`SP`, `SU`, `FA`, `WI`); the year may be missing.
    Season {
        /// Year, when written.
        y: Option<i32>,
        /// Season code.
        s: &'static str,
    },
    /// A quarter; the year may be missing.
    Quarter {
        /// Year, when written.
        y: Option<i32>,
        /// 1–4.
        q: u32,
    },
    /// A half year; the year may be missing.
    Half {
        /// Year, when written.
        y: Option<i32>,
        /// 1 or 2.
        h: u32,
    },
    /// A fiscal year (`FY2016`).
    Fiscal(i32),
    /// A weekday; `dir` is -1 for `last`, +1 for `next`, 0 when the tense decides.
    Weekday {
        /// ISO weekday.
        w: u32,
        /// Direction word.
        dir: i8,
    },
    /// `today` (0), `yesterday` (-1), `tomorrow` (+1).
    RelDay(i64),
    /// `this week` (0), `last month` (-1), `next year` (+1).
    RelUnit {
        /// The unit.
        unit: Unit,
        /// Offset from the reference date's unit.
        n: i64,
    },
    /// `two days ago`.
    Ago {
        /// How many (None: vague).
        n: Option<f64>,
        /// The unit.
        unit: Unit,
    },
    /// `that day` (0), `the previous day` (-1), `the following week` (+1):
    /// relative to the date the text last talked about.
    Anaphor {
        /// The unit.
        unit: Unit,
        /// Offset.
        n: i64,
    },
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(&'static str),
    /// `the first week of March`: `nth` 1–5, or -1 for the last week.
    WeekOf {
        /// The month.
        month: Box<Sem>,
        /// Which week.
        nth: i32,
    },
    /// A month with a year given by the reference year and tense (`this March`:
    /// dir 0; `last March`: -1; `next March`: +1).
    MonthDir {
        /// Month.
        m: u32,
        /// Direction.
        dir: i8,
    },
    /// A season with a direction word (`last summer`).
    SeasonDir {
        /// Season code.
        s: &'static str,
        /// Direction.
        dir: i8,
    },
    /// `on the 18th`: a day of the month the text is talking about.
    DayOfMonth(u32),
    /// `the weekend`: the one just past in past narration, else the coming one.
    Weekend,
    /// A finished duration value (`P3M`, `PXD`).
    Duration(String),
    /// A finished set value (`P1D`, `XXXX-WXX-1`).
    Set(String),
    /// A time of day on a day: `hm` is `15:00` or a part-of-day code `MO`.
    Time {
        /// The day, when the expression names it (`Monday morning`).
        day: Option<Box<Sem>>,
        /// Clock time `HH:MM` or part of day `MO`/`AF`/`EV`/`NI`.
        hm: String,
        /// `Z` when the zone is UTC/GMT.
        zone: &'static str,
    },
}

/// TIMEX3 type of a candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    /// A calendar date.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurrence.
    Set,
}

impl Type {
    /// The TIMEX3 type name.
    pub fn as_str(self) -> &'static str {
        match self {
            Type::Date => "date",
            Type::Time => "time",
            Type::Duration => "duration",
            Type::Set => "set",
        }
    }
}

/// A recognized expression: tokens `a..b`, its meaning and `mod`.
#[derive(Clone, Debug)]
pub struct Cand {
    /// First token.
    pub a: usize,
    /// One past the last token.
    pub b: usize,
    /// TIMEX3 type.
    pub ty: Type,
    /// Meaning.
    pub sem: Sem,
    /// TIMEX3 `mod`.
    pub modifier: Option<&'static str>,
    /// What pattern matched, for the `why` view.
    pub rule: &'static str,
}

impl Cand {
    fn new(a: usize, b: usize, ty: Type, sem: Sem, rule: &'static str) -> Cand {
        Cand {
            a,
            b,
            ty,
            sem,
            modifier: None,
            rule,
        }
    }
}

/// Rule name of `Monday, March 6` (a weekday with a year-less date), which
/// the reference-date inference reads as a clue to the year.
pub const WEEKDAY_AND_DATE: &str = "weekday and date";

/// The scanner: the document and each token in lower case.
pub struct Scan<'d, 'a> {
    doc: &'d Doc<'a>,
    day_first: bool,
    /// Nesting of `the end of the … of …` and `early …` patterns: bounded so
    /// that hostile chains cost constant work per token.
    depth: std::cell::Cell<u8>,
}

/// How deep nested patterns may go.
const MAX_DEPTH: u8 = 3;

/// Words before a bare ambiguous month name (`May`, `March`) that make it a month.
fn is_month_context(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "from"
            | "to"
            | "of"
            | "last"
            | "next"
            | "this"
            | "early"
            | "late"
            | "mid"
            | "through"
            | "during"
            | "between"
            | "before"
            | "after"
            | "and"
            | "or"
            | "-"
            | "throughout"
            | "end"
            | "beginning"
    )
}

/// Lower-case words after a weekday that make it a time of that day.
fn is_temporal_word(w: &str) -> bool {
    words::month(w).is_some()
        || words::weekday(w).is_some()
        || words::part_of_day(w).is_some()
        || matches!(w, "night" | "at" | "to")
}

/// Keeps in `best` the candidate reaching furthest; the first wins a tie.
fn longer(best: &mut Option<Cand>, c: Option<Cand>) {
    if let Some(c) = c
        && best.as_ref().is_none_or(|b| c.b > b.b)
    {
        *best = Some(c);
    }
}

/// The scan's gate: which patterns of `best_at` may match at a token, from
/// the token alone, one bit per pattern (the bits of [`Scan::PATTERNS`]).
///
/// Trying all nineteen patterns costs some two thousand instructions a
/// token, yet most tokens of news (`forces`, `said`) can start none,
/// and the common ones that can (`the`, `a`, `year`) start one or two. The
/// invariant: wherever a pattern would return a candidate at token `i`, its
/// bit is set for `i`. A pattern whose bit is clear would return nothing
/// (and patterns have no side effects), so skipping it, or the whole token
/// when no bit is set, leaves the output exactly as it was. [`starts`] reads the first-token tests off the
/// patterns, through the same `words` functions where a pattern uses one;
/// the tests `gate_covers_every_match_*` check the invariant over real and
/// adversarial text.
mod start {
    pub const SET: u32 = 1 << 0;
    pub const MONTH: u32 = 1 << 1;
    pub const DAY: u32 = 1 << 2;
    pub const WEEKDAY: u32 = 1 << 3;
    pub const NUMERIC: u32 = 1 << 4;
    pub const YEAR: u32 = 1 << 5;
    pub const DECADE: u32 = 1 << 6;
    pub const CENTURY: u32 = 1 << 7;
    pub const CLOCK: u32 = 1 << 8;
    pub const DEICTIC: u32 = 1 << 9;
    pub const DIR: u32 = 1 << 10;
    pub const ANAPHOR: u32 = 1 << 11;
    pub const SEASON: u32 = 1 << 12;
    pub const QUARTER: u32 = 1 << 13;
    pub const DURATION: u32 = 1 << 14;
    pub const HOLIDAY: u32 = 1 << 15;
    pub const MODIFIED: u32 = 1 << 16;
    pub const WITH_THE: u32 = 1 << 17;
    pub const HEDGED: u32 = 1 << 18;
    /// Every pattern.
    pub const ALL: u32 = (1 << 19) - 1;
    /// The patterns whose first token may be digits (`is_num`, `num_val`,
    /// `number_at`, `year_at`); every other one first tests a word.
    pub const DIGITS: u32 = SET | DAY | NUMERIC | YEAR | DECADE | CENTURY | CLOCK | DURATION;
    /// The patterns of `Scan::core`: all but sets and the ones built on `core`.
    pub const CORE: u32 = ALL & !(SET | MODIFIED | WITH_THE | HEDGED);
}

/// The gate bits of a token that is not digits, in lower case as `Scan::w`
/// gives it: for each pattern, the test its code makes on its first token.
fn starts(w: &str) -> u32 {
    use start::*;
    let small_number = words::small_number(w).is_some();
    let ordinal = words::ordinal(w).is_some();
    let tests = [
        // set_at: adverbs, `Mondays`, `every day`, `once a week`, `three
        // times a year`, `5 per day`.
        (
            SET,
            matches!(
                w,
                "daily"
                    | "weekly"
                    | "monthly"
                    | "yearly"
                    | "annually"
                    | "quarterly"
                    | "hourly"
                    | "nightly"
                    | "everyday"
                    | "every"
                    | "each"
                    | "once"
                    | "twice"
                    | "a"
                    | "an"
                    | "per"
            ) || w.strip_suffix('s').and_then(words::weekday).is_some()
                || small_number,
        ),
        (MONTH, words::month(w).is_some()),
        // day_month: `the 5th of March`, `on the 18th`.
        (DAY, w == "the"),
        (WEEKDAY, words::weekday(w).is_some()),
        // decade_at: `'90s` (`Scan::w` reads `’` as `'`).
        (DECADE, matches!(w, "'" | "‘")),
        (CENTURY, ordinal),
        (
            CLOCK,
            matches!(w, "noon" | "midday" | "midnight") || small_number,
        ),
        (
            DEICTIC,
            matches!(
                w,
                "today"
                    | "yesterday"
                    | "tomorrow"
                    | "tonight"
                    | "now"
                    | "currently"
                    | "nowadays"
                    | "presently"
                    | "recently"
                    | "lately"
                    | "recent"
                    | "these"
            ),
        ),
        (
            DIR,
            matches!(w, "this" | "current" | "last" | "past" | "next" | "coming"),
        ),
        (ANAPHOR, w == "that"),
        (SEASON, words::season(w).is_some()),
        (QUARTER, matches!(w, "q" | "h" | "fiscal" | "fy") || ordinal),
        // duration_at: a unit (`years later`, `year-long`, `yearlong`), or
        // what `number_at` reads as a number.
        (
            DURATION,
            Unit::parse(w).is_some()
                || w.strip_suffix("long").and_then(Unit::parse).is_some()
                || matches!(
                    w,
                    "a" | "an"
                        | "few"
                        | "several"
                        | "many"
                        | "some"
                        | "numerous"
                        | "multiple"
                        | "countless"
                        | "couple"
                        | "half"
                        | "dozens"
                        | "hundreds"
                        | "thousands"
                )
                || small_number,
        ),
        (
            HOLIDAY,
            matches!(w, "christmas" | "new" | "halloween" | "valentine"),
        ),
        (
            MODIFIED,
            matches!(w, "early" | "late" | "mid" | "middle" | "earlier" | "later"),
        ),
        (WITH_THE, w == "the"),
        (HEDGED, words::is_approximator_head(w)),
    ];
    tests
        .iter()
        .filter(|&&(_, yes)| yes)
        .fold(0, |may, &(bit, _)| may | bit)
}

/// Every word for which [`starts`] sets a bit: the words the patterns name
/// as their first token (in the code above or in a `words` table), with
/// their `-s` and `-long` forms where a pattern strips those. The test
/// `starters_are_every_word_that_starts_a_pattern` checks the list against
/// every word the patterns' source names.
const STARTERS: &str = "
    ' ‘ a about almost an annually approximately apr april around at aug august autumn
    centuries centurieslong century centurylong christmas coming countless couple current
    currently daily day daylong days dayslong dec decade decadelong decades decadeslong
    december dozen dozens each earlier early eight eighteen eighteenth eighth eighty eleven
    eleventh every everyday fall feb february few fewer fifteen fifteenth fifth fifty first
    fiscal five fortnight fortnightlong fortnights fortnightslong forty four fourteen
    fourteenth fourth friday fridays fy h half halloween hour hourlong hourly hours
    hourslong hr hrlong hrs hrslong hundred hundreds jan january jul july jun june just last
    late lately later less longer many mar march may mid midday middle midnight min minlong
    mins minslong minute minutelong minutes minuteslong monday mondays month monthlong
    monthly months monthslong more multiple nearly new next nightly nine nineteen nineteenth
    ninety ninth no noon nov november now nowadays numerous oct october once one over past
    per presently q quarter quarterlong quarterly quarters quarterslong recent recently
    roughly saturday saturdays sec seclong second secondlong seconds secondslong secs
    secslong sep sept september seven seventeen seventeenth seventh seventy several shorter
    six sixteen sixteenth sixth sixty some spring summer sunday sundays ten tenth that the
    these third thirteen thirteenth thirtieth thirty this thousands three thursday thursdays
    today tomorrow tonight tuesday tuesdays twelfth twelve twentieth twenty twice two up
    valentine wednesday wednesdays week weekend weekendlong weekends weekendslong weeklong
    weekly weeks weekslong well winter year yearlong yearly years yearslong yesterday yr
    yrlong yrs yrslong zero
";

/// [`starts`] of every word of [`STARTERS`], built on first use: the gate
/// then costs one table look-up a token, and nothing per call.
static STARTS: LazyLock<WordTable<u32>> = LazyLock::new(|| {
    let words: Vec<(&'static str, u32)> = STARTERS
        .split_whitespace()
        .map(|w| (w, starts(w)))
        .collect();
    WordTable::new(&words)
});

/// The gate bits of token `i` of `scan`: [`start::DIGITS`] for digits, else
/// [`starts`] of the word (zero for a word no pattern starts with).
#[inline(always)]
fn gate(scan: &Scan, i: usize) -> u32 {
    let Some(t) = scan.doc.tokens.get(i) else {
        return 0;
    };
    if t.kind == Kind::Num {
        return if scan.digits_may_start(i) {
            start::DIGITS
        } else {
            0
        };
    }
    // Most words are ruled out by their own bytes' shape, before their
    // lower-case form is fetched: a starter is ASCII (or `‘`, which has no
    // case), so a token that is one in lower case has its shape. `’` is
    // read as `'`.
    let bytes = scan
        .doc
        .text
        .as_bytes()
        .get(t.start()..t.end())
        .unwrap_or_default();
    if !STARTS.may_hold(bytes) && bytes != "’".as_bytes() {
        return 0;
    }
    STARTS.get(scan.w(i))
}

/// A pattern: the candidate it finds at a token, if any.
type Pattern<'d, 'a> = fn(&Scan<'d, 'a>, usize) -> Option<Cand>;

impl<'d, 'a> Scan<'d, 'a> {
    /// Prepares a scan of `doc`.
    pub fn new(doc: &'d Doc<'a>, day_first: bool) -> Scan<'d, 'a> {
        LazyLock::force(&STARTS);
        words::build_tables();
        Scan {
            doc,
            day_first,
            depth: std::cell::Cell::new(0),
        }
    }

    /// Whether the digits at `i` may start a pattern, from the word after
    /// them: a year or a wire-service clock has four digits; a shorter or
    /// longer number goes on into a date, time, duration or set only
    /// through a month (`5 March`), a unit (`3 days`), an ordinal suffix,
    /// `times`, `of`, or a sign the patterns read (`5:30`, `7/8/07`,
    /// `'90s`, `3 p.m.`, `2.5 years`). Most numbers of news (`750,000
    /// civilians`, `93.4 million`) stop at the next word.
    fn digits_may_start(&self, i: usize) -> bool {
        if self.w(i).len() == 4 {
            return true;
        }
        let next = self.w(i + 1);
        matches!(
            next,
            "times"
                | "of"
                | "-"
                | "/"
                | "."
                | ","
                | ":"
                | "'"
                | "s"
                | "am"
                | "pm"
                | "a"
                | "p"
                | "o"
        ) || words::is_ordinal_suffix(next)
            || words::month(next).is_some()
            || Unit::parse(next).is_some()
    }

    /// Token `i` in lower case, the curly apostrophe read as a straight one.
    fn w(&self, i: usize) -> &'d str {
        let l = self.doc.low(i);
        if l == "’" { "'" } else { l }
    }

    /// Token `i` in lower case (empty when out of range).
    pub fn low(&self, i: usize) -> &'d str {
        self.w(i)
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.doc.tokens.get(i).map(|t| t.kind)
    }

    fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Num)
    }

    fn glued(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.glued)
    }

    fn upper(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.upper)
    }

    fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    /// Whether `i` and `j` are in the same sentence.
    fn same_sentence(&self, i: usize, j: usize) -> bool {
        match (self.doc.sentence_of.get(i), self.doc.sentence_of.get(j)) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        }
    }

    fn num_val(&self, i: usize) -> Option<u32> {
        if !self.is_num(i) || self.w(i).len() > 4 {
            return None;
        }
        self.w(i).parse().ok()
    }

    /// Whether a digit run at `i` stands alone (not part of a longer number,
    /// decimal, code or range of digits).
    fn digits_alone_after(&self, i: usize) -> bool {
        let n = i + 1;
        if !self.glued(n) {
            return true;
        }
        match self.w(n) {
            "." | "," | ":" | "/" => !(self.is_num(n + 1) && self.glued(n + 1)),
            "-" | "–" => !(self.glued(n + 1) && self.kind(n + 1) != Some(Kind::Punct)),
            _ => self.kind(n) == Some(Kind::Punct),
        }
    }

    fn digits_alone_before(&self, i: usize) -> bool {
        if i == 0 || !self.glued(i) {
            return true;
        }
        let p = i - 1;
        match self.w(p) {
            "$" | "#" | "£" | "€" => false,
            // `mid-2011`, `pre-2003`: a lower-case prefix before the hyphen.
            "-" if p > 0
                && self.glued(p)
                && self.kind(p - 1) == Some(Kind::Word)
                && !self.upper(p - 1) =>
            {
                true
            }
            "." | "," | ":" | "/" | "-" | "–" => {
                !(p > 0 && self.glued(p) && self.kind(p - 1) != Some(Kind::Punct))
            }
            _ => self.kind(p) == Some(Kind::Punct),
        }
    }

    /// A month name at `i` (with an abbreviation's period); returns month and next token.
    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        let (m, abbrev) = words::month(self.w(i))?;
        let t = self.doc.tok(i);
        // Lower-case `may`, `march` and `august` are other words.
        if !self.upper(i) && matches!(m, 3 | 5 | 8) {
            return None;
        }
        if abbrev {
            if !self.upper(i) {
                return None;
            }
            if self.w(i + 1) == "." && self.glued(i + 1) {
                return Some((m, i + 2));
            }
            // `Mar`/`Jan` without a period only before a day number.
            if t.len() >= 3 && self.is_num(i + 1) {
                return Some((m, i + 1));
            }
            return None;
        }
        Some((m, i + 1))
    }

    /// A day-of-month number (with ordinal suffix) at `i`.
    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let d = self.num_val(i)?;
        if !(1..=31).contains(&d) || self.w(i).len() > 2 {
            return None;
        }
        let mut j = i + 1;
        if self.glued(j) && words::is_ordinal_suffix(self.w(j)) {
            j += 1;
        }
        if !self.digits_alone_after(j - 1) && j == i + 1 {
            // `5,000` or `5.3` is not a day.
            if matches!(self.w(j), "," | ".") && self.is_num(j + 1) && self.glued(j + 1) {
                return None;
            }
            if matches!(self.w(j), ":" | "/") {
                return None;
            }
        }
        Some((d, j))
    }

    /// A four-digit year at `i`.
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        if !self.is_num(i) || self.w(i).len() != 4 {
            return None;
        }
        let y: i32 = self.w(i).parse().ok()?;
        if !(1000..=2099).contains(&y) {
            return None;
        }
        if self.glued(i + 1) && self.kind(i + 1) == Some(Kind::Word) {
            return None;
        }
        Some((y, i + 1))
    }

    /// Optional comma then a year.
    fn comma_year(&self, j: usize) -> Option<(i32, usize)> {
        if self.w(j) == ","
            && let Some(r) = self.year_at(j + 1)
        {
            return Some(r);
        }
        self.year_at(j)
    }

    /// A number phrase: digits, a decimal, number words, `a`, `a few`. Returns
    /// the value (None when vague) and the next token.
    fn number_at(&self, i: usize) -> Option<(Option<f64>, usize)> {
        let w = self.w(i);
        if self.is_num(i) {
            if !self.digits_alone_before(i) {
                return None;
            }
            let mut v = digits_value(w)?;
            let mut j = i + 1;
            if self.w(j) == "." && self.glued(j) && self.is_num(j + 1) && self.glued(j + 1) {
                let frac: f64 = format!("0.{}", self.w(j + 1)).parse().ok()?;
                v += frac;
                j += 2;
            } else if self.w(j) == ","
                && self.glued(j)
                && self.is_num(j + 1)
                && self.glued(j + 1)
                && self.w(j + 1).len() == 3
            {
                let rest = digits_value(self.w(j + 1))?;
                v = v * 1000.0 + rest;
                j += 2;
            }
            if self.glued(j) && matches!(self.w(j), "." | "," | ":" | "/") && self.is_num(j + 1) {
                return None;
            }
            return Some((Some(v), j));
        }
        match w {
            "a" | "an" => {
                if self.w(i + 1) == "few" {
                    return Some((None, i + 2));
                }
                if self.w(i + 1) == "couple" && self.w(i + 2) == "of" {
                    return Some((Some(2.0), i + 3));
                }
                if self.w(i + 1) == "dozen" {
                    return Some((Some(12.0), i + 2));
                }
                if self.w(i + 1) == "number" && self.w(i + 2) == "of" {
                    return Some((None, i + 3));
                }
                return Some((Some(1.0), i + 1));
            }
            "few" | "several" | "many" | "some" | "numerous" | "multiple" | "countless" => {
                return Some((None, i + 1));
            }
            // `couple of weeks` (`a couple of` is above)
            "couple" if self.w(i + 1) == "of" => return Some((Some(2.0), i + 2)),
            "half" if matches!(self.w(i + 1), "a" | "an") => return Some((Some(0.5), i + 2)),
            // `dozens of years`, `hundreds of years`, `thousands of years`
            "dozens" | "hundreds" | "thousands" if self.w(i + 1) == "of" => {
                return Some((None, i + 2));
            }
            _ => {}
        }
        let mut v = words::small_number(w)?;
        if v == 100 {
            return None;
        }
        let mut j = i + 1;
        // `twenty-five`, `twenty five`.
        if v >= 20 && v % 10 == 0 {
            let k = if self.w(j) == "-" && self.glued(j) {
                j + 1
            } else {
                j
            };
            if let Some(u) = words::small_number(self.w(k)).filter(|u| (1..10).contains(u)) {
                v += u;
                j = k + 1;
            }
        }
        let mut v = f64::from(v);
        // `two and a half`.
        if self.w(j) == "and" && self.w(j + 1) == "a" && self.w(j + 2) == "half" {
            v += 0.5;
            j += 3;
        }
        Some((Some(v), j))
    }

    /// Scans the whole document.
    pub fn run(&self) -> Vec<Cand> {
        let n = self.len();
        // Room for a candidate every sixteen tokens, so the list rarely
        // regrows: the bench corpus's articles have one every 23, one every
        // 16 at most.
        let mut out: Vec<Cand> = Vec::with_capacity(n / 16 + 4);
        let mut i = 0;
        while i < n {
            // Most tokens can start no pattern: skip them untried.
            let may = gate(self, i);
            if may == 0 {
                i += 1;
                continue;
            }
            match self.best_at(i, may) {
                Some(c) if c.b > i => {
                    let b = c.b;
                    let extra = self.range_tail(&c);
                    let mut c = c;
                    // A pattern may reach one word back (`right now`, `the
                    // spring`); never into the span before it.
                    let floor = out.last().map_or(0, |p: &Cand| p.b);
                    c.a = c.a.max(floor);
                    // `March 5-7, 2017`: the year written at the end holds for both.
                    if let (
                        Sem::Day { y: y @ None, .. },
                        Some(Cand {
                            sem: Sem::Day { y: Some(y2), .. },
                            ..
                        }),
                    ) = (&mut c.sem, &extra)
                    {
                        *y = Some(*y2);
                        c.rule = "full date as written";
                    }
                    out.push(c);
                    i = b;
                    if let Some(e) = extra {
                        i = e.b;
                        out.push(e);
                    }
                }
                _ => i += 1,
            }
        }
        self.early_on(&mut out);
        out
    }

    /// `early on Sunday`: the day keeps its extent and gets the `mod`.
    fn early_on(&self, out: &mut [Cand]) {
        for c in out.iter_mut() {
            if c.a >= 2 && c.modifier.is_none() && self.w(c.a - 1) == "on" {
                let m = match self.w(c.a - 2) {
                    "early" => "START",
                    "late" => "END",
                    _ => continue,
                };
                if matches!(
                    c.sem,
                    Sem::Weekday { .. } | Sem::Day { .. } | Sem::RelDay(_)
                ) {
                    c.modifier = Some(m);
                }
            }
        }
    }

    /// `Feb. 19-26`, `2009-11`: the second end of a range written with a dash.
    fn range_tail(&self, c: &Cand) -> Option<Cand> {
        let b = c.b;
        if !matches!(self.w(b), "-" | "–" | "/") || !self.glued(b) || !self.glued(b + 1) {
            return None;
        }
        // `2016/17` is a span of years; `March 5/6` is not a range we read.
        if self.w(b) == "/" && !matches!(c.sem, Sem::Year(_)) {
            return None;
        }
        match c.sem {
            Sem::Day { y, m, .. } => {
                let (d, j) = self.day_at(b + 1)?;
                let (y, j) = match self.comma_year(j) {
                    Some((y2, j2)) if y.is_none() => (Some(y2), j2),
                    _ => (y, j),
                };
                Some(Cand::new(
                    b + 1,
                    j,
                    Type::Date,
                    Sem::Day { y, m, d },
                    "day range end",
                ))
            }
            Sem::Year(y) => {
                let t = self.w(b + 1);
                if !self.is_num(b + 1) || !self.digits_alone_after(b + 1) {
                    return None;
                }
                let v: i32 = t.parse().ok()?;
                let y2 = match t.len() {
                    2 => y - y % 100 + v,
                    4 => v,
                    _ => return None,
                };
                if y2 <= y || y2 > y + 100 {
                    return None;
                }
                Some(Cand::new(
                    b + 1,
                    b + 2,
                    Type::Date,
                    Sem::Year(y2),
                    "year range end",
                ))
            }
            _ => None,
        }
    }

    /// Every pattern with its gate bit, in the order tried: the longest
    /// candidate wins, the first on a tie. Sets come first (on a tie, `15 a
    /// year` is a rate, not a length), then the core patterns, then the ones
    /// built on them.
    const PATTERNS: [(u32, Pattern<'d, 'a>); 19] = [
        (start::SET, Self::set_at),
        (start::MONTH, Self::month_forms),
        (start::DAY, Self::day_month),
        (start::WEEKDAY, Self::weekday_forms),
        (start::NUMERIC, Self::numeric_date),
        (start::YEAR, Self::year_forms),
        (start::DECADE, Self::decade_at),
        (start::CENTURY, Self::century_at),
        (start::CLOCK, Self::clock_time),
        (start::DEICTIC, Self::deictic),
        (start::DIR, Self::dir_forms),
        (start::ANAPHOR, Self::anaphor),
        (start::SEASON, Self::season_forms),
        (start::QUARTER, Self::quarter_forms),
        (start::DURATION, Self::duration_at),
        (start::HOLIDAY, Self::holiday),
        (start::MODIFIED, Self::modified),
        (start::WITH_THE, Self::with_the),
        (start::HEDGED, Self::hedged_duration),
    ];

    /// The longest candidate at `i` among the patterns whose bit is in `may`
    /// (the scan passes the gate's bits for `i`).
    fn best_at(&self, i: usize, may: u32) -> Option<Cand> {
        let mut best: Option<Cand> = None;
        for &(bit, pattern) in &Self::PATTERNS {
            if may & bit != 0 {
                longer(&mut best, pattern(self, i));
            }
        }
        best
    }

    /// `early January`, `mid-October`, `late last year`, `earlier this month`.
    fn modified(&self, i: usize) -> Option<Cand> {
        if self.depth.get() >= MAX_DEPTH {
            return None;
        }
        self.depth.set(self.depth.get() + 1);
        let c = self.modified_inner(i);
        self.depth.set(self.depth.get().saturating_sub(1));
        c
    }

    fn modified_inner(&self, i: usize) -> Option<Cand> {
        let (m, j) = match self.w(i) {
            "early" => (Some("START"), i + 1),
            "late" => (Some("END"), i + 1),
            "mid" if self.w(i + 1) == "-" && self.glued(i + 1) => (Some("MID"), i + 2),
            "mid" | "middle" => (Some("MID"), i + 1),
            // earlier in the week, later in the year: the period itself (`the week`)
            "earlier" | "later" if self.w(i + 1) == "in" && self.w(i + 2) == "the" => {
                let (u, false) = Unit::parse(self.w(i + 3))? else {
                    return None;
                };
                if !matches!(
                    u,
                    Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Quarter
                ) {
                    return None;
                }
                let sem = if u == Unit::Day {
                    Sem::RelDay(0)
                } else {
                    Sem::RelUnit { unit: u, n: 0 }
                };
                // TimeML keeps the preposition out: `earlier in [the week]`.
                return Some(Cand::new(
                    i + 2,
                    i + 4,
                    Type::Date,
                    sem,
                    "the current period",
                ));
            }
            "earlier" | "later"
                if matches!(self.w(i + 1), "this" | "today" | "tonight")
                    || words::weekday(self.w(i + 1)).is_some() && self.upper(i + 1) =>
            {
                (None, i + 1)
            }
            _ => return None,
        };
        let mut inner = if self.w(j) == "the" {
            self.with_the(j)
        } else {
            self.core(j)
        }?;
        if inner.a != j {
            return None;
        }
        if !matches!(inner.ty, Type::Date | Type::Time) || inner.modifier.is_some() {
            return None;
        }
        if matches!(inner.sem, Sem::Ref(_)) {
            return None;
        }
        inner.a = i;
        inner.modifier = m;
        Some(inner)
    }

    /// `nearly a month`, `more than three years`.
    fn hedged_duration(&self, i: usize) -> Option<Cand> {
        let (m, k) = words::approximator(self.w(i), self.w(i + 1))?;
        let mut j = i + k;
        if self.w(i) == "no" && self.w(i + 2) == "than" {
            j += 1;
        }
        // `about 8:45 a.m.`, `around 2010`: a point in time, approximately.
        if matches!(
            self.w(i),
            "about" | "around" | "approximately" | "roughly" | "circa"
        ) {
            let point = self.core(j).filter(|c| {
                c.a == j
                    && matches!(c.ty, Type::Date | Type::Time)
                    && matches!(
                        c.sem,
                        Sem::Year(_)
                            | Sem::Day { .. }
                            | Sem::Month { .. }
                            | Sem::Time { .. }
                            | Sem::Decade(_)
                    )
            });
            if let Some(mut c) = point {
                c.a = i;
                c.modifier = Some("APPROX");
                return Some(c);
            }
        }
        let mut c = self.duration_at(j)?;
        if c.ty != Type::Duration || c.modifier.is_some() {
            return None;
        }
        // `some days` is vague on its own; `some three days` is a hedge.
        if self.w(i) == "some" && !(self.is_num(j) || words::small_number(self.w(j)).is_some()) {
            return None;
        }
        c.a = i;
        c.modifier = Some(m);
        Some(c)
    }

    /// Patterns that start with `the`.
    fn with_the(&self, i: usize) -> Option<Cand> {
        if self.w(i) != "the" || !self.may_follow_the(i + 1) || self.depth.get() >= MAX_DEPTH {
            return None;
        }
        self.depth.set(self.depth.get() + 1);
        let c = self.with_the_inner(i);
        self.depth.set(self.depth.get().saturating_sub(1));
        c
    }

    /// Whether token `j`, after a `the`, may go on into a pattern of
    /// [`Scan::with_the_inner`]: each of its tests reads a word that starts
    /// a pattern itself (`first`, `year`, `1990s`, `next`), or one of a few
    /// words that only `the …` reads. `the` is the most common word of
    /// news and nearly always opens no date, so this test runs first; the
    /// test `gate_covers_every_match_*` checks it against the patterns.
    fn may_follow_the(&self, j: usize) -> bool {
        gate(self, j) != 0
            || matches!(
                self.w(j),
                "end"
                    | "close"
                    | "beginning"
                    | "start"
                    | "very"
                    | "final"
                    | "near"
                    | "immediate"
                    | "foreseeable"
                    | "distant"
                    | "future"
                    | "previous"
                    | "following"
                    | "preceding"
                    | "same"
            )
    }

    fn with_the_inner(&self, i: usize) -> Option<Cand> {
        let j = i + 1;
        let w = self.w(j);
        // the end / beginning / middle of X
        let part = match w {
            "end" | "close" => Some("END"),
            "beginning" | "start" => Some("START"),
            "middle" => Some("MID"),
            _ => None,
        };
        if let Some(p) = part
            && self.w(j + 1) == "of"
        {
            let mut inner = self.of_target(j + 2)?;
            inner.a = i;
            inner.modifier = Some(p);
            inner.rule = "part of a period";
            return Some(inner);
        }
        // the very beginning of …
        if w == "very"
            && let Some(p) = match self.w(j + 1) {
                "end" => Some("END"),
                "beginning" | "start" => Some("START"),
                _ => None,
            }
            && self.w(j + 2) == "of"
        {
            let mut inner = self.of_target(j + 3)?;
            inner.a = i;
            inner.modifier = Some(p);
            inner.rule = "part of a period";
            return Some(inner);
        }
        // the early 1990s, the late 1980s, the mid-1990s
        if matches!(w, "early" | "late" | "mid")
            && let Some(c) = self.modified(j)
            && matches!(c.sem, Sem::Decade(_) | Sem::Century(_))
        {
            return Some(Cand { a: i, ..c });
        }
        // the first week of March, the last week of July
        if let Some(nth) = words::ordinal(w).map(|o| o as i32).or(match w {
            "last" | "final" => Some(-1),
            _ => None,
        }) {
            if self.w(j + 1) == "week" && self.w(j + 2) == "of" {
                let inner = self.of_target(j + 3)?;
                if matches!(inner.sem, Sem::Month { .. } | Sem::MonthDir { .. })
                    && (1..=5).contains(&nth.abs())
                {
                    return Some(Cand::new(
                        i,
                        inner.b,
                        Type::Date,
                        Sem::WeekOf {
                            month: Box::new(inner.sem),
                            nth,
                        },
                        "week of a month",
                    ));
                }
                return None;
            }
            // the first half (of 2016), the third quarter (of 2016)
            let (is_half, k) = match self.w(j + 1) {
                "half" => (true, j + 2),
                "quarter" => (false, j + 2),
                "-" if self.glued(j + 1) && matches!(self.w(j + 2), "half" | "quarter") => {
                    (self.w(j + 2) == "half", j + 3)
                }
                _ => (false, 0),
            };
            if k > 0 {
                let max = if is_half { 2 } else { 4 };
                let q = if nth == -1 { max } else { nth };
                if (1..=max).contains(&q) {
                    let (y, end) = match (self.w(k), self.year_at(k + 1)) {
                        ("of", Some((y, e))) => (Some(y), e),
                        _ => match self.year_at(k) {
                            Some((y, e)) => (Some(y), e),
                            None => (None, k),
                        },
                    };
                    // `the last quarter` is the one before the reference date's.
                    if nth == -1 && y.is_none() && !is_half {
                        return Some(Cand::new(
                            i,
                            k,
                            Type::Date,
                            Sem::RelUnit {
                                unit: Unit::Quarter,
                                n: -1,
                            },
                            "previous quarter",
                        ));
                    }
                    let q = q as u32;
                    let sem = if is_half {
                        Sem::Half { y, h: q }
                    } else {
                        Sem::Quarter { y, q }
                    };
                    return Some(Cand::new(i, end, Type::Date, sem, "quarter or half"));
                }
            }
        }
        // the summer of 2016
        if words::season(w).is_some()
            && let Some(c) = self.season_forms(j).filter(|c| c.a == j)
        {
            return Some(Cand { a: i, ..c });
        }
        // the first nine months, the last two years
        if matches!(w, "first" | "last" | "final")
            && let Some((Some(n), e)) = self.number_at(j + 1)
            && let Some((u, true)) = Unit::parse(self.w(e))
            && n >= 2.0
        {
            return Some(Cand::new(
                i,
                e + 1,
                Type::Duration,
                Sem::Duration(u.duration(n)),
                "stretch of time",
            ));
        }
        // the nine months (ended Sept. 30), the two years since
        if (self.is_num(j) || words::small_number(w).is_some())
            && let Some((Some(n), e)) = self.number_at(j)
            && let Some((u, true)) = Unit::parse(self.w(e))
            && n >= 2.0
            && self.bare_plural_ok(e)
        {
            return Some(Cand::new(
                i,
                e + 1,
                Type::Duration,
                Sem::Duration(u.duration(n)),
                "stretch of time",
            ));
        }
        // over the weekend
        if w == "weekend" {
            return Some(Cand::new(
                i,
                j + 1,
                Type::Date,
                Sem::Weekend,
                "the weekend nearest in the tense",
            ));
        }
        // for the year, during the quarter: the current one
        if matches!(w, "year" | "quarter")
            && i > 0
            && matches!(self.w(i - 1), "for" | "during" | "throughout")
        {
            let unit = if w == "year" {
                Unit::Year
            } else {
                Unit::Quarter
            };
            return Some(Cand::new(
                i,
                j + 1,
                Type::Date,
                Sem::RelUnit { unit, n: 0 },
                "relative to the reference date",
            ));
        }
        // the 1990s, the '90s
        if let Some(c) = self.decade_at(j) {
            return Some(Cand { a: i, ..c });
        }
        // the 20th century
        if let Some(c) = self.century_at(j) {
            return Some(Cand { a: i, ..c });
        }
        // the year 2000
        if w == "year"
            && let Some((y, e)) = self.year_at(j + 1)
        {
            return Some(Cand::new(i, e, Type::Date, Sem::Year(y), "year as written"));
        }
        // the near future, the future, the past
        match (w, self.w(j + 1)) {
            ("near" | "immediate" | "foreseeable", "future") => {
                return Some(Cand::new(
                    i,
                    j + 2,
                    Type::Date,
                    Sem::Ref("FUTURE_REF"),
                    "vague future",
                ));
            }
            ("distant" | "recent", "past") => {
                return Some(Cand::new(
                    i,
                    j + 2,
                    Type::Date,
                    Sem::Ref("PAST_REF"),
                    "vague past",
                ));
            }
            // `the future of Iraq` is a topic, not a time.
            ("future", nx)
                if i > 0
                    && matches!(self.w(i - 1), "in" | "for" | "into")
                    && !matches!(nx, "of" | "'" | "’") =>
            {
                return Some(Cand::new(
                    i,
                    j + 1,
                    Type::Date,
                    Sem::Ref("FUTURE_REF"),
                    "vague future",
                ));
            }
            ("past", nx)
                if i > 0
                    && matches!(self.w(i - 1), "in")
                    && Unit::parse(nx).is_none()
                    && self.number_at(j + 1).is_none()
                    && !matches!(nx, "few" | "several" | "of" | "tense" | "'" | "’") =>
            {
                return Some(Cand::new(
                    i,
                    j + 1,
                    Type::Date,
                    Sem::Ref("PAST_REF"),
                    "vague past",
                ));
            }
            _ => {}
        }
        // the next few days, the past five years, the coming weeks
        if matches!(
            w,
            "next"
                | "past"
                | "last"
                | "coming"
                | "previous"
                | "following"
                | "preceding"
                | "same"
                | "recent"
                | "current"
        ) {
            return self.the_dir_unit(i, j);
        }
        // the day before / after
        if w == "day" && matches!(self.w(j + 1), "before" | "after") {
            let n = if self.w(j + 1) == "before" { -1 } else { 1 };
            // `the day before the election`, `the day after Thanksgiving`
            // anchor on an event, not a date: only a clause break may follow.
            if self.kind(j + 2).is_none_or(|k| k == Kind::Punct) {
                return Some(Cand::new(
                    i,
                    j + 2,
                    Type::Date,
                    Sem::Anaphor { unit: Unit::Day, n },
                    "day relative to the date last talked about",
                ));
            }
        }
        // the weeks (since …), the years
        if let Some((u, true)) = Unit::parse(w)
            && self.bare_plural_ok(j)
            && !matches!(u, Unit::Second | Unit::Quarter)
        {
            return Some(Cand::new(
                i,
                j + 1,
                Type::Duration,
                Sem::Duration(u.vague()),
                "unstated number of units",
            ));
        }
        None
    }

    /// `the next/past/coming/previous/following/same …` after `the` at `i`.
    fn the_dir_unit(&self, i: usize, j: usize) -> Option<Cand> {
        let w = self.w(j);
        let k = j + 1;
        // the next few days, the past five years, the last three months
        if matches!(
            w,
            "next" | "past" | "last" | "coming" | "previous" | "following" | "recent"
        ) && let Some((n, e)) = self
            .number_at(k)
            .filter(|_| !matches!(self.w(k), "a" | "an"))
            && let Some((u, _)) = Unit::parse(self.w(e))
        {
            let v = match n {
                Some(n) => u.duration(n),
                None => u.vague(),
            };
            return Some(Cand::new(
                i,
                e + 1,
                Type::Duration,
                Sem::Duration(v),
                "stretch of time",
            ));
        }
        let (u, plural) = Unit::parse(self.w(k))?;
        if plural {
            // the coming days, the past weeks
            if w == "recent" {
                return Some(Cand::new(
                    i,
                    k + 1,
                    Type::Date,
                    Sem::Ref("PAST_REF"),
                    "recent past",
                ));
            }
            if matches!(
                w,
                "next" | "past" | "last" | "coming" | "following" | "previous"
            ) {
                return Some(Cand::new(
                    i,
                    k + 1,
                    Type::Duration,
                    Sem::Duration(u.vague()),
                    "unstated number of units",
                ));
            }
            return None;
        }
        if matches!(u, Unit::Second | Unit::Minute | Unit::Hour) {
            return None;
        }
        let sem = match w {
            "past" | "last" if u == Unit::Quarter => Sem::RelUnit { unit: u, n: -1 },
            "past" | "last" => {
                return Some(Cand::new(
                    i,
                    k + 1,
                    Type::Duration,
                    Sem::Duration(u.duration(1.0)),
                    "stretch of time",
                ));
            }
            "coming" if u == Unit::Day => return None,
            // `the next week` in narration follows the date last talked
            // about (`the following week`); `the coming week` looks ahead.
            "next" => Sem::Anaphor { unit: u, n: 1 },
            "coming" => Sem::RelUnit { unit: u, n: 1 },
            "current" => Sem::RelUnit { unit: u, n: 0 },
            "previous" | "preceding" => Sem::Anaphor { unit: u, n: -1 },
            "following" => Sem::Anaphor { unit: u, n: 1 },
            "same" => Sem::Anaphor { unit: u, n: 0 },
            _ => return None,
        };
        let rule = if matches!(sem, Sem::Anaphor { .. }) {
            "relative to the date last talked about"
        } else {
            "relative to the reference date"
        };
        Some(Cand::new(i, k + 1, Type::Date, sem, rule))
    }

    /// What may follow `the end of`: a date, or `the year/month/week`.
    fn of_target(&self, j: usize) -> Option<Cand> {
        if self.w(j) == "the" {
            if let Some((u, false)) = Unit::parse(self.w(j + 1))
                && matches!(
                    u,
                    Unit::Week
                        | Unit::Month
                        | Unit::Year
                        | Unit::Quarter
                        | Unit::Decade
                        | Unit::Century
                        | Unit::Day
                )
            {
                let sem = if u == Unit::Day {
                    Sem::RelDay(0)
                } else {
                    Sem::RelUnit { unit: u, n: 0 }
                };
                return Some(Cand::new(
                    j,
                    j + 2,
                    Type::Date,
                    sem,
                    "relative to the reference date",
                ));
            }
            return self.with_the(j);
        }
        let c = self.core(j)?;
        if c.ty == Type::Date { Some(c) } else { None }
    }

    /// Whether a bare plural unit at `j` is a vague duration (not `56 years old`).
    fn bare_plural_ok(&self, j: usize) -> bool {
        !(matches!(self.w(j + 1), "old" | "'" | "’")
            || self.w(j + 1) == "of" && self.w(j + 2) == "age")
    }

    /// The 1990s, '90s, 1990's.
    fn decade_at(&self, j: usize) -> Option<Cand> {
        let (digits, k) =
            if matches!(self.w(j), "'" | "‘") && self.is_num(j + 1) && self.glued(j + 1) {
                (self.w(j + 1), j + 2)
            } else {
                (self.w(j), j + 1)
            };
        if !self.is_num(k - 1) {
            return None;
        }
        let mut e = k;
        if matches!(self.w(e), "'" | "’") && self.glued(e) {
            e += 1;
        }
        if self.w(e) != "s" || !self.glued(e) {
            return None;
        }
        let v: i32 = digits.parse().ok()?;
        // `in his 80s`, `their early 20s`: an age, not a decade.
        if digits.len() == 2 && k == j + 1 {
            let p1 = if j > 0 { self.w(j - 1) } else { "" };
            let p2 = if j > 1 { self.w(j - 2) } else { "" };
            let poss =
                |w: &str| matches!(w, "his" | "her" | "their" | "its" | "my" | "our" | "your");
            if poss(p1) || poss(p2) {
                return None;
            }
        }
        let dec = match digits.len() {
            4 if v % 10 == 0 && (1000..2100).contains(&v) => {
                if v % 100 == 0 && v < 2000 {
                    // the 1800s: a century in news use
                    return Some(Cand::new(
                        j,
                        e + 1,
                        Type::Date,
                        Sem::Century(v / 100),
                        "century",
                    ));
                }
                v / 10
            }
            2 if v % 10 == 0 => {
                if v >= 30 {
                    190 + v / 10
                } else {
                    200 + v / 10
                }
            }
            _ => return None,
        };
        Some(Cand::new(j, e + 1, Type::Date, Sem::Decade(dec), "decade"))
    }

    /// The 20th century, the nineteenth century.
    fn century_at(&self, j: usize) -> Option<Cand> {
        let (n, k) = if self.is_num(j) && words::is_ordinal_suffix(self.w(j + 1)) {
            (self.num_val(j)?, j + 2)
        } else {
            (words::ordinal(self.w(j))?, j + 1)
        };
        // `15th-century` as an adjective
        let k = if self.w(k) == "-" && self.glued(k) && self.glued(k + 1) {
            k + 1
        } else {
            k
        };
        if self.w(k) != "century" || !(1..=21).contains(&n) {
            return None;
        }
        Some(Cand::new(
            j,
            k + 1,
            Type::Date,
            Sem::Century(n as i32 - 1),
            "century",
        ))
    }

    /// The core patterns: dates, times, relative words, durations. Called
    /// inside other patterns (`about 2010`, `early March`), through the same
    /// gate as the scan: `about` is common, and most words after it start
    /// nothing.
    fn core(&self, i: usize) -> Option<Cand> {
        self.best_at(i, start::CORE & gate(self, i))
    }

    /// Month-led dates: `March 5, 2017`, `Mar. 5`, `March 2017`, `March`.
    fn month_forms(&self, i: usize) -> Option<Cand> {
        let (m, j) = self.month_at(i)?;
        // March 5, 2017 / March 5
        if let Some((d, k)) = self.day_at(j) {
            // `March 2017` reads as month-year, not day 20.
            if self.w(j).len() <= 2 && !(self.is_num(k) && self.glued(k)) {
                if let Some((y, e)) = self.comma_year(k) {
                    return Some(Cand::new(
                        i,
                        e,
                        Type::Date,
                        Sem::Day { y: Some(y), m, d },
                        "full date as written",
                    ));
                }
                if self.glued(k) && self.w(k) == ":" {
                    return None;
                }
                return Some(Cand::new(
                    i,
                    k,
                    Type::Date,
                    Sem::Day { y: None, m, d },
                    "month and day",
                ));
            }
        }
        // March the 5th
        // March 2017 / March, 2017 / March of 2017
        if let Some((y, e)) = self.year_at(j) {
            return Some(Cand::new(
                i,
                e,
                Type::Date,
                Sem::Month { y: Some(y), m },
                "month and year",
            ));
        }
        if (self.w(j) == "," || self.w(j) == "of")
            && let Some((y, e)) = self.year_at(j + 1)
        {
            return Some(Cand::new(
                i,
                e,
                Type::Date,
                Sem::Month { y: Some(y), m },
                "month and year",
            ));
        }
        // a bare month name
        if !self.upper(i) {
            return None;
        }
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        let prep = is_month_context(prev);
        if matches!(m, 3 | 5) && !prep {
            return None;
        }
        // `April Ryan`, `June Carter`: a capitalized word after a bare month
        // name, with no preposition before it, is a person's name.
        if !prep
            && self.upper(i + 1)
            && self.kind(i + 1) == Some(Kind::Word)
            && !is_temporal_word(self.w(i + 1))
        {
            return None;
        }
        if self.doc.tokens.get(i).is_some_and(|t| t.all_upper) && !prep {
            return None;
        }
        Some(Cand::new(
            i,
            j,
            Type::Date,
            Sem::Month { y: None, m },
            "month name",
        ))
    }

    /// Day-led dates: `5 March 2017`, `11 December`, `the 5th of March`.
    fn day_month(&self, i: usize) -> Option<Cand> {
        // Both forms read a day number right after `the`; most `the` have
        // none.
        if !self.is_num(i) && !self.is_num(i + 1) {
            return None;
        }
        // `on the 18th.`: a bare ordinal day after a time preposition.
        if self.w(i) == "the"
            && i > 0
            && matches!(
                self.w(i - 1),
                "on" | "by" | "until" | "since" | "before" | "after"
            )
            && let Some((d, j)) = self.day_at(i + 1)
            && j == i + 3
            && self.kind(j).is_none_or(|k| k == Kind::Punct)
            && self.w(j) != "-"
        {
            return Some(Cand::new(
                i,
                j,
                Type::Date,
                Sem::DayOfMonth(d),
                "day of the month",
            ));
        }
        let (start, di) = if self.w(i) == "the" {
            (i, i + 1)
        } else {
            (i, i)
        };
        let (d, j) = self.day_at(di)?;
        let j = if self.w(j) == "of" { j + 1 } else { j };
        if start != di && j == di + 1 {
            return None;
        }
        let (m, k) = self.month_at(j)?;
        if j > di + 1 && self.w(j - 1) == "of" && self.w(di + 1).is_empty() {
            return None;
        }
        // `the 5 March` is odd; `the` only with an ordinal.
        if start != di && !words::is_ordinal_suffix(self.w(di + 1)) {
            return None;
        }
        if let Some((y, e)) = self.comma_year(k) {
            return Some(Cand::new(
                start,
                e,
                Type::Date,
                Sem::Day { y: Some(y), m, d },
                "full date as written",
            ));
        }
        Some(Cand::new(
            start,
            k,
            Type::Date,
            Sem::Day { y: None, m, d },
            "day and month",
        ))
    }

    /// `Monday`, `Monday, March 5`, `Monday morning`.
    fn weekday_forms(&self, i: usize) -> Option<Cand> {
        let w = words::weekday(self.w(i))?;
        if !self.upper(i) {
            return None;
        }
        let mut j = i + 1;
        if self.w(j) == "," {
            j += 1;
        }
        if let Some(mut c) = self.month_forms(j).or_else(|| self.day_month(j))
            && matches!(c.sem, Sem::Day { .. })
        {
            c.a = i;
            if matches!(c.sem, Sem::Day { y: None, .. }) {
                c.rule = WEEKDAY_AND_DATE;
            }
            return Some(c);
        }
        // `Sunday Times`, `the Sunday Telegraph`: a weekday inside a name.
        let next_cap = self.upper(i + 1)
            && self.kind(i + 1) == Some(Kind::Word)
            && !is_temporal_word(self.w(i + 1));
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        if next_cap
            && (matches!(prev, "the" | "a" | "")
                || (i > 0 && self.upper(i - 1) && self.same_sentence(i - 1, i)))
        {
            return None;
        }
        if matches!(
            self.w(i + 1),
            "times"
                | "telegraph"
                | "mirror"
                | "express"
                | "post"
                | "herald"
                | "mail"
                | "tribune"
                | "independent"
        ) {
            return None;
        }
        let day = Sem::Weekday { w, dir: 0 };
        if let Some(p) = words::part_of_day(self.w(i + 1)) {
            return Some(Cand::new(
                i,
                i + 2,
                Type::Time,
                Sem::Time {
                    day: Some(Box::new(day)),
                    hm: p.into(),
                    zone: "",
                },
                "part of a weekday",
            ));
        }
        Some(Cand::new(i, i + 1, Type::Date, day, "weekday"))
    }

    /// `2017-03-05`, `7/8/07`, `05/03/2017`.
    fn numeric_date(&self, i: usize) -> Option<Cand> {
        if !self.is_num(i) || !self.digits_alone_before(i) {
            return None;
        }
        let sep = self.w(i + 1);
        if !matches!(sep, "-" | "/" | ".") || !self.glued(i + 1) {
            return None;
        }
        if !(self.is_num(i + 2) && self.glued(i + 2) && self.w(i + 3) == sep && self.glued(i + 3)) {
            return None;
        }
        if !(self.is_num(i + 4) && self.glued(i + 4) && self.digits_alone_after(i + 4)) {
            return None;
        }
        let (a, b, c) = (self.w(i), self.w(i + 2), self.w(i + 4));
        let pa: u32 = a.parse().ok()?;
        let pb: u32 = b.parse().ok()?;
        let pc: u32 = c.parse().ok()?;
        let (y, m, d) = if a.len() == 4 {
            (pa as i32, pb, pc)
        } else {
            let y = match c.len() {
                4 => pc as i32,
                2 if sep == "/" => {
                    if pc < 50 {
                        2000 + pc as i32
                    } else {
                        1900 + pc as i32
                    }
                }
                _ => return None,
            };
            if a.len() > 2 || b.len() > 2 {
                return None;
            }
            let (m, d) = if self.day_first && pb <= 12 || pa > 12 {
                (pb, pa)
            } else {
                (pa, pb)
            };
            (y, m, d)
        };
        crate::calendar::Date::new(y, m, d)?;
        Some(Cand::new(
            i,
            i + 5,
            Type::Date,
            Sem::Day { y: Some(y), m, d },
            "numeric date",
        ))
    }

    /// A bare year, with the tests that keep counts and codes out.
    fn year_forms(&self, i: usize) -> Option<Cand> {
        let (y, j) = self.year_at(i)?;
        if !self.digits_alone_before(i) {
            return None;
        }
        if !self.digits_alone_after(i) {
            // 2009-11 as a year range is handled by `range_tail`.
            if !(matches!(self.w(j), "-" | "–" | "/") && self.is_num(j + 1)) {
                return None;
            }
        }
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        let next = self.w(j);
        if words::is_identifier_head(prev) || matches!(prev, "$" | "#" | "£" | "€" | "us$") {
            return None;
        }
        if words::is_count_noun(next) && next != "of" && next != "to" && next != "or" {
            return None;
        }
        // `2000 troops`, `1000-5000 deaths`: a plural noun after the number
        // (or after the range it starts) makes it a count.
        let range_end = match next {
            "-" | "–" => self.glued(j + 1),
            "to" | "and" => true,
            _ => false,
        };
        let (k, after) = if range_end && self.is_num(j + 1) {
            (j + 2, self.w(j + 2))
        } else {
            (j, next)
        };
        if k != j && words::is_count_noun(after) {
            return None;
        }
        if self.kind(k) == Some(Kind::Word)
            && !self.upper(k)
            && after.len() > 3
            && after.ends_with('s')
            && !after.ends_with("ss")
            && !matches!(
                after,
                "this"
                    | "thus"
                    | "plus"
                    | "versus"
                    | "whereas"
                    | "always"
                    | "has"
                    | "was"
                    | "its"
                    | "his"
                    | "afterwards"
                    | "towards"
                    | "besides"
                    | "sales"
                    | "results"
                    | "earnings"
                    | "elections"
                    | "olympics"
                    | "games"
                    | "figures"
                    | "levels"
                    | "prices"
                    | "numbers"
                    | "rates"
                    | "budgets"
                    | "accounts"
                    | "revenues"
                    | "profits"
                    | "losses"
            )
        {
            return None;
        }
        if matches!(
            prev,
            "than" | "nearly" | "almost" | "approximately" | "roughly" | "some"
        ) {
            return None;
        }
        if y < 1600
            && !matches!(
                prev,
                "in" | "since"
                    | "by"
                    | "until"
                    | "of"
                    | "from"
                    | "before"
                    | "after"
                    | "during"
                    | "between"
                    | "year"
                    | "circa"
            )
        {
            return None;
        }
        // `2017 - 2014`, scores and sums
        if matches!(next, "+" | "=" | "x" | "×") {
            return None;
        }
        Some(Cand::new(i, j, Type::Date, Sem::Year(y), "year as written"))
    }

    /// `3 p.m.`, `10:30 a.m. EST`, `14:00 GMT`, `noon`, `midnight`.
    fn clock_time(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        if matches!(w, "noon" | "midday" | "midnight") {
            let hm = if w == "midnight" { "24:00" } else { "12:00" };
            return Some(Cand::new(
                i,
                i + 1,
                Type::Time,
                Sem::Time {
                    day: None,
                    hm: hm.into(),
                    zone: "",
                },
                "time of day",
            ));
        }
        // `0800 GMT`, `1430 hours`: the wire services' four-digit clock.
        if self.is_num(i) && w.len() == 4 && self.digits_alone_before(i) {
            let v: u32 = w.parse().ok()?;
            let (hh, mm) = (v / 100, v % 100);
            let nx = self.w(i + 1);
            let utc = words::time_zone(nx).filter(|_| self.upper(i + 1));
            if hh <= 23 && mm <= 59 && (utc.is_some() || matches!(nx, "hours" | "hrs")) {
                let zone = if utc == Some(true) { "Z" } else { "" };
                return Some(Cand::new(
                    i,
                    i + 2,
                    Type::Time,
                    Sem::Time {
                        day: None,
                        hm: format!("{hh:02}:{mm:02}"),
                        zone,
                    },
                    "clock time",
                ));
            }
        }
        let h = self
            .num_val(i)
            .or_else(|| words::small_number(w).filter(|&v| v <= 12))?;
        if h > 24 || (self.is_num(i) && (w.len() > 2 || !self.digits_alone_before(i))) {
            return None;
        }
        let mut j = i + 1;
        let mut min = 0;
        let mut has_min = false;
        if self.is_num(i)
            && self.w(j) == ":"
            && self.glued(j)
            && self.is_num(j + 1)
            && self.glued(j + 1)
        {
            if self.w(j + 1).len() != 2 {
                return None;
            }
            min = self.num_val(j + 1)?;
            if min > 59 {
                return None;
            }
            has_min = true;
            j += 2;
            // seconds
            if self.w(j) == ":" && self.glued(j) && self.is_num(j + 1) && self.glued(j + 1) {
                j += 2;
            }
        }
        // a.m. / p.m. / am / pm
        let (ampm, k) = self.ampm_at(j);
        let mut hour = h;
        let mut e = j;
        if let Some(pm) = ampm {
            if h == 0 || h > 12 {
                return None;
            }
            hour = match (pm, h) {
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, 12) => 0,
                (false, h) => h,
            };
            e = k;
        } else if self.w(j) == "o" && matches!(self.w(j + 1), "'" | "’") && self.w(j + 2) == "clock"
        {
            e = j + 3;
        } else if !has_min || !self.is_num(i) {
            return None;
        }
        // zone
        let mut zone = "";
        let zw = self.w(e);
        let mut zone_ok = false;
        if let Some(utc) = words::time_zone(zw) {
            if self.upper(e) || zw == "z" {
                zone = if utc { "Z" } else { "" };
                e += 1;
                zone_ok = true;
            }
        } else if zw == "local" && self.w(e + 1) == "time" {
            e += 2;
            zone_ok = true;
        }
        if ampm.is_none() && !zone_ok {
            // `14:00` alone needs a time preposition before it.
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            if !matches!(
                prev,
                "at" | "by"
                    | "from"
                    | "until"
                    | "till"
                    | "around"
                    | "about"
                    | "after"
                    | "before"
                    | "since"
                    | "to"
            ) {
                return None;
            }
        }
        Some(Cand::new(
            i,
            e,
            Type::Time,
            Sem::Time {
                day: None,
                hm: format!("{hour:02}:{min:02}"),
                zone,
            },
            "clock time",
        ))
    }

    /// `a.m.`, `p.m.`, `am`, `pm`, `A.M.` after a clock number.
    fn ampm_at(&self, j: usize) -> (Option<bool>, usize) {
        match self.w(j) {
            "am" | "pm" => {
                let mut k = j + 1;
                if self.w(k) == "." && self.glued(k) && self.w(k - 1).len() == 2 {
                    // `pm.` at a sentence end: leave the period to the sentence.
                    k = j + 1;
                }
                (Some(self.w(j) == "pm"), k)
            }
            "a" | "p"
                if self.w(j + 1) == "."
                    && self.w(j + 2) == "m"
                    && self.glued(j + 1)
                    && self.glued(j + 2) =>
            {
                let mut k = j + 3;
                if self.w(k) == "." && self.glued(k) {
                    k += 1;
                }
                (Some(self.w(j) == "p"), k)
            }
            _ => (None, j),
        }
    }

    /// `today`, `yesterday`, `now`, `recently`, `tonight`, `this morning`.
    fn deictic(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        // `USA Today`, `Democracy Now`: a capitalized deictic word right after
        // another capitalized word, inside a sentence, ends a name.
        if self.upper(i)
            && i > 0
            && self.doc.sentence(i).0 != i
            && self.upper(i - 1)
            && self.kind(i - 1) == Some(Kind::Word)
            && self.same_sentence(i - 1, i)
        {
            return None;
        }
        let day = |n: i64| -> Option<Cand> {
            // yesterday morning, tomorrow night
            if let Some(p) = words::part_of_day(self.w(i + 1)) {
                return Some(Cand::new(
                    i,
                    i + 2,
                    Type::Time,
                    Sem::Time {
                        day: Some(Box::new(Sem::RelDay(n))),
                        hm: p.into(),
                        zone: "",
                    },
                    "part of a day",
                ));
            }
            Some(Cand::new(
                i,
                i + 1,
                Type::Date,
                Sem::RelDay(n),
                "day relative to the reference date",
            ))
        };
        match w {
            "today" => day(0),
            "yesterday" => day(-1),
            "tomorrow" => day(1),
            "tonight" => Some(Cand::new(
                i,
                i + 1,
                Type::Time,
                Sem::Time {
                    day: Some(Box::new(Sem::RelDay(0))),
                    hm: "NI".into(),
                    zone: "",
                },
                "part of a day",
            )),
            // `NOW WATCH:` and other all-caps furniture is not a date.
            "now" if self.doc.tokens.get(i).is_some_and(|t| t.all_upper) => None,
            "now" | "currently" | "nowadays" | "presently" => {
                // `now-defunct` is an adjective prefix; still present reference.
                let mut a = i;
                if w == "now" && i > 0 && self.w(i - 1) == "right" {
                    a = i - 1;
                }
                Some(Cand::new(
                    a,
                    i + 1,
                    Type::Date,
                    Sem::Ref("PRESENT_REF"),
                    "present reference",
                ))
            }
            "recently" | "lately" => {
                let a = if i > 0 && self.w(i - 1) == "more" && self.same_sentence(i - 1, i) {
                    i - 1
                } else {
                    i
                };
                Some(Cand::new(
                    a,
                    i + 1,
                    Type::Date,
                    Sem::Ref("PAST_REF"),
                    "past reference",
                ))
            }
            "recent" => {
                let (u, plural) = Unit::parse(self.w(i + 1))?;
                if !plural || matches!(u, Unit::Second | Unit::Minute) {
                    return None;
                }
                Some(Cand::new(
                    i,
                    i + 2,
                    Type::Date,
                    Sem::Ref("PAST_REF"),
                    "recent past",
                ))
            }
            "these" if self.w(i + 1) == "days" => Some(Cand::new(
                i,
                i + 2,
                Type::Date,
                Sem::Ref("PRESENT_REF"),
                "present reference",
            )),
            _ => None,
        }
    }

    /// `this week`, `last month`, `next Tuesday`, `last March`, `this morning`.
    fn dir_forms(&self, i: usize) -> Option<Cand> {
        // `this past weekend`, `this past Sunday`: the last one.
        if self.w(i) == "this" && self.w(i + 1) == "past" {
            let mut c = self.dir_forms(i + 1)?;
            if let Sem::Duration(_) = c.sem {
                let (u, false) = Unit::parse(self.w(i + 2))? else {
                    return None;
                };
                c = Cand::new(
                    i,
                    i + 3,
                    Type::Date,
                    Sem::RelUnit { unit: u, n: -1 },
                    "relative to the reference date",
                );
            }
            c.a = i;
            return Some(c);
        }
        let dir: i8 = match self.w(i) {
            "this" | "current" => 0,
            "last" | "past" => -1,
            "next" | "coming" => 1,
            _ => return None,
        };
        let j = i + 1;
        let w = self.w(j);
        if let Some(wd) = words::weekday(w) {
            let day = Sem::Weekday { w: wd, dir };
            if let Some(p) = words::part_of_day(self.w(j + 1)) {
                return Some(Cand::new(
                    i,
                    j + 2,
                    Type::Time,
                    Sem::Time {
                        day: Some(Box::new(day)),
                        hm: p.into(),
                        zone: "",
                    },
                    "part of a weekday",
                ));
            }
            return Some(Cand::new(
                i,
                j + 1,
                Type::Date,
                day,
                "weekday with a direction word",
            ));
        }
        if let Some((m, k)) = self.month_at(j)
            && self.day_at(k).is_none()
        {
            return Some(Cand::new(
                i,
                k,
                Type::Date,
                Sem::MonthDir { m, dir },
                "month with a direction word",
            ));
        }
        if let Some(s) = words::season(w) {
            return Some(Cand::new(
                i,
                j + 1,
                Type::Date,
                Sem::SeasonDir { s, dir },
                "season with a direction word",
            ));
        }
        if let Some(p) = words::part_of_day(w) {
            let n = match (self.w(i), p) {
                ("this", _) => 0,
                ("last", "NI") => -1,
                ("last", _) => return None,
                _ => 1,
            };
            return Some(Cand::new(
                i,
                j + 1,
                Type::Time,
                Sem::Time {
                    day: Some(Box::new(Sem::RelDay(n))),
                    hm: p.into(),
                    zone: "",
                },
                "part of a day",
            ));
        }
        let (u, plural) = Unit::parse(w)?;
        if plural {
            // `in coming weeks`
            if self.w(i) == "coming" && !matches!(u, Unit::Second | Unit::Quarter) {
                return Some(Cand::new(
                    i,
                    j + 1,
                    Type::Duration,
                    Sem::Duration(u.vague()),
                    "unstated number of units",
                ));
            }
            return None;
        }
        if matches!(
            u,
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Fortnight
        ) {
            return None;
        }
        if self.w(i) == "past" {
            // `past week` without `the` is rare and a stretch of time.
            return Some(Cand::new(
                i,
                j + 1,
                Type::Duration,
                Sem::Duration(u.duration(1.0)),
                "stretch of time",
            ));
        }
        Some(Cand::new(
            i,
            j + 1,
            Type::Date,
            Sem::RelUnit {
                unit: u,
                n: i64::from(dir),
            },
            "relative to the reference date",
        ))
    }

    /// `that day`, `that same day`, `that year`, `that night`.
    fn anaphor(&self, i: usize) -> Option<Cand> {
        if self.w(i) != "that" {
            return None;
        }
        let mut j = i + 1;
        if self.w(j) == "same" {
            j += 1;
        }
        if let Some(p) = words::part_of_day(self.w(j)) {
            return Some(Cand::new(
                i,
                j + 1,
                Type::Time,
                Sem::Time {
                    day: Some(Box::new(Sem::Anaphor {
                        unit: Unit::Day,
                        n: 0,
                    })),
                    hm: p.into(),
                    zone: "",
                },
                "part of the day last talked about",
            ));
        }
        let (u, false) = Unit::parse(self.w(j))? else {
            return None;
        };
        if !matches!(
            u,
            Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Weekend | Unit::Quarter
        ) {
            return None;
        }
        Some(Cand::new(
            i,
            j + 1,
            Type::Date,
            Sem::Anaphor { unit: u, n: 0 },
            "relative to the date last talked about",
        ))
    }

    /// `spring 2015`, `summer of 2016`, `in the summer`.
    fn season_forms(&self, i: usize) -> Option<Cand> {
        let s = words::season(self.w(i))?;
        let j = i + 1;
        if let Some((y, e)) = self.year_at(j) {
            return Some(Cand::new(
                i,
                e,
                Type::Date,
                Sem::Season { y: Some(y), s },
                "season and year",
            ));
        }
        if self.w(j) == "of"
            && let Some((y, e)) = self.year_at(j + 1)
        {
            return Some(Cand::new(
                i,
                e,
                Type::Date,
                Sem::Season { y: Some(y), s },
                "season and year",
            ));
        }
        // A bare season word only after a time preposition (`fall` is a verb too).
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        let prev2 = if i > 1 { self.w(i - 2) } else { "" };
        let ok = matches!(
            prev,
            "in" | "during"
                | "until"
                | "by"
                | "since"
                | "early"
                | "late"
                | "mid"
                | "-"
                | "this"
                | "last"
                | "next"
        ) || prev == "the"
            && matches!(
                prev2,
                "in" | "during" | "until" | "by" | "since" | "through" | "over"
            );
        if !ok || s == "FA" && self.w(i) == "fall" && prev != "the" {
            return None;
        }
        let a = if prev == "the" { i - 1 } else { i };
        Some(Cand::new(
            a,
            j,
            Type::Date,
            Sem::Season { y: None, s },
            "season",
        ))
    }

    /// `Q3 2016`, `third-quarter`, `fiscal 2016`, `FY2016`.
    fn quarter_forms(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        if matches!(w, "q" | "h") && self.upper(i) && self.is_num(i + 1) && self.glued(i + 1) {
            let n = self.num_val(i + 1)?;
            let max = if w == "q" { 4 } else { 2 };
            if !(1..=max).contains(&n) || self.w(i + 1).len() != 1 {
                return None;
            }
            let mut j = i + 2;
            let mut y = None;
            if let Some((yy, e)) = self.year_at(j) {
                y = Some(yy);
                j = e;
            }
            let sem = if w == "q" {
                Sem::Quarter { y, q: n }
            } else {
                Sem::Half { y, h: n }
            };
            return Some(Cand::new(i, j, Type::Date, sem, "quarter or half"));
        }
        if w == "fiscal" {
            let mut j = i + 1;
            if self.w(j) == "year" {
                j += 1;
            }
            let (y, e) = self.year_at(j).or_else(|| {
                // fiscal '16
                if matches!(self.w(j), "'" | "’") && self.is_num(j + 1) && self.w(j + 1).len() == 2
                {
                    let v: i32 = self.w(j + 1).parse().ok()?;
                    Some((if v < 50 { 2000 + v } else { 1900 + v }, j + 2))
                } else {
                    None
                }
            })?;
            return Some(Cand::new(i, e, Type::Date, Sem::Fiscal(y), "fiscal year"));
        }
        if w == "fy" && self.is_num(i + 1) && self.glued(i + 1) {
            let t = self.w(i + 1);
            let v: i32 = t.parse().ok()?;
            let y = match t.len() {
                4 => v,
                2 => {
                    if v < 50 {
                        2000 + v
                    } else {
                        1900 + v
                    }
                }
                _ => return None,
            };
            return Some(Cand::new(
                i,
                i + 2,
                Type::Date,
                Sem::Fiscal(y),
                "fiscal year",
            ));
        }
        // third-quarter (profit), first-half
        if let Some(o) = words::ordinal(w)
            && self.w(i + 1) == "-"
            && self.glued(i + 1)
            && matches!(self.w(i + 2), "quarter" | "half")
        {
            let half = self.w(i + 2) == "half";
            let max = if half { 2 } else { 4 };
            if (1..=max).contains(&o) {
                let sem = if half {
                    Sem::Half { y: None, h: o }
                } else {
                    Sem::Quarter { y: None, q: o }
                };
                return Some(Cand::new(i, i + 3, Type::Date, sem, "quarter or half"));
            }
        }
        None
    }

    /// `three months`, `several days`, `a decade`, `27-year`, `two days ago`.
    fn duration_at(&self, i: usize) -> Option<Cand> {
        let unit = Unit::parse(self.w(i));
        // bare plural: `years later`, `for months`
        if let Some((u, true)) = unit {
            let sentence_start = self.doc.sentence(i).0 == i;
            if self.upper(i) && !sentence_start {
                return None;
            }
            {
                if !self.bare_plural_ok(i) || matches!(u, Unit::Second | Unit::Quarter) {
                    return None;
                }
                // `decades-long`
                if self.w(i + 1) == "-" && self.glued(i + 1) && self.w(i + 2) == "long" {
                    return Some(Cand::new(
                        i,
                        i + 3,
                        Type::Duration,
                        Sem::Duration(u.vague()),
                        "unstated number of units",
                    ));
                }
                if self.w(i + 1) == "ago" {
                    return Some(Cand::new(
                        i,
                        i + 2,
                        Type::Date,
                        Sem::Ref("PAST_REF"),
                        "vague time ago",
                    ));
                }
                // `office hours`, `the early years of`: only where the words
                // around make it a stretch of time.
                let prev = if i > 0 { self.w(i - 1) } else { "" };
                let next = self.w(i + 1);
                let before_ok = matches!(
                    prev,
                    "for"
                        | "in"
                        | "within"
                        | "over"
                        | "after"
                        | "before"
                        | "during"
                        | "than"
                        | "about"
                        | "nearly"
                        | "almost"
                        | "took"
                        | "take"
                        | "takes"
                        | "taking"
                        | "spent"
                        | "spend"
                        | "lasted"
                        | "lasting"
                        | "waited"
                        | "wait"
                        | "these"
                        | "those"
                        | "by"
                        | "until"
                        | "and"
                        | "or"
                        | "from"
                        | "through"
                ) || sentence_start;
                let after_ok = matches!(
                    next,
                    "later" | "earlier" | "before" | "after" | "long" | "of" | "afterwards" | "on"
                );
                if !(after_ok || before_ok && u != Unit::Minute) {
                    return None;
                }
                if i > 0 && matches!(self.w(i - 1), "'s" | "of") {
                    return None;
                }
                return Some(Cand::new(
                    i,
                    i + 1,
                    Type::Duration,
                    Sem::Duration(u.vague()),
                    "unstated number of units",
                ));
            }
        }
        // `yearlong`, `weeklong` written as one word
        if let Some(stem) = self.w(i).strip_suffix("long")
            && let Some((u, false)) = Unit::parse(stem)
        {
            return Some(Cand::new(
                i,
                i + 1,
                Type::Duration,
                Sem::Duration(u.duration(1.0)),
                "length of time",
            ));
        }
        // `year-long`, `month-long`
        if let Some((u, false)) = unit {
            if self.w(i + 1) == "-"
                && self.glued(i + 1)
                && self.w(i + 2) == "long"
                && self.glued(i + 2)
            {
                return Some(Cand::new(
                    i,
                    i + 3,
                    Type::Duration,
                    Sem::Duration(u.duration(1.0)),
                    "length of time",
                ));
            }
            // `by year-end`, `at month end`
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            let hyphen = self.w(i + 1) == "-" && self.glued(i + 1) && self.glued(i + 2);
            let end_at = if hyphen { i + 2 } else { i + 1 };
            if matches!(u, Unit::Year | Unit::Month | Unit::Quarter)
                && self.w(end_at) == "end"
                && (hyphen || matches!(prev, "by" | "at" | "before" | "until" | "since"))
                && !self.upper(i)
            {
                let mut c = Cand::new(
                    i,
                    end_at + 1,
                    Type::Date,
                    Sem::RelUnit { unit: u, n: 0 },
                    "end of the current period",
                );
                c.modifier = Some("END");
                return Some(c);
            }
            return None;
        }
        let (n, j) = self.number_at(i)?;
        // `zero hour` is an idiom, not a length.
        if n == Some(0.0) {
            return None;
        }
        let hyphen = self.w(j) == "-" && self.glued(j) && self.glued(j + 1);
        let k = if hyphen { j + 1 } else { j };
        let (u, plural) = Unit::parse(self.w(k))?;
        if n.is_none() && !plural {
            return None;
        }
        // `a second attempt`: `second` after `a` is the ordinal unless a
        // time word or punctuation follows.
        if u == Unit::Second
            && !plural
            && !self.is_num(i)
            && self.kind(k + 1) == Some(Kind::Word)
            && !matches!(
                self.w(k + 1),
                "later" | "earlier" | "ago" | "before" | "after" | "long"
            )
        {
            return None;
        }
        if u == Unit::Quarter && n == Some(1.0) && !matches!(self.w(i), "one") {
            // `a quarter` of something is a fraction
            return None;
        }
        // `188 miles an hour`: the second half of a speed, not a duration.
        if matches!(self.w(i), "a" | "an")
            && i > 0
            && matches!(
                self.w(i - 1).to_ascii_lowercase().as_str(),
                "miles" | "kilometres" | "kilometers" | "km" | "metres" | "meters" | "feet"
            )
        {
            return None;
        }
        // `one quarter of the population`, `three quarters of the aid`: a
        // fraction, unless what follows `of` is a stretch of time.
        if u == Unit::Quarter && self.w(k + 1) == "of" {
            let mut t = k + 2;
            while matches!(self.w(t), "the" | "a" | "this" | "that" | "last" | "next") {
                t += 1;
            }
            if self.year_at(t).is_none() && Unit::parse(self.w(t)).is_none() {
                return None;
            }
        }
        let mut e = k + 1;
        // ages: `56 years old`, `56-year-old`
        let after = self.w(e);
        if after == "old"
            || (after == "-" && self.w(e + 1) == "old")
            || (after == "of" && self.w(e + 1) == "age")
        {
            return None;
        }
        if self.w(e) == "-" && self.glued(e) {
            // `27-year-long` is a length; `a year-long siege` leaves `year-long`
            // to its own pattern; `a decade-old` is an age.
            if hyphen && self.w(e + 1) == "long" {
                e += 2;
            } else {
                return None;
            }
        }
        // `a decades-long`: `a` cannot count a plural.
        if plural && n == Some(1.0) && matches!(self.w(i), "a" | "an") {
            return None;
        }
        let mut n = n;
        // `a year and a half`
        if !hyphen && self.w(e) == "and" && self.w(e + 1) == "a" && self.w(e + 2) == "half" {
            n = n.map(|v| v + 0.5);
            e += 3;
        }
        if self.w(e) == "ago" {
            return Some(match n {
                Some(_) => Cand::new(i, e + 1, Type::Date, Sem::Ago { n, unit: u }, "time ago"),
                None => Cand::new(i, e + 1, Type::Date, Sem::Ref("PAST_REF"), "vague time ago"),
            });
        }
        let v = match n {
            Some(v) => u.duration(v),
            None => u.vague(),
        };
        Some(Cand::new(
            i,
            e,
            Type::Duration,
            Sem::Duration(v),
            "length of time",
        ))
    }

    /// Sets: `every day`, `each year`, `weekly`, `twice a year`, `15 a year`.
    fn set_at(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        let adverb = match w {
            "daily" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "yearly" | "annually" => Some("P1Y"),
            "quarterly" => Some("P3M"),
            "hourly" => Some("PT1H"),
            "nightly" => Some("P1D"),
            "everyday" => Some("P1D"),
            _ => None,
        };
        // `the Daily Mail`, `Entertainment Weekly`: capitalized inside a
        // sentence, these are names.
        if adverb.is_some() && self.upper(i) && self.doc.sentence(i).0 != i {
            return None;
        }
        if let Some(v) = adverb {
            // `bi-weekly` / `semi-annual` are other periods; skip when glued.
            if self.glued(i) && i > 0 && self.w(i - 1) == "-" {
                return None;
            }
            return Some(Cand::new(
                i,
                i + 1,
                Type::Set,
                Sem::Set(v.into()),
                "recurrence",
            ));
        }
        // `on Mondays`: every Monday.
        if let Some(wd) = w.strip_suffix('s').and_then(words::weekday)
            && self.upper(i)
        {
            return Some(Cand::new(
                i,
                i + 1,
                Type::Set,
                Sem::Set(format!("XXXX-WXX-{wd}")),
                "recurrence",
            ));
        }
        if matches!(w, "every" | "each") {
            let mut j = i + 1;
            if let Some(wd) = words::weekday(self.w(j)) {
                return Some(Cand::new(
                    i,
                    j + 1,
                    Type::Set,
                    Sem::Set(format!("XXXX-WXX-{wd}")),
                    "recurrence",
                ));
            }
            let mut n = Some(1.0);
            if self.w(j) == "other" {
                n = Some(2.0);
                j += 1;
            } else if matches!(self.w(j), "few" | "several") {
                // every few years
                n = None;
                j += 1;
            } else if let Some((Some(v), e)) = self
                .number_at(j)
                .filter(|_| !matches!(self.w(j), "a" | "an"))
            {
                n = Some(v);
                j = e;
            }
            let (u, plural) = Unit::parse(self.w(j))?;
            // `every days` is not English; `every other day` is singular.
            if plural && n == Some(1.0) || !plural && n.is_none() {
                return None;
            }
            let v = match n {
                Some(n) => u.duration(n),
                None => u.vague(),
            };
            return Some(Cand::new(i, j + 1, Type::Set, Sem::Set(v), "recurrence"));
        }
        // once a week, twice a year, three times a day
        let (freq_end, is_freq) = match w {
            "once" | "twice" => (i + 1, true),
            _ if self.w(i + 1) == "times"
                && (self.is_num(i) || words::small_number(w).is_some()) =>
            {
                (i + 2, true)
            }
            _ => (i, false),
        };
        let a_at = if is_freq { freq_end } else { i };
        if matches!(self.w(a_at), "a" | "an" | "per") {
            let (u, false) = Unit::parse(self.w(a_at + 1))? else {
                return None;
            };
            if is_freq {
                return Some(Cand::new(
                    i,
                    a_at + 2,
                    Type::Set,
                    Sem::Set(u.duration(1.0)),
                    "recurrence",
                ));
            }
            // `15 a year`, `$5 million a year`, `20 an hour`, `5 per day`: a
            // rate after an amount.
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            let amount = i > 0
                && (self.is_num(i - 1)
                    || matches!(
                        prev,
                        "million"
                            | "billion"
                            | "trillion"
                            | "thousand"
                            | "hundred"
                            | "dollars"
                            | "euros"
                            | "pounds"
                            | "percent"
                            | "%"
                            | "cents"
                            | "cent"
                            | "hours"
                            | "days"
                            | "people"
                            | "tonnes"
                            | "barrels"
                            | "times"
                    ));
            if amount
                && !matches!(
                    self.w(a_at + 2),
                    "ago" | "later" | "earlier" | "before" | "after"
                )
            {
                return Some(Cand::new(
                    a_at,
                    a_at + 2,
                    Type::Set,
                    Sem::Set(u.duration(1.0)),
                    "rate per period",
                ));
            }
        }
        None
    }

    /// Fixed-date holidays: `Christmas`, `New Year's Day`, `Halloween`.
    fn holiday(&self, i: usize) -> Option<Cand> {
        if !self.upper(i) {
            return None;
        }
        let (m, d, e) = match self.w(i) {
            "christmas" => match self.w(i + 1) {
                "eve" => (12, 24, i + 2),
                "day" => (12, 25, i + 2),
                _ => (12, 25, i + 1),
            },
            "new"
                if self.w(i + 1) == "year"
                    && matches!(self.w(i + 2), "'" | "’")
                    && self.w(i + 3) == "s" =>
            {
                match self.w(i + 4) {
                    "eve" => (12, 31, i + 5),
                    "day" => (1, 1, i + 5),
                    _ => return None,
                }
            }
            "halloween" => (10, 31, i + 1),
            "valentine"
                if matches!(self.w(i + 1), "'" | "’")
                    && self.w(i + 2) == "s"
                    && self.w(i + 3) == "day" =>
            {
                (2, 14, i + 4)
            }
            _ => return None,
        };
        if let Some((y, e2)) = self.year_at(e) {
            return Some(Cand::new(
                i,
                e2,
                Type::Date,
                Sem::Day { y: Some(y), m, d },
                "holiday",
            ));
        }
        Some(Cand::new(
            i,
            e,
            Type::Date,
            Sem::Day { y: None, m, d },
            "holiday",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the gate's invariant at tokens `at` of `doc`: each pattern that
    /// finds a candidate there has its bit set, and the remembered bits equal
    /// [`starts`]. Returns how many candidates the patterns found, so that a
    /// caller can see the check bite.
    fn check_at(doc: &Doc, day_first: bool, at: impl Iterator<Item = usize>) -> usize {
        let scan = Scan::new(doc, day_first);
        let mut found = 0;
        for i in at {
            let may = gate(&scan, i);
            if !scan.is_num(i) {
                assert_eq!(may, starts(scan.w(i)), "table at {:?}", scan.w(i));
            }
            if scan.w(i) == "the" && scan.with_the_inner(i).is_some() {
                assert!(
                    scan.may_follow_the(i + 1),
                    "`the` pattern matches at token {i} {:?}, `may_follow_the` says no",
                    doc.slice(i, (i + 4).min(doc.tokens.len()))
                );
            }
            for (k, &(bit, pattern)) in Scan::PATTERNS.iter().enumerate() {
                if pattern(&scan, i).is_some() {
                    found += 1;
                    assert!(
                        may & bit != 0,
                        "pattern {k} matches at {:?} (token {i}), gate bit clear: {:?}",
                        doc.tok(i),
                        doc.slice(i.saturating_sub(2), (i + 4).min(doc.tokens.len()))
                    );
                }
            }
        }
        found
    }

    /// [`check_at`] every token of `text`, read month-first and day-first.
    fn check(text: &str) -> usize {
        let doc = Doc::new(text);
        let n = doc.tokens.len();
        check_at(&doc, false, 0..n) + check_at(&doc, true, 0..n)
    }

    fn files(dir: &str, ext: &str) -> Vec<String> {
        let dir = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for e in std::fs::read_dir(&dir).expect("test data folder") {
            let path = e.expect("folder entry").path();
            if path.extension().is_some_and(|x| x == ext) {
                out.push(std::fs::read_to_string(&path).expect("test file"));
            }
        }
        out
    }

    #[test]
    fn gate_covers_every_match_in_real_text() {
        let mut texts = files("seeds", "txt");
        assert!(!texts.is_empty(), "no seed articles");
        for src in files("testdata", "toml") {
            let v: toml::Value = toml::from_str(&src).expect("table test file");
            let cases = v.get("case").and_then(|c| c.as_array()).expect("cases");
            texts.extend(
                cases
                    .iter()
                    .filter_map(|c| c.get("text")?.as_str().map(str::to_string)),
            );
        }
        let found: usize = texts.iter().map(|t| check(t)).sum();
        assert!(found > 500, "only {found} matches: the check saw little");
    }

    /// Every word in the string literals of the patterns' source: a pattern
    /// can only start with a word it names, here or in a `words` table. With
    /// digits and the punctuation the patterns read.
    fn vocabulary() -> Vec<String> {
        let src = [include_str!("scan.rs"), include_str!("words.rs")].concat();
        // Per line, the pieces between double quotes (no literal here spans
        // lines or holds an escaped quote; a comment's quotes only add words).
        let mut v: Vec<String> = src
            .lines()
            .flat_map(|l| l.split('"').skip(1).step_by(2))
            .flat_map(|lit| lit.split(|c: char| !c.is_ascii_alphabetic()))
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        v.sort();
        v.dedup();
        v.extend(
            [
                "5", "12", "31", "90", "0800", "1990", "2017", "'", "’", "‘", "-", ".", ",", ":",
                "/", "$",
            ]
            .map(str::to_string),
        );
        v
    }

    #[test]
    fn starters_are_every_word_that_starts_a_pattern() {
        // A word `starts` gives a bit to is a word a pattern names (a match
        // arm here or in `words`), or one with `-s` or `-long` after it.
        let mut words = vocabulary();
        let forms: Vec<String> = words
            .iter()
            .flat_map(|w| [format!("{w}s"), format!("{w}long")])
            .collect();
        words.extend(forms);
        words.extend(["’", "‘", "“", "”"].map(str::to_string));
        let listed: Vec<&str> = STARTERS.split_whitespace().collect();
        for w in &words {
            assert_eq!(
                starts(w) != 0,
                listed.contains(&w.as_str()),
                "{w:?}: starts gives {:b}",
                starts(w)
            );
            assert_eq!(STARTS.get(w), starts(w), "{w:?}");
        }
        for w in listed {
            assert_ne!(starts(w), 0, "{w:?} starts nothing");
        }
    }

    #[test]
    fn gate_covers_every_match_in_documented_examples() {
        // The comments here name the forms each pattern reads (`twice a
        // year`, `the first week of March`): every comment line, and every
        // example in backticks alone, as written, after `in` and after an
        // amount (`15 a year`).
        let src = [include_str!("scan.rs"), include_str!("words.rs")].concat();
        let mut examples = Vec::new();
        for line in src.lines() {
            let Some((_, comment)) = line.split_once("//") else {
                continue;
            };
            let comment = comment.trim_start_matches('/');
            examples.push(comment.to_string());
            examples.extend(comment.split('`').skip(1).step_by(2).map(str::to_string));
        }
        let mut found = 0;
        for e in &examples {
            for text in [e.clone(), format!("in {e}"), format!("5 {e}")] {
                found += check(&text);
            }
        }
        assert!(found > 500, "only {found} matches");
    }

    /// `w` with its first letter in upper case.
    fn capitalized(w: &str) -> String {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }

    #[test]
    fn gate_covers_every_match_in_word_pairs() {
        // Each word of the vocabulary, in lower case and capitalized, before
        // each word of it and before glued endings (`Q1`, `'90s`,
        // `third-quarter`), after `in` (the context bare months and seasons
        // need): a pattern that starts with a word the gate does not know
        // matches in one of these.
        let vocab = vocabulary();
        let glued = [
            "1", "16", "2017", "90s", "-quarter", "-half", "-long", "-end", "-2011", "'s day", "s",
        ];
        let mut found = 0;
        for x in &vocab {
            for x in [x.clone(), capitalized(x)] {
                let mut text = String::new();
                for y in &vocab {
                    text.push_str(&format!("in {x} {y} 5 2017\n"));
                }
                for g in glued {
                    text.push_str(&format!("in {x}{g} .\n"));
                }
                let doc = Doc::new(&text);
                // The token after each line's `in`.
                let at = (1..doc.tokens.len())
                    .filter(|&i| doc.tokens.get(i - 1).is_some_and(|t| t.line_start));
                found += check_at(&doc, false, at);
            }
        }
        assert!(found > 10_000, "only {found} matches");
    }

    #[test]
    fn digits_value_reads_as_float_parsing_does() {
        let mut cases: Vec<String> = [
            "",
            "0",
            "00",
            "7",
            "0800",
            "2017",
            "999999999999999",
            "1000000000000000",
            "9007199254740993",
            "123456789012345678901234567890",
            "12a",
            "-5",
            "1.5",
            "٣",
        ]
        .map(str::to_string)
        .to_vec();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..10_000 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let len = (seed >> 60) as usize + 1;
            cases.push((seed >> 3).to_string().chars().take(len).collect());
        }
        for w in &cases {
            assert_eq!(
                digits_value(w).map(f64::to_bits),
                w.parse::<f64>().ok().map(f64::to_bits),
                "{w:?}"
            );
        }
    }

    #[test]
    fn gate_covers_every_match_after_digits() {
        // Numbers of each length the patterns read, before each word of the
        // vocabulary, spaced and glued, and then a month and a year (`5 of
        // March 2017`, `3 times a year`, `90s`); with thousands and decimals
        // (`1,500 years`, `2.5 days`).
        let mut vocab = vocabulary();
        vocab.extend(vocab.clone().iter().map(|w| capitalized(w)));
        let mut text = String::new();
        for d in ["5", "12", "31", "90", "123", "0800", "2017", "20170"] {
            for y in &vocab {
                text.push_str(&format!("in {d} {y} March 2017\n"));
                text.push_str(&format!("in {d}{y} a year\n"));
                text.push_str(&format!("in {d},500 {y} ago\n"));
                text.push_str(&format!("in {d}.5 {y}\n"));
            }
        }
        let doc = Doc::new(&text);
        let at = (0..doc.tokens.len())
            .filter(|&i| doc.tokens.get(i).is_some_and(|t| t.kind == Kind::Num));
        let found = check_at(&doc, false, at.clone()) + check_at(&doc, true, at);
        assert!(found > 5_000, "only {found} matches");
    }

    #[test]
    fn may_follow_the_covers_every_the_pattern() {
        // Each word of the vocabulary after `the`, before the words the
        // `the …` patterns go on with (`the very beginning of March`, `the
        // distant past`, `the first week of May`).
        let vocab = vocabulary();
        let after = [
            "",
            "of",
            "of the",
            "beginning of",
            "end of",
            "week of",
            "half of",
            "quarter of",
            "future",
            "past",
            "five days",
            "days",
            "before",
            "after",
        ];
        let mut text = String::new();
        for x in &vocab {
            for x in [x.clone(), capitalized(x)] {
                for y in after {
                    for z in ["March 2017", "year", "5 2017", ","] {
                        text.push_str(&format!("in the {x} {y} {z}\n"));
                    }
                }
            }
        }
        let doc = Doc::new(&text);
        let scan = Scan::new(&doc, false);
        let mut found = 0;
        for i in 0..doc.tokens.len() {
            if scan.w(i) == "the" && scan.with_the_inner(i).is_some() {
                found += 1;
                assert!(
                    scan.may_follow_the(i + 1),
                    "`the` pattern matches at {:?}, `may_follow_the` says no",
                    doc.slice(i, (i + 4).min(doc.tokens.len()))
                );
            }
        }
        assert!(found > 1000, "only {found} matches");
    }

    #[test]
    fn gate_covers_every_match_in_soup() {
        // Random runs of the vocabulary and its `-s` and `-long` forms,
        // glued or spaced, in mixed case.
        let mut vocab = vocabulary();
        let forms: Vec<String> = vocab
            .iter()
            .flat_map(|w| [format!("{w}s"), format!("{w}long")])
            .collect();
        vocab.extend(forms);
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % n
        };
        let mut found = 0;
        for _ in 0..600 {
            let mut text = String::new();
            for _ in 0..60 {
                let w = &vocab[next(vocab.len())];
                match next(3) {
                    0 => text.push_str(&w.to_uppercase()),
                    1 => text.push_str(&capitalized(w)),
                    _ => text.push_str(w),
                }
                text.push_str([" ", " ", "", "\n"][next(4)]);
            }
            found += check(&text);
        }
        assert!(found > 300, "only {found} matches");
    }
}
