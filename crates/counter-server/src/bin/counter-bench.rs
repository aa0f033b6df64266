//! `cargo xtask bench counter`: hits/s and latency of `portal-counter` on
//! loopback under wrk, beside the same server's bare `/healthz` rate measured
//! in the same run, then a check that every answered hit was stored.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

const LUA: &str = r#"
local thread_count = 0
function setup(thread)
  thread:set("thread_id", thread_count)
  thread_count = thread_count + 1
end
local n = 0
function request()
  n = n + 1
  -- 20,000 visitors coming back over and over, 50 pages, every hit id new.
  local visitor = string.format("visitor-%010d", (n * 7919 + thread_id * 104729) % 20000)
  local hit = string.format("hit-%02d-%014d", thread_id, n)
  local path = string.format("/bai-viet/bai-%d", n % 50)
  local body = string.format('{"visitor":"%s","hit":"%s","path":"%s"}', visitor, hit, path)
  return wrk.format("POST", "/v1/hit", { ["Content-Type"] = "text/plain", ["User-Agent"] = "Mozilla/5.0 (bench)" }, body)
end
"#;

struct Figures {
    requests: u64,
    per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
    errors: String,
}

fn wrk(url: &str, script: Option<&Path>, seconds: u32, connections: u32) -> Figures {
    let mut command = Command::new("wrk");
    command.args(["-t2", &format!("-c{connections}"), &format!("-d{seconds}s"), "--latency"]);
    if let Some(script) = script {
        command.arg("-s").arg(script);
    }
    let output = command.arg(url).output().expect("running wrk (Debian package wrk)");
    let text = String::from_utf8_lossy(&output.stdout).to_string();
    assert!(output.status.success(), "wrk failed: {text}{}", String::from_utf8_lossy(&output.stderr));
    let line_after =
        |label: &str| text.lines().find_map(|l| l.trim().strip_prefix(label).map(|r| r.trim().to_string()));
    let ms = |value: String| -> f64 {
        let (number, unit) = value.split_at(value.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(value.len()));
        let number: f64 = number.parse().unwrap_or(f64::NAN);
        match unit {
            "us" => number / 1000.0,
            "ms" => number,
            "s" => number * 1000.0,
            _ => f64::NAN,
        }
    };
    let requests = text
        .lines()
        .find(|l| l.contains("requests in"))
        .and_then(|l| l.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    let errors = text
        .lines()
        .filter(|l| l.contains("Socket errors") || l.contains("Non-2xx"))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("; ");
    Figures {
        requests,
        per_second: line_after("Requests/sec:").and_then(|v| v.parse().ok()).unwrap_or(f64::NAN),
        p50_ms: line_after("50%").map(ms).unwrap_or(f64::NAN),
        p99_ms: line_after("99%").map(ms).unwrap_or(f64::NAN),
        errors,
    }
}

fn main() {
    let seconds: u32 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10);
    let server_bin: PathBuf = std::env::current_exe().unwrap().with_file_name("portal-counter");
    let dir = std::env::temp_dir().join(format!("counter-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("bench.sqlite3");
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut server = Command::new(&server_bin)
        .args(["--listen", &format!("127.0.0.1:{port}"), "--db"])
        .arg(&db)
        .args(["--max-new-visitors-per-address", "1000000000"])
        .stdout(Stdio::null())
        .spawn()
        .expect("starting portal-counter");
    std::thread::sleep(Duration::from_millis(500));
    let script = dir.join("hit.lua");
    std::fs::write(&script, LUA).unwrap();
    let base = format!("http://127.0.0.1:{port}");

    println!("portal-counter on loopback, wrk -t2 -c64 -d{seconds}s, 2 cores shared by server and load generator");
    let baseline = wrk(&format!("{base}/healthz"), None, seconds, 64);
    let hits = wrk(&format!("{base}/v1/hit"), Some(&script), seconds, 64);
    server.kill().ok();
    server.wait().ok();

    let stored: i64 = rusqlite::Connection::open(&db)
        .and_then(|c| c.query_row("SELECT COUNT(*) FROM hit_ids", [], |row| row.get(0)))
        .expect("reading the bench database");
    println!("{:<22} {:>12} {:>10} {:>10} {:>12}", "endpoint", "requests/s", "p50 ms", "p99 ms", "vs healthz");
    for (name, f) in [("GET /healthz (baseline)", &baseline), ("POST /v1/hit", &hits)] {
        println!(
            "{name:<22} {:>12.0} {:>10.2} {:>10.2} {:>11.2}×",
            f.per_second,
            f.p50_ms,
            f.p99_ms,
            f.per_second / baseline.per_second
        );
    }
    println!(
        "hits answered: {}, hits stored: {stored}{}",
        hits.requests,
        if hits.errors.is_empty() { String::new() } else { format!(" ({})", hits.errors) }
    );
    let _ = std::fs::remove_dir_all(&dir);
    if stored < hits.requests as i64 {
        eprintln!("LOST: {} answered hits are not in the database", hits.requests as i64 - stored);
        std::process::exit(1);
    }
}
