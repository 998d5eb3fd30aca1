//! Tracked changes of a text, word by word.
//!
//! Text is cut into "words" by Unicode word segmentation (UAX #29, the
//! `unicode-segmentation` crate): words, the spaces between them and each
//! punctuation mark are separate tokens, so a change of one word leaves the
//! spaces around it untouched, and no token ever splits a grapheme (a letter
//! with its marks stays whole). Arabic words are cut at their spaces like any
//! other; Chinese, written without spaces, is cut between ideographs, so a
//! change of one character is a change of one token. The changes are the
//! edits `similar` finds between the two token lists (Myers' algorithm).

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffOp};
use ts_rs::TS;
use unicode_segmentation::UnicodeSegmentation;

/// What a span of a tracked change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SpanKind {
    /// In both texts.
    Unchanged,
    /// Only in the new text.
    Inserted,
    /// Only in the old text.
    Deleted,
}

/// A run of text of one kind in a tracked change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Span {
    /// Unchanged, inserted or deleted.
    pub kind: SpanKind,
    /// The text, as typed.
    pub text: String,
}

/// The tokens tracked changes are made of (see the module documentation).
pub fn words(text: &str) -> Vec<&str> {
    text.split_word_bounds().collect()
}

/// The changes that turn `old` into `new`, as spans of unchanged, deleted
/// and inserted words (a replaced word is its deletion then its insertion).
pub fn word_changes(old: &str, new: &str) -> Vec<Span> {
    let (a, b) = (words(old), words(new));
    let mut spans: Vec<Span> = Vec::new();
    let mut push = |kind: SpanKind, parts: &[&str]| {
        if parts.is_empty() {
            return;
        }
        match spans.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(&parts.concat()),
            _ => spans.push(Span { kind, text: parts.concat() }),
        }
    };
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        let (old_range, new_range) = (op.old_range(), op.new_range());
        match op {
            DiffOp::Equal { .. } => push(SpanKind::Unchanged, &a[old_range]),
            _ => {
                push(SpanKind::Deleted, &a[old_range]);
                push(SpanKind::Inserted, &b[new_range]);
            }
        }
    }
    spans
}
