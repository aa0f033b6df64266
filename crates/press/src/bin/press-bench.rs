//! `cargo xtask bench press [COUNTS…]`: builds generated corpora of 1k, 10k
//! and 100k articles and prints articles/s, with the cost per article as a
//! ratio to the smallest corpus measured in the same run (flat = 1.00×).

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

const SYLLABLES: &[&str] = &[
    "người", "dân", "tỉnh", "xã", "bản", "đường", "giao", "thông", "ruộng", "bậc", "thang", "chè", "quế", "rừng",
    "phòng", "hộ", "trường", "học", "trạm", "y", "tế", "hội", "nghị", "điều", "hành", "chỉ", "đạo", "kinh", "tế",
    "văn", "hóa", "lễ", "hội", "mùa", "vụ", "nông", "nghiệp", "hợp", "tác", "cải", "cách", "thủ", "tục", "số",
    "hóa", "đầu", "tư", "công", "trình", "cầu", "treo", "nước", "sạch", "điện", "lưới", "du", "lịch", "Đảng", "ủy",
];
const CATEGORIES: &[&str] = &["tin-tuc", "dia-phuong", "chi-dao", "kinh-te", "van-hoa", "cai-cach", "thong-bao"];

/// A small deterministic generator, so every run measures the same corpus.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() as usize) % items.len()]
    }
    fn sentence(&mut self, words: usize) -> String {
        let mut text = String::new();
        for i in 0..words {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(self.pick(SYLLABLES));
        }
        text.push('.');
        text
    }
}

fn generate(dir: &Path, count: usize) -> std::io::Result<()> {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir.join("articles"))?;
    std::fs::write(
        dir.join("site.json"),
        r#"{"name":"Văn phòng UBND tỉnh","tagline":"Cổng thông tin điện tử","address":"Số 8","phone":"0214","email":"vp@example.org","login_url":"https://example.org/","menu":[{"label":"Trang chủ","href":"/"}]}"#,
    )?;
    let categories: Vec<String> = CATEGORIES
        .iter()
        .enumerate()
        .map(|(i, slug)| format!(r#"{{"slug":"{slug}","name":"Chuyên mục {i}","order":{i}}}"#))
        .collect();
    std::fs::write(dir.join("categories.json"), format!("[{}]", categories.join(",")))?;
    let mut rng = Lcg(42);
    for i in 0..count {
        let slug = format!("bai-viet-{i}");
        let mut body = String::new();
        for paragraph in 0..6 {
            if paragraph == 3 {
                body.push_str("![Ruộng bậc thang](/media/ruong-bac-thang.svg \"Ruộng bậc thang mùa lúa chín\")\n\n");
            }
            for _ in 0..4 {
                let _ = write!(body, "{} ", rng.sentence(18));
            }
            body.push_str("\n\n");
        }
        // Spread over about three years, minutes apart.
        let minutes = (i as i64) * 13;
        let (day, minute) = (minutes / (24 * 60), minutes % (24 * 60));
        let date = jiff_free_date(day);
        let article = serde_json::json!({
            "slug": slug,
            "title": rng.sentence(10),
            "sapo": rng.sentence(30),
            "category": rng.pick(CATEGORIES),
            "published": format!("{date}T{:02}:{:02}:00+07:00", minute / 60, minute % 60),
            "author": "Phóng viên",
            "cover": {"src": "/media/doi-che.svg", "alt": "Đồi chè", "caption": "Đồi chè"},
            "body": body,
            "tags": ["bench"],
            "featured": i % 97 == 0,
        });
        std::fs::write(dir.join("articles").join(format!("{slug}.json")), article.to_string())?;
    }
    Ok(())
}

/// 2020-01-01 plus `day` days, in a 360-day calendar that stays valid.
fn jiff_free_date(day: i64) -> String {
    let (year, rest) = (2020 + day / 336, day % 336);
    format!("{year}-{:02}-{:02}", rest / 28 + 1, rest % 28 + 1)
}

fn main() {
    let counts: Vec<usize> = {
        let given: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
        if given.is_empty() { vec![1_000, 10_000, 100_000] } else { given }
    };
    let work = std::env::temp_dir().join(format!("press-bench-{}", std::process::id()));
    println!("press benchmark: generated Vietnamese articles (6 paragraphs of ~430 syllables, one figure, a cover each)");
    println!("{:>9} {:>10} {:>10} {:>12} {:>14} {:>16}", "articles", "files", "build s", "articles/s", "µs/article", "vs smallest");
    let mut baseline = None;
    for count in counts {
        let content = work.join(format!("content-{count}"));
        let out = work.join(format!("out-{count}/data"));
        generate(&content, count).expect("writing the generated corpus");
        let started = Instant::now();
        let report = press::build(&content, &out).unwrap_or_else(|e| panic!("press failed on the generated corpus: {e}"));
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
