//! The writing direction of a text of the document, read as the Unicode
//! bidirectional algorithm reads a paragraph's (rules P2–P3: its first
//! strongly directional character, `unicode_bidi::get_base_direction_full`).
//! A paragraph typed in English inside an Arabic document keeps its own
//! direction in every output (the PDF's layout, the DOCX, the HTML page).

use unicode_bidi::Direction;

/// Whether `text` runs right to left by its own letters; `None` when it has
/// no strongly directional character (numbers, punctuation, spaces).
pub fn own_rtl(text: &str) -> Option<bool> {
    match unicode_bidi::get_base_direction_full(text) {
        Direction::Rtl => Some(true),
        Direction::Ltr => Some(false),
        Direction::Mixed => None,
    }
}

/// Whether a paragraph of `text` runs right to left: by its own letters, else
/// as the document does (`document_rtl`).
pub fn paragraph_rtl(text: &str, document_rtl: bool) -> bool {
    own_rtl(text).unwrap_or(document_rtl)
}

/// Opens a left-to-right isolate (UAX #9, LRI).
pub const LRI: char = '\u{2066}';

/// Closes an isolate (UAX #9, PDI).
pub const PDI: char = '\u{2069}';

/// `value` as it enters a document written right to left (`document_rtl`),
/// so that numbers and codes keep their order: a telephone number, an
/// IBAN, an ISO date, a reference such as "4471-000" or "ECD/117-2026", an
/// IP address and port, an e-mail address, a UTC offset, a Latin name.
///
/// Each line that does not itself run right to left is set whole between
/// LRI and PDI; in a line that does (Arabic text with codes in it), each
/// run of words without a right-to-left letter is, its opening and closing
/// punctuation left outside. The bidirectional algorithm then lays each out
/// as one left-to-right unit, whatever surrounds it: without it, the parts
/// of a number separated by spaces or dashes after an Arabic word are each
/// set to the left of the one before ("0101 555 20 00+", "22-07-2026").
/// Blanks around a line stay outside its isolate; a value of a
/// left-to-right document is left as it is.
pub fn isolated(value: &str, document_rtl: bool) -> String {
    if !document_rtl {
        return value.to_string();
    }
    value
        .split('\n')
        .map(|line| {
            let core = line.trim();
            if core.is_empty() {
                return line.to_string();
            }
            if own_rtl(core) == Some(true) {
                return isolated_runs(line);
            }
            let start = line.len() - line.trim_start().len();
            let end = start + core.len();
            format!("{}{LRI}{core}{PDI}{}", &line[..start], &line[end..])
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A right-to-left `line` with each run of its words that hold a letter or
/// digit and no right-to-left letter (nor an isolate already) set between
/// LRI and PDI, the punctuation that opens or closes it outside.
fn isolated_runs(line: &str) -> String {
    let is_code = |word: &str| {
        !word.is_empty()
            && word.chars().any(char::is_alphanumeric)
            && word.chars().all(|c| char_rtl(c) != Some(true) && !is_direction_format(c))
    };
    let opening = |c: char| matches!(c, '(' | '[' | '{' | '«' | '"' | '\'' | '“' | '‘');
    let closing = |c: char| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '،' | '؛' | '؟' | ')' | ']' | '}' | '»' | '"' | '\'' | '”' | '’');
    let words: Vec<&str> = line.split(' ').collect();
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if !is_code(words[i]) {
            out.push(words[i].to_string());
            i += 1;
            continue;
        }
        let start = i;
        while i < words.len() && is_code(words[i]) {
            i += 1;
        }
        let run = words[start..i].join(" ");
        let core = run.trim_start_matches(opening).trim_end_matches(closing);
        let before = run.len() - run.trim_start_matches(opening).len();
        let after = &run[before + core.len()..];
        out.push(format!("{}{LRI}{core}{PDI}{after}", &run[..before]));
    }
    out.join(" ")
}

/// Whether `c` is one of the explicit directional formatting characters of
/// UAX #9 (embeddings, overrides, isolates): they steer the order of the
/// text around them and are never drawn.
pub fn is_direction_format(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` without the isolates [`isolated`] puts in (for writers, such as
/// the DOCX, that set directions by runs of their own).
pub fn without_isolates(text: &str) -> String {
    text.chars().filter(|&c| c != LRI && c != PDI).collect()
}

/// Whether the character `c` is written right to left (`Some(true)`), left
/// to right (`Some(false)`) or takes the direction around it (`None`).
pub fn char_rtl(c: char) -> Option<bool> {
    own_rtl(c.encode_utf8(&mut [0; 4]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_strong_letter_sets_the_direction() {
        assert!(paragraph_rtl("12, الطلب", false));
        assert!(!paragraph_rtl("(Ref. 12) الطلب", true));
        assert!(paragraph_rtl("2026 — 17", true));
        assert!(!paragraph_rtl("2026 — 17", false));
        assert_eq!(own_rtl("\n\nשלום"), Some(true));
        assert_eq!(char_rtl('ع'), Some(true));
        assert_eq!(char_rtl('A'), Some(false));
        assert_eq!(char_rtl('7'), None);
    }

    #[test]
    fn values_that_are_not_right_to_left_are_isolated_in_a_right_to_left_document() {
        for value in ["+00 20 555 0101", "2026-07-22", "4471-000", "ECD/117-2026", "192.0.2.14:8443", "j.doe@example.org", "UTC−03:00", "NL44 ABNA 0123 4567 89", "John Smith"] {
            assert_eq!(isolated(value, true), format!("{LRI}{value}{PDI}"));
            assert_eq!(isolated(value, false), value);
            assert_eq!(without_isolates(&isolated(value, true)), value);
        }
        // Each line alone, blanks outside; blank lines as they are.
        assert_eq!(isolated("  +00 20 555 0101 \n\n2026-07-22", true), format!("  {LRI}+00 20 555 0101{PDI} \n\n{LRI}2026-07-22{PDI}"));
        // In Arabic text, each run of codes, its punctuation outside.
        assert_eq!(
            isolated("اتصل من الرقم +00 20 555 0101، يوم 2026-07-22 (الساعة 08:12 UTC−03:00) بالملف ECD/117-2026/B.", true),
            format!("اتصل من الرقم {LRI}+00 20 555 0101{PDI}، يوم {LRI}2026-07-22{PDI} (الساعة {LRI}08:12 UTC−03:00{PDI}) بالملف {LRI}ECD/117-2026/B{PDI}.")
        );
        assert_eq!(isolated("شارع الحرية", true), "شارع الحرية");
        // A value isolated once is not isolated again inside a phrase.
        let phrase = format!("المرجع: {}", isolated("4471-000", true));
        assert_eq!(isolated(&phrase, true), phrase);
        // The direction of a text is read around its isolates.
        assert_eq!(own_rtl(&format!("{LRI}John{PDI} المولود")), Some(true));
        assert_eq!(own_rtl(&isolated("2026-07-22", true)), None);
    }
}
