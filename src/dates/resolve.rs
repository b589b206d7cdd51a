//! Normalization: turns a candidate's meaning into a TIMEX3 value, using the
//! reference date, the tense of its clause and the date the text last talked
//! about; and says in words how (`why`).

use super::scan::Sem;
use super::words::{self, MONTH_NAMES, Unit, WEEKDAY_NAMES};
use crate::calendar::{Date, days_in_month, push_padded};
use std::borrow::Cow;

/// The tense of the clause around an expression, with the word that shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tense<'w> {
    /// Past narration (`arrived`, `was`, `said`).
    Past(Cow<'w, str>),
    /// Future reference (`will`, `'ll`, `next`).
    Future(Cow<'w, str>),
    /// Present tense of an event verb (`begins`, `is`): for a weekday, the
    /// coming one; elsewhere read as no cue.
    Present(Cow<'w, str>),
    /// No cue in reach.
    Unknown,
}

/// A date the text talked about, and the words that named it.
#[derive(Clone, Debug)]
pub struct Anchor<'t> {
    /// The date (day 1 / month 1 when coarser).
    pub date: Date,
    /// The words, in the text.
    pub text: &'t str,
    /// The sentence they are in.
    pub sentence: u32,
}

/// What resolution carries from one expression to the next.
#[derive(Clone, Debug, Default)]
pub struct Ctx<'t> {
    /// The reference date.
    pub reference: Option<Date>,
    /// The last day the text talked about.
    pub last_day: Option<Anchor<'t>>,
    /// The last month (from a day or a month).
    pub last_month: Option<Anchor<'t>>,
    /// The last year (from a day, month or year).
    pub last_year: Option<Anchor<'t>>,
}

/// A resolved value, with its explanation, and the day/month/year it names
/// (to become the anchor of later `that day`).
pub struct Resolved {
    /// TIMEX3 value.
    pub value: String,
    /// How the value was reached (a fixed phrase is borrowed, not copied).
    pub why: Cow<'static, str>,
    /// Day named, if any.
    pub day: Option<Date>,
    /// Month named (as its first day), if any.
    pub month: Option<Date>,
    /// Year named (as its first day), if any.
    pub year: Option<i32>,
}

impl Resolved {
    fn new(value: String, why: impl Into<Cow<'static, str>>) -> Resolved {
        Resolved {
            value,
            why: why.into(),
            day: None,
            month: None,
            year: None,
        }
    }

    fn with_day(mut self, d: Date) -> Resolved {
        self.day = Some(d);
        self.month = Date::new(d.year, d.month, 1);
        self.year = Some(d.year);
        self
    }

    fn with_month(mut self, y: i32, m: u32) -> Resolved {
        self.month = Date::new(y, m, 1);
        self.year = Some(y);
        self
    }

    fn with_year(mut self, y: i32) -> Resolved {
        self.year = Some(y);
        self
    }
}

/// A piece of a value or an explanation, appended as `format!` would write
/// it. Every date expression gets a value and an explanation, most of them
/// built from four or five pieces (a date, a tense, the reference date);
/// appending the pieces to one `String` costs a fraction of formatting
/// them, and of formatting the parts first into strings of their own.
trait Piece {
    /// Appends the piece to `out`.
    fn push_to(&self, out: &mut String);
}

impl Piece for str {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for Cow<'_, str> {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out);
    }
}

/// `{d}`: `YYYY-MM-DD`.
impl Piece for Date {
    fn push_to(&self, out: &mut String) {
        self.push_iso(out);
    }
}

/// An integer zero-padded to a width: `Pad(y, 4)` is `{y:04}`, and width
/// 0 is plain `{v}`.
struct Pad(i64, usize);

impl Piece for Pad {
    fn push_to(&self, out: &mut String) {
        push_padded(out, self.0, self.1);
    }
}

/// The reference date named in an explanation: `{r} (reference date)`.
struct RefWords(Date);

impl Piece for RefWords {
    fn push_to(&self, out: &mut String) {
        self.0.push_iso(out);
        out.push_str(" (reference date)");
    }
}

/// The tense of the clause in an explanation, with the word that shows it.
struct TenseWords<'t>(&'t Tense<'t>);

