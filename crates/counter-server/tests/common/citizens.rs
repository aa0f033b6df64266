//! Comments on drafts and citizens' questions, run against both adapters
//! (citizens.rs for `portal-counter`, worker.rs for the Worker).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::suites::{Launch, parse_csv};
use super::*;

pub const PORTAL: &str = "https://sonvan.gov.example";
const TOKEN: &str = "bi-mat-cua-van-phong-2026";
const FORM: &str = "application/x-www-form-urlencoded";

/// The published site a test's function reads: two drafts (one open, one
/// closed), the topics, the answered questions.
pub struct Site {
    pub dir: tempfile::TempDir,
    pub known: String,
}

impl Site {
    pub fn new() -> Site {
        let dir = tempfile::tempdir().unwrap();
        let known = known_paths_file(dir.path(), &["/du-thao/quy-che-mo", "/du-thao/da-dong", "/hoi-dap/dat-dai"]);
        let site = Site { dir, known };
        site.write(
            "consultations.json",
            &serde_json::json!([{"path": "/du-thao/quy-che-mo", "closes": "2099-12-31T17:00:00+07:00"},
                                {"path": "/du-thao/het-han", "closes": "2020-01-01T17:00:00+07:00"}]),
        );
        site.write("question-topics.json", &serde_json::json!(["Đất đai", "Giáo dục", "Y tế"]));
        site.write("answered-questions.json", &serde_json::json!([]));
        site
    }

    pub fn write(&self, name: &str, value: &serde_json::Value) {
        std::fs::write(self.dir.path().join(name), value.to_string()).unwrap();
    }

    pub fn start(&self, start: Launch, extra: &[&str]) -> Server {
        let mut flags =
            vec!["--behind-proxy", "--allow-origin", PORTAL, "--staff-token", TOKEN, "--known-paths", &self.known];
        flags.extend_from_slice(extra);
        start(&self.dir.path().join("c.sqlite3"), &flags)
    }
}

fn from(address: &str) -> [(&str, &str); 3] {
    [("Origin", PORTAL), ("X-Forwarded-For", address), ("CF-Connecting-IP", address)]
}

pub fn comment_body(path: &str, content: &str) -> String {
    serde_json::json!({"path": path, "name": "Lò Thị Xuân", "email": "xuan@example.org",
                       "content": content, "consent": true})
    .to_string()
}

fn question_body(topic: &str) -> String {
    serde_json::json!({"name": "Vàng A Dình", "contact": "0912 345 678", "topic": topic,
                       "question": "Xin hỏi thủ tục cấp đổi giấy chứng nhận quyền sử dụng đất?", "consent": true})
    .to_string()
}

fn post(url: &str, route: &str, body: &str, headers: &[(&str, &str)]) -> Reply {
    send(&agent(), "POST", &format!("{url}{route}"), Some(body), headers).unwrap()
}

fn staff(url: &str, method: &str, route: &str) -> Reply {
    let bearer = format!("Bearer {TOKEN}");
    send(&agent(), method, &format!("{url}{route}"), None, &[("Authorization", &bearer)]).unwrap()
}

/// Sends, checks the answer and the reason's words.
fn refused(url: &str, route: &str, body: &str, headers: &[(&str, &str)], status: u16, words: &str) {
    let reply = post(url, route, body, headers);
    assert_eq!(reply.status, status, "{body}: {:?}", reply.body);
    let reason = reply.body["error"].as_str().unwrap_or_else(|| panic!("no JSON error: {:?}", reply.body));
    assert!(reason.contains(words), "{body}: {reason}");
}

