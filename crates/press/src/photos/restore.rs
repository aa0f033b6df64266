//! A lost photo cache is not a rebuild of history. What the press writes
//! under `/anh/` is named by the original's hash, and beside each photo's
//! files it publishes the photo's record (`/anh/{hash}.json`, what the cache
//! keeps): so the deployed site's `/anh/` folder *is* a photo cache. Before
//! processing, every photo missing from the cache is looked for there — over
//! HTTP(S) on the live site, or in a folder (a copy of the deploy target made
//! with rsync, a mounted volume) — and only the rest are processed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rayon::prelude::*;

use super::{OUTPUT, Record, files};

/// Fetches at a time from a live site: latency, not the cores, is the limit.
const CONNECTIONS: usize = 16;

/// Where a deployed copy of the site is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deployed {
    /// The live site's address (`https://…`): files are `{address}/anh/…`.
    Site(String),
    /// A copy of the site's root on disk: files are `{folder}/anh/…`.
    Folder(PathBuf),
}

impl Deployed {
    /// `http://` or `https://` is a site, anything else a folder.
    pub fn parse(text: &str) -> Deployed {
        if text.starts_with("https://") || text.starts_with("http://") {
            Deployed::Site(text.trim_end_matches('/').to_string())
        } else {
            Deployed::Folder(PathBuf::from(text))
        }
    }

    fn get(&self, agent: &ureq::Agent, name: &str) -> Result<Vec<u8>, Failure> {
        match self {
            Deployed::Folder(root) => {
                let path = root.join(OUTPUT).join(name);
                std::fs::read(&path).map_err(|e| match e.kind() {
                    std::io::ErrorKind::NotFound if root.join(OUTPUT).is_dir() => Failure::Missing,
                    _ => Failure::Unreachable(format!("{}: {e}", path.display())),
                })
            }
            Deployed::Site(address) => {
                let url = format!("{address}/{OUTPUT}/{name}");
                let mut response = agent.get(&url).call().map_err(|e| match e {
                    ureq::Error::StatusCode(_) => Failure::Missing,
                    other => Failure::Unreachable(format!("{url}: {other}")),
                })?;
                response
                    .body_mut()
                    .with_config()
                    .limit(64 * 1024 * 1024)
                    .read_to_vec()
                    .map_err(|e| Failure::Unreachable(format!("{url}: {e}")))
            }
        }
    }
}

/// What [`restore`] found.
#[derive(Debug, Default)]
pub struct Restored {
    /// The photos now in the cache.
    pub hashes: BTreeSet<String>,
    /// Why the deployed copy could not be read at all (no photo was looked
    /// for after the first), when it could not.
    pub unreachable: Option<String>,
}

/// Copies into `cache` every photo of `hashes` whose record and files are
/// all on the deployed copy, each file checked to be what its name says (a
/// host that answers a missing file with its home page gives HTML, not an
/// AVIF). The photos not found there are left to be processed. When the
/// first photo cannot be fetched for a reason other than its absence (no
/// network, a wrong address), no other is tried.
pub fn restore(deployed: &Deployed, hashes: &[String], cache: &Path) -> Restored {
    let Some((first, rest)) = hashes.split_first() else {
        return Restored::default();
    };
    // The lost cache's folder may be gone too.
    if let Err(e) = std::fs::create_dir_all(cache) {
        return Restored { unreachable: Some(format!("{}: {e}", cache.display())), ..Restored::default() };
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(60)))
        .timeout_connect(Some(Duration::from_secs(10)))
        .http_status_as_error(true)
        .build()
        .into();
    let mut restored = Restored::default();
    match one(deployed, &agent, first, cache) {
        Ok(()) => {
            restored.hashes.insert(first.clone());
        }
        Err(Failure::Unreachable(reason)) => {
            restored.unreachable = Some(reason);
            return restored;
        }
        Err(Failure::Missing) => {}
    }
    let pool = rayon::ThreadPoolBuilder::new().num_threads(CONNECTIONS).build().expect("a thread pool");
    let others: BTreeSet<String> =
        pool.install(|| rest.par_iter().filter(|hash| one(deployed, &agent, hash, cache).is_ok()).cloned().collect());
    restored.hashes.extend(others);
    restored
}

/// Why a photo was not restored.
enum Failure {
    /// Not on the deployed copy, or not whole there: processed instead.
    Missing,
    /// The deployed copy cannot be read at all.
    Unreachable(String),
}

fn one(deployed: &Deployed, agent: &ureq::Agent, hash: &str, cache: &Path) -> Result<(), Failure> {
    let text = deployed.get(agent, &format!("{hash}.json"))?;
    let record: Record = serde_json::from_slice(&text).map_err(|_| Failure::Missing)?;
    if record.photo.base != format!("/{OUTPUT}/{hash}") {
        return Err(Failure::Missing);
    }
    let names: Vec<String> = files(&record.photo).collect();
    let fetched: Vec<(String, Vec<u8>)> = names
        .par_iter()
        .map(|name| {
            let data = deployed.get(agent, name)?;
            looks_like(name, &data).then_some((name.clone(), data)).ok_or(Failure::Missing)
        })
        .collect::<Result<_, Failure>>()?;
    // The files first, the record last: a record in the cache means the
    // files are all there.
    for (name, data) in fetched
        .iter()
        .map(|(name, data)| (name.as_str(), data.as_slice()))
        .chain([(format!("{hash}.json").as_str(), text.as_slice())])
    {
        let path = cache.join(name);
        let partial = cache.join(format!(".{name}.part"));
        let unwritable = |e: std::io::Error| Failure::Unreachable(format!("{}: {e}", path.display()));
        std::fs::write(&partial, data).map_err(unwritable)?;
        std::fs::rename(&partial, &path).map_err(unwritable)?;
    }
    Ok(())
}

/// Whether `data` starts as a file of the kind `name` ends with.
fn looks_like(name: &str, data: &[u8]) -> bool {
    match name.rsplit('.').next() {
        Some("jpg") => data.starts_with(&[0xff, 0xd8, 0xff]) && data.ends_with(&[0xff, 0xd9]),
        Some("webp") => data.len() > 12 && &data[..4] == b"RIFF" && &data[8..12] == b"WEBP",
        Some("avif") => data.len() > 12 && &data[4..8] == b"ftyp" && &data[8..12] == b"avif",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_a_site_and_anything_else_a_folder() {
        assert_eq!(Deployed::parse("https://ubnd.example.vn/"), Deployed::Site("https://ubnd.example.vn".into()));
        assert_eq!(Deployed::parse("/srv/portal"), Deployed::Folder("/srv/portal".into()));
    }

    #[test]
    fn a_page_served_for_a_missing_file_is_not_taken_for_a_photo() {
        assert!(!looks_like("ab-480.avif", b"<!DOCTYPE html><html lang=\"vi\">"));
        assert!(!looks_like("ab-480.jpg", &[0xff, 0xd8, 0xff, 0xe0, 0, 0]));
        assert!(looks_like("ab-480.jpg", &[0xff, 0xd8, 0xff, 0xe0, 0xff, 0xd9]));
    }
}
