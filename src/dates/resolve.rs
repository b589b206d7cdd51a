//! Normalization: turns a candidate's meaning into a TIMEX3 value, using the
//! reference date, the tense of its clause and the date the text last talked
//! about; and says in words how (`why`).

use super::scan::Sem;
use super::words::{MONTH_NAMES, Unit, WEEKDAY_NAMES};
use crate::calendar::{Date, days_in_month};

/// The tense of the clause around an expression, with the word that shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tense {
    /// Past narration (`arrived`, `was`, `said`).
    Past(String),
    /// Future reference (`will`, `'ll`, `next`).
    Future(String),
    /// Present tense of an event verb (`begins`, `is`): for a weekday, the
    /// coming one; elsewhere read as no cue.
    Present(String),
    /// No cue in reach.
    Unknown,
}

/// A date the text talked about, and the words that named it.
#[derive(Clone, Debug)]
pub struct Anchor {
    /// The date (day 1 / month 1 when coarser).
    pub date: Date,
    /// The words (shared: one expression may anchor day, month and year).
    pub text: std::rc::Rc<str>,
    /// The sentence they are in.
    pub sentence: u32,
}

/// What resolution carries from one expression to the next.
#[derive(Clone, Debug, Default)]
pub struct Ctx {
    /// The reference date.
    pub reference: Option<Date>,
    /// The last day the text talked about.
    pub last_day: Option<Anchor>,
    /// The last month (from a day or a month).
    pub last_month: Option<Anchor>,
    /// The last year (from a day, month or year).
    pub last_year: Option<Anchor>,
}

/// A resolved value, with its explanation, and the day/month/year it names
/// (to become the anchor of later `that day`).
pub struct Resolved {
    /// TIMEX3 value.
    pub value: String,
    /// How the value was reached.
    pub why: String,
    /// Day named, if any.
    pub day: Option<Date>,
    /// Month named (as its first day), if any.
    pub month: Option<Date>,
    /// Year named (as its first day), if any.
    pub year: Option<i32>,
}

