//! trunk's `index.html` made into the static pages' template: the
//! stylesheet inline, the preloads gone, the icon and manifest waiting for
//! the paints, the app started once the page has settled. These edit the
//! page trunk wrote (its loader, its links); what they add is drawn by `views`.

use crate::html::html_of;
use leptos::prelude::*;

/// Where trunk's page holds what shows until the app starts.
pub const BOOT_START: &str = "<!-- boot -->";
pub const BOOT_END: &str = "<!-- /boot -->";

/// trunk's page (which names no office) made the office's: its name as the
/// title, the home page's description, its news feed and its boot frame
/// (`views::layout::BootFrame`). The offline shell is this page; every
/// static page starts from it.
pub fn for_office(template: &str, site: &model::SiteData) -> Result<String, String> {
    let office = &site.site;
    let (name, tagline) = (office.name.clone(), office.tagline.clone());
    let boot = html_of(|| view! { <views::layout::BootFrame name tagline/> });
    let mut html = super::head::titled(&with_boot(template, &boot)?, &office.name, &site.description());
    let title = format!("Tin mới — {}", office.name);
    let feed = html_of(|| view! { <views::head::FeedLink title/> });
    let head_end = html.find("</head>").ok_or("index.html has no </head>")?;
    html.insert_str(head_end, &format!("{feed}\n"));
    Ok(html)
}

/// `html` with `body` in place of its boot block (what shows until the app
/// starts): the office's frame in the template, a page's own content in a
/// static page.
pub(super) fn with_boot(html: &str, body: &str) -> Result<String, String> {
    let (Some(start), Some(end)) = (html.find(BOOT_START), html.find(BOOT_END)) else {
        return Err(format!("index.html has no {BOOT_START} … {BOOT_END} block to fill"));
    };
    Ok(format!("{}{BOOT_START}\n{body}\n    {BOOT_END}{}", &html[..start], &html[end + BOOT_END.len()..]))
}

/// trunk preloads the wasm and its JS at the highest priority; on a slow
/// link that takes the bandwidth the page's own pictures need for their first
/// paint. The loader script still fetches both, just after them.
pub(super) fn without_preloads(template: &str) -> String {
    let mut html = template.to_string();
    for marker in ["<link rel=\"modulepreload\"", "<link rel=\"preload\""] {
        while let Some(start) = html.find(marker) {
            let Some(len) = html[start..].find('>') else { break };
            html.replace_range(start..=start + len, "");
        }
    }
    html
}

/// The icon and the manifest are fetched as the page loads, the icon at a
/// high priority; on a slow link each takes a connection the page's first
/// picture needs. A static page holds them in `<noscript class="later">`: a
/// reader without JavaScript gets them as they are, and the loader puts them
/// in once the paints have settled (`start_app_after_load`). Until then an
/// empty `data:` icon stands in, or the browser would ask for /favicon.ico.
pub(super) fn defer_head_links(template: &str) -> Result<String, String> {
    let mut html = template.to_string();
    for (marker, stand_in) in
        [("<link rel=\"icon\"", "<link rel=\"icon\" href=\"data:,\">"), ("<link rel=\"manifest\"", "")]
    {
        let start = html.find(marker).ok_or_else(|| format!("index.html has no {marker}>"))?;
        let end = start + html[start..].find('>').ok_or("unclosed <link>")? + 1;
        let link = html[start..end].to_string();
        html.replace_range(start..end, &format!("{stand_in}<noscript class=\"later\">{link}</noscript>"));
    }
    Ok(html)
}

/// trunk links the stylesheet; a static page carries it inline instead, so
/// it paints from its own first response with no render-blocking round trip
/// (the CSP allows it by hash). `read` gives a linked file's text by its href.
pub fn inline_stylesheet(template: &str, read: impl Fn(&str) -> Result<String, String>) -> Result<String, String> {
    const LINK: &str = "<link rel=\"stylesheet\" href=\"";
    let Some(start) = template.find(LINK) else {
        return Err("index.html links no stylesheet to inline".into());
    };
    let href_start = start + LINK.len();
    let href = &template[href_start..href_start + template[href_start..].find('"').ok_or("unclosed href")?];
    let end = start + template[start..].find('>').ok_or("unclosed <link>")?;
    let css = read(href)?;
    if css.contains("</style") {
        return Err(format!("{href} holds `</style`, which would end the inline stylesheet"));
    }
    Ok(format!("{}<style>{}</style>{}", &template[..start], css.trim_end(), &template[end + 1..]))
}

