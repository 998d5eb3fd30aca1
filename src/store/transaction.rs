//! One write transaction on the store, for the layers that change drafts and
//! tables of their own together (the exchange records a revision and the
//! event that caused it in one go). The draft operations here are the ones
//! [`Store`](super::Store) itself uses, so the invariants are the same: a
//! draft and its revisions change together, a save that changes nothing adds
//! no revision, and nothing is visible before [`StoreTransaction::commit`].
//! Dropping the transaction without committing rolls everything back.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use time::OffsetDateTime;

use super::history::{self, RevisionEntry};
use super::revision_document;
use super::{draft_title, kind_key, summary_from, timestamp, Draft, DraftSummary, RevisionSummary, SaveReceipt, StoreError};
use crate::request::read;
use crate::i18n::Lang;
use crate::interview::FieldChange;
use crate::request::Request;

/// A write transaction on the store (SQLite `BEGIN IMMEDIATE`).
pub struct StoreTransaction<'a> {
    tx: Transaction<'a>,
    path: &'a Path,
}

impl<'a> StoreTransaction<'a> {
    pub(super) fn begin(conn: &'a mut Connection, path: &'a Path) -> Result<StoreTransaction<'a>, StoreError> {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|source| super::sqlite_error(path, source))?;
        Ok(StoreTransaction { tx, path })
    }

    /// The connection inside the transaction, for a layer's own tables.
    pub fn connection(&self) -> &Connection {
        &self.tx
    }

    /// Path of the database file (for error messages).
    pub fn path(&self) -> &Path {
        self.path
    }

    /// Makes every change of the transaction durable, or none of them.
    pub fn commit(self) -> Result<(), StoreError> {
        let path = self.path;
        self.tx.commit().map_err(|source| super::sqlite_error(path, source))
    }

    /// Creates a draft holding `request` as its first revision, saved `at`.
    pub fn create_draft(&self, request: &Request, at: OffsetDateTime) -> Result<DraftSummary, StoreError> {
        create_draft(&self.tx, self.path, request, &timestamp(at))
    }

    /// Saves a new state of a draft, `at`; adds a revision only when the
    /// document differs from the latest one.
    pub fn save_draft(&self, id: &str, request: &Request, at: OffsetDateTime) -> Result<SaveReceipt, StoreError> {
        save_draft(&self.tx, self.path, id, request, &timestamp(at))
    }

    /// A draft's latest state as the transaction sees it.
    pub fn load_draft(&self, id: &str) -> Result<Draft, StoreError> {
        load_draft(&self.tx, self.path, id)
    }

    /// Revisions of a draft, oldest first.
    pub fn revisions(&self, id: &str) -> Result<Vec<RevisionSummary>, StoreError> {
        revisions(&self.tx, self.path, id)
    }

    /// The request as it was at one revision.
    pub fn load_revision(&self, id: &str, number: i64) -> Result<Request, StoreError> {
        load_revision(&self.tx, self.path, id, number)
    }

    /// A draft's revision history, oldest first (see [`super::history`]).
    pub fn history(&self, id: &str) -> Result<Vec<RevisionEntry>, StoreError> {
        history::history(&self.tx, self.path, id)
    }

    /// The changes from revision `from` to revision `to`, labelled in `lang`.
    pub fn compare(&self, id: &str, from: i64, to: i64, lang: Lang) -> Result<Vec<FieldChange>, StoreError> {
        history::compare(&self.tx, self.path, id, from, to, lang)
    }

    /// Restores revision `number` as a new revision, `at`; nothing is
    /// overwritten.
    pub fn restore_revision(&self, id: &str, number: i64, at: OffsetDateTime) -> Result<SaveReceipt, StoreError> {
        history::restore(&self.tx, self.path, id, number, &timestamp(at))
    }
}

fn sql(path: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |source| super::sqlite_error(path, source)
}

pub(super) fn create_draft(conn: &Connection, path: &Path, request: &Request, at: &str) -> Result<DraftSummary, StoreError> {
    read::within_limits(request, "the new draft").map_err(StoreError::TooLarge)?;
    let id = uuid::Uuid::new_v4().to_string();
    let json = read::to_json(request);
    let title = draft_title(request);
    conn.execute(
        "INSERT INTO drafts (id, title, kind, created_at, updated_at, revision, document) VALUES (?1, ?2, ?3, ?4, ?4, 1, ?5)",
        params![id, title, kind_key(request), at, json],
    )
    .map_err(sql(path))?;
    conn.execute(
        "INSERT INTO revisions (draft_id, number, saved_at, document, changes) VALUES (?1, 1, ?2, ?3, ?4)",
        params![id, at, revision_document::pack(&json), history::changes_column(None, request)],
    )
        .map_err(sql(path))?;
    super::search::index(conn, path, &id, request)?;
    super::annexes::record_revision_annexes(conn, path, &id, 1, request)?;
    super::register::write_derived(conn, path, &id, request, at)?;
    Ok(DraftSummary { id, title, created_at: at.to_string(), updated_at: at.to_string(), revision: 1 })
}

