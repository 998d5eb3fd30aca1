//! MLA Writer desktop app: registers the commands over the core and opens the
//! window. Everything else lives in the `mla-writer` core crate.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

#[macro_use]
mod command_list;
mod commands;
mod dialogs;
mod error;
#[cfg(test)]
mod bindings;
#[cfg(test)]
mod ui_fixtures;

use std::sync::Mutex;

use mla_writer::exchange::keystore::KeyStore;
use mla_writer::store::data_dir;

/// The handlers of the listed commands.
macro_rules! handlers {
    ($($name:ident ($($arg:ident : $ty:ty),*) -> $result:ty;)*) => {
        tauri::generate_handler![$(commands::$name),*]
    };
}

fn main() {
    let data_dir = data_dir::data_dir();
    let keys = match KeyStore::from_env(&data_dir) {
        Ok(keys) => keys,
        Err(e) => {
            eprintln!("MLA Writer cannot use its key store: {e}");
            std::process::exit(1);
        }
    };
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(commands::Drafts(Mutex::new(None)))
        .manage(commands::Exchange::new(&data_dir, keys))
        .manage(commands::PendingImport::default())
        .manage(commands::ExportedFiles::default())
        .invoke_handler(command_list!(handlers))
        // The database opens while the window and its web view start.
        .setup(|app| {
            commands::open_in_background(app.handle());
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("the MLA Writer window could not start");
}
