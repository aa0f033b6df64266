//! The documents' published pages, drawn with `views::documents`: the
//! listing for every combination of filters (kind, issuer, field, year) that
//! has documents, paged, each filter option with its count; the lookups by
//! number; one page per document; and their entries in the site search.

use std::collections::BTreeMap;

use leptos::prelude::*;
use model::Page;
use model::paths::{self, page_address, query_value, route};
use views::documents::{
    Attachment as FileLink, DocumentFacts, DocumentRow, DocumentsListing, FacetGroup, FacetOption, Fact, NumberFound,
    NumberNotFound, Status,
};

use super::{DOCUMENTS_PER_PAGE, Document, Documents, SECTION, STATUSES, SourceLists, Term};
use crate::html::html_of;

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
        date: None,
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
            date: None,
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
        date: None,
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
        date: Some(document.issued.to_string()),
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
    fn sizes_read_as_readers_expect() {
        assert_eq!(file_size(1), "1 KB");
        assert_eq!(file_size(86_000), "84 KB");
        assert_eq!(file_size(1_300_000), "1,2 MB");
    }
}
