//! The request document: what a prosecutor writes, as plain serde data.
//!
//! JSON keys follow the field ids of the domain reference (`req_auth.name`,
//! `proc.nature`, `facts.summary`, …) so that check paths, wizard fields and
//! documentation all speak the same language. Every struct defaults to empty
//! values: a draft is a partly filled request, and the checks (not the parser)
//! say what is still missing.
//!
//! Architecture invariant: this module is data only. It knows nothing of the
//! store, the wizard, the templates or the PDF.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Version of the request format written by this build. Older versions are
/// migrated on load (see [`crate::format`]).
pub const FORMAT_VERSION: u32 = 1;

/// A request for international cooperation in a criminal matter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct Request {
    /// Version of this format; see `docs/request-format.md`.
    pub format_version: u32,
    /// What kind of request this is.
    pub kind: RequestKind,
    /// The requesting office's own file.
    pub case: CaseFile,
    /// Authority making the request (UNTOC art. 18(15)(a)).
    pub req_auth: RequestingAuthority,
    /// Requested State, as an ISO 3166 code or its name.
    pub req_state: String,
    /// Authority in the requested State that receives the request.
    pub recv_auth: ReceivingAuthority,
    /// Treaty or other basis on which the request is made (UNTOC art. 18(7)).
    pub basis: LegalBasis,
    /// The proceedings in which assistance is sought (UNTOC art. 18(15)(b)).
    pub proc: Proceedings,
    /// Summary of the relevant facts (UNTOC art. 18(15)(c)).
    pub facts: Facts,
    /// Offences under investigation or prosecution.
    pub offences: Vec<Offence>,
    /// Persons concerned (UNTOC art. 18(15)(e)).
    pub persons: Vec<Person>,
    /// Assistance sought, one entry per measure (UNTOC art. 18(15)(d)).
    pub measures: Vec<AssistanceMeasure>,
    /// Purpose of the request (UNTOC art. 18(15)(f)).
    pub purpose: Purpose,
    /// Signature block.
    pub sign: Signature,
}

impl Default for Request {
    fn default() -> Self {
        Request {
            format_version: FORMAT_VERSION,
            kind: RequestKind::MlaEvidence,
            case: CaseFile::default(),
            req_auth: RequestingAuthority::default(),
            req_state: String::new(),
            recv_auth: ReceivingAuthority::default(),
            basis: LegalBasis::default(),
            proc: Proceedings::default(),
            facts: Facts::default(),
            offences: Vec::new(),
            persons: Vec::new(),
            measures: Vec::new(),
            purpose: Purpose::default(),
            sign: Signature::default(),
        }
    }
}

/// The kinds of request the app writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RequestKind {
    /// Mutual legal assistance request for evidence.
    #[default]
    MlaEvidence,
}

/// The requesting office's own reference to the case.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct CaseFile {
    /// Own file or case number.
    pub internal_ref: String,
}

/// The authority making the request.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct RequestingAuthority {
    /// Official name of the authority.
    pub name: String,
    /// Postal address.
    pub address: String,
    /// Name and function of the responsible officer.
    pub contact_person: String,
    /// Direct e-mail of the officer.
    pub email: String,
    /// Direct telephone of the officer.
    pub phone: String,
    /// Reference the requested State should quote in replies.
    pub ref_no: String,
}

/// The authority that receives the request in the requested State.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct ReceivingAuthority {
    /// Name of the receiving authority (usually the central authority).
    pub name: String,
}

/// Legal basis of the request.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct LegalBasis {
    /// Primary basis; `None` until the drafter chooses one.
    pub primary: Option<Instrument>,
    /// Title, date and article of the treaty, when the basis is `BILATERAL`.
    pub treaty_citation: String,
}

