//! `mla profile …`: the own-State profile, entered once, which prefills
//! every new request.

use std::process::ExitCode;

use mla_writer::request::own_state::read_own_state;
use mla_writer::request::{read, RequestKind};

use crate::ProfileCommand;

/// Runs one `mla profile` command.
pub fn profile(cmd: ProfileCommand) -> Result<ExitCode, String> {
    match cmd {
        ProfileCommand::Set { file } => {
            let profile = read_own_state(&file).map_err(|e| e.to_string())?;
            crate::database::open()?.set_own_state_profile(&profile).map_err(|e| e.to_string())?;
            println!("own-State profile set: {}", mla_writer::request::text::visible(profile.state.trim()));
        }
        ProfileCommand::Show => match crate::database::open_read_only()?.own_state_profile().map_err(|e| e.to_string())? {
            Some(profile) => crate::print_json(&serde_json::to_string_pretty(&profile).expect("a profile serialises")),
            None => return Err("no own-State profile is set; see `mla profile set`".into()),
        },
        ProfileCommand::NewRequest { kind } => {
            let request = crate::database::open_read_only()?.new_request(kind.unwrap_or(RequestKind::MlaEvidence)).map_err(|e| e.to_string())?;
            crate::print_json(&read::to_json(&request));
        }
    }
    Ok(ExitCode::SUCCESS)
}
