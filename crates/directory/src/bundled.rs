//! The feeds that ship inside the app, so it is useful before it has ever been online.
//!
//! Until the signed feed format lands, the bundled snapshot is imported unverified through
//! [`import_bundled`], the one place the sync work will harden into a full verification.

use crate::{Result, Store};

/// Umbria's snapshot, built from `data/umbria` (see data/tools).
pub const UMBRIA_SNAPSHOT: &str = include_str!("../../../data/umbria/feed/snapshot-1.json");

/// Where the bundled data says it came from, as `info` shows it.
pub const SOURCE: &str = "bundled";

/// Imports the bundled feeds into `store` when it holds no feed yet. Returns whether it did.
pub fn import_bundled(store: &mut Store) -> Result<bool> {
    if !store.feeds()?.is_empty() {
        return Ok(false);
    }
    let snapshot = serde_json::from_str(UMBRIA_SNAPSHOT)?;
    store.import_snapshot(&snapshot, SOURCE)?;
    Ok(true)
}
