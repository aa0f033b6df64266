//! Concurrency and durability against a real `portal-counter` process.

mod support;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use counter::Config;
use counter::reference::ReferenceModel;
use model::stats::Hit;
use support::*;

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
    let reply = send(&agent(), "POST", &format!("{url}/v1/hit"), Some(&hit_body(&probe.visitor, &probe.hit, path)), &[("User-Agent", "probe-bot/1.0")]).unwrap();
    reply.body["views"].as_u64().unwrap()
}

#[test]
fn sixty_four_clients_get_exactly_the_reference_counts() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&dir.path().join("c.sqlite3"), &["--offset", "500", "--max-new-visitors-per-address", "100000"]);
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

    let mut reference = ReferenceModel::new(Config { offset: 500, week_start: 0, max_new_visitors_per_address: 100_000 });
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

#[test]
fn a_killed_server_keeps_every_acknowledged_hit_and_replay_lands_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let flags = ["--max-new-visitors-per-address", "100000"];
    let server = Server::start(&db, &flags);
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
    assert!(acknowledged.len() >= 800 && acknowledged.len() < all.len(), "killed mid-load: {} acknowledged", acknowledged.len());

    let server = Server::start(&db, &flags);
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
