//! The request document: what a prosecutor writes, as plain serde data.
//!
//! JSON keys follow the field ids of the domain reference (`req_auth.name`,
//! `proc.nature`, `facts.summary`, `mla.records[]`, …) so that check paths,
//! wizard fields and documentation all speak the same language. Every struct
//! defaults to empty values: a draft is a partly filled request, and the
//! checks (not the parser) say what is still missing.
//!
//! The parts common to every kind live here; each kind adds its own part:
//! [`mla`] (modules of assistance), [`preservation`], [`emergency`] and
//! [`transfer`].
//!
//! Architecture invariant: this module is data only. It knows nothing of the
//! store, the wizard, the templates or the PDF.

mod macros;
pub mod emergency;
pub mod mla;
pub mod preservation;
pub mod tracking;
pub mod transfer;
pub mod treaty;

pub(crate) use macros::vocabulary;
pub use macros::Vocabulary;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use emergency::Emergency;
pub use mla::{Mla, Module};
pub use preservation::Preservation;
pub use tracking::{AdditionalInformation, ConditionKind, ConditionRecord, RequestStatus, StatusChange, UrgentOral};
pub use transfer::Transfer;
pub use treaty::{TreatyProfile, TreatySource, TreatyTopic};

/// Version of the request format written by this build. Older versions are
/// migrated on load (see [`crate::request::read`]).
pub const FORMAT_VERSION: u32 = 10;

/// Declares a plain data struct of the model: serde with defaults and no
/// unknown members, JSON Schema, TypeScript export.
macro_rules! part {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$fmeta:meta])* pub $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize, schemars::JsonSchema, ts_rs::TS)]
        #[serde(deny_unknown_fields, default)]
        #[ts(export)]
        pub struct $name { $($(#[$fmeta])* pub $field: $ty),* }
    };
}
pub(crate) use part;

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
    /// Own State's central authority transmitting the request (UNTOC art. 18(13)).
    pub own_central_auth: String,
    /// The requesting State, as the directory names States: its ISO 3166
    /// alpha-2 code (a user-assigned one for a fictitious State). Prefilled
    /// from the own-State profile; read against the bilateral treaties the
    /// requested State's entry lists (UNTOC art. 18(7)).
    pub own_state: String,
    /// Under the Harare Scheme: the central authority's certificate that
    /// the matter is a criminal matter (Harare Scheme para. 3).
    pub central_authority_certificate: CentralAuthorityCertificate,
    /// Requested State, by its ISO 3166-1 alpha-2 code (`DE`; a
    /// user-assigned code such as `XN` for a fictitious State), picked from
    /// a list named in the interface language. A name typed before version
    /// 9 that names no State is kept as typed, and the review asks for the
    /// State to be picked (`FMT-STATE`).
    pub req_state: String,
    /// Authority in the requested State that receives the request.
    pub recv_auth: ReceivingAuthority,
    /// The requested State's entry in the directory of competent
    /// authorities, copied when the State or its authority was picked
    /// ([`crate::request::addressee`]), so that the checks read the entry
    /// the request was written against and stay pure functions of the
    /// request. Omitted when none was picked.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub req_state_entry: Option<crate::directory::StateEntry>,
    /// How the request travels (UNTOC art. 18(13); Budapest art. 27(9), 35).
    pub channel: ChannelChoice,
    /// Treaty or other basis on which the request is made (UNTOC art. 18(7)).
    pub basis: LegalBasis,
    /// Languages of drafting and of the request (UNTOC art. 18(14)).
    pub lang: Languages,
    /// Translation status (UNTOC art. 18(14)).
    pub translation: Translation,
    /// Record of an urgent request made orally (UNTOC art. 18(14)).
    pub urgent_oral: UrgentOral,
    /// The proceedings in which assistance is sought (UNTOC art. 18(15)(b)).
    pub proc: Proceedings,
    /// Summary of the relevant facts (UNTOC art. 18(15)(c)).
    pub facts: Facts,
    /// Offences under investigation or prosecution.
    pub offences: Vec<Offence>,
    /// Dual criminality (UNTOC art. 18(9)).
    pub dual_crim: DualCriminality,
    /// Persons concerned (UNTOC art. 18(15)(e)).
    pub persons: Vec<Person>,
    /// Kind (a): the assistance sought, by module.
    pub mla: Mla,
    /// Kind (b): expedited preservation of stored computer data.
    pub preservation: Preservation,
    /// Kind (c): emergency disclosure.
    pub emergency: Emergency,
    /// Kind (d): transfer of criminal proceedings.
    pub transfer: Transfer,
    /// Purpose of the request (UNTOC art. 18(15)(f), 18(19)).
    pub purpose: Purpose,
    /// Particular procedures the requested State is asked to follow (UNTOC art. 18(17)).
    pub procedure: Procedure,
    /// Requesting-State officials asking to be present.
    pub participation: Participation,
    /// Urgency (UNTOC art. 18(24)).
    pub urgency: Urgency,
    /// Date by which execution is needed.
    pub deadline: Deadline,
    /// Confidentiality (UNTOC art. 18(20)).
    pub conf: Confidentiality,
    /// Use limitation (UNTOC art. 18(19)).
    #[serde(rename = "use")]
    pub use_limit: UseLimitation,
    /// Data protection (CETS 224 art. 14).
    pub dp: DataProtection,
    /// Costs (UNTOC art. 18(28)).
    pub costs: Costs,
    /// Consultation with the counterpart.
    pub consult: Consultation,
    /// Annexes.
    pub attachments: Vec<Attachment>,
    /// How the annexes are labelled: numbers (the default, when empty) or
    /// letters, as the drafter's cover letter refers to them.
    pub annex_labels: Option<AnnexLabels>,
    /// Signature and authentication.
    pub sign: Signature,
}

