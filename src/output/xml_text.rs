//! Text inside XML and HTML documents we write (DOCX parts, XLIFF, HTML):
//! which characters XML 1.0 allows, and escaping for content and
//! double-quoted attributes.

/// Whether XML 1.0 allows `c` in a document.
pub fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Text for element content or a double-quoted attribute: the special
/// characters escaped, the characters XML 1.0 forbids (most control
/// characters, U+FFFE, U+FFFF) dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if xml_char(c) => out.push(c),
            _ => {}
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
    }
}
