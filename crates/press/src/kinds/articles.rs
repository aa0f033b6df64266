//! Articles, checked for everything JSON's shape cannot say. Dates are real instants and
//! are normalised to Vietnam's time; categories exist; slugs are unique and
//! URL-safe; every image has alt text. Article bodies are rendered here
//! (`crate::render`) because an image without alt text is found while rendering.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use leptos::prelude::*;
use model::{Category, Image, Site, is_valid_slug};

use crate::check::{parse_date, require_text, slug_reason};
use crate::error::{ContentError, Error};
use crate::read::{SourceArticle, Sources};
use crate::render;

/// An article that passed every check, with its body rendered.
#[derive(Debug, Clone)]
pub struct Article {
    pub file: PathBuf,
    pub slug: String,
    pub title: String,
    pub sapo: String,
    pub category: String,
    /// Normalised RFC 3339 in +07:00; orders the same as the instant.
    pub published: String,
    pub published_at: Timestamp,
    pub updated: Option<String>,
    pub author: String,
    pub cover: Option<Image>,
    pub html: String,
    /// The Markdown it came from, and the images it shows (for the photo stage).
    pub body: String,
    pub body_images: Vec<String>,
    /// Where the body's links lead (checked once the whole site is known, `crate::links`).
    pub links: Vec<String>,
    /// Body words without markup (for the search index).
    pub text: String,
    pub tags: Vec<String>,
    pub featured: bool,
    pub expires_at: Option<Timestamp>,
    /// Past its `expires` as of the build: its page stays, marked, and no
    /// listing or feed shows it.
    pub expired: bool,
}

impl Article {
    /// The body as published: an expired notice's begins with "Hết hiệu lực"
    /// (`views::article::Expired`), which the app then draws with the body.
    pub fn published_html(&self) -> String {
        match self.expires_at.filter(|_| self.expired) {
            Some(at) => {
                let until = crate::check::rfc3339(at);
                let notice = crate::html::html_of(|| view! { <views::article::Expired until/> });
                notice + &self.html
            }
            None => self.html.clone(),
        }
    }
}

pub struct Content {
    pub site: Site,
    /// Sorted by `order`, then slug.
    pub categories: Vec<Category>,
    pub articles: Vec<Article>,
    /// The earliest `published` or `expires` still ahead of the build's
    /// clock among the articles that are not drafts (`model::Edition`).
    pub next_change: Option<Timestamp>,
    /// Drafts and articles not yet due: published nowhere, but their
    /// pictures are looked for as the published ones' are (`photos`).
    pub held: Vec<Article>,
}

/// Every article is checked, drafts and those not yet due too; `edition`
/// decides which go on (see [`crate::Edition::shows`]) and which have expired.
/// `holidays` are what the outage notice's working days are counted against.
pub fn check(sources: Sources, edition: crate::Edition, holidays: &super::notice::Holidays) -> Result<Content, Error> {
    let mut errors = sources.errors;
    let (categories_file, mut categories) = sources.categories;
    check_categories(&categories_file, &categories, &mut errors);
    categories.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.slug.cmp(&b.slug)));
    let (site_file, mut site) = sources.site;
    check_site(&site_file, &site, &categories, &mut errors);
    site.notice = site.notice.and_then(|notice| super::notice::check(&site_file, &notice, holidays, &mut errors));

    let mut articles = Vec::with_capacity(sources.articles.len());
    let mut next_change: Option<Timestamp> = None;
    let mut held = Vec::new();
    for (file, source) in sources.articles {
        // One file per slug: the file system keeps slugs unique.
        let slug = file.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default();
        let draft = source.draft;
        let Some(article) = check_article(file, slug, source, &categories, edition, &mut errors) else { continue };
        if !draft {
            let ahead = [Some(article.published_at), article.expires_at].into_iter().flatten();
            next_change = ahead.filter(|at| *at > edition.now).chain(next_change).min();
        }
        if edition.shows(draft, Some(article.published_at)) {
            articles.push(article);
        } else {
            held.push(article);
        }
    }

    if errors.is_empty() {
        Ok(Content { site, categories, articles, next_change, held })
    } else {
        Err(Error::Content(errors))
    }
}

fn check_categories(file: &Path, categories: &[Category], errors: &mut Vec<ContentError>) {
    let known: HashMap<&str, &Category> = categories.iter().map(|c| (c.slug.as_str(), c)).collect();
    for (i, category) in categories.iter().enumerate() {
        let field = |name: &str| format!("categories[{i}].{name}");
        if !is_valid_slug(&category.slug) {
            errors.push(ContentError::new(file, Some(&field("slug")), slug_reason(&category.slug)));
        }
        if categories[..i].iter().any(|c| c.slug == category.slug) {
            errors.push(ContentError::new(file, Some(&field("slug")), format!("`{}` is listed twice", category.slug)));
        }
        require_text(file, &field("name"), &category.name, errors);
        if let Some(parent) = &category.parent {
            if !known.contains_key(parent.as_str()) {
                errors.push(ContentError::new(file, Some(&field("parent")), format!("unknown category `{parent}`")));
                continue;
            }
            // Walk up; more steps than there are categories means a cycle.
            let mut step = Some(parent.as_str());
            for _ in 0..=categories.len() {
                step = step.and_then(|s| known.get(s)).and_then(|c| c.parent.as_deref());
            }
            if step.is_some() {
                errors.push(ContentError::new(
                    file,
                    Some(&field("parent")),
                    format!("`{}` is its own ancestor", category.slug),
                ));
            }
        }
    }
}

