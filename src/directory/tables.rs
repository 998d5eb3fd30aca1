//! The directory as CSV: one file per table (`states.csv`,
//! `authorities.csv`, `instrument_status.csv`, `channels.csv`,
//! `languages.csv`), the header naming the field ids (nested fields dotted:
//! `postal_address.city`, `requirements.dual_criminality`). A list is its
//! items joined with `;`; a list of pairs (`phone`, `accepted`) writes each
//! item `label: value`; a few nested records (`links`, `reservations`) are
//! JSON in their cell. `docs/directory-format.md` is the reference.
//!
//! Every row is read and checked before anything is returned: each bad
//! row's problem is listed with its file and line.

use std::collections::HashMap;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use super::model::{Authority, ChannelRule, InstrumentStatus, LanguageRule, StateEntry};
use super::read::{read_text, Incoming, IncomingState, Origin, Parts};
use super::validate::{join, DirectoryProblem};
use super::DirectoryError;

/// How a cell is written.
#[derive(Debug, Clone, Copy)]
enum Cell {
    /// Text as it is.
    Text,
    /// `true` or `false`.
    Bool,
    /// A whole number.
    Number,
    /// Items joined with `;`.
    List,
    /// Items `first: second` joined with `;` (the second alone when the
    /// first is empty); the split is at the last `: ` when `at_last`.
    Pairs { first: &'static str, second: &'static str, at_last: bool },
    /// A JSON value.
    Json,
}

/// One table: its file and its columns (`state_id` first, then the fields
/// of its record).
struct Table {
    file: &'static str,
    columns: &'static [(&'static str, Cell)],
}

const PROVENANCE: [(&str, Cell); 8] = [
    ("provenance.source_type", Cell::Text),
    ("provenance.source_title", Cell::Text),
    ("provenance.source_date", Cell::Text),
    ("provenance.as_of", Cell::Text),
    ("provenance.entered_by", Cell::Text),
    ("provenance.entered_at", Cell::Text),
    ("provenance.verified", Cell::Bool),
    ("provenance.verified_on", Cell::Text),
];

