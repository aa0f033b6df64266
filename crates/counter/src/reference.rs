//! A deliberately naive model of the rules: it keeps every accepted hit and
//! recomputes each figure from scratch. Tests check the SQL implementation
//! and both adapters against it.

use std::collections::{HashMap, HashSet};

use model::stats::{Hit, HitStats, Stats};

use crate::paths::KnownPaths;
use crate::time::{local_day, week_start_day};
use crate::{
    ADDRESS_WINDOW_MS, Config, ONLINE_WINDOW_MS, Outcome, RATE_WINDOW_MS, VIEW_GAP_MS, VISIT_GAP_MS, VISITOR_MEMORY_MS,
};

struct Accepted {
    hit: Hit,
    address: String,
    at: i64,
}

pub struct ReferenceModel {
    config: Config,
    paths: KnownPaths,
    accepted: Vec<Accepted>,
    /// Requests counted in a client's minute, accepted or refused: (`a:address` or `v:visitor`, at).
    attempts: Vec<(String, i64)>,
}

fn limited(retry_after_ms: i64) -> Outcome {
    Outcome::RateLimited { retry_after_secs: (retry_after_ms.max(0) as u64).div_ceil(1000).max(1) }
}

impl ReferenceModel {
    pub fn new(config: Config, paths: KnownPaths) -> Self {
        ReferenceModel { config, paths, accepted: Vec::new(), attempts: Vec::new() }
    }

    pub fn record(&mut self, hit: &Hit, address: &str, now: i64) -> Outcome {
        if self.accepted.iter().any(|a| a.hit.hit == hit.hit) {
            return Outcome::Duplicate(self.hit_stats(&hit.path, now));
        }
        // Every request that is not a retry counts in its address's minute;
        // in its visitor's only once the visitor is let in.
        let rate_window = now.div_euclid(RATE_WINDOW_MS);
        let in_window = |attempts: &[(String, i64)], key: &str| {
            attempts.iter().filter(|(k, at)| k == key && at.div_euclid(RATE_WINDOW_MS) == rate_window).count()
        };
        let address_key = format!("a:{address}");
        self.attempts.push((address_key.clone(), now));
        if in_window(&self.attempts, &address_key) > self.config.max_hits_per_address_minute as usize {
            return limited((rate_window + 1) * RATE_WINDOW_MS - now);
        }
        // Known: seen within the visitor memory.
        let known = self.accepted.iter().any(|a| a.hit.visitor == hit.visitor && a.at > now - VISITOR_MEMORY_MS);
        if !known {
            let window = now.div_euclid(ADDRESS_WINDOW_MS);
            // Hits that brought a visitor new at the time: none of theirs in the memory before.
            let brought = self
                .accepted
                .iter()
                .enumerate()
                .filter(|(i, a)| {
                    !self.accepted[..*i]
                        .iter()
                        .any(|b| b.hit.visitor == a.hit.visitor && b.at > a.at - VISITOR_MEMORY_MS)
                })
                .filter(|(_, a)| a.address == address && a.at.div_euclid(ADDRESS_WINDOW_MS) == window)
                .count();
            if brought >= self.config.max_new_visitors_per_address as usize {
                return limited((window + 1) * ADDRESS_WINDOW_MS - now);
            }
        }
        let visitor_key = format!("v:{}", hit.visitor);
        self.attempts.push((visitor_key.clone(), now));
        if in_window(&self.attempts, &visitor_key) > self.config.max_hits_per_visitor_minute as usize {
            return limited((rate_window + 1) * RATE_WINDOW_MS - now);
        }
        self.accepted.push(Accepted { hit: hit.clone(), address: address.to_string(), at: now });
        Outcome::Counted(self.hit_stats(&hit.path, now))
    }

    /// The days on which each visit started.
    fn visit_days(&self) -> Vec<i64> {
        let mut last_seen: HashMap<&str, i64> = HashMap::new();
        let mut days = Vec::new();
        for a in &self.accepted {
            let starts = match last_seen.get(a.hit.visitor.as_str()) {
                None => true,
                Some(&last) => a.at - last >= VISIT_GAP_MS || local_day(a.at) != local_day(last),
            };
            if starts {
                days.push(local_day(a.at));
            }
            let entry = last_seen.entry(&a.hit.visitor).or_insert(a.at);
            *entry = (*entry).max(a.at);
        }
        days
    }

    pub fn stats(&self, now: i64) -> Stats {
        let today = local_day(now);
        let week_start = week_start_day(today, self.config.week_start);
        let days = self.visit_days();
        let online: HashSet<&str> =
            self.accepted.iter().filter(|a| a.at > now - ONLINE_WINDOW_MS).map(|a| a.hit.visitor.as_str()).collect();
        Stats {
            online: online.len() as u64,
            today: days.iter().filter(|&&d| d == today).count() as u64,
            week: days.iter().filter(|&&d| d >= week_start && d <= today).count() as u64,
            total: days.len() as u64 + self.config.offset,
        }
    }

    pub fn views(&self, path: &str) -> u64 {
        let Some(page) = self.paths.counted(path) else { return 0 };
        self.page_days().iter().filter(|((p, _), _)| *p == page).map(|(_, views)| views).sum()
    }

    /// Views per page per day (Vietnam's), by the same rule as [`Self::views`]:
    /// a view counts on the day it was made.
    pub fn page_days(&self) -> std::collections::BTreeMap<(String, i64), u64> {
        let mut counted_at: HashMap<(&str, String), i64> = HashMap::new();
        let mut days = std::collections::BTreeMap::new();
        for a in &self.accepted {
            let Some(page) = self.paths.counted(&a.hit.path) else { continue };
            let key = (a.hit.visitor.as_str(), page.clone());
            if counted_at.get(&key).is_none_or(|&last| a.at - last >= VIEW_GAP_MS) {
                counted_at.insert(key, a.at);
                *days.entry((page, local_day(a.at))).or_insert(0) += 1;
            }
        }
        days
    }

    /// Visits started per day.
    pub fn visits_by_day(&self) -> std::collections::BTreeMap<i64, u64> {
        let mut days = std::collections::BTreeMap::new();
        for day in self.visit_days() {
            *days.entry(day).or_insert(0) += 1;
        }
        days
    }

    pub fn hit_stats(&self, path: &str, now: i64) -> HitStats {
        let Stats { online, today, week, total } = self.stats(now);
        HitStats { online, today, week, total, views: self.views(path) }
    }
}
