//! Components in a real browser (headless Chromium via wasm-bindgen-test):
//! what a reader sees of an article, of the page links, of a failed fetch.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use model::{Article, ArticleLink, Category, Image, MenuItem, Site, SiteData};
use portal::api::{FetchError, Fetched};
use portal::components::loaded::loaded;
use views::article::ArticleView;
use views::pagination::Pagination;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view into a fresh element with the portal's stylesheet applied.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let document = document();
    if document.get_element_by_id("portal-css").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("portal-css");
        style.set_text_content(Some(include_str!("../style/main.css")));
        document.head().unwrap().append_child(&style).unwrap();
    }
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), view).forget();
    host
}

fn texts(host: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = host.query_selector_all(selector).unwrap();
    (0..nodes.length()).map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default().trim().to_string()).collect()
}

fn site() -> SiteData {
    SiteData {
        site: Site {
            name: "Văn phòng UBND tỉnh Sơn Vân".into(),
            tagline: "Cổng thông tin điện tử".into(),
            address: "Số 8 đường Hoàng Liên".into(),
            phone: "0214 3 826 118".into(),
            email: "vanphong@example.org".into(),
            login_url: Some("https://example.org/dang-nhap".into()),
            short_name: None,
            description: None,
            base_url: None,
            counter_endpoint: None,
            zalo_oa_id: None,
            editor_in_chief: None,
            notice: None,
            menu: vec![MenuItem { label: "Trang chủ".into(), href: "/".into() }],
        },
        categories: vec![
            Category { slug: "tin-tuc".into(), name: "Tin tức - Sự kiện".into(), order: 1, parent: None },
            Category {
                slug: "dia-phuong".into(),
                name: "Tin địa phương".into(),
                order: 2,
                parent: Some("tin-tuc".into()),
            },
        ],
        footer: String::new(),
    }
}

fn article() -> Article {
    Article {
        slug: "cau-treo".into(),
        title: "Hoàn thành cầu treo dân sinh".into(),
        sapo: "Chiếc cầu treo dài 80 mét vừa được đưa vào sử dụng.".into(),
        category: "dia-phuong".into(),
        published: "2021-08-20T08:30:00+07:00".into(),
        updated: None,
        author: "Sùng A Páo".into(),
        cover: Some(Image {
            src: "/media/cau-treo.svg".into(),
            alt: "Cầu treo".into(),
            caption: Some("Cầu treo mới bắc qua suối".into()),
            photo: None,
            size: Some((800, 450)),
        }),
        html: "<p>Đoạn một.</p><figure><img src=\"/media/a.svg\" alt=\"Học sinh qua cầu\"><figcaption>Học sinh đi học qua cầu treo mới</figcaption></figure><p>Đoạn hai.</p>".into(),
        tags: vec!["cầu treo".into(), "giao thông".into()],
        featured: false,
        older: Some(ArticleLink { slug: "cu".into(), title: "Bài cũ".into() }),
        newer: None,
    }
}

#[wasm_bindgen_test]
async fn article_view_shows_figures_with_captions_and_a_right_aligned_byline() {
    let host = mount(|| view! { <ArticleView article=article() site=site()/> });
    leptos::task::tick().await;

    assert_eq!(texts(&host, "h1"), ["Hoàn thành cầu treo dân sinh"]);
    assert_eq!(texts(&host, ".breadcrumb li"), ["Trang chủ", "Tin tức - Sự kiện", "Tin địa phương"]);
    assert_eq!(texts(&host, "time"), ["Thứ Sáu, 20/08/2021 08:30"]);
    assert_eq!(texts(&host, ".sapo"), ["Chiếc cầu treo dài 80 mét vừa được đưa vào sử dụng."]);
    assert_eq!(texts(&host, "figure figcaption"), ["Cầu treo mới bắc qua suối", "Học sinh đi học qua cầu treo mới"]);
    let body_image = host.query_selector(".article-body figure img").unwrap().unwrap();
    assert_eq!(body_image.get_attribute("alt").as_deref(), Some("Học sinh qua cầu"));

    let byline: web_sys::HtmlElement = host.query_selector(".byline").unwrap().unwrap().unchecked_into();
    assert_eq!(byline.text_content().as_deref(), Some("Sùng A Páo"));
    let style = window().get_computed_style(&byline).unwrap().unwrap();
    assert_eq!(style.get_property_value("text-align").unwrap(), "right");
    // The byline closes the article text: it comes after the body.
    let body = host.query_selector(".article-body").unwrap().unwrap();
    assert_eq!(body.next_element_sibling().unwrap().class_name(), "byline");

    assert_eq!(texts(&host, ".tags li"), ["cầu treo", "giao thông"]);
    assert_eq!(texts(&host, ".neighbour .neighbour-title"), ["Bài cũ"]);
}

