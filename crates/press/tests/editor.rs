//! The staff editor's form and the press read the same files: every field the
//! form writes is one the press knows, and a field is required in the form
//! exactly when the press cannot do without it.

use press::finish::editor::{Backend, Sections, Settings, config};
use press::read::{SourceArticle, SourceCategories};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

fn categories() -> Vec<model::Category> {
    serde_json::from_value(json!([
        {"slug": "tin-tuc", "name": "Tin tức", "order": 1},
        {"slug": "dia-phuong", "name": "Địa phương", "order": 2, "parent": "tin-tuc"}
    ]))
    .unwrap()
}

fn generated() -> Value {
    let settings = Settings {
        backend: Backend::Forgejo,
        repo: "vanphong/cong-thong-tin".into(),
        branch: "main".into(),
        server: Some("https://git.example.gov.vn".into()),
        app_id: None,
        review: false,
        review_branch: None,
    };
    let lists: press::kinds::documents::SourceLists = serde_json::from_value(json!({
        "kinds": [{"slug": "quyet-dinh", "name": "Quyết định"}],
        "issuers": [{"slug": "ubnd-tinh", "name": "Ủy ban nhân dân tỉnh"}],
        "fields": [{"slug": "y-te", "name": "Y tế"}, {"slug": "giao-duc", "name": "Giáo dục"}]
    }))
    .unwrap();
    let feedback: press::kinds::questions::Feedback = serde_json::from_value(json!({
        "topics": [{"slug": "dat-dai", "name": "Đất đai"}, {"slug": "y-te", "name": "Y tế"}],
        "answer_within": "10 ngày làm việc", "keep_for": "2 năm"
    }))
    .unwrap();
    let text = config(&settings, &categories(), &Sections::all(&lists, &feedback), Some("https://sonvan.gov.example"));
    // JSON is YAML; the first line is a comment.
    serde_json::from_str(text.split_once('\n').unwrap().1).unwrap()
}

/// A value the form could write for `field`.
fn sample(field: &Value) -> Value {
    match field["widget"].as_str().unwrap() {
        "string" | "text" => json!("Chữ"),
        "markdown" => json!("Đoạn văn.\n\n![Cầu treo](/media/cau.svg \"Cầu treo mới\")"),
        "select" if field["multiple"] == true => json!([field["options"][0]["value"]]),
        "select" => field["options"][0]["value"].clone(),
        "relation" => json!("mot-van-ban"),
        "file" => json!("/van-ban/2026/mot-van-ban.pdf"),
        "datetime" => json!("2026-11-29T08:00:00+07:00"),
        "image" => json!("/media/cau.jpg"),
        "boolean" => json!(true),
        "number" => json!(3),
        "object" => entry(field["fields"].as_array().unwrap()),
        "list" => match (field["fields"].as_array(), field.get("field")) {
            (Some(fields), _) => json!([entry(fields)]),
            (None, Some(single)) => json!([sample(single)]),
            (None, None) => json!(["từ khóa"]),
        },
        other => panic!("no sample for widget {other}"),
    }
}

fn entry(fields: &[Value]) -> Value {
    Value::Object(fields.iter().map(|f| (f["name"].as_str().unwrap().to_string(), sample(f))).collect::<Map<_, _>>())
}

/// Every field of the form is known to `T`; leaving out a field the form does
/// not require still reads, and leaving out a required one does not (or the
/// press refuses it empty, which the form's pattern forbids as well).
fn agrees<T: DeserializeOwned>(what: &str, fields: &[Value]) {
    let full = entry(fields);
    serde_json::from_value::<T>(full.clone()).unwrap_or_else(|e| panic!("{what}: the form's entry does not read: {e}"));
    for field in fields {
        let name = field["name"].as_str().unwrap();
        let mut without = full.clone();
        without.as_object_mut().unwrap().remove(name);
        let reads = serde_json::from_value::<T>(without).is_ok();
        let required = field["required"].as_bool().unwrap_or(true);
        assert_eq!(
            reads, !required,
            "{what}.{name}: required in the form = {required}, but the press reads it without: {reads}"
        );
        if let Some(nested) = field["fields"].as_array()
            && field["widget"] == "object"
        {
            for inner in nested {
                let inner_name = inner["name"].as_str().unwrap();
                let mut without = full.clone();
                without[name].as_object_mut().unwrap().remove(inner_name);
                let reads = serde_json::from_value::<T>(without).is_ok();
                let required = inner["required"].as_bool().unwrap_or(true);
                assert_eq!(
                    reads, !required,
                    "{what}.{name}.{inner_name}: required = {required}, reads without = {reads}"
                );
            }
        }
    }
}

