//! Tracked changes and the three-way merge of one field, word by word.
//!
//! Text is cut into words as tracked changes cut it
//! ([`crate::interview::tracked`]), and a two-way change is
//! [`word_changes`]. An edit is a range of the base's tokens (possibly empty:
//! an insertion) replaced by a range of the other text's tokens (possibly
//! empty: a deletion), as `similar` finds them; adjacent edits are joined.
//!
//! The three-way merge (diff3) diffs the base against each side, then walks
//! both lists of edits in base order:
//! - an edit that touches no edit of the other side is applied as it is;
//! - edits of the two sides that overlap or touch (they share a base token,
//!   or meet at the same boundary, as two insertions at one place do) are
//!   grouped with every further edit that touches the group; when both
//!   sides turn that stretch of the base into the same text, it is taken
//!   once, otherwise the stretch is an overlap the user must settle.
//!
//! Touching counts as overlapping, as in diff3 and git, because the order of
//! two insertions at one place, or of an insertion beside a replaced word, is
//! a choice a person should make.

use std::ops::Range;

use serde::Serialize;
use serde_json::Value;
use similar::{capture_diff_slices, Algorithm, DiffOp};
use ts_rs::TS;

pub use crate::interview::{word_changes, Span, SpanKind};
use crate::interview::words;

/// A stretch of the base that both sides changed differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Overlap {
    /// The stretch as it was.
    pub base: String,
    /// What this side made of it.
    pub ours: String,
    /// What the other side made of it.
    pub theirs: String,
}

/// The outcome of merging two edits of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordMerge {
    /// Both sides' changes in one text.
    Merged(String),
    /// The sides changed the same words; every overlap, in order.
    Overlapping(Vec<Overlap>),
}

/// The outcome of merging two edits of a field's value.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueMerge {
    /// The value that holds both sides' changes.
    Merged(Value),
    /// No value holds both: for text, the overlapping stretches; for any
    /// other value (a choice, a date, a list), none, as the whole value is
    /// the one change.
    Conflict(Vec<Overlap>),
}

/// One edit: a range of base tokens replaced by a range of the other side's.
#[derive(Debug, Clone)]
struct Edit {
    base: Range<usize>,
    side: Range<usize>,
}

/// The edits that turn `base` into `side`, adjacent ones joined.
fn edits(base: &[&str], side: &[&str]) -> Vec<Edit> {
    let mut out: Vec<Edit> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, base, side) {
        if matches!(op, DiffOp::Equal { .. }) {
            continue;
        }
        let (b, s) = (op.old_range(), op.new_range());
        match out.last_mut() {
            Some(last) if last.base.end == b.start && last.side.end == s.start => {
                last.base.end = b.end;
                last.side.end = s.end;
            }
            _ => out.push(Edit { base: b, side: s }),
        }
    }
    out
}

/// What one side made of the base tokens `range`, given its edits there.
fn side_text(base: &[&str], side: &[&str], edits: &[Edit], range: Range<usize>) -> String {
    let mut out = String::new();
    let mut at = range.start;
    for edit in edits {
        out.push_str(&base[at..edit.base.start].concat());
        out.push_str(&side[edit.side.clone()].concat());
        at = edit.base.end;
    }
    out.push_str(&base[at..range.end].concat());
    out
}

