//! Text inside the XML and HTML documents we write (DOCX parts, HTML, XLIFF):
//! which characters XML 1.0 allows, and the one escape for element content
//! and double-quoted attributes.

/// Whether XML 1.0 allows `c` in a document.
pub fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Where escaped text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Element content.
    Content,
    /// A double-quoted attribute value, where a parser would turn a raw tab
    /// or line feed into a space.
    Attribute,
}

/// Text for element content or a double-quoted attribute: the special
/// characters escaped, the characters XML 1.0 forbids (most control
/// characters, U+FFFE, U+FFFF) dropped.
pub fn escape(text: &str) -> String {
    escape_with(text, Place::Content, |_| None)
}

/// [`escape`] for a double-quoted attribute value: tabs and line feeds are
/// kept as character references.
pub fn escape_attribute(text: &str) -> String {
    escape_with(text, Place::Attribute, |_| None)
}

/// The escape behind [`escape`] and [`escape_attribute`]: `& < > " '` as
/// entities, a carriage return as a character reference (a parser would
/// fold it into the line feed after it), tab and line feed as character
/// references in an attribute, and a character XML 1.0 forbids written as
/// `forbidden` says (dropped when it says `None`).
pub fn escape_with(text: &str, place: Place, forbidden: impl Fn(char) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#xD;"),
            '\t' if place == Place::Attribute => out.push_str("&#x9;"),
            '\n' if place == Place::Attribute => out.push_str("&#xA;"),
            c if xml_char(c) => out.push(c),
            c => out.extend(forbidden(c)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_are_escaped_and_forbidden_ones_dropped() {
        assert_eq!(escape("a<b>&\"c'\u{1}\u{FFFE}d"), "a&lt;b&gt;&amp;&quot;c&apos;d");
        assert_eq!(escape("one\r\ntwo\tthree"), "one&#xD;\ntwo\tthree");
        assert_eq!(escape_attribute("one\r\ntwo\tthree"), "one&#xD;&#xA;two&#x9;three");
        assert_eq!(
            escape_with("a\u{7}b", Place::Content, |c| Some(format!("<cp hex=\"{:04X}\"/>", u32::from(c)))),
            "a<cp hex=\"0007\"/>b"
        );
    }
}
