//! The contact book: counterparts' cards, imported from the files they send,
//! kept in the store (`contacts`, with every import, trust decision and key
//! rotation in `contact_events`).
//!
//! A contact is trusted only once the user has confirmed its fingerprint
//! with the person (by telephone); the decision and its date are recorded.
//! A new card endorsed by a contact's current key replaces that contact's
//! keys and keeps the trust (key rotation); a card that is not endorsed, or
//! is endorsed by a key the book does not hold, becomes a new, untrusted
//! contact.
//!
//! Architecture invariant: every write is one transaction, and only cards
//! that have verified ([`Card::parse`]) are written.

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;
use thiserror::Error;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use ts_rs::TS;

use crate::exchange::card::{Card, CardError};
use crate::exchange::fingerprint;

/// Why a contact operation failed.
#[derive(Debug, Error)]
pub enum ContactError {
    /// The database failed.
    #[error("contact book: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A card file could not be read.
    #[error("{path}: {message}")]
    File {
        /// The card file.
        path: std::path::PathBuf,
        /// What went wrong.
        message: String,
    },
    /// The card was refused.
    #[error(transparent)]
    Card(#[from] CardError),
    /// The card is one of the user's own identities.
    #[error("this card is your own identity ({0}); it cannot be a contact")]
    OwnCard(String),
    /// No contact matches.
    #[error("no contact with id {0:?} (see `mla contacts list`)")]
    NotFound(String),
    /// Several contacts match an id prefix.
    #[error("{given:?} matches several contacts ({matches}); give more of the id")]
    Ambiguous {
        /// What was typed.
        given: String,
        /// The ids it matches.
        matches: String,
    },
    /// The typed text is not a fingerprint.
    #[error("{0:?} is not a fingerprint: expected forty digits, as eight groups of five")]
    BadFingerprint(String),
    /// The fingerprint confirmed is not the contact's.
    #[error("the fingerprint confirmed does not match the card of {name} ({id}); the contact stays untrusted. Compare the fingerprint with {name} again, by telephone, before trusting the card")]
    FingerprintMismatch {
        /// Contact id.
        id: String,
        /// Contact name.
        name: String,
    },
    /// A contact is used as a recipient before being trusted.
    #[error("{name} ({id}) is not trusted yet: confirm the fingerprint first (`mla contacts trust`)")]
    NotTrusted {
        /// Contact id.
        id: String,
        /// Contact name.
        name: String,
    },
}

/// A counterpart in the contact book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Contact {
    /// Stable id (UUID).
    pub id: String,
    /// Fingerprint of the current keys.
    pub fingerprint: String,
    /// Name on the card.
    pub name: String,
    /// Authority on the card.
    pub authority: String,
    /// E-mail address on the card.
    pub email: String,
    /// age recipient, `age1…`.
    pub age_recipient: String,
    /// Ed25519 public key, hex.
    pub signing_key: String,
    /// When the card was first imported, RFC 3339 UTC.
    pub imported_at: String,
    /// When the user confirmed the fingerprint; `None` while untrusted.
    pub trusted_at: Option<String>,
    /// The card file, as imported.
    #[serde(skip)]
    #[ts(skip)]
    pub card: String,
}

impl Contact {
    /// Whether the user has confirmed the fingerprint.
    pub fn is_trusted(&self) -> bool {
        self.trusted_at.is_some()
    }

    /// The person as the exchange names them.
    pub fn participant(&self) -> crate::exchange::thread::Participant {
        crate::exchange::thread::Participant {
            fingerprint: self.fingerprint.clone(),
            name: self.name.clone(),
            authority: self.authority.clone(),
        }
    }
}

/// What importing a card did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
#[ts(export)]
pub enum CardImport {
    /// A new contact, untrusted until its fingerprint is confirmed.
    Added {
        /// The contact.
        contact: Contact,
    },
    /// The card was endorsed by a contact's current key: the contact's keys
    /// were replaced and its trust kept.
    Rotated {
        /// The contact after the rotation.
        contact: Contact,
        /// Its previous fingerprint.
        previous_fingerprint: String,
    },
    /// The book already holds this card's keys; nothing changed.
    AlreadyKnown {
        /// The contact.
        contact: Contact,
    },
}

