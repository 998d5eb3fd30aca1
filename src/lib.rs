//! MLA Writer core: requests for international cooperation in criminal
//! matters, from wizard answers to checked, rendered documents and stored
//! drafts. No part of this crate depends on the desktop shell; everything the
//! app does is callable from here and from the `mla` CLI.
//!
//! The modules are the stages of a request's pipeline, in order; a stage
//! imports only the stages before it (tested in `tests/architecture.rs`):
//!
//! `files` (writing files whole or not at all, used by every stage) →
//! `request` → `i18n` → `interview` → `checks` → `document` → `layout` →
//! `output` → `export`, with `translation`, `store` and `exchange` beside
//! them as the ways a request is translated, kept and shared.
//!
//! See `ARCHITECTURE.md` for the map.

pub mod files;
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
