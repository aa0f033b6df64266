//! Dates and numbers the way Vietnamese readers write them.

use std::fmt;

/// A wall-clock time in Vietnam, read from the `+07:00` RFC 3339 strings the
/// press publishes ("2021-08-20T08:30:00+07:00").
///
/// The press validates and normalises every date with a full time-zone
/// library; the app only needs to read the fields back and name the weekday,
/// which this does without shipping a calendar library to the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalDateTime {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
}

const WEEKDAYS: [&str; 7] = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"];

impl LocalDateTime {
    /// Reads `YYYY-MM-DDTHH:MM…`; the rest (seconds, offset) is not shown.
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        if bytes.len() < 16 || bytes[4] != b'-' || bytes[7] != b'-' || bytes[10] != b'T' || bytes[13] != b':' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            let digits = text.get(range)?;
            digits.bytes().all(|b| b.is_ascii_digit()).then(|| digits.parse().ok())?
        };
        let value = Self {
            year: number(0..4)? as i32,
            month: number(5..7)? as u8,
            day: number(8..10)? as u8,
            hour: number(11..13)? as u8,
            minute: number(14..16)? as u8,
        };
        let valid = (1..=12).contains(&value.month)
            && value.day >= 1
            && value.day <= days_in_month(value.year, value.month)
            && value.hour < 24
            && value.minute < 60;
        valid.then_some(value)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday_from_monday(&self) -> u8 {
        // 1970-01-01 was a Thursday (3 days after Monday).
        (days_from_civil(self.year, self.month, self.day) + 3).rem_euclid(7) as u8
    }

    pub fn weekday_name(&self) -> &'static str {
        WEEKDAYS[self.weekday_from_monday() as usize]
    }

    /// "20/08/2021"
    pub fn date(&self) -> String {
        format!("{:02}/{:02}/{}", self.day, self.month, self.year)
    }

    /// Vietnam's wall clock at `unix_millis` (UTC+7 all year).
    pub fn in_vietnam(unix_millis: f64) -> Self {
        let day = Day::in_vietnam(unix_millis);
        let (year, month, date) = day.ymd();
        let minutes = ((unix_millis / 60_000.0).floor() as i64 + 7 * 60).rem_euclid(24 * 60);
        Self { year, month, day: date, hour: (minutes / 60) as u8, minute: (minutes % 60) as u8 }
    }

    /// "08:30 20/08/2021", as notices write a time.
    pub fn time_date(&self) -> String {
        format!("{:02}:{:02} {}", self.hour, self.minute, self.date())
    }

    /// "20/08/2021 08:30"
    pub fn date_time(&self) -> String {
        format!("{} {:02}:{:02}", self.date(), self.hour, self.minute)
    }

    /// "Thứ Sáu, 20/08/2021 08:30", as an article page shows it.
    pub fn long(&self) -> String {
        format!("{}, {}", self.weekday_name(), self.date_time())
    }
}

/// "20/08/2021 08:30" for a published date, as lists show it; empty when unreadable.
pub fn short_date(published: &str) -> String {
    LocalDateTime::parse(published).map(|t| t.date_time()).unwrap_or_default()
}

/// "Thứ Sáu, 20/08/2021 08:30", as an article shows it; empty when unreadable.
pub fn long_date(published: &str) -> String {
    LocalDateTime::parse(published).map(|t| t.long()).unwrap_or_default()
}

impl fmt::Display for LocalDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.long())
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar
/// (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let (month, day) = (i64::from(month), i64::from(day));
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date `days` after 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((year_of_era + era * 400 + i64::from(month <= 2)) as i32, month, day)
}

/// A day of the calendar, as schedules name them ("2026-11-29").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(i64);

/// A week as ISO 8601 counts them (Monday first; week 1 holds the year's
/// first Thursday), written "2026-W48". The schedule has one per file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoWeek {
    pub year: i32,
    pub week: u8,
}

