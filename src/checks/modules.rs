//! Section E: persons and the modules of an MLA request (kind a).

use time::Date;

use super::{blank, item, msg, person_name, state, Message, Rule, Severity};
use super::provision::cites;
use crate::request::mla::{HearingCapacity, RecordClass};
use crate::request::{Instrument, Module, Person, Request, RequestKind, TimeRange};

/// Whether `module` is selected in an MLA request.
fn selected(r: &Request, module: Module) -> bool {
    r.kind == RequestKind::MlaEvidence && r.mla.modules.contains(&module)
}

/// Parses a stored date `YYYY-MM-DD`.
fn parse_date(s: &str) -> Option<Date> {
    Date::parse(s.trim(), time::macros::format_description!("[year]-[month]-[day]")).ok()
}

/// The person a module item refers to by name, if any.
fn find_person<'a>(r: &'a Request, reference: &str) -> Option<(usize, &'a Person)> {
    let reference = reference.trim().to_lowercase();
    if reference.is_empty() {
        return None;
    }
    r.persons.iter().enumerate().find(|(_, p)| {
        let full = format!("{} {}", p.given_names.trim(), p.family_name.trim()).trim().to_lowercase();
        let family = p.family_name.trim().to_lowercase();
        full == reference || (!family.is_empty() && reference.contains(&family))
    })
}

/// Whether a hearing capacity is that of a suspect or accused.
fn suspect(capacity: Option<HearingCapacity>) -> bool {
    matches!(capacity, Some(HearingCapacity::Suspect | HearingCapacity::Accused))
}

/// Whether a token is an IPv4 address (optionally with `:port`), and whether it has the port.
fn ipv4(token: &str) -> Option<bool> {
    let (addr, port) = match token.split_once(':') {
        Some((a, p)) if !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()) => (a, true),
        Some(_) => return None,
        None => (token, false),
    };
    let parts: Vec<_> = addr.split('.').collect();
    let ok = parts.len() == 4 && parts.iter().all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()) && p.parse::<u16>().is_ok_and(|n| n <= 255));
    ok.then_some(port)
}

/// Whether a token is an IPv6 address (optionally `[addr]:port`), and whether it has the port.
fn ipv6(token: &str) -> Option<bool> {
    let (addr, port) = match token.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((a, p)) => (a, p.strip_prefix(':').is_some_and(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))),
            None => return None,
        },
        None => (token, false),
    };
    let ok = addr.matches(':').count() >= 2 && addr.chars().all(|c| c.is_ascii_hexdigit() || c == ':') && addr.chars().any(|c| c.is_ascii_hexdigit());
    ok.then_some(port)
}

/// Whether a token looks like a date or a time of day.
fn timestamp(token: &str) -> bool {
    let digits = token.chars().filter(|c| c.is_ascii_digit()).count();
    let date = token.matches('-').count() >= 2 && digits >= 6;
    let time = token.contains(':') && digits >= 3 && token.chars().all(|c| c.is_ascii_digit() || ":.-+TZUCtzuc".contains(c));
    date || time
}

/// An IP address found on one line of identifiers: (has a timestamp, has a port).
fn ip_line(line: &str) -> Option<(bool, bool)> {
    let tokens: Vec<&str> = line.split(|c: char| c.is_whitespace() || c == ',' || c == ';').filter(|t| !t.is_empty()).collect();
    let mut port = None;
    let mut others = Vec::new();
    for t in &tokens {
        let t = t.trim_matches(|c: char| c == '(' || c == ')');
        match ipv4(t).or_else(|| ipv6(t)) {
            Some(p) if port.is_none() => port = Some(p),
            _ => others.push(t),
        }
    }
    let port = port? || line.to_lowercase().contains("port");
    Some((others.iter().any(|t| timestamp(t)), port))
}

/// Whether a token is a UTC offset: `+01:00`, `-0500`, `−03`.
fn utc_offset(t: &str) -> bool {
    let Some(rest) = t.strip_prefix(['+', '-', '\u{2212}']) else { return false };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    matches!(digits.len(), 2 | 4) && digits.chars().all(|c| c.is_ascii_digit())
}

/// Whether a line of identifiers names a time zone: `UTC`, `GMT`, an
/// offset (`+01:00`, `UTC−03:00`, a trailing `Z`), an IANA name
/// (`Europe/Oslo`) or an abbreviation such as `CET` or `MSK`.
fn names_time_zone(line: &str) -> bool {
    line.split(|c: char| c.is_whitespace() || ",;()[]".contains(c)).filter(|t| !t.is_empty()).any(|t| {
        let upper = t.to_uppercase();
        // The time of day of a timestamp token, where an offset would follow.
        let time = match t.split_once(['T', 't']) {
            Some((_, time)) => time,
            None if t.matches('-').count() < 2 => t,
            None => "",
        };
        upper.starts_with("UTC")
            || upper.starts_with("GMT")
            || utc_offset(t)
            || (timestamp(t) && (t.ends_with(['Z', 'z']) || time.rfind(['+', '-', '\u{2212}']).is_some_and(|i| utc_offset(&time[i..]))))
            || t.split_once('/').is_some_and(|(a, b)| !a.is_empty() && a.chars().all(|c| c.is_ascii_alphabetic()) && b.starts_with(|c: char| c.is_ascii_uppercase()))
            || ((3..=5).contains(&t.len()) && t.chars().all(|c| c.is_ascii_uppercase()) && (t.ends_with('T') || t == "MSK"))
    })
}

/// Reports each line of `identifiers` with an IP address and a timestamp
/// but no time zone: the provider cannot match the session without it.
fn need_ip_tz(out: &mut super::Findings, identifiers: &str, path: String, data: Message) {
    for line in identifiers.lines() {
        if ip_line(line).is_some_and(|(time, _)| time) && !names_time_zone(line) {
            out.push(path.clone(), msg("check.DATA-TZ.ip_timestamp").arg("data", data.clone()).arg("line", line.trim()));
        }
    }
}

/// Years (1900–2199) mentioned in a text.
fn years(text: &str) -> Vec<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|t| t.len() == 4)
        .filter_map(|t| t.parse::<i32>().ok())
        .filter(|y| (1900..2200).contains(y))
        .collect()
}

/// Reports a time range of a data request whose time zone is blank while it
/// gives a date-time (a start date, or an end).
fn need_tz(out: &mut super::Findings, range: &TimeRange, path: String, message: Message) {
    if (range.from_date().is_some_and(|from| !blank(from)) || !blank(&range.to)) && blank(&range.tz) {
        out.push(path, message);
    }
}

