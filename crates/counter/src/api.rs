//! The HTTP contract as plain data — status, JSON body, Retry-After — so the
//! self-hosted server and the Worker answer every request alike.

use model::stats::{
    Hit, HitStats, MAX_HIT_BODY, MAX_RATING_BODY, Rating, RatingSummary, Stats, check_hit, check_rating,
};

use model::submissions::{Comment, MAX_SUBMISSION_BODY, Question, QuestionStatus, check_comment, check_question};

use crate::ratings::{MonthSummary, Rated};
use crate::report;
use crate::submissions::{self, StoredComment, StoredQuestion, Submitted};
use crate::{Outcome, is_bot};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    /// JSON, unless `content_type` says otherwise.
    pub body: String,
    /// Seconds, for 429 and 503.
    pub retry_after: Option<u64>,
    /// For 303: where a plain form's sender goes next.
    pub location: Option<String>,
    pub content_type: &'static str,
}

pub const JSON: &str = "application/json";
pub const CSV: &str = "text/csv; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";

/// What the staff's dashboard reads ([`crate::report`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Report {
    /// `stats?from=&to=`: visits and views per day.
    Traffic,
    /// `pages?from=&to=&kind=`: the most-read pages.
    Pages,
    /// `ratings?month=` (or `from=&to=`): satisfaction.
    Ratings,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Hit,
    Stats,
    Rating,
    Ratings,
    RatingsCsv,
    Health,
    /// `POST /v1/comments`.
    Comment,
    /// `POST /v1/questions`.
    Question,
    /// `GET /v1/questions?ma=CODE`: the portal's lookup form, answered 303.
    QuestionLookup,
    /// `GET /v1/questions/{code}`.
    QuestionStatus(String),
    /// `GET /v1/staff/comments[.csv]`.
    StaffComments {
        csv: bool,
    },
    /// `GET /v1/staff/questions[.csv]`.
    StaffQuestions {
        csv: bool,
    },
    /// `DELETE /v1/staff/comments/{id}`.
    DeleteComment(String),
    /// `DELETE /v1/staff/questions/{code}`.
    DeleteQuestion(String),
    /// `GET /v1/staff/stats|pages|ratings[.csv]`: the dashboard's figures.
    StaffReport {
        report: Report,
        csv: bool,
    },
    MethodNotAllowed,
    NotFound,
}

pub fn route(method: &str, path: &str) -> Route {
    let one_segment = |prefix: &str| path.strip_prefix(prefix).filter(|rest| !rest.is_empty() && !rest.contains('/'));
    let report = |name: &str| match name {
        "stats" => Some(Report::Traffic),
        "pages" => Some(Report::Pages),
        "ratings" => Some(Report::Ratings),
        _ => None,
    };
    let (expected, route) = match path {
        "/v1/hit" => ("POST", Route::Hit),
        "/v1/stats" => ("GET", Route::Stats),
        "/v1/rating" => ("POST", Route::Rating),
        "/v1/ratings" => ("GET", Route::Ratings),
        "/v1/ratings.csv" => ("GET", Route::RatingsCsv),
        "/healthz" => ("GET", Route::Health),
        "/v1/comments" => ("POST", Route::Comment),
        "/v1/questions" if method.eq_ignore_ascii_case("GET") || method.eq_ignore_ascii_case("HEAD") => {
            ("GET", Route::QuestionLookup)
        }
        "/v1/questions" => ("POST", Route::Question),
        "/v1/staff/comments" => ("GET", Route::StaffComments { csv: false }),
        "/v1/staff/comments.csv" => ("GET", Route::StaffComments { csv: true }),
        "/v1/staff/questions" => ("GET", Route::StaffQuestions { csv: false }),
        "/v1/staff/questions.csv" => ("GET", Route::StaffQuestions { csv: true }),
        _ => {
            if let Some(code) = one_segment("/v1/questions/") {
                ("GET", Route::QuestionStatus(code.to_string()))
            } else if let Some(code) = one_segment("/v1/staff/questions/") {
                ("DELETE", Route::DeleteQuestion(code.to_string()))
            } else if let Some(id) = one_segment("/v1/staff/comments/") {
                ("DELETE", Route::DeleteComment(id.to_string()))
            } else if let Some(name) = one_segment("/v1/staff/") {
                let (name, csv) = name.strip_suffix(".csv").map_or((name, false), |name| (name, true));
                match report(name) {
                    Some(report) => ("GET", Route::StaffReport { report, csv }),
                    None => return Route::NotFound,
                }
            } else {
                return Route::NotFound;
            }
        }
    };
    if method.eq_ignore_ascii_case(expected) || (expected == "GET" && method.eq_ignore_ascii_case("HEAD")) {
        route
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
    Reply { content_type: CSV, ..ok(text) }
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
        _ => error(
            404,
            "no such route: use POST /v1/hit, GET /v1/stats, POST /v1/rating, GET /v1/ratings, \
             POST /v1/comments, POST /v1/questions or GET /v1/questions/{code}",
        ),
    }
}

