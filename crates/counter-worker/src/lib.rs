//! The visitor counter as a Cloudflare Worker: every request goes to one
//! SQLite-backed Durable Object, which applies the `counter` rules. See README.md.

use std::cell::RefCell;
use std::hash::{DefaultHasher, Hasher};
use std::rc::Rc;

use counter::api::{self, HitRequest, RatingRequest, Route};
use counter::published::{self, Published};
use counter::submissions;
use counter::{Cell, Config, RateWindows, Store, Value};
use worker::{
    Context, Date, DurableObject, Env, Fetch, Headers, Method, Request, Response, Result, SqlStorage, SqlStorageValue,
    State, Url, durable_object, event,
};

/// The single object that holds the counts.
const OBJECT_NAME: &str = "portal";

#[event(fetch)]
async fn fetch(request: Request, env: Env, _ctx: Context) -> Result<Response> {
    let allowed = allowed_origins(&env);
    let origin = request.headers().get("Origin")?.filter(|o| allowed.iter().any(|a| a == o));
    if request.method() == Method::Options {
        let response = Response::empty()?.with_status(204);
        return with_cors(response, origin.as_deref(), true);
    }
    let stub = env.durable_object("COUNTER")?.id_from_name(OBJECT_NAME)?.get_stub()?;
    let response = stub.fetch_with_request(request).await?;
    with_cors(response, origin.as_deref(), false)
}

fn allowed_origins(env: &Env) -> Vec<String> {
    env.var("ALLOW_ORIGINS")
        .map(|v| v.to_string().split(',').map(|o| o.trim().to_string()).filter(|o| !o.is_empty()).collect())
        .unwrap_or_default()
}

fn with_cors(response: Response, origin: Option<&str>, preflight: bool) -> Result<Response> {
    let headers = Headers::new();
    for (name, value) in response.headers().entries() {
        headers.set(&name, &value)?;
    }
    headers.set("Vary", "Origin")?;
    if let Some(origin) = origin {
        headers.set("Access-Control-Allow-Origin", origin)?;
        if preflight {
            headers.set("Access-Control-Allow-Methods", "GET, POST, DELETE")?;
            headers.set("Access-Control-Allow-Headers", "content-type, authorization")?;
            headers.set("Access-Control-Max-Age", "86400")?;
        }
    }
    Ok(response.with_headers(headers))
}

#[durable_object]
pub struct Counter {
    sql: SqlStorage,
    config: Config,
    /// Keys the address hash; random per object, kept in its storage.
    address_salt: i64,
    /// `STAFF_TOKEN` (a secret): the bearer token for `GET /v1/ratings.csv`.
    staff_token: Option<String>,
    /// `ALLOW_ORIGINS`: the pages that may send comments and questions (the
    /// first is the portal the lookup form sends readers back to).
    origins: Vec<String>,
    /// `KNOWN_PATHS_URL`: the site's `data/counted-paths.json` (the drafts,
    /// answered questions and topics are fetched from beside it).
    known_paths_url: Option<String>,
    /// Seconds between fetches of the list (`KNOWN_PATHS_REFRESH_SECONDS`).
    known_paths_refresh_ms: f64,
    /// The last list fetched, and when the next fetch is due (ms).
    known_paths: RefCell<(Rc<Published>, f64)>,
    /// This minute's requests per client: in the object's memory (an evicted
    /// object starts a fresh minute, which only ever lets a few more in).
    rates: RefCell<RateWindows>,
    /// `CLOCK_OFFSET_MS`: added to the clock, for tests that need a midnight now.
    clock_offset_ms: i64,
}

/// After a failed fetch, try again this soon (ms).
const KNOWN_PATHS_RETRY_MS: f64 = 10_000.0;

