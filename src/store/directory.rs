//! The directory of competent authorities in the database: each State's
//! entry (`directory_states`, its JSON with the columns listing and search
//! read), and the history of every change (`directory_change_sets`: who,
//! when, from which source; `directory_changes`: each field's old and new
//! value).
//!
//! An import is [`Store::preview_directory_import`] (what would change,
//! field by field; nothing written) then [`Store::apply_directory_import`]
//! (all of it in one transaction, or nothing). Architecture invariants: the
//! history is append-only, except that deleting an entry erases the values
//! its rows hold (a named contact is personal data) while the rows stay;
//! restricted entries are never exported without the user's
//! acknowledgement.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use time::Date;
use ts_rs::TS;

use super::{now, Store, StoreError};
use crate::directory::changes::{self, ChangeKind, DirectoryChanges, StateChange};
use crate::directory::read::{Incoming, IncomingState, Origin, Parts};
use crate::directory::{self as dir, validate, DirectoryProblem, Provenance, SourceType, StateEntry};

/// Where an import's or an edit's values come from, recorded with every
/// change and given to the entries that name no source of their own.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DirectorySource {
    /// What kind of source.
    pub source_type: SourceType,
    /// Title and edition of the source document; empty when none is named
    /// (the entries then keep the provenance their file gives, if any).
    pub source_title: String,
    /// Date of the source document (YYYY-MM-DD).
    pub source_date: Option<String>,
    /// Date its values are stated to be valid (YYYY-MM-DD).
    pub as_of: Option<String>,
    /// Who records it.
    pub entered_by: String,
}

/// A State as listed: its code and name, how many authorities, how current.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DirectorySummary {
    /// ISO alpha-2 code.
    pub state_id: String,
    /// Name.
    pub name: String,
    /// A fictitious (demo) State.
    pub fictitious: bool,
    /// Holds entries that may not be exported.
    pub restricted: bool,
    /// Number of authorities.
    pub authorities: u32,
    /// The entry's as-of date, if its provenance gives one.
    #[ts(optional)]
    pub as_of: Option<String>,
}

/// A State the requested State is picked from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct StateChoice {
    /// Its ISO 3166-1 alpha-2 code (user-assigned for a fictitious State).
    pub code: String,
    /// Its name: a real State's from the CLDR in the language asked, a
    /// fictitious one's from its directory entry.
    pub name: String,
    /// Whether the directory has an entry for it.
    pub in_directory: bool,
    /// A fictitious (demo) State.
    pub fictitious: bool,
}

/// What an import or an edit wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DirectoryReceipt {
    /// The number of the change recorded in the history; none when
    /// nothing changed.
    #[ts(optional, type = "number")]
    pub change_set: Option<i64>,
    /// States added.
    pub states_new: u32,
    /// States changed.
    pub states_changed: u32,
    /// Fields written, over all States and authorities.
    pub fields: u32,
}

/// One change of the directory as its history lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DirectoryHistoryEntry {
    /// Its number, in the order recorded.
    #[ts(type = "number")]
    pub change_set: i64,
    /// `import`, `edit` or `delete`.
    pub action: String,
    /// The file imported, or what was edited.
    pub source_name: String,
    /// The source's title, when named.
    pub source_title: String,
    /// The source's date.
    #[ts(optional)]
    pub source_date: Option<String>,
    /// The date its values are valid.
    #[ts(optional)]
    pub as_of: Option<String>,
    /// Who recorded it.
    pub entered_by: String,
    /// The day it was recorded on (YYYY-MM-DD).
    pub entered_on: String,
    /// When it was written (RFC 3339 UTC).
    pub recorded_at: String,
    /// Each field it changed in the State asked for.
    pub fields: Vec<DirectoryFieldChange>,
}

/// One field's change in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DirectoryFieldChange {
    /// The authority, or empty for the State's own fields.
    pub authority_id: String,
    /// Whether its record was new, changed or removed.
    pub record: ChangeKind,
    /// The field's path in its record.
    pub field: String,
    /// The value before.
    #[ts(optional)]
    pub old: Option<String>,
    /// The value after.
    #[ts(optional)]
    pub new: Option<String>,
    /// The values were erased when the entry was deleted.
    pub erased: bool,
}

