//! Section C: offences, dual criminality and refusal risks.

use super::Rule;

/// The rules of this section, in catalogue order.
pub(super) static RULES: &[Rule] = &[];
