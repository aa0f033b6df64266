//! The press against content folders made on the spot: each kind of bad
//! input gives its own error and leaves the published folder untouched.

use std::fs;
use std::path::{Path, PathBuf};

use model::{Article, HomePage, ListingPage, SiteData};
use press::photos::PhotoReport;
use press::photos::restore::Deployed;
use serde_json::{Value, json};

struct Fixture {
    _dir: tempfile::TempDir,
    content: PathBuf,
    out: PathBuf,
    /// What `build_site` publishes (a fixed clock, not a preview).
    edition: press::Edition,
}

fn site() -> Value {
    json!({
        "name": "Văn phòng UBND tỉnh",
        "tagline": "Ủy ban nhân dân tỉnh",
        "address": "Số 1",
        "phone": "0200 000 000",
        "email": "vp@example.org",
        "login_url": "https://example.org/dang-nhap",
        "menu": [{"label": "Trang chủ", "href": "/"}, {"label": "Tin tức", "href": "/chuyen-muc/tin-tuc"}]
    })
}

fn article(slug: &str, category: &str, published: &str) -> Value {
    json!({
        "slug": slug,
        "title": format!("Bài {slug}"),
        "sapo": "Tóm tắt.",
        "category": category,
        "published": published,
        "author": "Linh Vũ",
        "body": "Đoạn một.\n\n![Cầu treo](/media/cau.svg \"Cầu treo mới\")"
    })
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        fs::create_dir_all(content.join("articles")).unwrap();
        fixtures::write_brand(&content).unwrap();
        let edition = press::Edition { now: "2026-11-29T00:00:00Z".parse().unwrap(), preview: false };
        let fixture = Fixture { out: dir.path().join("out/data"), content, _dir: dir, edition };
        fixture.write("site.json", &site().to_string());
        fixture.write(
            "categories.json",
            &json!({"categories": [
                {"slug": "tin-tuc", "name": "Tin tức", "order": 1},
                {"slug": "dia-phuong", "name": "Địa phương", "order": 2, "parent": "tin-tuc"},
                {"slug": "van-ban", "name": "Văn bản", "order": 3}
            ]})
            .to_string(),
        );
        fixture
    }

    fn write(&self, relative: &str, text: &str) {
        fs::write(self.content.join(relative), text).unwrap();
    }

    fn article(&self, value: &Value) {
        let slug = value["slug"].as_str().unwrap_or("x");
        self.write(&format!("articles/{slug}.json"), &serde_json::to_string_pretty(value).unwrap());
    }

    fn build(&self) -> Result<press::Report, press::Error> {
        press::build(&self.content, &self.out)
    }

    /// The site root (photos, feeds) beside the published data.
    fn root(&self) -> PathBuf {
        self.out.parent().unwrap().to_path_buf()
    }

    /// The whole site's build, photos included (cached beside the content).
    fn build_site(&self) -> Result<press::Report, press::Error> {
        self.build_site_from(None)
    }

    /// [`Fixture::build_site`], photos missing from the cache looked for on `deployed` first.
    fn build_site_from(&self, deployed: Option<&Deployed>) -> Result<press::Report, press::Error> {
        let (root, cache) = (self.root(), self.photo_cache());
        let site = press::Site { root: &root, photo_cache: &cache, deployed };
        press::build_site(&self.content, &self.out, Some(site), self.edition)
    }

    fn photo_cache(&self) -> PathBuf {
        self.content.parent().unwrap().join("photo-cache")
    }

    /// A drawing in the fixture's content/files/media/.
    fn drawing(&self, name: &str) {
        let media = self.content.join("files/media");
        fs::create_dir_all(&media).unwrap();
        fs::write(media.join(name), r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 450"></svg>"#).unwrap();
    }

    fn photo(&self, name: &str, bytes: &[u8]) {
        fs::create_dir_all(self.content.join("media")).unwrap();
        fs::write(self.content.join("media").join(name), bytes).unwrap();
    }

    /// An article whose cover is `src` (and whose body shows `body_src`).
    fn photo_article(&self, slug: &str, src: &str, body_src: &str) {
        let mut a = article(slug, "tin-tuc", "2024-02-01T08:00:00+07:00");
        a["cover"] = json!({"src": src, "alt": "Ảnh", "caption": "Chú thích"});
        a["body"] = json!(format!("Đoạn một.\n\n![Ruộng bậc thang]({body_src} \"Ruộng bậc thang\")"));
        self.article(&a);
    }

    /// Builds the site, expects exactly one content error, and checks that
    /// nothing was published.
    fn single_site_error(&self) -> press::ContentError {
        let error = self.build_site().expect_err("the build should fail");
        assert!(!self.out.exists(), "a failed build published data");
        let errors = error.content_errors().to_vec();
        assert_eq!(errors.len(), 1, "{error}");
        errors.into_iter().next().unwrap()
    }

    fn read<T: serde::de::DeserializeOwned>(&self, relative: &str) -> T {
        serde_json::from_str(&fs::read_to_string(self.out.join(relative)).unwrap()).unwrap()
    }

    /// Builds, expects exactly one content error, and checks that the
    /// previously published output did not change.
    fn single_error(&self) -> press::ContentError {
        let before = snapshot(&self.out);
        let error = self.build().expect_err("the build should fail");
        assert_eq!(snapshot(&self.out), before, "a failed build changed the output");
        let errors = error.content_errors().to_vec();
        assert_eq!(errors.len(), 1, "{error}");
        errors.into_iter().next().unwrap()
    }
}

fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push((path.clone(), fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

/// A fixture that has already published one good article.
fn published() -> Fixture {
    let f = Fixture::new();
    f.article(&article("bai-dau", "tin-tuc", "2024-01-02T08:00:00+07:00"));
    f.build().unwrap();
    f
}

#[test]
fn malformed_json_names_line_and_column() {
    let f = published();
    f.write("articles/hong.json", "{\n  \"slug\": \"hong\",\n  \"title\": \"x\"\n  \"sapo\": \"y\"\n}");
    let e = f.single_error();
    assert!(e.file.ends_with("articles/hong.json"));
    assert_eq!(e.position, Some((4, 3)));
    assert!(e.reason.starts_with("invalid JSON"), "{e}");
    assert!(e.to_string().contains("hong.json:4:3: invalid JSON"), "{e}");
}

#[test]
fn missing_field_is_named() {
    let f = published();
    let mut a = article("thieu-tieu-de", "tin-tuc", "2024-01-03T08:00:00+07:00");
    a.as_object_mut().unwrap().remove("title");
    f.article(&a);
    let e = f.single_error();
    assert!(e.file.ends_with("thieu-tieu-de.json"));
    assert_eq!(e.field.as_deref(), Some("title"));
    assert!(e.reason.contains("missing field"), "{e}");
}

#[test]
fn unknown_field_is_named_even_when_nested() {
    let f = published();
    let mut a = article("la", "tin-tuc", "2024-01-03T08:00:00+07:00");
    a["cover"] = json!({"src": "/media/a.svg", "alt": "Ảnh", "credit": "?"});
    f.article(&a);
    let e = f.single_error();
    assert_eq!(e.field.as_deref(), Some("cover.credit"));
    assert!(e.reason.contains("unknown field"), "{e}");
}

#[test]
fn bad_date_is_named() {
    let f = published();
    f.article(&article("ngay-sai", "tin-tuc", "20/08/2021 08:30"));
    let e = f.single_error();
    assert_eq!(e.field.as_deref(), Some("published"));
    assert!(e.reason.contains("20/08/2021 08:30"), "{e}");

    let f = published();
    f.article(&article("khong-mui-gio", "tin-tuc", "2021-08-20T08:30:00"));
    assert_eq!(f.single_error().field.as_deref(), Some("published"));

    let f = published();
    let mut a = article("sua-truoc", "tin-tuc", "2021-08-20T08:30:00+07:00");
    a["updated"] = json!("2021-08-19T08:30:00+07:00");
    f.article(&a);
    let e = f.single_error();
    assert_eq!(e.field.as_deref(), Some("updated"));
}

#[test]
fn unknown_category_is_named() {
    let f = published();
    f.article(&article("lac", "the-thao", "2024-01-03T08:00:00+07:00"));
    let e = f.single_error();
    assert_eq!(e.field.as_deref(), Some("category"));
    assert!(e.reason.contains("unknown category `the-thao`"), "{e}");
}

#[test]
fn the_file_name_is_the_slug() {
    let f = published();
    f.write("articles/zz-ban-sao.json", &article("bai-dau", "tin-tuc", "2024-01-05T08:00:00+07:00").to_string());
    let e = f.single_error();
    assert!(e.file.ends_with("zz-ban-sao.json"));
    assert_eq!(e.field.as_deref(), Some("slug"));
    assert!(e.reason.contains("zz-ban-sao.json") && e.reason.contains("bai-dau"), "{e}");

    // Files the staff editor writes carry no slug key at all.
    let f = published();
    let mut a = article("khong-co-khoa", "tin-tuc", "2024-01-05T08:00:00+07:00");
    a.as_object_mut().unwrap().remove("slug");
    f.write("articles/khong-co-khoa.json", &a.to_string());
    f.build().expect("the slug comes from the file name");
    assert!(f.out.join("articles/khong-co-khoa.json").exists());
}

#[test]
fn images_need_alt_text() {
    let f = published();
    let mut a = article("khong-alt", "tin-tuc", "2024-01-03T08:00:00+07:00");
    a["body"] = json!("Chữ.\n\n![](/media/x.svg \"Chú thích\")");
    f.article(&a);
    let e = f.single_error();
    assert_eq!(e.field.as_deref(), Some("body"));
    assert!(e.reason.contains("/media/x.svg") && e.reason.contains("alt"), "{e}");

    let f = published();
    let mut a = article("bia-khong-alt", "tin-tuc", "2024-01-03T08:00:00+07:00");
    a["cover"] = json!({"src": "/media/a.svg", "alt": " "});
    f.article(&a);
    assert_eq!(f.single_error().field.as_deref(), Some("cover.alt"));
}

#[test]
fn bad_slug_and_bad_menu_are_rejected() {
    let f = published();
    f.article(&article("Tin Mới", "tin-tuc", "2024-01-03T08:00:00+07:00"));
    let e = f.single_error();
    assert!(e.file.ends_with("Tin Mới.json"));
    assert!(e.reason.contains("file name `Tin Mới` is not a slug"), "{e}");

    let f = published();
    let mut s = site();
    s["menu"][1]["href"] = json!("/chuyen-muc/khong-co");
    f.write("site.json", &s.to_string());
    let e = f.single_error();
    assert!(e.file.ends_with("site.json"));
    assert_eq!(e.field.as_deref(), Some("menu[1].href"));

    let f = published();
    let mut s = site();
    s["base_url"] = json!("https://sonvan.gov.example/");
    f.write("site.json", &s.to_string());
    assert_eq!(f.single_error().field.as_deref(), Some("base_url"));
}

#[test]
fn every_broken_file_is_reported_in_one_run() {
    let f = published();
    f.write("articles/a.json", "not json");
    f.article(&article("b", "khong-co", "2024-01-03T08:00:00+07:00"));
    let error = f.build().unwrap_err();
    assert_eq!(error.content_errors().len(), 2, "{error}");
}

#[test]
fn dates_are_published_in_vietnam_time() {
    let f = Fixture::new();
    f.article(&article("utc", "tin-tuc", "2021-08-20T01:30:00Z"));
    f.build().unwrap();
    let a: Article = f.read("articles/utc.json");
    assert_eq!(a.published, "2021-08-20T08:30:00+07:00");
    assert!(a.html.contains("<figcaption>Cầu treo mới</figcaption>"));
}

#[test]
fn listings_paginate_exactly_at_page_boundaries() {
    for (count, pages, last_page_len) in [(0, 1, 0), (1, 1, 1), (10, 1, 10), (11, 2, 1), (20, 2, 10), (21, 3, 1)] {
        let f = Fixture::new();
        for i in 0..count {
            // Minutes apart, so the newest-first order is known.
            let published = format!("2024-03-01T08:{i:02}:00+07:00");
            f.article(&article(&format!("bai-{i:02}"), "dia-phuong", &published));
        }
        f.build().unwrap();
        for listing in ["latest", "categories/tin-tuc", "categories/dia-phuong"] {
            let first: ListingPage = f.read(&format!("{listing}/1.json"));
            assert_eq!((first.total_pages, first.total_articles), (pages, count as u32), "{listing} with {count}");
            let last: ListingPage = f.read(&format!("{listing}/{pages}.json"));
            assert_eq!(last.articles.len(), last_page_len, "{listing} with {count}");
            assert!(!f.out.join(format!("{listing}/{}.json", pages + 1)).exists());
            if count > 0 {
                assert_eq!(first.articles[0].slug, format!("bai-{:02}", count - 1), "newest first");
            }
        }
        // A category with no article still has its (empty) first page.
        let empty: ListingPage = f.read("categories/van-ban/1.json");
        assert!(empty.articles.is_empty());
    }
}

#[test]
fn neighbours_home_and_site_data() {
    let f = Fixture::new();
    f.article(&article("cu", "tin-tuc", "2024-01-01T08:00:00+07:00"));
    f.article(&article("giua", "dia-phuong", "2024-01-02T08:00:00+07:00"));
    let mut newest = article("moi", "tin-tuc", "2024-01-03T08:00:00+07:00");
    newest["featured"] = json!(true);
    f.article(&newest);
    f.build().unwrap();

    // Neighbours stay inside the article's own category.
    let cu: Article = f.read("articles/cu.json");
    assert_eq!(cu.newer.map(|l| l.slug).as_deref(), Some("moi"));
    assert_eq!(cu.older, None);
    let giua: Article = f.read("articles/giua.json");
    assert_eq!((giua.older, giua.newer), (None, None));

    let home: HomePage = f.read("home.json");
    assert_eq!(home.featured.iter().map(|a| a.slug.as_str()).collect::<Vec<_>>(), ["moi"]);
    assert_eq!(home.sections.len(), 1, "only top-level categories with articles");
    let slugs: Vec<_> = home.sections[0].articles.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs, ["moi", "giua", "cu"], "a parent category includes its children");

    let site: SiteData = f.read("site.json");
    assert_eq!(site.categories.iter().map(|c| c.order).collect::<Vec<_>>(), [1, 2, 3]);
}

#[test]
fn publishing_replaces_the_previous_output_whole() {
    let f = published();
    f.article(&article("bai-hai", "tin-tuc", "2024-01-04T08:00:00+07:00"));
    fs::remove_file(f.content.join("articles/bai-dau.json")).unwrap();
    f.build().unwrap();
    assert!(f.out.join("articles/bai-hai.json").exists());
    assert!(!f.out.join("articles/bai-dau.json").exists(), "a removed article is unpublished");
    let leftovers: Vec<_> = fs::read_dir(f.out.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers, ["data"], "no staging folder left behind");
}

#[test]
fn the_counted_paths_are_every_published_article() {
    let f = Fixture::new();
    f.article(&article("cu", "tin-tuc", "2024-01-01T08:00:00+07:00"));
    f.article(&article("moi", "dia-phuong", "2024-01-03T08:00:00+07:00"));
    f.build().unwrap();
    let mut paths: Vec<String> = f.read(model::paths::COUNTED_PATHS);
    paths.sort();
    assert_eq!(paths, ["/bai-viet/cu", "/bai-viet/moi"]);
    // The counter reads the same file with the same rules.
    let known = counter::paths::KnownPaths::from_json(&fs::read_to_string(f.out.join("counted-paths.json")).unwrap());
    assert_eq!(known.unwrap().counted("/bai-viet/moi/?trang=2").as_deref(), Some("/bai-viet/moi"));
}

fn decoded(path: &Path) -> image::DynamicImage {
    image::ImageReader::open(path).unwrap().with_guessed_format().unwrap().decode().unwrap()
}

#[test]
fn a_photo_turned_by_its_exif_orientation_comes_out_upright() {
    let f = Fixture::new();
    // Stored as a 400×300 landscape, sky at the top; orientation 6 says
    // "turn 90° clockwise to show": upright it is 300×400 with the sky on the right.
    f.photo("quay.jpg", &fixtures::camera_jpeg(400, 300, 7, 6, None));
    f.photo_article("anh-quay", "/media/quay.jpg", "/media/quay.jpg");
    f.build_site().unwrap();
    let published: Article = f.read("articles/anh-quay.json");
    let cover = published.cover.unwrap();
    assert_eq!(cover.size, Some((300, 400)));
    let photo = cover.photo.unwrap();
    let out = f.root().join(photo.jpeg(300).trim_start_matches('/'));
    let image = decoded(&out).to_rgb8();
    assert_eq!(image.dimensions(), (300, 400));
    let sky = image.get_pixel(290, 200).0;
    let field = image.get_pixel(10, 200).0;
    assert!(sky[2] > sky[0] + 40, "the right edge is sky: {sky:?}");
    assert!(field[0] > field[2] + 40, "the left edge is fields: {field:?}");
}

#[test]
fn no_metadata_survives_and_srcset_lists_exactly_the_files_written() {
    let f = Fixture::new();
    f.photo("gps.jpg", &fixtures::camera_jpeg(1000, 750, 3, 1, Some((22.3364, 103.8438))));
    // The fixture really carries its position and camera.
    let original = fs::read(f.content.join("media/gps.jpg")).unwrap();
    let exif = exif::Reader::new().read_from_container(&mut std::io::Cursor::new(&original)).unwrap();
    assert!(exif.get_field(exif::Tag::GPSLatitude, exif::In::PRIMARY).is_some());
    f.photo_article("anh-gps", "/media/gps.jpg", "/media/gps.jpg");
    f.build_site().unwrap();
    let photo = f.read::<Article>("articles/anh-gps.json").cover.unwrap().photo.unwrap();
    assert_eq!(photo.widths(), vec![480, 800, 1000], "never wider than the original");
    let dir = f.root().join("anh");
    let mut written: Vec<String> =
        fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    written.sort();
    let mut listed: Vec<String> = ["avif", "webp", "jpg"]
        .iter()
        .flat_map(|extension| {
            photo
                .srcset(extension)
                .split(", ")
                .map(|item| item.split(' ').next().unwrap().rsplit('/').next().unwrap().to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    // Beside the files, the photo's record: a lost cache is restored from it.
    listed.push(format!("{}.json", photo.base.rsplit('/').next().unwrap()));
    listed.sort();
    assert_eq!(written, listed);
    for name in written.iter().filter(|name| !name.ends_with(".json")) {
        let bytes = fs::read(dir.join(name)).unwrap();
        assert!(!bytes.windows(4).any(|w| w == b"Exif"), "{name} has an EXIF block");
        assert!(!bytes.windows(14).any(|w| w == b"Son Van Camera"), "{name} names the camera");
        if name.ends_with(".jpg") {
            assert!(exif::Reader::new().read_from_container(&mut std::io::Cursor::new(&bytes)).is_err(), "{name}");
            let width: u32 = name.rsplit('-').next().unwrap().trim_end_matches(".jpg").parse().unwrap();
            assert_eq!(decoded(&dir.join(name)).width(), width, "{name}");
        }
    }
    // The body shows the same photo as a <picture> with its size.
    let html = f.read::<Article>("articles/anh-gps.json").html;
    assert!(html.contains("<picture>") && html.contains("width=\"1000\" height=\"750\""), "{html}");
    assert!(html.contains("<figcaption>Ruộng bậc thang</figcaption>"), "{html}");
}

#[test]
fn a_small_photo_is_written_at_its_own_width_only() {
    let f = Fixture::new();
    f.photo("nho.png", &{
        let mut png = Vec::new();
        image::RgbaImage::from_pixel(300, 200, image::Rgba([10, 120, 40, 128]))
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        png
    });
    f.photo_article("anh-nho", "/media/nho.png", "/media/nho.png");
    f.build_site().unwrap();
    let photo = f.read::<Article>("articles/anh-nho.json").cover.unwrap().photo.unwrap();
    assert_eq!(photo.widths(), vec![300]);
    assert_eq!(photo.color, "#84bb93", "half-transparent green laid on white");
}

#[test]
fn a_second_build_with_no_change_processes_no_photo() {
    let f = Fixture::new();
    f.photo("a.jpg", &fixtures::camera_jpeg(600, 400, 1, 1, None));
    f.photo_article("anh-a", "/media/a.jpg", "/media/a.jpg");
    assert_eq!(f.build_site().unwrap().photos, photos(1, 0, 0));
    assert_eq!(f.build_site().unwrap().photos, photos(0, 1, 0));
    // A new article's photo is the only one processed.
    f.photo("b.jpg", &fixtures::camera_jpeg(600, 400, 2, 1, None));
    f.photo_article("anh-b", "/media/b.jpg", "/media/b.jpg");
    assert_eq!(f.build_site().unwrap().photos, photos(1, 1, 0));
}

/// What a build did with its photos: processed, from the cache, from the deployed site.
fn photos(processed: usize, cached: usize, restored: usize) -> PhotoReport {
    PhotoReport { processed, cached, restored, unreachable: None }
}

/// Every file of a folder, by name.
fn files_of(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            (entry.file_name().into_string().unwrap(), fs::read(entry.path()).unwrap())
        })
        .collect()
}

/// Serves `root` over HTTP on loopback, as a single-page-app host does: a
/// missing file is answered 200 with the home page. Returns its address.
fn serve(root: PathBuf) -> String {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let address = format!("http://{}", server.server_addr().to_ip().unwrap());
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let path = root.join(request.url().trim_start_matches('/'));
            let body = fs::read(&path).unwrap_or_else(|_| "<!DOCTYPE html><title>Trang chủ</title>".as_bytes().to_vec());
            let _ = request.respond(tiny_http::Response::from_data(body));
        }
    });
    address
}

