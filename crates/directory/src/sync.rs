//! Sync: bring one feed on the device up to what its source publishes, or leave it exactly as
//! it was and say why.
//!
//! Everything is checked before anything is written: the manifest's signature against the
//! feed's pinned keys, the feed id against the one the source is bound to, the version against
//! the one applied, each file's size and sha256 against the signed manifest, then the records
//! themselves. Only then does one transaction replace the data and record the new state (version,
//! manifest hash, ETag, times), so a crash at any instant leaves the old feed or the new one.
//!
//! Transport sits behind [`Source`]: a folder (a feed copied to a USB stick), an HTTP base URL
//! (see [`crate::http`]), or files built into the app. The plan and the apply know none of them.

use crate::feed::{Delta, FileRef, Manifest, Service, Snapshot};
use crate::signature::{self, FeedKey};
use crate::store::{
    Writer, delete_feed_data, delete_services, now_rfc3339, parse_services, write_services,
};
use crate::{Error, Result, Store, validate};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::PathBuf;

pub const MANIFEST: &str = "manifest.json";
pub const SIGNATURE: &str = "manifest.json.minisig";
/// Caps on what a source may send, counted on decompressed bytes.
const MANIFEST_CAP: u64 = 256 * 1024;
const SIGNATURE_CAP: u64 = 4 * 1024;
/// The largest snapshot or delta accepted, whatever the manifest says: about 400,000 services
/// of today's size, and what a phone can still hold while it checks them.
pub const FILE_CAP: u64 = 256 * 1024 * 1024;

/// What a source answered for one file.
#[derive(Debug)]
pub enum Fetched {
    /// The file has not changed since the ETag given (HTTP 304).
    NotModified,
    Body {
        bytes: Vec<u8>,
        etag: Option<String>,
    },
}

/// Where a feed's files come from.
pub trait Source {
    /// The source as stored and shown: a URL or a folder's path.
    fn name(&self) -> String;

    /// The file at `path` under the feed's base, at most `cap` bytes. With `etag`, a source
    /// that can tell may answer [`Fetched::NotModified`].
    fn fetch(&mut self, path: &str, etag: Option<&str>, cap: u64) -> Result<Fetched>;
}

/// A feed in a folder on this device.
#[derive(Debug)]
pub struct FolderSource {
    dir: PathBuf,
}

impl FolderSource {
    pub fn new(dir: impl Into<PathBuf>) -> FolderSource {
        FolderSource { dir: dir.into() }
    }
}

impl Source for FolderSource {
    fn name(&self) -> String {
        std::fs::canonicalize(&self.dir)
            .unwrap_or_else(|_| self.dir.clone())
            .display()
            .to_string()
    }

    fn fetch(&mut self, path: &str, _etag: Option<&str>, cap: u64) -> Result<Fetched> {
        let file = self.dir.join(path);
        let unreadable =
            |e: std::io::Error| Error::Fetch(format!("cannot read {}: {e}", file.display()));
        // A regular file only: a FIFO or a link to /dev/zero would never end.
        if !std::fs::metadata(&file).map_err(unreadable)?.is_file() {
            return Err(Error::Fetch(format!(
                "{} is not a regular file",
                file.display()
            )));
        }
        let mut bytes = Vec::new();
        std::fs::File::open(&file)
            .map_err(unreadable)?
            .take(cap + 1)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        if bytes.len() as u64 > cap {
            return Err(too_large(path, cap));
        }
        Ok(Fetched::Body { bytes, etag: None })
    }
}

/// Feed files held in memory: the feeds built into the app.
#[derive(Debug)]
pub struct StaticSource {
    pub name: &'static str,
    pub files: &'static [(&'static str, &'static [u8])],
}

impl Source for StaticSource {
    fn name(&self) -> String {
        self.name.to_owned()
    }

    fn fetch(&mut self, path: &str, _etag: Option<&str>, cap: u64) -> Result<Fetched> {
        let (_, bytes) = self
            .files
            .iter()
            .find(|(name, _)| *name == path)
            .ok_or_else(|| Error::Fetch(format!("{path} is not among the built-in files")))?;
        if bytes.len() as u64 > cap {
            return Err(too_large(path, cap));
        }
        Ok(Fetched::Body {
            bytes: bytes.to_vec(),
            etag: None,
        })
    }
}

