//! The document prints what the drafter gave, and nothing the office keeps for
//! itself. Driven by the wizard's definition, not by a list of fields: every
//! answer the wizard offers for a kind of request is filled with a marker of
//! its own, the request is built as a document in each of the six languages,
//! and every marker of a printable answer must be in the document's text,
//! while no marker of an internal answer may be. A field added to the wizard
//! is covered the day it is added.

use std::collections::{BTreeMap, BTreeSet};

use mla_writer::document::templates::registry_for;
use mla_writer::document::{build, Block, Document};
use mla_writer::i18n::Lang;
use mla_writer::interview::{definition, get_mut, Condition, Field, Input};
use mla_writer::request::{Request, RequestKind};
use serde_json::Value;

/// Answers that belong to the office, not to the request (request-kinds.md):
/// every answer of the "After sending" step (C15 tracking, P4, E3: the
/// counterpart's answers and the office's notes on them), and these.
const INTERNAL: &[(&str, &str)] = &[
    ("lang.drafting", "the language the drafter writes in (C4): the office's own working language"),
    ("lang.request", "the language of the document (C4): the document is written in it"),
    ("translation.status", "a flag for the office (§6.5: free text stays untranslated until flagged)"),
    ("req_auth.type", "needed for channel rules and validation (C1), not a statement to the counterpart"),
    ("recv_auth.role", "derived from the directory (C2)"),
    ("persons[].type", "natural or legal shows in the answers given (given names, or legal form and registration)"),
    ("offences[].category_flags", "for the refusal-risk and scope checks (C7), not a statement to the counterpart"),
    ("attachments[].type", "drives the checks of what is annexed (C16); each annex is listed by its own title"),
    ("consult.draft_shared", "the consultation history kept by the office (C15)"),
    ("preservation.preserved_at", "P4 tracking: the requested State's confirmation, after sending"),
    ("preservation.preservation_ref", "P4 tracking: the requested State's reference, after sending"),
];

/// Whether the answer at `path` (a full path with `[]` for group items) is
/// internal.
fn internal(step: &str, path: &str) -> bool {
    step == "tracking" || INTERNAL.iter().any(|(p, _)| *p == path)
}

/// One answer filled by [`fill`].
#[derive(Debug, Clone)]
struct Answer {
    /// Wizard step.
    step: String,
    /// Full path with `[]` for a group item (`persons[].location`).
    path: String,
    /// Where it is in the request's JSON (`persons.0.location`).
    at: String,
    /// What must be found in the document's text for a typed answer.
    marker: Option<String>,
    /// Its kind of control.
    input: Input,
    /// Its condition, read in `scope`.
    show_when: Option<Condition>,
    /// The JSON path of the scope of its condition ("" for the request).
    scope: String,
}

/// A marker for the `n`th typed answer, in the form its control takes.
fn marker(n: usize, input: &Input) -> Option<(Value, String)> {
    let day = |n: usize| format!("{}-{:02}-{:02}", 2027 + n / 336, 1 + (n / 28) % 12, 1 + n % 28);
    let text = |s: String| Some((Value::String(s.clone()), s));
    match input {
        Input::Text | Input::Multiline => text(format!("QZ{n}X")),
        Input::Email => text(format!("qz{n}x@example.org")),
        Input::Phone => text(format!("+00 20 555 {n:04}")),
        Input::Date => text(day(n)),
        Input::DateTime => {
            let time = format!("{:02}:{:02}", n % 24, n % 60);
            Some((Value::String(format!("{}T{time}", day(n))), format!("{} {time}", day(n))))
        }
        Input::TimeZone => text(format!("UTC+{:02}:{:02}", n / 60 % 14, n % 60)),
        _ => None,
    }
}

/// The values conditions of the wizard name for each answer path (relative
/// to its scope), in order: a choice takes the `variant`th of them, so that
/// the variants together show every conditional field.
fn condition_values(fields: &[Field], prefix: &str, out: &mut BTreeMap<String, Vec<String>>) {
    for field in fields {
        if let Some(c) = &field.show_when {
            let values = out.entry(format!("{prefix}{}", c.path)).or_default();
            if !values.contains(&c.one_of[0]) {
                values.push(c.one_of[0].clone());
            }
        }
        if let Input::Group { fields, .. } = &field.input {
            condition_values(fields, &format!("{prefix}{}[].", field.path), out);
        }
    }
}

