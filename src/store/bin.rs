//! The archive and the bin. An archived draft leaves the list of drafts but
//! stays whole and findable; it comes back with [`Store::unarchive_draft`].
//! A deleted draft goes to the bin: off the list, out of the search index,
//! refused for saving, and restorable until the bin is emptied, which
//! removes it and everything kept with it (revisions, consultation) for good.
//!
//! Architecture invariants: every change is one transaction, with the time
//! passed in; emptying the bin leaves none of the drafts' text in the
//! database file or its write-ahead log (`PRAGMA secure_delete` is on for
//! every connection that writes, the search index is merged into one
//! segment, which drops the words of removed rows, and the log is
//! checkpointed and truncated afterwards).

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use time::OffsetDateTime;
use ts_rs::TS;

use super::{search, sqlite_error, summary_from, timestamp, DraftSummary, Store, StoreError};

/// A draft set aside (archived, or in the bin), and since when.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SetAsideDraft {
    /// The draft.
    pub summary: DraftSummary,
    /// When it was archived or deleted, RFC 3339 UTC.
    pub since: String,
}

fn sql(path: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |source| sqlite_error(path, source)
}

/// Where draft `id` stands: `Some(in the bin)`, or `None` when there is no such draft.
fn in_bin(conn: &Connection, path: &Path, id: &str) -> Result<Option<bool>, StoreError> {
    conn.query_row("SELECT deleted_at IS NOT NULL FROM drafts WHERE id = ?1", [id], |row| row.get(0))
        .optional()
        .map_err(sql(path))
}

/// Refuses to change draft `id` while it is in the bin.
pub(super) fn refuse_if_in_bin(conn: &Connection, path: &Path, id: &str) -> Result<(), StoreError> {
    match in_bin(conn, path, id)? {
        Some(true) => Err(StoreError::InBin(id.to_string())),
        Some(false) => Ok(()),
        None => Err(StoreError::NotFound(id.to_string())),
    }
}

impl Store {
    /// Sets draft `id` aside in the archive, `at`. Already archived: kept as
    /// it was. Refused for a draft in the bin.
    pub fn archive_draft(&mut self, id: &str, at: OffsetDateTime) -> Result<(), StoreError> {
        let tx = self.begin()?;
        refuse_if_in_bin(tx.connection(), tx.path(), id)?;
        tx.connection()
            .execute("UPDATE drafts SET archived_at = coalesce(archived_at, ?2) WHERE id = ?1", params![id, timestamp(at)])
            .map_err(sql(tx.path()))?;
        tx.commit()
    }

    /// Brings draft `id` back from the archive to the list of drafts.
    /// Refused for a draft in the bin.
    pub fn unarchive_draft(&mut self, id: &str) -> Result<(), StoreError> {
        let tx = self.begin()?;
        refuse_if_in_bin(tx.connection(), tx.path(), id)?;
        tx.connection().execute("UPDATE drafts SET archived_at = NULL WHERE id = ?1", [id]).map_err(sql(tx.path()))?;
        tx.commit()
    }

    /// Moves draft `id` to the bin, `at`: off the lists, out of the search
    /// index. Already in the bin: kept as it was.
    pub fn delete_draft(&mut self, id: &str, at: OffsetDateTime) -> Result<(), StoreError> {
        let tx = self.begin()?;
        if in_bin(tx.connection(), tx.path(), id)?.ok_or_else(|| StoreError::NotFound(id.to_string()))? {
            return Ok(());
        }
        tx.connection().execute("UPDATE drafts SET deleted_at = ?2 WHERE id = ?1", params![id, timestamp(at)]).map_err(sql(tx.path()))?;
        search::unindex(tx.connection(), tx.path(), id)?;
        tx.commit()
    }

    /// Takes draft `id` out of the bin, back where it was (the list of
    /// drafts, or the archive), and into the search index. A draft not in
    /// the bin is left as it is.
    pub fn restore_draft(&mut self, id: &str) -> Result<(), StoreError> {
        let tx = self.begin()?;
        if !in_bin(tx.connection(), tx.path(), id)?.ok_or_else(|| StoreError::NotFound(id.to_string()))? {
            return Ok(());
        }
        tx.connection().execute("UPDATE drafts SET deleted_at = NULL WHERE id = ?1", [id]).map_err(sql(tx.path()))?;
        search::index_stored(tx.connection(), tx.path(), id)?;
        tx.commit()
    }

    /// The archived drafts (not in the bin), most recently archived first.
    pub fn archived_drafts(&self) -> Result<Vec<SetAsideDraft>, StoreError> {
        self.set_aside("archived_at IS NOT NULL AND deleted_at IS NULL", "archived_at")
    }

    /// The drafts in the bin, most recently deleted first.
    pub fn bin(&self) -> Result<Vec<SetAsideDraft>, StoreError> {
        self.set_aside("deleted_at IS NOT NULL", "deleted_at")
    }

    fn set_aside(&self, condition: &str, since: &str) -> Result<Vec<SetAsideDraft>, StoreError> {
        let path = self.path();
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT id, title, created_at, updated_at, revision, {since} FROM drafts WHERE {condition} ORDER BY {since} DESC, rowid DESC"
            ))
            .map_err(sql(path))?;
        let rows = stmt
            .query_map([], |row| Ok(SetAsideDraft { summary: summary_from(row)?, since: row.get(5)? }))
            .map_err(sql(path))?;
        rows.collect::<Result<_, _>>().map_err(sql(path))
    }

    /// Empties the bin: every draft in it is removed for good, with its
    /// revisions and everything kept with it, and the freed space is
    /// overwritten. Returns how many drafts were removed.
    pub fn empty_bin(&mut self) -> Result<usize, StoreError> {
        let tx = self.begin()?;
        let removed = tx.connection().execute("DELETE FROM drafts WHERE deleted_at IS NOT NULL", []).map_err(sql(tx.path()))?;
        // Annex files only the removed drafts cited go with them.
        super::annexes::collect_orphan_annexes(&tx)?;
        // The index forgets a replaced or removed row by a tombstone and
        // keeps its words until its segments are merged: merged into one
        // now, the words of the drafts removed leave the file.
        tx.connection()
            .execute("INSERT INTO search_index (search_index) VALUES ('optimize')", [])
            .map_err(sql(tx.path()))?;
        tx.commit()?;
        // The pages the deletion overwrote are in the log; the checkpoint
        // writes them over the database file and truncates the log, so the
        // old pages leave both.
        let path = self.path().to_path_buf();
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(|source| sqlite_error(&path, source))?;
        Ok(removed)
    }
}
