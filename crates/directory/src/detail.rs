//! A service's detail: the stored record read into what the detail screen and the referral card
//! show, in the person's language where the feed has it and in Italian where it does not.
//!
//! The record is read as JSON rather than as [`bussola_feed::contract::Service`]: the detail shows fields
//! the index never needs (phones, access, sources, accessibility), and a field of an unexpected
//! shape is left out rather than failing the whole screen. Links become links only with a scheme
//! the app opens ([`bussola_model::safe_link`]); every string stays text for the UI to escape.

use crate::hours::{Hours, Status};
use crate::pack;
use crate::{Error, Result, Store};
use bussola_model::{
    CorrectionField, FeedId, FeedVersion, LatLon, Localized, LocationDetail, OpenState, Phone,
    ServiceDetail, ServiceId, Timetable, safe_link,
};
use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;
use serde_json::Value;

impl Store {
    /// The detail of service `id` of `feed`, texts in `lang` where translated, hours at `now`.
    pub fn service_detail(
        &self,
        feed: &str,
        id: &str,
        lang: &str,
        now: DateTime<Utc>,
    ) -> Result<ServiceDetail> {
        type Row = (Vec<u8>, Option<Vec<u8>>, i64, Option<String>, bool);
        let row: Option<Row> = self
            .conn
            .query_row(
                "SELECT s.record, f.dictionary, f.version, f.generated_at,
                        EXISTS (SELECT 1 FROM favourite v
                                WHERE v.feed = s.feed AND v.service_id = s.service_id)
                 FROM service s JOIN feed f USING (feed)
                 WHERE s.feed = ?1 AND s.service_id = ?2",
                [feed, id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let (packed, dictionary, version, generated_at, favourite) =
            row.ok_or_else(|| Error::NotFound(format!("{feed}/{id}")))?;
        let record: Value = serde_json::from_str(&pack::unpack(&packed, dictionary.as_deref())?)?;
        let reader = Reader {
            record: &record,
            lang,
        };
        let status = text(&record["status"]);
        let closed_until =
            text(&record["closed_until"]).filter(|d| bussola_model::valid_date(d).is_some());
        let today = now
            .with_timezone(&chrono_tz::Europe::Rome)
            .date_naive()
            .to_string();
        let closed = status.as_deref() == Some(bussola_model::STATUS_TEMPORARILY_CLOSED)
            && bussola_model::still_closed(closed_until.as_deref(), &today);
        let mut locations: Vec<LocationDetail> = list(&record["service_at_locations"])
            .map(|at| location(at, now))
            .collect();
        let mut hours = text(&record["opening_hours"]).map(|h| timetable(&h, None, now));
        // Closed for now, whatever the hours say: the week stays shown, the state does not.
        if closed {
            for timetable in locations
                .iter_mut()
                .filter_map(|l| l.hours.as_mut())
                .chain(hours.as_mut())
            {
                timetable.state = OpenState::Closed;
                timetable.next_change = None;
            }
        }
        Ok(ServiceDetail {
            id: ServiceId(id.to_owned()),
            feed: FeedId(feed.to_owned()),
            name: reader.localized("name").unwrap_or_else(|| Localized {
                text: id.to_owned(),
                lang: "it".to_owned(),
                is_fallback: false,
                translated: false,
            }),
            name_it: text(&record["name"]).unwrap_or_else(|| id.to_owned()),
            description: reader.localized("description"),
            description_it: text(&record["description"]),
            categories: strings(&record["categories"]),
            organization: text(&record["organization"]["name"]),
            phones: phones(&record["phones"]),
            email: text(&record["email"]),
            certified_email: text(&record["certified_email"]),
            url: text(&record["url"]).filter(|u| is_web_link(u)),
            languages: list(&record["languages"])
                .filter_map(|l| text(&l["code"]).or_else(|| text(l)))
                .collect(),
            application_process: reader.localized("application_process"),
            // HSDS 3.0: `[{"document": "...", "uri": "..."}]`; a plain list of names reads too.
            required_documents: list(&record["required_documents"])
                .filter_map(|d| text(&d["document"]).or_else(|| text(d)))
                .collect(),
            fees: reader.localized("fees_description"),
            eligibility: reader.localized("eligibility_description"),
            alert: reader.localized("alert"),
            closed,
            closed_until: closed_until.filter(|_| closed),
            withdrawn: status
                .as_deref()
                .is_some_and(|s| bussola_model::STATUSES_WITHDRAWN.contains(&s)),
            assured_date: text(&record["assured_date"]),
            sources: strings(&record["sources"])
                .into_iter()
                .filter(|u| is_web_link(u))
                .collect(),
            locations,
            hours,
            favourite,
            feed_version: FeedVersion(version as u64),
            feed_generated_at: generated_at,
            feed_contact: None,
        })
    }
}

/// Reads a record's translatable texts in one language.
struct Reader<'r> {
    record: &'r Value,
    lang: &'r str,
}

impl Reader<'_> {
    /// `field` in the person's language when the feed translates it, else in Italian; marked
    /// when the translation is the feed editors' own of the Italian (`translated_from`).
    fn localized(&self, field: &str) -> Option<Localized> {
        let translation = &self.record["translations"][self.lang];
        if self.lang != "it"
            && let Some(translated) = text(&translation[field])
        {
            return Some(Localized {
                text: translated,
                lang: self.lang.to_owned(),
                is_fallback: false,
                translated: translation["translated_from"] == "it",
            });
        }
        text(&self.record[field]).map(|italian| Localized {
            text: italian,
            lang: "it".to_owned(),
            is_fallback: self.lang != "it",
            translated: false,
        })
    }
}

