//! Completeness and consistency checks. Each rule has a stable code from the
//! reference catalogue, a severity, the provision it enforces and a message
//! saying what to add or fix. Running the rules over a request yields
//! [`Finding`]s. The rules live in one module per section of the catalogue.
//!
//! Architecture invariant: rules are pure functions of their [`Context`]: the
//! request and the date it is checked on. They never read the clock, the
//! store or the UI, so a date-dependent rule is tested with any date.

pub mod addressee;
mod basis;
mod consistency;
mod core;
#[cfg(test)]
mod coverage;
mod emergency;
mod formats;
mod handling;
mod modules;
mod offences;
mod preservation;
pub mod provision;
mod tracking;
mod transfer;

pub use consistency::{code_points, undrawable_texts};
pub use provision::{Citation, Provision, Source};
pub use modules::bank_secrecy_clause;

use std::borrow::Cow;

use serde::Serialize;
use time::Date;
use ts_rs::TS;

use crate::directory::demo::Mode;
use crate::i18n::{self, Lang};
use crate::request::{Person, Request, Vocabulary};

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
    /// What to add or fix, in the language asked for.
    pub message: String,
    /// Provision enforced, that of the request's legal basis, e.g.
    /// "UNCAC art. 46(15)(c)" (see [`Provision::for_request`]), worded in
    /// the language asked for where the basis has none.
    pub provision: String,
}

/// What a rule sees.
pub struct Context<'a> {
    /// The request being checked.
    pub request: &'a Request,
    /// The date the request is checked on.
    pub today: Date,
    /// Whether the app runs in demo mode (passed in, like the date).
    pub mode: Mode,
}

/// A message of a finding before it is worded: a key of the checks
/// catalogue (`locales/<lang>.checks.json`) and the values of its named
/// placeholders. It is worded in the interface language only when the
/// findings are returned, so rules stay free of any language.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    key: Cow<'static, str>,
    args: Vec<(&'static str, Arg)>,
}

/// The value of a placeholder: text typed by the drafter (inserted as is),
/// or wording of ours (a nested message, worded in the same language).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Inserted verbatim: names, dates, numbers, citations.
    Text(String),
    /// Worded from the catalogue, e.g. "the requested State".
    Message(Message),
    /// A provision: a citation, its instrument named by the language's
    /// short name, or a source that is no instrument, worded
    /// ([`crate::i18n::citation::source`]).
    Provision(String),
    /// The requested State: its CLDR name in the language of the message
    /// when `code` names a real State, else `name` (a fictitious State's
    /// directory name, or text that names no State, as typed).
    State {
        /// The ISO 3166-1 code, or the text, of `req_state`.
        code: String,
        /// What names it when no CLDR name does.
        name: String,
    },
    /// A language, as a request stores it: its CLDR name in the language of
    /// the message when it is an ISO 639 code the app names
    /// ([`crate::directory::language_names`]), else the text as typed (an
    /// older draft's).
    Language(String),
}

impl Arg {
    /// The value worded in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Arg::Text(text) => text.clone(),
            Arg::Message(message) => message.render(lang),
            Arg::Provision(part) => crate::i18n::citation::source(part, lang),
            Arg::State { code, name } => crate::directory::state_names::name(code, lang.code()).unwrap_or(name).to_string(),
            Arg::Language(stored) => crate::directory::language_names::name_or_typed(stored, lang.code()).to_string(),
        }
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Text(n.to_string())
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Text(n.to_string())
    }
}

impl From<Date> for Arg {
    fn from(d: Date) -> Self {
        Arg::Text(d.to_string())
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Message(m)
    }
}

/// The message with catalogue key `key` (`check.<CODE>.<what>`, or
/// `check.common.*` / `check.word.*` for wording several rules share).
pub fn msg(key: &'static str) -> Message {
    Message { key: Cow::Borrowed(key), args: Vec::new() }
}

