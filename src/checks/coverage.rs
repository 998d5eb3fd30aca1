//! Every rule of the catalogue, with a change to a complete example that
//! makes it fire and a request of the same kind on which it stays silent.
//! A rule missing from [`CASES`] fails the test: adding a rule means adding
//! its line here.

use super::tests::{example, Example};
use Example::{Emergency, Mla, Preservation, Transfer};
use super::{rules, Finding};
use crate::directory::demo::Mode;
use crate::directory::{AuthorityRole, DualCriminalityStance, PartyStatus};
use crate::request::emergency::EmergencyRoute;
use crate::request::mla::{
    Appearance, ControlledDelivery, DetaineeTransfer, Freezing, HearingCapacity, JointTeam, OtherAssistance, RealTime, RecordClass, Records, Search,
    Service, Statement, StoredData, Tracing, Videoconference,
};
use crate::request::{TransmissionMeans, 
    Attachment, AttachmentType, AuthorityType, Channel, DataCategory, DataSpec, DocumentLanguage, Instrument, Module, OffenceCategory, Person, PersonRole, PersonType,
    AdditionalInformation, CertificateGround, RelatedRequest, Request, RequestStatus, StatusChange, TranslationStatus, YesNoUnknown,
};

/// Records that the request was sent on `date`.
fn sent_on(r: &mut Request, date: &str) {
    r.consult.status_log.push(StatusChange { status: Some(RequestStatus::Sent), date: date.into(), ..StatusChange::default() });
}

/// A change to a request.
type Change = fn(&mut Request);

/// Leaves the example as it is: the rule is silent on the complete example.
fn as_is(_: &mut Request) {}

/// Clears the requested State: rules that need the directory then have
/// nothing to report.
fn no_state(r: &mut Request) {
    r.req_state.clear();
}

/// Gives the request a directory entry for its State that says nothing
/// else: rules that need the directory say what they could not check.
fn empty_entry(r: &mut Request) {
    *r = super::tests::with_empty_entry(r.clone());
}

/// Gives the request the demo directory's entry of its State (the
/// examples' States are the demo pack's).
fn demo_entry(r: &mut Request) {
    let id = r.req_state.clone();
    *r = super::tests::with_demo_entry(r.clone(), &id);
}

/// Gives the request Norland's demo entry listing a bilateral treaty on
/// mutual legal assistance with the requesting State, Arden (`XA`).
fn treaty_with_arden(r: &mut Request) {
    demo_entry(r);
    r.own_state = "XA".into();
    let entry = r.req_state_entry.as_mut().expect("a demo entry");
    let untoc = entry.instrument_status.iter_mut().find(|s| s.instrument == "UNTOC").expect("Norland is a Party to UNTOC");
    untoc.bilateral_treaties.push(crate::directory::BilateralTreaty {
        partner_state: "XA".into(),
        title: "Treaty between Arden and Norland on Mutual Legal Assistance in Criminal Matters".into(),
        ..Default::default()
    });
}

/// Selects `module` (once) in an MLA request.
fn select(r: &mut Request, module: Module) {
    if !r.mla.modules.contains(&module) {
        r.mla.modules.push(module);
    }
}

/// One rule: the example and change that make it fire, and the example and
/// change on which it must stay silent.
struct Case {
    code: &'static str,
    fires_on: (Example, Change),
    silent_on: (Example, Change),
    /// The mode both are checked in: demo mode, as the examples are
    /// addressed to the demo pack's States, unless the rule is about it.
    mode: Mode,
}

const fn case(code: &'static str, fires_on: (Example, Change), silent_on: (Example, Change)) -> Case {
    Case { code, fires_on, silent_on, mode: Mode::Demo }
}

/// A case checked outside demo mode.
const fn case_outside_demo(code: &'static str, fires_on: (Example, Change), silent_on: (Example, Change)) -> Case {
    Case { code, fires_on, silent_on, mode: Mode::Real }
}

