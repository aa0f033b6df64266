use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use model::{SiteData, paths::route};

use super::use_page_param;
use crate::api::{self, FetchError};
use crate::components::article_list::ArticleList;
use crate::components::article_view::ArticleView;
use crate::components::loaded::loaded;
use crate::components::pagination::Pagination;
use crate::components::set_document_title;

#[component]
pub fn ArticleRoute() -> impl IntoView {
    let site = expect_context::<SiteData>();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let article = LocalResource::new(move || api::article(slug.get()));
    loaded(article, move |article| {
        set_document_title(Some(&article.title), &site.site.name);
        let category = article.category.clone();
        let slug = article.slug.clone();
        view! {
            <ArticleView article site=site.clone()/>
            <OtherArticles category slug/>
        }
    })
}

/// "Tin khác": the rest of the article's category, paged with `?trang=N`
/// on the article's own URL.
#[component]
fn OtherArticles(category: String, slug: String) -> impl IntoView {
    let page = use_page_param();
    let listing = {
        let category = category.clone();
        LocalResource::new(move || {
            let (category, page) = (category.clone(), page.get());
            async move {
                match page {
                    Some(page) => api::category(category, page).await,
                    None => Err(FetchError::NotFound),
                }
            }
        })
    };
    view! {
        <section class="other-articles" aria-labelledby="tin-khac">
            <h2 class="section-title" id="tin-khac">"Tin khác"</h2>
            {loaded(listing, move |listing| {
                let base = route::article(&slug);
                let articles = listing.articles.into_iter().filter(|a| a.slug != slug).collect();
                view! {
                    <ArticleList articles/>
                    <Pagination
                        current=listing.page
                        total=listing.total_pages
                        href=move |n| route::paged(&base, n)
                        keep_scroll=true
                    />
                }
            })}
        </section>
    }
}
