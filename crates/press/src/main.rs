use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

/// Validate the portal's content and write the JSON the reader app fetches.
#[derive(Parser)]
#[command(name = "press", version)]
struct Args {
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
    /// What trunk copies into the site as it is (drawings are measured there).
    #[arg(long, default_value = "public")]
    public: PathBuf,
    /// Where processed photos are kept between builds (with --site-files).
    #[arg(long, default_value = "target/photo-cache")]
    photo_cache: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let started = Instant::now();
    let site = args.site_files.as_deref().map(|root| press::Site {
        root,
        public: &args.public,
        photo_cache: &args.photo_cache,
    });
    match press::build_site(&args.content, &args.out, site, jiff::Timestamp::now()) {
        Ok(report) => {
            eprintln!(
                "press: {} articles, {} files → {}, photos: {} processed, {} from the cache, in {:.2?}",
                report.articles,
                report.files,
                args.out.display(),
                report.photos.processed,
                report.photos.cached,
                started.elapsed()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("press: {error}");
            ExitCode::FAILURE
        }
    }
}
