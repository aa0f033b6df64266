//! Comments on drafts open for comment and citizens' questions: checked
//! against what the press published, capped per address and in storage,
//! kept as plain text apart from everything published, read and deleted by
//! staff only, and forgotten after the retention period.
//!
//! Worst case of storage: every stored item at its longest — 5,000
//! characters of text (≤ 20,000 bytes of UTF-8) plus name, email or contact
//! and organisation (≤ 100 + 2 × 200 characters, ≤ 2,000 bytes) — is about
//! 22 KB, so `max_stored_submissions` × 22 KB bounds the tables (20,000 ×
//! 22 KB ≈ 440 MB at the defaults; a real comment is nearer 1 KB). Past a
//! cap the answer is 503 with `Retry-After`: nothing accepted is dropped to
//! make room, and staff make room by exporting and deleting.

use model::submissions::{
    CODE_LETTERS, Comment, CommentReceipt, Question, QuestionReceipt, QuestionStatus, is_question_code, question_code,
};
use serde::Serialize;

use crate::published::Published;
use crate::time::{DAY_MS, MINUTE_MS, local_day, local_month};
use crate::{Cell, Config, RateWindows, Recorded, Store, Value};

/// How long a full store asks a sender to wait (seconds).
pub const FULL_RETRY_SECS: u64 = 3600;

/// Random bytes an adapter draws for each submission (an id, a code).
pub type Random = [u8; 16];

/// What a submission did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Submitted {
    Comment(CommentReceipt),
    Question(QuestionReceipt),
    /// Refused for a reason the sender can act on (404 unknown draft, 409
    /// closed, 400 unknown topic); nothing stored.
    Refused {
        status: u16,
        reason: String,
    },
    /// Too many from this address in the minute or the day.
    RateLimited {
        retry_after_secs: u64,
    },
    /// The store is at a cap: retry later, nothing was dropped.
    Full {
        retry_after_secs: u64,
    },
}

/// The civil time in Vietnam (UTC+7 all year) at Unix ms.
fn in_vietnam(unix_ms: i64) -> Option<jiff::civil::DateTime> {
    jiff::Timestamp::from_millisecond(unix_ms).ok().map(|at| jiff::tz::offset(7).to_datetime(at))
}

/// Unix ms as RFC 3339 in Vietnam's time ("2026-12-01T09:30:00+07:00").
pub fn rfc3339(unix_ms: i64) -> String {
    in_vietnam(unix_ms).map(|at| at.strftime("%Y-%m-%dT%H:%M:%S+07:00").to_string()).unwrap_or_default()
}

/// Unix ms as the office writes a time: "17:00 ngày 10/12/2026".
fn vietnamese_time(unix_ms: i64) -> String {
    in_vietnam(unix_ms).map(|at| at.strftime("%H:%M ngày %d/%m/%Y").to_string()).unwrap_or_default()
}

fn refused(status: u16, reason: impl Into<String>) -> Submitted {
    Submitted::Refused { status, reason: reason.into() }
}

