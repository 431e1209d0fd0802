//! The commands the UI calls over the IPC: each locks the store on a blocking thread, asks the
//! engine, and returns model types or a `CommandError` with a stable code.

use crate::AppState;
use bussola_model::{
    CommandError, ErrorCode, FeedStatus, MapLayers, NewCorrection, PlaceSuggestion, SearchAnswer,
    SearchQuery, ServiceCorrection, ServiceDetail, SharedDirectory, SyncReport, safe_link,
};
use directory::Store;
use std::path::{Path, PathBuf};
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
    let mut shared =
        with_store(&state, |store| directory::commands::share_directory(store)).await?;
    // Beside a file of that name rather than over it, as every file the app saves.
    let folder = save_folder(&app)?;
    let bytes = std::mem::take(&mut shared.bytes);
    let name = shared.file_name.clone();
    let path = tauri::async_runtime::spawn_blocking(move || write_new_file(&folder, &name, &bytes))
        .await
        .map_err(|e| internal(&e.to_string()))??;
    shared.saved_to = Some(path.display().to_string());
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

/// Where the desktop saves the files it makes for the person: their Downloads folder, or their
/// home when the system names none.
fn save_folder(app: &tauri::AppHandle) -> Result<PathBuf, CommandError> {
    use tauri::Manager;
    app.path()
        .download_dir()
        .or_else(|_| app.path().home_dir())
        .map_err(|e| internal(&e.to_string()))
}

/// Writes a file the app made (a correction to send, the referral sheet's image) into the
/// person's Downloads folder (or home), beside any file of that name rather than over it: the
/// full path written.
#[tauri::command]
pub async fn save_file(
    app: tauri::AppHandle,
    file_name: String,
    bytes: Vec<u8>,
) -> Result<String, CommandError> {
    if !is_plain_file_name(&file_name) {
        return Err(CommandError {
            code: ErrorCode::BadQuery,
            message: format!("\"{file_name}\" is not a name the app saves a file under"),
        });
    }
    let folder = save_folder(&app)?;
    tauri::async_runtime::spawn_blocking(move || write_new_file(&folder, &file_name, &bytes))
        .await
        .map_err(|e| internal(&e.to_string()))?
        .map(|path| path.display().to_string())
}

/// A name only, to save under in the save folder: the window chooses what a file is called,
/// never where it goes (no separator, no `..`, no hidden file).
fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\'])
        && !name.chars().any(char::is_control)
}

/// How many names `write_new_file` tries before it gives up: `name (2).ext` … `name (99).ext`.
const SAVE_ATTEMPTS: u32 = 99;

/// Writes `bytes` as a new file `file_name` in `folder`, or `name (2).ext`, `name (3).ext`…
/// when that is taken: the file is created only if it does not exist, so nothing the person
/// keeps there is overwritten, even by a file appearing meanwhile.
fn write_new_file(folder: &Path, file_name: &str, bytes: &[u8]) -> Result<PathBuf, CommandError> {
    use std::io::Write;
    let name = Path::new(file_name);
    let stem = name
        .file_stem()
        .unwrap_or(name.as_os_str())
        .to_string_lossy();
    let extension = name
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    for attempt in 1..=SAVE_ATTEMPTS {
        let path = match attempt {
            1 => folder.join(file_name),
            n => folder.join(format!("{stem} ({n}){extension}")),
        };
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut file| file.write_all(bytes).map(|()| file))
            .and_then(|file| file.sync_all());
        match written {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(internal(&format!("writing {}: {e}", path.display()))),
        }
    }
    Err(internal(&format!(
        "{} already holds {file_name} and {SAVE_ATTEMPTS} numbered copies of it",
        folder.display()
    )))
}

/// Keeps what the person says is wrong with a service's entry, on the device only.
#[tauri::command]
pub async fn suggest_correction(
    state: State<'_, AppState>,
    new: NewCorrection,
) -> Result<ServiceCorrection, CommandError> {
    with_store(&state, move |store| {
        directory::commands::suggest_correction(store, &new, directory::now())
    })
    .await
}

/// The person's corrections, newest first, with where each feed's editors take them.
#[tauri::command]
pub async fn corrections(
    state: State<'_, AppState>,
) -> Result<Vec<ServiceCorrection>, CommandError> {
    with_store(&state, |store| directory::commands::corrections(store)).await
}

/// Forgets one of the person's corrections.
#[tauri::command]
pub async fn remove_correction(state: State<'_, AppState>, id: i64) -> Result<(), CommandError> {
    with_store(&state, move |store| {
        directory::commands::remove_correction(store, id)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_saved_under_a_plain_name_only() {
        assert!(is_plain_file_name("correction-cpia-terni.json"));
        assert!(is_plain_file_name("scheda (1).png"));
        for name in [
            "",
            ".bashrc",
            "..",
            "../x.json",
            "a/b.json",
            "a\\b.json",
            "a\nb",
        ] {
            assert!(!is_plain_file_name(name), "{name:?}");
        }
    }

    #[test]
    fn a_saved_file_never_replaces_one_already_there() {
        let folder = tempfile::tempdir().unwrap();
        let saved = |bytes: &[u8]| write_new_file(folder.path(), "correction.json", bytes).unwrap();
        let names: Vec<PathBuf> = [b"1", b"2", b"3"].map(|b| saved(b)).into();
        assert_eq!(
            names,
            [
                "correction.json",
                "correction (2).json",
                "correction (3).json"
            ]
            .map(|n| folder.path().join(n))
        );
        assert_eq!(std::fs::read(&names[0]).unwrap(), b"1");
        assert_eq!(std::fs::read(&names[2]).unwrap(), b"3");
        let bare = write_new_file(folder.path(), "README", b"x").unwrap();
        let again = write_new_file(folder.path(), "README", b"y").unwrap();
        assert_eq!(again, folder.path().join("README (2)"));
        assert_eq!(std::fs::read(bare).unwrap(), b"x");
    }
}
