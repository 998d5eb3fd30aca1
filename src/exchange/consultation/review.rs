//! Reviewing suggested edits: each open suggestion as tracked changes
//! against the revision it was made on, and, where this side changed the
//! same field meanwhile, the three versions side by side with the word merge
//! when the changes do not overlap.

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::merge::{merge_values, word_changes, Overlap, Span, ValueMerge};
use super::{fields, shared, thread_rows, ConsultationError};
use crate::exchange::thread::{Suggestion, SuggestionState};
use crate::i18n::Lang;
use crate::interview::{self, WizardDefinition};
use crate::request::Request;
use crate::store::Store;

/// A change of a field's value, as it is shown.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum TrackedChange {
    /// Text: unchanged, deleted and inserted words, in order.
    Text {
        /// The spans.
        spans: Vec<Span>,
    },
    /// Any other value (a choice, a date, a yes/no, a list): before and after.
    Value {
        /// Before.
        #[ts(type = "unknown")]
        old: Value,
        /// After.
        #[ts(type = "unknown")]
        new: Value,
    },
}

/// The change from `old` to `new`: word by word for a text field (`words`),
/// whole otherwise.
pub fn tracked_change(old: &Value, new: &Value, words: bool) -> TrackedChange {
    match (old, new) {
        (Value::String(a), Value::String(b)) if words => TrackedChange::Text { spans: word_changes(a, b) },
        _ => TrackedChange::Value { old: old.clone(), new: new.clone() },
    }
}

/// Where an open suggestion stands against the request as it is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReviewStatus {
    /// The field is as it was when the suggestion was made: accepting writes
    /// the proposed value.
    Clean,
    /// The field was changed meanwhile, differently: see the conflict.
    Conflict,
    /// The field already holds the proposed value.
    AlreadyApplied,
    /// The field no longer exists (a list item was removed): the suggestion
    /// can only be rejected.
    FieldMissing,
}

/// The three versions of a field both sides changed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Conflict {
    /// The value as sent.
    #[ts(type = "unknown")]
    pub base: Value,
    /// The value as it is now on this side.
    #[ts(type = "unknown")]
    pub ours: Value,
    /// The value proposed.
    #[ts(type = "unknown")]
    pub theirs: Value,
    /// This side's change since the base.
    pub ours_change: TrackedChange,
    /// Both changes in one value, when they do not overlap (text only).
    #[ts(type = "unknown")]
    pub merged: Option<Value>,
    /// Where the two changes of a text overlap (empty for other values,
    /// which are one change each).
    pub overlaps: Vec<Overlap>,
}

/// One open suggestion, ready to accept or reject.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SuggestionReview {
    /// The suggestion.
    pub suggestion: Suggestion,
    /// Its field's label in the language asked, as the wizard asks it.
    pub label: String,
    /// Where it stands against the request as it is now.
    pub status: ReviewStatus,
    /// The field's value now (none when the field no longer exists).
    #[ts(type = "unknown")]
    pub current: Option<Value>,
    /// The suggested change against the revision it was made on.
    pub change: TrackedChange,
    /// When this side changed the field too, the three versions.
    pub conflict: Option<Conflict>,
}

/// How suggestion `s` stands against `current`, labelled in `lang`.
pub fn review_suggestion(s: &Suggestion, current: &Request, lang: Lang) -> SuggestionReview {
    review_in(&interview::definition(lang), s, current)
}