/// The rules of this section, in catalogue order.
pub(super) static RULES: &[Rule] = &[
    Rule {
        code: "PERS-ROLE",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(e)", UNCAC_46 "UNCAC art. 46(15)(e)", DRUG88_7 "1988 Convention art. 7(10)(e)", ETS_30 "ETS 30 art. 14", MT_45_118 "GA res. 45/118 art. 3(e)"),
        summary: "Each person has a role in the case.",
        check: |c, out| {
            for (i, p) in c.request.persons.iter().enumerate() {
                if p.role.is_none() {
                    out.push(format!("persons.{i}.role"), msg("check.PERS-ROLE.role").arg("person", person_name(p, i)));
                }
            }
        },
    },
    Rule {
        code: "PERS-LANG",
        severity: Severity::Warning,
        provision: cites!(; "Practice; EIO Annex A section E"),
        summary: "Natural persons to be heard or served have the language they understand.",
        check: |c, out| {
            let r = c.request;
            let mut refs: Vec<&str> = Vec::new();
            if selected(r, Module::Statements) {
                refs.extend(r.mla.statements.iter().map(|s| s.person_ref.as_str()));
            }
            if selected(r, Module::Videoconference) {
                refs.extend(r.mla.videoconference.iter().map(|s| s.person_ref.as_str()));
            }
            if selected(r, Module::Service) {
                refs.extend(r.mla.service.iter().map(|s| s.addressee_ref.as_str()));
            }
            let mut done = Vec::new();
            for reference in refs {
                let Some((i, p)) = find_person(r, reference) else { continue };
                if !p.is_legal() && blank(&p.language_understood) && !done.contains(&i) {
                    done.push(i);
                    out.push(
                        format!("persons.{i}.language_understood"),
                        msg("check.PERS-LANG.language").arg("person", person_name(p, i)),
                    );
                }
            }
        },
    },
    Rule {
        code: "PERS-ORPHAN",
        severity: Severity::Info,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(e)", UNCAC_46 "UNCAC art. 46(15)(e)", DRUG88_7 "1988 Convention art. 7(10)(e)"),
        summary: "Each person listed is mentioned in the facts or in the measures requested.",
        check: |c, out| {
            let r = c.request;
            if r.persons.is_empty() {
                return;
            }
            // The facts and the kind's own part (modules, data, transfer details) are where a person is referenced.
            let parts = (&r.facts, &r.mla, &r.preservation, &r.emergency, &r.transfer);
            let text = serde_json::to_string(&parts).unwrap_or_default().to_lowercase();
            for (i, p) in r.persons.iter().enumerate() {
                let family = p.family_name.trim().to_lowercase();
                if !family.is_empty() && !text.contains(&family) {
                    out.push(
                        format!("persons.{i}"),
                        msg("check.PERS-ORPHAN.orphan").arg("person", person_name(p, i)),
                    );
                }
            }
        },
    },
    Rule {
        code: "M1-QUESTIONS",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(d)", UNCAC_46 "UNCAC art. 46(15)(d)", DRUG88_7 "1988 Convention art. 7(10)(d)"; "National statutes"),
        summary: "Each statement to be taken comes with the questions to put.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::Statements) {
                return;
            }
            for (i, s) in r.mla.statements.iter().enumerate() {
                if blank(&s.questions) {
                    let message = if blank(&s.person_ref) {
                        msg("check.M1-QUESTIONS.questions_unnamed")
                    } else {
                        msg("check.M1-QUESTIONS.questions").arg("person", s.person_ref.trim())
                    };
                    out.push(format!("mla.statements.{i}.questions"), message.arg("item", item("check.item.statement", i, &s.person_ref)));
                }
            }
        },
    },
    Rule {
        code: "M1-OATH",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(d)", UNCAC_46 "UNCAC art. 46(15)(d)", DRUG88_7 "1988 Convention art. 7(10)(d)", MT_45_117 "GA res. 45/117 art. 5(1)(e)"),
        summary: "Each statement says whether it must be sworn or affirmed.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::Statements) {
                return;
            }
            for (i, s) in r.mla.statements.iter().enumerate() {
                if s.oath.is_none() {
                    out.push(
                        format!("mla.statements.{i}.oath"),
                        msg("check.M1-OATH.oath").arg("item", item("check.item.statement", i, &s.person_ref)),
                    );
                }
            }
        },
    },
    Rule {
        code: "M1-RIGHTS",
        severity: Severity::Warning,
        provision: cites!(MT_45_117 "GA res. 45/117 art. 12"; "Practice"),
        summary: "A suspect or accused to be heard has the rights or caution to be given.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::Statements) {
                return;
            }
            for (i, s) in r.mla.statements.iter().enumerate() {
                if suspect(s.capacity) && blank(&s.rights_notice) {
                    out.push(
                        format!("mla.statements.{i}.rights_notice"),
                        msg("check.M1-RIGHTS.rights").arg("item", item("check.item.statement", i, &s.person_ref)),
                    );
                }
            }
        },
    },
    Rule {
        code: "M2-ADDRESS",
        severity: Severity::Error,
        provision: cites!(ETS_30 "ETS 30 art. 14", MT_45_117 "GA res. 45/117 art. 5(1)(d)"),
        summary: "Each service gives the name and address of the person to be served.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::Service) {
                return;
            }
            for (i, s) in r.mla.service.iter().enumerate() {
                let l = item("check.item.service", i, &s.addressee_ref);
                out.need(&s.addressee_ref, &format!("mla.service.{i}.addressee_ref"), msg("check.M2-ADDRESS.addressee").arg("item", l.clone()));
                out.need(&s.address, &format!("mla.service.{i}.address"), msg("check.M2-ADDRESS.address").arg("item", l).arg("state", state(r)));
            }
        },
    },
    Rule {
        code: "M2-PROOF",
        severity: Severity::Warning,
        provision: cites!(; "Practice"),
        summary: "Each service says what proof of service is to be returned.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::Service) {
                return;
            }
            for (i, s) in r.mla.service.iter().enumerate() {
                out.need(&s.proof_required, &format!("mla.service.{i}.proof_required"), msg("check.M2-PROOF.proof").arg("item", item("check.item.service", i, &s.addressee_ref)));
            }
        },
    },
    Rule {
        code: "M2-LEADTIME",
        severity: Severity::Warning,
        provision: cites!(; "Practice; directory"),
        summary: "A summons leaves at least 60 days for service abroad before the appearance date.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::Service) {
                return;
            }
            for (i, s) in r.mla.service.iter().enumerate() {
                if blank(&s.appearance_date) {
                    continue;
                }
                let path = format!("mla.service.{i}.appearance_date");
                let l = item("check.item.service", i, &s.addressee_ref);
                match parse_date(&s.appearance_date) {
                    None => out.push(path, msg("check.M2-LEADTIME.not_a_date").arg("item", l).arg("value", s.appearance_date.trim())),
                    Some(d) => {
                        let days = (d - c.today).whole_days();
                        if days < 60 {
                            out.push(
                                path,
                                msg("check.M2-LEADTIME.too_close").arg("item", l).arg("date", d).arg("days", days).arg("state", state(r)),
                            );
                        }
                    }
                }
            }
        },
    },
    Rule {
        code: "M3-PLACE-ITEMS",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(d)", UNCAC_46 "UNCAC art. 46(15)(d)", DRUG88_7 "1988 Convention art. 7(10)(d)"; "National statutes"),
        summary: "Each search describes the place to be searched and the items to be seized.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::SearchSeizure) {
                return;
            }
            for (i, s) in r.mla.searches.iter().enumerate() {
                out.need(&s.place, &format!("mla.searches.{i}.place"), msg("check.M3-PLACE-ITEMS.place").arg("n", i + 1));
                out.need(&s.items, &format!("mla.searches.{i}.items"), msg("check.M3-PLACE-ITEMS.items").arg("n", i + 1));
            }
        },
    },
    Rule {
        code: "M3-ORDER",
        severity: Severity::Warning,
        provision: cites!(ETS_30 "ETS 30 art. 5"; "Practice"),
        summary: "Searches and freezing come with the domestic order.",
        check: |c, out| {
            let r = c.request;
            if selected(r, Module::SearchSeizure) {
                for (i, s) in r.mla.searches.iter().enumerate() {
                    if !s.domestic_order {
                        out.push(format!("mla.searches.{i}.domestic_order"), msg("check.M3-ORDER.search").arg("n", i + 1));
                    }
                }
            }
            if selected(r, Module::Freezing) {
                for (i, f) in r.mla.freezing.iter().enumerate() {
                    if !f.domestic_order {
                        out.push(format!("mla.freezing.{i}.domestic_order"), msg("check.M3-ORDER.freezing").arg("n", i + 1));
                    }
                }
            }
        },
    },
    Rule {
        code: "M4-LINK",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(d)–(f)", UNCAC_46 "UNCAC art. 46(15)(d)–(f)", DRUG88_7 "1988 Convention art. 7(10)(d)–(f)"),
        summary: "Each asset to freeze is identified, with its owner and why it is liable to freezing.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::Freezing) {
                return;
            }
            for (i, f) in r.mla.freezing.iter().enumerate() {
                let n = i + 1;
                out.need(&f.assets, &format!("mla.freezing.{i}.assets"), msg("check.M4-LINK.assets").arg("n", n));
                out.need(&f.owner_ref, &format!("mla.freezing.{i}.owner_ref"), msg("check.M4-LINK.owner").arg("n", n));
                out.need(&f.link_to_offence, &format!("mla.freezing.{i}.link_to_offence"), msg("check.M4-LINK.link").arg("n", n));
            }
        },
    },
    Rule {
        code: "M5-BANK",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(d)", UNCAC_46 "UNCAC art. 46(15)(d)", DRUG88_7 "1988 Convention art. 7(10)(d)"; "OAS form"),
        summary: "Bank records name the bank, the accounts or identifiers to search on, and the account holder.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::Records) {
                return;
            }
            for (i, m) in r.mla.records.iter().enumerate() {
                if m.record_class != Some(RecordClass::Bank) {
                    continue;
                }
                let n = i + 1;
                out.need(&m.bank, &format!("mla.records.{i}.bank"), msg("check.M5-BANK.bank").arg("n", n));
                out.need(&m.accounts, &format!("mla.records.{i}.accounts"), msg("check.M5-BANK.accounts").arg("n", n));
                out.need(&m.holder_refs, &format!("mla.records.{i}.holder_refs"), msg("check.M5-BANK.holder").arg("n", n));
            }
        },
    },
    Rule {
        code: "M5-PERIOD",
        severity: Severity::Error,
        provision: cites!(; "OAS form"),
        summary: "Each request for records gives a valid period, start before end.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::Records) {
                return;
            }
            for (i, m) in r.mla.records.iter().enumerate() {
                let n = i + 1;
                let mut dates = [None, None];
                for (k, (value, field)) in [(m.period_from_date(), "period_from"), (Some(m.period_to.as_str()), "period_to")].into_iter().enumerate() {
                    // A period from the opening of the account or a date not known has no start date.
                    let Some(value) = value else { continue };
                    let path = format!("mla.records.{i}.{field}");
                    if blank(value) {
                        out.push(path, msg("check.M5-PERIOD.missing").arg("n", n));
                    } else {
                        dates[k] = parse_date(value);
                        if dates[k].is_none() {
                            out.push(path, msg("check.M5-PERIOD.not_a_date").arg("n", n).arg("value", value.trim()));
                        }
                    }
                }
                if let [Some(from), Some(to)] = dates {
                    if from > to {
                        out.push(format!("mla.records.{i}.period_to"), msg("check.M5-PERIOD.backwards").arg("n", n).arg("from", from).arg("to", to));
                    }
                }
            }
        },
    },
    Rule {
        code: "M5-PERIOD-BROAD",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(f)", UNCAC_46 "UNCAC art. 46(15)(f)", DRUG88_7 "1988 Convention art. 7(10)(f)"),
        summary: "The period of records sought is at most five years and within a year of the facts, unless the item's relevance explains it.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::Records) {
                return;
            }
            let mut fact_years = years(&r.facts.time_place);
            fact_years.extend(years(&r.facts.summary));
            for (i, m) in r.mla.records.iter().enumerate() {
                let (Some(from), Some(to)) = (m.period_from_date().and_then(parse_date), parse_date(&m.period_to)) else { continue };
                if from > to {
                    continue;
                }
                // A relevance that names the year the period starts from explains the period (the account was opened then).
                if years(&m.relevance).contains(&from.year()) {
                    continue;
                }
                let path = format!("mla.records.{i}.period_from");
                let n = i + 1;
                if (to - from).whole_days() > 5 * 365 + 1 {
                    out.push(path, msg("check.M5-PERIOD-BROAD.long").arg("n", n).arg("from", from).arg("to", to));
                } else if let (Some(lo), Some(hi)) = (fact_years.iter().min(), fact_years.iter().max()) {
                    if to.year() < lo - 1 || from.year() > hi + 1 {
                        out.push(path, msg("check.M5-PERIOD-BROAD.unconnected").arg("n", n).arg("from", from).arg("to", to).arg("facts", r.facts.time_place.trim()));
                    }
                }
            }
        },
    },
    Rule {
        code: "M5-DOCTYPES",
        severity: Severity::Error,
        provision: cites!(; "OAS form"),
        summary: "Each request for records selects the types of document needed.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::Records) {
                return;
            }
            for (i, m) in r.mla.records.iter().enumerate() {
                if m.doc_types.is_empty() {
                    out.push(format!("mla.records.{i}.doc_types"), msg("check.M5-DOCTYPES.doc_types").arg("n", i + 1));
                }
            }
        },
    },
    Rule {
        // The document prints the clause exactly when this rule says it was
        // added: both read `bank_secrecy_clause`.
        code: "UNTOC-18-8-bank",
        severity: Severity::Info,
        provision: cites!(UNTOC_18 "UNTOC art. 18(8)", UNCAC_46 "UNCAC art. 46(8)", DRUG88_7 "1988 Convention art. 7(5)", MT_45_117 "GA res. 45/117 art. 4"),
        summary: "Requests touching bank accounts recall that bank secrecy cannot justify refusal.",
        check: |c, out| {
            let r = c.request;
            if let Some(path) = bank_secrecy_clause(r) {
                out.push(path.into(), msg("check.UNTOC-18-8-bank.clause").arg("state", state(r)));
            }
        },
    },
    Rule {
        code: "M6-PROVIDER",
        severity: Severity::Error,
        provision: cites!(BUDAPEST "Budapest Convention arts. 29(2)(d), 31"),
        summary: "Each request for stored data names the provider or custodian.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::StoredData) {
                return;
            }
            for (i, d) in r.mla.stored_data.iter().enumerate() {
                out.need(&d.provider, &format!("mla.stored_data.{i}.provider"), msg("check.M6-PROVIDER.provider").arg("n", i + 1));
            }
        },
    },
    Rule {
        code: "M6-IDENT",
        severity: Severity::Error,
        provision: cites!(BUDAPEST "Budapest Convention art. 29(2)(c)"; "Practice"),
        summary: "Stored data have at least one identifier; IP addresses have a timestamp and, if possible, a port.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::StoredData) {
                return;
            }
            for (i, d) in r.mla.stored_data.iter().enumerate() {
                let path = format!("mla.stored_data.{i}.data.identifiers");
                let n = i + 1;
                if blank(&d.data.identifiers) {
                    out.push(path, msg("check.M6-IDENT.none").arg("n", n));
                    continue;
                }
                for line in d.data.identifiers.lines().filter(|l| !blank(l)) {
                    let Some((time, port)) = ip_line(line) else { continue };
                    if !time {
                        out.push(path.clone(), msg("check.M6-IDENT.no_time").arg("n", n).arg("line", line.trim()));
                    } else if !port {
                        out.push_at(Severity::Warning, path.clone(), msg("check.M6-IDENT.no_port").arg("n", n).arg("line", line.trim()));
                    }
                }
            }
        },
    },
    Rule {
        code: "M6-CATEGORY",
        severity: Severity::Error,
        provision: cites!(BUDAPEST "Budapest Convention arts. 1(d), 18(3)"),
        summary: "Each request for stored data chooses the categories of data.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::StoredData) {
                return;
            }
            for (i, d) in r.mla.stored_data.iter().enumerate() {
                if d.data.categories.is_empty() {
                    out.push(format!("mla.stored_data.{i}.data.categories"), msg("check.M6-CATEGORY.categories").arg("n", i + 1));
                }
            }
        },
    },
    Rule {
        code: "DATA-TZ",
        severity: Severity::Error,
        provision: cites!(BUDAPEST "Budapest Convention art. 29(2)(c)", CETS_224 "CETS 224 art. 9"; "Practice"),
        summary: "Every date-time range of a data request or videoconference, and every timestamp of an IP address, has a time zone.",
        check: |c, out| {
            let r = c.request;
            match r.kind {
                RequestKind::MlaEvidence => {
                    if selected(r, Module::StoredData) {
                        for (i, d) in r.mla.stored_data.iter().enumerate() {
                            need_tz(out, &d.data.range, format!("mla.stored_data.{i}.data.range.tz"), msg("check.DATA-TZ.stored_data").arg("n", i + 1));
                            need_ip_tz(out, &d.data.identifiers, format!("mla.stored_data.{i}.data.identifiers"), msg("check.item.stored_data").arg("n", i + 1));
                        }
                    }
                    if selected(r, Module::RealTime) {
                        for (i, t) in r.mla.real_time.iter().enumerate() {
                            need_tz(out, &t.period, format!("mla.real_time.{i}.period.tz"), msg("check.DATA-TZ.real_time").arg("n", i + 1));
                            need_ip_tz(out, &t.targets, format!("mla.real_time.{i}.targets"), msg("check.item.real_time").arg("n", i + 1));
                        }
                    }
                    if selected(r, Module::Videoconference) {
                        for (i, v) in r.mla.videoconference.iter().enumerate() {
                            if (!blank(&v.datetime) || !blank(&v.alt_datetime)) && blank(&v.tz) {
                                out.push(format!("mla.videoconference.{i}.tz"), msg("check.DATA-TZ.videoconference").arg("item", item("check.item.videoconference", i, &v.person_ref)));
                            }
                        }
                    }
                }
                RequestKind::Preservation => {
                    for (i, d) in r.preservation.data.iter().enumerate() {
                        need_tz(out, &d.range, format!("preservation.data.{i}.range.tz"), msg("check.DATA-TZ.data_set").arg("n", i + 1));
                        need_ip_tz(out, &d.identifiers, format!("preservation.data.{i}.identifiers"), msg("check.item.data").arg("n", i + 1));
                    }
                }
                RequestKind::EmergencyDisclosure => {
                    for (i, d) in r.emergency.data.iter().enumerate() {
                        need_tz(out, &d.range, format!("emergency.data.{i}.range.tz"), msg("check.DATA-TZ.data_set").arg("n", i + 1));
                        need_ip_tz(out, &d.identifiers, format!("emergency.data.{i}.identifiers"), msg("check.item.data").arg("n", i + 1));
                    }
                }
                RequestKind::TransferOfProceedings => {}
            }
        },
    },
    Rule {
        code: "M6-CONTENT",
        severity: Severity::Warning,
        provision: cites!(; "Practice"),
        summary: "A request for content data justifies why subscriber or traffic data are not enough.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::StoredData) {
                return;
            }
            for (i, d) in r.mla.stored_data.iter().enumerate() {
                if d.asks_content() && blank(&d.content_justification) {
                    out.push(
                        format!("mla.stored_data.{i}.content_justification"),
                        msg("check.M6-CONTENT.justification").arg("n", i + 1),
                    );
                }
            }
        },
    },
    Rule {
        code: "M6-PRESREF",
        severity: Severity::Warning,
        provision: cites!(BUDAPEST "Budapest Convention art. 31(1)", CETS_224 "CETS 224 arts. 7–8"),
        summary: "A request that follows a preservation request quotes its reference and date.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::StoredData) || !r.mla.follows_preservation {
                return;
            }
            for (i, d) in r.mla.stored_data.iter().enumerate() {
                let reference = if blank(&d.preservation_ref) { &r.consult.preservation_ref } else { &d.preservation_ref };
                let path = format!("mla.stored_data.{i}.preservation_ref");
                if blank(reference) {
                    out.push(path, msg("check.M6-PRESREF.none").arg("n", i + 1));
                } else if years(reference).is_empty() {
                    out.push(path, msg("check.M6-PRESREF.no_date").arg("n", i + 1));
                }
            }
        },
    },
    Rule {
        code: "BUD-31-3-a",
        severity: Severity::Warning,
        provision: cites!(BUDAPEST "Budapest Convention art. 31(3)(a)"),
        summary: "An urgent request for stored data explains why the data are especially at risk.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::StoredData) || !r.urgency.flag {
                return;
            }
            for (i, d) in r.mla.stored_data.iter().enumerate() {
                out.need(
                    &d.vulnerability,
                    &format!("mla.stored_data.{i}.vulnerability"),
                    msg("check.BUD-31-3-a.vulnerability").arg("n", i + 1),
                );
            }
        },
    },
    Rule {
        code: "M7-AUTH",
        severity: Severity::Error,
        provision: cites!(BUDAPEST "Budapest Convention arts. 33–34"; "Practice"),
        summary: "Real-time collection gives its targets, its period and the domestic authorisation.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::RealTime) {
                return;
            }
            for (i, t) in r.mla.real_time.iter().enumerate() {
                let n = i + 1;
                out.need(&t.targets, &format!("mla.real_time.{i}.targets"), msg("check.M7-AUTH.targets").arg("n", n));
                if let Some(from) = t.period.from_date() {
                    out.need(from, &format!("mla.real_time.{i}.period.from"), msg("check.M7-AUTH.from").arg("n", n));
                }
                out.need(&t.period.to, &format!("mla.real_time.{i}.period.to"), msg("check.M7-AUTH.to").arg("n", n));
                out.need(&t.domestic_authorisation, &format!("mla.real_time.{i}.domestic_authorisation"), msg("check.M7-AUTH.authorisation").arg("n", n));
            }
        },
    },
    Rule {
        code: "UNTOC-18-18-reason",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(18)", UNCAC_46 "UNCAC art. 46(18)", CETS_224 "CETS 224 art. 11", ETS_30 "ETS 182 art. 9"),
        summary: "A hearing by videoconference explains why the person cannot or should not appear in person.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::Videoconference) {
                return;
            }
            for (i, v) in r.mla.videoconference.iter().enumerate() {
                let message = if blank(&v.person_ref) {
                    msg("check.UNTOC-18-18-reason.reason_unnamed")
                } else {
                    msg("check.UNTOC-18-18-reason.reason").arg("person", v.person_ref.trim())
                };
                out.need(&v.why_not_in_person, &format!("mla.videoconference.{i}.why_not_in_person"), message.arg("n", i + 1));
            }
        },
    },
    Rule {
        code: "M8-TECH",
        severity: Severity::Warning,
        provision: cites!(; "Practice; EIO Annex A section H2"),
        summary: "A hearing by videoconference proposes a date, a time with time zone and technical arrangements.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::Videoconference) {
                return;
            }
            for (i, v) in r.mla.videoconference.iter().enumerate() {
                let l = item("check.item.videoconference", i, &v.person_ref);
                out.need(&v.datetime, &format!("mla.videoconference.{i}.datetime"), msg("check.M8-TECH.datetime").arg("item", l.clone()));
                // A blank zone beside a date-time is DATA-TZ's error; report it here only when both are missing.
                if blank(&v.datetime) && blank(&v.alt_datetime) && blank(&v.tz) {
                    out.push(format!("mla.videoconference.{i}.tz"), msg("check.M8-TECH.tz").arg("item", l.clone()));
                }
                out.need(&v.tech, &format!("mla.videoconference.{i}.tech"), msg("check.M8-TECH.tech").arg("item", l));
            }
        },
    },
    Rule {
        code: "M8-CONSENT",
        severity: Severity::Warning,
        provision: cites!(; "EIO art. 24 (for EU); practice"),
        summary: "A suspect or accused heard by videoconference has consented.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::Videoconference) {
                return;
            }
            for (i, v) in r.mla.videoconference.iter().enumerate() {
                if suspect(v.capacity) && !v.consent {
                    out.push(format!("mla.videoconference.{i}.consent"), msg("check.M8-CONSENT.consent").arg("item", item("check.item.videoconference", i, &v.person_ref)));
                }
            }
        },
    },
    Rule {
        code: "UNTOC-18-10-consent",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(10)(a)", UNCAC_46 "UNCAC art. 46(10)(a)", DRUG88_7 "1988 Convention art. 7(4)", ETS_30 "ETS 30 art. 11", MT_45_117 "GA res. 45/117 art. 13"),
        summary: "A detained person to be transferred gives free and informed consent.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::DetaineeTransfer) {
                return;
            }
            for (i, d) in r.mla.detainee_transfer.iter().enumerate() {
                if !d.consent {
                    out.push(format!("mla.detainee_transfer.{i}.consent"), msg("check.UNTOC-18-10-consent.consent").arg("item", item("check.item.detainee_transfer", i, &d.detainee_ref)));
                }
            }
        },
    },
    Rule {
        code: "UNTOC-18-11-undertakings",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(11)", UNCAC_46 "UNCAC art. 46(11)", DRUG88_7 "1988 Convention art. 7(4)", ETS_30 "ETS 30 art. 11", MT_45_117 "GA res. 45/117 art. 13"),
        summary: "A detainee transfer gives the custody, return and credit undertakings, and what they rest on: place and title of custody and the transfer and return dates.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::DetaineeTransfer) {
                return;
            }
            for (i, d) in r.mla.detainee_transfer.iter().enumerate() {
                let l = item("check.item.detainee_transfer", i, &d.detainee_ref);
                out.need(&d.detention_place, &format!("mla.detainee_transfer.{i}.detention_place"), msg("check.UNTOC-18-11-undertakings.place").arg("item", l.clone()));
                out.need(&d.custody_status, &format!("mla.detainee_transfer.{i}.custody_status"), msg("check.UNTOC-18-11-undertakings.custody").arg("item", l.clone()));
                out.need(&d.dates, &format!("mla.detainee_transfer.{i}.dates"), msg("check.UNTOC-18-11-undertakings.dates").arg("item", l.clone()));
                for (given, field, key) in [
                    (d.custody_undertaking, "custody_undertaking", "check.UNTOC-18-11-undertakings.custody_undertaking"),
                    (d.return_undertaking, "return_undertaking", "check.UNTOC-18-11-undertakings.return_undertaking"),
                    (d.credit_undertaking, "credit_undertaking", "check.UNTOC-18-11-undertakings.credit_undertaking"),
                ] {
                    if !given {
                        out.push(format!("mla.detainee_transfer.{i}.{field}"), msg(key).arg("item", l.clone()));
                    }
                }
            }
        },
    },
    Rule {
        code: "UNTOC-18-12-safeconduct",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(12)", UNCAC_46 "UNCAC art. 46(12)", DRUG88_7 "1988 Convention art. 7(4)", ETS_30 "ETS 30 art. 11", MT_45_117 "GA res. 45/117 art. 13"),
        summary: "A detainee transfer gives the safe-conduct undertaking and names the person it covers.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::DetaineeTransfer) {
                return;
            }
            for (i, d) in r.mla.detainee_transfer.iter().enumerate() {
                out.need(&d.detainee_ref, &format!("mla.detainee_transfer.{i}.detainee_ref"), msg("check.UNTOC-18-12-safeconduct.person").arg("n", i + 1));
                if !d.safe_conduct {
                    out.push(
                        format!("mla.detainee_transfer.{i}.safe_conduct"),
                        msg("check.UNTOC-18-12-safeconduct.undertaking").arg("item", item("check.item.detainee_transfer", i, &d.detainee_ref)),
                    );
                }
            }
        },
    },
    Rule {
        code: "UNTOC-18-27-safeconduct",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(27)", UNCAC_46 "UNCAC art. 46(27)", DRUG88_7 "1988 Convention art. 7(18)", ETS_30 "ETS 30 art. 12", MT_45_117 "GA res. 45/117 art. 15"),
        summary: "A voluntary appearance names the person and the allowances offered with the safe conduct.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::Appearance) {
                return;
            }
            for (i, a) in r.mla.appearance.iter().enumerate() {
                let l = item("check.item.appearance", i, &a.person_ref);
                out.need(&a.person_ref, &format!("mla.appearance.{i}.person_ref"), msg("check.UNTOC-18-27-safeconduct.person").arg("item", l.clone()));
                out.need(&a.allowances, &format!("mla.appearance.{i}.allowances"), msg("check.UNTOC-18-27-safeconduct.allowances").arg("item", l));
            }
        },
    },
    Rule {
        code: "M10-LINK",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(f)", UNCAC_46 "UNCAC art. 46(15)(f)", DRUG88_7 "1988 Convention art. 7(10)(f)"),
        summary: "Tracing of proceeds explains how the assets relate to the offence.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::Tracing) {
                return;
            }
            for (i, t) in r.mla.tracing.iter().enumerate() {
                out.need(&t.link_to_offence, &format!("mla.tracing.{i}.link_to_offence"), msg("check.M10-LINK.link").arg("n", i + 1));
            }
        },
    },
    Rule {
        code: "UNCAC-46-3-k-focal",
        severity: Severity::Info,
        provision: cites!(UNCAC_46 "UNCAC art. 46(3)(j)–(k)"),
        summary: "UNCAC requests about assets point to the requested State's asset-recovery focal point.",
        check: |c, out| {
            let r = c.request;
            if r.basis.primary != Some(Instrument::Uncac46) {
                return;
            }
            let Some(e) = crate::request::addressee::entry(r) else { return };
            let module = [Module::Freezing, Module::Tracing].into_iter().find(|m| selected(r, *m));
            if let Some(m) = module {
                let focal = e.authorities.iter().find(|a| a.roles.contains(&crate::directory::AuthorityRole::AssetRecoveryFocalPoint));
                let message = match focal {
                    Some(a) => msg("check.UNCAC-46-3-k-focal.focal_point").arg("authority", a.name.trim()),
                    None => msg("check.UNCAC-46-3-k-focal.not_in_entry"),
                };
                out.push(r.mla.items(m).0.into(), message.arg("state", state(r)));
            }
        },
    },
    Rule {
        code: "M12-AGREEMENT",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 19", UNCAC_46 "UNCAC art. 49", CETS_224 "CETS 224 art. 12", ETS_30 "ETS 182 art. 20"),
        summary: "A joint team proposal gives participants, purpose, duration and rules on using information.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::JointTeam) {
                return;
            }
            for (i, j) in r.mla.joint_team.iter().enumerate() {
                let n = i + 1;
                out.need(&j.parties, &format!("mla.joint_team.{i}.parties"), msg("check.M12-AGREEMENT.parties").arg("n", n));
                out.need(&j.purpose, &format!("mla.joint_team.{i}.purpose"), msg("check.M12-AGREEMENT.purpose").arg("n", n));
                out.need(&j.duration, &format!("mla.joint_team.{i}.duration"), msg("check.M12-AGREEMENT.duration").arg("n", n));
                out.need(&j.info_use_rules, &format!("mla.joint_team.{i}.info_use_rules"), msg("check.M12-AGREEMENT.info_use").arg("n", n));
            }
        },
    },
    Rule {
        code: "M13-ROUTE",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 20", UNCAC_46 "UNCAC art. 50", DRUG88_7 "1988 Convention art. 11", ETS_30 "ETS 182 art. 18"),
        summary: "A controlled delivery gives the route with transit States, the dates and 24/7 operational contacts.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::ControlledDelivery) {
                return;
            }
            for (i, d) in r.mla.controlled_delivery.iter().enumerate() {
                let n = i + 1;
                out.need(&d.route, &format!("mla.controlled_delivery.{i}.route"), msg("check.M13-ROUTE.route").arg("n", n));
                out.need(&d.dates, &format!("mla.controlled_delivery.{i}.dates"), msg("check.M13-ROUTE.dates").arg("n", n));
                out.need(&d.ops_contacts, &format!("mla.controlled_delivery.{i}.ops_contacts"), msg("check.M13-ROUTE.contacts").arg("n", n));
            }
        },
    },
    Rule {
        code: "M15-RESULT",
        severity: Severity::Info,
        provision: cites!(UNTOC_18 "UNTOC art. 18(3)(i)", UNCAC_46 "UNCAC art. 46(3)(i)", DRUG88_7 "1988 Convention art. 7(3)"; "PC-OC Guidelines"),
        summary: "Other assistance is described by the result needed, not a domestic procedure name.",
        check: |c, out| {
            let r = c.request;
            if !selected(r, Module::Other) {
                return;
            }
            for (i, m) in r.mla.other.iter().enumerate() {
                if !blank(&m.description) {
                    out.push(format!("mla.other.{i}.description"), msg("check.M15-RESULT.result").arg("n", i + 1).arg("state", state(r)));
                }
            }
        },
    },
];

