//! Markdown → HTML. A paragraph holding only an image becomes a
//! `<figure>` whose caption is the image's title; the result is then
//! sanitised, so nothing an author pastes can run script in a reader's browser.
//! A photo the press processed is drawn by `views::picture` (trusted markup,
//! put in after sanitising, in place of a token the sanitiser keeps as text).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};

/// An image found in the Markdown, for validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyImage {
    pub src: String,
    pub alt: String,
}

pub struct Rendered {
    pub html: String,
    pub images: Vec<BodyImage>,
    /// The words of the body without markup, for the search index.
    pub text: String,
    /// Where its links lead (Markdown links and raw `<a href>`), as written.
    pub links: Vec<String>,
    /// Raw HTML the sanitiser would change, each with the reason: refused,
    /// so the writer knows, rather than published altered.
    pub refused: Vec<String>,
}

pub fn markdown(source: &str) -> Rendered {
    markdown_with_photos(source, &|_| None)
}

/// Private-use characters mark where a photo goes; they are taken out of
/// the source first, so no author can place one.
const TOKEN_START: char = '\u{E000}';
const TOKEN_END: char = '\u{E001}';

/// What the photo stage learnt of an image.
#[derive(Clone, Copy)]
pub enum Measured<'p> {
    /// A processed photo and its (upright) size.
    Photo(&'p model::Photo, (u32, u32)),
    Drawing(u32, u32),
}

/// [`markdown`], drawing the images `measured` knows: processed photos as
/// `<picture>`, drawings with their size.
pub fn markdown_with_photos<'p>(source: &str, measured: &dyn Fn(&str) -> Option<Measured<'p>>) -> Rendered {
    let cleaned;
    let source = if source.contains([TOKEN_START, TOKEN_END]) {
        cleaned = source.replace([TOKEN_START, TOKEN_END], "");
        cleaned.as_str()
    } else {
        source
    };
    let mut pictures: Vec<String> = Vec::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut events = Parser::new_ext(source, options).peekable();
    let mut out: Vec<Event> = Vec::new();
    let mut images = Vec::new();
    let mut text = String::with_capacity(source.len());
    let (mut links, mut refused) = (Vec::new(), Vec::new());
    while let Some(event) = events.next() {
        match &event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push('\n'),
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
            Event::Html(raw) | Event::InlineHtml(raw) => inspect_raw_html(raw, &mut links, &mut refused),
            _ => {}
        }
        match event {
            Event::Start(Tag::Image { dest_url, title, .. }) => {
                let alt = collect_alt(&mut events);
                let lone = matches!(out.last(), Some(Event::Start(Tag::Paragraph)))
                    && matches!(events.peek(), Some(Event::End(TagEnd::Paragraph)));
                let image = match measured(&dest_url) {
                    Some(Measured::Photo(photo, size)) => {
                        let look = views::picture::Look { sizes: views::picture::ARTICLE_WIDTH, first_seen: false };
                        pictures.push(views::picture::markup(&photo.jpeg(800), &alt, Some(photo), Some(size), &look));
                        format!("{TOKEN_START}{}{TOKEN_END}", pictures.len() - 1)
                    }
                    Some(Measured::Drawing(width, height)) => {
                        img(&dest_url, &alt, if lone { "" } else { &title }, Some((width, height)))
                    }
                    None => img(&dest_url, &alt, if lone { "" } else { &title }, None),
                };
                let html = if lone {
                    out.pop();
                    events.next();
                    figure(&image, &title)
                } else {
                    image
                };
                out.push(Event::Html(html.into()));
                images.push(BodyImage { src: dest_url.to_string(), alt });
            }
            other => out.push(other),
        }
    }
    let mut raw = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut raw, out.into_iter());
    let mut html = sanitize(&raw);
    for (i, picture) in pictures.iter().enumerate() {
        html = html.replacen(&format!("{TOKEN_START}{i}{TOKEN_END}"), picture, 1);
    }
    refused.dedup();
    Rendered { html, images, text, links, refused }
}

/// What [`SANITIZER`] keeps, read from it once (the raw HTML check asks for every piece).
struct Allowed {
    tags: HashSet<&'static str>,
    /// Dropped with everything inside (script, style).
    dropped_whole: HashSet<&'static str>,
    generic: HashSet<&'static str>,
    per_tag: HashMap<&'static str, HashSet<&'static str>>,
    schemes: HashSet<&'static str>,
}

static ALLOWED: LazyLock<Allowed> = LazyLock::new(|| Allowed {
    tags: SANITIZER.clone_tags(),
    dropped_whole: SANITIZER.clone_clean_content_tags(),
    generic: SANITIZER.clone_generic_attributes(),
    per_tag: SANITIZER.clone_tag_attributes(),
    schemes: SANITIZER.clone_url_schemes(),
});

