//! The staff editor at `/quan-tri/`: Sveltia CMS (pinned in `editor/`),
//! configured from the same rules the press enforces, so that the form and
//! the build cannot drift apart.
//!
//! - `content/editor.json` says which Git host the office uses ([`Settings`]);
//!   changing host is a change to that file, never to code.
//! - [`config`] writes `/quan-tri/config.yml`: one collection per content
//!   kind, fields in the order the source files keep them (so an edit is a
//!   one-line diff), every rule of `validate.rs` the form can check repeated
//!   as `required`/`pattern` with a Vietnamese message. What the form cannot
//!   check (an `updated` before `published`, a missing photo) the press still
//!   refuses when the site is built.
//! - [`content_security_policy`] is the editor page's own policy: the reader
//!   pages' stays as strict as it is.

use std::path::Path;

use model::Category;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::error::ContentError;

/// Where the editor's pages live in the site.
pub const EDITOR_PATH: &str = "quan-tri";
/// `content/editor.json`.
pub const SETTINGS_FILE: &str = "editor.json";
/// The editor's script, from the `@sveltia/cms` package.
pub const EDITOR_SCRIPT: &str = "sveltia-cms.js";
/// Loaded by the editor itself on demand (rich-text editing), beside its script.
pub const EDITOR_CHUNKS: &[&str] = &["chunks/react-dom.js"];
/// Runs before the editor (see [`STARTUP_SCRIPT_TEXT`]).
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
        backend["branch"] = json!(self.branch);
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

/// A form rule: the value must match `pattern`, else `message` is shown.
fn pattern(pattern: &str, message: &str) -> Value {
    json!([pattern, message])
}

/// Non-blank text (the press trims and refuses empty titles, names…).
fn text_field(name: &str, label: &str, widget: &str, hint: &str) -> Value {
    json!({
        "name": name, "label": label, "widget": widget, "required": true, "hint": hint,
        "pattern": pattern(r"\S", &format!("{label} không được để trống.")),
    })
}

/// Date-times: shown and written in Vietnam's time, with the `+07:00` offset
/// the press expects (whatever the staff machine's own time zone). No custom
/// `format`: Sveltia 0.221 with both `format` and `input_timezone` hangs the
/// page on a machine in another zone; its ISO output is what the press reads.
fn datetime_field(name: &str, label: &str, required: bool) -> Value {
    let mut field = json!({
        "name": name, "label": label, "widget": "datetime", "required": required,
        "input_timezone": "Asia/Ho_Chi_Minh",
    });
    if required {
        field["default"] = json!("{{now}}");
    }
    field
}

/// What the photo stage reads (`photos.rs`); drawings (SVG) are published
/// from `public/media/` by the IT team.
const PHOTO_TYPES: &str = "image/jpeg,image/png,image/webp";

/// A Markdown image with empty alt text: `![](…)`.
const IMAGE_WITHOUT_ALT: &str = r"^(?![\s\S]*!\[\s*\]\()[\s\S]*$";

const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// A collection of one JSON file per entry in `folder`, named after the
/// entry's field `identifier` (folded to ASCII: the title, a document's
/// number, a week), listed by `sort` (field, direction).
fn folder_collection(
    name: &str,
    label: &str,
    description: &str,
    folder: &str,
    identifier: &str,
    sort: (&str, &str),
    fields: Value,
) -> Value {
    let mut sortable = vec![sort.0];
    if identifier != sort.0 {
        sortable.push(identifier);
    }
    json!({
        "name": name,
        "label": label,
        "description": description,
        "folder": folder,
        "extension": "json",
        "format": "json",
        "create": true,
        "delete": true,
        "slug": format!("{{{{{identifier}}}}}"),
        "identifier_field": identifier,
        "sortable_fields": { "fields": sortable, "default": { "field": sort.0, "direction": sort.1 } },
        "fields": fields,
    })
}

/// The Markdown body, refusing a picture without alt text as the press does.
fn body_field(hint: &str) -> Value {
    json!({
        "name": "body", "label": "Nội dung", "widget": "markdown", "required": true, "hint": hint,
        "pattern": pattern(IMAGE_WITHOUT_ALT, "Mọi ảnh trong nội dung phải có mô tả (alt) cho người khiếm thị."),
    })
}

