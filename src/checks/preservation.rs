//! Section F: expedited preservation requests (kind b), Budapest arts. 29, 30, 35.

use super::{blank, msg, state, Findings, Rule, Severity};
use super::provision::cites;
use crate::request::deadlines::preservation_expiry;
use crate::request::{Channel, DataCategory, DataSpec, OffenceCategory, RequestKind};

/// Reports what data set `i` (at `path` = `…data.N`) lacks: identifiers,
/// categories, the start (a date, unless the period starts at the creation
/// of the account or a date not known) and end of the period, and its time
/// zone.
pub(super) fn check_data_spec(out: &mut Findings, d: &DataSpec, path: &str, i: usize) {
    let n = i + 1;
    out.need(&d.identifiers, &format!("{path}.identifiers"), msg("check.common.data.identifiers").arg("n", n));
    if d.categories.is_empty() {
        out.push(format!("{path}.categories"), msg("check.common.data.categories").arg("n", n));
    }
    let no_start = d.range.from_date().is_some_and(blank);
    if no_start || blank(&d.range.to) {
        let end = if no_start { "from" } else { "to" };
        out.push(format!("{path}.range.{end}"), msg("check.common.data.period").arg("n", n));
    }
    if blank(&d.range.tz) {
        out.push(format!("{path}.range.tz"), msg("check.common.data.tz").arg("n", n));
    }
}

/// Whether the custodian field says the custodian is unknown.
fn says_unknown(s: &str) -> bool {
    let s = s.trim().to_lowercase();
    s.starts_with("unknown") || s.starts_with("not known")
}

