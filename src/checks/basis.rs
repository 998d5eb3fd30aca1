//! Section B: legal basis, channel, language and the directory of competent authorities.
//!
//! Rules that need the directory of competent authorities read the copy of
//! the requested State's entry the request carries
//! ([`crate::request::addressee`]). Without one, `DIR-NO-ENTRY` says once
//! what to add; with one that is silent on a point, the rule says what it
//! could not check.

use super::{blank, msg, option, state, Arg, Findings, Message, Rule, Severity};
use crate::request::{Channel, DocumentLanguage, Instrument, Module, OffenceCategory, Request, RequestKind, TranslationStatus, TransmissionMeans, YesNoUnknown};
use super::provision::{Provision, cites};
use crate::directory::{Acceptance, PartyStatus};
use crate::request::addressee::{self, entry};

/// The instrument as the messages name it (the citation, for a bilateral treaty).
pub(super) fn instrument_name(r: &Request, i: Instrument) -> Arg {
    if i == Instrument::Bilateral && !blank(&r.basis.treaty_citation) {
        Arg::Text(r.basis.treaty_citation.trim().to_string())
    } else {
        option(i).into()
    }
}

/// Whether an instrument is a treaty (everything but reciprocity and the
/// non-binding Harare Scheme).
fn is_treaty(i: Instrument) -> bool {
    !matches!(i, Instrument::Reciprocity | Instrument::Harare)
}

/// What a message cites of rule table `provision`: the provision of the
/// request's basis, as the finding does.
pub(super) fn cite(r: &Request, provision: &'static Provision) -> Arg {
    provision.for_request(r).arg()
}

