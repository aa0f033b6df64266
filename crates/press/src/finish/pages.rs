//! A static HTML page for the home page, every
//! category's first page, every article, "Tin mới", the search page, the
//! office's own pages (Giới thiệu, Liên hệ, English, Sơ đồ cổng) and the
//! not-found page — trunk's index.html with the page's own head (title,
//! description, canonical, Open Graph, Twitter card, JSON-LD) and its body
//! drawn by the app's own components (`views`, rendered natively inside a
//! router told the page's URL), so it shows before the wasm arrives (and
//! without JavaScript at all) and the app can take over without a jump.
//!
//! What this file holds is the list of pages and their head data; the
//! markup of every page is in `views`.

use crate::html::{escaped as esc, html_of};
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::location::RequestUrl;
use model::paths::route;
use model::{Article, HomePage, ListingPage, SiteData};
use rayon::prelude::*;
use views::article::{ArticleView, OtherArticles, OtherArticlesList};
use views::article_list::SidebarLatest;
use views::home::{Home, HomeFrame};
use views::layout::Shell;
use views::listing_page::{CategoryFrame, LatestFrame, Listing};
use views::page::PageView;
use views::search::{SearchFrame, SearchPrompt};
use views::states::NotFound;

pub struct Page {
    /// Relative to the site root.
    pub path: String,
    pub html: String,
}

/// What the press reads back from the published data to draw the pages.
pub struct Data<'a> {
    pub site: &'a SiteData,
    pub home: &'a HomePage,
    pub latest: &'a ListingPage,
    pub categories: Vec<(&'a str, &'a ListingPage)>,
    pub articles: Vec<&'a Article>,
    pub pages: Vec<&'a model::Page>,
}

const BOOT_START: &str = "<!-- boot -->";
const BOOT_END: &str = "<!-- /boot -->";

/// Head tags of one page, and its URL (what the router is told).
struct Parts {
    title: String,
    description: String,
    path: String,
    image: Option<String>,
    og_type: &'static str,
    json_ld: Vec<serde_json::Value>,
}

/// trunk preloads the wasm and its JS at the highest priority; on a slow
/// link that takes the bandwidth the page's own pictures need for their first
/// paint. The loader script still fetches both, just after them.
fn without_preloads(template: &str) -> String {
    let mut html = template.to_string();
    for marker in ["<link rel=\"modulepreload\"", "<link rel=\"preload\""] {
        while let Some(start) = html.find(marker) {
            let Some(len) = html[start..].find('>') else { break };
            html.replace_range(start..=start + len, "");
        }
    }
    html
}

/// The icon and the manifest are fetched as the page loads, the icon at a
/// high priority; on a slow link each takes a connection the page's first
/// picture needs. A static page holds them in `<noscript class="later">`: a
/// reader without JavaScript gets them as they are, and the loader puts them
/// in once the paints have settled (`start_app_after_load`). Until then an
/// empty `data:` icon stands in, or the browser would ask for /favicon.ico.
fn defer_head_links(template: &str) -> Result<String, String> {
    let mut html = template.to_string();
    for (marker, stand_in) in
        [("<link rel=\"icon\"", "<link rel=\"icon\" href=\"data:,\">"), ("<link rel=\"manifest\"", "")]
    {
        let start = html.find(marker).ok_or_else(|| format!("index.html has no {marker}>"))?;
        let end = start + html[start..].find('>').ok_or("unclosed <link>")? + 1;
        let link = html[start..end].to_string();
        html.replace_range(start..end, &format!("{stand_in}<noscript class=\"later\">{link}</noscript>"));
    }
    Ok(html)
}

