//! "Hỏi đáp": citizens' questions as staff publish them with their answers,
//! one JSON file each in `content/questions/`, and `content/feedback.json`
//! (the topics a question may be asked under, how soon questions are
//! answered, how long what citizens send is kept). A question comes in
//! through the function (`POST /v1/questions`), which gives its sender a
//! code; staff read it in the export, write the entry here with that code,
//! and publishing it makes the lookup say "answered".
//!
//! Published as office pages: `/hoi-dap` (the form, the lookup, the
//! answered questions by topic, paged), `/hoi-dap/{slug}` each, the pages
//! the function's answers lead to; and for the function,
//! `data/answered-questions.json` and `data/question-topics.json`.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use leptos::prelude::*;
use model::paths::{page_address, route};
use model::submissions::{AnsweredQuestion, is_question_code};
use model::{Day, Page};
use serde::Deserialize;
use views::citizens::Privacy;
use views::documents::FacetOption;
use views::questions::{
    AnsweredQuestion as AnsweredView, QuestionForm, QuestionNotice, QuestionNoticePage, QuestionRow, QuestionsPage,
};

use crate::error::ContentError;
use crate::html::html_of;

const SECTION: &str = "Hỏi đáp";
/// Questions on one page of the listing.
pub const QUESTIONS_PER_PAGE: usize = 10;
/// Inside `content/`.
pub const SETTINGS_FILE: &str = "feedback.json";
/// Addresses the function's answers lead to: no question may take them.
const RESERVED: [&str; 3] = [route::QUESTION_SENT, route::QUESTION_RECEIVED, route::QUESTION_NOT_FOUND];
/// What a question without a display name is published under.
pub const ANONYMOUS: &str = "Ẩn danh";

/// `content/feedback.json`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    /// The topics ("lĩnh vực") a question is asked under.
    pub topics: Vec<Topic>,
    /// How soon questions are answered, as the form says it ("10 ngày làm việc").
    pub answer_within: String,
    /// How long what citizens send is kept before it is deleted ("2 năm"),
    /// as the forms say it: the function's `--retention-days` must agree.
    pub keep_for: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub slug: String,
    pub name: String,
}

/// An answered question as staff write it (`content/questions/{slug}.json`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceQuestion {
    /// The code the sender received ("HD-2026-7K3M9QXA").
    pub code: String,
    /// A short title for the list.
    pub title: String,
    /// The name the sender is shown under; without one, "Ẩn danh".
    #[serde(default)]
    pub asker: Option<String>,
    /// A slug of the topics.
    pub topic: String,
    /// When it was sent, RFC 3339.
    pub asked: String,
    /// The question as staff edited it (plain text; blank lines between paragraphs).
    pub question: String,
    /// The answer, in Markdown.
    pub answer: String,
    /// Who answered ("Sở Nông nghiệp và Môi trường").
    pub answered_by: String,
    /// When it was answered, RFC 3339: published from then on.
    pub answered: String,
    #[serde(default)]
    pub draft: bool,
}

#[derive(Debug, Clone)]
pub struct Question {
    pub file: PathBuf,
    pub slug: String,
    pub code: String,
    pub title: String,
    pub asker: String,
    pub topic: usize,
    pub asked: Day,
    pub question: Vec<String>,
    pub answer_html: String,
    pub answer_text: String,
    pub answered_by: String,
    pub answered_at: Timestamp,
    pub answered: Day,
}

#[derive(Debug, Clone)]
pub struct Questions {
    /// `None`: the site takes no questions (no `feedback.json`).
    pub feedback: Option<Feedback>,
    /// Published ones, most recently answered first.
    pub questions: Vec<Question>,
    /// When the next question not yet due is answered (for the scheduled run).
    pub next_change: Option<Timestamp>,
}

/// `content/feedback.json`, its problems added to `errors`.
pub fn read_feedback(content: &Path, errors: &mut Vec<ContentError>) -> Option<Feedback> {
    let file = content.join(SETTINGS_FILE);
    if !file.exists() {
        return None;
    }
    let (_, feedback) = crate::read::read_file::<Feedback>(&file, errors)?;
    let mut seen = std::collections::HashSet::new();
    if feedback.topics.is_empty() {
        errors.push(ContentError::new(&file, Some("topics"), "must list at least one topic"));
    }
    for (i, topic) in feedback.topics.iter().enumerate() {
        if !model::is_valid_slug(&topic.slug) {
            errors.push(ContentError::new(
                &file,
                Some(&format!("topics[{i}].slug")),
                crate::check::slug_reason(&topic.slug),
            ));
        } else if !seen.insert(topic.slug.clone()) {
            errors.push(ContentError::new(
                &file,
                Some(&format!("topics[{i}].slug")),
                format!("`{}` is listed twice", topic.slug),
            ));
        }
        crate::check::require_text(&file, &format!("topics[{i}].name"), &topic.name, errors);
    }
    for (field, value) in [("answer_within", &feedback.answer_within), ("keep_for", &feedback.keep_for)] {
        crate::check::require_text(&file, field, value, errors);
    }
    Some(feedback)
}

