//! The exchange with counterparts: the identity, the contact book, and the
//! consultation of a draft (packages, comments, suggestions, decisions).
//! Each command is one call of `mla_writer::exchange`.
//!
//! The shell keeps two things for the session, in memory only: the
//! passphrase of the key file once the user has given it (so that it is
//! asked once, not at every package), and the package the user chose while
//! its signer waits for the user's confirmation (so that the UI never names
//! a file path itself).

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use mla_writer::exchange::age_secrecy::SecretString;
use mla_writer::exchange::card::Profile;
use mla_writer::exchange::consultation::{self, DecisionReceipt, Overview, Resolution, SharedRequest};
use mla_writer::exchange::contacts::{self, CardImport, Contact};
use mla_writer::exchange::desk::{self, Desk, DeskError, SendTo, Sent, TakenIn};
use mla_writer::exchange::identities;
use mla_writer::exchange::keystore::KeyStore;
use mla_writer::exchange::thread::{Comment, CommentKind, Suggestion};
use mla_writer::files;
use mla_writer::i18n::Lang;
use serde::Serialize;
use tauri::State;
use time::OffsetDateTime;
use ts_rs::TS;

use super::Drafts;
use crate::dialogs::{ask_open_path, ask_save_path};
use crate::error::IpcError;

/// The file extension of exchange packages.
const PACKAGE_EXTENSION: &str = "mlapkg";

/// What the exchange commands keep for the session.
pub struct Exchange {
    /// Where this data directory keeps secret keys.
    keys: KeyStore,
    /// Where the annexes of packages taken in are kept.
    annexes: PathBuf,
    /// The key file's passphrase, once the user gave one that opens it.
    key_passphrase: Mutex<Option<SecretString>>,
    /// The package chosen whose signer waits for the user's confirmation.
    pending: Mutex<Option<PathBuf>>,
}

impl Exchange {
    /// The exchange of the data directory `data_dir`, with its key store.
    pub fn new(data_dir: &std::path::Path, keys: KeyStore) -> Self {
        Exchange { keys, annexes: data_dir.join(desk::ANNEX_DIR), key_passphrase: Mutex::new(None), pending: Mutex::new(None) }
    }

