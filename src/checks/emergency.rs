//! Section G: emergency disclosure requests (kind c), CETS 224 arts. 3, 9, 10.

use super::preservation::check_data_spec;
use super::{blank, item, msg, state, Rule, Severity};
use super::provision::cites;
use crate::request::emergency::EmergencyRoute;
use crate::request::{Instrument, RequestKind, YesNoUnknown};

/// The rules of this section, in catalogue order.
pub(super) static RULES: &[Rule] = &[
    Rule {
        code: "CETS224-PARTY",
        severity: Severity::Error,
        provision: cites!(CETS_224 "CETS 224 (status)"),
        summary: "Both States are Parties to CETS 224, in force between them.",
        check: |c, out| {
            let r = c.request;
            // With CETS 224 as the primary basis, BASIS-IN-FORCE already says its status could not be confirmed.
            if r.kind != RequestKind::EmergencyDisclosure || r.basis.primary == Some(Instrument::Cets224) {
                return;
            }
            let Some(e) = super::basis::directory_data(r) else { return };
            use crate::directory::PartyStatus;
            match e.instrument_status.iter().find(|s| s.instrument == "CETS_224").map(|s| s.party) {
                Some(PartyStatus::Yes) => {}
                Some(PartyStatus::No | PartyStatus::Signatory) => out.push("req_state".into(), msg("check.CETS224-PARTY.not_party").arg("state", state(r))),
                Some(PartyStatus::Unknown) | None => super::basis::not_in_entry(out, msg("check.DIR-NO-ENTRY.add.cets224")),
            }
        },
    },
    Rule {
        code: "CETS224-3-emergency",
        severity: Severity::Error,
        provision: cites!(CETS_224 "CETS 224 arts. 3, 9"),
        summary: "The facts show a significant and imminent risk to the life or safety of a person.",
        check: |c, out| {
            let r = c.request;
            if r.kind != RequestKind::EmergencyDisclosure {
                return;
            }
            // The drafter answers whether there is such a risk; the facts say why, in any language.
            match r.emergency.risk_to_life {
                None | Some(YesNoUnknown::Unknown) => out.push_at(
                    Severity::Warning,
                    "emergency.risk_to_life".into(),
                    msg("check.CETS224-3-emergency.unanswered"),
                ),
                Some(YesNoUnknown::No) => out.push("emergency.risk_to_life".into(), msg("check.CETS224-3-emergency.no_risk")),
                Some(YesNoUnknown::Yes) => {}
            }
            out.need(&r.emergency.emergency_facts, "emergency.emergency_facts", msg("check.CETS224-3-emergency.none"));
        },
    },
    Rule {
        code: "CETS224-9-link",
        severity: Severity::Error,
        provision: cites!(CETS_224 "CETS 224 art. 9"),
        summary: "The request explains how the data sought relate to the emergency.",
        check: |c, out| {
            let r = c.request;
            if r.kind == RequestKind::EmergencyDisclosure {
                out.need(&r.emergency.data_link, "emergency.data_link", msg("check.CETS224-9-link.link"));
            }
        },
    },
    Rule {
        code: "CETS224-9-offence",
        severity: Severity::Error,
        provision: cites!(CETS_224 "CETS 224 art. 9"),
        summary: "The offence is given with its legal provision and penalty.",
        check: |c, out| {
            let r = c.request;
            if r.kind != RequestKind::EmergencyDisclosure {
                return;
            }
            if r.offences.is_empty() {
                out.push("offences".into(), msg("check.CETS224-9-offence.none"));
            }
            for (i, o) in r.offences.iter().enumerate() {
                let name = item("check.item.offence", i, &o.name);
                if blank(&o.provision) {
                    out.push(format!("offences.{i}.provision"), msg("check.CETS224-9-offence.provision").arg("offence", name.clone()));
                }
                if blank(&o.max_penalty) {
                    out.push(format!("offences.{i}.max_penalty"), msg("check.CETS224-9-offence.penalty").arg("offence", name));
                }
            }
        },
    },
    Rule {
        code: "CETS224-9-data",
        severity: Severity::Error,
        provision: cites!(CETS_224 "CETS 224 art. 9"),
        summary: "The data sought are described precisely: identifiers, categories and period with time zone.",
        check: |c, out| {
            let r = c.request;
            if r.kind != RequestKind::EmergencyDisclosure {
                return;
            }
            if r.emergency.data.is_empty() {
                out.push("emergency.data".into(), msg("check.CETS224-9-data.none").arg("state", state(r)));
            }
            for (i, d) in r.emergency.data.iter().enumerate() {
                check_data_spec(out, d, &format!("emergency.data.{i}"), i);
            }
            out.need(&r.emergency.providers, "emergency.providers", msg("check.CETS224-9-data.providers"));
        },
    },
    Rule {
        code: "CETS224-9-statement",
        severity: Severity::Error,
        provision: cites!(CETS_224 "CETS 224 art. 9"),
        summary: "The request states that it is made under the Protocol, citing art. 9 or art. 10.",
        check: |c, out| {
            let r = c.request;
            if r.kind != RequestKind::EmergencyDisclosure {
                return;
            }
            if r.emergency.route.is_none() {
                out.push(
                    "emergency.route".into(),
                    msg("check.CETS224-9-statement.route"),
                );
            }
            if let Some(primary) = r.basis.primary {
                if primary != Instrument::Cets224 && !r.basis.secondary.contains(&Instrument::Cets224) {
                    out.push("basis.primary".into(), msg("check.CETS224-9-statement.basis"));
                }
            }
        },
    },
    Rule {
        code: "CETS224-10-mla",
        severity: Severity::Error,
        provision: cites!(CETS_224 "CETS 224 art. 10"),
        summary: "An emergency MLA request (art. 10) has all the contents of an ordinary request.",
        check: |c, out| {
            let r = c.request;
            if r.kind != RequestKind::EmergencyDisclosure || r.emergency.route != Some(EmergencyRoute::Art10Mla) {
                return;
            }
            if r.proc.nature.is_none() {
                out.push("proc.nature".into(), msg("check.CETS224-10-mla.nature"));
            }
            out.need(&r.proc.stage, "proc.stage", msg("check.CETS224-10-mla.stage"));
            out.need(&r.proc.subject_matter, "proc.subject_matter", msg("check.CETS224-10-mla.subject_matter"));
            out.need(&r.proc.conducting_auth.name, "proc.conducting_auth.name", msg("check.CETS224-10-mla.authority"));
            out.need(&r.proc.conducting_auth.functions, "proc.conducting_auth.functions", msg("check.CETS224-10-mla.functions"));
            out.need(&r.facts.summary, "facts.summary", msg("check.CETS224-10-mla.facts"));
            out.need(&r.purpose.statement, "purpose.statement", msg("check.CETS224-10-mla.purpose"));
            if blank(&r.facts.link_to_req_state) {
                out.push_at(Severity::Warning, "facts.link_to_req_state".into(), msg("check.CETS224-10-mla.link").arg("state", state(r)));
            }
        },
    },
    Rule {
        code: "EMERGENCY-POC",
        severity: Severity::Warning,
        // CETS 224 arts. 9 and 10 list no contact of the requesting side
        // among the contents; the reference puts the 24/7 contact among the
        // clauses of an emergency request (CL-CONTACT), as practice does.
        provision: cites!(; "Practice"),
        summary: "An emergency request gives the requesting State's own 24/7 point of contact.",
        check: |c, out| {
            let r = c.request;
            if r.kind == RequestKind::EmergencyDisclosure {
                out.need(&r.emergency.poc_24_7_own, "emergency.poc_24_7_own", msg("check.EMERGENCY-POC.own").arg("state", state(r)));
            }
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::{example, gap, found, only_finding, reports, run, silent, with_demo_entry, with_empty_entry, Example::Emergency};
    use crate::request::Offence;

    #[test]
    fn example_has_no_errors_or_warnings_from_this_section() {
        for f in run(&example(Emergency)) {
            if RULES.iter().any(|rule| rule.code == f.code) {
                assert_eq!(f.severity, Severity::Info, "{f:?}");
            }
        }
    }

    #[test]
    fn emergency_request_on_another_basis_reports_protocol_status_could_not_be_checked() {
        let mut r = with_empty_entry(example(Emergency));
        assert!(found(&r, "CETS224-PARTY").is_empty(), "BASIS-IN-FORCE covers a CETS 224 basis");
        r.basis.primary = Some(Instrument::Budapest);
        gap(&r, "CETS224-PARTY", "its status under CETS 224");
        let mut norland = with_demo_entry(r.clone(), "XN");
        silent(&norland, "CETS224-PARTY");
        let status = norland.req_state_entry.as_mut().unwrap().instrument_status.iter_mut().find(|s| s.instrument == "CETS_224").unwrap();
        status.party = crate::directory::PartyStatus::Signatory;
        reports(&norland, "CETS224-PARTY", Severity::Error, "req_state");
        r.req_state.clear();
        assert!(found(&r, "CETS224-PARTY").is_empty());
    }

    #[test]
    fn emergency_without_facts_of_risk_is_flagged() {
        let mut r = example(Emergency);
        r.emergency.emergency_facts.clear();
        reports(&r, "CETS224-3-emergency", Severity::Error, "emergency.emergency_facts");
        r.emergency.emergency_facts = "The suspect is about to move the ransom to another wallet.".into();
        r.emergency.risk_to_life = Some(YesNoUnknown::No);
        reports(&r, "CETS224-3-emergency", Severity::Error, "emergency.risk_to_life");
        r.emergency.risk_to_life = None;
        reports(&r, "CETS224-3-emergency", Severity::Warning, "emergency.risk_to_life");
        assert!(found(&example(Emergency), "CETS224-3-emergency").is_empty());
    }

    /// False alarms: the risk is an explicit answer, so facts written in
    /// any language, with no English keyword, are not flagged.
    #[test]
    fn emergency_facts_in_any_language_are_not_flagged() {
        for facts in [
            "Une fillette de 14 ans a été enlevée devant son école le 26 novembre 2026.",
            "Una niña de 14 años fue secuestrada frente a su escuela.",
            "14-летняя девочка похищена у школы 26 ноября 2026 года.",
            "اختطفت فتاة تبلغ من العمر 14 عاما أمام مدرستها.",
            "一名14岁女孩于2026年11月26日在学校门口被带走。",
        ] {
            let mut r = example(Emergency);
            r.emergency.emergency_facts = facts.into();
            silent(&r, "CETS224-3-emergency");
        }
    }

    #[test]
    fn emergency_without_data_link_is_flagged() {
        let mut r = example(Emergency);
        r.emergency.data_link = "  ".into();
        reports(&r, "CETS224-9-link", Severity::Error, "emergency.data_link");
        assert!(found(&example(Emergency), "CETS224-9-link").is_empty());
    }

    #[test]
    fn emergency_offence_without_penalty_is_flagged() {
        let mut r = example(Emergency);
        r.offences.push(Offence { name: "Threats".into(), provision: "s. 190".into(), ..Offence::default() });
        reports(&r, "CETS224-9-offence", Severity::Error, "offences.1.max_penalty");
        r.offences.clear();
        reports(&r, "CETS224-9-offence", Severity::Error, "offences");
        assert!(found(&example(Emergency), "CETS224-9-offence").is_empty());
    }

    #[test]
    fn emergency_data_without_time_zone_is_flagged() {
        let mut r = example(Emergency);
        r.emergency.data[0].range.tz.clear();
        reports(&r, "CETS224-9-data", Severity::Error, "emergency.data.0.range.tz");
        r.emergency.data.clear();
        reports(&r, "CETS224-9-data", Severity::Error, "emergency.data");
        assert!(found(&example(Emergency), "CETS224-9-data").is_empty());
    }

    #[test]
    fn emergency_without_route_or_protocol_basis_is_flagged() {
        let mut r = example(Emergency);
        r.emergency.route = None;
        reports(&r, "CETS224-9-statement", Severity::Error, "emergency.route");
        let mut r = example(Emergency);
        r.basis.primary = Some(Instrument::Budapest);
        r.basis.secondary.clear();
        reports(&r, "CETS224-9-statement", Severity::Error, "basis.primary");
        assert!(found(&example(Emergency), "CETS224-9-statement").is_empty());
    }

    #[test]
    fn emergency_without_own_24_7_contact_is_flagged_on_either_route() {
        let mut r = example(Emergency);
        r.emergency.poc_24_7_own = " ".into();
        let f = only_finding(&r, "EMERGENCY-POC", Severity::Warning, "emergency.poc_24_7_own");
        assert!(f.message.contains("Norland"), "{}", f.message);
        r.emergency.route = Some(EmergencyRoute::Art10Mla);
        reports(&r, "EMERGENCY-POC", Severity::Warning, "emergency.poc_24_7_own");
        silent(&example(Emergency), "EMERGENCY-POC");
        let mut mla = example(crate::checks::tests::Example::Mla);
        mla.emergency.poc_24_7_own.clear();
        silent(&mla, "EMERGENCY-POC");
    }

    #[test]
    fn article_10_route_needs_the_ordinary_contents() {
        let mut r = example(Emergency);
        r.emergency.route = Some(EmergencyRoute::Art10Mla);
        reports(&r, "CETS224-10-mla", Severity::Error, "facts.summary");
        reports(&r, "CETS224-10-mla", Severity::Warning, "facts.link_to_req_state");
        assert!(found(&r, "CETS224-10-mla").iter().all(|f| f.path != "proc.nature"));
        r.facts.summary = "On 26 November 2026 a child was taken from outside her school.".into();
        r.facts.link_to_req_state = "The messaging service is run by a provider in Norland.".into();
        assert!(found(&r, "CETS224-10-mla").is_empty());
        assert!(found(&example(Emergency), "CETS224-10-mla").is_empty());
    }
}