impl Default for Request {
    fn default() -> Self {
        Request {
            format_version: FORMAT_VERSION,
            kind: RequestKind::MlaEvidence,
            case: CaseFile::default(),
            req_auth: RequestingAuthority::default(),
            own_central_auth: String::new(),
            own_state: String::new(),
            central_authority_certificate: CentralAuthorityCertificate::default(),
            req_state: String::new(),
            recv_auth: ReceivingAuthority::default(),
            req_state_entry: None,
            channel: ChannelChoice::default(),
            basis: LegalBasis::default(),
            lang: Languages::default(),
            translation: Translation::default(),
            urgent_oral: UrgentOral::default(),
            proc: Proceedings::default(),
            facts: Facts::default(),
            offences: Vec::new(),
            dual_crim: DualCriminality::default(),
            persons: Vec::new(),
            mla: Mla::default(),
            preservation: Preservation::default(),
            emergency: Emergency::default(),
            transfer: Transfer::default(),
            purpose: Purpose::default(),
            procedure: Procedure::default(),
            participation: Participation::default(),
            urgency: Urgency::default(),
            deadline: Deadline::default(),
            conf: Confidentiality::default(),
            use_limit: UseLimitation::default(),
            dp: DataProtection::default(),
            costs: Costs::default(),
            consult: Consultation::default(),
            attachments: Vec::new(),
            annex_labels: None,
            sign: Signature::default(),
        }
    }
}

impl Request {
    /// True when the only assistance sought is service of documents (M2):
    /// then no summary of facts is required (UNTOC art. 18(15)(c)).
    pub fn service_only(&self) -> bool {
        self.kind == RequestKind::MlaEvidence && self.mla.modules == [Module::Service]
    }

    /// True when any coercive module is selected (UNTOC art. 18(9)).
    pub fn coercive(&self) -> bool {
        self.kind == RequestKind::MlaEvidence && self.mla.modules.iter().any(|m| m.coercive())
    }
}

vocabulary! {
    /// The kinds of request the app writes.
    pub enum RequestKind {
        /// Mutual legal assistance request for evidence.
        MlaEvidence = "mla_evidence",
        /// Expedited preservation of stored computer data (Budapest art. 29).
        Preservation = "preservation",
        /// Emergency disclosure (CETS 224 arts. 9–10).
        EmergencyDisclosure = "emergency_disclosure",
        /// Transfer of criminal proceedings.
        TransferOfProceedings = "transfer_of_proceedings",
    }
}

impl Default for RequestKind {
    /// A new request is an MLA request for evidence, the most common kind.
    fn default() -> Self {
        RequestKind::MlaEvidence
    }
}

part! {
    /// The requesting office's own reference to the case.
    pub struct CaseFile {
        /// Own file or case number.
        pub internal_ref: String,
    }
}

part! {
    /// The authority making the request.
    pub struct RequestingAuthority {
        /// Official name of the authority.
        pub name: String,
        /// What kind of authority it is.
        #[serde(rename = "type")]
        pub authority_type: Option<AuthorityType>,
        /// Postal address.
        pub address: String,
        /// Name and function of the responsible officer.
        pub contact_person: String,
        /// Direct e-mail of the officer.
        pub email: String,
        /// Direct telephone of the officer.
        pub phone: String,
        /// Languages in which the officer can communicate, by ISO 639 code
        /// (`language_names`); an item of an older draft that names no
        /// language stays as typed (`FMT-LANGUAGE`).
        pub languages: Vec<String>,
        /// Reference the requested State should quote in replies.
        pub ref_no: String,
    }
}

vocabulary! {
    /// Kind of requesting authority.
    pub enum AuthorityType {
        /// Public prosecutor.
        Prosecutor = "prosecutor",
        /// Investigating judge.
        InvestigatingJudge = "investigating_judge",
        /// Court.
        Court = "court",
        /// Police.
        Police = "police",
        /// Central authority.
        CentralAuthority = "central_authority",
        /// Other authority.
        Other = "other",
    }
}

part! {
    /// The authority that receives the request in the requested State.
    pub struct ReceivingAuthority {
        /// Name of the receiving authority.
        pub name: String,
        /// Its role.
        pub role: Option<ReceivingRole>,
        /// Its postal address and functional mailbox, as printed under its name.
        pub address: String,
    }
}

vocabulary! {
    /// Role of the receiving authority.
    pub enum ReceivingRole {
        /// Central authority.
        CentralAuthority = "central_authority",
        /// Competent executing authority.
        ExecutingAuthority = "executing_authority",
        /// 24/7 point of contact.
        PointOfContact247 = "point_of_contact_24_7",
        /// Ministry of Justice.
        MinistryOfJustice = "ministry_of_justice",
        /// Service provider (CETS 224 arts. 6–7).
        Provider = "provider",
    }
}

