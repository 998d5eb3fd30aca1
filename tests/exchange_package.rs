//! The exchange package on real files: identities made by the `mla` CLI in
//! real data directories, packages decrypted and made by the reference `age`
//! tool (Debian package `age`), containers listed by `tar`, and every way a
//! package can be altered, forwarded or oversized.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use mla_writer::exchange::age_secrecy::SecretString;
use mla_writer::exchange::card::{Card, Profile};
use mla_writer::exchange::identities;
use mla_writer::exchange::identity::UnlockedIdentity;
use mla_writer::exchange::keystore::{KeyStore, KeyStoreMode};
use mla_writer::exchange::package::{self, Keys, Limits, Opened, PackageError, Recipients, SignerStatus};
use mla_writer::exchange::thread::{AnnexSource, Comment, CommentKind, LineageEntry, Outgoing, RevisionOrigin, Round, Thread};
use mla_writer::exchange::contacts;
use mla_writer::request::read::read_request;
use mla_writer::store::Store;
use sha2::{Digest, Sha256};
use time::macros::datetime;

const EXAMPLE: &str = "examples/mla-evidence-fraud-arden-norland.json";
const PASSPHRASE: &str = "a long passphrase for tests";

/// Runs `mla` with its data in `dir` and the key file forced, as on a
/// machine without a keychain.
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

