use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use model::paths::route;

use crate::breadcrumb::Breadcrumb;
use crate::text_size::TextSize;

/// A search form that navigates inside the app (the query lives in the URL);
/// without the app it is a plain GET form to the same address.
#[component]
pub fn SearchBox(#[prop(optional, into)] initial: Signal<String>, #[prop(optional)] large: bool) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let navigate = use_navigate();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let query = input.get().map(|i| i.value()).unwrap_or_default();
        navigate(&route::search_page(query.trim(), 1), Default::default());
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
                // The header's box is the search shortcut (`crate::layout::ACCESS_KEYS`).
                accesskey=(!large).then_some(crate::layout::SEARCH_KEY)
            />
            <button type="submit" class="button">"Tìm"</button>
        </form>
    }
}

/// The search page's breadcrumb, heading and large box above the results (`children`).
#[component]
pub fn SearchFrame<C: IntoView + 'static>(
    #[prop(optional, into)] initial: Signal<String>,
    children: TypedChildren<C>,
) -> impl IntoView {
    let items = vec![("/".to_string(), "Trang chủ".to_string()), (route::search(), "Tìm kiếm".to_string())];
    view! {
        <Breadcrumb items/>
        <h1 class="page-title">"Tìm kiếm"</h1>
        <SearchBox initial large=true/>
        <div class="article-tools"><TextSize/></div>
        {children.into_inner()()}
    }
}

/// What the search page says before anything is typed.
#[component]
pub fn SearchPrompt() -> impl IntoView {
    view! { <p class="search-empty">"Nhập từ khóa để tìm kiếm, ví dụ: điều hành, chuyển đổi số."</p> }
}
