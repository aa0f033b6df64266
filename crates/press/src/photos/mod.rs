//! Photos. Every raster image an article references (its cover, its
//! body) is read from `content/media/` — never from `content/files/`, which
//! is published as it is, metadata and all — turned upright by its EXIF
//! orientation, and written from its pixels alone (so no EXIF, GPS, XMP or
//! comment survives) at a few widths, never wider than the original, as AVIF,
//! WebP and a JPEG fallback. Files are named by the original's content hash
//! and kept in a cache folder, so a rebuild processes only new photos; a
//! lost cache is filled again from the deployed site ([`restore`]).

pub mod pipeline;
pub mod restore;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use model::Photo;
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::error::{ContentError, Error};
use crate::kinds::articles::{Article, Content};
use crate::render::Measured;

pub use pipeline::MAX_MEGAPIXELS;
/// Where the processed files go, under the site root and in URLs.
/// (Not under `media/`, where the office's drawings are.)
pub const OUTPUT: &str = "anh";
/// Raised whenever what is written changes, so cached files are made anew.
const PIPELINE: &str = "4";

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
    /// A deployed copy of the site, where photos missing from the cache are
    /// looked for before they are processed.
    pub deployed: Option<&'a restore::Deployed>,
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PhotoReport {
    /// Photos decoded and encoded by this build.
    pub processed: usize,
    /// Photos taken from the cache.
    pub cached: usize,
    /// Photos missing from the cache, found on the deployed site (and now cached).
    pub restored: usize,
    /// Why the deployed site could not be read, when it was asked and could not.
    pub unreachable: Option<String>,
}

impl std::fmt::Display for PhotoReport {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "photos: {} processed, {} from the cache", self.processed, self.cached)?;
        if self.restored > 0 {
            write!(f, ", {} from the deployed site", self.restored)?;
        }
        if let Some(reason) = &self.unreachable {
            write!(f, " (the deployed site could not be read, so the photos missing from the cache were processed: {reason})")?;
        }
        Ok(())
    }
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
    // Each photo is independent: spread over the cores. First what each is
    // (its hash), then what the deployed site already has, then the rest.
    let hashed: Vec<_> = wanted.par_iter().map(|(src, users)| (src, users, hash(src, paths))).collect();
    let mut restored = restore::Restored::default();
    if let Some(deployed) = paths.deployed {
        let missing: Vec<String> = hashed
            .iter()
            .filter_map(|(_, _, hash)| hash.as_ref().ok())
            .filter(|hash| kept(hash, paths.cache).is_none())
            .cloned()
            .collect();
        restored = restore::restore(deployed, &missing, paths.cache);
    }
    let results: Vec<_> = hashed
        .into_par_iter()
        .map(|(src, users, hash)| (src, users, hash.and_then(|hash| one(src, &hash, paths))))
        .collect();
    let mut report = PhotoReport { unreachable: restored.unreachable, ..PhotoReport::default() };
    let mut photos: BTreeMap<String, Record> = BTreeMap::new();
    for (src, users, result) in results {
        match result {
            Ok((record, fresh)) => {
                if fresh {
                    report.processed += 1;
                } else if restored.hashes.contains(record.photo.base.rsplit('/').next().unwrap_or_default()) {
                    report.restored += 1;
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

/// A processed photo and its upright size, as the cache keeps it (and the
/// site publishes it, `/anh/{hash}.json`, for [`restore`]).
#[derive(serde::Serialize, serde::Deserialize)]
pub(crate) struct Record {
    photo: Photo,
    size: (u32, u32),
}

fn original(src: &str, paths: &PhotoPaths) -> Result<Vec<u8>, String> {
    let original = paths.content.join(src.trim_start_matches('/'));
    match std::fs::read(&original) {
        Ok(bytes) => Ok(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(photo_not_found(&original)),
        Err(e) => Err(format!("{}: {e}", original.display())),
    }
}

/// The name a photo's files share: a hash of the original and of how it is processed.
fn hash(src: &str, paths: &PhotoPaths) -> Result<String, String> {
    let mut hasher = Sha256::new();
    hasher.update(PIPELINE.as_bytes());
    hasher.update(original(src, paths)?);
    Ok(hasher.finalize()[..8].iter().map(|b| format!("{b:02x}")).collect())
}

/// The cache's record of `hash`, when its files are all there.
fn kept(hash: &str, cache: &Path) -> Option<Record> {
    let text = std::fs::read(cache.join(format!("{hash}.json"))).ok()?;
    let record = serde_json::from_slice::<Record>(&text).ok()?;
    let complete = files(&record.photo).all(|name| std::fs::metadata(cache.join(name)).is_ok_and(|m| m.len() > 0));
    complete.then_some(record)
}

/// One photo: from the cache, else processed (and cached); its files and its
/// record copied into the site's `/anh/`. `true` when processed.
fn one(src: &str, hash: &str, paths: &PhotoPaths) -> Result<(Record, bool), String> {
    let base = format!("/{OUTPUT}/{hash}");
    let out = paths.root.join(OUTPUT);
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    std::fs::create_dir_all(paths.cache).map_err(|e| format!("{}: {e}", paths.cache.display()))?;
    let record = format!("{hash}.json");
    let (processed, fresh) = match kept(hash, paths.cache) {
        Some(kept) => (kept, false),
        None => {
            let processed = encode(&original(src, paths)?, &base, paths.cache)?;
            let text = serde_json::to_vec(&processed).expect("a record serialises");
            let path = paths.cache.join(&record);
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
            (processed, true)
        }
    };
    for name in files(&processed.photo).chain([record]) {
        // Copied, not hard-linked: a tool that later copies over the site
        // (trunk, into dist/) would truncate the cache's file through a link.
        let (from, to) = (paths.cache.join(&name), out.join(&name));
        std::fs::copy(&from, &to).map_err(|e| format!("{}: {e}", to.display()))?;
    }
    Ok((processed, fresh))
}

/// The file names of a photo's outputs.
pub(crate) fn files(photo: &Photo) -> impl Iterator<Item = String> + '_ {
    photo.widths().into_iter().flat_map(move |width| {
        ["avif", "webp", "jpg"]
            .map(|extension| photo.file(width, extension).rsplit('/').next().expect("has a name").to_string())
    })
}

/// Processes one photo into `cache`: its files, named by `base`, and its record.
fn encode(bytes: &[u8], base: &str, cache: &Path) -> Result<Record, String> {
    let made = pipeline::make(bytes, &pipeline::Settings::CHOSEN)?;
    let name = base.rsplit('/').next().expect("name");
    for (width, extension, data) in &made.files {
        let path = cache.join(format!("{name}-{width}.{extension}"));
        std::fs::write(&path, data).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let widest = *made.widths.last().expect("a width");
    Ok(Record { photo: Photo { base: base.to_string(), widest, color: made.color }, size: made.size })
}
