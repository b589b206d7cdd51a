//! Proleptic Gregorian calendar arithmetic: just what resolving news dates
//! needs (no time zones), so the core carries no date-library dependency.

use std::fmt;

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year (1 to 9999 are accepted by the parsers).
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

/// Whether `year` is a leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year` (0 for an invalid month).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (a longer ISO string is cut after the day).
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y = s.get(0..4)?.parse().ok()?;
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        if b.len() > 10 && b[10].is_ascii_digit() {
            return None;
        }
        Date::new(y, m, d)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Shift the year so it starts in March: the leap day is then the last day.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01; `None` outside years 1–9999.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::new(i32::try_from(y).ok()?, m as u32, d as u32)
    }

    /// The date `n` days later (earlier when negative); `None` out of range.
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.to_days().checked_add(n)?)
    }

    /// ISO weekday: Monday = 1 … Sunday = 7.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u32
    }

    /// ISO 8601 week-numbering year and week.
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.add_days(4 - i64::from(self.weekday())).unwrap_or(self);
        let jan1 = Date {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
        (thursday.year, week as u32)
    }
}

/// Appends `v` in decimal to `out`, zero-padded to `width` characters as
/// `format!("{v:0width$}")` writes it (a minus sign counts in the width;
/// widths up to 20).
/// Dates are written for every date expression, several times for some;
/// the formatting machinery costs many times this.
pub fn push_padded(out: &mut String, v: i64, width: usize) {
    if v < 0 {
        out.push('-');
    }
    push_digits(
        out,
        v.unsigned_abs(),
        width.saturating_sub(usize::from(v < 0)),
    );
}

/// Appends the decimal digits of `n`, left-padded with zeros to `width`
/// (at most 20, the most digits a `u64` has); figures' values use it too.
pub fn push_digits(out: &mut String, mut n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut k = digits.len();
    while let Some(d) = k.checked_sub(1).and_then(|j| digits.get_mut(j)) {
        *d = b'0' + (n % 10) as u8;
        k -= 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let k = k.min(digits.len().saturating_sub(width));
    // ASCII digits: valid UTF-8.
    out.push_str(std::str::from_utf8(digits.get(k..).unwrap_or_default()).unwrap_or_default());
}

impl Date {
    /// Appends the date as `YYYY-MM-DD` to `out`: what `Display` writes.
    pub fn push_iso(self, out: &mut String) {
        let (y, m, d) = (self.year, self.month, self.day);
        if (0..=9999).contains(&y) && m <= 99 && d <= 99 {
            // Every valid date: ten bytes at once.
            let y = y as u32;
            let digit = |v: u32| b'0' + (v % 10) as u8;
            let iso = [
                digit(y / 1000),
                digit(y / 100),
                digit(y / 10),
                digit(y),
                b'-',
                digit(m / 10),
                digit(m),
                b'-',
                digit(d / 10),
                digit(d),
            ];
            out.push_str(std::str::from_utf8(&iso).unwrap_or_default());
            return;
        }
        push_padded(out, i64::from(y), 4);
        out.push('-');
        push_padded(out, i64::from(m), 2);
        out.push('-');
        push_padded(out, i64::from(d), 2);
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        let d = Date::new(2017, 2, 20).unwrap();
        assert_eq!(d.weekday(), 1); // a Monday
        assert_eq!(Date::from_days(d.to_days()), Some(d));
        assert_eq!(d.add_days(-1).unwrap().to_string(), "2017-02-19");
        assert_eq!(
            Date::new(2016, 2, 29)
                .unwrap()
                .add_days(1)
                .unwrap()
                .to_string(),
            "2016-03-01"
        );
        assert_eq!(Date::new(2017, 1, 1).unwrap().iso_week(), (2016, 52));
        assert_eq!(Date::new(2017, 3, 8).unwrap().iso_week(), (2017, 10));
        assert_eq!(Date::parse("2017-02-30"), None);
        assert_eq!(Date::parse("2017-02-21T10:00"), Date::new(2017, 2, 21));
        assert_eq!(Date::new(1, 1, 1).unwrap().add_days(-1), None);
        assert_eq!(Date::new(2000, 1, 1).unwrap().add_days(i64::MAX), None);
    }

    #[test]
    fn pushes_write_what_format_writes() {
        let values = [
            0,
            1,
            -1,
            7,
            -7,
            42,
            -42,
            999,
            -999,
            1000,
            2017,
            -2017,
            99_999,
            i64::from(i32::MIN),
            i64::from(i32::MAX),
            i64::MIN,
            i64::MAX,
        ];
        for v in values {
            for width in 0..6 {
                let mut s = String::from("x");
                push_padded(&mut s, v, width);
                assert_eq!(s, format!("x{v:0width$}"), "{v} {width}");
            }
        }
        let mut d = Date::new(1, 1, 1);
        while let Some(day) = d {
            let mut s = String::new();
            day.push_iso(&mut s);
            assert_eq!(s, day.to_string());
            d = day.add_days(3_217);
        }
        // Out of the calendar, as fields can be written.
        for (year, month, day) in [(-5, 1, 1), (10_000, 12, 31), (2017, 100, 7), (2017, 1, 123)] {
            let d = Date { year, month, day };
            let mut s = String::new();
            d.push_iso(&mut s);
            assert_eq!(s, d.to_string());
        }
    }
}
