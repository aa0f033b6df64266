//! The reader app: the office's news portal, drawn in the browser from the
//! JSON the press publishes. It reads as the data goes: `api` (and
//! `search`) fetch the published files, `routes` map an address to a page
//! and hand its data to the `views` crate (shared with the press's static
//! pages), `components` holds the loading states every page shares, and
//! `browser` what only a browser does beside drawing (the address bar,
//! scroll, the takeover of the static page, the visitor counter, offline,
//! and the reader tools: share, listen, theme, text size).

pub mod api;
pub mod browser;
pub mod components;
pub mod routes;
pub mod search;

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;
use views::article_list::SidebarLatest;
use views::layout::Shell;

use components::loaded::loaded;
use routes::{
    article::ArticleRoute,
    home::HomeRoute,
    listing::{CategoryRoute, LatestRoute},
    page::PageRoute,
    search::SearchRoute,
};

#[component]
pub fn App() -> impl IntoView {
    browser::scroll::install();
    browser::text_size::provide_text_size();
    browser::theme::provide_theme();
    browser::offline::provide_connectivity();
    let site = api::resource_of(api::Address::Site);
    view! {
        <Router>
            {loaded(site, |site| {
                let api::Data::Site(site) = site else { unreachable!("site.json") };
                let mut site = *site;
                // The outage notice shows from its announcement until the
                // expected return, by the reader's clock.
                let now = model::LocalDateTime::in_vietnam(js_sys::Date::now());
                site.site.notice = site.site.notice.filter(|notice| notice.shown_at(now));
                browser::visitor_counter::provide_visitor_counter(site.site.counter_endpoint.clone());
                let latest = api::resource_of(api::Address::Listing(Some(model::paths::latest_page(1))));
                let latest = loaded(latest, |page| {
                    let api::Data::Listing(page) = page else { unreachable!("a listing") };
                    view! { <SidebarLatest page=*page/> }
                });
                view! {
                    <Shell site latest>
                        // Flat: no route nests, and the nested router's machinery
                        // would cost 9.7 KB of brotli'd wasm (docs/benchmarks.md).
                        <FlatRoutes fallback=PageRoute>
                            <Route path=path!("/") view=HomeRoute/>
                            <Route path=path!("/chuyen-muc/:slug") view=CategoryRoute/>
                            <Route path=path!("/tin-moi") view=LatestRoute/>
                            <Route path=path!("/bai-viet/:slug") view=ArticleRoute/>
                            <Route path=path!("/tim-kiem") view=SearchRoute/>
                            // One-segment office pages, so that a change of
                            // query alone (filters, weeks) keeps the page
                            // alive: the router's fallback is redrawn only
                            // when the path changes.
                            <Route path=path!("/:page") view=PageRoute/>
                        </FlatRoutes>
                    </Shell>
                }
            })}
        </Router>
    }
}
