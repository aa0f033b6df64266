//! The HTTP contract as plain data — status, JSON body, Retry-After — so the
//! self-hosted server and the Worker answer every request alike.

use model::stats::{
    Hit, HitStats, MAX_HIT_BODY, MAX_RATING_BODY, Rating, RatingSummary, Stats, check_hit, check_rating,
};

use crate::ratings::{MonthSummary, Rated};
use crate::{Outcome, is_bot};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    /// JSON.
    pub body: String,
    /// Seconds, for 429.
    pub retry_after: Option<u64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Hit,
    Stats,
    Rating,
    Ratings,
    RatingsCsv,
    Health,
    MethodNotAllowed,
    NotFound,
}

pub fn route(method: &str, path: &str) -> Route {
    let expected = match path {
        "/v1/hit" => ("POST", Route::Hit),
        "/v1/stats" => ("GET", Route::Stats),
        "/v1/rating" => ("POST", Route::Rating),
        "/v1/ratings" => ("GET", Route::Ratings),
        "/v1/ratings.csv" => ("GET", Route::RatingsCsv),
        "/healthz" => ("GET", Route::Health),
        _ => return Route::NotFound,
    };
    if method.eq_ignore_ascii_case(expected.0) || (expected.0 == "GET" && method.eq_ignore_ascii_case("HEAD")) {
        expected.1
    } else {
        Route::MethodNotAllowed
    }
}

/// A readable hit, and whether it comes from a bot (answered, not counted).
pub enum HitRequest {
    Count(Hit),
    Bot(Hit),
}

pub fn read_hit(body: &[u8], user_agent: &str) -> Result<HitRequest, Reply> {
    let hit = read_body(body, MAX_HIT_BODY, "a hit", check_hit)?;
    Ok(if is_bot(user_agent) { HitRequest::Bot(hit) } else { HitRequest::Count(hit) })
}

/// A JSON body of at most `limit` bytes that passes `check`, or the 413/400 that says why not.
fn read_body<T: serde::de::DeserializeOwned>(
    body: &[u8],
    limit: usize,
    what: &str,
    check: fn(&T) -> Result<(), String>,
) -> Result<T, Reply> {
    if body.len() > limit {
        return Err(error(413, &format!("the body is over {limit} bytes")));
    }
    let value: T = serde_json::from_slice(body).map_err(|e| error(400, &format!("the body is not {what}: {e}")))?;
    check(&value).map_err(|reason| error(400, &reason))?;
    Ok(value)
}

/// A readable rating, and whether it comes from a bot (answered, not stored).
pub enum RatingRequest {
    Store(Rating),
    Bot(Rating),
}

pub fn read_rating(body: &[u8], user_agent: &str) -> Result<RatingRequest, Reply> {
    let rating = read_body(body, MAX_RATING_BODY, "a rating", check_rating)?;
    Ok(if is_bot(user_agent) { RatingRequest::Bot(rating) } else { RatingRequest::Store(rating) })
}

pub fn rated(rated: Rated) -> Reply {
    match rated {
        Rated::Saved(summary) => rating_summary(summary),
        Rated::UnknownPath => error(400, "`path` is not a page the site publishes"),
        Rated::RateLimited { retry_after_secs } => Reply {
            retry_after: Some(retry_after_secs),
            ..error(429, "too many requests from this visitor or address; retry later")
        },
    }
}

pub fn rating_summary(summary: RatingSummary) -> Reply {
    ok(serde_json::to_string(&summary).expect("plain numbers serialise"))
}

pub fn monthly(months: &[MonthSummary]) -> Reply {
    ok(serde_json::to_string(months).expect("plain data serialises"))
}

/// `?path=…` of a query string, percent-decoded.
pub fn path_param(query: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == "path").then(|| {
            let value = value.replace('+', " ");
            crate::paths::percent_decode(&value).unwrap_or(value)
        })
    })
}

/// Whether an `Authorization` header carries the staff token (never when none is configured).
pub fn is_staff(authorization: Option<&str>, token: Option<&str>) -> bool {
    match (authorization.and_then(|a| a.strip_prefix("Bearer ")), token) {
        (Some(given), Some(token)) if !token.is_empty() => {
            // Compared in full whatever the first difference, so timing tells nothing.
            given.len() == token.len() && given.bytes().zip(token.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
        }
        _ => false,
    }
}

pub fn csv(text: String) -> Reply {
    Reply { status: 200, body: text, retry_after: None }
}

pub fn outcome(outcome: Outcome) -> Reply {
    match outcome {
        Outcome::Counted(stats) | Outcome::Duplicate(stats) => hit_stats(stats),
        Outcome::RateLimited { retry_after_secs } => Reply {
            retry_after: Some(retry_after_secs),
            ..error(429, "too many new visitors from this address; retry later")
        },
    }
}

pub fn hit_stats(stats: HitStats) -> Reply {
    ok(serde_json::to_string(&stats).expect("plain numbers serialise"))
}

pub fn stats(stats: Stats) -> Reply {
    ok(serde_json::to_string(&stats).expect("plain numbers serialise"))
}

pub fn health() -> Reply {
    ok(r#"{"ok":true}"#.to_string())
}

pub fn not_routed(route: Route) -> Reply {
    match route {
        Route::MethodNotAllowed => error(405, "method not allowed on this path"),
        _ => error(404, "no such route: use POST /v1/hit, GET /v1/stats, POST /v1/rating or GET /v1/ratings"),
    }
}

pub fn error(status: u16, reason: &str) -> Reply {
    Reply { status, body: serde_json::json!({ "error": reason }).to_string(), retry_after: None }
}

fn ok(body: String) -> Reply {
    Reply { status: 200, body, retry_after: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes() {
        assert_eq!(route("POST", "/v1/hit"), Route::Hit);
        assert_eq!(route("GET", "/v1/hit"), Route::MethodNotAllowed);
        assert_eq!(route("GET", "/v1/stats"), Route::Stats);
        assert_eq!(route("DELETE", "/v1/stats"), Route::MethodNotAllowed);
        assert_eq!(route("GET", "/healthz"), Route::Health);
        assert_eq!(route("GET", "/v2/hit"), Route::NotFound);
    }

    #[test]
    fn bad_hits_are_refused_with_a_reason() {
        let status = |body: &str| read_hit(body.as_bytes(), "Mozilla/5.0").err().map(|r| r.status);
        assert_eq!(status(r#"{"visitor":"vvvvvvvvvvvvvvvv","hit":"hhhhhhhhhhhhhhhh","path":"/"}"#), None);
        assert_eq!(status("{"), Some(400));
        assert_eq!(status(r#"{"visitor":"vvvvvvvvvvvvvvvv","hit":"hhhhhhhhhhhhhhhh","path":"/","x":1}"#), Some(400));
        assert_eq!(
            status(&format!(
                r#"{{"visitor":"vvvvvvvvvvvvvvvv","hit":"hhhhhhhhhhhhhhhh","path":"/{}"}}"#,
                "a".repeat(1100)
            )),
            Some(413)
        );
        let bot = read_hit(br#"{"visitor":"vvvvvvvvvvvvvvvv","hit":"hhhhhhhhhhhhhhhh","path":"/"}"#, "Googlebot/2.1");
        assert!(matches!(bot, Ok(HitRequest::Bot(_))));
    }
}
