//! The app's settings kept in the database (`settings`: key, value), so that
//! they travel with it, in its backups, and are encrypted with it.

use rusqlite::{Connection, OptionalExtension};

use super::{sqlite_error, Store, StoreError};

impl Store {
    /// The setting `key` read as a positive number, if it is set to one.
    pub(super) fn positive_setting<T: std::str::FromStr + PartialOrd + Default>(
        &self,
        key: &str,
    ) -> Result<Option<T>, StoreError> {
        let value: Option<String> = self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()
            .map_err(|e| self.sql(e))?;
        Ok(value
            .and_then(|v| v.parse::<T>().ok())
            .filter(|v| *v > T::default()))
    }
}

/// Sets `key` to `value` in the caller's transaction.
pub(super) fn set_setting(
    conn: &Connection,
    path: &std::path::Path,
    key: &str,
    value: &str,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        rusqlite::params![key, value],
    )
    .map(drop)
    .map_err(|e| sqlite_error(path, e))
}
