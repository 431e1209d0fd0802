//! The editors' review of the corrections mediators send (`feed corrections`): packets read from
//! mails and files, grouped per service and field, set against what the source says now, and the
//! accepted ones written into the source, from which the next `feed build` publishes them.
//!
//! A group is named `<service>/<field>` (`questura-pg/phone`), stable across runs, so a script
//! can read a report and accept by name. What a packet proposes is free text from a person, so
//! only what can be checked is ever applied: a phone, an e-mail, a website (each through the
//! checks a build makes), hours that parse, and "closed for good" (status `inactive`). A move is
//! never applied by itself: a new address needs coordinates a packet does not carry, and an old
//! pin under a new address would send people to the wrong place; it is shown for the editor to
//! edit by hand, as is "other". Accepted changes also set the service's `assured_date` to the
//! day they were accepted: an editor has just checked the entry.
//!
//! The source is rewritten whole through a temporary file renamed into place, so a failure
//! leaves the source as it was; a JSON source keeps its keys' order and its indentation, so the
//! editor's diff shows the change and nothing else.

use crate::{Error, Result};
use bussola_model::{CorrectionField, CorrectionPacket};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A packet and the file it came in.
#[derive(Debug, Clone)]
pub struct Received {
    pub file: String,
    pub packet: CorrectionPacket,
}

/// Every packet in the files (mail bodies saved as `.txt`/`.eml`, or `.json` packets), and a line
/// for each block that could not be read and each file that holds none.
pub fn read_packet_files(paths: &[PathBuf]) -> Result<(Vec<Received>, Vec<String>)> {
    let mut received = Vec::new();
    let mut unreadable = Vec::new();
    for path in paths {
        let file = path.display().to_string();
        let bytes = std::fs::read(path)
            .map_err(|e| Error::InvalidFeed(format!("cannot read {file}: {e}")))?;
        // A mail saved by a client in another encoding still holds its packet in ASCII.
        let text = String::from_utf8_lossy(&bytes);
        let packets = bussola_model::read_correction_packets(&text);
        if packets.is_empty() {
            unreadable.push(format!("{file}: holds no correction packet"));
        }
        for packet in packets {
            match packet {
                Ok(packet) => received.push(Received {
                    file: file.clone(),
                    packet,
                }),
                Err(e) => unreadable.push(format!("{file}: {e}")),
            }
        }
    }
    Ok((received, unreadable))
}

/// The corrections for one feed, grouped, against its source.
#[derive(Debug, Serialize)]
pub struct Review {
    pub feed: String,
    pub source: String,
    pub groups: Vec<Group>,
    /// Packets set aside, one line each: another feed's, or unreadable.
    pub set_aside: Vec<String>,
}

/// Every report on one field of one service.
#[derive(Debug, Serialize)]
pub struct Group {
    /// `<service>/<field>`.
    pub id: String,
    pub service: String,
    /// The name in the source, or the one the packet gives for a service the source lacks.
    pub service_name: String,
    pub field: CorrectionField,
    /// What the source says now (for `moved`, the first location's address as one line).
    pub current: Option<String>,
    /// The distinct values proposed, the most reported first.
    pub proposals: Vec<Proposal>,
    pub reports: Vec<Report>,
    /// Why nothing in this group can be applied automatically, if so.
    pub not_applied: Option<String>,
}

/// One value proposed, by how many reports, and why it cannot be applied, if it cannot.
#[derive(Debug, Serialize)]
pub struct Proposal {
    pub value: Option<String>,
    pub reports: usize,
    pub refused: Option<String>,
}

/// One packet, as the editor needs to weigh it.
#[derive(Debug, Serialize)]
pub struct Report {
    pub file: String,
    pub old: Option<String>,
    pub proposed: Option<String>,
    pub note: Option<String>,
    pub data_version: u64,
    pub date: String,
}

impl Group {
    /// Whether accepting the group can change the source.
    pub fn can_accept(&self) -> bool {
        self.not_applied.is_none() && self.proposals.iter().any(|p| p.refused.is_none())
    }
}

/// The groups of the `feed`'s packets against the services of the source file `source`.
pub fn review(feed: &str, source: &Path, received: Vec<Received>) -> Result<Review> {
    let name = source.display().to_string();
    source_kind(source)?;
    let services = crate::publish::read_source(source)?.services;
    Ok(review_services(feed, &name, &services, received))
}

