//! Limits on what a package may hold. A package comes from outside and is
//! hostile until proven otherwise: every size and count is bounded before
//! anything is read into memory or written to disk.

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
    /// and the manifest, in bytes of UTF-8 (default 256 KiB).
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
            field_bytes: 256 << 10,
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
    fn walk(value: &serde_json::Value, path: &mut String, limit: usize) -> Option<(String, usize)> {
        match value {
            serde_json::Value::String(s) if s.len() > limit => Some((path.clone(), s.len())),
            serde_json::Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                let found = walk(item, path, limit);
                path.truncate(len);
                found
            }),
            serde_json::Value::Object(map) => map.iter().find_map(|(key, item)| {
                if key.len() > limit {
                    return Some((format!("{path} (a key)"), key.len()));
                }
                let len = path.len();
                path.push('.');
                path.push_str(key);
                let found = walk(item, path, limit);
                path.truncate(len);
                found
            }),
            _ => None,
        }
    }
    walk(value, &mut String::from("$"), limit)
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
}
