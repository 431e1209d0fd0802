//! Sync against a real HTTP server on loopback, with faults injected: every bad answer is
//! refused with the old data intact (compared as a dump of the tables), every good one applies.

use bussola_model::SyncFailure;
use directory::Store;
use directory::feed::FeedKey;
use directory::feed::contract::sha256_hex;
use directory::feed::keys::{self, SigningKey};
use directory::publish;
use directory::sync::http::{HttpOptions, HttpSource};
use directory::sync::{FolderSource, Outcome, Via};
use loopback::{Fault, Server};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A feed folder with its key, built with `bussola-cli feed build`'s code.
struct Feed {
    dir: tempfile::TempDir,
    key: SigningKey,
    public: FeedKey,
}

impl Feed {
    fn new() -> Feed {
        let dir = tempfile::tempdir().unwrap();
        let (secret, _) = keys::generate().unwrap();
        let key = SigningKey::from_text(&secret, None).unwrap();
        let public = key.public().unwrap();
        std::fs::create_dir(dir.path().join("feed")).unwrap();
        Feed { dir, key, public }
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("feed")
    }

    fn publish(&self, services: &[Value]) -> u64 {
        publish::build(
            "test",
            services.to_vec(),
            &self.path(),
            &self.key,
            chrono::Utc::now(),
        )
        .unwrap()
        .manifest
        .version
    }

    /// Rewrites the manifest (and re-signs it unless told not to) after `change`.
    fn edit_manifest(&self, change: impl FnOnce(&mut Value), sign: bool) {
        let path = self.path().join("manifest.json");
        let mut manifest: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        change(&mut manifest);
        let bytes = serde_json::to_vec_pretty(&manifest).unwrap();
        std::fs::write(&path, &bytes).unwrap();
        if sign {
            let signature = self.key.sign(&bytes, "edited").unwrap();
            std::fs::write(self.path().join("manifest.json.minisig"), signature).unwrap();
        }
    }
}

fn service(id: &str, name: &str) -> Value {
    json!({"id": id, "name": name, "status": "active", "categories": ["permits"],
           "service_at_locations": [{"location": {"latitude": 43.11, "longitude": 12.39},
                                     "opening_hours": "Mo-Fr 09:00-12:00"}]})
}

fn services(n: usize) -> Vec<Value> {
    (0..n)
        .map(|i| service(&format!("s-{i}"), &format!("Sportello {i}")))
        .collect()
}

fn quick() -> HttpOptions {
    HttpOptions {
        connect_timeout: Duration::from_secs(2),
        request_timeout: Duration::from_secs(2),
        deadline: Duration::from_secs(3),
    }
}

/// One sync of `server`'s feed, trusting `keys` for a feed new to the device.
fn sync_with(store: &mut Store, server: &Server, keys: Vec<FeedKey>) -> directory::Result<Outcome> {
    let mut source = HttpSource::new(server.url(), quick()).unwrap();
    let trust = directory::sync::trust(keys);
    directory::sync::sync(store, &mut source, &trust, directory::now(), &mut |_| {})
}

fn sync(store: &mut Store, server: &Server, key: &FeedKey) -> directory::Result<Outcome> {
    sync_with(store, server, vec![key.clone()])
}

/// Every row of the feed's data tables and its version: what "intact" means.
fn dump(store_path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(store_path).unwrap();
    let mut rows = Vec::new();
    for sql in [
        "SELECT feed || ' ' || version || ' ' || coalesce(manifest_sha256, '') || ' '
                || coalesce(notices, '') FROM feed",
        "SELECT id || ' ' || feed || ' ' || service_id || ' ' || name || ' ' || hex(record) FROM service",
        "SELECT id || ' ' || service || ' ' || lat || ' ' || lon FROM location",
        "SELECT service || ' ' || lang || ' ' || name FROM service_name",
        "SELECT count(*) FROM location_box",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        rows.extend(
            stmt.query_map([], |r| {
                r.get::<_, String>(0)
                    .or_else(|_| Ok(r.get::<_, i64>(0)?.to_string()))
            })
            .unwrap()
            .map(Result::unwrap),
        );
    }
    rows
}

