//! Generated Vietnamese articles for the benchmarks: a realistic mix of
//! common two-syllable words (drawn with a skewed, Zipf-like frequency) and
//! single syllables, with marks, so the search index meets real-looking text.

use std::fmt::Write as _;
use std::path::Path;

/// Common words of administrative news (two syllables mostly).
const WORDS: &[&str] = &[
    "phát triển",
    "kinh tế",
    "xã hội",
    "nhân dân",
    "chính quyền",
    "giao thông",
    "nông thôn",
    "điều hành",
    "chỉ đạo",
    "thực hiện",
    "kế hoạch",
    "nhiệm vụ",
    "địa phương",
    "cán bộ",
    "công chức",
    "hành chính",
    "cải cách",
    "chuyển đổi",
    "số hóa",
    "dịch vụ",
    "trực tuyến",
    "hồ sơ",
    "thủ tục",
    "giải quyết",
    "đầu tư",
    "công trình",
    "xây dựng",
    "dự án",
    "tiến độ",
    "giải ngân",
    "ngân sách",
    "tài chính",
    "nông nghiệp",
    "sản xuất",
    "hợp tác",
    "doanh nghiệp",
    "thị trường",
    "sản phẩm",
    "chất lượng",
    "hàng hóa",
    "giáo dục",
    "học sinh",
    "giáo viên",
    "trường học",
    "y tế",
    "bệnh viện",
    "sức khỏe",
    "bảo hiểm",
    "văn hóa",
    "lễ hội",
    "du lịch",
    "truyền thống",
    "dân tộc",
    "bản làng",
    "đồng bào",
    "vùng cao",
    "biên giới",
    "an ninh",
    "trật tự",
    "quốc phòng",
    "thiên tai",
    "mưa lũ",
    "sạt lở",
    "khắc phục",
    "môi trường",
    "rừng phòng hộ",
    "tài nguyên",
    "đất đai",
    "quy hoạch",
    "đô thị",
    "hạ tầng",
    "điện lưới",
    "nước sạch",
    "nhà ở",
    "an sinh",
    "hộ nghèo",
    "chính sách",
    "hỗ trợ",
    "người dân",
    "cử tri",
    "hội đồng",
    "ủy ban",
    "Đảng ủy",
    "mặt trận",
    "đoàn thể",
    "thanh niên",
    "phụ nữ",
    "cựu chiến binh",
    "hội nghị",
    "tổng kết",
    "sơ kết",
    "triển khai",
    "kiểm tra",
    "giám sát",
    "đánh giá",
    "báo cáo",
    "tỉnh",
    "xã",
    "phường",
    "thôn",
    "bản",
    "huyện",
    "đường",
    "cầu",
    "chợ",
    "trạm",
    "năm",
    "tháng",
    "ngày",
    "mới",
    "lớn",
    "nhiều",
    "các",
    "những",
    "được",
    "đã",
    "sẽ",
    "đang",
    "cho",
    "với",
    "trong",
    "tại",
    "của",
    "và",
    "là",
    "có",
    "không",
    "này",
    "đó",
    "theo",
    "từ",
    "đến",
    "về",
    "một",
    "hai",
    "ba",
    "mười",
    "Đà Nẵng",
    "Hà Nội",
    "Sơn Vân",
    "Dương",
    "Hoàng Liên",
    "Nậm Khoa",
    "Bản Mây",
    "Phong Lĩnh",
    "chè",
    "quế",
    "lúa",
    "ngô",
    "mật ong",
    "thổ cẩm",
    "cà phê",
    "dược liệu",
    "chăn nuôi",
    "thủy sản",
];

/// A small deterministic generator, so every run measures the same corpus.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// Skewed towards the start of the list, as word frequencies are.
    fn word(&mut self) -> &'static str {
        let u = (self.next_u64() % 1_000_000) as f64 / 1_000_000.0;
        WORDS[((u * u * u) * WORDS.len() as f64) as usize % WORDS.len()]
    }

    pub fn sentence(&mut self, words: usize) -> String {
        let mut text = String::new();
        for i in 0..words {
            let word = self.word();
            if i == 0 {
                let mut chars = word.chars();
                let first = chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
                text.push_str(&first);
                text.push_str(chars.as_str());
            } else {
                text.push(' ');
                text.push_str(word);
            }
        }
        text.push('.');
        text
    }
}

pub const CATEGORIES: &[&str] = &["tin-tuc", "dia-phuong", "chi-dao", "kinh-te", "van-hoa", "cai-cach", "thong-bao"];

/// Writes `count` articles (6 paragraphs of 4 sentences, a figure, a cover)
/// with site.json and categories.json into `dir`.
pub fn generate(dir: &Path, count: usize) -> std::io::Result<()> {
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
                let words = 8 + (rng.next_u64() % 8) as usize;
                let _ = write!(body, "{} ", rng.sentence(words));
            }
            body.push_str("\n\n");
        }
        // Spread over the years, minutes apart.
        let minutes = (i as i64) * 13;
        let (day, minute) = (minutes / (24 * 60), minute_of(minutes));
        let title_words = 6 + (rng.next_u64() % 5) as usize;
        let title = rng.sentence(title_words);
        let article = serde_json::json!({
            "slug": slug,
            "title": title.trim_end_matches('.'),
            "sapo": rng.sentence(25),
            "category": CATEGORIES[(rng.next_u64() as usize) % CATEGORIES.len()],
            "published": format!("{}T{:02}:{:02}:00+07:00", date_of(day), minute / 60, minute % 60),
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

fn minute_of(minutes: i64) -> i64 {
    minutes % (24 * 60)
}

/// 2000-01-01 plus `day` days in a 336-day calendar (12 × 28) that is always valid.
fn date_of(day: i64) -> String {
    let (year, rest) = (2000 + day / 336, day % 336);
    format!("{year}-{:02}-{:02}", rest / 28 + 1, rest % 28 + 1)
}
