#![recursion_limit = "256"]
//! The content build: `content/` in, published JSON out. See README.md.

pub mod assemble;
pub mod documents;
pub mod editor;
pub mod error;
pub mod feeds;
pub mod finish;
pub mod headers;
pub mod html;
pub mod index;
pub mod office;
pub mod offline;
pub mod pages;
pub mod photos;
pub mod publish;
pub mod render;
pub mod schedule;
pub mod source;
pub mod validate;

use std::path::Path;

/// The whole site's build, beyond the published JSON.
pub struct Site<'a> {
    pub root: &'a Path,
    /// What trunk publishes as it is (drawings are measured there).
    pub public: &'a Path,
    /// Processed photos, kept between builds.
    pub photo_cache: &'a Path,
}

pub use error::{ContentError, Error};
pub use publish::Report;

/// Runs every stage, writing the JSON the app fetches into `out`. On any
/// error nothing under `out` changes.
pub fn build(content: &Path, out: &Path) -> Result<Report, Error> {
    build_site(content, out, None, jiff::Timestamp::now())
}

/// [`build`], and with `site` also the photos (processed into the site root)
/// and the sitemaps, feeds, robots.txt and manifest at that folder's root;
/// `now` decides what the news sitemap lists.
pub fn build_site(content: &Path, out: &Path, site: Option<Site>, now: jiff::Timestamp) -> Result<Report, Error> {
    let site_root = site.as_ref().map(|site| site.root);
    let sources = source::read(content)?;
    let public = site.as_ref().map(|site| site.public);
    // Every problem of the articles, the office's pages, the documents and
    // the schedule, in one report.
    let mut errors = Vec::new();
    let pages = office::read(content, public).map_err(|more| errors.extend(more)).ok();
    let documents = documents::read(content, public).map_err(|more| errors.extend(more)).ok();
    let weeks = schedule::read(content).map_err(|more| errors.extend(more)).ok();
    let mut checked = match validate::check(sources) {
        Ok(checked) => checked,
        Err(Error::Content(mut first)) => {
            first.extend(errors);
            return Err(Error::Content(first));
        }
        Err(error) => return Err(error),
    };
    let (Some(pages), Some(documents), Some(weeks)) = (pages, documents, weeks) else {
        return Err(Error::Content(errors));
    };
    let photos = match &site {
        Some(site) => photos::process(
            &mut checked,
            &photos::PhotoPaths { content, public: site.public, cache: site.photo_cache, root: site.root },
        )?,
        None => photos::PhotoReport::default(),
    };
    let mut published = assemble::assemble(checked, &documents::search_entries(&documents));
    published.pages = office::assemble(pages, &published.site);
    published.pages.extend(documents::pages(&documents));
    published.pages.extend(schedule::pages(&weeks, model::Day::in_vietnam(now.as_millisecond() as f64)));
    let site_files = site_root.map(|_| feeds::site_files(&published, now)).unwrap_or_default();
    let mut report = publish::publish(&published, out)?;
    report.photos = photos;
    if let Some(root) = site_root {
        report.files += publish::write_site_files(root, &site_files)?;
    }
    Ok(report)
}
