//! The cost of encryption at rest on the two things the user waits for: an
//! autosave (one transaction, committed with `synchronous=FULL`) and a read
//! (loading a draft, and a `LIKE` search over every stored document), on
//! the same database plaintext and encrypted with SQLCipher, side by side.
//! A timed loop, not criterion: each figure is the median of many runs.
//!
//! `cargo bench -p mla-writer --bench encryption`

use std::time::{Duration, Instant};

use mla_writer::request::Request;
use mla_writer::store::{Passphrase, Store, DATABASE_FILE};

/// Drafts in the database, so that a search reads a realistic amount.
const DRAFTS: usize = 200;
/// Runs of each measurement.
const RUNS: usize = 200;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Median save, load and search times on a database of [`DRAFTS`] drafts.
fn measure(key: Option<&Passphrase>) -> (Duration, Duration, Duration) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open_with(&dir.path().join(DATABASE_FILE), key).expect("the database opens");
    let example: Request = mla_writer::request::demo::example();
    let ids: Vec<String> = (0..DRAFTS).map(|_| store.create_draft(&example).expect("a draft is created").id).collect();
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
    let conn = store.connection();
    let searches = (0..RUNS / 4)
        .map(|_| {
            let start = Instant::now();
            let hits: i64 = conn
                .query_row("SELECT count(*) FROM drafts WHERE document LIKE '%Revision 7.%'", [], |row| row.get(0))
                .expect("the search runs");
            assert_eq!(hits, 0);
            start.elapsed()
        })
        .collect();
    (median(saves), median(loads), median(searches))
}

fn main() {
    let key = Passphrase::new("a passphrase for the benchmark".into()).expect("a passphrase");
    let plain = measure(None);
    let encrypted = measure(Some(&key));
    println!("{DRAFTS} drafts, median of {RUNS} runs          plaintext    encrypted    ratio");
    for (what, p, e) in [
        ("save (one transaction, fsync)  ", plain.0, encrypted.0),
        ("load one draft                 ", plain.1, encrypted.1),
        ("LIKE search over every draft   ", plain.2, encrypted.2),
    ] {
        println!("{what}   {:>9.3} ms {:>9.3} ms   {:>5.2}×", p.as_secs_f64() * 1e3, e.as_secs_f64() * 1e3, e.as_secs_f64() / p.as_secs_f64());
    }
}
