//! The requested State's requirements beside the wizard's steps: what the
//! copy of its directory entry a request carries says (its requirements,
//! and the notes of the language and channel rules that apply to the
//! request), each as a short note on the step, and the field, it concerns.
//!
//! Where each requirement goes is data, in one place: [`PLACEMENTS`]. A
//! closed value is worded from the catalogue (the directory editor's own
//! words, `ui.directory.*`), a free-text note is shown as typed: it is
//! imported data, never markup. Every note names its source: the State and
//! the date its entry is valid as of.
//!
//! Architecture invariant: every field of the entry's requirements, and
//! every note of its language and channel rules, has a place on a step of
//! the wizard (tested).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::i18n::{Catalogue, Lang};
use crate::request::{addressee, Request};

/// What the requested State's directory entry says beside the wizard's steps.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RequirementNotes {
    /// Where the notes come from, in the interface language: the State and
    /// the date its entry is valid as of ("Kingdom of Norland — directory,
    /// as of 2026-05-01").
    pub source: String,
    /// The notes of each step, by step id (`facts`, `m3`), in the order of
    /// the entry.
    pub steps: BTreeMap<String, Vec<RequirementNote>>,
}

/// One requirement, worded.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RequirementNote {
    /// The field of the step it concerns (dotted path), when one does.
    pub field: Option<String>,
    /// What the requirement is about ("Dual criminality").
    pub label: String,
    /// What the entry says: a closed value worded, a note as typed; empty
    /// when the label says it all.
    pub text: String,
}

/// Which part of the entry a requirement is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// The State's requirements (directory.md §3.5).
    Requirements,
    /// The most specific language rule for the request that says it (§3.4).
    LanguageRule,
    /// The most specific channel rule for the request that says it (§3.3).
    ChannelRule,
}

/// How a value is worded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wording {
    /// Free text, as typed.
    Text,
    /// A closed value, worded under this catalogue prefix (`<prefix>.<value>`).
    Choice(&'static str),
    /// Yes, no or not known (a boolean, or an acceptance).
    YesNo,
    /// A number, as written.
    Number,
    /// A list of texts, as typed.
    List,
    /// Module codes (`M3`): a note on each module's step.
    Modules,
    /// Texts by module code: each on its module's step.
    ByModule,
}

/// One requirement of the entry and the step (and field) it is shown on.
struct Placement {
    part: Part,
    /// The entry's field, as the record layout names it.
    name: &'static str,
    wording: Wording,
    /// The step id; `""` for the step of each module the value names.
    step: &'static str,
    /// The field of the step it concerns, if one does.
    field: Option<&'static str>,
    /// Whether its label is our own (`requirements.label.<name>`), not the
    /// directory editor's (`ui.directory.field.<name>`).
    own_label: bool,
}

const fn at(part: Part, name: &'static str, wording: Wording, step: &'static str, field: Option<&'static str>) -> Placement {
    Placement { part, name, wording, step, field, own_label: false }
}

const fn own(p: Placement) -> Placement {
    Placement { own_label: true, ..p }
}

use Part::{ChannelRule as CHANNEL, LanguageRule as LANGUAGE, Requirements as REQUIREMENTS};
use Wording::{ByModule, Choice, List, Modules, Number, Text, YesNo};

