//! Open Referral HSDS 3.0 out: a published feed written as an HSDS tabular data package
//! (`feed export --format hsds`), the reverse of this module's import, so that a region's
//! services reach any directory that reads HSDS.
//!
//! Each table is the specification's own: the same file, the same columns in the same order,
//! and `datapackage.json` declares it with the schema copied from the specification's package.
//! HSDS ids are UUIDs; a feed's ids are words (`questura-pg-immigrazione`), so each record gets
//! a version 5 UUID made from the feed's id and its own (the same every export, so a reader can
//! update what it read last time) and keeps the feed's id beside it.
//!
//! What Bussola knows and HSDS has no place for is kept, never dropped in silence, as
//! extensions named with the prefix `x_bussola_` ([`PREFIX`]): extra columns at the end of an
//! HSDS table (`x_bussola_closed_until`, `x_bussola_geo_precision`…) and two extra tables
//! (`x_bussola_translations.csv`, `x_bussola_addresses.csv`), each declared in
//! `datapackage.json` with what it holds. HSDS readers ignore what they do not know; Bussola's
//! own import reads them back. Categories need no extension: they are the terms of a taxonomy
//! (`taxonomies`, `taxonomy_terms`, `attributes`), whose codes the import takes back as they are.
//!
//! Hours: OSM `opening_hours` made of weekly rules (`Mo-Fr 09:00-12:00; Sa 10:00-12:00`) become
//! `schedules` rows. Anything else (public holidays, sunrise, comments, months, nth weekdays)
//! is no schedule HSDS rows would state exactly, so none is written: the text is kept in
//! `x_bussola_opening_hours` and the export says how many places that is.
//!
//! The writer promises what the import gives back: the package is read again with the HSDS
//! import and every service compared with the one it came from; whatever did not come back is
//! named (as the spreadsheet export does), and nothing is written unless the editor allows it.

use super::Options;
use crate::{Error, Result};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// The prefix of every column and table HSDS does not define.
pub const PREFIX: &str = "x_bussola_";

/// The specification's tabular data package (data/hsds, Open Referral HSDS 3.0): the schema of
/// each table written is copied from it, so the package declares exactly what HSDS does.
const SPEC_PACKAGE: &str = include_str!("../../../../data/hsds/examples/csv/datapackage.json");

/// The namespace of Bussola's version 5 UUIDs (itself a fixed random UUID).
const NAMESPACE: Uuid = Uuid::from_u128(0x6a0e_9f3c_2b41_4d8e_9c57_1f0b_3e8d_a612);

/// Columns Bussola adds to HSDS tables: (table, column, Frictionless type, what it holds).
const EXTENSION_COLUMNS: &[(&str, &str, &str, &str)] = &[
    (
        "service",
        "x_bussola_id",
        "string",
        "The service's id in the Bussola feed, when it is not this row's UUID.",
    ),
    (
        "service",
        "x_bussola_closed_until",
        "date",
        "With status 'temporarily closed': the last day the service is closed (YYYY-MM-DD).",
    ),
    (
        "service",
        "x_bussola_certified_email",
        "string",
        "The service's certified email (Italian PEC), which has legal standing; not for everyday \
         questions.",
    ),
    (
        "service",
        "x_bussola_sources",
        "string",
        "Where the editors found the service's details: a JSON array of texts (mostly URLs).",
    ),
    (
        "service",
        "x_bussola_organization",
        "string",
        "The service's organization when HSDS cannot hold it as an organizations row (HSDS \
         requires an organization's description, which the feed does not give): a JSON object \
         with its id, name and website.",
    ),
    (
        "service",
        "x_bussola_opening_hours",
        "string",
        "The service's own hours as OSM opening_hours text, when no schedules rows say them: \
         hours beyond weekly rules (public holidays, sun times, months, comments), or hours of a \
         service that also has places.",
    ),
    (
        "service_at_location",
        "x_bussola_opening_hours",
        "string",
        "The service's hours at this place as OSM opening_hours text, when they are beyond \
         weekly rules (public holidays, sun times, months, comments) and so have no schedules \
         rows.",
    ),
    (
        "location",
        "x_bussola_id",
        "string",
        "The location's id in the Bussola feed, when it is not this row's UUID.",
    ),
    (
        "location",
        "x_bussola_geo_precision",
        "string",
        "What the coordinates mark: 'building' or 'street' (the door), anything else (such as \
         'comune', the town's centre) only an approximate place.",
    ),
    (
        "schedule",
        "x_bussola_timezone",
        "string",
        "The IANA timezone of opens_at and closes_at: Italian local time, whose UTC offset \
         changes in summer (HSDS's timezone column is a fixed offset, so it is left empty).",
    ),
];

