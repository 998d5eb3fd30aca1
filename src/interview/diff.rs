//! What changed between two states of a request, field by field, as the
//! wizard names the fields: text as tracked changes (inserted and deleted
//! words, see [`super::tracked`]), items added to or removed from a list
//! (persons, offences…), any other answer (a choice, a date, a yes/no) as
//! its old and new value, worded in the interface language.
//!
//! The walk follows the wizard's steps for the kinds of both requests,
//! whatever their conditions (a diff shows what the data holds, shown or
//! not). The items of a list are matched by `similar` on their whole
//! content: an unchanged item is skipped, an item only in the old list is
//! removed, only in the new one added, and items replaced at the same place
//! are compared field by field. An answer the wizard does not ask for (the
//! request's metadata, a translation's original text) is compared as a value
//! and labelled with its path.

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::Value;
use similar::{capture_diff_slices, Algorithm, DiffOp};
use ts_rs::TS;

use super::tracked::{word_changes, Span};
use super::{get, worded, Field, Input};
use crate::i18n::Lang;
use crate::request::Request;

/// One change between two states of a request.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FieldChange {
    /// Dotted path of the answer (`facts.summary`, `persons.2.family_name`),
    /// or of the list item added or removed (`persons.2`). An item's index is
    /// its place in the newer list, or in the older one for a removed item.
    pub path: String,
    /// The field's label as the wizard asks it, with the item for fields of
    /// a list ("Person 3: Family name"), or the item alone ("Person 3"); the
    /// path itself for an answer the wizard does not ask for.
    pub label: String,
    /// What changed.
    pub change: Change,
}

/// What changed in one field.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum Change {
    /// Typed text: unchanged, deleted and inserted words, in order.
    Text {
        /// The spans.
        spans: Vec<Span>,
    },
    /// Any other answer, worded (a choice as its option, yes/no as words);
    /// an empty string for no answer.
    Value {
        /// Before.
        old: String,
        /// After.
        new: String,
    },
    /// A list item that only the newer state has.
    Added {
        /// The item's one-line answers (a name, a date), joined by " · ".
        summary: String,
    },
    /// A list item that only the older state has.
    Removed {
        /// The item's one-line answers, joined by " · ".
        summary: String,
    },
}

/// The changes from `old` to `new`, in wizard order, labelled in `lang`.
pub fn changes(old: &Request, new: &Request, lang: Lang) -> Vec<FieldChange> {
    let mut walk = Walk { lang, covered: BTreeSet::new(), out: Out::Changes(Vec::new()) };
    walk.requests(old, new);
    match walk.out {
        Out::Changes(changes) => changes,
        Out::Paths(_) => unreachable!("the walk was asked for changes"),
    }
}

/// The paths of the answers that changed from `old` to `new`, in wizard
/// order: the paths of [`changes`], without working out the words that
/// changed or wording the values (what a history lists, on every save).
pub fn changed_paths(old: &Request, new: &Request) -> Vec<String> {
    let mut walk = Walk { lang: Lang::En, covered: BTreeSet::new(), out: Out::Paths(Vec::new()) };
    walk.requests(old, new);
    match walk.out {
        Out::Paths(paths) => paths,
        Out::Changes(_) => unreachable!("the walk was asked for paths"),
    }
}

struct Walk {
    lang: Lang,
    /// Paths the wizard walk has compared (a list's path covers its items).
    covered: BTreeSet<String>,
    out: Out,
}

/// What a walk gathers: the changes, or only where they are.
enum Out {
    Changes(Vec<FieldChange>),
    Paths(Vec<String>),
}

static NULL: Value = Value::Null;

impl Walk {
    fn requests(&mut self, old: &Request, new: &Request) {
        let old_json = serde_json::to_value(old).expect("a request always serialises");
        let new_json = serde_json::to_value(new).expect("a request always serialises");
        for step in &worded(self.lang).steps {
            if step.kinds.contains(&old.kind) || step.kinds.contains(&new.kind) {
                self.fields(&step.fields, &old_json, &new_json, "", "");
            }
        }
        self.outside_wizard(&old_json, &new_json, "");
    }