/// What the detail screen shows of `field` in a stored record, as one text: the value a person's
/// correction of it replaces. Fields with no single value (closed for good, other) have none.
pub(crate) fn shown_value(record: &Value, field: CorrectionField) -> Option<String> {
    let first_place = &record["service_at_locations"][0];
    match field {
        CorrectionField::Phone => phones(&record["phones"])
            .into_iter()
            .next()
            .map(|p| p.number),
        CorrectionField::Email => text(&record["email"]),
        CorrectionField::Website => text(&record["url"]).filter(|u| is_web_link(u)),
        CorrectionField::Hours => {
            text(&first_place["opening_hours"]).or_else(|| text(&record["opening_hours"]))
        }
        CorrectionField::Moved => address(&first_place["location"]).address_line(true),
        CorrectionField::ClosedForGood | CorrectionField::Other => None,
    }
}

fn location(at: &Value, now: DateTime<Utc>) -> LocationDetail {
    let place = &at["location"];
    let point = match (place["latitude"].as_f64(), place["longitude"].as_f64()) {
        (Some(lat), Some(lon)) => Some(LatLon { lat, lon }),
        _ => None,
    };
    let precision = text(&place["geo_precision"]);
    LocationDetail {
        name: text(&place["name"]),
        approximate: point.is_some()
            && bussola_feed::contract::is_approximate(precision.as_deref()),
        point,
        precision,
        hours: text(&at["opening_hours"])
            .map(|h| timetable(&h, point.map(|p| (p.lat, p.lon)), now)),
        accessibility: list(&place["accessibility"])
            .filter_map(|a| text(&a["description"]).or_else(|| text(a)))
            .collect(),
        ..address(place)
    }
}

/// A location's first address, and nothing else of it.
fn address(place: &Value) -> LocationDetail {
    let address = &place["addresses"][0];
    LocationDetail {
        name: None,
        street: text(&address["address_1"]),
        postal_code: text(&address["postal_code"]),
        city: text(&address["city"]),
        province: text(&address["state_province"]),
        point: None,
        precision: None,
        approximate: false,
        hours: None,
        accessibility: Vec::new(),
    }
}

/// Hours as the detail shows them; unreadable hours keep their text and say so.
fn timetable(raw: &str, place: Option<(f64, f64)>, now: DateTime<Utc>) -> Timetable {
    let hours = Hours::parse(raw, place);
    let status = hours.as_ref().map_or(Status::UNKNOWN, |h| h.status(now));
    Timetable {
        raw: raw.to_owned(),
        readable: hours.is_some(),
        state: status.state,
        next_change: status.next_change.map(|t| t.to_rfc3339()),
        week: hours.map(|h| h.week(now)).unwrap_or_default(),
    }
}

fn phones(value: &Value) -> Vec<Phone> {
    list(value)
        .filter_map(|p| {
            let number = text(&p["number"])?;
            let dial: String = number
                .chars()
                .enumerate()
                .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
                .map(|(_, c)| c)
                .collect();
            (!dial.trim_start_matches('+').is_empty()).then(|| Phone {
                dial,
                kind: text(&p["type"]),
                description: text(&p["description"]),
                number,
            })
        })
        .collect()
}

fn is_web_link(link: &str) -> bool {
    safe_link(link).is_some_and(|l| {
        let l = l.to_ascii_lowercase();
        l.starts_with("https:") || l.starts_with("http:")
    })
}

