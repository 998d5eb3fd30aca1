//! Taking in a package from the other side, all or nothing.
//!
//! On the counterpart's side, the originator's first package creates a local
//! draft marked as the other side's shared request; a later one replaces the
//! request by the originator's newer revision, adds new comments and
//! suggestions and updates resolutions and decisions. On the originator's
//! side, a reply adds the counterpart's comments and suggestions.
//!
//! The package layer has checked signature, recipients and digests; this
//! layer checks that the package fits the consultation: not taken in before
//! (replay), newer than what its sender sent before (stale), answering a
//! package this side sent to that sender, carrying the request it says it
//! carries, and every comment and suggestion well formed, by its sender,
//! about a field the wizard has, with a value the request model accepts.
//! Any failure leaves the store as it was.

use serde::Serialize;
use time::OffsetDateTime;
use ts_rs::TS;

use super::history::{self, Action, Event};
use super::lineage::request_digest;
use super::packages::{self, Direction, PackageRecord};
use super::shared::{self, Role, SharedRequest, SharedStatus};
use super::thread_merge::{normal_time, Counts, ThreadMerge};
use super::ConsultationError;
use crate::exchange::thread::{Incoming, Participant};
use crate::i18n::Lang;
use crate::interview;
use crate::store::{timestamp, Store, StoreTransaction};

/// What taking in a package did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ImportReport {
    /// The package.
    pub package_id: String,
    /// The local draft it went into.
    pub draft_id: String,
    /// The shared request (the originator's draft id).
    pub request_id: String,
    /// This side's role.
    pub role: Role,
    /// Whether the package created the local draft (the counterpart's first
    /// package of a request).
    pub created_draft: bool,
    /// The round it belongs to.
    #[ts(type = "number")]
    pub round: u64,
    /// The local draft's revision afterwards.
    #[ts(type = "number")]
    pub revision: i64,
    /// Comments new to this side.
    pub comments_added: usize,
    /// Comments the other side resolved.
    pub comments_resolved: usize,
    /// Suggestions new to this side.
    pub suggestions_added: usize,
    /// Suggestions whose decision this side learnt (counterpart's side).
    pub suggestions_decided: usize,
}

/// Takes in `incoming`, a package the package layer has verified, for `me`
/// at `at`; see the module documentation. Everything is written in one
/// transaction, or nothing.
pub fn take_in(store: &mut Store, incoming: Incoming, me: &Participant, at: OffsetDateTime) -> Result<ImportReport, ConsultationError> {
    let package_id = incoming.package_id.clone();
    let invalid = |message: String| ConsultationError::InvalidPackage { package_id: package_id.clone(), message };
    if uuid::Uuid::parse_str(&incoming.package_id).is_err() {
        return Err(invalid("its id is not a UUID".into()));
    }
    if incoming.sender.fingerprint == me.fingerprint {
        return Err(ConsultationError::OwnPackage(package_id));
    }
    let created = normal_time(&incoming.created).map_err(|m| invalid(format!("its time: {m}")))?;
    let tx = store.begin()?;
    if let Some((_, known)) = packages::by_id(&tx, &incoming.package_id)? {
        return Err(match known.direction {
            Direction::Sent => ConsultationError::OwnPackage(package_id),
            Direction::Received => ConsultationError::Replayed { package_id, taken_in: known.recorded_at },
        });
    }
    let report = if incoming.round.from_originator {
        take_in_from_originator(&tx, &incoming, me, &created, at)?
    } else {
        take_in_reply(&tx, &incoming, me, &created, at)?
    };
    tx.commit()?;
    Ok(report)
}

/// The last sequence taken in from `sender` for draft `draft_id`, and the
/// highest round its packages belonged to.
fn last_from(tx: &StoreTransaction<'_>, draft_id: &str, sender: &str) -> Result<Option<(u64, u64)>, ConsultationError> {
    let received: Vec<PackageRecord> = packages::of_draft(tx, draft_id)?
        .into_iter()
        .filter(|p| p.direction == Direction::Received && p.sender.fingerprint == sender)
        .collect();
    Ok(received.iter().map(|p| p.sequence).max().zip(received.iter().map(|p| p.round).max()))
}

/// Refuses a package whose sequence is not above the last one taken in from
/// its sender for this draft; gives the highest round of that sender's
/// packages so far.
fn check_sequence(tx: &StoreTransaction<'_>, draft_id: &str, incoming: &Incoming) -> Result<Option<u64>, ConsultationError> {
    let last = last_from(tx, draft_id, &incoming.sender.fingerprint)?;
    if let Some((sequence, _)) = last {
        if incoming.round.sequence <= sequence {
            return Err(ConsultationError::Stale {
                package_id: incoming.package_id.clone(),
                sender: incoming.sender.name.clone(),
                reason: format!(
                    "its sequence number {} is not above {sequence}, the last taken in from this sender for this request",
                    incoming.round.sequence
                ),
            });
        }
    }
    Ok(last.map(|(_, round)| round))
}

