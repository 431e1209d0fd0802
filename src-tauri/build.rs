//! Tauri's build step: generates the app context (config, capabilities, icons) and embeds ui/dist.
//!
//! The app's commands are listed here so that Tauri generates an `allow-<command>` permission for
//! each one and, having a manifest, stops allowing every command to every window by default: the
//! capability in `capabilities/` is then the whole of what the webview may call.

/// Every command `lib.rs` registers. A command missing here cannot be called from the window.
const COMMANDS: &[&str] = &[
    "search",
    "feeds",
    "service_detail",
    "set_favourite",
    "places",
    "map_layers",
    "setting",
    "set_setting",
    "open_link",
    "system_languages",
    "first_results_drawn",
    "sync_now",
    "clear_personal_data",
    "share_directory",
    "load_directory",
    "save_file",
    "suggest_correction",
    "corrections",
    "remove_correction",
    "take_recovery_notice",
    "take_opened_files",
    "can_locate",
    "current_position",
    "can_speak",
    "speak",
    "stop_speaking",
];

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("Tauri's build step failed");
}