/// The wording of a vocabulary value (`option.<Vocabulary>.<key>`), as a
/// placeholder value.
pub(crate) fn option<V: Vocabulary>(value: V) -> Message {
    Message { key: Cow::Owned(format!("option.{}.{}", V::NAME, value.key())), args: Vec::new() }
}

impl Message {
    /// Sets the value of placeholder `{name}`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The catalogue key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The message worded in `lang`: each `{name}` replaced by its value;
    /// a placeholder without a value is left as is (a test forbids it).
    pub fn render(&self, lang: Lang) -> String {
        let template = i18n::catalogue(lang).get(&self.key);
        i18n::placeholders::fill_known(&template, |name| {
            self.args.iter().find(|(n, _)| *n == name).map(|(_, value)| value.render(lang))
        })
    }

    /// Every catalogue key this message uses, its own and its values'.
    pub fn keys(&self) -> Vec<String> {
        let mut keys = vec![self.key.to_string()];
        for (_, v) in &self.args {
            if let Arg::Message(m) = v {
                keys.extend(m.keys());
            }
        }
        keys
    }
}

/// The findings of one rule while it runs, and what it could not check
/// for want of directory data (its gaps, said together in one line:
/// `DIR-NO-ENTRY`).
pub struct Findings {
    raw: Vec<(Option<Severity>, String, Message)>,
    gaps: Vec<Message>,
}

impl Findings {
    /// Reports `message` about `path` at the rule's severity.
    pub fn push(&mut self, path: String, message: Message) {
        self.raw.push((None, path, message));
    }

    /// Reports `message` about `path` at another severity than the rule's
    /// (for rules whose severity depends on the case, e.g. OFF-TEXT).
    pub fn push_at(&mut self, severity: Severity, path: String, message: Message) {
        self.raw.push((Some(severity), path, message));
    }

    /// Records that the rule could not check the request for want of the
    /// directory data `add` names ("the languages it accepts"): not a
    /// finding of its own, but a part of the one line of `DIR-NO-ENTRY`,
    /// which cites this rule's provision.
    pub fn gap(&mut self, add: Message) {
        self.gaps.push(add);
    }

    /// Reports `message` about `path` when `value` is blank.
    pub fn need(&mut self, value: &str, path: &str, message: Message) {
        if blank(value) {
            self.push(path.to_string(), message);
        }
    }
}

/// A rule of the catalogue.
pub struct Rule {
    /// Stable code.
    pub code: &'static str,
    /// Severity of its findings (a rule may report some at another one).
    pub severity: Severity,
    /// Provision it enforces, in every instrument it applies to.
    pub provision: Provision,
    /// One line saying what it checks.
    pub summary: &'static str,
    check: fn(&Context<'_>, &mut Findings),
}

/// Whether a text answer is empty.
pub(crate) fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// A person's name as the messages show it: "person 3 (tall man, red
/// jacket…)" when the name is unknown but the person is described, "person
/// 3" when neither is given.
pub(crate) fn person_name(p: &Person, index: usize) -> Arg {
    let name = format!("{} {}", p.given_names.trim(), p.family_name.trim()).trim().to_string();
    if !name.is_empty() {
        return Arg::Text(name);
    }
    let numbered = msg("check.word.person").arg("n", index + 1);
    match p.short_description() {
        described if described.is_empty() => numbered.into(),
        described => msg("check.item.named").arg("item", numbered).arg("name", described).into(),
    }
}

/// An annex as the messages name it: "Annex B (Bank statements)", by the
/// label the request gives it ([`Request::annex_label`]).
pub(crate) fn annex_name(r: &Request, i: usize) -> Arg {
    let labelled = msg("check.item.annex").arg("n", r.annex_label(i));
    match r.attachments.get(i).map(|a| a.title.trim()).unwrap_or_default() {
        "" => labelled.into(),
        title => msg("check.item.named").arg("item", labelled).arg("name", title).into(),
    }
}

/// The requested State as the messages name it ("the requested State" when
/// none is entered yet).
pub(crate) fn state(r: &Request) -> Arg {
    if blank(&r.req_state) {
        return msg("check.word.requested_state").into();
    }
    // Any language: a fictitious State's name, or the text as typed, is the
    // same in all of them.
    Arg::State { code: r.req_state.trim().to_string(), name: crate::request::addressee::state_name(r, "en") }
}

/// A numbered item of a list as the messages name it: "Statement 2", or
/// "Statement 2 (Ingrid Solberg)" when `who` is given. `kind` is a
/// `check.item.*` key with an `{n}` placeholder.
pub(crate) fn item(kind: &'static str, i: usize, who: &str) -> Arg {
    let numbered = msg(kind).arg("n", i + 1);
    if blank(who) { numbered.into() } else { msg("check.item.named").arg("item", numbered).arg("name", who.trim()).into() }
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
        formats::RULES,
        tracking::RULES,
    ]
    .into_iter()
    .flatten()
}

