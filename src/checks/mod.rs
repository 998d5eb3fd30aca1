//! Completeness and consistency checks. Each rule has a stable code from the
//! reference catalogue, a severity, the provision it enforces and a message
//! saying what to add or fix. Running the rules over a request yields
//! [`Finding`]s. The rules live in one module per section of the catalogue.
//!
//! Architecture invariant: rules are pure functions of their [`Context`]: the
//! request and the date it is checked on. They never read the clock, the
//! store or the UI, so a date-dependent rule is tested with any date.

mod basis;
mod consistency;
mod core;
mod emergency;
mod handling;
mod modules;
mod offences;
mod preservation;
mod transfer;

use serde::Serialize;
use time::Date;
use ts_rs::TS;

use crate::model::{Person, Request};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Severity {
    /// The request does not conform to the cited provision.
    Error,
    /// Conforming, but a likely cause of refusal or delay.
    Warning,
    /// Advice.
    Info,
}

impl Severity {
    /// Lower-case name, as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One problem found in a request.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Finding {
    /// Stable rule code, e.g. `UNTOC-18-15-c`.
    pub code: &'static str,
    /// Severity.
    pub severity: Severity,
    /// Dotted path of the field concerned (`facts.summary`, `persons.0.location`).
    pub path: String,
    /// What to add or fix.
    pub message: String,
    /// Provision enforced, e.g. "UNTOC art. 18(15)(c)".
    pub provision: &'static str,
}

/// What a rule sees.
pub struct Context<'a> {
    /// The request being checked.
    pub request: &'a Request,
    /// The date the request is checked on.
    pub today: Date,
}

/// The findings of one rule while it runs.
pub struct Findings {
    raw: Vec<(Option<Severity>, String, String)>,
}

impl Findings {
    /// Reports `message` about `path` at the rule's severity.
    pub fn push(&mut self, path: String, message: String) {
        self.raw.push((None, path, message));
    }

    /// Reports `message` about `path` at another severity than the rule's
    /// (for rules whose severity depends on the case, e.g. OFF-TEXT).
    pub fn push_at(&mut self, severity: Severity, path: String, message: String) {
        self.raw.push((Some(severity), path, message));
    }

    /// Reports `message` about `path` when `value` is blank.
    pub fn need(&mut self, value: &str, path: &str, message: &str) {
        if blank(value) {
            self.push(path.to_string(), message.to_string());
        }
    }
}

/// A rule of the catalogue.
pub struct Rule {
    /// Stable code.
    pub code: &'static str,
    /// Severity of its findings (a rule may report some at another one).
    pub severity: Severity,
    /// Provision it enforces.
    pub provision: &'static str,
    /// One line saying what it checks.
    pub summary: &'static str,
    check: fn(&Context<'_>, &mut Findings),
}

/// Whether a text answer is empty.
pub(crate) fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// A person's name as the messages show it.
pub(crate) fn person_name(p: &Person, index: usize) -> String {
    let name = format!("{} {}", p.given_names.trim(), p.family_name.trim()).trim().to_string();
    if name.is_empty() { format!("person {}", index + 1) } else { name }
}

/// The requested State as the messages name it.
pub(crate) fn state(r: &Request) -> &str {
    if blank(&r.req_state) { "the requested State" } else { r.req_state.trim() }
}

/// Every rule, section by section in catalogue order.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    [
        core::RULES,
        basis::RULES,
        offences::RULES,
        handling::RULES,
        modules::RULES,
        preservation::RULES,
        emergency::RULES,
        transfer::RULES,
        consistency::RULES,
    ]
    .into_iter()
    .flatten()
}

/// Runs every rule over a request checked on `today`; findings come sorted
/// by severity, then in catalogue order.
pub fn run(request: &Request, today: Date) -> Vec<Finding> {
    let context = Context { request, today };
    let mut findings = Vec::new();
    for rule in rules() {
        let mut out = Findings { raw: Vec::new() };
        (rule.check)(&context, &mut out);
        findings.extend(out.raw.into_iter().map(|(severity, path, message)| Finding {
            code: rule.code,
            severity: severity.unwrap_or(rule.severity),
            path,
            message,
            provision: rule.provision,
        }));
    }
    findings.sort_by_key(|f| f.severity);
    findings
}

/// Today's date in UTC, for callers that check a request now.
pub fn today() -> Date {
    time::OffsetDateTime::now_utc().date()
}

/// Whether any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The fixed date the rules' tests run on.
    pub(crate) fn today() -> Date {
        time::macros::date!(2026 - 11 - 27)
    }

    #[test]
    fn codes_are_unique_and_every_rule_cites_a_provision() {
        let mut all: Vec<_> = rules().map(|r| r.code).collect();
        for rule in rules() {
            assert!(!rule.provision.trim().is_empty(), "{} cites no provision", rule.code);
            assert!(!rule.summary.trim().is_empty(), "{} has no summary", rule.code);
        }
        all.sort();
        let n = all.len();
        all.dedup();
        assert_eq!(n, all.len(), "duplicate rule codes");
    }
}
