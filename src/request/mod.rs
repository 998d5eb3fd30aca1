//! The request: its model (serde types), reading request files, moving a
//! request's dates in time, the deadlines computed from its data, the follow-up MLA request of a preservation
//! request, and the demo request.

mod model;

pub mod addressee;
pub mod dates;
pub mod deadlines;
pub mod demo;
pub mod follow_up;
pub mod json;
pub mod own_state;
pub mod profile_file;
pub mod read;
pub mod text;
pub mod text_file;
pub mod treaty_profile;

pub use model::*;
