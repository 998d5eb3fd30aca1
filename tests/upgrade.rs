//! Upgrades keep the data: a database written by an earlier release opens
//! in this one with every draft, every revision and the consultation with a
//! counterpart intact.
//!
//! Each schema version has its fixture, `tests/fixtures/upgrade/schema-N.sqlite3`,
//! written by the code of that version and never changed afterwards. The
//! fixture of schema 3 was made with
//!
//!     cargo test -p mla-writer --test upgrade -- --ignored write_the_schema_3_fixture
//!
//! from the four example requests (`examples/`, copied beside it as they were
//! then, in `schema-3.requests/`: the drafts must hold them whatever the
//! examples become), each saved twice (revision 1 with another subject
//! matter, revision 2 the example itself), and the
//! evidence request sent for consultation to a counterpart, who commented,
//! suggested an edit and replied. When a migration is added, keep this
//! fixture and its test, write `schema-N.sqlite3` with the new code (a
//! generator like the one below) and give it a test of its own.

use std::path::{Path, PathBuf};

use mla_writer::exchange::consultation::{self, SharedStatus};
use mla_writer::exchange::thread::{CommentKind, Incoming, Outgoing, Participant, SuggestionState};
use mla_writer::request::read::{read_request, to_json};
use mla_writer::request::Request;
use mla_writer::store::{Store, SCHEMA_VERSION};
use serde_json::json;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

/// The schema version the fixture was written with.
const FIXTURE_SCHEMA: i64 = 3;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/upgrade/schema-{FIXTURE_SCHEMA}.sqlite3"))
}

/// The requests the fixture's drafts were made from, by file name.
fn saved_requests() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/upgrade/schema-{FIXTURE_SCHEMA}.requests"))
}

/// The requests of the JSON files of `dir`, by file name.
fn requests_in(dir: &Path) -> Vec<(String, Request)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files.into_iter().map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), read_request(&p).unwrap())).collect()
}

/// Revision 1 of a draft: the request with another subject matter.
fn first_revision(request: &Request) -> Request {
    let mut value = serde_json::to_value(request).unwrap();
    value.as_object_mut().unwrap().entry("proc").or_insert(json!({}))["subject_matter"] = json!("First draft, before review");
    serde_json::from_value(value).unwrap()
}

fn originator() -> Participant {
    Participant {
        fingerprint: "ARDEN-7F3A-11C2".into(),
        name: "Anna Berg".into(),
        authority: "Public Prosecution Office of the Republic of Arden".into(),
    }
}

fn counterpart() -> Participant {
    Participant {
        fingerprint: "NORLAND-02B9-8E41".into(),
        name: "Bjørn Dahl".into(),
        authority: "Central Authority, Ministry of Justice of Norland".into(),
    }
}

/// The hour `n` of the day the fixture's drafts were written.
fn hour(n: i64) -> OffsetDateTime {
    datetime!(2026-11-30 09:00 UTC) + Duration::hours(n)
}

const COMMENT: &str = "Which court will hear the witness?";
const SUGGESTED: &str = "Criminal investigation PPO-2026-0412 only.";

/// The package as the recipient's package layer hands it over once verified.
fn deliver(out: &Outgoing, sender: &Participant) -> Incoming {
    Incoming {
        package_id: out.package_id.clone(),
        sender: sender.clone(),
        created: out.created.clone(),
        round: out.round.clone(),
        request: out.request.clone(),
        lineage: out.lineage.clone(),
        thread: out.thread.clone(),
        note: out.note.clone(),
        annexes: Vec::new(),
    }
}