impl Day {
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Day> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then(|| Day(days_from_civil(year, month, day)))
    }

    /// Reads "YYYY-MM-DD".
    pub fn parse(text: &str) -> Option<Day> {
        let b = text.as_bytes();
        if b.len() != 10
            || b[4] != b'-'
            || b[7] != b'-'
            || !text.bytes().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        {
            return None;
        }
        Day::from_ymd(text[0..4].parse().ok()?, text[5..7].parse().ok()?, text[8..10].parse().ok()?)
    }

    /// Today in Vietnam (UTC+7 all year) at `unix_millis`.
    pub fn in_vietnam(unix_millis: f64) -> Day {
        Day(((unix_millis / 1000.0 + 7.0 * 3600.0) / 86_400.0).floor() as i64)
    }

    pub fn ymd(self) -> (i32, u8, u8) {
        civil_from_days(self.0)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday_from_monday(self) -> u8 {
        (self.0 + 3).rem_euclid(7) as u8
    }

    pub fn weekday_name(self) -> &'static str {
        WEEKDAYS[self.weekday_from_monday() as usize]
    }

    pub fn add_days(self, days: i64) -> Day {
        Day(self.0 + days)
    }

    pub fn iso_week(self) -> IsoWeek {
        // The week belongs to the year its Thursday falls in.
        let thursday = self.add_days(3 - i64::from(self.weekday_from_monday()));
        let year = thursday.ymd().0;
        let first = Day(days_from_civil(year, 1, 1));
        IsoWeek { year, week: ((thursday.0 - first.0) / 7 + 1) as u8 }
    }

    /// "29/11/2026"
    pub fn date(self) -> String {
        let (year, month, day) = self.ymd();
        format!("{day:02}/{month:02}/{year}")
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.ymd();
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

impl IsoWeek {
    /// Reads "2026-W48" (any case).
    pub fn parse(text: &str) -> Option<IsoWeek> {
        let (year, week) = text.split_once(['W', 'w'])?;
        let year: i32 = year.strip_suffix('-')?.parse().ok()?;
        if week.len() != 2 || !week.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let week = IsoWeek { year, week: week.parse().ok()? };
        (week.week >= 1 && week.monday().iso_week() == week).then_some(week)
    }

    pub fn monday(self) -> Day {
        // 4 January is always in week 1.
        let january_4 = Day(days_from_civil(self.year, 1, 4));
        january_4.add_days(-i64::from(january_4.weekday_from_monday()) + 7 * (i64::from(self.week) - 1))
    }

    pub fn previous(self) -> IsoWeek {
        self.monday().add_days(-7).iso_week()
    }

    pub fn next(self) -> IsoWeek {
        self.monday().add_days(7).iso_week()
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

/// Groups thousands with dots, as Vietnamese does: 1302148 → "1.302.148".
pub fn format_number(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnam_s_clock_turns_at_its_own_midnight() {
        // 2026-12-26T16:59:00Z is 23:59 in Vietnam; a minute later the 27th.
        let before = LocalDateTime::in_vietnam(1_798_304_340_000.0);
        assert_eq!(before.time_date(), "23:59 26/12/2026");
        assert_eq!(LocalDateTime::in_vietnam(1_798_304_400_000.0).time_date(), "00:00 27/12/2026");
        assert_eq!(Some(before), LocalDateTime::parse("2026-12-26T23:59:00+07:00"));
    }

    #[test]
    fn long_form_names_the_weekday() {
        let t = LocalDateTime::parse("2021-08-20T08:30:00+07:00").unwrap();
        assert_eq!(t.long(), "Thứ Sáu, 20/08/2021 08:30");
        assert_eq!(LocalDateTime::parse("2026-11-29T00:05:00+07:00").unwrap().long(), "Chủ Nhật, 29/11/2026 00:05");
        assert_eq!(LocalDateTime::parse("2024-02-29T23:59:00+07:00").unwrap().long(), "Thứ Năm, 29/02/2024 23:59");
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for bad in [
            "",
            "2021-08-20",
            "2021-13-01T00:00",
            "2023-02-29T10:00",
            "2021-08-20 08:30",
            "2021-08-2xT08:30",
            "2021-08-20T24:00",
        ] {
            assert_eq!(LocalDateTime::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn weekday_agrees_with_jiff_over_centuries() {
        let mut date = jiff::civil::date(1899, 12, 25);
        let end = jiff::civil::date(2101, 1, 7);
        while date < end {
            let text = format!("{date}T12:00:00+07:00");
            let ours = LocalDateTime::parse(&text).unwrap();
            let theirs = date.weekday().to_monday_zero_offset() as u8;
            assert_eq!(ours.weekday_from_monday(), theirs, "{text}");
            date = date.tomorrow().unwrap();
        }
    }

    #[test]
    fn days_and_iso_weeks_agree_with_jiff() {
        let mut date = jiff::civil::date(1999, 12, 20);
        let end = jiff::civil::date(2041, 1, 10);
        while date < end {
            let text = date.to_string();
            let day = Day::parse(&text).unwrap();
            assert_eq!(day.to_string(), text);
            let theirs = date.iso_week_date();
            let week = day.iso_week();
            assert_eq!((week.year, week.week as i8), (theirs.year() as i32, theirs.week()), "{text}");
            assert_eq!(IsoWeek::parse(&week.to_string()), Some(week));
            assert!(week.monday() <= day && day < week.next().monday(), "{text}");
            date = date.tomorrow().unwrap();
        }
    }

    #[test]
    fn weeks_cross_the_new_year() {
        let last = IsoWeek::parse("2026-W53").unwrap();
        assert_eq!(last.monday().to_string(), "2026-12-28");
        assert_eq!(last.next().to_string(), "2027-W01");
        assert_eq!(IsoWeek::parse("2027-w01").unwrap().previous(), last);
        assert_eq!(IsoWeek::parse("2025-W53"), None, "2025 has 52 weeks");
        for bad in ["2026-W00", "2026W48", "2026-W4", "x-W10"] {
            assert_eq!(IsoWeek::parse(bad), None, "{bad}");
        }
        // 29/11/2026 00:30 in Vietnam is still 28/11 in UTC.
        let day = Day::in_vietnam(1_764_351_000_000.0 + 86_400_000.0 * 365.0);
        assert_eq!(day.ymd(), (2026, 11, 29));
        assert_eq!(day.iso_week().to_string(), "2026-W48");
    }

    #[test]
    fn numbers_group_by_thousands_with_dots() {
        assert_eq!(format_number(0), "0");
        assert_eq!(format_number(999), "999");
        assert_eq!(format_number(1000), "1.000");
        assert_eq!(format_number(1_302_148), "1.302.148");
        assert_eq!(format_number(u64::MAX), "18.446.744.073.709.551.615");
    }
}
