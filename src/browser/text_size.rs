//! The app's side of "Cỡ chữ": steps `data-text-size` on `<html>` (the
//! stylesheet scales from it) and remembers it in localStorage, where the
//! script in index.html finds it before the next page's first paint.

use leptos::prelude::*;
use views::text_size::{LARGEST, SMALLEST, STORAGE_KEY, TextSizeControl};

const ATTRIBUTE: &str = "data-text-size";

fn current() -> i8 {
    document()
        .document_element()
        .and_then(|html| html.get_attribute(ATTRIBUTE))
        .and_then(|value| value.parse().ok())
        .unwrap_or(0)
}

fn set(size: i8) {
    if let Some(html) = document().document_element() {
        let _ =
            if size == 0 { html.remove_attribute(ATTRIBUTE) } else { html.set_attribute(ATTRIBUTE, &size.to_string()) };
    }
    if let Ok(Some(storage)) = window().local_storage() {
        let _ =
            if size == 0 { storage.remove_item(STORAGE_KEY) } else { storage.set_item(STORAGE_KEY, &size.to_string()) };
    }
}

pub fn provide_text_size() {
    let change = Callback::new(|delta: i8| {
        set(if delta == 0 { 0 } else { (current() + delta).clamp(SMALLEST, LARGEST) });
    });
    provide_context(TextSizeControl { change });
}