/// The rules of this section, in catalogue order.
pub(super) static RULES: &[Rule] = &[
    Rule {
        code: "BUD-29-2-a",
        severity: Severity::Error,
        provision: cites!(BUDAPEST "Budapest Convention art. 29(2)(a)"),
        summary: "A preservation request names the authority seeking preservation.",
        check: |c, out| {
            let r = c.request;
            if r.kind == RequestKind::Preservation {
                out.need(&r.req_auth.name, "req_auth.name", msg("check.BUD-29-2-a.authority"));
            }
        },
    },
    Rule {
        code: "BUD-29-2-b",
        severity: Severity::Error,
        provision: cites!(BUDAPEST "Budapest Convention art. 29(2)(b)"),
        summary: "A preservation request gives the offence and a brief summary of the facts.",
        check: |c, out| {
            let r = c.request;
            if r.kind != RequestKind::Preservation {
                return;
            }
            if r.offences.is_empty() {
                out.push("offences".into(), msg("check.BUD-29-2-b.offence"));
            }
            out.need(&r.facts.brief, "facts.brief", msg("check.BUD-29-2-b.facts"));
        },
    },
    Rule {
        code: "BUD-29-2-c",
        severity: Severity::Error,
        provision: cites!(BUDAPEST "Budapest Convention art. 29(2)(c)"),
        summary: "A preservation request describes the data (identifiers, categories, period with time zone) and how they relate to the offence.",
        check: |c, out| {
            let r = c.request;
            if r.kind != RequestKind::Preservation {
                return;
            }
            let p = &r.preservation;
            if p.data.is_empty() {
                out.push("preservation.data".into(), msg("check.BUD-29-2-c.none").arg("state", state(r)));
            }
            for (i, d) in p.data.iter().enumerate() {
                check_data_spec(out, d, &format!("preservation.data.{i}"), i);
            }
            out.need(&p.data_relationship, "preservation.data_relationship", msg("check.BUD-29-2-c.relationship"));
        },
    },
    Rule {
        code: "BUD-29-2-d",
        severity: Severity::Error,
        provision: cites!(BUDAPEST "Budapest Convention art. 29(2)(d)"),
        summary: "A preservation request identifies the custodian or the location of the computer system, or says why it is unknown.",
        check: |c, out| {
            let r = c.request;
            if r.kind != RequestKind::Preservation {
                return;
            }
            let custodian = r.preservation.custodian.trim();
            if custodian.is_empty() {
                out.push("preservation.custodian".into(), msg("check.BUD-29-2-d.none"));
            } else if says_unknown(custodian) {
                let explained = custodian.split_whitespace().count() > 2;
                if explained {
                    out.push_at(Severity::Info, "preservation.custodian".into(), msg("check.BUD-29-2-d.unknown_explained").arg("state", state(r)));
                } else {
                    out.push("preservation.custodian".into(), msg("check.BUD-29-2-d.unknown"));
                }
            }
        },
    },
    Rule {
        code: "BUD-29-2-e",
        severity: Severity::Error,
        provision: cites!(BUDAPEST "Budapest Convention art. 29(2)(e)"),
        summary: "A preservation request explains why preservation is necessary.",
        check: |c, out| {
            let r = c.request;
            if r.kind == RequestKind::Preservation {
                out.need(&r.preservation.necessity, "preservation.necessity", msg("check.BUD-29-2-e.necessity"));
            }
        },
    },
    Rule {
        code: "BUD-29-2-f",
        severity: Severity::Error,
        provision: cites!(BUDAPEST "Budapest Convention art. 29(2)(f)"),
        summary: "A preservation request says which measure the follow-up MLA request will ask for.",
        check: |c, out| {
            let r = c.request;
            if r.kind == RequestKind::Preservation && r.preservation.mla_intent_measure.is_none() {
                out.push(
                    "preservation.mla_intent_measure".into(),
                    msg("check.BUD-29-2-f.measure").arg("state", state(r)),
                );
            }
        },
    },
    Rule {
        code: "BUD-29-7-date",
        severity: Severity::Warning,
        provision: cites!(BUDAPEST "Budapest Convention art. 29(7)"),
        summary: "Once the preservation is confirmed, the date it took effect is recorded.",
        check: |c, out| {
            let r = c.request;
            let p = &r.preservation;
            if r.kind == RequestKind::Preservation && !blank(&p.preservation_ref) && blank(&p.preserved_at) {
                out.push(
                    "preservation.preserved_at".into(),
                    msg("check.BUD-29-7-date.date").arg("state", state(r)).arg("reference", p.preservation_ref.trim()),
                );
            }
        },
    },
    Rule {
        code: "BUD-29-7-expiry",
        severity: Severity::Warning,
        provision: cites!(BUDAPEST "Budapest Convention art. 29(7)"),
        summary: "Warns when a preservation is 15 days or less from lapsing, and reports it once lapsed.",
        check: |c, out| {
            let r = c.request;
            if r.kind != RequestKind::Preservation {
                return;
            }
            // Once the follow-up MLA request is sent, the data stay preserved
            // until it is decided (art. 29(7)).
            if !blank(&r.preservation.followup_mla_ref) {
                return;
            }
            // A preservation that would lapse beyond the calendar has not lapsed.
            let Some(expires) = preservation_expiry(r) else { return };
            let left = (expires - c.today).whole_days();
            let message = if left < 0 {
                msg("check.BUD-29-7-expiry.lapsed").arg("state", state(r)).arg("date", expires)
            } else if left <= 15 {
                msg("check.BUD-29-7-expiry.lapsing").arg("state", state(r)).arg("date", expires).arg("days", left)
            } else {
                return;
            };
            let severity = if left < 0 { Severity::Error } else { Severity::Warning };
            out.push_at(severity, "preservation.preserved_at".into(), message);
        },
    },
    Rule {
        code: "BUD-29-7-followup",
        severity: Severity::Info,
        provision: cites!(BUDAPEST "Budapest Convention art. 29(7)"),
        summary: "Once the follow-up MLA request is sent, says that the data stay preserved while it is decided and that both references belong together.",
        check: |c, out| {
            let r = c.request;
            let reference = r.preservation.followup_mla_ref.trim();
            if r.kind == RequestKind::Preservation && !reference.is_empty() {
                out.push(
                    "preservation.followup_mla_ref".into(),
                    msg("check.BUD-29-7-followup.sent").arg("state", state(r)).arg("reference", reference),
                );
            }
        },
    },
    Rule {
        code: "BUD-29-4-res",
        severity: Severity::Warning,
        provision: cites!(BUDAPEST "Budapest Convention art. 29(4)"),
        summary: "Where the offence is not a Budapest arts. 2-11 offence, says whether the requested State's art. 29(4) reservation could apply.",
        check: |c, out| {
            let r = c.request;
            if r.kind != RequestKind::Preservation || !blank(&r.dual_crim.statement) || r.offences.is_empty() {
                return;
            }
            let computer_offence = r.offences.iter().any(|o| o.category_flags.contains(&OffenceCategory::Cyber));
            if computer_offence {
                return;
            }
            let Some(e) = super::basis::directory_data(r) else { return };
            let status = e.instrument_status.iter().find(|s| s.instrument == "BUDAPEST");
            match status {
                Some(s) if s.reservations.iter().any(|v| v.article.replace(' ', "").starts_with("29(4)")) => {
                    out.push("dual_crim.statement".into(), msg("check.BUD-29-4-res.reserved").arg("state", state(r)))
                }
                Some(s) if s.party != crate::directory::PartyStatus::Unknown => {}
                _ => super::basis::not_in_entry(out, msg("check.DIR-NO-ENTRY.add.budapest_reservations")),
            }
        },
    },
    Rule {
        code: "BUD-29-5-pol",
        severity: Severity::Warning,
        provision: cites!(BUDAPEST "Budapest Convention art. 29(5)(a)"),
        summary: "A preservation request for an offence flagged political is a refusal risk.",
        check: |c, out| {
            let r = c.request;
            if r.kind != RequestKind::Preservation {
                return;
            }
            for (i, o) in r.offences.iter().enumerate() {
                if o.category_flags.contains(&OffenceCategory::Political) {
                    out.push(
                        format!("offences.{i}.category_flags"),
                        msg("check.BUD-29-5-pol.political").arg("offence", super::item("check.item.offence", i, &o.name)).arg("state", state(r)),
                    );
                }
            }
        },
    },
    Rule {
        code: "BUD-35-poc",
        severity: Severity::Warning,
        provision: cites!(BUDAPEST "Budapest Convention art. 35"),
        summary: "A request sent through the 24/7 network has a 24/7 contact point for the requested State.",
        check: |c, out| {
            let r = c.request;
            if r.channel.route != Some(Channel::Network247) {
                return;
            }
            let Some(e) = super::basis::directory_data(r) else { return };
            if e.authorities.iter().any(|a| a.roles.contains(&crate::directory::AuthorityRole::PointOfContact247)) {
                return;
            }
            // An entry that lists authorities but no 24/7 point of contact
            // says something; one that lists none says nothing yet.
            if e.authorities.is_empty() {
                super::basis::not_in_entry(out, msg("check.DIR-NO-ENTRY.add.point_of_contact"));
            } else {
                out.push("channel.route".into(), msg("check.BUD-35-poc.none").arg("state", state(r)));
            }
        },
    },
    Rule {
        code: "BUD-30-path",
        severity: Severity::Info,
        provision: cites!(BUDAPEST "Budapest Convention art. 30"),
        summary: "Suggests asking for the traffic data that identify other providers in the transmission path.",
        check: |c, out| {
            let r = c.request;
            let p = &r.preservation;
            if r.kind == RequestKind::Preservation && !p.path_disclosure && p.data.iter().any(|d| d.categories.contains(&DataCategory::Traffic)) {
                out.push(
                    "preservation.path_disclosure".into(),
                    msg("check.BUD-30-path.path").arg("state", state(r)),
                );
            }
        },
    },
    Rule {
        code: "BUD-29-6-notice",
        severity: Severity::Warning,
        provision: cites!(BUDAPEST "Budapest Convention art. 29(6)"),
        summary: "When the requested State warned that preservation may not secure the data or may harm confidentiality, the decision taken is recorded.",
        check: |c, out| {
            let r = c.request;
            let p = &r.preservation;
            if r.kind == RequestKind::Preservation && !blank(&p.notice_29_6) && blank(&p.notice_29_6_decision) {
                out.push("preservation.notice_29_6_decision".into(), msg("check.BUD-29-6-notice.decision").arg("state", state(r)));
            }
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::{example, gap, found, reports, run, with_demo_entry, with_empty_entry, Example::Preservation};
    use crate::request::preservation::FollowUpMeasure;
    use crate::request::Offence;

    #[test]
    fn example_has_no_errors_or_warnings_from_this_section() {
        let r = example(Preservation);
        for f in run(&r) {
            if RULES.iter().any(|rule| rule.code == f.code) {
                assert_eq!(f.severity, Severity::Info, "{f:?}");
            }
        }
    }

    #[test]
    fn preservation_without_authority_name_is_flagged() {
        let mut r = example(Preservation);
        r.req_auth.name.clear();
        reports(&r, "BUD-29-2-a", Severity::Error, "req_auth.name");
        assert!(found(&example(Preservation), "BUD-29-2-a").is_empty());
    }

    #[test]
    fn preservation_without_offence_or_brief_facts_is_flagged() {
        let mut r = example(Preservation);
        r.offences.clear();
        r.facts.brief = " ".into();
        reports(&r, "BUD-29-2-b", Severity::Error, "offences");
        reports(&r, "BUD-29-2-b", Severity::Error, "facts.brief");
        assert!(found(&example(Preservation), "BUD-29-2-b").is_empty());
    }

    #[test]
    fn preservation_data_without_time_zone_or_relationship_is_flagged() {
        let mut r = example(Preservation);
        r.preservation.data[1].range.tz.clear();
        r.preservation.data[0].categories.clear();
        r.preservation.data_relationship.clear();
        reports(&r, "BUD-29-2-c", Severity::Error, "preservation.data.1.range.tz");
        reports(&r, "BUD-29-2-c", Severity::Error, "preservation.data.0.categories");
        reports(&r, "BUD-29-2-c", Severity::Error, "preservation.data_relationship");
        r.preservation.data.clear();
        reports(&r, "BUD-29-2-c", Severity::Error, "preservation.data");
        assert!(found(&example(Preservation), "BUD-29-2-c").is_empty());
    }

    #[test]
    fn a_period_that_starts_at_the_creation_of_the_account_or_an_unknown_date_needs_no_start_date() {
        let mut r = example(Preservation);
        r.preservation.data[0].range.from.clear();
        reports(&r, "BUD-29-2-c", Severity::Error, "preservation.data.0.range.from");
        for start in crate::request::RangeStart::ALL {
            r.preservation.data[0].range.start = Some(*start);
            assert!(found(&r, "BUD-29-2-c").is_empty(), "{start:?}");
        }
        r.preservation.data[0].range.to.clear();
        reports(&r, "BUD-29-2-c", Severity::Error, "preservation.data.0.range.to");
    }

    #[test]
    fn unknown_custodian_needs_an_explanation() {
        let mut r = example(Preservation);
        r.preservation.custodian = String::new();
        reports(&r, "BUD-29-2-d", Severity::Error, "preservation.custodian");
        r.preservation.custodian = "Unknown".into();
        reports(&r, "BUD-29-2-d", Severity::Error, "preservation.custodian");
        r.preservation.custodian = "Unknown: the domain is registered through a privacy proxy in Vestria.".into();
        reports(&r, "BUD-29-2-d", Severity::Info, "preservation.custodian");
        assert!(found(&example(Preservation), "BUD-29-2-d").is_empty());
    }

    #[test]
    fn preservation_without_necessity_is_flagged() {
        let mut r = example(Preservation);
        r.preservation.necessity.clear();
        reports(&r, "BUD-29-2-e", Severity::Error, "preservation.necessity");
        assert!(found(&example(Preservation), "BUD-29-2-e").is_empty());
    }

    #[test]
    fn preservation_without_follow_up_measure_is_flagged() {
        let mut r = example(Preservation);
        r.preservation.mla_intent_measure = None;
        reports(&r, "BUD-29-2-f", Severity::Error, "preservation.mla_intent_measure");
        r.preservation.mla_intent_measure = Some(FollowUpMeasure::SeizeSecure);
        assert!(found(&r, "BUD-29-2-f").is_empty());
    }

    #[test]
    fn confirmed_preservation_without_effective_date_is_flagged() {
        let mut r = example(Preservation);
        r.preservation.preservation_ref = "VES-24/7-2026-118".into();
        reports(&r, "BUD-29-7-date", Severity::Warning, "preservation.preserved_at");
        r.preservation.preserved_at = "2026-11-21".into();
        assert!(found(&r, "BUD-29-7-date").is_empty());
    }

    #[test]
    fn preservation_close_to_lapsing_warns_and_lapsed_is_an_error() {
        let mut r = example(Preservation);
        // 2026-10-10 + 60 days = 2026-12-09, 12 days after the test date.
        r.preservation.preserved_at = "2026-10-10".into();
        reports(&r, "BUD-29-7-expiry", Severity::Warning, "preservation.preserved_at");
        r.preservation.preserved_at = "2026-09-01".into();
        reports(&r, "BUD-29-7-expiry", Severity::Error, "preservation.preserved_at");
        r.preservation.preserved_at = "2026-11-21".into();
        assert!(found(&r, "BUD-29-7-expiry").is_empty());
    }

    #[test]
    fn non_computer_offence_without_dual_criminality_reports_reservation_not_checked() {
        let mut r = with_empty_entry(example(Preservation));
        for o in &mut r.offences {
            o.category_flags.clear();
        }
        gap(&r, "BUD-29-4-res", "its status and reservations under the Budapest Convention");
        // Vestria's demo entry records an art. 29(4) reservation.
        reports(&with_demo_entry(r.clone(), "XV"), "BUD-29-4-res", Severity::Warning, "dual_crim.statement");
        r.dual_crim.statement = "Extortion is an offence under the Vestrian Penal Code, art. 310.".into();
        assert!(found(&r, "BUD-29-4-res").is_empty());
        assert!(found(&example(Preservation), "BUD-29-4-res").is_empty());
    }

    #[test]
    fn political_offence_in_preservation_is_a_warning() {
        let mut r = example(Preservation);
        r.offences.push(Offence { name: "Sedition".into(), provision: "s. 90".into(), category_flags: vec![OffenceCategory::Political], ..Offence::default() });
        reports(&r, "BUD-29-5-pol", Severity::Warning, "offences.2.category_flags");
        assert!(found(&example(Preservation), "BUD-29-5-pol").is_empty());
    }

    #[test]
    fn network_channel_reports_the_contact_could_not_be_checked() {
        let mut r = with_empty_entry(example(Preservation));
        gap(&r, "BUD-35-poc", "its 24/7 point of contact");
        assert!(found(&with_demo_entry(r.clone(), "XV"), "BUD-35-poc").is_empty(), "Vestria's entry has a 24/7 point of contact");
        r.channel.route = Some(Channel::CentralAuthority);
        assert!(found(&r, "BUD-35-poc").is_empty());
    }

    #[test]
    fn traffic_data_without_path_disclosure_gets_advice() {
        let mut r = example(Preservation);
        r.preservation.path_disclosure = false;
        reports(&r, "BUD-30-path", Severity::Info, "preservation.path_disclosure");
        assert!(found(&example(Preservation), "BUD-30-path").is_empty());
    }
}
