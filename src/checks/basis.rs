//! Section B: legal basis, channel, language and the directory of competent authorities.
//!
//! Rules that need the directory of competent authorities read the copy of
//! the requested State's entry the request carries
//! ([`crate::request::addressee`]), through [`directory_data`]. What a rule
//! cannot check for want of directory data (no entry, or an entry silent
//! on the point) it records as a gap; `DIR-NO-ENTRY` says every rule's
//! gaps in one line, with the provisions they serve ([`directory_gaps`]).

use super::{blank, msg, option, state, Arg, Findings, Message, Rule, Severity};
use crate::request::{Channel, DocumentLanguage, Instrument, Module, OffenceCategory, Request, RequestKind, TranslationStatus, TransmissionMeans, YesNoUnknown};
use super::provision::{Provision, cites};
use crate::directory::{Acceptance, PartyStatus};
use crate::request::addressee::{self, entry, is_treaty, InForce};

/// The instrument as the messages name it (the citation, for a bilateral treaty).
pub(super) fn instrument_name(r: &Request, i: Instrument) -> Arg {
    if i == Instrument::Bilateral && !blank(&r.basis.treaty_citation) {
        Arg::Text(r.basis.treaty_citation.trim().to_string())
    } else {
        option(i).into()
    }
}

/// What a message cites of rule table `provision`: the provision of the
/// request's basis, as the finding does.
pub(super) fn cite(r: &Request, provision: &'static Provision) -> Arg {
    provision.for_request(r).arg()
}

/// Records what a rule could not check because the requested State's
/// directory entry (or the directory) does not give it: `add` names the
/// data to add (`check.DIR-NO-ENTRY.add.*`). Every rule's gaps are said
/// together, in the one line of `DIR-NO-ENTRY` ([`directory_gaps`]).
pub(super) fn not_in_entry(out: &mut Findings, add: Message) {
    out.gap(add);
}

/// The code of the rule whose one line says what every rule could not
/// check for want of directory data.
pub(super) const DIRECTORY_GAPS: &str = "DIR-NO-ENTRY";

/// The directory data the rules read: the entry the request carries for
/// its State, or, while it names a State the directory gave no entry for,
/// an empty one (every rule then records what it would need); none while
/// no State is named.
pub(super) fn directory_data(r: &Request) -> Option<&crate::directory::StateEntry> {
    static EMPTY: std::sync::OnceLock<crate::directory::StateEntry> = std::sync::OnceLock::new();
    match entry(r) {
        Some(e) => Some(e),
        None if blank(&r.req_state) => None,
        None => Some(EMPTY.get_or_init(Default::default)),
    }
}

/// The one line that says what to add to the directory: without an entry
/// for the requested State (a warning), or with one that lacks data some
/// rules need (advice); each datum named once, and the provisions of the
/// rules that need them cited, so each check stays traceable.
pub(super) fn directory_gaps(r: &Request, gaps: &[(&'static Rule, Message)]) -> Option<(Severity, Message)> {
    if blank(&r.req_state) {
        return None;
    }
    let mut data: Vec<&Message> = Vec::new();
    let mut provisions: Vec<Arg> = Vec::new();
    for (rule, add) in gaps {
        if !data.contains(&add) {
            data.push(add);
        }
        let citation = rule.provision.for_request(r);
        if citation.cites_an_article() {
            let cited = citation.arg();
            if !provisions.contains(&cited) {
                provisions.push(cited);
            }
        }
    }
    let data = list(data.into_iter().map(|m| Arg::from(m.clone())));
    let provisions = if provisions.is_empty() { Arg::from(msg("check.DIR-NO-ENTRY.its_rules")) } else { list(provisions.into_iter()) };
    let worded = |key| msg(key).arg("state", state(r)).arg("data", data.clone()).arg("provisions", provisions.clone());
    match entry(r) {
        None if gaps.is_empty() => Some((Severity::Warning, msg("check.DIR-NO-ENTRY.no_entry").arg("state", state(r)))),
        None => Some((Severity::Warning, worded("check.DIR-NO-ENTRY.no_entry_add"))),
        Some(_) if gaps.is_empty() => None,
        Some(_) => Some((Severity::Info, worded("check.DIR-NO-ENTRY.partial"))),
    }
}

/// Values as the messages list them, joined as `check.word.list` joins
/// them in the language.
fn list(items: impl Iterator<Item = Arg>) -> Arg {
    items
        .fold(None, |acc, item| Some(match acc {
            None => item,
            Some(before) => msg("check.word.list").arg("list", before).arg("next", item).into(),
        }))
        .unwrap_or_else(|| Arg::Text(String::new()))
}

/// Vocabulary values, each worded, as the messages list them.
fn options<V: crate::request::Vocabulary + Copy>(values: &[V]) -> Arg {
    list(values.iter().map(|&v| Arg::from(option(v))))
}

/// The languages a State accepts, as the messages list them, each by a
/// name and never by its bare code: one of the six by its wording; the
/// State's only official language as "the official language of {state}";
/// another official language, or any other, named as such with its code
/// (the directory names no other language).
pub(super) fn languages(accepted: &[crate::directory::AcceptedLanguage], entry: &crate::directory::StateEntry) -> Arg {
    let official = &entry.official_languages;
    list(accepted.iter().map(|a| match DocumentLanguage::from_code(&a.lang) {
        Some(l) => option(l).into(),
        None if crate::directory::language_names::is_language_code(&a.lang) => Arg::Language(a.lang.clone()),
        None if official.len() == 1 && official[0].eq_ignore_ascii_case(&a.lang) => {
            msg("check.word.official_language").arg("state", entry.name.as_str()).into()
        }
        None if official.iter().any(|o| o.eq_ignore_ascii_case(&a.lang)) => {
            msg("check.word.an_official_language").arg("state", entry.name.as_str()).arg("code", a.lang.as_str()).into()
        }
        None => msg("check.word.language_code").arg("code", a.lang.as_str()).into(),
    }))
}

/// A note of the directory appended to a message, or nothing.
fn directory_note(note: &str) -> Arg {
    if blank(note) { Arg::Text(String::new()) } else { msg("check.common.directory_note").arg("note", note.trim()).into() }
}

/// A date of the directory (`YYYY-MM-DD`) as the messages print it.
fn day(text: &str) -> Arg {
    Arg::Text(text.to_string())
}

/// A language of the request as the messages name it: one of the six by
/// its name in the interface language, another by its CLDR name in it (or,
/// in an older draft, as typed); none
/// when it is not given.
fn language_named(choice: Option<DocumentLanguage>, other: &str) -> Option<Arg> {
    match choice? {
        DocumentLanguage::Other if blank(other) => None,
        DocumentLanguage::Other => Some(Arg::Language(other.trim().to_string())),
        language => Some(option(language).into()),
    }
}

/// The highest custodial penalty stated in `text`, in years: `Some(f64::INFINITY)`
/// for life imprisonment, `Some(0.0)` for a fine only, `None` when unreadable.
pub(super) fn max_penalty_years(text: &str) -> Option<f64> {
    let lower = text.to_lowercase();
    if lower.contains("life") {
        return Some(f64::INFINITY);
    }
    const WORDS: [&str; 21] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];
    let tokens: Vec<String> = lower
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '.'))
        .filter(|t| !t.is_empty())
        .map(|t| t.trim_end_matches('.').to_string())
        .collect();
    let number = |t: &str| -> Option<f64> {
        t.parse::<f64>().ok().or_else(|| WORDS.iter().position(|w| *w == t).map(|n| n as f64))
    };
    let unit = |t: &str| -> Option<f64> {
        if t.starts_with("year") || t == "yrs" || t == "yr" {
            Some(1.0)
        } else if t.starts_with("month") {
            Some(1.0 / 12.0)
        } else if t.starts_with("week") {
            Some(1.0 / 52.0)
        } else if t.starts_with("day") {
            Some(1.0 / 365.0)
        } else {
            None
        }
    };
    let mut best: Option<f64> = None;
    for (i, t) in tokens.iter().enumerate() {
        let Some(n) = number(t) else { continue };
        // The unit is the first one within the next few words ("two to ten years").
        if let Some(u) = tokens.iter().skip(i + 1).take(4).find_map(|t| unit(t)) {
            let years = n * u;
            best = Some(best.map_or(years, |b: f64| b.max(years)));
        }
    }
    if best.is_none() && lower.contains("fine") {
        return Some(0.0);
    }
    best
}

