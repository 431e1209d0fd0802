//! One HSDS service, nested as HSDS JSON gives it (organization, phones, languages,
//! service_at_locations with their location and schedules, attributes with their terms), read
//! field by field into the feed's SERVICE.
//!
//! Fields both sides know keep their HSDS names and shapes (DESIGN.md, "The feed"); a few HSDS
//! fields the app does not show yet but a person would want (`interpretation_services`, a
//! phone's `extension`, a place's `transportation`) are carried too, as the feed keeps fields it
//! does not know. Everything else of HSDS (funding, programs, contacts, metadata…) stays behind.

use super::schedule::{self, Finding};
use super::taxonomy::{Mapped, Term};
use super::{At, Options};
use bussola_feed::records::{Problem, Severity};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, HashSet};

/// HSDS service texts carried under their own names.
pub(super) const SERVICE_TEXTS: &[&str] = &[
    "name",
    "alternate_name",
    "description",
    "url",
    "email",
    "status",
    "interpretation_services",
    "application_process",
    "fees_description",
    "eligibility_description",
    "alert",
];

/// The statuses HSDS 3.0 gives a service.
const STATUSES: &[&str] = &["active", "inactive", "defunct", "temporarily closed"];

/// ISO 639-2/3 codes of languages that have a two-letter ISO 639-1 code, which the app and its
/// language filter use ("ara" and "ar" are one language to a person filtering by it).
const THREE_LETTER: &[(&str, &str)] = &[
    ("ita", "it"),
    ("eng", "en"),
    ("fra", "fr"),
    ("fre", "fr"),
    ("ara", "ar"),
    ("ukr", "uk"),
    ("ron", "ro"),
    ("rum", "ro"),
    ("sqi", "sq"),
    ("alb", "sq"),
    ("spa", "es"),
    ("zho", "zh"),
    ("chi", "zh"),
    ("ben", "bn"),
    ("urd", "ur"),
    ("deu", "de"),
    ("ger", "de"),
    ("por", "pt"),
    ("rus", "ru"),
    ("pol", "pl"),
    ("tur", "tr"),
    ("fas", "fa"),
    ("per", "fa"),
    ("pus", "ps"),
    ("tir", "ti"),
    ("amh", "am"),
    ("som", "so"),
    ("hin", "hi"),
    ("pan", "pa"),
    ("tgl", "tl"),
    ("wol", "wo"),
];

/// Reads services one by one, keeping every problem and warning for the end.
pub(super) struct Converter<'o> {
    options: &'o Options,
    problems: Vec<Problem>,
    warnings: Vec<String>,
    /// A package's row shared by several services (a location) is named once per problem.
    said: HashSet<(String, String, String)>,
    /// The service being read, as problems name it.
    label: String,
    /// Terms that map to nothing, with how many services carry each.
    unmapped: BTreeMap<Term, usize>,
}

impl<'o> Converter<'o> {
    pub fn new(options: &'o Options, problems: Vec<Problem>, warnings: Vec<String>) -> Self {
        Converter {
            options,
            problems,
            warnings,
            said: HashSet::new(),
            label: String::new(),
            unmapped: BTreeMap::new(),
        }
    }

    /// The problems (errors and warnings), and every warning as a line for the editor.
    pub fn finish(mut self, file: &str) -> (Vec<Problem>, Vec<String>) {
        for (term, count) in std::mem::take(&mut self.unmapped) {
            let services = if count == 1 { "service" } else { "services" };
            self.warnings.push(format!(
                "warning: {file}: the taxonomy term {} is on {count} {services} and is no Bussola \
                 category: map it in the --taxonomy-map file (to a category, or to nothing to \
                 leave it out quietly)",
                term.label()
            ));
        }
        let mut warnings: Vec<String> = self
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .map(Problem::to_string)
            .collect();
        warnings.append(&mut self.warnings);
        (self.problems, warnings)
    }

    fn push(&mut self, severity: Severity, at: &At, message: String) {
        if at.is_from_row()
            && !self
                .said
                .insert((at.file.clone(), at.path.clone(), message.clone()))
        {
            return;
        }
        self.problems.push(Problem {
            severity,
            file: at.file.clone(),
            service: self.label.clone(),
            field: at.path.clone(),
            message,
        });
    }

    fn error(&mut self, at: &At, message: String) {
        self.push(Severity::Error, at, message);
    }

    fn warning(&mut self, at: &At, message: String) {
        self.push(Severity::Warning, at, message);
    }

