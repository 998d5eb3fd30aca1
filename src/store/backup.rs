//! Backups of the database with SQLite's online backup API (never a file
//! copy, so a backup made while the app writes is a consistent database),
//! and restoring one.
//!
//! A backup of an encrypted database is encrypted with the same passphrase:
//! the backup's connection is keyed like the database's, and the pages are
//! copied between the two. Automatic backups go to the `backups/` folder
//! beside the database, one a day, named by the time they were made
//! (`mla-writer-2026-12-02T09-30-00Z.sqlite3`, so that names sort by age);
//! the last N are kept (setting `backups_kept`, [`DEFAULT_BACKUPS_KEPT`]).
//! When encryption is turned on, the plaintext backups there are removed.
//!
//! A restore checks the file first (it opens, with the passphrase when
//! encrypted; `integrity_check` passes; its schema is not newer than this
//! app's) and changes nothing when it fails. The database in place is then
//! set aside as `<name>.before-restore` (with its `-wal`), the backup copied
//! in its place, and the set-aside files are removed only once the restored
//! database has opened; when it does not open, the previous one is put back.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use time::OffsetDateTime;
use ts_rs::TS;

use super::encryption::{integrity_problems, remove_if_present, replace_database, sibling};
use super::{file_uri, is_encrypted, sqlite_error, unlock, Passphrase, Store, StoreError, MIGRATIONS};

/// Folder of the automatic backups, beside the database.
pub const BACKUP_DIR: &str = "backups";

/// How many automatic backups are kept unless the setting says otherwise.
pub const DEFAULT_BACKUPS_KEPT: usize = 7;

/// Name of the setting holding how many backups to keep.
const BACKUPS_KEPT_SETTING: &str = "backups_kept";

/// Beginning and end of a backup's file name.
const BACKUP_PREFIX: &str = "mla-writer-";
const BACKUP_SUFFIX: &str = ".sqlite3";

/// Suffix of the database set aside during a restore.
pub const BEFORE_RESTORE_SUFFIX: &str = ".before-restore";

/// Pages copied per step of the backup API.
const PAGES_PER_STEP: std::os::raw::c_int = 256;

/// A backup in the backups folder.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BackupFile {
    /// The file.
    pub path: String,
    /// When it was made, as its name says (`2026-12-02T09-30-00Z`).
    pub made_at: String,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
}

impl Store {
    /// The folder of automatic backups, beside the database.
    pub fn backup_dir(&self) -> PathBuf {
        backup_dir(&self.path)
    }

    /// Writes a backup of the database to `target` (replacing it whole, or
    /// leaving it as it was), encrypted when the database is.
    pub fn backup_to(&self, target: &Path) -> Result<(), StoreError> {
        let folder = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(folder).map_err(|source| StoreError::DataDir { path: folder.to_path_buf(), source })?;
        let file = |source| StoreError::File { path: target.to_path_buf(), source };
        let temporary = tempfile::Builder::new().prefix(".backup-").suffix(".tmp").tempfile_in(folder).map_err(file)?;
        copy_database(&self.conn, &self.path, temporary.path(), self.key.as_ref())?;
        temporary.persist(target).map_err(|e| file(e.error))?;
        crate::files::sync_folder(folder).map_err(file)
    }

    /// Makes a backup in the backups folder, named by `at`; returns it.
    pub fn backup_now(&self, at: OffsetDateTime) -> Result<PathBuf, StoreError> {
        let target = self.backup_dir().join(format!("{BACKUP_PREFIX}{}{BACKUP_SUFFIX}", backup_stamp(at)));
        self.backup_to(&target)?;
        Ok(target)
    }

    /// The automatic backup of the day of `at`: made when the backups
    /// folder holds none of that day, then the oldest beyond the number to
    /// keep are removed. Returns the backup made, if one was.
    pub fn daily_backup(&self, at: OffsetDateTime) -> Result<Option<PathBuf>, StoreError> {
        let day = backup_stamp(at)[..10].to_string();
        let backups = list_backups(&self.backup_dir())?;
        if backups.iter().any(|b| b.made_at.starts_with(&day)) {
            return Ok(None);
        }
        let made = self.backup_now(at)?;
        self.prune_backups()?;
        Ok(Some(made))
    }

    /// Removes the oldest backups beyond the number to keep.
    fn prune_backups(&self) -> Result<(), StoreError> {
        let keep = self.backups_kept()?;
        let backups = list_backups(&self.backup_dir())?;
        for old in backups.iter().skip(keep) {
            remove_if_present(Path::new(&old.path))?;
        }
        Ok(())
    }

    /// Removes the backups in the backups folder that are not encrypted
    /// (once the database is, they would keep its contents in the clear).
    pub(super) fn remove_plaintext_backups(&self) -> Result<(), StoreError> {
        for backup in list_backups(&self.backup_dir())? {
            let path = Path::new(&backup.path);
            if !is_encrypted(path)? {
                remove_if_present(path)?;
            }
        }
        Ok(())
    }

    /// How many automatic backups are kept.
    pub fn backups_kept(&self) -> Result<usize, StoreError> {
        Ok(self.positive_setting(BACKUPS_KEPT_SETTING)?.unwrap_or(DEFAULT_BACKUPS_KEPT))
    }

