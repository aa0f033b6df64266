//! Wire types shared by the press (writer), the reader app and the counter.
//!
//! Everything the app fetches is described here, together with where it lives
//! (`paths`), so the writer and the reader cannot drift apart.

mod format;
mod pagination;
pub mod paths;
pub mod search;
pub mod stats;
pub mod submissions;
pub mod text;

pub use format::{Day, IsoWeek, LocalDateTime, format_number, long_date, short_date};
pub use pagination::{PageItem, page_count, page_items};

use serde::{Deserialize, Serialize};

/// Articles per listing page, for the home "latest" listing and every category.
pub const LISTING_PAGE_SIZE: usize = 10;

/// How many of the newest articles the sidebar's "Tin mới" shows (app and static pages).
pub const SIDEBAR_LATEST: usize = 6;

/// The office and its portal, as written in `content/site.json` and published
/// inside `data/site.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// Full name of the office, shown in the header and the footer.
    pub name: String,
    /// Short line shown above the name in the header ("Cổng thông tin điện tử").
    pub tagline: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    /// Where the staff "Đăng nhập" link leads. Left out, the press sets the
    /// editor's `/quan-tri/` when there is an `editor.json`; without either
    /// there is no link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login_url: Option<String>,
    /// The home page's description for search engines and link previews;
    /// default "{tagline} {name}: tin tức, thông báo và thông tin cho người dân."
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The portal's name on a phone's home screen (the web app manifest's
    /// `short_name`, about 12 letters); default "Cổng TTĐT".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// Public address of the portal ("https://sonvan.gov.vn"), for sitemaps and feeds.
    #[serde(default)]
    pub base_url: Option<String>,
    /// Base URL of the visitor counter; `None` while no counter is deployed.
    #[serde(default)]
    pub counter_endpoint: Option<String>,
    /// The office's Zalo Official Account id: with it, "Chia sẻ" offers
    /// Zalo's own share button (its script loads only when asked for).
    #[serde(default)]
    pub zalo_oa_id: Option<String>,
    /// Who answers for what the portal publishes (Trưởng ban biên tập), named
    /// in every page's footer as the rules for agency portals ask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editor_in_chief: Option<Responsible>,
    /// A planned outage announced on every page from `announced` until `until`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Notice>,
    pub menu: Vec<MenuItem>,
}

/// A person and their post, as the footer names them ("Chánh Văn phòng Lò Văn Tiến").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Responsible {
    pub name: String,
    /// Their post in the office ("Chánh Văn phòng UBND tỉnh").
    pub title: String,
}

/// A planned outage of the portal (NĐ 224/2026 Điều 13: announced at least
/// seven working days ahead, with the expected time of return). Times are
/// RFC 3339; the press checks them and publishes them in Vietnam's time
/// (`+07:00`), so [`LocalDateTime`] compares them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    /// What readers are told ("Cổng thông tin tạm ngừng để nâng cấp máy chủ.").
    pub text: String,
    /// From when the banner shows.
    pub announced: String,
    /// When the outage starts.
    pub from: String,
    /// When the portal is expected back; the banner shows until then.
    pub until: String,
}

impl Notice {
    /// Whether the banner shows at `now` (Vietnam's wall clock): from
    /// `announced` until `until`.
    pub fn shown_at(&self, now: LocalDateTime) -> bool {
        let (Some(announced), Some(until)) = (LocalDateTime::parse(&self.announced), LocalDateTime::parse(&self.until))
        else {
            return false;
        };
        announced <= now && now < until
    }

    /// "từ 22:00 26/12/2026 đến 02:00 27/12/2026": the outage and the expected return.
    pub fn span(&self) -> String {
        let at = |text: &str| LocalDateTime::parse(text).map(|t| t.time_date()).unwrap_or_default();
        format!("từ {} đến {}", at(&self.from), at(&self.until))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    pub label: String,
    pub href: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub slug: String,
    /// Vietnamese display name.
    pub name: String,
    /// Position in menus and on the home page, smallest first.
    pub order: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// `data/site.json`: what every page needs before it can draw its frame.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteData {
    pub site: Site,
    /// Sorted by `order`.
    pub categories: Vec<Category>,
    /// The footer's content — the office's address and contacts, the links
    /// to the parts of the portal the site publishes, "Đăng nhập" — drawn by
    /// the press (`views::layout::FooterContent`): as view markup in the app
    /// it cost the reader wasm 1.3 KB brotli (docs/benchmarks.md).
    #[serde(default)]
    pub footer: String,
}

impl SiteData {
    pub fn category(&self, slug: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.slug == slug)
    }