/// trunk links the stylesheet; a static page carries it inline instead, so
/// it paints from its own first response with no render-blocking round trip
/// (the CSP allows it by hash). `read` gives a linked file's text by its href.
pub fn inline_stylesheet(template: &str, read: impl Fn(&str) -> Result<String, String>) -> Result<String, String> {
    const LINK: &str = "<link rel=\"stylesheet\" href=\"";
    let Some(start) = template.find(LINK) else {
        return Err("index.html links no stylesheet to inline".into());
    };
    let href_start = start + LINK.len();
    let href = &template[href_start..href_start + template[href_start..].find('"').ok_or("unclosed href")?];
    let end = start + template[start..].find('>').ok_or("unclosed <link>")?;
    let css = read(href)?;
    if css.contains("</style") {
        return Err(format!("{href} holds `</style`, which would end the inline stylesheet"));
    }
    Ok(format!("{}<style>{}</style>{}", &template[..start], css.trim_end(), &template[end + 1..]))
}

/// trunk's loader imports the app's script as the page is parsed, so on a
/// slow link the app's download starts before the first paint and competes
/// with the page's pictures. A static page already shows everything: its
/// loader starts the app once the page and its pictures are in (`load`) and
/// the paints have settled: 300 ms without a new largest-contentful-paint
/// entry (each one starts the wait again), 1.5 s after `load` at the most.
/// Started earlier, the app's download could land before the largest paint
/// of a listing whose pictures are still arriving. Then, before the app, it
/// puts in what waited in `<noscript class="later">` (`views::layout::Later`,
/// `defer_head_links`): the page is whole even if the app never starts.
fn start_app_after_load(template: &str) -> Result<String, String> {
    let start = template.find("<script type=\"module\">").ok_or("index.html has no trunk loader")?;
    let end = start + template[start..].find("</script>").ok_or("unclosed trunk loader")? + "</script>".len();
    let loader = &template[start..end];
    let quoted_after = |marker: &str| {
        let at = loader.find(marker)? + marker.len();
        Some(&loader[at..at + loader[at..].find('\'')?])
    };
    let (Some(script), Some(wasm)) = (quoted_after(" from '"), quoted_after("module_or_path: '")) else {
        return Err(format!("trunk's loader has changed shape: {loader}"));
    };
    let deferred = format!(
        "<script type=\"module\">\nconst start = async () => {{\n  const bindings = await import('{script}');\n  \
         const wasm = await bindings.default({{ module_or_path: '{wasm}' }});\n  window.wasmBindings = bindings;\n  \
         dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{ detail: {{ wasm }} }}));\n}};\n\
         let started = false;\nconst go = () => {{\n  if (started) return;\n  started = true;\n  \
         for (const later of document.querySelectorAll(\"noscript.later\")) later.outerHTML = later.textContent;\n  \
         setTimeout(start);\n}};\n\
         const afterPaint = () => {{\n  let quiet = setTimeout(go, 300);\n  \
         new PerformanceObserver(() => {{ clearTimeout(quiet); quiet = setTimeout(go, 300); }})\n    \
         .observe({{ type: \"largest-contentful-paint\" }});\n  setTimeout(go, 1500);\n}};\n\
         if (document.readyState === \"complete\") go(); else addEventListener(\"load\", afterPaint, {{ once: true }});\n</script>"
    );
    Ok(format!("{}{deferred}{}", &template[..start], &template[end..]))
}

/// One page to write: its file, head and the content of its `<main>`.
struct Planned {
    file: String,
    parts: Parts,
    main: Box<dyn FnOnce() -> AnyView + Send>,
}

