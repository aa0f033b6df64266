//! The search index over every article (title, sapo, body, tags),
//! written beside the listings. The format and the ranking are in
//! `model::search`, shared with the app.

use model::search::{BuiltIndex, DocInfo, IndexBuilder};

use crate::kinds::articles::Article;

/// Characters of the sapo shown under a search result.
const EXCERPT_CHARS: usize = 160;

/// `articles` must be sorted newest first: document ids follow that order,
/// the office's documents (`documents::search_entries`: what a result shows,
/// the text besides its title) after them.
pub fn build(articles: &[Article], documents: &[(DocInfo, String)]) -> BuiltIndex {
    let mut builder = IndexBuilder::default();
    for article in articles {
        let mut excerpt: String = article.sapo.chars().take(EXCERPT_CHARS).collect();
        if excerpt.len() < article.sapo.len() {
            excerpt.push('…');
        }
        let info = DocInfo {
            slug: article.slug.clone(),
            title: article.title.clone(),
            category: article.category.clone(),
            published: article.published.clone(),
            excerpt,
        };
        let body = format!("{}\n{}\n{}", article.sapo, article.text, article.tags.join("\n"));
        builder.add(info, &article.title, &body);
    }
    for (info, text) in documents {
        builder.add(info.clone(), &info.title, text);
    }
    builder.finish()
}