part! {
    /// Channel of transmission.
    pub struct ChannelChoice {
        /// The channel.
        pub route: Option<Channel>,
        /// Whether a copy goes to the central authorities (Budapest art. 27(9)(a)).
        pub copy_to_central_auth: bool,
        /// Means of transmission.
        pub means: Option<TransmissionMeans>,
        /// The request sent by e-mail or fax is encrypted (Budapest art.
        /// 25(3); the directory says whether the State requires it). A
        /// secure electronic system is encrypted by itself. The e-signature
        /// is `sign.e_signature`, one answer for the signature block and
        /// the transmission.
        pub encryption: bool,
        /// An advance copy is sent through INTERPOL while the request
        /// travels by its channel (practice for letters rogatory).
        pub advance_copy_interpol: bool,
    }
}

part! {
    /// The certificate of the requesting State's central authority that a
    /// criminal matter exists (Harare Scheme para. 3).
    pub struct CentralAuthorityCertificate {
        /// What the central authority certifies.
        pub ground: Option<CertificateGround>,
        /// The proceedings begun (court, reference, date), or why there is
        /// reasonable cause to believe an offence was committed.
        pub details: String,
        /// Name and function of the officer of the central authority who certifies.
        pub officer: String,
        /// Date of the certificate, `YYYY-MM-DD`.
        pub date: String,
    }
}

vocabulary! {
    /// What the central authority certifies under the Harare Scheme, para. 3.
    pub enum CertificateGround {
        /// Criminal proceedings have been instituted.
        ProceedingsBegun = "proceedings_begun",
        /// There is reasonable cause to believe that an offence has been committed.
        ReasonableCause = "reasonable_cause",
    }
}

vocabulary! {
    /// Channels through which a request travels.
    pub enum Channel {
        /// Central authority to central authority.
        CentralAuthority = "central_authority",
        /// Diplomatic channel.
        Diplomatic = "diplomatic",
        /// Directly between judicial authorities.
        DirectJudicial = "direct_judicial",
        /// INTERPOL (urgent cases).
        Interpol = "interpol",
        /// 24/7 network (Budapest art. 35).
        Network247 = "network_24_7",
        /// Ministry of Justice to Ministry of Justice.
        MinistryOfJustice = "ministry_of_justice",
        /// Directly to a service provider (CETS 224 arts. 6–7).
        DirectToProvider = "direct_to_provider",
    }
}

vocabulary! {
    /// Means of transmission.
    pub enum TransmissionMeans {
        /// Post.
        Post = "post",
        /// Courier.
        Courier = "courier",
        /// E-mail.
        Email = "email",
        /// Fax.
        Fax = "fax",
        /// Secure electronic system.
        SecureSystem = "secure_system",
    }
}

part! {
    /// Legal basis of the request.
    pub struct LegalBasis {
        /// Primary basis; `None` until the drafter chooses one.
        pub primary: Option<Instrument>,
        /// Title, date and article of the treaty, when the basis is `BILATERAL`.
        pub treaty_citation: String,
        /// Supporting instruments.
        pub secondary: Vec<Instrument>,
        /// Why the instrument applies (scope).
        pub scope_statement: String,
        /// Whether the offence is transnational in nature (UNTOC art. 3(2)).
        pub transnational: Option<YesNoUnknown>,
        /// Why: the States concerned and what happened in each.
        pub transnational_reason: String,
        /// Whether an organized criminal group is involved (UNTOC art. 2(a), 3(1)).
        pub organized_group: Option<YesNoUnknown>,
        /// Why: the group's members, structure and aim.
        pub organized_group_reason: String,
        /// Undertaking to assist the requested State in similar cases (reciprocity).
        pub reciprocity_undertaking: bool,
        /// The drafter's own wording of that undertaking, printed instead of
        /// the fixed sentence when the undertaking is given.
        pub reciprocity_text: String,
        /// Whether the basis is in force between the two States on the day:
        /// filled from the requested State's directory entry when the
        /// request is addressed ([`crate::request::addressee::address_to`]);
        /// the drafter may correct it (the directory silent, or out of
        /// date). Not printed.
        pub in_force: Option<YesNoUnknown>,
        /// The bilateral treaty on mutual legal assistance between the
        /// requesting and the requested State that the directory entry
        /// lists (its title, and date when known), filled when the request
        /// is addressed; empty when it lists none. Not asked and not printed
        /// by itself: the wizard asks `use_convention_paras` while it is set.
        pub bilateral_treaty: String,
        /// Under UNTOC or UNCAC while such a treaty binds the two States:
        /// whether they agreed to apply paragraphs 9 to 29 of the
        /// Convention's article instead of the treaty (UNTOC art. 18(7),
        /// UNCAC art. 46(7)).
        pub use_convention_paras: Option<YesNoUnknown>,
        /// The profile of the treaty, when the basis is `BILATERAL` and one
        /// was chosen (`mla treaty apply`): a copy, so a later edit of the
        /// profile never changes this request. Findings and the document
        /// cite the treaty's own articles from it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        pub treaty_profile: Option<TreatyProfile>,
    }
}

