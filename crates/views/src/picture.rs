//! Every picture of the portal as markup: a photo the press processed as
//! `<picture>` (AVIF, WebP, JPEG at each width written, its average colour
//! behind it while it arrives), any other image as a plain `<img>`. One
//! function for the article body (the press's renderer), covers, the home
//! page's lead and list thumbnails, so they cannot differ.

use model::Photo;

/// How wide a picture is drawn: the `sizes` of its `srcset`.
pub const ARTICLE_WIDTH: &str = "(min-width: 960px) 780px, 100vw";
pub const THUMB_WIDTH: &str = "(min-width: 700px) 160px, 112px";

/// How one picture is drawn.
pub struct Look {
    pub sizes: &'static str,
    /// The page's largest paint: fetched at once and first. Others wait until near.
    pub first_seen: bool,
    /// Box size for an image the press did not measure (an SVG).
    pub fallback_size: Option<(u32, u32)>,
}

fn attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// `src` is the image's address (a processed photo's JPEG fallback).
pub fn markup(src: &str, alt: &str, photo: Option<&Photo>, look: &Look) -> String {
    let loading = if look.first_seen { " fetchpriority=\"high\"" } else { " loading=\"lazy\" decoding=\"async\"" };
    let alt = attribute(alt);
    let Some(photo) = photo else {
        let size = look.fallback_size.map_or(String::new(), |(w, h)| format!(" width=\"{w}\" height=\"{h}\""));
        return format!("<img src=\"{}\" alt=\"{alt}\"{size}{loading}>", attribute(src));
    };
    let (width, height, sizes) = (photo.width, photo.height, look.sizes);
    let sources: String = [("avif", "image/avif"), ("webp", "image/webp")]
        .iter()
        .map(|(extension, kind)| {
            format!("<source type=\"{kind}\" srcset=\"{}\" sizes=\"{sizes}\">", attribute(&photo.srcset(extension)))
        })
        .collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    fn photo() -> Photo {
        Photo {
            base: "/media/anh/ab12".into(),
            width: 1000,
            height: 750,
            widths: vec![480, 800, 1000],
            color: "#8a7b6c".into(),
        }
    }

    #[test]
    fn a_photo_offers_every_width_written_in_three_formats() {
        let look = Look { sizes: ARTICLE_WIDTH, first_seen: false, fallback_size: None };
        let html = markup("/media/anh/ab12-800.jpg", "Ruộng \"bậc\" thang", Some(&photo()), &look);
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
    fn the_first_picture_is_not_lazy_and_an_svg_keeps_its_box() {
        let look = Look { sizes: THUMB_WIDTH, first_seen: true, fallback_size: Some((160, 100)) };
        assert_eq!(
            markup("/media/a.svg", "", None, &look),
            "<img src=\"/media/a.svg\" alt=\"\" width=\"160\" height=\"100\" fetchpriority=\"high\">"
        );
    }
}
