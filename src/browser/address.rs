//! The address bar: a reader may arrive at `/x/` (hosts redirect a folder
//! to its slash form), `/x/index.html`, or with the tracking parameters a
//! share appends (`?fbclid=…`, `?zarsrc=…&utm_source=zalo`). Before the
//! router reads it, the address is put in its one canonical form
//! (`model::paths::canonical_address`), without a reload, so that routes,
//! the visitor counter and a copied link all see the page's own address.

use leptos::prelude::window;
use wasm_bindgen::JsValue;

pub fn show_canonical() {
    let location = window().location();
    let (Ok(mut address), Ok(search)) = (location.pathname(), location.search()) else { return };
    let canonical = model::paths::canonical_address(&address, &search);
    address.push_str(&search);
    if canonical != address
        && let Ok(history) = window().history()
    {
        let _ = history.replace_state_with_url(
            &JsValue::NULL,
            "",
            Some(&(canonical + &location.hash().unwrap_or_default())),
        );
    }
}
