//! An empty Tauri 2 window, the same size as Bussola's, showing one line of static text: what any
//! Tauri app costs before it does anything. `cargo xtask measure` reports Bussola's idle memory
//! beside this one's.

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the empty window could not start");
}
