//! Section I: attachments, signature, dates and consistency across fields.

use super::Rule;

/// The rules of this section, in catalogue order.
pub(super) static RULES: &[Rule] = &[];
