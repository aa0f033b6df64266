//! The security and cache headers a host must send, written after trunk has
//! produced index.html: as a `_headers` file (Cloudflare Pages, Netlify) and
//! as an nginx snippet. The Content-Security-Policy allows no inline script
//! but trunk's own loader, by its SHA-256 hash.

use base64::Engine;
use sha2::{Digest, Sha256};

/// SHA-256 sources (`'sha256-…'`) of every inline `<script>` in the page.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    inline_hashes(html, "script")
}

/// SHA-256 sources of every inline element `tag` (`script`, `style`) in the page.
fn inline_hashes(html: &str, tag: &str) -> Vec<String> {
    let (open_tag, close_tag) = (format!("<{tag}"), format!("</{tag}>"));
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find(&open_tag) {
        let after = &rest[open..];
        let Some(tag_end) = after.find('>') else { break };
        let attributes = &after[..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = after[body_start..].find(&close_tag) else { break };
        // Data blocks (JSON-LD) are not run, so the policy need not allow them.
        if !attributes.contains(" src=") && !attributes.contains("application/ld+json") {
            let body = &after[body_start..body_start + close];
            let digest = Sha256::digest(body.as_bytes());
            let hash = format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest));
            if !hashes.contains(&hash) {
                hashes.push(hash);
            }
        }
        rest = &after[body_start + close..];
    }
    hashes
}

/// Where Zalo's share button comes from (`views::share::ZALO_SDK`); allowed
/// only for a site that has a Zalo Official Account.
const ZALO_SCRIPT_ORIGIN: &str = "https://sp.zalo.me";
const ZALO_FRAMES: &str = "https://*.zalo.me";

/// The origin of the counter, when it lives on another host than the portal.
pub fn counter_origin(endpoint: Option<&str>) -> Option<String> {
    let endpoint = endpoint?;
    let scheme_end = endpoint.find("://")? + 3;
    let host_end = endpoint[scheme_end..].find('/').map_or(endpoint.len(), |i| scheme_end + i);
    Some(endpoint[..host_end].to_string())
}

/// The policy for pages like `page_html` (a static page: its inline loader,
/// pre-paint script and stylesheet are allowed by hash, nothing else inline).
pub fn content_security_policy(page_html: &str, site: &model::Site) -> String {
    let sources = |list: Vec<String>| list.iter().map(|source| format!(" {source}")).collect::<String>();
    let mut scripts = inline_hashes(page_html, "script");
    let styles = sources(inline_hashes(page_html, "style"));
    // The counter's origin is also where the comment and question forms post.
    let connect = match counter_origin(site.counter_endpoint.as_deref()) {
        Some(origin) => format!("'self' {origin}"),
        None => "'self'".to_string(),
    };
    let mut frames = String::new();
    if site.zalo_oa_id.is_some() {
        scripts.push(ZALO_SCRIPT_ORIGIN.to_string());
        frames = format!(" frame-src {ZALO_FRAMES};");
    }
    let scripts = sources(scripts);
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self'{styles}; img-src 'self' data:; \
         connect-src {connect};{frames} manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action {connect}; \
         frame-ancestors 'none'"
    )
}

