//! A database that cannot be used is moved aside with its bytes intact, the person's data that
//! still reads comes along into a fresh one, and the bundled feed fills it again; "clear my data"
//! leaves no trace of the person's data in the file.

use directory::Store;
use directory::recovery::{check, open_or_recover, open_with_bundled, recover};
use std::path::Path;

/// A store with the bundled feed, two favourites, a note, two settings and a correction, closed.
fn store_with_user_data(path: &Path) {
    let mut store = Store::open(path).unwrap();
    directory::bundled::import_bundled(&mut store).unwrap();
    let ids: Vec<(String, String)> = store
        .records()
        .unwrap()
        .into_iter()
        .take(2)
        .map(|(feed, record)| {
            let value: serde_json::Value = serde_json::from_str(&record).unwrap();
            (feed.0, value["id"].as_str().unwrap().to_owned())
        })
        .collect();
    for (feed, id) in &ids {
        store.add_favourite(feed, id).unwrap();
    }
    store.set_setting("lang", Some("uk")).unwrap();
    store
        .set_setting("place", Some("Foligno-secret-place"))
        .unwrap();
    let correction = bussola_model::NewCorrection {
        feed: bussola_model::FeedId(ids[1].0.clone()),
        service: bussola_model::ServiceId(ids[1].1.clone()),
        field: bussola_model::CorrectionField::Hours,
        proposed: Some("Mo-Fr 09:00-12:00".to_owned()),
        note: Some("seen-on-the-door".to_owned()),
    };
    store.add_correction(&correction, "2026-11-30").unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute(
        "INSERT INTO note (feed, service_id, body, updated_at) VALUES (?1, ?2, 'bring passport', '2026-11-22')",
        (&ids[0].0, &ids[0].1),
    )
    .unwrap();
}

/// Overwrites the file's last 8 pages with noise; the file's bytes afterwards.
/// Breaks the last eight pages of the services' records (SQLite's `dbstat` says which), where
/// the first look at the feed's data goes: the kept signed files, written after them, would
/// otherwise take the damage.
fn break_last_pages(path: &Path) -> Vec<u8> {
    let pages: Vec<i64> = {
        let conn = rusqlite::Connection::open(path).unwrap();
        let mut stmt = conn
            .prepare("SELECT pageno FROM dbstat WHERE name = 'service' ORDER BY pageno")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let mut bytes = std::fs::read(path).unwrap();
    let page = 4096;
    for p in &pages[pages.len() - 8..] {
        let start = (*p as usize - 1) * page;
        bytes[start..start + page].fill(0xA5);
    }
    std::fs::write(path, &bytes).unwrap();
    bytes
}

#[test]
fn a_file_that_is_not_a_database_is_moved_aside_and_a_fresh_store_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bussola.db");
    let garbage = b"this is not SQLite at all, just a damaged download".repeat(200);
    std::fs::write(&path, &garbage).unwrap();

    let (mut store, recovered) = open_or_recover(&path).unwrap();
    let recovered = recovered.expect("the file cannot be used");
    let aside = recovered.moved_to.expect("moved aside");
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        garbage,
        "the bytes are kept"
    );
    assert!(!recovered.user_data_read && recovered.saved.is_none());
    assert!(!recovered.reason.is_empty());

    assert!(directory::bundled::import_bundled(&mut store).unwrap());
    assert_eq!(
        store.service_count().unwrap(),
        directory::bundled::BUNDLED_SERVICES
    );
    assert_eq!(store.path(), path);
    drop(store);
    check(&path).unwrap();
}

