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
/// office's documents and schedule, and the files for machines.
#[component]
pub fn SiteMap(
    categories: Vec<Category>,
    sections: Vec<(String, Vec<(String, String)>)>,
    pages: Vec<(String, String)>,
) -> impl IntoView {
    let link = |(href, text): (String, String)| view! { <li><a href=href>{text}</a></li> };
    let fixed = [
        (route::DOCUMENTS.to_string(), "Văn bản".to_string()),
        (route::SCHEDULE.to_string(), "Lịch công tác".to_string()),
        (route::CONSULTATIONS.to_string(), "Lấy ý kiến dự thảo".to_string()),
        (route::QUESTIONS.to_string(), "Hỏi đáp".to_string()),
        (route::latest(), "Tin mới".to_string()),
        (route::search(), "Tìm kiếm".to_string()),
    ];
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