/// The source a person means by `text`: an http(s) URL (fetched with `options`), or else a
/// folder.
pub fn source_for(text: &str, options: crate::http::HttpOptions) -> Result<Box<dyn Source>> {
    if text.starts_with("http://") || text.starts_with("https://") {
        return Ok(Box::new(crate::http::HttpSource::new(text, options)?));
    }
    let dir = PathBuf::from(text);
    if !dir.is_dir() {
        return Err(Error::Fetch(format!(
            "\"{text}\" is neither an http(s) URL nor a folder"
        )));
    }
    Ok(Box::new(FolderSource::new(dir)))
}

pub(crate) fn too_large(path: &str, cap: u64) -> Error {
    Error::Fetch(format!("{path} is larger than the {cap} bytes allowed"))
}

/// How a sync ended when it changed nothing or changed everything it meant to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum Outcome {
    /// The source has nothing newer than what the device holds.
    UpToDate { feed: String, version: u64 },
    Applied {
        feed: String,
        from: Option<u64>,
        version: u64,
        by: Via,
        services: u64,
        /// Warnings from validation (unknown categories, unreadable hours), for editors.
        warnings: Vec<String>,
        /// The feed is past its `expires_at`: applied, and the person is told.
        expired: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    Snapshot,
    Delta,
}

/// Steps of a sync, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    Checking,
    Downloading { file: String, bytes: u64 },
    Applying { services: u64 },
}

/// The keys a manifest is checked against, and which of them to pin once it verifies.
struct TrustedKeys {
    keys: Vec<FeedKey>,
    /// The configuration's keys are pinned together (the region's key and its backup); a key
    /// given by hand only when it is the one that signed.
    pin_all: bool,
}

impl TrustedKeys {
    fn to_pin(&self, signed_by: usize) -> Vec<FeedKey> {
        match self.pin_all {
            true => self.keys.clone(),
            false => vec![self.keys[signed_by].clone()],
        }
    }
}

/// What the device knows of a feed before a sync.
#[derive(Debug, Default)]
struct Local {
    feed: Option<String>,
    version: Option<u64>,
    etag: Option<String>,
}

