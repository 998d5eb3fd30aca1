//! Taking a directory file in: the app's JSON (`{ "format": "mla-directory",
//! … }`), a folder of CSV tables, or one table (`authorities.csv`). What is
//! read is an [`Incoming`]: the States it speaks of, which parts of each it
//! gives, and where each record was (a JSON path, a CSV file and line), so
//! that every problem found later is reported where the user can fix it.

use std::path::Path;

use super::model::{DirectoryFile, StateEntry};
use super::validate::{self, DirectoryProblem};
use super::{tables, DirectoryError};

/// The largest directory file read (a JSON file or one CSV table).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Which parts of a State's entry an import gives; the others are kept as
/// they are in the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Parts {
    /// The core fields, requirements and provenance (`states.csv`).
    pub core: bool,
    /// The authorities (`authorities.csv`).
    pub authorities: bool,
    /// The instrument status (`instrument_status.csv`).
    pub instrument_status: bool,
    /// The channel rules (`channels.csv`).
    pub channels: bool,
    /// The language rules (`languages.csv`).
    pub languages: bool,
}

impl Parts {
    /// Every part: a JSON entry is whole.
    pub const ALL: Parts = Parts { core: true, authorities: true, instrument_status: true, channels: true, languages: true };
}

/// Where each record of an incoming State was, for its problems.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// The core fields.
    pub core: String,
    /// Each instrument status, in order.
    pub instrument_status: Vec<String>,
    /// Each channel rule.
    pub channels: Vec<String>,
    /// Each language rule.
    pub languages: Vec<String>,
    /// Each authority.
    pub authorities: Vec<String>,
}

/// One State as an import gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct IncomingState {
    /// The parts given (the others are empty here).
    pub entry: StateEntry,
    /// Which parts the import gives for it.
    pub parts: Parts,
    /// Where its records were.
    pub origin: Origin,
}

/// What an import file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    /// The file or folder, as named to the user.
    pub source_name: String,
    /// The States, in the file's order.
    pub states: Vec<IncomingState>,
    /// What was found wrong while reading (a row that does not parse, a
    /// cell of the wrong type); [`super::changes::preview`] lists them with
    /// the problems of the records themselves, so one pass shows them all.
    pub problems: Vec<DirectoryProblem>,
}

/// Reads a directory from `path`: a folder of CSV tables, one CSV table
/// (named after its table, e.g. `authorities.csv`), or a JSON file.
pub fn read_path(path: &Path) -> Result<Incoming, DirectoryError> {
    if path.is_dir() {
        return tables::read_folder(path);
    }
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) {
        return tables::read_table_file(path);
    }
    let text = read_text(path)?;
    parse_json(&text, &path.display().to_string())
}

/// The text of a file, refused beyond [`MAX_FILE_BYTES`].
pub(super) fn read_text(path: &Path) -> Result<String, DirectoryError> {
    let io = |source| DirectoryError::Io { path: path.to_path_buf(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(DirectoryError::Unreadable {
            source_name: path.display().to_string(),
            message: format!("{size} bytes, more than the {MAX_FILE_BYTES} a directory file may have"),
        });
    }
    std::fs::read_to_string(path).map_err(io)
}

/// Parses a directory file in the app's JSON format; `source_name` names
/// it in messages. Shape errors give the JSON path; the entries themselves
/// are validated against the directory they would change (see
/// [`super::changes::preview`]).
pub fn parse_json(text: &str, source_name: &str) -> Result<Incoming, DirectoryError> {
    let unreadable = |message: String| DirectoryError::Unreadable { source_name: source_name.to_string(), message };
    let de = &mut serde_json::Deserializer::from_str(text);
    let file: DirectoryFile = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            unreadable(format!("not JSON: {inner}"))
        } else {
            unreadable(format!("at {path}: {inner}"))
        }
    })?;
    let problems: Vec<DirectoryProblem> = validate::header_problems(&file);
    let states = file
        .states
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let at = format!("states[{i}]");
            let origin = Origin {
                core: at.clone(),
                instrument_status: (0..entry.instrument_status.len()).map(|j| format!("{at}.instrument_status[{j}]")).collect(),
                channels: (0..entry.channels.len()).map(|j| format!("{at}.channels[{j}]")).collect(),
                languages: (0..entry.languages.len()).map(|j| format!("{at}.languages[{j}]")).collect(),
                authorities: (0..entry.authorities.len()).map(|j| format!("{at}.authorities[{j}]")).collect(),
            };
            IncomingState { entry, parts: Parts::ALL, origin }
        })
        .collect();
    Ok(Incoming { source_name: source_name.to_string(), states, problems })
}
