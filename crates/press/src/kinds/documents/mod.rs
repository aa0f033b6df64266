//! "Văn bản": the office's documents — decisions, directives, official
//! letters… — one JSON file each in `content/documents/`, the kinds, issuers
//! and fields they are sorted by in `content/documents.json`, their files
//! (PDF, DOCX) in `content/files/van-ban/`.
//!
//! Read and checked here (`read` → `check` → [`Documents`]); published as
//! office pages (`model::Page`) by [`pages`]: one per document, the listings
//! by filters, the lookups by number ("1234/QĐ-UBND" typed as "1234 qd
//! ubnd", or "1234"). The app only maps an address to its file
//! (`model::paths::page_address`), so a listing page downloads one page of
//! rows however large the archive.

mod pages;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use model::Day;
use serde::Deserialize;

pub use pages::{file_size, pages, search_entries};

use crate::error::ContentError;

/// Rows on one page of the listing.
pub const DOCUMENTS_PER_PAGE: usize = 20;
/// What `status` may be, and how the listing names it.
pub const STATUSES: &[(&str, &str)] =
    &[("con-hieu-luc", "Còn hiệu lực"), ("het-hieu-luc", "Hết hiệu lực"), ("bi-thay-the", "Bị thay thế")];
const REPLACED: &str = "bi-thay-the";
/// Files a document may come with (extension, what readers are told).
pub const FILE_TYPES: &[(&str, &str)] = &[("pdf", "PDF"), ("docx", "Word (DOCX)"), ("doc", "Word (DOC)")];
/// Where the files live, inside `content/files/` and on the site.
pub const FILES_DIR: &str = "/van-ban/";
const SECTION: &str = "Văn bản";

/// Inside `content/`: the lists documents are sorted by.
pub const LISTS_FILE: &str = "documents.json";

/// `content/documents.json`: what documents are sorted by.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceLists {
    /// Loại văn bản: Quyết định, Chỉ thị, Công văn…
    pub kinds: Vec<Term>,
    /// Cơ quan ban hành.
    pub issuers: Vec<Term>,
    /// Lĩnh vực.
    pub fields: Vec<Term>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub slug: String,
    pub name: String,
}

/// A document as the office writes it (`content/documents/{slug}.json`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDocument {
    /// Số/ký hiệu: "1234/QĐ-UBND", "15/2025/NQ-HĐND".
    pub number: String,
    /// A slug of `kinds`.
    pub kind: String,
    /// A slug of `issuers`.
    pub issuer: String,
    /// Người ký: "Phó Chủ tịch Lò Văn Thắm".
    pub signer: String,
    /// Ngày ban hành, "YYYY-MM-DD".
    pub issued: String,
    /// Ngày hiệu lực.
    pub effective: String,
    /// Ngày hết hiệu lực, when it has one.
    #[serde(default)]
    pub expires: Option<String>,
    /// Trích yếu.
    pub summary: String,
    /// Slugs of `fields`, one or more.
    pub fields: Vec<String>,
    /// A slug of [`STATUSES`].
    pub status: String,
    /// The document that replaced this one (its slug), when `status` is "bi-thay-the".
    #[serde(default)]
    pub replaced_by: Option<String>,
    /// Addresses under `/van-ban/` of its files.
    pub files: Vec<String>,
    /// Checked like any other, published nowhere (staff see it in previews).
    #[serde(default)]
    pub draft: bool,
}

#[derive(Debug, Clone)]
pub struct Attachment {
    pub path: String,
    pub bytes: Option<u64>,
    pub kind: &'static str,
}

/// A document that passed every check.
#[derive(Debug, Clone)]
pub struct Document {
    pub file: PathBuf,
    pub slug: String,
    pub number: String,
    pub kind: usize,
    pub issuer: usize,
    pub signer: String,
    pub issued: Day,
    pub effective: Day,
    pub expires: Option<Day>,
    pub summary: String,
    pub fields: Vec<usize>,
    pub status: usize,
    pub replaced_by: Option<String>,
    pub files: Vec<Attachment>,
    pub draft: bool,
}

#[derive(Debug, Clone)]
pub struct Documents {
    pub lists: SourceLists,
    /// Newest first (date issued, then number).
    pub documents: Vec<Document>,
}

impl Documents {
    fn kind(&self, document: &Document) -> &str {
        &self.lists.kinds[document.kind].name
    }

