//! A source that sends far more than it should (a gigabyte where a small file was announced, a
//! gzip bomb, an endless manifest, a gigabyte file in a folder) is cut off at the bound the
//! signed manifest or the engine sets, early and without the app's memory growing with it.
//!
//! Memory is the process's resident set as Linux counts it: its peak is reset through
//! `/proc/self/clear_refs` before each scenario and read from `VmHWM` after, which is why the
//! scenarios run one after another in this binary's single test.

use directory::Store;
use directory::http::{HttpOptions, HttpSource};
use directory::signature::{self, SigningKey};
use directory::sync::FolderSource;
use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::json;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
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

/// How a flooding server answers the one path it floods.
#[derive(Clone, Copy)]
enum Flood {
    /// A gigabyte of spaces, its length announced.
    Plain,
    /// A gigabyte of zeros, gzip-compressed as it is sent (a few megabytes on the wire).
    Gzip,
}

/// Serves a folder on loopback, except `flooded`, which gets a gigabyte; counts the bytes of the
/// flood actually written before the client hung up.
struct FloodServer {
    url: String,
    sent: Arc<AtomicU64>,
}

impl FloodServer {
    fn start(dir: PathBuf, flooded: &'static str, flood: Flood) -> FloodServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/", listener.local_addr().unwrap());
        let sent = Arc::new(AtomicU64::new(0));
        let counter = sent.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (dir, counter) = (dir.clone(), counter.clone());
                std::thread::spawn(move || answer(stream, &dir, flooded, flood, &counter));
            }
        });
        FloodServer { url, sent }
    }
}

fn answer(mut stream: TcpStream, dir: &Path, flooded: &str, flood: Flood, sent: &AtomicU64) {
    let mut head = Vec::new();
    let mut byte = [0u8];
    while !head.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).unwrap_or(0) == 0 {
            return;
        }
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head);
    let path = head
        .split(' ')
        .nth(1)
        .unwrap_or("/")
        .trim_start_matches('/');
    if path != flooded {
        let body = std::fs::read(dir.join(path)).unwrap_or_default();
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(&body);
        return;
    }
    let chunk = vec![
        if matches!(flood, Flood::Plain) {
            b' '
        } else {
            0
        };
        64 * 1024
    ];
    match flood {
        Flood::Plain => {
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Length: {GIGABYTE}\r\nConnection: close\r\n\r\n"
            );
            for _ in 0..GIGABYTE / chunk.len() as u64 {
                if stream.write_all(&chunk).is_err() {
                    return;
                }
                sent.fetch_add(chunk.len() as u64, Ordering::Relaxed);
            }
        }
        Flood::Gzip => {
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nConnection: close\r\n\r\n"
            );
            let mut gzip = GzEncoder::new(&mut stream, Compression::best());
            for _ in 0..GIGABYTE / chunk.len() as u64 {
                if gzip.write_all(&chunk).is_err() {
                    return;
                }
                // Counted before compression: what the client would have to hold.
                sent.fetch_add(chunk.len() as u64, Ordering::Relaxed);
            }
            let _ = gzip.finish();
        }
    }
}

fn quick() -> HttpOptions {
    HttpOptions {
        connect_timeout: Duration::from_secs(5),
        request_timeout: Duration::from_secs(60),
        deadline: Duration::from_secs(120),
        retries: 0,
        first_backoff: Duration::from_millis(10),
        max_backoff: Duration::from_millis(10),
    }
}

/// A small signed feed (three services) in `dir`, and its key.
fn publish(dir: &Path) -> signature::FeedKey {
    let (secret, _) = signature::generate().unwrap();
    std::fs::write(dir.join("k.key"), secret).unwrap();
    let key = SigningKey::load(&dir.join("k.key"), None).unwrap();
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
    let snapshot: &'static str = Box::leak(snapshot_name(&feed).into_boxed_str());
    let announced = std::fs::metadata(feed.join(snapshot)).unwrap().len();

    let mut store = Store::open(&dir.path().join("bussola.db")).unwrap();
    let mut try_sync = |server: &FloodServer| {
        let mut source = HttpSource::new(&server.url, quick()).unwrap();
        let (result, growth) =
            peak_growth(|| store.sync(&mut source, std::slice::from_ref(&key), &mut |_| {}));
        (
            result.unwrap_err().to_string(),
            growth,
            server.sent.load(Ordering::Relaxed),
        )
    };

    // The signed manifest announces a snapshot of a few kilobytes; the server sends a gigabyte.
    let server = FloodServer::start(feed.clone(), snapshot, Flood::Plain);
    let (error, growth, sent) = try_sync(&server);
    assert!(growth < 8 * MEGABYTE, "memory grew by {growth} bytes");
    assert!(
        error.contains(&format!("larger than the {announced} bytes")),
        "{error}"
    );
    assert!(
        sent < 64 * MEGABYTE as u64,
        "{sent} bytes went out before the cut"
    );

    // The same gigabyte as a gzip bomb: counted after decompression.
    let server = FloodServer::start(feed.clone(), snapshot, Flood::Gzip);
    let (error, growth, sent) = try_sync(&server);
    assert!(error.contains("larger than"), "{error}");
    assert!(growth < 8 * MEGABYTE, "memory grew by {growth} bytes");
    assert!(
        sent < 256 * MEGABYTE as u64,
        "{sent} bytes were compressed before the cut"
    );

    // An endless manifest, which nothing signed bounds: the engine's own cap.
    for flood in [Flood::Plain, Flood::Gzip] {
        let server = FloodServer::start(feed.clone(), "manifest.json", flood);
        let (error, growth, _) = try_sync(&server);
        assert!(error.contains("larger than the 262144 bytes"), "{error}");
        assert!(growth < 8 * MEGABYTE, "memory grew by {growth} bytes");
    }

    // A folder (a USB stick) whose snapshot is a gigabyte file: read up to the announced size.
    std::fs::File::create(feed.join(snapshot))
        .unwrap()
        .set_len(GIGABYTE)
        .unwrap();
    let mut folder = FolderSource::new(&feed);
    let (result, growth) =
        peak_growth(|| store.sync(&mut folder, std::slice::from_ref(&key), &mut |_| {}));
    let error = result.unwrap_err().to_string();
    assert!(error.contains("larger than"), "{error}");
    assert!(growth < 8 * MEGABYTE, "memory grew by {growth} bytes");

    // Nothing was applied by any of them.
    assert_eq!(store.service_count().unwrap(), 0);
}
