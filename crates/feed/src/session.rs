//! A sync as a plain state machine: it says which file to fetch next, takes the bytes back, and
//! ends in a [`Plan`] every check has passed, or in a [`FeedError`] whose kind says what
//! happened. It does no I/O and reads no clock, so the desktop (blocking HTTP, a folder, the
//! files built into the app) and the web app (`fetch`) drive the same rules, and the rules are
//! tested with no server at all.
//!
//! The order is the whole of the trust model (DESIGN.md, "Sync"):
//! 1. the manifest, capped, parsed only to learn which feed it claims to be;
//! 2. its signature, against the keys pinned for that feed (or, for a feed new to the device,
//!    the keys given for this sync, else the configured ones);
//! 3. the source is still serving the feed it served before, and the version is not older
//!    than the one applied (an equal version must be the very same manifest);
//! 4. the delta from the applied version if the manifest offers one, else the snapshot: its size
//!    and sha256 against the signed manifest before anything parses it, then its feed and
//!    version, then every record ([`crate::records`]).
//!
//! The store applies the plan in one transaction and checks once more, inside it, that nothing
//! newer was applied meanwhile.

use crate::contract::{
    DeltaRef, FILE_CAP, FileRef, MANIFEST, MANIFEST_CAP, Manifest, SIGNATURE, SIGNATURE_CAP,
    is_past, sha256_hex,
};
use crate::error::{FeedError, Kind, Result};
use crate::keys::{self, FeedKey};
use crate::records::{self, Problem, Records};
use chrono::{DateTime, Utc};

/// What the device holds of one feed.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    pub feed: String,
    pub version: u64,
    /// The sha256 of the manifest that brought this version (none for old imports).
    pub manifest_sha256: Option<String>,
    pub pinned: Vec<FeedKey>,
}

/// What the device knows before a sync of one source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Device {
    /// The feed this source delivered before, and the ETag of its last manifest.
    pub bound_feed: Option<String>,
    pub etag: Option<String>,
    /// Every feed on the device (a handful at most).
    pub held: Vec<Held>,
}

/// The keys this sync may trust for a feed new to the device.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trust {
    /// Given for this sync (`--pubkey`, `BUSSOLA_FEED_PUBKEY`): pinned only if it signed.
    pub given: Vec<FeedKey>,
    /// From the app's configuration, per feed: the region's key and its backup, pinned together.
    pub configured: Vec<(String, Vec<FeedKey>)>,
}

/// Which file a [`Request`] is for, so a driver can show progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    Manifest,
    Signature,
    Snapshot,
    Delta,
}

/// The next file to fetch: its path under the feed's base, at most `cap` bytes (a driver stops
/// reading past it and answers [`Kind::TooLarge`]), and the ETag to ask with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub path: String,
    pub cap: u64,
    pub etag: Option<String>,
    pub wanted: Wanted,
    /// The size the manifest announces, for progress (files it names only).
    pub bytes: Option<u64>,
}

/// How long a request for one file may go unanswered, whatever the transport.
pub const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);
/// How long a whole sync may take, every file's request included (before [`Request::allowance`]).
pub const SYNC_DEADLINE: std::time::Duration = std::time::Duration::from_secs(90);
/// The slowest download a file may come at: about a 2G line's (128 kbit/s).
pub const MIN_BYTES_PER_SECOND: u64 = 16 * 1024;

impl Request {
    /// The time this file may take beyond [`REQUEST_TIMEOUT`] and [`SYNC_DEADLINE`]: a file the
    /// signed manifest names gets its size at [`MIN_BYTES_PER_SECOND`], so a large snapshot
    /// still arrives over a slow phone line, and a body slower than that is cut.
    pub fn allowance(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.bytes.unwrap_or(0) / MIN_BYTES_PER_SECOND)
    }

    /// A driver's failure to fetch this request, in the session's words: a file the signed
    /// manifest names that comes larger than the size it signs was altered or damaged on the
    /// way, and is said so (a manifest or signature over its cap is only too large).
    pub fn refine(&self, error: FeedError) -> FeedError {
        match (self.wanted, self.bytes, error.kind) {
            (Wanted::Snapshot | Wanted::Delta, Some(bytes), Kind::TooLarge) => FeedError::new(
                Kind::Mismatch,
                format!(
                    "{} is larger than the {bytes} bytes the signed manifest says: it was \
                     changed or damaged",
                    self.path
                ),
            ),
            _ => error,
        }
    }
}

