//! Strict reading of the JSON a counterpart sends: the value must have the
//! shape of the type, no key the type does not know and no key twice in an
//! object, at any depth. Errors name the JSON path (`$.comments[0].colour`).
//!
//! The types of [`crate::exchange::thread`] are shared with the UI and stay
//! lenient; strictness is applied here, by comparing the JSON received with
//! the JSON of the value read from it.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// Reads `text` as a `T`, refusing unknown keys. The error says what was
/// wrong and where.
pub fn from_str<T: DeserializeOwned + Serialize>(text: &str) -> Result<T, String> {
    let value = crate::request::json::parse(text).map_err(|e| e.to_string())?;
    from_value(value)
}

/// Reads `bytes` (UTF-8 JSON) as a `T`, refusing unknown keys.
pub fn from_slice<T: DeserializeOwned + Serialize>(bytes: &[u8]) -> Result<T, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8 text: {e}"))?;
    from_str(text)
}

/// Reads a JSON value as a `T`, refusing unknown keys.
pub fn from_value<T: DeserializeOwned + Serialize>(value: Value) -> Result<T, String> {
    let typed: T = serde_path_to_error::deserialize(&value).map_err(|e| format!("at {}: {}", json_path(e.path()), e.inner()))?;
    let back = serde_json::to_value(&typed).map_err(|e| format!("cannot be represented: {e}"))?;
    if let Some(path) = first_unknown_key(&value, &back, "$".to_string()) {
        return Err(format!("at {path}: unknown field"));
    }
    Ok(typed)
}

/// The path of the first key of `received` that `known` does not have.
fn first_unknown_key(received: &Value, known: &Value, path: String) -> Option<String> {
    match (received, known) {
        (Value::Object(r), Value::Object(k)) => r.iter().find_map(|(key, value)| match k.get(key) {
            None => Some(format!("{path}.{key}")),
            Some(inner) => first_unknown_key(value, inner, format!("{path}.{key}")),
        }),
        (Value::Array(r), Value::Array(k)) => {
            r.iter().zip(k).enumerate().find_map(|(i, (a, b))| first_unknown_key(a, b, format!("{path}[{i}]")))
        }
        _ => None,
    }
}

fn json_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::from("$");
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => out.push_str(&format!(".{key}")),
            Segment::Enum { variant } => out.push_str(&format!(".{variant}")),
            Segment::Unknown => out.push_str(".?"),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::thread::{Round, Thread};

    #[test]
    fn unknown_key_deep_inside_is_named_by_its_path() {
        let text = r#"{"comments":[{"id":"c1","field":"","kind":"remark","text":"t","author":{"fingerprint":"f","name":"n","authority":"a","colour":"red"},"at":"x","reply_to":null,"resolved":null}],"suggestions":[]}"#;
        let err = from_str::<Thread>(text).unwrap_err();
        assert_eq!(err, "at $.comments[0].author.colour: unknown field");
    }

    #[test]
    fn wrong_type_is_named_by_its_path() {
        let err = from_str::<Round>(r#"{"request_id":"r","base_revision":"two","answers":null,"sequence":1,"from_originator":true}"#).unwrap_err();
        assert!(err.starts_with("at $.base_revision: invalid type"), "{err}");
    }

    #[test]
    fn a_repeated_key_is_refused_with_its_path() {
        let err = from_str::<Round>(r#"{"request_id":"r","base_revision":2,"answers":null,"sequence":1,"sequence":2,"from_originator":true}"#).unwrap_err();
        assert_eq!(err, "at $.sequence: the key appears more than once in its object; each key may appear only once");
    }

    #[test]
    fn a_known_shape_reads() {
        let round: Round = from_str(r#"{"request_id":"r","base_revision":2,"answers":null,"sequence":1,"from_originator":true}"#).unwrap();
        assert_eq!(round.base_revision, 2);
    }
}
