//! Text folding: the one normal form in which both the index and the query are written, so that
//! "citta", "Città" and "CITTÀ" meet, and "اقامة" finds "إقامة".
//!
//! SQLite's `remove_diacritics` only knows Latin letters; folding in Rust (canonical
//! decomposition, then dropping every combining mark) treats every script the same way.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-cases `text` and strips its diacritics and other combining marks.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of `text` as the full-text index sees them: folded, split on anything that is not
/// a letter or a digit.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_fold_away_in_every_script() {
        assert_eq!(fold("Città di Castello"), "citta di castello");
        assert_eq!(fold("ÀÉÎÕÜ"), "aeiou");
        assert_eq!(fold("إقامة"), fold("اقامة"));
        assert_eq!(fold("Дозвіл"), "дозвіл");
        assert_eq!(fold("Йорданія"), "иорданія");
    }

    #[test]
    fn words_split_on_punctuation() {
        assert_eq!(
            words("P.S. di Spoleto (sportello)"),
            ["p", "s", "di", "spoleto", "sportello"]
        );
        assert!(words(" -- ").is_empty());
    }
}
