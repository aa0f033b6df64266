//! The last stage, run after trunk has built the app (`press finish`, trunk's
//! `post_build` hook and `cargo xtask publish`), over the site folder that
//! holds trunk's output and the published data: the static pages (see
//! [`crate::finish::pages`]) from the published data and trunk's `index.html` (its
//! stylesheet put inline), the shell page and service worker for offline
//! reading ([`crate::finish::offline`]), the staff editor under `/quan-tri/` when
//! `content/editor.json` is there ([`crate::finish::editor`]), then `_headers` and
//! `nginx-headers.conf` with a CSP hashing the pages' inline scripts and
//! stylesheet ([`crate::finish::headers`]).

pub mod editor;
mod head;
pub mod headers;
pub mod offline;
pub mod pages;
pub mod template;

use std::path::{Path, PathBuf};

use model::{Article, HomePage, ListingPage, SiteData};

use crate::Error;

/// Where the stage reads and writes.
pub struct Finish<'a> {
    /// The site folder: trunk's `index.html` and app files, `data/` published.
    pub dist: &'a Path,
    pub content: &'a Path,
    /// The staff editor's npm packages (`editor/node_modules`).
    pub editor: &'a Path,
    /// Where to keep trunk's page and the app's files first, for a
    /// content-only rebuild (`cargo xtask publish`).
    pub keep_app: Option<&'a Path>,
    /// A staff preview: every page marked and not to be indexed.
    pub preview: bool,
}

/// What the static pages are drawn from: the published data, read back
/// with the types it was written with.
pub struct Published {
    pub site: SiteData,
    pub home: HomePage,
    pub latest: ListingPage,
    pub categories: Vec<(String, ListingPage)>,
    pub articles: Vec<Article>,
    pub pages: Vec<model::Page>,
}

impl Published {
    /// The published files under `data` that the static pages need: the
    /// site, home, the first page of "Tin mới" and of every category, every
    /// article and every office page without a query.
    pub fn read(data: &Path) -> Result<Self, Error> {
        let site: SiteData = read_json(&data.join("site.json"))?;
        let mut categories = Vec::new();
        for category in &site.categories {
            let page = read_json(&data.join(format!("categories/{}/1.json", category.slug)))?;
            categories.push((category.slug.clone(), page));
        }
        let articles_dir = data.join("articles");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&articles_dir)
            .map_err(|e| Error::io(&articles_dir, e))?
            .flatten()
            .map(|entry| entry.path())
            .collect();
        files.sort();
        let articles = files.iter().map(|file| read_json(file)).collect::<Result<Vec<Article>, _>>()?;
        let mut page_files = Vec::new();
        crate::read::collect(&data.join("pages"), &mut page_files).map_err(|(dir, e)| Error::io(&dir, e))?;
        let mut pages = page_files.iter().map(|file| read_json(file)).collect::<Result<Vec<model::Page>, _>>()?;
        pages.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(Published {
            home: read_json(&data.join("home.json"))?,
            latest: read_json(&data.join("latest/1.json"))?,
            site,
            categories,
            articles,
            pages,
        })
    }
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    serde_json::from_str(&text).map_err(|e| Error::step(path, e.to_string()))
}

