//! The frame around every page: header with the office's name and the
//! category menu, the sidebar, and the footer with contact details.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use model::SiteData;

use crate::counter::VisitorStats;
use crate::offline::OfflineBanner;
use crate::search::SearchBox;
use crate::theme::ThemeToggle;

/// `latest` fills the sidebar's "Tin mới" box (the app's fetch, or the
/// press's list); `children` is the page's own content.
#[component]
pub fn Shell<L, C>(site: SiteData, latest: L, children: TypedChildren<C>) -> impl IntoView
where
    L: IntoView + 'static,
    C: IntoView + 'static,
{
    provide_context(site.clone());
    view! {
        <a class="skip-link" href="#noi-dung">"Bỏ qua đến nội dung chính"</a>
        <Header site=site.clone()/>
        <OfflineBanner/>
        <div class="page container">
            <main id="noi-dung" class="content" tabindex="-1">{children.into_inner()()}</main>
            <Sidebar latest/>
        </div>
        <Later><Footer site/></Later>
    }
}

/// A part of the page that its first paint does not need (the sidebar's
/// boxes, "Tin khác", the footer). The app draws it as it is. A static page
/// carries it inside `<noscript class="later">`: on a phone the browser then
/// neither builds nor lays it out before the first paint (which waits for
/// all of it otherwise), a reader without JavaScript sees it as it is, and
/// the static page's loader puts it in once the paints have settled (see
/// press `pages.rs`). What it holds sits below or beside what is already
/// shown, so putting it in moves nothing on screen.
#[component]
pub fn Later<C: IntoView + 'static>(children: TypedChildren<C>) -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        view! { <noscript class="later">{children.into_inner()()}</noscript> }
    }
    #[cfg(not(feature = "ssr"))]
    {
        children.into_inner()()
    }
}

/// Whether a menu item leads to the page at `path` (or a page below it).
fn is_current(href: &str, path: &str) -> bool {
    if href == "/" { path == "/" } else { path == href || path.starts_with(&format!("{href}/")) }
}

#[component]
pub fn Header(site: SiteData) -> impl IntoView {
    let open = RwSignal::new(false);
    let location = use_location();
    // Following a menu link on a phone closes the menu.
    Effect::new(move |_| {
        location.pathname.track();
        open.set(false);
    });
    let items = site
        .site
        .menu
        .iter()
        .map(|item| {
            let target = item.href.clone();
            let current = move || is_current(&target, &location.pathname.get()).then_some("page");
            view! { <li><a href=item.href.clone() aria-current=current>{item.label.clone()}</a></li> }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <div class="container brand">
                <a class="brand-link" href="/">
                    // Small and decorative: a low priority keeps it from taking a
                    // connection the page's first picture needs on a slow link.
                    <img class="emblem" src="/emblem.svg" alt="" width="64" height="64" fetchpriority="low"/>
                    <span class="brand-text">
                        <span class="brand-parent">{site.site.tagline.clone()}</span>
                        <span class="brand-name">{site.site.name.clone()}</span>
                    </span>
                </a>
                <SearchBox/>
                <ThemeToggle/>
            </div>
            <nav class="menu" aria-label="Danh mục">
                <div class="container">
                    <button
                        type="button"
                        class="menu-toggle"
                        aria-controls="menu-items"
                        aria-expanded=move || open.get().to_string()
                        on:click=move |_| open.update(|o| *o = !*o)
                    >
                        <span class="menu-toggle-icon" aria-hidden="true"></span>
                        "Danh mục"
                    </button>
                    <ul id="menu-items" class="menu-items" class:open=move || open.get()>
                        {items}
                    </ul>
                </div>
            </nav>
        </header>
    }
}

#[component]
pub fn Sidebar(latest: impl IntoView + 'static) -> impl IntoView {
    view! {
        // The column stays in a static page, so the page's content keeps its
        // width when the boxes are put in.
        <aside class="sidebar">
            <Later>
                <section class="box" aria-labelledby="sidebar-latest">
                    <h2 class="box-title" id="sidebar-latest">
                        <a href="/tin-moi">"Tin mới"</a>
                    </h2>
                    {latest}
                </section>
                <VisitorStats/>
            </Later>
        </aside>
    }
}

/// "Sơ đồ cổng" and the English page. (One fixed string: as view markup the
/// two links cost the reader wasm three times as much.)
const FOOTER_LINKS: &str =
    "<a href=\"/so-do-cong\">Sơ đồ cổng</a> · <a href=\"/en\" lang=\"en\" hreflang=\"en\">English</a>";

#[component]
pub fn Footer(site: SiteData) -> impl IntoView {
    let s = site.site;
    let phone_href = format!("tel:{}", s.phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>());
    let email_href = format!("mailto:{}", s.email);
    view! {
        <footer class="site-footer">
            <div class="container footer-inner">
                <div class="footer-office">
                    <p class="footer-name">{s.name}</p>
                    <address>
                        <span>"Địa chỉ: " {s.address}</span>
                        <span>"Điện thoại: " <a href=phone_href>{s.phone}</a></span>
                        <span>"Email: " <a href=email_href>{s.email.clone()}</a></span>
                    </address>
                </div>
                <div class="footer-staff">
                    <p class="footer-links" inner_html=FOOTER_LINKS></p>
                    <p>"Ghi rõ nguồn khi phát hành lại thông tin từ cổng thông tin này."</p>
                    <a class="login-link" href=s.login_url rel="external">"Đăng nhập"</a>
                </div>
            </div>
        </footer>
    }
}
