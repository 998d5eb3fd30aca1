//! Encryption at rest: whether the database is encrypted and unlocked,
//! unlocking it at start, turning encryption on and off, and changing the
//! passphrase. Each command is one call of `mla_writer::store`.
//!
//! The store is opened lazily: an encrypted database stays closed until the
//! user gives its passphrase, and every other command is refused with code
//! `database_locked` until then. The passphrase lives in the store only
//! (wiped when the store is dropped); it is never written anywhere.

use std::path::Path;

use mla_writer::directory::demo::Mode;
use mla_writer::store::{self, data_dir, Passphrase, Store, DATABASE_FILE};
use serde::Serialize;
use tauri::{Manager, State};
use time::OffsetDateTime;
use ts_rs::TS;

use super::Drafts;
use crate::error::IpcError;

/// Whether the database is encrypted, and whether it is open.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DatabaseStatus {
    /// The database is encrypted (SQLCipher).
    pub encrypted: bool,
    /// The database is open: not encrypted, or unlocked with its passphrase.
    pub unlocked: bool,
}

/// The database file of the data directory.
pub fn database_path() -> std::path::PathBuf {
    data_dir::data_dir().join(DATABASE_FILE)
}

/// The store at start-up: open and ready when the database is not
/// encrypted, `None` (locked) when it is.
pub fn open_at_start(path: &Path) -> Result<Option<Store>, store::StoreError> {
    if store::is_encrypted(path)? {
        return Ok(None);
    }
    let mut store = Store::open(path)?;
    ready(&mut store);
    Ok(Some(store))
}

/// Opens the database at start-up on a thread of its own, while the window
/// and its web view start (which take far longer), and returns once that
/// thread holds the lock of the store: every command waits until the
/// database is open, as when it was opened before the window. An encrypted
/// database stays closed until the user unlocks it. One that cannot be
/// opened now (a read-only folder, a full disk, another program holding
/// it) is tried again when the window asks for its status
/// (`database_status`), which shows why and offers to try again.
pub fn open_in_background(app: &tauri::AppHandle) {
    let app = app.clone();
    let (held, wait) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let drafts = app.state::<Drafts>();
        let mut slot = drafts.slot();
        let _ = held.send(());
        if slot.is_none() {
            match open_at_start(&database_path()) {
                Ok(store) => *slot = store,
                Err(e) => eprintln!("MLA Writer cannot open its database yet: {e}"),
            }
        }
    });
    // Fails only when the thread stopped before it took the lock; the
    // window's first call, `database_status`, then opens the database.
    let _ = wait.recv();
}

/// What the app does once the database is open: demo mode turned on when
/// the app was started with `MLA_DEMO=1` (`make run`, the end-to-end
/// tests); in demo mode, the demo request and directory on an empty
/// database; and the backup of the day. None of them stops the app.
pub fn ready(store: &mut Store) {
    let today = mla_writer::checks::today();
    if Mode::from_env().is_demo() {
        if let Err(e) = store.set_mode(Mode::Demo, today) {
            eprintln!("MLA Writer could not turn on demo mode: {e}");
        }
    }
    if store.mode().is_ok_and(Mode::is_demo) {
        if let Err(e) = store.seed_demo_if_empty(today) {
            eprintln!("MLA Writer could not create the demo request: {e}");
        }
    }
    if let Err(e) = store.daily_backup(OffsetDateTime::now_utc()) {
        eprintln!("MLA Writer could not make the backup of the day: {e}");
    }
}

/// A passphrase as typed; an empty one is refused.
pub fn passphrase(text: String) -> Result<Passphrase, IpcError> {
    Ok(Passphrase::new(text)?)
}

fn status(drafts: &Drafts) -> Result<DatabaseStatus, IpcError> {
    let slot = drafts.slot();
    Ok(match slot.as_ref() {
        Some(store) => DatabaseStatus { encrypted: store.is_encrypted(), unlocked: true },
        None => DatabaseStatus { encrypted: store::is_encrypted(&database_path())?, unlocked: false },
    })
}

/// Whether the database is encrypted, and whether it is open. A database that could not be opened (a read-only folder, a full disk, another program holding it) is tried again, and the reason it still cannot be opened rejects with its code.
#[tauri::command(async)]
pub fn database_status(drafts: State<'_, Drafts>) -> Result<DatabaseStatus, IpcError> {
    let mut slot = drafts.slot();
    if slot.is_none() {
        *slot = open_at_start(&database_path())?;
    }
    drop(slot);
    status(&drafts)
}

/// Opens the encrypted database with `passphrase`; rejects with code `wrong_passphrase` when it does not open it.
#[tauri::command(async)]
pub fn unlock_database(drafts: State<'_, Drafts>, passphrase: String) -> Result<DatabaseStatus, IpcError> {
    let key = self::passphrase(passphrase)?;
    let mut slot = drafts.slot();
    if slot.is_none() {
        let mut store = Store::open_with(&database_path(), Some(&key))?;
        ready(&mut store);
        *slot = Some(store);
    }
    drop(slot);
    status(&drafts)
}

/// Encrypts the database with `passphrase`, or, given null, writes it back unencrypted.
#[tauri::command(async)]
pub fn set_encryption(drafts: State<'_, Drafts>, passphrase: Option<String>) -> Result<DatabaseStatus, IpcError> {
    let key = passphrase.map(self::passphrase).transpose()?;
    {
        let mut store = drafts.lock()?;
        match &key {
            Some(key) => store.encrypt(key)?,
            None => store.decrypt()?,
        }
    }
    status(&drafts)
}

/// Changes the passphrase of the encrypted database.
#[tauri::command(async)]
pub fn change_database_passphrase(drafts: State<'_, Drafts>, passphrase: String) -> Result<(), IpcError> {
    let key = self::passphrase(passphrase)?;
    Ok(drafts.lock()?.change_passphrase(&key)?)
}
