//! Reading a package, hostile until proven otherwise. In order:
//!
//! 1. the encrypted stream is counted against the package limit and
//!    decrypted with the reader's keys or the passphrase (age);
//! 2. the container's first entry must be `manifest.json` and the second
//!    `manifest.sig`; the sender's card in the manifest must verify, and the
//!    signature must verify over the manifest's exact bytes with that card's
//!    key (`verify_strict`);
//! 3. the reader must be named among the recipients (or the package be a
//!    passphrase package opened with the passphrase): a forwarded package is
//!    refused;
//! 4. only then are the other entries read, in the manifest's order, each
//!    hashed while it is read; annexes stream to a temporary folder beside
//!    `annex_dir`, never held in memory;
//! 5. every size and digest is checked, no entry may be missing, extra or
//!    repeated, and nothing but zero padding may follow the container;
//! 6. the request, the lineage and the thread are validated (request format,
//!    strict JSON, limits on fields and counts);
//! 7. the annexes are moved into `annex_dir`.

use std::collections::HashSet;
use std::io::{self, BufReader, Read, Write};
use std::path::Path;

use age::secrecy::SecretString;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::exchange::card::{self, Card};
use crate::exchange::contacts::Contact;
use crate::exchange::identity::UnlockedIdentity;
use crate::exchange::package::error::{printable, PackageError};
use crate::exchange::package::limits::{field_with_control, oversized_field, Limits};
use crate::exchange::package::manifest::{Manifest, PACKAGE_FORMAT};
use crate::exchange::package::names::{self, ANNEX_PREFIX, LINEAGE, MANIFEST, REQUEST, SIGNATURE, THREAD};
use crate::exchange::package::write::HashingReader;
use crate::exchange::package::{Keys, Opened, SignerStatus};
use crate::exchange::strict;
use crate::exchange::thread::{Incoming, LineageEntry, ReceivedAnnex, Thread};
use crate::request::json;
use crate::request::text::code_point;
use crate::request::read::parse_imported;

/// Highest scrypt work factor (log2 N) accepted in a passphrase package:
/// higher would let a hostile package take minutes of work and gigabytes of
/// memory before anything is checked.
const MAX_SCRYPT_WORK_FACTOR: u8 = 22;
/// Zero padding accepted after the end of the container (tar tools pad to
/// records of 10 KiB).
const MAX_TRAILING_ZEROS: u64 = 64 * 1024;

