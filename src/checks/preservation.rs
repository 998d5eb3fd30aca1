//! Section F: expedited preservation requests (kind b), Budapest arts. 29, 30, 35.

use super::Rule;

/// The rules of this section, in catalogue order.
pub(super) static RULES: &[Rule] = &[];