impl Piece for TenseWords<'_> {
    fn push_to(&self, out: &mut String) {
        let (before, w) = match self.0 {
            Tense::Past(w) => ("in past narration (\"", w),
            Tense::Future(w) => ("in future-tense text (\"", w),
            Tense::Present(w) => ("in present-tense text (\"", w),
            Tense::Unknown => return out.push_str("with no tense cue"),
        };
        out.push_str(before);
        out.push_str(w);
        out.push_str("\")");
    }
}

/// What a shift counts from in an explanation (`the previous month of …`).
enum Base<'c> {
    /// The reference date.
    Reference(Date),
    /// The date the text last talked about, and its words.
    LastTalked(&'c Anchor<'c>),
    /// The reference date, when the text gave no date before.
    NoEarlier(Date),
    /// Nothing: the caller writes its own explanation.
    Unsaid,
}

impl Piece for Base<'_> {
    fn push_to(&self, out: &mut String) {
        match self {
            Base::Reference(r) => RefWords(*r).push_to(out),
            Base::LastTalked(a) => {
                out.push_str("the date last talked about (\"");
                out.push_str(a.text);
                out.push_str("\", ");
                a.date.push_iso(out);
                out.push(')');
            }
            Base::NoEarlier(r) => {
                RefWords(*r).push_to(out);
                out.push_str(" — no earlier date in the text");
            }
            Base::Unsaid => {}
        }
    }
}

/// The pieces appended in order to a new `String`: `cat![a, b]` is
/// `format!("{a}{b}")` for [`Piece`]s.
macro_rules! cat {
    // A value: a few bytes.
    (value: $($piece:expr),+ $(,)?) => {{
        let mut out = String::with_capacity(16);
        $( Piece::push_to(&$piece, &mut out); )+
        out
    }};
    // An explanation: a sentence.
    ($($piece:expr),+ $(,)?) => {{
        let mut out = String::with_capacity(96);
        $( Piece::push_to(&$piece, &mut out); )+
        out
    }};
}

fn month_value(y: i32, m: u32) -> String {
    cat![value: Pad(y.into(), 4), "-", Pad(m.into(), 2)]
}

fn week_value(d: Date) -> String {
    let (y, w) = d.iso_week();
    cat![value: Pad(y.into(), 4), "-W", Pad(w.into(), 2)]
}

/// `d.to_string()`, without the formatting machinery.
fn day_value(d: Date) -> String {
    let mut out = String::with_capacity(10);
    d.push_iso(&mut out);
    out
}

/// Month index (year * 12 + month - 1) and back.
fn midx(y: i32, m: u32) -> i64 {
    i64::from(y) * 12 + i64::from(m) - 1
}

fn from_midx(i: i64) -> (i32, u32) {
    (i.div_euclid(12) as i32, (i.rem_euclid(12) + 1) as u32)
}

/// Picks the year of a period that starts in month `m` (1–12) and lasts
/// `len` months, around the reference: past → the latest that has begun by
/// the reference month, future → the first that has not yet ended,
/// unknown → the nearest (zero when the reference falls inside it).
fn pick_month_year(r: Date, m: u32, len: i64, tense: &Tense) -> i32 {
    let rm = midx(r.year, r.month);
    let cands = [r.year - 1, r.year, r.year + 1];
    match tense {
        Tense::Past(_) => cands
            .iter()
            .rev()
            .copied()
            .find(|&y| midx(y, m) <= rm)
            .unwrap_or(r.year - 1),
        Tense::Future(_) => cands
            .iter()
            .copied()
            .find(|&y| midx(y, m) + len > rm)
            .unwrap_or(r.year + 1),
        Tense::Unknown | Tense::Present(_) => cands
            .iter()
            .copied()
            .min_by_key(|&y| {
                let (a, b) = (midx(y, m), midx(y, m) + len - 1);
                let dist = if rm < a {
                    a - rm
                } else if rm > b {
                    rm - b
                } else {
                    0
                };
                (dist, (y - r.year).abs())
            })
            .unwrap_or(r.year),
    }
}

/// Like [`pick_month_year`] at day level.
fn pick_day(r: Date, m: u32, d: u32, tense: &Tense) -> Option<Date> {
    // The day in the years around the reference (a 29 February only in
    // leap years), in order.
    let cands = [r.year - 1, r.year, r.year + 1].map(|y| Date::new(y, m, d));
    let cands = cands.iter().flatten();
    let rd = r.to_days();
    match tense {
        Tense::Past(_) => cands.clone().rev().copied().find(|c| c.to_days() <= rd),
        Tense::Future(_) => cands.clone().copied().find(|c| c.to_days() >= rd),
        Tense::Unknown | Tense::Present(_) => cands
            .clone()
            .copied()
            .min_by_key(|c| (c.to_days() - rd).abs()),
    }
    .or_else(|| cands.clone().next().copied())
}

