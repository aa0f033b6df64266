//! What citizens send back — comments on a draft open for comment ("Góp ý
//! dự thảo", `POST /v1/comments`) and questions ("Hỏi đáp",
//! `POST /v1/questions`) — and what the press publishes for the function to
//! check them against (`data/consultations.json`,
//! `data/answered-questions.json`, `data/question-topics.json`, beside
//! `data/counted-paths.json`). Shared by the press, the function's rules and
//! both of its adapters.

use serde::{Deserialize, Serialize};

/// `data/consultations.json`: each draft open for comment when the site was built.
pub const OPEN_CONSULTATIONS: &str = "consultations.json";
/// `data/answered-questions.json`: each published answer and the code it answers.
pub const ANSWERED_QUESTIONS: &str = "answered-questions.json";
/// `data/question-topics.json`: the topics a question may be asked under.
pub const QUESTION_TOPICS: &str = "question-topics.json";

/// Largest accepted body of a comment or a question, in bytes: 5,000
/// Vietnamese characters take up to 15,000 in UTF-8, three times that
/// percent-encoded by a plain form.
pub const MAX_SUBMISSION_BODY: usize = 64 * 1024;
/// Longest comment or question, in characters.
pub const MAX_TEXT_CHARS: usize = 5_000;
/// Longest name, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// Longest email, organisation or contact, in characters.
pub const MAX_CONTACT_CHARS: usize = 200;

/// The field a person never sees (hidden from sight and from screen
/// readers): a program that fills every field fills it too.
pub const HONEYPOT: &str = "website";

/// One open draft in [`OPEN_CONSULTATIONS`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenConsultation {
    /// The draft's page ("/du-thao/quy-che-van-hoa-cong-so").
    pub path: String,
    /// RFC 3339, "+07:00": comments are taken until then.
    pub closes: String,
}

/// One entry of [`ANSWERED_QUESTIONS`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnsweredQuestion {
    pub code: String,
    /// The published question and answer ("/hoi-dap/thu-tuc-cap-doi-giay-phep").
    pub path: String,
}

/// Body of `POST /v1/comments` (JSON, or the same names form-encoded, the
/// consent box sending `consent=on`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    /// The draft's page path.
    pub path: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    pub content: String,
    #[serde(default)]
    pub consent: bool,
    /// The honeypot: must be absent or empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// Body of `POST /v1/questions`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub name: String,
    /// A phone number or an email, for a reply in person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// One of [`QUESTION_TOPICS`].
    pub topic: String,
    pub question: String,
    #[serde(default)]
    pub consent: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// Answer to `POST /v1/comments`: 201.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentReceipt {
    pub id: String,
}

/// Answer to `POST /v1/questions`: 201.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionReceipt {
    pub code: String,
}

/// Answer to `GET /v1/questions/{code}`: nothing personal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionStatus {
    pub code: String,
    /// "received" or "answered".
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_path: Option<String>,
}

/// The letters of a question's code: digits and capitals without the ones
/// read alike (0/O, 1/I/L) — 31 of them.
pub const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Random letters in a code: 31⁸ ≈ 8.5 × 10¹¹ codes a year.
pub const CODE_LETTERS: usize = 8;

/// Whether `code` has the shape of a question's code, "HD-2026-7K3M9QXA"
/// (the year it was asked, then [`CODE_LETTERS`] of [`CODE_ALPHABET`]).
pub fn is_question_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let (Some("HD"), Some(year), Some(letters), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && letters.len() == CODE_LETTERS
        && letters.bytes().all(|b| CODE_ALPHABET.contains(&b))
}

/// The code for `year` made of `random` (one byte per letter).
pub fn question_code(year: i64, random: [u8; CODE_LETTERS]) -> String {
    // 256 is not a multiple of 31: the first 248 values map evenly, and the
    // slight bias of the remaining 8 is harmless for a lookup key.
    let letters: String = random.iter().map(|b| CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()] as char).collect();
    format!("HD-{year:04}-{letters}")
}

