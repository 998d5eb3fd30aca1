//! The draft store on a real SQLite file.

use mla_writer::request::Request;
use mla_writer::store::{Store, StoreError};

fn example() -> Request {
    mla_writer::request::demo::request()
}

#[test]
fn draft_and_its_revisions_survive_reopening_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("drafts.sqlite3");
    let id = {
        let mut store = Store::open(&path).unwrap();
        let mut request = example();
        let id = store.create_draft(&request).unwrap().id;
        request.facts.summary.push_str(" A second transfer followed.");
        let receipt = store.save_draft(&id, &request).unwrap();
        assert_eq!((receipt.revision, receipt.changed), (2, true));
        assert!(receipt.title.starts_with("PPO-2026-0412"), "{}", receipt.title);
        id
    };
    let store = Store::open(&path).unwrap();
    let draft = store.load_draft(&id).unwrap();
    assert!(draft.request.facts.summary.ends_with("A second transfer followed."));
    assert_eq!(draft.summary.revision, 2);
    let revisions = store.revisions(&id).unwrap();
    assert_eq!(revisions.iter().map(|r| r.number).collect::<Vec<_>>(), vec![1, 2]);
    assert_eq!(store.load_revision(&id, 1).unwrap(), example());
}

#[test]
fn saving_an_unchanged_request_adds_no_revision() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("d.sqlite3")).unwrap();
    let id = store.create_draft(&example()).unwrap().id;
    let receipt = store.save_draft(&id, &example()).unwrap();
    assert_eq!((receipt.revision, receipt.changed), (1, false));
    assert_eq!(store.revisions(&id).unwrap().len(), 1);
}

#[test]
fn database_uses_write_ahead_logging_and_records_its_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.sqlite3");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(version, 2);
}

#[test]
fn database_from_a_newer_app_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.sqlite3");
    rusqlite::Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
    match Store::open(&path) {
        Err(StoreError::TooNew { found: 99, .. }) => {}
        Err(other) => panic!("unexpected error: {other}"),
        Ok(_) => panic!("a newer database was opened"),
    }
}

#[test]
fn demo_request_is_created_once_on_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("d.sqlite3")).unwrap();
    assert!(store.seed_demo_if_empty().unwrap().is_some());
    assert!(store.seed_demo_if_empty().unwrap().is_none());
    let drafts = store.list_drafts().unwrap();
    assert_eq!(drafts.len(), 1);
    assert!(drafts[0].title.contains("PPO-2026-0412"), "{}", drafts[0].title);
}

#[test]
fn saving_to_an_unknown_draft_is_an_error_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("d.sqlite3")).unwrap();
    assert!(matches!(store.save_draft("nope", &example()), Err(StoreError::NotFound(_))));
    assert!(store.list_drafts().unwrap().is_empty());
}

#[test]
fn writers_killed_mid_save_leave_a_consistent_database() {
    // `mla drafts import` processes are killed (SIGKILL) at varying moments,
    // some of them inside their transaction. Every draft that made it must
    // load, with its first revision; nothing half-written may remain.
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(&dir.path().join("mla-writer.sqlite3")).unwrap());
    for n in 0..30u64 {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_mla"))
            .args(["drafts", "import", "examples/mla-evidence-fraud-arden-norland.json"])
            .env("MLA_DATA_DIR", dir.path())
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(n % 10));
        let _ = child.kill();
        let _ = child.wait();
    }
    let store = Store::open(&dir.path().join("mla-writer.sqlite3")).unwrap();
    let drafts = store.list_drafts().unwrap();
    for d in &drafts {
        assert_eq!(store.load_draft(&d.id).unwrap().request, example());
        assert_eq!(store.revisions(&d.id).unwrap().len(), 1, "draft {} lost its revision", d.id);
    }
    let conn = rusqlite::Connection::open(dir.path().join("mla-writer.sqlite3")).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let orphans: i64 = conn
        .query_row("SELECT count(*) FROM revisions WHERE draft_id NOT IN (SELECT id FROM drafts)", [], |r| r.get(0))
        .unwrap();
    assert_eq!(orphans, 0);
}

#[test]
fn follow_up_of_a_preservation_draft_is_a_new_mla_draft_citing_its_reference() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("d.sqlite3")).unwrap();
    let mut preservation = mla_writer::request::read::read_request(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/preservation-ransomware-arden-vestria.json"
    )))
    .unwrap();
    preservation.preservation.preservation_ref = "VST-2026-118".into();
    let id = store.create_draft(&preservation).unwrap().id;
    let follow_up = store.create_follow_up(&id).unwrap();
    assert_ne!(follow_up.summary.id, id);
    assert_eq!(follow_up.request.kind, mla_writer::request::RequestKind::MlaEvidence);
    assert_eq!(follow_up.request.consult.preservation_ref, "VST-2026-118");
    assert_eq!(store.load_draft(&follow_up.summary.id).unwrap().request, follow_up.request);
    assert_eq!(store.list_drafts().unwrap().len(), 2);
    // An MLA draft has no follow-up.
    assert!(matches!(store.create_follow_up(&follow_up.summary.id), Err(StoreError::FollowUp { .. })));
}

#[test]
fn a_translated_draft_is_titled_with_its_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("d.sqlite3")).unwrap();
    let drafted = example();
    let original = store.create_draft(&drafted).unwrap();
    assert!(!original.title.ends_with(']'), "{}", original.title);
    let mut translated = drafted.clone();
    translated.lang.request = "fr".to_string();
    translated.translation.original.insert("facts.summary".to_string(), drafted.facts.summary.clone());
    translated.translation.original_lang = "en".to_string();
    let summary = store.create_draft(&translated).unwrap();
    assert_eq!(summary.title, format!("{} [fr]", original.title));
    let receipt = store.save_draft(&summary.id, &translated).unwrap();
    assert_eq!(receipt.title, summary.title);
}
