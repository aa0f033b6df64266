use leptos::prelude::*;
use model::SiteData;
use views::home::{Home, HomeFrame};

use crate::api;
use crate::components::loaded::loaded;
use crate::components::set_document_title;

#[component]
pub fn HomeRoute() -> impl IntoView {
    let site = expect_context::<SiteData>();
    set_document_title(None, &site.site.name);
    let home = api::resource_of(api::Address::Home);
    view! {
        <HomeFrame site=site.clone()>
            {loaded(home, move |home| {
                let api::Data::Home(home) = home else { unreachable!("the home page's data") };
                view! { <Home home=*home site=site.clone()/> }
            })}
        </HomeFrame>
    }
}
