//! The reference of `make bench-app`: a Tauri window with one static page
//! and nothing else (no command, no plugin, no state), built the same way as
//! the app, so that the benchmark shows what the app adds to a bare window.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the window could not start");
}
