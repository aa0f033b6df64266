//! Calendar arithmetic in Vietnam's time: UTC+7 all year, no daylight saving.

pub const MINUTE_MS: i64 = 60_000;
pub const DAY_MS: i64 = 24 * 60 * MINUTE_MS;
const VIETNAM_OFFSET_MS: i64 = 7 * 60 * MINUTE_MS;

/// Days since 1970-01-01 in Vietnam's time for an instant in Unix milliseconds.
pub fn local_day(unix_ms: i64) -> i64 {
    (unix_ms + VIETNAM_OFFSET_MS).div_euclid(DAY_MS)
}

/// The month in Vietnam's time as YYYYMM (202611), for monthly summaries.
pub fn local_month(unix_ms: i64) -> i64 {
    // Days to a civil date (the proleptic Gregorian calendar).
    let z = local_day(unix_ms) + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    year * 100 + month
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
