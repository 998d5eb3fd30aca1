//! Section D: urgency, deadlines, confidentiality, use limitation and costs.

use time::Date;

use super::{blank, msg, state, Message, Rule, Severity};
use super::provision::cites;
use crate::request::emergency::EmergencyRoute;
use crate::request::mla::RealTimeType;
use crate::request::{Channel, DataCategory, Module, PersonRole, Request, RequestKind, YesNoUnknown};

/// Parses a stored date `YYYY-MM-DD`.
fn parse_date(s: &str) -> Option<Date> {
    Date::parse(s.trim(), time::macros::format_description!("[year]-[month]-[day]")).ok()
}

/// Kinds whose urgent request needs a deadline: MLA, preservation and
/// transfer requests, and an emergency request sent as an MLA request (CETS
/// 224 art. 10). An art. 9 emergency disclosure is urgent by definition.
fn deadline_step(r: &Request) -> bool {
    match r.kind {
        RequestKind::MlaEvidence | RequestKind::TransferOfProceedings | RequestKind::Preservation => true,
        RequestKind::EmergencyDisclosure => r.emergency.route == Some(EmergencyRoute::Art10Mla),
    }
}

/// Channels that can carry an urgent request quickly.
fn urgent_channel(r: &Request) -> bool {
    matches!(r.channel.route, Some(Channel::Interpol | Channel::Network247 | Channel::DirectJudicial | Channel::DirectToProvider))
}

/// Modules or items that often cause extraordinary costs (UNTOC art. 18(28)).
fn costly_measures(r: &Request) -> Vec<Message> {
    let mut found = Vec::new();
    if r.kind != RequestKind::MlaEvidence {
        return found;
    }
    let m = &r.mla;
    if m.modules.contains(&Module::Videoconference) {
        found.push(msg("check.word.cost.videoconference"));
    }
    if m.modules.contains(&Module::DetaineeTransfer) {
        found.push(msg("check.word.cost.detainee_transfer"));
    }
    if m.modules.contains(&Module::Appearance) {
        found.push(msg("check.word.cost.appearance"));
    }
    if m.modules.contains(&Module::Examination) && m.examination.iter().any(|e| !blank(&e.questions_for_expert)) {
        found.push(msg("check.word.cost.expert"));
    }
    let content = m.modules.contains(&Module::StoredData) && m.stored_data.iter().any(|d| d.data.categories.contains(&DataCategory::Content));
    let interception = m.modules.contains(&Module::RealTime) && m.real_time.iter().any(|t| t.data_type == Some(RealTimeType::Content));
    if content || interception {
        found.push(msg("check.word.cost.data"));
    }
    found
}