fn record_key(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::New => "new",
        ChangeKind::Changed => "changed",
        ChangeKind::Removed => "removed",
    }
}

fn record_kind(key: &str) -> ChangeKind {
    match key {
        "new" => ChangeKind::New,
        "removed" => ChangeKind::Removed,
        _ => ChangeKind::Changed,
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Store {
    /// Every State's entry, by code.
    pub fn directory_entries(&self) -> Result<Vec<StateEntry>, StoreError> {
        entries(&self.conn, &self.path)
    }

    /// One State's entry.
    pub fn directory_entry(&self, state_id: &str) -> Result<StateEntry, StoreError> {
        entry(&self.conn, &self.path, state_id)?.ok_or_else(|| StoreError::NoDirectoryEntry(state_id.to_string()))
    }

    /// The States of the directory, by code.
    pub fn directory_list(&self) -> Result<Vec<DirectorySummary>, StoreError> {
        Ok(self.directory_entries()?.iter().map(summary).collect())
    }

    /// Every State a request can be addressed to, by code: each real State
    /// and territory (ISO 3166-1, and `XK`), named in `lang` from the CLDR,
    /// and each fictitious State of the directory, named by its entry;
    /// those the directory has an entry for are marked.
    pub fn state_choices(&self, lang: crate::i18n::Lang) -> Result<Vec<StateChoice>, StoreError> {
        let listed = self.directory_list()?;
        let in_directory = |code: &str| listed.iter().any(|s| s.state_id == code);
        let mut choices: Vec<StateChoice> = crate::directory::state_names::real_codes()
            .filter_map(|code| {
                let name = crate::directory::state_names::name(code, lang.code())?;
                Some(StateChoice { code: code.into(), name: name.into(), in_directory: in_directory(code), fictitious: false })
            })
            .collect();
        choices.extend(listed.iter().filter(|s| s.fictitious).map(|s| StateChoice {
            code: s.state_id.clone(),
            name: s.name.clone(),
            in_directory: true,
            fictitious: true,
        }));
        choices.sort_by(|a, b| a.code.cmp(&b.code));
        Ok(choices)
    }

    /// The States whose code, name or an authority's name holds `text`
    /// (any case), by code.
    pub fn directory_search(&self, text: &str) -> Result<Vec<DirectorySummary>, StoreError> {
        let needle = text.trim().to_lowercase();
        let mut stmt = self
            .conn
            .prepare("SELECT entry FROM directory_states WHERE instr(search_text, ?1) > 0 ORDER BY state_id")
            .map_err(|e| self.sql(e))?;
        let rows = stmt.query_map([needle], |row| row.get::<_, String>(0)).map_err(|e| self.sql(e))?;
        let mut found = Vec::new();
        for json in rows {
            found.push(summary(&parse_entry(&json.map_err(|e| self.sql(e))?)?));
        }
        Ok(found)
    }

    /// What importing `incoming` would change, field by field; nothing is
    /// written. Every bad record is listed, and any refuses the import.
    pub fn preview_directory_import(&self, incoming: &Incoming) -> Result<DirectoryChanges, StoreError> {
        Ok(changes::preview(&self.directory_entries()?, incoming)?)
    }

    /// Writes what [`Store::preview_directory_import`] showed, in one
    /// transaction, recording `source` and `today` in the history. Refused,
    /// with nothing written, when the directory has changed since the
    /// preview.
    pub fn apply_directory_import(&mut self, changes: &DirectoryChanges, source: &DirectorySource, today: Date) -> Result<DirectoryReceipt, StoreError> {
        self.write_directory("import", changes, source, today, true)
    }

    /// Saves one State's entry as edited by the user (a new entry or a
    /// changed one), recording the change in the history. An authority
    /// without an id (one just added) is given a new UUID. When `source`
    /// names no title, the history records the entry's own provenance as
    /// the source of every field the edit changed (its type, title, date
    /// and as-of date), and the entry is written as edited.
    pub fn save_directory_entry(&mut self, entry: StateEntry, source: &DirectorySource, today: Date) -> Result<DirectoryReceipt, StoreError> {
        let entry = with_authority_ids(entry);
        let (recorded, stamp) = match (&entry.provenance, source.source_title.trim().is_empty()) {
            (Some(p), true) => (
                DirectorySource {
                    source_type: p.source_type,
                    source_title: p.source_title.clone(),
                    source_date: p.source_date.clone(),
                    as_of: p.as_of.clone(),
                    entered_by: source.entered_by.clone(),
                },
                false,
            ),
            _ => (source.clone(), true),
        };
        let name = format!("entry {}", entry.state_id);
        let origin = Origin {
            core: name.clone(),
            instrument_status: (0..entry.instrument_status.len()).map(|i| format!("{name}.instrument_status[{i}]")).collect(),
            channels: (0..entry.channels.len()).map(|i| format!("{name}.channels[{i}]")).collect(),
            languages: (0..entry.languages.len()).map(|i| format!("{name}.languages[{i}]")).collect(),
            authorities: (0..entry.authorities.len()).map(|i| format!("{name}.authorities[{i}]")).collect(),
        };
        let incoming = Incoming { source_name: name, states: vec![IncomingState { entry, parts: Parts::ALL, origin }], problems: Vec::new() };
        let changes = self.preview_directory_import(&incoming)?;
        self.write_directory("edit", &changes, &recorded, today, stamp)
    }

    /// Adds a State the directory does not hold yet, as [`Store::save_directory_entry`]
    /// saves one; refused, with nothing written, when its code is taken.
    pub fn add_directory_state(&mut self, entry: StateEntry, source: &DirectorySource, today: Date) -> Result<DirectoryReceipt, StoreError> {
        if let Some(existing) = entry_of(&self.conn, &self.path, &entry.state_id)? {
            return Err(StoreError::DirectoryStateExists { state_id: existing.state_id, name: existing.name });
        }
        self.save_directory_entry(entry, source, today)
    }

    /// Every problem saving `entry` would find, each at its path in the
    /// entry (`name`, `languages[0].accepted[1].lang`,
    /// `authorities[2].email[0]`), so the app shows it at its field; with
    /// `adding`, also a code already in the directory. Nothing is written.
    pub fn directory_entry_problems(&self, entry: &StateEntry, adding: bool) -> Result<Vec<DirectoryProblem>, StoreError> {
        let entry = with_authority_ids(entry.clone());
        let mut problems = Vec::new();
        if adding {
            if let Some(existing) = entry_of(&self.conn, &self.path, &entry.state_id)? {
                let args = [("found", existing.state_id.as_str()), ("name", existing.name.as_str())];
                let message = StoreError::DirectoryStateExists { state_id: existing.state_id.clone(), name: existing.name.clone() }.to_string();
                problems.push(DirectoryProblem::worded("state_id", "state_taken", &args, message));
            }
        }
        problems.extend(validate::state_problems(&entry, ""));
        Ok(problems)
    }

    /// Loads the fictitious demo pack (see [`crate::directory::demo`]) when
    /// none of its States is in the directory yet; for demo mode only.
    pub fn load_demo_directory(&mut self, today: Date) -> Result<Option<DirectoryReceipt>, StoreError> {
        let pack = dir::demo::pack();
        for state in &pack.states {
            if entry(&self.conn, &self.path, &state.entry.state_id)?.is_some() {
                return Ok(None);
            }
        }
        let changes = self.preview_directory_import(&pack)?;
        let source = DirectorySource { source_type: SourceType::Other, entered_by: "demo".to_string(), ..DirectorySource::default() };
        self.apply_directory_import(&changes, &source, today).map(Some)
    }

    /// Deletes a State's entry and erases the values its history holds
    /// (named contacts are personal data); the deletion is recorded.
    pub fn delete_directory_state(&mut self, state_id: &str, entered_by: &str, today: Date) -> Result<(), StoreError> {
        let tx = self.begin()?;
        let conn = tx.connection();
        let path = tx.path();
        let old = entry(conn, path, state_id)?.ok_or_else(|| StoreError::NoDirectoryEntry(state_id.to_string()))?;
        let sql = |e| super::sqlite_error(path, e);
        conn.execute("UPDATE directory_changes SET old_value = NULL, new_value = NULL, erased = 1 WHERE state_id = ?1", [state_id]).map_err(sql)?;
        conn.execute("DELETE FROM directory_states WHERE state_id = ?1", [state_id]).map_err(sql)?;
        let source = DirectorySource { entered_by: entered_by.to_string(), ..DirectorySource::default() };
        let set = change_set(conn, path, "delete", &format!("entry {state_id}"), &source, today)?;
        insert_change(conn, path, set, state_id, "", ChangeKind::Removed, "", &None, &None, true)?;
        for a in &old.authorities {
            insert_change(conn, path, set, state_id, &a.authority_id, ChangeKind::Removed, "", &None, &None, true)?;
        }
        tx.commit()
    }

    /// Deletes one authority of a State and erases the values its history
    /// holds; the deletion is recorded.
    pub fn delete_directory_authority(&mut self, state_id: &str, authority_id: &str, entered_by: &str, today: Date) -> Result<(), StoreError> {
        let tx = self.begin()?;
        let conn = tx.connection();
        let path = tx.path();
        let mut state = entry(conn, path, state_id)?.ok_or_else(|| StoreError::NoDirectoryEntry(state_id.to_string()))?;
        let before = state.authorities.len();
        state.authorities.retain(|a| !a.authority_id.eq_ignore_ascii_case(authority_id));
        if state.authorities.len() == before {
            return Err(StoreError::NoDirectoryEntry(format!("{state_id} authority {authority_id}")));
        }
        let sql = |e| super::sqlite_error(path, e);
        conn.execute(
            "UPDATE directory_changes SET old_value = NULL, new_value = NULL, erased = 1 WHERE state_id = ?1 AND lower(authority_id) = lower(?2)",
            params![state_id, authority_id],
        )
        .map_err(sql)?;
        write_entry(conn, path, &state)?;
        let source = DirectorySource { entered_by: entered_by.to_string(), ..DirectorySource::default() };
        let set = change_set(conn, path, "delete", &format!("entry {state_id} authority {authority_id}"), &source, today)?;
        insert_change(conn, path, set, state_id, authority_id, ChangeKind::Removed, "", &None, &None, true)?;
        tx.commit()
    }

    /// The history of a State's entry, oldest first, field by field.
    pub fn directory_history(&self, state_id: &str) -> Result<Vec<DirectoryHistoryEntry>, StoreError> {
        let sql = |e| self.sql(e);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT s.id, s.action, s.source_name, s.source_title, s.source_date, s.as_of, s.entered_by, s.entered_on, s.recorded_at,
                        c.authority_id, c.record, c.field, c.old_value, c.new_value, c.erased
                 FROM directory_changes c JOIN directory_change_sets s ON s.id = c.change_set
                 WHERE c.state_id = ?1 ORDER BY s.id, c.rowid",
            )
            .map_err(sql)?;
        let mut rows = stmt.query([state_id]).map_err(sql)?;
        let mut history: Vec<DirectoryHistoryEntry> = Vec::new();
        while let Some(row) = rows.next().map_err(sql)? {
            let id: i64 = row.get(0).map_err(sql)?;
            if history.last().is_none_or(|h| h.change_set != id) {
                history.push(DirectoryHistoryEntry {
                    change_set: id,
                    action: row.get(1).map_err(sql)?,
                    source_name: row.get(2).map_err(sql)?,
                    source_title: row.get(3).map_err(sql)?,
                    source_date: row.get(4).map_err(sql)?,
                    as_of: row.get(5).map_err(sql)?,
                    entered_by: row.get(6).map_err(sql)?,
                    entered_on: row.get(7).map_err(sql)?,
                    recorded_at: row.get(8).map_err(sql)?,
                    fields: Vec::new(),
                });
            }
            let field = DirectoryFieldChange {
                authority_id: row.get(9).map_err(sql)?,
                record: record_kind(&row.get::<_, String>(10).map_err(sql)?),
                field: row.get(11).map_err(sql)?,
                old: row.get(12).map_err(sql)?,
                new: row.get(13).map_err(sql)?,
                erased: row.get(14).map_err(sql)?,
            };
            if let Some(last) = history.last_mut() {
                last.fields.push(field);
            }
        }
        Ok(history)
    }

    /// Every entry, for export; refused, naming them, when some may not be
    /// redistributed and `include_restricted` does not acknowledge that the
    /// user is entitled to share them.
    pub fn directory_for_export(&self, include_restricted: bool) -> Result<Vec<StateEntry>, StoreError> {
        let all = self.directory_entries()?;
        dir::check_exportable(&all, include_restricted)?;
        Ok(all)
    }

    /// Writes `changes`, recording `source` in the history; with `stamp`,
    /// `source` also becomes the provenance of the entries that give none
    /// of their own (see [`with_source`]).
    fn write_directory(&mut self, action: &str, changes: &DirectoryChanges, source: &DirectorySource, today: Date, stamp: bool) -> Result<DirectoryReceipt, StoreError> {
        for (at, date) in [("source date", &source.source_date), ("as-of date", &source.as_of)] {
            if let Some(d) = date.as_deref().filter(|d| dir::parse_date(d).is_none()) {
                return Err(StoreError::Query(format!("the {at} must be a date as YYYY-MM-DD, found {d:?}")));
            }
        }
        let tx = self.begin()?;
        let conn = tx.connection();
        let path = tx.path();
        let mut receipt = DirectoryReceipt { change_set: None, states_new: 0, states_changed: 0, fields: 0 };
        if changes.entries.is_empty() {
            return Ok(receipt);
        }
        let set = change_set(conn, path, action, &changes.source_name, source, today)?;
        receipt.change_set = Some(set);
        for (shown, incoming) in changes.states.iter().zip(&changes.entries) {
            let problems = validate::state_problems(incoming, &incoming.state_id);
            if !problems.is_empty() {
                return Err(dir::DirectoryError::Invalid { source_name: changes.source_name.clone(), problems }.into());
            }
            let current = entry(conn, path, &incoming.state_id)?;
            if changes::compare(current.as_ref(), Some(incoming)).as_ref() != Some(shown) {
                return Err(StoreError::DirectoryChanged(incoming.state_id.clone()));
            }
            let written = if stamp { with_source(incoming.clone(), current.as_ref(), source, today) } else { incoming.clone() };
            let Some(change) = changes::compare(current.as_ref(), Some(&written)) else { continue };
            match change.change {
                ChangeKind::New => receipt.states_new += 1,
                _ => receipt.states_changed += 1,
            }
            receipt.fields += count(record_changes(conn, path, set, &change)?);
            write_entry(conn, path, &written)?;
        }
        tx.commit()?;
        Ok(receipt)
    }
}

/// The entry with the import's source as its provenance when the import
/// names one and the file gave the entry none of its own (it has none, or
/// the one the directory had).
fn with_source(mut entry: StateEntry, current: Option<&StateEntry>, source: &DirectorySource, today: Date) -> StateEntry {
    let own = entry.provenance.is_some() && entry.provenance != current.and_then(|c| c.provenance.clone());
    if !own && !source.source_title.trim().is_empty() {
        entry.provenance = Some(Provenance {
            source_type: source.source_type,
            source_title: source.source_title.clone(),
            source_date: source.source_date.clone(),
            as_of: source.as_of.clone(),
            entered_by: source.entered_by.clone(),
            entered_at: Some(today.to_string()),
            verified: None,
            verified_on: None,
        });
    }
    entry
}

/// The entry with a new UUID for each authority that has none yet.
fn with_authority_ids(mut entry: StateEntry) -> StateEntry {
    for a in entry.authorities.iter_mut().filter(|a| a.authority_id.trim().is_empty()) {
        a.authority_id = uuid::Uuid::new_v4().to_string();
    }
    entry
}

fn summary(e: &StateEntry) -> DirectorySummary {
    DirectorySummary {
        state_id: e.state_id.clone(),
        name: e.name.clone(),
        fictitious: e.fictitious,
        restricted: e.is_restricted(),
        authorities: count(e.authorities.len()),
        as_of: e.provenance.as_ref().and_then(|p| p.as_of.clone()),
    }
}

fn parse_entry(json: &str) -> Result<StateEntry, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError::Unreadable { what: "a directory entry".to_string(), detail: e.to_string() })
}

