//! The editors' spreadsheet, both ways: a CSV of services read for `feed build`, and a published
//! feed written back out as that CSV (`feed export --format csv`), so a region can start from
//! today's feed, edit it in a spreadsheet and build again.
//!
//! The columns are listed once, here, for the reader and the writer alike. The writer promises
//! what the reader gives back: after writing a sheet it reads it again and compares every
//! service with the one it came from, and whatever did not come back (a second phone, a second
//! address, hours of a service that also has locations, a field the sheet has no column for) is
//! named, never dropped in silence. A sheet is read whole before anything is refused, so an
//! editor sees every bad row at once.

use crate::{Error, Result};
use bussola_feed::contract::Manifest;
use serde_json::{Value, json};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// The service's own columns, read from its first row: further rows of the same id hold only
/// their location's columns and may leave these empty (or repeat them unchanged).
const SERVICE_COLUMNS: &[&str] = &[
    "id",
    "name",
    "status",
    "categories",
    "languages",
    "description",
    "organization",
    "phone",
    "phone_type",
    "phone_description",
    "email",
    "certified_email",
    "url",
    "sources",
    "assured_date",
    "editor_notes",
    "closed_until",
    "alert",
    "application_process",
    "fees_description",
    "eligibility_description",
];

/// The columns that make a row one of the service's places: a row with any of them filled gives
/// the service a location (`country` alone does not, having a default; `opening_hours` are the
/// place's, not the place itself).
pub(crate) const PLACE_COLUMNS: &[&str] = &[
    "location_id",
    "location_name",
    "address",
    "city",
    "postal_code",
    "province",
    "latitude",
    "longitude",
    "geo_precision",
];

/// One location of the service per row.
const LOCATION_COLUMNS: &[&str] = &[
    "location_id",
    "location_name",
    "address",
    "city",
    "postal_code",
    "province",
    "country",
    "latitude",
    "longitude",
    "geo_precision",
    "opening_hours",
];

/// Service texts kept as they are in the service's object, one column each.
const TEXT_FIELDS: &[&str] = &[
    "name",
    "description",
    "email",
    "certified_email",
    "url",
    "assured_date",
    "editor_notes",
    "closed_until",
    "alert",
    "application_process",
    "fees_description",
    "eligibility_description",
];

/// A translation's columns are `<field>_<lang>` (`name_en`, `alert_uk`) for each translatable
/// text, and `translated_from_<lang>` ("it" where the project translated the Italian, as
/// `feed build --translations` marks it; empty for the office's own words).
const TRANSLATED_FROM: &str = "translated_from";

/// A translation column's text field and language, if `header` is one.
fn translation_column(header: &str) -> Option<(&str, &str)> {
    let (field, lang) = header.rsplit_once('_')?;
    let is_lang = lang.len() == 2 && lang.bytes().all(|b| b.is_ascii_lowercase());
    let is_field = crate::publish::TRANSLATABLE.contains(&field) || field == TRANSLATED_FROM;
    (is_lang && is_field).then_some((field, lang))
}

/// A CSV table as editors save it (a spreadsheet's "save as CSV"): its header row and each
/// further row with its number as the spreadsheet shows it (the header is row 1), or what is
/// wrong with that row. Every cell is trimmed: a space typed after a comma is not part of the
/// value. A UTF-8 byte-order mark, which Excel writes, is not part of the first header (csv-core
/// strips it).
#[derive(Debug)]
pub(crate) struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<(usize, std::result::Result<csv::StringRecord, String>)>,
}

impl Table {
    /// A problem of row 1 for each header given twice: a reader takes one of the two columns,
    /// and what the other says would be dropped without a word.
    pub fn repeated_headers(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for (i, h) in self.headers.iter().enumerate() {
            let first = self.headers.iter().position(|other| other == h);
            if first.is_some_and(|first| first < i) && !h.is_empty() {
                problems.push(format!(
                    "row 1: column \"{h}\" is given twice (columns {} and {}): keep one",
                    first.expect("checked") + 1,
                    i + 1
                ));
            }
        }
        problems
    }
}

/// Reads `text`, the CSV file `file`, as a [`Table`]. Only a header row that cannot be read is
/// an error here: a bad further row is the caller's to report, beside the others.
pub(crate) fn read_table(file: &str, text: &str) -> Result<Table> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| Error::InvalidFeed(format!("{file}: {e}")))?
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .enumerate()
        .map(|(i, row)| (i + 2, row.map_err(|e| e.to_string())))
        .collect();
    Ok(Table { headers, rows })
}

