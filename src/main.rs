//! `mla`: the command-line face of MLA Writer. Every command reads and writes
//! the same files and database as the desktop app.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use mla_writer::locale::Lang;
use mla_writer::{checks, format, paths, render, store::Store};

/// Write requests for international cooperation in criminal matters.
///
/// Request files are JSON documents in the format described in
/// docs/request-format.md (print its JSON Schema with `mla schema`). Drafts
/// live in an SQLite database in the data directory, shared with the desktop
/// app; set MLA_DATA_DIR to use another directory.
#[derive(Parser)]
#[command(name = "mla", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Render a request file as a PDF document.
    ///
    /// A request that still has errors (see `mla check`) is written as a
    /// draft, with DRAFT across every page.
    Render {
        /// Request file (JSON).
        file: PathBuf,
        /// Where to write the PDF.
        #[arg(short, long)]
        output: PathBuf,
        /// Check as on this date (YYYY-MM-DD) instead of today.
        #[arg(long, value_parser = parse_date)]
        today: Option<time::Date>,
    },
    /// Check a request against the mandatory contents of UNTOC art. 18(15) and related rules.
    ///
    /// Prints each finding with its code, severity, field and provision.
    /// Exit status: 0 when there is no error, 1 when there are errors, 2 when
    /// the file cannot be read.
    Check {
        /// Request file (JSON).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// Check as on this date (YYYY-MM-DD) instead of today, for date-dependent rules.
        #[arg(long, value_parser = parse_date)]
        today: Option<time::Date>,
    },
    /// List every rule: code, severity, provision and what it checks.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Print the JSON Schema of request files.
    Schema,
    /// Print the wizard definition (steps, fields, conditions, provisions) as JSON.
    Wizard {
        /// Interface language.
        #[arg(long, value_enum, default_value_t = Lang::En)]
        lang: Lang,
    },
    /// Write the MLA request that follows a preservation request (JSON, to standard output).
    FollowUp {
        /// Preservation request file (JSON).
        file: PathBuf,
    },
    /// Work with the drafts stored in the data directory.
    #[command(subcommand)]
    Drafts(DraftsCommand),
}

#[derive(Subcommand)]
enum DraftsCommand {
    /// List drafts, most recently saved first.
    List,
    /// Write a draft's latest state as a request file (JSON) to standard output.
    Export {
        /// Draft id (from `mla drafts list`).
        id: String,
    },
    /// Store a request file as a new draft and print its id.
    Import {
        /// Request file (JSON).
        file: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

fn parse_date(text: &str) -> Result<time::Date, String> {
    time::Date::parse(text, time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|e| format!("expected a date as YYYY-MM-DD, found {text:?}: {e}"))
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("mla: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Render { file, output, today } => {
            let request = format::read_request(&file).map_err(|e| e.to_string())?;
            let export = render::export_pdf(&request, today.unwrap_or_else(checks::today)).map_err(|e| e.to_string())?;
            std::fs::write(&output, &export.bytes).map_err(|e| format!("{}: cannot write: {e}", output.display()))?;
            if export.draft {
                eprintln!("mla: {}: the request still has errors (see `mla check`); written as a DRAFT", file.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { file, format: out, today } => {
            let request = format::read_request(&file).map_err(|e| e.to_string())?;
            let findings = checks::run(&request, today.unwrap_or_else(checks::today));
            match out {
                OutputFormat::Json => println!("{}", serde_json::to_string_pretty(&findings).expect("findings serialise")),
                OutputFormat::Text => {
                    for f in &findings {
                        println!("{}: {} [{}] {}\n    {} ({})", file.display(), f.severity.as_str(), f.code, f.path, f.message, f.provision);
                    }
                    let errors = findings.iter().filter(|f| f.severity == checks::Severity::Error).count();
                    println!("{} finding(s), {} error(s)", findings.len(), errors);
                }
            }
            Ok(if checks::has_errors(&findings) { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Rules { format: out } => {
            let rules: Vec<_> = checks::rules().collect();
            match out {
                OutputFormat::Json => {
                    let list: Vec<_> = rules
                        .iter()
                        .map(|r| serde_json::json!({ "code": r.code, "severity": r.severity, "provision": r.provision, "summary": r.summary }))
                        .collect();
                    println!("{}", serde_json::to_string_pretty(&list).expect("rules serialise"));
                }
                OutputFormat::Text => {
                    for r in &rules {
                        println!("{:<22} {:<8} {}
{:<31} {}", r.code, r.severity.as_str(), r.summary, "", r.provision);
                    }
                    println!("{} rules", rules.len());
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            let schema = schemars::schema_for!(mla_writer::model::Request);
            println!("{}", serde_json::to_string_pretty(&schema).expect("schema serialises"));
            Ok(ExitCode::SUCCESS)
        }
        Command::Wizard { lang } => {
            let def = mla_writer::wizard::definition(lang);
            println!("{}", serde_json::to_string_pretty(&def).expect("the wizard serialises"));
            Ok(ExitCode::SUCCESS)
        }
        Command::FollowUp { file } => {
            let request = format::read_request(&file).map_err(|e| e.to_string())?;
            let follow_up = mla_writer::follow_up::from_preservation(&request).map_err(|e| format!("{}: {e}", file.display()))?;
            println!("{}", format::to_json(&follow_up));
            Ok(ExitCode::SUCCESS)
        }
        Command::Drafts(cmd) => {
            let path = paths::data_dir().join(mla_writer::store::DATABASE_FILE);
            let mut store = Store::open(&path).map_err(|e| e.to_string())?;
            match cmd {
                DraftsCommand::List => {
                    for d in store.list_drafts().map_err(|e| e.to_string())? {
                        println!("{}  rev {:>3}  {}  {}", d.id, d.revision, d.updated_at, d.title);
                    }
                }
                DraftsCommand::Export { id } => {
                    let draft = store.load_draft(&id).map_err(|e| e.to_string())?;
                    println!("{}", format::to_json(&draft.request));
                }
                DraftsCommand::Import { file } => {
                    let request = format::read_request(&file).map_err(|e| e.to_string())?;
                    println!("{}", store.create_draft(&request).map_err(|e| e.to_string())?.id);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
