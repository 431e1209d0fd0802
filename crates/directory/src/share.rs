//! The directory passed hand to hand, with no network: a device writes the signed files of the
//! feed version it holds into one file (`umbria-v12.bussola`, a tar archive:
//! [`bussola_feed::archive`]), and another device loads it from a USB stick or Bluetooth.
//!
//! Nothing in the file is trusted because of where it came from. Each version folder in it is
//! read exactly as a sync reads a feed folder, by the same feed core: the manifest's signature
//! with the keys this device pinned (or, for a feed new to it, the key given, as a first sync
//! needs), the feed id, a version not older than the one held, every file against its signed
//! hash and size, every record. The versions it brings are applied in one transaction, or none
//! is and the data stays exactly as it was. A file binds nothing: the feed goes on syncing from
//! its own source.
//!
//! A device keeps the files to rebuild its version (the store's `feed_file`): the snapshot of
//! the last version it applied whole and the deltas since. The file it writes holds them all,
//! so it updates a device at any older version.

use crate::sync::{Outcome, Progress, Steps, Via};
use crate::{Error, Instant, Result, Store};
use bussola_feed::archive::{self, Entry};
use bussola_feed::contract::MANIFEST;
use bussola_feed::session::{Answer, Device, Held, Plan, Session, Step, Trust, Verified, Wanted};
use bussola_feed::{FeedError, Kind};
use std::collections::BTreeMap;

/// What a device records as the source of data loaded from a file: no source at all (a file
/// is bound to no feed, and a sync never goes back to it).
const FROM_A_FILE: &str = "file";

/// A directory file ready to be saved or handed over.
#[derive(Debug)]
pub struct Shared {
    /// `umbria-v12.bussola`.
    pub file_name: String,
    pub feed: String,
    pub version: u64,
    pub bytes: Vec<u8>,
}

