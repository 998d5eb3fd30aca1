//! Reading JSON from outside (a request file, a package's documents): one
//! pass that builds the value and refuses a key that appears twice in the
//! same object, which `serde_json` would otherwise take silently, the last
//! one winning. The error names the JSON path of the repeated key.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use thiserror::Error;

/// Why a text could not be read as JSON.
#[derive(Debug, Error, PartialEq)]
pub enum JsonError {
    /// The text is not JSON.
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// An object has the same key twice.
    #[error("at {path}: the key appears more than once in its object; each key may appear only once")]
    DuplicateKey {
        /// JSON path of the repeated key, e.g. `$.persons[2].family_name`.
        path: String,
    },
}

/// Parses `text` as one JSON value, refusing a repeated key in any object
/// at any depth. Linear in the text; nesting is bounded by `serde_json`'s
/// recursion limit.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let duplicate = RefCell::new(None);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed = ValueSeed { at: &Place::Root, duplicate: &duplicate }
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value));
    parsed.map_err(|e| match duplicate.into_inner() {
        Some(path) => JsonError::DuplicateKey { path },
        None => JsonError::Syntax {
            line: e.line(),
            column: e.column(),
            message: e.to_string().split(" at line").next().unwrap_or_default().to_string(),
        },
    })
}

/// Where a value is, as a chain back to the root: the path is written out
/// only for an error.
enum Place<'a> {
    Root,
    Key(&'a Place<'a>, &'a str),
    Index(&'a Place<'a>, usize),
}

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Root => write!(f, "$"),
            Place::Key(parent, key) => write!(f, "{parent}.{}", crate::request::text::visible(key)),
            Place::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// Builds the value at `at`; records the path of the first repeated key.
struct ValueSeed<'a> {
    at: &'a Place<'a>,
    duplicate: &'a RefCell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(v.into())
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(v.into())
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(ValueSeed { at: &Place::Index(self.at, items.len()), duplicate: self.duplicate })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                let path = Place::Key(self.at, &key).to_string();
                *self.duplicate.borrow_mut() = Some(path.clone());
                return Err(de::Error::custom(format!("duplicate key at {path}")));
            }
            let value = map.next_value_seed(ValueSeed { at: &Place::Key(self.at, &key), duplicate: self.duplicate })?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_key_is_refused_with_its_path() {
        assert_eq!(
            parse(r#"{"req_state":"A","req_state":"B"}"#),
            Err(JsonError::DuplicateKey { path: "$.req_state".into() })
        );
        let nested = r#"{"persons":[{"family_name":"A"},{},{"role":"suspect","family_name":"B","family_name":"C"}]}"#;
        assert_eq!(parse(nested), Err(JsonError::DuplicateKey { path: "$.persons[2].family_name".into() }));
        let in_arrays = r#"[[{"a":1}],[{"b":{"c":1,"c":2}}]]"#;
        assert_eq!(parse(in_arrays), Err(JsonError::DuplicateKey { path: "$[1][0].b.c".into() }));
    }

    #[test]
    fn the_same_key_in_different_objects_is_fine_and_values_are_kept() {
        let text = r#"{"a":{"k":1},"b":{"k":[true,null,-2,2.5,"s\u0041"]},"k":{}}"#;
        assert_eq!(parse(text).unwrap(), serde_json::from_str::<Value>(text).unwrap());
    }

    #[test]
    fn a_key_with_a_control_character_is_shown_escaped_in_the_path() {
        assert_eq!(parse("{\"a\\u001b\":1,\"a\\u001b\":2}"), Err(JsonError::DuplicateKey { path: "$.a\\u{1b}".into() }));
    }

    #[test]
    fn syntax_errors_keep_their_line_and_column() {
        let e = parse("{\n  \"kind\": ,\n}").unwrap_err();
        assert!(matches!(e, JsonError::Syntax { line: 2, .. }), "{e:?}");
        assert!(matches!(parse("{} x"), Err(JsonError::Syntax { line: 1, column: 4, .. })), "trailing characters");
        let deep = "[".repeat(1000) + &"]".repeat(1000);
        assert!(matches!(parse(&deep), Err(JsonError::Syntax { .. })), "nesting stays bounded");
    }
}
