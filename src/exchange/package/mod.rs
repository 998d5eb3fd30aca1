//! The package: what travels between the two sides of a consultation, as one
//! file. An age-encrypted stream (to the recipients' X25519 keys and the
//! sender's own, or to a passphrase) holding an uncompressed tar container:
//! `manifest.json`, `manifest.sig` (Ed25519 over the manifest's exact
//! bytes), `request.json`, `lineage.json`, `thread.json`, then
//! `annexes/<name>`. The format is documented in `docs/exchange-format.md`.
//!
//! [`write`] turns an [`Outgoing`](crate::exchange::thread::Outgoing) into a
//! package; [`read`] turns a package back into an
//! [`Incoming`](crate::exchange::thread::Incoming), with who signed it.
//! Both stream: memory does not grow with the size of the annexes.
//!
//! Architecture invariant: a package is untrusted until its signature, its
//! recipients and every entry's size and digest have been verified; until
//! then nothing of it reaches the store or the annex folder.

pub mod error;
pub mod limits;
pub mod manifest;
pub mod names;
mod read;
mod write;
#[cfg(test)]
mod fuzz;

use age::secrecy::SecretString;
use rusqlite::Connection;
use serde::Serialize;
use time::OffsetDateTime;
use ts_rs::TS;

use crate::exchange::card::Card;
use crate::exchange::contacts::{self, CardImport, Contact, ContactError};
use crate::exchange::identity::UnlockedIdentity;
use crate::exchange::thread::Incoming;

pub use error::PackageError;
pub use limits::Limits;
pub use read::read;
pub use write::write;

/// Who a package is encrypted to.
pub enum Recipients {
    /// Contacts' keys (the sender's own key is always added).
    Contacts(Vec<Card>),
    /// A passphrase agreed with a counterpart who has no key yet (age's
    /// scrypt mode), and a label that names it in the manifest.
    Passphrase {
        /// The passphrase.
        passphrase: SecretString,
        /// What the passphrase is, without saying it ("agreed by telephone
        /// with Ms Berg on 3 March").
        label: String,
    },
}

impl Recipients {
    /// The recipients for these contacts, all of whom must be trusted.
    pub fn trusted_contacts(contacts: &[Contact]) -> Result<Recipients, ContactError> {
        let mut cards = Vec::with_capacity(contacts.len());
        for contact in contacts {
            if !contact.is_trusted() {
                return Err(ContactError::NotTrusted { id: contact.id.clone(), name: contact.name.clone() });
            }
            cards.push(contacts::card_of(contact)?);
        }
        Ok(Recipients::Contacts(cards))
    }
}

/// The keys a package is opened with.
pub enum Keys<'a> {
    /// The reader's identities: the current one and those it replaced.
    Identities(&'a [UnlockedIdentity]),
    /// The passphrase of a passphrase package.
    Passphrase(&'a SecretString),
}

/// What [`write`] made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PackageSummary {
    /// Package id (UUID).
    pub package_id: String,
    /// Fingerprints of the recipients named in the manifest.
    pub recipients: Vec<String>,
    /// Label of the passphrase, for a passphrase package.
    pub passphrase_label: Option<String>,
    /// Entries in the container, manifest and signature included.
    pub entries: usize,
    /// Bytes of annexes.
    #[ts(type = "number")]
    pub annex_bytes: u64,
}

/// Who signed a package, as the reader's contact book knows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "status", rename_all = "snake_case")]
#[ts(export)]
pub enum SignerStatus {
    /// One of the reader's own identities.
    Own,
    /// A contact whose fingerprint the reader has confirmed.
    Trusted {
        /// Contact id.
        contact_id: String,
    },
    /// A contact not yet trusted.
    Untrusted {
        /// Contact id.
        contact_id: String,
    },
    /// Not in the contact book: show the fingerprint, and import only after
    /// the reader has confirmed it ([`trust_signer`]).
    Unknown,
}

/// A package opened and verified.
#[derive(Debug, Clone)]
pub struct Opened {
    /// What it carries.
    pub incoming: Incoming,
    /// Who signed it, as the contact book knows them.
    pub signer: SignerStatus,
    /// The signer's verified card (to show its fingerprint and to import it).
    pub sender_card: Card,
    /// Fingerprints of the recipients named in the manifest.
    pub recipients: Vec<String>,
    /// Label of the passphrase, for a passphrase package.
    pub passphrase_label: Option<String>,
}

impl Opened {
    /// Whether the signer is the reader or a trusted contact.
    pub fn signer_is_trusted(&self) -> bool {
        matches!(self.signer, SignerStatus::Own | SignerStatus::Trusted { .. })
    }
}

/// Adds the signer of `opened` to the contact book (if needed) and trusts
/// them, once the reader has confirmed the fingerprint (`typed`) with them;
/// returns the contact. The fingerprint must match the signer's card.
pub fn trust_signer(conn: &mut Connection, opened: &Opened, typed: &str, at: OffsetDateTime) -> Result<Contact, ContactError> {
    let contact = match contacts::import_verified(conn, &opened.sender_card, at)? {
        CardImport::Added { contact } | CardImport::Rotated { contact, .. } | CardImport::AlreadyKnown { contact } => contact,
    };
    contacts::trust(conn, &contact.id, typed, at)
}
