//! The office's identity and its own files, all from `content/`: the emblem
//! (`brand/emblem.svg`, in every page's header), the favicon
//! (`brand/favicon.svg`, else the emblem), the link-preview picture
//! (`brand/share.png`, else made here from the emblem and the office's name:
//! `views::brand::SharePicture` rendered with the DejaVu Sans the press
//! ships), and `files/`, published as it is at the site's root (drawings,
//! the PDFs of documents, drafts, press releases, forms).

use std::path::Path;
use std::sync::Arc;

use leptos::prelude::*;
use resvg::{tiny_skia, usvg};
use views::brand::{SHARE_FONT, SHARE_HEIGHT, SHARE_TEXT_WIDTH, SHARE_WIDTH, SharePicture};

use crate::error::{ContentError, Error};
use crate::html::html_of;

/// `content/brand/`: the files that say whose portal it is.
pub const BRAND: &str = "brand";
/// `content/files/`: what the office publishes as it is, at the site's root.
pub const FILES: &str = "files";
pub const EMBLEM: &str = "emblem.svg";
pub const FAVICON: &str = "favicon.svg";
/// The picture link previews show for a page without one of its own.
pub const SHARE: &str = "share.png";

/// A file for the site's root, made in memory before anything is written.
pub struct BrandFile {
    pub path: &'static str,
    pub bytes: Vec<u8>,
}

/// The emblem, favicon and share picture, checked: a missing emblem, an
/// emblem that is no SVG, a share picture that is not a 1200×630 PNG are
/// refused with the file and the reason.
/// A share picture made is kept in `cache` (by a hash of what it is drawn
/// from), so a rebuild that changed neither the emblem nor the name draws
/// nothing.
pub fn files(content: &Path, site: &model::Site, cache: &Path) -> Result<Vec<BrandFile>, Error> {
    let dir = content.join(BRAND);
    let emblem_file = dir.join(EMBLEM);
    let refuse = |file: &Path, reason: String| Error::Content(vec![ContentError::new(file, None, reason)]);
    let emblem = std::fs::read(&emblem_file).map_err(|e| {
        refuse(&emblem_file, format!("the office's emblem (SVG, in every page's header) cannot be read: {e}"))
    })?;
    usvg::Tree::from_data(&emblem, &usvg::Options::default())
        .map_err(|e| refuse(&emblem_file, format!("is not an SVG drawing: {e}")))?;
    let favicon = match std::fs::read(dir.join(FAVICON)) {
        Ok(favicon) => favicon,
        Err(_) => emblem.clone(),
    };
    let share_file = dir.join(SHARE);
    let share = match std::fs::read(&share_file) {
        Ok(own) => {
            check_share_picture(&own).map_err(|reason| refuse(&share_file, reason))?;
            own
        }
        Err(_) => {
            let kept = cache.join(format!("share-{}.png", share_key(&emblem, site)));
            match std::fs::read(&kept) {
                Ok(png) => png,
                Err(_) => {
                    let png = share_picture(&emblem, site).map_err(|reason| refuse(&emblem_file, reason))?;
                    // A cache that cannot be written only costs the next build the drawing.
                    let _ = std::fs::create_dir_all(cache).and_then(|()| std::fs::write(&kept, &png));
                    png
                }
            }
        }
    };
    Ok(vec![
        BrandFile { path: EMBLEM, bytes: emblem },
        BrandFile { path: FAVICON, bytes: favicon },
        BrandFile { path: SHARE, bytes: share },
    ])
}

/// What the share picture is drawn from, hashed: the emblem, the words on
/// it and the drawing's version (raised when `SharePicture` changes).
fn share_key(emblem: &[u8], site: &model::Site) -> String {
    use sha2::{Digest, Sha256};
    const DRAWING: &str = "1";
    let mut hash = Sha256::new();
    for part in [DRAWING.as_bytes(), emblem, site.name.as_bytes(), site.tagline.as_bytes()] {
        hash.update((part.len() as u64).to_le_bytes());
        hash.update(part);
    }
    hash.update(site.base_url.as_deref().unwrap_or_default().as_bytes());
    hash.finalize()[..12].iter().map(|b| format!("{b:02x}")).collect()
}

/// Copies `content/files/` (if the office has one) into the site's root;
/// the number of files copied.
pub fn copy_files(content: &Path, root: &Path) -> Result<usize, Error> {
    let from = content.join(FILES);
    if !from.is_dir() {
        return Ok(0);
    }
    crate::write::copy_dir(&from, root)
}

