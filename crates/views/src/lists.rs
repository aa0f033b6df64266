use leptos::prelude::*;
use model::{ArticleSummary, ListingPage, SIDEBAR_LATEST, paths::route, short_date};

/// A list item: thumbnail, title, date and (optionally) the sapo.
#[component]
pub fn ArticleItem(article: ArticleSummary, #[prop(optional)] with_sapo: bool) -> impl IntoView {
    let href = route::article(&article.slug);
    let thumb = article.cover.map(|cover| {
        view! {
            <a class="thumb" href=href.clone() tabindex="-1" aria-hidden="true">
                <img src=cover.src alt="" loading="lazy" decoding="async" width="160" height="100"/>
            </a>
        }
    });
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

#[component]
pub fn ArticleList(articles: Vec<ArticleSummary>, #[prop(optional)] with_sapo: bool) -> impl IntoView {
    if articles.is_empty() {
        return view! { <p class="empty">"Chưa có bài viết."</p> }.into_any();
    }
    view! {
        <ul class="article-list">
            {articles.into_iter().map(|article| view! { <ArticleItem article with_sapo/> }).collect_view()}
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