fn touch(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// Merges two edits of `base` word by word (see the module documentation).
pub fn merge_words(base: &str, ours: &str, theirs: &str) -> WordMerge {
    let (b, o, t) = (words(base), words(ours), words(theirs));
    let (our_edits, their_edits) = (edits(&b, &o), edits(&b, &t));
    let (mut i, mut j, mut cursor) = (0, 0, 0);
    let mut merged = String::new();
    let mut overlaps = Vec::new();
    while i < our_edits.len() || j < their_edits.len() {
        match (our_edits.get(i), their_edits.get(j)) {
            (Some(x), Some(y)) if touch(&x.base, &y.base) => {
                let (first_ours, first_theirs) = (i, j);
                let start = x.base.start.min(y.base.start);
                let mut end = x.base.end.max(y.base.end);
                i += 1;
                j += 1;
                loop {
                    let grown_ours = our_edits.get(i).is_some_and(|e| e.base.start <= end);
                    if grown_ours {
                        end = end.max(our_edits[i].base.end);
                        i += 1;
                    }
                    let grown_theirs = their_edits.get(j).is_some_and(|e| e.base.start <= end);
                    if grown_theirs {
                        end = end.max(their_edits[j].base.end);
                        j += 1;
                    }
                    if !grown_ours && !grown_theirs {
                        break;
                    }
                }
                merged.push_str(&b[cursor..start].concat());
                let ours_text = side_text(&b, &o, &our_edits[first_ours..i], start..end);
                let theirs_text = side_text(&b, &t, &their_edits[first_theirs..j], start..end);
                if ours_text != theirs_text {
                    overlaps.push(Overlap { base: b[start..end].concat(), ours: ours_text.clone(), theirs: theirs_text });
                }
                merged.push_str(&ours_text);
                cursor = end;
            }
            (x, y) => {
                // The earlier of the two next edits, which touches nothing of
                // the other side: applied as it is.
                let ours_first = match (x, y) {
                    (Some(x), Some(y)) => x.base.start < y.base.start,
                    (x, _) => x.is_some(),
                };
                let (edit, side) = if ours_first { (x, &o) } else { (y, &t) };
                let edit = edit.expect("the loop runs while an edit is left");
                merged.push_str(&b[cursor..edit.base.start].concat());
                merged.push_str(&side[edit.side.clone()].concat());
                cursor = edit.base.end;
                if ours_first {
                    i += 1;
                } else {
                    j += 1;
                }
            }
        }
    }
    merged.push_str(&b[cursor..].concat());
    if overlaps.is_empty() {
        WordMerge::Merged(merged)
    } else {
        WordMerge::Overlapping(overlaps)
    }
}

/// Merges two edits of a field's value: a value changed on one side only
/// takes that side's change, the same change on both sides is taken once,
/// and, when the field is typed text (`words`), text changed on both sides
/// merges word by word; any other value changed differently on both sides
/// (a choice, a date: merging their parts would make a value neither side
/// wrote) is a conflict.
pub fn merge_values(base: &Value, ours: &Value, theirs: &Value, words: bool) -> ValueMerge {
    if ours == theirs || theirs == base {
        return ValueMerge::Merged(ours.clone());
    }
    if ours == base {
        return ValueMerge::Merged(theirs.clone());
    }
    match (base, ours, theirs) {
        (Value::String(b), Value::String(o), Value::String(t)) if words => match merge_words(b, o, t) {
            WordMerge::Merged(text) => ValueMerge::Merged(Value::String(text)),
            WordMerge::Overlapping(overlaps) => ValueMerge::Conflict(overlaps),
        },
        _ => ValueMerge::Conflict(Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn merged(base: &str, ours: &str, theirs: &str) -> String {
        match merge_words(base, ours, theirs) {
            WordMerge::Merged(text) => text,
            WordMerge::Overlapping(o) => panic!("unexpected overlap: {o:?}"),
        }
    }

    fn overlaps(base: &str, ours: &str, theirs: &str) -> Vec<Overlap> {
        match merge_words(base, ours, theirs) {
            WordMerge::Merged(text) => panic!("merged unexpectedly into {text:?}"),
            WordMerge::Overlapping(o) => o,
        }
    }

    #[test]
    fn changes_to_different_words_merge() {
        assert_eq!(
            merged(
                "The suspect transferred the money to Norland in June.",
                "The suspect transferred EUR 3.2 million to Norland in June.",
                "The suspect transferred the money to Norland in July.",
            ),
            "The suspect transferred EUR 3.2 million to Norland in July."
        );
    }

    #[test]
    fn changes_to_the_same_words_overlap_and_name_each_side() {
        // "by" → "in" is ours alone and merges; "video link" is changed by both.
        let o = overlaps("Hearing by video link.", "Hearing in person.", "Hearing by telephone.");
        assert_eq!(o, vec![Overlap { base: "video link".into(), ours: "person".into(), theirs: "telephone".into() }]);
    }

    #[test]
    fn the_same_change_on_both_sides_is_taken_once() {
        assert_eq!(merged("one two three", "one 2 three", "one 2 three"), "one 2 three");
        // The same change plus a different one elsewhere.
        assert_eq!(merged("one two three four", "one 2 three four", "one 2 three 4"), "one 2 three 4");
    }

    #[test]
    fn deletions_merge_with_edits_elsewhere() {
        assert_eq!(
            merged("Ms Solberg, director, lives in Bergen.", "Ms Solberg lives in Bergen.", "Ms Solberg, director, lives in Oslo."),
            "Ms Solberg lives in Oslo."
        );
        // Both delete the same words.
        assert_eq!(merged("a b c", "a c", "a c"), "a c");
        // One deletes a word the other changes: overlap.
        assert_eq!(overlaps("a b c", "a c", "a B c").len(), 1);
    }

    #[test]
    fn an_empty_base_merges_only_identical_text() {
        assert_eq!(merged("", "Added text", "Added text"), "Added text");
        assert_eq!(merged("", "", "Their text"), "Their text");
        let o = overlaps("", "Our text", "Their text");
        assert_eq!(o, vec![Overlap { base: String::new(), ours: "Our text".into(), theirs: "Their text".into() }]);
    }

    #[test]
    fn two_insertions_at_the_same_place_overlap() {
        assert_eq!(overlaps("a c", "a b c", "a x c").len(), 1);
    }

    #[test]
    fn several_separate_changes_on_each_side_all_apply() {
        assert_eq!(
            merged("one two three four five six", "ONE two three FOUR five six", "one two THREE four five SIX"),
            "ONE two THREE FOUR five SIX"
        );
    }

    #[test]
    fn arabic_words_merge_at_their_spaces() {
        // "The suspect transferred the money to Norland"
        let base = "حوّل المشتبه به الأموال إلى نورلاند";
        let ours = "حوّل المتهم به الأموال إلى نورلاند";
        let theirs = "حوّل المشتبه به الأموال إلى فيستريا";
        assert_eq!(merged(base, ours, theirs), "حوّل المتهم به الأموال إلى فيستريا");
        assert_eq!(overlaps(base, "حوّل المتهم به الأموال إلى نورلاند", "حوّل الشاهد به الأموال إلى نورلاند").len(), 1);
    }

    #[test]
    fn chinese_merges_character_by_character() {
        // Written without spaces: each ideograph is a word.
        let base = "嫌疑人将资金转入诺兰银行";
        let ours = "被告人将资金转入诺兰银行";
        let theirs = "嫌疑人将资金转入维斯特银行";
        assert_eq!(merged(base, ours, theirs), "被告人将资金转入维斯特银行");
        assert_eq!(overlaps(base, "嫌疑人将现金转入诺兰银行", "嫌疑人将股票转入诺兰银行").len(), 1);
    }

    #[test]
    fn tracked_changes_show_deletions_and_insertions_in_order() {
        let spans = word_changes("Hearing by video link.", "Hearing in person.");
        let kinds: Vec<SpanKind> = spans.iter().map(|s| s.kind).collect();
        assert_eq!(spans.first().unwrap(), &Span { kind: SpanKind::Unchanged, text: "Hearing ".into() });
        assert!(kinds.contains(&SpanKind::Deleted) && kinds.contains(&SpanKind::Inserted));
        let old: String = spans.iter().filter(|s| s.kind != SpanKind::Inserted).map(|s| s.text.as_str()).collect();
        let new: String = spans.iter().filter(|s| s.kind != SpanKind::Deleted).map(|s| s.text.as_str()).collect();
        assert_eq!((old.as_str(), new.as_str()), ("Hearing by video link.", "Hearing in person."));
        assert!(word_changes("same", "same").iter().all(|s| s.kind == SpanKind::Unchanged));
        assert_eq!(word_changes("", "new"), vec![Span { kind: SpanKind::Inserted, text: "new".into() }]);
    }

    #[test]
    fn values_changed_on_one_side_take_that_change() {
        let (base, ours, theirs) = (json!("a"), json!("a"), json!("b"));
        assert_eq!(merge_values(&base, &ours, &theirs, true), ValueMerge::Merged(json!("b")));
        assert_eq!(merge_values(&base, &json!("c"), &json!("a"), true), ValueMerge::Merged(json!("c")));
        assert_eq!(merge_values(&json!(false), &json!(true), &json!(true), false), ValueMerge::Merged(json!(true)));
    }

    #[test]
    fn non_text_values_changed_differently_on_both_sides_conflict() {
        assert_eq!(merge_values(&json!(null), &json!("investigation"), &json!("trial"), false), ValueMerge::Conflict(vec![]));
        assert_eq!(merge_values(&json!(["a"]), &json!(["a", "b"]), &json!(["c"]), false), ValueMerge::Conflict(vec![]));
        // A date is not text: its parts never merge into a date neither side wrote.
        assert_eq!(merge_values(&json!("2026-01-01"), &json!("2027-01-01"), &json!("2026-01-02"), false), ValueMerge::Conflict(vec![]));
        assert_eq!(merge_values(&json!("2026-01-01"), &json!(2), &json!("2026-02-02"), false), ValueMerge::Conflict(vec![]));
    }

    #[test]
    fn text_values_changed_on_both_sides_merge_by_words() {
        assert_eq!(
            merge_values(&json!("one two three"), &json!("ONE two three"), &json!("one two THREE"), true),
            ValueMerge::Merged(json!("ONE two THREE"))
        );
        assert!(matches!(merge_values(&json!("one"), &json!("two"), &json!("three"), true), ValueMerge::Conflict(o) if o.len() == 1));
    }
}
