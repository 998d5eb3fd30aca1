//! The demo request a new user finds on first start: a complete, fictional
//! case. It is the example file `examples/mla-evidence-fraud-arden-norland.json`, so the
//! demo and the example cannot drift apart.

use crate::request::Request;

const DEMO_JSON: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/mla-evidence-fraud-arden-norland.json"));

/// The demo request.
pub fn request() -> Request {
    crate::request::read::parse_request(DEMO_JSON, "demo request").expect("the shipped example is a valid request")
}
