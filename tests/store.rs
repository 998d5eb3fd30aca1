//! The draft store on a real SQLite file.

mod common;

use std::path::Path;
use std::process::Output;

use mla_writer::checks;
use mla_writer::i18n::Lang;
use mla_writer::request::demo::EXAMPLES_DATE;
use mla_writer::request::Request;
use mla_writer::store::{Store, StoreError, DATABASE_FILE};
use time::macros::date;

fn example() -> Request {
    mla_writer::request::demo::example()
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
fn a_draft_beyond_the_limits_is_not_saved_and_its_last_state_is_kept() {
    use mla_writer::request::read::{MAX_LIST_ITEMS, MAX_TEXT_BYTES};
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("d.sqlite3")).unwrap();
    let id = store.create_draft(&example()).unwrap().id;
    let mut long = example();
    long.facts.summary = "x".repeat(MAX_TEXT_BYTES + 1);
    let error = store.save_draft(&id, &long).unwrap_err();
    assert!(matches!(error, StoreError::TooLarge(_)), "{error}");
    assert!(error.to_string().contains("$.facts.summary"), "{error}");
    let mut many = example();
    many.persons = vec![many.persons[0].clone(); MAX_LIST_ITEMS + 1];
    let error = store.create_draft(&many).unwrap_err();
    assert!(error.to_string().contains("$.persons"), "{error}");
    assert_eq!(store.load_draft(&id).unwrap().request, example());
    assert_eq!(store.revisions(&id).unwrap().len(), 1);
    assert_eq!(store.list_drafts().unwrap().len(), 1);
    long.facts.summary = "x".repeat(MAX_TEXT_BYTES);
    assert_eq!(store.save_draft(&id, &long).unwrap().revision, 2);
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
    assert_eq!(version, mla_writer::store::SCHEMA_VERSION as i64);
}

#[test]
fn database_from_a_newer_app_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.sqlite3");
    {
        // A newer app's database, in the rollback-journal mode SQLite starts in.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('kept');").unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    assert_eq!(before[18..20], [1, 1], "the file starts in rollback-journal mode");
    for open in [Store::open, Store::open_read_only] {
        match open(&path) {
            Err(e @ StoreError::TooNew { found: 99, .. }) => assert!(e.to_string().ends_with("Update MLA Writer"), "{e}"),
            Err(other) => panic!("unexpected error: {other}"),
            Ok(_) => panic!("a newer database was opened"),
        }
        assert!(std::fs::read(&path).unwrap() == before, "the refused file changed");
        assert_eq!(files_in(dir.path()), ["d.sqlite3"], "the refusal left a journal beside the file");
    }
}

/// The names of the files in `dir`, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

const EXAMPLE: &str = "examples/mla-evidence-fraud-arden-norland.json";

fn mla(dir: &Path, args: &[&str]) -> Output {
    common::mla(args, dir)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn eight_processes_creating_the_database_at_once_all_succeed() {
    // Every round starts from an empty data directory: the eight first
    // imports race to create the database and migrate it.
    for round in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let children: Vec<_> = (0..8)
            .map(|_| {
                std::process::Command::new(env!("CARGO_BIN_EXE_mla"))
                    .args(["drafts", "import", EXAMPLE])
                    .env("MLA_DATA_DIR", dir.path())
                    .current_dir(env!("CARGO_MANIFEST_DIR"))
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let mut ids = Vec::new();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "round {round}: {}", stderr(&out));
            ids.push(String::from_utf8(out.stdout).unwrap().trim().to_string());
        }
        let store = Store::open(&dir.path().join(DATABASE_FILE)).unwrap();
        let mut listed: Vec<String> = store.list_drafts().unwrap().into_iter().map(|d| d.id).collect();
        listed.sort();
        ids.sort();
        assert_eq!(listed, ids, "round {round}");
        let conn = rusqlite::Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, mla_writer::store::SCHEMA_VERSION as i64);
    }
}

#[test]
fn threads_opening_a_new_database_at_once_migrate_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let barrier = std::sync::Barrier::new(8);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                scope.spawn(|| {
                    barrier.wait();
                    let mut store = Store::open(&path)?;
                    store.create_draft(&example()).map(|_| ())
                })
            })
            .collect();
        for handle in handles {
            handle.join().unwrap().unwrap();
        }
    });
    assert_eq!(Store::open(&path).unwrap().list_drafts().unwrap().len(), 8);
}

/// A database of `drafts` drafts at `path`, closed (its log written back
/// into the file).

