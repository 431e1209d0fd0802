//! Every rule that decides whether a feed is trusted, as a table of cases driven through the
//! session with files held in memory: no server, no folder, no database.

use bussola_feed::contract::{DeltaRef, FILE_CAP, FileRef, Manifest, sha256_hex};
use bussola_feed::keys::{SigningKey, generate};
use bussola_feed::session::{
    Answer, Device, Held, Plan, Request, Session, Step, Trust, Verification, Wanted,
};
use bussola_feed::{FeedError, FeedKey, Kind};
use chrono::{DateTime, TimeZone, Utc};
use std::collections::BTreeMap;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap()
}

fn key() -> (SigningKey, FeedKey) {
    let (secret, _) = generate().unwrap();
    let signing = SigningKey::from_text(&secret, None).unwrap();
    let public = signing.public().unwrap();
    (signing, public)
}

fn service(id: &str, name: &str) -> String {
    format!(
        r#"{{"id":"{id}","name":"{name}","status":"active","categories":["permits"],
            "service_at_locations":[{{"location":{{"latitude":43.1,"longitude":12.4}}}}]}}"#
    )
}

/// A published feed held in memory: file name → bytes.
#[derive(Clone)]
struct Published {
    files: BTreeMap<String, Vec<u8>>,
}

impl Published {
    /// Version `version` of `feed` with `services`, a delta from `version - 1` when `delta` is
    /// given (upserts, deletes), signed by `key`.
    fn new(
        feed: &str,
        version: u64,
        services: &[String],
        delta: Option<(&[String], &[&str])>,
        key: &SigningKey,
    ) -> Published {
        let mut files = BTreeMap::new();
        let snapshot = format!(
            r#"{{"feed":"{feed}","version":{version},"services":[{}]}}"#,
            services.join(",")
        )
        .into_bytes();
        let snapshot_name = format!("snapshot-{version}.json");
        let mut deltas = Vec::new();
        if let Some((upserts, deletes)) = delta {
            let from = version - 1;
            let bytes = format!(
                r#"{{"feed":"{feed}","from":{from},"version":{version},"upserts":[{}],"deletes":{}}}"#,
                upserts.join(","),
                serde_json::to_string(deletes).unwrap()
            )
            .into_bytes();
            let name = format!("delta-{from}-{version}.json");
            deltas.push(DeltaRef {
                from,
                file: file_ref(&name, &bytes),
            });
            files.insert(name, bytes);
        }
        let manifest = Manifest {
            feed: feed.into(),
            version,
            generated_at: "2026-11-30T10:00:00Z".into(),
            expires_at: Some("2027-02-28T10:00:00Z".into()),
            snapshot: file_ref(&snapshot_name, &snapshot),
            deltas,
            notices: Vec::new(),
        };
        files.insert(snapshot_name, snapshot);
        let mut published = Published { files };
        published.sign(&manifest, key);
        published
    }

    fn sign(&mut self, manifest: &Manifest, key: &SigningKey) {
        let bytes = serde_json::to_vec_pretty(manifest).unwrap();
        let signature = key.sign(&bytes, "test").unwrap();
        self.files.insert("manifest.json".into(), bytes);
        self.files
            .insert("manifest.json.minisig".into(), signature.into_bytes());
    }

    fn manifest(&self) -> Manifest {
        serde_json::from_slice(&self.files["manifest.json"]).unwrap()
    }

    /// Answers a request as a folder would, with an ETag of the file's hash.
    fn answer(&self, request: &Request) -> Result<Answer, FeedError> {
        let bytes = self.files.get(&request.path).ok_or_else(|| {
            FeedError::new(Kind::Unreachable, format!("no file {}", request.path))
        })?;
        let etag = format!("\"{}\"", &sha256_hex(bytes)[..16]);
        if request.etag.as_deref() == Some(etag.as_str()) {
            return Ok(Answer::NotModified);
        }
        if bytes.len() as u64 > request.cap {
            return Err(FeedError::new(Kind::TooLarge, "over the cap"));
        }
        Ok(Answer::Body {
            bytes: bytes.clone(),
            etag: Some(etag),
        })
    }
}

fn file_ref(name: &str, bytes: &[u8]) -> FileRef {
    FileRef {
        url: name.into(),
        sha256: sha256_hex(bytes),
        bytes: bytes.len() as u64,
    }
}