static CASES: &[Case] = &[
    // A. Core contents
    case("UNTOC-18-15-a", (Mla, |r| r.req_auth.name.clear()), (Mla, as_is)),
    case("UNTOC-18-7-basis", (Mla, |r| r.basis.primary = None), (Mla, as_is)),
    case(
        "HARARE-3-cert",
        (Mla, |r| r.basis.primary = Some(Instrument::Harare)),
        (Mla, |r| {
            r.basis.primary = Some(Instrument::Harare);
            r.central_authority_certificate.ground = Some(CertificateGround::ProceedingsBegun);
            r.central_authority_certificate.officer = "Ms Ana Ruiz, Head of the Central Authority".into();
        }),
    ),
    case("UNTOC-18-15-b-nature", (Mla, |r| r.proc.stage.clear()), (Mla, as_is)),
    case("UNTOC-18-15-b-auth", (Transfer, |r| r.proc.conducting_auth.name.clear()), (Transfer, as_is)),
    case("UNTOC-18-15-c", (Mla, |r| r.facts.summary.clear()), (Mla, as_is)),
    case("UNTOC-18-15-c-link", (Mla, |r| r.facts.link_to_req_state.clear()), (Mla, as_is)),
    case("OFF-PROVISION", (Preservation, |r| r.offences[0].provision.clear()), (Preservation, as_is)),
    case("UNTOC-18-15-d", (Mla, |r| r.mla.modules.clear()), (Mla, as_is)),
    case("UNTOC-18-15-e-id", (Mla, |r| r.persons[0].family_name.clear()), (Mla, as_is)),
    case(
        "UNTOC-18-15-e-loc",
        (Mla, |r| r.persons.push(Person { role: Some(PersonRole::Witness), family_name: "Varga".into(), ..Person::default() })),
        (Mla, as_is),
    ),
    case(
        "UNTOC-18-15-c-svc",
        (Mla, |r| {
            r.mla.modules = vec![Module::Service];
            r.facts.summary.clear();
        }),
        (Mla, as_is),
    ),
    case(
        "UNTOC-18-15-d-proc",
        (Mla, |r| {
            r.procedure.requested = "Verbatim record signed by the witness".into();
            r.procedure.reasons.clear();
        }),
        (Mla, as_is),
    ),
    case(
        "UNTOC-18-15-e-legal",
        (Mla, |r| {
            r.persons.push(Person { person_type: Some(PersonType::Legal), family_name: "Halvard Logistics AS".into(), ..Person::default() })
        }),
        (Mla, as_is),
    ),
    case(
        "UNTOC-18-15-f-item",
        (Mla, |r| {
            select(r, Module::Other);
            r.mla.other.push(OtherAssistance { description: "Obtain the lease of flat 4".into(), relevance: String::new() });
        }),
        (Mla, as_is),
    ),
    case("UNTOC-18-15-f", (Mla, |r| r.purpose.statement.clear()), (Mla, as_is)),
    case("SIGN-BLOCK", (Emergency, |r| r.sign.place.clear()), (Emergency, as_is)),
    // B. Legal basis, channel, language, directory
    case(
        "BASIS-IN-FORCE",
        (Mla, |r| {
            demo_entry(r);
            r.req_state_entry.as_mut().unwrap().instrument_status.iter_mut().filter(|s| s.instrument == "UNTOC").for_each(|s| s.party = PartyStatus::No);
        }),
        (Mla, demo_entry),
    ),
    case("BASIS-RESERVATION", (Preservation, demo_entry), (Preservation, as_is)),
    case(
        "UNTOC-18-7-treaty",
        (Mla, treaty_with_arden),
        (Mla, |r| {
            treaty_with_arden(r);
            r.basis.use_convention_paras = Some(YesNoUnknown::Yes);
        }),
    ),
    case("UNTOC-18-1-scope", (Mla, |r| r.basis.transnational = None), (Mla, as_is)),
    case("UNCAC-46-1-scope", (Mla, |r| r.basis.primary = Some(Instrument::Uncac46)), (Mla, as_is)),
    case("DRUG88-7-1-scope", (Mla, |r| r.basis.primary = Some(Instrument::Drug88_7)), (Mla, as_is)),
    case("BUD-25-1-scope", (Mla, |r| r.basis.primary = Some(Instrument::Budapest)), (Mla, as_is)),
    case("RECIP-UNDERTAKING", (Mla, |r| r.basis.primary = Some(Instrument::Reciprocity)), (Mla, as_is)),
    case("UNTOC-18-13-channel", (Mla, |r| r.channel.route = None), (Mla, no_state)),
    case("UNTOC-18-13-interpol", (Transfer, |r| r.channel.route = Some(Channel::Interpol)), (Transfer, as_is)),
    case("BUD-27-9-copy", (Preservation, |r| r.channel.route = Some(Channel::DirectJudicial)), (Preservation, as_is)),
    case("UNTOC-18-14-lang", (Emergency, |r| r.lang.request = None), (Emergency, no_state)),
    case(
        "UNTOC-18-14-fixed",
        (Emergency, |r| {
            r.lang.request = Some(DocumentLanguage::Other);
            r.lang.request_other = "no".into();
        }),
        (Emergency, as_is),
    ),
    case("UNTOC-18-14-trans", (Transfer, |r| r.translation.status = Some(TranslationStatus::Pending)), (Transfer, as_is)),
    case("DIR-NO-ENTRY", (Mla, as_is), (Mla, demo_entry)),
    case(
        "DIR-STALE",
        (Mla, |r| {
            demo_entry(r);
            r.req_state_entry.as_mut().unwrap().provenance.as_mut().unwrap().as_of = Some("2024-06-30".into());
        }),
        (Mla, demo_entry),
    ),
    case("DIR-NO-SOURCE", (Mla, empty_entry), (Mla, demo_entry)),
    case_outside_demo("DIR-FICTITIOUS", (Mla, as_is), (Mla, |r| r.req_state = "France".into())),
    case(
        "TRANSMIT-SECURITY",
        (Mla, |r| {
            demo_entry(r);
            r.channel.means = Some(TransmissionMeans::Fax);
        }),
        (Transfer, as_is),
    ),
    // C. Offences, dual criminality, refusal risks
    case(
        "OFF-TEXT",
        (Mla, |r| {
            r.offences[0].provision = "Section 999 of the Imaginary Code".into();
            r.offences[0].provision_text.clear();
        }),
        (Mla, as_is),
    ),
    case("OFF-PENALTY", (Mla, |r| r.offences[0].max_penalty.clear()), (Mla, as_is)),
    case(
        "UNTOC-18-9-dc",
        (Mla, |r| {
            select(r, Module::SearchSeizure);
            r.dual_crim.statement.clear();
        }),
        (Mla, as_is),
    ),
    case(
        "DIR-DC-REQUIRED",
        (Mla, |r| {
            demo_entry(r);
            r.req_state_entry.as_mut().unwrap().requirements.dual_criminality = Some(DualCriminalityStance::RequiredAll);
            r.mla.modules = vec![Module::Statements];
            r.dual_crim.statement.clear();
        }),
        (Mla, as_is),
    ),
    case(
        "UNCAC-46-9-b",
        (Mla, |r| {
            r.mla.modules = vec![Module::Statements];
            r.basis.primary = Some(Instrument::Uncac46);
        }),
        (Mla, as_is),
    ),
    case("REFUSAL-POL-MIL-FISC", (Mla, |r| r.offences[0].category_flags.push(OffenceCategory::Military)), (Mla, as_is)),
    case("REFUSAL-ESSENTIAL", (Mla, as_is), (Transfer, as_is)),
    // D. Urgency, deadlines, confidentiality, use limitation, costs
    case("UNTOC-18-24-reasons", (Mla, |r| r.urgency.reason_text.clear()), (Mla, as_is)),
    case("UNTOC-18-24-deadline", (Preservation, |r| r.deadline.date.clear()), (Preservation, as_is)),
    case("DEADLINE-PAST", (Mla, |r| r.deadline.date = "2026-11-01".into()), (Mla, as_is)),
    case("DEADLINE-TIGHT", (Mla, |r| r.deadline.date = "2026-12-10".into()), (Mla, as_is)),
    case(
        "URGENCY-IMPLICIT",
        (Mla, |r| {
            r.urgency.flag = false;
            r.proc.next_hearing_date = "2027-01-15".into();
        }),
        (Mla, as_is),
    ),
    case("UNTOC-18-20-reasons", (Mla, |r| r.conf.reasons.clear()), (Mla, as_is)),
    case("UNTOC-18-20-clause", (Mla, |r| r.conf.if_not_possible.clear()), (Mla, as_is)),
    case(
        "UNTOC-18-20-tipoff",
        (Mla, |r| {
            select(r, Module::Records);
            r.mla.records.push(Records::default());
        }),
        (Mla, as_is),
    ),
    case("UNTOC-18-19-ack", (Mla, |r| r.use_limit.ack = false), (Mla, as_is)),
    case("UNTOC-18-19-uses", (Mla, |r| r.purpose.intended_uses.clear()), (Mla, as_is)),
    case(
        "UNTOC-18-28-costs",
        (Mla, |r| {
            select(r, Module::Videoconference);
            r.costs.extraordinary_expected = None;
        }),
        (Mla, as_is),
    ),
    // E. Persons and the modules of an MLA request
    case("PERS-ROLE", (Mla, |r| r.persons[0].role = None), (Mla, as_is)),
    case(
        "PERS-LANG",
        (Mla, |r| {
            select(r, Module::Statements);
            let name = r.persons[0].family_name.clone();
            r.mla.statements.push(Statement { person_ref: name, ..Statement::default() });
            r.persons[0].language_understood.clear();
        }),
        (Mla, as_is),
    ),
    case(
        "PERS-ORPHAN",
        (Mla, |r| r.persons.push(Person { role: Some(PersonRole::Victim), family_name: "Zelinski".into(), ..Person::default() })),
        (Mla, as_is),
    ),
    case(
        "M1-QUESTIONS",
        (Mla, |r| {
            select(r, Module::Statements);
            r.mla.statements.push(Statement::default());
        }),
        (Mla, as_is),
    ),
    case(
        "M1-OATH",
        (Mla, |r| {
            select(r, Module::Statements);
            r.mla.statements.push(Statement::default());
        }),
        (Mla, as_is),
    ),
    case(
        "M1-RIGHTS",
        (Mla, |r| {
            select(r, Module::Statements);
            r.mla.statements.push(Statement { capacity: Some(HearingCapacity::Suspect), ..Statement::default() });
        }),
        (Mla, as_is),
    ),
    case(
        "M2-ADDRESS",
        (Mla, |r| {
            select(r, Module::Service);
            r.mla.service.push(Service::default());
        }),
        (Mla, as_is),
    ),
    case(
        "M2-PROOF",
        (Mla, |r| {
            select(r, Module::Service);
            r.mla.service.push(Service::default());
        }),
        (Mla, as_is),
    ),
    case(
        "M2-LEADTIME",
        (Mla, |r| {
            select(r, Module::Service);
            r.mla.service.push(Service { appearance_date: "2026-12-15".into(), ..Service::default() });
        }),
        (Mla, as_is),
    ),
    case(
        "M3-PLACE-ITEMS",
        (Mla, |r| {
            select(r, Module::SearchSeizure);
            r.mla.searches.push(Search::default());
        }),
        (Mla, as_is),
    ),
    case(
        "M3-ORDER",
        (Mla, |r| {
            select(r, Module::SearchSeizure);
            r.mla.searches.push(Search::default());
        }),
        (Mla, as_is),
    ),
    case(
        "M4-LINK",
        (Mla, |r| {
            select(r, Module::Freezing);
            r.mla.freezing.push(Freezing::default());
        }),
        (Mla, as_is),
    ),
    case(
        "M5-BANK",
        (Mla, |r| {
            select(r, Module::Records);
            r.mla.records.push(Records { record_class: Some(RecordClass::Bank), ..Records::default() });
        }),
        (Mla, as_is),
    ),
    case(
        "M5-PERIOD",
        (Mla, |r| {
            select(r, Module::Records);
            r.mla.records.push(Records::default());
        }),
        (Mla, as_is),
    ),
    case(
        "M5-PERIOD-BROAD",
        (Mla, |r| {
            select(r, Module::Records);
            r.mla.records.push(Records { period_from: "2010-01-01".into(), period_to: "2020-01-01".into(), ..Records::default() });
        }),
        (Mla, as_is),
    ),
    case(
        "M5-DOCTYPES",
        (Mla, |r| {
            select(r, Module::Records);
            r.mla.records.push(Records::default());
        }),
        (Mla, as_is),
    ),
    case("UNTOC-18-8-bank", (Mla, as_is), (Transfer, as_is)),
    case(
        "M6-PROVIDER",
        (Mla, |r| {
            select(r, Module::StoredData);
            r.mla.stored_data.push(StoredData::default());
        }),
        (Mla, as_is),
    ),
    case(
        "M6-IDENT",
        (Mla, |r| {
            select(r, Module::StoredData);
            r.mla.stored_data.push(StoredData::default());
        }),
        (Mla, as_is),
    ),
    case(
        "M6-CATEGORY",
        (Mla, |r| {
            select(r, Module::StoredData);
            r.mla.stored_data.push(StoredData::default());
        }),
        (Mla, as_is),
    ),
    case("DATA-TZ", (Preservation, |r| r.preservation.data[1].identifiers = "IP address 203.0.113.45, port 51234, 2026-11-15T08:12".into()), (Preservation, as_is)),
    case(
        "M6-CONTENT",
        (Mla, |r| {
            select(r, Module::StoredData);
            let data = DataSpec { categories: vec![DataCategory::Content], ..DataSpec::default() };
            r.mla.stored_data.push(StoredData { data, ..StoredData::default() });
        }),
        (Mla, as_is),
    ),
    case(
        "M6-PRESREF",
        (Mla, |r| {
            select(r, Module::StoredData);
            r.mla.follows_preservation = true;
            r.consult.preservation_ref.clear();
            r.mla.stored_data.push(StoredData::default());
        }),
        (Mla, as_is),
    ),
    case(
        "BUD-31-3-a",
        (Mla, |r| {
            select(r, Module::StoredData);
            r.urgency.flag = true;
            r.mla.stored_data.push(StoredData::default());
        }),
        (Mla, as_is),
    ),
    case(
        "M7-AUTH",
        (Mla, |r| {
            select(r, Module::RealTime);
            r.mla.real_time.push(RealTime::default());
        }),
        (Mla, as_is),
    ),
    case(
        "UNTOC-18-18-reason",
        (Mla, |r| {
            select(r, Module::Videoconference);
            r.mla.videoconference.push(Videoconference::default());
        }),
        (Mla, as_is),
    ),
    case(
        "M8-TECH",
        (Mla, |r| {
            select(r, Module::Videoconference);
            r.mla.videoconference.push(Videoconference::default());
        }),
        (Mla, as_is),
    ),
    case(
        "M8-CONSENT",
        (Mla, |r| {
            select(r, Module::Videoconference);
            r.mla.videoconference.push(Videoconference { capacity: Some(HearingCapacity::Suspect), ..Videoconference::default() });
        }),
        (Mla, as_is),
    ),
    case(
        "UNTOC-18-10-consent",
        (Mla, |r| {
            select(r, Module::DetaineeTransfer);
            r.mla.detainee_transfer.push(DetaineeTransfer::default());
        }),
        (Mla, as_is),
    ),
    case(
        "UNTOC-18-11-undertakings",
        (Mla, |r| {
            select(r, Module::DetaineeTransfer);
            r.mla.detainee_transfer.push(DetaineeTransfer::default());
        }),
        (Mla, as_is),
    ),
    case(
        "UNTOC-18-12-safeconduct",
        (Mla, |r| {
            select(r, Module::DetaineeTransfer);
            r.mla.detainee_transfer.push(DetaineeTransfer::default());
        }),
        (Mla, as_is),
    ),
    case(
        "UNTOC-18-27-safeconduct",
        (Mla, |r| {
            select(r, Module::Appearance);
            r.mla.appearance.push(Appearance::default());
        }),
        (Mla, as_is),
    ),
    case(
        "M10-LINK",
        (Mla, |r| {
            select(r, Module::Tracing);
            r.mla.tracing.push(Tracing::default());
        }),
        (Mla, as_is),
    ),
    case(
        "UNCAC-46-3-k-focal",
        (Mla, |r| {
            empty_entry(r);
            r.basis.primary = Some(Instrument::Uncac46);
            select(r, Module::Tracing);
        }),
        (Mla, as_is),
    ),
    case(
        "M12-AGREEMENT",
        (Mla, |r| {
            select(r, Module::JointTeam);
            r.mla.joint_team.push(JointTeam::default());
        }),
        (Mla, as_is),
    ),
    case(
        "M13-ROUTE",
        (Mla, |r| {
            select(r, Module::ControlledDelivery);
            r.mla.controlled_delivery.push(ControlledDelivery::default());
        }),
        (Mla, as_is),
    ),
    case(
        "M15-RESULT",
        (Mla, |r| {
            select(r, Module::Other);
            r.mla.other.push(OtherAssistance { description: "Obtain the lease of flat 4".into(), relevance: "It names the tenant.".into() });
        }),
        (Mla, as_is),
    ),
    // F. Expedited preservation
    case("BUD-29-2-a", (Preservation, |r| r.req_auth.name.clear()), (Preservation, as_is)),
    case("BUD-29-2-b", (Preservation, |r| r.facts.brief.clear()), (Preservation, as_is)),
    case("BUD-29-2-c", (Preservation, |r| r.preservation.data_relationship.clear()), (Preservation, as_is)),
    case("BUD-29-2-d", (Preservation, |r| r.preservation.custodian.clear()), (Preservation, as_is)),
    case("BUD-29-2-e", (Preservation, |r| r.preservation.necessity.clear()), (Preservation, as_is)),
    case("BUD-29-2-f", (Preservation, |r| r.preservation.mla_intent_measure = None), (Preservation, as_is)),
    case(
        "BUD-29-7-date",
        (Preservation, |r| {
            r.preservation.preservation_ref = "NO-PRES-2026-118".into();
            r.preservation.preserved_at.clear();
        }),
        (Preservation, as_is),
    ),
    case("BUD-29-7-expiry", (Preservation, |r| r.preservation.preserved_at = "2026-10-01".into()), (Preservation, as_is)),
    case(
        "BUD-29-4-res",
        (Preservation, |r| {
            demo_entry(r);
            r.dual_crim.statement.clear();
            r.offences.iter_mut().for_each(|o| o.category_flags.clear());
        }),
        (Preservation, as_is),
    ),
    case("BUD-29-5-pol", (Preservation, |r| r.offences[0].category_flags.push(OffenceCategory::Political)), (Preservation, as_is)),
    case(
        "BUD-35-poc",
        (Preservation, |r| {
            demo_entry(r);
            r.req_state_entry.as_mut().unwrap().authorities.retain(|a| !a.roles.contains(&AuthorityRole::PointOfContact247));
        }),
        (Preservation, demo_entry),
    ),
    case(
        "BUD-30-path",
        (Preservation, |r| {
            r.preservation.path_disclosure = false;
            r.preservation.data[0].categories.push(DataCategory::Traffic);
        }),
        (Preservation, as_is),
    ),
    // G. Emergency disclosure
    case(
        "CETS224-PARTY",
        (Emergency, |r| {
            demo_entry(r);
            r.basis.primary = Some(Instrument::Budapest);
            r.req_state_entry.as_mut().unwrap().instrument_status.iter_mut().filter(|s| s.instrument == "CETS_224").for_each(|s| s.party = PartyStatus::Signatory);
        }),
        (Emergency, as_is),
    ),
    case("CETS224-3-emergency", (Emergency, |r| r.emergency.risk_to_life = None), (Emergency, as_is)),
    case("CETS224-9-link", (Emergency, |r| r.emergency.data_link.clear()), (Emergency, as_is)),
    case("CETS224-9-offence", (Emergency, |r| r.offences[0].max_penalty.clear()), (Emergency, as_is)),
    case("CETS224-9-data", (Emergency, |r| r.emergency.providers.clear()), (Emergency, as_is)),
    case("CETS224-9-statement", (Emergency, |r| r.emergency.route = None), (Emergency, as_is)),
    case(
        "CETS224-10-mla",
        (Emergency, |r| {
            r.emergency.route = Some(EmergencyRoute::Art10Mla);
            r.proc.stage.clear();
        }),
        (Emergency, as_is),
    ),
    case("EMERGENCY-POC", (Emergency, |r| r.emergency.poc_24_7_own.clear()), (Emergency, as_is)),
    // H. Transfer of proceedings
    case("MT118-3-b", (Transfer, |r| r.transfer.act_description.clear()), (Transfer, as_is)),
    case("MT118-3-c", (Transfer, |r| r.transfer.investigation_results.clear()), (Transfer, as_is)),
    case("MT118-3-d", (Transfer, |r| r.offences.clear()), (Transfer, as_is)),
    case("MT118-3-e", (Transfer, |r| r.transfer.suspect_ref.clear()), (Transfer, as_is)),
    case("MT118-6-dc", (Transfer, |r| r.dual_crim.statement.clear()), (Transfer, as_is)),
    case(
        "ETS73-8-ground",
        (Transfer, |r| {
            r.basis.primary = Some(Instrument::Ets73);
            r.transfer.ground_facts = Default::default();
        }),
        (Transfer, as_is),
    ),
    case("MT118-10-nbi", (Transfer, |r| r.transfer.undertakings.ne_bis_in_idem = false), (Transfer, as_is)),
    case("ETS73-10-timebar", (Transfer, |r| r.proc.limitation_date = "2026-01-01".into()), (Transfer, as_is)),
    case(
        "LIMIT-NEAR",
        (Transfer, |r| {
            r.urgency.flag = false;
            r.proc.limitation_date = "2027-02-01".into();
        }),
        (Transfer, as_is),
    ),
    case("ETS73-11-timebar-req", (Transfer, as_is), (Transfer, |r| r.transfer.forum.limitation_requested = "2036-01-01".into())),
    case("ETS73-11-refusal", (Transfer, |r| r.offences[0].category_flags.push(OffenceCategory::Fiscal)), (Transfer, as_is)),
    case(
        "ETS73-13-channel",
        (Transfer, |r| {
            r.basis.primary = Some(Instrument::Ets73);
            r.channel.route = None;
        }),
        (Transfer, as_is),
    ),
    case("ETS73-15-file", (Transfer, |r| r.transfer.file_index.clear()), (Transfer, as_is)),
    case(
        "ETS73-15-certified",
        (Transfer, |r| {
            let copy = Attachment { attachment_type: Some(AttachmentType::CriminalFile), title: "Copy of the file".into(), ..Attachment::default() };
            r.attachments.push(copy);
        }),
        (Transfer, as_is),
    ),
    case(
        "ETS73-18-lang",
        (Transfer, |r| {
            demo_entry(r);
            r.basis.primary = Some(Instrument::Ets73);
            r.translation.covers_attachments = false;
            r.attachments.push(Attachment { title: "Expert report on the collision".into(), ..Attachment::default() });
        }),
        (Transfer, as_is),
    ),
    case("MT118-8-views", (Transfer, |r| r.transfer.suspect_views.clear()), (Transfer, as_is)),
    case(
        "MT118-9-victims",
        (Transfer, |r| {
            r.transfer.victims.clear();
            r.persons.push(Person { role: Some(PersonRole::Victim), family_name: "Marr".into(), ..Person::default() });
        }),
        (Transfer, as_is),
    ),
    case("UNTOC-21-forum", (Transfer, |r| r.transfer.forum.territory.clear()), (Transfer, as_is)),
    case("TOP-PARALLEL", (Transfer, |r| r.transfer.forum.parallel_proceedings.clear()), (Transfer, as_is)),
    case(
        "TOP-CUSTODY",
        (Transfer, |r| {
            r.proc.custody.in_custody = true;
            r.proc.custody.expiry_date.clear();
        }),
        (Transfer, as_is),
    ),
    // I. Attachments, signature, dates, consistency
    case("ATT-MISSING", (Mla, |r| r.facts.summary.push_str(" The bank statements are in Annex 99.")), (Mla, as_is)),
    case(
        "ATT-UNREFERENCED",
        (Mla, |r| r.attachments.push(Attachment { attachment_type: Some(AttachmentType::Other), title: "Map".into(), ..Attachment::default() })),
        (Mla, as_is),
    ),
    case(
        "ATT-TRANS",
        (Mla, |r| r.attachments.push(Attachment { title: "Map".into(), language: Some(DocumentLanguage::Other), language_other: "de".into(), ..Attachment::default() })),
        (Mla, as_is),
    ),
    case(
        "SIGN-AUTH",
        (Mla, |r| {
            r.basis.primary = Some(Instrument::Reciprocity);
            r.sign.authentication = None;
        }),
        (Mla, as_is),
    ),
    case(
        "SIGN-VALIDATION",
        (Mla, |r| {
            demo_entry(r);
            r.req_state_entry.as_mut().unwrap().requirements.validation_required = Some(true);
            r.req_auth.authority_type = Some(AuthorityType::Police);
            r.sign.validating_auth.clear();
        }),
        (Mla, as_is),
    ),
    case("DATE-ORDER", (Mla, |r| r.sign.date = "20 November 2026".into()), (Mla, as_is)),
    case("CONSULT-DRAFT", (Mla, as_is), (Mla, |r| r.consult.draft_shared = "Draft sent to the Norland central authority on 2 November 2026.".into())),
    case("CONSULT-INFORMAL", (Mla, as_is), (Mla, |r| r.consult.prior_informal.clear())),
    case(
        "RELATED-REQ",
        (Mla, |r| r.proc.related_requests.push(RelatedRequest { state: "Vestria".into(), ..RelatedRequest::default() })),
        (Mla, as_is),
    ),
    case("STYLE-JARGON", (Mla, |r| r.facts.summary.push_str(" The QXV was informed.")), (Mla, as_is)),
    // J. Formats
    case("FMT-EMAIL", (Mla, |r| r.req_auth.email = "l.ortiz.ppo.arden.example".into()), (Mla, as_is)),
    case("FMT-STATE", (Mla, |r| r.req_state = "Republic of Nowhere".into()), (Mla, as_is)),
    case("FMT-LANGUAGE", (Mla, |r| r.persons[0].language_understood = "Norlandic; also speaks English".into()), (Mla, |r| r.persons[0].language_understood = "de".into())),
    case("FMT-PHONE", (Transfer, |r| r.req_auth.phone = "ask the switchboard".into()), (Transfer, as_is)),
    case("FMT-IBAN", (Mla, |r| {
        r.mla.records.push(Records { record_class: Some(RecordClass::Bank), accounts: "GB82 WEST 1234 5698 7654 33".into(), ..Records::default() })
    }), (Mla, as_is)),
    case("FMT-IP", (Preservation, |r| r.preservation.data[0].identifiers.push_str("\n300.12.1.4")), (Preservation, as_is)),
    case("TEXT-GLYPH", (Mla, |r| r.facts.summary.push_str(" \u{1F600}")), (Mla, as_is)),
    case("STYLE-LENGTH", (Mla, |r| r.facts.summary = "Fraud by the director.".into()), (Mla, as_is)),
    // Tracking (after sending)
    case("BUD-29-7-followup", (Preservation, |r| r.preservation.followup_mla_ref = "ARD-MLA-2026-31".into()), (Preservation, as_is)),
    case(
        "BUD-29-6-notice",
        (Preservation, |r| r.preservation.notice_29_6 = "Preserving the mailbox would alert its user.".into()),
        (Preservation, as_is),
    ),
    case("ETS73-16-report", (Transfer, |r| sent_on(r, "2026-11-20")), (Transfer, as_is)),
    case("UNTOC-18-14-oral", (Emergency, |r| r.urgent_oral.made_at = "2026-11-26T22:10".into()), (Emergency, as_is)),
    case("STATUS-CHASE", (Mla, |r| sent_on(r, "2026-09-01")), (Mla, |r| sent_on(r, "2026-11-01"))),
    case(
        "STATUS-NOT-NEEDED",
        (Mla, |r| {
            sent_on(r, "2026-11-01");
            r.consult.no_longer_needed = true;
        }),
        (Mla, |r| sent_on(r, "2026-11-01")),
    ),
    case(
        "ADDINFO-OPEN",
        (Mla, |r| {
            r.consult.additional_info_log.push(AdditionalInformation { asked_at: "2026-11-02".into(), asked: "Bank statements for 2025".into(), ..Default::default() })
        }),
        (Mla, as_is),
    ),
];