vocabulary! {
    /// Instruments a request can be based on (keys of the domain reference).
    pub enum Instrument {
        /// UN Convention against Transnational Organized Crime, art. 18.
        Untoc18 = "UNTOC_18",
        /// UN Convention against Corruption, art. 46.
        Uncac46 = "UNCAC_46",
        /// UN Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances (1988), art. 7.
        Drug88_7 = "DRUG88_7",
        /// Convention on Cybercrime (CETS 185).
        Budapest = "BUDAPEST",
        /// Second Additional Protocol to the Convention on Cybercrime (CETS 224).
        Cets224 = "CETS_224",
        /// European Convention on Mutual Assistance in Criminal Matters (ETS 30).
        Ets30 = "ETS_30",
        /// UNTOC art. 21 (transfer of proceedings).
        Untoc21 = "UNTOC_21",
        /// UNCAC art. 47 (transfer of proceedings).
        Uncac47 = "UNCAC_47",
        /// European Convention on the Transfer of Proceedings in Criminal Matters (ETS 73).
        Ets73 = "ETS_73",
        /// Harare Scheme (Commonwealth).
        Harare = "HARARE",
        /// A bilateral or regional treaty, cited in `basis.treaty_citation`.
        Bilateral = "BILATERAL",
        /// Reciprocity or comity (letters rogatory).
        Reciprocity = "RECIPROCITY",
    }
}

part! {
    /// Languages of the request: each one of the six, or another named
    /// beside it.
    pub struct Languages {
        /// Language the drafter writes in.
        pub drafting: Option<DocumentLanguage>,
        /// The drafting language, when it is none of the six, by ISO 639
        /// code (text of an older draft that names no language stays as
        /// typed).
        pub drafting_other: String,
        /// Language of the transmitted request.
        pub request: Option<DocumentLanguage>,
        /// The language of the transmitted request, when it is none of the
        /// six, by ISO 639 code (text of an older draft that names no
        /// language stays as typed).
        pub request_other: String,
        /// The languages the requested State accepts for a request of this
        /// basis and kind, filled from its directory entry when the request
        /// is addressed (`other`: one beyond the six, which the entry
        /// names). Shown to the drafter, not printed; the check reads the
        /// entry itself.
        pub accepted: Vec<DocumentLanguage>,
    }
}

impl Languages {
    /// The ISO 639-1 code of the drafting language, when it is one of the six.
    pub fn drafting_code(&self) -> Option<&'static str> {
        self.drafting.and_then(DocumentLanguage::code)
    }

    /// The ISO 639-1 code of the language of the transmitted request, when
    /// it is one of the six.
    pub fn request_code(&self) -> Option<&'static str> {
        self.request.and_then(DocumentLanguage::code)
    }
}

part! {
    /// Translation of the request.
    pub struct Translation {
        /// Status.
        pub status: Option<TranslationStatus>,
        /// Whether the attachments are translated too.
        pub covers_attachments: bool,
        /// Name or certification of the translator.
        pub translator: String,
        /// The drafter's own text of every translated field, by path
        /// (`facts.summary`, `persons.0.location`), as it stood when a
        /// translation was imported (see `mla xliff import`); the fields
        /// themselves then hold the translation. Empty until then. Kept for a
        /// bilingual annex.
        #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
        pub original: std::collections::BTreeMap<String, String>,
        /// Language of the text in `original` (ISO 639-1); empty until a
        /// translation is imported.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        pub original_lang: String,
    }
}

vocabulary! {
    /// Translation status.
    pub enum TranslationStatus {
        /// No translation needed.
        NotNeeded = "not_needed",
        /// Translation pending.
        Pending = "pending",
        /// Translated.
        Done = "done",
        /// Certified translation.
        Certified = "certified",
    }
}

part! {
    /// The proceedings in which assistance is sought.
    pub struct Proceedings {
        /// Nature of the proceedings.
        pub nature: Option<ProceedingsNature>,
        /// Current procedural stage, in a few words.
        pub stage: String,
        /// One line on what the case is about.
        pub subject_matter: String,
        /// Authority conducting the proceedings.
        pub conducting_auth: ConductingAuthority,
        /// Scheduled court date, `YYYY-MM-DD`.
        pub next_hearing_date: String,
        /// Custody of the suspect.
        pub custody: Custody,
        /// Date prosecution becomes time-barred, `YYYY-MM-DD`.
        pub limitation_date: String,
        /// Earlier or parallel requests.
        pub related_requests: Vec<RelatedRequest>,
    }
}

vocabulary! {
    /// Nature of the proceedings (UNTOC art. 18(1), 18(15)(b)).
    pub enum ProceedingsNature {
        /// Criminal investigation.
        Investigation = "investigation",
        /// Prosecution.
        Prosecution = "prosecution",
        /// Trial.
        Trial = "trial",
        /// Appeal.
        Appeal = "appeal",
        /// Enforcement of a judgment.
        Enforcement = "enforcement",
        /// Confiscation proceedings.
        Confiscation = "confiscation",
        /// Proceedings against a legal person.
        LegalPerson = "legal_person",
    }
}

part! {
    /// Authority conducting the proceedings, which may differ from the requesting one.
    pub struct ConductingAuthority {
        /// Name of the authority.
        pub name: String,
        /// Its function in the proceedings.
        pub functions: String,
    }
}

part! {
    /// Custody of the suspect.
    pub struct Custody {
        /// Whether the suspect is detained.
        pub in_custody: bool,
        /// When the custody time limit expires, `YYYY-MM-DD`.
        pub expiry_date: String,
    }
}

