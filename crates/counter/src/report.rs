//! "Số liệu": what the staff's dashboard and the IT team's CLI read — visits
//! and views per day, the most-read pages, the ratings of a month — over a
//! period of Vietnamese days, as JSON or CSV.
//!
//! Views per page per day live in `page_days`, one row per page and day that
//! had a view, kept for [`Config::stats_days_kept`] days: at most
//! (published paths × days kept) rows, about 60 bytes each with the index.

use model::stats::{RATING_LABELS, RatingSummary};
use serde::{Deserialize, Serialize};

use crate::ratings::scores_by;
use crate::submissions::csv_of;
use crate::time::{date, day_of, day_start_ms, local_day, month_days, month_number, month_text, week_start_day};
use crate::{Cell, Config, Store, Value};

/// Without `from`/`to`: the last 30 days, today included.
pub const DEFAULT_DAYS: i64 = 30;
/// The longest period one request may ask for.
pub const MAX_DAYS: i64 = 732;
/// The pages one answer lists without `limit=`, and the most it may ask.
pub const DEFAULT_PAGES: usize = 100;
pub const MAX_PAGES: usize = 500;
/// The most rating comments one answer lists (newest first).
pub const MAX_COMMENTS: usize = 500;
/// Staff requests one address may make per minute (reads are cheap, but a
/// script must not keep the database busy).
pub const STAFF_REQUESTS_PER_MINUTE: u32 = 120;

/// The first day whose views per page are still kept at `now_ms`.
pub fn first_kept_day(now_ms: i64, config: &Config) -> i64 {
    local_day(now_ms) - i64::from(config.stats_days_kept.max(1)) + 1
}

/// "2026-11-30" for a day number.
pub fn date_text(day: i64) -> String {
    date(day).to_string()
}

/// "30/11/2026": the Vietnamese way, for the CSV files people open.
pub fn date_vi(day: i64) -> String {
    date(day).strftime("%d/%m/%Y").to_string()
}

/// The day number of "YYYY-MM-DD".
pub fn parse_date(text: &str) -> Option<i64> {
    day_of(text.trim().parse().ok()?)
}

/// Days `from` to `to`, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: i64,
    pub to: i64,
}

impl Period {
    pub fn last_days(today: i64, days: i64) -> Period {
        Period { from: today - days + 1, to: today }
    }

    pub fn days(self) -> i64 {
        self.to - self.from + 1
    }

    /// The same number of days just before.
    pub fn previous(self) -> Period {
        Period { from: self.from - self.days(), to: self.from - 1 }
    }

    /// The instants in it, as Unix ms: `[start, end)`.
    fn instants(self) -> (i64, i64) {
        (day_start_ms(self.from), day_start_ms(self.to + 1))
    }
}

/// The period a query asks for: `from` and `to` as `YYYY-MM-DD`, either
/// missing meaning 30 days ending at the other (or today); a refusal names
/// the parameter and says why.
pub fn period(query: &str, today: i64) -> Result<Period, String> {
    let param = |name: &str| {
        crate::api::query_param(query, name).filter(|v| !v.trim().is_empty()).map(|value| {
            parse_date(&value).ok_or_else(|| format!("`{name}` must be a date written YYYY-MM-DD, not `{value}`"))
        })
    };
    let period = match (param("from").transpose()?, param("to").transpose()?) {
        (None, None) => Period::last_days(today, DEFAULT_DAYS),
        (Some(from), None) => Period { from, to: (from + DEFAULT_DAYS - 1).min(today.max(from)) },
        (None, Some(to)) => Period::last_days(to, DEFAULT_DAYS),
        (Some(from), Some(to)) => Period { from, to },
    };
    if period.from > period.to {
        return Err("`from` must not be after `to`".into());
    }
    if period.days() > MAX_DAYS {
        return Err(format!("a period is at most {MAX_DAYS} days"));
    }
    Ok(period)
}

