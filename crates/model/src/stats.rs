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

/// Largest accepted `POST /v1/rating` body, in bytes (a 500-character
/// Vietnamese comment takes up to 1,500).
pub const MAX_RATING_BODY: usize = 4096;
/// Longest comment, in characters.
pub const MAX_COMMENT_CHARS: usize = 500;

/// Body of `POST /v1/rating`: "Bạn có hài lòng với thông tin trên trang?"
/// One per visitor and page; a later one replaces it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub visitor: String,
    pub path: String,
    /// 1 (rất không hài lòng) … 5 (rất hài lòng).
    pub score: u8,
    /// Plain text, never shown as HTML.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// The five answers, worst first, as the page labels them.
pub const RATING_LABELS: [&str; 5] =
    ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"];

/// Answer to `POST /v1/rating` and part of `GET /v1/ratings`: how a page was rated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RatingSummary {
    pub count: u64,
    /// Ratings per score, 1 to 5.
    pub scores: [u64; 5],
    /// Mean score, 0 without ratings.
    pub average: f64,
}

impl RatingSummary {
    pub fn from_scores(scores: [u64; 5]) -> Self {
        let count = scores.iter().sum::<u64>();
        let sum: u64 = scores.iter().enumerate().map(|(i, n)| (i as u64 + 1) * n).sum();
        let average = if count == 0 { 0.0 } else { (sum as f64 / count as f64 * 100.0).round() / 100.0 };
        RatingSummary { count, scores, average }
    }
}

/// Why a rating was refused, in words for the JSON error.
pub fn check_rating(rating: &Rating) -> Result<(), String> {
    if !is_valid_id(&rating.visitor) {
        return Err("`visitor` must be 16–64 characters of A-Z, a-z, 0-9, _ or -".into());
    }
    if !rating.path.starts_with('/') || rating.path.len() > 512 {
        return Err("`path` must start with `/` and be at most 512 bytes".into());
    }
    if !(1..=5).contains(&rating.score) {
        return Err("`score` must be 1, 2, 3, 4 or 5".into());
    }
    if let Some(comment) = &rating.comment {
        if comment.chars().count() > MAX_COMMENT_CHARS {
            return Err(format!("`comment` is longer than {MAX_COMMENT_CHARS} characters"));
        }
        if comment.contains(['<', '>']) {
            return Err("`comment` may not contain < or > (plain text only)".into());
        }
        if comment.chars().any(|c| c.is_control() && c != '\n') {
            return Err("`comment` may not contain control characters".into());
        }
    }
    Ok(())
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
    fn ratings_are_checked() {
        let rating = |score: u8, comment: Option<String>| Rating {
            visitor: "v".repeat(16),
            path: "/bai-viet/x".into(),
            score,
            comment,
        };
        assert!(check_rating(&rating(5, Some("Thông tin rất hữu ích, cảm ơn!\nRõ ràng.".into()))).is_ok());
        assert!(check_rating(&rating(1, Some("ệ".repeat(500)))).is_ok());
        for bad in
            [rating(0, None), rating(6, None), rating(3, Some("ệ".repeat(501))), rating(3, Some("<b>x</b>".into()))]
        {
            assert!(check_rating(&bad).is_err(), "{bad:?}");
        }
        assert_eq!(RatingSummary::from_scores([1, 0, 0, 0, 2]).average, 3.67);
        assert_eq!(RatingSummary::from_scores([0; 5]).average, 0.0);
    }

    #[test]
    fn paths_must_be_absolute() {
        let hit = |path: &str| Hit { visitor: "v".repeat(16), hit: "h".repeat(16), path: path.into() };
        assert!(check_hit(&hit("/bai-viet/x")).is_ok());
        assert!(check_hit(&hit("bai-viet/x")).is_err());
        assert!(check_hit(&hit("https://example.org/")).is_err());
    }
}