/// What a driver got for a [`Request`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Unchanged since the ETag asked with (HTTP 304).
    NotModified,
    Body {
        bytes: Vec<u8>,
        etag: Option<String>,
    },
}

/// A manifest whose signature verified, with what the device records of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Verified {
    pub manifest: Manifest,
    pub manifest_sha256: String,
    pub etag: Option<String>,
    /// The keys to pin for the feed if it has none pinned yet.
    pub pin: Vec<FeedKey>,
    /// The key that signed the manifest: the store checks again, inside its transaction, that
    /// it is among the feed's pinned keys (another sync may have pinned others meanwhile).
    pub signed_by: FeedKey,
    /// Past its `expires_at`: applied all the same, and the person is told.
    pub expired: bool,
}

/// How a sync ends when every check passed: what the store is to do.
#[derive(Debug)]
pub enum Plan {
    /// The manifest has not changed since the ETag (HTTP 304): only the check is noted.
    NotModified { feed: String, version: u64 },
    /// The very manifest of the version held: the check, the ETag and any missing pin noted.
    UpToDate(Verified),
    /// Replace the feed's services with these.
    Snapshot {
        verified: Verified,
        records: Records,
    },
    /// From version `from`, the one held: delete these ids, then upsert these records.
    Delta {
        verified: Verified,
        from: u64,
        records: Records,
        deletes: Vec<String>,
    },
}

/// A step of a session: fetch this, or the plan.
// A sync takes three steps at most: boxing the plan would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Step {
    Fetch(Request),
    Done(Plan),
}

/// One sync of one source, from the device's state and `now` to a plan.
#[derive(Debug)]
pub struct Session {
    device: Device,
    trust: Trust,
    now: DateTime<Utc>,
    stage: Stage,
}

#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
enum Stage {
    Manifest,
    Signature {
        manifest: Vec<u8>,
        etag: Option<String>,
    },
    File {
        verified: Verified,
        file: FileTo,
    },
    Over,
}

/// The file a verified manifest sent for.
#[derive(Debug, Clone)]
enum FileTo {
    Snapshot(FileRef),
    Delta(DeltaRef),
}

impl Session {
    /// A session and its first request, the manifest (with the ETag the source gave last).
    pub fn start(device: Device, trust: Trust, now: DateTime<Utc>) -> (Session, Request) {
        let request = Request {
            path: MANIFEST.to_owned(),
            cap: MANIFEST_CAP,
            etag: device.bound_feed.as_ref().and(device.etag.clone()),
            wanted: Wanted::Manifest,
            bytes: None,
        };
        let session = Session {
            device,
            trust,
            now,
            stage: Stage::Manifest,
        };
        (session, request)
    }

    /// Takes the answer to the last request; says what to fetch next, or how the sync ends.
    /// After an error or a plan the session is over and refuses further answers.
    pub fn answer(&mut self, answer: Answer) -> Result<Step> {
        match std::mem::replace(&mut self.stage, Stage::Over) {
            Stage::Manifest => self.on_manifest(answer),
            Stage::Signature { manifest, etag } => {
                let signature = body(answer, SIGNATURE)?;
                self.on_signature(manifest, etag, &signature)
            }
            Stage::File { verified, file } => self.on_file(verified, file, answer),
            Stage::Over => Err(FeedError::malformed(
                "the sync is over; no answer is expected",
            )),
        }
    }