pub fn error(status: u16, reason: &str) -> Reply {
    Reply { status, ..ok(serde_json::json!({ "error": reason }).to_string()) }
}

fn ok(body: String) -> Reply {
    Reply { status: 200, body, retry_after: None, location: None, content_type: JSON }
}

/// How a submission came: JSON from a script, or a plain HTML form (whose
/// sender is answered with a page to go to, and errors as text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sent {
    Json,
    Form,
}

impl Sent {
    pub fn of(content_type: Option<&str>) -> Sent {
        let form = content_type
            .is_some_and(|t| t.trim().to_ascii_lowercase().starts_with("application/x-www-form-urlencoded"));
        if form { Sent::Form } else { Sent::Json }
    }

    /// The reply for a refusal: JSON `{"error"}`, or for a form plain text
    /// the sender reads in the browser.
    pub fn refusal(self, status: u16, reason: &str) -> Reply {
        match self {
            Sent::Json => error(status, reason),
            Sent::Form => Reply {
                status,
                content_type: TEXT,
                ..ok(format!("{reason}\n\nXin quay lại trang trước, sửa rồi gửi lại. Nội dung đã nhập vẫn còn ở đó.\n"))
            },
        }
    }
}

/// A submission comes from the portal's own pages: its `Origin` must be one
/// of the allowed origins (browsers send it with every POST, forms too).
pub fn check_origin(origin: Option<&str>, allowed: &[String], sent: Sent) -> Result<String, Reply> {
    match origin {
        Some(origin) if allowed.iter().any(|a| a == origin) => Ok(origin.to_string()),
        _ => Err(sent.refusal(403, "Chỉ nhận ý kiến gửi từ trang của cổng thông tin (Origin không được phép).")),
    }
}

/// A form's fields as the JSON object the same submission would send:
/// the consent box's `on` is `true`, empty optional fields are left out.
fn form_as_json(body: &[u8]) -> serde_json::Value {
    let mut object = serde_json::Map::new();
    for (key, value) in form_urlencoded::parse(body) {
        let value = match (key.as_ref(), value.as_ref()) {
            ("consent", value) => serde_json::Value::Bool(matches!(value, "on" | "true" | "1")),
            (_, "") => continue,
            (_, value) => value.into(),
        };
        object.insert(key.into_owned(), value);
    }
    object.into()
}

fn read_submission<T: serde::de::DeserializeOwned>(
    body: &[u8],
    content_type: Option<&str>,
    check: fn(&T) -> Result<(), String>,
) -> Result<(T, Sent), Reply> {
    let sent = Sent::of(content_type);
    if body.len() > MAX_SUBMISSION_BODY {
        return Err(sent.refusal(
            413,
            &format!("Nội dung gửi đi dài quá {} byte.", model::format_number(MAX_SUBMISSION_BODY as u64)),
        ));
    }
    let value: Result<T, String> = match sent {
        Sent::Json => serde_json::from_slice(body).map_err(|e| format!("Nội dung gửi đi không đúng dạng JSON: {e}")),
        Sent::Form => {
            serde_json::from_value(form_as_json(body)).map_err(|e| format!("Biểu mẫu thiếu hoặc thừa ô: {e}"))
        }
    };
    let value = value.map_err(|reason| sent.refusal(400, &reason))?;
    check(&value).map_err(|reason| sent.refusal(400, &reason))?;
    Ok((value, sent))
}

pub fn read_comment(body: &[u8], content_type: Option<&str>) -> Result<(Comment, Sent), Reply> {
    read_submission(body, content_type, check_comment)
}

pub fn read_question(body: &[u8], content_type: Option<&str>) -> Result<(Question, Sent), Reply> {
    read_submission(body, content_type, check_question)
}

fn see_other(location: String) -> Reply {
    Reply { status: 303, location: Some(location), content_type: TEXT, ..ok(String::new()) }
}

