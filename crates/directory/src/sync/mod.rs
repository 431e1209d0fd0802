//! Sync: bring the feeds on the device up to what their sources publish, or leave them exactly
//! as they were and say why.
//!
//! Every rule that decides whether a feed is trusted lives in the feed core
//! ([`bussola_feed::session`]), which does no I/O: it says which file it wants, and a
//! [`Source`] here fetches it (a folder, an HTTP base URL, or the files built into the app).
//! When the core has a plan, [`Store::apply`] writes it in one transaction with the feed's new
//! state, so a crash at any instant leaves the old feed or the new one. The CLI and the app's
//! shell both come in through [`sync_sources`], so they pick the same sources in the same order.

mod built_in;
mod folder;
#[cfg(not(target_arch = "wasm32"))]
pub mod http;

pub use built_in::StaticSource;
pub use folder::FolderSource;

use crate::{Instant, Result, Store};
use bussola_feed::session::{
    Answer, Inspection, Request, Session, Step, Trust, Verification, Wanted,
};
use bussola_feed::{FeedError, FeedKey, Kind};

/// Where a feed's files come from: it answers the feed core's requests.
pub trait Source {
    /// The source as stored and shown: a URL or a folder's path.
    fn name(&self) -> String;

    /// The file `request` names, at most `request.cap` bytes. With an ETag, a source that can
    /// tell may answer [`Answer::NotModified`].
    fn fetch(&mut self, request: &Request) -> Result<Answer, FeedError>;
}

pub(crate) fn too_large(path: &str, cap: u64) -> FeedError {
    FeedError::new(
        Kind::TooLarge,
        format!("{path} is larger than the {cap} bytes allowed"),
    )
}

