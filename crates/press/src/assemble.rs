//! Turn validated content into the documents the app fetches:
//! one per article, paged listings (latest and per category), the home page
//! and the site data. Work per article is constant: each is sorted once and
//! placed into its category's listings and its ancestors'.

use std::collections::HashMap;

use model::{
    Article, ArticleLink, ArticleSummary, HomePage, HomeSection, LISTING_PAGE_SIZE, ListingPage, SiteData, page_count,
};

use crate::kinds::articles::{self, Content};

/// How many featured articles the home page shows.
pub const HOME_FEATURED: usize = 4;
/// How many articles each category block on the home page shows.
pub const HOME_SECTION_SIZE: usize = 5;

pub struct Published {
    pub site: SiteData,
    pub search: model::search::BuiltIndex,
    pub home: HomePage,
    pub latest: Vec<ListingPage>,
    /// Every category, including those with no article yet (one empty page).
    pub categories: Vec<(String, Vec<ListingPage>)>,
    pub articles: Vec<Article>,
    /// The office's own pages and the site map (`office::assemble`).
    pub pages: Vec<model::Page>,
    /// Slugs of the articles past their `expires` (in `articles`, in no listing).
    pub expired: std::collections::HashSet<String>,
    pub edition: model::Edition,
    /// Pages beyond the articles whose views count (the drafts', the answered questions').
    pub counted: Vec<String>,
    /// What the function reads beside the counted paths (`model::submissions`): file name, JSON.
    pub function_data: Vec<(&'static str, serde_json::Value)>,
}

/// `documents`: what the search indexes of the office's documents
/// (`documents::search_entries`), after the articles. An expired article
/// keeps its page and search entry but no listing shows it; a preview counts
/// no visits (`counter_endpoint` left out).
pub fn assemble(
    content: Content,
    documents: &[(model::search::DocInfo, String)],
    edition: crate::Edition,
) -> Published {
    let Content { mut site, categories, mut articles, next_change, .. } = content;
    let edition_file = model::Edition {
        built: crate::check::rfc3339(edition.now),
        next_change: next_change.map(crate::check::rfc3339),
        preview: edition.preview,
    };
    if edition.preview {
        site.counter_endpoint = None;
    }
    articles.sort_by(|a, b| b.published_at.cmp(&a.published_at).then_with(|| a.slug.cmp(&b.slug)));
    let summaries: Vec<ArticleSummary> = articles.iter().map(summary).collect();

    // Article indices (newest first) of each category, descendants included.
    let parent_of: HashMap<&str, Option<&str>> =
        categories.iter().map(|c| (c.slug.as_str(), c.parent.as_deref())).collect();
    let mut members: HashMap<&str, Vec<usize>> = categories.iter().map(|c| (c.slug.as_str(), Vec::new())).collect();
    let mut own: HashMap<&str, Vec<usize>> = HashMap::new();
    let listed: Vec<usize> = (0..articles.len()).filter(|&i| !articles[i].expired).collect();
    for &index in &listed {
        let article = &articles[index];
        own.entry(article.category.as_str()).or_default().push(index);
        let mut category = Some(article.category.as_str());
        while let Some(slug) = category {
            members.get_mut(slug).expect("validated category").push(index);
            category = parent_of.get(slug).copied().flatten();
        }
    }

    let mut older = vec![None; articles.len()];
    let mut newer = vec![None; articles.len()];
    for indices in own.values() {
        for pair in indices.windows(2) {
            let (newer_index, older_index) = (pair[0], pair[1]);
            older[newer_index] = Some(link(&articles[older_index]));
            newer[older_index] = Some(link(&articles[newer_index]));
        }
    }

    let latest = paginate(&listed, &summaries);
    let category_pages =
        categories.iter().map(|c| (c.slug.clone(), paginate(&members[c.slug.as_str()], &summaries))).collect();

    let home = HomePage {
        featured: articles
            .iter()
            .zip(&summaries)
            .filter(|(article, _)| article.featured && !article.expired)
            .take(HOME_FEATURED)
            .map(|(_, summary)| summary.clone())
            .collect(),
        sections: categories
            .iter()
            .filter(|c| c.parent.is_none())
            .filter(|c| !members[c.slug.as_str()].is_empty())
            .map(|c| HomeSection {
                category: c.slug.clone(),
                articles: members[c.slug.as_str()]
                    .iter()
                    .take(HOME_SECTION_SIZE)
                    .map(|&i| summaries[i].clone())
                    .collect(),
            })
            .collect(),
    };

    let search = crate::search::build(&articles, documents);
    let expired = articles.iter().filter(|a| a.expired).map(|a| a.slug.clone()).collect();
    let published_articles = articles
        .into_iter()
        .zip(older.into_iter().zip(newer))
        .map(|(article, (older, newer))| Article {
            html: article.published_html(),
            slug: article.slug,
            title: article.title,
            sapo: article.sapo,
            category: article.category,
            published: article.published,
            updated: article.updated,
            author: article.author,
            cover: article.cover,
            tags: article.tags,
            featured: article.featured,
            older,
            newer,
        })
        .collect();

    Published {
        site: SiteData { site, categories, footer: String::new() },
        search,
        home,
        latest,
        categories: category_pages,
        articles: published_articles,
        pages: Vec::new(),
        expired,
        edition: edition_file,
        counted: Vec::new(),
        function_data: Vec::new(),
    }
}

/// The drafts' and the questions' pages, what the function reads of them,
/// and when they next change what is published.
pub fn citizens(
    published: &mut Published,
    consultations: &crate::kinds::consultations::Consultations,
    questions: &crate::kinds::questions::Questions,
) {
    use crate::kinds::{consultations as drafts, questions as asked};
    use model::submissions::{ANSWERED_QUESTIONS, OPEN_CONSULTATIONS, QUESTION_TOPICS};
    let site = &published.site.site;
    let mut pages = drafts::pages(consultations, site, questions.feedback.as_ref());
    pages.extend(asked::pages(questions, site));
    published.counted.extend(pages.iter().filter(|page| !page.has_query()).map(|page| page.path.clone()));
    published.pages.extend(pages);
    let serialises = "plain data serialises";
    published.function_data = vec![
        (OPEN_CONSULTATIONS, serde_json::to_value(drafts::open(consultations)).expect(serialises)),
        (ANSWERED_QUESTIONS, serde_json::to_value(asked::answered(questions)).expect(serialises)),
        (QUESTION_TOPICS, serde_json::to_value(asked::topic_names(questions)).expect(serialises)),
    ];
    due_at(published, [drafts::next_change(consultations), questions.next_change].into_iter().flatten());
}

/// Brings the edition's `next_change` forward to the earliest of `times`
/// still ahead (each a moment the published site changes by itself).
pub fn due_at(published: &mut Published, times: impl IntoIterator<Item = jiff::Timestamp>) {
    let built = published.edition.built.parse::<jiff::Timestamp>().ok();
    let earlier = published.edition.next_change.as_deref().and_then(|at| at.parse::<jiff::Timestamp>().ok());
    let ahead = times.into_iter().filter(|at| built.is_none_or(|built| *at > built));
    if let Some(at) = ahead.chain(earlier).min() {
        published.edition.next_change = Some(crate::check::rfc3339(at));
    }
}

fn summary(article: &articles::Article) -> ArticleSummary {
    ArticleSummary {
        slug: article.slug.clone(),
        title: article.title.clone(),
        sapo: article.sapo.clone(),
        category: article.category.clone(),
        published: article.published.clone(),
        cover: article.cover.clone(),
    }
}

fn link(article: &articles::Article) -> ArticleLink {
    ArticleLink { slug: article.slug.clone(), title: article.title.clone() }
}

/// Fixed-size pages, newest first; an empty listing has one empty page.
pub fn paginate(indices: &[usize], summaries: &[ArticleSummary]) -> Vec<ListingPage> {
    let total_pages = page_count(indices.len(), LISTING_PAGE_SIZE);
    (0..total_pages as usize)
        .map(|page| {
            let start = page * LISTING_PAGE_SIZE;
            let end = (start + LISTING_PAGE_SIZE).min(indices.len());
            ListingPage {
                page: page as u32 + 1,
                total_pages,
                total_articles: indices.len() as u32,
                articles: indices[start..end].iter().map(|&i| summaries[i].clone()).collect(),
            }
        })
        .collect()
}