    /// Records a change at `path`; its label and what changed are worked
    /// out only when the walk gathers changes.
    fn push(&mut self, path: String, label: impl FnOnce() -> String, change: impl FnOnce(&Self) -> Change) {
        if let Out::Changes(_) = self.out {
            let (label, change) = (label(), change(self));
            if let Out::Changes(changes) = &mut self.out {
                changes.push(FieldChange { path, label, change });
            }
        } else if let Out::Paths(paths) = &mut self.out {
            paths.push(path);
        }
    }

    fn fields(&mut self, fields: &[Field], old: &Value, new: &Value, prefix: &str, label_prefix: &str) {
        for field in fields {
            let path = format!("{prefix}{}", field.path);
            if !self.covered.insert(path.clone()) {
                continue;
            }
            let (a, b) = (get(old, &field.path).unwrap_or(&NULL), get(new, &field.path).unwrap_or(&NULL));
            if a == b {
                continue;
            }
            let label = || format!("{label_prefix}{}", field.label);
            match &field.input {
                Input::Group { item_label, fields: item_fields, .. } => {
                    self.items(item_fields, item_label, a, b, &path, label_prefix);
                }
                Input::Text | Input::Multiline if a.is_string() || b.is_string() => {
                    let spans = || word_changes(a.as_str().unwrap_or(""), b.as_str().unwrap_or(""));
                    self.push(path, label, |_| Change::Text { spans: spans() });
                }
                input => {
                    self.push(path, label, |walk| Change::Value { old: walk.worded(input, a), new: walk.worded(input, b) });
                }
            }
        }
    }

    /// The changes of a list: items matched by content (see the module
    /// documentation).
    fn items(&mut self, fields: &[Field], item_label: &str, old: &Value, new: &Value, path: &str, label_prefix: &str) {
        let empty = Vec::new();
        let a = old.as_array().unwrap_or(&empty);
        let b = new.as_array().unwrap_or(&empty);
        let key = |v: &Value| v.to_string();
        let (ka, kb): (Vec<String>, Vec<String>) = (a.iter().map(key).collect(), b.iter().map(key).collect());
        let item = |i: usize| (format!("{path}.{i}"), format!("{label_prefix}{item_label} {}", i + 1));
        for op in capture_diff_slices(Algorithm::Myers, &ka, &kb) {
            let (old_range, new_range) = (op.old_range(), op.new_range());
            if matches!(op, DiffOp::Equal { .. }) {
                continue;
            }
            let paired = old_range.len().min(new_range.len());
            for k in 0..paired {
                let (i, j) = (old_range.start + k, new_range.start + k);
                let (item_path, item_name) = item(j);
                self.fields(fields, &a[i], &b[j], &format!("{item_path}."), &format!("{item_name}: "));
            }
            for i in old_range.clone().skip(paired) {
                let (path, label) = item(i);
                self.push(path, || label, |_| Change::Removed { summary: summary(fields, &a[i]) });
            }
            for j in new_range.clone().skip(paired) {
                let (path, label) = item(j);
                self.push(path, || label, |_| Change::Added { summary: summary(fields, &b[j]) });
            }
        }
    }

    /// Answers no wizard field covers, compared as values.
    fn outside_wizard(&mut self, old: &Value, new: &Value, prefix: &str) {
        if old == new || self.covered.contains(prefix.trim_end_matches('.')) {
            return;
        }
        if let (Value::Object(a), Value::Object(b)) = (old, new) {
            let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for key in keys {
                let (x, y) = (a.get(key).unwrap_or(&NULL), b.get(key).unwrap_or(&NULL));
                self.outside_wizard(x, y, &format!("{prefix}{key}."));
            }
            return;
        }
        let path = prefix.trim_end_matches('.').to_string();
        let label = path.clone();
        self.push(path, || label, |_| Change::Value { old: plain(old), new: plain(new) });
    }