/// [`review`] over services already read.
pub fn review_services(
    feed: &str,
    source: &str,
    services: &[Value],
    received: Vec<Received>,
) -> Review {
    let mut set_aside = Vec::new();
    let mut by_group: BTreeMap<(String, usize), Vec<Received>> = BTreeMap::new();
    for r in received {
        if r.packet.feed != feed {
            set_aside.push(format!(
                "{}: a correction of \"{}\" for the feed \"{}\", not \"{feed}\": not applied",
                r.file, r.packet.service, r.packet.feed
            ));
            continue;
        }
        let order = CorrectionField::ALL
            .iter()
            .position(|f| *f == r.packet.field)
            .expect("ALL holds every field");
        by_group
            .entry((r.packet.service.clone(), order))
            .or_default()
            .push(r);
    }
    let groups = by_group
        .into_values()
        .map(|reports| group(source, services, reports))
        .collect();
    Review {
        feed: feed.to_owned(),
        source: source.to_owned(),
        groups,
        set_aside,
    }
}

fn group(source: &str, services: &[Value], reports: Vec<Received>) -> Group {
    let first = &reports[0].packet;
    let (service_id, field) = (first.service.clone(), first.field);
    let service = services.iter().find(|s| s["id"] == service_id.as_str());
    let mut counted: Vec<(Option<String>, usize)> = Vec::new();
    for r in &reports {
        let value = proposed_value(field, r.packet.proposed.as_deref());
        match counted.iter_mut().find(|(v, _)| *v == value) {
            Some((_, n)) => *n += 1,
            None => counted.push((value, 1)),
        }
    }
    // The most reported first; among equals, the first received (a stable sort).
    counted.sort_by_key(|c| std::cmp::Reverse(c.1));
    let not_applied = match (service, field) {
        (None, _) => Some(format!("no service \"{service_id}\" in {source}")),
        (_, CorrectionField::Moved) => Some(
            "a move is never applied by itself: the new address needs its coordinates too \
             (latitude, longitude, geo_precision); edit the location by hand"
                .to_owned(),
        ),
        (_, CorrectionField::Other) => {
            Some("\"other\" is never applied by itself: read the notes".to_owned())
        }
        _ => None,
    };
    let proposals = counted
        .into_iter()
        .map(|(value, n)| Proposal {
            refused: match (service, &not_applied) {
                (Some(service), None) => refusal(service, field, value.as_deref()),
                _ => None,
            },
            value,
            reports: n,
        })
        .collect();
    Group {
        id: format!("{service_id}/{}", field.code()),
        service_name: service
            .and_then(|s| s["name"].as_str())
            .unwrap_or(&first.service_name)
            .to_owned(),
        service: service_id,
        field,
        current: service.and_then(|s| current(s, field)),
        proposals,
        reports: reports
            .into_iter()
            .map(|r| Report {
                file: r.file,
                old: r.packet.old,
                proposed: r.packet.proposed,
                note: r.packet.note,
                data_version: r.packet.data_version,
                date: r.packet.date,
            })
            .collect(),
        not_applied,
    }
}

/// The value a packet proposes, as it would be written: trimmed, and for "closed for good" the
/// status it means, whatever words came with it.
fn proposed_value(field: CorrectionField, proposed: Option<&str>) -> Option<String> {
    if field == CorrectionField::ClosedForGood {
        return Some(INACTIVE.to_owned());
    }
    proposed
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
}

/// HSDS's status for a service that no longer exists; devices never show it.
const INACTIVE: &str = "inactive";

