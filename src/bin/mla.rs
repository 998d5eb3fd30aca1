//! `mla`: the command-line face of MLA Writer. Every command reads and writes
//! the same files and database as the desktop app.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use mla_writer::directory::demo::Mode;
use mla_writer::layout::Paper;
use mla_writer::i18n::Lang;
use mla_writer::request::read;
use mla_writer::{checks, export, files};

#[path = "mla/terminal.rs"]
mod terminal;

/// Every line the CLI prints (here and in its modules, declared below) goes
/// through [`terminal::text`], so that no text from a file reaches the
/// terminal with its control characters; JSON documents are printed with
/// [`print_json`].
macro_rules! println {
    () => { std::println!() };
    ($($arg:tt)*) => { std::println!("{}", crate::terminal::text(&format!($($arg)*))) };
}

/// [`println!`] for standard error.
macro_rules! eprintln {
    ($($arg:tt)*) => { std::eprintln!("{}", crate::terminal::text(&format!($($arg)*))) };
}

/// Prints a JSON document (see [`terminal::json`]).
fn print_json(json: &str) {
    std::println!("{}", terminal::json(json));
}

#[path = "mla/database.rs"]
mod database;

#[path = "mla/exchange.rs"]
mod exchange_cli;
#[path = "mla/search.rs"]
mod search_cli;

#[path = "mla/drafts.rs"]
mod drafts_cli;

#[path = "mla/annexes.rs"]
mod annexes_cli;

#[path = "mla/register.rs"]
mod register_cli;
#[path = "mla/treaty.rs"]
mod treaty_cli;
#[path = "mla/profile.rs"]
mod profile_cli;

#[path = "mla/directory.rs"]
mod directory_cli;

/// Write requests for international cooperation in criminal matters.
///
/// Request files are JSON documents in the format described in
/// docs/request-format.md (print its JSON Schema with `mla schema`), of at
/// most 16 MiB, each answer at most 2 MiB, each list at most 10,000 items,
/// each key once per object, and no control character in a text but tab
/// and line breaks (see "Limits" there); a file beyond a limit is refused
/// with the JSON path, before a larger file is read. Drafts
/// live in an SQLite database in the data directory, shared with the desktop
/// app; set MLA_DATA_DIR to use another directory. When another program
/// holds the database, a command waits up to 10 s for it (set
/// MLA_BUSY_TIMEOUT_MS to wait another time), then says it is in use.
#[derive(Parser)]
#[command(name = "mla", version = mla_writer::VERSION_LINE, about, long_about)]
struct Cli {
    /// Demo mode: a request addressed to a fictitious State of the demo
    /// directory (Norland, Vestria, Calvania: the examples') is checked and
    /// exported as any other. Without it (and without MLA_DEMO=1 in the
    /// environment, which does the same), such a request is an error
    /// (DIR-FICTITIOUS) and is written only as a DRAFT.
    #[arg(long, global = true)]
    demo: bool,
    #[command(subcommand)]
    command: Command,
}

/// The mode the CLI runs in: demo with `--demo` or `MLA_DEMO=1`, else real.
fn mode(cli: &Cli) -> Mode {
    if cli.demo { Mode::Demo } else { Mode::from_env() }
}

