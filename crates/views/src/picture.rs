//! Every picture of the portal as markup: a photo the press processed as
//! `<picture>` (AVIF, WebP, JPEG at each width written, its average colour
//! behind it while it arrives), any other image as a plain `<img>`. One
//! function for the article body (the press's renderer), covers, the home
//! page's lead and list thumbnails, so they cannot differ.

use leptos::prelude::*;
use model::{Image, Photo};

/// How wide a picture is drawn: the `sizes` of its `srcset`.
pub const ARTICLE_WIDTH: &str = "(min-width: 960px) 780px, 100vw";
pub const THUMB_WIDTH: &str = "(min-width: 700px) 160px, 112px";

/// How one picture is drawn.
pub struct Look {
    pub sizes: &'static str,
    /// The page's largest paint: fetched at once and first. Others wait until near.
    pub first_seen: bool,
}

/// Text made safe to write into HTML, in an attribute's value too.
pub fn attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// `src` is the image's address (a processed photo's JPEG fallback); `size`
/// a drawing's measured size.
pub fn markup(src: &str, alt: &str, photo: Option<&Photo>, size: Option<(u32, u32)>, look: &Look) -> String {
    let loading = if look.first_seen { " fetchpriority=\"high\"" } else { " loading=\"lazy\" decoding=\"async\"" };
    let alt = attribute(alt);
    let (Some(photo), Some((width, height))) = (photo, size) else {
        let size = size.map_or(String::new(), |(w, h)| format!(" width=\"{w}\" height=\"{h}\""));
        return format!("<img src=\"{}\" alt=\"{alt}\"{size}{loading}>", attribute(src));
    };
    let sizes = look.sizes;
    let mut sources = String::new();
    for extension in ["avif", "webp"] {
        sources += &format!(
            "<source type=\"image/{extension}\" srcset=\"{}\" sizes=\"{sizes}\">",
            attribute(&photo.srcset(extension))
        );
    }
    format!(
        "<span class=\"photo\"><svg class=\"photo-color\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"none\" aria-hidden=\"true\" \
         focusable=\"false\"><rect width=\"{width}\" height=\"{height}\" fill=\"{color}\"/></svg><picture>{sources}\
         <img src=\"{src}\" srcset=\"{jpegs}\" sizes=\"{sizes}\" alt=\"{alt}\" width=\"{width}\" height=\"{height}\"{loading}>\
         </picture></span>",
        color = attribute(&photo.color),
        src = attribute(src),
        jpegs = attribute(&photo.srcset("jpg")),
    )
}

/// An article's picture as a link to it (the home page's lead, list
/// thumbnails): out of the tab order and hidden from screen readers, since
/// the title beside it is the same link.
pub fn linked(class: &'static str, href: String, image: &Image, look: &Look) -> impl IntoView + use<> {
    let html = markup(&image.src, "", image.photo.as_ref(), image.size, look);
    view! { <a class=class href=href tabindex="-1" aria-hidden="true" inner_html=html></a> }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo() -> Photo {
        Photo { base: "/media/anh/ab12".into(), widest: 1000, color: "#8a7b6c".into() }
    }

    #[test]
    fn a_photo_offers_every_width_written_in_three_formats() {
        let look = Look { sizes: ARTICLE_WIDTH, first_seen: false };
        let html = markup("/media/anh/ab12-800.jpg", "Ruộng \"bậc\" thang", Some(&photo()), Some((1000, 750)), &look);
        for extension in ["avif", "webp", "jpg"] {
            assert!(
                html.contains(&format!(
                    "/media/anh/ab12-480.{extension} 480w, /media/anh/ab12-800.{extension} 800w, /media/anh/ab12-1000.{extension} 1000w\""
                )),
                "{html}"
            );
        }
        assert!(html.contains("width=\"1000\" height=\"750\" loading=\"lazy\""), "{html}");
        assert!(html.contains("alt=\"Ruộng &quot;bậc&quot; thang\""), "{html}");
        assert!(html.contains("fill=\"#8a7b6c\""), "{html}");
    }

    #[test]
    fn the_first_picture_is_not_lazy_and_a_drawing_has_its_size() {
        let look = Look { sizes: THUMB_WIDTH, first_seen: true };
        assert_eq!(
            markup("https://example.org/a.svg", "", None, None, &look),
            "<img src=\"https://example.org/a.svg\" alt=\"\" fetchpriority=\"high\">"
        );
        assert_eq!(
            markup("/media/a.svg", "", None, Some((800, 450)), &look),
            "<img src=\"/media/a.svg\" alt=\"\" width=\"800\" height=\"450\" fetchpriority=\"high\">"
        );
    }
}