#[test]
fn a_damaged_database_refuses_every_write_and_is_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    common::database_with_drafts(&path, 200);
    // Overwrite four pages in the middle of the file, where the drafts and
    // their revisions are, as a failing disk would.
    let mut bytes = std::fs::read(&path).unwrap();
    let page = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    let middle = bytes.len() / 2 / page * page;
    for (i, b) in bytes[middle..middle + 4 * page].iter_mut().enumerate() {
        *b = (i * 7 % 256) as u8;
    }
    std::fs::write(&path, &bytes).unwrap();

    let out = mla(dir.path(), &["drafts", "import", EXAMPLE]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let message = stderr(&out);
    assert!(message.starts_with(&format!("mla: database {} is damaged (", path.display())), "{message}");
    assert!(message.contains("nothing will be written to it. Restore it from a backup, or export the drafts that can still be read"), "{message}");
    assert!(std::fs::read(&path).unwrap() == bytes, "the damaged file was written to");

    // Through the library: the store opens (what can be read can be
    // exported), and every write is refused, before anything is written.
    let mut store = Store::open(&path).unwrap();
    assert!(matches!(store.create_draft(&example()), Err(StoreError::Damaged { .. })));
    assert!(matches!(store.begin(), Err(StoreError::Damaged { .. })));
    let written = store.connection().execute("DELETE FROM drafts", []);
    assert!(written.is_err(), "a write through the connection went through");
    drop(store);
    assert!(std::fs::read(&path).unwrap() == bytes, "the damaged file was written to");
}

#[test]
fn the_check_on_open_stays_cheap_on_a_large_database() {
    // 2,000 drafts of the complete example, with their revisions: about 40 MB.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    {
        let mut store = Store::open(&path).unwrap();
        let tx = store.begin().unwrap();
        let at = time::macros::datetime!(2026-03-01 09:00 UTC);
        for _ in 0..2_000 {
            tx.create_draft(&example(), at).unwrap();
        }
        tx.commit().unwrap();
    }
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size > 30_000_000, "only {size} bytes");
    let started = std::time::Instant::now();
    let store = Store::open(&path).unwrap();
    let took = started.elapsed();
    assert_eq!(store.list_drafts().unwrap().len(), 2_000);
    eprintln!("opening a {size}-byte database, quick check included: {took:?}");
    assert!(took < std::time::Duration::from_secs(2), "opening took {took:?}");
}

#[test]
fn read_only_commands_work_on_a_read_only_data_directory() {
    let test = "read_only_commands_work_on_a_read_only_data_directory";
    // A read-only tmpfs is read-only for root too; where none can be
    // mounted, a folder without write permission (which root writes all
    // the same: then the test skips, saying so).
    let (mounted, plain) = match common::Tmpfs::mount("8m") {
        Ok(disk) => (Some(disk), None),
        Err(why) => {
            common::skip(test, &format!("{why}; trying a folder without write permission instead"));
            (None, Some(tempfile::tempdir().unwrap()))
        }
    };
    let folder = mounted.as_ref().map(|d| d.path()).or(plain.as_ref().map(|d| d.path())).unwrap().to_path_buf();
    let path = folder.join(DATABASE_FILE);
    let ids = common::database_with_drafts(&path, 3);
    let before = std::fs::read(&path).unwrap();
    match &mounted {
        Some(disk) => disk.remount_read_only(),
        None => set_mode(&folder, 0o555),
    }
    let writable = std::fs::write(folder.join("probe"), b"x").is_ok();
    if writable {
        common::skip(test, "the folder stays writable (root ignores permissions)");
    } else {
        let out = mla(&folder, &["drafts", "list"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let listed = String::from_utf8(out.stdout).unwrap();
        for id in &ids {
            assert!(listed.contains(id.as_str()), "{id} not listed:\n{listed}");
        }
        let out = mla(&folder, &["drafts", "export", &ids[1]]);
        assert!(out.status.success(), "{}", stderr(&out));
        let exported = mla_writer::request::read::parse_request(&String::from_utf8(out.stdout).unwrap(), "export").unwrap();
        assert_eq!(exported, example());
        assert!(std::fs::read(&path).unwrap() == before, "reading changed the database");

        let out = mla(&folder, &["drafts", "import", EXAMPLE]);
        assert!(!out.status.success(), "an import into a read-only folder succeeded");
    }
    if mounted.is_none() {
        set_mode(&folder, 0o755);
    }
}

/// Sets the permission bits of `path`.
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn reading_changes_no_database_and_refuses_one_it_would_have_to_update() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let ids = common::database_with_drafts(&path, 2);
    let before = std::fs::read(&path).unwrap();
    let out = mla(dir.path(), &["drafts", "export", &ids[0]]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&path).unwrap() == before, "reading changed the database");

    // An older schema would need a migration: reading refuses it as it is.
    let old = dir.path().join("old.sqlite3");
    {
        let conn = rusqlite::Connection::open(&old).unwrap();
        conn.execute_batch("CREATE TABLE drafts (id TEXT PRIMARY KEY);").unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
    }
    let before = std::fs::read(&old).unwrap();
    match Store::open_read_only(&old) {
        Err(e @ StoreError::Outdated { found: 1, .. }) => assert!(e.to_string().contains("open it once with write access"), "{e}"),
        Err(other) => panic!("unexpected error: {other}"),
        Ok(_) => panic!("an outdated database was opened read-only"),
    }
    assert!(std::fs::read(&old).unwrap() == before, "the outdated database changed");

    // No database yet: the data directory reads as empty, and stays empty.
    let empty = tempfile::tempdir().unwrap();
    let out = mla(empty.path(), &["drafts", "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(files_in(empty.path()).is_empty(), "{:?}", files_in(empty.path()));
    let out = mla(empty.path(), &["drafts", "export", "no-such-id"]);
    assert_eq!(stderr(&out).trim(), "mla: no draft with id no-such-id");
}

#[test]
fn demo_request_is_created_once_on_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("d.sqlite3")).unwrap();
    let today = date!(2027 - 03 - 15);
    assert!(store.seed_demo_if_empty(today).unwrap().is_some());
    assert!(store.seed_demo_if_empty(today).unwrap().is_none());
    let drafts = store.list_drafts().unwrap();
    assert_eq!(drafts.len(), 1);
    assert!(drafts[0].title.contains("PPO-2026-0412"), "{}", drafts[0].title);
}

