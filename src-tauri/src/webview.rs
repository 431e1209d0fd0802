//! How the window's web view draws on Linux: on the CPU, without WebKitGTK's GPU compositing.
//!
//! Bussola's screens are text, a list and an SVG map, which the CPU draws in a few milliseconds.
//! GPU compositing buys them nothing and costs a great deal where there is no GPU driver to use
//! (old laptops, virtual machines, this project's CI): WebKitGTK then composites through Mesa's
//! software renderer, which loads LLVM and its buffers into the web process. Measured here on
//! an idle window with the bundled data (smaps), the web process holds 127 MB instead of 212.
//! WebKit still maps Mesa's libraries at start, so turning compositing off for the whole
//! process (`WEBKIT_DISABLE_COMPOSITING_MODE=1`) would save 6 MB more; that takes setting the
//! environment before any thread starts, which this setting does not need.

/// Asks every web view of the app to draw without GPU compositing. Called in `setup`, before
/// the first page has drawn.
pub fn draw_on_the_cpu(app: &tauri::App) {
    #[cfg(target_os = "linux")]
    {
        use tauri::Manager;
        use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
        for window in app.webview_windows().values() {
            let asked = window.with_webview(|webview| {
                if let Some(settings) = webview.inner().settings() {
                    settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
                }
            });
            if let Err(error) = asked {
                eprintln!("bussola: the web view keeps its own way of drawing: {error}");
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}
