//! A feed's records, read once: every check a service must pass and its typed form come out of
//! the same pass, so anything that validates parses and anything that parses has been validated.
//!
//! Each problem names the file, the service and the field, so an editor can act on it. Errors
//! refuse the whole file. Warnings do not: per DESIGN's forward-compatibility rule an unknown
//! category shows as "other" and unreadable opening hours as "hours unknown", so a newer feed
//! still reaches an older app. What touches safety (where an office is, which links a person
//! may tap, text that could carry markup or reorder itself) is always an error.
//!
//! A device, `feed build`, `feed verify` and the fuzzers all come through here: a source a
//! device would refuse cannot be signed.

use crate::contract::Service;
use crate::error::{FeedError, Result};
use serde_json::Value;
use serde_json::value::RawValue;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Every category code a feed may use (DESIGN.md, "The feed"); the engine's taxonomy gives each
/// its words. An unknown code is a warning and shows as "other".
pub const CATEGORY_CODES: &[&str] = &[
    "permits",
    "access-point",
    "mediation",
    "legal",
    "language",
    "health",
    "family",
    "work",
    "housing",
    "food-shelter",
    "education",
    "community",
    "helpline",
    "emergency",
    "town-hall",
];

/// A generous box around Italy, islands and Lampedusa included.
const ITALY_LAT: std::ops::RangeInclusive<f64> = 35.0..=47.2;
const ITALY_LON: std::ops::RangeInclusive<f64> = 6.5..=18.6;
const MAX_ID_CHARS: usize = 100;

/// Bounds on what one feed may hold, so that no file, however it was made, can make a device
/// spend unbounded memory or time: far above any real directory (Umbria's longest text is under
/// 2,000 bytes, its largest list 12 items), far below what would hurt a phone.
pub const MAX_SERVICES: usize = 500_000;
/// Bytes in one text field (a description of several pages).
pub const MAX_TEXT_BYTES: usize = 32 * 1024;
/// Items in one list of a service (phones, locations, languages, sources…).
pub const MAX_LIST_ITEMS: usize = 200;
/// Fields in one object of a service.
pub const MAX_FIELDS: usize = 200;
/// How deep a service's JSON may nest (a service, its locations, their addresses… is 4).
pub const MAX_DEPTH: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One thing wrong with a feed file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub file: String,
    /// The service's id, or its position when it has no usable id.
    pub service: String,
    /// The field, as a path into the record (`service_at_locations[0].location.latitude`).
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{kind}: {}, service {}, {}: {}",
            self.file, self.service, self.field, self.message
        )
    }
}

/// Everything found in one file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub problems: Vec<Problem>,
}

impl Report {
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
    }

    pub fn is_ok(&self) -> bool {
        self.errors().next().is_none()
    }

    /// The errors as one message: the first few in full, then how many more.
    pub fn error_summary(&self) -> String {
        let errors: Vec<String> = self.errors().map(Problem::to_string).collect();
        let shown = errors
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("; ");
        match errors.len() {
            0..=5 => shown,
            n => format!("{shown}; and {} more", n - 5),
        }
    }
}

/// A service that passed every check: its typed form, and its JSON text without whitespace, as
/// the store keeps it.
#[derive(Debug, Clone)]
pub struct Record {
    pub service: Service,
    pub json: String,
}

/// The records of one file that passed, and the warnings for its editors.
#[derive(Debug, Default)]
pub struct Records {
    pub services: Vec<Record>,
    pub warnings: Vec<Problem>,
}

/// Checks the records of a file as they arrived (a snapshot's services, a delta's upserts).
pub fn check_raw(file: &str, records: &[&RawValue]) -> Result<Records> {
    let mut pass = Pass::new(file, records.len())?;
    for (i, raw) in records.iter().enumerate() {
        match serde_json::from_str::<Value>(raw.get()) {
            Ok(value) => pass.record(i, &value, || minify(raw.get())),
            Err(e) => pass.problem(i, None, "", format!("is not JSON: {e}")),
        }
    }
    pass.finish()
}

