//! What goes in a page's `<head>` beyond trunk's page: the tags link
//! previews (Facebook, Zalo, X) and search engines read. Only the press draws
//! them (the app changes the title alone), so they cost the wasm nothing.

use leptos::prelude::*;

/// `<meta property=… content=…>`: Open Graph names its tags with
/// `property`, an attribute the view macro does not know.
fn og(property: &'static str, content: impl Into<String>) -> impl IntoView {
    leptos::html::meta().attr("property", property).attr("content", content.into())
}

/// A page's Dublin Core fields beyond its title, description, address and
/// publisher (the office).
#[derive(Clone, Debug, PartialEq)]
pub struct DublinCore {
    /// Who wrote it: an article's author, else the office.
    pub creator: String,
    /// "YYYY-MM-DD": when it was published or last changed.
    pub date: String,
    /// "vi", "en".
    pub language: String,
}

/// A static page's own head tags. `json_ld` are serialised JSON-LD objects
/// with `</` already written as `<\/` (they go into a script as they are).
#[component]
pub fn ShareTags(
    /// The page's public address, also its `og:url`.
    canonical: String,
    site_name: String,
    /// `website` or `article`.
    og_type: &'static str,
    title: String,
    description: String,
    /// A JPEG or PNG the previews can show (public address).
    image: String,
    json_ld: Vec<String>,
    /// The Dublin Core fields beside them.
    dublin_core: DublinCore,
) -> impl IntoView {
    let DublinCore { creator, date, language } = dublin_core;
    view! {
        <link rel="canonical" href=canonical.clone()/>
        // Dublin Core (NĐ 224/2026 Điều 11 k5: metadata for search and exchange).
        <link rel="schema.DC" href="http://purl.org/dc/elements/1.1/"/>
        <meta name="DC.title" content=title.clone()/>
        <meta name="DC.creator" content=creator/>
        <meta name="DC.date" content=date/>
        <meta name="DC.description" content=description.clone()/>
        <meta name="DC.publisher" content=site_name.clone()/>
        <meta name="DC.identifier" content=canonical.clone()/>
        <meta name="DC.language" content=language/>
        {og("og:site_name", site_name)}
        {og("og:locale", "vi_VN")}
        {og("og:type", og_type)}
        {og("og:title", title.clone())}
        {og("og:description", description.clone())}
        {og("og:url", canonical)}
        <meta name="twitter:card" content="summary_large_image"/>
        <meta name="twitter:title" content=title/>
        <meta name="twitter:description" content=description/>
        {og("og:image", image.clone())}
        <meta name="twitter:image" content=image/>
        {json_ld.into_iter().map(|json| view! { <script type="application/ld+json" inner_html=json></script> }).collect_view()}
    }
}

/// The office's news feed, which browsers and feed readers find from any page.
#[component]
pub fn FeedLink(title: String) -> impl IntoView {
    view! { <link rel="alternate" type="application/rss+xml" title=title href="/rss.xml"/> }
}
