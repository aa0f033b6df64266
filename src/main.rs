fn main() {
    // index.html shows a plain "loading" frame until the app takes over.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(portal::App);
}
