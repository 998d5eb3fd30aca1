//! Reading and writing request files: JSON with a `format_version`, older
//! versions migrated on load, and errors that say where and what.

use std::path::Path;

use thiserror::Error;

use crate::request::{Request, FORMAT_VERSION};

/// Why a request could not be read.
#[derive(Debug, Error)]
pub enum FormatError {
    /// The file could not be read.
    #[error("{file}: cannot read: {source}")]
    Io {
        /// File name as given.
        file: String,
        /// Underlying error.
        source: std::io::Error,
    },
    /// The text is not JSON.
    #[error("{file}: not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        /// File name as given.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The JSON does not match the request format.
    #[error("{file}: at {path}: {message}")]
    Shape {
        /// File name as given.
        file: String,
        /// JSON path of the offending value, e.g. `$.persons[0].role`.
        path: String,
        /// What was expected and what was found.
        message: String,
    },
    /// The file was written by a newer version of the app.
    #[error("{file}: format_version {found} is newer than this app understands (up to {supported}); update MLA Writer")]
    TooNew {
        /// File name as given.
        file: String,
        /// Version in the file.
        found: u64,
        /// Newest version this build reads.
        supported: u32,
    },
}

/// Parses a request from JSON text; `origin` names the source in errors.
pub fn parse_request(text: &str, origin: &str) -> Result<Request, FormatError> {
    let mut value: serde_json::Value = serde_json::from_str(text).map_err(|e| FormatError::Syntax {
        file: origin.to_string(),
        line: e.line(),
        column: e.column(),
        message: e.to_string().split(" at line").next().unwrap_or_default().to_string(),
    })?;
    migrate(&mut value, origin)?;
    serde_path_to_error::deserialize(&value).map_err(|e| FormatError::Shape {
        file: origin.to_string(),
        path: json_path(e.path()),
        message: e.inner().to_string(),
    })
}

/// Reads a request file.
pub fn read_request(path: &Path) -> Result<Request, FormatError> {
    let origin = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| FormatError::Io { file: origin.clone(), source })?;
    parse_request(&text, &origin)
}

/// Serialises a request as pretty JSON (the documented format).
pub fn to_json(request: &Request) -> String {
    serde_json::to_string_pretty(request).expect("a request always serialises")
}

/// Brings an older document up to [`FORMAT_VERSION`], one version at a time.
/// A document without a version is taken as version 1.
fn migrate(value: &mut serde_json::Value, origin: &str) -> Result<(), FormatError> {
    let Some(object) = value.as_object_mut() else {
        return Err(FormatError::Shape {
            file: origin.to_string(),
            path: "$".into(),
            message: format!("expected a JSON object (a request), found {}", kind_of(value)),
        });
    };
    let version = match object.get("format_version") {
        None => 1,
        Some(v) => v.as_u64().filter(|v| *v >= 1).ok_or_else(|| FormatError::Shape {
            file: origin.to_string(),
            path: "$.format_version".into(),
            message: format!("expected a positive whole number, found {v}"),
        })?,
    };
    if version > u64::from(FORMAT_VERSION) {
        return Err(FormatError::TooNew { file: origin.to_string(), found: version, supported: FORMAT_VERSION });
    }
    if version < 2 {
        v1_to_v2(object);
    }
    object.insert("format_version".into(), FORMAT_VERSION.into());
    Ok(())
}

/// Version 1 had free-text `measures[]` only; version 2 has typed modules,
/// and a free-text measure is "other assistance" (M15).
fn v1_to_v2(object: &mut serde_json::Map<String, serde_json::Value>) {
    let Some(measures) = object.remove("measures") else { return };
    let items: Vec<serde_json::Value> = measures
        .as_array()
        .map(|list| {
            list.iter()
                .map(|m| serde_json::json!({ "description": m.get("description").cloned().unwrap_or_default() }))
                .collect()
        })
        .unwrap_or_default();
    if items.is_empty() {
        return;
    }
    let mla = object.entry("mla").or_insert_with(|| serde_json::json!({}));
    if let Some(mla) = mla.as_object_mut() {
        mla.insert("modules".into(), serde_json::json!(["other"]));
        mla.insert("other".into(), serde_json::Value::Array(items));
    }
}

fn kind_of(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// `$.persons[0].role` from serde_path_to_error's path.
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

    #[test]
    fn wrong_enum_value_names_its_path_and_the_expected_values() {
        let err = parse_request(r#"{"persons":[{"role":"boss"}]}"#, "x.json").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("x.json: at $.persons[0].role: unknown variant `boss`"), "{text}");
        assert!(text.contains("suspect"), "{text}");
    }

    #[test]
    fn unknown_field_is_rejected() {
        let err = parse_request(r#"{"req_auth":{"nmae":"x"}}"#, "x.json").unwrap_err();
        assert!(err.to_string().contains("at $.req_auth.nmae: unknown field `nmae`"), "{err}");
    }

    #[test]
    fn syntax_error_gives_line_and_column() {
        let err = parse_request("{\n  \"kind\": ,\n}", "x.json").unwrap_err();
        assert!(err.to_string().starts_with("x.json: not valid JSON at line 2, column"), "{err}");
    }

    #[test]
    fn newer_version_is_refused() {
        let err = parse_request(r#"{"format_version": 99}"#, "x.json").unwrap_err();
        assert!(matches!(err, FormatError::TooNew { found: 99, .. }));
    }

    #[test]
    fn missing_version_reads_as_current() {
        assert_eq!(parse_request("{}", "x").unwrap(), Request::default());
    }

    #[test]
    fn version_1_measures_become_other_assistance() {
        let r = parse_request(r#"{"format_version":1,"measures":[{"description":"Obtain the lease of flat 4"}]}"#, "x").unwrap();
        assert_eq!(r.format_version, FORMAT_VERSION);
        assert_eq!(r.mla.modules, vec![crate::request::Module::Other]);
        assert_eq!(r.mla.other[0].description, "Obtain the lease of flat 4");
    }
}
