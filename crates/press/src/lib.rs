#![recursion_limit = "256"]
//! The content build: `content/` in, published JSON out. See README.md.

pub mod assemble;
pub mod corpus;
pub mod editor;
pub mod error;
pub mod feeds;
pub mod headers;
pub mod index;
pub mod office;
pub mod offline;
pub mod pages;
pub mod photos;
pub mod publish;
pub mod render;
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
    // Every problem of the articles and of the office's pages, in one report.
    let (checked, pages) =
        match (validate::check(sources), office::read(content, site.as_ref().map(|site| site.public))) {
            (Ok(checked), Ok(pages)) => (checked, pages),
            (Err(Error::Content(mut errors)), Err(more)) => {
                errors.extend(more);
                return Err(Error::Content(errors));
            }
            (Err(error), _) => return Err(error),
            (Ok(_), Err(errors)) => return Err(Error::Content(errors)),
        };
    let mut checked = checked;
    let photos = match &site {
        Some(site) => photos::process(
            &mut checked,
            &photos::PhotoPaths { content, public: site.public, cache: site.photo_cache, root: site.root },
        )?,
        None => photos::PhotoReport::default(),
    };
    let mut published = assemble::assemble(checked);
    published.pages = office::assemble(pages, &published.site);
    let site_files = site_root.map(|_| feeds::site_files(&published, now)).unwrap_or_default();
    let mut report = publish::publish(&published, out)?;
    report.photos = photos;
    if let Some(root) = site_root {
        report.files += publish::write_site_files(root, &site_files)?;
    }
    Ok(report)
}