#[test]
fn a_lost_cache_is_filled_from_the_deployed_site_and_only_new_photos_are_processed() {
    let f = Fixture::new();
    f.photo("a.jpg", &fixtures::camera_jpeg(900, 600, 1, 1, None));
    f.photo("b.jpg", &fixtures::camera_jpeg(600, 900, 2, 6, None));
    f.photo_article("anh-a", "/media/a.jpg", "/media/b.jpg");
    assert_eq!(f.build_site().unwrap().photos, photos(2, 0, 0));
    // What is deployed: the site as published.
    let deployed = tempfile::tempdir().unwrap();
    fs::create_dir(deployed.path().join("anh")).unwrap();
    let published = files_of(&f.root().join("anh"));
    for (name, bytes) in &published {
        fs::write(deployed.path().join("anh").join(name), bytes).unwrap();
    }
    let article = f.read::<Article>("articles/anh-a.json");
    // A new photo, then the cache is lost (and the build starts from a clean checkout).
    f.photo("c.jpg", &fixtures::camera_jpeg(700, 500, 3, 1, None));
    f.photo_article("anh-c", "/media/c.jpg", "/media/c.jpg");
    let lose = || {
        fs::remove_dir_all(f.photo_cache()).unwrap();
        fs::remove_dir_all(f.root().join("anh")).unwrap();
    };
    lose();
    let from_folder = Deployed::Folder(deployed.path().to_path_buf());
    assert_eq!(
        f.build_site_from(Some(&from_folder)).unwrap().photos,
        photos(1, 0, 2)
    );
    let after = files_of(&f.root().join("anh"));
    for (name, bytes) in &published {
        assert!(after.get(name) == Some(bytes), "{name} differs from the deployed file");
    }
    assert_eq!(after.len(), published.len() + 7, "c's 2 widths (480, 700) × 3 formats and its record are new");
    let again = f.read::<Article>("articles/anh-a.json");
    assert_eq!((again.cover, again.html), (article.cover, article.html), "its pictures are published as before");
    // Over HTTP from a host that answers a missing file with its home page:
    // c is not on it, and is processed rather than restored from that page.
    lose();
    let from_site = Deployed::parse(&serve(deployed.path().to_path_buf()));
    assert!(matches!(from_site, Deployed::Site(_)));
    assert_eq!(
        f.build_site_from(Some(&from_site)).unwrap().photos,
        photos(1, 0, 2)
    );
    assert_eq!(files_of(&f.root().join("anh")), after);
    // The cache is whole again: nothing to do.
    assert_eq!(f.build_site_from(Some(&from_site)).unwrap().photos, photos(0, 3, 0));
}

