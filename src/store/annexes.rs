//! Annex files: the bytes of each file once, as a BLOB keyed by its SHA-256
//! (`annex_files`), in the database itself so that whatever protects the
//! database protects them. A request cites a file by its reference
//! ([`AnnexFile`]); every saved revision records the files it cites
//! (`revision_annexes`, written by the save), and a file no revision cites
//! any more is deleted in the same transaction ([`collect_orphan_annexes`]).
//! Revisions are kept, so a file lives as long as any revision of any draft
//! cites it; deleting a draft deletes its revisions, their rows here, and
//! then (once the deleting transaction collects) its files.
//!
//! A file the user names is refused from its size before it is read, and
//! read through the same bound ([`crate::request::text_file::read_bounded`]);
//! the limit is a setting of the database ([`Store::annex_size_limit`]).

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};
use thiserror::Error;

use super::{now, sqlite_error, transaction, Draft, SaveReceipt, Store, StoreError, StoreTransaction};
use crate::export::{self, AnnexToAppend, AppendAnnexesError, Export, Options};
use crate::output::annex_pages::{self, AnnexPagesError};
use crate::request::text_file::{read_bounded, TextFileError};
use crate::request::{AnnexFile, Attachment, AttachmentType, Request};

/// The size limit of an annex file until the user sets another: 50 MiB.
pub const DEFAULT_ANNEX_SIZE_LIMIT: u64 = 50 << 20;

/// Key of the size limit in the `settings` table.
const SIZE_LIMIT_SETTING: &str = "annex_size_limit";

/// Which annex of a request a file goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnnexSlot {
    /// The existing annex with this number (from 1).
    Existing(usize),
    /// A new annex at the end of the list, with this title.
    New {
        /// Its title.
        title: String,
    },
}

/// Why an annex file could not be attached, detached, read or appended.
#[derive(Debug, Error)]
pub enum AnnexError {
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The file could not be read.
    #[error("cannot read the annex file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: TextFileError,
    },
    /// The file is larger than the size limit; nothing of it was kept.
    #[error(
        "the annex file {path} is {} ({size} bytes), more than the limit of {} for an annex file; nothing was attached",
        mebibytes(*size),
        mebibytes(*limit)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes (at least).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A PDF that cannot be read (its pages cannot be counted).
    #[error("the annex file {path} is not a PDF that can be read: {source}; nothing was attached")]
    Pdf {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        source: AnnexPagesError,
    },
    /// The request has no annex with this number.
    #[error("the request has no annex {number} (it has {count})")]
    NoAnnex {
        /// Number asked for, from 1.
        number: usize,
        /// How many annexes it has.
        count: usize,
    },
    /// A file the request cites is not in the database (a request from
    /// elsewhere, whose files did not come with it).
    #[error("annex {number} cites the file {name} (SHA-256 {sha256}), which is not in this database; attach the file again")]
    Missing {
        /// Annex number.
        number: usize,
        /// File name.
        name: String,
        /// Its SHA-256.
        sha256: String,
    },
    /// The export could not append an annex.
    #[error(transparent)]
    Append(#[from] AppendAnnexesError),
    /// The size limit given is not a positive number of bytes.
    #[error("the annex size limit must be at least one byte")]
    ZeroLimit,
}

fn mebibytes(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / f64::from(1 << 20))
}

/// A file attached to a draft: the request as saved, with the file's
/// reference in its annex, and the save.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct AttachedAnnex {
    /// The draft as saved.
    pub draft: Draft,
    /// Number of the annex that holds the file, from 1.
    // JSON carries it as a number; requests hold at most a few hundred annexes.
    #[ts(type = "number")]
    pub number: usize,
    /// The file's reference.
    pub file: AnnexFile,
    /// The save.
    pub receipt: SaveReceipt,
}