#[test]
fn the_article_form_writes_what_the_press_reads() {
    let config = generated();
    let articles = &config["collections"][0];
    assert_eq!(articles["folder"], "content/articles");
    agrees::<SourceArticle>("article", articles["fields"].as_array().unwrap());
    // Fields in the order the sample files keep them: an edit is a one-line diff.
    let names: Vec<_> = articles["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "title",
            "sapo",
            "category",
            "published",
            "updated",
            "author",
            "cover",
            "body",
            "tags",
            "featured",
            "expires",
            "draft"
        ]
    );
}

#[test]
fn the_page_forms_write_what_the_press_reads() {
    let config = generated();
    for (index, folder) in [(1, "content/pages/gioi-thieu"), (2, "content/pages")] {
        let pages = &config["collections"][index];
        assert_eq!(pages["folder"], folder);
        agrees::<press::kinds::office::SourcePage>("page", pages["fields"].as_array().unwrap());
    }
}

#[test]
fn the_document_and_schedule_forms_write_what_the_press_reads() {
    let config = generated();
    let documents = &config["collections"][4];
    assert_eq!(documents["folder"], "content/documents");
    agrees::<press::kinds::documents::SourceDocument>("document", documents["fields"].as_array().unwrap());
    let field =
        |name: &str| documents["fields"].as_array().unwrap().iter().find(|f| f["name"] == name).unwrap().clone();
    assert_eq!(
        field("fields")["options"],
        json!([{"label": "Y tế", "value": "y-te"}, {"label": "Giáo dục", "value": "giao-duc"}])
    );
    assert_eq!(field("issued")["format"], "YYYY-MM-DD");
    // Every status the press knows, and only those.
    let statuses: Vec<_> = field("status")["options"].as_array().unwrap().iter().map(|o| o["value"].clone()).collect();
    assert_eq!(statuses, press::kinds::documents::STATUSES.iter().map(|(slug, _)| json!(slug)).collect::<Vec<_>>());
    // The form's number pattern accepts what the press accepts.
    let pattern = field("number")["pattern"][0].as_str().unwrap().to_string();
    assert!(pattern.starts_with("^[1-9]"));
    let schedule = &config["collections"][5];
    assert_eq!(schedule["folder"], "content/schedule");
    agrees::<press::kinds::schedule::SourceWeek>("week", schedule["fields"].as_array().unwrap());
    let days = schedule["fields"].as_array().unwrap().iter().find(|f| f["name"] == "days").unwrap();
    agrees::<press::kinds::schedule::SourceDay>("day", days["fields"].as_array().unwrap());
    agrees::<press::kinds::schedule::SourceItem>("item", days["fields"][1]["fields"].as_array().unwrap());
    let lists = &config["collections"][3]["files"][2];
    assert_eq!(lists["file"], "content/documents.json");
    agrees::<press::kinds::documents::SourceLists>("lists", lists["fields"].as_array().unwrap());
}

