//! Property-based fuzzing of the package reader (proptest). Inputs are
//! derived from a real package so that they reach every stage: raw bytes
//! (the age header parser), containers altered then encrypted to the reader
//! (the tar reader, entry names, signature), and manifests altered then
//! signed again by the sender (the strict JSON readers, the entry list, the
//! digests, the documents). The reader must never panic, and whatever it
//! accepts must be exactly what the sender signed.
//!
//! The test runs for `MLA_FUZZ_SECONDS` seconds (default 3, so that
//! `make test` stays quick; `make fuzz` runs it longer) and prints the
//! number of executions. A panicking input is written to
//! `target/fuzz-crashes/` and fails the test; keep it as a regression case
//! in [`REGRESSIONS`].

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use time::macros::datetime;

use crate::exchange::card::Profile;
use crate::exchange::identity::UnlockedIdentity;
use crate::exchange::package::{read, write, Keys, Limits, Recipients};
use crate::exchange::thread::{AnnexSource, LineageEntry, Outgoing, RevisionOrigin, Round, Thread};

/// Inputs that once made the reader misbehave, as (mode, bytes).
const REGRESSIONS: &[(u8, &[u8])] = &[];

/// How one input is made from the reference package.
#[derive(Debug, Clone)]
enum Mutation {
    /// Raw bytes given to the reader as they are.
    Raw(Vec<u8>),
    /// The reference ciphertext with bytes changed.
    Ciphertext(Vec<(usize, u8)>),
    /// The container with bytes changed (or cut), encrypted to the reader.
    Container { edits: Vec<(usize, u8)>, cut: Option<usize> },
    /// The manifest with bytes changed, signed again, in the container.
    Manifest(Vec<(usize, u8)>),
    /// A JSON document replaced by other JSON text, listed with its true
    /// digest in a manifest signed again.
    Document { index: usize, text: String },
}

struct Fixture {
    sender: UnlockedIdentity,
    reader: UnlockedIdentity,
    package: Vec<u8>,
    container: Vec<u8>,
    /// (name, data offset, size) of each entry.
    entries: Vec<(String, usize, usize)>,
    _annex_source: tempfile::TempDir,
}

fn fixture() -> Fixture {
    let who = |name: &str| Profile { name: name.into(), authority: "Central Authority".into(), email: "ca@example.org".into() };
    let sender = UnlockedIdentity::generate(&who("Ana"), datetime!(2026-03-01 09:00 UTC)).unwrap();
    let reader = UnlockedIdentity::generate(&who("Ingrid"), datetime!(2026-03-01 09:00 UTC)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let annex = dir.path().join("a.pdf");
    std::fs::write(&annex, b"%PDF-1.7 small annex").unwrap();
    let outgoing = Outgoing {
        package_id: "0b6f7a52-3c1d-4e8f-9a2b-5c6d7e8f9a0b".into(),
        created: "2026-03-02T10:00:00Z".into(),
        round: Round { request_id: "r".into(), base_revision: 1, answers: None, sequence: 1, from_originator: true },
        request: crate::request::demo::example(),
        lineage: vec![LineageEntry { revision: 1, sha256: "0".repeat(64), at: "2026-03-01T09:00:00Z".into(), origin: RevisionOrigin::Local }],
        thread: Thread::default(),
        note: "note".into(),
        annexes: vec![AnnexSource { name: "a.pdf".into(), path: annex }],
    };
    let mut package = Vec::new();
    write(&mut package, &sender, &Recipients::Contacts(vec![reader.card().clone()]), &outgoing).unwrap();
    let mut container = Vec::new();
    age::Decryptor::new(&package[..])
        .unwrap()
        .decrypt(std::iter::once(reader.age_identity() as &dyn age::Identity))
        .unwrap()
        .read_to_end(&mut container)
        .unwrap();
    let entries = entries_of(&container);
    Fixture { sender, reader, package, container, entries, _annex_source: dir }
}

fn entries_of(tar: &[u8]) -> Vec<(String, usize, usize)> {
    let mut archive = tar::Archive::new(tar);
    archive
        .entries()
        .unwrap()
        .raw(true)
        .map(|e| {
            let e = e.unwrap();
            (String::from_utf8_lossy(&e.path_bytes()).into_owned(), e.raw_file_position() as usize, e.size() as usize)
        })
        .collect()
}

fn encrypt_to(reader: &UnlockedIdentity, plaintext: &[u8]) -> Vec<u8> {
    let recipient = reader.age_identity().to_public();
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient)).unwrap();
    let mut out = Vec::new();
    let mut writer = encryptor.wrap_output(&mut out).unwrap();
    writer.write_all(plaintext).unwrap();
    writer.finish().unwrap();
    out
}

/// A container with the manifest (and optionally one document) replaced and
/// the manifest signed again by the sender.
fn resigned(f: &Fixture, manifest: Vec<u8>, document: Option<(usize, Vec<u8>)>) -> Vec<u8> {
    let mut builder = tar::Builder::new(Vec::new());
    let mut add = |name: &str, data: &[u8]| {
        let mut header = tar::Header::new_ustar();
        header.set_path(name).unwrap();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        builder.append(&header, data).unwrap();
    };
    let signature = f.sender.sign(&manifest).to_bytes();
    add("manifest.json", &manifest);
    add("manifest.sig", &signature);
    for (index, (name, at, size)) in f.entries.iter().enumerate().skip(2) {
        match &document {
            Some((i, text)) if *i + 2 == index => add(name, text),
            _ => add(name, &f.container[*at..*at + *size]),
        }
    }
    builder.into_inner().unwrap()
}

