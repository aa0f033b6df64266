//! One of the office's own pages ("Giới thiệu", "Liên hệ", the English page,
//! "Sơ đồ cổng"): breadcrumb, title and body (the press puts the section's
//! own menu at the head of the body).

use leptos::prelude::*;
use model::Page;

use crate::breadcrumb::Breadcrumb;

#[component]
pub fn PageView(page: Page) -> impl IntoView {
    let Page { path, title, lang, section, html, .. } = page;
    let mut crumbs = vec![("/".to_string(), "Trang chủ".to_string())];
    crumbs.extend(section);
    crumbs.push((path, title.clone()));
    view! {
        <Breadcrumb items=crumbs/>
        <article class="article office-page" lang=lang>
            <h1 class="article-title">{title}</h1>
            <div class="article-body" inner_html=html></div>
        </article>
    }
}
