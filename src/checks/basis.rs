//! Section B: legal basis, channel, language and the directory of competent authorities.

use super::Rule;

/// The rules of this section, in catalogue order.
pub(super) static RULES: &[Rule] = &[];
