use leptos::prelude::*;

use crate::components::loaded::NotFound;

/// Any path the router does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <NotFound/> }
}
