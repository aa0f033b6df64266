//! The app's side of the visitor counter: one hit per page view, sent to the
//! `counter_endpoint` of site.json, whose answer feeds "Thống kê truy cập"
//! and an article's "Lượt xem"; and an article's satisfaction rating, sent
//! when the reader chooses. A missing, slow or failing counter only shows
//! "—" (and no rating block): nothing else on the page waits for it.

use gloo_net::http::Request;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use model::stats::{Hit, HitStats, Rating};
use views::counter::VisitorFigures;
use views::rating::{RatingControl, RatingState};

const VISITOR_KEY: &str = "portal-visitor-id";
/// localStorage key of the reader's rating of a page (followed by its path).
const RATING_KEY: &str = "portal-rating:";
const TIMEOUT_MS: u32 = 3_000;
/// Attempts per page view; every attempt carries the same hit id.
const ATTEMPTS: u32 = 3;

/// Starts counting page views for this app; call once inside the router.
pub fn provide_visitor_counter(endpoint: Option<String>) {
    // What the widget and the article's "Lượt xem" show.
    let counter = VisitorFigures::new();
    provide_context(counter);
    let Some(endpoint) = endpoint.filter(|e| !e.trim().is_empty()) else { return };
    let base = endpoint.trim_end_matches('/').to_string();
    let url = format!("{base}/v1/hit");
    let location = use_location();
    let visitor = visitor_id();
    provide_context(CounterClient { base, visitor: visitor.clone() });
    // One hit per page view: every change of URL, client-side navigations included.
    Effect::new(move |_| {
        let path = location.pathname.get();
        location.search.track();
        let hit = Hit { visitor: visitor.clone(), hit: random_id(), path: path.clone() };
        let url = url.clone();
        leptos::task::spawn_local(async move {
            let answer = send_hit(&url, &hit).await;
            // A slower answer for an earlier page must not overwrite this one.
            if location.pathname.get_untracked() == path {
                counter.path.set(path);
                counter.stats.set(answer);
            }
        });
    });
}

/// Where the counter is and who this reader is, for requests other than hits.
#[derive(Clone)]
struct CounterClient {
    base: String,
    visitor: String,
}

/// "Đánh giá mức độ hài lòng" for the page at `path`: shown once the counter
/// has answered for the page, remembering the reader's choice in localStorage.
pub fn provide_rating(path: String) {
    let figures = use_context::<VisitorFigures>();
    let client = use_context::<CounterClient>();
    let storage = window().local_storage().ok().flatten();
    let key = format!("{RATING_KEY}{path}");
    let remembered = storage
        .as_ref()
        .and_then(|s| s.get_item(&key).ok().flatten())
        .and_then(|v| v.parse::<u8>().ok())
        .filter(|v| (1..=5).contains(v));
    let chosen = RwSignal::new(remembered);
    let state = RwSignal::new(RatingState::Idle);
    let available = {
        let path = path.clone();
        let has_client = client.is_some();
        Signal::derive(move || has_client && figures.is_some_and(|f| f.views_of(&path).is_some()))
    };
    let rate = Callback::new(move |score: u8| {
        let Some(client) = client.clone() else { return };
        let (path, key, storage) = (path.clone(), key.clone(), storage.clone());
        chosen.set(Some(score));
        state.set(RatingState::Sending);
        leptos::task::spawn_local(async move {
            let rating = Rating { visitor: client.visitor, path, score, comment: None };
            let sent = send_rating(&format!("{}/v1/rating", client.base), &rating).await;
            if sent && let Some(storage) = storage {
                let _ = storage.set_item(&key, &score.to_string());
            }
            state.set(if sent { RatingState::Thanked } else { RatingState::Failed });
        });
    });
    provide_context(RatingControl { available, chosen, state, rate });
}

async fn send_rating(url: &str, rating: &Rating) -> bool {
    let Some(body) = crate::api::to_json(rating) else { return false };
    let signal = web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS);
    let Ok(request) = Request::post(url).abort_signal(Some(&signal)).body(body) else { return false };
    request.send().await.is_ok_and(|response| response.ok())
}

async fn send_hit(url: &str, hit: &Hit) -> Option<HitStats> {
    let body = crate::api::to_json(hit)?;
    for attempt in 1..=ATTEMPTS {
        let signal = web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS);
        // A string body goes as text/plain: a "simple" request, no CORS preflight.
        let request = Request::post(url).abort_signal(Some(&signal)).body(body.clone()).ok()?;
        match request.send().await {
            Ok(response) if response.ok() => return crate::api::from_json(&response.text().await.ok()?),
            // Refused (bad request, rate cap): retrying the same hit will not help.
            Ok(response) if response.status() < 500 => return None,
            _ if attempt < ATTEMPTS => sleep(500 * attempt).await,
            _ => {}
        }
    }
    None
}

/// Resolves after `ms` milliseconds.
pub(crate) async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// 32 random hex digits from the browser's cryptographic generator.
fn random_id() -> String {
    let mut bytes = [0u8; 16];
    let crypto = window().crypto().ok();
    if let Some(crypto) = crypto {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    if bytes == [0; 16] {
        // No crypto: fall back to Math.random, still 16 bytes.
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The visitor's id, kept in localStorage (no cookie); a fresh one per page
/// load where storage is unavailable.
fn visitor_id() -> String {
    let storage = window().local_storage().ok().flatten();
    if let Some(storage) = &storage
        && let Ok(Some(id)) = storage.get_item(VISITOR_KEY)
        && model::stats::is_valid_id(&id)
    {
        return id;
    }
    let id = random_id();
    if let Some(storage) = storage {
        let _ = storage.set_item(VISITOR_KEY, &id);
    }
    id
}