/// What the source says now of the field.
fn current(service: &Value, field: CorrectionField) -> Option<String> {
    let text = |v: &Value| v.as_str().map(str::to_owned);
    match field {
        CorrectionField::ClosedForGood => text(&service["status"]),
        CorrectionField::Phone => text(&service["phones"][0]["number"]),
        CorrectionField::Email => text(&service["email"]),
        CorrectionField::Website => text(&service["url"]),
        CorrectionField::Hours => match first_location(service) {
            Some(at) => text(&at["opening_hours"]),
            None => text(&service["opening_hours"]),
        },
        CorrectionField::Moved => {
            let address = &first_location(service)?["location"]["addresses"][0];
            let parts: Vec<String> = ["address_1", "postal_code", "city", "state_province"]
                .iter()
                .filter_map(|k| text(&address[*k]))
                .collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        CorrectionField::Other => None,
    }
}

fn first_location(service: &Value) -> Option<&Value> {
    service["service_at_locations"].as_array()?.first()
}

/// Why `value` cannot be written into the service's field, if it cannot: no value, hours the
/// app cannot read, or a value a build would refuse.
fn refusal(service: &Value, field: CorrectionField, value: Option<&str>) -> Option<String> {
    let Some(value) = value else {
        return Some("the reports propose no value".to_owned());
    };
    if field == CorrectionField::Hours && crate::hours::Hours::parse(value, None).is_none() {
        return Some(format!(
            "\"{value}\" is not opening hours the app can read (OpenStreetMap's opening_hours, \
             such as Mo-Fr 09:00-13:00; Sa 09:00-12:00)"
        ));
    }
    let mut changed = service.clone();
    if let Err(reason) = change(&mut changed, field, value, "2000-01-01") {
        return Some(reason);
    }
    // What a build would refuse now that it did not refuse before is this value's doing.
    let errors = |s: &Value| -> Vec<String> {
        let mut s = vec![s.clone()];
        crate::publish::without_editors_notes(&mut s);
        match bussola_feed::records::check_values("the source", &s) {
            Ok(_) => Vec::new(),
            Err(e) => match &e.report {
                Some(report) => report.errors().map(ToString::to_string).collect(),
                None => vec![e.to_string()],
            },
        }
    };
    let before = errors(service);
    let new: Vec<String> = errors(&changed)
        .into_iter()
        .filter(|e| !before.contains(e))
        .collect();
    (!new.is_empty()).then(|| format!("a build would refuse it: {}", new.join("; ")))
}

/// Writes `value` into the service's field, and `today` as its `assured_date`.
fn change(
    service: &mut Value,
    field: CorrectionField,
    value: &str,
    today: &str,
) -> Result<(), String> {
    match field {
        CorrectionField::ClosedForGood => service["status"] = INACTIVE.into(),
        CorrectionField::Phone => match service["phones"].as_array_mut() {
            Some(phones) if phones.first().is_some_and(Value::is_object) => {
                phones[0]["number"] = value.into();
            }
            _ => service["phones"] = json!([{"number": value, "type": "voice"}]),
        },
        CorrectionField::Email => service["email"] = value.into(),
        CorrectionField::Website => service["url"] = value.into(),
        CorrectionField::Hours => {
            // `get_mut`, not indexing: indexing would add a null `service_at_locations`.
            match service
                .get_mut("service_at_locations")
                .and_then(Value::as_array_mut)
                .and_then(|a| a.first_mut())
            {
                Some(at) => at["opening_hours"] = value.into(),
                None => service["opening_hours"] = value.into(),
            }
        }
        CorrectionField::Moved | CorrectionField::Other => {
            return Err(format!("\"{}\" is never applied by itself", field.code()));
        }
    }
    service["assured_date"] = today.into();
    Ok(())
}

/// A group accepted, with the proposal chosen (its index in [`Group::proposals`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub group: String,
    pub proposal: usize,
}

/// The choices `--accept` names: `ID` when the reports agree on one value, `ID=N` for the N-th
/// proposal (counting from 1, as a report shows them). Every id that cannot be accepted is
/// named, and then none is.
pub fn choices(review: &Review, wanted: &[String]) -> Result<Vec<Choice>> {
    let mut chosen = Vec::new();
    let mut problems = Vec::new();
    for text in wanted {
        let (id, number) = match text.rsplit_once('=') {
            Some((id, n)) => match n.parse::<usize>() {
                Ok(n) if n >= 1 => (id, Some(n)),
                _ => {
                    problems.push(format!("{text}: \"{n}\" is not a proposal's number"));
                    continue;
                }
            },
            None => (text.as_str(), None),
        };
        let Some(group) = review.groups.iter().find(|g| g.id == id) else {
            problems.push(format!("{id}: no such group among the corrections"));
            continue;
        };
        if let Some(reason) = &group.not_applied {
            problems.push(format!("{id}: {reason}"));
            continue;
        }
        let index = match number {
            Some(n) if n <= group.proposals.len() => n - 1,
            Some(n) => {
                problems.push(format!(
                    "{id}: there is no proposal {n} (it has {})",
                    group.proposals.len()
                ));
                continue;
            }
            None if group.proposals.len() == 1 => 0,
            None => {
                problems.push(format!(
                    "{id}: the reports disagree; choose one with {id}=1 … {id}={}",
                    group.proposals.len()
                ));
                continue;
            }
        };
        if let Some(reason) = &group.proposals[index].refused {
            problems.push(format!("{id}: {reason}"));
            continue;
        }
        chosen.push(Choice {
            group: id.to_owned(),
            proposal: index,
        });
    }
    if problems.is_empty() {
        Ok(chosen)
    } else {
        Err(Error::BadCorrection(format!(
            "nothing was written:\n  {}",
            problems.join("\n  ")
        )))
    }
}

