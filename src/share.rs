//! The app's side of "Chia sẻ": the Web Share API where the browser has it,
//! the clipboard for "Sao chép liên kết". Both are looked up at run time, so
//! a browser without them just shows the fallback panel.

use js_sys::{Function, Object, Promise, Reflect};
use leptos::prelude::*;
use views::share::ShareControl;
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
    provide_context(ShareControl { share, copy, open, copied });
}
