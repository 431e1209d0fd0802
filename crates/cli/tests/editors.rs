//! The editors' round trips (issue #18): a published feed exported as the spreadsheet and built
//! again gives back the same services; mediators' corrections reviewed, accepted into the source
//! and published by the next build, while a report or a refusal leaves the source untouched.

use bussola_model::{CorrectionField, CorrectionPacket};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Output;

mod common;
use common::{cli, ok, refused};
use directory::spreadsheet::comparable;

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A key pair in `dir`; the secret key's path.
fn keygen(dir: &Path) -> PathBuf {
    ok(cli(&["feed", "keygen", "--out", s(dir)]));
    dir.join("feed.key")
}

fn build(source: &Path, out: &Path, key: &Path) -> String {
    ok(cli(&[
        "feed",
        "build",
        "--id",
        "umbria",
        "--source",
        s(source),
        "--out",
        s(out),
        "--key",
        s(key),
    ]))
}

/// The services of version `version` in the published folder.
/// The services of the snapshot the folder's manifest names now.
fn published(dir: &Path) -> Vec<Value> {
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    let snapshot = manifest["snapshot"]["url"].as_str().unwrap();
    let text = std::fs::read_to_string(dir.join(snapshot)).unwrap();
    let mut snapshot: Value = serde_json::from_str(&text).unwrap();
    serde_json::from_value(snapshot["services"].take()).unwrap()
}

fn umbria_feed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/umbria/feed")
}

#[test]
fn the_bundled_feed_exported_as_a_sheet_builds_back_into_the_same_services() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("umbria.csv");
    let pubkey = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/umbria/dev-key/DEVELOPMENT-ONLY.pub");
    let said = ok(cli(&[
        "feed",
        "export",
        s(&umbria_feed()),
        "--format",
        "csv",
        "--out",
        s(&sheet),
        "--pubkey",
        s(&pubkey),
    ]));
    assert!(said.contains("signature good"), "{said}");
    let key = keygen(dir.path());
    let out = dir.path().join("published");
    build(&sheet, &out, &key);

    // Every field the sheet carries (the exporter refuses what it cannot: none here).
    let then = published(&umbria_feed());
    let now = published(&out);
    assert_eq!(then.len(), now.len());
    for (a, b) in then.iter().zip(&now) {
        assert_eq!(comparable(a.clone()), comparable(b.clone()), "{}", a["id"]);
    }
}

#[test]
fn an_export_that_would_lose_a_field_is_refused_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("s.json");
    std::fs::write(
        &source,
        json!([{"id": "q", "name": "Questura", "status": "active", "categories": ["helpline"],
                "phones": [{"number": "075 1", "type": "voice"}, {"number": "075 2", "type": "fax"}]}])
        .to_string(),
    )
    .unwrap();
    let key = keygen(dir.path());
    let out = dir.path().join("published");
    build(&source, &out, &key);
    let sheet = dir.path().join("q.csv");
    let args = ["feed", "export", s(&out), "--out", s(&sheet)];
    let error = refused(cli(&args));
    assert!(error.contains("service \"q\": phones[1]"), "{error}");
    assert!(error.contains("nothing was written"), "{error}");
    assert!(!sheet.exists());
    let said = ok(cli(&[&args[..], &["--allow-loss"]].concat()));
    assert!(said.contains("signature not checked"), "{said}");
    assert!(sheet.exists());
}

#[test]
fn an_export_over_an_existing_sheet_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("umbria.csv");
    // An editor's working sheet, with notes the feed does not carry.
    let working = "id,name,editor_notes\nq,Questura,orari da verificare a gennaio\n";
    std::fs::write(&sheet, working).unwrap();
    let feed = umbria_feed();
    let args = ["feed", "export", s(&feed), "--out", s(&sheet)];
    let error = refused(cli(&args));
    assert!(
        error.contains("already exists: nothing was written"),
        "{error}"
    );
    assert!(error.contains("--force"), "{error}");
    assert_eq!(std::fs::read_to_string(&sheet).unwrap(), working);
    ok(cli(&[&args[..], &["--force"]].concat()));
    let written = std::fs::read_to_string(&sheet).unwrap();
    // With the byte-order mark that tells Excel the accents are UTF-8.
    assert!(
        written.starts_with("\u{feff}id,name,"),
        "{}",
        &written[..40]
    );
    // Written through a temporary file renamed into place: none is left behind.
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "{left:?}");
}

