//! Backups: the list, making one now, how many automatic ones to keep, and
//! restoring one (from the list or a file the user chooses). Each command
//! is one call of `mla_writer::store`.

use std::path::PathBuf;

use mla_writer::store::{BackupFile, Store};
use serde::Serialize;
use tauri::State;
use time::OffsetDateTime;
use ts_rs::TS;

use super::security::{database_path, passphrase, ready};
use super::Drafts;
use crate::dialogs::ask_open_path;
use crate::error::IpcError;

/// The backups, and how many automatic ones are kept.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Backups {
    /// The backups in the backups folder, newest first.
    pub files: Vec<BackupFile>,
    /// How many automatic (daily) backups are kept.
    #[ts(type = "number")]
    pub kept: u64,
}

fn backups_of(store: &Store) -> Result<Backups, IpcError> {
    Ok(Backups { files: store.backups()?, kept: store.backups_kept()? as u64 })
}

/// The backups, newest first, and how many are kept.
#[tauri::command(async)]
pub fn backups(drafts: State<'_, Drafts>) -> Result<Backups, IpcError> {
    backups_of(&*drafts.lock()?)
}

/// Makes a backup now, in the backups folder.
#[tauri::command(async)]
pub fn make_backup(drafts: State<'_, Drafts>) -> Result<Backups, IpcError> {
    let store = drafts.lock()?;
    store.backup_now(OffsetDateTime::now_utc())?;
    backups_of(&store)
}

/// Sets how many automatic backups are kept (at least one); older ones are removed.
#[tauri::command(async)]
pub fn set_backups_kept(drafts: State<'_, Drafts>, kept: u32) -> Result<Backups, IpcError> {
    let mut store = drafts.lock()?;
    store.set_backups_kept(kept as usize)?;
    backups_of(&store)
}

/// Restores a backup: `path` from the list, or, given null, a file the user chooses (null when cancelled); `passphrase` is an encrypted backup's (null: the open database's own). The backup is checked before anything changes.
#[tauri::command(async)]
pub fn restore_backup(
    app: tauri::AppHandle,
    drafts: State<'_, Drafts>,
    path: Option<String>,
    passphrase: Option<String>,
) -> Result<Option<Backups>, IpcError> {
    let from = match path {
        Some(path) => PathBuf::from(path),
        None => match ask_open_path(&app, "MLA Writer backup", &["sqlite3"]) {
            Some(path) => path,
            None => return Ok(None),
        },
    };
    let key = passphrase.map(self::passphrase).transpose()?;
    let database = database_path();
    let mut slot = drafts.slot();
    // The database must be closed to be replaced; when the restore fails it
    // is opened again as it was.
    let previous = slot.take().map(Store::close);
    // Without a passphrase, a backup of the open database is tried with its own.
    let key = key.or_else(|| previous.clone().flatten());
    match Store::restore(&database, &from, key.as_ref()) {
        Ok(mut store) => {
            ready(&mut store);
            let backups = backups_of(&store)?;
            *slot = Some(store);
            Ok(Some(backups))
        }
        Err(e) => {
            if let Some(previous_key) = previous {
                *slot = Some(Store::open_with(&database, previous_key.as_ref())?);
            }
            Err(e.into())
        }
    }
}