fn ok(out: Output) -> String {
    assert!(out.status.success(), "mla failed: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Runs `age` (or another tool) with these arguments; it must succeed.
fn run(tool: &str, args: &[&str]) -> Vec<u8> {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| panic!("{tool} is needed (make test installs it): {e}"));
    assert!(out.status.success(), "{tool} {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

fn profile(name: &str, authority: &str) -> Profile {
    Profile { name: name.into(), authority: authority.into(), email: format!("{}@example.org", name.to_lowercase().replace(' ', ".")) }
}

/// A person with a data directory whose identity was made by the CLI.
struct Person {
    dir: tempfile::TempDir,
    identity: UnlockedIdentity,
}

impl Person {
    fn new(name: &str, authority: &str) -> Person {
        let dir = tempfile::tempdir().unwrap();
        ok(mla(dir.path(), &["identity", "create", "--name", name, "--authority", authority, "--email", &profile(name, authority).email, "--now", "2026-03-01T09:00:00Z"]));
        let store = Store::open(&dir.path().join(mla_writer::store::DATABASE_FILE)).unwrap();
        let keys = KeyStore::new(dir.path(), KeyStoreMode::FileOnly);
        let pass = SecretString::from(PASSPHRASE.to_string());
        let mut store = store;
        let identity = identities::unlock_current(store.connection(), &keys, Some(&pass)).unwrap();
        Person { dir, identity }
    }

    fn card(&self) -> Card {
        let text = ok(mla(self.dir.path(), &["identity", "export-card"]));
        Card::parse(&text, "card").unwrap()
    }

    /// The age identity file written by `mla identity export-age-key`.
    fn age_key_file(&self) -> PathBuf {
        let path = self.dir.path().join("age-key.txt");
        ok(mla(self.dir.path(), &["identity", "export-age-key", "-o", path.to_str().unwrap()]));
        path
    }

    fn open(&self, package: &[u8], annex_dir: &Path) -> Result<Opened, PackageError> {
        let mut store = Store::open(&self.dir.path().join(mla_writer::store::DATABASE_FILE)).unwrap();
        let book = contacts::list(store.connection()).unwrap();
        package::read(package, &Keys::Identities(std::slice::from_ref(&self.identity)), &book, &Limits::default(), annex_dir)
    }
}

/// The id every test package is sent under.
const PACKAGE_ID: &str = "6a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

fn outgoing(annexes: Vec<AnnexSource>) -> Outgoing {
    let request = read_request(Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE).as_path()).unwrap();
    let author = mla_writer::exchange::thread::Participant { fingerprint: "f".into(), name: "Ana Ruiz".into(), authority: "CA Arden".into() };
    Outgoing {
        package_id: PACKAGE_ID.into(),
        created: "2026-03-02T10:15:00Z".into(),
        round: Round { request_id: "draft-1".into(), base_revision: 4, answers: None, sequence: 1, from_originator: true },
        request,
        lineage: vec![LineageEntry { revision: 4, sha256: "ab".repeat(32), at: "2026-03-02T10:00:00Z".into(), origin: RevisionOrigin::Local }],
        thread: Thread {
            comments: vec![Comment {
                id: "c1".into(),
                field: "facts.summary".into(),
                kind: CommentKind::Question,
                text: "Is the bank's address still current?".into(),
                author,
                at: "2026-03-02T10:00:00Z".into(),
                reply_to: None,
                resolved: None,
            }],
            suggestions: vec![],
        },
        note: "Draft for your comments before formal transmission".into(),
        annexes,
    }
}

fn annex(dir: &Path, name: &str, bytes: &[u8]) -> AnnexSource {
    let path = dir.join(format!("source-{}", name.replace(' ', "_")));
    std::fs::write(&path, bytes).unwrap();
    AnnexSource { name: name.into(), path }
}

/// A package from `from` to `to`, with one annex.
fn package_between(from: &UnlockedIdentity, to: &[Card], work: &Path) -> Vec<u8> {
    let mut bytes = Vec::new();
    let annexes = vec![annex(work, "Statement of account.pdf", b"%PDF-1.7 statement of account")];
    package::write(&mut bytes, from, &Recipients::Contacts(to.to_vec()), &outgoing(annexes)).unwrap();
    bytes
}

/// The entries of a tar archive: name, offset of the data, size.
fn tar_entries(tar: &[u8]) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while at + 512 <= tar.len() && tar[at..at + 512].iter().any(|b| *b != 0) {
        let header = &tar[at..at + 512];
        let name = String::from_utf8(header[..100].iter().take_while(|b| **b != 0).copied().collect()).unwrap();
        let size_text = std::str::from_utf8(&header[124..136]).unwrap().trim_matches(|c: char| c == '\0' || c == ' ');
        let size = usize::from_str_radix(size_text, 8).unwrap();
        out.push((name, at + 512, size));
        at += 512 + size.div_ceil(512) * 512;
    }
    out
}

/// Decrypts a package with `age -d -i KEYFILE`.
fn age_decrypt(package: &[u8], key_file: &Path, work: &Path) -> Vec<u8> {
    let input = work.join("in.age");
    std::fs::write(&input, package).unwrap();
    run("age", &["-d", "-i", key_file.to_str().unwrap(), input.to_str().unwrap()])
}

/// Encrypts a container with `age -r RECIPIENT`.
fn age_encrypt(container: &[u8], recipient: &str, work: &Path) -> Vec<u8> {
    let input = work.join("container.tar");
    std::fs::write(&input, container).unwrap();
    run("age", &["-r", recipient, input.to_str().unwrap()])
}

#[test]
fn a_package_decrypts_with_the_age_tool_and_holds_the_documented_container() {
    let (ana, ingrid) = (Person::new("Ana Ruiz", "Central Authority of Arden"), Person::new("Ingrid Berg", "Central Authority of Norland"));
    let work = tempfile::tempdir().unwrap();
    let package = package_between(&ana.identity, &[ingrid.card()], work.path());
    assert!(package.starts_with(b"age-encryption.org/v1\n"), "a binary age file");

    let container = age_decrypt(&package, &ingrid.age_key_file(), work.path());
    std::fs::write(work.path().join("container.tar"), &container).unwrap();
    let listing = String::from_utf8(run("tar", &["-tf", work.path().join("container.tar").to_str().unwrap()])).unwrap();
    assert_eq!(
        listing.lines().collect::<Vec<_>>(),
        ["manifest.json", "manifest.sig", "request.json", "lineage.json", "thread.json", "annexes/Statement of account.pdf"]
    );
    let verbose = String::from_utf8(run("tar", &["-tvf", work.path().join("container.tar").to_str().unwrap()])).unwrap();
    assert!(verbose.lines().all(|l| l.starts_with("-rw-r--r--")), "regular files only:\n{verbose}");

    let entries = tar_entries(&container);
    let data = |name: &str| {
        let (_, at, size) = entries.iter().find(|(n, _, _)| n == name).unwrap();
        &container[*at..*at + *size]
    };
    let manifest: serde_json::Value = serde_json::from_slice(data("manifest.json")).unwrap();
    assert_eq!(manifest["format"], "mla-writer-package/1");
    assert_eq!(manifest["sender"]["fingerprint"], ana.identity.fingerprint());
    assert_eq!(manifest["recipients"][0]["fingerprint"], ingrid.identity.fingerprint());
    assert_eq!(manifest["recipients"][0]["name"], "Ingrid Berg");
    assert_eq!(manifest["round"]["request_id"], "draft-1");
    assert_eq!(manifest["created"], "2026-03-02T10:15:00Z");
    assert_eq!(manifest["package_id"], PACKAGE_ID, "the id the package was recorded under");
    // Every entry's size and SHA-256 as the manifest lists them, in order.
    let listed = manifest["entries"].as_array().unwrap();
    assert_eq!(listed.len(), entries.len() - 2);
    for (item, (name, _, size)) in listed.iter().zip(&entries[2..]) {
        assert_eq!(item["name"], name.as_str());
        assert_eq!(item["size"], *size as u64);
        assert_eq!(item["sha256"], hex::encode(Sha256::digest(data(name))));
    }
    assert_eq!(data("annexes/Statement of account.pdf"), b"%PDF-1.7 statement of account");
    // The signature: Ed25519 by the sender's key over the manifest's bytes.
    let key = ed25519_dalek::VerifyingKey::from_bytes(&hex::decode(manifest["sender"]["signing_key"].as_str().unwrap()).unwrap().try_into().unwrap()).unwrap();
    let signature = ed25519_dalek::Signature::from_bytes(data("manifest.sig").try_into().unwrap());
    key.verify_strict(data("manifest.json"), &signature).unwrap();

    // The sender can open what they sent, with the same tool.
    let again = age_decrypt(&package, &ana.age_key_file(), work.path());
    assert_eq!(again, container);
}

#[test]
fn a_container_encrypted_by_the_age_tool_is_read_by_the_app() {
    let (ana, ingrid) = (Person::new("Ana Ruiz", "Central Authority of Arden"), Person::new("Ingrid Berg", "Central Authority of Norland"));
    let work = tempfile::tempdir().unwrap();
    let package = package_between(&ana.identity, &[ingrid.card()], work.path());
    let container = age_decrypt(&package, &ingrid.age_key_file(), work.path());

    // Re-encrypted by the reference tool to Ingrid's recipient, and to the
    // recipient file made from her card.
    let by_age = age_encrypt(&container, ingrid.card().age_recipient(), work.path());
    let recipients_file = work.path().join("recipients.txt");
    std::fs::write(&recipients_file, format!("{}\n", ingrid.card().age_recipient())).unwrap();
    let by_age_file = run("age", &["-R", recipients_file.to_str().unwrap(), work.path().join("container.tar").to_str().unwrap()]);

    for package in [by_age, by_age_file] {
        let annexes = tempfile::tempdir().unwrap();
        let opened = ingrid.open(&package, annexes.path()).unwrap();
        assert_eq!(opened.incoming.sender.fingerprint, ana.identity.fingerprint());
        assert_eq!(opened.incoming.round.base_revision, 4);
        assert_eq!(opened.incoming.package_id, PACKAGE_ID);
        assert_eq!(opened.incoming.created, "2026-03-02T10:15:00Z");
        assert_eq!(opened.incoming.note, "Draft for your comments before formal transmission");
        assert_eq!(opened.incoming.thread.comments[0].text, "Is the bank's address still current?");
        assert_eq!(opened.incoming.request, read_request(Path::new(EXAMPLE)).unwrap());
        let annex = &opened.incoming.annexes[0];
        assert_eq!(annex.name, "Statement of account.pdf");
        assert_eq!(std::fs::read(&annex.path).unwrap(), b"%PDF-1.7 statement of account");
        assert_eq!(annex.path, annexes.path().join("Statement of account.pdf"));
        assert_eq!(std::fs::read_dir(annexes.path()).unwrap().count(), 1, "the staging folder is gone");
    }
}

#[test]
fn any_flipped_byte_of_the_ciphertext_is_rejected() {
    let (ana, ingrid) = (Person::new("Ana Ruiz", "Central Authority of Arden"), Person::new("Ingrid Berg", "Central Authority of Norland"));
    let work = tempfile::tempdir().unwrap();
    let package = package_between(&ana.identity, &[ingrid.card()], work.path());
    let header_end = package.windows(4).position(|w| w == b"\n---").unwrap();
    let positions = [30, header_end + 10, header_end + 60, package.len() / 2, package.len() - 20, package.len() - 1];
    for at in positions {
        let mut altered = package.clone();
        altered[at] ^= 0x01;
        let annexes = tempfile::tempdir().unwrap();
        let err = ingrid.open(&altered, annexes.path()).err().unwrap_or_else(|| panic!("byte {at} flipped was accepted"));
        assert!(
            matches!(err, PackageError::Damaged { .. } | PackageError::NotAge(_) | PackageError::NotEncryptedToYou(_)),
            "byte {at}: {err}"
        );
        assert_eq!(std::fs::read_dir(annexes.path()).unwrap().filter(|e| !e.as_ref().unwrap().file_name().to_string_lossy().starts_with(".incoming-")).count(), 0);
    }
    // Truncated: the last chunk is missing.
    let err = ingrid.open(&package[..package.len() - 100], tempfile::tempdir().unwrap().path()).unwrap_err();
    assert!(matches!(err, PackageError::Damaged { .. }), "{err}");
}

#[test]
fn a_changed_entry_re_encrypted_with_age_fails_its_digest() {
    let (ana, ingrid) = (Person::new("Ana Ruiz", "Central Authority of Arden"), Person::new("Ingrid Berg", "Central Authority of Norland"));
    let work = tempfile::tempdir().unwrap();
    let package = package_between(&ana.identity, &[ingrid.card()], work.path());
    let mut container = age_decrypt(&package, &ingrid.age_key_file(), work.path());
    let (_, at, size) = tar_entries(&container).into_iter().find(|(n, _, _)| n == "request.json").unwrap();
    let text = String::from_utf8(container[at..at + size].to_vec()).unwrap();
    let offset = text.find("Fjordbank").unwrap();
    container[at + offset] = b'G'; // Gjordbank: same size, other bytes
    let annexes = tempfile::tempdir().unwrap();
    let err = ingrid.open(&age_encrypt(&container, ingrid.card().age_recipient(), work.path()), annexes.path()).unwrap_err();
    assert!(err.to_string().starts_with("entry `request.json`: SHA-256 does not match the manifest"), "{err}");
    assert!(err.to_string().ends_with("the package was altered"), "{err}");

    // An annex changed: refused, and nothing is left in the annex folder.
    let mut container = age_decrypt(&package, &ingrid.age_key_file(), work.path());
    let (_, at, _) = tar_entries(&container).into_iter().find(|(n, _, _)| n.starts_with("annexes/")).unwrap();
    container[at] = b'!';
    let err = ingrid.open(&age_encrypt(&container, ingrid.card().age_recipient(), work.path()), annexes.path()).unwrap_err();
    assert!(err.to_string().starts_with("entry `annexes/Statement of account.pdf`: SHA-256 does not match"), "{err}");
    assert_eq!(std::fs::read_dir(annexes.path()).unwrap().count(), 0, "no annex kept, no staging left");
}

#[test]
fn a_changed_manifest_fails_the_signature() {
    let (ana, ingrid) = (Person::new("Ana Ruiz", "Central Authority of Arden"), Person::new("Ingrid Berg", "Central Authority of Norland"));
    let work = tempfile::tempdir().unwrap();
    let package = package_between(&ana.identity, &[ingrid.card()], work.path());
    let mut container = age_decrypt(&package, &ingrid.age_key_file(), work.path());
    let (_, at, size) = tar_entries(&container)[0].clone();
    let text = String::from_utf8(container[at..at + size].to_vec()).unwrap();
    let offset = text.find("\"base_revision\": 4").unwrap() + "\"base_revision\": ".len();
    container[at + offset] = b'5';
    let err = ingrid.open(&age_encrypt(&container, ingrid.card().age_recipient(), work.path()), tempfile::tempdir().unwrap().path()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("manifest.sig: the signature by {} does not verify over manifest.json: the package was altered or not signed by its stated sender", ana.identity.fingerprint())
    );
}

#[test]
fn a_package_forwarded_to_someone_not_named_is_refused() {
    let ana = Person::new("Ana Ruiz", "Central Authority of Arden");
    let ingrid = Person::new("Ingrid Berg", "Central Authority of Norland");
    let carl = Person::new("Carl Mohr", "Prosecution Office of Calvania");
    let work = tempfile::tempdir().unwrap();
    let package = package_between(&ana.identity, &[ingrid.card()], work.path());
    // Ingrid decrypts it and re-encrypts it to Carl: the signature still holds.
    let container = age_decrypt(&package, &ingrid.age_key_file(), work.path());
    let forwarded = age_encrypt(&container, carl.card().age_recipient(), work.path());
    let annexes = tempfile::tempdir().unwrap();
    let err = carl.open(&forwarded, annexes.path()).unwrap_err();
    let message = err.to_string();
    assert!(matches!(err, PackageError::Forwarded { .. }), "{message}");
    assert!(message.starts_with(&format!("this package is addressed to Ingrid Berg (Central Authority of Norland, {}), not to you ({})", ingrid.identity.fingerprint(), carl.identity.fingerprint())), "{message}");
    assert!(message.contains("it may have been forwarded"), "{message}");
    assert_eq!(std::fs::read_dir(annexes.path()).unwrap().count(), 0, "no annex written before the recipients were checked");
    // Carl cannot open the original at all.
    assert!(matches!(carl.open(&package, annexes.path()), Err(PackageError::NotEncryptedToYou(_))));
}

#[test]
fn an_unknown_signer_is_reported_with_the_fingerprint_and_trusted_only_when_it_matches() {
    let (ana, ingrid) = (Person::new("Ana Ruiz", "Central Authority of Arden"), Person::new("Ingrid Berg", "Central Authority of Norland"));
    let work = tempfile::tempdir().unwrap();
    let package = package_between(&ana.identity, &[ingrid.card()], work.path());
    let opened = ingrid.open(&package, tempfile::tempdir().unwrap().path()).unwrap();
    assert_eq!(opened.signer, SignerStatus::Unknown);
    assert_eq!(opened.sender_card.fingerprint(), ana.identity.fingerprint());
    assert!(!opened.signer_is_trusted());

    let mut store = Store::open(&ingrid.dir.path().join(mla_writer::store::DATABASE_FILE)).unwrap();
    let wrong = ingrid.identity.fingerprint();
    let err = package::trust_signer(store.connection(), &opened, wrong, datetime!(2026-03-03 08:00 UTC)).unwrap_err();
    assert!(err.to_string().starts_with("the fingerprint confirmed does not match the card of Ana Ruiz"), "{err}");
    let contact = package::trust_signer(store.connection(), &opened, &ana.identity.fingerprint().replace(' ', ""), datetime!(2026-03-03 08:05 UTC)).unwrap();
    assert_eq!(contact.trusted_at.as_deref(), Some("2026-03-03T08:05:00Z"));
    drop(store);
    let again = ingrid.open(&package, tempfile::tempdir().unwrap().path()).unwrap();
    assert_eq!(again.signer, SignerStatus::Trusted { contact_id: contact.id });
}

#[test]
fn a_passphrase_package_opens_with_the_passphrase_and_with_the_age_tool() {
    let ana = Person::new("Ana Ruiz", "Central Authority of Arden");
    let work = tempfile::tempdir().unwrap();
    let pass = SecretString::from("seven words agreed by telephone on monday".to_string());
    let to = Recipients::Passphrase { passphrase: pass.clone(), label: "agreed with Ms Berg by telephone, 2 March".into() };
    let mut bytes = Vec::new();
    package::write(&mut bytes, &ana.identity, &to, &outgoing(vec![])).unwrap();
    let opened = package::read(&bytes[..], &Keys::Passphrase(&pass), &[], &Limits::default(), work.path()).unwrap();
    assert_eq!(opened.passphrase_label.as_deref(), Some("agreed with Ms Berg by telephone, 2 March"));
    assert_eq!(opened.signer, SignerStatus::Unknown);
    let wrong = SecretString::from("another passphrase entirely".to_string());
    assert!(matches!(package::read(&bytes[..], &Keys::Passphrase(&wrong), &[], &Limits::default(), work.path()), Err(PackageError::WrongPassphrase)));
    assert!(matches!(ana.open(&bytes, work.path()), Err(PackageError::PassphraseNeeded)));
}

#[test]
fn limits_bound_the_package_each_annex_each_field_and_the_counts() {
    let (ana, ingrid) = (Person::new("Ana Ruiz", "Central Authority of Arden"), Person::new("Ingrid Berg", "Central Authority of Norland"));
    let work = tempfile::tempdir().unwrap();
    let keys = [ingrid.identity.clone()];
    let open = |bytes: &[u8], limits: &Limits| package::read(bytes, &Keys::Identities(&keys), &[], limits, tempfile::tempdir().unwrap().path());
    let big = vec![7u8; 300_000];
    let mut bytes = Vec::new();
    package::write(&mut bytes, &ana.identity, &Recipients::Contacts(vec![ingrid.card()]), &outgoing(vec![annex(work.path(), "scan.tif", &big)])).unwrap();

    let err = open(&bytes, &Limits { package_bytes: 100_000, ..Limits::default() }).unwrap_err();
    assert_eq!(err.to_string(), "the package: 100001 bytes is more than the limit of 100000 bytes");
    let err = open(&bytes, &Limits { annex_bytes: 200_000, ..Limits::default() }).unwrap_err();
    assert_eq!(err.to_string(), "entry `annexes/scan.tif`: 300000 bytes is more than the limit of 200000 bytes");
    let err = open(&bytes, &Limits { annexes: 0, ..Limits::default() }).unwrap_err();
    assert_eq!(err.to_string(), "annexes: 1 is more than the limit of 0");
    let err = open(&bytes, &Limits { comments: 0, ..Limits::default() }).unwrap_err();
    assert_eq!(err.to_string(), "thread.json: comments: 1 is more than the limit of 0");

    let mut long = outgoing(vec![]);
    // The limit of one answer in a request file: 2 MiB.
    long.request.facts.summary = "x".repeat((2 << 20) + 1);
    let mut bytes = Vec::new();
    package::write(&mut bytes, &ana.identity, &Recipients::Contacts(vec![ingrid.card()]), &long).unwrap();
    let err = open(&bytes, &Limits::default()).unwrap_err();
    assert_eq!(err.to_string(), "request.json: at $.facts.summary: a text of 2097153 bytes is longer than the limit of 2097152 bytes");
}

#[test]
fn control_characters_from_a_counterpart_are_refused_with_their_path() {
    let (ana, ingrid) = (Person::new("Ana Ruiz", "Central Authority of Arden"), Person::new("Ingrid Berg", "Central Authority of Norland"));
    let keys = [ingrid.identity.clone()];
    let open = |bytes: &[u8]| package::read(bytes, &Keys::Identities(&keys), &[], &Limits::default(), tempfile::tempdir().unwrap().path());
    let to = || Recipients::Contacts(vec![ingrid.card()]);

    let mut comment = outgoing(vec![]);
    comment.thread.comments[0].text = "Is the address current?\u{1b}]0;owned\u{7}".into();
    let mut bytes = Vec::new();
    package::write(&mut bytes, &ana.identity, &to(), &comment).unwrap();
    let err = open(&bytes).unwrap_err();
    assert_eq!(err.to_string(), "thread.json: at $.comments[0].text: the text holds the control character U+001B, which is refused in what a counterpart sends");

    let mut request = outgoing(vec![]);
    request.request.persons[1].location = "Bergvik\u{9b}2J".into();
    let mut bytes = Vec::new();
    package::write(&mut bytes, &ana.identity, &to(), &request).unwrap();
    let err = open(&bytes).unwrap_err();
    assert_eq!(err.to_string(), "request.json: at $.persons[1].location: the text holds the control character U+009B, which is refused in what a counterpart sends");

    let mut note = outgoing(vec![]);
    note.note = "For comments\r".into();
    let mut bytes = Vec::new();
    package::write(&mut bytes, &ana.identity, &to(), &note).unwrap();
    let err = open(&bytes).unwrap_err();
    assert_eq!(err.to_string(), "manifest.json: at $.note: the text holds the control character U+000D, which is refused in what a counterpart sends");
}

#[test]
fn hostile_entry_names_are_refused_when_writing_and_when_reading() {
    let (ana, ingrid) = (Person::new("Ana Ruiz", "Central Authority of Arden"), Person::new("Ingrid Berg", "Central Authority of Norland"));
    let work = tempfile::tempdir().unwrap();
    let cases = [
        ("../x", "annexes/../x", "`..` is not allowed"),
        ("a\\b.pdf", "annexes/a\\b.pdf", "a backslash is not allowed"),
        ("evil\u{202e}fdp.exe", "annexes/evil\\u{202e}fdp.exe", "the character '\\u{202e}' (U+202E) is not allowed"),
    ];
    for (name, shown, reason) in cases {
        let hostile = AnnexSource { name: name.into(), path: annex(work.path(), "ok.pdf", b"x").path };
        let to = Recipients::Contacts(vec![ingrid.card()]);
        let err = package::write(Vec::new(), &ana.identity, &to, &outgoing(vec![hostile])).unwrap_err();
        assert_eq!(err.to_string(), format!("entry `{shown}`: name not allowed: {reason}"));
    }

    // A container whose annex entry was renamed `annexes/../x.pdf`, re-encrypted.
    let package = package_between(&ana.identity, &[ingrid.card()], work.path());
    let mut container = age_decrypt(&package, &ingrid.age_key_file(), work.path());
    let entries = tar_entries(&container);
    let (_, data_at, _) = entries.last().unwrap().clone();
    rename_entry(&mut container, data_at - 512, "annexes/../x.pdf");
    // The annexes' folder inside a folder of its own, so that the file the
    // name aims at (beside the annexes' folder) is this test's alone.
    let outer = tempfile::tempdir().unwrap();
    let annexes = outer.path().join("annexes");
    std::fs::create_dir(&annexes).unwrap();
    let err = ingrid.open(&age_encrypt(&container, ingrid.card().age_recipient(), work.path()), &annexes).unwrap_err();
    assert_eq!(err.to_string(), "entry `annexes/../x.pdf`: name not allowed: `..` is not allowed");
    assert!(!outer.path().join("x.pdf").exists());

    // An absolute name in first place.
    let mut container = age_decrypt(&package, &ingrid.age_key_file(), work.path());
    rename_entry(&mut container, 0, "/etc/manifest.json");
    let err = ingrid.open(&age_encrypt(&container, ingrid.card().age_recipient(), work.path()), &annexes).unwrap_err();
    assert_eq!(err.to_string(), "entry `/etc/manifest.json`: name not allowed: an absolute path is not allowed");

    // An entry added after the listed ones.
    let mut container = age_decrypt(&package, &ingrid.age_key_file(), work.path());
    let end = entries.last().map(|(_, at, size)| at + size.div_ceil(512) * 512).unwrap();
    let extra = container[end - 1024..end].to_vec(); // header and data of the last entry
    let mut with_extra = container[..end].to_vec();
    with_extra.extend_from_slice(&extra);
    rename_entry(&mut with_extra, end, "annexes/extra.pdf");
    with_extra.extend_from_slice(&[0u8; 1024]);
    container = with_extra;
    let err = ingrid.open(&age_encrypt(&container, ingrid.card().age_recipient(), work.path()), &annexes).unwrap_err();
    assert_eq!(err.to_string(), "entry `annexes/extra.pdf` is not listed in the manifest");
}

/// Renames the tar entry whose header starts at `header` and fixes its checksum.
fn rename_entry(tar: &mut [u8], header: usize, name: &str) {
    let h = &mut tar[header..header + 512];
    h[..100].fill(0);
    h[..name.len()].copy_from_slice(name.as_bytes());
    h[148..156].fill(b' ');
    let sum: u32 = h.iter().map(|b| *b as u32).sum();
    h[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
}

#[test]
fn key_rotation_keeps_trust_and_an_unendorsed_card_is_a_new_untrusted_contact() {
    let (ana, ingrid) = (Person::new("Ana Ruiz", "Central Authority of Arden"), Person::new("Ingrid Berg", "Central Authority of Norland"));
    let card = ana.dir.path().join("ana.card");
    ok(mla(ana.dir.path(), &["identity", "export-card", "-o", card.to_str().unwrap()]));
    let added = ok(mla(ingrid.dir.path(), &["contacts", "import", card.to_str().unwrap(), "--now", "2026-03-02T08:00:00Z"]));
    let id = added.lines().next().unwrap().split("as contact ").nth(1).unwrap().split(',').next().unwrap().to_string();
    assert!(added.contains("not trusted yet"), "{added}");

    // One digit mistyped: the last one, changed to another digit whatever it was.
    let fingerprint = ana.identity.fingerprint();
    let last = fingerprint.rfind(|c: char| c.is_ascii_digit()).unwrap();
    let other = if &fingerprint[last..] == "0" { "1" } else { "0" };
    let typo = format!("{}{other}", &fingerprint[..last]);
    assert_ne!(typo, fingerprint);
    let refused = mla(ingrid.dir.path(), &["contacts", "trust", &id[..8], "--fingerprint", &typo, "--now", "2026-03-02T08:10:00Z"]);
    assert_eq!(refused.status.code(), Some(1), "{}", String::from_utf8_lossy(&refused.stderr));
    ok(mla(ingrid.dir.path(), &["contacts", "trust", &id[..8], "--fingerprint", ana.identity.fingerprint(), "--now", "2026-03-02T08:15:00Z"]));
    let list = ok(mla(ingrid.dir.path(), &["contacts", "list"]));
    assert!(list.contains(&format!("{id}  trusted 2026-03-02T08:15:00Z  Ana Ruiz")), "{list}");

    // Ana rotates; her new card, endorsed by the old key, keeps the trust.
    let rotated = ok(mla(ana.dir.path(), &["identity", "rotate", "--now", "2026-09-01T09:00:00Z"]));
    let new_card = ana.dir.path().join("ana-new.card");
    ok(mla(ana.dir.path(), &["identity", "export-card", "-o", new_card.to_str().unwrap()]));
    let new_fingerprint = Card::parse(&std::fs::read_to_string(&new_card).unwrap(), "new").unwrap().fingerprint().to_string();
    assert!(rotated.contains(&new_fingerprint), "{rotated}");
    let out = ok(mla(ingrid.dir.path(), &["contacts", "import", new_card.to_str().unwrap(), "--now", "2026-09-02T08:00:00Z"]));
    assert!(out.contains("has new keys, endorsed by their previous key") && out.contains("still trusted"), "{out}");
    let mut store = Store::open(&ingrid.dir.path().join(mla_writer::store::DATABASE_FILE)).unwrap();
    let contact = contacts::find(store.connection(), &id).unwrap();
    assert_eq!(contact.fingerprint, new_fingerprint);
    assert_eq!(contact.trusted_at.as_deref(), Some("2026-03-02T08:15:00Z"));
    let events: Vec<String> = contacts::history(store.connection(), &id).unwrap().into_iter().map(|e| format!("{} {}", e.at, e.event)).collect();
    assert_eq!(events, ["2026-03-02T08:00:00Z imported", "2026-03-02T08:15:00Z trusted", "2026-09-02T08:00:00Z rotated"]);

    // A card with the same name but fresh keys and no endorsement: a new,
    // untrusted contact.
    let impostor = UnlockedIdentity::generate(&profile("Ana Ruiz", "Central Authority of Arden"), datetime!(2026-09-03 09:00 UTC)).unwrap();
    let outcome = contacts::import_card(store.connection(), impostor.card().text(), "impostor.card", datetime!(2026-09-03 10:00 UTC)).unwrap();
    match outcome {
        contacts::CardImport::Added { contact } => {
            assert_ne!(contact.id, id);
            assert!(!contact.is_trusted());
        }
        other => panic!("expected a new contact, got {other:?}"),
    }
    // A package to an untrusted contact is refused.
    let all = contacts::list(store.connection()).unwrap();
    let err = Recipients::trusted_contacts(&all).err().unwrap();
    assert!(err.to_string().contains("is not trusted yet: confirm the fingerprint first"), "{err}");
}

#[test]
fn identity_show_says_how_the_keys_are_protected() {
    let dir = tempfile::tempdir().unwrap();
    let out = mla(dir.path(), &["identity", "show"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no identity yet: create one (Identity and contacts in the app, `mla identity create` on the command line)"));
    ok(mla(dir.path(), &["identity", "create", "--name", "Ana Ruiz", "--authority", "CA Arden", "--email", "ana@arden.example", "--now", "2026-03-01T09:00:00Z"]));
    let shown = ok(mla(dir.path(), &["identity", "show"]));
    assert!(shown.contains("Secret keys:   in a passphrase-protected file in the data directory"), "{shown}");
    assert!(shown.contains("Created:       2026-03-01T09:00:00Z"), "{shown}");
    let fingerprint = shown.lines().find_map(|l| l.strip_prefix("Fingerprint:   ")).unwrap();
    assert!(mla_writer::exchange::fingerprint::normalise(fingerprint).as_deref() == Some(fingerprint));
    assert!(dir.path().join("keys").join(format!("{}.age", fingerprint.replace(' ', ""))).exists());
    let again = mla(dir.path(), &["identity", "create", "--name", "X", "--authority", "Y", "--email", "x@y.example"]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("an identity exists already"), "{}", String::from_utf8_lossy(&again.stderr));
    // The age key needs the passphrase.
    let out = Command::new(env!("CARGO_BIN_EXE_mla"))
        .args(["identity", "export-age-key"])
        .env("MLA_DATA_DIR", dir.path())
        .env("MLA_KEYSTORE", "file")
        .env("MLA_PASSPHRASE", "not the passphrase")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("the passphrase does not open this key file"), "{}", String::from_utf8_lossy(&out.stderr));
    let key = ok(mla(dir.path(), &["identity", "export-age-key"]));
    assert!(key.lines().any(|l| l.starts_with("AGE-SECRET-KEY-1")), "{key}");
}
