//! Days as the learner lives them.
//!
//! Time enters the flashcards as milliseconds since the Unix epoch (`now_ms`,
//! read at the edge) plus the learner's offset from UTC. A study "day" starts
//! at 04:00 local time, as in Anki, so a review at 01:00 after a late evening
//! still counts for the evening's day. Calendar dates (the interview date, the
//! heatmap) use the civil calendar with the proleptic Gregorian rules.

use std::fmt;

/// Milliseconds in a day.
pub const DAY_MS: i64 = 86_400_000;
/// Milliseconds in a minute.
pub const MINUTE_MS: i64 = 60_000;
/// The local hour at which a new study day begins.
pub const ROLLOVER_HOUR: i64 = 4;

/// A study day: days since 1970-01-01 in the learner's calendar. Day `d`
/// runs from 04:00 local time on the civil date `d` to 04:00 the next date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i64);

impl Day {
    /// The day `n` days later (earlier when `n` is negative).
    pub fn plus(self, n: i64) -> Day {
        Day(self.0.saturating_add(n))
    }

    /// Whole days from `earlier` to `self` (negative if `earlier` is later).
    pub fn since(self, earlier: Day) -> i64 {
        self.0.saturating_sub(earlier.0)
    }

    /// The civil date this study day is named after.
    pub fn date(self) -> Date {
        Date::from_days(self.0)
    }
}

/// Converts between instants and study days for one UTC offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Calendar {
    utc_offset_min: i32,
}

impl Calendar {
    /// The widest offset in use (UTC+14, Line Islands).
    const MAX_OFFSET_MIN: i32 = 14 * 60;

    /// A calendar `utc_offset_min` minutes east of UTC (Beijing: `480`).
    /// Browsers report `Date.getTimezoneOffset()` west-positive: negate it.
    /// Offsets beyond ±14 h are clamped.
    pub fn new(utc_offset_min: i32) -> Self {
        Calendar {
            utc_offset_min: utc_offset_min.clamp(-Self::MAX_OFFSET_MIN, Self::MAX_OFFSET_MIN),
        }
    }

    /// The calendar at UTC.
    pub fn utc() -> Self {
        Calendar::new(0)
    }

    /// Minutes east of UTC.
    pub fn utc_offset_min(self) -> i32 {
        self.utc_offset_min
    }

    fn shift_ms(self) -> i64 {
        i64::from(self.utc_offset_min) * MINUTE_MS - ROLLOVER_HOUR * 3_600_000
    }

    /// The study day an instant falls on.
    pub fn day_of(self, ms: i64) -> Day {
        Day(ms.saturating_add(self.shift_ms()).div_euclid(DAY_MS))
    }

    /// The instant a study day begins (04:00 local).
    pub fn start_of(self, day: Day) -> i64 {
        day.0.saturating_mul(DAY_MS).saturating_sub(self.shift_ms())
    }
}

/// A civil date (year, month 1–12, day 1–31).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A valid date, or `None` (month 13, 30 February, years beyond ±9999).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let date = Date { year, month, day };
        let ok = (-9999..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        ok.then_some(date)
    }

    /// Parses `YYYY-MM-DD` (what `<input type="date">` gives).
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !(digits(y) && digits(m) && digits(d)) {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The study day named after this date.
    pub fn study_day(self) -> Day {
        Day(self.to_days())
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.to_days() + 3).rem_euclid(7)) as u8
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_day_numbers() {
        assert_eq!(Date::new(1970, 1, 1).map(Date::to_days), Some(0));
        assert_eq!(Date::new(2000, 3, 1).map(Date::to_days), Some(11_017));
        assert_eq!(Date::new(2026, 11, 23).map(Date::to_days), Some(20_780));
        for days in -800_000..800_000 {
            if days % 997 != 0 {
                continue;
            }
            let date = Date::from_days(days);
            assert_eq!(Date::new(date.year, date.month, date.day), Some(date));
            assert_eq!(date.to_days(), days);
        }
    }

    #[test]
    fn parses_only_real_dates() {
        assert_eq!(Date::parse("2026-12-20"), Date::new(2026, 12, 20));
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day), Some(29));
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-1-01",
            "",
            "2026-12-20-1",
            "+026-12-20",
            "abcd-ef-gh",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(
            Date::new(2026, 12, 20).map(|d| d.to_string()).as_deref(),
            Some("2026-12-20")
        );
        assert_eq!(Date::new(2026, 11, 23).map(Date::weekday), Some(0));
    }

    #[test]
    fn the_study_day_turns_at_four_in_the_morning_local_time() {
        let beijing = Calendar::new(480);
        // 2026-11-23 00:00 UTC = 08:00 in Beijing: study day 2026-11-23.
        let midnight_utc = 20_780 * DAY_MS;
        assert_eq!(beijing.day_of(midnight_utc), Day(20_780));
        // 19:59 UTC = 03:59 next morning in Beijing: still the 23rd.
        assert_eq!(
            beijing.day_of(midnight_utc + 19 * 3_600_000 + 59 * MINUTE_MS),
            Day(20_780)
        );
        assert_eq!(beijing.day_of(midnight_utc + 20 * 3_600_000), Day(20_781));
        assert_eq!(beijing.start_of(Day(20_781)), midnight_utc + 20 * 3_600_000);
        let new_york = Calendar::new(-300);
        assert_eq!(new_york.start_of(Day(20_780)), midnight_utc + 9 * 3_600_000);
        for ms in (0..3 * DAY_MS).step_by(7 * 60_013) {
            for cal in [beijing, new_york, Calendar::utc(), Calendar::new(99_999)] {
                let day = cal.day_of(ms);
                assert!(cal.start_of(day) <= ms && ms < cal.start_of(day.plus(1)));
            }
        }
    }
}
