//! `mla identity …`, `mla contacts …` and `mla exchange …`: the identity,
//! the contact book and the consultation of counterparts on a draft.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use mla_writer::exchange::age_secrecy::{ExposeSecret, SecretString};
use mla_writer::exchange::card::Profile;
use mla_writer::exchange::contacts::{self, CardImport, ContactError};
use mla_writer::exchange::identities::{self, OwnIdentity};
use mla_writer::exchange::consultation::{self, Resolution};
use mla_writer::exchange::desk::{self, DeskError, SendTo};
use mla_writer::exchange::keystore::KeyStore;
use mla_writer::exchange::thread::{CommentKind, Participant};
use mla_writer::files::AtomicFile;
use mla_writer::store::{data_dir, Store};

use crate::{CommentKindArg, ContactsCommand, ExchangeCommand, IdentityCommand, OutputFormat, PassphraseArg, TakeArg};

/// Environment variable holding the key file's passphrase.
const PASSPHRASE_ENV: &str = "MLA_PASSPHRASE";

fn open() -> Result<(Store, KeyStore), String> {
    let dir = data_dir::data_dir();
    let store = crate::database::open()?;
    let keys = KeyStore::from_env(&dir).map_err(|e| e.to_string())?;
    Ok((store, keys))
}

/// The largest passphrase file read: its first line is the passphrase.
const PASSPHRASE_FILE_BYTES: u64 = 64 * 1024;

