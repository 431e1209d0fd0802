//! Open Referral HSDS 3.0 in: sources an editor did not write for Bussola — a tabular data
//! package (a folder with `datapackage.json` and its CSVs) or HSDS JSON (a list of services, an
//! API page `{"contents": [...]}`, or one service) — read into the feed's SERVICE records.
//!
//! The feed is HSDS where HSDS has a field (DESIGN.md, "The feed"), so most fields pass through
//! under their own names (`service`). What does not: schedules become OSM `opening_hours`
//! (`schedule`); taxonomy terms become Bussola's categories through a map the editor keeps
//! ([`taxonomy`]); a package's tables are first joined into nested services (`tabular`) and
//! then read like JSON, each object remembering the file and row it came from so that a problem
//! names the row an editor can open and fix.
//!
//! Nothing is guessed. A value that cannot be true (a latitude of 100, a timezone that is not
//! Italy's) refuses the source, every such problem named with its record and field. What is
//! true but cannot be carried (hours by day of the month, a schedule that ended, a term no
//! category matches), or cannot be told true (a schedule whose days contradict its own
//! description), is left out and reported as a warning. A page of an HSDS API list is read only
//! beside all its other pages ([`crate::publish::read_sources_with`]): a build drops from the
//! feed every service its sources do not hold.
//!
//! The reverse, a feed written as a package, is [`export`]; its `x_bussola_` columns and tables
//! are read back here, so a feed makes the round trip whole.
//!
//! Which sources are HSDS ([`is_package`], [`is_hsds_json`]): a folder, a file named
//! `datapackage.json`, or JSON in a shape Bussola's own sources never have. Bussola's own JSON
//! (an array of services with `categories`, or `{"services": [...]}`) reads exactly as before.

pub mod export;
mod schedule;
mod service;
mod tabular;
pub mod taxonomy;

pub use taxonomy::TaxonomyMap;

use crate::{Error, Result};
use bussola_feed::FeedError;
use bussola_feed::records::{Problem, Report, Severity};
use serde_json::Value;
use std::path::Path;

/// An HSDS address's own fields (besides its ids), read and written in this order.
pub const ADDRESS_FIELDS: &[&str] = &[
    "attention",
    "address_1",
    "address_2",
    "city",
    "region",
    "state_province",
    "postal_code",
    "country",
    "address_type",
];

/// What reading an HSDS source needs beyond the source itself.
#[derive(Debug, Clone)]
pub struct Options {
    /// The editor's map from the source's taxonomy terms to Bussola's categories.
    pub taxonomy: TaxonomyMap,
    /// The day in Italy on which schedules are judged current.
    pub today: chrono::NaiveDate,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            taxonomy: TaxonomyMap::default(),
            today: crate::now()
                .with_timezone(&chrono_tz::Europe::Rome)
                .date_naive(),
        }
    }
}

/// An HSDS source read into the feed's shape, with what the editor should know.
#[derive(Debug, Default)]
pub struct Imported {
    pub services: Vec<Value>,
    /// Left out or cleaned up, one line each (unmapped terms once, with their count).
    pub warnings: Vec<String>,
    /// For a page of an HSDS API list of more than one page, which page of how many.
    pub page: Option<Page>,
}

/// One page of an HSDS API list (`page_number`, `total_pages`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub number: u64,
    pub of: u64,
}

/// True for what is read as an HSDS tabular data package: a folder (which must hold a
/// `datapackage.json`) or a file named `datapackage.json`.
pub fn is_package(path: &Path) -> bool {
    path.is_dir()
        || path
            .file_name()
            .is_some_and(|n| n.eq_ignore_ascii_case("datapackage.json"))
}

/// Fields only HSDS gives a service (or its places), never Bussola's own sources.
const HSDS_ONLY: &[&str] = &[
    "schedules",
    "attributes",
    "service_areas",
    "program",
    "program_id",
    "organization_id",
    "last_modified",
    "cost_options",
    "contacts",
    "funding",
    "interpretation_services",
    "assurer_email",
];

