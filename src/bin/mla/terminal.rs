//! What the CLI prints to a terminal: text from a request, a translator or
//! a counterpart could hold control characters (an escape sequence that
//! clears the screen, retitles the window or rewrites what was printed) or
//! invisible direction marks. Every line printed goes through here.

/// A message or a line of output: control characters and invisible
/// formatting characters written visibly (`\u{1b}`); line feeds and tabs
/// kept.
pub fn text(text: &str) -> String {
    mla_writer::request::text::visible_lines(text)
}

/// A draft's title as the CLI prints it: one with no words of its own
/// (no case reference, no subject) says it is untitled.
pub fn title(title: &str) -> String {
    if mla_writer::store::is_untitled(title) {
        format!("(untitled) {title}").trim_end().to_string()
    } else {
        title.to_string()
    }
}

/// A JSON document for standard output, unchanged in meaning: the control
/// characters `serde_json` leaves as they are (DEL and the C1 controls,
/// U+007F–U+009F, which can only occur inside strings) as `\u` escapes.
pub fn json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c.is_control() && !matches!(c, '\n' | '\t' | '\r') && u32::from(c) >= 0x7f {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_shows_controls_and_keeps_lines() {
        assert_eq!(text("title\u{1b}]0;x\u{7}\n\tnext"), "title\\u{1b}]0;x\\u{7}\n\tnext");
    }

    #[test]
    fn json_escapes_c1_controls_and_stays_the_same_json() {
        let value = serde_json::json!({ "title": "a\u{9b}2J\u{7f} \u{1b} \u{202e} ٣" });
        let printed = json(&serde_json::to_string_pretty(&value).unwrap());
        assert!(!printed.chars().any(|c| c.is_control() && c != '\n'), "{printed:?}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&printed).unwrap(), value);
    }
}
