//! Merging the comments and suggestions of a package into the stored thread
//! of a draft, by id: new items are checked (well-formed ids and times, by
//! the sender when a counterpart sent them, about a field the wizard has,
//! with a value the request model accepts, against the revision they say
//! they were made on) and stored; known items must be unchanged, and bring
//! only their resolution or, from the originator, their decision.

use std::collections::HashSet;

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::history::{self, Action, Event};
use super::packages::{self, Direction};
use super::{fields, thread_rows, ConsultationError};
use crate::exchange::thread::{Comment, CommentKind, Decision, Incoming, Participant, Suggestion, SuggestionState};
use crate::interview::WizardDefinition;
use crate::request::Request;
use crate::store::{timestamp, StoreTransaction};

/// An RFC 3339 time as the store writes it.
pub(super) fn normal_time(text: &str) -> Result<String, String> {
    OffsetDateTime::parse(text, &Rfc3339).map(timestamp).map_err(|e| format!("`{text}` is not an RFC 3339 time ({e})"))
}

/// What a merge added or changed.
#[derive(Default)]
pub(super) struct Counts {
    /// Comments new to this side.
    pub comments_added: usize,
    /// Comments the package resolves.
    pub comments_resolved: usize,
    /// Suggestions new to this side.
    pub suggestions_added: usize,
    /// Suggestions the package decides.
    pub suggestions_decided: usize,
}

/// Merges the thread of a package into the stored thread of a draft, by id.
pub(super) struct ThreadMerge<'a, 't> {
    /// The import's transaction.
    pub tx: &'a StoreTransaction<'t>,
    /// The local draft.
    pub draft_id: &'a str,
    /// The package.
    pub incoming: &'a Incoming,
    /// The round it belongs to.
    pub round: u64,
    /// The wizard, for field paths.
    pub def: WizardDefinition,
    /// The request the package's fields are checked against (the revision
    /// it carries).
    pub request: &'a Request,
}

impl ThreadMerge<'_, '_> {
    fn invalid(&self, message: String) -> ConsultationError {
        ConsultationError::InvalidPackage { package_id: self.incoming.package_id.clone(), message }
    }

    fn sent_by_originator(&self) -> bool {
        self.incoming.round.from_originator
    }

    fn event(&self, at: &str, actor: &Participant, action: Action, field: &str, subject: &str) -> Result<(), ConsultationError> {
        history::record(
            self.tx,
            self.draft_id,
            Event {
                at,
                actor,
                action,
                field,
                subject: Some(subject),
                round: self.round,
                package_id: Some(&self.incoming.package_id),
                revision: None,
            },
        )
    }

    /// Merges comments, then suggestions.
    pub fn run(&self) -> Result<Counts, ConsultationError> {
        let mut counts = Counts::default();
        self.comments(&mut counts)?;
        self.suggestions(&mut counts)?;
        Ok(counts)
    }

