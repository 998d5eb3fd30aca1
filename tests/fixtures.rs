//! Deliberately defective requests: each `tests/fixtures/NAME.json` has a
//! `NAME.codes` file listing, one per line, exactly the rule codes its check
//! must produce (on the examples' date, 27 November 2026).

mod common;
use common::{expected_codes, fixtures};

use std::collections::BTreeSet;

use mla_writer::checks;
use mla_writer::request::demo::EXAMPLES_DATE;
use mla_writer::request::read;

#[test]
fn each_defective_fixture_produces_exactly_its_expected_codes() {
    let mut problems = Vec::new();
    let fixtures = fixtures();
    for json in &fixtures {
        let expected = expected_codes(json);
        let request = read::read_request(json).unwrap_or_else(|e| panic!("{e}"));
        let found: BTreeSet<String> =
            checks::run(&request, EXAMPLES_DATE, mla_writer::i18n::Lang::En).into_iter().map(|f| f.code.to_string()).collect();
        if found != expected {
            problems.push(format!(
                "{}: missing {:?}, unexpected {:?}",
                json.display(),
                expected.difference(&found).collect::<Vec<_>>(),
                found.difference(&expected).collect::<Vec<_>>()
            ));
        }
    }
    assert!(fixtures.len() >= 2, "too few fixtures with .codes files");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
