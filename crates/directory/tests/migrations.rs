//! The store opens files written by earlier versions of Bussola and brings them up to date
//! without losing anything: the feed's records and state, and the person's own data.
//!
//! `fixtures/schema-1.db` is a real file written by schema 1 (commit f7f28e2): `bussola-cli
//! --db schema-1.db info` imported the bundled Umbria feed, then a favourite, a note and a
//! setting were added with sqlite3, as the app would have stored them.
//! `fixtures/schema-1-umbria-snapshot.json` is the snapshot that import delivered (the bundled
//! feed's version 1), kept because the bundled feed has moved on since.

use bussola_model::{FeedId, FeedVersion, Place, SearchQuery};
use directory::Store;

/// The Umbria snapshot the fixture imported.
const DELIVERED: &str = include_str!("fixtures/schema-1-umbria-snapshot.json");

fn copy_of_fixture(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("bussola.db");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema-1.db");
    std::fs::copy(fixture, &path).expect("fixture copied");
    path
}

#[test]
fn a_schema_1_file_is_migrated_with_its_feed_and_the_persons_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_fixture(&dir);
    let store = Store::open(&path).expect("migrated");
    // 0004 added the kind of a feed's last failed sync, 0005 the day each service was checked,
    // 0006 each service's status and the feed's notices, 0007 the files that rebuild a version,
    // 0008 the person's corrections (none yet).
    assert_eq!(store.schema_version().unwrap(), 8);
    assert!(store.corrections().unwrap().is_empty());

    let feeds = store.feeds().unwrap();
    assert_eq!(feeds.len(), 1);
    assert_eq!(feeds[0].feed, FeedId("umbria".into()));
    assert_eq!(feeds[0].version, FeedVersion(1));
    let delivered: serde_json::Value = serde_json::from_str(DELIVERED).unwrap();
    let delivered = delivered["services"].as_array().unwrap().len() as u64;
    assert_eq!(feeds[0].services, delivered);
    // Each record's date, read into its column when it was indexed again.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let dated: i64 = conn
        .query_row("SELECT count(checked) FROM service", [], |r| r.get(0))
        .unwrap();
    assert!(dated > 0 && dated as u64 <= delivered, "{dated}");
    assert_eq!(feeds[0].source.as_deref(), Some("bundled"));
    assert!(feeds[0].last_sync.is_some(), "feed state kept");
    assert_eq!(feeds[0].last_error, None);
    assert_eq!(
        feeds[0].last_error_kind, None,
        "no failure recorded by the migration"
    );

    assert_eq!(
        store.favourites().unwrap(),
        [(FeedId("umbria".into()), "cpia-terni".to_owned())]
    );
    let note: String = conn
        .query_row(
            "SELECT body FROM note WHERE service_id = 'cpia-terni'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(note, "Chiedere di Anna, martedì");
    let setting: String = conn
        .query_row(
            "SELECT value FROM setting WHERE key = 'language'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(setting, "ar");
    let waiting: i64 = conn
        .query_row("SELECT count(*) FROM reindex_pending", [], |r| r.get(0))
        .unwrap();
    assert_eq!(waiting, 0, "every record was indexed again");
}

#[test]
fn migrated_records_are_the_ones_delivered_and_search_finds_them() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&copy_of_fixture(&dir)).expect("migrated");
    let snapshot: serde_json::Value = serde_json::from_str(DELIVERED).unwrap();
    for service in snapshot["services"].as_array().unwrap() {
        let id = service["id"].as_str().unwrap();
        let (_, record) = store.service_record(id).unwrap();
        assert_eq!(&record, service, "{id}");
    }
    let hits = store
        .search(
            &SearchQuery {
                text: Some("permesso".into()),
                place: Some(Place::Comune("terni".into())),
                limit: 5,
                ..SearchQuery::default()
            },
            directory::now(),
        )
        .unwrap();
    assert!(!hits.is_empty());
    assert!(
        hits[0].categories.iter().any(|c| c == "permits"),
        "{:?}",
        hits[0]
    );
    assert!(hits[0].distance_m.unwrap().0 < 5_000.0, "{:?}", hits[0]);
}

#[test]
fn a_file_from_a_newer_bussola_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_fixture(&dir);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(err.to_string().contains("newer Bussola"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
