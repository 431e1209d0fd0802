//! The commands the UI calls over the IPC: each locks the store on a blocking thread, asks the
//! engine, and returns model types or a `CommandError` with a stable code.

use crate::AppState;
use bussola_model::{CommandError, ErrorCode, FeedStatus, Hit, SearchQuery};
use directory::Store;
use tauri::State;

/// Runs `work` with the store on a blocking thread.
async fn with_store<T, F>(state: &State<'_, AppState>, work: F) -> Result<T, CommandError>
where
    T: Send + 'static,
    F: FnOnce(&mut Store) -> directory::Result<T> + Send + 'static,
{
    let store = state.store.clone();
    tauri::async_runtime::spawn_blocking(move || {
        // A command that panicked left SQLite consistent (its transaction rolled back): the
        // next one goes on rather than failing for the rest of the session.
        let mut store = store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        work(&mut store).map_err(CommandError::from)
    })
    .await
    .map_err(|e| internal(&e.to_string()))?
}

fn internal(message: &str) -> CommandError {
    CommandError {
        code: ErrorCode::Internal,
        message: message.to_owned(),
    }
}

/// Searches the directory.
#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    query: SearchQuery,
) -> Result<Vec<Hit>, CommandError> {
    with_store(&state, move |store| store.search(&query, directory::now())).await
}

/// The feeds on the device and their state.
#[tauri::command]
pub async fn feeds(state: State<'_, AppState>) -> Result<Vec<FeedStatus>, CommandError> {
    with_store(&state, |store| store.feeds()).await
}
