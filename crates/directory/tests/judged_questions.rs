//! How well search answers the questions people really ask: the judged set in
//! data/judged-questions.json (typos, everyday words, all eleven languages, with and without a
//! place), each with the bundled services a good answer must show among its first five. The
//! test prints the share answered well and every question answered badly, and fails if the
//! share falls below the last one measured: search may only get better.

use bussola_model::{Place, SearchQuery};
use directory::Store;
use serde::Deserialize;

/// The share measured when the set was last improved on (raise it when search gets better).
const ANSWERED_WELL_AT_LEAST: f64 = 0.99;

#[derive(Deserialize)]
struct Judged {
    questions: Vec<Question>,
}

#[derive(Deserialize)]
struct Question {
    text: String,
    lang: String,
    place: Option<String>,
    expect_top5: Vec<String>,
    why: String,
}

#[test]
fn the_judged_questions_are_answered_well_at_least_as_often_as_before() {
    let judged: Judged =
        serde_json::from_str(include_str!("../../../data/judged-questions.json")).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    directory::bundled::import_bundled(&mut store).unwrap();
    let mut badly = Vec::new();
    for question in &judged.questions {
        let query = SearchQuery {
            text: Some(question.text.clone()),
            place: question.place.clone().map(Place::Comune),
            display_lang: question.lang.clone(),
            limit: 5,
            ..SearchQuery::default()
        };
        let top5: Vec<String> = store
            .search(&query, directory::now())
            .unwrap()
            .into_iter()
            .map(|h| h.id.0)
            .collect();
        let missing: Vec<&String> = question
            .expect_top5
            .iter()
            .filter(|id| !top5.contains(id))
            .collect();
        if !missing.is_empty() {
            badly.push(format!(
                "\"{}\" ({}, {}): misses {missing:?} — {}; top 5: {top5:?}",
                question.text,
                question.lang,
                question.place.as_deref().unwrap_or("no place"),
                question.why
            ));
        }
    }
    let total = judged.questions.len();
    let well = (total - badly.len()) as f64 / total as f64;
    println!(
        "judged questions answered well: {} of {total} ({:.1}%)",
        total - badly.len(),
        well * 100.0
    );
    for line in &badly {
        println!("  {line}");
    }
    assert!(total >= 60, "the set holds {total} questions");
    assert!(
        well >= ANSWERED_WELL_AT_LEAST,
        "{:.3} answered well, below {ANSWERED_WELL_AT_LEAST}:\n{}",
        well,
        badly.join("\n")
    );
}
