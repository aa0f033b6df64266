//! Read `content/` and parse each file into its source type.
//! Syntax and shape errors are reported here with file, field and position.

use std::path::{Path, PathBuf};

use model::{Category, Image, Site};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::error::{ContentError, Error};

/// `content/editor.json`: with it the office has the staff editor, at
/// [`EDITOR_FOLDER`] (read by the kinds, written by `finish::editor`).
pub const EDITOR_SETTINGS: &str = "editor.json";
pub const EDITOR_FOLDER: &str = "quan-tri";

/// An article as its author writes it (`content/articles/{slug}.json`).
/// The file name is the slug: the staff editor names files after the title.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceArticle {
    /// Older files repeat the file name here; it must then agree.
    #[serde(default)]
    pub slug: Option<String>,
    pub title: String,
    pub sapo: String,
    pub category: String,
    pub published: String,
    #[serde(default)]
    pub updated: Option<String>,
    pub author: String,
    #[serde(default)]
    pub cover: Option<Image>,
    /// Markdown.
    pub body: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub featured: bool,
    /// Checked like any other, published nowhere (staff see it in previews).
    #[serde(default)]
    pub draft: bool,
    /// When a notice stops being in force: it then leaves the listings and
    /// feeds and its page says "Hết hiệu lực".
    #[serde(default)]
    pub expires: Option<String>,
}

/// `content/categories.json`: an object, so the staff editor can edit it as one file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceCategories {
    pub categories: Vec<Category>,
}

pub struct Sources {
    pub site: (PathBuf, Site),
    pub categories: (PathBuf, Vec<Category>),
    /// Sorted by file name, so builds are reproducible.
    pub articles: Vec<(PathBuf, SourceArticle)>,
    /// Articles that did not parse; reported together with later checks.
    pub errors: Vec<ContentError>,
}

pub fn read(content: &Path) -> Result<Sources, Error> {
    let mut errors = Vec::new();
    let site = read_file::<Site>(&content.join("site.json"), &mut errors);
    let categories = read_file::<SourceCategories>(&content.join("categories.json"), &mut errors)
        .map(|(path, file)| (path, file.categories));

    let articles_dir = content.join("articles");
    let mut files = Vec::new();
    let entries = std::fs::read_dir(&articles_dir).map_err(|e| Error::io(&articles_dir, e))?;
    for entry in entries {
        let path = entry.map_err(|e| Error::io(&articles_dir, e))?.path();
        if path.extension().is_some_and(|ext| ext == "json") {
            files.push(path);
        }
    }
    files.sort();
    let articles = files.into_iter().filter_map(|path| read_file::<SourceArticle>(&path, &mut errors)).collect();

    match (site, categories) {
        (Some(site), Some(categories)) => Ok(Sources { site, categories, articles, errors }),
        _ => Err(Error::Content(errors)),
    }
}

/// One JSON file parsed as `T`; a file that cannot be read or parsed is an error in `errors`.
pub(crate) fn read_file<T: DeserializeOwned>(path: &Path, errors: &mut Vec<ContentError>) -> Option<(PathBuf, T)> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            errors.push(ContentError::new(path, None, format!("cannot be read: {e}")));
            return None;
        }
    };
    match parse::<T>(path, &text) {
        Ok(value) => Some((path.to_path_buf(), value)),
        Err(error) => {
            errors.push(error);
            None
        }
    }
}

/// Every `.json` file under `dir` (none when it does not exist), sorted by
/// path, read and parsed as `T`; a file that cannot be read or parsed is an
/// error in `errors`, the rest come back with their path. A folder that
/// cannot be listed stops the reading.
pub fn read_folder<T: DeserializeOwned>(
    dir: &Path,
    errors: &mut Vec<ContentError>,
) -> Result<Vec<(PathBuf, T)>, Vec<ContentError>> {
    let mut files = Vec::new();
    collect(dir, &mut files).map_err(|(dir, e)| vec![ContentError::new(&dir, None, format!("cannot be read: {e}"))])?;
    files.sort();
    Ok(files.iter().filter_map(|file| read_file::<T>(file, errors)).collect())
}

