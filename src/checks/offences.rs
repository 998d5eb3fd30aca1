//! Section C: offences, dual criminality and refusal risks.

use super::basis::{cite, instrument_name, not_in_entry};
use super::{blank, item, msg, state, Arg, Rule, Severity};
use super::provision::{cites, Provision};
use crate::request::{AttachmentType, Instrument, Offence, OffenceCategory, Request, RequestKind};

/// How the messages name an offence: its number and name.
fn offence_label(o: &Offence, i: usize) -> Arg {
    item("check.item.offence", i, &o.name)
}

/// Whether the request rests on CETS 224 (basis or supporting instrument).
fn cets224(r: &Request) -> bool {
    r.basis.primary == Some(Instrument::Cets224)
        || r.basis.secondary.contains(&Instrument::Cets224)
}

/// Whether the text of an offence's provision is given, in the offence or as
/// an annex of legal texts whose title names the provision.
fn provision_text_given(r: &Request, o: &Offence) -> bool {
    if !blank(&o.provision_text) {
        return true;
    }
    let provision = o.provision.trim().to_lowercase();
    !provision.is_empty()
        && r.attachments.iter().any(|a| {
            a.attachment_type == Some(AttachmentType::LegalText) && a.title.to_lowercase().contains(&provision)
        })
}

/// Dual criminality (UNTOC-18-9-dc).
const DUAL_CRIMINALITY: Provision = cites!(UNTOC_18 "UNTOC art. 18(9)", UNCAC_46 "UNCAC art. 46(9)", BUDAPEST "Budapest Convention art. 25(5)", ETS_30 "ETS 30 art. 5");

/// Refusal for essential interests or domestic law (REFUSAL-ESSENTIAL).
const ESSENTIAL_INTERESTS: Provision = cites!(UNTOC_18 "UNTOC art. 18(21)(b)–(d)", UNCAC_46 "UNCAC art. 46(21)(b)–(d)", DRUG88_7 "1988 Convention art. 7(15)", BUDAPEST "Budapest Convention art. 27(4)", ETS_30 "ETS 30 art. 2", MT_45_117 "GA res. 45/117 art. 4");

/// Fiscal offences are no ground for refusal (the message of REFUSAL-POL-MIL-FISC).
const FISCAL_NO_GROUND: Provision = cites!(UNTOC_18 "UNTOC art. 18(22)", UNCAC_46 "UNCAC art. 46(22)");

