//! IPC commands: each translates arguments to one core call and the result
//! back. No business logic lives here.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use mla_writer::checks::{self, Finding};
use mla_writer::document::Document;
use mla_writer::i18n::{self, Lang};
use mla_writer::request::Request;
use mla_writer::store::{Draft, DraftSummary, SaveReceipt, Store};
use mla_writer::interview::{self, WizardDefinition};
use mla_writer::translation;
use tauri::State;
use tauri_plugin_dialog::DialogExt;

use crate::error::IpcError;

/// Environment variable that answers the save dialog with a path, so
/// end-to-end tests can export without a native dialog.
pub const SAVE_DIALOG_ANSWER_ENV: &str = "MLA_SAVE_DIALOG_ANSWER";

/// Environment variable that answers the open dialog with a path, so
/// end-to-end tests can import a file without a native dialog.
pub const OPEN_DIALOG_ANSWER_ENV: &str = "MLA_OPEN_DIALOG_ANSWER";

/// The largest translation file `import_xliff` reads: far above any request's
/// text, far below what could exhaust memory.
pub const MAX_XLIFF_BYTES: u64 = 5 * 1024 * 1024;

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
    interview::definition(lang)
}

#[tauri::command]
pub fn ui_strings(lang: Lang) -> BTreeMap<String, String> {
    i18n::catalogue(lang).ui_strings()
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
    let lang = mla_writer::export::document_lang(&request);
    Ok(mla_writer::export::document(&request, lang)?)
}

/// Where an export went, and whether it is a draft.
#[derive(serde::Serialize)]
pub struct Exported {
    /// The file written.
    pub path: String,
    /// The request still has errors, so the document is marked DRAFT.
    pub draft: bool,
}

/// Where to save a file: the native save dialog, filtered to `extension`,
/// or the path in `MLA_SAVE_DIALOG_ANSWER`. `None` when the user cancelled.
fn ask_save_path(app: &tauri::AppHandle, filter: &str, extension: &str, file_name: &str) -> Option<PathBuf> {
    match std::env::var_os(SAVE_DIALOG_ANSWER_ENV) {
        Some(answer) => Some(PathBuf::from(answer)),
        None => app
            .dialog()
            .file()
            .add_filter(filter, &[extension])
            .set_file_name(file_name)
            .blocking_save_file()
            .and_then(|p| p.into_path().ok()),
    }
}

/// Which file to open: the native open dialog, filtered to XLIFF, or the
/// path in `MLA_OPEN_DIALOG_ANSWER`. `None` when the user cancelled.
fn ask_open_path(app: &tauri::AppHandle) -> Option<PathBuf> {
    match std::env::var_os(OPEN_DIALOG_ANSWER_ENV) {
        Some(answer) => Some(PathBuf::from(answer)),
        None => app
            .dialog()
            .file()
            .add_filter("XLIFF translation", &["xlf", "xliff"])
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok()),
    }
}

/// Writes an export to `path`.
fn write_export(path: PathBuf, export: mla_writer::export::Export) -> Result<Option<Exported>, IpcError> {
    std::fs::write(&path, &export.bytes).map_err(|e| IpcError::io(&path, e))?;
    Ok(Some(Exported { path: path.display().to_string(), draft: export.draft }))
}

/// Asks where to save (native dialog), then writes the PDF. Returns `None`
/// when the user cancelled.
#[tauri::command]
pub async fn export_pdf(app: tauri::AppHandle, request: Request, file_name: String) -> Result<Option<Exported>, IpcError> {
    let Some(path) = ask_save_path(&app, "PDF document", "pdf", &file_name) else { return Ok(None) };
    let options = mla_writer::export::Options::for_request(&request);
    write_export(path, mla_writer::export::export_pdf(&request, &options, checks::today())?)
}

/// Asks where to save, then writes the request as a Word document, under the
/// PDF's draft rule. `None` when the user cancelled.
#[tauri::command]
pub async fn export_docx(app: tauri::AppHandle, request: Request, file_name: String) -> Result<Option<Exported>, IpcError> {
    let Some(path) = ask_save_path(&app, "Word document", "docx", &file_name) else { return Ok(None) };
    let options = mla_writer::export::Options::for_request(&request);
    write_export(path, mla_writer::export::export_docx(&request, &options, checks::today())?)
}

/// Checks that the request can go to a translator into `target`, then asks
/// where to save and writes its free text as XLIFF 2.0. Returns the path
/// written, `None` when the user cancelled.
#[tauri::command]
pub async fn export_xliff(app: tauri::AppHandle, request: Request, target: Lang, file_name: String) -> Result<Option<String>, IpcError> {
    translation::check_exportable(&request, target)?;
    let Some(path) = ask_save_path(&app, "XLIFF translation", "xlf", &file_name) else { return Ok(None) };
    std::fs::write(&path, translation::export(&request, target)).map_err(|e| IpcError::io(&path, e))?;
    Ok(Some(path.display().to_string()))
}

/// Asks for a translated XLIFF file and imports it into the stored draft
/// `id`. All or nothing: the translated request is saved as a new draft, and
/// the draft it was made from stays as it is. `None` when the user cancelled.
#[tauri::command]
pub async fn import_xliff(app: tauri::AppHandle, drafts: State<'_, Drafts>, id: String) -> Result<Option<Draft>, IpcError> {
    let stored = drafts.lock().load_draft(&id)?;
    let Some(path) = ask_open_path(&app) else { return Ok(None) };
    let text = read_limited(&path, MAX_XLIFF_BYTES)?;
    let request = translation::import(&stored.request, &text).map_err(|e| IpcError::xliff_file(&path, e))?;
    let summary = drafts.lock().create_draft(&request)?;
    Ok(Some(Draft { summary, request }))
}

/// Reads a UTF-8 text file of at most `limit` bytes.
fn read_limited(path: &Path, limit: u64) -> Result<String, IpcError> {
    let file = std::fs::File::open(path).map_err(|e| IpcError::io(path, e))?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| IpcError::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(IpcError::too_large(path, limit));
    }
    String::from_utf8(bytes).map_err(|_| IpcError::not_utf8(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_up_to_the_limit_and_refused_beyond_it() {
        let dir = std::env::temp_dir().join(format!("mla-read-limited-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.xlf");
        std::fs::write(&path, "<xliff/>").unwrap();
        assert_eq!(read_limited(&path, 8).unwrap(), "<xliff/>");
        let e = read_limited(&path, 7).unwrap_err();
        assert_eq!(e.code, "io");
        assert!(e.message.contains("larger than"), "{}", e.message);
        std::fs::write(&path, [0x3c, 0xff, 0xfe]).unwrap();
        assert!(read_limited(&path, 8).unwrap_err().message.contains("not UTF-8"));
        let e = read_limited(&dir.join("missing.xlf"), 8).unwrap_err();
        assert!(e.message.contains("missing.xlf"), "{}", e.message);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
