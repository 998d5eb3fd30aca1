//! Named `{placeholders}` in wording — the phrases of a document, the
//! messages of the checks, the page footer — read and filled by one parser.
//!
//! A placeholder is a `{`, a name without braces, and a `}`; any other brace
//! is text. Filling is one pass over the wording: an inserted value is never
//! read for placeholders, so a typed `{name}` stays as typed.

use thiserror::Error;

/// A piece of wording: text as written, or the name of a placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text to keep as it is.
    Text(&'a str),
    /// The name of a placeholder (`page` for `{page}`).
    Placeholder(&'a str),
}

/// The pieces of `text`, in order.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut literal = 0;
    while let Some(open) = rest[literal..].find('{').map(|i| literal + i) {
        let after = &rest[open + 1..];
        match after.find(['{', '}']) {
            Some(close) if after[close..].starts_with('}') => {
                if open > 0 {
                    out.push(Piece::Text(&rest[..open]));
                }
                out.push(Piece::Placeholder(&after[..close]));
                rest = &after[close + 1..];
                literal = 0;
            }
            _ => literal = open + 1,
        }
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// The names of the placeholders of `text`, in order of appearance.
pub fn placeholders(text: &str) -> Vec<&str> {
    pieces(text)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Placeholder(name) => Some(name),
            Piece::Text(_) => None,
        })
        .collect()
}

/// A placeholder for which no value was given.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("no value for `{{{name}}}` in {text:?}")]
pub struct MissingValue {
    /// Name of the placeholder.
    pub name: String,
    /// The wording it is in.
    pub text: String,
}

/// `text` with each placeholder replaced by `value(name)`, in one pass.
/// Fails on the first placeholder `value` has nothing for.
pub fn fill(text: &str, mut value: impl FnMut(&str) -> Option<String>) -> Result<String, MissingValue> {
    let mut out = String::with_capacity(text.len());
    for piece in pieces(text) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Placeholder(name) => match value(name) {
                Some(v) => out.push_str(&v),
                None => return Err(MissingValue { name: name.to_string(), text: text.to_string() }),
            },
        }
    }
    Ok(out)
}

/// [`fill`], keeping a placeholder `value` has nothing for as it is written
/// (for wording that must always come out; tests keep it complete).
pub fn fill_known(text: &str, mut value: impl FnMut(&str) -> Option<String>) -> String {
    fill(text, |name| Some(value(name).unwrap_or_else(|| format!("{{{name}}}"))))
        .expect("every placeholder has a value")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_named_in_order_and_stray_braces_are_text() {
        assert_eq!(placeholders("Page {page} of {pages}"), vec!["page", "pages"]);
        assert_eq!(placeholders("a { b {c} d } {"), vec!["c"]);
        assert_eq!(
            pieces("x{a{b}y"),
            vec![Piece::Text("x{a"), Piece::Placeholder("b"), Piece::Text("y")]
        );
        assert!(placeholders("no placeholder").is_empty());
    }

    #[test]
    fn values_are_inserted_once_and_never_read_for_placeholders() {
        let filled = fill("Take the statement of {person}.", |n| (n == "person").then(|| "{person} X".to_string()));
        assert_eq!(filled.unwrap(), "Take the statement of {person} X.");
        let missing = fill("{a} and {b}", |n| (n == "a").then(|| "1".to_string())).unwrap_err();
        assert_eq!(missing.to_string(), "no value for `{b}` in \"{a} and {b}\"");
    }

    #[test]
    fn fill_known_keeps_placeholders_without_a_value() {
        assert_eq!(fill_known("{page} / {total}", |n| (n == "page").then(|| "3".into())), "3 / {total}");
    }
}
