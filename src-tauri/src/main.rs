//! MLA Writer desktop app: registers the commands over the core and opens the
//! window. Everything else lives in the `mla-writer` core crate.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod error;

use std::sync::Mutex;

use mla_writer::store::Store;

fn main() {
    let mut store = match Store::open_default() {
        Ok(store) => store,
        Err(e) => {
            eprintln!("MLA Writer cannot open its database: {e}");
            std::process::exit(1);
        }
    };
    if let Err(e) = store.seed_demo_if_empty(mla_writer::checks::today()) {
        eprintln!("MLA Writer could not create the demo request: {e}");
    }
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(commands::Drafts(Mutex::new(store)))
        .invoke_handler(tauri::generate_handler![
            commands::wizard_definition,
            commands::ui_strings,
            commands::list_drafts,
            commands::new_draft,
            commands::open_draft,
            commands::save_draft,
            commands::create_follow_up,
            commands::check_request,
            commands::preview_request,
            commands::export_pdf,
            commands::export_docx,
            commands::export_xliff,
            commands::import_xliff,
        ])
        .run(tauri::generate_context!())
        .expect("the MLA Writer window could not start");
}
