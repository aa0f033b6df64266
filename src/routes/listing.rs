//! Paged listings: a category (`/chuyen-muc/{slug}?trang=N`) and all
//! articles, newest first (`/tin-moi?trang=N`).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use model::{ListingPage, SiteData, paths::route};

use super::use_page_param;
use crate::api::{self, FetchError};
use crate::components::article_list::ArticleList;
use crate::components::breadcrumb::Breadcrumb;
use crate::components::loaded::{NotFound, loaded};
use crate::components::pagination::Pagination;
use crate::components::set_document_title;

#[component]
pub fn CategoryRoute() -> impl IntoView {
    let site = expect_context::<SiteData>();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let page = use_page_param();
    let listing = LocalResource::new(move || {
        let (slug, page) = (slug.get(), page.get());
        async move {
            match page {
                Some(page) => api::category(slug, page).await,
                None => Err(FetchError::NotFound),
            }
        }
    });
    move || {
        let site = site.clone();
        let slug = slug.get();
        let Some(category) = site.category(&slug).cloned() else {
            return view! { <NotFound/> }.into_any();
        };
        set_document_title(Some(&category.name), &site.site.name);
        let heading = category.name.clone();
        let base = route::category(&slug);
        view! {
            <Breadcrumb site=site.clone() category=slug.clone()/>
            <h1 class="page-title">{heading}</h1>
            {loaded(listing, move |page| view! { <Listing page base=base.clone()/> })}
        }
        .into_any()
    }
}

#[component]
pub fn LatestRoute() -> impl IntoView {
    let site = expect_context::<SiteData>();
    set_document_title(Some("Tin mới"), &site.site.name);
    let page = use_page_param();
    let listing = LocalResource::new(move || {
        let page = page.get();
        async move {
            match page {
                Some(page) => api::latest(page).await,
                None => Err(FetchError::NotFound),
            }
        }
    });
    view! {
        <nav class="breadcrumb" aria-label="Đường dẫn">
            <ol><li><a href="/">"Trang chủ"</a></li><li><a href="/tin-moi">"Tin mới"</a></li></ol>
        </nav>
        <h1 class="page-title">"Tin mới"</h1>
        {loaded(listing, |page| view! { <Listing page base=route::latest()/> })}
    }
}

#[component]
fn Listing(page: ListingPage, base: String) -> impl IntoView {
    view! {
        <ArticleList articles=page.articles with_sapo=true/>
        <Pagination current=page.page total=page.total_pages href=move |n| route::paged(&base, n)/>
    }
}
