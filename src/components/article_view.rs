use leptos::prelude::*;
use model::{Article, ArticleLink, SiteData, format_number, long_date, paths::route};

use crate::visitor_counter::VisitorCounter;

use super::breadcrumb::Breadcrumb;

/// The article itself: breadcrumb, title, date, sapo, cover, body, byline,
/// tags and the links to its neighbours.
#[component]
pub fn ArticleView(article: Article, site: SiteData) -> impl IntoView {
    let views = {
        let path = route::article(&article.slug);
        let counter = use_context::<VisitorCounter>();
        move || counter.and_then(|c| c.views_of(&path)).map(format_number).unwrap_or_else(|| "—".to_string())
    };
    let Article { title, sapo, category, published, updated, author, cover, html, tags, older, newer, .. } = article;
    let cover = cover.map(|cover| {
        view! {
            <figure class="cover">
                <img src=cover.src alt=cover.alt decoding="async"/>
                {cover.caption.map(|caption| view! { <figcaption>{caption}</figcaption> })}
            </figure>
        }
    });
    let updated = updated.map(|updated| {
        view! {
            <span class="updated">
                "Cập nhật: " <time datetime=updated.clone()>{long_date(&updated)}</time>
            </span>
        }
    });
    let tags = (!tags.is_empty()).then(|| {
        view! {
            <div class="tags">
                <span class="tags-label">"Từ khóa:"</span>
                <ul>{tags.into_iter().map(|tag| view! { <li>{tag}</li> }).collect_view()}</ul>
            </div>
        }
    });
    let neighbour = |link: Option<ArticleLink>, label: &'static str, class: &'static str| {
        link.map(|link| {
            view! {
                <a class=class href=route::article(&link.slug)>
                    <span class="neighbour-label">{label}</span>
                    <span class="neighbour-title">{link.title}</span>
                </a>
            }
        })
    };
    let neighbours = (older.is_some() || newer.is_some()).then(|| {
        view! {
            <nav class="neighbours" aria-label="Bài liên quan theo thời gian">
                {neighbour(newer, "Bài mới hơn", "neighbour newer")}
                {neighbour(older, "Bài trước đó", "neighbour older")}
            </nav>
        }
    });
    view! {
        <article class="article">
            <Breadcrumb site category/>
            <h1 class="article-title">{title}</h1>
            <p class="meta article-dates">
                <time datetime=published.clone()>{long_date(&published)}</time>
                {updated}
                <span class="views">"Lượt xem: " {views}</span>
            </p>
            <p class="sapo">{sapo}</p>
            {cover}
            <div class="article-body" inner_html=html></div>
            <p class="byline">{author}</p>
            {tags}
            {neighbours}
        </article>
    }
}
