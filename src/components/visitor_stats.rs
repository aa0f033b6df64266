use leptos::prelude::*;

/// "Thống kê truy cập". Until a counter is deployed (`counter_endpoint` in
/// site.json) every figure shows "—", as it will whenever the counter is
/// unreachable.
#[component]
pub fn VisitorStats() -> impl IntoView {
    let rows = ["Đang online", "Hôm nay", "Trong tuần", "Tất cả"];
    view! {
        <section class="box visitor-stats" aria-labelledby="visitor-stats-title">
            <h2 class="box-title" id="visitor-stats-title">"Thống kê truy cập"</h2>
            <dl>
                {rows
                    .into_iter()
                    .map(|label| view! { <div class="stat"><dt>{label}</dt><dd>"—"</dd></div> })
                    .collect_view()}
            </dl>
        </section>
    }
}
