//! A draft's revision history: the revisions, one revision read-only, the
//! changes between two, restoring one, and exporting one as a document.
//! Each command is one call of `mla_writer::store`.

use mla_writer::export::{self, Options};
use mla_writer::i18n::Lang;
use mla_writer::interview::FieldChange;
use mla_writer::request::Request;
use mla_writer::store::{RevisionEntry, SaveReceipt};
use mla_writer::checks;
use tauri::State;

use super::{write_export, Drafts, Exported, ExportedFiles};
use crate::dialogs::ask_save_path;
use crate::error::IpcError;

/// The revisions of draft `id`, oldest first: when each was saved, the answers it changed, the revision it restored.
#[tauri::command(async)]
pub fn draft_history(drafts: State<'_, Drafts>, id: String) -> Result<Vec<RevisionEntry>, IpcError> {
    Ok(drafts.lock()?.history(&id)?)
}

/// The request as it was at revision `number` of draft `id` (to read, not to edit).
#[tauri::command(async)]
pub fn open_revision(drafts: State<'_, Drafts>, id: String, number: u32) -> Result<Request, IpcError> {
    Ok(drafts.lock()?.load_revision(&id, number.into())?)
}

/// The changes from revision `from` to revision `to` of draft `id`, field by field, labelled in `lang`.
#[tauri::command(async)]
pub fn compare_revisions(drafts: State<'_, Drafts>, id: String, from: u32, to: u32, lang: Lang) -> Result<Vec<FieldChange>, IpcError> {
    Ok(drafts.lock()?.compare(&id, from.into(), to.into(), lang)?)
}

/// Makes revision `number` the current state of draft `id` by adding a revision; nothing is overwritten.
#[tauri::command(async)]
pub fn restore_revision(drafts: State<'_, Drafts>, id: String, number: u32) -> Result<SaveReceipt, IpcError> {
    Ok(drafts.lock()?.restore_revision(&id, number.into())?)
}

/// Asks where to save, then writes revision `number` of draft `id` as a PDF, or a DOCX when `docx`, its running header naming the revision; null when the user cancelled.
#[tauri::command(async)]
pub fn export_revision(
    app: tauri::AppHandle,
    drafts: State<'_, Drafts>,
    exported: State<'_, ExportedFiles>,
    id: String,
    number: u32,
    docx: bool,
    file_name: String,
) -> Result<Option<Exported>, IpcError> {
    let (request, mark, mode) = {
        let store = drafts.lock()?;
        let (request, mark) = store.revision_for_export(&id, number.into())?;
        (request, mark, store.mode()?)
    };
    let (kind, extension) = if docx { ("Word document", "docx") } else { ("PDF document", "pdf") };
    let Some(path) = ask_save_path(&app, kind, extension, &file_name) else { return Ok(None) };
    let options = Options { revision: Some(mark), mode, ..Options::for_request(&request) };
    let export = if docx {
        export::export_docx(&request, &options, checks::today())?
    } else {
        export::export_pdf(&request, &options, checks::today())?
    };
    write_export(&exported, path, export)
}
