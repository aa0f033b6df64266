// Leptos view types nest deeply; the release build of the whole app needs more room.
#![recursion_limit = "256"]

use leptos::prelude::document;
use wasm_bindgen::JsCast;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(portal_hydrate)]
fn main() {
    // Measured, not shipped: see `cargo xtask bench hydrate`.
    leptos::mount::hydrate_body(portal::App);
}

#[cfg(not(portal_hydrate))]
fn main() {
    portal::browser::address::show_canonical();
    let document = document();
    // The page's static content (or the plain loading frame) stays on screen
    // while the app draws, hidden, beside it; `takeover` swaps them once the
    // app has its content, so the reader never sees a blank or a jump.
    let boot = document.get_element_by_id("boot");
    let root: web_sys::HtmlElement = document.create_element("div").expect("a div").unchecked_into();
    root.set_id("app");
    root.set_hidden(boot.is_some());
    document.body().expect("a body").append_child(&root).expect("appending the app root");
    leptos::mount::mount_to(root.clone(), portal::App).forget();
    if let Some(boot) = boot {
        portal::browser::takeover::when_ready(boot, root);
    }
}
