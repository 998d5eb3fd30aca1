//! Why a package could not be written or read. Every message says what was
//! wrong and where (which entry, which JSON path, which limit).

use std::path::PathBuf;

use thiserror::Error;

use crate::exchange::card::CardError;
use crate::request::read::FormatError;

/// A failure writing or reading a package.
#[derive(Debug, Error)]
pub enum PackageError {
    /// A file could not be read or written.
    #[error("{what}: {source}")]
    Io {
        /// What was being read or written.
        what: String,
        /// Underlying error.
        source: std::io::Error,
    },
    /// An annex file changed while the package was being written.
    #[error("annex {name} ({path}): the file changed while the package was being written; write the package again")]
    AnnexChanged {
        /// Annex name.
        name: String,
        /// File.
        path: PathBuf,
    },
    /// A package needs at least one recipient.
    #[error("a package needs at least one recipient or a passphrase")]
    NoRecipients,
    /// Encryption could not start.
    #[error("cannot encrypt: {0}")]
    Encrypt(String),
    /// The file is not an age-encrypted file.
    #[error("not a package (an age-encrypted file): {0}")]
    NotAge(String),
    /// The package is encrypted to keys other than the reader's.
    #[error("this package is not encrypted to your keys ({0}); it was made for someone else")]
    NotEncryptedToYou(String),
    /// The package is encrypted to a passphrase and none was given.
    #[error("this package is encrypted with a passphrase; give the passphrase agreed with the sender")]
    PassphraseNeeded,
    /// A passphrase was given for a package encrypted to keys.
    #[error("this package is encrypted to recipients' keys, not to a passphrase; open it with your identity")]
    NotPassphrase,
    /// The passphrase does not open the package.
    #[error("the passphrase does not open this package")]
    WrongPassphrase,
    /// The encrypted stream failed to authenticate: altered or truncated.
    #[error("the package is damaged or was altered (while reading {at}): {message}")]
    Damaged {
        /// Entry being read, or "the container".
        at: String,
        /// What the decryption said.
        message: String,
    },
    /// Something is larger than its limit.
    #[error("{what}: {size} bytes is more than the limit of {limit} bytes")]
    TooLarge {
        /// What.
        what: String,
        /// Its size (at least).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// There are more of something than the limit.
    #[error("{what}: {count} is more than the limit of {limit}")]
    TooMany {
        /// What is counted.
        what: String,
        /// How many.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// The container is not a plain tar archive of regular files.
    #[error("the container is malformed at {at}: {message}")]
    Container {
        /// Where.
        at: String,
        /// What.
        message: String,
    },
    /// An entry name is not allowed.
    #[error("entry `{name}`: name not allowed: {reason}")]
    EntryName {
        /// The name, with control characters escaped.
        name: String,
        /// Why.
        reason: String,
    },
    /// An entry is not where the format puts it.
    #[error("entry {position}: expected `{expected}`, found `{found}`")]
    UnexpectedEntry {
        /// 1-based position in the container.
        position: usize,
        /// What the format or the manifest says.
        expected: String,
        /// What is there.
        found: String,
    },
    /// An entry listed in the manifest is missing.
    #[error("entry `{0}` is listed in the manifest but missing from the package")]
    MissingEntry(String),
    /// An entry not listed in the manifest follows the listed ones.
    #[error("entry `{0}` is not listed in the manifest")]
    ExtraEntry(String),
    /// An entry name appears twice.
    #[error("entry `{0}` appears more than once")]
    DuplicateEntry(String),
    /// The manifest is not valid.
    #[error("manifest.json: {0}")]
    Manifest(String),
    /// The sender's card in the manifest is not valid.
    #[error("manifest.json: the sender's card: {0}")]
    SenderCard(CardError),
    /// The manifest's signature does not verify.
    #[error("manifest.sig: the signature by {fingerprint} does not verify over manifest.json: the package was altered or not signed by its stated sender")]
    BadSignature {
        /// The stated sender's fingerprint.
        fingerprint: String,
    },
    /// The package is not addressed to the reader.
    #[error("this package is addressed to {addressed_to}, not to you ({you}); it may have been forwarded. It was not imported")]
    Forwarded {
        /// The recipients the manifest names.
        addressed_to: String,
        /// The reader's fingerprints.
        you: String,
    },
    /// An entry's bytes do not match the manifest.
    #[error("entry `{name}`: {what} does not match the manifest (expected {expected}, found {found}): the package was altered")]
    Mismatch {
        /// Entry.
        name: String,
        /// `SHA-256` or `size`.
        what: &'static str,
        /// From the manifest.
        expected: String,
        /// Computed.
        found: String,
    },
    /// `request.json` is not a valid request.
    #[error("{0}")]
    Request(FormatError),
    /// `lineage.json` or `thread.json` is not valid.
    #[error("{entry}: {message}")]
    Document {
        /// Entry.
        entry: &'static str,
        /// What, with its JSON path.
        message: String,
    },
    /// A text field is longer than the limit.
    #[error("{entry}: at {path}: a text of {size} bytes is longer than the limit of {limit} bytes")]
    FieldTooLong {
        /// Entry.
        entry: &'static str,
        /// JSON path.
        path: String,
        /// Its size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// A text field holds a control character no imported text may hold.
    #[error("{entry}: at {path}: the text holds the control character {code}, which is refused in what a counterpart sends")]
    ControlCharacter {
        /// Entry.
        entry: &'static str,
        /// JSON path.
        path: String,
        /// The character, as `U+001B`.
        code: String,
    },
    /// An annex with the same name already exists where annexes go.
    #[error("{0}: a file with this name already exists; annexes are not overwritten")]
    AnnexExists(PathBuf),
}

impl PackageError {
    /// An I/O failure while doing `what`.
    pub(crate) fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> PackageError {
        let what = what.into();
        move |source| PackageError::Io { what, source }
    }
}

/// A name from a package, printable in a message: control characters and
/// invisible formatting characters (bidi overrides, zero-width characters)
/// are shown escaped, so that a name cannot hide or reorder what follows it.
pub(crate) fn printable(name: &str) -> String {
    crate::request::text::visible(name)
}
