//! The checks every service of a feed must pass before it reaches a device, with messages an
//! editor can act on: which file, which service, which field, what is wrong.
//!
//! Errors refuse the whole file. Warnings do not: per DESIGN's forward-compatibility rule an
//! unknown category shows as "other" and unreadable opening hours as "hours unknown", so a
//! newer feed still reaches an older app. What touches safety (where an office is, which links
//! a person may tap, text that could carry markup) is always an error.

use crate::hours::Hours;
use crate::taxonomy::CATEGORIES;
use serde_json::Value;
use std::collections::HashSet;
use std::fmt;

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
#[derive(Debug, Default)]
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

/// Checks the services of one file (a snapshot's, or a delta's upserts).
pub fn services(file: &str, services: &[Value]) -> Report {
    let mut report = Report::default();
    if services.len() > MAX_SERVICES {
        report.problems.push(Problem {
            severity: Severity::Error,
            file: file.to_owned(),
            service: String::new(),
            field: String::new(),
            message: format!(
                "holds {} services; a feed may hold at most {MAX_SERVICES}",
                services.len()
            ),
        });
        return report;
    }
    let mut seen = HashSet::new();
    for (i, service) in services.iter().enumerate() {
        let id = service["id"].as_str().map(str::to_owned);
        let label = id.clone().unwrap_or_else(|| format!("#{}", i + 1));
        let mut check = Check {
            file,
            service: &label,
            report: &mut report,
        };
        check.service(service);
        if let Some(id) = id
            && !seen.insert(id.clone())
        {
            check.error(
                "id",
                format!("the id \"{id}\" is used by another service too"),
            );
        }
    }
    report
}

struct Check<'a> {
    file: &'a str,
    service: &'a str,
    report: &'a mut Report,
}

impl Check<'_> {
    fn push(&mut self, severity: Severity, field: &str, message: String) {
        self.report.problems.push(Problem {
            severity,
            file: self.file.to_owned(),
            service: self.service.to_owned(),
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
            } else if !CATEGORIES.iter().any(|c| c.code == *code) {
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
        self.plain_text(s, "", 0);
        if let Some(hours) = s["opening_hours"].as_str() {
            self.hours("opening_hours", hours);
        }
        let locations = s["service_at_locations"].as_array();
        let mut located = false;
        for (i, at) in locations.into_iter().flatten().enumerate() {
            let field = format!("service_at_locations[{i}]");
            let location = &at["location"];
            match (
                location["latitude"].as_f64(),
                location["longitude"].as_f64(),
            ) {
                (Some(lat), Some(lon)) => {
                    located = true;
                    if !(ITALY_LAT.contains(&lat) && ITALY_LON.contains(&lon)) {
                        self.error(
                            &format!("{field}.location"),
                            format!("{lat},{lon} is outside Italy"),
                        );
                    }
                }
                (None, None) => {}
                _ => self.error(
                    &format!("{field}.location"),
                    "has a latitude or a longitude but not both".into(),
                ),
            }
            if let Some(hours) = at["opening_hours"].as_str() {
                self.hours(&format!("{field}.opening_hours"), hours);
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

    fn hours(&mut self, field: &str, text: &str) {
        if Hours::parse(text).is_none() {
            self.warning(
                field,
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
    fn plain_text(&mut self, value: &Value, path: &str, depth: usize) {
        if depth > MAX_DEPTH {
            self.error(path, format!("nests deeper than {MAX_DEPTH} levels"));
            return;
        }
        match value {
            Value::String(text) => {
                if text.len() > MAX_TEXT_BYTES {
                    self.error(
                        path,
                        format!("is {} bytes long; at most {MAX_TEXT_BYTES}", text.len()),
                    );
                } else if looks_like_markup(text) {
                    self.error(path, "holds HTML or other markup; plain text only".into());
                } else if let Some(c) = text.chars().find(|&c| is_hidden_control(c)) {
                    self.error(
                        path,
                        format!(
                            "holds the invisible control character U+{:04X}, which can hide or \
                             reorder what is shown",
                            c as u32
                        ),
                    );
                }
            }
            Value::Array(items) => {
                if items.len() > MAX_LIST_ITEMS {
                    self.error(
                        path,
                        format!("lists {} items; at most {MAX_LIST_ITEMS}", items.len()),
                    );
                    return;
                }
                for (i, item) in items.iter().enumerate() {
                    self.plain_text(item, &format!("{path}[{i}]"), depth + 1);
                }
            }
            Value::Object(fields) => {
                if fields.len() > MAX_FIELDS {
                    self.error(
                        path,
                        format!("has {} fields; at most {MAX_FIELDS}", fields.len()),
                    );
                    return;
                }
                for (key, item) in fields {
                    let path = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    self.plain_text(item, &path, depth + 1);
                }
            }
            _ => {}
        }
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
fn is_code(code: &str) -> bool {
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

    fn problems(services_: &[Value]) -> Vec<String> {
        services("snapshot-2.json", services_)
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
        let report = services("f", &[s]);
        assert!(report.is_ok());
        assert_eq!(report.warnings().count(), 2);
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
        assert!(services("f", &[fine]).is_ok());
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
        assert!(services("f", &[s]).is_ok());
    }

    #[test]
    fn only_a_helpline_may_have_no_location() {
        let mut s = good();
        s["service_at_locations"] = json!([]);
        assert!(!services("f", std::slice::from_ref(&s)).is_ok());
        s["categories"] = json!(["helpline"]);
        assert!(services("f", &[s]).is_ok());
        let nameless = json!({"id":"Bad Id","status":"active","categories":["helpline"]});
        let found = problems(&[nameless]);
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
}
