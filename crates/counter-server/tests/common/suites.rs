//! Test bodies run against both adapters: `portal-counter` (contract.rs,
//! load.rs) and the Worker under workerd (worker.rs).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use counter::Config;
use counter::paths::KnownPaths;
use counter::reference::ReferenceModel;
use model::stats::Hit;

use super::*;

/// Starts a counter with a storage path and `portal-counter`-style flags.
pub type Launch = fn(&std::path::Path, &[&str]) -> Server;

fn id(prefix: &str, n: usize) -> String {
    format!("{prefix}-{n:016}")
}

pub fn a_hit_is_counted_once_and_answers_with_the_figures(start: Launch) {
    let dir = tempfile::tempdir().unwrap();
    let known = known_paths_file(dir.path(), &["/bai-viet/cau-treo"]);
    let server = start(&dir.path().join("c.sqlite3"), &["--offset", "1302148", "--known-paths", &known]);
    let agent = agent();
    let url = format!("{}/v1/hit", server.url);
    let body = hit_body(&id("v", 1), &id("h", 1), "/bai-viet/cau-treo");
    let first = send(&agent, "POST", &url, Some(&body), &[]).unwrap();
    assert_eq!(first.status, 200);
    assert_eq!(first.body, serde_json::json!({"online": 1, "today": 1, "week": 1, "total": 1302149, "views": 1}));
    // The same hit id again is a retry: same answer, nothing counted.
    let retry = send(&agent, "POST", &url, Some(&body), &[]).unwrap();
    assert_eq!(retry.body, first.body);
    assert_eq!(stats(&server.url), serde_json::json!({"online": 1, "today": 1, "week": 1, "total": 1302149}));
    assert_eq!(send(&agent, "GET", &format!("{}/healthz", server.url), None, &[]).unwrap().status, 200);
}

