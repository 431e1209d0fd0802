//! The vocabulary that crosses the IPC boundary: a search query, a hit, a service's detail, the
//! state of the data on the device, the person's corrections of an entry (and the packet they
//! travel in to the feed's editors), and the error codes the UI turns into translated sentences.
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
    /// Only the services the person marked as favourites.
    pub favourites_only: bool,
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
            favourites_only: false,
        }
    }
}

/// Whether a service is open at the instant a search asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpenState {
    Open,
    Closed,
    /// The hours say it may be open: a rule that is only a comment ("by appointment"), an
    /// open end ("17:00+"), or a written `unknown`. Call first.
    Uncertain,
    /// The feed gives no hours, or hours the app cannot read.
    Unknown,
}

/// What a search answers: the hits, and the typed words it read as others because nothing in
/// the directory matched them as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchAnswer {
    pub hits: Vec<Hit>,
    pub corrections: Vec<Correction>,
    /// Offices the directory does not list that handle what the words ask for ("codice
    /// fiscale": the Agenzia delle Entrate), in the query's display language; the hits are the
    /// services that can help with it.
    pub handled_by: Vec<String>,
    /// Typed words that nothing in the directory holds, even read as a near word, left out so
    /// that the others still answer ("scuola italiano gratis": "gratis").
    pub left_out: Vec<String>,
    /// No service holds all the words, and the hits are those holding the most of them
    /// ("violenza donne", "free food").
    #[serde(default)]
    pub partial: bool,
}

/// A typed word that matched nothing, and the directory's word it was read as ("permeso" →
/// "permesso").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub typed: String,
    pub meant: String,
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
    /// The day the feed's editors last checked the entry, `YYYY-MM-DD`.
    #[serde(default)]
    pub checked: Option<String>,
    /// Closed for now, or an alert from the feed: shown before anything else about it.
    #[serde(default)]
    pub notice: Option<ServiceNotice>,
}

/// What a person must know before going to a service: it is closed for now (whatever its hours
/// say), or its feed carries an alert ("bring the appointment letter", "moved upstairs").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceNotice {
    /// The feed says `temporarily closed` (HSDS's status) and the closure has not ended.
    pub closed: bool,
    /// The last day it is closed, `YYYY-MM-DD`, when the feed says (`closed_until`).
    pub closed_until: Option<String>,
    /// The feed's `alert`, in the person's language or in Italian.
    pub alert: Option<String>,
    /// The language of `alert`.
    pub alert_lang: Option<String>,
}

/// The statuses of HSDS 3.0 a feed's service may carry.
pub const STATUS_TEMPORARILY_CLOSED: &str = "temporarily closed";
/// Services no longer offered: kept in the feed's files, never shown in a search.
pub const STATUSES_WITHDRAWN: [&str; 2] = ["inactive", "defunct"];

/// Whether a service marked closed until `until` (its last closed day, `YYYY-MM-DD`; `None`:
/// no end given) is still closed on `today`.
pub fn still_closed(until: Option<&str>, today: &str) -> bool {
    until
        .and_then(valid_date)
        .is_none_or(|until| today <= until)
}

/// A notice for everyone who uses a feed ("Questura di Perugia closed 8–12 December"), carried by
/// its signed manifest, in Italian and whichever other languages the editors wrote it in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedNotice {
    /// Unique in the feed, `[a-z0-9-]`: what a dismissal remembers.
    pub id: String,
    /// The text by language code; `it` is always there.
    pub text: std::collections::BTreeMap<String, String>,
    /// The last day the notice matters, `YYYY-MM-DD`; after it, it is not shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
}

impl FeedNotice {
    /// The text in `lang`, else in Italian, with the language it is in.
    pub fn text_in(&self, lang: &str) -> Option<(&str, &str)> {
        self.text
            .get_key_value(lang)
            .or_else(|| self.text.get_key_value("it"))
            .map(|(l, t)| (l.as_str(), t.as_str()))
    }
}

/// A service's data older than this many months is flagged: "checked 3 years ago: call before
/// you go". Offices move and change their hours; a person should not travel on old facts.
pub const STALE_AFTER_MONTHS: i64 = 12;

/// How old a service's data is, as the person is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataAge {
    /// Checked within [`STALE_AFTER_MONTHS`].
    Recent,
    /// Checked this many whole years ago (1 or more).
    YearsOld(i64),
    /// The feed gives no date it was checked.
    Undated,
}

impl DataAge {
    /// Whether the person should be told to call before going.
    pub fn is_stale(self) -> bool {
        self != DataAge::Recent
    }
}

/// How old data checked on `checked` is on `today` (both `YYYY-MM-DD`; no clock here).
pub fn data_age(checked: Option<&str>, today: &str) -> DataAge {
    let checked = checked.and_then(valid_date);
    let Some((checked, today)) = checked.and_then(ymd).zip(ymd(today)) else {
        return DataAge::Undated;
    };
    let months =
        (today.0 - checked.0) * 12 + (today.1 - checked.1) - i64::from(today.2 < checked.2);
    match months >= STALE_AFTER_MONTHS {
        true => DataAge::YearsOld(months / 12),
        false => DataAge::Recent,
    }
}

/// The day before which data is stale on `today` (`YYYY-MM-DD`): the same day a year earlier.
pub fn stale_before(today: &str) -> Option<String> {
    let (year, month, day) = ymd(today)?;
    Some(format!(
        "{:04}-{month:02}-{day:02}",
        year - STALE_AFTER_MONTHS / 12
    ))
}