/// Where a request touches bank accounts, so that the document adds the
/// clause recalling that bank secrecy is no ground for refusal (CL-BANKSECRECY,
/// UNTOC art. 18(8)): the path of the first module that does (bank records,
/// or accounts among the assets to freeze or the leads to trace), if any.
pub fn bank_secrecy_clause(r: &Request) -> Option<&'static str> {
    let mentions = |s: &str| {
        let s = s.to_lowercase();
        s.contains("account") || s.contains("iban")
    };
    if selected(r, Module::Records) && r.mla.records.iter().any(|m| m.record_class == Some(RecordClass::Bank)) {
        Some("mla.records")
    } else if selected(r, Module::Freezing) && r.mla.freezing.iter().any(|f| mentions(&f.assets) || mentions(&f.location_holder)) {
        Some("mla.freezing")
    } else if selected(r, Module::Tracing) && r.mla.tracing.iter().any(|t| mentions(&t.known_leads) || mentions(&t.subjects)) {
        Some("mla.tracing")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::{example, found, only_finding, reports, silent, with_empty_entry, Example::{self, Mla, Preservation, Emergency, Transfer}};
    use crate::request::mla::{
        Appearance, ControlledDelivery, DetaineeTransfer, Freezing, JointTeam, OtherAssistance, RealTime, Search, Service, StoredData, Tracing,
        Videoconference,
    };
    use crate::request::{DataCategory, PersonRole};

    /// The MLA example with one more module selected.
    fn with(module: Module) -> Request {
        let mut r = example(Mla);
        r.mla.modules.push(module);
        r
    }

    #[test]
    fn examples_raise_no_error_of_this_section() {
        for kind in Example::ALL {
            let r = example(kind);
            for rule in RULES {
                for f in found(&r, rule.code) {
                    // The catalogue asks the MLA example for its witness's language and its bank-secrecy note.
                    assert!(kind == Mla && matches!(f.code, "PERS-LANG" | "UNTOC-18-8-bank"), "{kind:?}: {f:?}");
                }
            }
        }
    }

    #[test]
    fn person_without_role_is_an_error() {
        let mut r = example(Transfer);
        silent(&r, "PERS-ROLE");
        r.persons[0].role = None;
        only_finding(&r, "PERS-ROLE", Severity::Error, "persons.0.role");
        assert!(found(&r, "PERS-ROLE")[0].message.contains("Pierre Antoine Lemaire"));
    }

    #[test]
    fn witness_to_be_heard_without_language_is_flagged() {
        let mut r = example(Mla);
        silent(&r, "PERS-LANG");
        r.persons[2].language_understood.clear();
        only_finding(&r, "PERS-LANG", Severity::Warning, "persons.2.language_understood");
    }

    #[test]
    fn person_mentioned_nowhere_is_an_orphan() {
        let mut r = example(Mla);
        silent(&r, "PERS-ORPHAN");
        r.persons.push(Person { role: Some(PersonRole::Witness), family_name: "Eriksen".into(), given_names: "Kari".into(), ..Person::default() });
        only_finding(&r, "PERS-ORPHAN", Severity::Info, "persons.3");
        r.facts.summary.push_str(" Ms Kari Eriksen saw the transfers.");
        silent(&r, "PERS-ORPHAN");
    }

    #[test]
    fn statement_without_questions_oath_or_rights_is_flagged() {
        let mut r = example(Mla);
        silent(&r, "M1-QUESTIONS");
        silent(&r, "M1-OATH");
        silent(&r, "M1-RIGHTS");
        r.mla.statements[0].questions.clear();
        r.mla.statements[0].oath = None;
        r.mla.statements[0].capacity = Some(HearingCapacity::Suspect);
        only_finding(&r, "M1-QUESTIONS", Severity::Warning, "mla.statements.0.questions");
        only_finding(&r, "M1-OATH", Severity::Warning, "mla.statements.0.oath");
        only_finding(&r, "M1-RIGHTS", Severity::Warning, "mla.statements.0.rights_notice");
        assert!(found(&r, "M1-QUESTIONS")[0].message.contains("Ingrid Solberg"));
        r.mla.statements[0].rights_notice = "Right to remain silent and to a lawyer.".into();
        silent(&r, "M1-RIGHTS");
    }

    fn served() -> Request {
        let mut r = with(Module::Service);
        r.mla.service.push(Service {
            documents: "Summons of 1 December 2026".into(),
            addressee_ref: "Ingrid Solberg".into(),
            address: "Strandveien 8, 5004 Bergvik, Norland".into(),
            proof_required: "Signed receipt".into(),
            appearance_date: "2027-04-01".into(),
            ..Service::default()
        });
        r
    }

    #[test]
    fn service_without_address_or_proof_is_flagged() {
        let mut r = served();
        silent(&r, "M2-ADDRESS");
        silent(&r, "M2-PROOF");
        r.mla.service[0].address.clear();
        r.mla.service[0].proof_required.clear();
        only_finding(&r, "M2-ADDRESS", Severity::Error, "mla.service.0.address");
        only_finding(&r, "M2-PROOF", Severity::Warning, "mla.service.0.proof_required");
    }

    #[test]
    fn summons_with_appearance_too_soon_is_flagged() {
        let mut r = served();
        silent(&r, "M2-LEADTIME");
        r.mla.service[0].appearance_date = "2026-12-15".into();
        only_finding(&r, "M2-LEADTIME", Severity::Warning, "mla.service.0.appearance_date");
    }

    #[test]
    fn search_without_place_items_or_order_is_flagged() {
        let mut r = with(Module::SearchSeizure);
        r.mla.searches.push(Search { place: "Havnegata 12, Bergvik".into(), items: "Accounting records".into(), domestic_order: true, ..Search::default() });
        silent(&r, "M3-PLACE-ITEMS");
        silent(&r, "M3-ORDER");
        r.mla.searches[0].items.clear();
        r.mla.searches[0].domestic_order = false;
        only_finding(&r, "M3-PLACE-ITEMS", Severity::Error, "mla.searches.0.items");
        only_finding(&r, "M3-ORDER", Severity::Warning, "mla.searches.0.domestic_order");
    }

    #[test]
    fn freezing_without_owner_is_an_error() {
        let mut r = with(Module::Freezing);
        r.mla.freezing.push(Freezing {
            assets: "Vehicle registration NO-4411".into(),
            owner_ref: "Halvard Logistics AS".into(),
            link_to_offence: "Bought with investors' money.".into(),
            domestic_order: true,
            ..Freezing::default()
        });
        silent(&r, "M4-LINK");
        silent(&r, "M3-ORDER");
        r.mla.freezing[0].owner_ref.clear();
        only_finding(&r, "M4-LINK", Severity::Error, "mla.freezing.0.owner_ref");
    }

    #[test]
    fn bank_records_without_account_holder_are_an_error() {
        let mut r = example(Mla);
        silent(&r, "M5-BANK");
        r.mla.records[0].holder_refs.clear();
        only_finding(&r, "M5-BANK", Severity::Error, "mla.records.0.holder_refs");
        r.mla.records[0].record_class = Some(RecordClass::Corporate);
        silent(&r, "M5-BANK");
    }

    #[test]
    fn records_period_missing_or_reversed_is_an_error() {
        let mut r = example(Mla);
        silent(&r, "M5-PERIOD");
        r.mla.records[0].period_to = "2025-01-31".into();
        only_finding(&r, "M5-PERIOD", Severity::Error, "mla.records.0.period_to");
        r.mla.records[0].period_to.clear();
        only_finding(&r, "M5-PERIOD", Severity::Error, "mla.records.0.period_to");
    }

    #[test]
    fn records_period_from_the_opening_of_the_account_or_an_unknown_date_needs_no_start_date() {
        let mut r = example(Mla);
        r.mla.records[0].period_from.clear();
        only_finding(&r, "M5-PERIOD", Severity::Error, "mla.records.0.period_from");
        for start in crate::request::RangeStart::ALL {
            r.mla.records[0].period_start = Some(*start);
            silent(&r, "M5-PERIOD");
            r.mla.records[0].period_from = "2010-01-01".into();
            silent(&r, "M5-PERIOD");
            silent(&r, "M5-PERIOD-BROAD");
            silent(&r, "DATE-ORDER");
            r.mla.records[0].period_from.clear();
        }
        r.mla.records[0].period_to.clear();
        only_finding(&r, "M5-PERIOD", Severity::Error, "mla.records.0.period_to");
    }

    #[test]
    fn records_period_too_long_or_far_from_facts_is_broad() {
        let mut r = example(Mla);
        silent(&r, "M5-PERIOD-BROAD");
        r.mla.records[0].period_from = "2015-01-01".into();
        only_finding(&r, "M5-PERIOD-BROAD", Severity::Warning, "mla.records.0.period_from");
        r.mla.records[0].period_from = "2020-01-01".into();
        r.mla.records[0].period_to = "2022-12-31".into();
        only_finding(&r, "M5-PERIOD-BROAD", Severity::Warning, "mla.records.0.period_from");
    }

    /// False alarms: a long period that the item's relevance explains (from
    /// the year the account was opened), or one within years the facts
    /// name, is what UNTOC art. 18(15)(f) asks for, not a fishing request.
    #[test]
    fn records_period_explained_by_the_drafter_is_not_broad() {
        let mut r = example(Mla);
        r.mla.records[0].period_from = "2015-03-01".into();
        r.mla.records[0].relevance = "The account was opened on 1 March 2015; every transfer since then may belong to the scheme.".into();
        silent(&r, "M5-PERIOD-BROAD");
        let mut r = example(Mla);
        r.mla.records[0].period_from = "2020-01-01".into();
        r.mla.records[0].period_to = "2022-12-31".into();
        r.facts.summary.push_str(" The suspect opened the account in 2021.");
        silent(&r, "M5-PERIOD-BROAD");
    }

    #[test]
    fn records_without_document_types_are_an_error() {
        let mut r = example(Mla);
        silent(&r, "M5-DOCTYPES");
        r.mla.records[0].doc_types.clear();
        only_finding(&r, "M5-DOCTYPES", Severity::Error, "mla.records.0.doc_types");
    }

    #[test]
    fn bank_records_get_the_bank_secrecy_note() {
        let r = example(Mla);
        only_finding(&r, "UNTOC-18-8-bank", Severity::Info, "mla.records");
        silent(&example(Transfer), "UNTOC-18-8-bank");
    }

    fn stored() -> Request {
        let mut r = with(Module::StoredData);
        let mut d = StoredData { provider: "Nordchat AS".into(), no_user_notice: true, ..StoredData::default() };
        d.data.identifiers = "user: fjord_trader\n203.0.113.7:51234 2025-07-01T10:15 UTC".into();
        d.data.categories = vec![DataCategory::Subscriber];
        d.data.range.from = "2025-06-01T00:00".into();
        d.data.range.to = "2025-10-01T00:00".into();
        d.vulnerability = "The provider deletes logs after 90 days.".into();
        r.mla.stored_data.push(d);
        r
    }

    #[test]
    fn stored_data_without_provider_or_category_is_an_error() {
        let mut r = stored();
        silent(&r, "M6-PROVIDER");
        silent(&r, "M6-CATEGORY");
        r.mla.stored_data[0].provider.clear();
        r.mla.stored_data[0].data.categories.clear();
        only_finding(&r, "M6-PROVIDER", Severity::Error, "mla.stored_data.0.provider");
        only_finding(&r, "M6-CATEGORY", Severity::Error, "mla.stored_data.0.data.categories");
    }

    #[test]
    fn ip_address_without_time_is_an_error_and_without_port_a_warning() {
        let mut r = stored();
        silent(&r, "M6-IDENT");
        r.mla.stored_data[0].data.identifiers = "203.0.113.7".into();
        only_finding(&r, "M6-IDENT", Severity::Error, "mla.stored_data.0.data.identifiers");
        r.mla.stored_data[0].data.identifiers = "2001:db8::17 at 2025-07-01 10:15".into();
        only_finding(&r, "M6-IDENT", Severity::Warning, "mla.stored_data.0.data.identifiers");
        r.mla.stored_data[0].data.identifiers = "[2001:db8::17]:443 at 2025-07-01 10:15".into();
        silent(&r, "M6-IDENT");
        r.mla.stored_data[0].data.identifiers.clear();
        only_finding(&r, "M6-IDENT", Severity::Error, "mla.stored_data.0.data.identifiers");
    }

    #[test]
    fn data_range_without_time_zone_is_an_error_in_every_kind() {
        let mut r = stored();
        silent(&r, "DATA-TZ");
        r.mla.stored_data[0].data.range.tz.clear();
        only_finding(&r, "DATA-TZ", Severity::Error, "mla.stored_data.0.data.range.tz");
        let mut p = example(Preservation);
        silent(&p, "DATA-TZ");
        p.preservation.data[0].range.tz.clear();
        only_finding(&p, "DATA-TZ", Severity::Error, "preservation.data.0.range.tz");
        let mut e = example(Emergency);
        silent(&e, "DATA-TZ");
        e.emergency.data[0].range.tz = " ".into();
        only_finding(&e, "DATA-TZ", Severity::Error, "emergency.data.0.range.tz");
        // A range from the creation of the account still ends at a time,
        // read in its zone; with no end and no start date, no time is given.
        e.emergency.data[0].range.start = Some(crate::request::RangeStart::AccountCreation);
        only_finding(&e, "DATA-TZ", Severity::Error, "emergency.data.0.range.tz");
        e.emergency.data[0].range.to.clear();
        silent(&e, "DATA-TZ");
        e.emergency.data[0].range.start = None;
        only_finding(&e, "DATA-TZ", Severity::Error, "emergency.data.0.range.tz");
    }

    /// Checks that should have fired: the timestamp of an IP address typed
    /// without a time zone, in the identifiers of every kind that asks for
    /// data (and in the targets of real-time collection).
    #[test]
    fn ip_timestamp_without_time_zone_is_an_error_in_every_kind() {
        let line = "198.51.100.23:443 2026-11-15T08:12";
        let mut r = stored();
        r.mla.stored_data[0].data.identifiers = format!("user: fjord_trader\n{line}");
        let f = only_finding(&r, "DATA-TZ", Severity::Error, "mla.stored_data.0.data.identifiers");
        assert!(f.message.contains(line), "{}", f.message);
        let mut p = example(Preservation);
        p.preservation.data[0].identifiers = line.into();
        only_finding(&p, "DATA-TZ", Severity::Error, "preservation.data.0.identifiers");
        let mut e = example(Emergency);
        e.emergency.data[0].identifiers = format!("IP {line}");
        only_finding(&e, "DATA-TZ", Severity::Error, "emergency.data.0.identifiers");
        let mut t = with(Module::RealTime);
        t.mla.real_time.push(RealTime { targets: line.into(), ..RealTime::default() });
        reports(&t, "DATA-TZ", Severity::Error, "mla.real_time.0.targets");
        for zoned in [
            "198.51.100.23:443 2026-11-15T08:12 UTC",
            "198.51.100.23:443 2026-11-15T08:12Z",
            "198.51.100.23:443 2026-11-15T08:12+01:00",
            "198.51.100.23:443 2026-11-15T08:12:37-05:00",
            "198.51.100.23:443 2026-11-15 08:12 (UTC\u{2212}03:00)",
            "198.51.100.23:443 2026-11-15 08:12 Europe/Oslo",
            "198.51.100.23:443 2026-11-15 08:12 CET",
            "[2001:db8::1]:443 2026-11-15 08:12 GMT",
        ] {
            p.preservation.data[0].identifiers = zoned.into();
            silent(&p, "DATA-TZ");
        }
    }

    #[test]
    fn content_data_need_a_justification() {
        let mut r = stored();
        r.mla.stored_data[0].data.categories.push(DataCategory::Content);
        only_finding(&r, "M6-CONTENT", Severity::Warning, "mla.stored_data.0.content_justification");
        r.mla.stored_data[0].content_justification = "Only the messages show who gave the instructions.".into();
        silent(&r, "M6-CONTENT");
    }

    #[test]
    fn request_following_preservation_needs_its_reference_and_date() {
        let mut r = stored();
        r.mla.follows_preservation = true;
        only_finding(&r, "M6-PRESREF", Severity::Warning, "mla.stored_data.0.preservation_ref");
        r.mla.stored_data[0].preservation_ref = "NO-PRES-118 of 2 December 2025".into();
        silent(&r, "M6-PRESREF");
    }

    #[test]
    fn urgent_stored_data_request_needs_vulnerability() {
        let mut r = stored();
        silent(&r, "BUD-31-3-a");
        r.mla.stored_data[0].vulnerability.clear();
        only_finding(&r, "BUD-31-3-a", Severity::Warning, "mla.stored_data.0.vulnerability");
        r.urgency.flag = false;
        silent(&r, "BUD-31-3-a");
    }

    #[test]
    fn real_time_collection_without_authorisation_is_an_error() {
        let mut r = with(Module::RealTime);
        let mut t = RealTime { targets: "+47 400 00 000".into(), domestic_authorisation: "Order of 3 March 2026".into(), ..RealTime::default() };
        t.period.from = "2027-01-01T00:00".into();
        t.period.to = "2027-01-31T23:59".into();
        r.mla.real_time.push(t);
        silent(&r, "M7-AUTH");
        r.mla.real_time[0].domestic_authorisation.clear();
        only_finding(&r, "M7-AUTH", Severity::Error, "mla.real_time.0.domestic_authorisation");
        r.mla.real_time[0].domestic_authorisation = "Order of 3 March 2026".into();
        r.mla.real_time[0].period.from.clear();
        only_finding(&r, "M7-AUTH", Severity::Error, "mla.real_time.0.period.from");
        r.mla.real_time[0].period.start = Some(crate::request::RangeStart::Unknown);
        silent(&r, "M7-AUTH");
    }

    fn video() -> Request {
        let mut r = with(Module::Videoconference);
        r.mla.videoconference.push(Videoconference {
            person_ref: "Ingrid Solberg".into(),
            capacity: Some(HearingCapacity::Witness),
            why_not_in_person: "She cares for a sick relative and cannot travel.".into(),
            datetime: "2027-02-10T10:00".into(),
            tz: "Europe/Oslo".into(),
            tech: "Secure video platform; test call on 8 February".into(),
            ..Videoconference::default()
        });
        r
    }

    #[test]
    fn videoconference_without_reason_or_technical_details_is_flagged() {
        let mut r = video();
        silent(&r, "UNTOC-18-18-reason");
        silent(&r, "M8-TECH");
        r.mla.videoconference[0].why_not_in_person.clear();
        r.mla.videoconference[0].tech.clear();
        only_finding(&r, "UNTOC-18-18-reason", Severity::Error, "mla.videoconference.0.why_not_in_person");
        only_finding(&r, "M8-TECH", Severity::Warning, "mla.videoconference.0.tech");
        r.mla.videoconference[0].tz.clear();
        only_finding(&r, "DATA-TZ", Severity::Error, "mla.videoconference.0.tz");
    }

    #[test]
    fn alternative_hearing_time_needs_the_time_zone_and_the_form_of_a_date_time() {
        let mut r = video();
        r.mla.videoconference[0].alt_datetime = "2027-02-12T14:00".into();
        silent(&r, "DATA-TZ");
        silent(&r, "DATE-ORDER");
        r.mla.videoconference[0].datetime.clear();
        r.mla.videoconference[0].tz.clear();
        only_finding(&r, "DATA-TZ", Severity::Error, "mla.videoconference.0.tz");
        assert!(found(&r, "M8-TECH").iter().all(|f| f.path != "mla.videoconference.0.tz"), "reported once, by DATA-TZ");
        r.mla.videoconference[0].alt_datetime = "12 February, afternoon".into();
        only_finding(&r, "DATE-ORDER", Severity::Error, "mla.videoconference.0.alt_datetime");
    }

    #[test]
    fn suspect_heard_by_video_without_consent_is_flagged() {
        let mut r = video();
        r.mla.videoconference[0].capacity = Some(HearingCapacity::Accused);
        only_finding(&r, "M8-CONSENT", Severity::Warning, "mla.videoconference.0.consent");
        r.mla.videoconference[0].consent = true;
        silent(&r, "M8-CONSENT");
    }

    fn transfer() -> Request {
        let mut r = with(Module::DetaineeTransfer);
        r.mla.detainee_transfer.push(DetaineeTransfer {
            detainee_ref: "Tomas Brenner".into(),
            detention_place: "Bergvik Prison".into(),
            custody_status: "Serving a sentence until 2028-03-01".into(),
            purpose: "Identification".into(),
            consent: true,
            dates: "Transfer 2027-02-01, return 2027-02-05".into(),
            custody_undertaking: true,
            return_undertaking: true,
            credit_undertaking: true,
            safe_conduct: true,
            ..DetaineeTransfer::default()
        });
        r
    }

    #[test]
    fn detainee_transfer_without_consent_is_an_error() {
        let mut r = transfer();
        silent(&r, "UNTOC-18-10-consent");
        r.mla.detainee_transfer[0].consent = false;
        only_finding(&r, "UNTOC-18-10-consent", Severity::Error, "mla.detainee_transfer.0.consent");
    }

    #[test]
    fn detainee_transfer_without_return_dates_lacks_undertakings() {
        let mut r = transfer();
        silent(&r, "UNTOC-18-11-undertakings");
        silent(&r, "UNTOC-18-12-safeconduct");
        r.mla.detainee_transfer[0].dates.clear();
        only_finding(&r, "UNTOC-18-11-undertakings", Severity::Error, "mla.detainee_transfer.0.dates");
        r.mla.detainee_transfer[0].detainee_ref.clear();
        only_finding(&r, "UNTOC-18-12-safeconduct", Severity::Error, "mla.detainee_transfer.0.detainee_ref");
    }

    #[test]
    fn detainee_transfer_without_each_undertaking_is_flagged_citing_the_basis() {
        let unticked: [(&str, fn(&mut DetaineeTransfer)); 3] = [
            ("custody_undertaking", |d| d.custody_undertaking = false),
            ("return_undertaking", |d| d.return_undertaking = false),
            ("credit_undertaking", |d| d.credit_undertaking = false),
        ];
        for (field, untick) in unticked {
            let mut r = transfer();
            untick(&mut r.mla.detainee_transfer[0]);
            let f = only_finding(&r, "UNTOC-18-11-undertakings", Severity::Error, &format!("mla.detainee_transfer.0.{field}"));
            assert!(f.message.contains("Tomas Brenner"), "{}", f.message);
            assert_eq!(f.provision, "UNTOC art. 18(11)", "{field}");
            r.basis.primary = Some(Instrument::Uncac46);
            assert_eq!(found(&r, "UNTOC-18-11-undertakings")[0].provision, "UNCAC art. 46(11)", "{field}");
            silent(&r, "UNTOC-18-12-safeconduct");
        }
        let mut r = transfer();
        r.mla.detainee_transfer[0].safe_conduct = false;
        silent(&r, "UNTOC-18-11-undertakings");
        only_finding(&r, "UNTOC-18-12-safeconduct", Severity::Error, "mla.detainee_transfer.0.safe_conduct");
        r.basis.primary = Some(Instrument::Uncac46);
        assert_eq!(found(&r, "UNTOC-18-12-safeconduct")[0].provision, "UNCAC art. 46(12)");
    }

    #[test]
    fn appearance_without_allowances_is_flagged() {
        let mut r = with(Module::Appearance);
        r.mla.appearance.push(Appearance { person_ref: "Ingrid Solberg".into(), allowances: "Travel and hotel paid by Arden".into(), ..Appearance::default() });
        silent(&r, "UNTOC-18-27-safeconduct");
        r.mla.appearance[0].allowances.clear();
        only_finding(&r, "UNTOC-18-27-safeconduct", Severity::Warning, "mla.appearance.0.allowances");
    }

    #[test]
    fn tracing_without_link_is_flagged_and_uncac_points_to_focal_point() {
        let mut r = with_empty_entry(with(Module::Tracing));
        r.mla.tracing.push(Tracing { subjects: "Tomas Brenner".into(), link_to_offence: "Proceeds of the fraud".into(), ..Tracing::default() });
        silent(&r, "M10-LINK");
        silent(&r, "UNCAC-46-3-k-focal");
        r.mla.tracing[0].link_to_offence.clear();
        only_finding(&r, "M10-LINK", Severity::Warning, "mla.tracing.0.link_to_offence");
        r.basis.primary = Some(Instrument::Uncac46);
        let f = only_finding(&r, "UNCAC-46-3-k-focal", Severity::Info, "mla.tracing");
        assert!(f.message.starts_with("Could not check"), "{}", f.message);
        r.req_state_entry.as_mut().unwrap().authorities.push(crate::directory::Authority {
            name: "Norland Asset Recovery Office".into(),
            roles: vec![crate::directory::AuthorityRole::AssetRecoveryFocalPoint],
            ..Default::default()
        });
        let f = only_finding(&r, "UNCAC-46-3-k-focal", Severity::Info, "mla.tracing");
        assert!(f.message.contains("Norland Asset Recovery Office"), "{}", f.message);
    }

    #[test]
    fn joint_team_without_information_rules_is_flagged() {
        let mut r = with(Module::JointTeam);
        r.mla.joint_team.push(JointTeam {
            parties: "Arden and Norland prosecutors".into(),
            purpose: "Dismantle the Northstar network".into(),
            duration: "12 months".into(),
            info_use_rules: "As agreed in the JIT agreement".into(),
            ..JointTeam::default()
        });
        silent(&r, "M12-AGREEMENT");
        r.mla.joint_team[0].info_use_rules.clear();
        only_finding(&r, "M12-AGREEMENT", Severity::Warning, "mla.joint_team.0.info_use_rules");
    }

    #[test]
    fn controlled_delivery_without_contacts_is_flagged() {
        let mut r = with(Module::ControlledDelivery);
        r.mla.controlled_delivery.push(ControlledDelivery {
            consignment: "20 kg cocaine".into(),
            route: "Arden – Vestria – Norland by truck".into(),
            dates: "March 2027".into(),
            ops_contacts: "Arden police 24/7 desk".into(),
            ..ControlledDelivery::default()
        });
        silent(&r, "M13-ROUTE");
        r.mla.controlled_delivery[0].ops_contacts.clear();
        only_finding(&r, "M13-ROUTE", Severity::Warning, "mla.controlled_delivery.0.ops_contacts");
    }

    #[test]
    fn other_assistance_gets_result_advice() {
        let mut r = with(Module::Other);
        silent(&r, "M15-RESULT");
        r.mla.other.push(OtherAssistance { description: "Obtain the register of shareholders".into(), relevance: String::new() });
        only_finding(&r, "M15-RESULT", Severity::Info, "mla.other.0.description");
    }
}
