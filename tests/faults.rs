//! Saves under I/O faults: a full disk, a read-only data directory, a
//! database held by another program. Each is refused with a message that
//! says what is wrong and that nothing was lost, the last saved state stays
//! whole, and the same save goes through once the fault is gone.

mod common;

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use mla_writer::request::read::{parse_request, to_json};
use mla_writer::request::Request;
use mla_writer::store::{Store, StoreError, BUSY_TIMEOUT_VAR, DATABASE_FILE};

fn example() -> Request {
    mla_writer::request::demo::example()
}

/// The example with a statement of facts of `bytes` bytes.
fn with_long_facts(bytes: usize) -> Request {
    let mut request = example();
    request.facts.summary = "The account was emptied in four transfers. ".repeat(bytes / 43);
    request
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A database in `dir` holding `drafts` drafts of the example, closed;
/// their ids, sorted.
fn database_with_drafts(dir: &Path, drafts: usize) -> Vec<String> {
    let mut ids = common::database_with_drafts(&dir.join(DATABASE_FILE), drafts);
    ids.sort();
    ids
}

/// The drafts' ids and `PRAGMA integrity_check`, read without writing.
fn drafts_and_check(dir: &Path) -> (Vec<String>, String) {
    let store = Store::open_read_only(&dir.join(DATABASE_FILE)).unwrap();
    let mut ids: Vec<String> = store.list_drafts().unwrap().into_iter().map(|d| d.id).collect();
    ids.sort();
    let conn = rusqlite::Connection::open(dir.join(DATABASE_FILE)).unwrap();
    (ids, conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap())
}

/// Runs `mla` with its data in `dir`, every file it writes limited to
/// `limit_kib` KiB (`RLIMIT_FSIZE`, with `SIGXFSZ` ignored so that a write
/// past it fails as on a full disk).
fn mla_with_file_size_limit(limit_kib: u64, args: &[&str], dir: &Path) -> Output {
    Command::new("bash")
        .args(["-c", r#"trap '' XFSZ; ulimit -f "$1"; shift; exec "$@""#, "bash"])
        .arg(limit_kib.to_string())
        .arg(env!("CARGO_BIN_EXE_mla"))
        .args(args)
        .env("MLA_DATA_DIR", dir)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn a_full_disk_refuses_the_save_whole_and_it_saves_once_there_is_space() {
    let dir = tempfile::tempdir().unwrap();
    let before = database_with_drafts(dir.path(), 2);
    let size_kib = std::fs::metadata(dir.path().join(DATABASE_FILE)).unwrap().len() / 1024;
    let input = tempfile::tempdir().unwrap();
    let file = input.path().join("long.json");
    let long = with_long_facts(1_500_000);
    std::fs::write(&file, to_json(&long)).unwrap();
    let file = file.to_str().unwrap();

    // Room for the database and its shared-memory file, not for the new
    // draft's 3 MB (its document and its first revision).
    let out = mla_with_file_size_limit(size_kib + 64, &["drafts", "import", file], dir.path());
    assert_eq!(out.status.code(), Some(2), "the import went through: {}", stderr(&out));
    let message = stderr(&out);
    assert!(message.starts_with(&format!("mla: database {}: the disk is full (", dir.path().join(DATABASE_FILE).display())), "{message}");
    assert!(message.contains("nothing was lost, the last saved state is kept. Free some space and it will save again"), "{message}");
    assert_eq!(drafts_and_check(dir.path()), (before.clone(), "ok".to_string()));

    let out = common::mla(&["drafts", "import", file], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let (after, check) = drafts_and_check(dir.path());
    assert_eq!((after.len(), check.as_str()), (3, "ok"));
    let out = common::mla(&["drafts", "export", &id], dir.path());
    assert_eq!(parse_request(&String::from_utf8(out.stdout).unwrap(), "export").unwrap(), long);
}

#[test]
fn an_open_store_on_a_full_disk_keeps_the_last_state_and_saves_once_space_is_freed() {
    let test = "an_open_store_on_a_full_disk_keeps_the_last_state_and_saves_once_space_is_freed";
    let disk = match common::Tmpfs::mount("4m") {
        Ok(disk) => disk,
        Err(why) => return common::skip(test, &format!("{why}; the full disk of the `mla` process is tested with a file size limit")),
    };
    let mut store = Store::open(&disk.path().join(DATABASE_FILE)).unwrap();
    let id = store.create_draft(&example()).unwrap().id;
    disk.fill();
    // The editor's state: a long edit the disk has no room for.
    let edited = with_long_facts(600_000);
    match store.save_draft(&id, &edited) {
        Err(e @ StoreError::DiskFull { .. }) => assert!(e.to_string().contains("the disk is full"), "{e}"),
        other => panic!("expected a full disk, got {other:?}"),
    }
    assert_eq!(store.load_draft(&id).unwrap().request, example(), "the last saved state changed");
    assert_eq!(store.revisions(&id).unwrap().len(), 1);

    disk.free();
    let receipt = store.save_draft(&id, &edited).unwrap();
    assert_eq!((receipt.revision, receipt.changed), (2, true));
    drop(store);
    let store = Store::open(&disk.path().join(DATABASE_FILE)).unwrap();
    assert_eq!(store.load_draft(&id).unwrap().request, edited);
}

#[test]
fn a_read_only_data_directory_refuses_the_save_clearly_and_it_saves_once_writable() {
    let test = "a_read_only_data_directory_refuses_the_save_clearly_and_it_saves_once_writable";
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &Path, mode: u32| std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    // A read-only file system stops root too; without one, permissions
    // (which root ignores: then the test skips, saying so).
    let (mounted, plain) = match common::Tmpfs::mount("8m") {
        Ok(disk) => (Some(disk), None),
        Err(why) => {
            common::skip(test, &format!("{why}; trying a folder without write permission instead"));
            (None, Some(tempfile::tempdir().unwrap()))
        }
    };
    let folder = mounted.as_ref().map(|d| d.path()).or(plain.as_ref().map(|d| d.path())).unwrap().to_path_buf();
    let path = folder.join(DATABASE_FILE);
    let before = database_with_drafts(&folder, 2);
    let make_read_only = |read_only: bool| match &mounted {
        Some(disk) if read_only => disk.remount_read_only(),
        Some(disk) => disk.remount_read_write(),
        None => {
            mode(&path, if read_only { 0o444 } else { 0o644 });
            mode(&folder, if read_only { 0o555 } else { 0o755 });
        }
    };
    make_read_only(true);
    if std::fs::OpenOptions::new().append(true).open(&path).is_ok() {
        make_read_only(false);
        return common::skip(test, "the database stays writable (root ignores permissions)");
    }
    let out = common::mla(&["drafts", "import", "examples/mla-evidence-fraud-arden-norland.json"], &folder);
    make_read_only(false);
    assert_eq!(out.status.code(), Some(2), "the import went through: {}", stderr(&out));
    let message = stderr(&out);
    assert!(message.starts_with(&format!("mla: database {} cannot be written: its folder or file is read-only (", path.display())), "{message}");
    assert!(message.contains("nothing was lost, the last saved state is kept. Make it writable and it will save again"), "{message}");
    assert_eq!(drafts_and_check(&folder), (before, "ok".to_string()));

    let out = common::mla(&["drafts", "import", "examples/mla-evidence-fraud-arden-norland.json"], &folder);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(drafts_and_check(&folder).0.len(), 3);
}

/// Holds the database at `path` as another program writing it would
/// (`BEGIN EXCLUSIVE`) until dropped.
fn hold(path: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("BEGIN EXCLUSIVE; INSERT INTO drafts (id, title, kind, created_at, updated_at, revision, document) VALUES ('held', '', '', '', '', 0, '');")
        .unwrap();
    conn
}

#[test]
fn a_database_in_use_by_another_program_is_reported_after_the_wait_and_saves_once_released() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let before = database_with_drafts(dir.path(), 1);
    let other = hold(&path);
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_mla"))
        .args(["drafts", "import", "examples/mla-evidence-fraud-arden-norland.json"])
        .env("MLA_DATA_DIR", dir.path())
        .env(BUSY_TIMEOUT_VAR, "300")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let waited = started.elapsed();
    assert_eq!(out.status.code(), Some(2), "the import went through: {}", stderr(&out));
    assert!(waited >= Duration::from_millis(300), "gave up after {waited:?}, before the wait was over");
    let message = stderr(&out);
    assert_eq!(
        message.trim_end(),
        format!(
            "mla: database {} is in use by another program; nothing was lost, the last saved state is kept. It will save again once the other program lets go of it",
            path.display()
        )
    );

    // The app's store, open while the other program takes the database.
    let mut store = Store::open(&path).unwrap();
    store.connection().busy_timeout(Duration::from_millis(100)).unwrap();
    let id = before[0].clone();
    let mut edited = example();
    edited.proc.subject_matter = "Fraud by false invoices, edited while the database was held".into();
    assert!(matches!(store.save_draft(&id, &edited), Err(StoreError::Busy { .. })));
    drop(other); // rolled back: the other program lets go
    assert_eq!(store.save_draft(&id, &edited).unwrap().revision, 2);
    assert_eq!(store.load_draft(&id).unwrap().request, edited);
    drop(store);

    let out = common::mla(&["drafts", "import", "examples/mla-evidence-fraud-arden-norland.json"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let (after, check) = drafts_and_check(dir.path());
    assert_eq!((after.len(), check.as_str()), (2, "ok"));
}

/// Overwrites four leaf pages of the drafts table in the middle of the
/// database at `path`, where drafts are stored, as a failing disk would.
/// The pages are found through SQLite's `dbstat` table, so the damage hits
/// drafts and not the table's inner pages, whatever else the database holds.
fn damage(path: &Path) {
    let leaves: Vec<u64> = {
        let conn = rusqlite::Connection::open(path).unwrap();
        let mut stmt = conn.prepare("SELECT pageno FROM dbstat WHERE name = 'drafts' AND pagetype = 'leaf' ORDER BY pageno").unwrap();
        stmt.query_map([], |row| row.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
    };
    assert!(leaves.len() >= 8, "the drafts fill {} leaf pages", leaves.len());
    let mut bytes = std::fs::read(path).unwrap();
    let page = match u16::from_be_bytes([bytes[16], bytes[17]]) { 1 => 65536, size => size as usize };
    for pageno in &leaves[leaves.len() / 2..leaves.len() / 2 + 4] {
        let start = (*pageno as usize - 1) * page;
        for (i, b) in bytes[start..start + page].iter_mut().enumerate() {
            *b = (i * 7 % 256) as u8;
        }
    }
    std::fs::write(path, &bytes).unwrap();
}

#[test]
fn a_damaged_database_is_found_by_the_full_check_and_what_can_be_read_is_exported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let ids = common::database_with_drafts(&path, 200);
    let sound = mla_writer::store::integrity::full_check(&path, None).unwrap();
    assert!(sound.is_sound(), "{sound:?}");
    let out = common::mla(&["drafts", "check"], dir.path());
    assert_eq!((out.status.code(), String::from_utf8_lossy(&out.stdout).trim()), (Some(0), "ok"), "{}", stderr(&out));

    damage(&path);
    let report = mla_writer::store::integrity::full_check(&path, None).unwrap();
    assert!(!report.is_sound(), "the damage went unnoticed");
    let out = common::mla(&["drafts", "check"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).starts_with(&format!("mla: database {} is damaged: ", path.display())), "{}", stderr(&out));

    let rescued = tempfile::tempdir().unwrap();
    let folder = rescued.path().join("rescued");
    let out = common::mla(&["drafts", "rescue", folder.to_str().unwrap()], dir.path());
    let written: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    let unreadable = stderr(&out).lines().filter(|l| l.starts_with("mla: not readable: ")).count();
    assert!(written.len() > 100, "only {} drafts written; {}", written.len(), stderr(&out));
    // The rows on the damaged pages are lost, not their drafts: each comes
    // back from its latest revision, and no draft after the damage is missed.
    assert_eq!(written.len(), ids.len(), "every draft, from its row or its latest revision; {}", stderr(&out));
    assert_eq!(out.status.code(), Some(if unreadable == 0 { 0 } else { 1 }), "{}", stderr(&out));
    assert!(written.len() + unreadable <= ids.len() + 1);
    for file in &written {
        let id = Path::new(file).file_stem().unwrap().to_str().unwrap();
        assert!(ids.iter().any(|known| known == id), "{file} is no draft's");
        let request = mla_writer::request::read::read_request(Path::new(file)).unwrap();
        assert_eq!(request, example(), "{file}");
    }
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), written.len(), "files beyond those listed");
}
