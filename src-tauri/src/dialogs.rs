//! The native file dialogs. Built with the `e2e-dialog-answers` feature (the
//! end-to-end tests' build only), environment variables answer them instead,
//! so that a test can export and import without a window manager.

use std::path::PathBuf;

use tauri_plugin_dialog::DialogExt;

/// Environment variable that answers the save dialog with a path, or with a
/// folder where the file is saved under the name proposed
/// (`e2e-dialog-answers` builds only).
#[cfg(feature = "e2e-dialog-answers")]
const SAVE_DIALOG_ANSWER_ENV: &str = "MLA_SAVE_DIALOG_ANSWER";

/// Environment variable that answers the open dialog with a path
/// (`e2e-dialog-answers` builds only).
#[cfg(feature = "e2e-dialog-answers")]
const OPEN_DIALOG_ANSWER_ENV: &str = "MLA_OPEN_DIALOG_ANSWER";

/// The test answer in environment variable `name`, if any.
#[cfg(feature = "e2e-dialog-answers")]
fn test_answer(name: &str) -> Option<PathBuf> {
    std::env::var_os(name).map(PathBuf::from)
}

/// Where to save a file: the native save dialog, filtered to `extension`,
/// proposing `file_name`. `None` when the user cancelled.
pub fn ask_save_path(app: &tauri::AppHandle, filter: &str, extension: &str, file_name: &str) -> Option<PathBuf> {
    #[cfg(feature = "e2e-dialog-answers")]
    if let Some(answer) = test_answer(SAVE_DIALOG_ANSWER_ENV) {
        return Some(if answer.is_dir() { answer.join(file_name) } else { answer });
    }
    app.dialog()
        .file()
        .add_filter(filter, &[extension])
        .set_file_name(file_name)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

/// Which file to open: the native open dialog, filtered to `extensions`
/// (described as `filter`). `None` when the user cancelled.
pub fn ask_open_path(app: &tauri::AppHandle, filter: &str, extensions: &[&str]) -> Option<PathBuf> {
    #[cfg(feature = "e2e-dialog-answers")]
    if let Some(answer) = test_answer(OPEN_DIALOG_ANSWER_ENV) {
        return Some(answer);
    }
    app.dialog().file().add_filter(filter, extensions).blocking_pick_file().and_then(|p| p.into_path().ok())
}

/// Which folder to write files into: the native folder dialog (answered by
/// the save dialog's test answer in `e2e-dialog-answers` builds). `None`
/// when the user cancelled.
pub fn ask_folder(app: &tauri::AppHandle) -> Option<PathBuf> {
    #[cfg(feature = "e2e-dialog-answers")]
    if let Some(answer) = test_answer(SAVE_DIALOG_ANSWER_ENV) {
        return Some(answer);
    }
    app.dialog().file().blocking_pick_folder().and_then(|p| p.into_path().ok())
}

/// Environment variable naming a file where "Open" and "Show in folder"
/// are recorded, one line each, instead of starting another program
/// (`e2e-dialog-answers` builds only).
#[cfg(feature = "e2e-dialog-answers")]
const OPENER_LOG_ENV: &str = "MLA_OPENER_LOG";

/// In test builds with [`OPENER_LOG_ENV`] set, records `action` on `path`
/// and says so; else does nothing and says so.
fn recorded(action: &str, path: &std::path::Path) -> Result<bool, String> {
    #[cfg(feature = "e2e-dialog-answers")]
    if let Some(log) = test_answer(OPENER_LOG_ENV) {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new().create(true).append(true).open(&log).map_err(|e| format!("{}: {e}", log.display()))?;
        writeln!(file, "{action} {}", path.display()).map_err(|e| format!("{}: {e}", log.display()))?;
        return Ok(true);
    }
    let _ = (action, path);
    Ok(false)
}

/// Opens `path` with the desktop's default program for its type (GIO).
pub fn open_file(path: &std::path::Path) -> Result<(), String> {
    use gio::prelude::*;
    if recorded("open", path)? {
        return Ok(());
    }
    let uri = gio::File::for_path(path).uri();
    gio::AppInfo::launch_default_for_uri(&uri, None::<&gio::AppLaunchContext>).map_err(|e| format!("{} could not be opened: {e}", path.display()))
}

/// Shows `path` selected in the desktop's file manager (the freedesktop
/// `FileManager1.ShowItems` call), or opens its folder where no file
/// manager answers that call.
pub fn show_file(path: &std::path::Path) -> Result<(), String> {
    use gio::prelude::*;
    if recorded("show", path)? {
        return Ok(());
    }
    let uri = gio::File::for_path(path).uri().to_string();
    let shown = gio::bus_get_sync(gio::BusType::Session, None::<&gio::Cancellable>).and_then(|bus| {
        bus.call_sync(
            Some("org.freedesktop.FileManager1"),
            "/org/freedesktop/FileManager1",
            "org.freedesktop.FileManager1",
            "ShowItems",
            Some(&(vec![uri], "").to_variant()),
            None,
            gio::DBusCallFlags::NONE,
            5000,
            None::<&gio::Cancellable>,
        )
    });
    if shown.is_ok() {
        return Ok(());
    }
    let folder = path.parent().unwrap_or(path);
    let uri = gio::File::for_path(folder).uri();
    gio::AppInfo::launch_default_for_uri(&uri, None::<&gio::AppLaunchContext>).map_err(|e| format!("{} could not be shown: {e}", folder.display()))
}
