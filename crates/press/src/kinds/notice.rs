//! The planned-outage notice (`site.json`'s `notice`) and the calendar it is
//! checked against. NĐ 224/2026 Điều 13 asks an outage to be announced at
//! least seven working days ahead with the expected time of return: the
//! press refuses a notice whose `from` leaves fewer than
//! [`WORKING_DAYS_AHEAD`] working days after the day of `announced` — Monday
//! to Friday, less the public holidays in `content/holidays.json` (content,
//! since the government sets them each year: Tết's dates move with the lunar
//! calendar). The banner is drawn by `views::layout::Shell` from `announced`
//! until `until` (`model::Notice::shown_at`).

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use model::{Day, Notice};
use serde::Deserialize;

use crate::error::ContentError;

pub const WORKING_DAYS_AHEAD: usize = 7;
pub const HOLIDAYS_FILE: &str = "holidays.json";

/// `content/holidays.json`: the days off besides weekends.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceHolidays {
    pub holidays: Vec<SourceHoliday>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceHoliday {
    /// "YYYY-MM-DD".
    pub date: String,
    /// "Tết Nguyên đán".
    pub name: String,
}

/// The public holidays, checked.
#[derive(Debug, Clone, Default)]
pub struct Holidays {
    pub file: PathBuf,
    pub days: Vec<Day>,
}

impl Holidays {
    /// Whether staff work on `day`.
    pub fn is_working_day(&self, day: Day) -> bool {
        day.weekday_from_monday() < 5 && !self.days.contains(&day)
    }

    /// Working days strictly after `announced` and strictly before `from`.
    pub fn working_days_between(&self, announced: Day, from: Day) -> usize {
        let mut count = 0;
        let mut day = announced.add_days(1);
        while day < from {
            count += usize::from(self.is_working_day(day));
            day = day.add_days(1);
        }
        count
    }

    fn lists_year(&self, year: i32) -> bool {
        self.days.iter().any(|day| day.ymd().0 == year)
    }
}

/// Reads `content/holidays.json` (none when it is not there).
pub fn read_holidays(content: &Path) -> Result<Holidays, Vec<ContentError>> {
    let path = content.join(HOLIDAYS_FILE);
    if !path.exists() {
        return Ok(Holidays { file: path, days: Vec::new() });
    }
    let mut errors = Vec::new();
    let Some((file, source)) = crate::read::read_file::<SourceHolidays>(&path, &mut errors) else {
        return Err(errors);
    };
    let mut days = Vec::new();
    for (i, holiday) in source.holidays.iter().enumerate() {
        match Day::parse(&holiday.date) {
            Some(day) if days.contains(&day) => errors.push(ContentError::new(
                &file,
                Some(&format!("holidays[{i}].date")),
                format!("{} is listed twice", holiday.date),
            )),
            Some(day) => days.push(day),
            None => errors.push(ContentError::new(
                &file,
                Some(&format!("holidays[{i}].date")),
                format!("`{}` is not a date written YYYY-MM-DD", holiday.date),
            )),
        }
        crate::check::require_text(&file, &format!("holidays[{i}].name"), &holiday.name, &mut errors);
    }
    if errors.is_empty() { Ok(Holidays { file, days }) } else { Err(errors) }
}