/// A table Bussola adds: its resource name, file, what it holds, and its foreign keys
/// (column, resource).
type ExtensionTable = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

const EXTENSION_TABLES: &[ExtensionTable] = &[
    (
        "x_bussola_translation",
        "x_bussola_translations.csv",
        "A service's texts in another language (Bussola's profile field 'translations'): one row \
         per service and language. translated_from is 'it' when the Bussola project translated \
         the Italian, empty when the words are the office's own.",
        &[("service_id", "service")],
    ),
    (
        "x_bussola_address",
        "x_bussola_addresses.csv",
        "Addresses HSDS's addresses table cannot hold because they lack a field it requires \
         (address_1, city, state_province, postal_code or country): a place known only by its \
         town, say. Same columns as addresses.",
        &[("location_id", "location")],
    ),
];

/// The columns of the extension tables, in order.
fn extension_table_columns(name: &str) -> Vec<String> {
    let mut columns: Vec<&str> = match name {
        "x_bussola_translation" => vec!["id", "service_id", "language"],
        _ => vec![
            "id",
            "location_id",
            "address_1",
            "address_2",
            "city",
            "region",
            "state_province",
            "postal_code",
            "country",
        ],
    };
    if name == "x_bussola_translation" {
        columns.extend(crate::publish::TRANSLATABLE);
        columns.push("translated_from");
    }
    columns.into_iter().map(str::to_owned).collect()
}

/// The fields an address row of HSDS must have (`schema/address.json`); `address_type` is
/// given by the writer (a Bussola place is a place to go: `physical`).
const ADDRESS_REQUIRED: &[&str] = &[
    "address_1",
    "city",
    "state_province",
    "postal_code",
    "country",
];

/// A package written in memory: each file's name and text.
#[derive(Debug)]
pub struct Package {
    pub files: Vec<(String, String)>,
    /// Each table written and its number of rows, in the package's order.
    pub tables: Vec<(String, usize)>,
    pub services: usize,
    /// One line each, for the editor.
    pub warnings: Vec<String>,
}

/// A package written to a folder, with what did not come back when it was read again.
#[derive(Debug)]
pub struct Exported {
    pub package: Package,
    /// Each service field the package does not give back as it was, `service "id": field`;
    /// empty when the import rebuilds every service exactly.
    pub uncarried: Vec<String>,
    /// False when something did not come back and loss was not allowed: nothing was written.
    pub written: bool,
}

type Row = BTreeMap<String, String>;

/// The tables being filled, by HSDS resource name.
struct Builder<'a> {
    feed: &'a str,
    tables: BTreeMap<String, Vec<Row>>,
    /// Locations and organizations written, by HSDS id: a row shared by services is written once.
    once: HashSet<String>,
    terms: BTreeSet<String>,
    /// Places (and place-less services) whose hours are kept as text, as `service "id"`.
    hours_as_text: Vec<String>,
}

impl<'a> Builder<'a> {
    /// A UUID for a record of `kind` known as `key` in this feed: the same every export.
    fn uuid(&self, kind: &str, key: &str) -> String {
        let name = format!("{}/{kind}/{key}", self.feed);
        Uuid::new_v5(&NAMESPACE, name.as_bytes()).to_string()
    }

    /// The HSDS id of a record the feed names `id`, and the feed's id to keep beside it when
    /// the two differ (an id that already is a UUID stays as it is).
    fn record_id(&self, kind: &str, id: &str) -> (String, Option<String>) {
        match Uuid::try_parse(id) {
            Ok(uuid) if id.len() == 36 => (uuid.to_string(), None).then_keep(id),
            _ => (self.uuid(kind, id), Some(id.to_owned())),
        }
    }

    fn push(&mut self, table: &str, row: Row) {
        self.tables.entry(table.to_owned()).or_default().push(row);
    }

