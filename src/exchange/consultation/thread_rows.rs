//! Comments and suggestions of a shared request in the store, each with the
//! package it came in (none when it was written on this side).

use rusqlite::{params, OptionalExtension};
use serde_json::Value;

use super::codec::{from_json, from_key, key, to_json};
use super::ConsultationError;
use crate::exchange::thread::{Comment, Suggestion, Thread};
use crate::store::{Store, StoreTransaction};

const COMMENT_COLUMNS: &str = "id, field, kind, text, author, at, reply_to, resolved";

type CommentRow = (String, String, String, String, String, String, Option<String>, Option<String>);

fn read_comment(row: &rusqlite::Row<'_>) -> rusqlite::Result<CommentRow> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?, row.get(6)?, row.get(7)?))
}

fn decode_comment(draft_id: &str, row: CommentRow) -> Result<Comment, ConsultationError> {
    let (id, field, kind, text, author, at, reply_to, resolved) = row;
    let what = |part: &str| format!("{part} of comment {id}");
    Ok(Comment {
        kind: from_key(&kind, draft_id, &what("kind"))?,
        author: from_json(&author, draft_id, &what("author"))?,
        resolved: resolved.map(|r| from_json(&r, draft_id, &what("resolution"))).transpose()?,
        id,
        field,
        text,
        at,
        reply_to,
    })
}

/// Every comment of a draft, oldest first.
pub(super) fn comments(tx: &StoreTransaction<'_>, draft_id: &str) -> Result<Vec<Comment>, ConsultationError> {
    let rows: Vec<CommentRow> = {
        let mut stmt = tx
            .connection()
            .prepare(&format!("SELECT {COMMENT_COLUMNS} FROM exchange_comments WHERE draft_id = ?1 ORDER BY at, rowid"))
            .map_err(ConsultationError::database(tx.path()))?;
        let rows = stmt.query_map([draft_id], read_comment).map_err(ConsultationError::database(tx.path()))?;
        rows.collect::<Result<_, _>>().map_err(ConsultationError::database(tx.path()))?
    };
    rows.into_iter().map(|row| decode_comment(draft_id, row)).collect()
}

/// One comment of a draft.
pub(super) fn comment(tx: &StoreTransaction<'_>, draft_id: &str, id: &str) -> Result<Option<Comment>, ConsultationError> {
    let row = tx
        .connection()
        .query_row(
            &format!("SELECT {COMMENT_COLUMNS} FROM exchange_comments WHERE draft_id = ?1 AND id = ?2"),
            params![draft_id, id],
            read_comment,
        )
        .optional()
        .map_err(ConsultationError::database(tx.path()))?;
    row.map(|row| decode_comment(draft_id, row)).transpose()
}

/// Stores a new comment; `package_id` is the package it came in.
pub(super) fn insert_comment(
    tx: &StoreTransaction<'_>,
    draft_id: &str,
    c: &Comment,
    package_id: Option<&str>,
) -> Result<(), ConsultationError> {
    tx.connection()
        .execute(
            &format!("INSERT INTO exchange_comments (draft_id, {COMMENT_COLUMNS}, package_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
            params![
                draft_id,
                c.id,
                c.field,
                key(&c.kind),
                c.text,
                to_json(&c.author),
                c.at,
                c.reply_to,
                c.resolved.as_ref().map(to_json),
                package_id,
            ],
        )
        .map_err(ConsultationError::database(tx.path()))?;
    Ok(())
}

/// Writes the resolution of a stored comment.
pub(super) fn update_resolution(tx: &StoreTransaction<'_>, draft_id: &str, c: &Comment) -> Result<(), ConsultationError> {
    tx.connection()
        .execute(
            "UPDATE exchange_comments SET resolved = ?3 WHERE draft_id = ?1 AND id = ?2",
            params![draft_id, c.id, c.resolved.as_ref().map(to_json)],
        )
        .map_err(ConsultationError::database(tx.path()))?;
    Ok(())
}

const SUGGESTION_COLUMNS: &str =
    "id, field, base_revision, base, proposed, note, author, at, state, decided, resolved_value, package_id";

type SuggestionRow =
    (String, String, i64, String, String, String, String, String, String, Option<String>, Option<String>, Option<String>);

fn read_suggestion(row: &rusqlite::Row<'_>) -> rusqlite::Result<SuggestionRow> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
        row.get(7)?,
        row.get(8)?,
        row.get(9)?,
        row.get(10)?,
        row.get(11)?,
    ))
}

/// A stored suggestion and the package it came in.
pub(super) struct StoredSuggestion {
    /// The suggestion.
    pub suggestion: Suggestion,
    /// The package it came in (none when made on this side).
    pub package_id: Option<String>,
}

