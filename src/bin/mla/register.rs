//! `mla register …`: the case register of the drafts in the data directory:
//! the list with filters, sort and pages, changes of status, the dashboard of
//! what falls due, and the links between requests.

use std::process::ExitCode;

use mla_writer::request::{RequestKind, RequestStatus, StatusChange};
use mla_writer::store::{DraftLink, LinkKind, RegisterColumn, RegisterEntry, RegisterQuery};

use crate::terminal;
use crate::{OutputFormat, RegisterCommand};

/// A status as typed: its key (`additional_information_requested`), with
/// hyphens or underscores.
pub fn parse_status(text: &str) -> Result<RequestStatus, String> {
    let key = text.trim().replace('-', "_");
    RequestStatus::ALL.iter().copied().find(|s| s.key() == key).ok_or_else(|| {
        let known: Vec<&str> = RequestStatus::ALL.iter().map(|s| s.key()).collect();
        format!("unknown status {text:?}; expected one of {}", known.join(", "))
    })
}

/// A kind of request as typed: its key (`mla_evidence`).
pub fn parse_kind(text: &str) -> Result<RequestKind, String> {
    let key = text.trim().replace('-', "_");
    RequestKind::ALL.iter().copied().find(|k| k.key() == key).ok_or_else(|| {
        let known: Vec<&str> = RequestKind::ALL.iter().map(|k| k.key()).collect();
        format!("unknown kind {text:?}; expected one of {}", known.join(", "))
    })
}

/// A number of days as typed: `30d` or `30`.
pub fn parse_days(text: &str) -> Result<u32, String> {
    text.trim().trim_end_matches('d').parse().map_err(|_| format!("expected a number of days such as 30d, found {text:?}"))
}

/// A register column as typed: `status_date`, `next-deadline`, `state`…
pub fn parse_column(text: &str) -> Result<RegisterColumn, String> {
    let key = text.trim().replace('-', "_");
    serde_json::from_value(serde_json::Value::String(key)).map_err(|_| {
        format!("unknown column {text:?}; expected title, kind, state, status, status_date, next_deadline, created_at or updated_at")
    })
}

/// A kind of link as typed: `supplement`, `reply`, `follow_up`.
pub fn parse_link_kind(text: &str) -> Result<LinkKind, String> {
    let key = text.trim().replace('-', "_");
    LinkKind::ALL.iter().copied().find(|k| k.key() == key).ok_or_else(|| format!("unknown link {text:?}; expected follow_up, supplement or reply"))
}

fn print_entry(e: &RegisterEntry) {
    println!(
        "{}  {:<32}  {:<24}  {:<10}  {:<10}  {:<10}  {}",
        e.id,
        e.status.key(),
        e.kind.key(),
        e.status_date,
        e.next_deadline.as_deref().unwrap_or("-"),
        // A real State by its English name, a fictitious one by its code.
        if e.req_state.is_empty() { "-" } else { mla_writer::directory::state_names::name(&e.req_state, "en").unwrap_or(&e.req_state) },
        terminal::title(&e.title)
    );
}

/// Runs `mla register …`.
pub fn register(cmd: RegisterCommand) -> Result<ExitCode, String> {
    match cmd {
        RegisterCommand::List { status, state, kind, from, to, due_within, today, sort, descending, page, page_size, format } => {
            let store = crate::database::open_read_only()?;
            let today = today.unwrap_or_else(mla_writer::checks::today);
            let due_by = due_within.map(|days| today.checked_add(time::Duration::days(days.into())).unwrap_or(time::Date::MAX).to_string());
            let query = RegisterQuery { status, kind, state, from, to, due_by, sort, descending, page, page_size, state_order: Vec::new() };
            let found = store.register_page(&query).map_err(|e| e.to_string())?;
            match format {
                OutputFormat::Json => crate::print_json(&serde_json::to_string_pretty(&found).expect("a page serialises")),
                OutputFormat::Text => {
                    for e in &found.entries {
                        print_entry(e);
                    }
                    let more = if found.has_more { format!("; more on page {}", found.page + 1) } else { String::new() };
                    println!("page {}: {} request(s){more}", found.page, found.entries.len());
                }
            }
        }
        RegisterCommand::SetStatus { id, status, reference, note, date } => {
            let mut store = crate::database::open()?;
            let date = date.unwrap_or_else(mla_writer::checks::today).to_string();
            let change = StatusChange { status: Some(status), date, counterpart_ref: reference, note };
            let receipt = store.set_status(&id, change).map_err(|e| e.to_string())?;
            println!("{}: {} (revision {})", receipt.draft_id, status.key(), receipt.revision);
        }
        RegisterCommand::Dashboard { today, format } => {
            let store = crate::database::open_read_only()?;
            let dashboard = store.dashboard(today.unwrap_or_else(mla_writer::checks::today)).map_err(|e| e.to_string())?;
            match format {
                OutputFormat::Json => crate::print_json(&serde_json::to_string_pretty(&dashboard).expect("the dashboard serialises")),
                OutputFormat::Text => {
                    for (name, part) in
                        [("overdue", &dashboard.overdue), ("due within 7 days", &dashboard.within_7_days), ("due within 30 days", &dashboard.within_30_days)]
                    {
                        println!("{name}: {}", part.count);
                        for e in &part.entries {
                            println!("  {}  {:<20}  {}  {}", e.date, e.due.key(), e.id, terminal::title(&e.title));
                        }
                    }
                    println!("waiting on the counterpart: {}", dashboard.waiting_on_counterpart.count);
                    for e in &dashboard.waiting_on_counterpart.entries {
                        println!("  {}  {:<20}  {}  {}", e.status_date, e.status.key(), e.id, terminal::title(&e.title));
                    }
                }
            }
        }
        RegisterCommand::Links { id, format } => {
            let store = crate::database::open_read_only()?;
            let links: Vec<DraftLink> = store.links(&id).map_err(|e| e.to_string())?;
            match format {
                OutputFormat::Json => crate::print_json(&serde_json::to_string_pretty(&links).expect("links serialise")),
                OutputFormat::Text => {
                    for l in &links {
                        let way = if l.incoming { "from" } else { "to" };
                        println!("{:<10}  {way:<4}  {}  {}", l.kind.key(), l.other_id, terminal::title(&l.other_title));
                    }
                    println!("{} link(s)", links.len());
                }
            }
        }
        RegisterCommand::Link { from, to, kind } => {
            let mut store = crate::database::open()?;
            store.link_drafts(&from, &to, kind, time::OffsetDateTime::now_utc()).map_err(|e| e.to_string())?;
            println!("{from} -> {to}: {}", kind.key());
        }
    }
    Ok(ExitCode::SUCCESS)
}