/// Reads a package from `input` with `keys`, checks everything (see the
/// module documentation), writes its annexes into `annex_dir` (created if
/// needed; existing files are never overwritten), and tells who signed it
/// according to `contacts`.
pub fn read(input: impl Read, keys: &Keys<'_>, contacts: &[Contact], limits: &Limits, annex_dir: &Path) -> Result<Opened, PackageError> {
    let counted = LimitedReader { inner: input, read: 0, limit: limits.package_bytes };
    let decryptor = age::Decryptor::new(BufReader::with_capacity(64 * 1024, counted)).map_err(|e| match e {
        age::DecryptError::Io(e) => classify("the age header", e),
        e => PackageError::NotAge(e.to_string()),
    })?;
    let plaintext = Decrypted(decrypt(decryptor, keys)?);
    let mut archive = tar::Archive::new(plaintext);
    let mut entries = archive.entries().map_err(|e| classify("the container", e))?.raw(true);

    // 1-2. Manifest and signature.
    let manifest_bytes = read_small(next_entry(&mut entries, 1, MANIFEST)?, MANIFEST, limits.manifest_bytes)?;
    let signature_bytes = read_small(next_entry(&mut entries, 2, SIGNATURE)?, SIGNATURE, 64)?;
    let (manifest, sender_card) = verify_manifest(&manifest_bytes, &signature_bytes, limits)?;

    // 3. Recipients.
    check_addressed(&manifest, keys)?;

    // 4-5. Entries in the manifest's order.
    check_entry_list(&manifest, limits)?;
    std::fs::create_dir_all(annex_dir).map_err(PackageError::io(format!("annex folder {}", annex_dir.display())))?;
    let staging = tempfile::Builder::new()
        .prefix(".incoming-")
        .tempdir_in(annex_dir)
        .map_err(PackageError::io(format!("annex folder {}", annex_dir.display())))?;
    let mut documents: Vec<Vec<u8>> = Vec::new();
    let mut staged: Vec<ReceivedAnnex> = Vec::new();
    for (index, expected) in manifest.entries.iter().enumerate() {
        let entry = next_entry(&mut entries, index + 3, &expected.name)?;
        if entry.size() != expected.size {
            return Err(mismatch(&expected.name, "size", expected.size.to_string(), entry.size().to_string()));
        }
        let mut hashing = HashingReader::new(entry);
        if let Some(annex) = expected.name.strip_prefix(ANNEX_PREFIX) {
            let path = staging.path().join(annex);
            let mut file = std::fs::File::create_new(&path).map_err(PackageError::io(format!("annex {}", path.display())))?;
            copy_entry(&mut hashing, &mut file, &expected.name)?;
            file.sync_all().map_err(PackageError::io(format!("annex {}", path.display())))?;
            staged.push(ReceivedAnnex { name: annex.to_string(), path, size: expected.size, sha256: expected.sha256.clone() });
        } else {
            let mut bytes = Vec::with_capacity(expected.size as usize);
            copy_entry(&mut hashing, &mut bytes, &expected.name)?;
            documents.push(bytes);
        }
        let (size, sha256) = hashing.finish();
        if size != expected.size {
            return Err(mismatch(&expected.name, "size", expected.size.to_string(), size.to_string()));
        }
        if sha256 != expected.sha256 {
            return Err(mismatch(&expected.name, "SHA-256", expected.sha256.clone(), sha256));
        }
    }
    if let Some(extra) = entries.next() {
        let extra = extra.map_err(|e| classify("the end of the container", e))?;
        return Err(PackageError::ExtraEntry(printable(&String::from_utf8_lossy(&extra.path_bytes()))));
    }
    drop(entries);
    expect_only_padding(archive.into_inner())?;

    // 6. Documents.
    let [request, lineage, thread]: [Vec<u8>; 3] = documents.try_into().map_err(|_| PackageError::Manifest("expected three documents".into()))?;
    let incoming_request = read_request(&request, limits)?;
    let lineage: Vec<LineageEntry> = read_document(&lineage, LINEAGE, limits)?;
    let thread: Thread = read_document(&thread, THREAD, limits)?;
    for (what, count, limit) in [
        ("lineage.json: revisions", lineage.len(), limits.lineage),
        ("thread.json: comments", thread.comments.len(), limits.comments),
        ("thread.json: suggestions", thread.suggestions.len(), limits.suggestions),
    ] {
        if count > limit {
            return Err(PackageError::TooMany { what: what.into(), count, limit });
        }
    }

    // 7. Annexes into place.
    let mut annexes = Vec::with_capacity(staged.len());
    for annex in staged {
        let target = annex_dir.join(&annex.name);
        if target.exists() {
            return Err(PackageError::AnnexExists(target));
        }
        std::fs::rename(&annex.path, &target).map_err(PackageError::io(format!("annex {}", target.display())))?;
        annexes.push(ReceivedAnnex { path: target, ..annex });
    }

    let signer = signer_status(&sender_card, keys, contacts);
    Ok(Opened {
        incoming: Incoming {
            package_id: manifest.package_id,
            sender: sender_card.participant(),
            created: manifest.created,
            round: manifest.round,
            request: incoming_request,
            lineage,
            thread,
            note: manifest.note,
            annexes,
        },
        signer,
        sender_card,
        recipients: manifest.recipients.iter().map(|r| r.fingerprint.clone()).collect(),
        passphrase_label: manifest.passphrase_label,
    })
}

fn decrypt<R: Read>(decryptor: age::Decryptor<R>, keys: &Keys<'_>) -> Result<age::stream::StreamReader<R>, PackageError> {
    match keys {
        Keys::Identities(identities) => {
            if decryptor.is_scrypt() {
                return Err(PackageError::PassphraseNeeded);
            }
            let result = decryptor.decrypt(identities.iter().map(|i| i.age_identity() as &dyn age::Identity));
            result.map_err(|e| match e {
                age::DecryptError::NoMatchingKeys => PackageError::NotEncryptedToYou(fingerprints(identities)),
                age::DecryptError::InvalidMac | age::DecryptError::DecryptionFailed => {
                    PackageError::Damaged { at: "the age header".into(), message: e.to_string() }
                }
                e => PackageError::NotAge(e.to_string()),
            })
        }
        Keys::Passphrase(passphrase) => {
            if !decryptor.is_scrypt() {
                return Err(PackageError::NotPassphrase);
            }
            let mut identity = age::scrypt::Identity::new(SecretString::clone(passphrase));
            identity.set_max_work_factor(MAX_SCRYPT_WORK_FACTOR);
            decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)).map_err(|e| match e {
                age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => PackageError::WrongPassphrase,
                age::DecryptError::ExcessiveWork { required, target } => {
                    PackageError::NotAge(format!("the passphrase's work factor {required} is above the limit {target}"))
                }
                e => PackageError::NotAge(e.to_string()),
            })
        }
    }
}

