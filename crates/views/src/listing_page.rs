//! Paged listings: a category (`/chuyen-muc/{slug}?trang=N`) and all
//! articles, newest first (`/tin-moi?trang=N`).

use leptos::prelude::*;
use model::{Category, ListingPage, SiteData, paths::route};

use crate::article_list::ArticleList;
use crate::breadcrumb::Breadcrumb;
use crate::pagination::Pagination;
use crate::text_size::TextSize;

/// A category's breadcrumb and name above its listing (`children`).
#[component]
pub fn CategoryFrame<C: IntoView + 'static>(
    site: SiteData,
    category: Category,
    children: TypedChildren<C>,
) -> impl IntoView {
    view! {
        <Breadcrumb items=site.trail(&category.slug)/>
        <h1 class="page-title">{category.name}</h1>
        <div class="article-tools"><TextSize/></div>
        {children.into_inner()()}
    }
}

/// "Tin mới": every article, newest first.
#[component]
pub fn LatestFrame<C: IntoView + 'static>(children: TypedChildren<C>) -> impl IntoView {
    let items = vec![("/".to_string(), "Trang chủ".to_string()), (route::latest(), "Tin mới".to_string())];
    view! {
        <Breadcrumb items/>
        <h1 class="page-title">"Tin mới"</h1>
        <div class="article-tools"><TextSize/></div>
        {children.into_inner()()}
    }
}

/// One page of a listing with its sapos and page links; `base` is the listing's URL.
#[component]
pub fn Listing(page: ListingPage, base: String) -> impl IntoView {
    view! {
        <ArticleList articles=page.articles with_sapo=true/>
        <Pagination current=page.page total=page.total_pages href=move |n| route::paged(&base, n)/>
    }
}
