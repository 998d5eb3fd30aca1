//! Fields of a request named by their dotted path (`facts.summary`,
//! `persons.0.family_name`), as comments and suggestions name them: whether a
//! path names a question of the wizard, its label in a language, and reading
//! or replacing its value so that the request model has the last word.

use serde_json::Value;

use super::ConsultationError;
use crate::i18n::Lang;
use crate::interview::{self, Field, Input, WizardDefinition};
use crate::request::{read, Request};

/// A wizard field found by its dotted path.
struct Located<'d> {
    /// Its label, with the group item for fields of a group.
    label: String,
    /// The field (the group itself for a path naming a group item).
    field: &'d Field,
}

/// The wizard field at `path` in `def` (labelled "Person 1: Family name"; a
/// group item alone is "Person 1"), or `None` when no wizard field has this
/// path.
fn locate<'d>(def: &'d WizardDefinition, path: &str) -> Option<Located<'d>> {
    fn within<'d>(fields: &'d [Field], path: &str, prefix: &str) -> Option<Located<'d>> {
        for field in fields {
            if path == field.path {
                return Some(Located { label: format!("{prefix}{}", field.label), field });
            }
            let Input::Group { item_label, fields: item_fields, .. } = &field.input else { continue };
            let Some(rest) = path.strip_prefix(field.path.as_str()).and_then(|r| r.strip_prefix('.')) else { continue };
            let (index, tail) = match rest.split_once('.') {
                Some((index, tail)) => (index, Some(tail)),
                None => (rest, None),
            };
            let Ok(index) = index.parse::<usize>() else { continue };
            let item = format!("{prefix}{item_label} {}", index + 1);
            match tail {
                None => return Some(Located { label: item, field }),
                Some(tail) => {
                    if let Some(found) = within(item_fields, tail, &format!("{item}: ")) {
                        return Some(found);
                    }
                }
            }
        }
        None
    }
    def.steps.iter().find_map(|step| within(&step.fields, path, ""))
}

/// Whether the field at `path` is typed text (one line or several), whose
/// changes show and merge word by word; choices, dates, yes/no answers and
/// lists change as a whole.
pub(super) fn is_text(def: &WizardDefinition, path: &str) -> bool {
    locate(def, path).is_some_and(|found| matches!(found.field.input, Input::Text | Input::Multiline))
}

/// The label of the field at `path` in `lang`, as the wizard asks it, with
/// the group item for fields of a group ("Person 1: Family name"); the path
/// itself when the wizard has no such field.
pub fn field_label(path: &str, lang: Lang) -> String {
    label_in(&interview::definition(lang), path)
}

/// [`field_label`] in the wording of `def`.
pub(super) fn label_in(def: &WizardDefinition, path: &str) -> String {
    locate(def, path).map_or_else(|| path.to_string(), |found| found.label)
}

/// The value at `path` in a request, if the path exists.
pub(super) fn value_at(request: &Request, path: &str) -> Option<Value> {
    let json = serde_json::to_value(request).expect("a request always serialises");
    interview::get(&json, path).cloned()
}

/// Checks that `path` names a field of the wizard that the request has
/// (`""`, the request as a whole, only where `whole_request` allows it).
pub(super) fn check_path(def: &WizardDefinition, request: &Request, path: &str, whole_request: bool) -> Result<(), ConsultationError> {
    if path.is_empty() {
        return if whole_request {
            Ok(())
        } else {
            Err(ConsultationError::UnknownField { field: String::new(), message: "name a field, not the request as a whole".into() })
        };
    }
    if locate(def, path).is_none() {
        return Err(ConsultationError::UnknownField { field: path.to_string(), message: "no question of the wizard has this path".into() });
    }
    if value_at(request, path).is_none() {
        return Err(ConsultationError::UnknownField {
            field: path.to_string(),
            message: "the request has no such field (a list item that does not exist?)".into(),
        });
    }
    Ok(())
}

/// The request with `value` at `path`, read back through the request model:
/// a value of the wrong shape (a number for a text, an unknown choice, an
/// unknown key) is refused, and so is one the model would not keep as given.
pub(super) fn with_value(request: &Request, path: &str, value: &Value) -> Result<Request, ConsultationError> {
    let mut json = serde_json::to_value(request).expect("a request always serialises");
    let slot = interview::get_mut(&mut json, path)
        .filter(|_| !path.is_empty())
        .ok_or_else(|| ConsultationError::UnknownField { field: path.to_string(), message: "the request has no such field".into() })?;
    *slot = value.clone();
    let text = serde_json::to_string(&json).expect("JSON values always serialise");
    let changed = read::parse_request(&text, &format!("field {path}"))
        .map_err(|e| ConsultationError::InvalidValue { field: path.to_string(), message: e.to_string() })?;
    if value_at(&changed, path).as_ref() != Some(value) {
        return Err(ConsultationError::InvalidValue {
            field: path.to_string(),
            message: "the request model does not keep this value as given".into(),
        });
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Request {
        crate::request::demo::example()
    }

    #[test]
    fn labels_name_the_group_item_in_the_language_asked() {
        assert_eq!(field_label("persons.0.family_name", Lang::En), "Person 1: Family name or registered name");
        assert_eq!(field_label("persons.1", Lang::En), "Person 2");
        assert_ne!(field_label("facts.summary", Lang::Fr), field_label("facts.summary", Lang::En));
        assert_eq!(field_label("no.such.field", Lang::En), "no.such.field");
    }

    #[test]
    fn typed_text_is_told_from_choices_dates_and_groups() {
        let def = interview::definition(Lang::En);
        assert!(is_text(&def, "facts.summary") && is_text(&def, "proc.subject_matter") && is_text(&def, "persons.0.location"));
        assert!(!is_text(&def, "proc.nature") && !is_text(&def, "sign.date") && !is_text(&def, "persons.0") && !is_text(&def, "persons"));
    }

    #[test]
    fn paths_must_name_a_wizard_field_the_request_has() {
        let def = interview::definition(Lang::En);
        let r = demo();
        assert!(check_path(&def, &r, "facts.summary", false).is_ok());
        assert!(check_path(&def, &r, "persons.0.location", false).is_ok());
        assert!(check_path(&def, &r, "", true).is_ok());
        assert!(matches!(check_path(&def, &r, "", false), Err(ConsultationError::UnknownField { .. })));
        assert!(matches!(check_path(&def, &r, "format_version", false), Err(ConsultationError::UnknownField { .. })));
        assert!(matches!(check_path(&def, &r, "persons.99.location", false), Err(ConsultationError::UnknownField { .. })));
        assert!(matches!(check_path(&def, &r, "facts.nonsense", true), Err(ConsultationError::UnknownField { .. })));
    }

    #[test]
    fn a_value_the_model_refuses_is_reported_with_its_field() {
        let r = demo();
        let changed = with_value(&r, "facts.time_place", &Value::from("Arden City")).unwrap();
        assert_eq!(changed.facts.time_place, "Arden City");
        let err = with_value(&r, "facts.time_place", &Value::from(42)).unwrap_err();
        assert!(err.to_string().starts_with("field `facts.time_place`: the value is refused"), "{err}");
        let err = with_value(&r, "persons.0.role", &Value::from("boss")).unwrap_err();
        assert!(err.to_string().contains("unknown variant `boss`"), "{err}");
        assert!(matches!(with_value(&r, "persons.7.role", &Value::from("suspect")), Err(ConsultationError::UnknownField { .. })));
    }
}