fn decode_suggestion(draft_id: &str, row: SuggestionRow) -> Result<StoredSuggestion, ConsultationError> {
    let (id, field, base_revision, base, proposed, note, author, at, state, decided, resolved_value, package_id) = row;
    let what = |part: &str| format!("{part} of suggestion {id}");
    let suggestion = Suggestion {
        base: from_json::<Value>(&base, draft_id, &what("base value"))?,
        proposed: from_json::<Value>(&proposed, draft_id, &what("proposed value"))?,
        author: from_json(&author, draft_id, &what("author"))?,
        state: from_key(&state, draft_id, &what("state"))?,
        decided: decided.map(|d| from_json(&d, draft_id, &what("decision"))).transpose()?,
        resolved_value: resolved_value.map(|v| from_json::<Value>(&v, draft_id, &what("resolved value"))).transpose()?,
        id,
        field,
        base_revision,
        note,
        at,
    };
    Ok(StoredSuggestion { suggestion, package_id })
}

/// Every suggestion of a draft, oldest first.
pub(super) fn suggestions(tx: &StoreTransaction<'_>, draft_id: &str) -> Result<Vec<StoredSuggestion>, ConsultationError> {
    let rows: Vec<SuggestionRow> = {
        let mut stmt = tx
            .connection()
            .prepare(&format!("SELECT {SUGGESTION_COLUMNS} FROM exchange_suggestions WHERE draft_id = ?1 ORDER BY at, rowid"))
            .map_err(ConsultationError::database(tx.path()))?;
        let rows = stmt.query_map([draft_id], read_suggestion).map_err(ConsultationError::database(tx.path()))?;
        rows.collect::<Result<_, _>>().map_err(ConsultationError::database(tx.path()))?
    };
    rows.into_iter().map(|row| decode_suggestion(draft_id, row)).collect()
}

/// One suggestion of a draft.
pub(super) fn suggestion(tx: &StoreTransaction<'_>, draft_id: &str, id: &str) -> Result<Option<StoredSuggestion>, ConsultationError> {
    let row = tx
        .connection()
        .query_row(
            &format!("SELECT {SUGGESTION_COLUMNS} FROM exchange_suggestions WHERE draft_id = ?1 AND id = ?2"),
            params![draft_id, id],
            read_suggestion,
        )
        .optional()
        .map_err(ConsultationError::database(tx.path()))?;
    row.map(|row| decode_suggestion(draft_id, row)).transpose()
}

/// Stores a new suggestion; `package_id` is the package it came in.
pub(super) fn insert_suggestion(
    tx: &StoreTransaction<'_>,
    draft_id: &str,
    s: &Suggestion,
    package_id: Option<&str>,
) -> Result<(), ConsultationError> {
    tx.connection()
        .execute(
            &format!(
                "INSERT INTO exchange_suggestions (draft_id, {SUGGESTION_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
            ),
            params![
                draft_id,
                s.id,
                s.field,
                s.base_revision,
                to_json(&s.base),
                to_json(&s.proposed),
                s.note,
                to_json(&s.author),
                s.at,
                key(&s.state),
                s.decided.as_ref().map(to_json),
                s.resolved_value.as_ref().map(to_json),
                package_id,
            ],
        )
        .map_err(ConsultationError::database(tx.path()))?;
    Ok(())
}

/// Writes the decision on a stored suggestion (state, who and when, the
/// value written).
pub(super) fn update_decision(tx: &StoreTransaction<'_>, draft_id: &str, s: &Suggestion) -> Result<(), ConsultationError> {
    tx.connection()
        .execute(
            "UPDATE exchange_suggestions SET state = ?3, decided = ?4, resolved_value = ?5 WHERE draft_id = ?1 AND id = ?2",
            params![draft_id, s.id, key(&s.state), s.decided.as_ref().map(to_json), s.resolved_value.as_ref().map(to_json)],
        )
        .map_err(ConsultationError::database(tx.path()))?;
    Ok(())
}

/// The whole thread of a draft, as stored.
pub(super) fn load_thread(tx: &StoreTransaction<'_>, draft_id: &str) -> Result<Thread, ConsultationError> {
    Ok(Thread {
        comments: comments(tx, draft_id)?,
        suggestions: suggestions(tx, draft_id)?.into_iter().map(|s| s.suggestion).collect(),
    })
}

/// The comments and suggestions of draft `draft_id`, oldest first (an empty
/// thread for a draft that is not shared).
pub fn thread(store: &mut Store, draft_id: &str) -> Result<Thread, ConsultationError> {
    let tx = store.begin()?;
    tx.load_draft(draft_id)?;
    load_thread(&tx, draft_id)
}