    /// "Quyết định 1234/QĐ-UBND".
    pub fn title(&self, document: &Document) -> String {
        format!("{} {}", self.kind(document), document.number)
    }
}

/// Why a number is not one ("1234/QĐ-UBND": digits, then parts of capitals,
/// digits and hyphens after slashes), or `None`.
pub fn number_reason(number: &str) -> Option<String> {
    let mut parts = number.split('/');
    let first = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    // Symbols are capitals ("QĐ-UBND"), a few with small letters after the
    // first ("TTr", tờ trình).
    let piece_ok = |piece: &str| {
        piece.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && piece.chars().all(|c| c.is_alphabetic() || c.is_ascii_digit())
    };
    let part_ok = |part: &str| part.split('-').all(piece_ok);
    if first.is_empty() || first.len() > 6 || !first.bytes().all(|b| b.is_ascii_digit()) || first.starts_with('0') {
        Some(format!("`{number}` must start with the document's number (\"1234/QĐ-UBND\")"))
    } else if rest.is_empty() || !rest.iter().all(|part| part_ok(part)) {
        Some(format!(
            "`{number}` must be a number then its symbol after a slash, each part starting with a capital (\"1234/QĐ-UBND\")"
        ))
    } else {
        None
    }
}

/// `content/documents.json`, its problems added to `errors`; `None` when the
/// site has none or it does not parse (the documents are still checked
/// against lists with a bad entry, so one run reports both).
pub fn read_lists(content: &Path, errors: &mut Vec<ContentError>) -> Option<SourceLists> {
    let file = content.join(LISTS_FILE);
    if !file.exists() {
        return None;
    }
    let (_, lists) = crate::read::read_file::<SourceLists>(&file, errors)?;
    check_lists(&file, &lists, errors);
    Some(lists)
}