    /// Sets how many automatic backups are kept (at least one), and removes
    /// the oldest beyond it.
    pub fn set_backups_kept(&mut self, keep: usize) -> Result<(), StoreError> {
        let keep = keep.max(1);
        let tx = self.begin()?;
        super::settings::set_setting(tx.connection(), tx.path(), BACKUPS_KEPT_SETTING, &keep.to_string())?;
        tx.commit()?;
        self.prune_backups()
    }

    /// The backups beside the database, newest first.
    pub fn backups(&self) -> Result<Vec<BackupFile>, StoreError> {
        list_backups(&self.backup_dir())
    }

    /// The newest backup beside the database at `database`, if any (what the
    /// damaged-file screen offers to open).
    pub fn latest_backup(database: &Path) -> Result<Option<PathBuf>, StoreError> {
        Ok(list_backups(&backup_dir(database))?.into_iter().next().map(|b| PathBuf::from(b.path)))
    }

    /// Restores the backup `from` as the database at `database` (closed:
    /// no store may hold it open), and opens it. `key` is the backup's
    /// passphrase when it is encrypted. See the module documentation.
    pub fn restore(database: &Path, from: &Path, key: Option<&Passphrase>) -> Result<Store, StoreError> {
        let key = if is_encrypted(from)? { Some(key.ok_or_else(|| StoreError::Locked { path: from.to_path_buf() })?) } else { None };
        let source = open_verified(from, key)?;
        let folder = database.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(folder).map_err(|source| StoreError::DataDir { path: folder.to_path_buf(), source })?;
        let copy = sibling(database, ".restoring");
        remove_if_present(&copy)?;
        if let Err(e) = copy_database(&source, from, &copy, key) {
            let _ = std::fs::remove_file(&copy);
            return Err(e);
        }
        drop(source);
        let aside = sibling(database, BEFORE_RESTORE_SUFFIX);
        let had_database = database.exists();
        if had_database {
            set_aside(database, &aside)?;
        }
        let restored = replace_database(&copy, database).and_then(|()| Store::open_with(database, key));
        match restored {
            Ok(store) => {
                for suffix in ["", "-wal", "-shm"] {
                    remove_if_present(&sibling(&aside, suffix))?;
                }
                Ok(store)
            }
            Err(e) => {
                let _ = std::fs::remove_file(&copy);
                if had_database {
                    set_aside(&aside, database)?;
                }
                Err(e)
            }
        }
    }
}

/// The backups folder beside the database at `database`.
fn backup_dir(database: &Path) -> PathBuf {
    database.parent().unwrap_or(Path::new(".")).join(BACKUP_DIR)
}

/// `at` as a backup's name carries it: `2026-12-02T09-30-00Z`.
fn backup_stamp(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}-{:02}-{:02}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// The backups in `folder`, newest first; a missing folder holds none.
fn list_backups(folder: &Path) -> Result<Vec<BackupFile>, StoreError> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(StoreError::File { path: folder.to_path_buf(), source }),
    };
    let mut backups = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| StoreError::File { path: folder.to_path_buf(), source })?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stamp) = name.strip_prefix(BACKUP_PREFIX).and_then(|n| n.strip_suffix(BACKUP_SUFFIX)) else { continue };
        let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
        backups.push(BackupFile { path: entry.path().display().to_string(), made_at: stamp.to_string(), bytes });
    }
    backups.sort_by(|a, b| b.made_at.cmp(&a.made_at));
    Ok(backups)
}

/// Copies the database open on `source` (the file `source_path`) into the
/// new or empty file `target` with the online backup API, keyed with `key`
/// like the source, and leaves it in rollback-journal mode so that the file
/// alone is the whole database.
fn copy_database(source: &Connection, source_path: &Path, target: &Path, key: Option<&Passphrase>) -> Result<(), StoreError> {
    let sql = |e| sqlite_error(target, e);
    let mut copy = Connection::open(target).map_err(sql)?;
    unlock(&copy, target, key)?;
    Backup::new(source, &mut copy)
        .and_then(|backup| backup.run_to_completion(PAGES_PER_STEP, Duration::ZERO, None))
        .map_err(|e| sqlite_error(source_path, e))?;
    copy.pragma_update(None, "journal_mode", "DELETE").map_err(sql)?;
    copy.close().map_err(|(_, e)| sql(e))
}

/// Opens the backup `from` read-only and checks it: the key opens it, its
/// pages pass `integrity_check`, and its schema is not newer than this app's.
fn open_verified(from: &Path, key: Option<&Passphrase>) -> Result<Connection, StoreError> {
    let sql = |e| sqlite_error(from, e);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(file_uri(from, "mode=ro"), flags).map_err(sql)?;
    unlock(&conn, from, key)?;
    if let Some(detail) = integrity_problems(&conn).map_err(sql)? {
        return Err(StoreError::Damaged { path: from.to_path_buf(), detail });
    }
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0)).map_err(sql)?;
    if usize::try_from(version).map_or(true, |v| v > MIGRATIONS.len()) {
        return Err(StoreError::TooNew { path: from.to_path_buf(), found: version, known: MIGRATIONS.len() });
    }
    Ok(conn)
}

/// Renames the database `from` (and its `-wal` and `-shm`) to `to`.
fn set_aside(from: &Path, to: &Path) -> Result<(), StoreError> {
    for suffix in ["", "-wal", "-shm"] {
        let (from, to) = (sibling(from, suffix), sibling(to, suffix));
        if suffix.is_empty() || from.exists() {
            std::fs::rename(&from, &to).map_err(|source| StoreError::File { path: from, source })?;
        }
    }
    Ok(())
}
