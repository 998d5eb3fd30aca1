//! Encryption at rest (SQLCipher), backups and restore, on real database
//! files: what an encrypted data directory holds on disk, and what a
//! backup and a restore keep.

use std::path::{Path, PathBuf};

use mla_writer::request::Request;
use mla_writer::store::{is_encrypted, Passphrase, Store, StoreError, DATABASE_FILE, SCHEMA_VERSION};
use time::macros::datetime;

fn example() -> Request {
    mla_writer::request::demo::example()
}

fn passphrase(text: &str) -> Passphrase {
    Passphrase::new(text.to_string()).unwrap()
}

/// A marker no example holds, with a character JSON could escape.
const MARKER: &str = "Kestrel-Tamsin-4471-Ω";

/// The forms the marker could take in a file: as UTF-8, and JSON-escaped.
fn marker_forms() -> Vec<Vec<u8>> {
    let escaped: String = MARKER.chars().map(|c| if c.is_ascii() { c.to_string() } else { format!("\\u{:04x}", c as u32) }).collect();
    vec![MARKER.as_bytes().to_vec(), escaped.into_bytes(), MARKER.replace('Ω', "").into_bytes()]
}

/// Every file under `dir` holding the marker, in any of its forms.
fn files_with_marker(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            if marker_forms().iter().any(|form| bytes.windows(form.len()).any(|w| w == form.as_slice())) {
                found.push(path);
            }
        }
    }
    found
}

/// Every file in `dir`, by name.
fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// Types the marker into a draft's facts, attaches an annex file holding
/// it, saves, makes a backup and the
/// daily one, and returns which files of the data directory hold it, with
/// the store still open (its write-ahead log in use) and once closed.
fn marker_files(key: Option<&Passphrase>) -> (Vec<PathBuf>, Vec<PathBuf>, usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let mut store = Store::open_with(&path, key).unwrap();
    let id = store.create_draft(&example()).unwrap().id;
    let mut request = example();
    request.facts.summary = format!("The account was opened by {MARKER}.");
    store.save_draft(&id, &request).unwrap();
    // An annex file holding the marker too, read from outside the data
    // directory: its bytes are kept in the database.
    let outside = tempfile::tempdir().unwrap();
    let statement = outside.path().join("statement.txt");
    std::fs::write(&statement, format!("Statement signed by {MARKER}.\n")).unwrap();
    let slot = mla_writer::store::annexes::AnnexSlot::New { title: "Statement".into() };
    store.attach_annex_file(&id, &request, slot, &statement).unwrap();
    store.backup_to(&dir.path().join("manual-backup.sqlite3")).unwrap();
    store.daily_backup(datetime!(2026-03-02 08:00 UTC)).unwrap().unwrap();
    let open = files_with_marker(dir.path());
    let files = file_names(dir.path()).len() + store.backups().unwrap().len();
    drop(store);
    (open, files_with_marker(dir.path()), files)
}

#[test]
fn an_encrypted_data_directory_holds_the_typed_text_nowhere_and_a_plaintext_one_does() {
    let (open, closed, files) = marker_files(Some(&passphrase("correct horse battery staple")));
    assert!(files >= 5, "the database, its log, two backups: {files} files");
    assert_eq!(open, Vec::<PathBuf>::new(), "encrypted, store open");
    assert_eq!(closed, Vec::<PathBuf>::new(), "encrypted, store closed");

    // The same search finds the text when encryption is off, in the database
    // or its log and in both backups: it can fail.
    let (open, closed, _) = marker_files(None);
    let names = |paths: &[PathBuf]| paths.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect::<Vec<_>>();
    assert!(names(&open).contains(&"manual-backup.sqlite3".to_string()), "{open:?}");
    assert!(open.iter().any(|p| p.parent().unwrap().ends_with("backups")), "{open:?}");
    assert!(names(&closed).contains(&DATABASE_FILE.to_string()), "{closed:?}");
}

