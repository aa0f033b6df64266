//! "Chia sẻ": the system share sheet where the browser has one (phones offer
//! Zalo, Messenger… there); elsewhere a panel with Facebook's share link and
//! "Sao chép liên kết", and Zalo's own share button for an office with a Zalo
//! Official Account (its script loads only when the reader asks for it, so no
//! third-party code runs on page load). The app provides [`ShareControl`]; the markup is the
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
    /// Loads Zalo's script, which draws its button into `.zalo-share-button`.
    pub zalo: Callback<()>,
    /// Set once Zalo's script is asked for (it then draws its own button).
    pub zalo_ready: RwSignal<bool>,
}

/// Zalo's documented share-button script (allowed by the CSP only for a site
/// with `zalo_oa_id`).
pub const ZALO_SDK: &str = "https://sp.zalo.me/plugins/sdk.js";

/// `address` is the page's public address; `zalo_oa_id` the office's Zalo
/// Official Account, if it has one.
#[component]
pub fn Share(address: String, zalo_oa_id: Option<String>) -> impl IntoView {
    let control = use_context::<ShareControl>();
    let open = control.map(|c| c.open).unwrap_or_else(|| RwSignal::new(false));
    let copied = control.map(|c| c.copied).unwrap_or_else(|| RwSignal::new(false));
    let zalo_ready = control.map(|c| c.zalo_ready).unwrap_or_else(|| RwSignal::new(false));
    let zalo = zalo_oa_id.map(|account| {
        view! {
            <button
                type="button"
                class="tool"
                aria-label="Chia sẻ qua Zalo"
                hidden=move || zalo_ready.get()
                on:click=move |_| if let Some(control) = control { control.zalo.run(()) }
            >
                "Zalo"
            </button>
            <div
                class="zalo-share-button"
                data-href=address.clone()
                data-oaid=account
                data-layout="1"
                data-color="blue"
                data-customize="false"
            ></div>
        }
    });
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
                {zalo}
                <button type="button" class="tool" on:click=move |_| if let Some(control) = control { control.copy.run(()) }>
                    "Sao chép liên kết"
                </button>
                <span class="share-copied" role="status">{move || if copied.get() { "Đã sao chép liên kết" } else { "" }}</span>
            </div>
        </div>
    }
}
