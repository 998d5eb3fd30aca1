//! What a directory entry must be before it is kept: every problem found,
//! each with where it is (`states[0].authorities[1].email[0]`) and what is
//! wrong, so that a file is corrected in one pass.

use std::collections::{BTreeMap, HashSet};

use std::fmt;

use serde::Serialize;
use ts_rs::TS;

use super::model::{Authority, ChannelRule, DirectoryFile, InstrumentStatus, LanguageRule, PhoneNumber, Provenance, StateEntry, FORMAT, VERSION};
use super::state_ids;

/// One thing wrong with a directory record.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, TS)]
#[ts(export)]
pub struct DirectoryProblem {
    /// Where: the file and line for a CSV row, the path for JSON.
    pub at: String,
    /// What is wrong, and what was expected (in English).
    pub message: String,
    /// Which problem it is (`date`, `language_code`…), for an interface
    /// that words it in its own language with `args`; empty for a problem
    /// of a file's shape, worded in English only.
    pub what: String,
    /// The values its wording names (`found`, `id`).
    pub args: BTreeMap<String, String>,
}

impl DirectoryProblem {
    /// Problem `what` at `at`, its values `args`, worded `message` in English.
    pub fn worded(at: &str, what: &str, args: &[(&str, &str)], message: String) -> DirectoryProblem {
        DirectoryProblem {
            at: at.to_string(),
            message,
            what: what.to_string(),
            args: args.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        }
    }
}

impl fmt::Display for DirectoryProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// The instruments a status, a rule or a designation may name; besides
/// them, `BILATERAL:{treaty id}`.
pub const INSTRUMENTS: &[&str] = &["UNTOC", "UNCAC", "DRUG88", "BUDAPEST", "CETS_224", "ETS_30", "ETS_73", "HARARE", "EIO", "EU_2024_3011"];

/// The kinds of request a channel or language rule may be scoped to
/// (the request model's keys), besides `any`.
pub const REQUEST_KINDS: &[&str] = &["mla_evidence", "preservation", "emergency_disclosure", "transfer_of_proceedings"];

/// The problems of a whole file: its header (see [`header_problems`]) and
/// every State's entry.
pub fn file_problems(file: &DirectoryFile) -> Vec<DirectoryProblem> {
    let mut problems = header_problems(file);
    for (i, state) in file.states.iter().enumerate() {
        problems.extend(state_problems(state, &format!("states[{i}]")));
    }
    problems
}

/// The problems of a file as a whole: its format and version, no State
/// twice.
pub fn header_problems(file: &DirectoryFile) -> Vec<DirectoryProblem> {
    let mut problems = Vec::new();
    if file.format != FORMAT {
        problems.push(problem("format", format!("expected {FORMAT:?}, found {:?}", file.format)));
    }
    if file.version != VERSION {
        problems.push(problem("version", format!("this app reads version {VERSION}, found {}", file.version)));
    }
    let mut seen = HashSet::new();
    for (i, state) in file.states.iter().enumerate() {
        let at = format!("states[{i}]");
        if !seen.insert(state.state_id.as_str()) {
            problems.push(problem(&join(&at, "state_id"), format!("State {} appears twice", state.state_id)));
        }
    }
    problems
}

/// The problems of one State's entry; `at` says where it is.
pub fn state_problems(s: &StateEntry, at: &str) -> Vec<DirectoryProblem> {
    let mut list = core_problems(s, at);
    for (i, status) in s.instrument_status.iter().enumerate() {
        list.extend(instrument_status_problems(status, &join(at, &format!("instrument_status[{i}]"))));
    }
    for (i, rule) in s.channels.iter().enumerate() {
        list.extend(channel_problems(rule, &join(at, &format!("channels[{i}]"))));
    }
    for (i, rule) in s.languages.iter().enumerate() {
        list.extend(language_rule_problems(rule, &join(at, &format!("languages[{i}]"))));
    }
    for (i, a) in s.authorities.iter().enumerate() {
        list.extend(authority_problems(a, s.fictitious, &join(at, &format!("authorities[{i}]"))));
    }
    list
}