    fn on_manifest(&mut self, answer: Answer) -> Result<Step> {
        let (manifest, etag) = match answer {
            Answer::NotModified => {
                let held = self
                    .device
                    .bound_feed
                    .as_ref()
                    .and_then(|bound| self.device.held.iter().find(|h| h.feed == *bound));
                return match held {
                    Some(held) if self.device.etag.is_some() => Ok(Step::Done(Plan::NotModified {
                        feed: held.feed.clone(),
                        version: held.version,
                    })),
                    _ => Err(FeedError::malformed(
                        "the manifest answered \"not modified\" to a question never asked",
                    )),
                };
            }
            Answer::Body { bytes, etag } => (bytes, etag),
        };
        self.stage = Stage::Signature { manifest, etag };
        Ok(Step::Fetch(Request {
            path: SIGNATURE.to_owned(),
            cap: SIGNATURE_CAP,
            etag: None,
            wanted: Wanted::Signature,
            bytes: None,
        }))
    }

    fn on_signature(
        &mut self,
        bytes: Vec<u8>,
        etag: Option<String>,
        signature: &[u8],
    ) -> Result<Step> {
        let signature = std::str::from_utf8(signature)
            .map_err(|_| FeedError::new(Kind::BadSignature, "the signature file is not text"))?;
        // The feed the manifest claims to be, read only to choose the keys: the signature then
        // proves it.
        let manifest = parse_manifest(&bytes)?;
        if let Some(bound) = &self.device.bound_feed
            && *bound != manifest.feed
        {
            return Err(FeedError::new(
                Kind::OtherFeed,
                format!(
                    "this source delivered the feed \"{bound}\" before and now says \"{}\"; \
                     refused",
                    manifest.feed
                ),
            ));
        }
        let held = self.device.held.iter().find(|h| h.feed == manifest.feed);
        let (keys, pin_all) = self.trusted_keys(&manifest.feed, held)?;
        let signed_by = keys::verify(&bytes, signature, &keys)?;
        let pin = match pin_all {
            true => keys.clone(),
            false => vec![keys[signed_by].clone()],
        };
        let verified = Verified {
            manifest_sha256: sha256_hex(&bytes),
            expired: is_past(manifest.expires_at.as_deref(), self.now),
            signed_by: keys[signed_by].clone(),
            manifest,
            etag,
            pin,
        };
        let m = &verified.manifest;
        if let Some(held) = held {
            if m.version < held.version {
                return Err(FeedError::new(
                    Kind::OlderVersion,
                    format!(
                        "the source offers version {} of {}, older than version {} on this \
                         device; refused",
                        m.version, m.feed, held.version
                    ),
                ));
            }
            if m.version == held.version {
                let same = held
                    .manifest_sha256
                    .as_ref()
                    .is_none_or(|sha| *sha == verified.manifest_sha256);
                return match same {
                    true => Ok(Step::Done(Plan::UpToDate(verified))),
                    false => Err(FeedError::new(
                        Kind::OlderVersion,
                        format!(
                            "version {} of {} was published twice with different contents; \
                             refused",
                            m.version, m.feed
                        ),
                    )),
                };
            }
        }
        let delta = held.and_then(|h| m.deltas.iter().find(|d| d.from == h.version));
        let (file, file_ref, wanted) = match delta {
            Some(delta) => (FileTo::Delta(delta.clone()), &delta.file, Wanted::Delta),
            None => (
                FileTo::Snapshot(m.snapshot.clone()),
                &m.snapshot,
                Wanted::Snapshot,
            ),
        };
        let request = file_request(file_ref, wanted)?;
        self.stage = Stage::File { verified, file };
        Ok(Step::Fetch(request))
    }