#[test]
fn the_draft_question_and_feedback_forms_write_what_the_press_reads() {
    let config = generated();
    let collection =
        |name: &str| config["collections"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap().clone();
    let names = |collection: &Value| -> Vec<String> {
        collection["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap().to_string()).collect()
    };
    let drafts = collection("consultations");
    assert_eq!(drafts["folder"], "content/consultations");
    agrees::<press::kinds::consultations::SourceConsultation>("consultation", drafts["fields"].as_array().unwrap());
    // In the sample files' order: an edit is a one-line diff.
    assert_eq!(
        names(&drafts),
        ["title", "number", "summary", "agency", "opens", "closes", "files", "contact", "result", "draft"]
    );
    let questions = collection("questions");
    assert_eq!(questions["folder"], "content/questions");
    agrees::<press::kinds::questions::SourceQuestion>("question", questions["fields"].as_array().unwrap());
    assert_eq!(
        names(&questions),
        ["code", "title", "asker", "topic", "asked", "question", "answer", "answered_by", "answered", "draft"]
    );
    let field =
        |name: &str| questions["fields"].as_array().unwrap().iter().find(|f| f["name"] == name).unwrap().clone();
    assert_eq!(
        field("topic")["options"],
        json!([{"label": "Đất đai", "value": "dat-dai"}, {"label": "Y tế", "value": "y-te"}])
    );
    // The form's code pattern is the press's shape.
    let pattern = field("code")["pattern"][0].as_str().unwrap().to_string();
    assert_eq!(pattern, "^HD-[0-9]{4}-[2-9A-HJKMNP-Z]{8}$");
    let alphabet: String = ('2'..='9').chain('A'..='Z').filter(|c| !"IO".contains(*c) && !"L".contains(*c)).collect();
    assert_eq!(alphabet.as_bytes(), model::submissions::CODE_ALPHABET);
    let feedback = &config["collections"][3]["files"][3];
    assert_eq!(feedback["file"], "content/feedback.json");
    agrees::<press::kinds::questions::Feedback>("feedback", feedback["fields"].as_array().unwrap());
}

#[test]
fn the_reception_press_and_holiday_forms_write_what_the_press_reads() {
    let config = generated();
    let collection =
        |name: &str| config["collections"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap().clone();
    // The citizen reception is the schedule's form in its own folder.
    let reception = collection("reception");
    assert_eq!(reception["folder"], "content/reception");
    assert_eq!(reception["label"], "Lịch tiếp công dân");
    assert_eq!(reception["preview_path"], "lich-tiep-cong-dan?tuan={{slug}}");
    agrees::<press::kinds::schedule::SourceWeek>("reception week", reception["fields"].as_array().unwrap());
    let schedule = collection("schedule");
    let shape = |c: &Value| -> Vec<Value> {
        c["fields"].as_array().unwrap().iter().map(|f| json!([f["name"], f["widget"], f["required"]])).collect()
    };
    assert_eq!(shape(&reception), shape(&schedule));
    let office = &collection("press-office")["files"][0];
    assert_eq!(office["file"], "content/press.json");
    agrees::<press::kinds::press_office::SourcePressOffice>("press office", office["fields"].as_array().unwrap());
    let person = &office["fields"][0];
    agrees::<press::kinds::press_office::SourceSpokesperson>("spokesperson", person["fields"].as_array().unwrap());
    let releases = collection("press-releases");
    assert_eq!(releases["folder"], "content/press-releases");
    agrees::<press::kinds::press_office::SourceRelease>("release", releases["fields"].as_array().unwrap());
    let holidays =
        config["collections"][3]["files"].as_array().unwrap().iter().find(|f| f["name"] == "holidays").unwrap();
    assert_eq!(holidays["file"], "content/holidays.json");
    agrees::<press::kinds::notice::SourceHolidays>("holidays", holidays["fields"].as_array().unwrap());
    agrees::<press::kinds::notice::SourceHoliday>("holiday", holidays["fields"][0]["fields"].as_array().unwrap());
}

#[test]
fn categories_are_the_choices_and_the_settings_files_read() {
    let config = generated();
    let category =
        config["collections"][0]["fields"].as_array().unwrap().iter().find(|f| f["name"] == "category").unwrap();
    assert_eq!(
        category["options"],
        json!([{"label": "Tin tức", "value": "tin-tuc"}, {"label": "Địa phương", "value": "dia-phuong"}])
    );
    let files = config["collections"][3]["files"].as_array().unwrap();
    assert_eq!(files[0]["file"], "content/site.json");
    agrees::<model::Site>("site", files[0]["fields"].as_array().unwrap());
    assert_eq!(files[1]["file"], "content/categories.json");
    agrees::<SourceCategories>("categories", files[1]["fields"].as_array().unwrap());
}

#[test]
fn dates_are_written_in_vietnam_time() {
    let config = generated();
    for name in ["published", "updated"] {
        let field =
            config["collections"][0]["fields"].as_array().unwrap().iter().find(|f| f["name"] == name).unwrap().clone();
        assert_eq!(field["input_timezone"], "Asia/Ho_Chi_Minh");
        // ISO 8601 with the zone's offset (a custom format hangs Sveltia 0.221 in other zones).
        assert!(field.get("format").is_none());
    }
    assert_eq!(config["slug"], json!({"encoding": "ascii", "clean_accents": true}));
    assert_eq!(config["media_folder"], "content/media");
    assert_eq!(config["site_url"], "https://sonvan.gov.example");
    assert_eq!(config["collections"][0]["preview_path"], "bai-viet/{{slug}}");
}

#[test]
fn editor_settings_are_checked_with_file_and_field() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("editor.json"), r#"{"backend": "bitbucket", "repo": "a/b"}"#).unwrap();
    let errors = Settings::read(dir.path()).unwrap_err();
    assert!(errors[0].file.ends_with("editor.json"));
    assert_eq!(errors[0].field.as_deref(), Some("backend"));
    std::fs::write(dir.path().join("editor.json"), r#"{"backend": "forgejo", "repo": "a/b"}"#).unwrap();
    let errors = Settings::read(dir.path()).unwrap_err();
    assert_eq!(errors[0].field.as_deref(), Some("server"));
}
