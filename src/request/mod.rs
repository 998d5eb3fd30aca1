//! The request: its model (serde types), reading request files, the
//! follow-up MLA request of a preservation request, and the demo request.

mod model;

pub mod demo;
pub mod follow_up;
pub mod read;

pub use model::*;
