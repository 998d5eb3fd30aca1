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
            checks::run_in(&request, EXAMPLES_DATE, mla_writer::directory::demo::Mode::Demo, mla_writer::i18n::Lang::En).into_iter().map(|f| f.code.to_string()).collect();
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

/// The codes of `name`'s check on the examples' date.
fn codes_of(name: &str) -> BTreeSet<&'static str> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(format!("{name}.json"));
    let request = read::read_request(&path).unwrap_or_else(|e| panic!("{e}"));
    checks::run_in(&request, EXAMPLES_DATE, mla_writer::directory::demo::Mode::Demo, mla_writer::i18n::Lang::En).into_iter().map(|f| f.code).collect()
}

/// False alarms (issue 15 §7): each fixture is a request whose drafter gave
/// what the provision needs, in a way the rule once misread; the rule it
/// once raised stays silent.
#[test]
fn false_alarms_do_not_come_back() {
    for (fixture, once_raised) in [
        ("annex-language-typed-as-a-word", &["ATT-TRANS"][..]),
        ("company-suspect-without-nationality-or-language", &["MT118-3-e", "UNTOC-18-15-e-loc", "PERS-LANG"]),
        ("untoc-scope-answered-in-french", &["UNTOC-18-1-scope"]),
        ("emergency-facts-in-chinese", &["CETS224-3-emergency"]),
        ("drafter-gave-what-the-provision-needs", &["M5-PERIOD-BROAD", "RELATED-REQ", "UNTOC-18-19-uses", "UNTOC-18-28-costs"]),
    ] {
        let found = codes_of(fixture);
        for code in once_raised {
            assert!(!found.contains(code), "{fixture}: {code} is a false alarm");
        }
    }
}

/// Checks that should have fired (issue 15 §9): each fixture lacks what
/// one rule requires, and that rule reports it.
#[test]
fn missed_checks_fire() {
    for (fixture, code) in [
        ("urgent-preservation-without-deadline", "UNTOC-18-24-deadline"),
        ("ip-timestamp-without-time-zone", "DATA-TZ"),
        ("search-and-examination-without-purpose", "UNTOC-18-15-f-item"),
    ] {
        assert!(codes_of(fixture).contains(code), "{fixture}: {code} should fire");
    }
}
