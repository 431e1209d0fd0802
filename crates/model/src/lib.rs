//! The vocabulary that crosses the IPC boundary: a search query, a hit, a service's detail, the
//! state of the data on the device, and the error codes the UI turns into translated sentences.
//!
//! Both the native side (engine, shell, CLI) and the wasm UI compile this crate, so it does no I/O
//! and carries no clock: instants travel as RFC 3339 strings that each side parses with the tools
//! it has.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A service's id, unique within its feed (`[a-z0-9-]`, at most 100 characters).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ServiceId(pub String);

/// A feed's id: the region that publishes it, such as `umbria`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FeedId(pub String);

/// A feed's version: it only grows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FeedVersion(pub u64);

/// A distance on the ground, in metres.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Meters(pub f64);

impl fmt::Display for ServiceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for FeedId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for FeedVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A point in WGS84 degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

/// Where the person wants help: a point (their device's location, a pin) or a comune by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    Point(LatLon),
    Comune(String),
}

/// Which opening times a search asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpenFilter {
    /// Open or not, every service is a candidate.
    #[default]
    Any,
    /// Open at the moment of the search.
    Now,
    /// Open at this RFC 3339 instant.
    At(String),
}

/// One search, the same for the app and the CLI. Every part is optional; an empty query lists the
/// directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchQuery {
    /// Words to find, in any language of the feed or of the category names; each word matches
    /// as a prefix, accents ignored.
    pub text: Option<String>,
    pub place: Option<Place>,
    /// Only services within this distance of `place`.
    pub radius_km: Option<f64>,
    /// Category codes (`permits`, `health`, …): a service in any of them matches.
    pub categories: Vec<String>,
    /// Language codes spoken at the office: a service speaking any of them matches.
    pub languages: Vec<String>,
    pub open: OpenFilter,
    pub limit: u32,
    /// The language the person reads: names come back in it when the feed has a translation.
    pub display_lang: String,
}

impl Default for SearchQuery {
    fn default() -> Self {
        Self {
            text: None,
            place: None,
            radius_km: None,
            categories: Vec::new(),
            languages: Vec::new(),
            open: OpenFilter::Any,
            limit: 50,
            display_lang: "it".to_owned(),
        }
    }
}

/// Whether a service is open at the instant a search asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpenState {
    Open,
    Closed,
    /// The feed gives no hours, or hours the app cannot read.
    Unknown,
}

/// A service found by a search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub id: ServiceId,
    pub feed: FeedId,
    /// The name in the requested language, or in Italian when the feed has no translation.
    pub name: String,
    /// The language `name` is in.
    pub name_lang: String,
    /// True when the person asked for another language and got the Italian name.
    pub name_is_fallback: bool,
    pub categories: Vec<String>,
    /// The organisation that runs the service, as the feed names it.
    pub organization: Option<String>,
    /// The comune of the location nearest to the search place (or of the first location).
    pub city: Option<String>,
    /// Metres to the nearest location; `None` when the search has no place.
    pub distance_m: Option<Meters>,
    /// `Some(true)` open, `Some(false)` closed, `None` unknown.
    pub open: Option<bool>,
    pub open_state: OpenState,
    /// The next opening or closing, RFC 3339 in Europe/Rome, when the hours say.
    pub next_change: Option<String>,
    /// True when the coordinate is only the comune's centre, not the building.
    pub approximate: bool,
    pub location: Option<LatLon>,
}

/// What the UI shows of the data on the device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedStatus {
    pub feed: FeedId,
    pub version: FeedVersion,
    pub services: u64,
    pub generated_at: Option<String>,
    pub expires_at: Option<String>,
    pub source: Option<String>,
    pub last_sync: Option<String>,
    pub last_error: Option<String>,
    #[serde(default)]
    pub last_error_at: Option<String>,
    /// Past `expires_at`: still used, and the person is told the data may be out of date.
    #[serde(default)]
    pub expired: bool,
}

/// A step of a sync under way, streamed from the shell to the UI (event `sync-progress`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum SyncStep {
    Checking {
        source: String,
    },
    Downloading {
        source: String,
        file: String,
        bytes: u64,
    },
    Applying {
        source: String,
        services: u64,
    },
}

/// How the sync of one source ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncReport {
    pub source: String,
    pub feed: Option<FeedId>,
    pub version: Option<FeedVersion>,
    /// New data was applied.
    pub changed: bool,
    /// Why nothing changed, when something went wrong.
    pub error: Option<String>,
}

/// The stable codes of everything that can go wrong behind a command; the UI turns each into a
/// sentence in the person's language, the detail is kept for the curious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    UnknownComune,
    BadQuery,
    NotFound,
    Database,
    Feed,
    Internal,
}

/// An error as it crosses the IPC boundary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_from_the_ui_may_leave_out_every_field() {
        let query: SearchQuery = serde_json::from_str(r#"{"text":"permesso"}"#).unwrap();
        assert_eq!(query.text.as_deref(), Some("permesso"));
        assert_eq!(query.limit, 50);
        assert_eq!(query.open, OpenFilter::Any);
    }

    #[test]
    fn places_and_open_filters_read_as_tagged_values() {
        let query: SearchQuery = serde_json::from_str(
            r#"{"place":{"comune":"Terni"},"open":{"at":"2026-11-24T10:00:00+01:00"}}"#,
        )
        .unwrap();
        assert_eq!(query.place, Some(Place::Comune("Terni".into())));
        assert_eq!(
            query.open,
            OpenFilter::At("2026-11-24T10:00:00+01:00".into())
        );
        let point: Place = serde_json::from_str(r#"{"point":{"lat":43.1,"lon":12.4}}"#).unwrap();
        assert_eq!(
            point,
            Place::Point(LatLon {
                lat: 43.1,
                lon: 12.4
            })
        );
    }
}