pub fn bad_requests_get_a_json_error_and_change_no_count(start: Launch) {
    let dir = tempfile::tempdir().unwrap();
    let known = known_paths_file(dir.path(), &["/", "/x"]);
    let server =
        start(&dir.path().join("c.sqlite3"), &["--max-new-visitors-per-address", "1", "--known-paths", &known]);
    let agent = agent();
    let url = format!("{}/v1/hit", server.url);
    let counted = send(&agent, "POST", &url, Some(&hit_body(&id("v", 1), &id("h", 1), "/")), &[]).unwrap();
    assert_eq!(counted.status, 200);
    let before = stats(&server.url);

    let long_path = format!("/{}", "a".repeat(1100));
    let cases: Vec<(&str, String, Option<String>, u16)> = vec![
        ("body over 1 KB", url.clone(), Some(hit_body(&id("v", 2), &id("h", 2), &long_path)), 413),
        ("malformed JSON", url.clone(), Some("{\"visitor\": ".into()), 400),
        (
            "unknown field",
            url.clone(),
            Some(r#"{"visitor":"vvvvvvvvvvvvvvvv","hit":"hhhhhhhhhhhhhhhh","path":"/","ip":"1.2.3.4"}"#.into()),
            400,
        ),
        ("missing field", url.clone(), Some(r#"{"visitor":"vvvvvvvvvvvvvvvv","path":"/"}"#.into()), 400),
        ("short visitor id", url.clone(), Some(hit_body("short", &id("h", 3), "/")), 400),
        ("bad characters in hit id", url.clone(), Some(hit_body(&id("v", 4), "hit id with spaces!!", "/")), 400),
        ("relative path", url.clone(), Some(hit_body(&id("v", 5), &id("h", 5), "bai-viet/x")), 400),
        ("wrong method", url.clone(), None, 405),
        ("unknown route", format!("{}/v1/nope", server.url), None, 404),
        ("over the cap of new visitors", url.clone(), Some(hit_body(&id("v", 6), &id("h", 6), "/")), 429),
    ];
    for (case, target, body, status) in cases {
        let method = if body.is_some() { "POST" } else { "GET" };
        let reply = send(&agent, method, &target, body.as_deref(), &[]).unwrap();
        assert_eq!(reply.status, status, "{case}: {:?}", reply.body);
        assert!(
            reply.body["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{case}: no JSON error in {:?}",
            reply.body
        );
        if status == 429 {
            let retry_after: u64 = reply.header("retry-after").expect("Retry-After").parse().unwrap();
            assert!((1..=1800).contains(&retry_after), "{retry_after}");
        }
        assert_eq!(stats(&server.url), before, "{case} changed a count");
    }
    // A known visitor from the same address is still counted.
    let again = send(&agent, "POST", &url, Some(&hit_body(&id("v", 1), &id("h", 7), "/x")), &[]).unwrap();
    assert_eq!(again.status, 200);
}

pub fn bots_see_the_figures_but_are_not_counted(start: Launch) {
    let dir = tempfile::tempdir().unwrap();
    let known = known_paths_file(dir.path(), &["/"]);
    let server = start(&dir.path().join("c.sqlite3"), &["--known-paths", &known]);
    let agent = agent();
    let url = format!("{}/v1/hit", server.url);
    for bot in ["Googlebot/2.1 (+http://www.google.com/bot.html)", "facebookexternalhit/1.1", "curl/8.5.0"] {
        let reply =
            send(&agent, "POST", &url, Some(&hit_body(&id("v", 1), &id("h", 1), "/")), &[("User-Agent", bot)]).unwrap();
        assert_eq!(reply.status, 200);
        assert_eq!(reply.body["total"], 0, "{bot}");
    }
    assert_eq!(stats(&server.url)["total"], 0);
}

pub fn cors_allows_the_configured_origin_only(start: Launch) {
    let dir = tempfile::tempdir().unwrap();
    let known = known_paths_file(dir.path(), &["/"]);
    let server =
        start(&dir.path().join("c.sqlite3"), &["--allow-origin", "http://127.0.0.1:8080", "--known-paths", &known]);
    let agent = agent();
    let stats_url = format!("{}/v1/stats", server.url);
    let allowed = send(&agent, "GET", &stats_url, None, &[("Origin", "http://127.0.0.1:8080")]).unwrap();
    assert_eq!(allowed.header("access-control-allow-origin"), Some("http://127.0.0.1:8080"));
    let denied = send(&agent, "GET", &stats_url, None, &[("Origin", "https://other.example")]).unwrap();
    assert_eq!(denied.header("access-control-allow-origin"), None);
    let hit_url = format!("{}/v1/hit", server.url);
    let body = hit_body(&id("v", 1), &id("h", 1), "/");
    let allowed = send(&agent, "POST", &hit_url, Some(&body), &[("Origin", "http://127.0.0.1:8080")]).unwrap();
    assert_eq!(allowed.header("access-control-allow-origin"), Some("http://127.0.0.1:8080"));
    let denied = send(&agent, "POST", &hit_url, Some(&body), &[("Origin", "https://other.example")]).unwrap();
    assert_eq!(denied.header("access-control-allow-origin"), None);
}

const CLIENTS: usize = 64;

/// A deterministic shuffle (no dependency needed for a test's order).
fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        items.swap(i, (seed >> 33) as usize % (i + 1));
    }
}

fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_millis() as i64
}

fn hit(visitor: usize, hit: usize, path: &str) -> Hit {
    Hit { visitor: format!("visitor-{visitor:012}"), hit: format!("hit-{hit:016}"), path: path.to_string() }
}

fn post(agent: &ureq::Agent, url: &str, hit: &Hit) -> Result<Reply, String> {
    send(agent, "POST", &format!("{url}/v1/hit"), Some(&hit_body(&hit.visitor, &hit.hit, &hit.path)), &[])
}

/// Views of `path` without counting anything: bots are answered, not counted.
fn views(url: &str, path: &str) -> u64 {
    let probe = hit(0, 0, path);
    let reply = send(
        &agent(),
        "POST",
        &format!("{url}/v1/hit"),
        Some(&hit_body(&probe.visitor, &probe.hit, path)),
        &[("User-Agent", "probe-bot/1.0")],
    )
    .unwrap();
    reply.body["views"].as_u64().unwrap()
}

pub fn sixty_four_clients_get_exactly_the_reference_counts(start: Launch) {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<String> = (0..6).map(|p| format!("/bai-viet/bai-{p}")).collect();
    let known = known_paths_file(dir.path(), &paths);
    // Every client is on loopback: one address, so its caps are lifted here.
    let server = start(
        &dir.path().join("c.sqlite3"),
        &[
            "--offset",
            "500",
            "--max-new-visitors-per-address",
            "100000",
            "--max-hits-per-address-minute",
            "1000000",
            "--known-paths",
            &known,
        ],
    );

    // 400 visitors, 1–5 page views each, a fifth of them sent twice (a retry).
    let mut unique = Vec::new();
    let mut sends = Vec::new();
    let mut seed = 7u64;
    for visitor in 0..400 {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        for _ in 0..1 + (seed >> 40) % 5 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            let h = hit(visitor, unique.len() + 1, &paths[(seed >> 33) as usize % paths.len()]);
            sends.push(h.clone());
            if (seed >> 20) % 5 == 0 {
                sends.push(h.clone());
            }
            unique.push(h);
        }
    }
    shuffle(&mut sends, 11);

    let queue = Arc::new(Mutex::new(sends));
    let threads: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let queue = queue.clone();
            let url = server.url.clone();
            std::thread::spawn(move || {
                let agent = agent();
                loop {
                    let Some(h) = queue.lock().unwrap().pop() else { break };
                    let reply = post(&agent, &url, &h).expect("the counter answers");
                    assert_eq!(reply.status, 200, "{:?}", reply.body);
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }

    let config = Config {
        offset: 500,
        max_new_visitors_per_address: 100_000,
        max_hits_per_address_minute: 1_000_000,
        ..Config::default()
    };
    let mut reference = ReferenceModel::new(config, paths.iter().cloned().collect::<KnownPaths>());
    let now = now_ms();
    for h in &unique {
        reference.record(h, "127.0.0.1", now);
    }
    let expected = reference.stats(now_ms());
    let got = stats(&server.url);
    assert_eq!(got["total"], expected.total, "{got}");
    assert_eq!(got["today"], expected.today, "{got}");
    assert_eq!(got["week"], expected.week, "{got}");
    assert_eq!(got["online"], expected.online, "{got}");
    for path in &paths {
        assert_eq!(views(&server.url, path), reference.views(path), "{path}");
    }
}

/// Sends `items` from 16 clients until at least `at_least` are acknowledged,
/// then kills the server with SIGKILL mid-load; the items it acknowledged.
fn kill_mid_load<T: Clone + Send + Sync + 'static>(
    server: Server,
    items: &[T],
    at_least: usize,
    deliver: fn(&ureq::Agent, &str, &T) -> bool,
) -> Vec<T> {
    let items = Arc::new(items.to_vec());
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let next = Arc::new(Mutex::new(0usize));
    let threads: Vec<_> = (0..16)
        .map(|_| {
            let (items, acknowledged, next, url) =
                (items.clone(), acknowledged.clone(), next.clone(), server.url.clone());
            std::thread::spawn(move || {
                let agent = agent();
                loop {
                    let index = {
                        let mut next = next.lock().unwrap();
                        *next += 1;
                        *next - 1
                    };
                    let Some(item) = items.get(index) else { break };
                    if !deliver(&agent, &url, item) {
                        break;
                    }
                    acknowledged.lock().unwrap().push(item.clone());
                }
            })
        })
        .collect();
    let started = Instant::now();
    while acknowledged.lock().unwrap().len() < at_least && started.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(5));
    }
    server.kill_hard();
    for thread in threads {
        thread.join().unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() >= at_least && acknowledged.len() < items.len(),
        "killed mid-load: {} acknowledged",
        acknowledged.len()
    );
    acknowledged
}

