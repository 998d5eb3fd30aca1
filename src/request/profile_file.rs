//! Reading a profile file (the own-State profile, a treaty profile): JSON
//! the user writes or exchanges, read as one kind of profile and then
//! validated, each problem named with its JSON path.

use std::path::Path;

use serde::de::DeserializeOwned;
use thiserror::Error;

use crate::request::json::{self, JsonError};
use crate::request::read::json_path;
use crate::request::text_file::{read_text_file, TextFileError};

/// The largest profile file read, in bytes.
pub const MAX_PROFILE_BYTES: u64 = 1024 * 1024;

/// Why a profile file cannot be read.
#[derive(Debug, Error)]
pub enum ProfileFileError {
    /// The file cannot be read.
    #[error("{file}: {source}")]
    File {
        /// The file.
        file: String,
        /// Why.
        source: TextFileError,
    },
    /// The text is not JSON, or repeats a key.
    #[error("{file}: {message}")]
    Json {
        /// The file.
        file: String,
        /// The JSON reader's message, with its line and column or path.
        message: String,
    },
    /// The JSON does not have the shape of the profile.
    #[error("{file}: at {path}: {message}")]
    Shape {
        /// The file.
        file: String,
        /// JSON path (`$.articles.videoconferencing`).
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The profile has the right shape but wrong values; nothing is kept.
    #[error("{file}: {} problem(s):\n{}", problems.len(), problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid {
        /// The file.
        file: String,
        /// Every problem, each starting with its JSON path.
        problems: Vec<String>,
    },
}

/// Reads the profile in the file at `path`, checked by `problems`.
pub fn read_profile<T: DeserializeOwned>(path: &Path, problems: fn(&T) -> Vec<String>) -> Result<T, ProfileFileError> {
    let file = path.display().to_string();
    let text = read_text_file(path, MAX_PROFILE_BYTES).map_err(|source| ProfileFileError::File { file: file.clone(), source })?;
    parse_profile(&text, &file, problems)
}

/// Parses a profile and checks it with `problems`; `origin` names it in errors.
pub fn parse_profile<T: DeserializeOwned>(text: &str, origin: &str, problems: fn(&T) -> Vec<String>) -> Result<T, ProfileFileError> {
    let value = json::parse(text).map_err(|e| ProfileFileError::Json {
        file: origin.to_string(),
        message: match e {
            JsonError::Syntax { line, column, message } => format!("not valid JSON at line {line}, column {column}: {message}"),
            other => other.to_string(),
        },
    })?;
    let profile: T = serde_path_to_error::deserialize(&value).map_err(|e| ProfileFileError::Shape {
        file: origin.to_string(),
        path: json_path(e.path()),
        message: e.inner().to_string(),
    })?;
    let found = problems(&profile);
    if found.is_empty() { Ok(profile) } else { Err(ProfileFileError::Invalid { file: origin.to_string(), problems: found }) }
}