fn apply(bytes: &mut Vec<u8>, edits: &[(usize, u8)]) {
    if bytes.is_empty() {
        return;
    }
    for (at, value) in edits {
        let len = bytes.len();
        bytes[at % len] = *value;
    }
}

fn input(f: &Fixture, mutation: &Mutation) -> Vec<u8> {
    match mutation {
        Mutation::Raw(bytes) => bytes.clone(),
        Mutation::Ciphertext(edits) => {
            let mut bytes = f.package.clone();
            apply(&mut bytes, edits);
            bytes
        }
        Mutation::Container { edits, cut } => {
            let mut bytes = f.container.clone();
            apply(&mut bytes, edits);
            if let Some(cut) = cut {
                bytes.truncate(cut % (bytes.len() + 1));
            }
            encrypt_to(&f.reader, &bytes)
        }
        Mutation::Manifest(edits) => {
            let (_, at, size) = &f.entries[0];
            let mut manifest = f.container[*at..*at + *size].to_vec();
            apply(&mut manifest, edits);
            encrypt_to(&f.reader, &resigned(f, manifest, None))
        }
        Mutation::Document { index, text } => {
            let index = index % 3;
            let (_, at, size) = &f.entries[0];
            let mut manifest: serde_json::Value = serde_json::from_slice(&f.container[*at..*at + *size]).unwrap();
            let entry = &mut manifest["entries"][index];
            entry["size"] = text.len().into();
            entry["sha256"] = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(text.as_bytes())).into();
            let manifest = serde_json::to_vec(&manifest).unwrap();
            encrypt_to(&f.reader, &resigned(f, manifest, Some((index, text.as_bytes().to_vec()))))
        }
    }
}

fn edits() -> impl Strategy<Value = Vec<(usize, u8)>> {
    prop::collection::vec((any::<usize>(), any::<u8>()), 1..6)
}

/// JSON-ish text: valid documents with hostile values, and broken ones.
fn json_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("{}".to_string()),
        Just("[]".to_string()),
        Just("{\"comments\":[],\"suggestions\":[]}".to_string()),
        Just("{\"comments\":[],\"suggestions\":[],\"x\":1}".to_string()),
        Just("[{\"revision\":1,\"sha256\":\"\",\"at\":\"\",\"origin\":{\"type\":\"nowhere\"}}]".to_string()),
        Just("{\"kind\":\"mla_evidence\",\"persons\":[{\"role\":\"boss\"}]}".to_string()),
        Just("{\"format_version\":99}".to_string()),
        "[\\[\\]{}\",:0-9a-z\\\\ ]{0,60}",
        any::<String>(),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400).prop_map(Mutation::Raw),
        edits().prop_map(Mutation::Ciphertext),
        (edits(), prop::option::of(any::<usize>())).prop_map(|(edits, cut)| Mutation::Container { edits, cut }),
        edits().prop_map(Mutation::Manifest),
        (any::<usize>(), json_text()).prop_map(|(index, text)| Mutation::Document { index, text }),
    ]
}

/// Reads `bytes`; `Err` is fine, a panic is a failure, and an accepted
/// package that the sender did not sign again must carry exactly the
/// reference content.
fn check(f: &Fixture, bytes: &[u8], reference: &crate::exchange::thread::Incoming, signed_again: bool) -> Result<bool, String> {
    let dir = tempfile::tempdir().unwrap();
    let keys = [f.reader.clone()];
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read(bytes, &Keys::Identities(&keys), &[], &Limits::default(), dir.path())
    }));
    match outcome {
        Err(_) => Err("the reader panicked".into()),
        Ok(Err(_)) => Ok(false),
        Ok(Ok(opened)) => {
            let got = &opened.incoming;
            if !signed_again
                && (got.request != reference.request || got.thread != reference.thread || got.lineage != reference.lineage || got.round != reference.round)
            {
                return Err("an altered package was accepted with other content".into());
            }
            Ok(true)
        }
    }
}

#[test]
fn the_package_reader_survives_altered_packages() {
    let seconds: u64 = std::env::var("MLA_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(3);
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let keys = [f.reader.clone()];
    let reference = read(&f.package[..], &Keys::Identities(&keys), &[], &Limits::default(), dir.path()).unwrap().incoming;

    for (mode, bytes) in REGRESSIONS {
        let input = if *mode == 0 { bytes.to_vec() } else { encrypt_to(&f.reader, bytes) };
        check(&f, &input, &reference, false).unwrap();
    }

    let mut runner = TestRunner::new(Config { failure_persistence: None, ..Config::default() });
    let strategy = mutation();
    let start = Instant::now();
    let (mut executions, mut accepted) = (0u64, 0u64);
    while start.elapsed() < Duration::from_secs(seconds) {
        let case = strategy.new_tree(&mut runner).expect("a case").current();
        let bytes = input(&f, &case);
        let signed_again = matches!(case, Mutation::Manifest(_) | Mutation::Document { .. });
        match check(&f, &bytes, &reference, signed_again) {
            Ok(ok) => accepted += ok as u64,
            Err(problem) => {
                let crashes = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-crashes");
                std::fs::create_dir_all(&crashes).unwrap();
                let file = crashes.join(format!("package-{executions}.age"));
                std::fs::write(&file, &bytes).unwrap();
                panic!("{problem} on {case:?}; input written to {}", file.display());
            }
        }
        executions += 1;
    }
    println!(
        "package reader fuzz: {executions} executions in {:.1} s ({accepted} accepted, {} rejected)",
        start.elapsed().as_secs_f64(),
        executions - accepted
    );
    assert!(executions > 0);
}
