//! The case register: where each request stands, what falls due, and how
//! requests are linked. What the register lists is derived from each
//! draft's request on every save (columns of `drafts`, the `deadlines`
//! table), so that listing, filtering, sorting and the dashboard are indexed
//! queries that never read a document.
//!
//! Architecture invariants: the derived data are written in the transaction
//! of the save that changes the request, so they never disagree with it;
//! nothing here reads the clock (the dashboard is given its day).

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};
use time::{Date, Duration};
use ts_rs::TS;

use super::{sqlite_error, timestamp, SaveReceipt, Store, StoreError};
use crate::request::deadlines::{deadlines, parse_day, DueKind};
use crate::request::{read, Request, RequestKind, RequestStatus, StatusChange};

/// Version of the rules that derive the register's data from a request.
/// When it grows, every draft's derived data are written again on the next
/// open for writing.
const DERIVED_VERSION: i64 = 2;

/// Most rows a page of the register holds.
pub const MAX_PAGE_SIZE: u32 = 200;

/// Most entries each part of the dashboard lists (its count is exact).
pub const DASHBOARD_LIMIT: u32 = 50;

/// A column the register can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RegisterColumn {
    /// The draft's title.
    Title,
    /// The kind of request.
    Kind,
    /// The requested State.
    State,
    /// The current status.
    Status,
    /// The date of the current status.
    StatusDate,
    /// The next deadline (requests without one last).
    NextDeadline,
    /// When it was created.
    CreatedAt,
    /// When it was last saved.
    #[default]
    UpdatedAt,
}

impl RegisterColumn {
    fn sql(self) -> &'static str {
        match self {
            RegisterColumn::Title => "title",
            RegisterColumn::Kind => "kind",
            RegisterColumn::State => "req_state",
            RegisterColumn::Status => "status",
            RegisterColumn::StatusDate => "status_date",
            RegisterColumn::NextDeadline => "next_deadline",
            RegisterColumn::CreatedAt => "created_at",
            RegisterColumn::UpdatedAt => "updated_at",
        }
    }
}

/// Which requests a page of the register shows, in what order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct RegisterQuery {
    /// Only requests with this status.
    pub status: Option<RequestStatus>,
    /// Only requests of this kind.
    pub kind: Option<RequestKind>,
    /// Only requests to this State (as typed, compared without case).
    pub state: Option<String>,
    /// Only requests whose status dates from this day on, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Only requests whose status dates from this day or before, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Only requests with a deadline on or before this day, `YYYY-MM-DD`.
    pub due_by: Option<String>,
    /// Sort column.
    pub sort: RegisterColumn,
    /// The order of States a sort by State follows: their codes, as the
    /// interface lists them (by name in its language, as that language
    /// sorts). A request to a State not in it (text of an older draft, no
    /// State yet) comes after those to the States in it, by its text.
    /// Empty: by code. The register never words a State itself, so the
    /// order of names is the interface's, from the list it names them by.
    pub state_order: Vec<String>,
    /// Sort in descending order.
    pub descending: bool,
    /// Page number, from 0.
    pub page: u32,
    /// Rows per page (at most [`MAX_PAGE_SIZE`]; 0 means 50).
    pub page_size: u32,
}

/// One request as the register lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RegisterEntry {
    /// Draft id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Kind of request.
    pub kind: RequestKind,
    /// Requested State, as typed.
    pub req_state: String,
    /// Current status.
    pub status: RequestStatus,
    /// Date of the current status, `YYYY-MM-DD` (the day it was created while drafting).
    pub status_date: String,
    /// The counterpart's latest reference, if any.
    pub counterpart_ref: String,
    /// The earliest deadline, `YYYY-MM-DD`, if any.
    pub next_deadline: Option<String>,
    /// When it was last saved, RFC 3339 UTC.
    pub updated_at: String,
}

/// One page of the register.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RegisterPage {
    /// The rows, in order.
    pub entries: Vec<RegisterEntry>,
    /// This page's number, from 0.
    pub page: u32,
    /// Whether another page follows.
    pub has_more: bool,
}

/// A deadline of one request, on the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DueEntry {
    /// Draft id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Current status.
    pub status: RequestStatus,
    /// What falls due.
    pub due: DueKind,
    /// When, `YYYY-MM-DD`.
    pub date: String,
}

/// Deadlines of one part of the dashboard: how many, and the first of them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DueList {
    /// How many there are in all.
    pub count: u32,
    /// The first [`DASHBOARD_LIMIT`] of them, most pressing first.
    pub entries: Vec<DueEntry>,
}

