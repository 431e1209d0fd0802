//! Everyday words for needs: "documenti", "codice fiscale", "dottore", "سكن", "житло"… mapped
//! to the categories whose services help with them, in the eleven languages of the app. Kept as
//! data (data/thesaurus.json, written by the project and to be reviewed per language), not code.
//!
//! Some needs are met by an office the directory does not list (the tax code is the Agenzia
//! delle Entrate's, the identity card the comune's registry office's): the need still reaches
//! the services that help with everything, and names that office, so a person is not left with
//! an empty page or sent to the wrong desk.

use crate::fold::words;
use crate::taxonomy::{CATEGORIES, LOCALES};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The thesaurus, as the repository keeps it.
pub const THESAURUS_JSON: &str = include_str!("../../../data/thesaurus.json");

/// One need and the words people use for it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Need {
    /// A short id ("tax-code").
    pub need: String,
    /// The categories whose services help with it, most useful first.
    pub categories: Vec<String>,
    /// The office that handles it where the directory lists none, by locale.
    #[serde(default)]
    pub handled_by: BTreeMap<String, String>,
    /// The words and short phrases for it, by locale.
    pub words: BTreeMap<String, Vec<String>>,
    /// Each phrase as the folded words that stand for it, worked out once.
    #[serde(skip)]
    folded: Vec<Vec<String>>,
}

/// The file: its `about` sentence is for the people who edit it.
#[derive(Deserialize)]
struct Thesaurus {
    needs: Vec<Need>,
}

/// Every need of the thesaurus (checked by the tests: every locale, known categories).
pub fn needs() -> &'static [Need] {
    static NEEDS: OnceLock<Vec<Need>> = OnceLock::new();
    NEEDS.get_or_init(|| {
        let mut needs = serde_json::from_str::<Thesaurus>(THESAURUS_JSON)
            .expect("data/thesaurus.json is checked by the tests")
            .needs;
        for need in &mut needs {
            need.folded = need
                .words
                .values()
                .flatten()
                .map(|phrase| telling_words(phrase))
                .filter(|words| !words.is_empty())
                .collect();
        }
        needs
    })
}

/// The words of a phrase that can stand for it, folded. A phrase of one word is that word
/// from three letters ("job", "sos"); in a longer phrase the short words ("di", "the", "per")
/// are in every sentence and would send any search to the need, so only words of four letters
/// or more count there. Two characters of a script other than Latin ("居留") are a word.
pub(crate) fn telling_words(phrase: &str) -> Vec<String> {
    let all = words(phrase);
    let shortest = if all.len() == 1 { 3 } else { 4 };
    all.into_iter()
        .filter(|w| {
            let letters = w.chars().count();
            letters >= shortest || (!w.is_ascii() && letters >= 2)
        })
        .collect()
}

/// Whether a typed word (folded) is long enough to begin a thesaurus word: three letters, or
/// two characters of a script other than Latin ("证件", "کا").
pub(crate) fn tells(token: &str) -> bool {
    let letters = token.chars().count();
    letters >= 3 || (!token.is_ascii() && letters >= 2)
}

impl Need {
    /// Each of its phrases, in every locale, as the folded words that stand for it.
    pub(crate) fn phrases(&self) -> impl Iterator<Item = &[String]> + '_ {
        self.folded.iter().map(Vec::as_slice)
    }

    /// Whether `tokens` (folded) ask for this need: every telling word of one of its phrases is
    /// begun by one of them that [`tells`] ("cod fisc" asks for the tax code).
    pub(crate) fn asked_by(&self, tokens: &[String]) -> bool {
        self.phrases().any(|needed| {
            needed
                .iter()
                .all(|w| tokens.iter().any(|t| tells(t) && w.starts_with(t.as_str())))
        })
    }

    /// The office that handles it, in `locale` (else Italian), where the directory lists none.
    pub fn handled_by_in(&self, locale: &str) -> Option<&str> {
        self.handled_by
            .get(locale)
            .or_else(|| self.handled_by.get("it"))
            .map(String::as_str)
    }
}

/// Why the thesaurus is not usable, if it is not: every need in every locale, categories the
/// taxonomy knows, ids unique, and an office named in every locale where one is named at all.
pub fn problems() -> Vec<String> {
    let thesaurus = match serde_json::from_str::<Thesaurus>(THESAURUS_JSON) {
        Ok(thesaurus) => thesaurus,
        Err(error) => return vec![format!("data/thesaurus.json: {error}")],
    };
    let mut problems = Vec::new();
    let mut ids = std::collections::BTreeSet::new();
    for need in &thesaurus.needs {
        if !ids.insert(&need.need) {
            problems.push(format!("{}: the id is used twice", need.need));
        }
        if need.categories.is_empty() {
            problems.push(format!("{}: no category", need.need));
        }
        for code in &need.categories {
            if !CATEGORIES.iter().any(|c| c.code == code) {
                problems.push(format!("{}: unknown category {code}", need.need));
            }
        }
        for locale in LOCALES {
            if need.words.get(locale).is_none_or(|w| w.is_empty()) {
                problems.push(format!("{}: no words in {locale}", need.need));
            }
            if !need.handled_by.is_empty() && !need.handled_by.contains_key(locale) {
                problems.push(format!("{}: no office named in {locale}", need.need));
            }
        }
        for (locale, phrases) in &need.words {
            if !LOCALES.contains(&locale.as_str()) {
                problems.push(format!("{}: unknown locale {locale}", need.need));
            }
            for phrase in phrases {
                if telling_words(phrase).is_empty() {
                    problems.push(format!(
                        "{}: \"{phrase}\" ({locale}) has no word long enough to search by",
                        need.need
                    ));
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_thesaurus_covers_every_locale_with_known_categories() {
        let problems = problems();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(needs().len() >= 30);
    }

    #[test]
    fn a_need_is_asked_by_the_beginnings_of_all_the_words_of_one_phrase() {
        let tax_code = needs().iter().find(|n| n.need == "tax-code").unwrap();
        let tokens = |text: &str| words(text);
        assert!(tax_code.asked_by(&tokens("codice fiscale")));
        assert!(tax_code.asked_by(&tokens("cod fisc")));
        assert!(!tax_code.asked_by(&tokens("codice")), "one word of two");
        assert!(!tax_code.asked_by(&tokens("co fi")), "too short to say");
        assert_eq!(
            tax_code.handled_by_in("zz"),
            tax_code.handled_by_in("it"),
            "Italian where the locale has none"
        );
    }
}
