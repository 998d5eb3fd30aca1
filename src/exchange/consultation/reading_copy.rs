//! A reading copy for a counterpart who has no app: the request's document
//! with an annex listing the comments and the suggested edits, each under
//! the label of its field as the wizard asks it in the document's language.
//!
//! The annex is built as document blocks directly, never through the
//! template markup, so typed text (a comment, a suggested value) is only
//! ever the text of a block: a line that looks like a directive stays a line
//! of text. The export functions then lay it out like any document.

use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::{fields, ConsultationError};
use crate::store::Store;
use crate::document::templates::{long_date, phrase, TemplateError};
use crate::i18n::placeholders::fill;
use crate::document::{Block, Document};
use crate::exchange::thread::{Comment, CommentKind, Participant, Suggestion, SuggestionState, Thread};
use crate::i18n::Lang;
use crate::interview::WizardDefinition;
use crate::request::Request;

/// The document of `request` in `lang` followed by an annex of the comments
/// of `thread` (each answer after the comment it answers) and its suggested
/// edits (the value as sent, the value proposed, the reason and, once
/// decided, the state).
pub fn comments_document(request: &Request, thread: &Thread, lang: Lang) -> Result<Document, TemplateError> {
    let mut doc = crate::export::document(request, lang)?;
    let words = Words { lang, def: crate::interview::definition(lang) };
    doc.blocks.extend(words.comment_blocks(&thread.comments)?);
    if !thread.suggestions.is_empty() {
        doc.blocks.extend(words.suggestion_blocks(&thread.suggestions)?);
    }
    Ok(doc)
}

/// The reading copy of draft `draft_id` as a PDF made at `at`, in `lang`
/// (the request's language of transmission when `None`): its document with
/// the comments and suggestions annexed ([`comments_document`]).
pub fn reading_copy_pdf(store: &mut Store, draft_id: &str, lang: Option<Lang>, at: OffsetDateTime) -> Result<Vec<u8>, ConsultationError> {
    let request = store.load_draft(draft_id)?.request;
    let thread = super::thread(store, draft_id)?;
    let lang = lang.unwrap_or_else(|| crate::export::document_lang(&request));
    let doc = comments_document(&request, &thread, lang)
        .map_err(|e| ConsultationError::Invalid(format!("draft {draft_id}: the reading copy cannot be made: {e}")))?;
    Ok(crate::export::document_pdf(&doc, crate::layout::Paper::A4, at))
}

/// The wording of the annex in one language.
struct Words {
    lang: Lang,
    /// The wizard in that language, for the fields' labels.
    def: WizardDefinition,
}

