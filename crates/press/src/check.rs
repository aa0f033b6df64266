//! Checks every content kind shares: a text that must not be blank, a slug's shape, and date-times read
//! with their offset and shown in Vietnam's time.

use std::path::Path;

use jiff::Timestamp;
use jiff::tz::{self, TimeZone};

use crate::error::ContentError;

/// A blank text field (empty or only spaces) is an error of `file`.
pub fn require_text(file: &Path, field: &str, value: &str, errors: &mut Vec<ContentError>) {
    if value.trim().is_empty() {
        errors.push(ContentError::new(file, Some(field), "must not be empty"));
    }
}

/// Each piece of raw HTML in `field` that the sanitiser would change is an
/// error of `file`, with the reason ([`crate::render::Rendered::refused`]).
pub fn refuse_raw_html(file: &Path, field: &str, rendered: &crate::render::Rendered, errors: &mut Vec<ContentError>) {
    for reason in &rendered.refused {
        errors.push(ContentError::new(file, Some(field), reason.clone()));
    }
}

/// Why `slug` cannot be a file name and an address (see `model::is_valid_slug`).
pub fn slug_reason(slug: &str) -> String {
    format!("`{slug}` is not a slug: use lowercase letters a-z, digits and single hyphens")
}

/// Vietnam's time, UTC+7 all year.
pub fn vietnam() -> TimeZone {
    TimeZone::fixed(tz::offset(7))
}

/// Accepts RFC 3339 with an explicit offset and re-expresses it in Vietnam's
/// time, which is what the app shows.
/// `at` in RFC 3339 in Vietnam's time ("2026-12-07T08:00:00+07:00").
pub fn rfc3339(at: Timestamp) -> String {
    at.to_zoned_datetime(vietnam()).strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// `at` as pages write a moment: "14:36 27/11/2026", Vietnam's time.
pub fn time_date(at: Timestamp) -> String {
    at.to_zoned_datetime(vietnam()).strftime("%H:%M %d/%m/%Y").to_string()
}

pub fn parse_date(file: &Path, field: &str, text: &str, errors: &mut Vec<ContentError>) -> Option<(Timestamp, String)> {
    match text.parse::<Timestamp>() {
        Ok(at) => Some((at, rfc3339(at))),
        Err(e) => {
            errors.push(ContentError::new(
                file,
                Some(field),
                format!("`{text}` is not a date-time with offset like 2021-08-20T08:30:00+07:00 ({e})"),
            ));
            None
        }
    }
}
