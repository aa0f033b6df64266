//! "Dự thảo lấy ý kiến": drafts the office asks the public to comment on,
//! one JSON file each in `content/consultations/`, their files (PDF, DOCX)
//! in `content/files/du-thao/`. A draft is open from `opens` to `closes`; its page
//! carries the comment form meanwhile (posted to the function), and after
//! closing the result ("báo cáo tổng hợp, tiếp thu, giải trình") when staff
//! add it.
//!
//! Published as office pages (`/du-thao`, `/du-thao/{slug}`, and for an
//! open draft `/du-thao/{slug}?da-gui=1`, the page a sent comment leads
//! to), and for the function `data/consultations.json`: each open draft's
//! path and closing time.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use leptos::prelude::*;
use model::Page;
use model::paths::route;
use model::submissions::OpenConsultation;
use serde::Deserialize;
use views::consultations::{
    CommentForm, ConsultationPage, ConsultationResult, ConsultationRow, ConsultationsListing, Standing,
};
use views::documents::Attachment as FileLink;

use super::documents::attachment;
use super::questions::{Feedback, function_url, privacy};
use crate::error::ContentError;
use crate::html::html_of;

const SECTION: &str = "Dự thảo lấy ý kiến";
/// Where the drafts' files live, inside `content/files/` and on the site.
pub const FILES_DIR: &str = "/du-thao/";

