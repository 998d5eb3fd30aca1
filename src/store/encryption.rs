//! Turning encryption at rest on and off, and changing the passphrase.
//!
//! A conversion writes the whole database into a new file beside it with
//! SQLCipher's `sqlcipher_export` (encrypted with the new passphrase, or
//! plaintext), checks the copy (it opens with its key, passes
//! `integrity_check` and holds the same drafts and revisions), and only then
//! renames it over the database: the original, and its `-wal` and `-shm`
//! files, are removed once the copy is known good. Until then the database
//! is as it was. Once encrypted, the plaintext backups in the backups folder
//! are removed (see [`super::backup`]). The passphrase is changed in place
//! with `PRAGMA rekey`.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use sha2::{Digest, Sha256};

use super::{file_uri, sqlite_error, unlock, Passphrase, Store, StoreError};

/// Suffix of the copy a conversion writes beside the database.
const CONVERTING_SUFFIX: &str = ".converting";

impl Store {
    /// Encrypts the database with `key` (see the module documentation).
    /// An encrypted database is re-encrypted with the new passphrase.
    pub fn encrypt(&mut self, key: &Passphrase) -> Result<(), StoreError> {
        self.convert(Some(key))
    }

    /// Writes the database back as plaintext (see the module documentation);
    /// nothing to do when it is not encrypted.
    pub fn decrypt(&mut self) -> Result<(), StoreError> {
        if self.key.is_none() {
            return Ok(());
        }
        self.convert(None)
    }

    /// Changes the passphrase of the encrypted database (`PRAGMA rekey`,
    /// which re-encrypts every page in one transaction).
    pub fn change_passphrase(&mut self, new: &Passphrase) -> Result<(), StoreError> {
        if self.key.is_none() {
            return Err(StoreError::NotEncrypted { path: self.path.clone() });
        }
        self.refuse_if_damaged()?;
        let sql = |e| sqlite_error(&self.path, e);
        // SQLCipher rekeys a database in rollback-journal mode.
        self.conn.pragma_update(None, "journal_mode", "DELETE").map_err(sql)?;
        let rekeyed = new.pragma(&self.conn, "rekey", &self.path);
        self.conn.pragma_update(None, "journal_mode", "WAL").map_err(sql)?;
        rekeyed?;
        self.key = Some(new.clone());
        Ok(())
    }

    fn refuse_if_damaged(&self) -> Result<(), StoreError> {
        match &self.damage {
            Some(detail) => Err(StoreError::Damaged { path: self.path.clone(), detail: detail.clone() }),
            None => Ok(()),
        }
    }

    /// Rewrites the database encrypted with `key`, or as plaintext.
    fn convert(&mut self, key: Option<&Passphrase>) -> Result<(), StoreError> {
        self.refuse_if_damaged()?;
        let copy = sibling(&self.path, CONVERTING_SUFFIX);
        // A copy left by an interrupted conversion is never the database.
        remove_if_present(&copy)?;
        if let Err(e) = self.export_to(&copy, key).and_then(|()| self.verify_copy(&copy, key)) {
            let _ = std::fs::remove_file(&copy);
            return Err(e);
        }
        let path = self.path.clone();
        // Close the database (its write-ahead log is checkpointed and
        // removed), then put the copy in its place.
        let closed = std::mem::replace(&mut self.conn, Connection::open_in_memory().map_err(|e| sqlite_error(&path, e))?);
        drop(closed);
        match replace_database(&copy, &path) {
            Ok(()) => {
                *self = Store::open_with(&path, key)?;
                if key.is_some() {
                    self.remove_plaintext_backups()?;
                }
                Ok(())
            }
            Err(e) => {
                let _ = std::fs::remove_file(&copy);
                let old_key = self.key.clone();
                *self = Store::open_with(&path, old_key.as_ref())?;
                Err(e)
            }
        }
    }

