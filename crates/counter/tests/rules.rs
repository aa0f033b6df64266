//! The counting rules on a real SQLite database, with the clock in the test's hands.

use counter::paths::KnownPaths;
use counter::{Config, Outcome, RateWindows, record_hit, stats};
use model::stats::{Hit, HitStats};
use rusqlite::Connection;

const MINUTE: i64 = 60_000;
/// Sunday 2026-11-29 23:50 in Vietnam (16:50 UTC).
const SUNDAY_2350: i64 = 1_795_971_000_000;

thread_local! {
    /// The counter's in-memory minute windows, one set per test (each test runs on its own thread).
    static RATES: std::cell::RefCell<RateWindows> = Default::default();
}

/// Records a hit as an adapter does, with this test's rate windows.
fn record(db: &mut Connection, hit: &Hit, address: &str, at: i64, config: &Config) -> Outcome {
    RATES.with_borrow_mut(|rates| record_hit(db, hit, address, at, config, &paths(), rates).unwrap())
}

fn db() -> Connection {
    let connection = Connection::open_in_memory().unwrap();
    counter::sqlite::create_schema(&connection).unwrap();
    connection
}

/// The pages these tests visit, as the press would list them.
fn paths() -> KnownPaths {
    ["/", "/x", "/bai-viet/cau-treo"].into_iter().map(String::from).collect()
}

fn hit(visitor: &str, id: &str, path: &str) -> Hit {
    Hit { visitor: format!("visitor-{visitor:0>8}"), hit: format!("hit-id-{id:0>9}"), path: path.into() }
}

fn counted(db: &mut Connection, hit: &Hit, at: i64, config: &Config) -> HitStats {
    match record(db, hit, "address-a", at, config) {
        Outcome::Counted(stats) => stats,
        other => panic!("expected the hit to count, got {other:?}"),
    }
}

#[test]
fn a_new_day_starts_a_new_visit_and_monday_a_new_week() {
    let mut db = db();
    let config = Config::default();
    let sunday = counted(&mut db, &hit("a", "1", "/"), SUNDAY_2350, &config);
    assert_eq!((sunday.today, sunday.week, sunday.total), (1, 1, 1));
    // 15 minutes later it is Monday 00:05: same visitor, but a new day.
    let monday = counted(&mut db, &hit("a", "2", "/"), SUNDAY_2350 + 15 * MINUTE, &config);
    assert_eq!((monday.today, monday.week, monday.total), (1, 1, 2), "today and this week restart on Monday");
    assert_eq!(monday.online, 1);
}

#[test]
fn weeks_can_start_on_sunday() {
    let mut db = db();
    let config = Config { week_start: 6, ..Config::default() };
    counted(&mut db, &hit("a", "1", "/"), SUNDAY_2350, &config);
    let monday = counted(&mut db, &hit("b", "2", "/"), SUNDAY_2350 + 15 * MINUTE, &config);
    assert_eq!((monday.today, monday.week), (1, 2), "Sunday belongs to Monday's week");
}

#[test]
fn thirty_quiet_minutes_end_a_visit() {
    let mut db = db();
    let config = Config::default();
    let start = SUNDAY_2350 - 10 * 60 * MINUTE; // Sunday 13:50
    counted(&mut db, &hit("a", "1", "/"), start, &config);
    let same = counted(&mut db, &hit("a", "2", "/x"), start + 29 * MINUTE, &config);
    assert_eq!(same.today, 1, "29 minutes later is the same visit");
    let again = counted(&mut db, &hit("a", "3", "/x"), start + 29 * MINUTE + 30 * MINUTE, &config);
    assert_eq!(again.today, 2, "30 minutes after the last hit a new visit starts");
}

#[test]
fn online_counts_visitors_seen_in_the_last_five_minutes() {
    let mut db = db();
    let config = Config::default();
    let start = SUNDAY_2350 - 60 * MINUTE;
    counted(&mut db, &hit("a", "1", "/"), start, &config);
    counted(&mut db, &hit("b", "2", "/"), start + 2 * MINUTE, &config);
    let s = counted(&mut db, &hit("b", "3", "/"), start + 4 * MINUTE, &config);
    assert_eq!(s.online, 2);
    let s = counted(&mut db, &hit("c", "4", "/"), start + 6 * MINUTE, &config);
    assert_eq!(s.online, 2, "a was last seen 6 minutes ago");
    assert_eq!(stats(&mut db, start + 12 * MINUTE, &config).unwrap().online, 0);
}

