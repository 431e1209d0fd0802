//! The Tauri shell: opens the local store (recovering from a damaged one, [`recover`]), hands it
//! to the window's commands, keeps the data fresh ([`sync`]), and loads the directory files
//! given to it on the command line or dropped on its window ([`opened`]).
//!
//! Every command is a thin wrapper over the `directory` engine; the work runs on a blocking
//! thread so a search never stalls the window's event loop.

mod commands;
mod location;
mod memory;
mod opened;
mod recover;
mod speech;
mod sync;
mod webview;

use bussola_model::{RecoveryNotice, SyncReport};
use directory::Store;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tauri::Manager;

/// What every command reaches: the open store for searches, and what a sync needs to open
/// its own connection beside it.
pub struct AppState {
    pub store: Arc<Mutex<Store>>,
    pub db_path: PathBuf,
    /// Held while a sync runs.
    pub syncing: Arc<Mutex<()>>,
    /// What was done about a damaged database, until the window has told the person.
    pub recovered: Arc<Mutex<Option<RecoveryNotice>>>,
    /// How the directory files handed to the app went, until the window has told the person.
    pub opened: Arc<Mutex<Vec<SyncReport>>>,
}

/// Where the database lives: `BUSSOLA_DB` when set (tests, or people who keep it elsewhere),
/// else the platform's app-data folder.
fn database_path(app: &tauri::App) -> Result<PathBuf, Box<dyn std::error::Error>> {
    if let Some(path) = std::env::var_os("BUSSOLA_DB").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    let dir = app.path().app_data_dir()?;
    std::fs::create_dir_all(&dir)?;
    Ok(dir.join("bussola.db"))
}

/// Builds and runs the app until its window closes.
#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    commands::note_process_start();
    let builder = tauri::Builder::default().plugin(tauri_plugin_opener::init());
    #[cfg(mobile)]
    let builder = builder.plugin(tauri_plugin_geolocation::init());
    builder
        .setup(|app| {
            webview::draw_on_the_cpu(app);
            let path = database_path(app)?;
            let (store, recovered) = directory::recovery::open_with_bundled(&path)?;
            let just_recovered = recovered.is_some();
            app.manage(speech::Voice::from_env());
            app.manage(AppState {
                store: Arc::new(Mutex::new(store)),
                db_path: path,
                syncing: Arc::default(),
                recovered: Arc::new(Mutex::new(recovered.map(recover::notice))),
                opened: Arc::default(),
            });
            if !just_recovered {
                recover::check_in_background(app.handle().clone());
            }
            opened::load_in_background(app.handle().clone(), opened::files_in_arguments());
            Ok(())
        })
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                opened::load_in_background(window.app_handle().clone(), paths.clone());
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::search,
            commands::feeds,
            commands::service_detail,
            commands::set_favourite,
            commands::places,
            commands::map_layers,
            commands::setting,
            commands::set_setting,
            commands::open_link,
            commands::system_languages,
            commands::first_results_drawn,
            commands::clear_personal_data,
            commands::share_directory,
            commands::load_directory,
            commands::save_file,
            commands::suggest_correction,
            commands::corrections,
            commands::remove_correction,
            recover::take_recovery_notice,
            opened::take_opened_files,
            location::can_locate,
            location::current_position,
            sync::sync_now,
            speech::can_speak,
            speech::speak,
            speech::stop_speaking
        ])
        .build(tauri::generate_context!())
        .expect("Bussola could not start its window")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                app.state::<speech::Voice>().silence();
            }
        });
}
