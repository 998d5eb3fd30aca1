//! A save the app reports as saved survives the process being killed.
//!
//! A writer process autosaves without pause, with varied documents and sizes
//! (small edits, texts just under the size limit, hundreds of persons, new
//! drafts), and says on its standard output `begin` before each
//! transaction starts and `saved ID REVISION SHA256` once its commit has
//! returned. The test kills it with SIGKILL at random moments, at least 200
//! times, and after each kill checks the file: `PRAGMA integrity_check` is
//! `ok`, and every acknowledged save is there with exactly its document. A
//! kill whose last word was `begin` landed between BEGIN and COMMIT; at
//! least a fifth of the kills must, or the test proved nothing. After every
//! 20 kills the saves acknowledged on that database are all checked once
//! more, and the next kills start on a new one (each check stays quick).
//!
//! `MLA_CRASH_SEED` repeats a run (the seed is printed), `MLA_CRASH_KILLS`
//! sets the number of kills, and `MLA_CRASH_MINUTES` (`make soak
//! MINUTES=N`) kills for that long instead.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use mla_writer::request::read::{to_json, MAX_TEXT_BYTES};
use mla_writer::request::Request;
use mla_writer::store::{Store, DATABASE_FILE};
use rand_core::RngCore;
use sha2::{Digest, Sha256};
use time::macros::datetime;

/// Set in the writer's environment to the data directory it writes.
const WRITER_DIR: &str = "MLA_CRASH_WRITER_DIR";
/// Set in the writer's environment to its seed.
const WRITER_SEED: &str = "MLA_CRASH_WRITER_SEED";
/// Kills on one database before the next starts afresh.
const KILLS_PER_DATABASE: u64 = 20;

/// SplitMix64: a small seeded generator, so that a seed repeats a run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn sha256(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// The `n`th document the writer saves: the complete example with a small
/// edit, and now and then a text just under the limit or hundreds of
/// persons.
fn varied(rng: &mut Rng, n: u64) -> Request {
    let mut request = mla_writer::request::demo::example();
    request.proc.subject_matter = format!("Edit {n}: {}", rng.next());
    match rng.below(100) {
        0 => request.facts.summary = "Ä".repeat((MAX_TEXT_BYTES - rng.below(64) as usize - 2) / 2),
        1..=3 => {
            let person = request.persons[0].clone();
            let count = 100 + rng.below(400) as usize;
            request.persons = vec![person; count];
        }
        4..=10 => request.facts.summary = "A longer account of the facts. ".repeat(100 + rng.below(3_000) as usize),
        _ => {}
    }
    request
}

/// The writer the test kills: saves until it is killed.
#[test]
#[ignore = "the writer process of `saves_acknowledged_before_a_kill_are_all_there`, run by it"]
fn crash_writer() {
    let (Ok(dir), Ok(seed)) = (std::env::var(WRITER_DIR), std::env::var(WRITER_SEED)) else {
        panic!("run by saves_acknowledged_before_a_kill_are_all_there, which sets {WRITER_DIR} and {WRITER_SEED}");
    };
    let mut rng = Rng(seed.parse().unwrap());
    let mut store = Store::open(&Path::new(&dir).join(DATABASE_FILE)).unwrap();
    let mut drafts: Vec<String> = store.list_drafts().unwrap().into_iter().map(|d| d.id).collect();
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready").unwrap();
    let at = datetime!(2026-12-01 09:00 UTC);
    for n in 0.. {
        let request = varied(&mut rng, n);
        let json = to_json(&request);
        out.write_all(b"begin\n").unwrap();
        out.flush().unwrap();
        let tx = store.begin().unwrap();
        let (id, revision) = if drafts.is_empty() || rng.below(8) == 0 {
            let summary = tx.create_draft(&request, at).unwrap();
            (summary.id, summary.revision)
        } else {
            let id = drafts[rng.below(drafts.len() as u64) as usize].clone();
            (id.clone(), tx.save_draft(&id, &request, at).unwrap().revision)
        };
        tx.commit().unwrap();
        writeln!(out, "saved {id} {revision} {}", sha256(&json)).unwrap();
        out.flush().unwrap();
        if !drafts.contains(&id) {
            drafts.push(id);
        }
    }
}

/// What one writer said before it was killed.
struct Round {
    /// Acknowledged saves: draft id, revision, SHA-256 of the document.
    saved: Vec<(String, i64, String)>,
    /// Whether its last word was `begin`: killed inside a transaction.
    inside_transaction: bool,
}