/// Instruments a request can be based on (keys of the domain reference).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[ts(export)]
pub enum Instrument {
    /// UN Convention against Transnational Organized Crime, art. 18.
    #[serde(rename = "UNTOC_18")]
    Untoc18,
    /// UN Convention against Corruption, art. 46.
    #[serde(rename = "UNCAC_46")]
    Uncac46,
    /// UN Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances (1988), art. 7.
    #[serde(rename = "DRUG88_7")]
    Drug88_7,
    /// Convention on Cybercrime (CETS 185).
    #[serde(rename = "BUDAPEST")]
    Budapest,
    /// Second Additional Protocol to the Convention on Cybercrime (CETS 224).
    #[serde(rename = "CETS_224")]
    Cets224,
    /// European Convention on Mutual Assistance in Criminal Matters (ETS 30).
    #[serde(rename = "ETS_30")]
    Ets30,
    /// Harare Scheme (Commonwealth).
    #[serde(rename = "HARARE")]
    Harare,
    /// A bilateral or regional treaty, cited in `basis.treaty_citation`.
    #[serde(rename = "BILATERAL")]
    Bilateral,
    /// Reciprocity or comity (letters rogatory).
    #[serde(rename = "RECIPROCITY")]
    Reciprocity,
}

/// The proceedings in which assistance is sought.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct Proceedings {
    /// Nature of the proceedings.
    pub nature: Option<ProceedingsNature>,
    /// Current procedural stage, in a few words.
    pub stage: String,
    /// One line on what the case is about.
    pub subject_matter: String,
    /// Authority conducting the proceedings.
    pub conducting_auth: ConductingAuthority,
}

/// Nature of the proceedings (UNTOC art. 18(1), 18(15)(b)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProceedingsNature {
    /// Criminal investigation.
    Investigation,
    /// Prosecution.
    Prosecution,
    /// Trial.
    Trial,
    /// Appeal.
    Appeal,
    /// Enforcement of a judgment.
    Enforcement,
    /// Confiscation proceedings.
    Confiscation,
    /// Proceedings against a legal person.
    LegalPerson,
}

/// Authority conducting the proceedings, which may differ from the requesting one.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct ConductingAuthority {
    /// Name of the authority.
    pub name: String,
    /// Its function in the proceedings.
    pub functions: String,
}

/// Facts of the case.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct Facts {
    /// Chronological narrative: who, what, when, where, how.
    pub summary: String,
    /// Date(s) and place(s) of the offence.
    pub time_place: String,
    /// Why evidence, persons or assets are in the requested State.
    pub link_to_req_state: String,
}

/// An offence as named in the requesting State's law.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct Offence {
    /// Name of the offence.
    pub name: String,
    /// Article or section creating it.
    pub provision: String,
    /// Text of the provision.
    pub provision_text: String,
    /// Maximum penalty.
    pub max_penalty: String,
}

/// A natural or legal person concerned by the request.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct Person {
    /// Role in the case.
    pub role: Option<PersonRole>,
    /// Family name, or the registered name of a legal person.
    pub family_name: String,
    /// Given names (natural persons).
    pub given_names: String,
    /// Date of birth, `YYYY-MM-DD`.
    pub birth_date: String,
    /// All known nationalities, separated by commas.
    pub nationalities: String,
    /// Address or whereabouts in the requested State.
    pub location: String,
    /// Why nationality or location cannot be given.
    pub location_unknown_reason: String,
}

/// Role of a person in the case (UNTOC art. 18(15)(e)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PersonRole {
    /// Suspect.
    Suspect,
    /// Accused.
    Accused,
    /// Witness.
    Witness,
    /// Victim.
    Victim,
    /// Expert.
    Expert,
    /// Holder of an account or of records.
    AccountHolder,
    /// Third party.
    ThirdParty,
}

/// One measure of assistance sought.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct AssistanceMeasure {
    /// What the requested State is asked to do, described by its intended result.
    pub description: String,
}

/// What the assistance is for.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct Purpose {
    /// What the evidence or action will achieve in the case.
    pub statement: String,
}

/// Signature block of the request.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct Signature {
    /// Name of the signatory.
    pub name: String,
    /// Title or function of the signatory.
    pub title: String,
    /// Place of signature.
    pub place: String,
    /// Date of signature, `YYYY-MM-DD`.
    pub date: String,
}
