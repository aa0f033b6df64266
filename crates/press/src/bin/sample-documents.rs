//! Writes the sample documents and work schedule: `content/documents.json`,
//! `content/documents/*.json` with their PDFs in `public/van-ban/`, and
//! `content/schedule/*.json`. The text is made up for the sample province
//! of Sơn Vân; run once, the output is committed.
//!
//! `cargo run -p press --bin sample-documents -- [ROOT] [--font DejaVuSerif.ttf]`

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use model::paths::query_value;
use model::{Day, IsoWeek};
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};
use serde_json::json;

const PROVINCE: &str = "Sơn Vân";

/// (slug, name, abbreviation in the number, issuer).
const KINDS: &[(&str, &str, &str)] = &[
    ("quyet-dinh", "Quyết định", "QĐ"),
    ("chi-thi", "Chỉ thị", "CT"),
    ("cong-van", "Công văn", ""),
    ("ke-hoach", "Kế hoạch", "KH"),
    ("thong-bao", "Thông báo", "TB"),
    ("nghi-quyet", "Nghị quyết", "NQ"),
    ("bao-cao", "Báo cáo", "BC"),
];

/// (slug, name, symbol in the number, signer).
const ISSUERS: &[(&str, &str, &str, &str)] = &[
    ("ubnd-tinh", "Ủy ban nhân dân tỉnh", "UBND", "Chủ tịch Nông Đức Thành"),
    ("hdnd-tinh", "Hội đồng nhân dân tỉnh", "HĐND", "Chủ tịch HĐND Triệu Minh Quang"),
    ("van-phong-ubnd", "Văn phòng UBND tỉnh", "VP", "Chánh Văn phòng Hoàng Văn Khánh"),
    ("so-nong-nghiep-moi-truong", "Sở Nông nghiệp và Môi trường", "SNNMT", "Giám đốc Lục Văn Bình"),
    ("so-xay-dung", "Sở Xây dựng", "SXD", "Giám đốc Đinh Thị Hạnh"),
];

const DEPUTIES: &[&str] = &["Phó Chủ tịch Sầm Thị Hương", "Phó Chủ tịch Lò Văn Tiến"];

/// (slug, name, symbol of the office that drafts, subjects).
const FIELDS: &[(&str, &str, &str, &[&str])] = &[
    (
        "giao-thong-xay-dung",
        "Giao thông - Xây dựng",
        "KT",
        &[
            "đầu tư xây dựng cầu treo dân sinh tại các xã vùng cao",
            "bảo đảm giao thông trên các tuyến đường tỉnh mùa mưa lũ",
            "sửa chữa, nâng cấp đường giao thông nông thôn năm {year}",
            "quản lý chất lượng công trình xây dựng trên địa bàn tỉnh",
        ],
    ),
    (
        "nong-nghiep",
        "Nông nghiệp - Nông thôn",
        "NN",
        &[
            "phát triển vùng chè Shan tuyết gắn với chế biến sâu",
            "phòng, chống dịch bệnh trên đàn gia súc vụ đông xuân",
            "hỗ trợ giống lúa, ngô cho hộ nghèo bị ảnh hưởng thiên tai",
            "xây dựng nông thôn mới nâng cao giai đoạn 2026 - 2030",
        ],
    ),
    (
        "giao-duc",
        "Giáo dục - Đào tạo",
        "VX",
        &[
            "tổ chức năm học {year} - {next} cho học sinh bán trú",
            "kiên cố hóa phòng học tại các điểm trường lẻ",
            "tuyển dụng giáo viên mầm non cho các huyện vùng cao",
        ],
    ),
    (
        "y-te",
        "Y tế",
        "VX",
        &[
            "tiêm chủng mở rộng cho trẻ em tại các bản vùng sâu",
            "nâng cao chất lượng khám chữa bệnh tuyến xã",
            "bảo đảm an toàn thực phẩm dịp Tết Nguyên đán",
        ],
    ),
    (
        "tai-chinh",
        "Tài chính - Ngân sách",
        "TH",
        &[
            "giao dự toán thu, chi ngân sách địa phương năm {year}",
            "đẩy nhanh tiến độ giải ngân vốn đầu tư công năm {year}",
            "thực hành tiết kiệm, chống lãng phí trong chi thường xuyên",
        ],
    ),
    (
        "cai-cach-hanh-chinh",
        "Cải cách hành chính",
        "KSTT",
        &[
            "công bố danh mục thủ tục hành chính thực hiện trực tuyến toàn trình",
            "nâng cao chỉ số hài lòng của người dân đối với dịch vụ hành chính công",
            "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        ],
    ),
    (
        "tai-nguyen-moi-truong",
        "Tài nguyên - Môi trường",
        "NN",
        &[
            "phòng, chống sạt lở đất và lũ quét mùa mưa năm {year}",
            "bảo vệ và phát triển rừng phòng hộ đầu nguồn",
            "quản lý chất thải rắn sinh hoạt tại các thị trấn",
        ],
    ),
    (
        "van-hoa-du-lich",
        "Văn hóa - Du lịch",
        "VX",
        &[
            "tổ chức Lễ hội hoa đào vùng cao năm {year}",
            "bảo tồn nghề dệt thổ cẩm của đồng bào các dân tộc",
            "phát triển du lịch cộng đồng tại các bản văn hóa",
        ],
    ),
];

/// What a kind's summary begins with.
fn lead(kind: &str) -> &'static str {
    match kind {
        "quyet-dinh" => "Về việc phê duyệt đề án",
        "chi-thi" => "Về việc tăng cường",
        "cong-van" => "Về việc triển khai",
        "ke-hoach" => "Kế hoạch thực hiện",
        "thong-bao" => "Thông báo kết luận của lãnh đạo về",
        "nghi-quyet" => "Quy định chính sách hỗ trợ",
        _ => "Báo cáo kết quả",
    }
}

