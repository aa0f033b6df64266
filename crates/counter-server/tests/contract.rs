//! The HTTP contract against a real `portal-counter` process: what is
//! counted, what is refused (and changes nothing), CORS.

mod support;

use support::*;

fn id(prefix: &str, n: usize) -> String {
    format!("{prefix}-{n:016}")
}

#[test]
fn a_hit_is_counted_once_and_answers_with_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&dir.path().join("c.sqlite3"), &["--offset", "1302148"]);
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

#[test]
fn bad_requests_get_a_json_error_and_change_no_count() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&dir.path().join("c.sqlite3"), &["--max-new-visitors-per-address", "1"]);
    let agent = agent();
    let url = format!("{}/v1/hit", server.url);
    let counted = send(&agent, "POST", &url, Some(&hit_body(&id("v", 1), &id("h", 1), "/")), &[]).unwrap();
    assert_eq!(counted.status, 200);
    let before = stats(&server.url);

    let long_path = format!("/{}", "a".repeat(1100));
    let cases: Vec<(&str, String, Option<String>, u16)> = vec![
        ("body over 1 KB", url.clone(), Some(hit_body(&id("v", 2), &id("h", 2), &long_path)), 413),
        ("malformed JSON", url.clone(), Some("{\"visitor\": ".into()), 400),
        ("unknown field", url.clone(), Some(r#"{"visitor":"vvvvvvvvvvvvvvvv","hit":"hhhhhhhhhhhhhhhh","path":"/","ip":"1.2.3.4"}"#.into()), 400),
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
        assert!(reply.body["error"].as_str().is_some_and(|e| !e.is_empty()), "{case}: no JSON error in {:?}", reply.body);
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

#[test]
fn bots_see_the_figures_but_are_not_counted() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&dir.path().join("c.sqlite3"), &[]);
    let agent = agent();
    let url = format!("{}/v1/hit", server.url);
    for bot in ["Googlebot/2.1 (+http://www.google.com/bot.html)", "facebookexternalhit/1.1", "curl/8.5.0"] {
        let reply = send(&agent, "POST", &url, Some(&hit_body(&id("v", 1), &id("h", 1), "/")), &[("User-Agent", bot)]).unwrap();
        assert_eq!(reply.status, 200);
        assert_eq!(reply.body["total"], 0, "{bot}");
    }
    assert_eq!(stats(&server.url)["total"], 0);
}

#[test]
fn cors_allows_the_configured_origin_only() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&dir.path().join("c.sqlite3"), &["--allow-origin", "http://127.0.0.1:8080"]);
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
