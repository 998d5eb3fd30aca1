//! Where the secret keys of an identity are kept: in the operating system's
//! keychain (the `keyring` crate: Secret Service on Linux, Keychain on
//! macOS, Credential Manager on Windows) when one answers, otherwise in a
//! file of the data directory encrypted with a passphrase (age's scrypt
//! passphrase mode).
//!
//! Which protection holds a key is recorded with the identity
//! ([`KeyProtection`]) so the app can say it. The environment variable
//! `MLA_KEYSTORE=file` forces the passphrase file (headless machines and
//! tests, where no Secret Service runs). Without it the keychain is tried
//! first; when it is missing or refuses (no D-Bus session, no Secret Service,
//! locked), the key goes to the passphrase file, and the reason is reported.
//!
//! The store itself is not yet encrypted at rest; when it is, keys will be
//! kept there.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use age::secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

use crate::exchange::identity::SecretKeys;
use crate::files::AtomicFile;

/// Environment variable that chooses the key store: `file` forces the
/// passphrase-protected file, `auto` (or unset) tries the OS keychain first.
pub const KEYSTORE_ENV: &str = "MLA_KEYSTORE";
/// Service name under which keys are kept in the OS keychain.
pub const KEYCHAIN_SERVICE: &str = "MLA Writer";
/// Folder of the data directory holding passphrase-protected key files.
pub const KEY_DIR: &str = "keys";
/// Shortest passphrase accepted for a key file, in characters.
pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// Largest key file read, in bytes.
const MAX_KEY_FILE_BYTES: u64 = 64 * 1024;
/// Highest scrypt work factor (log2 N) accepted when opening a key file.
const MAX_SCRYPT_WORK_FACTOR: u8 = 22;

/// How an identity's secret keys are protected at rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum KeyProtection {
    /// In the operating system's keychain.
    OsKeychain,
    /// In a file of the data directory, encrypted with the user's passphrase.
    PassphraseFile,
}

impl KeyProtection {
    /// The stored key (`os_keychain`, `passphrase_file`).
    pub fn key(self) -> &'static str {
        match self {
            KeyProtection::OsKeychain => "os_keychain",
            KeyProtection::PassphraseFile => "passphrase_file",
        }
    }

    /// Reads the stored key.
    pub fn from_key(key: &str) -> Option<KeyProtection> {
        match key {
            "os_keychain" => Some(KeyProtection::OsKeychain),
            "passphrase_file" => Some(KeyProtection::PassphraseFile),
            _ => None,
        }
    }

    /// A short English description, for the CLI.
    pub fn describe(self) -> &'static str {
        match self {
            KeyProtection::OsKeychain => "the operating system's keychain",
            KeyProtection::PassphraseFile => "a passphrase-protected file in the data directory",
        }
    }
}

/// Which stores may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyStoreMode {
    /// The OS keychain when it answers, else the passphrase file.
    Auto,
    /// Always the passphrase file.
    FileOnly,
}

/// Why a key could not be kept or read.
#[derive(Debug, Error)]
pub enum KeyStoreError {
    /// `MLA_KEYSTORE` has a value this app does not know.
    #[error("{KEYSTORE_ENV}={0:?}: expected `file` or `auto`")]
    BadMode(String),
    /// A passphrase is needed and none was given.
    #[error("{why}; give a passphrase to protect the key file (--passphrase-file FILE or the MLA_PASSPHRASE environment variable)")]
    PassphraseNeeded {
        /// Why the key goes to a file.
        why: String,
    },
    /// The passphrase is too short.
    #[error("the passphrase has {0} characters; use at least {MIN_PASSPHRASE_CHARS}")]
    WeakPassphrase(usize),
    /// The passphrase does not open the key file.
    #[error("{path}: the passphrase does not open this key file")]
    WrongPassphrase {
        /// Key file.
        path: PathBuf,
    },
    /// The key file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// Key file.
        path: PathBuf,
        /// Underlying error.
        source: std::io::Error,
    },
    /// The key file is not an age passphrase file.
    #[error("{path}: not a key file: {message}")]
    Corrupt {
        /// Key file.
        path: PathBuf,
        /// What was wrong.
        message: String,
    },
    /// The OS keychain failed when reading a key it holds.
    #[error("the operating system's keychain could not give the key {fingerprint}: {message}")]
    Keychain {
        /// Fingerprint of the identity.
        fingerprint: String,
        /// The keychain's error.
        message: String,
    },
}

/// Where a key was put.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The protection in use.
    pub protection: KeyProtection,
    /// Why the OS keychain was not used, when it was tried and failed.
    pub keychain_unavailable: Option<String>,
}

