//! Where the press writes each published file and where the app fetches it,
//! and the app's own route URLs. Data paths are relative to the site root.

pub const DATA_DIR: &str = "data";

/// Inside the data folder: a JSON array of the paths whose views the visitor
/// counter counts (a contract with `portal-counter --known-paths` and the Worker).
pub const COUNTED_PATHS: &str = "counted-paths.json";

/// Inside the data folder: when the site was built and when it next needs
/// building with no commit ([`crate::Edition`]; read by the pipeline's
/// scheduled run, `.ci/due`, never by the app).
pub const EDITION: &str = "edition.json";

pub fn site() -> String {
    format!("/{DATA_DIR}/site.json")
}

pub fn home() -> String {
    format!("/{DATA_DIR}/home.json")
}

pub fn article(slug: &str) -> String {
    format!("/{DATA_DIR}/articles/{slug}.json")
}

pub fn latest_page(page: u32) -> String {
    format!("/{DATA_DIR}/latest/{page}.json")
}

pub fn category_page(category: &str, page: u32) -> String {
    format!("/{DATA_DIR}/categories/{category}/{page}.json")
}

/// A page of the office's own at `address` ("/lien-he" →
/// `data/pages/lien-he.json`), from which `press finish` writes its static copy.
pub fn page(address: &str) -> String {
    format!("/{DATA_DIR}/pages{}.json", address.replacen('?', "/", 1))
}

/// The same page drawn, as the app inserts it after navigating there (a
/// [`crate::Fragment`]); with a query, in its canonical form ([`page_address`]):
/// "/van-ban?loai=quyet-dinh" → `data/fragments/van-ban/loai=quyet-dinh.json`.
pub fn page_fragment(address: &str) -> String {
    format!("/{DATA_DIR}/fragments{}.json", address.replacen('?', "/", 1))
}

/// Query parameters the office's pages answer to, in the order a canonical
/// address lists them: document number, kind, issuer, field and year (the
/// documents' listing), ISO week (the work schedule), topic (the answered
/// questions), a comment just sent (a draft's page), page number.
pub const PAGE_QUERY_KEYS: &[&str] = &["so", "loai", "co-quan", "linh-vuc", "nam", "tuan", "chu-de", "da-gui", "trang"];

/// A question's code on the pages the function's answers lead to: part of
/// the address (kept in the address bar) but not of the page, which the app
/// draws with the code written in at [`TYPED_NUMBER`].
pub const CODE_PARAM: &str = "ma";

/// The query parameter whose value an office page at `path` shows as typed
/// (written in by the app): the number looked up, a question's code.
pub fn typed_param(path: &str) -> Option<&'static str> {
    match path {
        route::DOCUMENTS => Some("so"),
        route::QUESTION_SENT | route::QUESTION_RECEIVED | route::QUESTION_NOT_FOUND => Some(CODE_PARAM),
        _ => None,
    }
}

/// The canonical address of an office page at `path` with the query
/// parameters `param` returns: the path in its [`canonical_path`] form, and
/// only [`PAGE_QUERY_KEYS`] (a `fbclid` a share adds is not part of the
/// page), in that order, each value folded to lowercase ASCII letters and
/// digits joined by single hyphens ("1234/QĐ-UBND" → "1234-qd-ubnd",
/// "2026-W48" → "2026-w48"), page 1 left out. The press names its files by
/// it and the app looks them up by it, so both must use this one function.
pub fn page_address(path: &str, param: impl Fn(&str) -> Option<String>) -> String {
    let mut address = canonical_path(path).to_string();
    for key in PAGE_QUERY_KEYS {
        let Some(value) = param(key).map(|value| query_value(&value)) else { continue };
        if value.is_empty() || (*key == route::PAGE_PARAM && value == "1") {
            continue;
        }
        address.push(if address.contains('?') { '&' } else { '?' });
        address.push_str(&format!("{key}={value}"));
    }
    address
}

