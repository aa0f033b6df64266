//! The office's weekly calendars: "Lịch công tác" (the leadership's week,
//! `content/schedule/`) and "Lịch tiếp công dân" (their citizen reception,
//! `content/reception/`), one JSON file per ISO week ("2026-W48.json") in
//! the same shape, read, checked and published by the same code, only the
//! [`Calendar`] differing. Each is published as office pages
//! `/lich-cong-tac?tuan=2026-w48` — every week from the first file to a
//! year after the last (or after the build), weeks without a file saying
//! so, so "Tuần trước"/"Tuần sau" never lead nowhere —
//! and `/lich-cong-tac` itself, the week current when the site was built
//! (the app opens the reader's own week instead and marks today, see
//! `src/routes/page.rs`).

use std::path::{Path, PathBuf};

use model::paths::page_address;
use model::{Day, IsoWeek, Page};
use serde::Deserialize;

use crate::error::ContentError;
use crate::html::html_of;
use leptos::prelude::*;
use views::schedule::{Calendar, ScheduleItem, WeekSchedule};

/// Each calendar and the folder of `content/` its weeks are in.
pub const CALENDARS: &[(&str, Calendar)] =
    &[("schedule", views::schedule::WORK), ("reception", views::schedule::RECEPTION)];

/// A week as the office writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceWeek {
    /// "2026-W48": the file's name, repeated so the staff editor can name the file.
    pub week: String,
    /// How many times the week has been issued: 1 first, then "Điều chỉnh lần 2"…
    pub revision: u32,
    /// When this revision was made, RFC 3339 ("2026-11-27T14:36:00+07:00").
    pub updated: String,
    pub days: Vec<SourceDay>,
    /// Checked like any other, published nowhere (staff see it in previews).
    #[serde(default)]
    pub draft: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDay {
    /// "YYYY-MM-DD", inside the file's week.
    pub date: String,
    pub items: Vec<SourceItem>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceItem {
    /// "08:00"; before noon is the morning.
    pub time: String,
    pub content: String,
    #[serde(default)]
    pub place: String,
    /// Who attends (lãnh đạo), as written: "Chủ tịch UBND tỉnh Hoàng Văn Sơn".
    pub attendees: String,
    /// Who prepares (an office, a department), when it matters.
    #[serde(default)]
    pub preparation: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Week {
    pub file: PathBuf,
    pub week: IsoWeek,
    pub revision: u32,
    /// "14:36 27/11/2026".
    pub updated: String,
    /// The same, RFC 3339 in Vietnam's time.
    pub updated_at: String,
    pub days: Vec<(Day, Vec<SourceItem>)>,
}

/// One calendar's weeks, in order.
#[derive(Debug, Clone)]
pub struct Weeks {
    pub calendar: Calendar,
    pub weeks: Vec<Week>,
}

/// Every calendar's weeks ([`CALENDARS`]; a folder that is not there is a
/// calendar with no week).
pub fn read_all(content: &Path, edition: crate::Edition) -> Result<Vec<Weeks>, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut all = Vec::new();
    for (folder, calendar) in CALENDARS {
        match read(&content.join(folder), edition) {
            Ok(weeks) => all.push(Weeks { calendar: *calendar, weeks }),
            Err(more) => errors.extend(more),
        }
    }
    if errors.is_empty() { Ok(all) } else { Err(errors) }
}

/// Reads and checks every week in `folder`; all problems at once, each with
/// file and field. Drafts are checked, then left out unless `edition` is a preview.
pub fn read(folder: &Path, edition: crate::Edition) -> Result<Vec<Week>, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut weeks = Vec::new();
    for (file, source) in crate::read::read_folder::<SourceWeek>(folder, &mut errors)? {
        let shown = edition.shows(source.draft, None);
        if let Some(week) = check(&file, source, &mut errors)
            && shown
        {
            weeks.push(week);
        }
    }
    if errors.is_empty() {
        weeks.sort_by_key(|week| week.week);
        Ok(weeks)
    } else {
        Err(errors)
    }
}

