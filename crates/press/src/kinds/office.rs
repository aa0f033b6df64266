//! The office's own pages (`content/pages/`): "Giới thiệu" (functions,
//! organisation, leaders, history), "Liên hệ", the English page, "Tiếp cận
//! thông tin" and the accessibility statement; and "Sơ đồ cổng", the
//! human-readable site map, written here ([`complete`], once every kind's
//! pages exist) from the categories, these pages and the parts published,
//! which also completes the two pages' generated lists. Read, checked and
//! rendered like articles (same Markdown, same sanitising); published as
//! `data/pages{path}.json`.
//!
//! A file's place is its address: `pages/lien-he.json` → `/lien-he`,
//! `pages/gioi-thieu/lanh-dao.json` → `/gioi-thieu/lanh-dao`.

use std::path::{Path, PathBuf};

use model::paths::route;
use model::{Page, SiteData, is_valid_slug};
use serde::Deserialize;

use crate::error::ContentError;
use crate::html::html_of;
use crate::render;
use leptos::prelude::*;
use views::office::{AccessKeys, Disclosed, SectionMenu, SiteMap};

/// A page as written in `content/pages/`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcePage {
    pub title: String,
    /// One or two sentences for search engines and link previews.
    pub description: String,
    /// "vi" (default) or "en".
    #[serde(default)]
    pub lang: Option<String>,
    /// Position among its section's pages, smallest first.
    #[serde(default)]
    pub order: u32,
    /// Markdown.
    pub body: String,
    /// Checked like any other, published nowhere (staff see it in previews).
    #[serde(default)]
    pub draft: bool,
}

/// Folders pages may sit in, with the name the menu and breadcrumb give them.
pub const SECTIONS: &[(&str, &str)] = &[(route::ABOUT, "Giới thiệu")];
/// Addresses the portal already uses: a page cannot take them.
const TAKEN: &[&str] = &[
    "van-ban",
    "lich-cong-tac",
    "lich-tiep-cong-dan",
    "thong-tin-bao-chi",
    "du-thao",
    "hoi-dap",
    "bai-viet",
    "chuyen-muc",
    "tin-moi",
    "tim-kiem",
    "quan-tri",
    "data",
    "anh",
    "media",
    "rss",
    "so-do-cong",
    "shell",
];
pub const LANGUAGES: &[&str] = &["vi", "en"];

/// A page that passed every check, its body rendered.
#[derive(Debug, Clone)]
pub struct Checked {
    pub file: PathBuf,
    pub path: String,
    pub section: Option<&'static str>,
    pub title: String,
    pub description: String,
    pub lang: String,
    pub order: u32,
    pub html: String,
    /// Where the body's links lead (checked once the whole site is known, `crate::links`).
    pub links: Vec<String>,
}

/// Reads and checks every page; all problems at once, each with file and field.
/// With `office_files` (what the office publishes as it is), drawings are measured there.
/// Drafts are checked, then left out unless `edition` is a preview.
pub fn read(
    content: &Path,
    office_files: Option<&Path>,
    edition: crate::Edition,
) -> Result<Vec<Checked>, Vec<ContentError>> {
    let root = content.join("pages");
    let mut errors = Vec::new();
    let mut pages = Vec::new();
    for (file, source) in crate::read::read_folder::<SourcePage>(&root, &mut errors)? {
        let relative = file.strip_prefix(&root).expect("under pages/").with_extension("");
        let parts: Vec<String> = relative.iter().map(|part| part.to_string_lossy().into_owned()).collect();
        let shown = edition.shows(source.draft, None);
        if let Some(page) = check(&file, &parts, source, office_files, &mut errors)
            && shown
        {
            pages.push(page);
        }
    }
    if errors.is_empty() { Ok(pages) } else { Err(errors) }
}

