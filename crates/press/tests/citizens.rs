//! Drafts open for comment and answered questions through the whole press:
//! what it refuses (with file and field), the pages it publishes, and the
//! files the function reads beside the counted paths — read back with the
//! function's own code.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    fn new() -> Site {
        let site = Site { dir: tempfile::tempdir().unwrap() };
        site.put(
            "content/site.json",
            &json!({
                "name": "Văn phòng UBND tỉnh", "tagline": "Cổng thông tin điện tử", "address": "Số 1",
                "phone": "0214 3 826 118", "email": "vanphong@example.org",
                "counter_endpoint": "/api/counter", "menu": [{"label": "Trang chủ", "href": "/"}]
            }),
        );
        site.put(
            "content/categories.json",
            &json!({"categories": [{"slug": "tin-tuc", "name": "Tin tức", "order": 1}]}),
        );
        site.put(
            "content/feedback.json",
            &json!({"topics": [{"slug": "dat-dai", "name": "Đất đai"}, {"slug": "y-te", "name": "Y tế"}],
                    "answer_within": "10 ngày làm việc", "keep_for": "2 năm"}),
        );
        fs::create_dir_all(site.path("content/articles")).unwrap();
        fs::create_dir_all(site.path("content/files/du-thao")).unwrap();
        fs::write(site.path("content/files/du-thao/quy-che.pdf"), vec![b'%'; 3000]).unwrap();
        fixtures::write_brand(&site.path("content")).unwrap();
        site.put(
            "content/consultations/quy-che.json",
            &consultation("2026-11-16T08:00:00+07:00", "2027-01-15T17:00:00+07:00"),
        );
        site.put(
            "content/consultations/da-xong.json",
            &consultation("2026-08-01T08:00:00+07:00", "2026-09-15T17:00:00+07:00"),
        );
        site.put("content/questions/cap-doi.json", &question("HD-2026-7K3M9QXA", "2026-10-09T16:00:00+07:00"));
        site
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    fn put(&self, relative: &str, value: &Value) {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, serde_json::to_string_pretty(value).unwrap()).unwrap();
    }

    fn build(&self) -> Result<press::Report, press::Error> {
        let (root, cache) = (self.path("out"), self.path("cache"));
        let site = press::Site { root: &root, photo_cache: &cache, deployed: None };
        let edition = press::Edition { now: "2026-12-01T09:00:00+07:00".parse().unwrap(), preview: false };
        press::build_site(&self.path("content"), &root.join("data"), Some(site), edition)
    }

    fn data(&self, relative: &str) -> String {
        fs::read_to_string(self.path("out/data").join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
    }

    fn fragment(&self, address: &str) -> String {
        let fragment: model::Fragment =
            serde_json::from_str(&self.data(&model::paths::page_fragment(address)["/data/".len()..])).unwrap();
        fragment.html
    }
}

fn consultation(opens: &str, closes: &str) -> Value {
    json!({
        "title": "Dự thảo Quy chế văn hóa công sở", "summary": "Trang phục, giao tiếp, ứng xử.", "agency": "Sở Nội vụ",
        "opens": opens, "closes": closes, "files": ["/du-thao/quy-che.pdf"], "contact": "Phòng Cải cách hành chính."
    })
}

fn question(code: &str, answered: &str) -> Value {
    json!({
        "code": code, "title": "Cấp đổi giấy chứng nhận", "topic": "dat-dai", "asked": "2026-10-02T09:15:00+07:00",
        "question": "Xin hỏi thủ tục cấp đổi?", "answer": "Nộp đơn tại **Bộ phận một cửa**.",
        "answered_by": "Sở Nông nghiệp và Môi trường", "answered": answered
    })
}

fn errors(site: &Site) -> Vec<press::ContentError> {
    let error = site.build().expect_err("the build should fail");
    assert!(!error.content_errors().is_empty(), "{error}");
    assert!(!site.path("out/data").exists(), "a failed build published data");
    error.content_errors().to_vec()
}

