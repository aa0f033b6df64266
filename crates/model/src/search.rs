//! The search index: how the press writes it and how the app reads and ranks
//! it, in one place. Terms are folded syllables ("dieu") and folded pairs of
//! adjacent syllables ("dieu hanh"): a Vietnamese word is usually two or three
//! syllables, so a pair is both rarer (a short list to download) and the
//! evidence of adjacency. Each term's list lives in one of `shards` files
//! chosen by hashing the term, so a query downloads only the shards of its
//! own terms, whatever the size of the archive.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::text::{Token, tokenize};

/// Documents per `docs/{n}` file (title, date, excerpt of each result).
pub const DOCS_PER_CHUNK: u32 = 16;
/// Longest posting list kept per term: titles first, then the newest.
pub const MAX_POSTINGS: usize = 400;
/// Variants (exact spellings) remembered per term; the flags byte has 7 bits for them.
pub const MAX_VARIANTS: usize = 7;
/// A query is cut to this many characters and this many words.
pub const MAX_QUERY_CHARS: usize = 200;
pub const MAX_QUERY_WORDS: usize = 8;
pub const RESULTS_PER_PAGE: usize = 10;
/// Target size of one shard file, in bytes.
pub const SHARD_TARGET_BYTES: usize = 8 * 1024;

const TITLE: u8 = 1;

/// `data/search/meta.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchMeta {
    pub shards: u32,
    pub docs: u32,
}

/// `data/search/shards/{n}.bin` (postcard).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Shard {
    pub terms: Vec<TermPostings>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TermPostings {
    /// Folded: "duong" or "dieu hanh".
    pub term: String,
    /// Exact spellings seen, most frequent first: "đường", "dương".
    pub variants: Vec<String>,
    /// Document ids, ascending (newest first), as gaps from the previous id.
    pub doc_gaps: Vec<u32>,
    /// Per document: bit 0 set when the term is in the title; bit i+1 when
    /// `variants[i]` occurs in the document.
    pub flags: Vec<u8>,
}

impl TermPostings {
    pub fn postings(&self) -> impl Iterator<Item = (u32, u8)> + '_ {
        self.doc_gaps
            .iter()
            .scan(0u32, |doc, gap| {
                *doc += gap;
                Some(*doc)
            })
            .zip(self.flags.iter().copied())
    }

    fn variant_bit(&self, exact: &str) -> Option<u8> {
        self.variants.iter().position(|v| v == exact).map(|i| 1 << (i + 1))
    }
}

impl Shard {
    pub fn term(&self, term: &str) -> Option<&TermPostings> {
        self.terms.binary_search_by(|t| t.term.as_str().cmp(term)).ok().map(|i| &self.terms[i])
    }
}

/// `data/search/docs/{n}.bin` (postcard): what a result shows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocChunk {
    pub docs: Vec<DocInfo>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocInfo {
    pub slug: String,
    pub title: String,
    pub category: String,
    pub published: String,
    pub excerpt: String,
}

/// FNV-1a: stable across builds and platforms, unlike std's hasher.
pub fn shard_of(term: &str, shards: u32) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in term.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash % shards.max(1)
}

pub fn chunk_of(doc: u32) -> u32 {
    doc / DOCS_PER_CHUNK
}

/// Words of a text and the pairs of them that stand next to each other (only
/// a space between them, not punctuation).
fn terms_of(text: &str) -> (Vec<Token>, Vec<(usize, usize)>) {
    let tokens = tokenize(text);
    let pairs = (1..tokens.len())
        .filter(|&i| text[tokens[i - 1].end..tokens[i].start].chars().all(char::is_whitespace))
        .map(|i| (i - 1, i))
        .collect();
    (tokens, pairs)
}

/// A parsed query: at most [`MAX_QUERY_WORDS`] words of its first
/// [`MAX_QUERY_CHARS`] characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    pub words: Vec<Token>,
}