fn check(
    file: &Path,
    parts: &[String],
    source: SourcePage,
    office_files: Option<&Path>,
    errors: &mut Vec<ContentError>,
) -> Option<Checked> {
    let before = errors.len();
    let section = match parts {
        [name] => {
            if TAKEN.contains(&name.as_str()) || SECTIONS.iter().any(|(folder, _)| folder == name) {
                errors.push(ContentError::new(
                    file,
                    None,
                    format!("the address /{name} is taken by the portal itself"),
                ));
            }
            None
        }
        [folder, _] => match SECTIONS.iter().find(|(known, _)| known == folder) {
            Some((known, _)) => Some(*known),
            None => {
                let known: Vec<_> = SECTIONS.iter().map(|(folder, _)| *folder).collect();
                errors.push(ContentError::new(
                    file,
                    None,
                    format!("pages go in content/pages/ or its folders {}", known.join(", ")),
                ));
                None
            }
        },
        _ => {
            errors.push(ContentError::new(file, None, "pages go at most one folder deep"));
            None
        }
    };
    if let Some(name) = parts.iter().find(|part| !is_valid_slug(part)) {
        errors.push(ContentError::new(file, None, crate::check::slug_reason(name)));
    }
    for (field, value) in [("title", &source.title), ("description", &source.description), ("body", &source.body)] {
        crate::check::require_text(file, field, value, errors);
    }
    let lang = source.lang.unwrap_or_else(|| "vi".into());
    if !LANGUAGES.contains(&lang.as_str()) {
        errors.push(ContentError::new(file, Some("lang"), format!("`{lang}` is not one of {}", LANGUAGES.join(", "))));
    }
    let mut rendered = render::markdown(&source.body);
    crate::check::refuse_raw_html(file, "body", &rendered, errors);
    for image in &rendered.images {
        if image.alt.is_empty() {
            errors.push(ContentError::new(file, Some("body"), format!("image `{}` has no alt text", image.src)));
        }
        // Photos are processed for articles only; pages show drawings.
        if !image.src.ends_with(".svg") {
            errors.push(ContentError::new(
                file,
                Some("body"),
                format!("image `{}`: pages show drawings (SVG in content/files/media/) only", image.src),
            ));
        }
    }
    if errors.len() > before {
        return None;
    }
    if let Some(office_files) = office_files {
        // Drawn with their size, as every picture of the portal is.
        let mut sizes = std::collections::HashMap::new();
        for image in &rendered.images {
            let path = office_files.join(image.src.trim_start_matches('/'));
            match std::fs::read_to_string(&path).ok().and_then(|svg| crate::read::svg_size(&svg)) {
                Some(size) => {
                    sizes.insert(image.src.clone(), size);
                }
                None => errors.push(ContentError::new(
                    file,
                    Some("body"),
                    format!("drawing `{}`: {} is missing or has no width and height", image.src, path.display()),
                )),
            }
        }
        if errors.len() > before {
            return None;
        }
        rendered = render::markdown_with_photos(&source.body, &|src| {
            sizes.get(src).map(|(w, h)| render::Measured::Drawing(*w, *h))
        });
    }
    Some(Checked {
        file: file.to_path_buf(),
        path: format!("/{}", parts.join("/")),
        section,
        title: source.title.trim().to_string(),
        description: source.description.trim().to_string(),
        lang,
        order: source.order,
        html: rendered.html,
        links: rendered.links,
    })
}

/// The published pages: those written, each knowing its section's pages
/// (the site map and the generated lists come once every kind's pages are
/// there: [`complete`]).
pub fn assemble(mut checked: Vec<Checked>) -> Vec<Page> {
    checked.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.path.cmp(&b.path)));
    let pages: Vec<Page> = checked
        .iter()
        .map(|page| {
            let siblings: Vec<(String, String)> = match page.section {
                Some(section) => checked
                    .iter()
                    .filter(|other| other.section == Some(section))
                    .map(|other| (other.path.clone(), other.title.clone()))
                    .collect(),
                None => Vec::new(),
            };
            let menu = section_menu(page.section.map(section_name), &page.path, &siblings);
            Page {
                path: page.path.clone(),
                title: page.title.clone(),
                description: page.description.clone(),
                lang: page.lang.clone(),
                section: page.section.map(|section| (siblings[0].0.clone(), section_name(section).to_string())),
                html: format!("{menu}{}", page.html),
                json_ld: None,
                date: None,
            }
        })
        .collect();
    pages
}

/// The parts of the portal the site map and "Tiếp cận thông tin" list
/// after the categories and the office's pages, each where it is published.
const PARTS: &[(&str, &str)] = &[
    (route::DOCUMENTS, "Văn bản"),
    (route::SCHEDULE, "Lịch công tác"),
    (route::RECEPTION, "Lịch tiếp công dân"),
    (route::CONSULTATIONS, "Lấy ý kiến dự thảo"),
    (route::QUESTIONS, "Hỏi đáp"),
    (route::PRESS, "Thông tin báo chí"),
];

