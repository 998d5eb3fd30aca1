//! Upgrades keep the data: a database written by an earlier release opens
//! in this one with every draft, every revision and the consultation with a
//! counterpart intact.
//!
//! Each schema version has its fixture, `tests/fixtures/upgrade/schema-N.sqlite3`,
//! never changed afterwards. The fixture of schema 3 was written by the code
//! of that version with
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
//!
//! The fixtures of schemas 1 and 2 (drafts only: the consultation came with
//! schema 3) were written after the fact by `write_the_schema_1_and_2_fixtures`,
//! as the app of those versions wrote them: the first one or two migrations
//! of `src/store/mod.rs` (append only, so exactly the SQL those versions ran),
//! then each draft with the statements the store has used since schema 1.
//!
//! The fixture of schema 7 (the register, annex files, links, the bin) was
//! written by the code of that version with `write_the_schema_7_fixture`.

mod common;

use std::path::{Path, PathBuf};

use mla_writer::exchange::consultation::{self, SharedStatus};
use mla_writer::exchange::thread::{CommentKind, Participant, SuggestionState};
use mla_writer::request::read::{read_request, to_json};
use mla_writer::request::{Request, RequestStatus, StatusChange};
use mla_writer::store::annexes::AnnexSlot;
use mla_writer::store::{LinkKind, RegisterColumn, RegisterQuery, Store, SCHEMA_VERSION};
use serde_json::json;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

/// The schema version the consultation's fixture was written with.
const FIXTURE_SCHEMA: i64 = 3;

/// The fixture of schema `version`.
fn fixture_of(version: i64) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/upgrade/schema-{version}.sqlite3"))
}

fn fixture() -> PathBuf {
    fixture_of(FIXTURE_SCHEMA)
}

/// The requests the drafts of the fixture of schema `version` were made
/// from, by file name.
fn saved_requests_of(version: i64) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/upgrade/schema-{version}.requests"))
}

fn saved_requests() -> PathBuf {
    saved_requests_of(FIXTURE_SCHEMA)
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
    common::anna_berg()
}

fn counterpart() -> Participant {
    common::bjorn_dahl()
}

/// The hour `n` of the day the fixture's drafts were written.
fn hour(n: i64) -> OffsetDateTime {
    datetime!(2026-11-30 09:00 UTC) + Duration::hours(n)
}

const COMMENT: &str = "Which court will hear the witness?";
const SUGGESTED: &str = "Criminal investigation PPO-2026-0412 only.";

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
    let copy = consultation::take_in(&mut theirs, common::deliver(&sent, &a), &b, hour(6)).unwrap().draft_id;
    consultation::comment(&mut theirs, &copy, "persons", CommentKind::Question, COMMENT, &b, hour(7)).unwrap();
    consultation::suggest(&mut theirs, &copy, "purpose.intended_uses", json!(SUGGESTED), "Only this case.", &b, hour(7)).unwrap();
    let reply = consultation::reply(&mut theirs, &copy, &b, "Our question and a suggestion", hour(8)).unwrap();
    consultation::take_in(&mut store, common::deliver(&reply, &b), &a, hour(9)).unwrap();
    drop(store);
    assert!(!path.with_extension("sqlite3-wal").exists(), "the WAL was not checkpointed into the file");
    // Packed, to keep the committed file small.
    rusqlite::Connection::open(&path).unwrap().execute_batch("VACUUM").unwrap();
}

/// The SQL of the migrations in `src/store/mod.rs`, in order: the raw
/// strings of its `MIGRATIONS` list.
fn migrations_in_source() -> Vec<String> {
    let source = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/mod.rs")).unwrap();
    let list = &source[source.find("const MIGRATIONS: &[&str] = &[").unwrap()..];
    let list = &list[..list.find("\"#];").unwrap() + 2];
    list.split("r#\"").skip(1).map(|part| part[..part.find("\"#").unwrap()].to_string()).collect()
}