/// Fills `fields` in `json` under `at` (a JSON path prefix), recording each answer.
#[allow(clippy::too_many_arguments)]
fn fill_fields(fields: &[Field], json: &mut Value, step: &str, path: &str, at: &str, variant: usize, wanted: &BTreeMap<String, Vec<String>>, out: &mut Vec<Answer>) {
    for field in fields {
        let full = format!("{path}{}", field.path);
        let here = format!("{at}{}", field.path);
        let n = out.len() + 1;
        let pick = |options: &[mla_writer::interview::ChoiceOption]| -> Value {
            let named = wanted.get(&full).filter(|v| !v.is_empty());
            let value = match named {
                Some(values) => values[variant % values.len()].clone(),
                None => options[0].value.clone(),
            };
            Value::String(value)
        };
        let value = match &field.input {
            Input::Boolean => Some(Value::Bool(true)),
            Input::Choice { options } => Some(pick(options)),
            Input::MultiChoice { options } => Some(Value::Array(options.iter().map(|o| Value::String(o.value.clone())).collect())),
            Input::Group { item_template, .. } => Some(Value::Array(vec![item_template.clone()])),
            other => marker(n, other).map(|(v, _)| v),
        };
        let slot = get_mut(json, &here).unwrap_or_else(|| panic!("{here} is not in the request"));
        if full == "kind" {
            // The kind under test stays as it is.
        } else if let Some(value) = value {
            *slot = value;
        }
        out.push(Answer {
            step: step.to_string(),
            path: full.clone(),
            at: here.clone(),
            marker: marker(n, &field.input).map(|(_, m)| m),
            input: field.input.clone(),
            show_when: field.show_when.clone(),
            scope: at.trim_end_matches('.').to_string(),
        });
        if let Input::Group { fields, .. } = &field.input {
            fill_fields(fields, json, step, &format!("{full}[]."), &format!("{here}.0."), variant, wanted, out);
        }
    }
}

/// A request of `kind` with every answer the wizard offers filled, and the
/// answers shown for it (its steps' and fields' conditions hold).
fn fill(kind: RequestKind, variant: usize) -> (Request, Vec<Answer>) {
    let def = definition(Lang::En);
    let mut wanted = BTreeMap::new();
    for step in &def.steps {
        condition_values(&step.fields, "", &mut wanted);
    }
    let mut json = serde_json::to_value(Request { kind, ..Request::default() }).unwrap();
    let mut answers = Vec::new();
    let mut steps = Vec::new();
    for step in def.steps.iter().filter(|s| s.kinds.contains(&kind)) {
        let before = answers.len();
        fill_fields(&step.fields, &mut json, &step.id, "", "", variant, &wanted, &mut answers);
        steps.push((step.show_when.clone(), before, answers.len()));
    }
    let shown: Vec<Answer> = steps
        .iter()
        .filter(|(when, _, _)| when.as_ref().is_none_or(|c| c.holds(&json)))
        .flat_map(|(_, from, to)| answers[*from..*to].to_vec())
        .filter(|a| {
            let scope = if a.scope.is_empty() { Some(&json) } else { mla_writer::interview::get(&json, &a.scope) };
            a.show_when.as_ref().is_none_or(|c| scope.is_some_and(|s| c.holds(s)))
        })
        .collect();
    // A field inside a hidden group is hidden too.
    let groups: BTreeSet<String> = shown.iter().filter(|a| matches!(a.input, Input::Group { .. })).map(|a| format!("{}.0.", a.at)).collect();
    let shown = shown.into_iter().filter(|a| !a.at.contains(".0.") || groups.iter().any(|g| a.at.starts_with(g.as_str()))).collect();
    (serde_json::from_value(json).expect("a filled request is a request"), shown)
}

