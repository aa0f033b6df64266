//! `cargo xtask bench press [COUNTS…]`: builds generated corpora of 1k, 10k
//! and 100k articles and prints articles/s, with the cost per article as a
//! ratio to the smallest corpus measured in the same run (flat = 1.00×).

use std::time::Instant;

use press::corpus::generate;

fn main() {
    let counts: Vec<usize> = {
        let given: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
        if given.is_empty() { vec![1_000, 10_000, 100_000] } else { given }
    };
    let work = std::env::temp_dir().join(format!("press-bench-{}", std::process::id()));
    println!("press benchmark: generated Vietnamese articles (6 paragraphs of 4 sentences, one figure, a cover each)");
    println!(
        "{:>9} {:>10} {:>10} {:>12} {:>14} {:>16}",
        "articles", "files", "build s", "articles/s", "µs/article", "vs smallest"
    );
    let mut baseline = None;
    for count in counts {
        let content = work.join(format!("content-{count}"));
        let out = work.join(format!("out-{count}/data"));
        generate(&content, count).expect("writing the generated corpus");
        let started = Instant::now();
        let report =
            press::build(&content, &out).unwrap_or_else(|e| panic!("press failed on the generated corpus: {e}"));
        let seconds = started.elapsed().as_secs_f64();
        let per_article = seconds * 1e6 / count as f64;
        let base = *baseline.get_or_insert(per_article);
        println!(
            "{count:>9} {:>10} {seconds:>10.2} {:>12.0} {per_article:>14.1} {:>15.2}×",
            report.files,
            count as f64 / seconds,
            per_article / base
        );
        let _ = std::fs::remove_dir_all(&content);
        let _ = std::fs::remove_dir_all(work.join(format!("out-{count}")));
    }
    let _ = std::fs::remove_dir_all(&work);
}
