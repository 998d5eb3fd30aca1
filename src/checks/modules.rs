//! Section E: persons and the modules of an MLA request (kind a).

use super::Rule;

/// The rules of this section, in catalogue order.
pub(super) static RULES: &[Rule] = &[];