fn season_month(s: &str) -> u32 {
    match s {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

/// Whether [`resolve`] reads the tense for `sem`: only what a year or a
/// direction does not fix (`March`, `Monday`, `the 18th`) does. For any
/// other meaning, the value and the explanation are the same in every
/// tense, so the caller need not find it (the test
/// `only_meanings_that_read_the_tense_differ_by_tense` checks this).
pub fn reads_tense(sem: &Sem) -> bool {
    match sem {
        Sem::Day { y: None, .. }
        | Sem::Month { y: None, .. }
        | Sem::Season { y: None, .. }
        | Sem::Quarter { y: None, .. }
        | Sem::Half { y: None, .. }
        | Sem::Weekday { .. }
        | Sem::DayOfMonth(_)
        | Sem::Weekend => true,
        Sem::WeekOf { month, .. } => reads_tense(month),
        Sem::Time { day: Some(day), .. } => reads_tense(day),
        _ => false,
    }
}

/// Resolves one meaning. `tense` is the clause's; `time_base` a day named
/// next to a clock time in the same sentence.
pub fn resolve(
    sem: &Sem,
    tense: &Tense,
    ctx: &Ctx,
    time_base: Option<(Date, &str)>,
    sentence: u32,
) -> Resolved {
    let r = ctx.reference;
    // Only weekdays read the present tense as looking ahead.
    let weekday_tense = tense;
    let unknown = Tense::Unknown;
    let tense = if let Tense::Present(_) = tense {
        &unknown
    } else {
        tense
    };
    match sem {
        Sem::Day { y: Some(y), m, d } => match Date::new(*y, *m, *d) {
            Some(dt) => Resolved::new(day_value(dt), "full date as written").with_day(dt),
            None => Resolved::new(
                cat![
                    value: Pad((*y).into(), 4),
                    "-",
                    Pad((*m).into(), 2),
                    "-",
                    Pad((*d).into(), 2)
                ],
                "date as written (not a calendar day)",
            ),
        },
        Sem::Day { y: None, m, d } => {
            let name = MONTH_NAMES[(*m as usize).clamp(1, 12) - 1];
            match r.and_then(|r| pick_day(r, *m, *d, tense).map(|dt| (r, dt))) {
                Some((r, dt)) => {
                    let (pick, relation) = match tense {
                        Tense::Past(_) => ("the latest ", " on or before "),
                        Tense::Future(_) => ("the first ", " on or after "),
                        Tense::Unknown | Tense::Present(_) => ("the ", " nearest to "),
                    };
                    Resolved::new(
                        day_value(dt),
                        cat![
                            "month and day without a year, ",
                            TenseWords(tense),
                            ": ",
                            pick,
                            name,
                            " ",
                            Pad((*d).into(), 0),
                            relation,
                            RefWords(r)
                        ],
                    )
                    .with_day(dt)
                }
                None => Resolved::new(
                    cat![value: "XXXX-", Pad((*m).into(), 2), "-", Pad((*d).into(), 2)],
                    "month and day without a year; no reference date",
                ),
            }
        }
        Sem::Month { y: Some(y), m } => {
            Resolved::new(month_value(*y, *m), "month and year as written").with_month(*y, *m)
        }
        Sem::Month { y: None, m } => {
            let name = MONTH_NAMES[(*m as usize).clamp(1, 12) - 1];
            match r {
                Some(r) => {
                    let y = pick_month_year(r, *m, 1, tense);
                    let (pick, relation, after) = match tense {
                        Tense::Past(_) => ("the latest ", " up to ", ""),
                        Tense::Future(_) => ("the first ", " from ", " on"),
                        Tense::Unknown | Tense::Present(_) => ("the ", " nearest to ", ""),
                    };
                    Resolved::new(
                        month_value(y, *m),
                        cat![
                            "month without a year, ",
                            TenseWords(tense),
                            ": ",
                            pick,
                            name,
                            relation,
                            RefWords(r),
                            after
                        ],
                    )
                    .with_month(y, *m)
                }
                None => Resolved::new(
                    cat![value: "XXXX-", Pad((*m).into(), 2)],
                    "month without a year; no reference date",
                ),
            }
        }
        Sem::MonthDir { m, dir } => {
            let name = MONTH_NAMES[(*m as usize).clamp(1, 12) - 1];
            let Some(r) = r else {
                return Resolved::new(
                    cat![value: "XXXX-", Pad((*m).into(), 2)],
                    "month with a direction word; no reference date",
                );
            };
            let rm = midx(r.year, r.month);
            let y = match dir {
                -1 => {
                    if midx(r.year, *m) < rm {
                        r.year
                    } else {
                        r.year - 1
                    }
                }
                1 => {
                    if midx(r.year, *m) > rm {
                        r.year
                    } else {
                        r.year + 1
                    }
                }
                _ => r.year,
            };
            let word = match dir {
                -1 => "last",
                1 => "next",
                _ => "this",
            };
            Resolved::new(
                month_value(y, *m),
                cat!["\"", word, " ", name, "\" from ", RefWords(r)],
            )
            .with_month(y, *m)
        }
        Sem::Year(y) => {
            Resolved::new(cat![value: Pad((*y).into(), 4)], "year as written").with_year(*y)
        }
        Sem::Decade(d) => Resolved::new(cat![value: Pad((*d).into(), 3)], "decade as written"),
        Sem::Century(c) => Resolved::new(cat![value: Pad((*c).into(), 2)], "century as written"),
        Sem::Season { y: Some(y), s } => Resolved::new(
            cat![value: Pad((*y).into(), 4), "-", s],
            "season and year as written",
        )
        .with_year(*y),
        Sem::Season { y: None, s } => match r {
            Some(r) => {
                let y = pick_month_year(r, season_month(s), 3, tense);
                Resolved::new(
                    cat![value: Pad(y.into(), 4), "-", s],
                    cat![
                        "season without a year, ",
                        TenseWords(tense),
                        ", around ",
                        RefWords(r)
                    ],
                )
                .with_year(y)
            }
            None => Resolved::new(
                cat![value: "XXXX-", s],
                "season without a year; no reference date",
            ),
        },
        Sem::SeasonDir { s, dir } => match r {
            Some(r) => {
                let sm = season_month(s);
                let rm = midx(r.year, r.month);
                let y = match dir {
                    -1 => {
                        if midx(r.year, sm) + 2 < rm {
                            r.year
                        } else {
                            r.year - 1
                        }
                    }
                    1 => {
                        if midx(r.year, sm) > rm {
                            r.year
                        } else {
                            r.year + 1
                        }
                    }
                    _ => r.year,
                };
                Resolved::new(
                    cat![value: Pad(y.into(), 4), "-", s],
                    cat!["season with a direction word, from ", RefWords(r)],
                )
                .with_year(y)
            }
            None => Resolved::new(cat![value: "XXXX-", s], "season; no reference date"),
        },
        Sem::Quarter { y: Some(y), q } => Resolved::new(
            cat![value: Pad((*y).into(), 4), "-Q", Pad((*q).into(), 0)],
            "quarter and year as written",
        )
        .with_year(*y),
        Sem::Quarter { y: None, q } => match r {
            Some(r) => {
                let y = pick_month_year(r, q * 3 - 2, 3, tense);
                Resolved::new(
                    cat![value: Pad(y.into(), 4), "-Q", Pad((*q).into(), 0)],
                    cat![
                        "quarter without a year, ",
                        TenseWords(tense),
                        ", around ",
                        RefWords(r)
                    ],
                )
                .with_year(y)
            }
            None => Resolved::new(
                cat![value: "XXXX-Q", Pad((*q).into(), 0)],
                "quarter without a year; no reference date",
            ),
        },
        Sem::Half { y: Some(y), h } => Resolved::new(
            cat![value: Pad((*y).into(), 4), "-H", Pad((*h).into(), 0)],
            "half year as written",
        )
        .with_year(*y),
        Sem::Half { y: None, h } => match r {
            Some(r) => {
                let y = pick_month_year(r, h * 6 - 5, 6, tense);
                Resolved::new(
                    cat![value: Pad(y.into(), 4), "-H", Pad((*h).into(), 0)],
                    cat![
                        "half year without a year, ",
                        TenseWords(tense),
                        ", around ",
                        RefWords(r)
                    ],
                )
                .with_year(y)
            }
            None => Resolved::new(
                cat![value: "XXXX-H", Pad((*h).into(), 0)],
                "half year without a year; no reference date",
            ),
        },
        Sem::Fiscal(y) => Resolved::new(
            cat![value: "FY", Pad((*y).into(), 4)],
            "fiscal year as written",
        ),
        Sem::Weekday { w, dir } => {
            let name = WEEKDAY_NAMES[(*w as usize).clamp(1, 7) - 1];
            let Some(r) = r else {
                return Resolved::new(
                    cat![value: "XXXX-WXX-", Pad((*w).into(), 0)],
                    "weekday; no reference date",
                );
            };
            let rw = i64::from(r.weekday());
            let w64 = i64::from(*w);
            let back = (rw - w64).rem_euclid(7);
            let fwd = (w64 - rw).rem_euclid(7);
            // The day's offset from the reference, and how it was read.
            let (offset, how) = match (dir, weekday_tense) {
                (-1, _) => (
                    -(if back == 0 { 7 } else { back }),
                    cat![
                        "\"last ",
                        name,
                        "\": the latest ",
                        name,
                        " before ",
                        RefWords(r)
                    ],
                ),
                (1, _) => (
                    if fwd == 0 { 7 } else { fwd },
                    cat![
                        "\"next ",
                        name,
                        "\": the first ",
                        name,
                        " after ",
                        RefWords(r)
                    ],
                ),
                (_, Tense::Future(_) | Tense::Present(_)) => (
                    fwd,
                    cat![
                        "weekday ",
                        TenseWords(weekday_tense),
                        ": the first ",
                        name,
                        " on or after ",
                        RefWords(r)
                    ],
                ),
                (_, Tense::Past(_)) => (
                    -back,
                    cat![
                        "weekday ",
                        TenseWords(tense),
                        ": the latest ",
                        name,
                        " on or before ",
                        RefWords(r)
                    ],
                ),
                _ => (
                    -back,
                    cat![
                        "weekday with no tense cue, read as news narration: the latest ",
                        name,
                        " on or before ",
                        RefWords(r)
                    ],
                ),
            };
            let Some(d) = r.add_days(offset) else {
                return Resolved::new(
                    cat![value: "XXXX-WXX-", Pad((*w).into(), 0)],
                    "weekday out of calendar range",
                );
            };
            Resolved::new(day_value(d), how).with_day(d)
        }
        Sem::RelDay(n) => match r.and_then(|r| r.add_days(*n).map(|d| (r, d))) {
            Some((r, d)) => {
                let word = match n {
                    0 => "today",
                    -1 => "yesterday",
                    1 => "tomorrow",
                    _ => "day",
                };
                // `{n:+}`: the sign always.
                let sign = if *n >= 0 { "+" } else { "" };
                Resolved::new(
                    day_value(d),
                    cat![
                        "\"",
                        word,
                        "\": ",
                        sign,
                        Pad(*n, 0),
                        " day(s) from ",
                        RefWords(r)
                    ],
                )
                .with_day(d)
            }
            None => Resolved::new(
                "XXXX-XX-XX".into(),
                "day relative to an unknown reference date",
            ),
        },
        Sem::RelUnit { unit, n } => match r {
            Some(r) => rel_unit(r, *unit, *n, Base::Reference(r)),
            None => Resolved::new(unknown_of(*unit), "relative to an unknown reference date"),
        },
        Sem::Ago { n, unit } => match (r, n) {
            // Beyond ten thousand units no calendar value is meaningful.
            (Some(r), Some(n)) if *n <= 10_000.0 => {
                let k = n.round() as i64;
                let mut res = match unit {
                    Unit::Second | Unit::Minute | Unit::Hour => {
                        Resolved::new(day_value(r), "").with_day(r)
                    }
                    Unit::Day => match r.add_days(-k) {
                        Some(d) => Resolved::new(day_value(d), "").with_day(d),
                        None => Resolved::new("PAST_REF".into(), ""),
                    },
                    Unit::Fortnight => rel_unit(r, Unit::Week, -2 * k, Base::Unsaid),
                    u => rel_unit(r, *u, -k, Base::Unsaid),
                };
                let mut why = String::with_capacity(64);
                words::push_num(&mut why, *n);
                res.why = cat![why, " ", unit.name(), "(s) before ", RefWords(r)].into();
                res
            }
            _ => Resolved::new(
                "PAST_REF".into(),
                "time ago without a reference date or a number",
            ),
        },
        Sem::Anaphor { unit, n } => anaphor(ctx, *unit, *n),
        Sem::Ref(v) => {
            let why = match *v {
                "PAST_REF" => "vague reference to the past",
                "FUTURE_REF" => "vague reference to the future",
                _ => "reference to the present",
            };
            Resolved::new((*v).into(), why)
        }
        Sem::WeekOf { month, nth } => {
            let inner = resolve(month, tense, ctx, None, sentence);
            let Some(first) = inner.month else {
                let m = match month.as_ref() {
                    Sem::Month { m, .. } | Sem::MonthDir { m, .. } => *m,
                    _ => 1,
                };
                return Resolved::new(
                    cat![value: "XXXX-", Pad(m.into(), 2), "-WXX"],
                    "week of a month; no reference date",
                );
            };
            let day = if *nth < 0 {
                Date::new(
                    first.year,
                    first.month,
                    days_in_month(first.year, first.month),
                )
            } else {
                Date::new(first.year, first.month, (1 + 7 * (*nth - 1)) as u32)
            };
            match day {
                Some(d) => Resolved::new(
                    week_value(d),
                    cat![
                        "week of a month: the ISO week holding ",
                        d,
                        " (",
                        inner.why,
                        ")"
                    ],
                )
                .with_month(first.year, first.month),
                None => Resolved::new(inner.value, inner.why),
            }
        }
        Sem::DayOfMonth(d) => {
            // The month the text last talked about (this or the last
            // sentence), else the reference month read by tense.
            let near = ctx
                .last_month
                .as_ref()
                .filter(|a| a.sentence + 1 >= sentence);
            if let Some(a) = near
                && let Some(dt) = Date::new(a.date.year, a.date.month, *d)
            {
                return Resolved::new(
                    day_value(dt),
                    cat![
                        "day of the month last talked about (\"",
                        a.text,
                        "\", ",
                        Pad(a.date.year.into(), 0),
                        "-",
                        Pad(a.date.month.into(), 2),
                        ")"
                    ],
                )
                .with_day(dt);
            }
            match r {
                Some(r) => {
                    let (y, m) = match tense {
                        Tense::Past(_) if *d > r.day => from_midx(midx(r.year, r.month) - 1),
                        Tense::Future(_) if *d < r.day => from_midx(midx(r.year, r.month) + 1),
                        _ => (r.year, r.month),
                    };
                    match Date::new(y, m, *d) {
                        Some(dt) => Resolved::new(
                            day_value(dt),
                            cat![
                                "day of the month ",
                                TenseWords(tense),
                                ", in the month of ",
                                RefWords(r)
                            ],
                        )
                        .with_day(dt),
                        None => Resolved::new(
                            cat![value: "XXXX-XX-", Pad((*d).into(), 2)],
                            "day of a month too short",
                        ),
                    }
                }
                None => Resolved::new(
                    cat![value: "XXXX-XX-", Pad((*d).into(), 2)],
                    "day of the month; no reference date",
                ),
            }
        }
        Sem::Weekend => match r {
            Some(r) => {
                // ISO weeks run Monday–Sunday, so a weekend shares the week
                // number of the Monday before it.
                let wd = i64::from(r.weekday());
                let back = matches!(tense, Tense::Past(_) | Tense::Unknown) && wd < 6;
                let d = if back { r.add_days(-wd) } else { Some(r) };
                match d {
                    Some(d) => Resolved::new(
                        cat![value: week_value(d), "-WE"],
                        cat![
                            "the weekend ",
                            TenseWords(tense),
                            ": ",
                            if back {
                                "the one before"
                            } else {
                                "the one of the week of"
                            },
                            " ",
                            RefWords(r)
                        ],
                    ),
                    None => Resolved::new("XXXX-WXX-WE".into(), "weekend out of range"),
                }
            }
            None => Resolved::new("XXXX-WXX-WE".into(), "weekend; no reference date"),
        },
        Sem::Duration(v) => Resolved::new(v.clone(), "length of time"),
        Sem::Set(v) => Resolved::new(v.clone(), "recurrence"),
        Sem::Time { day, hm, zone } => {
            let (base, how): (Option<Date>, Cow<'static, str>) = match day {
                Some(d) => {
                    let res = resolve(d, tense, ctx, None, sentence);
                    match res.day {
                        Some(dt) => (Some(dt), res.why),
                        None => {
                            return Resolved::new(cat![value: res.value, "T", hm, zone], res.why);
                        }
                    }
                }
                // A clock time reads on the day the last sentence or this
                // one talked about; further back, the reference date.
                None => match (
                    time_base,
                    ctx.last_day.as_ref().filter(|a| a.sentence + 1 >= sentence),
                    r,
                ) {
                    (Some((d, t)), _, _) => (
                        Some(d),
                        cat!["time on the day named beside it (\"", t, "\", ", d, ")"].into(),
                    ),
                    (None, Some(a), _) => (
                        Some(a.date),
                        cat![
                            "time on the date last talked about (\"",
                            a.text,
                            "\", ",
                            a.date,
                            ")"
                        ]
                        .into(),
                    ),
                    (None, None, Some(r)) => (Some(r), cat!["time on ", RefWords(r)].into()),
                    _ => (None, "time of an unknown day".into()),
                },
            };
            match base {
                Some(d) => Resolved::new(cat![value: d, "T", hm, zone], how),
                None => Resolved::new(cat![value: "XXXX-XX-XXT", hm, zone], how),
            }
        }
    }
}

fn unknown_of(unit: Unit) -> String {
    match unit {
        Unit::Week | Unit::Fortnight => "XXXX-WXX".into(),
        Unit::Weekend => "XXXX-WXX-WE".into(),
        Unit::Month => "XXXX-XX".into(),
        Unit::Quarter => "XXXX-QX".into(),
        Unit::Year | Unit::Decade | Unit::Century => "XXXX".into(),
        _ => "XXXX-XX-XX".into(),
    }
}

/// The unit of `base` shifted by `n` units; `base_words` name `base` in the
/// explanation.
fn rel_unit(base: Date, unit: Unit, n: i64, base_words: Base) -> Resolved {
    let why: Cow<'static, str> = if let Base::Unsaid = base_words {
        // The caller explains in its own words.
        "".into()
    } else {
        let (shift, count) = match n {
            0 => ("the same", None),
            -1 => ("the previous", None),
            1 => ("the next", None),
            n if n < 0 => (" before the", Some(-n)),
            n => (" after the", Some(n)),
        };
        let mut why = String::with_capacity(96);
        if let Some(count) = count {
            push_padded(&mut why, count, 0);
        }
        cat![why, shift, " ", unit.name(), " of ", base_words].into()
    };
    match unit {
        Unit::Week | Unit::Weekend | Unit::Fortnight => match base.add_days(7 * n) {
            Some(d) => {
                let v = if unit == Unit::Weekend {
                    cat![value: week_value(d), "-WE"]
                } else {
                    week_value(d)
                };
                Resolved::new(v, why)
            }
            None => Resolved::new(unknown_of(unit), why),
        },
        Unit::Month => {
            let (y, m) = from_midx(midx(base.year, base.month) + n);
            Resolved::new(month_value(y, m), why).with_month(y, m)
        }
        Unit::Quarter => {
            let q = i64::from(base.year) * 4 + i64::from((base.month - 1) / 3) + n;
            let y = q.div_euclid(4) as i32;
            Resolved::new(
                cat![value: Pad(y.into(), 4), "-Q", Pad(q.rem_euclid(4) + 1, 0)],
                why,
            )
            .with_year(y)
        }
        Unit::Year => {
            let y = base.year + n as i32;
            Resolved::new(cat![value: Pad(y.into(), 4)], why).with_year(y)
        }
        Unit::Decade => Resolved::new(cat![value: Pad((base.year / 10 + n as i32).into(), 3)], why),
        Unit::Century => Resolved::new(
            cat![value: Pad((base.year / 100 + n as i32).into(), 2)],
            why,
        ),
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => match base.add_days(n) {
            Some(d) => Resolved::new(day_value(d), why).with_day(d),
            None => Resolved::new("XXXX-XX-XX".into(), why),
        },
    }
}

/// `that day`, `the previous day`, `the following week`, `that year`.
fn anaphor(ctx: &Ctx, unit: Unit, n: i64) -> Resolved {
    let anchor = match unit {
        Unit::Day | Unit::Week | Unit::Weekend => ctx.last_day.as_ref(),
        Unit::Month | Unit::Quarter => ctx.last_month.as_ref().or(ctx.last_day.as_ref()),
        _ => ctx.last_year.as_ref().or(ctx.last_month.as_ref()),
    };
    match anchor {
        Some(a) => {
            let mut res = rel_unit(a.date, unit, n, Base::LastTalked(a));
            if unit == Unit::Year && res.value.len() == 4 {
                res = res.with_year(a.date.year + n as i32);
            }
            res
        }
        None => match ctx.reference {
            Some(r) => rel_unit(r, unit, n, Base::NoEarlier(r)),
            None => Resolved::new(
                unknown_of(unit),
                "relative to a date the text has not given",
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of meaning, with and without a year where it may have
    /// one, nested ones included.
    fn meanings() -> Vec<Sem> {
        let mut v = Vec::new();
        for y in [None, Some(2016)] {
            v.extend([
                Sem::Day { y, m: 2, d: 29 },
                Sem::Day { y, m: 3, d: 5 },
                Sem::Month { y, m: 3 },
                Sem::Season { y, s: "SU" },
                Sem::Quarter { y, q: 3 },
                Sem::Half { y, h: 1 },
            ]);
        }
        v.extend([
            Sem::Year(2015),
            Sem::Decade(199),
            Sem::Century(19),
            Sem::Fiscal(2016),
            Sem::MonthDir { m: 3, dir: -1 },
            Sem::SeasonDir { s: "WI", dir: 1 },
            Sem::DayOfMonth(18),
            Sem::DayOfMonth(31),
            Sem::Weekend,
            Sem::Duration("P3D".into()),
            Sem::Set("P1W".into()),
            Sem::Ref("PAST_REF"),
        ]);
        for dir in [-1, 0, 1] {
            v.push(Sem::Weekday { w: 3, dir });
        }
        for n in [-1, 0, 1] {
            v.push(Sem::RelDay(n));
        }
        for unit in [
            Unit::Day,
            Unit::Week,
            Unit::Weekend,
            Unit::Month,
            Unit::Quarter,
            Unit::Year,
            Unit::Decade,
        ] {
            for n in [-2, -1, 0, 1] {
                v.push(Sem::RelUnit { unit, n });
                v.push(Sem::Anaphor { unit, n });
            }
            v.push(Sem::Ago { n: Some(3.0), unit });
            v.push(Sem::Ago { n: None, unit });
        }
        let days: Vec<Sem> = v
            .iter()
            .filter(|s| {
                matches!(
                    s,
                    Sem::Weekday { .. } | Sem::RelDay(_) | Sem::Anaphor { .. } | Sem::Day { .. }
                )
            })
            .cloned()
            .collect();
        for d in days {
            v.push(Sem::Time {
                day: Some(Box::new(d)),
                hm: "MO".into(),
                zone: "",
            });
        }
        v.push(Sem::Time {
            day: None,
            hm: "15:00".into(),
            zone: "Z",
        });
        for month in [Sem::Month { y: None, m: 7 }, Sem::MonthDir { m: 7, dir: 1 }] {
            v.push(Sem::WeekOf {
                month: Box::new(month),
                nth: 1,
            });
        }
        v
    }

    #[test]
    fn only_meanings_that_read_the_tense_differ_by_tense() {
        let tenses = [
            Tense::Unknown,
            Tense::Past("said".into()),
            Tense::Future("will".into()),
            Tense::Present("is".into()),
        ];
        let anchor = Anchor {
            date: Date::new(2017, 2, 11).unwrap(),
            text: "February 11",
            sentence: 3,
        };
        let with_anchors = Ctx {
            reference: Date::new(2017, 2, 21),
            last_day: Some(anchor.clone()),
            last_month: Some(anchor.clone()),
            last_year: Some(anchor),
        };
        let contexts = [
            Ctx::default(),
            Ctx {
                reference: Date::new(2017, 2, 21),
                ..Ctx::default()
            },
            Ctx {
                reference: Date::new(2016, 12, 31),
                ..Ctx::default()
            },
            with_anchors,
        ];
        let mut differ = 0;
        for sem in meanings() {
            for ctx in &contexts {
                for base in [None, Some((Date::new(2017, 2, 20).unwrap(), "Monday"))] {
                    let out = |t: &Tense| {
                        let r = resolve(&sem, t, ctx, base, 4);
                        (r.value, r.why.into_owned(), r.day, r.month, r.year)
                    };
                    let first = out(&tenses[0]);
                    let same = tenses.iter().all(|t| out(t) == first);
                    if !reads_tense(&sem) {
                        assert!(same, "{sem:?} reads the tense");
                    }
                    differ += usize::from(!same);
                }
            }
        }
        assert!(differ > 50, "only {differ} meanings differ by tense");
    }
}
