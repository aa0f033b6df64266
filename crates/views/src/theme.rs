//! "Giao diện tối": the header's switch between the light and dark themes.
//! The app provides [`ThemeControl`]; the markup is the same without it.

use leptos::prelude::*;

/// localStorage key, read by the script in index.html too ("light" / "dark").
pub const STORAGE_KEY: &str = "portal-theme";

#[derive(Clone, Copy)]
pub struct ThemeControl {
    /// Whether the page is dark now (the reader's choice, else the system's).
    pub dark: Signal<bool>,
    pub toggle: Callback<()>,
}

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let control = use_context::<ThemeControl>();
    let pressed = move || control.is_some_and(|c| c.dark.get()).to_string();
    view! {
        <button
            type="button"
            class="theme-toggle"
            aria-pressed=pressed
            on:click=move |_| if let Some(control) = control { control.toggle.run(()) }
        >
            "Giao diện tối"
        </button>
    }
}
