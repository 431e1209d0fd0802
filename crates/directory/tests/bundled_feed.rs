//! The Umbria feed the app carries (data/umbria/feed): the reference minisign tool verifies it
//! against the key data/feeds.json pins, the folder holds exactly what the signed manifest names,
//! it is what `cargo xtask bundle-feed` builds from the sources in data/umbria/ today, and once
//! imported it is honest about what it knows (every fact dated and sourced, no editor's note
//! shown, every text translated and marked so), reaches every comune of the region, and finds
//! the offices its sources name in the region's main comuni.

use bussola_model::{Place, SearchQuery};
use directory::bundled::{self, UMBRIA_SNAPSHOT};
use directory::feed::FeedKey;
use directory::feed::contract::{Manifest, sha256_hex};
use directory::feed::keys::{self, SigningKey};
use directory::{Store, publish};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn feed_dir() -> PathBuf {
    data().join("umbria/feed")
}

fn dev_key() -> PathBuf {
    data().join("umbria/dev-key/DEVELOPMENT-ONLY.key")
}

/// The development secret key, read from its file (the feed core never reads files).
fn dev_signing_key() -> SigningKey {
    let text = std::fs::read_to_string(dev_key()).unwrap();
    SigningKey::from_text(&text, None).unwrap()
}

fn manifest() -> Manifest {
    serde_json::from_slice(&std::fs::read(feed_dir().join("manifest.json")).unwrap()).unwrap()
}

/// The keys data/feeds.json pins for Umbria, as minisign prints them.
fn pinned_keys() -> Vec<String> {
    let feeds = bundled::configured_feeds();
    let umbria = feeds.iter().find(|f| f.feed == "umbria").unwrap();
    assert!(!umbria.keys.is_empty());
    umbria.keys.clone()
}

/// The editors' sources as `cargo xtask bundle-feed` publishes them: the researched services and
/// those from open data, with the project's translations, without the editors' notes.
fn source_services() -> Vec<Value> {
    let mut services = publish::read_sources(&[
        data().join("umbria/services.json"),
        data().join("umbria/opendata-services.json"),
    ])
    .unwrap()
    .services;
    publish::add_translations(&mut services, &data().join("umbria/translations")).unwrap();
    publish::without_editors_notes(&mut services);
    services
}

fn snapshot_services(text: &str) -> Vec<Value> {
    let mut snapshot: Value = serde_json::from_str(text).unwrap();
    match snapshot["services"].take() {
        Value::Array(services) => services,
        other => panic!("a snapshot's services are an array, not {other}"),
    }
}

fn minisign_verifies(key: &str) -> std::process::Output {
    Command::new("minisign")
        .args(["-V", "-m", "manifest.json", "-P", key])
        .current_dir(feed_dir())
        .output()
        .expect("the minisign tool is installed (cargo xtask setup)")
}

#[test]
fn the_minisign_tool_verifies_the_bundled_manifest_with_the_pinned_key() {
    let key = &pinned_keys()[0];
    let checked = minisign_verifies(key);
    assert!(checked.status.success(), "{checked:?}");
    let said = String::from_utf8_lossy(&checked.stdout);
    assert!(said.contains("feed:umbria"), "{said}");

    // Another key is refused, so the success above means something.
    let (_, other) = keys::generate().unwrap();
    let other = other.lines().last().unwrap().trim();
    assert_ne!(other, key);
    assert!(!minisign_verifies(other).status.success());
}