/// One day's figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Day {
    /// "2026-11-30".
    pub date: String,
    /// Visits started that day ("Lượt truy cập").
    pub visits: u64,
    /// Page views that day, all pages ("Lượt xem").
    pub views: u64,
}

/// Visits in a span and in the span before it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compared {
    pub from: String,
    pub to: String,
    pub visits: u64,
    /// The same days one span earlier.
    pub previous_from: String,
    pub previous_to: String,
    pub previous_visits: u64,
}

/// `GET /v1/staff/stats`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Traffic {
    pub from: String,
    pub to: String,
    /// Every day of the period, oldest first, days without visits included.
    pub days: Vec<Day>,
    pub visits: u64,
    pub views: u64,
    /// The period of the same length just before.
    pub previous: Compared,
    /// The week holding `to`, up to `to`, against the same days of the week before.
    pub week: Compared,
    /// The month holding `to`, up to `to`, against the same days of the month before.
    pub month: Compared,
    /// Views per page are kept from this day on (older days show visits only).
    pub kept_from: String,
}

fn visits_in<S: Store>(store: &mut S, period: Period) -> Result<u64, S::Error> {
    let sum = store.query_int(
        "SELECT SUM(visits) FROM daily_visits WHERE day >= ? AND day <= ?",
        &[Value::Int(period.from), Value::Int(period.to)],
    )?;
    Ok(sum.unwrap_or(0).max(0) as u64)
}

fn compared<S: Store>(store: &mut S, span: Period, previous: Period) -> Result<Compared, S::Error> {
    Ok(Compared {
        from: date_text(span.from),
        to: date_text(span.to),
        visits: visits_in(store, span)?,
        previous_from: date_text(previous.from),
        previous_to: date_text(previous.to),
        previous_visits: visits_in(store, previous)?,
    })
}

fn per_day<S: Store>(store: &mut S, sql: &str, period: Period) -> Result<Vec<u64>, S::Error> {
    let mut figures = vec![0u64; period.days() as usize];
    for row in store.query_rows(sql, &[Value::Int(period.from), Value::Int(period.to)])? {
        if let [Cell::Int(day), Cell::Int(count)] = row.as_slice()
            && (period.from..=period.to).contains(day)
        {
            figures[(day - period.from) as usize] = (*count).max(0) as u64;
        }
    }
    Ok(figures)
}

pub fn traffic<S: Store>(store: &mut S, period: Period, now_ms: i64, config: &Config) -> Result<Traffic, S::Error> {
    let visits =
        per_day(store, "SELECT day, visits FROM daily_visits WHERE day >= ? AND day <= ? ORDER BY day", period)?;
    let views = per_day(
        store,
        "SELECT day, SUM(views) FROM page_days WHERE day >= ? AND day <= ? GROUP BY day ORDER BY day",
        period,
    )?;
    let days = (period.from..=period.to)
        .zip(visits.iter().zip(&views))
        .map(|(day, (&visits, &views))| Day { date: date_text(day), visits, views })
        .collect();
    let week = Period { from: week_start_day(period.to, config.week_start), to: period.to };
    let (month_first, _) = month_days(period.to);
    let month = Period { from: month_first, to: period.to };
    // The same days of the month before, as far as it has them.
    let (previous_first, previous_last) = month_days(month_first - 1);
    let previous_month = Period { from: previous_first, to: (previous_first + month.days() - 1).min(previous_last) };
    Ok(Traffic {
        from: date_text(period.from),
        to: date_text(period.to),
        days,
        visits: visits.iter().sum(),
        views: views.iter().sum(),
        previous: compared(store, period, period.previous())?,
        week: compared(store, week, Period { from: week.from - 7, to: week.to - 7 })?,
        month: compared(store, month, previous_month)?,
        kept_from: date_text(first_kept_day(now_ms, config)),
    })
}

