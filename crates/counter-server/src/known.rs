//! `--known-paths FILE_OR_URL`: the published paths that count views
//! (`data/counted-paths.json`, written by the press), loaded at start and
//! re-read when it changes, so a publish needs no restart.

use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use counter::paths::KnownPaths;

/// How often a file's modification time is checked.
const FILE_CHECK: Duration = Duration::from_secs(5);
/// How often a URL is fetched again.
const URL_REFRESH: Duration = Duration::from_secs(60);

/// The current list, shared by the HTTP handlers and the writer.
#[derive(Clone)]
pub struct Shared(Arc<RwLock<Arc<KnownPaths>>>);

impl Shared {
    pub fn current(&self) -> Arc<KnownPaths> {
        self.0.read().expect("the known paths lock").clone()
    }
}

fn shared_is_empty(shared: &Shared) -> bool {
    shared.current().is_empty()
}

fn is_url(source: &str) -> bool {
    source.starts_with("http://") || source.starts_with("https://")
}

fn modified(source: &str) -> Option<SystemTime> {
    std::fs::metadata(source).and_then(|m| m.modified()).ok()
}

/// Reads the list once; the error names the source and the reason.
pub fn load(source: &str) -> Result<KnownPaths, String> {
    let text = if is_url(source) {
        ureq::get(source)
            .timeout(Duration::from_secs(10))
            .call()
            .map_err(|e| format!("{source}: {e}"))?
            .into_string()
            .map_err(|e| format!("{source}: {e}"))?
    } else {
        std::fs::read_to_string(source).map_err(|e| format!("{source}: {e}"))?
    };
    KnownPaths::from_json(&text).map_err(|e| format!("{source}: {e}"))
}

/// Loads the list and keeps it fresh from a background thread. A failed
/// reload keeps the previous list (and says so on stderr). A list that cannot
/// be read at start (the site not built or not up yet) counts no views until
/// it can; visits are counted meanwhile.
pub fn watch(source: String) -> Result<Shared, String> {
    let first = load(&source).unwrap_or_else(|error| {
        eprintln!("portal-counter: counting no views until the known paths can be read: {error}");
        KnownPaths::default()
    });
    let shared = Shared(Arc::new(RwLock::new(Arc::new(first))));
    let updated = shared.clone();
    std::thread::Builder::new()
        .name("known-paths".into())
        .spawn(move || {
            let mut seen = modified(&source).filter(|_| !shared_is_empty(&updated));
            loop {
                std::thread::sleep(if is_url(&source) { URL_REFRESH } else { FILE_CHECK });
                if !is_url(&source) {
                    let now = modified(&source);
                    if now == seen {
                        continue;
                    }
                    seen = now;
                }
                match load(&source) {
                    Ok(paths) => *updated.0.write().expect("the known paths lock") = Arc::new(paths),
                    Err(error) => eprintln!("portal-counter: keeping the previous known paths: {error}"),
                }
            }
        })
        .map_err(|e| e.to_string())?;
    Ok(shared)
}
