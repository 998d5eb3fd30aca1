//! Every example in `examples/` is a complete request of its kind: it
//! validates against the published JSON Schema, round-trips unchanged, and
//! passes the checks without errors.

mod common;
use common::examples;

use mla_writer::request::{Request, RequestKind};
use mla_writer::checks;
use mla_writer::request::demo::EXAMPLES_DATE;
use mla_writer::request::read;

#[test]
fn there_is_a_complete_example_of_every_kind() {
    let kinds: Vec<RequestKind> = examples().iter().map(|p| read::read_request(p).unwrap().kind).collect();
    for kind in RequestKind::ALL {
        assert!(kinds.contains(kind), "no example of {}", kind.key());
    }
}

#[test]
fn examples_validate_against_the_published_schema() {
    let schema = serde_json::to_value(schemars::schema_for!(Request)).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    for path in examples() {
        let value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let errors: Vec<String> = validator.iter_errors(&value).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{}: {}", path.display(), errors.join("; "));
    }
}

#[test]
fn schema_rejects_an_unknown_member() {
    let schema = serde_json::to_value(schemars::schema_for!(Request)).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(!validator.is_valid(&serde_json::json!({ "req_auth": { "nmae": "x" } })));
}

#[test]
fn examples_round_trip_unchanged() {
    for path in examples() {
        let first = read::read_request(&path).unwrap();
        let again = read::parse_request(&read::to_json(&first), "round trip").unwrap();
        assert_eq!(first, again, "{}", path.display());
        let on_disk: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let written: serde_json::Value = serde_json::from_str(&read::to_json(&first)).unwrap();
        assert_eq!(merge_defaults(on_disk), written, "{} changes when saved", path.display());
    }
}

/// The file with every omitted member at its default, as a save writes it.
fn merge_defaults(value: serde_json::Value) -> serde_json::Value {
    let request: Request = serde_json::from_value(value).unwrap();
    serde_json::to_value(request).unwrap()
}

#[test]
fn examples_have_no_errors() {
    for path in examples() {
        let request = read::read_request(&path).unwrap();
        let errors: Vec<_> = checks::run_in(&request, EXAMPLES_DATE, mla_writer::directory::demo::Mode::Demo, mla_writer::i18n::Lang::En).into_iter().filter(|f| f.severity == checks::Severity::Error).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

#[test]
fn every_example_renders() {
    for path in examples() {
        let request = read::read_request(&path).unwrap();
        let mut options = mla_writer::export::Options::for_request(&request);
        options.date = EXAMPLES_DATE.midnight().assume_utc();
        let pdf = mla_writer::export::pdf(&request, &options, false).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "{}", path.display());
    }
}
