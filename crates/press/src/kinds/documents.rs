//! "Văn bản": the office's documents — decisions, directives, official
//! letters… — one JSON file each in `content/documents/`, the kinds, issuers
//! and fields they are sorted by in `content/documents.json`, their files
//! (PDF, DOCX) in `public/van-ban/`.
//!
//! Published as office pages (`model::Page`) drawn here: one per document;
//! the listing for every combination of filters (kind, issuer, field, year)
//! that has documents, paged, each filter option with its count; and the
//! lookup by number ("1234/QĐ-UBND" typed as "1234 qd ubnd", or "1234"). The app only
//! maps an address to its file (`model::paths::page_address`), so a listing
//! page downloads one page of rows however large the archive.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use leptos::prelude::*;
use model::paths::{self, page_address, query_value, route};
use model::{Day, Page};
use serde::Deserialize;
use views::documents::{
    Attachment as FileLink, DocumentFacts, DocumentRow, DocumentsListing, FacetGroup, FacetOption, Fact, NumberFound,
    NumberNotFound, Status,
};

use crate::error::ContentError;
use crate::html::html_of;

/// Rows on one page of the listing.
pub const DOCUMENTS_PER_PAGE: usize = 20;
/// What `status` may be, and how the listing names it.
pub const STATUSES: &[(&str, &str)] =
    &[("con-hieu-luc", "Còn hiệu lực"), ("het-hieu-luc", "Hết hiệu lực"), ("bi-thay-the", "Bị thay thế")];
const REPLACED: &str = "bi-thay-the";
/// Files a document may come with (extension, what readers are told).
pub const FILE_TYPES: &[(&str, &str)] = &[("pdf", "PDF"), ("docx", "Word (DOCX)"), ("doc", "Word (DOC)")];
/// Where the files live, inside `public/` and on the site.
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
/// field. With `public`, every file is looked for there and measured.
pub fn read(content: &Path, public: Option<&Path>) -> Result<Documents, Vec<ContentError>> {
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
        if let Some(document) = check(&file, slug, source, &lists, public, &mut errors) {
            documents.push(document);
        }
    }
    check_links(&documents, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
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
            if term.name.trim().is_empty() {
                errors.push(ContentError::new(file, Some(&format!("{at}.name")), "must not be empty"));
            }
        }
    }
}