impl Query {
    pub fn parse(raw: &str) -> Query {
        let cut: String = raw.chars().take(MAX_QUERY_CHARS).collect();
        let mut words = tokenize(&cut);
        words.truncate(MAX_QUERY_WORDS);
        Query { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Every term whose postings the ranking reads, each once, in the
    /// query's order.
    pub fn terms(&self) -> Vec<String> {
        let words = self.words.iter().map(|w| w.folded.clone());
        let pairs = self.words.windows(2).map(|pair| format!("{} {}", pair[0].folded, pair[1].folded));
        unique(words.chain(pairs))
    }

    /// Shards to download for this query, each once.
    pub fn shards(&self, meta: &SearchMeta) -> Vec<u32> {
        unique(self.terms().iter().map(|t| shard_of(t, meta.shards)))
    }
}

/// The items, each once, in their first order. For the few terms, shards
/// and chunks of one query: no sort (a sort's code per type costs the
/// reader wasm more than these lookups).
pub fn unique<T: PartialEq>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut unique = Vec::new();
    for item in items {
        if !unique.contains(&item) {
            unique.push(item);
        }
    }
    unique
}

/// Why a document ranks where it does, compared field by field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Score {
    /// Query words typed with marks that the document has with the same marks.
    pub exact: u8,
    /// Adjacent query words found adjacent in the document.
    pub adjacent: u8,
    /// Query words found in the title.
    pub title: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ranked {
    pub doc: u32,
    pub score: Score,
}

/// Documents holding every word of the query, best first: more words with the
/// typed marks, then more adjacent pairs, then more words in the title, then
/// newer (smaller id).
pub fn rank<'a>(query: &Query, lookup: impl Fn(&str) -> Option<&'a TermPostings>) -> Vec<Ranked> {
    #[derive(Default, Clone, Copy)]
    struct Seen {
        words: u32,
        exact: u32,
        adjacent: u8,
        title: u32,
    }
    let words = &query.words;
    if words.is_empty() {
        return Vec::new();
    }
    let mut seen: HashMap<u32, Seen> = HashMap::new();
    for (i, word) in words.iter().enumerate() {
        let Some(postings) = lookup(&word.folded) else { continue };
        let exact_bit = crate::text::has_marks(&word.exact).then(|| postings.variant_bit(&word.exact)).flatten();
        for (doc, flags) in postings.postings() {
            let s = seen.entry(doc).or_default();
            s.words |= 1 << i;
            if flags & TITLE != 0 {
                s.title |= 1 << i;
            }
            if exact_bit.is_some_and(|bit| flags & bit != 0) {
                s.exact |= 1 << i;
            }
        }
    }
    for (i, pair) in words.windows(2).enumerate() {
        let term = format!("{} {}", pair[0].folded, pair[1].folded);
        let Some(postings) = lookup(&term) else { continue };
        let exact = format!("{} {}", pair[0].exact, pair[1].exact);
        let marked = crate::text::has_marks(&exact);
        let exact_bit = marked.then(|| postings.variant_bit(&exact)).flatten();
        for (doc, flags) in postings.postings() {
            let s = seen.entry(doc).or_default();
            // A pair proves both of its words, even where a word's own list was cut short.
            s.words |= 0b11 << i;
            s.adjacent += 1;
            if flags & TITLE != 0 {
                s.title |= 0b11 << i;
            }
            if exact_bit.is_some_and(|bit| flags & bit != 0) {
                s.exact |= 0b11 << i;
            }
        }
    }
    let all = (1u32 << words.len()) - 1;
    let marked: u32 =
        words.iter().enumerate().filter(|(_, w)| crate::text::has_marks(&w.exact)).map(|(i, _)| 1 << i).sum();
    let mut ranked: Vec<Ranked> = seen
        .into_iter()
        .filter(|(_, s)| s.words == all)
        .map(|(doc, s)| Ranked {
            doc,
            score: Score {
                exact: (s.exact & marked).count_ones() as u8,
                adjacent: s.adjacent,
                title: s.title.count_ones() as u8,
            },
        })
        .collect();
    // A total order (the doc breaks ties): unstable sorts the same, with less code in the wasm.
    ranked.sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.doc.cmp(&b.doc)));
    ranked
}

/// Builds the index in memory: add documents newest first, then `finish`.
#[derive(Default)]
pub struct IndexBuilder {
    terms: HashMap<String, TermBuilder>,
    docs: Vec<DocInfo>,
}

#[derive(Default)]
struct TermBuilder {
    variants: Vec<(String, u32)>,
    /// (doc, in title, variant indices seen in it as a bit set over `variants`)
    postings: Vec<(u32, bool, u64)>,
}