/// Parses JSON text, turning serde's error into one that names the field.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, ContentError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let result = serde_path_to_error::deserialize(&mut deserializer);
    if let Ok(value) = result {
        // Trailing garbage after the document is a syntax error too.
        return match deserializer.end() {
            Ok(()) => Ok(value),
            Err(e) => Err(syntax_error(path, &e)),
        };
    }
    result.map_err(|error| {
        let inner = error.inner();
        let message = strip_position(&inner.to_string());
        let parent = error.path().to_string();
        let parent = (parent != ".").then_some(parent);
        let (field, reason) = match inner.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => return syntax_error(path, inner),
            _ => match message.strip_prefix("missing field `").and_then(|rest| rest.split('`').next()) {
                // "missing field `title`" belongs to `title`, not to its parent.
                Some(name) => (Some(parent.map_or(name.to_string(), |p| format!("{p}.{name}"))), message.clone()),
                None => (parent, message.clone()),
            },
        };
        ContentError { file: path.to_path_buf(), field, position: Some((inner.line(), inner.column())), reason }
    })
}

fn syntax_error(path: &Path, error: &serde_json::Error) -> ContentError {
    ContentError {
        file: path.to_path_buf(),
        field: None,
        position: Some((error.line(), error.column())),
        reason: format!("invalid JSON: {}", strip_position(&error.to_string())),
    }
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

/// Every `.json` file under `dir` (none when it does not exist).
pub fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), (PathBuf, std::io::Error)> {
    collect_where(dir, files, &|path| path.extension().is_some_and(|ext| ext == "json"))
}

/// Every file under `dir` that `keep` wants (none when `dir` does not exist).
pub fn collect_where(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    keep: &dyn Fn(&Path) -> bool,
) -> Result<(), (PathBuf, std::io::Error)> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        // A site without pages of its own.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err((dir.to_path_buf(), e)),
    };
    for entry in entries {
        let path = entry.map_err(|e| (dir.to_path_buf(), e))?.path();
        if path.is_dir() {
            collect_where(&path, files, keep)?;
        } else if keep(&path) {
            files.push(path);
        }
    }
    Ok(())
}

/// A drawing's size: its root element's `width` and `height`, else its `viewBox`.
pub fn svg_size(svg: &str) -> Option<(u32, u32)> {
    let start = svg.find("<svg")?;
    let tag = &svg[start..start + svg[start..].find('>')?];
    let attribute = |name: &str| {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(&tag[at..at + tag[at..].find('"')?])
    };
    let number = |text: &str| text.trim_end_matches("px").trim().parse::<f64>().ok().filter(|n| *n > 0.0);
    if let (Some(w), Some(h)) = (attribute("width").and_then(number), attribute("height").and_then(number)) {
        return Some((w.round() as u32, h.round() as u32));
    }
    let view: Vec<f64> = attribute("viewBox")?.split([' ', ',']).filter_map(|n| n.parse().ok()).collect();
    (view.len() == 4 && view[2] > 0.0 && view[3] > 0.0).then(|| (view[2].round() as u32, view[3].round() as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drawing_is_measured_by_its_size_or_its_view_box() {
        assert_eq!(
            svg_size(r#"<?xml?><svg xmlns="x" viewBox="0 0 800 450" width="800" height="450">"#),
            Some((800, 450))
        );
        assert_eq!(svg_size(r#"<svg width="120px" height="80px">"#), Some((120, 80)));
        assert_eq!(svg_size(r#"<svg viewBox="0,0,64,32">"#), Some((64, 32)));
        assert_eq!(svg_size(r#"<svg width="100%" height="100%">"#), None);
    }
}
