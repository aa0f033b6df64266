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

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
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
    std::fs::write(dir.join("categories.json"), format!(r#"{{"categories":[{}]}}"#, categories.join(",")))?;
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

/// A photo as a phone takes it, made up: a mountain landscape (sky, ridges,
/// terraced fields, grain) at `width`×`height` as a JPEG of quality 92, with
/// an EXIF block holding the camera's `orientation` (1–8) and, if given, the
/// GPS position (latitude, longitude) where it was "taken". The sample
/// content's photos and the photo stage's tests are made with it.
pub fn camera_jpeg(width: u32, height: u32, seed: u64, orientation: u16, gps: Option<(f64, f64)>) -> Vec<u8> {
    let mut noise = Lcg(seed);
    let phase = (seed % 97) as f32 / 15.0;
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        let (u, v) = (x as f32 / width as f32, y as f32 / height as f32);
        let ridge = 0.35 + 0.08 * (u * 9.0 + phase).sin() + 0.05 * (u * 23.0 + phase * 2.0).sin();
        let far = 0.5 + 0.05 * (u * 5.0 - phase).sin();
        let grain = (noise.next_u64() % 24) as f32 - 12.0;
        let [r, g, b] = if v < ridge {
            [120.0 + 80.0 * v, 165.0 + 60.0 * v, 230.0 - 20.0 * v]
        } else if v < far {
            [70.0, 105.0 + 40.0 * (v - ridge), 90.0]
        } else {
            // Terraces: bands following the slope, ripening towards the bottom.
            let band = ((v * 40.0 + (u * 6.0 + phase).sin() * 1.5).fract() - 0.5).abs();
            let ripe = (v - far) / (1.0 - far);
            [90.0 + 130.0 * ripe - 40.0 * band, 140.0 + 40.0 * ripe - 50.0 * band, 50.0 - 20.0 * band]
        };
        let c = |value: f32| (value + grain).clamp(0.0, 255.0) as u8;
        image::Rgb([c(r), c(g), c(b)])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 92).encode_image(&image).expect("encoding to memory");
    // The EXIF block goes right after the start-of-image marker.
    let exif = exif_block(orientation, gps);
    let mut out = Vec::with_capacity(jpeg.len() + exif.len());
    out.extend_from_slice(&jpeg[..2]);
    out.extend_from_slice(&exif);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// An APP1 "Exif" segment (little-endian TIFF): IFD0 with Make, Orientation
/// and, with `gps`, a GPS IFD (version, latitude and longitude with their refs).
fn exif_block(orientation: u16, gps: Option<(f64, f64)>) -> Vec<u8> {
    const SHORT: u16 = 3;
    const LONG: u16 = 4;
    const ASCII: u16 = 2;
    const RATIONAL: u16 = 5;
    const BYTE: u16 = 1;
    let make = b"Son Van Camera\0";
    // Layout: header (8) | IFD0 | GPS IFD | data area.
    let ifd0_entries = if gps.is_some() { 3 } else { 2 };
    let ifd0_size = 2 + 12 * ifd0_entries + 4;
    let gps_at = 8 + ifd0_size;
    let gps_size = if gps.is_some() { 2 + 12 * 5 + 4 } else { 0 };
    let data_at = gps_at + gps_size;
    let mut data: Vec<u8> = Vec::new();
    let mut tiff: Vec<u8> = b"II\x2a\x00\x08\x00\x00\x00".to_vec();
    let entry = |tiff: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        tiff.extend_from_slice(&tag.to_le_bytes());
        tiff.extend_from_slice(&kind.to_le_bytes());
        tiff.extend_from_slice(&count.to_le_bytes());
        tiff.extend_from_slice(&value);
    };
    let offset = |data: &Vec<u8>| ((data_at + data.len()) as u32).to_le_bytes();
    tiff.extend_from_slice(&(ifd0_entries as u16).to_le_bytes());
    entry(&mut tiff, 0x010f, ASCII, make.len() as u32, offset(&data));
    data.extend_from_slice(make);
    let mut orientation_value = [0u8; 4];
    orientation_value[..2].copy_from_slice(&orientation.to_le_bytes());
    entry(&mut tiff, 0x0112, SHORT, 1, orientation_value);
    if gps.is_some() {
        entry(&mut tiff, 0x8825, LONG, 1, (gps_at as u32).to_le_bytes());
    }
    tiff.extend_from_slice(&0u32.to_le_bytes());
    if let Some((latitude, longitude)) = gps {
        let degrees = |data: &mut Vec<u8>, value: f64| {
            let value = value.abs();
            let (d, m) = (value.trunc(), (value.fract() * 60.0));
            let s = (m.fract() * 60.0 * 100.0).round();
            for (numerator, denominator) in [(d as u32, 1u32), (m.trunc() as u32, 1), (s as u32, 100)] {
                data.extend_from_slice(&numerator.to_le_bytes());
                data.extend_from_slice(&denominator.to_le_bytes());
            }
        };
        tiff.extend_from_slice(&5u16.to_le_bytes());
        entry(&mut tiff, 0x0000, BYTE, 4, [2, 2, 0, 0]);
        entry(&mut tiff, 0x0001, ASCII, 2, [if latitude >= 0.0 { b'N' } else { b'S' }, 0, 0, 0]);
        entry(&mut tiff, 0x0002, RATIONAL, 3, offset(&data));
        degrees(&mut data, latitude);
        entry(&mut tiff, 0x0003, ASCII, 2, [if longitude >= 0.0 { b'E' } else { b'W' }, 0, 0, 0]);
        entry(&mut tiff, 0x0004, RATIONAL, 3, offset(&data));
        degrees(&mut data, longitude);
        tiff.extend_from_slice(&0u32.to_le_bytes());
    }
    tiff.extend_from_slice(&data);
    let mut segment = vec![0xff, 0xe1];
    segment.extend_from_slice(&((2 + 6 + tiff.len()) as u16).to_be_bytes());
    segment.extend_from_slice(b"Exif\0\0");
    segment.extend_from_slice(&tiff);
    segment
}

/// Writes `count` documents over ten years (2017–2026) with their lists
/// into `dir` (beside what [`generate`] wrote): 8 kinds, 6 issuers, 10
/// fields (one or two each), summaries from the same words as the articles.
/// Their files are named but not written: the benchmark builds without
/// `public/`, so they are not looked for.
pub fn generate_documents(dir: &Path, count: usize) -> std::io::Result<()> {
    const KINDS: &[(&str, &str, &str)] = &[
        ("quyet-dinh", "Quyết định", "QĐ"),
        ("chi-thi", "Chỉ thị", "CT"),
        ("cong-van", "Công văn", "CV"),
        ("ke-hoach", "Kế hoạch", "KH"),
        ("thong-bao", "Thông báo", "TB"),
        ("nghi-quyet", "Nghị quyết", "NQ"),
        ("bao-cao", "Báo cáo", "BC"),
        ("to-trinh", "Tờ trình", "TTr"),
    ];
    const ISSUERS: &[(&str, &str, &str)] = &[
        ("ubnd-tinh", "Ủy ban nhân dân tỉnh", "UBND"),
        ("hdnd-tinh", "Hội đồng nhân dân tỉnh", "HĐND"),
        ("van-phong", "Văn phòng UBND tỉnh", "VP"),
        ("so-tai-chinh", "Sở Tài chính", "STC"),
        ("so-xay-dung", "Sở Xây dựng", "SXD"),
        ("so-y-te", "Sở Y tế", "SYT"),
    ];
    let fields: Vec<String> = (0..10).map(|i| format!("linh-vuc-{i}")).collect();
    let term = |slug: &str, name: &str| serde_json::json!({"slug": slug, "name": name});
    let lists = serde_json::json!({
        "kinds": KINDS.iter().map(|(slug, name, _)| term(slug, name)).collect::<Vec<_>>(),
        "issuers": ISSUERS.iter().map(|(slug, name, _)| term(slug, name)).collect::<Vec<_>>(),
        "fields": fields.iter().enumerate().map(|(i, slug)| term(slug, &format!("Lĩnh vực {i}"))).collect::<Vec<_>>(),
    });
    std::fs::write(dir.join("documents.json"), lists.to_string())?;
    let documents = dir.join("documents");
    let _ = std::fs::remove_dir_all(&documents);
    std::fs::create_dir_all(&documents)?;
    let mut rng = Lcg(7);
    let per_year = count.div_ceil(10);
    for i in 0..count {
        let (year, serial) = (2017 + i / per_year, i % per_year + 1);
        let (kind, _, abbreviation) = KINDS[(rng.next_u64() as usize) % KINDS.len()];
        let (issuer, _, symbol) = ISSUERS[(rng.next_u64() as usize) % ISSUERS.len()];
        let day = 1 + serial * 335 / per_year;
        let date = format!("{year}-{:02}-{:02}", (day - 1) / 28 + 1, (day - 1) % 28 + 1);
        let mut chosen = vec![fields[(rng.next_u64() as usize) % fields.len()].clone()];
        let second = fields[(rng.next_u64() as usize) % fields.len()].clone();
        if rng.next_u64().is_multiple_of(3) && second != chosen[0] {
            chosen.push(second);
        }
        let slug = format!("{serial}-{}-{}-{year}", abbreviation.to_lowercase(), i);
        let document = serde_json::json!({
            "number": format!("{serial}/{abbreviation}-{symbol}"),
            "kind": kind,
            "issuer": issuer,
            "signer": "Phó Chủ tịch Lò Văn Tiến",
            "issued": date,
            "effective": date,
            "summary": format!("Về việc {}", rng.sentence(12).trim_end_matches('.').to_lowercase()),
            "fields": chosen,
            "status": "con-hieu-luc",
            "files": [format!("/van-ban/{year}/{slug}.pdf")],
        });
        std::fs::write(documents.join(format!("{}.json", slug.replace(['đ', 'Đ'], "d"))), document.to_string())?;
    }
    Ok(())
}
