//! The case register: a page of the register, the dashboard and the links
//! of a draft. Each command is one call of the store. (A change of status
//! is an answer of the open draft, saved by its autosave.)

use mla_writer::checks;
use mla_writer::store::{Dashboard, DraftLink, RegisterPage, RegisterQuery};
use tauri::State;

use super::Drafts;
use crate::error::IpcError;

/// One page of the register: the requests `query` selects, in its order.
#[tauri::command(async)]
pub fn register_page(drafts: State<'_, Drafts>, query: RegisterQuery) -> Result<RegisterPage, IpcError> {
    Ok(drafts.lock()?.register_page(&query)?)
}

/// What falls due as of today (overdue, within 7 and 30 days) and what waits on the counterpart.
#[tauri::command(async)]
pub fn dashboard(drafts: State<'_, Drafts>) -> Result<Dashboard, IpcError> {
    Ok(drafts.lock()?.dashboard(checks::today())?)
}

/// The requests linked to draft `id`, either way.
#[tauri::command(async)]
pub fn draft_links(drafts: State<'_, Drafts>, id: String) -> Result<Vec<DraftLink>, IpcError> {
    Ok(drafts.lock()?.links(&id)?)
}
