//! Photos. Every raster image an article references (its cover, its
//! body) is read from `content/media/` — never from `content/files/`, which
//! is published as it is, metadata and all — turned upright by its EXIF
//! orientation, and written from its pixels alone (so no EXIF, GPS, XMP or
//! comment survives) at a few widths, never wider than the original, as AVIF,
//! WebP and a JPEG fallback. Files are named by the original's content hash
//! and kept in a cache folder, so a rebuild processes only new photos.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use fast_image_resize::{ResizeOptions, Resizer};
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, RgbImage};
use model::Photo;
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::error::{ContentError, Error};
use crate::kinds::articles::{Article, Content};
use crate::render::Measured;

/// Refused above this: a decompression bomb, or a scan no reader needs.
pub const MAX_MEGAPIXELS: u64 = 50;
/// Where the processed files go, under the site root and in URLs.
/// (Not under `media/`, where the office's drawings are.)
pub const OUTPUT: &str = "anh";
/// Raised whenever what is written changes, so cached files are made anew.
const PIPELINE: &str = "2";
const JPEG_QUALITY: u8 = 80;
const WEBP_QUALITY: f32 = 75.0;
const AVIF_QUALITY: f32 = 60.0;
const AVIF_SPEED: u8 = 8;

/// Where photos come from and go.
pub struct PhotoPaths<'a> {
    /// The content folder: originals are `{content}/media/…` for `/media/…`.
    pub content: &'a Path,
    /// The office's files, published as they are: drawings (SVG) are `{files}/media/…`.
    pub files: &'a Path,
    /// Kept between builds.
    pub cache: &'a Path,
    /// The site root: files are written to `{root}/anh/`.
    pub root: &'a Path,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PhotoReport {
    /// Photos decoded and encoded by this build.
    pub processed: usize,
    /// Photos taken from the cache.
    pub cached: usize,
}

/// Whether `src` names a raster image the press processes.
pub fn is_photo(src: &str) -> bool {
    let lower = src.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp"].iter().any(|extension| lower.ends_with(extension))
}

const UNSUPPORTED: &str = "unsupported format (use JPEG, PNG or WebP for photos, SVG for drawings)";

fn photo_not_found(original: &Path) -> String {
    format!(
        "file not found: {} (photos go in content/media/: content/files/ is published as it is, metadata and all)",
        original.display()
    )
}

/// A reference to a picture that is neither a photo nor an SVG: refused
/// rather than published as it is.
fn unsupported(src: &str) -> bool {
    let lower = src.to_ascii_lowercase();
    let name = lower.rsplit('/').next().unwrap_or("");
    src.starts_with('/') && !is_photo(src) && !lower.ends_with(".svg") && name.contains('.')
}

/// Every picture an article shows, with the field that names it.
fn pictures(article: &Article) -> impl Iterator<Item = (&str, &'static str)> {
    let cover = article.cover.iter().map(|cover| (cover.src.as_str(), "cover.src"));
    cover.chain(article.body_images.iter().map(|src| (src.as_str(), "body")))
}

