//! Making packages: the originator sends a draft for consultation (every
//! round), the counterpart replies. Each records the package as sent, with
//! its round, sequence and base revision; `send_in` and `reply_in` do it in
//! the caller's transaction, so that the caller commits only once the
//! package layer has written the file.

use time::OffsetDateTime;

use super::history::{self, Action, Event};
use super::packages::{self, Direction, PackageRecord};
use super::shared::{self, Role, SharedRequest, SharedStatus};
use super::{lineage, thread_rows, ConsultationError};
use crate::exchange::thread::{Outgoing, Participant, Round};
use crate::store::{timestamp, Store, StoreTransaction};

/// Sends draft `draft_id` for consultation to `to`, with `note` for them, at
/// `at`: the request as it is now (its current revision is the package's
/// base revision), its lineage, and every comment and suggestion so far. The
/// package is recorded as sent, the shared request's status becomes "in
/// consultation", and the history records the round. Call it again for a
/// later round. The draft must be our own request, not a counterpart's copy.
///
/// `to` is empty only for a package encrypted with a passphrase agreed by
/// telephone with a counterpart whose card this side does not have yet: the
/// first signed reply then names them (see [`super::take_in`]).
pub fn send_for_consultation(
    store: &mut Store,
    draft_id: &str,
    me: &Participant,
    to: &[Participant],
    note: &str,
    at: OffsetDateTime,
) -> Result<Outgoing, ConsultationError> {
    let tx = store.begin()?;
    let outgoing = send_in(&tx, draft_id, me, to, note, at)?;
    tx.commit()?;
    Ok(outgoing)
}

/// [`send_for_consultation`] within `tx`, which the caller commits once the
/// package is safely written (and drops, recording nothing, when it is not).
pub fn send_in(
    tx: &StoreTransaction<'_>,
    draft_id: &str,
    me: &Participant,
    to: &[Participant],
    note: &str,
    at: OffsetDateTime,
) -> Result<Outgoing, ConsultationError> {
    check_participant(me, "this side")?;
    for p in to {
        check_participant(p, "a counterpart")?;
        if p.fingerprint == me.fingerprint {
            return Err(ConsultationError::Invalid(format!("{} is this side: a draft is not sent to oneself", p.name)));
        }
    }
    let at = timestamp(at);
    let draft = tx.load_draft(draft_id)?;
    let mut shared = match shared::load(tx, draft_id)? {
        Some(s) if s.role == Role::Counterpart => {
            return Err(ConsultationError::WrongSide {
                draft_id: draft_id.to_string(),
                message: format!("this is the request of {} received for comments; answer it with a reply", s.originator.name),
            })
        }
        Some(s) => s,
        None => SharedRequest {
            draft_id: draft_id.to_string(),
            request_id: draft_id.to_string(),
            role: Role::Originator,
            me: me.clone(),
            originator: me.clone(),
            counterparts: Vec::new(),
            status: SharedStatus::InConsultation,
            received_revision: None,
            received_local_revision: None,
            lineage: Vec::new(),
            updated_at: at.clone(),
        },
    };
    let sequence = packages::next_sequence(tx, draft_id)?;
    let answers = packages::of_draft(tx, draft_id)?.into_iter().rev().find(|p| p.direction == Direction::Received).map(|p| p.id);
    let round = Round {
        request_id: shared.request_id.clone(),
        base_revision: draft.summary.revision,
        answers,
        sequence,
        from_originator: true,
    };
    let outgoing = Outgoing {
        package_id: uuid::Uuid::new_v4().to_string(),
        created: at.clone(),
        lineage: lineage::of_draft(tx, draft_id)?,
        thread: thread_rows::load_thread(tx, draft_id)?,
        request: crate::request::addressee::shareable(&draft.request).into_owned(),
        note: note.to_string(),
        annexes: Vec::new(),
        round,
    };
    record_sent(tx, draft_id, &outgoing, me, to, sequence)?;
    shared.me = me.clone();
    shared.originator = me.clone();
    shared::add_counterparts(&mut shared.counterparts, to);
    shared.status = SharedStatus::InConsultation;
    shared.updated_at = at;
    shared::save(tx, &shared)?;
    Ok(outgoing)
}

