//! Helpers every stage that writes HTML or XML shares: the one escaper for
//! text the press writes into head tags, feeds and configuration, and
//! `html_of`, which renders a `views` component natively. Page markup itself
//! is never written here: it is a component in `crates/views`.

use leptos::prelude::*;

/// `text` with `&`, `<`, `>` and quotes escaped, for HTML and XML text and attributes.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    pulldown_cmark_escape::escape_html(&mut out, text).expect("writing to a String");
    out
}

/// The view `draw` makes, rendered to HTML under an owner of its own.
pub fn html_of<V: RenderHtml>(draw: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    let html = owner.with(|| draw().to_html());
    owner.cleanup();
    // `<!>` marks text boundaries for hydration; the app takes over instead
    // (see `bench hydrate`), and the markers are not valid HTML comments.
    // Escaped text never holds a raw `<`, so only markers match.
    html.replace("<!>", "")
}

/// One of the office's pages as the app shows it after navigating there:
/// `PageView` rendered here, with the title the app needs beside it,
/// published at `model::paths::page_fragment`. The app inserts
/// it as it is rather than drawing the page itself: these pages never
/// change in the browser, and a page type and view of its own cost the
/// reader wasm 3 KB brotli.
pub fn page_fragment(page: &model::Page) -> model::Fragment {
    let (title, page) = (page.title.clone(), page.clone());
    model::Fragment { title, html: html_of(|| view! { <views::page::PageView page/> }) }
}