/// A non-empty string, trimmed; anything else is absent.
fn text(value: &Value) -> Option<String> {
    value
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn strings(value: &Value) -> Vec<String> {
    list(value).filter_map(text).collect()
}

fn list(value: &Value) -> impl Iterator<Item = &Value> {
    value.as_array().into_iter().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// A store holding `service` as it is: the records here carry what no feed may (a
    /// `javascript:` link, a `file:` source), to show that the detail never passes it on.
    fn store_with(service: &str) -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let snapshot = format!(r#"{{"feed":"test","version":3,"services":[{service}]}}"#);
        store.import_unchecked_for_tests(&snapshot).unwrap();
        store
    }

    const DESK: &str = r#"{"id":"desk","name":"Sportello Immigrazione","status":"active",
        "description":"Pratiche per stranieri.","categories":["access-point"],
        "phones":[{"number":"+39 075 123 456","type":"voice"},{"number":"n/d"}],
        "url":"javascript:alert(1)","email":"desk@example.it",
        "sources":["https://example.it/page","file:///etc/passwd"],"assured_date":"2025-03-01",
        "translations":{"en":{"name":"Immigration desk"}},
        "service_at_locations":[{"location":{"name":"Comune","latitude":43.1,"longitude":12.4,
            "geo_precision":"comune","addresses":[{"city":"Perugia","postal_code":"06121"}]},
          "opening_hours":"Mo-Fr 09:00-12:00; PH off"}]}"#;

    #[test]
    fn texts_come_in_the_persons_language_or_in_italian_marked_as_such() {
        let store = store_with(DESK);
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap(); // a Monday, 10:00 in Rome
        let detail = store.service_detail("test", "desk", "en", now).unwrap();
        assert_eq!(detail.name.text, "Immigration desk");
        assert!(!detail.name.is_fallback);
        assert_eq!(detail.name_it, "Sportello Immigrazione");
        let description = detail.description.unwrap();
        assert_eq!(description.text, "Pratiche per stranieri.");
        assert!(description.is_fallback);
        let italian = store.service_detail("test", "desk", "it", now).unwrap();
        assert!(!italian.name.is_fallback && italian.name.text == "Sportello Immigrazione");
    }

    #[test]
    fn only_safe_links_and_dialable_phones_reach_the_screen() {
        let store = store_with(DESK);
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
        let detail = store.service_detail("test", "desk", "it", now).unwrap();
        assert_eq!(detail.url, None);
        assert_eq!(detail.sources, ["https://example.it/page"]);
        assert_eq!(detail.phones.len(), 1);
        assert_eq!(detail.phones[0].dial, "+39075123456");
        let place = &detail.locations[0];
        assert!(place.approximate);
        assert_eq!(place.precision.as_deref(), Some("comune"));
        assert_eq!(place.postal_code.as_deref(), Some("06121"));
    }

    #[test]
    fn the_week_marks_today_and_holidays() {
        let store = store_with(DESK);
        // Tuesday 8 December 2026 is the Immaculate Conception: a public holiday.
        let now = Utc.with_ymd_and_hms(2026, 12, 8, 9, 0, 0).unwrap();
        let detail = store.service_detail("test", "desk", "it", now).unwrap();
        let hours = detail.locations[0].hours.as_ref().unwrap();
        assert!(hours.readable);
        assert_eq!(hours.week.len(), 7);
        let monday = &hours.week[0];
        assert_eq!(monday.date, "2026-12-07");
        assert_eq!(monday.open, [("09:00".to_owned(), "12:00".to_owned())]);
        let tuesday = &hours.week[1];
        assert!(tuesday.today && tuesday.holiday && tuesday.open.is_empty());
        assert!(hours.week[6].open.is_empty());
        assert_eq!(hours.state, bussola_model::OpenState::Closed);
    }

    #[test]
    fn unreadable_hours_keep_their_text_and_a_missing_service_is_not_found() {
        let store = store_with(
            r#"{"id":"x","name":"X","status":"active","categories":["helpline"],
                "opening_hours":"ogni tanto"}"#,
        );
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
        let detail = store.service_detail("test", "x", "it", now).unwrap();
        let hours = detail.hours.unwrap();
        assert!(!hours.readable && hours.week.is_empty() && hours.raw == "ogni tanto");
        assert!(matches!(
            store.service_detail("test", "nope", "it", now),
            Err(Error::NotFound(_))
        ));
    }
}
