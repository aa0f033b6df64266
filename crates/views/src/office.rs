//! Markup of the office's own pages that only the press draws: a section's
//! menu ("Giới thiệu" and its pages) and "Sơ đồ cổng". The app inserts them
//! as the press rendered them (`model::Fragment`), so they cost the wasm
//! nothing.

use leptos::prelude::*;
use model::{Category, paths::route};

/// A section's pages as a menu, the page at `current` marked as the current one.
#[component]
pub fn SectionMenu(name: String, current: String, pages: Vec<(String, String)>) -> impl IntoView {
    view! {
        <nav class="section-menu" aria-label=name>
            <ul>
                {pages
                    .into_iter()
                    .map(|(href, title)| {
                        let here = (href == current).then_some("page");
                        view! { <li><a href=href aria-current=here>{title}</a></li> }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// "Sơ đồ cổng": every part of the portal as nested lists of links — the
/// category tree, each section with its pages, the pages of no section, the
/// other parts the office publishes (`parts`: documents, schedules, drafts…),
/// and the files for machines.
#[component]
pub fn SiteMap(
    categories: Vec<Category>,
    sections: Vec<(String, Vec<(String, String)>)>,
    pages: Vec<(String, String)>,
    parts: Vec<(String, String)>,
) -> impl IntoView {
    let link = |(href, text): (String, String)| view! { <li><a href=href>{text}</a></li> };
    let mut fixed = parts;
    fixed.extend([(route::latest(), "Tin mới".to_string()), (route::search(), "Tìm kiếm".to_string())]);
    view! {
        <ul class="site-map">
            {link(("/".into(), "Trang chủ".into()))}
            <li>"Chuyên mục" {category_tree(&categories, None)}</li>
            {sections
                .into_iter()
                .map(|(name, members)| view! { <li>{name} <ul>{members.into_iter().map(link).collect_view()}</ul></li> })
                .collect_view()}
            {pages.into_iter().map(link).collect_view()}
            {fixed.into_iter().map(link).collect_view()}
            <li>
                "Dành cho máy đọc tin"
                <ul>
                    {link(("/rss.xml".into(), "Tin mới (RSS)".into()))}
                    {link(("/sitemap.xml".into(), "Sơ đồ cổng (XML, cho máy tìm kiếm)".into()))}
                </ul>
            </li>
        </ul>
    }
}

/// The categories under `parent`, each with its own children.
fn category_tree(categories: &[Category], parent: Option<&str>) -> Option<AnyView> {
    let children: Vec<&Category> = categories.iter().filter(|c| c.parent.as_deref() == parent).collect();
    if children.is_empty() {
        return None;
    }
    let tree = view! {
        <ul>
            {children
                .into_iter()
                .map(|category| {
                    let below = category_tree(categories, Some(&category.slug));
                    view! { <li><a href=route::category(&category.slug)>{category.name.clone()}</a>{below}</li> }
                })
                .collect_view()}
        </ul>
    };
    Some(tree.into_any())
}

/// "Tiếp cận thông tin": what the portal makes public, generated from what
/// is published — the categories, the office's own pages, and the other
/// parts (documents, schedules, drafts, questions, press) — after the
/// office's own words and hand-written items.
#[component]
pub fn Disclosed(
    categories: Vec<Category>,
    parts: Vec<(String, String)>,
    pages: Vec<(String, String)>,
) -> impl IntoView {
    let link = |(href, text): (String, String)| view! { <li><a href=href>{text}</a></li> };
    view! {
        <section class="disclosed" aria-labelledby="thong-tin-cong-khai">
            <h2 id="thong-tin-cong-khai">"Thông tin được công khai trên cổng"</h2>
            <ul>
                {parts.into_iter().map(link).collect_view()}
                <li>"Tin tức theo chuyên mục" {category_tree(&categories, None)}</li>
                <li>"Trang thông tin của cơ quan" <ul>{pages.into_iter().map(link).collect_view()}</ul></li>
            </ul>
        </section>
    }
}

/// The keyboard shortcuts every page offers ([`crate::layout::ACCESS_KEYS`]),
/// for the accessibility statement.
#[component]
pub fn AccessKeys() -> impl IntoView {
    view! {
        <section class="access-keys" aria-labelledby="phim-tat">
            <h2 id="phim-tat">"Phím tắt"</h2>
            <p>
                "Trên mọi trang: nhấn Alt cùng phím (Chrome, Edge; Alt+Shift với Firefox; Control+Option trên máy Mac)."
            </p>
            <table class="document-facts">
                <thead><tr><th scope="col">"Phím"</th><th scope="col">"Đến"</th></tr></thead>
                <tbody>
                    {crate::layout::ACCESS_KEYS
                        .iter()
                        .map(|(key, what)| view! { <tr><td><kbd>{*key}</kbd></td><td>{*what}</td></tr> })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}
