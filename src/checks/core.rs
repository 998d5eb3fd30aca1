//! Section A of the catalogue: the contents every request must have (UNTOC
//! art. 18(15) and its equivalents), the legal basis and the signature.

use super::{blank, msg, option, person_name, state, Rule, Severity};
use super::provision::cites;
use crate::request::{Instrument, PersonRole, PersonType, Request, RequestKind};

/// Kinds (a) and (d) must describe the proceedings (UNTOC art. 18(15)(b)).
fn proceedings_required(r: &Request) -> bool {
    matches!(r.kind, RequestKind::MlaEvidence | RequestKind::TransferOfProceedings)
}

/// Section A of the catalogue: the core contents of every request.
pub(super) static RULES: &[Rule] = &[
    Rule {
        code: "UNTOC-18-15-a",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(a)", UNCAC_46 "UNCAC art. 46(15)(a)", DRUG88_7 "1988 Convention art. 7(10)(a)", CETS_224 "CETS 224 art. 9", ETS_30 "ETS 30 art. 14", MT_45_117 "GA res. 45/117 art. 5(1)(a)", HARARE "Harare Scheme para. 14", MT_45_118 "GA res. 45/118 art. 3(a)"),
        summary: "The requesting authority is identified, with an address and a contact for questions.",
        check: |c, out| {
            let r = c.request;
            let a = &r.req_auth;
            out.need(&a.name, "req_auth.name", msg("check.UNTOC-18-15-a.name"));
            out.need(&a.address, "req_auth.address", msg("check.UNTOC-18-15-a.address"));
            out.need(&a.contact_person, "req_auth.contact_person", msg("check.UNTOC-18-15-a.contact_person"));
            if blank(&a.email) && blank(&a.phone) {
                out.push("req_auth.email".into(), msg("check.UNTOC-18-15-a.contact"));
            }
        },
    },
    Rule {
        code: "UNTOC-18-7-basis",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(7)", UNCAC_46 "UNCAC art. 46(7)", DRUG88_7 "1988 Convention art. 7(6)–(7)", BUDAPEST "Budapest Convention art. 27(1)"),
        summary: "A legal basis is chosen, with the treaty's title, date and article for a bilateral treaty.",
        check: |c, out| match c.request.basis.primary {
            None => out.push("basis.primary".into(), msg("check.UNTOC-18-7-basis.none")),
            Some(Instrument::Bilateral) => out.need(&c.request.basis.treaty_citation, "basis.treaty_citation", msg("check.UNTOC-18-7-basis.treaty_citation")),
            Some(_) => {}
        },
    },
    Rule {
        code: "HARARE-3-cert",
        severity: Severity::Error,
        provision: cites!(HARARE "Harare Scheme para. 3"),
        summary: "A request under the Harare Scheme carries the central authority's certificate that proceedings have begun or that there is reasonable cause to believe an offence was committed, with the officer who gives it.",
        check: |c, out| {
            let r = c.request;
            if r.basis.primary != Some(Instrument::Harare) {
                return;
            }
            let certificate = &r.central_authority_certificate;
            if certificate.ground.is_none() {
                out.push("central_authority_certificate.ground".into(), msg("check.HARARE-3-cert.ground"));
            }
            out.need(&certificate.officer, "central_authority_certificate.officer", msg("check.HARARE-3-cert.officer"));
        },
    },
    Rule {
        code: "UNTOC-18-15-b-nature",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(b)", UNCAC_46 "UNCAC art. 46(15)(b)", DRUG88_7 "1988 Convention art. 7(10)(b)", ETS_30 "ETS 30 art. 14", HARARE "Harare Scheme para. 14"),
        summary: "The nature, stage and subject matter of the proceedings are described.",
        check: |c, out| {
            let r = c.request;
            if !proceedings_required(r) {
                return;
            }
            if r.proc.nature.is_none() {
                out.push("proc.nature".into(), msg("check.UNTOC-18-15-b-nature.nature"));
            }
            out.need(&r.proc.stage, "proc.stage", msg("check.UNTOC-18-15-b-nature.stage"));
            out.need(&r.proc.subject_matter, "proc.subject_matter", msg("check.UNTOC-18-15-b-nature.subject_matter"));
        },
    },
    Rule {
        code: "UNTOC-18-15-b-auth",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(b)", UNCAC_46 "UNCAC art. 46(15)(b)", DRUG88_7 "1988 Convention art. 7(10)(b)", MT_45_117 "GA res. 45/117 art. 5(1)(a)", HARARE "Harare Scheme para. 14"),
        summary: "The authority conducting the proceedings and its function are named.",
        check: |c, out| {
            let r = c.request;
            if !proceedings_required(r) {
                return;
            }
            out.need(&r.proc.conducting_auth.name, "proc.conducting_auth.name", msg("check.UNTOC-18-15-b-auth.name"));
            out.need(&r.proc.conducting_auth.functions, "proc.conducting_auth.functions", msg("check.UNTOC-18-15-b-auth.functions"));
        },
    },
    Rule {
        code: "UNTOC-18-15-c",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(c)", UNCAC_46 "UNCAC art. 46(15)(c)", DRUG88_7 "1988 Convention art. 7(10)(c)", ETS_30 "ETS 30 art. 14", MT_45_117 "GA res. 45/117 art. 5(1)(c)", HARARE "Harare Scheme para. 14"),
        summary: "A summary of the relevant facts is given.",
        check: |c, out| {
            let r = c.request;
            if matches!(r.kind, RequestKind::MlaEvidence | RequestKind::TransferOfProceedings) && !r.service_only() {
                out.need(&r.facts.summary, "facts.summary", msg("check.UNTOC-18-15-c.summary"));
            }
        },
    },
    Rule {
        code: "UNTOC-18-15-c-link",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(1), 18(15)(f)", UNCAC_46 "UNCAC art. 46(15)(f)", DRUG88_7 "1988 Convention art. 7(10)(f)"),
        summary: "The request explains why evidence, persons or assets are in the requested State.",
        check: |c, out| {
            let r = c.request;
            if r.kind == RequestKind::MlaEvidence && !r.service_only() && blank(&r.facts.link_to_req_state) {
                out.push("facts.link_to_req_state".into(), msg("check.UNTOC-18-15-c-link.link").arg("state", state(r)));
            }
        },
    },
    Rule {
        code: "OFF-PROVISION",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(b)", UNCAC_46 "UNCAC art. 46(15)(b)", DRUG88_7 "1988 Convention art. 7(10)(b)", BUDAPEST "Budapest Convention art. 29(2)(b)", CETS_224 "CETS 224 arts. 7–9", ETS_30 "ETS 30 art. 14", MT_45_117 "GA res. 45/117 art. 5(1)(c)", HARARE "Harare Scheme para. 14", MT_45_118 "GA res. 45/118 art. 3(d)"),
        summary: "At least one offence is given, each with its name and legal provision.",
        check: |c, out| {
            let r = c.request;
            if r.offences.is_empty() {
                out.push("offences".into(), msg("check.OFF-PROVISION.none"));
            }
            for (i, o) in r.offences.iter().enumerate() {
                out.need(&o.name, &format!("offences.{i}.name"), msg("check.OFF-PROVISION.name").arg("n", i + 1));
                out.need(&o.provision, &format!("offences.{i}.provision"), msg("check.OFF-PROVISION.provision").arg("n", i + 1));
            }
        },
    },
    Rule {
        code: "UNTOC-18-15-d",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(d)", UNCAC_46 "UNCAC art. 46(15)(d)", DRUG88_7 "1988 Convention art. 7(10)(d)", ETS_30 "ETS 30 art. 14", MT_45_117 "GA res. 45/117 art. 5(1)(b)", HARARE "Harare Scheme para. 14"),
        summary: "An MLA request selects at least one type of assistance and describes at least one item of each.",
        check: |c, out| {
            let r = c.request;
            if r.kind != RequestKind::MlaEvidence {
                return;
            }
            if r.mla.modules.is_empty() {
                out.push("mla.modules".into(), msg("check.UNTOC-18-15-d.modules").arg("state", state(r)));
            }
            for module in &r.mla.modules {
                let (path, count) = r.mla.items(*module);
                if count == 0 {
                    out.push(path.into(), msg("check.UNTOC-18-15-d.items").arg("measure", option(*module)).arg("state", state(r)));
                }
            }
            for (i, m) in r.mla.other.iter().enumerate() {
                out.need(&m.description, &format!("mla.other.{i}.description"), msg("check.UNTOC-18-15-d.other").arg("n", i + 1));
            }
        },
    },
    Rule {
        code: "UNTOC-18-15-e-id",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(e)", UNCAC_46 "UNCAC art. 46(15)(e)", DRUG88_7 "1988 Convention art. 7(10)(e)", ETS_30 "ETS 30 art. 14", MT_45_118 "GA res. 45/118 art. 3(e)"),
        summary: "Each person has a name, or a description if the name is unknown.",
        check: |c, out| {
            let r = c.request;
            for (i, p) in r.persons.iter().enumerate() {
                if !p.is_identified() {
                    out.push(format!("persons.{i}.family_name"), msg("check.UNTOC-18-15-e-id.name").arg("n", i + 1));
                }
            }
        },
    },
    Rule {
        code: "UNTOC-18-15-e-loc",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(e)", UNCAC_46 "UNCAC art. 46(15)(e)", DRUG88_7 "1988 Convention art. 7(10)(e)", ETS_30 "ETS 30 art. 14", MT_45_118 "GA res. 45/118 art. 3(e)"),
        summary: "Natural persons who are suspects, accused, witnesses, experts or record holders have a nationality and whereabouts, or a reason why not (a legal person's seat is UNTOC-18-15-e-legal's).",
        check: |c, out| {
            let r = c.request;
            for (i, p) in r.persons.iter().enumerate() {
                let concerned = !p.is_legal()
                    && p.has_any_role(&[PersonRole::Suspect, PersonRole::Accused, PersonRole::Witness, PersonRole::Expert, PersonRole::AccountHolder]);
                if concerned && blank(&p.location_unknown_reason) && (blank(&p.nationalities) || blank(&p.location)) {
                    let path = if blank(&p.nationalities) { "nationalities" } else { "location" };
                    out.push(
                        format!("persons.{i}.{path}"),
                        msg("check.UNTOC-18-15-e-loc.whereabouts").arg("person", person_name(p, i)).arg("state", state(r)),
                    );
                }
            }
        },
    },
    Rule {
        code: "UNTOC-18-15-c-svc",
        severity: Severity::Info,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(c)", UNCAC_46 "UNCAC art. 46(15)(c)", DRUG88_7 "1988 Convention art. 7(10)(c)", MT_45_117 "GA res. 45/117 art. 5(1)(c)"),
        summary: "A service-only request without facts is valid, but a little context helps.",
        check: |c, out| {
            let r = c.request;
            if r.service_only() && blank(&r.facts.summary) {
                out.push(
                    "facts.summary".into(),
                    msg("check.UNTOC-18-15-c-svc.context"),
                );
            }
        },
    },
    Rule {
        code: "UNTOC-18-15-d-proc",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(d), 18(17)", UNCAC_46 "UNCAC art. 46(15)(d), 46(17)", DRUG88_7 "1988 Convention art. 7(10)(d), 7(12)", BUDAPEST "Budapest Convention art. 27(3)", ETS_30 "ETS 30 art. 3", MT_45_117 "GA res. 45/117 art. 5(1)(e)", HARARE "Harare Scheme para. 14"),
        summary: "Each particular procedure requested comes with its reasons.",
        check: |c, out| {
            let p = &c.request.procedure;
            if !blank(&p.requested) && blank(&p.reasons) {
                out.push(
                    "procedure.reasons".into(),
                    msg("check.UNTOC-18-15-d-proc.reasons"),
                );
            }
        },
    },
    Rule {
        code: "UNTOC-18-15-e-legal",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(e)", UNCAC_46 "UNCAC art. 46(15)(e)", DRUG88_7 "1988 Convention art. 7(10)(e)", ETS_30 "ETS 30 art. 14"; "EIO Annex A section E"),
        summary: "Legal persons have a registration number and a registered seat.",
        check: |c, out| {
            for (i, p) in c.request.persons.iter().enumerate() {
                if p.person_type != Some(PersonType::Legal) {
                    continue;
                }
                let name = person_name(p, i);
                out.need(&p.registration_no, &format!("persons.{i}.registration_no"), msg("check.UNTOC-18-15-e-legal.registration_no").arg("entity", name.clone()));
                out.need(&p.location, &format!("persons.{i}.location"), msg("check.UNTOC-18-15-e-legal.seat").arg("entity", name));
            }
        },
    },
    Rule {
        code: "UNTOC-18-15-f-item",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(f)", UNCAC_46 "UNCAC art. 46(15)(f)", DRUG88_7 "1988 Convention art. 7(10)(f)"),
        summary: "Each measure of an MLA request says how it relates to the facts and why it is needed.",
        check: |c, out| {
            let r = c.request;
            if r.kind != RequestKind::MlaEvidence {
                return;
            }
            let m = &r.mla;
            let items = m.statements.iter().map(|x| &x.relevance).enumerate().map(|(i, v)| ("mla.statements", i, v))
                .chain(m.records.iter().map(|x| &x.relevance).enumerate().map(|(i, v)| ("mla.records", i, v)))
                .chain(m.searches.iter().map(|x| &x.relevance).enumerate().map(|(i, v)| ("mla.searches", i, v)))
                .chain(m.stored_data.iter().map(|x| &x.relevance).enumerate().map(|(i, v)| ("mla.stored_data", i, v)))
                .chain(m.examination.iter().map(|x| &x.relevance).enumerate().map(|(i, v)| ("mla.examination", i, v)))
                .chain(m.other.iter().map(|x| &x.relevance).enumerate().map(|(i, v)| ("mla.other", i, v)));
            for (group, i, relevance) in items {
                out.need(relevance, &format!("{group}.{i}.relevance"), msg("check.UNTOC-18-15-f-item.relevance").arg("n", i + 1));
            }
        },
    },
    Rule {
        code: "UNTOC-18-15-f",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(15)(f)", UNCAC_46 "UNCAC art. 46(15)(f)", DRUG88_7 "1988 Convention art. 7(10)(f)", ETS_30 "ETS 30 art. 14", MT_45_117 "GA res. 45/117 art. 5(1)(b)", HARARE "Harare Scheme para. 14"),
        summary: "The purpose of the assistance is stated.",
        check: |c, out| {
            let r = c.request;
            if r.kind == RequestKind::MlaEvidence {
                out.need(&r.purpose.statement, "purpose.statement", msg("check.UNTOC-18-15-f.purpose"));
            }
        },
    },
    Rule {
        code: "SIGN-BLOCK",
        severity: Severity::Error,
        provision: cites!(UNTOC_18 "UNTOC art. 18(14)", UNCAC_46 "UNCAC art. 46(14)", DRUG88_7 "1988 Convention art. 7(9)", BUDAPEST "Budapest Convention art. 25(3)", ETS_73 "ETS 73 art. 13", MT_45_118 "GA res. 45/118 art. 2"),
        summary: "The signature block has a name, title, place and date.",
        check: |c, out| {
            let r = c.request;
            out.need(&r.sign.name, "sign.name", msg("check.SIGN-BLOCK.name"));
            out.need(&r.sign.title, "sign.title", msg("check.SIGN-BLOCK.title"));
            out.need(&r.sign.place, "sign.place", msg("check.SIGN-BLOCK.place"));
            out.need(&r.sign.date, "sign.date", msg("check.SIGN-BLOCK.date"));
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::{found, run};
    use crate::request::Person;

    fn codes(r: &Request) -> Vec<&'static str> {
        let mut c: Vec<_> = run(r).iter().map(|f| f.code).collect();
        c.dedup();
        c
    }

    #[test]
    fn empty_request_misses_every_core_element() {
        let c = codes(&Request::default());
        for code in ["UNTOC-18-15-a", "UNTOC-18-7-basis", "UNTOC-18-15-b-nature", "UNTOC-18-15-b-auth", "UNTOC-18-15-c", "UNTOC-18-15-d", "UNTOC-18-15-f"] {
            assert!(c.contains(&code), "{code} missing from {c:?}");
        }
    }

    #[test]
    fn bilateral_basis_needs_a_citation() {
        let mut r = Request::default();
        r.basis.primary = Some(Instrument::Bilateral);
        let f = found(&r, "UNTOC-18-7-basis");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].path, "basis.treaty_citation");
        r.basis.treaty_citation = "Treaty of 3 May 2011, art. 4".into();
        assert!(run(&r).iter().all(|f| f.code != "UNTOC-18-7-basis"));
    }

    #[test]
    fn witness_without_whereabouts_is_a_warning_unless_explained() {
        let mut r = Request::default();
        r.persons.push(Person { role: Some(PersonRole::Witness), family_name: "Varga".into(), nationalities: "Norland".into(), ..Person::default() });
        let f = found(&r, "UNTOC-18-15-e-loc");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].path, "persons.0.location");
        assert_eq!(f[0].severity, Severity::Warning);
        r.persons[0].location_unknown_reason = "Moved abroad, address not known".into();
        assert!(run(&r).iter().all(|f| f.code != "UNTOC-18-15-e-loc"));
    }

    #[test]
    fn service_only_request_without_facts_gets_advice_not_an_error() {
        let mut r = Request::default();
        r.mla.modules = vec![crate::request::Module::Service];
        let codes = codes(&r);
        assert!(codes.contains(&"UNTOC-18-15-c-svc"));
        assert!(!codes.contains(&"UNTOC-18-15-c"));
        r.facts.summary = "The addressee is a witness in a fraud trial.".into();
        assert!(!run(&r).iter().any(|f| f.code == "UNTOC-18-15-c-svc"));
    }

    #[test]
    fn particular_procedure_without_reasons_is_flagged() {
        let mut r = Request::default();
        r.procedure.requested = "Verbatim record signed by the witness".into();
        assert!(codes(&r).contains(&"UNTOC-18-15-d-proc"));
        r.procedure.reasons = "Only a signed verbatim record is admissible at trial in Arden.".into();
        assert!(!codes(&r).contains(&"UNTOC-18-15-d-proc"));
    }

    #[test]
    fn legal_person_without_registration_is_flagged() {
        let mut r = Request::default();
        r.persons.push(Person { person_type: Some(PersonType::Legal), family_name: "Halvard Logistics AS".into(), location: "Bergvik".into(), ..Person::default() });
        let f = found(&r, "UNTOC-18-15-e-legal");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].path, "persons.0.registration_no");
        r.persons[0].registration_no = "918 442 107".into();
        assert!(!codes(&r).contains(&"UNTOC-18-15-e-legal"));
    }

    #[test]
    fn measure_without_relevance_is_flagged() {
        let mut r = Request::default();
        r.mla.modules = vec![crate::request::Module::Other];
        r.mla.other.push(crate::request::mla::OtherAssistance { description: "Obtain the lease of flat 4".into(), relevance: String::new() });
        let f = found(&r, "UNTOC-18-15-f-item");
        assert_eq!(f[0].path, "mla.other.0.relevance");
        r.mla.other[0].relevance = "The lease names the person who rented the flat.".into();
        assert!(!codes(&r).contains(&"UNTOC-18-15-f-item"));
    }

    #[test]
    fn person_without_a_name_is_an_error() {
        let mut r = Request::default();
        r.persons.push(Person { role: Some(PersonRole::Witness), ..Person::default() });
        let f = found(&r, "UNTOC-18-15-e-id");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].path, "persons.0.family_name");
        r.persons[0].family_name = "Varga".into();
        assert!(!codes(&r).contains(&"UNTOC-18-15-e-id"));
    }

    /// The complete examples are the fixtures on which no rule of this
    /// section may fire.
    #[test]
    fn complete_examples_trigger_no_rule_of_this_section() {
        for text in [
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/mla-evidence-fraud-arden-norland.json")),
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/preservation-ransomware-arden-vestria.json")),
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/emergency-disclosure-abduction-arden-norland.json")),
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/transfer-of-proceedings-road-death-arden-calvania.json")),
        ] {
            let r = crate::request::read::parse_request(text, "example").unwrap();
            let fired: Vec<_> = codes(&r).into_iter().filter(|c| RULES.iter().any(|rule| rule.code == *c)).collect();
            assert!(fired.is_empty(), "{:?} fired on the {} example", fired, r.kind.key());
        }
    }

    #[test]
    fn a_harare_request_needs_the_central_authoritys_certificate_and_no_other_basis_does() {
        use crate::checks::tests::{example, only_finding, silent, Example};
        use crate::request::CertificateGround;
        let mut r = example(Example::Mla);
        silent(&r, "HARARE-3-cert");
        r.basis.primary = Some(Instrument::Harare);
        let f = found(&r, "HARARE-3-cert");
        assert_eq!(f.iter().map(|f| f.path.as_str()).collect::<Vec<_>>(), ["central_authority_certificate.ground", "central_authority_certificate.officer"]);
        assert!(f.iter().all(|f| f.severity == Severity::Error && f.provision == "Harare Scheme para. 3"), "{f:?}");
        r.central_authority_certificate.ground = Some(CertificateGround::ReasonableCause);
        only_finding(&r, "HARARE-3-cert", Severity::Error, "central_authority_certificate.officer");
        r.central_authority_certificate.officer = "Ms Ana Ruiz, Head of the Central Authority".into();
        silent(&r, "HARARE-3-cert");
    }
}
