//! The directory's records as serde data: a State's entry (§3 of the record
//! layout: core, instrument status, channel rules, language rules,
//! requirements), its authorities (§4) and where each came from (§6).
//!
//! Every optional value is left out of the JSON when unknown, so an entry
//! holds what its source says and nothing invented. Unknown members are
//! refused, so a misspelt field id is an error rather than a silent loss.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The `format` member of a directory file.
pub const FORMAT: &str = "mla-directory";

/// The version of the directory file format this build writes and reads.
pub const VERSION: u32 = 1;

/// A directory file: `{ "format": "mla-directory", "version": 1, "states": […] }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct DirectoryFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// The States, each with its authorities.
    pub states: Vec<StateEntry>,
}

impl DirectoryFile {
    /// A file holding `states`.
    pub fn new(states: Vec<StateEntry>) -> DirectoryFile {
        DirectoryFile { format: FORMAT.to_string(), version: VERSION, states }
    }
}

/// Whether the records may leave this app (export, sharing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Redistribution {
    /// May be exported and shared.
    #[default]
    Open,
    /// Taken from a source with restricted access: never exported or shared
    /// without the user's explicit acknowledgement.
    Restricted,
}

/// A State's entry: the record of §3 with its authorities.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct StateEntry {
    /// ISO 3166-1 alpha-2 code; a user-assigned code (XA–XZ, QM–QZ, AA, ZZ)
    /// for a fictitious State.
    pub state_id: String,
    /// Short name in English.
    pub name: String,
    /// Short name in the State's own language.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name_local: String,
    /// True for example, test and demo States only.
    pub fictitious: bool,
    /// Official languages (ISO 639 codes); not the languages a request may be in.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub official_languages: Vec<String>,
    /// National MLA law, national guide, treaty lists, as entered by the user.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<ReferenceLink>,
    /// Free notes: practice, tips, known delays.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Party status per instrument.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub instrument_status: Vec<InstrumentStatus>,
    /// Channel rules per instrument and kind of request.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<ChannelRule>,
    /// Language rules per instrument, kind of request and measure.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<LanguageRule>,
    /// What the State requires of every request.
    #[serde(skip_serializing_if = "StateRequirements::is_empty")]
    pub requirements: StateRequirements,
    /// Its authorities, by role.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authorities: Vec<Authority>,
    /// Whether the whole entry may be exported.
    #[serde(skip_serializing_if = "is_open")]
    pub redistribution: Redistribution,
    /// Where the entry's values come from (each authority may say otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub provenance: Option<Provenance>,
}

fn is_open(r: &Redistribution) -> bool {
    *r == Redistribution::Open
}

impl StateEntry {
    /// Whether the entry, or one of its authorities, is restricted.
    pub fn is_restricted(&self) -> bool {
        self.redistribution == Redistribution::Restricted || self.authorities.iter().any(|a| a.redistribution == Redistribution::Restricted)
    }
}

/// A reference the user entered: a law, a guide, a treaty list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct ReferenceLink {
    /// Its title.
    pub title: String,
    /// Where to find it (an address, a citation), as entered.
    pub reference: String,
}

/// Yes, no, or not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Acceptance {
    /// Yes.
    Yes,
    /// No.
    No,
    /// Not known.
    #[default]
    Unknown,
}

/// A State's status under an instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PartyStatus {
    /// A Party.
    Yes,
    /// Not a Party.
    No,
    /// Has signed, not ratified.
    Signatory,
    /// Not known: nothing may be assumed.
    #[default]
    Unknown,
}

/// A State's status under one instrument (§3.2).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct InstrumentStatus {
    /// The instrument: UNTOC, UNCAC, DRUG88, BUDAPEST, CETS_224, ETS_30,
    /// ETS_73, HARARE, EIO, EU_2024_3011 or BILATERAL:{treaty id}.
    pub instrument: String,
    /// Party status.
    pub party: PartyStatus,
    /// Entry into force for this State (YYYY-MM-DD).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub in_force_from: Option<String>,
    /// Whether the State accepts the instrument as the legal basis for MLA.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub usable_as_basis: Option<Acceptance>,
    /// Reservations and declarations.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reservations: Vec<Reservation>,
    /// Bilateral treaties with other States.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bilateral_treaties: Vec<BilateralTreaty>,
    /// Where the list of authorities for direct transmission under CETS 224
    /// is kept, as entered.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub cets224_direct_authorities: String,
}