/// Whether a request describes electronic evidence (Budapest art. 25(1)).
fn electronic_evidence(r: &Request) -> bool {
    match r.kind {
        RequestKind::MlaEvidence => {
            r.mla.modules.iter().any(|m| matches!(m, Module::StoredData | Module::RealTime))
        }
        RequestKind::Preservation => true,
        RequestKind::EmergencyDisclosure => true,
        RequestKind::TransferOfProceedings => false,
    }
}

/// The relation of the Convention's paragraphs to a treaty binding the
/// States (UNTOC-18-7-treaty).
const CONVENTION_PARAS: Provision = cites!(UNTOC_18 "UNTOC art. 18(7)", UNCAC_46 "UNCAC art. 46(7)");

/// The channel of transmission (UNTOC-18-13-channel).
const CHANNEL: Provision = cites!(UNTOC_18 "UNTOC art. 18(13)", UNCAC_46 "UNCAC art. 46(13)", DRUG88_7 "1988 Convention art. 7(8)", BUDAPEST "Budapest Convention art. 27(2)", ETS_30 "ETS 30 art. 15", MT_45_117 "GA res. 45/117 art. 3", ETS_73 "ETS 73 art. 13", MT_45_118 "GA res. 45/118 art. 2");

/// Urgent transmission through INTERPOL (UNTOC-18-13-interpol).
const INTERPOL: Provision = cites!(UNTOC_18 "UNTOC art. 18(13)", UNCAC_46 "UNCAC art. 46(13)", BUDAPEST "Budapest Convention art. 27(9)", ETS_30 "ETS 30 art. 15", ETS_73 "ETS 73 art. 13");

/// The language of the request (UNTOC-18-14-lang).
const LANGUAGE: Provision = cites!(UNTOC_18 "UNTOC art. 18(14)", UNCAC_46 "UNCAC art. 46(14)", DRUG88_7 "1988 Convention art. 7(9)", CETS_224 "CETS 224 art. 4", ETS_30 "ETS 30 art. 16", MT_45_117 "GA res. 45/117 art. 5(2)", ETS_73 "ETS 73 art. 18", MT_45_118 "GA res. 45/118 art. 3");

/// The translation of the request (UNTOC-18-14-trans).
const TRANSLATION: Provision = cites!(UNTOC_18 "UNTOC art. 18(14)", UNCAC_46 "UNCAC art. 46(14)", DRUG88_7 "1988 Convention art. 7(9)", CETS_224 "CETS 224 art. 4", ETS_30 "ETS 30 art. 16", MT_45_117 "GA res. 45/117 art. 5(2)", ETS_73 "ETS 73 art. 18", MT_45_118 "GA res. 45/118 art. 3");

