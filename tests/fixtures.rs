//! Deliberately defective requests: each `tests/fixtures/NAME.json` has a
//! `NAME.codes` file listing, one per line, exactly the rule codes its check
//! must produce (as on 27 November 2026).

use std::collections::BTreeSet;
use std::path::PathBuf;

use mla_writer::checks;
use mla_writer::request::read;

#[test]
fn each_defective_fixture_produces_exactly_its_expected_codes() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    let mut problems = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries.into_iter().filter(|p| p.extension().is_some_and(|x| x == "codes")) {
        let json = path.with_extension("json");
        let expected: BTreeSet<String> = std::fs::read_to_string(&path)
            .unwrap()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(String::from)
            .collect();
        let request = read::read_request(&json).unwrap_or_else(|e| panic!("{e}"));
        let found: BTreeSet<String> =
            checks::run(&request, time::macros::date!(2026 - 11 - 27), mla_writer::i18n::Lang::En).into_iter().map(|f| f.code.to_string()).collect();
        if found != expected {
            problems.push(format!(
                "{}: missing {:?}, unexpected {:?}",
                json.display(),
                expected.difference(&found).collect::<Vec<_>>(),
                found.difference(&expected).collect::<Vec<_>>()
            ));
        }
        checked += 1;
    }
    assert!(checked >= 2, "too few fixtures with .codes files");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
