//! `mla drafts …`: the drafts stored in the data directory, their revision
//! history, the changes between two revisions, restoring one, and rendering
//! any revision as a document.

use std::process::ExitCode;

use mla_writer::interview::{Change, FieldChange, SpanKind};
use mla_writer::request::read;
use mla_writer::store::data_dir;
use mla_writer::{checks, export, files};

use crate::terminal;
use crate::{DraftsCommand, OutputFormat, RevisionFormat};

/// Runs one `mla drafts` command.
pub fn drafts(cmd: DraftsCommand, mode: mla_writer::directory::demo::Mode) -> Result<ExitCode, String> {
    let path = data_dir::data_dir().join(mla_writer::store::DATABASE_FILE);
    // Only importing and restoring write: the other commands work on a data
    // directory the user cannot write.
    let writes = match &cmd {
        DraftsCommand::AnnexLimit { mib } => mib.is_some(),
        DraftsCommand::Import { .. } | DraftsCommand::Restore { .. } | DraftsCommand::Attach { .. } | DraftsCommand::Detach { .. } => true,
        _ => false,
    };
    let open = if writes { crate::database::open } else { crate::database::open_read_only };
    // Checking the whole file runs on a connection of its own: no store is
    // opened for it, so nothing is checked twice.
    if let DraftsCommand::Check = cmd {
        let report = mla_writer::store::integrity::full_check(&path, crate::database::key_for(&path)?.as_ref()).map_err(|e| e.to_string())?;
        if !report.is_sound() {
            eprintln!("mla: database {} is damaged: {}", path.display(), report.problems.join("; "));
            return Ok(ExitCode::from(1));
        }
        println!("ok");
        return Ok(ExitCode::SUCCESS);
    }
    let mut store = open()?;
    match cmd {
        DraftsCommand::Check => unreachable!("checked above"),
        DraftsCommand::Rescue { dir } => {
            let export = store.export_readable(&dir).map_err(|e| e.to_string())?;
            for file in &export.written {
                println!("{}", file.display());
            }
            for problem in &export.unreadable {
                eprintln!("mla: not readable: {problem}");
            }
            if !export.unreadable.is_empty() {
                return Ok(ExitCode::from(1));
            }
        }
        DraftsCommand::Aside(cmd) => return crate::search_cli::aside(cmd),
        DraftsCommand::Attach { id, file, annex, label } => crate::annexes_cli::attach(&mut store, &id, &file, annex, label)?,
        DraftsCommand::Detach { id, annex } => crate::annexes_cli::detach(&mut store, &id, annex)?,
        DraftsCommand::AnnexLimit { mib } => crate::annexes_cli::limit(&mut store, mib)?,
        DraftsCommand::List => {
            for d in store.list_drafts().map_err(|e| e.to_string())? {
                println!("{}  rev {:>3}  {}  {}", d.id, d.revision, d.updated_at, terminal::title(&d.title));
            }
        }
        DraftsCommand::Export { id, revision } => {
            let request = match revision {
                Some(number) => store.load_revision(&id, number).map_err(|e| e.to_string())?,
                None => store.load_draft(&id).map_err(|e| e.to_string())?.request,
            };
            crate::print_json(&read::to_json(&request));
        }
        DraftsCommand::Import { file } => {
            let request = read::read_request(&file).map_err(|e| e.to_string())?;
            println!("{}", store.create_draft(&request).map_err(|e| e.to_string())?.id);
        }
        DraftsCommand::History { id, format } => {
            let history = store.history(&id).map_err(|e| e.to_string())?;
            match format {
                OutputFormat::Json => crate::print_json(&serde_json::to_string_pretty(&history).expect("a history serialises")),
                OutputFormat::Text => {
                    for entry in &history {
                        let mut what = if entry.number == 1 { "created".to_string() } else { entry.changes.join(", ") };
                        if let Some(from) = entry.restored_from {
                            what = format!("restored from revision {from}: {what}");
                        }
                        println!("rev {:>3}  {}  {}", entry.number, entry.saved_at, what);
                    }
                }
            }
        }
        DraftsCommand::Diff { id, from, to, lang, format } => {
            let changes = store.compare(&id, from, to, lang).map_err(|e| e.to_string())?;
            match format {
                OutputFormat::Json => crate::print_json(&serde_json::to_string_pretty(&changes).expect("changes serialise")),
                OutputFormat::Text => {
                    for change in &changes {
                        println!("{}", change_text(change));
                    }
                    println!("{} change(s) from revision {from} to revision {to}", changes.len());
                }
            }
        }
        DraftsCommand::Restore { id, revision } => {
            let receipt = store.restore_revision(&id, revision).map_err(|e| e.to_string())?;
            if receipt.changed {
                println!("revision {} restores revision {revision}", receipt.revision);
            } else {
                println!("the draft is already as revision {revision} left it; nothing added");
            }
        }
        DraftsCommand::Render { id, revision, output, format, lang, paper, today } => {
            let (request, mark) = match revision {
                Some(number) => {
                    let (request, mark) = store.revision_for_export(&id, number).map_err(|e| e.to_string())?;
                    (request, Some(mark))
                }
                None => (store.load_draft(&id).map_err(|e| e.to_string())?.request, None),
            };
            let mut options = export::Options::for_request(&request);
            options.paper = paper;
            options.revision = mark;
            if let Some(lang) = lang {
                options.lang = lang;
            }
            if let Some(day) = today {
                options.date = day.midnight().assume_utc();
            }
            options.mode = mode;
            let today = today.unwrap_or_else(checks::today);
            let export = match format {
                RevisionFormat::Pdf => export::export_pdf(&request, &options, today),
                RevisionFormat::Docx => export::export_docx(&request, &options, today),
            }
            .map_err(|e| e.to_string())?;
            files::write_atomically(&output, &export.bytes).map_err(|e| e.to_string())?;
            if export.draft {
                eprintln!("mla: draft {id}: {}", crate::draft_reason(&request, mode));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One change as a line (or, for text, a line and the text with its
/// deletions as `[-…-]` and insertions as `[+…+]`).
fn change_text(change: &FieldChange) -> String {
    let head = format!("{} ({})", change.label, change.path);
    match &change.change {
        Change::Text { spans } => {
            let marked: String = spans
                .iter()
                .map(|span| match span.kind {
                    SpanKind::Unchanged => span.text.clone(),
                    SpanKind::Deleted => format!("[-{}-]", span.text),
                    SpanKind::Inserted => format!("[+{}+]", span.text),
                })
                .collect();
            format!("{head}:\n    {}", marked.replace('\n', "\n    "))
        }
        Change::Value { old, new } => format!("{head}: {old:?} -> {new:?}"),
        Change::Added { summary } => format!("{head}: added  {summary}"),
        Change::Removed { summary } => format!("{head}: removed  {summary}"),
    }
}
