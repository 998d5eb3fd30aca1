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
use mla_writer::store::{data_dir, DATABASE_FILE};

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
    // An encrypted database stays closed until the user unlocks it. One
    // that cannot be opened now (a read-only folder, a full disk, another
    // program holding it) is tried again when the window asks for its
    // status, which shows why and offers to try again.
    let store = commands::security::open_at_start(&data_dir.join(DATABASE_FILE)).unwrap_or_else(|e| {
        eprintln!("MLA Writer cannot open its database yet: {e}");
        None
    });
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(commands::Drafts(Mutex::new(store)))
        .manage(commands::Exchange::new(&data_dir, keys))
        .manage(commands::PendingImport::default())
        .manage(commands::ExportedFiles::default())
        .invoke_handler(command_list!(handlers))
        .run(tauri::generate_context!())
        .expect("the MLA Writer window could not start");
}
