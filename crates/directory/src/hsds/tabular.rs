//! An HSDS tabular data package joined into nested services: `datapackage.json` names each
//! table's CSV file; the rows that point at a service (its organization, phones, languages,
//! documents, attributes and their terms, its services at locations with their locations,
//! addresses, accessibility and schedules) are gathered under it in HSDS JSON's shape, so one
//! reading serves both forms.
//!
//! Every joined object keeps the file and row it came from (`ORIGIN`): a problem is
//! named as `locations.csv, row 2, latitude`, which is where the editor fixes it. A reference
//! to a row that is not there is an error; a table the package lists but does not hold is read
//! as empty and reported, except the services themselves.

use super::{At, ORIGIN};
use crate::{Error, Result};
use bussola_feed::records::{Problem, Severity};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A package's services, joined, with what joining found.
pub(super) struct Joined {
    /// The package, as problems name it.
    pub label: String,
    pub services: Vec<Value>,
    pub problems: Vec<Problem>,
    pub warnings: Vec<String>,
}

/// One row of a table: its non-empty cells.
struct Row {
    file: String,
    number: usize,
    cells: BTreeMap<String, String>,
}

impl Row {
    fn cell(&self, column: &str) -> Option<&str> {
        self.cells.get(column).map(String::as_str)
    }

    /// The row as an HSDS object, remembering where it is.
    fn object(&self) -> Value {
        let mut object: Map<String, Value> = self
            .cells
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect();
        object.insert(
            ORIGIN.into(),
            json!({"file": self.file, "row": self.number}),
        );
        Value::Object(object)
    }

    fn at(&self) -> At {
        At::row(&self.file, self.number)
    }
}

/// The package's tables by HSDS name, with the file each is in.
struct Package {
    base: PathBuf,
    label: String,
    resources: HashMap<String, Vec<String>>,
    warnings: Vec<String>,
}

impl Package {
    fn open(path: &Path) -> Result<Package> {
        let file = if path.is_dir() {
            let file = path.join("datapackage.json");
            if !file.is_file() {
                return Err(Error::InvalidFeed(format!(
                    "{} is a folder without a datapackage.json: an HSDS tabular data package \
                     needs one beside its CSV files",
                    path.display()
                )));
            }
            file
        } else {
            path.to_owned()
        };
        let label = file.display().to_string();
        let text = std::fs::read_to_string(&file)
            .map_err(|e| Error::InvalidFeed(format!("cannot read {label}: {e}")))?;
        let package: Value = serde_json::from_str(&text)
            .map_err(|e| Error::InvalidFeed(format!("{label} is not JSON: {e}")))?;
        let Some(listed) = package["resources"].as_array() else {
            return Err(Error::InvalidFeed(format!(
                "{label} lists no \"resources\": it is not a data package"
            )));
        };
        let mut resources = HashMap::new();
        for (i, resource) in listed.iter().enumerate() {
            let Some(name) = resource["name"].as_str() else {
                continue;
            };
            let paths: Vec<String> = match &resource["path"] {
                Value::String(p) => vec![p.clone()],
                Value::Array(ps) => ps
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect(),
                _ => Vec::new(),
            };
            if let Some(remote) = paths.iter().find(|p| p.contains("://")) {
                return Err(Error::InvalidFeed(format!(
                    "{label}, resources[{i}] ({name}): {remote} is on the web; a build reads \
                     only files beside datapackage.json, so download it there"
                )));
            }
            resources.insert(name.to_owned(), paths);
        }
        Ok(Package {
            base: file.parent().map(Path::to_owned).unwrap_or_default(),
            label,
            resources,
            warnings: Vec::new(),
        })
    }

    /// The rows of table `name` (`service`, `location`…): the files the package names for it,
    /// or HSDS's own file name when it names none.
    fn table(&mut self, name: &str, default: &str) -> Result<Vec<Row>> {
        let files = self
            .resources
            .get(name)
            .cloned()
            .unwrap_or_else(|| vec![default.to_owned()]);
        let mut rows = Vec::new();
        for file in files {
            let path = self.base.join(&file);
            if !path.is_file() {
                if name == "service" {
                    return Err(Error::InvalidFeed(format!(
                        "{}: the services table {} is not there",
                        self.label,
                        path.display()
                    )));
                }
                if self.resources.contains_key(name) {
                    self.warnings.push(format!(
                        "warning: {}: lists {file} ({name}), which is not beside it; read as \
                         empty",
                        self.label
                    ));
                }
                continue;
            }
            rows.extend(read_csv(&path)?);
        }
        Ok(rows)
    }
}

fn read_csv(path: &Path) -> Result<Vec<Row>> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::InvalidFeed(format!("cannot read {file}: {e}")))?;
    let table = crate::spreadsheet::read_table(&file, &text)?;
    let headers = table.headers;
    let mut rows = Vec::new();
    for (number, record) in table.rows {
        let record =
            record.map_err(|e| Error::InvalidFeed(format!("{file}, row {number}: {e}")))?;
        let cells = headers
            .iter()
            .zip(record.iter())
            .filter(|(_, v)| !v.is_empty())
            .map(|(h, v)| (h.clone(), v.to_owned()))
            .collect();
        rows.push(Row {
            file: file.clone(),
            number,
            cells,
        });
    }
    Ok(rows)
}