fn articles_collection(categories: &[Category]) -> Value {
    let options: Vec<Value> = categories.iter().map(|c| json!({ "label": c.name, "value": c.slug })).collect();
    let mut collection = folder_collection(
        "articles",
        "Bài viết",
        "Tin, bài đăng trên cổng. Tên tệp (đường dẫn bài) lấy từ tiêu đề khi tạo bài.",
        "content/articles",
        "title",
        ("published", "descending"),
        json!([
            text_field("title", "Tiêu đề", "string", "Tiêu đề bài viết, viết hoa chữ cái đầu câu."),
            text_field("sapo", "Sapo", "text", "Đoạn dẫn 1–3 câu, hiện dưới tiêu đề và trong danh sách tin."),
            {
                "name": "category", "label": "Chuyên mục", "widget": "select", "required": true,
                "options": options,
            },
            datetime_field("published", "Ngày đăng", true),
            datetime_field("updated", "Ngày cập nhật", false),
            text_field("author", "Tác giả", "string", "Người viết hoặc nhóm phóng viên, như trên dòng tác giả."),
            {
                "name": "cover", "label": "Ảnh đại diện", "widget": "object", "required": false, "collapsed": false,
                "fields": [
                    {
                        "name": "src", "label": "Ảnh", "widget": "image", "required": true,
                        "accept": PHOTO_TYPES, "choose_url": false,
                        "hint": "Ảnh chụp (JPEG, PNG, WebP) ở cỡ gốc: cổng tự tạo các cỡ nhỏ hơn.",
                    },
                    {
                        "name": "alt", "label": "Mô tả ảnh (alt)", "widget": "string", "required": true,
                        "hint": "Mô tả ngắn nội dung ảnh cho người khiếm thị.",
                        "pattern": pattern(r"\S", "Ảnh phải có mô tả (alt) cho người khiếm thị."),
                    },
                    { "name": "caption", "label": "Chú thích", "widget": "string", "required": false },
                ],
            },
            body_field("Ảnh trong bài: điền mô tả (alt); tiêu đề ảnh (title) thành chú thích dưới ảnh."),
            { "name": "tags", "label": "Từ khóa", "widget": "list", "required": false, "hint": "Cách nhau bởi dấu phẩy." },
            { "name": "featured", "label": "Tin nổi bật", "widget": "boolean", "required": false, "default": false },
        ]),
    );
    collection["label_singular"] = json!("bài viết");
    collection["summary"] = json!("{{title}}");
    // "Xem trên trang" opens the published article.
    collection["preview_path"] = json!("bai-viet/{{slug}}");
    collection
}

/// The office's pages (`office.rs`): one collection per folder, since the
/// folder is part of the address.
fn pages_collection(name: &str, label: &str, folder: &str, description: &str) -> Value {
    folder_collection(
        name,
        label,
        description,
        folder,
        "title",
        ("order", "ascending"),
        json!([
            text_field("title", "Tiêu đề", "string", ""),
            text_field("description", "Mô tả ngắn", "text", "Một, hai câu cho máy tìm kiếm và khi chia sẻ liên kết."),
            {
                "name": "lang", "label": "Ngôn ngữ", "widget": "select", "required": false,
                "options": [{ "label": "Tiếng Việt", "value": "vi" }, { "label": "English", "value": "en" }],
            },
            { "name": "order", "label": "Thứ tự", "widget": "number", "value_type": "int", "required": false, "min": 0 },
            body_field("Ảnh: hình vẽ SVG trong public/media/, có mô tả (alt)."),
        ]),
    )
}

