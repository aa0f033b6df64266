use leptos::prelude::*;
use leptos_router::hooks::use_location;
use model::SiteData;

use crate::api;
use crate::components::loaded::loaded_or_missing;
use crate::components::set_document_title;

/// The office's own pages (Giới thiệu, Liên hệ, English, Sơ đồ cổng): the
/// router's fallback, so any address no route takes is looked up among the
/// published pages, and one that is not there is the not-found page. (A
/// route of its own would cost the wasm ~5 KB: every route is another type
/// in the router's matching code.)
#[component]
pub fn PageRoute() -> impl IntoView {
    let site = expect_context::<SiteData>();
    let location = use_location();
    let page = api::document(Signal::derive(move || api::DocumentAddress::Page(location.pathname.get())));
    loaded_or_missing(
        page,
        move |document| {
            let api::Document::Page { title, html } = document else { unreachable!("the page route fetches pages") };
            set_document_title(Some(&title), &site.site.name);
            view! { <div class="office-page-frame" inner_html=html></div> }
        },
        false,
    )
}