/// What kind of page a path is, for the "Loại" filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// `/bai-viet/…`.
    BaiViet,
    /// `/van-ban/…`.
    VanBan,
    /// Everything else: home, categories, office pages, listings.
    Trang,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::BaiViet, Kind::VanBan, Kind::Trang];

    pub fn of(path: &str) -> Kind {
        if path.starts_with("/bai-viet/") {
            Kind::BaiViet
        } else if path.starts_with("/van-ban/") {
            Kind::VanBan
        } else {
            Kind::Trang
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::BaiViet => "bai-viet",
            Kind::VanBan => "van-ban",
            Kind::Trang => "trang",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::BaiViet => "Bài viết",
            Kind::VanBan => "Văn bản",
            Kind::Trang => "Trang",
        }
    }

    pub fn parse(text: &str) -> Result<Kind, String> {
        Kind::ALL
            .into_iter()
            .find(|kind| kind.name() == text)
            .ok_or_else(|| format!("`kind` must be bai-viet, van-ban or trang, not `{text}`"))
    }
}

/// `limit=` of a query: how many pages to list (1 to [`MAX_PAGES`], default [`DEFAULT_PAGES`]).
pub fn limit_param(query: &str) -> Result<usize, String> {
    match crate::api::query_param(query, "limit").filter(|v| !v.is_empty()) {
        None => Ok(DEFAULT_PAGES),
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=MAX_PAGES).contains(n))
            .ok_or_else(|| format!("`limit` must be a number from 1 to {MAX_PAGES}, not `{text}`")),
    }
}

/// `kind=` of a query, if any.
pub fn kind_param(query: &str) -> Result<Option<Kind>, String> {
    match crate::api::query_param(query, "kind").filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(text) => Kind::parse(&text).map(Some),
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageViews {
    pub path: String,
    pub kind: Kind,
    pub views: u64,
}

/// `GET /v1/staff/pages`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pages {
    pub from: String,
    pub to: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub kind: Option<Kind>,
    /// Pages of that kind with a view in the period.
    pub count: u64,
    /// Their views together.
    pub views: u64,
    /// The most-read first (ties by path), `limit` of them.
    pub pages: Vec<PageViews>,
}

pub fn pages<S: Store>(store: &mut S, period: Period, kind: Option<Kind>, limit: usize) -> Result<Pages, S::Error> {
    let rows = store.query_rows(
        "SELECT path, SUM(views) AS total FROM page_days WHERE day >= ? AND day <= ? \
         GROUP BY path ORDER BY total DESC, path",
        &[Value::Int(period.from), Value::Int(period.to)],
    )?;
    let all: Vec<PageViews> = rows
        .into_iter()
        .filter_map(|row| match row.as_slice() {
            [Cell::Text(path), Cell::Int(views)] => {
                Some(PageViews { kind: Kind::of(path), path: path.clone(), views: (*views).max(0) as u64 })
            }
            _ => None,
        })
        .filter(|page| kind.is_none_or(|kind| page.kind == kind))
        .collect();
    Ok(Pages {
        from: date_text(period.from),
        to: date_text(period.to),
        kind,
        count: all.len() as u64,
        views: all.iter().map(|p| p.views).sum(),
        pages: all.into_iter().take(limit).collect(),
    })
}

/// One month's ratings, all pages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthRatings {
    /// "2026-11".
    pub month: String,
    #[serde(flatten)]
    pub summary: RatingSummary,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageRatings {
    pub path: String,
    #[serde(flatten)]
    pub summary: RatingSummary,
}

/// A comment left with a rating: plain text as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingComment {
    pub path: String,
    /// "2026-11-30".
    pub date: String,
    pub score: u8,
    pub comment: String,
}

