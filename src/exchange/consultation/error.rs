//! What can go wrong in a consultation, each error saying what was wrong and
//! where (which draft, package, comment, suggestion or field).

use std::path::PathBuf;

use thiserror::Error;

use crate::store::StoreError;

/// A failure of the consultation layer. Nothing is written when one is
/// returned: every operation is one transaction.
#[derive(Debug, Error)]
pub enum ConsultationError {
    /// The draft store failed or has no such draft.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// SQLite failed on the consultation's own tables.
    #[error("database {path}: {source}")]
    Database {
        /// Database file.
        path: PathBuf,
        /// Underlying error.
        source: rusqlite::Error,
    },
    /// A stored record of the consultation no longer reads.
    #[error("draft {draft_id}: the stored {what} is unreadable: {message}")]
    Corrupt {
        /// Draft id.
        draft_id: String,
        /// Which record.
        what: String,
        /// What is wrong with it.
        message: String,
    },
    /// The draft has not been shared with a counterpart.
    #[error("draft {0} is not shared with a counterpart: send it for consultation first")]
    NotShared(String),
    /// The operation belongs to the other side of the consultation.
    #[error("draft {draft_id}: {message}")]
    WrongSide {
        /// Draft id.
        draft_id: String,
        /// What this side cannot do, and what to do instead.
        message: String,
    },
    /// The input of an operation is not acceptable.
    #[error("{0}")]
    Invalid(String),
    /// A field path names nothing in the request or the wizard.
    #[error("field `{field}`: {message}")]
    UnknownField {
        /// Dotted path as given.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// A value is refused by the request model.
    #[error("field `{field}`: the value is refused: {message}")]
    InvalidValue {
        /// Dotted path.
        field: String,
        /// What the request model said.
        message: String,
    },
    /// The same package was taken in before.
    #[error("package {package_id} was already taken in on {taken_in}: a replayed package is refused")]
    Replayed {
        /// Package id.
        package_id: String,
        /// When it was first taken in.
        taken_in: String,
    },
    /// A package this side made came back to it.
    #[error("package {0} was made on this side; only the other side's packages are taken in")]
    OwnPackage(String),
    /// A package older than one already taken in.
    #[error("package {package_id} from {sender} is stale: {reason}")]
    Stale {
        /// Package id.
        package_id: String,
        /// Who sent it.
        sender: String,
        /// Why it is older than what is known.
        reason: String,
    },
    /// A package whose content does not fit the consultation.
    #[error("package {package_id}: {message}")]
    InvalidPackage {
        /// Package id.
        package_id: String,
        /// What is wrong, naming the comment, suggestion or field.
        message: String,
    },
    /// No comment with this id on the draft.
    #[error("draft {draft_id} has no comment {comment_id}")]
    CommentNotFound {
        /// Draft id.
        draft_id: String,
        /// Comment id.
        comment_id: String,
    },
    /// No suggestion with this id on the draft.
    #[error("draft {draft_id} has no suggestion {suggestion_id}")]
    SuggestionNotFound {
        /// Draft id.
        draft_id: String,
        /// Suggestion id.
        suggestion_id: String,
    },
    /// The comment was resolved before.
    #[error("comment {comment_id} was already resolved by {by} on {at}")]
    AlreadyResolved {
        /// Comment id.
        comment_id: String,
        /// Who resolved it.
        by: String,
        /// When.
        at: String,
    },
    /// The suggestion was accepted or rejected before.
    #[error("suggestion {suggestion_id} on `{field}` was already {state} by {by} on {at}")]
    AlreadyDecided {
        /// Suggestion id.
        suggestion_id: String,
        /// Its field.
        field: String,
        /// "accepted" or "rejected".
        state: String,
        /// Who decided.
        by: String,
        /// When.
        at: String,
    },
    /// The field a suggestion edits is no longer in the request.
    #[error("suggestion {suggestion_id}: the field `{field}` no longer exists in the request (revision {revision}); reject the suggestion or edit the request")]
    FieldGone {
        /// Suggestion id.
        suggestion_id: String,
        /// Its field.
        field: String,
        /// The draft's current revision.
        revision: i64,
    },
    /// The two sides changed the same words of a field.
    #[error("suggestion {suggestion_id} on `{field}`: this side and the counterpart changed the same part of the field ({conflicts} overlapping change(s)); choose ours, theirs or an edited value")]
    NoCleanMerge {
        /// Suggestion id.
        suggestion_id: String,
        /// Its field.
        field: String,
        /// How many regions overlap.
        conflicts: usize,
    },
}

impl ConsultationError {
    /// A SQLite error on the database at `path`.
    pub(super) fn database(path: &std::path::Path) -> impl Fn(rusqlite::Error) -> ConsultationError + '_ {
        move |source| ConsultationError::Database { path: path.to_path_buf(), source }
    }
}
