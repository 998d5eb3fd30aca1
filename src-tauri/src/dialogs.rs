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