/// Drives a session to its end; also returns the files it asked for.
fn run(
    published: &Published,
    device: Device,
    trust: Trust,
) -> (Result<Plan, FeedError>, Vec<Wanted>) {
    let (mut session, mut request) = Session::start(device, trust, now());
    let mut asked = vec![request.wanted];
    let result = loop {
        let answer = match published.answer(&request) {
            Ok(answer) => answer,
            Err(e) => break Err(request.refine(e)),
        };
        match session.answer(answer) {
            Ok(Step::Fetch(next)) => {
                asked.push(next.wanted);
                request = next;
            }
            Ok(Step::Done(plan)) => break Ok(plan),
            Err(e) => break Err(e),
        }
    };
    (result, asked)
}

fn given(key: &FeedKey) -> Trust {
    Trust {
        given: vec![key.clone()],
        configured: Vec::new(),
    }
}

/// The device after applying `published` from a source bound to its feed.
fn holding(published: &Published, pinned: &[FeedKey]) -> Device {
    let manifest = published.manifest();
    Device {
        bound_feed: Some(manifest.feed.clone()),
        etag: None,
        held: vec![Held {
            feed: manifest.feed,
            version: manifest.version,
            manifest_sha256: Some(sha256_hex(&published.files["manifest.json"])),
            pinned: pinned.to_vec(),
        }],
    }
}

fn refused(result: Result<Plan, FeedError>) -> FeedError {
    match result {
        Ok(plan) => panic!("planned {plan:?}"),
        Err(e) => e,
    }
}

#[test]
fn a_new_feed_is_planned_whole_and_its_configured_keys_are_pinned_together() {
    let (signing, public) = key();
    let (_, backup) = key();
    let v1 = Published::new("umbria", 1, &[service("a", "A")], None, &signing);
    let trust = Trust {
        given: Vec::new(),
        configured: vec![("umbria".into(), vec![public.clone(), backup.clone()])],
    };
    let (plan, asked) = run(&v1, Device::default(), trust);
    assert_eq!(
        asked,
        [Wanted::Manifest, Wanted::Signature, Wanted::Snapshot]
    );
    let Ok(Plan::Snapshot { verified, records }) = plan else {
        panic!("{plan:?}")
    };
    assert_eq!(verified.pin, [public, backup]);
    assert!(!verified.expired);
    assert_eq!(records.services[0].service.id, "a");
}

#[test]
fn a_key_given_by_hand_is_pinned_only_if_it_signed() {
    let (signing, public) = key();
    let (_, other) = key();
    let v1 = Published::new("umbria", 1, &[service("a", "A")], None, &signing);
    let trust = Trust {
        given: vec![other, public.clone()],
        configured: Vec::new(),
    };
    let Ok(Plan::Snapshot { verified, .. }) = run(&v1, Device::default(), trust).0 else {
        panic!()
    };
    assert_eq!(verified.pin, [public]);
}

#[test]
fn a_feed_new_to_the_device_with_no_key_is_an_unknown_key() {
    let (signing, _) = key();
    let v1 = Published::new("umbria", 1, &[service("a", "A")], None, &signing);
    let e = refused(run(&v1, Device::default(), Trust::default()).0);
    assert_eq!(e.kind, Kind::UnknownKey, "{e}");
    assert!(e.message.contains("new to this device"), "{e}");
}

#[test]
fn signatures_by_another_key_or_over_changed_bytes_are_bad_signatures() {
    let (signing, public) = key();
    let (intruder, _) = key();
    let v1 = Published::new("umbria", 1, &[service("a", "A")], None, &intruder);
    let e = refused(run(&v1, Device::default(), given(&public)).0);
    assert_eq!(e.kind, Kind::BadSignature, "{e}");

    let mut changed = Published::new("umbria", 1, &[service("a", "A")], None, &signing);
    let manifest = changed.files.get_mut("manifest.json").unwrap();
    *manifest = String::from_utf8(manifest.clone())
        .unwrap()
        .replace("\"version\": 1", "\"version\": 9")
        .into_bytes();
    let e = refused(run(&changed, Device::default(), given(&public)).0);
    assert_eq!(e.kind, Kind::BadSignature, "{e}");

    let mut garbled = Published::new("umbria", 1, &[service("a", "A")], None, &signing);
    garbled
        .files
        .insert("manifest.json.minisig".into(), b"not minisign".to_vec());
    assert_eq!(
        refused(run(&garbled, Device::default(), given(&public)).0).kind,
        Kind::BadSignature
    );
}

