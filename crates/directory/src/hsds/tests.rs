//! The HSDS reading against the specification's own examples (data/hsds, copied into the
//! repository), as shipped and corrected.

use super::*;
use serde_json::json;
use std::path::PathBuf;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/hsds/examples")
}

fn example(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(examples().join(name)).unwrap()).unwrap()
}

fn options() -> Options {
    Options {
        // The example's term is literally code "code", name "name".
        taxonomy: TaxonomyMap::from_csv("map.csv", "term,category\ncode,health\n").unwrap(),
        today: chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
    }
}

/// The errors of a refused source, as `field: message` under their file's name.
fn refused(result: Result<Imported>) -> Vec<String> {
    match result {
        Err(Error::Feed(e)) => e
            .report
            .unwrap()
            .errors()
            .map(|p| {
                let file = Path::new(&p.file).file_name().unwrap().to_string_lossy();
                format!("{file} {} {}: {}", p.service, p.field, p.message)
            })
            .collect(),
        Err(other) => panic!("refused for another reason: {other}"),
        Ok(imported) => panic!("read: {:#?}", imported.services),
    }
}

/// The warnings of a refused source, in the same form as [`refused`]'s errors: reported beside
/// them, so that the editor hears of both at once.
fn warned(result: Result<Imported>) -> Vec<String> {
    match result {
        Err(Error::Feed(e)) => e
            .report
            .unwrap()
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .map(|p| {
                let file = Path::new(&p.file).file_name().unwrap().to_string_lossy();
                format!("{file} {} {}: {}", p.service, p.field, p.message)
            })
            .collect(),
        Err(other) => panic!("refused for another reason: {other}"),
        Ok(imported) => panic!("read: {:#?}", imported.services),
    }
}

fn has(errors: &[String], expected: &str) {
    assert!(
        errors.iter().any(|e| e.starts_with(expected)),
        "no error starting {expected:?} in {errors:#?}"
    );
}

