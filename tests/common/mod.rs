//! Helpers shared by the integration tests: the example requests, running
//! the `mla` command and the document tools (poppler, qpdf) a reader uses,
//! databases with drafts, and the two sides of a consultation.

#![allow(dead_code)] // each test file uses some of them

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use mla_writer::exchange::thread::{Incoming, Outgoing, Participant};
use mla_writer::store::Store;

/// The complete example requests of `examples/`, in name order.
pub fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// Runs `mla` from the project root with its data in `data_dir`, in demo
/// mode (`MLA_DEMO=1`): the requests the tests give it are the examples,
/// addressed to the demo directory's fictitious States, or made from them.
pub fn mla(args: &[&str], data_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mla"))
        .args(args)
        .env("MLA_DATA_DIR", data_dir)
        .env("MLA_DEMO", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("mla runs")
}

/// Runs `mla` as [`mla`] does, with the machine's clock set to `clock`
/// (`YYYY-MM-DD HH:MM:SS`, UTC) for it alone, through libfaketime.
pub fn mla_with_clock_at(clock: &str, args: &[&str], data_dir: &Path) -> Output {
    Command::new("faketime")
        .arg("-f")
        .arg(format!("@{clock}"))
        .arg(env!("CARGO_BIN_EXE_mla"))
        .args(args)
        .env("MLA_DATA_DIR", data_dir)
        .env("MLA_DEMO", "1")
        .env("TZ", "UTC")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("faketime is needed for this test (make test installs it): {e}"))
}

/// The deliberately defective requests of `tests/fixtures/` that have a
/// `.codes` file, in name order.
pub fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json") && p.with_extension("codes").is_file())
        .collect();
    files.sort();
    files
}

/// The rule codes a fixture's check must produce: its `.codes` file, one
/// code a line (`#` starts a comment).
pub fn expected_codes(fixture: &Path) -> std::collections::BTreeSet<String> {
    std::fs::read_to_string(fixture.with_extension("codes"))
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// Runs a tool that must succeed and returns what it printed.
pub fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed for this test (make test installs it): {e}"));
    assert!(
        out.status.success(),
        "{name} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Text with every run of white space made one space (PDF text extraction
/// breaks lines where the page does).
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Says on the test's standard error, past the test harness's capture, that
/// `test` proved nothing here and why: a test that cannot run its setup
/// skips visibly instead of passing silently.
pub fn skip(test: &str, why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
}

/// A small tmpfs mounted on a fresh folder, unmounted when dropped: a real
/// file system that fills up, or that is made read-only for every user,
/// root included.
pub struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// Mounts a tmpfs of `size` (`64k`), or says why it cannot (mounting
    /// needs root).
    pub fn mount(size: &str) -> Result<Tmpfs, String> {
        let dir = tempfile::tempdir().unwrap();
        let out = Command::new("mount").args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"]).arg(dir.path()).output();
        match out {
            Ok(o) if o.status.success() => Ok(Tmpfs { dir }),
            Ok(o) => Err(format!("cannot mount a {size} tmpfs: {}", String::from_utf8_lossy(&o.stderr).trim())),
            Err(e) => Err(format!("cannot run mount: {e}")),
        }
    }

    /// The mounted folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Makes the file system read-only.
    pub fn remount_read_only(&self) {
        let out = Command::new("mount").args(["-o", "remount,ro"]).arg(self.dir.path()).output().unwrap();
        assert!(out.status.success(), "remount read-only: {}", String::from_utf8_lossy(&out.stderr));
    }

    /// Makes the file system writable again.
    pub fn remount_read_write(&self) {
        let out = Command::new("mount").args(["-o", "remount,rw"]).arg(self.dir.path()).output().unwrap();
        assert!(out.status.success(), "remount read-write: {}", String::from_utf8_lossy(&out.stderr));
    }

    /// Removes the file [`Tmpfs::fill`] wrote: the space is free again.
    pub fn free(&self) {
        std::fs::remove_file(self.dir.path().join("filler")).unwrap();
    }

    /// Fills the file system up to its last byte with a file of its own.
    pub fn fill(&self) {
        use std::io::Write;
        let mut filler = std::fs::File::create(self.dir.path().join("filler")).unwrap();
        let block = vec![0u8; 1024];
        while filler.write_all(&block).is_ok() {}
        while filler.write_all(&block[..1]).is_ok() {}
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).output();
    }
}

/// A database at `path` holding `drafts` drafts of the complete example,
/// closed (its log written back into the file); their ids, in creation order.
pub fn database_with_drafts(path: &Path, drafts: usize) -> Vec<String> {
    let mut store = Store::open(path).unwrap();
    let ids = (0..drafts).map(|_| store.create_draft(&mla_writer::request::demo::example()).unwrap().id).collect();
    drop(store);
    assert!(!PathBuf::from(format!("{}-wal", path.display())).exists(), "the log was not written back on close");
    ids
}

/// The originator of the consultations in the tests: a prosecutor in Arden.
pub fn anna_berg() -> Participant {
    Participant {
        fingerprint: "ARDEN-7F3A-11C2".into(),
        name: "Anna Berg".into(),
        authority: "Public Prosecution Office of the Republic of Arden".into(),
    }
}

/// The counterpart: Norland's central authority.
pub fn bjorn_dahl() -> Participant {
    Participant {
        fingerprint: "NORLAND-02B9-8E41".into(),
        name: "Bjørn Dahl".into(),
        authority: "Central Authority, Ministry of Justice of Norland".into(),
    }
}

/// The package as the recipient's package layer hands it over once verified.
pub fn deliver(out: &Outgoing, sender: &Participant) -> Incoming {
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