fn fingerprints(identities: &[UnlockedIdentity]) -> String {
    identities.iter().map(|i| i.fingerprint()).collect::<Vec<_>>().join("; ")
}

/// The next entry, which must be a regular file named `expected`.
fn next_entry<'a, R: Read>(
    entries: &mut tar::Entries<'a, R>,
    position: usize,
    expected: &str,
) -> Result<tar::Entry<'a, R>, PackageError> {
    let entry = match entries.next() {
        None => return Err(PackageError::MissingEntry(expected.to_string())),
        Some(entry) => entry.map_err(|e| classify(&format!("entry {position}"), e))?,
    };
    let name_bytes = entry.path_bytes().into_owned();
    let name = String::from_utf8(name_bytes).map_err(|e| PackageError::EntryName {
        name: printable(&String::from_utf8_lossy(e.as_bytes())),
        reason: "the name is not UTF-8".into(),
    })?;
    if let Some(reason) = names::entry_name_problem(&name) {
        return Err(PackageError::EntryName { name: printable(&name), reason });
    }
    let kind = entry.header().entry_type();
    if kind != tar::EntryType::Regular {
        return Err(PackageError::Container {
            at: format!("entry `{}`", printable(&name)),
            message: format!("only regular files may appear, found a {kind:?} entry"),
        });
    }
    if name != expected {
        return Err(PackageError::UnexpectedEntry { position, expected: expected.to_string(), found: printable(&name) });
    }
    Ok(entry)
}

/// Reads an entry of at most `limit` bytes into memory.
fn read_small<R: Read>(entry: tar::Entry<'_, R>, name: &str, limit: u64) -> Result<Vec<u8>, PackageError> {
    if entry.size() > limit {
        return Err(PackageError::TooLarge { what: name.to_string(), size: entry.size(), limit });
    }
    let mut bytes = Vec::with_capacity(entry.size() as usize);
    let mut entry = entry;
    copy_entry(&mut entry, &mut bytes, name)?;
    Ok(bytes)
}

fn copy_entry(from: &mut impl Read, to: &mut impl Write, name: &str) -> Result<u64, PackageError> {
    let mut buffer = vec![0u8; 64 * 1024];
    let mut total = 0u64;
    loop {
        let n = match from.read(&mut buffer) {
            Ok(0) => return Ok(total),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(classify(&format!("entry `{}`", printable(name)), e)),
        };
        to.write_all(&buffer[..n]).map_err(PackageError::io(format!("entry {name}")))?;
        total += n as u64;
    }
}

fn verify_manifest(bytes: &[u8], signature: &[u8], limits: &Limits) -> Result<(Manifest, Card), PackageError> {
    let text = std::str::from_utf8(bytes).map_err(|e| PackageError::Manifest(format!("not UTF-8 text: {e}")))?;
    let value = json::parse(text).map_err(|e| PackageError::Manifest(e.to_string()))?;
    check_strings(&value, MANIFEST, limits)?;
    let manifest: Manifest = strict::from_value(value).map_err(PackageError::Manifest)?;
    if manifest.format != PACKAGE_FORMAT {
        return Err(PackageError::Manifest(format!("at $.format: {:?} is not {PACKAGE_FORMAT:?}", card::preview(&manifest.format))));
    }
    let sender = Card::parse(&manifest.sender.card, "sender card").map_err(PackageError::SenderCard)?;
    if sender.fingerprint() != manifest.sender.fingerprint || hex::encode(sender.signing_key().as_bytes()) != manifest.sender.signing_key {
        return Err(PackageError::Manifest(format!(
            "at $.sender: the fingerprint and key stated do not match the sender's card ({})",
            sender.fingerprint()
        )));
    }
    let signature: [u8; 64] = signature.try_into().map_err(|_| PackageError::Container {
        at: format!("entry `{SIGNATURE}`"),
        message: format!("expected a 64-byte Ed25519 signature, found {} bytes", signature.len()),
    })?;
    sender
        .signing_key()
        .verify_strict(bytes, &ed25519_dalek::Signature::from_bytes(&signature))
        .map_err(|_| PackageError::BadSignature { fingerprint: sender.fingerprint().to_string() })?;
    uuid::Uuid::parse_str(&manifest.package_id)
        .map_err(|_| PackageError::Manifest(format!("at $.package_id: {:?} is not a UUID", card::preview(&manifest.package_id))))?;
    OffsetDateTime::parse(&manifest.created, &Rfc3339)
        .map_err(|_| PackageError::Manifest(format!("at $.created: {:?} is not an RFC 3339 time", card::preview(&manifest.created))))?;
    if manifest.recipients.len() > limits.recipients {
        return Err(PackageError::TooMany { what: "manifest.json: recipients".into(), count: manifest.recipients.len(), limit: limits.recipients });
    }
    Ok((manifest, sender))
}

