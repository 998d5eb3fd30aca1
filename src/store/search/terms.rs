//! The words of a text as search sees them, the same way for what is indexed
//! and for what the user types, and the snippet that shows a hit.
//!
//! A word is a run of letters and digits; every Han, Kana or Hangul
//! character is a word of its own, since those scripts do not separate
//! words with spaces (a two-character Chinese name inside a sentence is then
//! the phrase of its two characters). Words are compared folded: in lower
//! case, without combining marks (Latin accents, Arabic short vowels and
//! shadda, the Cyrillic breve, so `й` matches `и` and `ё` matches `е`) and
//! without the Arabic tatweel.

use serde::Serialize;
use ts_rs::TS;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A word of a text: where it is (byte offsets) and its folded form.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset after its last character.
    pub end: usize,
    /// Folded form, as indexed and compared.
    pub folded: String,
}

/// Whether `c` is written without spaces between words: Han ideographs
/// (with their extensions and compatibility forms), Hiragana, Katakana and
/// Hangul.
pub(crate) fn is_ideographic(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF       // Hangul Jamo
        | 0x2E80..=0x2FDF     // CJK radicals, Kangxi radicals
        | 0x3040..=0x30FF     // Hiragana, Katakana
        | 0x3130..=0x318F     // Hangul compatibility Jamo
        | 0x31F0..=0x31FF     // Katakana phonetic extensions
        | 0x3400..=0x4DBF     // CJK extension A
        | 0x4E00..=0x9FFF     // CJK unified ideographs
        | 0xA960..=0xA97F     // Hangul Jamo extended A
        | 0xAC00..=0xD7FF     // Hangul syllables, Jamo extended B
        | 0xF900..=0xFAFF     // CJK compatibility ideographs
        | 0xFF66..=0xFF9F     // half-width Katakana
        | 0x20000..=0x3FFFF)  // CJK extensions B to H
}

/// A word's folded form: lower case, without combining marks or tatweel.
fn fold(word: &str) -> String {
    word.nfd().filter(|c| !is_combining_mark(*c) && *c != '\u{640}').flat_map(char::to_lowercase).collect()
}

/// The words of `text`, in order.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let push = |out: &mut Vec<Word>, from: usize, to: usize| {
        let folded = fold(&text[from..to]);
        if !folded.is_empty() {
            out.push(Word { start: from, end: to, folded });
        }
    };
    for (i, c) in text.char_indices() {
        if is_ideographic(c) {
            if let Some(from) = start.take() {
                push(&mut out, from, i);
            }
            push(&mut out, i, i + c.len_utf8());
        } else if c.is_alphanumeric() || (is_combining_mark(c) && start.is_some()) || c == '\u{640}' {
            start.get_or_insert(i);
        } else if let Some(from) = start.take() {
            push(&mut out, from, i);
        }
    }
    if let Some(from) = start {
        push(&mut out, from, text.len());
    }
    out
}

/// What the index holds for a text: its folded words, separated by spaces.
pub(crate) fn indexed(text: &str) -> String {
    let words = words(text);
    let mut out = String::with_capacity(text.len());
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.folded);
    }
    out
}

/// A query as search reads it: each part the user separated with spaces is
/// a phrase of folded words (`张伟` is the phrase 张 伟), every phrase must be
/// found, and the last word of the last phrase may be the beginning of a
/// word (search as one types).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Query {
    /// Phrases, in the order typed; none is empty.
    pub phrases: Vec<Vec<String>>,
}

impl Query {
    /// Reads what the user typed. Punctuation, quotes, operators and
    /// brackets are separators like spaces: they never reach the index's
    /// query language as syntax.
    pub fn parse(typed: &str) -> Query {
        let phrases = typed
            .split_whitespace()
            .map(|part| words(part).into_iter().map(|w| w.folded).collect::<Vec<_>>())
            .filter(|phrase| !phrase.is_empty())
            .collect();
        Query { phrases }
    }