/// Why an export is a draft, in one sentence for the line the CLI prints:
/// outside demo mode, that the request is addressed to a fictitious State;
/// else that it still has errors.
pub(crate) fn draft_reason(request: &mla_writer::request::Request, mode: Mode) -> String {
    if !mode.is_demo() && mla_writer::request::addressee::fictitious(request) {
        format!(
            "{} is a fictitious State of the demo directory, so outside demo mode (--demo, or MLA_DEMO=1) the request is written only as a DRAFT",
            mla_writer::request::addressee::state_name(&request, "en")
        )
    } else {
        "the request still has errors (see `mla check`); written as a DRAFT".to_string()
    }
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
        /// Render as on this date (YYYY-MM-DD) instead of today: the request
        /// is checked on it (a request with errors is a DRAFT), and the
        /// document is dated on it, so the same command gives the same bytes.
        #[arg(long, value_parser = parse_date)]
        today: Option<time::Date>,
        /// After the request, append each annex file (PDF, PNG, JPEG) the
        /// request cites, each after a separator page naming it; the files
        /// are read from the drafts database (see `mla drafts attach`).
        #[arg(long)]
        append_annexes: bool,
    },
    /// Check a request against the mandatory contents of its legal basis (UNTOC art. 18(15) and its equivalents) and related rules; each finding cites the provision of the basis chosen.
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
    /// Find the drafts whose answers hold every word of TEXT.
    ///
    /// Every typed answer of every draft not in the bin is searched
    /// (archived ones too): facts, persons' names and aliases, references,
    /// addresses, notes. Case, accents and Arabic vowel marks do not matter;
    /// Chinese and Japanese are matched character by character, so a name
    /// is found inside a sentence. Quotes, stars and brackets are read as
    /// spaces, never as query syntax. Each draft found is printed with the
    /// answers that hold the words, the words in [brackets].
    Search {
        /// What to look for.
        text: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// Language of the fields' labels.
        #[arg(long, value_enum, default_value_t = Lang::En)]
        lang: Lang,
        /// How many drafts to show at most.
        #[arg(long, default_value_t = mla_writer::store::search::DEFAULT_LIMIT)]
        limit: usize,
    },
    /// Write a backup of the database to PATH (SQLite's online backup, safe while the app runs).
    ///
    /// A backup of an encrypted database is encrypted with the same
    /// passphrase. The passphrase is read from the file named by
    /// MLA_PASSPHRASE_FILE (first line), else asked on the terminal.
    Backup {
        /// Where to write the backup.
        path: PathBuf,
    },
    /// Replace the database with the backup at PATH.
    ///
    /// The backup is checked first (it opens, with its passphrase when
    /// encrypted; SQLite's integrity check passes; it is not from a newer
    /// app): when it fails, nothing changes. The database in place is kept
    /// aside as mla-writer.sqlite3.before-restore until the restored one
    /// has opened. Close the app first.
    Restore {
        /// The backup file.
        path: PathBuf,
    },
    /// Turn encryption at rest (SQLCipher) on or off, or change the passphrase.
    ///
    /// The database is rewritten into a new file, checked, and only then put
    /// in place of the old one. Passphrases are read from the files named by
    /// MLA_PASSPHRASE_FILE (the current one) and MLA_NEW_PASSPHRASE_FILE (the
    /// new one), first line, else asked on the terminal; never from an
    /// argument. Close the app first.
    #[command(subcommand)]
    Encryption(EncryptionCommand),
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
    /// Your identity for the exchange with counterparts: name, authority,
    /// e-mail, a signing key and an encryption key.
    ///
    /// The secret keys are kept in the operating system's keychain when one
    /// is available, otherwise in a passphrase-protected file in the data
    /// directory (`identity show` says which). Set MLA_KEYSTORE=file to
    /// always use the file. The passphrase is read from --passphrase-file
    /// (its first line; the file may have at most 64 KiB) or from the
    /// MLA_PASSPHRASE environment variable.
    #[command(subcommand)]
    Identity(IdentityCommand),
    /// Your counterparts' cards: import, list, trust.
    ///
    /// A contact is trusted only once you have compared its fingerprint with
    /// the person, by telephone, and confirmed it with `contacts trust`.
    #[command(subcommand)]
    Contacts(ContactsCommand),
    /// Consult a counterpart on a draft: signed, encrypted packages, comments,
    /// suggested edits, decisions and history.
    ///
    /// The originator exports a draft to trusted contacts; the counterpart
    /// imports it, comments, suggests edits and exports a reply; the
    /// originator imports the reply and accepts or rejects each suggestion.
    /// Commands that use your keys read the passphrase of the key file from
    /// MLA_PASSPHRASE.
    #[command(subcommand)]
    Exchange(ExchangeCommand),
    /// The case register: where each request stands, what falls due, and
    /// how requests are linked.
    ///
    /// Statuses: drafting, in_consultation, sent, acknowledged,
    /// additional_information_requested, postponed, partially_executed,
    /// executed, refused, withdrawn, no_longer_needed. Kinds: mla_evidence,
    /// preservation, emergency_disclosure, transfer_of_proceedings.
    #[command(subcommand)]
    Register(RegisterCommand),
    /// The directory of competent authorities: per State, its authorities
    /// by role, the instruments it is party to, the channels and languages
    /// it accepts and what it requires, each with its source and date.
    ///
    /// Files are the app's JSON or CSV tables (docs/directory-format.md).
    /// An import is all or nothing: every bad row is listed with its file
    /// and line and nothing is taken in. Entries marked
    /// `redistribution: restricted` are never exported without
    /// --include-restricted. The directory of real States starts empty;
    /// `directory demo` loads the fictitious States of the examples.
    #[command(subcommand)]
    Directory(DirectoryCommand),
    /// Treaty profiles: a bilateral or regional treaty's parties, entry
    /// into force and its article on each topic the checks cite
    /// (docs/treaty-profile-format.md).
    ///
    /// A request made under a profile (`apply`) keeps a copy of it: its
    /// findings and its document cite the treaty's own articles.
    #[command(subcommand)]
    Treaty(TreatyCommand),
    /// The own-State profile: your State, its central authority, 24/7
    /// point of contact, law on mutual legal assistance, drafting language
    /// and the instruments it is party to (JSON). Every new request starts
    /// from it.
    #[command(subcommand)]
    Profile(ProfileCommand),
}