fn packet(service: &str, field: CorrectionField, proposed: &str) -> String {
    CorrectionPacket {
        kind: bussola_model::CORRECTION_PACKET_KIND.to_owned(),
        format: bussola_model::CORRECTION_PACKET_FORMAT,
        feed: "umbria".to_owned(),
        service: service.to_owned(),
        service_name: "Questura".to_owned(),
        field,
        // What the sources below say, as a mediator saw it.
        old: match field {
            CorrectionField::Phone => Some("075 000".to_owned()),
            CorrectionField::Hours => Some("Mo-Fr 09:00-12:00".to_owned()),
            _ => None,
        },
        proposed: Some(proposed.to_owned()),
        note: Some("ho chiamato ieri".to_owned()),
        data_version: 1,
        date: "2026-11-20".to_owned(),
    }
    .block()
}

/// Two mails, one of them quoted in a reply, and a .json packet.
fn mails(dir: &Path) -> Vec<PathBuf> {
    let first = dir.join("first.eml");
    std::fs::write(
        &first,
        format!(
            "Subject: correzione\r\n\r\nBuongiorno,\r\n{}",
            packet("q", CorrectionField::Phone, "075 5062").replace('\n', "\r\n")
        ),
    )
    .unwrap();
    let second = dir.join("second.txt");
    let quoted: String = [
        packet("q", CorrectionField::Phone, "075 5062"),
        packet("q", CorrectionField::Hours, "a volte il martedì"),
        packet("gone", CorrectionField::Email, "x@y.it"),
    ]
    .concat()
    .lines()
    .map(|l| format!("> {l}\n"))
    .collect();
    std::fs::write(&second, quoted).unwrap();
    let json_packet = dir.join("packet.json");
    let value: Value = serde_json::from_str(
        packet("line", CorrectionField::Website, "https://verde.it")
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .collect::<Vec<_>>()
            .join("\n")
            .as_str(),
    )
    .unwrap();
    std::fs::write(&json_packet, value.to_string()).unwrap();
    vec![first, second, json_packet]
}

fn corrections(files: &[PathBuf], source: &Path, rest: &[&str]) -> Output {
    let mut args = vec!["feed", "corrections"];
    args.extend(files.iter().map(|f| s(f)));
    args.extend(["--id", "umbria", "--source", s(source)]);
    args.extend(rest);
    cli(&args)
}

const JSON_SOURCE: &str = r#"[
  {
    "id": "q",
    "name": "Questura",
    "status": "active",
    "categories": ["permits"],
    "phones": [{"number": "075 000", "type": "voice"}],
    "assured_date": "2022-01-01",
    "service_at_locations": [
      {"location": {"name": "Perugia", "latitude": 43.1, "longitude": 12.4},
       "opening_hours": "Mo-Fr 09:00-12:00"}
    ]
  },
  {
    "id": "line",
    "name": "Numero verde",
    "status": "active",
    "categories": ["helpline"],
    "opening_hours": "24/7"
  }
]
"#;

