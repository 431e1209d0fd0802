//! What the snapshot and delta targets share: the manifest their files must agree with, and
//! the properties every record a sync accepts must have.

use bussola_feed::contract::Manifest;
use bussola_feed::records::Records;
use bussola_feed::session;

/// The manifest of the bundled feed's shape: feed "umbria", version 2. The seeds' snapshots
/// and deltas name the same feed and version, so fuzzing starts past `agrees`.
pub fn manifest() -> Manifest {
    session::parse_manifest(
        br#"{"feed":"umbria","version":2,"generated_at":"2026-11-22T11:29:33Z",
             "snapshot":{"url":"snapshot-2.json","sha256":"00","bytes":0},
             "deltas":[{"from":1,"url":"delta-1-2.json","sha256":"00","bytes":0}]}"#,
    )
    .expect("the fixed manifest parses")
}

/// What validation promises of the records it lets through: the properties the rest of the app
/// relies on (ids it can key on, coordinates it can put on Italy's map, text it can show
/// without rendering markup, links a person may tap).
pub fn check_accepted(records: &Records) {
    let mut ids = std::collections::HashSet::new();
    for record in &records.services {
        let (service, stored) = (&record.service, &record.json);
        assert!(
            !service.id.is_empty()
                && service
                    .id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "an id that is not a-z, 0-9 and - was accepted: {:?}",
            service.id
        );
        assert!(
            ids.insert(service.id.clone()),
            "a duplicate id was accepted: {:?}",
            service.id
        );
        for at in &service.service_at_locations {
            if let (Some(lat), Some(lon)) = (at.location.latitude, at.location.longitude) {
                assert!(
                    (35.0..=47.2).contains(&lat) && (6.5..=18.6).contains(&lon),
                    "a location outside Italy was accepted: {lat},{lon}"
                );
            }
        }
        let value: serde_json::Value =
            serde_json::from_str(stored).expect("the stored (minified) record is JSON");
        strings(&value, &mut |text| {
            assert!(!has_markup(text), "markup was accepted: {text:?}");
        });
        let sources = value["sources"].as_array().into_iter().flatten();
        let links = [&value["url"], &value["organization"]["website"]]
            .into_iter()
            .chain(sources);
        for link in links {
            if let Some(link) = link.as_str() {
                assert!(
                    link.starts_with("https://") || link.starts_with("http://"),
                    "a link that is not http(s) was accepted: {link:?}"
                );
            }
        }
    }
}

fn strings(value: &serde_json::Value, each: &mut dyn FnMut(&str)) {
    match value {
        serde_json::Value::String(text) => each(text),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, each)),
        serde_json::Value::Object(fields) => fields.values().for_each(|v| strings(v, each)),
        _ => {}
    }
}

fn has_markup(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
        || text.contains("javascript:")
}