/// trunk's loader imports the app's script as the page is parsed, so on a
/// slow link the app's download starts before the first paint and competes
/// with the page's pictures. A static page already shows everything: its
/// loader starts the app once the page and its pictures are in (`load`) and
/// the paints have settled: 300 ms without a new largest-contentful-paint
/// entry (each one starts the wait again), 1.5 s after `load` at the most.
/// Started earlier, the app's download could land before the largest paint
/// of a listing whose pictures are still arriving. Then, before the app, it
/// puts in what waited in `<noscript class="later">` (`views::layout::Later`,
/// `defer_head_links`): the page is whole even if the app never starts.
pub(super) fn start_app_after_load(template: &str) -> Result<String, String> {
    let start = template.find("<script type=\"module\">").ok_or("index.html has no trunk loader")?;
    let end = start + template[start..].find("</script>").ok_or("unclosed trunk loader")? + "</script>".len();
    let loader = &template[start..end];
    let quoted_after = |marker: &str| {
        let at = loader.find(marker)? + marker.len();
        Some(&loader[at..at + loader[at..].find('\'')?])
    };
    let (Some(script), Some(wasm)) = (quoted_after(" from '"), quoted_after("module_or_path: '")) else {
        return Err(format!("trunk's loader has changed shape: {loader}"));
    };
    let deferred = format!(
        "<script type=\"module\">\nconst start = async () => {{\n  const bindings = await import('{script}');\n  \
         const wasm = await bindings.default({{ module_or_path: '{wasm}' }});\n  window.wasmBindings = bindings;\n  \
         dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{ detail: {{ wasm }} }}));\n}};\n\
         let started = false;\nconst go = () => {{\n  if (started) return;\n  started = true;\n  \
         for (const later of document.querySelectorAll(\"noscript.later\")) later.outerHTML = later.textContent;\n  \
         setTimeout(start);\n}};\n\
         const afterPaint = () => {{\n  let quiet = setTimeout(go, 300);\n  \
         new PerformanceObserver(() => {{ clearTimeout(quiet); quiet = setTimeout(go, 300); }})\n    \
         .observe({{ type: \"largest-contentful-paint\" }});\n  setTimeout(go, 1500);\n}};\n\
         if (document.readyState === \"complete\") go(); else addEventListener(\"load\", afterPaint, {{ once: true }});\n</script>"
    );
    Ok(format!("{}{deferred}{}", &template[..start], &template[end..]))
}

/// A staff preview's template: every page asks not to be indexed and
/// carries the banner "Bản xem trước — chưa xuất bản" outside the app's
/// root, so the app, drawing beside it, never removes it.
pub fn preview(template: &str) -> Result<String, String> {
    let (Some(head_end), Some(body)) = (template.find("</head>"), template.find("<body>")) else {
        return Err("index.html has no </head> or <body>".into());
    };
    let banner = html_of(|| view! { <views::staff::PreviewBanner/> });
    let no_index = html_of(|| view! { <views::staff::NoIndex/> });
    let body = body + "<body>".len();
    Ok(format!("{}{no_index}\n{}{banner}{}", &template[..head_end], &template[head_end..body], &template[body..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preview_is_marked_and_not_indexed() {
        let page = preview("<html><head><title>t</title></head><body><p>x</p></body></html>").unwrap();
        let head = &page[..page.find("</head>").unwrap()];
        assert!(head.contains(r#"<meta name="robots" content="noindex, nofollow">"#), "{page}");
        let body = &page[page.find("<body>").unwrap()..];
        assert!(body.starts_with("<body><p role=\"status\" class=\"preview-banner\">"), "{page}");
        assert!(body.contains("Bản xem trước — chưa xuất bản"), "{page}");
        assert!(preview("<p>").is_err());
    }

    #[test]
    fn the_stylesheet_goes_inline_in_place_of_its_link() {
        let template = "<head><title>t</title><link rel=\"stylesheet\" href=\"/main-1.css\" integrity=\"x\"/></head>";
        let read =
            |href: &str| if href == "/main-1.css" { Ok("p{color:red}\n".to_string()) } else { Err(href.to_string()) };
        assert_eq!(
            inline_stylesheet(template, read).unwrap(),
            "<head><title>t</title><style>p{color:red}</style></head>"
        );
        assert!(inline_stylesheet("<head></head>", read).is_err());
        let hostile = |_: &str| Ok("p{}</style><script>".to_string());
        assert!(inline_stylesheet(template, hostile).unwrap_err().contains("</style"));
    }

    #[test]
    fn the_app_starts_after_the_page_has_loaded() {
        let template = "<head><script type=\"module\">\nimport init, * as bindings from '/portal-1a.js';\n\
                        const wasm = await init({ module_or_path: '/portal-1a_bg.wasm' });\n</script></head>";
        let page = start_app_after_load(template).unwrap();
        assert!(!page.contains("import init"), "no import while the page is parsed: {page}");
        assert!(page.contains("await import('/portal-1a.js')"), "{page}");
        assert!(page.contains("module_or_path: '/portal-1a_bg.wasm'"), "{page}");
        assert!(page.contains("addEventListener(\"load\", afterPaint"), "{page}");
        assert!(page.contains("largest-contentful-paint"), "{page}");
        assert!(
            page.contains("clearTimeout(quiet); quiet = setTimeout(go, 300)"),
            "each paint starts the wait again: {page}"
        );
        assert!(
            page.contains("later.outerHTML = later.textContent"),
            "what waited in <noscript class=later> is put in: {page}"
        );
        assert!(start_app_after_load("<script type=\"module\">go()</script>").unwrap_err().contains("changed shape"));
    }

    #[test]
    fn the_icon_and_manifest_wait_for_the_paints() {
        let template = "<head><link rel=\"icon\" href=\"/favicon.svg\"><link rel=\"manifest\" href=\"/m.json\"></head>";
        assert_eq!(
            defer_head_links(template).unwrap(),
            "<head><link rel=\"icon\" href=\"data:,\"><noscript class=\"later\"><link rel=\"icon\" href=\"/favicon.svg\"></noscript>\
             <noscript class=\"later\"><link rel=\"manifest\" href=\"/m.json\"></noscript></head>"
        );
        assert!(defer_head_links("<head></head>").unwrap_err().contains("icon"));
    }
}
