//! Text a template inserts — a typed answer, an imported translation, a
//! phrase, a date — kept out of the markup, so that it can never become a
//! directive, a line or a table cell.
//!
//! While a template renders, the engine's escape function
//! ([`escape_inserted_text`], through which every `{{value}}` and every
//! helper's output passes) does not write the text into the markup: it keeps
//! it in a table of this render's inserted texts and writes an opaque
//! reference instead, [`OPEN`], the text's index in decimal, [`CLOSE`]. The
//! markup parser finds directives, lines and cells in the template's own
//! text, then [`InsertedTexts::resolve`] replaces each reference of a piece
//! with its text in one pass: an inserted text is never read again, for
//! references or anything else, so what it holds (`::h2`, `|`, line breaks,
//! the reference characters themselves) stays text.
//!
//! The table lives in the rendering thread ([`collect`] empties it before a
//! render and takes it after), as the engine gives its escape function no
//! state of its own.

use std::cell::RefCell;

/// Opens a reference to an inserted text (a private-use character).
pub const OPEN: char = '\u{E000}';

/// Closes a reference to an inserted text (a private-use character).
pub const CLOSE: char = '\u{E001}';

thread_local! {
    static TABLE: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Escape function of the template engine: keeps `text` aside and returns
/// its reference. A text that is empty or only blanks inserts nothing, as
/// it would print nothing: a line that holds only it stays an empty line.
pub fn escape_inserted_text(text: &str) -> String {
    if text.trim().is_empty() {
        return String::new();
    }
    TABLE.with_borrow_mut(|table| {
        table.push(text.to_string());
        format!("{OPEN}{}{CLOSE}", table.len() - 1)
    })
}

/// The texts inserted by one render, by index.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct InsertedTexts(Vec<String>);

/// A reference in the markup that names no inserted text (only the
/// template's own text could hold one; a test keeps the reference characters
/// out of every template).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a reference to inserted text is broken or names none ({0:?})")]
pub struct BrokenReference(pub String);

/// Runs `render` (one template render, on this thread) and returns what it
/// returned with the texts it inserted.
pub fn collect<T>(render: impl FnOnce() -> T) -> (T, InsertedTexts) {
    TABLE.with_borrow_mut(Vec::clear);
    let result = render();
    (result, InsertedTexts(TABLE.with_borrow_mut(std::mem::take)))
}

impl InsertedTexts {
    /// The texts as they enter a document written right to left
    /// (`document_rtl`): each value that is not itself right to left
    /// isolated ([`super::direction::isolated`]). This is the one place where
    /// printed values get their direction; the values a phrase holds get
    /// theirs where the phrase is filled.
    pub fn isolated(self, document_rtl: bool) -> InsertedTexts {
        InsertedTexts(self.0.iter().map(|text| super::direction::isolated(text, document_rtl)).collect())
    }

    /// `piece` of the markup with each reference replaced by its text.
    pub fn resolve(&self, piece: &str) -> Result<String, BrokenReference> {
        let broken = || BrokenReference(piece.to_string());
        let mut out = String::with_capacity(piece.len());
        let mut rest = piece;
        while let Some(open) = rest.find(OPEN) {
            out.push_str(&rest[..open]);
            let after = &rest[open + OPEN.len_utf8()..];
            let close = after.find(CLOSE).ok_or_else(broken)?;
            let text = after[..close].parse::<usize>().ok().and_then(|i| self.0.get(i)).ok_or_else(broken)?;
            out.push_str(text);
            rest = &after[close + CLOSE.len_utf8()..];
        }
        if rest.contains(CLOSE) {
            return Err(broken());
        }
        out.push_str(rest);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserted_text_is_resolved_once_and_never_read_again() {
        let forged = format!("{OPEN}0{CLOSE} and ::h1 | x");
        let ((first, second, blank), texts) =
            collect(|| (escape_inserted_text("Eve"), escape_inserted_text(&forged), escape_inserted_text(" \n ")));
        assert_eq!(blank, "");
        let piece = format!("{first} wrote {second}.");
        assert_eq!(texts.resolve(&piece).unwrap(), format!("Eve wrote {forged}."));
    }

    #[test]
    fn each_render_starts_with_an_empty_table() {
        let (_, first) = collect(|| escape_inserted_text("one"));
        let (reference, second) = collect(|| escape_inserted_text("two"));
        assert_eq!(first, InsertedTexts(vec!["one".into()]));
        assert_eq!(second.resolve(&reference).unwrap(), "two");
    }

    #[test]
    fn a_reference_that_names_no_text_is_an_error() {
        let (_, texts) = collect(|| escape_inserted_text("one"));
        for piece in [format!("{OPEN}1{CLOSE}"), format!("{OPEN}0"), format!("x{CLOSE}"), format!("{OPEN}a{CLOSE}")] {
            assert!(texts.resolve(&piece).is_err(), "{piece:?}");
        }
    }
}