/// Runs the stage; the number of static pages written.
pub fn finish(at: &Finish) -> Result<usize, Error> {
    let dist = at.dist;
    let text = |name: &str| std::fs::read_to_string(dist.join(name)).map_err(|e| Error::io(&dist.join(name), e));
    let index = dist.join("index.html");
    let mut template = text("index.html")?;
    if at.preview {
        template = crate::finish::template::preview(&template).map_err(|reason| Error::step(&index, reason))?;
    }
    let site_source: model::Site = read_json(&at.content.join("site.json"))?;
    let mut published = Published::read(&dist.join("data"))?;
    template = crate::finish::template::for_office(&template, &published.site)
        .map_err(|reason| Error::step(&index, reason))?;

    let mut app_files: Vec<String> = std::fs::read_dir(dist)
        .map_err(|e| Error::io(dist, e))?
        .flatten()
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| crate::finish::offline::is_app_file(name))
        .collect();
    app_files.sort();
    if let Some(keep) = at.keep_app {
        keep_app(dist, keep, &app_files)?;
    }
    let worker_file = dist.join(crate::finish::offline::SERVICE_WORKER);
    let worker =
        crate::finish::offline::service_worker(&text(crate::finish::offline::SERVICE_WORKER)?, &template, &app_files)
            .map_err(|reason| Error::step(&worker_file, reason))?;
    write(&worker_file, &worker)?;
    let shell = crate::finish::offline::shell_page(&template);
    write(&dist.join(crate::finish::offline::SHELL_PAGE), &shell)?;
    let template = crate::finish::template::inline_stylesheet(&template, |href| {
        std::fs::read_to_string(dist.join(href.trim_start_matches('/'))).map_err(|e| format!("{href}: {e}"))
    })
    .map_err(|reason| Error::step(&index, reason))?;

    // A static page shows the outage notice only if it was built while the
    // notice is announced (a build is due at its announcement and its end).
    let edition_file = dist.join("data").join(model::paths::EDITION);
    let edition: model::Edition = read_json(&edition_file)?;
    let built = model::LocalDateTime::parse(&edition.built)
        .ok_or_else(|| Error::step(&edition_file, "`built` is not a date-time"))?;
    published.site.site.notice = published.site.site.notice.take().filter(|notice| notice.shown_at(built));
    let view = crate::finish::pages::Data {
        site: &published.site,
        home: &published.home,
        latest: &published.latest,
        categories: published.categories.iter().map(|(slug, page)| (slug.as_str(), page)).collect(),
        articles: published.articles.iter().collect(),
        pages: published.pages.iter().collect(),
    };
    let pages = crate::finish::pages::pages(&template, &view).map_err(|reason| Error::step(&index, reason))?;
    // Every static page has the same inline scripts and stylesheet; the shell
    // page has trunk's own loader and links the stylesheet.
    let csp = crate::finish::headers::content_security_policy(&format!("{}{shell}", pages[0].html), &site_source);
    for page in &pages {
        let path = dist.join(&page.path);
        let folder = path.parent().expect("inside dist");
        std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
        write(&path, &page.html)?;
    }
    let editor_csp = if at.content.join(crate::finish::editor::SETTINGS_FILE).exists() {
        let settings = crate::finish::editor::Settings::read(at.content).map_err(Error::Content)?;
        // The forms offer the documents' lists (the press has checked them),
        // and only the parts the office has.
        let mut errors = Vec::new();
        let lists = crate::kinds::documents::read_lists(at.content, &mut errors);
        let feedback = crate::kinds::questions::read_feedback(at.content, &mut errors);
        if !errors.is_empty() {
            return Err(Error::Content(errors));
        }
        let sections = crate::finish::editor::Sections::of(at.content, lists.as_ref(), feedback.as_ref());
        crate::finish::editor::write(dist, at.editor, &settings, &published.site, &sections)
            .map_err(|reason| Error::step(&dist.join(crate::finish::editor::EDITOR_PATH), reason))?;
        // "Số liệu" beside the editor, when there is a function to ask.
        let submissions = feedback.is_some() || at.content.join("consultations").is_dir();
        let dashboard = crate::finish::editor::dashboard::write(
            dist,
            at.editor,
            &published.site.site,
            submissions,
            &crate::finish::editor::dashboard::titles(&published),
        )
        .map_err(|reason| Error::step(&dist.join(crate::finish::editor::dashboard::DASHBOARD_PATH), reason))?;
        let dashboard_csp =
            dashboard.then(|| crate::finish::editor::dashboard::content_security_policy(&published.site.site));
        Some((crate::finish::editor::content_security_policy(&settings), dashboard_csp))
    } else {
        None
    };
    let (editor_csp, dashboard_csp) = match &editor_csp {
        Some((editor, dashboard)) => (Some(editor.as_str()), dashboard.as_deref()),
        None => (None, None),
    };
    let mut headers = crate::finish::headers::headers_file(&csp, editor_csp, dashboard_csp);
    if at.preview {
        // Cloudflare Pages sends it with every page of a preview (nginx: .ci/nginx-preview.conf).
        headers = headers.replacen("/*\n", "/*\n  X-Robots-Tag: noindex, nofollow\n", 1);
    }
    write(&dist.join("_headers"), &headers)?;
    write(&dist.join("nginx-headers.conf"), &crate::finish::headers::nginx_snippet(&csp, editor_csp, dashboard_csp))?;
    Ok(pages.len())
}

fn write(path: &Path, text: &str) -> Result<(), Error> {
    std::fs::write(path, text).map_err(|e| Error::io(path, e))
}

/// Copies trunk's page and the app's hashed files into `keep`, for
/// `cargo xtask publish` to rebuild content over the same app.
fn keep_app(dist: &Path, keep: &Path, app_files: &[String]) -> Result<(), Error> {
    let _ = std::fs::remove_dir_all(keep);
    std::fs::create_dir_all(keep).map_err(|e| Error::io(keep, e))?;
    for name in app_files.iter().map(String::as_str).chain(["index.html"]) {
        std::fs::copy(dist.join(name), keep.join(name)).map_err(|e| Error::io(&keep.join(name), e))?;
    }
    Ok(())
}

/// What `press publish` rebuilds the site from.
pub struct Publish<'a> {
    pub content: &'a Path,
    /// The site folder to replace, whole and only when every step succeeds.
    pub dist: &'a Path,
    /// Trunk's page and the app's files, as a build kept them (`--keep-app`).
    pub app: &'a Path,
    /// The product's files the site carries as they are (`public/`: the
    /// service worker); the office's are in `content/files/`.
    pub public: &'a Path,
    pub photo_cache: &'a Path,
    /// Where photos missing from the cache are looked for first.
    pub deployed: Option<&'a crate::photos::restore::Deployed>,
    pub editor: &'a Path,
    pub edition: crate::Edition,
}

/// A content-only rebuild of the whole site over an app already built:
/// `public/` and the kept app files into a staging folder, [`crate::build_site`]
/// and [`finish`] over it, then the staging folder takes `dist`'s place
/// ([`crate::write::staged`]). Any error leaves `dist` as it was.
pub fn publish(at: &Publish) -> Result<(crate::Report, usize), Error> {
    crate::write::staged(at.dist, |staging| {
        crate::write::copy_dir(at.public, staging)?;
        crate::write::copy_dir(at.app, staging)?;
        let site = crate::Site { root: staging, photo_cache: at.photo_cache, deployed: at.deployed };
        let report = crate::build_site(at.content, &staging.join("data"), Some(site), at.edition)?;
        let finish_at = Finish {
            dist: staging,
            content: at.content,
            editor: at.editor,
            keep_app: None,
            preview: at.edition.preview,
        };
        let pages = finish(&finish_at)?;
        Ok((report, pages))
    })
}