#[test]
fn the_pages_and_what_the_function_reads_of_them() {
    let site = Site::new();
    // Answered later than the build: not out yet, and the scheduled run told when.
    site.put("content/questions/sau.json", &question("HD-2026-ABCDEFGH", "2026-12-03T08:00:00+07:00"));
    site.build().unwrap();

    let open: Value = serde_json::from_str(&site.data("consultations.json")).unwrap();
    assert_eq!(
        open,
        json!([{"path": "/du-thao/quy-che", "closes": "2027-01-15T17:00:00+07:00"}]),
        "the open draft only"
    );
    let answered: Value = serde_json::from_str(&site.data("answered-questions.json")).unwrap();
    assert_eq!(answered, json!([{"code": "HD-2026-7K3M9QXA", "path": "/hoi-dap/cap-doi"}]));
    assert_eq!(site.data("question-topics.json"), r#"["Đất đai","Y tế"]"#);
    let edition: model::Edition = serde_json::from_str(&site.data("edition.json")).unwrap();
    assert_eq!(edition.next_change.as_deref(), Some("2026-12-02T00:00:00+07:00"), "the days left change at midnight");

    // The function reads them with its own code: open, answered, topics, closed draft counted.
    let published = counter::published::Published::from_files(
        &site.data("counted-paths.json"),
        Some(&site.data("consultations.json")),
        Some(&site.data("answered-questions.json")),
        Some(&site.data("question-topics.json")),
    )
    .unwrap();
    assert!(published.drafts.contains_key("/du-thao/quy-che"));
    assert!(published.paths.counted("/du-thao/da-xong").is_some(), "a closed draft is a known page (409, not 404)");
    assert_eq!(published.answered["HD-2026-7K3M9QXA"], "/hoi-dap/cap-doi");
    assert!(published.topics.contains("Y tế"));

    let listing = site.fragment("/du-thao");
    let (open_at, closed_at) =
        (listing.find("Đang lấy ý kiến").unwrap(), listing.find("Đã kết thúc lấy ý kiến").unwrap());
    assert!(open_at < closed_at, "open drafts first");
    assert!(listing.contains("Còn 45 ngày"), "{listing}");
    let page = site.fragment("/du-thao/quy-che");
    assert!(page.contains(r#"action="/api/counter/v1/comments" method="post""#), "{page}");
    assert!(page.contains(r#"name="path" value="/du-thao/quy-che""#));
    assert!(page.contains(r#"name="consent" required"#), "consent is required");
    assert!(page.contains("(PDF, 3 KB)"), "the file's size");
    assert!(page.contains(r#"class="sent-note""#) && !page.contains("sent-note shown"));
    assert!(
        site.fragment("/du-thao/quy-che?da-gui=1").contains("sent-note shown"),
        "the thank-you a sent comment leads to"
    );
    assert!(!site.fragment("/du-thao/da-xong").contains("<form"), "no form on a closed draft");

    let questions = site.fragment("/hoi-dap");
    assert!(questions.contains(r#"action="/api/counter/v1/questions" method="post""#));
    assert!(questions.contains(r#"<option value="Đất đai">Đất đai</option>"#), "the topics as the function takes them");
    assert!(questions.contains("href=\"/hoi-dap/cap-doi\"") && !questions.contains("/hoi-dap/sau"));
    assert!(site.fragment("/hoi-dap?chu-de=dat-dai").contains("href=\"/hoi-dap/cap-doi\""));
    let answer = site.fragment("/hoi-dap/cap-doi");
    assert!(answer.contains("Ẩn danh") && answer.contains("HD-2026-7K3M9QXA"));
    assert!(answer.contains("<strong>Bộ phận một cửa</strong>"), "the answer's Markdown");
    for notice in [
        model::paths::route::QUESTION_SENT,
        model::paths::route::QUESTION_RECEIVED,
        model::paths::route::QUESTION_NOT_FOUND,
    ] {
        assert!(site.fragment(notice).contains(model::paths::TYPED_NUMBER), "{notice}: where the app writes the code");
    }
    // Static copies for readers without scripts.
    assert!(Path::new(&site.path("out/data/pages/hoi-dap/da-gui.json")).exists());
}

#[test]
fn each_bad_entry_is_refused_with_file_and_field() {
    let site = Site::new();
    site.put("content/questions/lan-hai.json", &question("HD-2026-7K3M9QXA", "2026-10-10T16:00:00+07:00"));
    site.put(
        "content/consultations/nguoc.json",
        &consultation("2026-12-10T08:00:00+07:00", "2026-12-01T17:00:00+07:00"),
    );
    let mut bad = question("HD-2026-7K3M9Q", "2026-10-10T16:00:00+07:00");
    bad["answer"] = json!(" ");
    site.put("content/questions/hong.json", &bad);
    let found: Vec<(String, String, String)> = errors(&site)
        .into_iter()
        .map(|e| (e.file.file_name().unwrap().to_string_lossy().into_owned(), e.field.unwrap_or_default(), e.reason))
        .collect();
    let has = |file: &str, field: &str, words: &str| {
        assert!(
            found.iter().any(|(f, fi, r)| f == file && fi == field && r.contains(words)),
            "no {file} {field} “{words}” in {found:?}"
        )
    };
    has("lan-hai.json", "code", "is already answered by");
    has("nguoc.json", "closes", "is not after `opens`");
    has("hong.json", "code", "not a question's code");
    has("hong.json", "answer", "must not be empty");
    assert_eq!(found.len(), 4, "{found:?}");

    let site = Site::new();
    fs::remove_file(site.path("content/feedback.json")).unwrap();
    let found = errors(&site);
    assert!(found.iter().any(|e| e.file.ends_with("feedback.json") && e.reason.contains("is missing")), "{found:?}");
}
