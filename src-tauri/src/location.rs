//! The device's own position, on phones only, through Tauri's geolocation plugin: asked for when
//! the person presses "Use my location", after the system's permission prompt, and returned to
//! the window alone. It is never stored (the place is remembered only when it is a comune) and
//! never sent anywhere: distances are computed on the device.
//!
//! The window reaches it through these two commands, not through the plugin's own, so the
//! capability still lists nothing but Bussola's commands. Desktops have no position to give.

use bussola_model::{CommandError, ErrorCode, LatLon};

/// Whether this build can ask the device where it is.
#[tauri::command]
pub fn can_locate() -> bool {
    cfg!(mobile)
}

/// Where the device is, to the precision the person allowed (coarse is enough: the nearest
/// offices are kilometres apart).
#[cfg(mobile)]
#[tauri::command]
pub async fn current_position(app: tauri::AppHandle) -> Result<LatLon, CommandError> {
    use tauri_plugin_geolocation::{GeolocationExt, PermissionType, PositionOptions};
    tauri::async_runtime::spawn_blocking(move || {
        let geolocation = app.geolocation();
        // Prompts only when the person has not answered yet; a refusal shows up as the error
        // of the position below.
        let _ = geolocation.request_permissions(Some(vec![PermissionType::Location]));
        let position = geolocation
            .get_current_position(Some(PositionOptions {
                enable_high_accuracy: false,
                timeout: 15_000,
                maximum_age: 120_000,
            }))
            .map_err(|e| unavailable(&e.to_string()))?;
        Ok(LatLon {
            lat: position.coords.latitude,
            lon: position.coords.longitude,
        })
    })
    .await
    .map_err(|e| unavailable(&e.to_string()))?
}

#[cfg(not(mobile))]
#[tauri::command]
pub fn current_position() -> Result<LatLon, CommandError> {
    Err(unavailable("this device cannot tell where it is"))
}

fn unavailable(why: &str) -> CommandError {
    CommandError {
        code: ErrorCode::Internal,
        message: format!("the position is not available: {why}"),
    }
}
