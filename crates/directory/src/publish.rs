//! The editors' side of a feed: from the services they keep to a signed folder any web host
//! can serve.
//!
//! A build validates the services, writes the next version's snapshot, a delta from each of
//! the last few versions still in the folder (so a device a few versions behind downloads only
//! what changed), the manifest with every file's sha256 and size, and the manifest's minisign
//! signature. The manifest is written last: until it is replaced, devices see the previous
//! version whole.

use crate::feed::{DeltaRef, FileRef, Manifest};
use crate::signature::SigningKey;
use crate::sync::{MANIFEST, SIGNATURE, sha256_hex};
use crate::validate;
use crate::{Error, Result};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::Path;

/// Deltas are offered from this many earlier versions.
pub const DELTAS_FROM: u64 = 5;
/// A feed not rebuilt within this many days is marked expired on devices.
pub const VALID_DAYS: i64 = 90;

/// What a build wrote, and what validation had to say.
#[derive(Debug)]
pub struct Built {
    pub manifest: Manifest,
    pub warnings: Vec<String>,
}

/// Builds version N+1 of `feed` into `dir` (N being the version already there, or 0).
pub fn build(
    feed: &str,
    services: Vec<Value>,
    dir: &Path,
    key: &SigningKey,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Built> {
    let report = validate::services("the source file", &services);
    if !report.is_ok() {
        return Err(Error::InvalidFeed(report.error_summary()));
    }
    let warnings = report.warnings().map(|w| w.to_string()).collect();
    std::fs::create_dir_all(dir).map_err(|e| write_error(dir, e))?;
    let previous = read_manifest(dir)?;
    if let Some(p) = &previous
        && p.feed != feed
    {
        return Err(Error::InvalidFeed(format!(
            "{} holds the feed \"{}\", not \"{feed}\"",
            dir.display(),
            p.feed
        )));
    }
    let version = previous.as_ref().map_or(1, |p| p.version + 1);

    let snapshot_name = format!("snapshot-{version}.json");
    let snapshot = json!({"feed": feed, "version": version, "services": services});
    let snapshot_ref = write_json(dir, &snapshot_name, &snapshot)?;

    let now_by_id = by_id(&services);
    let mut deltas = Vec::new();
    for from in version.saturating_sub(DELTAS_FROM).max(1)..version {
        let Some(old) = read_snapshot(dir, from)? else {
            continue;
        };
        let then_by_id = by_id(&old);
        let upserts: Vec<&Value> = now_by_id
            .iter()
            .filter(|(id, s)| then_by_id.get(*id) != Some(*s))
            .map(|(_, s)| *s)
            .collect();
        let deletes: Vec<&str> = then_by_id
            .keys()
            .filter(|id| !now_by_id.contains_key(*id))
            .copied()
            .collect();
        let name = format!("delta-{from}-{version}.json");
        let delta = json!({"feed": feed, "from": from, "version": version,
                           "upserts": upserts, "deletes": deletes});
        deltas.push(DeltaRef {
            from,
            file: write_json(dir, &name, &delta)?,
        });
    }

    let manifest = Manifest {
        feed: feed.to_owned(),
        version,
        generated_at: rfc3339(now),
        expires_at: Some(rfc3339(now + chrono::Duration::days(VALID_DAYS))),
        snapshot: snapshot_ref,
        deltas,
    };
    let bytes = serde_json::to_vec_pretty(&manifest)?;
    let signature = key.sign(&bytes, &format!("feed:{feed}\tversion:{version}"))?;
    write_file(dir, &format!("{MANIFEST}.next"), &bytes)?;
    write_file(dir, SIGNATURE, signature.as_bytes())?;
    std::fs::rename(dir.join(format!("{MANIFEST}.next")), dir.join(MANIFEST))
        .map_err(|e| write_error(dir, e))?;
    Ok(Built { manifest, warnings })
}

/// The manifest in a feed folder, if there is one.
pub fn read_manifest(dir: &Path) -> Result<Option<Manifest>> {
    match std::fs::read(dir.join(MANIFEST)) {
        Ok(bytes) => Ok(Some(serde_json::from_slice(&bytes).map_err(|e| {
            Error::InvalidFeed(format!("{}: {e}", dir.join(MANIFEST).display()))
        })?)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(write_error(dir, e)),
    }
}

fn read_snapshot(dir: &Path, version: u64) -> Result<Option<Vec<Value>>> {
    let path = dir.join(format!("snapshot-{version}.json"));
    match std::fs::read(&path) {
        Ok(bytes) => {
            let mut snapshot: Value = serde_json::from_slice(&bytes)
                .map_err(|e| Error::InvalidFeed(format!("{}: {e}", path.display())))?;
            Ok(Some(match snapshot["services"].take() {
                Value::Array(services) => services,
                _ => Vec::new(),
            }))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(write_error(dir, e)),
    }
}

fn by_id(services: &[Value]) -> BTreeMap<&str, &Value> {
    services
        .iter()
        .filter_map(|s| Some((s["id"].as_str()?, s)))
        .collect()
}

fn write_json(dir: &Path, name: &str, value: &Value) -> Result<FileRef> {
    let bytes = serde_json::to_vec(value)?;
    write_file(dir, name, &bytes)?;
    Ok(FileRef {
        url: name.to_owned(),
        sha256: sha256_hex(&bytes),
        bytes: bytes.len() as u64,
    })
}

/// Writes through a temporary name, so a reader never sees half a file.
fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    let temporary = dir.join(format!(".{name}.partial"));
    std::fs::write(&temporary, bytes).map_err(|e| write_error(dir, e))?;
    std::fs::rename(&temporary, dir.join(name)).map_err(|e| write_error(dir, e))
}

fn write_error(dir: &Path, e: std::io::Error) -> Error {
    Error::Storage(format!("cannot write the feed in {}: {e}", dir.display()))
}

fn rfc3339(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