/// The answer to a stored (or refused) submission. A form's sender goes to
/// the portal's confirmation: the draft's page with `?da-gui=1`, or
/// `/hoi-dap/da-gui?ma=CODE`; a script gets 201 and the receipt.
pub fn submitted(result: Submitted, sent: Sent, origin: &str, comment_path: Option<&str>) -> Reply {
    let retry =
        |status: u16, seconds: u64, reason: &str| Reply { retry_after: Some(seconds), ..sent.refusal(status, reason) };
    match (result, sent) {
        (Submitted::Comment(receipt), Sent::Json) => {
            Reply { status: 201, ..ok(serde_json::to_string(&receipt).expect("plain data serialises")) }
        }
        (Submitted::Question(receipt), Sent::Json) => {
            Reply { status: 201, ..ok(serde_json::to_string(&receipt).expect("plain data serialises")) }
        }
        (Submitted::Comment(_), Sent::Form) => {
            let page = comment_path.and_then(crate::paths::normalize).unwrap_or_else(|| "/du-thao".into());
            see_other(format!("{origin}{page}?da-gui=1#da-gui"))
        }
        (Submitted::Question(receipt), Sent::Form) => see_other(format!("{origin}/hoi-dap/da-gui?ma={}", receipt.code)),
        (Submitted::Refused { status, reason }, _) => sent.refusal(status, &reason),
        (Submitted::RateLimited { retry_after_secs }, _) => {
            retry(429, retry_after_secs, "Địa chỉ mạng này đã gửi nhiều ý kiến trong hôm nay; xin gửi lại sau.")
        }
        (Submitted::Full { retry_after_secs }, _) => retry(
            503,
            retry_after_secs,
            "Hộp thư góp ý đang đầy, chờ cán bộ xử lý; xin gửi lại sau ít giờ. Ý kiến đã nhận không bị mất.",
        ),
    }
}

/// `GET /v1/questions/{code}`: received or answered, nothing personal.
pub fn question_status(status: Option<QuestionStatus>) -> Reply {
    match status {
        Some(status) => ok(serde_json::to_string(&status).expect("plain data serialises")),
        None => error(404, "Không tìm thấy câu hỏi có mã này."),
    }
}

/// `?name=…` of a query string, percent-decoded.
pub fn query_param(query: &str, name: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes()).find(|(key, _)| key == name).map(|(_, value)| value.into_owned())
}

/// The lookup form's answer: to the answer's page, or to the portal's page
/// saying the question is waiting or was not found. `site` is the portal's
/// origin (the first allowed one).
pub fn lookup(status: Option<QuestionStatus>, code: &str, site: Option<&str>) -> Reply {
    let Some(site) = site else { return question_status(status) };
    let code = code.trim().to_ascii_uppercase();
    let typed = form_urlencoded::byte_serialize(code.as_bytes()).collect::<String>();
    match status {
        Some(QuestionStatus { answer_path: Some(path), .. }) => see_other(format!("{site}{path}")),
        Some(_) => see_other(format!("{site}/hoi-dap/da-nhan?ma={typed}")),
        None => see_other(format!("{site}/hoi-dap/khong-tim-thay?ma={typed}")),
    }
}

/// `Ok` with the staff token, the 401 otherwise.
pub fn staff_only(authorization: Option<&str>, token: Option<&str>) -> Result<(), Reply> {
    if is_staff(authorization, token) {
        Ok(())
    } else {
        Err(error(401, "this needs the staff token: Authorization: Bearer …"))
    }
}

/// The staff's read of the comments, as JSON or CSV (`Content-Disposition` is the adapter's).
pub fn comments(comments: &[StoredComment], csv: bool) -> Reply {
    if csv {
        self::csv(submissions::comments_csv(comments))
    } else {
        ok(serde_json::to_string(comments).expect("plain data serialises"))
    }
}

pub fn questions(questions: &[StoredQuestion], csv: bool) -> Reply {
    if csv {
        self::csv(submissions::questions_csv(questions))
    } else {
        ok(serde_json::to_string(questions).expect("plain data serialises"))
    }
}

/// The file name staff's download is saved under.
pub fn export_name(route: &Route) -> &'static str {
    match route {
        Route::StaffComments { .. } => "gop-y-du-thao.csv",
        Route::StaffQuestions { .. } => "cau-hoi.csv",
        Route::StaffReport { report: Report::Traffic, .. } => "so-lieu-truy-cap.csv",
        Route::StaffReport { report: Report::Pages, .. } => "trang-doc-nhieu.csv",
        Route::StaffReport { report: Report::Ratings, .. } => "danh-gia-hai-long.csv",
        _ => "danh-gia.csv",
    }
}

/// Counts a staff request of `address_key` in its minute: 429 past
/// [`report::STAFF_REQUESTS_PER_MINUTE`] (refused tries count too, so a wrong
/// token cannot be tried fast).
pub fn staff_rate(rates: &mut crate::RateWindows, address_key: &str, now_ms: i64) -> Result<(), Reply> {
    match rates.over(format!("s:{address_key}"), report::STAFF_REQUESTS_PER_MINUTE, now_ms) {
        Some(crate::Recorded::RateLimited { retry_after_secs }) => Err(Reply {
            retry_after: Some(retry_after_secs),
            ..error(429, "too many staff requests from this address in a minute; retry later")
        }),
        _ => Ok(()),
    }
}