/// Services from an editors' spreadsheet saved as CSV: one row per service location, the
/// service's own columns on its first row (repeated unchanged, or left empty, on its further
/// rows).
///
/// Columns, by header name: `id`, `name`, `status` (default `active`), `categories` and
/// `languages` (codes separated by `;`), `description`, `organization`, `phone` (with
/// `phone_type`, default `voice`, and `phone_description`), `email`, `certified_email`, `url`,
/// `sources` (`;`), `assured_date`, `editor_notes` (never published), `closed_until` (with the
/// status `temporarily closed`: the last day closed), `alert`, `application_process`,
/// `fees_description`, `eligibility_description`, and per location `location_id`,
/// `location_name`, `address`, `city`, `postal_code`, `province`, `country` (default `IT`),
/// `latitude`, `longitude`, `geo_precision`, `opening_hours`. `name_en`, `description_ar`,
/// `alert_uk` and the like are translations, `translated_from_en` marks one as the project's
/// translation of the Italian. Unknown columns and columns given twice are errors, so a misspelt
/// or repeated header is caught rather than silently dropped; so are hours on a further row that
/// gives no place (`opening_hours` belong to the row's location).
///
/// The whole sheet is read before anything is refused: the error lists every problem, each
/// with its row (the header is row 1) and column.
pub fn services_from_csv(file: &str, text: &str) -> Result<Vec<Value>> {
    let table = read_table(file, text)?;
    let mut problems = table.repeated_headers();
    let headers = table.headers;
    for h in &headers {
        let known = SERVICE_COLUMNS.contains(&h.as_str()) || LOCATION_COLUMNS.contains(&h.as_str());
        if !known && translation_column(h).is_none() {
            problems.push(format!("row 1: unknown column \"{h}\""));
        }
    }
    let mut services: Vec<Value> = Vec::new();
    // Where each id's service is in `services`: a sheet of 100k services is read in one pass,
    // not one search of all earlier services per row.
    let mut index_of: HashMap<String, usize> = HashMap::new();
    // Each service's first row, to name it when a further row disagrees.
    let mut first_rows: Vec<(usize, csv::StringRecord)> = Vec::new();
    for (row_number, row) in table.rows {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                problems.push(format!("row {row_number}: {e}"));
                continue;
            }
        };
        match service_row(&headers, &row, row_number) {
            Err(mut bad) => problems.append(&mut bad),
            Ok((id, service, at)) => {
                if let Some(&index) = index_of.get(&id) {
                    let (first, first_row) = &first_rows[index];
                    problems.extend(disagreements(&headers, first_row, *first, &row, row_number));
                    match at {
                        Some(at) => services[index]["service_at_locations"]
                            .as_array_mut()
                            .expect("every service is made with its array")
                            .push(at),
                        // Hours are a place's: on a row with no place they would be dropped.
                        // (A helpline's one row keeps them; repeated unchanged they say nothing
                        // new.)
                        None => {
                            if let Some(hours) = service["opening_hours"].as_str()
                                && services[index]["opening_hours"] != hours
                            {
                                problems.push(format!(
                                    "row {row_number}: opening_hours \"{hours}\" is on a row \
                                     that gives no place (no {}): fill in the row's place, or \
                                     move the hours to the row of the place they are for",
                                    PLACE_COLUMNS.join(", ")
                                ));
                            }
                        }
                    }
                } else {
                    index_of.insert(id, services.len());
                    first_rows.push((row_number, row));
                    services.push(service);
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(services)
    } else {
        Err(Error::InvalidFeed(format!(
            "{file}: {} {}; nothing was read from it:\n  {}",
            problems.len(),
            if problems.len() == 1 {
                "problem"
            } else {
                "problems"
            },
            problems.join("\n  ")
        )))
    }
}

/// One row: its service's id, the service as this row alone would make it (with its location),
/// and the location the row adds to a service met on an earlier row. Every problem of the row.
fn service_row(
    headers: &[String],
    row: &csv::StringRecord,
    row_number: usize,
) -> Result<(String, Value, Option<Value>), Vec<String>> {
    let cell = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .and_then(|i| row.get(i))
            .filter(|v| !v.is_empty())
    };
    let list = |name: &str| -> Vec<String> {
        cell(name)
            .map(|v| {
                v.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut problems = Vec::new();
    let mut number = |name: &str| -> Option<f64> {
        let v = cell(name)?;
        match v.parse::<f64>() {
            Ok(n) if n.is_finite() => Some(n),
            _ => {
                problems.push(format!(
                    "row {row_number}: {name} \"{v}\" is not a number (use a point: 43.11)"
                ));
                None
            }
        }
    };
    let latitude = number("latitude");
    let longitude = number("longitude");
    let id = cell("id");
    if id.is_none() {
        problems.push(format!(
            "row {row_number}: id is empty (every row needs its service's id)"
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let id = id.expect("checked above").to_owned();

    let mut location = json!({});
    for (column, field) in [
        ("location_id", "id"),
        ("location_name", "name"),
        ("geo_precision", "geo_precision"),
    ] {
        if let Some(v) = cell(column) {
            location[field] = v.into();
        }
    }
    if let Some(lat) = latitude {
        location["latitude"] = lat.into();
    }
    if let Some(lon) = longitude {
        location["longitude"] = lon.into();
    }
    let mut address = serde_json::Map::new();
    for (column, field) in [
        ("address", "address_1"),
        ("city", "city"),
        ("postal_code", "postal_code"),
        ("province", "state_province"),
    ] {
        if let Some(v) = cell(column) {
            address.insert(field.to_owned(), v.into());
        }
    }
    if !address.is_empty() {
        address.insert("country".to_owned(), cell("country").unwrap_or("IT").into());
        location["addresses"] = json!([address]);
    }
    // Only a `PLACE_COLUMNS` cell fills `location`, so this is "the row gives a place".
    let has_location = location.as_object().is_some_and(|l| !l.is_empty());
    let at = has_location.then(|| {
        let mut at = json!({"location": location});
        if let Some(hours) = cell("opening_hours") {
            at["opening_hours"] = hours.into();
        }
        at
    });

    let mut service = json!({"id": id, "status": cell("status").unwrap_or("active"),
                             "categories": list("categories"), "service_at_locations": []});
    for field in TEXT_FIELDS {
        if let Some(v) = cell(field) {
            service[*field] = v.into();
        }
    }
    if let Some(org) = cell("organization") {
        service["organization"] = json!({"name": org});
    }
    if let Some(phone) = cell("phone") {
        let mut first = json!({"number": phone, "type": cell("phone_type").unwrap_or("voice")});
        if let Some(description) = cell("phone_description") {
            first["description"] = description.into();
        }
        service["phones"] = json!([first]);
    }
    let languages = list("languages");
    if !languages.is_empty() {
        service["languages"] = languages.iter().map(|code| json!({"code": code})).collect();
    }
    let sources = list("sources");
    if !sources.is_empty() {
        service["sources"] = sources.into();
    }
    for h in headers {
        if let Some((field, lang)) = translation_column(h)
            && let Some(v) = cell(h)
        {
            service["translations"][lang][field] = v.into();
        }
    }
    match &at {
        Some(at) => service["service_at_locations"] = json!([at]),
        // A service with no place (a helpline) keeps its hours for itself.
        None => {
            if let Some(hours) = cell("opening_hours") {
                service["opening_hours"] = hours.into();
            }
        }
    }
    Ok((id, service, at))
}

/// A further row of a service whose own columns say something else than its first row: only the
/// first is read, so an edit made on a further row would be lost without a word.
fn disagreements(
    headers: &[String],
    first: &csv::StringRecord,
    first_number: usize,
    row: &csv::StringRecord,
    row_number: usize,
) -> Vec<String> {
    headers
        .iter()
        .enumerate()
        .filter(|(_, h)| {
            (SERVICE_COLUMNS.contains(&h.as_str()) || translation_column(h).is_some())
                && h.as_str() != "id"
        })
        .filter_map(|(i, h)| {
            let here = row.get(i).unwrap_or_default();
            let there = first.get(i).unwrap_or_default();
            (!here.is_empty() && here != there).then(|| {
                format!(
                    "row {row_number}: {h} \"{here}\" differs from the service's first row \
                     (row {first_number}); a service's own columns are read from its first row \
                     only: leave them empty on further rows or repeat them unchanged"
                )
            })
        })
        .collect()
}

/// A sheet written from services, with what it could not carry.
#[derive(Debug)]
pub struct Sheet {
    pub csv: String,
    pub services: usize,
    pub rows: usize,
    /// Each service field the sheet does not give back as it was, `service "id": field`, in the
    /// services' order; empty when the sheet rebuilds every service exactly.
    pub uncarried: Vec<String>,
}

/// The services as the editors' CSV [`services_from_csv`] reads: every column the reader
/// knows (a translation column for each of the app's languages, and any other two-letter
/// language the services hold), one row per location. The text starts with a UTF-8 byte-order
/// mark: without it Excel opens the file as the PC's old code page and shows "lunedÃ¬" for
/// "lunedì" (the reader, through csv-core, skips the mark). The sheet is read back and compared
/// before it is returned; [`Sheet::uncarried`] names what did not survive, including a value
/// the reader refuses.
pub fn services_to_csv(services: &[Value]) -> Result<Sheet> {
    let mut languages: BTreeSet<String> = BTreeSet::new();
    for s in services {
        if let Some(translations) = s["translations"].as_object() {
            languages.extend(translations.keys().cloned());
        }
    }
    // The app's languages first, in its order, then whatever else the services translate into.
    let mut order: Vec<String> = crate::taxonomy::LOCALES[1..]
        .iter()
        .map(|l| (*l).to_owned())
        .collect();
    // A language no column can name (`pt-BR`) gets none: the reader would refuse the sheet;
    // the comparison below names its translations as not carried.
    let others: Vec<String> = languages
        .into_iter()
        .filter(|l| !order.contains(l))
        .filter(|l| translation_column(&format!("name_{l}")).is_some())
        .collect();
    order.extend(others);
    let mut headers: Vec<String> = SERVICE_COLUMNS
        .iter()
        .chain(LOCATION_COLUMNS)
        .map(|c| (*c).to_owned())
        .collect();
    for lang in &order {
        for field in crate::publish::TRANSLATABLE
            .iter()
            .chain([&TRANSLATED_FROM])
        {
            headers.push(format!("{field}_{lang}"));
        }
    }

    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    writer.write_record(&headers).map_err(csv_error)?;
    let mut rows = 0;
    for s in services {
        let empty = Vec::new();
        let locations = s["service_at_locations"].as_array().unwrap_or(&empty);
        for index in 0..locations.len().max(1) {
            let at = locations.get(index);
            let record: Vec<String> = headers.iter().map(|h| cell(s, at, index == 0, h)).collect();
            writer.write_record(&record).map_err(csv_error)?;
            rows += 1;
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| Error::Storage(format!("cannot write the sheet: {e}")))?;
    let csv = format!(
        "\u{feff}{}",
        String::from_utf8(bytes).expect("the cells are strings")
    );

    let mut uncarried = Vec::new();
    // A value the reader refuses (an id with a `;`, a bad number) makes the whole sheet
    // unreadable: that is said as what it is, a sheet that does not come back.
    let back = match services_from_csv("the written sheet", &csv) {
        Ok(back) => back,
        Err(Error::InvalidFeed(why)) => {
            uncarried.push(format!("the sheet would not read back: {why}"));
            Vec::new()
        }
        Err(e) => return Err(e),
    };
    // Compared by id: a service missing on the way back must not shift the others.
    let back_by_id: HashMap<&str, &Value> = back
        .iter()
        .filter_map(|b| Some((b["id"].as_str()?, b)))
        .collect();
    for service in services {
        let id = service["id"].as_str().unwrap_or("(no id)");
        let Some(&again) = back_by_id.get(id) else {
            if !back.is_empty() {
                uncarried.push(format!("service \"{id}\" does not read back"));
            }
            continue;
        };
        let mut paths = Vec::new();
        differences(
            &comparable(service.clone()),
            &comparable(again.clone()),
            String::new(),
            &mut paths,
        );
        uncarried.extend(paths.into_iter().map(|p| format!("service \"{id}\": {p}")));
    }
    if !back.is_empty() && back.len() != services.len() {
        uncarried.push(format!(
            "{} services were written but {} read back (an id missing or given twice)",
            services.len(),
            back.len()
        ));
    }
    Ok(Sheet {
        csv,
        services: services.len(),
        rows,
        uncarried,
    })
}

/// One cell of a service's row: `first` is its first row, which alone holds the service's own
/// columns; `at` is the row's location, if the service has one.
fn cell(s: &Value, at: Option<&Value>, first: bool, header: &str) -> String {
    let location = at.map(|at| &at["location"]);
    let address = location.map(|l| &l["addresses"][0]);
    let from_location = |v: Option<&Value>| v.map(text).unwrap_or_default();
    match header {
        "id" => text(&s["id"]),
        "location_id" => from_location(location.map(|l| &l["id"])),
        "location_name" => from_location(location.map(|l| &l["name"])),
        "geo_precision" => from_location(location.map(|l| &l["geo_precision"])),
        "latitude" => from_location(location.map(|l| &l["latitude"])),
        "longitude" => from_location(location.map(|l| &l["longitude"])),
        "address" => from_location(address.map(|a| &a["address_1"])),
        "city" => from_location(address.map(|a| &a["city"])),
        "postal_code" => from_location(address.map(|a| &a["postal_code"])),
        "province" => from_location(address.map(|a| &a["state_province"])),
        "country" => from_location(address.map(|a| &a["country"])),
        "opening_hours" => match at {
            Some(at) => text(&at["opening_hours"]),
            // A service with no place keeps its hours for itself.
            None => text(&s["opening_hours"]),
        },
        _ if !first => String::new(),
        "categories" | "sources" => joined(&s[header], |v| v),
        "languages" => joined(&s["languages"], |l| &l["code"]),
        "organization" => text(&s["organization"]["name"]),
        "phone" => text(&s["phones"][0]["number"]),
        "phone_type" => text(&s["phones"][0]["type"]),
        "phone_description" => text(&s["phones"][0]["description"]),
        _ => match translation_column(header) {
            Some((field, lang)) => text(&s["translations"][lang][field]),
            None => text(&s[header]),
        },
    }
}

/// A value as a cell: a string as it is, a number or a boolean written out, nothing for null.
/// (An array or object in a text's place is written as JSON; the read-back comparison names it.)
fn text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn joined(list: &Value, item: impl Fn(&Value) -> &Value) -> String {
    list.as_array()
        .map(|items| {
            items
                .iter()
                .map(|v| text(item(v)))
                .collect::<Vec<_>>()
                .join(";")
        })
        .unwrap_or_default()
}

fn csv_error(e: csv::Error) -> Error {
    Error::Storage(format!("cannot write the sheet: {e}"))
}

/// A service as its meaning is compared: nothing is said by a null, an empty list or an empty
/// object (a device reads them as the field left out), and a number is its value (43 and 43.0
/// are one latitude).
pub fn comparable(value: Value) -> Value {
    match value {
        Value::Number(n) => n.as_f64().map_or(Value::Number(n), Value::from),
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map(comparable)
                .filter(|v| !is_nothing(v))
                .collect(),
        ),
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(k, v)| (k, comparable(v)))
                .filter(|(_, v)| !is_nothing(v))
                .collect(),
        ),
        other => other,
    }
}

fn is_nothing(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// The paths (`phones[1]`, `service_at_locations[0].location.addresses[0].country`) at which
/// `then` and `now` differ, each with what `then` held there.
pub(crate) fn differences(then: &Value, now: &Value, path: String, out: &mut Vec<String>) {
    let at = |key: &str| {
        if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        }
    };
    match (then, now) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                match b.get(key) {
                    Some(other) => differences(value, other, at(key), out),
                    None => out.push(format!("{} {} is not carried", at(key), brief(value))),
                }
            }
            for key in b.keys().filter(|k| !a.contains_key(*k)) {
                out.push(format!("{} would be added on the way back", at(key)));
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, value) in a.iter().enumerate() {
                match b.get(i) {
                    Some(other) => differences(value, other, format!("{path}[{i}]"), out),
                    None => out.push(format!("{path}[{i}] {} is not carried", brief(value))),
                }
            }
            if b.len() > a.len() {
                out.push(format!("{path} would read back longer"));
            }
        }
        _ if then != now => out.push(format!(
            "{} {} would read back as {}",
            if path.is_empty() { "the record" } else { &path },
            brief(then),
            brief(now)
        )),
        _ => {}
    }
}

/// A value, short enough for a line of a report.
fn brief(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text
    }
}