    /// A text field: `None` when absent or empty, an error when not text.
    fn text(&mut self, at: &At, value: &Value) -> Option<String> {
        match value {
            Value::Null => None,
            Value::String(s) if s.trim().is_empty() => None,
            Value::String(s) => Some(s.trim().to_owned()),
            other => {
                self.error(at, format!("{other} is not text"));
                None
            }
        }
    }

    /// A number field: `Ok(None)` when absent, `Err` (said) when not a number.
    fn number(&mut self, at: &At, value: &Value) -> Result<Option<f64>, ()> {
        super::number(value).map_err(|text| {
            self.error(at, format!("\"{text}\" is not a number"));
        })
    }

    /// Copies the text fields named in `fields` from `from` into `to`.
    fn texts(&mut self, at: &At, from: &Value, to: &mut Map<String, Value>, fields: &[&str]) {
        for field in fields {
            if let Some(text) = self.text(&at.field(field), &from[*field]) {
                to.insert((*field).to_owned(), text.into());
            }
        }
    }

    /// The list at `value` with where each item is; anything but a list (or nothing) is an error.
    fn list<'v>(&mut self, at: &At, value: &'v Value) -> Vec<(At, &'v Value)> {
        match value {
            Value::Null => Vec::new(),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| (at.item(i).enter(item), item))
                .collect(),
            other => {
                self.error(at, format!("{other} is not a list"));
                Vec::new()
            }
        }
    }

    /// Service `i` of the source, as the feed carries it; `None` when it cannot be read at all.
    pub fn service(&mut self, i: usize, at: &At, s: &Value) -> Option<Value> {
        let at = at.enter(s);
        self.label = format!("#{}", i + 1);
        if !s.is_object() {
            self.error(&at, "a service must be a JSON object".into());
            return None;
        }
        let Some(id) = s["id"].as_str().map(str::trim).filter(|id| !id.is_empty()) else {
            self.error(
                &at.field("id"),
                format!(
                    "missing or not text ({}): every service needs an id",
                    s["id"]
                ),
            );
            return None;
        };
        // A package Bussola exported names the service by a UUID and keeps the feed's id.
        let id = match self.text(&at.field("x_bussola_id"), &s["x_bussola_id"]) {
            Some(bussola_id) => bussola_id,
            None => canonical_id(id),
        };
        self.label = id.clone();
        let mut out = Map::new();
        out.insert("id".into(), id.into());
        self.texts(&at, s, &mut out, SERVICE_TEXTS);
        self.extensions(&at, s, &mut out);
        if let Some(status) = out.get("status").and_then(Value::as_str)
            && !STATUSES.contains(&status)
        {
            let status = status.to_owned();
            self.error(
                &at.field("status"),
                format!(
                    "\"{status}\" is not a status HSDS knows ({})",
                    STATUSES.join(", ")
                ),
            );
        }
        if let Some(date) = self.text(&at.field("assured_date"), &s["assured_date"]) {
            // A timestamp's day is its first ten characters.
            let day = date
                .get(..10)
                .filter(|_| date.len() == 10 || date[10..].starts_with('T'));
            match day.and_then(bussola_model::valid_date) {
                Some(day) => {
                    out.insert("assured_date".into(), day.into());
                }
                None => self.error(
                    &at.field("assured_date"),
                    format!("\"{date}\" is not a date YYYY-MM-DD"),
                ),
            }
        }
        if s["organization"].is_object() {
            let org_at = at.field("organization").enter(&s["organization"]);
            let mut organization = Map::new();
            self.texts(
                &org_at,
                &s["organization"],
                &mut organization,
                &["id", "name", "description", "website"],
            );
            if !organization.is_empty() {
                out.insert("organization".into(), organization.into());
            }
        }

        // The service's phones, and those of the service at each of its places (the feed has
        // phones on the service only); one phone given at both levels is carried once.
        let mut phones = Vec::new();
        let mut seen_phones = HashSet::new();
        let mut phone_lists = vec![(at.field("phones"), &s["phones"])];
        for (j, sal) in s["service_at_locations"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            let sal_at = at.field("service_at_locations").item(j).enter(sal);
            phone_lists.push((sal_at.field("phones"), &sal["phones"]));
        }
        for (list_at, list) in phone_lists {
            for (phone_at, phone) in self.list(&list_at, list) {
                let key = phone["id"]
                    .as_str()
                    .map_or_else(|| phone["number"].to_string(), str::to_owned);
                if seen_phones.insert(key)
                    && let Some(phone) = self.phone(&phone_at, phone)
                {
                    phones.push(phone);
                }
            }
        }
        if !phones.is_empty() {
            out.insert("phones".into(), phones.into());
        }
        let languages = self.languages(&at.field("languages"), &s["languages"]);
        if !languages.is_empty() {
            out.insert("languages".into(), languages.into());
        }
        let mut documents = Vec::new();
        for (doc_at, doc) in self.list(&at.field("required_documents"), &s["required_documents"]) {
            let mut document = Map::new();
            self.texts(&doc_at, doc, &mut document, &["document", "uri"]);
            if document.contains_key("document") {
                documents.push(Value::Object(document));
            }
        }
        if !documents.is_empty() {
            out.insert("required_documents".into(), documents.into());
        }

        let categories = self.categories(&at, s);
        out.insert("categories".into(), categories.into());

        let service_schedules = self.list(&at.field("schedules"), &s["schedules"]);
        let mut places = Vec::new();
        for (sal_at, sal) in self.list(
            &at.field("service_at_locations"),
            &s["service_at_locations"],
        ) {
            let location = &sal["location"];
            if !location.is_object() {
                self.error(
                    &sal_at.field("location"),
                    "missing: a service at a location needs its location".into(),
                );
                continue;
            }
            let location_at = sal_at.field("location").enter(location);
            let Some(place) = self.location(&location_at, location) else {
                continue;
            };
            let mut at_place = json!({"location": place});
            // The most particular hours: this service here, else the service's, else the
            // building's.
            let own = self.list(&sal_at.field("schedules"), &sal["schedules"]);
            let building = self.list(&location_at.field("schedules"), &location["schedules"]);
            let rows = [own, service_schedules.clone(), building]
                .into_iter()
                .find(|rows| !rows.is_empty())
                .unwrap_or_default();
            // Hours Bussola exported as text, having no schedules, come back as they were.
            let kept = self.text(
                &sal_at.field("x_bussola_opening_hours"),
                &sal["x_bussola_opening_hours"],
            );
            if let Some(hours) = self.hours(&rows).or(kept) {
                at_place["opening_hours"] = hours.into();
            }
            places.push(at_place);
        }
        let kept = self.text(
            &at.field("x_bussola_opening_hours"),
            &s["x_bussola_opening_hours"],
        );
        if let Some(hours) = kept {
            out.insert("opening_hours".into(), hours.into());
        } else if places.is_empty() {
            // A service with no place (a helpline) keeps its hours for itself.
            if let Some(hours) = self.hours(&service_schedules) {
                out.insert("opening_hours".into(), hours.into());
            }
        }
        out.insert("service_at_locations".into(), places.into());
        Some(Value::Object(out))
    }

    /// Bussola's profile fields, which a package Bussola exported keeps in `x_bussola_`
    /// columns and tables (`export`): any other HSDS source has none of them.
    fn extensions(&mut self, at: &At, s: &Value, out: &mut Map<String, Value>) {
        for (column, field) in [
            ("x_bussola_closed_until", "closed_until"),
            ("x_bussola_certified_email", "certified_email"),
        ] {
            if let Some(text) = self.text(&at.field(column), &s[column]) {
                out.insert(field.into(), text.into());
            }
        }
        // Lists and objects are JSON in their cell.
        for (column, field, shape) in [
            ("x_bussola_sources", "sources", "a JSON list of texts"),
            ("x_bussola_organization", "organization", "a JSON object"),
        ] {
            let Some(cell) = self.text(&at.field(column), &s[column]) else {
                continue;
            };
            match serde_json::from_str::<Value>(&cell) {
                Ok(value @ (Value::Array(_) | Value::Object(_))) => {
                    out.insert(field.into(), value);
                }
                _ => self.error(&at.field(column), format!("\"{cell}\" is not {shape}")),
            }
        }
        let mut translations = Map::new();
        for (t_at, row) in self.list(
            &at.field("x_bussola_translations"),
            &s["x_bussola_translations"],
        ) {
            let Some(language) = self.text(&t_at.field("language"), &row["language"]) else {
                self.error(
                    &t_at.field("language"),
                    "missing: a translation needs its language".into(),
                );
                continue;
            };
            let mut texts = Map::new();
            let fields: Vec<&str> = crate::publish::TRANSLATABLE
                .iter()
                .copied()
                .chain(["translated_from"])
                .collect();
            self.texts(&t_at, row, &mut texts, &fields);
            translations.insert(language, texts.into());
        }
        if !translations.is_empty() {
            out.insert("translations".into(), translations.into());
        }
    }

    fn hours(&mut self, rows: &[(At, &Value)]) -> Option<String> {
        if rows.is_empty() {
            return None;
        }
        let (hours, findings) = schedule::opening_hours(rows, self.options.today);
        for finding in findings {
            match finding {
                Finding::Error { at, message } => self.error(&at, message),
                Finding::Warning { at, message } => self.warning(&at, message),
            }
        }
        hours
    }

    /// The service's categories from its attributes' taxonomy terms; an error when none maps.
    fn categories(&mut self, at: &At, s: &Value) -> Vec<String> {
        let mut terms: Vec<Term> = Vec::new();
        for (_, attribute) in self.list(&at.field("attributes"), &s["attributes"]) {
            let term = if attribute["taxonomy_term"].is_object() {
                Term::from_value(&attribute["taxonomy_term"])
            } else if let Some(id) = attribute["taxonomy_term_id"].as_str() {
                Term::from_value(&json!({"id": id}))
            } else {
                continue;
            };
            if !terms.contains(&term) {
                terms.push(term);
            }
        }
        let mut categories: Vec<String> = Vec::new();
        for term in &terms {
            match self.options.taxonomy.categories(term) {
                Mapped::Categories(codes) => {
                    for code in codes {
                        if !categories.iter().any(|c| c == code) {
                            categories.push(code.to_owned());
                        }
                    }
                }
                Mapped::Dropped => {}
                Mapped::Unmapped => *self.unmapped.entry(term.clone()).or_default() += 1,
            }
        }
        if categories.is_empty() {
            let message = if terms.is_empty() {
                "no taxonomy term, so no Bussola category: every service needs one (give it a \
                 term whose code is a category, or map its terms with --taxonomy-map)"
                    .to_owned()
            } else {
                let labels: Vec<String> = terms.iter().map(Term::label).collect();
                format!(
                    "none of its taxonomy terms is a Bussola category ({}): map them with \
                     --taxonomy-map",
                    labels.join("; ")
                )
            };
            self.error(&at.field("attributes"), message);
        }
        categories
    }

    fn phone(&mut self, at: &At, p: &Value) -> Option<Value> {
        let Some(written) = self.text(&at.field("number"), &p["number"]) else {
            self.error(
                &at.field("number"),
                "missing: a phone needs its number".into(),
            );
            return None;
        };
        // A number wrapped whole in quote marks is a spreadsheet's doing (quoted so that its
        // leading "+" is not read as a formula): the characters inside are kept exactly, so
        // taking the marks off guesses nothing, and it is reported rather than done quietly.
        // Quote marks anywhere else stay, and the feed's check refuses the number.
        let number = match unquoted(written.trim()) {
            Some(inner) => {
                self.warning(
                    &at.field("number"),
                    format!("the quote marks around {written} are taken off: \"{inner}\""),
                );
                inner.to_owned()
            }
            None => written,
        };
        let mut phone = Map::new();
        phone.insert("number".into(), number.into());
        self.texts(at, p, &mut phone, &["type", "description"]);
        // HSDS gives the extension as a number; a package's cell gives it as text.
        match &p["extension"] {
            Value::Null => {}
            Value::String(s) if s.trim().is_empty() => {}
            Value::String(s) => {
                let extension = s
                    .trim()
                    .parse::<u64>()
                    .map_or_else(|_| s.clone().into(), Value::from);
                phone.insert("extension".into(), extension);
            }
            Value::Number(n) => {
                phone.insert("extension".into(), n.clone().into());
            }
            other => self.error(
                &at.field("extension"),
                format!("{other} is not an extension"),
            ),
        }
        let languages = self.languages(&at.field("languages"), &p["languages"]);
        if !languages.is_empty() {
            phone.insert("languages".into(), languages.into());
        }
        Some(Value::Object(phone))
    }

    fn languages(&mut self, at: &At, list: &Value) -> Vec<Value> {
        let mut languages: Vec<Value> = Vec::new();
        for (language_at, language) in self.list(at, list) {
            let name = self.text(&language_at.field("name"), &language["name"]);
            let Some(code) = self.text(&language_at.field("code"), &language["code"]) else {
                let name = name.map_or_else(String::new, |n| format!(" \"{n}\""));
                self.warning(
                    &language_at.field("code"),
                    format!(
                        "the language{name} has no code: left out (the app filters languages by \
                         their ISO 639 code)"
                    ),
                );
                continue;
            };
            let code = language_code(&code);
            if languages.iter().any(|l| l["code"] == code.as_str()) {
                continue;
            }
            let mut out = json!({"code": code});
            if let Some(name) = name {
                out["name"] = name.into();
            }
            languages.push(out);
        }
        languages
    }

    /// A place of the service; `None` for one that is no place to go (a virtual location).
    fn location(&mut self, at: &At, l: &Value) -> Option<Value> {
        if l["location_type"].as_str() == Some("virtual") {
            self.warning(
                &at.field("location_type"),
                "a virtual location is no place to go: left out of the service's places".into(),
            );
            return None;
        }
        let mut place = Map::new();
        self.texts(
            at,
            l,
            &mut place,
            &["id", "name", "description", "transportation"],
        );
        // Bussola's extensions (`export`): the feed's own id, and what the coordinates mark.
        if let Some(id) = self.text(&at.field("x_bussola_id"), &l["x_bussola_id"]) {
            place.insert("id".into(), id.into());
        }
        if let Some(precision) = self.text(
            &at.field("x_bussola_geo_precision"),
            &l["x_bussola_geo_precision"],
        ) {
            place.insert("geo_precision".into(), precision.into());
        }
        let latitude = self.number(&at.field("latitude"), &l["latitude"]);
        let longitude = self.number(&at.field("longitude"), &l["longitude"]);
        let mut valid = latitude.is_ok() && longitude.is_ok();
        let (latitude, longitude) = (latitude.unwrap_or(None), longitude.unwrap_or(None));
        if let Some(lat) = latitude
            && !(-90.0..=90.0).contains(&lat)
        {
            valid = false;
            self.error(
                &at.field("latitude"),
                format!("{lat} is not a latitude (it is between -90 and 90)"),
            );
        }
        if let Some(lon) = longitude
            && !(-180.0..=180.0).contains(&lon)
        {
            valid = false;
            self.error(
                &at.field("longitude"),
                format!("{lon} is not a longitude (it is between -180 and 180)"),
            );
        }
        match (latitude, longitude) {
            (Some(lat), Some(lon)) if valid => {
                place.insert("latitude".into(), lat.into());
                place.insert("longitude".into(), lon.into());
            }
            (Some(_), None) if valid => self.error(
                &at.field("longitude"),
                "missing, with a latitude given: a place needs both".into(),
            ),
            (None, Some(_)) if valid => self.error(
                &at.field("latitude"),
                "missing, with a longitude given: a place needs both".into(),
            ),
            _ => {}
        }
        let mut addresses = Vec::new();
        for (address_at, address) in self.list(&at.field("addresses"), &l["addresses"]) {
            let mut out = Map::new();
            self.texts(&address_at, address, &mut out, super::ADDRESS_FIELDS);
            if !out.is_empty() {
                addresses.push(Value::Object(out));
            }
        }
        if !addresses.is_empty() {
            place.insert("addresses".into(), addresses.into());
        }
        let mut accessibility = Vec::new();
        for (access_at, access) in self.list(&at.field("accessibility"), &l["accessibility"]) {
            let mut out = Map::new();
            self.texts(
                &access_at,
                access,
                &mut out,
                &["description", "details", "url"],
            );
            if !out.is_empty() {
                accessibility.push(Value::Object(out));
            }
        }
        if !accessibility.is_empty() {
            place.insert("accessibility".into(), accessibility.into());
        }
        let languages = self.languages(&at.field("languages"), &l["languages"]);
        if !languages.is_empty() {
            place.insert("languages".into(), languages.into());
        }
        Some(Value::Object(place))
    }
}

/// HSDS ids are UUIDs, which are the same in either case; the feed's ids are lower case.
fn canonical_id(id: &str) -> String {
    let uuid = id.len() == 36
        && id.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        });
    if uuid {
        id.to_ascii_lowercase()
    } else {
        id.to_owned()
    }
}

/// The text inside quote marks that wrap all of `text` and appear nowhere else in it.
fn unquoted(text: &str) -> Option<&str> {
    const PAIRS: &[(char, char)] = &[('"', '"'), ('\'', '\''), ('“', '”'), ('‘', '’')];
    const MARKS: &[char] = &['"', '\'', '“', '”', '‘', '’'];
    PAIRS.iter().find_map(|&(open, close)| {
        let inner = text.strip_prefix(open)?.strip_suffix(close)?.trim();
        (!inner.is_empty() && !inner.contains(MARKS)).then_some(inner)
    })
}

/// ISO 639 codes are the same in either case; a three-letter code with a two-letter one is
/// written as that.
fn language_code(code: &str) -> String {
    let code = code.trim().to_ascii_lowercase();
    THREE_LETTER
        .iter()
        .find(|(three, _)| *three == code)
        .map_or(code, |(_, two)| (*two).to_owned())
}