struct Sample {
    slug: String,
    number: String,
    kind: usize,
    issuer: usize,
    signer: String,
    issued: Day,
    effective: Day,
    expires: Option<Day>,
    summary: String,
    fields: Vec<usize>,
    status: &'static str,
    replaced_by: Option<String>,
}

fn samples() -> Vec<Sample> {
    let mut random = press::corpus::Lcg(2026);
    let start = Day::parse("2024-01-08").unwrap();
    let end = Day::parse("2026-11-26").unwrap();
    let span = {
        let mut days = 0;
        while start.add_days(days) < end {
            days += 1;
        }
        days
    };
    let count = 66;
    let mut samples: Vec<Sample> = Vec::new();
    let mut numbers: std::collections::HashMap<(i32, usize), u32> = std::collections::HashMap::new();
    for i in 0..count {
        let mut issued = start.add_days(span * i as i64 / count as i64 + random.below(9) as i64);
        while issued.weekday_from_monday() >= 5 {
            issued = issued.add_days(1);
        }
        let kind = i % KINDS.len();
        let (kind_slug, _, abbreviation) = KINDS[kind];
        let issuer = match kind_slug {
            "nghi-quyet" => 1,
            "quyet-dinh" | "chi-thi" => 0,
            "thong-bao" => 2,
            _ => [0, 0, 3, 4][random.below(4)],
        };
        let field = match issuer {
            3 => [1, 6][random.below(2)],
            4 => 0,
            _ => random.below(FIELDS.len()),
        };
        let mut fields = vec![field];
        if random.below(4) == 0 {
            let other = (field + 1 + random.below(FIELDS.len() - 1)) % FIELDS.len();
            fields.push(other);
        }
        let year = issued.ymd().0;
        let serial = numbers.entry((year, issuer)).or_insert(10 + random.below(40) as u32);
        *serial += 20 + random.below(160) as u32;
        let (_, _, symbol, head) = ISSUERS[issuer];
        let number = match (kind_slug, issuer) {
            ("nghi-quyet", _) => format!("{}/{year}/NQ-HĐND", *serial / 20),
            ("cong-van", 0) => format!("{serial}/UBND-{}", FIELDS[field].2),
            ("cong-van", _) => format!("{serial}/{symbol}-{}", FIELDS[field].2),
            ("quyet-dinh", _) if random.below(3) == 0 => format!("{}/{year}/QĐ-UBND", *serial / 10),
            _ => format!("{serial}/{abbreviation}-{symbol}"),
        };
        let subjects = FIELDS[field].3;
        let subject = subjects[random.below(subjects.len())]
            .replace("{year}", &year.to_string())
            .replace("{next}", &(year + 1).to_string());
        let summary = format!("{} {subject}", lead(kind_slug));
        let signer = match issuer {
            0 if random.below(3) > 0 => DEPUTIES[random.below(DEPUTIES.len())].to_string(),
            _ => head.to_string(),
        };
        let effective = if kind_slug == "nghi-quyet" { issued.add_days(10) } else { issued };
        let folded = query_value(&number);
        let slug = if number.contains(&format!("/{year}/")) { folded } else { format!("{folded}-{year}") };
        samples.push(Sample {
            slug,
            number,
            kind,
            issuer,
            signer,
            issued,
            effective,
            expires: None,
            summary,
            fields,
            status: "con-hieu-luc",
            replaced_by: None,
        });
    }
    // Some have run out, some were replaced by a later one of the same kind.
    let today = Day::parse("2026-11-28").unwrap();
    for i in 0..samples.len() {
        let kind = samples[i].kind;
        if KINDS[kind].0 == "ke-hoach" || KINDS[kind].0 == "thong-bao" {
            let expires = samples[i].effective.add_days(365);
            if expires < today {
                samples[i].expires = Some(expires);
                samples[i].status = "het-hieu-luc";
            }
        } else if KINDS[kind].0 == "quyet-dinh" && i % 3 == 0 {
            let later = (i + 1..samples.len())
                .find(|&j| samples[j].kind == kind && samples[j].issued.ymd().0 > samples[i].issued.ymd().0);
            if let Some(j) = later {
                samples[i].status = "bi-thay-the";
                samples[i].replaced_by = Some(samples[j].slug.clone());
                samples[i].expires = Some(samples[j].effective);
            }
        }
    }
    samples
}

