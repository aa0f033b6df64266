//! The staff's figures ("Số liệu") on a real SQLite database, with the clock
//! in the test's hands: days turn at Vietnamese midnight, weeks and months
//! compare like for like, old days are pruned, the CSV files read back.

use counter::api::{self, Report};
use counter::paths::KnownPaths;
use counter::ratings::record_rating;
use counter::report::{self, Kind, Period, date_text, parse_date};
use counter::{Config, Outcome, RateWindows, record_hit};
use model::stats::{Hit, Rating};
use rusqlite::Connection;

const MINUTE: i64 = 60_000;
const DAY: i64 = 24 * 60 * MINUTE;
/// Monday 2026-11-30 23:58 in Vietnam (16:58 UTC): two minutes before
/// December, in a week that started that morning.
const MONDAY_2358: i64 = 1_796_057_880_000;

fn db() -> Connection {
    let connection = Connection::open_in_memory().unwrap();
    counter::sqlite::create_schema(&connection).unwrap();
    connection
}

fn paths() -> KnownPaths {
    ["/", "/bai-viet/cau-treo", "/bai-viet/mua-lu", "/van-ban/12-2026-qd-ubnd", "/gioi-thieu/lich-su"]
        .into_iter()
        .map(String::from)
        .collect()
}

struct Site {
    db: Connection,
    config: Config,
    rates: RateWindows,
    hits: usize,
}

impl Site {
    fn new(config: Config) -> Site {
        Site { db: db(), config, rates: RateWindows::default(), hits: 0 }
    }

    fn read(&mut self, visitor: usize, path: &str, at: i64) {
        self.hits += 1;
        let hit =
            Hit { visitor: format!("visitor-{visitor:08}"), hit: format!("hit-{:012}", self.hits), path: path.into() };
        let outcome = record_hit(&mut self.db, &hit, "address", at, &self.config, &paths(), &mut self.rates).unwrap();
        assert!(matches!(outcome, Outcome::Counted(_)), "{outcome:?}");
    }
}

fn day(text: &str) -> i64 {
    parse_date(text).unwrap()
}

#[test]
fn views_fall_on_the_vietnamese_day_and_weeks_and_months_compare_like_for_like() {
    let mut site = Site::new(Config::default());
    // 30 November, 23:58: two readers; 00:01 on 1 December: one of them again
    // (a new day: a new visit and, 30 minutes not having passed, no new view).
    site.read(1, "/bai-viet/cau-treo", MONDAY_2358);
    site.read(2, "/bai-viet/cau-treo", MONDAY_2358 + MINUTE);
    site.read(1, "/bai-viet/cau-treo", MONDAY_2358 + 3 * MINUTE);
    site.read(1, "/van-ban/12-2026-qd-ubnd", MONDAY_2358 + 4 * MINUTE);
    // The Sunday before (last week, last month) and one in October.
    site.read(3, "/", MONDAY_2358 - DAY);
    site.read(4, "/", MONDAY_2358 - DAY - 2 * MINUTE);
    site.read(5, "/gioi-thieu/lich-su", MONDAY_2358 - 31 * DAY);

    let now = MONDAY_2358 + 10 * MINUTE;
    let traffic =
        report::traffic(&mut site.db, Period { from: day("2026-11-29"), to: day("2026-12-01") }, now, &site.config)
            .unwrap();
    let figures: Vec<_> = traffic.days.iter().map(|d| (d.date.as_str(), d.visits, d.views)).collect();
    assert_eq!(figures, [("2026-11-29", 2, 2), ("2026-11-30", 2, 2), ("2026-12-01", 1, 1)]);
    assert_eq!((traffic.visits, traffic.views), (5, 5));
    assert_eq!(
        (traffic.previous.previous_from.as_str(), traffic.previous.previous_to.as_str()),
        ("2026-11-26", "2026-11-28")
    );
    // The week holding 1 December began on Monday 30 November: 3 visits, against
    // the same two days of the week before (23–24 November): none.
    assert_eq!((traffic.week.from.as_str(), traffic.week.visits), ("2026-11-30", 3));
    assert_eq!((traffic.week.previous_from.as_str(), traffic.week.previous_to.as_str()), ("2026-11-23", "2026-11-24"));
    // December so far (one day) against 1 November.
    assert_eq!((traffic.month.from.as_str(), traffic.month.visits), ("2026-12-01", 1));
    assert_eq!(
        (traffic.month.previous_from.as_str(), traffic.month.previous_to.as_str()),
        ("2026-11-01", "2026-11-01")
    );
    // On 31 March the month before has 28 days: the comparison stops at its end.
    let march = report::traffic(&mut site.db, Period::last_days(day("2027-03-31"), 1), now, &site.config).unwrap();
    assert_eq!((march.month.previous_from.as_str(), march.month.previous_to.as_str()), ("2027-02-01", "2027-02-28"));

    // The most-read pages of November, all kinds and one kind.
    let november = Period { from: day("2026-11-01"), to: day("2026-11-30") };
    let pages = report::pages(&mut site.db, november, None, 100).unwrap();
    let ranked: Vec<_> = pages.pages.iter().map(|p| (p.path.as_str(), p.kind, p.views)).collect();
    assert_eq!(ranked, [("/", Kind::Trang, 2), ("/bai-viet/cau-treo", Kind::BaiViet, 2)]);
    let documents =
        report::pages(&mut site.db, Period::last_days(day("2026-12-01"), 30), Some(Kind::VanBan), 100).unwrap();
    assert_eq!(
        (documents.count, documents.views, documents.pages[0].path.as_str()),
        (1, 1, "/van-ban/12-2026-qd-ubnd")
    );
}

