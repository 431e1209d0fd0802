//! The directory passed hand to hand with `bussola-cli share`: a mediator back from town writes
//! the feed the device holds into one file, and a colleague's device loads it with no network,
//! checked as a sync checks a feed. Whatever is refused leaves the data exactly as it was.

use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;

mod common;
use common::{cli_on as cli, ok, refused};

/// Each feed on the device: id, version, services, as `info --json` says.
fn feeds(db: &Path) -> Vec<(String, u64, u64)> {
    let info: Value = serde_json::from_str(&ok(cli(db, &["info", "--json"]))).unwrap();
    info["feeds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["feed"].as_str().unwrap().to_owned(),
                f["version"].as_u64().unwrap(),
                f["services"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// The next version of Umbria, signed with the development key the app pins: the version in
/// `folder` (the bundled one at first) and `extra`.
fn publish_umbria(folder: &Path, extra: &[Value]) {
    std::fs::create_dir_all(folder).unwrap();
    bussola_e2e::publish_umbria(folder, extra).unwrap();
}

fn desk(id: &str) -> Value {
    json!({"id": id, "name": format!("Sportello {id}"), "status": "active",
           "categories": ["access-point"],
           "service_at_locations": [{"location": {"latitude": 43.11, "longitude": 12.39}}]})
}

#[test]
fn a_mediator_passes_the_directory_to_a_colleague_who_had_no_network() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (mediator, colleague) = (d.join("mediator.db"), d.join("colleague.db"));
    let bundled = feeds(&colleague)[0].clone();

    // In town, the mediator's device syncs the next version: a delta from the bundled one.
    let online = d.join("online");
    publish_umbria(&online, &[desk("nuovo")]);
    ok(cli(
        &mediator,
        &["sync", "--feed", online.to_str().unwrap()],
    ));
    let synced = feeds(&mediator)[0].clone();
    assert_eq!(synced.1, bundled.1 + 1);

    // The device holds the bundled snapshot and the delta since: both go into the file.
    let file = d.join("umbria.bussola");
    let said = ok(cli(&mediator, &["share", "export", file.to_str().unwrap()]));
    assert!(
        said.contains(&format!("umbria version {}", synced.1)),
        "{said}"
    );
    let listing = Command::new("tar").arg("-tf").arg(&file).output().unwrap();
    let listing = String::from_utf8(listing.stdout).unwrap();
    assert!(
        listing.contains(&format!("v{}/snapshot-", bundled.1)),
        "{listing}"
    );
    assert!(
        listing.contains(&format!("v{}/delta-", synced.1)),
        "{listing}"
    );

    // Back in the village: the colleague loads it, with no key given (the pinned one checks).
    let said = ok(cli(
        &colleague,
        &["share", "import", file.to_str().unwrap()],
    ));
    assert!(said.contains(&format!("to version {}", synced.1)), "{said}");
    assert_eq!(feeds(&colleague), feeds(&mediator));
    let found = ok(cli(&colleague, &["search", "Sportello nuovo"]));
    assert!(found.contains("[nuovo]"), "{found}");
    // The colleague can pass it on in turn, and the same file again changes nothing.
    ok(cli(
        &colleague,
        &["share", "export", d.join("again.bussola").to_str().unwrap()],
    ));
    let said = ok(cli(
        &colleague,
        &["share", "import", file.to_str().unwrap()],
    ));
    assert!(said.contains("up to date"), "{said}");

    // A device that synced past it refuses the older file, and keeps its data.
    publish_umbria(&online, &[desk("ancora")]);
    ok(cli(
        &mediator,
        &["sync", "--feed", online.to_str().unwrap()],
    ));
    let before = feeds(&mediator);
    let error = refused(cli(&mediator, &["share", "import", file.to_str().unwrap()]));
    assert!(error.contains("older than version"), "{error}");
    assert_eq!(feeds(&mediator), before);
}

#[test]
fn a_damaged_cut_or_foreign_file_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (mediator, colleague) = (d.join("mediator.db"), d.join("colleague.db"));
    let online = d.join("online");
    publish_umbria(&online, &[desk("nuovo")]);
    ok(cli(
        &mediator,
        &["sync", "--feed", online.to_str().unwrap()],
    ));
    let file = d.join("umbria.bussola");
    ok(cli(&mediator, &["share", "export", file.to_str().unwrap()]));
    let bytes = std::fs::read(&file).unwrap();
    let before = feeds(&colleague);
    let try_file = |name: &str, bytes: &[u8]| {
        let path = d.join(name);
        std::fs::write(&path, bytes).unwrap();
        let error = refused(cli(
            &colleague,
            &["share", "import", path.to_str().unwrap()],
        ));
        assert!(
            error.contains("the data on this device is unchanged"),
            "{error}"
        );
        assert_eq!(feeds(&colleague), before, "{name}");
        error
    };

    // One byte changed in a service's text: the snapshot no longer matches its signed hash.
    let mut altered = bytes.clone();
    let at = altered
        .windows(7)
        .position(|w| w == b"Questur")
        .expect("a Questura in the snapshot");
    altered[at] = b'q';
    let error = try_file("altered.bussola", &altered);
    assert!(
        error.contains("changed or damaged") || error.contains("does not match"),
        "{error}"
    );
    // Cut short, as a copy interrupted.
    let error = try_file("cut.bussola", &bytes[..bytes.len() / 2]);
    assert!(error.contains("cut short"), "{error}");
    // Not a directory file at all.
    let error = try_file("photo.bussola", &[0xFF; 4096]);
    assert!(error.contains("not a directory file"), "{error}");

    // Another region's feed: unknown to this device, it needs its key, as a first sync does.
    let other = d.join("piemonte");
    let (secret, public) = directory::feed::keys::generate().unwrap();
    let key = directory::feed::keys::SigningKey::from_text(&secret, None).unwrap();
    let mut service = desk("cpia-novara");
    service["service_at_locations"][0]["location"] = json!({"latitude": 45.45, "longitude": 8.62});
    directory::publish::build(
        "piemonte",
        vec![service],
        &other.join("pub"),
        &key,
        directory::now(),
    )
    .unwrap();
    let elsewhere = d.join("elsewhere.db");
    let public_text = public.trim().to_owned();
    let public_key = public_text.lines().last().unwrap();
    ok(cli(
        &elsewhere,
        &[
            "sync",
            "--feed",
            other.join("pub").to_str().unwrap(),
            "--pubkey",
            public_key,
        ],
    ));
    let piemonte = d.join("piemonte.bussola");
    ok(cli(
        &elsewhere,
        &[
            "share",
            "export",
            piemonte.to_str().unwrap(),
            "--feed",
            "piemonte",
        ],
    ));
    let error = try_file("piemonte-copy.bussola", &std::fs::read(&piemonte).unwrap());
    assert!(error.contains("give its public key"), "{error}");
    // A key that is not the feed's own is refused too.
    let (_, stranger) = directory::feed::keys::generate().unwrap();
    let stranger = stranger.trim().lines().last().unwrap().to_owned();
    let error = refused(cli(
        &colleague,
        &[
            "share",
            "import",
            piemonte.to_str().unwrap(),
            "--pubkey",
            &stranger,
        ],
    ));
    assert!(
        error.contains("signature") || error.contains("key"),
        "{error}"
    );
    assert_eq!(feeds(&colleague), before);
    // With its key it is added beside Umbria, which keeps its data.
    ok(cli(
        &colleague,
        &[
            "share",
            "import",
            piemonte.to_str().unwrap(),
            "--pubkey",
            public_key,
        ],
    ));
    let now = feeds(&colleague);
    assert_eq!(now.len(), 2);
    assert!(now.contains(&before[0]));
}
