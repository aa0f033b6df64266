//! Swapping the static page for the app: once the app's page has its content
//! (or a final error or not-found view), the static copy goes and the app
//! shows in its place, at the same scroll position.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::request_animation_frame;

/// Give up waiting after this many frames (about ten seconds) and show the app.
const MAX_FRAMES: u32 = 600;

fn ready(root: &web_sys::HtmlElement) -> bool {
    let has = |selector: &str| root.query_selector(selector).ok().flatten().is_some();
    // Pictures the static page already showed are in the cache: wait for them
    // too, so the app never shows an empty frame where one was.
    let pictures_in = root
        .query_selector_all("main#noi-dung img:not([loading=lazy])")
        .map(|images| {
            (0..images.length()).all(|i| {
                images
                    .item(i)
                    .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlImageElement>(n).ok())
                    .is_none_or(|img| img.complete())
            })
        })
        .unwrap_or(true);
    let page_done = has("main#noi-dung > *") && !has("main#noi-dung .state-loading") && pictures_in;
    // A failed site.json has no frame at all, only its error view.
    page_done || (!has("main#noi-dung") && (has(".state-error") || has(".state-not-found")))
}

pub fn when_ready(boot: web_sys::Element, root: web_sys::HtmlElement) {
    let frames = Rc::new(Cell::new(0u32));
    fn check(boot: web_sys::Element, root: web_sys::HtmlElement, frames: Rc<Cell<u32>>) {
        frames.set(frames.get() + 1);
        if ready(&root) || frames.get() > MAX_FRAMES {
            boot.remove();
            root.set_hidden(false);
        } else {
            request_animation_frame(move || check(boot, root, frames));
        }
    }
    request_animation_frame(move || check(boot, root, frames));
}
