//! IPC commands: each translates arguments to one core call and the result
//! back. No business logic lives here.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Mutex;

use mla_writer::checks::{self, Finding};
use mla_writer::document::Document;
use mla_writer::locale::{self, Lang};
use mla_writer::model::Request;
use mla_writer::store::{Draft, DraftSummary, SaveReceipt, Store};
use mla_writer::wizard::{self, WizardDefinition};
use tauri::State;
use tauri_plugin_dialog::DialogExt;

use crate::error::IpcError;

/// Environment variable that answers the save dialog with a path, so
/// end-to-end tests can export without a native dialog.
pub const SAVE_DIALOG_ANSWER_ENV: &str = "MLA_SAVE_DIALOG_ANSWER";

/// The draft store, shared by all commands.
pub struct Drafts(pub Mutex<Store>);

impl Drafts {
    fn lock(&self) -> std::sync::MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave SQLite half-written
        // (every write is a transaction), so a poisoned lock is safe to reuse.
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[tauri::command]
pub fn wizard_definition(lang: Lang) -> WizardDefinition {
    wizard::definition(lang)
}

#[tauri::command]
pub fn ui_strings(lang: Lang) -> BTreeMap<String, String> {
    locale::catalogue(lang).ui_strings()
}

#[tauri::command]
pub fn list_drafts(drafts: State<'_, Drafts>) -> Result<Vec<DraftSummary>, IpcError> {
    Ok(drafts.lock().list_drafts()?)
}

#[tauri::command]
pub fn new_draft(drafts: State<'_, Drafts>) -> Result<Draft, IpcError> {
    let request = Request::default();
    let summary = drafts.lock().create_draft(&request)?;
    Ok(Draft { summary, request })
}

#[tauri::command]
pub fn open_draft(drafts: State<'_, Drafts>, id: String) -> Result<Draft, IpcError> {
    Ok(drafts.lock().load_draft(&id)?)
}

#[tauri::command]
pub fn create_follow_up(drafts: State<'_, Drafts>, id: String) -> Result<Draft, IpcError> {
    Ok(drafts.lock().create_follow_up(&id)?)
}

#[tauri::command]
pub fn save_draft(drafts: State<'_, Drafts>, id: String, request: Request) -> Result<SaveReceipt, IpcError> {
    Ok(drafts.lock().save_draft(&id, &request)?)
}

#[tauri::command]
pub fn check_request(request: Request, lang: Lang) -> Vec<Finding> {
    checks::run(&request, checks::today(), lang)
}

#[tauri::command]
pub fn preview_request(request: Request) -> Result<Document, IpcError> {
    let lang = mla_writer::render::document_lang(&request);
    Ok(mla_writer::render::document(&request, lang)?)
}

/// Where an export went, and whether it is a draft.
#[derive(serde::Serialize)]
pub struct Exported {
    /// The file written.
    pub path: String,
    /// The request still has errors, so the PDF is marked DRAFT.
    pub draft: bool,
}

/// Asks where to save (native dialog), then writes the PDF. Returns `None`
/// when the user cancelled.
#[tauri::command]
pub async fn export_pdf(app: tauri::AppHandle, request: Request, file_name: String) -> Result<Option<Exported>, IpcError> {
    let target: Option<PathBuf> = match std::env::var_os(SAVE_DIALOG_ANSWER_ENV) {
        Some(answer) => Some(PathBuf::from(answer)),
        None => app
            .dialog()
            .file()
            .add_filter("PDF document", &["pdf"])
            .set_file_name(&file_name)
            .blocking_save_file()
            .and_then(|p| p.into_path().ok()),
    };
    let Some(path) = target else { return Ok(None) };
    let options = mla_writer::render::Options::for_request(&request);
    let export = mla_writer::render::export_pdf(&request, &options, checks::today())?;
    std::fs::write(&path, &export.bytes).map_err(|e| IpcError::io(&path, e))?;
    Ok(Some(Exported { path: path.display().to_string(), draft: export.draft }))
}
