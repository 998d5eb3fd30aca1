//! `mla`: the command-line face of MLA Writer. Every command reads and writes
//! the same files and database as the desktop app.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use mla_writer::layout::Paper;
use mla_writer::i18n::Lang;
use mla_writer::request::read;
use mla_writer::store::{data_dir, Store};
use mla_writer::{checks, export};

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
    /// Render a request file as a document: PDF, DOCX, HTML, or the request as JSON.
    ///
    /// The fixed text is in the request's language of transmission
    /// (`lang.request`) unless --lang says otherwise; free text stays as
    /// written. A request that still has errors (see `mla check`) is written
    /// as a draft, with DRAFT across every page.
    Render {
        /// Request file (JSON).
        file: PathBuf,
        /// Where to write the document.
        #[arg(short, long)]
        output: PathBuf,
        /// Language of the fixed text (default: the request's `lang.request`, else English).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DocumentFormat::Pdf)]
        format: DocumentFormat,
        /// Paper size.
        #[arg(long, value_enum, default_value_t = Paper::A4)]
        paper: Paper,
        /// For a translated request (see `mla xliff import`), annex the text
        /// it was translated from.
        #[arg(long)]
        with_original: bool,
        /// Check as on this date (YYYY-MM-DD) instead of today.
        #[arg(long, value_parser = parse_date)]
        today: Option<time::Date>,
    },
    /// Check a request against the mandatory contents of UNTOC art. 18(15) and related rules.
    ///
    /// Prints each finding with its code, severity, field and provision, and
    /// a message saying what to add or fix in the language chosen with
    /// --lang (codes, fields and provisions stay as they are). Exit status: 0
    /// when there is no error, 1 when there are errors, 2 when the file
    /// cannot be read.
    Check {
        /// Request file (JSON).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// Check as on this date (YYYY-MM-DD) instead of today, for date-dependent rules.
        #[arg(long, value_parser = parse_date)]
        today: Option<time::Date>,
        /// Language of the messages.
        #[arg(long, value_enum, default_value_t = Lang::En)]
        lang: Lang,
    },
    /// List every rule: code, severity, provision and what it checks.
    ///
    /// The summaries document the rules and are in English only; the
    /// messages of `mla check` come in every interface language (--lang).
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
    /// Send the drafter's free text to a translator and take it back (XLIFF 2.0).
    ///
    /// `export` writes every filled-in free-text answer (facts, descriptions,
    /// questions, reasons…) as one unit of an XLIFF 2.0 file, identified by its
    /// path in the request (`persons.0.location`) and labelled for the
    /// translator; names, numbers, addresses, dates and references stay out.
    /// Any translation tool that reads XLIFF 2.0 fills in the targets. `import`
    /// checks the file against the request and writes the translated request.
    #[command(subcommand)]
    Xliff(XliffCommand),
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

