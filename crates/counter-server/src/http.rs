//! The HTTP contract: `POST /v1/hit`, `GET /v1/stats`, `GET /healthz`, JSON errors.

use std::hash::{BuildHasher, Hasher};
use std::net::SocketAddr;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use counter::Outcome;
use model::stats::{Hit, MAX_HIT_BODY, check_hit};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::writer::Writer;

#[derive(Clone)]
struct App {
    writer: Writer,
    /// Keys the address hash; random per process, never stored.
    address_key: std::collections::hash_map::RandomState,
    behind_proxy: bool,
}

pub fn router(writer: Writer, allow_origins: &[String], behind_proxy: bool) -> Router {
    let origins: Vec<HeaderValue> = allow_origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()).collect();
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::CONTENT_TYPE])
        .max_age(std::time::Duration::from_secs(86_400));
    let app = App { writer, address_key: Default::default(), behind_proxy };
    Router::new()
        .route("/v1/hit", post(hit))
        .route("/v1/stats", get(stats))
        .route("/healthz", get(|| async { "ok" }))
        .method_not_allowed_fallback(|| async { error(StatusCode::METHOD_NOT_ALLOWED, "method not allowed on this path") })
        .fallback(|| async { error(StatusCode::NOT_FOUND, "no such route: use POST /v1/hit or GET /v1/stats") })
        .layer(cors)
        .with_state(app)
}

fn error(status: StatusCode, reason: &str) -> Response {
    (status, Json(serde_json::json!({ "error": reason }))).into_response()
}

impl App {
    /// A keyed hash of the client address: enough to cap one address, useless to
    /// recover it (the key lives only in this process's memory).
    fn address_key(&self, peer: SocketAddr, headers: &HeaderMap) -> String {
        let forwarded = self
            .behind_proxy
            .then(|| headers.get("x-forwarded-for")?.to_str().ok()?.rsplit(',').next().map(|s| s.trim().to_string()))
            .flatten();
        let address = forwarded.unwrap_or_else(|| peer.ip().to_string());
        let mut hasher = self.address_key.build_hasher();
        hasher.write(address.as_bytes());
        format!("{:016x}", hasher.finish())
    }
}

async fn hit(
    State(app): State<App>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if body.len() > MAX_HIT_BODY {
        return error(StatusCode::PAYLOAD_TOO_LARGE, &format!("the body is over {MAX_HIT_BODY} bytes"));
    }
    let hit: Hit = match serde_json::from_slice(&body) {
        Ok(hit) => hit,
        Err(e) => return error(StatusCode::BAD_REQUEST, &format!("the body is not a hit: {e}")),
    };
    if let Err(reason) = check_hit(&hit) {
        return error(StatusCode::BAD_REQUEST, &reason);
    }
    let user_agent = headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("");
    if counter::is_bot(user_agent) {
        // Bots see the figures but are not counted.
        return match app.writer.stats(Some(hit.path)).await {
            Ok(stats) => Json(stats).into_response(),
            Err(reason) => error(StatusCode::SERVICE_UNAVAILABLE, &reason),
        };
    }
    let address = app.address_key(peer, &headers);
    match app.writer.hit(hit, address).await {
        Ok(Outcome::Counted(stats) | Outcome::Duplicate(stats)) => Json(stats).into_response(),
        Ok(Outcome::RateLimited { retry_after_secs }) => {
            let mut response = error(StatusCode::TOO_MANY_REQUESTS, "too many new visitors from this address; retry later");
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
            response
        }
        Err(reason) => error(StatusCode::SERVICE_UNAVAILABLE, &reason),
    }
}

async fn stats(State(app): State<App>) -> Response {
    match app.writer.stats(None).await {
        Ok(stats) => Json(stats.stats()).into_response(),
        Err(reason) => error(StatusCode::SERVICE_UNAVAILABLE, &reason),
    }
}