/// One entry of a contact's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ContactEvent {
    /// When, RFC 3339 UTC.
    pub at: String,
    /// `imported`, `trusted` or `rotated`.
    pub event: String,
    /// The fingerprint concerned (for `rotated`, the new one).
    pub fingerprint: String,
    /// For `rotated`, the previous fingerprint.
    pub detail: String,
}

const COLUMNS: &str = "id, fingerprint, name, authority, email, age_recipient, signing_key, imported_at, trusted_at, card";

fn contact_from(row: &rusqlite::Row<'_>) -> rusqlite::Result<Contact> {
    Ok(Contact {
        id: row.get(0)?,
        fingerprint: row.get(1)?,
        name: row.get(2)?,
        authority: row.get(3)?,
        email: row.get(4)?,
        age_recipient: row.get(5)?,
        signing_key: row.get(6)?,
        imported_at: row.get(7)?,
        trusted_at: row.get(8)?,
        card: row.get(9)?,
    })
}

fn timestamp(at: OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC).replace_nanosecond(0).unwrap_or(at).format(&Rfc3339).unwrap_or_default()
}

/// Every contact, by name.
pub fn list(conn: &Connection) -> Result<Vec<Contact>, ContactError> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM contacts ORDER BY name COLLATE NOCASE, imported_at"))?;
    let rows = stmt.query_map([], contact_from)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The contact whose id is `id`, or starts with `id` (at least four characters).
pub fn find(conn: &Connection, id: &str) -> Result<Contact, ContactError> {
    if let Some(contact) = conn.query_row(&format!("SELECT {COLUMNS} FROM contacts WHERE id = ?1"), [id], contact_from).optional()? {
        return Ok(contact);
    }
    if id.chars().count() < 4 || id.contains(['%', '_']) {
        return Err(ContactError::NotFound(id.to_string()));
    }
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM contacts WHERE id LIKE ?1 || '%'"))?;
    let mut found: Vec<Contact> = stmt.query_map([id], contact_from)?.collect::<Result<_, _>>()?;
    match found.len() {
        0 => Err(ContactError::NotFound(id.to_string())),
        1 => Ok(found.remove(0)),
        _ => Err(ContactError::Ambiguous { given: id.to_string(), matches: found.iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join(", ") }),
    }
}

/// The contact holding these keys, if any.
pub fn by_fingerprint(conn: &Connection, fingerprint: &str) -> Result<Option<Contact>, ContactError> {
    Ok(conn.query_row(&format!("SELECT {COLUMNS} FROM contacts WHERE fingerprint = ?1"), [fingerprint], contact_from).optional()?)
}