fn body(sample: &Sample) -> Vec<(f32, bool, String)> {
    let (_, kind_name, _) = KINDS[sample.kind];
    let (_, issuer_name, _, _) = ISSUERS[sample.issuer];
    let (year, month, day) = sample.issued.ymd();
    let field_names: Vec<&str> = sample.fields.iter().map(|&f| FIELDS[f].1).collect();
    let mut lines = vec![
        (11.0, false, {
            let name = issuer_name.to_uppercase();
            let province = PROVINCE.to_uppercase();
            if name.ends_with("TỈNH") { format!("{name} {province}") } else { format!("{name} TỈNH {province}") }
        }),
        (11.0, false, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc".to_string()),
        (11.0, false, format!("Số: {}", sample.number)),
        (11.0, false, format!("{PROVINCE}, ngày {day} tháng {month} năm {year}")),
        (6.0, false, String::new()),
        (15.0, true, kind_name.to_uppercase()),
        (12.0, true, sample.summary.clone()),
        (6.0, false, String::new()),
    ];
    let paragraphs = [
        format!(
            "Căn cứ chức năng, nhiệm vụ được giao và tình hình thực tế của địa phương trong lĩnh vực {};",
            field_names.join(", ").to_lowercase()
        ),
        "Xét đề nghị của các cơ quan chuyên môn và ý kiến thống nhất của các thành viên,".to_string(),
        format!(
            "{} yêu cầu các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố và các đơn vị liên quan \
             tổ chức thực hiện nghiêm các nội dung {}; định kỳ hằng quý báo cáo kết quả về Văn phòng \
             Ủy ban nhân dân tỉnh để tổng hợp.",
            issuer_name,
            sample.summary.to_lowercase()
        ),
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị kịp thời phản ánh để được \
         hướng dẫn, giải quyết theo thẩm quyền."
            .to_string(),
        format!("Văn bản này có hiệu lực kể từ ngày {}.", sample.effective.date()),
    ];
    for paragraph in paragraphs {
        lines.push((12.0, false, paragraph));
        lines.push((4.0, false, String::new()));
    }
    lines.push((12.0, false, format!("TM. {}", issuer_name.to_uppercase())));
    lines.push((12.0, false, sample.signer.clone()));
    lines.push((6.0, false, String::new()));
    lines.push((
        9.0,
        false,
        format!("Văn bản mẫu của cổng thông tin tỉnh {PROVINCE} (tỉnh giả định), chỉ để minh họa."),
    ));
    lines
}

/// A one-page A4 PDF of `lines` (size, centred, text), wrapped to the
/// page, with the glyphs it uses of `font` embedded.
fn pdf(font: &[u8], lines: &[(f32, bool, String)]) -> Vec<u8> {
    let face = ttf_parser::Face::parse(font, 0).expect("a TrueType font");
    let units = f32::from(face.units_per_em());
    let advance = |c: char| -> (u16, f32) {
        let glyph = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        (glyph.0, f32::from(face.glyph_hor_advance(glyph).unwrap_or(0)) / units)
    };
    let (width, height, margin) = (595.0, 842.0, 62.0);
    let mut remapper = subsetter::GlyphRemapper::new();
    let mut used: Vec<(u16, char)> = Vec::new();
    let mut content = Content::new();
    let mut y = height - margin;
    for (size, centred, text) in lines {
        // Wrap at spaces to the text width.
        let mut rows: Vec<String> = vec![String::new()];
        for word in text.split(' ') {
            let candidate = if rows.last().unwrap().is_empty() {
                word.to_string()
            } else {
                format!("{} {word}", rows.last().unwrap())
            };
            let measured: f32 = candidate.chars().map(|c| advance(c).1 * size).sum();
            if measured > width - 2.0 * margin && !rows.last().unwrap().is_empty() {
                rows.push(word.to_string());
            } else {
                *rows.last_mut().unwrap() = candidate;
            }
        }
        for row in rows {
            y -= size * 1.45;
            let measured: f32 = row.chars().map(|c| advance(c).1 * size).sum();
            let x = if *centred { (width - measured) / 2.0 } else { margin };
            let mut encoded = Vec::new();
            for c in row.chars() {
                let (glyph, _) = advance(c);
                let new = remapper.remap(glyph);
                if !used.iter().any(|(g, _)| *g == new) {
                    used.push((new, c));
                }
                encoded.extend_from_slice(&new.to_be_bytes());
            }
            content.begin_text();
            content.set_font(Name(b"F1"), *size);
            content.next_line(x, y);
            content.show(Str(&encoded));
            content.end_text();
        }
    }
    let subset = subsetter::subset(font, 0, &remapper).expect("the font can be subset");
    let deflate = |bytes: &[u8]| {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    };
    let info = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };
    let (catalog, tree, page, contents, type0, cid, descriptor, file, cmap) = (
        Ref::new(1),
        Ref::new(2),
        Ref::new(3),
        Ref::new(4),
        Ref::new(5),
        Ref::new(6),
        Ref::new(7),
        Ref::new(8),
        Ref::new(9),
    );
    let mut out = Pdf::new();
    out.catalog(catalog).pages(tree);
    out.pages(tree).kids([page]).count(1);
    let mut p = out.page(page);
    p.media_box(Rect::new(0.0, 0.0, width, height)).parent(tree).contents(contents);
    p.resources().fonts().pair(Name(b"F1"), type0);
    p.finish();
    out.stream(contents, &deflate(&content.finish())).filter(Filter::FlateDecode);
    let base = Name(b"SVSERIF+DejaVuSerif");
    out.type0_font(type0)
        .base_font(base)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap);
    let widths: Vec<f32> = {
        let old: Vec<u16> = remapper.remapped_gids().collect();
        old.iter()
            .map(|&g| f32::from(face.glyph_hor_advance(ttf_parser::GlyphId(g)).unwrap_or(0)) / units * 1000.0)
            .collect()
    };
    let mut font = out.cid_font(cid);
    font.subtype(CidFontType::Type2).base_font(base).system_info(info).font_descriptor(descriptor);
    font.cid_to_gid_map_predefined(Name(b"Identity"));
    font.widths().consecutive(0, widths);
    font.finish();
    let bbox = face.global_bounding_box();
    out.font_descriptor(descriptor)
        .name(base)
        .flags(FontFlags::SERIF | FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(
            f32::from(bbox.x_min) / units * 1000.0,
            f32::from(bbox.y_min) / units * 1000.0,
            f32::from(bbox.x_max) / units * 1000.0,
            f32::from(bbox.y_max) / units * 1000.0,
        ))
        .italic_angle(0.0)
        .ascent(f32::from(face.ascender()) / units * 1000.0)
        .descent(f32::from(face.descender()) / units * 1000.0)
        .cap_height(f32::from(face.capital_height().unwrap_or(face.ascender())) / units * 1000.0)
        .stem_v(80.0)
        .font_file2(file);
    out.stream(file, &deflate(&subset)).filter(Filter::FlateDecode);
    let mut unicode = UnicodeCmap::new(Name(b"Custom"), info);
    for (glyph, c) in &used {
        unicode.pair(*glyph, *c);
    }
    out.cmap(cmap, &unicode.finish());
    out.finish()
}

