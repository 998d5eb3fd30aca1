//! The exchange desk: the glue between the package layer and the
//! consultation layer, for the desktop shell and the command line alike.
//!
//! [`send`] unlocks the current identity, builds the package of a draft
//! (the originator's next round, or the counterpart's reply) and writes it
//! atomically; [`take_in_package`] opens a package with this side's keys or
//! a passphrase, refuses a signer the user has not confirmed, and takes the
//! package into the store in one transaction.

use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use serde::Serialize;
use time::OffsetDateTime;
use ts_rs::TS;

use crate::exchange::consultation::{self, ConsultationError, ImportReport, Role};
use crate::exchange::contacts::{self, Contact, ContactError};
use crate::exchange::fingerprint;
use crate::exchange::identities::{self, OwnIdentity, OwnIdentityError};
use crate::exchange::keystore::KeyStore;
use crate::exchange::package::{self, Keys, Limits, PackageError, PackageSummary, Recipients};
use crate::exchange::thread::Participant;
use crate::files::AtomicFile;
use crate::store::Store;

/// What went wrong at the desk, with what it was about.
#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    /// This side's identity is missing or cannot be unlocked.
    #[error("your identity: {0}")]
    Identity(#[from] OwnIdentityError),
    /// The contact book could not be read or changed.
    #[error("contacts: {0}")]
    Contacts(#[from] ContactError),
    /// The consultation layer refused.
    #[error("draft {draft_id}: {source}")]
    Consultation {
        /// The draft, or the package's request.
        draft_id: String,
        /// Why.
        source: ConsultationError,
    },
    /// The package could not be written or read.
    #[error("package {path}: {source}")]
    Package {
        /// The package file.
        path: PathBuf,
        /// Why.
        source: PackageError,
    },
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The package is not signed by a trusted contact; nothing was taken in.
    #[error(
        "package {path}: signed by {name} ({authority}), fingerprint {fingerprint}, who is not a trusted contact; \
         nothing was taken in. Compare the fingerprint with them by telephone, then import again confirming it"
    )]
    UntrustedSigner {
        /// The package file.
        path: PathBuf,
        /// The signer's name, as their card says.
        name: String,
        /// The signer's authority, as their card says.
        authority: String,
        /// The signer's fingerprint.
        fingerprint: String,
    },
    /// The fingerprint the user confirmed is not the signer's.
    #[error("package {path}: the fingerprint confirmed ({typed}) is not the signer's ({fingerprint}); nothing was taken in")]
    WrongSigner {
        /// The package file.
        path: PathBuf,
        /// What the user confirmed.
        typed: String,
        /// The signer's fingerprint.
        fingerprint: String,
    },
    /// Who the package goes to does not fit the draft.
    #[error("draft {draft_id}: {message}")]
    Recipients {
        /// The draft.
        draft_id: String,
        /// What is wrong.
        message: String,
    },
}

/// Who a package is sent to.
pub enum SendTo {
    /// Contacts, by id (or the first characters of it); all must be trusted.
    /// Empty on the counterpart's side: a reply goes to the originator.
    Contacts(Vec<String>),
    /// A passphrase agreed with the counterparts by telephone: a first
    /// package to a counterpart who has no card yet (their signed reply
    /// names them), a later round to the counterparts already recorded, or a
    /// reply to the originator.
    Passphrase {
        /// The passphrase.
        passphrase: SecretString,
        /// What the passphrase is, without saying it.
        label: String,
    },
}

/// What [`send`] did.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Sent {
    /// The package written.
    pub summary: PackageSummary,
    /// Whether it was a reply (this side is the counterpart).
    pub reply: bool,
    /// The round and sequence it carries.
    #[ts(type = "number")]
    pub sequence: u64,
    /// Who it went to.
    pub to: Vec<Participant>,
}

/// What [`take_in_package`] did.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TakenIn {
    /// What the consultation layer took in.
    pub report: ImportReport,
    /// Who signed the package.
    pub sender: Participant,
    /// Comments in the package.
    pub comments: usize,
    /// Suggestions in the package.
    pub suggestions: usize,
}

/// Folder of the data directory where the annexes of packages taken in are kept.
pub const ANNEX_DIR: &str = "annexes";

/// This side of the exchange: its identity, if it has one, and its contacts.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Desk {
    /// The current identity.
    pub identity: Option<OwnIdentity>,
    /// The contact book, trusted or not.
    pub contacts: Vec<Contact>,
}

/// This side of the exchange as it stands.
pub fn desk(store: &mut Store) -> Result<Desk, DeskError> {
    let identity = identities::current(store.connection())?;
    let contacts = contacts::list(store.connection())?;
    Ok(Desk { identity, contacts })
}

