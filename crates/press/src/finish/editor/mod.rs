//! The staff editor at `/quan-tri/`: Sveltia CMS (pinned in `editor/`),
//! configured from the same rules the press enforces, so that the form and
//! the build cannot drift apart.
//!
//! - `content/editor.json` says which Git host the office uses ([`Settings`]);
//!   changing host is a change to that file, never to code.
//! - [`config`] writes `/quan-tri/config.yml`: one collection per content
//!   kind, fields in the order the source files keep them (so an edit is a
//!   one-line diff), every rule of the press the form can check ([`collections`]) repeated
//!   as `required`/`pattern` with a Vietnamese message. What the form cannot
//!   check (an `updated` before `published`, a missing photo) the press still
//!   refuses when the site is built.
//! - [`content_security_policy`] is the editor page's own policy: the reader
//!   pages' stays as strict as it is.

mod collections;
pub mod dashboard;

use std::path::Path;

use leptos::prelude::*;
use model::Category;
use serde::Deserialize;
use serde_json::{Value, json};
use views::staff::EditorPage;

use collections::{
    articles_collection, consultations_collection, documents_collection, pages_collection, press_office_collections,
    questions_collection, schedule_collection, settings_collection,
};

use crate::error::ContentError;

/// Where the editor's pages live in the site.
pub const EDITOR_PATH: &str = crate::read::EDITOR_FOLDER;
/// `content/editor.json`.
pub const SETTINGS_FILE: &str = crate::read::EDITOR_SETTINGS;
/// The editor's script, from the `@sveltia/cms` package.
pub const EDITOR_SCRIPT: &str = "sveltia-cms.js";
/// Loaded by the editor itself on demand (rich-text editing), beside its script.
pub const EDITOR_CHUNKS: &[&str] = &["chunks/react-dom.js"];
/// Runs before the editor (its text: `startup_script`).
pub const STARTUP_SCRIPT: &str = "khoi-dong.js";
/// The editor fetches its translations and a version check from unpkg.com;
/// the start-up script answers both from this site.
const PACKAGE_CDN: &str = "https://unpkg.com/@sveltia/cms";

/// The fonts the editor's stylesheet names on cdn.jsdelivr.net, and the same
/// files from the pinned `@fontsource` packages (`editor/package.json`),
/// served from `/quan-tri/fonts/` instead.
const FONTS: &[(&str, &str)] = &[
    (
        "https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2",
        "@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2",
    ),
    (
        "https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2",
        "@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2",
    ),
    (
        "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2",
        "@fontsource-variable/material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2",
    ),
];
/// The editor's font covers only Latin; Vietnamese letters (ơ, ư, đ, ệ…)
/// would fall back to another font mid-word without these subsets.
const VIETNAMESE_FONTS: &[&str] = &[
    "@fontsource-variable/source-sans-3/files/source-sans-3-vietnamese-wght-normal.woff2",
    "@fontsource-variable/source-sans-3/files/source-sans-3-latin-ext-wght-normal.woff2",
];
const FONTS_CSS: &str = "/* The editor's font (Source Sans 3) for Vietnamese and other Latin letters\n   beyond the subset the editor declares itself. */\n\
@font-face{font-family:'Source Sans 3';font-style:normal;font-display:swap;font-weight:200 900;\
src:url(fonts/source-sans-3-vietnamese-wght-normal.woff2) format('woff2-variations');\
unicode-range:U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,\
U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB}\n\
@font-face{font-family:'Source Sans 3';font-style:normal;font-display:swap;font-weight:200 900;\
src:url(fonts/source-sans-3-latin-ext-wght-normal.woff2) format('woff2-variations');\
unicode-range:U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,\
U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF}\n";

/// The Git host behind "Đăng nhập", as written in `content/editor.json`.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub backend: Backend,
    /// `owner/name` of the repository holding `content/`.
    pub repo: String,
    #[serde(default = "main_branch")]
    pub branch: String,
    /// The Forgejo/Gitea or GitLab server (`https://git.example.gov.vn`), or
    /// for GitHub the OAuth helper Sveltia documents (sveltia-cms-auth).
    #[serde(default)]
    pub server: Option<String>,
    /// The OAuth application's client id (PKCE sign-in on Forgejo/Gitea/GitLab).
    #[serde(default)]
    pub app_id: Option<String>,
    /// A second pair of eyes (GitHub, GitLab): every save is a pull/merge
    /// request that moves through "Bản nháp / Đang duyệt / Sẵn sàng"
    /// (Sveltia's editorial workflow) and reaches `branch` only when merged.
    #[serde(default)]
    pub review: bool,
    /// Where the editor commits instead of `branch` (Forgejo, which Sveltia
    /// gives no editorial workflow): the branch always has a private preview,
    /// and a pull request from it into a protected `branch` publishes.
    #[serde(default)]
    pub review_branch: Option<String>,
}

