//! A source that sends far more than it should (a gigabyte where a small file was announced, a
//! gzip bomb, an endless manifest, a gigabyte file in a folder) is cut off at the bound the
//! signed manifest or the engine sets, early and without the app's memory growing with it.
//!
//! Memory is the process's resident set as Linux counts it: its peak is reset through
//! `/proc/self/clear_refs` before each scenario and read from `VmHWM` after, which is why the
//! scenarios run one after another in this binary's single test.

use bussola_model::SyncFailure;
use directory::Store;
use directory::feed::FeedKey;
use directory::feed::keys::{self, SigningKey};
use directory::sync::http::{HttpOptions, HttpSource};
use directory::sync::{FolderSource, Source};
use loopback::{Fault, Server};
use serde_json::json;
use std::path::Path;
use std::time::Duration;

/// A line of /proc/self/status, in bytes.
fn status_bytes(field: &str) -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status
        .lines()
        .find(|l| l.starts_with(field))
        .unwrap_or_else(|| panic!("{field} in /proc/self/status"));
    let kilobytes: usize = line
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap();
    kilobytes * 1024
}

/// How far the resident memory rose above where it was while `work` ran.
fn peak_growth<T>(work: impl FnOnce() -> T) -> (T, usize) {
    // "5" resets the peak (VmHWM) to the current resident size.
    std::fs::write("/proc/self/clear_refs", "5").unwrap();
    let before = status_bytes("VmRSS:");
    let out = work();
    (out, status_bytes("VmHWM:").saturating_sub(before))
}

const GIGABYTE: u64 = 1 << 30;
const MEGABYTE: usize = 1 << 20;

fn quick() -> HttpOptions {
    HttpOptions {
        connect_timeout: Duration::from_secs(5),
        request_timeout: Duration::from_secs(60),
        deadline: Duration::from_secs(120),
    }
}

/// A small signed feed (three services) in `dir`, and its key.
fn publish(dir: &Path) -> FeedKey {
    let (secret, _) = keys::generate().unwrap();
    let key = SigningKey::from_text(&secret, None).unwrap();
    let services = (0..3)
        .map(|i| {
            json!({"id": format!("s-{i}"), "name": format!("Sportello {i}"), "status": "active",
                   "categories": ["permits"],
                   "service_at_locations": [{"location": {"latitude": 43.11, "longitude": 12.39}}]})
        })
        .collect();
    directory::publish::build(
        "umbria",
        services,
        &dir.join("feed"),
        &key,
        chrono::Utc::now(),
    )
    .unwrap();
    key.public().unwrap()
}

fn snapshot_name(feed: &Path) -> String {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(feed.join("manifest.json")).unwrap()).unwrap();
    manifest["snapshot"]["url"].as_str().unwrap().to_owned()
}

#[test]
fn a_gigabyte_is_cut_off_early_without_memory_growth() {
    let dir = tempfile::tempdir().unwrap();
    let key = publish(dir.path());
    let feed = dir.path().join("feed");
    let snapshot = snapshot_name(&feed);
    let announced = std::fs::metadata(feed.join(&snapshot)).unwrap().len();

    let mut store = Store::open(&dir.path().join("bussola.db")).unwrap();
    let trust = directory::sync::trust(vec![key]);
    // Every refusal here is a file larger than allowed, and its kind says which: a file the
    // signed manifest names that comes larger than it says was altered on the way (Mismatch);
    // a manifest past the engine's own cap is too large.
    let mut refused = |source: &mut dyn Source, kind: SyncFailure| {
        let (result, growth) = peak_growth(|| {
            directory::sync::sync(&mut store, source, &trust, directory::now(), &mut |_| {})
        });
        let error = result.unwrap_err();
        assert_eq!(error.sync_failure(), kind, "{error}");
        (error.to_string(), growth)
    };
    // Serves the feed, except that the one request for `flooded` gets `flood`; says how many
    // bytes of the flood went out (before compression) by the time the client hung up.
    let mut try_sync = |flooded: &str, flood: Fault| {
        let server = Server::start_at(&feed, "/");
        server.fail(flooded, flood);
        let mut source = HttpSource::new(server.url(), quick()).unwrap();
        let kind = match flooded {
            "manifest.json" => SyncFailure::TooLarge,
            _ => SyncFailure::Mismatch,
        };
        let (error, growth) = refused(&mut source, kind);
        (error, growth, server.flooded())
    };

    // The signed manifest announces a snapshot of a few kilobytes; the server sends a gigabyte
    // of spaces, its length announced.
    let (error, growth, sent) = try_sync(&snapshot, Fault::Flood(GIGABYTE));
    assert!(growth < 8 * MEGABYTE, "memory grew by {growth} bytes");
    assert!(
        error.contains(&format!("larger than the {announced} bytes")),
        "{error}"
    );
    assert!(
        sent < 64 * MEGABYTE as u64,
        "{sent} bytes went out before the cut"
    );

    // A gigabyte of zeros as a gzip bomb (a few megabytes on the wire): counted after
    // decompression.
    let (error, growth, sent) = try_sync(&snapshot, Fault::GzipFlood(GIGABYTE));
    assert!(error.contains("larger than"), "{error}");
    assert!(growth < 8 * MEGABYTE, "memory grew by {growth} bytes");
    assert!(
        sent < 256 * MEGABYTE as u64,
        "{sent} bytes were compressed before the cut"
    );

    // An endless manifest, which nothing signed bounds: the engine's own cap.
    for flood in [Fault::Flood(GIGABYTE), Fault::GzipFlood(GIGABYTE)] {
        let (error, growth, _) = try_sync("manifest.json", flood);
        assert!(error.contains("larger than the 262144 bytes"), "{error}");
        assert!(growth < 8 * MEGABYTE, "memory grew by {growth} bytes");
    }

    // A folder (a USB stick) whose snapshot is a gigabyte file: read up to the announced size.
    std::fs::File::create(feed.join(&snapshot))
        .unwrap()
        .set_len(GIGABYTE)
        .unwrap();
    let mut folder = FolderSource::new(&feed);
    let (error, growth) = refused(&mut folder, SyncFailure::Mismatch);
    assert!(error.contains("larger than"), "{error}");
    assert!(growth < 8 * MEGABYTE, "memory grew by {growth} bytes");

    // Nothing was applied by any of them.
    assert_eq!(store.service_count().unwrap(), 0);
}
