//! The files crawlers and feed readers ask for at the site root —
//! sitemap.xml (an index of parts past 45,000 addresses), news-sitemap.xml
//! (the last two days), rss.xml and rss/{category}.xml, robots.txt and the
//! web app manifest. Everything is built in memory before anything is written.

use jiff::Timestamp;
use model::paths::route;
use model::{ArticleSummary, LISTING_PAGE_SIZE, ListingPage, page_count};

use crate::assemble::Published;
use crate::html::escaped as xml;

/// Addresses per sitemap file (the protocol allows 50,000).
const SITEMAP_PART: usize = 45_000;
/// Items per feed.
const FEED_ITEMS: usize = 50;
/// A news sitemap lists what was published in the last two days.
const NEWS_WINDOW_HOURS: i64 = 48;

pub struct SiteFile {
    /// Relative to the site root.
    pub path: String,
    pub contents: String,
}

fn rfc2822(published: &str) -> String {
    published
        .parse::<Timestamp>()
        .map(|at| at.to_zoned_datetime(crate::check::vietnam()).strftime("%a, %d %b %Y %H:%M:%S %z").to_string())
        .unwrap_or_default()
}

pub fn site_files(published: &Published, edition: crate::Edition) -> Vec<SiteFile> {
    let site = &published.site.site;
    let mut files = vec![SiteFile { path: "manifest.webmanifest".into(), contents: manifest(published) }];
    if edition.preview {
        // Staff only: nothing here is for search engines, whatever the host sends.
        files.push(SiteFile { path: "robots.txt".into(), contents: "User-agent: *\nDisallow: /\n".into() });
        return files;
    }
    let now = edition.now;
    let Some(base) = site.base_url.as_deref() else {
        files.push(SiteFile { path: "robots.txt".into(), contents: "User-agent: *\nAllow: /\n".into() });
        return files;
    };
    files.push(SiteFile {
        path: "robots.txt".into(),
        contents: format!("User-agent: *\nAllow: /\n\nSitemap: {base}/sitemap.xml\nSitemap: {base}/news-sitemap.xml\n"),
    });
    files.extend(sitemaps(published, base));
    files.push(SiteFile { path: "news-sitemap.xml".into(), contents: news_sitemap(published, base, now) });
    // The listings already hold each category's articles, its children's
    // included, newest first: the feeds are their first items.
    files.push(SiteFile {
        path: "rss.xml".into(),
        contents: feed(published, base, &site.name, "/rss.xml", &format!("{base}/"), &newest(&published.latest)),
    });
    for (slug, pages) in &published.categories {
        let Some(category) = published.site.category(slug) else { continue };
        let path = format!("/rss/{slug}.xml");
        let title = format!("{} — {}", category.name, site.name);
        let link = format!("{base}{}", route::category(slug));
        files.push(SiteFile {
            path: path[1..].to_string(),
            contents: feed(published, base, &title, &path, &link, &newest(pages)),
        });
    }
    files
}

fn newest(pages: &[ListingPage]) -> Vec<&ArticleSummary> {
    pages.iter().flat_map(|page| &page.articles).take(FEED_ITEMS).collect()
}

fn manifest(published: &Published) -> String {
    let site = &published.site.site;
    serde_json::json!({
        "name": site.name,
        "short_name": site.short_name.as_deref().unwrap_or("Cổng TTĐT"),
        "lang": "vi",
        "start_url": "/",
        "display": "standalone",
        "background_color": "#f3f3f1",
        "theme_color": "#9f1c1c",
        "icons": [{ "src": "/favicon.svg", "sizes": "any", "type": "image/svg+xml" }],
    })
    .to_string()
}