/// Section C of the catalogue.
pub(super) static RULES: &[Rule] = &[
    Rule {
        code: "OFF-TEXT",
        severity: Severity::Warning,
        provision: cites!(MT_45_117 "GA res. 45/117 art. 5(1)(c)", MT_45_118 "GA res. 45/118 art. 3(d)"),
        summary: "The text of each offence's legal provision is attached (MLA requests and transfers of proceedings).",
        check: |c, out| {
            let r = c.request;
            // Preservation (Budapest art. 29(2)(b)) and emergency disclosure
            // (CETS 224 art. 9) need the offence and a reference, not the text.
            if !matches!(r.kind, RequestKind::MlaEvidence | RequestKind::TransferOfProceedings) {
                return;
            }
            let required = r.kind == RequestKind::TransferOfProceedings || r.basis.primary == Some(Instrument::Reciprocity);
            for (i, o) in r.offences.iter().enumerate() {
                if provision_text_given(r, o) {
                    continue;
                }
                let message = if blank(&o.provision) {
                    msg("check.OFF-TEXT.text_unnamed")
                } else {
                    msg("check.OFF-TEXT.text").arg("provision", o.provision.trim())
                };
                let message = message.arg("offence", offence_label(o, i)).arg("state", state(r));
                let path = format!("offences.{i}.provision_text");
                if required {
                    out.push_at(Severity::Error, path, message);
                } else {
                    out.push(path, message);
                }
            }
        },
    },
    Rule {
        code: "OFF-PENALTY",
        severity: Severity::Warning,
        provision: cites!(CETS_224 "CETS 224 arts. 7–9", UNTOC_18 "UNTOC art. 2(b)"),
        summary: "Each offence gives its maximum penalty (required for CETS 224 requests).",
        check: |c, out| {
            let r = c.request;
            // Emergency disclosure: CETS224-9-offence already requires the penalty.
            if r.kind == RequestKind::EmergencyDisclosure {
                return;
            }
            let required = cets224(r);
            for (i, o) in r.offences.iter().enumerate() {
                if !blank(&o.max_penalty) {
                    continue;
                }
                let key = if required { "check.OFF-PENALTY.penalty_cets224" } else { "check.OFF-PENALTY.penalty" };
                let message = msg(key).arg("offence", offence_label(o, i));
                let path = format!("offences.{i}.max_penalty");
                if required {
                    out.push_at(Severity::Error, path, message);
                } else {
                    out.push(path, message);
                }
            }
        },
    },
    Rule {
        code: "UNTOC-18-9-dc",
        severity: Severity::Warning,
        provision: DUAL_CRIMINALITY,
        summary: "A request for coercive measures explains why the conduct is also an offence in the requested State.",
        check: |c, out| {
            let r = c.request;
            if r.coercive() && blank(&r.dual_crim.statement) {
                out.push(
                    "dual_crim.statement".into(),
                    msg("check.UNTOC-18-9-dc.statement").arg("state", state(r)).arg("provision", cite(r, &DUAL_CRIMINALITY)),
                );
            }
        },
    },
    Rule {
        code: "DIR-DC-REQUIRED",
        severity: Severity::Warning,
        provision: cites!(; "Directory"),
        summary: "A dual-criminality statement is given where the requested State requires dual criminality for all assistance (needs the directory).",
        check: |c, out| {
            let r = c.request;
            // Coercive requests are covered by UNTOC-18-9-dc; preservation,
            // emergency and transfer requests by their own sections.
            if r.kind == RequestKind::MlaEvidence && !r.coercive() && blank(&r.dual_crim.statement) && !blank(&r.req_state) {
                use crate::directory::DualCriminalityStance as Stance;
                let stance = super::basis::directory_data(r).and_then(|e| e.requirements.dual_criminality);
                match stance {
                    Some(Stance::RequiredAll) => out.push("dual_crim.statement".into(), msg("check.DIR-DC-REQUIRED.required").arg("state", state(r))),
                    Some(Stance::CaseByCase) => out.push("dual_crim.statement".into(), msg("check.DIR-DC-REQUIRED.case_by_case").arg("state", state(r))),
                    Some(Stance::NotRequired | Stance::RequiredForCoercive) => {}
                    Some(Stance::Unknown) | None => not_in_entry(out, msg("check.DIR-NO-ENTRY.add.dual_criminality")),
                }
            }
        },
    },
    Rule {
        code: "UNCAC-46-9-b",
        severity: Severity::Info,
        provision: cites!(UNCAC_46 "UNCAC art. 46(9)(b)"),
        summary: "A non-coercive request under UNCAC is reminded that absence of dual criminality should not by itself prevent assistance.",
        check: |c, out| {
            let r = c.request;
            if r.kind == RequestKind::MlaEvidence && r.basis.primary == Some(Instrument::Uncac46) && !r.coercive() {
                out.push(
                    "dual_crim.statement".into(),
                    msg("check.UNCAC-46-9-b.reminder").arg("state", state(r)),
                );
            }
        },
    },
    Rule {
        code: "REFUSAL-POL-MIL-FISC",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(21)–(22)", UNCAC_46 "UNCAC art. 46(21)–(22)", DRUG88_7 "1988 Convention art. 7(15)", BUDAPEST "Budapest Convention arts. 27(4), 29(5)", ETS_30 "ETS 30 art. 2", MT_45_117 "GA res. 45/117 art. 4", ETS_73 "ETS 73 art. 11", MT_45_118 "GA res. 45/118 art. 7"),
        summary: "Offences flagged political, military or fiscal are pointed out as a refusal risk.",
        check: |c, out| {
            let r = c.request;
            let basis: Arg = r.basis.primary.map(|i| instrument_name(r, i)).unwrap_or_else(|| msg("check.word.basis_chosen").into());
            let un = matches!(r.basis.primary, Some(Instrument::Untoc18 | Instrument::Uncac46));
            for (i, o) in r.offences.iter().enumerate() {
                for flag in &o.category_flags {
                    let message = match flag {
                        // Preservation: BUD-29-5-pol covers political offences.
                        OffenceCategory::Political if r.kind == RequestKind::Preservation => continue,
                        OffenceCategory::Political => msg("check.REFUSAL-POL-MIL-FISC.political").arg("state", state(r)),
                        OffenceCategory::Military => msg("check.REFUSAL-POL-MIL-FISC.military").arg("state", state(r)),
                        OffenceCategory::Fiscal if un => msg("check.REFUSAL-POL-MIL-FISC.fiscal_un").arg("provision", cite(r, &FISCAL_NO_GROUND)),
                        OffenceCategory::Fiscal => msg("check.REFUSAL-POL-MIL-FISC.fiscal").arg("state", state(r)),
                        _ => continue,
                    };
                    let message = message.arg("offence", offence_label(o, i)).arg("basis", basis.clone());
                    out.push(format!("offences.{i}.category_flags"), message);
                }
            }
        },
    },
    Rule {
        code: "REFUSAL-ESSENTIAL",
        severity: Severity::Info,
        provision: ESSENTIAL_INTERESTS,
        summary: "Reminder of the refusal grounds of essential interests and domestic law (MLA requests).",
        check: |c, out| {
            let r = c.request;
            if r.kind == RequestKind::MlaEvidence {
                out.push(
                    "mla.modules".into(),
                    msg("check.REFUSAL-ESSENTIAL.reminder").arg("state", state(r)).arg("provision", cite(r, &ESSENTIAL_INTERESTS)),
                );
            }
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::{example, gap, found, only_finding, run, with_empty_entry, Example::{self, Mla, Preservation, Emergency, Transfer}};
    use crate::request::{Attachment, Module};

    /// An MLA request asking only for statements (not coercive).
    fn non_coercive() -> Request {
        let mut r = example(Mla);
        r.mla.modules = vec![Module::Statements];
        r
    }

    #[test]
    fn examples_raise_no_errors_or_warnings_from_this_section() {
        for kind in Example::ALL {
            let r = example(kind);
            for f in run(&r) {
                if RULES.iter().any(|rule| rule.code == f.code) {
                    assert_eq!(f.severity, Severity::Info, "{kind:?}: {f:?}");
                }
            }
        }
    }

    #[test]
    fn mla_offence_without_provision_text_is_a_warning() {
        let mut r = example(Mla);
        r.offences[1].provision_text.clear();
        let f = only_finding(&r, "OFF-TEXT", Severity::Warning, "offences.1.provision_text");
        assert!(f.message.contains("Offence 2 (Money laundering)"));
        assert!(f.message.contains("section 301(1)"));
        assert!(found(&example(Mla), "OFF-TEXT").is_empty());
    }

    #[test]
    fn transfer_offence_without_provision_text_is_an_error() {
        let mut r = example(Transfer);
        r.offences[0].provision_text.clear();
        only_finding(&r, "OFF-TEXT", Severity::Error, "offences.0.provision_text");
    }

    #[test]
    fn reciprocity_request_without_provision_text_is_an_error() {
        let mut r = example(Mla);
        r.basis.primary = Some(Instrument::Reciprocity);
        r.offences[0].provision_text.clear();
        only_finding(&r, "OFF-TEXT", Severity::Error, "offences.0.provision_text");
    }

    #[test]
    fn provision_text_may_be_an_annex_naming_the_provision() {
        let mut r = example(Mla);
        r.offences[0].provision_text.clear();
        r.attachments.push(Attachment {
            attachment_type: Some(AttachmentType::LegalText),
            title: "Criminal Code of Arden, section 214(2)".into(),
            ..Attachment::default()
        });
        assert!(found(&r, "OFF-TEXT").is_empty());
    }

    #[test]
    fn preservation_offences_need_no_provision_text() {
        assert!(found(&example(Preservation), "OFF-TEXT").is_empty());
        assert!(found(&example(Emergency), "OFF-TEXT").is_empty());
    }

    #[test]
    fn offence_without_penalty_is_a_warning() {
        let mut r = example(Mla);
        r.offences[0].max_penalty.clear();
        only_finding(&r, "OFF-PENALTY", Severity::Warning, "offences.0.max_penalty");
        assert!(found(&example(Mla), "OFF-PENALTY").is_empty());
    }

    #[test]
    fn cets224_request_without_penalty_is_an_error() {
        let mut r = example(Mla);
        r.basis.primary = Some(Instrument::Cets224);
        r.offences[0].max_penalty = " ".into();
        only_finding(&r, "OFF-PENALTY", Severity::Error, "offences.0.max_penalty");
        r.offences[0].max_penalty = "10 years' imprisonment".into();
        assert!(found(&r, "OFF-PENALTY").is_empty());
    }

    #[test]
    fn emergency_penalty_is_left_to_the_emergency_rule() {
        let mut r = example(Emergency);
        r.offences[0].max_penalty.clear();
        assert!(found(&r, "OFF-PENALTY").is_empty());
    }

    #[test]
    fn coercive_request_without_dual_criminality_statement_is_flagged() {
        let mut r = example(Mla);
        r.dual_crim.statement.clear();
        let f = only_finding(&r, "UNTOC-18-9-dc", Severity::Warning, "dual_crim.statement");
        assert!(f.message.contains("Kingdom of Norland"));
        assert!(f.message.contains("UNTOC art. 18(9)"));
        assert!(found(&example(Mla), "UNTOC-18-9-dc").is_empty());
    }

    #[test]
    fn non_coercive_request_needs_no_dual_criminality_statement() {
        let mut r = non_coercive();
        r.dual_crim.statement.clear();
        assert!(found(&r, "UNTOC-18-9-dc").is_empty());
    }

    #[test]
    fn non_coercive_request_without_statement_could_not_be_checked_against_directory() {
        let mut r = with_empty_entry(non_coercive());
        r.dual_crim.statement.clear();
        gap(&r, "DIR-DC-REQUIRED", "its stance on dual criminality");
        r.req_state_entry.as_mut().unwrap().requirements.dual_criminality = Some(crate::directory::DualCriminalityStance::RequiredAll);
        only_finding(&r, "DIR-DC-REQUIRED", Severity::Warning, "dual_crim.statement");
        r.req_state_entry.as_mut().unwrap().requirements.dual_criminality = Some(crate::directory::DualCriminalityStance::RequiredForCoercive);
        assert!(found(&r, "DIR-DC-REQUIRED").is_empty());
        assert!(found(&non_coercive(), "DIR-DC-REQUIRED").is_empty());
    }

    #[test]
    fn non_coercive_uncac_request_gets_dual_criminality_advice() {
        let mut r = non_coercive();
        r.basis.primary = Some(Instrument::Uncac46);
        only_finding(&r, "UNCAC-46-9-b", Severity::Info, "dual_crim.statement");
        r.mla.modules.push(Module::Records);
        assert!(found(&r, "UNCAC-46-9-b").is_empty());
    }

    #[test]
    fn political_offence_is_a_refusal_risk() {
        let mut r = example(Mla);
        r.offences[0].category_flags.push(OffenceCategory::Political);
        let f = only_finding(&r, "REFUSAL-POL-MIL-FISC", Severity::Warning, "offences.0.category_flags");
        assert!(f.message.contains("Offence 1 (Aggravated fraud)"));
        assert!(found(&example(Mla), "REFUSAL-POL-MIL-FISC").is_empty());
    }

    #[test]
    fn fiscal_offence_under_untoc_is_not_a_ground_for_refusal() {
        let mut r = example(Mla);
        r.offences[1].category_flags.push(OffenceCategory::Fiscal);
        let f = only_finding(&r, "REFUSAL-POL-MIL-FISC", Severity::Warning, "offences.1.category_flags");
        assert!(f.message.contains("not a ground for refusal"));
        assert!(f.message.contains("UNTOC art. 18(22)"));
    }

    #[test]
    fn political_offence_in_preservation_is_left_to_the_preservation_rule() {
        let mut r = example(Preservation);
        r.offences[0].category_flags.push(OffenceCategory::Political);
        assert!(found(&r, "REFUSAL-POL-MIL-FISC").is_empty());
    }

    #[test]
    fn mla_request_gets_essential_interests_reminder() {
        let f = only_finding(&example(Mla), "REFUSAL-ESSENTIAL", Severity::Info, "mla.modules");
        assert!(f.message.contains("Kingdom of Norland"));
        assert!(found(&example(Transfer), "REFUSAL-ESSENTIAL").is_empty());
    }
}
