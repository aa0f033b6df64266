//! `counter-traffic`: writes generated readers into a counter database through
//! the counter's own rules (`counter::record_hit`, `record_rating`) with a
//! simulated clock, so the staff's dashboard has days of history to show —
//! for its end-to-end test and its benchmark. Never part of a deployment.
//!
//! usage: counter-traffic --db FILE [--days 30] [--pages 40] [--visitors 20]
//!
//! The pattern is plain so a test can recompute every figure: day `d` (0 is
//! today in Vietnam, 1 yesterday …) has `visitors + (d * 7) % 11` readers;
//! reader `n` reads page `(n + d) % pages` once and, when `n % 4 == 0`, rates
//! it `1 + (n + d) % 5`, with a comment when `n % 8 == 0`. Page `j` is
//! `/bai-viet/tin-j`, `/van-ban/vb-j` or `/trang-j` as `j % 3` is 0, 1 or 2.
//! Prints the paths as JSON (the site's `counted-paths.json` for them).

use std::time::{SystemTime, UNIX_EPOCH};

use counter::paths::KnownPaths;
use counter::time::{DAY_MS, local_day};
use counter::{Config, RateWindows};
use model::stats::{Hit, Rating};

fn page(j: usize) -> String {
    match j % 3 {
        0 => format!("/bai-viet/tin-{j}"),
        1 => format!("/van-ban/vb-{j}"),
        _ => format!("/trang-{j}"),
    }
}

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut db, mut days, mut pages, mut visitors) = (None, 30usize, 40usize, 20usize);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--db" => db = Some(value()?),
            "--days" => days = value()?.parse().map_err(|e| format!("--days: {e}"))?,
            "--pages" => pages = value()?.parse().map_err(|e| format!("--pages: {e}"))?,
            "--visitors" => visitors = value()?.parse().map_err(|e| format!("--visitors: {e}"))?,
            other => return Err(format!("unknown flag {other}")),
        }
    }
    let db = db.ok_or("--db FILE is required")?;
    let mut connection = rusqlite::Connection::open(&db).map_err(|e| format!("{db}: {e}"))?;
    connection.pragma_update(None, "journal_mode", "WAL").map_err(|e| e.to_string())?;
    counter::sqlite::create_schema(&connection).map_err(|e| e.to_string())?;
    let paths: Vec<String> = (0..pages).map(page).collect();
    let known: KnownPaths = paths.iter().cloned().collect();
    let config = Config { stats_days_kept: (days as u32).max(400), ..Config::default() };
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map_err(|e| e.to_string())?.as_millis() as i64;
    let today = local_day(now);
    // Oldest first, as the days happened.
    for d in (0..days).rev() {
        let day = today - d as i64;
        let count = visitors + (d * 7) % 11;
        // Readers from noon on, a second apart; today's in the hour before
        // now, and never before its midnight.
        let midnight = day * DAY_MS - 7 * 3_600_000;
        let (start, gap) = if d == 0 {
            let start = midnight.max(now - 3_600_000);
            (start, ((now - start) / count.max(1) as i64).min(1000))
        } else {
            (midnight + 12 * 3_600_000, 1000)
        };
        let mut rates = RateWindows::default();
        let mut transaction = connection.transaction().map_err(|e| e.to_string())?;
        for n in 0..count {
            let at = start + n as i64 * gap;
            let visitor = format!("generated-{d:05}-{n:07}");
            let path = &paths[(n + d) % pages];
            let hit = Hit { visitor: visitor.clone(), hit: format!("generated-hit-{d:05}-{n:07}"), path: path.clone() };
            let address = format!("generated-address-{}", n % 50);
            counter::record_hit_only(&mut transaction, &hit, &address, at, &config, &known, &mut rates)
                .map_err(|e| e.to_string())?;
            if n % 4 == 0 {
                let rating = Rating {
                    visitor,
                    path: path.clone(),
                    score: 1 + ((n + d) % 5) as u8,
                    comment: (n % 8 == 0).then(|| format!("Ý kiến thử số {d}-{n}")),
                };
                counter::ratings::record_rating(&mut transaction, &rating, &address, at, &config, &known, &mut rates)
                    .map_err(|e| e.to_string())?;
            }
        }
        transaction.commit().map_err(|e| e.to_string())?;
    }
    println!("{}", serde_json::to_string(&paths).expect("strings serialise"));
    Ok(())
}