part! {
    /// An earlier or parallel request.
    pub struct RelatedRequest {
        /// State it went to.
        pub state: String,
        /// Date, `YYYY-MM-DD`.
        pub date: String,
        /// Reference.
        pub reference: String,
        /// Status.
        pub status: String,
    }
}

part! {
    /// Facts of the case.
    pub struct Facts {
        /// Chronological narrative: who, what, when, where, how.
        pub summary: String,
        /// Date(s) and place(s) of the offence.
        pub time_place: String,
        /// Why evidence, persons or assets are in the requested State.
        pub link_to_req_state: String,
        /// Key evidence gathered so far.
        pub evidence_so_far: String,
        /// Short version (at most 150 words) for preservation and emergency requests.
        pub brief: String,
    }
}

part! {
    /// An offence as named in the requesting State's law.
    pub struct Offence {
        /// Name of the offence.
        pub name: String,
        /// Article or section creating it.
        pub provision: String,
        /// Text of the provision.
        pub provision_text: String,
        /// Maximum penalty.
        pub max_penalty: String,
        /// Categories relevant to scope and refusal risks.
        pub category_flags: Vec<OffenceCategory>,
    }
}

vocabulary! {
    /// Categories of offence that matter for scope and refusal grounds.
    pub enum OffenceCategory {
        /// Political offence.
        Political = "political",
        /// Military offence.
        Military = "military",
        /// Fiscal offence.
        Fiscal = "fiscal",
        /// Corruption.
        Corruption = "corruption",
        /// Drug offence.
        Drug = "drug",
        /// Cybercrime.
        Cyber = "cyber",
        /// Organized crime.
        OrganizedCrime = "organized_crime",
        /// Terrorism.
        Terrorism = "terrorism",
    }
}

part! {
    /// Dual criminality.
    pub struct DualCriminality {
        /// Statement that the conduct is also an offence in the requested State,
        /// naming the likely equivalent offence where known.
        pub statement: String,
    }
}

part! {
    /// A natural or legal person concerned by the request.
    pub struct Person {
        /// Natural or legal person.
        #[serde(rename = "type")]
        pub person_type: Option<PersonType>,
        /// Role in the case.
        pub role: Option<PersonRole>,
        /// Family name (natural persons) or registered name (legal persons).
        pub family_name: String,
        /// Given names (natural persons).
        pub given_names: String,
        /// Other names used.
        pub aliases: String,
        /// Date of birth, `YYYY-MM-DD`.
        pub birth_date: String,
        /// Place of birth.
        pub birth_place: String,
        /// All known nationalities, separated by commas.
        pub nationalities: String,
        /// Identity documents: type, number, issuing State.
        pub id_documents: String,
        /// Address or whereabouts in the requested State (seat, for a legal person).
        pub location: String,
        /// Why nationality or location cannot be given.
        pub location_unknown_reason: String,
        /// Telephone.
        pub phone: String,
        /// E-mail.
        pub email: String,
        /// Language the person understands, by ISO 639 code
        /// (`language_names`); text of an older draft that names no language
        /// stays as typed (`FMT-LANGUAGE`).
        pub language_understood: String,
        /// Where the person is detained, if so.
        pub in_custody: String,
        /// Legal representative.
        pub lawyer: String,
        /// Legal form (legal persons).
        pub legal_form: String,
        /// Registration number (legal persons).
        pub registration_no: String,
        /// Register (legal persons).
        pub register: String,
        /// What is known of a person whose name is not (appearance, the
        /// account or number they use, part in the events); it identifies
        /// the person when the name is unknown.
        pub description: String,
        /// The name in Latin letters, when it is written in another script
        /// (natural persons).
        pub transliteration: String,
        /// Roles the person also has besides [`Person::role`] (a victim who
        /// is also a witness).
        pub other_roles: Vec<PersonRole>,
        /// Directors or authorised persons of a legal person, one per line.
        pub representatives: String,
    }
}

impl Person {
    /// Whether this is a legal person (a company or other body): it has a
    /// seat and a register, not a nationality, a birth or a language.
    pub fn is_legal(&self) -> bool {
        self.person_type == Some(PersonType::Legal)
    }

    /// Whether the person has `role`, as the main role or as one of the
    /// other roles. Every rule about a role asks this, never `role` alone.
    pub fn has_role(&self, role: PersonRole) -> bool {
        self.role == Some(role) || self.other_roles.contains(&role)
    }

    /// Whether the person has any of `roles`.
    pub fn has_any_role(&self, roles: &[PersonRole]) -> bool {
        roles.iter().any(|&role| self.has_role(role))
    }

    /// Whether the person is identified by name or, when the name is
    /// unknown, by a description.
    pub fn is_identified(&self) -> bool {
        !self.family_name.trim().is_empty() || !self.description.trim().is_empty()
    }