fn check_site(file: &Path, site: &Site, categories: &[Category], errors: &mut Vec<ContentError>) {
    for (field, value) in [
        ("name", &site.name),
        ("tagline", &site.tagline),
        ("address", &site.address),
        ("phone", &site.phone),
        ("email", &site.email),
    ] {
        require_text(file, field, value, errors);
    }
    if let Some(short) = &site.short_name {
        require_text(file, "short_name", short, errors);
    }
    if let Some(base) = &site.base_url
        && (!(base.starts_with("https://") || base.starts_with("http://")) || base.ends_with('/'))
    {
        errors.push(ContentError::new(file, Some("base_url"), "must be an http(s) URL without a trailing `/`"));
    }
    for (field, address) in [("login_url", &site.login_url), ("counter_endpoint", &site.counter_endpoint)] {
        if let Some(address) = address
            && !(address.starts_with("https://") || address.starts_with("http://") || address.starts_with('/'))
        {
            errors.push(ContentError::new(file, Some(field), "must be an http(s) URL or a path starting with `/`"));
        }
    }
    if let Some(id) = &site.zalo_oa_id
        && !(id.len() >= 5 && id.len() <= 25 && id.bytes().all(|b| b.is_ascii_digit()))
    {
        errors.push(ContentError::new(
            file,
            Some("zalo_oa_id"),
            "must be the Official Account's numeric id (5–25 digits)",
        ));
    }
    if let Some(person) = &site.editor_in_chief {
        require_text(file, "editor_in_chief.name", &person.name, errors);
        require_text(file, "editor_in_chief.title", &person.title, errors);
    }
    for (i, item) in site.menu.iter().enumerate() {
        require_text(file, &format!("menu[{i}].label"), &item.label, errors);
        if let Some(slug) = item.href.strip_prefix("/chuyen-muc/") {
            if !categories.iter().any(|c| c.slug == slug) {
                errors.push(ContentError::new(
                    file,
                    Some(&format!("menu[{i}].href")),
                    format!("unknown category `{slug}`"),
                ));
            }
        } else if !(item.href.starts_with('/') || item.href.starts_with("https://") || item.href.starts_with("http://"))
        {
            errors.push(ContentError::new(
                file,
                Some(&format!("menu[{i}].href")),
                "must be a path starting with `/` or an http(s) URL",
            ));
        }
    }
}

fn check_article(
    file: PathBuf,
    slug: String,
    source: SourceArticle,
    categories: &[Category],
    edition: crate::Edition,
    errors: &mut Vec<ContentError>,
) -> Option<Article> {
    let before = errors.len();
    let file_ref = file.as_path();
    if !is_valid_slug(&slug) {
        errors.push(ContentError::new(file_ref, None, format!("the file name {}", slug_reason(&slug))));
    }
    if let Some(written) = source.slug.as_deref().filter(|written| *written != slug) {
        errors.push(ContentError::new(
            file_ref,
            Some("slug"),
            format!("`{written}` differs from the file name `{slug}.json` (the file name is the slug)"),
        ));
    }
    for (field, value) in [("title", &source.title), ("sapo", &source.sapo), ("author", &source.author)] {
        require_text(file_ref, field, value, errors);
    }
    if !categories.iter().any(|c| c.slug == source.category) {
        errors.push(ContentError::new(file_ref, Some("category"), format!("unknown category `{}`", source.category)));
    }
    let published = parse_date(file_ref, "published", &source.published, errors);
    let updated = source.updated.as_deref().and_then(|text| parse_date(file_ref, "updated", text, errors));
    if let (Some((published_at, _)), Some((updated_at, _))) = (&published, &updated)
        && updated_at < published_at
    {
        errors.push(ContentError::new(file_ref, Some("updated"), "is earlier than `published`"));
    }
    let expires = source.expires.as_deref().and_then(|text| parse_date(file_ref, "expires", text, errors));
    if let (Some((published_at, _)), Some((expires_at, _))) = (&published, &expires)
        && expires_at <= published_at
    {
        errors.push(ContentError::new(file_ref, Some("expires"), "is not later than `published`"));
    }
    if let Some(cover) = &source.cover {
        require_text(file_ref, "cover.src", &cover.src, errors);
        if cover.photo.is_some() {
            errors.push(ContentError::new(file_ref, Some("cover.photo"), "is written by the press, not by hand"));
        }
        if cover.alt.trim().is_empty() {
            errors.push(ContentError::new(file_ref, Some("cover.alt"), "image has no alt text"));
        }
    }
    for (i, tag) in source.tags.iter().enumerate() {
        require_text(file_ref, &format!("tags[{i}]"), tag, errors);
    }
    let rendered = render::markdown(&source.body);
    require_text(file_ref, "body", &source.body, errors);
    crate::check::refuse_raw_html(file_ref, "body", &rendered, errors);
    for image in rendered.images.iter().filter(|image| image.alt.is_empty()) {
        errors.push(ContentError::new(file_ref, Some("body"), format!("image `{}` has no alt text", image.src)));
    }

    if errors.len() > before {
        return None;
    }
    let (published_at, published) = published?;
    let expired = expires.as_ref().is_some_and(|(at, _)| *at <= edition.now);
    Some(Article {
        file,
        slug,
        title: source.title.trim().to_string(),
        sapo: source.sapo.trim().to_string(),
        category: source.category,
        published,
        published_at,
        updated: updated.map(|(_, text)| text),
        author: source.author.trim().to_string(),
        cover: source.cover,
        html: rendered.html,
        body_images: rendered.images.into_iter().map(|image| image.src).collect(),
        links: rendered.links,
        body: source.body,
        text: rendered.text,
        tags: source.tags,
        featured: source.featured,
        expires_at: expires.as_ref().map(|(at, _)| *at),
        expired,
    })
}