/// Writes the chosen proposals into the source file of the review, each service's
/// `assured_date` set to `today`, and returns a line per change. The source is read again
/// and replaced in one rename.
pub fn accept(review: &Review, chosen: &[Choice], today: &str) -> Result<Vec<String>> {
    if chosen.is_empty() {
        return Ok(Vec::new());
    }
    let path = Path::new(&review.source);
    let kind = source_kind(path)?;
    let mut services = crate::publish::read_source(path)?.services;
    let mut done = Vec::new();
    for choice in chosen {
        let group = review
            .groups
            .iter()
            .find(|g| g.id == choice.group)
            .ok_or_else(|| Error::BadCorrection(format!("no group {}", choice.group)))?;
        let value = group.proposals[choice.proposal]
            .value
            .as_deref()
            .ok_or_else(|| Error::BadCorrection(format!("{}: no value", group.id)))?;
        let service = services
            .iter_mut()
            .find(|s| s["id"] == group.service.as_str())
            .ok_or_else(|| {
                Error::BadCorrection(format!(
                    "{}: the service is no longer in {}",
                    group.id, review.source
                ))
            })?;
        change(service, group.field, value, today)
            .map_err(|e| Error::BadCorrection(format!("{}: {e}", group.id)))?;
        done.push(format!(
            "{}: {} → {value}",
            group.id,
            group.current.as_deref().unwrap_or("(nothing)")
        ));
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::InvalidFeed(format!("cannot read {}: {e}", review.source)))?;
    let changed: Vec<&Value> = services.iter().collect();
    let written = match kind {
        SourceKind::Json => json_source::rewrite(&review.source, &text, &changed)?,
        SourceKind::Csv => csv_source::rewrite(&review.source, &text, &changed)?,
    };
    replace_file(path, written.as_bytes())?;
    Ok(done)
}

enum SourceKind {
    Json,
    Csv,
}

/// Only the two formats editors keep by hand are rewritten.
fn source_kind(path: &Path) -> Result<SourceKind> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("json") => Ok(SourceKind::Json),
        Some("csv") => Ok(SourceKind::Csv),
        _ => Err(Error::InvalidFeed(format!(
            "{}: corrections are written into a .json or .csv source only",
            path.display()
        ))),
    }
}

/// Replaces the file in one rename, from a temporary file beside it: a failure halfway leaves
/// the old file whole.
fn replace_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("source");
    let temporary = path.with_file_name(format!(".{name}.partial"));
    let fail = |e: std::io::Error| {
        let _ = std::fs::remove_file(&temporary);
        Error::Storage(format!("cannot write {}: {e}", path.display()))
    };
    std::fs::write(&temporary, bytes).map_err(fail)?;
    std::fs::rename(&temporary, path).map_err(fail)
}

/// The day in Italy, `YYYY-MM-DD`, as the packets date themselves.
pub fn today(now: crate::Instant) -> String {
    now.with_timezone(&chrono_tz::Europe::Rome)
        .format("%Y-%m-%d")
        .to_string()
}

/// A group as lines of plain text, the same for `--report` and the question on a terminal.
pub fn describe(group: &Group) -> String {
    let mut text = format!(
        "{}  {} — {}\n",
        group.id,
        group.service_name,
        group.field.code()
    );
    text.push_str(&format!(
        "  in the source: {}\n",
        group.current.as_deref().unwrap_or("(nothing)")
    ));
    for (i, p) in group.proposals.iter().enumerate() {
        text.push_str(&format!(
            "  [{}] {} ({} {})",
            i + 1,
            p.value.as_deref().unwrap_or("(no value)"),
            p.reports,
            if p.reports == 1 { "report" } else { "reports" }
        ));
        if let Some(reason) = &p.refused {
            text.push_str(&format!(" — refused: {reason}"));
        }
        text.push('\n');
    }
    for r in &group.reports {
        text.push_str(&format!(
            "  - {}, data version {}: saw {}, proposed {}",
            r.date,
            r.data_version,
            quoted(r.old.as_deref()),
            quoted(r.proposed.as_deref())
        ));
        if let Some(note) = &r.note {
            text.push_str(&format!(", note {}", quoted(Some(note))));
        }
        text.push_str(&format!(" ({})\n", r.file));
    }
    match &group.not_applied {
        Some(reason) => text.push_str(&format!("  not applied: {reason}\n")),
        None if !group.can_accept() => text.push_str("  not applied: every proposal is refused\n"),
        None if group.proposals.len() == 1 => {
            text.push_str(&format!("  accept with: --accept {}\n", group.id));
        }
        None => text.push_str(&format!(
            "  the reports disagree; accept one with: --accept {}=N\n",
            group.id
        )),
    }
    text
}