impl Store {
    /// Syncs the feed `source` publishes. The manifest must be signed by a key pinned for the
    /// feed it names; for a feed new to this device, by one of `given_keys` (`--pubkey`,
    /// `BUSSOLA_FEED_PUBKEY`) or else of the configured keys, which are then pinned. On any
    /// failure the feed's data is untouched and the error is recorded in its state, where
    /// `info` and the app show it.
    pub fn sync(
        &mut self,
        source: &mut dyn Source,
        given_keys: &[FeedKey],
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Outcome> {
        let local = self.local_state(&source.name())?;
        let result = self.sync_with(source, given_keys, &local, progress);
        if let (Err(error), Some(feed)) = (&result, &local.feed) {
            self.conn.execute(
                "UPDATE feed SET last_error = ?2, last_error_at = ?3 WHERE feed = ?1",
                params![feed, error.to_string(), now_rfc3339()],
            )?;
        }
        result
    }

    fn local_state(&self, source: &str) -> Result<Local> {
        let feed: Option<String> = self
            .conn
            .query_row(
                "SELECT feed FROM feed_source WHERE source = ?1",
                [source],
                |r| r.get(0),
            )
            .optional()?;
        let Some(feed) = feed else {
            return Ok(Local::default());
        };
        let (version, etag) = self
            .conn
            .query_row(
                "SELECT version, etag FROM feed WHERE feed = ?1",
                [&feed],
                |r| Ok((Some(r.get::<_, i64>(0)? as u64), r.get(1)?)),
            )
            .optional()?
            .unwrap_or((None, None));
        Ok(Local {
            feed: Some(feed),
            version,
            etag,
        })
    }

    /// Every source this device synced from, oldest first.
    pub fn sources(&self) -> Result<Vec<String>> {
        // Built-in feeds are not synced from anywhere.
        let mut stmt = self.conn.prepare(
            "SELECT source FROM feed_source WHERE source NOT LIKE 'built-in:%'
             ORDER BY bound_at, source",
        )?;
        let sources = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(sources)
    }

    /// The keys pinned for a feed.
    pub fn pinned_keys(&self, feed: &str) -> Result<Vec<FeedKey>> {
        let mut stmt = self
            .conn
            .prepare("SELECT public_key FROM feed_key WHERE feed = ?1 ORDER BY pinned_at")?;
        let keys = stmt
            .query_map([feed], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        keys.iter().map(|k| FeedKey::parse(k)).collect()
    }

    fn sync_with(
        &mut self,
        source: &mut dyn Source,
        given_keys: &[FeedKey],
        local: &Local,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Outcome> {
        progress(Progress::Checking);
        let source_name = source.name();
        let (manifest_bytes, etag) =
            match source.fetch(MANIFEST, local.etag.as_deref(), MANIFEST_CAP)? {
                Fetched::NotModified => {
                    let Some(feed) = local.feed.clone() else {
                        return Err(Error::Fetch("the manifest answered 304 unasked".into()));
                    };
                    self.conn.execute(
                        "UPDATE feed SET last_sync = ?2, last_error = NULL, last_error_at = NULL
                         WHERE feed = ?1",
                        params![feed, now_rfc3339()],
                    )?;
                    return Ok(Outcome::UpToDate {
                        feed,
                        version: local.version.unwrap_or(0),
                    });
                }
                Fetched::Body { bytes, etag } => (bytes, etag),
            };
        let signature = fetch_signature(source)?;
        // The feed the manifest claims to be, read only to choose the keys: the signature
        // then proves it.
        let manifest = parse_manifest(&manifest_bytes)?;
        if let Some(bound) = &local.feed
            && *bound != manifest.feed
        {
            return Err(Error::InvalidFeed(format!(
                "this source delivered the feed \"{bound}\" before and now says \"{}\"; \
                 refused",
                manifest.feed
            )));
        }
        let trusted = self.trusted_keys(&manifest.feed, given_keys)?;
        let signed_by = signature::verify(&manifest_bytes, &signature, &trusted.keys)?;
        let manifest_sha256 = sha256_hex(&manifest_bytes);

        let applied = self.applied_version(&manifest.feed)?;
        if let Some((version, sha)) = &applied {
            if manifest.version < *version {
                return Err(Error::InvalidFeed(format!(
                    "the source offers version {} of {}, older than version {version} on this \
                     device; refused",
                    manifest.version, manifest.feed
                )));
            }
            if manifest.version == *version {
                if sha.as_deref() == Some(manifest_sha256.as_str()) || sha.is_none() {
                    self.record_check(
                        &manifest.feed,
                        &source_name,
                        etag.as_deref(),
                        &manifest_sha256,
                        &trusted.to_pin(signed_by),
                    )?;
                    return Ok(Outcome::UpToDate {
                        feed: manifest.feed,
                        version: *version,
                    });
                }
                return Err(Error::InvalidFeed(format!(
                    "version {version} of {} was published twice with different contents; \
                     refused",
                    manifest.feed
                )));
            }
        }
        let expired = crate::feed::is_past(manifest.expires_at.as_deref(), chrono::Utc::now());
        let local_version = applied.as_ref().map(|(v, _)| *v);
        let delta = local_version
            .and_then(|v| manifest.deltas.iter().find(|d| d.from == v))
            .cloned();
        let state = State {
            manifest: &manifest,
            manifest_sha256: &manifest_sha256,
            etag: etag.as_deref(),
            source: &source_name,
            pin: trusted.to_pin(signed_by),
        };
        let (by, services, warnings) = match delta {
            Some(delta) => {
                let bytes = fetch_checked(source, &delta.file, progress)?;
                let (delta, records) = check_delta(&manifest, &delta.file.url, &bytes)?;
                self.apply_delta(&delta, records, &state, progress)
                    .map(|(n, w)| (Via::Delta, n, w))?
            }
            None => {
                let bytes = fetch_checked(source, &manifest.snapshot, progress)?;
                let (snapshot, records) = check_snapshot(&manifest, &bytes)?;
                self.apply_snapshot(&snapshot, records, &state, progress)
                    .map(|(n, w)| (Via::Snapshot, n, w))?
            }
        };
        Ok(Outcome::Applied {
            feed: manifest.feed.clone(),
            from: local_version,
            version: manifest.version,
            by,
            services,
            warnings,
            expired,
        })
    }

    /// The version applied for a feed and the hash of the manifest that brought it.
    fn applied_version(&self, feed: &str) -> Result<Option<(u64, Option<String>)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT version, manifest_sha256 FROM feed WHERE feed = ?1",
                [feed],
                |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)),
            )
            .optional()?)
    }

    /// An unchanged answer: only the times and the ETag move (and the manifest's hash, for a
    /// feed imported without one).
    fn record_check(
        &mut self,
        feed: &str,
        source: &str,
        etag: Option<&str>,
        manifest_sha256: &str,
        pin: &[FeedKey],
    ) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "UPDATE feed SET last_sync = ?2, etag = coalesce(?3, etag), last_error = NULL,
                             last_error_at = NULL,
                             manifest_sha256 = coalesce(manifest_sha256, ?4)
             WHERE feed = ?1",
            params![feed, now_rfc3339(), etag, manifest_sha256],
        )?;
        bind_source(&tx, source, feed)?;
        pin_if_none(&tx, feed, pin)?;
        tx.commit()?;
        Ok(())
    }

    /// The keys a feed's manifest must be signed by: those pinned for it; for a feed new to
    /// this device, the keys given for this sync, else the configured ones (data/feeds.json).
    /// A given key never replaces the pinned ones: a key cannot take over a feed another key
    /// has been signing.
    fn trusted_keys(&self, feed: &str, given: &[FeedKey]) -> Result<TrustedKeys> {
        let pinned = self.pinned_keys(feed)?;
        if !pinned.is_empty() {
            if !given.is_empty() && !given.iter().any(|k| pinned.contains(k)) {
                return Err(Error::Signature(format!(
                    "the feed \"{feed}\" on this device is signed by another key; a different \
                     key cannot replace its data"
                )));
            }
            return Ok(TrustedKeys {
                keys: pinned,
                pin_all: false,
            });
        }
        if !given.is_empty() {
            return Ok(TrustedKeys {
                keys: given.to_vec(),
                pin_all: false,
            });
        }
        let configured = crate::bundled::configured_keys(feed)?;
        if configured.is_empty() {
            return Err(Error::Signature(format!(
                "the feed \"{feed}\" is new to this device: give its public key once with \
                 --pubkey"
            )));
        }
        Ok(TrustedKeys {
            keys: configured,
            pin_all: true,
        })
    }

    /// Writes a snapshot that [`check_snapshot`] passed.
    fn apply_snapshot(
        &mut self,
        snapshot: &Snapshot,
        Records { services, warnings }: Records,
        state: &State<'_>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(u64, Vec<String>)> {
        progress(Progress::Applying {
            services: services.len() as u64,
        });
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        state.still_newer(&tx)?;
        state.write(&tx)?;
        write_services(&tx, &snapshot.feed, &services)?;
        tx.commit()?;
        self.forget_catalogue();
        Ok((services.len() as u64, warnings))
    }

    /// Writes a delta that [`check_delta`] passed.
    fn apply_delta(
        &mut self,
        delta: &Delta,
        Records {
            services: upserts,
            warnings,
        }: Records,
        state: &State<'_>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(u64, Vec<String>)> {
        let file = format!("delta {}→{}", delta.from, delta.version);
        progress(Progress::Applying {
            services: (upserts.len() + delta.deletes.len()) as u64,
        });
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        state.still_newer(&tx)?;
        let (base, dictionary): (i64, Option<Vec<u8>>) = tx.query_row(
            "SELECT version, dictionary FROM feed WHERE feed = ?1",
            [&delta.feed],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if base as u64 != delta.from {
            return Err(Error::InvalidFeed(format!(
                "{file} starts from version {}, but this device holds {base}",
                delta.from
            )));
        }
        let mut gone: Vec<&str> = delta.deletes.iter().map(String::as_str).collect();
        gone.extend(upserts.iter().map(|(s, _)| s.id.as_str()));
        delete_services(&tx, &delta.feed, &gone)?;
        {
            let mut writer = Writer::new(&tx, dictionary.as_deref())?;
            for (service, record) in &upserts {
                writer.insert(&delta.feed, service, record)?;
            }
        }
        state.write(&tx)?;
        let count: i64 = tx.query_row(
            "SELECT count(*) FROM service WHERE feed = ?1",
            [&delta.feed],
            |r| r.get(0),
        )?;
        tx.commit()?;
        self.forget_catalogue();
        Ok((count as u64, warnings))
    }

    /// Removes a feed and everything indexed from it (its pins and bindings too).
    pub fn remove_feed(&mut self, feed: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        delete_feed_data(&tx, feed)?;
        tx.execute("DELETE FROM feed WHERE feed = ?1", [feed])?;
        tx.execute("DELETE FROM feed_key WHERE feed = ?1", [feed])?;
        tx.execute("DELETE FROM feed_source WHERE feed = ?1", [feed])?;
        tx.commit()?;
        self.forget_catalogue();
        Ok(())
    }
}

