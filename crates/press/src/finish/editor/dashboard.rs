//! "Số liệu" at `/quan-tri/so-lieu/`: the staff's dashboard beside the editor.
//! The page is `views::dashboard::DashboardPage`; its script (`so-lieu.js`,
//! beside this file) asks the function's `/v1/staff/…` for the figures and
//! draws the visits with uPlot (pinned in `editor/package.json`, served from
//! here). The reader pages' files are untouched.

use std::collections::BTreeMap;
use std::path::Path;

use leptos::prelude::*;
use views::dashboard::{Dashboard, DashboardPage};

/// Where the dashboard lives, inside the editor's folder.
pub const DASHBOARD_PATH: &str = "quan-tri/so-lieu";
const SCRIPT: &str = "so-lieu.js";
const STYLE: &str = "so-lieu.css";
const CHART_SCRIPT: &str = "uPlot.iife.min.js";
const CHART_STYLE: &str = "uPlot.min.css";

/// The dashboard's policy: its own files only, and the function's origin
/// for the figures; no form goes anywhere (the sign-in form is the script's).
pub fn content_security_policy(site: &model::Site) -> String {
    let connect = match crate::finish::headers::counter_origin(site.counter_endpoint.as_deref()) {
        Some(origin) => format!("'self' {origin}"),
        None => "'self'".into(),
    };
    format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src {connect}; \
         base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
}

/// `/quan-tri/so-lieu/index.html`.
pub fn page(site: &model::Site, submissions: bool) -> String {
    let dashboard = Dashboard {
        office: site.name.clone(),
        endpoint: site.counter_endpoint.clone().unwrap_or_default(),
        // `frame-ancestors` is ignored in a <meta>; the headers carry it.
        csp: content_security_policy(site).replace("; frame-ancestors 'none'", ""),
        submissions,
        script: SCRIPT,
        chart_script: CHART_SCRIPT,
        chart_style: CHART_STYLE,
        style: STYLE,
    };
    let page = crate::html::html_of(|| view! { <DashboardPage page=dashboard/> });
    format!("<!DOCTYPE html>\n{page}\n")
}

/// Beside the page: each published page's title by its path, as the
/// function spells paths (`{"/bai-viet/khanh-thanh-cau": "Khánh thành cầu…"}`),
/// so the figures name pages by title.
pub const TITLES: &str = "trang.json";

/// The titles of what the site publishes: home, categories, articles, and
/// every page of its own (office pages, documents, drafts, answers…).
pub fn titles(published: &crate::finish::Published) -> BTreeMap<String, String> {
    let mut titles = BTreeMap::from([("/".to_string(), "Trang chủ".to_string())]);
    for category in &published.site.categories {
        titles.insert(model::paths::route::category(&category.slug), category.name.clone());
    }
    for article in &published.articles {
        titles.insert(model::paths::route::article(&article.slug), article.title.clone());
    }
    for page in &published.pages {
        titles.insert(page.path.to_lowercase(), page.title.clone());
    }
    titles
}

/// Writes the dashboard when the site has a function to ask; `packages` is
/// `editor/node_modules`. Whether it takes comments or questions decides the
/// citizens' section.
pub fn write(
    dist: &Path,
    packages: &Path,
    site: &model::Site,
    submissions: bool,
    titles: &BTreeMap<String, String>,
) -> Result<bool, String> {
    if site.counter_endpoint.is_none() {
        return Ok(false);
    }
    let out = dist.join(DASHBOARD_PATH);
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let write = |name: &str, bytes: &[u8]| {
        let path = out.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    };
    let uplot = packages.join("uplot/dist");
    for name in [CHART_SCRIPT, CHART_STYLE] {
        let from = uplot.join(name);
        let bytes = std::fs::read(&from).map_err(|e| {
            format!(
                "{}: {e} (the dashboard's chart library is installed by `cargo xtask build`: npm ci in editor/)",
                from.display()
            )
        })?;
        write(name, &bytes)?;
    }
    write(SCRIPT, include_bytes!("so-lieu.js"))?;
    write(STYLE, include_bytes!("so-lieu.css"))?;
    write(TITLES, serde_json::to_string(titles).expect("strings serialise").as_bytes())?;
    write("index.html", page(site, submissions).as_bytes())?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(counter: Option<&str>) -> model::Site {
        let mut site: model::Site = serde_json::from_value(serde_json::json!({
            "name": "Văn phòng UBND tỉnh", "tagline": "t", "address": "a", "phone": "p", "email": "e",
            "login_url": "/quan-tri/", "menu": []
        }))
        .unwrap();
        site.counter_endpoint = counter.map(str::to_string);
        site
    }

    #[test]
    fn the_page_asks_the_sites_function_and_runs_no_inline_script() {
        let html = page(&site(Some("https://dem.example.org/api")), true);
        assert!(html.contains(r#"data-endpoint="https://dem.example.org/api""#), "{html}");
        assert!(html.contains(r#"<meta name="robots" content="noindex, nofollow">"#));
        assert!(
            html.contains("connect-src &#x27;self&#x27; https://dem.example.org")
                || html.contains("connect-src 'self' https://dem.example.org"),
            "{html}"
        );
        assert!(!html.contains("frame-ancestors"), "ignored in a meta: the headers carry it");
        assert!(crate::finish::headers::inline_script_hashes(&html).is_empty(), "no inline script");
        assert!(html.contains(r#"id="nguoi-dan""#), "the citizens' section when the portal takes them");
        assert!(!page(&site(Some("/api/counter")), false).contains(r#"id="nguoi-dan""#));
        assert!(html.contains("<template id=\"mau-ngay\">"), "the rows the script clones");
    }

    #[test]
    fn no_function_no_dashboard() {
        let dist = tempfile::tempdir().unwrap();
        assert_eq!(write(dist.path(), Path::new("/nonexistent"), &site(None), false, &BTreeMap::new()), Ok(false));
        assert!(!dist.path().join(DASHBOARD_PATH).exists());
        let missing =
            write(dist.path(), Path::new("/nonexistent"), &site(Some("/api/counter")), false, &BTreeMap::new())
                .unwrap_err();
        assert!(missing.contains("uPlot.iife.min.js") && missing.contains("npm ci in editor/"), "{missing}");
    }
}
