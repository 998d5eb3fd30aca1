//! Writing a package: the annexes are hashed first (the manifest, which
//! comes first, lists every digest), then everything is written as one
//! stream — tar container inside age encryption — reading each annex again
//! and checking it has not changed.

use std::io::{self, Read, Write};

use age::secrecy::SecretString;
use sha2::{Digest, Sha256};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::exchange::identity::UnlockedIdentity;
use crate::exchange::package::error::{printable, PackageError};
use crate::exchange::package::manifest::{Entry, Manifest, Recipient, Sender, PACKAGE_FORMAT};
use crate::exchange::package::names::{self, ANNEX_PREFIX, LINEAGE, MANIFEST, REQUEST, SIGNATURE, THREAD};
use crate::exchange::package::{PackageSummary, Recipients};
use crate::exchange::thread::Outgoing;
use crate::request::read;

/// Writes `outgoing` as a package to `out`, signed by `sender` and encrypted
/// to `to` (and to the sender, so that they can open what they sent). The
/// manifest carries `outgoing.package_id` and `outgoing.created`, the id and
/// time under which the consultation layer recorded the package as sent.
pub fn write(out: impl Write, sender: &UnlockedIdentity, to: &Recipients, outgoing: &Outgoing) -> Result<PackageSummary, PackageError> {
    let package_id = uuid::Uuid::parse_str(&outgoing.package_id)
        .map_err(|_| PackageError::Manifest(format!("at $.package_id: {:?} is not a UUID", outgoing.package_id)))?
        .to_string();
    let created = OffsetDateTime::parse(&outgoing.created, &Rfc3339)
        .map_err(|_| PackageError::Manifest(format!("at $.created: {:?} is not an RFC 3339 time", outgoing.created)))?;
    for annex in &outgoing.annexes {
        if let Some(reason) = names::annex_name_problem(&annex.name) {
            return Err(PackageError::EntryName { name: printable(&format!("{ANNEX_PREFIX}{}", annex.name)), reason });
        }
    }
    if let Some(name) = names::colliding(outgoing.annexes.iter().map(|a| a.name.as_str())) {
        return Err(PackageError::DuplicateEntry(printable(&format!("{ANNEX_PREFIX}{name}"))));
    }
    let documents: [(&str, Vec<u8>); 3] = [
        (REQUEST, read::to_json(&outgoing.request).into_bytes()),
        (LINEAGE, serde_json::to_vec_pretty(&outgoing.lineage).expect("the lineage serialises")),
        (THREAD, serde_json::to_vec_pretty(&outgoing.thread).expect("the thread serialises")),
    ];
    let mut entries: Vec<Entry> = documents
        .iter()
        .map(|(name, bytes)| Entry { name: name.to_string(), size: bytes.len() as u64, sha256: hex::encode(Sha256::digest(bytes)) })
        .collect();
    for annex in &outgoing.annexes {
        let file = std::fs::File::open(&annex.path).map_err(PackageError::io(format!("annex {}", annex.path.display())))?;
        let mut hashing = HashingReader::new(file);
        io::copy(&mut hashing, &mut io::sink()).map_err(PackageError::io(format!("annex {}", annex.path.display())))?;
        let (size, sha256) = hashing.finish();
        entries.push(Entry { name: format!("{ANNEX_PREFIX}{}", annex.name), size, sha256 });
    }

    let (recipients, passphrase_label) = match to {
        Recipients::Contacts(cards) => {
            (cards.iter().map(|c| Recipient { fingerprint: c.fingerprint().to_string(), name: c.body().name.clone(), authority: c.body().authority.clone() }).collect(), None)
        }
        Recipients::Passphrase { label, .. } => (Vec::new(), Some(label.clone())),
    };
    let manifest = Manifest {
        format: PACKAGE_FORMAT.to_string(),
        package_id,
        created: created.to_offset(time::UtcOffset::UTC).replace_nanosecond(0).unwrap_or(created).format(&Rfc3339).unwrap_or_default(),
        sender: Sender {
            fingerprint: sender.fingerprint().to_string(),
            signing_key: hex::encode(sender.card().signing_key().as_bytes()),
            card: sender.card().text().to_string(),
        },
        recipients,
        passphrase_label,
        round: outgoing.round.clone(),
        note: outgoing.note.clone(),
        entries,
    };
    let manifest_bytes = serde_json::to_vec_pretty(&manifest).expect("the manifest serialises");
    let signature = sender.sign(&manifest_bytes).to_bytes();

    let encryptor = encryptor(sender, to)?;
    let encrypted = encryptor.wrap_output(out).map_err(PackageError::io("the package"))?;
    let mut tar = tar::Builder::new(encrypted);
    let mtime = created.unix_timestamp().max(0) as u64;
    append(&mut tar, MANIFEST, manifest_bytes.len() as u64, mtime, &manifest_bytes[..])?;
    append(&mut tar, SIGNATURE, signature.len() as u64, mtime, &signature[..])?;
    for (name, bytes) in &documents {
        append(&mut tar, name, bytes.len() as u64, mtime, &bytes[..])?;
    }
    let mut annex_bytes = 0;
    for (annex, entry) in outgoing.annexes.iter().zip(&manifest.entries[documents.len()..]) {
        let file = std::fs::File::open(&annex.path).map_err(PackageError::io(format!("annex {}", annex.path.display())))?;
        let mut hashing = HashingReader::new(file.take(entry.size));
        append(&mut tar, &entry.name, entry.size, mtime, &mut hashing)?;
        if hashing.finish() != (entry.size, entry.sha256.clone()) {
            return Err(PackageError::AnnexChanged { name: annex.name.clone(), path: annex.path.clone() });
        }
        annex_bytes += entry.size;
    }
    let encrypted = tar.into_inner().map_err(PackageError::io("the package"))?;
    let mut out = encrypted.finish().map_err(PackageError::io("the package"))?;
    out.flush().map_err(PackageError::io("the package"))?;
    Ok(PackageSummary {
        package_id: manifest.package_id,
        recipients: manifest.recipients.iter().map(|r| r.fingerprint.clone()).collect(),
        passphrase_label: manifest.passphrase_label,
        entries: manifest.entries.len() + 2,
        annex_bytes,
    })
}