/// `date` when it is a calendar day written `YYYY-MM-DD`, else `None`: what the feed's
/// `assured_date` must be to count (a timestamp, "2025/03/01" or "soon" is no date).
pub fn valid_date(date: &str) -> Option<&str> {
    let digits = |range: std::ops::Range<usize>| {
        date.get(range)
            .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()))
    };
    let shaped = date.len() == 10
        && digits(0..4)
        && digits(5..7)
        && digits(8..10)
        && &date[4..5] == "-"
        && &date[7..8] == "-";
    let (_, month, day) = ymd(date)?;
    (shaped && (1..=12).contains(&month) && (1..=31).contains(&day)).then_some(date)
}

/// The day of the week of a `YYYY-MM-DD` date, 0 being Monday (Sakamoto's method).
pub fn weekday_of(date: &str) -> Option<u8> {
    let mut parts = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    const OFFSETS: [i64; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let year = if month < 3 { year - 1 } else { year };
    let sunday_first =
        (year + year / 4 - year / 100 + year / 400 + OFFSETS[(month - 1) as usize] + day) % 7;
    Some(((sunday_first + 6) % 7) as u8)
}

fn ymd(date: &str) -> Option<(i64, i64, i64)> {
    let mut parts = date
        .get(..10)?
        .splitn(3, '-')
        .map(|p| p.parse::<i64>().ok());
    Some((parts.next()??, parts.next()??, parts.next()??))
}

/// A text from the feed in the language the person reads, or in Italian when the feed has no
/// translation (then `is_fallback`, and the UI says "in Italian").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Localized {
    pub text: String,
    pub lang: String,
    pub is_fallback: bool,
    /// The feed's editors translated it from the Italian (marked `translated_from` in the
    /// feed): not the office's own words, and the UI says so.
    #[serde(default)]
    pub translated: bool,
}

/// A phone number of a service, with the digits a `tel:` link dials.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phone {
    /// As the feed writes it, for reading.
    pub number: String,
    /// `+` and digits only, for the `tel:` link.
    pub dial: String,
    /// HSDS type: `voice`, `text`, `fax`, `cell`, …
    pub kind: Option<String>,
    pub description: Option<String>,
}

/// One day of a timetable: the intervals open (local time, `HH:MM`), and whether it is today or
/// a public holiday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayHours {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// 0 is Monday.
    pub weekday: u8,
    pub today: bool,
    pub holiday: bool,
    pub open: Vec<(String, String)>,
    /// The hours say neither open nor closed for part of the day.
    pub uncertain: bool,
}

impl DayHours {
    /// The day's open intervals as a person reads them: "09:00–12:00, 15:00–17:00".
    pub fn times(&self) -> String {
        let intervals: Vec<String> = self.open.iter().map(|(a, b)| format!("{a}–{b}")).collect();
        intervals.join(", ")
    }
}

/// A location's (or a helpline's) hours: this week day by day and the state now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timetable {
    /// The feed's OSM `opening_hours` text, shown as is when the app cannot read it.
    pub raw: String,
    pub readable: bool,
    pub state: OpenState,
    pub next_change: Option<String>,
    /// Monday to Sunday of the current week; empty when the hours are unreadable.
    pub week: Vec<DayHours>,
}

/// Where a service is, as precisely as the feed knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocationDetail {
    pub name: Option<String>,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub province: Option<String>,
    pub point: Option<LatLon>,
    /// `building`, `street` or `comune`, as the feed says; `None` when it does not.
    pub precision: Option<String>,
    /// True when the point is only the comune's centre.
    pub approximate: bool,
    pub hours: Option<Timetable>,
    /// Accessibility notes, as written by the feed.
    pub accessibility: Vec<String>,
}

impl LocationDetail {
    /// The address on one line, "Via X 1, 06121 Perugia", with " (PG)" when `province` is asked
    /// for; `None` when the feed gives none of it.
    pub fn address_line(&self, province: bool) -> Option<String> {
        let province = self
            .province
            .as_ref()
            .filter(|_| province)
            .map(|p| format!("({p})"));
        let place = [self.postal_code.clone(), self.city.clone(), province]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let parts: Vec<String> = [self.street.clone(), (!place.is_empty()).then_some(place)]
            .into_iter()
            .flatten()
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// Everything the detail screen and the referral card show of one service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceDetail {
    pub id: ServiceId,
    pub feed: FeedId,
    pub name: Localized,
    /// The Italian name, for the card shown at the desk.
    pub name_it: String,
    pub description: Option<Localized>,
    pub description_it: Option<String>,
    pub categories: Vec<String>,
    pub organization: Option<String>,
    pub phones: Vec<Phone>,
    pub email: Option<String>,
    /// A certified address (PEC), which may refuse ordinary mail: shown as such.
    #[serde(default)]
    pub certified_email: Option<String>,
    /// Only `https:`/`http:` links reach the UI.
    pub url: Option<String>,
    pub languages: Vec<String>,
    pub application_process: Option<Localized>,
    /// What to bring (HSDS `required_documents`), as the feed names each document.
    #[serde(default)]
    pub required_documents: Vec<String>,
    pub fees: Option<Localized>,
    pub eligibility: Option<Localized>,
    pub alert: Option<Localized>,
    /// Closed for now (HSDS status `temporarily closed`), whatever the hours say.
    #[serde(default)]
    pub closed: bool,
    /// The last day it is closed, `YYYY-MM-DD`, when the feed says.
    #[serde(default)]
    pub closed_until: Option<String>,
    /// No longer offered (`inactive`, `defunct`): reached only from a favourite.
    #[serde(default)]
    pub withdrawn: bool,
    /// The day the feed's editors last checked the entry, `YYYY-MM-DD`.
    pub assured_date: Option<String>,
    pub sources: Vec<String>,
    pub locations: Vec<LocationDetail>,
    /// Hours of a service without a location (a helpline).
    pub hours: Option<Timetable>,
    pub favourite: bool,
    /// The version and date of the data the entry comes from, for a report of a problem.
    pub feed_version: FeedVersion,
    pub feed_generated_at: Option<String>,
    /// Where the feed's editors take reports; `None` when the feed names no one.
    pub feed_contact: Option<String>,
}

/// A comune the place picker offers, from the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceSuggestion {
    pub name: String,
    pub province: String,
    pub cap: Option<String>,
    pub point: LatLon,
}