pub fn a_killed_server_keeps_every_acknowledged_hit_and_replay_lands_exactly(start: Launch) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    // Every hit is a new visitor on its own page: one visit and one view each.
    let all: Vec<Hit> = (1..=4000).map(|n| hit(n, n, &format!("/p/{n}"))).collect();
    let known = known_paths_file(dir.path(), &all.iter().map(|h| h.path.as_str()).collect::<Vec<_>>());
    let flags = [
        "--max-new-visitors-per-address",
        "100000",
        "--max-hits-per-address-minute",
        "1000000",
        "--known-paths",
        &known,
    ];
    let server = start(&db, &flags);
    let acknowledged =
        kill_mid_load(server, &all, 800, |agent, url, h| post(agent, url, h).is_ok_and(|r| r.status == 200));

    let server = start(&db, &flags);
    let total = stats(&server.url)["total"].as_u64().unwrap();
    assert!(total >= acknowledged.len() as u64, "{total} stored < {} acknowledged", acknowledged.len());
    for h in acknowledged.iter().step_by(7) {
        assert_eq!(views(&server.url, &h.path), 1, "acknowledged hit {} was lost", h.hit);
    }

    // Replaying everything counts what was missing, and nothing twice.
    let agent = agent();
    for h in &all {
        assert_eq!(post(&agent, &server.url, h).unwrap().status, 200);
    }
    let after = stats(&server.url);
    assert_eq!(after["total"], all.len() as u64);
    assert_eq!(after["today"], all.len() as u64);
    for h in all.iter().step_by(97) {
        assert_eq!(views(&server.url, &h.path), 1);
    }
}