/// Reads and checks every question; all problems at once, each with file
/// and field. Drafts and questions answered later than `edition.now` are
/// checked, then left out (a preview shows them).
pub fn read(content: &Path, edition: crate::Edition) -> Result<Questions, Vec<ContentError>> {
    let mut errors = Vec::new();
    let sources = crate::read::read_folder::<SourceQuestion>(&content.join("questions"), &mut errors)?;
    let feedback = read_feedback(content, &mut errors);
    if feedback.is_none() && !sources.is_empty() && !content.join(SETTINGS_FILE).exists() {
        errors.push(ContentError::new(
            &content.join(SETTINGS_FILE),
            None,
            "is missing: questions take their topics from it",
        ));
    }
    let topics = feedback.as_ref().map(|f| f.topics.as_slice()).unwrap_or_default();
    let mut questions = Vec::new();
    let mut codes: HashMap<String, PathBuf> = HashMap::new();
    let mut next_change = None;
    for (file, source) in sources {
        let slug = file.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let draft = source.draft;
        if let Some(first) = codes.insert(source.code.trim().to_string(), file.clone()) {
            errors.push(ContentError::new(
                &file,
                Some("code"),
                format!("`{}` is already answered by {}", source.code.trim(), first.display()),
            ));
        }
        let Some(question) = check(&file, slug, source, topics, &mut errors) else { continue };
        if edition.shows(draft, Some(question.answered_at)) {
            questions.push(question);
        } else if !draft && !edition.preview {
            next_change = next_change.min(Some(question.answered_at)).or(Some(question.answered_at));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    questions.sort_by(|a, b| b.answered_at.cmp(&a.answered_at).then_with(|| a.slug.cmp(&b.slug)));
    Ok(Questions { feedback, questions, next_change })
}

fn check(
    file: &Path,
    slug: String,
    source: SourceQuestion,
    topics: &[Topic],
    errors: &mut Vec<ContentError>,
) -> Option<Question> {
    let before = errors.len();
    if !model::is_valid_slug(&slug) {
        errors.push(ContentError::new(file, Some("(file name)"), crate::check::slug_reason(&slug)));
    } else if RESERVED.contains(&format!("{}/{slug}", route::QUESTIONS).as_str()) {
        errors.push(ContentError::new(
            file,
            Some("(file name)"),
            format!("`{slug}` is the address of a page the portal keeps for itself"),
        ));
    }
    let code = source.code.trim().to_string();
    if !is_question_code(&code) {
        errors.push(ContentError::new(
            file,
            Some("code"),
            format!("`{code}` is not a question's code: HD-, the year, -, then 8 of 23456789ABCDEFGHJKMNPQRSTUVWXYZ (\"HD-2026-7K3M9QXA\")"),
        ));
    }
    for (field, value) in [
        ("title", &source.title),
        ("question", &source.question),
        ("answer", &source.answer),
        ("answered_by", &source.answered_by),
    ] {
        crate::check::require_text(file, field, value, errors);
    }
    let topic = topics.iter().position(|topic| topic.slug == source.topic);
    if topic.is_none() && !topics.is_empty() {
        let known: Vec<&str> = topics.iter().map(|t| t.slug.as_str()).collect();
        errors.push(ContentError::new(
            file,
            Some("topic"),
            format!("unknown topic `{}` (content/feedback.json lists {})", source.topic, known.join(", ")),
        ));
    }
    let asked = crate::check::parse_date(file, "asked", &source.asked, errors).map(|(at, _)| at);
    let answered = crate::check::parse_date(file, "answered", &source.answered, errors).map(|(at, _)| at);
    if let (Some(asked), Some(answered)) = (asked, answered)
        && answered < asked
    {
        errors.push(ContentError::new(
            file,
            Some("answered"),
            format!("{} is before `asked` ({})", source.answered, source.asked),
        ));
    }
    if errors.len() > before {
        return None;
    }
    let day = |at: Timestamp| Day::in_vietnam(at.as_millisecond() as f64);
    let rendered = crate::render::markdown(&source.answer);
    crate::check::refuse_raw_html(file, "answer", &rendered, errors);
    let question = source
        .question
        .split("\n\n")
        .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|paragraph| !paragraph.is_empty())
        .collect();
    Some(Question {
        file: file.to_path_buf(),
        slug,
        code,
        title: source.title.trim().to_string(),
        asker: source.asker.map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).unwrap_or_else(|| ANONYMOUS.into()),
        topic: topic?,
        asked: day(asked?),
        question,
        answer_html: rendered.html,
        answer_text: rendered.text,
        answered_by: source.answered_by.trim().to_string(),
        answered_at: answered?,
        answered: day(answered?),
    })
}