/// Section B of the catalogue.
pub(super) static RULES: &[Rule] = &[
    Rule {
        code: "BASIS-IN-FORCE",
        severity: Severity::Error,
        provision: cites!(; "Law of treaties; directory"),
        summary: "The treaty chosen as legal basis is in force between the two States: as the directory entry says on the day, and where it is silent as the drafter answers (an answer \"no\" is an error).",
        check: |c, out| {
            let r = c.request;
            let Some(i) = r.basis.primary else { return };
            if !is_treaty(i) {
                return;
            }
            let named = |key| msg(key).arg("instrument", instrument_name(r, i)).arg("state", state(r));
            if r.basis.in_force == Some(YesNoUnknown::No) {
                out.push("basis.in_force".into(), named("check.BASIS-IN-FORCE.answered_no"));
                return;
            }
            // Without an entry, the drafter's "yes" answers it; else the
            // directory decides where it speaks, the drafter's "yes" only
            // where it is silent.
            let Some(e) = directory_data(r) else { return };
            match addressee::in_force(e, r, c.today) {
                Some(InForce::NotParty) => out.push("basis.primary".into(), named("check.BASIS-IN-FORCE.not_party")),
                Some(InForce::Signatory) => out.push("basis.primary".into(), named("check.BASIS-IN-FORCE.signatory")),
                Some(InForce::NotYet(from)) => out.push("basis.primary".into(), named("check.BASIS-IN-FORCE.not_yet").arg("date", day(&from))),
                Some(InForce::NotUsable) => out.push("basis.primary".into(), named("check.BASIS-IN-FORCE.not_usable")),
                Some(InForce::NotInEntry) if r.basis.in_force != Some(YesNoUnknown::Yes) => {
                    not_in_entry(out, msg("check.DIR-NO-ENTRY.add.party_status").arg("instrument", instrument_name(r, i)))
                }
                Some(_) | None => {}
            }
        },
    },
    Rule {
        code: "UNTOC-18-7-treaty",
        severity: Severity::Info,
        provision: CONVENTION_PARAS,
        summary: "Under UNTOC or UNCAC, when the directory lists a bilateral treaty between the two States, the request says whether they agreed to apply the Convention's paragraphs 9 to 29 instead of it (needs the directory).",
        check: |c, out| {
            let r = c.request;
            if !matches!(r.basis.primary, Some(Instrument::Untoc18 | Instrument::Uncac46)) {
                return;
            }
            let Some(treaty) = entry(r).and_then(|e| addressee::bilateral_treaty(e, &r.own_state)) else { return };
            let message = |key| {
                msg(key).arg("treaty", addressee::treaty_title(treaty)).arg("state", state(r)).arg("provision", cite(r, &CONVENTION_PARAS))
            };
            match r.basis.use_convention_paras {
                Some(YesNoUnknown::Yes) => {}
                Some(YesNoUnknown::No) => out.push("basis.use_convention_paras".into(), message("check.UNTOC-18-7-treaty.treaty_governs")),
                None | Some(YesNoUnknown::Unknown) => out.push("basis.use_convention_paras".into(), message("check.UNTOC-18-7-treaty.unanswered")),
            }
        },
    },
    Rule {
        code: "BASIS-RESERVATION",
        severity: Severity::Warning,
        provision: cites!(; "Directory"),
        summary: "Reservations and declarations of the requested State under the basis are taken into account (needs the directory).",
        check: |c, out| {
            let r = c.request;
            let (Some(i), Some(e)) = (r.basis.primary, directory_data(r)) else { return };
            if !is_treaty(i) || i == Instrument::Bilateral {
                return;
            }
            match addressee::basis_status(e, r) {
                Some(status) if !status.reservations.is_empty() => {
                    let list = status.reservations.iter().map(|v| format!("art. {}: {}", v.article.trim(), v.summary.trim())).collect::<Vec<_>>().join("; ");
                    out.push(
                        "basis.primary".into(),
                        msg("check.BASIS-RESERVATION.reservations").arg("instrument", instrument_name(r, i)).arg("state", state(r)).arg("reservations", list),
                    );
                }
                Some(status) if status.party != PartyStatus::Unknown => {}
                _ => not_in_entry(out, msg("check.DIR-NO-ENTRY.add.reservations").arg("instrument", instrument_name(r, i))),
            }
        },
    },
    Rule {
        code: "UNTOC-18-1-scope",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(1), art. 2(b), art. 3"),
        summary: "A request under UNTOC answers whether the offence is transnational and involves an organized criminal group, each with its reason, and concerns a serious or Convention offence.",
        check: |c, out| {
            let r = c.request;
            if !matches!(r.basis.primary, Some(Instrument::Untoc18 | Instrument::Untoc21)) {
                return;
            }
            // The drafter answers two questions, each with its reason, in whatever language.
            // Each: the answer, its reason, its path, and the keys for unanswered, "no" and a missing reason.
            let questions = [
                (r.basis.transnational, &r.basis.transnational_reason, "basis.transnational", [
                    "check.UNTOC-18-1-scope.transnational_unanswered",
                    "check.UNTOC-18-1-scope.not_transnational",
                    "check.UNTOC-18-1-scope.transnational_reason",
                ]),
                (r.basis.organized_group, &r.basis.organized_group_reason, "basis.organized_group", [
                    "check.UNTOC-18-1-scope.organized_group_unanswered",
                    "check.UNTOC-18-1-scope.no_organized_group",
                    "check.UNTOC-18-1-scope.organized_group_reason",
                ]),
            ];
            for (answer, reason, path, [unanswered, no, why]) in questions {
                match answer {
                    None | Some(YesNoUnknown::Unknown) => out.push(path.into(), msg(unanswered)),
                    Some(YesNoUnknown::No) => out.push(path.into(), msg(no)),
                    Some(YesNoUnknown::Yes) if blank(reason) => out.push(format!("{path}_reason"), msg(why)),
                    Some(YesNoUnknown::Yes) => {}
                }
            }
            if r.offences.is_empty() {
                return;
            }
            let convention_offence = r.offences.iter().any(|o| {
                o.category_flags.iter().any(|f| matches!(f, OffenceCategory::OrganizedCrime | OffenceCategory::Corruption))
                    || o.name.to_lowercase().contains("launder")
            });
            let penalties: Vec<Option<f64>> = r.offences.iter().map(|o| max_penalty_years(&o.max_penalty)).collect();
            // Only when every penalty is readable and all are below four years.
            if !convention_offence && penalties.iter().all(|p| matches!(p, Some(y) if *y < 4.0)) {
                out.push(
                    "offences".into(),
                    msg("check.UNTOC-18-1-scope.not_serious"),
                );
            }
        },
    },
    Rule {
        code: "UNCAC-46-1-scope",
        severity: Severity::Warning,
        provision: cites!(UNCAC_46 "UNCAC art. 46(1)"),
        summary: "A request under UNCAC concerns an offence flagged as corruption.",
        check: |c, out| {
            let r = c.request;
            if matches!(r.basis.primary, Some(Instrument::Uncac46 | Instrument::Uncac47))
                && !r.offences.is_empty()
                && !r.offences.iter().any(|o| o.category_flags.contains(&OffenceCategory::Corruption))
            {
                out.push(
                    "offences".into(),
                    msg("check.UNCAC-46-1-scope.no_corruption"),
                );
            }
        },
    },
    Rule {
        code: "DRUG88-7-1-scope",
        severity: Severity::Warning,
        provision: cites!(DRUG88_7 "1988 Convention art. 7(1), art. 3(1)"),
        summary: "A request under the 1988 Convention concerns an offence flagged as a drug offence.",
        check: |c, out| {
            let r = c.request;
            if r.basis.primary == Some(Instrument::Drug88_7)
                && !r.offences.is_empty()
                && !r.offences.iter().any(|o| o.category_flags.contains(&OffenceCategory::Drug))
            {
                out.push(
                    "offences".into(),
                    msg("check.DRUG88-7-1-scope.no_drug"),
                );
            }
        },
    },
    Rule {
        code: "BUD-25-1-scope",
        severity: Severity::Warning,
        provision: cites!(BUDAPEST "Budapest Convention arts. 23, 25(1)"),
        summary: "A request under the Budapest Convention concerns a computer-related offence or electronic evidence.",
        check: |c, out| {
            let r = c.request;
            if r.basis.primary != Some(Instrument::Budapest) {
                return;
            }
            let cyber = r.offences.iter().any(|o| o.category_flags.contains(&OffenceCategory::Cyber));
            if !cyber && !electronic_evidence(r) {
                out.push(
                    "basis.scope_statement".into(),
                    msg("check.BUD-25-1-scope.no_cyber"),
                );
            }
        },
    },
    Rule {
        code: "RECIP-UNDERTAKING",
        severity: Severity::Error,
        provision: cites!(; "Practice (letters rogatory)"),
        summary: "A request made on reciprocity undertakes to assist the requested State in similar cases.",
        check: |c, out| {
            let r = c.request;
            if r.basis.primary == Some(Instrument::Reciprocity) && !r.basis.reciprocity_undertaking {
                out.push(
                    "basis.reciprocity_undertaking".into(),
                    msg("check.RECIP-UNDERTAKING.undertaking").arg("state", state(r)),
                );
            }
        },
    },
    Rule {
        code: "UNTOC-18-13-channel",
        severity: Severity::Error,
        provision: CHANNEL,
        summary: "A channel of transmission is chosen and accepted by the requested State for the basis (acceptance needs the directory).",
        check: |c, out| {
            let r = c.request;
            match r.channel.route {
                None => out.push(
                    "channel.route".into(),
                    msg("check.UNTOC-18-13-channel.none").arg("state", state(r)).arg("provision", cite(r, &CHANNEL)),
                ),
                Some(ch) => {
                    let Some(e) = directory_data(r) else { return };
                    let allowed = addressee::allowed_channels(e, r);
                    if allowed.is_empty() {
                        not_in_entry(out, msg("check.DIR-NO-ENTRY.add.channels"));
                    } else if !allowed.contains(&ch) {
                        out.push(
                            "channel.route".into(),
                            msg("check.UNTOC-18-13-channel.not_accepted")
                                .arg("state", state(r))
                                .arg("channel", option(ch))
                                .arg("accepted", options(&allowed))
                                .arg("provision", cite(r, &CHANNEL)),
                        );
                    }
                }
            }
        },
    },
    Rule {
        code: "UNTOC-18-13-interpol",
        severity: Severity::Warning,
        provision: INTERPOL,
        summary: "INTERPOL is used only for urgent requests, and the formal request follows through the ordinary channel.",
        check: |c, out| {
            let r = c.request;
            if r.channel.route != Some(Channel::Interpol) {
                return;
            }
            if !r.urgency.flag {
                out.push(
                    "channel.route".into(),
                    msg("check.UNTOC-18-13-interpol.not_urgent").arg("state", state(r)).arg("provision", cite(r, &INTERPOL)),
                );
            } else if let Some(e) = directory_data(r) {
                match addressee::channel_rules(e, r).into_iter().find_map(|c| c.interpol_urgent.filter(|a| *a != Acceptance::Unknown)) {
                    Some(Acceptance::No) => out.push(
                        "channel.route".into(),
                        msg("check.UNTOC-18-13-interpol.refused").arg("state", state(r)).arg("provision", cite(r, &INTERPOL)),
                    ),
                    Some(_) => {}
                    None => not_in_entry(out, msg("check.DIR-NO-ENTRY.add.interpol")),
                }
            }
        },
    },
    Rule {
        code: "BUD-27-9-copy",
        severity: Severity::Warning,
        provision: cites!(BUDAPEST "Budapest Convention art. 27(9)(a)"),
        summary: "A Budapest request sent directly between judicial authorities or through INTERPOL is copied to the central authorities.",
        check: |c, out| {
            let r = c.request;
            if r.basis.primary == Some(Instrument::Budapest)
                && matches!(r.channel.route, Some(Channel::DirectJudicial | Channel::Interpol))
                && !r.channel.copy_to_central_auth
            {
                out.push(
                    "channel.copy_to_central_auth".into(),
                    msg("check.BUD-27-9-copy.copy").arg("state", state(r)),
                );
            }
        },
    },
    Rule {
        code: "UNTOC-18-14-lang",
        severity: Severity::Error,
        provision: LANGUAGE,
        summary: "The language of the request is given and accepted by the requested State (acceptance needs the directory).",
        check: |c, out| {
            let r = c.request;
            match language_named(r.lang.request, &r.lang.request_other) {
                None => {
                    let path = if r.lang.request == Some(DocumentLanguage::Other) { "lang.request_other" } else { "lang.request" };
                    out.push(path.into(), msg("check.UNTOC-18-14-lang.none").arg("state", state(r)).arg("provision", cite(r, &LANGUAGE)));
                }
                Some(language) => {
                    let Some(e) = directory_data(r) else { return };
                    let accepted = addressee::accepted_languages(e, r);
                    // Another language is named by its code: accepted when the
                    // entry lists that code (text an older draft typed that
                    // names no language is accepted by no entry).
                    let code = r.lang.request.and_then(DocumentLanguage::code).unwrap_or(r.lang.request_other.trim());
                    let is_accepted = accepted.iter().any(|a| a.lang.trim().eq_ignore_ascii_case(code));
                    if accepted.is_empty() {
                        not_in_entry(out, msg("check.DIR-NO-ENTRY.add.languages"));
                    } else if !is_accepted {
                        out.push(
                            "lang.request".into(),
                            msg("check.UNTOC-18-14-lang.not_accepted")
                                .arg("state", state(r))
                                .arg("language", language)
                                .arg("accepted", languages(accepted, e))
                                .arg("provision", cite(r, &LANGUAGE)),
                        );
                    }
                }
            }
        },
    },
    Rule {
        code: "UNTOC-18-14-fixed",
        severity: Severity::Warning,
        provision: LANGUAGE,
        summary: "A request to be sent in a language other than the six has its fixed text printed in the drafting language (else English), to be translated whole.",
        check: |c, out| {
            let r = c.request;
            if r.lang.request != Some(DocumentLanguage::Other) || blank(&r.lang.request_other) {
                return;
            }
            let printed = r.lang.drafting.filter(|l| l.code().is_some()).unwrap_or(DocumentLanguage::En);
            out.push(
                "lang.request_other".into(),
                msg("check.UNTOC-18-14-fixed.fallback")
                    .arg("language", Arg::Language(r.lang.request_other.trim().to_string()))
                    .arg("printed", option(printed))
                    .arg("state", state(r))
                    .arg("provision", cite(r, &LANGUAGE)),
            );
        },
    },
    Rule {
        code: "UNTOC-18-14-trans",
        severity: Severity::Error,
        provision: TRANSLATION,
        summary: "A request sent in another language than it was drafted in has a finished (and, where required, certified) translation.",
        check: |c, out| {
            let r = c.request;
            let (Some(d), Some(q)) = (language_named(r.lang.drafting, &r.lang.drafting_other), language_named(r.lang.request, &r.lang.request_other)) else {
                return;
            };
            let same = match (r.lang.drafting, r.lang.request) {
                (Some(DocumentLanguage::Other), Some(DocumentLanguage::Other)) => {
                    r.lang.drafting_other.trim().eq_ignore_ascii_case(r.lang.request_other.trim())
                }
                (drafting, request) => drafting == request,
            };
            if same {
                return;
            }
            match r.translation.status {
                Some(TranslationStatus::Certified) => {}
                Some(TranslationStatus::Done) => {
                    let Some(e) = directory_data(r) else { return };
                    match addressee::language_rules(e, r).into_iter().find_map(|l| l.certified_translation) {
                        Some(true) => out.push(
                            "translation.status".into(),
                            msg("check.UNTOC-18-14-trans.certified").arg("state", state(r)).arg("provision", cite(r, &TRANSLATION)),
                        ),
                        Some(false) => {}
                        None => not_in_entry(out, msg("check.DIR-NO-ENTRY.add.certified_translation")),
                    }
                }
                _ => out.push(
                    "translation.status".into(),
                    msg("check.UNTOC-18-14-trans.unfinished")
                        .arg("drafting", d)
                        .arg("language", q)
                        .arg("state", state(r))
                        .arg("provision", cite(r, &TRANSLATION)),
                ),
            }
        },
    },
    Rule {
        code: "DIR-NO-ENTRY",
        severity: Severity::Warning,
        provision: cites!(; "Directory of competent authorities"),
        summary: "The directory has a record for the requested State, with what the other rules need of it: one line says what to add and which provisions it serves.",
        // Worded by `run_unworded` from the gaps every rule records
        // (`directory_gaps`), at this rule's place in the catalogue.
        check: |_, _| {},
    },
    Rule {
        code: "DIR-STALE",
        severity: Severity::Warning,
        provision: cites!(; "Directory of competent authorities"),
        summary: "The requested State's directory entry is less than a year old.",
        check: |c, out| {
            let r = c.request;
            let Some(p) = entry(r).and_then(|e| e.provenance.as_ref()) else { return };
            let Some(text) = p.as_of.as_deref().or(p.source_date.as_deref()) else { return };
            if crate::directory::parse_date(text).is_some_and(|d| (c.today - d).whole_days() > 365) {
                out.push("req_state".into(), msg("check.DIR-STALE.old").arg("state", state(r)).arg("date", day(text)));
            }
        },
    },
    Rule {
        code: "DIR-NO-SOURCE",
        severity: Severity::Warning,
        provision: cites!(; "Directory of competent authorities"),
        summary: "The requested State's directory entry names its source and the date it is valid on.",
        check: |c, out| {
            let r = c.request;
            let Some(e) = entry(r) else { return };
            let sourced = e.provenance.as_ref().is_some_and(|p| !blank(&p.source_title) && (p.as_of.is_some() || p.source_date.is_some()));
            if !sourced {
                out.push("req_state".into(), msg("check.DIR-NO-SOURCE.none").arg("state", state(r)));
            }
        },
    },
    Rule {
        code: "DIR-FICTITIOUS",
        severity: Severity::Error,
        provision: cites!(; "Directory of competent authorities"),
        summary: "Outside demo mode, a request is not addressed to a fictitious State of the demo directory (it would leave only as a draft).",
        check: |c, out| {
            let r = c.request;
            if !c.mode.is_demo() && addressee::fictitious(r) {
                out.push("req_state".into(), msg("check.DIR-FICTITIOUS.outside_demo").arg("state", state(r)));
            }
        },
    },
    Rule {
        code: "TRANSMIT-SECURITY",
        severity: Severity::Warning,
        provision: cites!(BUDAPEST "Budapest Convention art. 25(3)"; "Directory"),
        summary: "Electronic transmission meets the requested State's requirements for encryption and electronic signature (needs the directory).",
        check: |c, out| {
            let r = c.request;
            let (Some(m), Some(e)) = (r.channel.means, directory_data(r)) else { return };
            let means = addressee::accepted_means(e, r);
            if !means.is_empty() && !means.contains(&m) {
                out.push(
                    "channel.means".into(),
                    msg("check.TRANSMIT-SECURITY.means").arg("state", state(r)).arg("means", option(m)).arg("accepted", options(&means)),
                );
            }
            if !matches!(m, TransmissionMeans::Email | TransmissionMeans::Fax | TransmissionMeans::SecureSystem) {
                return;
            }
            let rules = addressee::channel_rules(e, r);
            let encryption = rules.iter().find(|c| c.encryption_required.is_some());
            let signature = rules.iter().find(|c| c.e_signature_required.is_some());
            // A secure system is the State's own encrypted channel.
            if let Some(c) = encryption.filter(|c| c.encryption_required == Some(true) && m != TransmissionMeans::SecureSystem && !r.channel.encryption) {
                out.push(
                    "channel.encryption".into(),
                    msg("check.TRANSMIT-SECURITY.encryption").arg("state", state(r)).arg("means", option(m)).arg("details", directory_note(&c.encryption_note)),
                );
            }
            if let Some(c) = signature.filter(|c| c.e_signature_required == Some(true)) {
                if !r.sign.e_signature {
                    out.push(
                        "sign.e_signature".into(),
                        msg("check.TRANSMIT-SECURITY.e_signature").arg("state", state(r)).arg("means", option(m)).arg("details", directory_note(&c.e_signature_note)),
                    );
                }
            }
            if encryption.is_none() || signature.is_none() {
                not_in_entry(out, msg("check.DIR-NO-ENTRY.add.security"));
            }
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::{example, found, found_in, gap, only_finding, run, silent, with_empty_entry, with_demo_entry, Example::{self, Mla, Preservation, Emergency, Transfer}};

    #[test]
    fn examples_raise_no_errors_and_only_directory_warnings_from_this_section() {
        for kind in Example::ALL {
            let r = example(kind);
            for f in run(&r) {
                if RULES.iter().any(|rule| rule.code == f.code) {
                    assert_ne!(f.severity, Severity::Error, "{kind:?}: {f:?}");
                    if f.severity == Severity::Warning {
                        assert_eq!(f.code, "DIR-NO-ENTRY", "{kind:?}: {f:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn penalty_text_is_read_in_years() {
        assert_eq!(max_penalty_years("10 years' imprisonment"), Some(10.0));
        assert_eq!(max_penalty_years("imprisonment of two to twelve years"), Some(12.0));
        assert_eq!(max_penalty_years("up to 6 months"), Some(0.5));
        assert_eq!(max_penalty_years("life imprisonment"), Some(f64::INFINITY));
        assert_eq!(max_penalty_years("a fine"), Some(0.0));
        assert_eq!(max_penalty_years("see annex"), None);
    }

    #[test]
    fn treaty_basis_in_force_could_not_be_confirmed() {
        let r = with_empty_entry(example(Mla));
        let f = gap(&r, "BASIS-IN-FORCE", "its status under");
        assert!(f.message.contains("Kingdom of Norland"));
    }

    #[test]
    fn reciprocity_basis_has_no_in_force_check() {
        let mut r = example(Mla);
        r.basis.primary = Some(Instrument::Reciprocity);
        assert!(found(&r, "BASIS-IN-FORCE").is_empty());
    }

    #[test]
    fn reservations_under_a_convention_could_not_be_checked() {
        gap(&with_empty_entry(example(Preservation)), "BASIS-RESERVATION", "its reservations and declarations under");
    }

    #[test]
    fn reservations_are_not_checked_without_a_requested_state() {
        let mut r = example(Preservation);
        r.req_state.clear();
        assert!(found(&r, "BASIS-RESERVATION").is_empty());
    }

    #[test]
    fn untoc_scope_without_organized_group_is_flagged() {
        let mut r = example(Mla);
        r.basis.organized_group = Some(YesNoUnknown::Unknown);
        let f = only_finding(&r, "UNTOC-18-1-scope", Severity::Warning, "basis.organized_group");
        assert!(f.message.contains("organized criminal group"));
        r.basis.organized_group = Some(YesNoUnknown::Yes);
        r.basis.organized_group_reason.clear();
        only_finding(&r, "UNTOC-18-1-scope", Severity::Warning, "basis.organized_group_reason");
        r.basis.transnational = Some(YesNoUnknown::No);
        r.basis.organized_group_reason = "Four persons ran the scheme together for two years.".into();
        only_finding(&r, "UNTOC-18-1-scope", Severity::Warning, "basis.transnational");
    }

    /// False alarms: the scope is answered by explicit questions, so a
    /// scope statement in any language, naming no English keyword, passes.
    #[test]
    fn untoc_scope_answered_in_any_language_is_not_flagged() {
        for statement in [
            "L'escroquerie a été commise par un groupe de quatre personnes agissant en Arden et en Norland.",
            "Мошенничество совершено группой из четырёх человек в Ардене и Норланде.",
            "ارتكبت جماعة من أربعة أشخاص الاحتيال في آردن ونورلاند.",
            "诈骗由四人团伙在阿登和诺兰实施。",
        ] {
            let mut r = example(Mla);
            r.basis.scope_statement = statement.into();
            r.basis.transnational_reason = statement.into();
            r.basis.organized_group_reason = statement.into();
            silent(&r, "UNTOC-18-1-scope");
        }
    }

    #[test]
    fn untoc_request_for_minor_offences_is_flagged() {
        let mut r = example(Mla);
        for o in &mut r.offences {
            o.name = "Petty theft".into();
            o.max_penalty = "2 years' imprisonment".into();
        }
        only_finding(&r, "UNTOC-18-1-scope", Severity::Warning, "offences");
    }

    #[test]
    fn untoc_request_with_scope_and_serious_offence_passes() {
        assert!(found(&example(Mla), "UNTOC-18-1-scope").is_empty());
    }

    #[test]
    fn uncac_request_without_corruption_offence_is_flagged() {
        let mut r = example(Mla);
        r.basis.primary = Some(Instrument::Uncac46);
        only_finding(&r, "UNCAC-46-1-scope", Severity::Warning, "offences");
        r.offences[0].category_flags.push(OffenceCategory::Corruption);
        assert!(found(&r, "UNCAC-46-1-scope").is_empty());
    }

    #[test]
    fn drug_convention_request_without_drug_offence_is_flagged() {
        let mut r = example(Mla);
        r.basis.primary = Some(Instrument::Drug88_7);
        only_finding(&r, "DRUG88-7-1-scope", Severity::Warning, "offences");
        r.offences[1].category_flags.push(OffenceCategory::Drug);
        assert!(found(&r, "DRUG88-7-1-scope").is_empty());
    }

    #[test]
    fn budapest_request_without_cyber_element_is_flagged() {
        let mut r = example(Mla);
        r.basis.primary = Some(Instrument::Budapest);
        only_finding(&r, "BUD-25-1-scope", Severity::Warning, "basis.scope_statement");
    }

    #[test]
    fn budapest_request_for_stored_data_passes() {
        let mut r = example(Mla);
        r.basis.primary = Some(Instrument::Budapest);
        r.mla.modules.push(Module::StoredData);
        assert!(found(&r, "BUD-25-1-scope").is_empty());
        assert!(found(&example(Preservation), "BUD-25-1-scope").is_empty());
    }

    #[test]
    fn reciprocity_request_without_undertaking_is_flagged() {
        let mut r = example(Mla);
        r.basis.primary = Some(Instrument::Reciprocity);
        let f = only_finding(&r, "RECIP-UNDERTAKING", Severity::Error, "basis.reciprocity_undertaking");
        assert!(f.message.contains("Kingdom of Norland"));
        r.basis.reciprocity_undertaking = true;
        assert!(found(&r, "RECIP-UNDERTAKING").is_empty());
    }

    #[test]
    fn request_without_channel_is_flagged() {
        let mut r = example(Mla);
        r.channel.route = None;
        let f = only_finding(&r, "UNTOC-18-13-channel", Severity::Error, "channel.route");
        assert!(f.message.contains("UNTOC art. 18(13)"));
        r.basis.primary = Some(Instrument::Uncac46);
        assert!(found(&r, "UNTOC-18-13-channel")[0].message.contains("UNCAC art. 46(13)"));
    }

    #[test]
    fn chosen_channel_could_not_be_checked_against_the_directory() {
        gap(&with_empty_entry(example(Mla)), "UNTOC-18-13-channel", "the channels it accepts");
    }

    #[test]
    fn interpol_for_a_request_not_marked_urgent_is_flagged() {
        let mut r = with_empty_entry(example(Transfer));
        r.channel.route = Some(Channel::Interpol);
        only_finding(&r, "UNTOC-18-13-interpol", Severity::Warning, "channel.route");
        r.urgency.flag = true;
        gap(&r, "UNTOC-18-13-interpol", "through INTERPOL");
        assert!(found(&example(Transfer), "UNTOC-18-13-interpol").is_empty());
    }

    #[test]
    fn direct_budapest_request_without_copy_to_central_authority_is_flagged() {
        let mut r = example(Preservation);
        r.channel.route = Some(Channel::DirectJudicial);
        only_finding(&r, "BUD-27-9-copy", Severity::Warning, "channel.copy_to_central_auth");
        r.channel.copy_to_central_auth = true;
        assert!(found(&r, "BUD-27-9-copy").is_empty());
    }

    #[test]
    fn request_without_language_is_flagged() {
        let mut r = example(Emergency);
        r.lang.request = None;
        only_finding(&r, "UNTOC-18-14-lang", Severity::Error, "lang.request");
        r.lang.request = Some(DocumentLanguage::Other);
        only_finding(&r, "UNTOC-18-14-lang", Severity::Error, "lang.request_other");
        gap(&with_empty_entry(example(Emergency)), "UNTOC-18-14-lang", "the languages it accepts");
    }

    #[test]
    fn request_in_another_language_says_its_fixed_text_is_in_the_drafting_language() {
        let mut r = with_empty_entry(example(Emergency));
        assert!(found(&r, "UNTOC-18-14-fixed").is_empty());
        r.lang.request = Some(DocumentLanguage::Other);
        r.lang.request_other = "no".into();
        let f = only_finding(&r, "UNTOC-18-14-fixed", Severity::Warning, "lang.request_other");
        assert!(f.message.contains("Norwegian") && f.message.contains("English") && f.message.contains("(CETS 224 art. 4)"), "{}", f.message);
        assert!(!f.message.contains("“no”") && !f.message.contains(" no "), "named, never by its code: {}", f.message);
        r.lang.drafting = Some(DocumentLanguage::Fr);
        assert!(found(&r, "UNTOC-18-14-fixed")[0].message.contains("French"));
        gap(&r, "UNTOC-18-14-lang", "the languages it accepts");
    }

    #[test]
    fn pending_translation_is_flagged() {
        let mut r = example(Transfer);
        r.translation.status = Some(TranslationStatus::Pending);
        only_finding(&r, "UNTOC-18-14-trans", Severity::Error, "translation.status");
        assert!(found(&example(Transfer), "UNTOC-18-14-trans").is_empty());
    }

    #[test]
    fn uncertified_translation_could_not_be_checked() {
        let mut r = with_empty_entry(example(Transfer));
        r.translation.status = Some(TranslationStatus::Done);
        gap(&r, "UNTOC-18-14-trans", "certified translation");
    }

    #[test]
    fn request_in_drafting_language_needs_no_translation() {
        let mut r = example(Mla);
        r.translation.status = None;
        assert!(found(&r, "UNTOC-18-14-trans").is_empty());
    }

    #[test]
    fn requested_state_without_directory_entry_is_flagged() {
        only_finding(&example(Mla), "DIR-NO-ENTRY", Severity::Warning, "req_state");
        let mut r = example(Mla);
        r.req_state.clear();
        assert!(found(&r, "DIR-NO-ENTRY").is_empty());
    }

    /// The class of requests addressed to a fictitious State: outside demo
    /// mode each is an error (so it exports only as a draft) that says why
    /// and what to do, whichever way the State is known to be fictitious;
    /// in demo mode, and for a real State, nothing.
    #[test]
    fn outside_demo_mode_a_request_to_a_fictitious_state_is_an_error() {
        use crate::checks::tests::run_real;
        let one = |r: &Request| -> Vec<_> { run_real(r).into_iter().filter(|f| f.code == "DIR-FICTITIOUS").collect() };
        for r in [example(Mla), with_demo_entry(example(Mla), "XN"), { let mut r = example(Mla); r.req_state = "XQ".into(); r }] {
            let f = one(&r);
            assert_eq!(f.len(), 1, "{f:?}");
            assert_eq!((f[0].severity, f[0].path.as_str()), (Severity::Error, "req_state"));
            assert!(f[0].message.contains("fictitious") && f[0].message.contains("draft") && f[0].message.contains("demo mode"), "{}", f[0].message);
            silent(&r, "DIR-FICTITIOUS");
        }
        let mut real = example(Mla);
        real.req_state = "France".into();
        assert!(one(&real).is_empty());
        let fr = crate::checks::run_in(&example(Mla), crate::checks::tests::today(), crate::directory::demo::Mode::Real, crate::i18n::Lang::Fr);
        let f = fr.iter().find(|f| f.code == "DIR-FICTITIOUS").expect("in French too");
        assert!(f.message.contains("fictif"), "{}", f.message);
    }

    #[test]
    fn electronic_transmission_security_could_not_be_checked() {
        gap(&with_empty_entry(example(Emergency)), "TRANSMIT-SECURITY", "encryption or an electronic signature");
        assert!(found(&example(Transfer), "TRANSMIT-SECURITY").is_empty());
    }
    /// The class of the directory rules: with the requested State's entry,
    /// each rule reads it and reports a mismatch at the field concerned,
    /// citing the provision of the request's basis.
    #[test]
    fn with_the_states_entry_a_language_it_does_not_accept_is_an_error_citing_the_basis() {
        let mut r = with_demo_entry(example(Mla), "XN");
        silent(&r, "UNTOC-18-14-lang");
        silent(&r, "DIR-NO-ENTRY");
        r.lang.request = Some(DocumentLanguage::Fr);
        let f = only_finding(&r, "UNTOC-18-14-lang", Severity::Error, "lang.request");
        assert!(f.message.contains("Kingdom of Norland") && f.message.contains("French") && f.message.contains("English"), "{}", f.message);
        assert_eq!(f.provision, "UNTOC art. 18(14)");
        r.req_state = "XV".into();
        silent(&r, "UNTOC-18-14-lang");
        only_finding(&r, "DIR-NO-ENTRY", Severity::Warning, "req_state");
    }

    #[test]
    fn with_the_states_entry_a_channel_or_means_it_does_not_accept_is_reported() {
        let mut r = with_demo_entry(example(Mla), "XN");
        silent(&r, "UNTOC-18-13-channel");
        r.channel.route = Some(Channel::Diplomatic);
        let f = only_finding(&r, "UNTOC-18-13-channel", Severity::Error, "channel.route");
        assert!(f.message.contains("central authorit"), "{}", f.message);
        r.channel.means = Some(TransmissionMeans::Fax);
        let f = found(&r, "TRANSMIT-SECURITY");
        assert!(f.iter().any(|f| f.path == "channel.means" && f.severity == Severity::Warning && f.message.contains("does not accept")), "{f:?}");
        r.channel.means = Some(TransmissionMeans::Email);
        let f = found(&r, "TRANSMIT-SECURITY");
        assert!(f.iter().any(|f| f.message.contains("encrypted")), "{f:?}");
        // Norland's secure system is its encrypted channel: nothing to add.
        r.channel.means = Some(TransmissionMeans::SecureSystem);
        assert!(found(&r, "TRANSMIT-SECURITY").is_empty());
    }

    #[test]
    fn with_the_states_entry_its_party_status_decides_whether_the_basis_is_in_force() {
        let mut r = with_demo_entry(example(Mla), "XN");
        silent(&r, "BASIS-IN-FORCE");
        let entry = r.req_state_entry.as_mut().unwrap();
        entry.instrument_status.retain(|s| s.instrument != "UNTOC");
        gap(&r, "BASIS-IN-FORCE", "its status under");
        r.req_state_entry.as_mut().unwrap().instrument_status.push(crate::directory::InstrumentStatus {
            instrument: "UNTOC".into(),
            party: PartyStatus::No,
            ..Default::default()
        });
        only_finding(&r, "BASIS-IN-FORCE", Severity::Error, "basis.primary");
        let status = r.req_state_entry.as_mut().unwrap().instrument_status.last_mut().unwrap();
        status.party = PartyStatus::Yes;
        status.in_force_from = Some("2027-01-01".into());
        let f = only_finding(&r, "BASIS-IN-FORCE", Severity::Error, "basis.primary");
        assert!(f.message.contains("2027-01-01"), "{}", f.message);
    }

    #[test]
    fn an_entry_older_than_a_year_or_without_a_source_is_flagged() {
        let mut r = with_demo_entry(example(Mla), "XN");
        silent(&r, "DIR-STALE");
        silent(&r, "DIR-NO-SOURCE");
        r.req_state_entry.as_mut().unwrap().provenance.as_mut().unwrap().as_of = Some("2025-11-26".into());
        let f = only_finding(&r, "DIR-STALE", Severity::Warning, "req_state");
        assert!(f.message.contains("2025-11-26"), "{}", f.message);
        r.req_state_entry.as_mut().unwrap().provenance.as_mut().unwrap().as_of = Some("2025-11-27".into());
        silent(&r, "DIR-STALE");
        r.req_state_entry.as_mut().unwrap().provenance = None;
        only_finding(&r, "DIR-NO-SOURCE", Severity::Warning, "req_state");
        silent(&example(Mla), "DIR-NO-SOURCE");
    }

    /// The class of the directory's gaps: whatever the rules could not
    /// check for want of directory data is said in exactly one line, that
    /// names each datum to add and cites the provisions it serves; without
    /// an entry (a warning) and with a partial one (advice) alike, and no
    /// rule says "could not check" on its own. A full entry leaves none.
    #[test]
    fn the_directory_data_a_request_lacks_is_said_in_one_line() {
        let one_line = |r: &Request, severity: Severity| -> crate::checks::Finding {
            let all = run(r);
            assert!(all.iter().all(|f| !f.message.starts_with("Could not")), "{all:?}");
            let lines: Vec<_> = all.into_iter().filter(|f| f.code == "DIR-NO-ENTRY").collect();
            assert_eq!(lines.len(), 1, "{lines:?}");
            assert_eq!((lines[0].severity, lines[0].path.as_str()), (severity, "req_state"));
            lines.into_iter().next().unwrap()
        };
        // No entry: what to add, and why.
        let r = example(Mla);
        let f = one_line(&r, Severity::Warning);
        for words in ["add Kingdom of Norland to the directory with", "its status under United Nations Convention against Transnational Organized Crime", "the channels it accepts", "the languages it accepts", "UNTOC art. 18(13)", "UNTOC art. 18(14)"] {
            assert!(f.message.contains(words), "{words:?} not in {}", f.message);
        }
        // A partial entry: only what it lacks.
        let mut partial = with_demo_entry(example(Mla), "XN");
        silent(&partial, "DIR-NO-ENTRY");
        let entry = partial.req_state_entry.as_mut().unwrap();
        entry.languages.clear();
        entry.channels.clear();
        let f = one_line(&partial, Severity::Info);
        assert!(f.message.starts_with("The directory entry of Kingdom of Norland does not give the channels it accepts, the languages it accepts, "), "{}", f.message);
        assert!(f.message.ends_with("add them to check what UNTOC art. 18(13), UNTOC art. 18(14) require."), "{}", f.message);
        assert!(!f.message.contains("status under"), "{}", f.message);
        silent(&partial, "UNTOC-18-13-channel");
        silent(&partial, "UNTOC-18-14-lang");
        // An empty entry: every datum, once, in one line.
        let f = one_line(&with_empty_entry(example(Mla)), Severity::Info);
        assert_eq!(f.message.matches("the languages it accepts").count(), 1, "{}", f.message);
        // Worded in the interface language.
        let fr = crate::checks::run_in(&example(Mla), crate::checks::tests::today(), crate::directory::demo::Mode::Demo, crate::i18n::Lang::Fr);
        let f = fr.iter().find(|f| f.code == "DIR-NO-ENTRY").unwrap();
        assert!(f.message.contains("les langues qu'il accepte"), "{}", f.message);
        // No State named: nothing to add.
        let mut none = example(Mla);
        none.req_state.clear();
        silent(&none, "DIR-NO-ENTRY");
    }

    /// The class of the answer `basis.in_force`: "no" is an error whatever
    /// the directory says (or without one); "yes" answers what the entry
    /// leaves unsaid but never overrides what it says.
    #[test]
    fn the_in_force_answer_decides_where_the_directory_is_silent_and_no_is_always_an_error() {
        let mut r = example(Mla);
        silent(&r, "BASIS-IN-FORCE");
        r.basis.in_force = Some(YesNoUnknown::No);
        let f = only_finding(&r, "BASIS-IN-FORCE", Severity::Error, "basis.in_force");
        assert!(f.message.contains("United Nations Convention against Transnational Organized Crime") && f.message.contains("Kingdom of Norland"), "{}", f.message);
        let mut r = with_demo_entry(example(Mla), "XN");
        r.basis.in_force = Some(YesNoUnknown::No);
        only_finding(&r, "BASIS-IN-FORCE", Severity::Error, "basis.in_force");
        // The entry silent: "unknown" leaves it to the directory's one line
        // (what to add), "yes" settles it.
        r.req_state_entry.as_mut().unwrap().instrument_status.retain(|s| s.instrument != "UNTOC");
        r.basis.in_force = Some(YesNoUnknown::Unknown);
        gap(&r, "BASIS-IN-FORCE", "its status under");
        r.basis.in_force = Some(YesNoUnknown::Yes);
        silent(&r, "BASIS-IN-FORCE");
        assert!(found(&r, "DIR-NO-ENTRY").iter().all(|f| !f.message.contains("its status under")), "a yes answers what the entry leaves unsaid");
        // The entry says it is not in force: a "yes" does not hide it.
        r.req_state_entry.as_mut().unwrap().instrument_status.push(crate::directory::InstrumentStatus {
            instrument: "UNTOC".into(),
            party: PartyStatus::Signatory,
            ..Default::default()
        });
        only_finding(&r, "BASIS-IN-FORCE", Severity::Error, "basis.primary");
        // Reciprocity is no treaty: nothing to be in force.
        r.basis.primary = Some(Instrument::Reciprocity);
        r.basis.in_force = Some(YesNoUnknown::No);
        silent(&r, "BASIS-IN-FORCE");
    }

    /// Norland's demo entry listing a bilateral treaty with Arden (`XA`),
    /// the requesting State of the examples.
    fn with_treaty(r: Request) -> Request {
        let mut r = with_demo_entry(r, "XN");
        r.own_state = "XA".into();
        let e = r.req_state_entry.as_mut().unwrap();
        e.instrument_status[0].bilateral_treaties.push(crate::directory::BilateralTreaty {
            partner_state: "xa".into(),
            title: "Treaty between Arden and Norland on Mutual Legal Assistance".into(),
            date: Some("1998-05-12".into()),
            ..Default::default()
        });
        r
    }

    #[test]
    fn a_bilateral_treaty_with_the_requesting_state_asks_whether_the_convention_paragraphs_apply_instead() {
        let mut r = with_treaty(example(Mla));
        let f = only_finding(&r, "UNTOC-18-7-treaty", Severity::Info, "basis.use_convention_paras");
        assert!(f.message.contains("Treaty between Arden and Norland on Mutual Legal Assistance (1998-05-12)"), "{}", f.message);
        assert!(f.message.contains("(UNTOC art. 18(7))") && f.provision == "UNTOC art. 18(7)", "{} {}", f.message, f.provision);
        r.basis.use_convention_paras = Some(YesNoUnknown::Unknown);
        only_finding(&r, "UNTOC-18-7-treaty", Severity::Info, "basis.use_convention_paras");
        r.basis.use_convention_paras = Some(YesNoUnknown::No);
        let f = only_finding(&r, "UNTOC-18-7-treaty", Severity::Info, "basis.use_convention_paras");
        assert!(f.message.contains("governs"), "{}", f.message);
        r.basis.use_convention_paras = Some(YesNoUnknown::Yes);
        silent(&r, "UNTOC-18-7-treaty");
        // Under UNCAC the message and the finding cite UNCAC art. 46(7).
        r.basis.use_convention_paras = None;
        r.basis.primary = Some(Instrument::Uncac46);
        let f = found(&r, "UNTOC-18-7-treaty");
        assert!(f.len() == 1 && f[0].message.contains("(UNCAC art. 46(7))") && f[0].provision == "UNCAC art. 46(7)", "{f:?}");
    }

    #[test]
    fn no_treaty_question_without_a_treaty_with_the_requesting_state_or_under_another_basis() {
        silent(&with_demo_entry(example(Mla), "XN"), "UNTOC-18-7-treaty");
        let mut r = with_treaty(example(Mla));
        r.own_state = "XB".into();
        silent(&r, "UNTOC-18-7-treaty");
        let mut r = with_treaty(example(Mla));
        r.own_state.clear();
        silent(&r, "UNTOC-18-7-treaty");
        let mut r = with_treaty(example(Mla));
        r.req_state_entry.as_mut().unwrap().instrument_status[0].bilateral_treaties[0].in_force = Some(false);
        silent(&r, "UNTOC-18-7-treaty");
        let mut r = with_treaty(example(Mla));
        r.basis.primary = Some(Instrument::Budapest);
        silent(&r, "UNTOC-18-7-treaty");
        // Without the entry, nothing is known of a treaty.
        let mut r = with_treaty(example(Mla));
        r.req_state_entry = None;
        silent(&r, "UNTOC-18-7-treaty");
    }

    #[test]
    fn encryption_ticked_answers_a_state_that_requires_it_and_only_then() {
        let mut r = with_demo_entry(example(Mla), "XN");
        r.req_state_entry.as_mut().unwrap().channels[0].means.push(crate::directory::AcceptedMeans::Email);
        r.channel.means = Some(TransmissionMeans::Email);
        let f = only_finding(&r, "TRANSMIT-SECURITY", Severity::Warning, "channel.encryption");
        assert!(f.message.contains("encrypted"), "{}", f.message);
        r.channel.encryption = true;
        silent(&r, "TRANSMIT-SECURITY");
        // A State that does not require it: no warning, ticked or not.
        r.channel.encryption = false;
        r.req_state_entry.as_mut().unwrap().channels[0].encryption_required = Some(false);
        silent(&r, "TRANSMIT-SECURITY");
    }

    /// Messages name a language the State accepts, never by its bare code.
    #[test]
    fn accepted_languages_are_named_in_messages_never_by_a_bare_code() {
        let mut r = with_demo_entry(example(Mla), "XN");
        r.lang.request = Some(DocumentLanguage::Fr);
        let f = only_finding(&r, "UNTOC-18-14-lang", Severity::Error, "lang.request");
        assert!(f.message.contains("the official language of Kingdom of Norland, English"), "{}", f.message);
        assert!(!f.message.contains("qaa"), "{}", f.message);
        let e = r.req_state_entry.as_mut().unwrap();
        e.official_languages = vec!["qaa".into(), "qab".into()];
        e.languages[0].accepted.push(crate::directory::AcceptedLanguage { lang: "xx".into(), condition: "always".into() });
        let f = found(&r, "UNTOC-18-14-lang");
        assert!(f[0].message.contains("an official language of Kingdom of Norland (ISO 639 code qaa)"), "{}", f[0].message);
        assert!(f[0].message.contains("the language with ISO 639 code xx"), "{}", f[0].message);
    }

    /// A language beyond the six is compared by its code with the codes
    /// the State accepts, and named from the CLDR in the interface language.
    #[test]
    fn another_language_is_accepted_by_its_code_and_named_in_the_interface_language() {
        let mut r = with_demo_entry(example(Mla), "XN");
        r.lang.request = Some(DocumentLanguage::Other);
        r.lang.request_other = "de".into();
        let f = only_finding(&r, "UNTOC-18-14-lang", Severity::Error, "lang.request");
        assert!(f.message.contains("German"), "{}", f.message);
        let fr = found_in(&r, "UNTOC-18-14-lang", crate::i18n::Lang::Fr);
        assert!(fr[0].message.contains("allemand") && !fr[0].message.contains("German"), "{}", fr[0].message);
        // Accepted: the entry lists the code itself (no longer any language beyond the six).
        let e = r.req_state_entry.as_mut().unwrap();
        e.languages[0].accepted.push(crate::directory::AcceptedLanguage { lang: "de".into(), condition: "always".into() });
        assert!(found(&r, "UNTOC-18-14-lang").is_empty());
        r.lang.request_other = "nl".into();
        assert_eq!(found(&r, "UNTOC-18-14-lang").len(), 1, "Norlandic (qaa) accepted is not Dutch accepted");
        let fr = found_in(&r, "UNTOC-18-14-lang", crate::i18n::Lang::Fr);
        assert!(fr[0].message.contains("néerlandais") && fr[0].message.contains("allemand"), "the accepted ones named too: {}", fr[0].message);
    }
}