impl Words {
    fn phrase(&self, key: &str) -> Result<&'static str, TemplateError> {
        phrase(self.lang, key).ok_or_else(|| TemplateError::Render {
            template: "comments annex".into(),
            message: format!("no phrase `{key}` in templates/phrases/{}.json", self.lang.code()),
        })
    }

    /// A phrase with its placeholders filled (a filled value is never read
    /// for placeholders).
    fn filled(&self, key: &str, values: &[(&str, &str)]) -> Result<String, TemplateError> {
        fill(self.phrase(key)?, |name| values.iter().find(|(n, _)| *n == name).map(|(_, v)| one_line(v)))
            .map_err(|message| TemplateError::Render { template: "comments annex".into(), message: message.to_string() })
    }

    fn field(&self, path: &str) -> Result<String, TemplateError> {
        if path.is_empty() {
            Ok(self.phrase("doc.comments.whole_request")?.to_string())
        } else {
            Ok(fields::label_in(&self.def, path))
        }
    }

    /// A time as the long date of the language, with the time, in UTC.
    fn date(&self, at: &str) -> Result<String, TemplateError> {
        let Ok(time) = OffsetDateTime::parse(at, &Rfc3339) else { return Ok(at.to_string()) };
        let utc = time.to_offset(time::UtcOffset::UTC);
        let stored = format!("{}T{:02}:{:02}", utc.date(), utc.hour(), utc.minute());
        self.filled("doc.comments.utc", &[("date", &long_date(self.lang, &stored))])
    }

    fn comment_blocks(&self, comments: &[Comment]) -> Result<Vec<Block>, TemplateError> {
        let mut blocks = vec![Block::Heading { level: 2, number: None, text: self.phrase("doc.comments.title")?.to_string() }];
        let is_answer = |c: &Comment| c.reply_to.as_ref().is_some_and(|to| comments.iter().any(|other| other.id == *to));
        let mut number = 0;
        for c in comments.iter().filter(|c| !is_answer(c)) {
            number += 1;
            let kind = self.phrase(&format!("doc.comments.kind.{}", kind_key(c.kind)))?;
            let header = self.filled(
                "doc.comments.entry",
                &[("field", &self.field(&c.field)?), ("kind", kind), ("author", &c.author.name), ("authority", &c.author.authority), ("date", &self.date(&c.at)?)],
            )?;
            blocks.push(Block::Item { number, lines: with_text(header, &c.text) });
            self.resolution(c, &mut blocks)?;
            self.answers(&c.id, comments, &mut blocks, 0)?;
        }
        if number == 0 {
            blocks.push(Block::Paragraph { lines: vec![self.phrase("doc.comments.none")?.to_string()] });
        }
        Ok(blocks)
    }

    /// The answers to comment `id`, each followed by its own answers
    /// (`depth` stops a cycle of answers from looping).
    fn answers(&self, id: &str, comments: &[Comment], blocks: &mut Vec<Block>, depth: usize) -> Result<(), TemplateError> {
        if depth > comments.len() {
            return Ok(());
        }
        for answer in comments.iter().filter(|c| c.reply_to.as_deref() == Some(id)) {
            let header = self.by("doc.comments.answer", &answer.author, &answer.at)?;
            blocks.push(Block::Paragraph { lines: with_text(header, &answer.text) });
            self.resolution(answer, blocks)?;
            self.answers(&answer.id, comments, blocks, depth + 1)?;
        }
        Ok(())
    }

    fn by(&self, key: &str, who: &Participant, at: &str) -> Result<String, TemplateError> {
        self.filled(key, &[("author", &who.name), ("authority", &who.authority), ("date", &self.date(at)?)])
    }

    fn resolution(&self, c: &Comment, blocks: &mut Vec<Block>) -> Result<(), TemplateError> {
        if let Some(done) = &c.resolved {
            let text = self.filled("doc.comments.resolved", &[("name", &done.by.name), ("date", &self.date(&done.at)?)])?;
            blocks.push(Block::Meta { text });
        }
        Ok(())
    }

    fn suggestion_blocks(&self, suggestions: &[Suggestion]) -> Result<Vec<Block>, TemplateError> {
        let mut blocks = vec![Block::Heading { level: 2, number: None, text: self.phrase("doc.comments.suggestions")?.to_string() }];
        for (index, s) in suggestions.iter().enumerate() {
            let state = self.phrase(&format!("doc.comments.state.{}", state_key(s.state)))?;
            let header = self.filled(
                "doc.comments.suggestion",
                &[("field", &self.field(&s.field)?), ("state", state), ("author", &s.author.name), ("authority", &s.author.authority), ("date", &self.date(&s.at)?)],
            )?;
            blocks.push(Block::Item { number: index as u32 + 1, lines: vec![header] });
            blocks.push(Block::Field { label: self.phrase("doc.comments.base")?.to_string(), lines: self.value_lines(&s.base)? });
            blocks.push(Block::Field { label: self.phrase("doc.comments.proposed")?.to_string(), lines: self.value_lines(&s.proposed)? });
            if let Some(value) = &s.resolved_value {
                blocks.push(Block::Field { label: self.phrase("doc.comments.adopted")?.to_string(), lines: self.value_lines(value)? });
            }
            if !s.note.trim().is_empty() {
                blocks.push(Block::Field { label: self.phrase("doc.comments.note")?.to_string(), lines: text_lines(&s.note) });
            }
        }
        Ok(blocks)
    }

    /// A value as lines of text: text as typed, nothing as "(not given)",
    /// anything else as its JSON.
    fn value_lines(&self, value: &Value) -> Result<Vec<String>, TemplateError> {
        Ok(match value {
            Value::String(text) if !text.trim().is_empty() => text_lines(text),
            Value::String(_) | Value::Null => vec![self.phrase("value.not_given")?.to_string()],
            other => vec![other.to_string()],
        })
    }
}

/// Typed text as the lines of a block: the author's own line breaks.
fn text_lines(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n").replace('\r', "\n").split('\n').map(|l| l.trim_end().to_string()).collect()
}

/// A header line followed by the lines of a text.
fn with_text(header: String, text: &str) -> Vec<String> {
    std::iter::once(header).chain(text_lines(text)).collect()
}

/// A value placed inside a one-line phrase: line breaks become spaces.
fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}

fn kind_key(kind: CommentKind) -> &'static str {
    match kind {
        CommentKind::Question => "question",
        CommentKind::AdditionalInformation => "additional_information",
        CommentKind::Remark => "remark",
        CommentKind::Answer => "answer",
    }
}

fn state_key(state: SuggestionState) -> &'static str {
    match state {
        SuggestionState::Open => "open",
        SuggestionState::Accepted => "accepted",
        SuggestionState::Rejected => "rejected",
    }
}
