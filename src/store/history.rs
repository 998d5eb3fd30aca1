//! A draft's revision history: each revision with when it was saved, the
//! paths of the answers it changed against the one before (stored with the
//! revision when it is saved, so a history lists without reading a
//! document), and the revision it was restored from; two revisions compared
//! field by field ([`crate::interview::changes`]); a revision restored as a
//! new one.
//!
//! Every save that changes the draft is a revision; the store does not merge
//! saves made close together (the app already saves after a quiet period,
//! see the interface's autosave), so no state that was saved is ever lost.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use serde::Serialize;
use ts_rs::TS;

use super::transaction::{load_revision, save_revision};
use super::{sqlite_error, SaveReceipt, StoreError};
use crate::export::RevisionMark;
use crate::i18n::Lang;
use crate::interview::{self, FieldChange};
use crate::request::Request;

/// One revision in a draft's history.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RevisionEntry {
    /// Revision number, from 1.
    // JSON carries it as a number, and revisions stay far below 2^53.
    #[ts(type = "number")]
    pub number: i64,
    /// When it was saved, RFC 3339 UTC.
    pub saved_at: String,
    /// Dotted paths of the answers it changed against the revision before
    /// (`facts.summary`, `persons.2`); empty for the first revision.
    pub changes: Vec<String>,
    /// The revision whose state it restored, if it was a restore.
    #[ts(type = "number | null")]
    pub restored_from: Option<i64>,
}

/// The paths of the answers that changed from `before` (none for a first
/// revision) to `after`.
fn changed(before: Option<&Request>, after: &Request) -> Vec<String> {
    before.map_or_else(Vec::new, |before| interview::changed_paths(before, after))
}

/// [`changed`] as stored in `revisions.changes`: a JSON array.
pub(super) fn changes_column(before: Option<&Request>, after: &Request) -> String {
    serde_json::to_string(&changed(before, after)).expect("a list of strings serialises")
}

/// The revisions of draft `id`, oldest first. A revision saved before the
/// store kept its changes has them computed here from the documents.
pub(super) fn history(conn: &Connection, path: &Path, id: &str) -> Result<Vec<RevisionEntry>, StoreError> {
    let sql = |source| sqlite_error(path, source);
    let exists: Option<i64> = conn.query_row("SELECT 1 FROM drafts WHERE id = ?1", [id], |row| row.get(0)).optional().map_err(sql)?;
    if exists.is_none() {
        return Err(StoreError::NotFound(id.to_string()));
    }
    let mut stmt = conn
        .prepare("SELECT number, saved_at, changes, restored_from FROM revisions WHERE draft_id = ?1 ORDER BY number")
        .map_err(sql)?;
    let rows: Vec<(i64, String, Option<String>, Option<i64>)> = stmt
        .query_map([id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))
        .map_err(sql)?
        .collect::<Result<_, _>>()
        .map_err(sql)?;
    let mut out = Vec::with_capacity(rows.len());
    let mut previous: Option<i64> = None;
    for (number, saved_at, stored, restored_from) in rows {
        let changes = match stored.as_deref().and_then(|text| serde_json::from_str::<Vec<String>>(text).ok()) {
            Some(paths) => paths,
            None => {
                let after = load_revision(conn, path, id, number)?;
                let before = previous.map(|n| load_revision(conn, path, id, n)).transpose()?;
                changed(before.as_ref(), &after)
            }
        };
        out.push(RevisionEntry { number, saved_at, changes, restored_from });
        previous = Some(number);
    }
    Ok(out)
}

/// The changes from revision `from` to revision `to` of draft `id`, labelled
/// in `lang`.
pub(super) fn compare(conn: &Connection, path: &Path, id: &str, from: i64, to: i64, lang: Lang) -> Result<Vec<FieldChange>, StoreError> {
    let (old, new) = (load_revision(conn, path, id, from)?, load_revision(conn, path, id, to)?);
    Ok(interview::changes(&old, &new, lang))
}

/// The request as it was at revision `number` of draft `id`, with the mark
/// a document rendered from it carries (its number and the day it was saved).
pub(super) fn for_export(conn: &Connection, path: &Path, id: &str, number: i64) -> Result<(Request, RevisionMark), StoreError> {
    let request = load_revision(conn, path, id, number)?;
    let saved_at: String = conn
        .query_row("SELECT saved_at FROM revisions WHERE draft_id = ?1 AND number = ?2", params![id, number], |row| row.get(0))
        .map_err(|source| sqlite_error(path, source))?;
    let saved = OffsetDateTime::parse(&saved_at, &Rfc3339).map_err(|e| StoreError::Unreadable {
        what: format!("draft {id} revision {number}"),
        detail: format!("saved at {saved_at:?}, not an RFC 3339 time: {e}"),
    })?;
    Ok((request, RevisionMark { number, saved: saved.date() }))
}

/// Makes the state of revision `number` the draft's current state, as a new
/// revision that records where it came from; nothing is overwritten. When
/// the draft already is in that state, nothing is added.
pub(super) fn restore(conn: &Connection, path: &Path, id: &str, number: i64, at: &str) -> Result<SaveReceipt, StoreError> {
    let request = load_revision(conn, path, id, number)?;
    save_revision(conn, path, id, &request, at, Some(number))
}
