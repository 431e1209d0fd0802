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
//! A service may have several phones, and several places each with its hours: a correction
//! goes to the one whose value is what the mediator saw (the packet's `old`), never simply to
//! the first; when that cannot be told, the group is left for the editor to edit by hand.
//!
//! Only Bussola's own sources are written, a JSON file or the editors' CSV: an HSDS source is
//! read converted, and a converted service written back would lose what HSDS holds and
//! Bussola's shape does not; it is corrected upstream.
//!
//! The source is rewritten whole through a temporary file renamed into place, so a failure
//! leaves the source as it was, and the text is read back before it is written: it must give
//! exactly the corrected services, or nothing is written. A JSON source keeps its keys' order,
//! its indentation and its line ending, so the editor's diff is mostly the change; serde_json's
//! pretty printing does reflow what the file wrote on one line (`"categories": ["permits"]`
//! spreads over three) and writes a number by its value (12.40 becomes 12.4). A CSV source keeps
//! its byte-order mark, its line ending and every cell the corrections do not touch.

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
/// for each block that could not be read and each file that holds none. A saved mail whose body
/// travelled quoted-printable or base64 is decoded first ([`mail_text`]).
pub fn read_packet_files(paths: &[PathBuf]) -> Result<(Vec<Received>, Vec<String>)> {
    let mut received = Vec::new();
    let mut unreadable = Vec::new();
    for path in paths {
        let file = path.display().to_string();
        let bytes = std::fs::read(path)
            .map_err(|e| Error::InvalidFeed(format!("cannot read {file}: {e}")))?;
        let text = match mail_text(&bytes) {
            Ok(text) => text,
            Err(reason) => {
                unreadable.push(format!("{file}: {reason}"));
                continue;
            }
        };
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

/// The text of a file of packets. A mail saved whole (`.eml`: headers, then the body as it
/// travelled) may carry its body quoted-printable, where `=` is `=3D` and long lines are cut
/// with a trailing `=` (a proposed `…?id=12` would arrive as `…?id=3D12`), or base64, where
/// the packet cannot be seen at all: such a message is decoded, each text part of it in the
/// charset it declares. Anything else is read as it is.
pub fn mail_text(bytes: &[u8]) -> std::result::Result<String, String> {
    let text = String::from_utf8_lossy(bytes);
    if !mail::has_headers(&text) || !mail::is_encoded(&text) {
        return Ok(text.into_owned());
    }
    let parsed = mailparse::parse_mail(bytes).map_err(|e| {
        format!("it does not read as a mail ({e}): save the mail's text as a .txt file")
    })?;
    let mut out = String::new();
    mail::texts(&parsed, &mut out)?;
    Ok(out)
}

/// Which saved files are mails whose text travelled encoded, and their texts, decoded by
/// `mailparse` (MIME parts, transfer encodings, charsets).
mod mail {
    /// Whether the text starts as a mail does: a header line, `Name: value`.
    pub fn has_headers(text: &str) -> bool {
        let first = text.trim_start_matches('\u{feff}').lines().next();
        first
            .and_then(|line| line.split_once(':'))
            .is_some_and(|(name, _)| {
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            })
    }

    /// Whether the message or one of its parts says its body is quoted-printable or base64.
    pub fn is_encoded(text: &str) -> bool {
        text.lines().any(|line| {
            line.split_once(':').is_some_and(|(name, value)| {
                name.eq_ignore_ascii_case("content-transfer-encoding")
                    && matches!(
                        value.trim().to_ascii_lowercase().as_str(),
                        "quoted-printable" | "base64"
                    )
            })
        })
    }

    /// The message, or one of its parts: each text in it, decoded, added to `out`.
    pub fn texts(part: &mailparse::ParsedMail<'_>, out: &mut String) -> Result<(), String> {
        if !part.subparts.is_empty() {
            for sub in &part.subparts {
                texts(sub, out)?;
            }
            return Ok(());
        }
        // A packet is text, or a `.json` attached: an image or a PDF holds none.
        let kind = part.ctype.mimetype.to_ascii_lowercase();
        if !(kind.starts_with("text/") || kind.starts_with("application/json")) {
            return Ok(());
        }
        let body = part.get_body().map_err(|e| {
            format!("its body cannot be decoded ({e}): save the mail's text as a .txt file")
        })?;
        out.push_str(&body);
        out.push('\n');
        Ok(())
    }
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
    /// What the source says now: the phone or place's hours the reports are about (all of them,
    /// ` | ` between, when which one cannot be told); for `moved`, the first location's
    /// address as one line.
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
    let olds = seen(reports.iter().map(|r| r.packet.old.as_deref()));
    let slot = service.map(|s| slot(s, field, &olds));
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
        _ => match &slot {
            Some(Err(reason)) => Some(reason.clone()),
            _ => None,
        },
    };
    let proposals = counted
        .into_iter()
        .map(|(value, n)| Proposal {
            refused: match (service, &not_applied, &slot) {
                (Some(service), None, Some(Ok(slot))) => {
                    refusal(service, field, *slot, value.as_deref())
                }
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
        current: service.and_then(|s| current(s, field, slot.and_then(Result::ok))),
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

/// The distinct values the reports say the mediators saw, trimmed, in the order received.
fn seen<'a>(olds: impl Iterator<Item = Option<&'a str>>) -> Vec<&'a str> {
    let mut seen: Vec<&str> = Vec::new();
    for old in olds.flatten().map(str::trim).filter(|o| !o.is_empty()) {
        if !seen.contains(&old) {
            seen.push(old);
        }
    }
    seen
}

/// Which of the service's values a correction of `field` changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// The service's own field: its e-mail, website, status, or the hours of a service with no
    /// place.
    Own,
    /// The n-th phone, or the hours of the n-th place.
    Nth(usize),
    /// A first phone, for a service that has none.
    New,
}

/// The values a service holds for a field that has one per phone or per place (phones, hours of
/// a service with places); `None` for the others.
fn values(service: &Value, field: CorrectionField) -> Option<(Vec<Option<String>>, &'static str)> {
    let text = |v: &Value| v.as_str().map(|t| t.trim().to_owned());
    let (list, key, what) = match field {
        CorrectionField::Phone => (service["phones"].as_array()?, "number", "phone"),
        CorrectionField::Hours => (
            service["service_at_locations"].as_array()?,
            "opening_hours",
            "place",
        ),
        _ => return None,
    };
    (!list.is_empty()).then(|| (list.iter().map(|v| text(&v[key])).collect(), what))
}

/// The phone or place whose value is the one the mediators saw (`olds`); without what they saw,
/// the only one there is. Anything else is the editor's to settle, and why is the error.
fn slot(service: &Value, field: CorrectionField, olds: &[&str]) -> Result<Slot, String> {
    let Some((values, what)) = values(service, field) else {
        return Ok(match field {
            CorrectionField::Phone if olds.is_empty() => Slot::New,
            CorrectionField::Phone => {
                return Err(format!(
                    "edit by hand: the mediators saw the phone {}, and the source has no phone \
                     now",
                    either(olds)
                ));
            }
            _ => Slot::Own,
        });
    };
    let value = if field == CorrectionField::Phone {
        "phone"
    } else {
        "place's hours"
    };
    if olds.is_empty() {
        return match values.len() {
            1 => Ok(Slot::Nth(0)),
            n => Err(format!(
                "edit by hand: the service has {n} {what}s and the reports do not say which \
                 {value} the mediators saw"
            )),
        };
    }
    let matching: Vec<usize> = (0..values.len())
        .filter(|&i| values[i].as_deref().is_some_and(|v| olds.contains(&v)))
        .collect();
    match matching.as_slice() {
        [i] => Ok(Slot::Nth(*i)),
        [] => Err(format!(
            "edit by hand: the mediators saw the {value} {}, which no {what} of the service has \
             now",
            either(olds)
        )),
        _ => Err(format!(
            "edit by hand: {} {what}s of the service have the {value} {} the mediators saw, \
             and which one they mean cannot be told",
            matching.len(),
            either(olds)
        )),
    }
}

/// `"a"`, or `"a" or "b"`.
fn either(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("\"{v}\""))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// What the source says now of the field: the value in `slot`, or when it could not be told,
/// every phone or place's hours.
fn current(service: &Value, field: CorrectionField, slot: Option<Slot>) -> Option<String> {
    let text = |v: &Value| v.as_str().map(str::to_owned);
    match (field, slot) {
        (CorrectionField::Phone | CorrectionField::Hours, None) => {
            let (values, _) = values(service, field)?;
            let values: Vec<String> = values.into_iter().flatten().collect();
            (!values.is_empty()).then(|| values.join(" | "))
        }
        (CorrectionField::Phone, Some(Slot::Nth(i))) => text(&service["phones"][i]["number"]),
        (CorrectionField::Phone, Some(_)) => None,
        (CorrectionField::Hours, Some(Slot::Nth(i))) => {
            text(&service["service_at_locations"][i]["opening_hours"])
        }
        (CorrectionField::Hours, Some(_)) => text(&service["opening_hours"]),
        (field, _) => current_own(service, field),
    }
}

/// What the source says now of a field the service has once.
fn current_own(service: &Value, field: CorrectionField) -> Option<String> {
    let text = |v: &Value| v.as_str().map(str::to_owned);
    match field {
        CorrectionField::ClosedForGood => text(&service["status"]),
        CorrectionField::Email => text(&service["email"]),
        CorrectionField::Website => text(&service["url"]),
        CorrectionField::Phone | CorrectionField::Hours => None,
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
fn refusal(
    service: &Value,
    field: CorrectionField,
    slot: Slot,
    value: Option<&str>,
) -> Option<String> {
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
    if let Err(reason) = change(&mut changed, field, slot, value, "2000-01-01") {
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

/// Writes `value` into the service's field, at `slot`, and `today` as its `assured_date`.
fn change(
    service: &mut Value,
    field: CorrectionField,
    slot: Slot,
    value: &str,
    today: &str,
) -> Result<(), String> {
    // Indexing a value that is not an object would panic: a phone or a place given as
    // something else is the editor's to fix.
    let object = |list: &mut Value, i: usize, what: &str| -> Result<(), String> {
        match list.get(i) {
            Some(item) if item.is_object() => Ok(()),
            _ => Err(format!(
                "{what} {} is not an object: edit it by hand",
                i + 1
            )),
        }
    };
    match (field, slot) {
        (CorrectionField::ClosedForGood, _) => service["status"] = INACTIVE.into(),
        (CorrectionField::Phone, Slot::Nth(i)) => {
            object(&mut service["phones"], i, "phone")?;
            service["phones"][i]["number"] = value.into();
        }
        (CorrectionField::Phone, _) => {
            service["phones"] = json!([{"number": value, "type": "voice"}]);
        }
        (CorrectionField::Email, _) => service["email"] = value.into(),
        (CorrectionField::Website, _) => service["url"] = value.into(),
        (CorrectionField::Hours, Slot::Nth(i)) => {
            object(&mut service["service_at_locations"], i, "place")?;
            service["service_at_locations"][i]["opening_hours"] = value.into();
        }
        (CorrectionField::Hours, _) => service["opening_hours"] = value.into(),
        (CorrectionField::Moved | CorrectionField::Other, _) => {
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
/// and replaced in one rename, once its new text reads back as the corrected services. A group
/// chosen twice is applied once (twice with two different proposals is an error).
pub fn accept(review: &Review, chosen: &[Choice], today: &str) -> Result<Vec<String>> {
    if chosen.is_empty() {
        return Ok(Vec::new());
    }
    let mut once: Vec<&Choice> = Vec::new();
    for choice in chosen {
        match once.iter().find(|c| c.group == choice.group) {
            None => once.push(choice),
            Some(c) if c.proposal == choice.proposal => {}
            Some(c) => {
                return Err(Error::BadCorrection(format!(
                    "{}: accepted twice, with proposals {} and {}; nothing was written",
                    choice.group,
                    c.proposal + 1,
                    choice.proposal + 1
                )));
            }
        }
    }
    let path = Path::new(&review.source);
    let kind = source_kind(path)?;
    let mut services = crate::publish::read_source(path)?.services;
    let mut done = Vec::new();
    for choice in once {
        let group = review
            .groups
            .iter()
            .find(|g| g.id == choice.group)
            .ok_or_else(|| Error::BadCorrection(format!("no group {}", choice.group)))?;
        let proposal = group.proposals.get(choice.proposal).ok_or_else(|| {
            Error::BadCorrection(format!(
                "{}: there is no proposal {} (it has {}); nothing was written",
                group.id,
                choice.proposal + 1,
                group.proposals.len()
            ))
        })?;
        let value = proposal
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
        // Found again in the source as it is now, which may have changed since the review.
        let olds = seen(group.reports.iter().map(|r| r.old.as_deref()));
        let slot = slot(service, group.field, &olds)
            .map_err(|e| Error::BadCorrection(format!("{}: {e}", group.id)))?;
        change(service, group.field, slot, value, today)
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
    read_back(&kind, &review.source, &written, &services)?;
    replace_file(path, written.as_bytes())?;
    Ok(done)
}

/// The rewritten text read as the next build will read it: it must give exactly the corrected
/// services. A rewrite that missed a value (a key given twice in a JSON object, a row repeating
/// a service's columns) or touched one it should not have is refused here, with the source
/// left as it was, rather than published or refused by the next build.
fn read_back(kind: &SourceKind, name: &str, written: &str, services: &[Value]) -> Result<()> {
    let not_as_corrected = |what: String| {
        Error::BadCorrection(format!(
            "{name} was not changed: rewritten, it would not read back as the corrected \
             services ({what}); make the changes by hand"
        ))
    };
    let (intended, back) = match kind {
        SourceKind::Json => {
            let back = match serde_json::from_str::<Value>(written) {
                Ok(Value::Array(services)) => services,
                Ok(mut object) => match object["services"].take() {
                    Value::Array(services) => services,
                    _ => Vec::new(),
                },
                Err(e) => return Err(not_as_corrected(e.to_string())),
            };
            (Value::Array(services.to_vec()), Value::Array(back))
        }
        // A sheet says nothing by an empty cell: compared as a sheet's services are.
        SourceKind::Csv => {
            let back = crate::spreadsheet::services_from_csv(name, written)
                .map_err(|e| not_as_corrected(e.to_string()))?;
            (
                crate::spreadsheet::comparable(Value::Array(services.to_vec())),
                crate::spreadsheet::comparable(Value::Array(back)),
            )
        }
    };
    let mut differences = Vec::new();
    crate::spreadsheet::differences(&intended, &back, String::new(), &mut differences);
    if differences.is_empty() {
        Ok(())
    } else {
        Err(not_as_corrected(format!(
            "services{}",
            differences.join("; services")
        )))
    }
}

enum SourceKind {
    Json,
    Csv,
}

/// Only the two formats editors keep by hand are rewritten, and JSON only in Bussola's own
/// shape: an HSDS source is read converted, and the converted services written back would
/// lose every field HSDS has and Bussola's shape lacks.
fn source_kind(path: &Path) -> Result<SourceKind> {
    let hsds = || {
        Error::BadCorrection(format!(
            "{} is an HSDS source, which `feed corrections` does not write: correct it in the \
             HSDS source upstream, where it comes from (the report shows what to change)",
            path.display()
        ))
    };
    if crate::hsds::is_package(path) {
        return Err(hsds());
    }
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("json") => {
            let name = path.display();
            let text = std::fs::read_to_string(path)
                .map_err(|e| Error::InvalidFeed(format!("cannot read {name}: {e}")))?;
            let value: Value = serde_json::from_str(&text)
                .map_err(|e| Error::InvalidFeed(format!("{name} is not JSON: {e}")))?;
            if crate::hsds::is_hsds_json(&value) {
                return Err(hsds());
            }
            Ok(SourceKind::Json)
        }
        Some("csv") => Ok(SourceKind::Csv),
        _ => Err(Error::InvalidFeed(format!(
            "{}: corrections are written into a .json or .csv source only",
            path.display()
        ))),
    }
}

/// Replaces the file in one rename ([`crate::publish::replace_file`]): a failure halfway leaves
/// the old file whole.
pub fn replace_file(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::publish::replace_file(path, bytes)
        .map_err(|e| Error::Storage(format!("cannot write {}: {e}", path.display())))
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

    /// Puts what `edited` says into `kept`, leaving alone what did not change and adding new
    /// keys after the old ones. (A number unchanged keeps its value, not its spelling: it was
    /// read as a number, so 12.40 is written 12.4.)
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
        // The file's line ending (serde_json writes `\n`, and escapes any inside a string).
        if ends_lines_with_crlf(text) {
            written = written.replace('\n', "\r\n");
        }
        Ok(written)
    }
}

/// Whether the text's lines end in CRLF, as its first line (a CSV's header) does.
fn ends_lines_with_crlf(text: &str) -> bool {
    text.find('\n')
        .is_some_and(|end| text[..end].ends_with('\r'))
}

/// A CSV source rewritten cell by cell: a changed service's own columns on its first row, and
/// on any further row that repeated the old value (left there, it would disagree with the first
/// row, and the sheet would be refused); a place's hours on that place's row. Every other cell
/// as it was, and the file's byte-order mark and line ending kept.
mod csv_source {
    use super::*;
    use crate::spreadsheet::PLACE_COLUMNS;

    pub fn rewrite(name: &str, text: &str, services: &[&Value]) -> Result<String> {
        let table = crate::spreadsheet::read_table(name, text)?;
        let mut headers = table.headers;
        let mut rows: Vec<Vec<String>> = Vec::new();
        for (number, row) in table.rows {
            let row = row.map_err(|e| Error::InvalidFeed(format!("{name}, row {number}: {e}")))?;
            rows.push(row.iter().map(str::to_owned).collect());
        }
        let id_column = column(&mut headers, &mut rows, "id");
        // The rows that give a place, as the reader makes the service's places of them.
        let place_columns: Vec<usize> = (0..headers.len())
            .filter(|&i| PLACE_COLUMNS.contains(&headers[i].as_str()))
            .collect();
        let gives_place: Vec<bool> = rows
            .iter()
            .map(|r| place_columns.iter().any(|&i| !r[i].is_empty()))
            .collect();
        for service in services {
            let Some(id) = service["id"].as_str() else {
                continue;
            };
            let own: Vec<usize> = (0..rows.len())
                .filter(|&r| rows[r][id_column] == id)
                .collect();
            let Some(&first) = own.first() else {
                continue;
            };
            for (header, value) in [
                ("status", &service["status"]),
                ("phone", &service["phones"][0]["number"]),
                ("email", &service["email"]),
                ("url", &service["url"]),
                ("assured_date", &service["assured_date"]),
            ] {
                let value = value.as_str().unwrap_or_default();
                let at = headers.iter().position(|h| h == header);
                let now = at.map(|i| rows[first][i].clone()).unwrap_or_default();
                // A cell is written only when the service's value differs from it: the row
                // read back gives the edited service, and nothing else moves.
                let same =
                    now == value || (header == "status" && now.is_empty() && value == "active");
                if same {
                    continue;
                }
                let i = column(&mut headers, &mut rows, header);
                for &r in &own {
                    if r == first || (!now.is_empty() && rows[r][i] == now) {
                        rows[r][i] = value.to_owned();
                    }
                }
            }
            // Each place's hours on its own row; a service with no place keeps its hours on
            // its first.
            let places: Vec<usize> = own.iter().copied().filter(|&r| gives_place[r]).collect();
            let hours: Vec<(usize, &Value)> = match service["service_at_locations"].as_array() {
                Some(list) if !list.is_empty() => list
                    .iter()
                    .zip(&places)
                    .map(|(at, &r)| (r, &at["opening_hours"]))
                    .collect(),
                _ => vec![(first, &service["opening_hours"])],
            };
            for (r, value) in hours {
                let value = value.as_str().unwrap_or_default();
                let at = headers.iter().position(|h| h == "opening_hours");
                if at.map_or("", |i| rows[r][i].as_str()) != value {
                    let i = column(&mut headers, &mut rows, "opening_hours");
                    rows[r][i] = value.to_owned();
                }
            }
        }
        let mut writer = csv::WriterBuilder::new()
            .terminator(if ends_lines_with_crlf(text) {
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
        let written = String::from_utf8(bytes).expect("the cells are strings");
        // Excel's byte-order mark, which the reader skipped, is what tells Excel the file is
        // UTF-8: without it the accents would show wrong the next time the editor opens it.
        Ok(if text.starts_with('\u{feff}') {
            format!("\u{feff}{written}")
        } else {
            written
        })
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
                // What the mediator saw, where a test needs it (`saw`).
                old: None,
                proposed: proposed.map(str::to_owned),
                note: Some("ho chiamato".to_owned()),
                data_version: 5,
                date: "2026-11-20".to_owned(),
            },
        }
    }

    fn by_id<'r>(review: &'r Review, id: &str) -> &'r Group {
        review.groups.iter().find(|g| g.id == id).unwrap()
    }

    /// The packet, from a mediator who saw `old`.
    fn saw(mut received: Received, old: &str) -> Received {
        received.packet.old = Some(old.to_owned());
        received
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
     "location": {"name": "Perugia", "latitude": 43.1, "longitude": 12.40,
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
            saw(
                packet("q", CorrectionField::Phone, Some("075 111")),
                "075 000",
            ),
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
        // The file keeps its order ("id" before "name") and its one-space indentation; what it
        // wrote on one line is spread out, one value a line (as the module's docs say), and
        // 12.40 is written 12.4.
        assert_eq!(
            written,
            r#"{
 "services": [
  {
   "id": "q",
   "name": "Questura",
   "status": "active",
   "categories": [
    "permits"
   ],
   "phones": [
    {
     "number": "075 111",
     "type": "voice"
    }
   ],
   "assured_date": "2026-12-01",
   "service_at_locations": [
    {
     "location": {
      "name": "Perugia",
      "latitude": 43.1,
      "longitude": 12.4,
      "addresses": [
       {
        "address_1": "Via Cortonese 157",
        "city": "Perugia"
       }
      ]
     },
     "opening_hours": "Mo-Fr 08:30-12:30"
    }
   ]
  },
  {
   "id": "line",
   "name": "Numero verde",
   "status": "active",
   "categories": [
    "helpline"
   ],
   "opening_hours": "Mo-Su 00:00-24:00",
   "assured_date": "2026-12-01"
  }
 ],
 "notices": []
}
"#
        );
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
        assert!(choices(&review, &["gone/phone".to_owned()]).is_err());
        // Accepted regardless (as a script might), it fails and leaves the source as it was.
        let before = std::fs::read(&path).unwrap();
        let gone = Choice {
            group: "gone/phone".to_owned(),
            proposal: 0,
        };
        let error = accept(&review, &[gone], "2026-12-01")
            .unwrap_err()
            .to_string();
        assert!(error.contains("the service is no longer in"), "{error}");
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

    #[test]
    fn an_hsds_source_is_refused_to_be_corrected_upstream() {
        let dir = tempfile::tempdir().unwrap();
        // HSDS JSON: no `categories`, and `schedules`, which only HSDS has.
        let hsds = r#"[{"id": "q", "name": "Questura", "schedules": [],
                        "phones": [{"number": "075 000"}]}]"#;
        let path = source(dir.path(), "hsds.json", hsds);
        let received = vec![packet("q", CorrectionField::Phone, Some("075 111"))];
        let error = review("umbria", &path, received.clone())
            .unwrap_err()
            .to_string();
        assert!(error.contains("is an HSDS source"), "{error}");
        assert!(
            error.contains("correct it in the HSDS source upstream"),
            "{error}"
        );
        // A package's folder too.
        let package = dir.path().join("package");
        std::fs::create_dir(&package).unwrap();
        let error = review("umbria", &package, received)
            .unwrap_err()
            .to_string();
        assert!(error.contains("is an HSDS source"), "{error}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), hsds);
    }

    #[test]
    fn a_csv_accept_changes_the_rows_that_repeat_the_old_value_and_the_places_own_hours() {
        let dir = tempfile::tempdir().unwrap();
        // q's phone repeated on its second row, as a sheet may; its Foligno hours on that row.
        let csv = "id,name,categories,phone,city,latitude,longitude,opening_hours\n\
                   q,Questura,permits,075 000,Perugia,43.1,12.4,Mo-Fr 09:00-12:00\n\
                   q,Questura,permits,075 000,Foligno,42.9,12.7,Tu 09:00-12:00\n";
        let path = source(dir.path(), "s.csv", csv);
        let received = vec![
            packet("q", CorrectionField::Phone, Some("075 111")),
            saw(
                packet("q", CorrectionField::Hours, Some("Tu 10:00-12:00")),
                "Tu 09:00-12:00",
            ),
        ];
        let review = review("umbria", &path, received).unwrap();
        let hours = by_id(&review, "q/hours");
        assert_eq!(hours.current.as_deref(), Some("Tu 09:00-12:00"));
        let chosen = choices(&review, &["q/phone".to_owned(), "q/hours".to_owned()]).unwrap();
        accept(&review, &chosen, "2026-12-01").unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "id,name,categories,phone,city,latitude,longitude,opening_hours,assured_date\n\
             q,Questura,permits,075 111,Perugia,43.1,12.4,Mo-Fr 09:00-12:00,2026-12-01\n\
             q,Questura,permits,075 111,Foligno,42.9,12.7,Tu 10:00-12:00,\n"
        );
        // The next build reads it.
        let services = crate::publish::read_source(&path).unwrap().services;
        assert_eq!(services[0]["phones"][0]["number"], "075 111");
    }

    const TWO_OF_EACH: &str = r#"[{"id": "q", "name": "Questura", "status": "active",
        "categories": ["permits"],
        "phones": [{"number": "075 000", "type": "voice"}, {"number": "075 999", "type": "fax"}],
        "service_at_locations": [
          {"location": {"name": "Perugia", "latitude": 43.1, "longitude": 12.4},
           "opening_hours": "Mo-Fr 09:00-12:00"},
          {"location": {"name": "Foligno", "latitude": 42.9, "longitude": 12.7},
           "opening_hours": "Tu 09:00-12:00"}]}]"#;

    #[test]
    fn a_correction_goes_to_the_phone_or_place_the_mediator_saw() {
        let dir = tempfile::tempdir().unwrap();
        let path = source(dir.path(), "s.json", TWO_OF_EACH);
        let received = vec![
            saw(
                packet("q", CorrectionField::Phone, Some("075 998")),
                "075 999",
            ),
            saw(
                packet("q", CorrectionField::Hours, Some("Tu 10:00-12:00")),
                "Tu 09:00-12:00",
            ),
        ];
        let review = review("umbria", &path, received).unwrap();
        let (phone, hours) = (by_id(&review, "q/phone"), by_id(&review, "q/hours"));
        assert_eq!(phone.current.as_deref(), Some("075 999"));
        assert_eq!(hours.current.as_deref(), Some("Tu 09:00-12:00"));
        let chosen = choices(&review, &["q/phone".to_owned(), "q/hours".to_owned()]).unwrap();
        accept(&review, &chosen, "2026-12-01").unwrap();
        let services = crate::publish::read_source(&path).unwrap().services;
        assert_eq!(services[0]["phones"][0]["number"], "075 000");
        assert_eq!(services[0]["phones"][1]["number"], "075 998");
        let places = &services[0]["service_at_locations"];
        assert_eq!(places[0]["opening_hours"], "Mo-Fr 09:00-12:00");
        assert_eq!(places[1]["opening_hours"], "Tu 10:00-12:00");
    }

    #[test]
    fn which_phone_or_place_is_meant_when_it_cannot_be_told_is_left_to_the_editor() {
        let dir = tempfile::tempdir().unwrap();
        let path = source(dir.path(), "s.json", TWO_OF_EACH);
        let received = vec![
            // Nothing said of what the mediator saw, and two phones.
            packet("q", CorrectionField::Phone, Some("075 1")),
            // Hours no place has now.
            saw(
                packet("q", CorrectionField::Hours, Some("Tu 10:00-12:00")),
                "We 09:00-12:00",
            ),
        ];
        let review = review("umbria", &path, received).unwrap();
        let phone = by_id(&review, "q/phone");
        let reason = phone.not_applied.as_deref().unwrap();
        assert!(
            reason.starts_with("edit by hand: the service has 2 phones"),
            "{reason}"
        );
        assert_eq!(phone.current.as_deref(), Some("075 000 | 075 999"));
        let reason = by_id(&review, "q/hours").not_applied.as_deref().unwrap();
        assert!(
            reason.contains("saw the place's hours \"We 09:00-12:00\", which no place"),
            "{reason}"
        );
        assert!(choices(&review, &["q/phone".to_owned()]).is_err());
        let before = std::fs::read(&path).unwrap();
        let forced = [Choice {
            group: "q/phone".to_owned(),
            proposal: 0,
        }];
        assert!(accept(&review, &forced, "2026-12-01").is_err());
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_quoted_printable_mail_is_decoded_before_its_packet_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let block = packet("q", CorrectionField::Website, Some("https://q.it/?id=12"))
            .packet
            .block();
        // Quoted-printable as a mail client saves it: `=` as `=3D`, and the URL's line cut with
        // a soft break.
        let encoded = block
            .replace('=', "=3D")
            .replace("https://q.it/", "https://q.it/=\r\n")
            .replace('\n', "\r\n")
            .replace("\r\r\n", "\r\n");
        let mail = format!(
            "From: mediatrice@example.org\r\nSubject: correzione\r\nMIME-Version: 1.0\r\n\
             Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n--b1\r\n\
             Content-Type: text/plain; charset=utf-8\r\n\
             Content-Transfer-Encoding: quoted-printable\r\n\r\nCiao,\r\n{encoded}\r\n--b1--\r\n"
        );
        assert!(mail.contains("?id=3D12"), "{mail}");
        let path = dir.path().join("mail.eml");
        std::fs::write(&path, &mail).unwrap();
        let (received, unreadable) = read_packet_files(std::slice::from_ref(&path)).unwrap();
        assert!(unreadable.is_empty(), "{unreadable:?}");
        assert_eq!(
            received[0].packet.proposed.as_deref(),
            Some("https://q.it/?id=12")
        );

        // Base64, the other encoding a client uses for text.
        use base64::Engine;
        let body = base64::engine::general_purpose::STANDARD.encode(block.as_bytes());
        let mail = format!(
            "From: m@example.org\nContent-Type: text/plain; charset=utf-8\n\
             Content-Transfer-Encoding: base64\n\n{body}\n"
        );
        std::fs::write(&path, &mail).unwrap();
        let (received, _) = read_packet_files(std::slice::from_ref(&path)).unwrap();
        assert_eq!(
            received[0].packet.proposed.as_deref(),
            Some("https://q.it/?id=12")
        );
    }

    #[test]
    fn a_sources_byte_order_mark_and_line_ending_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let csv = "\u{feff}id,name,categories,phone,opening_hours\r\n\
                   line,Numero verdè,helpline,800 1,24/7\r\n";
        let path = source(dir.path(), "s.csv", csv);
        let received = vec![packet("line", CorrectionField::Phone, Some("800 2"))];
        let review = review("umbria", &path, received).unwrap();
        accept(
            &review,
            &choices(&review, &["line/phone".to_owned()]).unwrap(),
            "2026-12-01",
        )
        .unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "\u{feff}id,name,categories,phone,opening_hours,assured_date\r\n\
             line,Numero verdè,helpline,800 2,24/7,2026-12-01\r\n"
        );

        let json = "[\r\n {\r\n  \"id\": \"line\",\r\n  \"categories\": [],\r\n  \
                    \"email\": \"a@b.it\"\r\n }\r\n]\r\n";
        let path = source(dir.path(), "s.json", json);
        let received = vec![packet("line", CorrectionField::Email, Some("c@d.it"))];
        let again = super::review("umbria", &path, received).unwrap();
        accept(
            &again,
            &choices(&again, &["line/email".to_owned()]).unwrap(),
            "2026-12-01",
        )
        .unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "[\r\n {\r\n  \"id\": \"line\",\r\n  \"categories\": [],\r\n  \
             \"email\": \"c@d.it\",\r\n  \"assured_date\": \"2026-12-01\"\r\n }\r\n]\r\n"
        );
    }

    #[test]
    fn a_rewrite_that_would_not_read_back_as_corrected_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        // A key given twice: a reader takes the last, the rewrite would change the first.
        let json = r#"[{"id": "line", "categories": ["helpline"], "email": "a@b.it",
                        "email": "old@b.it"}]"#;
        let path = source(dir.path(), "s.json", json);
        let received = vec![packet("line", CorrectionField::Email, Some("c@d.it"))];
        let review = review("umbria", &path, received).unwrap();
        assert_eq!(review.groups[0].current.as_deref(), Some("old@b.it"));
        let chosen = choices(&review, &["line/email".to_owned()]).unwrap();
        let error = accept(&review, &chosen, "2026-12-01")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("would not read back as the corrected"),
            "{error}"
        );
        assert!(error.contains("email"), "{error}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), json);
    }

    #[test]
    fn a_group_accepted_twice_is_applied_once_and_a_proposal_out_of_range_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = source(dir.path(), "s.json", SOURCE);
        let received = vec![packet("q", CorrectionField::Phone, Some("075 111"))];
        let review = review("umbria", &path, received).unwrap();
        let once = Choice {
            group: "q/phone".to_owned(),
            proposal: 0,
        };
        let beyond = Choice {
            group: "q/phone".to_owned(),
            proposal: 4,
        };
        let error = accept(&review, std::slice::from_ref(&beyond), "2026-12-01")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("q/phone: there is no proposal 5 (it has 1)"),
            "{error}"
        );
        let done = accept(&review, &[once.clone(), once], "2026-12-01").unwrap();
        assert_eq!(done, ["q/phone: 075 000 → 075 111"]);
    }
}
