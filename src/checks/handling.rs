//! Section D: urgency, deadlines, confidentiality, use limitation and costs.

use super::Rule;

/// The rules of this section, in catalogue order.
pub(super) static RULES: &[Rule] = &[];
