use leptos::prelude::*;

use crate::components::loaded::not_found;

/// Any path the router does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    not_found(None)
}