/// The rules of this section, in catalogue order.
pub(super) static RULES: &[Rule] = &[
    Rule {
        code: "UNTOC-18-24-reasons",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(24)", UNCAC_46 "UNCAC art. 46(24)", BUDAPEST "Budapest Convention art. 27(7)", MT_45_117 "GA res. 45/117 art. 6"),
        summary: "An urgent request says why it is urgent, with a reason chosen and a concrete explanation.",
        check: |c, out| {
            let r = c.request;
            if !r.urgency.flag {
                return;
            }
            if r.urgency.reasons.is_empty() {
                out.push("urgency.reasons".into(), msg("check.UNTOC-18-24-reasons.no_reason"));
            }
            if blank(&r.urgency.reason_text) {
                out.push(
                    "urgency.reason_text".into(),
                    msg("check.UNTOC-18-24-reasons.no_text").arg("state", state(r)),
                );
            }
        },
    },
    Rule {
        code: "UNTOC-18-24-deadline",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(24)", UNCAC_46 "UNCAC art. 46(24)", BUDAPEST "Budapest Convention art. 27(7)", MT_45_117 "GA res. 45/117 art. 5(1)(f)", HARARE "Harare Scheme para. 14"),
        summary: "An urgent request gives the date by which execution is needed and why.",
        check: |c, out| {
            let r = c.request;
            if !r.urgency.flag || !deadline_step(r) {
                return;
            }
            out.need(&r.deadline.date, "deadline.date", msg("check.UNTOC-18-24-deadline.date"));
            out.need(&r.deadline.reason, "deadline.reason", msg("check.UNTOC-18-24-deadline.reason"));
        },
    },
    Rule {
        code: "DEADLINE-PAST",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(24)", UNCAC_46 "UNCAC art. 46(24)", BUDAPEST "Budapest Convention art. 27(7)", MT_45_117 "GA res. 45/117 art. 5(1)(f)"),
        summary: "The deadline is a valid date after today.",
        check: |c, out| {
            let r = c.request;
            if blank(&r.deadline.date) {
                return;
            }
            match parse_date(&r.deadline.date) {
                None => out.push("deadline.date".into(), msg("check.DEADLINE-PAST.not_a_date").arg("value", r.deadline.date.trim())),
                Some(d) if d <= c.today => out.push(
                    "deadline.date".into(),
                    msg("check.DEADLINE-PAST.past").arg("date", d).arg("state", state(r)),
                ),
                Some(_) => {}
            }
        },
    },
    Rule {
        code: "DEADLINE-TIGHT",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(13), 18(24)", UNCAC_46 "UNCAC art. 46(13), 46(24)", BUDAPEST "Budapest Convention art. 27(7)", MT_45_117 "GA res. 45/117 art. 5(1)(f)"),
        summary: "A deadline under 30 days away is paired with a channel that can carry urgent requests.",
        check: |c, out| {
            let r = c.request;
            let Some(d) = parse_date(&r.deadline.date) else { return };
            let days = (d - c.today).whole_days();
            if days > 0 && days < 30 && !urgent_channel(r) {
                out.push(
                    "deadline.date".into(),
                    msg("check.DEADLINE-TIGHT.tight").arg("date", d).arg("days", days).arg("state", state(r)),
                );
            }
        },
    },
    Rule {
        code: "URGENCY-IMPLICIT",
        severity: Severity::Info,
        provision: cites!(UNTOC_18 "UNTOC art. 18(24)", UNCAC_46 "UNCAC art. 46(24)", BUDAPEST "Budapest Convention art. 27(7)", MT_45_117 "GA res. 45/117 art. 6", MT_45_118 "GA res. 45/118 art. 5"),
        summary: "A custody expiry, limitation date or hearing within 90 days suggests marking the request urgent.",
        check: |c, out| {
            let r = c.request;
            if r.urgency.flag {
                return;
            }
            let p = &r.proc;
            let mut events = Vec::new();
            if p.custody.in_custody {
                events.push(("check.URGENCY-IMPLICIT.custody", "proc.custody.expiry_date", &p.custody.expiry_date));
            }
            events.push(("check.URGENCY-IMPLICIT.limitation", "proc.limitation_date", &p.limitation_date));
            events.push(("check.URGENCY-IMPLICIT.hearing", "proc.next_hearing_date", &p.next_hearing_date));
            for (key, path, value) in events {
                let Some(d) = parse_date(value) else { continue };
                let days = (d - c.today).whole_days();
                if (0..=90).contains(&days) {
                    out.push(path.into(), msg(key).arg("date", d).arg("days", days));
                }
            }
        },
    },
    Rule {
        code: "UNTOC-18-20-reasons",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(20)", UNCAC_46 "UNCAC art. 46(20)", DRUG88_7 "1988 Convention art. 7(14)", BUDAPEST "Budapest Convention arts. 27(8), 28(2)(a)", MT_45_117 "GA res. 45/117 art. 9", HARARE "Harare Scheme para. 14"),
        summary: "A request for confidentiality gives its reasons.",
        check: |c, out| {
            let r = c.request;
            if r.conf.required {
                out.need(&r.conf.reasons, "conf.reasons", msg("check.UNTOC-18-20-reasons.reasons"));
            }
        },
    },
    Rule {
        code: "UNTOC-18-20-clause",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(20)", UNCAC_46 "UNCAC art. 46(20)", DRUG88_7 "1988 Convention art. 7(14)", BUDAPEST "Budapest Convention art. 27(8)", MT_45_117 "GA res. 45/117 art. 9"),
        summary: "The confidentiality clause has what it needs: what must stay confidential and what to do if that is impossible.",
        check: |c, out| {
            let r = c.request;
            if !r.conf.required {
                return;
            }
            if r.conf.scope.is_none() {
                out.push("conf.scope".into(), msg("check.UNTOC-18-20-clause.scope"));
            }
            if blank(&r.conf.if_not_possible) {
                out.push_at(
                    Severity::Warning,
                    "conf.if_not_possible".into(),
                    msg("check.UNTOC-18-20-clause.if_not_possible").arg("state", state(r)),
                );
            }
        },
    },
    Rule {
        code: "UNTOC-18-20-tipoff",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(20)", UNCAC_46 "UNCAC art. 46(20)", DRUG88_7 "1988 Convention art. 7(14)", BUDAPEST "Budapest Convention art. 27(8)", MT_45_117 "GA res. 45/117 art. 9"),
        summary: "A confidential request for records or stored data asks the bank or provider not to notify its customer.",
        check: |c, out| {
            let r = c.request;
            if r.kind != RequestKind::MlaEvidence || !r.conf.required {
                return;
            }
            if r.mla.modules.contains(&Module::Records) {
                for (i, m) in r.mla.records.iter().enumerate() {
                    if !m.no_tipping_off {
                        out.push(format!("mla.records.{i}.no_tipping_off"), msg("check.UNTOC-18-20-tipoff.records").arg("n", i + 1));
                    }
                }
            }
            if r.mla.modules.contains(&Module::StoredData) {
                for (i, m) in r.mla.stored_data.iter().enumerate() {
                    if !m.no_user_notice {
                        out.push(format!("mla.stored_data.{i}.no_user_notice"), msg("check.UNTOC-18-20-tipoff.stored_data").arg("n", i + 1));
                    }
                }
            }
        },
    },
    Rule {
        code: "UNTOC-18-19-ack",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(19)", UNCAC_46 "UNCAC art. 46(19)", DRUG88_7 "1988 Convention art. 7(13)", BUDAPEST "Budapest Convention art. 28(2)(b)", MT_45_117 "GA res. 45/117 art. 8"),
        summary: "MLA and emergency requests acknowledge the limitation on the use of the results.",
        check: |c, out| {
            let r = c.request;
            if matches!(r.kind, RequestKind::MlaEvidence | RequestKind::EmergencyDisclosure) && !r.use_limit.ack {
                out.push(
                    "use.ack".into(),
                    msg("check.UNTOC-18-19-ack.missing").arg("state", state(r)),
                );
            }
        },
    },
    Rule {
        code: "UNTOC-18-19-uses",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(19)", UNCAC_46 "UNCAC art. 46(19)", DRUG88_7 "1988 Convention art. 7(13)", BUDAPEST "Budapest Convention art. 28(2)(b)", MT_45_117 "GA res. 45/117 art. 8"),
        summary: "An MLA request lists every proceeding in which the results will be used.",
        check: |c, out| {
            let r = c.request;
            if r.kind != RequestKind::MlaEvidence {
                return;
            }
            let uses = &r.purpose.intended_uses;
            if blank(uses) {
                out.push(
                    "purpose.intended_uses".into(),
                    msg("check.UNTOC-18-19-uses.none").arg("state", state(r)),
                );
                return;
            }
            // Several suspects or accused may be prosecuted in one proceeding: the uses cover
            // them when they name the own case file or each of them. Requests to other States
            // (related requests) are not further proceedings.
            let lower = uses.to_lowercase();
            let names = |text: &str| !blank(text) && lower.contains(&text.trim().to_lowercase());
            let accused: Vec<_> = r.persons.iter().filter(|p| p.has_any_role(&[PersonRole::Suspect, PersonRole::Accused])).collect();
            let covered = names(&r.case.internal_ref) || names(&r.req_auth.ref_no) || accused.iter().all(|p| names(&p.family_name));
            if accused.len() > 1 && !covered {
                out.push(
                    "purpose.intended_uses".into(),
                    msg("check.UNTOC-18-19-uses.one_for_suspects").arg("count", accused.len()).arg("state", state(r)),
                );
            }
        },
    },
    Rule {
        code: "UNTOC-18-28-costs",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(28)", UNCAC_46 "UNCAC art. 46(28)", DRUG88_7 "1988 Convention art. 7(19)", ETS_30 "ETS 30 art. 20", MT_45_117 "GA res. 45/117 art. 19", MT_45_118 "GA res. 45/118 art. 14"),
        summary: "Measures that often cause extraordinary costs say whether such costs are expected and who bears them.",
        check: |c, out| {
            let r = c.request;
            let measures = costly_measures(r);
            if measures.is_empty() {
                return;
            }
            let what = measures.into_iter().reduce(|list, next| msg("check.word.list").arg("list", list).arg("next", next)).expect("not empty");
            // An explicit "no" is what the provision needs (ordinary costs are the requested
            // State's); "not known" is enough with the undertaking to bear agreed costs, which
            // is the offer to consult.
            match r.costs.extraordinary_expected {
                None => out.push(
                    "costs.extraordinary_expected".into(),
                    msg("check.UNTOC-18-28-costs.unknown").arg("measures", what).arg("state", state(r)),
                ),
                Some(YesNoUnknown::Unknown) if !r.costs.undertaking => out.push(
                    "costs.undertaking".into(),
                    msg("check.UNTOC-18-28-costs.unknown").arg("measures", what).arg("state", state(r)),
                ),
                Some(YesNoUnknown::Yes) if blank(&r.costs.items) => out.push(
                    "costs.items".into(),
                    msg("check.UNTOC-18-28-costs.items").arg("measures", what),
                ),
                Some(_) => {}
            }
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::{example, found, only_finding, reports, silent, Example::{self, Mla, Preservation, Emergency, Transfer}};
    use crate::request::mla::{Examination, Records, StoredData};
    use crate::request::{Person, RelatedRequest};

    #[test]
    fn examples_raise_no_finding_of_this_section() {
        for kind in Example::ALL {
            let r = example(kind);
            for rule in RULES {
                assert!(found(&r, rule.code).is_empty(), "{kind:?}: {:?}", found(&r, rule.code));
            }
        }
    }

    #[test]
    fn urgent_request_without_explanation_is_flagged() {
        let mut r = example(Mla);
        r.urgency.reason_text.clear();
        only_finding(&r, "UNTOC-18-24-reasons", Severity::Warning, "urgency.reason_text");
        r.urgency.reason_text = "Funds are still being moved.".into();
        r.urgency.reasons.clear();
        only_finding(&r, "UNTOC-18-24-reasons", Severity::Warning, "urgency.reasons");
    }

    #[test]
    fn urgent_request_without_deadline_is_flagged_but_not_an_article_9_emergency() {
        let mut r = example(Mla);
        r.deadline.date.clear();
        only_finding(&r, "UNTOC-18-24-deadline", Severity::Warning, "deadline.date");
        r.urgency.flag = false;
        assert!(found(&r, "UNTOC-18-24-deadline").is_empty());
        let mut e = example(Emergency);
        assert!(e.urgency.flag && blank(&e.deadline.date));
        assert!(found(&e, "UNTOC-18-24-deadline").is_empty());
        e.emergency.route = Some(EmergencyRoute::Art10Mla);
        reports(&e, "UNTOC-18-24-deadline", Severity::Warning, "deadline.date");
    }

    /// Checks that should have fired: an urgent preservation request needs
    /// the date by which the data must be preserved, and why, like any
    /// urgent request.
    #[test]
    fn urgent_preservation_request_without_deadline_is_flagged() {
        let mut p = example(Preservation);
        assert!(p.urgency.flag);
        silent(&p, "UNTOC-18-24-deadline");
        p.deadline.date.clear();
        only_finding(&p, "UNTOC-18-24-deadline", Severity::Warning, "deadline.date");
        p.deadline.reason.clear();
        reports(&p, "UNTOC-18-24-deadline", Severity::Warning, "deadline.reason");
        p.urgency.flag = false;
        silent(&p, "UNTOC-18-24-deadline");
    }

    #[test]
    fn past_or_malformed_deadline_is_an_error() {
        let mut r = example(Mla);
        r.deadline.date = "2026-11-01".into();
        only_finding(&r, "DEADLINE-PAST", Severity::Error, "deadline.date");
        r.deadline.date = "31/01/2027".into();
        only_finding(&r, "DEADLINE-PAST", Severity::Error, "deadline.date");
        r.deadline.date = "2027-01-31".into();
        assert!(found(&r, "DEADLINE-PAST").is_empty());
    }

    #[test]
    fn deadline_under_thirty_days_through_central_authority_is_tight() {
        let mut r = example(Mla);
        r.deadline.date = "2026-12-10".into();
        only_finding(&r, "DEADLINE-TIGHT", Severity::Warning, "deadline.date");
        r.channel.route = Some(Channel::Interpol);
        assert!(found(&r, "DEADLINE-TIGHT").is_empty());
    }

    #[test]
    fn hearing_within_ninety_days_suggests_urgency() {
        let mut r = example(Transfer);
        r.proc.next_hearing_date = "2027-01-15".into();
        only_finding(&r, "URGENCY-IMPLICIT", Severity::Info, "proc.next_hearing_date");
        r.urgency.flag = true;
        assert!(found(&r, "URGENCY-IMPLICIT").is_empty());
        r.urgency.flag = false;
        r.proc.next_hearing_date = "2027-06-15".into();
        assert!(found(&r, "URGENCY-IMPLICIT").is_empty());
    }

    #[test]
    fn custody_expiry_counts_only_when_in_custody() {
        let mut r = example(Transfer);
        r.proc.custody.expiry_date = "2026-12-20".into();
        assert!(found(&r, "URGENCY-IMPLICIT").is_empty());
        r.proc.custody.in_custody = true;
        only_finding(&r, "URGENCY-IMPLICIT", Severity::Info, "proc.custody.expiry_date");
    }

    #[test]
    fn confidentiality_without_reasons_is_flagged() {
        let mut r = example(Preservation);
        r.conf.reasons.clear();
        only_finding(&r, "UNTOC-18-20-reasons", Severity::Warning, "conf.reasons");
        r.conf.required = false;
        assert!(found(&r, "UNTOC-18-20-reasons").is_empty());
    }

    #[test]
    fn confidentiality_clause_without_scope_is_an_error() {
        let mut r = example(Mla);
        r.conf.scope = None;
        only_finding(&r, "UNTOC-18-20-clause", Severity::Error, "conf.scope");
        let mut r = example(Mla);
        r.conf.if_not_possible.clear();
        only_finding(&r, "UNTOC-18-20-clause", Severity::Warning, "conf.if_not_possible");
    }

    #[test]
    fn confidential_bank_request_without_no_tipping_off_is_flagged() {
        let mut r = example(Mla);
        r.mla.records[0].no_tipping_off = false;
        only_finding(&r, "UNTOC-18-20-tipoff", Severity::Warning, "mla.records.0.no_tipping_off");
        r.mla.modules.push(Module::StoredData);
        r.mla.stored_data.push(StoredData { no_user_notice: true, ..StoredData::default() });
        r.mla.records[0].no_tipping_off = true;
        assert!(found(&r, "UNTOC-18-20-tipoff").is_empty());
        r.mla.stored_data[0].no_user_notice = false;
        only_finding(&r, "UNTOC-18-20-tipoff", Severity::Warning, "mla.stored_data.0.no_user_notice");
        r.conf.required = false;
        assert!(found(&r, "UNTOC-18-20-tipoff").is_empty());
    }

    #[test]
    fn missing_use_acknowledgement_is_flagged_for_mla_and_emergency() {
        let mut r = example(Emergency);
        r.use_limit.ack = false;
        only_finding(&r, "UNTOC-18-19-ack", Severity::Warning, "use.ack");
        let mut t = example(Transfer);
        t.use_limit.ack = false;
        assert!(found(&t, "UNTOC-18-19-ack").is_empty());
    }

    #[test]
    fn mla_request_without_intended_uses_is_flagged() {
        let mut r = example(Mla);
        r.purpose.intended_uses.clear();
        only_finding(&r, "UNTOC-18-19-uses", Severity::Warning, "purpose.intended_uses");
    }

    #[test]
    fn several_accused_with_one_listed_proceeding_is_flagged() {
        let mut r = example(Mla);
        r.persons.push(Person { role: Some(PersonRole::Accused), family_name: "Kade".into(), ..Person::default() });
        r.purpose.intended_uses = "The trial of Tomas Brenner.".into();
        only_finding(&r, "UNTOC-18-19-uses", Severity::Warning, "purpose.intended_uses");
        r.purpose.intended_uses.push_str("\nSeparate proceedings PPO-2026-0413 against Kade.");
        assert!(found(&r, "UNTOC-18-19-uses").is_empty());
    }

    /// False alarm: several accused prosecuted in the one proceeding the
    /// uses name (by the case file), or a related request to another State,
    /// need no further proceeding listed.
    #[test]
    fn one_proceeding_against_several_accused_is_not_flagged() {
        let mut r = example(Mla);
        r.persons.push(Person { role: Some(PersonRole::Accused), family_name: "Kade".into(), ..Person::default() });
        r.proc.related_requests.push(RelatedRequest { state: "Vestria".into(), reference: "ECD/MLA/2026/044".into(), ..RelatedRequest::default() });
        assert!(r.purpose.intended_uses.contains(&r.case.internal_ref));
        silent(&r, "UNTOC-18-19-uses");
    }

    #[test]
    fn expert_evaluation_without_costs_answer_is_flagged() {
        let mut r = example(Mla);
        r.mla.modules.push(Module::Examination);
        r.mla.examination.push(Examination { object_or_site: "Server".into(), questions_for_expert: "1. Was it altered?".into(), method: String::new(), relevance: String::new() });
        r.costs.extraordinary_expected = None;
        only_finding(&r, "UNTOC-18-28-costs", Severity::Warning, "costs.extraordinary_expected");
        r.costs.extraordinary_expected = Some(YesNoUnknown::Yes);
        only_finding(&r, "UNTOC-18-28-costs", Severity::Warning, "costs.items");
        r.costs.items = "Expert fees, about EUR 4,000, borne by Arden.".into();
        assert!(found(&r, "UNTOC-18-28-costs").is_empty());
        r.costs.extraordinary_expected = Some(YesNoUnknown::Unknown);
        r.costs.undertaking = false;
        only_finding(&r, "UNTOC-18-28-costs", Severity::Warning, "costs.undertaking");
    }

    /// False alarms: an explicit "no" (the wizard then asks nothing more),
    /// or "not known" with the undertaking to bear agreed costs, is what
    /// UNTOC art. 18(28) needs.
    #[test]
    fn costs_answered_no_or_unknown_with_undertaking_are_not_flagged() {
        let mut r = example(Mla);
        r.mla.modules.push(Module::Examination);
        r.mla.examination.push(Examination { object_or_site: "Server".into(), questions_for_expert: "1. Was it altered?".into(), ..Examination::default() });
        r.costs.items.clear();
        r.costs.extraordinary_expected = Some(YesNoUnknown::No);
        silent(&r, "UNTOC-18-28-costs");
        r.costs.extraordinary_expected = Some(YesNoUnknown::Unknown);
        r.costs.undertaking = true;
        silent(&r, "UNTOC-18-28-costs");
    }

    #[test]
    fn costs_rule_ignores_modules_without_extraordinary_costs() {
        let mut r = example(Mla);
        r.costs.extraordinary_expected = None;
        r.mla.records.push(Records::default());
        assert!(found(&r, "UNTOC-18-28-costs").is_empty());
    }
}
