//! Errors as they cross IPC: `{code, message}`. The message says what failed
//! and where; the code says only what the UI words differently.

use serde::Serialize;
use ts_rs::TS;

use mla_writer::exchange::consultation::ConsultationError;
use mla_writer::exchange::contacts::ContactError;
use mla_writer::exchange::desk::DeskError;
use mla_writer::exchange::identities::OwnIdentityError;
use mla_writer::exchange::keystore::KeyStoreError;
use mla_writer::files::WriteError;
use mla_writer::store::annexes::AnnexError;
use mla_writer::store::{StoreError, TranslatedDraftError};
use mla_writer::translation::{ImportFileError, XliffError};

/// What kind of failure an [`IpcError`] is, as far as the UI words it
/// differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// The request cannot go to a translator, or a translated file does not
    /// fit it; the message names every problem. The UI says the request
    /// cannot be translated, or that nothing was imported.
    Translation,
    /// A file the user chose could not be read or written (the message
    /// names it). The UI says the file could not be read or written.
    File,
    /// The secret keys are in a passphrase-protected file and no
    /// passphrase, or a wrong one, was given. The UI asks for the passphrase
    /// and tries again.
    KeysLocked,
    /// An exchange package was refused (tampered, forwarded, replayed,
    /// stale, too large, not for this side…); nothing was taken in. The UI
    /// says so, with the message.
    Package,
    /// The fingerprint typed is not the contact's. The UI says to compare
    /// it again by telephone; the contact stays untrusted.
    Fingerprint,
    /// The database file is damaged: nothing is written to it. The UI says
    /// to restore a backup or export what can still be read.
    StoreDamaged,
    /// The disk holding the database is full: the save was rolled back.
    /// The UI keeps the text, says to free some space, and saves again.
    DiskFull,
    /// The database or its folder cannot be written. The UI keeps the text,
    /// says to make it writable, and saves again.
    ReadOnly,
    /// Another program holds the database. The UI keeps the text, says the
    /// database is in use, and saves again.
    StoreBusy,
    /// The database is encrypted and not yet unlocked. The UI shows the
    /// unlock screen.
    DatabaseLocked,
    /// The passphrase does not open the encrypted database or backup. The
    /// UI says so and asks again.
    WrongPassphrase,
    /// Anything else: the database or the document could not be made. The
    /// UI shows the message in the sentence of the action that failed.
    Failed,
}

/// An error returned to the UI.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct IpcError {
    /// What the UI words differently.
    pub code: ErrorCode,
    /// Human-readable message, saying what failed and where.
    pub message: String,
}

impl IpcError {
    fn new(code: ErrorCode, message: impl ToString) -> Self {
        IpcError { code, message: message.to_string() }
    }

    /// A command that needs the database while it is locked.
    pub fn database_locked() -> Self {
        IpcError::new(ErrorCode::DatabaseLocked, "the database is encrypted; unlock it with its passphrase first")
    }

    /// Any other failure, with its message.
    pub fn failed(message: impl ToString) -> Self {
        IpcError::new(ErrorCode::Failed, message)
    }

}

impl From<WriteError> for IpcError {
    fn from(e: WriteError) -> Self {
        IpcError::new(ErrorCode::File, e)
    }
}

impl From<StoreError> for IpcError {
    fn from(e: StoreError) -> Self {
        IpcError::new(store_code(&e), e)
    }
}

/// The code of a store error: a damaged database, a full disk, a
/// read-only database, one in use by another program, or any other failure.
fn store_code(e: &StoreError) -> ErrorCode {
    match e {
        StoreError::Damaged { .. } => ErrorCode::StoreDamaged,
        StoreError::DiskFull { .. } => ErrorCode::DiskFull,
        StoreError::ReadOnly { .. } => ErrorCode::ReadOnly,
        StoreError::Busy { .. } => ErrorCode::StoreBusy,
        StoreError::Write(_) => ErrorCode::File,
        StoreError::Locked { .. } => ErrorCode::DatabaseLocked,
        StoreError::WrongPassphrase { .. } => ErrorCode::WrongPassphrase,
        _ => ErrorCode::Failed,
    }
}

