//! Importing a translator's XLIFF file as the number of units grows: 750 to
//! 12,000 units (the last about 5 MB), each doubling timed by criterion and
//! its growth ratio printed (near 2 when the import is linear).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use mla_writer::i18n::Lang;
use mla_writer::request::{read, Request};
use mla_writer::translation;

/// The example request with `persons` copies of its first person, each with
/// two texts to translate, and its XLIFF file with every target filled in
/// (a copy of the source).
fn translated(persons: usize) -> (Request, String) {
    let mut request = read::parse_request(include_str!("../examples/mla-evidence-fraud-arden-norland.json"), "example").unwrap();
    let first = request.persons[0].clone();
    request.persons = (0..persons)
        .map(|i| {
            let mut person = first.clone();
            person.location = format!(
                "Flat {i}, Harbour Street {i}, Arden City; seen there by witnesses on several occasions in the spring of the year {}.",
                2000 + i % 25
            );
            person.location_unknown_reason =
                format!("Reason {i}: he left his registered address in Arden City in October, and moved abroad.");
            person
        })
        .collect();
    let exported = translation::export(&request, Lang::Fr);
    let mut out = String::with_capacity(exported.len() * 2);
    let mut rest = exported.as_str();
    while let Some(start) = rest.find("<source>") {
        let end = start + rest[start..].find("</source>").unwrap() + "</source>".len();
        out.push_str(&rest[..end]);
        out.push_str(&rest[start..end].replace("source>", "target>"));
        rest = &rest[end..];
    }
    out.push_str(rest);
    (request, out)
}

/// The median of five imports.
fn median_import(request: &Request, xliff: &str) -> Duration {
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            translation::import(black_box(request), black_box(xliff)).unwrap();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[2]
}

fn bench(c: &mut Criterion) {
    let sizes = [375, 750, 1_500, 3_000, 6_000];
    let inputs: Vec<(Request, String)> = sizes.iter().map(|p| translated(*p)).collect();
    let mut group = c.benchmark_group("xliff import");
    group.sample_size(10);
    for (request, xliff) in &inputs {
        let units = mla_writer::interview::units(request).len();
        group.bench_with_input(BenchmarkId::from_parameter(format!("{units} units, {} bytes", xliff.len())), xliff, |b, xliff| {
            b.iter(|| translation::import(request, xliff).unwrap())
        });
    }
    group.finish();
    let mut previous: Option<Duration> = None;
    for (request, xliff) in &inputs {
        let time = median_import(request, xliff);
        let ratio = previous.map(|p| format!(", × {:.2} for twice the units", time.as_secs_f64() / p.as_secs_f64())).unwrap_or_default();
        println!("xliff import: {} units, {} bytes: {:.1} ms{ratio}", mla_writer::interview::units(request).len(), xliff.len(), time.as_secs_f64() * 1e3);
        previous = Some(time);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