    /// An item must be new in the package (ids unique) and a UUID.
    fn check_ids<'i>(&self, what: &str, ids: impl Iterator<Item = &'i str>) -> Result<(), ConsultationError> {
        let mut seen = HashSet::new();
        for id in ids {
            if uuid::Uuid::parse_str(id).is_err() {
                return Err(self.invalid(format!("{what} `{id}`: the id is not a UUID")));
            }
            if !seen.insert(id) {
                return Err(self.invalid(format!("{what} {id} appears twice")));
            }
        }
        Ok(())
    }

    /// A new item from a counterpart must be its sender's own.
    fn check_author(&self, what: &str, author: &Participant) -> Result<(), ConsultationError> {
        if !self.sent_by_originator() && author.fingerprint != self.incoming.sender.fingerprint {
            return Err(self.invalid(format!(
                "{what} is by {} ({}), not by the sender {} ({})",
                author.name, author.fingerprint, self.incoming.sender.name, self.incoming.sender.fingerprint
            )));
        }
        Ok(())
    }

    fn normal_decision(&self, what: &str, d: &Option<Decision>) -> Result<Option<Decision>, ConsultationError> {
        d.as_ref()
            .map(|d| {
                let at = normal_time(&d.at).map_err(|m| self.invalid(format!("{what}: its decision time: {m}")))?;
                Ok(Decision { by: d.by.clone(), at })
            })
            .transpose()
    }

    fn comments(&self, counts: &mut Counts) -> Result<(), ConsultationError> {
        let incoming = &self.incoming.thread.comments;
        self.check_ids("comment", incoming.iter().map(|c| c.id.as_str()))?;
        let mut known: HashSet<String> = thread_rows::comments(self.tx, self.draft_id)?.into_iter().map(|c| c.id).collect();
        known.extend(incoming.iter().map(|c| c.id.clone()));
        for c in incoming {
            let what = format!("comment {} on `{}`", c.id, c.field);
            let at = normal_time(&c.at).map_err(|m| self.invalid(format!("{what}: its time: {m}")))?;
            let resolved = self.normal_decision(&what, &c.resolved)?;
            let c = Comment { at, resolved, ..c.clone() };
            match thread_rows::comment(self.tx, self.draft_id, &c.id)? {
                Some(stored) => {
                    let same = stored.field == c.field
                        && stored.kind == c.kind
                        && stored.text == c.text
                        && stored.author.fingerprint == c.author.fingerprint
                        && stored.at == c.at
                        && stored.reply_to == c.reply_to;
                    if !same {
                        return Err(self.invalid(format!("{what} differs from the copy already recorded here")));
                    }
                    if let (None, Some(decision)) = (&stored.resolved, &c.resolved) {
                        let resolved = Comment { resolved: Some(decision.clone()), ..stored };
                        thread_rows::update_resolution(self.tx, self.draft_id, &resolved)?;
                        self.event(&decision.at, &decision.by, Action::Resolved, &resolved.field, &resolved.id)?;
                        counts.comments_resolved += 1;
                    }
                }
                None => {
                    self.check_author(&what, &c.author)?;
                    if c.text.trim().is_empty() {
                        return Err(self.invalid(format!("{what} has no text")));
                    }
                    match (&c.kind, &c.reply_to) {
                        (CommentKind::Answer, None) => return Err(self.invalid(format!("{what} is an answer to no comment"))),
                        (CommentKind::Answer, Some(to)) if !known.contains(to) || *to == c.id => {
                            return Err(self.invalid(format!("{what} answers comment {to}, which is unknown")))
                        }
                        (kind, Some(_)) if *kind != CommentKind::Answer => {
                            return Err(self.invalid(format!("{what} answers another comment but is not an answer")))
                        }
                        _ => {}
                    }
                    fields::check_path(&self.def, self.request, &c.field, true).map_err(|e| self.invalid(format!("{what}: {e}")))?;
                    thread_rows::insert_comment(self.tx, self.draft_id, &c, Some(&self.incoming.package_id))?;
                    let action = if c.kind == CommentKind::Answer { Action::Answered } else { Action::Commented };
                    self.event(&c.at, &c.author, action, &c.field, &c.id)?;
                    if let Some(decision) = &c.resolved {
                        self.event(&decision.at, &decision.by, Action::Resolved, &c.field, &c.id)?;
                    }
                    counts.comments_added += 1;
                }
            }
        }
        Ok(())
    }

    fn suggestions(&self, counts: &mut Counts) -> Result<(), ConsultationError> {
        let incoming = &self.incoming.thread.suggestions;
        self.check_ids("suggestion", incoming.iter().map(|s| s.id.as_str()))?;
        for s in incoming {
            let what = format!("suggestion {} on `{}`", s.id, s.field);
            let at = normal_time(&s.at).map_err(|m| self.invalid(format!("{what}: its time: {m}")))?;
            let decided = self.normal_decision(&what, &s.decided)?;
            let s = Suggestion { at, decided, ..s.clone() };
            match thread_rows::suggestion(self.tx, self.draft_id, &s.id)? {
                Some(stored) => self.known_suggestion(&what, stored.suggestion, &s, counts)?,
                None => self.new_suggestion(&what, &s, counts)?,
            }
        }
        Ok(())
    }

    fn known_suggestion(&self, what: &str, stored: Suggestion, s: &Suggestion, counts: &mut Counts) -> Result<(), ConsultationError> {
        let same = stored.field == s.field
            && stored.base_revision == s.base_revision
            && stored.base == s.base
            && stored.proposed == s.proposed
            && stored.note == s.note
            && stored.author.fingerprint == s.author.fingerprint
            && stored.at == s.at;
        if !same {
            return Err(self.invalid(format!("{what} differs from the copy already recorded here")));
        }
        if s.state == SuggestionState::Open || s.state == stored.state {
            return Ok(());
        }
        if !self.sent_by_originator() {
            return Err(self.invalid(format!("{what} arrives {}; only the originator decides on suggestions", state_word(s.state))));
        }
        if stored.state != SuggestionState::Open {
            return Err(self.invalid(format!("{what} arrives {}, but it was {} before", state_word(s.state), state_word(stored.state))));
        }
        let decision = s.decided.clone().ok_or_else(|| self.invalid(format!("{what} is {} by no one", state_word(s.state))))?;
        let decided = Suggestion { state: s.state, decided: Some(decision.clone()), resolved_value: s.resolved_value.clone(), ..stored };
        thread_rows::update_decision(self.tx, self.draft_id, &decided)?;
        self.event(&decision.at, &decision.by, decision_action(s.state), &decided.field, &decided.id)?;
        counts.suggestions_decided += 1;
        Ok(())
    }

    fn new_suggestion(&self, what: &str, s: &Suggestion, counts: &mut Counts) -> Result<(), ConsultationError> {
        self.check_author(what, &s.author)?;
        if !self.sent_by_originator() && (s.state != SuggestionState::Open || s.decided.is_some() || s.resolved_value.is_some()) {
            return Err(self.invalid(format!("{what} arrives already decided; only the originator decides on suggestions")));
        }
        if s.state != SuggestionState::Open && s.decided.is_none() {
            return Err(self.invalid(format!("{what} is {} by no one", state_word(s.state))));
        }
        fields::check_path(&self.def, self.request, &s.field, false).map_err(|e| self.invalid(format!("{what}: {e}")))?;
        let base_request = if self.sent_by_originator() {
            if s.base_revision > self.incoming.round.base_revision {
                return Err(self.invalid(format!(
                    "{what} is based on revision {}, later than revision {} the package carries",
                    s.base_revision, self.incoming.round.base_revision
                )));
            }
            self.request.clone()
        } else {
            self.revision_sent_to_sender(what, s.base_revision)?
        };
        if !self.sent_by_originator() {
            let base = fields::value_at(&base_request, &s.field);
            if base.as_ref() != Some(&s.base) {
                return Err(self.invalid(format!("{what}: its base value is not the field's value in revision {} as sent", s.base_revision)));
            }
        }
        if s.proposed == s.base {
            return Err(self.invalid(format!("{what} proposes the value the field already has")));
        }
        fields::with_value(&base_request, &s.field, &s.proposed).map_err(|e| self.invalid(format!("{what}: {e}")))?;
        thread_rows::insert_suggestion(self.tx, self.draft_id, s, Some(&self.incoming.package_id))?;
        self.event(&s.at, &s.author, Action::Suggested, &s.field, &s.id)?;
        counts.suggestions_added += 1;
        if let Some(decision) = &s.decided {
            self.event(&decision.at, &decision.by, decision_action(s.state), &s.field, &s.id)?;
        }
        Ok(())
    }

    /// The originator's revision `number`, which must have been sent to the
    /// package's sender.
    fn revision_sent_to_sender(&self, what: &str, number: i64) -> Result<Request, ConsultationError> {
        let sent = packages::of_draft(self.tx, self.draft_id)?.into_iter().any(|p| {
            p.direction == Direction::Sent
                && p.base_revision == number
                && p.recipients.iter().any(|r| r.fingerprint == self.incoming.sender.fingerprint)
        });
        if !sent {
            return Err(self.invalid(format!("{what} is based on revision {number}, which was never sent to its author")));
        }
        Ok(self.tx.load_revision(self.draft_id, number)?)
    }
}

fn state_word(state: SuggestionState) -> &'static str {
    match state {
        SuggestionState::Open => "open",
        SuggestionState::Accepted => "accepted",
        SuggestionState::Rejected => "rejected",
    }
}

fn decision_action(state: SuggestionState) -> Action {
    if state == SuggestionState::Rejected {
        Action::Rejected
    } else {
        Action::Accepted
    }
}