/// A reservation or declaration under an instrument.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct Reservation {
    /// The article it concerns, e.g. `18(13)`.
    pub article: String,
    /// What it says, in short.
    pub summary: String,
    /// Where its text is.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text_ref: String,
}

/// A bilateral treaty of the State with another.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct BilateralTreaty {
    /// The other State (ISO alpha-2).
    pub partner_state: String,
    /// The treaty's title.
    pub title: String,
    /// Its date (YYYY-MM-DD).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub date: Option<String>,
    /// Whether it is in force.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub in_force: Option<bool>,
    /// The treaty profile that gives its article numbers.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub profile_id: String,
}

/// A way a request may travel (`channels[].allowed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChannelRoute {
    /// Through the central authorities.
    CentralAuthority,
    /// Through diplomatic channels.
    Diplomatic,
    /// Directly between judicial authorities.
    DirectJudicial,
    /// Through the ministries of justice.
    MinistryOfJustice,
    /// Through INTERPOL.
    Interpol,
    /// Through the 24/7 network.
    #[serde(rename = "network_24_7")]
    Network247,
    /// Directly to a service provider.
    DirectToProvider,
}

/// A means of transmission (`channels[].means`). The keys are the request's
/// own (`email`, `secure_system`); the record layout's spelling (`e-mail`,
/// `secure system`) is read too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AcceptedMeans {
    /// Post.
    Post,
    /// Courier.
    Courier,
    /// E-mail.
    #[serde(alias = "e-mail")]
    Email,
    /// Fax.
    Fax,
    /// A secure electronic system.
    #[serde(alias = "secure system")]
    SecureSystem,
}

/// A channel rule: how requests under an instrument, of a kind, may travel (§3.3).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct ChannelRule {
    /// The instrument, or `any`.
    pub instrument: String,
    /// The kind of request (`mla_evidence`, `preservation`,
    /// `emergency_disclosure`, `transfer_of_proceedings`), or `any`.
    pub kind: String,
    /// Accepted channels.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allowed: Vec<ChannelRoute>,
    /// Declared that requests must go through diplomatic channels.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub diplomatic_required: Option<bool>,
    /// Accepts urgent requests (or advance copies) through INTERPOL.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub interpol_urgent: Option<Acceptance>,
    /// Accepted means of transmission.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub means: Vec<AcceptedMeans>,
    /// Electronic transmission must be encrypted.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub encryption_required: Option<bool>,
    /// How (system, key exchange).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub encryption_note: String,
    /// An electronic signature is needed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub e_signature_required: Option<bool>,
    /// Which signature.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub e_signature_note: String,
    /// A paper original must follow an electronic or fax copy.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub original_to_follow: Option<bool>,
    /// Accepts urgent oral requests confirmed in writing.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub oral_urgent_accepted: Option<Acceptance>,
}

/// A language a request may be in, and on what condition.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct AcceptedLanguage {
    /// ISO 639 code.
    pub lang: String,
    /// The condition, as the source words it (`always`, `only if …`).
    pub condition: String,
}

/// Whether the attachments must be translated too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AttachmentsRule {
    /// Every attachment.
    All,
    /// The key documents.
    #[serde(alias = "key documents")]
    KeyDocuments,
    /// None.
    None,
}

/// A language rule (§3.4).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct LanguageRule {
    /// The instrument, or `any`.
    pub instrument: String,
    /// The kind of request, or `any`.
    pub kind: String,
    /// The measure (module code `M3`), when the State distinguishes; else empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub measure: String,
    /// Accepted languages, in the State's order of preference.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub accepted: Vec<AcceptedLanguage>,
    /// The translation must be certified or sworn.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub certified_translation: Option<bool>,
    /// Whether attachments must be translated too.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub attachments_rule: Option<AttachmentsRule>,
    /// Where the rule comes from (a notification, a reservation).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub basis_note: String,
}

