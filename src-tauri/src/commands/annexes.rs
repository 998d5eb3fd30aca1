//! Annex files: keeping a file chosen in the open dialog with an annex of a
//! draft (one call of `mla_writer::store::annexes`). Removing a file is an
//! edit of the request like any other, saved by `save_draft`. And the
//! labels of a request's annexes, as its document prints them.

use mla_writer::request::Request;
use mla_writer::store::annexes::{AnnexSlot, AttachedAnnex};
use tauri::State;

use super::Drafts;
use crate::dialogs::ask_open_path;
use crate::error::IpcError;

/// Asks for a file and keeps it with annex `annex` (from 1) of draft `id`, whose current state is `request`; the draft is saved with the file's reference. Null when the user cancelled.
#[tauri::command(async)]
pub fn attach_annex_file(
    app: tauri::AppHandle,
    drafts: State<'_, Drafts>,
    id: String,
    request: Request,
    annex: usize,
) -> Result<Option<AttachedAnnex>, IpcError> {
    let Some(path) = ask_open_path(&app, "Annex file", &["pdf", "png", "jpg", "jpeg"]) else { return Ok(None) };
    Ok(Some(drafts.lock()?.attach_annex_file(&id, &request, AnnexSlot::Existing(annex), &path)?))
}

/// The label of each annex of `request`, in order, as its document prints it: `1`, `2` … or `A`, `B` … after its choice of labels.
#[tauri::command(async)]
pub fn annex_labels(request: Request) -> Vec<String> {
    request.annex_label_list()
}
