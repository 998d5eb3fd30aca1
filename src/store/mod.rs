//! Drafts on disk: one SQLite file (WAL) with a table of drafts and a table of
//! their revisions. Every save is one transaction; a save that changes
//! nothing adds no revision.
//!
//! Architecture invariant: the database holds request documents as the JSON of
//! [`crate::request::read`], so what the store keeps is exactly what the CLI reads.

pub mod data_dir;
mod translated_draft;

pub use translated_draft::TranslatedDraftError;

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;
use thiserror::Error;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use ts_rs::TS;

use crate::request::read::{self, FormatError};
use crate::request::Request;

/// File name of the database inside the data directory.
pub const DATABASE_FILE: &str = "mla-writer.sqlite3";

/// Schema migrations, applied in order; `PRAGMA user_version` records how
/// many have run. Append only.
const MIGRATIONS: &[&str] = &[r#"
CREATE TABLE drafts (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    document    TEXT NOT NULL
);
CREATE TABLE revisions (
    draft_id    TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    saved_at    TEXT NOT NULL,
    document    TEXT NOT NULL,
    PRIMARY KEY (draft_id, number)
);
CREATE INDEX drafts_by_update ON drafts(updated_at DESC);
"#];

/// A failure of the draft store.
#[derive(Debug, Error)]
pub enum StoreError {
    /// SQLite failed.
    #[error("database {path}: {source}")]
    Sqlite {
        /// Database file.
        path: PathBuf,
        /// Underlying error.
        source: rusqlite::Error,
    },
    /// The data directory could not be created.
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        /// Directory.
        path: PathBuf,
        /// Underlying error.
        source: std::io::Error,
    },
    /// No draft has this id.
    #[error("no draft with id {0}")]
    NotFound(String),
    /// A stored document no longer parses.
    #[error("draft {id} is stored in an unreadable form: {source}")]
    Corrupt {
        /// Draft id.
        id: String,
        /// What is wrong with it.
        source: FormatError,
    },
    /// A follow-up cannot be created from this draft.
    #[error("draft {id}: {source}")]
    FollowUp {
        /// Draft id.
        id: String,
        /// Why not.
        source: crate::request::follow_up::FollowUpError,
    },
    /// The database was written by a newer version of the app.
    #[error("database {path} has schema version {found}; this app knows up to {known}. Update MLA Writer")]
    TooNew {
        /// Database file.
        path: PathBuf,
        /// Version found.
        found: i64,
        /// Newest version known.
        known: usize,
    },
}

/// A draft as listed on the start screen.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DraftSummary {
    /// Stable id.
    pub id: String,
    /// Title derived from the request (case number, State).
    pub title: String,
    /// When it was created, RFC 3339 UTC.
    pub created_at: String,
    /// When it was last saved, RFC 3339 UTC.
    pub updated_at: String,
    /// Number of the latest revision (1 for a new draft).
    // JSON carries it as a number, and revisions stay far below 2^53.
    #[ts(type = "number")]
    pub revision: i64,
}

/// A draft with its request.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Draft {
    /// Listing data.
    pub summary: DraftSummary,
    /// The request.
    pub request: Request,
}

/// What a save did; returned only once the transaction has committed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SaveReceipt {
    /// Draft id.
    pub draft_id: String,
    /// Latest revision after the save.
    // JSON carries it as a number, and revisions stay far below 2^53.
    #[ts(type = "number")]
    pub revision: i64,
    /// When the latest revision was written, RFC 3339 UTC.
    pub saved_at: String,
    /// Whether this save added a revision (false when nothing had changed).
    pub changed: bool,
    /// The draft's title after the save (it follows the answers).
    pub title: String,
}

/// One stored revision.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RevisionSummary {
    /// Revision number, from 1.
    // JSON carries it as a number, and revisions stay far below 2^53.
    #[ts(type = "number")]
    pub number: i64,
    /// When it was saved.
    pub saved_at: String,
}

/// The draft store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

fn now() -> String {
    OffsetDateTime::now_utc().replace_nanosecond(0).unwrap_or(OffsetDateTime::UNIX_EPOCH).format(&Rfc3339).unwrap_or_default()
}