/// An office's own share picture: a PNG of 1200×630, as Facebook and Zalo ask.
fn check_share_picture(png: &[u8]) -> Result<(), String> {
    let size = (png.len() >= 24 && &png[1..4] == b"PNG").then(|| {
        (u32::from_be_bytes(png[16..20].try_into().unwrap()), u32::from_be_bytes(png[20..24].try_into().unwrap()))
    });
    match size {
        Some((SHARE_WIDTH, SHARE_HEIGHT)) => Ok(()),
        Some((w, h)) => Err(format!("is {w}×{h}: link previews need {SHARE_WIDTH}×{SHARE_HEIGHT}")),
        None => Err("is not a PNG picture".into()),
    }
}

/// The fonts the share picture is drawn with, shipped inside the press.
fn fonts() -> usvg::fontdb::Database {
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(dejavu::sans::regular().to_vec());
    fonts.load_font_data(dejavu::sans::bold().to_vec());
    fonts
}

/// `text` broken into lines no wider than `width` px at `size` px in
/// DejaVu Sans Bold (by its glyphs' advances), at word boundaries.
fn lines(text: &str, size: u32, width: u32) -> Vec<String> {
    let face = ttf_parser::Face::parse(dejavu::sans::bold(), 0).expect("the shipped font parses");
    let scale = size as f32 / face.units_per_em() as f32;
    let measure = |line: &str| -> f32 {
        line.chars()
            .filter_map(|c| face.glyph_index(c))
            .map(|glyph| face.glyph_hor_advance(glyph).unwrap_or(0) as f32 * scale)
            .sum()
    };
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if measure(&format!("{line} {word}")) <= width as f32 => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The office's share picture: [`SharePicture`] with its name in the
/// largest size that fits three lines, rendered to PNG.
pub fn share_picture(emblem: &[u8], site: &model::Site) -> Result<Vec<u8>, String> {
    let size =
        [64, 56, 48].into_iter().find(|size| lines(&site.name, *size, SHARE_TEXT_WIDTH).len() <= 3).unwrap_or(40);
    // As many lines as the full width needs, made as even as they go (no
    // last word left alone on its line).
    let count = lines(&site.name, size, SHARE_TEXT_WIDTH).len();
    let narrowest = (SHARE_TEXT_WIDTH / 2..=SHARE_TEXT_WIDTH)
        .step_by(8)
        .find(|width| lines(&site.name, size, *width).len() == count)
        .unwrap_or(SHARE_TEXT_WIDTH);
    let lines = lines(&site.name, size, narrowest);
    let address = site.base_url.as_deref().map(|url| url.split("://").last().unwrap_or(url).to_string());
    let tagline = site.tagline.clone();
    let svg = html_of(|| view! { <SharePicture emblem=EMBLEM tagline lines size address/> });
    let emblem = Arc::new(emblem.to_vec());
    let mut options =
        usvg::Options { font_family: SHARE_FONT.to_string(), fontdb: Arc::new(fonts()), ..usvg::Options::default() };
    options.image_href_resolver.resolve_string = Box::new(move |href, options| {
        (href == EMBLEM).then(|| usvg::Tree::from_data(&emblem, options).ok()).flatten().map(usvg::ImageKind::SVG)
    });
    let tree = usvg::Tree::from_str(&svg, &options).map_err(|e| format!("the share picture cannot be drawn: {e}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(SHARE_WIDTH, SHARE_HEIGHT).expect("a non-empty size");
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("the share picture cannot be encoded: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_name_is_broken_at_words_to_fit() {
        let name = "Văn phòng Ủy ban nhân dân tỉnh Sơn Vân";
        let at_64 = lines(name, 64, SHARE_TEXT_WIDTH);
        assert!(at_64.len() >= 2, "{at_64:?}");
        assert_eq!(at_64.join(" "), name);
        assert_eq!(lines(name, 10, SHARE_TEXT_WIDTH), vec![name.to_string()]);
    }

    #[test]
    fn an_offices_own_share_picture_must_be_1200_by_630() {
        let mut png = vec![0x89, b'P', b'N', b'G', 13, 10, 26, 10, 0, 0, 0, 13, b'I', b'H', b'D', b'R'];
        png.extend(1200u32.to_be_bytes());
        png.extend(630u32.to_be_bytes());
        assert!(check_share_picture(&png).is_ok());
        png[16..20].copy_from_slice(&800u32.to_be_bytes());
        assert!(check_share_picture(&png).unwrap_err().contains("800×630"));
        assert!(check_share_picture(b"GIF89a").unwrap_err().contains("not a PNG"));
    }
}
