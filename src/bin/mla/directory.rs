//! `mla directory …`: the directory of competent authorities kept in the
//! database: import (a preview first, then `--yes`), export, list, show,
//! history, delete, and the fictitious demo pack.

use std::path::Path;
use std::process::ExitCode;

use mla_writer::directory::{self, ChangeKind, DirectoryChanges, DirectoryError, SourceType};
use mla_writer::store::{DirectorySource, DirectorySummary, StoreError};

use crate::{DirectoryCommand, DirectoryFormat, OutputFormat};

/// A kind of source as typed: `import_official_directory`, `national-guide`…
pub fn parse_source_type(text: &str) -> Result<SourceType, String> {
    let key = text.trim().replace('-', "_");
    serde_json::from_value(serde_json::Value::String(key)).map_err(|_| {
        format!(
            "unknown source type {text:?}; expected user_entry, import_official_directory, import_country_form, national_guide, counterpart_confirmation, depositary_notification or other"
        )
    })
}

/// Who records a change: as given, else the user the command runs as.
fn who(entered_by: String) -> String {
    if !entered_by.trim().is_empty() {
        return entered_by;
    }
    std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "unknown".to_string())
}

fn kind(change: ChangeKind) -> &'static str {
    match change {
        ChangeKind::New => "new",
        ChangeKind::Changed => "changed",
        ChangeKind::Removed => "removed",
    }
}

fn shown(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("(none)")
}

/// Prints what an import would change: new records in one line each,
/// changed ones field by field.
fn print_changes(changes: &DirectoryChanges) {
    for state in &changes.states {
        println!("{} {}: {}", state.state_id, state.name, kind(state.change));
        if state.change != ChangeKind::New {
            for f in &state.fields {
                println!("    {}: {} -> {}", f.field, shown(&f.old), shown(&f.new));
            }
        }
        for a in &state.authorities {
            println!("  authority {} ({}): {}", a.authority_id, a.name, kind(a.change));
            if a.change == ChangeKind::Changed {
                for f in &a.fields {
                    println!("      {}: {} -> {}", f.field, shown(&f.old), shown(&f.new));
                }
            }
        }
    }
    let new = changes.states.iter().filter(|s| s.change == ChangeKind::New).count();
    let changed = changes.states.len() - new;
    let unchanged = (changes.states_in_file as usize).saturating_sub(changes.states.len());
    println!("{}: {new} State(s) new, {changed} changed, {unchanged} unchanged", changes.source_name);
}

fn print_summary(s: &DirectorySummary) {
    let mut notes = Vec::new();
    if s.fictitious {
        notes.push("fictitious");
    }
    if s.restricted {
        notes.push("restricted");
    }
    println!(
        "{}  {:<40}  {:>3} authorities  as of {:<10}  {}",
        s.state_id,
        s.name,
        s.authorities,
        s.as_of.as_deref().unwrap_or("-"),
        notes.join(", ")
    );
}

/// A refused import: its problems on standard error, exit status 1.
fn refused(e: StoreError) -> Result<ExitCode, String> {
    match e {
        StoreError::Directory(e @ DirectoryError::Invalid { .. }) => {
            eprintln!("mla: {e}");
            Ok(ExitCode::from(1))
        }
        other => Err(other.to_string()),
    }
}