fn check_addressed(manifest: &Manifest, keys: &Keys<'_>) -> Result<(), PackageError> {
    let addressed_to = || {
        let mut names: Vec<String> =
            manifest.recipients.iter().map(|r| format!("{} ({}, {})", printable(&r.name), printable(&r.authority), r.fingerprint)).collect();
        if let Some(label) = &manifest.passphrase_label {
            names.push(format!("holders of the passphrase {:?}", printable(label)));
        }
        if names.is_empty() {
            names.push("nobody".into());
        }
        names.join("; ")
    };
    match keys {
        Keys::Passphrase(_) => {
            if manifest.passphrase_label.is_none() {
                return Err(PackageError::Forwarded { addressed_to: addressed_to(), you: "a holder of a passphrase".into() });
            }
        }
        Keys::Identities(identities) => {
            let named = identities.iter().any(|i| {
                i.fingerprint() == manifest.sender.fingerprint || manifest.recipients.iter().any(|r| r.fingerprint == i.fingerprint())
            });
            if !named {
                return Err(PackageError::Forwarded { addressed_to: addressed_to(), you: fingerprints(identities) });
            }
        }
    }
    Ok(())
}

fn check_entry_list(manifest: &Manifest, limits: &Limits) -> Result<(), PackageError> {
    let entries = &manifest.entries;
    if entries.len() > limits.entries {
        return Err(PackageError::TooMany { what: "manifest.json: entries".into(), count: entries.len(), limit: limits.entries });
    }
    let mut seen = HashSet::new();
    for (index, entry) in entries.iter().enumerate() {
        if let Some(reason) = names::entry_name_problem(&entry.name) {
            return Err(PackageError::EntryName { name: printable(&entry.name), reason });
        }
        if !seen.insert(entry.name.to_lowercase()) {
            return Err(PackageError::DuplicateEntry(printable(&entry.name)));
        }
        let fixed = [REQUEST, LINEAGE, THREAD];
        let expected_here = fixed.get(index).copied();
        match expected_here {
            Some(name) if entry.name != name => {
                return Err(PackageError::Manifest(format!("at $.entries[{index}]: expected `{name}`, found `{}`", printable(&entry.name))))
            }
            None if !entry.name.starts_with(ANNEX_PREFIX) => {
                return Err(PackageError::Manifest(format!("at $.entries[{index}]: `{}` may appear only once", printable(&entry.name))))
            }
            _ => {}
        }
        let limit = if expected_here.is_some() { limits.document_bytes } else { limits.annex_bytes };
        if entry.size > limit {
            return Err(PackageError::TooLarge { what: format!("entry `{}`", printable(&entry.name)), size: entry.size, limit });
        }
        if entry.sha256.len() != 64 || !entry.sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
            return Err(PackageError::Manifest(format!("at $.entries[{index}].sha256: expected 64 lowercase hexadecimal digits")));
        }
    }
    if entries.len() < 3 {
        let missing = [REQUEST, LINEAGE, THREAD][entries.len()];
        return Err(PackageError::Manifest(format!("at $.entries: `{missing}` is not listed")));
    }
    let annexes = entries.len() - 3;
    if annexes > limits.annexes {
        return Err(PackageError::TooMany { what: "annexes".into(), count: annexes, limit: limits.annexes });
    }
    Ok(())
}

fn read_request(bytes: &[u8], limits: &Limits) -> Result<crate::request::Request, PackageError> {
    let text = std::str::from_utf8(bytes).map_err(|e| PackageError::Document { entry: REQUEST, message: format!("not UTF-8 text: {e}") })?;
    check_fields(text, REQUEST, limits)?;
    parse_imported(text, REQUEST).map_err(PackageError::Request)
}

fn read_document<T: serde::de::DeserializeOwned + serde::Serialize>(bytes: &[u8], entry: &'static str, limits: &Limits) -> Result<T, PackageError> {
    let text = std::str::from_utf8(bytes).map_err(|e| PackageError::Document { entry, message: format!("not UTF-8 text: {e}") })?;
    let value = check_fields(text, entry, limits)?;
    strict::from_value(value).map_err(|message| PackageError::Document { entry, message })
}