#[test]
fn turning_encryption_on_rewrites_the_database_and_leaves_no_plaintext_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let mut store = Store::open(&path).unwrap();
    let id = store.create_draft(&example()).unwrap().id;
    let mut request = example();
    request.facts.summary = format!("Statement of {MARKER}.");
    store.save_draft(&id, &request).unwrap();
    store.daily_backup(datetime!(2026-03-02 08:00 UTC)).unwrap().unwrap();
    let before = files_with_marker(dir.path());
    assert!(before.iter().any(|p| p.parent().unwrap().ends_with("backups")), "{before:?}");

    store.encrypt(&passphrase("first passphrase")).unwrap();
    assert!(store.is_encrypted());
    assert!(is_encrypted(&path).unwrap());
    assert_eq!(files_with_marker(dir.path()), Vec::<PathBuf>::new());
    assert_eq!(store.load_draft(&id).unwrap().request, request);
    assert_eq!(store.revisions(&id).unwrap().len(), 2);
    assert_eq!(store.backups().unwrap(), vec![], "the plaintext backup is removed");
    drop(store);

    assert!(matches!(Store::open(&path), Err(StoreError::Locked { .. })));
    assert!(matches!(Store::open_read_only(&path), Err(StoreError::Locked { .. })));
    assert!(matches!(Store::open_with(&path, Some(&passphrase("wrong"))), Err(StoreError::WrongPassphrase { .. })));
    let mut store = Store::open_with(&path, Some(&passphrase("first passphrase"))).unwrap();

    // A new passphrase: the old one no longer opens it.
    store.change_passphrase(&passphrase("second passphrase")).unwrap();
    request.facts.summary.push_str(" Saved after the change.");
    store.save_draft(&id, &request).unwrap();
    drop(store);
    assert!(matches!(Store::open_with(&path, Some(&passphrase("first passphrase"))), Err(StoreError::WrongPassphrase { .. })));
    let mut store = Store::open_read_only_with(&path, Some(&passphrase("second passphrase"))).unwrap();
    assert_eq!(store.load_draft(&id).unwrap().request, request);
    drop(store);

    // Off again: a plaintext database that opens without a passphrase.
    store = Store::open_with(&path, Some(&passphrase("second passphrase"))).unwrap();
    store.decrypt().unwrap();
    assert!(!store.is_encrypted());
    drop(store);
    assert!(!is_encrypted(&path).unwrap());
    let store = Store::open(&path).unwrap();
    assert_eq!(store.load_draft(&id).unwrap().summary.revision, 3);
    assert_eq!(file_names(dir.path()).iter().filter(|n| n.contains("converting")).count(), 0);
}

#[test]
fn the_key_is_derived_with_sqlcipher_4_defaults_and_full_text_search_is_compiled_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let mut store = Store::open_with(&path, Some(&passphrase("kdf check"))).unwrap();
    let conn = store.connection();
    let iterations: String = conn.query_row("PRAGMA kdf_iter", [], |row| row.get(0)).unwrap();
    assert!(iterations.parse::<i64>().unwrap() >= 256_000, "{iterations}");
    let algorithm: String = conn.query_row("PRAGMA cipher_kdf_algorithm", [], |row| row.get(0)).unwrap();
    assert_eq!(algorithm, "PBKDF2_HMAC_SHA512");
    conn.execute_batch("CREATE VIRTUAL TABLE probe USING fts5(body); INSERT INTO probe VALUES ('frozen bank account');").unwrap();
    let hits: i64 = conn.query_row("SELECT count(*) FROM probe WHERE probe MATCH 'bank'", [], |row| row.get(0)).unwrap();
    assert_eq!(hits, 1);
}

#[test]
fn an_empty_passphrase_is_refused() {
    assert!(matches!(Passphrase::new(String::new()), Err(StoreError::EmptyPassphrase)));
}