struct Device {
    _dir: tempfile::TempDir,
    path: PathBuf,
    store: Store,
}

fn device() -> Device {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bussola.db");
    let store = Store::open(&path).unwrap();
    Device {
        _dir: dir,
        path,
        store,
    }
}

/// A device holding version 1 (three services) of a feed served over HTTP.
fn synced() -> (Feed, Server, Device) {
    let feed = Feed::new();
    feed.publish(&services(3));
    let server = Server::start(feed.path());
    let mut device = device();
    sync(&mut device.store, &server, &feed.public).unwrap();
    (feed, server, device)
}

/// Runs a sync expected to fail with `kind`, its message saying `expected`, and checks that
/// nothing of the data moved and that the error and its kind were recorded.
fn refused(
    device: &mut Device,
    server: &Server,
    key: &FeedKey,
    expected: &str,
    kind: SyncFailure,
) -> directory::Error {
    let before = dump(&device.path);
    let error = sync(&mut device.store, server, key).unwrap_err();
    let err = error.to_string();
    assert!(err.contains(expected), "expected \"{expected}\" in: {err}");
    assert_eq!(error.sync_failure(), kind, "{err}");
    assert_eq!(dump(&device.path), before, "data intact after: {err}");
    let feeds = device.store.feeds().unwrap();
    assert_eq!(
        feeds[0].last_error.as_deref(),
        Some(err.as_str()),
        "error recorded"
    );
    assert_eq!(feeds[0].last_error_kind, Some(kind), "kind recorded: {err}");
    assert!(feeds[0].last_error_at.is_some(), "{err}");
    error
}

#[test]
fn a_first_sync_applies_the_snapshot_and_pins_the_key() {
    let (feed, server, device) = synced();
    let feeds = device.store.feeds().unwrap();
    assert_eq!(
        (
            feeds[0].feed.0.as_str(),
            feeds[0].version.0,
            feeds[0].services
        ),
        ("test", 1, 3)
    );
    assert!(feeds[0].expires_at.is_some() && !feeds[0].expired);
    assert_eq!(feeds[0].source.as_deref(), Some(server.url()));
    assert_eq!(device.store.pinned_keys("test").unwrap(), vec![feed.public]);
    assert_eq!(
        server.log().requests,
        ["manifest.json", "manifest.json.minisig", "snapshot-1.json"]
    );
}

#[test]
fn an_unchanged_feed_costs_one_small_request_answered_304() {
    let (feed, server, mut device) = synced();
    let before = server.log().requests.len();
    // The pinned key suffices from now on.
    let outcome = sync_with(&mut device.store, &server, Vec::new()).unwrap();
    assert_eq!(
        outcome,
        Outcome::UpToDate {
            feed: "test".into(),
            version: 1
        }
    );
    let log = server.log();
    assert_eq!(log.requests[before..], ["manifest.json"]);
    let exchange = *log.bytes.last().unwrap();
    assert!(exchange < 1024, "{exchange} bytes");
    // Every device asks the same question: a generic agent, no cookie, nothing about itself.
    for headers in &log.headers {
        let names: Vec<&str> = headers.iter().filter_map(|h| h.split(':').next()).collect();
        assert!(
            headers.contains(&"user-agent: bussola".to_owned()),
            "{headers:?}"
        );
        for h in &names {
            assert!(
                [
                    "host",
                    "user-agent",
                    "accept",
                    "accept-encoding",
                    "if-none-match"
                ]
                .contains(h),
                "unexpected header {h}"
            );
        }
    }
    drop(feed);
}

