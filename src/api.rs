//! Fetching the published JSON. Every page loads through [`fetch_json`], which
//! sorts failures into what the reader is told (not found / network / bad data)
//! and aborts the request when the page that asked for it goes away.

use gloo_net::http::Request;
use leptos::prelude::{Get, LocalResource, Signal, on_cleanup};
use model::{Article, HomePage, ListingPage, SiteData, paths};
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;

#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// The file does not exist (404/410): an unknown article or page.
    NotFound,
    /// No answer, or an answer other than success and not-found: the data
    /// path asked for. (The libraries' own messages are not kept: the reader
    /// is told what to do, and their formatting would cost the wasm.)
    Network(String),
    /// An answer that is not the data expected: the data path asked for.
    Malformed(String),
}

pub type Fetched<T> = Result<T, FetchError>;

pub async fn fetch_json<T: DeserializeOwned>(path: &str) -> Fetched<T> {
    let response = fetch(path).await?;
    let text = response.text().await.map_err(|_| FetchError::Network(path.into()))?;
    serde_json::from_str(&text).map_err(|_| FetchError::Malformed(path.into()))
}

/// A postcard file of the search index.
pub async fn fetch_postcard<T: DeserializeOwned>(path: &str) -> Fetched<T> {
    let response = fetch(path).await?;
    let bytes = response.binary().await.map_err(|_| FetchError::Network(path.into()))?;
    postcard::from_bytes(&bytes).map_err(|_| FetchError::Malformed(path.into()))
}

async fn fetch(path: &str) -> Fetched<gloo_net::http::Response> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    // The request is abandoned when its reactive owner (the page) is dropped.
    let controller = SendWrapper::new(controller);
    on_cleanup(move || {
        if let Some(controller) = controller.take() {
            controller.abort();
        }
    });
    let response =
        Request::get(path).abort_signal(signal.as_ref()).send().await.map_err(|_| FetchError::Network(path.into()))?;
    match response.status() {
        // The app fetches data, never a page: an HTML answer is the host's
        // own page for an address it has no file for (trunk serve and
        // single-page-app hosts answer 200 with index.html).
        200..=299 if response.headers().get("content-type").is_some_and(|kind| kind.starts_with("text/html")) => {
            Err(FetchError::NotFound)
        }
        200..=299 => Ok(response),
        404 | 410 => Err(FetchError::NotFound),
        _ => Err(FetchError::Network(path.into())),
    }
}

pub async fn site() -> Fetched<SiteData> {
    fetch_json(&paths::site()).await
}

/// A listing page — a category's, "Tin mới"'s, the sidebar's, the articles
/// saved for offline reading — at the data path `path` gives (`None`: a page
/// that cannot exist). One resource type for every listing, so the wasm
/// carries its machinery once.
pub fn listing(path: Signal<Option<String>>) -> LocalResource<Fetched<ListingPage>> {
    LocalResource::new(move || {
        let path = path.get();
        async move {
            match path {
                Some(path) => fetch_json(&path).await,
                None => Err(FetchError::NotFound),
            }
        }
    })
}

/// A category's page `page`, if the category's slug could exist.
pub fn category_page(slug: &str, page: Option<u32>) -> Option<String> {
    model::is_valid_slug(slug).then_some(page).flatten().map(|page| paths::category_page(slug, page))
}

pub async fn home() -> Fetched<HomePage> {
    fetch_json(&paths::home()).await
}

/// An article or one of the office's pages. The two routes share this one
/// resource type, so the wasm carries Leptos's resource machinery once for
/// both (a resource type of its own costs ~13 KB raw, 3 KB brotli).
#[derive(Clone, Debug, PartialEq)]
pub enum Document {
    Article(Box<Article>),
    /// Drawn by the press (`press::html::page_fragment`).
    Page(model::Fragment),
}

/// What a [`document`] resource fetches.
#[derive(Clone, Debug, PartialEq)]
pub enum DocumentAddress {
    /// An article by its slug.
    Article(String),
    /// One of the office's pages by its address ("/lien-he"), with the
    /// document number the reader typed, if the address looks one up.
    Page { address: String, number: Option<String> },
}

/// The article or office page at `address`: one resource (one future type)
/// for both routes, as [`listing`] is for every listing.
pub fn document(address: Signal<DocumentAddress>) -> LocalResource<Fetched<Document>> {
    LocalResource::new(move || {
        let address = address.get();
        async move {
            match address {
                DocumentAddress::Article(slug) => article(slug).await,
                DocumentAddress::Page { address, number } => page(address, number).await,
            }
        }
    })
}

/// One of the office's own pages at `address`, the canonical form
/// (`model::paths::page_address`) of its path and query. The schedule's
/// days carry `data-date`; today's is marked `aria-current="date"` here,
/// where the reader's clock is known. A document number looked up is
/// written back into the number box, and one no document has gets the
/// press's page saying so.
async fn page(address: String, number: Option<String>) -> Fetched<Document> {
    let path = address.split('?').next().unwrap_or_default();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    if segments.len() > 2 || !segments.iter().all(|segment| model::is_valid_slug(segment)) {
        return Err(FetchError::NotFound);
    }
    let mut fragment = match (fragment(&address).await, &number) {
        (Err(FetchError::NotFound), Some(_)) => fragment(paths::UNKNOWN_NUMBER).await?,
        (fragment, _) => fragment?,
    };
    if let Some(number) = number {
        let number = views::picture::attribute(&number);
        fragment.html = fragment
            .html
            .replace(paths::NUMBER_BOX, &format!("name=\"so\" value=\"{number}\""))
            .replace(paths::TYPED_NUMBER, &number);
    }
    let today = format!("data-date=\"{}\"", today());
    fragment.html = fragment.html.replace(&today, &format!("{today} aria-current=\"date\""));
    Ok(Document::Page(fragment))
}

/// The press's drawing of the office page at `address`.
async fn fragment(address: &str) -> Fetched<model::Fragment> {
    let path = paths::page_fragment(address);
    let text = fetch(&path).await?.text().await.map_err(|_| FetchError::Network(path.clone()))?;
    parse_fragment(&text).ok_or(FetchError::Malformed(path))
}

/// A [`model::Fragment`] read with the browser's own JSON parser: a serde
/// reader of its own would cost the wasm more than the whole fix it came
/// with (tests/components.rs holds it to what the press writes).
pub fn parse_fragment(json: &str) -> Option<model::Fragment> {
    let value = js_sys::JSON::parse(json).ok()?;
    let field = |name: &str| js_sys::Reflect::get(&value, &name.into()).ok()?.as_string();
    let [title, html] = model::Fragment::FIELDS;
    Some(model::Fragment { title: field(title)?, html: field(html)? })
}

/// Today in Vietnam, by the reader's clock.
pub fn today() -> model::Day {
    model::Day::in_vietnam(js_sys::Date::now())
}

async fn article(slug: String) -> Fetched<Document> {
    // A slug that could never have been published is not worth a request.
    if !model::is_valid_slug(&slug) {
        return Err(FetchError::NotFound);
    }
    fetch_json(&paths::article(&slug)).await.map(|article| Document::Article(Box::new(article)))
}
