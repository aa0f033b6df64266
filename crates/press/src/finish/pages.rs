//! A static HTML page for the home page, every
//! category's first page, every article, "Tin mới", the search page, the
//! office's own pages (Giới thiệu, Liên hệ, English, Sơ đồ cổng) and the
//! not-found page — trunk's index.html with the page's own head (title,
//! description, canonical, Open Graph, Twitter card, JSON-LD) and its body
//! drawn by the app's own components (`views`, rendered natively inside a
//! router told the page's URL), so it shows before the wasm arrives (and
//! without JavaScript at all) and the app can take over without a jump.
//!
//! What this file holds is the list of pages and their head data; the
//! markup of every page is in `views`.

use super::head::{
    Parts, breadcrumb_ld, dublin_core, first_body_image, news_article_ld, office_ld, share_image, with_head,
};
use super::template::{defer_head_links, start_app_after_load, with_boot, without_preloads};
use crate::html::html_of;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::location::RequestUrl;
use model::paths::route;
use model::{Article, HomePage, ListingPage, SiteData};
use rayon::prelude::*;
use views::article::{ArticleView, OtherArticles, OtherArticlesList};
use views::article_list::SidebarLatest;
use views::home::{Home, HomeFrame};
use views::layout::Shell;
use views::listing_page::{CategoryFrame, LatestFrame, Listing};
use views::page::PageView;
use views::search::{SearchFrame, SearchPrompt};
use views::states::NotFound;

pub struct Page {
    /// Relative to the site root.
    pub path: String,
    pub html: String,
}

/// What the press reads back from the published data to draw the pages.
pub struct Data<'a> {
    pub site: &'a SiteData,
    pub home: &'a HomePage,
    pub latest: &'a ListingPage,
    pub categories: Vec<(&'a str, &'a ListingPage)>,
    pub articles: Vec<&'a Article>,
    pub pages: Vec<&'a model::Page>,
}

/// One page to write: its file, head and the content of its `<main>`.
struct Planned {
    file: String,
    parts: Parts,
    main: Box<dyn FnOnce() -> AnyView + Send>,
}

