//! `mla identity …` and `mla contacts …`: the identity and contact book of
//! the exchange with counterparts.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use mla_writer::exchange::age_secrecy::{ExposeSecret, SecretString};
use mla_writer::exchange::card::Profile;
use mla_writer::exchange::contacts::{self, CardImport, ContactError};
use mla_writer::exchange::identities::{self, OwnIdentity};
use mla_writer::exchange::keystore::KeyStore;
use mla_writer::store::{data_dir, Store};

use crate::{ContactsCommand, IdentityCommand, PassphraseArg};

/// Environment variable holding the key file's passphrase.
const PASSPHRASE_ENV: &str = "MLA_PASSPHRASE";

fn open() -> Result<(Store, KeyStore), String> {
    let dir = data_dir::data_dir();
    let store = Store::open(&dir.join(mla_writer::store::DATABASE_FILE)).map_err(|e| e.to_string())?;
    let keys = KeyStore::from_env(&dir).map_err(|e| e.to_string())?;
    Ok((store, keys))
}

/// The passphrase from --passphrase-file (first line) or MLA_PASSPHRASE.
fn passphrase(arg: &PassphraseArg) -> Result<Option<SecretString>, String> {
    if let Some(file) = &arg.passphrase_file {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: cannot read the passphrase: {e}", file.display()))?;
        let line = text.lines().next().unwrap_or_default().to_string();
        if line.is_empty() {
            return Err(format!("{}: the first line (the passphrase) is empty", file.display()));
        }
        return Ok(Some(SecretString::from(line)));
    }
    Ok(std::env::var(PASSPHRASE_ENV).ok().filter(|p| !p.is_empty()).map(SecretString::from))
}

fn now(given: Option<time::OffsetDateTime>) -> time::OffsetDateTime {
    given.unwrap_or_else(time::OffsetDateTime::now_utc)
}

fn write_out(output: Option<&Path>, text: &str) -> Result<(), String> {
    match output {
        Some(path) => std::fs::write(path, text).map_err(|e| format!("{}: cannot write: {e}", path.display())),
        None => std::io::stdout().write_all(text.as_bytes()).map_err(|e| format!("standard output: {e}")),
    }
}

fn print_identity(own: &OwnIdentity) {
    println!("Name:          {}", own.name);
    println!("Authority:     {}", own.authority);
    println!("E-mail:        {}", own.email);
    println!("Fingerprint:   {}", own.fingerprint);
    println!("age recipient: {}", own.age_recipient);
    println!("Created:       {}", own.created_at);
    println!("Secret keys:   in {}", own.protection.describe());
}