/// Checks the notice in `file` (site.json); the notice with its times in
/// Vietnam's time, as published.
pub fn check(file: &Path, notice: &Notice, holidays: &Holidays, errors: &mut Vec<ContentError>) -> Option<Notice> {
    let before = errors.len();
    crate::check::require_text(file, "notice.text", &notice.text, errors);
    let parse = |field: &str, text: &str, errors: &mut Vec<ContentError>| {
        crate::check::parse_date(file, &format!("notice.{field}"), text, errors)
    };
    let announced = parse("announced", &notice.announced, errors);
    let from = parse("from", &notice.from, errors);
    let until = parse("until", &notice.until, errors);
    let (Some((announced, announced_text)), Some((from, from_text)), Some((until, until_text))) =
        (announced, from, until)
    else {
        return None;
    };
    let day = |at: Timestamp| Day::in_vietnam(at.as_millisecond() as f64);
    if until <= from {
        errors.push(ContentError::new(file, Some("notice.until"), "must come after `from` (the expected return)"));
    }
    if from <= announced {
        errors.push(ContentError::new(file, Some("notice.from"), "must come after `announced`"));
    } else {
        match (day(announced).ymd().0..=day(from).ymd().0).find(|year| !holidays.lists_year(*year)) {
            Some(year) => errors.push(ContentError::new(
                &holidays.file,
                Some("holidays"),
                format!(
                    "lists no public holiday of {year}: add that year's holidays so the working days \
                     before the notice's `from` can be counted"
                ),
            )),
            None => {
                let working = holidays.working_days_between(day(announced), day(from));
                if working < WORKING_DAYS_AHEAD {
                    errors.push(ContentError::new(
                        file,
                        Some("notice.from"),
                        format!(
                            "{} is {working} working day{} after the announcement ({}): an outage is announced \
                             at least {WORKING_DAYS_AHEAD} working days ahead (NĐ 224/2026 Điều 13; weekends and \
                             the holidays in {HOLIDAYS_FILE} not counted, nor the two days themselves)",
                            day(from).date(),
                            if working == 1 { "" } else { "s" },
                            day(announced).date(),
                        ),
                    ));
                }
            }
        }
    }
    (errors.len() == before).then(|| Notice {
        text: notice.text.trim().to_string(),
        announced: announced_text,
        from: from_text,
        until: until_text,
    })
}

/// When the notice changes what is published: its announcement and its end.
pub fn changes(notice: Option<&Notice>) -> Vec<Timestamp> {
    notice
        .into_iter()
        .flat_map(|notice| [&notice.announced, &notice.until])
        .filter_map(|text| text.parse().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holidays() -> Holidays {
        let days = ["2026-12-24", "2027-01-01"].iter().map(|d| Day::parse(d).unwrap()).collect();
        Holidays { file: PathBuf::from("content/holidays.json"), days }
    }

    fn notice(announced: &str, from: &str) -> Notice {
        Notice {
            text: "Cổng thông tin tạm ngừng để nâng cấp máy chủ.".into(),
            announced: announced.into(),
            from: from.into(),
            until: "2027-01-10T06:00:00+07:00".into(),
        }
    }

    #[test]
    fn a_notice_too_close_to_its_start_is_refused_with_file_and_field() {
        let file = Path::new("content/site.json");
        let mut errors = Vec::new();
        // Announced Thursday 17 December: Fri 18, Mon 21, Tue 22, Wed 23, (Thu 24 a
        // holiday), Fri 25, Mon 28 = 6 working days before Tuesday 29.
        assert!(
            check(file, &notice("2026-12-17T09:00:00+07:00", "2026-12-29T22:00:00+07:00"), &holidays(), &mut errors)
                .is_none()
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0].file.as_path(), errors[0].field.as_deref()), (file, Some("notice.from")));
        assert!(errors[0].reason.contains("6 working days"), "{}", errors[0]);
        // One more day ahead is enough, and the times are published in Vietnam's.
        errors.clear();
        let checked =
            check(file, &notice("2026-12-17T02:00:00Z", "2026-12-30T22:00:00+07:00"), &holidays(), &mut errors)
                .unwrap();
        assert_eq!(checked.announced, "2026-12-17T09:00:00+07:00");
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn a_year_without_holidays_and_times_out_of_order_are_refused() {
        let file = Path::new("content/site.json");
        let mut errors = Vec::new();
        let mut next_year = notice("2027-12-01T09:00:00+07:00", "2028-01-20T22:00:00+07:00");
        next_year.until = "2028-01-21T06:00:00+07:00".into();
        check(file, &next_year, &holidays(), &mut errors);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].field.as_deref(), Some("holidays"));
        assert!(errors[0].file.ends_with("holidays.json") && errors[0].reason.contains("2028"), "{}", errors[0]);
        errors.clear();
        let mut late = notice("2026-12-01T09:00:00+07:00", "2026-12-20T22:00:00+07:00");
        late.until = "2026-12-20T21:00:00+07:00".into();
        check(file, &late, &holidays(), &mut errors);
        assert_eq!(errors[0].field.as_deref(), Some("notice.until"));
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        let h = holidays();
        let day = |d: &str| Day::parse(d).unwrap();
        assert!(!h.is_working_day(day("2026-12-26")), "a Saturday");
        assert!(!h.is_working_day(day("2026-12-24")), "a holiday");
        assert_eq!(h.working_days_between(day("2026-12-21"), day("2026-12-28")), 3);
    }
}