/// Writes the fixtures of schemas 1 and 2 as the app of those versions
/// wrote its database (see the top of this file).
#[test]
#[ignore = "writes the fixtures; they are kept as they are"]
fn write_the_schema_1_and_2_fixtures() {
    let migrations = migrations_in_source();
    assert_eq!(migrations.len(), SCHEMA_VERSION, "the migrations read from the source");
    let examples = requests_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"));
    for version in [1i64, 2] {
        let path = fixture_of(version);
        let _ = std::fs::remove_file(&path);
        let _ = std::fs::remove_dir_all(saved_requests_of(version));
        std::fs::create_dir_all(saved_requests_of(version)).unwrap();
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        let tx = conn.transaction().unwrap();
        for migration in &migrations[..version as usize] {
            tx.execute_batch(migration).unwrap();
        }
        tx.pragma_update(None, "user_version", version).unwrap();
        tx.commit().unwrap();
        for (n, (name, request)) in examples.iter().enumerate() {
            std::fs::write(saved_requests_of(version).join(name), to_json(request)).unwrap();
            let id = uuid::Uuid::new_v4().to_string();
            let (first, at) = (to_json(&first_revision(request)), mla_writer::store::timestamp(hour(n as i64)));
            let (second, later) = (to_json(request), mla_writer::store::timestamp(hour(n as i64) + Duration::minutes(30)));
            let kind = serde_json::to_value(request.kind).unwrap().as_str().unwrap().to_string();
            let tx = conn.transaction().unwrap();
            tx.execute(
                "INSERT INTO drafts (id, title, kind, created_at, updated_at, revision, document) VALUES (?1, ?2, ?3, ?4, ?4, 1, ?5)",
                rusqlite::params![id, mla_writer::store::draft_title(&first_revision(request)), kind, at, first],
            )
            .unwrap();
            tx.execute("INSERT INTO revisions (draft_id, number, saved_at, document) VALUES (?1, 1, ?2, ?3)", rusqlite::params![id, at, first])
                .unwrap();
            tx.execute(
                "UPDATE drafts SET title = ?2, updated_at = ?3, revision = 2, document = ?4 WHERE id = ?1",
                rusqlite::params![id, mla_writer::store::draft_title(request), later, second],
            )
            .unwrap();
            tx.execute("INSERT INTO revisions (draft_id, number, saved_at, document) VALUES (?1, 2, ?2, ?3)", rusqlite::params![id, later, second])
                .unwrap();
            tx.commit().unwrap();
        }
        drop(conn);
        rusqlite::Connection::open(&path).unwrap().execute_batch("VACUUM").unwrap();
    }
}

/// Opens a copy of the fixture of schema `version` as the app opens its
/// database and checks that every draft holds its request, with both
/// revisions; returns the store and the evidence request's draft id.
fn open_with_every_draft_intact(version: i64, dir: &Path) -> (Store, String) {
    assert_eq!(user_version(&fixture_of(version)), version, "the fixture is not the database it says it is");
    let path = dir.join("mla-writer.sqlite3");
    std::fs::copy(fixture_of(version), &path).unwrap();
    let store = Store::open(&path).unwrap();
    let drafts = store.list_drafts().unwrap();
    let examples = requests_in(&saved_requests_of(version));
    assert_eq!(examples.len(), 4, "the requests saved beside the fixture");
    assert_eq!(drafts.len(), examples.len(), "drafts: {drafts:?}");
    let mut evidence = None;
    for (name, expected) in &examples {
        let found: Vec<_> = drafts.iter().filter(|d| store.load_draft(&d.id).unwrap().request == *expected).collect();
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
    // Brought to this version's schema.
    assert_eq!(user_version(&path), SCHEMA_VERSION as i64);
    (store, evidence.unwrap())
}

#[test]
fn a_schema_1_database_opens_with_every_draft_and_revision() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, draft) = open_with_every_draft_intact(1, dir.path());
    assert!(consultation::shared_request(&mut store, &draft).unwrap().is_none(), "a consultation that never was");
    let receipt = store.save_draft(&draft, &first_revision(&store.load_draft(&draft).unwrap().request)).unwrap();
    assert_eq!(receipt.revision, 3);
}

#[test]
fn a_schema_2_database_opens_with_every_draft_and_revision() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, draft) = open_with_every_draft_intact(2, dir.path());
    assert!(consultation::shared_request(&mut store, &draft).unwrap().is_none(), "a consultation that never was");
    let receipt = store.save_draft(&draft, &first_revision(&store.load_draft(&draft).unwrap().request)).unwrap();
    assert_eq!(receipt.revision, 3);
}

fn user_version(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.pragma_query_value(None, "user_version", |row| row.get(0)).unwrap()
}