const fn with_provenance<const N: usize, const M: usize>(columns: [(&'static str, Cell); N]) -> [(&'static str, Cell); M] {
    let mut all = [("", Cell::Text); M];
    let mut i = 0;
    while i < N {
        all[i] = columns[i];
        i += 1;
    }
    let mut j = 0;
    while j < PROVENANCE.len() {
        all[N + j] = PROVENANCE[j];
        j += 1;
    }
    all
}

const STATE_COLUMNS: [(&str, Cell); 32] = with_provenance([
    ("state_id", Cell::Text),
    ("name", Cell::Text),
    ("name_local", Cell::Text),
    ("fictitious", Cell::Bool),
    ("official_languages", Cell::List),
    ("links", Cell::Json),
    ("notes", Cell::Text),
    ("redistribution", Cell::Text),
    ("requirements.dual_criminality", Cell::Text),
    ("requirements.dual_criminality_note", Cell::Text),
    ("requirements.use_limitation", Cell::Text),
    ("requirements.use_limitation_note", Cell::Text),
    ("requirements.confidentiality_note", Cell::Text),
    ("requirements.authentication", Cell::Text),
    ("requirements.validation_required", Cell::Bool),
    ("requirements.validation_issuers", Cell::List),
    ("requirements.domestic_order_required", Cell::List),
    ("requirements.special_measure_docs", Cell::Json),
    ("requirements.service_lead_days", Cell::Number),
    ("requirements.preservation_period_days", Cell::Number),
    ("requirements.costs_practice", Cell::Text),
    ("requirements.typical_response_days", Cell::Number),
    ("requirements.typical_response_note", Cell::Text),
    ("requirements.procedural_requirements", Cell::Text),
]);

const AUTHORITY_COLUMNS: [(&str, Cell); 37] = with_provenance([
    ("state_id", Cell::Text),
    ("authority_id", Cell::Text),
    ("roles", Cell::List),
    ("instruments", Cell::List),
    ("name", Cell::Text),
    ("name_local", Cell::Text),
    ("parent_body", Cell::Text),
    ("postal_address.street", Cell::Text),
    ("postal_address.postal_code", Cell::Text),
    ("postal_address.city", Cell::Text),
    ("postal_address.country", Cell::Text),
    ("phone", Cell::Pairs { first: "label", second: "number", at_last: true }),
    ("fax", Cell::Pairs { first: "label", second: "number", at_last: true }),
    ("email", Cell::List),
    ("contact_person", Cell::Text),
    ("secure_channel_ids", Cell::Pairs { first: "system", second: "address", at_last: false }),
    ("available_24_7", Cell::Bool),
    ("hours", Cell::Text),
    ("time_zone", Cell::Text),
    ("contact_languages", Cell::List),
    ("competence.measures", Cell::List),
    ("competence.stages", Cell::List),
    ("competence.offence_types", Cell::List),
    ("competence.urgent_only", Cell::Bool),
    ("competence.territory", Cell::Text),
    ("request_types", Cell::List),
    ("networks", Cell::List),
    ("notes", Cell::Text),
    ("redistribution", Cell::Text),
]);

const STATES: Table = Table { file: "states.csv", columns: &STATE_COLUMNS };
const AUTHORITIES: Table = Table { file: "authorities.csv", columns: &AUTHORITY_COLUMNS };
const INSTRUMENT_STATUS: Table = Table {
    file: "instrument_status.csv",
    columns: &[
        ("state_id", Cell::Text),
        ("instrument", Cell::Text),
        ("party", Cell::Text),
        ("in_force_from", Cell::Text),
        ("usable_as_basis", Cell::Text),
        ("reservations", Cell::Json),
        ("bilateral_treaties", Cell::Json),
        ("cets224_direct_authorities", Cell::Text),
    ],
};
const CHANNELS: Table = Table {
    file: "channels.csv",
    columns: &[
        ("state_id", Cell::Text),
        ("instrument", Cell::Text),
        ("kind", Cell::Text),
        ("allowed", Cell::List),
        ("diplomatic_required", Cell::Bool),
        ("interpol_urgent", Cell::Text),
        ("means", Cell::List),
        ("encryption_required", Cell::Bool),
        ("encryption_note", Cell::Text),
        ("e_signature_required", Cell::Bool),
        ("e_signature_note", Cell::Text),
        ("original_to_follow", Cell::Bool),
        ("oral_urgent_accepted", Cell::Text),
    ],
};
const LANGUAGES: Table = Table {
    file: "languages.csv",
    columns: &[
        ("state_id", Cell::Text),
        ("instrument", Cell::Text),
        ("kind", Cell::Text),
        ("measure", Cell::Text),
        ("accepted", Cell::Pairs { first: "lang", second: "condition", at_last: false }),
        ("certified_translation", Cell::Bool),
        ("attachments_rule", Cell::Text),
        ("basis_note", Cell::Text),
    ],
};

/// The tables, in the order they are read and written.
const TABLES: [&Table; 5] = [&STATES, &AUTHORITIES, &INSTRUMENT_STATUS, &CHANNELS, &LANGUAGES];

/// The file names of the tables.
pub fn table_files() -> Vec<&'static str> {
    TABLES.iter().map(|t| t.file).collect()
}

/// Reads the tables present in `dir` (at least one).
pub fn read_folder(dir: &Path) -> Result<Incoming, DirectoryError> {
    let present: Vec<&Table> = TABLES.iter().copied().filter(|t| dir.join(t.file).is_file()).collect();
    if present.is_empty() {
        return Err(DirectoryError::Unreadable {
            source_name: dir.display().to_string(),
            message: format!("holds no directory table ({})", table_files().join(", ")),
        });
    }
    let mut texts = Vec::new();
    for table in present {
        texts.push((table, read_text(&dir.join(table.file))?));
    }
    parse_tables(&dir.display().to_string(), &texts)
}

