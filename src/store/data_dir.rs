//! Where the app keeps its data: `MLA_DATA_DIR` when set (tests, portable
//! use), otherwise the platform's data directory.

use std::path::PathBuf;

/// Environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "MLA_DATA_DIR";

/// The data directory used by the app and the CLI.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("org", "MLA Writer", "mla-writer")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".mla-writer"))
}
