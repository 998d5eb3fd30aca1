//! Drafts on disk: one SQLite file (WAL) with a table of drafts and a table of
//! their revisions, and the case register derived from them ([`register`]).
//! Every save is one transaction; a save that changes nothing adds no
//! revision. A draft may be archived or moved to the bin (`bin.rs`), and its
//! text is found by [`search`].
//!
//! Architecture invariant: the database holds request documents as the JSON of
//! [`crate::request::read`] (a revision's compressed, see `revision_document`),
//! so what the store keeps is exactly what the CLI reads.

pub mod annexes;
pub mod backup;
mod bin;
pub mod data_dir;
mod directory;
mod encryption;
mod history;
mod own_state;
pub mod integrity;
mod passphrase;
mod register;
mod revision_document;
pub mod search;
mod settings;
mod transaction;
mod translated_draft;
pub mod treaty_profiles;

pub use backup::{BackupFile, BACKUP_DIR, DEFAULT_BACKUPS_KEPT};
pub use bin::SetAsideDraft;
pub use directory::{DirectoryFieldChange, DirectoryHistoryEntry, DirectoryReceipt, DirectorySource, DirectorySummary, StateChoice};
pub use history::RevisionEntry;
pub use passphrase::{is_encrypted, Passphrase};
pub use register::{
    Dashboard, DraftLink, DueEntry, DueList, LinkKind, RegisterColumn, RegisterEntry, RegisterPage, RegisterQuery, WaitingList, DASHBOARD_LIMIT,
    MAX_PAGE_SIZE,
};
pub use search::{SearchHit, SearchResult, SnippetPart};
pub use transaction::StoreTransaction;
pub use translated_draft::TranslatedDraftError;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use serde::Serialize;
use thiserror::Error;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use ts_rs::TS;

