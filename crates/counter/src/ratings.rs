//! "Đánh giá mức độ hài lòng": one rating per visitor and page (a later one
//! replaces it), for published pages only, under the same hit caps; summaries
//! per page and per month, and the CSV staff export.

use model::stats::{RATING_LABELS, Rating, RatingSummary};
use serde::Serialize;

use crate::paths::KnownPaths;
use crate::time::{local_month, month_text};
use crate::{Cell, Config, RateWindows, Recorded, Store, Value};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rated {
    /// Stored; the page's summary right after it.
    Saved(RatingSummary),
    /// The path is not a page the site publishes: nothing stored.
    UnknownPath,
    RateLimited {
        retry_after_secs: u64,
    },
}

/// Stores (or replaces) a visitor's rating of a page at `now_ms`.
pub fn record_rating<S: Store>(
    store: &mut S,
    rating: &Rating,
    address_key: &str,
    now_ms: i64,
    config: &Config,
    paths: &KnownPaths,
    rates: &mut RateWindows,
) -> Result<Rated, S::Error> {
    let Some(page) = paths.counted(&rating.path) else { return Ok(Rated::UnknownPath) };
    crate::prune(store, now_ms, config)?;
    for (key, cap) in [
        (format!("a:{address_key}"), config.max_hits_per_address_minute),
        (format!("v:{}", rating.visitor), config.max_hits_per_visitor_minute),
    ] {
        if let Some(Recorded::RateLimited { retry_after_secs }) = rates.over(key, cap, now_ms) {
            return Ok(Rated::RateLimited { retry_after_secs });
        }
    }
    let comment = rating.comment.as_deref().map(str::trim).filter(|c| !c.is_empty());
    let params = [
        Value::Text(&rating.visitor),
        Value::Text(&page),
        Value::Int(i64::from(rating.score)),
        comment.map_or(Value::Null, Value::Text),
        Value::Int(now_ms),
        Value::Int(local_month(now_ms)),
    ];
    store.execute(
        "INSERT INTO ratings (visitor, path, score, comment, at, month) VALUES (?, ?, ?, ?, ?, ?) \
         ON CONFLICT (visitor, path) DO UPDATE SET score = excluded.score, comment = excluded.comment, \
         at = excluded.at, month = excluded.month",
        &params,
    )?;
    Ok(Rated::Saved(summary(store, &page)?))
}

/// How a page has been rated, however its path is spelled.
pub fn summary<S: Store>(store: &mut S, path: &str) -> Result<RatingSummary, S::Error> {
    let Some(page) = crate::paths::normalize(path) else { return Ok(RatingSummary::default()) };
    let rows =
        store.query_rows("SELECT score, COUNT(*) FROM ratings WHERE path = ? GROUP BY score", &[Value::Text(&page)])?;
    let scores = scores_by(rows, |_| Some(())).pop().map_or([0; 5], |(_, scores)| scores);
    Ok(RatingSummary::from_scores(scores))
}

/// One page in one month, for `GET /v1/ratings`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MonthSummary {
    pub path: String,
    /// "2026-11".
    pub month: String,
    #[serde(flatten)]
    pub summary: RatingSummary,
}

/// Rows of `key…, score, COUNT(*)`, ordered by key, as each key's count of
/// every score 1 to 5 (other scores and rows `key` refuses are skipped).
pub(crate) fn scores_by<K: PartialEq>(rows: Vec<Vec<Cell>>, key: impl Fn(&[Cell]) -> Option<K>) -> Vec<(K, [u64; 5])> {
    let mut groups: Vec<(K, [u64; 5])> = Vec::new();
    for row in rows {
        let [key_cells @ .., Cell::Int(score), Cell::Int(count)] = row.as_slice() else { continue };
        let Some(key) = key(key_cells).filter(|_| (1..=5).contains(score)) else { continue };
        if groups.last().is_none_or(|(k, _)| *k != key) {
            groups.push((key, [0; 5]));
        }
        groups.last_mut().expect("just pushed").1[*score as usize - 1] += (*count).max(0) as u64;
    }
    groups
}

/// Every page's ratings per month (or only `path`'s), by path then month.
pub fn monthly<S: Store>(store: &mut S, path: Option<&str>) -> Result<Vec<MonthSummary>, S::Error> {
    let page = path.map(|p| crate::paths::normalize(p).unwrap_or_default());
    let sql = if page.is_some() {
        "SELECT path, month, score, COUNT(*) FROM ratings WHERE path = ? GROUP BY path, month, score ORDER BY path, month"
    } else {
        "SELECT path, month, score, COUNT(*) FROM ratings GROUP BY path, month, score ORDER BY path, month"
    };
    let params: Vec<Value<'_>> = page.as_deref().map(Value::Text).into_iter().collect();
    let months = scores_by(store.query_rows(sql, &params)?, |key| match key {
        [Cell::Text(path), Cell::Int(month)] => Some((path.clone(), *month)),
        _ => None,
    });
    Ok(months
        .into_iter()
        .map(|((path, month), scores)| MonthSummary {
            path,
            month: month_text(month),
            summary: RatingSummary::from_scores(scores),
        })
        .collect())
}

/// Every rating as CSV for staff (UTF-8 with a byte-order mark, so that
/// spreadsheet programs read the Vietnamese right): page, month, time (Unix
/// ms), score, its label, comment. Visitors are not in it.
pub fn export_csv<S: Store>(store: &mut S) -> Result<String, S::Error> {
    let rows =
        store.query_rows("SELECT path, month, at, score, comment FROM ratings ORDER BY path, at, visitor", &[])?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = ["Trang", "Tháng", "Thời điểm (ms)", "Điểm", "Mức độ", "Ý kiến"];
    writer.write_record(header).expect("writing to memory");
    for row in rows {
        let [Cell::Text(path), Cell::Int(month), Cell::Int(at), Cell::Int(score), comment] = row.as_slice() else {
            continue;
        };
        let label = RATING_LABELS.get((*score as usize).wrapping_sub(1)).copied().unwrap_or("");
        let comment = if let Cell::Text(text) = comment { text.as_str() } else { "" };
        writer
            .write_record([path.as_str(), &month_text(*month), &at.to_string(), &score.to_string(), label, comment])
            .expect("writing to memory");
    }
    let bytes = writer.into_inner().expect("writing to memory");
    Ok(format!("\u{feff}{}", String::from_utf8(bytes).expect("CSV of UTF-8 text")))
}