    fn key_passphrase(&self) -> MutexGuard<'_, Option<SecretString>> {
        self.key_passphrase.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn pending(&self) -> MutexGuard<'_, Option<PathBuf>> {
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// What importing a package did.
#[derive(Debug, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
#[ts(export)]
pub enum PackageImport {
    /// The package was taken in.
    Imported {
        /// What it brought.
        taken: TakenIn,
    },
    /// Nothing was taken in: the signer is not a trusted contact. The UI
    /// shows who signed and their fingerprint; once the user has compared
    /// it with them, `confirm_package_signer` takes the package in.
    UnknownSigner {
        /// The signer's name, as their card says.
        name: String,
        /// The signer's authority, as their card says.
        authority: String,
        /// The signer's fingerprint.
        fingerprint: String,
    },
}

/// The text as a secret, or none when it is empty.
fn secret(text: Option<String>) -> Option<SecretString> {
    text.filter(|t| !t.is_empty()).map(SecretString::from)
}

/// This side of the exchange: the identity (with where its keys are kept) and the contacts.
#[tauri::command(async)]
pub fn exchange_desk(drafts: State<'_, Drafts>) -> Result<Desk, IpcError> {
    Ok(desk::desk(&mut *drafts.lock()?)?)
}

/// Creates the user's identity (keys in the OS keychain, else in a file protected by `key_passphrase`).
#[tauri::command(async)]
pub fn create_identity(
    drafts: State<'_, Drafts>,
    exchange: State<'_, Exchange>,
    name: String,
    authority: String,
    email: String,
    key_passphrase: Option<String>,
) -> Result<Desk, IpcError> {
    let passphrase = secret(key_passphrase);
    let mut store = drafts.lock()?;
    let profile = Profile { name, authority, email };
    identities::create(store.connection(), &exchange.keys, &profile, OffsetDateTime::now_utc(), passphrase.as_ref())?;
    *exchange.key_passphrase() = passphrase;
    Ok(desk::desk(&mut store)?)
}

/// Opens the key file with `key_passphrase` and keeps the passphrase for the session (code `keys_locked` when it does not open it).
#[tauri::command(async)]
pub fn unlock_keys(drafts: State<'_, Drafts>, exchange: State<'_, Exchange>, key_passphrase: String) -> Result<(), IpcError> {
    let passphrase = SecretString::from(key_passphrase);
    identities::unlock_current(drafts.lock()?.connection(), &exchange.keys, Some(&passphrase))?;
    *exchange.key_passphrase() = Some(passphrase);
    Ok(())
}

/// Replaces the user's keys with fresh ones endorsed by the current key (the new card must then go to the contacts again).
#[tauri::command(async)]
pub fn rotate_keys(drafts: State<'_, Drafts>, exchange: State<'_, Exchange>) -> Result<Desk, IpcError> {
    let key_passphrase = exchange.key_passphrase().clone();
    let mut store = drafts.lock()?;
    identities::rotate(store.connection(), &exchange.keys, OffsetDateTime::now_utc(), key_passphrase.as_ref())?;
    Ok(desk::desk(&mut store)?)
}

/// Asks where to save, then writes the user's public card; resolves the path written, null when the user cancelled.
#[tauri::command(async)]
pub fn export_card(app: tauri::AppHandle, drafts: State<'_, Drafts>, file_name: String) -> Result<Option<String>, IpcError> {
    let own = identities::current(drafts.lock()?.connection())?.ok_or(identities::OwnIdentityError::None)?;
    let Some(path) = ask_save_path(&app, "MLA Writer card", "mlacard", &file_name) else { return Ok(None) };
    files::write_atomically(&path, own.card.as_bytes())?;
    Ok(Some(path.display().to_string()))
}

/// Asks for a counterpart's card file and adds it to the contacts, untrusted until its fingerprint is confirmed; null when the user cancelled.
#[tauri::command(async)]
pub fn import_card(app: tauri::AppHandle, drafts: State<'_, Drafts>) -> Result<Option<CardImport>, IpcError> {
    let Some(path) = ask_open_path(&app, "MLA Writer card", &["mlacard", "txt"]) else { return Ok(None) };
    Ok(Some(contacts::import_card_file(drafts.lock()?.connection(), &path, OffsetDateTime::now_utc())?))
}

/// Trusts contact `id` once the user has typed the fingerprint they compared with them (code `fingerprint` when it differs).
#[tauri::command(async)]
pub fn trust_contact(drafts: State<'_, Drafts>, id: String, fingerprint: String) -> Result<Contact, IpcError> {
    Ok(contacts::trust(drafts.lock()?.connection(), &id, &fingerprint, OffsetDateTime::now_utc())?)
}

/// The drafts that take part in a consultation, on either side.
#[tauri::command(async)]
pub fn shared_requests(drafts: State<'_, Drafts>) -> Result<Vec<SharedRequest>, IpcError> {
    Ok(consultation::shared_requests(&mut *drafts.lock()?)?)
}

/// The consultation of draft `id`: who takes part, comments, suggestions to review, history and packages; labels in `lang`.
#[tauri::command(async)]
pub fn consultation(drafts: State<'_, Drafts>, id: String, lang: Lang) -> Result<Overview, IpcError> {
    Ok(consultation::overview(&mut *drafts.lock()?, &id, lang)?)
}

/// Sends draft `id` as a package: to the contacts `to`, or with the `passphrase` agreed with the counterparts; a counterpart's reply goes to the originator. Asks where to save; null when the user cancelled.
#[tauri::command(async)]
pub fn send_package(
    app: tauri::AppHandle,
    drafts: State<'_, Drafts>,
    exchange: State<'_, Exchange>,
    id: String,
    to: Vec<String>,
    passphrase: Option<String>,
    note: String,
    file_name: String,
) -> Result<Option<Sent>, IpcError> {
    let Some(path) = ask_save_path(&app, "MLA Writer package", PACKAGE_EXTENSION, &file_name) else { return Ok(None) };
    let to = match secret(passphrase) {
        Some(passphrase) => SendTo::Passphrase { passphrase, label: "agreed by telephone".to_string() },
        None => SendTo::Contacts(to),
    };
    let key_passphrase = exchange.key_passphrase().clone();
    let sent = desk::send(&mut *drafts.lock()?, &exchange.keys, key_passphrase.as_ref(), &id, to, &note, &path, OffsetDateTime::now_utc())?;
    Ok(Some(sent))
}

/// Asks for a package file and takes it in (opened with this side's keys, or with `passphrase` for a passphrase package); all or nothing. Null when the user cancelled.
#[tauri::command(async)]
pub fn import_package(
    app: tauri::AppHandle,
    drafts: State<'_, Drafts>,
    exchange: State<'_, Exchange>,
    passphrase: Option<String>,
) -> Result<Option<PackageImport>, IpcError> {
    let Some(path) = ask_open_path(&app, "MLA Writer package", &[PACKAGE_EXTENSION, "age"]) else { return Ok(None) };
    *exchange.pending() = None;
    take_in(&drafts, &exchange, path, secret(passphrase), None).map(Some)
}

/// Takes in the package last chosen, whose signer the user has now compared by telephone: `fingerprint` is what they confirmed.
#[tauri::command(async)]
pub fn confirm_package_signer(
    drafts: State<'_, Drafts>,
    exchange: State<'_, Exchange>,
    fingerprint: String,
    passphrase: Option<String>,
) -> Result<PackageImport, IpcError> {
    let path = exchange.pending().clone().ok_or_else(|| IpcError::failed("no package waits for its signer's confirmation: import it again"))?;
    take_in(&drafts, &exchange, path, secret(passphrase), Some(&fingerprint))
}

/// Takes in the package at `path`; a signer not yet trusted keeps it pending.
fn take_in(
    drafts: &Drafts,
    exchange: &Exchange,
    path: PathBuf,
    passphrase: Option<SecretString>,
    confirmed: Option<&str>,
) -> Result<PackageImport, IpcError> {
    let key_passphrase = exchange.key_passphrase().clone();
    let taken = desk::take_in_package(
        &mut *drafts.lock()?,
        &exchange.keys,
        key_passphrase.as_ref(),
        &path,
        passphrase.as_ref(),
        confirmed,
        &exchange.annexes,
        OffsetDateTime::now_utc(),
    );
    match taken {
        Ok(taken) => {
            *exchange.pending() = None;
            Ok(PackageImport::Imported { taken })
        }
        Err(DeskError::UntrustedSigner { name, authority, fingerprint, .. }) => {
            *exchange.pending() = Some(path);
            Ok(PackageImport::UnknownSigner { name, authority, fingerprint })
        }
        Err(e) => Err(e.into()),
    }
}

/// Adds a comment of `kind` on field `field` (a dotted path; "" for the whole request) of shared draft `id`.
#[tauri::command(async)]
pub fn add_comment(drafts: State<'_, Drafts>, id: String, field: String, kind: CommentKind, text: String) -> Result<Comment, IpcError> {
    let mut store = drafts.lock()?;
    let me = identities::me(store.connection())?;
    Ok(consultation::comment(&mut store, &id, &field, kind, &text, &me, OffsetDateTime::now_utc())?)
}

/// Answers comment `comment_id` of shared draft `id`.
#[tauri::command(async)]
pub fn answer_comment(drafts: State<'_, Drafts>, id: String, comment_id: String, text: String) -> Result<Comment, IpcError> {
    let mut store = drafts.lock()?;
    let me = identities::me(store.connection())?;
    Ok(consultation::answer(&mut store, &id, &comment_id, &text, &me, OffsetDateTime::now_utc())?)
}

/// Marks comment `comment_id` of shared draft `id` resolved.
#[tauri::command(async)]
pub fn resolve_comment(drafts: State<'_, Drafts>, id: String, comment_id: String) -> Result<Comment, IpcError> {
    let mut store = drafts.lock()?;
    let me = identities::me(store.connection())?;
    Ok(consultation::resolve(&mut store, &id, &comment_id, &me, OffsetDateTime::now_utc())?)
}

/// Suggests `value` for field `field` of shared draft `id`, with a `note` saying why.
#[tauri::command(async)]
pub fn suggest_edit(
    drafts: State<'_, Drafts>,
    id: String,
    field: String,
    value: serde_json::Value,
    note: String,
) -> Result<Suggestion, IpcError> {
    let mut store = drafts.lock()?;
    let me = identities::me(store.connection())?;
    Ok(consultation::suggest(&mut store, &id, &field, value, &note, &me, OffsetDateTime::now_utc())?)
}

/// Accepts suggestion `suggestion_id` of draft `id` as `resolution` says (theirs, ours, both merged, or a value edited); the draft gets a new revision.
#[tauri::command(async)]
pub fn accept_suggestion(drafts: State<'_, Drafts>, id: String, suggestion_id: String, resolution: Resolution) -> Result<DecisionReceipt, IpcError> {
    let mut store = drafts.lock()?;
    let me = identities::me(store.connection())?;
    Ok(consultation::accept(&mut store, &id, &suggestion_id, resolution, &me, OffsetDateTime::now_utc())?)
}

/// Rejects suggestion `suggestion_id` of draft `id`; the draft stays as it is.
#[tauri::command(async)]
pub fn reject_suggestion(drafts: State<'_, Drafts>, id: String, suggestion_id: String) -> Result<DecisionReceipt, IpcError> {
    let mut store = drafts.lock()?;
    let me = identities::me(store.connection())?;
    Ok(consultation::reject(&mut store, &id, &suggestion_id, &me, OffsetDateTime::now_utc())?)
}

/// Asks where to save, then writes the reading copy of shared draft `id` as PDF: the request with its comments and suggestions listed, in `lang`. Null when the user cancelled.
#[tauri::command(async)]
pub fn export_reading_copy(app: tauri::AppHandle, drafts: State<'_, Drafts>, id: String, lang: Lang, file_name: String) -> Result<Option<String>, IpcError> {
    let Some(path) = ask_save_path(&app, "PDF document", "pdf", &file_name) else { return Ok(None) };
    let bytes = consultation::reading_copy_pdf(&mut *drafts.lock()?, &id, Some(lang), OffsetDateTime::now_utc())?;
    files::write_atomically(&path, &bytes)?;
    Ok(Some(path.display().to_string()))
}
