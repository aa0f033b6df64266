//! Scroll restoration for back/forward. Pages draw after their data arrives,
//! so the browser's own restoration would run against an empty page. We keep
//! each URL's last position and put it back once the page has content.

use std::cell::RefCell;

use leptos::ev;
use leptos::prelude::{request_animation_frame, window, window_event_listener};

#[derive(Default)]
struct State {
    /// Each address visited and its last position: the few pages of a
    /// visit, so a list (a hash map's code would cost the wasm more).
    positions: Vec<(String, f64)>,
    /// Where to scroll once the page that back/forward led to has drawn.
    pending: Option<(String, f64)>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::default();
}

fn current_key() -> String {
    let location = window().location();
    format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default())
}

/// Called once when the app starts.
pub fn install() {
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    // The listeners live as long as the page: their handles are dropped on purpose.
    let _ = window_event_listener(ev::scroll, |_| {
        STATE.with_borrow_mut(|state| {
            // While a restore waits, scroll events come from the page shrinking.
            if state.pending.is_none() {
                let y = window().scroll_y().unwrap_or(0.0);
                let key = current_key();
                match state.positions.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, at)) => *at = y,
                    None => state.positions.push((key, y)),
                }
            }
        });
    });
    let _ = window_event_listener(ev::popstate, |_| {
        STATE.with_borrow_mut(|state| {
            let key = current_key();
            let y = state.positions.iter().find(|(k, _)| *k == key).map_or(0.0, |(_, y)| *y);
            state.pending = Some((key, y));
        });
    });
    let _ = window_event_listener(ev::click, |_| {
        // A click starts a new navigation (or none): forget an unfinished restore.
        STATE.with_borrow_mut(|state| state.pending = None);
    });
}

/// Called when a page has drawn data. Finishes a pending restore once the
/// page is tall enough to reach the saved position.
pub fn content_ready() {
    request_animation_frame(|| {
        STATE.with_borrow_mut(|state| {
            let Some((key, y)) = state.pending.clone() else { return };
            if key != current_key() {
                state.pending = None;
                return;
            }
            let window = window();
            window.scroll_to_with_x_and_y(0.0, y);
            if (window.scroll_y().unwrap_or(0.0) - y).abs() < 2.0 {
                state.pending = None;
            }
        });
    });
}