/// Reports, as advice, what a rule could not check because the requested
/// State's directory entry does not say it (each such message names the
/// State with `{state}`). Without an entry, the rules stay silent and
/// `DIR-NO-ENTRY` says once what to add to the directory.
pub(super) fn not_in_entry(out: &mut Findings, r: &Request, path: &str, message: Message) {
    if entry(r).is_some() {
        out.push_at(Severity::Info, path.to_string(), message.arg("state", state(r)));
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

/// The languages a State accepts, as the messages list them: one of the
/// six by its wording, another by its code.
pub(super) fn languages(accepted: &[crate::directory::AcceptedLanguage]) -> Arg {
    list(accepted.iter().map(|a| match DocumentLanguage::from_code(&a.lang) {
        Some(l) => option(l).into(),
        None => a.lang.as_str().into(),
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
/// its name in the interface language, another by its name as typed; none
/// when it is not given.
fn language_named(choice: Option<DocumentLanguage>, other: &str) -> Option<Arg> {
    match choice? {
        DocumentLanguage::Other if blank(other) => None,
        DocumentLanguage::Other => Some(other.trim().into()),
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
        summary: "The treaty chosen as legal basis is in force between the two States (needs the directory).",
        check: |c, out| {
            let r = c.request;
            let (Some(i), Some(e)) = (r.basis.primary, entry(r)) else { return };
            if !is_treaty(i) {
                return;
            }
            let status = addressee::basis_status(e, r);
            let named = |key| msg(key).arg("instrument", instrument_name(r, i)).arg("state", state(r));
            match status.map(|s| (s.party, s.in_force_from.as_deref())) {
                Some((PartyStatus::No, _)) => out.push("basis.primary".into(), named("check.BASIS-IN-FORCE.not_party")),
                Some((PartyStatus::Signatory, _)) => out.push("basis.primary".into(), named("check.BASIS-IN-FORCE.signatory")),
                Some((PartyStatus::Yes, Some(from))) if crate::directory::parse_date(from).is_some_and(|d| d > c.today) => {
                    out.push("basis.primary".into(), named("check.BASIS-IN-FORCE.not_yet").arg("date", day(from)))
                }
                Some((PartyStatus::Yes, _)) if status.is_some_and(|s| s.usable_as_basis == Some(Acceptance::No)) => {
                    out.push("basis.primary".into(), named("check.BASIS-IN-FORCE.not_usable"))
                }
                Some((PartyStatus::Yes, _)) => {}
                Some((PartyStatus::Unknown, _)) | None => not_in_entry(out, r, "basis.primary", named("check.BASIS-IN-FORCE.not_in_entry")),
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
            let (Some(i), Some(e)) = (r.basis.primary, entry(r)) else { return };
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
                _ => not_in_entry(out, r, "basis.primary", msg("check.BASIS-RESERVATION.not_in_entry").arg("instrument", instrument_name(r, i))),
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
                    let Some(e) = entry(r) else { return };
                    let allowed = addressee::allowed_channels(e, r);
                    if allowed.is_empty() {
                        let message = match r.basis.primary {
                            Some(i) => msg("check.UNTOC-18-13-channel.not_in_entry_under").arg("instrument", instrument_name(r, i)),
                            None => msg("check.UNTOC-18-13-channel.not_in_entry"),
                        };
                        not_in_entry(out, r, "channel.route", message.arg("channel", option(ch)));
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
            } else if let Some(e) = entry(r) {
                match addressee::channel_rules(e, r).into_iter().find_map(|c| c.interpol_urgent.filter(|a| *a != Acceptance::Unknown)) {
                    Some(Acceptance::No) => out.push(
                        "channel.route".into(),
                        msg("check.UNTOC-18-13-interpol.refused").arg("state", state(r)).arg("provision", cite(r, &INTERPOL)),
                    ),
                    Some(_) => {}
                    None => not_in_entry(out, r, "channel.route", msg("check.UNTOC-18-13-interpol.not_in_entry")),
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
                    let Some(e) = entry(r) else { return };
                    let accepted = addressee::accepted_languages(e, r);
                    let is_accepted = match r.lang.request.and_then(DocumentLanguage::code) {
                        Some(code) => accepted.iter().any(|a| a.lang == code),
                        // Another language is named as typed: it is taken as
                        // accepted when the State accepts one beyond the six.
                        None => accepted.iter().any(|a| DocumentLanguage::from_code(&a.lang).is_none()),
                    };
                    if accepted.is_empty() {
                        not_in_entry(out, r, "lang.request", msg("check.UNTOC-18-14-lang.not_in_entry").arg("language", language));
                    } else if !is_accepted {
                        out.push(
                            "lang.request".into(),
                            msg("check.UNTOC-18-14-lang.not_accepted")
                                .arg("state", state(r))
                                .arg("language", language)
                                .arg("accepted", languages(accepted))
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
                    .arg("language", r.lang.request_other.trim())
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
                    r.lang.drafting_other.trim().to_lowercase() == r.lang.request_other.trim().to_lowercase()
                }
                (drafting, request) => drafting == request,
            };
            if same {
                return;
            }
            match r.translation.status {
                Some(TranslationStatus::Certified) => {}
                Some(TranslationStatus::Done) => {
                    let Some(e) = entry(r) else { return };
                    match addressee::language_rules(e, r).into_iter().find_map(|l| l.certified_translation) {
                        Some(true) => out.push(
                            "translation.status".into(),
                            msg("check.UNTOC-18-14-trans.certified").arg("state", state(r)).arg("provision", cite(r, &TRANSLATION)),
                        ),
                        Some(false) => {}
                        None => not_in_entry(out, r, "translation.status", msg("check.UNTOC-18-14-trans.not_in_entry")),
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
        summary: "The directory has a record for the requested State.",
        check: |c, out| {
            let r = c.request;
            if !blank(&r.req_state) && entry(r).is_none() {
                out.push(
                    "req_state".into(),
                    msg("check.DIR-NO-ENTRY.no_entry").arg("state", state(r)),
                );
            }
        },
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
        code: "TRANSMIT-SECURITY",
        severity: Severity::Warning,
        provision: cites!(BUDAPEST "Budapest Convention art. 25(3)"; "Directory"),
        summary: "Electronic transmission meets the requested State's requirements for encryption and electronic signature (needs the directory).",
        check: |c, out| {
            let r = c.request;
            let (Some(m), Some(e)) = (r.channel.means, entry(r)) else { return };
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
            if let Some(c) = encryption.filter(|c| c.encryption_required == Some(true) && m != TransmissionMeans::SecureSystem) {
                out.push(
                    "channel.means".into(),
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
                not_in_entry(out, r, "channel.means", msg("check.TRANSMIT-SECURITY.not_in_entry").arg("means", option(m)));
            }
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::{example, found, only_finding, run, silent, with_empty_entry, with_demo_entry, Example::{self, Mla, Preservation, Emergency, Transfer}};

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
        let f = only_finding(&r, "BASIS-IN-FORCE", Severity::Info, "basis.primary");
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
        only_finding(&with_empty_entry(example(Preservation)), "BASIS-RESERVATION", Severity::Info, "basis.primary");
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
        let f = only_finding(&with_empty_entry(example(Mla)), "UNTOC-18-13-channel", Severity::Info, "channel.route");
        assert!(f.message.starts_with("Could not check"));
    }

    #[test]
    fn interpol_for_a_request_not_marked_urgent_is_flagged() {
        let mut r = with_empty_entry(example(Transfer));
        r.channel.route = Some(Channel::Interpol);
        only_finding(&r, "UNTOC-18-13-interpol", Severity::Warning, "channel.route");
        r.urgency.flag = true;
        only_finding(&r, "UNTOC-18-13-interpol", Severity::Info, "channel.route");
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
        only_finding(&with_empty_entry(example(Emergency)), "UNTOC-18-14-lang", Severity::Info, "lang.request");
    }

    #[test]
    fn request_in_another_language_says_its_fixed_text_is_in_the_drafting_language() {
        let mut r = with_empty_entry(example(Emergency));
        assert!(found(&r, "UNTOC-18-14-fixed").is_empty());
        r.lang.request = Some(DocumentLanguage::Other);
        r.lang.request_other = "Norwegian".into();
        let f = only_finding(&r, "UNTOC-18-14-fixed", Severity::Warning, "lang.request_other");
        assert!(f.message.contains("Norwegian") && f.message.contains("English") && f.message.contains("(CETS 224 art. 4)"), "{}", f.message);
        r.lang.drafting = Some(DocumentLanguage::Fr);
        assert!(found(&r, "UNTOC-18-14-fixed")[0].message.contains("French"));
        let lang = found(&r, "UNTOC-18-14-lang");
        assert!(lang[0].message.contains("\"Norwegian\""), "{}", lang[0].message);
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
        only_finding(&r, "UNTOC-18-14-trans", Severity::Info, "translation.status");
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

    #[test]
    fn electronic_transmission_security_could_not_be_checked() {
        only_finding(&with_empty_entry(example(Emergency)), "TRANSMIT-SECURITY", Severity::Info, "channel.means");
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
        only_finding(&r, "BASIS-IN-FORCE", Severity::Info, "basis.primary");
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

    /// Without an entry, the rules that need one stay silent and one line
    /// says what to add; with an empty entry, each says what it could not check.
    #[test]
    fn without_an_entry_one_line_says_what_to_add_to_the_directory() {
        let r = example(Mla);
        let notes: Vec<_> = run(&r).into_iter().filter(|f| f.message.starts_with("Could not")).collect();
        assert!(notes.is_empty(), "{notes:?}");
        let f = only_finding(&r, "DIR-NO-ENTRY", Severity::Warning, "req_state");
        assert!(f.message.contains("Add Kingdom of Norland to the directory"), "{}", f.message);
        let empty = with_empty_entry(r);
        silent(&empty, "DIR-NO-ENTRY");
        assert!(run(&empty).iter().any(|f| f.message.starts_with("Could not")));
    }

}
