//! Test bodies run against both adapters: `portal-counter` (contract.rs,
//! load.rs) and the Worker under workerd (worker.rs).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use counter::Config;
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
    let server = start(&dir.path().join("c.sqlite3"), &["--offset", "1302148"]);
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
    let server = start(&dir.path().join("c.sqlite3"), &["--max-new-visitors-per-address", "1"]);
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
    let server = start(&dir.path().join("c.sqlite3"), &[]);
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
    let server = start(&dir.path().join("c.sqlite3"), &["--allow-origin", "http://127.0.0.1:8080"]);
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
    let server = start(&dir.path().join("c.sqlite3"), &["--offset", "500", "--max-new-visitors-per-address", "100000"]);
    let paths: Vec<String> = (0..6).map(|p| format!("/bai-viet/bai-{p}")).collect();

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

    let mut reference =
        ReferenceModel::new(Config { offset: 500, week_start: 0, max_new_visitors_per_address: 100_000 });
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

pub fn a_killed_server_keeps_every_acknowledged_hit_and_replay_lands_exactly(start: Launch) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let flags = ["--max-new-visitors-per-address", "100000"];
    let server = start(&db, &flags);
    // Every hit is a new visitor on its own page: one visit and one view each.
    let all: Vec<Hit> = (1..=4000).map(|n| hit(n, n, &format!("/p/{n}"))).collect();
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let next = Arc::new(Mutex::new(0usize));
    let threads: Vec<_> = (0..16)
        .map(|_| {
            let (all, acknowledged, next, url) = (all.clone(), acknowledged.clone(), next.clone(), server.url.clone());
            std::thread::spawn(move || {
                let agent = agent();
                loop {
                    let index = {
                        let mut next = next.lock().unwrap();
                        *next += 1;
                        *next - 1
                    };
                    let Some(h) = all.get(index) else { break };
                    match post(&agent, &url, h) {
                        Ok(reply) if reply.status == 200 => acknowledged.lock().unwrap().push(h.clone()),
                        _ => break,
                    }
                }
            })
        })
        .collect();
    // Kill in the middle of the load.
    let started = Instant::now();
    while acknowledged.lock().unwrap().len() < 800 && started.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(5));
    }
    server.kill_hard();
    for thread in threads {
        thread.join().unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() >= 800 && acknowledged.len() < all.len(),
        "killed mid-load: {} acknowledged",
        acknowledged.len()
    );

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
