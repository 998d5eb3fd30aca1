//! IPC commands, listed in `command_list.rs`: each translates its arguments
//! to one core call and the result back. No business logic lives here.
//! Drafts and exports are here; a draft's revision history is in
//! `history.rs`, the exchange with counterparts in `exchange.rs`, the case
//! register in `register.rs`, encryption at rest in `security.rs`, backups
//! in `backup.rs`, the directory of competent authorities in `directory.rs`, the own-State
//! profile in `own_state.rs`, "Open" and "Show in folder" after an export in
//! `opener.rs`.
//!
//! Every command that touches the disk or does real work is `async`: it runs
//! on the async runtime's threads, never on the main thread that draws the
//! window, so a save (an fsync), the checks, a preview or an export never
//! freeze it.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::ops::{Deref, DerefMut};
use std::sync::{Mutex, MutexGuard};

use mla_writer::checks::{self, Finding};
use mla_writer::directory::demo::Mode;
use mla_writer::output::pages::Pages;
use mla_writer::export::{self, Export, Options};
use mla_writer::files;
use mla_writer::i18n::{self, Lang};
use mla_writer::interview::{self, WizardDefinition};
use mla_writer::request::{Request, RequestKind};
use mla_writer::store::integrity::{IntegrityReport, ReadableExport};
use mla_writer::store::{Draft, DraftSummary, SaveReceipt, Store};
use mla_writer::translation;
use mla_writer::BuildInfo;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::dialogs::{ask_folder, ask_open_path, ask_save_path};
use crate::error::IpcError;

mod annexes;
mod backup;
mod directory;
mod exchange;
mod history;
mod opener;
mod own_state;
mod register;
mod search;
pub mod security;
pub use annexes::*;
pub use backup::*;
pub use directory::*;
pub use exchange::*;
pub use history::*;
pub use opener::*;
pub use own_state::*;
pub use register::*;
pub use search::*;
pub use security::*;

/// The draft store, shared by all commands: `None` while an encrypted
/// database waits for its passphrase (see `security.rs`).
pub struct Drafts(pub Mutex<Option<Store>>);

impl Drafts {
    /// The open store; refused with code `database_locked` while the
    /// database is encrypted and not unlocked.
    fn lock(&self) -> Result<OpenStore<'_>, IpcError> {
        let slot = self.slot();
        if slot.is_none() {
            return Err(IpcError::database_locked());
        }
        Ok(OpenStore(slot))
    }

    /// The store, open or not.
    fn slot(&self) -> MutexGuard<'_, Option<Store>> {
        // A panic while holding the lock cannot leave SQLite half-written
        // (every write is a transaction), so a poisoned lock is safe to reuse.
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The store while a command holds it; only made when it is open.
pub struct OpenStore<'a>(MutexGuard<'a, Option<Store>>);

impl Deref for OpenStore<'_> {
    type Target = Store;

    fn deref(&self) -> &Store {
        self.0.as_ref().expect("an OpenStore holds an open store")
    }
}

impl DerefMut for OpenStore<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        self.0.as_mut().expect("an OpenStore holds an open store")
    }
}

/// Where an export went, and whether it is a draft.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct Exported {
    /// The file written.
    pub path: String,
    /// The request still has errors, so the document is marked DRAFT.
    pub draft: bool,
}

/// The wizard definition (steps, fields, conditions), worded in `lang`.
#[tauri::command]
pub fn wizard_definition(lang: Lang) -> WizardDefinition {
    interview::definition(lang)
}

/// The interface's own wording (`ui.*` keys) in `lang`, English where it lacks a key.
#[tauri::command]
pub fn ui_strings(lang: Lang) -> BTreeMap<String, String> {
    i18n::catalogue(lang).ui_strings()
}

/// The version of this build and the commit it was built from.
#[tauri::command]
pub fn build_info() -> BuildInfo {
    mla_writer::build_info()
}

/// The stored drafts, most recently saved first.
#[tauri::command(async)]
pub fn list_drafts(drafts: State<'_, Drafts>) -> Result<Vec<DraftSummary>, IpcError> {
    Ok(drafts.lock()?.list_drafts()?)
}

/// Creates, and saves, a new draft of the kind the user chose: prefilled
/// from the own-State profile when one is set, else with every answer empty.
#[tauri::command(async)]
pub fn new_draft(drafts: State<'_, Drafts>, kind: RequestKind) -> Result<Draft, IpcError> {
    let mut store = drafts.lock()?;
    let request = store.new_request(kind)?;
    let summary = store.create_draft(&request)?;
    Ok(Draft { summary, request })
}

/// The latest state of draft `id`.
#[tauri::command(async)]
pub fn open_draft(drafts: State<'_, Drafts>, id: String) -> Result<Draft, IpcError> {
    Ok(drafts.lock()?.load_draft(&id)?)
}

/// Saves a new state of draft `id`; resolves once it is committed.
#[tauri::command(async)]
pub fn save_draft(drafts: State<'_, Drafts>, id: String, request: Request) -> Result<SaveReceipt, IpcError> {
    Ok(drafts.lock()?.save_draft(&id, &request)?)
}

/// SQLite's full check of the database file, which the UI runs in the
/// background after start-up: on a connection of its own, so the store
/// stays usable while it runs.
#[tauri::command(async)]
pub fn check_database(drafts: State<'_, Drafts>) -> Result<IntegrityReport, IpcError> {
    let check = drafts.lock()?.full_check();
    Ok(check.run()?)
}

