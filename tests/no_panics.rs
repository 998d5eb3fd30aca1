//! No input makes the core panic or hang. Every stage a request goes
//! through — checking, the documents (PDF, DOCX, HTML), the XLIFF round trip
//! — either succeeds or returns an error, whatever the text of its fields and
//! whatever day it is checked on; and its cost stays proportional to the
//! size of the input.
//!
//! `MLA_PROPTEST_CASES` sets how many arbitrary requests the property test
//! tries (`make fuzz` runs many more than `make test`).

mod common;

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use mla_writer::checks;
use mla_writer::export::{self, Options};
use mla_writer::i18n::Lang;
use mla_writer::request::read;
use mla_writer::request::Request;
use mla_writer::translation;
use proptest::prelude::*;
use serde_json::Value;
use time::macros::date;
use time::Date;

/// The days a request can be checked on at the ends of the calendar.
const EDGE_DAYS: [Date; 4] = [Date::MIN, date!(0001 - 01 - 01), date!(9999 - 12 - 31), Date::MAX];

/// The example requests as JSON, with their names.
fn examples() -> &'static [(String, Value)] {
    static EXAMPLES: OnceLock<Vec<(String, Value)>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        common::examples()
            .into_iter()
            .map(|path| {
                let text = std::fs::read_to_string(&path).unwrap();
                (path.file_name().unwrap().to_string_lossy().into_owned(), serde_json::from_str(&text).unwrap())
            })
            .collect()
    })
}

/// Every string leaf of `value`, as a JSON pointer.
fn string_leaves(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::String(_) => out.push(at),
        Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| string_leaves(v, format!("{at}/{i}"), out)),
        Value::Object(members) => members.iter().for_each(|(k, v)| string_leaves(v, format!("{at}/{k}"), out)),
        _ => {}
    }
}

/// The string leaves of each example that hold free text: those the request
/// format accepts any text in (a leaf that takes a code or an enumerated
/// value refuses `"x"`).
fn free_text_leaves() -> &'static [Vec<String>] {
    static LEAVES: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    LEAVES.get_or_init(|| {
        examples()
            .iter()
            .map(|(_, example)| {
                let mut leaves = Vec::new();
                string_leaves(example, String::new(), &mut leaves);
                leaves.retain(|pointer| {
                    let mut probe = example.clone();
                    *probe.pointer_mut(pointer).unwrap() = Value::String("x".into());
                    read::parse_request(&probe.to_string(), "probe").is_ok()
                });
                leaves
            })
            .collect()
    })
}

/// Every stage a request goes through, in `lang`, on `today`. Errors are
/// fine; a panic fails the test.
fn every_stage(request: &Request, lang: Lang, today: Date) {
    checks::run(request, today, lang);
    let options = Options { lang, ..Options::for_request(request) };
    let _ = export::export_pdf(request, &options, today);
    let _ = export::export_docx(request, &options, today);
    let _ = export::export_html(request, &options, today);
    let target = if lang == Lang::En { Lang::Fr } else { Lang::En };
    let xliff = translation::export(request, target);
    let _ = translation::import(request, &translated(&xliff, "traduit"));
}

/// `xliff` as a translator would return it: every unit given `text` (XML
/// escaped) as its target.
fn translated(xliff: &str, text: &str) -> String {
    let escaped = text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    xliff.replace("</source>", &format!("</source>\n        <target>{escaped}</target>"))
}

/// Every date and date-time the request holds, moved to `day`.
fn dates_moved_to(value: &mut Value, day: Date) {
    match value {
        Value::String(text) => {
            let is_date = |s: &str| s.len() == 10 && Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).is_ok();
            if is_date(text) {
                *text = day.to_string();
            } else if text.len() == 16 && is_date(&text[..10]) && text.as_bytes()[10] == b'T' {
                *text = format!("{}{}", day, &text[10..]);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| dates_moved_to(v, day)),
        Value::Object(members) => members.values_mut().for_each(|v| dates_moved_to(v, day)),
        _ => {}
    }
}

#[test]
fn every_stage_holds_on_days_at_both_ends_of_the_calendar() {
    let ends = [date!(0001 - 01 - 01), date!(9999 - 12 - 31)];
    for (name, example) in examples() {
        for held in ends {
            let mut moved = example.clone();
            dates_moved_to(&mut moved, held);
            assert_ne!(&moved, example, "{name}: holds no date to move");
            let request = read::parse_request(&moved.to_string(), name).unwrap_or_else(|e| panic!("{name} with dates on {held}: {e}"));
            for today in EDGE_DAYS {
                checks::run(&request, today, Lang::En);
                let options = Options::for_request(&request);
                export::export_pdf(&request, &options, today).unwrap_or_else(|e| panic!("{name} on {today}: {e}"));
            }
        }
    }
}

/// Text as careless users and attackers type it.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        2 => "[\\PC]{0,40}",
        1 => prop::sample::select(vec![
            "9999-12-31", "0000-00-00", "-9999-01-01", "2026-02-30", "9999-12-31T23:59", "+99999-01-01",
            "\u{202E}\u{2066}mirrored\u{2069}\u{202C}", "\u{1F600}\u{20000}", "\u{1B}[31mred", "\u{0}\u{7F}\u{9F}",
            "{{request.title}}", "::h2 Injected", "| cell |", "<script>alert(1)</script>", "&amp;&#x1B;",
            "\u{FEFF}\u{200B}\u{00AD}", "0", "-1", "",
        ])
        .prop_map(str::to_string),
        1 => ("[a-zA-Z\u{0600}-\u{06FF}\u{4E00}-\u{9FFF} ]{1,12}", 1usize..400).prop_map(|(word, times)| word.repeat(times)),
    ]
}

/// An example with some of its free-text leaves replaced by hostile text,
/// and one of its lists possibly grown.
fn arbitrary_request() -> impl Strategy<Value = (String, Value)> {
    (0..examples().len()).prop_flat_map(|which| {
        let leaves = free_text_leaves()[which].clone();
        let count = leaves.len();
        (
            Just(which),
            prop::collection::vec((prop::sample::select(leaves), hostile_text()), 1..count.clamp(2, 12)),
            0usize..40,
        )
            .prop_map(|(which, changes, grow)| {
                let (name, example) = &examples()[which];
                let mut value = example.clone();
                for (pointer, text) in changes {
                    *value.pointer_mut(&pointer).unwrap() = Value::String(text);
                }
                if let Some(persons) = value.get_mut("persons").and_then(Value::as_array_mut) {
                    if let Some(first) = persons.first().cloned() {
                        persons.extend(std::iter::repeat_n(first, grow));
                    }
                }
                (name.clone(), value)
            })
    })
}

/// How long every stage may take for an input of `bytes`: generous, so that
/// only a hang or a cost that grows faster than the input fails it.
fn time_bound(bytes: usize) -> Duration {
    Duration::from_secs(20) + Duration::from_micros(200) * bytes as u32
}

fn cases() -> u32 {
    std::env::var("MLA_PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(24)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_in_every_field_is_checked_rendered_and_translated_or_refused(
        (name, value) in arbitrary_request(),
        lang in prop::sample::select(Lang::ALL.to_vec()),
        today in prop::sample::select(vec![date!(2026 - 12 - 01), Date::MIN, Date::MAX]),
    ) {
        let text = value.to_string();
        let started = Instant::now();
        if let Ok(request) = read::parse_request(&text, &name) {
            every_stage(&request, lang, today);
        }
        let took = started.elapsed();
        prop_assert!(took <= time_bound(text.len()), "{name}: {} bytes took {took:?}", text.len());
    }
}
