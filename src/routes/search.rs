//! `/tim-kiem?q=…&trang=N`: results with the query's words highlighted.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use model::paths::route;
use model::search::{DocInfo, Query};
use model::text::tokenize;
use model::{LocalDateTime, SiteData};
use views::pagination::Pagination;
use views::search::{SearchFrame, SearchPrompt};

use super::use_page_param;
use crate::api;
use crate::components::loaded::loaded;
use crate::components::set_document_title;
use crate::search::SearchPage;

/// How much of the query is repeated back on the page.
const SHOWN_QUERY_CHARS: usize = 100;

#[component]
pub fn SearchRoute() -> impl IntoView {
    let site = expect_context::<SiteData>();
    let query = use_query_map();
    let raw = Memo::new(move |_| query.read().get(route::QUERY_PARAM).unwrap_or_default());
    let page = use_page_param();
    let results = api::resource(Signal::derive(move || api::Address::Search { raw: raw.get(), page: page.get() }));
    let site_name = site.site.name.clone();
    Effect::new(move |_| {
        let shown = shorten(&raw.get());
        let title = if shown.is_empty() { "Tìm kiếm".to_string() } else { format!("Tìm kiếm: {shown}") };
        set_document_title(Some(&title), &site_name);
    });
    view! {
        <SearchFrame initial=Signal::derive(move || raw.get())>
            {loaded(results, move |found| match found {
                api::Data::Search(Some(found)) => {
                    let (raw, page) = *found;
                    view! { <Results raw page site=site.clone()/> }.into_any()
                }
                _ => view! { <SearchPrompt/> }.into_any(),
            })}
        </SearchFrame>
    }
}

fn shorten(raw: &str) -> String {
    let mut shown: String = raw.trim().chars().take(SHOWN_QUERY_CHARS).collect();
    if raw.trim().chars().count() > SHOWN_QUERY_CHARS {
        shown.push('…');
    }
    shown
}

#[component]
fn Results(raw: String, page: SearchPage, site: SiteData) -> impl IntoView {
    let shown = shorten(&raw);
    if page.total == 0 {
        return view! {
            <div class="search-none">
                <p class="search-count">"Không tìm thấy kết quả cho «" {shown} "»."</p>
                <p>"Hãy thử từ khóa khác, ngắn hơn, hoặc gõ không dấu."</p>
            </div>
        }
        .into_any();
    }
    // A query's few words: a list (a hash set's code costs the wasm more).
    let words: Vec<String> = Query::parse(&raw).words.into_iter().map(|w| w.folded).collect();
    let items = page
        .results
        .into_iter()
        .map(|doc| {
            // A document's "category" is the name of its kind ("Văn bản").
            let category = site.category(&doc.category).map_or_else(|| doc.category.clone(), |c| c.name.clone());
            view! { <ResultItem doc category words=words.clone()/> }
        })
        .collect_view();
    view! {
        <p class="search-count">"Tìm thấy " {model::format_number(page.total as u64)} " kết quả cho «" {shown} "»"</p>
        <ol class="search-results">{items}</ol>
        <Pagination current=page.page total=page.total_pages href=move |n| route::search_page(&raw, n)/>
    }
    .into_any()
}

#[component]
fn ResultItem(doc: DocInfo, category: String, words: Vec<String>) -> impl IntoView {
    let date = LocalDateTime::parse(&doc.published).map(|t| t.date()).unwrap_or_default();
    view! {
        <li class="search-result">
            <a class="search-result-title" href=result_address(&doc.slug)>{highlight(&doc.title, &words)}</a>
            <p class="meta"><time datetime=doc.published.clone()>{date}</time> " · " {category}</p>
            <p class="search-result-excerpt">{highlight(&doc.excerpt, &words)}</p>
        </li>
    }
}

/// An article's slug, or a document's whole address ("/van-ban/…").
fn result_address(slug: &str) -> String {
    if slug.starts_with('/') { slug.to_string() } else { route::article(slug) }
}

/// The text with every word whose folded form is in `words` inside <mark>,
/// built as nodes (never as HTML), so nothing in it can run.
fn highlight(text: &str, words: &[String]) -> Vec<AnyView> {
    let mut parts = Vec::new();
    let mut at = 0;
    for token in tokenize(text).into_iter().filter(|t| words.contains(&t.folded)) {
        if token.start > at {
            parts.push(text[at..token.start].to_string().into_any());
        }
        parts.push(view! { <mark>{text[token.start..token.end].to_string()}</mark> }.into_any());
        at = token.end;
    }
    parts.push(text[at..].to_string().into_any());
    parts
}