    /// The category and its ancestors, outermost first (for breadcrumbs).
    pub fn category_trail(&self, slug: &str) -> Vec<&Category> {
        let mut trail = Vec::new();
        let mut next = self.category(slug);
        while let Some(category) = next {
            // Guard against a cycle even though the press rejects them.
            if trail.iter().any(|c: &&Category| c.slug == category.slug) {
                break;
            }
            trail.push(category);
            next = category.parent.as_deref().and_then(|p| self.category(p));
        }
        trail.reverse();
        trail
    }

    /// The home page's description (`description`, else one made from the name).
    pub fn description(&self) -> String {
        self.site.description.clone().unwrap_or_else(|| {
            format!("{} {}: tin tức, thông báo và thông tin cho người dân.", self.site.tagline, self.site.name)
        })
    }

    /// The public address of a path on the portal (`base_url` + path; the
    /// path alone when no `base_url` is set).
    pub fn public_url(&self, path: &str) -> String {
        format!("{}{path}", self.site.base_url.as_deref().unwrap_or(""))
    }

    /// A breadcrumb's (href, name) pairs for a category: "Trang chủ", then
    /// the category's ancestors and the category itself, outermost first.
    pub fn trail(&self, category: &str) -> Vec<(String, String)> {
        let mut items = vec![("/".to_string(), "Trang chủ".to_string())];
        items.extend(
            self.category_trail(category).into_iter().map(|c| (paths::route::category(&c.slug), c.name.clone())),
        );
        items
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Image {
    pub src: String,
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Set by the press for a photo it processed (then `src` is its JPEG
    /// fallback); never written by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<Photo>,
    /// Intrinsic size (upright) of a photo or a drawing, measured by the press.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<(u32, u32)>,
}

/// A photo the press processed: upright, without metadata, at each of
/// each of [`Photo::widths`] (ascending, none wider than the original) as
/// `{base}-{width}.avif`, `.webp` and `.jpg`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Photo {
    pub base: String,
    /// The widest written: the original's width, or the widest of [`PHOTO_WIDTHS`].
    pub widest: u32,
    /// Its average colour ("#rrggbb"), shown while it arrives.
    pub color: String,
}

/// The widths the press writes a photo at (those narrower than the original,
/// then the original's own, or the widest of these).
pub const PHOTO_WIDTHS: &[u32] = &[480, 800, 1200, 1600];

impl Photo {
    pub fn widths(&self) -> Vec<u32> {
        let mut widths: Vec<u32> = PHOTO_WIDTHS.iter().copied().filter(|w| *w < self.widest).collect();
        widths.push(self.widest);
        widths
    }

    pub fn file(&self, width: u32, extension: &str) -> String {
        format!("{}-{width}.{extension}", self.base)
    }

    /// `srcset` of one format: every width written.
    pub fn srcset(&self, extension: &str) -> String {
        let mut set = String::new();
        for (i, width) in self.widths().iter().enumerate() {
            if i > 0 {
                set.push_str(", ");
            }
            set.push_str(&format!("{} {width}w", self.file(*width, extension)));
        }
        set
    }

    /// The JPEG of about `width` pixels: the smallest written that wide, else the widest.
    pub fn jpeg(&self, width: u32) -> String {
        let chosen = self.widths().into_iter().find(|w| *w >= width).unwrap_or(self.widest);
        self.file(chosen, "jpg")
    }
}

/// An article as it appears in lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub slug: String,
    pub title: String,
    pub sapo: String,
    pub category: String,
    /// RFC 3339 in Vietnam's time (+07:00), see [`LocalDateTime`].
    pub published: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<Image>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleLink {
    pub slug: String,
    pub title: String,
}

/// `data/articles/{slug}.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub slug: String,
    pub title: String,
    pub sapo: String,
    pub category: String,
    pub published: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    pub author: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<Image>,
    /// Rendered from Markdown and sanitised by the press: safe to insert as HTML.
    pub html: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub featured: bool,
    /// The previous (older) article of the same category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub older: Option<ArticleLink>,
    /// The next (newer) article of the same category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newer: Option<ArticleLink>,
}

/// One page of a listing, newest first: `data/latest/{n}.json` or
/// `data/categories/{slug}/{n}.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListingPage {
    /// 1-based.
    pub page: u32,
    pub total_pages: u32,
    pub total_articles: u32,
    pub articles: Vec<ArticleSummary>,
}