/// Every staff request, in both adapters: counted in its address's minute
/// ([`staff_rate`], wrong tokens too), then the token ([`staff_only`]).
pub fn staff_gate(
    rates: &mut crate::RateWindows,
    address_key: &str,
    now_ms: i64,
    authorization: Option<&str>,
    token: Option<&str>,
) -> Result<(), Reply> {
    staff_rate(rates, address_key, now_ms)?;
    staff_only(authorization, token)
}

/// The answer to `GET /v1/staff/{stats,pages,ratings}[.csv]?…` (after
/// [`staff_gate`]): 400 naming the parameter for a bad query.
pub fn staff_report<S: crate::Store>(
    store: &mut S,
    report: Report,
    csv: bool,
    query: &str,
    now_ms: i64,
    config: &crate::Config,
) -> Result<Reply, S::Error> {
    let today = crate::time::local_day(now_ms);
    Ok(match report {
        Report::Traffic => match report::period(query, today) {
            Err(reason) => error(400, &reason),
            Ok(period) => {
                let traffic = report::traffic(store, period, now_ms, config)?;
                if csv {
                    self::csv(report::traffic_csv(&traffic))
                } else {
                    ok(serde_json::to_string(&traffic).expect("plain data serialises"))
                }
            }
        },
        Report::Pages => match report::period(query, today)
            .and_then(|p| Ok((p, report::kind_param(query)?, report::limit_param(query)?)))
        {
            Err(reason) => error(400, &reason),
            Ok((period, kind, limit)) => {
                let pages = report::pages(store, period, kind, limit)?;
                if csv {
                    self::csv(report::pages_csv(&pages))
                } else {
                    ok(serde_json::to_string(&pages).expect("plain data serialises"))
                }
            }
        },
        Report::Ratings => match report::ratings_period(query, today) {
            Err(reason) => error(400, &reason),
            Ok((month, period)) => {
                let ratings = report::ratings(store, month, period)?;
                if csv {
                    self::csv(report::ratings_csv(&ratings))
                } else {
                    ok(serde_json::to_string(&ratings).expect("plain data serialises"))
                }
            }
        },
    })
}

pub fn deleted(found: bool, what: &str) -> Reply {
    if found {
        ok(serde_json::json!({ "deleted": what }).to_string())
    } else {
        error(404, &format!("no `{what}` to delete"))
    }
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
        assert_eq!(route("POST", "/v1/questions"), Route::Question);
        assert_eq!(route("GET", "/v1/questions"), Route::QuestionLookup);
        assert_eq!(route("GET", "/v1/questions/HD-2026-ABCDEFGH"), Route::QuestionStatus("HD-2026-ABCDEFGH".into()));
        assert_eq!(
            route("DELETE", "/v1/staff/questions/HD-2026-ABCDEFGH"),
            Route::DeleteQuestion("HD-2026-ABCDEFGH".into())
        );
        assert_eq!(route("GET", "/v1/staff/questions/HD-2026-ABCDEFGH"), Route::MethodNotAllowed);
        assert_eq!(route("GET", "/v1/staff/comments.csv"), Route::StaffComments { csv: true });
        assert_eq!(route("GET", "/v1/questions/a/b"), Route::NotFound);
        assert_eq!(route("GET", "/v1/staff/stats"), Route::StaffReport { report: Report::Traffic, csv: false });
        assert_eq!(route("GET", "/v1/staff/pages.csv"), Route::StaffReport { report: Report::Pages, csv: true });
        assert_eq!(route("GET", "/v1/staff/ratings"), Route::StaffReport { report: Report::Ratings, csv: false });
        assert_eq!(route("POST", "/v1/staff/ratings"), Route::MethodNotAllowed);
        assert_eq!(route("GET", "/v1/staff/visitors"), Route::NotFound);
    }

    #[test]
    fn a_plain_form_reads_as_the_same_json() {
        let body = "path=%2Fdu-thao%2Fa&name=Ho%C3%A0ng+V%C4%83n+S%C6%A1n&email=&content=%3Cb%3Ex%3C%2Fb%3E&consent=on&website=";
        let (comment, sent) = read_comment(body.as_bytes(), Some("application/x-www-form-urlencoded")).unwrap();
        assert_eq!(sent, Sent::Form);
        assert_eq!(
            (comment.name.as_str(), comment.content.as_str(), comment.email),
            ("Hoàng Văn Sơn", "<b>x</b>", None)
        );
        assert!(comment.consent);
        let refused = read_comment(b"path=%2Fdu-thao%2Fa&name=A&content=x", Some("application/x-www-form-urlencoded"))
            .unwrap_err();
        assert_eq!((refused.status, refused.content_type), (400, TEXT));
        assert!(refused.body.contains("đồng ý"), "{}", refused.body);
        let unknown =
            read_comment(br#"{"path":"/du-thao/a","name":"A","content":"x","consent":true,"x":1}"#, None).unwrap_err();
        assert_eq!((unknown.status, unknown.content_type), (400, JSON));
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
