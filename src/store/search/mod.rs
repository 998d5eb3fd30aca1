//! Full-text search over the current state of every draft that is not in
//! the bin (SQLite FTS5).
//!
//! What is indexed is every typed text the wizard shows for a draft
//! ([`crate::interview::texts`]: facts, persons with their names and
//! aliases, references, addresses, notes…), which includes everything its
//! title is made of. The index holds the words as [`terms`] folds them, one
//! row per draft (`search_index`, a contentless FTS5 table: it keeps the
//! index, not the text), so the words of a query may be found in different
//! answers of one draft. Where each hit is, and its snippet, are worked out
//! from the draft's answers for the few drafts found.
//!
//! Architecture invariants: the index changes in the transaction that
//! changes the draft (create, save, restore, bin, restore from the bin);
//! a draft in the bin has no row in it; what the user types is never FTS5
//! syntax (see [`terms::Query::fts`]).

mod terms;

pub use terms::SnippetPart;

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::{sqlite_error, summary_from, DraftSummary, Store, StoreError};
use crate::i18n::Lang;
use crate::interview;
use crate::request::{read, Request};
use terms::Query;

/// How many drafts a search returns at most, unless asked otherwise.
pub const DEFAULT_LIMIT: usize = 50;

/// How many answers of one draft a result shows at most.
const HITS_PER_DRAFT: usize = 10;

/// A draft a search found, and where.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SearchResult {
    /// The draft.
    pub draft: DraftSummary,
    /// Whether it is archived (found, but not on the list of drafts).
    pub archived: bool,
    /// The answers the words were found in (at most ten): those holding
    /// the most words of the query first, then in wizard order.
    pub hits: Vec<SearchHit>,
}

/// One answer holding what was searched for.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SearchHit {
    /// Dotted path of the answer (`persons.0.family_name`).
    pub path: String,
    /// The field's label in the language asked for, with its item
    /// ("Person 1: Family name").
    pub label: String,
    /// The answer around the first hit, the words found marked.
    pub snippet: Vec<SnippetPart>,
}

fn sql(path: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |source| sqlite_error(path, source)
}

/// The index text of a request: the folded words of each of its answers,
/// one answer a line, and a last line naming its requested State in the six
/// languages (the request keeps only its code), so that "Germany" and
/// "Allemagne" find a request to `DE`.
fn index_text(request: &Request) -> String {
    let mut lines: Vec<String> = interview::texts(request, Lang::En).iter().map(|unit| terms::indexed(&unit.source)).collect();
    let names: Vec<String> = Lang::ALL.iter().map(|l| crate::request::addressee::state_name(request, l.code())).collect();
    lines.push(terms::indexed(&names.join(" ")));
    lines.join("\n")
}

/// Puts the current state of draft `id` in the index, in place of what was
/// there (the caller's transaction).
pub(super) fn index(conn: &Connection, path: &Path, id: &str, request: &Request) -> Result<(), StoreError> {
    let row: i64 = conn
        .query_row(
            "INSERT INTO search_documents (draft_id) VALUES (?1)
             ON CONFLICT (draft_id) DO UPDATE SET draft_id = excluded.draft_id RETURNING id",
            [id],
            |row| row.get(0),
        )
        .map_err(sql(path))?;
    conn.execute("DELETE FROM search_index WHERE rowid = ?1", [row]).map_err(sql(path))?;
    conn.execute("INSERT INTO search_index (rowid, terms) VALUES (?1, ?2)", params![row, index_text(request)])
        .map_err(sql(path))?;
    Ok(())
}

/// Takes draft `id` out of the index (it goes to the bin).
pub(super) fn unindex(conn: &Connection, path: &Path, id: &str) -> Result<(), StoreError> {
    // The trigger `search_documents_deleted` removes its row of the index.
    conn.execute("DELETE FROM search_documents WHERE draft_id = ?1", [id]).map_err(sql(path))?;
    Ok(())
}

/// Indexes, from its stored document, the draft `id`.
pub(super) fn index_stored(conn: &Connection, path: &Path, id: &str) -> Result<(), StoreError> {
    let json: String = conn
        .query_row("SELECT document FROM drafts WHERE id = ?1", [id], |row| row.get(0))
        .optional()
        .map_err(sql(path))?
        .ok_or_else(|| StoreError::NotFound(id.to_string()))?;
    let request = read::parse_request(&json, &format!("draft {id}")).map_err(|source| StoreError::Corrupt { id: id.to_string(), source })?;
    index(conn, path, id, &request)
}

/// Indexes the drafts a migration listed in `search_pending` (those stored
/// before search existed) and empties the list, in the migration's
/// transaction. A draft whose document no longer parses stays out of the
/// index rather than stop the app from opening.
pub(super) fn index_pending(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let pending: Vec<String> = {
        let mut stmt = conn
            .prepare("SELECT p.draft_id FROM search_pending p JOIN drafts d ON d.id = p.draft_id WHERE d.deleted_at IS NULL")
            .map_err(sql(path))?;
        let rows = stmt.query_map([], |row| row.get(0)).map_err(sql(path))?;
        rows.collect::<Result<_, _>>().map_err(sql(path))?
    };
    for id in pending {
        match index_stored(conn, path, &id) {
            Ok(()) | Err(StoreError::Corrupt { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    conn.execute("DELETE FROM search_pending", []).map_err(sql(path))?;
    Ok(())
}

impl Store {
    /// The drafts not in the bin whose answers hold every word of `typed`
    /// (archived ones included, and said so), best match first, at most
    /// `limit`; for each, the answers the words are in, labelled in `lang`,
    /// with a snippet. What the user types is read as words, never as query
    /// syntax: quotes, stars, brackets and operators are only separators.
    pub fn search(&self, typed: &str, lang: Lang, limit: usize) -> Result<Vec<SearchResult>, StoreError> {
        let query = Query::parse(typed);
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let path = self.path();
        let mut stmt = self
            .conn
            .prepare(
                "SELECT d.id, d.title, d.created_at, d.updated_at, d.revision, d.archived_at IS NOT NULL, d.document
                 FROM search_index s
                 JOIN search_documents m ON m.id = s.rowid
                 JOIN drafts d ON d.id = m.draft_id
                 WHERE search_index MATCH ?1 AND d.deleted_at IS NULL
                 ORDER BY s.rank LIMIT ?2",
            )
            .map_err(sql(path))?;
        let rows = stmt
            .query_map(params![query.fts(), i64::try_from(limit).unwrap_or(i64::MAX)], |row| {
                Ok((summary_from(row)?, row.get::<_, bool>(5)?, row.get::<_, String>(6)?))
            })
            .map_err(sql(path))?;
        let mut results = Vec::new();
        for row in rows {
            let (draft, archived, json) = row.map_err(sql(path))?;
            let request = read::parse_request(&json, &format!("draft {}", draft.id))
                .map_err(|source| StoreError::Corrupt { id: draft.id.clone(), source })?;
            let mut found: Vec<(usize, SearchHit)> = interview::texts(&request, lang)
                .into_iter()
                .filter_map(|unit| {
                    let (phrases, snippet) = query.find(&unit.source)?;
                    Some((phrases, SearchHit { snippet, path: unit.id, label: unit.label }))
                })
                .collect();
            // The answers holding the most words of the query first, then in
            // wizard order (the sort is stable).
            found.sort_by(|a, b| b.0.cmp(&a.0));
            let hits = found.into_iter().take(HITS_PER_DRAFT).map(|(_, hit)| hit).collect();
            results.push(SearchResult { draft, archived, hits });
        }
        Ok(results)
    }
}