#[test]
fn broken_pages_are_found_by_the_check_and_the_persons_data_survives() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bussola.db");
    store_with_user_data(&path);
    check(&path).unwrap();

    // Overwrite the last pages of the feed's records, written by the import after the
    // migrations had created every table (the person's among them) near the start.
    let bytes = break_last_pages(&path);

    let found = check(&path).expect_err("quick_check sees the broken pages");
    assert!(!found.is_empty());

    let (store, recovered) = recover(&path, &found).unwrap();
    assert!(recovered.user_data_read);
    let saved = recovered.saved.expect("the person's tables still read");
    assert_eq!(
        (saved.favourites, saved.notes, saved.settings),
        (2, 1, 2),
        "{saved:?}"
    );
    let exported = std::fs::read_to_string(&saved.file).unwrap();
    assert!(exported.contains("bring passport") && exported.contains("Foligno-secret-place"));
    assert!(exported.contains("seen-on-the-door"), "{exported}");
    assert_eq!(
        std::fs::read(recovered.moved_to.unwrap()).unwrap(),
        bytes,
        "the damaged file keeps its bytes"
    );

    // Restored into the fresh store, and the feed comes back from the bundle.
    assert_eq!(store.favourites().unwrap().len(), 2);
    let corrections = store.corrections().unwrap();
    assert_eq!(corrections.len(), 1, "{corrections:?}");
    assert_eq!(corrections[0].note.as_deref(), Some("seen-on-the-door"));
    assert_eq!(
        corrections[0].proposed.as_deref(),
        Some("Mo-Fr 09:00-12:00")
    );
    assert_eq!(store.setting("lang").unwrap().as_deref(), Some("uk"));
    let mut store = store;
    directory::bundled::import_bundled(&mut store).unwrap();
    assert_eq!(
        store.service_count().unwrap(),
        directory::bundled::BUNDLED_SERVICES
    );
    drop(store);
    check(&path).unwrap();
}

#[test]
fn a_start_that_trips_on_a_broken_page_recovers_instead_of_failing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bussola.db");
    store_with_user_data(&path);
    // Break the last pages: the file opens (its header and schema read), and the first look at
    // the bundled feed's records finds the damage.
    let bytes = break_last_pages(&path);
    // The damage hides from opening and shows at the import (on a copy: it may rewrite pages).
    let copy = dir.path().join("copy.db");
    std::fs::write(&copy, &bytes).unwrap();
    let (mut opened, recovered) = open_or_recover(&copy).unwrap();
    assert!(recovered.is_none(), "the file opens");
    assert!(directory::bundled::import_bundled(&mut opened).is_err());
    drop(opened);

    let (store, recovered) = open_with_bundled(&path).unwrap();
    assert!(recovered.is_some(), "the damage was found and dealt with");
    assert_eq!(
        store.service_count().unwrap(),
        directory::bundled::BUNDLED_SERVICES
    );
    drop(store);
    check(&path).unwrap();
}

#[test]
fn a_database_from_a_newer_app_is_kept_aside_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bussola.db");
    store_with_user_data(&path);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 999")
        .unwrap();

    let (store, recovered) = open_or_recover(&path).unwrap();
    let recovered = recovered.expect("this app cannot use it");
    assert!(recovered.reason.contains("newer"), "{}", recovered.reason);
    let aside = recovered.moved_to.unwrap();
    let version: i64 = rusqlite::Connection::open(&aside)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 999, "the newer app's file is as it left it");
    assert_eq!(store.favourites().unwrap().len(), 2);
}

#[test]
fn clearing_personal_data_forgets_it_and_keeps_the_feed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bussola.db");
    store_with_user_data(&path);
    let store = Store::open(&path).unwrap();
    let (feed, record) = store.records().unwrap().remove(0);
    let service: serde_json::Value = serde_json::from_str(&record).unwrap();
    store
        .add_correction(
            &bussola_model::NewCorrection {
                feed,
                service: bussola_model::ServiceId(service["id"].as_str().unwrap().to_owned()),
                field: bussola_model::CorrectionField::Other,
                proposed: None,
                note: Some("moved-to-secret-street".into()),
            },
            "2026-11-30",
        )
        .unwrap();
    store.clear_personal_data().unwrap();
    assert!(store.favourites().unwrap().is_empty());
    assert!(store.corrections().unwrap().is_empty());
    assert_eq!(store.setting("lang").unwrap(), None);
    assert_eq!(
        store.service_count().unwrap(),
        directory::bundled::BUNDLED_SERVICES
    );
    let notes: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM note", [], |r| r.get(0))
        .unwrap();
    assert_eq!(notes, 0);
    drop(store);

    // Not only unlinked: no copy of what was written is left in the file or its log.
    for file in ["bussola.db", "bussola.db-wal"] {
        if let Ok(bytes) = std::fs::read(dir.path().join(file)) {
            for secret in [
                "Foligno-secret-place",
                "bring passport",
                "moved-to-secret-street",
            ] {
                assert!(
                    !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                    "{file} still holds {secret}"
                );
            }
        }
    }
}