/// Sends draft `draft_id` to `to`, with `note`, at `at`, as a package file
/// at `output`: the originator's next round, or, when this side received
/// the draft for comments, the reply to the originator. `key_passphrase`
/// unlocks this side's identity when its keys are in the key file. The file
/// is written beside `output`, synced and renamed, so that `output` is
/// either the whole package or untouched; the package is recorded as sent
/// only once the file is written.
#[allow(clippy::too_many_arguments)]
pub fn send(
    store: &mut Store,
    keys: &KeyStore,
    key_passphrase: Option<&SecretString>,
    draft_id: &str,
    to: SendTo,
    note: &str,
    output: &Path,
    at: OffsetDateTime,
) -> Result<Sent, DeskError> {
    let me = identities::unlock_current(store.connection(), keys, key_passphrase)?;
    let consultation_error = |source| DeskError::Consultation { draft_id: draft_id.to_string(), source };
    let shared = consultation::shared_request(store, draft_id).map_err(consultation_error)?;
    let is_reply = shared.as_ref().is_some_and(|s| s.role == Role::Counterpart);
    let recipients_error = |message: &str| DeskError::Recipients { draft_id: draft_id.to_string(), message: message.to_string() };

    let (recipients, participants) = match (to, &shared) {
        (SendTo::Contacts(ids), _) => {
            let chosen = if is_reply {
                if !ids.is_empty() {
                    return Err(recipients_error("a reply goes to the originator of the request: name no contact"));
                }
                let originator = &shared.as_ref().expect("a reply has a shared request").originator;
                let contact = contacts::by_fingerprint(store.connection(), &originator.fingerprint)?.ok_or_else(|| {
                    recipients_error(&format!("the originator {} ({}) is not in your contacts", originator.name, originator.fingerprint))
                })?;
                vec![contact]
            } else {
                if ids.is_empty() {
                    return Err(recipients_error("choose at least one contact to send the draft to"));
                }
                ids.iter().map(|id| contacts::find(store.connection(), id)).collect::<Result<Vec<_>, _>>()?
            };
            let participants = chosen.iter().map(|c| c.participant()).collect();
            (Recipients::trusted_contacts(&chosen)?, participants)
        }
        (SendTo::Passphrase { passphrase, label }, shared) => {
            // A reply goes to the originator; a round to the counterparts
            // recorded, or, for a first package to a counterpart whose card
            // this side does not have, to no one named yet.
            let participants = match shared {
                Some(s) if s.role == Role::Counterpart => vec![s.originator.clone()],
                Some(s) => s.counterparts.clone(),
                None => Vec::new(),
            };
            (Recipients::Passphrase { passphrase, label }, participants)
        }
    };

    // The package is recorded as sent in a transaction committed only once
    // its file is written in full beside `output`; then the file takes its
    // name. A package that could not be written leaves no trace.
    let write_error = |e: crate::files::WriteError| DeskError::Io { path: e.path, source: e.source };
    let tx = store.begin().map_err(|e| consultation_error(e.into()))?;
    let outgoing = if is_reply {
        consultation::reply_in(&tx, draft_id, &me.participant(), note, at)
    } else {
        consultation::send_in(&tx, draft_id, &me.participant(), &participants, note, at)
    }
    .map_err(consultation_error)?;
    let mut file = AtomicFile::create(output).map_err(write_error)?;
    let summary = package::write(std::io::BufWriter::new(&mut file), &me, &recipients, &outgoing)
        .map_err(|source| DeskError::Package { path: output.to_path_buf(), source })?;
    file.sync().map_err(write_error)?;
    tx.commit().map_err(|e| consultation_error(e.into()))?;
    file.commit().map_err(write_error)?;
    Ok(Sent { summary, reply: is_reply, sequence: outgoing.round.sequence, to: participants })
}

/// Takes in the package at `path` at `at`: opened with this side's
/// identities (unlocked with `key_passphrase` when their keys are in the key
/// file) or, for a passphrase package, with `package_passphrase`; annexes go
/// to `annex_dir`. A signer who is not a trusted contact is refused, unless
/// `confirmed` is the fingerprint the user compared with them: then they are
/// added to the contacts and trusted (that confirmation is kept even if the
/// package is then refused). The package goes into the store in one
/// transaction, or not at all.
pub fn take_in_package(
    store: &mut Store,
    keys: &KeyStore,
    key_passphrase: Option<&SecretString>,
    path: &Path,
    package_passphrase: Option<&SecretString>,
    confirmed: Option<&str>,
    annex_dir: &Path,
    at: OffsetDateTime,
) -> Result<TakenIn, DeskError> {
    let me = identities::me(store.connection())?;
    let unlocked = match package_passphrase {
        Some(_) => Vec::new(),
        None => identities::all(store.connection())?
            .iter()
            .map(|own| identities::unlock(keys, own, key_passphrase))
            .collect::<Result<Vec<_>, _>>()?,
    };
    let keys = match package_passphrase {
        Some(passphrase) => Keys::Passphrase(passphrase),
        None => Keys::Identities(&unlocked),
    };
    let book = contacts::list(store.connection())?;
    let file = std::fs::File::open(path).map_err(|source| DeskError::Io { path: path.to_path_buf(), source })?;
    let opened = package::read(std::io::BufReader::new(file), &keys, &book, &Limits::default(), annex_dir)
        .map_err(|source| DeskError::Package { path: path.to_path_buf(), source })?;

    if !opened.signer_is_trusted() {
        let signer = opened.sender_card.fingerprint().to_string();
        let Some(typed) = confirmed else {
            let body = opened.sender_card.body();
            return Err(DeskError::UntrustedSigner {
                path: path.to_path_buf(),
                name: body.name.clone(),
                authority: body.authority.clone(),
                fingerprint: signer,
            });
        };
        if fingerprint::normalise(typed).as_deref() != fingerprint::normalise(&signer).as_deref() {
            return Err(DeskError::WrongSigner { path: path.to_path_buf(), typed: typed.to_string(), fingerprint: signer });
        }
        package::trust_signer(store.connection(), &opened, typed, at)?;
    }

    let sender = opened.incoming.sender.clone();
    let comments = opened.incoming.thread.comments.len();
    let suggestions = opened.incoming.thread.suggestions.len();
    let request_id = opened.incoming.round.request_id.clone();
    let report = consultation::take_in(store, opened.incoming, &me, at)
        .map_err(|source| DeskError::Consultation { draft_id: request_id, source })?;
    Ok(TakenIn { report, sender, comments, suggestions })
}
