//! The four states of every fetch: loading, loaded, not found, failed.
//! No page is ever left blank.

use std::sync::Arc;

use leptos::prelude::*;
use views::states::{LoadError, Loading, NotFound};

use crate::api::{FetchError, Fetched};
use crate::browser::scroll;

/// Draws `ready` with the resource's value once it has arrived, and the
/// loading, not-found and error (with retry) views until then.
pub fn loaded<T, V>(resource: LocalResource<Fetched<T>>, ready: impl Fn(T) -> V + Send + Sync + 'static) -> AnyView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    loaded_or_missing(resource, ready, true)
}

/// [`loaded`]; with `retry_missing` false, a missing file is simply a page
/// that does not exist (no "Thử lại"), as for an address nothing else takes.
pub fn loaded_or_missing<T, V>(
    resource: LocalResource<Fetched<T>>,
    ready: impl Fn(T) -> V + Send + Sync + 'static,
    retry_missing: bool,
) -> AnyView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    states(resource, Arc::new(move |value| ready(value).into_any()), retry_missing)
}

/// The drawing itself, once per resource type (the app has one: `api::Data`)
/// rather than once per page: every caller's view is erased to an `AnyView`.
fn states<T>(resource: LocalResource<Fetched<T>>, ready: Arc<dyn Fn(T) -> AnyView + Send + Sync>, retry_missing: bool) -> AnyView
where
    T: Clone + Send + Sync + 'static,
{
    let retry = Callback::new(move |()| resource.refetch());
    (move || match resource.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Ok(value)) => {
            scroll::content_ready();
            ready(value)
        }
        Some(Err(FetchError::NotFound)) => not_found(retry_missing.then_some(retry)).into_any(),
        Some(Err(FetchError::Network(_))) if crate::browser::offline::is_offline() => {
            crate::browser::offline::offline_view(retry).into_any()
        }
        Some(Err(error)) => view! { <LoadError detail=error_detail(&error) retry/> }.into_any(),
    })
    .into_any()
}

fn error_detail(error: &FetchError) -> &'static str {
    match error {
        FetchError::Network(_) => "Không kết nối được tới máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.",
        FetchError::Malformed(_) => "Dữ liệu nhận được không hợp lệ. Vui lòng thử lại sau ít phút.",
        FetchError::NotFound => "Không tìm thấy dữ liệu.",
    }
}

/// The not-found view, with the tab's title saying so.
pub fn not_found(retry: Option<Callback<()>>) -> impl IntoView {
    if let Some(site) = use_context::<model::SiteData>() {
        super::set_document_title(Some("Không tìm thấy trang"), &site.site.name);
    }
    view! { <NotFound retry=retry/> }
}
