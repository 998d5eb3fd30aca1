//! Names of the entries inside a package. The fixed entries have fixed
//! names; an annex is `annexes/` followed by a plain file name from a safe
//! set of characters, so that no name can reach outside the folder it is
//! written to, hide its extension or collide with another on a
//! case-insensitive file system.

use std::collections::HashSet;

/// The manifest, first entry.
pub const MANIFEST: &str = "manifest.json";
/// The manifest's signature, second entry.
pub const SIGNATURE: &str = "manifest.sig";
/// The request document.
pub const REQUEST: &str = "request.json";
/// The revision lineage.
pub const LINEAGE: &str = "lineage.json";
/// Comments and suggestions.
pub const THREAD: &str = "thread.json";
/// Folder of the annexes.
pub const ANNEX_PREFIX: &str = "annexes/";
/// Longest annex name, in bytes (the whole entry name must fit a ustar name
/// field of 100 bytes).
pub const MAX_ANNEX_NAME_BYTES: usize = 100 - ANNEX_PREFIX.len();

/// Punctuation allowed in an annex name besides letters and digits.
const PUNCTUATION: &[char] = &['.', '-', '_', ' ', '(', ')', '+', ',', '\''];

/// Device names Windows reserves whatever the extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2",
    "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Why an annex name is not allowed; `None` when it is.
pub fn annex_name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("it is empty".into());
    }
    if name.len() > MAX_ANNEX_NAME_BYTES {
        return Some(format!("it has {} bytes; at most {MAX_ANNEX_NAME_BYTES}", name.len()));
    }
    if name.starts_with('/') {
        return Some("an absolute path is not allowed".into());
    }
    if name == "." || name == ".." || name.split(['/', '\\']).any(|part| part == "..") {
        return Some("`..` is not allowed".into());
    }
    if name.contains('\\') {
        return Some("a backslash is not allowed".into());
    }
    if name.contains('/') {
        return Some("a folder is not allowed; an annex is a plain file name".into());
    }
    if let Some(c) = name.chars().find(|c| c.is_control()) {
        return Some(format!("the control character U+{:04X} is not allowed", c as u32));
    }
    if let Some(c) = name.chars().find(|c| !(c.is_alphanumeric() || PUNCTUATION.contains(c))) {
        return Some(format!("the character {c:?} (U+{:04X}) is not allowed", c as u32));
    }
    if name.starts_with('.') || name.starts_with(' ') || name.ends_with(' ') || name.ends_with('.') {
        return Some("a name may not start with a dot or a space, nor end with a space or a dot".into());
    }
    let stem = name.split('.').next().unwrap_or_default().trim().to_lowercase();
    if RESERVED.contains(&stem.as_str()) {
        return Some(format!("{stem:?} is a reserved device name"));
    }
    None
}

/// Why an entry name read from a package is not allowed (for any name,
/// fixed or annex); `None` when it is.
pub fn entry_name_problem(name: &str) -> Option<String> {
    if [MANIFEST, SIGNATURE, REQUEST, LINEAGE, THREAD].contains(&name) {
        return None;
    }
    match name.strip_prefix(ANNEX_PREFIX) {
        Some(annex) => annex_name_problem(annex),
        None if name.starts_with('/') => Some("an absolute path is not allowed".into()),
        None if name.split(['/', '\\']).any(|part| part == "..") => Some("`..` is not allowed".into()),
        None if name.contains('\\') => Some("a backslash is not allowed".into()),
        None if name.chars().any(char::is_control) => Some("a control character is not allowed".into()),
        None => Some(format!("only {MANIFEST}, {SIGNATURE}, {REQUEST}, {LINEAGE}, {THREAD} and {ANNEX_PREFIX}<name> may appear")),
    }
}

/// Annex names that collide with an earlier one when case is ignored (as on
/// Windows and macOS), in order.
pub fn colliding<'a>(names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut seen = HashSet::new();
    names.into_iter().find(|name| !seen.insert(name.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_names_of_annexes_are_allowed() {
        for name in ["Bank statement 2025.pdf", "Kontoauszug_März.pdf", "صورة.jpg", "证据-1.png", "O'Brien (copy).docx", "a+b,c.txt"] {
            assert_eq!(annex_name_problem(name), None, "{name}");
        }
    }

    #[test]
    fn hostile_names_are_refused_with_the_reason() {
        let cases = [
            ("../x", "`..` is not allowed"),
            ("/etc/passwd", "an absolute path is not allowed"),
            ("a\\b", "a backslash is not allowed"),
            ("sub/x.pdf", "a folder is not allowed; an annex is a plain file name"),
            ("evil\u{202e}fdp.exe", "the character '\\u{202e}' (U+202E) is not allowed"),
            ("line\nbreak", "the control character U+000A is not allowed"),
            (".hidden", "a name may not start with a dot or a space, nor end with a space or a dot"),
            ("CON.txt", "\"con\" is a reserved device name"),
            ("", "it is empty"),
            ("a:b", "the character ':' (U+003A) is not allowed"),
        ];
        for (name, reason) in cases {
            assert_eq!(annex_name_problem(name).as_deref(), Some(reason), "{name:?}");
        }
        assert!(annex_name_problem(&"x".repeat(93)).unwrap().contains("at most 92"));
    }

    #[test]
    fn only_known_entries_and_annexes_may_appear() {
        assert_eq!(entry_name_problem("thread.json"), None);
        assert_eq!(entry_name_problem("annexes/a.pdf"), None);
        assert_eq!(entry_name_problem("annexes/../x").as_deref(), Some("`..` is not allowed"));
        assert_eq!(entry_name_problem("../manifest.json").as_deref(), Some("`..` is not allowed"));
        assert!(entry_name_problem("notes.txt").unwrap().starts_with("only manifest.json"));
    }

    #[test]
    fn names_equal_but_for_case_collide() {
        assert_eq!(colliding(["a.pdf", "B.pdf", "A.PDF"]), Some("A.PDF"));
        assert_eq!(colliding(["a.pdf", "b.pdf"]), None);
    }
}