/// The problems of a State's own fields (not its lists of rules and
/// authorities): its code, name, languages, requirements, provenance.
pub fn core_problems(s: &StateEntry, at: &str) -> Vec<DirectoryProblem> {
    let mut p = Problems { at: at.to_string(), list: Vec::new() };
    p.state_id("state_id", &s.state_id, s.fictitious);
    p.required("name", &s.name);
    for (i, lang) in s.official_languages.iter().enumerate() {
        p.language(&format!("official_languages[{i}]"), lang);
    }
    for (i, link) in s.links.iter().enumerate() {
        p.required(&format!("links[{i}].title"), &link.title);
    }
    let r = &s.requirements;
    for (i, m) in r.domestic_order_required.iter().enumerate() {
        p.measure(&format!("requirements.domestic_order_required[{i}]"), m);
    }
    for m in r.special_measure_docs.keys() {
        p.measure(&format!("requirements.special_measure_docs.{m}"), m);
    }
    if let Some(days) = r.preservation_period_days.filter(|d| *d < 60) {
        p.push("requirements.preservation_period_days", "preservation_period", &[("found", &days.to_string())], format!("at least 60 days (Budapest art. 29(7)), found {days}"));
    }
    if let Some(prov) = &s.provenance {
        p.provenance("provenance", prov);
    }
    p.list
}

/// The problems of one instrument status.
pub fn instrument_status_problems(status: &InstrumentStatus, at: &str) -> Vec<DirectoryProblem> {
    let mut p = Problems { at: at.to_string(), list: Vec::new() };
    p.instrument_status("", status);
    p.list
}

/// The problems of one channel rule.
pub fn channel_problems(rule: &ChannelRule, at: &str) -> Vec<DirectoryProblem> {
    let mut p = Problems { at: at.to_string(), list: Vec::new() };
    p.channel("", rule);
    p.list
}

/// The problems of one language rule.
pub fn language_rule_problems(rule: &LanguageRule, at: &str) -> Vec<DirectoryProblem> {
    let mut p = Problems { at: at.to_string(), list: Vec::new() };
    p.language_rule("", rule);
    p.list
}

/// The problems of one authority of a State that is `fictitious` or not.
pub fn authority_problems(a: &Authority, fictitious: bool, at: &str) -> Vec<DirectoryProblem> {
    let mut p = Problems { at: at.to_string(), list: Vec::new() };
    p.authority("", a, fictitious);
    p.list
}

/// `at` followed by `field`: a JSON path goes on with a dot
/// (`states[0].name`), a CSV row with a comma and the column
/// (`states.csv line 3, name`).
pub fn join(at: &str, field: &str) -> String {
    if at.is_empty() {
        field.to_string()
    } else if field.is_empty() {
        at.to_string()
    } else if at.contains(".csv line ") && !at.contains(", ") {
        format!("{at}, {field}")
    } else {
        format!("{at}.{field}")
    }
}

fn problem(at: &str, message: String) -> DirectoryProblem {
    DirectoryProblem { at: at.to_string(), message, ..DirectoryProblem::default() }
}

struct Problems {
    at: String,
    list: Vec<DirectoryProblem>,
}

impl Problems {
    /// Problem `what` at `field`, with the values its wording names.
    fn push(&mut self, field: &str, what: &str, args: &[(&str, &str)], message: String) {
        self.list.push(DirectoryProblem::worded(&join(&self.at, field), what, args, message));
    }

