//! "Open" and "Show in folder" after an export. The UI has no opener
//! capability: it asks these commands, which reach only the files this run
//! of the app exported ([`ExportedFiles`]), so a path from anywhere else,
//! such as a package or counterpart's text, is never opened.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tauri::State;

use crate::dialogs::{open_file, show_file};
use crate::error::IpcError;

/// The files exported since the app started.
#[derive(Default)]
pub struct ExportedFiles(Mutex<HashSet<PathBuf>>);

impl ExportedFiles {
    /// Records `path` as exported.
    pub fn record(&self, path: &Path) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).insert(path.to_path_buf());
    }

    /// `path`, when it was exported in this run and is still there.
    fn exported(&self, path: &str) -> Result<PathBuf, IpcError> {
        let path = PathBuf::from(path);
        if !self.0.lock().unwrap_or_else(|p| p.into_inner()).contains(&path) {
            return Err(IpcError::failed(format!("{} was not exported from this window: only a file just exported can be opened", path.display())));
        }
        if !path.is_file() {
            return Err(IpcError::failed(format!("{} is no longer there: it was moved or deleted", path.display())));
        }
        Ok(path)
    }
}

/// Opens exported file `path` with the desktop's program for its type.
#[tauri::command(async)]
pub fn open_exported(exported: State<'_, ExportedFiles>, path: String) -> Result<(), IpcError> {
    open_file(&exported.exported(&path)?).map_err(IpcError::failed)
}

/// Shows exported file `path` selected in the desktop's file manager (or its folder, where the file manager cannot select it).
#[tauri::command(async)]
pub fn show_exported(exported: State<'_, ExportedFiles>, path: String) -> Result<(), IpcError> {
    show_file(&exported.exported(&path)?).map_err(IpcError::failed)
}
