//! Vietnamese text normalisation, shared by the search indexer (press) and
//! the search page (app) so that both cut and fold words the same way.
//!
//! Folding removes case and every diacritic — tone marks and the vowel marks
//! of ă â ê ô ơ ư — and maps đ/Đ to d, which Unicode decomposition alone does
//! not do (đ is a letter of its own, not d plus a mark).

/// Unicode canonical decomposition (NFD) and lowercasing, the steps not
/// written here.
#[cfg(not(target_arch = "wasm32"))]
fn decompose_lowercase(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd().flat_map(char::to_lowercase).collect()
}

/// In the browser, the browser's own tables: Rust's case-mapping table
/// alone is ~11 KB of wasm.
#[cfg(target_arch = "wasm32")]
fn decompose_lowercase(text: &str) -> String {
    js_sys::JsString::from(text).normalize("NFD").to_lower_case().into()
}

/// Vietnamese letters decompose into a base letter and marks from the
/// Combining Diacritical Marks block (grave, acute, tilde, hook above, dot
/// below, breve, circumflex, horn).
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// One word (for Vietnamese, one syllable) of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Lowercase, with its marks: "đường".
    pub exact: String,
    /// Lowercase, without marks: "duong".
    pub folded: String,
    /// Byte range of the word in the text it was cut from.
    pub start: usize,
    pub end: usize,
}

/// Lowercase with every mark removed and đ → d: "Đường" → "duong".
pub fn fold(text: &str) -> String {
    decompose_lowercase(text).chars().filter(|c| !is_mark(*c)).map(|c| if c == 'đ' { 'd' } else { c }).collect()
}

/// Lowercase, marks kept, in decomposed form (NFD): what "typed with tone
/// marks" compares. Decomposed rather than composed so that the browser does
/// not need Unicode's composition tables; composed and decomposed input give
/// the same form.
pub fn exact(text: &str) -> String {
    decompose_lowercase(text)
}

/// Whether the word carries any mark or đ, i.e. whether its exact form says
/// more than its folded one.
pub fn has_marks(word: &str) -> bool {
    fold(word) != exact(word)
}

/// Cuts a text into words: runs of letters and digits.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (index, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        // Combining marks belong to the word they follow (decomposed input).
        let in_word = c.is_alphanumeric() || (start.is_some() && is_mark(c));
        match (in_word, start) {
            (true, None) => start = Some(index),
            (false, Some(from)) => {
                let word = &text[from..index];
                tokens.push(Token { exact: exact(word), folded: fold(word), start: from, end: index });
                start = None;
            }
            _ => {}
        }
    }
    tokens
}

/// Cases both sides must agree on: checked natively (unit tests) and in the
/// browser (the app's component tests), where decomposition is the browser's.
pub const AGREED_FOLDS: &[(&str, &str)] = &[
    ("Điều hành", "dieu hanh"),
    ("ĐẢNG ỦY", "dang uy"),
    ("Đà Nẵng", "da nang"),
    ("đường Dương", "duong duong"),
    ("Người dân bản Sơn", "nguoi dan ban son"),
    ("ă â ê ô ơ ư Ă Â Ê Ô Ơ Ư đ Đ", "a a e o o u a a e o o u d d"),
    ("àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ", "aaaaa aaaaa aaaaa eeeee eeeee"),
    ("ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ", "iiiii ooooo ooooo ooooo uuuuu uuuuu yyyyy"),
    ("ÀÁẢÃẠ ỲÝỶỸỴ", "aaaaa yyyyy"),
    ("Đa\u{300} Na\u{306}\u{303}ng", "da nang"),
    ("Quyết định số 12/2026/QĐ-UBND", "quyet dinh so 12/2026/qd-ubnd"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreed_folds() {
        for (text, folded) in AGREED_FOLDS {
            assert_eq!(fold(text), *folded, "{text}");
        }
    }

    #[test]
    fn folding_removes_case_marks_and_d_stroke() {
        assert_eq!(fold("Điều hành"), "dieu hanh");
        assert_eq!(fold("ĐẢNG ỦY"), "dang uy");
        assert_eq!(fold("Đà Nẵng"), "da nang");
        assert_eq!(fold("đường Dương"), "duong duong");
        assert_eq!(fold("Người dân bản Sơn"), "nguoi dan ban son");
        assert_eq!(fold("ă â ê ô ơ ư Ă Â Ê Ô Ơ Ư"), "a a e o o u a a e o o u");
        // Decomposed input (as some keyboards send it) folds the same.
        assert_eq!(fold("Đa\u{300} Na\u{306}\u{303}ng"), "da nang");
    }

    #[test]
    fn exact_forms_keep_marks_and_compose() {
        assert_eq!(exact("ĐƯỜNG"), exact("đường"));
        assert_eq!(exact("Đa\u{300}"), exact("đà"));
        assert_ne!(exact("đường"), exact("dương"));
        assert!(has_marks("đường") && has_marks("Đà") && !has_marks("duong") && !has_marks("DIEU"));
    }

    #[test]
    fn words_are_cut_at_anything_but_letters_and_digits() {
        let tokens = tokenize("Hội nghị (lần 2): «Chuyển đổi số»—2026!");
        let folded: Vec<_> = tokens.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(folded, ["hoi", "nghi", "lan", "2", "chuyen", "doi", "so", "2026"]);
        let text = "Hội nghị";
        let first = &tokenize(text)[0];
        assert_eq!(&text[first.start..first.end], "Hội");
        assert!(tokenize("!!! ... 🙂 <> &").is_empty());
    }
}