fn main_branch() -> String {
    "main".into()
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    /// A self-hosted Forgejo (or Gitea): data stays on the office's server.
    Forgejo,
    Github,
    Gitlab,
    /// No Git host: drafting in a folder on the staff machine ("Làm việc với
    /// kho cục bộ", Chromium/Edge, served from 127.0.0.1).
    Local,
}

const GITHUB_API: &str = "https://api.github.com";
const GITLAB_COM: &str = "https://gitlab.com";

impl Settings {
    pub fn read(content: &Path) -> Result<Settings, Vec<ContentError>> {
        let file = content.join(SETTINGS_FILE);
        let text = std::fs::read_to_string(&file)
            .map_err(|e| vec![ContentError::new(&file, None, format!("cannot be read: {e}"))])?;
        let settings: Settings = crate::read::parse(&file, &text).map_err(|e| vec![e])?;
        let errors = settings.check(&file);
        if errors.is_empty() { Ok(settings) } else { Err(errors) }
    }

    fn check(&self, file: &Path) -> Vec<ContentError> {
        let mut errors = Vec::new();
        let mut parts = self.repo.split('/');
        let well_formed = parts.clone().count() >= 2
            && parts
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
        if !well_formed {
            errors.push(ContentError::new(file, Some("repo"), format!("`{}` is not `owner/name`", self.repo)));
        }
        if self.branch.trim().is_empty() || self.branch.contains(char::is_whitespace) {
            errors.push(ContentError::new(file, Some("branch"), "must be a branch name"));
        }
        if let Some(server) = &self.server
            && (!server.starts_with("https://") || server.ends_with('/'))
        {
            errors.push(ContentError::new(file, Some("server"), "must be an https:// address without a trailing `/`"));
        }
        if self.backend == Backend::Forgejo && self.server.is_none() {
            errors.push(ContentError::new(
                file,
                Some("server"),
                "is required for Forgejo/Gitea: the address of the office's Git server",
            ));
        }
        if self.review && !matches!(self.backend, Backend::Github | Backend::Gitlab) {
            errors.push(ContentError::new(
                file,
                Some("review"),
                "works with GitHub and GitLab only (Sveltia's editorial workflow); with Forgejo set \
                 `review_branch` and protect the main branch",
            ));
        }
        if let Some(review_branch) = &self.review_branch
            && (review_branch.trim().is_empty()
                || review_branch.contains(char::is_whitespace)
                || *review_branch == self.branch)
        {
            errors.push(ContentError::new(
                file,
                Some("review_branch"),
                format!("must be a branch name other than `{}` (the published branch)", self.branch),
            ));
        }
        if self.backend == Backend::Gitlab && self.app_id.is_none() {
            errors.push(ContentError::new(
                file,
                Some("app_id"),
                "is required for GitLab: the id of the OAuth application (PKCE) staff sign in with",
            ));
        }
        errors
    }

    /// Sveltia's `backend` block.
    fn backend(&self) -> Value {
        let mut backend = match self.backend {
            // Local drafting needs a backend named too; the sign-in page then
            // offers the local folder (on 127.0.0.1) beside a GitHub token.
            Backend::Github | Backend::Local => json!({ "name": "github", "repo": self.repo }),
            Backend::Gitlab => json!({
                "name": "gitlab",
                "repo": self.repo,
                "auth_type": "pkce",
                "base_url": self.server.as_deref().unwrap_or(GITLAB_COM),
                "api_root": format!("{}/api/v4", self.server.as_deref().unwrap_or(GITLAB_COM)),
            }),
            Backend::Forgejo => {
                let server = self.server.as_deref().unwrap_or_default();
                json!({ "name": "gitea", "repo": self.repo, "base_url": server, "api_root": format!("{server}/api/v1") })
            }
        };
        // With a review branch the editor never writes to the published one.
        backend["branch"] = json!(self.review_branch.as_deref().unwrap_or(&self.branch));
        if self.backend == Backend::Github
            && let Some(server) = &self.server
        {
            backend["base_url"] = json!(server);
        }
        if let Some(app_id) = &self.app_id {
            backend["app_id"] = json!(app_id);
        }
        backend
    }

