//! `cargo xtask bench counter`: hits/s and latency of `portal-counter` on
//! loopback under wrk, beside the same server's bare `/healthz` rate and a
//! baseline build's hits measured in the same run, then a check that every
//! answered hit was stored; then what hostile hits (one visitor, made-up
//! paths) leave on disk for two volumes of attack; then comments and
//! questions per second, checked stored, and their bytes per 10,000.
//!
//! usage: counter-bench [SECONDS] [BASELINE_PORTAL_COUNTER]

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

/// One client's visitor posting made-up paths as fast as it can.
const HOSTILE_LUA: &str = r#"
local n = 0
function request()
  n = n + 1
  local body = string.format('{"visitor":"attacker-000000001","hit":"hostile-%014d","path":"/bai-viet/bia-%d"}', n, n)
  return wrk.format("POST", "/v1/hit", { ["Content-Type"] = "text/plain", ["User-Agent"] = "Mozilla/5.0 (bench)" }, body)
end
"#;

/// Comments on one open draft and questions, alternating, each with its own
/// text (211 characters, 279 bytes of Vietnamese), as JSON.
const SUBMISSION_LUA: &str = r#"
local thread_count = 0
function setup(thread)
  thread:set("thread_id", thread_count)
  thread_count = thread_count + 1
end
local n = 0
local text = "Đề nghị cơ quan soạn thảo làm rõ Điều 3 về thời gian họp chợ phiên, bổ sung trách nhiệm của ban quản lý chợ trong việc giữ vệ sinh và bố trí chỗ cho người dân mang nông sản tự sản xuất đến bán mà không thu phí. "
function request()
  n = n + 1
  local headers = { ["Content-Type"] = "text/plain", ["User-Agent"] = "Mozilla/5.0 (bench)", ["Origin"] = "https://portal.example" }
  if n % 2 == 0 then
    local body = string.format('{"path":"/du-thao/cho-phien","name":"Người góp ý %d-%d","email":"gop-y-%d@example.org","content":"%s %d","consent":true}', thread_id, n, n, text, n)
    return wrk.format("POST", "/v1/comments", headers, body)
  end
  local body = string.format('{"name":"Người hỏi %d-%d","contact":"0912 345 %03d","topic":"Đất đai","question":"%s %d","consent":true}', thread_id, n, n % 1000, text, n)
  return wrk.format("POST", "/v1/questions", headers, body)
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

