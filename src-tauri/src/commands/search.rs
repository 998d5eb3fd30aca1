//! Full-text search, the archive and the bin: one core call each
//! (`Store::search`, `archive_draft`, `delete_draft`…), the time of an
//! archive or a deletion taken here.

use mla_writer::i18n::Lang;
use mla_writer::store::search::DEFAULT_LIMIT;
use mla_writer::store::{SearchResult, SetAsideDraft};
use tauri::State;
use time::OffsetDateTime;

use super::Drafts;
use crate::error::IpcError;

/// The drafts not in the bin holding every word of `query` (archived ones too), best first, with where each word was found, labelled in `lang`.
#[tauri::command(async)]
pub fn search_drafts(drafts: State<'_, Drafts>, query: String, lang: Lang) -> Result<Vec<SearchResult>, IpcError> {
    Ok(drafts.lock()?.search(&query, lang, DEFAULT_LIMIT)?)
}

/// Archives draft `id`: off the list of drafts, still found by search.
#[tauri::command(async)]
pub fn archive_draft(drafts: State<'_, Drafts>, id: String) -> Result<(), IpcError> {
    Ok(drafts.lock()?.archive_draft(&id, OffsetDateTime::now_utc())?)
}

/// Brings archived draft `id` back to the list of drafts.
#[tauri::command(async)]
pub fn unarchive_draft(drafts: State<'_, Drafts>, id: String) -> Result<(), IpcError> {
    Ok(drafts.lock()?.unarchive_draft(&id)?)
}

/// Moves draft `id` to the bin: off every list and out of search, until restored or the bin is emptied.
#[tauri::command(async)]
pub fn delete_draft(drafts: State<'_, Drafts>, id: String) -> Result<(), IpcError> {
    Ok(drafts.lock()?.delete_draft(&id, OffsetDateTime::now_utc())?)
}

/// Restores draft `id` from the bin to where it was.
#[tauri::command(async)]
pub fn restore_draft(drafts: State<'_, Drafts>, id: String) -> Result<(), IpcError> {
    Ok(drafts.lock()?.restore_draft(&id)?)
}

/// The archived drafts, most recently archived first.
#[tauri::command(async)]
pub fn archived_drafts(drafts: State<'_, Drafts>) -> Result<Vec<SetAsideDraft>, IpcError> {
    Ok(drafts.lock()?.archived_drafts()?)
}

/// The drafts in the bin, most recently deleted first.
#[tauri::command(async)]
pub fn bin_drafts(drafts: State<'_, Drafts>) -> Result<Vec<SetAsideDraft>, IpcError> {
    Ok(drafts.lock()?.bin()?)
}

/// Removes every draft in the bin for good; resolves how many.
#[tauri::command(async)]
pub fn empty_bin(drafts: State<'_, Drafts>) -> Result<u32, IpcError> {
    let removed = drafts.lock()?.empty_bin()?;
    Ok(u32::try_from(removed).unwrap_or(u32::MAX))
}
