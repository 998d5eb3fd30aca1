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
}