    fn service(&mut self, s: &Value) {
        let Some(id) = text(&s["id"]) else { return };
        let (sid, bussola_id) = self.record_id("service", &id);
        let mut row = Row::new();
        row.insert("id".into(), sid.clone());
        put(&mut row, "x_bussola_id", bussola_id);
        for field in super::service::SERVICE_TEXTS
            .iter()
            .chain(&["assured_date"])
        {
            put(&mut row, field, text(&s[*field]));
        }
        put(&mut row, "x_bussola_closed_until", text(&s["closed_until"]));
        put(
            &mut row,
            "x_bussola_certified_email",
            text(&s["certified_email"]),
        );
        if let Some(sources) = s["sources"].as_array().filter(|a| !a.is_empty()) {
            row.insert(
                "x_bussola_sources".into(),
                Value::from(sources.clone()).to_string(),
            );
        }
        self.organization(s, &mut row);

        for (i, phone) in list(&s["phones"]).enumerate() {
            let pid = self.uuid("phone", &format!("{id}/{i}"));
            let mut p = Row::new();
            p.insert("id".into(), pid.clone());
            p.insert("service_id".into(), sid.clone());
            for field in ["number", "extension", "type", "description"] {
                put(&mut p, field, text(&phone[field]));
            }
            self.push("phone", p);
            self.languages(
                &phone["languages"],
                "phone_id",
                &pid,
                &format!("{id}/phone/{i}"),
            );
        }
        self.languages(&s["languages"], "service_id", &sid, &id);
        for (i, document) in list(&s["required_documents"]).enumerate() {
            let mut d = Row::new();
            d.insert(
                "id".into(),
                self.uuid("required_document", &format!("{id}/{i}")),
            );
            d.insert("service_id".into(), sid.clone());
            put(&mut d, "document", text(&document["document"]));
            put(&mut d, "uri", text(&document["uri"]));
            self.push("required_document", d);
        }
        for code in list(&s["categories"]).filter_map(Value::as_str) {
            self.terms.insert(code.to_owned());
            let mut a = Row::new();
            a.insert("id".into(), self.uuid("attribute", &format!("{id}/{code}")));
            a.insert("link_id".into(), sid.clone());
            a.insert("taxonomy_term_id".into(), self.uuid("taxonomy_term", code));
            a.insert("link_entity".into(), "service".into());
            self.push("attribute", a);
        }
        if let Some(translations) = s["translations"].as_object() {
            for (language, texts) in translations {
                let mut t = Row::new();
                t.insert(
                    "id".into(),
                    self.uuid("translation", &format!("{id}/{language}")),
                );
                t.insert("service_id".into(), sid.clone());
                t.insert("language".into(), language.clone());
                for field in crate::publish::TRANSLATABLE
                    .iter()
                    .chain(&["translated_from"])
                {
                    put(&mut t, field, text(&texts[*field]));
                }
                self.push("x_bussola_translation", t);
            }
        }

        let places: Vec<&Value> = list(&s["service_at_locations"]).collect();
        for (j, at) in places.iter().enumerate() {
            let location = &at["location"];
            let key = text(&location["id"]).unwrap_or_else(|| format!("{id}/{j}"));
            let (lid, bussola_location) = self.record_id("location", &key);
            let sal = self.uuid("service_at_location", &format!("{id}/{j}"));
            let mut r = Row::new();
            r.insert("id".into(), sal.clone());
            r.insert("service_id".into(), sid.clone());
            r.insert("location_id".into(), lid.clone());
            put(&mut r, "description", text(&at["description"]));
            if let Some(hours) = text(&at["opening_hours"]) {
                match weekly(&hours) {
                    Some(week) => {
                        self.schedules(&week, "service_at_location_id", &sal, &format!("{id}/{j}"))
                    }
                    None => {
                        self.hours_as_text.push(format!("service \"{id}\""));
                        r.insert("x_bussola_opening_hours".into(), hours);
                    }
                }
            }
            self.push("service_at_location", r);
            if self.once.insert(lid.clone()) {
                self.location(location, &lid, bussola_location);
            }
        }
        if let Some(hours) = text(&s["opening_hours"]) {
            // The import gives a service's own schedules to each of its places; hours of a
            // service that also has places are kept as they are instead.
            match weekly(&hours).filter(|_| places.is_empty()) {
                Some(week) => self.schedules(&week, "service_id", &sid, &id),
                None => {
                    if places.is_empty() {
                        self.hours_as_text.push(format!("service \"{id}\""));
                    }
                    row.insert("x_bussola_opening_hours".into(), hours);
                }
            }
        }
        self.push("service", row);
    }

    /// An organizations row when HSDS can hold it (it needs a name and a description), else
    /// the organization kept whole in `x_bussola_organization`.
    fn organization(&mut self, s: &Value, service: &mut Row) {
        let org = &s["organization"];
        if !org.is_object() || org.as_object().is_some_and(Map::is_empty) {
            return;
        }
        let (Some(name), Some(description)) = (text(&org["name"]), text(&org["description"]))
        else {
            service.insert("x_bussola_organization".into(), org.to_string());
            return;
        };
        let key = text(&org["id"]).unwrap_or_else(|| name.clone());
        let (oid, _) = self.record_id("organization", &key);
        service.insert("organization_id".into(), oid.clone());
        if self.once.insert(format!("organization/{oid}")) {
            let mut o = Row::new();
            o.insert("id".into(), oid);
            o.insert("name".into(), name);
            o.insert("description".into(), description);
            put(&mut o, "website", text(&org["website"]));
            self.push("organization", o);
        }
    }