fn check(
    file: &Path,
    slug: String,
    source: SourceDocument,
    lists: &SourceLists,
    public: Option<&Path>,
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
        error("files", "must list the document's file (PDF or DOCX in public/van-ban/)".into());
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
            error(&field, format!("`{path}` must be under {FILES_DIR} (public{FILES_DIR} in the repository)"));
            continue;
        }
        let bytes = match public {
            Some(public) => {
                let on_disk = public.join(path.trim_start_matches('/'));
                match std::fs::metadata(&on_disk) {
                    Ok(meta) if meta.len() > 0 => Some(meta.len()),
                    Ok(_) => {
                        error(&field, format!("{} is empty", on_disk.display()));
                        continue;
                    }
                    Err(_) => {
                        error(&field, format!("{} is missing", on_disk.display()));
                        continue;
                    }
                }
            }
            None => None,
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

/// The four filters, as the listing shows them, in the order of [`Filter`]'s values.
#[derive(Clone, Copy, PartialEq)]
enum Facet {
    Kind,
    Issuer,
    Field,
    Year,
}

const FACETS: [(Facet, &str); 4] = [
    (Facet::Kind, "Loại văn bản"),
    (Facet::Issuer, "Cơ quan ban hành"),
    (Facet::Field, "Lĩnh vực"),
    (Facet::Year, "Năm ban hành"),
];

impl Facet {
    /// The document's values for this filter: an option's place in its
    /// list, or the year; a document may have several fields.
    fn values(self, document: &Document) -> Vec<i64> {
        match self {
            Facet::Kind => vec![document.kind as i64],
            Facet::Issuer => vec![document.issuer as i64],
            Facet::Field => document.fields.iter().map(|&f| f as i64).collect(),
            Facet::Year => vec![i64::from(document.issued.ymd().0)],
        }
    }
}

/// One combination of filters, a value per [`Facet`]; `None` is "Tất cả".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Filter([Option<i64>; 4]);

impl Filter {
    fn get(&self, facet: Facet) -> Option<i64> {
        self.0[facet as usize]
    }

    fn with(mut self, facet: Facet, value: Option<i64>) -> Filter {
        self.0[facet as usize] = value;
        self
    }
}

/// Every published page of the documents: the listing for each combination
/// of filters that has documents, the lookups by number, one page per
/// document.
pub fn pages(documents: &Documents) -> Vec<Page> {
    let mut pages = Vec::new();
    if documents.documents.is_empty() {
        return pages;
    }
    // Members of each combination, newest first: each document joins every
    // combination of its own values ("Tất cả" or a value of its, per filter).
    let mut members: BTreeMap<Filter, Vec<usize>> = BTreeMap::new();
    for (index, document) in documents.documents.iter().enumerate() {
        let mut filters = vec![Filter::default()];
        for (facet, _) in FACETS {
            let values = facet.values(document);
            filters = filters
                .iter()
                .flat_map(|filter| values.iter().map(|&value| filter.with(facet, Some(value))).chain([*filter]))
                .collect();
        }
        for filter in filters {
            members.entry(filter).or_default().push(index);
        }
    }
    for (filter, indices) in &members {
        let facets = facet_panel(documents, &members, *filter);
        let total_pages = indices.len().div_ceil(DOCUMENTS_PER_PAGE) as u32;
        for (n, rows) in indices.chunks(DOCUMENTS_PER_PAGE).enumerate() {
            pages.push(listing_page(documents, *filter, &facets, indices.len(), n as u32 + 1, total_pages, rows));
        }
    }
    pages.extend(number_pages(documents));
    pages.extend(documents.documents.iter().map(|document| document_page(documents, document)));
    pages
}

fn address(lists: &SourceLists, filter: Filter, page: u32) -> String {
    let slug = |terms: &[Term], facet| filter.get(facet).map(|i| terms[i as usize].slug.clone());
    page_address(route::DOCUMENTS, |key| match key {
        "loai" => slug(&lists.kinds, Facet::Kind),
        "co-quan" => slug(&lists.issuers, Facet::Issuer),
        "linh-vuc" => slug(&lists.fields, Facet::Field),
        "nam" => filter.get(Facet::Year).map(|year| year.to_string()),
        route::PAGE_PARAM => Some(page.to_string()),
        _ => None,
    })
}

fn option_name(documents: &Documents, facet: Facet, value: i64) -> String {
    let lists = &documents.lists;
    match facet {
        Facet::Kind => lists.kinds[value as usize].name.clone(),
        Facet::Issuer => lists.issuers[value as usize].name.clone(),
        Facet::Field => lists.fields[value as usize].name.clone(),
        Facet::Year => value.to_string(),
    }
}

/// The filters with each option's count among the documents the other
/// filters leave; options with none are not offered.
fn facet_panel(documents: &Documents, members: &BTreeMap<Filter, Vec<usize>>, filter: Filter) -> Vec<FacetGroup> {
    FACETS
        .iter()
        .map(|&(facet, name)| {
            let base = filter.with(facet, None);
            let mut counts: BTreeMap<i64, usize> = BTreeMap::new();
            for &index in members.get(&base).map(Vec::as_slice).unwrap_or_default() {
                for value in facet.values(&documents.documents[index]) {
                    *counts.entry(value).or_default() += 1;
                }
            }
            let mut values: Vec<(i64, usize)> = counts.into_iter().collect();
            if facet == Facet::Year {
                values.reverse();
            }
            let all = FacetOption {
                href: address(&documents.lists, base, 1),
                label: "Tất cả".into(),
                count: None,
                current: filter.get(facet).is_none(),
            };
            let options = values.into_iter().map(|(value, count)| FacetOption {
                href: address(&documents.lists, base.with(facet, Some(value)), 1),
                label: option_name(documents, facet, value),
                count: Some(count),
                current: filter.get(facet) == Some(value),
            });
            FacetGroup { name: name.to_string(), options: std::iter::once(all).chain(options).collect() }
        })
        .collect()
}

/// The table's rows for the documents at `rows`.
fn table_rows(documents: &Documents, rows: &[usize]) -> Vec<DocumentRow> {
    rows.iter()
        .map(|&index| {
            let document = &documents.documents[index];
            DocumentRow {
                href: format!("{}/{}", route::DOCUMENTS, document.slug),
                number: document.number.clone(),
                issued: document.issued,
                summary: document.summary.clone(),
                status: status(document),
            }
        })
        .collect()
}

fn status(document: &Document) -> Status {
    let (slug, name) = STATUSES[document.status];
    Status { slug, name }
}

fn listing_page(
    documents: &Documents,
    filter: Filter,
    facets: &[FacetGroup],
    count: usize,
    page: u32,
    total_pages: u32,
    rows: &[usize],
) -> Page {
    let chosen: Vec<String> = FACETS
        .iter()
        .filter_map(|(facet, _)| filter.get(*facet).map(|value| option_name(documents, *facet, value)))
        .map(|name| if name.chars().all(|c| c.is_ascii_digit()) { format!("năm {name}") } else { name })
        .collect();
    let mut title = if chosen.is_empty() { SECTION.to_string() } else { format!("{SECTION}: {}", chosen.join(", ")) };
    if page > 1 {
        title += &format!(" (trang {page})");
    }
    let (lists, facets, rows) = (documents.lists.clone(), facets.to_vec(), table_rows(documents, rows));
    let href = move |n| address(&lists, filter, n);
    let html = html_of(|| view! { <DocumentsListing facets count page total=total_pages rows href/> });
    Page {
        path: address(&documents.lists, filter, page),
        title,
        description: if chosen.is_empty() {
            "Văn bản chỉ đạo, điều hành: tra cứu theo số, ký hiệu, loại văn bản, cơ quan ban hành, lĩnh vực và năm."
                .into()
        } else {
            format!("Văn bản {}.", chosen.join(", "))
        },
        lang: "vi".into(),
        section: (filter != Filter::default() || page > 1).then(|| (route::DOCUMENTS.to_string(), SECTION.to_string())),
        html,
        json_ld: None,
    }
}

/// `/van-ban?so=…`: every document is found by its whole number folded
/// ("1234-qd-ubnd"; "15-2025-nq-hdnd" also as "15-nq-hdnd") and by its
/// digits alone ("1234").
fn number_pages(documents: &Documents) -> Vec<Page> {
    let mut keys: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, document) in documents.documents.iter().enumerate() {
        let folded = query_value(&document.number);
        let words: Vec<&str> = folded.split('-').collect();
        let mut spellings = vec![words.clone()];
        // "15/2025/NQ-HĐND" is also asked for as "15/NQ-HĐND".
        if words.len() > 2 && words[1].len() == 4 && words[1].bytes().all(|b| b.is_ascii_digit()) {
            spellings.push([&words[..1], &words[2..]].concat());
        }
        // The whole number (with or without its year), or its digits alone.
        let wanted = spellings.iter().map(|words| words.join("-")).chain([words[0].to_string()]);
        for key in wanted {
            let list = keys.entry(key).or_default();
            if list.last() != Some(&index) {
                list.push(index);
            }
        }
    }
    let found = keys.into_iter().map(|(key, rows)| {
        // The number as written, when the key is a whole number (with or without its year).
        let mut written: Vec<String> = rows
            .iter()
            .map(|&i| documents.documents[i].number.as_str())
            .flat_map(|number| [number.to_string(), without_year(number)])
            .filter(|number| query_value(number) == key)
            .collect();
        written.sort();
        written.dedup();
        let shown = match written.as_slice() {
            [number] => number.clone(),
            _ => key.replace('-', " ").to_uppercase(),
        };
        let (view_shown, rows) = (shown.clone(), table_rows(documents, &rows));
        let html = html_of(|| view! { <NumberFound shown=view_shown rows/> });
        Page {
            path: page_address(route::DOCUMENTS, |k| (k == "so").then(|| key.clone())),
            title: format!("Văn bản số {shown}"),
            description: format!("Văn bản có số, ký hiệu {shown}."),
            lang: "vi".into(),
            section: Some((route::DOCUMENTS.to_string(), SECTION.to_string())),
            html,
            json_ld: None,
        }
    });
    found.chain([unknown_number_page()]).collect()
}