/// Which layer of the offline map a shape belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShapeKind {
    Region,
    Province,
    Comune,
}

/// One boundary of the offline map, as an SVG path in [`project`]ed kilometres.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapShape {
    pub kind: ShapeKind,
    pub name: String,
    pub path: String,
}

/// The whole offline map: boundaries, comuni's names, and the box first shown (the feeds'
/// region).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapLayers {
    pub shapes: Vec<MapShape>,
    #[serde(default)]
    pub labels: Vec<MapLabel>,
    /// `[min_x, min_y, width, height]` in projected kilometres.
    pub home: [f64; 4],
}

/// A comune's name on the map: where it is written, in [`project`]ed kilometres, and how large
/// the comune is (km²): the larger get their names first, and a name is written only once the
/// comune is large enough on screen to hold it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapLabel {
    pub name: String,
    pub x: f64,
    pub y: f64,
    pub area_km2: f64,
}

/// How tall a map label is on screen, in CSS pixels.
pub const MAP_LABEL_PX: f64 = 12.0;

/// The labels to write in the view `[x, y, width, height]` (kilometres) drawn at `px_per_km`:
/// those whose point is in view, whose comune is at least as wide on screen as its name, and
/// that overlap no larger comune's name. Names are measured at 0.6 em a letter, wide enough for
/// the Latin names of the gazetteer.
pub fn labels_that_fit(labels: &[MapLabel], view: [f64; 4], px_per_km: f64) -> Vec<usize> {
    let [vx, vy, vw, vh] = view;
    let mut order: Vec<usize> = (0..labels.len()).collect();
    order.sort_by(|&a, &b| labels[b].area_km2.total_cmp(&labels[a].area_km2));
    let mut placed: Vec<[f64; 4]> = Vec::new();
    let mut shown = Vec::new();
    for i in order {
        let label = &labels[i];
        if !(label.x >= vx && label.x <= vx + vw && label.y >= vy && label.y <= vy + vh) {
            continue;
        }
        let width_px = (label.name.chars().count() as f64 * 0.6 + 0.8) * MAP_LABEL_PX;
        if label.area_km2.sqrt() * px_per_km < width_px {
            continue;
        }
        let (w, h) = (width_px / px_per_km, 1.4 * MAP_LABEL_PX / px_per_km);
        let bounds = [label.x - w / 2.0, label.y - h / 2.0, w, h];
        let overlaps = |b: &[f64; 4]| {
            bounds[0] < b[0] + b[2]
                && b[0] < bounds[0] + bounds[2]
                && bounds[1] < b[1] + b[3]
                && b[1] < bounds[1] + bounds[3]
        };
        if placed.iter().any(overlaps) {
            continue;
        }
        placed.push(bounds);
        shown.push(i);
    }
    shown
}

/// Kilometres per degree of latitude, and the latitude whose scale the map keeps.
const KM_PER_DEGREE: f64 = 111.2;
const MAP_REFERENCE_LAT: f64 = 42.5;

/// The map's projection: equirectangular, true to scale at 42.5° N (the middle of Italy), in
/// kilometres with y growing southwards as SVG's does. Within a region its distortion is far
/// below what a person can see.
pub fn project(p: LatLon) -> (f64, f64) {
    let x = p.lon * KM_PER_DEGREE * MAP_REFERENCE_LAT.to_radians().cos();
    let y = -p.lat * KM_PER_DEGREE;
    (x, y)
}

/// The inverse of [`project`].
pub fn unproject(x: f64, y: f64) -> LatLon {
    LatLon {
        lat: -y / KM_PER_DEGREE,
        lon: x / (KM_PER_DEGREE * MAP_REFERENCE_LAT.to_radians().cos()),
    }
}

/// The link schemes the app opens: a feed's string becomes a link only with one of these.
pub const SAFE_SCHEMES: [&str; 5] = ["https:", "http:", "tel:", "mailto:", "geo:"];

