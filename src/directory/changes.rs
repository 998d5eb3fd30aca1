//! What an import would change, field by field, before anything is written:
//! per State and per authority, new, changed (field, old, new) or removed.
//! [`preview`] merges what a file gives into the entries of the directory
//! (the parts a file does not give are kept), validates every record where
//! the file has it, and says what differs. Nothing here writes.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::model::StateEntry;
use super::read::{Incoming, IncomingState};
use super::validate::{self, DirectoryProblem};
use super::DirectoryError;

/// Whether a record is new, changed or removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChangeKind {
    /// Not in the directory before.
    New,
    /// In the directory, with other values.
    Changed,
    /// Taken out.
    Removed,
}

/// One field's change. Values are shown as text: a list's items joined
/// with `; `, a record as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct EntryFieldChange {
    /// The field's path within its record (`requirements.dual_criminality`,
    /// `channels[0].allowed`, `email`).
    pub field: String,
    /// The value before; none for a field newly filled.
    #[ts(optional)]
    pub old: Option<String>,
    /// The value after; none for a field emptied.
    #[ts(optional)]
    pub new: Option<String>,
}

/// What changes in one authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AuthorityChange {
    /// Its UUID.
    pub authority_id: String,
    /// Its name (the new one, or the old one when removed).
    pub name: String,
    /// New, changed or removed.
    pub change: ChangeKind,
    /// Each field that differs.
    pub fields: Vec<EntryFieldChange>,
}

/// What changes in one State's entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct StateChange {
    /// Its code.
    pub state_id: String,
    /// Its name.
    pub name: String,
    /// New, changed or removed.
    pub change: ChangeKind,
    /// Each field of the State's own record (not its authorities) that differs.
    pub fields: Vec<EntryFieldChange>,
    /// Each authority added, changed or removed.
    pub authorities: Vec<AuthorityChange>,
}

/// What an import would do to the directory; applied by the store in one
/// transaction.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DirectoryChanges {
    /// The file or folder imported.
    pub source_name: String,
    /// The States that change, in the file's order (unchanged ones left out).
    pub states: Vec<StateChange>,
    /// How many States the file holds, changed or not.
    pub states_in_file: u32,
    /// The entries as they will be written, one per changed State.
    pub entries: Vec<StateEntry>,
}

impl DirectoryChanges {
    /// Whether the import changes nothing.
    pub fn is_empty(&self) -> bool {
        self.states.is_empty()
    }
}

/// What importing `incoming` into a directory holding `current` would
/// change. Every problem of every record is collected, each where the file
/// has it; with any problem, nothing is to be applied.
pub fn preview(current: &[StateEntry], incoming: &Incoming) -> Result<DirectoryChanges, DirectoryError> {
    let by_id: HashMap<&str, &StateEntry> = current.iter().map(|s| (s.state_id.as_str(), s)).collect();
    let mut problems = incoming.problems.clone();
    let mut states = Vec::new();
    let mut entries = Vec::new();
    let mut merged_all = Vec::new();
    for state in &incoming.states {
        let existing = by_id.get(state.entry.state_id.as_str()).copied();
        if !state.parts.core && existing.is_none() {
            problems.push(DirectoryProblem {
                at: state.origin.core.clone(),
                message: format!(
                    "State {:?} is not in the directory; import its row of states.csv (or a JSON entry) with it",
                    state.entry.state_id
                ),
                ..DirectoryProblem::default()
            });
            continue;
        }
        let merged = merge(existing, state);
        problems.extend(problems_of(&merged, state));
        if let Some(change) = compare(existing, Some(&merged)) {
            states.push(change);
            entries.push(merged.clone());
        }
        merged_all.push(merged);
    }
    problems.extend(authorities_twice(current, &merged_all));
    if !problems.is_empty() {
        return Err(DirectoryError::Invalid { source_name: incoming.source_name.clone(), problems });
    }
    let states_in_file = u32::try_from(incoming.states.len()).unwrap_or(u32::MAX);
    Ok(DirectoryChanges { source_name: incoming.source_name.clone(), states, states_in_file, entries })
}

/// The entry an import makes of `existing`: the parts the import gives
/// replace the directory's, the others are kept, and so is the entry's
/// provenance when the import gives none (the store gives it the import's
/// source when it writes a change).
fn merge(existing: Option<&StateEntry>, incoming: &IncomingState) -> StateEntry {
    let given = &incoming.entry;
    let parts = incoming.parts;
    let mut merged = match existing {
        Some(e) if !parts.core => e.clone(),
        _ => StateEntry {
            instrument_status: Vec::new(),
            channels: Vec::new(),
            languages: Vec::new(),
            authorities: Vec::new(),
            ..given.clone()
        },
    };
    let kept = existing.cloned().unwrap_or_default();
    if given.provenance.is_none() {
        merged.provenance = kept.provenance.clone();
    }
    merged.instrument_status = if parts.instrument_status { given.instrument_status.clone() } else { kept.instrument_status };
    merged.channels = if parts.channels { given.channels.clone() } else { kept.channels };
    merged.languages = if parts.languages { given.languages.clone() } else { kept.languages };
    merged.authorities = if parts.authorities { given.authorities.clone() } else { kept.authorities };
    merged
}

