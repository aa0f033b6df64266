use leptos::prelude::*;
use leptos_router::hooks::use_location;
use model::SiteData;
use model::paths::{self, route};

use crate::api;
use crate::components::loaded::loaded_or_missing;
use crate::components::set_document_title;

/// The office's own pages (Giới thiệu, Liên hệ, English, Sơ đồ cổng, Văn bản
/// with its filters, Lịch công tác and Lịch tiếp công dân by week, Dự thảo lấy ý kiến, Hỏi đáp),
/// drawn by the press; their POST forms go through `browser::forms`. It is the
/// router's fallback, so any address no route takes is looked up among the
/// published pages, and one that is not there is the not-found page; and
/// the route of one-segment addresses (`/:page`), because the fallback is
/// not redrawn when only the query changes.
#[component]
pub fn PageRoute() -> impl IntoView {
    let site = expect_context::<SiteData>();
    let location = use_location();
    let address = Signal::derive(move || {
        let (path, query) = (location.pathname.get(), location.query.get());
        let path = paths::canonical_path(&path);
        let address = paths::page_address(path, |key| match query.get(key) {
            // The schedule opens on the reader's own week.
            None if key == "tuan" && route::WEEKLY.contains(&path) => Some(api::today().iso_week().to_string()),
            value => value,
        });
        // What the reader typed (the documents' number box, a question's
        // code), as typed: the page's address carries it folded, or not at all.
        let number = paths::typed_param(path)
            .and_then(|key| query.get(key))
            .filter(|typed| !paths::query_value(typed).is_empty());
        api::Address::Page { address, number }
    });
    let page = api::resource(address);
    loaded_or_missing(
        page,
        move |document| {
            let api::Data::Page(model::Fragment { title, html }) = document else {
                unreachable!("the page route fetches pages")
            };
            set_document_title(Some(&title), &site.site.name);
            view! { <div class="office-page-frame" inner_html=html on:submit=crate::browser::forms::submit></div> }
        },
        false,
    )
}