/// `link` when it starts with a scheme the app opens, else `None`.
pub fn safe_link(link: &str) -> Option<&str> {
    let lower = link
        .trim_start()
        .get(..8)
        .unwrap_or(link)
        .to_ascii_lowercase();
    SAFE_SCHEMES
        .iter()
        .any(|s| lower.starts_with(s))
        .then_some(link.trim())
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
    /// What kind of failure the last error was, for a sentence in the person's language.
    #[serde(default)]
    pub last_error_kind: Option<SyncFailure>,
    /// Past `expires_at`: still used, and the person is told the data may be out of date.
    #[serde(default)]
    pub expired: bool,
    /// Services last checked more than [`STALE_AFTER_MONTHS`] ago, or with no date at all.
    #[serde(default)]
    pub stale_services: u64,
    /// The notices of the manifest last applied.
    #[serde(default)]
    pub notices: Vec<FeedNotice>,
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

/// Where the app keeps the directory, the favourites and the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Storage {
    /// On the device: everything stays after the app closes.
    Device,
    /// In memory, for this visit only: the browser gives the web app no private file system
    /// (an old browser, some private windows).
    MemoryUnsupported,
    /// In memory, for this visit only: the app is open in another tab or window of this
    /// browser, which holds the directory's files.
    MemoryInUse,
}

/// What the app did at start because the database on the device could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryNotice {
    /// What was wrong, as the engine words it (shown under "Technical details").
    pub reason: String,
    /// Where the damaged file was kept; `None` if it could not be moved (the app then runs on
    /// a database in memory until the next start).
    pub moved_to: Option<String>,
    /// Whether the person's favourites and settings could be read out of it.
    pub user_data_read: bool,
    /// Where the person's data read out of it was written, if there was any.
    pub saved_to: Option<String>,
    /// How many favourites came back.
    pub favourites: usize,
    /// Whether the settings (language, place, filters) came back.
    pub settings: bool,
}

/// How the sync of one source ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncReport {
    pub source: String,
    pub feed: Option<FeedId>,
    pub version: Option<FeedVersion>,
    /// New data was applied.
    pub changed: bool,
    /// Why nothing changed, when something went wrong: the engine's technical sentence.
    pub error: Option<String>,
    /// What kind of trouble it was, for a sentence in the person's language.
    #[serde(default)]
    pub failure: Option<SyncFailure>,
    /// The feed's host asked not to be asked again for this many seconds (`Retry-After`).
    #[serde(default)]
    pub retry_after_s: Option<u64>,
}

/// The directory written into one file to pass hand to hand (`umbria-v12.bussola`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedDirectory {
    pub file_name: String,
    pub feed: FeedId,
    pub version: FeedVersion,
    /// Where the desktop saved it; `None` when the file is in `bytes`, for the page to save
    /// (the web app).
    pub saved_to: Option<String>,
    /// Bytes, not a list of numbers: in the web app a region's file (tens of MB for a large
    /// feed) crosses from the worker to the page as one Uint8Array.
    #[serde(default, with = "serde_bytes")]
    pub bytes: Vec<u8>,
}

/// How often the app syncs on its own while it is open, when all is well.
pub const SYNC_EVERY: std::time::Duration = std::time::Duration::from_secs(6 * 3600);

/// When the app's schedule syncs next, after `failures` syncs in a row that failed (0: the last
/// one went well). A failed sync is not retried on the spot but later, one minute after the first
/// failure and twice as long after each further one, never later than the usual [`SYNC_EVERY`],
/// and never sooner than a host's `Retry-After`. `jitter` (0 to 1, random) spreads the retries
/// between half and one and a half times the wait, so devices that failed together (a host that
/// was down) do not all come back together.
pub fn next_sync_in(
    failures: u32,
    retry_after: Option<std::time::Duration>,
    jitter: f64,
) -> std::time::Duration {
    if failures == 0 {
        return SYNC_EVERY;
    }
    let doubled = 60u64.saturating_mul(1 << (failures - 1).min(20));
    let backoff = std::time::Duration::from_secs(doubled)
        .mul_f64(0.5 + jitter.clamp(0.0, 1.0))
        .min(SYNC_EVERY);
    backoff.max(retry_after.unwrap_or_default())
}

/// The kinds of sync failure a person can act on differently: each has its own sentence in
/// every language, because "no connection" and "the data was altered" call for different
/// actions (try later, or tell the region). The feed core decides the kind; the detail line
/// under the sentence keeps the technical words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SyncFailure {
    /// The feed could not be reached (no network, server down, an answer that never came).
    Unreachable,
    /// An answer came, but too slowly to finish in its time, and was cut.
    TooSlow,
    /// The manifest's signature does not match: changed after signing, or signed by another.
    BadSignature,
    /// No key this device trusts for the feed could check it (a new feed with no key given, or
    /// a key that tried to replace the pinned one).
    UnknownKey,
    /// An older version than the device holds, or the same version with other contents.
    OlderVersion,
    /// The source now serves another feed than the one it was bound to.
    OtherFeed,
    /// A file does not match the size or sha256 its signed manifest gives: altered or damaged.
    Mismatch,
    /// A file is larger than a feed's file may be.
    TooLarge,
    /// A file is not in the feed's format (not JSON, wrong shape, a path outside the feed).
    Malformed,
    /// The records broke the feed's rules (the report names service and field).
    InvalidRecords,
    /// The device could not store the data.
    Storage,
}

/// One stretch of speech in one language. What "listen" reads is a few of these: the app's
/// own words in the person's language, and a text the feed has only in Italian in Italian, so
/// an Italian address is never read with an Arabic voice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Utterance {
    pub text: String,
    /// One of the app's locale codes (`it`, `ar`, …).
    pub lang: String,
}

/// How fast the voice speaks. Slow is the default: many who listen are learning the language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeechPace {
    #[default]
    Slow,
    Normal,
}

impl SpeechPace {
    /// The setting's value, as the store keeps it.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeechPace::Slow => "slow",
            SpeechPace::Normal => "normal",
        }
    }

    pub fn parse(text: &str) -> Option<SpeechPace> {
        match text {
            "slow" => Some(SpeechPace::Slow),
            "normal" => Some(SpeechPace::Normal),
            _ => None,
        }
    }
}