/// The requests waiting on the counterpart: how many, and the first of them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WaitingList {
    /// How many there are in all.
    pub count: u32,
    /// The first [`DASHBOARD_LIMIT`] of them, longest waiting first.
    pub entries: Vec<RegisterEntry>,
}

/// What needs attention on a given day.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Dashboard {
    /// The day it is for, `YYYY-MM-DD`.
    pub today: String,
    /// Deadlines already past, most recent first.
    pub overdue: DueList,
    /// Deadlines from today to 7 days on.
    pub within_7_days: DueList,
    /// Deadlines from 8 to 30 days on.
    pub within_30_days: DueList,
    /// Requests on which the counterpart owes an answer, longest waiting first.
    pub waiting_on_counterpart: WaitingList,
}

/// How two requests are linked. A link goes from the earlier request to the
/// later one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LinkKind {
    /// A preservation request and the MLA request that follows it.
    FollowUp,
    /// A request and a supplement to it.
    Supplement,
    /// A request and the reply received to it.
    Reply,
}

impl LinkKind {
    /// Every kind of link.
    pub const ALL: &'static [LinkKind] = &[LinkKind::FollowUp, LinkKind::Supplement, LinkKind::Reply];

    /// The key stored and shown on the command line.
    pub fn key(self) -> &'static str {
        match self {
            LinkKind::FollowUp => "follow_up",
            LinkKind::Supplement => "supplement",
            LinkKind::Reply => "reply",
        }
    }
}

/// A link seen from one of its requests.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DraftLink {
    /// How they are linked.
    pub kind: LinkKind,
    /// Whether this request is the later one (the follow-up, the supplement, the reply).
    pub incoming: bool,
    /// The other request's draft id.
    pub other_id: String,
    /// The other request's title.
    pub other_title: String,
    /// When the link was made, RFC 3339 UTC.
    pub created_at: String,
}

fn sql(path: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |source| sqlite_error(path, source)
}

fn status_from(key: &str) -> RequestStatus {
    RequestStatus::ALL.iter().copied().find(|s| s.key() == key).unwrap_or(RequestStatus::Drafting)
}

fn kind_from(key: &str) -> RequestKind {
    RequestKind::ALL.iter().copied().find(|k| k.key() == key).unwrap_or_default()
}

fn due_from(key: &str) -> DueKind {
    DueKind::ALL.iter().copied().find(|k| k.key() == key).unwrap_or(DueKind::Execution)
}

/// Writes what the register derives from `request` for draft `id`, created
/// `created_at`: status, its date, State, reference, deadlines.
pub(super) fn write_derived(conn: &Connection, path: &Path, id: &str, request: &Request, created_at: &str) -> Result<(), StoreError> {
    let latest = request.consult.latest_status();
    let status = request.consult.status();
    let status_date = latest
        .and_then(|c| parse_day(&c.date))
        .map(|d| d.to_string())
        .unwrap_or_else(|| created_at.get(..10).unwrap_or_default().to_string());
    let counterpart_ref =
        request.consult.status_log.iter().rev().map(|c| c.counterpart_ref.trim()).find(|r| !r.is_empty()).unwrap_or_default();
    let due = deadlines(request);
    conn.execute(
        "UPDATE drafts SET status = ?2, status_date = ?3, req_state = ?4, counterpart_ref = ?5, next_deadline = ?6, waiting = ?7 WHERE id = ?1",
        params![
            id,
            status.key(),
            status_date,
            request.req_state.trim(),
            counterpart_ref,
            due.first().map(|d| d.date.to_string()),
            status.waits_on_counterpart(),
        ],
    )
    .map_err(sql(path))?;
    conn.execute("DELETE FROM deadlines WHERE draft_id = ?1", [id]).map_err(sql(path))?;
    let mut insert = conn.prepare_cached("INSERT OR REPLACE INTO deadlines (draft_id, kind, date) VALUES (?1, ?2, ?3)").map_err(sql(path))?;
    for d in due {
        insert.execute(params![id, d.kind.key(), d.date.to_string()]).map_err(sql(path))?;
    }
    Ok(())
}