/// What the forms say about personal data, from the site and `feedback.json`.
pub fn privacy(site: &model::Site, feedback: &Feedback) -> Privacy {
    Privacy {
        office: site.name.clone(),
        keep_for: feedback.keep_for.clone(),
        email: site.email.clone(),
        phone: site.phone.clone(),
    }
}

/// `{counter_endpoint}/v1/{route}`, where the forms send; `None` without a function.
pub fn function_url(site: &model::Site, route: &str) -> Option<String> {
    site.counter_endpoint.as_deref().map(|endpoint| format!("{}/v1/{route}", endpoint.trim_end_matches('/')))
}

fn address(feedback: &Feedback, topic: Option<usize>, page: u32) -> String {
    page_address(route::QUESTIONS, |key| match key {
        "chu-de" => topic.map(|t| feedback.topics[t].slug.clone()),
        route::PAGE_PARAM => Some(page.to_string()),
        _ => None,
    })
}

fn page(path: String, title: String, description: String, section: bool, html: String) -> Page {
    Page {
        path,
        title,
        description,
        lang: "vi".into(),
        section: section.then(|| (route::QUESTIONS.to_string(), SECTION.to_string())),
        html,
        json_ld: None,
        date: None,
    }
}

/// Every page of "Hỏi đáp" (none for a site without `feedback.json`).
pub fn pages(questions: &Questions, site: &model::Site) -> Vec<Page> {
    let Some(feedback) = &questions.feedback else { return Vec::new() };
    let form = QuestionForm {
        action: function_url(site, "questions"),
        topics: feedback.topics.iter().map(|t| t.name.clone()).collect(),
        answer_within: feedback.answer_within.clone(),
        privacy: privacy(site, feedback),
    };
    let lookup = function_url(site, "questions");
    let mut by_topic: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    by_topic.insert(None, (0..questions.questions.len()).collect());
    for (index, question) in questions.questions.iter().enumerate() {
        by_topic.entry(Some(question.topic)).or_default().push(index);
    }
    let mut pages = Vec::new();
    for (topic, members) in &by_topic {
        let options: Vec<FacetOption> = std::iter::once(FacetOption {
            href: address(feedback, None, 1),
            label: "Tất cả".into(),
            count: None,
            current: topic.is_none(),
        })
        .chain(feedback.topics.iter().enumerate().filter_map(|(t, name)| {
            let count = by_topic.get(&Some(t))?.len();
            Some(FacetOption {
                href: address(feedback, Some(t), 1),
                label: name.name.clone(),
                count: Some(count),
                current: *topic == Some(t),
            })
        }))
        .collect();
        let total = members.len().div_ceil(QUESTIONS_PER_PAGE).max(1) as u32;
        for n in 1..=total {
            let start = (n as usize - 1) * QUESTIONS_PER_PAGE;
            let rows: Vec<QuestionRow> = members
                [start.min(members.len())..(start + QUESTIONS_PER_PAGE).min(members.len())]
                .iter()
                .map(|&i| {
                    let q = &questions.questions[i];
                    QuestionRow {
                        href: format!("{}/{}", route::QUESTIONS, q.slug),
                        title: q.title.clone(),
                        asker: q.asker.clone(),
                        topic: feedback.topics[q.topic].name.clone(),
                        answered: q.answered,
                    }
                })
                .collect();
            let (form, lookup, options, count) = (form.clone(), lookup.clone(), options.clone(), members.len());
            let (feedback_for_links, topic) = (feedback.clone(), *topic);
            let href = move |n| address(&feedback_for_links, topic, n);
            let html = html_of(|| view! { <QuestionsPage form lookup topics=options count page=n total rows href/> });
            let mut title = match topic {
                Some(t) => format!("{SECTION}: {}", feedback.topics[t].name),
                None => SECTION.to_string(),
            };
            if n > 1 {
                title += &format!(" (trang {n})");
            }
            pages.push(page(
                address(feedback, topic, n),
                title,
                "Gửi câu hỏi, tra cứu câu hỏi theo mã và xem câu trả lời của cơ quan về các lĩnh vực quản lý.".into(),
                topic.is_some() || n > 1,
                html,
            ));
        }
    }
    for question in &questions.questions {
        let topic = (address(feedback, Some(question.topic), 1), feedback.topics[question.topic].name.clone());
        let q = question.clone();
        let html = html_of(|| {
            view! {
                <AnsweredView
                    code=q.code
                    asker=q.asker
                    topic
                    asked=q.asked
                    question=q.question
                    answer_html=q.answer_html
                    answered_by=q.answered_by
                    answered=q.answered
                />
            }
        });
        let description = question.question.first().cloned().unwrap_or_default();
        pages.push(page(
            format!("{}/{}", route::QUESTIONS, question.slug),
            question.title.clone(),
            description,
            true,
            html,
        ));
    }
    for (path, notice, title) in [
        (route::QUESTION_SENT, QuestionNotice::Sent, "Đã gửi câu hỏi"),
        (route::QUESTION_RECEIVED, QuestionNotice::Received, "Câu hỏi đang chờ trả lời"),
        (route::QUESTION_NOT_FOUND, QuestionNotice::NotFound, "Không tìm thấy câu hỏi"),
    ] {
        let (answer_within, lookup) = (feedback.answer_within.clone(), lookup.clone());
        let html = html_of(|| view! { <QuestionNoticePage notice answer_within lookup/> });
        pages.push(page(path.to_string(), title.to_string(), format!("{title}."), true, html));
    }
    pages
}