/// What `feed verify` found in a published feed.
#[derive(Debug)]
pub struct Inspection {
    pub manifest: Manifest,
    /// The key that signed the manifest.
    pub key: FeedKey,
    /// Each file the manifest names, with its size, all checked.
    pub files: Vec<(String, u64)>,
    pub services: u64,
    pub warnings: Vec<String>,
}

/// Checks a published feed as a device would, every file included, without a store: the
/// signature, each file's size and sha256, feed ids and versions, and every record.
pub fn inspect(source: &mut dyn Source, keys: &[FeedKey]) -> Result<Inspection> {
    let manifest_bytes = match source.fetch(MANIFEST, None, MANIFEST_CAP)? {
        Fetched::Body { bytes, .. } => bytes,
        Fetched::NotModified => return Err(Error::Fetch("304 unasked".into())),
    };
    let signature = fetch_signature(source)?;
    let signed_by = signature::verify(&manifest_bytes, &signature, keys)?;
    let manifest = parse_manifest(&manifest_bytes)?;
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let bytes = fetch_checked(source, &manifest.snapshot, &mut |_| {})?;
    let (snapshot, records) = check_snapshot(&manifest, &bytes)?;
    warnings.extend(records.warnings);
    files.push((manifest.snapshot.url.clone(), manifest.snapshot.bytes));
    for delta_ref in &manifest.deltas {
        let bytes = fetch_checked(source, &delta_ref.file, &mut |_| {})?;
        let (delta, records) = check_delta(&manifest, &delta_ref.file.url, &bytes)?;
        if delta.from != delta_ref.from {
            return Err(Error::InvalidFeed(format!(
                "{} starts from version {}, the manifest says {}",
                delta_ref.file.url, delta.from, delta_ref.from
            )));
        }
        warnings.extend(records.warnings);
        files.push((delta_ref.file.url.clone(), delta_ref.file.bytes));
    }
    Ok(Inspection {
        key: keys[signed_by].clone(),
        services: snapshot.services.len() as u64,
        manifest,
        files,
        warnings,
    })
}

