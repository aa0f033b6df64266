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