use crate::request::read::FormatError;
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
"#, r#"
-- Identities and the contact book (see exchange::identity, exchange::contacts).
CREATE TABLE identities (
    fingerprint  TEXT PRIMARY KEY,
    card         TEXT NOT NULL,
    protection   TEXT NOT NULL CHECK (protection IN ('os_keychain', 'passphrase_file')),
    created_at   TEXT NOT NULL,
    retired_at   TEXT,
    replaced_by  TEXT REFERENCES identities(fingerprint)
);
CREATE UNIQUE INDEX one_current_identity ON identities((retired_at IS NULL)) WHERE retired_at IS NULL;
CREATE TABLE contacts (
    id            TEXT PRIMARY KEY,
    fingerprint   TEXT NOT NULL UNIQUE,
    signing_key   TEXT NOT NULL UNIQUE,
    age_recipient TEXT NOT NULL,
    name          TEXT NOT NULL,
    authority     TEXT NOT NULL,
    email         TEXT NOT NULL,
    card          TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    trusted_at    TEXT
);
CREATE TABLE contact_events (
    contact_id    TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    at            TEXT NOT NULL,
    event         TEXT NOT NULL CHECK (event IN ('imported', 'trusted', 'rotated')),
    fingerprint   TEXT NOT NULL,
    detail        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contact_events_by_contact ON contact_events(contact_id, at);
"#, r#"
-- The consultation with a counterpart (see exchange::consultation).
-- A draft shared with the other side: the originator's own draft, or, on the
-- counterpart's side, the local copy of the originator's request.
CREATE TABLE shared_requests (
    draft_id                TEXT PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE,
    request_id              TEXT NOT NULL,     -- the originator's draft id, the same on both sides
    role                    TEXT NOT NULL CHECK (role IN ('originator', 'counterpart')),
    me                      TEXT NOT NULL,     -- JSON participant: this side
    originator              TEXT NOT NULL,     -- JSON participant
    counterparts            TEXT NOT NULL,     -- JSON array of participants
    status                  TEXT NOT NULL CHECK (status IN ('in_consultation', 'reply_received', 'received', 'replied')),
    received_revision       INTEGER,           -- counterpart: the originator's revision last received
    received_local_revision INTEGER,           -- counterpart: the local revision holding it
    lineage                 TEXT,              -- counterpart: JSON lineage last received
    updated_at              TEXT NOT NULL,
    UNIQUE (request_id, role)
);
-- Every package sent or taken in, for rounds, replays and stale packages.
CREATE TABLE exchange_packages (
    id                  TEXT PRIMARY KEY,
    draft_id            TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    direction           TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
    sender              TEXT NOT NULL,         -- JSON participant
    sender_fingerprint  TEXT NOT NULL,
    recipients          TEXT NOT NULL,         -- JSON array of participants
    round               INTEGER NOT NULL,      -- the originator's package sequence it belongs to
    sequence            INTEGER NOT NULL,
    base_revision       INTEGER NOT NULL,
    answers             TEXT,
    from_originator     INTEGER NOT NULL,
    note                TEXT NOT NULL,
    created_at          TEXT NOT NULL,         -- as its sender says
    recorded_at         TEXT NOT NULL          -- when sent or taken in here
);
CREATE INDEX exchange_packages_by_sender ON exchange_packages(draft_id, direction, sender_fingerprint, sequence);
CREATE TABLE exchange_comments (
    draft_id    TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    field       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    text        TEXT NOT NULL,
    author      TEXT NOT NULL,                 -- JSON participant
    at          TEXT NOT NULL,
    reply_to    TEXT,
    resolved    TEXT,                          -- JSON decision
    package_id  TEXT,                          -- the package it came in; NULL when written here
    PRIMARY KEY (draft_id, id)
);
CREATE TABLE exchange_suggestions (
    draft_id        TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    id              TEXT NOT NULL,
    field           TEXT NOT NULL,
    base_revision   INTEGER NOT NULL,
    base            TEXT NOT NULL,             -- JSON value
    proposed        TEXT NOT NULL,             -- JSON value
    note            TEXT NOT NULL,
    author          TEXT NOT NULL,             -- JSON participant
    at              TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('open', 'accepted', 'rejected')),
    decided         TEXT,                      -- JSON decision
    resolved_value  TEXT,                      -- JSON value
    package_id      TEXT,                      -- the package it came in; NULL when written here
    PRIMARY KEY (draft_id, id)
);
-- Who did what to a shared request, when, in which round, from which package.
CREATE TABLE exchange_events (
    draft_id    TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,                 -- JSON participant
    action      TEXT NOT NULL,
    field       TEXT NOT NULL,
    subject     TEXT,                          -- the comment, suggestion or package concerned
    round       INTEGER NOT NULL,
    package_id  TEXT,
    revision    INTEGER,                       -- the revision written, if any
    PRIMARY KEY (draft_id, number)
);
"#, r#"
-- The archive, the bin (see store::bin) and full-text search (store::search).
ALTER TABLE drafts ADD COLUMN archived_at TEXT;
ALTER TABLE drafts ADD COLUMN deleted_at TEXT;
CREATE INDEX drafts_archived ON drafts(archived_at) WHERE archived_at IS NOT NULL;
CREATE INDEX drafts_in_bin ON drafts(deleted_at) WHERE deleted_at IS NOT NULL;
-- One row of the index per draft not in the bin; its id is the index's rowid.
CREATE TABLE search_documents (
    id        INTEGER PRIMARY KEY,
    draft_id  TEXT NOT NULL UNIQUE REFERENCES drafts(id) ON DELETE CASCADE
);
-- The folded words of every answer (store::search::terms), without the text.
CREATE VIRTUAL TABLE search_index USING fts5(
    terms, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER search_documents_deleted AFTER DELETE ON search_documents BEGIN
    DELETE FROM search_index WHERE rowid = old.id;
END;
-- Drafts to index once the migrations have run (store::search::index_pending).
CREATE TABLE search_pending (draft_id TEXT PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE);
INSERT INTO search_pending SELECT id FROM drafts;
"#, r#"
-- Revision history (see store::history): the paths of the answers a
-- revision changed against the one before (a JSON array; NULL for a revision
-- saved before this column, computed when listed), and the revision a
-- restore brought back.
ALTER TABLE revisions ADD COLUMN changes TEXT;
ALTER TABLE revisions ADD COLUMN restored_from INTEGER;
"#, r#"
-- Annex files (see store::annexes): their bytes once per SHA-256, which
-- revision cites which file, and the app's settings.
CREATE TABLE annex_files (
    sha256      TEXT PRIMARY KEY,
    bytes       BLOB NOT NULL,
    size        INTEGER NOT NULL,
    media_type  TEXT NOT NULL
);
-- Deleting a draft deletes its revisions, and so these rows.
CREATE TABLE revision_annexes (
    draft_id    TEXT NOT NULL,
    number      INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    PRIMARY KEY (draft_id, number, sha256),
    FOREIGN KEY (draft_id, number) REFERENCES revisions(draft_id, number) ON DELETE CASCADE
);
CREATE INDEX revision_annexes_by_file ON revision_annexes(sha256);
CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL
);
"#, r#"
-- The case register (see store::register): what each draft's request says of
-- where it stands and what falls due, written on every save so that listing
-- and the dashboard never read a document; and the links between requests.
ALTER TABLE drafts ADD COLUMN status TEXT NOT NULL DEFAULT 'drafting';
ALTER TABLE drafts ADD COLUMN status_date TEXT NOT NULL DEFAULT '';
ALTER TABLE drafts ADD COLUMN req_state TEXT NOT NULL DEFAULT '';
ALTER TABLE drafts ADD COLUMN counterpart_ref TEXT NOT NULL DEFAULT '';
ALTER TABLE drafts ADD COLUMN next_deadline TEXT;
ALTER TABLE drafts ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0;
CREATE INDEX drafts_by_status ON drafts(status, updated_at);
CREATE INDEX drafts_by_kind ON drafts(kind, updated_at);
CREATE INDEX drafts_by_state ON drafts(req_state COLLATE NOCASE, updated_at);
CREATE INDEX drafts_by_status_date ON drafts(status_date);
CREATE INDEX drafts_by_next_deadline ON drafts(next_deadline);
CREATE INDEX drafts_by_title ON drafts(title);
CREATE INDEX drafts_waiting ON drafts(status_date) WHERE waiting = 1;
-- Every deadline of an open request (request::deadlines), rewritten on save.
CREATE TABLE deadlines (
    draft_id    TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    date        TEXT NOT NULL,
    PRIMARY KEY (draft_id, kind)
) WITHOUT ROWID;
CREATE INDEX deadlines_by_date ON deadlines(date);
-- A link from an earlier request to a later one: its follow-up, a
-- supplement, the reply received.
CREATE TABLE draft_links (
    from_id     TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    to_id       TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('follow_up', 'supplement', 'reply')),
    created_at  TEXT NOT NULL,
    PRIMARY KEY (from_id, to_id, kind)
);
CREATE INDEX draft_links_by_target ON draft_links(to_id);
-- The version of the rules that wrote the derived data above.
CREATE TABLE register_derived (version INTEGER NOT NULL);
INSERT INTO register_derived (version) VALUES (0);
"#, r#"
-- The register's first page without reading every draft (store::register):
-- for each filter, its requests in the order of their next deadline, ties
-- broken by id; and the dates a range filters on kept beside the columns the
-- register sorts by, so that the filter is checked in the index.
CREATE INDEX drafts_by_kind_deadline ON drafts(kind, next_deadline, id);
CREATE INDEX drafts_by_status_deadline ON drafts(status, next_deadline, id);
CREATE INDEX drafts_by_state_deadline ON drafts(req_state COLLATE NOCASE, next_deadline, id);
DROP INDEX drafts_by_update;
CREATE INDEX drafts_by_update ON drafts(updated_at DESC, status_date, next_deadline);
DROP INDEX drafts_by_next_deadline;
CREATE INDEX drafts_by_next_deadline ON drafts(next_deadline, id, status_date);
-- The dashboard counts the deadlines of the drafts on the register without
-- reading the drafts.
CREATE INDEX drafts_on_register ON drafts(id, archived_at, deleted_at);
"#, r#"
-- A draft with neither case reference nor subject has no words of its own
-- in its title (store::is_untitled): the interface words it.
UPDATE drafts SET title = ltrim(substr(title, 17))
    WHERE title = 'Untitled request' OR title LIKE 'Untitled request %';