/// The new state of a feed, written in the same transaction as its data.
struct State<'a> {
    manifest: &'a Manifest,
    manifest_sha256: &'a str,
    etag: Option<&'a str>,
    source: &'a str,
    pin: Vec<FeedKey>,
}

/// Every file of an answer agrees with the manifest on feed and version.
fn agrees(manifest: &Manifest, file: &str, feed: &str, version: u64) -> Result<()> {
    if feed != manifest.feed || version != manifest.version {
        return Err(Error::InvalidFeed(format!(
            "{file} is version {version} of \"{feed}\", but the manifest announces version {} \
             of \"{}\"",
            manifest.version, manifest.feed
        )));
    }
    Ok(())
}

/// The manifest's signature file, as text.
fn fetch_signature(source: &mut dyn Source) -> Result<String> {
    match source.fetch(SIGNATURE, None, SIGNATURE_CAP)? {
        Fetched::Body { bytes, .. } => String::from_utf8(bytes)
            .map_err(|_| Error::Signature("the signature file is not text".into())),
        Fetched::NotModified => Err(Error::Fetch("the signature answered 304 unasked".into())),
    }
}

/// Parses a manifest's bytes, as a sync does before checking its signature (the feed it names
/// chooses the keys) and [`inspect`] after. Parsing proves nothing: only [`signature::verify`]
/// over the same bytes does.
pub fn parse_manifest(bytes: &[u8]) -> Result<Manifest> {
    serde_json::from_slice(bytes).map_err(|e| Error::InvalidFeed(format!("{MANIFEST}: {e}")))
}

/// The records of a snapshot or a delta that passed every check a sync makes before writing.
#[derive(Debug)]
pub struct Records {
    /// Each record parsed, with the minified text the store keeps.
    pub services: Vec<(Service, String)>,
    /// Warnings from validation (unknown categories, unreadable hours), for editors.
    pub warnings: Vec<String>,
}

