//! Calendar arithmetic in Vietnam's time: UTC+7 all year, no daylight saving.

pub const MINUTE_MS: i64 = 60_000;
pub const DAY_MS: i64 = 24 * 60 * MINUTE_MS;
const VIETNAM_OFFSET_MS: i64 = 7 * 60 * MINUTE_MS;

/// Days since 1970-01-01 in Vietnam's time for an instant in Unix milliseconds.
pub fn local_day(unix_ms: i64) -> i64 {
    (unix_ms + VIETNAM_OFFSET_MS).div_euclid(DAY_MS)
}

/// The first instant of a Vietnamese day, in Unix milliseconds.
pub fn day_start_ms(day: i64) -> i64 {
    day * DAY_MS - VIETNAM_OFFSET_MS
}

const EPOCH: jiff::civil::Date = jiff::civil::date(1970, 1, 1);

/// The calendar date of a day number (the proleptic Gregorian calendar).
pub fn date(day: i64) -> jiff::civil::Date {
    EPOCH.checked_add(jiff::Span::new().days(day)).unwrap_or(EPOCH)
}

/// The day number of a calendar date.
pub fn day_of(date: jiff::civil::Date) -> Option<i64> {
    Some(i64::from(EPOCH.until(date).ok()?.get_days()))
}

/// The first and last day of the month holding `day`.
pub fn month_days(day: i64) -> (i64, i64) {
    let date = date(day);
    let first = day - i64::from(date.day()) + 1;
    (first, first + i64::from(date.days_in_month()) - 1)
}

/// The month holding `day` as YYYYMM (202611).
pub fn month_number(day: i64) -> i64 {
    let date = date(day);
    i64::from(date.year()) * 100 + i64::from(date.month())
}

/// "2026-11" for 202611.
pub fn month_text(month: i64) -> String {
    format!("{:04}-{:02}", month / 100, month % 100)
}

/// The month in Vietnam's time as YYYYMM (202611), for monthly summaries.
pub fn local_month(unix_ms: i64) -> i64 {
    month_number(local_day(unix_ms))
}

/// 0 = Monday … 6 = Sunday.
pub fn weekday(day: i64) -> i64 {
    // Day 0, 1970-01-01, was a Thursday.
    (day + 3).rem_euclid(7)
}

/// The first day of the week holding `day`, weeks starting on `week_start`
/// (0 = Monday … 6 = Sunday).
pub fn week_start_day(day: i64, week_start: u8) -> i64 {
    day - (weekday(day) - i64::from(week_start)).rem_euclid(7)
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-11-29T16:59:59Z is Sunday 23:59:59 in Vietnam; one second later it is Monday.
    const SUNDAY_LAST_SECOND: i64 = 1_795_971_599_000;

    #[test]
    fn midnight_is_at_17_utc() {
        let monday = SUNDAY_LAST_SECOND + 1000;
        assert_eq!(local_day(monday) - local_day(SUNDAY_LAST_SECOND), 1);
        assert_eq!(weekday(local_day(SUNDAY_LAST_SECOND)), 6);
        assert_eq!(weekday(local_day(monday)), 0);
    }

    #[test]
    fn months_turn_at_vietnamese_midnight() {
        assert_eq!(local_month(SUNDAY_LAST_SECOND), 202611);
        // 2026-11-30T17:00:00Z is 2026-12-01 00:00 in Vietnam.
        assert_eq!(local_month(1_796_058_000_000 - 1), 202611);
        assert_eq!(local_month(1_796_058_000_000), 202612);
        assert_eq!(local_month(0), 197001);
        // 2024-02-29 12:00 Vietnam.
        assert_eq!(local_month(1_709_182_800_000), 202402);
    }

    #[test]
    fn weeks_start_on_the_configured_day() {
        let sunday = local_day(SUNDAY_LAST_SECOND);
        let monday = sunday + 1;
        assert_eq!(week_start_day(sunday, 0), sunday - 6);
        assert_eq!(week_start_day(monday, 0), monday);
        // Weeks starting on Sunday: Sunday opens a week, Monday belongs to it.
        assert_eq!(week_start_day(sunday, 6), sunday);
        assert_eq!(week_start_day(monday, 6), sunday);
        for day in sunday - 30..sunday + 30 {
            for start in 0..7u8 {
                let first = week_start_day(day, start);
                assert!(day - first < 7 && day >= first);
                assert_eq!(weekday(first), i64::from(start));
            }
        }
    }
}
