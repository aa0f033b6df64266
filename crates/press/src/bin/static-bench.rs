//! Second half of `cargo xtask bench static`: times two `post-build`
//! binaries (a baseline's and this tree's) writing the static pages of the
//! same published data — the sample site and generated corpora — and prints
//! this tree's time as a ratio to the baseline's, measured in the same run.
//!
//! usage: static-bench BASELINE_POST_BUILD CURRENT_POST_BUILD CONTENT_DIR TEMPLATE WORK_DIR COUNT...

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const RUNS: usize = 3;

/// Median wall time of `RUNS` runs of `binary` over `dist`.
fn time(binary: &Path, dist: &Path, content: &Path) -> f64 {
    let mut seconds: Vec<f64> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            let status = Command::new(binary)
                .args(["--dist".as_ref(), dist.as_os_str(), "--content".as_ref(), content.as_os_str()])
                .stderr(std::process::Stdio::null())
                .status()
                .unwrap_or_else(|e| panic!("{}: {e}", binary.display()));
            assert!(status.success(), "{} failed on {}", binary.display(), dist.display());
            started.elapsed().as_secs_f64()
        })
        .collect();
    seconds.sort_by(f64::total_cmp);
    seconds[RUNS / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [baseline, current, sample, template, work, counts @ ..] = args.as_slice() else {
        eprintln!("usage: static-bench BASELINE_POST_BUILD CURRENT_POST_BUILD CONTENT_DIR TEMPLATE WORK_DIR COUNT...");
        std::process::exit(2);
    };
    let work = PathBuf::from(work);
    let mut corpora = vec![("sample site".to_string(), PathBuf::from(sample))];
    for count in counts.iter().filter_map(|c| c.parse::<usize>().ok()) {
        let content = work.join(format!("content-{count}"));
        press::corpus::generate(&content, count).expect("writing the generated corpus");
        corpora.push((format!("{count} articles"), content));
    }
    println!("static pages: median of {RUNS} runs of post-build, baseline vs this tree, same data");
    println!("{:>16} {:>8} {:>12} {:>12} {:>8}", "corpus", "pages", "baseline s", "this tree s", "ratio");
    for (name, content) in corpora {
        let dist = work.join("dist");
        let _ = std::fs::remove_dir_all(&dist);
        std::fs::create_dir_all(&dist).expect("creating the work folder");
        std::fs::copy(template, dist.join("index.html")).expect("copying index.html");
        press::build(&content, &dist.join("data")).unwrap_or_else(|e| panic!("{name}: {e}"));
        // An article each, a category each, and home, Tin mới, Tìm kiếm, 404.
        let entries = |dir: &str| std::fs::read_dir(dist.join("data").join(dir)).map_or(0, |d| d.count());
        let pages = entries("articles") + entries("categories") + 4;
        let before = time(Path::new(baseline), &dist, &content);
        let after = time(Path::new(current), &dist, &content);
        println!("{name:>16} {pages:>8} {before:>12.3} {after:>12.3} {:>7.2}×", after / before);
    }
    let _ = std::fs::remove_dir_all(&work);
}
