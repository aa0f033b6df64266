//! The app's side of "Giao diện tối": `data-theme` on `<html>` overrides the
//! system's setting, and is remembered in localStorage for the script in
//! index.html to apply before the next first paint.

use leptos::prelude::*;
use views::theme::{STORAGE_KEY, ThemeControl};

const ATTRIBUTE: &str = "data-theme";

fn system_is_dark() -> bool {
    window().match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|query| query.matches())
}

fn chosen() -> Option<String> {
    document().document_element().and_then(|html| html.get_attribute(ATTRIBUTE))
}

pub fn provide_theme() {
    let dark = RwSignal::new(chosen().map_or_else(system_is_dark, |theme| theme == "dark"));
    let toggle = Callback::new(move |()| {
        let next = if dark.get_untracked() { "light" } else { "dark" };
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute(ATTRIBUTE, next);
        }
        if let Ok(Some(storage)) = window().local_storage() {
            let _ = storage.set_item(STORAGE_KEY, next);
        }
        dark.set(next == "dark");
    });
    provide_context(ThemeControl { dark: dark.into(), toggle });
}