/// Processes every photo the articles reference and measures every drawing,
/// then gives each cover its [`Photo`] or size and re-renders the bodies.
pub fn process(content: &mut Content, paths: &PhotoPaths) -> Result<PhotoReport, Error> {
    // Each photo once, with every place that uses it (for the error message).
    let mut wanted: BTreeMap<String, Vec<(PathBuf, &'static str)>> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut drawings: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for article in &content.articles {
        for (src, field) in pictures(article) {
            if is_photo(src) && src.starts_with('/') {
                wanted.entry(src.to_string()).or_default().push((article.file.clone(), field));
            } else if src.starts_with('/') && src.to_ascii_lowercase().ends_with(".svg") {
                if drawings.contains_key(src) {
                    continue;
                }
                let path = paths.files.join(src.trim_start_matches('/'));
                match std::fs::read_to_string(&path) {
                    Ok(svg) => {
                        if let Some(size) = crate::read::svg_size(&svg) {
                            drawings.insert(src.to_string(), size);
                        }
                    }
                    Err(_) => errors.push(ContentError::new(
                        &article.file,
                        Some(field),
                        format!("image `{src}`: file not found: {}", path.display()),
                    )),
                }
            } else if unsupported(src) {
                errors.push(ContentError::new(&article.file, Some(field), format!("image `{src}`: {UNSUPPORTED}")));
            }
        }
    }
    // Each photo is independent: spread over the cores.
    let results: Vec<_> = wanted.par_iter().map(|(src, users)| (src, users, one(src, paths))).collect();
    let mut report = PhotoReport::default();
    let mut photos: BTreeMap<String, Record> = BTreeMap::new();
    for (src, users, result) in results {
        match result {
            Ok((record, fresh)) => {
                if fresh {
                    report.processed += 1;
                } else {
                    report.cached += 1;
                }
                photos.insert(src.clone(), record);
            }
            Err(reason) => {
                for (file, field) in users {
                    errors.push(ContentError::new(file, Some(field), format!("image `{src}`: {reason}")));
                }
            }
        }
    }
    // What is held back is not processed (its photos would be published in
    // /anh/), but a missing or unsupported picture is refused all the same.
    for article in &content.held {
        for (src, field) in pictures(article) {
            let relative = src.trim_start_matches('/');
            let reason = if is_photo(src) && src.starts_with('/') {
                let original = paths.content.join(relative);
                (!original.is_file()).then(|| photo_not_found(&original))
            } else if src.starts_with('/') && src.to_ascii_lowercase().ends_with(".svg") {
                let path = paths.files.join(relative);
                (!path.is_file()).then(|| format!("file not found: {}", path.display()))
            } else {
                unsupported(src).then(|| UNSUPPORTED.to_string())
            };
            if let Some(reason) = reason {
                errors.push(ContentError::new(&article.file, Some(field), format!("image `{src}`: {reason}")));
            }
        }
    }
    if !errors.is_empty() {
        errors.sort_by(|a, b| (&a.file, &a.field, &a.reason).cmp(&(&b.file, &b.field, &b.reason)));
        errors.dedup();
        return Err(Error::Content(errors));
    }
    for article in &mut content.articles {
        apply(article, &photos, &drawings);
    }
    Ok(report)
}

fn apply(article: &mut Article, photos: &BTreeMap<String, Record>, drawings: &BTreeMap<String, (u32, u32)>) {
    if let Some(cover) = &mut article.cover {
        cover.size = drawings.get(&cover.src).copied();
        if let Some(record) = photos.get(&cover.src) {
            cover.src = record.photo.jpeg(800);
            cover.photo = Some(record.photo.clone());
            cover.size = Some(record.size);
        }
    }
    let measured = |src: &str| {
        photos
            .get(src)
            .map(|record| Measured::Photo(&record.photo, record.size))
            .or_else(|| drawings.get(src).map(|(w, h)| Measured::Drawing(*w, *h)))
    };
    if article.body_images.iter().any(|src| measured(src).is_some()) {
        article.html = crate::render::markdown_with_photos(&article.body, &measured).html;
    }
}

/// A processed photo and its upright size, as the cache keeps it.
#[derive(serde::Serialize, serde::Deserialize)]
struct Record {
    photo: Photo,
    size: (u32, u32),
}

/// One photo: from the cache, else processed (and cached). `true` when processed.
fn one(src: &str, paths: &PhotoPaths) -> Result<(Record, bool), String> {
    let relative = src.trim_start_matches('/');
    let original = paths.content.join(relative);
    let bytes = match std::fs::read(&original) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(photo_not_found(&original)),
        Err(e) => return Err(format!("{}: {e}", original.display())),
    };
    let mut hasher = Sha256::new();
    hasher.update(PIPELINE.as_bytes());
    hasher.update(&bytes);
    let hash: String = hasher.finalize()[..8].iter().map(|b| format!("{b:02x}")).collect();
    let base = format!("/{OUTPUT}/{hash}");
    let out = paths.root.join(OUTPUT);
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    std::fs::create_dir_all(paths.cache).map_err(|e| format!("{}: {e}", paths.cache.display()))?;
    let record = paths.cache.join(format!("{hash}.json"));
    let kept = std::fs::read(&record).ok().and_then(|text| serde_json::from_slice::<Record>(&text).ok());
    let (processed, fresh) = match kept {
        Some(kept)
            if files(&kept.photo).all(|name| std::fs::metadata(paths.cache.join(name)).is_ok_and(|m| m.len() > 0)) =>
        {
            (kept, false)
        }
        _ => {
            let processed = encode(&bytes, &base, paths.cache)?;
            let text = serde_json::to_vec(&processed).expect("a record serialises");
            std::fs::write(&record, text).map_err(|e| format!("{}: {e}", record.display()))?;
            (processed, true)
        }
    };
    for name in files(&processed.photo) {
        // Copied, not hard-linked: a tool that later copies over the site
        // (trunk, into dist/) would truncate the cache's file through a link.
        let (from, to) = (paths.cache.join(&name), out.join(&name));
        std::fs::copy(&from, &to).map_err(|e| format!("{}: {e}", to.display()))?;
    }
    Ok((processed, fresh))
}