#[test]
fn a_report_groups_the_packets_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("services.json");
    std::fs::write(&source, JSON_SOURCE).unwrap();
    let files = mails(dir.path());
    let report = ok(corrections(&files, &source, &["--report"]));
    // Two packets on q's phone are one group, counted twice.
    assert!(report.contains("q/phone  Questura — phone"), "{report}");
    assert!(report.contains("in the source: 075 000"), "{report}");
    assert!(report.contains("[1] 075 5062 (2 reports)"), "{report}");
    assert!(report.contains("accept with: --accept q/phone"), "{report}");
    assert!(
        report.contains("2026-11-20, data version 1: saw \"075 000\""),
        "{report}"
    );
    assert!(report.contains("note \"ho chiamato ieri\""), "{report}");
    // A service the source lacks is reported, not applied; hours that do not parse are refused.
    assert!(report.contains("no service \"gone\""), "{report}");
    assert!(
        report.contains("is not opening hours the app can read"),
        "{report}"
    );
    assert_eq!(std::fs::read_to_string(&source).unwrap(), JSON_SOURCE);

    let json: Value = serde_json::from_str(&ok(corrections(&files, &source, &["--json"]))).unwrap();
    let ids: Vec<&str> = json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["gone/email", "line/website", "q/hours", "q/phone"]);

    // Not a terminal and no --accept: a report, nothing asked, nothing changed.
    ok(corrections(&files, &source, &[]));
    // Refused hours: refused with the reason, the source byte for byte as it was.
    let error = refused(corrections(
        &files,
        &source,
        &["--accept", "q/phone", "q/hours"],
    ));
    assert!(
        error.contains("q/hours: \"a volte il martedì\" is not opening hours"),
        "{error}"
    );
    assert_eq!(std::fs::read_to_string(&source).unwrap(), JSON_SOURCE);
}

#[test]
fn accepted_corrections_are_written_to_a_json_source_and_published_by_the_next_build() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("services.json");
    std::fs::write(&source, JSON_SOURCE).unwrap();
    let key = keygen(dir.path());
    let out = dir.path().join("published");
    build(&source, &out, &key);

    let files = mails(dir.path());
    let said = ok(corrections(
        &files,
        &source,
        &["--accept", "q/phone", "line/website"],
    ));
    assert!(said.contains("q/phone: 075 000 → 075 5062"), "{said}");
    build(&source, &out, &key);
    let now = published(&out);
    let today = directory::review::today(directory::now());
    assert_eq!(now[0]["phones"][0]["number"], "075 5062");
    assert_eq!(now[0]["assured_date"], today.as_str());
    assert_eq!(now[1]["url"], "https://verde.it");
    // What was not accepted is as it was.
    assert_eq!(
        now[0]["service_at_locations"][0]["opening_hours"],
        "Mo-Fr 09:00-12:00"
    );
}

#[test]
fn accepted_corrections_are_written_to_the_rows_of_a_csv_source() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("services.csv");
    let csv = "id,name,categories,phone,city,latitude,longitude,opening_hours,assured_date\n\
               q,Questura,permits,075 000,Perugia,43.1,12.4,Mo-Fr 09:00-12:00,2022-01-01\n\
               q,,,,Foligno,42.9,12.7,Tu 09:00-12:00,\n\
               line,Numero verde,helpline,800 1,,,,24/7,\n";
    std::fs::write(&source, csv).unwrap();
    let files = mails(dir.path());
    ok(corrections(&files, &source, &["--report"]));
    assert_eq!(std::fs::read_to_string(&source).unwrap(), csv);

    ok(corrections(&files, &source, &["--accept", "q/phone"]));
    let today = directory::review::today(directory::now());
    assert_eq!(
        std::fs::read_to_string(&source).unwrap(),
        format!(
            "id,name,categories,phone,city,latitude,longitude,opening_hours,assured_date\n\
             q,Questura,permits,075 5062,Perugia,43.1,12.4,Mo-Fr 09:00-12:00,{today}\n\
             q,,,,Foligno,42.9,12.7,Tu 09:00-12:00,\n\
             line,Numero verde,helpline,800 1,,,,24/7,\n"
        )
    );
    let key = keygen(dir.path());
    let out = dir.path().join("published");
    build(&source, &out, &key);
    assert_eq!(published(&out)[0]["phones"][0]["number"], "075 5062");
}