fn entries(conn: &Connection, path: &std::path::Path) -> Result<Vec<StateEntry>, StoreError> {
    let sql = |e| super::sqlite_error(path, e);
    let mut stmt = conn.prepare("SELECT entry FROM directory_states ORDER BY state_id").map_err(sql)?;
    let rows = stmt.query_map([], |row| row.get::<_, String>(0)).map_err(sql)?;
    let mut all = Vec::new();
    for json in rows {
        all.push(parse_entry(&json.map_err(sql)?)?);
    }
    Ok(all)
}

/// [`entry`], for the methods whose argument `entry` hides it.
fn entry_of(conn: &Connection, path: &std::path::Path, state_id: &str) -> Result<Option<StateEntry>, StoreError> {
    entry(conn, path, state_id)
}

fn entry(conn: &Connection, path: &std::path::Path, state_id: &str) -> Result<Option<StateEntry>, StoreError> {
    let json: Option<String> = conn
        .query_row("SELECT entry FROM directory_states WHERE state_id = ?1", [state_id], |row| row.get(0))
        .optional()
        .map_err(|e| super::sqlite_error(path, e))?;
    json.map(|j| parse_entry(&j)).transpose()
}

fn write_entry(conn: &Connection, path: &std::path::Path, e: &StateEntry) -> Result<(), StoreError> {
    let mut search = vec![e.state_id.clone(), e.name.clone(), e.name_local.clone()];
    for a in &e.authorities {
        search.push(a.name.clone());
        search.push(a.name_local.clone());
    }
    let search_text = search.join("\n").to_lowercase();
    let json = serde_json::to_string(e).expect("an entry serialises");
    conn.execute(
        "INSERT INTO directory_states (state_id, name, fictitious, restricted, search_text, entry, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (state_id) DO UPDATE SET name = excluded.name, fictitious = excluded.fictitious,
           restricted = excluded.restricted, search_text = excluded.search_text, entry = excluded.entry, updated_at = excluded.updated_at",
        params![e.state_id, e.name, e.fictitious, e.is_restricted(), search_text, json, now()],
    )
    .map(drop)
    .map_err(|err| super::sqlite_error(path, err))
}