/// Brings every draft's derived data up to [`DERIVED_VERSION`], in one
/// transaction, when an older version wrote them (a database from before
/// the register, or before a change of the rules).
pub(super) fn refresh_derived(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let version = |conn: &Connection| -> Result<i64, StoreError> {
        conn.query_row("SELECT version FROM register_derived", [], |row| row.get(0)).map_err(sql(path))
    };
    if version(conn)? >= DERIVED_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(sql(path))?;
    if version(&tx)? < DERIVED_VERSION {
        let drafts: Vec<(String, String, String)> = {
            let mut stmt = tx.prepare("SELECT id, created_at, document FROM drafts").map_err(sql(path))?;
            let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?))).map_err(sql(path))?;
            rows.collect::<Result<_, _>>().map_err(sql(path))?
        };
        for (id, created_at, document) in drafts {
            // A document that no longer reads keeps the defaults; opening it
            // reports what is wrong.
            if let Ok(request) = read::parse_request(&document, &format!("draft {id}")) {
                write_derived(&tx, path, &id, &request, &created_at)?;
            }
        }
        tx.execute("UPDATE register_derived SET version = ?1", [DERIVED_VERSION]).map_err(sql(path))?;
    }
    tx.commit().map_err(sql(path))
}

const ENTRY_COLUMNS: &str = "id, title, kind, req_state, status, status_date, counterpart_ref, next_deadline, updated_at";

fn entry_from(row: &rusqlite::Row<'_>) -> rusqlite::Result<RegisterEntry> {
    Ok(RegisterEntry {
        id: row.get(0)?,
        title: row.get(1)?,
        kind: kind_from(&row.get::<_, String>(2)?),
        req_state: row.get(3)?,
        status: status_from(&row.get::<_, String>(4)?),
        status_date: row.get(5)?,
        counterpart_ref: row.get(6)?,
        next_deadline: row.get(7)?,
        updated_at: row.get(8)?,
    })
}

/// A date given to a query, checked, as stored.
fn query_day(text: &str, what: &str) -> Result<String, StoreError> {
    parse_day(text)
        .filter(|_| text.trim().len() == 10)
        .map(|d| d.to_string())
        .ok_or_else(|| StoreError::Query(format!("{what}: expected a date as YYYY-MM-DD, found {text:?}")))
}

/// The drafts the register and the dashboard show: neither archived nor in the bin.
const ON_REGISTER: &str = "archived_at IS NULL AND deleted_at IS NULL";
/// [`ON_REGISTER`] for the drafts table named `d`.
const ON_REGISTER_D: &str = "d.archived_at IS NULL AND d.deleted_at IS NULL";

/// The SQL that counts the deadlines in `range` (a condition on `date`) of
/// the drafts on the register: every deadline in the range, counted in the
/// index of dates alone, less those of the drafts archived or in the bin,
/// found from the few such drafts (named by `INDEXED BY`, and `CROSS JOIN`
/// keeps SQLite from starting at the deadlines). Joining each
/// deadline to its draft instead costs a look-up per deadline, which grows
/// with the register (27 ms at 100,000 requests).
fn due_count(range: &str) -> String {
    format!(
        "SELECT (SELECT count(*) FROM deadlines WHERE {range}) - \
         (SELECT count(*) FROM drafts d INDEXED BY drafts_off_register CROSS JOIN deadlines l ON l.draft_id = d.id WHERE ({OFF_REGISTER_D}) AND {})",
        range.replace("date", "l.date")
    )
}

/// Drafts archived or in the bin, for the drafts table named `d`: the
/// condition of the partial index `drafts_off_register`.
const OFF_REGISTER_D: &str = "d.archived_at IS NOT NULL OR d.deleted_at IS NOT NULL";

fn day_after(today: Date, days: i64) -> String {
    today.checked_add(Duration::days(days)).unwrap_or(Date::MAX).to_string()
}

/// The SQL of a page of the register, its values, and the page's size.
struct PageStatement {
    sql: String,
    values: Vec<String>,
    size: u32,
}