    /// Origins the editor talks to (API, sign-in, avatars).
    fn origins(&self) -> Vec<String> {
        let mut origins = match self.backend {
            Backend::Github | Backend::Local => {
                vec![
                    GITHUB_API.into(),
                    "https://www.githubstatus.com".into(),
                    "https://avatars.githubusercontent.com".into(),
                ]
            }
            Backend::Gitlab => vec![GITLAB_COM.into()],
            Backend::Forgejo => vec![],
        };
        if let Some(server) = &self.server {
            if self.backend == Backend::Gitlab {
                origins.clear();
            }
            origins.push(server.clone());
        }
        origins
    }
}

/// The parts an office has beyond its articles, its categories and its
/// own pages: the editor offers a form for each of those only (a form for a
/// part it lacks would be an empty list to pick from, or a section the
/// site does not publish).
#[derive(Clone, Copy, Default)]
pub struct Sections<'a> {
    /// `documents.json`: the lists documents are sorted by.
    pub documents: Option<&'a crate::kinds::documents::SourceLists>,
    /// `feedback.json`: the topics of citizens' questions.
    pub feedback: Option<&'a crate::kinds::questions::Feedback>,
    /// `pages/gioi-thieu/`: "Giới thiệu" as pages of their own.
    pub about: bool,
    /// `schedule/`, `reception/`, `consultations/`: the folders of these kinds.
    pub schedule: bool,
    pub reception: bool,
    pub consultations: bool,
    /// `press.json`: the spokesperson, and with it the press releases.
    pub press: bool,
    /// `holidays.json`: the public holidays the outage notice counts around.
    pub holidays: bool,
}

impl<'a> Sections<'a> {
    /// What the office in `content` has, with the lists the press has read.
    pub fn of(
        content: &Path,
        documents: Option<&'a crate::kinds::documents::SourceLists>,
        feedback: Option<&'a crate::kinds::questions::Feedback>,
    ) -> Self {
        Sections {
            documents,
            feedback,
            about: content.join("pages/gioi-thieu").is_dir(),
            schedule: content.join("schedule").is_dir(),
            reception: content.join("reception").is_dir(),
            consultations: content.join("consultations").is_dir(),
            press: content.join(crate::kinds::press_office::INFO_FILE).is_file(),
            holidays: content.join(crate::kinds::notice::HOLIDAYS_FILE).is_file(),
        }
    }

    /// Every part, as the sample office has them.
    pub fn all(
        documents: &'a crate::kinds::documents::SourceLists,
        feedback: &'a crate::kinds::questions::Feedback,
    ) -> Self {
        Sections {
            documents: Some(documents),
            feedback: Some(feedback),
            about: true,
            schedule: true,
            reception: true,
            consultations: true,
            press: true,
            holidays: true,
        }
    }
}

/// `/quan-tri/config.yml` (JSON is YAML: no second serialiser to trust).
/// `site_url` is the portal's public address (`site.json`'s `base_url`),
/// which the editor links to and opens published articles on.
pub fn config(settings: &Settings, categories: &[Category], sections: &Sections, site_url: Option<&str>) -> String {
    let mut collections = vec![articles_collection(categories)];
    if sections.about {
        collections.push(pages_collection(
            "about",
            "Giới thiệu",
            "content/pages/gioi-thieu",
            "Chức năng nhiệm vụ, cơ cấu tổ chức, lãnh đạo, lịch sử.",
        ));
    }
    collections.push(pages_collection(
        "pages",
        "Trang khác",
        "content/pages",
        "Liên hệ, trang tiếng Anh (en) và các trang riêng khác.",
    ));
    collections.push(settings_collection(sections));
    if let Some(lists) = sections.documents {
        collections.push(documents_collection(lists));
    }
    if sections.schedule {
        collections.push(schedule_collection("schedule", "content/schedule", views::schedule::WORK));
    }
    if sections.consultations {
        collections.push(consultations_collection());
    }
    if let Some(feedback) = sections.feedback {
        collections.push(questions_collection(feedback));
    }
    if sections.reception {
        collections.push(schedule_collection("reception", "content/reception", views::schedule::RECEPTION));
    }
    if sections.press {
        collections.extend(press_office_collections());
    }
    let mut config = json!({
        "backend": settings.backend(),
        "media_folder": "content/media",
        "public_folder": "/media",
        "slug": { "encoding": "ascii", "clean_accents": true },
        "output": { "omit_empty_optional_fields": true, "json": { "indent_style": "space", "indent_size": 2 } },
        "logo": { "src": "/emblem.svg" },
        "collections": collections,
    });
    if let Some(url) = site_url {
        config["site_url"] = json!(url);
    }
    if settings.review {
        config["publish_mode"] = json!("editorial_workflow");
    }
    format!(
        "# Written by the press from content/editor.json and categories.json at every build: edit those, not this.\n{}\n",
        serde_json::to_string_pretty(&config).expect("a JSON value serialises")
    )
}

