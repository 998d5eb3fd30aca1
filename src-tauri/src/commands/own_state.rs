//! The own-State profile, entered once in the settings: read and set, one
//! store call each. Every new request is prefilled from it (`new_draft`).

use mla_writer::request::own_state::OwnStateProfile;
use tauri::State;

use super::Drafts;
use crate::error::IpcError;

/// The own-State profile, or null when none was set.
#[tauri::command(async)]
pub fn own_state_profile(drafts: State<'_, Drafts>) -> Result<Option<OwnStateProfile>, IpcError> {
    Ok(drafts.lock()?.own_state_profile()?)
}

/// Stores `profile` in place of the one before; a profile with problems is refused, every problem named, and nothing changes.
#[tauri::command(async)]
pub fn set_own_state_profile(drafts: State<'_, Drafts>, profile: OwnStateProfile) -> Result<(), IpcError> {
    Ok(drafts.lock()?.set_own_state_profile(&profile)?)
}