fn plan(data: &Data) -> Vec<Planned> {
    let site = data.site;
    let name = &site.site.name;
    // A page with no date of its own carries the portal's last change: its newest article's.
    let newest = data.latest.articles.first().map(|a| a.published.clone()).unwrap_or_default();
    let by_office = dublin_core(site, None, &newest, "vi");
    let mut pages = Vec::new();
    let mut add = |file: String, parts: Parts, main: Box<dyn FnOnce() -> AnyView + Send>| {
        pages.push(Planned { file, parts, main });
    };
    let home = data.home.clone();
    let home_site = site.clone();
    add(
        "index.html".into(),
        Parts {
            title: name.clone(),
            description: site.description(),
            path: "/".into(),
            image: data.home.featured.first().and_then(|a| a.cover.as_ref()).and_then(share_image),
            og_type: "website",
            json_ld: vec![],
            dublin_core: by_office.clone(),
        },
        Box::new(move || {
            view! { <HomeFrame site=home_site.clone()><Home home site=home_site/></HomeFrame> }.into_any()
        }),
    );
    let latest = data.latest.clone();
    add(
        "tin-moi/index.html".into(),
        Parts {
            title: format!("Tin mới | {name}"),
            description: format!("Tin mới nhất của {name}."),
            path: route::latest(),
            image: None,
            og_type: "website",
            json_ld: vec![],
            dublin_core: by_office.clone(),
        },
        Box::new(move || view! { <LatestFrame><Listing page=latest base=route::latest()/></LatestFrame> }.into_any()),
    );
    add(
        "tim-kiem/index.html".into(),
        Parts {
            title: format!("Tìm kiếm | {name}"),
            description: format!("Tìm kiếm bài viết trên cổng thông tin {name}."),
            path: route::search(),
            image: None,
            og_type: "website",
            json_ld: vec![],
            dublin_core: by_office.clone(),
        },
        Box::new(|| view! { <SearchFrame><SearchPrompt/></SearchFrame> }.into_any()),
    );
    for (slug, first) in &data.categories {
        let Some(category) = site.category(slug).cloned() else { continue };
        let (frame_site, first) = (site.clone(), (*first).clone());
        add(
            format!("chuyen-muc/{slug}/index.html"),
            Parts {
                title: format!("{} | {name}", category.name),
                description: format!("{} — {name}.", category.name),
                path: route::category(slug),
                image: None,
                og_type: "website",
                json_ld: vec![breadcrumb_ld(site, &site.trail(slug))],
                dublin_core: dublin_core(site, None, first.articles.first().map_or(&newest, |a| &a.published), "vi"),
            },
            Box::new(move || {
                let base = route::category(&category.slug);
                view! { <CategoryFrame site=frame_site category><Listing page=first base/></CategoryFrame> }.into_any()
            }),
        );
    }
    for article in &data.articles {
        let others =
            data.categories.iter().find(|(slug, _)| *slug == article.category).map(|(_, page)| (*page).clone());
        let mut crumbs = site.trail(&article.category);
        crumbs.push((route::article(&article.slug), article.title.clone()));
        let (article_site, owned) = (site.clone(), (*article).clone());
        add(
            format!("bai-viet/{}/index.html", article.slug),
            Parts {
                title: format!("{} | {name}", article.title),
                description: article.sapo.clone(),
                path: route::article(&article.slug),
                image: article.cover.as_ref().and_then(share_image).or_else(|| first_body_image(&article.html)),
                og_type: "article",
                json_ld: vec![news_article_ld(site, article), breadcrumb_ld(site, &crumbs)],
                dublin_core: dublin_core(
                    site,
                    Some(&article.author),
                    article.updated.as_ref().unwrap_or(&article.published),
                    "vi",
                ),
            },
            Box::new(move || {
                let slug = owned.slug.clone();
                let others = others.map(|listing| {
                    view! { <OtherArticles><OtherArticlesList slug listing/></OtherArticles> }
                });
                view! { <ArticleView article=owned site=article_site/>{others} }.into_any()
            }),
        );
    }
    for page in &data.pages {
        let mut crumbs = vec![("/".to_string(), "Trang chủ".to_string())];
        crumbs.extend(page.section.clone());
        crumbs.push((page.path.clone(), page.title.clone()));
        let owned = (*page).clone();
        let is_site_map = page.path == route::SITE_MAP;
        let mut json_ld = vec![breadcrumb_ld(site, &crumbs)];
        if let Some(own) = page.json_ld.as_deref().and_then(|text| serde_json::from_str(text).ok()) {
            json_ld.insert(0, own);
        } else if !is_site_map {
            json_ld.insert(0, office_ld(site, page));
        }
        add(
            format!("{}/index.html", page.path.trim_start_matches('/')),
            Parts {
                title: format!("{} | {name}", page.title),
                description: page.description.clone(),
                path: page.path.clone(),
                image: first_body_image(&page.html),
                og_type: "website",
                json_ld,
                dublin_core: dublin_core(site, None, page.date.as_ref().unwrap_or(&newest), &page.lang),
            },
            Box::new(move || view! { <PageView page=owned/> }.into_any()),
        );
    }
    add(
        "404.html".into(),
        Parts {
            title: format!("Không tìm thấy trang | {name}"),
            description: "Trang bạn tìm không tồn tại.".into(),
            path: "/404".into(),
            image: None,
            og_type: "website",
            json_ld: vec![],
            dublin_core: by_office.clone(),
        },
        Box::new(|| view! { <NotFound/> }.into_any()),
    );
    pages
}

pub fn pages(template: &str, data: &Data) -> Result<Vec<Page>, String> {
    let template = &start_app_after_load(&defer_head_links(&without_preloads(template))?)?;
    // Rendering is independent per page: spread it over the cores.
    plan(data)
        .into_par_iter()
        .map(|page| {
            let body = draw(data, &page.parts.path, page.main);
            let html = with_head(template, data.site, page.parts);
            Ok(Page { path: page.file, html: with_boot(&html, &body)? })
        })
        .collect()
}

/// The whole frame around `main`, drawn by the app's own components for the
/// page at `url`, inside the static copy's `#boot` element.
fn draw(data: &Data, url: &str, main: Box<dyn FnOnce() -> AnyView + Send>) -> String {
    let site = data.site.clone();
    let latest = data.latest.clone();
    html_of(|| {
        provide_context(RequestUrl::new(url));
        view! {
            <div id="boot" class="boot">
                <Router>
                    <Shell site latest=view! { <SidebarLatest page=latest/> }>{main()}</Shell>
                </Router>
            </div>
        }
    })
}