/// Checks services an editor keeps (read from JSON or CSV), before they are signed.
pub fn check_values(file: &str, services: &[Value]) -> Result<Records> {
    let mut pass = Pass::new(file, services.len())?;
    for (i, value) in services.iter().enumerate() {
        pass.record(i, value, || value.to_string());
    }
    pass.finish()
}

/// One pass over a file's records: the report so far, the ids seen, the records that passed.
struct Pass<'f> {
    file: &'f str,
    report: Report,
    seen: HashSet<String>,
    records: Vec<Record>,
    /// Some record was refused: the file will be, so no more records are kept.
    failed: bool,
    hours_readable: HashMap<String, bool>,
}

impl<'f> Pass<'f> {
    fn new(file: &'f str, count: usize) -> Result<Self> {
        if count > MAX_SERVICES {
            return Err(FeedError::records(Report {
                problems: vec![Problem {
                    severity: Severity::Error,
                    file: file.to_owned(),
                    service: String::new(),
                    field: String::new(),
                    message: format!(
                        "holds {count} services; a feed may hold at most {MAX_SERVICES}"
                    ),
                }],
            }));
        }
        Ok(Pass {
            file,
            report: Report::default(),
            // Grown as records pass, not reserved for the count a file claims: a file of 500k
            // empty objects must not make the device set aside memory for 500k services.
            seen: HashSet::new(),
            records: Vec::new(),
            failed: false,
            hours_readable: HashMap::new(),
        })
    }

    fn label(i: usize, id: Option<&str>) -> String {
        id.map_or_else(|| format!("#{}", i + 1), str::to_owned)
    }

    fn problem(&mut self, i: usize, id: Option<&str>, field: &str, message: String) {
        self.failed = true;
        self.report.problems.push(Problem {
            severity: Severity::Error,
            file: self.file.to_owned(),
            service: Self::label(i, id),
            field: field.to_owned(),
            message,
        });
    }

    /// Checks record `i` and, when it passes, keeps its typed form and its text.
    fn record(&mut self, i: usize, value: &Value, text: impl FnOnce() -> String) {
        let id = value["id"].as_str();
        let first_new = self.report.problems.len();
        let mut check = Check {
            file: self.file,
            index: i,
            id,
            report: &mut self.report,
            hours_readable: &mut self.hours_readable,
        };
        check.service(value);
        if let Some(id) = id
            && !self.seen.insert(id.to_owned())
        {
            check.error(
                "id",
                format!("the id \"{id}\" is used by another service too"),
            );
        }
        let refused = self.report.problems[first_new..]
            .iter()
            .any(|p| p.severity == Severity::Error);
        self.failed |= refused;
        // The typed read is the last check: a field of the wrong type ("description": 5) is
        // named like any other problem, not found later by a device that cannot read it. It is
        // named beside the record's other problems, unless one names that field already.
        match serde_path_to_error::deserialize::<_, Service>(value) {
            Ok(service) if !self.failed => self.records.push(Record {
                service,
                json: text(),
            }),
            // Some record failed: nothing will be kept, so nothing more is held.
            Ok(_) => {}
            Err(e) => {
                let field = e.path().to_string();
                let field = if field == "." { String::new() } else { field };
                // A missing field is reported at the record's root, "." (the checks above name
                // the field itself).
                let named = (field.is_empty() && refused)
                    || self.report.problems[first_new..]
                        .iter()
                        .any(|p| p.field == field || p.field.is_empty());
                self.failed = true;
                if !named {
                    self.problem(i, id, &field, e.into_inner().to_string());
                }
            }
        }
    }

    fn finish(self) -> Result<Records> {
        if self.failed {
            return Err(FeedError::records(self.report));
        }
        Ok(Records {
            services: self.records,
            warnings: self.report.problems,
        })
    }
}

/// The checks of one record. Its label and the paths of its fields are written out only when
/// there is a problem to name: most records have none.
struct Check<'a> {
    file: &'a str,
    index: usize,
    id: Option<&'a str>,
    report: &'a mut Report,
    /// Whether each opening-hours text met so far is readable: feeds repeat a few timetables
    /// over thousands of offices, and parsing one costs more than the rest of a record's checks.
    hours_readable: &'a mut HashMap<String, bool>,
}

