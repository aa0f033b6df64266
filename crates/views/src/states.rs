//! What a page shows instead of its content: loading, not found, failed.

use leptos::prelude::*;

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
pub fn RetryButton(retry: Callback<()>) -> impl IntoView {
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

/// "Không tải được nội dung", with what went wrong in the reader's words.
#[component]
pub fn LoadError(detail: &'static str, retry: Callback<()>) -> impl IntoView {
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
pub fn NotFound(#[prop(optional_no_strip)] retry: Option<Callback<()>>) -> impl IntoView {
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
