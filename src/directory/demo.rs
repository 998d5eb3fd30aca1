//! The demo pack: three clearly fictitious States (user-assigned codes,
//! `.example` addresses, numbers no one can dial), the ones the demo and
//! example requests address (Norland, Vestria, Calvania). It is loaded in
//! demo mode only; the directory of real States ships empty.
//!
//! Demo mode ([`Mode`]) is also what allows a request addressed to a
//! fictitious State to be finalised: outside it, such a request leaves
//! only as a draft (the check `DIR-FICTITIOUS`). Whether a request is
//! addressed to a fictitious State is said by one function,
//! [`is_fictitious`].

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::read::{parse_json, Incoming};
use super::state_ids::is_user_assigned;
use super::StateEntry;

/// The pack, as shipped in `assets/directory/demo.json`.
pub const DEMO_JSON: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/directory/demo.json"));

/// The demo pack as an import.
pub fn pack() -> Incoming {
    parse_json(DEMO_JSON, "demo directory").expect("the shipped demo directory is a valid directory file")
}

/// The State the demo request is addressed to (Norland).
pub const DEMO_REQUEST_STATE: &str = "XN";

/// Whether the app runs as a demonstration: a setting of the app (off for
/// a real user), `--demo` or `MLA_DEMO=1` for the CLI. It is passed to the
/// checks and the exports, never read by them from anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Mode {
    /// Real work: a request addressed to a fictitious State is never
    /// finalised (it leaves only as a draft).
    #[default]
    Real,
    /// Demonstration, training and tests: the fictitious States of the
    /// demo pack are loaded, and requests addressed to them are exported
    /// as any other.
    Demo,
}

impl Mode {
    /// Demo mode when `on`.
    pub fn demo_if(on: bool) -> Mode {
        if on { Mode::Demo } else { Mode::Real }
    }

    /// Whether this is demo mode.
    pub fn is_demo(self) -> bool {
        self == Mode::Demo
    }

    /// The mode `MLA_DEMO` asks for: demo when it is `1` (or `true`, `yes`,
    /// `on`), else real. For the CLI and the app's start-up.
    pub fn from_env() -> Mode {
        let value = std::env::var("MLA_DEMO").unwrap_or_default();
        Mode::demo_if(matches!(value.trim().to_ascii_lowercase().as_str(), "1" | "true" | "yes" | "on"))
    }
}

/// The demo pack's States, read once: code, name and local name.
fn demo_states() -> &'static [(String, String, String)] {
    static STATES: OnceLock<Vec<(String, String, String)>> = OnceLock::new();
    STATES.get_or_init(|| pack().states.into_iter().map(|s| (s.entry.state_id, s.entry.name, s.entry.name_local)).collect())
}

/// Whether a request addressed to the State named `req_state`, with the
/// directory `entry` it carries for that State (if any), is addressed to a
/// fictitious State: the entry says so (`fictitious`), or `req_state` is a
/// user-assigned code (XA–XZ but XK, QM–QZ, AA, ZZ), or it is the name of a
/// State of the demo pack ("Kingdom of Norland": the example files name
/// their State without carrying its entry). The one function that says so.
pub fn is_fictitious(req_state: &str, entry: Option<&StateEntry>) -> bool {
    let named = req_state.trim();
    entry.is_some_and(|e| e.fictitious)
        || is_user_assigned(&named.to_ascii_uppercase())
        || (!named.is_empty()
            && demo_states().iter().any(|(_, name, local)| [name, local].iter().any(|n| !n.trim().is_empty() && n.trim().to_lowercase() == named.to_lowercase())))
}

/// The name of the demo pack's State `code` ("Kingdom of Norland" for
/// `XN`): how a request addressed to it by code is worded while it carries
/// no entry of its own (the example files).
pub fn state_name(code: &str) -> Option<&'static str> {
    demo_states().iter().find(|(id, _, _)| id == code).map(|(_, name, _)| name.as_str())
}

/// The code of the State that `text` names, for a State kept as typed
/// before States were named by code (an older draft, an older own-State
/// profile): a real State's code in any case or its CLDR name in any of the
/// six languages ([`super::state_names::recognise`]), or the name of a
/// State of the demo pack ("Kingdom of Norland": `XN`). `None` when it
/// names none: the caller keeps the text as typed.
pub fn code_of(text: &str) -> Option<String> {
    let typed = text.trim();
    if typed.is_empty() {
        return None;
    }
    super::state_names::recognise(typed).map(str::to_string).or_else(|| {
        demo_states()
            .iter()
            .find(|(_, name, local)| [name, local].iter().any(|n| !n.trim().is_empty() && n.trim().to_lowercase() == typed.to_lowercase()))
            .map(|(id, _, _)| id.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The class of requests addressed to a fictitious State: by the
    /// entry's flag, by a user-assigned code, or by a demo State's name;
    /// never a real State's name or code.
    #[test]
    fn a_fictitious_state_is_known_by_its_entry_its_code_or_its_demo_name() {
        let norland = pack().states.into_iter().find(|s| s.entry.state_id == "XN").unwrap().entry;
        assert!(is_fictitious("Kingdom of Norland", Some(&norland)));
        assert!(is_fictitious("  kingdom of norland ", None));
        assert!(is_fictitious("Republic of Calvania", None));
        assert!(is_fictitious("XN", None));
        assert!(is_fictitious("qz", None));
        let real = StateEntry { state_id: "FR".into(), name: "France".into(), ..StateEntry::default() };
        assert!(!is_fictitious("France", Some(&real)));
        assert!(!is_fictitious("FR", None));
        assert!(!is_fictitious("XK", None), "XK is in practical use for a real territory");
        assert!(!is_fictitious("", None));
        assert!(!is_fictitious("Norway", None));
    }

    /// The class of States kept as typed before they were kept by code:
    /// a code in any case, a real State's name in any of the six
    /// languages, a demo State's name; anything else is no code.
    #[test]
    fn a_state_typed_as_a_name_or_a_code_in_any_case_has_its_code() {
        for (typed, code) in [("fr", "FR"), (" FR ", "FR"), ("France", "FR"), ("Франция", "FR"), ("kingdom of norland", "XN"), ("Republic of Calvania", "XC")] {
            assert_eq!(code_of(typed).as_deref(), Some(code), "{typed}");
        }
        for typed in ["", "  ", "Republic of Arden", "Deutschland"] {
            assert_eq!(code_of(typed), None, "{typed}");
        }
    }

    #[test]
    fn demo_mode_is_off_unless_asked_for() {
        assert_eq!(Mode::default(), Mode::Real);
        assert!(Mode::demo_if(true).is_demo() && !Mode::demo_if(false).is_demo());
    }
}