"#, r#"
-- The directory of competent authorities (see store::directory): each
-- State's entry as JSON, with what listing and search read beside it.
CREATE TABLE directory_states (
    state_id     TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    fictitious   INTEGER NOT NULL,
    restricted   INTEGER NOT NULL,
    search_text  TEXT NOT NULL,            -- code, names, authorities' names, in lower case
    entry        TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
-- Its history, append-only: each import, edit or deletion (who, when, from
-- which source), and each field it changed with the value before and after.
-- Deleting an entry erases the values of its rows (personal data); the rows stay.
CREATE TABLE directory_change_sets (
    id            INTEGER PRIMARY KEY,
    action        TEXT NOT NULL CHECK (action IN ('import', 'edit', 'delete')),
    source_name   TEXT NOT NULL,
    source_title  TEXT NOT NULL,
    source_date   TEXT,
    as_of         TEXT,
    entered_by    TEXT NOT NULL,
    entered_on    TEXT NOT NULL,           -- the day given, YYYY-MM-DD
    recorded_at   TEXT NOT NULL            -- RFC 3339 UTC
);
CREATE TABLE directory_changes (
    change_set    INTEGER NOT NULL REFERENCES directory_change_sets(id),
    state_id      TEXT NOT NULL,
    authority_id  TEXT NOT NULL,           -- '' for the State's own fields
    record        TEXT NOT NULL CHECK (record IN ('new', 'changed', 'removed')),
    field         TEXT NOT NULL,
    old_value     TEXT,
    new_value     TEXT,
    erased        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX directory_changes_by_state ON directory_changes(state_id, change_set);
"#, r#"
-- Treaty profiles (store::treaty_profiles): a treaty's parties, entry into
-- force and its article per topic, as JSON; a request keeps its own copy.
CREATE TABLE treaty_profiles (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    json        TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
"#, r#"
-- The dashboard counts the deadlines in a range from their index of dates
-- alone, less those of the drafts archived or in the bin, found from these
-- few (store::register::due_count).
CREATE INDEX drafts_off_register ON drafts(id) WHERE archived_at IS NOT NULL OR deleted_at IS NOT NULL;
"#, r#"
-- The index names each draft's requested State in the six languages
-- (store::search::index_text): every draft is indexed again.
INSERT OR IGNORE INTO search_pending SELECT id FROM drafts;
"#];

/// The schema version of a database this app has brought up to date (the
/// number of migrations).
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

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
    /// The draft is in the bin: restore it before changing it.
    #[error("draft {0} is in the bin; restore it first")]
    InBin(String),
    /// A draft holds a text or a list beyond the limits every draft is
    /// saved within (see [`crate::request::read::within_limits`]); nothing
    /// was written, the last saved state is as it was.
    #[error("not saved: {0}")]
    TooLarge(FormatError),
    /// A query of the register asks for something it cannot give (a
    /// malformed date, a link of a draft to itself).
    #[error("{0}")]
    Query(String),
    /// A change of status cannot be recorded as given.
    #[error("draft {id}: status not changed: {reason}")]
    StatusChange {
        /// Draft id.
        id: String,
        /// What is wrong.
        reason: String,
    },
    /// A follow-up cannot be created from this draft.
    #[error("draft {id}: {source}")]
    FollowUp {
        /// Draft id.
        id: String,
        /// Why not.
        source: crate::request::follow_up::FollowUpError,
    },
    /// The database file is damaged: SQLite's check of its pages failed, or
    /// SQLite found a damaged page while reading. Nothing is written to it.
    #[error(
        "database {path} is damaged ({detail}); nothing will be written to it. Restore it from a backup, or export the drafts that can still be read"
    )]
    Damaged {
        /// Database file.
        path: PathBuf,
        /// What SQLite found.
        detail: String,
    },
    /// The database, opened read-only, has an older schema that would have to
    /// be updated (written) before it can be read.
    #[error(
        "database {path} has schema version {found}, older than this app's {known}, and cannot be updated while opened read-only; open it once with write access"
    )]
    Outdated {
        /// Database file.
        path: PathBuf,
        /// Version found.
        found: usize,
        /// This app's version.
        known: usize,
    },
    /// The disk holding the database is full (or the file may grow no
    /// further): the save was rolled back, the last saved state is kept.
    #[error(
        "database {path}: the disk is full ({detail}); nothing was lost, the last saved state is kept. Free some space and it will save again"
    )]
    DiskFull {
        /// Database file.
        path: PathBuf,
        /// What the system said.
        detail: String,
    },
    /// The database or its folder cannot be written (a read-only folder,
    /// file or file system): nothing was written, the last saved state is
    /// kept.
    #[error(
        "database {path} cannot be written: its folder or file is read-only ({detail}); nothing was lost, the last saved state is kept. Make it writable and it will save again"
    )]
    ReadOnly {
        /// Database file.
        path: PathBuf,
        /// What SQLite or the system said.
        detail: String,
    },
    /// Another program held the database for longer than the wait allowed
    /// (see [`busy_timeout`]): nothing was written, the last saved state is
    /// kept.
    #[error(
        "database {path} is in use by another program; nothing was lost, the last saved state is kept. It will save again once the other program lets go of it"
    )]
    Busy {
        /// Database file.
        path: PathBuf,
    },
    /// A file the readable drafts were exported to could not be written.
    #[error(transparent)]
    Write(#[from] crate::files::WriteError),
    /// Something stored (a revision's document, the time it was saved)
    /// cannot be read back.
    #[error("{what} cannot be read: {detail}")]
    Unreadable {
        /// What it is ("draft … revision 3").
        what: String,
        /// What is wrong with it.
        detail: String,
    },
    /// The database is encrypted and no passphrase was given.
    #[error("database {path} is encrypted; give its passphrase to open it")]
    Locked {
        /// Database file.
        path: PathBuf,
    },
    /// The passphrase given does not open the encrypted database.
    #[error("the passphrase does not open database {path}; check it and try again")]
    WrongPassphrase {
        /// Database file.
        path: PathBuf,
    },
    /// An empty passphrase was given.
    #[error("the passphrase is empty; type a passphrase")]
    EmptyPassphrase,
    /// The passphrase of a database that is not encrypted cannot be changed.
    #[error("database {path} is not encrypted; turn encryption on first")]
    NotEncrypted {
        /// Database file.
        path: PathBuf,
    },
    /// A converted or restored copy of the database does not hold what the
    /// original holds; the original was kept as it was.
    #[error("the copy {path} of the database does not hold the same drafts ({detail}); the database was left as it was")]
    CopyDiffers {
        /// The copy.
        path: PathBuf,
        /// What differs.
        detail: String,
    },
    /// A file beside the database (a backup, the database set aside during a
    /// restore) could not be read, written, renamed or removed.
    #[error("{path}: {source}")]
    File {
        /// The file.
        path: PathBuf,
        /// Underlying error.
        source: std::io::Error,
    },
    /// The directory has no entry for this State (or authority).
    #[error("the directory has no entry {0}")]
    NoDirectoryEntry(String),
    /// A State added to the directory already has an entry there.
    #[error("{state_id} is already in the directory ({name}): open its entry to edit it, or give the new State another code")]
    DirectoryStateExists {
        /// Its code.
        state_id: String,
        /// The name of the entry that holds it.
        name: String,
    },
    /// The directory changed between an import's preview and its
    /// application; nothing was written.
    #[error("the directory entry {0} changed since the import was previewed; nothing was imported. Preview the import again")]
    DirectoryChanged(String),
    /// A directory file or entry is refused.
    #[error(transparent)]
    Directory(#[from] crate::directory::DirectoryError),
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
    /// What SQLite's quick check found wrong, when it did: writes are refused.
    damage: Option<String>,
    /// The passphrase of an encrypted database (kept in memory for backups
    /// and conversions, wiped when the store is dropped).
    key: Option<Passphrase>,
}

/// How long an open or a write waits for another process holding the
/// database (the app and the CLI, or two CLI commands) before failing.
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// The environment variable that sets the wait for another process, in
/// milliseconds, instead of [`BUSY_TIMEOUT`].
pub const BUSY_TIMEOUT_VAR: &str = "MLA_BUSY_TIMEOUT_MS";

/// How long to wait for another process holding the database:
/// `MLA_BUSY_TIMEOUT_MS` when it is set to a number, else [`BUSY_TIMEOUT`].
pub fn busy_timeout() -> std::time::Duration {
    std::env::var(BUSY_TIMEOUT_VAR)
        .ok()
        .and_then(|ms| ms.trim().parse::<u64>().ok())
        .map_or(BUSY_TIMEOUT, std::time::Duration::from_millis)
}

/// Puts the database in WAL mode. The switch takes a lock that SQLite's
/// busy handler does not wait for: while another process creates the same
/// new database, it fails at once with "database is locked". It is tried
/// again until [`busy_timeout`] has passed.
fn use_wal(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = std::time::Instant::now() + busy_timeout();
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::DatabaseBusy && std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            done => return done,
        }
    }
}