/// The reference of a file's bytes, named `name`: SHA-256, media type from
/// the bytes, size, and pages for a PDF (a PDF that cannot be read is
/// refused).
fn reference(path: &Path, name: &str, bytes: &[u8]) -> Result<AnnexFile, AnnexError> {
    let media_type = annex_pages::media_type(bytes);
    let pages = if media_type == "application/pdf" {
        Some(annex_pages::pdf_page_count(bytes).map_err(|source| AnnexError::Pdf { path: path.to_path_buf(), source })?)
    } else {
        None
    };
    Ok(AnnexFile {
        sha256: Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect(),
        name: name.to_string(),
        media_type: media_type.to_string(),
        size: bytes.len() as u64,
        pages,
    })
}

/// Records which files revision `number` of draft `id` cites (called by
/// every save that writes a revision, in its transaction).
pub(super) fn record_revision_annexes(conn: &Connection, path: &Path, id: &str, number: i64, request: &Request) -> Result<(), StoreError> {
    let mut insert = conn
        .prepare_cached("INSERT OR IGNORE INTO revision_annexes (draft_id, number, sha256) VALUES (?1, ?2, ?3)")
        .map_err(|e| sqlite_error(path, e))?;
    for file in request.attachments.iter().filter_map(|a| a.file.as_ref()) {
        insert.execute(params![id, number, file.sha256]).map_err(|e| sqlite_error(path, e))?;
    }
    Ok(())
}

/// Deletes every annex file no revision cites any more; returns how many.
/// Run inside the transaction that removed the last citing revision (a
/// draft deleted for good, for instance), so that no orphan survives it.
pub fn collect_orphan_annexes(tx: &StoreTransaction<'_>) -> Result<usize, StoreError> {
    collect_orphans(tx.connection(), tx.path())
}

fn collect_orphans(conn: &Connection, path: &Path) -> Result<usize, StoreError> {
    conn.execute(
        "DELETE FROM annex_files WHERE NOT EXISTS (SELECT 1 FROM revision_annexes r WHERE r.sha256 = annex_files.sha256)",
        [],
    )
    .map_err(|e| sqlite_error(path, e))
}

impl Store {
    /// The size limit of an annex file, in bytes (the setting, else
    /// [`DEFAULT_ANNEX_SIZE_LIMIT`]).
    pub fn annex_size_limit(&self) -> Result<u64, StoreError> {
        Ok(self.positive_setting(SIZE_LIMIT_SETTING)?.unwrap_or(DEFAULT_ANNEX_SIZE_LIMIT))
    }

    /// Sets the size limit of an annex file, in bytes. Files already
    /// attached stay.
    pub fn set_annex_size_limit(&mut self, bytes: u64) -> Result<(), AnnexError> {
        if bytes == 0 {
            return Err(AnnexError::ZeroLimit);
        }
        let tx = self.begin()?;
        super::settings::set_setting(tx.connection(), tx.path(), SIZE_LIMIT_SETTING, &bytes.to_string())?;
        tx.commit()?;
        Ok(())
    }