#[test]
fn the_bundled_folder_holds_exactly_the_files_the_manifest_names_with_their_hash_and_size() {
    let manifest = manifest();
    assert_eq!(manifest.feed, "umbria");
    let named: Vec<_> = std::iter::once(&manifest.snapshot)
        .chain(manifest.deltas.iter().map(|d| &d.file))
        .collect();
    for file in &named {
        let bytes = std::fs::read(feed_dir().join(&file.url))
            .unwrap_or_else(|e| panic!("{}: {e}", file.url));
        assert_eq!(bytes.len() as u64, file.bytes, "{}", file.url);
        assert_eq!(sha256_hex(&bytes), file.sha256, "{}", file.url);
    }
    let expected: BTreeSet<String> = ["manifest.json", "manifest.json.minisig"]
        .into_iter()
        .map(str::to_owned)
        .chain(named.iter().map(|f| f.url.clone()))
        .collect();
    let present: BTreeSet<String> = std::fs::read_dir(feed_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(present, expected, "run `cargo xtask bundle-feed`");

    // What the engine embeds is the snapshot the manifest names.
    let on_disk = std::fs::read_to_string(feed_dir().join(&manifest.snapshot.url)).unwrap();
    assert!(on_disk == UMBRIA_SNAPSHOT, "the embedded snapshot is stale");
}

#[test]
fn the_development_key_signs_the_bundled_feed_and_says_what_it_is() {
    let key = dev_signing_key();
    let public = key.public().unwrap();
    let pub_file = dev_key().with_extension("pub");
    let pub_text = std::fs::read_to_string(&pub_file).unwrap();
    assert_eq!(FeedKey::from_text(&pub_text).unwrap(), public);
    assert_eq!(pinned_keys()[0], public.base64());
    let manifest = std::fs::read(feed_dir().join("manifest.json")).unwrap();
    let signature = std::fs::read_to_string(feed_dir().join("manifest.json.minisig")).unwrap();
    assert_eq!(keys::verify(&manifest, &signature, &[public]).unwrap(), 0);
    for file in [dev_key(), pub_file] {
        let first = std::fs::read_to_string(&file).unwrap();
        let first = first.lines().next().unwrap();
        assert!(
            first.starts_with("untrusted comment:") && first.contains("DEVELOPMENT"),
            "{}: {first}",
            file.display()
        );
    }
}

#[test]
fn the_bundled_feed_is_what_the_development_key_builds_from_the_source_today() {
    let dir = tempfile::tempdir().unwrap();
    let key = dev_signing_key();
    let built = publish::build(
        "umbria",
        source_services(),
        dir.path(),
        &key,
        directory::now(),
    )
    .unwrap();
    let rebuilt = std::fs::read_to_string(dir.path().join(&built.manifest.snapshot.url)).unwrap();
    let rebuilt = snapshot_services(&rebuilt);
    let bundled = snapshot_services(UMBRIA_SNAPSHOT);
    let differ: Vec<&str> = rebuilt
        .iter()
        .zip(&bundled)
        .filter(|(a, b)| a != b)
        .map(|(a, _)| a["id"].as_str().unwrap_or("?"))
        .collect();
    assert!(
        rebuilt.len() == bundled.len() && differ.is_empty(),
        "data/umbria/feed is stale ({} services in the source, {} bundled; differing: {differ:?}): \
         run `cargo xtask bundle-feed`",
        rebuilt.len(),
        bundled.len()
    );
    assert!(manifest().version >= 1);
}

fn imported() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    assert!(bundled::import_bundled(&mut store).unwrap());
    store
}

fn locations(service: &Value) -> Vec<&Value> {
    service["service_at_locations"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|at| &at["location"])
        .collect()
}

#[test]
fn every_service_shows_its_sources_and_every_location_its_precision() {
    let store = imported();
    let records = store.records().unwrap();
    assert_eq!(records.len(), source_services().len());
    for (_, record) in records {
        let service: Value = serde_json::from_str(&record).unwrap();
        let id = service["id"].as_str().unwrap();
        let sources = service["sources"].as_array().map(Vec::as_slice);
        assert!(
            sources.is_some_and(|s| !s.is_empty()
                && s.iter().all(|u| u
                    .as_str()
                    .is_some_and(|u| u.starts_with("https://") || u.starts_with("http://")))),
            "{id} names no source"
        );
        if let Some(date) = service["assured_date"].as_str() {
            assert!(
                chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok(),
                "{id}: assured_date {date} is not a date"
            );
        }
        for location in locations(&service) {
            assert!(
                matches!(
                    location["geo_precision"].as_str(),
                    Some("building" | "street" | "comune")
                ),
                "{id}: a location without its precision"
            );
        }
    }

    // A location known only to its comune is shown as approximate.
    let query = SearchQuery {
        place: Some(Place::Comune("Perugia".into())),
        limit: 500,
        ..SearchQuery::default()
    };
    let hits = store.search(&query, directory::now()).unwrap();
    assert_eq!(hits.len(), source_services().len());
    let mut approximate = 0;
    for hit in hits {
        let (_, service) = store.service_record(&hit.id.0).unwrap();
        let located = locations(&service);
        if !located.is_empty() && located.iter().all(|l| l["geo_precision"] == "comune") {
            assert!(hit.approximate, "{} is only known to its comune", hit.id);
            approximate += 1;
        }
    }
    assert!(approximate > 0);
}

#[test]
fn searching_near_the_main_comuni_finds_the_offices_the_sources_name_there() {
    let store = imported();
    let services = source_services();
    for comune in [
        "Perugia",
        "Terni",
        "Foligno",
        "Città di Castello",
        "Orvieto",
        "Spoleto",
    ] {
        let there: BTreeSet<&str> = services
            .iter()
            .filter(|s| {
                locations(s)
                    .iter()
                    .any(|l| l["addresses"][0]["city"] == comune)
            })
            .map(|s| s["id"].as_str().unwrap())
            .collect();
        assert!(!there.is_empty(), "the sources name no office in {comune}");
        let query = SearchQuery {
            place: Some(Place::Comune(comune.into())),
            radius_km: Some(15.0),
            limit: 500,
            ..SearchQuery::default()
        };
        let hits = store.search(&query, directory::now()).unwrap();
        assert!(!hits.is_empty(), "nothing near {comune}");
        let found: BTreeSet<&str> = hits.iter().map(|h| h.id.0.as_str()).collect();
        let missing: Vec<_> = there.difference(&found).collect();
        assert!(missing.is_empty(), "near {comune}, not found: {missing:?}");
        for hit in hits.iter().filter(|h| there.contains(h.id.0.as_str())) {
            assert_eq!(hit.city.as_deref(), Some(comune), "{}", hit.id);
            assert!(hit.distance_m.is_some_and(|d| d.0 <= 15_000.0));
        }
    }
}

