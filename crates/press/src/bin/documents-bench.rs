//! `cargo xtask bench documents`: what a reader downloads for a filtered
//! page of the documents' listing and for a lookup by number, with 20,000
//! generated documents, against the whole listing's data (what a client-side
//! filter would have to fetch); and the press's time with them against the
//! same site without them, measured in the same run.

use std::io::Write as _;
use std::path::Path;
use std::time::Instant;

fn gzip(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap().len()
}

fn timed(content: &Path, out: &Path) -> f64 {
    let start = Instant::now();
    press::build(content, out).unwrap_or_else(|e| panic!("{e}"));
    start.elapsed().as_secs_f64()
}

/// What the app fetches for `address`: the press's page drawn as the
/// fragment the press writes (`data/fragments/….json`).
fn fragment(out: &Path, address: &str) -> String {
    let file = out.join(&model::paths::page_fragment(address)["/data/".len()..]);
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    serde_json::from_str::<model::Fragment>(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display())).html
}

fn main() {
    let count: usize = std::env::args().nth(1).map(|n| n.parse().expect("a number of documents")).unwrap_or(20_000);
    let work = Path::new("target/bench-documents");
    let content = work.join("content");
    press::corpus::generate(&content, 200).unwrap();
    let (bare, full) = (work.join("bare/data"), work.join("full/data"));
    let _ = std::fs::remove_dir_all(content.join("documents"));
    let _ = std::fs::remove_file(content.join("documents.json"));
    let baseline = timed(&content, &bare);
    press::corpus::generate_documents(&content, count).unwrap();
    // A number that exists, typed loosely: "15/QĐ-UBND" as "15 qđ ubnd".
    let mut numbers: Vec<String> = std::fs::read_dir(content.join("documents"))
        .unwrap()
        .map(|entry| {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            serde_json::from_str::<serde_json::Value>(&text).unwrap()["number"].as_str().unwrap().to_string()
        })
        .collect();
    numbers.sort();
    let number = numbers.iter().find(|n| n.ends_with("/QĐ-UBND")).expect("a decision of the committee").clone();
    let loose = number.replace(['/', '-'], " ").to_lowercase();
    let with_documents = timed(&content, &full);

    // Everything a listing shows of every document, as one file: what a
    // listing filtered in the browser would download first.
    let pages_dir = full.join("pages/van-ban");
    let mut archive = String::new();
    let mut files = 0usize;
    let mut bytes = 0u64;
    for entry in std::fs::read_dir(&pages_dir).unwrap() {
        let path = entry.unwrap().path();
        files += 1;
        bytes += std::fs::metadata(&path).unwrap().len();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".json") {
            let page: model::Page = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            archive.push_str(&page.title);
            archive.push('\t');
            archive.push_str(&page.description);
            archive.push('\n');
        }
    }
    let archive_gzip = gzip(archive.as_bytes());
    println!("bench documents: {count} generated documents (2017–2026, 8 kinds, 6 issuers, 10 fields)");
    println!("  baseline, the whole listing's rows as one file: {} bytes, {archive_gzip} gzip", archive.len());
    for (what, address) in [
        ("listing, first page", "/van-ban"),
        ("filtered: kind + issuer + year", "/van-ban?loai=quyet-dinh&co-quan=ubnd-tinh&nam=2024"),
        ("filtered: field + year, page 2", "/van-ban?linh-vuc=linh-vuc-3&nam=2025&trang=2"),
        (
            "number lookup, typed loosely",
            &model::paths::page_address("/van-ban", |k| (k == "so").then(|| loose.clone())),
        ),
        (
            "number lookup, digits only",
            &model::paths::page_address("/van-ban", |k| {
                (k == "so").then(|| number.split('/').next().unwrap().to_string())
            }),
        ),
    ] {
        let html = fragment(&full, address);
        let zipped = gzip(html.as_bytes());
        println!(
            "  {what:<34} {address}\n  {:<34} {:>7} bytes, {zipped:>6} gzip = {:.4}× the baseline (target ≤ 60 KB: {})",
            "",
            html.len(),
            zipped as f64 / archive_gzip as f64,
            if zipped <= 60 * 1024 { "met" } else { "NOT met" }
        );
    }
    println!(
        "  press: {with_documents:.2} s with the documents vs {baseline:.2} s without (200 articles) = {:.2}×",
        with_documents / baseline
    );
    println!(
        "  written for the documents: {files} files, {:.1} MB (the pages the app inserts, and JSON of each document for its static copy)",
        bytes as f64 / 1e6
    );
}
