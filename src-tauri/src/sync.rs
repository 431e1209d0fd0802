//! Keeping the data fresh: which sources the app syncs from, on its own connection to the
//! store so searches go on meanwhile, with each step streamed to the window.
//!
//! The window asks for a sync after its first screen is drawn, every few hours while it is
//! open, and when the person presses "Update now" ([`sync_now`]). `BUSSOLA_FEED_URL` replaces
//! every configured source; `BUSSOLA_FEED_PUBKEY` the keys.

use crate::AppState;
use bussola_model::{CommandError, ErrorCode, FeedId, FeedVersion, SyncReport, SyncStep};
use directory::Store;
use directory::http::HttpOptions;
use directory::signature::FeedKey;
use directory::sync::{Outcome, Progress};
use tauri::{AppHandle, Emitter, State};

/// The sources to sync and the keys each may be verified with.
fn sources(store: &Store) -> directory::Result<Vec<(String, Vec<FeedKey>)>> {
    let override_keys = match std::env::var("BUSSOLA_FEED_PUBKEY") {
        Ok(key) if !key.trim().is_empty() => vec![FeedKey::parse(&key)?],
        _ => Vec::new(),
    };
    if let Ok(url) = std::env::var("BUSSOLA_FEED_URL")
        && !url.trim().is_empty()
    {
        return Ok(vec![(url, override_keys)]);
    }
    let mut sources = Vec::new();
    // Configured feeds are verified by their configured keys unless BUSSOLA_FEED_PUBKEY is set.
    for configured in directory::bundled::configured_feeds() {
        if let Some(url) = configured.url {
            sources.push((url, override_keys.clone()));
        }
    }
    for known in store.sources()? {
        if !sources.iter().any(|(url, _)| *url == known) {
            sources.push((known, override_keys.clone()));
        }
    }
    Ok(sources)
}

/// Syncs every source in turn and says how each ended; progress goes out as `sync-progress`.
#[tauri::command]
pub async fn sync_now(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Vec<SyncReport>, CommandError> {
    let path = state.db_path.clone();
    let running = state.syncing.clone();
    tauri::async_runtime::spawn_blocking(move || {
        // One sync at a time: a second press waits for nothing and says so.
        let Ok(_guard) = running.try_lock() else {
            return Err(CommandError {
                code: ErrorCode::Feed,
                message: "an update is already running".into(),
            });
        };
        let mut store = Store::open(&path).map_err(CommandError::from)?;
        let sources = sources(&store).map_err(CommandError::from)?;
        let mut reports = Vec::new();
        for (url, keys) in sources {
            let report = match directory::sync::source_for(&url, patient_enough()) {
                Ok(mut source) => {
                    let mut progress = |p: Progress| {
                        let step = match p {
                            Progress::Checking => SyncStep::Checking {
                                source: url.clone(),
                            },
                            Progress::Downloading { file, bytes } => SyncStep::Downloading {
                                source: url.clone(),
                                file,
                                bytes,
                            },
                            Progress::Applying { services } => SyncStep::Applying {
                                source: url.clone(),
                                services,
                            },
                        };
                        // A window that is gone no longer needs to hear.
                        let _ = app.emit("sync-progress", step);
                    };
                    report(&url, store.sync(source.as_mut(), &keys, &mut progress))
                }
                Err(error) => report(&url, Err(error)),
            };
            reports.push(report);
        }
        drop(store);
        // A feed's import is the app's largest burst of allocation.
        crate::memory::give_back_freed();
        Ok(reports)
    })
    .await
    .map_err(|e| CommandError {
        code: ErrorCode::Internal,
        message: e.to_string(),
    })?
}

/// A person waiting on "Update now" hears within seconds that the feed cannot be reached;
/// the next periodic sync tries again anyway.
fn patient_enough() -> HttpOptions {
    HttpOptions {
        retries: 2,
        deadline: std::time::Duration::from_secs(300),
        ..HttpOptions::default()
    }
}

fn report(source: &str, outcome: directory::Result<Outcome>) -> SyncReport {
    let (feed, version, changed, error) = match outcome {
        Ok(Outcome::UpToDate { feed, version }) => (Some(feed), Some(version), false, None),
        Ok(Outcome::Applied { feed, version, .. }) => (Some(feed), Some(version), true, None),
        Err(error) => (None, None, false, Some(error)),
    };
    SyncReport {
        source: source.to_owned(),
        feed: feed.map(FeedId),
        version: version.map(FeedVersion),
        changed,
        failure: error.as_ref().map(directory::Error::sync_failure),
        error: error.map(|e| e.to_string()),
    }
}
