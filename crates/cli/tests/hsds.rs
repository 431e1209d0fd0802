//! `feed build` from Open Referral HSDS 3.0 (issue #18): the specification's own examples
//! (data/hsds, in the repository), refused as shipped with every impossible value named, and
//! built into a feed that `feed verify` accepts once those values are put right.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

mod common;
use common::cli;

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
        ("services.csv", "row 2, attributes", "no taxonomy term"),
    ] {
        assert!(
            output.lines().any(|l| l.contains("error:")
                && l.contains(file)
                && l.contains(&format!("service {id}, {field}: {message}"))),
            "no line names {file} {field}: {output}"
        );
    }
    // Days that contradict the description are a warning (the place gets no hours), said too.
    assert!(
        output.lines().any(|l| l.contains("warning:")
            && l.contains("schedules.csv")
            && l.contains(&format!(
                "service {id}, row 2, byday: TH,FR disagrees with the schedule's description"
            ))),
        "{output}"
    );
    assert!(
        output.contains("3 errors; nothing was built or signed"),
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
    ] {
        assert!(
            output.lines().any(|l| l.contains("error:")
                && l.contains("service_full.json")
                && l.contains(&format!("service {id}, {field}: {message}"))),
            "no line names {field}: {output}"
        );
    }
    assert!(
        output.lines().any(|l| l.contains("warning:")
            && l.contains(&format!(
                "service {id}, service_at_locations[0].schedules[0].byday: TH,FR disagrees"
            ))),
        "{output}"
    );
    assert!(
        output.contains("2 errors; nothing was built or signed"),
        "{output}"
    );
    assert!(!d.join("mycity-json/manifest.json").exists());
}

// `feed export --format hsds` (issue #18, "HSDS out"): the package is checked with a JSON
// Schema validator against the specification's own schemas, and both round trips are compared.

fn schemas() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/hsds/schema")
        .canonicalize()
        .unwrap()
}

/// The specification's schemas refer to each other by file name (`"$ref": "phone.json"`):
/// each is read from data/hsds/schema, beside the one that names it.
struct SchemaFiles;

impl jsonschema::Retrieve for SchemaFiles {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let path = uri.path().as_str();
        Ok(serde_json::from_str(&std::fs::read_to_string(path)?)?)
    }
}

/// Checks every table of the package in `dir` against the specification and returns its
/// tables' rows as JSON, by resource name.
///
/// Each row is validated against `data/hsds/schema/<table>.json`, the specification's JSON
/// schema for that table's object, with formats (uuid, email, uri) asserted. Those schemas
/// describe HSDS JSON, where a service nests its phones and so on; a tabular row holds only its
/// own columns, and none of the nested arrays is `required`, so the row is checked as an object
/// without them, and the `$ref`s to the nested tables are resolved from the schema files (not
/// stubbed). A cell is given the type the package's schema declares for its column (a number,
/// a boolean, else text); an empty cell is left out rather than made `null`: in a CSV an empty
/// cell is HSDS's "no value", and the JSON schemas say "no value" by the field's absence (every
/// optional field is `"type": "string"`, which `null` fails), while a `required` field left
/// empty still fails. Bussola's own tables (`x_bussola_…`) have no HSDS schema: only their
/// declaration is checked.
fn validated_package(dir: &Path) -> std::collections::BTreeMap<String, Vec<Value>> {
    let package: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("datapackage.json")).unwrap())
            .unwrap();
    let spec: Value = serde_json::from_str(
        &std::fs::read_to_string(examples().join("csv/datapackage.json")).unwrap(),
    )
    .unwrap();
    let mut listed = std::collections::BTreeSet::new();
    let mut tables = std::collections::BTreeMap::new();
    for resource in package["resources"].as_array().unwrap() {
        let name = resource["name"].as_str().unwrap();
        let path = resource["path"].as_str().unwrap();
        listed.insert(path.to_owned());
        let fields = resource["schema"]["fields"].as_array().unwrap();
        let columns: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
        let text = std::fs::read_to_string(dir.join(path)).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(header, columns, "{path}: the header is the declared fields");
        let rows: Vec<Value> = reader
            .records()
            .map(|record| {
                let record = record.unwrap();
                let mut row = serde_json::Map::new();
                for (field, cell) in fields.iter().zip(record.iter()) {
                    if cell.is_empty() {
                        continue;
                    }
                    let value = match field["type"].as_str() {
                        Some("number") => serde_json::from_str::<Value>(cell)
                            .ok()
                            .filter(Value::is_number)
                            .unwrap_or_else(|| panic!("{path}: {cell} is not a number")),
                        Some("boolean") => Value::Bool(cell == "true"),
                        _ => Value::String(cell.to_owned()),
                    };
                    row.insert(field["name"].as_str().unwrap().to_owned(), value);
                }
                Value::Object(row)
            })
            .collect();
        if name.starts_with("x_bussola_") {
            assert!(
                resource["description"]
                    .as_str()
                    .unwrap()
                    .contains("Bussola extension")
            );
        } else {
            // Declared as the specification declares it: its fields first, in its order, then
            // only Bussola's described extensions.
            let theirs = spec["resources"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["name"] == name)
                .unwrap_or_else(|| panic!("{name} is no HSDS table"));
            assert_eq!(resource["path"], theirs["path"]);
            let spec_fields = theirs["schema"]["fields"].as_array().unwrap();
            assert_eq!(
                &fields[..spec_fields.len()],
                spec_fields.as_slice(),
                "{name}"
            );
            for extra in &fields[spec_fields.len()..] {
                assert!(extra["name"].as_str().unwrap().starts_with("x_bussola_"));
                assert!(extra["description"].as_str().unwrap().len() > 20);
            }
            let file = schemas().join(format!("{name}.json"));
            let schema: Value =
                serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
            let validator = jsonschema::options()
                .with_base_uri(format!("file://{}", file.display()))
                .with_retriever(SchemaFiles)
                .should_validate_formats(true)
                .build(&schema)
                .unwrap();
            for (i, row) in rows.iter().enumerate() {
                let errors: Vec<String> = validator
                    .iter_errors(row)
                    .map(|e| format!("{e} at {}", e.instance_path()))
                    .collect();
                assert!(errors.is_empty(), "{path}, row {}: {errors:?}", i + 2);
            }
        }
        tables.insert(name.to_owned(), rows);
    }
    let files: std::collections::BTreeSet<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".csv"))
        .collect();
    assert_eq!(files, listed, "datapackage.json lists every table");
    tables
}

