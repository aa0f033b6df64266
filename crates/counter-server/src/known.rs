//! `--known-paths FILE_OR_URL`: the published paths that count views
//! (`data/counted-paths.json`, written by the press) and, beside it, the
//! drafts open for comment, the answered questions and the question topics
//! (`counter::published`), loaded at start and re-read when they change, so
//! a publish needs no restart.

use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use counter::published::{self, Published};

/// How often a file's modification time is checked.
const FILE_CHECK: Duration = Duration::from_secs(5);
/// How often a URL is fetched again.
const URL_REFRESH: Duration = Duration::from_secs(60);

/// The current list, shared by the HTTP handlers and the writer.
#[derive(Clone)]
pub struct Shared(Arc<RwLock<Arc<Published>>>);

impl Shared {
    pub fn current(&self) -> Arc<Published> {
        self.0.read().expect("the known paths lock").clone()
    }
}

fn shared_is_empty(shared: &Shared) -> bool {
    shared.current().paths.is_empty()
}

fn is_url(source: &str) -> bool {
    source.starts_with("http://") || source.starts_with("https://")
}

/// When the four files last changed (a missing one: `None`).
fn modified(source: &str) -> Vec<Option<SystemTime>> {
    std::iter::once(source.to_string())
        .chain(published::BESIDE.iter().map(|name| published::beside(source, name)))
        .map(|file| std::fs::metadata(file).and_then(|m| m.modified()).ok())
        .collect()
}

/// One file's text; `Ok(None)` when it is not there (a site without drafts
/// or questions publishes no such file).
fn read(source: &str) -> Result<Option<String>, String> {
    if is_url(source) {
        match ureq::get(source).timeout(Duration::from_secs(10)).call() {
            Ok(response) => response.into_string().map(Some).map_err(|e| format!("{source}: {e}")),
            Err(ureq::Error::Status(404, _)) => Ok(None),
            Err(e) => Err(format!("{source}: {e}")),
        }
    } else {
        match std::fs::read_to_string(source) {
            Ok(text) => Ok(Some(text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{source}: {e}")),
        }
    }
}

/// Reads the list and the files beside it once; the error names the source
/// and the reason.
pub fn load(source: &str) -> Result<Published, String> {
    let paths = read(source)?.ok_or_else(|| format!("{source}: not found"))?;
    let [consultations, answered, topics] = published::BESIDE.map(|name| read(&published::beside(source, name)));
    Published::from_files(&paths, consultations?.as_deref(), answered?.as_deref(), topics?.as_deref())
        .map_err(|e| format!("{source}: {e}"))
}

/// Loads the list and keeps it fresh from a background thread. A failed
/// reload keeps the previous list (and says so on stderr). A list that cannot
/// be read at start (the site not built or not up yet) counts no views until
/// it can; visits are counted meanwhile.
pub fn watch(source: String) -> Result<Shared, String> {
    let first = load(&source).unwrap_or_else(|error| {
        eprintln!("portal-counter: counting no views until the known paths can be read: {error}");
        Published::default()
    });
    let shared = Shared(Arc::new(RwLock::new(Arc::new(first))));
    let updated = shared.clone();
    std::thread::Builder::new()
        .name("known-paths".into())
        .spawn(move || {
            let mut seen = Some(modified(&source)).filter(|_| !shared_is_empty(&updated));
            loop {
                std::thread::sleep(if is_url(&source) { URL_REFRESH } else { FILE_CHECK });
                if !is_url(&source) {
                    let now = Some(modified(&source));
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
