//! What offline reading
//! needs from the build. `shell.html` is trunk's page untouched (the app with
//! its "Đang tải…" frame), which the service worker answers for a page never
//! saved; `sw.js` gets the build's identity and the files it keeps.

use sha2::{Digest, Sha256};

pub const SHELL_PAGE: &str = "shell.html";
pub const SERVICE_WORKER: &str = "sw.js";
const BUILD_MARK: &str = "__PORTAL_BUILD__";
const SHELL_MARK: &str = "['__PORTAL_SHELL__']";

/// The shell page: trunk's index.html, kept out of search engines.
pub fn shell_page(template: &str) -> String {
    template.replacen("<head>", "<head>\n    <meta name=\"robots\" content=\"noindex\">", 1)
}

/// The app's files in the site root: trunk's hashed script, wasm and stylesheet.
pub fn is_app_file(name: &str) -> bool {
    // trunk's hash is hex of varying length (leading zeros dropped).
    let hashed = |prefix: &str| {
        name.strip_prefix(prefix).is_some_and(|rest| {
            let hex = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
            hex >= 8 && matches!(rest.as_bytes().get(hex), Some(b'.' | b'_'))
        })
    };
    hashed("portal-") || hashed("main-")
}

/// `public/sw.js` filled in: the build is named by trunk's index.html (which
/// names every hashed file), so a new app means a new worker and new caches.
pub fn service_worker(source: &str, template: &str, app_files: &[String]) -> Result<String, String> {
    if !(source.contains(BUILD_MARK) && source.contains(SHELL_MARK)) {
        return Err(format!("{SERVICE_WORKER} has no {BUILD_MARK} and {SHELL_MARK} to fill in"));
    }
    let digest = Sha256::digest(template.as_bytes());
    let build: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let mut shell = vec![format!("/{SHELL_PAGE}"), "/emblem.svg".to_string(), "/favicon.svg".to_string()];
    shell.extend(app_files.iter().map(|name| format!("/{name}")));
    let shell = serde_json::to_string(&shell).expect("strings serialise");
    Ok(source.replace(BUILD_MARK, &build).replace(SHELL_MARK, &shell))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_trunks_hashed_files_are_the_app() {
        assert!(is_app_file("portal-42b09d74af18d22b.js"));
        assert!(is_app_file("portal-42b09d74af18d22b_bg.wasm"));
        assert!(is_app_file("main-7115580470ca660e.css"));
        assert!(is_app_file("portal-551d98e588aa527.js"));
        assert!(!is_app_file("portal-counter.js"));
        assert!(!is_app_file("main.css"));
        assert!(!is_app_file("sw.js"));
        assert!(!is_app_file("main-deadbeef"));
    }

    #[test]
    fn a_new_app_is_a_new_worker() {
        let source = "const BUILD = '__PORTAL_BUILD__';\nconst SHELL = ['__PORTAL_SHELL__'];";
        let files = vec!["portal-0123456789abcdef.js".to_string()];
        let one = service_worker(source, "<script src=/portal-0123456789abcdef.js>", &files).unwrap();
        let two = service_worker(source, "<script src=/portal-fedcba9876543210.js>", &files).unwrap();
        assert_ne!(one, two);
        assert!(
            one.contains(
                r#"const SHELL = ["/shell.html","/emblem.svg","/favicon.svg","/portal-0123456789abcdef.js"];"#
            ),
            "{one}"
        );
        assert!(!one.contains("__PORTAL"));
        assert_eq!(one, service_worker(source, "<script src=/portal-0123456789abcdef.js>", &files).unwrap());
        assert!(service_worker("self.addEventListener()", "", &files).unwrap_err().contains("sw.js"));
    }

    #[test]
    fn the_shell_is_not_indexed() {
        assert_eq!(
            shell_page("<html><head><title>t</title></head>"),
            "<html><head>\n    <meta name=\"robots\" content=\"noindex\"><title>t</title></head>"
        );
    }
}
