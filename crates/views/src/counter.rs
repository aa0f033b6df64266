//! What the visitor counter last answered, and the widget that shows it.
//! The app provides [`VisitorFigures`] and feeds it; where nobody does (the
//! static pages) every figure shows "—".

use leptos::prelude::*;
use model::format_number;
use model::stats::HitStats;

#[derive(Clone, Copy)]
pub struct VisitorFigures {
    /// `None` until a hit has been answered, and while the counter is unreachable.
    pub stats: RwSignal<Option<HitStats>>,
    /// The path the last answered hit was for, so views are shown on the right page.
    pub path: RwSignal<String>,
}

impl VisitorFigures {
    pub fn new() -> Self {
        Self { stats: RwSignal::new(None), path: RwSignal::new(String::new()) }
    }

    /// Views of `path` as last reported, if the counter answered for that page.
    pub fn views_of(&self, path: &str) -> Option<u64> {
        (self.path.get() == path).then(|| self.stats.get().map(|s| s.views)).flatten()
    }
}

impl Default for VisitorFigures {
    fn default() -> Self {
        Self::new()
    }
}

/// A figure as shown: "1.302.148", or "—" when there is none.
pub fn shown(value: Option<u64>) -> String {
    value.map(format_number).unwrap_or_else(|| "—".to_string())
}

/// "Thống kê truy cập": Đang online · Hôm nay · Trong tuần · Tất cả.
#[component]
pub fn VisitorStats() -> impl IntoView {
    let figures = use_context::<VisitorFigures>();
    let figure =
        move |pick: fn(&HitStats) -> u64| move || shown(figures.and_then(|f| f.stats.get()).map(|stats| pick(&stats)));
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
