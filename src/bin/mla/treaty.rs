//! `mla treaty …`: treaty profiles in the data directory (import, list,
//! show, export), and a request made under one (`apply`).

use std::path::Path;
use std::process::ExitCode;

use mla_writer::files;
use mla_writer::request::text::visible;
use mla_writer::request::treaty_profile::read_treaty_profile;
use mla_writer::request::{read, Instrument, TreatyProfile};
use mla_writer::store::Store;

use crate::TreatyCommand;

/// Runs one `mla treaty` command.
pub fn treaty(cmd: TreatyCommand) -> Result<ExitCode, String> {
    match cmd {
        TreatyCommand::Import { file } => {
            let profile = read_treaty_profile(&file).map_err(|e| e.to_string())?;
            let mut store = crate::database::open()?;
            let replaced = store.put_treaty_profile(&profile, time::OffsetDateTime::now_utc()).map_err(|e| e.to_string())?;
            println!("{} {}: {}", if replaced { "replaced" } else { "imported" }, profile.id, visible(&profile.name));
        }
        TreatyCommand::List => {
            for p in crate::database::open_read_only()?.treaty_profiles().map_err(|e| e.to_string())? {
                println!("{}  {}  {}", p.id, p.updated_at, visible(&p.name));
            }
        }
        TreatyCommand::Show { id } => {
            let profile = stored(&crate::database::open_read_only()?, &id)?;
            crate::print_json(&profile_json(&profile));
        }
        TreatyCommand::Export { id, file } => {
            let profile = stored(&crate::database::open_read_only()?, &id)?;
            files::write_atomically(&file, profile_json(&profile).as_bytes()).map_err(|e| e.to_string())?;
            println!("{}", file.display());
        }
        TreatyCommand::Apply { id, file, output } => {
            let profile = stored(&crate::database::open_read_only()?, &id)?;
            let mut request = read::read_request(&file).map_err(|e| e.to_string())?;
            request.basis.primary = Some(Instrument::Bilateral);
            if request.basis.treaty_citation.trim().is_empty() {
                request.basis.treaty_citation = profile.name.trim().to_string();
            }
            request.basis.treaty_profile = Some(profile);
            write_or_print(&read::to_json(&request), output.as_deref())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The stored profile `id`, or an error naming it.
fn stored(store: &Store, id: &str) -> Result<TreatyProfile, String> {
    store.treaty_profile(id).map_err(|e| e.to_string())?.ok_or_else(|| format!("no treaty profile with id {id:?}; see `mla treaty list`"))
}

/// A profile as the documented JSON.
fn profile_json(profile: &TreatyProfile) -> String {
    serde_json::to_string_pretty(profile).expect("a treaty profile serialises") + "\n"
}

/// Writes `json` to `output`, or prints it.
fn write_or_print(json: &str, output: Option<&Path>) -> Result<(), String> {
    match output {
        Some(path) => files::write_atomically(path, json.as_bytes()).map_err(|e| e.to_string()),
        None => {
            crate::print_json(json);
            Ok(())
        }
    }
}
