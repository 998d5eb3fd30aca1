//! Shared requests: which drafts take part in a consultation, on which side,
//! with whom, and where the consultation stands.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::codec::{from_json, from_key, key, to_json};
use super::ConsultationError;
use crate::exchange::thread::{LineageEntry, Participant};
use crate::store::{Store, StoreTransaction};

/// Which side of a consultation a draft is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Role {
    /// The draft is our own request, sent for consultation.
    Originator,
    /// The draft is the other side's request, received for comments.
    Counterpart,
}

/// Where a consultation stands on this side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SharedStatus {
    /// Originator: sent, waiting for the counterpart's reply.
    InConsultation,
    /// Originator: a reply came back and waits for review.
    ReplyReceived,
    /// Counterpart: the request came in and waits for comments.
    Received,
    /// Counterpart: the reply was sent.
    Replied,
}

/// A draft that takes part in a consultation.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SharedRequest {
    /// The local draft.
    pub draft_id: String,
    /// Id of the shared request: the originator's draft id, the same on both
    /// sides.
    pub request_id: String,
    /// Which side this is.
    pub role: Role,
    /// This side's participant, as last used.
    pub me: Participant,
    /// Who drafted the request.
    pub originator: Participant,
    /// Everyone it was sent to (on the counterpart's side: this side).
    pub counterparts: Vec<Participant>,
    /// Where the consultation stands.
    pub status: SharedStatus,
    /// Counterpart: the originator's revision last received.
    #[ts(type = "number | null")]
    pub received_revision: Option<i64>,
    /// Counterpart: the local revision that holds it.
    #[ts(type = "number | null")]
    pub received_local_revision: Option<i64>,
    /// Counterpart: the revisions the request went through on the
    /// originator's side, as last received (empty on the originator's side,
    /// where the store's revisions are the lineage).
    pub lineage: Vec<LineageEntry>,
    /// When the consultation last changed, RFC 3339 UTC.
    pub updated_at: String,
}

const COLUMNS: &str = "draft_id, request_id, role, me, originator, counterparts, status, received_revision, \
                       received_local_revision, lineage, updated_at";

type Row = (String, String, String, String, String, String, String, Option<i64>, Option<i64>, Option<String>, String);

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
    ))
}

fn decode(row: Row) -> Result<SharedRequest, ConsultationError> {
    let (draft_id, request_id, role, me, originator, counterparts, status, received_revision, received_local_revision, lineage, updated_at) =
        row;
    Ok(SharedRequest {
        role: from_key(&role, &draft_id, "role of the shared request")?,
        me: from_json(&me, &draft_id, "participant of this side")?,
        originator: from_json(&originator, &draft_id, "originator")?,
        counterparts: from_json(&counterparts, &draft_id, "counterparts")?,
        status: from_key(&status, &draft_id, "status of the shared request")?,
        lineage: match lineage {
            Some(text) => from_json(&text, &draft_id, "lineage")?,
            None => Vec::new(),
        },
        draft_id,
        request_id,
        received_revision,
        received_local_revision,
        updated_at,
    })
}

/// The shared request of a local draft, if it is shared.
pub(super) fn load(tx: &StoreTransaction<'_>, draft_id: &str) -> Result<Option<SharedRequest>, ConsultationError> {
    let row = tx
        .connection()
        .query_row(&format!("SELECT {COLUMNS} FROM shared_requests WHERE draft_id = ?1"), [draft_id], read_row)
        .optional()
        .map_err(ConsultationError::database(tx.path()))?;
    row.map(decode).transpose()
}

/// The shared request of a local draft; an error when it is not shared.
pub(super) fn require(tx: &StoreTransaction<'_>, draft_id: &str) -> Result<SharedRequest, ConsultationError> {
    tx.load_draft(draft_id)?;
    load(tx, draft_id)?.ok_or_else(|| ConsultationError::NotShared(draft_id.to_string()))
}

/// The local draft holding shared request `request_id` on side `role`.
pub(super) fn find(tx: &StoreTransaction<'_>, request_id: &str, role: Role) -> Result<Option<SharedRequest>, ConsultationError> {
    let row = tx
        .connection()
        .query_row(
            &format!("SELECT {COLUMNS} FROM shared_requests WHERE request_id = ?1 AND role = ?2"),
            params![request_id, key(&role)],
            read_row,
        )
        .optional()
        .map_err(ConsultationError::database(tx.path()))?;
    row.map(decode).transpose()
}

/// Writes a shared request (new or changed).
pub(super) fn save(tx: &StoreTransaction<'_>, shared: &SharedRequest) -> Result<(), ConsultationError> {
    let lineage = (shared.role == Role::Counterpart).then(|| to_json(&shared.lineage));
    tx.connection()
        .execute(
            &format!(
                "INSERT INTO shared_requests ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT (draft_id) DO UPDATE SET me = ?4, originator = ?5, counterparts = ?6, status = ?7,
                 received_revision = ?8, received_local_revision = ?9, lineage = ?10, updated_at = ?11"
            ),
            params![
                shared.draft_id,
                shared.request_id,
                key(&shared.role),
                to_json(&shared.me),
                to_json(&shared.originator),
                to_json(&shared.counterparts),
                key(&shared.status),
                shared.received_revision,
                shared.received_local_revision,
                lineage,
                shared.updated_at,
            ],
        )
        .map_err(ConsultationError::database(tx.path()))?;
    Ok(())
}

/// Adds participants not yet listed (by fingerprint), keeping the order.
pub(super) fn add_counterparts(list: &mut Vec<Participant>, more: &[Participant]) {
    for p in more {
        match list.iter_mut().find(|known| known.fingerprint == p.fingerprint) {
            Some(known) => *known = p.clone(),
            None => list.push(p.clone()),
        }
    }
}

/// The shared request of draft `draft_id`, or `None` when the draft is not
/// shared.
pub fn shared_request(store: &mut Store, draft_id: &str) -> Result<Option<SharedRequest>, ConsultationError> {
    let tx = store.begin()?;
    load(&tx, draft_id)
}

/// Every shared request, most recently changed first.
pub fn shared_requests(store: &mut Store) -> Result<Vec<SharedRequest>, ConsultationError> {
    let tx = store.begin()?;
    let rows: Vec<Row> = {
        let mut stmt = tx
            .connection()
            .prepare(&format!("SELECT {COLUMNS} FROM shared_requests ORDER BY updated_at DESC, rowid DESC"))
            .map_err(ConsultationError::database(tx.path()))?;
        let rows = stmt.query_map([], read_row).map_err(ConsultationError::database(tx.path()))?;
        rows.collect::<Result<_, _>>().map_err(ConsultationError::database(tx.path()))?
    };
    rows.into_iter().map(decode).collect()
}