    /// An answer as the user reads it.
    fn worded(&self, input: &Input, value: &Value) -> String {
        let option = |options: &[super::ChoiceOption], v: &str| {
            options.iter().find(|o| o.value == v).map_or_else(|| v.to_string(), |o| o.label.clone())
        };
        match (input, value) {
            (Input::Choice { options }, Value::String(v)) => option(options, v),
            (Input::MultiChoice { options }, Value::Array(values)) => {
                values.iter().map(|v| v.as_str().map_or_else(|| plain(v), |v| option(options, v))).collect::<Vec<_>>().join(", ")
            }
            // A language by its CLDR name in the interface language (an older
            // draft's typed text as it is).
            (Input::Language, Value::String(v)) => crate::directory::language_names::name_or_typed(v, self.lang.code()).to_string(),
            (Input::Languages, Value::Array(values)) => values
                .iter()
                .map(|v| v.as_str().map_or_else(|| plain(v), |v| crate::directory::language_names::name_or_typed(v, self.lang.code()).to_string()))
                .collect::<Vec<_>>()
                .join(", "),
            (_, Value::Bool(yes)) => crate::i18n::catalogue(self.lang).get(if *yes { "ui.review.yes" } else { "ui.review.no" }),
            _ => plain(value),
        }
    }
}