/// `GET /v1/staff/ratings`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ratings {
    /// "2026-11" when a month was asked for.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub month: Option<String>,
    pub from: String,
    pub to: String,
    /// All pages in the period.
    #[serde(flatten)]
    pub summary: RatingSummary,
    /// The twelve months ending with the period's last, oldest first.
    pub months: Vec<MonthRatings>,
    /// Pages rated in the period, the most-rated first, at most [`DEFAULT_PAGES`].
    pub pages: Vec<PageRatings>,
    /// How many pages were rated in the period.
    pub rated_pages: u64,
    /// Newest first, at most [`MAX_COMMENTS`].
    pub comments: Vec<RatingComment>,
}

/// The period of `month=YYYY-MM`, or without it the last 30 days.
pub fn ratings_period(query: &str, today: i64) -> Result<(Option<String>, Period), String> {
    let Some(month) = crate::api::query_param(query, "month").filter(|m| !m.is_empty()) else {
        return period(query, today).map(|p| (None, p));
    };
    let first = parse_date(&format!("{month}-01"))
        .filter(|_| month.len() == 7)
        .ok_or_else(|| format!("`month` must be written YYYY-MM, not `{month}`"))?;
    let (from, to) = month_days(first);
    Ok((Some(month), Period { from, to }))
}

pub fn ratings<S: Store>(store: &mut S, month: Option<String>, period: Period) -> Result<Ratings, S::Error> {
    let (start, end) = period.instants();
    let range = [Value::Int(start), Value::Int(end)];
    let rows = store.query_rows(
        "SELECT path, score, COUNT(*) FROM ratings WHERE at >= ? AND at < ? GROUP BY path, score ORDER BY path",
        &range,
    )?;
    let mut pages: Vec<PageRatings> = scores_by(rows, |key| match key {
        [Cell::Text(path)] => Some(path.clone()),
        _ => None,
    })
    .into_iter()
    .map(|(path, scores)| PageRatings { path, summary: RatingSummary::from_scores(scores) })
    .collect();
    pages.sort_by(|a, b| b.summary.count.cmp(&a.summary.count).then_with(|| a.path.cmp(&b.path)));
    let rated_pages = pages.len() as u64;
    let mut all = [0u64; 5];
    for page in &pages {
        for (total, n) in all.iter_mut().zip(page.summary.scores) {
            *total += n;
        }
    }
    // Twelve months ending with the period's last.
    let mut keys = Vec::with_capacity(12);
    let mut day = period.to;
    for _ in 0..12 {
        let (first, _) = month_days(day);
        keys.push(month_number(first));
        day = first - 1;
    }
    keys.reverse();
    let rows = store.query_rows(
        "SELECT month, score, COUNT(*) FROM ratings WHERE month >= ? AND month <= ? GROUP BY month, score ORDER BY month",
        &[Value::Int(keys[0]), Value::Int(keys[11])],
    )?;
    let by_month = scores_by(rows, |key| match key {
        [Cell::Int(month)] => Some(*month),
        _ => None,
    });
    let months = keys
        .into_iter()
        .map(|number| {
            let scores = by_month.iter().find(|(month, _)| *month == number).map_or([0; 5], |(_, s)| *s);
            MonthRatings { month: month_text(number), summary: RatingSummary::from_scores(scores) }
        })
        .collect();
    let comments = store
        .query_rows(
            "SELECT path, at, score, comment FROM ratings WHERE at >= ? AND at < ? AND comment IS NOT NULL \
             ORDER BY at DESC, path LIMIT ?",
            &[range[0], range[1], Value::Int(MAX_COMMENTS as i64)],
        )?
        .into_iter()
        .filter_map(|row| match row.as_slice() {
            [Cell::Text(path), Cell::Int(at), Cell::Int(score), Cell::Text(comment)] => Some(RatingComment {
                path: path.clone(),
                date: date_text(local_day(*at)),
                score: (*score).clamp(0, 5) as u8,
                comment: comment.clone(),
            }),
            _ => None,
        })
        .collect();
    Ok(Ratings {
        month,
        from: date_text(period.from),
        to: date_text(period.to),
        summary: RatingSummary::from_scores(all),
        months,
        pages: pages.into_iter().take(DEFAULT_PAGES).collect(),
        rated_pages,
        comments,
    })
}