impl DurableObject for Counter {
    fn new(state: State, env: Env) -> Self {
        let sql = state.storage().sql();
        let mut store = DoStore(&sql);
        for statement in counter::schema::SCHEMA {
            store.execute(statement, &[]).expect("creating the schema");
        }
        let salt = (js_sys::Math::random() * 9.0e15) as i64;
        store
            .execute(
                "INSERT INTO counter_meta (key, value) VALUES ('address_salt', ?) ON CONFLICT (key) DO NOTHING",
                &[Value::Int(salt)],
            )
            .expect("storing the address salt");
        let address_salt = store
            .query_int("SELECT value FROM counter_meta WHERE key = 'address_salt'", &[])
            .ok()
            .flatten()
            .unwrap_or(salt);
        let number = |name: &str, default: u64| {
            env.var(name).ok().and_then(|v| v.to_string().trim().parse().ok()).unwrap_or(default)
        };
        let config = Config {
            offset: number("OFFSET", 0),
            week_start: number("WEEK_START", 0).min(6) as u8,
            max_new_visitors_per_address: number("MAX_NEW_VISITORS_PER_ADDRESS", 300) as u32,
            max_hits_per_visitor_minute: number("MAX_HITS_PER_VISITOR_MINUTE", 30) as u32,
            max_hits_per_address_minute: number("MAX_HITS_PER_ADDRESS_MINUTE", 3000) as u32,
            max_submissions_per_address_day: number("MAX_SUBMISSIONS_PER_ADDRESS_DAY", 10) as u32,
            max_comments_per_consultation: number("MAX_COMMENTS_PER_CONSULTATION", 2000) as u32,
            max_stored_submissions: number("MAX_STORED_SUBMISSIONS", 20000) as u32,
            retention_days: number("RETENTION_DAYS", 730) as u32,
            stats_days_kept: number("STATS_DAYS_KEPT", 400) as u32,
        };
        let clock_offset_ms =
            env.var("CLOCK_OFFSET_MS").ok().and_then(|v| v.to_string().trim().parse().ok()).unwrap_or(0);
        let known_paths_url =
            env.var("KNOWN_PATHS_URL").ok().map(|v| v.to_string().trim().to_string()).filter(|v| !v.is_empty());
        let staff_token = env
            .secret("STAFF_TOKEN")
            .map(|v| v.to_string())
            .or_else(|_| env.var("STAFF_TOKEN").map(|v| v.to_string()))
            .ok()
            .filter(|v| !v.is_empty());
        Counter {
            sql,
            config,
            address_salt,
            staff_token,
            origins: allowed_origins(&env),
            known_paths_url,
            known_paths_refresh_ms: number("KNOWN_PATHS_REFRESH_SECONDS", 300) as f64 * 1000.0,
            known_paths: RefCell::new((Rc::new(Published::default()), 0.0)),
            rates: RefCell::default(),
            clock_offset_ms,
        }
    }