    /// Writes the whole database to `copy` with `sqlcipher_export`.
    fn export_to(&self, copy: &Path, key: Option<&Passphrase>) -> Result<(), StoreError> {
        let sql = |e| sqlite_error(&self.path, e);
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).map_err(sql)?;
        let uri = file_uri(copy, "");
        self.conn
            .execute("ATTACH DATABASE ?1 AS converted KEY ?2", rusqlite::params![uri, key.map(Passphrase::text).unwrap_or("")])
            .map_err(sql)?;
        let exported = (|| {
            self.conn.query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))?;
            let version: i64 = self.conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
            self.conn.pragma_update(Some("converted"), "user_version", version)
        })();
        let detached = self.conn.execute_batch("DETACH DATABASE converted");
        exported.map_err(sql)?;
        detached.map_err(sql)
    }

    /// Checks that `copy` opens with `key`, is sound, and holds what the
    /// database holds.
    fn verify_copy(&self, copy: &Path, key: Option<&Passphrase>) -> Result<(), StoreError> {
        let conn = Connection::open(copy).map_err(|e| sqlite_error(copy, e))?;
        unlock(&conn, copy, key)?;
        if let Some(detail) = integrity_problems(&conn).map_err(|e| sqlite_error(copy, e))? {
            return Err(StoreError::CopyDiffers { path: copy.to_path_buf(), detail });
        }
        let ours = contents_digest(&self.conn).map_err(|e| sqlite_error(&self.path, e))?;
        let theirs = contents_digest(&conn).map_err(|e| sqlite_error(copy, e))?;
        if ours != theirs {
            return Err(StoreError::CopyDiffers { path: copy.to_path_buf(), detail: "drafts or revisions differ".into() });
        }
        Ok(())
    }
}

/// `PRAGMA integrity_check`: `None` when sound, else the first problems.
pub(super) fn integrity_problems(conn: &Connection) -> rusqlite::Result<Option<String>> {
    let rows: Vec<String> = conn.prepare("PRAGMA integrity_check(5)")?.query_map([], |row| row.get(0))?.collect::<Result<_, _>>()?;
    Ok(if rows.len() == 1 && rows[0] == "ok" { None } else { Some(rows.join("; ")) })
}

/// A digest of every draft, revision and annex file, and the schema version,
/// to compare a copy of the database with the original.
fn contents_digest(conn: &Connection) -> rusqlite::Result<Vec<u8>> {
    let mut hash = Sha256::new();
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    hash.update(version.to_le_bytes());
    for query in [
        "SELECT id, revision, document FROM drafts ORDER BY id",
        "SELECT draft_id, number, document FROM revisions ORDER BY draft_id, number",
        "SELECT sha256, size, bytes FROM annex_files ORDER BY sha256",
    ] {
        let mut stmt = conn.prepare(query)?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let id: String = row.get(0)?;
            let number: i64 = row.get(1)?;
            // Revision documents are compressed BLOBs, older ones TEXT.
            let document = match row.get_ref(2)? {
                rusqlite::types::ValueRef::Text(bytes) | rusqlite::types::ValueRef::Blob(bytes) => bytes.to_vec(),
                _ => Vec::new(),
            };
            for part in [id.as_bytes(), &number.to_le_bytes(), &document] {
                hash.update((part.len() as u64).to_le_bytes());
                hash.update(part);
            }
        }
    }
    Ok(hash.finalize().to_vec())
}

/// `path` with `suffix` appended to its file name.
pub(super) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Removes `path` if it exists.
pub(super) fn remove_if_present(path: &Path) -> Result<(), StoreError> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(StoreError::File { path: path.to_path_buf(), source: e }),
        _ => Ok(()),
    }
}

/// Puts the closed database `copy` in the place of the closed database at
/// `path`: the old `-wal` and `-shm` files (checkpointed, so empty) are
/// removed first, since SQLite would read them as the new file's, then the
/// copy is renamed over the database and the rename made durable.
pub(super) fn replace_database(copy: &Path, path: &Path) -> Result<(), StoreError> {
    for suffix in ["-wal", "-shm"] {
        remove_if_present(&sibling(path, suffix))?;
    }
    std::fs::rename(copy, path).map_err(|source| StoreError::File { path: path.to_path_buf(), source })?;
    if let Some(folder) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::files::sync_folder(folder).map_err(|source| StoreError::File { path: folder.to_path_buf(), source })?;
    }
    Ok(())
}
