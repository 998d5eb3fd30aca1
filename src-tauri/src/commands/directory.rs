//! The directory of competent authorities: its States, found by a word, an
//! entry with its history, edited (its own record, rules and authorities)
//! or an authority deleted, a State added, an entry's problems named at
//! their fields before it is saved; the authorities
//! of one for a kind of request, a request addressed from an entry (and
//! its answers from the entry kept up to date with its basis and kind), what
//! the entry a request carries says beside each wizard step, and an
//! import previewed field by field before it is applied. One core call
//! each; the preview waits here, in [`PendingImport`], until the user
//! applies or drops it.

use std::sync::Mutex;

use mla_writer::directory::{self, DirectoryChanges, DirectoryProblem, SourceType, StateEntry};
use mla_writer::directory::language_names::LanguageChoice;
use mla_writer::i18n::Lang;
use mla_writer::interview::{self, RequirementNotes};
use mla_writer::checks::addressee::{self as wording, Addressed};
use mla_writer::request::addressee::{self, AuthorityChoice};
use mla_writer::request::{Request, RequestKind};
use mla_writer::store::{DirectoryHistoryEntry, DirectoryReceipt, DirectorySource, DirectorySummary, StateChoice};
use tauri::State;
use time::OffsetDateTime;

use super::Drafts;
use crate::dialogs::ask_open_path;
use crate::error::IpcError;

/// The import last previewed, until it is applied or another one is previewed.
#[derive(Default)]
pub struct PendingImport(Mutex<Option<DirectoryChanges>>);

/// The States of the directory, by code.
#[tauri::command(async)]
pub fn directory_states(drafts: State<'_, Drafts>) -> Result<Vec<DirectorySummary>, IpcError> {
    Ok(drafts.lock()?.directory_list()?)
}

/// Every State a request can be addressed to, named in `lang`.
#[tauri::command(async)]
pub fn state_choices(drafts: State<'_, Drafts>, lang: Lang) -> Result<Vec<StateChoice>, IpcError> {
    Ok(drafts.lock()?.state_choices(lang)?)
}

/// Every language a language answer can be picked from, named in `lang`.
#[tauri::command(async)]
pub fn language_choices(lang: Lang) -> Vec<LanguageChoice> {
    directory::language_names::choices(lang.code())
}

/// The States whose code, name or an authority's name holds `text` (any case).
#[tauri::command(async)]
pub fn search_directory(drafts: State<'_, Drafts>, text: String) -> Result<Vec<DirectorySummary>, IpcError> {
    Ok(drafts.lock()?.directory_search(&text)?)
}

/// The entry of State `state_id`, as stored.
#[tauri::command(async)]
pub fn directory_entry(drafts: State<'_, Drafts>, state_id: String) -> Result<StateEntry, IpcError> {
    Ok(drafts.lock()?.directory_entry(&state_id)?)
}

/// The history of State `state_id`'s entry, oldest first, field by field.
#[tauri::command(async)]
pub fn directory_history(drafts: State<'_, Drafts>, state_id: String) -> Result<Vec<DirectoryHistoryEntry>, IpcError> {
    Ok(drafts.lock()?.directory_history(&state_id)?)
}

/// Saves a State's entry as the user edited it, checked as an imported one is (every problem named, nothing written then); the change is recorded in the history.
#[tauri::command(async)]
pub fn save_directory_entry(drafts: State<'_, Drafts>, entry: StateEntry) -> Result<DirectoryReceipt, IpcError> {
    Ok(drafts.lock()?.save_directory_entry(entry, &recorded_in_the_app(), OffsetDateTime::now_utc().date())?)
}

/// Adds a State the directory does not hold yet (its code and name, and whatever else the user gave), checked as a saved entry is; refused when the code is taken. Recorded in the history.
#[tauri::command(async)]
pub fn add_directory_state(drafts: State<'_, Drafts>, entry: StateEntry) -> Result<DirectoryReceipt, IpcError> {
    Ok(drafts.lock()?.add_directory_state(entry, &recorded_in_the_app(), OffsetDateTime::now_utc().date())?)
}