/// Runs `mla directory …`.
pub fn directory(cmd: DirectoryCommand) -> Result<ExitCode, String> {
    match cmd {
        DirectoryCommand::Import { path, yes, source_type, source_title, source_date, as_of, entered_by, today, format } => {
            let incoming = match directory::read::read_path(&path) {
                Ok(incoming) => incoming,
                Err(e @ DirectoryError::Invalid { .. }) => {
                    eprintln!("mla: {e}");
                    return Ok(ExitCode::from(1));
                }
                Err(e) => return Err(e.to_string()),
            };
            let mut store = if yes { crate::database::open()? } else { crate::database::open_read_only()? };
            let changes = match store.preview_directory_import(&incoming) {
                Ok(changes) => changes,
                Err(e) => return refused(e),
            };
            match format {
                OutputFormat::Json => crate::print_json(&serde_json::to_string_pretty(&changes).expect("changes serialise")),
                OutputFormat::Text => print_changes(&changes),
            }
            if !yes {
                if !changes.is_empty() {
                    eprintln!("mla: nothing was imported; run again with --yes to import these changes");
                }
                return Ok(ExitCode::SUCCESS);
            }
            let source = DirectorySource { source_type, source_title, source_date, as_of, entered_by: who(entered_by) };
            let today = today.unwrap_or_else(mla_writer::checks::today);
            let receipt = store.apply_directory_import(&changes, &source, today).map_err(|e| e.to_string())?;
            eprintln!(
                "mla: imported: {} State(s) new, {} changed, {} field(s) written",
                receipt.states_new, receipt.states_changed, receipt.fields
            );
            Ok(ExitCode::SUCCESS)
        }
        DirectoryCommand::Export { path, format, include_restricted } => {
            let store = crate::database::open_read_only()?;
            let states = store.directory_for_export(include_restricted).map_err(|e| e.to_string())?;
            match format {
                DirectoryFormat::Json => mla_writer::files::write_atomically(&path, directory::to_json(&states).as_bytes()).map_err(|e| e.to_string())?,
                DirectoryFormat::Csv => write_tables(&path, &states)?,
            }
            println!("{}: {} State(s) exported", path.display(), states.len());
            Ok(ExitCode::SUCCESS)
        }
        DirectoryCommand::List { search, format } => {
            let store = crate::database::open_read_only()?;
            let found = match search {
                Some(text) => store.directory_search(&text),
                None => store.directory_list(),
            }
            .map_err(|e| e.to_string())?;
            match format {
                OutputFormat::Json => crate::print_json(&serde_json::to_string_pretty(&found).expect("a list serialises")),
                OutputFormat::Text => {
                    for s in &found {
                        print_summary(s);
                    }
                    println!("{} State(s)", found.len());
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        DirectoryCommand::Show { state_id } => {
            let store = crate::database::open_read_only()?;
            let entry = store.directory_entry(&state_id).map_err(|e| e.to_string())?;
            crate::print_json(&serde_json::to_string_pretty(&entry).expect("an entry serialises"));
            Ok(ExitCode::SUCCESS)
        }
        DirectoryCommand::History { state_id, format } => {
            let store = crate::database::open_read_only()?;
            let history = store.directory_history(&state_id).map_err(|e| e.to_string())?;
            match format {
                OutputFormat::Json => crate::print_json(&serde_json::to_string_pretty(&history).expect("a history serialises")),
                OutputFormat::Text => {
                    for h in &history {
                        let title = if h.source_title.is_empty() { String::new() } else { format!(", source {:?}", h.source_title) };
                        let as_of = h.as_of.as_deref().map(|d| format!(", as of {d}")).unwrap_or_default();
                        println!("#{} {} {} by {} on {}{title}{as_of}", h.change_set, h.action, h.source_name, h.entered_by, h.entered_on);
                        for f in &h.fields {
                            let record = if f.authority_id.is_empty() { String::new() } else { format!("authority {} ", f.authority_id) };
                            if f.erased {
                                println!("    {record}{} ({}): values erased", f.field, kind(f.record));
                            } else {
                                println!("    {record}{}: {} -> {}", f.field, shown(&f.old), shown(&f.new));
                            }
                        }
                    }
                    println!("{} change(s)", history.len());
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        DirectoryCommand::Delete { state_id, authority, entered_by, today } => {
            let mut store = crate::database::open()?;
            let today = today.unwrap_or_else(mla_writer::checks::today);
            match &authority {
                Some(id) => store.delete_directory_authority(&state_id, id, &who(entered_by), today),
                None => store.delete_directory_state(&state_id, &who(entered_by), today),
            }
            .map_err(|e| e.to_string())?;
            let what = authority.map(|id| format!("{state_id} authority {id}")).unwrap_or(state_id);
            println!("{what}: deleted; the values its history held are erased");
            Ok(ExitCode::SUCCESS)
        }
        DirectoryCommand::Demo { today } => {
            let mut store = crate::database::open()?;
            match store.load_demo_directory(today.unwrap_or_else(mla_writer::checks::today)).map_err(|e| e.to_string())? {
                Some(receipt) => println!("demo directory loaded: {} fictitious State(s)", receipt.states_new),
                None => println!("the demo directory is already loaded"),
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Writes the CSV tables into the folder `dir` (created if needed).
fn write_tables(dir: &Path, states: &[directory::StateEntry]) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (file, text) in directory::tables::write_tables(states) {
        mla_writer::files::write_atomically(&dir.join(file), text.as_bytes()).map_err(|e| e.to_string())?;
    }
    Ok(())
}