/// Whether a JSON source is HSDS rather than Bussola's own shape:
/// - an HSDS list page, `{"contents": [...]}`, as the HSDS API answers;
/// - one service object (an object with an `id`, where Bussola's own file has `services`);
/// - an array of services none of which has Bussola's `categories` (every Bussola service
///   needs them) and one of which has a field only HSDS gives (`HSDS_ONLY`, or a location's
///   `location_type` or `schedules`).
///
/// Anything else is Bussola's shape, read as before.
pub fn is_hsds_json(value: &Value) -> bool {
    match value {
        Value::Object(object) => {
            object.get("contents").is_some_and(Value::is_array)
                || (!object.contains_key("services")
                    && object.get("id").is_some_and(Value::is_string))
        }
        Value::Array(services) => {
            let hsds_only = |s: &Value| {
                HSDS_ONLY.iter().any(|f| s.get(f).is_some())
                    || s["service_at_locations"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .any(|at| {
                            at.get("schedules").is_some()
                                || at["location"].get("location_type").is_some()
                                || at["location"].get("schedules").is_some()
                        })
            };
            services.iter().all(|s| s.get("categories").is_none()) && services.iter().any(hsds_only)
        }
        _ => false,
    }
}

/// Reads a tabular data package: `path` is its folder or its `datapackage.json`.
pub fn read_package(path: &Path, options: &Options) -> Result<Imported> {
    let tabular::Joined {
        label,
        services,
        problems,
        warnings,
    } = tabular::join(path)?;
    let at = At::json(&label);
    let items: Vec<(At, &Value)> = services.iter().map(|s| (at.clone(), s)).collect();
    convert(&label, items, problems, warnings, options)
}

/// Reads HSDS JSON (see [`is_hsds_json`]) from `file`.
/// A page of a longer list is read as it is, and says so in [`Imported::page`].
pub fn from_json(file: &str, value: Value, options: &Options) -> Result<Imported> {
    let mut page = None;
    let services = match value {
        Value::Array(services) => services,
        Value::Object(mut object) if object.get("contents").is_some_and(Value::is_array) => {
            // A page of a longer list: the rest are not in this file, and a build drops from
            // the feed every service its sources do not hold; the caller, who has every
            // source, checks that the other pages are among them.
            let pages = object.get("total_pages").and_then(Value::as_u64);
            let number = object.get("page_number").and_then(Value::as_u64);
            if let (Some(of), Some(number)) = (pages, number)
                && of > 1
            {
                page = Some(Page { number, of });
            }
            match object.remove("contents") {
                Some(Value::Array(services)) => services,
                _ => unreachable!("checked above"),
            }
        }
        one => vec![one],
    };
    // A service's fields are named from the service, which problems name by its id.
    let at = At::json(file);
    let items: Vec<(At, &Value)> = services.iter().map(|s| (at.clone(), s)).collect();
    let mut imported = convert(file, items, Vec::new(), Vec::new(), options)?;
    imported.page = page;
    Ok(imported)
}

/// Converts every service, then refuses the source if anything cannot be true, naming it all.
fn convert(
    file: &str,
    services: Vec<(At, &Value)>,
    problems: Vec<Problem>,
    warnings: Vec<String>,
    options: &Options,
) -> Result<Imported> {
    let mut converter = service::Converter::new(options, problems, warnings);
    let mut out = Vec::with_capacity(services.len());
    for (i, (at, service)) in services.into_iter().enumerate() {
        if let Some(converted) = converter.service(i, &at, service) {
            out.push(converted);
        }
    }
    let (problems, warnings) = converter.finish(file);
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return Err(Error::Feed(FeedError::records(Report { problems })));
    }
    Ok(Imported {
        services: out,
        warnings,
        page: None,
    })
}

/// A number given as a JSON number or as text (a package's CSV cell): a schedule's interval, a
/// place's coordinates.
pub(crate) fn number(value: &Value) -> std::result::Result<Option<f64>, String> {
    match value {
        Value::Null => Ok(None),
        Value::Number(n) => Ok(n.as_f64()),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => s.trim().parse().map(Some).map_err(|_| s.clone()),
        other => Err(other.to_string()),
    }
}

/// The key under which a package's joined objects keep the file and row they came from.
const ORIGIN: &str = "$bussola_origin";

/// Where a value sits in the source, to name it in a problem: a JSON path in a file
/// (`service_at_locations[0].location.latitude`), or a row of one of a package's tables
/// (`locations.csv`, `row 2, latitude`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct At {
    pub file: String,
    pub path: String,
    in_row: bool,
}

impl At {
    pub fn json(file: &str) -> At {
        At {
            file: file.to_owned(),
            path: String::new(),
            in_row: false,
        }
    }

    pub fn row(file: &str, row: usize) -> At {
        At {
            file: file.to_owned(),
            path: format!("row {row}"),
            in_row: true,
        }
    }

    pub fn field(&self, key: &str) -> At {
        let path = if self.path.is_empty() {
            key.to_owned()
        } else if self.in_row && !self.path.contains(", ") {
            format!("{}, {key}", self.path)
        } else {
            format!("{}.{key}", self.path)
        };
        At {
            path,
            ..self.clone()
        }
    }

    pub fn item(&self, i: usize) -> At {
        At {
            path: format!("{}[{i}]", self.path),
            ..self.clone()
        }
    }

    /// Where the fields of `object` are: its own row when a package's table gave it.
    pub fn enter(&self, object: &Value) -> At {
        match (
            object[ORIGIN]["file"].as_str(),
            object[ORIGIN]["row"].as_u64(),
        ) {
            (Some(file), Some(row)) => At::row(file, row as usize),
            _ => self.clone(),
        }
    }

    /// Whether this is in a row of a package's table rather than in a JSON file. Such a row,
    /// a location's say, may be joined into several services: a problem there is said once.
    fn is_from_row(&self) -> bool {
        self.in_row
    }
}

#[cfg(test)]
mod tests;
