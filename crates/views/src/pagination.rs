use leptos::prelude::*;
use model::{PageItem, page_items};

/// Numbered page links ("‹ 1 2 3 … 9 ›") with the current page marked.
/// `href` gives each page's URL; `keep_scroll` keeps the reader where they
/// are (for lists inside a page, like "Tin khác").
#[component]
pub fn Pagination(
    current: u32,
    total: u32,
    href: impl Fn(u32) -> String + 'static,
    #[prop(optional)] keep_scroll: bool,
) -> impl IntoView {
    links(current, total, &href, keep_scroll)
}

/// [`Pagination`]'s drawing, one copy for every kind of `href` (a generic
/// body would be one copy of it in the wasm per listing that pages).
fn links(current: u32, total: u32, href: &dyn Fn(u32) -> String, keep_scroll: bool) -> Option<AnyView> {
    if total <= 1 {
        return None;
    }
    let link = |page: u32, label: String, class: &'static str, aria: String| {
        view! {
            <a href=href(page) class=class aria-label=aria data-noscroll=keep_scroll.then_some("")>
                {label}
            </a>
        }
        .into_any()
    };
    let mut items = Vec::new();
    if current > 1 {
        items.push(link(current - 1, "‹".into(), "page-prev", "Trang trước".into()));
    }
    for item in page_items(current, total) {
        items.push(match item {
            PageItem::Page(page) if page == current => view! {
                <span class="page current" aria-current="page">{page}</span>
            }
            .into_any(),
            PageItem::Page(page) => link(page, page.to_string(), "page", format!("Trang {page}")),
            PageItem::Gap => view! { <span class="page-gap" aria-hidden="true">"…"</span> }.into_any(),
        });
    }
    if current < total {
        items.push(link(current + 1, "›".into(), "page-next", "Trang sau".into()));
    }
    Some(view! { <nav class="pagination" aria-label="Phân trang">{items}</nav> }.into_any())
}