/// The directory file of `feed` (or of the only feed on the device).
pub fn export(store: &Store, feed: Option<&str>) -> Result<Shared> {
    let feeds = store.feeds()?;
    let status = match feed {
        Some(feed) => feeds
            .iter()
            .find(|f| f.feed.0 == feed)
            .ok_or_else(|| Error::NotFound(format!("the feed \"{feed}\"")))?,
        None => match &feeds[..] {
            [only] => only,
            [] => return Err(Error::NotFound("a feed on this device".into())),
            _ => {
                return Err(Error::BadQuery(format!(
                    "this device holds {} feeds ({}): say which one to share",
                    feeds.len(),
                    feeds
                        .iter()
                        .map(|f| f.feed.0.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
        },
    };
    let (feed, version) = (status.feed.0.clone(), status.version.0);
    let entries = store.feed_files(&feed)?;
    let versions: Vec<u64> = folders(&entries).keys().copied().collect();
    // The file must rebuild the version held from nothing: its first folder holds a whole
    // version, its last is the version held.
    let whole = versions.first().is_some_and(|first| {
        let snapshot = entries
            .iter()
            .find(|e| e.path == format!("v{first}/{MANIFEST}"))
            .and_then(|m| bussola_feed::session::parse_manifest(&m.bytes).ok())
            .map(|m| format!("v{first}/{}", m.snapshot.url));
        snapshot.is_some_and(|s| entries.iter().any(|e| e.path == s))
    });
    if !whole || versions.last() != Some(&version) {
        return Err(Error::Storage(format!(
            "this device holds version {version} of {feed} without the files that rebuild it \
             (it was updated before it kept them): it can pass the directory on after its next \
             full update"
        )));
    }
    Ok(Shared {
        file_name: format!("{feed}-v{version}.{}", archive::EXTENSION),
        feed,
        version,
        bytes: archive::pack(&entries),
    })
}

/// Loads a directory file into `store`, checked as a sync checks a feed: the versions it brings
/// land in one transaction, or nothing changes and the error says why.
pub fn import(
    store: &mut Store,
    bytes: &[u8],
    trust: &Trust,
    now: Instant,
    progress: &mut dyn FnMut(Progress),
) -> Result<Outcome> {
    progress(Progress::Checking);
    let entries = archive::unpack(bytes)?;
    let mut device = store.device(FROM_A_FILE)?;
    let mut steps: Steps = Vec::new();
    let mut up_to_date = None;
    let mut older = None;
    let all = folders(&entries);
    let last = all.keys().last().copied();
    for (&version, files) in &all {
        match plan_folder(&device, trust, now, version, files) {
            Ok((Plan::UpToDate(verified), _)) => {
                up_to_date = Some(Outcome::UpToDate {
                    feed: verified.manifest.feed.clone(),
                    version: verified.manifest.version,
                });
            }
            Ok((Plan::NotModified { feed, version }, _)) => {
                up_to_date = Some(Outcome::UpToDate { feed, version });
            }
            Ok((plan, used)) => {
                if let Plan::Snapshot { verified, .. } | Plan::Delta { verified, .. } = &plan {
                    advance(&mut device, verified);
                }
                steps.push((plan, used));
            }
            // Versions older than the one held are passed over: a later one may be newer.
            Err(error) if error.kind == Kind::OlderVersion && Some(version) != last => {
                older = Some(error);
            }
            Err(error) => return Err(error.into()),
        }
    }
    // Every folder's manifest was checked by its session (its signature before anything
    // else); the files no session needed must match it too: a damaged file is refused whole,
    // even where the part this device needs is intact.
    for (&version, files) in &all {
        check_files(version, files)?;
    }
    if steps.is_empty() {
        return match (up_to_date, older) {
            (Some(outcome), _) => Ok(outcome),
            (None, Some(error)) => Err(error.into()),
            (None, None) => Err(FeedError::malformed("the file holds no version to load").into()),
        };
    }
    let outcomes = store.apply_all(None, steps, now, progress)?;
    Ok(summary(outcomes))
}

/// A version folder's files, each under its path in the folder, borrowed from the archive.
type Folder<'a> = BTreeMap<&'a str, &'a [u8]>;

/// The files of each version folder, by version.
fn folders(entries: &[Entry]) -> BTreeMap<u64, Folder<'_>> {
    let mut folders: BTreeMap<u64, Folder<'_>> = BTreeMap::new();
    for entry in entries {
        if let Some((version, path)) = archive::split_path(&entry.path) {
            folders
                .entry(version)
                .or_default()
                .insert(path, &entry.bytes);
        }
    }
    folders
}

/// A version folder's plan and the signed files it was made from.
type Planned = (Plan, Vec<(String, Vec<u8>)>);

/// Each file of a version folder is one its manifest names, with the size and sha256 it gives.
fn check_files(version: u64, files: &Folder<'_>) -> Result<(), FeedError> {
    let manifest = files
        .get(MANIFEST)
        .ok_or_else(|| FeedError::malformed(format!("version {version} has no {MANIFEST}")))
        .and_then(|m| bussola_feed::session::parse_manifest(m))?;
    let named = std::iter::once(&manifest.snapshot).chain(manifest.deltas.iter().map(|d| &d.file));
    let named: Vec<_> = named.collect();
    for (&path, &bytes) in files {
        if path == MANIFEST || path == bussola_feed::contract::SIGNATURE {
            continue;
        }
        let Some(file) = named.iter().find(|f| f.url == path) else {
            return Err(FeedError::malformed(format!(
                "{path} of version {version} is not a file its manifest names"
            )));
        };
        if file.bytes != bytes.len() as u64
            || file.sha256 != bussola_feed::contract::sha256_hex(bytes)
        {
            return Err(FeedError::new(
                Kind::Mismatch,
                format!(
                    "{path} of version {version} does not match its signed manifest: it was \
                     changed or damaged"
                ),
            ));
        }
    }
    Ok(())
}

/// Why a folder could not be planned: the feed core refused it, or it lacks a file a session
/// asked for.
enum Refused {
    Feed(FeedError),
    Missing { path: String, wanted: Wanted },
}

impl From<FeedError> for Refused {
    fn from(error: FeedError) -> Refused {
        Refused::Feed(error)
    }
}

/// One version folder, read by a session as a feed folder is: its plan and the files used.
/// A folder holding the version whole serves a device whose version has no delta in it.
fn plan_folder(
    device: &Device,
    trust: &Trust,
    now: Instant,
    version: u64,
    files: &Folder<'_>,
) -> Result<Planned, FeedError> {
    match run_session(device.clone(), trust, now, files) {
        Err(Refused::Missing {
            wanted: Wanted::Delta,
            ..
        }) => {
            // No delta from this device's version here: the whole version, if the folder holds
            // it, planned as for a device that holds none of it. Keys pinned stay the keys;
            // the version was newer, or the session would not have asked for a delta.
            let mut whole = device.clone();
            if let Some(feed) = files
                .get(MANIFEST)
                .and_then(|m| bussola_feed::session::parse_manifest(m).ok())
                .map(|m| m.feed)
            {
                for held in whole.held.iter_mut().filter(|h| h.feed == feed) {
                    held.version = 0;
                    held.manifest_sha256 = None;
                }
            }
            run_session(whole, trust, now, files).map_err(|refused| missing(refused, version))
        }
        other => other.map_err(|refused| missing(refused, version)),
    }
}

fn missing(refused: Refused, version: u64) -> FeedError {
    match refused {
        Refused::Feed(error) => error,
        Refused::Missing { path, .. } => FeedError::malformed(format!(
            "the file does not hold {path} of version {version}: it cannot update this device"
        )),
    }
}

fn run_session(
    device: Device,
    trust: &Trust,
    now: Instant,
    files: &Folder<'_>,
) -> Result<Planned, Refused> {
    let (mut session, mut request) = Session::start(device, trust.clone(), now);
    let mut used = Vec::new();
    loop {
        let Some(&bytes) = files.get(request.path.as_str()) else {
            return Err(Refused::Missing {
                path: request.path.clone(),
                wanted: request.wanted,
            });
        };
        if bytes.len() as u64 > request.cap {
            return Err(crate::sync::too_large(&request.path, request.cap).into());
        }
        used.push((request.path.clone(), bytes.to_vec()));
        let answer = Answer::Body {
            bytes: bytes.to_vec(),
            etag: None,
        };
        match session.answer(answer)? {
            Step::Fetch(next) => request = next,
            Step::Done(plan) => return Ok((plan, used)),
        }
    }
}

/// The device as it will be once `verified`'s version is applied: what the next folder is
/// planned from.
fn advance(device: &mut Device, verified: &Verified) {
    let m = &verified.manifest;
    match device.held.iter_mut().find(|h| h.feed == m.feed) {
        Some(held) => {
            held.version = m.version;
            held.manifest_sha256 = Some(verified.manifest_sha256.clone());
            if held.pinned.is_empty() {
                held.pinned = verified.pin.clone();
            }
        }
        None => device.held.push(Held {
            feed: m.feed.clone(),
            version: m.version,
            manifest_sha256: Some(verified.manifest_sha256.clone()),
            pinned: verified.pin.clone(),
        }),
    }
}

/// The versions applied, said as one: from the first's base to the last version.
fn summary(outcomes: Vec<Outcome>) -> Outcome {
    let from = match outcomes.first() {
        Some(Outcome::Applied { from, .. }) => *from,
        _ => None,
    };
    let whole = outcomes.iter().any(|o| {
        matches!(
            o,
            Outcome::Applied {
                by: Via::Snapshot,
                ..
            }
        )
    });
    match outcomes.into_iter().last() {
        Some(Outcome::Applied {
            feed,
            version,
            services,
            warnings,
            expired,
            ..
        }) => Outcome::Applied {
            feed,
            from,
            version,
            by: if whole { Via::Snapshot } else { Via::Delta },
            services,
            warnings,
            expired,
        },
        Some(other) => other,
        None => unreachable!("import applies at least one version"),
    }
}
