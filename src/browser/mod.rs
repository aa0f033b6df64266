//! What the app does in the browser beside drawing pages: each module is one
//! effect, provided to the views through a context where they need it (the
//! markup itself is in `views`, the same for the static pages).

/// The canonical address, shown before the router reads it.
pub mod address;
/// The citizens' forms sent as JSON, their confirmation opened in place.
pub mod forms;
/// "Nghe bài viết": the browser's speech synthesis.
pub mod listen;
/// Connectivity, and the view of a page asked for offline.
pub mod offline;
/// Scroll restoration across navigations, and the top of a new page.
pub mod scroll;
/// "Chia sẻ": the system share sheet, Facebook, Zalo, the copied link.
pub mod share;
/// The static page swapped for the app once the app's page is ready.
pub mod takeover;
/// "Cỡ chữ": the stored text size.
pub mod text_size;
/// The light and dark theme, stored.
pub mod theme;
/// Hits to the visitor counter, its figures, and the article's rating.
pub mod visitor_counter;
