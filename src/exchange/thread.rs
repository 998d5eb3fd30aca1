//! What travels with a request between the two sides of a consultation:
//! comments, suggested edits and the revision lineage. Plain data; the
//! package layer carries it and the consultation layer interprets it.
//!
//! Fields are named by their dotted path in the request's JSON, the same path
//! the wizard and the translation workflow use (`facts.summary`,
//! `persons.0.name`); the empty path names the request as a whole.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::request::Request;

/// A person taking part in an exchange, as their card names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Participant {
    /// Fingerprint of their signing key (see the identity module).
    pub fingerprint: String,
    /// Their name.
    pub name: String,
    /// Their authority ("Central Authority, Ministry of Justice of Norland").
    pub authority: String,
}

/// What a comment is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CommentKind {
    /// A question about the draft.
    Question,
    /// A request for additional information before execution (UNTOC art.
    /// 18(16) and its equivalents).
    AdditionalInformation,
    /// A remark (what the requested State's law needs, which authority
    /// executes, wording its courts will not accept).
    Remark,
    /// An answer to another comment (`reply_to`).
    Answer,
}

/// A resolution: who closed a comment or decided a suggestion, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Decision {
    /// Who decided.
    pub by: Participant,
    /// When, RFC 3339 UTC.
    pub at: String,
}

/// A comment on a field of the request, or on the request as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Comment {
    /// Stable id (UUID), the same on both sides.
    pub id: String,
    /// Dotted path of the field it is about; "" for the whole request.
    pub field: String,
    /// What it is for.
    pub kind: CommentKind,
    /// The text, as typed: untrusted, shown literally.
    pub text: String,
    /// Its author.
    pub author: Participant,
    /// When it was written, RFC 3339 UTC.
    pub at: String,
    /// The comment it answers.
    pub reply_to: Option<String>,
    /// Set once the comment is resolved.
    pub resolved: Option<Decision>,
}

/// Where a suggestion stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SuggestionState {
    /// Not decided yet.
    Open,
    /// Taken into the request.
    Accepted,
    /// Declined.
    Rejected,
}

/// A suggested edit of one field: the value it was made against and the
/// value proposed, so that the originator sees it as a tracked change and a
/// three-way merge can tell it from their own later edits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Suggestion {
    /// Stable id (UUID), the same on both sides.
    pub id: String,
    /// Dotted path of the field.
    pub field: String,
    /// The revision of the originator's request it was made against.
    #[ts(type = "number")]
    pub base_revision: i64,
    /// The field's value in that revision (`null` when it had none).
    #[ts(type = "unknown")]
    pub base: Value,
    /// The value proposed.
    #[ts(type = "unknown")]
    pub proposed: Value,
    /// Why (optional).
    pub note: String,
    /// Its author.
    pub author: Participant,
    /// When it was made, RFC 3339 UTC.
    pub at: String,
    /// Where it stands.
    pub state: SuggestionState,
    /// Who accepted or rejected it, and when.
    pub decided: Option<Decision>,
    /// The value finally written when it was accepted after a conflict was
    /// resolved by hand (otherwise `proposed`).
    #[ts(type = "unknown")]
    pub resolved_value: Option<Value>,
}

/// Where a revision came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum RevisionOrigin {
    /// Typed by the originator.
    Local,
    /// Written when a suggestion or a package was taken in.
    Package {
        /// Id of the package.
        package_id: String,
    },
}

/// One revision of the request in the lineage a package carries: enough to
/// tell which revision a reply answers, and to recognise a revision on both
/// sides by its digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LineageEntry {
    /// Revision number on the originator's side.
    #[ts(type = "number")]
    pub revision: i64,
    /// SHA-256 of the request's canonical JSON at that revision, hex.
    pub sha256: String,
    /// When it was saved, RFC 3339 UTC.
    pub at: String,
    /// Where it came from.
    pub origin: RevisionOrigin,
}

/// The comments and suggestions of a consultation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Thread {
    /// Every comment, oldest first.
    pub comments: Vec<Comment>,
    /// Every suggestion, oldest first.
    pub suggestions: Vec<Suggestion>,
}

/// A consultation's place in the back-and-forth: which shared request, which
/// revision and which earlier package a package answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Round {
    /// Id of the shared request, the originator's draft id; the same on both
    /// sides.
    pub request_id: String,
    /// The originator's revision the package is based on (the revision sent,
    /// or, in a reply, the revision answered).
    #[ts(type = "number")]
    pub base_revision: i64,
    /// The package this one answers, if any.
    pub answers: Option<String>,
    /// Counts the packages one sender made for this request, from 1: a
    /// package whose sequence is not above the last one imported from the
    /// same sender is stale or replayed.
    #[ts(type = "number")]
    pub sequence: u64,
    /// Whether the sender is the originator of the request (else the
    /// counterpart).
    pub from_originator: bool,
}

/// One annex file to send: its name in the package and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnexSource {
    /// Name in the package (a plain file name, checked on both sides).
    pub name: String,
    /// The file on disk; read in a streaming way.
    pub path: std::path::PathBuf,
}

/// What the consultation layer hands the package layer to send.
#[derive(Debug, Clone)]
pub struct Outgoing {
    /// Id of the package (UUID), chosen when the package was recorded as
    /// sent: the package layer writes it into the manifest, and a reply
    /// names it in [`Round::answers`].
    pub package_id: String,
    /// When it was made, RFC 3339 UTC: the manifest's time.
    pub created: String,
    /// Place in the back-and-forth.
    pub round: Round,
    /// The request as sent.
    pub request: Request,
    /// The revisions it went through.
    pub lineage: Vec<LineageEntry>,
    /// Comments and suggestions.
    pub thread: Thread,
    /// A note for the recipients ("Draft for your comments before formal
    /// transmission").
    pub note: String,
    /// Annex files.
    pub annexes: Vec<AnnexSource>,
}

/// One annex received, already written to disk with its digest verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedAnnex {
    /// Name in the package.
    pub name: String,
    /// Where it was written.
    pub path: std::path::PathBuf,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256, hex.
    pub sha256: String,
}

/// What the package layer hands the consultation layer once a package has
/// been decrypted and every check has passed.
#[derive(Debug, Clone)]
pub struct Incoming {
    /// Id of the package (UUID).
    pub package_id: String,
    /// Who signed it.
    pub sender: Participant,
    /// When it was made (as its sender says), RFC 3339 UTC.
    pub created: String,
    /// Place in the back-and-forth.
    pub round: Round,
    /// The request as sent.
    pub request: Request,
    /// The revisions it went through.
    pub lineage: Vec<LineageEntry>,
    /// Comments and suggestions.
    pub thread: Thread,
    /// The note for the recipients.
    pub note: String,
    /// Annex files.
    pub annexes: Vec<ReceivedAnnex>,
}