#[test]
fn old_days_are_pruned_and_the_visits_stay() {
    let mut site = Site::new(Config { stats_days_kept: 3, ..Config::default() });
    for n in 0..5 {
        site.read(n, "/bai-viet/mua-lu", MONDAY_2358 + n as i64 * DAY);
    }
    let now = MONDAY_2358 + 4 * DAY;
    let last_five = Period::last_days(counter::time::local_day(now), 5);
    let traffic = report::traffic(&mut site.db, last_five, now, &site.config).unwrap();
    assert_eq!(traffic.kept_from, date_text(counter::time::local_day(now) - 2));
    let views: Vec<_> = traffic.days.iter().map(|d| d.views).collect();
    assert_eq!(views, [0, 0, 1, 1, 1], "the two oldest days' views are pruned");
    assert!(traffic.days.iter().all(|d| d.visits == 1), "visits per day are kept");
    let rows = site.db.query_row("SELECT COUNT(*) FROM page_days", [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(rows, 3);
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn a_months_ratings_add_up_and_every_view_reads_back_as_csv() {
    let mut site = Site::new(Config::default());
    let rate = |site: &mut Site, visitor: usize, path: &str, score: u8, comment: Option<&str>, at: i64| {
        let rating = Rating {
            visitor: format!("visitor-{visitor:08}"),
            path: path.into(),
            score,
            comment: comment.map(str::to_string),
        };
        record_rating(&mut site.db, &rating, "address", at, &site.config, &paths(), &mut site.rates).unwrap();
    };
    let november = MONDAY_2358 - 5 * DAY;
    rate(&mut site, 1, "/bai-viet/cau-treo", 5, Some("Rất rõ ràng"), november);
    rate(&mut site, 2, "/bai-viet/cau-treo", 4, None, november + MINUTE);
    rate(&mut site, 3, "/van-ban/12-2026-qd-ubnd", 2, Some("=HYPERLINK(\"http://x\")"), november + 2 * MINUTE);
    // Two minutes after midnight: December's.
    rate(&mut site, 4, "/", 1, Some("<b>chậm</b>"), MONDAY_2358 + 4 * MINUTE);
    let now = MONDAY_2358 + 10 * MINUTE;

    let (month, period) = report::ratings_period("month=2026-11", counter::time::local_day(now)).unwrap();
    let ratings = report::ratings(&mut site.db, month, period).unwrap();
    assert_eq!((ratings.summary.count, ratings.summary.scores), (3, [0, 1, 0, 1, 1]));
    assert_eq!(ratings.summary.average, 3.67);
    assert_eq!(ratings.months.len(), 12);
    assert_eq!((ratings.months[11].month.as_str(), ratings.months[11].summary.count), ("2026-11", 3));
    assert_eq!(ratings.months[0].month, "2025-12");
    assert_eq!(ratings.pages[0].path, "/bai-viet/cau-treo");
    assert_eq!(ratings.pages.iter().map(|p| p.summary.count).sum::<u64>(), ratings.summary.count);
    let comments: Vec<_> = ratings.comments.iter().map(|c| c.comment.as_str()).collect();
    assert_eq!(comments, ["=HYPERLINK(\"http://x\")", "Rất rõ ràng"], "newest first, December's not in November");

    // The CSV of each view: a BOM, Vietnamese headers, formulas neutralised.
    let rows = csv_rows(&report::ratings_csv(&ratings));
    assert_eq!(rows[0][0], "Trang");
    assert_eq!(rows[1][..3], ["/bai-viet/cau-treo", "2", "4.50"]);
    assert!(rows.iter().any(|r| r[10] == "'=HYPERLINK(\"http://x\")"), "{rows:?}");
    let december = Period::last_days(counter::time::local_day(now), 1);
    site.read(9, "/bai-viet/mua-lu", now);
    let traffic = csv_rows(&report::traffic_csv(&report::traffic(&mut site.db, december, now, &site.config).unwrap()));
    assert_eq!(traffic, [vec!["Ngày", "Lượt truy cập", "Lượt xem"], vec!["01/12/2026", "1", "1"]]);
    let pages = csv_rows(&report::pages_csv(&report::pages(&mut site.db, december, None, 100).unwrap()));
    assert_eq!(pages[1], ["/bai-viet/mua-lu", "Bài viết", "1"]);
}

#[test]
fn the_contract_answers_bad_queries_with_the_parameter_named() {
    let mut db = db();
    let config = Config::default();
    let answer = |db: &mut Connection, report: Report, query: &str| {
        api::staff_report(db, report, false, query, MONDAY_2358, &config).unwrap()
    };
    let bad = answer(&mut db, Report::Traffic, "from=30-11-2026");
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("`from`"), "{}", bad.body);
    assert!(answer(&mut db, Report::Pages, "kind=anh").body.contains("`kind`"));
    assert!(answer(&mut db, Report::Pages, "limit=0").body.contains("`limit`"));
    assert!(answer(&mut db, Report::Ratings, "month=11/2026").body.contains("`month`"));
    let empty: serde_json::Value = serde_json::from_str(&answer(&mut db, Report::Traffic, "").body).unwrap();
    assert_eq!(empty["days"].as_array().unwrap().len(), 30, "without parameters: the last 30 days");
    assert_eq!(empty["to"], "2026-11-30");
    let csv = api::staff_report(&mut db, Report::Pages, true, "", MONDAY_2358, &config).unwrap();
    assert_eq!((csv.status, csv.content_type), (200, api::CSV));
    let mut rates = RateWindows::default();
    let limited =
        (0..=report::STAFF_REQUESTS_PER_MINUTE).map(|_| api::staff_rate(&mut rates, "a", MONDAY_2358)).last().unwrap();
    assert_eq!(limited.unwrap_err().status, 429);
}
