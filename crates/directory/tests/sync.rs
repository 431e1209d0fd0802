//! Sync against a real HTTP server on loopback, with faults injected: every bad answer is
//! refused with the old data intact (compared as a dump of the tables), every good one applies.

use directory::Store;
use directory::http::{HttpOptions, HttpSource};
use directory::publish;
use directory::signature::{self, FeedKey, SigningKey};
use directory::sync::{FolderSource, Outcome, Via};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the server does with the next request for a path, once.
#[derive(Debug, Clone)]
enum Fault {
    Status(u16),
    /// A 503 asking to come back after this many seconds.
    BusyFor(u64),
    /// Announces the whole file, sends half, closes.
    Truncate,
    /// Never answers.
    Stall,
    /// Serves these bytes instead of the file.
    Replace(Vec<u8>),
}

#[derive(Debug, Default)]
struct Log {
    requests: Vec<String>,
    /// Each request's headers, lower-cased names.
    headers: Vec<Vec<String>>,
    /// Bytes of each whole exchange (request head + response), for the "one small request" check.
    bytes: Vec<usize>,
}

/// A tiny HTTP/1.1 file server on 127.0.0.1 serving one folder, with ETags, gzip and faults.
struct Server {
    url: String,
    faults: Arc<Mutex<HashMap<String, Vec<Fault>>>>,
    log: Arc<Mutex<Log>>,
}

impl Server {
    fn start(dir: PathBuf) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/feed/", listener.local_addr().unwrap());
        let faults: Arc<Mutex<HashMap<String, Vec<Fault>>>> = Arc::default();
        let log: Arc<Mutex<Log>> = Arc::default();
        let (f, l) = (faults.clone(), log.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (dir, f, l) = (dir.clone(), f.clone(), l.clone());
                std::thread::spawn(move || serve(stream, &dir, &f, &l));
            }
        });
        Server { url, faults, log }
    }

    fn fail(&self, path: &str, fault: Fault) {
        self.faults
            .lock()
            .unwrap()
            .entry(path.to_owned())
            .or_default()
            .push(fault);
    }
}