impl From<mla_writer::document::templates::TemplateError> for IpcError {
    fn from(e: mla_writer::document::templates::TemplateError) -> Self {
        IpcError::new(ErrorCode::Failed, e)
    }
}

impl From<XliffError> for IpcError {
    fn from(e: XliffError) -> Self {
        IpcError::new(ErrorCode::Translation, e)
    }
}

impl From<TranslatedDraftError> for IpcError {
    fn from(e: TranslatedDraftError) -> Self {
        match e {
            TranslatedDraftError::Store(e) => e.into(),
            TranslatedDraftError::File(e @ ImportFileError::Xliff { .. }) => IpcError::new(ErrorCode::Translation, e),
            TranslatedDraftError::File(e) => IpcError::new(ErrorCode::File, e),
        }
    }
}

impl From<AnnexError> for IpcError {
    fn from(e: AnnexError) -> Self {
        match e {
            AnnexError::Store(e) => e.into(),
            e @ (AnnexError::Read { .. }
            | AnnexError::TooLarge { .. }
            | AnnexError::Pdf { .. }
            | AnnexError::Missing { .. }
            | AnnexError::Append(_)) => IpcError::new(ErrorCode::File, e),
            e => IpcError::new(ErrorCode::Failed, e),
        }
    }
}

impl From<OwnIdentityError> for IpcError {
    fn from(e: OwnIdentityError) -> Self {
        let code = match &e {
            OwnIdentityError::KeyStore(KeyStoreError::PassphraseNeeded { .. } | KeyStoreError::WrongPassphrase { .. }) => ErrorCode::KeysLocked,
            _ => ErrorCode::Failed,
        };
        IpcError::new(code, e)
    }
}

impl From<ContactError> for IpcError {
    fn from(e: ContactError) -> Self {
        let code = match &e {
            ContactError::FingerprintMismatch { .. } | ContactError::BadFingerprint(_) => ErrorCode::Fingerprint,
            ContactError::File { .. } => ErrorCode::File,
            _ => ErrorCode::Failed,
        };
        IpcError::new(code, e)
    }
}

impl From<ConsultationError> for IpcError {
    fn from(e: ConsultationError) -> Self {
        IpcError::new(consultation_code(&e), e)
    }
}

impl From<DeskError> for IpcError {
    fn from(e: DeskError) -> Self {
        match e {
            DeskError::Identity(e) => e.into(),
            DeskError::Contacts(e) => e.into(),
            DeskError::Consultation { source, draft_id } => {
                let code = consultation_code(&source);
                IpcError::new(code, DeskError::Consultation { source, draft_id })
            }
            e @ DeskError::Package { .. } => IpcError::new(ErrorCode::Package, e),
            e @ DeskError::WrongSigner { .. } => IpcError::new(ErrorCode::Fingerprint, e),
            e @ DeskError::Io { .. } => IpcError::new(ErrorCode::File, e),
            e => IpcError::new(ErrorCode::Failed, e),
        }
    }
}