/// A snapshot's bytes checked as a sync (and [`inspect`]) checks them before writing anything:
/// JSON of a snapshot's shape, the feed and version `manifest` announces, every record through
/// [`validate::services`], and each record parsed as a [`Service`]. The file's size and sha256
/// are checked against the manifest before this, when it is fetched.
pub fn check_snapshot(manifest: &Manifest, bytes: &[u8]) -> Result<(Snapshot, Records)> {
    let file = &manifest.snapshot.url;
    let snapshot: Snapshot =
        serde_json::from_slice(bytes).map_err(|e| Error::InvalidFeed(format!("{file}: {e}")))?;
    agrees(manifest, file, &snapshot.feed, snapshot.version)?;
    let records = check_records(file, &snapshot.services)?;
    Ok((snapshot, records))
}

/// A delta's bytes, the file `file` of `manifest`, checked as [`check_snapshot`] checks a
/// snapshot's (its upserts are the records), and deleting no more services than a feed may
/// hold. Whether it starts from the version the device holds is checked when it is applied.
pub fn check_delta(manifest: &Manifest, file: &str, bytes: &[u8]) -> Result<(Delta, Records)> {
    let delta: Delta =
        serde_json::from_slice(bytes).map_err(|e| Error::InvalidFeed(format!("{file}: {e}")))?;
    agrees(manifest, file, &delta.feed, delta.version)?;
    if delta.deletes.len() > validate::MAX_SERVICES {
        return Err(Error::InvalidFeed(format!(
            "{file} deletes {} services; a feed holds at most {}",
            delta.deletes.len(),
            validate::MAX_SERVICES
        )));
    }
    let records = check_records(file, &delta.upserts)?;
    Ok((delta, records))
}

fn check_records(file: &str, records: &[Box<serde_json::value::RawValue>]) -> Result<Records> {
    let warnings = check_services(file, records)?;
    let services = parse_services(records.iter().map(|r| r.get()))?;
    Ok(Records { services, warnings })
}

impl State<'_> {
    fn write(&self, tx: &Transaction<'_>) -> Result<()> {
        let m = self.manifest;
        tx.execute(
            "INSERT INTO feed (feed, version, generated_at, expires_at, source, manifest_sha256,
                               etag, last_sync)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (feed) DO UPDATE SET version = excluded.version,
                 generated_at = excluded.generated_at, expires_at = excluded.expires_at,
                 source = excluded.source, manifest_sha256 = excluded.manifest_sha256,
                 etag = excluded.etag, last_sync = excluded.last_sync, last_error = NULL,
                 last_error_at = NULL",
            params![
                m.feed,
                m.version as i64,
                m.generated_at,
                m.expires_at,
                self.source,
                self.manifest_sha256,
                self.etag,
                now_rfc3339()
            ],
        )?;
        bind_source(tx, self.source, &m.feed)?;
        pin_if_none(tx, &m.feed, &self.pin)
    }

    /// Checked again inside the write transaction: another process may have applied this
    /// version, or a newer one, since the plan was made.
    fn still_newer(&self, tx: &Transaction<'_>) -> Result<()> {
        let applied: Option<i64> = tx
            .query_row(
                "SELECT version FROM feed WHERE feed = ?1",
                [&self.manifest.feed],
                |r| r.get(0),
            )
            .optional()?;
        match applied {
            Some(v) if v as u64 >= self.manifest.version => Err(Error::InvalidFeed(format!(
                "version {v} of {} was applied meanwhile by another sync",
                self.manifest.feed
            ))),
            _ => Ok(()),
        }
    }
}

/// The keys that verified a feed are pinned for it, the first time only.
fn pin_if_none(tx: &Transaction<'_>, feed: &str, keys: &[FeedKey]) -> Result<()> {
    let pinned: i64 = tx.query_row(
        "SELECT count(*) FROM feed_key WHERE feed = ?1",
        [feed],
        |r| r.get(0),
    )?;
    if pinned == 0 {
        for key in keys {
            tx.execute(
                "INSERT OR IGNORE INTO feed_key (feed, public_key, pinned_at) VALUES (?1, ?2, ?3)",
                params![feed, key.base64(), now_rfc3339()],
            )?;
        }
    }
    Ok(())
}