#[test]
fn a_new_version_comes_as_a_delta_and_a_wrong_base_falls_back_to_the_snapshot() {
    let (feed, server, mut device) = synced();
    let mut next = services(3);
    next[1] = service("s-1", "Sportello rinnovato");
    next.remove(2);
    next.push(service("s-9", "Sportello nuovo"));
    feed.publish(&next);
    let outcome = sync(&mut device.store, &server, &feed.public).unwrap();
    assert!(
        matches!(
            outcome,
            Outcome::Applied {
                by: Via::Delta,
                version: 2,
                services: 3,
                ..
            }
        ),
        "{outcome:?}"
    );
    let (_, record) = device.store.service_record("s-1").unwrap();
    assert_eq!(record["name"], "Sportello rinnovato");
    assert!(device.store.service_record("s-2").is_err());

    // Versions 3 and 4 appear; the delta from 2 is withdrawn: the device takes the snapshot.
    feed.publish(&services(5));
    feed.publish(&services(6));
    feed.edit_manifest(
        |m| {
            m["deltas"]
                .as_array_mut()
                .unwrap()
                .retain(|d| d["from"] != 2)
        },
        true,
    );
    let outcome = sync(&mut device.store, &server, &feed.public).unwrap();
    assert!(
        matches!(
            outcome,
            Outcome::Applied {
                by: Via::Snapshot,
                version: 4,
                services: 6,
                ..
            }
        ),
        "{outcome:?}"
    );
}

/// A service of a big feed: records alike in shape, different in their words, as real ones are.
fn varied_service(i: usize) -> Value {
    const TOWNS: [&str; 7] = [
        "Perugia", "Terni", "Foligno", "Spoleto", "Gubbio", "Assisi", "Orvieto",
    ];
    const WHAT: [&str; 5] = ["Sportello", "Centro", "Consultorio", "Scuola", "Ufficio"];
    const HOW: [&str; 4] = [
        "Si riceve su appuntamento telefonico.",
        "Accesso libero negli orari di apertura.",
        "Portare un documento e il permesso di soggiorno.",
        "Mediatori culturali in arabo, inglese e francese.",
    ];
    let category = ["permits", "health", "language", "work"][i % 4];
    json!({
        "id": format!("v-{i}"),
        "name": format!("{} {} n. {}", WHAT[i % 5], TOWNS[i / 7 % 7], i * 31 % 997),
        "status": "active",
        "categories": [category],
        "description": format!("{} {} Telefono 075 {:06}.", HOW[i % 4], HOW[(i / 4) % 4], i * 7919 % 1_000_000),
        "service_at_locations": [{"location": {
            "latitude": 42.6 + (i % 100) as f64 / 200.0,
            "longitude": 12.1 + (i / 100) as f64 / 100.0,
            "address": {"street": format!("Via {} {}", TOWNS[i % 7], i % 120 + 1), "city": TOWNS[i % 7]}
        }}]
    })
}

/// A small feed has no dictionary (too few records to train one); a delta that grows it into
/// a big one brings one with it, and every record, old or new, reads back exactly as
/// delivered, packed as small as a snapshot's would be.
#[test]
fn a_delta_that_grows_a_small_feed_packs_its_records_with_a_new_dictionary() {
    let (feed, server, mut device) = synced();
    let count = |sql: &str| -> i64 {
        let conn = rusqlite::Connection::open(&device.path).unwrap();
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    };
    assert_eq!(
        count("SELECT count(dictionary) FROM feed"),
        0,
        "three records"
    );
    let mut grown = services(3);
    grown.extend((0..2_000).map(varied_service));
    feed.publish(&grown);
    let outcome = sync(&mut device.store, &server, &feed.public).unwrap();
    assert!(
        matches!(
            outcome,
            Outcome::Applied {
                by: Via::Delta,
                services: 2003,
                ..
            }
        ),
        "{outcome:?}"
    );
    assert_eq!(count("SELECT count(dictionary) FROM feed"), 1);
    for wanted in [&grown[0], &grown[1000], &grown[2002]] {
        let (_, record) = device
            .store
            .service_record(wanted["id"].as_str().unwrap())
            .unwrap();
        assert_eq!(&record, wanted);
    }
    // The same services as a first snapshot on another device: about the same size.
    let packed = count("SELECT sum(length(record)) FROM service");
    let mut other = self::device();
    let snapshot = json!({"feed": "test", "version": 1, "services": grown});
    other
        .store
        .import_snapshot(&snapshot.to_string(), "other")
        .unwrap();
    let conn = rusqlite::Connection::open(&other.path).unwrap();
    let as_snapshot: i64 = conn
        .query_row("SELECT sum(length(record)) FROM service", [], |r| r.get(0))
        .unwrap();
    assert!(
        packed * 10 < as_snapshot * 12,
        "{packed} bytes of records after the delta, {as_snapshot} as a snapshot"
    );
}

