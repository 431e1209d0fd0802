//! A damaged database, found at start or by the full read that runs beside the first screen,
//! is moved aside by the engine ([`directory::recovery`]) and the app goes on from its bundled
//! feed; the window is told, once, so it can tell the person.

use crate::AppState;
use bussola_model::RecoveryNotice;
use directory::Store;
use directory::recovery::Recovered;
use tauri::{AppHandle, Emitter, Manager, State};

/// The event the window hears when the data was replaced while it was open.
const RECOVERED_EVENT: &str = "data-recovered";

/// The engine's account of a recovery, as the window shows it.
pub fn notice(recovered: Recovered) -> RecoveryNotice {
    RecoveryNotice {
        reason: recovered.reason,
        moved_to: recovered.moved_to.map(|p| p.display().to_string()),
        user_data_read: recovered.user_data_read,
        favourites: recovered.saved.as_ref().map_or(0, |s| s.favourites),
        settings: recovered.saved.as_ref().is_some_and(|s| s.settings > 0),
        saved_to: recovered.saved.map(|s| s.file.display().to_string()),
    }
}

/// Reads the whole database on a thread of its own; if pages are broken, swaps in a fresh store
/// (the person's data carried over, the bundled feed imported) and tells the window.
pub fn check_in_background(app: AppHandle) {
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        let Err(found) = directory::recovery::check(&state.db_path) else {
            // The check read the whole file through a cache of its own, now freed.
            crate::memory::give_back_freed();
            return;
        };
        // No sync may write into the file while it is moved, and no search read it.
        let _no_sync = state.syncing.lock().unwrap_or_else(|p| p.into_inner());
        let mut store = state.store.lock().unwrap_or_else(|p| p.into_inner());
        // Close the damaged file before it is moved: a placeholder holds the lock's place.
        match Store::open_in_memory() {
            Ok(placeholder) => drop(std::mem::replace(&mut *store, placeholder)),
            Err(error) => {
                eprintln!("bussola: the database is damaged ({found}) and {error}");
                return;
            }
        }
        match directory::recovery::recover(&state.db_path, &found) {
            Ok((mut fresh, recovered)) => {
                if let Err(error) = directory::bundled::import_bundled(&mut fresh) {
                    eprintln!("bussola: the bundled feed did not import: {error}");
                }
                *store = fresh;
                drop(store);
                // Kept for `take_recovery_notice` as well as announced: a window that was not
                // listening yet still finds it when it asks.
                *state.recovered.lock().unwrap_or_else(|p| p.into_inner()) =
                    Some(notice(recovered));
                let _ = app.emit(RECOVERED_EVENT, ());
            }
            Err(error) => eprintln!("bussola: the database is damaged ({found}) and {error}"),
        }
    });
}

/// What was done about a damaged database, once: the window asks at start and whenever it hears
/// `data-recovered`, and shows it until the person closes it.
#[tauri::command]
pub fn take_recovery_notice(state: State<'_, AppState>) -> Option<RecoveryNotice> {
    state
        .recovered
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take()
}