    async fn fetch(&self, mut request: Request) -> Result<Response> {
        let path = request.path();
        let now = Date::now().as_millis() as i64 + self.clock_offset_ms;
        // The storage calls below are synchronous (the known-paths fetch comes
        // before any of them): the object's input and output gates make each
        // request's writes one atomic commit, answered after it.
        let mut store = DoStore(&self.sql);
        let reply = match api::route(request.method().as_ref(), &path) {
            Route::Health => api::health(),
            Route::Stats => match counter::stats(&mut store, now, &self.config) {
                Ok(stats) => api::stats(stats),
                Err(e) => api::error(503, &e.to_string()),
            },
            Route::Hit => {
                let body = request.bytes().await?;
                let user_agent = request.headers().get("User-Agent")?.unwrap_or_default();
                match api::read_hit(&body, &user_agent) {
                    Err(reply) => reply,
                    // Bots see the figures but are not counted.
                    Ok(HitRequest::Bot(hit)) => match counter::hit_stats(&mut store, &hit.path, now, &self.config) {
                        Ok(stats) => api::hit_stats(stats),
                        Err(e) => api::error(503, &e.to_string()),
                    },
                    Ok(HitRequest::Count(hit)) => {
                        let address = self.address_key(&request)?;
                        let paths = self.known_paths(now as f64).await;
                        let mut store = DoStore(&self.sql);
                        match counter::record_hit(&mut store, &hit, &address, now, &self.config, &paths.paths, &mut self.rates.borrow_mut()) {
                            Ok(outcome) => api::outcome(outcome),
                            Err(e) => api::error(503, &e.to_string()),
                        }
                    }
                }
            }
            Route::Rating => {
                let body = request.bytes().await?;
                let user_agent = request.headers().get("User-Agent")?.unwrap_or_default();
                match api::read_rating(&body, &user_agent) {
                    Err(reply) => reply,
                    Ok(RatingRequest::Bot(rating)) => match counter::ratings::summary(&mut store, &rating.path) {
                        Ok(summary) => api::rating_summary(summary),
                        Err(e) => api::error(503, &e.to_string()),
                    },
                    Ok(RatingRequest::Store(rating)) => {
                        let address = self.address_key(&request)?;
                        let paths = self.known_paths(now as f64).await;
                        let mut store = DoStore(&self.sql);
                        match counter::ratings::record_rating(
                            &mut store,
                            &rating,
                            &address,
                            now,
                            &self.config,
                            &paths.paths,
                            &mut self.rates.borrow_mut(),
                        ) {
                            Ok(rated) => api::rated(rated),
                            Err(e) => api::error(503, &e.to_string()),
                        }
                    }
                }
            }
            Route::Ratings => {
                let path = request.url()?.query().and_then(api::path_param);
                match counter::ratings::monthly(&mut store, path.as_deref()) {
                    Ok(months) => api::monthly(&months),
                    Err(e) => api::error(503, &e.to_string()),
                }
            }
            Route::RatingsCsv => {
                let authorization = request.headers().get("Authorization")?;
                if !api::is_staff(authorization.as_deref(), self.staff_token.as_deref()) {
                    api::error(401, "the export needs the staff token: Authorization: Bearer …")
                } else {
                    return match counter::ratings::export_csv(&mut store) {
                        Ok(text) => {
                            let headers = Headers::new();
                            headers.set("Content-Type", "text/csv; charset=utf-8")?;
                            headers.set("Content-Disposition", "attachment; filename=\"danh-gia.csv\"")?;
                            Ok(Response::ok(text)?.with_headers(headers))
                        }
                        Err(e) => respond(api::error(503, &e.to_string())),
                    };
                }
            }
            route @ (Route::Comment | Route::Question) => {
                let is_comment = route == Route::Comment;
                let content_type = request.headers().get("Content-Type")?;
                let sent = api::Sent::of(content_type.as_deref());
                let origin = request.headers().get("Origin")?;
                match api::check_origin(origin.as_deref(), &self.origins, sent) {
                    Err(reply) => reply,
                    Ok(origin) => {
                        let body = request.bytes().await?;
                        let address = self.address_key(&request)?;
                        let published = self.known_paths(now as f64).await;
                        let mut store = DoStore(&self.sql);
                        let mut rates = self.rates.borrow_mut();
                        let random = random_bytes();
                        if is_comment {
                            match api::read_comment(&body, content_type.as_deref()) {
                                Err(reply) => reply,
                                Ok((comment, sent)) => match submissions::record_comment(
                                    &mut store, &comment, &address, now, &self.config, &published, &mut rates, random,
                                ) {
                                    Ok(done) => api::submitted(done, sent, &origin, Some(&comment.path)),
                                    Err(e) => sent.refusal(503, &e.to_string()),
                                },
                            }
                        } else {
                            match api::read_question(&body, content_type.as_deref()) {
                                Err(reply) => reply,
                                Ok((question, sent)) => match submissions::record_question(
                                    &mut store, &question, &address, now, &self.config, &published, &mut rates, random,
                                ) {
                                    Ok(done) => api::submitted(done, sent, &origin, None),
                                    Err(e) => sent.refusal(503, &e.to_string()),
                                },
                            }
                        }
                    }
                }
            }
            Route::QuestionStatus(code) => {
                let published = self.known_paths(now as f64).await;
                match submissions::question_status(&mut DoStore(&self.sql), &code, &published) {
                    Ok(status) => api::question_status(status),
                    Err(e) => api::error(503, &e.to_string()),
                }
            }
            Route::QuestionLookup => {
                let code = request.url()?.query().and_then(|q| api::query_param(q, "ma")).unwrap_or_default();
                let published = self.known_paths(now as f64).await;
                match submissions::question_status(&mut DoStore(&self.sql), &code, &published) {
                    Ok(status) => api::lookup(status, &code, self.origins.first().map(String::as_str)),
                    Err(e) => api::error(503, &e.to_string()),
                }
            }
            staff @ (Route::StaffComments { .. }
            | Route::StaffQuestions { .. }
            | Route::DeleteComment(_)
            | Route::DeleteQuestion(_)) => {
                if let Err(reply) = self.staff_gate(&request, now)? {
                    return respond(reply);
                }
                let published = self.known_paths(now as f64).await;
                let mut store = DoStore(&self.sql);
                let reply = match &staff {
                    Route::StaffComments { csv } => {
                        let path = request.url()?.query().and_then(api::path_param);
                        submissions::comments(&mut store, path.as_deref()).map(|list| api::comments(&list, *csv))
                    }
                    Route::StaffQuestions { csv } => {
                        submissions::questions(&mut store, &published).map(|list| api::questions(&list, *csv))
                    }
                    Route::DeleteComment(id) => submissions::delete_comment(&mut store, id).map(|found| api::deleted(found, id)),
                    Route::DeleteQuestion(code) => {
                        submissions::delete_question(&mut store, code).map(|found| api::deleted(found, code))
                    }
                    _ => unreachable!("a staff route"),
                };
                let reply = reply.unwrap_or_else(|e| api::error(503, &e.to_string()));
                let csv = matches!(staff, Route::StaffComments { csv: true } | Route::StaffQuestions { csv: true });
                return if csv { download(reply, api::export_name(&staff)) } else { respond(reply) };
            }
            Route::StaffReport { report, csv } => {
                let query = request.url()?.query().unwrap_or_default().to_string();
                let reply = match self.staff_gate(&request, now)? {
                    Err(refused) => refused,
                    Ok(()) => api::staff_report(&mut store, report, csv, &query, now, &self.config)
                        .unwrap_or_else(|e| api::error(503, &e.to_string())),
                };
                let name = api::export_name(&Route::StaffReport { report, csv });
                return if csv { download(reply, name) } else { respond(reply) };
            }
            other => api::not_routed(other),
        };
        respond(reply)
    }
}