    /// A short form of the description, to name a person whose name is
    /// unknown: its first non-blank line, cut at [`SHORT_DESCRIPTION`]
    /// characters with "…". Empty when there is no description.
    pub fn short_description(&self) -> String {
        let line = self.description.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
        if line.chars().count() <= SHORT_DESCRIPTION {
            return line.to_string();
        }
        let cut: String = line.chars().take(SHORT_DESCRIPTION).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Most characters of a description [`Person::short_description`] keeps.
pub const SHORT_DESCRIPTION: usize = 60;

vocabulary! {
    /// Natural or legal person.
    pub enum PersonType {
        /// A human being.
        Natural = "natural",
        /// A company or other body.
        Legal = "legal",
    }
}

vocabulary! {
    /// Role of a person in the case (UNTOC art. 18(15)(e)).
    pub enum PersonRole {
        /// Suspect.
        Suspect = "suspect",
        /// Accused.
        Accused = "accused",
        /// Convicted person.
        Convicted = "convicted",
        /// Witness.
        Witness = "witness",
        /// Victim.
        Victim = "victim",
        /// Expert.
        Expert = "expert",
        /// Holder of an account or of records.
        AccountHolder = "account_holder",
        /// Person to be served.
        PersonToBeServed = "person_to_be_served",
        /// Detained person.
        Detainee = "detainee",
        /// Third party.
        ThirdParty = "third_party",
    }
}

part! {
    /// What the assistance is for.
    pub struct Purpose {
        /// What the evidence or action will achieve in the case.
        pub statement: String,
        /// Every proceeding in which the results will be used (UNTOC art. 18(19)).
        pub intended_uses: String,
    }
}

part! {
    /// Particular procedures requested (UNTOC art. 18(17)).
    pub struct Procedure {
        /// Formalities the requested State is asked to follow.
        pub requested: String,
        /// Why they matter (admissibility at home).
        pub reasons: String,
        /// Ask to execute closely related measures found necessary during execution.
        pub elastic_clause: bool,
    }
}

part! {
    /// Officials or counsel asking to be present at execution.
    pub struct Participation {
        /// Names, functions and languages.
        pub officials: String,
        /// Whether they ask to put questions.
        pub may_question: bool,
    }
}

part! {
    /// Urgency (UNTOC art. 18(24)).
    pub struct Urgency {
        /// Whether the request is urgent.
        pub flag: bool,
        /// Why.
        pub reasons: Vec<UrgencyReason>,
        /// Concrete explanation with dates and facts.
        pub reason_text: String,
    }
}

vocabulary! {
    /// Reasons for urgency.
    pub enum UrgencyReason {
        /// Custody time limit.
        CustodyLimit = "custody_limit",
        /// Trial date.
        TrialDate = "trial_date",
        /// Limitation date.
        LimitationDate = "limitation_date",
        /// Data may be lost.
        DataVolatility = "data_volatility",
        /// Risk to life or safety.
        RiskToLife = "risk_to_life",
        /// Risk of flight.
        RiskOfFlight = "risk_of_flight",
        /// Risk of dissipation of assets.
        AssetDissipation = "asset_dissipation",
        /// Other reason.
        Other = "other",
    }
}

part! {
    /// Date by which execution is needed.
    pub struct Deadline {
        /// Date, `YYYY-MM-DD`.
        pub date: String,
        /// Why that date.
        pub reason: String,
    }
}

part! {
    /// Confidentiality (UNTOC art. 18(20)).
    pub struct Confidentiality {
        /// Whether confidentiality is requested.
        pub required: bool,
        /// What must stay confidential.
        pub scope: Option<ConfidentialityScope>,
        /// Why.
        pub reasons: String,
        /// Ask that the account holder, customer or user not be notified.
        pub no_notice_to_subject: bool,
        /// What to do if confidentiality cannot be kept.
        pub if_not_possible: String,
    }
}

vocabulary! {
    /// What must stay confidential.
    pub enum ConfidentialityScope {
        /// The existence of the request.
        Existence = "existence",
        /// Its content.
        Content = "content",
        /// Both.
        Both = "both",
    }
}

part! {
    /// Use limitation (UNTOC art. 18(19)).
    pub struct UseLimitation {
        /// Acknowledgement that results are used only for the stated proceedings.
        pub ack: bool,
        /// Further proceedings for which consent is requested now.
        pub advance_consent_for: String,
    }
}

part! {
    /// Data protection (CETS 224 art. 14).
    pub struct DataProtection {
        /// Data-protection statement.
        pub safeguards: String,
    }
}

part! {
    /// Costs (UNTOC art. 18(28)).
    pub struct Costs {
        /// Whether extraordinary costs are expected.
        pub extraordinary_expected: Option<YesNoUnknown>,
        /// Expected items, estimates and who pays.
        pub items: String,
        /// Undertaking to bear agreed costs.
        pub undertaking: bool,
    }
}

vocabulary! {
    /// A three-way answer.
    pub enum YesNoUnknown {
        /// Yes.
        Yes = "yes",
        /// No.
        No = "no",
        /// Not known.
        Unknown = "unknown",
    }
}

part! {
    /// Consultation with the counterpart.
    pub struct Consultation {
        /// Reference of the earlier preservation request this request follows.
        pub preservation_ref: String,
        /// Date that preservation took effect, `YYYY-MM-DD` (Budapest art.
        /// 29(7), 31(1)).
        pub preserved_at: String,
        /// Earlier informal contacts: date, channel, what was obtained.
        pub prior_informal: String,
        /// Draft shared with the requested State before sending: date, with whom, feedback.
        pub draft_shared: String,
        /// Every change of status, oldest first; the last is the current
        /// status (none: drafting). UNTOC art. 18(23)–(25).
        pub status_log: Vec<StatusChange>,
        /// Requests for more information and the answers (UNTOC art. 18(16)).
        pub additional_info_log: Vec<AdditionalInformation>,
        /// Conditions proposed or accepted by either side (UNTOC art. 18(19), 18(20), 18(26)).
        pub conditions_log: Vec<ConditionRecord>,
        /// The assistance is no longer needed: the case was closed or the
        /// evidence obtained otherwise (UNTOC art. 18(24)).
        pub no_longer_needed: bool,
        /// When the requested State was told that the assistance is no longer
        /// needed, `YYYY-MM-DD`.
        pub no_longer_needed_sent: String,
    }
}

impl Consultation {
    /// The latest recorded change of status that names a status.
    pub fn latest_status(&self) -> Option<&StatusChange> {
        self.status_log.iter().rev().find(|c| c.status.is_some())
    }

    /// The current status: that of the latest change, else drafting.
    pub fn status(&self) -> RequestStatus {
        self.latest_status().and_then(|c| c.status).unwrap_or(RequestStatus::Drafting)
    }
}

part! {
    /// An annex of the request.
    pub struct Attachment {
        /// Type of annex.
        #[serde(rename = "type")]
        pub attachment_type: Option<AttachmentType>,
        /// Title.
        pub title: String,
        /// Language.
        pub language: Option<DocumentLanguage>,
        /// The language, when it is none of the listed ones, by ISO 639 code
        /// (text of an older draft that names no language stays as typed).
        pub language_other: String,
        /// Number of pages.
        pub pages: String,
        /// Whether it is translated.
        pub translated: bool,
        /// Whether it is certified.
        pub certified: bool,
        /// The annex's file, when one is kept with the request (its
        /// reference only: the bytes are in the store, by SHA-256). Absent
        /// in requests written before annexes held files.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        pub file: Option<AnnexFile>,
    }
}

part! {
    /// The reference to an annex's file: what it is and its SHA-256, by
    /// which the store keeps its bytes (once, however many annexes and
    /// drafts cite it).
    pub struct AnnexFile {
        /// SHA-256 of the bytes, 64 lowercase hexadecimal digits.
        pub sha256: String,
        /// The file's name as the user chose it (no folder).
        pub name: String,
        /// Media type found from the bytes (`application/pdf`, `image/png`,
        /// `image/jpeg`, else `application/octet-stream`).
        pub media_type: String,
        /// Size in bytes.
        // JSON carries it as a number, and annex files stay far below 2^53.
        #[ts(type = "number")]
        pub size: u64,
        /// Number of pages, for a PDF.
        pub pages: Option<u32>,
    }
}

vocabulary! {
    /// The language of a document (the request, an annex): one of the six
    /// of the app, or another one named beside the choice
    /// (`language_other`, `lang.request_other`).
    pub enum DocumentLanguage {
        /// English.
        En = "en",
        /// French.
        Fr = "fr",
        /// Spanish.
        Es = "es",
        /// Russian.
        Ru = "ru",
        /// Arabic.
        Ar = "ar",
        /// Chinese.
        Zh = "zh",
        /// Another language.
        Other = "other",
    }
}

impl DocumentLanguage {
    /// The language's ISO 639-1 code; none for another language.
    pub fn code(self) -> Option<&'static str> {
        (self != DocumentLanguage::Other).then(|| self.key())
    }

    /// The language of a code, one of the six (`"fr"`), if it is one.
    pub fn from_code(code: &str) -> Option<DocumentLanguage> {
        DocumentLanguage::ALL.iter().copied().find(|l| l.code() == Some(code))
    }
}

vocabulary! {
    /// How annexes are labelled in the index and wherever the request
    /// refers to one.
    pub enum AnnexLabels {
        /// 1, 2, 3 …
        Numbers = "numbers",
        /// A, B, C … Z, AA, AB …
        Letters = "letters",
    }
}

impl AnnexLabels {
    /// The label of the annex at `index` (from 0): `1`, `2` … or `A`, `B`
    /// … `Z`, `AA`, `AB` … (spreadsheet columns' order).
    pub fn label(self, index: usize) -> String {
        match self {
            AnnexLabels::Numbers => (index + 1).to_string(),
            AnnexLabels::Letters => {
                let mut letters = Vec::new();
                let mut n = index + 1;
                while n > 0 {
                    n -= 1;
                    letters.push(char::from(b'A' + (n % 26) as u8));
                    n /= 26;
                }
                letters.iter().rev().collect()
            }
        }
    }