fn quoted(text: Option<&str>) -> String {
    match text {
        Some(t) => format!("\"{}\"", t.replace('\n', " / ")),
        None => "nothing".to_owned(),
    }
}

/// A JSON source rewritten with its keys in their order and its indentation.
mod json_source {
    use super::*;
    use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

    /// JSON as the file holds it: an object's keys in the file's order (serde_json's own value
    /// sorts them, which would turn a one-line correction into a diff of the whole file).
    #[derive(Debug, Clone)]
    pub enum Json {
        Null,
        Bool(bool),
        Number(serde_json::Number),
        String(String),
        Array(Vec<Json>),
        Object(Vec<(String, Json)>),
    }

    impl<'de> Deserialize<'de> for Json {
        fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
            struct Reader;
            impl<'de> Visitor<'de> for Reader {
                type Value = Json;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("JSON")
                }
                fn visit_unit<E>(self) -> std::result::Result<Json, E> {
                    Ok(Json::Null)
                }
                fn visit_bool<E>(self, v: bool) -> std::result::Result<Json, E> {
                    Ok(Json::Bool(v))
                }
                fn visit_i64<E>(self, v: i64) -> std::result::Result<Json, E> {
                    Ok(Json::Number(v.into()))
                }
                fn visit_u64<E>(self, v: u64) -> std::result::Result<Json, E> {
                    Ok(Json::Number(v.into()))
                }
                fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Json, E> {
                    serde_json::Number::from_f64(v)
                        .map(Json::Number)
                        .ok_or_else(|| E::custom("a number that is not finite"))
                }
                fn visit_str<E>(self, v: &str) -> std::result::Result<Json, E> {
                    Ok(Json::String(v.to_owned()))
                }
                fn visit_string<E>(self, v: String) -> std::result::Result<Json, E> {
                    Ok(Json::String(v))
                }
                fn visit_seq<A: SeqAccess<'de>>(
                    self,
                    mut seq: A,
                ) -> std::result::Result<Json, A::Error> {
                    let mut items = Vec::new();
                    while let Some(item) = seq.next_element()? {
                        items.push(item);
                    }
                    Ok(Json::Array(items))
                }
                fn visit_map<A: MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> std::result::Result<Json, A::Error> {
                    let mut fields = Vec::new();
                    while let Some(entry) = map.next_entry()? {
                        fields.push(entry);
                    }
                    Ok(Json::Object(fields))
                }
            }
            d.deserialize_any(Reader)
        }
    }

    impl Serialize for Json {
        fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            use serde::ser::{SerializeMap, SerializeSeq};
            match self {
                Json::Null => s.serialize_unit(),
                Json::Bool(b) => s.serialize_bool(*b),
                Json::Number(n) => n.serialize(s),
                Json::String(t) => s.serialize_str(t),
                Json::Array(items) => {
                    let mut seq = s.serialize_seq(Some(items.len()))?;
                    for item in items {
                        seq.serialize_element(item)?;
                    }
                    seq.end()
                }
                Json::Object(fields) => {
                    let mut map = s.serialize_map(Some(fields.len()))?;
                    for (k, v) in fields {
                        map.serialize_entry(k, v)?;
                    }
                    map.end()
                }
            }
        }
    }

    /// Puts what `edited` says into `kept`, leaving alone what did not change (a number keeps
    /// its spelling) and adding new keys after the old ones.
    fn merge(kept: &mut Json, edited: &Value) {
        match (kept, edited) {
            (Json::Object(fields), Value::Object(new)) => {
                fields.retain(|(k, _)| new.contains_key(k));
                for (key, value) in new {
                    match fields.iter_mut().find(|(k, _)| k == key) {
                        Some((_, old)) => merge(old, value),
                        None => fields.push((key.clone(), from_value(value))),
                    }
                }
            }
            (Json::Array(items), Value::Array(new)) => {
                items.truncate(new.len());
                for (i, value) in new.iter().enumerate() {
                    match items.get_mut(i) {
                        Some(old) => merge(old, value),
                        None => items.push(from_value(value)),
                    }
                }
            }
            (Json::Null, Value::Null) => {}
            (Json::Bool(a), Value::Bool(b)) if a == b => {}
            (Json::String(a), Value::String(b)) if a == b => {}
            (Json::Number(a), Value::Number(b)) if a.as_f64() == b.as_f64() => {}
            (kept, edited) => *kept = from_value(edited),
        }
    }

    fn from_value(value: &Value) -> Json {
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(n.clone()),
            Value::String(s) => Json::String(s.clone()),
            Value::Array(items) => Json::Array(items.iter().map(from_value).collect()),
            Value::Object(fields) => Json::Object(
                fields
                    .iter()
                    .map(|(k, v)| (k.clone(), from_value(v)))
                    .collect(),
            ),
        }
    }

    /// The source's text with each service replaced by its edited form.
    pub fn rewrite(name: &str, text: &str, services: &[&Value]) -> Result<String> {
        let mut document: Json = serde_json::from_str(text)
            .map_err(|e| Error::InvalidFeed(format!("{name} is not JSON: {e}")))?;
        let list = match &mut document {
            Json::Array(items) => items,
            Json::Object(fields) => match fields.iter_mut().find(|(k, _)| k == "services") {
                Some((_, Json::Array(items))) => items,
                _ => {
                    return Err(Error::InvalidFeed(format!(
                        "{name} holds neither an array of services nor {{\"services\": [...]}}"
                    )));
                }
            },
            _ => {
                return Err(Error::InvalidFeed(format!(
                    "{name} holds neither an array of services nor {{\"services\": [...]}}"
                )));
            }
        };
        for (kept, edited) in list.iter_mut().zip(services) {
            merge(kept, edited);
        }
        // The file's own indentation: the first indented line's leading spaces or tab.
        let indent: String = text
            .lines()
            .skip(1)
            .map(|l| {
                l.chars()
                    .take_while(|c| *c == ' ' || *c == '\t')
                    .collect::<String>()
            })
            .find(|i| !i.is_empty())
            .unwrap_or_else(|| "  ".to_owned());
        let mut out = Vec::new();
        let formatter = serde_json::ser::PrettyFormatter::with_indent(indent.as_bytes());
        let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
        document
            .serialize(&mut serializer)
            .map_err(|e| Error::Storage(format!("cannot write {name}: {e}")))?;
        let mut written = String::from_utf8(out).expect("serde_json writes UTF-8");
        if text.ends_with('\n') {
            written.push('\n');
        }
        Ok(written)
    }
}

