//! "Lịch công tác" and "Lịch tiếp công dân": one week of the leadership's
//! schedule or of their citizen reception (one [`Calendar`] each), drawn only by
//! the press (the app inserts the week as the press rendered it). Each day
//! carries `data-date` (ISO), where the app marks today with
//! `aria-current="date"` by the reader's clock.

use leptos::prelude::*;
use model::{Day, paths::route};

/// What tells the office's weekly calendars apart: where they live and
/// what they call their entries. Everything else they share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Calendar {
    /// Its address, "this week" (`?tuan=` for the others).
    pub route: &'static str,
    pub title: &'static str,
    /// What a week without a file says.
    pub empty_week: &'static str,
    /// What a day without an entry says.
    pub empty_day: &'static str,
    /// The label of who attends (or receives).
    pub attendees: &'static str,
}

/// "Lịch công tác": the leadership's working week.
pub const WORK: Calendar = Calendar {
    route: route::SCHEDULE,
    title: "Lịch công tác",
    empty_week: "Chưa có lịch công tác của tuần này.",
    empty_day: "Không có lịch công tác.",
    attendees: "Thành phần: ",
};

/// "Lịch tiếp công dân": when and where the leaders receive citizens.
pub const RECEPTION: Calendar = Calendar {
    route: route::RECEPTION,
    title: "Lịch tiếp công dân",
    empty_week: "Chưa có lịch tiếp công dân của tuần này.",
    empty_day: "Không có lịch tiếp công dân.",
    attendees: "Lãnh đạo tiếp: ",
};

/// One entry of a day, as the office wrote it.
#[derive(Clone, Debug, PartialEq)]
pub struct ScheduleItem {
    /// "08:00"; before noon is the morning.
    pub time: String,
    pub content: String,
    pub attendees: String,
    pub place: Option<String>,
    pub preparation: Option<String>,
}

/// The week: navigation to the weeks before and after (their addresses,
/// when published), its span, whether and when it was issued or revised,
/// then each of its seven days, morning and afternoon.
#[component]
pub fn WeekSchedule(
    calendar: Calendar,
    span: String,
    previous: Option<String>,
    next: Option<String>,
    /// "Ban hành lần đầu · Cập nhật lúc …", or that the week has no schedule.
    status: String,
    days: Vec<(Day, Vec<ScheduleItem>)>,
) -> impl IntoView {
    let step = |address: Option<String>, rel: &'static str, text: &'static str| match address {
        Some(href) => view! { <a href=href rel=rel>{text}</a> }.into_any(),
        None => view! { <span aria-disabled="true">{text}</span> }.into_any(),
    };
    view! {
        <div class="schedule">
            <nav class="week-nav" aria-label="Chọn tuần">
                {step(previous, "prev", "‹ Tuần trước")}
                <a href=calendar.route>"Tuần này"</a>
                {step(next, "next", "Tuần sau ›")}
            </nav>
            <p class="week-span"><strong>{span}</strong></p>
            <p class="week-revision">{status}</p>
            {days.into_iter().map(|(date, items)| view! { <ScheduleDay calendar date items/> }).collect_view()}
        </div>
    }
}

#[component]
fn ScheduleDay(calendar: Calendar, date: Day, items: Vec<ScheduleItem>) -> impl IntoView {
    let (iso, heading) = (date.to_string(), format!("{}, {}", date.weekday_name(), date.date()));
    let id = format!("ngay-{iso}");
    let labelled_by = id.clone();
    let empty = items.is_empty().then(|| view! { <p class="schedule-empty">{calendar.empty_day}</p> });
    let parts: Vec<_> = [("Sáng", true), ("Chiều", false)]
        .into_iter()
        .map(|(part, morning)| {
            let these: Vec<ScheduleItem> =
                items.iter().filter(|item| (item.time.as_str() < "12:00") == morning).cloned().collect();
            (!these.is_empty()).then(|| {
                let iso = iso.clone();
                view! {
                    <h3 class="schedule-part">{part}</h3>
                    <ul class="schedule-items">
                        {these
                            .into_iter()
                            .map(|item| view! { <Entry attendees_label=calendar.attendees iso=iso.clone() item/> })
                            .collect_view()}
                    </ul>
                }
            })
        })
        .collect();
    view! {
        <section class="schedule-day" data-date=iso aria-labelledby=labelled_by>
            <h2 id=id>{heading}</h2>
            {empty}
            {parts}
        </section>
    }
}

#[component]
fn Entry(attendees_label: &'static str, iso: String, item: ScheduleItem) -> impl IntoView {
    let ScheduleItem { time, content, attendees, place, preparation } = item;
    let datetime = format!("{iso}T{time}");
    view! {
        <li>
            <time class="schedule-time" datetime=datetime>{time}</time>
            " "
            <div>
                <p class="schedule-content">{content}</p>
                <p class="schedule-meta">
                    <span>{attendees_label} {attendees}</span>
                    {place.map(|place| view! { " " <span>"Địa điểm: " {place}</span> })}
                    {preparation.map(|preparation| view! { " " <span>"Chuẩn bị: " {preparation}</span> })}
                </p>
            </div>
        </li>
    }
}