    /// The index (from 0) of the annex a label names, if it is one of
    /// this kind: the inverse of [`AnnexLabels::label`]. Letters are
    /// capitals, as a drafter writes them.
    pub fn index_of(self, label: &str) -> Option<usize> {
        match self {
            AnnexLabels::Numbers => label.parse::<usize>().ok()?.checked_sub(1),
            AnnexLabels::Letters => {
                if label.is_empty() || !label.bytes().all(|b| b.is_ascii_uppercase()) {
                    return None;
                }
                let n = label.bytes().try_fold(0usize, |n, b| n.checked_mul(26)?.checked_add(usize::from(b - b'A') + 1))?;
                n.checked_sub(1)
            }
        }
    }
}

impl Request {
    /// How this request labels its annexes (numbers unless letters were chosen).
    pub fn annex_labels(&self) -> AnnexLabels {
        self.annex_labels.unwrap_or(AnnexLabels::Numbers)
    }

    /// The label of the annex at `index` (from 0), as the index of
    /// annexes, the separator pages and the checks' messages print it.
    pub fn annex_label(&self, index: usize) -> String {
        self.annex_labels().label(index)
    }

    /// The label of each of its annexes, in order ([`Request::annex_label`]):
    /// the wizard titles its annex cards with them.
    pub fn annex_label_list(&self) -> Vec<String> {
        (0..self.attachments.len()).map(|i| self.annex_label(i)).collect()
    }
}

vocabulary! {
    /// Types of annex.
    pub enum AttachmentType {
        /// Domestic order or warrant.
        DomesticOrder = "domestic_order",
        /// Text of legal provisions.
        LegalText = "legal_text",
        /// List of questions.
        Questions = "questions",
        /// Documents to be served.
        DocumentsToServe = "documents_to_serve",
        /// Photographs or identification material.
        Identification = "identification",
        /// Consent form.
        ConsentForm = "consent_form",
        /// Criminal file or certified copy.
        CriminalFile = "criminal_file",
        /// Translation.
        Translation = "translation",
        /// Affidavit or certificate template.
        CertificateTemplate = "certificate_template",
        /// Other.
        Other = "other",
    }
}

part! {
    /// Signature block of the request.
    pub struct Signature {
        /// Name of the signatory.
        pub name: String,
        /// Title or function of the signatory.
        pub title: String,
        /// Place of signature.
        pub place: String,
        /// Date of signature, `YYYY-MM-DD`.
        pub date: String,
        /// Official seal or stamp applied.
        pub seal: bool,
        /// Qualified electronic signature applied.
        pub e_signature: bool,
        /// Authentication.
        pub authentication: Option<Authentication>,
        /// Judge or prosecutor validating a request from a non-judicial issuer.
        pub validating_auth: String,
    }
}

vocabulary! {
    /// Authentication of the signature.
    pub enum Authentication {
        /// No authentication.
        None = "none",
        /// Apostille.
        Apostille = "apostille",
        /// Legalisation.
        Legalisation = "legalisation",
    }
}

/// A date-time range with its time zone; every timestamp of a data request
/// depends on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct TimeRange {
    /// Where the range starts when it has no start date: the creation of
    /// the account, or a date not known; empty when it starts at `from`.
    pub start: Option<RangeStart>,
    /// Start, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`; not asked when
    /// `start` is given.
    pub from: String,
    /// End, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`.
    pub to: String,
    /// Time zone or UTC offset (IANA name or `UTC±HH:MM`); `UTC` unless changed.
    pub tz: String,
}

