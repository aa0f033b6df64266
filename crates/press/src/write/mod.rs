//! Writing the published JSON: everything into a staging folder beside the
//! target, then swapped in with renames ([`staged`], which `press publish`
//! uses for the whole site too). A build that fails at any point leaves the
//! previously published folder exactly as it was.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

pub mod feeds;

use rayon::prelude::*;
use serde::Serialize;

use crate::assemble::Published;
use crate::error::Error;

#[derive(Debug)]
pub struct Report {
    pub articles: usize,
    pub files: usize,
    pub photos: crate::photos::PhotoReport,
}

pub fn publish(published: &Published, out: &Path) -> Result<Report, Error> {
    let files = staged(out, |staging| write_all(published, staging))?;
    Ok(Report { articles: published.articles.len(), files, photos: Default::default() })
}

/// The one stage-and-swap: `write` fills a fresh staging folder beside
/// `out`, which then takes `out`'s place with renames. If `write` fails, or
/// the swap does, `out` is exactly as it was.
pub fn staged<T>(out: &Path, write: impl FnOnce(&Path) -> Result<T, Error>) -> Result<T, Error> {
    let name = out
        .file_name()
        .ok_or_else(|| Error::io(out, std::io::Error::other("output path has no folder name")))?
        .to_string_lossy()
        .into_owned();
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
    let retired = parent.join(format!(".{name}.old-{}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    fs::create_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
    let written = match write(&staging) {
        Ok(written) => written,
        Err(error) => {
            let _ = fs::remove_dir_all(&staging);
            return Err(error);
        }
    };
    if out.exists() {
        fs::rename(out, &retired).map_err(|e| Error::io(out, e))?;
    }
    if let Err(e) = fs::rename(&staging, out) {
        // Put the previous output back before reporting.
        let _ = fs::rename(&retired, out);
        let _ = fs::remove_dir_all(&staging);
        return Err(Error::io(out, e));
    }
    let _ = fs::remove_dir_all(&retired);
    Ok(written)
}

/// Copies the folder `from` into `to`, files and subfolders.
pub fn copy_dir(from: &Path, to: &Path) -> Result<usize, Error> {
    fs::create_dir_all(to).map_err(|e| Error::io(to, e))?;
    let mut copied = 0;
    for entry in fs::read_dir(from).map_err(|e| Error::io(from, e))? {
        let entry = entry.map_err(|e| Error::io(from, e))?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if entry.file_type().map_err(|e| Error::io(&source, e))?.is_dir() {
            copied += copy_dir(&source, &target)?;
        } else {
            fs::copy(&source, &target).map_err(|e| Error::io(&target, e))?;
            copied += 1;
        }
    }
    Ok(copied)
}

/// The office's emblem, favicon and share picture at the site's root.
pub fn write_brand_files(root: &Path, files: &[crate::brand::BrandFile]) -> Result<usize, Error> {
    for file in files {
        let target = root.join(file.path);
        fs::write(&target, &file.bytes).map_err(|e| Error::io(&target, e))?;
    }
    Ok(files.len())
}

/// Each file is written beside its target and renamed over it, so a reader
/// never sees half a file.
pub fn write_site_files(root: &Path, files: &[crate::write::feeds::SiteFile]) -> Result<usize, Error> {
    for file in files {
        let target = root.join(&file.path);
        let dir = target.parent().expect("inside root");
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let staging = target.with_extension(format!("staging-{}", std::process::id()));
        fs::write(&staging, &file.contents).map_err(|e| Error::io(&staging, e))?;
        fs::rename(&staging, &target).map_err(|e| Error::io(&target, e))?;
    }
    Ok(files.len())
}

fn write_all(published: &Published, root: &Path) -> Result<usize, Error> {
    let mut writer = Writer { root: root.to_path_buf(), files: 0 };
    writer.json("site.json", &published.site)?;
    writer.json("home.json", &published.home)?;
    for page in &published.latest {
        writer.json(&format!("latest/{}.json", page.page), page)?;
    }
    for (slug, pages) in &published.categories {
        for page in pages {
            writer.json(&format!("categories/{slug}/{}.json", page.page), page)?;
        }
    }
    for article in &published.articles {
        writer.json(&format!("articles/{}.json", article.slug), article)?;
    }
    let inside = |path: String| path[1 + model::paths::DATA_DIR.len() + 1..].to_string();
    // What the app fetches: each page drawn (`PageView`). Pages with a query
    // (filters, weeks) are only that; the others also as JSON, from which
    // `press finish` writes their static copies.
    let fragments: Vec<(String, model::Fragment)> = published
        .pages
        .par_iter()
        .map(|page| (inside(model::paths::page_fragment(&page.path)), crate::html::page_fragment(page)))
        .collect();
    for (path, fragment) in fragments {
        writer.json(&path, &fragment)?;
    }
    for page in published.pages.iter().filter(|page| !page.has_query()) {
        writer.json(&inside(model::paths::page(&page.path)), page)?;
    }
    // The pages whose views the visitor counter counts (articles show "Lượt xem").
    let mut counted: Vec<String> = published.articles.iter().map(|a| model::paths::route::article(&a.slug)).collect();
    counted.extend(published.counted.iter().cloned());
    writer.json(model::paths::COUNTED_PATHS, &counted)?;
    // What the function checks comments and questions against, beside the counted paths.
    for (name, value) in &published.function_data {
        writer.json(name, value)?;
    }
    writer.json(model::paths::EDITION, &published.edition)?;
    let search = &published.search;
    writer.json("search/meta.json", &search.meta)?;
    for (n, shard) in search.shards.iter().enumerate() {
        writer.binary(&format!("search/shards/{n}.bin"), shard)?;
    }
    for (n, chunk) in search.chunks.iter().enumerate() {
        writer.binary(&format!("search/docs/{n}.bin"), chunk)?;
    }
    Ok(writer.files)
}

struct Writer {
    root: PathBuf,
    files: usize,
}

impl Writer {
    fn create(&mut self, relative: &str) -> Result<(PathBuf, fs::File), Error> {
        let path = self.root.join(relative);
        let dir = path.parent().expect("relative path inside root");
        if !dir.exists() {
            fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let file = fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
        self.files += 1;
        Ok((path, file))
    }

    /// postcard: compact and read by the app with the same types.
    fn binary(&mut self, relative: &str, value: &impl Serialize) -> Result<(), Error> {
        let bytes =
            postcard::to_allocvec(value).map_err(|e| Error::io(&self.root.join(relative), std::io::Error::other(e)))?;
        let (path, mut file) = self.create(relative)?;
        file.write_all(&bytes).map_err(|e| Error::io(&path, e))
    }

    fn json(&mut self, relative: &str, value: &impl Serialize) -> Result<(), Error> {
        let (path, file) = self.create(relative)?;
        let mut out = BufWriter::new(file);
        serde_json::to_writer(&mut out, value).map_err(|e| Error::io(&path, e.into()))?;
        out.flush().map_err(|e| Error::io(&path, e))?;
        Ok(())
    }
}
