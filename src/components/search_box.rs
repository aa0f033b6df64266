use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use model::paths::route;

/// `/tim-kiem?q=…` for a query, encoded for a URL.
pub fn search_href(query: &str, page: u32) -> String {
    let encoded: String = js_sys::encode_uri_component(query).into();
    let base = format!("{}?{}={encoded}", route::search(), route::QUERY_PARAM);
    if page > 1 { format!("{base}&{}={page}", route::PAGE_PARAM) } else { base }
}

/// A search form that navigates inside the app (the query lives in the URL).
#[component]
pub fn SearchBox(#[prop(optional, into)] initial: Signal<String>, #[prop(optional)] large: bool) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let navigate = use_navigate();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let query = input.get().map(|i| i.value()).unwrap_or_default();
        navigate(&search_href(query.trim(), 1), Default::default());
    };
    view! {
        <form class="search-box" class:large=large role="search" action="/tim-kiem" method="get" on:submit=submit>
            <input
                node_ref=input
                type="search"
                name="q"
                prop:value=move || initial.get()
                placeholder="Tìm kiếm bài viết…"
                aria-label="Từ khóa tìm kiếm"
                maxlength="200"
                enterkeyhint="search"
            />
            <button type="submit" class="button">"Tìm"</button>
        </form>
    }
}
