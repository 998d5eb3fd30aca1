//! The exchange through the `mla` binary only: an originator in Arden and a
//! counterpart in Norland, each with their own data directory, consult on a
//! draft and decide on the suggestions.

use std::path::Path;
use std::process::{Command, Output};

const PASSPHRASE: &str = "correct horse battery staple";
const EXAMPLE: &str = "examples/mla-evidence-fraud-arden-norland.json";

fn mla(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mla"))
        .args(args)
        .env("MLA_DATA_DIR", dir)
        .env("MLA_KEYSTORE", "file")
        .env("MLA_PASSPHRASE", PASSPHRASE)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("mla runs")
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = mla(dir, args);
    assert!(out.status.success(), "mla {args:?} failed: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The value after `label` on a line of `text`.
fn field<'a>(text: &'a str, label: &str) -> &'a str {
    text.lines().find_map(|l| l.strip_prefix(label)).unwrap_or_else(|| panic!("no {label:?} in {text}")).trim()
}

struct Side {
    dir: tempfile::TempDir,
    fingerprint: String,
}

impl Side {
    fn new(name: &str, authority: &str, at: &str) -> Side {
        let dir = tempfile::tempdir().unwrap();
        let out = ok(dir.path(), &["identity", "create", "--name", name, "--authority", authority, "--email", "ca@example.org", "--now", at]);
        let fingerprint = field(&out, "Fingerprint:").to_string();
        Side { dir, fingerprint }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn run(&self, args: &[&str]) -> String {
        ok(self.path(), args)
    }

    /// Imports and trusts `other`'s card; gives the contact id.
    fn trust(&self, other: &Side) -> String {
        let card = self.path().join("other.card");
        other.run(&["identity", "export-card", "-o", card.to_str().unwrap()]);
        let added = self.run(&["contacts", "import", card.to_str().unwrap(), "--now", "2026-03-01T10:00:00Z"]);
        let id = added.split(" as contact ").nth(1).unwrap().split(',').next().unwrap().to_string();
        self.run(&["contacts", "trust", &id, "--fingerprint", &other.fingerprint, "--now", "2026-03-01T10:05:00Z"]);
        id
    }
}

#[test]
fn originator_and_counterpart_consult_on_a_draft_through_the_command_line() {
    let ana = Side::new("Ana Ruiz", "Central Authority of Arden", "2026-03-01T09:00:00Z");
    let ingrid = Side::new("Ingrid Berg", "Central Authority of Norland", "2026-03-01T09:00:00Z");
    let ingrid_id = ana.trust(&ingrid);
    ana_knows_ingrid_and_back(&ingrid, &ana);
    let work = tempfile::tempdir().unwrap();
    let file = |name: &str| work.path().join(name).to_str().unwrap().to_string();

    // Ana sends her draft to Ingrid.
    let draft = ana.run(&["drafts", "import", EXAMPLE]).trim().to_string();
    let as_sent = ana.run(&["drafts", "export", &draft]);
    ana.run(&["exchange", "export", &draft, "--to", &ingrid_id, "--note", "For your comments", "-o", &file("round1.mla"), "--now", "2026-03-02T10:00:00Z"]);

    // Ingrid takes it in, comments, suggests two edits and replies.
    let taken = ingrid.run(&["exchange", "import", &file("round1.mla"), "--now", "2026-03-02T11:00:00Z"]);
    assert_eq!(field(&taken, "Fingerprint:"), ana.fingerprint);
    assert!(field(&taken, "Sender:").starts_with("Ana Ruiz"), "{taken}");
    let copy = field(&taken, "Draft:").to_string();
    let question = ingrid
        .run(&["exchange", "comment", &copy, "--field", "facts.time_place", "--text", "Which Norland branch held the account?", "--now", "2026-03-02T11:10:00Z"])
        .trim()
        .to_string();
    let accepted = ingrid
        .run(&["exchange", "suggest", &copy, "--field", "facts.time_place", "--value", "1 June to 30 September 2025, Arden City and online", "--now", "2026-03-02T11:20:00Z"])
        .trim()
        .to_string();
    let rejected = ingrid
        .run(&["exchange", "suggest", &copy, "--field", "facts.evidence_so_far", "--value", "Statements of investors.", "--note", "shorter", "--now", "2026-03-02T11:25:00Z"])
        .trim()
        .to_string();
    ingrid.run(&["exchange", "export", &copy, "--note", "Our comments", "-o", &file("reply.mla"), "--now", "2026-03-02T12:00:00Z"]);

    // Ana takes in the reply and decides.
    let reply = ana.run(&["exchange", "import", &file("reply.mla"), "--now", "2026-03-02T13:00:00Z"]);
    assert_eq!(field(&reply, "Draft:"), draft);
    assert!(field(&reply, "Comments:").starts_with('1'), "{reply}");
    assert!(field(&reply, "Suggestions:").starts_with('2'), "{reply}");
    let review = ana.run(&["exchange", "review", &draft]);
    assert!(review.contains(&accepted) && review.contains(&rejected), "{review}");
    ana.run(&["exchange", "accept", &draft, &accepted, "--now", "2026-03-02T13:10:00Z"]);
    ana.run(&["exchange", "reject", &draft, &rejected, "--now", "2026-03-02T13:11:00Z"]);
    ana.run(&["exchange", "answer", &draft, &question, "--text", "The main branch in Norcastle.", "--now", "2026-03-02T13:12:00Z"]);

    // Exactly the accepted change is in the draft.
    let original: serde_json::Value = serde_json::from_str(&as_sent).unwrap();
    let now: serde_json::Value = serde_json::from_str(&ana.run(&["drafts", "export", &draft])).unwrap();
    let mut expected = original.clone();
    expected["facts"]["time_place"] = "1 June to 30 September 2025, Arden City and online".into();
    assert_eq!(now["facts"], expected["facts"]);
    assert_eq!(now["persons"], original["persons"]);

    // Both histories show the round.
    let ana_history = ana.run(&["exchange", "history", &draft]);
    for action in ["sent", "received", "accepted", "rejected", "answered"] {
        assert!(ana_history.contains(action), "{action} missing from {ana_history}");
    }
    let ingrid_history = ingrid.run(&["exchange", "history", &copy]);
    for action in ["received", "commented", "suggested", "sent"] {
        assert!(ingrid_history.contains(action), "{action} missing from {ingrid_history}");
    }

    // Replay is refused.
    let again = mla(ana.path(), &["exchange", "import", &file("reply.mla"), "--now", "2026-03-02T14:00:00Z"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already"), "{}", String::from_utf8_lossy(&again.stderr));

    // A third party cannot open a package not addressed to them.
    let carl = Side::new("Carl Holm", "Central Authority of Eastmark", "2026-03-01T09:00:00Z");
    let refused = mla(carl.path(), &["exchange", "import", &file("round1.mla"), "--now", "2026-03-02T14:00:00Z"]);
    assert!(!refused.status.success());
    assert!(carl.run(&["drafts", "list"]).trim().is_empty());

    // A second round by passphrase.
    std::fs::write(file("pass.txt"), "telephone passphrase 4711\n").unwrap();
    ana.run(&["exchange", "export", &draft, "--passphrase-file", &file("pass.txt"), "--label", "agreed by telephone", "-o", &file("round2.mla"), "--now", "2026-03-03T09:00:00Z"]);
    let round2 = ingrid.run(&["exchange", "import", &file("round2.mla"), "--passphrase-file", &file("pass.txt"), "--now", "2026-03-03T10:00:00Z"]);
    assert_eq!(field(&round2, "Draft:"), copy);

    // The reading copy shows the comment literally.
    ingrid.run(&["exchange", "reading-copy", &copy, "-o", &file("copy.pdf"), "--lang", "en", "--now", "2026-03-03T10:30:00Z"]);
    let text = Command::new("pdftotext").args([&file("copy.pdf"), "-"]).output().expect("pdftotext is installed");
    let text = String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Which Norland branch held the account?"), "{text}");
}

/// Ingrid imports Ana's card and trusts it.
fn ana_knows_ingrid_and_back(ingrid: &Side, ana: &Side) {
    ingrid.trust(ana);
}

#[test]
fn an_unknown_signer_is_reported_and_nothing_is_imported_until_confirmed() {
    let ana = Side::new("Ana Ruiz", "Central Authority of Arden", "2026-03-01T09:00:00Z");
    let ingrid = Side::new("Ingrid Berg", "Central Authority of Norland", "2026-03-01T09:00:00Z");
    let ingrid_id = ana.trust(&ingrid);
    let work = tempfile::tempdir().unwrap();
    let package = work.path().join("p.mla");
    let draft = ana.run(&["drafts", "import", EXAMPLE]).trim().to_string();
    ana.run(&["exchange", "export", &draft, "--to", &ingrid_id, "-o", package.to_str().unwrap(), "--now", "2026-03-02T10:00:00Z"]);

    let out = mla(ingrid.path(), &["exchange", "import", package.to_str().unwrap(), "--now", "2026-03-02T11:00:00Z"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&ana.fingerprint), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(ingrid.run(&["drafts", "list"]).trim().is_empty());

    let taken = ingrid.run(&["exchange", "import", package.to_str().unwrap(), "--trust-signer", &ana.fingerprint, "--now", "2026-03-02T11:05:00Z"]);
    assert_eq!(field(&taken, "Fingerprint:"), ana.fingerprint);
    assert_eq!(ingrid.run(&["drafts", "list"]).lines().count(), 1);
}

#[test]
fn a_first_package_by_passphrase_reaches_a_counterpart_without_a_card_whose_signed_reply_names_them() {
    let ana = Side::new("Ana Ruiz", "Central Authority of Arden", "2026-03-01T09:00:00Z");
    let ingrid = Side::new("Ingrid Berg", "Central Authority of Norland", "2026-03-01T09:00:00Z");
    let work = tempfile::tempdir().unwrap();
    let file = |name: &str| work.path().join(name).to_str().unwrap().to_string();
    std::fs::write(file("pass.txt"), "agreed on the telephone 0412\n").unwrap();

    // Ana has no card of Ingrid's: the first package goes by passphrase.
    let draft = ana.run(&["drafts", "import", EXAMPLE]).trim().to_string();
    ana.run(&["exchange", "export", &draft, "--passphrase-file", &file("pass.txt"), "--label", "agreed by telephone", "-o", &file("p1.mla"), "--now", "2026-03-02T10:00:00Z"]);

    // Ingrid opens it with the passphrase, after confirming Ana's fingerprint.
    let refused = mla(ingrid.path(), &["exchange", "import", &file("p1.mla"), "--passphrase-file", &file("pass.txt"), "--now", "2026-03-02T11:00:00Z"]);
    assert_eq!(refused.status.code(), Some(1), "{}", String::from_utf8_lossy(&refused.stderr));
    let taken = ingrid.run(&[
        "exchange", "import", &file("p1.mla"), "--passphrase-file", &file("pass.txt"), "--trust-signer", &ana.fingerprint, "--now", "2026-03-02T11:05:00Z",
    ]);
    let copy = field(&taken, "Draft:").to_string();
    ingrid.run(&["exchange", "comment", &copy, "--field", "facts.summary", "--text", "Which court issued the order?", "--now", "2026-03-02T12:00:00Z"]);
    // Her reply goes to Ana, now a trusted contact, encrypted to Ana's key.
    ingrid.run(&["exchange", "export", &copy, "-o", &file("r1.mla"), "--now", "2026-03-02T13:00:00Z"]);

    // Ana confirms Ingrid's fingerprint; Ingrid becomes the counterpart of the request.
    let refused = mla(ana.path(), &["exchange", "import", &file("r1.mla"), "--now", "2026-03-02T14:00:00Z"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains(&ingrid.fingerprint));
    let back = ana.run(&["exchange", "import", &file("r1.mla"), "--trust-signer", &ingrid.fingerprint, "--now", "2026-03-02T14:05:00Z"]);
    assert_eq!(field(&back, "Comments:"), "1 (1 new)");
    let history = ana.run(&["exchange", "history", &draft]);
    assert!(history.contains("received") && history.contains("Ingrid Berg"), "{history}");
    // The next round goes to her card, no passphrase needed.
    let contacts = ana.run(&["contacts", "list"]);
    assert!(contacts.contains("Ingrid Berg") && contacts.contains("trusted"), "{contacts}");
}

#[test]
fn a_package_that_cannot_be_written_is_not_recorded_as_sent() {
    let ana = Side::new("Ana Ruiz", "Central Authority of Arden", "2026-03-01T09:00:00Z");
    let ingrid = Side::new("Ingrid Berg", "Central Authority of Norland", "2026-03-01T09:00:00Z");
    let ingrid_id = ana.trust(&ingrid);
    let work = tempfile::tempdir().unwrap();
    let draft = ana.run(&["drafts", "import", EXAMPLE]).trim().to_string();

    let nowhere = work.path().join("no such folder").join("p.mla");
    let out = mla(ana.path(), &["exchange", "export", &draft, "--to", &ingrid_id, "-o", nowhere.to_str().unwrap(), "--now", "2026-03-02T10:00:00Z"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such folder"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(ana.run(&["exchange", "history", &draft]).trim(), "", "a package never written is in the history");
    assert!(std::fs::read_dir(work.path()).unwrap().next().is_none(), "something was left behind");

    // Sent again where it can be written, it is the first round.
    let path = work.path().join("p.mla");
    ana.run(&["exchange", "export", &draft, "--to", &ingrid_id, "-o", path.to_str().unwrap(), "--now", "2026-03-02T10:05:00Z"]);
    let history = ana.run(&["exchange", "history", &draft]);
    assert_eq!(history.lines().count(), 1, "{history}");
    assert!(history.contains("round 1") && history.contains("sent"), "{history}");
}