    fn languages(&mut self, languages: &Value, link: &str, link_id: &str, key: &str) {
        for (i, language) in list(languages).enumerate() {
            let mut l = Row::new();
            l.insert("id".into(), self.uuid("language", &format!("{key}/{i}")));
            l.insert(link.into(), link_id.to_owned());
            put(&mut l, "code", text(&language["code"]));
            put(&mut l, "name", text(&language["name"]));
            self.push("language", l);
        }
    }

    fn location(&mut self, location: &Value, lid: &str, bussola_id: Option<String>) {
        let mut l = Row::new();
        l.insert("id".into(), lid.to_owned());
        put(&mut l, "x_bussola_id", bussola_id);
        // A place of a Bussola service is a door to go to: the import leaves virtual ones out.
        l.insert("location_type".into(), "physical".into());
        for field in [
            "name",
            "description",
            "transportation",
            "latitude",
            "longitude",
        ] {
            put(&mut l, field, text(&location[field]));
        }
        put(
            &mut l,
            "x_bussola_geo_precision",
            text(&location["geo_precision"]),
        );
        self.push("location", l);
        for (i, address) in list(&location["addresses"]).enumerate() {
            let mut a = Row::new();
            a.insert("id".into(), self.uuid("address", &format!("{lid}/{i}")));
            a.insert("location_id".into(), lid.to_owned());
            for field in super::ADDRESS_FIELDS {
                put(&mut a, field, text(&address[field]));
            }
            if ADDRESS_REQUIRED.iter().all(|f| a.contains_key(*f)) {
                a.entry("address_type".into())
                    .or_insert_with(|| "physical".into());
                self.push("address", a);
            } else {
                a.remove("attention");
                a.remove("address_type");
                self.push("x_bussola_address", a);
            }
        }
        for (i, access) in list(&location["accessibility"]).enumerate() {
            let mut a = Row::new();
            a.insert(
                "id".into(),
                self.uuid("accessibility", &format!("{lid}/{i}")),
            );
            a.insert("location_id".into(), lid.to_owned());
            for field in ["description", "details", "url"] {
                put(&mut a, field, text(&access[field]));
            }
            self.push("accessibility", a);
        }
        self.languages(
            &location["languages"],
            "location_id",
            lid,
            &format!("location/{lid}"),
        );
    }

    /// One weekly row per opening span, on the days that have it.
    fn schedules(&mut self, week: &Week, link: &str, link_id: &str, key: &str) {
        let mut spans: BTreeMap<Span, Vec<usize>> = BTreeMap::new();
        for (day, day_spans) in week.iter().enumerate() {
            for span in day_spans {
                spans.entry(*span).or_default().push(day);
            }
        }
        for (i, ((open, close), days)) in spans.into_iter().enumerate() {
            let mut r = Row::new();
            r.insert("id".into(), self.uuid("schedule", &format!("{key}/{i}")));
            r.insert(link.into(), link_id.to_owned());
            r.insert("freq".into(), "WEEKLY".into());
            let byday: Vec<&str> = days.iter().map(|&d| RRULE_DAYS[d]).collect();
            r.insert("byday".into(), byday.join(","));
            r.insert("opens_at".into(), clock(open));
            r.insert("closes_at".into(), clock(close));
            r.insert("x_bussola_timezone".into(), "Europe/Rome".into());
            self.push("schedule", r);
        }
    }

    /// The taxonomy of Bussola's categories, with a term for each category used.
    fn taxonomy(&mut self) {
        let taxonomy = self.uuid("taxonomy", "categories");
        let mut t = Row::new();
        t.insert("id".into(), taxonomy.clone());
        t.insert("name".into(), "Bussola categories".into());
        t.insert(
            "description".into(),
            "The categories of Bussola, the offline directory of services for migrants in \
             Italy: each term's code is a category code."
                .into(),
        );
        self.push("taxonomy", t);
        let italian = bussola_i18n::Translator::new("it");
        let english = bussola_i18n::Translator::new("en");
        for code in std::mem::take(&mut self.terms) {
            let mut term = Row::new();
            term.insert("id".into(), self.uuid("taxonomy_term", &code));
            term.insert("code".into(), code.clone());
            term.insert("name".into(), italian.category(&code));
            term.insert(
                "description".into(),
                format!(
                    "Bussola's category \"{code}\" ({})",
                    english.category(&code)
                ),
            );
            term.insert("taxonomy".into(), "Bussola categories".into());
            term.insert("language".into(), "it".into());
            term.insert("taxonomy_id".into(), taxonomy.clone());
            self.push("taxonomy_term", term);
        }
    }
}