/// The one form of a page's path that links, canonical URLs, sitemaps and
/// the app use: without a trailing slash or `index.html`. Hosts serve each
/// page from `{path}/index.html` and many redirect `/x` to `/x/` (nginx's
/// default for a folder, trunk, GitHub Pages, Cloudflare Pages), so a reader
/// may arrive at `/x`, `/x/` or `/x/index.html`: all three are `/x` ("/"
/// stays "/").
pub fn canonical_path(path: &str) -> &str {
    let path = path.strip_suffix("index.html").filter(|rest| rest.ends_with('/')).unwrap_or(path);
    match path.trim_end_matches('/') {
        "" => "/",
        trimmed => trimmed,
    }
}

/// The canonical form of the address a reader arrived at, from the
/// location's path and its query (`search` without or with its `?`): the
/// [`canonical_path`], and of the query only the parameters some page reads
/// ([`PAGE_QUERY_KEYS`] and the search's query), as given and in the order
/// given. The tracking parameters shares append (`fbclid`, `utm_source`,
/// `zarsrc`, …) are left out. The app shows this address in place of the
/// one it was opened at.
pub fn canonical_address(path: &str, search: &str) -> String {
    let mut address = canonical_path(path).to_string();
    for pair in search.trim_start_matches('?').split('&') {
        let key = pair.split('=').next().unwrap_or_default();
        if key == route::QUERY_PARAM || key == CODE_PARAM || PAGE_QUERY_KEYS.contains(&key) {
            address.push(if address.contains('?') { '&' } else { '?' });
            address.push_str(pair);
        }
    }
    address
}

/// The documents' lookup by number (`/van-ban?so=…`) has a page for each
/// number published; a number no document has gets the page at this address
/// instead (no number folds to it: every number starts with its digits).
/// Canonical, as [`page_address`] would write it (a test checks).
pub const UNKNOWN_NUMBER: &str = "/van-ban?so=khong-tim-thay";

/// In the documents' pages, the number box as the press draws it, empty: the
/// app writes the number the reader typed into it.
pub const NUMBER_BOX: &str = "name=\"so\" value=\"\"";

/// In the page at [`UNKNOWN_NUMBER`], where the app writes the number typed.
pub const TYPED_NUMBER: &str = "<!--so-->";

/// A query value in the form [`page_address`] gives it.
pub fn query_value(value: &str) -> String {
    let folded = crate::text::fold(value);
    let words: Vec<&str> = folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.join("-")
}

/// Not written by the press: the service worker (public/sw.js) answers it
/// with the articles saved for offline reading, newest first, as one
/// [`crate::ListingPage`].
pub fn saved_articles() -> String {
    format!("/{DATA_DIR}/offline/saved.json")
}

pub fn search_meta() -> String {
    format!("/{DATA_DIR}/search/meta.json")
}

pub fn search_shard(shard: u32) -> String {
    format!("/{DATA_DIR}/search/shards/{shard}.bin")
}

pub fn search_docs(chunk: u32) -> String {
    format!("/{DATA_DIR}/search/docs/{chunk}.bin")
}

