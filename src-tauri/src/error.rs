//! Errors as they cross IPC: `{code, message}`, with a code only where the UI
//! branches on it.

use serde::Serialize;

/// An error returned to the UI.
#[derive(Debug, Serialize)]
pub struct IpcError {
    /// Machine-readable code: `not_found`, `store`, `render`, `io`.
    pub code: &'static str,
    /// Human-readable message, saying what failed and where.
    pub message: String,
}

impl From<mla_writer::store::StoreError> for IpcError {
    fn from(e: mla_writer::store::StoreError) -> Self {
        let code = match e {
            mla_writer::store::StoreError::NotFound(_) => "not_found",
            mla_writer::store::StoreError::FollowUp { .. } => "not_preservation",
            _ => "store",
        };
        IpcError { code, message: e.to_string() }
    }
}

impl From<mla_writer::templates::TemplateError> for IpcError {
    fn from(e: mla_writer::templates::TemplateError) -> Self {
        IpcError { code: "render", message: e.to_string() }
    }
}

impl IpcError {
    /// A file-system failure on `path`.
    pub fn io(path: &std::path::Path, e: std::io::Error) -> Self {
        IpcError { code: "io", message: format!("{}: {e}", path.display()) }
    }
}
