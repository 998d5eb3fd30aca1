//! `manifest.json`: what a package holds and who it is from and for. It is
//! the first entry of the container, signed (`manifest.sig`, the second
//! entry) by the sender's Ed25519 key over its exact bytes.

use serde::{Deserialize, Serialize};

use crate::exchange::thread::Round;

/// Format tag of the manifest.
pub const PACKAGE_FORMAT: &str = "mla-writer-package/1";

/// The manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// [`PACKAGE_FORMAT`].
    pub format: String,
    /// Package id, a UUID.
    pub package_id: String,
    /// When the package was made (as its sender says), RFC 3339 UTC.
    pub created: String,
    /// Who made and signed it.
    pub sender: Sender,
    /// Who it is encrypted to, by fingerprint (empty for a passphrase package).
    pub recipients: Vec<Recipient>,
    /// For a package encrypted to a passphrase, the label the sender gave
    /// the passphrase ("agreed by telephone with Ms Berg, 3 March").
    pub passphrase_label: Option<String>,
    /// Place in the back-and-forth.
    pub round: Round,
    /// The note for the recipients.
    pub note: String,
    /// Every entry after `manifest.sig`, in the order they follow.
    pub entries: Vec<Entry>,
}

/// The sender.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sender {
    /// Fingerprint of their keys.
    pub fingerprint: String,
    /// Their Ed25519 public key, hex: the key that signs the manifest.
    pub signing_key: String,
    /// Their public card file, as text.
    pub card: String,
}

/// A recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// Fingerprint of their keys.
    pub fingerprint: String,
    /// Their name.
    pub name: String,
    /// Their authority.
    pub authority: String,
}

/// One entry of the container.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Name in the container.
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of its bytes, lowercase hex.
    pub sha256: String,
}
