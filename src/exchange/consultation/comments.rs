//! Comments on a shared request, on either side: on a field or on the
//! request as a whole, answered and resolved.

use time::OffsetDateTime;

use super::history::{self, Action, Event};
use super::{fields, packages, shared, thread_rows, ConsultationError};
use crate::exchange::thread::{Comment, CommentKind, Decision, Participant};
use crate::i18n::Lang;
use crate::interview;
use crate::store::{timestamp, Store, StoreTransaction};

/// Adds a comment of `kind` by `me` at `at` on the field at dotted path
/// `field` of shared draft `draft_id` ("" for the request as a whole): a
/// question, a request for additional information (UNTOC art. 18(16)) or a
/// remark. Answers are written with [`answer`]. The text is kept as typed.
pub fn comment(
    store: &mut Store,
    draft_id: &str,
    field: &str,
    kind: CommentKind,
    text: &str,
    me: &Participant,
    at: OffsetDateTime,
) -> Result<Comment, ConsultationError> {
    if kind == CommentKind::Answer {
        return Err(ConsultationError::Invalid("an answer answers a comment: write it with `answer`, naming the comment".into()));
    }
    let tx = store.begin()?;
    let shared = shared::require(&tx, draft_id)?;
    let request = super::request_under_consultation(&tx, &shared)?;
    fields::check_path(&interview::definition(Lang::En), &request, field, true)?;
    let c = new_comment(field, kind, text, me, at, None)?;
    write(&tx, draft_id, &c, Action::Commented)?;
    tx.commit()?;
    Ok(c)
}

/// Answers comment `comment_id` of shared draft `draft_id` with `text`, by
/// `me` at `at`; the answer is about the same field.
pub fn answer(
    store: &mut Store,
    draft_id: &str,
    comment_id: &str,
    text: &str,
    me: &Participant,
    at: OffsetDateTime,
) -> Result<Comment, ConsultationError> {
    let tx = store.begin()?;
    shared::require(&tx, draft_id)?;
    let answered = find(&tx, draft_id, comment_id)?;
    let c = new_comment(&answered.field, CommentKind::Answer, text, me, at, Some(answered.id))?;
    write(&tx, draft_id, &c, Action::Answered)?;
    tx.commit()?;
    Ok(c)
}

/// Resolves comment `comment_id` of shared draft `draft_id`, by `me` at
/// `at`. A comment is resolved once.
pub fn resolve(store: &mut Store, draft_id: &str, comment_id: &str, me: &Participant, at: OffsetDateTime) -> Result<Comment, ConsultationError> {
    let tx = store.begin()?;
    shared::require(&tx, draft_id)?;
    let mut c = find(&tx, draft_id, comment_id)?;
    if let Some(done) = &c.resolved {
        return Err(ConsultationError::AlreadyResolved { comment_id: c.id, by: done.by.name.clone(), at: done.at.clone() });
    }
    let at = timestamp(at);
    c.resolved = Some(Decision { by: me.clone(), at: at.clone() });
    thread_rows::update_resolution(&tx, draft_id, &c)?;
    let round = packages::current_round(&tx, draft_id)?;
    history::record(
        &tx,
        draft_id,
        Event { at: &at, actor: me, action: Action::Resolved, field: &c.field, subject: Some(&c.id), round, package_id: None, revision: None },
    )?;
    tx.commit()?;
    Ok(c)
}

fn find(tx: &StoreTransaction<'_>, draft_id: &str, comment_id: &str) -> Result<Comment, ConsultationError> {
    thread_rows::comment(tx, draft_id, comment_id)?
        .ok_or_else(|| ConsultationError::CommentNotFound { draft_id: draft_id.to_string(), comment_id: comment_id.to_string() })
}

fn new_comment(
    field: &str,
    kind: CommentKind,
    text: &str,
    me: &Participant,
    at: OffsetDateTime,
    reply_to: Option<String>,
) -> Result<Comment, ConsultationError> {
    if text.trim().is_empty() {
        return Err(ConsultationError::Invalid("a comment needs some text".into()));
    }
    Ok(Comment {
        id: uuid::Uuid::new_v4().to_string(),
        field: field.to_string(),
        kind,
        text: text.to_string(),
        author: me.clone(),
        at: timestamp(at),
        reply_to,
        resolved: None,
    })
}

fn write(tx: &StoreTransaction<'_>, draft_id: &str, c: &Comment, action: Action) -> Result<(), ConsultationError> {
    thread_rows::insert_comment(tx, draft_id, c, None)?;
    let round = packages::current_round(tx, draft_id)?;
    history::record(
        tx,
        draft_id,
        Event { at: &c.at, actor: &c.author, action, field: &c.field, subject: Some(&c.id), round, package_id: None, revision: None },
    )
}