/// The statement that reads the page `query` asks for.
fn page_statement(query: &RegisterQuery) -> Result<PageStatement, StoreError> {
    let mut conditions: Vec<String> = Vec::new();
    let mut values: Vec<String> = Vec::new();
    let mut bind = |condition: &str, value: String, values: &mut Vec<String>| {
        values.push(value);
        conditions.push(condition.replace('?', &format!("?{}", values.len())));
    };
    if let Some(status) = query.status {
        bind("status = ?", status.key().to_string(), &mut values);
    }
    if let Some(kind) = query.kind {
        bind("kind = ?", kind.key().to_string(), &mut values);
    }
    if let Some(state) = query.state.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        bind("req_state = ? COLLATE NOCASE", state.to_string(), &mut values);
    }
    // The indexes of the last save and of the next deadline carry the dates
    // a range filters on. Sorted by either, a range on another column is
    // written `+column`: SQLite then checks it in the sort's index instead
    // of searching by the range and sorting every draft in it, each read
    // from the table.
    let carries_dates = matches!(query.sort, RegisterColumn::UpdatedAt | RegisterColumn::NextDeadline);
    let range = |column: RegisterColumn| {
        if carries_dates && query.sort != column {
            format!("+{}", column.sql())
        } else {
            column.sql().to_string()
        }
    };
    if let Some(from) = &query.from {
        bind(&format!("{} >= ?", range(RegisterColumn::StatusDate)), query_day(from, "from")?, &mut values);
    }
    if let Some(to) = &query.to {
        bind(&format!("{} <= ?", range(RegisterColumn::StatusDate)), query_day(to, "to")?, &mut values);
    }
    if let Some(due_by) = &query.due_by {
        bind(&format!("{} <= ?", range(RegisterColumn::NextDeadline)), query_day(due_by, "due by")?, &mut values);
    }
    // Archived drafts and drafts in the bin are off the register, as they
    // are off the list of drafts.
    conditions.push(ON_REGISTER.to_string());
    let filter = format!("WHERE {}", conditions.join(" AND "));
    let direction = if query.descending { "DESC" } else { "ASC" };
    // Sorted by State in the order given: each draft's State's place in
    // it (a State not in it after them all, by its text).
    let (from, order) = if query.sort == RegisterColumn::State && !query.state_order.is_empty() {
        values.push(serde_json::to_string(&query.state_order).expect("codes serialise"));
        let from = format!("drafts LEFT JOIN (SELECT value AS state_code, key AS state_rank FROM json_each(?{})) ON state_code = req_state", values.len());
        (from, format!("state_rank IS NULL {direction}, state_rank {direction}, req_state {direction}"))
    } else {
        // Written as `NULLS LAST` (not as a sort on `next_deadline IS NULL`),
        // SQLite reads the deadline's index in order, the nulls after.
        let nulls_last = if query.sort == RegisterColumn::NextDeadline { " NULLS LAST" } else { "" };
        ("drafts".to_string(), format!("{} {direction}{nulls_last}", query.sort.sql()))
    };
    let size = match query.page_size {
        0 => 50,
        n => n.min(MAX_PAGE_SIZE),
    };
    let offset = u64::from(query.page) * u64::from(size);
    let statement = format!(
        "SELECT {ENTRY_COLUMNS} FROM {from} {filter} ORDER BY {order}, id {direction} LIMIT {} OFFSET {offset}",
        size + 1
    );
    Ok(PageStatement { sql: statement, values, size })
}