pub fn comments_and_questions_are_checked_stored_looked_up_and_exported(start: Launch) {
    let site = Site::new();
    let server = site.start(start, &[]);
    let url = &server.url;
    let me = from("198.51.100.7");
    let script = "<script>alert('x')</script> Đề nghị sửa Điều 3 & bổ sung “phụ lục”.";
    let taken = post(url, "/v1/comments", &comment_body("/du-thao/quy-che-mo", script), &me);
    assert_eq!(taken.status, 201, "{:?}", taken.body);
    let id = taken.body["id"].as_str().unwrap().to_string();

    // Each bad input its own refusal, and nothing stored.
    let long = "ý".repeat(5001);
    for (body, status, words) in [
        (comment_body("/du-thao/khong-co", "x"), 404, "Không có dự thảo"),
        (comment_body("/du-thao/da-dong", "x"), 409, "không lấy ý kiến"),
        (comment_body("/du-thao/het-han", "x"), 409, "hết thời gian"),
        (comment_body("/du-thao/quy-che-mo", &long), 400, "5.000 ký tự"),
        (comment_body("/du-thao/quy-che-mo", " "), 400, "Cần nhập nội dung"),
        (r#"{"path":"/du-thao/quy-che-mo","content":"x","consent":true}"#.into(), 400, "name"),
        (r#"{"path":"/du-thao/quy-che-mo","name":"A","content":"x","consent":true,"phone":"1"}"#.into(), 400, "phone"),
        (r#"{"path":"/du-thao/quy-che-mo","name":"A","content":"x"}"#.into(), 400, "đồng ý"),
        (
            r#"{"path":"/du-thao/quy-che-mo","name":"A","content":"x","consent":true,"website":"x.vn"}"#.into(),
            400,
            "để trống",
        ),
        ("{\"path\":".into(), 400, "JSON"),
    ] {
        refused(url, "/v1/comments", &body, &me, status, words);
    }
    refused(url, "/v1/comments", &comment_body("/du-thao/quy-che-mo", "x"), &[], 403, "Origin");
    let elsewhere = [("Origin", "https://gia-mao.example")];
    refused(url, "/v1/comments", &comment_body("/du-thao/quy-che-mo", "x"), &elsewhere, 403, "Origin");
    refused(url, "/v1/questions", &question_body("Thời tiết"), &me, 400, "Thời tiết");

    // A plain form: the same fields, `consent=on`, answered 303 to the portal.
    let form = [("Content-Type", FORM), me[0], me[1], me[2]];
    let sent = post(
        url,
        "/v1/comments",
        "path=%2Fdu-thao%2Fquy-che-mo%2F&name=B&content=G%C3%B3p+%C3%BD&consent=on&website=",
        &form,
    );
    assert_eq!(sent.status, 303);
    assert_eq!(sent.header("location"), Some(&*format!("{PORTAL}/du-thao/quy-che-mo?da-gui=1#da-gui")));
    let no_consent = post(url, "/v1/comments", "path=%2Fdu-thao%2Fquy-che-mo&name=B&content=x", &form);
    assert_eq!(no_consent.status, 400);
    assert!(no_consent.body.as_str().is_some_and(|text| text.contains("đồng ý")), "a form's sender reads text");
    let asked =
        post(url, "/v1/questions", "name=C&topic=%C4%90%E1%BA%A5t+%C4%91ai&question=H%E1%BB%8Fi&consent=on", &form);
    assert_eq!(asked.status, 303);
    let location = asked.header("location").unwrap().to_string();
    let code = location.strip_prefix(&format!("{PORTAL}/hoi-dap/da-gui?ma=")).unwrap_or_else(|| panic!("{location}"));
    assert!(model::submissions::is_question_code(code), "{code}");

    // The lookup: received, nothing personal; the form's lookup goes to the portal's page.
    let status = send(&agent(), "GET", &format!("{url}/v1/questions/{code}"), None, &[]).unwrap();
    assert_eq!(status.body, serde_json::json!({"code": code, "status": "received"}));
    let lookup = |code: &str| send(&agent(), "GET", &format!("{url}/v1/questions?ma={code}"), None, &[]).unwrap();
    assert_eq!(lookup(code).header("location"), Some(&*format!("{PORTAL}/hoi-dap/da-nhan?ma={code}")));
    assert_eq!(
        lookup("HD-2026-ZZZZZZZZ").header("location"),
        Some(&*format!("{PORTAL}/hoi-dap/khong-tim-thay?ma=HD-2026-ZZZZZZZZ"))
    );
    assert_eq!(send(&agent(), "GET", &format!("{url}/v1/questions/HD-2026-ZZZZZZZZ"), None, &[]).unwrap().status, 404);

    // The press publishes an answer with the code: the lookup says answered.
    site.write("answered-questions.json", &serde_json::json!([{"code": code, "path": "/hoi-dap/dat-dai"}]));
    let started = Instant::now();
    loop {
        let status = send(&agent(), "GET", &format!("{url}/v1/questions/{code}"), None, &[]).unwrap();
        if status.body["status"] == "answered" {
            assert_eq!(
                status.body,
                serde_json::json!({"code": code, "status": "answered", "answer_path": "/hoi-dap/dat-dai"})
            );
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "the answered questions were never read again");
        std::thread::sleep(Duration::from_millis(300));
    }
    assert_eq!(lookup(code).header("location"), Some(&*format!("{PORTAL}/hoi-dap/dat-dai")));

    // Staff only, with the token.
    for route in ["/v1/staff/comments", "/v1/staff/comments.csv", "/v1/staff/questions", "/v1/staff/questions.csv"] {
        assert_eq!(send(&agent(), "GET", &format!("{url}{route}"), None, &[]).unwrap().status, 401, "{route}");
        let wrong = [("Authorization", "Bearer doan-bua")];
        assert_eq!(send(&agent(), "GET", &format!("{url}{route}"), None, &wrong).unwrap().status, 401, "{route}");
    }
    assert_eq!(send(&agent(), "DELETE", &format!("{url}/v1/staff/comments/{id}"), None, &[]).unwrap().status, 401);
    let comments = staff(url, "GET", "/v1/staff/comments?path=/du-thao/quy-che-mo");
    assert_eq!(comments.body.as_array().unwrap().len(), 2, "{:?}", comments.body);
    assert_eq!(comments.body[0]["content"], script, "stored as typed, returned as JSON text");
    assert_eq!(comments.body[0]["name"], "Lò Thị Xuân");
    let csv = staff(url, "GET", "/v1/staff/comments.csv");
    assert!(csv.header("content-disposition").is_some_and(|d| d.contains("gop-y-du-thao.csv")));
    let text = csv.body.as_str().unwrap();
    assert!(text.starts_with('\u{feff}'), "a byte-order mark for spreadsheet programs");
    let rows = parse_csv(text);
    assert_eq!(rows[0][0].trim_start_matches('\u{feff}'), "Mã");
    assert_eq!((rows[1][3].as_str(), rows[1][6].as_str()), ("Lò Thị Xuân", script));
    let questions = staff(url, "GET", "/v1/staff/questions");
    assert_eq!(questions.body[0]["status"], "answered");
    assert_eq!(questions.body[0]["topic"], "Đất đai");

    // A formula typed as a comment is exported as text, never run.
    assert_eq!(post(url, "/v1/comments", &comment_body("/du-thao/quy-che-mo", "=HYPERLINK(\"x\")"), &me).status, 201);
    let rows = parse_csv(staff(url, "GET", "/v1/staff/comments.csv").body.as_str().unwrap());
    assert!(rows.iter().any(|row| row[6] == "'=HYPERLINK(\"x\")"), "{rows:?}");

    // Deleted on request: gone from the lists and from the lookup.
    assert_eq!(staff(url, "DELETE", &format!("/v1/staff/comments/{id}")).status, 200);
    assert_eq!(staff(url, "DELETE", &format!("/v1/staff/comments/{id}")).status, 404);
    assert_eq!(staff(url, "GET", "/v1/staff/comments").body.as_array().unwrap().len(), 2);
    let ask = post(url, "/v1/questions", &question_body("Y tế"), &me);
    assert_eq!(ask.status, 201, "{:?}", ask.body);
    let second = ask.body["code"].as_str().unwrap();
    assert_eq!(staff(url, "DELETE", &format!("/v1/staff/questions/{second}")).status, 200);
    assert_eq!(send(&agent(), "GET", &format!("{url}/v1/questions/{second}"), None, &[]).unwrap().status, 404);
}

pub fn a_flood_from_one_address_is_bounded_and_others_still_get_through(start: Launch) {
    let site = Site::new();
    let server = site.start(start, &["--max-hits-per-address-minute", "1000000"]);
    let url = server.url.clone();
    let queue = Arc::new(Mutex::new((0..20_000).collect::<Vec<usize>>()));
    let answers = Arc::new(Mutex::new((0usize, 0usize)));
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let (queue, answers, url) = (queue.clone(), answers.clone(), url.clone());
            std::thread::spawn(move || {
                let agent = agent();
                let headers = from("203.0.113.66");
                loop {
                    let Some(n) = queue.lock().unwrap().pop() else { break };
                    let body = comment_body("/du-thao/quy-che-mo", &format!("Thư rác số {n} {}", "x".repeat(2000)));
                    let reply = send(&agent, "POST", &format!("{url}/v1/comments"), Some(&body), &headers).unwrap();
                    let mut answers = answers.lock().unwrap();
                    match reply.status {
                        201 => answers.0 += 1,
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
    let (stored, limited) = *answers.lock().unwrap();
    assert_eq!((stored, limited), (10, 19_990), "one address: at most 10 a day");
    // Honest citizens from their own addresses still get through.
    for n in 0..20 {
        let reply = post(
            &url,
            "/v1/comments",
            &comment_body("/du-thao/quy-che-mo", "Đồng ý với dự thảo."),
            &from(&format!("198.51.100.{n}")),
        );
        assert_eq!(reply.status, 201, "{:?}", reply.body);
    }
    assert_eq!(staff(&url, "GET", "/v1/staff/comments").body.as_array().unwrap().len(), 30);

    // A full store answers 503 with Retry-After and keeps what it has.
    drop(server);
    let server = site.start(start, &["--max-comments-per-consultation", "30"]);
    let reply = post(&server.url, "/v1/comments", &comment_body("/du-thao/quy-che-mo", "Thêm"), &from("192.0.2.1"));
    assert_eq!(reply.status, 503, "{:?}", reply.body);
    assert!(reply.header("retry-after").is_some());
    assert_eq!(staff(&server.url, "GET", "/v1/staff/comments").body.as_array().unwrap().len(), 30);
}

pub fn a_killed_function_keeps_every_acknowledged_submission(start: Launch) {
    let site = Site::new();
    let server = site.start(start, &[]);
    let url = server.url.clone();
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let (acknowledged, stop, url) = (acknowledged.clone(), stop.clone(), url.clone());
            std::thread::spawn(move || {
                let agent = agent();
                for n in 0.. {
                    if stop.load(std::sync::atomic::Ordering::Relaxed) {
                        break;
                    }
                    let address = format!("10.{t}.{}.{}", n / 250, n % 250);
                    let body = comment_body("/du-thao/quy-che-mo", &format!("Góp ý {t}-{n}"));
                    match send(&agent, "POST", &format!("{url}/v1/comments"), Some(&body), &from(&address)) {
                        Ok(reply) if reply.status == 201 => {
                            acknowledged.lock().unwrap().push(reply.body["id"].as_str().unwrap().to_string())
                        }
                        _ => break,
                    }
                }
            })
        })
        .collect();
    let started = Instant::now();
    while acknowledged.lock().unwrap().len() < 300 && started.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(5));
    }
    server.kill_hard();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for thread in threads {
        thread.join().unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(acknowledged.len() >= 300, "{} acknowledged before the kill", acknowledged.len());
    let server = site.start(start, &[]);
    let kept: std::collections::HashSet<String> = staff(&server.url, "GET", "/v1/staff/comments")
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    let lost: Vec<&String> = acknowledged.iter().filter(|id| !kept.contains(*id)).collect();
    assert!(lost.is_empty(), "{} acknowledged comments lost, e.g. {:?}", lost.len(), lost.first());
}