#[test]
fn views_count_once_per_visitor_per_half_hour_and_retries_never() {
    let mut db = db();
    let config = Config::default();
    let start = SUNDAY_2350 - 5 * 60 * MINUTE;
    let page = "/bai-viet/cau-treo";
    assert_eq!(counted(&mut db, &hit("a", "1", page), start, &config).views, 1);
    assert_eq!(counted(&mut db, &hit("a", "2", page), start + 10 * MINUTE, &config).views, 1);
    assert_eq!(counted(&mut db, &hit("b", "3", page), start + 11 * MINUTE, &config).views, 2);
    assert_eq!(counted(&mut db, &hit("a", "4", page), start + 30 * MINUTE, &config).views, 3);
    // The same hit id again (a retry) changes nothing.
    let retry = record(&mut db, &hit("b", "3", page), "address-a", start + 50 * MINUTE, &config);
    assert!(matches!(retry, Outcome::Duplicate(s) if s.views == 3 && s.today == 2), "{retry:?}");
}

#[test]
fn one_address_cannot_invent_visitors_without_limit() {
    let mut db = db();
    let config = Config { max_new_visitors_per_address: 2, ..Config::default() };
    let start = SUNDAY_2350 - 5 * 60 * MINUTE + 20 * MINUTE; // 12:10 UTC: 10 minutes into a window
    counted(&mut db, &hit("a", "1", "/"), start, &config);
    counted(&mut db, &hit("b", "2", "/"), start, &config);
    let third = record(&mut db, &hit("c", "3", "/"), "address-a", start, &config);
    assert_eq!(third, Outcome::RateLimited { retry_after_secs: 20 * 60 });
    // Known visitors from the same address still count, and other addresses are not affected.
    assert!(matches!(record(&mut db, &hit("a", "4", "/x"), "address-a", start, &config), Outcome::Counted(_)));
    assert!(matches!(record(&mut db, &hit("c", "5", "/"), "address-b", start, &config), Outcome::Counted(_)));
    // In the next window the address may bring new visitors again.
    assert!(matches!(
        record(&mut db, &hit("d", "6", "/"), "address-a", start + 20 * MINUTE, &config),
        Outcome::Counted(_)
    ));
}

#[test]
fn total_includes_the_migrated_offset() {
    let mut db = db();
    let config = Config { offset: 1_302_148, ..Config::default() };
    assert_eq!(stats(&mut db, SUNDAY_2350, &config).unwrap().total, 1_302_148);
    assert_eq!(counted(&mut db, &hit("a", "1", "/"), SUNDAY_2350, &config).total, 1_302_149);
}

#[test]
fn bots_are_recognised_by_user_agent() {
    for bot in [
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "",
        "Zalo-Preview",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
    ] {
        assert!(counter::is_bot(bot), "{bot:?}");
    }
    for person in [
        "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0 Safari/537.36",
    ] {
        assert!(!counter::is_bot(person), "{person:?}");
    }
}

#[test]
fn visitors_unseen_for_a_day_are_forgotten_and_every_figure_stays_exact() {
    let mut db = db();
    let config = Config::default();
    for (n, visitor) in ["a", "b", "c"].into_iter().enumerate() {
        counted(&mut db, &hit(visitor, &n.to_string(), "/"), SUNDAY_2350, &config);
    }
    // Monday 00:05: `a` again, a new day and a new week.
    let monday = counted(&mut db, &hit("a", "10", "/x"), SUNDAY_2350 + 15 * MINUTE, &config);
    assert_eq!((monday.today, monday.week, monday.total), (1, 1, 4));
    // Tuesday 00:10, more than a day after anyone was seen: all three are forgotten.
    let tuesday = counted(&mut db, &hit("d", "11", "/"), SUNDAY_2350 + (24 * 60 + 20) * MINUTE, &config);
    assert_eq!((tuesday.today, tuesday.week, tuesday.total, tuesday.online), (1, 2, 5, 1));
    let visitors: i64 = db.query_row("SELECT COUNT(*) FROM visitors", [], |row| row.get(0)).unwrap();
    assert_eq!(visitors, 1, "only the visitor seen in the last day is kept");
    // A forgotten visitor who comes back is simply a new visit.
    let back = counted(&mut db, &hit("a", "12", "/"), SUNDAY_2350 + (24 * 60 + 21) * MINUTE, &config);
    assert_eq!((back.today, back.week, back.total), (2, 3, 6));
}

#[test]
fn a_visitor_past_the_hit_rate_is_refused_until_the_next_minute() {
    let mut db = db();
    let config = Config { max_hits_per_visitor_minute: 3, ..Config::default() };
    let start = SUNDAY_2350 - 10 * MINUTE; // 23:40:00, the start of a minute
    for n in 0..3 {
        counted(&mut db, &hit("a", &n.to_string(), "/x"), start + n * 1000, &config);
    }
    let refused = record(&mut db, &hit("a", "3", "/x"), "address-a", start + 10_000, &config);
    assert_eq!(refused, Outcome::RateLimited { retry_after_secs: 50 });
    // Others are not held back, and the next minute the reader may go on.
    counted(&mut db, &hit("b", "4", "/x"), start + 10_000, &config);
    counted(&mut db, &hit("a", "5", "/x"), start + MINUTE, &config);
}