/// `/quan-tri/index.html`.
pub fn page(office: &str) -> String {
    let office = office.to_string();
    let page = crate::html::html_of(|| {
        view! { <EditorPage office base=EDITOR_PATH startup=STARTUP_SCRIPT script=EDITOR_SCRIPT/> }
    });
    format!("<!DOCTYPE html>\n{page}\n")
}

/// Runs before the editor: Vietnamese unless staff picked another language in
/// the editor's settings, and the editor's requests to unpkg.com (its
/// translations, a check for a newer version) answered from this site.
fn startup_script(version: &str) -> String {
    format!(
        r#"// Written by the press. Runs before the editor (Sveltia CMS {version}).
(() => {{
  try {{
    const key = 'sveltia-cms.prefs';
    const prefs = JSON.parse(localStorage.getItem(key) || '{{}}') || {{}};
    if (!prefs.locale || prefs.locale === 'auto') localStorage.setItem(key, JSON.stringify({{ ...prefs, locale: 'vi' }}));
  }} catch (e) {{}}
  const cdn = '{PACKAGE_CDN}';
  const translations = `${{cdn}}@{version}/locales/`;
  const fetchFromNetwork = window.fetch.bind(window);
  window.fetch = (input, init) => {{
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url === `${{cdn}}/package.json`) {{
      // The version served here is the one pinned in editor/package.json.
      return Promise.resolve(Response.json({{ version: '{version}' }}));
    }}
    if (url.startsWith(translations)) return fetchFromNetwork(`/{EDITOR_PATH}/locales/${{url.slice(translations.length)}}`, init);
    return fetchFromNetwork(input, init);
  }};
}})();
"#
    )
}

