//! What can go wrong exporting or importing, each problem of a unit named
//! by its id.

use std::fmt;

use thiserror::Error;

use super::NAMESPACE;
use crate::request::text::visible;

/// Why a request cannot be exported, or an XLIFF file cannot be imported.
#[derive(Debug, Error)]
pub enum XliffError {
    /// The text is not well-formed XML.
    #[error("not well-formed XML at line {line}, column {column}: {message}")]
    Malformed {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// What the parser found.
        message: String,
    },
    /// The file declares a document type; refused because entity
    /// declarations in an untrusted file can expand without bound or read
    /// other files, and XLIFF never needs one.
    #[error("line {line}, column {column}: the file declares a document type (<!DOCTYPE …>); XLIFF needs none, and document types and entity declarations are refused")]
    Doctype {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The document is XML but not XLIFF 2.0.
    #[error("not an XLIFF 2.0 file: expected a root element <xliff> in namespace {NAMESPACE}, found {found}")]
    NotXliff {
        /// What the root element is.
        found: String,
    },
    /// The `version` attribute is not `2.0`.
    #[error("XLIFF version {found:?} is not supported; expected version=\"2.0\"")]
    WrongVersion {
        /// The version in the file.
        found: String,
    },
    /// The file's source language is not the request's drafting language.
    #[error("the file's source language (srcLang) is {found:?}, but the request is drafted in {expected:?}")]
    WrongSourceLanguage {
        /// `lang.drafting` of the request.
        expected: String,
        /// `srcLang` of the file.
        found: String,
    },
    /// The file's target language is not one the app writes requests in.
    #[error("the file's target language (trgLang) is {found:?}; requests are written in en, fr, es, ru, ar or zh")]
    UnsupportedTargetLanguage {
        /// `trgLang` of the file.
        found: String,
    },
    /// Source and target language are the same.
    #[error("the target language {lang:?} is the language the request is drafted in; nothing to translate")]
    SameLanguage {
        /// The language.
        lang: String,
    },
    /// The file was made for another request.
    #[error("the file was made for another request ({found}); this request is {expected} — kind, own file number and requested State must match")]
    OtherRequest {
        /// Description of this request.
        expected: String,
        /// Identity found in the file, with its description when it has one.
        found: String,
    },
    /// The XLIFF structure lacks something this workflow needs.
    #[error("line {line}, column {column}: {message}")]
    Structure {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was expected and what was found.
        message: String,
    },
    /// Units that cannot be imported; nothing was applied.
    #[error("{} problem(s), nothing imported:\n{}", problems.len(), problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Units {
        /// Every problem, in the order of the file, then missing units.
        problems: Vec<UnitProblem>,
    },
    /// The request does not say in which language it is drafted.
    #[error("the request's drafting language (lang.drafting) must be one of en, fr, es, ru, ar or zh to be translated; found {found:?}")]
    NoDraftingLanguage {
        /// `lang.drafting` as found (its code; another language by its English
        /// CLDR name, or as typed in an older draft).
        found: String,
    },
    /// The request already holds a translation.
    #[error("the request already holds a translation into {lang:?} (translation.original is filled); export and import work on the drafter's text")]
    AlreadyTranslated {
        /// `lang.request` of the request.
        lang: String,
    },
    /// No translatable answer is filled in.
    #[error("the request has no free text to translate")]
    NothingToTranslate,
}

impl XliffError {
    /// Whether the error means the file cannot be read as XLIFF 2.0 at all
    /// (as opposed to a readable file that does not fit the request).
    pub fn unreadable(&self) -> bool {
        matches!(
            self,
            XliffError::Malformed { .. }
                | XliffError::Doctype { .. }
                | XliffError::NotXliff { .. }
                | XliffError::WrongVersion { .. }
        )
    }
}

/// A problem with one unit of an imported file.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitProblem {
    /// The unit id (path of the answer).
    pub id: String,
    /// Line of the unit in the file; `None` for a unit missing from it.
    pub line: Option<usize>,
    /// What is wrong.
    pub kind: UnitProblemKind,
}

/// What is wrong with a unit.
#[derive(Debug, Clone, PartialEq)]
pub enum UnitProblemKind {
    /// The id is not a translatable answer of the request (changed id, or an
    /// answer emptied since the export).
    Unknown,
    /// The id appears twice.
    Duplicate,
    /// A translatable answer of the request has no unit in the file.
    Missing,
    /// The unit's source no longer matches the request's text: the answer
    /// was edited after the export.
    StaleSource,
    /// A segment has no `<target>`.
    MissingTarget,
    /// The target is empty.
    EmptyTarget,
    /// The unit has no `<segment>`.
    NoSegment,
    /// Inline markup this workflow does not carry (codes, placeholders).
    Markup {
        /// Element name.
        element: String,
    },
    /// The target holds a control character no request may hold (see
    /// [`crate::request::text`]), as text or as `<cp/>`.
    Control {
        /// The character, as `U+001B`.
        code: String,
    },
    /// The target is longer than an answer may be
    /// ([`crate::request::read::MAX_TEXT_BYTES`]).
    TooLong {
        /// Its length in bytes of UTF-8.
        size: usize,
        /// The limit.
        limit: usize,
    },
}

impl fmt::Display for UnitProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unit {}", visible(&self.id))?;
        if let Some(line) = self.line {
            write!(f, " (line {line})")?;
        }
        let what = match &self.kind {
            UnitProblemKind::Unknown => "no such translatable text in the request (id changed, or the text was emptied since the export)".to_string(),
            UnitProblemKind::Duplicate => "appears more than once".to_string(),
            UnitProblemKind::Missing => "missing from the file: the request has this text to translate".to_string(),
            UnitProblemKind::StaleSource => "the source no longer matches the request: the text was edited after the export; export again".to_string(),
            UnitProblemKind::MissingTarget => "no <target>: not translated".to_string(),
            UnitProblemKind::EmptyTarget => "the <target> is empty".to_string(),
            UnitProblemKind::NoSegment => "no <segment>".to_string(),
            UnitProblemKind::Markup { element } => format!("inline element <{}> is not supported; plain text only", visible(element)),
            UnitProblemKind::Control { code } => format!("the <target> holds the control character {code}, which a request may not hold; remove it"),
            UnitProblemKind::TooLong { size, limit } => format!("the <target> is {size} bytes long, more than the {limit} bytes an answer may hold"),
        };
        write!(f, ": {what}")
    }
}
