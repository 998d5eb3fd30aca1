//! The interview: the wizard definition as data, the answers a request
//! gives to it, and what changed between two states of those answers.

mod answers;
mod diff;
mod requirements;
pub mod tracked;
mod wizard;

pub use answers::*;
pub use diff::*;
pub use requirements::{requirement_notes, RequirementNote, RequirementNotes};
pub use tracked::{word_changes, words, Span, SpanKind};
pub use wizard::*;