impl Counter {
    /// Every staff request goes through `api::staff_gate` (the address's minute, then the token).
    fn staff_gate(&self, request: &Request, now: i64) -> Result<std::result::Result<(), api::Reply>> {
        let authorization = request.headers().get("Authorization")?;
        let address = self.address_key(request)?;
        let token = self.staff_token.as_deref();
        Ok(api::staff_gate(&mut self.rates.borrow_mut(), &address, now, authorization.as_deref(), token))
    }

    /// The published paths that count views, fetched from the site when the
    /// last fetch is older than the refresh interval. Until a first fetch
    /// succeeds no view is counted (visits still are); a failed refresh keeps
    /// the previous list.
    async fn known_paths(&self, now: f64) -> Rc<Published> {
        let (current, due) = self.known_paths.borrow().clone();
        let Some(url) = self.known_paths_url.as_deref().filter(|_| now >= due) else { return current };
        let fetched = async {
            let paths = fetch_text(url).await?.ok_or("HTTP 404")?;
            let mut beside = Vec::new();
            for name in published::BESIDE {
                beside.push(fetch_text(&published::beside(url, name)).await?);
            }
            Published::from_files(&paths, beside[0].as_deref(), beside[1].as_deref(), beside[2].as_deref())
        }
        .await;
        let (paths, next) = match fetched {
            Ok(paths) => (Rc::new(paths), now + self.known_paths_refresh_ms),
            Err(error) => {
                worker::console_error!("counter: keeping the previous known paths: {url}: {error}");
                (current, now + KNOWN_PATHS_RETRY_MS)
            }
        };
        *self.known_paths.borrow_mut() = (paths.clone(), next);
        paths
    }