/// One step of the path to a field: a key of an object or a position in a list.
#[derive(Clone, Copy)]
enum Step<'v> {
    Key(&'v str),
    Index(usize),
}

/// `service_at_locations[0].location.latitude`, from its steps.
fn path_text(steps: &[Step<'_>]) -> String {
    let mut text = String::new();
    for step in steps {
        match step {
            Step::Key(key) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Step::Index(i) => text.push_str(&format!("[{i}]")),
        }
    }
    text
}

impl Check<'_> {
    fn push(&mut self, severity: Severity, field: &str, message: String) {
        self.report.problems.push(Problem {
            severity,
            file: self.file.to_owned(),
            service: Pass::label(self.index, self.id),
            field: field.to_owned(),
            message,
        });
    }

    fn error(&mut self, field: &str, message: String) {
        self.push(Severity::Error, field, message);
    }

    fn warning(&mut self, field: &str, message: String) {
        self.push(Severity::Warning, field, message);
    }

    fn service(&mut self, s: &Value) {
        if !s.is_object() {
            self.error("", "a service must be a JSON object".into());
            return;
        }
        match s["id"].as_str() {
            None => self.error("id", "missing: every service needs an id".into()),
            Some(id) => {
                let valid = !id.is_empty()
                    && id.chars().count() <= MAX_ID_CHARS
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if !valid {
                    self.error(
                        "id",
                        format!(
                            "\"{id}\" must be 1 to {MAX_ID_CHARS} characters of a-z, 0-9 and -"
                        ),
                    );
                }
            }
        }
        self.required_text(s, "name");
        self.required_text(s, "status");
        let categories: Vec<&str> = s["categories"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if categories.is_empty() {
            self.error(
                "categories",
                "missing or empty: give at least one category code".into(),
            );
        }
        for code in &categories {
            if !is_code(code) {
                self.error(
                    "categories",
                    format!("\"{code}\" is not a code (lower-case letters, digits and -)"),
                );
            } else if !CATEGORY_CODES.contains(code) {
                self.warning(
                    "categories",
                    format!("\"{code}\" is not a category this app knows; it shows as \"other\""),
                );
            }
        }
        let helpline = categories.contains(&"helpline");
        for (i, language) in s["languages"].as_array().into_iter().flatten().enumerate() {
            if !language["code"].as_str().is_some_and(is_code) {
                self.error(
                    &format!("languages[{i}].code"),
                    "missing, or not a language code such as \"ar\"".into(),
                );
            }
        }
        self.links(s);
        self.plain_text(s, &mut Vec::with_capacity(MAX_DEPTH + 1));
        if let Some(hours) = s["opening_hours"].as_str() {
            self.hours(|| "opening_hours".into(), hours);
        }
        let locations = s["service_at_locations"].as_array();
        let mut located = false;
        for (i, at) in locations.into_iter().flatten().enumerate() {
            let field = || format!("service_at_locations[{i}].location");
            let location = &at["location"];
            match (
                location["latitude"].as_f64(),
                location["longitude"].as_f64(),
            ) {
                (Some(lat), Some(lon)) => {
                    located = true;
                    if !(ITALY_LAT.contains(&lat) && ITALY_LON.contains(&lon)) {
                        self.error(&field(), format!("{lat},{lon} is outside Italy"));
                    }
                }
                (None, None) => {}
                _ => self.error(
                    &field(),
                    "has a latitude or a longitude but not both".into(),
                ),
            }
            if let Some(hours) = at["opening_hours"].as_str() {
                self.hours(|| format!("service_at_locations[{i}].opening_hours"), hours);
            }
        }
        if !located && !helpline {
            self.error(
                "service_at_locations",
                "no location with latitude and longitude (only a helpline may have none)".into(),
            );
        }
    }

    fn required_text(&mut self, s: &Value, field: &str) {
        if s[field].as_str().is_none_or(|t| t.trim().is_empty()) {
            self.error(field, "missing or empty".into());
        }
    }

    fn hours(&mut self, field: impl FnOnce() -> String, text: &str) {
        let readable = match self.hours_readable.get(text) {
            Some(&readable) => readable,
            None => {
                let readable = crate::hours::parse(text).is_some();
                self.hours_readable.insert(text.to_owned(), readable);
                readable
            }
        };
        if !readable {
            self.warning(
                &field(),
                format!("\"{text}\" is not OSM opening_hours; it shows as \"hours unknown\""),
            );
        }
    }

    /// Links a person may tap: only web pages, phone numbers and mail.
    fn links(&mut self, s: &Value) {
        let mut urls = vec![("url".to_owned(), &s["url"])];
        urls.push((
            "organization.website".to_owned(),
            &s["organization"]["website"],
        ));
        for (i, source) in s["sources"].as_array().into_iter().flatten().enumerate() {
            urls.push((format!("sources[{i}]"), source));
        }
        for (field, value) in urls {
            if let Some(url) = value.as_str()
                && !(url.starts_with("https://") || url.starts_with("http://"))
            {
                self.error(&field, format!("\"{url}\" is not an http or https link"));
            }
        }
        if let Some(email) = s["email"].as_str() {
            let parts: Vec<&str> = email.split('@').collect();
            if parts.len() != 2 || parts[0].is_empty() || !parts[1].contains('.') {
                self.error("email", format!("\"{email}\" is not an e-mail address"));
            }
        }
        for (i, phone) in s["phones"].as_array().into_iter().flatten().enumerate() {
            if let Some(number) = phone["number"].as_str()
                && !number
                    .chars()
                    .all(|c| c.is_ascii_digit() || " +-./()".contains(c))
            {
                self.error(
                    &format!("phones[{i}].number"),
                    format!("\"{number}\" is not a phone number"),
                );
            }
        }
    }

    /// Every string is plain text within its bounds: markup is refused rather than shown or,
    /// worse, rendered, and so are characters that would change what the text around them
    /// looks like. Lists, objects and nesting stay within the feed's bounds.
    fn plain_text<'v>(&mut self, value: &'v Value, path: &mut Vec<Step<'v>>) {
        if path.len() > MAX_DEPTH {
            let field = path_text(path);
            self.error(&field, format!("nests deeper than {MAX_DEPTH} levels"));
            return;
        }
        match value {
            Value::String(text) => {
                if let Some(problem) = text_problem(text) {
                    let field = path_text(path);
                    self.error(&field, problem);
                }
            }
            Value::Array(items) => {
                if items.len() > MAX_LIST_ITEMS {
                    let field = path_text(path);
                    self.error(
                        &field,
                        format!("lists {} items; at most {MAX_LIST_ITEMS}", items.len()),
                    );
                    return;
                }
                for (i, item) in items.iter().enumerate() {
                    path.push(Step::Index(i));
                    self.plain_text(item, path);
                    path.pop();
                }
            }
            Value::Object(fields) => {
                if fields.len() > MAX_FIELDS {
                    let field = path_text(path);
                    self.error(
                        &field,
                        format!("has {} fields; at most {MAX_FIELDS}", fields.len()),
                    );
                    return;
                }
                for (key, item) in fields {
                    path.push(Step::Key(key));
                    self.plain_text(item, path);
                    path.pop();
                }
            }
            _ => {}
        }
    }
}