fn settings_collection() -> Value {
    let url_or_path = pattern("^(/|https?://)", "Đường dẫn phải bắt đầu bằng / hoặc http(s)://");
    json!({
        "name": "settings",
        "label": "Cấu hình cổng",
        "description": "Thông tin cơ quan, trình đơn và chuyên mục.",
        "editor": { "preview": false },
        "files": [
            {
                "name": "site",
                "label": "Thông tin cơ quan",
                "file": "content/site.json",
                "format": "json",
                "fields": [
                    text_field("name", "Tên cơ quan", "string", "Hiện ở đầu trang và chân trang."),
                    text_field("tagline", "Dòng giới thiệu", "string", "Dòng chữ nhỏ trên tên cơ quan."),
                    text_field("address", "Địa chỉ", "string", ""),
                    text_field("phone", "Điện thoại", "string", ""),
                    text_field("email", "Thư điện tử", "string", ""),
                    {
                        "name": "login_url", "label": "Liên kết Đăng nhập", "widget": "string", "required": true,
                        "pattern": url_or_path,
                    },
                    {
                        "name": "base_url", "label": "Địa chỉ cổng", "widget": "string", "required": false,
                        "pattern": pattern("^https?://.*[^/]$", "Địa chỉ http(s):// không có dấu / ở cuối."),
                    },
                    {
                        "name": "counter_endpoint", "label": "Địa chỉ bộ đếm truy cập", "widget": "string",
                        "required": false, "pattern": url_or_path,
                    },
                    {
                        "name": "zalo_oa_id", "label": "Mã Zalo OA", "widget": "string", "required": false,
                        "pattern": pattern("^[0-9]{5,25}$", "Mã Zalo Official Account gồm 5–25 chữ số."),
                    },
                    {
                        "name": "menu", "label": "Trình đơn", "widget": "list", "required": true,
                        "summary": "{{fields.label}}",
                        "fields": [
                            text_field("label", "Tên mục", "string", ""),
                            {
                                "name": "href", "label": "Liên kết", "widget": "string", "required": true,
                                "hint": "Chuyên mục: /chuyen-muc/<mã chuyên mục>",
                                "pattern": url_or_path,
                            },
                        ],
                    },
                ],
            },
            {
                "name": "categories",
                "label": "Chuyên mục",
                "file": "content/categories.json",
                "format": "json",
                "fields": [{
                    "name": "categories", "label": "Chuyên mục", "widget": "list", "required": true,
                    "summary": "{{fields.order}}. {{fields.name}}",
                    "fields": [
                        {
                            "name": "slug", "label": "Mã chuyên mục", "widget": "string", "required": true,
                            "hint": "Chữ thường không dấu, nối bằng gạch ngang: tin-dia-phuong",
                            "pattern": pattern(SLUG_PATTERN, "Mã chỉ gồm chữ thường a–z, chữ số và dấu gạch ngang."),
                        },
                        text_field("name", "Tên chuyên mục", "string", ""),
                        { "name": "order", "label": "Thứ tự", "widget": "number", "value_type": "int", "required": true, "min": 0 },
                        {
                            "name": "parent", "label": "Thuộc chuyên mục", "widget": "string", "required": false,
                            "hint": "Mã chuyên mục cha (để trống nếu là chuyên mục gốc).",
                            "pattern": pattern(SLUG_PATTERN, "Mã chỉ gồm chữ thường a–z, chữ số và dấu gạch ngang."),
                        },
                    ],
                }],
            },
            {
                "name": "document-lists",
                "label": "Danh mục văn bản",
                "file": "content/documents.json",
                "format": "json",
                "fields": [
                    term_list("kinds", "Loại văn bản"),
                    term_list("issuers", "Cơ quan ban hành"),
                    term_list("fields", "Lĩnh vực"),
                ],
            },
        ],
    })
}

/// One of the lists documents are sorted by: code and name each.
fn term_list(name: &str, label: &str) -> Value {
    json!({
        "name": name, "label": label, "widget": "list", "required": true, "summary": "{{fields.name}}",
        "fields": [
            {
                "name": "slug", "label": "Mã", "widget": "string", "required": true,
                "hint": "Chữ thường không dấu, nối bằng gạch ngang: quyet-dinh",
                "pattern": pattern(SLUG_PATTERN, "Mã chỉ gồm chữ thường a–z, chữ số và dấu gạch ngang."),
            },
            text_field("name", "Tên", "string", ""),
        ],
    })
}