/// Every problem saving `entry` would find, each at its path in the entry, for the app to show at its field; with `adding`, also a code already taken. Nothing is written.
#[tauri::command(async)]
pub fn directory_entry_problems(drafts: State<'_, Drafts>, entry: StateEntry, adding: bool) -> Result<Vec<DirectoryProblem>, IpcError> {
    Ok(drafts.lock()?.directory_entry_problems(&entry, adding)?)
}

/// Deletes one authority of a State and erases the values its history holds (a named contact is personal data); the deletion is recorded.
#[tauri::command(async)]
pub fn delete_directory_authority(drafts: State<'_, Drafts>, state_id: String, authority_id: String) -> Result<(), IpcError> {
    Ok(drafts.lock()?.delete_directory_authority(&state_id, &authority_id, "", OffsetDateTime::now_utc().date())?)
}

/// The source of what the user records through the app (an edit, or a file imported): none named; the history dates it.
fn recorded_in_the_app() -> DirectorySource {
    DirectorySource { source_type: SourceType::Other, source_title: String::new(), source_date: None, as_of: None, entered_by: String::new() }
}

/// The authorities of State `state_id` for a request of `kind`, the usual receivers first.
#[tauri::command(async)]
pub fn state_authorities(drafts: State<'_, Drafts>, state_id: String, kind: RequestKind) -> Result<Vec<AuthorityChoice>, IpcError> {
    let entry = drafts.lock()?.directory_entry(&state_id)?;
    Ok(addressee::authority_choices(&entry, kind))
}

/// `request` addressed to State `state_id` and, when given, its authority `authority_id`, with what was filled and why, worded in `lang`. Nothing is saved: the wizard takes the request as an edit.
#[tauri::command(async)]
pub fn address_request(
    drafts: State<'_, Drafts>,
    request: Request,
    state_id: String,
    authority_id: Option<String>,
    lang: Lang,
) -> Result<Addressed, IpcError> {
    let entry = drafts.lock()?.directory_entry(&state_id)?;
    wording::address(&request, &entry, authority_id.as_deref(), mla_writer::checks::today(), lang).map_err(IpcError::failed)
}

/// `request` after a change from `before` (of its basis, its kind or its State), with the answers the directory filled (whether the basis is in force, the languages accepted) brought up to date on today's date, each one the drafter did not change.
#[tauri::command(async)]
pub fn refresh_directory_answers(before: Request, request: Request) -> Request {
    addressee::refresh_directory_answers(&before, &request, mla_writer::checks::today())
}

/// What the copy of its State's directory entry `request` carries says beside each step of the wizard (requirements, language and channel notes), worded in `lang`, with its source and date. Null when the request carries no entry for its State.
#[tauri::command(async)]
pub fn requirement_notes(request: Request, lang: Lang) -> Option<RequirementNotes> {
    interview::requirement_notes(&request, lang)
}

/// Asks for a directory file (JSON, or one CSV table) and says what importing it would change, field by field; nothing is written. Null when the user cancelled. A file with bad records is refused with every problem and where it is.
#[tauri::command(async)]
pub fn preview_directory_import(
    app: tauri::AppHandle,
    drafts: State<'_, Drafts>,
    pending: State<'_, PendingImport>,
) -> Result<Option<DirectoryChanges>, IpcError> {
    let Some(path) = ask_open_path(&app, "Directory file", &["json", "csv"]) else { return Ok(None) };
    let incoming = directory::read::read_path(&path).map_err(IpcError::failed)?;
    let changes = drafts.lock()?.preview_directory_import(&incoming)?;
    *pending.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(changes.clone());
    Ok(Some(changes))
}

/// Applies the import last previewed, in one transaction; refused when none waits or when the directory changed since the preview.
#[tauri::command(async)]
pub fn apply_directory_import(drafts: State<'_, Drafts>, pending: State<'_, PendingImport>) -> Result<DirectoryReceipt, IpcError> {
    let changes = pending.0.lock().unwrap_or_else(|p| p.into_inner()).take();
    let changes = changes.ok_or_else(|| IpcError::failed("no directory import is waiting: choose the file again"))?;
    Ok(drafts.lock()?.apply_directory_import(&changes, &recorded_in_the_app(), OffsetDateTime::now_utc().date())?)
}