/// The counterpart's side: a package from the originator.
fn take_in_from_originator(
    tx: &StoreTransaction<'_>,
    incoming: &Incoming,
    me: &Participant,
    created: &str,
    at_time: OffsetDateTime,
) -> Result<ImportReport, ConsultationError> {
    let at = &timestamp(at_time);
    let invalid = |message: String| ConsultationError::InvalidPackage { package_id: incoming.package_id.clone(), message };
    let round = &incoming.round;
    if shared::find(tx, &round.request_id, Role::Originator)?.is_some() {
        return Err(invalid(format!("request {} was drafted on this side; its originator's packages are made here", round.request_id)));
    }
    check_lineage(incoming).map_err(invalid)?;
    let existing = shared::find(tx, &round.request_id, Role::Counterpart)?;
    let (mut shared, created_draft, updated) = match existing {
        Some(shared) => {
            if shared.originator.fingerprint != incoming.sender.fingerprint {
                return Err(invalid(format!(
                    "it is signed by {} ({}), but request {} was shared by {} ({})",
                    incoming.sender.name, incoming.sender.fingerprint, round.request_id, shared.originator.name, shared.originator.fingerprint
                )));
            }
            check_sequence(tx, &shared.draft_id, incoming)?;
            let received = shared.received_revision.unwrap_or(0);
            if round.base_revision < received {
                return Err(ConsultationError::Stale {
                    package_id: incoming.package_id.clone(),
                    sender: incoming.sender.name.clone(),
                    reason: format!("it carries revision {}, older than revision {received} already received", round.base_revision),
                });
            }
            let receipt = tx.save_draft(&shared.draft_id, &incoming.request, at_time)?;
            let mut shared = shared;
            shared.received_revision = Some(round.base_revision);
            shared.received_local_revision = Some(receipt.revision);
            (shared, false, receipt.changed.then_some(receipt.revision))
        }
        None => {
            let summary = tx.create_draft(&incoming.request, at_time)?;
            let shared = SharedRequest {
                draft_id: summary.id,
                request_id: round.request_id.clone(),
                role: Role::Counterpart,
                me: me.clone(),
                originator: incoming.sender.clone(),
                counterparts: vec![me.clone()],
                status: SharedStatus::Received,
                received_revision: Some(round.base_revision),
                received_local_revision: Some(1),
                lineage: Vec::new(),
                updated_at: at.to_string(),
            };
            (shared, true, None)
        }
    };
    let round_number = round.sequence;
    shared.me = me.clone();
    shared.originator = incoming.sender.clone();
    shared.lineage = incoming.lineage.clone();
    shared.status = SharedStatus::Received;
    shared.updated_at = at.to_string();
    shared::save(tx, &shared)?;
    record_received(tx, &shared.draft_id, incoming, me, round_number, created, at)?;
    if let Some(revision) = updated {
        history::record(
            tx,
            &shared.draft_id,
            Event {
                at,
                actor: &incoming.sender,
                action: Action::Updated,
                field: "",
                subject: Some(&incoming.package_id),
                round: round_number,
                package_id: Some(&incoming.package_id),
                revision: Some(revision),
            },
        )?;
    }
    let merge = ThreadMerge {
        tx,
        draft_id: &shared.draft_id,
        incoming,
        round: round_number,
        def: interview::definition(Lang::En),
        request: &incoming.request,
    };
    let counts = merge.run()?;
    Ok(report(incoming, &shared, created_draft, round_number, shared.received_local_revision.unwrap_or(1), counts))
}

