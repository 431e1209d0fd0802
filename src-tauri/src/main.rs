//! The `bussola` binary: everything lives in the library, so tests and mobile builds share it.

// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    bussola_app::run();
}
