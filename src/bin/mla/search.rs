//! `mla search` and the archive and bin of `mla drafts`
//! (archive, unarchive, archived, delete, undelete, bin).

use std::process::ExitCode;

use clap::Subcommand;
use mla_writer::i18n::Lang;
use mla_writer::store::{SearchResult, SetAsideDraft};
use time::OffsetDateTime;

use crate::terminal;
use crate::OutputFormat;

/// The archive and the bin (subcommands of `mla drafts`).
#[derive(Subcommand)]
pub enum AsideCommand {
    /// Archive a draft: it leaves `drafts list` but stays whole, and search finds it.
    Archive {
        /// Draft id.
        id: String,
    },
    /// Bring an archived draft back to `drafts list`.
    Unarchive {
        /// Draft id.
        id: String,
    },
    /// List the archived drafts, most recently archived first.
    Archived,
    /// Move a draft to the bin: off every list and out of search, until
    /// restored with `drafts undelete` or removed for good with `drafts bin --empty`.
    Delete {
        /// Draft id.
        id: String,
    },
    /// Restore a draft from the bin.
    Undelete {
        /// Draft id.
        id: String,
    },
    /// List the drafts in the bin, most recently deleted first.
    Bin {
        /// Remove every draft in the bin for good, with its revisions and
        /// consultation; their text is overwritten in the database file.
        #[arg(long)]
        empty: bool,
    },
}

fn print_set_aside(drafts: &[SetAsideDraft]) {
    for d in drafts {
        println!("{}  {}  {}", d.summary.id, d.since, terminal::title(&d.summary.title));
    }
}

/// Runs a subcommand of the archive and the bin.
pub fn aside(cmd: AsideCommand) -> Result<ExitCode, String> {
    let now = OffsetDateTime::now_utc();
    let listing = matches!(cmd, AsideCommand::Archived | AsideCommand::Bin { empty: false });
    let open = if listing { crate::database::open_read_only } else { crate::database::open };
    let mut store = open()?;
    let done = match cmd {
        AsideCommand::Archive { id } => store.archive_draft(&id, now).map(|()| format!("{id} archived")),
        AsideCommand::Unarchive { id } => store.unarchive_draft(&id).map(|()| format!("{id} back on the list of drafts")),
        AsideCommand::Delete { id } => store.delete_draft(&id, now).map(|()| format!("{id} moved to the bin")),
        AsideCommand::Undelete { id } => store.restore_draft(&id).map(|()| format!("{id} restored from the bin")),
        AsideCommand::Archived => {
            print_set_aside(&store.archived_drafts().map_err(|e| e.to_string())?);
            return Ok(ExitCode::SUCCESS);
        }
        AsideCommand::Bin { empty: false } => {
            print_set_aside(&store.bin().map_err(|e| e.to_string())?);
            return Ok(ExitCode::SUCCESS);
        }
        AsideCommand::Bin { empty: true } => store.empty_bin().map(|n| format!("{n} draft(s) removed for good")),
    };
    println!("{}", done.map_err(|e| e.to_string())?);
    Ok(ExitCode::SUCCESS)
}

/// A snippet with its hits in brackets.
fn bracketed(hit: &mla_writer::store::SearchHit) -> String {
    hit.snippet.iter().map(|p| if p.hit { format!("[{}]", p.text) } else { p.text.clone() }).collect()
}

/// `mla search`: the drafts holding every word of `text`.
pub fn search(text: &str, format: OutputFormat, lang: Lang, limit: usize) -> Result<ExitCode, String> {
    let store = crate::database::open_read_only()?;
    let results: Vec<SearchResult> = store.search(text, lang, limit).map_err(|e| e.to_string())?;
    match format {
        OutputFormat::Json => crate::print_json(&serde_json::to_string_pretty(&results).expect("results serialise")),
        OutputFormat::Text => {
            for r in &results {
                let archived = if r.archived { "  (archived)" } else { "" };
                println!("{}  {}{archived}", r.draft.id, terminal::title(&r.draft.title));
                for hit in &r.hits {
                    println!("    {} ({}): {}", hit.label, hit.path, bracketed(hit));
                }
            }
            println!("{} draft(s) found", results.len());
        }
    }
    Ok(ExitCode::SUCCESS)
}
