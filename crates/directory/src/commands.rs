//! The UI's commands that take more than one call to the engine, written once for every shell:
//! the Tauri window and the web app's worker answer the UI with these, so both say the same.
//! (Commands that are one call, such as a search, call the [`Store`] directly.)

use crate::bundled::{ConfiguredFeed, configured_feeds};
use crate::gazetteer::Gazetteer;
use crate::{Instant, Result, Store};
use bussola_model::{
    FeedId, FeedVersion, NewCorrection, PlaceSuggestion, ServiceCorrection, ServiceDetail,
    SharedDirectory, SyncReport,
};

/// Comuni whose name starts with `text`, or whose postal code it is, best first.
pub fn place_suggestions(text: &str) -> Vec<PlaceSuggestion> {
    Gazetteer::get()
        .lookup(text, 8)
        .into_iter()
        .map(|c| PlaceSuggestion {
            name: c.name.clone(),
            province: c.province.clone(),
            cap: c.caps.first().cloned(),
            point: c.position,
        })
        .collect()
}

/// Everything the detail screen shows of one service, with where its feed's editors take
/// reports of a wrong entry.
pub fn service_detail(
    store: &Store,
    feed: &str,
    id: &str,
    lang: &str,
    now: Instant,
) -> Result<ServiceDetail> {
    let mut detail = store.service_detail(feed, id, lang, now)?;
    detail.feed_contact = feed_contact(&configured_feeds(), feed);
    Ok(detail)
}

/// Where the editors of `feed` take reports of a wrong entry, as the app's configured feeds say.
fn feed_contact(feeds: &[ConfiguredFeed], feed: &str) -> Option<String> {
    feeds
        .iter()
        .find(|f| f.feed == feed)
        .and_then(|f| f.contact.clone())
}

/// Keeps on the device what the person says is wrong with a service's entry, dated today in
/// Italy (the day the feed's editors read), with where to send it.
pub fn suggest_correction(
    store: &Store,
    new: &NewCorrection,
    now: Instant,
) -> Result<ServiceCorrection> {
    let today = now
        .with_timezone(&chrono_tz::Europe::Rome)
        .date_naive()
        .to_string();
    let mut correction = store.add_correction(new, &today)?;
    correction.feed_contact = feed_contact(&configured_feeds(), &correction.feed.0);
    Ok(correction)
}

/// The person's corrections, newest first, each with where its feed's editors take them.
pub fn corrections(store: &Store) -> Result<Vec<ServiceCorrection>> {
    let mut corrections = store.corrections()?;
    let feeds = configured_feeds();
    for correction in &mut corrections {
        correction.feed_contact = feed_contact(&feeds, &correction.feed.0);
    }
    Ok(corrections)
}

/// Forgets one of the person's corrections (sent, or no longer wanted).
pub fn remove_correction(store: &Store, id: i64) -> Result<()> {
    store.remove_correction(id)
}

/// The directory of the device's feed in one file, for the person to pass on: its bytes, and
/// the name it is saved under.
pub fn share_directory(store: &Store) -> Result<SharedDirectory> {
    let shared = crate::share::export(store, None)?;
    Ok(SharedDirectory {
        file_name: shared.file_name,
        feed: FeedId(shared.feed),
        version: FeedVersion(shared.version),
        saved_to: None,
        bytes: shared.bytes,
    })
}

/// A directory file the app could not even read (gone, not allowed, a folder), said as a file
/// that cannot be loaded, so the window says it as it says the others.
pub fn unreadable_file(file_name: &str, error: &str) -> SyncReport {
    SyncReport {
        source: file_name.to_owned(),
        feed: None,
        version: None,
        changed: false,
        // Said as a file that is not a directory file: "the server does not answer" would
        // send the person looking for a network.
        failure: Some(bussola_model::SyncFailure::Malformed),
        retry_after_s: None,
        error: Some(format!("{file_name} could not be read: {error}")),
    }
}

/// Loads a directory file the person chose, checked with the keys this device trusts (no key
/// can be given from the app: a feed new to it must be one the app is configured for). How it
/// went is said as a sync's report, so the app says it in the same words.
pub fn load_directory(
    store: &mut Store,
    file_name: &str,
    bytes: &[u8],
    now: Instant,
) -> SyncReport {
    let trust = crate::sync::trust(Vec::new());
    let outcome = crate::share::import(store, bytes, &trust, now, &mut |_| {});
    crate::sync::report(file_name, outcome)
}