fn change_set(conn: &Connection, path: &std::path::Path, action: &str, source_name: &str, source: &DirectorySource, today: Date) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO directory_change_sets (action, source_name, source_title, source_date, as_of, entered_by, entered_on, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![action, source_name, source.source_title, source.source_date, source.as_of, source.entered_by, today.to_string(), now()],
    )
    .map_err(|e| super::sqlite_error(path, e))?;
    Ok(conn.last_insert_rowid())
}

#[allow(clippy::too_many_arguments)]
fn insert_change(
    conn: &Connection,
    path: &std::path::Path,
    set: i64,
    state_id: &str,
    authority_id: &str,
    record: ChangeKind,
    field: &str,
    old: &Option<String>,
    new: &Option<String>,
    erased: bool,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO directory_changes (change_set, state_id, authority_id, record, field, old_value, new_value, erased)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![set, state_id, authority_id, record_key(record), field, old, new, erased],
    )
    .map(drop)
    .map_err(|e| super::sqlite_error(path, e))
}

/// Records every field a State's change holds; returns how many.
fn record_changes(conn: &Connection, path: &std::path::Path, set: i64, change: &StateChange) -> Result<usize, StoreError> {
    let mut n = 0;
    for f in &change.fields {
        insert_change(conn, path, set, &change.state_id, "", change.change, &f.field, &f.old, &f.new, false)?;
        n += 1;
    }
    for a in &change.authorities {
        for f in &a.fields {
            insert_change(conn, path, set, &change.state_id, &a.authority_id, a.change, &f.field, &f.old, &f.new, false)?;
            n += 1;
        }
    }
    Ok(n)
}