    /// Attaches the file at `file` to annex `slot` of draft `id`, whose
    /// current state is `request` (the editor's): the file is read within
    /// the size limit, stored once by its SHA-256, and the request saved
    /// with the file's reference, in one transaction. An annex's empty page
    /// count is filled from a PDF's pages. The annex's previous file stays
    /// while an earlier revision cites it.
    pub fn attach_annex_file(&mut self, id: &str, request: &Request, slot: AnnexSlot, file: &Path) -> Result<AttachedAnnex, AnnexError> {
        let limit = self.annex_size_limit()?;
        let bytes = read_bounded(file, limit).map_err(|e| match e {
            TextFileError::TooLarge { size, limit } => AnnexError::TooLarge { path: file.to_path_buf(), size, limit },
            source => AnnexError::Read { path: file.to_path_buf(), source },
        })?;
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let reference = reference(file, &name, &bytes)?;
        let mut request = request.clone();
        let index = match slot {
            AnnexSlot::Existing(number) if (1..=request.attachments.len()).contains(&number) => number - 1,
            AnnexSlot::Existing(number) => return Err(AnnexError::NoAnnex { number, count: request.attachments.len() }),
            AnnexSlot::New { title } => {
                request.attachments.push(Attachment { attachment_type: Some(AttachmentType::Other), title, ..Attachment::default() });
                request.attachments.len() - 1
            }
        };
        let annex = &mut request.attachments[index];
        if annex.pages.trim().is_empty() {
            if let Some(pages) = reference.pages {
                annex.pages = pages.to_string();
            }
        }
        annex.file = Some(reference.clone());
        let tx = self.begin()?;
        tx.connection()
            .execute(
                "INSERT OR IGNORE INTO annex_files (sha256, bytes, size, media_type) VALUES (?1, ?2, ?3, ?4)",
                params![reference.sha256, bytes, reference.size as i64, reference.media_type],
            )
            .map_err(|e| sqlite_error(tx.path(), e))?;
        let receipt = transaction::save_draft(tx.connection(), tx.path(), id, &request, &now())?;
        collect_orphans(tx.connection(), tx.path())?;
        let draft = tx.load_draft(id)?;
        tx.commit()?;
        Ok(AttachedAnnex { draft, number: index + 1, file: reference, receipt })
    }

    /// Removes the file of annex `number` (from 1) of draft `id`, whose
    /// current state is `request`, and saves it; the annex itself stays.
    /// The file's bytes go when no revision cites them any more.
    pub fn detach_annex_file(&mut self, id: &str, request: &Request, number: usize) -> Result<(Draft, SaveReceipt), AnnexError> {
        let mut request = request.clone();
        let count = request.attachments.len();
        let annex = number.checked_sub(1).and_then(|i| request.attachments.get_mut(i)).ok_or(AnnexError::NoAnnex { number, count })?;
        annex.file = None;
        let tx = self.begin()?;
        let receipt = transaction::save_draft(tx.connection(), tx.path(), id, &request, &now())?;
        collect_orphans(tx.connection(), tx.path())?;
        let draft = tx.load_draft(id)?;
        tx.commit()?;
        Ok((draft, receipt))
    }

    /// The bytes of the annex file with this SHA-256, if the database has it.
    pub fn annex_file_bytes(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.conn
            .query_row("SELECT bytes FROM annex_files WHERE sha256 = ?1", [sha256], |row| row.get(0))
            .optional()
            .map_err(|e| self.sql(e))
    }

    /// How many annex files the database holds (each once, however many
    /// annexes cite it).
    pub fn annex_file_count(&self) -> Result<usize, StoreError> {
        let count: i64 = self.conn.query_row("SELECT count(*) FROM annex_files", [], |row| row.get(0)).map_err(|e| self.sql(e))?;
        Ok(count as usize)
    }

    /// The request as a PDF with its annex files appended (see
    /// [`export::export_pdf_with_annexes`]), their bytes read from this
    /// database. A file the database lacks is an error naming its annex.
    pub fn export_pdf_with_annexes(&self, request: &Request, options: &Options, today: time::Date) -> Result<Export, AnnexError> {
        let mut files = Vec::new();
        for (index, annex) in request.attachments.iter().enumerate() {
            let Some(file) = annex.file.as_ref().filter(|f| annex_pages::appendable(&f.media_type)) else { continue };
            let bytes = self.annex_file_bytes(&file.sha256)?.ok_or_else(|| AnnexError::Missing {
                number: index + 1,
                name: file.name.clone(),
                sha256: file.sha256.clone(),
            })?;
            files.push((index + 1, file, bytes));
        }
        let annexes: Vec<AnnexToAppend<'_>> =
            files.iter().map(|(number, file, bytes)| AnnexToAppend { number: *number, file, bytes }).collect();
        Ok(export::export_pdf_with_annexes(request, options, today, &annexes)?)
    }
}