/// Reads one table file, named after its table (`authorities.csv`).
pub fn read_table_file(path: &Path) -> Result<Incoming, DirectoryError> {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    let Some(table) = TABLES.iter().copied().find(|t| t.file == name) else {
        return Err(DirectoryError::Unreadable {
            source_name: path.display().to_string(),
            message: format!("a CSV file must be named after its table ({}) so its columns are known", table_files().join(", ")),
        });
    };
    let text = read_text(path)?;
    parse_tables(&path.display().to_string(), &[(table, text)])
}

/// One State as the rows of the tables give it.
#[derive(Default)]
struct Gathered {
    entry: StateEntry,
    origin: Origin,
    seen: bool,
}

/// Parses the text of each table given; every row's problems are
/// collected in the [`Incoming`], which any problem will refuse whole.
fn parse_tables(source_name: &str, texts: &[(&Table, String)]) -> Result<Incoming, DirectoryError> {
    let mut problems = Vec::new();
    let mut order: Vec<String> = Vec::new();
    let mut states: HashMap<String, Gathered> = HashMap::new();
    for (table, text) in texts {
        for (at, state_id, row) in rows(table, text, &mut problems) {
            let gathered = states.entry(state_id.clone()).or_insert_with(|| {
                order.push(state_id.clone());
                Gathered { origin: Origin { core: at.clone(), ..Origin::default() }, ..Gathered::default() }
            });
            match table.file {
                "states.csv" => match record::<StateEntry>(row, &at) {
                    Ok(entry) if gathered.seen => {
                        problems.push(DirectoryProblem { at, message: format!("State {} has a row already", entry.state_id), ..DirectoryProblem::default() });
                    }
                    Ok(entry) => {
                        gathered.entry = StateEntry { authorities: Vec::new(), ..entry };
                        gathered.origin.core = at;
                        gathered.seen = true;
                    }
                    Err(p) => problems.push(p),
                },
                "authorities.csv" => {
                    if let Some(a) = collect::<Authority>(row, &at, &mut problems) {
                        gathered.entry.authorities.push(a);
                        gathered.origin.authorities.push(at);
                    }
                }
                "instrument_status.csv" => {
                    if let Some(s) = collect::<InstrumentStatus>(row, &at, &mut problems) {
                        gathered.entry.instrument_status.push(s);
                        gathered.origin.instrument_status.push(at);
                    }
                }
                "channels.csv" => {
                    if let Some(c) = collect::<ChannelRule>(row, &at, &mut problems) {
                        gathered.entry.channels.push(c);
                        gathered.origin.channels.push(at);
                    }
                }
                _ => {
                    if let Some(l) = collect::<LanguageRule>(row, &at, &mut problems) {
                        gathered.entry.languages.push(l);
                        gathered.origin.languages.push(at);
                    }
                }
            }
        }
    }
    let given = |file: &str| texts.iter().any(|(t, _)| t.file == file);
    let states = order
        .into_iter()
        .map(|id| {
            let mut g = states.remove(&id).expect("every State in the order was gathered");
            g.entry.state_id = id;
            let parts = Parts {
                core: g.seen,
                authorities: given(AUTHORITIES.file),
                instrument_status: given(INSTRUMENT_STATUS.file),
                channels: given(CHANNELS.file),
                languages: given(LANGUAGES.file),
            };
            IncomingState { entry: g.entry, parts, origin: g.origin }
        })
        .collect();
    Ok(Incoming { source_name: source_name.to_string(), states, problems })
}

fn collect<T: DeserializeOwned>(row: Value, at: &str, problems: &mut Vec<DirectoryProblem>) -> Option<T> {
    match record::<T>(row, at) {
        Ok(r) => Some(r),
        Err(p) => {
            problems.push(p);
            None
        }
    }
}

/// A row's record, or what is wrong with it.
fn record<T: DeserializeOwned>(row: Value, at: &str) -> Result<T, DirectoryProblem> {
    serde_path_to_error::deserialize(row).map_err(|e| {
        let column = e.path().to_string();
        let inner = e.into_inner();
        DirectoryProblem { at: join(at, if column == "." { "" } else { &column }), message: inner.to_string(), ..DirectoryProblem::default() }
    })
}