/// A CSV source rewritten cell by cell: each changed service's first row (which holds its own
/// columns and its first location's), every other cell as it was.
mod csv_source {
    use super::*;

    pub fn rewrite(name: &str, text: &str, services: &[&Value]) -> Result<String> {
        let bad = |e: csv::Error| Error::InvalidFeed(format!("{name}: {e}"));
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut headers: Vec<String> = reader
            .headers()
            .map_err(bad)?
            .iter()
            .map(str::to_owned)
            .collect();
        let mut rows: Vec<Vec<String>> = Vec::new();
        for row in reader.records() {
            rows.push(row.map_err(bad)?.iter().map(str::to_owned).collect());
        }
        let id_column = column(&mut headers, &mut rows, "id");
        for service in services {
            let Some(id) = service["id"].as_str() else {
                continue;
            };
            let Some(row) = rows
                .iter()
                .position(|r| r.get(id_column).map(|c| c.trim()) == Some(id))
            else {
                continue;
            };
            let hours = match first_location(service) {
                Some(at) => &at["opening_hours"],
                None => &service["opening_hours"],
            };
            for (header, value) in [
                ("status", &service["status"]),
                ("phone", &service["phones"][0]["number"]),
                ("email", &service["email"]),
                ("url", &service["url"]),
                ("opening_hours", hours),
                ("assured_date", &service["assured_date"]),
            ] {
                let value = value.as_str().unwrap_or_default();
                let at = headers.iter().position(|h| h.trim() == header);
                let now = at.and_then(|i| rows[row].get(i)).map(|c| c.trim());
                // A cell is written only when the service's value differs from it: the row
                // read back gives the edited service, and nothing else moves.
                let same = now.unwrap_or_default() == value
                    || (header == "status" && now.is_none_or(str::is_empty) && value == "active");
                if !same {
                    let i = column(&mut headers, &mut rows, header);
                    rows[row][i] = value.to_owned();
                }
            }
        }
        let mut writer = csv::WriterBuilder::new()
            .flexible(true)
            .terminator(if text.contains("\r\n") {
                csv::Terminator::CRLF
            } else {
                csv::Terminator::Any(b'\n')
            })
            .from_writer(Vec::new());
        let fail = |e: csv::Error| Error::Storage(format!("cannot write {name}: {e}"));
        writer.write_record(&headers).map_err(fail)?;
        for row in &rows {
            writer.write_record(row).map_err(fail)?;
        }
        let bytes = writer
            .into_inner()
            .map_err(|e| Error::Storage(format!("cannot write {name}: {e}")))?;
        Ok(String::from_utf8(bytes).expect("the cells are strings"))
    }