#[test]
fn a_given_key_cannot_replace_the_pinned_one() {
    let (signing, public) = key();
    let (intruder, intruder_public) = key();
    let v1 = Published::new("umbria", 1, &[service("a", "A")], None, &signing);
    let device = holding(&v1, std::slice::from_ref(&public));
    let v2 = Published::new("umbria", 2, &[service("b", "B")], None, &intruder);
    let e = refused(run(&v2, device, given(&intruder_public)).0);
    assert_eq!(e.kind, Kind::UnknownKey, "{e}");
    assert!(e.message.contains("cannot replace"), "{e}");
}

#[test]
fn the_backup_key_pinned_beside_the_first_takes_over_when_the_region_rotates() {
    let (first, first_public) = key();
    let (backup, backup_public) = key();
    let v1 = Published::new("umbria", 1, &[service("a", "A")], None, &first);
    let device = holding(&v1, &[first_public, backup_public]);
    let v2 = Published::new("umbria", 2, &[service("b", "B")], None, &backup);
    let Ok(Plan::Snapshot { verified, .. }) = run(&v2, device, Trust::default()).0 else {
        panic!()
    };
    assert_eq!(verified.manifest.version, 2);
}

#[test]
fn versions_never_go_back_and_a_published_version_never_changes() {
    let (signing, public) = key();
    let v2 = Published::new("umbria", 2, &[service("a", "A")], None, &signing);
    let device = holding(&v2, std::slice::from_ref(&public));

    // The very same manifest: nothing to fetch beyond it.
    let (same, asked) = run(&v2, device.clone(), Trust::default());
    assert!(matches!(same, Ok(Plan::UpToDate(_))), "{same:?}");
    assert_eq!(asked, [Wanted::Manifest, Wanted::Signature]);

    let older = Published::new("umbria", 1, &[service("a", "A")], None, &signing);
    let e = refused(run(&older, device.clone(), Trust::default()).0);
    assert_eq!(e.kind, Kind::OlderVersion, "{e}");

    // A replay of version 2 with other contents, validly signed all the same.
    let replay = Published::new("umbria", 2, &[service("a", "Altro")], None, &signing);
    let e = refused(run(&replay, device, Trust::default()).0);
    assert_eq!(e.kind, Kind::OlderVersion, "{e}");
    assert!(e.message.contains("published twice"), "{e}");
}

#[test]
fn a_source_bound_to_one_feed_cannot_switch_to_another() {
    let (signing, public) = key();
    let v1 = Published::new("umbria", 1, &[service("a", "A")], None, &signing);
    let device = holding(&v1, std::slice::from_ref(&public));
    let marche = Published::new("marche", 1, &[service("a", "A")], None, &signing);
    let e = refused(run(&marche, device, given(&public)).0);
    assert_eq!(e.kind, Kind::OtherFeed, "{e}");
}

#[test]
fn a_tampered_file_is_a_mismatch_not_a_network_problem() {
    let (signing, public) = key();
    let mut v1 = Published::new("umbria", 1, &[service("a", "A")], None, &signing);
    let snapshot = v1.files.get_mut("snapshot-1.json").unwrap();
    let at = snapshot.len() / 2;
    snapshot[at] ^= 0x20;
    let e = refused(run(&v1, Device::default(), given(&public)).0);
    assert_eq!(e.kind, Kind::Mismatch, "{e}");
    assert!(e.message.contains("sha256"), "{e}");

    // Longer than signed: the driver stops at the cap, and the session says why.
    let mut longer = Published::new("umbria", 1, &[service("a", "A")], None, &signing);
    longer
        .files
        .get_mut("snapshot-1.json")
        .unwrap()
        .extend(b"   ");
    let e = refused(run(&longer, Device::default(), given(&public)).0);
    assert_eq!(e.kind, Kind::Mismatch, "{e}");

    let mut cut = Published::new("umbria", 1, &[service("a", "A")], None, &signing);
    cut.files.get_mut("snapshot-1.json").unwrap().pop();
    let e = refused(run(&cut, Device::default(), given(&public)).0);
    assert_eq!(e.kind, Kind::Mismatch, "{e}");
    assert!(e.message.contains("cut short"), "{e}");
}