    /// The keys a feed's manifest must be signed by, and whether all of them are pinned once it
    /// verifies. A given key never replaces pinned ones: a key cannot take over a feed another
    /// key has been signing.
    fn trusted_keys(&self, feed: &str, held: Option<&Held>) -> Result<(Vec<FeedKey>, bool)> {
        let given = &self.trust.given;
        if let Some(pinned) = held.map(|h| &h.pinned).filter(|p| !p.is_empty()) {
            if !given.is_empty() && !given.iter().any(|k| pinned.contains(k)) {
                return Err(FeedError::new(
                    Kind::UnknownKey,
                    format!(
                        "the feed \"{feed}\" on this device is signed by another key; a \
                         different key cannot replace its data"
                    ),
                ));
            }
            return Ok((pinned.clone(), false));
        }
        if !given.is_empty() {
            return Ok((given.clone(), false));
        }
        let configured: Vec<FeedKey> = self
            .trust
            .configured
            .iter()
            .filter(|(id, _)| id == feed)
            .flat_map(|(_, keys)| keys.iter().cloned())
            .collect();
        if configured.is_empty() {
            return Err(FeedError::new(
                Kind::UnknownKey,
                format!(
                    "the feed \"{feed}\" is new to this device: give its public key once with \
                     --pubkey"
                ),
            ));
        }
        Ok((configured, true))
    }

    fn on_file(&mut self, verified: Verified, file: FileTo, answer: Answer) -> Result<Step> {
        let plan = match file {
            FileTo::Snapshot(file) => {
                let bytes = checked_body(&file, answer)?;
                let records = check_snapshot(&verified.manifest, &bytes)?;
                Plan::Snapshot { verified, records }
            }
            FileTo::Delta(delta) => {
                let bytes = checked_body(&delta.file, answer)?;
                let (from, deletes, records) = check_delta(&verified.manifest, &delta, &bytes)?;
                Plan::Delta {
                    verified,
                    from,
                    records,
                    deletes,
                }
            }
        };
        Ok(Step::Done(plan))
    }
}

/// The body of an answer that must have one.
fn body(answer: Answer, path: &str) -> Result<Vec<u8>> {
    match answer {
        Answer::Body { bytes, .. } => Ok(bytes),
        Answer::NotModified => Err(FeedError::malformed(format!(
            "{path} answered \"not modified\" to a question never asked"
        ))),
    }
}

/// The request for a file a verified manifest names: a plain path inside the feed's folder,
/// capped at the size the manifest signs for.
pub fn file_request(file: &FileRef, wanted: Wanted) -> Result<Request> {
    let path = file.checked_path().map_err(FeedError::malformed)?;
    if file.bytes > FILE_CAP {
        return Err(FeedError::new(
            Kind::TooLarge,
            format!(
                "the manifest names {path} of {} bytes; a feed's file may have at most {FILE_CAP}",
                file.bytes
            ),
        ));
    }
    Ok(Request {
        path: path.to_owned(),
        cap: file.bytes,
        etag: None,
        wanted,
        bytes: Some(file.bytes),
    })
}

/// A file's bytes, once their size and sha256 agree with the signed manifest: before anything
/// parses them.
pub fn checked_body(file: &FileRef, answer: Answer) -> Result<Vec<u8>> {
    let bytes = body(answer, &file.url)?;
    let path = &file.url;
    if bytes.len() as u64 != file.bytes {
        return Err(FeedError::new(
            Kind::Mismatch,
            format!(
                "{path} is {} bytes, the signed manifest says {}: the download was cut short or \
                 the file changed",
                bytes.len(),
                file.bytes
            ),
        ));
    }
    if !sha256_hex(&bytes).eq_ignore_ascii_case(&file.sha256) {
        return Err(FeedError::new(
            Kind::Mismatch,
            format!(
                "{path} does not match the sha256 in the signed manifest: it was changed or \
                 damaged"
            ),
        ));
    }
    Ok(bytes)
}