    fn required(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.push(field, "required", &[], "is required".to_string());
        }
    }

    fn state_id(&mut self, field: &str, id: &str, fictitious: bool) {
        let shaped = id.len() == 2 && id.bytes().all(|b| b.is_ascii_uppercase());
        if !shaped {
            self.push(field, "state_code", &[("found", id)], format!("expected an ISO 3166-1 alpha-2 code (two capital letters), found {id:?}"));
        } else if fictitious && !state_ids::is_user_assigned(id) {
            self.push(field, "fictitious_code", &[("found", id)], format!("a fictitious State must have a user-assigned code (XA–XZ but XK, QM–QZ, AA, ZZ), found {id}"));
        } else if !fictitious && state_ids::is_user_assigned(id) {
            self.push(field, "user_assigned_code", &[("found", id)], format!("{id} is a user-assigned code, for fictitious States only: mark the State as fictitious (\"fictitious\": true) or use its ISO 3166-1 code"));
        } else if !fictitious && !state_ids::is_assigned(id) && !state_ids::is_in_practical_use(id) {
            self.push(field, "unassigned_code", &[("found", id)], format!("{id} is not an ISO 3166-1 alpha-2 code of any country"));
        }
    }

    fn date(&mut self, field: &str, value: &str) {
        if super::parse_date(value).is_none() {
            self.push(field, "date", &[("found", value)], format!("expected a date as YYYY-MM-DD, found {value:?}"));
        }
    }

    fn optional_date(&mut self, field: &str, value: &Option<String>) {
        if let Some(d) = value {
            self.date(field, d);
        }
    }

    fn language(&mut self, field: &str, code: &str) {
        let shaped = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
        if !shaped {
            self.push(field, "language_code", &[("found", code)], format!("expected an ISO 639 language code (two or three small letters), found {code:?}"));
        }
    }

    fn instrument(&mut self, field: &str, value: &str, any_allowed: bool) {
        if any_allowed && value == "any" {
            return;
        }
        if INSTRUMENTS.contains(&value) {
            return;
        }
        if let Some(id) = value.strip_prefix("BILATERAL:") {
            if !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)) {
                return;
            }
        }
        let any = if any_allowed { "any, " } else { "" };
        self.push(field, "instrument", &[("found", value)], format!("unknown instrument {value:?}; expected {any}{}, or BILATERAL:{{treaty id}}", INSTRUMENTS.join(", ")));
    }

    fn kind(&mut self, field: &str, value: &str) {
        if value != "any" && !REQUEST_KINDS.contains(&value) {
            self.push(field, "kind", &[("found", value)], format!("unknown kind of request {value:?}; expected any, {}", REQUEST_KINDS.join(", ")));
        }
    }

    fn measure(&mut self, field: &str, value: &str) {
        let shaped = value.strip_prefix('M').is_some_and(|n| !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()));
        if !shaped {
            self.push(field, "measure", &[("found", value)], format!("expected a measure's module code (M1 to M15), found {value:?}"));
        }
    }

    fn instrument_status(&mut self, at: &str, s: &InstrumentStatus) {
        self.instrument(&join(at, "instrument"), &s.instrument, false);
        self.optional_date(&join(at, "in_force_from"), &s.in_force_from);
        for (i, r) in s.reservations.iter().enumerate() {
            self.required(&join(at, &format!("reservations[{i}].article")), &r.article);
        }
        for (i, t) in s.bilateral_treaties.iter().enumerate() {
            let field = join(at, &format!("bilateral_treaties[{i}]"));
            let partner = &t.partner_state;
            if !(partner.len() == 2 && partner.bytes().all(|b| b.is_ascii_uppercase())) {
                self.push(&join(&field, "partner_state"), "country_code", &[("found", partner)], format!("expected an ISO 3166-1 alpha-2 code, found {partner:?}"));
            }
            self.required(&join(&field, "title"), &t.title);
            self.optional_date(&join(&field, "date"), &t.date);
        }
    }

    fn channel(&mut self, at: &str, c: &ChannelRule) {
        self.instrument(&join(at, "instrument"), &c.instrument, true);
        self.kind(&join(at, "kind"), &c.kind);
    }

    fn language_rule(&mut self, at: &str, l: &LanguageRule) {
        self.instrument(&join(at, "instrument"), &l.instrument, true);
        self.kind(&join(at, "kind"), &l.kind);
        if !l.measure.is_empty() && l.measure != "any" {
            self.measure(&join(at, "measure"), &l.measure);
        }
        for (i, a) in l.accepted.iter().enumerate() {
            self.language(&join(at, &format!("accepted[{i}].lang")), &a.lang);
        }
    }

    fn provenance(&mut self, at: &str, p: &Provenance) {
        self.optional_date(&join(at, "source_date"), &p.source_date);
        self.optional_date(&join(at, "as_of"), &p.as_of);
        self.optional_date(&join(at, "entered_at"), &p.entered_at);
        self.optional_date(&join(at, "verified_on"), &p.verified_on);
    }

    fn authority(&mut self, at: &str, a: &Authority, fictitious: bool) {
        if uuid::Uuid::try_parse(&a.authority_id).is_err() || a.authority_id.len() != 36 {
            self.push(&join(at, "authority_id"), "authority_id", &[("found", &a.authority_id)], format!("expected a UUID (8-4-4-4-12 hex digits), found {:?}", a.authority_id));
        }
        if a.roles.is_empty() {
            self.push(&join(at, "roles"), "roles", &[], "name at least one role".to_string());
        }
        for (i, instrument) in a.instruments.iter().enumerate() {
            self.instrument(&join(at, &format!("instruments[{i}]")), instrument, false);
        }
        self.required(&join(at, "name"), &a.name);
        if let Some(address) = &a.postal_address {
            let c = &address.country;
            if !c.is_empty() && !(c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())) {
                self.push(&join(at, "postal_address.country"), "country_code", &[("found", c)], format!("expected an ISO 3166-1 alpha-2 code, found {c:?}"));
            }
        }
        for (list, numbers) in [("phone", &a.phone), ("fax", &a.fax)] {
            for (i, n) in numbers.iter().enumerate() {
                let field = join(at, &format!("{list}[{i}].number"));
                self.phone(&field, n);
                if fictitious && !is_undialable(&n.number) {
                    self.push(&field, "dialable_number", &[("found", &n.number)], format!("a fictitious State's number must be one no one can dial (country code starting with 0, +000 …), found {:?}", n.number));
                }
            }
        }
        for (i, e) in a.email.iter().enumerate() {
            let field = join(at, &format!("email[{i}]"));
            match email_domain(e) {
                None => self.push(&field, "email", &[("found", e)], format!("expected an e-mail address (name@domain.tld), found {e:?}")),
                Some(domain) if fictitious && !is_reserved_domain(domain) => {
                    self.push(&field, "reserved_domain", &[("found", e)], format!("a fictitious State's address must be under a reserved domain (.example or .invalid), found {e:?}"))
                }
                Some(_) => {}
            }
        }
        if fictitious && !a.contact_person.is_empty() {
            self.push(&join(at, "contact_person"), "contact_person", &[], "a fictitious State's authority names no person".to_string());
        }
        if !a.time_zone.is_empty() && !a.time_zone.bytes().all(|b| b.is_ascii_alphanumeric() || b"/_-+".contains(&b)) {
            self.push(&join(at, "time_zone"), "time_zone", &[("found", &a.time_zone)], format!("expected an IANA time zone (Europe/Paris, Etc/UTC), found {:?}", a.time_zone));
        }
        for (i, lang) in a.contact_languages.iter().enumerate() {
            self.language(&join(at, &format!("contact_languages[{i}]")), lang);
        }
        for (i, m) in a.competence.measures.iter().enumerate() {
            self.measure(&join(at, &format!("competence.measures[{i}]")), m);
        }
        if let Some(prov) = &a.provenance {
            self.provenance(&join(at, "provenance"), prov);
        }
    }

    fn phone(&mut self, field: &str, n: &PhoneNumber) {
        let number = &n.number;
        let digits = number.bytes().filter(u8::is_ascii_digit).count();
        let shaped = number.starts_with('+') && number[1..].bytes().all(|b| b.is_ascii_digit() || b" -()".contains(&b)) && (4..=17).contains(&digits);
        if !shaped {
            self.push(field, "phone", &[("found", number)], format!("expected an international number (+ then digits, spaces allowed), found {number:?}"));
        }
    }
}

