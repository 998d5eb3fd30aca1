//! The cost of encryption at rest on the two things the user waits for: an
//! autosave (one transaction, committed with `synchronous=FULL`) and a read
//! (loading a draft, and the full-text search the app runs, matching one
//! draft in the middle of the data), on the same database plaintext and
//! encrypted with SQLCipher, side by side. A timed loop, not criterion:
//! each figure is the median (and 95th percentile) of many runs.
//!
//! `cargo bench -p mla-writer --bench encryption`

use std::time::{Duration, Instant};

use mla_writer::i18n::Lang;
use mla_writer::request::Request;
use mla_writer::store::{Passphrase, Store, DATABASE_FILE};

/// Drafts in the database, so that a search reads a realistic amount.
const DRAFTS: usize = 200;
/// Runs of each measurement.
const RUNS: usize = 200;

/// The median and the 95th percentile of `times`.
fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    (times[times.len() / 2], times[times.len() * 95 / 100])
}

type Figures = [(Duration, Duration); 3];

/// Save, load and search times on a database of [`DRAFTS`] drafts, each
/// with a word of its own in its facts.
fn measure(key: Option<&Passphrase>) -> Figures {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open_with(&dir.path().join(DATABASE_FILE), key).expect("the database opens");
    let example: Request = mla_writer::request::demo::example();
    let ids: Vec<String> = (0..DRAFTS)
        .map(|i| {
            let mut request = example.clone();
            request.facts.summary = format!("{} Reference word quillon{i}.", example.facts.summary);
            store.create_draft(&request).expect("a draft is created").id
        })
        .collect();
    let mut request = example.clone();
    let saves = (0..RUNS)
        .map(|i| {
            request.facts.summary = format!("{} Revision {i}.", example.facts.summary);
            let start = Instant::now();
            store.save_draft(&ids[0], &request).expect("the draft is saved");
            start.elapsed()
        })
        .collect();
    let loads = (0..RUNS)
        .map(|i| {
            let start = Instant::now();
            store.load_draft(&ids[i % DRAFTS]).expect("the draft loads");
            start.elapsed()
        })
        .collect();
    let middle = format!("quillon{}", DRAFTS / 2);
    let searches = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let hits = store.search(&middle, Lang::En, 20).expect("the search runs");
            assert_eq!(hits.len(), 1);
            start.elapsed()
        })
        .collect();
    [percentiles(saves), percentiles(loads), percentiles(searches)]
}

fn main() {
    let key = Passphrase::new("a passphrase for the benchmark".into()).expect("a passphrase");
    let plain = measure(None);
    let encrypted = measure(Some(&key));
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!("{DRAFTS} drafts, {RUNS} runs each      plaintext p50/p95      encrypted p50/p95      ratio of p50");
    for (what, p, e) in [
        ("save (one transaction, fsync)", plain[0], encrypted[0]),
        ("open one draft               ", plain[1], encrypted[1]),
        ("full-text search             ", plain[2], encrypted[2]),
    ] {
        println!(
            "{what}   {:>8.3} / {:>8.3} ms   {:>8.3} / {:>8.3} ms   {:>5.2}×",
            ms(p.0),
            ms(p.1),
            ms(e.0),
            ms(e.1),
            e.0.as_secs_f64() / p.0.as_secs_f64()
        );
    }
}