fn encryptor(sender: &UnlockedIdentity, to: &Recipients) -> Result<age::Encryptor, PackageError> {
    match to {
        Recipients::Passphrase { passphrase, .. } => Ok(age::Encryptor::with_user_passphrase(SecretString::clone(passphrase))),
        Recipients::Contacts(cards) => {
            if cards.is_empty() {
                return Err(PackageError::NoRecipients);
            }
            let mut keys: Vec<age::x25519::Recipient> = Vec::new();
            for recipient in cards.iter().map(|c| c.age_recipient()).chain([sender.card().age_recipient()]) {
                keys.push(recipient.parse().map_err(|e: &str| PackageError::Encrypt(format!("recipient {recipient}: {e}")))?);
            }
            age::Encryptor::with_recipients(keys.iter().map(|k| k as &dyn age::Recipient)).map_err(|e| PackageError::Encrypt(e.to_string()))
        }
    }
}

/// Appends one regular file of `size` bytes read from `data`.
fn append<W: Write>(tar: &mut tar::Builder<W>, name: &str, size: u64, mtime: u64, data: impl Read) -> Result<(), PackageError> {
    let mut header = tar::Header::new_ustar();
    header.set_path(name).map_err(PackageError::io(format!("entry {name}")))?;
    header.set_size(size);
    header.set_mode(0o644);
    header.set_mtime(mtime);
    header.set_uid(0);
    header.set_gid(0);
    header.set_entry_type(tar::EntryType::Regular);
    header.set_cksum();
    tar.append(&header, data).map_err(PackageError::io(format!("entry {name}")))
}

/// A reader that hashes and counts what passes through it.
pub(crate) struct HashingReader<R> {
    inner: R,
    hash: Sha256,
    size: u64,
}

impl<R: Read> HashingReader<R> {
    pub(crate) fn new(inner: R) -> HashingReader<R> {
        HashingReader { inner, hash: Sha256::new(), size: 0 }
    }

    /// The size read and the SHA-256, hex.
    pub(crate) fn finish(&mut self) -> (u64, String) {
        (self.size, hex::encode(std::mem::take(&mut self.hash).finalize()))
    }
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }
}
