//! Which paths count views. Only pages the site publishes do (the press
//! lists them in `data/counted-paths.json`), each in one spelling, so no
//! client can grow the store by making paths up.

use std::collections::HashSet;

/// The longest path worth looking up.
const MAX_PATH: usize = 512;

/// One spelling of a page's path: the query and fragment cut off,
/// percent-escapes decoded (the result must be UTF-8), lowercase, empty
/// segments and a trailing slash dropped. `None` for anything that is not a
/// plain absolute path (relative, `.`/`..` segments, a bad escape).
pub fn normalize(raw: &str) -> Option<String> {
    let path = raw.split(['?', '#']).next()?;
    if !path.starts_with('/') || path.len() > MAX_PATH {
        return None;
    }
    let decoded = percent_decode(path)?.to_lowercase();
    let mut normal = String::with_capacity(decoded.len());
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment == "." || segment == ".." {
            return None;
        }
        normal.push('/');
        normal.push_str(segment);
    }
    if normal.is_empty() {
        normal.push('/');
    }
    Some(normal)
}

/// `%XX` escapes decoded; `None` for a bad escape or bytes that are not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(decoded).ok()
}

/// The published paths that count views.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KnownPaths(HashSet<String>);

impl KnownPaths {
    /// From `data/counted-paths.json`: a JSON array of paths.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let paths: Vec<String> = serde_json::from_str(text).map_err(|e| format!("not a JSON array of paths: {e}"))?;
        paths.iter().map(|p| normalize(p).ok_or_else(|| format!("`{p}` is not an absolute path"))).collect()
    }

    /// The normalised path when it is one of the known ones.
    pub fn counted(&self, raw: &str) -> Option<String> {
        normalize(raw).filter(|path| self.0.contains(path))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<String> for KnownPaths {
    fn from_iter<I: IntoIterator<Item = String>>(paths: I) -> Self {
        KnownPaths(paths.into_iter().filter_map(|p| normalize(&p)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_spelling_per_page() {
        for (raw, normal) in [
            ("/bai-viet/thu-hoach-lua", "/bai-viet/thu-hoach-lua"),
            ("/bai-viet/thu-hoach-lua/", "/bai-viet/thu-hoach-lua"),
            ("/bai-viet/thu-hoach-lua?trang=2", "/bai-viet/thu-hoach-lua"),
            ("/bai-viet/thu-hoach-lua#tin-khac", "/bai-viet/thu-hoach-lua"),
            ("/bai-viet/thu-hoach-lua/?a=1#b", "/bai-viet/thu-hoach-lua"),
            ("/BAI-VIET/Thu-Hoach-Lua", "/bai-viet/thu-hoach-lua"),
            ("/bai-viet/thu%2Dhoach%2dlua", "/bai-viet/thu-hoach-lua"),
            ("//bai-viet///thu-hoach-lua", "/bai-viet/thu-hoach-lua"),
            ("/t%C3%ACm-ki%E1%BA%BFm", "/tìm-kiếm"),
            ("/", "/"),
            ("/?q=x", "/"),
        ] {
            assert_eq!(normalize(raw).as_deref(), Some(normal), "{raw}");
        }
    }

    #[test]
    fn what_is_not_a_plain_path_has_no_spelling() {
        for raw in ["", "bai-viet/x", "https://example.org/", "/a/../b", "/a/./b", "/%zz", "/%C3", "/%", "?x"] {
            assert_eq!(normalize(raw), None, "{raw:?}");
        }
        assert_eq!(normalize(&format!("/{}", "a".repeat(600))), None);
    }

    #[test]
    fn only_known_paths_count() {
        let known = KnownPaths::from_json(r#"["/bai-viet/a", "/bai-viet/b/"]"#).unwrap();
        assert_eq!(known.len(), 2);
        assert_eq!(known.counted("/bai-viet/B?x").as_deref(), Some("/bai-viet/b"));
        assert_eq!(known.counted("/bai-viet/c"), None);
        assert!(KnownPaths::from_json("{}").is_err());
        assert!(KnownPaths::from_json(r#"["relative"]"#).unwrap_err().contains("relative"));
    }
}
