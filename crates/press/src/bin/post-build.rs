//! Run by trunk after each build, on its staging folder: writes the static
//! pages (see `press::pages`) from the published data and trunk's index.html
//! (its stylesheet put inline), the shell page and service worker for offline
//! reading (`press::offline`), then `_headers` and `nginx-headers.conf` with a
//! CSP hashing the pages' inline scripts and stylesheet.
//!
//! With `content/editor.json`, also the staff editor under `/quan-tri/`
//! (`press::editor`), its files copied from `--editor` (default `editor/node_modules`).
//!
//! With `--keep-app DIR`, trunk's page and the app's files are kept there
//! first, for a content-only rebuild (`cargo xtask publish`).
//!
//! usage: post-build --dist DIR --content DIR [--editor DIR] [--keep-app DIR]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use model::{Article, HomePage, ListingPage, SiteData};

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Copies trunk's page and the app's hashed files into `keep`, for
/// `cargo xtask publish` to rebuild content over the same app.
fn keep_app(dist: &Path, keep: &Path, app_files: &[String]) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(keep);
    std::fs::create_dir_all(keep).map_err(|e| format!("{}: {e}", keep.display()))?;
    for name in app_files.iter().map(String::as_str).chain(["index.html"]) {
        std::fs::copy(dist.join(name), keep.join(name)).map_err(|e| format!("{name} → {}: {e}", keep.display()))?;
    }
    Ok(())
}

fn run(dist: &Path, content: &Path, editor: &Path, keep: Option<&Path>) -> Result<usize, String> {
    let text = |name: &str| std::fs::read_to_string(dist.join(name)).map_err(|e| format!("{name}: {e}"));
    let template = text("index.html")?;
    let site_source: model::Site = read(&content.join("site.json"))?;

    let mut app_files: Vec<String> = std::fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .flatten()
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| press::offline::is_app_file(name))
        .collect();
    app_files.sort();
    if let Some(keep) = keep {
        keep_app(dist, keep, &app_files)?;
    }
    let worker = press::offline::service_worker(&text(press::offline::SERVICE_WORKER)?, &template, &app_files)?;
    std::fs::write(dist.join(press::offline::SERVICE_WORKER), worker).map_err(|e| format!("sw.js: {e}"))?;
    let shell = press::offline::shell_page(&template);
    std::fs::write(dist.join(press::offline::SHELL_PAGE), &shell).map_err(|e| format!("shell.html: {e}"))?;
    let template = press::pages::inline_stylesheet(&template, |href| text(href.trim_start_matches('/')))?;

    let data = dist.join("data");
    let site: SiteData = read(&data.join("site.json"))?;
    let home: HomePage = read(&data.join("home.json"))?;
    let latest: ListingPage = read(&data.join("latest/1.json"))?;
    let mut categories = Vec::new();
    for category in &site.categories {
        categories.push((
            category.slug.clone(),
            read::<ListingPage>(&data.join(format!("categories/{}/1.json", category.slug)))?,
        ));
    }
    let mut articles = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(data.join("articles"))
        .map_err(|e| format!("data/articles: {e}"))?
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for file in files {
        articles.push(read::<Article>(&file)?);
    }
    let mut page_files = Vec::new();
    press::office::collect(&data.join("pages"), &mut page_files)
        .map_err(|(dir, e)| format!("{}: {e}", dir.display()))?;
    let mut pages = page_files.iter().map(|file| read::<model::Page>(file)).collect::<Result<Vec<_>, _>>()?;
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    let view = press::pages::Data {
        site: &site,
        home: &home,
        latest: &latest,
        categories: categories.iter().map(|(slug, page)| (slug.as_str(), page)).collect(),
        articles: articles.iter().collect(),
        pages: pages.iter().collect(),
    };
    let pages = press::pages::pages(&template, &view)?;
    // Every static page has the same inline scripts and stylesheet; the shell
    // page has trunk's own loader and links the stylesheet.
    let csp = press::headers::content_security_policy(&format!("{}{shell}", pages[0].html), &site_source);
    for page in &pages {
        let path = dist.join(&page.path);
        std::fs::create_dir_all(path.parent().expect("inside dist")).map_err(|e| e.to_string())?;
        std::fs::write(&path, &page.html).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let editor_csp = if content.join(press::editor::SETTINGS_FILE).exists() {
        let settings = press::editor::Settings::read(content)
            .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))?;
        // The forms offer the documents' lists (the press has checked them).
        let mut errors = Vec::new();
        let lists = press::documents::read_lists(content, &mut errors).unwrap_or_default();
        if !errors.is_empty() {
            return Err(errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"));
        }
        press::editor::write(dist, editor, &settings, &site, &lists)?;
        Some(press::editor::content_security_policy(&settings))
    } else {
        None
    };
    let editor_csp = editor_csp.as_deref();
    for (name, text) in [
        ("_headers", press::headers::headers_file(&csp, editor_csp)),
        ("nginx-headers.conf", press::headers::nginx_snippet(&csp, editor_csp)),
    ] {
        std::fs::write(dist.join(name), text).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(pages.len())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| args.windows(2).find(|w| w[0] == flag).map(|w| PathBuf::from(&w[1]));
    let (Some(dist), Some(content)) = (value("--dist"), value("--content")) else {
        eprintln!("usage: post-build --dist DIR --content DIR");
        return ExitCode::from(2);
    };
    let editor = value("--editor").unwrap_or_else(|| PathBuf::from("editor/node_modules"));
    match run(&dist, &content, &editor, value("--keep-app").as_deref()) {
        Ok(pages) => {
            eprintln!("post-build: {pages} static pages, _headers and nginx-headers.conf");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("post-build: {error}");
            ExitCode::FAILURE
        }
    }
}