/// Parses `text` as JSON (a repeated key refused) and checks its strings.
fn check_fields(text: &str, entry: &'static str, limits: &Limits) -> Result<serde_json::Value, PackageError> {
    let value = json::parse(text).map_err(|e| PackageError::Document { entry, message: e.to_string() })?;
    check_strings(&value, entry, limits)?;
    Ok(value)
}

/// Checks every string of `value` against the field limit and for control
/// characters.
fn check_strings(value: &serde_json::Value, entry: &'static str, limits: &Limits) -> Result<(), PackageError> {
    if let Some((path, size)) = oversized_field(value, limits.field_bytes) {
        return Err(PackageError::FieldTooLong { entry, path, size, limit: limits.field_bytes });
    }
    if let Some((path, c)) = field_with_control(value) {
        return Err(PackageError::ControlCharacter { entry, path, code: code_point(c) });
    }
    Ok(())
}

/// Reads what follows the container to the end of the encrypted stream
/// (which also makes age authenticate its last chunk): zeros only.
fn expect_only_padding(mut rest: impl Read) -> Result<(), PackageError> {
    let mut buffer = [0u8; 8192];
    let mut total = 0u64;
    loop {
        let n = match rest.read(&mut buffer) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(classify("the end of the container", e)),
        };
        total += n as u64;
        if buffer[..n].iter().any(|b| *b != 0) || total > MAX_TRAILING_ZEROS {
            return Err(PackageError::Container { at: "the end of the container".into(), message: "data follows the last entry".into() });
        }
    }
}

fn signer_status(card: &Card, keys: &Keys<'_>, contacts: &[Contact]) -> SignerStatus {
    if let Keys::Identities(identities) = keys {
        if identities.iter().any(|i| i.fingerprint() == card.fingerprint()) {
            return SignerStatus::Own;
        }
    }
    match contacts.iter().find(|c| c.fingerprint == card.fingerprint()) {
        Some(contact) if contact.is_trusted() => SignerStatus::Trusted { contact_id: contact.id.clone() },
        Some(contact) => SignerStatus::Untrusted { contact_id: contact.id.clone() },
        None => SignerStatus::Unknown,
    }
}

fn mismatch(name: &str, what: &'static str, expected: String, found: String) -> PackageError {
    PackageError::Mismatch { name: printable(name), what, expected, found }
}

/// The error of a failed read, by its cause: the package limit reached,
/// the decryption failing to authenticate (altered or truncated), or else
/// the container itself.
fn classify(at: &str, e: io::Error) -> PackageError {
    if let Some(PackageTooLarge(limit)) = find_cause::<PackageTooLarge>(&e) {
        return PackageError::TooLarge { what: "the package".into(), size: limit + 1, limit: *limit };
    }
    if let Some(Undecryptable(message)) = find_cause::<Undecryptable>(&e) {
        return PackageError::Damaged { at: at.to_string(), message: message.clone() };
    }
    PackageError::Container { at: at.to_string(), message: e.to_string() }
}

/// The first error of type `T` in the chain of causes of `e`.
fn find_cause<T: std::error::Error + 'static>(e: &io::Error) -> Option<&T> {
    let mut current: Option<&(dyn std::error::Error + 'static)> = e.get_ref().map(|inner| inner as &(dyn std::error::Error + 'static));
    while let Some(error) = current {
        if let Some(found) = error.downcast_ref::<T>() {
            return Some(found);
        }
        current = match error.downcast_ref::<io::Error>().and_then(|io| io.get_ref()) {
            Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
            None => error.source(),
        };
    }
    None
}

/// The decrypted stream, whose read errors (other than the package limit)
/// are decryption failures.
struct Decrypted<R>(age::stream::StreamReader<R>);

impl<R: Read> Read for Decrypted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|e| {
            if find_cause::<PackageTooLarge>(&e).is_some() {
                e
            } else {
                io::Error::other(Undecryptable(e.to_string()))
            }
        })
    }
}

/// A failure of the decryption while reading.
#[derive(Debug)]
struct Undecryptable(String);

impl std::fmt::Display for Undecryptable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Undecryptable {}

/// The error a [`LimitedReader`] gives once its limit is passed.
#[derive(Debug)]
struct PackageTooLarge(u64);

impl std::fmt::Display for PackageTooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the package is larger than the limit of {} bytes", self.0)
    }
}

impl std::error::Error for PackageTooLarge {}

/// Counts the bytes read and fails past the limit.
struct LimitedReader<R> {
    inner: R,
    read: u64,
    limit: u64,
}

impl<R: Read> Read for LimitedReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.limit {
            return Err(io::Error::other(PackageTooLarge(self.limit)));
        }
        Ok(n)
    }
}
