//! The UI's commands that take more than one call to the engine, written once for every shell:
//! the Tauri window and the web app's worker answer the UI with these, so both say the same.
//! (Commands that are one call, such as a search, call the [`Store`] directly.)

use crate::gazetteer::Gazetteer;
use crate::{Instant, Result, Store};
use bussola_model::{PlaceSuggestion, ServiceDetail};

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
    detail.feed_contact = crate::bundled::configured_feeds()
        .into_iter()
        .find(|f| f.feed == feed)
        .and_then(|f| f.contact);
    Ok(detail)
}