pub struct BuiltIndex {
    pub meta: SearchMeta,
    pub shards: Vec<Shard>,
    pub chunks: Vec<DocChunk>,
}

impl IndexBuilder {
    /// Adds the next document (ids are given in order: call newest first).
    pub fn add(&mut self, info: DocInfo, title: &str, body: &str) -> u32 {
        let doc = self.docs.len() as u32;
        let mut in_doc: HashMap<String, (bool, Vec<String>)> = HashMap::new();
        for (text, is_title) in [(title, true), (body, false)] {
            let (tokens, pairs) = terms_of(text);
            let unigrams = tokens.iter().map(|t| (t.folded.clone(), t.exact.clone()));
            let bigrams = pairs.iter().map(|&(a, b)| {
                (
                    format!("{} {}", tokens[a].folded, tokens[b].folded),
                    format!("{} {}", tokens[a].exact, tokens[b].exact),
                )
            });
            for (folded, exact) in unigrams.chain(bigrams) {
                let entry = in_doc.entry(folded).or_default();
                entry.0 |= is_title;
                if !entry.1.contains(&exact) {
                    entry.1.push(exact);
                }
            }
        }
        for (folded, (is_title, exacts)) in in_doc {
            let term = self.terms.entry(folded).or_default();
            let mut mask = 0u64;
            for exact in exacts {
                let index = match term.variants.iter().position(|(v, _)| *v == exact) {
                    Some(index) => index,
                    None => {
                        term.variants.push((exact, 0));
                        term.variants.len() - 1
                    }
                };
                term.variants[index].1 += 1;
                if index < 64 {
                    mask |= 1 << index;
                }
            }
            term.postings.push((doc, is_title, mask));
        }
        self.docs.push(info);
        doc
    }

    pub fn finish(self) -> BuiltIndex {
        let mut terms: Vec<TermPostings> = self.terms.into_iter().map(|(term, built)| built.finish(term)).collect();
        terms.sort_by(|a, b| a.term.cmp(&b.term));
        let bytes: usize = terms
            .iter()
            .map(|t| t.term.len() + t.variants.iter().map(|v| v.len() + 1).sum::<usize>() + t.doc_gaps.len() * 3)
            .sum();
        let shards = (bytes / SHARD_TARGET_BYTES).max(1).next_power_of_two().min(4096) as u32;
        let mut shard_files = vec![Shard::default(); shards as usize];
        for term in terms {
            shard_files[shard_of(&term.term, shards) as usize].terms.push(term);
        }
        let chunks = self.docs.chunks(DOCS_PER_CHUNK as usize).map(|docs| DocChunk { docs: docs.to_vec() }).collect();
        BuiltIndex { meta: SearchMeta { shards, docs: self.docs.len() as u32 }, shards: shard_files, chunks }
    }
}

