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

/// Words that only join others, in the app's languages ("di", "the", "pour", "من", "по"): in
/// a phrase they tell nothing, and typed in a search they ask for no need by themselves.
const JOINING_WORDS: &[&str] = &[
    // it
    "di",
    "da",
    "del",
    "della",
    "dei",
    "delle",
    "il",
    "lo",
    "la",
    "le",
    "gli",
    "un",
    "una",
    "uno",
    "per",
    "con",
    "in",
    "su",
    "ed",
    "al",
    "alla",
    "nel",
    "nella",
    "che",
    // The other articled prepositions: "violenza sulle donne" needs "violenza" and "donne".
    "dal",
    "dallo",
    "dalla",
    "dai",
    "dagli",
    "dalle",
    "dello",
    "degli",
    "allo",
    "ai",
    "agli",
    "alle",
    "nello",
    "nei",
    "negli",
    "nelle",
    "sul",
    "sullo",
    "sulla",
    "sui",
    "sugli",
    "sulle",
    "col",
    "coi",
    "mi",
    "mio",
    "mia",
    "ti",
    "si",
    "non",
    "ho",
    // en
    "the",
    "of",
    "for",
    "and",
    "or",
    "to",
    "on",
    "at",
    "my",
    "me",
    "an",
    "with",
    "without",
    "is",
    "no",
    "need",
    // fr
    "de",
    "du",
    "des",
    "les",
    "une",
    "et",
    "ou",
    "pour",
    "avec",
    "sans",
    "en",
    "au",
    "aux",
    "mon",
    "ma",
    "mes",
    "je",
    "pas",
    "ne",
    // es
    "el",
    "los",
    "las",
    "para",
    "sin",
    "por",
    // ro
    "cu",
    "și",
    "sau",
    "în",
    "pentru",
    "fără",
    "al",
    "ale",
    "meu",
    "mea",
    // sq
    "të",
    "në",
    "për",
    "me",
    "pa",
    "dhe",
    "një",
    "se",
    // uk
    "і",
    "й",
    "та",
    "в",
    "у",
    "на",
    "по",
    "для",
    "з",
    "до",
    "без",
    "від",
    "мій",
    "моя",
    // ar
    "من",
    "في",
    "إلى",
    "الى",
    "على",
    "عن",
    "و",
    "مع",
    "بدون",
    "لي",
    // ur
    "کا",
    "کی",
    "کے",
    "میں",
    "سے",
    "کو",
    "اور",
    "پر",
    "لیے",
    "بغیر",
    // bn
    "এর",
    "ও",
    "এবং",
    "জন্য",
    "থেকে",
    "আমার",
    "না",
    // zh
    "的",
    "和",
    "我",
];

/// Whether a folded word only joins others.
pub(crate) fn joining(word: &str) -> bool {
    static FOLDED: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    FOLDED
        .get_or_init(|| JOINING_WORDS.iter().map(|w| crate::fold::fold(w)).collect())
        .contains(word)
}

/// The words of a phrase that can stand for it, folded: all but single letters and the words
/// that only join others, so that "tax code" needs "tax" and "code", and "medico di base" needs
/// "medico" and "base".
pub(crate) fn telling_words(phrase: &str) -> Vec<String> {
    words(phrase)
        .into_iter()
        .filter(|w| w.chars().count() >= 2 && !joining(w))
        .collect()
}

/// Whether the typed word `token` (folded) stands for the thesaurus word `word`: the word
/// itself, or a beginning of it long enough not to be some other word's — four letters for the
/// word being typed (the query's `last`), five for a finished one, three characters of a
/// script other than Latin. So "con", "pas" or "من" never stand for "consolato", "passaporto"
/// or "منحة", while "docu" still finds "documenti" as it is typed.
///
/// The caller leaves out the joining words of the query first ([`joining`]): this is asked for
/// every word of every phrase, on every keystroke.
pub(crate) fn stands_for(token: &str, word: &str, last: bool) -> bool {
    if token.chars().count() < 2 {
        return false;
    }
    if token == word {
        return true;
    }
    let letters = token.chars().count();
    let enough = match (token.is_ascii(), last) {
        (true, true) => 4,
        (true, false) => 5,
        (false, _) => 3,
    };
    letters >= enough && word.starts_with(token)
}

impl Need {
    /// Each of its phrases, in every locale, as the folded words that stand for it.
    pub(crate) fn phrases(&self) -> impl Iterator<Item = &[String]> + '_ {
        self.folded.iter().map(Vec::as_slice)
    }

    /// Whether `tokens` (folded, in the order typed) ask for this need: every telling word of
    /// one of its phrases is stood for by one of them ([`stands_for`]).
    pub(crate) fn asked_by(&self, tokens: &[String]) -> bool {
        let last = tokens.len().saturating_sub(1);
        let telling: Vec<(usize, &String)> = tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| !joining(t))
            .collect();
        self.phrases().any(|needed| {
            needed
                .iter()
                .all(|w| telling.iter().any(|&(i, t)| stands_for(t, w, i == last)))
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
    fn joining_words_and_short_beginnings_ask_for_nothing() {
        let tokens = |text: &str| words(text);
        for text in [
            "corso di italiano con certificato",
            "je n'ai pas de papiers",
            "une dhe ti",
            "che",
            "din",
            "emergency number",
            "postal code",
            "من",
            "по",
        ] {
            let asked: Vec<&str> = needs()
                .iter()
                .filter(|n| !n.handled_by.is_empty() && n.asked_by(&tokens(text)))
                .map(|n| n.need.as_str())
                .collect();
            assert!(asked.is_empty(), "{text} asks for {asked:?}");
        }
    }

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
        assert!(
            tax_code.asked_by(&tokens("codice fisc")),
            "the last word is being typed"
        );
        assert!(tax_code.asked_by(&tokens("tax code")));
        assert!(!tax_code.asked_by(&tokens("codice")), "one word of two");
        assert!(
            !tax_code.asked_by(&tokens("codi fisc")),
            "a finished word stands for itself, or a beginning of five letters"
        );
        assert!(
            !tax_code.asked_by(&tokens("phone number")),
            "\"number\" alone is not \"tax number\""
        );
        assert_eq!(
            tax_code.handled_by_in("zz"),
            tax_code.handled_by_in("it"),
            "Italian where the locale has none"
        );
    }
}
