use leptos::prelude::*;
use model::format_number;
use model::stats::HitStats;

use crate::visitor_counter::VisitorCounter;

/// "Thống kê truy cập": the figures from the last answered hit, or "—" while
/// there is none (no counter configured, or it is down or slow).
#[component]
pub fn VisitorStats() -> impl IntoView {
    let counter = use_context::<VisitorCounter>();
    let figure = move |pick: fn(&HitStats) -> u64| {
        move || {
            counter
                .and_then(|c| c.stats.get())
                .map(|stats| format_number(pick(&stats)))
                .unwrap_or_else(|| "—".to_string())
        }
    };
    view! {
        <section class="box visitor-stats" aria-labelledby="visitor-stats-title">
            <h2 class="box-title" id="visitor-stats-title">"Thống kê truy cập"</h2>
            <dl>
                <div class="stat"><dt>"Đang online"</dt><dd>{figure(|s| s.online)}</dd></div>
                <div class="stat"><dt>"Hôm nay"</dt><dd>{figure(|s| s.today)}</dd></div>
                <div class="stat"><dt>"Trong tuần"</dt><dd>{figure(|s| s.week)}</dd></div>
                <div class="stat"><dt>"Tất cả"</dt><dd>{figure(|s| s.total)}</dd></div>
            </dl>
        </section>
    }
}