/// The State's stance on dual criminality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DualCriminalityStance {
    /// Not required.
    NotRequired,
    /// Required for coercive measures.
    RequiredForCoercive,
    /// Required for every request.
    RequiredAll,
    /// Decided case by case.
    CaseByCase,
    /// Not known.
    Unknown,
}

/// How the State applies limits on the use of what it gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum UseLimitationPractice {
    /// The instrument's rule.
    Standard,
    /// Consent needed for any other use.
    Strict,
    /// Nothing stated.
    NoneStated,
    /// Not known.
    Unknown,
}

/// The form of authentication a request needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AuthenticationForm {
    /// None.
    None,
    /// A signature.
    Signature,
    /// A seal.
    Seal,
    /// An apostille.
    Apostille,
    /// Legalisation.
    Legalisation,
}

/// What the State requires of requests (§3.5).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct StateRequirements {
    /// Dual-criminality stance.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub dual_criminality: Option<DualCriminalityStance>,
    /// More on it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub dual_criminality_note: String,
    /// Use limitation.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub use_limitation: Option<UseLimitationPractice>,
    /// More on it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub use_limitation_note: String,
    /// Whether and how requests are kept confidential.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub confidentiality_note: String,
    /// Authentication required.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub authentication: Option<AuthenticationForm>,
    /// Requests from non-judicial issuers need judicial validation.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub validation_required: Option<bool>,
    /// The issuers concerned.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub validation_issuers: Vec<String>,
    /// Measures (module codes `M3`) for which a domestic order must be attached.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub domestic_order_required: Vec<String>,
    /// Documents required for particular measures, by module code.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub special_measure_docs: BTreeMap<String, String>,
    /// Days needed before an appearance date for service.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub service_lead_days: Option<u32>,
    /// Preservation period the State applies (at least 60 days).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub preservation_period_days: Option<u32>,
    /// What the State treats as extraordinary costs.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub costs_practice: String,
    /// Published target for a response, in days.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub typical_response_days: Option<u32>,
    /// More on it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub typical_response_note: String,
    /// Other legal or procedural requirements.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub procedural_requirements: String,
}

impl StateRequirements {
    /// Whether nothing is known.
    pub fn is_empty(&self) -> bool {
        *self == StateRequirements::default()
    }
}

/// What an authority is designated for (§4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AuthorityRole {
    /// Central authority for mutual legal assistance.
    CentralAuthorityMla,
    /// Central authority for extradition.
    CentralAuthorityExtradition,
    /// 24/7 point of contact.
    #[serde(rename = "point_of_contact_24_7")]
    PointOfContact247,
    /// Asset-recovery focal point.
    AssetRecoveryFocalPoint,
    /// Competent authority that receives or executes requests directly.
    ReceivingAuthority,
    /// Executes the measure, when not the receiving authority.
    ExecutingAuthority,
    /// Ministry of justice for the transfer of proceedings.
    MinistryOfJusticeTransfer,
    /// Competent for direct transmission under CETS 224.
    #[serde(rename = "cets224_direct")]
    Cets224Direct,
    /// Corruption-prevention authority.
    PreventionAuthority,
    /// Focal point for civil and administrative proceedings.
    CivilAdminFocalPoint,
    /// INTERPOL National Central Bureau.
    InterpolNcb,
    /// Foreign-ministry unit for diplomatic transmission.
    Diplomatic,
}

/// A stage of proceedings an authority handles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProceedingsStage {
    /// Investigation.
    Investigation,
    /// Trial.
    Trial,
    /// Enforcement.
    Enforcement,
}

/// A type of request an authority deals with (UNODC directory categories).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AuthorityRequestType {
    /// Extradition.
    Extradition,
    /// Mutual legal assistance.
    #[serde(alias = "MLA")]
    Mla,
    /// Transfer of proceedings.
    TransferOfProceedings,
    /// Transfer of sentenced persons.
    TransferOfSentencedPersons,
    /// Maritime drug trafficking.
    MaritimeDrugTrafficking,
    /// Migrant smuggling by sea.
    MigrantSmugglingBySea,
    /// Firearms.
    Firearms,
    /// Cultural property.
    CulturalProperty,
    /// Prevention.
    Prevention,
}

