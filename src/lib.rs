//! MLA Writer core: requests for international cooperation in criminal
//! matters, from wizard answers to checked, rendered documents and stored
//! drafts. No part of this crate depends on the desktop shell; everything the
//! app does is callable from here and from the `mla` CLI.
//!
//! The modules are the stages of a request's pipeline, in order; a stage
//! imports only the stages before it (tested in `tests/architecture.rs`):
//!
//! `files` (writing files whole or not at all, used by every stage) →
//! `directory` (the directory of competent authorities, plain data) →
//! `request` → `i18n` → `interview` → `checks` → `document` → `layout` →
//! `output` → `export`, with `translation`, `store` and `exchange` beside
//! them as the ways a request is translated, kept and shared.
//!
//! See `ARCHITECTURE.md` for the map.

pub mod files;
pub mod directory;
pub mod request;
pub mod i18n;
pub mod interview;
pub mod checks;
pub mod document;
pub mod layout;
pub mod output;
pub mod export;
pub mod translation;
pub mod store;
pub mod exchange;

/// The version of this build and the commit it was built from, as the app's
/// start screen and `mla --version` show them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct BuildInfo {
    /// The crate's version, e.g. `0.1.0`.
    pub version: String,
    /// The commit's short hash (8 hex digits, or the hash `MLA_COMMIT` gave
    /// the build), or `unknown` when the build was made outside a Git
    /// checkout without `MLA_COMMIT` set (`build.rs`).
    pub commit: String,
}

/// `0.1.0 (commit 1a2b3c4d)`: what `mla --version` prints after the name.
pub const VERSION_LINE: &str = concat!(env!("CARGO_PKG_VERSION"), " (commit ", env!("MLA_COMMIT"), ")");

/// The version and commit of this build.
pub fn build_info() -> BuildInfo {
    BuildInfo { version: env!("CARGO_PKG_VERSION").to_string(), commit: env!("MLA_COMMIT").to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_names_its_version_and_a_commit() {
        let info = build_info();
        assert_eq!(info.version, env!("CARGO_PKG_VERSION"));
        assert!(
            info.commit == "unknown" || (info.commit.len() >= 7 && info.commit.bytes().all(|b| b.is_ascii_hexdigit())),
            "commit {:?} is neither a short hash nor `unknown`",
            info.commit
        );
        assert_eq!(VERSION_LINE, format!("{} (commit {})", info.version, info.commit));
    }
}