/// Runs every rule over a request checked on `today` in `mode`, before
/// wording: each finding's rule, severity, path and message. In catalogue
/// order.
pub fn run_unworded(request: &Request, today: Date, mode: Mode) -> Vec<(&'static Rule, Severity, String, Message)> {
    let context = Context { request, today, mode };
    let mut ran = Vec::new();
    let mut gaps = Vec::new();
    for rule in rules() {
        let mut out = Findings { raw: Vec::new(), gaps: Vec::new() };
        (rule.check)(&context, &mut out);
        gaps.extend(out.gaps.into_iter().map(|add| (rule, add)));
        ran.push((rule, out.raw));
    }
    let mut findings = Vec::new();
    for (rule, raw) in ran {
        if rule.code == basis::DIRECTORY_GAPS {
            findings.extend(basis::directory_gaps(request, &gaps).map(|(severity, message)| (rule, severity, "req_state".to_string(), message)));
        }
        findings.extend(raw.into_iter().map(|(severity, path, message)| (rule, severity.unwrap_or(rule.severity), path, message)));
    }
    findings
}

/// Runs every rule over a request checked on `today` outside demo mode,
/// with messages worded in `lang`: [`run_in`] in [`Mode::Real`].
pub fn run(request: &Request, today: Date, lang: Lang) -> Vec<Finding> {
    run_in(request, today, Mode::Real, lang)
}

