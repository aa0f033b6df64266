//! Run by trunk after each build: writes `_headers` and `nginx-headers.conf`
//! into the built site, with a CSP that hashes trunk's inline loader.
//!
//! usage: security-headers --dist DIR --content DIR

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| args.windows(2).find(|w| w[0] == flag).map(|w| PathBuf::from(&w[1]));
    let (Some(dist), Some(content)) = (value("--dist"), value("--content")) else {
        eprintln!("usage: security-headers --dist DIR --content DIR");
        return ExitCode::from(2);
    };
    let read = |path: PathBuf| std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()));
    let result = (|| -> Result<(), String> {
        let index = read(dist.join("index.html"))?;
        let site: model::Site = serde_json::from_str(&read(content.join("site.json"))?).map_err(|e| e.to_string())?;
        let csp = press::headers::content_security_policy(&index, site.counter_endpoint.as_deref());
        for (name, text) in [("_headers", press::headers::headers_file(&csp)), ("nginx-headers.conf", press::headers::nginx_snippet(&csp))] {
            std::fs::write(dist.join(name), text).map_err(|e| format!("{name}: {e}"))?;
        }
        Ok(())
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("security-headers: {error}");
            ExitCode::FAILURE
        }
    }
}