#[test]
fn a_tampered_manifest_or_a_foreign_key_is_refused() {
    let (feed, server, mut device) = synced();
    feed.publish(&services(4));
    feed.edit_manifest(|m| m["version"] = json!(7), false);
    refused(
        &mut device,
        &server,
        &feed.public,
        "changed after signing",
        SyncFailure::BadSignature,
    );

    // Someone else publishes "test" elsewhere, signed with their own key, and the person is
    // told to trust that key: it cannot take over the feed the pinned key signs.
    let stranger = Feed::new();
    let mut taken = services(1);
    taken[0]["name"] = json!("Sportello falso");
    publish::build(
        "test",
        taken,
        &stranger.path(),
        &stranger.key,
        chrono::Utc::now(),
    )
    .unwrap();
    stranger.publish(&services(1));
    let elsewhere = Server::start(stranger.path());
    let before = dump(&device.path);
    let err = sync(&mut device.store, &elsewhere, &stranger.public).unwrap_err();
    assert!(err.to_string().contains("signed by another key"), "{err}");
    assert_eq!(err.sync_failure(), SyncFailure::UnknownKey, "{err}");
    assert_eq!(dump(&device.path), before);
    drop(server);
}

#[test]
fn an_older_version_replayed_is_refused() {
    let (feed, server, mut device) = synced();
    let old_manifest = std::fs::read(feed.path().join("manifest.json")).unwrap();
    let old_signature = std::fs::read(feed.path().join("manifest.json.minisig")).unwrap();
    feed.publish(&services(4));
    sync(&mut device.store, &server, &feed.public).unwrap();
    std::fs::write(feed.path().join("manifest.json"), old_manifest).unwrap();
    std::fs::write(feed.path().join("manifest.json.minisig"), old_signature).unwrap();
    refused(
        &mut device,
        &server,
        &feed.public,
        "older than version 2",
        SyncFailure::OlderVersion,
    );
}

#[test]
fn files_that_do_not_match_the_signed_manifest_are_refused() {
    let (feed, server, mut device) = synced();
    feed.publish(&services(2));
    feed.edit_manifest(|m| m["deltas"] = json!([]), true);
    let snapshot = std::fs::read(feed.path().join("snapshot-2.json")).unwrap();
    let mut flipped = snapshot.clone();
    let i = flipped.iter().position(|b| *b == b'S').unwrap();
    flipped[i] = b'Z';
    server.fail("snapshot-2.json", Fault::Replace(flipped));
    // Altered: the data does not match its signature, which is not a network trouble.
    refused(
        &mut device,
        &server,
        &feed.public,
        "does not match the sha256",
        SyncFailure::Mismatch,
    );

    let mut longer = snapshot.clone();
    longer.extend(b"                ");
    server.fail("snapshot-2.json", Fault::Replace(longer));
    refused(
        &mut device,
        &server,
        &feed.public,
        "larger than",
        SyncFailure::Mismatch,
    );

    // Cut short: the connection broke, nothing was applied (the next sync tries again).
    server.fail("snapshot-2.json", Fault::Truncate);
    refused(
        &mut device,
        &server,
        &feed.public,
        "broke off",
        SyncFailure::Unreachable,
    );

    // The file as signed, at last: applied, and the error cleared.
    let outcome = sync(&mut device.store, &server, &feed.public).unwrap();
    assert!(
        matches!(
            outcome,
            Outcome::Applied {
                version: 2,
                services: 2,
                ..
            }
        ),
        "{outcome:?}"
    );
    let feeds = device.store.feeds().unwrap();
    assert_eq!(
        (feeds[0].last_error.as_deref(), feeds[0].last_error_kind),
        (None, None)
    );
}