/// Bytes of the counter's databases on disk, each checkpointed first so the
/// figure is the data kept, not the write-ahead log (which SQLite reuses
/// and which does not grow with what is stored).
fn storage_bytes(storage: &std::path::Path) -> u64 {
    let dir = if storage.is_dir() { storage.to_path_buf() } else { storage.parent().unwrap().to_path_buf() };
    let mut files = vec![dir];
    let mut bytes = 0;
    while let Some(dir) = files.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                files.push(path);
            } else if path.extension().is_some_and(|e| e == "sqlite" || e == "sqlite3") {
                let connection = rusqlite::Connection::open(&path).unwrap();
                connection.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
                bytes += std::fs::metadata(&path).unwrap().len();
            }
        }
    }
    bytes
}

/// How many fixed rate windows of `window_ms` the span `[from_ms, to_ms]`
/// touches: a cap "per minute" lets in up to that many times the cap.
fn windows_touched(from_ms: i64, to_ms: i64, window_ms: i64) -> usize {
    (to_ms.div_euclid(window_ms) - from_ms.div_euclid(window_ms) + 1) as usize
}

/// What a flood got: answered 200, refused 429, and the clock around it.
struct Flooded {
    ok: usize,
    limited: usize,
    from_ms: i64,
    to_ms: i64,
}

impl Flooded {
    /// The most a cap of `cap` per `window_ms` may have let in during the flood
    /// (a slow machine's flood can cross a window's end and meet a fresh cap).
    fn allowed(&self, cap: usize, window_ms: i64) -> usize {
        cap * windows_touched(self.from_ms, self.to_ms, window_ms)
    }
}

