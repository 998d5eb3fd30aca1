//! The app's settings kept in the database (`settings`: key, value), so that
//! they travel with it, in its backups, and are encrypted with it.

use rusqlite::{Connection, OptionalExtension};

use super::{sqlite_error, Store, StoreError};
use crate::directory::demo::Mode;

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

/// Name of the setting holding whether the app runs in demo mode (`1`).
const DEMO_MODE_SETTING: &str = "demo_mode";

impl Store {
    /// Whether the app runs in demo mode: off unless the user (or
    /// `MLA_DEMO=1` at start-up, for `make run`, the demo and the
    /// end-to-end tests) turned it on.
    pub fn mode(&self) -> Result<Mode, StoreError> {
        let value: Option<String> = self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [DEMO_MODE_SETTING], |row| row.get(0))
            .optional()
            .map_err(|e| self.sql(e))?;
        Ok(Mode::demo_if(value.as_deref() == Some("1")))
    }

    /// Turns demo mode on or off. Turning it on loads the demo directory's
    /// fictitious States, as of `today`, when none of them is there yet
    /// ([`Store::load_demo_directory`]); turning it off leaves the
    /// directory as it is (a request to one of them then leaves only as a
    /// draft).
    pub fn set_mode(&mut self, mode: Mode, today: time::Date) -> Result<Mode, StoreError> {
        let tx = self.begin()?;
        set_setting(tx.connection(), tx.path(), DEMO_MODE_SETTING, if mode.is_demo() { "1" } else { "0" })?;
        tx.commit()?;
        if mode.is_demo() {
            self.load_demo_directory(today)?;
        }
        self.mode()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Demo mode is off in a new database, kept once set, and turning it
    /// on brings in the demo directory's fictitious States.
    #[test]
    fn demo_mode_is_off_by_default_and_kept_once_set() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.sqlite3");
        let today = time::macros::date!(2026 - 11 - 27);
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.mode().unwrap(), Mode::Real);
        assert!(store.directory_entry("XN").is_err(), "a new database has no demo State");
        assert_eq!(store.set_mode(Mode::Demo, today).unwrap(), Mode::Demo);
        assert_eq!(store.directory_entry("XN").unwrap().name, "Kingdom of Norland");
        drop(store);
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.mode().unwrap(), Mode::Demo);
        assert_eq!(store.set_mode(Mode::Real, today).unwrap(), Mode::Real);
        assert_eq!(Store::open(&path).unwrap().mode().unwrap(), Mode::Real);
    }
}