#[derive(Subcommand)]
enum XliffCommand {
    /// Write the request's free text as an XLIFF 2.0 file for translation.
    ///
    /// The source language is the request's `lang.drafting`. Exporting the
    /// same request twice gives the same file.
    ///
    /// Exit status: 0 when written, 1 when the request cannot be translated
    /// (no drafting language, already translated, drafted in the target
    /// language, no free text), 2 when the request file cannot be read or the
    /// output cannot be written.
    ///
    /// Example: mla xliff export request.json --target fr -o request.fr.xlf
    Export {
        /// Request file (JSON).
        file: PathBuf,
        /// Language to translate into (the language of transmission).
        #[arg(long, value_enum)]
        target: Lang,
        /// Where to write the XLIFF file.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Apply a translated XLIFF 2.0 file to the request and write the translated request.
    ///
    /// The file must be the one exported from this request (same kind, own
    /// file number and requested State; same source language), with a
    /// non-empty target for every unit, and the request's free text must not
    /// have changed since the export. All or nothing: on any problem nothing
    /// is written, and every problem is listed with its unit id. On success
    /// each free-text answer holds the translation, `lang.request` is the
    /// target language, and `translation.original` keeps the drafter's text.
    /// The request file itself is never changed unless it is also the output.
    ///
    /// Exit status: 0 when written, 1 when the XLIFF file does not fit the
    /// request, 2 when a file cannot be read (missing, not JSON, larger than
    /// 5 MB, not UTF-8, not well-formed XML, not XLIFF 2.0, with a DOCTYPE)
    /// or the output cannot be written.
    ///
    /// Example: mla xliff import request.json --xliff request.fr.xlf -o request.fr.json
    Import {
        /// Request file (JSON), as it was when exported.
        file: PathBuf,
        /// The translated XLIFF 2.0 file.
        #[arg(long)]
        xliff: PathBuf,
        /// Where to write the translated request (JSON).
        #[arg(short, long)]
        output: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

/// What `mla render` writes.
#[derive(Clone, Copy, ValueEnum)]
enum DocumentFormat {
    /// The typeset request (PDF).
    Pdf,
    /// The request as an editable word-processing document (DOCX), with the
    /// same draft marking as the PDF.
    Docx,
    /// The request itself, in the documented JSON format.
    Json,
    /// The document as one HTML page (for a browser, and for comparing with one).
    Html,
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
        Command::Render { file, output, lang, format: document_format, paper, with_original, today } => {
            let request = read::read_request(&file).map_err(|e| e.to_string())?;
            let mut options = export::Options::for_request(&request);
            options.paper = paper;
            options.with_original = with_original;
            if let Some(lang) = lang {
                options.lang = lang;
            }
            let today = today.unwrap_or_else(checks::today);
            let export = match document_format {
                DocumentFormat::Pdf => export::export_pdf(&request, &options, today).map_err(|e| e.to_string())?,
                DocumentFormat::Docx => export::export_docx(&request, &options, today).map_err(|e| e.to_string())?,
                DocumentFormat::Json => export::Export { bytes: read::to_json(&request).into_bytes(), draft: false },
                DocumentFormat::Html => export::export_html(&request, &options, today).map_err(|e| e.to_string())?,
            };
            std::fs::write(&output, &export.bytes).map_err(|e| format!("{}: cannot write: {e}", output.display()))?;
            if export.draft {
                eprintln!("mla: {}: the request still has errors (see `mla check`); written as a DRAFT", file.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { file, format: out, today, lang } => {
            let request = read::read_request(&file).map_err(|e| e.to_string())?;
            let findings = checks::run(&request, today.unwrap_or_else(checks::today), lang);
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
            let schema = schemars::schema_for!(mla_writer::request::Request);
            println!("{}", serde_json::to_string_pretty(&schema).expect("schema serialises"));
            Ok(ExitCode::SUCCESS)
        }
        Command::Wizard { lang } => {
            let def = mla_writer::interview::definition(lang);
            println!("{}", serde_json::to_string_pretty(&def).expect("the wizard serialises"));
            Ok(ExitCode::SUCCESS)
        }
        Command::FollowUp { file } => {
            let request = read::read_request(&file).map_err(|e| e.to_string())?;
            let follow_up = mla_writer::request::follow_up::from_preservation(&request).map_err(|e| format!("{}: {e}", file.display()))?;
            println!("{}", read::to_json(&follow_up));
            Ok(ExitCode::SUCCESS)
        }
        Command::Drafts(cmd) => {
            let path = data_dir::data_dir().join(mla_writer::store::DATABASE_FILE);
            let mut store = Store::open(&path).map_err(|e| e.to_string())?;
            match cmd {
                DraftsCommand::List => {
                    for d in store.list_drafts().map_err(|e| e.to_string())? {
                        println!("{}  rev {:>3}  {}  {}", d.id, d.revision, d.updated_at, d.title);
                    }
                }
                DraftsCommand::Export { id } => {
                    let draft = store.load_draft(&id).map_err(|e| e.to_string())?;
                    println!("{}", read::to_json(&draft.request));
                }
                DraftsCommand::Import { file } => {
                    let request = read::read_request(&file).map_err(|e| e.to_string())?;
                    println!("{}", store.create_draft(&request).map_err(|e| e.to_string())?.id);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Xliff(cmd) => run_xliff(cmd),
    }
}

fn run_xliff(cmd: XliffCommand) -> Result<ExitCode, String> {
    use mla_writer::translation;
    match cmd {
        XliffCommand::Export { file, target, output } => {
            let request = read::read_request(&file).map_err(|e| e.to_string())?;
            if let Err(e) = translation::check_exportable(&request, target) {
                eprintln!("mla: {}: {e}", file.display());
                return Ok(ExitCode::from(1));
            }
            std::fs::write(&output, translation::export(&request, target)).map_err(|e| format!("{}: cannot write: {e}", output.display()))?;
            println!("{}: {} unit(s) to translate into {}", output.display(), mla_writer::interview::units(&request).len(), target.code());
            Ok(ExitCode::SUCCESS)
        }
        XliffCommand::Import { file, xliff: xliff_file, output } => {
            let request = read::read_request(&file).map_err(|e| e.to_string())?;
            match translation::import_file(&request, &xliff_file) {
                Ok(translated) => {
                    std::fs::write(&output, read::to_json(&translated)).map_err(|e| format!("{}: cannot write: {e}", output.display()))?;
                    println!(
                        "{}: {} unit(s) imported; the request is now in {}",
                        output.display(),
                        translated.translation.original.len(),
                        translated.lang.request
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) if e.unreadable() => Err(e.to_string()),
                Err(e) => {
                    eprintln!("mla: {e}");
                    Ok(ExitCode::from(1))
                }
            }
        }
    }
}
