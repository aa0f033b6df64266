//! The app's side of offline reading: whether the device is online (for the
//! banner and the offline view), and the articles the service worker saved
//! (public/sw.js answers `paths::saved_articles()` from its cache).

use leptos::prelude::*;
use views::article_list::ArticleList;
use views::offline::{Connectivity, Offline};

fn online_now() -> bool {
    window().navigator().on_line()
}

pub fn provide_connectivity() {
    let online = RwSignal::new(online_now());
    // Dropping a handle keeps its listener: these live as long as the app.
    let update = move |_| online.set(online_now());
    let _ = window_event_listener_untyped("online", update);
    let _ = window_event_listener_untyped("offline", update);
    provide_context(Connectivity { online: online.into() });
}

pub fn is_offline() -> bool {
    !online_now()
}

/// A failed fetch while offline: the notice, the saved articles, and a retry
/// that runs by itself when the connection comes back.
pub fn offline_view(retry: Callback<()>) -> impl IntoView {
    let saved = crate::api::resource_of(crate::api::Address::Listing(Some(model::paths::saved_articles())));
    if let Some(connectivity) = use_context::<Connectivity>() {
        Effect::new(move |was_online: Option<bool>| {
            let online = connectivity.online.get();
            // A connection that has just come back often fails its first request.
            if online && was_online == Some(false) {
                leptos::task::spawn_local(async move {
                    crate::browser::visitor_counter::sleep(1000).await;
                    retry.run(());
                });
            }
            online
        });
    }
    view! {
        <Offline retry>
            {move || match saved.get() {
                Some(Ok(crate::api::Data::Listing(page))) => Some(view! { <ArticleList articles=page.articles/> }),
                _ => None,
            }}
        </Offline>
    }
}
