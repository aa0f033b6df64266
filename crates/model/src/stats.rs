//! The visitor counter's HTTP contract (`POST /v1/hit`, `GET /v1/stats`),
//! shared by the app, the counter's logic and both of its adapters.

use serde::{Deserialize, Serialize};

/// Largest accepted `POST /v1/hit` body, in bytes.
pub const MAX_HIT_BODY: usize = 1024;

/// Body of `POST /v1/hit`, sent as `text/plain` JSON (no CORS preflight).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hit {
    /// Random id the app keeps in localStorage.
    pub visitor: String,
    /// Chosen per page view; a retry repeats it, so it is counted once.
    pub hit: String,
    /// The viewed page, e.g. `/bai-viet/slug`.
    pub path: String,
}

/// `GET /v1/stats`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub online: u64,
    pub today: u64,
    pub week: u64,
    pub total: u64,
}

/// Answer to `POST /v1/hit`: the stats plus the page views of the hit's path.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HitStats {
    pub online: u64,
    pub today: u64,
    pub week: u64,
    pub total: u64,
    pub views: u64,
}

impl HitStats {
    pub fn stats(&self) -> Stats {
        Stats { online: self.online, today: self.today, week: self.week, total: self.total }
    }
}

/// Visitor and hit ids: 16–64 characters of `A-Za-z0-9_-`.
pub fn is_valid_id(id: &str) -> bool {
    (16..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Why a hit was refused, in words for the JSON error.
pub fn check_hit(hit: &Hit) -> Result<(), String> {
    if !is_valid_id(&hit.visitor) {
        return Err("`visitor` must be 16–64 characters of A-Z, a-z, 0-9, _ or -".into());
    }
    if !is_valid_id(&hit.hit) {
        return Err("`hit` must be 16–64 characters of A-Z, a-z, 0-9, _ or -".into());
    }
    if !hit.path.starts_with('/') {
        return Err("`path` must start with `/`".into());
    }
    if hit.path.len() > 512 {
        return Err("`path` is longer than 512 bytes".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_valid_id("abcdefghij012345"));
        assert!(is_valid_id(&"a".repeat(64)));
        assert!(is_valid_id("A-b_C-d_E-f_G-h_"));
        for bad in ["", "short", &"a".repeat(65), "abcdefghij01234!", "abcdefghij01234 ", "abcdefghij01234é"] {
            assert!(!is_valid_id(bad), "{bad:?}");
        }
    }

    #[test]
    fn paths_must_be_absolute() {
        let hit = |path: &str| Hit { visitor: "v".repeat(16), hit: "h".repeat(16), path: path.into() };
        assert!(check_hit(&hit("/bai-viet/x")).is_ok());
        assert!(check_hit(&hit("bai-viet/x")).is_err());
        assert!(check_hit(&hit("https://example.org/")).is_err());
    }
}
