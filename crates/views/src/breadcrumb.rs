use leptos::prelude::*;

/// "Trang chủ › Tin tức › Địa phương": (href, name) pairs, outermost first.
#[component]
pub fn Breadcrumb(items: Vec<(String, String)>) -> impl IntoView {
    view! {
        <nav class="breadcrumb" aria-label="Đường dẫn">
            <ol>{items.into_iter().map(|(href, name)| view! { <li><a href=href>{name}</a></li> }).collect_view()}</ol>
        </nav>
    }
}