/// A calendar day (no time), written "YYYY-MM-DD" as the press reads it.
fn date_field(name: &str, label: &str, required: bool) -> Value {
    json!({
        "name": name, "label": label, "widget": "datetime", "required": required,
        "time_format": false, "format": "YYYY-MM-DD",
    })
}

/// "Văn bản" (`documents.rs`): a file per document, named after its number.
fn documents_collection(lists: &crate::kinds::documents::SourceLists) -> Value {
    let options = |terms: &[crate::kinds::documents::Term]| -> Vec<Value> {
        terms.iter().map(|t| json!({ "label": t.name, "value": t.slug })).collect()
    };
    let statuses: Vec<Value> =
        crate::kinds::documents::STATUSES.iter().map(|(slug, name)| json!({ "label": name, "value": slug })).collect();
    let mut collection = folder_collection(
        "documents",
        "Văn bản",
        "Văn bản chỉ đạo, điều hành: số, ký hiệu, ngày, trích yếu và tệp PDF/DOCX.",
        "content/documents",
        "number",
        ("issued", "descending"),
        json!([
            {
                "name": "number", "label": "Số/Ký hiệu", "widget": "string", "required": true,
                "hint": "Như trên văn bản: 1234/QĐ-UBND, 15/2025/NQ-HĐND.",
                "pattern": pattern(r"^[1-9][0-9]{0,5}(/[A-ZĐ0-9][A-Za-zĐđ0-9]*(-[A-ZĐ0-9][A-Za-zĐđ0-9]*)*)+$", "Số, rồi ký hiệu viết hoa sau dấu gạch chéo: 1234/QĐ-UBND."),
            },
            { "name": "kind", "label": "Loại văn bản", "widget": "select", "required": true, "options": options(&lists.kinds) },
            { "name": "issuer", "label": "Cơ quan ban hành", "widget": "select", "required": true, "options": options(&lists.issuers) },
            text_field("signer", "Người ký", "string", "Chức vụ và họ tên: Phó Chủ tịch Lò Văn Tiến."),
            date_field("issued", "Ngày ban hành", true),
            date_field("effective", "Ngày hiệu lực", true),
            date_field("expires", "Ngày hết hiệu lực", false),
            text_field("summary", "Trích yếu", "text", "Như trên văn bản: Về việc…"),
            {
                "name": "fields", "label": "Lĩnh vực", "widget": "select", "required": true,
                "multiple": true, "min": 1, "options": options(&lists.fields),
            },
            { "name": "status", "label": "Tình trạng", "widget": "select", "required": true, "options": statuses, "default": "con-hieu-luc" },
            {
                "name": "replaced_by", "label": "Được thay thế bởi", "widget": "relation", "required": false,
                "collection": "documents", "value_field": "{{slug}}", "search_fields": ["number", "summary"],
                "display_fields": ["number"], "hint": "Chỉ khi tình trạng là “Bị thay thế”.",
            },
            {
                "name": "files", "label": "Tệp văn bản", "widget": "list", "required": true, "min": 1,
                "field": {
                    "name": "file", "label": "Tệp", "widget": "file", "required": true,
                    "accept": ".pdf,.docx,.doc", "choose_url": false,
                    "media_folder": "/public/van-ban", "public_folder": "/van-ban",
                },
            },
        ]),
    );
    collection["label_singular"] = json!("văn bản");
    collection["summary"] = json!("{{number}} — {{summary}}");
    collection["preview_path"] = json!("van-ban/{{slug}}");
    collection
}

