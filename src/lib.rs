//! MLA Writer core: requests for international cooperation in criminal
//! matters, from wizard answers to checked, rendered documents and stored
//! drafts. No part of this crate depends on the desktop shell; everything the
//! app does is callable from here and from the `mla` CLI.
//!
//! See `ARCHITECTURE.md` for the map.

pub mod checks;
pub mod demo;
pub mod document;
pub mod docx;
pub mod follow_up;
pub mod fonts;
pub mod format;
pub mod html;
pub mod layout;
pub mod locale;
pub mod model;
pub mod paths;
pub mod pdf;
pub mod render;
pub mod shaping;
pub mod store;
pub mod templates;
pub mod view;
pub mod wizard;
pub mod xliff;
pub mod xml_text;