/// Why a feed's string cannot be shown as it is: too long, markup, or a hidden control
/// character; `None` for plain text.
pub(crate) fn text_problem(text: &str) -> Option<String> {
    if text.len() > MAX_TEXT_BYTES {
        Some(format!(
            "is {} bytes long; at most {MAX_TEXT_BYTES}",
            text.len()
        ))
    } else if looks_like_markup(text) {
        Some("holds HTML or other markup; plain text only".into())
    } else {
        text.chars().find(|&c| is_hidden_control(c)).map(|c| {
            format!(
                "holds the invisible control character U+{:04X}, which can hide or reorder what \
                 is shown",
                c as u32
            )
        })
    }
}

/// Characters a feed's text has no business holding: C0 and C1 controls other than tab and
/// line breaks, and the explicit bidirectional embeddings, overrides and isolates (U+202A–E,
/// U+2066–9), with which "+39 075 123" could be drawn reversed. The plain marks U+200E and
/// U+200F, which Arabic and Hebrew text uses, stay allowed.
fn is_hidden_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Category and language codes are stored space-separated: letters, digits and `-` only.
pub(crate) fn is_code(code: &str) -> bool {
    !code.is_empty()
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// `<` followed by a letter, `/` or `!` opens a tag; a lone "<" in "< 18 anni" does not.
fn looks_like_markup(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
        || text.contains("javascript:")
}

/// The JSON text without the whitespace between its tokens: feeds are often pretty-printed,
/// and the store keeps each record as text.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !c.is_ascii_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn good() -> Value {
        json!({"id":"pg-desk","name":"Sportello","status":"active","categories":["permits"],
               "url":"https://example.org","phones":[{"number":"+39 075 000000"}],
               "service_at_locations":[{"location":{"latitude":43.1,"longitude":12.4},
                                        "opening_hours":"Mo 09:00-12:00"}]})
    }

    /// Every problem found, errors and warnings.
    fn report(file: &str, services: &[Value]) -> Report {
        match check_values(file, services) {
            Ok(records) => Report {
                problems: records.warnings,
            },
            Err(e) => e.report.expect("a refusal of records carries its report"),
        }
    }

    fn problems(services: &[Value]) -> Vec<String> {
        report("snapshot-2.json", services)
            .problems
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn a_good_service_has_no_problem() {
        assert_eq!(problems(&[good()]), Vec::<String>::new());
    }

    #[test]
    fn each_problem_names_file_service_and_field() {
        let mut s = good();
        s["service_at_locations"][0]["location"]["latitude"] = json!(51.5);
        s["url"] = json!("javascript:alert(1)");
        s["categories"] = json!([]);
        let mut twin = good();
        twin["description"] = json!("Vieni <b>subito</b>");
        assert_eq!(
            problems(&[s, twin]),
            [
                "error: snapshot-2.json, service pg-desk, categories: missing or empty: give at least one category code",
                "error: snapshot-2.json, service pg-desk, url: \"javascript:alert(1)\" is not an http or https link",
                "error: snapshot-2.json, service pg-desk, url: holds HTML or other markup; plain text only",
                "error: snapshot-2.json, service pg-desk, service_at_locations[0].location: 51.5,12.4 is outside Italy",
                "error: snapshot-2.json, service pg-desk, description: holds HTML or other markup; plain text only",
                "error: snapshot-2.json, service pg-desk, id: the id \"pg-desk\" is used by another service too",
            ]
        );
    }

    #[test]
    fn unknown_categories_and_unreadable_hours_only_warn() {
        let mut s = good();
        s["categories"] = json!(["permits", "space-travel"]);
        s["languages"] = json!([{"code": "ar"}, {"code": "uk"}]);
        s["service_at_locations"][0]["opening_hours"] = json!("su appuntamento");
        let found = report("f", &[s]);
        assert!(found.is_ok());
        assert_eq!(found.warnings().count(), 2);
    }

    #[test]
    fn every_text_list_object_and_nesting_is_bounded() {
        let mut s = good();
        s["description"] = json!("a".repeat(MAX_TEXT_BYTES + 1));
        s["languages"] = json!(vec![json!({"code": "it"}); MAX_LIST_ITEMS + 1]);
        let mut deep = json!("bottom");
        for _ in 0..MAX_DEPTH {
            deep = json!({ "x": deep });
        }
        s["extension"] = deep;
        let fields: serde_json::Map<String, Value> = (0..=MAX_FIELDS)
            .map(|i| (format!("f{i}"), json!(i)))
            .collect();
        s["wide"] = Value::Object(fields);
        let found = problems(&[s]);
        for expected in [
            "description: is 32769 bytes long; at most 32768",
            "languages: lists 201 items; at most 200",
            "nests deeper than 12 levels",
            "wide: has 201 fields; at most 200",
        ] {
            assert!(
                found.iter().any(|p| p.contains(expected)),
                "{expected} in {found:?}"
            );
        }
        // At the bounds themselves, all is well.
        let mut fine = good();
        fine["description"] = json!("é".repeat(MAX_TEXT_BYTES / 2));
        assert!(report("f", &[fine]).is_ok());
    }

    #[test]
    fn controls_that_hide_or_reorder_text_are_refused() {
        for (text, code) in [
            ("Chiama \u{202E}321 570 93+", "U+202E"),
            ("Sportello \u{2066}x\u{2069}", "U+2066"),
            ("nul\u{0}byte", "U+0000"),
            ("escape \u{1b}[31m", "U+001B"),
        ] {
            let mut s = good();
            s["name"] = json!(text);
            let found = problems(&[s]);
            assert!(
                found.iter().any(|p| p.contains(code)),
                "{text:?}: {found:?}"
            );
        }
        let mut s = good();
        s["name"] = json!("مكتب \u{200F}الهجرة\nriga due\ttab");
        assert!(report("f", &[s]).is_ok());
    }

    #[test]
    fn only_a_helpline_may_have_no_location() {
        let mut s = good();
        s["service_at_locations"] = json!([]);
        assert!(!report("f", std::slice::from_ref(&s)).is_ok());
        s["categories"] = json!(["helpline"]);
        assert!(report("f", &[s]).is_ok());
        let nameless = json!({"id":"Bad Id","status":"active","categories":["helpline"]});
        let found = problems(&[nameless]);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("id: \"Bad Id\" must be"), "{found:?}");
        assert!(found[1].contains("name: missing"), "{found:?}");
        assert!(!looks_like_markup("per chi ha < 18 anni"));
        let mut spaced = good();
        spaced["categories"] = json!(["permits legal"]);
        spaced["languages"] = json!([{"code": "en gb"}]);
        let found = problems(&[spaced]);
        assert!(
            found[0].contains("\"permits legal\" is not a code"),
            "{found:?}"
        );
        assert!(found[1].contains("languages[0].code"), "{found:?}");
    }

    #[test]
    fn minify_keeps_strings_and_drops_only_the_space_between_tokens() {
        let pretty = "{\n \"a b\": [1, 2],\n \"q\": \"say \\\"hi\\\" \" }";
        let compact = minify(pretty);
        assert_eq!(compact, r#"{"a b":[1,2],"q":"say \"hi\" "}"#);
        let a: Value = serde_json::from_str(pretty).unwrap();
        let b: Value = serde_json::from_str(&compact).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn a_field_of_the_wrong_type_is_named_like_any_other_problem() {
        // Once, `feed build` signed this and every device then refused it.
        let mut s = good();
        s["description"] = json!(5);
        s["languages"] = json!([{"code": "ar"}, {"code": "uk", "name": 7}]);
        assert_eq!(
            problems(&[s]),
            [
                "error: snapshot-2.json, service pg-desk, description: invalid type: integer `5`, expected a string"
            ]
        );
        let mut located = good();
        located["service_at_locations"][0]["location"]["name"] = json!(["a"]);
        // Beside another problem of the same record, so an editor fixes both in one go.
        located["url"] = json!("ftp://example.org");
        let found = problems(&[located]);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("url: \"ftp://example.org\""), "{found:?}");
        assert!(
            found[1].contains("service_at_locations[0].location.name: invalid type: sequence"),
            "{found:?}"
        );
    }

    #[test]
    fn records_as_they_arrived_go_through_the_same_pass() {
        let text = r#"[ {"id":"a","name":"A","status":"active","categories":["helpline"]},
                        {"id":"b","name":"B","status":"active","categories":["helpline"],
                         "description":5} ]"#;
        let raw: Vec<&RawValue> = serde_json::from_str(text).unwrap();
        let refused = check_raw("delta-1-2.json", &raw).unwrap_err();
        assert_eq!(refused.kind, crate::Kind::InvalidRecords);
        assert!(
            refused.message.contains("service b, description"),
            "{refused}"
        );
        let passed = check_raw("delta-1-2.json", &raw[..1]).unwrap();
        assert_eq!(
            passed.services[0].json,
            r#"{"id":"a","name":"A","status":"active","categories":["helpline"]}"#
        );
    }
}