/// The caps every submission passes, after its own checks: this minute's
/// requests from the address (shared with hits and ratings), then this
/// day's submissions from it, then room in the store (`more_sql` counts
/// what a further cap of `more_cap` is about, e.g. one draft's comments).
fn admit<S: Store>(
    store: &mut S,
    address_key: &str,
    now_ms: i64,
    config: &Config,
    rates: &mut RateWindows,
    more: Option<(&str, &str, u32)>,
) -> Result<Option<Submitted>, S::Error> {
    if let Some(Recorded::RateLimited { retry_after_secs }) =
        rates.over(format!("a:{address_key}"), config.max_hits_per_address_minute, now_ms)
    {
        return Ok(Some(Submitted::RateLimited { retry_after_secs }));
    }
    prune(store, now_ms, config)?;
    let day = local_day(now_ms);
    let sent = store
        .query_int(
            "SELECT count FROM submission_days WHERE address = ? AND day = ?",
            &[Value::Text(address_key), Value::Int(day)],
        )?
        .unwrap_or(0);
    if sent >= i64::from(config.max_submissions_per_address_day) {
        // Until Vietnam's next midnight.
        let midnight = (day + 1) * DAY_MS - 7 * 60 * MINUTE_MS;
        return Ok(Some(Submitted::RateLimited {
            retry_after_secs: ((midnight - now_ms).max(1000) as u64).div_ceil(1000),
        }));
    }
    let stored = store.query_int("SELECT (SELECT COUNT(*) FROM comments) + (SELECT COUNT(*) FROM questions)", &[])?;
    if stored.unwrap_or(0) >= i64::from(config.max_stored_submissions) {
        return Ok(Some(Submitted::Full { retry_after_secs: FULL_RETRY_SECS }));
    }
    if let Some((sql, key, cap)) = more
        && store.query_int(sql, &[Value::Text(key)])?.unwrap_or(0) >= i64::from(cap)
    {
        return Ok(Some(Submitted::Full { retry_after_secs: FULL_RETRY_SECS }));
    }
    store.execute(
        "INSERT INTO submission_days (address, day, count) VALUES (?, ?, 1) \
         ON CONFLICT (address, day) DO UPDATE SET count = count + 1",
        &[Value::Text(address_key), Value::Int(day)],
    )?;
    Ok(None)
}

fn optional(text: &Option<String>) -> Value<'_> {
    match text.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => Value::Text(text),
        _ => Value::Null,
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Stores a comment (already checked by `model::submissions::check_comment`)
/// on the draft at its `path`, if that draft is open at `now_ms`.
#[allow(clippy::too_many_arguments)]
pub fn record_comment<S: Store>(
    store: &mut S,
    comment: &Comment,
    address_key: &str,
    now_ms: i64,
    config: &Config,
    published: &Published,
    rates: &mut RateWindows,
    random: Random,
) -> Result<Submitted, S::Error> {
    let Some(path) = crate::paths::normalize(&comment.path) else {
        return Ok(refused(404, format!("Không có dự thảo nào ở địa chỉ {}.", comment.path)));
    };
    match published.drafts.get(&path) {
        Some(closes) if *closes <= now_ms => {
            return Ok(refused(
                409,
                format!("Dự thảo này đã hết thời gian lấy ý kiến (đến {}).", vietnamese_time(*closes)),
            ));
        }
        Some(_) => {}
        None if path.starts_with("/du-thao/") && published.paths.counted(&path).is_some() => {
            return Ok(refused(409, "Dự thảo này hiện không lấy ý kiến."));
        }
        None => return Ok(refused(404, format!("Không có dự thảo nào đang lấy ý kiến ở địa chỉ {path}."))),
    }
    let per_draft =
        ("SELECT COUNT(*) FROM comments WHERE path = ?", path.as_str(), config.max_comments_per_consultation);
    if let Some(stop) = admit(store, address_key, now_ms, config, rates, Some(per_draft))? {
        return Ok(stop);
    }
    let id = hex(&random[..8]);
    store.execute(
        "INSERT INTO comments (id, path, name, email, organisation, content, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        &[
            Value::Text(&id),
            Value::Text(&path),
            Value::Text(comment.name.trim()),
            optional(&comment.email),
            optional(&comment.organisation),
            Value::Text(&comment.content),
            Value::Int(now_ms),
        ],
    )?;
    Ok(Submitted::Comment(CommentReceipt { id }))
}