/// Keys in the order the staff editor's forms list them (`press::editor`), so
/// that saving an entry from the editor rewrites only what was changed.
const FORM_ORDER: &[&str] = &[
    "number",
    "kind",
    "kinds",
    "issuer",
    "issuers",
    "signer",
    "issued",
    "effective",
    "expires",
    "summary",
    "fields",
    "status",
    "replaced_by",
    "files",
    "slug",
    "name",
    "week",
    "revision",
    "updated",
    "days",
    "date",
    "items",
    "time",
    "content",
    "place",
    "attendees",
    "preparation",
];

/// JSON as the editor writes it (`JSON.stringify(value, null, 2)`), keys in form order.
fn pretty(value: &serde_json::Value, indent: usize, out: &mut String) {
    let pad = "  ".repeat(indent + 1);
    match value {
        serde_json::Value::Object(map) if !map.is_empty() => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by_key(|key| FORM_ORDER.iter().position(|k| k == key).unwrap_or(usize::MAX));
            out.push_str("{\n");
            for (i, key) in keys.iter().enumerate() {
                let _ = write!(out, "{pad}{}: ", serde_json::Value::String((*key).clone()));
                pretty(&map[*key], indent + 1, out);
                out.push_str(if i + 1 < keys.len() { ",\n" } else { "\n" });
            }
            let _ = write!(out, "{}}}", "  ".repeat(indent));
        }
        serde_json::Value::Array(items) if !items.is_empty() => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                out.push_str(&pad);
                pretty(item, indent + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            let _ = write!(out, "{}]", "  ".repeat(indent));
        }
        other => out.push_str(&other.to_string()),
    }
}

