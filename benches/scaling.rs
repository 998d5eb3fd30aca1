//! How the cost grows with the size of the input. Each dimension of a
//! request is doubled four times (1×, 2×, 4×, 8×, 16× a small base), and
//! rendering to PDF and checking are timed at each size; XLIFF import is
//! timed over the number of units. After the criterion groups, a table gives
//! each growth ratio, the time at 2n over the time at n: near 2 when the cost
//! is linear, near 4 when it is quadratic.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion};
use mla_writer::checks;
use mla_writer::export;
use mla_writer::i18n::Lang;
use mla_writer::layout::Paper;
use mla_writer::request::mla::{OtherAssistance, Statement, StoredData};
use mla_writer::request::{read, Module, Person, Request};
use mla_writer::translation;

/// The size multipliers.
const FACTORS: [usize; 5] = [1, 2, 4, 8, 16];

/// What is timed at each size: (dimension, operation) → factor → (total time, iterations).
type Timings = BTreeMap<(&'static str, &'static str), BTreeMap<usize, (Duration, u64)>>;

static TIMINGS: Mutex<Timings> = Mutex::new(BTreeMap::new());

fn example() -> Request {
    read::parse_request(include_str!("../examples/mla-evidence-fraud-arden-norland.json"), "example").unwrap()
}

/// Ordinary words, `bytes` long.
fn words(bytes: usize) -> String {
    const VOCABULARY: [&str; 16] = [
        "the", "investors", "paid", "a", "total", "into", "accounts", "held", "by", "Meridian", "Trade", "Solutions", "whose", "director",
        "transferred", "funds",
    ];
    let mut text = String::with_capacity(bytes + 16);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(VOCABULARY[i * 7 % VOCABULARY.len()]);
        text.push(if i % 23 == 22 { '.' } else { ' ' });
        i += 1;
    }
    text.truncate(bytes);
    text
}

/// The example with a facts summary of `bytes` bytes.
fn with_summary(bytes: usize) -> Request {
    let mut r = example();
    r.facts.summary = words(bytes);
    r
}

/// The example with `n` persons.
fn with_persons(n: usize) -> Request {
    let mut r = example();
    let person = r.persons[2].clone();
    r.persons = (0..n).map(|i| Person { family_name: format!("{} {i}", person.family_name), ..person.clone() }).collect();
    r
}

/// The example with `n` measures, spread over four modules.
fn with_measures(n: usize) -> Request {
    let mut r = example();
    let statement = r.mla.statements[0].clone();
    let records = r.mla.records[0].clone();
    let quarter = n / 4;
    r.mla.modules = vec![Module::Statements, Module::Records, Module::StoredData, Module::Other];
    r.mla.statements = (0..quarter).map(|i| Statement { person_ref: format!("Ingrid Solberg {i}"), ..statement.clone() }).collect();
    r.mla.records = (0..quarter).map(|_| records.clone()).collect();
    r.mla.stored_data = (0..quarter)
        .map(|i| StoredData { provider: format!("Provider {i}"), relevance: "Identifies the sender.".into(), ..StoredData::default() })
        .collect();
    r.mla.other = (0..n - 3 * quarter)
        .map(|i| OtherAssistance { description: format!("Obtain the lease of flat {i}"), relevance: "Shows who rented it.".into() })
        .collect();
    r
}

/// The example with a reference (printed in the running header of every
/// page) of `chars` characters.
fn with_reference(chars: usize) -> Request {
    let mut r = example();
    r.req_auth.ref_no = "AB-12/".repeat(chars / 6 + 1)[..chars].to_string();
    r
}

/// The example with `n` measures of other assistance, and the XLIFF file
/// that translates its texts (two units per measure, and the example's own).
fn with_units(n: usize) -> (Request, String) {
    let mut r = example();
    r.mla.modules.push(Module::Other);
    r.mla.other = (0..n / 2)
        .map(|i| OtherAssistance { description: format!("Obtain the lease of flat {i}."), relevance: format!("Shows who rented flat {i}.") })
        .collect();
    let exported = translation::export(&r, Lang::Fr);
    // The translator's file: each source followed by its target.
    let mut file = String::with_capacity(exported.len() * 2);
    let mut rest = exported.as_str();
    while let Some(at) = rest.find("</source>") {
        let start = rest[..at].rfind("<source>").expect("a source opens before it closes") + "<source>".len();
        file.push_str(&rest[..at + "</source>".len()]);
        file.push_str(&format!("<target>FR {}</target>", &rest[start..at]));
        rest = &rest[at + "</source>".len()..];
    }
    file.push_str(rest);
    (r, file)
}

