//! Control characters in text that comes from outside (a request file, a
//! translator's XLIFF file, a counterpart's package), and how such text is
//! shown in a message or on a terminal.
//!
//! Imported text may hold tab, line feed, and carriage return only as part
//! of a CRLF line break; every other C0 control, DEL and every C1 control
//! (U+0080–U+009F) is refused. A lone carriage return is no line break on
//! any current system, and on a terminal it lets text overwrite itself.

/// Whether `c` is a control character (C0, DEL or C1) other than tab and
/// line feed; a carriage return is checked in context by [`first_control`].
fn refused_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n')
}

/// The first control character `text` may not hold (see the module
/// documentation), with its byte offset.
pub fn first_control(text: &str) -> Option<(usize, char)> {
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let line_break = c == '\r' && matches!(chars.peek(), Some((_, '\n')));
        if refused_control(c) && !line_break {
            return Some((at, c));
        }
    }
    None
}

/// A character that changes how the text around it is shown without being
/// seen itself: a control character, or an invisible direction or format
/// mark (which can make text read in another order than it is written).
fn hidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{061c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

fn escaped(text: &str, keep: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if hidden(c) && !keep(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` with every hidden character (see [`first_control`]'s controls,
/// line breaks and tabs included, and invisible direction marks) written
/// visibly as `\u{1b}`: for a name, an id or a value quoted on one line.
pub fn visible(text: &str) -> String {
    escaped(text, |_| false)
}

/// [`visible`] keeping line feeds and tabs: for a message of several lines
/// printed to a terminal.
pub fn visible_lines(text: &str) -> String {
    escaped(text, |c| matches!(c, '\n' | '\t'))
}

/// How a control character is named in a message: `U+001B`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_line_feed_and_crlf_are_allowed_every_other_control_is_not() {
        assert_eq!(first_control("a\tb\nc\r\nd"), None);
        assert_eq!(first_control("title\u{1b}[2J"), Some((5, '\u{1b}')));
        assert_eq!(first_control("over\rwrite"), Some((4, '\r')), "a lone carriage return");
        assert_eq!(first_control("end\r"), Some((3, '\r')));
        assert_eq!(first_control("é\u{7f}"), Some((2, '\u{7f}')), "DEL");
        assert_eq!(first_control("\u{9b}31m"), Some((0, '\u{9b}')), "a C1 control");
        assert_eq!(first_control("\u{0}"), Some((0, '\u{0}')));
        assert_eq!(first_control("Ünïcödé 名 \u{202e}"), None, "direction marks are text, shown escaped only");
    }

    #[test]
    fn hidden_characters_are_shown_escaped() {
        assert_eq!(visible("a\u{1b}[2Jb\nc\t"), "a\\u{1b}[2Jb\\u{a}c\\u{9}");
        assert_eq!(visible("evil\u{202e}txt.exe"), "evil\\u{202e}txt.exe");
        assert_eq!(visible_lines("line\u{9b}1\nnext\ttab\r"), "line\\u{9b}1\nnext\ttab\\u{d}");
        assert_eq!(visible("Ünïcödé 名"), "Ünïcödé 名");
        assert_eq!(code_point('\u{1b}'), "U+001B");
    }
}