impl Resolved {
    fn new(value: String, why: String) -> Resolved {
        Resolved {
            value,
            why,
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

fn month_value(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

fn week_value(d: Date) -> String {
    let (y, w) = d.iso_week();
    format!("{y:04}-W{w:02}")
}

/// Month index (year * 12 + month - 1) and back.
fn midx(y: i32, m: u32) -> i64 {
    i64::from(y) * 12 + i64::from(m) - 1
}

fn from_midx(i: i64) -> (i32, u32) {
    (i.div_euclid(12) as i32, (i.rem_euclid(12) + 1) as u32)
}

fn tense_words(t: &Tense) -> String {
    match t {
        Tense::Past(w) => format!("in past narration (\"{w}\")"),
        Tense::Future(w) => format!("in future-tense text (\"{w}\")"),
        Tense::Present(w) => format!("in present-tense text (\"{w}\")"),
        Tense::Unknown => "with no tense cue".into(),
    }
}

fn ref_words(r: Date) -> String {
    format!("{r} (reference date)")
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
    let cands: Vec<Date> = [r.year - 1, r.year, r.year + 1]
        .iter()
        .filter_map(|&y| Date::new(y, m, d))
        .collect();
    let rd = r.to_days();
    match tense {
        Tense::Past(_) => cands.iter().rev().copied().find(|c| c.to_days() <= rd),
        Tense::Future(_) => cands.iter().copied().find(|c| c.to_days() >= rd),
        Tense::Unknown | Tense::Present(_) => cands
            .iter()
            .copied()
            .min_by_key(|c| (c.to_days() - rd).abs()),
    }
    .or_else(|| cands.first().copied())
}

fn season_month(s: &str) -> u32 {
    match s {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

/// Resolves one meaning. `tense` is the clause's; `time_base` a day named
/// next to a clock time in the same sentence.
pub fn resolve(
    sem: &Sem,
    tense: &Tense,
    ctx: &Ctx,
    time_base: Option<(Date, String)>,
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
            Some(dt) => Resolved::new(dt.to_string(), "full date as written".into()).with_day(dt),
            None => Resolved::new(
                format!("{y:04}-{m:02}-{d:02}"),
                "date as written (not a calendar day)".into(),
            ),
        },
        Sem::Day { y: None, m, d } => {
            let name = format!("{} {d}", MONTH_NAMES[(*m as usize).clamp(1, 12) - 1]);
            match r.and_then(|r| pick_day(r, *m, *d, tense).map(|dt| (r, dt))) {
                Some((r, dt)) => {
                    let how = match tense {
                        Tense::Past(_) => {
                            format!("the latest {name} on or before {}", ref_words(r))
                        }
                        Tense::Future(_) => {
                            format!("the first {name} on or after {}", ref_words(r))
                        }
                        Tense::Unknown | Tense::Present(_) => {
                            format!("the {name} nearest to {}", ref_words(r))
                        }
                    };
                    Resolved::new(
                        dt.to_string(),
                        format!(
                            "month and day without a year, {}: {how}",
                            tense_words(tense)
                        ),
                    )
                    .with_day(dt)
                }
                None => Resolved::new(
                    format!("XXXX-{m:02}-{d:02}"),
                    "month and day without a year; no reference date".into(),
                ),
            }
        }
        Sem::Month { y: Some(y), m } => {
            Resolved::new(month_value(*y, *m), "month and year as written".into())
                .with_month(*y, *m)
        }
        Sem::Month { y: None, m } => {
            let name = MONTH_NAMES[(*m as usize).clamp(1, 12) - 1];
            match r {
                Some(r) => {
                    let y = pick_month_year(r, *m, 1, tense);
                    let how = match tense {
                        Tense::Past(_) => format!("the latest {name} up to {}", ref_words(r)),
                        Tense::Future(_) => format!("the first {name} from {} on", ref_words(r)),
                        Tense::Unknown | Tense::Present(_) => {
                            format!("the {name} nearest to {}", ref_words(r))
                        }
                    };
                    Resolved::new(
                        month_value(y, *m),
                        format!("month without a year, {}: {how}", tense_words(tense)),
                    )
                    .with_month(y, *m)
                }
                None => Resolved::new(
                    format!("XXXX-{m:02}"),
                    "month without a year; no reference date".into(),
                ),
            }
        }
        Sem::MonthDir { m, dir } => {
            let name = MONTH_NAMES[(*m as usize).clamp(1, 12) - 1];
            let Some(r) = r else {
                return Resolved::new(
                    format!("XXXX-{m:02}"),
                    "month with a direction word; no reference date".into(),
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
                format!("\"{word} {name}\" from {}", ref_words(r)),
            )
            .with_month(y, *m)
        }
        Sem::Year(y) => Resolved::new(format!("{y:04}"), "year as written".into()).with_year(*y),
        Sem::Decade(d) => Resolved::new(format!("{d:03}"), "decade as written".into()),
        Sem::Century(c) => Resolved::new(format!("{c:02}"), "century as written".into()),
        Sem::Season { y: Some(y), s } => {
            Resolved::new(format!("{y:04}-{s}"), "season and year as written".into()).with_year(*y)
        }
        Sem::Season { y: None, s } => match r {
            Some(r) => {
                let y = pick_month_year(r, season_month(s), 3, tense);
                Resolved::new(
                    format!("{y:04}-{s}"),
                    format!(
                        "season without a year, {}, around {}",
                        tense_words(tense),
                        ref_words(r)
                    ),
                )
                .with_year(y)
            }
            None => Resolved::new(
                format!("XXXX-{s}"),
                "season without a year; no reference date".into(),
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
                    format!("{y:04}-{s}"),
                    format!("season with a direction word, from {}", ref_words(r)),
                )
                .with_year(y)
            }
            None => Resolved::new(format!("XXXX-{s}"), "season; no reference date".into()),
        },
        Sem::Quarter { y: Some(y), q } => {
            Resolved::new(format!("{y:04}-Q{q}"), "quarter and year as written".into())
                .with_year(*y)
        }
        Sem::Quarter { y: None, q } => match r {
            Some(r) => {
                let y = pick_month_year(r, q * 3 - 2, 3, tense);
                Resolved::new(
                    format!("{y:04}-Q{q}"),
                    format!(
                        "quarter without a year, {}, around {}",
                        tense_words(tense),
                        ref_words(r)
                    ),
                )
                .with_year(y)
            }
            None => Resolved::new(
                format!("XXXX-Q{q}"),
                "quarter without a year; no reference date".into(),
            ),
        },
        Sem::Half { y: Some(y), h } => {
            Resolved::new(format!("{y:04}-H{h}"), "half year as written".into()).with_year(*y)
        }
        Sem::Half { y: None, h } => match r {
            Some(r) => {
                let y = pick_month_year(r, h * 6 - 5, 6, tense);
                Resolved::new(
                    format!("{y:04}-H{h}"),
                    format!(
                        "half year without a year, {}, around {}",
                        tense_words(tense),
                        ref_words(r)
                    ),
                )
                .with_year(y)
            }
            None => Resolved::new(
                format!("XXXX-H{h}"),
                "half year without a year; no reference date".into(),
            ),
        },
        Sem::Fiscal(y) => Resolved::new(format!("FY{y:04}"), "fiscal year as written".into()),
        Sem::Weekday { w, dir } => {
            let name = WEEKDAY_NAMES[(*w as usize).clamp(1, 7) - 1];
            let Some(r) = r else {
                return Resolved::new(format!("XXXX-WXX-{w}"), "weekday; no reference date".into());
            };
            let rw = i64::from(r.weekday());
            let w64 = i64::from(*w);
            let back = (rw - w64).rem_euclid(7);
            let fwd = (w64 - rw).rem_euclid(7);
            let (offset, how) = match (dir, weekday_tense) {
                (-1, _) => (
                    -(if back == 0 { 7 } else { back }),
                    format!("\"last {name}\": the latest {name} before {}", ref_words(r)),
                ),
                (1, _) => (
                    if fwd == 0 { 7 } else { fwd },
                    format!("\"next {name}\": the first {name} after {}", ref_words(r)),
                ),
                (_, Tense::Future(_) | Tense::Present(_)) => (
                    fwd,
                    format!(
                        "weekday {}: the first {name} on or after {}",
                        tense_words(weekday_tense),
                        ref_words(r)
                    ),
                ),
                (_, Tense::Past(_)) => (
                    -back,
                    format!(
                        "weekday {}: the latest {name} on or before {}",
                        tense_words(tense),
                        ref_words(r)
                    ),
                ),
                _ => (
                    -back,
                    format!(
                        "weekday with no tense cue, read as news narration: the latest {name} on or before {}",
                        ref_words(r)
                    ),
                ),
            };
            match r.add_days(offset) {
                Some(d) => Resolved::new(d.to_string(), how).with_day(d),
                None => Resolved::new(
                    format!("XXXX-WXX-{w}"),
                    "weekday out of calendar range".into(),
                ),
            }
        }
        Sem::RelDay(n) => match r.and_then(|r| r.add_days(*n).map(|d| (r, d))) {
            Some((r, d)) => {
                let word = match n {
                    0 => "today",
                    -1 => "yesterday",
                    1 => "tomorrow",
                    _ => "day",
                };
                Resolved::new(
                    d.to_string(),
                    format!("\"{word}\": {n:+} day(s) from {}", ref_words(r)),
                )
                .with_day(d)
            }
            None => Resolved::new(
                "XXXX-XX-XX".into(),
                "day relative to an unknown reference date".into(),
            ),
        },
        Sem::RelUnit { unit, n } => match r {
            Some(r) => rel_unit(r, *unit, *n, &ref_words(r)),
            None => Resolved::new(
                unknown_of(*unit),
                "relative to an unknown reference date".into(),
            ),
        },
        Sem::Ago { n, unit } => match (r, n) {
            // Beyond ten thousand units no calendar value is meaningful.
            (Some(r), Some(n)) if *n <= 10_000.0 => {
                let k = n.round() as i64;
                let mut res = match unit {
                    Unit::Second | Unit::Minute | Unit::Hour => {
                        Resolved::new(r.to_string(), String::new()).with_day(r)
                    }
                    Unit::Day => match r.add_days(-k) {
                        Some(d) => Resolved::new(d.to_string(), String::new()).with_day(d),
                        None => Resolved::new("PAST_REF".into(), String::new()),
                    },
                    Unit::Fortnight => rel_unit(r, Unit::Week, -2 * k, ""),
                    u => rel_unit(r, *u, -k, ""),
                };
                res.why = format!(
                    "{} {}(s) before {}",
                    super::words::fmt_num(*n),
                    unit.name(),
                    ref_words(r)
                );
                res
            }
            _ => Resolved::new(
                "PAST_REF".into(),
                "time ago without a reference date or a number".into(),
            ),
        },
        Sem::Anaphor { unit, n } => anaphor(ctx, *unit, *n),
        Sem::Ref(v) => {
            let why = match *v {
                "PAST_REF" => "vague reference to the past",
                "FUTURE_REF" => "vague reference to the future",
                _ => "reference to the present",
            };
            Resolved::new((*v).into(), why.into())
        }
        Sem::WeekOf { month, nth } => {
            let inner = resolve(month, tense, ctx, None, sentence);
            let Some(first) = inner.month else {
                let m = match month.as_ref() {
                    Sem::Month { m, .. } | Sem::MonthDir { m, .. } => *m,
                    _ => 1,
                };
                return Resolved::new(
                    format!("XXXX-{m:02}-WXX"),
                    "week of a month; no reference date".into(),
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
                    format!("week of a month: the ISO week holding {d} ({})", inner.why),
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
                    dt.to_string(),
                    format!(
                        "day of the month last talked about (\"{}\", {}-{:02})",
                        a.text, a.date.year, a.date.month
                    ),
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
                            dt.to_string(),
                            format!(
                                "day of the month {}, in the month of {}",
                                tense_words(tense),
                                ref_words(r)
                            ),
                        )
                        .with_day(dt),
                        None => Resolved::new(
                            format!("XXXX-XX-{d:02}"),
                            "day of a month too short".into(),
                        ),
                    }
                }
                None => Resolved::new(
                    format!("XXXX-XX-{d:02}"),
                    "day of the month; no reference date".into(),
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
                        format!("{}-WE", week_value(d)),
                        format!(
                            "the weekend {}: {} {}",
                            tense_words(tense),
                            if back {
                                "the one before"
                            } else {
                                "the one of the week of"
                            },
                            ref_words(r)
                        ),
                    ),
                    None => Resolved::new("XXXX-WXX-WE".into(), "weekend out of range".into()),
                }
            }
            None => Resolved::new("XXXX-WXX-WE".into(), "weekend; no reference date".into()),
        },
        Sem::Duration(v) => Resolved::new(v.clone(), "length of time".into()),
        Sem::Set(v) => Resolved::new(v.clone(), "recurrence".into()),
        Sem::Time { day, hm, zone } => {
            let (base, how) = match day {
                Some(d) => {
                    let res = resolve(d, tense, ctx, None, sentence);
                    match res.day {
                        Some(dt) => (Some(dt), res.why),
                        None => {
                            return Resolved::new(format!("{}T{hm}{zone}", res.value), res.why);
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
                        format!("time on the day named beside it (\"{t}\", {d})"),
                    ),
                    (None, Some(a), _) => (
                        Some(a.date),
                        format!(
                            "time on the date last talked about (\"{}\", {})",
                            a.text, a.date
                        ),
                    ),
                    (None, None, Some(r)) => (Some(r), format!("time on {}", ref_words(r))),
                    _ => (None, "time of an unknown day".into()),
                },
            };
            match base {
                Some(d) => Resolved::new(format!("{d}T{hm}{zone}"), how),
                None => Resolved::new(format!("XXXX-XX-XXT{hm}{zone}"), how),
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

/// The unit of `base` shifted by `n` units.
fn rel_unit(base: Date, unit: Unit, n: i64, base_words: &str) -> Resolved {
    let shift = match n {
        0 => "the same".to_string(),
        -1 => "the previous".to_string(),
        1 => "the next".to_string(),
        n if n < 0 => format!("{} before the", -n),
        n => format!("{n} after the"),
    };
    let why = format!("{shift} {} of {base_words}", unit.name());
    match unit {
        Unit::Week | Unit::Weekend | Unit::Fortnight => match base.add_days(7 * n) {
            Some(d) => {
                let v = if unit == Unit::Weekend {
                    format!("{}-WE", week_value(d))
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
            Resolved::new(format!("{y:04}-Q{}", q.rem_euclid(4) + 1), why).with_year(y)
        }
        Unit::Year => {
            let y = base.year + n as i32;
            Resolved::new(format!("{y:04}"), why).with_year(y)
        }
        Unit::Decade => Resolved::new(format!("{:03}", base.year / 10 + n as i32), why),
        Unit::Century => Resolved::new(format!("{:02}", base.year / 100 + n as i32), why),
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => match base.add_days(n) {
            Some(d) => Resolved::new(d.to_string(), why).with_day(d),
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
            let words = format!("the date last talked about (\"{}\", {})", a.text, a.date);
            let mut res = rel_unit(a.date, unit, n, &words);
            if unit == Unit::Year && res.value.len() == 4 {
                res = res.with_year(a.date.year + n as i32);
            }
            res
        }
        None => match ctx.reference {
            Some(r) => {
                let words = format!("{} — no earlier date in the text", ref_words(r));
                rel_unit(r, unit, n, &words)
            }
            None => Resolved::new(
                unknown_of(unit),
                "relative to a date the text has not given".into(),
            ),
        },
    }
}