fn plan(data: &Data) -> Vec<Planned> {
    let site = data.site;
    let name = &site.site.name;
    let mut pages = Vec::new();
    let mut add = |file: String, parts: Parts, main: Box<dyn FnOnce() -> AnyView + Send>| {
        pages.push(Planned { file, parts, main });
    };
    let home = data.home.clone();
    let home_site = site.clone();
    add(
        "index.html".into(),
        Parts {
            title: name.clone(),
            description: format!("Cổng thông tin điện tử {name}: tin tức, chỉ đạo điều hành, thông báo."),
            path: "/".into(),
            image: data.home.featured.first().and_then(|a| a.cover.as_ref()).and_then(share_image),
            og_type: "website",
            json_ld: vec![],
        },
        Box::new(move || {
            view! { <HomeFrame site=home_site.clone()><Home home site=home_site/></HomeFrame> }.into_any()
        }),
    );
    let latest = data.latest.clone();
    add(
        "tin-moi/index.html".into(),
        Parts {
            title: format!("Tin mới | {name}"),
            description: format!("Tin mới nhất của {name}."),
            path: route::latest(),
            image: None,
            og_type: "website",
            json_ld: vec![],
        },
        Box::new(move || view! { <LatestFrame><Listing page=latest base=route::latest()/></LatestFrame> }.into_any()),
    );
    add(
        "tim-kiem/index.html".into(),
        Parts {
            title: format!("Tìm kiếm | {name}"),
            description: format!("Tìm kiếm bài viết trên cổng thông tin {name}."),
            path: route::search(),
            image: None,
            og_type: "website",
            json_ld: vec![],
        },
        Box::new(|| view! { <SearchFrame><SearchPrompt/></SearchFrame> }.into_any()),
    );
    for (slug, first) in &data.categories {
        let Some(category) = site.category(slug).cloned() else { continue };
        let (frame_site, first) = (site.clone(), (*first).clone());
        add(
            format!("chuyen-muc/{slug}/index.html"),
            Parts {
                title: format!("{} | {name}", category.name),
                description: format!("{} — {name}.", category.name),
                path: route::category(slug),
                image: None,
                og_type: "website",
                json_ld: vec![breadcrumb_ld(site, &site.trail(slug))],
            },
            Box::new(move || {
                let base = route::category(&category.slug);
                view! { <CategoryFrame site=frame_site category><Listing page=first base/></CategoryFrame> }.into_any()
            }),
        );
    }
    for article in &data.articles {
        let others =
            data.categories.iter().find(|(slug, _)| *slug == article.category).map(|(_, page)| (*page).clone());
        let mut crumbs = site.trail(&article.category);
        crumbs.push((route::article(&article.slug), article.title.clone()));
        let (article_site, owned) = (site.clone(), (*article).clone());
        add(
            format!("bai-viet/{}/index.html", article.slug),
            Parts {
                title: format!("{} | {name}", article.title),
                description: article.sapo.clone(),
                path: route::article(&article.slug),
                image: article.cover.as_ref().and_then(share_image).or_else(|| first_body_image(&article.html)),
                og_type: "article",
                json_ld: vec![news_article_ld(site, article), breadcrumb_ld(site, &crumbs)],
            },
            Box::new(move || {
                let slug = owned.slug.clone();
                let others = others.map(|listing| {
                    view! { <OtherArticles><OtherArticlesList slug listing/></OtherArticles> }
                });
                view! { <ArticleView article=owned site=article_site/>{others} }.into_any()
            }),
        );
    }
    for page in &data.pages {
        let mut crumbs = vec![("/".to_string(), "Trang chủ".to_string())];
        crumbs.extend(page.section.clone());
        crumbs.push((page.path.clone(), page.title.clone()));
        let owned = (*page).clone();
        let is_site_map = page.path == route::SITE_MAP;
        let mut json_ld = vec![breadcrumb_ld(site, &crumbs)];
        if let Some(own) = page.json_ld.as_deref().and_then(|text| serde_json::from_str(text).ok()) {
            json_ld.insert(0, own);
        } else if !is_site_map {
            json_ld.insert(0, office_ld(site, page));
        }
        add(
            format!("{}/index.html", page.path.trim_start_matches('/')),
            Parts {
                title: format!("{} | {name}", page.title),
                description: page.description.clone(),
                path: page.path.clone(),
                image: first_body_image(&page.html),
                og_type: "website",
                json_ld,
            },
            Box::new(move || view! { <PageView page=owned/> }.into_any()),
        );
    }
    add(
        "404.html".into(),
        Parts {
            title: format!("Không tìm thấy trang | {name}"),
            description: "Trang bạn tìm không tồn tại.".into(),
            path: "/404".into(),
            image: None,
            og_type: "website",
            json_ld: vec![],
        },
        Box::new(|| view! { <NotFound/> }.into_any()),
    );
    pages
}

