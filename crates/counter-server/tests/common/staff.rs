//! The staff's figures ("Số liệu", `/v1/staff/stats|pages|ratings`) against a
//! real process of either adapter, its clock set a few seconds before a
//! Vietnamese midnight that is also a week's start and a month's end.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use counter::Config;
use counter::paths::KnownPaths;
use counter::reference::ReferenceModel;
use counter::report::{date_text, parse_date};
use model::stats::Hit;

use super::suites::{Launch, parse_csv};
use super::*;

pub const TOKEN: &str = "so-lieu-token-0123456789abcdef";
const SITE: &str = "https://sonvan.gov.example";
/// Monday 1 December 2025, 00:00 in Vietnam: a new day, week and month.
const MIDNIGHT: i64 = 1_764_522_000_000;
const PAGES: [&str; 4] = ["/", "/bai-viet/cau-treo", "/bai-viet/mua-lu", "/van-ban/12-2025-qd-ubnd"];

fn real_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_millis() as i64
}

fn get(url: &str, token: Option<&str>) -> Reply {
    let bearer = token.map(|t| format!("Bearer {t}"));
    let mut headers = vec![("Origin", SITE)];
    if let Some(bearer) = &bearer {
        headers.push(("Authorization", bearer.as_str()));
    }
    send(&agent(), "GET", url, None, &headers).unwrap()
}

struct Traffic {
    url: String,
    offset: i64,
    reference: ReferenceModel,
    hits: usize,
}

impl Traffic {
    fn read(&mut self, visitor: usize, path: &str) {
        self.hits += 1;
        let hit = Hit {
            visitor: format!("reader-{visitor:016}"),
            hit: format!("staff-hit-{:09}", self.hits),
            path: path.into(),
        };
        let body = serde_json::to_string(&hit).unwrap();
        let reply = send(&agent(), "POST", &format!("{}/v1/hit", self.url), Some(&body), &[]).unwrap();
        assert_eq!(reply.status, 200, "{:?}", reply.body);
        self.reference.record(&hit, "loopback", real_now() + self.offset);
    }

    fn rate(&self, visitor: usize, path: &str, score: u8, comment: &str) {
        let body = serde_json::json!({ "visitor": format!("reader-{visitor:016}"), "path": path, "score": score, "comment": comment });
        let reply = send(&agent(), "POST", &format!("{}/v1/rating", self.url), Some(&body.to_string()), &[]).unwrap();
        assert_eq!(reply.status, 200, "{:?}", reply.body);
    }
}