/// With every kind's pages in `pages`: the list of what the portal makes
/// public written into "Tiếp cận thông tin", the shortcuts into the
/// accessibility statement, and the site map added.
pub fn complete(pages: &mut Vec<Page>, site: &SiteData) {
    let published = |path: &str| pages.iter().any(|page| page.path == path);
    let parts: Vec<(String, String)> = PARTS
        .iter()
        .filter(|(path, _)| published(path))
        .map(|(path, name)| (path.to_string(), name.to_string()))
        .collect();
    let own: Vec<(String, String)> =
        pages.iter().filter(|page| is_office_page(page)).map(|page| (page.path.clone(), page.title.clone())).collect();
    for page in pages.iter_mut() {
        if page.path == route::ACCESS_TO_INFORMATION {
            let (categories, parts, own) = (site.categories.clone(), parts.clone(), own.clone());
            page.html += &html_of(|| view! { <Disclosed categories parts pages=own/> });
        } else if page.path == route::ACCESSIBILITY {
            page.html += &html_of(|| view! { <AccessKeys/> });
        }
    }
    let map = site_map(site, pages, parts);
    pages.push(map);
}

/// The footer's content, drawn: the office's details and the footer's links
/// ([`views::layout::FOOTER_LINKS`]) to the pages the site publishes.
pub fn footer(site: &model::Site, pages: &[Page]) -> String {
    let links: Vec<_> = views::layout::FOOTER_LINKS
        .iter()
        .filter(|(href, ..)| *href == route::SITE_MAP || pages.iter().any(|page| page.path == *href))
        .copied()
        .collect();
    html_of(|| view! { <views::layout::FooterContent site=site.clone() links/> })
}

/// One of the office's own pages from `content/pages/` (not a kind's page,
/// not one with a query, not the site map).
fn is_office_page(page: &Page) -> bool {
    let under = |route: &str| {
        page.path == route || page.path.starts_with(&format!("{route}/")) || page.path.starts_with(&format!("{route}?"))
    };
    !page.has_query() && page.path != route::SITE_MAP && !PARTS.iter().any(|(route, _)| under(route))
}

/// The section's pages as a menu, the page itself marked as the current one.
fn section_menu(name: Option<&str>, path: &str, siblings: &[(String, String)]) -> String {
    let Some(name) = name else { return String::new() };
    let (name, current, pages) = (name.to_string(), path.to_string(), siblings.to_vec());
    html_of(|| view! { <SectionMenu name current pages/> })
}

fn section_name(folder: &str) -> &'static str {
    SECTIONS.iter().find(|(known, _)| *known == folder).map(|(_, name)| *name).expect("a known section")
}

