//! Property test: any sequence of hits gives the same answers from the SQL
//! implementation as from the naive reference model.

use counter::paths::KnownPaths;
use counter::reference::ReferenceModel;
use counter::report::{self, Period};
use counter::time::local_day;
use counter::{Config, RateWindows, record_hit, stats};
use model::stats::Hit;
use proptest::prelude::*;
use rusqlite::Connection;

const MINUTE: i64 = 60_000;
/// Sunday 2026-11-29 22:00 in Vietnam: sequences cross midnight and Monday.
const START: i64 = 1_795_964_400_000;

#[derive(Debug, Clone)]
struct Step {
    advance_ms: i64,
    visitor: u8,
    address: u8,
    path: u8,
    retry_previous: bool,
}

fn step() -> impl Strategy<Value = Step> {
    let advance = prop_oneof![
        6 => 0..5 * MINUTE,
        3 => 5 * MINUTE..45 * MINUTE,
        1 => 45 * MINUTE..8 * 60 * MINUTE,
        1 => 8 * 60 * MINUTE..30 * 60 * MINUTE,
    ];
    (advance, 0..8u8, 0..3u8, 0..8u8, prop::bool::weighted(0.15)).prop_map(
        |(advance_ms, visitor, address, path, retry_previous)| Step {
            advance_ms,
            visitor,
            address,
            path,
            retry_previous,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn sql_rules_match_the_reference_model(steps in prop::collection::vec(step(), 1..120), week_start in 0..7u8) {
        let config = Config {
            offset: 1000,
            week_start,
            max_new_visitors_per_address: 3,
            max_hits_per_visitor_minute: 4,
            max_hits_per_address_minute: 9,
            ..Config::default()
        };
        // Pages 0–2 are published, 3 is not; the other numbers respell them.
        let paths: KnownPaths = (0..3).map(|n| format!("/bai-viet/bai-{n}")).collect();
        let mut db = Connection::open_in_memory().unwrap();
        counter::sqlite::create_schema(&db).unwrap();
        let mut reference = ReferenceModel::new(config.clone(), paths.clone());
        let mut rates = RateWindows::default();
        let mut now = START;
        let mut previous: Option<(Hit, String)> = None;
        for (i, step) in steps.iter().enumerate() {
            now += step.advance_ms;
            let (hit, address) = match (&previous, step.retry_previous) {
                (Some(previous), true) => previous.clone(),
                _ => (
                    Hit {
                        visitor: format!("visitor-{:08}", step.visitor),
                        hit: format!("hit-{i:012}"),
                        path: match step.path {
                            4 => "/bai-viet/bai-0/".to_string(),
                            5 => "/BAI-VIET/Bai-1?trang=2".to_string(),
                            6 => "/bai-viet/bai-%32#tin-khac".to_string(),
                            n => format!("/bai-viet/bai-{n}"),
                        },
                    },
                    format!("address-{}", step.address),
                ),
            };
            let ours = record_hit(&mut db, &hit, &address, now, &config, &paths, &mut rates).unwrap();
            let theirs = reference.record(&hit, &address, now);
            prop_assert_eq!(ours, theirs, "step {} at {}", i, now);
            previous = Some((hit, address));
        }
        // And later, when everyone has left.
        let later = now + 3 * 60 * MINUTE;
        prop_assert_eq!(stats(&mut db, later, &config).unwrap(), reference.stats(later));

        // The staff's figures: visits and views per day, and per page, over
        // every day the sequence touched (it starts on a Sunday night, so it
        // crosses midnight and a week's start).
        let period = Period { from: local_day(START) - 1, to: local_day(later) };
        let traffic = report::traffic(&mut db, period, later, &config).unwrap();
        let page_days = reference.page_days();
        let visit_days = reference.visits_by_day();
        for (day, figures) in (period.from..=period.to).zip(&traffic.days) {
            prop_assert_eq!(&figures.date, &report::date_text(day));
            prop_assert_eq!(figures.visits, visit_days.get(&day).copied().unwrap_or(0), "visits on {}", day);
            let views: u64 = page_days.iter().filter(|((_, d), _)| *d == day).map(|(_, n)| n).sum();
            prop_assert_eq!(figures.views, views, "views on {}", day);
            let pages = report::pages(&mut db, Period { from: day, to: day }, None, report::MAX_PAGES).unwrap();
            for page in &pages.pages {
                prop_assert_eq!(Some(&page.views), page_days.get(&(page.path.clone(), day)));
            }
            prop_assert_eq!(pages.views, views);
        }
        prop_assert_eq!(traffic.visits, visit_days.values().sum::<u64>());
    }
}