fn vi_date(text: &str) -> String {
    parse_date(text).map_or_else(|| text.to_string(), date_vi)
}

/// `stats.csv`: one row per day.
pub fn traffic_csv(traffic: &Traffic) -> String {
    csv_of(
        &["Ngày", "Lượt truy cập", "Lượt xem"],
        traffic.days.iter().map(|d| vec![vi_date(&d.date), d.visits.to_string(), d.views.to_string()]),
    )
}

/// `pages.csv`: one row per page, the most-read first.
pub fn pages_csv(pages: &Pages) -> String {
    csv_of(
        &["Trang", "Loại", "Lượt xem"],
        pages.pages.iter().map(|p| vec![p.path.clone(), p.kind.label().to_string(), p.views.to_string()]),
    )
}

/// `ratings.csv`: one row per page rated in the period, then the comments.
pub fn ratings_csv(ratings: &Ratings) -> String {
    let mut rows: Vec<Vec<String>> = ratings
        .pages
        .iter()
        .map(|p| {
            let mut row = vec![p.path.clone(), p.summary.count.to_string(), format!("{:.2}", p.summary.average)];
            row.extend(p.summary.scores.iter().map(u64::to_string));
            row.extend([String::new(), String::new(), String::new()]);
            row
        })
        .collect();
    rows.extend(ratings.comments.iter().map(|c| {
        let mut row = vec![c.path.clone(), String::new(), String::new()];
        row.extend(std::iter::repeat_n(String::new(), 5));
        let label = RATING_LABELS.get(usize::from(c.score).wrapping_sub(1)).copied().unwrap_or("");
        row.extend([vi_date(&c.date), format!("{} – {label}", c.score), c.comment.clone()]);
        row
    }));
    let header = [
        "Trang",
        "Số lượt đánh giá",
        "Điểm trung bình",
        "1 điểm",
        "2 điểm",
        "3 điểm",
        "4 điểm",
        "5 điểm",
        "Ngày",
        "Điểm",
        "Ý kiến",
    ];
    csv_of(&header, rows.into_iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_days() {
        assert_eq!(parse_date("1970-01-01"), Some(0));
        assert_eq!(parse_date("2026-11-30"), Some(20_787));
        assert_eq!(date_text(20_787), "2026-11-30");
        assert_eq!(date_vi(20_787), "30/11/2026");
        assert_eq!(parse_date("30/11/2026"), None);
        assert_eq!(parse_date("2026-02-30"), None);
        let (first, last) = month_days(parse_date("2024-02-10").unwrap());
        assert_eq!((date_text(first), date_text(last)), ("2024-02-01".into(), "2024-02-29".into()));
    }

    #[test]
    fn periods_are_checked_and_default_to_thirty_days() {
        let today = parse_date("2026-12-01").unwrap();
        assert_eq!(period("", today), Ok(Period { from: today - 29, to: today }));
        assert_eq!(period("fbclid=x", today), Ok(Period { from: today - 29, to: today }));
        let p = period("from=2026-11-01&to=2026-11-30", today).unwrap();
        assert_eq!((p.days(), date_text(p.previous().from)), (30, "2026-10-02".into()));
        assert!(period("from=2026-12-01&to=2026-11-01", today).unwrap_err().contains("`from`"));
        assert!(period("from=hom-qua", today).unwrap_err().contains("`from` must be a date"));
        assert!(period("from=2020-01-01&to=2026-01-01", today).unwrap_err().contains("at most"));
        let (month, p) = ratings_period("month=2026-02", today).unwrap();
        assert_eq!((month.as_deref(), p.days()), (Some("2026-02"), 28));
        assert!(ratings_period("month=2026-2", today).is_err());
        assert_eq!(kind_param("kind=van-ban"), Ok(Some(Kind::VanBan)));
        assert!(kind_param("kind=anh").unwrap_err().contains("`kind`"));
    }
}
