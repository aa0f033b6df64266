use leptos::prelude::*;
use model::{ArticleSummary, HomePage, SiteData, paths::route, short_date};

use crate::article_list::ArticleList;
use crate::picture::{ARTICLE_WIDTH, Look, linked};
use crate::text_size::TextSize;

/// The home page's heading (for screen readers) above its content.
#[component]
pub fn HomeFrame<C: IntoView + 'static>(site: SiteData, children: TypedChildren<C>) -> impl IntoView {
    view! {
        <h1 class="visually-hidden">{site.site.name}</h1>
        <div class="article-tools"><TextSize/></div>
        {children.into_inner()()}
    }
}

/// Featured articles, then a block per top-level category.
#[component]
pub fn Home(home: HomePage, site: SiteData) -> impl IntoView {
    let mut featured = home.featured.into_iter();
    let lead = featured.next().map(|article| view! { <Lead article/> });
    let more_featured: Vec<_> = featured.collect();
    let sections = home
        .sections
        .into_iter()
        .map(|section| {
            let name = site.category(&section.category).map(|c| c.name.clone()).unwrap_or_default();
            let href = route::category(&section.category);
            view! {
                <section class="home-section">
                    <h2 class="section-title"><a href=href.clone()>{name}</a></h2>
                    <ArticleList articles=section.articles/>
                    <a class="more" href=href>"Xem thêm"</a>
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="featured" aria-label="Tin nổi bật">
            {lead}
            {(!more_featured.is_empty()).then(|| view! { <ArticleList articles=more_featured/> })}
        </section>
        <div class="home-sections">{sections}</div>
    }
}

/// The newest featured article, shown large.
#[component]
fn Lead(article: ArticleSummary) -> impl IntoView {
    let href = route::article(&article.slug);
    view! {
        <article class="lead">
            {article.cover.map(|cover| {
                linked("lead-image", href.clone(), &cover, &Look { sizes: ARTICLE_WIDTH, first_seen: true })
            })}
            <h2 class="lead-title"><a href=href>{article.title}</a></h2>
            <time class="meta" datetime=article.published.clone()>{short_date(&article.published)}</time>
            <p class="lead-sapo">{article.sapo}</p>
        </article>
    }
}