/// The source a person means by `text`: an http(s) URL (fetched with `options`), or else a
/// folder.
#[cfg(not(target_arch = "wasm32"))]
pub fn source_for(text: &str, options: http::HttpOptions) -> Result<Box<dyn Source>> {
    if text.starts_with("http://") || text.starts_with("https://") {
        return Ok(Box::new(http::HttpSource::new(text, options)?));
    }
    let dir = std::path::PathBuf::from(text);
    if !dir.is_dir() {
        return Err(FeedError::new(
            Kind::Unreachable,
            format!("\"{text}\" is neither an http(s) URL nor a folder"),
        )
        .into());
    }
    Ok(Box::new(FolderSource::new(dir)))
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

/// Plans to apply in order, each with the signed files it came from (path as its manifest
/// names it, bytes).
pub type Steps = Vec<(bussola_feed::session::Plan, Vec<(String, Vec<u8>)>)>;

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

/// A step of a sync of `source`, as the UI hears it.
pub fn step(source: &str, progress: Progress) -> bussola_model::SyncStep {
    use bussola_model::SyncStep;
    let source = source.to_owned();
    match progress {
        Progress::Checking => SyncStep::Checking { source },
        Progress::Downloading { file, bytes } => SyncStep::Downloading {
            source,
            file,
            bytes,
        },
        Progress::Applying { services } => SyncStep::Applying { source, services },
    }
}

/// How the sync of `source` ended, as the UI hears it.
pub fn report(source: &str, outcome: Result<Outcome>) -> bussola_model::SyncReport {
    use bussola_model::{FeedId, FeedVersion};
    let (feed, version, changed, error) = match outcome {
        Ok(Outcome::UpToDate { feed, version }) => (Some(feed), Some(version), false, None),
        Ok(Outcome::Applied { feed, version, .. }) => (Some(feed), Some(version), true, None),
        Err(error) => (None, None, false, Some(error)),
    };
    bussola_model::SyncReport {
        source: source.to_owned(),
        feed: feed.map(FeedId),
        version: version.map(FeedVersion),
        changed,
        failure: error.as_ref().map(crate::Error::sync_failure),
        retry_after_s: error.as_ref().and_then(crate::Error::retry_after),
        error: error.map(|e| e.to_string()),
    }
}

/// The keys a sync may trust for a feed new to the device: those `given` for it, else the
/// configured ones (data/feeds.json).
pub fn trust(given: Vec<FeedKey>) -> Trust {
    let configured = crate::bundled::configured_feeds()
        .into_iter()
        .map(|f| {
            let keys = f
                .keys
                .iter()
                .filter_map(|k| FeedKey::from_text(k).ok())
                .collect();
            (f.feed, keys)
        })
        .collect();
    Trust { given, configured }
}

/// Syncs the feed `source` publishes: the feed core checks, the store applies. On any failure
/// the feed's data is untouched and the error (with its kind) is recorded in its state, where
/// `info` and the app show it.
pub fn sync(
    store: &mut Store,
    source: &mut dyn Source,
    trust: &Trust,
    now: Instant,
    progress: &mut dyn FnMut(Progress),
) -> Result<Outcome> {
    let name = source.name();
    let result = plan_and_apply(store, &name, source, trust, now, progress);
    if let Err(error) = &result {
        // The sync's own error is what the person must hear; failing to note it (a database
        // busy with another sync) must not replace it.
        let _ = store.record_failure(&name, error, now);
    }
    result
}

fn plan_and_apply(
    store: &mut Store,
    name: &str,
    source: &mut dyn Source,
    trust: &Trust,
    now: Instant,
    progress: &mut dyn FnMut(Progress),
) -> Result<Outcome> {
    progress(Progress::Checking);
    let (mut session, mut request) = Session::start(store.device(name)?, trust.clone(), now);
    // The signed files as they came, kept with the version they bring (to pass it on).
    let mut files = Vec::new();
    loop {
        announce(&request, progress);
        let answer = source.fetch(&request).map_err(|e| request.refine(e))?;
        if let Answer::Body { bytes, .. } = &answer {
            files.push((request.path.clone(), bytes.clone()));
        }
        match session.answer(answer)? {
            Step::Fetch(next) => request = next,
            Step::Done(plan) => return store.apply(name, plan, files, now, progress),
        }
    }
}

/// Tells `progress` when a file the manifest names starts downloading (every driver loop does).
pub fn announce(request: &Request, progress: &mut dyn FnMut(Progress)) {
    if let (Wanted::Snapshot | Wanted::Delta, Some(bytes)) = (request.wanted, request.bytes) {
        progress(Progress::Downloading {
            file: request.path.clone(),
            bytes,
        });
    }
}

/// A feed's base URL, ending in `/` (a URL given with its `manifest.json` works too): what a
/// source is stored and bound as.
pub fn feed_base(url: &str) -> String {
    let url = url.trim();
    let base = url
        .strip_suffix(bussola_feed::contract::MANIFEST)
        .unwrap_or(url);
    match base.ends_with('/') {
        true => base.to_owned(),
        false => format!("{base}/"),
    }
}

/// The sources a device syncs, in order: `override_source` alone when given (`--feed`,
/// `BUSSOLA_FEED_URL`); else every configured feed's URL, then every source this device synced
/// from before.
pub fn sources_to_sync(store: &Store, override_source: Option<&str>) -> Result<Vec<String>> {
    if let Some(source) = override_source.map(str::trim).filter(|s| !s.is_empty()) {
        return Ok(vec![source.to_owned()]);
    }
    let mut sources: Vec<String> = crate::bundled::configured_feeds()
        .into_iter()
        .filter_map(|f| f.url)
        .collect();
    for known in store.sources()? {
        if !sources.contains(&known) {
            sources.push(known);
        }
    }
    Ok(sources)
}

/// The one sync entry point of the CLI and the app: each source of [`sources_to_sync`] in turn,
/// with `given_keys` trusted for feeds new to the device. Progress names the source.
#[cfg(not(target_arch = "wasm32"))]
pub fn sync_sources(
    store: &mut Store,
    override_source: Option<&str>,
    given_keys: Vec<FeedKey>,
    options: &http::HttpOptions,
    now: Instant,
    progress: &mut dyn FnMut(&str, Progress),
) -> Result<Vec<(String, Result<Outcome>)>> {
    let trust = trust(given_keys);
    let mut outcomes = Vec::new();
    for name in sources_to_sync(store, override_source)? {
        let outcome = source_for(&name, options.clone()).and_then(|mut source| {
            sync(store, source.as_mut(), &trust, now, &mut |p| {
                progress(&name, p)
            })
        });
        outcomes.push((name, outcome));
    }
    Ok(outcomes)
}

/// Checks a published feed as a device would, every file included, without a store: the
/// signature, each file's size and sha256, feed ids and versions, and every record.
pub fn inspect(source: &mut dyn Source, keys: &[FeedKey]) -> Result<Inspection> {
    let (mut verification, mut request) = Verification::start(keys.to_vec());
    loop {
        let answer = source.fetch(&request).map_err(|e| request.refine(e))?;
        match verification.answer(answer)? {
            Some(next) => request = next,
            None => break,
        }
    }
    Ok(verification
        .finish()
        .ok_or_else(|| FeedError::malformed("the verification ended early"))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bussola_feed::keys::{SigningKey, generate};

    #[test]
    fn the_cli_and_the_app_sync_the_same_sources_in_the_same_order() {
        // Once the CLI synced only the sources it had seen and the app the configured ones too:
        // both now ask this one function.
        let mut store = Store::open_in_memory().unwrap();
        let configured: Vec<String> = crate::bundled::configured_feeds()
            .into_iter()
            .filter_map(|f| f.url)
            .collect();
        assert_eq!(sources_to_sync(&store, None).unwrap(), configured);
        assert_eq!(
            sources_to_sync(&store, Some(" https://feed.example/umbria/ ")).unwrap(),
            ["https://feed.example/umbria/"]
        );

        let (secret, _) = generate().unwrap();
        let key = SigningKey::from_text(&secret, None).unwrap();
        let trust = trust(vec![key.public().unwrap()]);
        let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
        let mut synced = Vec::new();
        for (minute, (dir, feed)) in dirs.iter().zip(["marche", "lazio"]).enumerate() {
            let now = crate::now() + chrono::Duration::minutes(minute as i64);
            let service = serde_json::json!({"id": "a", "name": "A", "status": "active",
                "categories": ["helpline"]});
            crate::publish::build(feed, vec![service], dir.path(), &key, now).unwrap();
            let mut source = FolderSource::new(dir.path());
            synced.push(source.name());
            sync(&mut store, &mut source, &trust, now, &mut |_| {}).unwrap();
        }
        // The configured feeds first, then every source synced before, oldest first.
        let expected: Vec<String> = configured.into_iter().chain(synced).collect();
        assert_eq!(sources_to_sync(&store, None).unwrap(), expected);
    }

    #[test]
    fn a_plan_signed_by_a_key_that_lost_the_race_to_pin_is_refused() {
        // Two syncs of a feed new to the device, each trusting another key: the plan made
        // first but applied second must not replace the data of the key pinned meanwhile.
        let mut store = Store::open_in_memory().unwrap();
        let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
        let mut plans = Vec::new();
        for dir in &dirs {
            let (secret, _) = generate().unwrap();
            let key = SigningKey::from_text(&secret, None).unwrap();
            let service = serde_json::json!({"id": "a", "name": "A", "status": "active",
                "categories": ["helpline"]});
            crate::publish::build("marche", vec![service], dir.path(), &key, crate::now()).unwrap();
            let mut source = FolderSource::new(dir.path());
            let trust = trust(vec![key.public().unwrap()]);
            let name = source.name();
            let (mut session, mut request) = bussola_feed::session::Session::start(
                store.device(&name).unwrap(),
                trust,
                crate::now(),
            );
            let plan = loop {
                match session.answer(source.fetch(&request).unwrap()).unwrap() {
                    Step::Fetch(next) => request = next,
                    Step::Done(plan) => break plan,
                }
            };
            plans.push((name, plan));
        }
        let (second_name, second) = plans.pop().unwrap();
        let (first_name, first) = plans.pop().unwrap();
        store
            .apply(&second_name, second, Vec::new(), crate::now(), &mut |_| {})
            .unwrap();
        let error = store
            .apply(&first_name, first, Vec::new(), crate::now(), &mut |_| {})
            .unwrap_err();
        assert_eq!(error.sync_failure(), Kind::UnknownKey, "{error}");
    }
}