/// The counterpart's reply on draft `draft_id` (a request received for
/// comments), with `note`, at `at`: the request as received, the lineage as
/// received, and every comment and suggestion, answering the originator's
/// latest package. Recorded as sent; the shared request's status becomes
/// "replied". The package goes to the originator
/// ([`SharedRequest::originator`]).
pub fn reply(store: &mut Store, draft_id: &str, me: &Participant, note: &str, at: OffsetDateTime) -> Result<Outgoing, ConsultationError> {
    let tx = store.begin()?;
    let outgoing = reply_in(&tx, draft_id, me, note, at)?;
    tx.commit()?;
    Ok(outgoing)
}

/// [`reply`] within `tx`, which the caller commits once the package is
/// safely written (and drops, recording nothing, when it is not).
pub fn reply_in(tx: &StoreTransaction<'_>, draft_id: &str, me: &Participant, note: &str, at: OffsetDateTime) -> Result<Outgoing, ConsultationError> {
    check_participant(me, "this side")?;
    let at = timestamp(at);
    let mut shared = shared::require(tx, draft_id)?;
    if shared.role != Role::Counterpart {
        return Err(ConsultationError::WrongSide {
            draft_id: draft_id.to_string(),
            message: "this is our own request: send it for consultation instead of replying".into(),
        });
    }
    let (Some(base_revision), Some(local_revision)) = (shared.received_revision, shared.received_local_revision) else {
        return Err(ConsultationError::Corrupt {
            draft_id: draft_id.to_string(),
            what: "shared request".into(),
            message: "the revision received is not recorded".into(),
        });
    };
    let answered = packages::of_draft(tx, draft_id)?
        .into_iter()
        .rev()
        .find(|p| p.direction == Direction::Received)
        .ok_or_else(|| ConsultationError::Corrupt {
            draft_id: draft_id.to_string(),
            what: "package log".into(),
            message: "no package from the originator is recorded".into(),
        })?;
    let sequence = packages::next_sequence(tx, draft_id)?;
    let outgoing = Outgoing {
        package_id: uuid::Uuid::new_v4().to_string(),
        created: at.clone(),
        round: Round {
            request_id: shared.request_id.clone(),
            base_revision,
            answers: Some(answered.id.clone()),
            sequence,
            from_originator: false,
        },
        request: crate::request::addressee::shareable(&tx.load_revision(draft_id, local_revision)?).into_owned(),
        lineage: shared.lineage.clone(),
        thread: thread_rows::load_thread(tx, draft_id)?,
        note: note.to_string(),
        annexes: Vec::new(),
    };
    record_sent(tx, draft_id, &outgoing, me, std::slice::from_ref(&shared.originator), answered.round)?;
    shared.me = me.clone();
    shared.status = SharedStatus::Replied;
    shared.updated_at = at;
    shared::save(tx, &shared)?;
    Ok(outgoing)
}

fn check_participant(p: &Participant, who: &str) -> Result<(), ConsultationError> {
    if p.fingerprint.trim().is_empty() {
        return Err(ConsultationError::Invalid(format!("{who} ({}) has no key fingerprint", p.name)));
    }
    Ok(())
}

/// Records `outgoing` as sent from draft `draft_id` in round `round`, and
/// the event.
fn record_sent(
    tx: &StoreTransaction<'_>,
    draft_id: &str,
    outgoing: &Outgoing,
    me: &Participant,
    to: &[Participant],
    round: u64,
) -> Result<(), ConsultationError> {
    packages::insert(
        tx,
        draft_id,
        &PackageRecord {
            id: outgoing.package_id.clone(),
            direction: Direction::Sent,
            sender: me.clone(),
            recipients: to.to_vec(),
            round,
            sequence: outgoing.round.sequence,
            base_revision: outgoing.round.base_revision,
            answers: outgoing.round.answers.clone(),
            from_originator: outgoing.round.from_originator,
            note: outgoing.note.clone(),
            created_at: outgoing.created.clone(),
            recorded_at: outgoing.created.clone(),
        },
    )?;
    history::record(
        tx,
        draft_id,
        Event {
            at: &outgoing.created,
            actor: me,
            action: Action::Sent,
            field: "",
            subject: Some(&outgoing.package_id),
            round,
            package_id: Some(&outgoing.package_id),
            revision: None,
        },
    )
}