/// A value as text: a string as it is, nothing for null, JSON otherwise.
fn plain(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A list item's one-line answers (names, dates, references), in wizard
/// order, joined by " · ".
fn summary(fields: &[Field], item: &Value) -> String {
    fields
        .iter()
        .filter(|f| matches!(f.input, Input::Text | Input::Date | Input::Email | Input::Phone))
        .filter_map(|f| get(item, &f.path).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()))
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::SpanKind;
    use crate::request::{Person, PersonRole};

    fn person(family_name: &str) -> Person {
        Person { family_name: family_name.into(), ..Person::default() }
    }

    fn marked(change: &FieldChange) -> String {
        let Change::Text { spans } = &change.change else { panic!("not a text change: {change:?}") };
        spans
            .iter()
            .map(|s| match s.kind {
                SpanKind::Unchanged => s.text.clone(),
                SpanKind::Deleted => format!("[-{}-]", s.text),
                SpanKind::Inserted => format!("[+{}+]", s.text),
            })
            .collect()
    }

    #[test]
    fn a_text_change_marks_the_words_inserted_and_deleted() {
        let mut old = Request::default();
        old.facts.summary = "The suspect sold the car in Lyon.".into();
        let mut new = old.clone();
        new.facts.summary = "The suspect quickly sold the van in Lyon.".into();
        let changes = changes(&old, &new, Lang::En);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].path, "facts.summary");
        assert_eq!(changes[0].label, "Summary of the facts");
        let Change::Text { spans } = &changes[0].change else { panic!("{changes:?}") };
        let of = |kind: SpanKind| spans.iter().filter(|s| s.kind == kind).map(|s| s.text.trim()).collect::<Vec<_>>();
        assert_eq!(of(SpanKind::Deleted), vec!["car"]);
        assert_eq!(of(SpanKind::Inserted), vec!["quickly", "van"]);
        let old_text: String = spans.iter().filter(|s| s.kind != SpanKind::Inserted).map(|s| s.text.as_str()).collect();
        let new_text: String = spans.iter().filter(|s| s.kind != SpanKind::Deleted).map(|s| s.text.as_str()).collect();
        assert_eq!((old_text.as_str(), new_text.as_str()), (old.facts.summary.as_str(), new.facts.summary.as_str()));
    }

    #[test]
    fn arabic_changes_whole_words_and_chinese_single_ideographs() {
        let mut old = Request::default();
        old.facts.summary = "باع المشتبه به السيارة في القاهرة".into();
        let mut new = old.clone();
        new.facts.summary = "باع المشتبه به الشاحنة في القاهرة".into();
        assert_eq!(marked(&changes(&old, &new, Lang::Ar)[0]), "باع المشتبه به [-السيارة-][+الشاحنة+] في القاهرة");

        old.facts.summary = "嫌疑人在上海出售了汽车。".into();
        new.facts.summary = "嫌疑人在北京出售了汽车。".into();
        assert_eq!(marked(&changes(&old, &new, Lang::Zh)[0]), "嫌疑人在[-上海-][+北京+]出售了汽车。");
    }

    #[test]
    fn a_letter_with_its_mark_is_never_split() {
        let mut old = Request::default();
        old.facts.summary = "cafe\u{301}".into();
        let mut new = old.clone();
        new.facts.summary = "cafe".into();
        let Change::Text { spans } = &changes(&old, &new, Lang::En)[0].change else { panic!() };
        assert!(spans.iter().all(|s| !s.text.starts_with('\u{301}')), "{spans:?}");
    }

    #[test]
    fn list_items_added_and_removed_are_named_with_their_item() {
        let mut old = Request::default();
        old.persons = vec![person("Durand"), person("Martin"), person("Petit")];
        let mut new = old.clone();
        new.persons.remove(1);
        new.persons.push(person("Haddad"));
        let changes = changes(&old, &new, Lang::Fr);
        let summary: Vec<(&str, &str, &Change)> = changes.iter().map(|c| (c.path.as_str(), c.label.as_str(), &c.change)).collect();
        assert_eq!(
            summary,
            vec![
                ("persons.1", "Personne 2", &Change::Removed { summary: "Martin".into() }),
                ("persons.2", "Personne 3", &Change::Added { summary: "Haddad".into() }),
            ]
        );
    }

    #[test]
    fn a_changed_item_shows_its_fields_labelled_in_the_interface_language() {
        let mut old = Request::default();
        old.persons = vec![person("Durand")];
        let mut new = old.clone();
        new.persons[0].role = Some(PersonRole::Suspect);
        new.persons[0].family_name = "Durant".into();
        let changes = changes(&old, &new, Lang::Fr);
        let paths: Vec<_> = changes.iter().map(|c| c.path.clone()).collect();
        assert_eq!(paths, vec!["persons.0.role", "persons.0.family_name"]);
        assert_eq!(changes[0].label, "Personne 1: Rôle dans l'affaire");
        assert_eq!(changes[0].change, Change::Value { old: String::new(), new: "Suspect".into() });
        assert_eq!(changes[1].label, "Personne 1: Nom de famille ou dénomination sociale");
    }

    #[test]
    fn a_changed_language_is_named_in_the_interface_language_never_by_its_code() {
        let mut old = Request::default();
        old.persons = vec![person("Durand")];
        old.persons[0].language_understood = "Norlandic".into();
        let mut new = old.clone();
        new.persons[0].language_understood = "de".into();
        new.req_auth.languages = vec!["en".into(), "nl".into()];
        let changes = changes(&old, &new, Lang::Fr);
        let worded: Vec<_> = changes.iter().map(|c| (c.path.as_str(), c.change.clone())).collect();
        assert_eq!(
            worded,
            vec![
                ("req_auth.languages", Change::Value { old: String::new(), new: "anglais, néerlandais".into() }),
                ("persons.0.language_understood", Change::Value { old: "Norlandic".into(), new: "allemand".into() }),
            ]
        );
    }

    #[test]
    fn the_changed_paths_are_the_paths_of_the_changes() {
        let old = crate::request::demo::request(time::macros::date!(2026 - 11 - 20));
        let mut edits: Vec<Request> = Vec::new();
        let mut new = old.clone();
        new.facts.summary.push_str(" A further transfer was found.");
        edits.push(new.clone());
        new.persons.remove(0);
        new.persons.push(person("Okafor"));
        new.persons[0].role = Some(PersonRole::Witness);
        edits.push(new.clone());
        new.format_version += 1;
        new.urgency.flag = !new.urgency.flag;
        edits.push(new);
        for new in &edits {
            let paths: Vec<_> = changes(&old, new, Lang::Ar).into_iter().map(|c| c.path).collect();
            assert!(!paths.is_empty());
            assert_eq!(changed_paths(&old, new), paths);
        }
        assert!(changed_paths(&old, &old).is_empty());
    }

    #[test]
    fn answers_outside_the_wizard_are_compared_by_path_and_equal_requests_have_no_changes() {
        let old = Request::default();
        assert!(changes(&old, &old.clone(), Lang::En).is_empty());
        let mut new = old.clone();
        new.translation.original.insert("facts.summary".into(), "Les faits".into());
        let changes = changes(&old, &new, Lang::En);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert!(changes[0].path.starts_with("translation.original"), "{changes:?}");
    }
}