/// A sync is not retried inside: it fails at once with its kind, the data untouched, and the
/// app's schedule tries again later.
#[test]
fn a_stalled_server_meets_the_deadline_and_a_failed_sync_succeeds_at_the_next() {
    let (feed, server, mut device) = synced();
    feed.publish(&services(2));
    // A manifest that never comes is given up after the request's timeout (2 s): the server
    // holds the connection open, answering nothing, for as long as the client waits.
    server.fail("manifest.json", Fault::Silent);
    let started = Instant::now();
    refused(
        &mut device,
        &server,
        &feed.public,
        "within 2 s",
        SyncFailure::Unreachable,
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );

    // Each answer comes within its request's 2 s, but the three of them would take 3.6 s: the
    // sync's 3 s deadline cuts the third.
    let slow = Duration::from_millis(1200);
    for path in ["manifest.json", "manifest.json.minisig", "delta-1-2.json"] {
        server.fail(path, Fault::Delay(slow));
    }
    let started = Instant::now();
    let cut = refused(
        &mut device,
        &server,
        &feed.public,
        "delta-1-2.json",
        SyncFailure::Unreachable,
    );
    let took = started.elapsed();
    assert!(
        cut.to_string().contains("3 s"),
        "the deadline is named: {cut}"
    );
    assert!(
        took >= Duration::from_millis(2900) && took < Duration::from_secs(4),
        "the deadline ends the sync at 3 s: {took:?}"
    );
    server.clear_faults();

    // A server error, then a busy server asking to come back: each sync fails at once, with no
    // second request and no wait for Retry-After.
    let asked = server.log().requests.len();
    server.fail("manifest.json", Fault::Status(500));
    refused(
        &mut device,
        &server,
        &feed.public,
        "answered 500",
        SyncFailure::Unreachable,
    );
    assert_eq!(
        server.log().requests[asked..],
        ["manifest.json"],
        "the failed manifest is not asked for again"
    );
    let asked = server.log().requests.len();
    server.fail("delta-1-2.json", Fault::BusyFor(5));
    let started = Instant::now();
    let busy = refused(
        &mut device,
        &server,
        &feed.public,
        "answered 503",
        SyncFailure::Unreachable,
    );
    // Kept for the app's schedule, which waits at least that long before its next try.
    assert_eq!(busy.retry_after(), Some(5), "{busy}");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "not retried inside the sync"
    );
    assert_eq!(
        server.log().requests[asked..],
        ["manifest.json", "manifest.json.minisig", "delta-1-2.json"],
        "one request for each file, none again"
    );

    // The next sync succeeds and clears the recorded error.
    let outcome = sync(&mut device.store, &server, &feed.public).unwrap();
    assert!(
        matches!(
            outcome,
            Outcome::Applied {
                version: 2,
                by: Via::Delta,
                ..
            }
        ),
        "{outcome:?}"
    );
    let feeds = device.store.feeds().unwrap();
    assert!(feeds[0].last_error.is_none(), "cleared by success");
    assert_eq!(feeds[0].last_error_kind, None, "cleared by success");
    assert_eq!(feeds[0].last_error_at, None, "cleared by success");
}

