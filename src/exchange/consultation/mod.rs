//! The consultation layer: shared requests, comments, suggested edits,
//! tracked changes, the three-way merge per field, rounds and history, kept
//! in the store. It builds the [`Outgoing`](crate::exchange::Outgoing) of a
//! draft and takes in an [`Incoming`](crate::exchange::Incoming); the
//! package layer turns one into bytes and bytes into the other.
//!
//! The flow, one function per step (each is one transaction; times are
//! passed in, never read from the clock):
//! 1. the originator sends a draft ([`send_for_consultation`]): the package
//!    is recorded as sent with its round, sequence and base revision (the
//!    draft's current revision), and the request is "in consultation";
//! 2. the counterpart takes it in ([`take_in`]): a local draft marked as the
//!    other side's request; they [`comment`] on any field (questions,
//!    requests for additional information under UNTOC art. 18(16),
//!    remarks), [`suggest`] edits, and [`reply`];
//! 3. the originator takes in the reply ([`take_in`]) and [`review`]s each
//!    suggestion as tracked changes against the revision sent;
//! 4. where the originator changed the same field meanwhile, the review
//!    shows base, ours and theirs, and the word merge when the changes do
//!    not overlap ([`merge`]); the originator will [`accept`] with a
//!    [`Resolution`] or [`reject`];
//! 5. comments are [`answer`]ed and [`resolve`]d; [`history`] says who did
//!    what, when, in which round and from which package;
//! 6. further rounds repeat 1–5; a replayed or stale package is refused.
//!
//! Rounds: the originator's packages count 1, 2, 3… (their sequence); a
//! round is opened by the originator's package of that number, and a reply
//! belongs to the round of the package it answers. Every package carries
//! its sender's own sequence, which must grow from one package to the next.
//!
//! A counterpart without the app reads the request and the thread through
//! [`comments_document`].
//!
//! Architecture invariant: the request the store keeps changes only through
//! the store's own revisions, and a revision written from a suggestion is
//! recorded with the package the suggestion came in (the lineage's origin).

mod codec;
mod comments;
mod decide;
mod error;
mod fields;
mod history;
mod lineage;
pub mod merge;
mod overview;
mod packages;
mod reading_copy;
mod review;
mod send;
mod shared;
mod suggestions;
mod take_in;
mod thread_merge;
mod thread_rows;

pub use comments::{answer, comment, resolve};
pub use decide::{accept, reject, DecisionReceipt, Resolution};
pub use error::ConsultationError;
pub use fields::field_label;
pub use history::{history, Action, HistoryEntry};
pub use lineage::request_digest;
pub use overview::{overview, Overview};
pub use packages::{packages, Direction, PackageRecord};
pub use reading_copy::{comments_document, reading_copy_pdf};
pub use review::{review, review_suggestion, tracked_change, Conflict, ReviewStatus, SuggestionReview, TrackedChange};
pub use send::{reply, reply_in, send_for_consultation, send_in};
pub use shared::{shared_request, shared_requests, Role, SharedRequest, SharedStatus};
pub use suggestions::suggest;
pub use take_in::{take_in, ImportReport};
pub use thread_rows::thread;

use crate::request::Request;
use crate::store::StoreTransaction;

/// The request the consultation is about, as this side sees it: on the
/// originator's side the draft as it is now, on the counterpart's side the
/// revision last received.
fn request_under_consultation(tx: &StoreTransaction<'_>, shared: &SharedRequest) -> Result<Request, ConsultationError> {
    match (shared.role, shared.received_local_revision) {
        (Role::Counterpart, Some(revision)) => Ok(tx.load_revision(&shared.draft_id, revision)?),
        _ => Ok(tx.load_draft(&shared.draft_id)?.request),
    }
}