/// "Lịch công tác" (`schedule.rs`): a file per ISO week, named after it.
fn schedule_collection() -> Value {
    let mut collection = folder_collection(
        "schedule",
        "Lịch công tác",
        "Lịch công tác tuần của lãnh đạo: mỗi tuần một tệp, tên theo tuần (2026-W48).",
        "content/schedule",
        "week",
        ("week", "descending"),
        json!([
            {
                "name": "week", "label": "Tuần", "widget": "string", "required": true,
                "hint": "Năm và số tuần theo ISO 8601: 2026-W48 (tuần bắt đầu từ thứ Hai).",
                "pattern": pattern(r"^[0-9]{4}-W[0-9]{2}$", "Viết như 2026-W48."),
            },
            { "name": "revision", "label": "Lần ban hành", "widget": "number", "value_type": "int", "required": true, "min": 1, "default": 1 },
            datetime_field("updated", "Cập nhật lúc", true),
            {
                "name": "days", "label": "Các ngày", "widget": "list", "required": true, "summary": "{{fields.date}}",
                "fields": [
                    date_field("date", "Ngày", true),
                    {
                        "name": "items", "label": "Công việc", "widget": "list", "required": true,
                        "summary": "{{fields.time}} {{fields.content}}",
                        "fields": [
                            {
                                "name": "time", "label": "Giờ", "widget": "string", "required": true,
                                "pattern": pattern(r"^([01][0-9]|2[0-3]):[0-5][0-9]$", "Viết giờ như 08:30 hoặc 14:00."),
                            },
                            text_field("content", "Nội dung", "text", ""),
                            { "name": "place", "label": "Địa điểm", "widget": "string", "required": false },
                            text_field("attendees", "Thành phần (lãnh đạo dự)", "string", ""),
                            { "name": "preparation", "label": "Chuẩn bị", "widget": "string", "required": false },
                        ],
                    },
                ],
            },
        ]),
    );
    collection["label_singular"] = json!("lịch tuần");
    collection["summary"] = json!("{{week}} (lần {{revision}})");
    collection["preview_path"] = json!("lich-cong-tac?tuan={{slug}}");
    collection
}

/// `/quan-tri/config.yml` (JSON is YAML: no second serialiser to trust).
/// `site_url` is the portal's public address (`site.json`'s `base_url`),
/// which the editor links to and opens published articles on.
pub fn config(
    settings: &Settings,
    categories: &[Category],
    lists: &crate::kinds::documents::SourceLists,
    site_url: Option<&str>,
) -> String {
    let mut config = json!({
        "backend": settings.backend(),
        "media_folder": "content/media",
        "public_folder": "/media",
        "slug": { "encoding": "ascii", "clean_accents": true },
        "output": { "omit_empty_optional_fields": true, "json": { "indent_style": "space", "indent_size": 2 } },
        "logo": { "src": "/emblem.svg" },
        "collections": [
            articles_collection(categories),
            pages_collection("about", "Giới thiệu", "content/pages/gioi-thieu", "Chức năng nhiệm vụ, cơ cấu tổ chức, lãnh đạo, lịch sử."),
            pages_collection("pages", "Trang khác", "content/pages", "Liên hệ, trang tiếng Anh (en) và các trang riêng khác."),
            settings_collection(),
            documents_collection(lists),
            schedule_collection(),
        ],
    });
    if let Some(url) = site_url {
        config["site_url"] = json!(url);
    }
    format!(
        "# Written by the press from content/editor.json and categories.json at every build: edit those, not this.\n{}\n",
        serde_json::to_string_pretty(&config).expect("a JSON value serialises")
    )
}

/// `/quan-tri/index.html`.
pub fn page(office: &str) -> String {
    let office = crate::html::escaped(office);
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex, nofollow\">\n\
         <title>Quản trị nội dung · {office}</title>\n\
         <link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n\
         <link rel=\"cms-config-url\" href=\"/{EDITOR_PATH}/config.yml\" type=\"application/yaml\">\n\
         <link rel=\"stylesheet\" href=\"/{EDITOR_PATH}/fonts.css\">\n\
         <script src=\"/{EDITOR_PATH}/{STARTUP_SCRIPT}\"></script>\n\
         </head>\n<body>\n<script src=\"/{EDITOR_PATH}/{EDITOR_SCRIPT}\"></script>\n</body>\n</html>\n"
    )
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
    lists: &crate::kinds::documents::SourceLists,
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
    write("config.yml", config(settings, categories, lists, site.site.base_url.as_deref()).as_bytes())
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
