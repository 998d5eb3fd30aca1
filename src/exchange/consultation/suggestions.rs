//! Suggested edits, made on the counterpart's side against the revision
//! received.

use serde_json::Value;
use time::OffsetDateTime;

use super::history::{self, Action, Event};
use super::shared::Role;
use super::{fields, packages, shared, thread_rows, ConsultationError};
use crate::exchange::thread::{Participant, Suggestion, SuggestionState};
use crate::i18n::Lang;
use crate::interview;
use crate::store::{timestamp, Store};

/// Suggests `proposed` as the new value of the field at dotted path `field`
/// of shared draft `draft_id` (a request received for comments), by `me` at
/// `at`, with an optional `note` saying why. The path must name a question
/// of the wizard that the request has, and the value must be one the
/// request model accepts there; the suggestion's base is the field's value
/// in the revision received.
pub fn suggest(
    store: &mut Store,
    draft_id: &str,
    field: &str,
    proposed: Value,
    note: &str,
    me: &Participant,
    at: OffsetDateTime,
) -> Result<Suggestion, ConsultationError> {
    let tx = store.begin()?;
    let shared = shared::require(&tx, draft_id)?;
    if shared.role != Role::Counterpart {
        return Err(ConsultationError::WrongSide {
            draft_id: draft_id.to_string(),
            message: "this is our own request: edit it directly; edits are suggested on the counterpart's side".into(),
        });
    }
    let received = super::request_under_consultation(&tx, &shared)?;
    fields::check_path(&interview::definition(Lang::En), &received, field, false)?;
    let base = fields::value_at(&received, field).unwrap_or(Value::Null);
    if base == proposed {
        return Err(ConsultationError::Invalid(format!("field `{field}` already has this value: nothing to suggest")));
    }
    fields::with_value(&received, field, &proposed)?;
    let s = Suggestion {
        id: uuid::Uuid::new_v4().to_string(),
        field: field.to_string(),
        base_revision: shared.received_revision.unwrap_or_default(),
        base,
        proposed,
        note: note.to_string(),
        author: me.clone(),
        at: timestamp(at),
        state: SuggestionState::Open,
        decided: None,
        resolved_value: None,
    };
    thread_rows::insert_suggestion(&tx, draft_id, &s, None)?;
    let round = packages::current_round(&tx, draft_id)?;
    history::record(
        &tx,
        draft_id,
        Event { at: &s.at, actor: me, action: Action::Suggested, field, subject: Some(&s.id), round, package_id: None, revision: None },
    )?;
    tx.commit()?;
    Ok(s)
}
