//! What only staff see: the editor's page at `/quan-tri/` (a document of its
//! own around Sveltia CMS, which draws everything inside it) and the marks
//! of a private preview. Only the press draws them.

use leptos::prelude::*;

/// `/quan-tri/index.html`. `base` is the editor's folder (`/quan-tri`);
/// `startup` runs before the editor's `script`.
#[component]
pub fn EditorPage(office: String, base: &'static str, startup: &'static str, script: &'static str) -> impl IntoView {
    view! {
        <html lang="vi">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="robots" content="noindex, nofollow"/>
                <title>{format!("Quản trị nội dung · {office}")}</title>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="cms-config-url" href=format!("/{base}/config.yml") type="application/yaml"/>
                <link rel="stylesheet" href=format!("/{base}/fonts.css")/>
                <script src=format!("/{base}/{startup}")></script>
            </head>
            <body>
                <script src=format!("/{base}/{script}")></script>
            </body>
        </html>
    }
}

/// On every page of a staff preview, above everything the app draws (the
/// press puts it in the page outside the app's root, so it stays).
#[component]
pub fn PreviewBanner() -> impl IntoView {
    view! {
        <p class="preview-banner" role="status">"Bản xem trước — chưa xuất bản"</p>
    }
}

/// A preview's pages ask not to be indexed in the page itself, since not
/// every host sends headers.
#[component]
pub fn NoIndex() -> impl IntoView {
    view! { <meta name="robots" content="noindex, nofollow"/> }
}
