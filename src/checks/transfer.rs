//! Section H: requests for transfer of proceedings (kind d).

use super::Rule;

/// The rules of this section, in catalogue order.
pub(super) static RULES: &[Rule] = &[];
