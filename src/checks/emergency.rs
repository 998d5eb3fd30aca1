//! Section G: emergency disclosure requests (kind c), CETS 224 arts. 3, 9, 10.

use super::Rule;

/// The rules of this section, in catalogue order.
pub(super) static RULES: &[Rule] = &[];
