//! Errors as they cross IPC: `{code, message}`, with a code only where the UI
//! branches on it.

use serde::Serialize;

/// An error returned to the UI.
#[derive(Debug, Serialize)]
pub struct IpcError {
    /// Machine-readable code: `not_found`, `not_preservation`, `store`,
    /// `render`, `io`, `xliff`.
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

impl From<mla_writer::document::templates::TemplateError> for IpcError {
    fn from(e: mla_writer::document::templates::TemplateError) -> Self {
        IpcError { code: "render", message: e.to_string() }
    }
}

impl From<mla_writer::translation::XliffError> for IpcError {
    fn from(e: mla_writer::translation::XliffError) -> Self {
        IpcError { code: "xliff", message: e.to_string() }
    }
}

impl IpcError {
    /// A file-system failure on `path`.
    pub fn io(path: &std::path::Path, e: std::io::Error) -> Self {
        IpcError { code: "io", message: format!("{}: {e}", path.display()) }
    }

    /// A file larger than the `limit` bytes a command reads.
    pub fn too_large(path: &std::path::Path, limit: u64) -> Self {
        const MB: u64 = 1024 * 1024;
        let size = if limit >= MB { format!("{} MB", limit / MB) } else { format!("{limit} bytes") };
        IpcError { code: "io", message: format!("{}: the file is larger than {size}; a translation file of a request is far smaller, so this is not one", path.display()) }
    }

    /// A file that is not UTF-8 text.
    pub fn not_utf8(path: &std::path::Path) -> Self {
        IpcError { code: "io", message: format!("{}: the file is not UTF-8 text; save the translation as UTF-8 XLIFF", path.display()) }
    }

    /// An XLIFF file that cannot be imported, with every problem it has.
    pub fn xliff_file(path: &std::path::Path, e: mla_writer::translation::XliffError) -> Self {
        IpcError { code: "xliff", message: format!("{}: {e}", path.display()) }
    }
}