/// The schema version recorded in the database, refusing a newer one.
fn schema_version(conn: &Connection, path: &Path) -> Result<usize, StoreError> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0)).map_err(|e| sqlite_error(path, e))?;
    match usize::try_from(version) {
        Ok(v) if v <= MIGRATIONS.len() => Ok(v),
        _ => Err(StoreError::TooNew { path: path.to_path_buf(), found: version, known: MIGRATIONS.len() }),
    }
}

/// SQLite's quick check (the structure of every page, without comparing
/// indexes to their tables): `None` when the database is sound, else what is
/// wrong (the first few problems).
fn quick_check(conn: &Connection) -> rusqlite::Result<Option<String>> {
    let problems: rusqlite::Result<Vec<String>> =
        conn.prepare("PRAGMA quick_check(5)")?.query_map([], |row| row.get(0))?.collect();
    match problems {
        Ok(rows) if rows.len() == 1 && rows[0] == "ok" => Ok(None),
        Ok(rows) => Ok(Some(rows.join("; "))),
        Err(e) if is_damage(&e) => Ok(Some(e.to_string())),
        Err(e) => Err(e),
    }
}

/// Whether SQLite reports the file itself as damaged.
fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase))
}

/// A SQLite failure on the database at `path`, named by what the user can
/// do about it: [`StoreError::Damaged`], [`StoreError::DiskFull`],
/// [`StoreError::ReadOnly`], [`StoreError::Busy`], else
/// [`StoreError::Sqlite`].
pub(crate) fn sqlite_error(path: &Path, source: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    let path = path.to_path_buf();
    let detail = source.to_string();
    match source.sqlite_error_code() {
        _ if is_damage(&source) => StoreError::Damaged { path, detail },
        Some(ErrorCode::DiskFull) => StoreError::DiskFull { path, detail },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path, detail },
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy { path },
        _ => StoreError::Sqlite { path, source },
    }
}

