//! "Thông tin báo chí" (`/thong-tin-bao-chi`): the spokesperson and how to
//! reach them, the office's official channels (`content/press.json`), and its
//! press releases (`content/press-releases/{slug}.json`, each with its file
//! in `content/files/thong-cao/`), newest first. The 2026 decree on press
//! information asks the spokesperson's details to be current within 24 hours
//! of a change: the page says when they last changed (`updated`).
//!
//! An office without `press.json` has no such page; press releases without
//! it are refused (they would be published nowhere).

use std::path::Path;

use leptos::prelude::*;
use model::Page;
use model::paths::route;
use serde::Deserialize;
use views::press_office::{PressOffice, Release, Spokesperson};

use super::documents::attachment;
use crate::check::require_text;
use crate::error::ContentError;
use crate::html::html_of;

const TITLE: &str = "Thông tin báo chí";
pub const INFO_FILE: &str = "press.json";
const RELEASES_DIR: &str = "press-releases";
/// Where the releases' files live, inside `content/files/` and on the site.
pub const FILES_DIR: &str = "/thong-cao/";

/// `content/press.json`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcePressOffice {
    pub spokesperson: SourceSpokesperson,
    /// The office's official accounts (fanpage, Zalo OA, YouTube…).
    #[serde(default)]
    pub channels: Vec<SourceChannel>,
    /// Markdown: how journalists ask for information, the office's rules.
    pub body: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSpokesperson {
    pub name: String,
    /// Their post ("Phó Chánh Văn phòng UBND tỉnh").
    pub title: String,
    pub phone: String,
    pub email: String,
    /// When these details last changed, RFC 3339.
    pub updated: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceChannel {
    pub label: String,
    pub href: String,
}

/// `content/press-releases/{slug}.json`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRelease {
    pub title: String,
    /// RFC 3339: out from then (a release set for later waits, as articles do).
    pub published: String,
    /// One or two sentences.
    pub summary: String,
    /// Its file, under `/thong-cao/`.
    pub file: String,
    #[serde(default)]
    pub draft: bool,
}

/// What the page is drawn from.
#[derive(Debug, Clone)]
pub struct PressInfo {
    pub spokesperson: Spokesperson,
    pub channels: Vec<(String, String)>,
    pub about: String,
    /// Newest first, with when each was published (for the search index).
    pub releases: Vec<(Release, jiff::Timestamp)>,
    /// The first release set for later, for the next scheduled build.
    pub next_change: Option<jiff::Timestamp>,
    /// When the page last changed: the spokesperson's details or the newest release (RFC 3339).
    pub date: String,
}

