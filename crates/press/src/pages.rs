//! Stage 7 (after trunk): a static HTML page for the home page, every
//! category's first page, every article, "Tin mới" and the not-found page —
//! trunk's index.html with the page's own head (title, description,
//! canonical, Open Graph, Twitter card, JSON-LD) and its readable content in
//! the app's own layout, so it shows before the wasm arrives (and without
//! JavaScript at all) and the app can take over without a jump.

use model::paths::route;
use model::{Article, ArticleSummary, HomePage, ListingPage, SIDEBAR_LATEST, SiteData, long_date, short_date};
use pulldown_cmark_escape::escape_html;

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
}

const BOOT_START: &str = "<!-- boot -->";
const BOOT_END: &str = "<!-- /boot -->";

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_html(&mut out, text).expect("writing to a String");
    out
}

/// Head tags and body of one page.
struct Parts {
    title: String,
    description: String,
    path: String,
    image: Option<String>,
    og_type: &'static str,
    json_ld: Vec<serde_json::Value>,
    main: String,
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

pub fn pages(template: &str, data: &Data) -> Result<Vec<Page>, String> {
    if !(template.contains(BOOT_START) && template.contains(BOOT_END)) {
        return Err(format!("index.html has no {BOOT_START} … {BOOT_END} block to fill"));
    }
    let template = &without_preloads(template);
    let site = data.site;
    let name = &site.site.name;
    let mut pages = Vec::new();
    let mut add = |file: String, current: &str, parts: Parts| {
        pages.push(Page { path: file, html: render(template, data, current, parts) });
    };

    add(
        "index.html".into(),
        "/",
        Parts {
            title: name.clone(),
            description: format!("Cổng thông tin điện tử {name}: tin tức, chỉ đạo điều hành, thông báo."),
            path: "/".into(),
            image: data.home.featured.first().and_then(|a| a.cover.as_ref()).map(|c| c.src.clone()),
            og_type: "website",
            json_ld: vec![],
            main: home(data),
        },
    );
    add(
        "tin-moi/index.html".into(),
        "/tin-moi",
        Parts {
            title: format!("Tin mới | {name}"),
            description: format!("Tin mới nhất của {name}."),
            path: route::latest(),
            image: None,
            og_type: "website",
            json_ld: vec![],
            main: format!(
                "{}<h1 class=\"page-title\">Tin mới</h1>{}",
                breadcrumb(&[("/", "Trang chủ"), ("/tin-moi", "Tin mới")]),
                listing(data.latest, &route::latest())
            ),
        },
    );
    add(
        "tim-kiem/index.html".into(),
        "/tim-kiem",
        Parts {
            title: format!("Tìm kiếm | {name}"),
            description: format!("Tìm kiếm bài viết trên cổng thông tin {name}."),
            path: route::search(),
            image: None,
            og_type: "website",
            json_ld: vec![],
            main: format!(
                "{}<h1 class=\"page-title\">Tìm kiếm</h1><form class=\"search-box large\" role=\"search\" action=\"/tim-kiem\" \
                 method=\"get\"><input type=\"search\" name=\"q\" placeholder=\"Tìm kiếm bài viết…\" aria-label=\"Từ khóa tìm kiếm\" \
                 maxlength=\"200\"><button type=\"submit\" class=\"button\">Tìm</button></form>\
                 <p class=\"search-empty\">Nhập từ khóa để tìm kiếm, ví dụ: điều hành, chuyển đổi số.</p>",
                breadcrumb(&[("/", "Trang chủ"), ("/tim-kiem", "Tìm kiếm")])
            ),
        },
    );
    for (slug, first) in &data.categories {
        let Some(category) = site.category(slug) else { continue };
        let trail = trail(site, slug);
        let crumbs: Vec<(&str, &str)> = trail.iter().map(|(h, n)| (h.as_str(), n.as_str())).collect();
        add(
            format!("chuyen-muc/{slug}/index.html"),
            &route::category(slug),
            Parts {
                title: format!("{} | {name}", category.name),
                description: format!("{} — {name}.", category.name),
                path: route::category(slug),
                image: None,
                og_type: "website",
                json_ld: vec![breadcrumb_ld(site, &trail)],
                main: format!(
                    "{}<h1 class=\"page-title\">{}</h1>{}",
                    breadcrumb(&crumbs),
                    esc(&category.name),
                    listing(first, &route::category(slug))
                ),
            },
        );
    }
    for article in &data.articles {
        let others = data.categories.iter().find(|(slug, _)| *slug == article.category).map(|(_, page)| *page);
        let mut crumbs = trail(site, &article.category);
        crumbs.push((route::article(&article.slug), article.title.clone()));
        let json_ld = vec![news_article_ld(site, article), breadcrumb_ld(site, &crumbs)];
        add(
            format!("bai-viet/{}/index.html", article.slug),
            &route::category(&article.category),
            Parts {
                title: format!("{} | {name}", article.title),
                description: article.sapo.clone(),
                path: route::article(&article.slug),
                image: article.cover.as_ref().map(|c| c.src.clone()),
                og_type: "article",
                json_ld,
                main: article_main(site, article, others),
            },
        );
    }
    add(
        "404.html".into(),
        "",
        Parts {
            title: format!("Không tìm thấy trang | {name}"),
            description: "Trang bạn tìm không tồn tại.".into(),
            path: "/404".into(),
            image: None,
            og_type: "website",
            json_ld: vec![],
            main: NOT_FOUND.to_string(),
        },
    );
    Ok(pages)
}

const NOT_FOUND: &str = "<div class=\"state state-not-found\"><p class=\"code\" aria-hidden=\"true\">404</p>\
    <h1>Không tìm thấy trang</h1><p>Trang bạn tìm không tồn tại hoặc đã được chuyển sang địa chỉ khác.</p>\
    <p class=\"actions\"><a class=\"button\" href=\"/\">Về trang chủ</a></p></div>";

fn absolute(base: Option<&str>, path: &str) -> String {
    format!("{}{path}", base.unwrap_or(""))
}

fn render(template: &str, data: &Data, current: &str, parts: Parts) -> String {
    let site = data.site;
    let base = site.site.base_url.as_deref();
    let canonical = absolute(base, &parts.path);
    let mut head = format!(
        "<link rel=\"canonical\" href=\"{canonical}\">\n<meta property=\"og:site_name\" content=\"{site_name}\">\n\
         <meta property=\"og:locale\" content=\"vi_VN\">\n<meta property=\"og:type\" content=\"{og_type}\">\n\
         <meta property=\"og:title\" content=\"{title}\">\n<meta property=\"og:description\" content=\"{description}\">\n\
         <meta property=\"og:url\" content=\"{canonical}\">\n<meta name=\"twitter:card\" content=\"{card}\">\n\
         <meta name=\"twitter:title\" content=\"{title}\">\n<meta name=\"twitter:description\" content=\"{description}\">\n",
        canonical = esc(&canonical),
        site_name = esc(&site.site.name),
        og_type = parts.og_type,
        title = esc(&parts.title),
        description = esc(&parts.description),
        card = if parts.image.is_some() { "summary_large_image" } else { "summary" },
    );
    if let Some(image) = &parts.image {
        let image = esc(&absolute(base, image));
        head.push_str(&format!(
            "<meta property=\"og:image\" content=\"{image}\">\n<meta name=\"twitter:image\" content=\"{image}\">\n"
        ));
    }
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
    let body = format!("{BOOT_START}\n{}\n    {BOOT_END}", layout(data, current, &parts.main));
    let start = html.find(BOOT_START).expect("checked");
    let end = html.find(BOOT_END).expect("checked") + BOOT_END.len();
    html.replace_range(start..end, &body);
    html
}

fn layout(data: &Data, current: &str, main: &str) -> String {
    let s = &data.site.site;
    let menu: String = s
        .menu
        .iter()
        .map(|item| {
            let active = if item.href == "/" { current == "/" } else { current.starts_with(&item.href) };
            format!(
                "<li><a href=\"{}\"{}>{}</a></li>",
                esc(&item.href),
                if active { " aria-current=\"page\"" } else { "" },
                esc(&item.label)
            )
        })
        .collect();
    let latest: Vec<ArticleSummary> = data.latest.articles.iter().take(SIDEBAR_LATEST).cloned().collect();
    let phone: String = s.phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    format!(
        "<div id=\"boot\" class=\"boot\"><a class=\"skip-link\" href=\"#noi-dung\">Bỏ qua đến nội dung chính</a>\
<header class=\"site-header\"><div class=\"container brand\"><a class=\"brand-link\" href=\"/\">\
<img class=\"emblem\" src=\"/emblem.svg\" alt=\"\" width=\"64\" height=\"64\"><span class=\"brand-text\">\
<span class=\"brand-parent\">{tagline}</span><span class=\"brand-name\">{name}</span></span></a>\
<form class=\"search-box\" role=\"search\" action=\"/tim-kiem\" method=\"get\"><input type=\"search\" name=\"q\" \
placeholder=\"Tìm kiếm bài viết…\" aria-label=\"Từ khóa tìm kiếm\" maxlength=\"200\"><button type=\"submit\" class=\"button\">Tìm</button></form></div>\
<nav class=\"menu\" aria-label=\"Danh mục\"><div class=\"container\"><button type=\"button\" class=\"menu-toggle\" \
aria-controls=\"menu-items\" aria-expanded=\"false\"><span class=\"menu-toggle-icon\" aria-hidden=\"true\"></span>Danh mục</button>\
<ul id=\"menu-items\" class=\"menu-items\">{menu}</ul></div></nav></header>\
<div class=\"page container\"><main id=\"noi-dung\" class=\"content\">{main}</main>\
<aside class=\"sidebar\"><section class=\"box\"><h2 class=\"box-title\"><a href=\"/tin-moi\">Tin mới</a></h2>{latest}</section>\
<section class=\"box visitor-stats\"><h2 class=\"box-title\">Thống kê truy cập</h2><dl>\
<div class=\"stat\"><dt>Đang online</dt><dd>—</dd></div><div class=\"stat\"><dt>Hôm nay</dt><dd>—</dd></div>\
<div class=\"stat\"><dt>Trong tuần</dt><dd>—</dd></div><div class=\"stat\"><dt>Tất cả</dt><dd>—</dd></div></dl></section></aside></div>\
<footer class=\"site-footer\"><div class=\"container footer-inner\"><div class=\"footer-office\"><p class=\"footer-name\">{name}</p>\
<address><span>Địa chỉ: {address}</span><span>Điện thoại: <a href=\"tel:{phone}\">{phone_text}</a></span>\
<span>Email: <a href=\"mailto:{email}\">{email}</a></span></address></div><div class=\"footer-staff\">\
<p>Ghi rõ nguồn khi phát hành lại thông tin từ cổng thông tin này.</p><a class=\"login-link\" href=\"{login}\" rel=\"external\">Đăng nhập</a></div></div></footer></div>",
        tagline = esc(&s.tagline),
        name = esc(&s.name),
        latest = list(&latest, false),
        address = esc(&s.address),
        phone = esc(&phone),
        phone_text = esc(&s.phone),
        email = esc(&s.email),
        login = esc(&s.login_url),
    )
}

fn breadcrumb(items: &[(&str, &str)]) -> String {
    let items: String =
        items.iter().map(|(href, name)| format!("<li><a href=\"{}\">{}</a></li>", esc(href), esc(name))).collect();
    format!("<nav class=\"breadcrumb\" aria-label=\"Đường dẫn\"><ol>{items}</ol></nav>")
}

/// Trang chủ and the category's ancestors, outermost first: (href, name).
fn trail(site: &SiteData, category: &str) -> Vec<(String, String)> {
    let mut items = vec![("/".to_string(), "Trang chủ".to_string())];
    items.extend(site.category_trail(category).into_iter().map(|c| (route::category(&c.slug), c.name.clone())));
    items
}

fn breadcrumb_ld(site: &SiteData, trail: &[(String, String)]) -> serde_json::Value {
    let base = site.site.base_url.as_deref();
    let items: Vec<serde_json::Value> = trail
        .iter()
        .enumerate()
        .map(|(i, (href, name))| {
            serde_json::json!({ "@type": "ListItem", "position": i + 1, "name": name, "item": absolute(base, href) })
        })
        .collect();
    serde_json::json!({ "@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items })
}

fn news_article_ld(site: &SiteData, article: &Article) -> serde_json::Value {
    let base = site.site.base_url.as_deref();
    serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.sapo,
        "image": article.cover.iter().map(|c| absolute(base, &c.src)).collect::<Vec<_>>(),
        "datePublished": article.published,
        "dateModified": article.updated.as_ref().unwrap_or(&article.published),
        "author": [{ "@type": "Person", "name": article.author }],
        "publisher": {
            "@type": "GovernmentOrganization",
            "name": site.site.name,
            "logo": { "@type": "ImageObject", "url": absolute(base, "/emblem.svg") },
        },
        "mainEntityOfPage": absolute(base, &route::article(&article.slug)),
        "inLanguage": "vi",
    })
}

fn list(articles: &[ArticleSummary], with_sapo: bool) -> String {
    if articles.is_empty() {
        return "<p class=\"empty\">Chưa có bài viết.</p>".into();
    }
    let items: String = articles
        .iter()
        .map(|a| {
            let href = route::article(&a.slug);
            let thumb = a
                .cover
                .as_ref()
                .map(|c| {
                    format!(
                        "<a class=\"thumb\" href=\"{href}\" tabindex=\"-1\" aria-hidden=\"true\"><img src=\"{}\" alt=\"\" \
                         loading=\"lazy\" decoding=\"async\" width=\"160\" height=\"100\"></a>",
                        esc(&c.src)
                    )
                })
                .unwrap_or_default();
            let sapo = if with_sapo { format!("<p class=\"article-item-sapo\">{}</p>", esc(&a.sapo)) } else { String::new() };
            format!(
                "<li class=\"article-item\">{thumb}<div class=\"article-item-text\"><a class=\"article-item-title\" href=\"{href}\">{}</a>\
                 <time class=\"meta\" datetime=\"{}\">{}</time>{sapo}</div></li>",
                esc(&a.title),
                esc(&a.published),
                short_date(&a.published)
            )
        })
        .collect();
    format!("<ul class=\"article-list\">{items}</ul>")
}

/// Page links as the app draws them (`model::page_items`).
fn pagination(current: u32, total: u32, base: &str) -> String {
    if total <= 1 {
        return String::new();
    }
    let link = |page: u32, label: &str, class: &str, aria: &str| {
        format!("<a href=\"{}\" class=\"{class}\" aria-label=\"{aria}\">{label}</a>", esc(&route::paged(base, page)))
    };
    let mut out = String::from("<nav class=\"pagination\" aria-label=\"Phân trang\">");
    if current > 1 {
        out.push_str(&link(current - 1, "‹", "page-prev", "Trang trước"));
    }
    for item in model::page_items(current, total) {
        match item {
            model::PageItem::Page(p) if p == current => {
                out.push_str(&format!("<span class=\"page current\" aria-current=\"page\">{p}</span>"))
            }
            model::PageItem::Page(p) => out.push_str(&link(p, &p.to_string(), "page", &format!("Trang {p}"))),
            model::PageItem::Gap => out.push_str("<span class=\"page-gap\" aria-hidden=\"true\">…</span>"),
        }
    }
    if current < total {
        out.push_str(&link(current + 1, "›", "page-next", "Trang sau"));
    }
    out.push_str("</nav>");
    out
}

fn listing(page: &ListingPage, base: &str) -> String {
    format!("{}{}", list(&page.articles, true), pagination(page.page, page.total_pages, base))
}

fn home(data: &Data) -> String {
    let site = data.site;
    let mut featured = data.home.featured.iter();
    let lead = featured
        .next()
        .map(|a| {
            let href = route::article(&a.slug);
            let image = a
                .cover
                .as_ref()
                .map(|c| {
                    format!(
                        "<a class=\"lead-image\" href=\"{href}\" tabindex=\"-1\" aria-hidden=\"true\"><img src=\"{}\" alt=\"\" \
                         width=\"800\" height=\"450\" decoding=\"async\" fetchpriority=\"high\"></a>",
                        esc(&c.src)
                    )
                })
                .unwrap_or_default();
            format!(
                "<article class=\"lead\">{image}<h2 class=\"lead-title\"><a href=\"{href}\">{}</a></h2>\
                 <time class=\"meta\" datetime=\"{}\">{}</time><p class=\"lead-sapo\">{}</p></article>",
                esc(&a.title),
                esc(&a.published),
                short_date(&a.published),
                esc(&a.sapo)
            )
        })
        .unwrap_or_default();
    let more: Vec<ArticleSummary> = featured.cloned().collect();
    let more = if more.is_empty() { String::new() } else { list(&more, false) };
    let sections: String = data
        .home
        .sections
        .iter()
        .map(|section| {
            let name = site.category(&section.category).map(|c| c.name.as_str()).unwrap_or_default();
            let href = route::category(&section.category);
            format!(
                "<section class=\"home-section\"><h2 class=\"section-title\"><a href=\"{href}\">{}</a></h2>{}\
                 <a class=\"more\" href=\"{href}\">Xem thêm</a></section>",
                esc(name),
                list(&section.articles, false)
            )
        })
        .collect();
    format!(
        "<h1 class=\"visually-hidden\">{}</h1><section class=\"featured\" aria-label=\"Tin nổi bật\">{lead}{more}</section>\
         <div class=\"home-sections\">{sections}</div>",
        esc(&site.site.name)
    )
}

fn article_main(site: &SiteData, article: &Article, others: Option<&ListingPage>) -> String {
    let trail = trail(site, &article.category);
    let crumbs: Vec<(&str, &str)> = trail.iter().map(|(h, n)| (h.as_str(), n.as_str())).collect();
    let updated = article
        .updated
        .as_ref()
        .map(|u| {
            format!("<span class=\"updated\">Cập nhật: <time datetime=\"{}\">{}</time></span>", esc(u), long_date(u))
        })
        .unwrap_or_default();
    let cover = article
        .cover
        .as_ref()
        .map(|c| {
            let caption =
                c.caption.as_ref().map(|t| format!("<figcaption>{}</figcaption>", esc(t))).unwrap_or_default();
            format!(
                "<figure class=\"cover\"><img src=\"{}\" alt=\"{}\" decoding=\"async\">{caption}</figure>",
                esc(&c.src),
                esc(&c.alt)
            )
        })
        .unwrap_or_default();
    let tags = if article.tags.is_empty() {
        String::new()
    } else {
        let items: String = article.tags.iter().map(|t| format!("<li>{}</li>", esc(t))).collect();
        format!("<div class=\"tags\"><span class=\"tags-label\">Từ khóa:</span><ul>{items}</ul></div>")
    };
    let neighbour = |link: &Option<model::ArticleLink>, label: &str, class: &str| {
        link.as_ref()
            .map(|l| {
                format!(
                    "<a class=\"{class}\" href=\"{}\"><span class=\"neighbour-label\">{label}</span><span class=\"neighbour-title\">{}</span></a>",
                    route::article(&l.slug),
                    esc(&l.title)
                )
            })
            .unwrap_or_default()
    };
    let neighbours = if article.older.is_some() || article.newer.is_some() {
        format!(
            "<nav class=\"neighbours\" aria-label=\"Bài liên quan theo thời gian\">{}{}</nav>",
            neighbour(&article.newer, "Bài mới hơn", "neighbour newer"),
            neighbour(&article.older, "Bài trước đó", "neighbour older")
        )
    } else {
        String::new()
    };
    let other = others
        .map(|page| {
            let items: Vec<ArticleSummary> = page.articles.iter().filter(|a| a.slug != article.slug).cloned().collect();
            format!(
                "<section class=\"other-articles\" aria-labelledby=\"tin-khac\"><h2 class=\"section-title\" id=\"tin-khac\">Tin khác</h2>{}{}</section>",
                list(&items, false),
                pagination(1, page.total_pages, &route::article(&article.slug))
            )
        })
        .unwrap_or_default();
    format!(
        "<article class=\"article\">{}<h1 class=\"article-title\">{}</h1><p class=\"meta article-dates\">\
         <time datetime=\"{}\">{}</time>{updated}<span class=\"views\">Lượt xem: —</span></p><p class=\"sapo\">{}</p>{cover}\
         <div class=\"article-body\">{}</div><p class=\"byline\">{}</p>{tags}{neighbours}</article>{other}",
        breadcrumb(&crumbs),
        esc(&article.title),
        esc(&article.published),
        long_date(&article.published),
        esc(&article.sapo),
        article.html,
        esc(&article.author),
    )
}