#[test]
fn a_manifest_that_names_a_path_outside_its_folder_or_a_huge_file_is_refused_unfetched() {
    let (signing, public) = key();
    for (url, bytes, kind) in [
        ("../secret.json", 10, Kind::Malformed),
        ("/etc/passwd", 10, Kind::Malformed),
        ("https://elsewhere.example/s.json", 10, Kind::Malformed),
        ("snapshot-1.json", FILE_CAP + 1, Kind::TooLarge),
    ] {
        let mut v1 = Published::new("umbria", 1, &[service("a", "A")], None, &signing);
        let mut manifest = v1.manifest();
        manifest.snapshot.url = url.into();
        manifest.snapshot.bytes = bytes;
        v1.sign(&manifest, &signing);
        let (result, asked) = run(&v1, Device::default(), given(&public));
        let e = refused(result);
        assert_eq!(e.kind, kind, "{url}: {e}");
        assert_eq!(asked, [Wanted::Manifest, Wanted::Signature], "{url}");
    }
}

#[test]
fn a_delta_is_planned_from_the_version_held_and_refused_from_any_other_base() {
    let (signing, public) = key();
    let v1 = Published::new(
        "umbria",
        1,
        &[service("a", "A"), service("b", "B")],
        None,
        &signing,
    );
    let device = holding(&v1, std::slice::from_ref(&public));
    let upserts = [service("c", "C")];
    let v2 = Published::new(
        "umbria",
        2,
        &[service("a", "A"), service("c", "C")],
        Some((&upserts, &["b"])),
        &signing,
    );
    let (plan, asked) = run(&v2, device.clone(), Trust::default());
    assert_eq!(asked, [Wanted::Manifest, Wanted::Signature, Wanted::Delta]);
    let Ok(Plan::Delta {
        from,
        records,
        deletes,
        ..
    }) = plan
    else {
        panic!("{plan:?}")
    };
    assert_eq!((from, deletes), (1, vec!["b".to_owned()]));
    assert_eq!(records.services[0].service.id, "c");

    // The delta file says it starts from version 0, the manifest offers it from 1.
    let mut wrong_base = v2.clone();
    let name = "delta-1-2.json";
    let text = String::from_utf8(wrong_base.files[name].clone())
        .unwrap()
        .replace("\"from\":1", "\"from\":0");
    let mut manifest = wrong_base.manifest();
    manifest.deltas[0].file = file_ref(name, text.as_bytes());
    wrong_base.files.insert(name.into(), text.into_bytes());
    wrong_base.sign(&manifest, &signing);
    let e = refused(run(&wrong_base, device.clone(), Trust::default()).0);
    assert_eq!(e.kind, Kind::Malformed, "{e}");
    assert!(e.message.contains("starts from version 0"), "{e}");

    // A device two versions behind gets the snapshot.
    let mut far_behind = device;
    far_behind.held[0].version = 0;
    far_behind.held[0].manifest_sha256 = None;
    let (plan, _) = run(&v2, far_behind, Trust::default());
    assert!(matches!(plan, Ok(Plan::Snapshot { .. })), "{plan:?}");
}

#[test]
fn records_that_break_the_rules_are_refused_with_a_report_naming_service_and_field() {
    let (signing, public) = key();
    let bad = service("a", "A").replace("\"name\":\"A\"", "\"name\":\"A\",\"description\":5");
    let v1 = Published::new("umbria", 1, &[service("ok", "Ok"), bad], None, &signing);
    let e = refused(run(&v1, Device::default(), given(&public)).0);
    assert_eq!(e.kind, Kind::InvalidRecords, "{e}");
    let report = e.report.expect("a report");
    let problem = report.errors().next().unwrap();
    assert_eq!(
        (problem.service.as_str(), problem.field.as_str()),
        ("a", "description")
    );
    assert!(problem.message.contains("expected a string"), "{problem}");
}

