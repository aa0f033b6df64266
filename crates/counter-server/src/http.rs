//! The HTTP contract: `POST /v1/hit`, `GET /v1/stats`, `GET /healthz`, JSON errors.

use std::hash::{BuildHasher, Hasher};
use std::net::SocketAddr;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use counter::api::{self, HitRequest, RatingRequest, Route};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::writer::{Reading, Writer};

#[derive(Clone)]
struct App {
    writer: Writer,
    /// Keys the address hash; random per process, never stored.
    address_hasher: std::collections::hash_map::RandomState,
    behind_proxy: bool,
    /// Bearer token for `GET /v1/ratings.csv`; without one the export is only
    /// `portal-counter ratings --csv` on the server itself.
    staff_token: Option<String>,
}

pub fn router(writer: Writer, allow_origins: &[String], behind_proxy: bool, staff_token: Option<String>) -> Router {
    let origins: Vec<HeaderValue> = allow_origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()).collect();
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION])
        .max_age(std::time::Duration::from_secs(86_400));
    let app = App { writer, address_hasher: Default::default(), behind_proxy, staff_token };
    Router::new()
        .route("/v1/hit", post(hit))
        .route("/v1/stats", get(stats))
        .route("/v1/rating", post(rating))
        .route("/v1/ratings", get(ratings))
        .route("/v1/ratings.csv", get(ratings_csv))
        .route("/healthz", get(|| async { respond(api::health()) }))
        .method_not_allowed_fallback(|| async { respond(api::not_routed(Route::MethodNotAllowed)) })
        .fallback(|| async { respond(api::not_routed(Route::NotFound)) })
        .layer(cors)
        .with_state(app)
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
        let mut hasher = self.address_hasher.build_hasher();
        hasher.write(address.as_bytes());
        format!("{:016x}", hasher.finish())
    }
}

fn user_agent(headers: &HeaderMap) -> &str {
    headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("")
}

async fn hit(
    State(app): State<App>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let user_agent = user_agent(&headers);
    let reply = match api::read_hit(&body, user_agent) {
        Err(reply) => reply,
        // Bots see the figures but are not counted.
        Ok(HitRequest::Bot(hit)) => match app.writer.stats(Some(hit.path)).await {
            Ok(stats) => api::hit_stats(stats),
            Err(reason) => api::error(503, &reason),
        },
        Ok(HitRequest::Count(hit)) => match app.writer.hit(hit, app.address_key(peer, &headers)).await {
            Ok(outcome) => api::outcome(outcome),
            Err(reason) => api::error(503, &reason),
        },
    };
    respond(reply)
}

async fn rating(
    State(app): State<App>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let user_agent = user_agent(&headers);
    let reply = match api::read_rating(&body, user_agent) {
        Err(reply) => reply,
        // Bots see the page's summary; nothing is stored.
        Ok(RatingRequest::Bot(rating)) => summary(&app, rating.path).await,
        Ok(RatingRequest::Store(rating)) => match app.writer.rate(rating, app.address_key(peer, &headers)).await {
            Ok(rated) => api::rated(rated),
            Err(reason) => api::error(503, &reason),
        },
    };
    respond(reply)
}

async fn summary(app: &App, path: String) -> api::Reply {
    match app.writer.read(move |db| counter::ratings::summary(db, &path).map(Reading::Summary)).await {
        Ok(Reading::Summary(summary)) => api::rating_summary(summary),
        Ok(_) => api::error(500, "unexpected reading"),
        Err(reason) => api::error(503, &reason),
    }
}

async fn ratings(State(app): State<App>, RawQuery(query): RawQuery) -> Response {
    let path = query.as_deref().and_then(api::path_param);
    respond(
        match app.writer.read(move |db| counter::ratings::monthly(db, path.as_deref()).map(Reading::Monthly)).await {
            Ok(Reading::Monthly(months)) => api::monthly(&months),
            Ok(_) => api::error(500, "unexpected reading"),
            Err(reason) => api::error(503, &reason),
        },
    )
}

async fn ratings_csv(State(app): State<App>, headers: HeaderMap) -> Response {
    let authorization = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok());
    if !api::is_staff(authorization, app.staff_token.as_deref()) {
        return respond(api::error(401, "the export needs the staff token: Authorization: Bearer …"));
    }
    match app.writer.read(|db| counter::ratings::export_csv(db).map(Reading::Csv)).await {
        Ok(Reading::Csv(text)) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"danh-gia.csv\""),
            ],
            text,
        )
            .into_response(),
        Ok(_) => respond(api::error(500, "unexpected reading")),
        Err(reason) => respond(api::error(503, &reason)),
    }
}

async fn stats(State(app): State<App>) -> Response {
    respond(match app.writer.stats(None).await {
        Ok(stats) => api::stats(stats.stats()),
        Err(reason) => api::error(503, &reason),
    })
}

fn respond(reply: api::Reply) -> Response {
    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, [(header::CONTENT_TYPE, "application/json")], reply.body).into_response();
    if let Some(seconds) = reply.retry_after {
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}