/// The editor page's policy: its own scripts only; styles inline (the editor
/// sets them at run time); images from uploads (blob:/data:); the Git host.
pub fn content_security_policy(settings: &Settings) -> String {
    let hosts: String = settings.origins().iter().map(|origin| format!(" {origin}")).collect();
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:{hosts}; \
         media-src 'self' blob:; font-src 'self' data:; connect-src 'self' blob: data:{hosts}; worker-src 'self' blob:; \
         frame-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Writes `/quan-tri/` into `dist`: the page, the configuration, and the
/// editor's files from `packages` (`editor/node_modules`), the font addresses
/// in its script pointed at this site.
pub fn write(
    dist: &Path,
    packages: &Path,
    settings: &Settings,
    site: &model::SiteData,
    sections: &Sections,
) -> Result<(), String> {
    let (categories, office) = (&site.categories, &site.site.name);
    let out = dist.join(EDITOR_PATH);
    let package = packages.join("@sveltia/cms");
    let missing = |path: &Path, e: std::io::Error| {
        format!("{}: {e} (the staff editor is installed by `cargo xtask build`: npm ci in editor/)", path.display())
    };
    let read = |path: &Path| std::fs::read_to_string(path).map_err(|e| missing(path, e));
    let write = |name: &str, bytes: &[u8]| {
        let path = out.join(name);
        std::fs::create_dir_all(path.parent().expect("inside out")).map_err(|e| format!("{}: {e}", path.display()))?;
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    };
    let version = serde_json::from_str::<Value>(&read(&package.join("package.json"))?)
        .ok()
        .and_then(|manifest| manifest["version"].as_str().map(str::to_string))
        .ok_or("@sveltia/cms/package.json has no version")?;

    let mut script = read(&package.join("dist").join(EDITOR_SCRIPT))?;
    let mut fonts: Vec<&str> = VIETNAMESE_FONTS.to_vec();
    for (cdn, file) in FONTS {
        if !script.contains(cdn) {
            return Err(format!(
                "{EDITOR_SCRIPT} {version} no longer names {cdn}: update press::finish::editor::FONTS"
            ));
        }
        let name = file.rsplit('/').next().expect("a file name");
        script = script.replace(cdn, &format!("/{EDITOR_PATH}/fonts/{name}"));
        fonts.push(file);
    }
    if script.contains("cdn.jsdelivr.net/fontsource") {
        return Err(format!("{EDITOR_SCRIPT} {version} names a font not in press::finish::editor::FONTS"));
    }
    write(EDITOR_SCRIPT, script.as_bytes())?;
    for chunk in EDITOR_CHUNKS {
        let from = package.join("dist").join(chunk);
        write(chunk, &std::fs::read(&from).map_err(|e| missing(&from, e))?)?;
    }
    for file in fonts {
        let from = packages.join(file);
        let name = file.rsplit('/').next().expect("a file name");
        write(&format!("fonts/{name}"), &std::fs::read(&from).map_err(|e| missing(&from, e))?)?;
    }
    write("locales/vi.json", read(&package.join("locales/vi.json"))?.as_bytes())?;
    write("fonts.css", FONTS_CSS.as_bytes())?;
    write(STARTUP_SCRIPT, startup_script(&version).as_bytes())?;
    write("index.html", page(office).as_bytes())?;
    write("config.yml", config(settings, categories, sections, site.site.base_url.as_deref()).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(backend: Backend) -> Settings {
        Settings {
            backend,
            repo: "vanphong/cong-thong-tin".into(),
            branch: "main".into(),
            server: Some("https://git.sonvan.gov.example".into()),
            app_id: Some("1f6c".into()),
            review: false,
            review_branch: None,
        }
    }

    #[test]
    fn a_second_pair_of_eyes_is_one_setting() {
        let lists = crate::kinds::documents::SourceLists::default();
        let sections = Sections { documents: Some(&lists), ..Sections::default() };
        let config = |settings: &Settings| -> Value {
            let text = super::config(settings, &[], &sections, None);
            serde_json::from_str(&text[text.find('\n').unwrap()..]).unwrap()
        };
        let github = Settings { review: true, server: None, ..settings(Backend::Github) };
        assert_eq!(config(&github)["publish_mode"], "editorial_workflow");
        assert!(github.check(Path::new("editor.json")).is_empty());
        assert_eq!(config(&settings(Backend::Gitlab)).get("publish_mode"), None);
        // Forgejo: the editor commits to the editing branch, never to main.
        let forgejo = Settings { review_branch: Some("bien-tap".into()), ..settings(Backend::Forgejo) };
        assert_eq!(config(&forgejo)["backend"]["branch"], "bien-tap");
        assert!(forgejo.check(Path::new("editor.json")).is_empty());
        let refused = Settings { review: true, ..settings(Backend::Forgejo) }.check(Path::new("editor.json"));
        assert_eq!(refused.len(), 1);
        assert!(refused[0].to_string().contains("review"), "{}", refused[0]);
        let same = Settings { review_branch: Some("main".into()), ..settings(Backend::Forgejo) };
        assert!(same.check(Path::new("editor.json"))[0].to_string().contains("review_branch"));
        // Every collection offers "Bản nháp".
        for collection in config(&forgejo)["collections"].as_array().unwrap() {
            let Some(fields) = collection["fields"].as_array() else { continue };
            assert!(fields.iter().any(|f| f["name"] == "draft" && f["label"] == "Bản nháp"), "{}", collection["name"]);
        }
    }

    #[test]
    fn each_backend_is_a_setting() {
        let forgejo = settings(Backend::Forgejo).backend();
        assert_eq!(forgejo["name"], "gitea");
        assert_eq!(forgejo["api_root"], "https://git.sonvan.gov.example/api/v1");
        assert_eq!(forgejo["app_id"], "1f6c");
        let gitlab = settings(Backend::Gitlab).backend();
        assert_eq!((gitlab["name"].as_str(), gitlab["auth_type"].as_str()), (Some("gitlab"), Some("pkce")));
        assert_eq!(gitlab["api_root"], "https://git.sonvan.gov.example/api/v4");
        let github = Settings { server: None, app_id: None, ..settings(Backend::Github) }.backend();
        assert_eq!(github, json!({"name": "github", "repo": "vanphong/cong-thong-tin", "branch": "main"}));
    }

    #[test]
    fn the_editor_policy_names_its_git_host_only() {
        let policy = content_security_policy(&settings(Backend::Forgejo));
        assert!(policy.contains("connect-src 'self' blob: data: https://git.sonvan.gov.example;"), "{policy}");
        assert!(!policy.contains("github") && !policy.contains("unsafe-eval"), "{policy}");
        let github = content_security_policy(&Settings { server: None, ..settings(Backend::Github) });
        assert!(github.contains("https://api.github.com"), "{github}");
    }

    #[test]
    fn bad_settings_name_their_field() {
        let file = Path::new("content/editor.json");
        let bad =
            Settings { repo: "khong-co-chu".into(), server: Some("http://git/".into()), ..settings(Backend::Forgejo) };
        let fields: Vec<_> = bad.check(file).into_iter().map(|e| e.field.unwrap()).collect();
        assert_eq!(fields, ["repo", "server"]);
        let gitlab = Settings { app_id: None, ..settings(Backend::Gitlab) };
        assert_eq!(gitlab.check(file)[0].field.as_deref(), Some("app_id"));
    }
}