/// What [`sanitize`] would do to a piece of raw HTML, as reasons a writer
/// understands; its links' addresses go into `links`.
fn inspect_raw_html(raw: &str, links: &mut Vec<String>, refused: &mut Vec<String>) {
    let Allowed { tags, dropped_whole, generic, per_tag, schemes } = &*ALLOWED;
    for token in html5gum::Tokenizer::new(raw).flatten() {
        let html5gum::Token::StartTag(tag) = token else { continue };
        let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
        if !tags.contains(name.as_str()) {
            refused.push(if dropped_whole.contains(name.as_str()) {
                format!(
                    "raw HTML `<{name}>` would be removed with all it holds: a body runs no script and carries no style"
                )
            } else if ["iframe", "embed", "object", "video", "audio", "frame"].contains(&name.as_str()) {
                format!("raw HTML `<{name}>` (an embedded page or player) would be removed: link to it instead")
            } else {
                format!("raw HTML `<{name}>` is not allowed in a body and would be removed")
            });
            continue;
        }
        let attribute = |wanted: &str| {
            tag.attributes
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(wanted.as_bytes()))
                .map(|(_, value)| String::from_utf8_lossy(value).trim().to_string())
        };
        for key in tag.attributes.keys() {
            let key = String::from_utf8_lossy(key).to_ascii_lowercase();
            let allowed = generic.contains(key.as_str())
                || per_tag.get(name.as_str()).is_some_and(|allowed| allowed.contains(key.as_str()))
                || (name == "a" && key == "rel");
            if key.starts_with("on") {
                refused.push(format!("raw HTML `<{name} {key}=…>`: an event handler (script) would be removed"));
            } else if !allowed {
                refused.push(format!("raw HTML `<{name}>`: its attribute `{key}` would be removed"));
            }
        }
        for key in ["href", "src"] {
            let Some(url) = attribute(key) else { continue };
            let scheme = url.split_once(':').map(|(scheme, _)| scheme.to_ascii_lowercase());
            if let Some(scheme) = scheme.filter(|scheme| !scheme.contains(['/', '?', '#']))
                && !schemes.contains(scheme.as_str())
            {
                refused
                    .push(format!("raw HTML `<{name} {key}=\"{scheme}:…\">`: a `{scheme}:` address would be removed"));
            } else if name == "a" && key == "href" {
                links.push(url);
            }
        }
        if name == "img" && attribute("alt").is_none_or(|alt| alt.is_empty()) {
            refused.push(
                "raw HTML `<img>` without alt (what the picture shows, for readers who cannot see it): write it as \
                 Markdown, ![mô tả](/media/…), which also gives it its size"
                    .into(),
            );
        }
    }
}

/// The alt text is the image's inline content, flattened to text.
fn collect_alt<'a>(events: &mut impl Iterator<Item = Event<'a>>) -> String {
    let mut alt = String::new();
    let mut depth = 0;
    for event in events.by_ref() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(TagEnd::Image) if depth == 0 => break,
            Event::End(_) => depth -= 1,
            Event::Text(text) | Event::Code(text) => alt.push_str(&text),
            Event::SoftBreak | Event::HardBreak => alt.push(' '),
            _ => {}
        }
    }
    alt.trim().to_string()
}

fn img(src: &str, alt: &str, title: &str, size: Option<(u32, u32)>) -> String {
    let mut html = String::from("<img src=\"");
    escape_href(&mut html, src).expect("writing to a String");
    html.push_str("\" alt=\"");
    escape_html(&mut html, alt).expect("writing to a String");
    if !title.is_empty() {
        html.push_str("\" title=\"");
        escape_html(&mut html, title).expect("writing to a String");
    }
    html.push('"');
    if let Some((width, height)) = size {
        html.push_str(&format!(" width=\"{width}\" height=\"{height}\""));
    }
    html.push_str(" loading=\"lazy\" decoding=\"async\">");
    html
}

fn figure(image: &str, caption: &str) -> String {
    let mut html = String::from("<figure>");
    html.push_str(image);
    if !caption.is_empty() {
        html.push_str("<figcaption>");
        escape_html(&mut html, caption).expect("writing to a String");
        html.push_str("</figcaption>");
    }
    html.push_str("</figure>\n");
    html
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .add_tag_attributes("img", &["loading", "decoding", "title", "width", "height"])
        .add_tag_attributes("td", &["align"])
        .add_tag_attributes("th", &["align"])
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"));
    builder
});

