//! Checking a large request: 50 persons and 100 measures spread over the MLA
//! modules. Reported per rule, so the figure stays comparable as rules are
//! added; parsing the same request from JSON runs beside it as a reference.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use mla_writer::request::mla::{OtherAssistance, Records, Statement, StoredData};
use mla_writer::request::{Module, Person, Request};
use mla_writer::i18n::Lang;
use mla_writer::checks;
use mla_writer::request::read;

/// The MLA example, grown to 50 persons and 100 measures.
fn large_request() -> Request {
    let mut r = read::parse_request(include_str!("../examples/mla-evidence-fraud-arden-norland.json"), "example").unwrap();
    let person = r.persons[2].clone();
    let statement = r.mla.statements[0].clone();
    let records = r.mla.records[0].clone();
    r.persons = (0..50).map(|i| Person { family_name: format!("{} {i}", person.family_name), ..person.clone() }).collect();
    r.mla.modules = vec![Module::Statements, Module::Records, Module::StoredData, Module::Other];
    r.mla.statements = (0..25).map(|i| Statement { person_ref: format!("Ingrid Solberg {i}"), ..statement.clone() }).collect();
    r.mla.records = (0..25).map(|_| Records { ..records.clone() }).collect();
    r.mla.stored_data = (0..25)
        .map(|i| StoredData { provider: format!("Provider {i}"), relevance: "Identifies the sender.".into(), ..StoredData::default() })
        .collect();
    r.mla.other = (0..25)
        .map(|i| OtherAssistance { description: format!("Obtain the lease of flat {i}"), relevance: "Shows who rented it.".into() })
        .collect();
    r
}

fn bench(c: &mut Criterion) {
    let request = large_request();
    let json = read::to_json(&request);
    let today = time::macros::date!(2026 - 11 - 27);
    let rules = checks::rules().count();
    println!("{rules} rules; the per-rule average is the 'check' time divided by {rules}");
    c.bench_function("check (50 persons, 100 measures)", |b| b.iter(|| checks::run(black_box(&request), today, Lang::En)));
    c.bench_function("reference: parse the same request from JSON", |b| {
        b.iter(|| read::parse_request(black_box(&json), "bench").unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