/// The key store of one data directory.
#[derive(Debug, Clone)]
pub struct KeyStore {
    data_dir: PathBuf,
    mode: KeyStoreMode,
}

impl KeyStore {
    /// A key store in `data_dir` with the given mode.
    pub fn new(data_dir: &Path, mode: KeyStoreMode) -> KeyStore {
        KeyStore { data_dir: data_dir.to_path_buf(), mode }
    }

    /// A key store in `data_dir` with the mode `MLA_KEYSTORE` says.
    pub fn from_env(data_dir: &Path) -> Result<KeyStore, KeyStoreError> {
        let mode = match std::env::var(KEYSTORE_ENV).unwrap_or_default().as_str() {
            "" | "auto" => KeyStoreMode::Auto,
            "file" => KeyStoreMode::FileOnly,
            other => return Err(KeyStoreError::BadMode(other.to_string())),
        };
        Ok(KeyStore::new(data_dir, mode))
    }

    /// The mode in use.
    pub fn mode(&self) -> KeyStoreMode {
        self.mode
    }

    /// The key file of an identity.
    pub fn key_file(&self, fingerprint: &str) -> PathBuf {
        self.data_dir.join(KEY_DIR).join(format!("{}.age", fingerprint.replace(' ', "")))
    }

    /// Keeps the secret keys of `fingerprint`: in the OS keychain when the
    /// mode allows and it answers, else in the passphrase file (which needs
    /// `passphrase`).
    pub fn save(&self, fingerprint: &str, secret: &SecretKeys, passphrase: Option<&SecretString>) -> Result<Saved, KeyStoreError> {
        let keychain_unavailable = match self.mode {
            KeyStoreMode::FileOnly => None,
            KeyStoreMode::Auto => match keychain_save(fingerprint, secret) {
                Ok(()) => return Ok(Saved { protection: KeyProtection::OsKeychain, keychain_unavailable: None }),
                Err(reason) => Some(reason),
            },
        };
        let Some(passphrase) = passphrase else {
            let why = match &keychain_unavailable {
                Some(reason) => format!("no operating system keychain is available ({reason})"),
                None => format!("{KEYSTORE_ENV}=file keeps keys in a passphrase-protected file"),
            };
            return Err(KeyStoreError::PassphraseNeeded { why });
        };
        self.save_file(fingerprint, secret, passphrase)?;
        Ok(Saved { protection: KeyProtection::PassphraseFile, keychain_unavailable })
    }

    /// Reads back the secret keys of `fingerprint` from where they are.
    pub fn load(&self, fingerprint: &str, protection: KeyProtection, passphrase: Option<&SecretString>) -> Result<SecretKeys, KeyStoreError> {
        match protection {
            KeyProtection::OsKeychain => keyring::Entry::new(KEYCHAIN_SERVICE, fingerprint)
                .and_then(|entry| entry.get_password())
                .map(|text| SecretKeys::from_text(SecretString::from(text)))
                .map_err(|e| KeyStoreError::Keychain { fingerprint: fingerprint.to_string(), message: e.to_string() }),
            KeyProtection::PassphraseFile => {
                let passphrase = passphrase.ok_or_else(|| KeyStoreError::PassphraseNeeded {
                    why: format!("the secret keys of {fingerprint} are in a passphrase-protected file"),
                })?;
                self.load_file(fingerprint, passphrase)
            }
        }
    }

    fn save_file(&self, fingerprint: &str, secret: &SecretKeys, passphrase: &SecretString) -> Result<(), KeyStoreError> {
        let chars = passphrase.expose_secret().chars().count();
        if chars < MIN_PASSPHRASE_CHARS {
            return Err(KeyStoreError::WeakPassphrase(chars));
        }
        let path = self.key_file(fingerprint);
        let io = |source| KeyStoreError::Io { path: path.clone(), source };
        let dir = path.parent().expect("a key file is inside the key folder");
        std::fs::create_dir_all(dir).map_err(io)?;
        let written = |e: crate::files::WriteError| KeyStoreError::Io { path: e.path, source: e.source };
        let mut file = AtomicFile::create_private(&path).map_err(written)?;
        let encryptor = age::Encryptor::with_user_passphrase(passphrase.clone());
        let mut writer = encryptor.wrap_output(&mut file).map_err(io)?;
        writer.write_all(secret.expose().as_bytes()).map_err(io)?;
        writer.finish().map_err(io)?;
        file.commit().map_err(written)
    }