/// A published feed as read for export: its manifest and the services of its snapshot.
#[derive(Debug)]
pub struct Published {
    pub manifest: Manifest,
    pub services: Vec<Value>,
    /// Whether the manifest's signature was checked against a key (`feed export --pubkey`).
    pub verified: bool,
}

/// The current version of the feed in the folder `dir`: the manifest, and the snapshot it names
/// once its sha256 matches the manifest's. With `key`, the folder is first checked as a device
/// checks it (signature, every file's hash, every record) and then read.
pub fn read_published(dir: &Path, key: Option<&bussola_feed::FeedKey>) -> Result<Published> {
    let verified = match key {
        Some(key) => {
            let mut source = crate::sync::FolderSource::new(dir.to_path_buf());
            Some(crate::sync::inspect(&mut source, std::slice::from_ref(key))?.manifest)
        }
        None => None,
    };
    let manifest = crate::publish::read_manifest(dir)?.ok_or_else(|| {
        Error::InvalidFeed(format!(
            "{} holds no {}: it is not a published feed folder",
            dir.display(),
            bussola_feed::contract::MANIFEST
        ))
    })?;
    if verified.as_ref().is_some_and(|v| *v != manifest) {
        return Err(Error::InvalidFeed(format!(
            "the feed in {} changed while it was read; try again",
            dir.display()
        )));
    }
    let name = manifest
        .snapshot
        .checked_path()
        .map_err(Error::InvalidFeed)?;
    let path = dir.join(name);
    let bytes = std::fs::read(&path)
        .map_err(|e| Error::InvalidFeed(format!("cannot read {}: {e}", path.display())))?;
    if bussola_feed::contract::sha256_hex(&bytes) != manifest.snapshot.sha256 {
        return Err(Error::InvalidFeed(format!(
            "{} is not the snapshot the manifest names (its sha256 differs): the folder is \
             incomplete or was changed by hand",
            path.display()
        )));
    }
    let mut snapshot: Value = serde_json::from_slice(&bytes)
        .map_err(|e| Error::InvalidFeed(format!("{}: {e}", path.display())))?;
    let services = match snapshot["services"].take() {
        Value::Array(services) => services,
        _ => {
            return Err(Error::InvalidFeed(format!(
                "{} holds no \"services\" array",
                path.display()
            )));
        }
    };
    Ok(Published {
        manifest,
        services,
        verified: verified.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn umbria() -> Vec<Value> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/umbria/feed");
        read_published(&dir, None).unwrap().services
    }

    #[test]
    fn every_service_of_the_bundled_feed_comes_back_from_its_sheet() {
        let services = umbria();
        let sheet = services_to_csv(&services).unwrap();
        assert_eq!(sheet.uncarried, Vec::<String>::new());
        assert_eq!(sheet.services, services.len());
        let back = services_from_csv("umbria.csv", &sheet.csv).unwrap();
        assert_eq!(back.len(), services.len());
        for (then, now) in services.iter().zip(&back) {
            assert_eq!(
                comparable(then.clone()),
                comparable(now.clone()),
                "{}",
                then["id"]
            );
        }
    }

    #[test]
    fn what_a_sheet_cannot_carry_is_named() {
        let services = vec![json!({
            "id": "two-phones", "name": "Due telefoni", "status": "active",
            "categories": ["helpline"], "opening_hours": "24/7",
            "phones": [{"number": "1", "type": "voice"}, {"number": "2", "type": "voice"}],
            "organization": {"name": "Ente", "url": "https://ente.it"},
            "required_documents": ["passport"],
            "service_at_locations": [{"location": {"name": "Qui", "latitude": 43, "longitude": 12}}]
        })];
        let sheet = services_to_csv(&services).unwrap();
        let said = sheet.uncarried.join("\n");
        for part in [
            "phones[1]",
            "organization.url",
            "required_documents",
            "opening_hours",
        ] {
            assert!(said.contains(part), "{part} missing from:\n{said}");
        }
        // 43 written as "43" reads back as 43.0: the same latitude, not a loss.
        assert!(!said.contains("latitude"), "{said}");
    }

    #[test]
    fn every_bad_row_is_listed_with_its_row_and_column() {
        let csv = "id,name,latitude,longitude,phone,nmae\n\
                   a,A,\"43,1\",12.4,,x\n\
                   ,B,43.1,12.4,,\n\
                   c,C,43.1,lon,,\n\
                   d,D,43.1,12.4,075 1,\n\
                   d,,43.2,12.5,075 2,\n";
        let error = services_from_csv("s.csv", csv).unwrap_err().to_string();
        for part in [
            "5 problems",
            "row 1: unknown column \"nmae\"",
            "row 2: latitude \"43,1\" is not a number",
            "row 3: id is empty",
            "row 4: longitude \"lon\" is not a number",
            "row 6: phone \"075 2\" differs from the service's first row (row 5)",
        ] {
            assert!(error.contains(part), "{part} missing from:\n{error}");
        }
    }

    #[test]
    fn a_project_translation_and_the_new_columns_are_read() {
        let csv = "id,name,name_en,translated_from_en,certified_email,phone,phone_type,\
                   phone_description,location_id,city,country,latitude,longitude\n\
                   q,Questura,Police,it,q@pec.it,328,text,solo WhatsApp,loc-q,Perugia,IT,43.1,12.4\n";
        let services = services_from_csv("s.csv", csv).unwrap();
        let q = &services[0];
        assert_eq!(q["translations"]["en"]["translated_from"], "it");
        assert_eq!(q["certified_email"], "q@pec.it");
        assert_eq!(
            q["phones"],
            json!([{"number": "328", "type": "text", "description": "solo WhatsApp"}])
        );
        assert_eq!(q["service_at_locations"][0]["location"]["id"], "loc-q");
    }

    #[test]
    fn a_column_given_twice_and_hours_on_a_row_with_no_place_are_errors() {
        let csv = "id,name,phone,city,opening_hours,phone\n\
                   q,Questura,075 1,Perugia,Mo 09:00-12:00,075 2\n\
                   q,,,,Tu 09:00-12:00,\n";
        let error = services_from_csv("s.csv", csv).unwrap_err().to_string();
        for part in [
            "2 problems",
            "row 1: column \"phone\" is given twice (columns 3 and 6)",
            "row 3: opening_hours \"Tu 09:00-12:00\" is on a row that gives no place",
        ] {
            assert!(error.contains(part), "{part} missing from:\n{error}");
        }
        // A helpline's hours repeated unchanged on a further row say nothing new.
        let csv = "id,name,categories,opening_hours\nl,Linea,helpline,24/7\nl,,,24/7\n";
        let services = services_from_csv("s.csv", csv).unwrap();
        assert_eq!(services[0]["opening_hours"], "24/7");
    }

    #[test]
    fn the_written_sheet_starts_with_a_byte_order_mark_for_excel_and_reads_back() {
        let services = vec![json!({
            "id": "q", "name": "Questura di Perugia, ufficio già in via", "status": "active",
            "categories": ["permits"], "opening_hours": "Mo 09:00-12:00"
        })];
        let sheet = services_to_csv(&services).unwrap();
        assert!(sheet.csv.starts_with("\u{feff}id,name,"), "{}", sheet.csv);
        assert_eq!(sheet.uncarried, Vec::<String>::new());
        let back = services_from_csv("s.csv", &sheet.csv).unwrap();
        assert_eq!(back[0]["name"], services[0]["name"]);
    }

    #[test]
    fn what_the_reader_would_refuse_or_read_as_fewer_services_is_named_as_uncarried() {
        // A language no column can name: its translation is not carried, the rest is.
        let services = vec![json!({
            "id": "q", "name": "Questura", "status": "active", "categories": ["permits"],
            "translations": {"pt-BR": {"name": "Polícia"}, "en": {"name": "Police"}}
        })];
        let sheet = services_to_csv(&services).unwrap();
        assert_eq!(
            sheet.uncarried,
            ["service \"q\": translations.pt-BR {\"name\":\"Polícia\"} is not carried"]
        );
        // Two services with one id read back as one: compared by id, the third is not
        // compared with the second.
        let service = |id: &str, name: &str| json!({"id": id, "name": name, "status": "active", "categories": ["permits"]});
        let services = vec![service("x", "A"), service("x", "A"), service("y", "C")];
        let said = services_to_csv(&services).unwrap().uncarried;
        assert_eq!(
            said,
            ["3 services were written but 2 read back (an id missing or given twice)"]
        );
        // A sheet that does not read back at all is said so, not an error of the export.
        let said = services_to_csv(&[service("", "Senza id")])
            .unwrap()
            .uncarried
            .join("\n");
        assert!(
            said.starts_with("the sheet would not read back: the written sheet"),
            "{said}"
        );
        assert!(said.contains("id is empty"), "{said}");
    }
}