fn export_hsds(feed: &Path, out: &Path) -> Output {
    cli(&[
        "feed",
        "export",
        feed.to_str().unwrap(),
        "--format",
        "hsds",
        "--out",
        out.to_str().unwrap(),
    ])
}

#[test]
fn the_bundled_feed_exported_as_hsds_is_valid_and_builds_back_into_the_same_services() {
    let dir = workspace();
    let d = dir.path();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/umbria/feed");
    let out = export_hsds(&bundled, &d.join("hsds"));
    assert!(out.status.success(), "{}", said(&out));
    assert!(
        said(&out).contains("144 services written"),
        "{}",
        said(&out)
    );
    let tables = validated_package(&d.join("hsds"));
    // Categories are terms of Bussola's taxonomy, linked to the services.
    assert_eq!(tables["taxonomy"].len(), 1);
    assert!(
        tables["taxonomy_term"]
            .iter()
            .any(|t| t["code"] == "permits")
    );
    assert!(tables["attribute"].len() >= 144);
    assert!(!tables["schedule"].is_empty());

    // Built again with no taxonomy map: the terms' codes are the categories.
    let built = cli(&[
        "feed",
        "build",
        "--id",
        "umbria",
        "--source",
        d.join("hsds").to_str().unwrap(),
        "--out",
        d.join("umbria").to_str().unwrap(),
        "--key",
        d.join("feed.key").to_str().unwrap(),
    ]);
    assert!(built.status.success(), "{}", said(&built));
    let snapshot: Value =
        serde_json::from_str(&std::fs::read_to_string(bundled.join("snapshot-5.json")).unwrap())
            .unwrap();
    let before = snapshot["services"].as_array().unwrap();
    let mut after = published(d, "umbria");
    assert_eq!(after.len(), before.len());
    for service in &mut after {
        // The one thing a package adds: HSDS requires an address's type, and a Bussola place
        // is a place to go. (An address HSDS cannot hold, kept in x_bussola_addresses.csv,
        // gets none.)
        for at in service["service_at_locations"].as_array_mut().unwrap() {
            for address in at["location"]["addresses"]
                .as_array_mut()
                .into_iter()
                .flatten()
            {
                let given = address.as_object_mut().unwrap().remove("address_type");
                assert!(given.is_none_or(|t| t == "physical"), "{address}");
            }
        }
    }
    // A null says nothing (a device reads it as the field left out): the published feed has
    // a few (`"opening_hours": null`), which no HSDS cell can tell from an empty one.
    fn without_nulls(value: &Value) -> Value {
        match value {
            Value::Object(o) => Value::Object(
                o.iter()
                    .filter(|(_, v)| !v.is_null())
                    .map(|(k, v)| (k.clone(), without_nulls(v)))
                    .collect(),
            ),
            Value::Array(a) => Value::Array(a.iter().map(without_nulls).collect()),
            other => other.clone(),
        }
    }
    for (then, now) in before.iter().zip(&after) {
        let (then, now) = (without_nulls(then), without_nulls(now));
        let then = then.as_object().unwrap();
        let now = now.as_object().unwrap();
        for (field, value) in then {
            if value.is_null() || value.as_array().is_some_and(Vec::is_empty) {
                continue;
            }
            assert_eq!(now.get(field), Some(value), "{}: {field}", then["id"]);
        }
        for field in now.keys() {
            assert!(then.contains_key(field), "{}: {field} added", then["id"]);
        }
    }
}

