//! Directory files handed to the app rather than picked in it: given on the command line
//! (`bussola umbria-v12.bussola`, as a file manager's "Open with" does) or dropped on the
//! window. Each is loaded exactly as "Load from a file" loads one
//! ([`directory::commands::load_directory`]): checked with the pinned keys, applied in one
//! transaction or refused with the data unchanged. The reports wait here until the window
//! takes them, so a file given at start is told about even before the window listens.

use crate::AppState;
use bussola_model::SyncReport;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Emitter, Manager, State};

/// The event the window hears when a handed file was loaded (or refused).
const OPENED_EVENT: &str = "directory-opened";

/// The files among the program's arguments: existing files, whatever their name (the driver
/// that starts the app in tests, and some desktops, add options of their own).
pub fn files_in_arguments() -> Vec<PathBuf> {
    std::env::args_os()
        .skip(1)
        .map(PathBuf::from)
        .filter(|p| !p.to_string_lossy().starts_with('-') && p.is_file())
        .collect()
}

/// Loads `files` one after another on a thread of their own, then tells the window.
pub fn load_in_background(app: AppHandle, files: Vec<PathBuf>) {
    if files.is_empty() {
        return;
    }
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        for file in files {
            let report = load(&state, &file);
            state
                .opened
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(report);
        }
        let _ = app.emit(OPENED_EVENT, ());
    });
}

/// One file, read and loaded; a file that cannot be read is reported as a refused one.
fn load(state: &AppState, file: &Path) -> SyncReport {
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    // A file larger than any directory file (a film dropped by mistake) is not read at all.
    let cap = directory::feed::archive::ARCHIVE_CAP;
    if let Ok(meta) = std::fs::metadata(file)
        && meta.len() > cap
    {
        return directory::commands::unreadable_file(
            &name,
            &format!("{} bytes, more than a directory file's {cap}", meta.len()),
        );
    }
    match std::fs::read(file) {
        Ok(bytes) => {
            let mut store = state.store.lock().unwrap_or_else(|p| p.into_inner());
            directory::commands::load_directory(&mut store, &name, &bytes, directory::now())
        }
        Err(error) => directory::commands::unreadable_file(&name, &error.to_string()),
    }
}

/// The reports of the handed files loaded since the window last asked, oldest first.
#[tauri::command]
pub fn take_opened_files(state: State<'_, AppState>) -> Vec<SyncReport> {
    std::mem::take(&mut *state.opened.lock().unwrap_or_else(|p| p.into_inner()))
}
