//! `feed build` from Open Referral HSDS 3.0 (issue #18): the specification's own examples
//! (data/hsds, in the repository), refused as shipped with every impossible value named, and
//! built into a feed that `feed verify` accepts once those values are put right.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bussola-cli"))
        .args(args)
        .env_remove("BUSSOLA_FEED_PUBKEY")
        .env_remove("BUSSOLA_KEY_PASSWORD")
        .output()
        .expect("the CLI runs")
}

fn said(output: &Output) -> String {
    format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/hsds/examples")
}

/// A workspace with a key pair (`feed.key`, `feed.pub`) and the taxonomy map the examples need:
/// their one term is literally code "code", name "name".
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(&["feed", "keygen", "--out", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", said(&out));
    std::fs::write(dir.path().join("map.csv"), "term,category\ncode,health\n").unwrap();
    dir
}

fn build(dir: &Path, feed: &str, source: &Path) -> Output {
    cli(&[
        "feed",
        "build",
        "--id",
        feed,
        "--source",
        source.to_str().unwrap(),
        "--taxonomy-map",
        dir.join("map.csv").to_str().unwrap(),
        "--out",
        dir.join(feed).to_str().unwrap(),
        "--key",
        dir.join("feed.key").to_str().unwrap(),
    ])
}

fn replaced(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from:?} is no longer in the example");
    text.replace(from, to)
}

/// The tabular example copied into `dir/package`, put right: a point in Italy (Perugia) for the
/// invented "MyCity" instead of latitude 100, the days its schedule's description says, Italian
/// time, no end dates in the past nor RRULE parts beyond weekly hours, and its one attribute
/// linked to the service (as shipped it links to an id no table has).
fn corrected_package(dir: &Path) -> PathBuf {
    let package = dir.join("package");
    std::fs::create_dir(&package).unwrap();
    for entry in std::fs::read_dir(examples().join("csv")).unwrap() {
        let path = entry.unwrap().path();
        let mut text = std::fs::read_to_string(&path).unwrap();
        match path.file_name().unwrap().to_str().unwrap() {
            "locations.csv" => text = replaced(&text, ",100,101,", ",43.1107,12.3908,"),
            "schedules.csv" => {
                text = replaced(
                    &text,
                    r#"2005-01-01,2005-01-01,2005-01-01,3,2005-01-01,3,TU,WEEKLY,1,"TH,FR","41,42","2,3,4","2,3,4","#,
                    r#"2005-01-01,,2005-01-01,1,,,TU,WEEKLY,1,"MO,TU,WE,TH,FR",,,,"#,
                )
            }
            "attributes.csv" => {
                text = replaced(
                    &text,
                    "f28dd44b-0c4d-479f-8e90-4c52219a8b3c",
                    "ac148810-d857-441c-9679-408f346de14b",
                )
            }
            _ => {}
        }
        std::fs::write(package.join(path.file_name().unwrap()), text).unwrap();
    }
    package
}

/// The JSON example, `service_full.json`, with the same corrections.
fn corrected_json(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(examples().join("service_full.json")).unwrap();
    let mut service: Value = serde_json::from_str(&text).unwrap();
    let location = &mut service["service_at_locations"][0]["location"];
    location["latitude"] = 43.1107.into();
    location["longitude"] = 12.3908.into();
    for path in [
        "/schedules/0",
        "/service_at_locations/0/schedules/0",
        "/service_at_locations/0/location/schedules/0",
    ] {
        let row = service.pointer_mut(path).unwrap().as_object_mut().unwrap();
        row.insert("byday".into(), "MO,TU,WE,TH,FR".into());
        row.insert("timezone".into(), 1.into());
        for gone in [
            "valid_to",
            "until",
            "count",
            "byweekno",
            "bymonthday",
            "byyearday",
        ] {
            row.remove(gone);
        }
    }
    let path = dir.join("service.json");
    std::fs::write(&path, service.to_string()).unwrap();
    path
}

