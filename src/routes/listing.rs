//! Paged listings: a category (`/chuyen-muc/{slug}?trang=N`) and all
//! articles, newest first (`/tin-moi?trang=N`).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use model::{SiteData, paths::route};
use views::listing_page::{CategoryFrame, LatestFrame, Listing};

use super::use_page_param;
use crate::api;
use crate::components::loaded::{loaded, not_found};
use crate::components::set_document_title;

#[component]
pub fn CategoryRoute() -> impl IntoView {
    let site = expect_context::<SiteData>();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let page = use_page_param();
    let listing = api::resource(Signal::derive(move || api::Address::Listing(api::category_page(&slug.get(), page.get()))));
    move || {
        let slug = slug.get();
        let Some(category) = site.category(&slug).cloned() else {
            return not_found(None).into_any();
        };
        set_document_title(Some(&category.name), &site.site.name);
        let base = route::category(&slug);
        view! {
            <CategoryFrame site=site.clone() category>
                {loaded(listing, move |page| {
                    let api::Data::Listing(page) = page else { unreachable!("a listing") };
                    view! { <Listing page=*page base=base.clone()/> }
                })}
            </CategoryFrame>
        }
        .into_any()
    }
}

#[component]
pub fn LatestRoute() -> impl IntoView {
    let site = expect_context::<SiteData>();
    set_document_title(Some("Tin mới"), &site.site.name);
    let page = use_page_param();
    let listing = api::resource(Signal::derive(move || api::Address::Listing(page.get().map(model::paths::latest_page))));
    view! {
        <LatestFrame>
            {loaded(listing, |page| {
                let api::Data::Listing(page) = page else { unreachable!("a listing") };
                view! { <Listing page=*page base=route::latest()/> }
            })}
        </LatestFrame>
    }
}
