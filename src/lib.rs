//! The reader app: the office's news portal, drawn in the browser from the
//! JSON the press publishes. Pages are drawn by the `views` crate (shared with
//! the press's static pages); routes here fetch their data and pass it in.

pub mod address;
pub mod api;
pub mod components;
pub mod listen;
pub mod offline;
pub mod routes;
pub mod scroll;
pub mod search;
pub mod share;
pub mod takeover;
pub mod text_size;
pub mod theme;
pub mod visitor_counter;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use views::layout::Shell;
use views::lists::SidebarLatest;

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
    scroll::install();
    text_size::provide_text_size();
    theme::provide_theme();
    offline::provide_connectivity();
    let site = LocalResource::new(api::site);
    view! {
        <Router>
            {loaded(site, |site| {
                visitor_counter::provide_visitor_counter(site.site.counter_endpoint.clone());
                let latest = api::listing(Signal::stored(Some(model::paths::latest_page(1))));
                let latest = loaded(latest, |page| view! { <SidebarLatest page/> });
                view! {
                    <Shell site latest>
                        <Routes fallback=PageRoute>
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
                        </Routes>
                    </Shell>
                }
            })}
        </Router>
    }
}
