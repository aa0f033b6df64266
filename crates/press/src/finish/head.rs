//! A static page's head: its title and description written into the
//! template, and the tags link previews and search engines read
//! (`views::head::ShareTags`: canonical, Open Graph, Twitter card, JSON-LD).

use model::paths::route;
use model::{Article, SiteData};

use leptos::prelude::*;
use views::head::{DublinCore, ShareTags};

use crate::html::{escaped as esc, html_of};

/// Head tags of one page, and its URL (what the router is told).
pub(super) struct Parts {
    pub(super) title: String,
    pub(super) description: String,
    pub(super) path: String,
    pub(super) image: Option<String>,
    pub(super) og_type: &'static str,
    pub(super) json_ld: Vec<serde_json::Value>,
    /// Its Dublin Core creator, date and language ([`dublin_core`]).
    pub(super) dublin_core: DublinCore,
}

/// Dublin Core's creator, date and language of a page: `author` (else the
/// office), the day of `date` (RFC 3339 or a day) and `lang`.
pub(super) fn dublin_core(site: &SiteData, author: Option<&str>, date: &str, lang: &str) -> DublinCore {
    DublinCore {
        creator: author.unwrap_or(&site.site.name).to_string(),
        date: date.chars().take(10).collect(),
        language: lang.to_string(),
    }
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
pub(super) fn share_image(image: &model::Image) -> Option<String> {
    image.photo.as_ref().map_or_else(|| raster(&image.src), |photo| Some(photo.jpeg(1200)))
}

/// The first picture of an article's body that a link preview can show.
pub(super) fn first_body_image(html: &str) -> Option<String> {
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

/// `template` with the page's title, description and share tags.
pub(super) fn with_head(template: &str, site: &SiteData, mut parts: Parts) -> String {
    parts.description = preview(&parts.description);
    let tags = html_of(|| {
        view! {
            <ShareTags
                canonical=site.public_url(&parts.path)
                site_name=site.site.name.clone()
                og_type=parts.og_type
                title=parts.title.clone()
                description=parts.description.clone()
                image=site.public_url(parts.image.as_deref().unwrap_or(SHARE_IMAGE))
                // `</` cannot appear inside the script element's text.
                json_ld=parts.json_ld.iter().map(|ld| ld.to_string().replace("</", "<\\/")).collect()
                dublin_core=parts.dublin_core.clone()
            />
        }
    });
    let mut html = titled(template, &parts.title, &parts.description);
    let head_end = html.find("</head>").unwrap_or(0);
    html.insert_str(head_end, &format!("{tags}\n"));
    html
}

/// `template` with `title` and `description` in place of trunk's.
pub(super) fn titled(template: &str, title: &str, description: &str) -> String {
    let (before_title, rest) = template.split_once("<title>").unwrap_or((template, ""));
    let after_title = rest.split_once("</title>").map(|(_, after)| after).unwrap_or(rest);
    let mut html = format!("{before_title}<title>{}</title>{after_title}", esc(title));
    if let Some(start) = html.find("<meta name=\"description\"")
        && let Some(len) = html[start..].find('>')
    {
        html.replace_range(
            start..=start + len,
            &format!("<meta name=\"description\" content=\"{}\">", esc(description)),
        );
    }
    html
}

pub(super) fn breadcrumb_ld(site: &SiteData, trail: &[(String, String)]) -> serde_json::Value {
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
pub(super) fn office_ld(site: &SiteData, page: &model::Page) -> serde_json::Value {
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

pub(super) fn news_article_ld(site: &SiteData, article: &Article) -> serde_json::Value {
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
