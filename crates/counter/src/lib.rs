//! The visitor counter's rules over one SQL schema. See README.md.

pub mod api;
pub mod paths;
pub mod published;
pub mod ratings;
pub mod reference;
pub mod report;
pub mod schema;
#[cfg(feature = "sqlite")]
pub mod sqlite;
pub mod submissions;
pub mod time;

use model::stats::{Hit, HitStats, Stats};
use paths::KnownPaths;
use time::{MINUTE_MS, local_day, week_start_day};

/// A visit ends after this long without a hit.
pub const VISIT_GAP_MS: i64 = 30 * MINUTE_MS;
/// "Đang online": a hit within this long.
pub const ONLINE_WINDOW_MS: i64 = 5 * MINUTE_MS;
/// A visitor's views of one page count at most once in this long.
pub const VIEW_GAP_MS: i64 = 30 * MINUTE_MS;
/// The window over which new visitors per address are capped.
pub const ADDRESS_WINDOW_MS: i64 = 30 * MINUTE_MS;
/// Hit ids are remembered this long to recognise retries.
pub const HIT_ID_MEMORY_MS: i64 = 24 * 60 * MINUTE_MS;
/// A visitor unseen for this long is forgotten (and is new again to the
/// address cap). Visits, "today", "this week" and "all" are counted when the
/// hits arrive, so forgetting a visitor changes none of them.
pub const VISITOR_MEMORY_MS: i64 = 24 * 60 * MINUTE_MS;
/// The window of the per-visitor and per-address hit rates.
pub const RATE_WINDOW_MS: i64 = MINUTE_MS;
/// How often the bookkeeping tables are pruned.
const PRUNE_EVERY_MS: i64 = MINUTE_MS;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Visits counted before this counter existed (migrated from the old site).
    pub offset: u64,
    /// First day of the week for "Trong tuần": 0 = Monday … 6 = Sunday.
    pub week_start: u8,
    /// New visitors one address may bring per 30 minutes.
    pub max_new_visitors_per_address: u32,
    /// Hits one visitor may make per minute: a person reading opens a few
    /// pages a minute, a script thousands.
    pub max_hits_per_visitor_minute: u32,
    /// Hits one address may make per minute, all its visitors together
    /// (generous: a mobile carrier puts thousands of readers behind one address).
    pub max_hits_per_address_minute: u32,
    /// Comments and questions one address may send per day (Vietnam's).
    pub max_submissions_per_address_day: u32,
    /// Comments kept per draft.
    pub max_comments_per_consultation: u32,
    /// Comments and questions kept in all.
    pub max_stored_submissions: u32,
    /// Days a comment or question is kept before it is deleted.
    pub retention_days: u32,
    /// Days the views per page per day are kept for the staff's figures
    /// (today included); older days are pruned. Visits per day are kept.
    pub stats_days_kept: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            offset: 0,
            week_start: 0,
            max_new_visitors_per_address: 300,
            max_hits_per_visitor_minute: 30,
            max_hits_per_address_minute: 3_000,
            max_submissions_per_address_day: 10,
            max_comments_per_consultation: 2_000,
            max_stored_submissions: 20_000,
            retention_days: 730,
            stats_days_kept: 400,
        }
    }
}

/// A parameter bound to `?` in order.
#[derive(Clone, Copy, Debug)]
pub enum Value<'a> {
    Int(i64),
    Text(&'a str),
    Null,
}

/// A column of a row read back.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Int(i64),
    Text(String),
    Null,
}