/// A failed write on `conn` named by the system's reason, which SQLite
/// reports only as an I/O error: no space left, a file grown past its
/// limit or quota ([`StoreError::DiskFull`]), a read-only file system
/// ([`StoreError::ReadOnly`]). Any other error is returned as it is.
fn with_system_cause(conn: &Connection, error: StoreError) -> StoreError {
    let StoreError::Sqlite { path, source } = error else { return error };
    if source.sqlite_error_code() != Some(rusqlite::ErrorCode::SystemIoFailure) {
        return StoreError::Sqlite { path, source };
    }
    // SAFETY: the handle is the open connection's, used only for this call,
    // which reads the error number SQLite recorded for its last failure.
    let errno = unsafe { rusqlite::ffi::sqlite3_system_errno(conn.handle()) };
    let cause = std::io::Error::from_raw_os_error(errno);
    let detail = format!("{source}: {cause}");
    match cause.kind() {
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::FileTooLarge | std::io::ErrorKind::QuotaExceeded => {
            StoreError::DiskFull { path, detail }
        }
        std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied => StoreError::ReadOnly { path, detail },
        _ => StoreError::Sqlite { path, source },
    }
}

/// The passphrase to key the database at `path` with: required for an
/// encrypted file ([`StoreError::Locked`] without), used for a new one,
/// unused for a plaintext one.
fn key_for<'k>(path: &Path, key: Option<&'k Passphrase>) -> Result<Option<&'k Passphrase>, StoreError> {
    if is_encrypted(path)? {
        return key.map(Some).ok_or_else(|| StoreError::Locked { path: path.to_path_buf() });
    }
    let exists = std::fs::metadata(path).map(|m| m.len() > 0).unwrap_or(false);
    Ok(if exists { None } else { key })
}

/// Keys `conn` with `key`, if any, and checks that it reads the database:
/// SQLCipher reports a wrong key as "file is not a database" on the first
/// read, which is [`StoreError::WrongPassphrase`] here.
pub(crate) fn unlock(conn: &Connection, path: &Path, key: Option<&Passphrase>) -> Result<(), StoreError> {
    let Some(key) = key else { return Ok(()) };
    key.key(conn, path)?;
    // SQLCipher would log a wrong key's failed page check to standard error;
    // set after the key, as keying initialises SQLCipher's logging.
    conn.execute_batch("PRAGMA cipher_log_level = NONE").map_err(|e| sqlite_error(path, e))?;
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get::<_, i64>(0)) {
        Ok(_) => Ok(()),
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            Err(StoreError::WrongPassphrase { path: path.to_path_buf() })
        }
        Err(e) => Err(sqlite_error(path, e)),
    }
}

/// An SQLite URI naming the file at `path`, with `query` parameters.
pub(crate) fn file_uri(path: &Path, query: &str) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    if !absolute.starts_with("/") {
        // A Windows path (`C:\…`) becomes `file:/C:/…`.
        uri.push('/');
    }
    for &byte in absolute.as_os_str().as_encoded_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => uri.push(byte as char),
            b'\\' if cfg!(windows) => uri.push('/'),
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri.push('?');
    uri.push_str(query);
    uri
}

fn now() -> String {
    timestamp(OffsetDateTime::now_utc())
}

/// A time as the store writes it: RFC 3339 in UTC, to the second.
pub fn timestamp(at: OffsetDateTime) -> String {
    let utc = at.to_offset(time::UtcOffset::UTC);
    utc.replace_nanosecond(0).unwrap_or(utc).format(&Rfc3339).unwrap_or_default()
}

