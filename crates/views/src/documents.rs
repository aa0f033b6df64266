//! "Văn bản": the documents' listing (search boxes, filters with counts,
//! table, pages), a lookup by number, and one document's page — drawn only
//! by the press, which publishes every filter combination and number as its
//! own fragment (`model::Fragment`); the app inserts them and fills in the
//! number box ([`model::paths::NUMBER_BOX`]) and the number typed
//! ([`model::paths::TYPED_NUMBER`]).

use leptos::prelude::*;
use model::{Day, format_number, paths};

use crate::pagination::Pagination;

/// One filter ("Loại văn bản") and its options, the first being "Tất cả".
#[derive(Clone, Debug, PartialEq)]
pub struct FacetGroup {
    pub name: String,
    pub options: Vec<FacetOption>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FacetOption {
    pub href: String,
    pub label: String,
    /// How many documents the option leaves (none for "Tất cả").
    pub count: Option<usize>,
    pub current: bool,
}

/// A row of the documents' table.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentRow {
    pub href: String,
    pub number: String,
    pub issued: Day,
    pub summary: String,
    pub status: Status,
}

/// A document's standing: the slug of its kind of status and its name.
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    pub slug: &'static str,
    pub name: &'static str,
}

/// The two ways to look a document up: by number (its own pages) and by
/// words of its summary (the site's search, which indexes documents). The
/// number box is drawn empty, `name` then `value`, as the app looks for it.
#[component]
pub fn DocumentSearch() -> impl IntoView {
    view! {
        <div class="document-search">
            <form action=paths::route::DOCUMENTS method="get" role="search" aria-label="Tìm theo số, ký hiệu">
                <label for="tim-so-ky-hieu">"Số/Ký hiệu"</label>
                <input id="tim-so-ky-hieu" name="so" value="" type="search" placeholder="Ví dụ: 1234/QĐ-UBND" autocomplete="off"/>
                <button type="submit">"Tìm"</button>
            </form>
            <form action="/tim-kiem" method="get" role="search" aria-label="Tìm theo trích yếu">
                <label for="tim-trich-yeu">"Trích yếu"</label>
                <input id="tim-trich-yeu" name="q" type="search" placeholder="Từ khóa trong trích yếu"/>
                <button type="submit">"Tìm"</button>
            </form>
        </div>
    }
}

/// A page of the listing: the search boxes, the filters, how many documents
/// they leave, the table and the page links (`href` gives each page's address).
#[component]
pub fn DocumentsListing(
    facets: Vec<FacetGroup>,
    count: usize,
    page: u32,
    total: u32,
    rows: Vec<DocumentRow>,
    href: impl Fn(u32) -> String + 'static,
) -> impl IntoView {
    let of_pages = (total > 1).then(|| format!(" · trang {page}/{total}"));
    view! {
        <div class="documents">
            <DocumentSearch/>
            <nav class="facets" aria-label="Lọc văn bản">
                {facets.into_iter().map(|facet| view! { <Facet facet/> }).collect_view()}
            </nav>
            <p class="document-count">{format_number(count as u64)} " văn bản" {of_pages}</p>
            <DocumentsTable rows/>
            <Pagination current=page total href/>
        </div>
    }
}