fn links(host: &web_sys::HtmlElement) -> Vec<(String, Option<String>)> {
    let nodes = host.query_selector_all(".pagination > *").unwrap();
    (0..nodes.length())
        .map(|i| {
            let node: web_sys::Element = nodes.item(i).unwrap().unchecked_into();
            (node.text_content().unwrap_or_default(), node.get_attribute("href"))
        })
        .collect()
}

#[wasm_bindgen_test]
async fn pagination_renders_numbered_links_with_the_current_page_marked() {
    let host = mount(|| {
        view! { <Pagination current=3 total=10 href=|n| model::paths::route::paged("/chuyen-muc/tin-tuc", n)/> }
    });
    leptos::task::tick().await;
    let shown: Vec<_> = links(&host).into_iter().map(|(text, _)| text).collect();
    assert_eq!(shown, ["‹", "1", "2", "3", "4", "5", "…", "10", "›"]);
    let all = links(&host);
    assert_eq!(all[0].1.as_deref(), Some("/chuyen-muc/tin-tuc?trang=2"), "previous page");
    assert_eq!(all[1].1.as_deref(), Some("/chuyen-muc/tin-tuc"), "page 1 has the listing's own URL");
    assert_eq!(all[3].1, None, "the current page is not a link");
    assert_eq!(all[7].1.as_deref(), Some("/chuyen-muc/tin-tuc?trang=10"));
    let current = host.query_selector("[aria-current=page]").unwrap().unwrap();
    assert_eq!(current.text_content().as_deref(), Some("3"));

    let single = mount(|| view! { <Pagination current=1 total=1 href=|n| n.to_string()/> });
    leptos::task::tick().await;
    assert!(single.query_selector(".pagination").unwrap().is_none(), "one page needs no page links");
}

#[wasm_bindgen_test]
async fn a_failed_fetch_shows_an_error_with_retry_that_recovers() {
    let attempts = RwSignal::new(0u32);
    let host = mount(move || {
        let resource = LocalResource::new(move || {
            let attempt = attempts.get_untracked() + 1;
            attempts.set(attempt);
            async move {
                let result: Fetched<String> = if attempt == 1 {
                    Err(FetchError::Network("offline".into()))
                } else {
                    Ok("Nội dung đã tải".into())
                };
                result
            }
        });
        loaded(resource, |text| view! { <p class="ready">{text}</p> })
    });
    for _ in 0..5 {
        leptos::task::tick().await;
    }
    assert_eq!(texts(&host, ".state-error h2"), ["Không tải được nội dung"]);
    let button: web_sys::HtmlElement = host.query_selector(".state-error button").unwrap().unwrap().unchecked_into();
    assert_eq!(button.text_content().as_deref(), Some("Thử lại"));
    button.click();
    for _ in 0..5 {
        leptos::task::tick().await;
    }
    assert_eq!(texts(&host, ".ready"), ["Nội dung đã tải"]);
    assert!(host.query_selector(".state-error").unwrap().is_none());
}

#[wasm_bindgen_test]
fn the_browser_folds_vietnamese_exactly_as_the_indexer_does() {
    // The same cases the native unit tests check: decomposition here is the
    // browser's, natively it is unicode-normalization's.
    for (text, folded) in model::text::AGREED_FOLDS {
        assert_eq!(model::text::fold(text), *folded, "{text}");
    }
    assert_eq!(model::text::exact("ĐƯỜNG"), model::text::exact("đường"));
    assert_eq!(model::text::exact("Đa\u{300}"), model::text::exact("đà"));
    assert_ne!(model::text::exact("đường"), model::text::exact("dương"));
}

#[wasm_bindgen_test]
fn the_app_reads_a_fragment_as_the_press_writes_it() {
    // The press writes `model::Fragment` with serde_json (press::publish);
    // the app reads it with the browser's JSON parser (api::parse_fragment).
    let fragment = model::Fragment {
        title: "Quyết định 12/2025/QĐ-UBND \"về\" <việc> & 'khác'".into(),
        html: "<article class=\"article office-page\" lang=\"en\"><h1>\\ \u{1F600} \u{2028}</h1></article>".into(),
    };
    let written = serde_json::to_string(&fragment).unwrap();
    assert_eq!(portal::api::parse_fragment(&written), Some(fragment));
    // What a host answers for a file it does not have, and a fragment missing its body.
    assert_eq!(portal::api::parse_fragment("<!DOCTYPE html><html lang=\"vi\"></html>"), None);
    assert_eq!(portal::api::parse_fragment("{\"title\":\"Liên hệ\"}"), None);
    assert_eq!(portal::api::parse_fragment("{\"title\":1,\"html\":\"<p></p>\"}"), None);
}