/// Title of a draft, derived from its request: its case reference and
/// subject, `→` the requested State. A translated request (one holding the
/// drafter's text in `translation.original`) ends with its language in
/// brackets, `… → Norland [fr]`, so that it is told apart from the draft it
/// was translated from. A draft with neither reference nor subject has no
/// words of its own: see [`is_untitled`].
pub fn draft_title(r: &Request) -> String {
    let case = r.case.internal_ref.trim();
    // The State named in the language the request is drafted in.
    let state = crate::request::addressee::state_name(r, r.lang.drafting_code().unwrap_or("en"));
    let state = state.as_str();
    let subject = r.proc.subject_matter.trim();
    let mut parts: Vec<&str> = Vec::new();
    if !case.is_empty() {
        parts.push(case);
    }
    if !subject.is_empty() {
        parts.push(subject);
    }
    let mut title = parts.join(" · ");
    let mut add = |piece: String| {
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(&piece);
    };
    if !state.is_empty() {
        add(format!("→ {state}"));
    }
    if let Some(lang) = r.lang.request_code().filter(|_| !r.translation.original.is_empty()) {
        add(format!("[{lang}]"));
    }
    title
}

/// Whether a draft title names no case and no subject (it is empty, or
/// begins with the requested State's arrow or the language's bracket): the
/// interface then puts its own word for an untitled request first, in the
/// interface language, and the store never writes one.
pub fn is_untitled(title: &str) -> bool {
    title.is_empty() || title.starts_with('→') || title.starts_with('[')
}

