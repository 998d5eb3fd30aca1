//! The history of a shared request: who did what, to which field, when, in
//! which round and from which package. Both sides keep their own.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::codec::{from_json, from_key, key, to_json};
use super::ConsultationError;
use crate::exchange::thread::Participant;
use crate::store::{Store, StoreTransaction};

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Action {
    /// A package was made for the other side.
    Sent,
    /// A package from the other side was taken in.
    Received,
    /// The request was replaced by the originator's newer revision
    /// (counterpart's side).
    Updated,
    /// A comment was written.
    Commented,
    /// A comment was answered.
    Answered,
    /// A comment was resolved.
    Resolved,
    /// An edit was suggested.
    Suggested,
    /// A suggested edit was accepted (its value, or the value chosen in a
    /// conflict, was written).
    Accepted,
    /// A suggested edit was rejected.
    Rejected,
}

/// One entry of a shared request's history.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct HistoryEntry {
    /// Its place in the history, from 1.
    #[ts(type = "number")]
    pub number: i64,
    /// When, RFC 3339 UTC.
    pub at: String,
    /// Who.
    pub actor: Participant,
    /// What.
    pub action: Action,
    /// The field concerned (dotted path); "" for the request as a whole.
    pub field: String,
    /// The comment, suggestion or package concerned.
    pub subject: Option<String>,
    /// The round of the consultation it belongs to.
    #[ts(type = "number")]
    pub round: u64,
    /// The package it came from, or that carried it.
    pub package_id: Option<String>,
    /// The revision of the request it wrote, if any.
    #[ts(type = "number | null")]
    pub revision: Option<i64>,
}

/// An entry to record.
pub(super) struct Event<'a> {
    /// When, RFC 3339 UTC.
    pub at: &'a str,
    /// Who.
    pub actor: &'a Participant,
    /// What.
    pub action: Action,
    /// The field concerned.
    pub field: &'a str,
    /// The comment, suggestion or package concerned.
    pub subject: Option<&'a str>,
    /// The round.
    pub round: u64,
    /// The package it came from.
    pub package_id: Option<&'a str>,
    /// The revision written.
    pub revision: Option<i64>,
}

/// Appends an entry to the history of draft `draft_id`.
pub(super) fn record(tx: &StoreTransaction<'_>, draft_id: &str, e: Event<'_>) -> Result<(), ConsultationError> {
    tx.connection()
        .execute(
            "INSERT INTO exchange_events (draft_id, number, at, actor, action, field, subject, round, package_id, revision)
             VALUES (?1, (SELECT COALESCE(MAX(number), 0) + 1 FROM exchange_events WHERE draft_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![draft_id, e.at, to_json(e.actor), key(&e.action), e.field, e.subject, e.round as i64, e.package_id, e.revision],
        )
        .map_err(ConsultationError::database(tx.path()))?;
    Ok(())
}

/// The revisions of a draft written from a package, with that package: the
/// origin of each revision in the lineage.
pub(super) fn revisions_from_packages(tx: &StoreTransaction<'_>, draft_id: &str) -> Result<Vec<(i64, String)>, ConsultationError> {
    let mut stmt = tx
        .connection()
        .prepare(
            "SELECT revision, package_id FROM exchange_events
             WHERE draft_id = ?1 AND revision IS NOT NULL AND package_id IS NOT NULL ORDER BY number",
        )
        .map_err(ConsultationError::database(tx.path()))?;
    let rows = stmt.query_map([draft_id], |row| Ok((row.get(0)?, row.get(1)?))).map_err(ConsultationError::database(tx.path()))?;
    rows.collect::<Result<_, _>>().map_err(ConsultationError::database(tx.path()))
}

type Row = (i64, String, String, String, String, Option<String>, i64, Option<String>, Option<i64>);

/// The history of draft `draft_id`, oldest first (empty for a draft that is
/// not shared).
pub fn history(store: &mut Store, draft_id: &str) -> Result<Vec<HistoryEntry>, ConsultationError> {
    let tx = store.begin()?;
    tx.load_draft(draft_id)?;
    let rows: Vec<Row> = {
        let mut stmt = tx
            .connection()
            .prepare(
                "SELECT number, at, actor, action, field, subject, round, package_id, revision
                 FROM exchange_events WHERE draft_id = ?1 ORDER BY number",
            )
            .map_err(ConsultationError::database(tx.path()))?;
        let rows = stmt
            .query_map([draft_id], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?, row.get(6)?, row.get(7)?, row.get(8)?))
            })
            .map_err(ConsultationError::database(tx.path()))?;
        rows.collect::<Result<_, _>>().map_err(ConsultationError::database(tx.path()))?
    };
    rows.into_iter()
        .map(|(number, at, actor, action, field, subject, round, package_id, revision)| {
            Ok(HistoryEntry {
                actor: from_json(&actor, draft_id, &format!("actor of history entry {number}"))?,
                action: from_key(&action, draft_id, &format!("action of history entry {number}"))?,
                number,
                at,
                field,
                subject,
                round: round as u64,
                package_id,
                revision,
            })
        })
        .collect()
}
