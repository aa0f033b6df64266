use crate::picture::{Look, THUMB_WIDTH, linked};
use leptos::prelude::*;
use model::{ArticleSummary, ListingPage, SIDEBAR_LATEST, paths::route, short_date};

/// A list item: thumbnail, title, date and (optionally) the sapo. The
/// first item of a page's main list is `first_seen`: its picture is the
/// page's largest paint, fetched at once and first; the rest wait until near.
#[component]
pub fn ArticleItem(
    article: ArticleSummary,
    #[prop(optional)] with_sapo: bool,
    #[prop(optional)] first_seen: bool,
) -> impl IntoView {
    let href = route::article(&article.slug);
    let thumb =
        article.cover.map(|cover| linked("thumb", href.clone(), &cover, &Look { sizes: THUMB_WIDTH, first_seen }));
    view! {
        <li class="article-item">
            {thumb}
            <div class="article-item-text">
                <a class="article-item-title" href=href>{article.title}</a>
                <time class="meta" datetime=article.published.clone()>{short_date(&article.published)}</time>
                {with_sapo.then(|| view! { <p class="article-item-sapo">{article.sapo}</p> })}
            </div>
        </li>
    }
}

/// A list of articles; with sapos it is a page's main list (a category, Tin mới).
#[component]
pub fn ArticleList(articles: Vec<ArticleSummary>, #[prop(optional)] with_sapo: bool) -> impl IntoView {
    if articles.is_empty() {
        return view! { <p class="empty">"Chưa có bài viết."</p> }.into_any();
    }
    view! {
        <ul class="article-list">
            {articles
                .into_iter()
                .enumerate()
                .map(|(i, article)| view! { <ArticleItem article with_sapo first_seen=with_sapo && i == 0/> })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// The sidebar's "Tin mới": the newest few of the first page of all articles.
#[component]
pub fn SidebarLatest(page: ListingPage) -> impl IntoView {
    let articles = page.articles.into_iter().take(SIDEBAR_LATEST).collect();
    view! { <ArticleList articles/> }
}
