//! `press`: the content build (`press build`, trunk's `pre_build` hook), its
//! last stage once trunk has built the app (`press finish`, the `post_build`
//! hook), and both over a kept app without compiling (`press publish`, what
//! `cargo xtask publish` runs). Each reports errors with the file and the reason.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "press", version, about = "The portal's content build")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// What a build publishes (`press::Edition`). Both are also read from the
/// environment, so trunk's hooks take them from `cargo xtask build --now …`.
#[derive(clap::Args)]
struct EditionArgs {
    /// The build's clock, RFC 3339 ("2026-12-07T08:00:00+07:00"): entries
    /// dated later are not out yet, those past `expires` leave the listings.
    #[arg(long, env = "PORTAL_NOW")]
    now: Option<jiff::Timestamp>,
    /// A staff preview: drafts and entries not yet due included, every page
    /// marked "Bản xem trước" and not to be indexed, no visitor counter.
    #[arg(long, env = "PORTAL_PREVIEW")]
    preview: bool,
}

impl EditionArgs {
    fn edition(&self) -> press::Edition {
        press::Edition { now: self.now.unwrap_or_else(jiff::Timestamp::now), preview: self.preview }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Validate the portal's content and write the JSON the reader app fetches.
    Build {
        /// Folder holding site.json, categories.json and articles/*.json.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Folder to publish into (replaced whole, only when the build succeeds).
        #[arg(long)]
        out: PathBuf,
        /// Site root that receives sitemap.xml, news-sitemap.xml, rss.xml, rss/*.xml,
        /// robots.txt and manifest.webmanifest.
        #[arg(long)]
        site_files: Option<PathBuf>,
        /// Where processed photos are kept between builds (with --site-files).
        #[arg(long, default_value = "target/photo-cache")]
        photo_cache: PathBuf,
        /// A deployed copy of the site (its address, or a folder holding a copy of
        /// its root): photos missing from the cache are taken from its /anh/.
        #[arg(long, env = "PORTAL_PHOTOS_FROM")]
        photos_from: Option<String>,
        #[command(flatten)]
        edition: EditionArgs,
    },
    /// The whole site rebuilt from the content over an app already built (no
    /// compiling): build and finish in a staging folder that then replaces --dist.
    Publish {
        #[arg(long, default_value = "content")]
        content: PathBuf,
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
        /// Trunk's page and the app's files, as a build kept them (finish --keep-app).
        #[arg(long, default_value = "target/app")]
        app: PathBuf,
        /// The product's own files, copied as trunk does (the service worker).
        #[arg(long, default_value = "public")]
        public: PathBuf,
        #[arg(long, default_value = "target/photo-cache")]
        photo_cache: PathBuf,
        #[arg(long, default_value = "editor/node_modules")]
        editor: PathBuf,
        /// A deployed copy of the site (its address, or a folder holding a copy of
        /// its root): photos missing from the cache are taken from its /anh/.
        #[arg(long, env = "PORTAL_PHOTOS_FROM")]
        photos_from: Option<String>,
        #[command(flatten)]
        edition: EditionArgs,
    },
    /// After trunk: the static pages, offline shell, staff editor and host headers.
    Finish {
        /// The site folder: trunk's index.html and app files, data/ published.
        #[arg(long)]
        dist: PathBuf,
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The staff editor's npm packages.
        #[arg(long, default_value = "editor/node_modules")]
        editor: PathBuf,
        /// Keep trunk's page and the app's files here first, for `cargo xtask publish`.
        #[arg(long)]
        keep_app: Option<PathBuf>,
        /// A staff preview: every page marked and not to be indexed.
        #[arg(long, env = "PORTAL_PREVIEW")]
        preview: bool,
    },
}

fn main() -> ExitCode {
    let started = Instant::now();
    let done = match Cli::parse().command {
        Command::Build { content, out, site_files, photo_cache, photos_from, edition } => {
            let deployed = photos_from.as_deref().filter(|from| !from.is_empty()).map(press::photos::restore::Deployed::parse);
            let site = site_files.as_deref().map(|root| press::Site {
                root,
                photo_cache: &photo_cache,
                deployed: deployed.as_ref(),
            });
            press::build_site(&content, &out, site, edition.edition()).map(|report| {
                format!("{} articles, {} files → {}, {}", report.articles, report.files, out.display(), report.photos)
            })
        }
        Command::Publish { content, dist, app, public, photo_cache, editor, photos_from, edition } => {
            let deployed = photos_from.as_deref().filter(|from| !from.is_empty()).map(press::photos::restore::Deployed::parse);
            let at = press::finish::Publish {
                content: &content,
                dist: &dist,
                app: &app,
                public: &public,
                photo_cache: &photo_cache,
                deployed: deployed.as_ref(),
                editor: &editor,
                edition: edition.edition(),
            };
            press::finish::publish(&at).map(|(report, pages)| {
                format!("{} articles, {pages} static pages → {}, {}", report.articles, dist.display(), report.photos)
            })
        }
        Command::Finish { dist, content, editor, keep_app, preview } => {
            let at = press::finish::Finish {
                dist: &dist,
                content: &content,
                editor: &editor,
                keep_app: keep_app.as_deref(),
                preview,
            };
            press::finish::finish(&at).map(|pages| format!("{pages} static pages, _headers and nginx-headers.conf"))
        }
    };
    match done {
        Ok(summary) => {
            eprintln!("press: {summary}, in {:.2?}", started.elapsed());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("press: {error}");
            ExitCode::FAILURE
        }
    }
}