/// `text` for a URL's query, encoded as the browser's `encodeURIComponent` does.
pub fn encode_component(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// Routes of the reader app (Vietnamese paths).
pub mod route {
    /// Query parameter that carries a listing's page number.
    pub const PAGE_PARAM: &str = "trang";

    pub fn article(slug: &str) -> String {
        format!("/bai-viet/{slug}")
    }

    pub fn category(slug: &str) -> String {
        format!("/chuyen-muc/{slug}")
    }

    /// Query parameter of the search page.
    pub const QUERY_PARAM: &str = "q";

    pub fn search() -> String {
        "/tim-kiem".to_string()
    }

    /// "Sơ đồ cổng", the human-readable site map.
    pub const SITE_MAP: &str = "/so-do-cong";
    /// "Tuyên bố hỗ trợ tiếp cận": the accessibility statement.
    pub const ACCESSIBILITY: &str = "/ho-tro-tiep-can";
    /// "Thông tin báo chí": the spokesperson and the press releases.
    pub const PRESS: &str = "/thong-tin-bao-chi";
    /// "Tiếp cận thông tin": what the office makes public and how to ask for the rest.
    pub const ACCESS_TO_INFORMATION: &str = "/tiep-can-thong-tin";
    /// "Lịch tiếp công dân": the leaders' citizen reception, week by week like the schedule.
    pub const RECEPTION: &str = "/lich-tiep-cong-dan";
    /// The pages of one week at a time (`?tuan=2026-W48`), which open on the reader's own week.
    pub const WEEKLY: &[&str] = &[SCHEDULE, RECEPTION];
    /// The folder of the "Giới thiệu" pages.
    pub const ABOUT: &str = "gioi-thieu";
    /// "Văn bản": the office's documents, `/van-ban/{slug}` each.
    pub const DOCUMENTS: &str = "/van-ban";
    /// "Lịch công tác": the leadership's week, `?tuan=2026-W48`.
    pub const SCHEDULE: &str = "/lich-cong-tac";
    /// "Dự thảo lấy ý kiến": drafts open for comment, `/du-thao/{slug}` each.
    pub const CONSULTATIONS: &str = "/du-thao";
    /// "Hỏi đáp": answered questions, `/hoi-dap/{slug}` each, `?chu-de=` by topic.
    pub const QUESTIONS: &str = "/hoi-dap";
    /// Where a question's sender lands (`?ma=CODE`).
    pub const QUESTION_SENT: &str = "/hoi-dap/da-gui";
    /// Where the lookup of a question still waiting for its answer lands.
    pub const QUESTION_RECEIVED: &str = "/hoi-dap/da-nhan";
    /// Where the lookup of an unknown code lands.
    pub const QUESTION_NOT_FOUND: &str = "/hoi-dap/khong-tim-thay";

    /// `/tim-kiem?q=…` for a query (encoded as `encodeURIComponent` does), with `&trang=N` past page 1.
    pub fn search_page(query: &str, page: u32) -> String {
        let mut url = format!("{}?{QUERY_PARAM}={}", search(), super::encode_component(query));
        if page > 1 {
            url.push_str(&format!("&{PAGE_PARAM}={page}"));
        }
        url
    }

    pub fn latest() -> String {
        "/tin-moi".to_string()
    }

    /// Appends `?trang=N` except for page 1, whose URL is the listing's own.
    pub fn paged(base: &str, page: u32) -> String {
        if page <= 1 { base.to_string() } else { format!("{base}?{PAGE_PARAM}={page}") }
    }
}

#[cfg(test)]
mod tests {
    use super::{UNKNOWN_NUMBER, canonical_address, canonical_path, encode_component, page_address, route};

    #[test]
    fn the_unknown_number_page_has_a_canonical_address() {
        let address = page_address(route::DOCUMENTS, |key| (key == "so").then(|| "khong tim thay".to_string()));
        assert_eq!(UNKNOWN_NUMBER, address);
    }

    #[test]
    fn page_addresses_keep_known_parameters_in_one_order() {
        let query = |pairs: &'static [(&'static str, &'static str)]| {
            move |key: &str| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| v.to_string())
        };
        assert_eq!(
            page_address(
                "/van-ban",
                query(&[("nam", "2025"), ("fbclid", "x"), ("loai", "Quyết định"), ("trang", "2")])
            ),
            "/van-ban?loai=quyet-dinh&nam=2025&trang=2"
        );
        assert_eq!(
            page_address("/van-ban", query(&[("so", " 1234/QĐ-UBND "), ("trang", "1")])),
            "/van-ban?so=1234-qd-ubnd"
        );
        assert_eq!(page_address("/lich-cong-tac", query(&[("tuan", "2026-W48")])), "/lich-cong-tac?tuan=2026-w48");
        assert_eq!(page_address("/lien-he", query(&[("so", "//")])), "/lien-he");
        assert_eq!(
            super::page_fragment("/van-ban?loai=quyet-dinh&nam=2025"),
            "/data/fragments/van-ban/loai=quyet-dinh&nam=2025.json"
        );
        // Whatever form of the path a host redirected the reader to.
        for path in ["/van-ban", "/van-ban/", "/van-ban/index.html", "/van-ban//"] {
            assert_eq!(page_address(path, query(&[("nam", "2025")])), "/van-ban?nam=2025", "{path}");
        }
    }

    #[test]
    fn every_form_of_an_address_has_one_canonical_form() {
        for (path, canonical) in [
            ("/", "/"),
            ("/index.html", "/"),
            ("//", "/"),
            ("/en", "/en"),
            ("/en/", "/en"),
            ("/en/index.html", "/en"),
            ("/bai-viet/cau-treo/", "/bai-viet/cau-treo"),
            ("/bai-viet/cau-treo/index.html", "/bai-viet/cau-treo"),
            ("/gioi-thieu/lanh-dao", "/gioi-thieu/lanh-dao"),
            // Not the folder's page: a file of that name (which no page is).
            ("/bai-viet/myindex.html", "/bai-viet/myindex.html"),
        ] {
            assert_eq!(canonical_path(path), canonical, "{path}");
            assert_eq!(canonical_address(path, ""), canonical, "{path}");
        }
        assert_eq!(canonical_address("/van-ban/", "?fbclid=IwAR0x&loai=quyet-dinh"), "/van-ban?loai=quyet-dinh");
        assert_eq!(canonical_address("/", "?utm_source=zalo&utm_medium=zalo&zarsrc=30"), "/");
        assert_eq!(
            canonical_address("/tim-kiem/", "?q=%C4%91i%E1%BB%81u%20h%C3%A0nh&trang=2&gclid=1"),
            "/tim-kiem?q=%C4%91i%E1%BB%81u%20h%C3%A0nh&trang=2"
        );
        // Values stay as typed (the number box shows them back).
        assert_eq!(canonical_address("/van-ban", "so=1234%2FQ%C4%90&fbclid=x"), "/van-ban?so=1234%2FQ%C4%90");
        assert_eq!(canonical_address("/chuyen-muc/tin-tuc/index.html", "?trang=3"), "/chuyen-muc/tin-tuc?trang=3");
        assert_eq!(canonical_address("/lich-cong-tac", "?tuan=2026-W48&"), "/lich-cong-tac?tuan=2026-W48");
        // A question's code stays in the address, and the page is the one without it.
        assert_eq!(
            canonical_address("/hoi-dap/da-gui/", "?ma=HD-2026-7K3M9QXA&fbclid=x"),
            "/hoi-dap/da-gui?ma=HD-2026-7K3M9QXA"
        );
        assert_eq!(
            page_address("/hoi-dap/da-gui", |key| (key == "ma").then(|| "HD-2026-7K3M9QXA".into())),
            "/hoi-dap/da-gui"
        );
        assert_eq!(super::typed_param(route::QUESTION_RECEIVED), Some("ma"));
    }

    #[test]
    fn search_urls_encode_the_query_like_the_browser() {
        assert_eq!(route::search_page("điều hành", 1), "/tim-kiem?q=%C4%91i%E1%BB%81u%20h%C3%A0nh");
        assert_eq!(route::search_page("a&b=c/d?#", 3), "/tim-kiem?q=a%26b%3Dc%2Fd%3F%23&trang=3");
        assert_eq!(route::search_page("x-y_z.(!~*')", 1), "/tim-kiem?q=x-y_z.(!~*')");
        assert_eq!(encode_component("https://a.vn/bai-viet/x?y=1"), "https%3A%2F%2Fa.vn%2Fbai-viet%2Fx%3Fy%3D1");
    }
}
