#![recursion_limit = "256"]
//! The content build: `content/` in, published JSON out, and, once trunk has
//! built the app, the static site around it. The stages follow the data:
//! `read` (files parsed, errors with file, line and column) → `kinds` (each
//! content kind read, checked and turned into model types: articles, the
//! office's pages, documents, the work schedule; Markdown through `render`)
//! → `photos` → `assemble` (listings, the home page, site data) with
//! `search` (the index) → `write` (the published JSON, swapped in whole, and
//! the feeds and sitemaps) → `finish` (static pages, offline shell, staff
//! editor, host headers). See README.md.

// The stages, in the order the data goes through them (`build_site`).
pub mod assemble;
pub mod brand;
pub mod finish;
pub mod kinds;
pub mod links;
pub mod photos;
pub mod read;
pub mod render;
pub mod search;
pub mod write;
// Shared by the stages.
pub mod check;
pub mod error;
pub mod html;

use std::path::Path;

/// The whole site's build, beyond the published JSON.
pub struct Site<'a> {
    pub root: &'a Path,
    /// Processed photos, kept between builds.
    pub photo_cache: &'a Path,
    /// A deployed copy of the site: photos missing from the cache are taken
    /// from it rather than processed again ([`photos::restore`]).
    pub deployed: Option<&'a photos::restore::Deployed>,
}

/// What a build publishes: the content as of `now` (Vietnam's clock decides
/// what is due: an entry dated later is not out yet, one past its `expires`
/// leaves the listings), and with `preview` the staff's private preview —
/// drafts and entries not yet due included, no counter, nothing indexed.
#[derive(Debug, Clone, Copy)]
pub struct Edition {
    pub now: jiff::Timestamp,
    pub preview: bool,
}

impl Edition {
    /// The public site as of now.
    pub fn now() -> Edition {
        Edition { now: jiff::Timestamp::now(), preview: false }
    }

    /// Whether an entry that is a draft or dated `published` goes out.
    pub fn shows(&self, draft: bool, published: Option<jiff::Timestamp>) -> bool {
        self.preview || !(draft || published.is_some_and(|at| at > self.now))
    }
}

pub use error::{ContentError, Error};
pub use write::Report;

/// Runs every stage, writing the JSON the app fetches into `out`. On any
/// error nothing under `out` changes.
pub fn build(content: &Path, out: &Path) -> Result<Report, Error> {
    build_site(content, out, None, Edition::now())
}

