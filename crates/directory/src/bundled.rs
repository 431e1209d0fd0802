//! The feeds that ship inside the app, so it is useful before it has ever been online, and the
//! configuration of the feeds it knows (data/feeds.json: ids, keys, URLs).
//!
//! A bundled feed is a published feed folder built into the binary, and it goes through the
//! same [`crate::sync::sync`] as any download: signature against the configured key, hashes, every
//! record validated. Its key is then pinned, so later syncs of the region need no `--pubkey`.

use crate::sync::StaticSource;
use crate::{Error, Result, Store};
use bussola_feed::FeedKey;
use bussola_feed::contract::MANIFEST;
use serde::Deserialize;

/// The app's configured feeds (data/feeds.json).
pub const FEEDS_JSON: &str = include_str!("../../../data/feeds.json");

// `UMBRIA_FILES` (the manifest, its signature and the files it names) and `UMBRIA_SNAPSHOT`
// (the snapshot as text, for tests), listed by build.rs from data/umbria/feed/manifest.json.
include!(concat!(env!("OUT_DIR"), "/umbria_feed.rs"));

/// Where the bundled data says it came from, as `info` shows it.
pub const SOURCE: &str = "built-in:umbria";

/// How many services the bundled Umbria feed holds: 42 researched (data/umbria/services.json),
/// 92 town halls and 10 hospitals from open data (data/umbria/opendata-services.json). The tests
/// that count what the app shows on a first start count on it.
pub const BUNDLED_SERVICES: u64 = 144;

#[derive(Debug, Clone, Deserialize)]
pub struct ConfiguredFeed {
    pub feed: String,
    pub name: String,
    pub url: Option<String>,
    pub keys: Vec<String>,
    /// Where the feed's editors take reports of wrong entries (an email address).
    #[serde(default)]
    pub contact: Option<String>,
}

#[derive(Deserialize)]
struct Configuration {
    feeds: Vec<ConfiguredFeed>,
}

/// The feeds data/feeds.json configures.
pub fn configured_feeds() -> Vec<ConfiguredFeed> {
    serde_json::from_str::<Configuration>(FEEDS_JSON)
        .expect("data/feeds.json is checked by the tests")
        .feeds
}

/// The keys configured for a feed.
pub fn configured_keys(feed: &str) -> Result<Vec<FeedKey>> {
    configured_feeds()
        .iter()
        .filter(|f| f.feed == feed)
        .flat_map(|f| f.keys.iter())
        .map(|k| FeedKey::from_text(k).map_err(Error::from))
        .collect()
}

/// Imports the bundled feeds into `store` when it holds no feed yet, verified like any sync.
/// Returns whether it did.
pub fn import_bundled(store: &mut Store) -> Result<bool> {
    if !store.feeds()?.is_empty() {
        keep_bundled_files(store)?;
        return Ok(false);
    }
    let mut source = StaticSource {
        name: SOURCE,
        files: UMBRIA_FILES,
    };
    // No keys given: the configured ones verify it, and are pinned.
    let trust = crate::sync::trust(Vec::new());
    crate::sync::sync(store, &mut source, &trust, crate::now(), &mut |_| {})
        .map_err(|e| Error::InvalidFeed(format!("the bundled Umbria feed is refused: {e}")))?;
    Ok(true)
}

/// A device still on the bundled version, imported before devices kept the files that rebuild
/// their version, takes them from the app: it can pass the directory on.
fn keep_bundled_files(store: &mut Store) -> Result<()> {
    let Some((_, manifest)) = UMBRIA_FILES.iter().find(|(name, _)| *name == MANIFEST) else {
        return Ok(());
    };
    let parsed = bussola_feed::session::parse_manifest(manifest)?;
    store.adopt_files(
        &parsed.feed,
        parsed.version,
        &bussola_feed::contract::sha256_hex(manifest),
        UMBRIA_FILES,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_configured_feed_has_a_valid_key() {
        let feeds = configured_feeds();
        assert!(feeds.iter().any(|f| f.feed == "umbria"));
        for f in feeds {
            assert!(!f.keys.is_empty(), "{}", f.feed);
            assert!(configured_keys(&f.feed).is_ok(), "{}", f.feed);
        }
    }

    #[test]
    fn the_bundled_feed_is_verified_and_its_key_pinned() {
        let mut store = Store::open_in_memory().unwrap();
        assert!(import_bundled(&mut store).unwrap());
        assert_eq!(store.feeds().unwrap()[0].services, BUNDLED_SERVICES);
        assert_eq!(
            store.pinned_keys("umbria").unwrap(),
            configured_keys("umbria").unwrap()
        );
    }
}