/// What the lookup answers for a number no document has: the search boxes
/// again, the number typed (written in by the app) and where to look next.
fn unknown_number_page() -> Page {
    Page {
        path: paths::UNKNOWN_NUMBER.to_string(),
        title: "Không tìm thấy văn bản".into(),
        description: "Không có văn bản nào mang số, ký hiệu đã nhập.".into(),
        lang: "vi".into(),
        section: Some((route::DOCUMENTS.to_string(), SECTION.to_string())),
        html: html_of(|| view! { <NumberNotFound/> }),
        json_ld: None,
    }
}

/// "15/2025/NQ-HĐND" → "15/NQ-HĐND".
fn without_year(number: &str) -> String {
    let parts: Vec<&str> = number.split('/').collect();
    match parts.as_slice() {
        [first, year, rest @ ..] if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) && !rest.is_empty() => {
            format!("{first}/{}", rest.join("/"))
        }
        _ => number.to_string(),
    }
}

/// "1,2 MB", "85 KB", as a download link tells its size.
pub fn file_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
        format!("{},{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

fn document_page(documents: &Documents, document: &Document) -> Page {
    let lists = &documents.lists;
    let link = |slug: &str| {
        let target = documents.documents.iter().find(|d| d.slug == slug).expect("checked link");
        (format!("{}/{}", route::DOCUMENTS, slug), documents.title(target))
    };
    let replaces: Vec<(String, String)> = documents
        .documents
        .iter()
        .filter(|other| other.replaced_by.as_deref() == Some(document.slug.as_str()))
        .map(|other| link(&other.slug))
        .collect();
    let fields = document
        .fields
        .iter()
        .map(|&f| {
            let filter = Filter::default().with(Facet::Field, Some(f as i64));
            (address(&documents.lists, filter, 1), lists.fields[f].name.clone())
        })
        .collect();
    let mut facts = vec![
        ("Số/Ký hiệu", Fact::Text(document.number.clone())),
        ("Loại văn bản", Fact::Text(documents.kind(document).to_string())),
        ("Cơ quan ban hành", Fact::Text(lists.issuers[document.issuer].name.clone())),
        ("Người ký", Fact::Text(document.signer.clone())),
        ("Ngày ban hành", Fact::Date(document.issued)),
        ("Ngày hiệu lực", Fact::Date(document.effective)),
    ];
    if let Some(expires) = document.expires {
        facts.push(("Ngày hết hiệu lực", Fact::Date(expires)));
    }
    facts.push(("Lĩnh vực", Fact::Links(fields)));
    facts.push(("Tình trạng", Fact::Status(status(document), document.replaced_by.as_deref().map(link))));
    if !replaces.is_empty() {
        facts.push(("Thay thế văn bản", Fact::Links(replaces)));
    }
    let files = document
        .files
        .iter()
        .map(|file| FileLink {
            href: file.path.clone(),
            name: file.path.rsplit('/').next().unwrap_or_default().to_string(),
            kind: file.kind,
            size: file.bytes.map(file_size),
        })
        .collect();
    let summary = document.summary.clone();
    let html = html_of(|| view! { <DocumentFacts summary facts files/> });
    let title = documents.title(document);
    Page {
        path: format!("{}/{}", route::DOCUMENTS, document.slug),
        title: title.clone(),
        description: document.summary.clone(),
        lang: "vi".into(),
        section: Some((route::DOCUMENTS.to_string(), SECTION.to_string())),
        html,
        json_ld: Some(legislation_ld(documents, document, &title).to_string()),
    }
}

/// schema.org's type for a legal or administrative act.
fn legislation_ld(documents: &Documents, document: &Document, title: &str) -> serde_json::Value {
    let force = match STATUSES[document.status].0 {
        "con-hieu-luc" => "http://data.europa.eu/eli/ontology#InForce",
        _ => "http://data.europa.eu/eli/ontology#NotInForce",
    };
    serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": title,
        "legislationIdentifier": document.number,
        "legislationType": documents.kind(document),
        "legislationDate": document.issued.to_string(),
        "legislationLegalForce": force,
        "legislationPassedBy": { "@type": "GovernmentOrganization", "name": documents.lists.issuers[document.issuer].name },
        "abstract": document.summary,
        "inLanguage": "vi",
        "encoding": document.files.iter().map(|file| serde_json::json!({
            "@type": "LegislationObject",
            "contentUrl": file.path,
            "encodingFormat": if file.path.ends_with(".pdf") { "application/pdf" } else { "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        })).collect::<Vec<_>>(),
    })
}

/// What the site's search indexes of a document: title, summary, date.
pub fn search_entries(documents: &Documents) -> Vec<(model::search::DocInfo, String)> {
    documents
        .documents
        .iter()
        .map(|document| {
            let excerpt = format!(
                "{} · {} · {}",
                documents.lists.issuers[document.issuer].name, document.signer, STATUSES[document.status].1
            );
            let info = model::search::DocInfo {
                slug: format!("{}/{}", route::DOCUMENTS, document.slug),
                title: format!("{}: {}", documents.title(document), document.summary),
                category: SECTION.to_string(),
                published: format!("{}T00:00:00+07:00", document.issued),
                excerpt: excerpt.clone(),
            };
            (info, excerpt)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_number_box_is_where_the_app_looks_for_it() {
        let forms = html_of(|| view! { <views::documents::DocumentSearch/> });
        assert_eq!(forms.matches(paths::NUMBER_BOX).count(), 1, "{forms}");
        assert!(unknown_number_page().html.contains(paths::TYPED_NUMBER));
    }

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

    #[test]
    fn sizes_read_as_readers_expect() {
        assert_eq!(file_size(1), "1 KB");
        assert_eq!(file_size(86_000), "84 KB");
        assert_eq!(file_size(1_300_000), "1,2 MB");
    }
}