/// `(id, None).then_keep(id)`: a UUID written lower case, as the import reads it back.
trait KeepId {
    fn then_keep(self, id: &str) -> Self;
}

impl KeepId for (String, Option<String>) {
    fn then_keep(self, id: &str) -> Self {
        // An id in capitals reads back lower case: keep the feed's spelling beside it.
        if self.0 == id {
            self
        } else {
            (self.0, Some(id.to_owned()))
        }
    }
}

fn put(row: &mut Row, column: &str, value: Option<String>) {
    if let Some(value) = value {
        row.insert(column.to_owned(), value);
    }
}

/// A cell: a text as it is (nothing when blank), a number or a boolean written out.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn list(value: &Value) -> impl Iterator<Item = &Value> {
    value.as_array().into_iter().flatten()
}

const OSM_DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
const RRULE_DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// Minutes since midnight, opening and closing (closing may be 24:00).
type Span = (u16, u16);
/// Each weekday's spans, Monday first.
type Week = [Vec<Span>; 7];

fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The week OSM `opening_hours` text states, when it is only weekly rules: `24/7`, or rules
/// `DAYS SPANS` or `DAYS off` separated by `;`, where DAYS are weekdays and ranges of them
/// (`Mo-Fr,Su`) and SPANS are same-day times (`09:00-12:30,15:00-18:00`). A later rule replaces
/// the hours of the days it names, as OSM reads `;`. Anything else (`PH`, `sunrise`, a
/// comment, a month, `Mo[1]`, `+`, an overnight span) is `None`: no schedule is made of what
/// is not understood, and a week with no hours at all is no schedule either.
fn weekly(text: &str) -> Option<Week> {
    let text = text.trim();
    let mut week: Week = Default::default();
    if text == "24/7" {
        week.iter_mut().for_each(|d| *d = vec![(0, 24 * 60)]);
        return Some(week);
    }
    for rule in text.split(';') {
        let (days, times) = rule.trim().split_once(' ')?;
        let days = weekdays(days)?;
        let spans: Vec<Span> = match times.trim() {
            "off" | "closed" => Vec::new(),
            times => times.split(',').map(span).collect::<Option<_>>()?,
        };
        for day in days {
            let mut spans = spans.clone();
            spans.sort_unstable();
            week[day] = spans;
        }
    }
    week.iter().any(|d| !d.is_empty()).then_some(week)
}

fn weekdays(text: &str) -> Option<Vec<usize>> {
    let day = |d: &str| OSM_DAYS.iter().position(|x| *x == d);
    let mut days = Vec::new();
    for part in text.split(',') {
        match part.split_once('-') {
            // A range that wraps the week's end (`Fr-Mo`) is read as OSM reads it.
            Some((from, to)) => {
                let (from, to) = (day(from)?, day(to)?);
                let mut d = from;
                loop {
                    days.push(d);
                    if d == to {
                        break;
                    }
                    d = (d + 1) % 7;
                }
            }
            None => days.push(day(part)?),
        }
    }
    Some(days)
}

fn span(text: &str) -> Option<Span> {
    let (open, close) = text.split_once('-')?;
    let minutes = |t: &str| -> Option<u16> {
        let (h, m) = t.split_once(':')?;
        if h.len() != 2 || m.len() != 2 {
            return None;
        }
        let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
        (h < 24 && m < 60 || h == 24 && m == 0).then_some(h * 60 + m)
    };
    let (open, close) = (minutes(open)?, minutes(close)?);
    // An overnight span would belong to two days in HSDS's rows: kept as text instead.
    (open < close).then_some((open, close))
}