/// Every text of a document, one line each, without bidi controls.
fn text_of(doc: &Document) -> String {
    let mut lines = vec![doc.title.clone(), doc.header.clone()];
    for block in &doc.blocks {
        match block {
            Block::Heading { text, .. } | Block::Meta { text } => lines.push(text.clone()),
            Block::Paragraph { lines: l } | Block::Item { lines: l, .. } => lines.extend(l.iter().cloned()),
            Block::Field { label, lines: l } => {
                lines.push(label.clone());
                lines.extend(l.iter().cloned());
            }
            Block::Table { columns, rows } => {
                lines.extend(columns.iter().cloned());
                lines.extend(rows.iter().flatten().flatten().cloned());
            }
        }
    }
    lines.join("\n").chars().filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')).collect()
}

/// The number of variants needed to show every conditional field.
fn variants() -> usize {
    let mut wanted = BTreeMap::new();
    for step in &definition(Lang::En).steps {
        condition_values(&step.fields, "", &mut wanted);
    }
    wanted.values().map(Vec::len).max().unwrap_or(1)
}

fn typed_answers_are_printed_and_internal_ones_are_not(kind: RequestKind) {
    let mut problems = Vec::new();
    let mut printed = BTreeSet::new();
    for variant in 0..variants() {
        let (request, answers) = fill(kind, variant);
        let engine = registry_for(kind).unwrap();
        for lang in Lang::ALL {
            let doc = build(&engine, &request, lang, false).unwrap_or_else(|e| panic!("{} in {}: {e}", kind.key(), lang.code()));
            let text = text_of(&doc);
            for answer in &answers {
                let Some(marker) = &answer.marker else { continue };
                let found = text.contains(marker.as_str());
                if internal(&answer.step, &answer.path) {
                    if found {
                        problems.push(format!("{} ({}): internal answer {} is printed", kind.key(), lang.code(), answer.path));
                    }
                } else if !found {
                    problems.push(format!("{} ({}): {} ({marker}) is not printed", kind.key(), lang.code(), answer.path));
                } else {
                    printed.insert(answer.path.clone());
                }
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    assert!(printed.len() > 20, "only {} answers checked for {}", printed.len(), kind.key());
}

/// Every yes/no and every choice the drafter makes changes what the
/// document says (in English), unless it is internal.
fn choices_change_the_document(kind: RequestKind) {
    let engine = registry_for(kind).unwrap();
    let mut problems = Vec::new();
    for variant in 0..variants() {
        let (request, answers) = fill(kind, variant);
        let base = text_of(&build(&engine, &request, Lang::En, false).unwrap());
        let json = serde_json::to_value(&request).unwrap();
        for answer in &answers {
            if internal(&answer.step, &answer.path) || answer.path == "kind" {
                continue;
            }
            let changed = match &answer.input {
                Input::Boolean => Value::Bool(false),
                Input::Choice { options } => {
                    let current = mla_writer::interview::get(&json, &answer.at).cloned();
                    match options.iter().find(|o| Some(Value::String(o.value.clone())) != current) {
                        Some(other) => Value::String(other.value.clone()),
                        None => continue,
                    }
                }
                Input::MultiChoice { options } => Value::Array(vec![Value::String(options[0].value.clone())]),
                _ => continue,
            };
            let mut other = json.clone();
            *get_mut(&mut other, &answer.at).unwrap() = changed;
            let other: Request = serde_json::from_value(other).unwrap();
            let text = text_of(&build(&engine, &other, Lang::En, false).unwrap());
            if text == base {
                problems.push(format!("{}: changing {} changes nothing in the document", kind.key(), answer.path));
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn mla_request_prints_every_answer_given_and_no_internal_one() {
    typed_answers_are_printed_and_internal_ones_are_not(RequestKind::MlaEvidence);
    choices_change_the_document(RequestKind::MlaEvidence);
}

#[test]
fn preservation_request_prints_every_answer_given_and_no_internal_one() {
    typed_answers_are_printed_and_internal_ones_are_not(RequestKind::Preservation);
    choices_change_the_document(RequestKind::Preservation);
}

#[test]
fn emergency_request_prints_every_answer_given_and_no_internal_one() {
    typed_answers_are_printed_and_internal_ones_are_not(RequestKind::EmergencyDisclosure);
    choices_change_the_document(RequestKind::EmergencyDisclosure);
}

#[test]
fn transfer_request_prints_every_answer_given_and_no_internal_one() {
    typed_answers_are_printed_and_internal_ones_are_not(RequestKind::TransferOfProceedings);
    choices_change_the_document(RequestKind::TransferOfProceedings);
}