/// Stores a question (already checked by `model::submissions::check_question`)
/// under one of the published topics, and gives it its code.
#[allow(clippy::too_many_arguments)]
pub fn record_question<S: Store>(
    store: &mut S,
    question: &Question,
    address_key: &str,
    now_ms: i64,
    config: &Config,
    published: &Published,
    rates: &mut RateWindows,
    random: Random,
) -> Result<Submitted, S::Error> {
    if !published.topics.contains(&question.topic) {
        return Ok(refused(400, format!("Lĩnh vực “{}” không có trong danh sách của cổng.", question.topic)));
    }
    if let Some(stop) = admit(store, address_key, now_ms, config, rates, None)? {
        return Ok(stop);
    }
    let year = local_month(now_ms) / 100;
    // Two draws from the random bytes; a clash of both (odds 1 in 10²³) fails loudly.
    for draw in random.chunks(CODE_LETTERS) {
        let code = question_code(year, draw.try_into().expect("8 bytes"));
        let inserted = store.query_int(
            "INSERT INTO questions (code, name, contact, topic, question, at) VALUES (?, ?, ?, ?, ?, ?) \
             ON CONFLICT (code) DO NOTHING RETURNING 1",
            &[
                Value::Text(&code),
                Value::Text(question.name.trim()),
                optional(&question.contact),
                Value::Text(&question.topic),
                Value::Text(&question.question),
                Value::Int(now_ms),
            ],
        )?;
        if inserted.is_some() {
            return Ok(Submitted::Question(QuestionReceipt { code }));
        }
    }
    Ok(Submitted::Full { retry_after_secs: 1 })
}

/// What the lookup tells anyone holding the code: received or answered,
/// and where the answer is. `None`: no such question.
pub fn question_status<S: Store>(
    store: &mut S,
    code: &str,
    published: &Published,
) -> Result<Option<QuestionStatus>, S::Error> {
    let code = code.trim().to_ascii_uppercase();
    if !is_question_code(&code) {
        return Ok(None);
    }
    // Answered stays answered after staff delete the asker's details.
    if let Some(path) = published.answered.get(&code) {
        return Ok(Some(QuestionStatus { code, status: "answered".into(), answer_path: Some(path.clone()) }));
    }
    let held = store.query_int("SELECT 1 FROM questions WHERE code = ?", &[Value::Text(&code)])?;
    Ok(held.map(|_| QuestionStatus { code, status: "received".into(), answer_path: None }))
}

/// Forgets submissions past the retention period and past days' address
/// counts, at most once a minute.
pub fn prune<S: Store>(store: &mut S, now_ms: i64, config: &Config) -> Result<(), S::Error> {
    let last = store.query_int("SELECT value FROM counter_meta WHERE key = 'submissions_pruned_at'", &[])?.unwrap_or(0);
    if now_ms - last < MINUTE_MS {
        return Ok(());
    }
    let before = now_ms - i64::from(config.retention_days) * DAY_MS;
    store.execute("DELETE FROM comments WHERE at < ?", &[Value::Int(before)])?;
    store.execute("DELETE FROM questions WHERE at < ?", &[Value::Int(before)])?;
    store.execute("DELETE FROM submission_days WHERE day < ?", &[Value::Int(local_day(now_ms))])?;
    store.execute(
        "INSERT INTO counter_meta (key, value) VALUES ('submissions_pruned_at', ?) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        &[Value::Int(now_ms)],
    )
}

/// A comment as staff read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredComment {
    pub id: String,
    pub path: String,
    pub name: String,
    pub email: Option<String>,
    pub organisation: Option<String>,
    pub content: String,
    /// RFC 3339, Vietnam's time.
    pub at: String,
}

/// A question as staff read it, with whether it is answered yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredQuestion {
    pub code: String,
    pub name: String,
    pub contact: Option<String>,
    pub topic: String,
    pub question: String,
    pub at: String,
    pub status: String,
    pub answer_path: Option<String>,
}

fn text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Text(text) => Some(text.clone()),
        _ => None,
    }
}

/// Every comment (or those on the draft at `path`), oldest first.
pub fn comments<S: Store>(store: &mut S, path: Option<&str>) -> Result<Vec<StoredComment>, S::Error> {
    let page = path.map(|p| crate::paths::normalize(p).unwrap_or_default());
    let columns = "SELECT id, path, name, email, organisation, content, at FROM comments";
    let rows = match &page {
        Some(page) => store.query_rows(&format!("{columns} WHERE path = ? ORDER BY at, id"), &[Value::Text(page)])?,
        None => store.query_rows(&format!("{columns} ORDER BY path, at, id"), &[])?,
    };
    Ok(rows
        .iter()
        .filter_map(|row| {
            let [id, path, name, email, organisation, content, Cell::Int(at)] = row.as_slice() else { return None };
            Some(StoredComment {
                id: text(id)?,
                path: text(path)?,
                name: text(name)?,
                email: text(email),
                organisation: text(organisation),
                content: text(content)?,
                at: rfc3339(*at),
            })
        })
        .collect())
}