    /// The index of the column `name`, added at the end (empty in every row) when missing.
    fn column(headers: &mut Vec<String>, rows: &mut [Vec<String>], name: &str) -> usize {
        if let Some(i) = headers.iter().position(|h| h.trim() == name) {
            for row in rows.iter_mut() {
                if row.len() <= i {
                    row.resize(i + 1, String::new());
                }
            }
            return i;
        }
        headers.push(name.to_owned());
        for row in rows.iter_mut() {
            row.resize(headers.len(), String::new());
        }
        headers.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packet(service: &str, field: CorrectionField, proposed: Option<&str>) -> Received {
        Received {
            file: "mail.txt".to_owned(),
            packet: CorrectionPacket {
                kind: bussola_model::CORRECTION_PACKET_KIND.to_owned(),
                format: bussola_model::CORRECTION_PACKET_FORMAT,
                feed: "umbria".to_owned(),
                service: service.to_owned(),
                service_name: "Questura".to_owned(),
                field,
                old: Some("075 000".to_owned()),
                proposed: proposed.map(str::to_owned),
                note: Some("ho chiamato".to_owned()),
                data_version: 5,
                date: "2026-11-20".to_owned(),
            },
        }
    }

    const SOURCE: &str = r#"{
 "services": [
  {
   "id": "q",
   "name": "Questura",
   "status": "active",
   "categories": ["permits"],
   "phones": [{"number": "075 000", "type": "voice"}],
   "assured_date": "2022-01-01",
   "service_at_locations": [
    {
     "location": {"name": "Perugia", "latitude": 43.1, "longitude": 12.4,
                  "addresses": [{"address_1": "Via Cortonese 157", "city": "Perugia"}]},
     "opening_hours": "Mo-Fr 09:00-12:00"
    }
   ]
  },
  {
   "id": "line",
   "name": "Numero verde",
   "status": "active",
   "categories": ["helpline"],
   "opening_hours": "24/7"
  }
 ],
 "notices": []
}
"#;

    fn source(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn two_packets_on_one_field_are_one_group_and_agreeing_values_are_counted() {
        let dir = tempfile::tempdir().unwrap();
        let path = source(dir.path(), "s.json", SOURCE);
        let received = vec![
            packet("q", CorrectionField::Phone, Some("075 111")),
            packet("q", CorrectionField::Phone, Some(" 075 111 ")),
            packet("q", CorrectionField::Phone, Some("075 222")),
            packet("q", CorrectionField::Email, Some("q@polizia.it")),
        ];
        let review = review("umbria", &path, received).unwrap();
        assert_eq!(review.groups.len(), 2);
        let phone = &review.groups[0];
        assert_eq!(phone.id, "q/phone");
        assert_eq!(phone.reports.len(), 3);
        assert_eq!(phone.current.as_deref(), Some("075 000"));
        assert_eq!(phone.proposals[0].value.as_deref(), Some("075 111"));
        assert_eq!(phone.proposals[0].reports, 2);
        assert!(describe(phone).contains("[2] 075 222 (1 report)"));
        // Disagreeing reports need a choice.
        let error = choices(&review, &["q/phone".to_owned()])
            .unwrap_err()
            .to_string();
        assert!(error.contains("q/phone=1 … q/phone=2"), "{error}");
        assert_eq!(
            choices(&review, &["q/phone=2".to_owned()]).unwrap(),
            [Choice {
                group: "q/phone".to_owned(),
                proposal: 1
            }]
        );
    }

    #[test]
    fn accepted_changes_are_written_into_a_json_source_keeping_its_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = source(dir.path(), "s.json", SOURCE);
        let received = vec![
            packet("q", CorrectionField::Hours, Some("Mo-Fr 08:30-12:30")),
            packet("line", CorrectionField::Hours, Some("Mo-Su 00:00-24:00")),
            packet("q", CorrectionField::Phone, Some("075 111")),
            packet("q", CorrectionField::ClosedForGood, None),
        ];
        let review = review("umbria", &path, received).unwrap();
        let wanted = ["q/phone", "q/hours", "line/hours"].map(str::to_owned);
        let chosen = choices(&review, &wanted).unwrap();
        let done = accept(&review, &chosen, "2026-12-01").unwrap();
        assert_eq!(done.len(), 3);
        let written = std::fs::read_to_string(&path).unwrap();
        let services = crate::publish::read_source(&path).unwrap().services;
        assert_eq!(services[0]["phones"][0]["number"], "075 111");
        assert_eq!(
            services[0]["service_at_locations"][0]["opening_hours"],
            "Mo-Fr 08:30-12:30"
        );
        assert_eq!(services[0]["assured_date"], "2026-12-01");
        assert_eq!(services[0]["status"], "active", "not accepted, not applied");
        assert_eq!(services[1]["opening_hours"], "Mo-Su 00:00-24:00");
        // The file keeps its order ("id" before "name") and its one-space indentation.
        assert!(written.starts_with("{\n \"services\": [\n  {\n   \"id\": \"q\",\n   \"name\""));
        assert!(written.contains("\"notices\": []"));
    }

