//! The four states of every fetch: loading, loaded, not found, failed.
//! No page is ever left blank.

use leptos::prelude::*;

use crate::api::{FetchError, Fetched};
use crate::scroll;

/// Draws `ready` with the resource's value once it has arrived, and the
/// loading, not-found and error (with retry) views until then.
pub fn loaded<T, V>(
    resource: LocalResource<Fetched<T>>,
    ready: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let retry = Callback::new(move |()| resource.refetch());
    move || match resource.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Ok(value)) => {
            scroll::content_ready();
            ready(value).into_any()
        }
        Some(Err(FetchError::NotFound)) => view! { <NotFound retry/> }.into_any(),
        Some(Err(error)) => view! { <LoadError error retry/> }.into_any(),
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <div class="state state-loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            "Đang tải…"
        </div>
    }
}

#[component]
fn RetryButton(retry: Callback<()>) -> impl IntoView {
    let pending = RwSignal::new(false);
    view! {
        <button
            type="button"
            class="button retry"
            disabled=move || pending.get()
            on:click=move |_| {
                pending.set(true);
                retry.run(());
            }
        >
            {move || if pending.get() { "Đang thử lại…" } else { "Thử lại" }}
        </button>
    }
}

#[component]
pub fn LoadError(error: FetchError, retry: Callback<()>) -> impl IntoView {
    let detail = match &error {
        FetchError::Network(_) => "Không kết nối được tới máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.",
        FetchError::Malformed(_) => "Dữ liệu nhận được không hợp lệ. Vui lòng thử lại sau ít phút.",
        FetchError::NotFound => "Không tìm thấy dữ liệu.",
    };
    view! {
        <div class="state state-error" role="alert">
            <h2>"Không tải được nội dung"</h2>
            <p>{detail}</p>
            <RetryButton retry/>
        </div>
    }
}

/// "Không tìm thấy trang": unknown routes, and data that does not exist.
#[component]
pub fn NotFound(#[prop(optional)] retry: Option<Callback<()>>) -> impl IntoView {
    if let Some(site) = use_context::<model::SiteData>() {
        super::set_document_title(Some("Không tìm thấy trang"), &site.site.name);
    }
    view! {
        <div class="state state-not-found">
            <p class="code" aria-hidden="true">"404"</p>
            <h1>"Không tìm thấy trang"</h1>
            <p>"Trang bạn tìm không tồn tại hoặc đã được chuyển sang địa chỉ khác."</p>
            <p class="actions">
                <a class="button" href="/">"Về trang chủ"</a>
                {retry.map(|retry| view! { <RetryButton retry/> })}
            </p>
        </div>
    }
}