/// The rows of one table: where each is (`authorities.csv line 7`), its
/// State and its record as JSON. A cell that cannot be read is recorded as
/// a problem and left out, so the rest of its row is still checked; a row
/// that cannot be read at all is left out.
fn rows(table: &Table, text: &str, problems: &mut Vec<DirectoryProblem>) -> Vec<(String, String, Value)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let place = |line: u64| format!("{} line {line}", table.file);
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_string()).collect(),
        Err(e) => {
            problems.push(DirectoryProblem { at: place(1), message: format!("the header cannot be read: {e}"), ..DirectoryProblem::default() });
            return Vec::new();
        }
    };
    let mut columns = Vec::new();
    let mut header_ok = true;
    for (i, name) in header.iter().enumerate() {
        match table.columns.iter().find(|(id, _)| id == name) {
            Some(&(id, cell)) if !header[..i].contains(name) => columns.push((id, cell)),
            Some(_) => {
                problems.push(DirectoryProblem { at: place(1), message: format!("column {name:?} appears twice"), ..DirectoryProblem::default() });
                header_ok = false;
            }
            None => {
                let known: Vec<&str> = table.columns.iter().map(|(id, _)| *id).collect();
                problems.push(DirectoryProblem { at: place(1), message: format!("unknown column {name:?}; the columns of {} are {}", table.file, known.join(", ")), ..DirectoryProblem::default() });
                header_ok = false;
            }
        }
    }
    if !header.iter().any(|h| h == "state_id") {
        problems.push(DirectoryProblem { at: place(1), message: "the column state_id is missing".to_string(), ..DirectoryProblem::default() });
        header_ok = false;
    }
    if !header_ok {
        return Vec::new();
    }
    let mut out = Vec::new();
    for result in reader.records() {
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| line_at(text, p.byte()));
                problems.push(DirectoryProblem { at: place(line), message: format!("the row cannot be read: {e}"), ..DirectoryProblem::default() });
                continue;
            }
        };
        let at = place(record.position().map_or(0, |p| line_at(text, p.byte())));
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut object = Map::new();
        let mut state_id = String::new();
        for (&(id, cell), text) in columns.iter().zip(record.iter()) {
            let text = text.trim();
            if id == "state_id" {
                state_id = text.to_string();
                if table.file != STATES.file {
                    continue;
                }
            }
            if text.is_empty() {
                continue;
            }
            match parse_cell(cell, text) {
                Ok(value) => set_path(&mut object, id, value),
                Err(message) => problems.push(DirectoryProblem { at: join(&at, id), message, ..DirectoryProblem::default() }),
            }
        }
        if state_id.is_empty() {
            problems.push(DirectoryProblem { at: join(&at, "state_id"), message: "is required".to_string(), ..DirectoryProblem::default() });
        } else {
            out.push((at, state_id, Value::Object(object)));
        }
    }
    out
}

/// The line a record starting at byte `at` is on, counted from 1 (the
/// reader's own count lags one line behind in files with CRLF line ends).
fn line_at(text: &str, at: u64) -> u64 {
    let bytes = text.as_bytes();
    let mut start = usize::try_from(at).unwrap_or(bytes.len()).min(bytes.len());
    while start < bytes.len() && (bytes[start] == b'\r' || bytes[start] == b'\n') {
        start += 1;
    }
    1 + bytes[..start].iter().filter(|b| **b == b'\n').count() as u64
}

fn parse_cell(cell: Cell, text: &str) -> Result<Value, String> {
    let json_list = |text: &str| serde_json::from_str::<Value>(text).map_err(|e| format!("a list written as JSON must be a JSON array: {e}"));
    match cell {
        Cell::Text => Ok(Value::String(text.to_string())),
        Cell::Bool => match text.to_ascii_lowercase().as_str() {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err(format!("expected true or false, found {text:?}")),
        },
        Cell::Number => text.parse::<u32>().map(Value::from).map_err(|_| format!("expected a whole number of days, found {text:?}")),
        Cell::List | Cell::Pairs { .. } if text.starts_with('[') => json_list(text),
        Cell::List => Ok(Value::Array(items(text).map(|i| Value::String(i.to_string())).collect())),
        Cell::Pairs { first, second, at_last } => Ok(Value::Array(
            items(text)
                .map(|item| {
                    let split = if at_last { item.rsplit_once(": ") } else { item.split_once(": ") };
                    let (a, b) = split.unwrap_or(("", item));
                    let mut pair = Map::new();
                    if !a.trim().is_empty() {
                        pair.insert(first.to_string(), Value::String(a.trim().to_string()));
                    }
                    pair.insert(second.to_string(), Value::String(b.trim().to_string()));
                    Value::Object(pair)
                })
                .collect(),
        )),
        Cell::Json => serde_json::from_str(text).map_err(|e| format!("expected JSON in this cell: {e}")),
    }
}