/// Asks for a folder, then writes every draft that can still be read into
/// it, one request file each (the way out of a damaged database); null
/// when the user cancelled.
#[tauri::command(async)]
pub fn export_readable_drafts(app: tauri::AppHandle, drafts: State<'_, Drafts>) -> Result<Option<ReadableExport>, IpcError> {
    let Some(dir) = ask_folder(&app) else { return Ok(None) };
    Ok(Some(drafts.lock()?.export_readable(&dir)?))
}

/// Creates, and saves, the MLA request that follows the preservation request of draft `id` as stored.
#[tauri::command(async)]
pub fn create_follow_up(drafts: State<'_, Drafts>, id: String) -> Result<Draft, IpcError> {
    Ok(drafts.lock()?.create_follow_up(&id)?)
}

/// Runs the checks as of today, in the app's mode (demo or not); the findings' messages are worded in `lang`.
#[tauri::command(async)]
pub fn check_request(drafts: State<'_, Drafts>, request: Request, lang: Lang) -> Result<Vec<Finding>, IpcError> {
    let mode = drafts.lock()?.mode()?;
    Ok(checks::run_in(&request, checks::today(), mode, lang))
}

/// The options of an export of `request` in the app's mode (demo or not).
fn export_options(drafts: &Drafts, request: &Request) -> Result<Options, IpcError> {
    Ok(Options { mode: drafts.lock()?.mode()?, ..Options::for_request(request) })
}

/// The pages of the PDF the request makes today, in its language of transmission: what the preview shows, line for line.
#[tauri::command(async)]
pub fn preview_request(drafts: State<'_, Drafts>, request: Request) -> Result<Pages, IpcError> {
    Ok(export::pages(&request, &export_options(&drafts, &request)?, checks::today())?)
}

/// Whether the app runs in demo mode.
#[tauri::command(async)]
pub fn demo_mode(drafts: State<'_, Drafts>) -> Result<Mode, IpcError> {
    Ok(drafts.lock()?.mode()?)
}

/// Turns demo mode on (loading the demo directory's fictitious States) or off; resolves the mode now set.
#[tauri::command(async)]
pub fn set_demo_mode(drafts: State<'_, Drafts>, mode: Mode) -> Result<Mode, IpcError> {
    Ok(drafts.lock()?.set_mode(mode, checks::today())?)
}

/// Writes an export to `path`.
fn write_export(exported: &ExportedFiles, path: PathBuf, export: Export) -> Result<Option<Exported>, IpcError> {
    files::write_atomically(&path, &export.bytes)?;
    exported.record(&path);
    Ok(Some(Exported { path: path.display().to_string(), draft: export.draft }))
}

/// Asks where to save, then writes the PDF (a draft while the request has errors, and outside demo mode while it is addressed to a fictitious State), with `append_annexes` followed by its PDF and image annex files, each after a separator page; null when the user cancelled.
#[tauri::command(async)]
pub fn export_pdf(
    app: tauri::AppHandle,
    drafts: State<'_, Drafts>,
    exported: State<'_, ExportedFiles>,
    request: Request,
    file_name: String,
    append_annexes: bool,
) -> Result<Option<Exported>, IpcError> {
    let Some(path) = ask_save_path(&app, "PDF document", "pdf", &file_name) else { return Ok(None) };
    let options = export_options(&drafts, &request)?;
    let export = if append_annexes {
        drafts.lock()?.export_pdf_with_annexes(&request, &options, checks::today())?
    } else {
        export::export_pdf(&request, &options, checks::today())?
    };
    write_export(&exported, path, export)
}

/// As `export_pdf`, as an editable Word document (DOCX).
#[tauri::command(async)]
pub fn export_docx(
    app: tauri::AppHandle,
    drafts: State<'_, Drafts>,
    exported: State<'_, ExportedFiles>,
    request: Request,
    file_name: String,
) -> Result<Option<Exported>, IpcError> {
    let Some(path) = ask_save_path(&app, "Word document", "docx", &file_name) else { return Ok(None) };
    write_export(&exported, path, export::export_docx(&request, &export_options(&drafts, &request)?, checks::today())?)
}

/// Refuses a request that cannot be translated into `target` (code `translation`), else asks where to save and writes its free text as XLIFF 2.0; resolves the path written, null when the user cancelled.
#[tauri::command(async)]
pub fn export_xliff(app: tauri::AppHandle, request: Request, target: Lang, file_name: String) -> Result<Option<String>, IpcError> {
    translation::check_exportable(&request, target)?;
    let Some(path) = ask_save_path(&app, "XLIFF translation", "xlf", &file_name) else { return Ok(None) };
    files::write_atomically(&path, translation::export(&request, target).as_bytes())?;
    Ok(Some(path.display().to_string()))
}

/// Asks for a translated XLIFF file and imports it into draft `id` as stored, saved as a new draft; all or nothing. Null when the user cancelled.
#[tauri::command(async)]
pub fn import_xliff(app: tauri::AppHandle, drafts: State<'_, Drafts>, id: String) -> Result<Option<Draft>, IpcError> {
    let Some(path) = ask_open_path(&app, "XLIFF translation", &["xlf", "xliff"]) else { return Ok(None) };
    Ok(Some(drafts.lock()?.import_translation(&id, &path)?))
}
