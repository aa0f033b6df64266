pub mod article;
pub mod home;
pub mod listing;
pub mod page;
pub mod search;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use model::paths::route::PAGE_PARAM;

/// The listing page asked for by `?trang=N`: `Some(1)` when absent,
/// `None` when it is not a page number (which is a page that does not exist).
pub fn use_page_param() -> Memo<Option<u32>> {
    let query = use_query_map();
    Memo::new(move |_| match query.read().get(PAGE_PARAM) {
        None => Some(1),
        Some(text) => text.parse::<u32>().ok().filter(|&page| page >= 1),
    })
}