/// Reads and checks `press.json` and every release; all problems at once,
/// each with file and field. `None` when the office has no press page.
pub fn read(
    content: &Path,
    office_files: Option<&Path>,
    edition: crate::Edition,
) -> Result<Option<PressInfo>, Vec<ContentError>> {
    let mut errors = Vec::new();
    let info_path = content.join(INFO_FILE);
    let info =
        if info_path.exists() { crate::read::read_file::<SourcePressOffice>(&info_path, &mut errors) } else { None };
    let sources = crate::read::read_folder::<SourceRelease>(&content.join(RELEASES_DIR), &mut errors)?;
    let mut releases = Vec::new();
    let mut next_change = None;
    for (file, source) in sources {
        let before = errors.len();
        let slug = file.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        if !model::is_valid_slug(&slug) {
            errors.push(ContentError::new(&file, None, format!("the file name {}", crate::check::slug_reason(&slug))));
        }
        for (field, value) in [("title", &source.title), ("summary", &source.summary)] {
            require_text(&file, field, value, &mut errors);
        }
        let published = crate::check::parse_date(&file, "published", &source.published, &mut errors);
        let attached = attachment(&file, "file", &source.file, FILES_DIR, office_files, &mut errors);
        let (Some((at, _)), Some(attached)) = (published, attached) else { continue };
        if errors.len() > before {
            continue;
        }
        if !source.draft && at > edition.now {
            next_change = next_change.into_iter().chain([at]).min();
        }
        if !edition.shows(source.draft, Some(at)) {
            continue;
        }
        let day = at.to_zoned_datetime(crate::check::vietnam()).date();
        let release = Release {
            id: format!("thong-cao-{slug}"),
            date: day.strftime("%d/%m/%Y").to_string(),
            iso: day.to_string(),
            title: source.title.trim().to_string(),
            summary: source.summary.trim().to_string(),
            file: attached,
        };
        releases.push((release, at));
    }
    let Some((file, info)) = info else {
        if !info_path.exists() && !releases.is_empty() && errors.is_empty() {
            errors.push(ContentError::new(
                &info_path,
                None,
                "press releases are published on the press page: write its press.json (the spokesperson) too",
            ));
        }
        return if errors.is_empty() { Ok(None) } else { Err(errors) };
    };
    let person = &info.spokesperson;
    for (field, value) in [
        ("spokesperson.name", &person.name),
        ("spokesperson.title", &person.title),
        ("spokesperson.phone", &person.phone),
        ("spokesperson.email", &person.email),
        ("body", &info.body),
    ] {
        require_text(&file, field, value, &mut errors);
    }
    if !person.phone.trim().is_empty() && person.phone.chars().filter(char::is_ascii_digit).count() < 8 {
        errors.push(ContentError::new(
            &file,
            Some("spokesperson.phone"),
            format!("`{}` is not a phone number journalists can call", person.phone),
        ));
    }
    if !person.email.trim().is_empty() && !person.email.contains('@') {
        errors.push(ContentError::new(
            &file,
            Some("spokesperson.email"),
            format!("`{}` is not an email address", person.email),
        ));
    }
    let updated = crate::check::parse_date(&file, "spokesperson.updated", &person.updated, &mut errors);
    for (i, channel) in info.channels.iter().enumerate() {
        require_text(&file, &format!("channels[{i}].label"), &channel.label, &mut errors);
        if !channel.href.starts_with("https://") {
            errors.push(ContentError::new(&file, Some(&format!("channels[{i}].href")), "must be an https:// address"));
        }
    }
    let rendered = crate::render::markdown(&info.body);
    crate::check::refuse_raw_html(&file, "body", &rendered, &mut errors);
    if !rendered.images.is_empty() {
        errors.push(ContentError::new(&file, Some("body"), "shows no pictures (write the text only)"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    releases.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.id.cmp(&b.0.id)));
    let updated = updated.expect("checked").0;
    let date = crate::check::rfc3339(releases.first().map_or(updated, |(_, at)| (*at).max(updated)));
    Ok(Some(PressInfo {
        spokesperson: Spokesperson {
            name: person.name.trim().to_string(),
            title: person.title.trim().to_string(),
            phone: person.phone.trim().to_string(),
            email: person.email.trim().to_string(),
            updated: crate::check::time_date(updated),
        },
        channels: info.channels.iter().map(|c| (c.href.clone(), c.label.trim().to_string())).collect(),
        about: rendered.html,
        releases,
        next_change,
        date,
    }))
}

/// The page at `/thong-tin-bao-chi`.
pub fn page(info: &PressInfo, office: &str) -> Page {
    let (spokesperson, channels, about) = (info.spokesperson.clone(), info.channels.clone(), info.about.clone());
    let releases: Vec<Release> = info.releases.iter().map(|(release, _)| release.clone()).collect();
    let html = html_of(|| view! { <PressOffice spokesperson channels about releases/> });
    Page {
        path: route::PRESS.into(),
        title: TITLE.into(),
        description: format!("Người phát ngôn, kênh thông tin chính thức và thông cáo báo chí của {office}."),
        lang: "vi".into(),
        section: None,
        html,
        json_ld: None,
        date: Some(info.date.clone()),
    }
}

/// What the search finds of the releases: each leads to its place on the page.
pub fn search_entries(info: Option<&PressInfo>) -> Vec<(model::search::DocInfo, String)> {
    info.into_iter()
        .flat_map(|info| &info.releases)
        .map(|(release, at)| {
            let doc = model::search::DocInfo {
                slug: format!("{}#{}", route::PRESS, release.id),
                title: release.title.clone(),
                category: TITLE.to_string(),
                published: crate::check::rfc3339(*at),
                excerpt: release.summary.clone(),
            };
            (doc, release.summary.clone())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn office(dir: &Path, spokesperson: serde_json::Value) {
        let info = serde_json::json!({ "spokesperson": spokesperson, "body": "Nhà báo liên hệ qua thư điện tử." });
        std::fs::write(dir.join(INFO_FILE), info.to_string()).unwrap();
    }

    fn person() -> serde_json::Value {
        serde_json::json!({
            "name": "Vàng A Dình", "title": "Phó Chánh Văn phòng", "phone": "0214 3 826 103",
            "email": "vadinh@sonvan.gov.example", "updated": "2026-10-05T09:00:00+07:00"
        })
    }

    #[test]
    fn a_spokesperson_without_a_phone_is_refused_with_file_and_field() {
        let dir = tempfile::tempdir().unwrap();
        let mut without = person();
        without["phone"] = serde_json::json!(" ");
        office(dir.path(), without);
        let errors = read(dir.path(), None, crate::Edition::now()).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].file.ends_with("press.json"));
        assert_eq!(errors[0].field.as_deref(), Some("spokesperson.phone"));
        let mut missing = person();
        missing.as_object_mut().unwrap().remove("phone");
        office(dir.path(), missing);
        let errors = read(dir.path(), None, crate::Edition::now()).unwrap_err();
        assert!(errors[0].reason.contains("phone"), "{}", errors[0]);
    }

    #[test]
    fn releases_come_newest_first_and_one_set_for_later_waits() {
        let dir = tempfile::tempdir().unwrap();
        office(dir.path(), person());
        let releases = dir.path().join(RELEASES_DIR);
        std::fs::create_dir(&releases).unwrap();
        for (slug, published) in [
            ("cu", "2026-10-01T08:00:00+07:00"),
            ("moi", "2026-11-20T08:00:00+07:00"),
            ("sau", "2027-01-05T08:00:00+07:00"),
        ] {
            let release = serde_json::json!({
                "title": format!("Thông cáo {slug}"), "published": published, "summary": "Tóm tắt.",
                "file": format!("/thong-cao/{slug}.pdf")
            });
            std::fs::write(releases.join(format!("{slug}.json")), release.to_string()).unwrap();
        }
        let now = "2026-12-01T08:00:00+07:00".parse().unwrap();
        let info = read(dir.path(), None, crate::Edition { now, preview: false }).unwrap().unwrap();
        let ids: Vec<&str> = info.releases.iter().map(|(r, _)| r.id.as_str()).collect();
        assert_eq!(ids, ["thong-cao-moi", "thong-cao-cu"]);
        assert_eq!(info.next_change, Some("2027-01-05T08:00:00+07:00".parse().unwrap()));
        let page = page(&info, "Văn phòng");
        assert!(page.html.contains("href=\"tel:02143826103\""), "{}", page.html);
        assert!(page.html.contains("Cập nhật lúc 09:00 05/10/2026"), "{}", page.html);
        // A release's file outside its folder names the field.
        std::fs::write(
            releases.join("lac.json"),
            serde_json::json!({"title": "Lạc", "published": "2026-11-01T08:00:00+07:00", "summary": "T.", "file": "/media/lac.pdf"})
                .to_string(),
        )
        .unwrap();
        let errors = read(dir.path(), None, crate::Edition { now, preview: false }).unwrap_err();
        assert_eq!(errors[0].field.as_deref(), Some("file"), "{errors:?}");
    }
}