/// What the UI asks a shell to say, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeechRequest {
    pub parts: Vec<Utterance>,
    pub pace: SpeechPace,
}

/// What a person says is wrong with a service's entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CorrectionField {
    /// The service no longer exists: the news needs no other words.
    ClosedForGood,
    /// It is at another address.
    Moved,
    Hours,
    Phone,
    Email,
    Website,
    Other,
}

impl CorrectionField {
    /// Every field, in the order the form offers them.
    pub const ALL: [CorrectionField; 7] = [
        CorrectionField::ClosedForGood,
        CorrectionField::Moved,
        CorrectionField::Hours,
        CorrectionField::Phone,
        CorrectionField::Email,
        CorrectionField::Website,
        CorrectionField::Other,
    ];

    /// The field's name as the store keeps it and the packet spells it (`serde`'s snake case);
    /// the UI's message is `correction-field-<code>`.
    pub fn code(self) -> &'static str {
        match self {
            CorrectionField::ClosedForGood => "closed_for_good",
            CorrectionField::Moved => "moved",
            CorrectionField::Hours => "hours",
            CorrectionField::Phone => "phone",
            CorrectionField::Email => "email",
            CorrectionField::Website => "website",
            CorrectionField::Other => "other",
        }
    }

    pub fn parse(code: &str) -> Option<CorrectionField> {
        CorrectionField::ALL.into_iter().find(|f| f.code() == code)
    }

    /// Whether a correction of this field says enough with neither a right value nor a note:
    /// "closed for good" does; "the phone is wrong" leaves the editors nothing to check.
    pub fn says_enough_alone(self) -> bool {
        self == CorrectionField::ClosedForGood
    }
}

/// The most characters a correction's right value or note keeps; longer texts are cut.
pub const CORRECTION_TEXT_MAX_CHARS: usize = 1000;

/// A correction as the UI sends it from a service's page: the engine adds what the entry said,
/// the data's version and the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCorrection {
    pub feed: FeedId,
    pub service: ServiceId,
    pub field: CorrectionField,
    /// The right value, as the person knows it.
    #[serde(default)]
    pub proposed: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A correction the person made, kept on the device with their own data (never synced, gone
/// with "Clear my data") until they send it or remove it. Named apart from [`Correction`], a
/// search's reading of a mistyped word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceCorrection {
    pub id: i64,
    pub feed: FeedId,
    pub service: ServiceId,
    /// The service's Italian name when the correction was made, so the list (and the editors)
    /// can name it even after the feed dropped it.
    pub service_name: String,
    pub field: CorrectionField,
    /// What the data said when the correction was made; `None` when the field has no single
    /// value (closed for good, other) or the entry gave none.
    pub current: Option<String>,
    pub proposed: Option<String>,
    pub note: Option<String>,
    /// The version of the feed's data the correction is about.
    pub data_version: FeedVersion,
    /// The day it was made, `YYYY-MM-DD` (Europe/Rome).
    pub created: String,
    /// Where the feed's editors take reports; `None` when the feed names no one (the person
    /// can still save the correction as a file).
    #[serde(default)]
    pub feed_contact: Option<String>,
}

impl ServiceCorrection {
    /// The correction as it travels to the feed's editors.
    pub fn packet(&self) -> CorrectionPacket {
        CorrectionPacket {
            kind: CORRECTION_PACKET_KIND.to_owned(),
            format: CORRECTION_PACKET_FORMAT,
            feed: self.feed.0.clone(),
            service: self.service.0.clone(),
            service_name: self.service_name.clone(),
            field: self.field,
            old: self.current.clone(),
            proposed: self.proposed.clone(),
            note: self.note.clone(),
            data_version: self.data_version.0,
            date: self.created.clone(),
        }
    }
}

/// What every correction packet says it is.
pub const CORRECTION_PACKET_KIND: &str = "bussola-correction";
/// The packet format this app writes and reads; a reader refuses another rather than guess.
pub const CORRECTION_PACKET_FORMAT: u32 = 1;
/// The lines that enclose a packet in a mail's body.
pub const CORRECTION_BLOCK_BEGIN: &str = "-----BEGIN BUSSOLA CORRECTION-----";
pub const CORRECTION_BLOCK_END: &str = "-----END BUSSOLA CORRECTION-----";

/// A correction in the machine-readable form the feed's editors receive, by mail (inside a
/// [`block`](CorrectionPacket::block)) or as a `.json` file, and read with
/// [`read_correction_packets`]. Plain strings and numbers, so any tool can read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionPacket {
    /// Always [`CORRECTION_PACKET_KIND`].
    pub kind: String,
    /// [`CORRECTION_PACKET_FORMAT`].
    pub format: u32,
    pub feed: String,
    pub service: String,
    pub service_name: String,
    pub field: CorrectionField,
    /// What the data said.
    pub old: Option<String>,
    pub proposed: Option<String>,
    pub note: Option<String>,
    /// The version of the feed's data the person saw.
    pub data_version: u64,
    /// `YYYY-MM-DD`.
    pub date: String,
}

impl CorrectionPacket {
    /// The packet as a mail's body carries it: the begin line, the packet as JSON with one
    /// field a line (short lines, which mail clients leave alone; a line break in a text is
    /// written `\n`), the end line.
    pub fn block(&self) -> String {
        let json = serde_json::to_string_pretty(self).expect("a packet is plain strings");
        format!("{CORRECTION_BLOCK_BEGIN}\n{json}\n{CORRECTION_BLOCK_END}\n")
    }
}