fn findings(code: &str, (kind, change): (Example, Change), mode: Mode) -> Vec<Finding> {
    let mut r = example(kind);
    change(&mut r);
    super::run_in(&r, super::tests::today(), mode, crate::i18n::Lang::En).into_iter().filter(|f| f.code == code).collect()
}

#[test]
fn every_rule_has_a_case_that_fires_it_and_one_that_does_not() {
    let mut problems = Vec::new();
    for rule in rules() {
        let cases: Vec<_> = CASES.iter().filter(|c| c.code == rule.code).collect();
        let [case] = cases.as_slice() else {
            problems.push(format!("{}: {} cases in the table, expected one", rule.code, cases.len()));
            continue;
        };
        if findings(case.code, case.fires_on, case.mode).is_empty() {
            problems.push(format!("{}: does not fire on the changed {:?} example", case.code, case.fires_on.0));
        }
        let silent = findings(case.code, case.silent_on, case.mode);
        if !silent.is_empty() {
            problems.push(format!("{}: fires on the {:?} example meant to be silent: {silent:?}", case.code, case.silent_on.0));
        }
    }
    for case in CASES {
        if !rules().any(|r| r.code == case.code) {
            problems.push(format!("{}: in the table but no rule has this code", case.code));
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

/// Every message the cases produce exists in every language's catalogue,
/// and is worded there without a raw key or an unfilled `{placeholder}`.
#[test]
fn every_message_of_the_cases_is_worded_in_every_language() {
    use crate::i18n::Lang;
    let today = super::tests::today();
    let mut requests: Vec<(Request, Mode)> = Example::ALL.into_iter().map(|e| (example(e), Mode::Demo)).collect();
    requests.push((Request::default(), Mode::Real));
    for case in CASES {
        let mut r = example(case.fires_on.0);
        (case.fires_on.1)(&mut r);
        requests.push((r, case.mode));
    }
    let mut problems = Vec::new();
    for (r, mode) in &requests {
        for (rule, _, path, message) in super::run_unworded(r, today, *mode) {
            for lang in Lang::ALL {
                let worded = message.render(lang);
                let leak = worded.contains("check.") || !crate::i18n::placeholders::placeholders(&worded).is_empty();
                if leak || worded.trim().is_empty() {
                    problems.push(format!("{}: {} at {path} in {}: {worded:?}", rule.code, message.key(), lang.code()));
                }
            }
        }
    }
    problems.dedup();
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

/// Every key a rule uses is in every catalogue itself, not worded through
/// the English fallback.
#[test]
fn every_message_key_of_the_cases_is_in_every_catalogue() {
    use crate::i18n::Lang;
    let today = super::tests::today();
    let mut keys = std::collections::BTreeSet::new();
    for case in CASES {
        let mut r = example(case.fires_on.0);
        (case.fires_on.1)(&mut r);
        for (_, _, _, message) in super::run_unworded(&r, today, case.mode) {
            keys.extend(message.keys());
        }
    }
    let mut missing = Vec::new();
    for lang in Lang::ALL {
        let catalogue = crate::i18n::catalogue(lang);
        for key in &keys {
            if !catalogue.has_own(key) {
                missing.push(format!("{}: {key}", lang.code()));
            }
        }
    }
    assert!(missing.is_empty(), "missing keys:\n{}", missing.join("\n"));
}
