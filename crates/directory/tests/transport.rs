//! The HTTP driver's patience, against the shared loopback server: a host that never answers,
//! a body that drips in, a failure that is left to the schedule, and a tampered file that is
//! told apart from a network problem. Each refusal leaves the data exactly as it was.

use bussola_model::SyncFailure;
use directory::feed::FeedKey;
use directory::feed::keys::{SigningKey, generate};
use directory::sync::http::{HttpOptions, HttpSource};
use directory::sync::{Outcome, sync, trust};
use directory::{Store, publish};
use loopback::{Fault, Server};
use serde_json::json;
use std::time::Duration;

fn services(names: &[&str]) -> Vec<serde_json::Value> {
    names
        .iter()
        .map(|name| {
            json!({"id": name, "name": format!("Sportello {name}"), "status": "active",
                   "categories": ["access-point"],
                   "service_at_locations": [{"location": {"latitude": 43.11, "longitude": 12.39}}]})
        })
        .collect()
}

/// A signed feed of `names` in a new folder, served on loopback; and its key.
fn published(names: &[&str]) -> (tempfile::TempDir, Server, SigningKey, FeedKey) {
    let dir = tempfile::tempdir().unwrap();
    let (secret, _) = generate().unwrap();
    let key = SigningKey::from_text(&secret, None).unwrap();
    let public = key.public().unwrap();
    publish::build(
        "umbria",
        services(names),
        dir.path(),
        &key,
        directory::now(),
    )
    .unwrap();
    let server = Server::start(dir.path().to_owned());
    (dir, server, key, public)
}

/// A device that synced version 1 (service "a") of a feed that has since published version 2
/// (services "a" and "b", with a delta from 1).
fn one_version_behind() -> (tempfile::TempDir, Server, FeedKey, Store) {
    let (dir, server, key, public) = published(&["a"]);
    let mut store = Store::open_in_memory().unwrap();
    sync_over_http(&mut store, &server, &public, patient_for(30)).unwrap();
    publish::build(
        "umbria",
        services(&["a", "b"]),
        dir.path(),
        &key,
        directory::now(),
    )
    .unwrap();
    (dir, server, public, store)
}

fn patient_for(seconds: u64) -> HttpOptions {
    HttpOptions {
        connect_timeout: Duration::from_secs(5),
        request_timeout: Duration::from_secs(seconds),
        deadline: Duration::from_secs(60),
    }
}

fn sync_over_http(
    store: &mut Store,
    server: &Server,
    key: &FeedKey,
    options: HttpOptions,
) -> directory::Result<Outcome> {
    let mut source = HttpSource::new(server.url(), options).unwrap();
    sync(
        store,
        &mut source,
        &trust(vec![key.clone()]),
        directory::now(),
        &mut |_| {},
    )
}

/// Every service id, to compare the data before and after a refusal.
fn ids(store: &Store) -> Vec<String> {
    let mut ids: Vec<String> = store
        .records()
        .unwrap()
        .into_iter()
        .map(|(_, record)| {
            serde_json::from_str::<serde_json::Value>(&record).unwrap()["id"].to_string()
        })
        .collect();
    ids.sort();
    ids
}

#[test]
fn the_default_patience_gives_up_within_a_minute_and_a_half() {
    let defaults = HttpOptions::default();
    assert!(defaults.request_timeout <= Duration::from_secs(30));
    assert!(defaults.deadline <= Duration::from_secs(90));
}

#[test]
fn a_host_that_accepts_and_never_answers_is_unreachable_after_the_request_timeout() {
    let (_dir, server, public, mut store) = one_version_behind();
    let before = ids(&store);

    server.fail("manifest.json", Fault::Silent);
    let error = sync_over_http(&mut store, &server, &public, patient_for(1)).unwrap_err();
    assert_eq!(error.sync_failure(), SyncFailure::Unreachable, "{error}");
    assert!(error.to_string().contains("no answer"), "{error}");
    assert_eq!(ids(&store), before);
    let feed = &store.feeds().unwrap()[0];
    assert_eq!(feed.last_error_kind, Some(SyncFailure::Unreachable));

    // The whole sync's deadline bounds every request in it, however patient each one is.
    server.fail("manifest.json", Fault::Silent);
    let options = HttpOptions {
        deadline: Duration::from_secs(1),
        ..patient_for(30)
    };
    let error = sync_over_http(&mut store, &server, &public, options).unwrap_err();
    assert!(
        error.to_string().contains("within the 1 s a sync may take"),
        "{error}"
    );
    assert_eq!(ids(&store), before);
}

#[test]
fn a_body_that_drips_in_too_slowly_to_finish_in_time_is_cut_and_said_to_be_too_slow() {
    let (_dir, server, _key, public) = published(&["a", "b", "c"]);
    server.fail(
        "snapshot-1.json",
        Fault::Drip {
            every: Duration::from_millis(50),
        },
    );
    let mut store = Store::open_in_memory().unwrap();
    let error = sync_over_http(&mut store, &server, &public, patient_for(1)).unwrap_err();
    assert_eq!(error.sync_failure(), SyncFailure::TooSlow, "{error}");
    assert!(error.to_string().contains("too slowly"), "{error}");
    assert_eq!(store.service_count().unwrap(), 0);
}

#[test]
fn a_failed_sync_is_not_retried_within_one_press_and_the_next_one_succeeds() {
    let (_dir, server, _key, public) = published(&["a"]);
    server.fail("manifest.json", Fault::BusyFor(120));
    let mut store = Store::open_in_memory().unwrap();
    let error = sync_over_http(&mut store, &server, &public, patient_for(30)).unwrap_err();
    assert_eq!(error.sync_failure(), SyncFailure::Unreachable, "{error}");
    assert_eq!(server.log().requests, ["manifest.json"]);
    // The host's wish reaches the app's schedule, which waits at least that long.
    assert_eq!(error.retry_after(), Some(120));
    // The schedule's next try.
    let outcome = sync_over_http(&mut store, &server, &public, patient_for(30)).unwrap();
    assert!(
        matches!(outcome, Outcome::Applied { services: 1, .. }),
        "{outcome:?}"
    );
}

#[test]
fn a_tampered_file_over_http_is_a_mismatch_not_a_network_problem() {
    let (dir, server, public, mut store) = one_version_behind();
    let before = ids(&store);
    let delta = std::fs::read(dir.path().join("delta-1-2.json")).unwrap();
    let tampered = String::from_utf8(delta)
        .unwrap()
        .replace("Sportello b", "Sportello X");
    server.fail("delta-1-2.json", Fault::Replace(tampered.into_bytes()));

    let error = sync_over_http(&mut store, &server, &public, patient_for(30)).unwrap_err();
    assert_eq!(error.sync_failure(), SyncFailure::Mismatch, "{error}");
    assert_eq!(ids(&store), before);
    let feed = &store.feeds().unwrap()[0];
    assert_eq!(feed.last_error_kind, Some(SyncFailure::Mismatch));
    assert!(
        feed.last_error.as_deref().unwrap().contains("sha256"),
        "{feed:?}"
    );
    // The untampered file is applied at the next sync, and the error is gone.
    sync_over_http(&mut store, &server, &public, patient_for(30)).unwrap();
    assert_eq!(store.feeds().unwrap()[0].last_error_kind, None);
    assert_eq!(store.service_count().unwrap(), 2);
}
