//! A person searches in their own language with the words they know for what they need: the
//! category's name as the app shows it on its chip (Fluent, `cat-*`), or the everyday word for
//! it. In every one of the eleven locales, that reaches every service of the category in the
//! bundled Umbria feed, though the feed itself is only in Italian.

use bussola_i18n::{LOCALES, Translator};
use bussola_model::SearchQuery;
use directory::Store;
use directory::taxonomy::CATEGORIES;
use std::collections::BTreeSet;

fn umbria() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    directory::bundled::import_bundled(&mut store).unwrap();
    store
}

fn ids(store: &Store, query: SearchQuery) -> BTreeSet<String> {
    let query = SearchQuery {
        limit: 500,
        ..query
    };
    let hits = store.search(&query, directory::now()).unwrap();
    hits.into_iter().map(|h| h.id.0).collect()
}

fn found(store: &Store, words: &str) -> BTreeSet<String> {
    ids(
        store,
        SearchQuery {
            text: Some(words.to_owned()),
            ..SearchQuery::default()
        },
    )
}

/// The ids of the bundled services in a category.
fn in_category(store: &Store, code: &str) -> BTreeSet<String> {
    ids(
        store,
        SearchQuery {
            categories: vec![code.to_owned()],
            ..SearchQuery::default()
        },
    )
}

#[test]
fn the_name_on_each_chip_finds_its_category_in_every_locale() {
    let store = umbria();
    let mut problems = Vec::new();
    for category in CATEGORIES {
        let expected = in_category(&store, category.code);
        if expected.is_empty() {
            continue;
        }
        for locale in LOCALES {
            let name = Translator::new(locale.code).category(category.code);
            let hits = found(&store, &name);
            let missing: Vec<_> = expected.difference(&hits).collect();
            if !missing.is_empty() {
                problems.push(format!(
                    "{} \"{name}\" ({}) misses {missing:?}",
                    locale.code, category.code
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// "residence permit", "doctor", "work", "Italian course": the taxonomy's everyday words, one
/// at a time, in every locale.
#[test]
fn everyday_words_for_permits_doctors_work_and_italian_courses_reach_them() {
    let store = umbria();
    let mut problems = Vec::new();
    for code in ["permits", "health", "work", "language"] {
        let category = CATEGORIES.iter().find(|c| c.code == code).unwrap();
        let expected = in_category(&store, code);
        assert!(!expected.is_empty(), "the bundled feed has {code} services");
        for (locale, words) in LOCALES.iter().zip(category.words) {
            // Each word of the locale's list on its own (the list holds phrases' words too).
            for word in words
                .split_whitespace()
                .filter(|w| w.chars().count() > 3)
                .take(4)
            {
                let hits = found(&store, word);
                if !expected.is_subset(&hits) {
                    problems.push(format!("{} \"{word}\" ({code})", locale.code));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every phrase of the thesaurus (data/thesaurus.json), in every locale, as a person types it,
/// reaches every bundled service of the categories that help with its need.
#[test]
fn every_phrase_of_the_thesaurus_reaches_the_services_that_help_with_its_need() {
    let store = umbria();
    let mut problems = Vec::new();
    for need in directory::thesaurus::needs() {
        let mut expected = BTreeSet::new();
        for code in &need.categories {
            expected.extend(in_category(&store, code));
        }
        for (locale, phrases) in &need.words {
            for phrase in phrases {
                let hits = found(&store, phrase);
                let missing: Vec<_> = expected.difference(&hits).collect();
                if !missing.is_empty() {
                    problems.push(format!(
                        "{} \"{phrase}\" ({locale}) misses {} of {}",
                        need.need,
                        missing.len(),
                        expected.len()
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The words the issue found answering nothing, and where the office that handles a need is
/// not in the directory, the answer names it in the person's language.
#[test]
fn documents_residence_identity_card_tax_code_and_doctor_find_help() {
    let store = umbria();
    for words in [
        "documenti",
        "residenza",
        "carta d'identità",
        "codice fiscale",
        "dottore",
    ] {
        assert!(!found(&store, words).is_empty(), "{words}");
    }
    let answer = |words: &str, lang: &str| {
        let query = SearchQuery {
            text: Some(words.to_owned()),
            display_lang: lang.to_owned(),
            ..SearchQuery::default()
        };
        store.answer(&query, directory::now()).unwrap().handled_by
    };
    assert_eq!(answer("codice fiscale", "it"), ["l'Agenzia delle Entrate"]);
    assert!(answer("codice fiscale", "ar")[0].contains("Agenzia delle Entrate"));
    assert!(
        answer("questura", "it").is_empty(),
        "the directory lists it"
    );
}
