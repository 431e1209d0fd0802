//! `bussola-cli` as a new user would try it, on the bundled Umbria data in a fresh database.

use serde_json::Value;
use std::path::Path;
use std::process::Output;

mod common;
use common::cli_on as cli;

fn json(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn info_describes_the_bundled_feed_in_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    let info = json(&cli(&dir.path().join("b.db"), &["info", "--json"]));
    assert_eq!(info["services"], directory::bundled::BUNDLED_SERVICES);
    let feed = &info["feeds"][0];
    assert_eq!(feed["feed"], "umbria");
    assert_eq!(feed["services"], directory::bundled::BUNDLED_SERVICES);
    for key in [
        "version",
        "generated_at",
        "expires_at",
        "source",
        "last_sync",
        "last_error",
        "last_error_kind",
    ] {
        assert!(feed.get(key).is_some(), "info lacks {key}: {feed}");
    }
    // The bundled feed was verified on import: nothing failed.
    assert!(
        feed["last_error"].is_null() && feed["last_error_kind"].is_null(),
        "{feed}"
    );
}

#[test]
fn search_near_a_comune_lists_the_nearest_permit_offices_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.db");
    let hits = json(&cli(
        &db,
        &["search", "permesso", "--comune", "terni", "--json"],
    ));
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty());
    assert_eq!(hits[0]["city"], "Terni");
    assert!(hits[0]["distance_m"].as_f64().unwrap() < 5_000.0);
    // Terni's three permit offices come first; the CPIA further on mentions "permesso" too.
    let mut first_three: Vec<&str> = hits[..3]
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    first_three.sort();
    assert_eq!(
        first_three,
        [
            "prefettura-tr",
            "questura-tr-immigrazione",
            "terni-sportello-migranti"
        ]
    );
    for hit in hits {
        assert!(hit.get("id").is_some() && hit.get("name").is_some() && hit.get("open").is_some());
    }
    let distances: Vec<f64> = hits
        .iter()
        .filter_map(|h| h["distance_m"].as_f64())
        .collect();
    assert!(
        distances.windows(2).all(|w| w[0] <= w[1] + 250.0),
        "{distances:?}"
    );
}

#[test]
fn search_without_a_place_has_no_distance() {
    let dir = tempfile::tempdir().unwrap();
    let hits = json(&cli(
        &dir.path().join("b.db"),
        &["search", "--category", "language", "--json"],
    ));
    let hits = hits.as_array().unwrap();
    assert_eq!(
        hits.len(),
        4,
        "three CPIA sites and the Università per Stranieri"
    );
    assert!(hits.iter().all(|h| h["distance_m"].is_null()));
}

