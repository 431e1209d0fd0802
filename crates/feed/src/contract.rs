//! The feed's files as Rust types (DESIGN.md, "The feed"): the signed manifest, the snapshot and
//! the delta it names, and the HSDS 3.0 services they carry with Bussola's profile fields.
//!
//! A snapshot or a delta keeps each service as the JSON text it arrived in, borrowed from the
//! file's bytes: [`crate::records`] reads every record once, checks it and turns it into a
//! [`Service`], and the store keeps the text (so fields this version does not know survive).

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The manifest, the one signed file, and its signature, at the feed's base.
pub const MANIFEST: &str = "manifest.json";
pub const SIGNATURE: &str = "manifest.json.minisig";
/// Caps on what a source may send, counted on decompressed bytes.
pub const MANIFEST_CAP: u64 = 256 * 1024;
pub const SIGNATURE_CAP: u64 = 4 * 1024;
/// The largest snapshot or delta accepted, whatever the manifest says: about 400,000 services
/// of today's size, and what a phone can still hold while it checks them.
pub const FILE_CAP: u64 = 256 * 1024 * 1024;

/// `{"feed":"umbria","version":128,"services":[…]}`
#[derive(Debug, Clone, Deserialize)]
pub struct Snapshot<'a> {
    pub feed: String,
    pub version: u64,
    /// Each service's JSON exactly as delivered, borrowed from the file.
    #[serde(borrow)]
    pub services: Vec<&'a RawValue>,
}

/// The parts of a SERVICE record the engine indexes and searches. The whole record is kept as
/// JSON beside it, so the detail screen shows fields this type does not name.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Service {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub organization: Option<Organization>,
    #[serde(default)]
    pub languages: Vec<Language>,
    #[serde(default)]
    pub translations: BTreeMap<String, Translation>,
    /// Service-wide hours, for services without a location (helplines).
    #[serde(default)]
    pub opening_hours: Option<String>,
    /// The day the feed's editors last checked the entry, `YYYY-MM-DD`; anything else (a
    /// number, another shape) reads as no date rather than refusing the record.
    #[serde(default, deserialize_with = "date_or_nothing")]
    pub assured_date: Option<String>,
    /// With status `temporarily closed`: the last day it is closed, `YYYY-MM-DD` (Bussola's
    /// profile); anything else reads as no end given.
    #[serde(default, deserialize_with = "date_or_nothing")]
    pub closed_until: Option<String>,
    /// HSDS's alert, in Italian (translations hold the others).
    #[serde(default)]
    pub alert: Option<String>,
    #[serde(default)]
    pub service_at_locations: Vec<ServiceAtLocation>,
}

/// A `YYYY-MM-DD` string, or nothing for any other value.
fn date_or_nothing<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(value
        .as_str()
        .and_then(bussola_model::valid_date)
        .map(str::to_owned))
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Organization {
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Language {
    pub code: String,
}

/// A translation of a service's texts into one language (profile field `translations`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Translation {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub alert: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct ServiceAtLocation {
    pub location: Location,
    #[serde(default)]
    pub opening_hours: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Location {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    #[serde(default)]
    pub geo_precision: Option<String>,
    #[serde(default)]
    pub addresses: Vec<Address>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Address {
    #[serde(default)]
    pub address_1: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub state_province: Option<String>,
    #[serde(default)]
    pub postal_code: Option<String>,
}

impl Location {
    /// True unless the feed says the coordinate marks the building or the street.
    pub fn is_approximate(&self) -> bool {
        is_approximate(self.geo_precision.as_deref())
    }
}

/// Whether a location of this `geo_precision` is only approximate: anything but the building
/// or the street (a comune's centre, or a precision the feed does not give).
pub fn is_approximate(geo_precision: Option<&str>) -> bool {
    !matches!(geo_precision, Some("building" | "street"))
}

/// `manifest.json`: what a feed's base URL offers now. Small, fetched at every sync, and the
/// only file that is signed: the others are trusted through the sha256 it gives for them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Manifest {
    pub feed: String,
    pub version: u64,
    pub generated_at: String,
    #[serde(default)]
    pub expires_at: Option<String>,
    pub snapshot: FileRef,
    #[serde(default)]
    pub deltas: Vec<DeltaRef>,
    /// Notices for everyone who uses the feed, shown after the sync that brings them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<bussola_model::FeedNotice>,
}

/// A file of the feed: where it is (relative to the manifest), its sha256 and its size.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct FileRef {
    pub url: String,
    pub sha256: String,
    pub bytes: u64,
}

/// A delta from an earlier version to the manifest's.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct DeltaRef {
    pub from: u64,
    #[serde(flatten)]
    pub file: FileRef,
}

/// `{"feed":"umbria","from":127,"version":128,"upserts":[SERVICE, …],"deletes":["id", …]}`
#[derive(Debug, Clone, Deserialize)]
pub struct Delta<'a> {
    pub feed: String,
    pub from: u64,
    pub version: u64,
    #[serde(default, borrow)]
    pub upserts: Vec<&'a RawValue>,
    #[serde(default)]
    pub deletes: Vec<String>,
}

/// True when `expires_at` (RFC 3339) lies before `now`; a missing or unreadable date never
/// expires.
pub fn is_past(expires_at: Option<&str>, now: chrono::DateTime<chrono::Utc>) -> bool {
    expires_at.is_some_and(|e| chrono::DateTime::parse_from_rfc3339(e).is_ok_and(|e| e < now))
}

impl FileRef {
    /// The file's path under the feed's base: relative, no scheme, no way out of the base.
    pub fn checked_path(&self) -> Result<&str, String> {
        let url = self.url.as_str();
        let safe = !url.is_empty()
            && !url.contains("://")
            && !url.starts_with('/')
            && !url.contains('\\')
            && url
                .split('/')
                .all(|part| !part.is_empty() && part != "." && part != "..")
            && url
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
        if safe {
            Ok(url)
        } else {
            Err(format!(
                "the manifest names the file \"{url}\", which is not a plain path inside the feed's \
                 folder"
            ))
        }
    }
}

/// The lower-case hex sha256 of `bytes`, as a manifest gives it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
