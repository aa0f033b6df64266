//! The app's side of drawing: every page's markup lives in the `views` crate
//! (shared with the press); here only what needs the browser.

pub mod loaded;

/// "Tiêu đề trang | Tên cơ quan" in the browser tab.
pub fn set_document_title(page: Option<&str>, site_name: &str) {
    let title = match page {
        Some(page) => format!("{page} | {site_name}"),
        None => site_name.to_string(),
    };
    leptos::prelude::document().set_title(&title);
}
