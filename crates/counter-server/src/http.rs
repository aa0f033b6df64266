//! The HTTP contract (`counter::api`): hits and figures, ratings, comments
//! and questions, the staff's reads and deletions, JSON errors.

use std::hash::{BuildHasher, Hasher};
use std::net::SocketAddr;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use counter::api::{self, HitRequest, RatingRequest, Report, Route};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::reader::Reader;
use crate::writer::{Reading, Writer};

#[derive(Clone)]
struct App {
    writer: Writer,
    /// The staff's figures, beside the writer.
    reader: Reader,
    /// The staff's requests per address this minute (wrong tokens included).
    staff_rates: std::sync::Arc<std::sync::Mutex<counter::RateWindows>>,
    /// Keys the address hash; random per process, never stored.
    address_hasher: std::collections::hash_map::RandomState,
    behind_proxy: bool,
    /// Bearer token for `GET /v1/ratings.csv`; without one the export is only
    /// `portal-counter ratings --csv` on the server itself.
    staff_token: Option<String>,
    /// Origins whose pages may send comments and questions; the first is
    /// the portal the lookup form sends readers back to.
    origins: std::sync::Arc<Vec<String>>,
}

pub fn router(
    writer: Writer,
    reader: Reader,
    allow_origins: &[String],
    behind_proxy: bool,
    staff_token: Option<String>,
) -> Router {
    let origins: Vec<HeaderValue> = allow_origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()).collect();
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST, Method::DELETE])
        .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION])
        .max_age(std::time::Duration::from_secs(86_400));
    let app = App {
        writer,
        reader,
        staff_rates: Default::default(),
        address_hasher: Default::default(),
        behind_proxy,
        staff_token,
        origins: std::sync::Arc::new(allow_origins.to_vec()),
    };
    Router::new()
        .route("/v1/hit", post(hit))
        .route("/v1/stats", get(stats))
        .route("/v1/rating", post(rating))
        .route("/v1/ratings", get(ratings))
        .route("/v1/ratings.csv", get(ratings_csv))
        .route("/v1/comments", post(comment))
        .route("/v1/questions", post(question).get(lookup))
        .route("/v1/questions/{code}", get(question_status))
        .route("/v1/staff/comments", get(|a, p, h, q| staff_comments(a, p, h, q, false)))
        .route("/v1/staff/comments.csv", get(|a, p, h, q| staff_comments(a, p, h, q, true)))
        .route("/v1/staff/questions", get(|a, p, h| staff_questions(a, p, h, false)))
        .route("/v1/staff/questions.csv", get(|a, p, h| staff_questions(a, p, h, true)))
        .route("/v1/staff/stats", get(|a, p, h, q| staff_report(a, p, h, q, Report::Traffic, false)))
        .route("/v1/staff/stats.csv", get(|a, p, h, q| staff_report(a, p, h, q, Report::Traffic, true)))
        .route("/v1/staff/pages", get(|a, p, h, q| staff_report(a, p, h, q, Report::Pages, false)))
        .route("/v1/staff/pages.csv", get(|a, p, h, q| staff_report(a, p, h, q, Report::Pages, true)))
        .route("/v1/staff/ratings", get(|a, p, h, q| staff_report(a, p, h, q, Report::Ratings, false)))
        .route("/v1/staff/ratings.csv", get(|a, p, h, q| staff_report(a, p, h, q, Report::Ratings, true)))
        .route("/v1/staff/comments/{id}", delete(delete_comment))
        .route("/v1/staff/questions/{code}", delete(delete_question))
        .route("/healthz", get(|| async { respond(api::health()) }))
        .method_not_allowed_fallback(|| async { respond(api::not_routed(Route::MethodNotAllowed)) })
        .fallback(|| async { respond(api::not_routed(Route::NotFound)) })
        .layer(cors)
        .layer(tower_http::compression::CompressionLayer::new())
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
    match app.writer.read(move |db, _| counter::ratings::summary(db, &path).map(Reading::Summary)).await {
        Ok(Reading::Summary(summary)) => api::rating_summary(summary),
        Ok(_) => api::error(500, "unexpected reading"),
        Err(reason) => api::error(503, &reason),
    }
}