/// Keeps the tags and attributes an article needs and drops everything that
/// can execute: script, event handlers, `javascript:` URLs, styles, frames.
pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_image_with_title_becomes_a_captioned_figure() {
        let r =
            markdown("Đoạn đầu.\n\n![Ruộng bậc thang](/media/ruong.svg \"Ruộng bậc thang mùa lúa chín\")\n\nĐoạn sau.");
        assert!(
            r.html.contains(
                "<figure><img src=\"/media/ruong.svg\" alt=\"Ruộng bậc thang\" loading=\"lazy\" decoding=\"async\"><figcaption>Ruộng bậc thang mùa lúa chín</figcaption></figure>"
            ),
            "{}",
            r.html
        );
        assert!(!r.html.contains("<p><figure>"));
        assert_eq!(r.images, vec![BodyImage { src: "/media/ruong.svg".into(), alt: "Ruộng bậc thang".into() }]);
    }

    #[test]
    fn inline_image_stays_inline_and_caption_is_escaped() {
        let r = markdown("Chữ ký ![con dấu](/media/dau.svg \"a <b>\") ở đây.");
        assert!(r.html.starts_with("<p>Chữ ký <img"), "{}", r.html);
        assert!(r.html.contains("title=\"a &lt;b&gt;\""), "{}", r.html);
        assert!(!r.html.contains("<figure>"));
    }

    #[test]
    fn image_without_title_is_a_figure_without_caption() {
        let r = markdown("![Bản đồ](/media/ban-do.svg)");
        assert!(r.html.contains("<figure><img"));
        assert!(!r.html.contains("figcaption"));
    }

    #[test]
    fn missing_alt_is_reported_as_empty() {
        let r = markdown("![](/media/x.svg \"Chú thích\")");
        assert_eq!(r.images[0].alt, "");
    }

    #[test]
    fn xss_vectors_do_not_survive() {
        let vectors = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">bấm</a>",
            "[bấm](javascript:alert(1))",
            "[bấm](JaVaScRiPt:alert(1))",
            "![x](javascript:alert(1) \"c\")",
            "<svg onload=alert(1)><circle r=1/></svg>",
            "<iframe src=\"https://example.org\"></iframe>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<p onclick=\"alert(1)\">x</p>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<form action=\"https://example.org\"><input name=a></form>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<scr<script>ipt>alert(1)</script>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
        ];
        for vector in vectors {
            let html = markdown(vector).html.to_ascii_lowercase();
            for banned in [
                "<script",
                "onerror",
                "onload",
                "onclick",
                "javascript:",
                "<iframe",
                "style=",
                "data:text",
                "<object",
                "<embed",
                "<form",
                "<input",
                "<svg",
                "<math",
            ] {
                assert!(!html.contains(banned), "{vector:?} left {banned:?} in {html:?}");
            }
        }
    }

    #[test]
    fn raw_html_the_sanitiser_would_change_is_named() {
        let refused = |body: &str| markdown(body).refused;
        assert!(refused("Ảnh: <img src=\"/media/a.svg\">")[0].contains("`<img>` without alt"));
        assert!(refused("<iframe src=\"https://video.example/x\"></iframe>")[0].contains("`<iframe>`"));
        assert!(refused("<script>alert(1)</script>")[0].contains("`<script>`"));
        assert!(refused("<p onclick=\"x()\">Chữ</p>")[0].contains("onclick"));
        assert!(refused("<div style=\"color:red\">Chữ</div>")[0].contains("`style`"));
        assert!(refused("<a href=\"javascript:alert(1)\">x</a>")[0].contains("`javascript:`"));
        // What the sanitiser keeps as it is passes.
        for kept in [
            "<b>Đậm</b> và <a href=\"/lien-he\">liên hệ</a>",
            "<img src=\"/media/a.svg\" alt=\"Sơ đồ\">",
            "[x](https://example.org/a)",
        ] {
            assert_eq!(refused(kept), Vec::<String>::new(), "{kept}");
        }
    }

    #[test]
    fn links_are_found_in_markdown_and_raw_html() {
        let links = markdown("[Liên hệ](/lien-he) và <a href=\"/bai-viet/x\">bài</a>, <https://example.org>.").links;
        assert_eq!(links, ["/lien-he", "/bai-viet/x", "https://example.org"]);
    }

    #[test]
    fn ordinary_markup_survives() {
        let html = markdown("## Mục tiêu\n\n**Đậm**, *nghiêng*, [liên kết](https://example.org/a).\n\n- một\n- hai\n\n| A | B |\n|---|---|\n| 1 | 2 |").html;
        for kept in [
            "<h2>Mục tiêu</h2>",
            "<strong>Đậm</strong>",
            "<em>nghiêng</em>",
            "href=\"https://example.org/a\"",
            "rel=\"noopener noreferrer\"",
            "<li>hai</li>",
            "<table>",
            "<td>2</td>",
        ] {
            assert!(html.contains(kept), "{kept} missing from {html}");
        }
    }
}