fn check(file: &Path, source: SourceWeek, errors: &mut Vec<ContentError>) -> Option<Week> {
    let before = errors.len();
    let name = file.file_stem().unwrap_or_default().to_string_lossy();
    let week = IsoWeek::parse(&name);
    if week.is_none() {
        errors.push(ContentError::new(
            file,
            None,
            format!("the file is named after its ISO week (\"2026-W48.json\"), not `{name}`"),
        ));
    }
    if let Some(week) = week
        && IsoWeek::parse(&source.week) != Some(week)
    {
        errors.push(ContentError::new(file, Some("week"), format!("`{}` is not the file's week {week}", source.week)));
    }
    if source.revision == 0 {
        errors.push(ContentError::new(file, Some("revision"), "counts from 1 (the first issue)"));
    }
    let (updated, updated_at) = crate::check::parse_date(file, "updated", &source.updated, errors)
        .map(|(at, text)| (crate::check::time_date(at), text))
        .unwrap_or_default();
    let mut days: Vec<(Day, Vec<SourceItem>)> = Vec::new();
    for (i, day) in source.days.into_iter().enumerate() {
        let Some(date) = Day::parse(&day.date) else {
            errors.push(ContentError::new(
                file,
                Some(&format!("days[{i}].date")),
                format!("`{}` is not a date written YYYY-MM-DD", day.date),
            ));
            continue;
        };
        if let Some(week) = week
            && date.iso_week() != week
        {
            errors.push(ContentError::new(
                file,
                Some(&format!("days[{i}].date")),
                format!("{} is in week {}, not in this file's week {week}", date.date(), date.iso_week()),
            ));
        }
        if days.iter().any(|(other, _)| *other == date) {
            errors.push(ContentError::new(
                file,
                Some(&format!("days[{i}].date")),
                format!("{} is listed twice", date.date()),
            ));
        }
        for (j, item) in day.items.iter().enumerate() {
            let at = |field: &str| format!("days[{i}].items[{j}].{field}");
            if parse_time(&item.time).is_none() {
                errors.push(ContentError::new(
                    file,
                    Some(&at("time")),
                    format!("`{}` is not a time written HH:MM", item.time),
                ));
            }
            for (field, value) in [("content", &item.content), ("attendees", &item.attendees)] {
                crate::check::require_text(file, &at(field), value, errors);
            }
        }
        let mut items = day.items;
        items.sort_by(|a, b| a.time.cmp(&b.time));
        days.push((date, items));
    }
    if errors.len() > before {
        return None;
    }
    days.sort_by_key(|(date, _)| *date);
    Some(Week { file: file.to_path_buf(), week: week?, revision: source.revision, updated, updated_at, days })
}

fn parse_time(text: &str) -> Option<(u8, u8)> {
    let (hour, minute) = text.split_once(':')?;
    if hour.len() != 2 || minute.len() != 2 {
        return None;
    }
    let (hour, minute): (u8, u8) = (hour.parse().ok()?, minute.parse().ok()?);
    (hour < 24 && minute < 60).then_some((hour, minute))
}

fn week_address(calendar: Calendar, week: IsoWeek) -> String {
    page_address(calendar.route, |key| (key == "tuan").then(|| week.to_string()))
}

/// Every calendar's [`pages`].
pub fn all_pages(calendars: &[Weeks], today: Day) -> Vec<Page> {
    calendars.iter().flat_map(|weeks| pages(weeks.calendar, &weeks.weeks, today)).collect()
}

/// One page per week from the first to the last, and the calendar's own
/// address (`/lich-cong-tac`) for the week of `today` (or the nearest one there is).
pub fn pages(calendar: Calendar, weeks: &[Week], today: Day) -> Vec<Page> {
    let week_address = |week| week_address(calendar, week);
    let (Some(first), Some(last)) = (weeks.first(), weeks.last()) else { return Vec::new() };
    // Weeks after the last one written stay reachable (and empty) for a
    // year past the build, so the reader's own week always has its page.
    let (first, last) = (first.week, last.week.max(today.iso_week()));
    let last = (0..52).fold(last, |week, _| week.next());
    let mut pages = Vec::new();
    let mut week = first;
    loop {
        let written = weeks.iter().find(|w| w.week == week);
        let previous = (week > first).then(|| week.previous());
        let next = (week < last).then(|| week.next());
        pages.push(week_page(calendar, week, written, previous, next, week_address(week)));
        if week >= last {
            break;
        }
        week = week.next();
    }
    let current = today.iso_week().max(first);
    let mut default = pages.iter().find(|page| page.path == week_address(current)).expect("a page per week").clone();
    // The same words as the week's own page: the app shows the reader's week there.
    default.path = calendar.route.into();
    pages.push(default);
    pages
}

