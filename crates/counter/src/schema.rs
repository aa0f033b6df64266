//! The one schema both adapters create. Times are Unix milliseconds; days
//! are [`crate::time::local_day`] numbers.

/// Idempotent: safe to run at every start.
pub const SCHEMA: &[&str] = &[
    "CREATE TABLE IF NOT EXISTS counter_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS visitors (id TEXT PRIMARY KEY, last_hit INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS visitors_by_last_hit ON visitors (last_hit)",
    "CREATE TABLE IF NOT EXISTS hit_ids (id TEXT PRIMARY KEY, at INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS hit_ids_by_time ON hit_ids (at)",
    "CREATE TABLE IF NOT EXISTS daily_visits (day INTEGER PRIMARY KEY, visits INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS page_views (path TEXT PRIMARY KEY, views INTEGER NOT NULL)",
    // Views per page per Vietnamese day, for the staff's figures; pruned
    // after `Config::stats_days_kept` days, so at most published paths × days kept rows.
    "CREATE TABLE IF NOT EXISTS page_days (path TEXT NOT NULL, day INTEGER NOT NULL, views INTEGER NOT NULL, PRIMARY KEY (path, day))",
    "CREATE INDEX IF NOT EXISTS page_days_by_day ON page_days (day, path, views)",
    "CREATE TABLE IF NOT EXISTS view_marks (visitor TEXT NOT NULL, path TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (visitor, path))",
    "CREATE INDEX IF NOT EXISTS view_marks_by_time ON view_marks (at)",
    "CREATE TABLE IF NOT EXISTS address_windows (address TEXT NOT NULL, window INTEGER NOT NULL, new_visitors INTEGER NOT NULL, PRIMARY KEY (address, window))",
    "CREATE INDEX IF NOT EXISTS address_windows_by_window ON address_windows (window)",
    // One rating per visitor and page; `month` is YYYYMM in Vietnam's time.
    "CREATE TABLE IF NOT EXISTS ratings (visitor TEXT NOT NULL, path TEXT NOT NULL, score INTEGER NOT NULL, comment TEXT, at INTEGER NOT NULL, month INTEGER NOT NULL, PRIMARY KEY (visitor, path))",
    "CREATE INDEX IF NOT EXISTS ratings_by_page ON ratings (path, month, score)",
    // The staff's figures: a period's ratings, the twelve months' shares.
    "CREATE INDEX IF NOT EXISTS ratings_by_time ON ratings (at)",
    "CREATE INDEX IF NOT EXISTS ratings_by_month ON ratings (month, score)",
    // What citizens sent: plain text as typed, kept apart from the counts
    // and from everything published; `at` is Unix ms.
    "CREATE TABLE IF NOT EXISTS comments (id TEXT PRIMARY KEY, path TEXT NOT NULL, name TEXT NOT NULL, email TEXT, organisation TEXT, content TEXT NOT NULL, at INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS comments_by_path ON comments (path, at)",
    "CREATE INDEX IF NOT EXISTS comments_by_time ON comments (at)",
    "CREATE TABLE IF NOT EXISTS questions (code TEXT PRIMARY KEY, name TEXT NOT NULL, contact TEXT, topic TEXT NOT NULL, question TEXT NOT NULL, at INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS questions_by_time ON questions (at)",
    // Submissions per (hashed) address and Vietnamese day, for the daily cap.
    "CREATE TABLE IF NOT EXISTS submission_days (address TEXT NOT NULL, day INTEGER NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (address, day))",
];
