//! Fetching the published JSON. Every page loads through [`fetch_json`], which
//! sorts failures into what the reader is told (not found / network / bad data)
//! and aborts the request when the page that asked for it goes away.

use gloo_net::http::Request;
use leptos::prelude::{Get, LocalResource, Signal, on_cleanup};
use model::{Article, HomePage, ListingPage, SiteData, paths};
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;

use crate::search::SearchPage;

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

/// Read with the browser's own JSON parser and `serde-wasm-bindgen`: a JSON
/// reader in the wasm (serde_json) cost it more (docs/benchmarks.md).
pub async fn fetch_json<T: DeserializeOwned>(path: &str) -> Fetched<T> {
    let response = fetch(path).await?;
    let text = response.text().await.map_err(|_| FetchError::Network(path.into()))?;
    from_json(&text).ok_or_else(|| FetchError::Malformed(path.into()))
}

/// `T` from JSON text, through the browser's parser.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_wasm_bindgen::from_value(js_sys::JSON::parse(text).ok()?).ok()
}

/// `value` as JSON text, through the browser's serialiser.
pub fn to_json<T: serde::Serialize>(value: &T) -> Option<String> {
    let value = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).ok()?;
    js_sys::JSON::stringify(&value).ok().map(String::from)
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

/// What a page asks for. Every fetch of the app goes through one resource
/// of this address ([`resource`]), so the wasm carries Leptos's resource
/// machinery and the loading states once (a resource type of its own cost
/// ~13 KB raw, 3 KB brotli: docs/benchmarks.md).
#[derive(Clone, Debug, PartialEq)]
pub enum Address {
    /// site.json.
    Site,
    /// The home page's data.
    Home,
    /// A listing page — a category's, "Tin mới"'s, the sidebar's, the
    /// articles saved for offline reading — at its data path (`None`: a
    /// page that cannot exist).
    Listing(Option<String>),
    /// An article by its slug.
    Article(String),
    /// One of the office's pages by its address ("/lien-he"), with the
    /// document number the reader typed, if the address looks one up.
    Page { address: String, number: Option<String> },
    /// A search's results page: the query as typed, and the page asked for
    /// (`None`: a page that cannot exist).
    Search { raw: String, page: Option<u32> },
}

/// What an [`Address`] gives.
#[derive(Clone, Debug, PartialEq)]
pub enum Data {
    Site(Box<SiteData>),
    Home(Box<HomePage>),
    Listing(Box<ListingPage>),
    Article(Box<Article>),
    /// Drawn by the press (`press::html::page_fragment`).
    Page(model::Fragment),
    /// `None` for an empty query (the prompt); else the query as typed and
    /// its results.
    Search(Option<Box<(String, SearchPage)>>),
}

/// The one resource type of the app: what `address` asks for, fetched again
/// whenever it changes.
pub type Resource = LocalResource<Fetched<Data>>;

pub fn resource(address: Signal<Address>) -> Resource {
    LocalResource::new(move || load(address.get()))
}

/// A resource of an address that never changes.
pub fn resource_of(address: Address) -> Resource {
    resource(Signal::stored(address))
}

async fn load(address: Address) -> Fetched<Data> {
    Ok(match address {
        Address::Site => Data::Site(Box::new(fetch_json(&paths::site()).await?)),
        Address::Home => Data::Home(Box::new(fetch_json(&paths::home()).await?)),
        Address::Listing(Some(path)) => Data::Listing(Box::new(fetch_json(&path).await?)),
        Address::Listing(None) => return Err(FetchError::NotFound),
        // A slug that could never have been published is not worth a request.
        Address::Article(slug) if !model::is_valid_slug(&slug) => return Err(FetchError::NotFound),
        Address::Article(slug) => Data::Article(Box::new(fetch_json(&paths::article(&slug)).await?)),
        Address::Page { address, number } => Data::Page(page(address, number).await?),
        Address::Search { page: None, .. } => return Err(FetchError::NotFound),
        Address::Search { raw, page: Some(page) } => {
            let query = model::search::Query::parse(&raw);
            if query.is_empty() {
                Data::Search(None)
            } else {
                let found = crate::search::search(query, page).await?;
                Data::Search(Some(Box::new((raw, found))))
            }
        }
    })
}

/// A category's page `page`, if the category's slug could exist.
pub fn category_page(slug: &str, page: Option<u32>) -> Option<String> {
    model::is_valid_slug(slug).then_some(page).flatten().map(|page| paths::category_page(slug, page))
}

/// One of the office's own pages at `address`, the canonical form
/// (`model::paths::page_address`) of its path and query. The schedule's
/// days carry `data-date`; today's is marked `aria-current="date"` here,
/// where the reader's clock is known. A document number looked up is
/// written back into the number box, and one no document has gets the
/// press's page saying so.
async fn page(address: String, number: Option<String>) -> Fetched<model::Fragment> {
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
    Ok(fragment)
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
