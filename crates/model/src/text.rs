//! Vietnamese text normalisation, shared by the search indexer (press) and
//! the search page (app) so that both cut and fold words the same way.
//!
//! Folding removes case and every diacritic — tone marks and the vowel marks
//! of ă â ê ô ơ ư — and maps đ/Đ to d, which Unicode decomposition alone does
//! not do (đ is a letter of its own, not d plus a mark).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

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
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// Lowercase, marks kept, in composed form (NFC): what "typed with tone marks" compares.
pub fn exact(text: &str) -> String {
    text.nfc().flat_map(char::to_lowercase).collect()
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
        let in_word = c.is_alphanumeric() || (start.is_some() && is_combining_mark(c));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_case_marks_and_d_stroke() {
        assert_eq!(fold("Điều hành"), "dieu hanh");
        assert_eq!(fold("ĐẢNG ỦY"), "dang uy");
        assert_eq!(fold("Đà Nẵng"), "da nang");
        assert_eq!(fold("đường Dương"), "duong duong");
        assert_eq!(fold("Người dân Sơn Vân"), "nguoi dan son van");
        assert_eq!(fold("ă â ê ô ơ ư Ă Â Ê Ô Ơ Ư"), "a a e o o u a a e o o u");
        // Decomposed input (as some keyboards send it) folds the same.
        assert_eq!(fold("Đa\u{300} Na\u{306}\u{303}ng"), "da nang");
    }

    #[test]
    fn exact_forms_keep_marks_and_compose() {
        assert_eq!(exact("ĐƯỜNG"), "đường");
        assert_eq!(exact("Đa\u{300}"), "đà");
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