impl TermBuilder {
    fn finish(mut self, term: String) -> TermPostings {
        // Most frequent spellings get the variant bits.
        let mut order: Vec<usize> = (0..self.variants.len()).collect();
        order.sort_by(|&a, &b| self.variants[b].1.cmp(&self.variants[a].1).then(a.cmp(&b)));
        order.truncate(MAX_VARIANTS);
        if self.postings.len() > MAX_POSTINGS {
            // Keep titles first, then the newest; ranking never reaches deeper.
            self.postings.sort_by_key(|&(doc, title, _)| (!title, doc));
            self.postings.truncate(MAX_POSTINGS);
            self.postings.sort_by_key(|&(doc, _, _)| doc);
        }
        let mut previous = 0;
        let mut doc_gaps = Vec::with_capacity(self.postings.len());
        let mut flags = Vec::with_capacity(self.postings.len());
        for (doc, title, mask) in self.postings {
            doc_gaps.push(doc - previous);
            previous = doc;
            let mut f = if title { TITLE } else { 0 };
            for (bit, &variant) in order.iter().enumerate() {
                if variant < 64 && mask & (1 << variant) != 0 {
                    f |= 1 << (bit + 1);
                }
            }
            flags.push(f);
        }
        TermPostings { term, variants: order.iter().map(|&i| self.variants[i].0.clone()).collect(), doc_gaps, flags }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(n: u32) -> DocInfo {
        DocInfo {
            slug: format!("bai-{n}"),
            title: String::new(),
            category: "c".into(),
            published: String::new(),
            excerpt: String::new(),
        }
    }

    /// Builds an index of (title, body) documents, newest first, and ranks a query.
    fn search(docs: &[(&str, &str)], query: &str) -> Vec<u32> {
        let mut builder = IndexBuilder::default();
        for (n, (title, body)) in docs.iter().enumerate() {
            builder.add(info(n as u32), title, body);
        }
        let index = builder.finish();
        let query = Query::parse(query);
        let lookup = |term: &str| index.shards[shard_of(term, index.meta.shards) as usize].term(term);
        rank(&query, lookup).into_iter().map(|r| r.doc).collect()
    }

    #[test]
    fn case_and_marks_are_optional() {
        let docs = [("Tin", "Ủy ban tăng cường chỉ đạo điều hành."), ("Tin", "Không liên quan.")];
        for query in ["dieu hanh", "DIEU HANH", "điều hành", "Điều Hành"] {
            assert_eq!(search(&docs, query), [0], "{query}");
        }
    }

    #[test]
    fn d_stroke_folds_to_d() {
        let docs =
            [("Đảng ủy xã họp", "Nội dung."), ("Tin", "Đoàn công tác tới Đà Nẵng học tập."), ("Tin", "Khác hẳn.")];
        assert_eq!(search(&docs, "dang uy"), [0]);
        assert_eq!(search(&docs, "da nang"), [1]);
    }

    #[test]
    fn typed_marks_rank_exact_spellings_first() {
        // Newest first: the "Dương" article is newer, yet "đường" ranks first.
        let docs = [("Ông Dương Văn Hải", "Ông Dương nói."), ("Con đường mới", "Đường đã xong.")];
        assert_eq!(search(&docs, "đường"), [1, 0]);
        assert_eq!(search(&docs, "Dương"), [0, 1]);
        // Without marks nothing is preferred: newer first.
        assert_eq!(search(&docs, "duong"), [0, 1]);
    }

    #[test]
    fn adjacent_words_rank_above_scattered_ones() {
        let docs = [
            ("Tin", "Hành trình ấy làm nên điều khác."),
            ("Tin", "Công tác điều hành ngân sách."),
            ("Tin", "Điều. Hành."),
        ];
        assert_eq!(search(&docs, "điều hành"), [1, 0, 2], "punctuation between words is not adjacency");
    }

    #[test]
    fn title_matches_rank_above_body_matches_and_newer_wins_ties() {
        let docs =
            [("Tin ngắn", "Bàn về giao thông."), ("Giao thông nông thôn", "Nội dung."), ("Tin cũ", "Giao thông.")];
        assert_eq!(search(&docs, "giao thông"), [1, 0, 2]);
    }

    #[test]
    fn every_word_must_match() {
        let docs = [("Tin", "giao thông"), ("Tin", "giao thông nông thôn")];
        assert_eq!(search(&docs, "giao thông nông thôn"), [1]);
        assert!(search(&docs, "xyz").is_empty());
    }

    #[test]
    fn any_query_shape_parses_safely() {
        assert!(Query::parse("").is_empty());
        assert!(Query::parse("!!! ??? ...").is_empty());
        assert!(Query::parse("🙂🙂").is_empty());
        assert_eq!(Query::parse("<img src=x onerror=alert(1)>").words.len(), 6);
        let long = "điều hành ".repeat(500);
        let q = Query::parse(&long);
        assert_eq!(q.words.len(), MAX_QUERY_WORDS);
    }

    #[test]
    fn long_lists_keep_titles_and_the_newest() {
        let mut builder = IndexBuilder::default();
        for n in 0..(MAX_POSTINGS as u32 + 100) {
            let title = if n == MAX_POSTINGS as u32 + 50 { "đường" } else { "tin" };
            builder.add(info(n), title, "đường");
        }
        let index = builder.finish();
        let shard = &index.shards[shard_of("duong", index.meta.shards) as usize];
        let docs: Vec<u32> = shard.term("duong").unwrap().postings().map(|(d, _)| d).collect();
        assert_eq!(docs.len(), MAX_POSTINGS);
        assert!(docs.contains(&(MAX_POSTINGS as u32 + 50)), "an old title match is kept");
        assert_eq!(docs[0], 0);
    }
}
