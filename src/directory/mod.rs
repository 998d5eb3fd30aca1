//! The directory of competent authorities: per State, its authorities by
//! role, its status under each instrument, the channels and languages it
//! accepts, and what it requires of a request, each with its source and
//! as-of date (the record layout of the domain reference, §3–§6).
//!
//! This stage is plain data: the model ([`model`]), its validation
//! ([`validate`]), the JSON and CSV formats ([`read`], [`tables`]), what an
//! import would change ([`changes`]) and the fictitious demo pack
//! ([`demo`]). The store keeps it; a request will carry a snapshot of its
//! State's entry so the checks stay pure functions of the request.
//!
//! Architecture invariants: no real State's contact details are shipped
//! (only the fictitious demo pack, every entry `fictitious: true` under a
//! user-assigned code); an import is validated whole and refused whole,
//! every problem listed with where it is.

pub mod changes;
pub mod demo;
pub mod language_names;
pub mod model;
pub mod read;
mod state_ids;
pub mod state_names;
pub mod tables;
pub mod validate;

pub use changes::{AuthorityChange, ChangeKind, DirectoryChanges, EntryFieldChange, StateChange};
pub use model::*;
pub use read::{Incoming, Parts};
pub use validate::DirectoryProblem;

use std::path::PathBuf;

use thiserror::Error;

/// A directory file could not be taken in or written.
#[derive(Debug, Error)]
pub enum DirectoryError {
    /// The file cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not a directory file of the expected shape.
    #[error("{source_name}: {message}; nothing was imported")]
    Unreadable {
        /// The file.
        source_name: String,
        /// What is wrong, and where.
        message: String,
    },
    /// Records break the rules; every problem is listed.
    #[error("{source_name}: {} problem(s), nothing was imported:\n{}", problems.len(), list(problems))]
    Invalid {
        /// The file or folder.
        source_name: String,
        /// Every problem found.
        problems: Vec<DirectoryProblem>,
    },
    /// Export refused: these entries come from sources with restricted
    /// access.
    #[error(
        "not exported: {} may not be redistributed (redistribution: restricted): {}. Export again with the acknowledgement that you are entitled to share them (--include-restricted)",
        if entries.len() == 1 { "this entry" } else { "these entries" },
        entries.join("; ")
    )]
    Restricted {
        /// The entries, named (`XA Examplia`, `XA authority … (name)`).
        entries: Vec<String>,
    },
}

fn list(problems: &[DirectoryProblem]) -> String {
    problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n")
}

/// A date written `YYYY-MM-DD`, if it is one.
pub fn parse_date(text: &str) -> Option<time::Date> {
    if text.len() != 10 {
        return None;
    }
    time::Date::parse(text, time::macros::format_description!("[year]-[month]-[day]")).ok()
}

/// Refuses to let restricted entries leave the app unless the user has
/// acknowledged they are entitled to share them.
pub fn check_exportable(states: &[StateEntry], include_restricted: bool) -> Result<(), DirectoryError> {
    if include_restricted {
        return Ok(());
    }
    let mut entries = Vec::new();
    for s in states {
        if s.redistribution == Redistribution::Restricted {
            entries.push(format!("{} {}", s.state_id, s.name));
        }
        for a in s.authorities.iter().filter(|a| a.redistribution == Redistribution::Restricted) {
            entries.push(format!("{} authority {} ({})", s.state_id, a.authority_id, a.name));
        }
    }
    if entries.is_empty() {
        Ok(())
    } else {
        Err(DirectoryError::Restricted { entries })
    }
}

/// A directory file as JSON, pretty-printed.
pub fn to_json(states: &[StateEntry]) -> String {
    serde_json::to_string_pretty(&DirectoryFile::new(states.to_vec())).expect("a directory serialises") + "\n"
}
