//! A whole snapshot synced from a folder, as a new device (or one too far behind for a delta)
//! takes it: verify the manifest, read and hash the file, check and parse every record once,
//! write and index them in one transaction. Prints the median time over the runs and the peak
//! resident memory of a run.
//!
//! Each run is a process of its own, so its peak memory is the sync's and not the feed build's.
//! Run with `cargo bench -p bench --bench snapshot_sync`; `BENCH_SERVICES` changes the size
//! (100k by default), `BENCH_RUNS` the runs (5), `BENCH_FEED=dir` keeps the published feed.

use directory::Store;
use directory::feed::FeedKey;
use directory::feed::keys::{SigningKey, generate};
use directory::sync::{FolderSource, Outcome, sync, trust};

/// A line of /proc/self/status, in bytes.
fn status_bytes(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux's /proc");
    let kilobytes: u64 = status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .expect("the field is there");
    kilobytes * 1024
}

/// One run, in a process of its own so that its peak memory is its own: syncs the feed in
/// `feed` into a new database at `db`, prints the seconds it took and the process's peak
/// resident bytes.
fn one_run(feed: &str, db: &str, public: &str) {
    let trust = trust(vec![FeedKey::from_text(public).expect("the key")]);
    let mut store = Store::open(db.as_ref()).expect("a new database");
    let started = std::time::Instant::now();
    let mut source = FolderSource::new(feed);
    let outcome = sync(
        &mut store,
        &mut source,
        &trust,
        directory::now(),
        &mut |_| {},
    )
    .expect("the snapshot applies");
    let seconds = started.elapsed().as_secs_f64();
    assert!(matches!(outcome, Outcome::Applied { .. }), "{outcome:?}");
    println!("{seconds} {}", status_bytes("VmHWM:"));
}

fn main() {
    if let (Ok(feed), Ok(db), Ok(public)) = (
        std::env::var("BENCH_RUN_FEED"),
        std::env::var("BENCH_RUN_DB"),
        std::env::var("BENCH_RUN_KEY"),
    ) {
        return one_run(&feed, &db, &public);
    }
    let n: usize = std::env::var("BENCH_SERVICES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let dir = tempfile::tempdir().expect("a temporary folder");
    // BENCH_FEED keeps the published feed there, for profiling a run by hand.
    let published =
        std::env::var_os("BENCH_FEED").map_or_else(|| dir.path().join("feed"), Into::into);
    let (secret, _) = generate().expect("a key pair");
    let key = SigningKey::from_text(&secret, None).expect("the key");
    let public = key.public().expect("its public half");
    let services = synthetic::services(20_261_122, n);
    directory::publish::build("bench", services, &published, &key, directory::now())
        .expect("published");
    let manifest: directory::feed::contract::Manifest = serde_json::from_slice(
        &std::fs::read(published.join("manifest.json")).expect("the manifest"),
    )
    .expect("a manifest");
    let snapshot_bytes = manifest.snapshot.bytes;
    if std::env::var_os("BENCH_FEED").is_some() {
        // What a run by hand (under a profiler) needs: BENCH_RUN_FEED, _DB and _KEY.
        println!(
            "feed in {} signed by {}",
            published.display(),
            public.base64()
        );
    }

    let mut samples = Vec::new();
    let mut peaks = Vec::new();
    for run in 0..runs {
        let db = dir.path().join(format!("device-{run}.db"));
        let out = std::process::Command::new(std::env::current_exe().expect("this program"))
            .env("BENCH_RUN_FEED", &published)
            .env("BENCH_RUN_DB", &db)
            .env("BENCH_RUN_KEY", public.base64())
            .output()
            .expect("a run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).expect("text");
        let mut figures = text.split_whitespace();
        let seconds: f64 = figures
            .next()
            .and_then(|f| f.parse().ok())
            .expect("seconds");
        let peak: u64 = figures.next().and_then(|f| f.parse().ok()).expect("peak");
        samples.push(seconds);
        peaks.push(peak);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
    }
    samples.sort_by(f64::total_cmp);
    peaks.sort();
    println!(
        "snapshot sync from a folder, {n} services ({:.1} MB): median {:.2} s (min {:.2}, max {:.2}) over {runs} runs",
        snapshot_bytes as f64 / 1e6,
        samples[samples.len() / 2],
        samples[0],
        samples[samples.len() - 1],
    );
    println!(
        "peak resident memory of a run's process: median {:.0} MB (max {:.0} MB)",
        peaks[peaks.len() / 2] as f64 / 1e6,
        peaks[peaks.len() - 1] as f64 / 1e6
    );
}