/// The passphrase from --passphrase-file (first line) or MLA_PASSPHRASE.
fn passphrase(arg: &PassphraseArg) -> Result<Option<SecretString>, String> {
    if let Some(file) = &arg.passphrase_file {
        let text = mla_writer::request::text_file::read_text_file(file, PASSPHRASE_FILE_BYTES)
            .map_err(|e| format!("{}: cannot read the passphrase: {e}", file.display()))?;
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

/// Writes `text` to `output`, or to standard output; a `secret` file is
/// readable by its owner only.
fn write_out(output: Option<&Path>, text: &str, secret: bool) -> Result<(), String> {
    match output {
        Some(path) => {
            let mut file = if secret { AtomicFile::create_private(path) } else { AtomicFile::create(path) }.map_err(|e| e.to_string())?;
            file.write_all(text.as_bytes()).map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
            file.commit().map_err(|e| e.to_string())
        }
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
            write_out(output.as_deref(), &own.card, false)?;
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
            write_out(output.as_deref(), &text, true)?;
        }
        IdentityCommand::Rotate { passphrase: arg, now: at } => {
            let pass = passphrase(&arg)?;
            let old = identities::current(store.connection()).map_err(|e| e.to_string())?.ok_or_else(|| identities::OwnIdentityError::None.to_string())?;
            let created = identities::rotate(store.connection(), &keys, now(at), pass.as_ref()).map_err(|e| e.to_string())?;
            println!("The keys of {} are replaced; send your new card to your contacts (`mla identity export-card`).", old.fingerprint);
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
            let outcome = contacts::import_card_file(store.connection(), &file, now(at)).map_err(|e| e.to_string())?;
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

/// This side as a participant: the current identity (no key needed).
fn me(store: &mut Store) -> Result<Participant, String> {
    identities::me(store.connection()).map_err(|e| e.to_string())
}

/// A value typed on the command line: JSON when it parses as JSON, else text.
fn value_of(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|_| serde_json::Value::String(text.to_string()))
}

fn show(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Runs `mla exchange …`.
pub fn exchange(cmd: ExchangeCommand) -> Result<ExitCode, String> {
    let (mut store, keys) = open()?;
    let fail = |e: consultation::ConsultationError| e.to_string();
    match cmd {
        ExchangeCommand::Export { draft_id, to, passphrase_file, label, note, output, now: at } => {
            let key_pass = passphrase(&PassphraseArg { passphrase_file: None })?;
            let to = match passphrase_file {
                Some(file) => {
                    let pass = passphrase(&PassphraseArg { passphrase_file: Some(file) })?.ok_or("no passphrase")?;
                    SendTo::Passphrase { passphrase: pass, label }
                }
                None => SendTo::Contacts(to),
            };
            let sent = desk::send(&mut store, &keys, key_pass.as_ref(), &draft_id, to, &note, &output, now(at)).map_err(|e| e.to_string())?;
            let what = if sent.reply { "Reply" } else { "Package" };
            let names: Vec<String> = sent.to.iter().map(|p| format!("{} ({})", p.name, p.authority)).collect();
            println!("{what} {} written to {} for {}", sent.summary.package_id, output.display(), names.join(", "));
        }
        ExchangeCommand::Import { file, passphrase_file, trust_signer, now: at } => {
            let key_pass = passphrase(&PassphraseArg { passphrase_file: None })?;
            let package_pass = match passphrase_file {
                Some(f) => passphrase(&PassphraseArg { passphrase_file: Some(f) })?,
                None => None,
            };
            let annexes = data_dir::data_dir().join(desk::ANNEX_DIR);
            let taken = desk::take_in_package(
                &mut store,
                &keys,
                key_pass.as_ref(),
                &file,
                package_pass.as_ref(),
                trust_signer.as_deref(),
                &annexes,
                now(at),
            );
            match taken {
                Ok(t) => {
                    println!("Draft:       {}", t.report.draft_id);
                    println!("Package:     {} (round {})", t.report.package_id, t.report.round);
                    println!("Sender:      {} ({})", t.sender.name, t.sender.authority);
                    println!("Fingerprint: {}", t.sender.fingerprint);
                    println!("Comments:    {} ({} new)", t.comments, t.report.comments_added);
                    println!("Suggestions: {} ({} new)", t.suggestions, t.report.suggestions_added);
                }
                Err(e @ (DeskError::UntrustedSigner { .. } | DeskError::WrongSigner { .. })) => {
                    eprintln!("mla: {e}");
                    return Ok(ExitCode::from(1));
                }
                Err(e) => return Err(e.to_string()),
            }
        }
        ExchangeCommand::Comment { draft_id, field, text, kind, now: at } => {
            let kind = match kind {
                CommentKindArg::Question => CommentKind::Question,
                CommentKindArg::AdditionalInformation => CommentKind::AdditionalInformation,
                CommentKindArg::Remark => CommentKind::Remark,
            };
            let me = me(&mut store)?;
            println!("{}", consultation::comment(&mut store, &draft_id, &field, kind, &text, &me, now(at)).map_err(fail)?.id);
        }
        ExchangeCommand::Answer { draft_id, comment_id, text, now: at } => {
            let me = me(&mut store)?;
            println!("{}", consultation::answer(&mut store, &draft_id, &comment_id, &text, &me, now(at)).map_err(fail)?.id);
        }
        ExchangeCommand::Resolve { draft_id, comment_id, now: at } => {
            let me = me(&mut store)?;
            let c = consultation::resolve(&mut store, &draft_id, &comment_id, &me, now(at)).map_err(fail)?;
            println!("Comment {} resolved.", c.id);
        }
        ExchangeCommand::Suggest { draft_id, field, value, note, now: at } => {
            let me = me(&mut store)?;
            println!("{}", consultation::suggest(&mut store, &draft_id, &field, value_of(&value), &note, &me, now(at)).map_err(fail)?.id);
        }
        ExchangeCommand::Review { draft_id, format, lang } => {
            let reviews = consultation::review(&mut store, &draft_id, lang).map_err(fail)?;
            match format {
                OutputFormat::Json => crate::print_json(&serde_json::to_string_pretty(&reviews).expect("reviews serialise")),
                OutputFormat::Text => {
                    for r in &reviews {
                        let s = &r.suggestion;
                        println!("{}  {:?}  {:?}  {} ({})", s.id, s.state, r.status, r.label, s.field);
                        println!("    by {}: {} -> {}", s.author.name, show(&s.base), show(&s.proposed));
                        if !s.note.is_empty() {
                            println!("    note: {}", s.note);
                        }
                    }
                    println!("{} suggestion(s)", reviews.len());
                }
            }
        }
        ExchangeCommand::Accept { draft_id, suggestion_id, take, value, now: at } => {
            let resolution = match (value, take) {
                (Some(v), _) => Resolution::Edited(value_of(&v)),
                (None, TakeArg::Theirs) => Resolution::Theirs,
                (None, TakeArg::Ours) => Resolution::Ours,
                (None, TakeArg::Merged) => Resolution::Merged,
            };
            let me = me(&mut store)?;
            let receipt = consultation::accept(&mut store, &draft_id, &suggestion_id, resolution, &me, now(at)).map_err(fail)?;
            println!("Suggestion {} accepted; the draft is at revision {}.", receipt.suggestion.id, receipt.revision);
        }
        ExchangeCommand::Reject { draft_id, suggestion_id, now: at } => {
            let me = me(&mut store)?;
            let receipt = consultation::reject(&mut store, &draft_id, &suggestion_id, &me, now(at)).map_err(fail)?;
            println!("Suggestion {} rejected.", receipt.suggestion.id);
        }
        ExchangeCommand::History { draft_id } => {
            for h in consultation::history(&mut store, &draft_id).map_err(fail)? {
                let action = serde_json::to_value(h.action).ok().map(|v| show(&v)).unwrap_or_default();
                println!(
                    "{:>3}  {}  round {}  {:<10} {}  {}{}",
                    h.number,
                    h.at,
                    h.round,
                    action,
                    h.actor.name,
                    h.field,
                    h.package_id.map(|p| format!("  package {p}")).unwrap_or_default()
                );
            }
        }
        ExchangeCommand::ReadingCopy { draft_id, output, lang, now: at } => {
            let bytes = consultation::reading_copy_pdf(&mut store, &draft_id, lang, now(at)).map_err(fail)?;
            mla_writer::files::write_atomically(&output, &bytes).map_err(|e| e.to_string())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