/// Starts a writer on `dir`, kills it `delay` after it is ready, and
/// returns what it said.
fn run_and_kill(dir: &Path, seed: u64, delay: Duration) -> Round {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "crash_writer", "--ignored", "--nocapture", "--test-threads=1", "--quiet"])
        .env(WRITER_DIR, dir)
        .env(WRITER_SEED, seed.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (lines, said) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let mut heard = Vec::new();
    loop {
        match said.recv_timeout(Duration::from_secs(60)) {
            Ok(line) if line == "ready" => break,
            Ok(line) => heard.push(line),
            Err(e) => panic!("the writer never became ready ({e}); it said {heard:?}"),
        }
    }
    std::thread::sleep(delay);
    child.kill().unwrap();
    child.wait().unwrap();
    reader.join().unwrap();
    let mut round = Round { saved: Vec::new(), inside_transaction: false };
    for line in said.try_iter() {
        round.inside_transaction = line == "begin";
        if let Some(ack) = line.strip_prefix("saved ") {
            let parts: Vec<&str> = ack.split(' ').collect();
            assert_eq!(parts.len(), 3, "{line}");
            round.saved.push((parts[0].to_string(), parts[1].parse().unwrap(), parts[2].to_string()));
        }
    }
    round
}

/// Checks the database after a kill: sound, every save of `saved` there
/// with its exact document, and every draft's latest revision at least the
/// one last acknowledged (`latest`).
fn verify(path: &Path, saved: &[(String, i64, String)], latest: &BTreeMap<String, i64>) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let check: Vec<String> =
        conn.prepare("PRAGMA integrity_check").unwrap().query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    assert_eq!(check, ["ok"], "integrity check");
    for (id, revision, hash) in saved {
        let document: Option<String> = conn
            .query_row("SELECT document FROM revisions WHERE draft_id = ?1 AND number = ?2", rusqlite::params![id, revision], |r| {
                Ok(stored_document(r.get_ref(0)?))
            })
            .ok();
        let document = document.unwrap_or_else(|| panic!("draft {id}: acknowledged revision {revision} is missing"));
        assert_eq!(&sha256(&document), hash, "draft {id}: revision {revision} differs from what was saved");
    }
    for (id, acknowledged) in latest {
        let (revision, in_sync): (i64, bool) = conn
            .query_row(
                "SELECT d.revision, d.document, r.document FROM drafts d JOIN revisions r ON r.draft_id = d.id AND r.number = d.revision WHERE d.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get::<_, String>(1)? == stored_document(r.get_ref(2)?))),
            )
            .unwrap_or_else(|e| panic!("draft {id} (acknowledged up to revision {acknowledged}): {e}"));
        assert!(revision >= *acknowledged, "draft {id}: latest revision {revision}, but {acknowledged} was acknowledged");
        assert!(in_sync, "draft {id}: its document is not its latest revision's");
    }
}

/// A revision's document as the store keeps it: JSON text, or JSON
/// compressed with zlib (a revision saved since revisions are compressed).
fn stored_document(stored: rusqlite::types::ValueRef<'_>) -> String {
    use std::io::Read;
    match stored {
        rusqlite::types::ValueRef::Text(bytes) => String::from_utf8(bytes.to_vec()).expect("a revision's JSON is UTF-8"),
        rusqlite::types::ValueRef::Blob(bytes) => {
            let mut json = String::new();
            flate2::read::ZlibDecoder::new(bytes).read_to_string(&mut json).expect("a compressed revision decompresses");
            json
        }
        other => panic!("a revision's document stored as {:?}", other.data_type()),
    }
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().map(|v| v.trim().parse().unwrap_or_else(|_| panic!("{name}={v} is not a number")))
}

#[test]
fn saves_acknowledged_before_a_kill_are_all_there() {
    let seed = env_number("MLA_CRASH_SEED").unwrap_or_else(|| rand_core::OsRng.next_u64());
    let kills = env_number("MLA_CRASH_KILLS").unwrap_or(200);
    let soak = env_number("MLA_CRASH_MINUTES").map(|m| Duration::from_secs(m * 60));
    eprintln!("crash test: seed {seed} (MLA_CRASH_SEED={seed} repeats it)");
    let mut rng = Rng(seed);
    let started = Instant::now();
    let (mut done, mut inside, mut verified, mut drafts) = (0u64, 0u64, 0usize, 0usize);
    while match soak {
        Some(duration) => started.elapsed() < duration,
        None => done < kills,
    } {
        // A new database every few kills keeps the file, and so each check
        // after a kill, small.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DATABASE_FILE);
        let mut all: Vec<(String, i64, String)> = Vec::new();
        let mut latest: BTreeMap<String, i64> = BTreeMap::new();
        for _ in 0..KILLS_PER_DATABASE {
            let delay = Duration::from_micros(rng.below(60_000));
            let round = run_and_kill(dir.path(), rng.next(), delay);
            done += 1;
            inside += u64::from(round.inside_transaction);
            verify(&path, &round.saved, &latest);
            for (id, revision, _) in &round.saved {
                let known = latest.entry(id.clone()).or_default();
                *known = (*known).max(*revision);
            }
            all.extend(round.saved);
        }
        // Every save acknowledged on this database, once more, on its final file.
        verify(&path, &all, &latest);
        verified += all.len();
        drafts += latest.len();
    }
    eprintln!(
        "crash test: {done} kills, {inside} inside a transaction, {} acknowledged saves verified ({} drafts), {:.1} s",
        verified,
        drafts,
        started.elapsed().as_secs_f64()
    );
    assert!(inside * 5 >= done, "only {inside} of {done} kills landed inside a transaction: the test proved too little");
    assert!(verified > 0, "no save was acknowledged in {done} runs");
}
