//! The search page's data: fetches only the index shards a query's terms
//! hash to, and the few document chunks its results page shows, keeping
//! what it fetched for the next query.

use std::cell::RefCell;
use std::rc::Rc;

use model::paths;
use model::search::{DocChunk, DocInfo, Query, RESULTS_PER_PAGE, SearchMeta, Shard, chunk_of, rank, shard_of};

use crate::api::{Fetched, fetch_json, fetch_postcard};

#[derive(Clone, Debug, PartialEq)]
pub struct SearchPage {
    pub total: usize,
    pub page: u32,
    pub total_pages: u32,
    pub results: Vec<DocInfo>,
}

/// Files by number. A few per query, so a list: a hash map's code would
/// cost the wasm more than the lookups save.
type Files<T> = Vec<(u32, Rc<T>)>;

fn file<T>(files: &Files<T>, n: u32) -> Option<&Rc<T>> {
    files.iter().find(|(m, _)| *m == n).map(|(_, file)| file)
}

#[derive(Default)]
struct Cache {
    meta: Option<Rc<SearchMeta>>,
    shards: Files<Shard>,
    chunks: Files<DocChunk>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::default();
}

async fn meta() -> Fetched<Rc<SearchMeta>> {
    if let Some(meta) = CACHE.with_borrow(|c| c.meta.clone()) {
        return Ok(meta);
    }
    let meta = Rc::new(fetch_json::<SearchMeta>(&paths::search_meta()).await?);
    CACHE.with_borrow_mut(|c| c.meta = Some(meta.clone()));
    Ok(meta)
}

/// A postcard file of the index, fetched once per page load.
async fn cached<T: serde::de::DeserializeOwned>(
    n: u32,
    path: fn(u32) -> String,
    slot: fn(&mut Cache) -> &mut Files<T>,
) -> Fetched<Rc<T>> {
    if let Some(value) = CACHE.with_borrow_mut(|c| file(slot(c), n).cloned()) {
        return Ok(value);
    }
    let value = Rc::new(fetch_postcard::<T>(&path(n)).await?);
    CACHE.with_borrow_mut(|c| slot(c).push((n, value.clone())));
    Ok(value)
}

async fn shard(n: u32) -> Fetched<Rc<Shard>> {
    cached(n, paths::search_shard, |c| &mut c.shards).await
}

async fn chunk(n: u32) -> Fetched<Rc<DocChunk>> {
    cached(n, paths::search_docs, |c| &mut c.chunks).await
}

pub async fn search(query: Query, page: u32) -> Fetched<SearchPage> {
    let meta = meta().await?;
    let wanted = query.shards(&meta);
    let fetched = futures::future::join_all(wanted.iter().map(|&n| shard(n))).await;
    let mut shards = Files::new();
    for (n, result) in wanted.into_iter().zip(fetched) {
        shards.push((n, result?));
    }
    let ranked = rank(&query, |term| file(&shards, shard_of(term, meta.shards)).and_then(|s| s.term(term)));
    let total = ranked.len();
    let total_pages = model::page_count(total, RESULTS_PER_PAGE);
    let start = (page.saturating_sub(1) as usize) * RESULTS_PER_PAGE;
    let shown: Vec<u32> = ranked.iter().skip(start).take(RESULTS_PER_PAGE).map(|r| r.doc).collect();
    let needed = model::search::unique(shown.iter().map(|&doc| chunk_of(doc)));
    let fetched = futures::future::join_all(needed.iter().map(|&n| chunk(n))).await;
    let mut chunks = Files::new();
    for (n, result) in needed.into_iter().zip(fetched) {
        chunks.push((n, result?));
    }
    let results = shown
        .iter()
        .filter_map(|&doc| {
            let chunk = file(&chunks, chunk_of(doc))?;
            chunk.docs.get((doc % model::search::DOCS_PER_CHUNK) as usize).cloned()
        })
        .collect();
    Ok(SearchPage { total, page, total_pages, results })
}
