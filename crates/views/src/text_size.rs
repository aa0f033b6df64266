//! "Cỡ chữ A- A A+": three buttons that step the page's text size, each
//! named by what it shows and then what it does (WCAG 2.5.3: a voice-control
//! user says "bấm A+", a screen reader says what it is for). The app
//! provides [`TextSizeControl`] (it stores the choice); the page applies a
//! stored choice before its first paint (a small script in index.html).

use leptos::prelude::*;

/// Smallest and largest steps; 0 is the default size.
pub const SMALLEST: i8 = -1;
pub const LARGEST: i8 = 3;
/// localStorage key, read by the script in index.html too.
pub const STORAGE_KEY: &str = "portal-text-size";

#[derive(Clone, Copy)]
pub struct TextSizeControl {
    /// -1: smaller, 0: back to the default, 1: larger.
    pub change: Callback<i8>,
}

#[component]
pub fn TextSize() -> impl IntoView {
    let control = use_context::<TextSizeControl>();
    let step = move |delta: i8| {
        move |_| {
            if let Some(control) = control {
                control.change.run(delta);
            }
        }
    };
    view! {
        <div class="text-size" role="group" aria-label="Cỡ chữ">
            <button type="button" class="tool" aria-label="A- (giảm cỡ chữ)" on:click=step(-1)>"A-"</button>
            <button type="button" class="tool" aria-label="A (cỡ chữ mặc định)" on:click=step(0)>"A"</button>
            <button type="button" class="tool" aria-label="A+ (tăng cỡ chữ)" on:click=step(1)>"A+"</button>
        </div>
    }
}
