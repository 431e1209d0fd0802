//! Tauri's build step for the empty window: its config and its one-line page.

fn main() {
    tauri_build::build()
}