/// "Sơ đồ cổng": every part of the portal as nested lists of links.
fn site_map(site: &SiteData, pages: &[Page], parts: Vec<(String, String)>) -> Page {
    let link = |page: &Page| (page.path.clone(), page.title.clone());
    let sections: Vec<(String, Vec<(String, String)>)> = SECTIONS
        .iter()
        .map(|(folder, name)| {
            let members = pages.iter().filter(|page| page.path.starts_with(&format!("/{folder}/"))).map(link).collect();
            (name.to_string(), members)
        })
        .filter(|(_, members): &(String, Vec<_>)| !members.is_empty())
        .collect();
    let loose: Vec<(String, String)> =
        pages.iter().filter(|page| page.section.is_none() && is_office_page(page)).map(link).collect();
    let categories = site.categories.clone();
    Page {
        path: route::SITE_MAP.into(),
        title: "Sơ đồ cổng thông tin".into(),
        description: format!("Các chuyên mục, trang và chức năng của cổng thông tin {}.", site.site.name),
        lang: "vi".into(),
        section: None,
        html: html_of(|| view! { <SiteMap categories sections pages=loose parts/> }),
        json_ld: None,
        date: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(title: &str, lang: Option<&str>, body: &str) -> SourcePage {
        SourcePage {
            title: title.into(),
            description: "Mô tả.".into(),
            lang: lang.map(str::to_string),
            order: 0,
            body: body.into(),
            draft: false,
        }
    }

    fn check_at(file: &Path, parts: &[String], source: SourcePage, errors: &mut Vec<ContentError>) -> Option<Checked> {
        check(file, parts, source, None, errors)
    }

    fn parts(path: &str) -> Vec<String> {
        path.split('/').map(str::to_string).collect()
    }

    #[test]
    fn each_bad_page_names_its_file_and_field() {
        let file = Path::new("content/pages/x.json");
        let mut errors = Vec::new();
        assert!(check_at(file, &parts("lien-he"), source(" ", None, "Nội dung."), &mut errors).is_none());
        assert_eq!(errors[0].field.as_deref(), Some("title"));
        errors.clear();
        check_at(file, &parts("en"), source("About", Some("fr"), "Text."), &mut errors);
        assert_eq!(errors[0].field.as_deref(), Some("lang"));
        errors.clear();
        check_at(file, &parts("bai-viet"), source("Trùng", None, "Chữ."), &mut errors);
        assert!(errors[0].reason.contains("/bai-viet is taken"), "{}", errors[0]);
        errors.clear();
        check_at(file, &parts("tin-tuc/lanh-dao"), source("Lạc chỗ", None, "Chữ."), &mut errors);
        assert!(errors[0].reason.contains("gioi-thieu"), "{}", errors[0]);
        errors.clear();
        check_at(
            file,
            &parts("lanh-dao"),
            source("Ảnh", None, "![](/media/a.svg)\n\n![Ảnh](/media/b.jpg)"),
            &mut errors,
        );
        let reasons: Vec<_> = errors.iter().map(|e| e.reason.as_str()).collect();
        assert!(reasons[0].contains("no alt text") && reasons[1].contains("drawings"), "{reasons:?}");
    }

    #[test]
    fn a_section_lists_its_pages_and_the_site_map_everything() {
        let file = Path::new("p.json");
        let mut errors = Vec::new();
        let mut about =
            check_at(file, &parts("gioi-thieu/lanh-dao"), source("Lãnh đạo", None, "Chữ."), &mut errors).unwrap();
        about.order = 2;
        let mut first =
            check_at(file, &parts("gioi-thieu/chuc-nang"), source("Chức năng", None, "Chữ."), &mut errors).unwrap();
        first.order = 1;
        let english = check_at(file, &parts("en"), source("About us", Some("en"), "Text."), &mut errors).unwrap();
        let site: SiteData = serde_json::from_value(serde_json::json!({
            "site": {"name": "Văn phòng", "tagline": "t", "address": "a", "phone": "p", "email": "e",
                     "login_url": "/quan-tri/", "menu": []},
            "categories": [{"slug": "tin-tuc", "name": "Tin tức", "order": 1},
                           {"slug": "dia-phuong", "name": "Địa phương", "order": 2, "parent": "tin-tuc"}]
        }))
        .unwrap();
        let mut pages = assemble(vec![about, english, first]);
        complete(&mut pages, &site);
        let lanh_dao = pages.iter().find(|p| p.path == "/gioi-thieu/lanh-dao").unwrap();
        assert_eq!(lanh_dao.section, Some(("/gioi-thieu/chuc-nang".into(), "Giới thiệu".into())));
        assert!(
            lanh_dao.html.starts_with(
                "<nav aria-label=\"Giới thiệu\" class=\"section-menu\"><ul><li><a href=\"/gioi-thieu/chuc-nang\">Chức năng</a></li>\
                 <li><a href=\"/gioi-thieu/lanh-dao\" aria-current=\"page\">Lãnh đạo</a></li></ul></nav>"
            ),
            "{}",
            lanh_dao.html
        );
        assert_eq!(pages.iter().find(|p| p.path == "/en").unwrap().lang, "en");
        let map = pages.last().unwrap();
        assert_eq!(map.path, "/so-do-cong");
        for link in ["/chuyen-muc/tin-tuc", "/chuyen-muc/dia-phuong", "/gioi-thieu/lanh-dao", "/en", "/tin-moi"] {
            assert!(map.html.contains(&format!("href=\"{link}\"")), "{link} in {}", map.html);
        }
        // The child category sits inside its parent's item.
        let parent = map.html.find("/chuyen-muc/tin-tuc").unwrap();
        let child = map.html.find("/chuyen-muc/dia-phuong").unwrap();
        assert!(parent < child && !map.html[parent..child].contains("</li>"));
    }
}