impl Store {
    /// One page of the register: the requests `query` selects, in its order.
    pub fn register_page(&self, query: &RegisterQuery) -> Result<RegisterPage, StoreError> {
        let PageStatement { sql: statement, values, size } = page_statement(query)?;
        let mut stmt = self.conn.prepare(&statement).map_err(|e| self.sql(e))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values.iter()), entry_from).map_err(|e| self.sql(e))?;
        let mut entries: Vec<RegisterEntry> = rows.collect::<Result<_, _>>().map_err(|e| self.sql(e))?;
        let has_more = entries.len() > size as usize;
        entries.truncate(size as usize);
        Ok(RegisterPage { entries, page: query.page, has_more })
    }

    /// What needs attention on `today`: deadlines overdue, due within 7 days
    /// and within 30 days, and requests waiting on the counterpart.
    pub fn dashboard(&self, today: Date) -> Result<Dashboard, StoreError> {
        let day = today.to_string();
        let (in_7, in_30) = (day_after(today, 7), day_after(today, 30));
        let due = |range: &str, order: &str, bounds: &[&str]| -> Result<DueList, StoreError> {
            let count: u32 =
                self.conn.query_row(&due_count(range), rusqlite::params_from_iter(bounds), |row| row.get(0)).map_err(|e| self.sql(e))?;
            let mut stmt = self
                .conn
                .prepare_cached(&format!(
                    "SELECT d.id, d.title, d.status, l.kind, l.date FROM deadlines l JOIN drafts d ON d.id = l.draft_id \
                     WHERE {} AND {ON_REGISTER_D} ORDER BY l.date {order}, d.id LIMIT {DASHBOARD_LIMIT}",
                    range.replace("date", "l.date")
                ))
                .map_err(|e| self.sql(e))?;
            let rows = stmt
                .query_map(rusqlite::params_from_iter(bounds), |row| {
                    Ok(DueEntry {
                        id: row.get(0)?,
                        title: row.get(1)?,
                        status: status_from(&row.get::<_, String>(2)?),
                        due: due_from(&row.get::<_, String>(3)?),
                        date: row.get(4)?,
                    })
                })
                .map_err(|e| self.sql(e))?;
            Ok(DueList { count, entries: rows.collect::<Result<_, _>>().map_err(|e| self.sql(e))? })
        };
        let overdue = due("date < ?1", "DESC", &[&day])?;
        let within_7_days = due("date >= ?1 AND date <= ?2", "ASC", &[&day, &in_7])?;
        let within_30_days = due("date > ?1 AND date <= ?2", "ASC", &[&in_7, &in_30])?;
        let count: u32 =
            self.conn.query_row(&format!("SELECT count(*) FROM drafts WHERE waiting = 1 AND {ON_REGISTER}"), [], |row| row.get(0)).map_err(|e| self.sql(e))?;
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {ENTRY_COLUMNS} FROM drafts WHERE waiting = 1 AND {ON_REGISTER} ORDER BY status_date, id LIMIT {DASHBOARD_LIMIT}"))
            .map_err(|e| self.sql(e))?;
        let rows = stmt.query_map([], entry_from).map_err(|e| self.sql(e))?;
        let waiting_on_counterpart = WaitingList { count, entries: rows.collect::<Result<_, _>>().map_err(|e| self.sql(e))? };
        Ok(Dashboard { today: day, overdue, within_7_days, within_30_days, waiting_on_counterpart })
    }

    /// Records a change of status of draft `id`: appended to its status
    /// log (`consult.status_log`) and saved as a new revision. The status
    /// and a date (`YYYY-MM-DD`) are required.
    pub fn set_status(&mut self, id: &str, change: StatusChange) -> Result<SaveReceipt, StoreError> {
        let refuse = |reason: String| StoreError::StatusChange { id: id.to_string(), reason };
        if change.status.is_none() {
            return Err(refuse("no status given".into()));
        }
        query_day(&change.date, "date").map_err(|_| refuse(format!("expected the date as YYYY-MM-DD, found {:?}", change.date)))?;
        let tx = self.begin()?;
        let mut request = tx.load_draft(id)?.request;
        request.consult.status_log.push(StatusChange {
            status: change.status,
            date: change.date.trim().to_string(),
            counterpart_ref: change.counterpart_ref.trim().to_string(),
            note: change.note.trim().to_string(),
        });
        let receipt = super::transaction::save_draft(tx.connection(), tx.path(), id, &request, &super::now())?;
        tx.commit()?;
        Ok(receipt)
    }

    /// Links draft `from` to the later draft `to` (a follow-up, a
    /// supplement, a reply), made `at`. Linking twice changes nothing.
    pub fn link_drafts(&mut self, from: &str, to: &str, kind: LinkKind, at: time::OffsetDateTime) -> Result<(), StoreError> {
        let tx = self.begin()?;
        link(tx.connection(), tx.path(), from, to, kind, &timestamp(at))?;
        tx.commit()
    }

    /// Every link of draft `id`, either way, oldest first.
    pub fn links(&self, id: &str) -> Result<Vec<DraftLink>, StoreError> {
        let exists: Option<i64> =
            self.conn.query_row("SELECT 1 FROM drafts WHERE id = ?1", [id], |row| row.get(0)).optional().map_err(|e| self.sql(e))?;
        if exists.is_none() {
            return Err(StoreError::NotFound(id.to_string()));
        }
        let mut stmt = self
            .conn
            .prepare(
                "SELECT l.kind, 0, l.to_id, d.title, l.created_at FROM draft_links l JOIN drafts d ON d.id = l.to_id WHERE l.from_id = ?1 \
                 UNION ALL \
                 SELECT l.kind, 1, l.from_id, d.title, l.created_at FROM draft_links l JOIN drafts d ON d.id = l.from_id WHERE l.to_id = ?1 \
                 ORDER BY 5, 3",
            )
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([id], |row| {
                let kind: String = row.get(0)?;
                Ok(DraftLink {
                    kind: LinkKind::ALL.iter().copied().find(|k| k.key() == kind).unwrap_or(LinkKind::Supplement),
                    incoming: row.get(1)?,
                    other_id: row.get(2)?,
                    other_title: row.get(3)?,
                    created_at: row.get(4)?,
                })
            })
            .map_err(|e| self.sql(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sql(e))
    }
}