/// A new user opens the demo on the day it was created, whatever that day:
/// it has no error, and says on that day what the example says on the day
/// it was written for.
#[test]
fn the_seeded_demo_has_no_error_on_the_day_it_is_seeded() {
    let days = [
        date!(2026 - 11 - 27),
        date!(2027 - 01 - 31),
        date!(2027 - 02 - 01),
        date!(2028 - 02 - 29),
        date!(2029 - 01 - 01),
        date!(2029 - 07 - 15),
        date!(2031 - 12 - 31),
    ];
    for today in days {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("demo.sqlite3")).unwrap();
        let seeded = store.seed_demo_if_empty(today).unwrap().expect("an empty database gets the demo");
        let demo = store.load_draft(&seeded.id).unwrap().request;
        let errors: Vec<String> = checks::run_in(&demo, today, mla_writer::directory::demo::Mode::Demo, Lang::En)
            .into_iter()
            .filter(|f| f.severity == checks::Severity::Error)
            .map(|f| format!("{} at {}: {}", f.code, f.path, f.message))
            .collect();
        assert!(errors.is_empty(), "the demo seeded on {today} has errors on that day: {errors:#?}");
        let outcome = |findings: Vec<checks::Finding>| -> Vec<(String, String)> { findings.into_iter().map(|f| (f.code.to_string(), f.path)).collect() };
        // The demo is addressed from the demo directory, so the example's
        // note that its State has no directory entry is all that differs.
        let mut expected = outcome(checks::run_in(&example(), EXAMPLES_DATE, mla_writer::directory::demo::Mode::Demo, Lang::En));
        expected.retain(|(code, _)| code != "DIR-NO-ENTRY");
        // The demo directory is as of 1 November 2026: a year later, the
        // entry is flagged as stale, as any entry would be.
        let mut found = outcome(checks::run_in(&demo, today, mla_writer::directory::demo::Mode::Demo, Lang::En));
        let stale = (today - date!(2026 - 11 - 01)).whole_days() > 365;
        assert_eq!(found.iter().any(|(code, _)| code == "DIR-STALE"), stale, "seeded on {today}");
        found.retain(|(code, _)| code != "DIR-STALE");
        assert_eq!(found, expected, "seeded on {today}, the demo's findings differ from the example's");
        assert_eq!(demo.req_state_entry.as_ref().map(|e| e.state_id.as_str()), Some("XN"), "the demo carries Norland's entry");
        assert!(demo.recv_auth.address.contains("Nordhavn"), "{}", demo.recv_auth.address);
        let deadline = time::Date::parse(&demo.deadline.date, time::macros::format_description!("[year]-[month]-[day]")).unwrap();
        assert!(deadline > today, "seeded on {today}, the deadline {deadline} is not ahead");
        // The example itself, unmoved, has a deadline that passes.
        if today >= date!(2027 - 01 - 31) {
            assert!(checks::request_has_errors(&example(), today, mla_writer::directory::demo::Mode::Demo), "on {today} the example's deadline has passed");
        }
    }
}

#[test]
fn saving_to_an_unknown_draft_is_an_error_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("d.sqlite3")).unwrap();
    assert!(matches!(store.save_draft("nope", &example()), Err(StoreError::NotFound(_))));
    assert!(store.list_drafts().unwrap().is_empty());
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
    translated.lang.request = Some(mla_writer::request::DocumentLanguage::Fr);
    translated.translation.original.insert("facts.summary".to_string(), drafted.facts.summary.clone());
    translated.translation.original_lang = "en".to_string();
    let summary = store.create_draft(&translated).unwrap();
    assert_eq!(summary.title, format!("{} [fr]", original.title));
    let receipt = store.save_draft(&summary.id, &translated).unwrap();
    assert_eq!(receipt.title, summary.title);
}

#[test]
fn a_database_whose_path_holds_uri_characters_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Cases 2026 #4 ?100% Ærø");
    let path = folder.join(DATABASE_FILE);
    let ids = common::database_with_drafts(&path, 1);
    let store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.list_drafts().unwrap().into_iter().map(|d| d.id).collect::<Vec<_>>(), ids);
    assert_eq!(store.path(), path);
}