    fn load_file(&self, fingerprint: &str, passphrase: &SecretString) -> Result<SecretKeys, KeyStoreError> {
        let path = self.key_file(fingerprint);
        let io = |source| KeyStoreError::Io { path: path.clone(), source };
        let corrupt = |message: String| KeyStoreError::Corrupt { path: path.clone(), message };
        let file = std::fs::File::open(&path).map_err(io)?;
        let decryptor = age::Decryptor::new(std::io::BufReader::new(file.take(MAX_KEY_FILE_BYTES))).map_err(|e| corrupt(e.to_string()))?;
        if !decryptor.is_scrypt() {
            return Err(corrupt("it is not encrypted with a passphrase".into()));
        }
        let mut identity = age::scrypt::Identity::new(passphrase.clone());
        identity.set_max_work_factor(MAX_SCRYPT_WORK_FACTOR);
        let mut reader = match decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)) {
            Ok(reader) => reader,
            Err(age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys) => {
                return Err(KeyStoreError::WrongPassphrase { path: path.clone() })
            }
            Err(e) => return Err(corrupt(e.to_string())),
        };
        let mut text = String::new();
        reader.read_to_string(&mut text).map_err(|e| corrupt(e.to_string()))?;
        Ok(SecretKeys::from_text(SecretString::from(text)))
    }
}

/// Puts the key in the OS keychain and reads it back; the error says why
/// the keychain cannot be used.
fn keychain_save(fingerprint: &str, secret: &SecretKeys) -> Result<(), String> {
    let entry = keyring::Entry::new(KEYCHAIN_SERVICE, fingerprint).map_err(|e| e.to_string())?;
    entry.set_password(secret.expose()).map_err(|e| e.to_string())?;
    match entry.get_password() {
        Ok(back) if back == secret.expose() => Ok(()),
        Ok(_) => {
            let _ = entry.delete_credential();
            Err("the keychain gave back a different key".into())
        }
        Err(e) => {
            let _ = entry.delete_credential();
            Err(e.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::card::Profile;
    use crate::exchange::identity::UnlockedIdentity;
    use time::macros::datetime;

    fn identity() -> UnlockedIdentity {
        let profile = Profile { name: "Ana".into(), authority: "CA Arden".into(), email: "ana@arden.example".into() };
        UnlockedIdentity::generate(&profile, datetime!(2026-03-01 09:00 UTC)).unwrap()
    }

    #[test]
    fn the_passphrase_file_round_trips_and_refuses_a_wrong_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let store = KeyStore::new(dir.path(), KeyStoreMode::FileOnly);
        let id = identity();
        let pass = SecretString::from("correct horse battery".to_string());
        let saved = store.save(id.fingerprint(), &id.secret_keys(), Some(&pass)).unwrap();
        assert_eq!(saved, Saved { protection: KeyProtection::PassphraseFile, keychain_unavailable: None });
        let raw = std::fs::read(store.key_file(id.fingerprint())).unwrap();
        assert!(raw.starts_with(b"age-encryption.org/v1\n-> scrypt "), "the key file is an age passphrase file");
        let back = store.load(id.fingerprint(), KeyProtection::PassphraseFile, Some(&pass)).unwrap();
        assert_eq!(back.expose(), id.secret_keys().expose());
        let wrong = SecretString::from("wrong horse battery".to_string());
        let err = store.load(id.fingerprint(), KeyProtection::PassphraseFile, Some(&wrong)).err().unwrap();
        assert!(matches!(err, KeyStoreError::WrongPassphrase { .. }), "{err}");
    }

    #[test]
    fn a_file_needs_a_passphrase_of_some_length() {
        let dir = tempfile::tempdir().unwrap();
        let store = KeyStore::new(dir.path(), KeyStoreMode::FileOnly);
        let id = identity();
        let err = store.save(id.fingerprint(), &id.secret_keys(), None).unwrap_err();
        assert!(err.to_string().contains("MLA_KEYSTORE=file"), "{err}");
        let short = SecretString::from("short".to_string());
        assert!(matches!(store.save(id.fingerprint(), &id.secret_keys(), Some(&short)), Err(KeyStoreError::WeakPassphrase(5))));
    }

    #[test]
    fn without_a_session_bus_the_keychain_falls_back_to_the_file_and_says_why() {
        // No D-Bus session bus on this machine or in CI: the keychain cannot
        // answer, and the key must land in the passphrase file, not crash.
        if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let store = KeyStore::new(dir.path(), KeyStoreMode::Auto);
        let id = identity();
        let pass = SecretString::from("correct horse battery".to_string());
        let saved = store.save(id.fingerprint(), &id.secret_keys(), Some(&pass)).unwrap();
        assert_eq!(saved.protection, KeyProtection::PassphraseFile);
        assert!(saved.keychain_unavailable.as_deref().is_some_and(|r| !r.is_empty()), "{saved:?}");
        let err = store.save(id.fingerprint(), &id.secret_keys(), None).unwrap_err();
        assert!(err.to_string().starts_with("no operating system keychain is available ("), "{err}");
    }
}
