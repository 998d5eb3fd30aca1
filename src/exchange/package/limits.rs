//! Limits on what a package may hold. A package comes from outside and is
//! hostile until proven otherwise: every size and count is bounded before
//! anything is read into memory or written to disk.

use crate::request::text::{first_control, visible};

/// Bounds applied when reading a package. [`Limits::default`] documents the
/// defaults; a caller may lower them (tests) or raise them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// The whole package file, encrypted (default 2 GiB).
    pub package_bytes: u64,
    /// `manifest.json` (default 1 MiB).
    pub manifest_bytes: u64,
    /// Each of `request.json`, `lineage.json`, `thread.json` (default 32 MiB).
    pub document_bytes: u64,
    /// Each annex (default 1 GiB).
    pub annex_bytes: u64,
    /// Each text field (JSON string) of the request, the thread, the lineage
    /// and the manifest, in bytes of UTF-8 (default 2 MiB, the limit of a
    /// request file's answer, [`crate::request::read::MAX_TEXT_BYTES`]).
    pub field_bytes: usize,
    /// Entries listed in the manifest (default 1,004: the three documents and
    /// up to 1,000 annexes, with `annexes` the lower bound in practice).
    pub entries: usize,
    /// Annexes (default 500).
    pub annexes: usize,
    /// Comments in the thread (default 10,000).
    pub comments: usize,
    /// Suggestions in the thread (default 10,000).
    pub suggestions: usize,
    /// Lineage entries (default 10,000).
    pub lineage: usize,
    /// Recipients named in the manifest (default 100).
    pub recipients: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            package_bytes: 2 << 30,
            manifest_bytes: 1 << 20,
            document_bytes: 32 << 20,
            annex_bytes: 1 << 30,
            field_bytes: crate::request::read::MAX_TEXT_BYTES,
            entries: 1_004,
            annexes: 500,
            comments: 10_000,
            suggestions: 10_000,
            lineage: 10_000,
            recipients: 100,
        }
    }
}

/// The first JSON string of `value` longer than `limit` bytes: its path and
/// length.
pub fn oversized_field(value: &serde_json::Value, limit: usize) -> Option<(String, usize)> {
    first_string(value, &|s| s.len() > limit).map(|(path, s)| (path, s.len()))
}

/// The first JSON string of `value` holding a control character no imported
/// text may hold (see [`crate::request::text`]): its path and the character.
pub fn field_with_control(value: &serde_json::Value) -> Option<(String, char)> {
    first_string(value, &|s| first_control(s).is_some()).and_then(|(path, s)| first_control(s).map(|(_, c)| (path, c)))
}

/// The first string of `value` (a key or a value, depth first) for which
/// `test` holds, with its path.
fn first_string<'v>(value: &'v serde_json::Value, test: &dyn Fn(&str) -> bool) -> Option<(String, &'v str)> {
    fn walk<'v>(value: &'v serde_json::Value, path: &mut String, test: &dyn Fn(&str) -> bool) -> Option<(String, &'v str)> {
        match value {
            serde_json::Value::String(s) if test(s) => Some((path.clone(), s)),
            serde_json::Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                let found = walk(item, path, test);
                path.truncate(len);
                found
            }),
            serde_json::Value::Object(map) => map.iter().find_map(|(key, item)| {
                if test(key) {
                    return Some((format!("{path} (a key)"), key.as_str()));
                }
                let len = path.len();
                path.push('.');
                path.push_str(&visible(key));
                let found = walk(item, path, test);
                path.truncate(len);
                found
            }),
            _ => None,
        }
    }
    walk(value, &mut String::from("$"), test)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_long_string_is_found_with_its_path() {
        let value = serde_json::json!({"a": "short", "b": [{"c": "x".repeat(11)}]});
        assert_eq!(oversized_field(&value, 10), Some(("$.b[0].c".into(), 11)));
        assert_eq!(oversized_field(&value, 11), None);
    }

    #[test]
    fn the_first_control_character_is_found_with_its_path() {
        let value = serde_json::json!({"a": "line\r\nbreak\ttab", "b": [{"c": "x"}, {"d": "title\u{1b}[2J"}]});
        assert_eq!(field_with_control(&value), Some(("$.b[1].d".into(), '\u{1b}')));
        assert_eq!(field_with_control(&serde_json::json!({"a\u{7}": 1})), Some(("$ (a key)".into(), '\u{7}')));
        assert_eq!(field_with_control(&serde_json::json!({"a": ["fine\n"]})), None);
    }
}