/// `data/home.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomePage {
    /// Newest featured articles, the first one shown large.
    pub featured: Vec<ArticleSummary>,
    /// One block per top-level category, in menu order.
    pub sections: Vec<HomeSection>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomeSection {
    pub category: String,
    pub articles: Vec<ArticleSummary>,
}

/// `data/pages{path}.json`: one of the office's own pages — "Giới thiệu"
/// (functions, organisation, leaders, history), "Liên hệ", the English page,
/// "Sơ đồ cổng" — at its address `path`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// "/gioi-thieu/lanh-dao", "/lien-he", "/en", "/so-do-cong".
    pub path: String,
    pub title: String,
    pub description: String,
    /// The page's language ("vi", "en"): the English page is marked as such.
    pub lang: String,
    /// The section it belongs to, as (address of its first page, name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<(String, String)>,
    /// The body, after the section's own menu when it has one.
    pub html: String,
    /// Structured data (JSON-LD) the press describes the page with, when it
    /// is more than the office's own (a document: `Legislation`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub json_ld: Option<String>,
    /// When what the page says last changed (RFC 3339, or a day
    /// "YYYY-MM-DD"): its Dublin Core date. Without one, the portal's last change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl Page {
    /// Pages of the documents' filters and of the schedule's weeks carry a
    /// query: they are published only drawn (`paths::page_fragment`), for
    /// the app to insert; they have no JSON and no static copy of their own.
    pub fn has_query(&self) -> bool {
        self.path.contains('?')
    }
}

/// One of the office's pages as the app shows it after navigating there:
/// drawn by the press (`views::page::PageView` rendered natively, its
/// `<article lang>` included) and published at [`paths::page_fragment`] as
/// JSON, for the app to insert as it is. This is the whole contract of a
/// fragment: the app reads nothing out of `html` but fills in the markers
/// [`paths::NUMBER_BOX`], [`paths::TYPED_NUMBER`] and the schedule's
/// `data-date`. The app reads it with the browser's JSON parser, by the
/// field names in [`Fragment::FIELDS`] (a component test holds it to what
/// serde writes).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fragment {
    /// The page's own title, for the browser's tab.
    pub title: String,
    pub html: String,
}

impl Fragment {
    /// The JSON names of [`Fragment::title`] and [`Fragment::html`].
    pub const FIELDS: [&str; 2] = ["title", "html"];
}

/// A slug is lowercase ASCII letters, digits and single hyphens: it is used
/// as a file name by the press and as a URL segment by the app.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 120
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `data/edition.json` ([`paths::EDITION`]): what a scheduled run compares
/// with its clock. `next_change` is the earliest `published` or `expires`
/// after `built` among the entries that are not drafts: once it has passed,
/// the site is due a rebuild; `None` when nothing is waiting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Edition {
    /// RFC 3339, the build's clock (`--now`).
    pub built: String,
    pub next_change: Option<String>,
    /// A staff preview (drafts in, nothing indexed).
    pub preview: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_valid_slug("ky-niem-ngay-truyen-thong-2021"));
        for bad in ["", "-a", "a-", "a--b", "Hoa", "a/b", "../x", "tin tức", "a.json"] {
            assert!(!is_valid_slug(bad), "{bad:?} accepted");
        }
    }

    #[test]
    fn trail_walks_to_the_root() {
        let cat = |slug: &str, parent: Option<&str>| Category {
            slug: slug.into(),
            name: slug.to_uppercase(),
            order: 0,
            parent: parent.map(Into::into),
        };
        let site = SiteData {
            footer: String::new(),
            site: Site {
                name: String::new(),
                tagline: String::new(),
                address: String::new(),
                phone: String::new(),
                email: String::new(),
                login_url: None,
                short_name: None,
                description: None,
                base_url: None,
                counter_endpoint: None,
                zalo_oa_id: None,
                editor_in_chief: None,
                notice: None,
                menu: vec![],
            },
            categories: vec![cat("a", None), cat("b", Some("a")), cat("c", Some("b"))],
        };
        let slugs: Vec<_> = site.category_trail("c").iter().map(|c| c.slug.as_str()).collect();
        assert_eq!(slugs, ["a", "b", "c"]);
        assert!(site.category_trail("nope").is_empty());
        let names: Vec<_> = site.trail("b").into_iter().map(|(href, name)| format!("{href} {name}")).collect();
        assert_eq!(names, ["/ Trang chủ", "/chuyen-muc/a A", "/chuyen-muc/b B"]);
    }
}