fn sitemaps(published: &Published, base: &str) -> Vec<SiteFile> {
    let newest = published.articles.first().map(|a| a.updated.clone().unwrap_or(a.published.clone()));
    let mut urls: Vec<(String, Option<String>)> = vec![(format!("{base}/"), newest.clone())];
    let latest_pages = page_count(published.articles.len(), LISTING_PAGE_SIZE);
    urls.extend((1..=latest_pages).map(|n| (format!("{base}{}", route::paged(&route::latest(), n)), newest.clone())));
    for (slug, pages) in &published.categories {
        let lastmod = pages.first().and_then(|p| p.articles.first()).map(|a| a.published.clone());
        for page in pages {
            urls.push((format!("{base}{}", route::paged(&route::category(slug), page.page)), lastmod.clone()));
        }
    }
    for article in &published.articles {
        let lastmod = article.updated.clone().unwrap_or(article.published.clone());
        urls.push((format!("{base}{}", route::article(&article.slug)), Some(lastmod)));
    }
    urls.extend(
        published.pages.iter().filter(|page| !page.has_query()).map(|page| (format!("{base}{}", page.path), None)),
    );
    let part = |urls: &[(String, Option<String>)]| {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for (loc, lastmod) in urls {
            out.push_str(&format!("  <url><loc>{}</loc>", xml(loc)));
            if let Some(lastmod) = lastmod {
                out.push_str(&format!("<lastmod>{lastmod}</lastmod>"));
            }
            out.push_str("</url>\n");
        }
        out.push_str("</urlset>\n");
        out
    };
    if urls.len() <= SITEMAP_PART {
        return vec![SiteFile { path: "sitemap.xml".into(), contents: part(&urls) }];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (n, chunk) in urls.chunks(SITEMAP_PART).enumerate() {
        let path = format!("sitemap-{}.xml", n + 1);
        index.push_str(&format!("  <sitemap><loc>{base}/{path}</loc></sitemap>\n"));
        files.push(SiteFile { path, contents: part(chunk) });
    }
    index.push_str("</sitemapindex>\n");
    files.push(SiteFile { path: "sitemap.xml".into(), contents: index });
    files
}

fn news_sitemap(published: &Published, base: &str, now: Timestamp) -> String {
    let since = now - jiff::SignedDuration::from_hours(NEWS_WINDOW_HOURS);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n",
    );
    let name = xml(&published.site.site.name);
    for article in &published.articles {
        let Ok(at) = article.published.parse::<Timestamp>() else { continue };
        if at < since {
            // Newest first: nothing after this one is recent either.
            break;
        }
        if at > now || published.expired.contains(&article.slug) {
            continue;
        }
        out.push_str(&format!(
            "  <url><loc>{base}{loc}</loc><news:news><news:publication><news:name>{name}</news:name>\
             <news:language>vi</news:language></news:publication><news:publication_date>{date}</news:publication_date>\
             <news:title>{title}</news:title></news:news></url>\n",
            loc = route::article(&article.slug),
            date = article.published,
            title = xml(&article.title),
        ));
    }
    out.push_str("</urlset>\n");
    out
}

fn feed(
    published: &Published,
    base: &str,
    title: &str,
    self_path: &str,
    link: &str,
    items: &[&ArticleSummary],
) -> String {
    let site = &published.site.site;
    let built = items.first().map(|a| rfc2822(&a.published)).unwrap_or_default();
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n\
         <title>{title}</title>\n<link>{link}</link>\n<description>{description}</description>\n<language>vi</language>\n\
         <lastBuildDate>{built}</lastBuildDate>\n<atom:link href=\"{base}{self_path}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        title = xml(title),
        link = xml(link),
        description = xml(&format!("Tin bài của {}", site.name)),
    );
    for article in items {
        let url = format!("{base}{}", route::article(&article.slug));
        let category = published.site.category(&article.category).map(|c| c.name.as_str()).unwrap_or_default();
        out.push_str(&format!(
            "<item><title>{title}</title><link>{url}</link><guid isPermaLink=\"true\">{url}</guid>\
             <pubDate>{date}</pubDate><category>{category}</category><description>{sapo}</description></item>\n",
            title = xml(&article.title),
            url = xml(&url),
            date = rfc2822(&article.published),
            category = xml(category),
            sapo = xml(&article.sapo),
        ));
    }
    out.push_str("</channel>\n</rss>\n");
    out
}