fn items(text: &str) -> impl Iterator<Item = &str> {
    text.split(';').map(str::trim).filter(|i| !i.is_empty())
}

/// Sets `a.b.c` in `object`, creating the records on the way.
fn set_path(object: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('.') {
        None => {
            object.insert(path.to_string(), value);
        }
        Some((head, rest)) => {
            let inner = object.entry(head.to_string()).or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(map) = inner {
                set_path(map, rest, value);
            }
        }
    }
}

/// The tables of `states` as CSV text, each with its file name.
pub fn write_tables(states: &[StateEntry]) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for table in TABLES {
        let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
        writer.write_record(table.columns.iter().map(|(id, _)| *id)).expect("writing to memory");
        for state in states {
            let records: Vec<Value> = match table.file {
                "states.csv" => vec![as_value(&StateEntry { authorities: Vec::new(), instrument_status: Vec::new(), channels: Vec::new(), languages: Vec::new(), ..state.clone() })],
                "authorities.csv" => state.authorities.iter().map(as_value).collect(),
                "instrument_status.csv" => state.instrument_status.iter().map(as_value).collect(),
                "channels.csv" => state.channels.iter().map(as_value).collect(),
                _ => state.languages.iter().map(as_value).collect(),
            };
            for record in records {
                let row: Vec<String> = table
                    .columns
                    .iter()
                    .map(|&(id, cell)| if id == "state_id" { state.state_id.clone() } else { write_cell(cell, get_path(&record, id)) })
                    .collect();
                writer.write_record(&row).expect("writing to memory");
            }
        }
        let bytes = writer.into_inner().expect("writing to memory");
        out.push((table.file, String::from_utf8(bytes).expect("the cells are text")));
    }
    out
}

fn as_value<T: Serialize>(record: &T) -> Value {
    serde_json::to_value(record).expect("a record serialises")
}

fn get_path<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(value, |v, key| v.get(key))
}

fn write_cell(cell: Cell, value: Option<&Value>) -> String {
    let Some(value) = value else { return String::new() };
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match (cell, value) {
        (Cell::Json, v) => v.to_string(),
        (Cell::List, Value::Array(list)) => {
            let items: Vec<String> = list.iter().map(text).collect();
            joined_or_json(&items, value)
        }
        (Cell::Pairs { first, second, at_last }, Value::Array(list)) => {
            let items: Vec<String> = list
                .iter()
                .map(|pair| {
                    let a = pair.get(first).map(text).unwrap_or_default();
                    let b = pair.get(second).map(text).unwrap_or_default();
                    // An item whose parts hold the separator at the wrong end cannot be split back.
                    let ambiguous = if at_last { b.contains(": ") } else { a.contains(": ") } || (a.is_empty() && b.contains(": "));
                    if ambiguous {
                        ";".to_string()
                    } else if a.is_empty() {
                        b
                    } else {
                        format!("{a}: {b}")
                    }
                })
                .collect();
            joined_or_json(&items, value)
        }
        (_, v) => text(v),
    }
}

/// Items joined with `; `, or the list as JSON when an item holds a `;`
/// (or is empty) and could not be read back.
fn joined_or_json(items: &[String], value: &Value) -> String {
    if items.iter().any(|i| i.contains(';') || i.trim().is_empty() || i.trim() != i || i.starts_with('[')) {
        value.to_string()
    } else {
        items.join("; ")
    }
}
