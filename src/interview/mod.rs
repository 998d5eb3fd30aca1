//! The interview: the wizard definition as data, and the answers a request
//! gives to it.

mod answers;
mod wizard;

pub use answers::*;
pub use wizard::*;