#[test]
fn malformed_json_and_invalid_services_are_refused() {
    let (feed, server, mut device) = synced();
    // Signed and hashed correctly, but not a snapshot.
    let mut broken = services(2);
    broken[0]["service_at_locations"][0]["location"]["latitude"] = json!(60.0);
    let write_signed = |name: &str, bytes: &[u8], version: u64| {
        std::fs::write(feed.path().join(name), bytes).unwrap();
        let sha = sha256_hex(bytes);
        feed.edit_manifest(
            |m| {
                m["version"] = json!(version);
                m["deltas"] = json!([]);
                m["snapshot"] = json!({"url": name, "sha256": sha, "bytes": bytes.len()});
            },
            true,
        );
    };
    write_signed("snapshot-2.json", b"{\"feed\": \"test\", \"vers", 2);
    refused(
        &mut device,
        &server,
        &feed.public,
        "snapshot-2.json",
        SyncFailure::Malformed,
    );
    let invalid =
        serde_json::to_vec(&json!({"feed":"test","version":2,"services":broken})).unwrap();
    write_signed("snapshot-2.json", &invalid, 2);
    refused(
        &mut device,
        &server,
        &feed.public,
        "outside Italy",
        SyncFailure::InvalidRecords,
    );
}

#[test]
fn a_source_stays_bound_to_its_feed_and_a_folder_syncs_the_same_way() {
    let feed = Feed::new();
    feed.publish(&services(2));
    let mut device = device();
    let mut folder = FolderSource::new(feed.path());
    let trust = directory::sync::trust(vec![feed.public.clone()]);
    let outcome = directory::sync::sync(
        &mut device.store,
        &mut folder,
        &trust,
        directory::now(),
        &mut |_| {},
    )
    .unwrap();
    assert!(
        matches!(
            outcome,
            Outcome::Applied {
                version: 1,
                services: 2,
                ..
            }
        ),
        "{outcome:?}"
    );

    // The same folder now holds another feed, signed by the same key: refused.
    let other = publish::build(
        "other",
        services(1),
        &feed.dir.path().join("other"),
        &feed.key,
        chrono::Utc::now(),
    )
    .unwrap();
    assert_eq!(other.manifest.feed, "other");
    for name in ["manifest.json", "manifest.json.minisig", "snapshot-1.json"] {
        std::fs::copy(
            feed.dir.path().join("other").join(name),
            feed.path().join(name),
        )
        .unwrap();
    }
    let before = dump(&device.path);
    let err = directory::sync::sync(
        &mut device.store,
        &mut folder,
        &trust,
        directory::now(),
        &mut |_| {},
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("delivered the feed \"test\" before"),
        "{err}"
    );
    assert_eq!(err.sync_failure(), SyncFailure::OtherFeed, "{err}");
    assert_eq!(dump(&device.path), before);
    let feeds = device.store.feeds().unwrap();
    assert_eq!(feeds[0].last_error_kind, Some(SyncFailure::OtherFeed));
}

#[test]
fn an_expired_feed_still_applies_and_says_so() {
    let feed = Feed::new();
    let long_ago = chrono::Utc::now() - chrono::Duration::days(publish::VALID_DAYS + 10);
    publish::build("test", services(2), &feed.path(), &feed.key, long_ago).unwrap();
    let server = Server::start(feed.path());
    let mut device = device();
    let outcome = sync(&mut device.store, &server, &feed.public).unwrap();
    assert!(
        matches!(
            outcome,
            Outcome::Applied {
                expired: true,
                services: 2,
                ..
            }
        ),
        "{outcome:?}"
    );
    assert!(device.store.feeds().unwrap()[0].expired);
}