/// [`review_suggestion`] with the wizard worded in `def`.
fn review_in(def: &WizardDefinition, s: &Suggestion, current: &Request) -> SuggestionReview {
    let words = fields::is_text(def, &s.field);
    let ours = fields::value_at(current, &s.field);
    let change = tracked_change(&s.base, &s.proposed, words);
    let (status, conflict) = match &ours {
        None => (ReviewStatus::FieldMissing, None),
        Some(ours) if *ours == s.proposed => (ReviewStatus::AlreadyApplied, None),
        Some(ours) if *ours == s.base => (ReviewStatus::Clean, None),
        Some(ours) => {
            let (merged, overlaps) = match merge_values(&s.base, ours, &s.proposed, words) {
                ValueMerge::Merged(value) => (Some(value), Vec::new()),
                ValueMerge::Conflict(overlaps) => (None, overlaps),
            };
            let conflict = Conflict {
                base: s.base.clone(),
                ours: ours.clone(),
                theirs: s.proposed.clone(),
                ours_change: tracked_change(&s.base, ours, words),
                merged,
                overlaps,
            };
            (ReviewStatus::Conflict, Some(conflict))
        }
    };
    SuggestionReview { suggestion: s.clone(), label: fields::label_in(def, &s.field), status, current: ours, change, conflict }
}

/// Every open suggestion of shared draft `draft_id`, oldest first, against
/// the request as it is now (on the counterpart's side, the revision last
/// received), with labels in `lang`.
pub fn review(store: &mut Store, draft_id: &str, lang: Lang) -> Result<Vec<SuggestionReview>, ConsultationError> {
    let tx = store.begin()?;
    let shared = shared::require(&tx, draft_id)?;
    let current = super::request_under_consultation(&tx, &shared)?;
    let def = interview::definition(lang);
    Ok(thread_rows::suggestions(&tx, draft_id)?
        .into_iter()
        .filter(|s| s.suggestion.state == SuggestionState::Open)
        .map(|s| review_in(&def, &s.suggestion, &current))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::thread::Participant;
    use serde_json::json;

    fn suggestion(field: &str, base: Value, proposed: Value) -> Suggestion {
        Suggestion {
            id: "7b0c4a52-3f1e-4d5e-9c1a-2f6d8e9a0b11".into(),
            field: field.into(),
            base_revision: 1,
            base,
            proposed,
            note: String::new(),
            author: Participant { fingerprint: "N".into(), name: "Bjørn Dahl".into(), authority: "Norland".into() },
            at: "2026-03-02T09:00:00Z".into(),
            state: SuggestionState::Open,
            decided: None,
            resolved_value: None,
        }
    }

    #[test]
    fn a_field_unchanged_since_the_revision_sent_is_clean() {
        let current = crate::request::demo::example();
        let s = suggestion("facts.time_place", json!(current.facts.time_place), json!("2025, Arden City"));
        let r = review_suggestion(&s, &current, Lang::En);
        assert_eq!((r.status, r.conflict.clone()), (ReviewStatus::Clean, None));
        assert_eq!(r.current, Some(json!(current.facts.time_place)));
    }

    #[test]
    fn a_field_already_holding_the_proposed_value_is_reported_as_applied() {
        let mut current = crate::request::demo::example();
        let base = json!(current.facts.time_place);
        current.facts.time_place = "2025, Arden City".into();
        let r = review_suggestion(&suggestion("facts.time_place", base, json!("2025, Arden City")), &current, Lang::En);
        assert_eq!(r.status, ReviewStatus::AlreadyApplied);
    }

    #[test]
    fn a_choice_changed_on_both_sides_is_a_conflict_without_a_merge() {
        let mut current = crate::request::demo::example();
        current.proc.nature = Some(crate::request::ProceedingsNature::Trial);
        let r = review_suggestion(&suggestion("proc.nature", json!("investigation"), json!("prosecution")), &current, Lang::En);
        assert_eq!(r.status, ReviewStatus::Conflict);
        let conflict = r.conflict.unwrap();
        assert_eq!((conflict.merged, conflict.overlaps.len()), (None, 0));
        assert_eq!(conflict.ours_change, TrackedChange::Value { old: json!("investigation"), new: json!("trial") });
    }

    #[test]
    fn a_removed_list_item_is_reported_as_missing() {
        let mut current = crate::request::demo::example();
        current.persons.clear();
        let r = review_suggestion(&suggestion("persons.0.location", json!("x"), json!("y")), &current, Lang::En);
        assert_eq!((r.status, r.current), (ReviewStatus::FieldMissing, None));
        assert_eq!(r.label, "Person 1: Address or whereabouts");
    }
}