/// The feed's `services` as an HSDS tabular data package, in memory.
pub fn package(feed: &str, feed_version: u64, services: &[Value]) -> Result<Package> {
    let mut builder = Builder {
        feed,
        tables: BTreeMap::new(),
        once: HashSet::new(),
        terms: BTreeSet::new(),
        hours_as_text: Vec::new(),
    };
    for s in services {
        builder.service(s);
    }
    builder.taxonomy();
    let mut warnings = Vec::new();
    if !builder.hours_as_text.is_empty() {
        let n = builder.hours_as_text.len();
        let mut named: Vec<&str> = builder.hours_as_text.iter().map(String::as_str).collect();
        named.dedup();
        warnings.push(format!(
            "warning: the hours of {n} {} are more than weekly times (public holidays, sun \
             times, months, comments…) and so have no HSDS schedules: their text is kept in \
             x_bussola_opening_hours, which readers other than Bussola ignore ({})",
            if n == 1 { "place" } else { "places" },
            named.join(", ")
        ));
    }

    let spec: Value = serde_json::from_str(SPEC_PACKAGE).expect("the specification's package");
    let spec_resources = spec["resources"].as_array().expect("resources");
    let mut resources = Vec::new();
    let mut files = Vec::new();
    let mut tables = Vec::new();
    let written: HashSet<String> = builder.tables.keys().cloned().collect();
    for resource in spec_resources {
        let name = resource["name"].as_str().unwrap_or_default();
        let Some(rows) = builder.tables.remove(name) else {
            continue;
        };
        let mut resource = resource.clone();
        let schema = &mut resource["schema"];
        let mut columns: Vec<String> = schema["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f["name"].as_str().map(str::to_owned))
            .collect();
        for (_, column, kind, description) in EXTENSION_COLUMNS.iter().filter(|(t, ..)| *t == name)
        {
            columns.push((*column).to_owned());
            if let Some(fields) = schema["fields"].as_array_mut() {
                fields.push(extension_field(column, kind, description));
            }
        }
        // A foreign key to a table this package does not have (contacts, programs) would
        // point nowhere: such links are always empty here, so the key is left out.
        if let Some(keys) = schema["foreignKeys"].as_array_mut() {
            keys.retain(|k| {
                k["reference"]["resource"]
                    .as_str()
                    .is_some_and(|r| written.contains(r))
            });
        }
        let path = resource["path"].as_str().unwrap_or_default().to_owned();
        files.push((path.clone(), csv_text(&columns, &rows)?));
        tables.push((path, rows.len()));
        resources.push(resource);
    }
    for (name, path, description, keys) in EXTENSION_TABLES {
        let Some(rows) = builder.tables.remove(*name) else {
            continue;
        };
        let columns = extension_table_columns(name);
        let fields: Vec<Value> = columns
            .iter()
            .map(|c| {
                let mut field = json!({"name": c, "type": "string"});
                if c == "id" {
                    field["format"] = "uuid".into();
                    field["constraints"] = json!({"required": true, "unique": true});
                }
                field
            })
            .collect();
        let foreign: Vec<Value> = keys
            .iter()
            .map(|(column, resource)| {
                json!({"fields": column, "reference": {"resource": resource, "fields": "id"}})
            })
            .collect();
        resources.push(json!({
            "name": name,
            "path": path,
            "description": format!("Bussola extension: {description}"),
            "format": "csv",
            "mediatype": "text/csv",
            "profile": "tabular-data-resource",
            "schema": {"primaryKey": "id", "fields": fields, "foreignKeys": foreign},
        }));
        files.push(((*path).to_owned(), csv_text(&columns, &rows)?));
        tables.push(((*path).to_owned(), rows.len()));
    }
    let datapackage = json!({
        "name": format!("bussola_{}", feed.replace(|c: char| !c.is_ascii_alphanumeric(), "_")),
        "title": format!("Bussola feed \"{feed}\", version {feed_version}, as HSDS 3.0"),
        "description": format!(
            "The services of the Bussola feed \"{feed}\" (version {feed_version}) in Open \
             Referral's Human Services Data Specification 3.0, tabular form. Columns and tables \
             whose names start with \"{PREFIX}\" are Bussola's extensions, each described where \
             it is declared: what Bussola knows and HSDS has no place for. Readers that do not \
             know them can ignore them; Bussola's own import reads them back."
        ),
        "profile": "tabular-data-package",
        "homepage": "http://docs.openreferral.org",
        "x_bussola_feed": {"id": feed, "version": feed_version},
        "resources": resources,
    });
    let mut text = serde_json::to_string_pretty(&datapackage)?;
    text.push('\n');
    files.insert(0, ("datapackage.json".into(), text));
    Ok(Package {
        files,
        tables,
        services: services.len(),
        warnings,
    })
}

fn extension_field(column: &str, kind: &str, description: &str) -> Value {
    json!({
        "name": column,
        "type": kind,
        "title": column,
        "description": format!("Bussola extension: {description}"),
        "constraints": {"required": false, "unique": false},
    })
}

fn csv_text(columns: &[String], rows: &[Row]) -> Result<String> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let error = |e: csv::Error| Error::Storage(format!("cannot write the package: {e}"));
    writer.write_record(columns).map_err(error)?;
    for row in rows {
        writer
            .write_record(
                columns
                    .iter()
                    .map(|c| row.get(c).map_or("", String::as_str)),
            )
            .map_err(error)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| Error::Storage(format!("cannot write the package: {e}")))?;
    Ok(String::from_utf8(bytes).expect("the cells are strings"))
}