/// Records a link inside a transaction; both drafts must exist.
pub(super) fn link(conn: &Connection, path: &Path, from: &str, to: &str, kind: LinkKind, at: &str) -> Result<(), StoreError> {
    for id in [from, to] {
        let exists: Option<i64> = conn.query_row("SELECT 1 FROM drafts WHERE id = ?1", [id], |row| row.get(0)).optional().map_err(sql(path))?;
        if exists.is_none() {
            return Err(StoreError::NotFound(id.to_string()));
        }
    }
    if from == to {
        return Err(StoreError::Query(format!("draft {from} cannot be linked to itself")));
    }
    conn.execute(
        "INSERT OR IGNORE INTO draft_links (from_id, to_id, kind, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![from, to, kind.key(), at],
    )
    .map_err(sql(path))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SQLite's plan of the page `query` asks for, one step a line.
    fn plan(store: &Store, query: &RegisterQuery) -> String {
        let statement = page_statement(query).unwrap();
        let mut stmt = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {}", statement.sql)).unwrap();
        let steps = stmt.query_map(rusqlite::params_from_iter(statement.values.iter()), |row| row.get::<_, String>(3)).unwrap();
        steps.collect::<Result<Vec<_>, _>>().unwrap().join("\n")
    }

    #[test]
    fn the_first_page_of_a_kind_by_next_deadline_is_read_in_index_order() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("plan.sqlite3")).unwrap();
        let query = RegisterQuery { kind: Some(RequestKind::MlaEvidence), sort: RegisterColumn::NextDeadline, ..RegisterQuery::default() };
        let plan = plan(&store, &query);
        assert!(plan.contains("USING INDEX drafts_by_kind_deadline (kind=?)"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }

    #[test]
    fn the_dashboard_counts_deadlines_in_the_index_of_dates_and_reads_only_the_drafts_off_the_register() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("plan.sqlite3")).unwrap();
        let mut stmt = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {}", due_count("date < ?1"))).unwrap();
        let steps = stmt.query_map(["2026-03-01"], |row| row.get::<_, String>(3)).unwrap();
        let plan = steps.collect::<Result<Vec<_>, _>>().unwrap().join("\n");
        assert!(plan.contains("COVERING INDEX deadlines_by_date"), "{plan}");
        // Only the drafts off the register are read, each then its deadlines by key.
        assert!(plan.contains("SCAN d USING INDEX drafts_off_register"), "{plan}");
        assert!(plan.contains("SEARCH l USING PRIMARY KEY (draft_id=?)"), "{plan}");
        assert!(!plan.contains("drafts_on_register"), "{plan}");
    }

    #[test]
    fn no_filter_of_the_register_sorts_every_draft_it_selects() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("plan.sqlite3")).unwrap();
        let filters = [
            RegisterQuery::default(),
            RegisterQuery { status: Some(RequestStatus::Sent), ..RegisterQuery::default() },
            RegisterQuery { kind: Some(RequestKind::Preservation), ..RegisterQuery::default() },
            RegisterQuery { state: Some("Norland".into()), ..RegisterQuery::default() },
            RegisterQuery { from: Some("2026-01-01".into()), to: Some("2026-06-30".into()), ..RegisterQuery::default() },
            RegisterQuery { due_by: Some("2026-12-09".into()), ..RegisterQuery::default() },
            RegisterQuery { kind: Some(RequestKind::MlaEvidence), due_by: Some("2026-12-09".into()), ..RegisterQuery::default() },
        ];
        for filter in filters {
            // The default sort (last saved first), and the next deadline either way.
            for (sort, descending) in [(RegisterColumn::UpdatedAt, true), (RegisterColumn::NextDeadline, false), (RegisterColumn::NextDeadline, true)] {
                let query = RegisterQuery { sort, descending, ..filter.clone() };
                let plan = plan(&store, &query);
                // Ties of the sort column may be put in order of id; the
                // drafts selected are never all sorted.
                assert!(!plan.contains("USE TEMP B-TREE FOR ORDER BY"), "{query:?}\n{plan}");
                assert!(plan.contains("USING INDEX"), "{query:?}\n{plan}");
            }
        }
    }
}