/// A contact's history, oldest first.
pub fn history(conn: &Connection, id: &str) -> Result<Vec<ContactEvent>, ContactError> {
    let mut stmt = conn.prepare("SELECT at, event, fingerprint, detail FROM contact_events WHERE contact_id = ?1 ORDER BY at, rowid")?;
    let rows = stmt.query_map([id], |row| Ok(ContactEvent { at: row.get(0)?, event: row.get(1)?, fingerprint: row.get(2)?, detail: row.get(3)? }))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Imports the card file at `path` at `at`, as [`import_card`] does; a
/// file larger than a card can be is refused before it is read.
pub fn import_card_file(conn: &mut Connection, path: &std::path::Path, at: OffsetDateTime) -> Result<CardImport, ContactError> {
    let text = crate::request::text_file::read_text_file(path, crate::exchange::card::MAX_CARD_BYTES as u64).map_err(|e| match e {
        crate::request::text_file::TextFileError::TooLarge { size, .. } => {
            ContactError::File { path: path.to_path_buf(), message: format!("{size} bytes is too large for a card") }
        }
        e => ContactError::File { path: path.to_path_buf(), message: e.to_string() },
    })?;
    import_card(conn, &text, &path.display().to_string(), at)
}

/// Imports a card file (`origin` names it in errors) at time `at`.
pub fn import_card(conn: &mut Connection, text: &str, origin: &str, at: OffsetDateTime) -> Result<CardImport, ContactError> {
    let card = Card::parse(text, origin)?;
    import_verified(conn, &card, at)
}

/// Imports a card that has been verified (for instance the sender's card
/// carried in a package).
pub fn import_verified(conn: &mut Connection, card: &Card, at: OffsetDateTime) -> Result<CardImport, ContactError> {
    let at = timestamp(at);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let own: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM identities WHERE fingerprint = ?1)", [card.fingerprint()], |r| r.get(0))?;
    if own {
        return Err(ContactError::OwnCard(card.fingerprint().to_string()));
    }
    if let Some(contact) = tx.query_row(&format!("SELECT {COLUMNS} FROM contacts WHERE fingerprint = ?1"), [card.fingerprint()], contact_from).optional()? {
        return Ok(CardImport::AlreadyKnown { contact });
    }
    let body = card.body();
    let signing_key = hex::encode(card.signing_key().as_bytes());
    let endorser = match card.endorsed_by() {
        Some(old) => tx
            .query_row(&format!("SELECT {COLUMNS} FROM contacts WHERE signing_key = ?1"), [hex::encode(old.as_bytes())], contact_from)
            .optional()?,
        None => None,
    };
    let (outcome_id, previous) = match endorser {
        Some(previous) => {
            tx.execute(
                "UPDATE contacts SET fingerprint = ?2, signing_key = ?3, age_recipient = ?4, name = ?5, authority = ?6, email = ?7, card = ?8 WHERE id = ?1",
                params![previous.id, card.fingerprint(), signing_key, card.age_recipient(), body.name, body.authority, body.email, card.text()],
            )?;
            tx.execute(
                "INSERT INTO contact_events (contact_id, at, event, fingerprint, detail) VALUES (?1, ?2, 'rotated', ?3, ?4)",
                params![previous.id, at, card.fingerprint(), previous.fingerprint],
            )?;
            (previous.id.clone(), Some(previous.fingerprint))
        }
        None => {
            let id = uuid::Uuid::new_v4().to_string();
            tx.execute(
                &format!("INSERT INTO contacts ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, ?9)"),
                params![id, card.fingerprint(), body.name, body.authority, body.email, card.age_recipient(), signing_key, at, card.text()],
            )?;
            tx.execute(
                "INSERT INTO contact_events (contact_id, at, event, fingerprint) VALUES (?1, ?2, 'imported', ?3)",
                params![id, at, card.fingerprint()],
            )?;
            (id, None)
        }
    };
    let contact = tx.query_row(&format!("SELECT {COLUMNS} FROM contacts WHERE id = ?1"), [&outcome_id], contact_from)?;
    tx.commit()?;
    Ok(match previous {
        Some(previous_fingerprint) => CardImport::Rotated { contact, previous_fingerprint },
        None => CardImport::Added { contact },
    })
}

/// Trusts contact `id` once the user has typed the fingerprint the person
/// read out; records the decision at `at`. Trusting a trusted contact again
/// keeps the first date.
pub fn trust(conn: &mut Connection, id: &str, typed_fingerprint: &str, at: OffsetDateTime) -> Result<Contact, ContactError> {
    let typed = fingerprint::normalise(typed_fingerprint).ok_or_else(|| ContactError::BadFingerprint(typed_fingerprint.to_string()))?;
    let contact = find(conn, id)?;
    if typed != contact.fingerprint {
        return Err(ContactError::FingerprintMismatch { id: contact.id, name: contact.name });
    }
    if contact.is_trusted() {
        return Ok(contact);
    }
    let at = timestamp(at);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let changed = tx.execute(
        "UPDATE contacts SET trusted_at = ?3 WHERE id = ?1 AND fingerprint = ?2 AND trusted_at IS NULL",
        params![contact.id, contact.fingerprint, at],
    )?;
    if changed == 1 {
        tx.execute(
            "INSERT INTO contact_events (contact_id, at, event, fingerprint) VALUES (?1, ?2, 'trusted', ?3)",
            params![contact.id, at, contact.fingerprint],
        )?;
    }
    let contact = tx.query_row(&format!("SELECT {COLUMNS} FROM contacts WHERE id = ?1"), [&contact.id], contact_from)?;
    tx.commit()?;
    Ok(contact)
}

/// The verified card of a contact.
pub fn card_of(contact: &Contact) -> Result<Card, ContactError> {
    Ok(Card::parse(&contact.card, &format!("contact {}", contact.id))?)
}
