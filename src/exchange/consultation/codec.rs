//! How the consultation's values sit in SQLite columns: participants,
//! decisions and field values as JSON text, closed lists (roles, states,
//! kinds) as their snake_case keys, the same words the JSON of a package
//! uses.

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::ConsultationError;

/// A value as JSON text.
pub(super) fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("consultation values always serialise")
}

/// A value back from JSON text; `what` names the record in the error.
pub(super) fn from_json<T: DeserializeOwned>(text: &str, draft_id: &str, what: &str) -> Result<T, ConsultationError> {
    serde_json::from_str(text).map_err(|e| ConsultationError::Corrupt {
        draft_id: draft_id.to_string(),
        what: what.to_string(),
        message: e.to_string(),
    })
}

/// The key of a unit enum variant (`in_consultation`).
pub(super) fn key<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(key)) => key,
        other => panic!("not a unit variant: {other:?}"),
    }
}

/// A unit enum variant back from its key.
pub(super) fn from_key<T: DeserializeOwned>(text: &str, draft_id: &str, what: &str) -> Result<T, ConsultationError> {
    serde_json::from_value(serde_json::Value::String(text.to_string())).map_err(|e| ConsultationError::Corrupt {
        draft_id: draft_id.to_string(),
        what: what.to_string(),
        message: e.to_string(),
    })
}