impl Default for TimeRange {
    fn default() -> Self {
        TimeRange { start: None, from: String::new(), to: String::new(), tz: "UTC".into() }
    }
}

impl TimeRange {
    /// The start date-time the range states: `from`, unless the range starts
    /// at the creation of the account or a date not known (then `from` is
    /// not part of the range, even when a value was left in it).
    pub fn from_date(&self) -> Option<&str> {
        match self.start {
            None => Some(&self.from),
            Some(_) => None,
        }
    }
}

vocabulary! {
    /// Where a range of data starts when no start date is given.
    pub enum RangeStart {
        /// From the creation of the account, or the start of the service.
        AccountCreation = "account_creation",
        /// From a date not known.
        Unknown = "unknown",
    }
}

part! {
    /// Stored data to preserve, disclose or produce.
    pub struct DataSpec {
        /// Account ids, user names, e-mail addresses, phone numbers, IP
        /// addresses with port and timestamp, device ids, URLs, domains; one per line.
        pub identifiers: String,
        /// Categories of data.
        pub categories: Vec<DataCategory>,
        /// Period covered.
        pub range: TimeRange,
    }
}

vocabulary! {
    /// Categories of stored computer data (Budapest arts. 1(d), 18(3)).
    pub enum DataCategory {
        /// Subscriber information.
        Subscriber = "subscriber",
        /// Traffic data.
        Traffic = "traffic",
        /// Content data.
        Content = "content",
    }
}

#[cfg(test)]
mod annex_label_tests {
    use super::*;

    #[test]
    fn letters_run_a_to_z_then_aa() {
        let labels: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702].iter().map(|&i| AnnexLabels::Letters.label(i)).collect();
        assert_eq!(labels, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
        for i in 0..800 {
            assert_eq!(AnnexLabels::Letters.index_of(&AnnexLabels::Letters.label(i)), Some(i), "{i}");
            assert_eq!(AnnexLabels::Numbers.index_of(&AnnexLabels::Numbers.label(i)), Some(i), "{i}");
        }
        assert_eq!(AnnexLabels::Letters.index_of("b"), None);
        assert_eq!(AnnexLabels::Numbers.index_of("0"), None);
    }

    #[test]
    fn a_request_labels_its_annexes_with_numbers_unless_letters_are_chosen() {
        let mut r = Request::default();
        assert_eq!(r.annex_label(2), "3");
        r.annex_labels = Some(AnnexLabels::Letters);
        assert_eq!(r.annex_label(2), "C");
    }

    #[test]
    fn the_list_of_a_requests_annex_labels_is_the_documents() {
        let mut r = Request { attachments: vec![Attachment::default(); 3], ..Request::default() };
        assert_eq!(r.annex_label_list(), ["1", "2", "3"]);
        r.annex_labels = Some(AnnexLabels::Letters);
        assert_eq!(r.annex_label_list(), ["A", "B", "C"]);
        assert!(Request::default().annex_label_list().is_empty());
    }
}
