//! An editor publishes a feed and a mediator syncs it, with `bussola-cli` alone: from a folder
//! (a USB stick) and from a URL served on loopback by a real HTTP server (the shared
//! `loopback` one).

use loopback::Server;
use serde_json::{Value, json};
use std::path::Path;

mod common;
use common::{cli, ok};

fn service(id: &str, name: &str) -> Value {
    json!({"id": id, "name": name, "status": "active", "categories": ["language"],
           "service_at_locations": [{"location": {"latitude": 45.07, "longitude": 7.69}}]})
}

/// A published feed "piemonte" with its keys, in `dir`.
fn publish(dir: &Path, services: &[Value]) -> String {
    let source = dir.join("services.json");
    std::fs::write(&source, serde_json::to_vec(services).unwrap()).unwrap();
    ok(cli(&[
        "feed",
        "build",
        "--id",
        "piemonte",
        "--source",
        source.to_str().unwrap(),
        "--out",
        dir.join("pub").to_str().unwrap(),
        "--key",
        dir.join("piemonte.key").to_str().unwrap(),
    ]))
}

#[test]
fn an_editor_publishes_and_a_mediator_syncs_from_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let keys = ok(cli(&[
        "feed",
        "keygen",
        "--name",
        "piemonte",
        "--out",
        d.to_str().unwrap(),
    ]));
    assert!(keys.contains("piemonte.pub"), "{keys}");
    let built = publish(d, &[service("cpia-torino", "CPIA 1 Torino")]);
    assert!(built.contains("piemonte version 1"), "{built}");
    let pubkey = d.join("piemonte.pub");
    let checked = ok(cli(&[
        "feed",
        "verify",
        d.join("pub").to_str().unwrap(),
        "--pubkey",
        pubkey.to_str().unwrap(),
    ]));
    assert!(
        checked.contains("signature good") && checked.contains("1 services, all valid"),
        "{checked}"
    );

    let db = d.join("device.db");
    let db = db.to_str().unwrap();
    let folder = d.join("pub");
    let folder = folder.to_str().unwrap();
    // A new feed needs its key once.
    let refused = cli(&["--db", db, "sync", "--feed", folder]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--pubkey"));
    let refused = cli(&["--db", db, "sync", "--feed", folder, "--json"]);
    assert!(!refused.status.success());
    let outcomes: Value = serde_json::from_slice(&refused.stdout).unwrap();
    assert_eq!(outcomes[0]["result"], "error", "{outcomes}");
    assert_eq!(outcomes[0]["kind"], "unknown_key", "{outcomes}");
    assert!(
        outcomes[0]["error"].as_str().unwrap().contains("--pubkey"),
        "{outcomes}"
    );
    let synced = ok(cli(&[
        "--db",
        db,
        "sync",
        "--feed",
        folder,
        "--pubkey",
        pubkey.to_str().unwrap(),
    ]));
    assert!(
        synced.contains("piemonte: from nothing to version 1 by whole snapshot, 1 services"),
        "{synced}"
    );

    // Version 2 arrives as a delta, with the pinned key and the remembered source.
    publish(
        d,
        &[
            service("cpia-torino", "CPIA 1 Torino"),
            service("cpia-novara", "CPIA Novara"),
        ],
    );
    let synced = ok(cli(&["--db", db, "sync", "--json"]));
    let outcomes: Value = serde_json::from_str(&synced).unwrap();
    assert_eq!(outcomes[0]["by"], "delta");
    assert_eq!(outcomes[0]["version"], 2);
    let found = ok(cli(&["--db", db, "search", "novara", "--json"]));
    assert!(found.contains("cpia-novara"), "{found}");
    let again = ok(cli(&["--db", db, "sync"]));
    assert!(again.contains("up to date (version 2)"), "{again}");
    // Both regions live side by side.
    let info: Value = serde_json::from_str(&ok(cli(&["--db", db, "info", "--json"]))).unwrap();
    assert_eq!(info["services"], directory::bundled::BUNDLED_SERVICES + 2);
}

#[test]
fn a_mediator_syncs_from_a_url_and_a_tampered_feed_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(cli(&[
        "feed",
        "keygen",
        "--name",
        "piemonte",
        "--out",
        d.to_str().unwrap(),
    ]));
    publish(d, &[service("cpia-torino", "CPIA 1 Torino")]);
    let server = Server::start(d.join("pub"));
    let url = server.url().to_owned();
    let db = d.join("device.db");
    let db = db.to_str().unwrap();
    // The key as its RW… line this time, as a region would print it on its web page.
    let pub_file = std::fs::read_to_string(d.join("piemonte.pub")).unwrap();
    let pubkey = pub_file.lines().last().unwrap().trim();
    assert!(pubkey.starts_with("RW"), "{pub_file}");
    let synced = ok(cli(&[
        "--db", db, "sync", "--feed", &url, "--pubkey", pubkey,
    ]));
    assert!(synced.contains("to version 1"), "{synced}");

    // Someone edits the published snapshot: the hash no longer matches the signed manifest.
    publish(
        d,
        &[
            service("cpia-torino", "CPIA 1 Torino"),
            service("cpia-asti", "CPIA Asti"),
        ],
    );
    let snapshot = d.join("pub/snapshot-2.json");
    let text = std::fs::read_to_string(&snapshot)
        .unwrap()
        .replace("Asti", "Asto");
    std::fs::write(&snapshot, text).unwrap();
    let delta = d.join("pub/delta-1-2.json");
    let text = std::fs::read_to_string(&delta)
        .unwrap()
        .replace("Asti", "Asto");
    std::fs::write(&delta, text).unwrap();
    let refused = cli(&["--db", db, "sync", "--feed", &url]);
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("sha256"),
        "{refused:?}"
    );
    // Said as what it is: the data does not match its signature (not "no connection").
    let refused = cli(&["--db", db, "sync", "--feed", &url, "--json"]);
    assert!(!refused.status.success());
    let outcomes: Value = serde_json::from_slice(&refused.stdout).unwrap();
    assert_eq!(outcomes[0]["result"], "error", "{outcomes}");
    assert_eq!(outcomes[0]["kind"], "mismatch", "{outcomes}");
    assert!(
        outcomes[0]["error"].as_str().unwrap().contains("sha256"),
        "{outcomes}"
    );
    let info: Value = serde_json::from_str(&ok(cli(&["--db", db, "info", "--json"]))).unwrap();
    let piemonte = info["feeds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["feed"] == "piemonte")
        .unwrap();
    assert_eq!(piemonte["version"], 1);
    assert_eq!(piemonte["services"], 1);
    assert!(piemonte["last_error"].as_str().unwrap().contains("sha256"));
    assert_eq!(piemonte["last_error_kind"], "mismatch", "{piemonte}");
    // The text `info` shows names the kind too.
    let said = ok(cli(&["--db", db, "info"]));
    assert!(said.contains("(mismatch)"), "{said}");
}