/// Rows grouped by the value of one of their columns.
fn by<'r>(rows: &'r [Row], column: &str) -> HashMap<&'r str, Vec<&'r Row>> {
    let mut index: HashMap<&str, Vec<&Row>> = HashMap::new();
    for row in rows {
        if let Some(key) = row.cell(column) {
            index.entry(key).or_default().push(row);
        }
    }
    index
}

fn first<'r>(index: &HashMap<&str, Vec<&'r Row>>, key: &str) -> Option<&'r Row> {
    index.get(key).and_then(|rows| rows.first()).copied()
}

fn all<'m, 'r>(index: &'m HashMap<&str, Vec<&'r Row>>, key: &str) -> &'m [&'r Row] {
    index.get(key).map_or(&[], Vec::as_slice)
}

/// Joins the package at `path` (its folder or its `datapackage.json`).
pub(super) fn join(path: &Path) -> Result<Joined> {
    let mut package = Package::open(path)?;
    let services = package.table("service", "services.csv")?;
    let organizations = package.table("organization", "organizations.csv")?;
    let at_locations = package.table("service_at_location", "service_at_location.csv")?;
    let locations = package.table("location", "locations.csv")?;
    let addresses = package.table("address", "addresses.csv")?;
    let accessibility = package.table("accessibility", "accessibility.csv")?;
    let phones = package.table("phone", "phones.csv")?;
    let schedules = package.table("schedule", "schedules.csv")?;
    let languages = package.table("language", "languages.csv")?;
    let documents = package.table("required_document", "required_documents.csv")?;
    let attributes = package.table("attribute", "attributes.csv")?;
    let terms = package.table("taxonomy_term", "taxonomy_terms.csv")?;
    // Bussola's own extension tables (`export`), which other packages do not have.
    let translations = package.table("x_bussola_translation", "x_bussola_translations.csv")?;
    let partial_addresses = package.table("x_bussola_address", "x_bussola_addresses.csv")?;

    let organizations_by_id = by(&organizations, "id");
    let locations_by_id = by(&locations, "id");
    let terms_by_id = by(&terms, "id");
    let at_locations_by_service = by(&at_locations, "service_id");
    let addresses_by_location = by(&addresses, "location_id");
    let partial_addresses_by_location = by(&partial_addresses, "location_id");
    let translations_by_service = by(&translations, "service_id");
    let accessibility_by_location = by(&accessibility, "location_id");
    let phones_by_service = by(&phones, "service_id");
    let phones_by_at_location = by(&phones, "service_at_location_id");
    let languages_by_service = by(&languages, "service_id");
    let languages_by_location = by(&languages, "location_id");
    let languages_by_phone = by(&languages, "phone_id");
    let documents_by_service = by(&documents, "service_id");
    let attributes_by_link = by(&attributes, "link_id");
    let schedules_by_service = by(&schedules, "service_id");
    let schedules_by_at_location = by(&schedules, "service_at_location_id");
    let schedules_by_location = by(&schedules, "location_id");

    let mut problems = Vec::new();
    let mut problem = |service: &str, at: At, message: String| {
        problems.push(Problem {
            severity: Severity::Error,
            file: at.file,
            service: service.to_owned(),
            field: at.path,
            message,
        });
    };
    let phone = |row: &Row| {
        let mut phone = row.object();
        let id = row.cell("id").unwrap_or_default();
        phone["languages"] = all(&languages_by_phone, id)
            .iter()
            .map(|l| l.object())
            .collect();
        phone
    };

    let mut joined = Vec::with_capacity(services.len());
    for row in &services {
        let mut service = row.object();
        let id = row.cell("id").unwrap_or_default();
        let label = if id.is_empty() {
            format!("{}, row {}", row.file, row.number)
        } else {
            id.to_owned()
        };
        if let Some(org) = row.cell("organization_id") {
            match first(&organizations_by_id, org) {
                Some(organization) => service["organization"] = organization.object(),
                None => problem(
                    &label,
                    row.at().field("organization_id"),
                    format!("\"{org}\" is in no row of the organizations table"),
                ),
            }
        }
        service["phones"] = all(&phones_by_service, id)
            .iter()
            .map(|p| phone(p))
            .collect();
        service["languages"] = all(&languages_by_service, id)
            .iter()
            .map(|l| l.object())
            .collect();
        service["required_documents"] = all(&documents_by_service, id)
            .iter()
            .map(|d| d.object())
            .collect();
        service["x_bussola_translations"] = all(&translations_by_service, id)
            .iter()
            .map(|t| t.object())
            .collect();

        let mut linked = Vec::new();
        for attribute in all(&attributes_by_link, id) {
            let Some(term_id) = attribute.cell("taxonomy_term_id") else {
                continue;
            };
            match first(&terms_by_id, term_id) {
                Some(term) => {
                    let mut attribute = attribute.object();
                    attribute["taxonomy_term"] = term.object();
                    linked.push(attribute);
                }
                None => problem(
                    &label,
                    attribute.at().field("taxonomy_term_id"),
                    format!("\"{term_id}\" is in no row of the taxonomy terms table"),
                ),
            }
        }
        service["attributes"] = linked.into();

        let mut places = Vec::new();
        let mut place_of_location = HashSet::new();
        for at_location in all(&at_locations_by_service, id) {
            let mut place = at_location.object();
            let Some(location_id) = at_location.cell("location_id") else {
                problem(
                    &label,
                    at_location.at().field("location_id"),
                    "missing: a service at a location needs its location".into(),
                );
                continue;
            };
            let Some(location_row) = first(&locations_by_id, location_id) else {
                problem(
                    &label,
                    at_location.at().field("location_id"),
                    format!("\"{location_id}\" is in no row of the locations table"),
                );
                continue;
            };
            place_of_location.insert(location_id);
            let mut location = location_row.object();
            location["addresses"] = all(&addresses_by_location, location_id)
                .iter()
                .chain(all(&partial_addresses_by_location, location_id))
                .map(|a| a.object())
                .collect();
            location["accessibility"] = all(&accessibility_by_location, location_id)
                .iter()
                .map(|a| a.object())
                .collect();
            location["languages"] = all(&languages_by_location, location_id)
                .iter()
                .map(|l| l.object())
                .collect();
            // The building's own hours: rows for the location and no service.
            location["schedules"] = all(&schedules_by_location, location_id)
                .iter()
                .filter(|s| {
                    s.cell("service_id").is_none() && s.cell("service_at_location_id").is_none()
                })
                .map(|s| s.object())
                .collect();
            place["location"] = location;
            let at_location_id = at_location.cell("id").unwrap_or_default();
            // This service's hours here: rows for this service at location, or for this
            // service and this location.
            let mut hours: Vec<Value> = all(&schedules_by_at_location, at_location_id)
                .iter()
                .map(|s| s.object())
                .collect();
            hours.extend(
                all(&schedules_by_service, id)
                    .iter()
                    .filter(|s| {
                        s.cell("service_at_location_id").is_none()
                            && s.cell("location_id") == Some(location_id)
                    })
                    .map(|s| s.object()),
            );
            place["schedules"] = hours.into();
            place["phones"] = all(&phones_by_at_location, at_location_id)
                .iter()
                .filter(|p| p.cell("service_id") != Some(id))
                .map(|p| phone(p))
                .collect();
            places.push(place);
        }
        service["service_at_locations"] = places.into();
        // The service's hours wherever it is: rows for the service alone.
        let mut own_hours = Vec::new();
        for schedule in all(&schedules_by_service, id) {
            match (
                schedule.cell("service_at_location_id"),
                schedule.cell("location_id"),
            ) {
                (None, None) => own_hours.push(schedule.object()),
                (None, Some(location)) if !place_of_location.contains(location) => {
                    package.warnings.push(
                        Problem {
                            severity: Severity::Warning,
                            file: schedule.file.clone(),
                            service: label.clone(),
                            field: schedule.at().field("location_id").path,
                            message: format!(
                                "the service is not at the location \"{location}\" \
                                 (no service_at_location row joins them): these hours are left out"
                            ),
                        }
                        .to_string(),
                    );
                }
                _ => {}
            }
        }
        service["schedules"] = own_hours.into();
        joined.push(service);
    }

    // Terms linked to nothing in the package would silently categorise nothing.
    let known: HashSet<&str> = [
        &services,
        &organizations,
        &at_locations,
        &locations,
        &phones,
        &schedules,
        &languages,
        &documents,
        &addresses,
        &accessibility,
    ]
    .into_iter()
    .flat_map(|table| table.iter().filter_map(|r| r.cell("id")))
    .collect();
    for attribute in &attributes {
        if let Some(link) = attribute.cell("link_id")
            && !known.contains(link)
        {
            package.warnings.push(format!(
                "warning: {}, {}: links a taxonomy term to \"{link}\", which is in no table of \
                 the package; it is not used",
                attribute.file,
                attribute.at().field("link_id").path
            ));
        }
    }
    let at_location_ids: HashSet<&str> = at_locations.iter().filter_map(|r| r.cell("id")).collect();
    for schedule in &schedules {
        if let Some(at_location) = schedule.cell("service_at_location_id")
            && !at_location_ids.contains(at_location)
        {
            package.warnings.push(format!(
                "warning: {}, {}: \"{at_location}\" is in no row of the services at locations \
                 table; these hours are left out",
                schedule.file,
                schedule.at().field("service_at_location_id").path
            ));
        }
    }
    Ok(Joined {
        label: package.label,
        services: joined,
        problems,
        warnings: package.warnings,
    })
}
