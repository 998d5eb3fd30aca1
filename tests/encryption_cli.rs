//! `mla encryption`, `mla backup` and `mla restore` as a user runs them:
//! passphrases from files named in the environment (never arguments), a
//! wrong one refused with one clear line, and a backup restored.

use std::path::Path;
use std::process::{Command, Output};

const EXAMPLE: &str = "examples/mla-evidence-fraud-arden-norland.json";

/// Runs `mla` with its data in `data` and the passphrase files given.
fn mla(args: &[&str], data: &Path, passphrase: Option<&Path>, new: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mla"));
    command.args(args).env("MLA_DATA_DIR", data).current_dir(env!("CARGO_MANIFEST_DIR"));
    command.env_remove("MLA_PASSPHRASE_FILE").env_remove("MLA_NEW_PASSPHRASE_FILE");
    if let Some(file) = passphrase {
        command.env("MLA_PASSPHRASE_FILE", file);
    }
    if let Some(file) = new {
        command.env("MLA_NEW_PASSPHRASE_FILE", file);
    }
    command.output().expect("mla runs")
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "mla failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn encryption_on_then_a_wrong_passphrase_is_one_clear_line_and_a_backup_restores_with_the_right_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let right = dir.path().join("right");
    let wrong = dir.path().join("wrong");
    std::fs::write(&right, "Tidewater lantern 42 quarry\n").unwrap();
    std::fs::write(&wrong, "not the passphrase\n").unwrap();
    let id = ok(mla(&["drafts", "import", EXAMPLE], &data, None, None)).trim().to_string();

    ok(mla(&["encryption", "on"], &data, None, Some(&right)));
    let header = std::fs::read(data.join("mla-writer.sqlite3")).unwrap();
    assert_ne!(&header[..16], b"SQLite format 3\0", "the database file is encrypted");

    // A wrong passphrase: refused with the store's message alone, nothing
    // logged by SQLCipher besides.
    let refused = mla(&["drafts", "list"], &data, Some(&wrong), None);
    assert!(!refused.status.success());
    let stderr = String::from_utf8(refused.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains("the passphrase does not open database"), "{stderr}");

    assert!(ok(mla(&["drafts", "list"], &data, Some(&right), None)).contains(&id));
    let backup = dir.path().join("saved.sqlite3");
    ok(mla(&["backup", backup.to_str().unwrap()], &data, Some(&right), None));
    assert_ne!(&std::fs::read(&backup).unwrap()[..16], b"SQLite format 3\0", "the backup is encrypted");

    // The database lost: a new one, then the backup restored over it.
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(data.join(format!("mla-writer.sqlite3{suffix}")));
    }
    ok(mla(&["drafts", "list"], &data, None, None));
    let refused = mla(&["restore", backup.to_str().unwrap()], &data, Some(&wrong), None);
    assert!(!refused.status.success(), "a wrong passphrase restores nothing");
    ok(mla(&["restore", backup.to_str().unwrap()], &data, Some(&right), None));
    assert!(ok(mla(&["drafts", "list"], &data, Some(&right), None)).contains(&id));
}
