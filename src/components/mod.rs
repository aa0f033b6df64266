pub mod article_list;
pub mod article_view;
pub mod breadcrumb;
pub mod layout;
pub mod loaded;
pub mod pagination;
pub mod search_box;
pub mod visitor_stats;

/// "Tiêu đề trang | Tên cơ quan" in the browser tab.
pub fn set_document_title(page: Option<&str>, site_name: &str) {
    let title = match page {
        Some(page) => format!("{page} | {site_name}"),
        None => site_name.to_string(),
    };
    leptos::prelude::document().set_title(&title);
}