/// Writes the fixture with the current code (run by hand, see the top of
/// this file); the database is closed, so the file is whole (no WAL beside it).
#[test]
#[ignore = "writes the fixture; run by hand when a schema version is added"]
fn write_the_schema_3_fixture() {
    assert_eq!(SCHEMA_VERSION as i64, FIXTURE_SCHEMA, "this generator writes schema {FIXTURE_SCHEMA}: write a new one");
    let path = fixture();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let _ = std::fs::remove_file(&path);
    let mut store = Store::open(&path).unwrap();
    let examples = requests_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"));
    let _ = std::fs::remove_dir_all(saved_requests());
    std::fs::create_dir_all(saved_requests()).unwrap();
    let mut evidence = None;
    for (n, (name, request)) in examples.iter().enumerate() {
        std::fs::write(saved_requests().join(name), to_json(request)).unwrap();
        let tx = store.begin().unwrap();
        let summary = tx.create_draft(&first_revision(request), hour(n as i64)).unwrap();
        tx.save_draft(&summary.id, request, hour(n as i64) + Duration::minutes(30)).unwrap();
        tx.commit().unwrap();
        if name.starts_with("mla-evidence") {
            evidence = Some(summary.id);
        }
    }
    let draft = evidence.unwrap();
    let (a, b) = (originator(), counterpart());
    let sent = consultation::send_for_consultation(&mut store, &draft, &a, &[b.clone()], "Draft for your comments", hour(5)).unwrap();

    let other = tempfile::tempdir().unwrap();
    let mut theirs = Store::open(&other.path().join("mla-writer.sqlite3")).unwrap();
    let copy = consultation::take_in(&mut theirs, deliver(&sent, &a), &b, hour(6)).unwrap().draft_id;
    consultation::comment(&mut theirs, &copy, "persons", CommentKind::Question, COMMENT, &b, hour(7)).unwrap();
    consultation::suggest(&mut theirs, &copy, "purpose.intended_uses", json!(SUGGESTED), "Only this case.", &b, hour(7)).unwrap();
    let reply = consultation::reply(&mut theirs, &copy, &b, "Our question and a suggestion", hour(8)).unwrap();
    consultation::take_in(&mut store, deliver(&reply, &b), &a, hour(9)).unwrap();
    drop(store);
    assert!(!path.with_extension("sqlite3-wal").exists(), "the WAL was not checkpointed into the file");
    // Packed, to keep the committed file small.
    rusqlite::Connection::open(&path).unwrap().execute_batch("VACUUM").unwrap();
}

fn user_version(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.pragma_query_value(None, "user_version", |row| row.get(0)).unwrap()
}

#[test]
fn a_schema_3_database_opens_with_every_draft_revision_and_consultation() {
    assert_eq!(user_version(&fixture()), FIXTURE_SCHEMA, "the fixture is not the database it says it is");
    // Opened as the app opens its data directory's database, on a copy.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mla-writer.sqlite3");
    std::fs::copy(fixture(), &path).unwrap();
    let mut store = Store::open(&path).unwrap();

    let drafts = store.list_drafts().unwrap();
    let examples = requests_in(&saved_requests());
    assert_eq!(examples.len(), 4, "the requests saved beside the fixture");
    assert_eq!(drafts.len(), examples.len(), "drafts: {drafts:?}");
    let mut evidence = None;
    for (name, expected) in &examples {
        let found: Vec<_> = drafts
            .iter()
            .filter(|d| store.load_draft(&d.id).unwrap().request == *expected)
            .collect();
        assert_eq!(found.len(), 1, "{name}: the draft holding it is missing or changed");
        let id = &found[0].id;
        assert_eq!(found[0].revision, 2, "{name}");
        let numbers: Vec<i64> = store.revisions(id).unwrap().iter().map(|r| r.number).collect();
        assert_eq!(numbers, vec![1, 2], "{name}: revisions");
        assert_eq!(store.load_revision(id, 1).unwrap(), first_revision(expected), "{name}: revision 1");
        assert_eq!(store.load_revision(id, 2).unwrap(), *expected, "{name}: revision 2");
        if name.starts_with("mla-evidence") {
            evidence = Some(id.clone());
        }
    }

    let draft = evidence.unwrap();
    let shared = consultation::shared_request(&mut store, &draft).unwrap().expect("the consultation is kept");
    assert_eq!(shared.status, SharedStatus::ReplyReceived);
    assert_eq!(shared.counterparts, vec![counterpart()]);
    let thread = consultation::thread(&mut store, &draft).unwrap();
    assert_eq!(thread.comments.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), vec![COMMENT]);
    assert_eq!(thread.suggestions.len(), 1);
    assert_eq!(thread.suggestions[0].proposed, json!(SUGGESTED));
    assert_eq!(thread.suggestions[0].state, SuggestionState::Open);
    assert_eq!(consultation::packages(&mut store, &draft).unwrap().len(), 2, "the package sent and the reply");

    // The opened database is brought to this version's schema, and a draft
    // saved after the upgrade gets the next revision.
    assert_eq!(user_version(&path), SCHEMA_VERSION as i64);
    let receipt = store.save_draft(&draft, &first_revision(&store.load_draft(&draft).unwrap().request)).unwrap();
    assert_eq!(receipt.revision, 3);
}

#[test]
fn a_schema_3_draft_lists_what_each_revision_changed() {
    // Revisions saved before the store kept their changes have them
    // computed from their documents.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mla-writer.sqlite3");
    std::fs::copy(fixture(), &path).unwrap();
    let store = Store::open(&path).unwrap();
    for draft in store.list_drafts().unwrap() {
        let history = store.history(&draft.id).unwrap();
        let changes: Vec<(i64, Vec<String>)> = history.into_iter().map(|e| (e.number, e.changes)).collect();
        assert_eq!(changes, vec![(1, vec![]), (2, vec!["proc.subject_matter".to_string()])], "{}", draft.title);
    }
}