/// A draft as the office writes it (`content/consultations/{slug}.json`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceConsultation {
    pub title: String,
    /// "Dự thảo lần 2", or the symbol it will carry.
    #[serde(default)]
    pub number: Option<String>,
    pub summary: String,
    /// Cơ quan soạn thảo.
    pub agency: String,
    /// RFC 3339, "+07:00": comments are taken from then…
    pub opens: String,
    /// …until then.
    pub closes: String,
    /// Addresses under `/du-thao/` of the draft and its papers.
    pub files: Vec<String>,
    /// Who takes comments by other means (office, phone, email, address).
    pub contact: String,
    /// After closing: what came of it.
    #[serde(default)]
    pub result: Option<SourceResult>,
    #[serde(default)]
    pub draft: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceResult {
    pub summary: String,
    /// The "báo cáo tổng hợp, tiếp thu, giải trình" under `/du-thao/`.
    #[serde(default)]
    pub report: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Consultation {
    pub file: PathBuf,
    pub slug: String,
    pub title: String,
    pub number: Option<String>,
    pub summary: String,
    pub agency: String,
    pub opens: Timestamp,
    pub closes: Timestamp,
    pub files: Vec<FileLink>,
    pub contact: String,
    pub result: Option<ConsultationResult>,
}

#[derive(Debug, Clone)]
pub struct Consultations {
    /// Published ones, newest opening first.
    pub consultations: Vec<Consultation>,
    /// The build's clock: what is open, what is left.
    pub now: Timestamp,
}

/// Reads and checks every draft; all problems at once, each with file and
/// field. With `office_files`, every file is looked for there and measured.
pub fn read(
    content: &Path,
    office_files: Option<&Path>,
    edition: crate::Edition,
) -> Result<Consultations, Vec<ContentError>> {
    let mut errors = Vec::new();
    let sources = crate::read::read_folder::<SourceConsultation>(&content.join("consultations"), &mut errors)?;
    let mut consultations = Vec::new();
    for (file, source) in sources {
        let slug = file.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let shown = edition.shows(source.draft, None);
        if let Some(consultation) = check(&file, slug, source, office_files, &mut errors)
            && shown
        {
            consultations.push(consultation);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    consultations.sort_by(|a, b| b.opens.cmp(&a.opens).then_with(|| a.slug.cmp(&b.slug)));
    Ok(Consultations { consultations, now: edition.now })
}

fn check(
    file: &Path,
    slug: String,
    source: SourceConsultation,
    office_files: Option<&Path>,
    errors: &mut Vec<ContentError>,
) -> Option<Consultation> {
    let before = errors.len();
    if !model::is_valid_slug(&slug) {
        errors.push(ContentError::new(file, Some("(file name)"), crate::check::slug_reason(&slug)));
    }
    for (field, value) in [
        ("title", &source.title),
        ("summary", &source.summary),
        ("agency", &source.agency),
        ("contact", &source.contact),
    ] {
        crate::check::require_text(file, field, value, errors);
    }
    let opens = crate::check::parse_date(file, "opens", &source.opens, errors).map(|(at, _)| at);
    let closes = crate::check::parse_date(file, "closes", &source.closes, errors).map(|(at, _)| at);
    if let (Some(opens), Some(closes)) = (opens, closes)
        && closes <= opens
    {
        errors.push(ContentError::new(
            file,
            Some("closes"),
            format!("{} is not after `opens` ({})", source.closes, source.opens),
        ));
    }
    if source.files.is_empty() {
        errors.push(ContentError::new(
            file,
            Some("files"),
            format!("must list the draft's file (PDF or DOCX in content/files{FILES_DIR})"),
        ));
    }
    let files: Vec<FileLink> = source
        .files
        .iter()
        .enumerate()
        .filter_map(|(i, path)| attachment(file, &format!("files[{i}]"), path, FILES_DIR, office_files, errors))
        .collect();
    let result = source.result.map(|result| {
        crate::check::require_text(file, "result.summary", &result.summary, errors);
        let report = result
            .report
            .as_deref()
            .and_then(|path| attachment(file, "result.report", path, FILES_DIR, office_files, errors));
        ConsultationResult { summary: result.summary.trim().to_string(), report }
    });
    if errors.len() > before {
        return None;
    }
    Some(Consultation {
        file: file.to_path_buf(),
        slug,
        title: source.title.trim().to_string(),
        number: source.number.map(|n| n.trim().to_string()).filter(|n| !n.is_empty()),
        summary: source.summary.trim().to_string(),
        agency: source.agency.trim().to_string(),
        opens: opens?,
        closes: closes?,
        files,
        contact: source.contact.trim().to_string(),
        result,
    })
}

/// "17:00 ngày 20/12/2026".
fn when(at: Timestamp) -> String {
    at.to_zoned_datetime(crate::check::vietnam()).strftime("%H:%M ngày %d/%m/%Y").to_string()
}

/// Days since 1970-01-01 in Vietnam's time.
fn day_number(at: Timestamp) -> i64 {
    (at.as_second() + 7 * 3600).div_euclid(86_400)
}

impl Consultation {
    pub fn path(&self) -> String {
        format!("{}/{}", route::CONSULTATIONS, self.slug)
    }

    pub fn is_open(&self, now: Timestamp) -> bool {
        self.opens <= now && now < self.closes
    }

    fn standing(&self, now: Timestamp) -> Standing {
        if now < self.opens {
            Standing::Upcoming { opens: when(self.opens) }
        } else if now < self.closes {
            let days = (day_number(self.closes) - day_number(now)).max(0);
            let left = if days == 0 {
                format!("Hạn cuối {} hôm nay", self.closes.to_zoned_datetime(crate::check::vietnam()).strftime("%H:%M"))
            } else {
                format!("Còn {days} ngày")
            };
            Standing::Open { left }
        } else {
            Standing::Closed { result: self.result.is_some() }
        }
    }

    fn window(&self) -> String {
        format!("Từ {} đến {}", when(self.opens), when(self.closes))
    }
}

fn page(path: String, title: String, description: String, section: bool, html: String) -> Page {
    Page {
        path,
        title,
        description,
        lang: "vi".into(),
        section: section.then(|| (route::CONSULTATIONS.to_string(), SECTION.to_string())),
        html,
        json_ld: None,
        date: None,
    }
}

/// The listing and every draft's page (none for a site without drafts).
pub fn pages(consultations: &Consultations, site: &model::Site, feedback: Option<&Feedback>) -> Vec<Page> {
    let now = consultations.now;
    if consultations.consultations.is_empty() {
        return Vec::new();
    }
    let row = |c: &Consultation| ConsultationRow {
        href: c.path(),
        title: c.title.clone(),
        number: c.number.clone(),
        agency: c.agency.clone(),
        window: c.window(),
        standing: c.standing(now),
    };
    let all = &consultations.consultations;
    // Open ones closing soonest first; those coming, soonest first; closed, latest first.
    let mut open: Vec<&Consultation> = all.iter().filter(|c| c.is_open(now)).collect();
    open.sort_by_key(|c| c.closes);
    let mut upcoming: Vec<&Consultation> = all.iter().filter(|c| now < c.opens).collect();
    upcoming.sort_by_key(|c| c.opens);
    let mut closed: Vec<&Consultation> = all.iter().filter(|c| c.closes <= now).collect();
    closed.sort_by(|a, b| b.closes.cmp(&a.closes));
    let (open_rows, upcoming_rows, closed_rows) = (
        open.iter().map(|c| row(c)).collect(),
        upcoming.iter().map(|c| row(c)).collect(),
        closed.iter().map(|c| row(c)).collect(),
    );
    let html = html_of(|| view! { <ConsultationsListing open=open_rows upcoming=upcoming_rows closed=closed_rows/> });
    let mut pages = vec![page(
        route::CONSULTATIONS.to_string(),
        SECTION.to_string(),
        "Dự thảo văn bản đang lấy ý kiến người dân, doanh nghiệp; kết quả tổng hợp, tiếp thu, giải trình.".into(),
        false,
        html,
    )];
    let default_feedback;
    let feedback = match feedback {
        Some(feedback) => feedback,
        None => {
            default_feedback = Feedback { topics: Vec::new(), answer_within: String::new(), keep_for: "2 năm".into() };
            &default_feedback
        }
    };
    for consultation in all {
        let mut facts = Vec::new();
        if let Some(number) = &consultation.number {
            facts.push(("Số, ký hiệu", number.clone()));
        }
        facts.push(("Cơ quan soạn thảo", consultation.agency.clone()));
        facts.push(("Thời gian lấy ý kiến", consultation.window()));
        let open = consultation.is_open(now);
        for sent in [false, true] {
            if sent && !open {
                continue;
            }
            let form = open.then(|| CommentForm {
                action: function_url(site, "comments"),
                path: consultation.path(),
                privacy: privacy(site, feedback),
            });
            let c = consultation.clone();
            let (standing, facts) = (consultation.standing(now), facts.clone());
            let html = html_of(|| {
                view! {
                    <ConsultationPage
                        standing
                        facts
                        summary=c.summary
                        files=c.files
                        contact=c.contact
                        result=c.result.filter(|_| !open)
                        form
                        sent
                    />
                }
            });
            let path = if sent { format!("{}?da-gui=1", consultation.path()) } else { consultation.path() };
            let title =
                if sent { format!("Đã gửi góp ý: {}", consultation.title) } else { consultation.title.clone() };
            pages.push(page(path, title, consultation.summary.clone(), true, html));
        }
    }
    pages
}

/// `data/consultations.json`: the drafts open when the site is built.
pub fn open(consultations: &Consultations) -> Vec<OpenConsultation> {
    consultations
        .consultations
        .iter()
        .filter(|c| c.is_open(consultations.now))
        .map(|c| OpenConsultation { path: c.path(), closes: crate::check::rfc3339(c.closes) })
        .collect()
}

/// When the site must be built again for the drafts: the next opening or
/// closing, and while one is open the next midnight (its days left change).
pub fn next_change(consultations: &Consultations) -> Option<Timestamp> {
    let now = consultations.now;
    let mut times: Vec<Timestamp> =
        consultations.consultations.iter().flat_map(|c| [c.opens, c.closes]).filter(|at| *at > now).collect();
    if consultations.consultations.iter().any(|c| c.is_open(now)) {
        let midnight = Timestamp::from_second((day_number(now) + 1) * 86_400 - 7 * 3600).ok();
        times.extend(midnight);
    }
    times.into_iter().min()
}

/// What the site's search indexes of a draft.
pub fn search_entries(consultations: &Consultations) -> Vec<(model::search::DocInfo, String)> {
    consultations
        .consultations
        .iter()
        .map(|c| {
            let excerpt = format!("{} · {}", c.agency, c.window());
            let info = model::search::DocInfo {
                slug: c.path(),
                title: c.title.clone(),
                category: SECTION.to_string(),
                published: crate::check::rfc3339(c.opens),
                excerpt: excerpt.clone(),
            };
            (info, format!("{excerpt} {}", c.summary))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source() -> SourceConsultation {
        SourceConsultation {
            title: "Dự thảo Quy chế".into(),
            number: None,
            summary: "Quy định về văn hóa công sở.".into(),
            agency: "Sở Nội vụ".into(),
            opens: "2026-11-20T08:00:00+07:00".into(),
            closes: "2026-12-20T17:00:00+07:00".into(),
            files: vec!["/du-thao/quy-che.pdf".into()],
            contact: "Phòng Cải cách hành chính".into(),
            result: None,
            draft: false,
        }
    }

    #[test]
    fn each_bad_field_is_named() {
        let file = Path::new("content/consultations/quy-che.json");
        let mut errors = Vec::new();
        assert!(check(file, "quy-che".into(), source(), None, &mut errors).is_some());
        for (change, field, words) in [
            (
                (|s: &mut SourceConsultation| s.closes = "2026-11-01T17:00:00+07:00".into())
                    as fn(&mut SourceConsultation),
                "closes",
                "not after `opens`",
            ),
            (|s| s.opens = "20/11/2026".into(), "opens", "not a date-time"),
            (|s| s.files = vec!["/van-ban/x.pdf".into()], "files[0]", "directly in /du-thao/"),
            (|s| s.files = vec!["/du-thao/x.exe".into()], "files[0]", "one of pdf"),
            (|s| s.files.clear(), "files", "must list"),
            (
                |s| s.result = Some(SourceResult { summary: " ".into(), report: None }),
                "result.summary",
                "must not be empty",
            ),
        ] {
            let mut bad = source();
            change(&mut bad);
            errors.clear();
            assert!(check(file, "quy-che".into(), bad, None, &mut errors).is_none());
            assert_eq!(errors[0].field.as_deref(), Some(field), "{errors:?}");
            assert!(errors[0].reason.contains(words), "{}", errors[0]);
        }
    }

    #[test]
    fn days_left_open_first_and_the_next_change() {
        let mut errors = Vec::new();
        let c = check(Path::new("x.json"), "quy-che".into(), source(), None, &mut errors).unwrap();
        let at = |text: &str| text.parse::<Timestamp>().unwrap();
        assert_eq!(c.standing(at("2026-12-08T09:00:00+07:00")), Standing::Open { left: "Còn 12 ngày".into() });
        assert_eq!(
            c.standing(at("2026-12-20T09:00:00+07:00")),
            Standing::Open { left: "Hạn cuối 17:00 hôm nay".into() }
        );
        assert!(matches!(c.standing(at("2026-11-19T09:00:00+07:00")), Standing::Upcoming { .. }));
        assert_eq!(c.standing(at("2026-12-20T17:00:00+07:00")), Standing::Closed { result: false });
        let open = Consultations { consultations: vec![c.clone()], now: at("2026-12-08T09:00:00+07:00") };
        assert_eq!(next_change(&open), Some(at("2026-12-09T00:00:00+07:00")), "days left change at midnight");
        assert_eq!(super::open(&open)[0].closes, "2026-12-20T17:00:00+07:00");
        let before = Consultations { consultations: vec![c], now: at("2026-11-01T09:00:00+07:00") };
        assert_eq!(next_change(&before), Some(at("2026-11-20T08:00:00+07:00")));
        assert!(super::open(&before).is_empty());
    }
}
