//! The log of packages sent and taken in for each shared request: their
//! round, sequence and base revision, so that a replayed or stale package is
//! recognised and a reply is matched with the package it answers.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::codec::{from_json, from_key, key, to_json};
use super::ConsultationError;
use crate::exchange::thread::Participant;
use crate::store::{Store, StoreTransaction};

/// Whether a package left or came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Direction {
    /// Made here and handed to the package layer.
    Sent,
    /// Taken in from the other side.
    Received,
}

/// One package of a consultation, as this side recorded it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PackageRecord {
    /// Package id (UUID).
    pub id: String,
    /// Whether it left or came in.
    pub direction: Direction,
    /// Who made it.
    pub sender: Participant,
    /// Whom it was made for.
    pub recipients: Vec<Participant>,
    /// The round it belongs to: the sequence of the originator's package
    /// that opened the round (a reply belongs to the round it answers).
    #[ts(type = "number")]
    pub round: u64,
    /// Its place among its sender's packages for this request, from 1.
    #[ts(type = "number")]
    pub sequence: u64,
    /// The originator's revision it is based on.
    #[ts(type = "number")]
    pub base_revision: i64,
    /// The package it answers.
    pub answers: Option<String>,
    /// Whether the originator made it.
    pub from_originator: bool,
    /// The note for the recipients.
    pub note: String,
    /// When it was made, as its sender says, RFC 3339 UTC.
    pub created_at: String,
    /// When it was sent or taken in here, RFC 3339 UTC.
    pub recorded_at: String,
}

const COLUMNS: &str = "id, direction, sender, recipients, round, sequence, base_revision, answers, from_originator, note, \
                       created_at, recorded_at, draft_id";

type Row = (String, String, String, String, i64, i64, i64, Option<String>, bool, String, String, String, String);

fn read_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
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
        row.get(12)?,
    ))
}

/// A stored package and the draft it belongs to.
fn decode(row: Row) -> Result<(String, PackageRecord), ConsultationError> {
    let (id, direction, sender, recipients, round, sequence, base_revision, answers, from_originator, note, created_at, recorded_at, draft_id) =
        row;
    let record = PackageRecord {
        direction: from_key(&direction, &draft_id, &format!("direction of package {id}"))?,
        sender: from_json(&sender, &draft_id, &format!("sender of package {id}"))?,
        recipients: from_json(&recipients, &draft_id, &format!("recipients of package {id}"))?,
        round: round as u64,
        sequence: sequence as u64,
        id,
        base_revision,
        answers,
        from_originator,
        note,
        created_at,
        recorded_at,
    };
    Ok((draft_id, record))
}

/// Records a package of draft `draft_id`.
pub(super) fn insert(tx: &StoreTransaction<'_>, draft_id: &str, p: &PackageRecord) -> Result<(), ConsultationError> {
    tx.connection()
        .execute(
            &format!("INSERT INTO exchange_packages ({COLUMNS}, sender_fingerprint) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"),
            params![
                p.id,
                key(&p.direction),
                to_json(&p.sender),
                to_json(&p.recipients),
                p.round as i64,
                p.sequence as i64,
                p.base_revision,
                p.answers,
                p.from_originator,
                p.note,
                p.created_at,
                p.recorded_at,
                draft_id,
                p.sender.fingerprint,
            ],
        )
        .map_err(ConsultationError::database(tx.path()))?;
    Ok(())
}

/// The package with this id, wherever it belongs, with its draft.
pub(super) fn by_id(tx: &StoreTransaction<'_>, id: &str) -> Result<Option<(String, PackageRecord)>, ConsultationError> {
    let row = tx
        .connection()
        .query_row(&format!("SELECT {COLUMNS} FROM exchange_packages WHERE id = ?1"), [id], read_row)
        .optional()
        .map_err(ConsultationError::database(tx.path()))?;
    row.map(decode).transpose()
}

/// The packages of a draft, in the order they were recorded.
pub(super) fn of_draft(tx: &StoreTransaction<'_>, draft_id: &str) -> Result<Vec<PackageRecord>, ConsultationError> {
    let rows: Vec<Row> = {
        let mut stmt = tx
            .connection()
            .prepare(&format!("SELECT {COLUMNS} FROM exchange_packages WHERE draft_id = ?1 ORDER BY rowid"))
            .map_err(ConsultationError::database(tx.path()))?;
        let rows = stmt.query_map([draft_id], read_row).map_err(ConsultationError::database(tx.path()))?;
        rows.collect::<Result<_, _>>().map_err(ConsultationError::database(tx.path()))?
    };
    rows.into_iter().map(|row| decode(row).map(|(_, record)| record)).collect()
}

/// The sequence the next package sent for this draft gets.
pub(super) fn next_sequence(tx: &StoreTransaction<'_>, draft_id: &str) -> Result<u64, ConsultationError> {
    let last: i64 = tx
        .connection()
        .query_row(
            "SELECT COALESCE(MAX(sequence), 0) FROM exchange_packages WHERE draft_id = ?1 AND direction = 'sent'",
            [draft_id],
            |row| row.get(0),
        )
        .map_err(ConsultationError::database(tx.path()))?;
    Ok(last as u64 + 1)
}

/// The round the consultation of this draft is in: the highest round of
/// any package sent or taken in (0 before the first).
pub(super) fn current_round(tx: &StoreTransaction<'_>, draft_id: &str) -> Result<u64, ConsultationError> {
    let round: i64 = tx
        .connection()
        .query_row("SELECT COALESCE(MAX(round), 0) FROM exchange_packages WHERE draft_id = ?1", [draft_id], |row| row.get(0))
        .map_err(ConsultationError::database(tx.path()))?;
    Ok(round as u64)
}

/// Every package of draft `draft_id`, sent or taken in, oldest first.
pub fn packages(store: &mut Store, draft_id: &str) -> Result<Vec<PackageRecord>, ConsultationError> {
    let tx = store.begin()?;
    tx.load_draft(draft_id)?;
    of_draft(&tx, draft_id)
}