/// Title of a draft, derived from its request. A translated request (one
/// holding the drafter's text in `translation.original`) ends with its
/// language in brackets, `… → Norland [fr]`, so that it is told apart from
/// the draft it was translated from.
pub fn draft_title(r: &Request) -> String {
    let case = r.case.internal_ref.trim();
    let state = r.req_state.trim();
    let subject = r.proc.subject_matter.trim();
    let mut parts: Vec<&str> = Vec::new();
    if !case.is_empty() {
        parts.push(case);
    }
    if !subject.is_empty() {
        parts.push(subject);
    }
    let head = if parts.is_empty() { "Untitled request".to_string() } else { parts.join(" · ") };
    let title = if state.is_empty() { head } else { format!("{head} → {state}") };
    let lang = r.lang.request.trim();
    if r.translation.original.is_empty() || lang.is_empty() { title } else { format!("{title} [{lang}]") }
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema
    /// up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::DataDir { path: dir.to_path_buf(), source })?;
        }
        let sql = |source| StoreError::Sqlite { path: path.to_path_buf(), source };
        let mut conn = Connection::open(path).map_err(sql)?;
        conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(sql)?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(sql)?;
        conn.pragma_update(None, "synchronous", "FULL").map_err(sql)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(sql)?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0)).map_err(sql)?;
        if version as usize > MIGRATIONS.len() {
            return Err(StoreError::TooNew { path: path.to_path_buf(), found: version, known: MIGRATIONS.len() });
        }
        for (index, migration) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive).map_err(sql)?;
            tx.execute_batch(migration).map_err(sql)?;
            tx.pragma_update(None, "user_version", (index + 1) as i64).map_err(sql)?;
            tx.commit().map_err(sql)?;
        }
        Ok(Store { conn, path: path.to_path_buf() })
    }

    /// Opens the database in the data directory (see [`crate::store::data_dir`]).
    pub fn open_default() -> Result<Store, StoreError> {
        Store::open(&crate::store::data_dir::data_dir().join(DATABASE_FILE))
    }

    /// Path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The open connection, for the layers that keep tables of their own in
    /// the same database (the exchange). Their tables are created by this
    /// module's migrations, so one file and one schema version hold
    /// everything; every write they make must be one transaction.
    pub fn connection(&mut self) -> &mut Connection {
        &mut self.conn
    }

    fn sql(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite { path: self.path.clone(), source }
    }

    /// Creates a draft holding `request` as its first revision.
    pub fn create_draft(&mut self, request: &Request) -> Result<DraftSummary, StoreError> {
        let id = uuid::Uuid::new_v4().to_string();
        let at = now();
        let json = read::to_json(request);
        let title = draft_title(request);
        let tx = self.conn.transaction().map_err(|e| StoreError::Sqlite { path: self.path.clone(), source: e })?;
        let result = (|| {
            tx.execute(
                "INSERT INTO drafts (id, title, kind, created_at, updated_at, revision, document) VALUES (?1, ?2, ?3, ?4, ?4, 1, ?5)",
                params![id, title, kind_key(request), at, json],
            )?;
            tx.execute("INSERT INTO revisions (draft_id, number, saved_at, document) VALUES (?1, 1, ?2, ?3)", params![id, at, json])?;
            tx.commit()
        })();
        result.map_err(|e| self.sql(e))?;
        Ok(DraftSummary { id, title, created_at: at.clone(), updated_at: at, revision: 1 })
    }

    /// Saves a new state of a draft. Adds a revision only when the document
    /// differs from the latest one; either way returns after commit.
    pub fn save_draft(&mut self, id: &str, request: &Request) -> Result<SaveReceipt, StoreError> {
        let json = read::to_json(request);
        let title = draft_title(request);
        let path = self.path.clone();
        let sql = |source| StoreError::Sqlite { path: path.clone(), source };
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(sql)?;
        let current: Option<(i64, String, String)> = tx
            .query_row("SELECT revision, updated_at, document FROM drafts WHERE id = ?1", [id], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })
            .optional()
            .map_err(sql)?;
        let (revision, updated_at, document) = current.ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        if document == json {
            return Ok(SaveReceipt { draft_id: id.to_string(), revision, saved_at: updated_at, changed: false, title });
        }
        let at = now();
        let next = revision + 1;
        tx.execute(
            "UPDATE drafts SET title = ?2, kind = ?3, updated_at = ?4, revision = ?5, document = ?6 WHERE id = ?1",
            params![id, &title, kind_key(request), at, next, json],
        )
        .map_err(sql)?;
        tx.execute("INSERT INTO revisions (draft_id, number, saved_at, document) VALUES (?1, ?2, ?3, ?4)", params![id, next, at, json])
            .map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(SaveReceipt { draft_id: id.to_string(), revision: next, saved_at: at, changed: true, title })
    }

    /// Loads a draft's latest state.
    pub fn load_draft(&self, id: &str) -> Result<Draft, StoreError> {
        let row: Option<(DraftSummary, String)> = self
            .conn
            .query_row(
                "SELECT id, title, created_at, updated_at, revision, document FROM drafts WHERE id = ?1",
                [id],
                |row| Ok((summary_from(row)?, row.get(5)?)),
            )
            .optional()
            .map_err(|e| self.sql(e))?;
        let (summary, json) = row.ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        let request = read::parse_request(&json, &format!("draft {id}"))
            .map_err(|source| StoreError::Corrupt { id: id.to_string(), source })?;
        Ok(Draft { summary, request })
    }

    /// Drafts, most recently saved first.
    pub fn list_drafts(&self) -> Result<Vec<DraftSummary>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, title, created_at, updated_at, revision FROM drafts ORDER BY updated_at DESC, rowid DESC")
            .map_err(|e| self.sql(e))?;
        let rows = stmt.query_map([], summary_from).map_err(|e| self.sql(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sql(e))
    }

    /// Revisions of a draft, oldest first.
    pub fn revisions(&self, id: &str) -> Result<Vec<RevisionSummary>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT number, saved_at FROM revisions WHERE draft_id = ?1 ORDER BY number")
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([id], |row| Ok(RevisionSummary { number: row.get(0)?, saved_at: row.get(1)? }))
            .map_err(|e| self.sql(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sql(e))
    }

    /// The request as it was at one revision.
    pub fn load_revision(&self, id: &str, number: i64) -> Result<Request, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT document FROM revisions WHERE draft_id = ?1 AND number = ?2", params![id, number], |row| row.get(0))
            .optional()
            .map_err(|e| self.sql(e))?;
        let json = json.ok_or_else(|| StoreError::NotFound(format!("{id} revision {number}")))?;
        read::parse_request(&json, &format!("draft {id} revision {number}"))
            .map_err(|source| StoreError::Corrupt { id: id.to_string(), source })
    }

    /// Creates the MLA request that follows the preservation request of draft
    /// `id` as a new draft (see [`crate::request::follow_up`]).
    pub fn create_follow_up(&mut self, id: &str) -> Result<Draft, StoreError> {
        let source = self.load_draft(id)?;
        let request = crate::request::follow_up::from_preservation(&source.request)
            .map_err(|source| StoreError::FollowUp { id: id.to_string(), source })?;
        let summary = self.create_draft(&request)?;
        Ok(Draft { summary, request })
    }

    /// On an empty database, creates the demo request so a new user sees
    /// something real at once. Returns the demo draft when it was created.
    pub fn seed_demo_if_empty(&mut self) -> Result<Option<DraftSummary>, StoreError> {
        let count: i64 = self.conn.query_row("SELECT count(*) FROM drafts", [], |row| row.get(0)).map_err(|e| self.sql(e))?;
        if count > 0 {
            return Ok(None);
        }
        self.create_draft(&crate::request::demo::request()).map(Some)
    }
}

fn kind_key(r: &Request) -> String {
    serde_json::to_value(r.kind).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
}

fn summary_from(row: &rusqlite::Row<'_>) -> rusqlite::Result<DraftSummary> {
    Ok(DraftSummary {
        id: row.get(0)?,
        title: row.get(1)?,
        created_at: row.get(2)?,
        updated_at: row.get(3)?,
        revision: row.get(4)?,
    })
}