/// The file names of a photo's outputs.
fn files(photo: &Photo) -> impl Iterator<Item = String> + '_ {
    photo.widths().into_iter().flat_map(move |width| {
        ["avif", "webp", "jpg"]
            .map(|extension| photo.file(width, extension).rsplit('/').next().expect("has a name").to_string())
    })
}

/// Decodes, checks, turns upright, resizes and encodes one photo into `cache`.
fn encode(bytes: &[u8], base: &str, cache: &Path) -> Result<Record, String> {
    let reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|e| e.to_string())?;
    match reader.format() {
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) => {}
        Some(other) => return Err(format!("unsupported format {other:?} (use JPEG, PNG or WebP)")),
        None => return Err("not an image (its content is no JPEG, PNG or WebP)".into()),
    }
    // The JPEG decoder fills a cut-off file with grey rather than fail.
    if reader.format() == Some(ImageFormat::Jpeg)
        && !bytes.iter().rposition(|b| *b != 0).is_some_and(|end| end >= 1 && bytes[end - 1..=end] == [0xff, 0xd9])
    {
        return Err("corrupt or truncated: the JPEG stops before its end marker".into());
    }
    let mut decoder = reader.into_decoder().map_err(|e| format!("corrupt or truncated: {e}"))?;
    let (width, height) = decoder.dimensions();
    let megapixels = u64::from(width) * u64::from(height) / 1_000_000;
    if megapixels > MAX_MEGAPIXELS {
        return Err(format!("{width}×{height} is {megapixels} megapixels, more than {MAX_MEGAPIXELS}"));
    }
    let orientation = decoder.orientation().map_err(|e| format!("corrupt or truncated: {e}"))?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| format!("corrupt or truncated: {e}"))?;
    image.apply_orientation(orientation);
    // Photos are opaque; a transparent PNG is laid on white.
    let image = DynamicImage::ImageRgb8(on_white(image));
    let (width, height) = (image.width(), image.height());
    let photo = Photo {
        base: base.to_string(),
        widest: width.min(*model::PHOTO_WIDTHS.last().expect("widths")),
        color: String::new(),
    };
    let widths = photo.widths();
    let mut resizer = Resizer::new();
    let mut color = String::new();
    for &target in &widths {
        let target_height =
            ((u64::from(height) * u64::from(target) + u64::from(width) / 2) / u64::from(width)).max(1) as u32;
        let resized = if target == width {
            image.to_rgb8()
        } else {
            let mut resized = DynamicImage::ImageRgb8(RgbImage::new(target, target_height));
            resizer.resize(&image, &mut resized, &ResizeOptions::new()).map_err(|e| e.to_string())?;
            resized.to_rgb8()
        };
        if color.is_empty() {
            color = average(&resized);
        }
        let name =
            |extension: &str| cache.join(format!("{}-{target}.{extension}", base.rsplit('/').next().expect("name")));
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY)
            .encode_image(&resized)
            .map_err(|e| e.to_string())?;
        let webp = webp::Encoder::from_rgb(resized.as_raw(), target, target_height).encode(WEBP_QUALITY).to_vec();
        let pixels: Vec<rgb::RGB8> =
            resized.as_raw().chunks_exact(3).map(|p| rgb::RGB8::new(p[0], p[1], p[2])).collect();
        let avif = ravif::Encoder::new()
            .with_quality(AVIF_QUALITY)
            .with_speed(AVIF_SPEED)
            .encode_rgb(ravif::Img::new(pixels.as_slice(), target as usize, target_height as usize))
            .map_err(|e| format!("AVIF: {e}"))?
            .avif_file;
        for (extension, data) in [("jpg", &jpeg), ("webp", &webp), ("avif", &avif)] {
            let path = name(extension);
            std::fs::write(&path, data).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(Record { photo: Photo { color, ..photo }, size: (width, height) })
}

fn on_white(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let p = rgba.get_pixel(x, y).0;
        let over = |c: u8| ((u16::from(c) * u16::from(p[3]) + 255 * (255 - u16::from(p[3]))) / 255) as u8;
        image::Rgb([over(p[0]), over(p[1]), over(p[2])])
    })
}

/// The average colour, as `#rrggbb`.
fn average(image: &RgbImage) -> String {
    let mut sum = [0u64; 3];
    for pixel in image.pixels() {
        for (total, channel) in sum.iter_mut().zip(pixel.0) {
            *total += u64::from(channel);
        }
    }
    let count = u64::from(image.width()) * u64::from(image.height());
    let [r, g, b] = sum.map(|total| total / count.max(1));
    format!("#{r:02x}{g:02x}{b:02x}")
}