impl Store {
    /// Opens (creating if needed) the database at `path` for reading and
    /// writing, and brings its schema up to date.
    ///
    /// Nothing in the file changes before the checks that may refuse it: a
    /// database from a newer app is refused as it is. A database that fails
    /// SQLite's quick check opens for reading only (what can still be read
    /// can be exported), and every write is refused with
    /// [`StoreError::Damaged`]. Migrations run in one `BEGIN IMMEDIATE`
    /// transaction that reads the schema version itself, so that two
    /// processes opening a new database at once migrate it once; the other
    /// waits (up to [`BUSY_TIMEOUT`]) and finds it up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, None)
    }

    /// As [`Store::open`], with the passphrase of an encrypted database.
    /// An encrypted database without a passphrase is refused with
    /// [`StoreError::Locked`], with a wrong one with
    /// [`StoreError::WrongPassphrase`]. A new database is created encrypted
    /// when a passphrase is given; a passphrase given for an existing
    /// database that is not encrypted is not used.
    pub fn open_with(path: &Path, key: Option<&Passphrase>) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::DataDir { path: dir.to_path_buf(), source })?;
        }
        let key = key_for(path, key)?;
        let sql = |source| sqlite_error(path, source);
        let mut conn = Connection::open(path).map_err(sql)?;
        unlock(&conn, path, key)?;
        conn.busy_timeout(busy_timeout()).map_err(sql)?;
        if conn.is_readonly(rusqlite::MAIN_DB).map_err(sql)? {
            return Err(StoreError::ReadOnly { path: path.to_path_buf(), detail: "the file cannot be opened for writing".into() });
        }
        let version = schema_version(&conn, path)?;
        let key = key.cloned();
        if let Some(detail) = quick_check(&conn).map_err(sql)? {
            if version < MIGRATIONS.len() {
                return Err(StoreError::Damaged { path: path.to_path_buf(), detail });
            }
            conn.pragma_update(None, "query_only", true).map_err(sql)?;
            return Ok(Store { conn, path: path.to_path_buf(), damage: Some(detail), key });
        }
        use_wal(&conn).map_err(sql)?;
        conn.pragma_update(None, "synchronous", "FULL").map_err(sql)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(sql)?;
        // Deleted content is overwritten, so an emptied bin leaves no text
        // in free pages (see store::bin).
        conn.pragma_update(None, "secure_delete", "ON").map_err(sql)?;
        if version < MIGRATIONS.len() {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(sql)?;
            let version = schema_version(&tx, path)?;
            if version < MIGRATIONS.len() {
                for migration in &MIGRATIONS[version..] {
                    tx.execute_batch(migration).map_err(sql)?;
                }
                search::index_pending(&tx, path)?;
                tx.pragma_update(None, "user_version", MIGRATIONS.len() as i64).map_err(sql)?;
            }
            tx.commit().map_err(sql)?;
        }
        register::refresh_derived(&mut conn, path)?;
        Ok(Store { conn, path: path.to_path_buf(), damage: None, key })
    }

    /// Opens the database at `path` for reading only: no file in its folder
    /// is created or changed, so the read-only commands work on a data
    /// directory the user may not write. A database whose schema is not this
    /// app's is refused (it cannot be updated without writing). A missing
    /// database reads as an empty one.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        Store::open_read_only_with(path, None)
    }

    /// As [`Store::open_read_only`], with the passphrase of an encrypted
    /// database (see [`Store::open_with`]).
    pub fn open_read_only_with(path: &Path, key: Option<&Passphrase>) -> Result<Store, StoreError> {
        let sql = |source| sqlite_error(path, source);
        if !path.exists() {
            let mut conn = Connection::open_in_memory().map_err(sql)?;
            let tx = conn.transaction().map_err(sql)?;
            for migration in MIGRATIONS {
                tx.execute_batch(migration).map_err(sql)?;
            }
            tx.commit().map_err(sql)?;
            conn.pragma_update(None, "query_only", true).map_err(sql)?;
            return Ok(Store { conn, path: path.to_path_buf(), damage: None, key: None });
        }
        let key = key_for(path, key)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let open = |uri: &str| -> Result<(Connection, usize), StoreError> {
            let conn = Connection::open_with_flags(uri, flags).map_err(sql)?;
            unlock(&conn, path, key)?;
            conn.busy_timeout(busy_timeout()).map_err(sql)?;
            let version = schema_version(&conn, path)?;
            Ok((conn, version))
        };
        let (conn, version) = match open(&file_uri(path, "mode=ro")) {
            // A WAL database needs its shared-memory file, which a read-only
            // folder cannot hold when no writer has it open: then no one can
            // be writing, and the file alone is the whole database.
            Err(StoreError::Sqlite { source, .. }) if source.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen) => {
                open(&file_uri(path, "immutable=1"))?
            }
            other => other?,
        };
        if version < MIGRATIONS.len() {
            return Err(StoreError::Outdated { path: path.to_path_buf(), found: version, known: MIGRATIONS.len() });
        }
        Ok(Store { conn, path: path.to_path_buf(), damage: None, key: key.cloned() })
    }

    /// Opens the database in the data directory (see [`crate::store::data_dir`]).
    pub fn open_default() -> Result<Store, StoreError> {
        Store::open(&crate::store::data_dir::data_dir().join(DATABASE_FILE))
    }

    /// Closes the database, handing back its passphrase (if encrypted) to
    /// open it again.
    pub fn close(self) -> Option<Passphrase> {
        self.key
    }

    /// Whether the database is encrypted (it was opened with a passphrase).
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
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
        sqlite_error(&self.path, source)
    }

    /// Starts a write transaction (see [`StoreTransaction`]): the drafts and
    /// the tables of other layers change together or not at all. Refused on
    /// a damaged database.
    pub fn begin(&mut self) -> Result<StoreTransaction<'_>, StoreError> {
        if let Some(detail) = &self.damage {
            return Err(StoreError::Damaged { path: self.path.clone(), detail: detail.clone() });
        }
        StoreTransaction::begin(&mut self.conn, &self.path)
    }

    /// Creates a draft holding `request` as its first revision.
    pub fn create_draft(&mut self, request: &Request) -> Result<DraftSummary, StoreError> {
        let written = (|| {
            let tx = self.begin()?;
            let summary = transaction::create_draft(tx.connection(), tx.path(), request, &now())?;
            tx.commit()?;
            Ok(summary)
        })();
        written.map_err(|e| with_system_cause(&self.conn, e))
    }

    /// Saves a new state of a draft. Adds a revision only when the document
    /// differs from the latest one; either way returns after commit.
    pub fn save_draft(&mut self, id: &str, request: &Request) -> Result<SaveReceipt, StoreError> {
        let written = (|| {
            let tx = self.begin()?;
            let receipt = transaction::save_draft(tx.connection(), tx.path(), id, request, &now())?;
            tx.commit()?;
            Ok(receipt)
        })();
        written.map_err(|e| with_system_cause(&self.conn, e))
    }

    /// Loads a draft's latest state.
    pub fn load_draft(&self, id: &str) -> Result<Draft, StoreError> {
        transaction::load_draft(&self.conn, &self.path, id)
    }

    /// Drafts neither archived nor in the bin, most recently saved first.
    pub fn list_drafts(&self) -> Result<Vec<DraftSummary>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, title, created_at, updated_at, revision FROM drafts
                 WHERE archived_at IS NULL AND deleted_at IS NULL ORDER BY updated_at DESC, rowid DESC",
            )
            .map_err(|e| self.sql(e))?;
        let rows = stmt.query_map([], summary_from).map_err(|e| self.sql(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sql(e))
    }

    /// Revisions of a draft, oldest first.
    pub fn revisions(&self, id: &str) -> Result<Vec<RevisionSummary>, StoreError> {
        transaction::revisions(&self.conn, &self.path, id)
    }

    /// The request as it was at one revision.
    pub fn load_revision(&self, id: &str, number: i64) -> Result<Request, StoreError> {
        transaction::load_revision(&self.conn, &self.path, id, number)
    }

    /// Writes every draft that can still be read, its latest state as a
    /// request file `<draft id>.json`, into `dir` (created if needed): the
    /// way out of a damaged database. A draft that does not load is listed
    /// with why, and the others are written all the same.
    ///
    /// A damaged page of the drafts table stops a scan of it, so the drafts
    /// are found three ways: the scan, then each row after the last one it
    /// read, one by one, then the drafts the revisions table names. A draft
    /// whose own row cannot be read is written from its latest revision
    /// that can.
    pub fn export_readable(&self, dir: &Path) -> Result<integrity::ReadableExport, StoreError> {
        let mut export = integrity::ReadableExport { written: Vec::new(), unreadable: Vec::new() };
        let (ids, problems) = self.rescuable_ids();
        export.unreadable.extend(problems);
        std::fs::create_dir_all(dir).map_err(|source| StoreError::DataDir { path: dir.to_path_buf(), source })?;
        for id in ids {
            match self.load_draft(&id).map(|d| d.request).or_else(|e| self.latest_readable_revision(&id).ok_or(e)) {
                Ok(request) => {
                    let file = dir.join(format!("{id}.json"));
                    crate::files::write_atomically(&file, crate::request::read::to_json(&request).as_bytes())?;
                    export.written.push(file);
                }
                Err(e) => export.unreadable.push(format!("draft {id}: {e}")),
            }
        }
        Ok(export)
    }

    /// The ids of the drafts a damaged database still shows, in the order
    /// found, each once, and what could not be read on the way.
    fn rescuable_ids(&self) -> (Vec<String>, Vec<String>) {
        let mut ids: Vec<String> = Vec::new();
        let mut problems = Vec::new();
        let mut last_rowid = 0_i64;
        let scanned: rusqlite::Result<()> = (|| {
            let mut stmt = self.conn.prepare("SELECT rowid, id FROM drafts ORDER BY rowid")?;
            for row in stmt.query_map([], |row| Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?)))? {
                let (rowid, id) = row?;
                last_rowid = rowid;
                ids.push(id);
            }
            Ok(())
        })();
        if let Err(e) = scanned {
            problems.push(format!("the list of drafts after the first {}: {e}", ids.len()));
            // Past the damage, each row by its rowid: a damaged page then
            // loses only the rows it holds.
            let max: Option<i64> = self.conn.query_row("SELECT max(rowid) FROM drafts", [], |row| row.get(0)).ok().flatten();
            for rowid in last_rowid + 1..=max.unwrap_or(last_rowid) {
                if let Ok(Some(id)) = self.conn.query_row("SELECT id FROM drafts WHERE rowid = ?1", [rowid], |row| row.get::<_, String>(0)).optional() {
                    ids.push(id);
                }
            }
        }
        let from_revisions: rusqlite::Result<Vec<String>> = (|| {
            let mut stmt = self.conn.prepare("SELECT DISTINCT draft_id FROM revisions")?;
            let rows = stmt.query_map([], |row| row.get::<_, String>(0))?;
            rows.collect()
        })();
        match from_revisions {
            Ok(more) => {
                let known: std::collections::HashSet<String> = ids.iter().cloned().collect();
                ids.extend(more.into_iter().filter(|id| !known.contains(id)));
            }
            Err(e) => problems.push(format!("the drafts named by the revisions: {e}")),
        }
        (ids, problems)
    }

    /// The latest revision of draft `id` that can still be read, if any.
    fn latest_readable_revision(&self, id: &str) -> Option<Request> {
        let numbers: Vec<i64> = (|| -> rusqlite::Result<Vec<i64>> {
            let mut stmt = self.conn.prepare("SELECT number FROM revisions WHERE draft_id = ?1 ORDER BY number DESC")?;
            let rows = stmt.query_map([id], |row| row.get(0))?;
            rows.collect()
        })()
        .ok()?;
        numbers.into_iter().find_map(|n| self.load_revision(id, n).ok())
    }

    /// A draft's revision history, oldest first: when each revision was
    /// saved, what it changed, what it restored.
    pub fn history(&self, id: &str) -> Result<Vec<RevisionEntry>, StoreError> {
        history::history(&self.conn, &self.path, id)
    }

    /// The changes from revision `from` to revision `to` of a draft, field by
    /// field, labelled in `lang` (see [`crate::interview::changes`]).
    pub fn compare(&self, id: &str, from: i64, to: i64, lang: crate::i18n::Lang) -> Result<Vec<crate::interview::FieldChange>, StoreError> {
        history::compare(&self.conn, &self.path, id, from, to, lang)
    }

    /// The request as it was at revision `number`, with the mark a document
    /// rendered from it carries (see [`crate::export::Options::revision`]).
    pub fn revision_for_export(&self, id: &str, number: i64) -> Result<(Request, crate::export::RevisionMark), StoreError> {
        history::for_export(&self.conn, &self.path, id, number)
    }

    /// Makes revision `number` the draft's current state by adding a revision
    /// that records it was restored from `number`; nothing is overwritten. A
    /// draft already in that state is left as it is (`changed` is false).
    pub fn restore_revision(&mut self, id: &str, number: i64) -> Result<SaveReceipt, StoreError> {
        let tx = self.begin()?;
        let receipt = history::restore(tx.connection(), tx.path(), id, number, &now())?;
        tx.commit()?;
        Ok(receipt)
    }

    /// Creates the MLA request that follows the preservation request of draft
    /// `id` as a new draft (see [`crate::request::follow_up`]), linked to it
    /// as its follow-up, in one transaction.
    pub fn create_follow_up(&mut self, id: &str) -> Result<Draft, StoreError> {
        let tx = self.begin()?;
        let source = tx.load_draft(id)?;
        let request = crate::request::follow_up::from_preservation(&source.request)
            .map_err(|source| StoreError::FollowUp { id: id.to_string(), source })?;
        let at = now();
        let summary = transaction::create_draft(tx.connection(), tx.path(), &request, &at)?;
        register::link(tx.connection(), tx.path(), id, &summary.id, LinkKind::FollowUp, &at)?;
        tx.commit()?;
        Ok(Draft { summary, request })
    }

    /// On an empty database, creates the demo request as of `today` (see
    /// [`crate::request::demo::request`]) so a new user sees something real
    /// at once, with no error, and loads the fictitious States it and the
    /// examples address into the directory
    /// ([`Store::load_demo_directory`]), the demo addressed to its State's
    /// central authority from there. Returns the demo draft when it was
    /// created.
    pub fn seed_demo_if_empty(&mut self, today: time::Date) -> Result<Option<DraftSummary>, StoreError> {
        let count: i64 = self.conn.query_row("SELECT count(*) FROM drafts", [], |row| row.get(0)).map_err(|e| self.sql(e))?;
        if count > 0 {
            return Ok(None);
        }
        self.load_demo_directory(today)?;
        let request = crate::request::demo::request(today);
        let entry = self.directory_entry(crate::directory::demo::DEMO_REQUEST_STATE)?;
        let authority = crate::request::addressee::authorities_for(&entry, request.kind).first().map(|a| a.authority_id.clone());
        let addressed = crate::request::addressee::address_to(&request, &entry, authority.as_deref(), today).expect("the authority is the entry's own");
        let demo = self.create_draft(&addressed.request)?;
        Ok(Some(demo))
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
