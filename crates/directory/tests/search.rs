//! Search behaviour on a small fixture feed whose answers can be worked out by hand.

use bussola_model::{LatLon, OpenFilter, OpenState, Place, SearchQuery};
use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Europe::Rome;
use directory::{Error, Store};

fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_snapshot(include_str!("fixtures/small.json"), "fixture")
        .unwrap();
    store
}

/// Tuesday 24 November 2026, 10:00 in Rome: an ordinary working morning.
fn tuesday_morning() -> DateTime<Utc> {
    Rome.with_ymd_and_hms(2026, 11, 24, 10, 0, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn ids(store: &Store, query: SearchQuery) -> Vec<String> {
    store
        .search(&query, tuesday_morning())
        .unwrap()
        .into_iter()
        .map(|h| h.id.0)
        .collect()
}

fn text(t: &str) -> SearchQuery {
    SearchQuery {
        text: Some(t.into()),
        ..SearchQuery::default()
    }
}

const PIAZZA_IV_NOVEMBRE: LatLon = LatLon {
    lat: 43.1122,
    lon: 12.3888,
};

#[test]
fn words_in_any_language_reach_residence_permit_services() {
    let store = store();
    for word in [
        "permesso",
        "permit",
        "permis",
        "إقامة",
        "дозвіл",
        "居留",
        "leje",
        "Questura",
    ] {
        let found = ids(&store, text(word));
        assert!(
            found.contains(&"questura-pg".to_owned()),
            "{word} found {found:?}"
        );
        assert!(
            !found.contains(&"cpia-foligno".to_owned()),
            "{word} found {found:?}"
        );
    }
}

#[test]
fn without_a_place_names_holding_the_words_come_first_then_the_alphabet() {
    let store = store();
    // Both names hold the word, which is one of the access points' words: the Sportello, whose
    // name says it is one ("sportello"), comes first.
    assert_eq!(
        ids(&store, text("immigrazione")),
        ["sportello-pg", "questura-pg"]
    );
    // Only one name holds both words (the Questura is reached by "sportello" through the name
    // of its category in the taxonomy, if at all, and then comes second).
    assert_eq!(
        ids(&store, text("sportello immigrazione"))[0],
        "sportello-pg"
    );
    // "permesso" names the category of both, and neither name holds it; the Questura's name is
    // one of that category's words.
    assert_eq!(
        ids(&store, text("permesso")),
        ["questura-pg", "sportello-pg"]
    );
    // Nothing typed: everything, alphabetically, case and accents ignored.
    assert_eq!(
        ids(&store, SearchQuery::default()),
        [
            "numero-1522",
            "consultorio-terni",
            "cpia-foligno",
            "questura-pg",
            "sportello-pg"
        ]
    );
}

#[test]
fn every_word_must_match_as_a_prefix_accents_ignored() {
    let store = store();
    assert_eq!(
        ids(&store, text("consultorio terni")),
        ["consultorio-terni"]
    );
    assert_eq!(ids(&store, text("FOLIG")), ["cpia-foligno"]);
    assert_eq!(ids(&store, text("sportello rinnovo")), ["sportello-pg"]);
    let all_words = store
        .answer(&text("consultorio terni"), tuesday_morning())
        .unwrap();
    assert!(!all_words.partial);
}

#[test]
fn where_no_service_holds_every_word_those_holding_the_most_answer_and_say_so() {
    let store = store();
    // No renewal in Foligno: "rinnovo" asks for permits, which outweighs a word only some
    // text holds; said to be partial.
    let answer = store
        .answer(&text("rinnovo foligno"), tuesday_morning())
        .unwrap();
    assert!(answer.partial);
    let mut found: Vec<&str> = answer.hits.iter().map(|h| h.id.0.as_str()).collect();
    found.sort_unstable();
    assert_eq!(found, ["questura-pg", "sportello-pg"]);
    // No consultorio in Foligno either.
    let answer = store
        .answer(&text("consultorio foligno"), tuesday_morning())
        .unwrap();
    assert!(answer.partial);
    let found: Vec<&str> = answer.hits.iter().map(|h| h.id.0.as_str()).collect();
    assert_eq!(found, ["consultorio-terni"]);
    // Nothing holds any word: nothing, and not partial.
    let answer = store.answer(&text("zzzz qqqq"), tuesday_morning()).unwrap();
    assert!(answer.hits.is_empty() && !answer.partial);
}

#[test]
fn with_a_place_the_nearest_comes_first_and_distances_are_metres() {
    let store = store();
    let query = SearchQuery {
        place: Some(Place::Point(PIAZZA_IV_NOVEMBRE)),
        ..SearchQuery::default()
    };
    let hits = store.search(&query, tuesday_morning()).unwrap();
    let order: Vec<&str> = hits.iter().map(|h| h.id.0.as_str()).collect();
    // The sportello is on the square; the Questura 0.3 km away; the consultorio's Perugia
    // location 1.4 km; Foligno 30 km; the helpline, with no location, last.
    assert_eq!(
        order,
        [
            "sportello-pg",
            "questura-pg",
            "consultorio-terni",
            "cpia-foligno",
            "numero-1522"
        ]
    );
    assert!(hits[0].distance_m.unwrap().0 < 1.0);
    let foligno = hits[3].distance_m.unwrap().0;
    assert!((29_000.0..33_000.0).contains(&foligno), "{foligno}");
    assert_eq!(hits[4].distance_m, None);
    // A service's nearest location is the one reported.
    assert_eq!(hits[2].city.as_deref(), Some("Perugia"));
}

#[test]
fn a_comune_by_name_is_a_place_and_an_unknown_one_gets_suggestions() {
    let store = store();
    let near_terni = SearchQuery {
        place: Some(Place::Comune("terni".into())),
        limit: 1,
        ..SearchQuery::default()
    };
    assert_eq!(ids(&store, near_terni), ["consultorio-terni"]);
    let cdc = SearchQuery {
        place: Some(Place::Comune("citta di castello".into())),
        ..SearchQuery::default()
    };
    assert!(store.search(&cdc, tuesday_morning()).is_ok());
    let typo = SearchQuery {
        place: Some(Place::Comune("Folgno".into())),
        ..SearchQuery::default()
    };
    match store.search(&typo, tuesday_morning()) {
        Err(Error::UnknownComune { suggestions, .. }) => {
            assert!(suggestions.contains(&"Foligno".to_owned()))
        }
        other => panic!("expected an unknown comune, got {other:?}"),
    }
}

#[test]
fn a_radius_keeps_only_what_lies_within_it() {
    let store = store();
    let query = SearchQuery {
        place: Some(Place::Point(PIAZZA_IV_NOVEMBRE)),
        radius_km: Some(5.0),
        ..SearchQuery::default()
    };
    assert_eq!(
        ids(&store, query),
        ["sportello-pg", "questura-pg", "consultorio-terni"]
    );
}

#[test]
fn category_and_language_filters_combine() {
    let store = store();
    let permits = SearchQuery {
        categories: vec!["permits".into()],
        ..SearchQuery::default()
    };
    let mut found = ids(&store, permits.clone());
    found.sort();
    assert_eq!(found, ["questura-pg", "sportello-pg"]);
    let arabic = SearchQuery {
        languages: vec!["ar".into()],
        ..permits
    };
    assert_eq!(ids(&store, arabic), ["sportello-pg"]);
    let ukrainian = SearchQuery {
        languages: vec!["uk".into(), "fr".into()],
        ..SearchQuery::default()
    };
    let mut found = ids(&store, ukrainian);
    found.sort();
    assert_eq!(found, ["consultorio-terni", "sportello-pg"]);
}

#[test]
fn open_now_keeps_only_what_is_open_and_says_when_it_changes() {
    let store = store();
    let query = SearchQuery {
        open: OpenFilter::Now,
        place: Some(Place::Point(PIAZZA_IV_NOVEMBRE)),
        ..SearchQuery::default()
    };
    let hits = store.search(&query, tuesday_morning()).unwrap();
    let found: Vec<&str> = hits.iter().map(|h| h.id.0.as_str()).collect();
    // The sportello opens on Wednesdays; the consultorio's nearest location only on Saturdays.
    assert_eq!(found, ["questura-pg", "numero-1522"]);
    assert_eq!(hits[0].open_state, OpenState::Open);
    assert_eq!(
        hits[0].next_change.as_deref(),
        Some("2026-11-24T12:30:00+01:00")
    );
}

#[test]
fn open_at_an_instant_honours_the_closing_minute_and_public_holidays() {
    let store = store();
    let at = |t: &str| SearchQuery {
        open: OpenFilter::At(t.into()),
        text: Some("questura".into()),
        ..SearchQuery::default()
    };
    assert_eq!(
        ids(&store, at("2026-11-24T12:29:00+01:00")),
        ["questura-pg"]
    );
    assert!(
        ids(&store, at("2026-11-24T12:30:00+01:00")).is_empty(),
        "closed from 12:30"
    );
    // Tuesday 8 December 2026 is a public holiday: PH off.
    assert!(ids(&store, at("2026-12-08T10:00:00+01:00")).is_empty());
    let bad = at("next tuesday");
    assert!(matches!(
        store.search(&bad, tuesday_morning()),
        Err(Error::BadQuery(_))
    ));
}

#[test]
fn names_come_in_the_persons_language_or_in_italian_marked_as_such() {
    let store = store();
    let query = |lang: &str| SearchQuery {
        text: Some("questura".into()),
        display_lang: lang.into(),
        ..SearchQuery::default()
    };
    let english = &store.search(&query("en"), tuesday_morning()).unwrap()[0];
    assert_eq!(english.name, "Perugia police immigration office");
    assert!(!english.name_is_fallback);
    let ukrainian = &store.search(&query("uk"), tuesday_morning()).unwrap()[0];
    assert_eq!(ukrainian.name, "Questura di Perugia - Ufficio Immigrazione");
    assert_eq!(ukrainian.name_lang, "it");
    assert!(ukrainian.name_is_fallback);
}

#[test]
fn approximate_locations_are_marked() {
    let store = store();
    let hits = store
        .search(&text("immigrazione"), tuesday_morning())
        .unwrap();
    let approximate = |id: &str| hits.iter().find(|h| h.id.0 == id).unwrap().approximate;
    assert!(approximate("sportello-pg"), "a comune centroid");
    assert!(!approximate("questura-pg"), "a building");
}

#[test]
fn a_search_sees_what_another_process_imported_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bussola.db");
    let app = Store::open(&path).unwrap();
    let everything = || SearchQuery {
        place: Some(Place::Point(PIAZZA_IV_NOVEMBRE)),
        limit: 500,
        ..SearchQuery::default()
    };
    assert!(
        app.search(&everything(), tuesday_morning())
            .unwrap()
            .is_empty()
    );
    // The CLI, say, imports a feed while the app keeps its store open.
    let mut cli = Store::open(&path).unwrap();
    cli.import_snapshot(include_str!("fixtures/small.json"), "fixture")
        .unwrap();
    let hits = app.search(&everything(), tuesday_morning()).unwrap();
    assert_eq!(hits.len() as u64, cli.service_count().unwrap());
    // And a replacement with no services leaves no stale hit behind.
    cli.import_snapshot(r#"{"feed":"test","version":2,"services":[]}"#, "fixture")
        .unwrap();
    assert!(
        app.search(&everything(), tuesday_morning())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn favourites_are_a_filter_that_outlives_a_new_snapshot() {
    let mut store = store();
    let all = ids(&store, SearchQuery::default());
    let (first, second) = (&all[0], &all[1]);
    store.add_favourite("test", second).unwrap();
    store.add_favourite("test", first).unwrap();
    store.add_favourite("test", "not-in-the-feed").unwrap();
    let favourites = SearchQuery {
        favourites_only: true,
        ..SearchQuery::default()
    };
    let mut found = ids(&store, favourites.clone());
    found.sort();
    let mut expected = vec![first.clone(), second.clone()];
    expected.sort();
    assert_eq!(found, expected);
    // Near a place they come nearest first, like any search.
    let near = SearchQuery {
        place: Some(Place::Point(PIAZZA_IV_NOVEMBRE)),
        ..favourites.clone()
    };
    assert_eq!(ids(&store, near).len(), 2);

    // A new import of the same feed keeps them; removing one forgets it.
    store
        .import_snapshot(include_str!("fixtures/small.json"), "fixture")
        .unwrap();
    assert_eq!(ids(&store, favourites.clone()).len(), 2);
    store.remove_favourite("test", first).unwrap();
    assert_eq!(ids(&store, favourites), std::slice::from_ref(second));
}

#[test]
fn a_word_typed_wrong_is_read_as_the_nearest_word_the_directory_holds() {
    let store = store();
    // One letter dropped, added, changed or two swapped, in Latin, Cyrillic and Arabic script;
    // the words come from the services' text or from the category words.
    for (typed, meant) in [
        ("permeso", "permesso"),
        ("questra", "questura"),
        ("qeustura", "questura"),
        ("дозвл", "дозвіл"),
        ("اقامت", "اقامة"),
    ] {
        let answer = store.answer(&text(typed), tuesday_morning()).unwrap();
        let found: Vec<&str> = answer.hits.iter().map(|h| h.id.0.as_str()).collect();
        assert!(found.contains(&"questura-pg"), "{typed} found {found:?}");
        assert_eq!(
            answer.corrections,
            [bussola_model::Correction {
                typed: typed.into(),
                meant: meant.into()
            }],
            "{typed}"
        );
    }
    // Only the word that matched nothing is read as another; the rest narrow as typed.
    let answer = store
        .answer(&text("consultrio terni"), tuesday_morning())
        .unwrap();
    let found: Vec<&str> = answer.hits.iter().map(|h| h.id.0.as_str()).collect();
    assert_eq!(found, ["consultorio-terni"]);
    assert_eq!(answer.corrections.len(), 1);
}

#[test]
fn words_the_directory_holds_are_never_corrected() {
    let store = store();
    // Each word is known, together they match nothing: what holds the most, not a guess.
    let answer = store
        .answer(&text("consultorio foligno"), tuesday_morning())
        .unwrap();
    assert!(answer.partial && answer.corrections.is_empty());
    // A beginning being typed is known as it is; three letters allow no edit.
    for typed in ["quest", "perm", "qst"] {
        let answer = store.answer(&text(typed), tuesday_morning()).unwrap();
        assert!(
            answer.corrections.is_empty(),
            "{typed}: {:?}",
            answer.corrections
        );
    }
    // Too far from anything: nothing found, and nothing claimed.
    let answer = store
        .answer(&text("xylofonico"), tuesday_morning())
        .unwrap();
    assert!(answer.hits.is_empty() && answer.corrections.is_empty());
}

#[test]
fn a_word_nothing_holds_is_left_out_when_other_words_answer() {
    let store = store();
    let answer = store
        .answer(&text("consultorio terni zzzqqq"), tuesday_morning())
        .unwrap();
    let found: Vec<&str> = answer.hits.iter().map(|h| h.id.0.as_str()).collect();
    assert_eq!(found, ["consultorio-terni"]);
    assert_eq!(answer.left_out, ["zzzqqq"]);
    // Alone, it leaves nothing to search with: nothing found, and nothing left out.
    let answer = store.answer(&text("zzzqqq"), tuesday_morning()).unwrap();
    assert!(answer.hits.is_empty() && answer.left_out.is_empty());
}

#[test]
fn hours_that_only_may_be_open_are_uncertain_and_never_open_now() {
    let mut feed: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/small.json")).unwrap();
    let foligno = feed["services"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|s| s["id"] == "cpia-foligno")
        .unwrap();
    // An open end: from 09:00 on Tuesdays, nobody says until when.
    foligno["service_at_locations"][0]["opening_hours"] = "Tu 09:00+".into();
    let mut store = Store::open_in_memory().unwrap();
    store.import_snapshot(&feed.to_string(), "fixture").unwrap();
    let hits = store.search(&text("foligno"), tuesday_morning()).unwrap();
    assert_eq!(hits[0].id.0, "cpia-foligno");
    assert_eq!(hits[0].open_state, OpenState::Uncertain);
    assert_eq!(hits[0].open, None);
    let open_now = SearchQuery {
        open: OpenFilter::Now,
        ..text("foligno")
    };
    assert!(ids(&store, open_now).is_empty());
}

#[test]
fn hours_that_follow_the_sun_follow_it_where_each_office_is() {
    let mut feed: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/small.json")).unwrap();
    let services = feed["services"].as_array_mut().unwrap();
    let template = services[0].clone();
    // The same text at Perugia and at Aosta, 5° further west: the sun rises there about 20
    // minutes later.
    for (id, lat, lon) in [("sun-perugia", 43.11, 12.39), ("sun-aosta", 45.74, 7.32)] {
        let mut s = template.clone();
        s["id"] = id.into();
        s["name"] = format!("Orto solare {id}").into();
        s["service_at_locations"] = serde_json::json!([{
            "location": {"latitude": lat, "longitude": lon, "geo_precision": "street"},
            "opening_hours": "sunrise-sunset"
        }]);
        services.push(s);
    }
    let mut store = Store::open_in_memory().unwrap();
    store.import_snapshot(&feed.to_string(), "fixture").unwrap();
    // 1 December 2026, 07:35 in Rome: after sunrise in Perugia (07:22), before it in Aosta.
    let at = Rome
        .with_ymd_and_hms(2026, 12, 1, 7, 35, 0)
        .unwrap()
        .to_utc();
    let hits = store.search(&text("orto solare"), at).unwrap();
    let state = |id: &str| hits.iter().find(|h| h.id.0 == id).unwrap().open_state;
    assert_eq!(state("sun-perugia"), OpenState::Open);
    assert_eq!(state("sun-aosta"), OpenState::Closed);
}