/// Reads and checks every document; all problems at once, each with file and
/// field. With `office_files`, every file is looked for there and measured. Drafts
/// are checked, then left out unless `edition` is a preview; a published
/// document replaced by one still a draft says so without the link.
pub fn read(
    content: &Path,
    office_files: Option<&Path>,
    edition: crate::Edition,
) -> Result<Documents, Vec<ContentError>> {
    let mut errors = Vec::new();
    let sources = crate::read::read_folder::<SourceDocument>(&content.join("documents"), &mut errors)?;
    let lists = match read_lists(content, &mut errors) {
        Some(lists) => lists,
        // A site without documents needs no lists.
        None if sources.is_empty() && errors.is_empty() => {
            return Ok(Documents { lists: SourceLists::default(), documents: vec![] });
        }
        None => {
            let file = content.join(LISTS_FILE);
            if !file.exists() {
                errors.push(ContentError::new(
                    &file,
                    None,
                    "is missing: documents take their kinds, issuers and fields from it",
                ));
            }
            return Err(errors);
        }
    };
    let mut documents = Vec::new();
    for (file, source) in sources {
        let slug = file.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        if let Some(document) = check(&file, slug, source, &lists, office_files, &mut errors) {
            documents.push(document);
        }
    }
    check_links(&documents, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    documents.retain(|document| edition.shows(document.draft, None));
    let published: std::collections::HashSet<String> = documents.iter().map(|d| d.slug.clone()).collect();
    for document in &mut documents {
        document.replaced_by = document.replaced_by.take().filter(|target| published.contains(target));
    }
    documents.sort_by(|a, b| b.issued.cmp(&a.issued).then_with(|| a.number.cmp(&b.number)));
    Ok(Documents { lists, documents })
}

fn check_lists(file: &Path, lists: &SourceLists, errors: &mut Vec<ContentError>) {
    for (field, terms) in [("kinds", &lists.kinds), ("issuers", &lists.issuers), ("fields", &lists.fields)] {
        let mut seen = std::collections::HashSet::new();
        for (i, term) in terms.iter().enumerate() {
            let at = format!("{field}[{i}]");
            if !model::is_valid_slug(&term.slug) {
                errors.push(ContentError::new(
                    file,
                    Some(&format!("{at}.slug")),
                    crate::check::slug_reason(&term.slug),
                ));
            } else if !seen.insert(term.slug.as_str()) {
                errors.push(ContentError::new(
                    file,
                    Some(&format!("{at}.slug")),
                    format!("`{}` is listed twice", term.slug),
                ));
            }
            crate::check::require_text(file, &format!("{at}.name"), &term.name, errors);
        }
    }
}

fn check(
    file: &Path,
    slug: String,
    source: SourceDocument,
    lists: &SourceLists,
    office_files: Option<&Path>,
    errors: &mut Vec<ContentError>,
) -> Option<Document> {
    let before = errors.len();
    let mut error = |field: &str, reason: String| errors.push(ContentError::new(file, Some(field), reason));
    if !model::is_valid_slug(&slug) {
        error("(file name)", crate::check::slug_reason(&slug));
    }
    let number = source.number.trim().to_string();
    if let Some(reason) = number_reason(&number) {
        error("number", reason);
    }
    let find = |terms: &[Term], slug: &str| terms.iter().position(|term| term.slug == slug);
    let known = |terms: &[Term]| terms.iter().map(|t| t.slug.as_str()).collect::<Vec<_>>().join(", ");
    let kind = find(&lists.kinds, &source.kind);
    if kind.is_none() {
        error("kind", format!("unknown kind `{}` (content/documents.json lists {})", source.kind, known(&lists.kinds)));
    }
    let issuer = find(&lists.issuers, &source.issuer);
    if issuer.is_none() {
        error(
            "issuer",
            format!("unknown issuer `{}` (content/documents.json lists {})", source.issuer, known(&lists.issuers)),
        );
    }
    let mut fields = Vec::new();
    if source.fields.is_empty() {
        error("fields", "must name at least one field".into());
    }
    for (i, field) in source.fields.iter().enumerate() {
        match find(&lists.fields, field) {
            Some(index) if !fields.contains(&index) => fields.push(index),
            Some(_) => error(&format!("fields[{i}]"), format!("`{field}` is listed twice")),
            None => error(
                &format!("fields[{i}]"),
                format!("unknown field `{field}` (content/documents.json lists {})", known(&lists.fields)),
            ),
        }
    }
    for (field, value) in [("signer", &source.signer), ("summary", &source.summary)] {
        if value.trim().is_empty() {
            error(field, "must not be empty".into());
        }
    }
    let mut date = |field: &str, text: &str| {
        let day = Day::parse(text);
        if day.is_none() {
            error(field, format!("`{text}` is not a date written YYYY-MM-DD"));
        }
        day
    };
    let issued = date("issued", &source.issued);
    let effective = date("effective", &source.effective);
    let expires = source.expires.as_deref().map(|text| date("expires", text));
    if let (Some(issued), Some(effective)) = (issued, effective)
        && effective < issued
    {
        error("effective", format!("{} is earlier than `issued` ({})", effective.date(), issued.date()));
    }
    if let (Some(effective), Some(Some(expires))) = (effective, expires)
        && expires <= effective
    {
        error("expires", format!("{} is not after `effective` ({})", expires.date(), effective.date()));
    }
    let status = STATUSES.iter().position(|(known, _)| *known == source.status);
    match status {
        None => {
            let known: Vec<_> = STATUSES.iter().map(|(slug, _)| *slug).collect();
            error("status", format!("`{}` is not one of {}", source.status, known.join(", ")));
        }
        Some(status) if STATUSES[status].0 == REPLACED && source.replaced_by.is_none() => {
            error("replaced_by", "must name the replacing document when `status` is \"bi-thay-the\"".into());
        }
        Some(status) if STATUSES[status].0 != REPLACED && source.replaced_by.is_some() => {
            error("replaced_by", "only a replaced document (`status` \"bi-thay-the\") names its replacement".into());
        }
        Some(_) => {}
    }
    if source.files.is_empty() {
        error("files", "must list the document's file (PDF or DOCX in content/files/van-ban/)".into());
    }
    let mut files = Vec::new();
    for (i, path) in source.files.iter().enumerate() {
        let field = format!("files[{i}]");
        let extension = path.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).unwrap_or_default();
        let Some((_, kind)) = FILE_TYPES.iter().find(|(known, _)| *known == extension) else {
            let known: Vec<_> = FILE_TYPES.iter().map(|(ext, _)| *ext).collect();
            error(&field, format!("`{path}`: a document's file is one of {}", known.join(", ")));
            continue;
        };
        if !path.starts_with(FILES_DIR) || path.contains("..") {
            error(&field, format!("`{path}` must be under {FILES_DIR} (content/files{FILES_DIR} in the repository)"));
            continue;
        }
        let bytes = match measured(office_files, path) {
            Ok(bytes) => bytes,
            Err(reason) => {
                error(&field, reason);
                continue;
            }
        };
        files.push(Attachment { path: path.clone(), bytes, kind });
    }
    if errors.len() > before {
        return None;
    }
    Some(Document {
        file: file.to_path_buf(),
        slug,
        number,
        kind: kind?,
        issuer: issuer?,
        signer: source.signer.trim().to_string(),
        issued: issued?,
        effective: effective?,
        expires: expires.flatten(),
        summary: source.summary.trim().to_string(),
        fields,
        status: status?,
        replaced_by: source.replaced_by,
        draft: source.draft,
        files,
    })
}

