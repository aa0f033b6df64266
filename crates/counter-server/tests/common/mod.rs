//! A real counter process on loopback (portal-counter or the Worker under
//! workerd), a small HTTP client for it, and the test bodies both must pass.
#![allow(dead_code)]

pub mod citizens;
pub mod staff;
pub mod suites;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub const BROWSER: &str =
    "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";

pub struct Server {
    child: Child,
    pub url: String,
    pub db: PathBuf,
}

impl Server {
    /// Starts `portal-counter` on a free port with these extra flags.
    pub fn start(db: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_portal-counter"))
            .args(["--listen", "127.0.0.1:0", "--db"])
            .arg(db)
            .args(extra)
            .stdout(Stdio::piped())
            .spawn()
            .expect("starting portal-counter");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let url = line
            .split_whitespace()
            .find(|word| word.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        Server { child, url, db: db.to_path_buf() }
    }

    /// Starts the Worker (built by worker-build in crates/counter-worker) under
    /// workerd, with the same flags translated to its bindings; `storage` is
    /// the folder that holds its Durable Object's SQLite files.
    pub fn start_worker(storage: &Path, flags: &[&str]) -> Server {
        let worker = Path::new(env!("CARGO_MANIFEST_DIR")).join("../counter-worker");
        let build = std::env::var_os("COUNTER_WORKER_BUILD").map(PathBuf::from).unwrap_or(worker.join("build"));
        let workerd =
            std::env::var_os("WORKERD_BIN").map(PathBuf::from).unwrap_or(worker.join("node_modules/.bin/workerd"));
        let setting = |flag: &str, default: &str| {
            flags.windows(2).find(|pair| pair[0] == flag).map_or(default.to_string(), |pair| pair[1].to_string())
        };
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let dir = storage.with_extension("workerd");
        std::fs::create_dir_all(storage).unwrap();
        std::fs::create_dir_all(&dir).unwrap();
        for file in ["index.js", "index_bg.wasm"] {
            std::fs::copy(build.join(file), dir.join(file)).unwrap_or_else(|e| {
                panic!("{}: {e} (build the worker first: cargo xtask test does)", build.join(file).display())
            });
        }
        let config = std::fs::read_to_string(worker.join("workerd.capnp.in"))
            .unwrap()
            .replace("@STORAGE@", &storage.display().to_string())
            .replace("@LISTEN@", &format!("127.0.0.1:{port}"))
            .replace("@ALLOW_ORIGINS@", &setting("--allow-origin", ""))
            .replace("@OFFSET@", &setting("--offset", "0"))
            .replace("@WEEK_START@", "0")
            .replace("@MAX_NEW_VISITORS_PER_ADDRESS@", &setting("--max-new-visitors-per-address", "300"))
            .replace("@MAX_HITS_PER_VISITOR_MINUTE@", &setting("--max-hits-per-visitor-minute", "30"))
            .replace("@MAX_HITS_PER_ADDRESS_MINUTE@", &setting("--max-hits-per-address-minute", "3000"))
            .replace("@MAX_SUBMISSIONS_PER_ADDRESS_DAY@", &setting("--max-submissions-per-address-day", "10"))
            .replace("@MAX_COMMENTS_PER_CONSULTATION@", &setting("--max-comments-per-consultation", "2000"))
            .replace("@MAX_STORED_SUBMISSIONS@", &setting("--max-stored-submissions", "20000"))
            .replace("@RETENTION_DAYS@", &setting("--retention-days", "730"))
            .replace("@STATS_DAYS_KEPT@", &setting("--stats-days-kept", "400"))
            .replace("@CLOCK_OFFSET_MS@", &setting("--clock-offset-ms", "0"))
            // The Worker fetches the list from the site: here, a file served on loopback.
            .replace("@KNOWN_PATHS_URL@", &serve_file(Path::new(&setting("--known-paths", ""))))
            .replace("@KNOWN_PATHS_REFRESH_SECONDS@", "1")
            .replace("@STAFF_TOKEN@", &setting("--staff-token", ""));
        std::fs::write(dir.join("config.capnp"), config).unwrap();
        let child = Command::new(&workerd)
            .arg("serve")
            .arg(dir.join("config.capnp"))
            .stdout(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{}: {e}", workerd.display()));
        let server = Server { child, url: format!("http://127.0.0.1:{port}"), db: storage.to_path_buf() };
        let started = std::time::Instant::now();
        while send(&agent(), "GET", &format!("{}/healthz", server.url), None, &[]).map(|r| r.status) != Ok(200) {
            assert!(started.elapsed() < Duration::from_secs(20), "workerd did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// SIGKILL: no chance to flush or clean up.
    pub fn kill_hard(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Reply {
    pub status: u16,
    pub body: serde_json::Value,
    pub headers: Vec<(String, String)>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

pub fn agent() -> ureq::Agent {
    // Redirects are the answer under test (a plain form's 303), not followed.
    ureq::AgentBuilder::new().timeout(Duration::from_secs(10)).redirects(0).build()
}

pub fn send(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    body: Option<&str>,
    headers: &[(&str, &str)],
) -> Result<Reply, String> {
    let mut request = agent.request(method, url).set("User-Agent", BROWSER);
    if body.is_some() {
        // What the app sends (no CORS preflight), unless the test says otherwise.
        request = request.set("Content-Type", "text/plain;charset=UTF-8");
    }
    for (name, value) in headers {
        request = request.set(name, value);
    }
    let result = match body {
        Some(body) => request.send_string(body),
        None => request.call(),
    };
    let response = match result {
        Ok(response) => response,
        Err(ureq::Error::Status(_, response)) => response,
        Err(error) => return Err(error.to_string()),
    };
    let status = response.status();
    let headers = response
        .headers_names()
        .into_iter()
        .map(|name| {
            let value = response.header(&name).unwrap_or_default().to_string();
            (name, value)
        })
        .collect();
    let text = response.into_string().map_err(|e| e.to_string())?;
    let body = serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text));
    Ok(Reply { status, body, headers })
}

/// Serves a file's folder over HTTP on loopback (as a site serves `data/`),
/// each file read afresh for every request (so a test can change it); 404
/// for a missing one. Returns the URL of the file.
pub fn serve_file(path: &Path) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let url = format!("http://{}/data/{name}", listener.local_addr().unwrap());
    let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut request = [0u8; 4096];
            let read = stream.read(&mut request).unwrap_or(0);
            let line = String::from_utf8_lossy(&request[..read]);
            let asked = line.split_whitespace().nth(1).unwrap_or("").rsplit('/').next().unwrap_or("").to_string();
            let reply = match std::fs::read(dir.join(&asked))
                .ok()
                .filter(|_| !asked.is_empty() && !asked.contains(".."))
            {
                Some(body) => {
                    let mut reply = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    )
                    .into_bytes();
                    reply.extend(body);
                    reply
                }
                None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec(),
            };
            let _ = stream.write_all(&reply);
        }
    });
    url
}

/// Writes `data/counted-paths.json` for these paths into `dir`; its path as a flag value.
pub fn known_paths_file<S: AsRef<str>>(dir: &Path, paths: &[S]) -> String {
    let file = dir.join("counted-paths.json");
    let list: Vec<&str> = paths.iter().map(AsRef::as_ref).collect();
    std::fs::write(&file, serde_json::to_string(&list).unwrap()).unwrap();
    file.display().to_string()
}

pub fn hit_body(visitor: &str, hit: &str, path: &str) -> String {
    serde_json::json!({ "visitor": visitor, "hit": hit, "path": path }).to_string()
}

pub fn stats(url: &str) -> serde_json::Value {
    send(&agent(), "GET", &format!("{url}/v1/stats"), None, &[]).unwrap().body
}
