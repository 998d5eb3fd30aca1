//! The demo request a new user finds on first start: a complete, fictional
//! case. It is the example file `examples/mla-evidence-fraud-arden-norland.json`, so the
//! demo and the example cannot drift apart, its own dates moved to the day
//! it is created on, so that its deadline is always ahead and it always
//! opens without an error.

use time::Date;

use crate::request::{dates, Request};

const DEMO_JSON: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/mla-evidence-fraud-arden-norland.json"));

/// The day the examples' dates are written for: checked on this day, every
/// example in `examples/` is complete and has no error.
pub const EXAMPLES_DATE: Date = time::macros::date!(2026 - 11 - 27);

/// The example the demo is made from, with its dates as written.
pub fn example() -> Request {
    crate::request::read::parse_request(DEMO_JSON, "demo request").expect("the shipped example is a valid request")
}

/// The demo request as created on `today`: the example with its signature
/// and every date after it (its deadline) moved by the days from
/// [`EXAMPLES_DATE`] to `today` (see [`dates::shifted`]), so it stands to
/// `today` as the example stands to the day it was written for: signed a
/// week before, its deadline two months ahead. The case's history (the
/// facts, the period of the records, birth dates) stays as the example
/// tells it, so the demo says what the example says.
pub fn request(today: Date) -> Request {
    let example = example();
    let signed = Date::parse(&example.sign.date, time::macros::format_description!("[year]-[month]-[day]"))
        .expect("the example is signed on a date");
    dates::shifted(&example, signed, (today - EXAMPLES_DATE).whole_days())
}