fn week_page(
    calendar: Calendar,
    week: IsoWeek,
    written: Option<&Week>,
    previous: Option<IsoWeek>,
    next: Option<IsoWeek>,
    path: String,
) -> Page {
    let monday = week.monday();
    let sunday = monday.add_days(6);
    let span = format!("Tuần {} ({} – {})", week.week, monday.date(), sunday.date());
    let status = match written {
        Some(written) if written.revision > 1 => {
            format!("Điều chỉnh lần {} · Cập nhật lúc {}", written.revision, written.updated)
        }
        Some(written) => format!("Ban hành lần đầu · Cập nhật lúc {}", written.updated),
        None => calendar.empty_week.to_string(),
    };
    let days: Vec<(Day, Vec<ScheduleItem>)> = (0..7)
        .map(|offset| {
            let date = monday.add_days(offset);
            let items =
                written.and_then(|w| w.days.iter().find(|(d, _)| *d == date)).map(|(_, items)| items.as_slice());
            let filled = |text: &str| (!text.trim().is_empty()).then(|| text.to_string());
            let items = items
                .unwrap_or_default()
                .iter()
                .map(|item| ScheduleItem {
                    time: item.time.clone(),
                    content: item.content.clone(),
                    attendees: item.attendees.clone(),
                    place: filled(&item.place),
                    preparation: item.preparation.as_deref().and_then(filled),
                })
                .collect();
            (date, items)
        })
        .collect();
    let address = |week| week_address(calendar, week);
    let (previous, next) = (previous.map(address), next.map(address));
    let view_span = span.clone();
    let html = html_of(|| view! { <WeekSchedule calendar span=view_span previous next status days/> });
    let title = calendar.title;
    Page {
        path,
        title: format!("{title} tuần {}/{}", week.week, week.year),
        description: format!("{title} của lãnh đạo, {}.", span.to_lowercase()),
        lang: "vi".into(),
        section: Some((calendar.route.into(), title.into())),
        html,
        json_ld: None,
        date: written.map(|week| week.updated_at.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(days: &[&str]) -> SourceWeek {
        SourceWeek {
            week: "2026-W48".into(),
            revision: 2,
            updated: "2026-11-27T14:36:00+07:00".into(),
            draft: false,
            days: days
                .iter()
                .map(|date| SourceDay {
                    date: date.to_string(),
                    items: vec![SourceItem {
                        time: "14:00".into(),
                        content: "Họp".into(),
                        place: "Phòng họp số 1".into(),
                        attendees: "Chủ tịch".into(),
                        preparation: None,
                    }],
                })
                .collect(),
        }
    }

    #[test]
    fn a_week_file_holds_only_its_own_days() {
        let mut errors = Vec::new();
        let file = Path::new("content/schedule/2026-W48.json");
        assert!(check(file, week(&["2026-11-23", "2026-11-30"]), &mut errors).is_none());
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].field.as_deref(), Some("days[1].date"));
        assert!(errors[0].reason.contains("2026-W49"), "{}", errors[0]);
        errors.clear();
        check(Path::new("content/schedule/tuan-48.json"), week(&[]), &mut errors);
        assert!(errors[0].reason.contains("ISO week"), "{}", errors[0]);
        errors.clear();
        check(Path::new("content/schedule/2026-W49.json"), week(&[]), &mut errors);
        assert_eq!(errors[0].field.as_deref(), Some("week"));
        errors.clear();
        let mut bad = week(&["2026-11-24"]);
        bad.days[0].items[0].time = "25:00".into();
        check(file, bad, &mut errors);
        assert_eq!(errors[0].field.as_deref(), Some("days[0].items[0].time"));
    }

    #[test]
    fn weeks_link_across_the_new_year_and_the_default_is_today_s() {
        let mut errors = Vec::new();
        let named = |name: &str, days: &[&str]| SourceWeek { week: name.into(), ..week(days) };
        let w53 = check(Path::new("2026-W53.json"), named("2026-W53", &["2026-12-31"]), &mut errors).unwrap();
        let w01 = check(Path::new("2027-w01.json"), named("2027-W01", &["2027-01-05"]), &mut errors).unwrap();
        let pages = pages(views::schedule::WORK, &[w53, w01], Day::parse("2027-01-04").unwrap());
        let paths: Vec<&str> = pages.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths[..3],
            ["/lich-cong-tac?tuan=2026-w53", "/lich-cong-tac?tuan=2027-w01", "/lich-cong-tac?tuan=2027-w02"]
        );
        assert_eq!(paths.len(), 2 + 52 + 1, "a year of weeks after the last, and the default");
        assert!(pages[0].html.contains("href=\"/lich-cong-tac?tuan=2027-w01\" rel=\"next\""));
        assert!(pages[0].html.contains("<span aria-disabled=\"true\">‹ Tuần trước</span>"));
        assert!(pages[0].html.contains("Điều chỉnh lần 2 · Cập nhật lúc 14:36 27/11/2026"));
        assert!(pages[0].html.contains("data-date=\"2026-12-31\""));
        assert!(pages[2].html.contains("Chưa có lịch công tác của tuần này."));
        let default = pages.last().unwrap();
        assert_eq!((default.path.as_str(), default.html.as_str()), ("/lich-cong-tac", pages[1].html.as_str()));
    }
}
