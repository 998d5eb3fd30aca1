//! Deciding on suggested edits, on the originator's side: accepting writes
//! the chosen value as a new revision of the request, rejecting records the
//! decision; each with its event, in one transaction.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;
use ts_rs::TS;

use super::history::{self, Action, Event};
use super::merge::{merge_values, ValueMerge};
use super::shared::{Role, SharedRequest};
use super::thread_rows::StoredSuggestion;
use super::{fields, packages, shared, thread_rows, ConsultationError};
use crate::exchange::thread::{Decision, Participant, Suggestion, SuggestionState};
use crate::i18n::Lang;
use crate::interview;
use crate::store::{timestamp, Store, StoreTransaction};

/// Which value an accepted suggestion writes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
#[ts(export)]
pub enum Resolution {
    /// The value proposed.
    Theirs,
    /// The value this side has now (the suggestion is taken as settled by
    /// this side's own edit).
    Ours,
    /// Both changes merged word by word; refused when they overlap.
    Merged,
    /// A value edited by hand.
    Edited(#[ts(type = "unknown")] Value),
}

/// What a decision did, once committed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DecisionReceipt {
    /// The suggestion as decided.
    pub suggestion: Suggestion,
    /// The draft's revision afterwards.
    #[ts(type = "number")]
    pub revision: i64,
    /// Whether the decision wrote a new revision.
    pub changed: bool,
}

/// Accepts suggestion `suggestion_id` of draft `draft_id` (our own request)
/// by `me` at `at`, writing the value `resolution` chooses as a new revision
/// (none when the request already holds it) and recording the event with
/// the package the suggestion came in.
pub fn accept(
    store: &mut Store,
    draft_id: &str,
    suggestion_id: &str,
    resolution: Resolution,
    me: &Participant,
    at: OffsetDateTime,
) -> Result<DecisionReceipt, ConsultationError> {
    let tx = store.begin()?;
    let (shared, stored) = open_suggestion(&tx, draft_id, suggestion_id)?;
    let s = &stored.suggestion;
    let draft = tx.load_draft(&shared.draft_id)?;
    let ours = fields::value_at(&draft.request, &s.field).ok_or_else(|| ConsultationError::FieldGone {
        suggestion_id: s.id.clone(),
        field: s.field.clone(),
        revision: draft.summary.revision,
    })?;
    let value = match resolution {
        Resolution::Theirs => s.proposed.clone(),
        Resolution::Ours => ours,
        Resolution::Edited(value) => value,
        Resolution::Merged => match merge_values(&s.base, &ours, &s.proposed, fields::is_text(&interview::definition(Lang::En), &s.field)) {
            ValueMerge::Merged(value) => value,
            ValueMerge::Conflict(overlaps) => {
                return Err(ConsultationError::NoCleanMerge {
                    suggestion_id: s.id.clone(),
                    field: s.field.clone(),
                    conflicts: overlaps.len().max(1),
                })
            }
        },
    };
    let request = fields::with_value(&draft.request, &s.field, &value)?;
    let receipt = tx.save_draft(draft_id, &request, at)?;
    let decided = Suggestion {
        state: SuggestionState::Accepted,
        decided: Some(Decision { by: me.clone(), at: timestamp(at) }),
        resolved_value: (value != s.proposed).then_some(value),
        ..s.clone()
    };
    let revision = receipt.changed.then_some(receipt.revision);
    record(&tx, draft_id, &decided, stored.package_id.as_deref(), Action::Accepted, revision)?;
    tx.commit()?;
    Ok(DecisionReceipt { suggestion: decided, revision: receipt.revision, changed: receipt.changed })
}

/// Rejects suggestion `suggestion_id` of draft `draft_id` (our own request)
/// by `me` at `at`; the request is left as it is.
pub fn reject(
    store: &mut Store,
    draft_id: &str,
    suggestion_id: &str,
    me: &Participant,
    at: OffsetDateTime,
) -> Result<DecisionReceipt, ConsultationError> {
    let tx = store.begin()?;
    let (_, stored) = open_suggestion(&tx, draft_id, suggestion_id)?;
    let decided = Suggestion {
        state: SuggestionState::Rejected,
        decided: Some(Decision { by: me.clone(), at: timestamp(at) }),
        ..stored.suggestion.clone()
    };
    record(&tx, draft_id, &decided, stored.package_id.as_deref(), Action::Rejected, None)?;
    let revision = tx.load_draft(draft_id)?.summary.revision;
    tx.commit()?;
    Ok(DecisionReceipt { suggestion: decided, revision, changed: false })
}

/// The suggestion, which must be open, on a draft of our own.
fn open_suggestion(
    tx: &StoreTransaction<'_>,
    draft_id: &str,
    suggestion_id: &str,
) -> Result<(SharedRequest, StoredSuggestion), ConsultationError> {
    let shared = shared::require(tx, draft_id)?;
    if shared.role != Role::Originator {
        return Err(ConsultationError::WrongSide {
            draft_id: draft_id.to_string(),
            message: format!("this is the request of {}: only its originator accepts or rejects suggestions", shared.originator.name),
        });
    }
    let stored = thread_rows::suggestion(tx, draft_id, suggestion_id)?.ok_or_else(|| ConsultationError::SuggestionNotFound {
        draft_id: draft_id.to_string(),
        suggestion_id: suggestion_id.to_string(),
    })?;
    let s = &stored.suggestion;
    if s.state != SuggestionState::Open {
        return Err(ConsultationError::AlreadyDecided {
            suggestion_id: suggestion_id.to_string(),
            field: s.field.clone(),
            state: if s.state == SuggestionState::Accepted { "accepted" } else { "rejected" }.into(),
            by: s.decided.as_ref().map_or_else(|| "someone".to_string(), |d| d.by.name.clone()),
            at: s.decided.as_ref().map_or_else(|| "an unknown date".to_string(), |d| d.at.clone()),
        });
    }
    Ok((shared, stored))
}

fn record(
    tx: &StoreTransaction<'_>,
    draft_id: &str,
    s: &Suggestion,
    package_id: Option<&str>,
    action: Action,
    revision: Option<i64>,
) -> Result<(), ConsultationError> {
    thread_rows::update_decision(tx, draft_id, s)?;
    let decision = s.decided.as_ref().expect("a decided suggestion has its decision");
    let round = packages::current_round(tx, draft_id)?;
    history::record(
        tx,
        draft_id,
        Event { at: &decision.at, actor: &decision.by, action, field: &s.field, subject: Some(&s.id), round, package_id, revision },
    )
}
