//! No outcome depends on the day the tests run. Two ways to see it, over
//! the whole check suite (every example and every defective fixture):
//!
//! - the rules depend only on how far the request's dates lie from the day
//!   it is checked on and from each other: two years later, with the
//!   request's dates moved by the same days (and the years its free text
//!   names by two), every request gives the same findings;
//! - the `mla` command, given the date, reads nothing from the clock: with
//!   the machine's clock set two years ahead (libfaketime), it finds the
//!   same codes and writes the same bytes.

mod common;
use common::{examples, expected_codes, fixtures, mla_with_clock_at};

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use mla_writer::checks::{self, Finding};
use mla_writer::i18n::Lang;
use mla_writer::request::demo::EXAMPLES_DATE;
use mla_writer::request::{dates, read, Request};
use time::macros::format_description;
use time::{Date, Duration, PrimitiveDateTime};

/// From 27 November 2026 to 27 November 2028, across 29 February 2028.
const TWO_YEARS: i64 = 731;
/// The machine's clock on the examples' date, and two years later.
const CLOCK_ON_THE_DATE: &str = "2026-11-27 12:00:00";
const CLOCK_TWO_YEARS_LATER: &str = "2028-11-27 12:00:00";

/// The whole check suite: every example, then every fixture.
fn suite() -> Vec<PathBuf> {
    let all: Vec<PathBuf> = examples().into_iter().chain(fixtures()).collect();
    assert!(all.len() >= 10, "the suite lost its requests: {all:?}");
    all
}

/// What a finding says about the request, without its words (which quote
/// the dates themselves).
fn outcome(findings: &[Finding]) -> Vec<(String, String, String)> {
    findings.iter().map(|f| (f.code.to_string(), f.severity.as_str().to_string(), f.path.clone())).collect()
}

fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().to_str().unwrap().to_string()
}

/// `text` with every year it names (a number from 1900 to 2099 standing
/// alone) `by` years later.
fn years_later(text: &str, by: u32) -> String {
    let mut out = String::new();
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        match digits.parse::<u32>() {
            Ok(year) if digits.len() == 4 && (1900..2100).contains(&year) => out.push_str(&(year + by).to_string()),
            _ => out.push_str(digits),
        }
        digits.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

/// The request as it would be written two years later: its dates moved by
/// [`TWO_YEARS`] days, and the years its free text names by two (M5-PERIOD-BROAD
/// compares the period of records with the years the facts name).
fn two_years_later(request: &Request) -> Request {
    fn walk(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::String(text) if !is_a_date(text) => *text = years_later(text, 2),
            serde_json::Value::Array(items) => items.iter_mut().for_each(walk),
            serde_json::Value::Object(members) => members.values_mut().for_each(walk),
            _ => {}
        }
    }
    let mut json = serde_json::to_value(request).unwrap();
    walk(&mut json);
    dates::shifted(&serde_json::from_value(json).unwrap(), Date::MIN, TWO_YEARS)
}

fn is_a_date(text: &str) -> bool {
    Date::parse(text, format_description!("[year]-[month]-[day]")).is_ok()
        || PrimitiveDateTime::parse(text, format_description!("[year]-[month]-[day]T[hour]:[minute]")).is_ok()
}

#[test]
fn years_in_text_move_and_nothing_else_does() {
    assert_eq!(years_later("From 1 June 2025 to PPO-2026-0412, XN44 0001 2345 6789, 10120, 1899", 2), "From 1 June 2027 to PPO-2028-0412, XN44 0001 2345 6789, 10120, 1899");
}

#[test]
fn two_years_later_every_request_moved_in_time_gives_the_same_findings() {
    let later = EXAMPLES_DATE + Duration::days(TWO_YEARS);
    let mut date_dependent = 0;
    for path in suite() {
        let request = read::read_request(&path).unwrap();
        let on_the_date = outcome(&checks::run_in(&request, EXAMPLES_DATE, mla_writer::directory::demo::Mode::Demo, Lang::En));
        let moved = outcome(&checks::run_in(&two_years_later(&request), later, mla_writer::directory::demo::Mode::Demo, Lang::En));
        assert_eq!(on_the_date, moved, "{}: checked on {later} with its dates moved two years, the findings change", path.display());
        if outcome(&checks::run_in(&request, later, mla_writer::directory::demo::Mode::Demo, Lang::En)) != on_the_date {
            date_dependent += 1;
        }
    }
    // Not moved, the requests do age: the comparison above is not vacuous.
    assert!(date_dependent >= 3, "only {date_dependent} requests depend on the date at all");
}

#[test]
fn with_the_clock_two_years_ahead_the_check_suite_finds_the_same_codes() {
    let dir = tempfile::tempdir().unwrap();
    for path in suite() {
        let file = relative(&path);
        let args = ["check", file.as_str(), "--format", "json", "--today", "2026-11-27"];
        let now = mla_with_clock_at(CLOCK_ON_THE_DATE, &args, dir.path());
        let later = mla_with_clock_at(CLOCK_TWO_YEARS_LATER, &args, dir.path());
        assert!(matches!(now.status.code(), Some(0 | 1)), "{file}: {}", String::from_utf8_lossy(&now.stderr));
        assert_eq!(now.status.code(), later.status.code(), "{file}: the exit status follows the clock");
        assert_eq!(String::from_utf8_lossy(&now.stdout), String::from_utf8_lossy(&later.stdout), "{file}: the findings follow the clock");
        if fixtures().contains(&path) {
            let findings: Vec<serde_json::Value> = serde_json::from_slice(&later.stdout).unwrap();
            let codes: BTreeSet<String> = findings.iter().map(|f| f["code"].as_str().unwrap().to_string()).collect();
            assert_eq!(codes, expected_codes(&path), "{file}: with the clock two years ahead");
        }
    }
}

#[test]
fn without_a_date_the_check_uses_the_clock_which_the_test_really_moves() {
    let dir = tempfile::tempdir().unwrap();
    let example = "examples/mla-evidence-fraud-arden-norland.json";
    let on_the_date = mla_with_clock_at(CLOCK_ON_THE_DATE, &["check", example], dir.path());
    assert_eq!(on_the_date.status.code(), Some(0), "{}", String::from_utf8_lossy(&on_the_date.stdout));
    let later = mla_with_clock_at(CLOCK_TWO_YEARS_LATER, &["check", example], dir.path());
    assert_eq!(later.status.code(), Some(1), "two years on, the example's deadline has passed");
    assert!(String::from_utf8_lossy(&later.stdout).contains("DEADLINE-PAST"));
}

#[test]
fn with_the_clock_two_years_ahead_a_dated_render_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    for example in examples() {
        let file = relative(&example);
        for format in ["pdf", "docx"] {
            let written = |clock: &str, name: &str| {
                let out = dir.path().join(name);
                let run = mla_with_clock_at(
                    clock,
                    &["render", file.as_str(), "--format", format, "--today", "2026-11-27", "-o", out.to_str().unwrap()],
                    dir.path(),
                );
                assert!(run.status.success(), "{file}: {}", String::from_utf8_lossy(&run.stderr));
                assert!(run.stderr.is_empty(), "{file}: a complete example is not a draft: {}", String::from_utf8_lossy(&run.stderr));
                std::fs::read(out).unwrap()
            };
            let now = written(CLOCK_ON_THE_DATE, &format!("now.{format}"));
            let later = written(CLOCK_TWO_YEARS_LATER, &format!("later.{format}"));
            assert!(now == later, "{file}: the {format} written with the clock two years ahead differs");
        }
    }
}