/// Why a text field is refused, in Vietnamese, or `None`.
fn text_problem(label: &str, value: &str, max: usize, required: bool) -> Option<String> {
    if required && value.trim().is_empty() {
        return Some(format!("Cần nhập {label}."));
    }
    if value.chars().count() > max {
        return Some(format!("{} dài quá {} ký tự.", capitalised(label), crate::format_number(max as u64)));
    }
    if value.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        return Some(format!("{} có ký tự điều khiển không hợp lệ.", capitalised(label)));
    }
    None
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn checks(fields: &[(&str, Option<&str>, usize, bool)]) -> Result<(), String> {
    for (label, value, max, required) in fields {
        if let Some(problem) = text_problem(label, value.unwrap_or(""), *max, *required) {
            return Err(problem);
        }
    }
    Ok(())
}

const NO_CONSENT: &str =
    "Cần đánh dấu ô đồng ý cho cơ quan lưu và xử lý thông tin cá nhân trong ý kiến gửi đi thì mới gửi được.";
const HONEYPOT_FILLED: &str = "Ô “website” phải để trống: ý kiến này không được nhận.";

/// Why a comment is refused (the draft being open is the function's to check).
pub fn check_comment(comment: &Comment) -> Result<(), String> {
    if comment.website.as_deref().is_some_and(|w| !w.trim().is_empty()) {
        return Err(HONEYPOT_FILLED.into());
    }
    if !comment.path.starts_with('/') || comment.path.len() > 512 {
        return Err("`path` phải là địa chỉ trang của dự thảo, bắt đầu bằng /.".into());
    }
    checks(&[
        ("họ và tên", Some(&comment.name), MAX_NAME_CHARS, true),
        ("email", comment.email.as_deref(), MAX_CONTACT_CHARS, false),
        ("cơ quan, tổ chức", comment.organisation.as_deref(), MAX_CONTACT_CHARS, false),
        ("nội dung góp ý", Some(&comment.content), MAX_TEXT_CHARS, true),
    ])?;
    if comment.email.as_deref().is_some_and(|e| !e.trim().is_empty() && !e.contains('@')) {
        return Err("Email không đúng dạng (thiếu @).".into());
    }
    if !comment.consent {
        return Err(NO_CONSENT.into());
    }
    Ok(())
}

/// Why a question is refused (its topic being published is the function's to check).
pub fn check_question(question: &Question) -> Result<(), String> {
    if question.website.as_deref().is_some_and(|w| !w.trim().is_empty()) {
        return Err(HONEYPOT_FILLED.into());
    }
    checks(&[
        ("họ và tên", Some(&question.name), MAX_NAME_CHARS, true),
        ("số điện thoại hoặc email", question.contact.as_deref(), MAX_CONTACT_CHARS, false),
        ("lĩnh vực", Some(&question.topic), MAX_CONTACT_CHARS, true),
        ("nội dung câu hỏi", Some(&question.question), MAX_TEXT_CHARS, true),
    ])?;
    if !question.consent {
        return Err(NO_CONSENT.into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_one_shape() {
        let code = question_code(2026, [0, 30, 31, 255, 7, 8, 100, 200]);
        assert_eq!(code, "HD-2026-2Z299A9G");
        assert!(is_question_code(&code));
        for bad in
            ["", "HD-2026-2Z2AABN", "HD-2026-2Z2AABNQX", "HD-26-2Z2AABNQ", "hd-2026-2z2aabnq", "HD-2026-0Z2AABNQ"]
        {
            assert!(!is_question_code(bad), "{bad}");
        }
    }

    #[test]
    fn each_bad_comment_is_told_why_in_vietnamese() {
        let good = Comment {
            path: "/du-thao/quy-che".into(),
            name: "Nguyễn Thị Hoa".into(),
            email: None,
            organisation: None,
            content: "Đề nghị bổ sung <b>điều 5</b>.".into(),
            consent: true,
            website: None,
        };
        assert_eq!(check_comment(&good), Ok(()));
        let problem = |change: fn(&mut Comment)| {
            let mut comment = good.clone();
            change(&mut comment);
            check_comment(&comment).unwrap_err()
        };
        assert!(problem(|c| c.consent = false).contains("đồng ý"));
        assert!(problem(|c| c.name = " ".into()).contains("Cần nhập họ và tên"));
        assert!(problem(|c| c.content = "a".repeat(5001)).contains("5.000 ký tự"));
        assert!(problem(|c| c.website = Some("http://x".into())).contains("để trống"));
        assert!(problem(|c| c.email = Some("hoa".into())).contains("@"));
        assert!(problem(|c| c.name = "a\u{7}".into()).contains("điều khiển"));
    }
}