/// What the rules need of a SQL database. The adapter runs each call to
/// [`record_hit`] inside one transaction.
pub trait Store {
    type Error;
    fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> Result<(), Self::Error>;
    /// The first column of the first row; `None` for no row or NULL.
    fn query_int(&mut self, sql: &str, params: &[Value<'_>]) -> Result<Option<i64>, Self::Error>;
    /// Every row, integer and text columns as they are (others as `Null`).
    fn query_rows(&mut self, sql: &str, params: &[Value<'_>]) -> Result<Vec<Vec<Cell>>, Self::Error>;
}

/// What recording a hit did, before the figures are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recorded {
    Counted,
    Duplicate,
    RateLimited { retry_after_secs: u64 },
}

impl Recorded {
    /// The answer to the hit, given the figures read after it (for its path).
    pub fn with_stats(self, stats: HitStats) -> Outcome {
        match self {
            Recorded::Counted => Outcome::Counted(stats),
            Recorded::Duplicate => Outcome::Duplicate(stats),
            Recorded::RateLimited { retry_after_secs } => Outcome::RateLimited { retry_after_secs },
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The hit was counted.
    Counted(HitStats),
    /// The hit id was seen before (a retry): nothing changed.
    Duplicate(HitStats),
    /// Too many new visitors from the address, or hits from the visitor or
    /// the address, in their window; retry after this many seconds.
    RateLimited { retry_after_secs: u64 },
}

/// User-Agent fragments of crawlers and link-preview fetchers, lowercase.
const BOT_MARKERS: &[&str] = &[
    "bot",
    "crawl",
    "spider",
    "slurp",
    "facebookexternalhit",
    "embedly",
    "preview",
    "curl/",
    "wget/",
    "python-requests",
    "python-urllib",
    "go-http-client",
    "okhttp",
    "java/",
    "libwww",
    "httpclient",
    "lighthouse",
    "pingdom",
    "uptime",
    "monitor",
];

/// Whether a User-Agent belongs to a bot; an empty one does too.
pub fn is_bot(user_agent: &str) -> bool {
    let ua = user_agent.to_ascii_lowercase();
    ua.trim().is_empty() || BOT_MARKERS.iter().any(|marker| ua.contains(marker))
}

/// Counts one hit at `now_ms` from `address_key` (a salted hash, never the
/// raw address) and answers with the figures right after it. A view is
/// counted only for a path in `paths`.
pub fn record_hit<S: Store>(
    store: &mut S,
    hit: &Hit,
    address_key: &str,
    now_ms: i64,
    config: &Config,
    paths: &KnownPaths,
    rates: &mut RateWindows,
) -> Result<Outcome, S::Error> {
    let recorded = record_hit_only(store, hit, address_key, now_ms, config, paths, rates)?;
    // After the hit: a retry is recognised even when its id has just expired.
    if recorded != Recorded::Duplicate {
        prune(store, now_ms, config)?;
    }
    if let Recorded::RateLimited { retry_after_secs } = recorded {
        return Ok(Outcome::RateLimited { retry_after_secs });
    }
    Ok(recorded.with_stats(hit_stats(store, &hit.path, now_ms, config)?))
}

/// Counts one hit without reading the figures or pruning, for adapters that
/// apply many hits in one transaction: they call [`prune`] and read the
/// figures once for all of them.
pub fn record_hit_only<S: Store>(
    store: &mut S,
    hit: &Hit,
    address_key: &str,
    now_ms: i64,
    config: &Config,
    paths: &KnownPaths,
    rates: &mut RateWindows,
) -> Result<Recorded, S::Error> {
    // The hit id is claimed first, in the statement that also recognises a
    // retry, and given back if the hit is refused: a refused hit leaves no trace.
    let claimed = store.query_int(
        "INSERT INTO hit_ids (id, at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING RETURNING 1",
        &[Value::Text(&hit.hit), Value::Int(now_ms)],
    )?;
    if claimed.is_none() {
        return Ok(Recorded::Duplicate);
    }
    let recorded = count_hit(store, hit, address_key, now_ms, config, paths, rates)?;
    if matches!(recorded, Recorded::RateLimited { .. }) {
        store.execute("DELETE FROM hit_ids WHERE id = ?", &[Value::Text(&hit.hit)])?;
    }
    Ok(recorded)
}

fn count_hit<S: Store>(
    store: &mut S,
    hit: &Hit,
    address_key: &str,
    now_ms: i64,
    config: &Config,
    paths: &KnownPaths,
    rates: &mut RateWindows,
) -> Result<Recorded, S::Error> {
    if let Some(limited) = rates.over(format!("a:{address_key}"), config.max_hits_per_address_minute, now_ms) {
        return Ok(limited);
    }

    let last_hit = store.query_int(
        "SELECT last_hit FROM visitors WHERE id = ? AND last_hit > ?",
        &[Value::Text(&hit.visitor), Value::Int(now_ms - VISITOR_MEMORY_MS)],
    )?;
    if last_hit.is_none() {
        let window = now_ms.div_euclid(ADDRESS_WINDOW_MS);
        let brought = store
            .query_int(
                "SELECT new_visitors FROM address_windows WHERE address = ? AND window = ?",
                &[Value::Text(address_key), Value::Int(window)],
            )?
            .unwrap_or(0);
        if brought >= i64::from(config.max_new_visitors_per_address) {
            return Ok(rate_limited((window + 1) * ADDRESS_WINDOW_MS - now_ms));
        }
        store.execute(
            "INSERT INTO address_windows (address, window, new_visitors) VALUES (?, ?, 1) \
             ON CONFLICT (address, window) DO UPDATE SET new_visitors = new_visitors + 1",
            &[Value::Text(address_key), Value::Int(window)],
        )?;
    }
    // Only for a visitor let in: made-up visitors get no row here.
    if let Some(limited) = rates.over(format!("v:{}", hit.visitor), config.max_hits_per_visitor_minute, now_ms) {
        return Ok(limited);
    }

    if starts_visit(last_hit, now_ms) {
        store.execute(
            "INSERT INTO daily_visits (day, visits) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET visits = visits + 1",
            &[Value::Int(local_day(now_ms))],
        )?;
        store.execute(
            "INSERT INTO counter_meta (key, value) VALUES ('visits', 1) ON CONFLICT (key) DO UPDATE SET value = value + 1",
            &[],
        )?;
    }
    store.execute(
        "INSERT INTO visitors (id, last_hit) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET last_hit = max(last_hit, excluded.last_hit)",
        &[Value::Text(&hit.visitor), Value::Int(now_ms)],
    )?;

    // A page the site does not publish gets no row: made-up paths cost nothing.
    if let Some(page) = paths.counted(&hit.path) {
        let last_view = store.query_int(
            "SELECT at FROM view_marks WHERE visitor = ? AND path = ?",
            &[Value::Text(&hit.visitor), Value::Text(&page)],
        )?;
        if last_view.is_none_or(|at| now_ms.saturating_sub(at) >= VIEW_GAP_MS) {
            store.execute(
                "INSERT INTO view_marks (visitor, path, at) VALUES (?, ?, ?) ON CONFLICT (visitor, path) DO UPDATE SET at = excluded.at",
                &[Value::Text(&hit.visitor), Value::Text(&page), Value::Int(now_ms)],
            )?;
            store.execute(
                "INSERT INTO page_views (path, views) VALUES (?, 1) ON CONFLICT (path) DO UPDATE SET views = views + 1",
                &[Value::Text(&page)],
            )?;
            store.execute(
                "INSERT INTO page_days (path, day, views) VALUES (?, ?, 1) \
                 ON CONFLICT (path, day) DO UPDATE SET views = views + 1",
                &[Value::Text(&page), Value::Int(local_day(now_ms))],
            )?;
        }
    }
    Ok(Recorded::Counted)
}

/// Requests per client in the current minute (`a:address`, `v:visitor`).
/// Kept in the adapter's memory, not in the database: a minute's counts
/// need no durability, and writing them would cost every hit a page write.
#[derive(Debug, Default)]
pub struct RateWindows {
    window: i64,
    hits: std::collections::HashMap<String, u32>,
}

impl RateWindows {
    /// Counts a request (accepted or not) for `key` and answers
    /// `Some(RateLimited)` past the cap. Refused requests count too, so a
    /// client that keeps pushing stays refused.
    pub fn over(&mut self, key: String, cap: u32, now_ms: i64) -> Option<Recorded> {
        let window = now_ms.div_euclid(RATE_WINDOW_MS);
        if window != self.window {
            self.window = window;
            self.hits.clear();
        }
        let hits = self.hits.entry(key).or_insert(0);
        *hits = hits.saturating_add(1);
        (*hits > cap).then(|| rate_limited((window + 1) * RATE_WINDOW_MS - now_ms))
    }

    /// Clients counted in the current minute.
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }
}

fn rate_limited(retry_after_ms: i64) -> Recorded {
    Recorded::RateLimited { retry_after_secs: (retry_after_ms.max(0) as u64).div_ceil(1000).max(1) }
}

/// A hit starts a visit when it is the visitor's first, comes 30 minutes or
/// more after their last, or falls on another day (Vietnam's time).
pub fn starts_visit(last_hit: Option<i64>, now_ms: i64) -> bool {
    match last_hit {
        None => true,
        Some(last) => now_ms.saturating_sub(last) >= VISIT_GAP_MS || local_day(now_ms) != local_day(last),
    }
}

pub fn stats<S: Store>(store: &mut S, now_ms: i64, config: &Config) -> Result<Stats, S::Error> {
    let today = local_day(now_ms);
    let week_start = week_start_day(today, config.week_start);
    let count = |value: Option<i64>| value.unwrap_or(0).max(0) as u64;
    let online = store
        .query_int("SELECT COUNT(*) FROM visitors WHERE last_hit > ?", &[Value::Int(now_ms - ONLINE_WINDOW_MS)])?;
    let today_visits = store.query_int("SELECT visits FROM daily_visits WHERE day = ?", &[Value::Int(today)])?;
    let week = store.query_int(
        "SELECT SUM(visits) FROM daily_visits WHERE day >= ? AND day <= ?",
        &[Value::Int(week_start), Value::Int(today)],
    )?;
    let total = store.query_int("SELECT value FROM counter_meta WHERE key = 'visits'", &[])?;
    Ok(Stats {
        online: count(online),
        today: count(today_visits),
        week: count(week),
        total: count(total) + config.offset,
    })
}

/// Views of a page, however its path is spelled (0 for a page not counted).
pub fn views<S: Store>(store: &mut S, path: &str) -> Result<u64, S::Error> {
    let Some(page) = paths::normalize(path) else { return Ok(0) };
    Ok(store.query_int("SELECT views FROM page_views WHERE path = ?", &[Value::Text(&page)])?.unwrap_or(0).max(0)
        as u64)
}

pub fn hit_stats<S: Store>(store: &mut S, path: &str, now_ms: i64, config: &Config) -> Result<HitStats, S::Error> {
    Ok(with_views(stats(store, now_ms, config)?, views(store, path)?))
}

pub fn with_views(stats: Stats, views: u64) -> HitStats {
    let Stats { online, today, week, total } = stats;
    HitStats { online, today, week, total, views }
}

/// Forgets what no rule can need any more, and the views per day older than
/// `config.stats_days_kept`, at most once a minute.
pub fn prune<S: Store>(store: &mut S, now_ms: i64, config: &Config) -> Result<(), S::Error> {
    let last = store.query_int("SELECT value FROM counter_meta WHERE key = 'pruned_at'", &[])?.unwrap_or(0);
    if now_ms - last < PRUNE_EVERY_MS {
        return Ok(());
    }
    store.execute("DELETE FROM hit_ids WHERE at < ?", &[Value::Int(now_ms - HIT_ID_MEMORY_MS)])?;
    store.execute("DELETE FROM view_marks WHERE at <= ?", &[Value::Int(now_ms - VIEW_GAP_MS)])?;
    store
        .execute("DELETE FROM address_windows WHERE window < ?", &[Value::Int(now_ms.div_euclid(ADDRESS_WINDOW_MS))])?;
    store.execute("DELETE FROM visitors WHERE last_hit <= ?", &[Value::Int(now_ms - VISITOR_MEMORY_MS)])?;
    store.execute("DELETE FROM page_days WHERE day < ?", &[Value::Int(report::first_kept_day(now_ms, config))])?;
    store.execute(
        "INSERT INTO counter_meta (key, value) VALUES ('pruned_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        &[Value::Int(now_ms)],
    )
}
