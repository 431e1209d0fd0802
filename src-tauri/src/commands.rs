//! The commands the UI calls over the IPC: each locks the store on a blocking thread, asks the
//! engine, and returns model types or a `CommandError` with a stable code.

use crate::AppState;
use bussola_model::{
    CommandError, ErrorCode, FeedStatus, MapLayers, PlaceSuggestion, SearchAnswer, SearchQuery,
    ServiceDetail, SharedDirectory, SyncReport, safe_link,
};
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

/// Searches the directory; the answer says which typed words it read as others.
#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    query: SearchQuery,
) -> Result<SearchAnswer, CommandError> {
    with_store(&state, move |store| store.answer(&query, directory::now())).await
}

/// The feeds on the device and their state.
#[tauri::command]
pub async fn feeds(state: State<'_, AppState>) -> Result<Vec<FeedStatus>, CommandError> {
    with_store(&state, |store| store.feeds()).await
}

/// Everything the detail screen shows of one service.
#[tauri::command]
pub async fn service_detail(
    state: State<'_, AppState>,
    feed: String,
    id: String,
    lang: String,
) -> Result<ServiceDetail, CommandError> {
    with_store(&state, move |store| {
        directory::commands::service_detail(store, &feed, &id, &lang, directory::now())
    })
    .await
}

/// Marks or unmarks a favourite.
#[tauri::command]
pub async fn set_favourite(
    state: State<'_, AppState>,
    feed: String,
    id: String,
    favourite: bool,
) -> Result<(), CommandError> {
    with_store(&state, move |store| match favourite {
        true => store.add_favourite(&feed, &id),
        false => store.remove_favourite(&feed, &id),
    })
    .await
}

/// Comuni whose name starts with `text`, or whose postal code it is.
#[tauri::command]
pub fn places(text: String) -> Vec<PlaceSuggestion> {
    directory::commands::place_suggestions(&text)
}

/// The offline map's boundaries.
#[tauri::command]
pub fn map_layers() -> &'static MapLayers {
    directory::map::layers()
}

/// A remembered choice of the person (language, place, filters).
#[tauri::command]
pub async fn setting(
    state: State<'_, AppState>,
    key: String,
) -> Result<Option<String>, CommandError> {
    with_store(&state, move |store| store.setting(&key)).await
}

#[tauri::command]
pub async fn set_setting(
    state: State<'_, AppState>,
    key: String,
    value: Option<String>,
) -> Result<(), CommandError> {
    with_store(&state, move |store| {
        store.set_setting(&key, value.as_deref())
    })
    .await
}

/// "Clear my data": forgets the favourites, notes and settings kept on this device.
#[tauri::command]
pub async fn clear_personal_data(state: State<'_, AppState>) -> Result<(), CommandError> {
    with_store(&state, |store| store.clear_personal_data()).await
}

/// Hands a link to the system (browser, dialer, mail or map app), only for the schemes the app
/// opens: the webview itself never navigates away from Bussola.
#[tauri::command]
pub fn open_link(app: tauri::AppHandle, link: String) -> Result<(), CommandError> {
    use tauri_plugin_opener::OpenerExt;
    let Some(link) = safe_link(&link) else {
        return Err(CommandError {
            code: ErrorCode::BadQuery,
            message: format!("Bussola opens only https, http, tel, mailto and geo links: {link}"),
        });
    };
    app.opener()
        .open_url(link, None::<&str>)
        .map_err(|e| internal(&e.to_string()))
}

/// The system's preferred languages (BCP 47, best first), for the UI's first choice of locale:
/// the platform knows them better than the webview, which may report only its own default.
#[tauri::command]
pub fn system_languages() -> Vec<String> {
    sys_locale::get_locales()
        .filter(|tag| !tag.is_empty() && tag != "C" && tag != "POSIX")
        .collect()
}

/// When the process started, for the start-up measurement below.
static PROCESS_START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

pub fn note_process_start() {
    PROCESS_START.get_or_init(std::time::Instant::now);
}

/// Called by the UI once its first results are on screen: the start's burst of work is over
/// (the catalogue is loaded), so what it freed goes back to the system. With
/// `BUSSOLA_STARTUP_TRACE` set, also prints how long that took since the process started (the
/// cold-start figure); nothing ever leaves the device.
#[tauri::command]
pub fn first_results_drawn() {
    tauri::async_runtime::spawn_blocking(crate::memory::give_back_freed);
    if std::env::var_os("BUSSOLA_STARTUP_TRACE").is_some()
        && let Some(start) = PROCESS_START.get()
    {
        eprintln!(
            "bussola: first results drawn {} ms after start",
            start.elapsed().as_millis()
        );
    }
}

/// Writes the directory into one file in the person's Downloads folder (or home), to pass on
/// by USB stick or Bluetooth; says where.
#[tauri::command]
pub async fn share_directory(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Result<SharedDirectory, CommandError> {
    use tauri::Manager;
    let mut shared =
        with_store(&state, |store| directory::commands::share_directory(store)).await?;
    let folder = app
        .path()
        .download_dir()
        .or_else(|_| app.path().home_dir())
        .map_err(|e| internal(&e.to_string()))?;
    let path = folder.join(&shared.file_name);
    std::fs::write(&path, &shared.bytes)
        .map_err(|e| internal(&format!("writing {}: {e}", path.display())))?;
    shared.saved_to = Some(path.display().to_string());
    shared.bytes = Vec::new();
    Ok(shared)
}

/// Loads a directory file the person chose; the report says how it went.
#[tauri::command]
pub async fn load_directory(
    state: State<'_, AppState>,
    file_name: String,
    bytes: Vec<u8>,
) -> Result<SyncReport, CommandError> {
    with_store(&state, move |store| {
        Ok(directory::commands::load_directory(
            store,
            &file_name,
            &bytes,
            directory::now(),
        ))
    })
    .await
}