#[test]
fn a_deployed_site_that_cannot_be_reached_is_tried_once_and_the_photos_are_processed() {
    let f = Fixture::new();
    for (i, name) in ["a.jpg", "b.jpg", "c.jpg"].into_iter().enumerate() {
        f.photo(name, &fixtures::camera_jpeg(300, 200, i as u64, 1, None));
        f.photo_article(&format!("anh-{i}"), &format!("/media/{name}"), &format!("/media/{name}"));
    }
    // Nothing listens on port 1: the connection is refused at once.
    let report = f.build_site_from(Some(&Deployed::parse("http://127.0.0.1:1"))).unwrap().photos;
    assert_eq!((report.processed, report.restored), (3, 0));
    let reason = report.unreachable.clone().expect("the reason is reported");
    assert!(reason.contains("http://127.0.0.1:1/anh/"), "{reason}");
    assert!(report.to_string().contains("the deployed site could not be read"), "{report}");
}

#[test]
fn each_kind_of_bad_photo_has_its_own_error_and_nothing_is_published() {
    let good = fixtures::camera_jpeg(200, 150, 1, 1, None);
    let mut absurd = good.clone();
    // The frame header says 9000×9000 (81 megapixels).
    let sof = absurd.windows(2).position(|w| w == [0xff, 0xc0]).unwrap();
    absurd[sof + 5..sof + 9].copy_from_slice(&[0x23, 0x28, 0x23, 0x28]);
    let cases: [(&str, Option<&[u8]>, &str); 5] = [
        ("thieu.jpg", None, "file not found"),
        ("chu.jpg", Some(b"day la van ban, khong phai anh"), "not an image"),
        ("cut.jpg", Some(&good[..good.len() / 2]), "corrupt or truncated"),
        ("gif.jpg", Some(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"), "unsupported format Gif"),
        ("lon.jpg", Some(&absurd), "9000×9000 is 81 megapixels, more than 50"),
    ];
    for (name, bytes, reason) in cases {
        let f = Fixture::new();
        if let Some(bytes) = bytes {
            f.photo(name, bytes);
        }
        f.drawing("khac.svg");
        f.photo_article("anh-hong", &format!("/media/{name}"), "/media/khac.svg");
        let e = f.single_site_error();
        assert!(e.file.ends_with("anh-hong.json"), "{e}");
        assert_eq!(e.field.as_deref(), Some("cover.src"), "{e}");
        assert!(e.reason.contains(&format!("image `/media/{name}`")) && e.reason.contains(reason), "{name}: {e}");
    }
    // A picture format the portal does not publish.
    let f = Fixture::new();
    f.drawing("ok.svg");
    f.photo_article("anh-bmp", "/media/ok.svg", "/media/scan.bmp");
    let e = f.single_site_error();
    assert_eq!(e.field.as_deref(), Some("body"), "{e}");
    assert!(e.reason.contains("image `/media/scan.bmp`: unsupported format"), "{e}");
}

#[test]
fn drawings_are_measured_and_a_missing_one_is_named() {
    let f = Fixture::new();
    f.drawing("cau.svg");
    f.photo_article("ve", "/media/cau.svg", "/media/cau.svg");
    f.build_site().unwrap();
    let published: Article = f.read("articles/ve.json");
    assert_eq!(published.cover.unwrap().size, Some((800, 450)));
    assert!(published.html.contains("width=\"800\" height=\"450\""), "{}", published.html);
    let g = Fixture::new();
    g.photo_article("ve", "/media/khong-co.svg", "/media/khong-co.svg");
    let error = g.build_site().expect_err("a missing drawing fails the build");
    let fields: Vec<_> = error.content_errors().iter().map(|e| e.field.clone().unwrap()).collect();
    assert_eq!(fields, ["body", "cover.src"], "{error}");
    assert!(error.content_errors().iter().all(|e| e.reason.starts_with("image `/media/khong-co.svg`: file not found")));
}

/// A decision with its PDF in place, as `content/documents/{slug}.json` holds it.
fn document(number: &str) -> Value {
    json!({
        "number": number,
        "kind": "quyet-dinh",
        "issuer": "ubnd-tinh",
        "signer": "Chủ tịch Nông Đức Thành",
        "issued": "2025-03-14",
        "effective": "2025-03-14",
        "summary": "Về việc phê duyệt đề án phát triển vùng chè",
        "fields": ["nong-nghiep"],
        "status": "con-hieu-luc",
        "files": ["/van-ban/2025/qd.pdf"]
    })
}

impl Fixture {
    /// The documents' lists and one PDF in `content/files/van-ban/2025/`.
    fn document_lists(&self) {
        self.write(
            "documents.json",
            &json!({
                "kinds": [{"slug": "quyet-dinh", "name": "Quyết định"}],
                "issuers": [{"slug": "ubnd-tinh", "name": "Ủy ban nhân dân tỉnh"}],
                "fields": [{"slug": "nong-nghiep", "name": "Nông nghiệp"}]
            })
            .to_string(),
        );
        let files = self.content.join("files/van-ban/2025");
        fs::create_dir_all(&files).unwrap();
        fs::write(files.join("qd.pdf"), b"%PDF-1.7\n").unwrap();
    }

    fn place(&self, relative: &str, value: &Value) {
        fs::create_dir_all(self.content.join(relative).parent().unwrap()).unwrap();
        self.write(relative, &value.to_string());
    }
}

#[test]
fn each_bad_document_field_is_named() {
    let replaced = {
        let mut d = document("12/QĐ-UBND");
        d["status"] = json!("bi-thay-the");
        d["replaced_by"] = json!("khong-co");
        d
    };
    let cases = [
        ("number", json!("QĐ-UBND/1234"), "must start with the document's number"),
        ("number", json!("1234/qđ-ubnd"), "starting with a capital"),
        ("effective", json!("2025-03-01"), "01/03/2025 is earlier than `issued` (14/03/2025)"),
        ("files", json!(["/van-ban/2025/mat.pdf"]), "files/van-ban/2025/mat.pdf is missing"),
        ("kind", json!("sac-lenh"), "unknown kind `sac-lenh`"),
    ];
    for (field, value, reason) in cases.iter().cloned().map(|(f, v, r)| (f.to_string(), Some(v), r)).chain([(
        "replaced_by".to_string(),
        None,
        "no document `khong-co`",
    )]) {
        let f = Fixture::new();
        f.article(&article("bai-dau", "tin-tuc", "2024-01-02T08:00:00+07:00"));
        f.document_lists();
        let mut d = if value.is_none() { replaced.clone() } else { document("12/QĐ-UBND") };
        if let Some(value) = value {
            d[&field] = value;
        }
        f.place("documents/12-qd-ubnd-2025.json", &d);
        let e = f.single_site_error();
        assert!(e.file.ends_with("documents/12-qd-ubnd-2025.json"), "{e}");
        let expected_field = if field == "files" { "files[0]".to_string() } else { field.clone() };
        assert_eq!(e.field.as_deref(), Some(expected_field.as_str()), "{e}");
        assert!(e.reason.contains(reason), "{field}: {e}");
    }
}

#[test]
fn a_week_file_holding_another_week_s_day_is_named() {
    let f = Fixture::new();
    f.article(&article("bai-dau", "tin-tuc", "2024-01-02T08:00:00+07:00"));
    let item = json!({"time": "08:00", "content": "Họp", "attendees": "Chủ tịch"});
    f.place(
        "schedule/2026-W48.json",
        &json!({"week": "2026-W48", "revision": 1, "updated": "2026-11-20T09:00:00+07:00",
                "days": [{"date": "2026-11-23", "items": [item]}, {"date": "2026-12-01", "items": [item]}]}),
    );
    let e = f.single_site_error();
    assert!(e.file.ends_with("schedule/2026-W48.json"), "{e}");
    assert_eq!(e.field.as_deref(), Some("days[1].date"));
    assert_eq!(e.reason, "01/12/2026 is in week 2026-W49, not in this file's week 2026-W48");
}

#[test]
fn a_reception_week_whose_dates_do_not_match_is_named() {
    // The citizen reception is read by the schedule's code, in its own folder.
    let f = Fixture::new();
    f.article(&article("bai-dau", "tin-tuc", "2024-01-02T08:00:00+07:00"));
    let item = json!({"time": "08:00", "content": "Tiếp công dân định kỳ", "attendees": "Chủ tịch"});
    f.place(
        "reception/2026-W49.json",
        &json!({"week": "2026-W49", "revision": 1, "updated": "2026-11-27T09:00:00+07:00",
                "days": [{"date": "2026-11-26", "items": [item]}]}),
    );
    let e = f.single_site_error();
    assert!(e.file.ends_with("reception/2026-W49.json"), "{e}");
    assert_eq!(e.field.as_deref(), Some("days[0].date"));
    assert_eq!(e.reason, "26/11/2026 is in week 2026-W48, not in this file's week 2026-W49");
}

#[test]
fn a_spokesperson_without_a_phone_is_named() {
    let f = Fixture::new();
    f.article(&article("bai-dau", "tin-tuc", "2024-01-02T08:00:00+07:00"));
    f.place(
        "press.json",
        &json!({"spokesperson": {"name": "Vàng A Dình", "title": "Phó Chánh Văn phòng", "phone": "",
                                 "email": "vadinh@example.org", "updated": "2026-10-05T09:00:00+07:00"},
                "body": "Liên hệ qua thư điện tử."}),
    );
    let e = f.single_site_error();
    assert!(e.file.ends_with("press.json"), "{e}");
    assert_eq!((e.field.as_deref(), e.reason.as_str()), (Some("spokesperson.phone"), "must not be empty"));
}

fn with_notice(announced: &str, from: &str, until: &str) -> Fixture {
    let f = Fixture::new();
    f.article(&article("bai-dau", "tin-tuc", "2024-01-02T08:00:00+07:00"));
    let mut s = site();
    s["notice"] =
        json!({"text": "Cổng tạm ngừng để nâng cấp máy chủ.", "announced": announced, "from": from, "until": until});
    f.write("site.json", &s.to_string());
    f.place("holidays.json", &json!({"holidays": [{"date": "2026-12-24", "name": "Ngày lễ mẫu"}]}));
    f
}

#[test]
fn a_notice_too_close_to_its_start_is_named_and_one_in_time_is_due_at_its_ends() {
    // Announced Thursday 17 December: six working days (the 24th a holiday) before the 29th.
    let f = with_notice("2026-12-17T09:00:00+07:00", "2026-12-29T22:00:00+07:00", "2026-12-30T02:00:00+07:00");
    let e = f.single_site_error();
    assert!(e.file.ends_with("site.json"), "{e}");
    assert_eq!(e.field.as_deref(), Some("notice.from"));
    assert!(e.reason.contains("6 working days") && e.reason.contains("7 working days"), "{e}");
    // One day later is in time: published in Vietnam's time, and the next
    // scheduled build is due when the banner goes up.
    let f = with_notice("2026-12-17T02:00:00Z", "2026-12-30T22:00:00+07:00", "2026-12-31T02:00:00+07:00");
    f.drawing("cau.svg");
    f.build_site().unwrap();
    let site: SiteData = f.read("site.json");
    assert_eq!(site.site.notice.unwrap().announced, "2026-12-17T09:00:00+07:00");
    let edition: model::Edition = f.read("edition.json");
    assert_eq!(edition.next_change.as_deref(), Some("2026-12-17T09:00:00+07:00"));
}

#[test]
fn documents_are_published_with_their_listing_filters_and_number_lookups() {
    let f = Fixture::new();
    f.article(&article("bai-dau", "tin-tuc", "2024-01-02T08:00:00+07:00"));
    f.document_lists();
    f.place("documents/12-2025-qd-ubnd.json", &document("12/2025/QĐ-UBND"));
    f.drawing("cau.svg");
    f.build_site().unwrap();
    let page: model::Page = f.read("pages/van-ban/12-2025-qd-ubnd.json");
    assert_eq!(page.title, "Quyết định 12/2025/QĐ-UBND");
    assert!(page.html.contains("(PDF, 1 KB)"), "{}", page.html);
    assert!(page.json_ld.unwrap().contains("\"@type\":\"Legislation\""));
    // What the app inserts for an address with a query: the press's drawing of it.
    let fragment = |address: &str| {
        let fragment: model::Fragment = f.read(&model::paths::page_fragment(address)["/data/".len()..]);
        fragment.html
    };
    for address in ["/van-ban", "/van-ban?loai=quyet-dinh&nam=2025", "/van-ban?linh-vuc=nong-nghiep"] {
        let html = fragment(address);
        assert!(html.contains("href=\"/van-ban/12-2025-qd-ubnd\""), "{address}");
        assert!(html.contains("<h1 class=\"article-title\">"), "{address}: drawn with its title");
    }
    assert!(!f.out.join("pages/van-ban/nam=2025.json").exists(), "pages with a query are only drawn");
    // Looked up by the whole number, with or without its year, or its digits.
    for key in ["12", "12-2025-qd-ubnd", "12-qd-ubnd"] {
        assert!(fragment(&format!("/van-ban?so={key}")).contains("12/2025/QĐ-UBND"), "{key}");
    }
    assert!(!f.out.join("fragments/van-ban/so=12-qd.json").exists());
    // Any other number: the page the app shows instead, with the number typed written in.
    let unknown = fragment(model::paths::UNKNOWN_NUMBER);
    assert!(unknown.contains("Không tìm thấy văn bản") && unknown.contains(model::paths::TYPED_NUMBER), "{unknown}");
    // The site's search finds it by the words of its summary.
    let meta: model::search::SearchMeta = f.read("search/meta.json");
    assert_eq!(meta.docs, 2);
}

/// A site with its public address (so sitemaps and feeds are written) and a visitor counter.
fn public_site() -> Value {
    let mut site = site();
    site["base_url"] = json!("https://sonvan.gov.example");
    site["counter_endpoint"] = json!("/api/counter");
    site
}

/// Every file the site build wrote, as text (photos and other bytes left out).
fn written_text(root: &Path) -> String {
    snapshot(root).into_iter().filter_map(|(_, bytes)| String::from_utf8(bytes).ok()).collect()
}

/// A site with a published article, a draft, one set for 7 December 08:00
/// and the draft of every other kind: the build's clock is 29 November.
fn with_drafts() -> Fixture {
    let f = Fixture::new();
    f.write("site.json", &public_site().to_string());
    f.drawing("cau.svg");
    f.article(&article("bai-dau", "tin-tuc", "2024-01-02T08:00:00+07:00"));
    let mut draft = article("ban-nhap-bi-mat", "tin-tuc", "2024-01-03T08:00:00+07:00");
    draft["draft"] = json!(true);
    f.article(&draft);
    f.article(&article("hen-gio-dang", "tin-tuc", "2026-12-07T08:00:00+07:00"));
    let mut page = json!({"title": "Trang nháp riêng", "description": "Mô tả.", "body": "Nội dung nháp."});
    page["draft"] = json!(true);
    f.place("pages/trang-nhap-rieng.json", &page);
    f.document_lists();
    f.place("documents/12-2025-qd-ubnd.json", &document("12/2025/QĐ-UBND"));
    let mut replacing = document("13/2025/QĐ-UBND");
    replacing["draft"] = json!(true);
    f.place("documents/13-2025-qd-ubnd.json", &replacing);
    let item = json!({"time": "08:00", "content": "Họp bàn nháp", "attendees": "Chủ tịch"});
    f.place(
        "schedule/2026-W49.json",
        &json!({"week": "2026-W49", "revision": 1, "updated": "2026-11-27T09:00:00+07:00", "draft": true,
                "days": [{"date": "2026-11-30", "items": [item]}]}),
    );
    f
}

#[test]
fn drafts_and_entries_not_yet_due_are_published_nowhere() {
    let f = with_drafts();
    f.build_site().unwrap();
    let everything = written_text(&f.root());
    for (what, trace) in [
        ("draft article", "ban-nhap-bi-mat"),
        ("article set for later", "hen-gio-dang"),
        ("draft page", "trang-nhap-rieng"),
        ("draft document", "13/2025/QĐ-UBND"),
        ("draft document", "13-2025-qd-ubnd"),
        ("draft week", "Họp bàn nháp"),
    ] {
        // Not in its JSON, listings, search, feeds, sitemaps, counted paths, site map.
        assert!(!everything.contains(trace), "a {what} ({trace}) was published");
    }
    assert!(everything.contains("bai-dau") && everything.contains("12/2025/QĐ-UBND"));
    let edition: model::Edition = f.read(model::paths::EDITION);
    assert_eq!(edition.next_change.as_deref(), Some("2026-12-07T08:00:00+07:00"), "the draft's date is no change");
    assert!(!edition.preview);

    // At the set time the article appears with no change to the content.
    let f = Fixture { edition: press::Edition { now: "2026-12-07T01:00:00Z".parse().unwrap(), ..f.edition }, ..f };
    f.build_site().unwrap();
    let latest: ListingPage = f.read("latest/1.json");
    assert_eq!(latest.articles[0].slug, "hen-gio-dang");
    assert!(written_text(&f.root()).contains("/bai-viet/hen-gio-dang"), "in the sitemap and feeds");
    assert!(!written_text(&f.root()).contains("ban-nhap-bi-mat"));
    let edition: model::Edition = f.read(model::paths::EDITION);
    assert_eq!(edition.next_change, None);
}

#[test]
fn a_preview_has_every_draft_and_counts_no_visit() {
    let mut f = with_drafts();
    f.edition.preview = true;
    f.build_site().unwrap();
    let everything = written_text(&f.root());
    for trace in ["ban-nhap-bi-mat", "hen-gio-dang", "trang-nhap-rieng", "13/2025/QĐ-UBND", "Họp bàn nháp"] {
        assert!(everything.contains(trace), "{trace} is missing from the preview");
    }
    let site: SiteData = f.read("site.json");
    assert_eq!(site.site.counter_endpoint, None, "a preview counts no visit");
    assert_eq!(fs::read_to_string(f.root().join("robots.txt")).unwrap(), "User-agent: *\nDisallow: /\n");
    assert!(!f.root().join("sitemap.xml").exists());
    assert!(f.read::<model::Edition>(model::paths::EDITION).preview);
}

#[test]
fn a_draft_missing_its_picture_is_refused_and_its_photos_are_not_published() {
    let f = Fixture::new();
    f.drawing("cau.svg");
    f.article(&article("bai-dau", "tin-tuc", "2024-01-02T08:00:00+07:00"));
    let mut draft = article("nhap-thieu-anh", "tin-tuc", "2024-01-03T08:00:00+07:00");
    draft["draft"] = json!(true);
    draft["body"] = json!("Đoạn một.\n\n![Ruộng bậc thang](/media/khong-co.jpg \"Ruộng\")");
    f.article(&draft);
    let e = f.single_site_error();
    assert!(e.file.ends_with("articles/nhap-thieu-anh.json"), "{e}");
    assert_eq!(e.field.as_deref(), Some("body"));
    assert!(e.reason.contains("/media/khong-co.jpg") && e.reason.contains("file not found"), "{e}");
    // With its photo there, the build passes and the photo is not processed into the site.
    f.photo("khong-co.jpg", &fixtures::camera_jpeg(640, 480, 7, 1, None));
    f.build_site().unwrap();
    assert!(!f.root().join("anh").exists() || fs::read_dir(f.root().join("anh")).unwrap().next().is_none());
}

#[test]
fn an_invalid_draft_is_still_refused() {
    let f = published();
    let mut draft = article("nhap-loi", "khong-co", "2024-01-03T08:00:00+07:00");
    draft["draft"] = json!(true);
    f.article(&draft);
    let e = f.single_error();
    assert!(e.file.ends_with("articles/nhap-loi.json"), "{e}");
    assert_eq!(e.field.as_deref(), Some("category"));
}

#[test]
fn a_notice_past_its_expiry_keeps_its_page_marked_and_leaves_listings_and_feeds() {
    let f = Fixture::new();
    f.article(&article("bai-dau", "tin-tuc", "2024-01-02T08:00:00+07:00"));
    let mut notice = article("thong-bao-cat-dien", "tin-tuc", "2026-11-20T08:00:00+07:00");
    notice["expires"] = json!("2026-11-25T17:00:00+07:00");
    f.article(&notice);
    let mut later = article("thong-bao-con-han", "tin-tuc", "2026-11-21T08:00:00+07:00");
    later["expires"] = json!("2026-12-10T17:00:00+07:00");
    f.article(&later);
    f.write("site.json", &public_site().to_string());
    f.drawing("cau.svg");
    f.build_site().unwrap();
    let expired: Article = f.read("articles/thong-bao-cat-dien.json");
    assert!(
        expired.html.starts_with("<p role=\"note\" class=\"expired\"><strong>Hết hiệu lực</strong>"),
        "{}",
        expired.html
    );
    assert!(expired.html.contains("25/11/2026 17:00"), "{}", expired.html);
    let current: Article = f.read("articles/thong-bao-con-han.json");
    assert!(!current.html.contains("Hết hiệu lực"));
    let latest: ListingPage = f.read("latest/1.json");
    let listed: Vec<&str> = latest.articles.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(listed, ["thong-bao-con-han", "bai-dau"]);
    let category: ListingPage = f.read("categories/tin-tuc/1.json");
    assert!(category.articles.iter().all(|a| a.slug != "thong-bao-cat-dien"));
    let feed = fs::read_to_string(f.root().join("rss.xml")).unwrap();
    assert!(!feed.contains("thong-bao-cat-dien") && feed.contains("thong-bao-con-han"), "{feed}");
    let edition: model::Edition = f.read(model::paths::EDITION);
    assert_eq!(edition.next_change.as_deref(), Some("2026-12-10T17:00:00+07:00"), "the next expiry is a change");

    let mut bad = article("het-truoc-khi-dang", "tin-tuc", "2026-11-20T08:00:00+07:00");
    bad["expires"] = json!("2026-11-19T08:00:00+07:00");
    f.article(&bad);
    let e = f.single_error();
    assert_eq!(e.field.as_deref(), Some("expires"), "{e}");
    assert!(e.reason.contains("not later than `published`"), "{e}");
}

/// What a new office gets wrong first: a menu entry to a page it does not
/// have, a link to an article that is not there, raw HTML the sanitiser
/// would change. Each stops the build, with file, field and reason.
#[test]
fn links_to_nothing_and_raw_html_that_would_be_altered_are_refused() {
    let menu = {
        let f = Fixture::new();
        let mut site = site();
        site["menu"].as_array_mut().unwrap().push(json!({"label": "Văn bản", "href": "/van-ban"}));
        f.write("site.json", &site.to_string());
        f.article(&article("bai-dau", "tin-tuc", "2024-01-02T08:00:00+07:00"));
        f.single_error()
    };
    assert!(menu.file.ends_with("site.json"), "{menu}");
    assert_eq!(menu.field.as_deref(), Some("menu[2].href"));
    assert!(menu.reason.contains("`/van-ban` leads to nothing"), "{menu}");

    // "Đăng nhập" to an editor the office does not publish (no editor.json).
    let login = {
        let f = Fixture::new();
        let mut site = site();
        site["login_url"] = json!("/quan-tri/");
        f.write("site.json", &site.to_string());
        f.article(&article("bai-dau", "tin-tuc", "2024-01-02T08:00:00+07:00"));
        f.single_error()
    };
    assert_eq!(login.field.as_deref(), Some("login_url"), "{login}");

    let cases = [
        ("Xem [bài trước](/bai-viet/khong-co).", "`/bai-viet/khong-co` leads to nothing"),
        ("Xem [liên hệ](lien-he).", "relative address"),
        ("Sơ đồ: <img src=\"/media/cau.svg\">", "`<img>` without alt"),
        ("<iframe src=\"https://video.example/x\"></iframe>", "`<iframe>`"),
        ("<p onclick=\"go()\">Bấm</p>", "event handler"),
    ];
    for (body, reason) in cases {
        let f = Fixture::new();
        let mut a = article("bai-dau", "tin-tuc", "2024-01-02T08:00:00+07:00");
        a["body"] = json!(format!("Đoạn một.\n\n{body}"));
        f.article(&a);
        f.article(&article("bai-hai", "tin-tuc", "2024-01-03T08:00:00+07:00"));
        let error = f.single_error();
        assert!(error.file.ends_with("articles/bai-dau.json"), "{error}");
        assert_eq!(error.field.as_deref(), Some("body"), "{error}");
        assert!(error.reason.contains(reason), "{body}: {error}");
    }

    // A link to what the site does publish passes.
    let f = Fixture::new();
    let mut a = article("bai-dau", "tin-tuc", "2024-01-02T08:00:00+07:00");
    a["body"] =
        json!("Xem [bài hai](/bai-viet/bai-hai), [tin tức](/chuyen-muc/tin-tuc/) và [bản tin](https://example.org/x).");
    f.article(&a);
    f.article(&article("bai-hai", "tin-tuc", "2024-01-03T08:00:00+07:00"));
    f.build().unwrap();
}
