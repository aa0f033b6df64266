//! Every internal link the office writes — the menu in `site.json`, the
//! bodies of articles and of the office's pages — must lead to something
//! this build publishes, or the build stops with the file, the field and the
//! address. Links to other sites (`https://…`, `mailto:`, `tel:`) are left
//! alone. Run once the whole site is assembled, before anything is written.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use model::paths::route;

use crate::assemble::Published;
use crate::brand;
use crate::error::{ContentError, Error};

/// The addresses a build publishes, without query, fragment or final `/`.
pub struct Addresses(HashSet<String>);

/// Where links were written: the file, the field and the addresses.
pub struct Written {
    pub file: PathBuf,
    pub field: String,
    pub links: Vec<String>,
}

impl Addresses {
    /// Every page of `published`, the office's files (`content/files/`), the
    /// brand files, feeds and sitemaps, and the staff editor when the office
    /// has one.
    pub fn of(published: &Published, content: &Path) -> Result<Self, Error> {
        let mut all: HashSet<String> = ["/", "/rss.xml", "/sitemap.xml", "/news-sitemap.xml", "/robots.txt"]
            .into_iter()
            .chain(["/manifest.webmanifest"])
            .map(str::to_string)
            .collect();
        all.extend([brand::EMBLEM, brand::FAVICON, brand::SHARE].map(|file| format!("/{file}")));
        all.extend([route::latest(), route::search()]);
        for category in &published.site.categories {
            all.insert(route::category(&category.slug));
            all.insert(format!("/rss/{}.xml", category.slug));
        }
        all.extend(published.articles.iter().map(|article| route::article(&article.slug)));
        all.extend(published.pages.iter().map(|page| normalised(&page.path)));
        if content.join(crate::read::EDITOR_SETTINGS).is_file() {
            all.insert(format!("/{}", crate::read::EDITOR_FOLDER));
        }
        let files = content.join(brand::FILES);
        let mut found = Vec::new();
        crate::read::collect_where(&files, &mut found, &|_| true).map_err(|(dir, e)| Error::io(&dir, e))?;
        all.extend(
            found
                .iter()
                .filter_map(|path| path.strip_prefix(&files).ok())
                .map(|relative| format!("/{}", relative.to_string_lossy().replace('\\', "/"))),
        );
        Ok(Addresses(all))
    }

    /// Why `href` leads nowhere, if it is internal and does.
    pub fn problem(&self, href: &str) -> Option<String> {
        let href = href.trim();
        let scheme =
            href.split_once(':').is_some_and(|(scheme, _)| !scheme.is_empty() && !scheme.contains(['/', '?', '#']));
        if href.starts_with('#') || href.starts_with("//") || scheme {
            return None;
        }
        if !href.starts_with('/') {
            return Some(format!(
                "link `{href}` is a relative address: write it from the site's root (`/lien-he`) or in full (`https://…`)"
            ));
        }
        (!self.0.contains(&normalised(href)))
            .then(|| format!("link `{href}` leads to nothing this site publishes (a missing page, article or file?)"))
    }

    /// Every link of `written` that leads nowhere, as an error of its file and field.
    pub fn check(&self, written: &[Written]) -> Vec<ContentError> {
        written
            .iter()
            .flat_map(|at| {
                at.links
                    .iter()
                    .filter_map(|href| self.problem(href))
                    .map(|reason| ContentError::new(&at.file, Some(&at.field), reason))
            })
            .collect()
    }
}

/// `href`'s path: no query or fragment, no `index.html` or final `/`.
fn normalised(href: &str) -> String {
    let path = href.split(['?', '#']).next().unwrap_or_default();
    let path = path.strip_suffix("index.html").unwrap_or(path);
    match path.trim_end_matches('/') {
        "" => "/".to_string(),
        path => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addresses(paths: &[&str]) -> Addresses {
        Addresses(paths.iter().map(|path| normalised(path)).collect())
    }

    #[test]
    fn an_internal_link_must_lead_to_a_published_address() {
        let published =
            addresses(&["/", "/lien-he", "/bai-viet/cau-treo", "/van-ban/2026/qd.pdf", "/lich-cong-tac?tuan=2026-W50"]);
        for fine in [
            "/lien-he",
            "/lien-he/",
            "/lien-he/index.html",
            "/bai-viet/cau-treo?fbclid=1#doan-2",
            "/van-ban/2026/qd.pdf",
            "/lich-cong-tac?tuan=2026-W51",
            "/",
            "#muc-1",
            "https://dichvucong.gov.vn",
            "mailto:vp@example.org",
            "tel:02143826118",
            "//cdn.example.org/x",
        ] {
            assert_eq!(published.problem(fine), None, "{fine}");
        }
        assert!(published.problem("/bai-viet/khong-co").unwrap().contains("leads to nothing"));
        assert!(published.problem("/van-ban/2026/mat.pdf").unwrap().contains("`/van-ban/2026/mat.pdf`"));
        assert!(published.problem("lien-he").unwrap().contains("relative address"));
    }

    #[test]
    fn each_broken_link_names_its_file_and_field() {
        let published = addresses(&["/", "/lien-he"]);
        let written = [
            Written { file: "content/site.json".into(), field: "menu[2].href".into(), links: vec!["/van-ban".into()] },
            Written { file: "content/articles/a.json".into(), field: "body".into(), links: vec!["/lien-he".into()] },
        ];
        let errors = published.check(&written);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field.as_deref(), Some("menu[2].href"));
        assert!(errors[0].to_string().contains("content/site.json"), "{}", errors[0]);
    }
}