/// The one map of requirements to wizard steps, in the order they are shown.
const PLACEMENTS: &[Placement] = &[
    // The offences: whether the act must be an offence in the requested State too.
    at(REQUIREMENTS, "dual_criminality", Choice("ui.directory.dual_criminality"), "facts", Some("dual_crim.statement")),
    at(REQUIREMENTS, "dual_criminality_note", Text, "facts", Some("dual_crim.statement")),
    // The modules of assistance.
    own(at(REQUIREMENTS, "domestic_order_required", Modules, "", None)),
    own(at(REQUIREMENTS, "special_measure_docs", ByModule, "", None)),
    at(REQUIREMENTS, "service_lead_days", Number, "m2", Some("mla.service")),
    at(REQUIREMENTS, "preservation_period_days", Number, "preservation", Some("preservation.mla_expected_date")),
    at(REQUIREMENTS, "procedural_requirements", Text, "purpose", Some("procedure.requested")),
    // Handling: time, confidentiality, use, costs.
    at(REQUIREMENTS, "typical_response_days", Number, "handling", Some("deadline.date")),
    at(REQUIREMENTS, "typical_response_note", Text, "handling", Some("deadline.date")),
    own(at(REQUIREMENTS, "confidentiality_note", Text, "handling", Some("conf.required"))),
    at(REQUIREMENTS, "use_limitation", Choice("ui.directory.use_limitation"), "handling", Some("use.ack")),
    at(REQUIREMENTS, "use_limitation_note", Text, "handling", Some("use.ack")),
    at(REQUIREMENTS, "costs_practice", Text, "handling", Some("costs.extraordinary_expected")),
    // The signature.
    at(REQUIREMENTS, "authentication", Choice("ui.directory.authentication"), "annexes", Some("sign.authentication")),
    at(REQUIREMENTS, "validation_required", YesNo, "annexes", Some("sign.validating_auth")),
    own(at(REQUIREMENTS, "validation_issuers", List, "annexes", Some("sign.validating_auth"))),
    // The language of the request.
    at(LANGUAGE, "certified_translation", YesNo, "basis", Some("translation.status")),
    at(LANGUAGE, "attachments_rule", Choice("ui.directory.attachments"), "basis", Some("translation.covers_attachments")),
    at(LANGUAGE, "basis_note", Text, "basis", Some("lang.request")),
    // The channel.
    at(CHANNEL, "diplomatic_required", YesNo, "authorities", Some("channel.route")),
    at(CHANNEL, "interpol_urgent", YesNo, "authorities", Some("channel.advance_copy_interpol")),
    at(CHANNEL, "oral_urgent_accepted", YesNo, "authorities", None),
    at(CHANNEL, "original_to_follow", YesNo, "authorities", Some("channel.means")),
    at(CHANNEL, "encryption_required", YesNo, "authorities", Some("channel.encryption")),
    at(CHANNEL, "encryption_note", Text, "authorities", Some("channel.encryption")),
    at(CHANNEL, "e_signature_required", YesNo, "authorities", Some("channel.means")),
    at(CHANNEL, "e_signature_note", Text, "authorities", Some("channel.means")),
];

/// The catalogue keys of the notes' own wording, for the catalogue test.
pub(crate) fn catalogue_keys() -> Vec<String> {
    let mut keys = vec!["requirements.source".to_string(), "requirements.source_undated".to_string()];
    keys.extend(PLACEMENTS.iter().filter(|p| p.own_label).map(|p| format!("requirements.label.{}", p.name)));
    keys
}

/// The step of the module named by its code (`M3` → `m3`).
fn module_step(code: &str) -> String {
    code.trim().to_ascii_lowercase()
}