/// Sends many hits from `threads` clients; how many were answered 200 and 429.
fn flood(url: &str, hits: Vec<Hit>, address: &str) -> Flooded {
    let from_ms = now_ms();
    let queue = Arc::new(Mutex::new(hits));
    let answers = Arc::new(Mutex::new((0, 0)));
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let (queue, answers, url, address) = (queue.clone(), answers.clone(), url.to_string(), address.to_string());
            std::thread::spawn(move || {
                let agent = agent();
                let from = [("X-Forwarded-For", address.as_str()), ("CF-Connecting-IP", address.as_str())];
                loop {
                    let Some(h) = queue.lock().unwrap().pop() else { break };
                    let body = hit_body(&h.visitor, &h.hit, &h.path);
                    let reply = send(&agent, "POST", &format!("{url}/v1/hit"), Some(&body), &from).unwrap();
                    let mut answers = answers.lock().unwrap();
                    match reply.status {
                        200 => answers.0 += 1,
                        429 => {
                            assert!(reply.header("retry-after").is_some(), "429 without Retry-After");
                            answers.1 += 1
                        }
                        other => panic!("unexpected {other}: {:?}", reply.body),
                    }
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    let (ok, limited) = *answers.lock().unwrap();
    Flooded { ok, limited, from_ms, to_ms: now_ms() }
}

pub fn hostile_clients_cannot_grow_the_store_and_honest_readers_still_count(start: Launch) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let published = ["/bai-viet/cau-treo", "/bai-viet/cho-phien"];
    let known = known_paths_file(dir.path(), &published);
    let server = start(&db, &["--behind-proxy", "--known-paths", &known]);
    let agent = agent();
    let honest = |n: usize, path: &str| {
        let address = format!("198.51.100.{}", n % 250);
        let body = hit_body(&id("reader", n), &id("read", n), path);
        let from = [("X-Forwarded-For", address.as_str()), ("CF-Connecting-IP", address.as_str())];
        let reply = send(&agent, "POST", &format!("{}/v1/hit", server.url), Some(&body), &from).unwrap();
        assert_eq!(reply.status, 200, "{:?}", reply.body);
    };
    for n in 0..20 {
        honest(n, published[n % 2]);
    }
    let before_views = (views(&server.url, published[0]), views(&server.url, published[1]));
    assert_eq!(before_views, (10, 10));
    let before_total = stats(&server.url)["total"].as_u64().unwrap();
    let before_bytes = storage_bytes(&db);

    // One visitor, 20,000 made-up paths; then 20,000 visitors nobody has seen.
    let made_up: Vec<Hit> = (0..20_000).map(|n| hit(1, n + 1, &format!("/bai-viet/bia-{n}"))).collect();
    let config = Config::default();
    let one = flood(&server.url, made_up, "203.0.113.9");
    // One visitor gets its per-minute cap in each minute the flood lasted.
    let cap = one.allowed(config.max_hits_per_visitor_minute as usize, 60_000);
    assert!(cap * 10 < 20_000, "the flood took {} ms: too slow to show a cap", one.to_ms - one.from_ms);
    let (ok, limited) = (one.ok, one.limited);
    assert!(ok <= cap && ok + limited == 20_000, "one visitor: {ok} answered, {limited} refused (cap {cap})");
    // Honest readers arriving during the attack, from their own addresses.
    for n in 20..70 {
        honest(n, published[0]);
    }
    let new_ids: Vec<Hit> = (0..20_000).map(|n| hit(100_000 + n, 100_000 + n, &format!("/bai-viet/bia-{n}"))).collect();
    let many = flood(&server.url, new_ids, "203.0.113.9");
    // One address brings its cap of new visitors per 30 minutes.
    let new_cap = many.allowed(config.max_new_visitors_per_address as usize, 30 * 60_000);
    let (ok, limited) = (many.ok, many.limited);
    assert!(ok <= new_cap && ok + limited == 20_000, "new visitors: {ok} answered, {limited} refused (cap {new_cap})");

    // Made-up pages got no views; the published ones exactly the honest readers'.
    assert_eq!(views(&server.url, "/bai-viet/bia-7"), 0);
    assert_eq!(views(&server.url, published[0]), before_views.0 + 50);
    assert_eq!(views(&server.url, published[1]), before_views.1);
    let total = stats(&server.url)["total"].as_u64().unwrap();
    let hostile = (one.ok.min(1) + many.ok) as u64;
    assert!(total >= before_total + 50 && total <= before_total + 50 + hostile, "{total}");
    let after_bytes = storage_bytes(&db);
    assert!(before_bytes > 0, "no database found under {}", db.display());
    let grown = after_bytes.saturating_sub(before_bytes);
    eprintln!("40,000 hostile hits: storage {before_bytes} → {after_bytes} bytes");
    // 40,000 hostile hits; what is kept is bounded by the caps (about 400
    // rows of under 200 bytes), not by the number of hits.
    assert!(grown < 256 * 1024, "storage grew by {grown} bytes");
    if db.is_file() {
        let connection = rusqlite::Connection::open(&db).unwrap();
        let rows = |table: &str| -> i64 {
            connection.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |row| row.get(0)).unwrap()
        };
        assert_eq!(rows("page_views"), 2, "only published pages have a views row");
        let (one, many) = (one.ok as i64, many.ok as i64);
        assert!(rows("visitors") <= 70 + 1 + many, "{} visitors", rows("visitors"));
        assert!(rows("hit_ids") <= 70 + one + many, "{} hit ids", rows("hit_ids"));
        assert!(rows("view_marks") <= 70 + many, "{} view marks", rows("view_marks"));
    }
}

pub fn the_known_paths_are_read_again_when_they_change(start: Launch) {
    let dir = tempfile::tempdir().unwrap();
    let known = known_paths_file(dir.path(), &["/bai-viet/cu"]);
    let server = start(&dir.path().join("c.sqlite3"), &["--known-paths", &known]);
    let agent = agent();
    let post = |n: usize, path: &str| {
        send(&agent, "POST", &format!("{}/v1/hit", server.url), Some(&hit_body(&id("v", n), &id("h", n), path)), &[])
            .unwrap()
    };
    assert_eq!(post(1, "/bai-viet/moi").body["views"], 0, "not published yet");
    // The press publishes a new article: the list on disk changes.
    std::thread::sleep(Duration::from_millis(1100));
    known_paths_file(dir.path(), &["/bai-viet/cu", "/bai-viet/moi"]);
    let started = Instant::now();
    let mut n = 2;
    loop {
        n += 1;
        if post(n, "/bai-viet/moi/").body["views"].as_u64().unwrap() >= 1 {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "the new list was never read");
        std::thread::sleep(Duration::from_millis(500));
    }
}

const STAFF_TOKEN: &str = "bi-mat-cua-van-phong-2026";

fn rating_body(visitor: &str, path: &str, score: u8, comment: Option<&str>) -> String {
    let mut body = serde_json::json!({ "visitor": visitor, "path": path, "score": score });
    if let Some(comment) = comment {
        body["comment"] = comment.into();
    }
    body.to_string()
}

fn rate(agent: &ureq::Agent, url: &str, body: &str) -> Reply {
    send(agent, "POST", &format!("{url}/v1/rating"), Some(body), &[]).unwrap()
}

fn monthly(url: &str, path: Option<&str>) -> serde_json::Value {
    let query = path.map(|p| format!("?path={p}")).unwrap_or_default();
    send(&agent(), "GET", &format!("{url}/v1/ratings{query}"), None, &[]).unwrap().body
}

/// The export's rows (header first), read back with a CSV reader.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark for spreadsheet programs");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

pub const COMMENT: &str =
    "Thông tin rất hữu ích; đề nghị thêm ảnh cầu treo mới, \"bản Nậm Củm\", giờ mở cửa.\nXin cảm ơn!";

pub fn ratings_are_checked_replaced_summarised_and_exported(start: Launch) {
    let dir = tempfile::tempdir().unwrap();
    let known = known_paths_file(dir.path(), &["/bai-viet/cau-treo", "/bai-viet/cho-phien"]);
    let server = start(&dir.path().join("c.sqlite3"), &["--known-paths", &known, "--staff-token", STAFF_TOKEN]);
    let agent = agent();
    let page = "/bai-viet/cau-treo";
    let reader = id("reader", 1);
    for (case, body, status) in [
        ("score 0", rating_body(&reader, page, 0, None), 400),
        ("score 6", rating_body(&reader, page, 6, None), 400),
        ("bad visitor id", rating_body("ngan", page, 4, None), 400),
        ("unknown page", rating_body(&reader, "/bai-viet/khong-co", 4, None), 400),
        ("501-character comment", rating_body(&reader, page, 4, Some(&"ệ".repeat(501))), 400),
        ("HTML in the comment", rating_body(&reader, page, 4, Some("<img src=x onerror=alert(1)>")), 400),
        ("malformed JSON", "{\"score\": 4".to_string(), 400),
        ("unknown field", rating_body(&reader, page, 4, None).replace("}", ",\"ip\":\"1.2.3.4\"}"), 400),
        ("body over the limit", rating_body(&reader, page, 4, Some(&"a".repeat(5000))), 413),
    ] {
        let reply = rate(&agent, &server.url, &body);
        assert_eq!(reply.status, status, "{case}: {:?}", reply.body);
        assert!(reply.body["error"].as_str().is_some_and(|e| !e.is_empty()), "{case}: {:?}", reply.body);
    }
    assert_eq!(monthly(&server.url, None), serde_json::json!([]), "nothing refused was stored");

    let first = rate(&agent, &server.url, &rating_body(&reader, page, 2, Some(COMMENT)));
    assert_eq!(first.status, 200, "{:?}", first.body);
    assert_eq!(first.body["count"], 1);
    // A later rating by the same reader replaces the first, however the path is spelled.
    let replaced = rate(&agent, &server.url, &rating_body(&reader, "/BAI-VIET/cau-treo/", 5, Some(COMMENT)));
    assert_eq!(replaced.body, serde_json::json!({"count": 1, "scores": [0, 0, 0, 0, 1], "average": 5.0}));
    let second = rate(&agent, &server.url, &rating_body(&id("reader", 2), page, 2, None));
    assert_eq!(second.body, serde_json::json!({"count": 2, "scores": [0, 1, 0, 0, 1], "average": 3.5}));
    // Bots see the summary and are not stored.
    let bot = send(
        &agent,
        "POST",
        &format!("{}/v1/rating", server.url),
        Some(&rating_body(&id("bot", 1), page, 1, None)),
        &[("User-Agent", "Googlebot/2.1")],
    )
    .unwrap();
    assert_eq!(bot.body["count"], 2);

    let months = monthly(&server.url, Some(page));
    assert_eq!(months.as_array().unwrap().len(), 1, "{months}");
    assert_eq!(months[0]["path"], page);
    assert!(months[0]["month"].as_str().unwrap().starts_with("20"), "{months}");
    assert_eq!(months[0]["count"], 2);
    assert_eq!(monthly(&server.url, Some("/bai-viet/cho-phien")), serde_json::json!([]));

    let csv_url = format!("{}/v1/ratings.csv", server.url);
    assert_eq!(send(&agent, "GET", &csv_url, None, &[]).unwrap().status, 401);
    assert_eq!(send(&agent, "GET", &csv_url, None, &[("Authorization", "Bearer doan-sai")]).unwrap().status, 401);
    let export = send(&agent, "GET", &csv_url, None, &[("Authorization", &format!("Bearer {STAFF_TOKEN}"))]).unwrap();
    assert_eq!(export.status, 200);
    assert!(export.header("content-type").unwrap().starts_with("text/csv"));
    let rows = parse_csv(export.body.as_str().unwrap());
    assert_eq!(rows[0], ["Trang", "Tháng", "Thời điểm (ms)", "Điểm", "Mức độ", "Ý kiến"]);
    assert_eq!(rows.len(), 3, "{rows:?}");
    let with_comment = rows.iter().find(|r| r[3] == "5").unwrap();
    assert_eq!((with_comment[0].as_str(), with_comment[4].as_str()), (page, "Rất hài lòng"));
    assert_eq!(with_comment[5], COMMENT, "the comment comes back exactly");
}

pub fn concurrent_ratings_are_exact(start: Launch) {
    let dir = tempfile::tempdir().unwrap();
    let pages: Vec<String> = (0..5).map(|p| format!("/bai-viet/bai-{p}")).collect();
    let known = known_paths_file(dir.path(), &pages);
    let server = start(&dir.path().join("c.sqlite3"), &["--known-paths", &known]);
    // 300 readers; each rates 1–3 pages, some twice (the second replaces the first).
    let mut readers = Vec::new();
    let mut expected = vec![[0u64; 5]; pages.len()];
    let mut seed = 3u64;
    let mut next = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for reader in 0..300 {
        let mut sends = Vec::new();
        for page in 0..pages.len() {
            if next() % 3 != 0 {
                continue;
            }
            let mut score = 1 + next() % 5;
            sends.push((page, score));
            if next() % 4 == 0 {
                score = 1 + next() % 5;
                sends.push((page, score));
            }
            expected[page][score - 1] += 1;
        }
        readers.push((reader, sends));
    }
    let queue = Arc::new(Mutex::new(readers));
    let threads: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (queue, url, pages) = (queue.clone(), server.url.clone(), pages.clone());
            std::thread::spawn(move || {
                let agent = agent();
                loop {
                    let Some((reader, sends)) = queue.lock().unwrap().pop() else { break };
                    for (page, score) in sends {
                        let reply =
                            rate(&agent, &url, &rating_body(&id("reader", reader), &pages[page], score as u8, None));
                        assert_eq!(reply.status, 200, "{:?}", reply.body);
                    }
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    for (page, scores) in pages.iter().zip(expected) {
        let months = monthly(&server.url, Some(page));
        let got: Vec<u64> = months[0]["scores"].as_array().unwrap().iter().map(|n| n.as_u64().unwrap()).collect();
        assert_eq!(got, scores, "{page}");
    }
}

pub fn a_killed_server_keeps_every_acknowledged_rating(start: Launch) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let pages: Vec<String> = (1..=3000).map(|n| format!("/p/{n}")).collect();
    let known = known_paths_file(dir.path(), &pages);
    let flags = ["--max-hits-per-address-minute", "1000000", "--known-paths", &known];
    let server = start(&db, &flags);
    let acknowledged = kill_mid_load(server, &pages, 500, |agent, url, page: &String| {
        let index: usize = page.trim_start_matches("/p/").parse().unwrap();
        let body = rating_body(&id("reader", index), page, 1 + (index % 5) as u8, Some("Ổn"));
        send(agent, "POST", &format!("{url}/v1/rating"), Some(&body), &[]).is_ok_and(|r| r.status == 200)
    });
    let server = start(&db, &flags);
    let stored: u64 = monthly(&server.url, None).as_array().unwrap().iter().map(|m| m["count"].as_u64().unwrap()).sum();
    assert!(stored >= acknowledged.len() as u64, "{stored} stored < {} acknowledged", acknowledged.len());
    for page in acknowledged.iter().step_by(11) {
        assert_eq!(monthly(&server.url, Some(page))[0]["count"], 1, "the acknowledged rating of {page} was lost");
    }
}
