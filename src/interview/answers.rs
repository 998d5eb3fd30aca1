//! The answers a request gives to the interview: every free-text answer the
//! wizard shows for it, under its dotted path (`facts.summary`,
//! `persons.0.location`), and access to any answer by that path.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::i18n::Lang;
use crate::request::Request;

use super::{worded, Field, Input};

/// One answer of a request: what a translator sees ([`units`]), or where
/// search looks ([`texts`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Dotted path of the answer (`facts.summary`, `persons.0.location`);
    /// the unit id in the XLIFF file.
    pub id: String,
    /// English label of the field, with the item for group fields
    /// ("Person 1: Address or whereabouts").
    pub label: String,
    /// The drafter's text.
    pub source: String,
}

/// The answer at a dotted path of a request's JSON (`persons.0.name`).
pub fn get<'a>(scope: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(scope, |v, key| match v {
        Value::Array(items) => key.parse::<usize>().ok().and_then(|i| items.get(i)),
        _ => v.get(key),
    })
}

/// [`get`], for changing the answer.
pub fn get_mut<'a>(scope: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    path.split('.').try_fold(scope, |v, key| match v {
        Value::Array(items) => key.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
        _ => v.get_mut(key),
    })
}

/// Which answers [`collect`] gathers.
#[derive(Clone, Copy)]
enum Answers {
    /// Prose a translator renders (see [`Field::translatable`]).
    Translatable,
    /// Every typed text: prose, names, addresses, references, e-mails, telephones.
    Text,
}

impl Answers {
    fn takes(self, field: &Field) -> bool {
        match self {
            Answers::Translatable => field.translatable,
            Answers::Text => matches!(field.input, Input::Text | Input::Multiline | Input::Email | Input::Phone),
        }
    }
}

fn collect(
    which: Answers,
    fields: &[Field],
    scope: &Value,
    prefix: &str,
    label_prefix: &str,
    seen: &mut BTreeSet<String>,
    out: &mut Vec<Unit>,
) {
    for field in fields {
        if field.show_when.as_ref().is_some_and(|c| !c.holds(scope)) {
            continue;
        }
        let id = format!("{prefix}{}", field.path);
        match &field.input {
            Input::Group {
                item_label, fields, ..
            } => {
                if let Some(Value::Array(items)) = get(scope, &field.path) {
                    for (i, item) in items.iter().enumerate() {
                        collect(
                            which,
                            fields,
                            item,
                            &format!("{id}.{i}."),
                            &format!("{label_prefix}{item_label} {}: ", i + 1),
                            seen,
                            out,
                        );
                    }
                }
            }
            _ if which.takes(field) => {
                if let Some(Value::String(text)) = get(scope, &field.path) {
                    if !text.trim().is_empty() && seen.insert(id.clone()) {
                        out.push(Unit {
                            id,
                            label: format!("{label_prefix}{}", field.label),
                            source: text.clone(),
                        });
                    }
                }
            }
            _ => {}
        }
    }
}

/// The request's answers to translate, in wizard order: every non-empty
/// translatable answer the wizard shows for this request, labelled in English.
pub fn units(request: &Request) -> Vec<Unit> {
    units_in(request, Lang::En)
}

/// [`units`] with their labels in `lang`.
pub fn units_in(request: &Request, lang: Lang) -> Vec<Unit> {
    gather(Answers::Translatable, request, lang)
}

/// Every non-empty typed text the wizard shows for this request, in wizard
/// order, labelled in `lang`: prose and what travels as written (names,
/// aliases, addresses, references, e-mails, telephones), but no choice,
/// date or yes/no. What full-text search indexes.
pub fn texts(request: &Request, lang: Lang) -> Vec<Unit> {
    gather(Answers::Text, request, lang)
}

fn gather(which: Answers, request: &Request, lang: Lang) -> Vec<Unit> {
    let value = serde_json::to_value(request).expect("a request always serialises");
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for step in &worded(lang).steps {
        if !step.kinds.contains(&request.kind)
            || step.show_when.as_ref().is_some_and(|c| !c.holds(&value))
        {
            continue;
        }
        collect(which, &step.fields, &value, "", "", &mut seen, &mut out);
    }
    out
}