/// Every question, oldest first.
pub fn questions<S: Store>(store: &mut S, published: &Published) -> Result<Vec<StoredQuestion>, S::Error> {
    let rows =
        store.query_rows("SELECT code, name, contact, topic, question, at FROM questions ORDER BY at, code", &[])?;
    Ok(rows
        .iter()
        .filter_map(|row| {
            let [code, name, contact, topic, question, Cell::Int(at)] = row.as_slice() else { return None };
            let code = text(code)?;
            let answer_path = published.answered.get(&code).cloned();
            Some(StoredQuestion {
                status: if answer_path.is_some() { "answered" } else { "received" }.into(),
                answer_path,
                code,
                name: text(name)?,
                contact: text(contact),
                topic: text(topic)?,
                question: text(question)?,
                at: rfc3339(*at),
            })
        })
        .collect())
}

/// Deletes a comment on request; whether there was one.
pub fn delete_comment<S: Store>(store: &mut S, id: &str) -> Result<bool, S::Error> {
    Ok(store.query_int("DELETE FROM comments WHERE id = ? RETURNING 1", &[Value::Text(id)])?.is_some())
}

/// Deletes a question on request; whether there was one.
pub fn delete_question<S: Store>(store: &mut S, code: &str) -> Result<bool, S::Error> {
    let code = code.trim().to_ascii_uppercase();
    Ok(store.query_int("DELETE FROM questions WHERE code = ? RETURNING 1", &[Value::Text(&code)])?.is_some())
}

/// A cell a spreadsheet would read as a formula (`= + - @`, or a tab or
/// carriage return before one) is given a leading apostrophe: shown as
/// typed, never run.
pub fn neutralised(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}").into() } else { cell.into() }
}

/// A CSV file for staff: UTF-8 with a byte-order mark, every cell neutralised.
pub(crate) fn csv_of(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header).expect("writing to memory");
    for row in rows {
        writer.write_record(row.iter().map(|cell| neutralised(cell).into_owned())).expect("writing to memory");
    }
    let bytes = writer.into_inner().expect("writing to memory");
    // The byte-order mark makes spreadsheet programs read UTF-8.
    format!("\u{feff}{}", String::from_utf8(bytes).expect("CSV of UTF-8 text"))
}

pub fn comments_csv(comments: &[StoredComment]) -> String {
    let header = ["Mã", "Dự thảo", "Thời điểm", "Họ và tên", "Email", "Cơ quan, tổ chức", "Nội dung góp ý"];
    csv_of(
        &header,
        comments.iter().map(|c| {
            vec![
                c.id.clone(),
                c.path.clone(),
                c.at.clone(),
                c.name.clone(),
                c.email.clone().unwrap_or_default(),
                c.organisation.clone().unwrap_or_default(),
                c.content.clone(),
            ]
        }),
    )
}

pub fn questions_csv(questions: &[StoredQuestion]) -> String {
    let header =
        ["Mã câu hỏi", "Thời điểm", "Họ và tên", "Liên hệ", "Lĩnh vực", "Câu hỏi", "Tình trạng", "Trang trả lời"];
    csv_of(
        &header,
        questions.iter().map(|q| {
            vec![
                q.code.clone(),
                q.at.clone(),
                q.name.clone(),
                q.contact.clone().unwrap_or_default(),
                q.topic.clone(),
                q.question.clone(),
                if q.answer_path.is_some() { "Đã trả lời" } else { "Đã tiếp nhận" }.into(),
                q.answer_path.clone().unwrap_or_default(),
            ]
        }),
    )
}