#[test]
fn a_manifest_with_an_odd_feed_id_or_an_unreadable_expiry_is_malformed() {
    let (signing, public) = key();
    for (field, value) in [("feed", "Umbria Region"), ("expires_at", "next spring")] {
        let mut v1 = Published::new("umbria", 1, &[service("a", "A")], None, &signing);
        let mut manifest: serde_json::Value =
            serde_json::from_slice(&v1.files["manifest.json"]).unwrap();
        manifest[field] = value.into();
        let bytes = serde_json::to_vec(&manifest).unwrap();
        v1.files.insert(
            "manifest.json.minisig".into(),
            signing.sign(&bytes, "t").unwrap().into_bytes(),
        );
        v1.files.insert("manifest.json".into(), bytes);
        let e = refused(run(&v1, Device::default(), given(&public)).0);
        assert_eq!(e.kind, Kind::Malformed, "{field}: {e}");
    }
}

#[test]
fn a_file_that_is_not_the_version_its_manifest_announces_is_malformed() {
    let (signing, public) = key();
    let mut v1 = Published::new("umbria", 1, &[service("a", "A")], None, &signing);
    let other = br#"{"feed":"umbria","version":7,"services":[]}"#.to_vec();
    let mut manifest = v1.manifest();
    manifest.snapshot = file_ref("snapshot-1.json", &other);
    v1.files.insert("snapshot-1.json".into(), other);
    v1.sign(&manifest, &signing);
    let e = refused(run(&v1, Device::default(), given(&public)).0);
    assert_eq!(e.kind, Kind::Malformed, "{e}");
    assert!(e.message.contains("announces version 1"), "{e}");

    let mut not_json = Published::new("umbria", 1, &[service("a", "A")], None, &signing);
    not_json.files.insert(
        "manifest.json".into(),
        b"<html>captive portal</html>".to_vec(),
    );
    assert_eq!(
        refused(run(&not_json, Device::default(), given(&public)).0).kind,
        Kind::Malformed
    );
}

#[test]
fn not_modified_means_up_to_date_only_when_it_was_asked_for() {
    let (signing, public) = key();
    let v1 = Published::new("umbria", 1, &[service("a", "A")], None, &signing);
    let mut device = holding(&v1, std::slice::from_ref(&public));
    device.etag = Some(format!(
        "\"{}\"",
        &sha256_hex(&v1.files["manifest.json"])[..16]
    ));
    let (plan, asked) = run(&v1, device, Trust::default());
    assert!(
        matches!(plan, Ok(Plan::NotModified { ref feed, version: 1 }) if feed == "umbria"),
        "{plan:?}"
    );
    assert_eq!(asked, [Wanted::Manifest]);

    let (mut session, _) = Session::start(Device::default(), given(&public), now());
    let e = session.answer(Answer::NotModified).unwrap_err();
    assert_eq!(e.kind, Kind::Malformed, "{e}");
    // And a session that ended takes no more answers.
    assert!(session.answer(Answer::NotModified).is_err());
}

#[test]
fn an_expired_feed_is_still_planned_and_said_to_be_expired() {
    let (signing, public) = key();
    let mut v1 = Published::new("umbria", 1, &[service("a", "A")], None, &signing);
    let mut manifest = v1.manifest();
    manifest.expires_at = Some("2026-01-01T00:00:00Z".into());
    v1.sign(&manifest, &signing);
    let Ok(Plan::Snapshot { verified, .. }) = run(&v1, Device::default(), given(&public)).0 else {
        panic!()
    };
    assert!(verified.expired);
}

#[test]
fn a_verification_checks_every_file_as_a_device_would() {
    let (signing, public) = key();
    let upserts = [service("b", "B")];
    let v2 = Published::new(
        "umbria",
        2,
        &[service("a", "A"), service("b", "B")],
        Some((&upserts, &[])),
        &signing,
    );
    let verify = |published: &Published| {
        let (mut verification, mut request) = Verification::start(vec![public.clone()]);
        loop {
            match verification.answer(published.answer(&request)?)? {
                Some(next) => request = next,
                None => return Ok::<_, FeedError>(verification.finish().unwrap()),
            }
        }
    };
    let found = verify(&v2).unwrap();
    assert_eq!(found.services, 2);
    let files: Vec<&str> = found.files.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(files, ["snapshot-2.json", "delta-1-2.json"]);

    let mut tampered = v2.clone();
    tampered.files.get_mut("delta-1-2.json").unwrap()[5] ^= 1;
    assert_eq!(verify(&tampered).unwrap_err().kind, Kind::Mismatch);
}