    /// A salted hash of the client address; the address itself is never stored.
    fn address_key(&self, request: &Request) -> Result<String> {
        let address = request.headers().get("CF-Connecting-IP")?.unwrap_or_else(|| "unknown".into());
        let mut hasher = DefaultHasher::new();
        hasher.write_i64(self.address_salt);
        hasher.write(address.as_bytes());
        Ok(format!("{:016x}", hasher.finish()))
    }
}

/// A published file's text; `None` when the site has no such file (404).
async fn fetch_text(url: &str) -> std::result::Result<Option<String>, String> {
    let mut response = Fetch::Url(Url::parse(url).map_err(|e| e.to_string())?).send().await.map_err(|e| e.to_string())?;
    match response.status_code() {
        200 => response.text().await.map(Some).map_err(|e| e.to_string()),
        404 => Ok(None),
        other => Err(format!("{url}: HTTP {other}")),
    }
}

/// Random bytes for a submission's id or code, from the runtime's
/// cryptographic generator (`crypto.getRandomValues`).
fn random_bytes() -> submissions::Random {
    let mut bytes = [0u8; 16];
    getrandom::getrandom(&mut bytes).expect("crypto.getRandomValues");
    bytes
}

/// A staff's CSV, saved under `name` (an error stays a plain answer).
fn download(reply: api::Reply, name: &str) -> Result<Response> {
    let ok = reply.status == 200;
    let response = respond(reply)?;
    if !ok {
        return Ok(response);
    }
    let headers = response.headers().clone();
    headers.set("Content-Disposition", &format!("attachment; filename=\"{name}\""))?;
    Ok(response.with_headers(headers))
}

fn respond(reply: api::Reply) -> Result<Response> {
    let headers = Headers::new();
    headers.set("Content-Type", reply.content_type)?;
    if let Some(seconds) = reply.retry_after {
        headers.set("Retry-After", &seconds.to_string())?;
    }
    if let Some(location) = &reply.location {
        headers.set("Location", location)?;
    }
    Ok(Response::ok(reply.body)?.with_status(reply.status).with_headers(headers))
}

/// The `counter` rules' view of the object's SQLite storage.
struct DoStore<'a>(&'a SqlStorage);

fn bindings(params: &[Value<'_>]) -> Vec<SqlStorageValue> {
    params
        .iter()
        .map(|p| match p {
            Value::Int(i) => SqlStorageValue::Integer(*i),
            Value::Text(t) => SqlStorageValue::String(t.to_string()),
            Value::Null => SqlStorageValue::Null,
        })
        .collect()
}

impl Store for DoStore<'_> {
    type Error = worker::Error;

    fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> Result<()> {
        // The cursor must be drained for the statement to run to its end.
        self.0.exec(sql, bindings(params))?.raw().for_each(drop);
        Ok(())
    }

    fn query_rows(&mut self, sql: &str, params: &[Value<'_>]) -> Result<Vec<Vec<Cell>>> {
        let cursor = self.0.exec(sql, bindings(params))?;
        cursor
            .raw()
            .map(|row| {
                Ok(row?
                    .into_iter()
                    .map(|value| match value {
                        SqlStorageValue::Integer(i) => Cell::Int(i),
                        SqlStorageValue::Float(f) => Cell::Int(f as i64),
                        SqlStorageValue::String(s) => Cell::Text(s),
                        _ => Cell::Null,
                    })
                    .collect())
            })
            .collect()
    }

    fn query_int(&mut self, sql: &str, params: &[Value<'_>]) -> Result<Option<i64>> {
        let cursor = self.0.exec(sql, bindings(params))?;
        let first = cursor.raw().next().transpose()?;
        Ok(first.and_then(|row| match row.into_iter().next() {
            Some(SqlStorageValue::Integer(i)) => Some(i),
            Some(SqlStorageValue::Float(f)) => Some(f as i64),
            _ => None,
        }))
    }
}