pub fn staff_figures_are_exact_across_midnight_need_the_token_and_are_pruned(start: Launch) {
    let dir = tempfile::tempdir().unwrap();
    let known = known_paths_file(dir.path(), &PAGES);
    // Midnight comes 5 seconds after the start (the process is given 2 to start).
    let started = real_now();
    let offset = MIDNIGHT - (started + 5_000);
    let offset_flag = offset.to_string();
    let flags =
        ["--known-paths", &known, "--staff-token", TOKEN, "--allow-origin", SITE, "--clock-offset-ms", &offset_flag];
    let server = start(&dir.path().join("staff.sqlite3"), &flags);
    let paths: KnownPaths = PAGES.iter().map(|p| p.to_string()).collect();
    let mut traffic =
        Traffic { url: server.url.clone(), offset, reference: ReferenceModel::new(Config::default(), paths), hits: 0 };
    // Sunday 30 November, just before midnight.
    for visitor in 1..=3 {
        traffic.read(visitor, "/bai-viet/cau-treo");
    }
    traffic.read(1, "/van-ban/12-2025-qd-ubnd");
    traffic.read(2, "/");
    traffic.rate(1, "/bai-viet/cau-treo", 5, "Rõ ràng, dễ hiểu");
    traffic.rate(2, "/bai-viet/cau-treo", 3, "=1+1");
    assert!(real_now() + offset < MIDNIGHT - 500, "the evening's hits took too long; rerun");
    // Monday 1 December, just after.
    std::thread::sleep(Duration::from_millis((MIDNIGHT + 500 - (real_now() + offset)).max(0) as u64));
    traffic.read(1, "/bai-viet/cau-treo");
    for visitor in 4..=6 {
        traffic.read(visitor, "/bai-viet/mua-lu");
    }
    traffic.rate(4, "/bai-viet/mua-lu", 1, "Chữ quá nhỏ");

    let stats_url = format!("{}/v1/staff/stats?from=2025-11-29&to=2025-12-01", server.url);
    // The token, and only the token.
    for token in [None, Some("sai"), Some("so-lieu-token-0123456789abcdeX")] {
        let refused = get(&stats_url, token);
        assert_eq!(refused.status, 401, "{token:?}");
        assert!(refused.body["error"].as_str().unwrap().contains("staff token"));
    }
    let reply = get(&stats_url, Some(TOKEN));
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(reply.header("access-control-allow-origin"), Some(SITE));
    let figures = reply.body;
    let visits = traffic.reference.visits_by_day();
    let page_days = traffic.reference.page_days();
    let days = figures["days"].as_array().unwrap();
    assert_eq!(days.len(), 3);
    for (day, figure) in (parse_date("2025-11-29").unwrap()..).zip(days) {
        assert_eq!(figure["date"], date_text(day));
        assert_eq!(figure["visits"], visits.get(&day).copied().unwrap_or(0), "{figure}");
        let views: u64 = page_days.iter().filter(|((_, d), _)| *d == day).map(|(_, n)| n).sum();
        assert_eq!(figure["views"], views, "{figure}");
    }
    // Sunday: three readers, five views; Monday: four readers, three views
    // (reader 1 came back to the same page within 30 minutes: no new view).
    assert_eq!((days[1]["visits"].as_u64(), days[1]["views"].as_u64()), (Some(3), Some(5)));
    assert_eq!((days[2]["visits"].as_u64(), days[2]["views"].as_u64()), (Some(4), Some(3)));
    assert_eq!((figures["week"]["from"].as_str(), figures["week"]["visits"].as_u64()), (Some("2025-12-01"), Some(4)));
    assert_eq!((figures["month"]["from"].as_str(), figures["month"]["visits"].as_u64()), (Some("2025-12-01"), Some(4)));
    assert_eq!(figures["month"]["previous_to"], "2025-11-01");

    // The most-read pages over both days, and one kind.
    let pages = get(&format!("{}/v1/staff/pages?from=2025-11-30&to=2025-12-01", server.url), Some(TOKEN)).body;
    let ranked: Vec<(&str, u64)> = pages["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["path"].as_str().unwrap(), p["views"].as_u64().unwrap()))
        .collect();
    assert_eq!(ranked, [("/bai-viet/cau-treo", 3), ("/bai-viet/mua-lu", 3), ("/", 1), ("/van-ban/12-2025-qd-ubnd", 1)]);
    let documents =
        get(&format!("{}/v1/staff/pages?from=2025-11-30&to=2025-12-01&kind=van-ban", server.url), Some(TOKEN));
    assert_eq!(documents.body["pages"].as_array().unwrap().len(), 1);
    let bad = get(&format!("{}/v1/staff/pages?kind=anh", server.url), Some(TOKEN));
    assert_eq!(bad.status, 400);
    assert!(bad.body["error"].as_str().unwrap().contains("`kind`"));

    // A month's ratings add up; December's are not November's.
    let november = get(&format!("{}/v1/staff/ratings?month=2025-11", server.url), Some(TOKEN)).body;
    assert_eq!((november["count"].as_u64(), november["average"].as_f64()), (Some(2), Some(4.0)));
    assert_eq!(november["scores"], serde_json::json!([0, 0, 1, 0, 1]));
    let december = get(&format!("{}/v1/staff/ratings?month=2025-12", server.url), Some(TOKEN)).body;
    let months = december["months"].as_array().unwrap();
    assert_eq!((months[10]["month"].as_str(), months[10]["count"].as_u64()), (Some("2025-11"), Some(2)));
    assert_eq!((months[11]["month"].as_str(), months[11]["count"].as_u64()), (Some("2025-12"), Some(1)));
    assert_eq!(december["comments"][0]["comment"], "Chữ quá nhỏ");

    // The CSV says what the JSON says, formulas neutralised.
    let csv = send(
        &agent(),
        "GET",
        &format!("{stats_url}").replace("/stats?", "/stats.csv?"),
        None,
        &[("Authorization", &format!("Bearer {TOKEN}"))],
    )
    .unwrap();
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-disposition").unwrap().contains("so-lieu-truy-cap.csv"));
    let rows = parse_csv(csv.body.as_str().unwrap());
    assert_eq!(rows[0], ["Ngày", "Lượt truy cập", "Lượt xem"]);
    assert_eq!(rows[3], ["01/12/2025", "4", "3"]);
    let ratings_csv = get(&format!("{}/v1/staff/ratings.csv?month=2025-11", server.url), Some(TOKEN));
    let rows = parse_csv(ratings_csv.body.as_str().unwrap());
    assert!(rows.iter().any(|row| row.last().map(String::as_str) == Some("'=1+1")), "{rows:?}");
    drop(server);

    // Two days later, keeping three days: Sunday's views are pruned, its visits kept.
    let later = (offset + 2 * 86_400_000).to_string();
    let flags =
        ["--known-paths", &known, "--staff-token", TOKEN, "--clock-offset-ms", &later, "--stats-days-kept", "3"];
    let server = start(&dir.path().join("staff.sqlite3"), &flags);
    traffic.url = server.url.clone();
    traffic.read(7, "/");
    let pruned = get(&stats_url.replace(&traffic_base(&stats_url), &server.url), Some(TOKEN)).body;
    assert_eq!(pruned["kept_from"], "2025-12-01");
    assert_eq!((pruned["days"][1]["visits"].as_u64(), pruned["days"][1]["views"].as_u64()), (Some(3), Some(0)));
    assert_eq!(pruned["days"][2]["views"].as_u64(), Some(3));

    // Guessing tokens is capped: past 120 staff requests in a minute from one address, 429
    // (twice the cap and one more: one of the minutes they fall in gets over 120), and the
    // right token on another staff route is refused in that minute too. Should the minute
    // end between the two, the next one is tried.
    let cap = counter::report::STAFF_REQUESTS_PER_MINUTE;
    let shares_the_cap = (0..3).any(|_| {
        let limited = (0..=2 * cap)
            .map(|_| get(&format!("{}/v1/staff/stats", server.url), Some("doan-mo")))
            .find(|reply| reply.status == 429)
            .expect("a 429 within 241 requests");
        assert!(limited.header("retry-after").is_some());
        get(&format!("{}/v1/staff/questions", server.url), Some(TOKEN)).status == 429
    });
    assert!(shares_the_cap, "every staff route shares the cap");
}

/// `http://127.0.0.1:PORT` of a URL.
fn traffic_base(url: &str) -> String {
    let rest = url.strip_prefix("http://").unwrap();
    format!("http://{}", rest.split('/').next().unwrap())
}
