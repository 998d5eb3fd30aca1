//! Opening the database of the data directory (asking for its passphrase
//! when it is encrypted), `mla backup`, `mla restore` and
//! `mla encryption …`.
//!
//! A passphrase is read from the file named by `MLA_PASSPHRASE_FILE` (its
//! first line), else asked on the terminal without echo; never from an
//! argument, which other users of the machine could see.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use mla_writer::store::{data_dir, is_encrypted, Passphrase, Store, DATABASE_FILE};
use zeroize::Zeroizing;

use crate::EncryptionCommand;

/// Environment variable naming a file whose first line is the database passphrase.
pub const PASSPHRASE_FILE_ENV: &str = "MLA_PASSPHRASE_FILE";

/// Environment variable naming a file whose first line is the new passphrase
/// (`mla encryption on`, `mla encryption change-passphrase`).
pub const NEW_PASSPHRASE_FILE_ENV: &str = "MLA_NEW_PASSPHRASE_FILE";

/// The largest passphrase file read.
const PASSPHRASE_FILE_BYTES: u64 = 64 * 1024;

/// The database of the data directory.
pub fn database_path() -> PathBuf {
    data_dir::data_dir().join(DATABASE_FILE)
}

/// A passphrase from the file named by `env`, else asked on the terminal
/// with `prompt` (twice when `confirm`).
fn read_passphrase(env: &str, prompt: &str, confirm: bool) -> Result<Passphrase, String> {
    if let Some(file) = std::env::var_os(env).filter(|f| !f.is_empty()).map(PathBuf::from) {
        let text = Zeroizing::new(
            mla_writer::request::text_file::read_text_file(&file, PASSPHRASE_FILE_BYTES)
                .map_err(|e| format!("{}: cannot read the passphrase: {e}", file.display()))?,
        );
        let line = text.lines().next().unwrap_or_default().to_string();
        return Passphrase::new(line).map_err(|e| format!("{} ({env}): {e}", file.display()));
    }
    let first = Passphrase::new(ask(prompt)?).map_err(|e| e.to_string())?;
    if confirm {
        let again = Passphrase::new(ask("Type it again: ")?).map_err(|e| e.to_string())?;
        if again != first {
            return Err("the two passphrases differ; nothing was changed".into());
        }
    }
    Ok(first)
}

/// Asks on the terminal, without echo.
fn ask(prompt: &str) -> Result<String, String> {
    rpassword::prompt_password(prompt)
        .map_err(|e| format!("cannot ask for the passphrase on the terminal ({e}); name a file holding it in {PASSPHRASE_FILE_ENV}"))
}

/// The database passphrase, when the database at `path` is encrypted.
pub fn key_for(path: &Path) -> Result<Option<Passphrase>, String> {
    if is_encrypted(path).map_err(|e| e.to_string())? {
        Ok(Some(read_passphrase(PASSPHRASE_FILE_ENV, "Database passphrase: ", false)?))
    } else {
        Ok(None)
    }
}

/// Opens the database of the data directory for reading and writing.
pub fn open() -> Result<Store, String> {
    let path = database_path();
    let key = key_for(&path)?;
    Store::open_with(&path, key.as_ref()).map_err(|e| e.to_string())
}

/// Opens the database of the data directory for reading only.
pub fn open_read_only() -> Result<Store, String> {
    let path = database_path();
    let key = key_for(&path)?;
    Store::open_read_only_with(&path, key.as_ref()).map_err(|e| e.to_string())
}

/// `mla backup PATH`.
pub fn backup(target: &Path) -> Result<ExitCode, String> {
    let store = open_read_only()?;
    store.backup_to(target).map_err(|e| e.to_string())?;
    let encrypted = if store.is_encrypted() { ", encrypted with the database's passphrase" } else { "" };
    println!("backup written to {}{encrypted}", target.display());
    Ok(ExitCode::SUCCESS)
}

/// `mla restore PATH`.
pub fn restore(from: &Path) -> Result<ExitCode, String> {
    let key = if is_encrypted(from).map_err(|e| e.to_string())? {
        Some(read_passphrase(PASSPHRASE_FILE_ENV, "Passphrase of the backup: ", false)?)
    } else {
        None
    };
    let path = database_path();
    let store = Store::restore(&path, from, key.as_ref()).map_err(|e| e.to_string())?;
    let drafts = store.list_drafts().map_err(|e| e.to_string())?.len();
    println!("restored {} from {} ({drafts} drafts)", path.display(), from.display());
    Ok(ExitCode::SUCCESS)
}

/// `mla encryption on|off|change-passphrase|status`.
pub fn encryption(cmd: EncryptionCommand) -> Result<ExitCode, String> {
    let mut store = open()?;
    match cmd {
        EncryptionCommand::Status => {
            println!("{}", if store.is_encrypted() { "on" } else { "off" });
        }
        EncryptionCommand::On => {
            if store.is_encrypted() {
                return Err("the database is already encrypted; use `mla encryption change-passphrase`".into());
            }
            let key = read_passphrase(NEW_PASSPHRASE_FILE_ENV, "New database passphrase: ", true)?;
            store.encrypt(&key).map_err(|e| e.to_string())?;
            println!("the database is encrypted; keep the passphrase safe: without it the drafts cannot be read");
        }
        EncryptionCommand::Off => {
            store.decrypt().map_err(|e| e.to_string())?;
            println!("the database is no longer encrypted");
        }
        EncryptionCommand::ChangePassphrase => {
            let key = read_passphrase(NEW_PASSPHRASE_FILE_ENV, "New database passphrase: ", true)?;
            store.change_passphrase(&key).map_err(|e| e.to_string())?;
            println!("the passphrase is changed");
        }
    }
    Ok(ExitCode::SUCCESS)
}