/// Parses a manifest's bytes. Parsing proves nothing: only [`keys::verify`] over the same bytes
/// does.
pub fn parse_manifest(bytes: &[u8]) -> Result<Manifest> {
    let manifest: Manifest = serde_json::from_slice(bytes)
        .map_err(|e| FeedError::malformed(format!("{MANIFEST}: {e}")))?;
    let id = &manifest.feed;
    let plain_id = !id.is_empty()
        && id.len() <= 100
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !plain_id {
        return Err(FeedError::malformed(format!(
            "{MANIFEST}: the feed id must be 1 to 100 characters of a-z, 0-9 and -"
        )));
    }
    check_notices(&manifest.notices)?;
    // An expiry that cannot be read must not silently mean "never expires".
    if let Some(expires) = &manifest.expires_at
        && chrono::DateTime::parse_from_rfc3339(expires).is_err()
    {
        return Err(FeedError::malformed(format!(
            "{MANIFEST}: expires_at \"{}\" is not an RFC 3339 date",
            expires.chars().take(40).collect::<String>()
        )));
    }
    Ok(manifest)
}

/// The most notices a manifest may carry: a banner per notice is all a person will read.
pub const MAX_NOTICES: usize = 20;

/// A manifest's notices are what a person will read first: each has a plain id of its own, an
/// Italian text, texts that are plain and short, and a real last day if any. Anything else
/// refuses the manifest, as a bad record refuses its file.
pub fn check_notices(notices: &[bussola_model::FeedNotice]) -> Result<()> {
    let refuse = |problem: String| Err(FeedError::malformed(format!("{MANIFEST}: {problem}")));
    if notices.len() > MAX_NOTICES {
        return refuse(format!("{} notices; at most {MAX_NOTICES}", notices.len()));
    }
    let mut seen = std::collections::HashSet::new();
    for notice in notices {
        let id = &notice.id;
        if id.len() > 100 || !crate::records::is_code(id) {
            return refuse("a notice's id must be 1 to 100 characters of a-z, 0-9 and -".into());
        }
        if !seen.insert(id) {
            return refuse(format!("notice \"{id}\" is given twice"));
        }
        if !notice.text.contains_key("it") {
            return refuse(format!("notice \"{id}\" has no Italian text"));
        }
        for (lang, text) in &notice.text {
            if !crate::records::is_code(lang) || lang.len() > 12 {
                return refuse(format!(
                    "notice \"{id}\": \"{lang}\" is not a language code"
                ));
            }
            let problem = match text.trim().is_empty() {
                true => Some("is empty".to_owned()),
                false => crate::records::text_problem(text),
            };
            if let Some(problem) = problem {
                return refuse(format!("notice \"{id}\", text {lang}: {problem}"));
            }
        }
        if let Some(until) = &notice.until
            && bussola_model::valid_date(until).is_none()
        {
            return refuse(format!("notice \"{id}\": until must be a day, YYYY-MM-DD"));
        }
    }
    Ok(())
}

/// A file agrees with its manifest on feed and version.
fn agrees(manifest: &Manifest, file: &str, feed: &str, version: u64) -> Result<()> {
    if feed != manifest.feed || version != manifest.version {
        return Err(FeedError::malformed(format!(
            "{file} is version {version} of \"{feed}\", but the manifest announces version {} of \
             \"{}\"",
            manifest.version, manifest.feed
        )));
    }
    Ok(())
}

/// A snapshot's bytes (already checked against the manifest's size and sha256): the shape of a
/// snapshot, the feed and version `manifest` announces, and every record.
pub fn check_snapshot(manifest: &Manifest, bytes: &[u8]) -> Result<Records> {
    let file = &manifest.snapshot.url;
    let snapshot: crate::contract::Snapshot<'_> =
        serde_json::from_slice(bytes).map_err(|e| FeedError::malformed(format!("{file}: {e}")))?;
    agrees(manifest, file, &snapshot.feed, snapshot.version)?;
    records::check_raw(file, &snapshot.services)
}