/// A postal address.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct PostalAddress {
    /// Street and number.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub street: String,
    /// Postal code.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub postal_code: String,
    /// City.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub city: String,
    /// Country (ISO alpha-2).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub country: String,
}

/// A telephone or fax number with its label.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct PhoneNumber {
    /// What it is for (`office`, `24/7`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// The number, international form (`+` and digits).
    pub number: String,
}

/// An identifier on a secure system.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct SecureChannelId {
    /// The system.
    pub system: String,
    /// The address or reference on it.
    pub address: String,
}

/// What an authority is competent for.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct Competence {
    /// Measures (module codes `M3`) it executes or receives.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<String>,
    /// Stages of proceedings it handles.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<ProceedingsStage>,
    /// Offence types (tags: economic, terrorism, cyber).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub offence_types: Vec<String>,
    /// To be contacted for urgent matters only.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub urgent_only: Option<bool>,
    /// Geographic competence (regions, postal codes, `national`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub territory: String,
}

impl Competence {
    /// Whether nothing is known.
    pub fn is_empty(&self) -> bool {
        *self == Competence::default()
    }
}

/// An authority of a State (§4).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct Authority {
    /// UUID.
    pub authority_id: String,
    /// What it is designated for.
    pub roles: Vec<AuthorityRole>,
    /// Instruments under which it is designated.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub instruments: Vec<String>,
    /// Official name in English.
    pub name: String,
    /// Official name in the original.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name_local: String,
    /// The ministry or office it belongs to.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub parent_body: String,
    /// Postal address.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub postal_address: Option<PostalAddress>,
    /// Telephone numbers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phone: Vec<PhoneNumber>,
    /// Fax numbers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fax: Vec<PhoneNumber>,
    /// E-mail addresses (functional mailboxes preferred).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub email: Vec<String>,
    /// A named contact person: personal data, stored only when the user
    /// enters it, and deleted with the authority.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub contact_person: String,
    /// Identifiers on secure systems.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub secure_channel_ids: Vec<SecureChannelId>,
    /// Reachable round the clock.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub available_24_7: Option<bool>,
    /// Office hours.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub hours: String,
    /// IANA time zone.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub time_zone: String,
    /// Languages for informal contact (ISO 639).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contact_languages: Vec<String>,
    /// What it is competent for.
    #[serde(skip_serializing_if = "Competence::is_empty")]
    pub competence: Competence,
    /// Types of request it deals with.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub request_types: Vec<AuthorityRequestType>,
    /// Networks it belongs to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub networks: Vec<String>,
    /// Practical tips.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Whether it may be exported.
    #[serde(skip_serializing_if = "is_open")]
    pub redistribution: Redistribution,
    /// Where its values come from, when not from the State's entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub provenance: Option<Provenance>,
}

/// Where a value came from (§6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SourceType {
    /// Typed by the user.
    #[default]
    UserEntry,
    /// An official directory of competent authorities.
    ImportOfficialDirectory,
    /// A country form (PC-OC).
    ImportCountryForm,
    /// A national guide.
    NationalGuide,
    /// Written confirmation by the counterpart.
    CounterpartConfirmation,
    /// A depositary notification.
    DepositaryNotification,
    /// Anything else.
    Other,
}

/// The source and date of a record's values (§6).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields, default)]
#[ts(export)]
pub struct Provenance {
    /// What kind of source.
    pub source_type: SourceType,
    /// Title and edition of the source document.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source_title: String,
    /// Date of the source document (YYYY-MM-DD).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub source_date: Option<String>,
    /// Date the values are stated to be valid (YYYY-MM-DD).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub as_of: Option<String>,
    /// Who recorded them.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub entered_by: String,
    /// When (YYYY-MM-DD).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub entered_at: Option<String>,
    /// Confirmed with the authority itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub verified: Option<bool>,
    /// When it was confirmed (YYYY-MM-DD).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub verified_on: Option<String>,
}