async fn ratings(State(app): State<App>, RawQuery(query): RawQuery) -> Response {
    let path = query.as_deref().and_then(api::path_param);
    respond(
        match app.writer.read(move |db, _| counter::ratings::monthly(db, path.as_deref()).map(Reading::Monthly)).await {
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
    match app.writer.read(|db, _| counter::ratings::export_csv(db).map(Reading::Csv)).await {
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

fn header(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

async fn comment(
    State(app): State<App>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let sent = api::Sent::of(header(&headers, header::CONTENT_TYPE));
    let origin = match api::check_origin(header(&headers, header::ORIGIN), &app.origins, sent) {
        Ok(origin) => origin,
        Err(reply) => return respond(reply),
    };
    let (comment, sent) = match api::read_comment(&body, header(&headers, header::CONTENT_TYPE)) {
        Ok(read) => read,
        Err(reply) => return respond(reply),
    };
    let path = comment.path.clone();
    respond(match app.writer.comment(comment, app.address_key(peer, &headers)).await {
        Ok(submitted) => api::submitted(submitted, sent, &origin, Some(&path)),
        Err(reason) => sent.refusal(503, &reason),
    })
}

async fn question(
    State(app): State<App>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let sent = api::Sent::of(header(&headers, header::CONTENT_TYPE));
    let origin = match api::check_origin(header(&headers, header::ORIGIN), &app.origins, sent) {
        Ok(origin) => origin,
        Err(reply) => return respond(reply),
    };
    let (question, sent) = match api::read_question(&body, header(&headers, header::CONTENT_TYPE)) {
        Ok(read) => read,
        Err(reply) => return respond(reply),
    };
    respond(match app.writer.question(question, app.address_key(peer, &headers)).await {
        Ok(submitted) => api::submitted(submitted, sent, &origin, None),
        Err(reason) => sent.refusal(503, &reason),
    })
}

async fn status_of(app: &App, code: String) -> Result<Option<model::submissions::QuestionStatus>, api::Reply> {
    match app
        .writer
        .read(move |db, published| counter::submissions::question_status(db, &code, published).map(Reading::Status))
        .await
    {
        Ok(Reading::Status(status)) => Ok(status),
        Ok(_) => Err(api::error(500, "unexpected reading")),
        Err(reason) => Err(api::error(503, &reason)),
    }
}

async fn question_status(State(app): State<App>, Path(code): Path<String>) -> Response {
    respond(status_of(&app, code).await.map_or_else(|reply| reply, api::question_status))
}

/// The portal's lookup form (`GET /v1/questions?ma=CODE`): 303 to the answer or the portal's page.
async fn lookup(State(app): State<App>, RawQuery(query): RawQuery) -> Response {
    let code = query.as_deref().and_then(|q| api::query_param(q, "ma")).unwrap_or_default();
    let site = app.origins.first().map(String::as_str);
    respond(match status_of(&app, code.clone()).await {
        Ok(status) => api::lookup(status, &code, site),
        Err(reply) => reply,
    })
}

fn download(reply: api::Reply, name: &str) -> Response {
    let mut response = respond(reply);
    if response.status() == StatusCode::OK
        && let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
    {
        response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

async fn staff_comments(
    State(app): State<App>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    csv: bool,
) -> Response {
    if let Err(reply) = staff_gate(&app, peer, &headers) {
        return respond(reply);
    }
    let path = query.as_deref().and_then(api::path_param);
    let reply = match app
        .writer
        .read(move |db, _| counter::submissions::comments(db, path.as_deref()).map(Reading::Comments))
        .await
    {
        Ok(Reading::Comments(comments)) => api::comments(&comments, csv),
        Ok(_) => api::error(500, "unexpected reading"),
        Err(reason) => api::error(503, &reason),
    };
    download(reply, api::export_name(&Route::StaffComments { csv }))
}

async fn staff_questions(
    State(app): State<App>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    csv: bool,
) -> Response {
    if let Err(reply) = staff_gate(&app, peer, &headers) {
        return respond(reply);
    }
    let reply = match app
        .writer
        .read(|db, published| counter::submissions::questions(db, published).map(Reading::Questions))
        .await
    {
        Ok(Reading::Questions(questions)) => api::questions(&questions, csv),
        Ok(_) => api::error(500, "unexpected reading"),
        Err(reason) => api::error(503, &reason),
    };
    if csv { download(reply, api::export_name(&Route::StaffQuestions { csv })) } else { respond(reply) }
}

/// Every staff request goes through `api::staff_gate` (the address's minute, then the token).
fn staff_gate(app: &App, peer: SocketAddr, headers: &HeaderMap) -> Result<(), api::Reply> {
    let address = app.address_key(peer, headers);
    let mut rates = app.staff_rates.lock().map_err(|_| api::error(503, "the staff's rate windows are poisoned"))?;
    let authorization = header(headers, header::AUTHORIZATION);
    api::staff_gate(&mut rates, &address, crate::writer::now_ms(), authorization, app.staff_token.as_deref())
}

/// The dashboard's figures: capped per address (wrong tokens too), then the token, then the query.
async fn staff_report(
    State(app): State<App>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    report: Report,
    csv: bool,
) -> Response {
    let query = query.unwrap_or_default();
    let now = crate::writer::now_ms();
    let reply = match staff_gate(&app, peer, &headers) {
        Err(refused) => refused,
        Ok(()) => app
            .reader
            .read(move |db, config| api::staff_report(db, report, csv, &query, now, config))
            .await
            .unwrap_or_else(|reason| api::error(503, &reason)),
    };
    if csv { download(reply, api::export_name(&Route::StaffReport { report, csv })) } else { respond(reply) }
}

async fn delete_comment(
    State(app): State<App>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if let Err(reply) = staff_gate(&app, peer, &headers) {
        return respond(reply);
    }
    let what = id.clone();
    respond(
        match app.writer.read(move |db, _| counter::submissions::delete_comment(db, &id).map(Reading::Deleted)).await {
            Ok(Reading::Deleted(found)) => api::deleted(found, &what),
            Ok(_) => api::error(500, "unexpected reading"),
            Err(reason) => api::error(503, &reason),
        },
    )
}

async fn delete_question(
    State(app): State<App>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(code): Path<String>,
) -> Response {
    if let Err(reply) = staff_gate(&app, peer, &headers) {
        return respond(reply);
    }
    let what = code.clone();
    respond(
        match app.writer.read(move |db, _| counter::submissions::delete_question(db, &code).map(Reading::Deleted)).await
        {
            Ok(Reading::Deleted(found)) => api::deleted(found, &what),
            Ok(_) => api::error(500, "unexpected reading"),
            Err(reason) => api::error(503, &reason),
        },
    )
}

async fn stats(State(app): State<App>) -> Response {
    respond(match app.writer.stats(None).await {
        Ok(stats) => api::stats(stats.stats()),
        Err(reason) => api::error(503, &reason),
    })
}

fn respond(reply: api::Reply) -> Response {
    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, [(header::CONTENT_TYPE, reply.content_type)], reply.body).into_response();
    if let Some(seconds) = reply.retry_after {
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    if let Some(location) = reply.location.and_then(|l| HeaderValue::from_str(&l).ok()) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}