/// The code of a consultation error: a package refused, a damaged
/// database, or any other failure.
fn consultation_code(e: &ConsultationError) -> ErrorCode {
    match e {
        ConsultationError::Replayed { .. } | ConsultationError::OwnPackage(_) | ConsultationError::Stale { .. } => ErrorCode::Package,
        ConsultationError::Store(e) => store_code(e),
        _ => ErrorCode::Failed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn a_file_that_does_not_fit_is_a_translation_problem_and_an_unreadable_one_a_file_problem() {
        let path = PathBuf::from("/data/request.fr.xlf");
        let misfit = TranslatedDraftError::File(ImportFileError::Xliff { path: path.clone(), source: XliffError::NothingToTranslate });
        let e = IpcError::from(misfit);
        assert_eq!(e.code, ErrorCode::Translation);
        assert!(e.message.starts_with("/data/request.fr.xlf: "), "{}", e.message);

        let large = TranslatedDraftError::File(ImportFileError::TooLarge { path: path.clone(), size: 9, limit: 8 });
        assert_eq!(IpcError::from(large).code, ErrorCode::File);
        let gone = TranslatedDraftError::Store(StoreError::NotFound("d1".into()));
        let e = IpcError::from(gone);
        assert_eq!((e.code, e.message.as_str()), (ErrorCode::Failed, "no draft with id d1"));
    }

    #[test]
    fn a_locked_key_a_refused_package_and_a_wrong_fingerprint_each_have_their_code() {
        let locked = DeskError::Identity(OwnIdentityError::KeyStore(KeyStoreError::PassphraseNeeded { why: "no keychain".into() }));
        assert_eq!(IpcError::from(locked).code, ErrorCode::KeysLocked);
        let replayed = DeskError::Consultation {
            draft_id: "d1".into(),
            source: ConsultationError::Replayed { package_id: "p1".into(), taken_in: "2026-03-02T09:00:00Z".into() },
        };
        let e = IpcError::from(replayed);
        assert_eq!(e.code, ErrorCode::Package);
        assert!(e.message.starts_with("draft d1: package p1 was already taken in"), "{}", e.message);
        let wrong = DeskError::WrongSigner { path: PathBuf::from("/in/reply.mlapkg"), typed: "1".into(), fingerprint: "2".into() };
        assert_eq!(IpcError::from(wrong).code, ErrorCode::Fingerprint);
        let mismatch = ContactError::BadFingerprint("12".into());
        assert_eq!(IpcError::from(mismatch).code, ErrorCode::Fingerprint);
        let none = OwnIdentityError::None;
        assert_eq!(IpcError::from(none).code, ErrorCode::Failed);
    }

    #[test]
    fn errors_cross_as_code_and_message() {
        let e = IpcError::from(WriteError { path: PathBuf::from("/out/r.pdf"), source: std::io::Error::from(std::io::ErrorKind::PermissionDenied) });
        assert_eq!(serde_json::to_value(&e).unwrap(), serde_json::json!({ "code": "file", "message": "/out/r.pdf: cannot write: permission denied" }));
    }

    #[test]
    fn a_damaged_database_crosses_with_its_own_code_however_it_is_reached() {
        let damaged = || StoreError::Damaged { path: PathBuf::from("/data/mla-writer.sqlite3"), detail: "database disk image is malformed".into() };
        let e = IpcError::from(damaged());
        assert_eq!(serde_json::to_value(&e).unwrap()["code"], "store_damaged");
        assert!(e.message.starts_with("database /data/mla-writer.sqlite3 is damaged (database disk image is malformed)"), "{}", e.message);
        assert_eq!(IpcError::from(TranslatedDraftError::Store(damaged())).code, ErrorCode::StoreDamaged);
        let in_consultation = DeskError::Consultation { draft_id: "d1".into(), source: ConsultationError::Store(damaged()) };
        assert_eq!(IpcError::from(in_consultation).code, ErrorCode::StoreDamaged);
        assert_eq!(IpcError::from(StoreError::NotFound("d1".into())).code, ErrorCode::Failed);
    }

    #[test]
    fn a_full_disk_a_read_only_database_and_one_in_use_each_have_their_code() {
        let path = PathBuf::from("/data/mla-writer.sqlite3");
        let full = IpcError::from(StoreError::DiskFull { path: path.clone(), detail: "disk I/O error: File too large".into() });
        assert_eq!(serde_json::to_value(&full).unwrap()["code"], "disk_full");
        assert!(full.message.contains("the disk is full"), "{}", full.message);
        let read_only = IpcError::from(StoreError::ReadOnly { path: path.clone(), detail: "attempt to write a readonly database".into() });
        assert_eq!(serde_json::to_value(&read_only).unwrap()["code"], "read_only");
        let busy = IpcError::from(TranslatedDraftError::Store(StoreError::Busy { path }));
        assert_eq!(serde_json::to_value(&busy).unwrap()["code"], "store_busy");
        assert!(busy.message.contains("in use by another program"), "{}", busy.message);
    }

    #[test]
    fn a_locked_database_and_a_wrong_passphrase_each_have_their_code() {
        let path = PathBuf::from("/data/mla-writer.sqlite3");
        let e = IpcError::from(StoreError::WrongPassphrase { path: path.clone() });
        assert_eq!(serde_json::to_value(&e).unwrap()["code"], "wrong_passphrase");
        assert_eq!(IpcError::from(StoreError::Locked { path }).code, ErrorCode::DatabaseLocked);
        assert_eq!(serde_json::to_value(IpcError::database_locked()).unwrap()["code"], "database_locked");
    }
}