const SECURITY: &[(&str, &str)] = &[
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("X-Frame-Options", "DENY"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
];
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "public, max-age=0, must-revalidate";

/// `_headers` for Cloudflare Pages and Netlify. `editor` is the policy of the
/// staff editor under `/quan-tri/` (`editor::content_security_policy`), which
/// replaces the reader pages' policy there (`!` detaches the `/*` header).
/// `dashboard` is the policy of "Số liệu" under `/quan-tri/so-lieu/`, which
/// replaces the editor's there.
pub fn headers_file(csp: &str, editor: Option<&str>, dashboard: Option<&str>) -> String {
    let mut out = String::from("/*\n");
    out.push_str(&format!("  Content-Security-Policy: {csp}\n"));
    for (name, value) in SECURITY {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    out.push_str(&format!("  Cache-Control: {REVALIDATE}\n"));
    for hashed in ["/portal-*", "/main-*", "/anh/*"] {
        out.push_str(&format!("{hashed}\n  Cache-Control: {IMMUTABLE}\n"));
    }
    if let Some(editor) = editor {
        out.push_str(&format!(
            "/{path}/*\n  ! Content-Security-Policy\n  Content-Security-Policy: {editor}\n  X-Robots-Tag: noindex, nofollow\n  \
             Cache-Control: no-cache\n",
            path = crate::finish::editor::EDITOR_PATH
        ));
    }
    if let Some(dashboard) = dashboard {
        // After the editor's rule: `!` detaches the policy that rule set.
        out.push_str(&format!(
            "/{path}/*\n  ! Content-Security-Policy\n  Content-Security-Policy: {dashboard}\n",
            path = crate::finish::editor::dashboard::DASHBOARD_PATH
        ));
    }
    out
}

/// The same headers for nginx, to include in the portal's `server` block.
pub fn nginx_snippet(csp: &str, editor: Option<&str>, dashboard: Option<&str>) -> String {
    let mut out =
        String::from("# Generated by the press from dist/index.html; include it in the portal's server block.\n");
    let headers = |out: &mut String, csp: &str, cache: &str| {
        out.push_str(&format!("    add_header Content-Security-Policy \"{csp}\" always;\n"));
        for (name, value) in SECURITY {
            out.push_str(&format!("    add_header {name} \"{value}\" always;\n"));
        }
        out.push_str(&format!("    add_header Cache-Control \"{cache}\" always;\n"));
    };
    out.push_str("location ~ ^/((portal|main)-[0-9a-f]+.*\\.(js|wasm|css)|anh/.*)$ {\n");
    headers(&mut out, csp, IMMUTABLE);
    // Every page of the app has its own static file (bai-viet/x/index.html …);
    // anything else is a real 404 with the not-found page, where the app starts too.
    // The staff's folders: a location's own add_header lines replace the outer
    // ones, and the longest `^~` prefix wins (the dashboard's policy, not the editor's).
    let staff =
        [(crate::finish::editor::EDITOR_PATH, editor), (crate::finish::editor::dashboard::DASHBOARD_PATH, dashboard)];
    for (path, policy) in staff.into_iter().filter_map(|(path, policy)| Some((path, policy?))) {
        out.push_str(&format!("}}\nlocation ^~ /{path}/ {{\n"));
        headers(&mut out, policy, "no-cache");
        out.push_str(
            "    add_header X-Robots-Tag \"noindex, nofollow\" always;\n    try_files $uri $uri/index.html =404;\n",
        );
    }
    out.push_str("}\nlocation / {\n");
    headers(&mut out, csp, REVALIDATE);
    out.push_str("    try_files $uri $uri/index.html =404;\n}\nerror_page 404 /404.html;\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_only() {
        let html = "<script type=\"module\">alert(1)</script><script src=\"/a.js\"></script><script>\nx()\n</script>";
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 2);
        // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
        assert_eq!(hashes[0], "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
    }

    fn site(counter: &str, zalo: Option<&str>) -> model::Site {
        let mut site: model::Site = serde_json::from_value(serde_json::json!({
            "name": "n", "tagline": "t", "address": "a", "phone": "p", "email": "e", "login_url": "/", "menu": []
        }))
        .unwrap();
        site.counter_endpoint = Some(counter.to_string());
        site.zalo_oa_id = zalo.map(str::to_string);
        site
    }

    #[test]
    fn policy_has_no_unsafe_inline_and_names_the_counter() {
        let csp = content_security_policy("<script>x</script>", &site("https://dem.example.org/api", None));
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(csp.contains("connect-src 'self' https://dem.example.org;"));
        assert!(csp.contains("form-action 'self' https://dem.example.org;"), "the forms post to the function");
        assert!(csp.contains("frame-ancestors 'none'"));
        assert!(!csp.contains("zalo"), "no third party without a Zalo account: {csp}");
        assert!(content_security_policy("", &site("/api/counter", None)).contains("connect-src 'self';"));
    }

    #[test]
    fn inline_styles_are_allowed_by_hash_only() {
        let csp =
            content_security_policy("<style>p{color:red}</style><p></p><style>p{color:red}</style>", &site("/c", None));
        // echo -n 'p{color:red}' | openssl dgst -sha256 -binary | base64
        assert!(csp.contains("style-src 'self' 'sha256-"), "{csp}");
        assert_eq!(csp.matches("'sha256-").count(), 1, "one hash for one stylesheet: {csp}");
        assert!(!csp.contains("unsafe-inline"));
    }

    #[test]
    fn zalo_is_allowed_only_for_a_site_with_an_official_account() {
        let csp = content_security_policy("", &site("/c", Some("1234567890")));
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' https://sp.zalo.me;"), "{csp}");
        assert!(csp.contains("frame-src https://*.zalo.me;"), "{csp}");
        assert!(views::share::ZALO_SDK.starts_with(&format!("{ZALO_SCRIPT_ORIGIN}/")));
    }

    #[test]
    fn the_dashboard_has_its_own_policy_after_the_editors() {
        let dashboard =
            crate::finish::editor::dashboard::content_security_policy(&site("https://dem.example.org/api", None));
        assert!(dashboard.starts_with("default-src 'none'; script-src 'self'; style-src 'self';"), "{dashboard}");
        assert!(dashboard.contains("connect-src 'self' https://dem.example.org;"));
        assert!(dashboard.contains("form-action 'none'") && !dashboard.contains("unsafe"));
        let file = headers_file("reader", Some("editor"), Some(&dashboard));
        let (editor, own) = (file.find("/quan-tri/*\n").unwrap(), file.find("/quan-tri/so-lieu/*\n").unwrap());
        assert!(editor < own, "the dashboard's rule detaches the editor's policy after it: {file}");
        assert!(file[own..].starts_with(&format!(
            "/quan-tri/so-lieu/*\n  ! Content-Security-Policy\n  Content-Security-Policy: {dashboard}\n"
        )));
        let nginx = nginx_snippet("reader", Some("editor"), Some(&dashboard));
        let block = &nginx[nginx.find("location ^~ /quan-tri/so-lieu/ {").unwrap()..];
        assert!(block.contains(&format!("Content-Security-Policy \"{dashboard}\"")));
        assert!(!headers_file("reader", Some("editor"), None).contains("so-lieu"));
    }
}