/// Times `f` as criterion asks, and records the time for the table.
fn timed<T>(dimension: &'static str, operation: &'static str, factor: usize, f: impl Fn() -> T) -> impl FnMut(&mut criterion::Bencher) {
    move |b| {
        b.iter_custom(|iters| {
            let start = Instant::now();
            for _ in 0..iters {
                black_box(f());
            }
            let elapsed = start.elapsed();
            let mut timings = TIMINGS.lock().unwrap();
            let entry = timings.entry((dimension, operation)).or_default().entry(factor).or_default();
            entry.0 += elapsed;
            entry.1 += iters;
            elapsed
        })
    }
}

/// Renders to PDF and checks requests of each size of one dimension.
fn render_and_check(c: &mut Criterion, dimension: &'static str, base: usize, make: fn(usize) -> Request) {
    let options = export::Options { lang: Lang::En, paper: Paper::A4, date: time::macros::datetime!(2026-11-27 12:00 UTC), with_original: false, revision: None, mode: mla_writer::directory::demo::Mode::Demo };
    let today = time::macros::date!(2026 - 11 - 27);
    let mut group = c.benchmark_group(dimension);
    for factor in FACTORS {
        let request = make(base * factor);
        group.bench_function(BenchmarkId::new("render-pdf", format!("{}x", factor)), timed(dimension, "render PDF", factor, || {
            export::pdf(&request, &options, false).unwrap()
        }));
        group.bench_function(BenchmarkId::new("check", format!("{}x", factor)), timed(dimension, "check", factor, || {
            checks::run(&request, today, Lang::En)
        }));
    }
    group.finish();
}

/// Imports translated XLIFF files of each number of units.
fn import(c: &mut Criterion, base: usize) {
    let dimension = "xliff-units";
    let mut group = c.benchmark_group(dimension);
    for factor in FACTORS {
        let (request, file) = with_units(base * factor);
        group.bench_function(BenchmarkId::new("import", format!("{}x", factor)), timed(dimension, "XLIFF import", factor, || {
            translation::import(&request, &file).unwrap()
        }));
    }
    group.finish();
}

/// The growth ratios of every dimension and operation timed.
fn print_ratios() {
    let timings = TIMINGS.lock().unwrap();
    if timings.is_empty() {
        return;
    }
    println!("\nGrowth ratio per doubling (time at 2n / time at n; 2 is linear, 4 quadratic)");
    println!("{:<22} {:<14} {:>8} {:>8} {:>8} {:>8}   {:>10}", "dimension", "operation", "1→2", "2→4", "4→8", "8→16", "time at 16×");
    for ((dimension, operation), sizes) in timings.iter() {
        let mean = |factor: usize| sizes.get(&factor).filter(|(_, n)| *n > 0).map(|(t, n)| t.as_secs_f64() / *n as f64);
        let ratios: Vec<String> = FACTORS
            .windows(2)
            .map(|pair| match (mean(pair[0]), mean(pair[1])) {
                (Some(a), Some(b)) if a > 0.0 => format!("{:.2}", b / a),
                _ => "-".into(),
            })
            .collect();
        let largest = mean(16).map_or("-".into(), |t| format!("{:.2} ms", t * 1e3));
        println!("{dimension:<22} {operation:<14} {:>8} {:>8} {:>8} {:>8}   {largest:>10}", ratios[0], ratios[1], ratios[2], ratios[3]);
    }
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    // Base sizes: 16 KB of text, 20 persons, 20 measures, a 256-character
    // reference, 750 units; 16× is 256 KB, 320, 320, 4,096 and 12,000
    // units (a translated file of about 5 MB).
    render_and_check(&mut c, "paragraph-bytes", 16 * 1024, with_summary);
    render_and_check(&mut c, "persons", 20, with_persons);
    render_and_check(&mut c, "measures", 20, with_measures);
    render_and_check(&mut c, "header-chars", 256, with_reference);
    import(&mut c, 750);
    c.final_summary();
    print_ratios();
}