#[test]
fn an_unknown_comune_is_an_error_with_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(
        &dir.path().join("b.db"),
        &["search", "--comune", "Peruggia"],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("did you mean") && stderr(&out).contains("Perugia"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_word_typed_wrong_is_read_as_the_directorys_own_and_the_cli_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(
        &dir.path().join("b.db"),
        &["search", "questra", "terni", "--json"],
    );
    let hits = json(&out);
    assert_eq!(hits[0]["id"], "questura-tr-immigrazione", "{hits}");
    assert!(
        stderr(&out).contains("(read \"questra\" as \"questura\")"),
        "{}",
        stderr(&out)
    );
    // A need whose office the directory does not list: the services that help, and the office.
    let out = cli(&dir.path().join("b.db"), &["search", "codice", "fiscale"]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("Agenzia delle Entrate"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bad_flags_and_values_fail_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.db");
    let out = cli(&db, &["search", "--nearby", "x"]);
    assert_eq!(out.status.code(), Some(2));
    let out = cli(&db, &["search", "--near", "91,12"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("not a point on Earth"),
        "{}",
        stderr(&out)
    );
    let out = cli(&db, &["search", "--category", "permit"]);
    assert!(
        stderr(&out).contains("unknown category"),
        "{}",
        stderr(&out)
    );
    let out = cli(&db, &["search", "--open-at", "tomorrow"]);
    assert!(stderr(&out).contains("RFC 3339"), "{}", stderr(&out));
}

#[test]
fn a_foreign_or_unreadable_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database at all, just some words".repeat(200)).unwrap();
    let out = cli(&text, &["info"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("not a Bussola database"),
        "{}",
        stderr(&out)
    );
    let out = cli(&dir.path().join("no/such/folder/b.db"), &["info"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("cannot open"), "{}", stderr(&out));
}

#[test]
fn show_prints_the_whole_record_and_comuni_finds_names_and_caps() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.db");
    let record = json(&cli(&db, &["show", "cpia-terni", "--json"]));
    assert_eq!(record["id"], "cpia-terni");
    assert!(!record["sources"].as_array().unwrap().is_empty());
    // Data checked years ago is said to be old, by the app's rule.
    let out = cli(&db, &["show", "numero-1522"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("checked: 2020-01-01 — ") && text.contains("years ago: call before you go"),
        "{text}"
    );
    let out = cli(&db, &["show", "no-such-service"]);
    assert!(
        stderr(&out).contains("no service with id"),
        "{}",
        stderr(&out)
    );
    let out = cli(&db, &["comuni", "citta di cast"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Città di Castello"));
    let out = cli(&db, &["comuni", "05018"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Orvieto"));
}

/// A key pair made by `feed keygen` in `dir`, as `feed.key` and `feed.pub`.
fn keygen(db: &Path, dir: &Path) {
    let out = cli(db, &["feed", "keygen", "--out", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn feed_build_refuses_a_description_that_is_a_number_and_names_it() {
    // Once such a source was signed, and devices then refused the feed it made.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let db = d.join("b.db");
    keygen(&db, d);
    let services = serde_json::json!([
        {"id": "cpia-novara", "name": "CPIA Novara", "status": "active",
         "categories": ["language"], "description": 5,
         "service_at_locations": [{"location": {"latitude": 45.45, "longitude": 8.62}}]},
        {"id": "sportello-londra", "name": "Sportello", "status": "active",
         "categories": ["permits"],
         "service_at_locations": [{"location": {"latitude": 51.5, "longitude": -0.12}}]}
    ]);
    let source = d.join("services.json");
    std::fs::write(&source, services.to_string()).unwrap();
    let published = d.join("pub");
    let out = cli(
        &db,
        &[
            "feed",
            "build",
            "--id",
            "piemonte",
            "--source",
            source.to_str().unwrap(),
            "--out",
            published.to_str().unwrap(),
            "--key",
            d.join("feed.key").to_str().unwrap(),
        ],
    );
    let said = stderr(&out);
    assert!(!out.status.success(), "{said}");
    // Every error, one per line, each naming its service and field.
    let number = said
        .lines()
        .find(|l| l.contains("error:") && l.contains("cpia-novara"))
        .unwrap_or_else(|| panic!("no line names cpia-novara: {said}"));
    assert!(number.contains("description"), "{number}");
    let elsewhere = said
        .lines()
        .find(|l| l.contains("error:") && l.contains("sportello-londra"))
        .unwrap_or_else(|| panic!("not every error is printed: {said}"));
    assert!(elsewhere.contains("outside Italy"), "{elsewhere}");
    assert!(
        !published.join("manifest.json").exists(),
        "nothing is signed from a source a device would refuse"
    );
}

#[test]
fn feed_keygen_makes_the_folder_it_is_told_to_write_into() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.db");
    let keys = dir.path().join("keys");
    assert!(!keys.exists());
    let out = cli(
        &db,
        &[
            "feed",
            "keygen",
            "--name",
            "umbria",
            "--out",
            keys.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let public = std::fs::read_to_string(keys.join("umbria.pub")).unwrap();
    let secret = std::fs::read_to_string(keys.join("umbria.key")).unwrap();
    assert!(secret.starts_with("untrusted comment:"), "{secret}");
    // The key it prints is the one in the .pub file.
    let printed = String::from_utf8_lossy(&out.stdout);
    let key = public.lines().last().unwrap().trim();
    assert!(key.starts_with("RW") && printed.contains(key), "{printed}");
    // Run again, it overwrites nothing.
    let again = cli(
        &db,
        &[
            "feed",
            "keygen",
            "--name",
            "umbria",
            "--out",
            keys.to_str().unwrap(),
        ],
    );
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("exists already"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        std::fs::read_to_string(keys.join("umbria.key")).unwrap(),
        secret
    );
}
