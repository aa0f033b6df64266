//! "Chia sẻ": the system share sheet where the browser has one (phones offer
//! Zalo, Messenger… there); elsewhere a panel with Facebook's share link and
//! "Sao chép liên kết". The app provides [`ShareControl`]; the markup is the
//! same with or without it, so the static page and the app agree.

use leptos::prelude::*;
use model::paths::encode_component;

#[derive(Clone, Copy)]
pub struct ShareControl {
    /// Opens the system share sheet; `false` where the browser has none.
    pub share: Callback<(), bool>,
    pub copy: Callback<()>,
    /// Whether the fallback panel is open.
    pub open: RwSignal<bool>,
    /// Set once the address is on the clipboard.
    pub copied: RwSignal<bool>,
}

/// `address` is the page's public address.
#[component]
pub fn Share(address: String) -> impl IntoView {
    let control = use_context::<ShareControl>();
    let open = control.map(|c| c.open).unwrap_or_else(|| RwSignal::new(false));
    let copied = control.map(|c| c.copied).unwrap_or_else(|| RwSignal::new(false));
    let facebook = format!("https://www.facebook.com/sharer/sharer.php?u={}", encode_component(&address));
    view! {
        <div class="share">
            <button
                type="button"
                class="tool"
                aria-expanded=move || open.get().to_string()
                aria-controls="chia-se"
                on:click=move |_| {
                    if let Some(control) = control
                        && !control.share.run(())
                    {
                        open.update(|o| *o = !*o);
                    }
                }
            >
                "Chia sẻ"
            </button>
            <div id="chia-se" class="share-panel" hidden=move || !open.get()>
                <a class="tool" href=facebook target="_blank" rel="noopener noreferrer">"Facebook"</a>
                <button type="button" class="tool" on:click=move |_| if let Some(control) = control { control.copy.run(()) }>
                    "Sao chép liên kết"
                </button>
                <span class="share-copied" role="status">{move || if copied.get() { "Đã sao chép liên kết" } else { "" }}</span>
            </div>
        </div>
    }
}