/// A schedule row of the examples with its impossible and inexpressible values put right: the
/// days its description says, Italian time, no end in the past, no RRULE parts beyond hours.
fn corrected_schedule(row: &mut Value) {
    let row = row.as_object_mut().unwrap();
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

/// A plausible Italian point for the examples' invented "MyCity": Perugia.
const LATITUDE: f64 = 43.1107;
const LONGITUDE: f64 = 12.3908;

fn corrected_json() -> Value {
    let mut service = example("service_full.json");
    let place = &mut service["service_at_locations"][0];
    place["location"]["latitude"] = LATITUDE.into();
    place["location"]["longitude"] = LONGITUDE.into();
    for path in [
        "/schedules",
        "/service_at_locations/0/schedules",
        "/service_at_locations/0/location/schedules",
    ] {
        let schedules = service.pointer_mut(path).unwrap().as_array_mut().unwrap();
        schedules.iter_mut().for_each(corrected_schedule);
    }
    service
}

/// The tabular example copied into `dir` with the same corrections, and its one attribute
/// linked to the service (as shipped it links to an id no table has).
fn corrected_package(dir: &Path) {
    for entry in std::fs::read_dir(examples().join("csv")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(dir.join(path.file_name().unwrap()), text).unwrap();
    }
    let edit = |file: &str, edit: &dyn Fn(&mut BTreeMap<String, String>)| {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(&headers).unwrap();
        for record in reader.records() {
            let mut row: BTreeMap<String, String> = headers
                .iter()
                .zip(record.unwrap().iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect();
            edit(&mut row);
            writer
                .write_record(headers.iter().map(|h| row[h].clone()))
                .unwrap();
        }
        std::fs::write(path, writer.into_inner().unwrap()).unwrap();
    };
    use std::collections::BTreeMap;
    edit("locations.csv", &|row| {
        row.insert("latitude".into(), LATITUDE.to_string());
        row.insert("longitude".into(), LONGITUDE.to_string());
    });
    edit("schedules.csv", &|row| {
        row.insert("byday".into(), "MO,TU,WE,TH,FR".into());
        row.insert("timezone".into(), "1".into());
        for gone in [
            "valid_to",
            "until",
            "count",
            "byweekno",
            "bymonthday",
            "byyearday",
        ] {
            row.insert(gone.into(), String::new());
        }
    });
    edit("attributes.csv", &|row| {
        row.insert(
            "link_id".into(),
            "ac148810-d857-441c-9679-408f346de14b".into(),
        );
    });
}

#[test]
fn bussolas_own_json_is_not_taken_for_hsds_and_hsds_shapes_are() {
    let umbria: Value = serde_json::from_str(
        &std::fs::read_to_string(examples().join("../../umbria/services.json")).unwrap(),
    )
    .unwrap();
    assert!(!is_hsds_json(&umbria));
    assert!(!is_hsds_json(&json!([{"id": "x", "name": "X"}])));
    assert!(!is_hsds_json(
        &json!({"services": [{"id": "x"}], "notices": []})
    ));
    // With Bussola's categories, a service is Bussola's whatever else it carries.
    assert!(!is_hsds_json(
        &json!([{"id": "x", "categories": ["legal"], "schedules": []}])
    ));
    assert!(is_hsds_json(&example("service_full.json")));
    assert!(is_hsds_json(&example("service_list.json")));
    assert!(is_hsds_json(&json!([example("service_full.json")])));
    assert!(is_hsds_json(&json!([{"id": "x", "service_at_locations": [
        {"location": {"location_type": "physical", "latitude": 43.1, "longitude": 12.4}}]}])));
    assert!(is_package(&examples().join("csv")));
    assert!(is_package(&examples().join("csv/datapackage.json")));
    assert!(!is_package(&examples().join("service_full.json")));
}

#[test]
fn the_json_example_as_shipped_is_refused_naming_each_impossible_value() {
    let read = || {
        from_json(
            "service_full.json",
            example("service_full.json"),
            &Options::default(),
        )
    };
    let errors = refused(read());
    let id = "ac148810-d857-441c-9679-408f346de14b";
    let at = format!("service_full.json {id} service_at_locations[0]");
    has(
        &errors,
        &format!("{at}.location.latitude: 100 is not a latitude"),
    );
    // 101 is a longitude (east of India); the feed's own check refuses it as outside Italy.
    has(
        &errors,
        &format!("{at}.schedules[0].timezone: 3 (UTC+3) is not Italian time"),
    );
    // Without a map its one term, code "code", is no Bussola category.
    has(
        &errors,
        &format!(
            "service_full.json {id} attributes: none of its taxonomy terms is a Bussola category"
        ),
    );
    assert_eq!(errors.len(), 3, "{errors:#?}");
    // "weekdays" over Thursday and Friday: one of the two is wrong, which only the editor can
    // tell, so the place would get no hours; said beside the errors.
    has(
        &warned(read()),
        &format!(
            "{at}.schedules[0].byday: TH,FR disagrees with the schedule's description, which \
             says \"weekdays\" (Mo-Fr); the hours are left empty"
        ),
    );
}

#[test]
fn the_tabular_example_as_shipped_is_refused_naming_file_row_and_field() {
    let errors = refused(read_package(&examples().join("csv"), &options()));
    let warnings = warned(read_package(&examples().join("csv"), &options()));
    let id = "ac148810-d857-441c-9679-408f346de14b";
    has(
        &errors,
        &format!("locations.csv {id} row 2, latitude: 100 is not a latitude"),
    );
    has(
        &errors,
        &format!("schedules.csv {id} row 2, timezone: 3 (UTC+3)"),
    );
    has(
        &warnings,
        &format!("schedules.csv {id} row 2, byday: TH,FR disagrees"),
    );
    // Its attribute links the term to an id that is nowhere, so the service has no term.
    has(
        &errors,
        &format!("services.csv {id} row 2, attributes: no taxonomy term"),
    );
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

#[test]
fn the_json_example_corrected_is_carried_field_by_field() {
    let imported = from_json("service_full.json", corrected_json(), &options()).unwrap();
    let [service] = imported.services.as_slice() else {
        panic!("{:#?}", imported.services)
    };
    let expected = json!({
        "id": "ac148810-d857-441c-9679-408f346de14b",
        "name": "Community Counselling",
        "alternate_name": "MyCity Counselling Services",
        // Texts are trimmed ("… circumstances. ").
        "description": example("service_full.json")["description"].as_str().unwrap().trim(),
        "url": "http://example.com/counselling",
        "email": "email@example.com",
        "status": "active",
        "interpretation_services": "Interpretation services are available in Urdu, Polish, and Slovak",
        "application_process": example("service_full.json")["application_process"],
        "fees_description": example("service_full.json")["fees_description"],
        "eligibility_description": "This service is intended for all people aged 12 and over who require counselling services in the MyCity area",
        "assured_date": "2005-01-01",
        "alert": example("service_full.json")["alert"],
        // The organization's description and the address's attention and type are kept so
        // that an HSDS export gives them back (HSDS requires the description and the type).
        "organization": {"id": "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610",
                         "name": "Example Organization Inc.", "website": "http://example.com",
                         "description": example("organization_full.json")["description"]},
        "phones": [{"number": "+44 1234 234567", "extension": 100, "type": "voice",
                    "description": example("service_full.json")["phones"][0]["description"],
                    "languages": [{"code": "ur", "name": "Urdu"}]}],
        "languages": [{"code": "ur", "name": "Urdu"}],
        "required_documents": [{"document": example("service_full.json")["required_documents"][0]["document"],
                                "uri": "http://example.com"}],
        "categories": ["health"],
        "service_at_locations": [{
            "location": {
                "id": "3a19ff88-4620-4d17-9830-ac1d859eb5d5",
                "name": "MyCity Civic Center",
                "description": "MyCity Civic Center is located on Main Street and contains facilities for a number of civic and community services available.",
                "transportation": "MyCity Civic Center is serviced by the number 1 Bus and is a short walk from the Main Street Metro Station",
                "latitude": LATITUDE, "longitude": LONGITUDE,
                "addresses": [{"attention": "A. Persona", "address_type": "postal",
                               "address_1": "1-30 Main Street", "address_2": "MyVillage",
                               "city": "MyCity", "region": "MyRegion", "state_province": "MyState",
                               "postal_code": "ABC 1234", "country": "US"}],
                "accessibility": [{"description": "The building is equipped with induction loops for hearing aids. Wheelchair access is possible on all levels.",
                                   "details": "Switch hearing aid to T-coil to access the induction loop facility.",
                                   "url": "http://example.com"}],
                "languages": [{"code": "ur", "name": "Urdu"}]
            },
            "opening_hours": "Mo-Fr 10:00-18:00"
        }]
    });
    assert_eq!(*service, expected);
    // The quote marks around the phone number were taken off, and said so.
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.contains("phones[0].number: the quote marks around \"+44 1234 234567\"")),
        "{:#?}",
        imported.warnings
    );
    assert!(bussola_feed::records::check_values("service_full.json", &imported.services).is_ok());
}

#[test]
fn the_tabular_example_corrected_reads_as_its_json_twin() {
    let dir = tempfile::tempdir().unwrap();
    corrected_package(dir.path());
    let from_package = read_package(dir.path(), &options()).unwrap();
    let from_json = from_json("service_full.json", corrected_json(), &options()).unwrap();
    assert_eq!(from_package.services, from_json.services);
    assert!(
        from_package
            .warnings
            .iter()
            .any(|w| w.contains("phones.csv") && w.contains("row 2, number: the quote marks")),
        "{:#?}",
        from_package.warnings
    );
    // The same, through its datapackage.json.
    let again = read_package(&dir.path().join("datapackage.json"), &options()).unwrap();
    assert_eq!(again.services, from_package.services);
}

#[test]
fn a_shipped_attribute_linked_to_nothing_is_reported() {
    let result = read_package(&examples().join("csv"), &options());
    assert!(result.is_err());
    // Read on its own, the package's warnings name the attribute row.
    let joined = tabular::join(&examples().join("csv")).unwrap();
    assert!(
        joined
            .warnings
            .iter()
            .any(|w| w.contains("attributes.csv, row 2, link_id")
                && w.contains("f28dd44b-0c4d-479f-8e90-4c52219a8b3c")),
        "{:#?}",
        joined.warnings
    );
}

fn place(lat: f64, lon: f64) -> Value {
    json!([{"location": {"location_type": "physical", "latitude": lat, "longitude": lon}}])
}

#[test]
fn unmapped_terms_are_reported_once_with_their_count() {
    let term = |code: &str| json!({"taxonomy_term": {"id": format!("t-{code}"), "code": code, "name": code}});
    let services = json!([
        {"id": "a", "name": "A", "status": "active", "service_at_locations": place(43.1, 12.4),
         "attributes": [term("legal"), term("BD-1800")]},
        {"id": "b", "name": "B", "status": "active", "service_at_locations": place(43.1, 12.4),
         "attributes": [term("BD-1800"), term("mediation")]},
    ]);
    let imported = from_json("s.json", services, &Options::default()).unwrap();
    assert_eq!(imported.services[0]["categories"], json!(["legal"]));
    assert_eq!(imported.services[1]["categories"], json!(["mediation"]));
    let unmapped: Vec<&String> = imported
        .warnings
        .iter()
        .filter(|w| w.contains("BD-1800"))
        .collect();
    assert_eq!(unmapped.len(), 1, "{:#?}", imported.warnings);
    assert!(unmapped[0].contains("is on 2 services"), "{unmapped:?}");
}

#[test]
fn what_cannot_be_true_is_named_and_what_cannot_be_carried_is_reported() {
    let services = json!({"contents": [
        {"id": "X-1", "name": "X", "status": "open", "assured_date": "last year",
         "attributes": [{"taxonomy_term": {"code": "legal"}}],
         "languages": [{"name": "Tigrinya"}, {"code": "ARA"}],
         "service_at_locations": [
            {"location": {"location_type": "virtual", "url": "https://example.org"}},
            {"location": {"latitude": "43,1", "longitude": 12.4}},
            {"location": {"latitude": 43.1}}]}],
        "total_pages": 3, "page_number": 1, "total_items": 30});
    let errors = refused(from_json("s.json", services.clone(), &Options::default()));
    has(
        &errors,
        "s.json X-1 status: \"open\" is not a status HSDS knows",
    );
    has(
        &errors,
        "s.json X-1 assured_date: \"last year\" is not a date",
    );
    has(
        &errors,
        "s.json X-1 service_at_locations[1].location.latitude: \"43,1\" is not a number",
    );
    has(
        &errors,
        "s.json X-1 service_at_locations[2].location.longitude: missing, with a latitude",
    );
    assert_eq!(errors.len(), 4, "{errors:#?}");

    let mut fixed = services;
    let service = &mut fixed["contents"][0];
    service["status"] = "active".into();
    service["assured_date"] = "2025-11-03T10:00:00Z".into();
    service["service_at_locations"][1]["location"]["latitude"] = 43.1.into();
    service["service_at_locations"][2]["location"]["longitude"] = 12.4.into();
    let imported = from_json("s.json", fixed, &Options::default()).unwrap();
    let service = &imported.services[0];
    // Ids are taken as written, unless a UUID (the same in either case).
    assert_eq!(service["id"], "X-1");
    assert_eq!(service["assured_date"], "2025-11-03");
    assert_eq!(service["languages"], json!([{"code": "ar"}]));
    assert_eq!(service["service_at_locations"].as_array().unwrap().len(), 2);
    // Which page of the list it is, for the caller who has every source to check the others.
    assert_eq!(imported.page, Some(Page { number: 1, of: 3 }));
    let warnings = imported.warnings.join("\n");
    for said in [
        "languages[0].code: the language \"Tigrinya\" has no code",
        "service_at_locations[0].location.location_type: a virtual location is no place to go",
    ] {
        assert!(warnings.contains(said), "{said} in {warnings}");
    }
}

#[test]
fn a_page_of_an_api_list_is_built_only_beside_all_its_other_pages() {
    let dir = tempfile::tempdir().unwrap();
    let page = |number: u64, id: &str| {
        let path = dir.path().join(format!("page-{number}.json"));
        let services = json!({"contents": [
            {"id": id, "name": id, "status": "active", "service_at_locations": place(43.1, 12.4),
             "attributes": [{"taxonomy_term": {"code": "legal"}}]}],
            "total_pages": 3, "page_number": number, "total_items": 3});
        std::fs::write(&path, services.to_string()).unwrap();
        path
    };
    let (one, two, three) = (page(1, "a"), page(2, "b"), page(3, "c"));
    // A page alone would publish a feed without the other pages' services.
    let error = crate::publish::read_sources(&[one.clone(), three.clone()])
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("page-1.json is page 1 of 3 of an HSDS list, and page 2 is not among"),
        "{error}"
    );
    assert!(error.contains("give every page as a --source"), "{error}");
    let all = crate::publish::read_sources(&[three, one, two]).unwrap();
    assert_eq!(all.services.len(), 3);
    assert!(
        all.warnings.iter().all(|w| !w.contains("page")),
        "{:?}",
        all.warnings
    );
}