#[derive(Subcommand)]
enum DirectoryCommand {
    /// Show what importing FILE (JSON), a CSV table (authorities.csv) or a
    /// folder of CSV tables would change, field by field; with --yes, import it.
    ///
    /// The parts a file does not give are kept (a lone authorities.csv
    /// replaces the authorities of the States it names). Exit status 1 when
    /// the file has bad rows.
    Import {
        /// The file or folder.
        path: PathBuf,
        /// Import the changes shown (without it, nothing is written).
        #[arg(long)]
        yes: bool,
        /// What kind of source the file is: user_entry, import_official_directory, import_country_form, national_guide, counterpart_confirmation, depositary_notification, other.
        #[arg(long, value_parser = directory_cli::parse_source_type, default_value = "other")]
        source_type: mla_writer::directory::SourceType,
        /// Title and edition of the source; given to every entry that names no source of its own.
        #[arg(long, default_value = "")]
        source_title: String,
        /// Date of the source document (YYYY-MM-DD).
        #[arg(long)]
        source_date: Option<String>,
        /// Date the values are stated to be valid (YYYY-MM-DD).
        #[arg(long)]
        as_of: Option<String>,
        /// Who records the import (default: the user running the command).
        #[arg(long, default_value = "")]
        entered_by: String,
        /// Record the import on this day (YYYY-MM-DD) instead of today.
        #[arg(long, value_parser = parse_date)]
        today: Option<time::Date>,
        /// Output format of the changes.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Write the directory to FILE (JSON) or, with --format csv, to the folder FILE (one CSV per table).
    Export {
        /// The file, or the folder for CSV.
        path: PathBuf,
        /// json or csv.
        #[arg(long, value_enum, default_value_t = DirectoryFormat::Json)]
        format: DirectoryFormat,
        /// Acknowledge that you are entitled to share the entries marked restricted, and export them too.
        #[arg(long)]
        include_restricted: bool,
    },
    /// List the States: code, name, authorities, as-of date.
    List {
        /// Only the States whose code, name or an authority's name holds this text.
        #[arg(long)]
        search: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Print a State's entry (JSON).
    Show {
        /// The State's ISO code.
        state_id: String,
    },
    /// The history of a State's entry: each import, edit or deletion, field by field.
    History {
        /// The State's ISO code.
        state_id: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Delete a State's entry, or one of its authorities, and erase the values its history holds.
    Delete {
        /// The State's ISO code.
        state_id: String,
        /// Delete only this authority (its UUID).
        #[arg(long)]
        authority: Option<String>,
        /// Who records the deletion (default: the user running the command).
        #[arg(long, default_value = "")]
        entered_by: String,
        /// Record it on this day (YYYY-MM-DD) instead of today.
        #[arg(long, value_parser = parse_date)]
        today: Option<time::Date>,
    },
    /// Load the fictitious States of the demo and example requests (Norland, Vestria, Calvania).
    Demo {
        /// Record it on this day (YYYY-MM-DD) instead of today.
        #[arg(long, value_parser = parse_date)]
        today: Option<time::Date>,
    },
}

/// How `mla directory export` writes.
#[derive(Clone, Copy, ValueEnum)]
enum DirectoryFormat {
    /// One JSON file.
    Json,
    /// A folder of CSV tables.
    Csv,
}


#[derive(Subcommand)]
enum ProfileCommand {
    /// Set the profile from a JSON file, replacing the one before.
    Set {
        /// The profile (JSON).
        file: PathBuf,
    },
    /// Print the profile as JSON.
    Show,
    /// Print a new request, prefilled from the profile (JSON).
    NewRequest {
        /// Kind of request (default: mla_evidence).
        #[arg(long, value_parser = register_cli::parse_kind)]
        kind: Option<mla_writer::request::RequestKind>,
    },
}

#[derive(Subcommand)]
enum TreatyCommand {
    /// Import a profile from a JSON file, replacing one of the same id.
    Import {
        /// The profile (JSON).
        file: PathBuf,
    },
    /// List the stored profiles: id, last import, title.
    List,
    /// Print a stored profile as JSON.
    Show {
        /// The profile's id.
        id: String,
    },
    /// Write a stored profile to a JSON file.
    Export {
        /// The profile's id.
        id: String,
        /// Where to write it.
        file: PathBuf,
    },
    /// Make a request one under the treaty: its basis becomes the treaty,
    /// with a copy of the profile (JSON, to standard output or --output).
    Apply {
        /// The profile's id.
        id: String,
        /// The request file (JSON).
        file: PathBuf,
        /// Where to write the request.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum RegisterCommand {
    /// List the requests, a page at a time: id, status, kind, date of the
    /// status, next deadline, requested State and title.
    List {
        /// Only requests with this status.
        #[arg(long, value_parser = register_cli::parse_status)]
        status: Option<mla_writer::request::RequestStatus>,
        /// Only requests to this State (as typed in the request, any case).
        #[arg(long)]
        state: Option<String>,
        /// Only requests of this kind.
        #[arg(long, value_parser = register_cli::parse_kind)]
        kind: Option<mla_writer::request::RequestKind>,
        /// Only requests whose status dates from this day on (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Only requests whose status dates from this day or before (YYYY-MM-DD).
        #[arg(long)]
        to: Option<String>,
        /// Only requests with a deadline within this many days (30d), overdue ones included.
        #[arg(long, value_parser = register_cli::parse_days)]
        due_within: Option<u32>,
        /// Count --due-within from this day (YYYY-MM-DD) instead of today.
        #[arg(long, value_parser = parse_date)]
        today: Option<time::Date>,
        /// Sort by: title, kind, state, status, status_date, next_deadline, created_at, updated_at.
        #[arg(long, value_parser = register_cli::parse_column, default_value = "updated_at")]
        sort: mla_writer::store::RegisterColumn,
        /// Sort in descending order.
        #[arg(long)]
        descending: bool,
        /// Page number, from 0.
        #[arg(long, default_value_t = 0)]
        page: u32,
        /// Requests per page (at most 200).
        #[arg(long, default_value_t = 50)]
        page_size: u32,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Record a change of status of a draft (a new revision).
    SetStatus {
        /// Draft id.
        id: String,
        /// The new status.
        #[arg(value_parser = register_cli::parse_status)]
        status: mla_writer::request::RequestStatus,
        /// The counterpart's reference number.
        #[arg(long = "ref", default_value = "")]
        reference: String,
        /// A note: reasons, what was said.
        #[arg(long, default_value = "")]
        note: String,
        /// Date of the change (YYYY-MM-DD) instead of today.
        #[arg(long, value_parser = parse_date)]
        date: Option<time::Date>,
    },
    /// What falls due: overdue, within 7 days, within 30 days, and the
    /// requests waiting on the counterpart.
    Dashboard {
        /// As on this day (YYYY-MM-DD) instead of today.
        #[arg(long, value_parser = parse_date)]
        today: Option<time::Date>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// The requests linked to a draft, either way.
    Links {
        /// Draft id.
        id: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Link a request to a later one: its follow-up, a supplement, the reply received.
    Link {
        /// The earlier request's draft id.
        from: String,
        /// The later request's draft id.
        to: String,
        /// follow_up, supplement or reply.
        #[arg(long, value_parser = register_cli::parse_link_kind)]
        kind: mla_writer::store::LinkKind,
    },
}

#[derive(Subcommand)]
enum ExchangeCommand {
    /// Write a draft as a package: the next round to counterparts, or, on a
    /// request received for comments, the reply to its originator.
    Export {
        /// Draft id.
        draft_id: String,
        /// Trusted contact to send it to (id or its first characters); repeat for several.
        #[arg(long = "to", conflicts_with = "passphrase_file")]
        to: Vec<String>,
        /// Encrypt to the passphrase on this file's first line instead.
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
        /// What the passphrase is, without saying it.
        #[arg(long, requires = "passphrase_file", default_value = "agreed passphrase")]
        label: String,
        /// A note for the recipients.
        #[arg(long, default_value = "")]
        note: String,
        /// Where to write the package.
        #[arg(short, long)]
        output: PathBuf,
        /// Time of the package (RFC 3339) instead of now.
        #[arg(long, value_parser = parse_time)]
        now: Option<time::OffsetDateTime>,
    },
    /// Take in a package: a request for comments, or a reply.
    ///
    /// A package signed by someone who is not a trusted contact is refused
    /// (exit status 1) with their fingerprint; compare it with them and
    /// import again with --trust-signer. Nothing is taken in on any error.
    Import {
        /// The package file.
        file: PathBuf,
        /// For a passphrase package: the file whose first line is the passphrase.
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
        /// The signer's fingerprint, as compared with them.
        #[arg(long)]
        trust_signer: Option<String>,
        /// Time of the import (RFC 3339) instead of now.
        #[arg(long, value_parser = parse_time)]
        now: Option<time::OffsetDateTime>,
    },
    /// Comment on a field of a shared draft (or on the whole request).
    Comment {
        /// Draft id.
        draft_id: String,
        /// Dotted path of the field (`facts.summary`); none for the whole request.
        #[arg(long, default_value = "")]
        field: String,
        /// The comment.
        #[arg(long)]
        text: String,
        /// What the comment is for.
        #[arg(long, value_enum, default_value_t = CommentKindArg::Question)]
        kind: CommentKindArg,
        /// Time (RFC 3339) instead of now.
        #[arg(long, value_parser = parse_time)]
        now: Option<time::OffsetDateTime>,
    },
    /// Answer a comment.
    Answer {
        /// Draft id.
        draft_id: String,
        /// The comment answered.
        comment_id: String,
        /// The answer.
        #[arg(long)]
        text: String,
        /// Time (RFC 3339) instead of now.
        #[arg(long, value_parser = parse_time)]
        now: Option<time::OffsetDateTime>,
    },
    /// Resolve a comment.
    Resolve {
        /// Draft id.
        draft_id: String,
        /// The comment.
        comment_id: String,
        /// Time (RFC 3339) instead of now.
        #[arg(long, value_parser = parse_time)]
        now: Option<time::OffsetDateTime>,
    },
    /// Suggest a new value for a field of a request received for comments.
    Suggest {
        /// Draft id.
        draft_id: String,
        /// Dotted path of the field.
        #[arg(long)]
        field: String,
        /// The value: JSON when it parses as JSON (a list, a number), else text.
        #[arg(long)]
        value: String,
        /// Why.
        #[arg(long, default_value = "")]
        note: String,
        /// Time (RFC 3339) instead of now.
        #[arg(long, value_parser = parse_time)]
        now: Option<time::OffsetDateTime>,
    },
    /// Show each suggestion as a tracked change, with conflicts.
    Review {
        /// Draft id.
        draft_id: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// Language of the fields' labels.
        #[arg(long, value_enum, default_value_t = Lang::En)]
        lang: Lang,
    },
    /// Accept a suggestion, writing a new revision of the draft.
    Accept {
        /// Draft id.
        draft_id: String,
        /// The suggestion.
        suggestion_id: String,
        /// Which value to write after a conflict.
        #[arg(long, value_enum, default_value_t = TakeArg::Theirs, conflicts_with = "value")]
        take: TakeArg,
        /// A value edited by hand (JSON when it parses as JSON, else text).
        #[arg(long)]
        value: Option<String>,
        /// Time (RFC 3339) instead of now.
        #[arg(long, value_parser = parse_time)]
        now: Option<time::OffsetDateTime>,
    },
    /// Reject a suggestion; the draft stays as it is.
    Reject {
        /// Draft id.
        draft_id: String,
        /// The suggestion.
        suggestion_id: String,
        /// Time (RFC 3339) instead of now.
        #[arg(long, value_parser = parse_time)]
        now: Option<time::OffsetDateTime>,
    },
    /// Who did what, when, in which round and from which package.
    History {
        /// Draft id.
        draft_id: String,
    },
    /// Write the request with every comment and suggestion as a PDF, for a
    /// reader without the app.
    ReadingCopy {
        /// Draft id.
        draft_id: String,
        /// Where to write the PDF.
        #[arg(short, long)]
        output: PathBuf,
        /// Language of the fixed text (default: the request's `lang.request`).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
        /// Date printed in the PDF's properties (RFC 3339) instead of now.
        #[arg(long, value_parser = parse_time)]
        now: Option<time::OffsetDateTime>,
    },
}

/// What a comment is for.
#[derive(Clone, Copy, ValueEnum)]
enum CommentKindArg {
    /// A question about the draft.
    Question,
    /// A request for additional information (UNTOC art. 18(16)).
    AdditionalInformation,
    /// A remark.
    Remark,
}

/// Which value an accepted suggestion writes.
#[derive(Clone, Copy, ValueEnum)]
enum TakeArg {
    /// The value proposed.
    Theirs,
    /// The value the draft has now.
    Ours,
    /// Both changes merged word by word.
    Merged,
}

#[derive(Subcommand)]
enum IdentityCommand {
    /// Create your identity (fresh keys) and print its fingerprint.
    Create {
        /// Your name.
        #[arg(long)]
        name: String,
        /// Your authority ("Central Authority, Ministry of Justice of Arden").
        #[arg(long)]
        authority: String,
        /// Your e-mail address.
        #[arg(long)]
        email: String,
        #[command(flatten)]
        passphrase: PassphraseArg,
        /// Creation time written on the card (RFC 3339) instead of now.
        #[arg(long, value_parser = parse_time)]
        now: Option<time::OffsetDateTime>,
    },
    /// Show your identity: name, fingerprint, and how the keys are protected.
    Show,
    /// Write your public card, to send to counterparts.
    ExportCard {
        /// Where to write it (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write your age secret key (AGE-SECRET-KEY-1…), for a backup or for the `age` tool.
    ///
    /// Anyone holding it can read every package sent to you: keep it as safe
    /// as the passphrase. Needs the passphrase when the keys are in the file.
    ExportAgeKey {
        /// Where to write it (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        passphrase: PassphraseArg,
    },
    /// Replace your keys with new ones; the new card is endorsed by the old
    /// key, so contacts who trust you keep trusting the new keys.
    Rotate {
        #[command(flatten)]
        passphrase: PassphraseArg,
        /// Time of the rotation (RFC 3339) instead of now.
        #[arg(long, value_parser = parse_time)]
        now: Option<time::OffsetDateTime>,
    },
}

#[derive(Subcommand)]
enum ContactsCommand {
    /// Import a counterpart's card file.
    ///
    /// A new card is added untrusted. A card endorsed by the current key of a
    /// contact (their key rotation) replaces that contact's keys and keeps
    /// the trust.
    Import {
        /// The card file.
        file: PathBuf,
        /// Time of the import (RFC 3339) instead of now.
        #[arg(long, value_parser = parse_time)]
        now: Option<time::OffsetDateTime>,
    },
    /// List contacts: id, trust, name, authority, fingerprint.
    List,
    /// Trust a contact once you have compared the fingerprint with them.
    ///
    /// Exit status: 0 when trusted, 1 when the fingerprint does not match
    /// (the contact stays untrusted), 2 on other errors.
    Trust {
        /// Contact id (or its first characters, from `contacts list`).
        id: String,
        /// The fingerprint the person read out to you.
        #[arg(long)]
        fingerprint: String,
        /// Time of the decision (RFC 3339) instead of now.
        #[arg(long, value_parser = parse_time)]
        now: Option<time::OffsetDateTime>,
    },
}

#[derive(Subcommand)]
enum EncryptionCommand {
    /// Print whether the database is encrypted (on or off).
    Status,
    /// Encrypt the database with a new passphrase.
    On,
    /// Write the database back unencrypted.
    Off,
    /// Change the passphrase of the encrypted database.
    ChangePassphrase,
}

/// Where the passphrase of the key file comes from.
#[derive(clap::Args)]
struct PassphraseArg {
    /// File whose first line is the passphrase (else MLA_PASSPHRASE).
    #[arg(long)]
    passphrase_file: Option<PathBuf>,
}

#[derive(Subcommand)]
enum DraftsCommand {
    /// List drafts, most recently saved first.
    List,
    /// Write a draft's latest state, or one of its revisions, as a request file (JSON) to standard output.
    Export {
        /// Draft id (from `mla drafts list`).
        id: String,
        /// The revision to write (from `mla drafts history`) instead of the latest.
        #[arg(long)]
        revision: Option<i64>,
    },
    /// Store a request file as a new draft and print its id.
    Import {
        /// Request file (JSON).
        file: PathBuf,
    },
    /// Check the whole database file (SQLite's integrity check): prints
    /// `ok`, or the problems found and exits with status 1.
    Check,
    /// Write every draft that can still be read, as request files
    /// `<draft id>.json`, into a folder: the way out of a damaged database.
    /// Prints the files written and the drafts that could not be read (then
    /// exits with status 1).
    Rescue {
        /// Folder to write the request files into (created if needed).
        dir: PathBuf,
    },
    #[command(flatten)]
    Aside(search_cli::AsideCommand),
    /// List a draft's revisions, oldest first: number, when saved, and the
    /// answers it changed (dotted paths, such as `facts.summary, persons.2`).
    History {
        /// Draft id (from `mla drafts list`).
        id: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Show what changed between two revisions of a draft, field by field.
    ///
    /// Each field is named by its label in --lang and its path. Text shows
    /// its changes word by word: deleted words as [-words-], inserted words
    /// as [+words+]; a list item is added or removed; any other answer shows
    /// "old" -> "new".
    ///
    /// Example: mla drafts diff 0c6f… 3 7 --lang fr
    Diff {
        /// Draft id (from `mla drafts list`).
        id: String,
        /// The older revision.
        from: i64,
        /// The newer revision.
        to: i64,
        /// Language of the field labels.
        #[arg(long, value_enum, default_value_t = Lang::En)]
        lang: Lang,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Make a revision the draft's current state again.
    ///
    /// Adds a revision that records which one it restores; no revision is
    /// changed or removed.
    Restore {
        /// Draft id (from `mla drafts list`).
        id: String,
        /// The revision to restore (from `mla drafts history`).
        revision: i64,
    },
    /// Render a draft, or one of its revisions, as a PDF or DOCX document.
    ///
    /// A revision's running header says which revision it is and when it
    /// was saved ("Revision 7 of 20 November 2026"), in the document
    /// language. A request that still has errors is written as a draft, with
    /// DRAFT across every page.
    Render {
        /// Draft id (from `mla drafts list`).
        id: String,
        /// The revision to render (from `mla drafts history`) instead of the latest state.
        #[arg(long)]
        revision: Option<i64>,
        /// Where to write the document.
        #[arg(short, long)]
        output: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RevisionFormat::Pdf)]
        format: RevisionFormat,
        /// Language of the fixed text (default: the request's `lang.request`, else English).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
        /// Paper size.
        #[arg(long, value_enum, default_value_t = Paper::A4)]
        paper: Paper,
        /// Render as on this date (YYYY-MM-DD) instead of today (see `mla render --today`).
        #[arg(long, value_parser = parse_date)]
        today: Option<time::Date>,
    },
    /// Keep a file (PDF, PNG, JPEG or any other) with an annex of a draft.
    ///
    /// The file is stored in the database once, by its SHA-256, and the
    /// draft saved with the file's name, type, size, SHA-256 and, for a PDF,
    /// its pages (which also fill the annex's page count when empty). Without
    /// --annex, a new annex is added, titled --label or the file's name. A
    /// file over the size limit (`mla drafts annex-limit`) is refused before
    /// it is read. Prints the annex number and the file's SHA-256.
    Attach {
        /// Draft id (from `mla drafts list`).
        id: String,
        /// The file.
        file: PathBuf,
        /// Number of an existing annex (from 1) to hold the file.
        #[arg(long, conflicts_with = "label")]
        annex: Option<usize>,
        /// Title of the new annex (default: the file's name).
        #[arg(long)]
        label: Option<String>,
    },
    /// Remove the file of an annex (the annex stays); its bytes are deleted
    /// once no revision of any draft cites them.
    Detach {
        /// Draft id.
        id: String,
        /// Number of the annex (from 1).
        #[arg(long)]
        annex: usize,
    },
    /// Print the size limit of an annex file, or set it (in MiB).
    AnnexLimit {
        /// The new limit, in MiB.
        mib: Option<u64>,
    },
}

/// What `mla drafts render` writes.
#[derive(Clone, Copy, ValueEnum)]
enum RevisionFormat {
    /// The typeset request (PDF).
    Pdf,
    /// The request as an editable word-processing document (DOCX).
    Docx,
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
    /// request (a target with a control character or longer than 2 MiB
    /// included), 2 when a file cannot be read (missing, not JSON, larger
    /// than 32 MiB, not UTF-8, not well-formed XML, not XLIFF 2.0, with a
    /// DOCTYPE) or the output cannot be written.
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

fn parse_time(text: &str) -> Result<time::OffsetDateTime, String> {
    time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .map_err(|e| format!("expected a time as RFC 3339 (2026-03-01T09:00:00Z), found {text:?}: {e}"))
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
    let mode = mode(&cli);
    match cli.command {
        Command::Render { file, output, lang, format: document_format, paper, with_original, today, append_annexes } => {
            let request = read::read_request(&file).map_err(|e| e.to_string())?;
            let mut options = export::Options::for_request(&request);
            options.paper = paper;
            options.with_original = with_original;
            if let Some(lang) = lang {
                options.lang = lang;
            }
            if let Some(day) = today {
                options.date = day.midnight().assume_utc();
            }
            options.mode = mode;
            let today = today.unwrap_or_else(checks::today);
            let export = match document_format {
                DocumentFormat::Pdf if append_annexes => {
                    let store = database::open_read_only()?;
                    store.export_pdf_with_annexes(&request, &options, today).map_err(|e| format!("{}: {e}", file.display()))?
                }
                DocumentFormat::Pdf => export::export_pdf(&request, &options, today).map_err(|e| e.to_string())?,
                DocumentFormat::Docx => export::export_docx(&request, &options, today).map_err(|e| e.to_string())?,
                DocumentFormat::Json => export::Export { bytes: read::to_json(&request).into_bytes(), draft: false },
                DocumentFormat::Html => export::export_html(&request, &options, today).map_err(|e| e.to_string())?,
            };
            files::write_atomically(&output, &export.bytes).map_err(|e| e.to_string())?;
            if export.draft {
                eprintln!("mla: {}: {}", file.display(), draft_reason(&request, mode));
            }
            if matches!(document_format, DocumentFormat::Pdf) {
                for (path, chars) in checks::undrawable_texts(&request) {
                    eprintln!("mla: warning: {}: {path}: {} printed as empty boxes: no font of the document has them", file.display(), checks::code_points(&chars));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { file, format: out, today, lang } => {
            let request = read::read_request(&file).map_err(|e| e.to_string())?;
            let findings = checks::run_in(&request, today.unwrap_or_else(checks::today), mode, lang);
            match out {
                OutputFormat::Json => print_json(&serde_json::to_string_pretty(&findings).expect("findings serialise")),
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
                        .map(|r| {
                            let provisions: Vec<_> = r
                                .provision
                                .cites
                                .iter()
                                .map(|(source, citation)| serde_json::json!({ "instrument": source.key(), "citation": citation }))
                                .collect();
                            serde_json::json!({
                                "code": r.code,
                                "severity": r.severity,
                                "provision": r.provision.all(),
                                "provisions": provisions,
                                "general": r.provision.general,
                                "summary": r.summary,
                            })
                        })
                        .collect();
                    print_json(&serde_json::to_string_pretty(&list).expect("rules serialise"));
                }
                OutputFormat::Text => {
                    for r in &rules {
                        println!("{:<22} {:<8} {}", r.code, r.severity.as_str(), r.summary);
                        for (source, citation) in r.provision.cites {
                            println!("{:<31} {:<12} {citation}", "", source.key());
                        }
                        if !r.provision.general.is_empty() {
                            println!("{:<31} {:<12} {}", "", "", r.provision.general);
                        }
                    }
                    println!("{} rules", rules.len());
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            let schema = schemars::schema_for!(mla_writer::request::Request);
            print_json(&serde_json::to_string_pretty(&schema).expect("schema serialises"));
            Ok(ExitCode::SUCCESS)
        }
        Command::Wizard { lang } => {
            let def = mla_writer::interview::definition(lang);
            print_json(&serde_json::to_string_pretty(&def).expect("the wizard serialises"));
            Ok(ExitCode::SUCCESS)
        }
        Command::FollowUp { file } => {
            let request = read::read_request(&file).map_err(|e| e.to_string())?;
            let follow_up = mla_writer::request::follow_up::from_preservation(&request).map_err(|e| format!("{}: {e}", file.display()))?;
            print_json(&read::to_json(&follow_up));
            Ok(ExitCode::SUCCESS)
        }
        Command::Search { text, format, lang, limit } => search_cli::search(&text, format, lang, limit),
        Command::Drafts(cmd) => drafts_cli::drafts(cmd, mode),
        Command::Backup { path } => database::backup(&path),
        Command::Restore { path } => database::restore(&path),
        Command::Encryption(cmd) => database::encryption(cmd),
        Command::Xliff(cmd) => run_xliff(cmd),
        Command::Identity(cmd) => exchange_cli::identity(cmd),
        Command::Contacts(cmd) => exchange_cli::contacts(cmd),
        Command::Exchange(cmd) => exchange_cli::exchange(cmd),
        Command::Register(cmd) => register_cli::register(cmd),
        Command::Directory(cmd) => directory_cli::directory(cmd),
        Command::Treaty(cmd) => treaty_cli::treaty(cmd),
        Command::Profile(cmd) => profile_cli::profile(cmd),
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
            files::write_atomically(&output, translation::export(&request, target).as_bytes()).map_err(|e| e.to_string())?;
            println!("{}: {} unit(s) to translate into {}", output.display(), mla_writer::interview::units(&request).len(), target.code());
            Ok(ExitCode::SUCCESS)
        }
        XliffCommand::Import { file, xliff: xliff_file, output } => {
            let request = read::read_request(&file).map_err(|e| e.to_string())?;
            match translation::import_file(&request, &xliff_file) {
                Ok(translated) => {
                    files::write_atomically(&output, read::to_json(&translated).as_bytes()).map_err(|e| e.to_string())?;
                    println!(
                        "{}: {} unit(s) imported; the request is now in {}",
                        output.display(),
                        translated.translation.original.len(),
                        translated.lang.request_code().unwrap_or_default()
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