/// Runs every rule over a request checked on `today` in `mode`, with
/// messages worded in `lang`; findings come sorted by severity, then in
/// catalogue order.
pub fn run_in(request: &Request, today: Date, mode: Mode, lang: Lang) -> Vec<Finding> {
    let mut findings: Vec<Finding> = run_unworded(request, today, mode)
        .into_iter()
        .map(|(rule, severity, path, message)| Finding {
            code: rule.code,
            severity,
            path,
            message: message.render(lang),
            provision: rule.provision.for_request(request).render(lang),
        })
        .collect();
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

/// Whether a request checked on `today` in `mode` has errors (without
/// wording the findings: what an export needs to know).
pub fn request_has_errors(request: &Request, today: Date, mode: Mode) -> bool {
    run_unworded(request, today, mode).iter().any(|(_, severity, _, _)| *severity == Severity::Error)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The fixed date the rules' tests run on.
    pub(crate) fn today() -> Date {
        time::macros::date!(2026 - 11 - 27)
    }

    /// `r` carrying a directory entry for its State that says nothing but
    /// the State's name: each directory rule says what it could not check.
    pub(crate) fn with_empty_entry(mut r: Request) -> Request {
        let state_id = r.req_state.clone();
        let demo = crate::directory::demo::pack().states.into_iter().find(|s| s.entry.state_id == state_id);
        let name = demo.map_or_else(|| state_id.clone(), |s| s.entry.name);
        r.req_state_entry = Some(crate::directory::StateEntry { state_id, name, fictitious: true, ..Default::default() });
        r
    }

    /// `r` carrying the demo directory's entry of `state_id` (`XN`, `XV`,
    /// `XC`, the States of the examples).
    pub(crate) fn with_demo_entry(mut r: Request, state_id: &str) -> Request {
        let entry = crate::directory::demo::pack().states.into_iter().find(|s| s.entry.state_id == state_id).expect("a demo State").entry;
        r.req_state = entry.state_id.clone();
        r.req_state_entry = Some(entry);
        r
    }

    /// The findings of `r` on the tests' date, in demo mode (the examples
    /// are addressed to the demo pack's fictitious States), worded in English.
    pub(crate) fn run(r: &Request) -> Vec<Finding> {
        super::run_in(r, today(), Mode::Demo, Lang::En)
    }

    /// The findings of `r` on the tests' date outside demo mode, worded in English.
    pub(crate) fn run_real(r: &Request) -> Vec<Finding> {
        super::run_in(r, today(), Mode::Real, Lang::En)
    }

    /// The complete example of each kind (`examples/*.json`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(crate) enum Example {
        Mla,
        Preservation,
        Emergency,
        Transfer,
    }

    impl Example {
        /// Every example.
        pub(crate) const ALL: [Example; 4] = [Example::Mla, Example::Preservation, Example::Emergency, Example::Transfer];
    }

    /// The complete example request of a kind.
    pub(crate) fn example(kind: Example) -> Request {
        let text = match kind {
            Example::Mla => include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/mla-evidence-fraud-arden-norland.json")),
            Example::Preservation => include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/preservation-ransomware-arden-vestria.json")),
            Example::Emergency => include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/emergency-disclosure-abduction-arden-norland.json")),
            Example::Transfer => include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/transfer-of-proceedings-road-death-arden-calvania.json")),
        };
        crate::request::read::parse_request(text, "example").expect("example parses")
    }

    /// The findings of rule `code` on `r`.
    pub(crate) fn found(r: &Request, code: &str) -> Vec<Finding> {
        run(r).into_iter().filter(|f| f.code == code).collect()
    }

    /// The findings of rule `code` on `r`, worded in `lang`.
    pub(crate) fn found_in(r: &Request, code: &str, lang: Lang) -> Vec<Finding> {
        super::run_in(r, today(), Mode::Demo, lang).into_iter().filter(|f| f.code == code).collect()
    }

    /// The one finding of rule `code` on `r`, asserting that there is
    /// exactly one and that it has `severity` at `path`.
    pub(crate) fn only_finding(r: &Request, code: &str, severity: Severity, path: &str) -> Finding {
        let f = found(r, code);
        assert_eq!(f.len(), 1, "{code}: {f:?}");
        assert_eq!(f[0].severity, severity, "{code}");
        assert_eq!(f[0].path, path, "{code}");
        f.into_iter().next().unwrap()
    }

    /// Asserts that rule `code` reports `severity` at `path` on `r`, among
    /// any other findings of that rule.
    pub(crate) fn reports(r: &Request, code: &str, severity: Severity, path: &str) {
        let f = found(r, code);
        assert!(f.iter().any(|f| f.severity == severity && f.path == path), "{code} at {path} ({severity:?}) not in {f:?}");
    }

    /// Asserts that rule `code` could not check `r` for want of directory
    /// data: it reports nothing itself, and the one line of `DIR-NO-ENTRY`
    /// names the data (`words`) and cites the rule's provision where an
    /// instrument has one. Returns that line.
    pub(crate) fn gap(r: &Request, code: &str, words: &str) -> Finding {
        silent(r, code);
        let lines = found(r, "DIR-NO-ENTRY");
        assert_eq!(lines.len(), 1, "{code}: {lines:?}");
        let line = lines.into_iter().next().unwrap();
        assert!(line.message.contains(words), "{code}: {words:?} not in {}", line.message);
        let rule = rules().find(|rule| rule.code == code).expect("a rule");
        let citation = rule.provision.for_request(r);
        if citation.cites_an_article() {
            let cited = citation.render(Lang::En);
            assert!(line.message.contains(&cited), "{code}: {cited} not cited in {}", line.message);
        }
        line
    }

    /// Asserts that rule `code` reports nothing on `r`.
    pub(crate) fn silent(r: &Request, code: &str) {
        let f = found(r, code);
        assert!(f.is_empty(), "{code} unexpected: {f:?}");
    }

    /// The class of rules about a person's role: each reads the main role
    /// and the other roles alike ([`Person::has_role`]), so a suspect
    /// entered as "witness, also suspect" is treated as a suspect. On
    /// requests where every role rule fires, moving each person's main
    /// role into the other roles, behind a role no rule asks about,
    /// changes no finding; dropping it changes them (so the roles are what
    /// the findings stand on).
    #[test]
    fn every_rule_about_a_role_reads_the_other_roles_too() {
        use crate::request::{PersonRole, PersonType};
        let natural = |role, family: &str| Person {
            person_type: Some(PersonType::Natural),
            role: Some(role),
            family_name: family.into(),
            ..Person::default()
        };
        let mut mla = example(Example::Mla);
        mla.persons = vec![natural(PersonRole::Suspect, "Brandt"), natural(PersonRole::Accused, "Okafor"), natural(PersonRole::Witness, "Lindqvist")];
        mla.purpose.intended_uses = "The trial before the Arden District Court.".into();
        let mut transfer = example(Example::Transfer);
        transfer.persons = vec![natural(PersonRole::Suspect, "Brandt"), natural(PersonRole::Victim, "Lindqvist")];
        transfer.transfer.victims.clear();
        let role_rules = ["UNTOC-18-15-e-loc", "UNTOC-18-19-uses", "MT118-3-e", "MT118-9-victims"];
        let outcome = |r: &Request| -> Vec<(String, String, String)> {
            let mut found: Vec<_> = run(r).into_iter().filter(|f| role_rules.contains(&f.code)).map(|f| (f.code.to_string(), f.path, f.message)).collect();
            found.sort();
            found
        };
        let mut fired = Vec::new();
        for r in [&mla, &transfer] {
            let as_main = outcome(r);
            fired.extend(as_main.iter().map(|(code, ..)| code.clone()));
            let mut as_other = r.clone();
            let mut dropped = r.clone();
            for (moved, dropped) in as_other.persons.iter_mut().zip(dropped.persons.iter_mut()) {
                moved.other_roles = moved.role.into_iter().collect();
                moved.role = Some(PersonRole::ThirdParty);
                dropped.role = Some(PersonRole::ThirdParty);
            }
            assert_eq!(outcome(&as_other), as_main, "{:?}", r.kind);
            assert_ne!(outcome(&dropped), as_main, "{:?}", r.kind);
        }
        for code in role_rules {
            assert!(fired.iter().any(|c| c == code), "{code} did not fire on the requests of this test");
        }
    }

    /// A person whose name is unknown is identified by a description: the
    /// identity rule is satisfied, and the messages name the person by the
    /// description's first words rather than by a bare number.
    #[test]
    fn a_person_described_but_not_named_is_identified() {
        use crate::request::{PersonRole, PersonType};
        let mut r = example(Example::Mla);
        r.persons.push(Person { person_type: Some(PersonType::Natural), role: Some(PersonRole::Suspect), ..Person::default() });
        let n = r.persons.len() - 1;
        reports(&r, "UNTOC-18-15-e-id", Severity::Error, &format!("persons.{n}.family_name"));
        r.persons[n].description = "Man of about 30 with a scar on his left cheek who collected the cash at the Port Lyle branch\nUses +47 912 34 567".into();
        silent(&r, "UNTOC-18-15-e-id");
        let whereabouts = found(&r, "UNTOC-18-15-e-loc");
        let message = &whereabouts.iter().find(|f| f.path.starts_with(&format!("persons.{n}."))).expect("the suspect's whereabouts are asked").message;
        assert!(message.contains(&format!("person {} (Man of about 30 with a scar on his left cheek who collected…)", n + 1)), "{message}");
    }

    /// False alarms: a company has a seat and a register, not a
    /// nationality or a language. No rule asks a legal person for a field
    /// only natural persons have (the wizard does not show them for it),
    /// while the same person as a natural person is still asked.
    #[test]
    fn legal_persons_are_not_asked_for_what_only_natural_persons_have() {
        use crate::request::mla::{Service, Statement};
        use crate::request::{Module, PersonRole, PersonType};
        const NATURAL_ONLY: [&str; 8] = ["nationalities", "language_understood", "given_names", "aliases", "birth_date", "birth_place", "id_documents", "in_custody"];
        let company = |role| Person {
            person_type: Some(PersonType::Legal),
            role: Some(role),
            family_name: "Fjordline Trading AS".into(),
            location: "Kaigata 4, 5003 Bergvik, Norland".into(),
            registration_no: "NO-998877".into(),
            register: "Norland Register of Business Enterprises".into(),
            ..Person::default()
        };
        let mut mla = example(Example::Mla);
        mla.persons.push(company(PersonRole::AccountHolder));
        mla.persons.push(company(PersonRole::Suspect));
        mla.mla.modules.extend([Module::Statements, Module::Service]);
        mla.mla.statements.push(Statement { person_ref: "Fjordline Trading AS".into(), ..Statement::default() });
        mla.mla.service.push(Service { addressee_ref: "Fjordline Trading AS".into(), ..Service::default() });
        let mut transfer = example(Example::Transfer);
        transfer.persons.push(company(PersonRole::Suspect));
        for r in [&mla, &transfer] {
            let first = r.persons.len() - 1 - usize::from(r.kind == crate::request::RequestKind::MlaEvidence);
            for f in run(r) {
                for i in first..r.persons.len() {
                    for field in NATURAL_ONLY {
                        assert_ne!(f.path, format!("persons.{i}.{field}"), "{f:?}");
                    }
                }
            }
        }
        // The same persons as natural persons are asked.
        for p in &mut mla.persons {
            if p.person_type == Some(PersonType::Legal) {
                p.person_type = Some(PersonType::Natural);
            }
        }
        let n = mla.persons.len();
        reports(&mla, "UNTOC-18-15-e-loc", Severity::Warning, &format!("persons.{}.nationalities", n - 1));
        reports(&mla, "PERS-LANG", Severity::Warning, &format!("persons.{}.language_understood", n - 2));
        transfer.persons.last_mut().unwrap().person_type = Some(PersonType::Natural);
        reports(&transfer, "MT118-3-e", Severity::Error, &format!("persons.{}.nationalities", transfer.persons.len() - 1));
        // A legal suspect of a transfer still needs its seat.
        transfer.persons.last_mut().unwrap().person_type = Some(PersonType::Legal);
        transfer.persons.last_mut().unwrap().location.clear();
        reports(&transfer, "MT118-3-e", Severity::Error, &format!("persons.{}.location", transfer.persons.len() - 1));
    }

    #[test]
    fn codes_are_unique_and_every_rule_cites_a_provision() {
        let mut all: Vec<_> = rules().map(|r| r.code).collect();
        for rule in rules() {
            assert!(!rule.provision.all().trim().is_empty(), "{} cites no provision", rule.code);
            assert!(!rule.summary.trim().is_empty(), "{} has no summary", rule.code);
        }
        all.sort();
        let n = all.len();
        all.dedup();
        assert_eq!(n, all.len(), "duplicate rule codes");
    }
}