/// A delta's bytes, checked as a snapshot's (its upserts are the records), starting from the
/// version its manifest entry says and deleting no more services than a feed may hold. Returns
/// (from, deletes, upserts).
pub fn check_delta(
    manifest: &Manifest,
    entry: &DeltaRef,
    bytes: &[u8],
) -> Result<(u64, Vec<String>, Records)> {
    let file = &entry.file.url;
    let delta: crate::contract::Delta<'_> =
        serde_json::from_slice(bytes).map_err(|e| FeedError::malformed(format!("{file}: {e}")))?;
    agrees(manifest, file, &delta.feed, delta.version)?;
    if delta.from != entry.from {
        return Err(FeedError::malformed(format!(
            "{file} starts from version {}, but the manifest offers it from version {}",
            delta.from, entry.from
        )));
    }
    if delta.deletes.len() > records::MAX_SERVICES {
        return Err(FeedError::malformed(format!(
            "{file} deletes {} services; a feed holds at most {}",
            delta.deletes.len(),
            records::MAX_SERVICES
        )));
    }
    let records = records::check_raw(file, &delta.upserts)?;
    Ok((delta.from, delta.deletes, records))
}

/// What `feed verify` found in a published feed: every file checked as a device checks it.
#[derive(Debug)]
pub struct Inspection {
    pub manifest: Manifest,
    /// The key that signed the manifest.
    pub key: FeedKey,
    /// Each file the manifest names, with its size.
    pub files: Vec<(String, u64)>,
    pub services: u64,
    pub warnings: Vec<Problem>,
}

/// `feed verify` as a state machine: the manifest and its signature, then the snapshot and
/// every delta, each through the same checks as a sync.
#[derive(Debug)]
pub struct Verification {
    keys: Vec<FeedKey>,
    manifest: Option<Vec<u8>>,
    found: Option<Inspection>,
    /// The files still to fetch, the next last.
    queue: Vec<(FileTo, Wanted)>,
    current: Option<FileTo>,
}

impl Verification {
    pub fn start(keys: Vec<FeedKey>) -> (Verification, Request) {
        let request = Request {
            path: MANIFEST.to_owned(),
            cap: MANIFEST_CAP,
            etag: None,
            wanted: Wanted::Manifest,
            bytes: None,
        };
        let verification = Verification {
            keys,
            manifest: None,
            found: None,
            queue: Vec::new(),
            current: None,
        };
        (verification, request)
    }

    /// Takes the answer to the last request: the next request, or the inspection when every
    /// file passed.
    pub fn answer(&mut self, answer: Answer) -> Result<Option<Request>, FeedError> {
        if self.manifest.is_none() {
            self.manifest = Some(body(answer, MANIFEST)?);
            return Ok(Some(Request {
                path: SIGNATURE.to_owned(),
                cap: SIGNATURE_CAP,
                etag: None,
                wanted: Wanted::Signature,
                bytes: None,
            }));
        }
        let found = match (&mut self.found, self.current.take()) {
            (None, _) => {
                let bytes = self.manifest.as_deref().unwrap_or_default();
                let signature = body(answer, SIGNATURE)?;
                let signature = std::str::from_utf8(&signature).map_err(|_| {
                    FeedError::new(Kind::BadSignature, "the signature file is not text")
                })?;
                let signed_by = keys::verify(bytes, signature, &self.keys)?;
                let manifest = parse_manifest(bytes)?;
                self.queue = manifest
                    .deltas
                    .iter()
                    .rev()
                    .map(|d| (FileTo::Delta(d.clone()), Wanted::Delta))
                    .collect();
                self.queue.push((
                    FileTo::Snapshot(manifest.snapshot.clone()),
                    Wanted::Snapshot,
                ));
                self.found.insert(Inspection {
                    key: self.keys[signed_by].clone(),
                    manifest,
                    files: Vec::new(),
                    services: 0,
                    warnings: Vec::new(),
                })
            }
            (Some(found), Some(FileTo::Snapshot(file))) => {
                let bytes = checked_body(&file, answer)?;
                let records = check_snapshot(&found.manifest, &bytes)?;
                found.services = records.services.len() as u64;
                found.warnings.extend(records.warnings);
                found.files.push((file.url, file.bytes));
                found
            }
            (Some(found), Some(FileTo::Delta(delta))) => {
                let bytes = checked_body(&delta.file, answer)?;
                let (_, _, records) = check_delta(&found.manifest, &delta, &bytes)?;
                found.warnings.extend(records.warnings);
                found.files.push((delta.file.url, delta.file.bytes));
                found
            }
            (Some(_), None) => {
                return Err(FeedError::malformed("the verification is over"));
            }
        };
        let _ = found;
        match self.queue.pop() {
            Some((file, wanted)) => {
                let file_ref = match &file {
                    FileTo::Snapshot(f) => f,
                    FileTo::Delta(d) => &d.file,
                };
                let request = file_request(file_ref, wanted)?;
                self.current = Some(file);
                Ok(Some(request))
            }
            None => Ok(None),
        }
    }