/// Every correction packet in `text`: each block of a mail's body (quoted with `> ` or not,
/// lines ending in CRLF or LF, any text around them), or, when the text holds no block, the
/// text itself as one packet or a list of packets in JSON (the `.json` file). A block or item
/// that cannot be read is an `Err` saying which one and why, and the others are still read.
pub fn read_correction_packets(text: &str) -> Vec<Result<CorrectionPacket, String>> {
    let blocks = correction_blocks(text);
    if !blocks.is_empty() {
        return blocks
            .into_iter()
            .enumerate()
            .map(|(index, block)| {
                let label = format!("correction block {}", index + 1);
                block
                    .and_then(|lines| packet_from_lines(&lines))
                    .map_err(|e| format!("{label}: {e}"))
            })
            .collect();
    }
    let json = text.trim_start_matches('\u{feff}').trim();
    if !(json.starts_with('{') || json.starts_with('[')) {
        return Vec::new();
    }
    match serde_json::from_str::<serde_json::Value>(json) {
        Ok(serde_json::Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .map(|(index, item)| {
                packet_from_value(item).map_err(|e| format!("item {} of the list: {e}", index + 1))
            })
            .collect(),
        Ok(value) => vec![packet_from_value(value).map_err(|e| format!("the packet: {e}"))],
        Err(e) => vec![Err(format!("the text is not JSON: {e}"))],
    }
}

/// The lines between each begin and end line, with mail quoting taken off; a block whose end
/// line never comes is an `Err`.
fn correction_blocks(text: &str) -> Vec<Result<Vec<&str>, String>> {
    let mut blocks = Vec::new();
    let mut open: Option<Vec<&str>> = None;
    for line in text.lines().map(unquoted) {
        match line.trim() {
            CORRECTION_BLOCK_BEGIN => {
                if open.replace(Vec::new()).is_some() {
                    blocks.push(Err("a new block begins before its end line".to_owned()));
                }
            }
            CORRECTION_BLOCK_END => {
                if let Some(lines) = open.take() {
                    blocks.push(Ok(lines));
                }
            }
            _ => {
                if let Some(lines) = open.as_mut() {
                    lines.push(line);
                }
            }
        }
    }
    if open.is_some() {
        blocks.push(Err(format!(
            "its end line {CORRECTION_BLOCK_END} is missing"
        )));
    }
    blocks
}

/// A mail line without its quoting (`> `, `>> `, `> > `) and its CR.
fn unquoted(line: &str) -> &str {
    let mut line = line.trim_end_matches('\r');
    while let Some(rest) = line.trim_start_matches(' ').strip_prefix('>') {
        line = rest.strip_prefix(' ').unwrap_or(rest);
    }
    line
}

fn packet_from_lines(lines: &[&str]) -> Result<CorrectionPacket, String> {
    match serde_json::from_str(&lines.join("\n")) {
        Ok(value) => packet_from_value(value),
        // A mail client that wrapped a long line broke a string in two at a space: between
        // JSON's tokens a space reads as the line break did, inside a string it puts the space
        // back (a line the client ended with its space, as format=flowed does, is joined as is).
        Err(first) => {
            let mut joined = String::new();
            for line in lines {
                if !(joined.is_empty() || joined.ends_with(' ')) {
                    joined.push(' ');
                }
                joined.push_str(line);
            }
            serde_json::from_str(&joined)
                .map_err(|_| format!("not JSON: {first}"))
                .and_then(packet_from_value)
        }
    }
}

/// The packet in `value`, once it says it is one of a format this reader knows.
fn packet_from_value(value: serde_json::Value) -> Result<CorrectionPacket, String> {
    match value.get("kind").and_then(|k| k.as_str()) {
        Some(CORRECTION_PACKET_KIND) => {}
        Some(other) => {
            return Err(format!(
                "its kind is \"{other}\", not \"{CORRECTION_PACKET_KIND}\""
            ));
        }
        None => return Err(format!("it has no kind \"{CORRECTION_PACKET_KIND}\"")),
    }
    match value.get("format").and_then(|f| f.as_u64()) {
        Some(format) if format == u64::from(CORRECTION_PACKET_FORMAT) => {}
        Some(format) => {
            return Err(format!(
                "its format {format} is unknown (this reader knows format \
                 {CORRECTION_PACKET_FORMAT}): read it with a newer Bussola"
            ));
        }
        None => return Err("it has no format number".to_owned()),
    }
    serde_json::from_value(value).map_err(|e| format!("not a correction: {e}"))
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
    fn label(name: &str, x: f64, y: f64, area_km2: f64) -> MapLabel {
        MapLabel {
            name: name.into(),
            x,
            y,
            area_km2,
        }
    }

    #[test]
    fn map_labels_are_written_where_they_fit_and_never_over_each_other() {
        let labels = [
            label("Perugia", 0.0, 0.0, 450.0),
            label("Corciano", 3.0, 0.0, 64.0),
            label("Torgiano", 0.0, 30.0, 60.0),
            label("Far", 500.0, 0.0, 1000.0),
        ];
        let view = [-50.0, -50.0, 100.0, 100.0];
        // Zoomed out (2 px/km): Perugia's 21 km are 42 px, less than its 60 px name.
        assert_eq!(labels_that_fit(&labels, view, 2.0), Vec::<usize>::new());
        // 4 px/km: Perugia fits; Corciano (8 km: 32 px) does not yet; Far is out of view.
        assert_eq!(labels_that_fit(&labels, view, 4.0), [0]);
        // 10 px/km: Corciano is wide enough, but 3 km from Perugia its name would overlap:
        // the larger comune keeps its name; Torgiano, 30 km away, gets its own.
        assert_eq!(labels_that_fit(&labels, view, 10.0), [0, 2]);
        // 40 px/km: 3 km are 120 px, room for both names side by side.
        assert_eq!(labels_that_fit(&labels, view, 40.0), [0, 1, 2]);
    }
    use super::*;

    fn correction() -> ServiceCorrection {
        ServiceCorrection {
            id: 7,
            feed: FeedId("umbria".into()),
            service: ServiceId("cpia-terni".into()),
            service_name: "CPIA Terni".into(),
            field: CorrectionField::Phone,
            current: Some("0744 123456".into()),
            proposed: Some("0744 654321".into()),
            note: Some("Risponde solo la mattina.\n\"Chiedere di Anna\"".into()),
            data_version: FeedVersion(12),
            created: "2026-11-30".into(),
            feed_contact: Some("redazione@example.org".into()),
        }
    }

    #[test]
    fn correction_fields_are_named_as_serde_spells_them() {
        for field in CorrectionField::ALL {
            let json = serde_json::to_value(field).unwrap();
            assert_eq!(json.as_str(), Some(field.code()));
            assert_eq!(CorrectionField::parse(field.code()), Some(field));
        }
        assert_eq!(CorrectionField::parse("opening_hours"), None);
    }

    #[test]
    fn a_correction_block_reads_back_as_the_packet_it_was_written_from() {
        let packet = correction().packet();
        let block = packet.block();
        let lines: Vec<&str> = block.lines().collect();
        assert_eq!(lines.first(), Some(&CORRECTION_BLOCK_BEGIN));
        assert_eq!(lines.last(), Some(&CORRECTION_BLOCK_END));
        assert!(lines.contains(&r#"  "field": "phone","#), "{block}");
        assert!(lines.contains(&r#"  "data_version": 12,"#), "{block}");
        assert_eq!(read_correction_packets(&block), [Ok(packet)]);
    }

    #[test]
    fn blocks_are_found_in_a_quoted_mail_with_crlf_and_text_around_them() {
        let first = correction().packet();
        let second = CorrectionPacket {
            field: CorrectionField::ClosedForGood,
            old: None,
            proposed: None,
            note: None,
            ..correction().packet()
        };
        let quote =
            |block: String| -> String { block.lines().map(|l| format!("> {l}\r\n")).collect() };
        let mail = format!(
            "Buongiorno,\r\nvi inoltro due correzioni.\r\n\r\nIl 30/11 Anna ha scritto:\r\n{}\
             > \r\n> e anche:\r\n{}\r\nCordiali saluti\r\n",
            quote(first.block()),
            quote(second.block())
        );
        assert_eq!(read_correction_packets(&mail), [Ok(first), Ok(second)]);
    }

    #[test]
    fn a_block_whose_long_line_a_mail_client_wrapped_still_reads() {
        let packet = CorrectionPacket {
            note: Some("una nota lunga ".repeat(10).trim().to_owned()),
            ..correction().packet()
        };
        let wrapped = packet
            .block()
            .replacen("lunga una nota", "lunga\r\nuna nota", 1);
        assert_eq!(read_correction_packets(&wrapped), [Ok(packet)]);
    }

    #[test]
    fn a_json_file_holds_one_packet_or_a_list_of_them() {
        let one = correction().packet();
        let other = CorrectionPacket {
            service: "questura-perugia".into(),
            ..one.clone()
        };
        let list = serde_json::to_string_pretty(&[&one, &other]).unwrap();
        assert_eq!(
            read_correction_packets(&format!("\u{feff}{list}\n")),
            [Ok(one.clone()), Ok(other)]
        );
        let single = serde_json::to_string(&one).unwrap();
        assert_eq!(read_correction_packets(&single), [Ok(one)]);
        assert_eq!(read_correction_packets("Nothing to see here."), []);
    }

    #[test]
    fn a_broken_block_is_reported_and_the_others_still_read() {
        let good = correction().packet();
        let broken = good
            .block()
            .replace(r#""data_version": 12,"#, r#""data_version": 12"#);
        let unterminated = good.block().replace(CORRECTION_BLOCK_END, "");
        let mail = format!("{broken}\n{}\n{unterminated}", good.block());
        let read = read_correction_packets(&mail);
        assert_eq!(read.len(), 3);
        let error = read[0].as_ref().unwrap_err();
        assert!(error.starts_with("correction block 1: not JSON"), "{error}");
        assert_eq!(read[1], Ok(good));
        let error = read[2].as_ref().unwrap_err();
        assert!(error.starts_with("correction block 3:"), "{error}");
        assert!(error.contains("end line"), "{error}");
    }

    #[test]
    fn a_packet_of_another_kind_or_an_unknown_format_is_refused() {
        let mut value = serde_json::to_value(correction().packet()).unwrap();
        value["kind"] = "bussola-favourite".into();
        let read = read_correction_packets(&value.to_string());
        let error = read[0].as_ref().unwrap_err();
        assert!(error.contains("\"bussola-favourite\""), "{error}");

        let mut value = serde_json::to_value(correction().packet()).unwrap();
        value["format"] = 2.into();
        let read = read_correction_packets(&format!("[{value}]"));
        let error = read[0].as_ref().unwrap_err();
        assert!(
            error.starts_with("item 1 of the list: its format 2 is unknown"),
            "{error}"
        );

        let mut value = serde_json::to_value(correction().packet()).unwrap();
        value["field"] = "mood".into();
        let error = read_correction_packets(&value.to_string())
            .remove(0)
            .unwrap_err();
        assert!(error.contains("mood"), "{error}");
    }

    #[test]
    fn weekdays_are_counted_from_monday() {
        assert_eq!(weekday_of("2026-11-30"), Some(0));
        assert_eq!(weekday_of("2026-12-06"), Some(6));
        assert_eq!(weekday_of("2024-02-29"), Some(3));
        assert_eq!(weekday_of("2000-01-01"), Some(5));
        assert_eq!(weekday_of("2026-13-01"), None);
    }

    #[test]
    fn data_older_than_a_year_or_undated_is_stale() {
        assert_eq!(data_age(Some("2026-01-15"), "2026-11-30"), DataAge::Recent);
        assert_eq!(
            data_age(Some("2025-11-30"), "2026-11-30"),
            DataAge::YearsOld(1)
        );
        assert_eq!(data_age(Some("2025-12-01"), "2026-11-30"), DataAge::Recent);
        assert_eq!(
            data_age(Some("2020-01-01"), "2026-11-30"),
            DataAge::YearsOld(6)
        );
        assert_eq!(data_age(None, "2026-11-30"), DataAge::Undated);
        assert_eq!(data_age(Some("soon"), "2026-11-30"), DataAge::Undated);
        assert!(!DataAge::Recent.is_stale() && DataAge::Undated.is_stale());
        assert_eq!(stale_before("2026-11-30").as_deref(), Some("2025-11-30"));
        assert_eq!(
            data_age(Some("2025-03-01T10:00Z"), "2026-11-30"),
            DataAge::Undated
        );
        assert_eq!(data_age(Some("2025-13-01"), "2026-11-30"), DataAge::Undated);
        assert_eq!(valid_date("2024-02-29"), Some("2024-02-29"));
        assert_eq!(valid_date("2024/02/29"), None);
    }

    #[test]
    fn failed_syncs_are_retried_later_and_later_but_never_later_than_usual() {
        use std::time::Duration;
        let minutes = |failures, jitter| next_sync_in(failures, None, jitter).as_secs() / 60;
        assert_eq!(next_sync_in(0, None, 0.5), SYNC_EVERY);
        assert_eq!(
            [minutes(1, 0.5), minutes(2, 0.5), minutes(3, 0.5)],
            [1, 2, 4]
        );
        assert_eq!((minutes(3, 0.0), minutes(3, 1.0)), (2, 6));
        assert_eq!(next_sync_in(40, None, 1.0), SYNC_EVERY);
        let asked = Duration::from_secs(3600);
        assert_eq!(next_sync_in(1, Some(asked), 0.5), asked);
    }

    #[test]
    fn only_safe_schemes_become_links() {
        assert_eq!(safe_link("https://x.it"), Some("https://x.it"));
        assert_eq!(safe_link("TEL:+39075"), Some("TEL:+39075"));
        assert_eq!(safe_link("geo:43.1,12.4"), Some("geo:43.1,12.4"));
        assert_eq!(safe_link("javascript:alert(1)"), None);
        assert_eq!(safe_link(" data:text/html,x"), None);
        assert_eq!(safe_link("ftp"), None);
    }

    #[test]
    fn an_address_reads_on_one_line_and_a_day_lists_its_times() {
        let place = LocationDetail {
            name: None,
            street: Some("Via Mazzini 9".into()),
            postal_code: Some("06121".into()),
            city: Some("Perugia".into()),
            province: Some("PG".into()),
            point: None,
            precision: None,
            approximate: true,
            hours: None,
            accessibility: Vec::new(),
        };
        assert_eq!(
            place.address_line(true).as_deref(),
            Some("Via Mazzini 9, 06121 Perugia (PG)")
        );
        assert_eq!(
            place.address_line(false).as_deref(),
            Some("Via Mazzini 9, 06121 Perugia")
        );
        let nowhere = LocationDetail {
            street: None,
            postal_code: None,
            city: None,
            province: None,
            ..place
        };
        assert_eq!(nowhere.address_line(true), None);
        let day = DayHours {
            date: "2026-11-23".into(),
            weekday: 0,
            today: false,
            holiday: false,
            open: vec![
                ("09:00".into(), "12:00".into()),
                ("15:00".into(), "17:00".into()),
            ],
            uncertain: false,
        };
        assert_eq!(day.times(), "09:00–12:00, 15:00–17:00");
    }

    #[test]
    fn the_projection_goes_back_where_it_came_from() {
        let perugia = LatLon {
            lat: 43.11,
            lon: 12.39,
        };
        let (x, y) = project(perugia);
        let back = unproject(x, y);
        assert!((back.lat - perugia.lat).abs() < 1e-9 && (back.lon - perugia.lon).abs() < 1e-9);
        // Terni is about 67 km south-south-east of Perugia: the map keeps kilometres.
        let (tx, ty) = project(LatLon {
            lat: 42.56,
            lon: 12.64,
        });
        let km = ((tx - x).powi(2) + (ty - y).powi(2)).sqrt();
        assert!((60.0..70.0).contains(&km), "{km}");
    }

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