fn write_json(path: &Path, value: &serde_json::Value) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut text = String::new();
    pretty(value, 0, &mut text);
    text.push('\n');
    std::fs::write(path, text).unwrap();
}

fn schedule(root: &Path) {
    let leaders = [
        "Chủ tịch UBND tỉnh Nông Đức Thành",
        "Phó Chủ tịch UBND tỉnh Sầm Thị Hương",
        "Phó Chủ tịch UBND tỉnh Lò Văn Tiến",
    ];
    let morning = [
        (
            "07:30",
            "Chào cờ đầu tuần, giao ban lãnh đạo UBND tỉnh",
            "Phòng họp số 1, trụ sở UBND tỉnh",
            "Văn phòng UBND tỉnh",
        ),
        (
            "08:00",
            "Họp Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn",
            "Hội trường tầng 3",
            "Sở Nông nghiệp và Môi trường",
        ),
        ("08:30", "Tiếp công dân định kỳ", "Trụ sở Tiếp công dân tỉnh", "Ban Tiếp công dân tỉnh"),
        ("09:00", "Kiểm tra tiến độ dự án đường nối các xã biên giới", "Huyện Mường Sơn", "Sở Xây dựng"),
        ("08:00", "Làm việc với Sở Tài chính về dự toán ngân sách năm sau", "Phòng họp số 2", "Sở Tài chính"),
    ];
    let afternoon = [
        ("14:00", "Họp trực tuyến với các bộ, ngành trung ương", "Điểm cầu UBND tỉnh", "Văn phòng UBND tỉnh"),
        ("14:00", "Nghe báo cáo công tác cải cách hành chính quý IV", "Phòng họp số 1", "Sở Nội vụ"),
        ("15:00", "Tiếp đoàn công tác của tỉnh bạn", "Nhà khách UBND tỉnh", "Sở Ngoại vụ"),
        (
            "14:30",
            "Thăm, tặng quà học sinh bán trú",
            "Trường Phổ thông dân tộc bán trú xã Tả Phìn",
            "Sở Giáo dục và Đào tạo",
        ),
    ];
    let mut random = press::corpus::Lcg(48);
    let mut week = IsoWeek::parse("2026-W45").unwrap();
    let last = IsoWeek::parse("2027-W01").unwrap();
    loop {
        let monday = week.monday();
        let mut days = Vec::new();
        for offset in 0..5 {
            let date = monday.add_days(offset);
            let mut items = Vec::new();
            let (time, content, place, preparation) = morning[random.below(morning.len())];
            items.push(json!({"time": time, "content": content, "place": place,
                "attendees": leaders[random.below(3)], "preparation": preparation}));
            if random.below(3) > 0 {
                let (time, content, place, preparation) = afternoon[random.below(afternoon.len())];
                items.push(json!({"time": time, "content": content, "place": place,
                    "attendees": format!("{}; lãnh đạo Văn phòng UBND tỉnh", leaders[random.below(3)]), "preparation": preparation}));
            }
            days.push(json!({"date": date.to_string(), "items": items}));
        }
        if week.week.is_multiple_of(2) {
            let saturday = monday.add_days(5);
            days.push(json!({"date": saturday.to_string(), "items": [
                {"time": "08:00", "content": "Dự ra quân Tết trồng cây, bảo vệ rừng đầu nguồn", "place": "Xã Nậm Lương",
                 "attendees": leaders[0], "preparation": "Sở Nông nghiệp và Môi trường"}
            ]}));
        }
        let revision = 1 + random.below(3);
        let friday_before = monday.add_days(-3).to_string();
        let updated = format!("{friday_before}T{:02}:{:02}:00+07:00", 9 + random.below(8), random.below(60));
        write_json(
            &root.join(format!("content/schedule/{week}.json")),
            &json!({"week": week.to_string(), "revision": revision, "updated": updated, "days": days}),
        );
        if week == last {
            break;
        }
        week = week.next();
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = PathBuf::from(args.iter().find(|a| !a.starts_with("--")).cloned().unwrap_or_else(|| ".".into()));
    let font_path = args
        .iter()
        .position(|a| a == "--font")
        .map(|i| PathBuf::from(&args[i + 1]))
        .unwrap_or_else(|| PathBuf::from("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"));
    let font = std::fs::read(&font_path).unwrap_or_else(|e| panic!("{}: {e}", font_path.display()));
    let term = |slug: &str, name: &str| json!({"slug": slug, "name": name});
    write_json(
        &root.join("content/documents.json"),
        &json!({
            "kinds": KINDS.iter().map(|(slug, name, _)| term(slug, name)).collect::<Vec<_>>(),
            "issuers": ISSUERS.iter().map(|(slug, name, _, _)| term(slug, name)).collect::<Vec<_>>(),
            "fields": FIELDS.iter().map(|(slug, name, _, _)| term(slug, name)).collect::<Vec<_>>(),
        }),
    );
    let _ = std::fs::remove_dir_all(root.join("content/documents"));
    let _ = std::fs::remove_dir_all(root.join("public/van-ban"));
    let (mut bytes, samples) = (0, samples());
    let count = samples.len();
    for sample in samples {
        let year = sample.issued.ymd().0;
        let file = format!("/van-ban/{year}/{}.pdf", sample.slug);
        let made = pdf(&font, &body(&sample));
        bytes += made.len();
        let target = root.join("public").join(file.trim_start_matches('/'));
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(&target, made).unwrap();
        let mut value = json!({
            "number": sample.number,
            "kind": KINDS[sample.kind].0,
            "issuer": ISSUERS[sample.issuer].0,
            "signer": sample.signer,
            "issued": sample.issued.to_string(),
            "effective": sample.effective.to_string(),
            "summary": sample.summary,
            "fields": sample.fields.iter().map(|&f| FIELDS[f].0).collect::<Vec<_>>(),
            "status": sample.status,
            "files": [file],
        });
        if let Some(expires) = sample.expires {
            value["expires"] = json!(expires.to_string());
        }
        if let Some(replaced_by) = &sample.replaced_by {
            value["replaced_by"] = json!(replaced_by);
        }
        write_json(&root.join(format!("content/documents/{}.json", sample.slug)), &value);
    }
    schedule(&root);
    println!("{count} documents, {bytes} bytes of PDF; schedule 2026-W45 … 2027-W01");
}
