//! Section H: requests for transfer of proceedings (kind d).

use super::consistency::parse_date;
use super::{annex_name, blank, item, msg, option, person_name, state, Arg, Rule, Severity};
use super::provision::cites;
use crate::request::transfer::TransferGround;
use crate::request::{AttachmentType, Channel, Instrument, OffenceCategory, PersonRole, Request, RequestKind, UrgencyReason};

/// Whether the request is for a transfer of proceedings.
fn transfer(r: &Request) -> bool {
    r.kind == RequestKind::TransferOfProceedings
}

/// The date six months after `day` (clamped to the end of a shorter month),
/// or the last day of the calendar when that falls beyond it.
fn six_months_after(day: time::Date) -> time::Date {
    let months = day.year() * 12 + (day.month() as i32 - 1) + 6;
    let (year, month) = (months.div_euclid(12), time::Month::try_from((months.rem_euclid(12) + 1) as u8).unwrap_or(time::Month::January));
    (day.day().saturating_sub(3).max(1)..=day.day())
        .rev()
        .find_map(|d| time::Date::from_calendar_date(year, month, d).ok())
        .unwrap_or(time::Date::MAX)
}

/// The rules of this section, in catalogue order.
pub(super) static RULES: &[Rule] = &[
    Rule {
        code: "MT118-3-b",
        severity: Severity::Error,
        provision: cites!(MT_45_118 "GA res. 45/118 art. 3(b)"),
        summary: "A transfer request describes the act, with its exact time and place.",
        check: |c, out| {
            let r = c.request;
            if transfer(r) {
                out.need(&r.transfer.act_description, "transfer.act_description", msg("check.MT118-3-b.act"));
                out.need(&r.facts.time_place, "facts.time_place", msg("check.MT118-3-b.time_place"));
            }
        },
    },
    Rule {
        code: "MT118-3-c",
        severity: Severity::Error,
        provision: cites!(MT_45_118 "GA res. 45/118 art. 3(c)"),
        summary: "A transfer request summarises the results of the investigation.",
        check: |c, out| {
            let r = c.request;
            if transfer(r) {
                out.need(&r.transfer.investigation_results, "transfer.investigation_results", msg("check.MT118-3-c.results"));
            }
        },
    },
    Rule {
        code: "MT118-3-d",
        severity: Severity::Error,
        provision: cites!(MT_45_118 "GA res. 45/118 art. 3(d)"),
        summary: "A transfer request gives the legal provisions making the act an offence, with their text attached.",
        check: |c, out| {
            let r = c.request;
            if !transfer(r) {
                return;
            }
            if r.offences.is_empty() {
                out.push("offences".into(), msg("check.MT118-3-d.none"));
                return;
            }
            let legal_text_annexed = r.attachments.iter().any(|a| a.attachment_type == Some(AttachmentType::LegalText));
            if legal_text_annexed {
                return;
            }
            for (i, o) in r.offences.iter().enumerate() {
                if blank(&o.provision_text) {
                    let message = if blank(&o.provision) {
                        msg("check.MT118-3-d.text_unnamed").arg("n", i + 1)
                    } else {
                        msg("check.MT118-3-d.text").arg("provision", o.provision.trim())
                    };
                    out.push(format!("offences.{i}.provision_text"), message);
                }
            }
        },
    },
    Rule {
        code: "MT118-3-e",
        severity: Severity::Error,
        provision: cites!(MT_45_118 "GA res. 45/118 art. 3(e)"),
        summary: "A transfer request identifies the suspect, with nationality and residence (a legal person: its seat).",
        check: |c, out| {
            let r = c.request;
            if !transfer(r) {
                return;
            }
            out.need(&r.transfer.suspect_ref, "transfer.suspect_ref", msg("check.MT118-3-e.suspect"));
            let mut suspects = 0;
            for (i, p) in r.persons.iter().enumerate() {
                if !p.has_any_role(&[PersonRole::Suspect, PersonRole::Accused]) {
                    continue;
                }
                suspects += 1;
                if p.is_legal() {
                    if blank(&p.location) {
                        out.push(format!("persons.{i}.location"), msg("check.MT118-3-e.seat").arg("person", person_name(p, i)));
                    }
                    continue;
                }
                if blank(&p.nationalities) {
                    out.push(format!("persons.{i}.nationalities"), msg("check.MT118-3-e.nationality").arg("person", person_name(p, i)));
                }
                if blank(&p.location) {
                    out.push(format!("persons.{i}.location"), msg("check.MT118-3-e.residence").arg("person", person_name(p, i)));
                }
            }
            if suspects == 0 {
                out.push("persons".into(), msg("check.MT118-3-e.no_suspect"));
            }
        },
    },
    Rule {
        code: "MT118-6-dc",
        severity: Severity::Error,
        provision: cites!(MT_45_118 "GA res. 45/118 art. 6", ETS_73 "ETS 73 art. 10"),
        summary: "A transfer request states that the act is also an offence in the requested State.",
        check: |c, out| {
            let r = c.request;
            if transfer(r) && blank(&r.dual_crim.statement) {
                out.push(
                    "dual_crim.statement".into(),
                    msg("check.MT118-6-dc.statement").arg("state", state(r)),
                );
            }
        },
    },
    Rule {
        code: "ETS73-8-ground",
        severity: Severity::Error,
        provision: cites!(ETS_73 "ETS 73 art. 8(1)"),
        summary: "A request under ETS 73 selects at least one art. 8 ground and explains it.",
        check: |c, out| {
            let r = c.request;
            if !transfer(r) || r.basis.primary != Some(Instrument::Ets73) {
                return;
            }
            if r.transfer.grounds.is_empty() {
                out.push("transfer.grounds".into(), msg("check.ETS73-8-ground.none"));
            }
            for &ground in &r.transfer.grounds {
                out.need(
                    r.transfer.ground_facts.of(ground),
                    &format!("transfer.ground_facts.{}", ground.key()),
                    msg("check.ETS73-8-ground.explanation").arg("ground", option(ground)),
                );
            }
        },
    },
    Rule {
        code: "ETS73-10-timebar",
        severity: Severity::Error,
        provision: cites!(ETS_73 "ETS 73 art. 10"),
        summary: "Prosecution is not time-barred in the requesting State.",
        check: |c, out| {
            let r = c.request;
            if !transfer(r) {
                return;
            }
            let date = &r.proc.limitation_date;
            if blank(date) {
                out.push("proc.limitation_date".into(), msg("check.ETS73-10-timebar.none"));
            } else if let Some(d) = parse_date(date) {
                if d <= c.today {
                    out.push("proc.limitation_date".into(), msg("check.ETS73-10-timebar.barred").arg("date", d).arg("state", state(r)));
                }
            }
        },
    },
    Rule {
        code: "LIMIT-NEAR",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(24)", UNCAC_46 "UNCAC art. 46(24)", ETS_73 "ETS 73 arts. 10–11"),
        summary: "Warns when a limitation date falls within six months and the request is not marked urgent for it.",
        check: |c, out| {
            let r = c.request;
            if r.urgency.flag && r.urgency.reasons.contains(&UrgencyReason::LimitationDate) {
                return;
            }
            let mut dates: Vec<(&str, &String, Arg)> = vec![("proc.limitation_date", &r.proc.limitation_date, msg("check.word.your_state").into())];
            if transfer(r) {
                dates.push(("transfer.forum.limitation_requested", &r.transfer.forum.limitation_requested, state(r)));
            }
            let horizon = six_months_after(c.today);
            for (path, date, whose) in dates {
                let Some(d) = parse_date(date) else { continue };
                if d > c.today && d <= horizon {
                    let key = if transfer(r) { "check.LIMIT-NEAR.transfer" } else { "check.LIMIT-NEAR.request" };
                    out.push(path.into(), msg(key).arg("state", whose).arg("date", d));
                }
            }
        },
    },
    Rule {
        code: "ETS73-11-timebar-req",
        severity: Severity::Warning,
        provision: cites!(ETS_73 "ETS 73 art. 11"),
        summary: "The limitation period in the requested State is known and not expired.",
        check: |c, out| {
            let r = c.request;
            if !transfer(r) {
                return;
            }
            let date = &r.transfer.forum.limitation_requested;
            if blank(date) {
                out.push(
                    "transfer.forum.limitation_requested".into(),
                    msg("check.ETS73-11-timebar-req.none").arg("state", state(r)),
                );
            } else if let Some(d) = parse_date(date) {
                if d <= c.today {
                    out.push(
                        "transfer.forum.limitation_requested".into(),
                        msg("check.ETS73-11-timebar-req.barred").arg("state", state(r)).arg("date", d),
                    );
                }
            }
        },
    },
    Rule {
        code: "ETS73-11-refusal",
        severity: Severity::Warning,
        provision: cites!(ETS_73 "ETS 73 art. 11", MT_45_118 "GA res. 45/118 art. 7"),
        summary: "Lists refusal risks of a transfer: political, military or fiscal offences, suspect neither national nor resident.",
        check: |c, out| {
            let r = c.request;
            if !transfer(r) {
                return;
            }
            for (i, o) in r.offences.iter().enumerate() {
                let name = item("check.item.offence", i, &o.name);
                for (flag, key) in [
                    (OffenceCategory::Political, "check.ETS73-11-refusal.political"),
                    (OffenceCategory::Military, "check.ETS73-11-refusal.military"),
                    (OffenceCategory::Fiscal, "check.ETS73-11-refusal.fiscal"),
                ] {
                    if o.category_flags.contains(&flag) {
                        out.push(format!("offences.{i}.category_flags"), msg(key).arg("offence", name.clone()));
                    }
                }
            }
            let g = &r.transfer.grounds;
            if !g.is_empty() && !g.contains(&TransferGround::Residence) && !g.contains(&TransferGround::Nationality) {
                out.push(
                    "transfer.grounds".into(),
                    msg("check.ETS73-11-refusal.no_link").arg("state", state(r)),
                );
            }
        },
    },
    Rule {
        code: "ETS73-13-channel",
        severity: Severity::Error,
        provision: cites!(ETS_73 "ETS 73 art. 13"),
        summary: "A request under ETS 73 goes between Ministries of Justice, by an agreed direct route, or through INTERPOL when urgent.",
        check: |c, out| {
            let r = c.request;
            if r.basis.primary != Some(Instrument::Ets73) {
                return;
            }
            match r.channel.route {
                None => out.push("channel.route".into(), msg("check.ETS73-13-channel.none")),
                Some(Channel::MinistryOfJustice) => {}
                Some(Channel::Interpol) if r.urgency.flag => {}
                Some(Channel::Interpol) => out.push("channel.route".into(), msg("check.ETS73-13-channel.interpol")),
                Some(Channel::DirectJudicial | Channel::CentralAuthority) => {
                    out.push_at(Severity::Warning, "channel.route".into(), msg("check.ETS73-13-channel.agreed").arg("state", state(r)))
                }
                Some(_) => out.push("channel.route".into(), msg("check.ETS73-13-channel.other")),
            }
        },
    },
    Rule {
        code: "ETS73-15-file",
        severity: Severity::Error,
        provision: cites!(ETS_73 "ETS 73 art. 15"),
        summary: "The criminal file or a certified copy, with its index, is attached.",
        check: |c, out| {
            let r = c.request;
            if !transfer(r) {
                return;
            }
            let remanded = !blank(&r.transfer.provisional_measures);
            let severity = if remanded { Severity::Warning } else { Severity::Error };
            if blank(&r.transfer.file_index) {
                out.push_at(severity, "transfer.file_index".into(), msg("check.ETS73-15-file.index"));
            }
            if !r.attachments.iter().any(|a| a.attachment_type == Some(AttachmentType::CriminalFile)) {
                out.push_at(severity, "attachments".into(), msg("check.ETS73-15-file.file"));
            }
        },
    },
    Rule {
        code: "ETS73-15-certified",
        severity: Severity::Warning,
        provision: cites!(ETS_73 "ETS 73 art. 15"),
        summary: "A copy of the criminal file is certified.",
        check: |c, out| {
            let r = c.request;
            if !transfer(r) {
                return;
            }
            for (i, a) in r.attachments.iter().enumerate() {
                if a.attachment_type == Some(AttachmentType::CriminalFile) && !a.certified && !a.title.to_lowercase().contains("original") {
                    out.push(format!("attachments.{i}.certified"), msg("check.ETS73-15-certified.certified").arg("annex", annex_name(r, i)));
                }
            }
        },
    },
    Rule {
        code: "ETS73-18-lang",
        severity: Severity::Error,
        provision: cites!(ETS_73 "ETS 73 art. 18"),
        summary: "Translations required by the requested State's art. 18 reservation are attached.",
        check: |c, out| {
            let r = c.request;
            if !transfer(r) || r.basis.primary != Some(Instrument::Ets73) {
                return;
            }
            let untranslated = r.attachments.iter().any(|a| !a.translated) && !r.translation.covers_attachments;
            let Some(e) = super::basis::directory_data(r).filter(|_| untranslated) else { return };
            let status = e.instrument_status.iter().find(|s| s.instrument == "ETS_73");
            let reservation = status.and_then(|s| s.reservations.iter().find(|v| v.article.trim().starts_with("18")));
            match (status, reservation) {
                (_, Some(v)) => out.push(
                    "translation.covers_attachments".into(),
                    msg("check.ETS73-18-lang.reserved").arg("state", state(r)).arg("reservation", v.summary.trim()),
                ),
                (Some(s), None) if s.party != crate::directory::PartyStatus::Unknown => {}
                _ => super::basis::not_in_entry(out, msg("check.DIR-NO-ENTRY.add.ets73_translations")),
            }
        },
    },
    Rule {
        code: "MT118-8-views",
        severity: Severity::Warning,
        provision: cites!(MT_45_118 "GA res. 45/118 art. 8"),
        summary: "The suspect's views on the transfer are recorded, or why they could not be obtained.",
        check: |c, out| {
            let r = c.request;
            if transfer(r) {
                out.need(&r.transfer.suspect_views, "transfer.suspect_views", msg("check.MT118-8-views.views"));
            }
        },
    },
    Rule {
        code: "MT118-9-victims",
        severity: Severity::Warning,
        provision: cites!(MT_45_118 "GA res. 45/118 art. 9"),
        summary: "Where there are victims, their claims and representation after the transfer are addressed.",
        check: |c, out| {
            let r = c.request;
            if !transfer(r) || !blank(&r.transfer.victims) {
                return;
            }
            if let Some((i, p)) = r.persons.iter().enumerate().find(|(_, p)| p.has_role(PersonRole::Victim)) {
                out.push(
                    "transfer.victims".into(),
                    msg("check.MT118-9-victims.victims").arg("person", person_name(p, i)),
                );
            }
        },
    },
    Rule {
        code: "MT118-10-nbi",
        severity: Severity::Error,
        provision: cites!(ETS_73 "ETS 73 art. 35", MT_45_118 "GA res. 45/118 art. 10"),
        summary: "A transfer request gives the undertaking to suspend, then end, the requesting State's own prosecution (ne bis in idem).",
        check: |c, out| {
            let r = c.request;
            if transfer(r) && !r.transfer.undertakings.ne_bis_in_idem {
                out.push("transfer.undertakings.ne_bis_in_idem".into(), msg("check.MT118-10-nbi.undertaking").arg("state", state(r)));
            }
        },
    },
    Rule {
        code: "ETS73-16-report",
        severity: Severity::Info,
        provision: cites!(ETS_73 "ETS 73 art. 16", MT_45_118 "GA res. 45/118 art. 11"),
        summary: "While a transfer request sent is open, reminds that the requested State owes its decision, the outcome and a copy of the final decision.",
        check: |c, out| {
            let r = c.request;
            if transfer(r) && r.consult.status().open_after_sending() {
                out.push("consult.status_log".into(), msg("check.ETS73-16-report.report").arg("state", state(r)));
            }
        },
    },
    Rule {
        code: "UNTOC-21-forum",
        severity: Severity::Warning,
        provision: cites!(UNTOC_21 "UNTOC art. 21", UNCAC_47 "UNCAC art. 47"; "Eurojust Guidelines"),
        summary: "The forum analysis says where the conduct happened and where the suspect, witnesses and evidence are.",
        check: |c, out| {
            let r = c.request;
            if !transfer(r) {
                return;
            }
            let f = &r.transfer.forum;
            out.need(&f.territory, "transfer.forum.territory", msg("check.UNTOC-21-forum.territory"));
            out.need(&f.suspect_location, "transfer.forum.suspect_location", msg("check.UNTOC-21-forum.suspect"));
            out.need(&f.evidence_location, "transfer.forum.evidence_location", msg("check.UNTOC-21-forum.evidence"));
            out.need(&f.witnesses_location, "transfer.forum.witnesses_location", msg("check.UNTOC-21-forum.witnesses"));
        },
    },
    Rule {
        code: "TOP-PARALLEL",
        severity: Severity::Warning,
        provision: cites!(ETS_73 "ETS 73 art. 8(1)(d)", MT_45_118 "GA res. 45/118 art. 13"),
        summary: "The request says whether proceedings are already running in the requested State.",
        check: |c, out| {
            let r = c.request;
            if transfer(r) && blank(&r.transfer.forum.parallel_proceedings) {
                out.push("transfer.forum.parallel_proceedings".into(), msg("check.TOP-PARALLEL.parallel").arg("state", state(r)));
            }
        },
    },
    Rule {
        code: "TOP-CUSTODY",
        severity: Severity::Warning,
        provision: cites!(ETS_73 "ETS 73 Section 5", MT_45_118 "GA res. 45/118 art. 12"),
        summary: "For a suspect in custody, the custody end date is known and provisional measures are considered.",
        check: |c, out| {
            let r = c.request;
            if !transfer(r) || !r.proc.custody.in_custody {
                return;
            }
            let until = r.proc.custody.expiry_date.trim();
            if until.is_empty() {
                out.push("proc.custody.expiry_date".into(), msg("check.TOP-CUSTODY.expiry"));
            }
            if blank(&r.transfer.provisional_measures) {
                let message = if until.is_empty() {
                    msg("check.TOP-CUSTODY.measures")
                } else {
                    msg("check.TOP-CUSTODY.measures_until").arg("date", until)
                };
                out.push("transfer.provisional_measures".into(), message.arg("state", state(r)));
            }
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::{example, gap, reports, silent, run, with_demo_entry, with_empty_entry, Example::Transfer};
    use crate::request::{Attachment, Offence};

    #[test]
    fn example_has_no_errors_from_this_section() {
        for f in run(&example(Transfer)) {
            if RULES.iter().any(|rule| rule.code == f.code) {
                assert_ne!(f.severity, Severity::Error, "{f:?}");
            }
        }
    }

    #[test]
    fn six_months_clamps_to_month_end() {
        assert_eq!(six_months_after(time::macros::date!(2026 - 08 - 31)), time::macros::date!(2027 - 02 - 28));
        assert_eq!(six_months_after(time::macros::date!(2026 - 11 - 27)), time::macros::date!(2027 - 05 - 27));
        assert_eq!(six_months_after(time::macros::date!(2027 - 08 - 29)), time::macros::date!(2028 - 02 - 29));
        assert_eq!(six_months_after(time::macros::date!(9999 - 07 - 01)), time::Date::MAX);
        assert_eq!(six_months_after(time::Date::MIN), time::Date::from_calendar_date(-9999, time::Month::July, 1).unwrap());
    }

    #[test]
    fn transfer_without_act_or_time_and_place_is_flagged() {
        let mut r = example(Transfer);
        r.transfer.act_description.clear();
        r.facts.time_place.clear();
        reports(&r, "MT118-3-b", Severity::Error, "transfer.act_description");
        reports(&r, "MT118-3-b", Severity::Error, "facts.time_place");
        silent(&example(Transfer), "MT118-3-b");
    }

    #[test]
    fn transfer_without_investigation_results_is_flagged() {
        let mut r = example(Transfer);
        r.transfer.investigation_results.clear();
        reports(&r, "MT118-3-c", Severity::Error, "transfer.investigation_results");
        silent(&example(Transfer), "MT118-3-c");
    }

    #[test]
    fn transfer_without_text_of_the_provision_is_flagged() {
        let mut r = example(Transfer);
        r.offences[0].provision_text.clear();
        r.attachments.retain(|a| a.attachment_type != Some(AttachmentType::LegalText));
        reports(&r, "MT118-3-d", Severity::Error, "offences.0.provision_text");
        silent(&example(Transfer), "MT118-3-d");
    }

    #[test]
    fn transfer_suspect_without_nationality_is_flagged() {
        let mut r = example(Transfer);
        r.persons[0].nationalities.clear();
        reports(&r, "MT118-3-e", Severity::Error, "persons.0.nationalities");
        r.persons.remove(0);
        reports(&r, "MT118-3-e", Severity::Error, "persons");
        silent(&example(Transfer), "MT118-3-e");
    }

    #[test]
    fn transfer_without_dual_criminality_statement_is_flagged() {
        let mut r = example(Transfer);
        r.dual_crim.statement.clear();
        reports(&r, "MT118-6-dc", Severity::Error, "dual_crim.statement");
        silent(&example(Transfer), "MT118-6-dc");
    }

    #[test]
    fn ets73_transfer_without_grounds_is_flagged() {
        let mut r = example(Transfer);
        r.transfer.grounds.clear();
        reports(&r, "ETS73-8-ground", Severity::Error, "transfer.grounds");
        r.basis.primary = Some(Instrument::Bilateral);
        silent(&r, "ETS73-8-ground");
        silent(&example(Transfer), "ETS73-8-ground");
    }

    #[test]
    fn time_barred_prosecution_is_flagged() {
        let mut r = example(Transfer);
        r.proc.limitation_date = "2026-11-01".into();
        reports(&r, "ETS73-10-timebar", Severity::Error, "proc.limitation_date");
        r.proc.limitation_date.clear();
        r.proc.limitation_date.clear();
        reports(&r, "ETS73-10-timebar", Severity::Error, "proc.limitation_date");
        silent(&example(Transfer), "ETS73-10-timebar");
    }

    #[test]
    fn limitation_within_six_months_warns_unless_marked_urgent() {
        let mut r = example(Transfer);
        r.proc.limitation_date = "2027-03-01".into();
        reports(&r, "LIMIT-NEAR", Severity::Warning, "proc.limitation_date");
        r.urgency.flag = true;
        r.urgency.reasons.push(UrgencyReason::LimitationDate);
        silent(&r, "LIMIT-NEAR");
        let mut mla = Request::default();
        mla.proc.limitation_date = "2027-01-15".into();
        reports(&mla, "LIMIT-NEAR", Severity::Warning, "proc.limitation_date");
        silent(&example(Transfer), "LIMIT-NEAR");
    }

    #[test]
    fn unknown_or_past_limitation_in_requested_state_warns() {
        let mut r = example(Transfer);
        reports(&r, "ETS73-11-timebar-req", Severity::Warning, "transfer.forum.limitation_requested");
        r.transfer.forum.limitation_requested = "2025-01-01".into();
        reports(&r, "ETS73-11-timebar-req", Severity::Warning, "transfer.forum.limitation_requested");
        r.transfer.forum.limitation_requested = "2035-06-14".into();
        silent(&r, "ETS73-11-timebar-req");
    }

    #[test]
    fn fiscal_offence_or_foreign_suspect_is_a_refusal_risk() {
        let mut r = example(Transfer);
        r.offences.push(Offence { name: "Tax evasion".into(), category_flags: vec![OffenceCategory::Fiscal], ..Offence::default() });
        reports(&r, "ETS73-11-refusal", Severity::Warning, "offences.1.category_flags");
        let mut r = example(Transfer);
        r.transfer.grounds = vec![TransferGround::Evidence];
        reports(&r, "ETS73-11-refusal", Severity::Warning, "transfer.grounds");
        silent(&example(Transfer), "ETS73-11-refusal");
    }

    #[test]
    fn ets73_request_through_diplomatic_channel_or_non_urgent_interpol_is_flagged() {
        let mut r = example(Transfer);
        r.channel.route = Some(Channel::Diplomatic);
        reports(&r, "ETS73-13-channel", Severity::Error, "channel.route");
        r.channel.route = Some(Channel::Interpol);
        reports(&r, "ETS73-13-channel", Severity::Error, "channel.route");
        r.urgency.flag = true;
        silent(&r, "ETS73-13-channel");
        r.channel.route = Some(Channel::DirectJudicial);
        reports(&r, "ETS73-13-channel", Severity::Warning, "channel.route");
        silent(&example(Transfer), "ETS73-13-channel");
    }

    #[test]
    fn transfer_without_file_is_an_error_or_a_warning_when_remand_is_requested() {
        let mut r = example(Transfer);
        r.attachments.retain(|a| a.attachment_type != Some(AttachmentType::CriminalFile));
        reports(&r, "ETS73-15-file", Severity::Error, "attachments");
        r.transfer.provisional_measures = "Provisional arrest of Mr Lemaire under ETS 73 art. 27.".into();
        reports(&r, "ETS73-15-file", Severity::Warning, "attachments");
        silent(&example(Transfer), "ETS73-15-file");
    }

    #[test]
    fn uncertified_copy_of_the_file_is_flagged() {
        let mut r = example(Transfer);
        r.attachments[0].certified = false;
        reports(&r, "ETS73-15-certified", Severity::Warning, "attachments.0.certified");
        silent(&example(Transfer), "ETS73-15-certified");
    }

    #[test]
    fn untranslated_annexes_report_reservation_not_checked() {
        let mut r = with_empty_entry(example(Transfer));
        r.translation.covers_attachments = false;
        r.attachments.push(Attachment { title: "Photographs".into(), ..Attachment::default() });
        gap(&r, "ETS73-18-lang", "its status and reservations under ETS 73");
        // Calvania's demo entry records an art. 18 reservation.
        reports(&with_demo_entry(r.clone(), "XC"), "ETS73-18-lang", Severity::Error, "translation.covers_attachments");
        silent(&example(Transfer), "ETS73-18-lang");
    }

    #[test]
    fn transfer_without_suspect_views_is_flagged() {
        let mut r = example(Transfer);
        r.transfer.suspect_views.clear();
        reports(&r, "MT118-8-views", Severity::Warning, "transfer.suspect_views");
        silent(&example(Transfer), "MT118-8-views");
    }

    #[test]
    fn transfer_with_victim_but_no_victim_arrangements_is_flagged() {
        let mut r = example(Transfer);
        r.transfer.victims.clear();
        reports(&r, "MT118-9-victims", Severity::Warning, "transfer.victims");
        r.persons.retain(|p| p.role != Some(PersonRole::Victim));
        silent(&r, "MT118-9-victims");
        silent(&example(Transfer), "MT118-9-victims");
    }

    #[test]
    fn incomplete_forum_analysis_is_flagged() {
        let mut r = example(Transfer);
        r.transfer.forum.witnesses_location.clear();
        reports(&r, "UNTOC-21-forum", Severity::Warning, "transfer.forum.witnesses_location");
        silent(&example(Transfer), "UNTOC-21-forum");
    }

    #[test]
    fn transfer_without_parallel_proceedings_answer_is_flagged() {
        let mut r = example(Transfer);
        r.transfer.forum.parallel_proceedings.clear();
        reports(&r, "TOP-PARALLEL", Severity::Warning, "transfer.forum.parallel_proceedings");
        silent(&example(Transfer), "TOP-PARALLEL");
    }

    #[test]
    fn suspect_in_custody_without_provisional_measures_is_flagged() {
        let mut r = example(Transfer);
        r.proc.custody.in_custody = true;
        reports(&r, "TOP-CUSTODY", Severity::Warning, "proc.custody.expiry_date");
        reports(&r, "TOP-CUSTODY", Severity::Warning, "transfer.provisional_measures");
        r.proc.custody.expiry_date = "2027-01-10".into();
        r.transfer.provisional_measures = "Provisional arrest under ETS 73 art. 27.".into();
        silent(&r, "TOP-CUSTODY");
        silent(&example(Transfer), "TOP-CUSTODY");
    }
}