#[component]
fn Facet(facet: FacetGroup) -> impl IntoView {
    view! {
        <div class="facet">
            <h2 class="facet-name">{facet.name}</h2>
            <ul>
                {facet
                    .options
                    .into_iter()
                    .map(|option| {
                        let count = option.count.map(|n| view! { " " <span class="count">"(" {format_number(n as u64)} ")"</span> });
                        view! {
                            <li>
                                <a href=option.href aria-current=option.current.then_some("true")>{option.label} {count}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

#[component]
pub fn DocumentsTable(rows: Vec<DocumentRow>) -> impl IntoView {
    view! {
        <table class="documents-table">
            <thead>
                <tr>
                    <th scope="col">"Số/Ký hiệu"</th>
                    <th scope="col">"Ngày ban hành"</th>
                    <th scope="col">"Trích yếu"</th>
                    <th scope="col">"Tình trạng"</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|row| {
                        view! {
                            <tr>
                                <td data-label="Số/Ký hiệu"><a href=row.href>{row.number}</a></td>
                                <td data-label="Ngày ban hành"><time datetime=row.issued.to_string()>{row.issued.date()}</time></td>
                                <td data-label="Trích yếu">{row.summary}</td>
                                <td data-label="Tình trạng"><StatusBadge status=row.status/></td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn StatusBadge(status: Status) -> impl IntoView {
    view! { <span class=format!("status status-{}", status.slug)>{status.name}</span> }
}

/// The documents a number is found under: how many, the number as shown,
/// and their rows.
#[component]
pub fn NumberFound(shown: String, rows: Vec<DocumentRow>) -> impl IntoView {
    let count = rows.len();
    view! {
        <div class="documents">
            <DocumentSearch/>
            <p class="document-count">
                {count} " văn bản có số, ký hiệu «" {shown} "». "
                <a href=paths::route::DOCUMENTS>"Xem tất cả văn bản"</a>
            </p>
            <DocumentsTable rows/>
        </div>
    }
}

/// What the lookup answers for a number no document has: the search boxes
/// again, the number typed (the app writes it in at [`paths::TYPED_NUMBER`])
/// and where to look next.
#[component]
pub fn NumberNotFound() -> impl IntoView {
    view! {
        <div class="documents">
            <DocumentSearch/>
            <p class="document-count">"Không tìm thấy văn bản có số, ký hiệu «" <span inner_html=paths::TYPED_NUMBER></span> "»."</p>
            <p>
                "Hãy kiểm tra lại số, ký hiệu (ví dụ 1234/QĐ-UBND, hoặc chỉ phần số 1234), tìm theo từ khóa trong trích yếu, hoặc "
                <a href=paths::route::DOCUMENTS>"xem tất cả văn bản"</a> "."
            </p>
        </div>
    }
}

/// One fact of a document's page.
#[derive(Clone, Debug, PartialEq)]
pub enum Fact {
    Text(String),
    Date(Day),
    /// Links to documents or listings: (address, text).
    Links(Vec<(String, String)>),
    /// Its standing, and the document that replaced it.
    Status(Status, Option<(String, String)>),
}

/// A file to download: address, file name, kind ("PDF") and size ("85 KB").
#[derive(Clone, Debug, PartialEq)]
pub struct Attachment {
    pub href: String,
    pub name: String,
    pub kind: &'static str,
    pub size: Option<String>,
}

/// One document: its summary, its facts, its files.
#[component]
pub fn DocumentFacts(summary: String, facts: Vec<(&'static str, Fact)>, files: Vec<Attachment>) -> impl IntoView {
    view! {
        <div class="document">
            <p class="document-summary">{summary}</p>
            <table class="document-facts">
                <tbody>
                    {facts
                        .into_iter()
                        .map(|(name, fact)| view! { <tr><th scope="row">{name}</th><td>{fact_view(fact)}</td></tr> })
                        .collect_view()}
                </tbody>
            </table>
            <h2>"Tệp đính kèm"</h2>
            <FileList files/>
        </div>
    }
}

/// Files to download, each with its kind and size (a document's, a draft's).
#[component]
pub fn FileList(files: Vec<Attachment>) -> impl IntoView {
    view! {
        <ul class="document-files">
            {files
                .into_iter()
                .map(|file| {
                    let size = file.size.map(|size| format!(", {size}")).unwrap_or_default();
                    view! {
                        <li>
                            <a href=file.href download="">{file.name}</a>
                            " "
                            <span class="file-meta">"(" {file.kind} {size} ")"</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

fn links(links: Vec<(String, String)>) -> impl IntoView {
    links
        .into_iter()
        .enumerate()
        .map(|(i, (href, text))| view! { {(i > 0).then_some(", ")} <a href=href>{text}</a> })
        .collect_view()
}

fn fact_view(fact: Fact) -> AnyView {
    match fact {
        Fact::Text(text) => text.into_any(),
        Fact::Date(day) => view! { <time datetime=day.to_string()>{day.date()}</time> }.into_any(),
        Fact::Links(list) => links(list).into_any(),
        Fact::Status(status, replaced_by) => {
            let by = replaced_by.map(|link| view! { " — được thay thế bởi " {links(vec![link])} });
            view! { <StatusBadge status/> {by} }.into_any()
        }
    }
}
