//! The full check of a database file and the way out of a damaged one.
//!
//! [`Store::open`](super::Store::open) runs SQLite's quick check (the pages'
//! structure). [`full_check`] runs `PRAGMA integrity_check` (indexes against
//! their tables too) on a connection of its own, opened read-only, so that
//! the app runs it in the background while its store is in use.
//! [`Store::export_readable`](super::Store::export_readable) writes every
//! draft that still loads as a request file: what a damaged database can
//! still give back.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use super::{busy_timeout, is_damage, sqlite_error, StoreError};

/// What the full check of a database found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct IntegrityReport {
    /// The problems SQLite named (at most ten); empty when the file is sound.
    pub problems: Vec<String>,
}

impl IntegrityReport {
    /// Whether the file is sound.
    pub fn is_sound(&self) -> bool {
        self.problems.is_empty()
    }
}

/// The full check of a store's database, to run on a thread of its own
/// while the store stays in use ([`Store::full_check`](super::Store::full_check)).
pub struct FullCheck {
    path: std::path::PathBuf,
    key: Option<super::Passphrase>,
}

impl FullCheck {
    /// Runs it (see [`full_check`]).
    pub fn run(&self) -> Result<IntegrityReport, StoreError> {
        full_check(&self.path, self.key.as_ref())
    }
}

impl super::Store {
    /// The full check of this store's database, keyed as it is.
    pub fn full_check(&self) -> FullCheck {
        FullCheck { path: self.path.clone(), key: self.key.clone() }
    }
}

/// Runs `PRAGMA integrity_check` on the database at `path`, read-only. A
/// missing file is sound (there is nothing to check); a file SQLite cannot
/// read as a database at all is reported as a problem, not as an error.
pub fn full_check(path: &Path, key: Option<&super::Passphrase>) -> Result<IntegrityReport, StoreError> {
    if !path.exists() {
        return Ok(IntegrityReport { problems: Vec::new() });
    }
    let sql = |source| sqlite_error(path, source);
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX).map_err(sql)?;
    super::unlock(&conn, path, key)?;
    conn.busy_timeout(busy_timeout()).map_err(sql)?;
    let rows: rusqlite::Result<Vec<String>> =
        conn.prepare("PRAGMA integrity_check(10)").and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect());
    match rows {
        Ok(rows) if rows.len() == 1 && rows[0] == "ok" => Ok(IntegrityReport { problems: Vec::new() }),
        Ok(rows) => Ok(IntegrityReport { problems: rows }),
        Err(e) if is_damage(&e) => Ok(IntegrityReport { problems: vec![e.to_string()] }),
        Err(e) => Err(sql(e)),
    }
}

/// What [`Store::export_readable`](super::Store::export_readable) wrote.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReadableExport {
    /// The files written, one per draft that loaded (`<draft id>.json`).
    #[ts(type = "string[]")]
    pub written: Vec<PathBuf>,
    /// The drafts that could not be read, each with why.
    pub unreadable: Vec<String>,
}
