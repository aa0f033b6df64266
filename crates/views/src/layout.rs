//! The frame around every page: header with the office's name and the
//! category menu, the sidebar, and the footer with contact details.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use model::SiteData;
use model::paths::route;

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
    let notice = site.site.notice.clone().map(|notice| view! { <NoticeBanner notice/> });
    view! {
        <a class="skip-link" href="#noi-dung">"Bỏ qua đến nội dung chính"</a>
        {notice}
        <Header site=site.clone()/>
        <OfflineBanner/>
        <div class="page container">
            <main id="noi-dung" class="content" tabindex="-1">{children.into_inner()()}</main>
            <Sidebar latest/>
        </div>
        <Later><Footer site/></Later>
    }
}

/// A planned outage, above the header of every page while it is announced.
/// `site.notice` is set only then: the press leaves it out of a static page
/// built outside its window and the app out of the site data at its own
/// clock (`model::Notice::shown_at`).
#[component]
fn NoticeBanner(notice: model::Notice) -> impl IntoView {
    let span = notice.span();
    view! {
        <aside class="site-notice" aria-label="Thông báo tạm ngừng hoạt động">
            <p class="container">
                <strong>"Thông báo: "</strong>
                {notice.text}
                " Thời gian dự kiến: "
                {span}
                "."
            </p>
        </aside>
    }
}

/// The keyboard shortcuts (`accesskey`) every page offers: the key and what
/// it reaches, as the accessibility statement lists them. Browsers take
/// them with Alt (Chrome, Edge, Firefox on Windows and Linux: Alt+Shift in
/// Firefox) or Control+Option (macOS).
pub const ACCESS_KEYS: &[(&str, &str)] = &[
    (HOME_KEY, "Trang chủ"),
    (SITE_MAP_KEY, "Sơ đồ cổng"),
    (SEARCH_KEY, "Ô tìm kiếm ở đầu trang"),
    (ACCESSIBILITY_KEY, "Tuyên bố hỗ trợ tiếp cận"),
];
pub const HOME_KEY: &str = "1";
pub const SITE_MAP_KEY: &str = "3";
pub const SEARCH_KEY: &str = "4";
pub const ACCESSIBILITY_KEY: &str = "0";

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
                <a class="brand-link" href="/" accesskey=HOME_KEY>
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

/// What the offline shell and trunk's page show until the app starts (so a
/// slow link never sees a blank page): the office's name and "Đang tải…".
/// Press-drawn into the template's boot block; a static page puts its own
/// content there instead.
#[component]
pub fn BootFrame(name: String, tagline: String) -> impl IntoView {
    view! {
        <div id="boot" class="boot" role="status">
            <header class="site-header">
                <div class="container brand">
                    <span class="brand-link">
                        <img class="emblem" src="/emblem.svg" alt="" width="64" height="64" fetchpriority="low"/>
                        <span class="brand-text">
                            <span class="brand-parent">{tagline}</span>
                            <span class="brand-name">{name}</span>
                        </span>
                    </span>
                </div>
            </header>
            <div class="state state-loading container"><span class="spinner" aria-hidden="true"></span>"Đang tải…"</div>
            <noscript><p class="container">"Cổng thông tin cần bật JavaScript để hiển thị nội dung."</p></noscript>
        </div>
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

/// The footer's links to parts of the portal: address, words, shortcut
/// ([`ACCESS_KEYS`]; a test holds the two together), language. The press
/// keeps those the site publishes and draws them into the footer.
pub const FOOTER_LINKS: &[(&str, &str, Option<&str>, Option<&str>)] = &[
    (route::SITE_MAP, "Sơ đồ cổng", Some(SITE_MAP_KEY), None),
    (route::ACCESSIBILITY, "Hỗ trợ tiếp cận", Some(ACCESSIBILITY_KEY), None),
    (route::PRESS, "Thông tin báo chí", None, None),
    ("/en", "English", None, Some("en")),
];

/// The `tel:` link of a phone number as people write it ("0214 3 826 118").
pub fn tel_href(phone: &str) -> String {
    format!("tel:{}", phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>())
}

/// The footer around its content, which the press draws ([`FooterContent`])
/// into `SiteData::footer`: the app carries no markup of it.
#[component]
pub fn Footer(site: SiteData) -> impl IntoView {
    view! { <footer class="site-footer" inner_html=site.footer></footer> }
}

/// What the footer holds (press-drawn): the office's name, address and
/// contacts, its editor-in-chief, `links` (those of [`FOOTER_LINKS`] the
/// site publishes) and "Đăng nhập" when there is an editor.
#[component]
pub fn FooterContent(
    site: model::Site,
    links: Vec<(&'static str, &'static str, Option<&'static str>, Option<&'static str>)>,
) -> impl IntoView {
    let s = site;
    let phone_href = tel_href(&s.phone);
    let email_href = format!("mailto:{}", s.email);
    let links = links.into_iter().enumerate().map(|(i, (href, label, key, lang))| {
        view! { {(i > 0).then_some(" · ")}<a href=href accesskey=key lang=lang hreflang=lang>{label}</a> }
    });
    view! {
        <div class="container footer-inner">
            <div class="footer-office">
                <p class="footer-name">{s.name}</p>
                <address>
                    <span>"Địa chỉ: " {s.address}</span>
                    <span>"Điện thoại: " <a href=phone_href>{s.phone}</a></span>
                    <span>"Email: " <a href=email_href>{s.email.clone()}</a></span>
                </address>
                {s.editor_in_chief.map(|person| {
                    view! { <p>"Trưởng ban biên tập: " {person.name} ", " {person.title}</p> }
                })}
            </div>
            <div class="footer-staff">
                <p class="footer-links">{links.collect_view()}</p>
                <p>"Ghi rõ nguồn khi phát hành lại thông tin từ cổng thông tin này."</p>
                {s.login_url.map(|url| view! { <a class="login-link" href=url rel="external">"Đăng nhập"</a> })}
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_footer_s_shortcuts_are_those_the_statement_lists() {
        for (key, href) in [(SITE_MAP_KEY, route::SITE_MAP), (ACCESSIBILITY_KEY, route::ACCESSIBILITY)] {
            assert!(FOOTER_LINKS.iter().any(|link| link.0 == href && link.2 == Some(key)), "{href}");
        }
        let keys: Vec<&str> = ACCESS_KEYS.iter().map(|(key, _)| *key).collect();
        assert_eq!(keys, [HOME_KEY, SITE_MAP_KEY, SEARCH_KEY, ACCESSIBILITY_KEY]);
        assert_eq!(FOOTER_LINKS.iter().filter(|link| link.2.is_some()).count(), 2);
    }
}