pub fn pages(template: &str, data: &Data) -> Result<Vec<Page>, String> {
    if !(template.contains(BOOT_START) && template.contains(BOOT_END)) {
        return Err(format!("index.html has no {BOOT_START} … {BOOT_END} block to fill"));
    }
    let template = &start_app_after_load(&defer_head_links(&without_preloads(template))?)?;
    // Rendering is independent per page: spread it over the cores.
    let drawn = plan(data)
        .into_par_iter()
        .map(|page| {
            let body = draw(data, &page.parts.path, page.main);
            Page { path: page.file, html: render(template, data, page.parts, &body) }
        })
        .collect();
    Ok(drawn)
}

/// The whole frame around `main`, drawn by the app's own components for the
/// page at `url`, inside the static copy's `#boot` element.
fn draw(data: &Data, url: &str, main: Box<dyn FnOnce() -> AnyView + Send>) -> String {
    let site = data.site.clone();
    let latest = data.latest.clone();
    let html = html_of(|| {
        provide_context(RequestUrl::new(url));
        view! {
            <Router>
                <Shell site latest=view! { <SidebarLatest page=latest/> }>{main()}</Shell>
            </Router>
        }
    });
    format!("<div id=\"boot\" class=\"boot\">{html}</div>")
}

/// The picture link previews show for a page without one of its own
/// (1200×630, made from the emblem and the office's name).
pub const SHARE_IMAGE: &str = "/share.png";

/// Link previews and search snippets show about 160 characters: the text
/// cut at the last word boundary that fits, with "…".
pub const DESCRIPTION_CHARS: usize = 160;

