//! Sitemaps, feeds, robots.txt and manifest written by the press.

use std::fs;

use serde_json::json;

const BASE: &str = "https://sonvan.gov.example";

fn build(now: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(content.join("articles")).unwrap();
    fixtures::write_brand(&content).unwrap();
    let site = json!({
        "name": "Văn phòng Ủy ban nhân dân tỉnh Sơn Vân", "tagline": "Cổng thông tin điện tử", "address": "Số 8",
        "phone": "0214", "email": "vp@example.org", "login_url": "https://example.org/", "base_url": BASE,
        "menu": [{"label": "Trang chủ", "href": "/"}]
    });
    fs::write(content.join("site.json"), site.to_string()).unwrap();
    let categories = json!({"categories": [
        {"slug": "tin-tuc", "name": "Tin tức - Sự kiện", "order": 1},
        {"slug": "dia-phuong", "name": "Tin địa phương", "order": 2, "parent": "tin-tuc"}
    ]});
    fs::write(content.join("categories.json"), categories.to_string()).unwrap();
    for (slug, category, published) in [
        ("cu", "tin-tuc", "2026-11-20T08:00:00+07:00"),
        ("hom-qua", "dia-phuong", "2026-11-27T09:30:00+07:00"),
        ("hom-nay", "tin-tuc", "2026-11-28T07:15:00+07:00"),
    ] {
        let article = json!({
            "slug": slug, "title": format!("Đường mới & cầu treo <{slug}>"), "sapo": "Người dân phấn khởi.",
            "category": category, "published": published, "author": "Sùng A Páo", "body": "Nội dung."
        });
        fs::write(content.join(format!("articles/{slug}.json")), article.to_string()).unwrap();
    }
    let root = dir.path().join("site");
    press::build_site(
        &content,
        &root.join("data"),
        Some(press::Site { root: &root, photo_cache: &root.join("photo-cache"), deployed: None }),
        press::Edition { now: now.parse().unwrap(), preview: false },
    )
    .unwrap();
    dir
}

fn read(dir: &tempfile::TempDir, path: &str) -> String {
    fs::read_to_string(dir.path().join("site").join(path)).unwrap()
}

#[test]
fn feeds_are_rss_2_with_vietnamese_intact() {
    let dir = build("2026-11-28T03:00:00Z");
    let channel = rss::Channel::read_from(read(&dir, "rss.xml").as_bytes()).expect("rss.xml parses as RSS 2.0");
    assert_eq!(channel.title(), "Văn phòng Ủy ban nhân dân tỉnh Sơn Vân");
    assert_eq!(channel.language(), Some("vi"));
    let titles: Vec<_> = channel.items().iter().map(|i| i.title().unwrap()).collect();
    assert_eq!(
        titles,
        ["Đường mới & cầu treo <hom-nay>", "Đường mới & cầu treo <hom-qua>", "Đường mới & cầu treo <cu>"]
    );
    let first = &channel.items()[0];
    assert_eq!(first.link(), Some("https://sonvan.gov.example/bai-viet/hom-nay"));
    assert_eq!(first.pub_date(), Some("Sat, 28 Nov 2026 07:15:00 +0700"));
    assert_eq!(first.categories()[0].name(), "Tin tức - Sự kiện");
    assert_eq!(first.description(), Some("Người dân phấn khởi."));

    // A parent category's feed holds its children's articles; a child's only its own.
    let parent = rss::Channel::read_from(read(&dir, "rss/tin-tuc.xml").as_bytes()).unwrap();
    assert_eq!(parent.items().len(), 3);
    let child = rss::Channel::read_from(read(&dir, "rss/dia-phuong.xml").as_bytes()).unwrap();
    assert_eq!(child.items().len(), 1);
    assert_eq!(child.title(), "Tin địa phương — Văn phòng Ủy ban nhân dân tỉnh Sơn Vân");
}

#[test]
fn sitemap_lists_every_article_and_listing_with_lastmod() {
    let dir = build("2026-11-28T03:00:00Z");
    let text = read(&dir, "sitemap.xml");
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    assert_eq!(root.tag_name().namespace(), Some("http://www.sitemaps.org/schemas/sitemap/0.9"));
    let urls: Vec<(String, Option<String>)> = root
        .children()
        .filter(|n| n.has_tag_name("url"))
        .map(|url| {
            let child =
                |name: &str| url.children().find(|c| c.has_tag_name(name)).and_then(|c| c.text()).map(str::to_string);
            (child("loc").unwrap(), child("lastmod"))
        })
        .collect();
    let locs: Vec<&str> = urls.iter().map(|(loc, _)| loc.as_str()).collect();
    for expected in [
        "https://sonvan.gov.example/",
        "https://sonvan.gov.example/tin-moi",
        "https://sonvan.gov.example/chuyen-muc/tin-tuc",
        "https://sonvan.gov.example/chuyen-muc/dia-phuong",
        "https://sonvan.gov.example/bai-viet/cu",
        "https://sonvan.gov.example/bai-viet/hom-qua",
        "https://sonvan.gov.example/bai-viet/hom-nay",
    ] {
        assert!(locs.contains(&expected), "{expected} missing from the sitemap");
    }
    let article = urls.iter().find(|(loc, _)| loc.ends_with("/bai-viet/cu")).unwrap();
    assert_eq!(article.1.as_deref(), Some("2026-11-20T08:00:00+07:00"));
    // Articles and listings carry their newest date; the office's pages
    // (here only the generated site map) have none to give.
    assert!(locs.contains(&"https://sonvan.gov.example/so-do-cong"));
    assert!(urls.iter().filter(|(loc, _)| !loc.ends_with("/so-do-cong")).all(|(_, lastmod)| lastmod.is_some()));
}

#[test]
fn news_sitemap_holds_only_the_last_two_days() {
    // 2026-11-28 10:00 in Vietnam: "cu" (8 days old) is out.
    let dir = build("2026-11-28T03:00:00Z");
    let text = read(&dir, "news-sitemap.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let news = "http://www.google.com/schemas/sitemap-news/0.9";
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "title" && n.tag_name().namespace() == Some(news))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(titles, ["Đường mới & cầu treo <hom-nay>", "Đường mới & cầu treo <hom-qua>"]);
    let language = doc.descendants().find(|n| n.tag_name().name() == "language").and_then(|n| n.text());
    assert_eq!(language, Some("vi"));
}

#[test]
fn robots_and_manifest() {
    let dir = build("2026-11-28T03:00:00Z");
    let robots = read(&dir, "robots.txt");
    assert!(robots.contains("Sitemap: https://sonvan.gov.example/sitemap.xml"));
    assert!(robots.contains("Sitemap: https://sonvan.gov.example/news-sitemap.xml"));
    let manifest: serde_json::Value = serde_json::from_str(&read(&dir, "manifest.webmanifest")).unwrap();
    assert_eq!(manifest["name"], "Văn phòng Ủy ban nhân dân tỉnh Sơn Vân");
    assert_eq!(manifest["lang"], "vi");
    assert_eq!(manifest["start_url"], "/");
}