    /// The inspection, once [`Verification::answer`] has returned `None`.
    pub fn finish(self) -> Option<Inspection> {
        self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn manifest_with(notices: serde_json::Value) -> Vec<u8> {
        json!({
            "feed": "umbria", "version": 3, "generated_at": "2026-12-01T10:00:00Z",
            "snapshot": {"url": "snapshot-3.json", "sha256": "00", "bytes": 2},
            "notices": notices,
        })
        .to_string()
        .into_bytes()
    }

    #[test]
    fn notices_are_read_with_their_languages_and_last_day() {
        let bytes = manifest_with(json!([{
            "id": "questura-pg-dicembre",
            "text": {"it": "Questura di Perugia chiusa dall'8 al 12 dicembre.",
                     "ar": "مقر الشرطة في بيروجيا مغلق من 8 إلى 12 ديسمبر."},
            "until": "2026-12-12"
        }]));
        let manifest = parse_manifest(&bytes).unwrap();
        let notice = &manifest.notices[0];
        assert_eq!(notice.until.as_deref(), Some("2026-12-12"));
        assert_eq!(notice.text_in("ar").unwrap().0, "ar");
        // A language the editors did not write falls back to Italian.
        assert_eq!(notice.text_in("uk").unwrap().0, "it");
        // A manifest without notices reads as before.
        let none = parse_manifest(&manifest_with(json!([]))).unwrap();
        assert!(none.notices.is_empty());
    }

    #[test]
    fn a_notice_that_cannot_be_shown_as_it_is_refuses_the_manifest() {
        let italian = |text: &str| json!({"it": text});
        for (notices, says) in [
            (
                json!([{"id": "a", "text": {"en": "Closed."}}]),
                "no Italian text",
            ),
            (
                json!([{"id": "a", "text": italian("<b>Chiuso</b>")}]),
                "markup",
            ),
            (json!([{"id": "a", "text": italian("  ")}]), "is empty"),
            (
                json!([{"id": "Not Plain", "text": italian("Chiuso.")}]),
                "id",
            ),
            (
                json!([{"id": "a", "text": italian("Chiuso.")}, {"id": "a", "text": italian("Aperto.")}]),
                "given twice",
            ),
            (
                json!([{"id": "a", "text": italian("Chiuso."), "until": "12 dicembre"}]),
                "YYYY-MM-DD",
            ),
            (
                json!([{"id": "a", "text": {"it": "Chiuso.", "<x>": "Closed."}}]),
                "not a language code",
            ),
        ] {
            let error = parse_manifest(&manifest_with(notices))
                .unwrap_err()
                .to_string();
            assert!(error.contains(says), "{says}: {error}");
        }
        let many: Vec<_> = (0..=MAX_NOTICES)
            .map(|i| json!({"id": format!("n{i}"), "text": italian("Chiuso.")}))
            .collect();
        let error = parse_manifest(&manifest_with(many.into()))
            .unwrap_err()
            .to_string();
        assert!(error.contains("at most"), "{error}");
    }
}
