use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use model::SiteData;
use views::article::{ArticleView, OtherArticles, OtherArticlesList};

use super::use_page_param;
use crate::api;
use crate::components::loaded::loaded;
use crate::components::set_document_title;

#[component]
pub fn ArticleRoute() -> impl IntoView {
    let site = expect_context::<SiteData>();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let article = api::resource(Signal::derive(move || api::Address::Article(slug.get())));
    loaded(article, move |document| {
        let api::Data::Article(article) = document else { unreachable!("the article route fetches articles") };
        let article = *article;
        set_document_title(Some(&article.title), &site.site.name);
        let path = model::paths::route::article(&article.slug);
        crate::browser::visitor_counter::provide_rating(path.clone());
        crate::browser::share::provide_share(article.title.clone(), site.public_url(&path));
        crate::browser::listen::provide_listen(article.title.clone(), article.sapo.clone());
        let category = article.category.clone();
        let slug = article.slug.clone();
        view! {
            <ArticleView article site=site.clone()/>
            <OtherArticles>{other_articles(category, slug)}</OtherArticles>
        }
    })
}

/// "Tin khác": the page of the article's category that `?trang=N` asks for.
fn other_articles(category: String, slug: String) -> impl IntoView {
    let page = use_page_param();
    let listing = api::resource(Signal::derive(move || api::Address::Listing(api::category_page(&category, page.get()))));
    loaded(listing, move |listing| {
        let api::Data::Listing(listing) = listing else { unreachable!("a listing") };
        view! { <OtherArticlesList slug=slug.clone() listing=*listing/> }
    })
}
