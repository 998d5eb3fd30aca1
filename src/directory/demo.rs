//! The demo pack: three clearly fictitious States (user-assigned codes,
//! `.example` addresses, numbers no one can dial), the ones the demo and
//! example requests address (Norland, Vestria, Calvania). It is loaded in
//! demo mode only; the directory of real States ships empty.

use super::read::{parse_json, Incoming};

/// The pack, as shipped in `assets/directory/demo.json`.
pub const DEMO_JSON: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/directory/demo.json"));

/// The demo pack as an import.
pub fn pack() -> Incoming {
    parse_json(DEMO_JSON, "demo directory").expect("the shipped demo directory is a valid directory file")
}

/// The State the demo request is addressed to (Norland).
pub const DEMO_REQUEST_STATE: &str = "XN";

/// The name of the demo pack's State `code` ("Kingdom of Norland" for
/// `XN`): how a request addressed to it by code is worded while it carries
/// no entry of its own (the example files).
pub fn state_name(code: &str) -> Option<&'static str> {
    static NAMES: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| pack().states.into_iter().map(|s| (s.entry.state_id, s.entry.name)).collect());
    names.iter().find(|(id, _)| id == code).map(|(_, name)| name.as_str())
}