    #[test]
    fn closed_for_good_makes_the_service_inactive_in_a_csv_source() {
        let dir = tempfile::tempdir().unwrap();
        let csv = "id,name,categories,phone,city,latitude,longitude,opening_hours\n\
                   q,Questura,permits,075 000,Perugia,43.1,12.4,Mo-Fr 09:00-12:00\n\
                   q,,,,Foligno,42.9,12.7,Tu 09:00-12:00\n\
                   line,Numero verde,helpline,800 1,,,,24/7\n";
        let path = source(dir.path(), "s.csv", csv);
        let received = vec![
            packet("q", CorrectionField::ClosedForGood, Some("chiuso da marzo")),
            packet("line", CorrectionField::Email, Some("info@verde.it")),
        ];
        let review = review("umbria", &path, received).unwrap();
        let chosen = choices(
            &review,
            &["q/closed_for_good".to_owned(), "line/email".to_owned()],
        )
        .unwrap();
        accept(&review, &chosen, "2026-12-01").unwrap();
        let written = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            written,
            "id,name,categories,phone,city,latitude,longitude,opening_hours,status,assured_date,email\n\
             q,Questura,permits,075 000,Perugia,43.1,12.4,Mo-Fr 09:00-12:00,inactive,2026-12-01,\n\
             q,,,,Foligno,42.9,12.7,Tu 09:00-12:00,,,\n\
             line,Numero verde,helpline,800 1,,,,24/7,,2026-12-01,info@verde.it\n"
        );
    }

    #[test]
    fn hours_that_do_not_parse_are_refused_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let path = source(dir.path(), "s.json", SOURCE);
        let received = vec![packet(
            "q",
            CorrectionField::Hours,
            Some("la mattina, non il venerdì"),
        )];
        let review = review("umbria", &path, received).unwrap();
        let refused = review.groups[0].proposals[0].refused.as_deref().unwrap();
        assert!(refused.contains("not opening hours"), "{refused}");
        assert!(!review.groups[0].can_accept());
        let error = choices(&review, &["q/hours".to_owned()])
            .unwrap_err()
            .to_string();
        assert!(error.contains("q/hours: \"la mattina"), "{error}");
    }

    #[test]
    fn unknown_services_other_feeds_moves_and_notes_are_reported_not_applied() {
        let dir = tempfile::tempdir().unwrap();
        let path = source(dir.path(), "s.json", SOURCE);
        let mut elsewhere = packet("q", CorrectionField::Phone, Some("06 1"));
        elsewhere.packet.feed = "lazio".to_owned();
        let received = vec![
            packet("gone", CorrectionField::Phone, Some("075 9")),
            packet("q", CorrectionField::Moved, Some("Via Roma 1, Perugia")),
            packet("q", CorrectionField::Other, None),
            elsewhere,
        ];
        let review = review("umbria", &path, received).unwrap();
        assert_eq!(review.set_aside.len(), 1);
        assert!(review.set_aside[0].contains("for the feed \"lazio\""));
        let reasons: Vec<&str> = review
            .groups
            .iter()
            .map(|g| g.not_applied.as_deref().unwrap())
            .collect();
        assert!(reasons[0].starts_with("no service \"gone\""), "{reasons:?}");
        assert!(reasons[1].contains("coordinates"), "{reasons:?}");
        assert!(reasons[2].contains("notes"), "{reasons:?}");
        assert_eq!(
            review.groups[1].current.as_deref(),
            Some("Via Cortonese 157, Perugia")
        );
        let before = std::fs::read(&path).unwrap();
        assert!(choices(&review, &["gone/phone".to_owned()]).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_value_a_build_would_refuse_is_refused_before_it_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = source(dir.path(), "s.json", SOURCE);
        let received = vec![packet(
            "q",
            CorrectionField::Website,
            Some("questura dot it"),
        )];
        let review = review("umbria", &path, received).unwrap();
        let reason = review.groups[0].proposals[0].refused.as_deref().unwrap();
        assert!(reason.starts_with("a build would refuse it"), "{reason}");
        assert!(reason.contains("is not an http or https link"), "{reason}");
    }
}
