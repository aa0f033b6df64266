use leptos::prelude::*;
use model::SiteData;

use crate::components::{loaded::NotFound, set_document_title};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let site = expect_context::<SiteData>();
    set_document_title(Some("Không tìm thấy trang"), &site.site.name);
    view! { <NotFound/> }
}
