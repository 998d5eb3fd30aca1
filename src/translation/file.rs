//! Importing a translator's XLIFF file from disk: the size limit, the bounded
//! read and the import, in one call shared by the app and the CLI.

use std::path::{Path, PathBuf};

use thiserror::Error;

use super::{import, XliffError};
use crate::request::text_file::{read_text_file, TextFileError};
use crate::request::Request;

/// The largest translation file read (32 MiB): twice the largest request
/// file ([`crate::request::read::MAX_FILE_BYTES`]), as the file holds each
/// text twice, source and target. A 10-page request exports to about 60 kB;
/// a request with 12,000 texts to translate, to some 5 MB.
pub const MAX_FILE_BYTES: u64 = 32 << 20;

/// Why a translation file could not be imported.
#[derive(Debug, Error)]
pub enum ImportFileError {
    /// The file could not be opened or read.
    #[error("{path}: cannot read: {source}", path = path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_FILE_BYTES`]; nothing of it was read.
    #[error(
        "{path}: the file is {size} bytes, more than the {limit} bytes a translation file may have; the XLIFF file of a request is far smaller, so this is not one",
        path = path.display()
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes (at least, when it grew while being read).
        size: u64,
        /// The limit, in bytes.
        limit: u64,
    },
    /// The file is not UTF-8 text.
    #[error("{path}: the file is not UTF-8 text (invalid byte at offset {offset}); save the translation as UTF-8 XLIFF", path = path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// The file was read but does not fit the request (see [`XliffError`]);
    /// the request is unchanged.
    #[error("{path}: {source}", path = path.display())]
    Xliff {
        /// The file.
        path: PathBuf,
        /// Every problem found.
        source: XliffError,
    },
}

impl ImportFileError {
    /// Whether the file itself could not be used (unreadable, too large,
    /// not text, not XLIFF 2.0), as opposed to a readable XLIFF file that
    /// does not fit the request.
    pub fn unreadable(&self) -> bool {
        match self {
            ImportFileError::Xliff { source, .. } => source.unreadable(),
            _ => true,
        }
    }
}

/// Reads the XLIFF file at `path` and imports it into `request` (see
/// [`import()`]). A file over `limit` bytes is refused from its size on disk,
/// before any of it is read; the read itself stops after `limit` bytes, so
/// a file that grows meanwhile is refused too. All or nothing: on any error
/// the request is not changed.
fn import_file_limited(request: &Request, path: &Path, limit: u64) -> Result<Request, ImportFileError> {
    let path_buf = path.to_path_buf();
    let text = read_text_file(path, limit).map_err(|e| match e {
        TextFileError::Io(source) => ImportFileError::Io { path: path_buf, source },
        TextFileError::TooLarge { size, limit } => ImportFileError::TooLarge { path: path_buf, size, limit },
        TextFileError::NotUtf8 { offset } => ImportFileError::NotUtf8 { path: path_buf, offset },
    })?;
    import(request, &text).map_err(|source| ImportFileError::Xliff { path: path.to_path_buf(), source })
}

/// [`import_file_limited`] with the documented limit, [`MAX_FILE_BYTES`].
pub fn import_file(request: &Request, path: &Path) -> Result<Request, ImportFileError> {
    import_file_limited(request, path, MAX_FILE_BYTES)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::translation::export;

    fn example() -> Request {
        crate::request::read::parse_request(
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/mla-evidence-fraud-arden-norland.json")),
            "example",
        )
        .unwrap()
    }

    /// The exported file with each source copied into a target after it.
    fn translated(request: &Request) -> String {
        let xliff = export(request, Lang::Fr);
        let mut out = String::new();
        let mut rest = xliff.as_str();
        while let Some(start) = rest.find("<source>") {
            let end = start + rest[start..].find("</source>").unwrap() + "</source>".len();
            out.push_str(&rest[..end]);
            out.push_str(&rest[start..end].replace("source>", "target>"));
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn a_file_within_the_limit_is_imported() {
        let dir = tempfile::tempdir().unwrap();
        let request = example();
        let path = dir.path().join("request.fr.xlf");
        std::fs::write(&path, translated(&request)).unwrap();
        let size = std::fs::metadata(&path).unwrap().len();
        let back = import_file_limited(&request, &path, size).unwrap();
        assert_eq!(back.lang.request_code(), Some("fr"));
        assert_eq!(back.translation.original["facts.summary"], request.facts.summary);
        assert!(import_file(&request, &path).is_ok());
    }

    #[test]
    fn a_file_over_the_limit_is_refused_from_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let request = example();
        let path = dir.path().join("big.xlf");
        std::fs::write(&path, translated(&request)).unwrap();
        let size = std::fs::metadata(&path).unwrap().len();
        let e = import_file_limited(&request, &path, size - 1).unwrap_err();
        assert!(matches!(e, ImportFileError::TooLarge { size: s, .. } if s == size), "{e:?}");
        assert!(e.unreadable());
        let message = e.to_string();
        assert!(message.contains("big.xlf") && message.contains(&format!("{size} bytes")), "{message}");
    }

    #[test]
    fn a_file_that_is_not_text_or_missing_names_itself() {
        let dir = tempfile::tempdir().unwrap();
        let request = example();
        let path = dir.path().join("binary.xlf");
        std::fs::write(&path, [b'<', b'x', 0xff, 0xfe]).unwrap();
        let e = import_file(&request, &path).unwrap_err();
        assert!(matches!(e, ImportFileError::NotUtf8 { offset: 2, .. }), "{e:?}");
        assert!(e.to_string().contains("binary.xlf"), "{e}");

        let e = import_file(&request, &dir.path().join("missing.xlf")).unwrap_err();
        assert!(matches!(e, ImportFileError::Io { .. }), "{e:?}");
        assert!(e.to_string().starts_with(&format!("{}: cannot read", dir.path().join("missing.xlf").display())), "{e}");
    }

    #[test]
    fn a_file_that_does_not_fit_the_request_is_told_apart_from_an_unreadable_one() {
        let dir = tempfile::tempdir().unwrap();
        let request = example();
        let path = dir.path().join("other.xlf");
        let mut other = request.clone();
        other.case.internal_ref = "PPO-2026-0999".into();
        std::fs::write(&path, translated(&other)).unwrap();
        let e = import_file(&request, &path).unwrap_err();
        assert!(matches!(e, ImportFileError::Xliff { source: XliffError::OtherRequest { .. }, .. }), "{e:?}");
        assert!(!e.unreadable());

        std::fs::write(&path, "<xliff").unwrap();
        assert!(import_file(&request, &path).unwrap_err().unreadable());
    }
}