    /// Whether there is nothing to look for.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The FTS5 query: every phrase quoted (a folded word holds only letters
    /// and digits, and a quote would be doubled all the same), the last one
    /// a prefix.
    pub fn fts(&self) -> String {
        let mut out = String::new();
        for (i, phrase) in self.phrases.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push('"');
            out.push_str(&phrase.join(" ").replace('"', "\"\""));
            out.push('"');
            if i + 1 == self.phrases.len() {
                out.push('*');
            }
        }
        out
    }

    /// The words of `words` that make up a phrase of the query, by index,
    /// and how many of the query's phrases are among them.
    fn hits(&self, words: &[Word]) -> (Vec<bool>, usize) {
        let mut hit = vec![false; words.len()];
        let mut found = 0;
        for (p, phrase) in self.phrases.iter().enumerate() {
            let mut here = false;
            let prefix = p + 1 == self.phrases.len();
            for start in 0..words.len() {
                let Some(window) = words.get(start..start + phrase.len()) else { break };
                let matches = window.iter().zip(phrase).enumerate().all(|(i, (word, term))| {
                    if prefix && i + 1 == phrase.len() { word.folded.starts_with(term.as_str()) } else { word.folded == *term }
                });
                if matches {
                    hit[start..start + phrase.len()].iter_mut().for_each(|h| *h = true);
                    here = true;
                }
            }
            found += usize::from(here);
        }
        (hit, found)
    }

    /// How many phrases of the query `text` holds, and its snippet around
    /// the first hit; `None` when it holds none.
    pub fn find(&self, text: &str) -> Option<(usize, Vec<SnippetPart>)> {
        let words = words(text);
        let (hits, found) = self.hits(&words);
        let first = hits.iter().position(|h| *h)?;
        let from = first.saturating_sub(SNIPPET_WORDS_BEFORE);
        let to = (first + SNIPPET_WORDS_AFTER).min(words.len());
        let start = if from == 0 { 0 } else { words[from].start };
        let end = if to == words.len() { text.len() } else { words[to - 1].end };
        let mut parts = Vec::new();
        let push = |parts: &mut Vec<SnippetPart>, text: &str, hit: bool| {
            if text.is_empty() {
                return;
            }
            let text: String = text.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
            match parts.last_mut() {
                Some(SnippetPart { text: last, hit: was }) if *was == hit => last.push_str(&text),
                _ => parts.push(SnippetPart { text, hit }),
            }
        };
        if start > 0 {
            push(&mut parts, "…", false);
        }
        let mut at = start;
        for (word, hit) in words[from..to].iter().zip(&hits[from..to]) {
            if *hit {
                push(&mut parts, &text[at..word.start], false);
                push(&mut parts, &text[word.start..word.end], true);
                at = word.end;
            }
        }
        push(&mut parts, &text[at..end], false);
        if end < text.len() {
            push(&mut parts, "…", false);
        }
        Some((found, parts))
    }
}

/// Words shown before the first hit of a snippet.
const SNIPPET_WORDS_BEFORE: usize = 8;
/// Words shown from the first hit on.
const SNIPPET_WORDS_AFTER: usize = 16;

/// A piece of a snippet: text, marked when it is what was searched for.
/// The interface builds its marks from these, as text.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SnippetPart {
    /// The text, as typed (line breaks shown as spaces).
    pub text: String,
    /// Whether it is a word of the query.
    pub hit: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.folded).collect()
    }

    #[test]
    fn han_characters_are_words_of_their_own_and_latin_words_are_not_split() {
        assert_eq!(folded("嫌疑人张伟于2025年"), ["嫌", "疑", "人", "张", "伟", "于", "2025", "年"]);
        assert_eq!(folded("Jean-Luc O'Brien, 42"), ["jean", "luc", "o", "brien", "42"]);
    }

    #[test]
    fn case_accents_arabic_vowels_and_tatweel_are_folded() {
        assert_eq!(folded("ÉLODIE Müller"), ["elodie", "muller"]);
        assert_eq!(folded("مُحَمَّد محـمد"), ["محمد", "محمد"]);
        assert_eq!(folded("ПЕТРОВ Алёна"), ["петров", "алена"]);
    }

    #[test]
    fn a_query_is_quoted_phrases_whatever_the_user_types() {
        assert_eq!(Query::parse(r#"张伟 "AND" (x* NEAR:y"#).fts(), r#""张 伟" "and" "x" "near y"*"#);
        assert!(Query::parse(r#" "" * ( ) - ^ "#).is_empty());
    }

    #[test]
    fn a_snippet_marks_the_phrase_and_keeps_the_text_as_typed() {
        let query = Query::parse("张伟");
        let (found, parts) = query.find("据查，嫌疑人张伟于2025年3月").unwrap();
        assert_eq!(found, 1);
        let marked: Vec<&str> = parts.iter().filter(|p| p.hit).map(|p| p.text.as_str()).collect();
        assert_eq!(marked, ["张伟"]);
        assert_eq!(parts.iter().map(|p| p.text.as_str()).collect::<String>(), "据查，嫌疑人张伟于2025年3月");
        assert!(Query::parse("张三").find("据查，嫌疑人张伟于2025年3月").is_none());
        assert_eq!(Query::parse("张伟 2025 ivanov").find("据查，嫌疑人张伟于2025年3月").unwrap().0, 2);
        let long = format!("{} Petrov {}", "word ".repeat(30), "more ".repeat(30));
        let (_, parts) = Query::parse("petr").find(&long).unwrap();
        assert!(parts.first().unwrap().text.starts_with('…') && parts.last().unwrap().text.ends_with('…'), "{parts:?}");
        assert_eq!(parts.iter().filter(|p| p.hit).map(|p| p.text.as_str()).collect::<Vec<_>>(), ["Petrov"]);
    }
}