#[test]
fn the_specifications_example_built_and_exported_gives_back_the_fields_bussola_carries() {
    let dir = workspace();
    let d = dir.path();
    let package = corrected_package(d);
    let out = build(d, "mycity", &package);
    assert!(out.status.success(), "{}", said(&out));
    let out = export_hsds(&d.join("mycity"), &d.join("hsds"));
    assert!(out.status.success(), "{}", said(&out));
    let exported = validated_package(&d.join("hsds"));

    let read = |table: &str| -> Vec<Value> {
        let text = std::fs::read_to_string(package.join(table)).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header = reader.headers().unwrap().clone();
        reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                Value::Object(
                    header
                        .iter()
                        .zip(r.iter())
                        .filter(|(_, v)| !v.is_empty())
                        .map(|(h, v)| (h.to_owned(), Value::String(v.to_owned())))
                        .collect(),
                )
            })
            .collect()
    };
    // The columns both sides know, per table. Ids of the records Bussola keeps by id
    // (services, organizations, locations) come back; the rows under them get new ones.
    let common: &[(&str, &str, &[&str])] = &[
        (
            "service",
            "services.csv",
            &[
                "id",
                "organization_id",
                "name",
                "alternate_name",
                "url",
                "email",
                "status",
                "interpretation_services",
                "application_process",
                "fees_description",
                "eligibility_description",
                "assured_date",
                "alert",
            ],
        ),
        (
            "organization",
            "organizations.csv",
            &["id", "name", "description", "website"],
        ),
        (
            "location",
            "locations.csv",
            &[
                "id",
                "location_type",
                "name",
                "description",
                "transportation",
                "latitude",
                "longitude",
            ],
        ),
        (
            "address",
            "addresses.csv",
            &[
                "location_id",
                "attention",
                "address_1",
                "address_2",
                "city",
                "region",
                "state_province",
                "postal_code",
                "country",
                "address_type",
            ],
        ),
        (
            "service_at_location",
            "service_at_location.csv",
            &["service_id", "location_id"],
        ),
        ("language", "languages.csv", &["name", "code"]),
        (
            "required_document",
            "required_documents.csv",
            &["service_id", "document", "uri"],
        ),
        (
            "accessibility",
            "accessibility.csv",
            &["location_id", "description", "details", "url"],
        ),
    ];
    for (name, file, columns) in common {
        let project = |row: &Value| -> Value {
            let mut out = serde_json::Map::new();
            for c in *columns {
                let v = match &row[*c] {
                    Value::Number(n) => Value::String(n.to_string()),
                    // Texts are trimmed on the way in ("… circumstances. ").
                    Value::String(s) => Value::String(s.trim().to_owned()),
                    other => other.clone(),
                };
                out.insert((*c).to_owned(), v);
            }
            Value::Object(out)
        };
        let mut before: Vec<Value> = read(file).iter().map(project).collect();
        let mut after: Vec<Value> = exported[*name].iter().map(project).collect();
        before.sort_by_key(Value::to_string);
        before.dedup();
        after.sort_by_key(Value::to_string);
        after.dedup();
        assert_eq!(after, before, "{file}");
    }
    // The phone, without the quote marks the import took off.
    let phone = &exported["phone"][0];
    assert_eq!(phone["number"], "+44 1234 234567");
    assert_eq!(phone["extension"], 100);
    // The schedule's weekly hours, as the corrected row gives them (10:00:00 is 10:00).
    let [schedule] = exported["schedule"].as_slice() else {
        panic!("{:?}", exported["schedule"])
    };
    assert_eq!(schedule["byday"], "MO,TU,WE,TH,FR");
    assert_eq!(schedule["freq"], "WEEKLY");
    assert_eq!(
        (
            schedule["opens_at"].as_str(),
            schedule["closes_at"].as_str()
        ),
        (Some("10:00"), Some("18:00"))
    );
    // The example's own term became Bussola's category through the map: that term is gone,
    // the category's is there.
    assert_eq!(exported["taxonomy_term"][0]["code"], "health");
}