/// The originator's side: a reply from a counterpart.
fn take_in_reply(
    tx: &StoreTransaction<'_>,
    incoming: &Incoming,
    me: &Participant,
    created: &str,
    at_time: OffsetDateTime,
) -> Result<ImportReport, ConsultationError> {
    let at = &timestamp(at_time);
    let invalid = |message: String| ConsultationError::InvalidPackage { package_id: incoming.package_id.clone(), message };
    let round = &incoming.round;
    let Some(mut shared) = shared::find(tx, &round.request_id, Role::Originator)? else {
        return Err(invalid(format!("it replies on request {}, which this side never sent for consultation", round.request_id)));
    };
    let answers = round.answers.as_deref().ok_or_else(|| invalid("a reply must name the package it answers".into()))?;
    let answered = match packages::by_id(tx, answers)? {
        Some((draft_id, p)) if draft_id == shared.draft_id && p.direction == Direction::Sent => p,
        _ => return Err(invalid(format!("it answers package {answers}, which this side did not send for request {}", round.request_id))),
    };
    // A package sent with a passphrase to a counterpart not yet known names
    // no recipient: whoever held the passphrase and signed the reply (a
    // signer the user has confirmed) becomes the counterpart.
    if !answered.recipients.is_empty() && !answered.recipients.iter().any(|r| r.fingerprint == incoming.sender.fingerprint) {
        return Err(invalid(format!(
            "{} ({}) was not among the recipients of package {answers} it answers",
            incoming.sender.name, incoming.sender.fingerprint
        )));
    }
    if round.base_revision != answered.base_revision {
        return Err(invalid(format!(
            "it says it answers revision {}, but package {answers} carried revision {}",
            round.base_revision, answered.base_revision
        )));
    }
    let sent = tx.load_revision(&shared.draft_id, round.base_revision)?;
    if request_digest(&sent) != request_digest(&incoming.request) {
        return Err(invalid(format!("the request it carries is not revision {} as sent", round.base_revision)));
    }
    if let Some(highest) = check_sequence(tx, &shared.draft_id, incoming)? {
        if answered.round < highest {
            return Err(ConsultationError::Stale {
                package_id: incoming.package_id.clone(),
                sender: incoming.sender.name.clone(),
                reason: format!("it answers round {}, but a reply to round {highest} was already taken in", answered.round),
            });
        }
    }
    shared::add_counterparts(&mut shared.counterparts, std::slice::from_ref(&incoming.sender));
    shared.status = SharedStatus::ReplyReceived;
    shared.updated_at = at.to_string();
    shared::save(tx, &shared)?;
    record_received(tx, &shared.draft_id, incoming, me, answered.round, created, at)?;
    let merge = ThreadMerge {
        tx,
        draft_id: &shared.draft_id,
        incoming,
        round: answered.round,
        def: interview::definition(Lang::En),
        request: &sent,
    };
    let counts = merge.run()?;
    let revision = tx.load_draft(&shared.draft_id)?.summary.revision;
    Ok(report(incoming, &shared, false, answered.round, revision, counts))
}

/// The lineage must end with the revision the package carries, by number
/// and digest, and count upwards.
fn check_lineage(incoming: &Incoming) -> Result<(), String> {
    let last = incoming.lineage.last().ok_or("its lineage is empty")?;
    if incoming.lineage.windows(2).any(|w| w[0].revision >= w[1].revision) {
        return Err("the revisions of its lineage are not in increasing order".into());
    }
    if last.revision != incoming.round.base_revision {
        return Err(format!("it carries revision {}, but its lineage ends with revision {}", incoming.round.base_revision, last.revision));
    }
    if last.sha256 != request_digest(&incoming.request) {
        return Err(format!("the request it carries does not match the digest of revision {} in its lineage", last.revision));
    }
    Ok(())
}

fn record_received(
    tx: &StoreTransaction<'_>,
    draft_id: &str,
    incoming: &Incoming,
    me: &Participant,
    round: u64,
    created: &str,
    at: &str,
) -> Result<(), ConsultationError> {
    packages::insert(
        tx,
        draft_id,
        &PackageRecord {
            id: incoming.package_id.clone(),
            direction: Direction::Received,
            sender: incoming.sender.clone(),
            recipients: vec![me.clone()],
            round,
            sequence: incoming.round.sequence,
            base_revision: incoming.round.base_revision,
            answers: incoming.round.answers.clone(),
            from_originator: incoming.round.from_originator,
            note: incoming.note.clone(),
            created_at: created.to_string(),
            recorded_at: at.to_string(),
        },
    )?;
    history::record(
        tx,
        draft_id,
        Event {
            at,
            actor: &incoming.sender,
            action: Action::Received,
            field: "",
            subject: Some(&incoming.package_id),
            round,
            package_id: Some(&incoming.package_id),
            revision: None,
        },
    )
}

fn report(incoming: &Incoming, shared: &SharedRequest, created_draft: bool, round: u64, revision: i64, c: Counts) -> ImportReport {
    ImportReport {
        package_id: incoming.package_id.clone(),
        draft_id: shared.draft_id.clone(),
        request_id: shared.request_id.clone(),
        role: shared.role,
        created_draft,
        round,
        revision,
        comments_added: c.comments_added,
        comments_resolved: c.comments_resolved,
        suggestions_added: c.suggestions_added,
        suggestions_decided: c.suggestions_decided,
    }
}