/// What only the whole set can tell: numbers used twice in a year (numbering
/// starts again each year), replacements that point nowhere.
fn check_links(documents: &[Document], errors: &mut Vec<ContentError>) {
    let mut numbers: HashMap<(&str, i32), &Path> = HashMap::new();
    for document in documents {
        let year = document.issued.ymd().0;
        if let Some(first) = numbers.insert((document.number.as_str(), year), &document.file) {
            errors.push(ContentError::new(
                &document.file,
                Some("number"),
                format!("`{}` is already the number of {} in {year}", document.number, first.display()),
            ));
        }
    }
    for document in documents {
        let Some(target) = &document.replaced_by else { continue };
        if target == &document.slug {
            errors.push(ContentError::new(&document.file, Some("replaced_by"), "a document cannot replace itself"));
        } else if !documents.iter().any(|other| &other.slug == target) {
            errors.push(ContentError::new(
                &document.file,
                Some("replaced_by"),
                format!("no document `{target}` (content/documents/{target}.json)"),
            ));
        }
    }
}

/// The size of the file published at `path`, looked for in `office_files` (none
/// without it); why not, when it is missing or empty.
fn measured(office_files: Option<&Path>, path: &str) -> Result<Option<u64>, String> {
    let Some(office_files) = office_files else { return Ok(None) };
    let on_disk = office_files.join(path.trim_start_matches('/'));
    match std::fs::metadata(&on_disk) {
        Ok(meta) if meta.len() > 0 => Ok(Some(meta.len())),
        Ok(_) => Err(format!("{} is empty", on_disk.display())),
        Err(_) => Err(format!("{} is missing", on_disk.display())),
    }
}

/// A file directly under `dir` ("/du-thao/") of a kind documents may be, measured in `office_files`.
pub fn attachment(
    file: &Path,
    field: &str,
    path: &str,
    dir: &str,
    office_files: Option<&Path>,
    errors: &mut Vec<ContentError>,
) -> Option<views::documents::Attachment> {
    let extension = path.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).unwrap_or_default();
    let Some((_, kind)) = FILE_TYPES.iter().find(|(known, _)| *known == extension) else {
        let known: Vec<_> = FILE_TYPES.iter().map(|(ext, _)| *ext).collect();
        errors.push(ContentError::new(
            file,
            Some(field),
            format!("`{path}`: an attached file is one of {}", known.join(", ")),
        ));
        return None;
    };
    if !path.starts_with(dir) || path.contains("..") || path[dir.len()..].contains('/') {
        errors.push(ContentError::new(
            file,
            Some(field),
            format!("`{path}` must be a file directly in {dir} (content/files{dir} in the repository)"),
        ));
        return None;
    }
    let bytes = match measured(office_files, path) {
        Ok(bytes) => bytes,
        Err(reason) => {
            errors.push(ContentError::new(file, Some(field), reason));
            return None;
        }
    };
    Some(views::documents::Attachment {
        href: path.to_string(),
        name: path.rsplit('/').next().unwrap_or_default().to_string(),
        kind,
        size: bytes.map(file_size),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_their_shape() {
        for good in ["1234/QĐ-UBND", "15/2025/NQ-HĐND", "7/CT-UBND", "320/UBND-KT", "45/TTr-UBND"] {
            assert_eq!(number_reason(good), None, "{good}");
        }
        for bad in [
            "QĐ-UBND",
            "1234",
            "1234/",
            "1234/qđ-ubnd",
            "0123/QĐ",
            "12a/QĐ",
            "1234/-QĐ",
            "1234/QĐ--UBND",
            "1234/QĐ UBND",
        ] {
            assert!(number_reason(bad).is_some(), "{bad}");
        }
    }
}
