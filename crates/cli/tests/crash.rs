//! Crash safety: a `bussola-cli sync` applying a 100k-service snapshot is killed with SIGKILL at
//! many points; after every kill the database passes `PRAGMA integrity_check` and holds exactly
//! the old version or the new one, never a mix.

use directory::Store;
use directory::feed::keys::{self, SigningKey};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const SERVICES: usize = 100_000;
const KILLS: usize = 8;

/// Builds version 1 and 2 of a synthetic feed into two folders (2 offers no delta from 1, so
/// the sync replaces everything).
fn feeds(dir: &Path) -> (String, std::path::PathBuf, std::path::PathBuf) {
    let (secret, public) = keys::generate().unwrap();
    std::fs::write(dir.join("k.pub"), public).unwrap();
    let key = SigningKey::from_text(&secret, None).unwrap();
    let v1 = dir.join("v1");
    let v2 = dir.join("v2");
    let now = chrono::Utc::now();
    directory::publish::build("italia", synthetic::services(1, SERVICES), &v1, &key, now).unwrap();
    // Version 2 is built on top of version 1, then its deltas are withdrawn.
    std::fs::create_dir_all(&v2).unwrap();
    for name in ["manifest.json", "manifest.json.minisig", "snapshot-1.json"] {
        std::fs::copy(v1.join(name), v2.join(name)).unwrap();
    }
    let built =
        directory::publish::build("italia", synthetic::services(2, SERVICES), &v2, &key, now)
            .unwrap();
    assert_eq!(built.manifest.version, 2);
    let mut manifest = built.manifest;
    manifest.deltas.clear();
    let bytes = serde_json::to_vec_pretty(&manifest).unwrap();
    std::fs::write(v2.join("manifest.json"), &bytes).unwrap();
    std::fs::write(
        v2.join("manifest.json.minisig"),
        key.sign(&bytes, "v2").unwrap(),
    )
    .unwrap();
    (dir.join("k.pub").display().to_string(), v1, v2)
}

fn sync(db: &Path, feed: &Path, pubkey: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_bussola-cli"));
    command
        .args([
            "--db",
            db.to_str().unwrap(),
            "sync",
            "--feed",
            feed.to_str().unwrap(),
        ])
        .args(["--pubkey", pubkey])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// The version the file holds, after checking it is whole and consistent with that version.
fn check(db: &Path, first_names: &[String; 2]) -> u64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    drop(conn);
    let store = Store::open(db).unwrap();
    let italia = store
        .feeds()
        .unwrap()
        .into_iter()
        .find(|f| f.feed.0 == "italia")
        .expect("the old version at least");
    assert_eq!(italia.services, SERVICES as u64);
    let version = italia.version.0;
    assert!(version == 1 || version == 2, "{version}");
    let (_, record) = store.service_record("syn-0").unwrap();
    assert_eq!(
        record["name"],
        first_names[version as usize - 1],
        "v{version}"
    );
    version
}

#[test]
fn a_sync_killed_at_any_moment_leaves_the_old_version_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (pubkey, v1, v2) = feeds(d);
    let first_names = [1, 2].map(|seed| {
        synthetic::services(seed, 1)[0]["name"]
            .as_str()
            .unwrap()
            .to_owned()
    });

    // The device at version 1, kept as the starting point of every run.
    let base = d.join("base.db");
    assert!(sync(&base, &v1, &pubkey).status().unwrap().success());
    assert_eq!(check(&base, &first_names), 1);

    // One whole run, to know how long applying version 2 takes.
    let whole = d.join("whole.db");
    std::fs::copy(&base, &whole).unwrap();
    let started = Instant::now();
    assert!(sync(&whole, &v2, &pubkey).status().unwrap().success());
    let span = started.elapsed();
    assert_eq!(check(&whole, &first_names), 2);

    let mut rng = synthetic::Rng::new(20_261_122);
    let mut seen = [0; 3];
    for run in 0..KILLS {
        let db = d.join(format!("run-{run}.db"));
        std::fs::copy(&base, &db).unwrap();
        // Spread over the whole span, a little past it too.
        let at = span.mul_f64((run as f64 + rng.below(1000) as f64 / 1000.0) / KILLS as f64 * 1.1);
        let mut child = sync(&db, &v2, &pubkey).spawn().unwrap();
        std::thread::sleep(at);
        let _ = child.kill();
        let _ = child.wait();
        let version = check(&db, &first_names);
        eprintln!(
            "run {run}: killed after {} ms of {} ms: version {version}",
            at.as_millis(),
            span.as_millis()
        );
        seen[version as usize] += 1;
        std::fs::remove_file(&db).unwrap();
        let _ = std::fs::remove_file(d.join(format!("run-{run}.db-wal")));
        let _ = std::fs::remove_file(d.join(format!("run-{run}.db-shm")));
    }
    assert!(seen[1] > 0, "some kills land before the commit: {seen:?}");
}