#[test]
fn closures_alerts_and_the_feeds_notices_arrive_with_a_sync_and_go_with_the_next() {
    let feed = Feed::new();
    let closed = |id: &str, until: Option<&str>| {
        let mut s = service(id, &format!("Sportello {id}"));
        s["status"] = "temporarily closed".into();
        if let Some(until) = until {
            s["closed_until"] = until.into();
        }
        s
    };
    let mut defunct = service("gone", "Sportello chiuso per sempre");
    defunct["status"] = "defunct".into();
    let mut alerted = service("alerted", "Sportello con avviso");
    alerted["alert"] = "Portare la lettera di convocazione.".into();
    alerted["translations"] = json!({"ar": {"alert": "أحضر رسالة الموعد."}});
    let notices = vec![bussola_model::FeedNotice {
        id: "questura-dicembre".into(),
        text: [(
            "it".to_owned(),
            "Questura chiusa dall'8 al 12 dicembre.".to_owned(),
        )]
        .into(),
        until: Some("2099-12-12".into()),
    }];
    publish::build_from(
        "test",
        "test",
        vec![
            closed("until", Some("2099-12-12")),
            closed("open-end", None),
            closed("reopened", Some("2000-01-01")),
            defunct,
            alerted,
        ],
        notices.clone(),
        &feed.path(),
        &feed.key,
        chrono::Utc::now(),
    )
    .unwrap();
    let server = Server::start(feed.path());
    let mut device = device();
    sync(&mut device.store, &server, &feed.public).unwrap();
    assert_eq!(device.store.feeds().unwrap()[0].notices, notices);

    let query = |text: &str, open_now: bool, lang: &str| bussola_model::SearchQuery {
        text: Some(text.into()),
        open: match open_now {
            true => bussola_model::OpenFilter::Now,
            false => bussola_model::OpenFilter::Any,
        },
        display_lang: lang.into(),
        ..Default::default()
    };
    // Tuesday 10:00 in Rome: every sportello's hours say open.
    let tuesday = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+01:00")
        .unwrap()
        .to_utc();
    let hits = device
        .store
        .search(&query("sportello", false, "it"), tuesday)
        .unwrap();
    let notice_of = |id: &str| hits.iter().find(|h| h.id.0 == id).map(|h| h.notice.clone());
    // No longer offered: never shown.
    assert_eq!(notice_of("gone"), None);
    let until = notice_of("until").flatten().unwrap();
    assert!(until.closed);
    assert_eq!(until.closed_until.as_deref(), Some("2099-12-12"));
    assert!(notice_of("open-end").flatten().unwrap().closed);
    // A closure whose last day is past is over.
    assert_eq!(notice_of("reopened").flatten(), None);
    let alert = notice_of("alerted").flatten().unwrap();
    assert_eq!(
        (alert.alert.as_deref(), alert.alert_lang.as_deref()),
        (Some("Portare la lettera di convocazione."), Some("it"))
    );
    let in_arabic = device.store.search(&query("avviso", false, "ar"), tuesday);
    let in_arabic = in_arabic.unwrap()[0].notice.clone().unwrap();
    assert_eq!(in_arabic.alert.as_deref(), Some("أحضر رسالة الموعد."));
    // Open now: the closed ones are out, whatever their hours say.
    let open: Vec<String> = device
        .store
        .search(&query("sportello", true, "it"), tuesday)
        .unwrap()
        .into_iter()
        .map(|h| h.id.0)
        .collect();
    assert!(open.contains(&"reopened".to_owned()) && open.contains(&"alerted".to_owned()));
    assert!(
        !open
            .iter()
            .any(|id| id == "until" || id == "open-end" || id == "gone")
    );
    // The page says so too, and the hours stay shown but not as open.
    let detail = device
        .store
        .service_detail("test", "until", "it", tuesday)
        .unwrap();
    assert!(detail.closed && !detail.withdrawn);
    assert_eq!(
        detail.locations[0].hours.as_ref().unwrap().state,
        bussola_model::OpenState::Closed
    );
    assert!(
        device
            .store
            .service_detail("test", "gone", "it", tuesday)
            .unwrap()
            .withdrawn
    );

    // The next version has no notice: the old one goes.
    feed.publish(&services(1));
    sync(&mut device.store, &server, &feed.public).unwrap();
    assert!(device.store.feeds().unwrap()[0].notices.is_empty());
}