/// A running server on a free port; killed when dropped.
struct Server {
    child: std::process::Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

fn start(binary: &Path, db: &Path, flags: &[&str]) -> Server {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = Command::new(binary)
        .args(["--listen", &format!("127.0.0.1:{port}"), "--db"])
        .arg(db)
        .args(flags)
        .stdout(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("starting {}: {e}", binary.display()));
    std::thread::sleep(Duration::from_millis(500));
    Server { child, base: format!("http://127.0.0.1:{port}") }
}

/// The database's size once its write-ahead log is checkpointed into it.
fn stored_bytes(db: &Path) -> u64 {
    let connection = rusqlite::Connection::open(db).expect("opening the bench database");
    connection.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).expect("checkpointing");
    std::fs::metadata(db).map(|m| m.len()).unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let seconds: u32 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10);
    let baseline_bin = args.get(2).map(PathBuf::from);
    let server_bin: PathBuf = std::env::current_exe().unwrap().with_file_name("portal-counter");
    let dir = std::env::temp_dir().join(format!("counter-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let known = dir.join("counted-paths.json");
    let pages: Vec<String> = (0..50).map(|n| format!("/bai-viet/bai-{n}")).collect();
    std::fs::write(&known, serde_json::to_string(&pages).unwrap()).unwrap();
    let known = known.display().to_string();
    let script = dir.join("hit.lua");
    std::fs::write(&script, LUA).unwrap();
    let hostile = dir.join("hostile.lua");
    std::fs::write(&hostile, HOSTILE_LUA).unwrap();
    // wrk is one address: its caps are lifted for the throughput runs.
    let open_caps = ["--max-new-visitors-per-address", "1000000000", "--max-hits-per-visitor-minute", "1000000000"];
    let open_caps =
        [&open_caps[..], &["--max-hits-per-address-minute", "1000000000", "--known-paths", &known]].concat();

    println!("portal-counter on loopback, wrk -t2 -c64 -d{seconds}s, 2 cores shared by server and load generator");
    let mut rows = Vec::new();
    let db = dir.join("bench.sqlite3");
    let (baseline, hits) = {
        let server = start(&server_bin, &db, &open_caps);
        (
            wrk(&format!("{}/healthz", server.base), None, seconds, 64),
            wrk(&format!("{}/v1/hit", server.base), Some(&script), seconds, 64),
        )
    };
    let stored: i64 = rusqlite::Connection::open(&db)
        .and_then(|c| c.query_row("SELECT COUNT(*) FROM hit_ids", [], |row| row.get(0)))
        .expect("reading the bench database");
    rows.push(("GET /healthz", baseline.per_second, baseline.p50_ms, baseline.p99_ms));
    if let Some(old) = &baseline_bin {
        // The build before the path check, with its own flags (no --known-paths then).
        let old_db = dir.join("baseline.sqlite3");
        let server = start(old, &old_db, &["--max-new-visitors-per-address", "1000000000"]);
        let old_hits = wrk(&format!("{}/v1/hit", server.base), Some(&script), seconds, 64);
        rows.push(("POST /v1/hit (before)", old_hits.per_second, old_hits.p50_ms, old_hits.p99_ms));
    }
    rows.push(("POST /v1/hit", hits.per_second, hits.p50_ms, hits.p99_ms));
    let reference = rows.get(1).filter(|_| baseline_bin.is_some()).map(|r| r.1);
    println!(
        "{:<24} {:>12} {:>10} {:>10} {:>11} {:>14}",
        "endpoint", "requests/s", "p50 ms", "p99 ms", "vs healthz", "vs before"
    );
    for (name, per_second, p50, p99) in &rows {
        println!(
            "{name:<24} {per_second:>12.0} {p50:>10.2} {p99:>10.2} {:>10.2}× {:>13}",
            per_second / baseline.per_second,
            reference.map_or("—".to_string(), |r| format!("{:.2}×", per_second / r))
        );
    }
    println!(
        "hits answered: {}, hits stored: {stored}{}",
        hits.requests,
        if hits.errors.is_empty() { String::new() } else { format!(" ({})", hits.errors) }
    );
    if stored < hits.requests as i64 {
        eprintln!("LOST: {} answered hits are not in the database", hits.requests as i64 - stored);
        std::process::exit(1);
    }

    // Hostile: one visitor, a new made-up path every hit, default caps.
    println!("hostile hits (one visitor, every path made up, default caps), database bytes after a checkpoint:");
    println!("{:>10} {:>14} {:>14} {:>22}", "seconds", "hits sent", "bytes stored", "bytes per 100,000 hits");
    for attack_seconds in [seconds / 2, seconds * 2] {
        let hostile_db = dir.join(format!("hostile-{attack_seconds}.sqlite3"));
        let empty = {
            let _server = start(&server_bin, &hostile_db, &["--known-paths", &known]);
            stored_bytes(&hostile_db)
        };
        let sent = {
            let server = start(&server_bin, &hostile_db, &["--known-paths", &known]);
            wrk(&format!("{}/v1/hit", server.base), Some(&hostile), attack_seconds.max(1), 64).requests
        };
        let bytes = stored_bytes(&hostile_db).saturating_sub(empty);
        println!(
            "{:>10} {sent:>14} {bytes:>14} {:>22.0}",
            attack_seconds.max(1),
            bytes as f64 * 100_000.0 / sent.max(1) as f64
        );
    }

    // Citizens' submissions, one address with its caps lifted (wrk is one address).
    std::fs::write(
        dir.join("consultations.json"),
        r#"[{"path":"/du-thao/cho-phien","closes":"2099-12-31T17:00:00+07:00"}]"#,
    )
    .unwrap();
    std::fs::write(dir.join("question-topics.json"), r#"["Đất đai"]"#).unwrap();
    let submissions = dir.join("submissions.lua");
    std::fs::write(&submissions, SUBMISSION_LUA).unwrap();
    let submit_db = dir.join("submissions.sqlite3");
    let lifted = [
        "--allow-origin",
        "https://portal.example",
        "--max-submissions-per-address-day",
        "1000000000",
        "--max-comments-per-consultation",
        "1000000000",
        "--max-stored-submissions",
        "1000000000",
    ];
    let flags = [&open_caps[..], &lifted[..]].concat();
    let empty = {
        let _server = start(&server_bin, &submit_db, &flags);
        stored_bytes(&submit_db)
    };
    let sent = {
        let server = start(&server_bin, &submit_db, &flags);
        wrk(&server.base, Some(&submissions), seconds, 64)
    };
    let kept: i64 = rusqlite::Connection::open(&submit_db)
        .and_then(|c| {
            c.query_row("SELECT (SELECT COUNT(*) FROM comments) + (SELECT COUNT(*) FROM questions)", [], |r| r.get(0))
        })
        .expect("reading the bench database");
    let bytes = stored_bytes(&submit_db).saturating_sub(empty);
    println!("comments and questions (half each, 279 B of Vietnamese text each), wrk -t2 -c64 -d{seconds}s:");
    println!(
        "{:<24} {:>12} {:>10} {:>10} {:>11} {:>22}",
        "endpoint", "requests/s", "p50 ms", "p99 ms", "vs healthz", "bytes per 10,000"
    );
    println!(
        "{:<24} {:>12.0} {:>10.2} {:>10.2} {:>10.2}× {:>22.0}",
        "POST comments+questions",
        sent.per_second,
        sent.p50_ms,
        sent.p99_ms,
        sent.per_second / baseline.per_second,
        bytes as f64 * 10_000.0 / kept.max(1) as f64
    );
    println!(
        "submissions answered: {}, stored: {kept}{}",
        sent.requests,
        if sent.errors.is_empty() { String::new() } else { format!(" ({})", sent.errors) }
    );
    if kept < sent.requests as i64 {
        eprintln!("LOST: {} answered submissions are not in the database", sent.requests as i64 - kept);
        std::process::exit(1);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