#[test]
fn a_schema_3_database_opens_with_every_draft_revision_and_consultation() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, draft) = open_with_every_draft_intact(FIXTURE_SCHEMA, dir.path());
    let shared = consultation::shared_request(&mut store, &draft).unwrap().expect("the consultation is kept");
    assert_eq!(shared.status, SharedStatus::ReplyReceived);
    assert_eq!(shared.counterparts, vec![counterpart()]);
    let thread = consultation::thread(&mut store, &draft).unwrap();
    assert_eq!(thread.comments.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), vec![COMMENT]);
    assert_eq!(thread.suggestions.len(), 1);
    assert_eq!(thread.suggestions[0].proposed, json!(SUGGESTED));
    assert_eq!(thread.suggestions[0].state, SuggestionState::Open);
    assert_eq!(consultation::packages(&mut store, &draft).unwrap().len(), 2, "the package sent and the reply");

    // A draft saved after the upgrade gets the next revision.
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

/// The schema version the register's fixture was written with: the last
/// before the register's indexes for its first page.
const REGISTER_SCHEMA: i64 = 7;

/// The annex file attached to the evidence request of the register's fixture.
const ANNEX: &[u8] = b"Statement of account 0412, 1 to 31 October 2026.\n";

/// What the register's fixture says of the evidence request: sent, with the
/// counterpart's reference.
fn sent(request: &Request) -> Request {
    let mut r = request.clone();
    r.consult.status_log.push(StatusChange {
        status: Some(RequestStatus::Sent),
        date: "2026-11-02".into(),
        counterpart_ref: "NOR-2026-77".into(),
        note: "by e-mail".into(),
    });
    r
}

/// Writes the fixture of schema 7 with the code of that version (run by
/// hand, see the top of this file): the four examples, each saved twice
/// (revision 1 with another subject matter, revision 2 the request of
/// `schema-7.requests/`, the evidence request sent); a third revision of the
/// evidence request with a file in a new annex; the preservation request
/// linked to the evidence request as its follow-up; and a fifth draft, in
/// the bin, whose request is in `schema-7.requests/bin/`.
#[test]
#[ignore = "writes the fixture; run by hand when a schema version is added"]
fn write_the_schema_7_fixture() {
    assert_eq!(SCHEMA_VERSION as i64, REGISTER_SCHEMA, "this generator writes schema {REGISTER_SCHEMA}: write a new one");
    let path = fixture_of(REGISTER_SCHEMA);
    let _ = std::fs::remove_file(&path);
    let saved = saved_requests_of(REGISTER_SCHEMA);
    let _ = std::fs::remove_dir_all(&saved);
    std::fs::create_dir_all(saved.join("bin")).unwrap();
    let mut store = Store::open(&path).unwrap();
    let examples = requests_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"));
    let (mut evidence, mut preservation) = (None, None);
    for (n, (name, example)) in examples.iter().enumerate() {
        let request = if name.starts_with("mla-evidence") { sent(example) } else { example.clone() };
        std::fs::write(saved.join(name), to_json(&request)).unwrap();
        let tx = store.begin().unwrap();
        let summary = tx.create_draft(&first_revision(&request), hour(n as i64)).unwrap();
        tx.save_draft(&summary.id, &request, hour(n as i64) + Duration::minutes(30)).unwrap();
        tx.commit().unwrap();
        if name.starts_with("mla-evidence") {
            evidence = Some((summary.id, request));
        } else if name.starts_with("preservation") {
            preservation = Some(summary.id);
        }
    }
    let (evidence, request) = evidence.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("statement.txt");
    std::fs::write(&file, ANNEX).unwrap();
    store.attach_annex_file(&evidence, &request, AnnexSlot::New { title: "Bank statement".into() }, &file).unwrap();
    store.link_drafts(&preservation.unwrap(), &evidence, LinkKind::FollowUp, hour(5)).unwrap();
    let (name, example) = &examples[0];
    let mut binned = example.clone();
    binned.case.internal_ref = "BIN-2026-1".into();
    std::fs::write(saved.join("bin").join(name), to_json(&binned)).unwrap();
    let id = store.create_draft(&binned).unwrap().id;
    store.delete_draft(&id, hour(6)).unwrap();
    drop(store);
    assert!(!path.with_extension("sqlite3-wal").exists(), "the WAL was not checkpointed into the file");
    rusqlite::Connection::open(&path).unwrap().execute_batch("VACUUM").unwrap();
}