fn serve(
    mut stream: TcpStream,
    dir: &Path,
    faults: &Mutex<HashMap<String, Vec<Fault>>>,
    log: &Mutex<Log>,
) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut head = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        if line == "\r\n" {
            break;
        }
        head.push(line);
    }
    let request_bytes: usize = head.iter().map(String::len).sum::<usize>() + 2;
    let path = head[0]
        .split(' ')
        .nth(1)
        .unwrap()
        .trim_start_matches("/feed/")
        .to_owned();
    let header = |name: &str| {
        head.iter().find_map(|h| {
            let (k, v) = h.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    };
    let (if_none_match, gzip) = (
        header("if-none-match"),
        header("accept-encoding").is_some_and(|v| v.contains("gzip")),
    );
    {
        let mut log = log.lock().unwrap();
        log.requests.push(path.clone());
        log.headers.push(
            head[1..]
                .iter()
                .map(|h| h.trim().to_ascii_lowercase())
                .collect(),
        );
    }
    let fault = faults.lock().unwrap().get_mut(&path).and_then(|f| {
        if f.is_empty() {
            None
        } else {
            Some(f.remove(0))
        }
    });
    let mut body = std::fs::read(dir.join(&path)).ok();
    let response: Vec<u8> = match fault {
        Some(Fault::Stall) => {
            std::thread::sleep(Duration::from_secs(30));
            return;
        }
        Some(Fault::BusyFor(seconds)) => {
            format!("HTTP/1.1 503 Busy\r\nRetry-After: {seconds}\r\nContent-Length: 0\r\n\r\n")
                .into_bytes()
        }
        Some(Fault::Status(code)) => {
            format!("HTTP/1.1 {code} Trouble\r\nRetry-After: 0\r\nContent-Length: 0\r\n\r\n")
                .into_bytes()
        }
        Some(Fault::Truncate) => {
            let body = body.unwrap();
            let mut r =
                format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n", body.len()).into_bytes();
            r.extend(&body[..body.len() / 2]);
            r
        }
        other => {
            if let Some(Fault::Replace(bytes)) = other {
                body = Some(bytes);
            }
            match body {
                None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_vec(),
                Some(body) => {
                    let etag = format!("\"{}\"", &directory::sync::sha256_hex(&body)[..16]);
                    if if_none_match.as_deref() == Some(etag.as_str()) {
                        format!("HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\n\r\n").into_bytes()
                    } else {
                        let (body, encoding) = if gzip {
                            let mut e = flate2::write::GzEncoder::new(
                                Vec::new(),
                                flate2::Compression::default(),
                            );
                            e.write_all(&body).unwrap();
                            (e.finish().unwrap(), "Content-Encoding: gzip\r\n")
                        } else {
                            (body, "")
                        };
                        let mut r = format!(
                            "HTTP/1.1 200 OK\r\nETag: {etag}\r\n{encoding}Content-Length: {}\r\n\r\n",
                            body.len()
                        )
                        .into_bytes();
                        r.extend(body);
                        r
                    }
                }
            }
        }
    };
    log.lock()
        .unwrap()
        .bytes
        .push(request_bytes + response.len());
    let _ = stream.write_all(&response);
    let _ = stream.flush();
    // Drain so the client sees a clean close.
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = reader.read(&mut [0; 16]);
}

/// A feed folder with its key, built with `bussola-cli feed build`'s code.
struct Feed {
    dir: tempfile::TempDir,
    key: SigningKey,
    public: FeedKey,
}

impl Feed {
    fn new() -> Feed {
        let dir = tempfile::tempdir().unwrap();
        let (secret, _) = signature::generate().unwrap();
        let key_path = dir.path().join("secret.key");
        std::fs::write(&key_path, secret).unwrap();
        let key = SigningKey::load(&key_path, None).unwrap();
        std::fs::remove_file(&key_path).unwrap();
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
        retries: 3,
        first_backoff: Duration::from_millis(10),
        max_backoff: Duration::from_millis(50),
    }
}

fn sync(store: &mut Store, server: &Server, key: &FeedKey) -> directory::Result<Outcome> {
    let mut source = HttpSource::new(&server.url, quick()).unwrap();
    store.sync(&mut source, std::slice::from_ref(key), &mut |_| {})
}

/// Every row of the feed's data tables and its version: what "intact" means.
fn dump(store_path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(store_path).unwrap();
    let mut rows = Vec::new();
    for sql in [
        "SELECT feed || ' ' || version || ' ' || coalesce(manifest_sha256, '') FROM feed",
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

/// Runs a sync expected to fail and checks that nothing of the data moved.
fn refused(device: &mut Device, server: &Server, key: &FeedKey, expected: &str) {
    let before = dump(&device.path);
    let err = sync(&mut device.store, server, key)
        .unwrap_err()
        .to_string();
    assert!(err.contains(expected), "expected \"{expected}\" in: {err}");
    assert_eq!(dump(&device.path), before, "data intact after: {err}");
    let feeds = device.store.feeds().unwrap();
    assert_eq!(
        feeds[0].last_error.as_deref(),
        Some(err.as_str()),
        "error recorded"
    );
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
    assert_eq!(feeds[0].source.as_deref(), Some(server.url.as_str()));
    assert_eq!(device.store.pinned_keys("test").unwrap(), vec![feed.public]);
    assert_eq!(
        server.log.lock().unwrap().requests,
        ["manifest.json", "manifest.json.minisig", "snapshot-1.json"]
    );
}

#[test]
fn an_unchanged_feed_costs_one_small_request_answered_304() {
    let (feed, server, mut device) = synced();
    let before = server.log.lock().unwrap().requests.len();
    // The pinned key suffices from now on.
    let mut source = HttpSource::new(&server.url, quick()).unwrap();
    let outcome = device.store.sync(&mut source, &[], &mut |_| {}).unwrap();
    assert_eq!(
        outcome,
        Outcome::UpToDate {
            feed: "test".into(),
            version: 1
        }
    );
    let log = server.log.lock().unwrap();
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

#[test]
fn a_tampered_manifest_or_a_foreign_key_is_refused() {
    let (feed, server, mut device) = synced();
    feed.publish(&services(4));
    feed.edit_manifest(|m| m["version"] = json!(7), false);
    refused(&mut device, &server, &feed.public, "changed after signing");

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
    refused(&mut device, &server, &feed.public, "older than version 2");
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
    refused(
        &mut device,
        &server,
        &feed.public,
        "does not match the sha256",
    );

    let mut longer = snapshot.clone();
    longer.extend(b"                ");
    server.fail("snapshot-2.json", Fault::Replace(longer));
    refused(&mut device, &server, &feed.public, "larger than");

    // Cut short on every attempt: the retries give up.
    for _ in 0..4 {
        server.fail("snapshot-2.json", Fault::Truncate);
    }
    refused(&mut device, &server, &feed.public, "broke off");
}

#[test]
fn a_stalled_server_meets_the_deadline_and_a_500_is_retried() {
    let (feed, server, mut device) = synced();
    feed.publish(&services(2));
    // Stalls on every attempt: each waits its request timeout until the deadline ends it.
    for _ in 0..4 {
        server.fail("manifest.json", Fault::Stall);
    }
    refused(&mut device, &server, &feed.public, "within 3 s");
    server.faults.lock().unwrap().clear();

    server.fail("manifest.json", Fault::Status(500));
    server.fail("delta-1-2.json", Fault::BusyFor(1));
    let started = std::time::Instant::now();
    let outcome = sync(&mut device.store, &server, &feed.public).unwrap();
    assert!(
        matches!(outcome, Outcome::Applied { version: 2, .. }),
        "{outcome:?}"
    );
    assert!(
        device.store.feeds().unwrap()[0].last_error.is_none(),
        "cleared by success"
    );
    // The backoff here is 10 to 50 ms: only the server's Retry-After explains a second's wait.
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After honoured"
    );
}

#[test]
fn malformed_json_and_invalid_services_are_refused() {
    let (feed, server, mut device) = synced();
    // Signed and hashed correctly, but not a snapshot.
    let mut broken = services(2);
    broken[0]["service_at_locations"][0]["location"]["latitude"] = json!(60.0);
    let write_signed = |name: &str, bytes: &[u8], version: u64| {
        std::fs::write(feed.path().join(name), bytes).unwrap();
        let sha = directory::sync::sha256_hex(bytes);
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
    refused(&mut device, &server, &feed.public, "snapshot-2.json");
    let invalid =
        serde_json::to_vec(&json!({"feed":"test","version":2,"services":broken})).unwrap();
    write_signed("snapshot-2.json", &invalid, 2);
    refused(&mut device, &server, &feed.public, "outside Italy");
}

#[test]
fn a_source_stays_bound_to_its_feed_and_a_folder_syncs_the_same_way() {
    let feed = Feed::new();
    feed.publish(&services(2));
    let mut device = device();
    let mut folder = FolderSource::new(feed.path());
    let outcome = device
        .store
        .sync(&mut folder, std::slice::from_ref(&feed.public), &mut |_| {})
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
    let err = device
        .store
        .sync(&mut folder, std::slice::from_ref(&feed.public), &mut |_| {})
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("delivered the feed \"test\" before"),
        "{err}"
    );
    assert_eq!(dump(&device.path), before);
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
