//! The app's side of "Chia sẻ": the Web Share API where the browser has it,
//! the clipboard for "Sao chép liên kết". Both are looked up at run time, so
//! a browser without them just shows the fallback panel. Zalo's script is
//! added to the page only when the reader asks for Zalo.

use js_sys::{Function, Object, Promise, Reflect};
use leptos::prelude::*;
use views::share::{ShareControl, ZALO_SDK};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn navigator() -> JsValue {
    Reflect::get(&window(), &"navigator".into()).unwrap_or(JsValue::UNDEFINED)
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &JsValue::from_str(name)).ok()?.dyn_into::<Function>().ok()
}

/// `navigator.share({title, url})`; false where there is no share sheet.
fn system_share(title: &str, url: &str) -> bool {
    let navigator = navigator();
    let Some(share) = method(&navigator, "share") else { return false };
    let data = Object::new();
    let _ = Reflect::set(&data, &"title".into(), &title.into());
    let _ = Reflect::set(&data, &"url".into(), &url.into());
    // The reader may cancel the sheet: that rejection is not an error.
    if let Ok(promise) = share.call1(&navigator, &data).and_then(|p| p.dyn_into::<Promise>().map_err(Into::into)) {
        leptos::task::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
    true
}

async fn copy_to_clipboard(text: &str) -> bool {
    let navigator = navigator();
    let Ok(clipboard) = Reflect::get(&navigator, &"clipboard".into()) else { return false };
    let Some(write) = method(&clipboard, "writeText") else { return false };
    let Ok(promise) = write.call1(&clipboard, &text.into()).and_then(|p| p.dyn_into::<Promise>().map_err(Into::into))
    else {
        return false;
    };
    JsFuture::from(promise).await.is_ok()
}

/// Draws Zalo's button into the page's `.zalo-share-button`: the first time
/// by adding Zalo's script (it draws on load), later by asking it to redraw.
fn load_zalo(ready: RwSignal<bool>) {
    let window = window();
    if let Ok(sdk) = Reflect::get(&window, &"ZaloSocialSDK".into())
        && let Some(reload) = method(&sdk, "reload")
    {
        let _ = reload.call0(&sdk);
        ready.set(true);
        return;
    }
    let document = document();
    if document.query_selector("script[data-zalo]").ok().flatten().is_some() {
        return;
    }
    let Ok(script) = document.create_element("script") else { return };
    let _ = script.set_attribute("src", ZALO_SDK);
    let _ = script.set_attribute("data-zalo", "");
    if let Some(body) = document.body() {
        let _ = body.append_child(&script);
    }
    // Zalo's script draws its button where ours was once it has loaded.
    ready.set(true);
}

/// Sharing for the page titled `title` at `url` (its public address).
pub fn provide_share(title: String, url: String) {
    let open = RwSignal::new(false);
    let copied = RwSignal::new(false);
    let share = {
        let url = url.clone();
        Callback::new(move |()| system_share(&title, &url))
    };
    let copy = Callback::new(move |()| {
        let url = url.clone();
        leptos::task::spawn_local(async move {
            copied.set(copy_to_clipboard(&url).await);
        });
    });
    let zalo_ready = RwSignal::new(false);
    let zalo = Callback::new(move |()| load_zalo(zalo_ready));
    provide_context(ShareControl { share, copy, open, copied, zalo, zalo_ready });
}
