//! First half of `cargo xtask bench search`: for each corpus size, generates
//! the articles, runs the press (which writes our search index) and writes
//! the same articles as plain HTML pages for Pagefind. The browser half
//! (tests/bench/search.mjs) indexes those with Pagefind and measures both.
//!
//! usage: search-bench DIR COUNT...

use std::path::Path;
use std::time::Instant;

fn dir_stats(dir: &Path) -> (u64, u64) {
    let (mut bytes, mut files) = (0, 0);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                bytes += entry.metadata().map(|m| m.len()).unwrap_or(0);
                files += 1;
            }
        }
    }
    (bytes, files)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let root = std::path::PathBuf::from(args.next().expect("usage: search-bench DIR COUNT..."));
    for count in args.filter_map(|a| a.parse::<usize>().ok()) {
        let corpus = root.join(count.to_string());
        let content = corpus.join("content");
        press::corpus::generate(&content, count).expect("writing the corpus");

        let started = Instant::now();
        press::build(&content, &corpus.join("data")).unwrap_or_else(|e| panic!("{e}"));
        let press_seconds = started.elapsed().as_secs_f64();

        // The same articles as static pages, for Pagefind to index.
        let html = corpus.join("html");
        let _ = std::fs::remove_dir_all(&html);
        let mut files: Vec<_> =
            std::fs::read_dir(content.join("articles")).unwrap().flatten().map(|e| e.path()).collect();
        files.sort();
        for file in files {
            let article: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
            let slug = file.file_stem().unwrap().to_str().unwrap();
            let body = press::render::markdown(article["body"].as_str().unwrap()).html;
            let page = format!(
                "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
                 <body><main data-pagefind-body><h1>{title}</h1><p>{sapo}</p>{body}</main></body></html>",
                title = article["title"].as_str().unwrap(),
                sapo = article["sapo"].as_str().unwrap(),
            );
            let dir = html.join("bai-viet").join(slug);
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join("index.html"), page).unwrap();
        }
        let (index_bytes, index_files) = dir_stats(&corpus.join("data/search"));
        let stats = serde_json::json!({
            "articles": count,
            "press_seconds": press_seconds,
            "index_bytes": index_bytes,
            "index_files": index_files,
        });
        std::fs::write(corpus.join("stats.json"), stats.to_string()).unwrap();
        let _ = std::fs::remove_dir_all(&content);
        eprintln!("search-bench: {count} articles prepared in {}", corpus.display());
    }
}