pub(super) fn save_draft(conn: &Connection, path: &Path, id: &str, request: &Request, at: &str) -> Result<SaveReceipt, StoreError> {
    save_revision(conn, path, id, request, at, None)
}

/// Saves `request` as the next revision of draft `id`, with the paths it
/// changed and, for a restore, the revision it came from; nothing when the
/// document is the latest one.
pub(super) fn save_revision(
    conn: &Connection,
    path: &Path,
    id: &str,
    request: &Request,
    at: &str,
    restored_from: Option<i64>,
) -> Result<SaveReceipt, StoreError> {
    read::within_limits(request, &format!("draft {id}")).map_err(StoreError::TooLarge)?;
    let json = read::to_json(request);
    let title = draft_title(request);
    let current: Option<(i64, String, String, String)> = conn
        .query_row("SELECT revision, updated_at, document, created_at FROM drafts WHERE id = ?1", [id], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })
        .optional()
        .map_err(sql(path))?;
    let (revision, updated_at, document, created_at) = current.ok_or_else(|| StoreError::NotFound(id.to_string()))?;
    super::bin::refuse_if_in_bin(conn, path, id)?;
    if document == json {
        return Ok(SaveReceipt { draft_id: id.to_string(), revision, saved_at: updated_at, changed: false, title });
    }
    // The latest document is the app's own; should it no longer read, the
    // revision is saved all the same, its changes computed when listed.
    let changes = read::parse_request(&document, id).ok().map(|before| history::changes_column(Some(&before), request));
    let next = revision + 1;
    conn.execute(
        "UPDATE drafts SET title = ?2, kind = ?3, updated_at = ?4, revision = ?5, document = ?6 WHERE id = ?1",
        params![id, &title, kind_key(request), at, next, json],
    )
    .map_err(sql(path))?;
    conn.execute(
        "INSERT INTO revisions (draft_id, number, saved_at, document, changes, restored_from) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, next, at, revision_document::pack(&json), changes, restored_from],
    )
    .map_err(sql(path))?;
    super::search::index(conn, path, id, request)?;
    super::annexes::record_revision_annexes(conn, path, id, next, request)?;
    super::register::write_derived(conn, path, id, request, &created_at)?;
    Ok(SaveReceipt { draft_id: id.to_string(), revision: next, saved_at: at.to_string(), changed: true, title })
}

pub(super) fn load_draft(conn: &Connection, path: &Path, id: &str) -> Result<Draft, StoreError> {
    let row: Option<(DraftSummary, String)> = conn
        .query_row(
            "SELECT id, title, created_at, updated_at, revision, document FROM drafts WHERE id = ?1",
            [id],
            |row| Ok((summary_from(row)?, row.get(5)?)),
        )
        .optional()
        .map_err(sql(path))?;
    let (summary, json) = row.ok_or_else(|| StoreError::NotFound(id.to_string()))?;
    let request =
        read::parse_request(&json, &format!("draft {id}")).map_err(|source| StoreError::Corrupt { id: id.to_string(), source })?;
    Ok(Draft { summary, request })
}

pub(super) fn revisions(conn: &Connection, path: &Path, id: &str) -> Result<Vec<RevisionSummary>, StoreError> {
    let mut stmt = conn.prepare("SELECT number, saved_at FROM revisions WHERE draft_id = ?1 ORDER BY number").map_err(sql(path))?;
    let rows = stmt
        .query_map([id], |row| Ok(RevisionSummary { number: row.get(0)?, saved_at: row.get(1)? }))
        .map_err(sql(path))?;
    rows.collect::<Result<_, _>>().map_err(sql(path))
}

pub(super) fn load_revision(conn: &Connection, path: &Path, id: &str, number: i64) -> Result<Request, StoreError> {
    let stored: Option<Result<String, String>> = conn
        .query_row("SELECT document FROM revisions WHERE draft_id = ?1 AND number = ?2", params![id, number], |row| {
            Ok(revision_document::unpack(row.get_ref(0)?))
        })
        .optional()
        .map_err(sql(path))?;
    let what = format!("draft {id} revision {number}");
    let json = stored
        .ok_or_else(|| StoreError::NotFound(format!("{id} revision {number}")))?
        .map_err(|detail| StoreError::Unreadable { what: what.clone(), detail })?;
    read::parse_request(&json, &what).map_err(|source| StoreError::Corrupt { id: id.to_string(), source })
}