/// Writes the feed's services as a package into the folder `out`, after reading it back with
/// the HSDS import and comparing every service with the one it came from. With something not
/// carried and `allow_loss` false, nothing is written ([`Exported::written`]). `out` must be
/// new, empty, or a package written before (whose `datapackage.json` and CSV files are
/// replaced).
pub fn write_package(
    feed: &str,
    feed_version: u64,
    services: &[Value],
    out: &Path,
    allow_loss: bool,
) -> Result<Exported> {
    let package = package(feed, feed_version, services)?;
    if out.exists() {
        let earlier = out.join("datapackage.json").is_file();
        let empty = std::fs::read_dir(out)
            .map_err(|e| storage(out, e))?
            .next()
            .is_none();
        if !earlier && !empty {
            return Err(Error::InvalidFeed(format!(
                "{} is a folder with other files in it: give a new or empty folder (or one an \
                 earlier export wrote)",
                out.display()
            )));
        }
    }
    let staging = staging_folder(out);
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging).map_err(|e| storage(&staging, e))?;
    let result = write_and_compare(&package, services, &staging);
    let uncarried = match result {
        Ok(uncarried) => uncarried,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    if !uncarried.is_empty() && !allow_loss {
        let _ = std::fs::remove_dir_all(&staging);
        return Ok(Exported {
            package,
            uncarried,
            written: false,
        });
    }
    std::fs::create_dir_all(out).map_err(|e| storage(out, e))?;
    for entry in std::fs::read_dir(out).map_err(|e| storage(out, e))? {
        let path = entry.map_err(|e| storage(out, e))?.path();
        let ours = path.extension().is_some_and(|e| e == "csv" || e == "json");
        if ours && path.is_file() {
            std::fs::remove_file(&path).map_err(|e| storage(&path, e))?;
        }
    }
    for (name, _) in &package.files {
        let (from, to) = (staging.join(name), out.join(name));
        std::fs::rename(&from, &to).map_err(|e| storage(&to, e))?;
    }
    let _ = std::fs::remove_dir_all(&staging);
    Ok(Exported {
        package,
        uncarried,
        written: true,
    })
}

/// A folder beside `out` to write into before anything of `out` is touched.
fn staging_folder(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map_or_else(|| "hsds".into(), |n| n.to_string_lossy().into_owned());
    out.with_file_name(format!(".{name}.writing"))
}

fn storage(path: &Path, e: std::io::Error) -> Error {
    Error::Storage(format!("cannot write {}: {e}", path.display()))
}

/// Writes the package into `dir`, reads it back with the import, and names each field of each
/// service that did not come back as it was.
fn write_and_compare(package: &Package, services: &[Value], dir: &Path) -> Result<Vec<String>> {
    for (name, text) in &package.files {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| storage(&path, e))?;
    }
    let back = super::read_package(dir, &Options::default())?;
    let mut uncarried = Vec::new();
    let by_id: BTreeMap<&str, &Value> = back
        .services
        .iter()
        .filter_map(|s| Some((s["id"].as_str()?, s)))
        .collect();
    for service in services {
        let id = service["id"].as_str().unwrap_or("(no id)");
        let Some(again) = by_id.get(id) else {
            uncarried.push(format!("service \"{id}\" does not read back"));
            continue;
        };
        let mut again = (*again).clone();
        without_given_types(service, &mut again);
        let mut paths = Vec::new();
        crate::spreadsheet::differences(
            &crate::spreadsheet::comparable(service.clone()),
            &crate::spreadsheet::comparable(again),
            String::new(),
            &mut paths,
        );
        uncarried.extend(paths.into_iter().map(|p| format!("service \"{id}\": {p}")));
    }
    Ok(uncarried)
}