/// [`build`], and with `site` also the photos (processed into the site root)
/// and the sitemaps, feeds, robots.txt and manifest at that folder's root,
/// with the office's emblem, favicon, share picture and own files
/// (`content/brand/`, `content/files/`, see [`brand`]).
/// Every entry is checked, drafts too; `edition` decides which are published.
pub fn build_site(content: &Path, out: &Path, site: Option<Site>, edition: Edition) -> Result<Report, Error> {
    let site_root = site.as_ref().map(|site| site.root);
    let sources = read::read(content)?;
    // The office's own files: drawings and attachments are looked for there
    // (and measured) when the whole site is built.
    let files = content.join(brand::FILES);
    let measured = site.as_ref().map(|_| files.as_path());
    // Every problem of the articles, the office's pages, the documents and
    // the schedule, in one report.
    let mut errors = Vec::new();
    let pages = kinds::office::read(content, measured, edition).map_err(|more| errors.extend(more)).ok();
    let documents = kinds::documents::read(content, measured, edition).map_err(|more| errors.extend(more)).ok();
    let weeks = kinds::schedule::read_all(content, edition).map_err(|more| errors.extend(more)).ok();
    let consultations = kinds::consultations::read(content, measured, edition).map_err(|more| errors.extend(more)).ok();
    let questions = kinds::questions::read(content, edition).map_err(|more| errors.extend(more)).ok();
    let press_office = kinds::press_office::read(content, measured, edition).map_err(|more| errors.extend(more)).ok();
    let holidays = kinds::notice::read_holidays(content).map_err(|more| errors.extend(more)).unwrap_or_default();
    let mut checked = match kinds::articles::check(sources, edition, &holidays) {
        Ok(checked) => checked,
        Err(Error::Content(mut first)) => {
            first.extend(errors);
            return Err(Error::Content(first));
        }
        Err(error) => return Err(error),
    };
    let (Some(pages), Some(documents), Some(weeks), Some(consultations), Some(questions), Some(press_office)) =
        (pages, documents, weeks, consultations, questions, press_office)
    else {
        return Err(Error::Content(errors));
    };
    let photos = match &site {
        Some(site) => photos::process(
            &mut checked,
            &photos::PhotoPaths {
                content,
                files: &files,
                cache: site.photo_cache,
                root: site.root,
                deployed: site.deployed,
            },
        )?,
        None => photos::PhotoReport::default(),
    };
    // Where the office's own words link to, checked once the site is known.
    let mut written: Vec<links::Written> = checked
        .articles
        .iter()
        .map(|article| links::Written {
            file: article.file.clone(),
            field: "body".into(),
            links: article.links.clone(),
        })
        .chain(pages.iter().map(|page| links::Written {
            file: page.file.clone(),
            field: "body".into(),
            links: page.links.clone(),
        }))
        .collect();
    written.extend(checked.site.menu.iter().enumerate().map(|(i, item)| links::Written {
        file: content.join("site.json"),
        field: format!("menu[{i}].href"),
        links: vec![item.href.clone()],
    }));
    // "Đăng nhập" set by hand must lead somewhere too (the editor is published only with editor.json).
    written.extend(checked.site.login_url.iter().map(|url| links::Written {
        file: content.join("site.json"),
        field: "login_url".into(),
        links: vec![url.clone()],
    }));
    let mut searched = kinds::documents::search_entries(&documents);
    searched.extend(kinds::consultations::search_entries(&consultations));
    searched.extend(kinds::questions::search_entries(&questions));
    searched.extend(kinds::press_office::search_entries(press_office.as_ref()));
    let mut published = assemble::assemble(checked, &searched, edition);
    published.pages = kinds::office::assemble(pages);
    published.pages.extend(kinds::documents::pages(&documents));
    let today = model::Day::in_vietnam(edition.now.as_millisecond() as f64);
    published.pages.extend(kinds::schedule::all_pages(&weeks, today));
    if let Some(info) = &press_office {
        published.pages.push(kinds::press_office::page(info, &published.site.site.name));
    }
    assemble::citizens(&mut published, &consultations, &questions);
    // What else changes the published site at a set time: a press release
    // set for later, the outage notice's announcement and end.
    let notice_times = kinds::notice::changes(published.site.site.notice.as_ref());
    assemble::due_at(
        &mut published,
        press_office.as_ref().and_then(|info| info.next_change).into_iter().chain(notice_times),
    );
    kinds::office::complete(&mut published.pages, &published.site);
    // "Đăng nhập" leads to the staff editor when the office has one.
    if published.site.site.login_url.is_none() && content.join(read::EDITOR_SETTINGS).is_file() {
        published.site.site.login_url = Some(format!("/{}/", read::EDITOR_FOLDER));
    }
    published.site.footer = kinds::office::footer(&published.site.site, &published.pages);
    let broken = links::Addresses::of(&published, content)?.check(&written);
    if !broken.is_empty() {
        return Err(Error::Content(broken));
    }
    let site_files = site_root.map(|_| write::feeds::site_files(&published, edition)).unwrap_or_default();
    let brand_files = match &site {
        Some(site) => brand::files(content, &published.site.site, site.photo_cache)?,
        None => Vec::new(),
    };
    let mut report = write::publish(&published, out)?;
    report.photos = photos;
    if let Some(root) = site_root {
        report.files += write::write_site_files(root, &site_files)?;
        report.files += write::write_brand_files(root, &brand_files)?;
        report.files += brand::copy_files(content, root)?;
    }
    Ok(report)
}