/// Runs `mla identity …`.
pub fn identity(cmd: IdentityCommand) -> Result<ExitCode, String> {
    let (mut store, keys) = open()?;
    match cmd {
        IdentityCommand::Create { name, authority, email, passphrase: arg, now: at } => {
            let profile = Profile { name, authority, email };
            let pass = passphrase(&arg)?;
            let created = identities::create(store.connection(), &keys, &profile, now(at), pass.as_ref()).map_err(|e| e.to_string())?;
            if let Some(reason) = &created.keychain_unavailable {
                eprintln!("mla: no operating system keychain is available ({reason}); the keys are in a passphrase-protected file");
            }
            let own = identities::current(store.connection()).map_err(|e| e.to_string())?.ok_or("the identity was not recorded")?;
            print_identity(&own);
        }
        IdentityCommand::Show => {
            let own = identities::current(store.connection()).map_err(|e| e.to_string())?;
            let own = own.ok_or_else(|| identities::OwnIdentityError::None.to_string())?;
            print_identity(&own);
        }
        IdentityCommand::ExportCard { output } => {
            let own = identities::current(store.connection()).map_err(|e| e.to_string())?;
            let own = own.ok_or_else(|| identities::OwnIdentityError::None.to_string())?;
            write_out(output.as_deref(), &own.card)?;
        }
        IdentityCommand::ExportAgeKey { output, passphrase: arg } => {
            let pass = passphrase(&arg)?;
            let unlocked = identities::unlock_current(store.connection(), &keys, pass.as_ref()).map_err(|e| e.to_string())?;
            let text = format!(
                "# MLA Writer age key of {}\n# public key: {}\n{}\n",
                unlocked.fingerprint(),
                unlocked.card().age_recipient(),
                unlocked.age_secret_key().expose_secret()
            );
            write_out(output.as_deref(), &text)?;
        }
        IdentityCommand::Rotate { passphrase: arg, now: at } => {
            let pass = passphrase(&arg)?;
            let current = identities::unlock_current(store.connection(), &keys, pass.as_ref()).map_err(|e| e.to_string())?;
            let created = identities::rotate(store.connection(), &keys, &current, now(at), pass.as_ref()).map_err(|e| e.to_string())?;
            println!("The keys of {} are replaced; send your new card to your contacts (`mla identity export-card`).", current.fingerprint());
            if let Some(reason) = &created.keychain_unavailable {
                eprintln!("mla: no operating system keychain is available ({reason}); the keys are in a passphrase-protected file");
            }
            let own = identities::current(store.connection()).map_err(|e| e.to_string())?.ok_or("the identity was not recorded")?;
            print_identity(&own);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `mla contacts …`.
pub fn contacts(cmd: ContactsCommand) -> Result<ExitCode, String> {
    let (mut store, _) = open()?;
    match cmd {
        ContactsCommand::Import { file, now: at } => {
            let text = read_card_file(&file)?;
            let outcome = contacts::import_card(store.connection(), &text, &file.display().to_string(), now(at)).map_err(|e| e.to_string())?;
            match outcome {
                CardImport::Added { contact } => {
                    println!("Added {} ({}) as contact {}, not trusted yet.", contact.name, contact.authority, contact.id);
                    println!("Fingerprint: {}", contact.fingerprint);
                    println!("Compare it with {} by telephone, then: mla contacts trust {} --fingerprint \"…\"", contact.name, contact.id);
                }
                CardImport::Rotated { contact, previous_fingerprint } => {
                    let trust = if contact.is_trusted() { "still trusted" } else { "not trusted yet" };
                    println!("{} ({}) has new keys, endorsed by their previous key {previous_fingerprint}; {trust}.", contact.name, contact.id);
                    println!("Fingerprint: {}", contact.fingerprint);
                }
                CardImport::AlreadyKnown { contact } => {
                    println!("{} is already contact {} ({}); nothing changed.", contact.name, contact.id, contact.fingerprint);
                }
            }
        }
        ContactsCommand::List => {
            for c in contacts::list(store.connection()).map_err(|e| e.to_string())? {
                let trust = match &c.trusted_at {
                    Some(at) => format!("trusted {at}"),
                    None => "NOT TRUSTED".to_string(),
                };
                println!("{}  {}  {} ({}, {})\n    {}", c.id, trust, c.name, c.authority, c.email, c.fingerprint);
            }
        }
        ContactsCommand::Trust { id, fingerprint, now: at } => match contacts::trust(store.connection(), &id, &fingerprint, now(at)) {
            Ok(contact) => println!("{} ({}) is trusted since {}.", contact.name, contact.id, contact.trusted_at.unwrap_or_default()),
            Err(e @ (ContactError::FingerprintMismatch { .. } | ContactError::BadFingerprint(_))) => {
                eprintln!("mla: {e}");
                return Ok(ExitCode::from(1));
            }
            Err(e) => return Err(e.to_string()),
        },
    }
    Ok(ExitCode::SUCCESS)
}

fn read_card_file(file: &Path) -> Result<String, String> {
    let size = std::fs::metadata(file).map_err(|e| format!("{}: cannot read: {e}", file.display()))?.len();
    if size > mla_writer::exchange::card::MAX_CARD_BYTES as u64 {
        return Err(format!("{}: {size} bytes is too large for a card", file.display()));
    }
    std::fs::read_to_string(file).map_err(|e| format!("{}: cannot read: {e}", file.display()))
}
