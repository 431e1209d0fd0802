//! Tauri's build step: generates the app context (config, capabilities, icons) and embeds ui/dist.

fn main() {
    tauri_build::build()
}