fn bind_source(tx: &Transaction<'_>, source: &str, feed: &str) -> Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO feed_source (source, feed, bound_at) VALUES (?1, ?2, ?3)",
        params![source, feed, now_rfc3339()],
    )?;
    Ok(())
}

/// Validates the records of a file: errors refuse it, warnings come back as text.
fn check_services(
    file: &str,
    services: &[Box<serde_json::value::RawValue>],
) -> Result<Vec<String>> {
    let values = services
        .iter()
        .map(|raw| serde_json::from_str(raw.get()))
        .collect::<Result<Vec<serde_json::Value>, _>>()
        .map_err(|e| Error::InvalidFeed(format!("{file}: {e}")))?;
    let report = validate::services(file, &values);
    if !report.is_ok() {
        return Err(Error::InvalidFeed(report.error_summary()));
    }
    Ok(report.warnings().map(|w| w.to_string()).collect())
}

/// Fetches a file the manifest names and checks its size and sha256 before anything parses it.
fn fetch_checked(
    source: &mut dyn Source,
    file: &FileRef,
    progress: &mut dyn FnMut(Progress),
) -> Result<Vec<u8>> {
    let path = file.checked_path().map_err(Error::InvalidFeed)?;
    progress(Progress::Downloading {
        file: path.to_owned(),
        bytes: file.bytes,
    });
    let cap = file.bytes.min(FILE_CAP);
    let bytes = match source.fetch(path, None, cap)? {
        Fetched::Body { bytes, .. } => bytes,
        Fetched::NotModified => {
            return Err(Error::Fetch(format!("{path} answered 304 unasked")));
        }
    };
    if bytes.len() as u64 != file.bytes {
        return Err(Error::Fetch(format!(
            "{path} is {} bytes, the signed manifest says {}: the download was cut short or \
             the file changed",
            bytes.len(),
            file.bytes
        )));
    }
    let sha = sha256_hex(&bytes);
    if !sha.eq_ignore_ascii_case(&file.sha256) {
        return Err(Error::Fetch(format!(
            "{path} does not match the sha256 in the signed manifest: it was changed or damaged"
        )));
    }
    Ok(bytes)
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest() -> Manifest {
        parse_manifest(
            br#"{"feed":"umbria","version":2,"generated_at":"2026-01-01T00:00:00Z",
                 "snapshot":{"url":"snapshot-2.json","sha256":"00","bytes":1}}"#,
        )
        .unwrap()
    }

    const HELPLINE: &str = r#"{"id":"aiuto","name":"Aiuto","status":"active",
                               "categories":["helpline"]}"#;

    #[test]
    fn a_snapshot_is_checked_for_its_manifest_its_records_and_their_shape() {
        let good = format!(r#"{{"feed":"umbria","version":2,"services":[{HELPLINE}]}}"#);
        let (snapshot, records) = check_snapshot(&manifest(), good.as_bytes()).unwrap();
        assert_eq!(snapshot.version, 2);
        assert_eq!(records.services[0].0.id, "aiuto");
        let other_version = good.replace("\"version\":2", "\"version\":3");
        let err = check_snapshot(&manifest(), other_version.as_bytes()).unwrap_err();
        assert!(err.to_string().contains("announces version 2"), "{err}");
        // Validation has nothing against a number for a description, but the engine cannot
        // read the record: refused here, so `inspect` refuses what a device would.
        let numbered = good.replace("\"Aiuto\",", "\"Aiuto\",\"description\":5,");
        let err = check_snapshot(&manifest(), numbered.as_bytes()).unwrap_err();
        assert!(err.to_string().contains("service #1 (aiuto)"), "{err}");
    }

    #[test]
    fn a_delta_is_checked_like_a_snapshot() {
        let delta = format!(
            r#"{{"feed":"umbria","from":1,"version":2,"upserts":[{HELPLINE}],"deletes":["x"]}}"#
        );
        let (delta, records) =
            check_delta(&manifest(), "delta-1-2.json", delta.as_bytes()).unwrap();
        assert_eq!((delta.from, records.services.len()), (1, 1));
        let twice = format!(
            r#"{{"feed":"umbria","from":1,"version":2,"upserts":[{HELPLINE},{HELPLINE}]}}"#
        );
        let err = check_delta(&manifest(), "delta-1-2.json", twice.as_bytes()).unwrap_err();
        assert!(err.to_string().contains("used by another service"), "{err}");
    }
}