/// The 92 comuni of Umbria, from the gazetteer the app carries.
fn umbrian_comuni() -> Vec<String> {
    let text = std::fs::read_to_string(data().join("comuni-umbria.json")).unwrap();
    let comuni: Vec<Value> = serde_json::from_str(&text).unwrap();
    comuni
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn every_comune_of_umbria_has_a_service_of_its_own() {
    let store = imported();
    let comuni = umbrian_comuni();
    assert_eq!(comuni.len(), 92);
    let records = store.records().unwrap();
    let served: BTreeSet<String> = records
        .iter()
        .flat_map(|(_, record)| {
            let service: Value = serde_json::from_str(record).unwrap();
            locations(&service)
                .iter()
                .filter_map(|l| l["addresses"][0]["city"].as_str().map(str::to_owned))
                .collect::<Vec<_>>()
        })
        .collect();
    let unserved: Vec<&String> = comuni.iter().filter(|c| !served.contains(*c)).collect();
    assert!(unserved.is_empty(), "no service in {unserved:?}");
    // Its own town hall is the nearest answer for what the comune does.
    let query = SearchQuery {
        text: Some("anagrafe".into()),
        place: Some(Place::Comune("Preci".into())),
        ..SearchQuery::default()
    };
    let hits = store.search(&query, directory::now()).unwrap();
    assert_eq!(hits[0].name, "Comune di Preci");
    assert!(
        hits[0].approximate,
        "placed at the comune's centre, and said so"
    );
}

/// What the editors wrote for each other: words of their notes that must never reach a screen
/// (in any case), and the project codes they used (as written).
const EDITORS_WORDS: &[&str] = &["fonte", "fonti", "non nella", "verificare"];
const EDITORS_CODES: &[&str] = &["I.R.I.S", "FAMI"];

#[test]
fn no_editors_note_reaches_a_person_and_every_fact_is_dated() {
    for service in snapshot_services(UMBRIA_SNAPSHOT) {
        let id = service["id"].as_str().unwrap();
        assert!(
            service.get("editor_notes").is_none(),
            "{id} ships its notes"
        );
        // The name and the description, in Italian and in every translation.
        let mut texts: Vec<&str> = ["name", "description"]
            .iter()
            .filter_map(|f| service[*f].as_str())
            .collect();
        for translation in service["translations"].as_object().into_iter().flatten() {
            texts.extend(
                ["name", "description"]
                    .iter()
                    .filter_map(|f| translation.1[*f].as_str()),
            );
        }
        for text in texts {
            let lower = text.to_lowercase();
            let words = EDITORS_WORDS.iter().filter(|w| lower.contains(*w));
            let mut found = words.chain(EDITORS_CODES.iter().filter(|c| text.contains(*c)));
            if let Some(word) = found.next() {
                panic!("{id}: a text reads like an editor's note ({word}): {text}");
            }
        }
        // A published e-mail is an office's, never a person's ("nome.cognome@").
        for field in ["email", "certified_email"] {
            if let Some(mail) = service[field].as_str() {
                let local = mail.split('@').next().unwrap_or_default();
                let personal = local.split('.').count() == 2
                    && ![
                        "servizi.demografici",
                        "ufficio.anagrafe",
                        "comune",
                        "protocollo",
                    ]
                    .iter()
                    .any(|office| local.starts_with(office));
                assert!(!personal, "{id}: {field} {mail} looks like a person's");
            }
        }
        assert!(
            service["assured_date"].as_str().is_some(),
            "{id} does not say when it was checked"
        );
    }
}

#[test]
fn every_text_is_in_every_language_and_says_it_is_the_projects_translation() {
    let languages = &directory::taxonomy::LOCALES[1..];
    let mut missing = Vec::new();
    for service in snapshot_services(UMBRIA_SNAPSHOT) {
        let id = service["id"].as_str().unwrap();
        for lang in languages {
            let translation = &service["translations"][lang];
            if service["description"].is_string() && !translation["description"].is_string() {
                missing.push(format!("{id}: description in {lang}"));
            }
            if translation.is_object() && translation["translated_from"] != "it" {
                missing.push(format!(
                    "{id}: {lang} is not marked as translated from Italian"
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
