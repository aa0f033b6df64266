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
    fn numbers_group_by_thousands_with_dots() {
        assert_eq!(format_number(0), "0");
        assert_eq!(format_number(999), "999");
        assert_eq!(format_number(1000), "1.000");
        assert_eq!(format_number(1_302_148), "1.302.148");
        assert_eq!(format_number(u64::MAX), "18.446.744.073.709.551.615");
    }
}