/// `data/answered-questions.json`: each published answer and its code.
pub fn answered(questions: &Questions) -> Vec<AnsweredQuestion> {
    questions
        .questions
        .iter()
        .map(|q| AnsweredQuestion { code: q.code.clone(), path: format!("{}/{}", route::QUESTIONS, q.slug) })
        .collect()
}

/// `data/question-topics.json`: the topics' names, as the form sends them.
pub fn topic_names(questions: &Questions) -> Vec<String> {
    questions.feedback.iter().flat_map(|f| f.topics.iter().map(|t| t.name.clone())).collect()
}

/// What the site's search indexes of a question: title, question, answer.
pub fn search_entries(questions: &Questions) -> Vec<(model::search::DocInfo, String)> {
    let Some(feedback) = &questions.feedback else { return Vec::new() };
    questions
        .questions
        .iter()
        .map(|q| {
            let excerpt = format!("{} · {}", feedback.topics[q.topic].name, q.answered_by);
            let info = model::search::DocInfo {
                slug: format!("{}/{}", route::QUESTIONS, q.slug),
                title: q.title.clone(),
                category: SECTION.to_string(),
                published: crate::check::rfc3339(q.answered_at),
                excerpt: excerpt.clone(),
            };
            (info, format!("{excerpt} {} {}", q.question.join(" "), q.answer_text))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source() -> SourceQuestion {
        SourceQuestion {
            code: "HD-2026-7K3M9QXA".into(),
            title: "Cấp đổi giấy chứng nhận".into(),
            asker: None,
            topic: "dat-dai".into(),
            asked: "2026-10-02T09:15:00+07:00".into(),
            question: "Xin hỏi thủ tục?\n\nCần giấy tờ gì?".into(),
            answer: "Cần **hai** loại giấy tờ.".into(),
            answered_by: "Sở Nông nghiệp và Môi trường".into(),
            answered: "2026-10-09T16:00:00+07:00".into(),
            draft: false,
        }
    }

    fn topics() -> Vec<Topic> {
        vec![Topic { slug: "dat-dai".into(), name: "Đất đai".into() }]
    }

    #[test]
    fn each_bad_field_is_named() {
        let file = Path::new("content/questions/cap-doi.json");
        let mut errors = Vec::new();
        let question = check(file, "cap-doi".into(), source(), &topics(), &mut errors).unwrap();
        assert_eq!((question.asker.as_str(), question.question.len()), (ANONYMOUS, 2));
        assert!(question.answer_html.contains("<strong>hai</strong>"));
        for (change, field, words) in [
            (
                (|s: &mut SourceQuestion| s.code = "HD-2026-7K3M9Q".into()) as fn(&mut SourceQuestion),
                "code",
                "not a question's code",
            ),
            (|s| s.answer = " ".into(), "answer", "must not be empty"),
            (|s| s.topic = "thue".into(), "topic", "unknown topic `thue`"),
            (|s| s.answered = "2026-10-01T09:00:00+07:00".into(), "answered", "before `asked`"),
            (|s| s.asked = "02/10/2026".into(), "asked", "not a date-time"),
        ] {
            let mut bad = source();
            change(&mut bad);
            errors.clear();
            assert!(check(file, "cap-doi".into(), bad, &topics(), &mut errors).is_none());
            assert_eq!(errors[0].field.as_deref(), Some(field), "{errors:?}");
            assert!(errors[0].reason.contains(words), "{}", errors[0]);
        }
        errors.clear();
        check(Path::new("content/questions/da-gui.json"), "da-gui".into(), source(), &topics(), &mut errors);
        assert!(errors[0].reason.contains("keeps for itself"), "{errors:?}");
    }
}
