//! Declares the app's commands to Tauri and grants them to the main window,
//! both from the one list in `src/command_list.rs`.

use std::path::Path;

include!("src/command_list.rs");

/// The names of the listed commands.
macro_rules! command_names {
    ($($name:ident ($($arg:ident : $ty:ty),*) -> $result:ty;)*) => {
        &[$(stringify!($name)),*]
    };
}

const COMMANDS: &[&str] = command_list!(command_names);

/// Tauri's own permissions the main window needs beside the commands: to
/// hear that the user asked to close the window, and to close it once the
/// latest changes are saved.
const CORE_PERMISSIONS: &[&str] = &["core:event:allow-listen", "core:window:allow-destroy"];

/// Writes `capabilities/main.json`, the main window's permissions: Tauri's
/// two above and the listed commands, nothing else. Written only when it
/// changes, so that it does not trigger a rebuild of its own.
fn write_capability() {
    let permissions: Vec<String> = CORE_PERMISSIONS
        .iter()
        .map(|p| p.to_string())
        .chain(COMMANDS.iter().map(|c| format!("allow-{}", c.replace('_', "-"))))
        .collect();
    let capability = serde_json::json!({
        "$schema": "../gen/schemas/desktop-schema.json",
        "identifier": "main-window",
        "description": "The main window: the app's commands and closing itself, nothing else. Files and the database are reached only through the commands. Written by build.rs from src/command_list.rs; do not edit.",
        "windows": ["main"],
        "permissions": permissions,
    });
    let text = serde_json::to_string_pretty(&capability).expect("the capability serialises") + "\n";
    let path = Path::new("capabilities/main.json");
    if std::fs::read_to_string(path).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(path, text).expect("capabilities/main.json is writable");
    }
}

fn main() {
    println!("cargo:rerun-if-changed=src/command_list.rs");
    write_capability();
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step");
}