/// The domain of an e-mail address of the expected shape, if it has it.
fn email_domain(address: &str) -> Option<&str> {
    let (local, domain) = address.split_once('@')?;
    let shaped = !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !address.chars().any(|c| c.is_whitespace() || c.is_control());
    shaped.then_some(domain)
}

/// Whether an e-mail domain is one reserved for examples (RFC 2606).
fn is_reserved_domain(domain: &str) -> bool {
    let domain = domain.to_ascii_lowercase();
    domain.ends_with(".example") || domain.ends_with(".invalid")
}

/// Whether an international number can never be dialled: its country code
/// starts with 0, which no country has. A fictitious State's numbers must be.
fn is_undialable(number: &str) -> bool {
    number.strip_prefix('+').is_some_and(|n| n.trim_start().starts_with('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_shapes() {
        assert_eq!(email_domain("ca@justice.example"), Some("justice.example"));
        for bad in ["", "ca", "@x.example", "ca@example", "ca@.example", "c a@x.example", "a@b@c.example"] {
            assert_eq!(email_domain(bad), None, "{bad}");
        }
    }

    #[test]
    fn numbers_with_a_country_code_starting_with_zero_are_undialable() {
        assert!(is_undialable("+000 0000 0000"));
        assert!(!is_undialable("+33 1 00 00 00 00"));
    }
}