#[test]
fn a_schema_7_database_opens_with_its_register_annex_link_and_bin() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(user_version(&fixture_of(REGISTER_SCHEMA)), REGISTER_SCHEMA, "the fixture is not the database it says it is");
    let path = dir.path().join("mla-writer.sqlite3");
    std::fs::copy(fixture_of(REGISTER_SCHEMA), &path).unwrap();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(user_version(&path), SCHEMA_VERSION as i64);

    // Every draft holds its request, with its revisions.
    let drafts = store.list_drafts().unwrap();
    let saved = requests_in(&saved_requests_of(REGISTER_SCHEMA));
    assert_eq!((saved.len(), drafts.len()), (4, 4), "drafts: {drafts:?}");
    let mut ids = std::collections::HashMap::new();
    for (name, expected) in &saved {
        let id = drafts.iter().find(|d| store.load_revision(&d.id, 2).is_ok_and(|r| r == *expected)).map(|d| d.id.clone());
        let id = id.unwrap_or_else(|| panic!("{name}: the draft holding it is missing or changed"));
        assert_eq!(store.load_revision(&id, 1).unwrap(), first_revision(expected), "{name}: revision 1");
        let annexed = name.starts_with("mla-evidence");
        let numbers: Vec<i64> = store.revisions(&id).unwrap().iter().map(|r| r.number).collect();
        assert_eq!(numbers, if annexed { vec![1, 2, 3] } else { vec![1, 2] }, "{name}: revisions");
        if !annexed {
            assert_eq!(store.load_draft(&id).unwrap().request, *expected, "{name}");
        }
        ids.insert(name.split('-').next().unwrap().to_string(), id);
    }
    let (evidence, preservation) = (&ids["mla"], &ids["preservation"]);

    // The annex file, cited by the evidence request's last revision.
    let current = store.load_draft(evidence).unwrap().request;
    let annex = current.attachments.last().unwrap();
    assert_eq!(annex.title, "Bank statement");
    let file = annex.file.as_ref().expect("the annex keeps its file");
    assert_eq!(store.annex_file_bytes(&file.sha256).unwrap().as_deref(), Some(ANNEX));
    let mut without_annex = current.clone();
    without_annex.attachments.pop();
    assert_eq!(without_annex, store.load_revision(evidence, 2).unwrap(), "only the annex was added");

    // The register: the status, its date and reference, and the link.
    let page = store.register_page(&RegisterQuery { status: Some(RequestStatus::Sent), ..RegisterQuery::default() }).unwrap();
    let entries: Vec<_> = page.entries.iter().map(|e| (e.id.as_str(), e.status_date.as_str(), e.counterpart_ref.as_str())).collect();
    assert_eq!(entries, vec![(evidence.as_str(), "2026-11-02", "NOR-2026-77")]);
    let all = store.register_page(&RegisterQuery { sort: RegisterColumn::NextDeadline, ..RegisterQuery::default() }).unwrap();
    assert_eq!(all.entries.len(), 4, "the draft in the bin is off the register");
    let links = store.links(evidence).unwrap();
    assert_eq!(links.iter().map(|l| (l.kind, l.incoming, l.other_id.as_str())).collect::<Vec<_>>(), vec![(LinkKind::FollowUp, true, preservation.as_str())]);

    // The draft in the bin, restored whole.
    let bin = store.bin().unwrap();
    assert_eq!(bin.len(), 1);
    let binned = requests_in(&saved_requests_of(REGISTER_SCHEMA).join("bin"));
    store.restore_draft(&bin[0].summary.id).unwrap();
    assert_eq!(store.load_draft(&bin[0].summary.id).unwrap().request, binned[0].1);

    // A draft saved after the upgrade gets the next revision.
    let receipt = store.save_draft(evidence, &without_annex).unwrap();
    assert_eq!(receipt.revision, 4);
}

/// Titles written before the interface worded untitled drafts itself lose
/// the English words, keeping the requested State and the language.
#[test]
fn an_untitled_draft_of_an_earlier_schema_keeps_no_english_words_in_its_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mla-writer.sqlite3");
    std::fs::copy(fixture_of(7), &path).unwrap();
    let titles = ["Untitled request", "Untitled request → Norland", "Untitled request → Norland [fr]", "Untitled requests of 2019 → Norland"];
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        let ids: Vec<String> = conn.prepare("SELECT id FROM drafts ORDER BY id").unwrap().query_map([], |row| row.get(0)).unwrap().map(Result::unwrap).collect();
        assert!(ids.len() >= titles.len());
        for (id, title) in ids.iter().zip(titles) {
            conn.execute("UPDATE drafts SET title = ?1 WHERE id = ?2", [title, id.as_str()]).unwrap();
        }
    }
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let found: Vec<String> = conn.prepare("SELECT title FROM drafts ORDER BY id").unwrap().query_map([], |row| row.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(found[..titles.len()], ["", "→ Norland", "→ Norland [fr]", "Untitled requests of 2019 → Norland"]);
}
