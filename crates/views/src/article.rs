use leptos::prelude::*;
use model::{Article, ArticleLink, ListingPage, SiteData, long_date, paths::route};

use crate::article_list::ArticleList;
use crate::breadcrumb::Breadcrumb;
use crate::counter::{VisitorFigures, shown};
use crate::layout::Later;
use crate::listen::Listen;
use crate::pagination::Pagination;
use crate::picture::{ARTICLE_WIDTH, Look, markup};
use crate::rating::SatisfactionRating;
use crate::share::Share;
use crate::text_size::TextSize;

/// The article itself: breadcrumb, title, date, sapo, cover, body, byline,
/// tags and the links to its neighbours.
#[component]
pub fn ArticleView(article: Article, site: SiteData) -> impl IntoView {
    let views = {
        let path = route::article(&article.slug);
        let figures = use_context::<VisitorFigures>();
        move || shown(figures.and_then(|f| f.views_of(&path)))
    };
    // Printed at the end of the article, so a paper copy says where it came from.
    let address = site.public_url(&route::article(&article.slug));
    let Article { title, sapo, category, published, updated, author, cover, html, tags, older, newer, .. } = article;
    let cover = cover.map(|cover| {
        let look = Look { sizes: ARTICLE_WIDTH, first_seen: true };
        view! {
            <figure class="cover">
                <span class="cover-picture" inner_html=markup(&cover.src, &cover.alt, cover.photo.as_ref(), cover.size, &look)></span>
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
            <Breadcrumb items=site.trail(&category)/>
            <h1 class="article-title">{title}</h1>
            <p class="meta article-dates">
                <time datetime=published.clone()>{long_date(&published)}</time>
                {updated}
                <span class="views">"Lượt xem: " {views}</span>
            </p>
            <div class="article-tools">
                <TextSize/>
                <button type="button" class="tool" on:click=|_| print_page()>"In bài viết"</button>
                <Share address=address.clone() zalo_oa_id=site.site.zalo_oa_id.clone()/>
                <Listen/>
            </div>
            <p class="sapo">{sapo}</p>
            {cover}
            <div class="article-body" inner_html=html></div>
            <p class="byline">{author}</p>
            {tags}
            <p class="print-url">"Địa chỉ bài viết: " {address}</p>
            <SatisfactionRating/>
            {neighbours}
        </article>
    }
}

/// The browser's print dialog (the print stylesheet leaves only the article).
fn print_page() {
    let _ = window().print();
}

/// "Tin khác" under an article: `children` is the list (or its loading state).
#[component]
pub fn OtherArticles<C: IntoView + 'static>(children: TypedChildren<C>) -> impl IntoView {
    view! {
        <Later>
            <section class="other-articles" aria-labelledby="tin-khac">
                <h2 class="section-title" id="tin-khac">"Tin khác"</h2>
                {children.into_inner()()}
            </section>
        </Later>
    }
}

/// One page of the article's category without the article itself, paged
/// with `?trang=N` on the article's own URL.
#[component]
pub fn OtherArticlesList(slug: String, listing: ListingPage) -> impl IntoView {
    let base = route::article(&slug);
    let articles = listing.articles.into_iter().filter(|a| a.slug != slug).collect();
    view! {
        <ArticleList articles/>
        <Pagination current=listing.page total=listing.total_pages href=move |n| route::paged(&base, n) keep_scroll=true/>
    }
}

/// At the top of a notice's body once it is past its `expires`: the press
/// puts it into the body it publishes, so the app draws it with the body.
#[component]
pub fn Expired(
    /// RFC 3339 in Vietnam's time.
    until: String,
) -> impl IntoView {
    view! {
        <p class="expired" role="note">
            <strong>"Hết hiệu lực"</strong>
            {format!(" · Thông báo này hết hiệu lực từ {}.", model::short_date(&until))}
        </p>
    }
}
