//! The user's own identities in the store (`identities`): the current one,
//! and the ones it replaced, kept so that packages sent to an earlier key
//! still open. Each row holds the public card and where the secret keys are
//! ([`KeyProtection`]); the secret keys themselves are in the
//! [`KeyStore`].
//!
//! Architecture invariant: there is at most one current identity (a unique
//! index holds it), and every write is one transaction.

use age::secrecy::SecretString;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;
use thiserror::Error;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use ts_rs::TS;

use crate::exchange::card::{Card, CardError, Profile};
use crate::exchange::identity::{IdentityError, UnlockedIdentity};
use crate::exchange::keystore::{KeyProtection, KeyStore, KeyStoreError};

/// Why an identity operation failed.
#[derive(Debug, Error)]
pub enum OwnIdentityError {
    /// The database failed.
    #[error("identities: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// No identity has been created.
    #[error("no identity yet: create one (Identity and contacts in the app, `mla identity create` on the command line)")]
    None,
    /// An identity exists already.
    #[error("an identity exists already ({0}); rotate its keys instead of creating another")]
    Exists(String),
    /// The keys could not be kept or read.
    #[error(transparent)]
    KeyStore(#[from] KeyStoreError),
    /// The keys or card are unusable.
    #[error(transparent)]
    Identity(#[from] IdentityError),
    /// A stored card no longer verifies.
    #[error(transparent)]
    Card(#[from] CardError),
    /// A stored protection is unknown.
    #[error("identity {fingerprint}: unknown key protection {found:?}")]
    Protection {
        /// Fingerprint.
        fingerprint: String,
        /// What is stored.
        found: String,
    },
}

/// The user's identity as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OwnIdentity {
    /// Fingerprint, eight groups of five digits.
    pub fingerprint: String,
    /// Name.
    pub name: String,
    /// Authority.
    pub authority: String,
    /// E-mail address.
    pub email: String,
    /// age recipient, `age1…`.
    pub age_recipient: String,
    /// How the secret keys are protected.
    pub protection: KeyProtection,
    /// When it was created, RFC 3339 UTC.
    pub created_at: String,
    /// The public card file.
    pub card: String,
}

/// What creating (or rotating) an identity did.
#[derive(Debug, Clone)]
pub struct Created {
    /// The new identity.
    pub identity: UnlockedIdentity,
    /// How its keys are protected.
    pub protection: KeyProtection,
    /// Why the OS keychain was not used, when it was tried and failed.
    pub keychain_unavailable: Option<String>,
}

fn timestamp(at: OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC).replace_nanosecond(0).unwrap_or(at).format(&Rfc3339).unwrap_or_default()
}

fn own_from(row: &rusqlite::Row<'_>) -> rusqlite::Result<(String, String, String, String)> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
}

fn to_own((fingerprint, card, protection, created_at): (String, String, String, String)) -> Result<OwnIdentity, OwnIdentityError> {
    let parsed = Card::parse(&card, &format!("identity {fingerprint}"))?;
    let protection = KeyProtection::from_key(&protection).ok_or(OwnIdentityError::Protection { fingerprint: fingerprint.clone(), found: protection })?;
    let body = parsed.body();
    Ok(OwnIdentity {
        fingerprint,
        name: body.name.clone(),
        authority: body.authority.clone(),
        email: body.email.clone(),
        age_recipient: parsed.age_recipient().to_string(),
        protection,
        created_at,
        card,
    })
}

/// The current identity, if one was created.
pub fn current(conn: &Connection) -> Result<Option<OwnIdentity>, OwnIdentityError> {
    let row = conn
        .query_row("SELECT fingerprint, card, protection, created_at FROM identities WHERE retired_at IS NULL", [], own_from)
        .optional()?;
    row.map(to_own).transpose()
}

/// This side as a participant of a consultation: the current identity.
pub fn me(conn: &Connection) -> Result<crate::exchange::thread::Participant, OwnIdentityError> {
    let own = current(conn)?.ok_or(OwnIdentityError::None)?;
    Ok(crate::exchange::thread::Participant { fingerprint: own.fingerprint, name: own.name, authority: own.authority })
}

/// Every identity, current first, then the replaced ones, newest first.
pub fn all(conn: &Connection) -> Result<Vec<OwnIdentity>, OwnIdentityError> {
    let mut stmt = conn.prepare(
        "SELECT fingerprint, card, protection, created_at FROM identities ORDER BY retired_at IS NOT NULL, created_at DESC, rowid DESC",
    )?;
    let rows: Vec<_> = stmt.query_map([], own_from)?.collect::<Result<_, _>>()?;
    rows.into_iter().map(to_own).collect()
}

/// Creates the user's identity at `created`: fresh keys kept in `keys`
/// (the passphrase protects the key file when the keychain is not used).
pub fn create(
    conn: &mut Connection,
    keys: &KeyStore,
    profile: &Profile,
    created: OffsetDateTime,
    passphrase: Option<&SecretString>,
) -> Result<Created, OwnIdentityError> {
    if let Some(existing) = current(conn)? {
        return Err(OwnIdentityError::Exists(existing.fingerprint));
    }
    let identity = UnlockedIdentity::generate(profile, created)?;
    record(conn, keys, identity, None, created, passphrase)
}

/// Replaces the current identity with fresh keys whose card the current key
/// endorses, at `at`; the old identity is kept as retired (its keys still
/// open packages sent to it). `passphrase` unlocks the current keys when
/// they are in the key file, and protects the new ones when no keychain
/// answers.
pub fn rotate(conn: &mut Connection, keys: &KeyStore, at: OffsetDateTime, passphrase: Option<&SecretString>) -> Result<Created, OwnIdentityError> {
    let current = unlock_current(conn, keys, passphrase)?;
    let identity = current.rotate(None, at)?;
    record(conn, keys, identity, Some(current.fingerprint()), at, passphrase)
}

fn record(
    conn: &mut Connection,
    keys: &KeyStore,
    identity: UnlockedIdentity,
    replacing: Option<&str>,
    at: OffsetDateTime,
    passphrase: Option<&SecretString>,
) -> Result<Created, OwnIdentityError> {
    let saved = keys.save(identity.fingerprint(), &identity.secret_keys(), passphrase)?;
    let at = timestamp(at);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if let Some(old) = replacing {
        tx.execute("UPDATE identities SET retired_at = ?2 WHERE fingerprint = ?1", params![old, at])?;
    }
    tx.execute(
        "INSERT INTO identities (fingerprint, card, protection, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![identity.fingerprint(), identity.card().text(), saved.protection.key(), at],
    )?;
    if let Some(old) = replacing {
        tx.execute("UPDATE identities SET replaced_by = ?2 WHERE fingerprint = ?1", params![old, identity.fingerprint()])?;
    }
    tx.commit()?;
    Ok(Created { identity, protection: saved.protection, keychain_unavailable: saved.keychain_unavailable })
}

/// Unlocks an identity: reads its secret keys from where they are kept.
pub fn unlock(keys: &KeyStore, own: &OwnIdentity, passphrase: Option<&SecretString>) -> Result<UnlockedIdentity, OwnIdentityError> {
    let card = Card::parse(&own.card, &format!("identity {}", own.fingerprint))?;
    let secret = keys.load(&own.fingerprint, own.protection, passphrase)?;
    Ok(UnlockedIdentity::from_secret(card, &secret)?)
}

/// Unlocks the current identity.
pub fn unlock_current(conn: &Connection, keys: &KeyStore, passphrase: Option<&SecretString>) -> Result<UnlockedIdentity, OwnIdentityError> {
    let own = current(conn)?.ok_or(OwnIdentityError::None)?;
    unlock(keys, &own, passphrase)
}