#[test]
fn a_backup_restores_every_draft_and_the_previous_database_is_removed_once_it_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let key = passphrase("backup passphrase");
    let mut store = Store::open_with(&path, Some(&key)).unwrap();
    let id = store.create_draft(&example()).unwrap().id;
    let backup = store.backup_now(datetime!(2026-03-02 09:30 UTC)).unwrap();
    assert!(backup.ends_with("backups/mla-writer-2026-03-02T09-30-00Z.sqlite3"), "{}", backup.display());
    assert!(is_encrypted(&backup).unwrap());
    assert_eq!(Store::latest_backup(&path).unwrap(), Some(backup.clone()));
    let later = store.create_draft(&example()).unwrap().id;
    drop(store);

    // A backup that cannot be read changes nothing.
    let damaged = dir.path().join("damaged.sqlite3");
    let mut bytes = std::fs::read(&backup).unwrap();
    bytes[5000] ^= 0xff;
    std::fs::write(&damaged, &bytes).unwrap();
    assert!(Store::restore(&path, &damaged, Some(&key)).is_err());
    assert!(matches!(Store::restore(&path, &backup, None), Err(StoreError::Locked { .. })));
    assert!(matches!(Store::restore(&path, &backup, Some(&passphrase("wrong"))), Err(StoreError::WrongPassphrase { .. })));
    let store = Store::open_with(&path, Some(&key)).unwrap();
    assert_eq!(store.list_drafts().unwrap().len(), 2);
    drop(store);

    // The database gone, the backup brings back what it held.
    for name in file_names(dir.path()) {
        if name.starts_with(DATABASE_FILE) {
            std::fs::remove_file(dir.path().join(name)).unwrap();
        }
    }
    let store = Store::restore(&path, &backup, Some(&key)).unwrap();
    assert!(store.is_encrypted());
    let ids: Vec<String> = store.list_drafts().unwrap().into_iter().map(|d| d.id).collect();
    assert_eq!(ids, vec![id.clone()]);
    assert!(!ids.contains(&later));
    assert_eq!(store.load_draft(&id).unwrap().request, example());
    assert!(file_names(dir.path()).iter().all(|n| !n.contains("before-restore") && !n.contains("restoring")), "{:?}", file_names(dir.path()));
}

#[test]
fn restoring_over_a_database_keeps_it_aside_until_the_restored_one_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let mut store = Store::open(&path).unwrap();
    store.create_draft(&example()).unwrap();
    let backup = dir.path().join("elsewhere.sqlite3");
    store.backup_to(&backup).unwrap();
    store.create_draft(&example()).unwrap();
    drop(store);
    let store = Store::restore(&path, &backup, None).unwrap();
    assert_eq!(store.list_drafts().unwrap().len(), 1);
    assert!(!dir.path().join(format!("{DATABASE_FILE}.before-restore")).exists());

    // A backup from a newer app is refused before anything changes.
    let newer = dir.path().join("newer.sqlite3");
    store.backup_to(&newer).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&newer).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION as i64 + 1).unwrap();
    drop(conn);
    assert!(matches!(Store::restore(&path, &newer, None), Err(StoreError::TooNew { .. })));
    assert_eq!(Store::open(&path).unwrap().list_drafts().unwrap().len(), 1);
}

#[test]
fn daily_backups_are_made_once_a_day_and_the_last_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let mut store = Store::open(&path).unwrap();
    store.create_draft(&example()).unwrap();
    assert_eq!(store.backups_kept().unwrap(), mla_writer::store::DEFAULT_BACKUPS_KEPT);
    store.set_backups_kept(3).unwrap();
    assert!(store.daily_backup(datetime!(2026-03-01 08:00 UTC)).unwrap().is_some());
    assert!(store.daily_backup(datetime!(2026-03-01 17:00 UTC)).unwrap().is_none(), "one a day");
    for day in 2..=5 {
        let at = datetime!(2026-03-01 08:00 UTC) + time::Duration::days(day - 1);
        assert!(store.daily_backup(at).unwrap().is_some());
    }
    let made: Vec<String> = store.backups().unwrap().into_iter().map(|b| b.made_at).collect();
    assert_eq!(made, vec!["2026-03-05T08-00-00Z", "2026-03-04T08-00-00Z", "2026-03-03T08-00-00Z"]);
    store.set_backups_kept(1).unwrap();
    assert_eq!(store.backups().unwrap().len(), 1);
    drop(store);
    assert_eq!(Store::open(&path).unwrap().backups_kept().unwrap(), 1);
}
