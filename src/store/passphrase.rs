//! The passphrase of an encrypted database: held in memory only, never
//! written to a file or a log, and wiped from memory when dropped. SQLCipher
//! derives the key from it with its default KDF (version 4:
//! PBKDF2-HMAC-SHA512, 256,000 iterations).

use std::fmt;
use std::path::Path;

use rusqlite::Connection;
use zeroize::Zeroizing;

use super::StoreError;

/// A database passphrase (never empty).
#[derive(Clone)]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// A passphrase from what the user typed; the text is wiped from memory
    /// when the passphrase is dropped. An empty passphrase is refused.
    pub fn new(text: String) -> Result<Passphrase, StoreError> {
        let text = Zeroizing::new(text);
        if text.is_empty() {
            return Err(StoreError::EmptyPassphrase);
        }
        Ok(Passphrase(text))
    }

    /// The text, for SQLite parameters (`ATTACH … KEY ?`).
    pub(super) fn text(&self) -> &str {
        &self.0
    }

    /// Keys `conn` (`PRAGMA key`), before its first read. The statement is
    /// built in a buffer that is wiped after use (a pragma takes no
    /// parameter).
    pub(super) fn key(&self, conn: &Connection, path: &Path) -> Result<(), StoreError> {
        self.pragma(conn, "key", path)
    }

    /// Sets `PRAGMA name = '<passphrase>'` on `conn`.
    pub(super) fn pragma(&self, conn: &Connection, name: &str, path: &Path) -> Result<(), StoreError> {
        // Room for every quote doubled, so the buffer never reallocates and
        // leaves no copy behind.
        let mut sql = Zeroizing::new(String::with_capacity(name.len() + 2 * self.0.len() + 16));
        sql.push_str("PRAGMA ");
        sql.push_str(name);
        sql.push_str(" = '");
        for c in self.0.chars() {
            if c == '\'' {
                sql.push('\'');
            }
            sql.push(c);
        }
        sql.push('\'');
        conn.execute_batch(&sql).map_err(|e| super::sqlite_error(path, e))
    }
}

impl PartialEq for Passphrase {
    fn eq(&self, other: &Passphrase) -> bool {
        *self.0 == *other.0
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

/// The first bytes of every plaintext SQLite database.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Whether the database file at `path` is encrypted: it exists, is not
/// empty, and does not start with SQLite's header (SQLCipher encrypts the
/// whole file, header included). A missing or empty file is not.
pub fn is_encrypted(path: &Path) -> Result<bool, StoreError> {
    use std::io::Read;
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(source) => return Err(StoreError::File { path: path.to_path_buf(), source }),
    };
    let mut head = Vec::with_capacity(SQLITE_HEADER.len());
    file.by_ref()
        .take(SQLITE_HEADER.len() as u64)
        .read_to_end(&mut head)
        .map_err(|source| StoreError::File { path: path.to_path_buf(), source })?;
    Ok(!head.is_empty() && head != SQLITE_HEADER)
}