/// A value as a text in `lang`; `None` when it says nothing.
fn worded(value: &Value, wording: Wording, cat: &Catalogue) -> Option<String> {
    let text = match (wording, value) {
        (Text, Value::String(s)) => s.trim().to_string(),
        (Choice(prefix), Value::String(v)) => cat.get(&format!("{prefix}.{v}")),
        (YesNo, Value::Bool(b)) => cat.get(if *b { "option.YesNoUnknown.yes" } else { "option.YesNoUnknown.no" }),
        (YesNo, Value::String(v)) => cat.get(&format!("option.YesNoUnknown.{v}")),
        (Number, Value::Number(n)) => n.to_string(),
        (List, Value::Array(items)) => items.iter().filter_map(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>().join("; "),
        _ => String::new(),
    };
    (!text.is_empty()).then_some(text)
}

/// What the requested State's directory entry, as the request carries it,
/// says beside each step of the wizard, worded in `lang`; `None` when the
/// request carries no entry for its State.
pub fn requirement_notes(request: &Request, lang: Lang) -> Option<RequirementNotes> {
    let entry = addressee::entry(request)?;
    let cat = crate::i18n::catalogue(lang);
    let requirements = json(&entry.requirements);
    let languages: Vec<Value> = addressee::language_rules(entry, request).into_iter().map(json).collect();
    let channels: Vec<Value> = addressee::channel_rules(entry, request).into_iter().map(json).collect();
    let mut steps: BTreeMap<String, Vec<RequirementNote>> = BTreeMap::new();
    for p in PLACEMENTS {
        let label_key = if p.own_label { format!("requirements.label.{}", p.name) } else { format!("ui.directory.field.{}", p.name) };
        let label = cat.get(&label_key);
        let value = match p.part {
            REQUIREMENTS => requirements.get(p.name),
            // The most specific rule that says it.
            LANGUAGE => languages.iter().find_map(|r| r.get(p.name)),
            CHANNEL => channels.iter().find_map(|r| r.get(p.name)),
        };
        let Some(value) = value else { continue };
        match (p.wording, value) {
            (Modules, Value::Array(codes)) => {
                for code in codes.iter().filter_map(Value::as_str).filter(|c| !c.trim().is_empty()) {
                    steps.entry(module_step(code)).or_default().push(RequirementNote { field: None, label: label.clone(), text: String::new() });
                }
            }
            (ByModule, Value::Object(docs)) => {
                for (code, text) in docs {
                    let Some(text) = text.as_str().map(str::trim).filter(|t| !t.is_empty()) else { continue };
                    steps.entry(module_step(code)).or_default().push(RequirementNote { field: None, label: label.clone(), text: text.to_string() });
                }
            }
            _ => {
                if let Some(text) = worded(value, p.wording, cat) {
                    steps.entry(p.step.to_string()).or_default().push(RequirementNote { field: p.field.map(str::to_string), label, text });
                }
            }
        }
    }
    let state = addressee::state_name(request, lang.code());
    let as_of = entry.provenance.as_ref().and_then(|p| p.as_of.clone().or_else(|| p.source_date.clone())).filter(|d| !d.trim().is_empty());
    let source = match as_of {
        Some(date) => crate::i18n::placeholders::fill_known(&cat.get("requirements.source"), |name| match name {
            "state" => Some(state.clone()),
            "date" => Some(date.clone()),
            _ => None,
        }),
        None => crate::i18n::placeholders::fill_known(&cat.get("requirements.source_undated"), |name| (name == "state").then(|| state.clone())),
    };
    Some(RequirementNotes { source, steps })
}

/// A part of the entry as JSON, read by the record layout's field names.
fn json<T: Serialize>(part: &T) -> Value {
    serde_json::to_value(part).expect("directory data serialises")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::{DualCriminalityStance, Provenance, StateEntry};
    use crate::interview::{definition, Input};
    use crate::request::RequestKind;

    /// The fields of a directory type, as the record layout names them.
    fn fields_of(schema: schemars::Schema) -> Vec<String> {
        schema.as_value()["properties"].as_object().expect("a record has properties").keys().cloned().collect()
    }

    /// Whether the step has a field at `path` (inside a group too, by its full path).
    fn step_has_field(step: &crate::interview::Step, path: &str) -> bool {
        fn walk(fields: &[crate::interview::Field], prefix: &str, path: &str) -> bool {
            fields.iter().any(|f| {
                let full = format!("{prefix}{}", f.path);
                full == path || matches!(&f.input, Input::Group { fields, .. } if walk(fields, &format!("{full}."), path))
            })
        }
        walk(&step.fields, "", path)
    }

    #[test]
    fn every_requirement_of_the_entry_has_a_place_on_a_step_some_kind_shows() {
        let wizard = definition(Lang::En);
        let placed = |part: Part| PLACEMENTS.iter().filter(|p| p.part == part).map(|p| p.name.to_string()).collect::<Vec<_>>();
        let mut problems = Vec::new();
        // Every requirement, and every note of the rules (their lists of
        // languages, channels and means propose the answers themselves).
        let wanted = [
            (REQUIREMENTS, fields_of(schemars::schema_for!(crate::directory::StateRequirements)), &[][..]),
            (LANGUAGE, fields_of(schemars::schema_for!(crate::directory::LanguageRule)), &["instrument", "kind", "measure", "accepted"][..]),
            (CHANNEL, fields_of(schemars::schema_for!(crate::directory::ChannelRule)), &["instrument", "kind", "allowed", "means"][..]),
        ];
        for (part, fields, elsewhere) in wanted {
            for name in fields.iter().filter(|n| !elsewhere.contains(&n.as_str())) {
                if !placed(part).contains(name) {
                    problems.push(format!("{part:?}.{name} has no step"));
                }
            }
            for name in placed(part) {
                if !fields.contains(&name) {
                    problems.push(format!("{part:?}.{name} is no field of the entry"));
                }
            }
        }
        let module_steps: Vec<&str> = wizard.steps.iter().map(|s| s.id.as_str()).filter(|id| id.starts_with('m') && id[1..].parse::<u8>().is_ok()).collect();
        assert_eq!(module_steps.len(), crate::request::mla::Module::ALL.len(), "one step per module, named by its code");
        for p in PLACEMENTS.iter().filter(|p| !p.step.is_empty()) {
            match wizard.steps.iter().find(|s| s.id == p.step) {
                None => problems.push(format!("{}: no step {}", p.name, p.step)),
                Some(step) => {
                    if step.kinds.is_empty() {
                        problems.push(format!("{}: step {} is shown for no kind", p.name, p.step));
                    }
                    if let Some(field) = p.field.filter(|f| !step_has_field(step, f)) {
                        problems.push(format!("{}: step {} has no field {field}", p.name, p.step));
                    }
                }
            }
            if matches!(p.wording, Modules | ByModule) != p.step.is_empty() {
                problems.push(format!("{}: a module's requirement goes to its module's step, and only it", p.name));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    fn norland() -> Request {
        let mut entry = StateEntry {
            state_id: "XN".into(),
            name: "Kingdom of Norland".into(),
            fictitious: true,
            provenance: Some(Provenance { as_of: Some("2026-05-01".into()), ..Default::default() }),
            ..Default::default()
        };
        entry.requirements.dual_criminality = Some(DualCriminalityStance::RequiredForCoercive);
        entry.requirements.confidentiality_note = "<b>Kept sealed</b> until executed".into();
        entry.requirements.domestic_order_required = vec!["M4".into()];
        entry.requirements.special_measure_docs.insert("M3".into(), "A list of the premises".into());
        entry.requirements.service_lead_days = Some(45);
        Request { kind: RequestKind::MlaEvidence, req_state: "XN".into(), req_state_entry: Some(entry), ..Default::default() }
    }

    #[test]
    fn a_requirement_is_noted_on_its_step_worded_in_the_interface_language_and_sourced() {
        let request = norland();
        let en = requirement_notes(&request, Lang::En).expect("the request carries its State's entry");
        assert_eq!(en.source, "Kingdom of Norland — directory, as of 2026-05-01");
        let facts = &en.steps["facts"];
        assert_eq!(facts.len(), 1, "{facts:?}");
        assert_eq!(facts[0].label, "Dual criminality");
        assert_eq!(facts[0].text, "Required for coercive measures");
        assert_eq!(facts[0].field.as_deref(), Some("dual_crim.statement"));
        // A note typed in the directory comes as typed: text, never markup.
        assert_eq!(en.steps["handling"][0].text, "<b>Kept sealed</b> until executed");
        assert_eq!(en.steps["handling"][0].label, "Confidentiality");
        // Module requirements go to their module's step.
        assert_eq!(en.steps["m4"][0].label, "A domestic order must be attached for this measure");
        assert_eq!(en.steps["m3"][0].text, "A list of the premises");
        assert_eq!(en.steps["m2"][0].text, "45");
        assert!(!en.steps.contains_key("annexes"), "nothing is said of the signature");

        let fr = requirement_notes(&request, Lang::Fr).unwrap();
        assert_eq!(fr.source, "Kingdom of Norland — répertoire, à jour au 2026-05-01");
        assert_eq!(fr.steps["facts"][0].text, crate::i18n::catalogue(Lang::Fr).get("ui.directory.dual_criminality.required_for_coercive"));
        assert_ne!(fr.steps["facts"][0].text, en.steps["facts"][0].text);
        assert_eq!(fr.steps["handling"][0].text, "<b>Kept sealed</b> until executed");
    }

    #[test]
    fn the_rules_that_apply_to_the_request_are_noted_the_most_specific_first() {
        use crate::directory::{Acceptance, ChannelRule, LanguageRule};
        let mut request = norland();
        let entry = request.req_state_entry.as_mut().unwrap();
        entry.languages = vec![
            LanguageRule { instrument: "any".into(), kind: "any".into(), certified_translation: Some(false), ..Default::default() },
            LanguageRule { instrument: "any".into(), kind: "mla_evidence".into(), certified_translation: Some(true), ..Default::default() },
        ];
        entry.channels = vec![
            ChannelRule { instrument: "any".into(), kind: "preservation".into(), interpol_urgent: Some(Acceptance::Yes), ..Default::default() },
            ChannelRule { instrument: "any".into(), kind: "any".into(), encryption_note: "PGP keys exchanged by telephone".into(), ..Default::default() },
        ];
        let notes = requirement_notes(&request, Lang::En).unwrap();
        assert_eq!(notes.steps["basis"], vec![RequirementNote { field: Some("translation.status".into()), label: "Translation must be certified".into(), text: "Yes".into() }]);
        let channel = &notes.steps["authorities"];
        assert_eq!(channel.len(), 1, "the preservation rule does not apply to a request for evidence: {channel:?}");
        assert_eq!(channel[0].text, "PGP keys exchanged by telephone");
    }

    #[test]
    fn no_note_without_the_entry_of_the_requested_state() {
        let mut request = norland();
        request.req_state = "XV".into();
        assert_eq!(requirement_notes(&request, Lang::En), None, "the entry is of another State");
        request.req_state_entry = None;
        assert_eq!(requirement_notes(&request, Lang::En), None);
        let mut undated = norland();
        undated.req_state_entry.as_mut().unwrap().provenance = None;
        assert_eq!(requirement_notes(&undated, Lang::En).unwrap().source, "Kingdom of Norland — directory, undated");
    }
}