/// `again` without the `address_type` the writer gave the addresses of `service` that had
/// none (HSDS requires it): the one thing a package adds, and not a change of meaning.
fn without_given_types(service: &Value, again: &mut Value) {
    for (j, at) in list(&service["service_at_locations"]).enumerate() {
        for (k, address) in list(&at["location"]["addresses"]).enumerate() {
            let back = &mut again["service_at_locations"][j]["location"]["addresses"][k];
            if address.get("address_type").is_none()
                && back["address_type"] == "physical"
                && let Some(back) = back.as_object_mut()
            {
                back.remove("address_type");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week_text(text: &str) -> Option<Vec<String>> {
        weekly(text).map(|week| {
            week.iter()
                .enumerate()
                .filter(|(_, s)| !s.is_empty())
                .map(|(d, spans)| {
                    let spans: Vec<String> = spans
                        .iter()
                        .map(|&(o, c)| format!("{}-{}", clock(o), clock(c)))
                        .collect();
                    format!("{} {}", OSM_DAYS[d], spans.join(","))
                })
                .collect()
        })
    }

    #[test]
    fn weekly_rules_become_each_days_spans_and_a_later_rule_replaces_a_day() {
        assert_eq!(
            week_text("Mo-Fr 09:00-12:00; We off; Sa 10:00-12:00,15:00-17:00").unwrap(),
            [
                "Mo 09:00-12:00",
                "Tu 09:00-12:00",
                "Th 09:00-12:00",
                "Fr 09:00-12:00",
                "Sa 10:00-12:00,15:00-17:00"
            ]
        );
        assert_eq!(week_text("24/7").unwrap().len(), 7);
        assert_eq!(
            week_text("Sa-Mo 08:00-24:00").unwrap(),
            ["Mo 08:00-24:00", "Sa 08:00-24:00", "Su 08:00-24:00"]
        );
    }

    #[test]
    fn hours_beyond_weekly_rules_make_no_schedule() {
        for text in [
            "Mo-Fr 09:00-12:00; PH off",
            "Mo-Fr sunrise-sunset",
            "Mo 09:00-12:00 \"su appuntamento\"",
            "Jan-Mar Mo 09:00-12:00",
            "Mo[1] 09:00-12:00",
            "Mo-Fr 17:00+",
            "Fr 22:00-02:00",
            "Mo off",
            "by appointment",
            "Mo-Fr 9:00-12:00",
        ] {
            assert!(weekly(text).is_none(), "{text}");
        }
    }

    #[test]
    fn the_bundled_feed_comes_back_whole_through_a_package() {
        let snapshot: Value = serde_json::from_str(
            &std::fs::read_to_string(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../../data/umbria/feed/snapshot-5.json"),
            )
            .unwrap(),
        )
        .unwrap();
        let services = snapshot["services"].as_array().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("hsds");
        let exported = write_package("umbria", 5, services, &out, false).unwrap();
        assert_eq!(exported.uncarried, Vec::<String>::new());
        assert!(exported.written);
        assert!(out.join("datapackage.json").is_file());
        assert!(!dir.path().join(".hsds.writing").exists());
        // Every place's hours are weekly rules: all are schedules, none kept as text.
        assert!(
            exported.package.warnings.is_empty(),
            "{:?}",
            exported.package.warnings
        );
        let services_csv = std::fs::read_to_string(out.join("services.csv")).unwrap();
        assert!(services_csv.contains("questura-pg-immigrazione"));
    }

    #[test]
    fn hours_kept_as_text_are_said_with_their_count_and_come_back() {
        let services = vec![json!({
            "id": "q", "name": "Questura", "status": "active", "categories": ["permits"],
            "service_at_locations": [
                {"location": {"id": "l1", "name": "A", "latitude": 43.1, "longitude": 12.4},
                 "opening_hours": "Mo-Fr 09:00-12:00; PH off"},
                {"location": {"id": "l2", "name": "B", "latitude": 43.2, "longitude": 12.5},
                 "opening_hours": "Tu 09:00-12:00"}
            ]
        })];
        let dir = tempfile::tempdir().unwrap();
        let exported = write_package("t", 1, &services, &dir.path().join("p"), false).unwrap();
        assert_eq!(exported.uncarried, Vec::<String>::new());
        let warnings = exported.package.warnings.join("\n");
        assert!(
            warnings.contains("the hours of 1 place are more than weekly"),
            "{warnings}"
        );
        let schedules = std::fs::read_to_string(dir.path().join("p/schedules.csv")).unwrap();
        assert_eq!(schedules.lines().count(), 2, "one row, for Tu: {schedules}");
    }

    #[test]
    fn what_the_package_cannot_carry_is_named_and_nothing_is_written() {
        let services = vec![json!({
            "id": "q", "name": "Questura", "status": "active", "categories": ["permits"],
            "wheelchair": "yes"
        })];
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("p");
        let exported = write_package("t", 1, &services, &out, false).unwrap();
        assert_eq!(
            exported.uncarried,
            ["service \"q\": wheelchair \"yes\" is not carried"]
        );
        assert!(!exported.written);
        assert!(!out.exists());
    }

    #[test]
    fn ids_are_uuids_made_from_the_feed_and_the_record_and_a_uuid_stays() {
        let b = Builder {
            feed: "umbria",
            tables: BTreeMap::new(),
            once: HashSet::new(),
            terms: BTreeSet::new(),
            hours_as_text: Vec::new(),
        };
        let (id, kept) = b.record_id("service", "questura-pg");
        assert_eq!(id, b.record_id("service", "questura-pg").0);
        assert_ne!(id, b.record_id("location", "questura-pg").0);
        assert!(Uuid::try_parse(&id).is_ok());
        assert_eq!(kept.as_deref(), Some("questura-pg"));
        let uuid = "ac148810-d857-441c-9679-408f346de14b";
        assert_eq!(b.record_id("service", uuid), (uuid.to_owned(), None));
    }
}
