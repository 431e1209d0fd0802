//! Keeping the data fresh: which sources the app syncs from, on its own connection to the
//! store so searches go on meanwhile, with each step streamed to the window.
//!
//! The window asks for a sync after its first screen is drawn, every few hours while it is
//! open, and when the person presses "Update now" ([`sync_now`]). `BUSSOLA_FEED_URL` replaces
//! every configured source; `BUSSOLA_FEED_PUBKEY` the keys.

use crate::AppState;
use bussola_model::{CommandError, ErrorCode, SyncReport};
use directory::Store;
use directory::feed::FeedKey;
use directory::sync::Progress;
use tauri::{AppHandle, Emitter, State};

/// `BUSSOLA_FEED_URL` and `BUSSOLA_FEED_PUBKEY`, when set: a source that replaces the configured
/// ones, and a key (its `RW…` text) for feeds new to the device.
fn overrides() -> directory::Result<(Option<String>, Vec<FeedKey>)> {
    let set = |name| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let keys = match set("BUSSOLA_FEED_PUBKEY") {
        Some(key) => vec![FeedKey::from_text(&key)?],
        None => Vec::new(),
    };
    Ok((set("BUSSOLA_FEED_URL"), keys))
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
        let (source, keys) = overrides().map_err(CommandError::from)?;
        let mut progress = |source: &str, p: Progress| {
            // A window that is gone no longer needs to hear.
            let _ = app.emit("sync-progress", directory::sync::step(source, p));
        };
        let results = directory::sync::sync_sources(
            &mut store,
            source.as_deref(),
            keys,
            &Default::default(),
            directory::now(),
            &mut progress,
        )
        .map_err(CommandError::from)?;
        drop(store);
        // A feed's import is the app's largest burst of allocation.
        crate::memory::give_back_freed();
        Ok(results
            .into_iter()
            .map(|(source, outcome)| directory::sync::report(&source, outcome))
            .collect())
    })
    .await
    .map_err(|e| CommandError {
        code: ErrorCode::Internal,
        message: e.to_string(),
    })?
}