fn preview(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= DESCRIPTION_CHARS {
        return text.to_string();
    }
    let fits: String = text.chars().take(DESCRIPTION_CHARS - 1).collect();
    let cut = fits.rfind(char::is_whitespace).map_or(fits.as_str(), |at| &fits[..at]);
    format!("{}…", cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:.–—-".contains(c)))
}

/// Link previews take a photo as a 1200-px JPEG; a drawing (SVG) they do
/// not draw at all (Facebook and Zalo take JPEG, PNG, GIF and WebP only),
/// so a cover that is not a photo or a raster picture gives none.
fn share_image(image: &model::Image) -> Option<String> {
    image.photo.as_ref().map_or_else(|| raster(&image.src), |photo| Some(photo.jpeg(1200)))
}

/// The first picture of an article's body that a link preview can show.
fn first_body_image(html: &str) -> Option<String> {
    html.split("<img").skip(1).find_map(|img| {
        let src = img.split_once(" src=\"")?.1;
        raster(&src[..src.find('"')?])
    })
}

/// `src` if it is a JPEG or PNG picture, the two every link preview shows.
fn raster(src: &str) -> Option<String> {
    let path = src.split(['?', '#']).next().unwrap_or_default().to_ascii_lowercase();
    [".jpg", ".jpeg", ".png"].iter().any(|kind| path.ends_with(kind)).then(|| src.to_string())
}

fn render(template: &str, data: &Data, mut parts: Parts, body: &str) -> String {
    let site = data.site;
    let canonical = site.public_url(&parts.path);
    parts.description = preview(&parts.description);
    let image = esc(&site.public_url(parts.image.as_deref().unwrap_or(SHARE_IMAGE)));
    let mut head = format!(
        "<link rel=\"canonical\" href=\"{canonical}\">\n<meta property=\"og:site_name\" content=\"{site_name}\">\n\
         <meta property=\"og:locale\" content=\"vi_VN\">\n<meta property=\"og:type\" content=\"{og_type}\">\n\
         <meta property=\"og:title\" content=\"{title}\">\n<meta property=\"og:description\" content=\"{description}\">\n\
         <meta property=\"og:url\" content=\"{canonical}\">\n<meta name=\"twitter:card\" content=\"{card}\">\n\
         <meta name=\"twitter:title\" content=\"{title}\">\n<meta name=\"twitter:description\" content=\"{description}\">\n\
         <meta property=\"og:image\" content=\"{image}\">\n<meta name=\"twitter:image\" content=\"{image}\">\n",
        canonical = esc(&canonical),
        site_name = esc(&site.site.name),
        og_type = parts.og_type,
        title = esc(&parts.title),
        description = esc(&parts.description),
        card = "summary_large_image",
    );
    for ld in &parts.json_ld {
        // `</` cannot appear inside the script element's text.
        let json = ld.to_string().replace("</", "<\\/");
        head.push_str(&format!("<script type=\"application/ld+json\">{json}</script>\n"));
    }
    let (before_title, rest) = template.split_once("<title>").unwrap_or((template, ""));
    let after_title = rest.split_once("</title>").map(|(_, after)| after).unwrap_or(rest);
    let mut html = format!("{before_title}<title>{}</title>{after_title}", esc(&parts.title));
    if let Some(start) = html.find("<meta name=\"description\"")
        && let Some(len) = html[start..].find('>')
    {
        html.replace_range(
            start..=start + len,
            &format!("<meta name=\"description\" content=\"{}\">", esc(&parts.description)),
        );
    }
    let head_end = html.find("</head>").unwrap_or(0);
    html.insert_str(head_end, &head);
    let body = format!("{BOOT_START}\n{body}\n    {BOOT_END}");
    let start = html.find(BOOT_START).expect("checked");
    let end = html.find(BOOT_END).expect("checked") + BOOT_END.len();
    html.replace_range(start..end, &body);
    html
}

fn breadcrumb_ld(site: &SiteData, trail: &[(String, String)]) -> serde_json::Value {
    let items: Vec<serde_json::Value> = trail
        .iter()
        .enumerate()
        .map(|(i, (href, name))| {
            serde_json::json!({ "@type": "ListItem", "position": i + 1, "name": name, "item": site.public_url(href) })
        })
        .collect();
    serde_json::json!({ "@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items })
}

/// The office as a government organisation, on its own pages (in the page's language).
fn office_ld(site: &SiteData, page: &model::Page) -> serde_json::Value {
    let office = &site.site;
    serde_json::json!({
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": office.name,
        "url": site.public_url("/"),
        "logo": site.public_url("/emblem.svg"),
        "address": { "@type": "PostalAddress", "streetAddress": office.address, "addressCountry": "VN" },
        "telephone": office.phone,
        "email": office.email,
        "description": page.description,
        "mainEntityOfPage": site.public_url(&page.path),
        "inLanguage": page.lang,
    })
}

fn news_article_ld(site: &SiteData, article: &Article) -> serde_json::Value {
    serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.sapo,
        // Search engines take a drawing too: the cover as it is (a photo's JPEG).
        "image": article.cover.iter().map(|c| site.public_url(&c.photo.as_ref().map_or_else(|| c.src.clone(), |p| p.jpeg(1200)))).collect::<Vec<_>>(),
        "datePublished": article.published,
        "dateModified": article.updated.as_ref().unwrap_or(&article.published),
        "author": [{ "@type": "Person", "name": article.author }],
        "publisher": {
            "@type": "GovernmentOrganization",
            "name": site.site.name,
            "logo": { "@type": "ImageObject", "url": site.public_url("/emblem.svg") },
        },
        "mainEntityOfPage": site.public_url(&route::article(&article.slug)),
        "inLanguage": "vi",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stylesheet_goes_inline_in_place_of_its_link() {
        let template = "<head><title>t</title><link rel=\"stylesheet\" href=\"/main-1.css\" integrity=\"x\"/></head>";
        let read =
            |href: &str| if href == "/main-1.css" { Ok("p{color:red}\n".to_string()) } else { Err(href.to_string()) };
        assert_eq!(
            inline_stylesheet(template, read).unwrap(),
            "<head><title>t</title><style>p{color:red}</style></head>"
        );
        assert!(inline_stylesheet("<head></head>", read).is_err());
        let hostile = |_: &str| Ok("p{}</style><script>".to_string());
        assert!(inline_stylesheet(template, hostile).unwrap_err().contains("</style"));
    }

    #[test]
    fn the_app_starts_after_the_page_has_loaded() {
        let template = "<head><script type=\"module\">\nimport init, * as bindings from '/portal-1a.js';\n\
                        const wasm = await init({ module_or_path: '/portal-1a_bg.wasm' });\n</script></head>";
        let page = start_app_after_load(template).unwrap();
        assert!(!page.contains("import init"), "no import while the page is parsed: {page}");
        assert!(page.contains("await import('/portal-1a.js')"), "{page}");
        assert!(page.contains("module_or_path: '/portal-1a_bg.wasm'"), "{page}");
        assert!(page.contains("addEventListener(\"load\", afterPaint"), "{page}");
        assert!(page.contains("largest-contentful-paint"), "{page}");
        assert!(
            page.contains("clearTimeout(quiet); quiet = setTimeout(go, 300)"),
            "each paint starts the wait again: {page}"
        );
        assert!(
            page.contains("later.outerHTML = later.textContent"),
            "what waited in <noscript class=later> is put in: {page}"
        );
        assert!(start_app_after_load("<script type=\"module\">go()</script>").unwrap_err().contains("changed shape"));
    }

    #[test]
    fn the_icon_and_manifest_wait_for_the_paints() {
        let template = "<head><link rel=\"icon\" href=\"/favicon.svg\"><link rel=\"manifest\" href=\"/m.json\"></head>";
        assert_eq!(
            defer_head_links(template).unwrap(),
            "<head><link rel=\"icon\" href=\"data:,\"><noscript class=\"later\"><link rel=\"icon\" href=\"/favicon.svg\"></noscript>\
             <noscript class=\"later\"><link rel=\"manifest\" href=\"/m.json\"></noscript></head>"
        );
        assert!(defer_head_links("<head></head>").unwrap_err().contains("icon"));
    }

    #[test]
    fn descriptions_are_cut_at_a_word_boundary() {
        let short = "Vụ lúa năm nay được mùa.";
        assert_eq!(preview(short), short);
        let long = "Ủy ban nhân dân tỉnh ".repeat(20);
        let cut = preview(&long);
        assert!(cut.chars().count() <= DESCRIPTION_CHARS, "{}", cut.chars().count());
        assert!(cut.ends_with("tỉnh…") || cut.ends_with("dân…") || cut.ends_with("nhân…"), "{cut}");
        assert!(long.starts_with(cut.trim_end_matches('…')));
        let no_spaces = "a".repeat(300);
        assert_eq!(preview(&no_spaces).chars().count(), DESCRIPTION_CHARS);
    }

    #[test]
    fn the_first_body_picture_is_found() {
        let html = "<p>x</p><figure><img src=\"/media/a.jpg\" alt=\"A\"></figure><img src=\"/media/b.jpg\">";
        assert_eq!(first_body_image(html).as_deref(), Some("/media/a.jpg"));
        assert_eq!(first_body_image("<p>không có ảnh</p>"), None);
    }

    #[test]
    fn a_drawing_is_no_link_preview_picture() {
        // Facebook and Zalo draw no SVG: the first raster picture, else none
        // (and the page then shows the site's share picture).
        let html =
            "<figure><img src=\"/media/so-do.svg\" alt=\"Sơ đồ\"></figure><img src=\"/anh/ab-800.JPG\" alt=\"B\">";
        assert_eq!(first_body_image(html).as_deref(), Some("/anh/ab-800.JPG"));
        assert_eq!(first_body_image("<img src=\"/media/so-do.svg\" alt=\"\">"), None);
        let drawing = model::Image {
            src: "/media/ban-do.svg".into(),
            alt: "Bản đồ".into(),
            caption: None,
            photo: None,
            size: None,
        };
        assert_eq!(share_image(&drawing), None);
        assert_eq!(
            share_image(&model::Image { src: "/media/anh.png".into(), ..drawing }).as_deref(),
            Some("/media/anh.png")
        );
    }
}
