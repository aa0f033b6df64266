use leptos::prelude::*;
use model::{SiteData, paths::route};

/// "Trang chủ › Tin tức › Địa phương": the category and its ancestors.
#[component]
pub fn Breadcrumb(site: SiteData, category: String) -> impl IntoView {
    let trail: Vec<_> =
        site.category_trail(&category).into_iter().map(|c| (route::category(&c.slug), c.name.clone())).collect();
    view! {
        <nav class="breadcrumb" aria-label="Đường dẫn">
            <ol>
                <li><a href="/">"Trang chủ"</a></li>
                {trail
                    .into_iter()
                    .map(|(href, name)| view! { <li><a href=href>{name}</a></li> })
                    .collect_view()}
            </ol>
        </nav>
    }
}