/// The problems of the records an import gives, each at its place in the
/// file; an authority is checked against its State as merged (a fictitious
/// State's authorities have reserved addresses).
fn problems_of(merged: &StateEntry, incoming: &IncomingState) -> Vec<DirectoryProblem> {
    let origin = &incoming.origin;
    let given = &incoming.entry;
    let mut problems = Vec::new();
    if incoming.parts.core {
        problems.extend(validate::core_problems(merged, &origin.core));
    }
    for (status, at) in given.instrument_status.iter().zip(&origin.instrument_status) {
        problems.extend(validate::instrument_status_problems(status, at));
    }
    for (rule, at) in given.channels.iter().zip(&origin.channels) {
        problems.extend(validate::channel_problems(rule, at));
    }
    for (rule, at) in given.languages.iter().zip(&origin.languages) {
        problems.extend(validate::language_rule_problems(rule, at));
    }
    for (authority, at) in given.authorities.iter().zip(&origin.authorities) {
        problems.extend(validate::authority_problems(authority, merged.fictitious, at));
    }
    problems
}

/// Authorities whose id the directory would hold twice after the import.
fn authorities_twice(current: &[StateEntry], merged: &[StateEntry]) -> Vec<DirectoryProblem> {
    let replaced: Vec<&str> = merged.iter().map(|s| s.state_id.as_str()).collect();
    let mut seen: HashMap<String, String> = HashMap::new();
    let kept = current.iter().filter(|s| !replaced.contains(&s.state_id.as_str()));
    let mut problems = Vec::new();
    for state in kept.chain(merged) {
        for a in &state.authorities {
            let id = a.authority_id.to_ascii_lowercase();
            if let Some(first) = seen.insert(id, state.state_id.clone()) {
                problems.push(DirectoryProblem {
                    at: format!("{} authority {}", state.state_id, a.authority_id),
                    message: format!("this authority id is also given to an authority of {first}; each authority needs its own UUID"),
                    ..DirectoryProblem::default()
                });
            }
        }
    }
    problems
}

/// What differs between two states of one entry (`None` for none): a new
/// entry, a removed one, or the fields that changed.
pub fn compare(old: Option<&StateEntry>, new: Option<&StateEntry>) -> Option<StateChange> {
    let (state_id, name) = match (new, old) {
        (Some(s), _) | (None, Some(s)) => (s.state_id.clone(), s.name.clone()),
        (None, None) => return None,
    };
    let change = match (old, new) {
        (None, _) => ChangeKind::New,
        (_, None) => ChangeKind::Removed,
        _ => ChangeKind::Changed,
    };
    let fields = field_changes(&own_fields(old), &own_fields(new));
    let no_authorities = Vec::new();
    let old_authorities = old.map_or(&no_authorities, |s| &s.authorities);
    let new_authorities = new.map_or(&no_authorities, |s| &s.authorities);
    let mut authorities = Vec::new();
    for a in new_authorities {
        let before = old_authorities.iter().find(|o| o.authority_id.eq_ignore_ascii_case(&a.authority_id));
        let fields = field_changes(&leaves_of(before), &leaves_of(Some(a)));
        if !fields.is_empty() {
            let change = if before.is_some() { ChangeKind::Changed } else { ChangeKind::New };
            authorities.push(AuthorityChange { authority_id: a.authority_id.clone(), name: a.name.clone(), change, fields });
        }
    }
    for o in old_authorities {
        if !new_authorities.iter().any(|a| a.authority_id.eq_ignore_ascii_case(&o.authority_id)) {
            let fields = field_changes(&leaves_of(Some(o)), &BTreeMap::new());
            authorities.push(AuthorityChange { authority_id: o.authority_id.clone(), name: o.name.clone(), change: ChangeKind::Removed, fields });
        }
    }
    if change == ChangeKind::Changed && fields.is_empty() && authorities.is_empty() {
        return None;
    }
    Some(StateChange { state_id, name, change, fields, authorities })
}

/// The leaves of a State's own record, its authorities left out.
fn own_fields(entry: Option<&StateEntry>) -> BTreeMap<String, Value> {
    let Some(entry) = entry else { return BTreeMap::new() };
    let mut value = serde_json::to_value(entry).expect("an entry serialises");
    if let Value::Object(map) = &mut value {
        map.remove("authorities");
    }
    let mut out = BTreeMap::new();
    leaves(&value, "", &mut out);
    out
}

fn leaves_of<T: Serialize>(record: Option<&T>) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    if let Some(record) = record {
        leaves(&serde_json::to_value(record).expect("a record serialises"), "", &mut out);
    }
    out
}

/// Every value of a record by its path: an object's members by name, a
/// list of records item by item, a list of plain values whole.
fn leaves(value: &Value, path: &str, out: &mut BTreeMap<String, Value>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let sub = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                leaves(v, &sub, out);
            }
        }
        Value::Array(items) if items.iter().any(|i| i.is_object() || i.is_array()) => {
            for (i, v) in items.iter().enumerate() {
                leaves(v, &format!("{path}[{i}]"), out);
            }
        }
        Value::Array(items) if items.is_empty() => {}
        Value::Null => {}
        _ => {
            out.insert(path.to_string(), value.clone());
        }
    }
}

fn field_changes(old: &BTreeMap<String, Value>, new: &BTreeMap<String, Value>) -> Vec<EntryFieldChange> {
    let mut changes = Vec::new();
    for (field, value) in new {
        match old.get(field) {
            Some(before) if before == value => {}
            before => changes.push(EntryFieldChange { field: field.clone(), old: before.map(shown), new: Some(shown(value)) }),
        }
    }
    for (field, value) in old {
        if !new.contains_key(field) {
            changes.push(EntryFieldChange { field: field.clone(), old: Some(shown(value)), new: None });
        }
    }
    changes.sort_by(|a, b| a.field.cmp(&b.field));
    changes
}

/// A value as text: a string as it is, a list's items joined with `; `.
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(shown).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}