/// The services of the feed built in `dir/feed`, version 1.
fn published(dir: &Path, feed: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(dir.join(feed).join("snapshot-1.json")).unwrap();
    let snapshot: Value = serde_json::from_str(&text).unwrap();
    snapshot["services"].as_array().unwrap().clone()
}

#[test]
fn the_specifications_examples_corrected_build_into_feeds_that_verify() {
    let dir = workspace();
    let d = dir.path();
    for (feed, source) in [
        ("mycity-tabular", corrected_package(d)),
        ("mycity-json", corrected_json(d)),
    ] {
        let out = build(d, feed, &source);
        let output = said(&out);
        assert!(out.status.success(), "{feed}: {output}");
        // What was cleaned up is said, with the count, and does not stop the build.
        assert!(
            output.contains("the quote marks around \"+44 1234 234567\" are taken off"),
            "{output}"
        );
        assert!(output.contains("warnings reading the sources"), "{output}");

        let verified = cli(&[
            "feed",
            "verify",
            d.join(feed).to_str().unwrap(),
            "--pubkey",
            d.join("feed.pub").to_str().unwrap(),
        ]);
        assert!(verified.status.success(), "{feed}: {}", said(&verified));
        assert!(
            said(&verified).contains("1 services, all valid"),
            "{}",
            said(&verified)
        );

        let services = published(d, feed);
        let service = &services[0];
        assert_eq!(service["id"], "ac148810-d857-441c-9679-408f346de14b");
        assert_eq!(service["categories"], serde_json::json!(["health"]));
        assert_eq!(service["phones"][0]["number"], "+44 1234 234567");
        assert_eq!(
            service["required_documents"][0]["uri"],
            "http://example.com"
        );
        let place = &service["service_at_locations"][0];
        assert_eq!(place["opening_hours"], "Mo-Fr 10:00-18:00");
        assert_eq!(place["location"]["addresses"][0]["city"], "MyCity");
    }
    // One source, two forms, one feed record.
    assert_eq!(published(d, "mycity-tabular"), published(d, "mycity-json"));
}

#[test]
fn the_specifications_examples_as_shipped_are_refused_naming_record_and_field() {
    let dir = workspace();
    let d = dir.path();
    let id = "ac148810-d857-441c-9679-408f346de14b";

    let out = build(d, "mycity-tabular", &examples().join("csv"));
    let output = said(&out);
    assert!(!out.status.success(), "{output}");
    for (file, field, message) in [
        ("locations.csv", "row 2, latitude", "100 is not a latitude"),
        (
            "schedules.csv",
            "row 2, timezone",
            "3 (UTC+3) is not Italian time",
        ),
        (
            "schedules.csv",
            "row 2, byday",
            "TH,FR disagrees with the schedule's description",
        ),
        ("services.csv", "row 2, attributes", "no taxonomy term"),
    ] {
        assert!(
            output.lines().any(|l| l.contains("error:")
                && l.contains(file)
                && l.contains(&format!("service {id}, {field}: {message}"))),
            "no line names {file} {field}: {output}"
        );
    }
    assert!(
        output.contains("4 errors; nothing was built or signed"),
        "{output}"
    );
    assert!(!d.join("mycity-tabular/manifest.json").exists());

    let out = build(d, "mycity-json", &examples().join("service_full.json"));
    let output = said(&out);
    assert!(!out.status.success(), "{output}");
    for (field, message) in [
        (
            "service_at_locations[0].location.latitude",
            "100 is not a latitude",
        ),
        ("service_at_locations[0].schedules[0].timezone", "3 (UTC+3)"),
        (
            "service_at_locations[0].schedules[0].byday",
            "TH,FR disagrees",
        ),
    ] {
        assert!(
            output.lines().any(|l| l.contains("error:")
                && l.contains("service_full.json")
                && l.contains(&format!("service {id}, {field}: {message}"))),
            "no line names {field}: {output}"
        );
    }
    assert!(
        output.contains("3 errors; nothing was built or signed"),
        "{output}"
    );
    assert!(!d.join("mycity-json/manifest.json").exists());
}
