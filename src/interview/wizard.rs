//! The interview as data: the wizard's steps, their fields, when a step or
//! field is shown, the provision each field serves, and its wording in the
//! interface language. The UI renders this definition generically and never
//! hard-codes a field.
//!
//! The structure lives here; every word lives in the locale catalogues
//! (`locales/<lang>.json`, see [`crate::i18n`]) under keys derived from the
//! structure: `step.<id>.title`, `field.<path>.label`, `field.<path>.help`
//! (a group's item fields use `<group path>.<field path>`), and
//! `option.<Vocabulary>.<value>` for choices.
//!
//! Architecture invariants: every `path` names a field of
//! [`crate::request::Request`], and every key exists in every locale (both
//! tested).

use std::sync::OnceLock;

use serde::Serialize;
use ts_rs::TS;

use crate::i18n::{Catalogue, Lang};
use crate::request::mla::*;
use crate::request::preservation::FollowUpMeasure;
use crate::request::emergency::{EmergencyOutcome, EmergencyRoute};
use crate::request::transfer::TransferGround;
use crate::request::*;

/// The whole wizard, worded in one language.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct WizardDefinition {
    /// Language of the wording.
    pub lang: Lang,
    /// Steps, in order; a step applies to the kinds it lists.
    pub steps: Vec<Step>,
}

/// A stage of a request, grouping its steps: the case, the assistance
/// sought, the formalities, and finishing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Stage {
    /// Kind, authorities, basis, proceedings, facts, persons.
    Case,
    /// What is asked: each measure, preservation, the emergency, the transfer.
    Assistance,
    /// Urgency and handling, contacts, annexes and signature.
    Formalities,
    /// Following the request up once sent, and the review.
    Finish,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 4] = [Stage::Case, Stage::Assistance, Stage::Formalities, Stage::Finish];

    /// The stage's key in the interface catalogue (`ui.stage.<key>`).
    pub fn key(self) -> &'static str {
        match self {
            Stage::Case => "case",
            Stage::Assistance => "assistance",
            Stage::Formalities => "formalities",
            Stage::Finish => "finish",
        }
    }

    /// The stage of the step `id`.
    fn of_step(id: &str) -> Stage {
        match id {
            "kind" | "authorities" | "basis" | "proceedings" | "facts" | "persons" => Stage::Case,
            "handling" | "annexes" => Stage::Formalities,
            "tracking" => Stage::Finish,
            _ => Stage::Assistance,
        }
    }
}

/// The kinds of request that lead with the step `id`: an emergency
/// disclosure with the emergency itself.
fn leads_for(id: &str) -> Vec<RequestKind> {
    match id {
        "emergency" => vec![EMERGENCY],
        _ => Vec::new(),
    }
}

/// One screen of the wizard.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Step {
    /// Stable identifier of the step.
    pub id: String,
    /// Title shown in the stepper.
    pub title: String,
    /// One sentence on what the step is for.
    pub intro: String,
    /// Kinds of request the step belongs to.
    pub kinds: Vec<RequestKind>,
    /// The stage of the request the step belongs to, under which the
    /// stepper groups it.
    pub stage: Stage,
    /// Kinds of request for which the step comes first, straight after the
    /// choice of kind and in the first stage: the emergency itself, for an
    /// emergency disclosure.
    pub leads_for: Vec<RequestKind>,
    /// Show the step only when this holds (e.g. a module is selected).
    pub show_when: Option<Condition>,
    /// Fields of the step, in order.
    pub fields: Vec<Field>,
}

/// One question of the wizard.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Field {
    /// Dotted path of the answer in the request (`req_auth.name`); inside a
    /// group, relative to the group item.
    pub path: String,
    /// Label shown beside the control.
    pub label: String,
    /// What to write, with an example.
    pub help: String,
    /// Provision the field serves, if any (e.g. "UNTOC art. 18(15)(a)").
    pub provision: Option<String>,
    /// Whether the request is incomplete without it.
    pub required: bool,
    /// Show the field only when another answer has one of the given values.
    pub show_when: Option<Condition>,
    /// Whether the answer is prose that a translator renders into the
    /// language of the request (facts, descriptions, questions, reasons,
    /// citations in words, titles and functions), as opposed to text that
    /// travels as written (names, identifiers, account numbers, addresses,
    /// e-mails, telephones, reference numbers, dates, codes). Only text
    /// fields can be translatable; see [`crate::translation`].
    pub translatable: bool,
    /// Whether the answer names a person of the request's persons list (the
    /// person to be heard, served, transferred; an account's holder): the
    /// wizard offers their names, so a person is picked, not typed again.
    pub names_person: bool,
    /// The kind of control.
    pub input: Input,
}

/// A condition on another answer: it holds when the answer (or, for a list,
/// any of its elements) is one of `one_of`, or, turned round (`negated`),
/// when it is none of them, and `also` holds too. Booleans compare as
/// `"true"` and `"false"`.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Condition {
    /// Dotted path of the answer the condition reads (same scope as the field;
    /// from the request root for a step).
    pub path: String,
    /// Values for which the condition holds.
    pub one_of: Vec<String>,
    /// Whether the condition is turned round: it holds when the answer is
    /// none of `one_of`, a missing or null answer included (a field shown
    /// while a choice is left empty).
    pub negated: bool,
    /// A second condition that must hold as well, read in the same scope
    /// (a field asked under one basis while an answer filled from the
    /// directory is given); its own `negated` turns only itself round.
    /// Left out when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub also: Option<Box<Condition>>,
}

impl Condition {
    /// Whether the condition holds, reading its path in `scope` (the request,
    /// or the group item a field belongs to; numeric segments index lists).
    /// The same rule as the UI's `conditions.ts`, both held to the cases of
    /// `tests/conditions.json`: a string compares as itself, a boolean or
    /// number as its text, a list when any element matches; a missing or null
    /// answer never matches, so a negated condition holds on it.
    pub fn holds(&self, scope: &serde_json::Value) -> bool {
        fn texts(value: &serde_json::Value) -> Vec<String> {
            match value {
                serde_json::Value::String(s) => vec![s.clone()],
                serde_json::Value::Bool(b) => vec![b.to_string()],
                serde_json::Value::Number(n) => vec![n.to_string()],
                serde_json::Value::Array(items) => items.iter().filter(|v| !v.is_array()).flat_map(texts).collect(),
                _ => Vec::new(),
            }
        }
        let matches = super::get(scope, &self.path).is_some_and(|a| texts(a).iter().any(|t| self.one_of.contains(t)));
        matches != self.negated && self.also.as_ref().is_none_or(|c| c.holds(scope))
    }
}

/// The kind of control a field uses.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum Input {
    /// One line of text.
    Text,
    /// Several lines of text.
    Multiline,
    /// An e-mail address.
    Email,
    /// A telephone number.
    Phone,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A local date and time, `YYYY-MM-DDTHH:MM`; its time zone is a sibling field.
    DateTime,
    /// A time zone (IANA name or `UTC±HH:MM`), `UTC` by default.
    TimeZone,
    /// A State, by its ISO 3166-1 alpha-2 code, picked from every real State
    /// and territory named in the interface language (CLDR) and the
    /// fictitious States of the directory
    /// ([`crate::store::Store::state_choices`]).
    State,
    /// A language, by its ISO 639 code, picked from every language the CLDR
    /// names, named in the interface language
    /// ([`crate::directory::language_names`]).
    Language,
    /// Any number of languages, each by its ISO 639 code, picked as for
    /// [`Input::Language`]; the answer is a list of codes.
    Languages,
    /// A yes/no answer.
    Boolean,
    /// One value from a list; the answer is the option's value, or null.
    Choice {
        /// Options, in order.
        options: Vec<ChoiceOption>,
    },
    /// Any number of values from a list; the answer is a list of values.
    MultiChoice {
        /// Options, in order.
        options: Vec<ChoiceOption>,
    },
    /// A repeatable group: the answer is a list of items with these fields.
    Group {
        /// Name of one item ("Offence", "Person").
        item_label: String,
        /// A new, empty item as the model defines it.
        item_template: serde_json::Value,
        /// Fields of one item, with paths relative to the item.
        fields: Vec<Field>,
    },
}

/// One option of a choice.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ChoiceOption {
    /// Value stored in the request.
    pub value: String,
    /// Wording shown.
    pub label: String,
    /// What the option is for and when to choose another, for a choice as
    /// consequential as the kind of request; left out for others.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub description: Option<String>,
}

/// The vocabularies whose options carry a description
/// (`option.<Vocabulary>.<key>.description`).
const DESCRIBED: &[&str] = &["RequestKind"];

// ---------------------------------------------------------------------------
// The structure, independent of language.

/// A field before wording: what [`structure`] declares.
struct Spec {
    path: String,
    provision: Option<&'static str>,
    required: bool,
    show_when: Option<Condition>,
    translatable: bool,
    names_person: bool,
    input: SpecInput,
}

enum SpecInput {
    Plain(Input),
    Choice(&'static str, Vec<&'static str>),
    Multi(&'static str, Vec<&'static str>),
    Group(serde_json::Value, Vec<Spec>),
}

struct StepSpec {
    id: &'static str,
    kinds: &'static [RequestKind],
    show_when: Option<(&'static str, Vec<&'static str>)>,
    fields: Vec<Spec>,
}

/// The condition on the answer at `path`, turned round if `negated`.
fn condition(path: &str, one_of: &[&str], negated: bool) -> Condition {
    Condition { path: path.to_string(), one_of: one_of.iter().map(|v| v.to_string()).collect(), negated, also: None }
}

/// A plain field; several lines of text are prose to translate unless marked
/// [`Spec::verbatim`], one line is not unless marked [`Spec::prose`].
fn f(path: impl Into<String>, input: Input) -> Spec {
    let translatable = matches!(input, Input::Multiline);
    Spec { path: path.into(), provision: None, required: false, show_when: None, translatable, names_person: false, input: SpecInput::Plain(input) }
}

/// A single choice from one of the model's vocabularies.
macro_rules! choice {
    ($path:expr, $vocab:ident) => {
        Spec {
            path: String::from($path),
            provision: None,
            required: false,
            show_when: None,
            translatable: false,
            names_person: false,
            input: SpecInput::Choice(stringify!($vocab), $vocab::ALL.iter().map(|v| v.key()).collect()),
        }
    };
}

/// Several choices from one of the model's vocabularies.
macro_rules! multi {
    ($path:expr, $vocab:ident) => {
        Spec {
            path: String::from($path),
            provision: None,
            required: false,
            show_when: None,
            translatable: false,
            names_person: false,
            input: SpecInput::Multi(stringify!($vocab), $vocab::ALL.iter().map(|v| v.key()).collect()),
        }
    };
}

fn group<T: Default + Serialize>(path: &'static str, fields: Vec<Spec>) -> Spec {
    let template = serde_json::to_value(T::default()).expect("model values serialise");
    Spec { path: path.into(), provision: None, required: false, show_when: None, translatable: false, names_person: false, input: SpecInput::Group(template, fields) }
}

impl Spec {
    fn req(mut self) -> Self {
        self.required = true;
        self
    }
    fn prov(mut self, provision: &'static str) -> Self {
        self.provision = Some(provision);
        self
    }
    fn when(mut self, path: &'static str, one_of: &[&'static str]) -> Self {
        self.show_when = Some(condition(path, one_of, false));
        self
    }
    /// Shown unless the answer at `path` is one of `one_of` (also while it
    /// is not given).
    fn unless(mut self, path: &str, one_of: &[&str]) -> Self {
        self.show_when = Some(condition(path, one_of, true));
        self
    }
    /// Shown only while, besides its condition, the answer at `path` is
    /// none of `one_of` (also while it is not given).
    fn and_unless(mut self, path: &str, one_of: &[&str]) -> Self {
        let first = self.show_when.take().expect("a second condition follows a first");
        self.show_when = Some(Condition { also: Some(Box::new(condition(path, one_of, true))), ..first });
        self
    }
    /// One line of prose: translated (a stage, a function, a reason in a few words).
    fn prose(mut self) -> Self {
        debug_assert!(matches!(self.input, SpecInput::Plain(Input::Text)), "{}: only one-line text is marked as prose", self.path);
        self.translatable = true;
        self
    }
    /// One line naming a person of the persons list: the wizard offers their names.
    fn person(mut self) -> Self {
        debug_assert!(matches!(self.input, SpecInput::Plain(Input::Text)), "{}: only one-line text names a person", self.path);
        self.names_person = true;
        self
    }
    /// Several lines that travel as written (addresses, identifiers, lists of names).
    fn verbatim(mut self) -> Self {
        self.translatable = false;
        self
    }
}

use Input::{Boolean, Date, DateTime, Email, Language, Languages, Multiline, Phone, State, Text, TimeZone};
use RequestKind::{EmergencyDisclosure as EMERGENCY, MlaEvidence as MLA, Preservation as PRESERVATION, TransferOfProceedings as TRANSFER};

const ALL_KINDS: &[RequestKind] = &[MLA, PRESERVATION, EMERGENCY, TRANSFER];

/// The values of a range's start choice that leave it without a start date.
fn open_starts() -> Vec<&'static str> {
    RangeStart::ALL.iter().map(|s| s.key()).collect()
}

/// The fields of a [`DataSpec`], under `prefix` (`""` or `"data."`).
fn data_spec_fields(prefix: &str) -> Vec<Spec> {
    vec![
        f(format!("{prefix}identifiers"), Multiline).verbatim().req().prov("Budapest art. 29(2)(c)"),
        multi!(format!("{prefix}categories"), DataCategory).req().prov("Budapest art. 1(d), 18(3)"),
        choice!(format!("{prefix}range.start"), RangeStart),
        // A start date only when the range starts at one.
        f(format!("{prefix}range.from"), DateTime).req().unless(&format!("{prefix}range.start"), &open_starts()),
        f(format!("{prefix}range.to"), DateTime).req(),
        f(format!("{prefix}range.tz"), TimeZone).req(),
    ]
}

fn module_step(id: &'static str, module: Module, fields: Vec<Spec>) -> StepSpec {
    StepSpec { id, kinds: &[MLA], show_when: Some(("mla.modules", vec![module.key()])), fields }
}

/// The wizard's structure for every kind, in order.
fn structure() -> Vec<StepSpec> {
    vec![
        StepSpec {
            id: "kind",
            kinds: ALL_KINDS,
            show_when: None,
            fields: vec![
                choice!("kind", RequestKind).req(),
                multi!("mla.modules", Module).req().prov("UNTOC art. 18(3)").when("kind", &["mla_evidence"]),
                f("mla.follows_preservation", Boolean).prov("Budapest art. 31(1)").when("kind", &["mla_evidence"]),
                f("consult.preservation_ref", Text).req().prov("Budapest art. 29, 31(1)").when("mla.follows_preservation", &["true"]),
                f("consult.preserved_at", Date).prov("Budapest art. 29(7), 31(1)").when("mla.follows_preservation", &["true"]),
            ],
        },
        StepSpec {
            id: "authorities",
            kinds: ALL_KINDS,
            show_when: None,
            fields: vec![
                f("case.internal_ref", Text).req(),
                f("req_auth.name", Text).req().prov("UNTOC art. 18(15)(a)"),
                choice!("req_auth.type", AuthorityType).req(),
                f("req_auth.address", Multiline).verbatim().req().prov("UNTOC art. 18(15)(a)"),
                f("req_auth.contact_person", Text).req().prov("UNTOC art. 18(15)(a)"),
                f("req_auth.email", Email).req().prov("UNTOC art. 18(16)"),
                f("req_auth.phone", Phone).prov("UNTOC art. 18(16)"),
                f("req_auth.languages", Languages),
                f("req_auth.ref_no", Text),
                f("own_state", State),
                f("req_state", State).req(),
                f("recv_auth.name", Text).req().prov("UNTOC art. 18(13)"),
                choice!("recv_auth.role", ReceivingRole),
                f("recv_auth.address", Multiline).verbatim(),
                choice!("channel.route", Channel).req().prov("UNTOC art. 18(13)"),
                f("channel.copy_to_central_auth", Boolean).prov("Budapest art. 27(9)(a)").when("channel.route", &["direct_judicial", "interpol"]),
                choice!("channel.means", TransmissionMeans).prov("Budapest art. 25(3)"),
                // The e-signature is the signature block's `sign.e_signature`; a secure system is encrypted by itself.
                f("channel.encryption", Boolean).prov("Budapest art. 25(3)").when("channel.means", &["email", "fax"]),
                f("channel.advance_copy_interpol", Boolean).unless("channel.route", &["interpol"]),
                f("own_central_auth", Text).prov("UNTOC art. 18(13)").when("channel.route", &["central_authority", "ministry_of_justice", "diplomatic"]),
            ],
        },
        StepSpec {
            id: "basis",
            kinds: ALL_KINDS,
            show_when: None,
            fields: vec![
                choice!("basis.primary", Instrument).req().prov("UNTOC art. 18(7)"),
                f("basis.treaty_citation", Text).prose().req().prov("UNTOC art. 18(7)").when("basis.primary", &["BILATERAL"]),
                choice!("basis.in_force", YesNoUnknown)
                    .when("basis.primary", &["UNTOC_18", "UNCAC_46", "DRUG88_7", "BUDAPEST", "CETS_224", "ETS_30", "UNTOC_21", "UNCAC_47", "ETS_73", "BILATERAL"]),
                choice!("basis.use_convention_paras", YesNoUnknown).prov("UNTOC art. 18(7)").when("basis.primary", &["UNTOC_18", "UNCAC_46"]).and_unless("basis.bilateral_treaty", &[""]),
                multi!("basis.secondary", Instrument),
                f("basis.scope_statement", Multiline).prov("UNTOC art. 18(1)").when("basis.primary", &["UNTOC_18", "UNCAC_46", "DRUG88_7", "BUDAPEST", "CETS_224", "ETS_30", "HARARE", "UNTOC_21", "UNCAC_47", "ETS_73"]),
                choice!("basis.transnational", YesNoUnknown).req().prov("UNTOC art. 3(2)").when("basis.primary", &["UNTOC_18", "UNTOC_21"]),
                f("basis.transnational_reason", Multiline).req().prov("UNTOC art. 3(2)").when("basis.transnational", &["yes"]),
                choice!("basis.organized_group", YesNoUnknown).req().prov("UNTOC art. 2(a), 3(1)").when("basis.primary", &["UNTOC_18", "UNTOC_21"]),
                f("basis.organized_group_reason", Multiline).req().prov("UNTOC art. 2(a), 3(1)").when("basis.organized_group", &["yes"]),
                f("basis.reciprocity_undertaking", Boolean).req().when("basis.primary", &["RECIPROCITY"]),
                f("basis.reciprocity_text", Multiline).when("basis.reciprocity_undertaking", &["true"]),
                choice!("central_authority_certificate.ground", CertificateGround).req().prov("Harare Scheme para. 3").when("basis.primary", &["HARARE"]),
                f("central_authority_certificate.details", Multiline).prov("Harare Scheme para. 3").when("basis.primary", &["HARARE"]),
                f("central_authority_certificate.officer", Text).req().prov("Harare Scheme para. 3").when("basis.primary", &["HARARE"]),
                f("central_authority_certificate.date", Date).prov("Harare Scheme para. 3").when("basis.primary", &["HARARE"]),
                choice!("lang.drafting", DocumentLanguage).req(),
                f("lang.drafting_other", Language).req().when("lang.drafting", &["other"]),
                multi!("lang.accepted", DocumentLanguage).prov("UNTOC art. 18(14)"),
                choice!("lang.request", DocumentLanguage).req().prov("UNTOC art. 18(14)"),
                f("lang.request_other", Language).req().prov("UNTOC art. 18(14)").when("lang.request", &["other"]),
                choice!("translation.status", TranslationStatus).req().prov("UNTOC art. 18(14)"),
                f("translation.covers_attachments", Boolean).when("translation.status", &["pending", "done", "certified"]),
                f("translation.translator", Text).when("translation.status", &["pending", "done", "certified"]),
            ],
        },
        StepSpec {
            id: "proceedings",
            kinds: &[MLA, TRANSFER, EMERGENCY],
            show_when: None,
            fields: vec![
                choice!("proc.nature", ProceedingsNature).req().prov("UNTOC art. 18(15)(b)"),
                f("proc.stage", Text).prose().req().prov("UNTOC art. 18(15)(b)"),
                f("proc.subject_matter", Text).prose().req().prov("UNTOC art. 18(15)(b)"),
                f("proc.conducting_auth.name", Text).req().prov("UNTOC art. 18(15)(b)"),
                f("proc.conducting_auth.functions", Text).prose().req().prov("UNTOC art. 18(15)(b)"),
                f("proc.next_hearing_date", Date).prov("UNTOC art. 18(24)"),
                f("proc.custody.in_custody", Boolean).prov("UNTOC art. 18(24)"),
                f("proc.custody.expiry_date", Date).prov("UNTOC art. 18(24)").when("proc.custody.in_custody", &["true"]),
                f("proc.limitation_date", Date).prov("ETS 73 art. 10"),
                group::<RelatedRequest>("proc.related_requests", vec![f("state", Text), f("date", Date), f("reference", Text), f("status", Text).prose()]),
            ],
        },
        StepSpec {
            id: "facts",
            kinds: ALL_KINDS,
            show_when: None,
            fields: vec![
                f("facts.summary", Multiline).req().prov("UNTOC art. 18(15)(c)").when("kind", &["mla_evidence", "transfer_of_proceedings"]),
                f("facts.brief", Multiline).req().prov("Budapest art. 29(2)(b)").when("kind", &["preservation", "emergency_disclosure"]),
                f("facts.time_place", Text).prose().req().prov("UNTOC art. 18(15)(c)"),
                f("facts.link_to_req_state", Multiline).prov("UNTOC art. 18(1), 18(15)(f)").when("kind", &["mla_evidence", "preservation"]),
                f("facts.evidence_so_far", Multiline).prov("GA res. 45/118 art. 3(c)").when("kind", &["mla_evidence", "transfer_of_proceedings"]),
                group::<Offence>(
                    "offences",
                    vec![
                        f("name", Text).prose().req().prov("UNTOC art. 18(15)(b)"),
                        f("provision", Text).prose().req().prov("GA res. 45/117 art. 5(1)(c)"),
                        f("max_penalty", Text).prose().req().prov("CETS 224 art. 9"),
                        f("provision_text", Multiline).prov("GA res. 45/117 art. 5(1)(c)"),
                        multi!("category_flags", OffenceCategory),
                    ],
                )
                .req()
                .prov("UNTOC art. 18(15)(b)"),
                f("dual_crim.statement", Multiline).prov("UNTOC art. 18(9)").when("kind", &["mla_evidence", "transfer_of_proceedings"]),
            ],
        },
        StepSpec {
            id: "persons",
            kinds: &[MLA, TRANSFER],
            show_when: None,
            fields: vec![group::<Person>(
                "persons",
                vec![
                    choice!("type", PersonType).req(),
                    choice!("role", PersonRole).req().prov("UNTOC art. 18(15)(e)"),
                    multi!("other_roles", PersonRole).prov("UNTOC art. 18(15)(e)"),
                    f("family_name", Text).prov("UNTOC art. 18(15)(e)"),
                    f("given_names", Text).when("type", &["natural"]),
                    f("transliteration", Text).when("type", &["natural"]),
                    f("description", Multiline).prov("UNTOC art. 18(15)(e)"),
                    f("aliases", Text).when("type", &["natural"]),
                    f("birth_date", Date).when("type", &["natural"]),
                    f("birth_place", Text).when("type", &["natural"]),
                    f("legal_form", Text).prose().when("type", &["legal"]),
                    f("registration_no", Text).prov("UNTOC art. 18(15)(e)").when("type", &["legal"]),
                    f("register", Text).when("type", &["legal"]),
                    f("representatives", Multiline).verbatim().when("type", &["legal"]),
                    f("nationalities", Text).prov("UNTOC art. 18(15)(e)").when("type", &["natural"]),
                    f("id_documents", Text).when("type", &["natural"]),
                    f("location", Multiline).prov("UNTOC art. 18(15)(e)"),
                    f("location_unknown_reason", Text).prose().prov("UNTOC art. 18(15)(e)"),
                    f("phone", Phone),
                    f("email", Email),
                    f("language_understood", Language).when("type", &["natural"]),
                    f("in_custody", Text).prose().when("type", &["natural"]),
                    f("lawyer", Text),
                ],
            )
            .prov("UNTOC art. 18(15)(e)")],
        },
        module_step("m1", Module::Statements, vec![group::<Statement>("mla.statements", vec![
            f("person_ref", Text).person().req().prov("UNTOC art. 18(15)(e)"),
            choice!("capacity", HearingCapacity).req(),
            f("questions", Multiline).req().prov("UNTOC art. 18(15)(d)"),
            choice!("oath", Oath).req().prov("GA res. 45/117 art. 5(1)(e)"),
            f("rights_notice", Multiline).req().when("capacity", &["suspect", "accused"]),
            choice!("recording", Recording).prov("UNTOC art. 18(17)"),
            f("interpreter_lang", Language),
            f("documents_to_show", Multiline),
            f("signature_of_statement", Boolean).prov("UNTOC art. 18(17)"),
            f("relevance", Multiline).req().prov("UNTOC art. 18(15)(f)"),
        ]).req()]),
        module_step("m2", Module::Service, vec![group::<Service>("mla.service", vec![
            f("documents", Multiline).req().prov("UNTOC art. 18(15)(d)"),
            f("addressee_ref", Text).person().req().prov("GA res. 45/117 art. 5(1)(d)"),
            f("address", Multiline).verbatim().req().prov("GA res. 45/117 art. 5(1)(d)"),
            choice!("method", ServiceMethod).prov("UNTOC art. 18(17)"),
            f("proof_required", Text).prose().req(),
            f("appearance_date", Date),
            f("expenses_offered", Text).prose(),
        ]).req()]),
        module_step("m3", Module::SearchSeizure, vec![group::<Search>("mla.searches", vec![
            f("place", Multiline).req().prov("UNTOC art. 18(15)(d)"),
            f("occupant_ref", Text).person().prov("UNTOC art. 18(15)(e)"),
            f("items", Multiline).req(),
            f("grounds", Multiline).req().prov("UNTOC art. 18(15)(f)"),
            f("domestic_order", Boolean),
            f("digital_handling", Multiline).prov("Budapest art. 31"),
            f("chain_of_custody", Text).prose().prov("UNTOC art. 18(17)"),
            f("transfer_of_items", Text).prose().prov("GA res. 45/117 art. 7"),
            f("relevance", Multiline).req().prov("UNTOC art. 18(15)(f)"),
        ]).req()]),
        module_step("m4", Module::Freezing, vec![group::<Freezing>("mla.freezing", vec![
            f("assets", Multiline).req().prov("UNTOC art. 18(15)(d)"),
            f("location_holder", Text).req().prov("UNTOC art. 18(15)(e)"),
            f("owner_ref", Text).person().req().prov("UNTOC art. 18(15)(e)"),
            f("value_estimate", Text).prose(),
            f("link_to_offence", Multiline).req().prov("UNTOC art. 18(15)(f)"),
            f("domestic_order", Boolean),
            f("duration", Text).prose(),
            f("confiscation_prospect", Multiline).prov("UNCAC ch. V"),
            f("confiscation_provision", Text).prose(),
        ]).req()]),
        module_step("m5", Module::Records, vec![group::<Records>("mla.records", vec![
            choice!("record_class", RecordClass).req().prov("UNTOC art. 18(3)(f)"),
            f("holder", Multiline).verbatim().req().prov("UNTOC art. 18(15)(d)"),
            f("bank", Text).req().when("record_class", &["bank"]),
            f("accounts", Multiline).verbatim().req().when("record_class", &["bank"]),
            f("holder_refs", Text).person().req().prov("UNTOC art. 18(15)(e)").when("record_class", &["bank"]),
            choice!("period_start", RangeStart),
            f("period_from", Date).req().unless("period_start", &open_starts()),
            f("period_to", Date).req(),
            multi!("doc_types", RecordDocType).req(),
            f("format", Text).prose().prov("UNTOC art. 18(3)(f)"),
            f("certification", Boolean),
            f("no_tipping_off", Boolean).prov("UNTOC art. 18(20)"),
            f("relevance", Multiline).req().prov("UNTOC art. 18(15)(f)"),
        ]).req()]),
        module_step("m6", Module::StoredData, vec![group::<StoredData>("mla.stored_data", vec![
            f("provider", Text).req().prov("Budapest art. 29(2)(d)"),
            f("provider_jurisdiction", Text).prose().prov("Budapest art. 29(2)(d)"),
            choice!("service", ServiceType).req(),
        ].into_iter().chain(data_spec_fields("data.")).chain(vec![
            f("preservation_ref", Text).prov("Budapest art. 31(1)"),
            f("vulnerability", Multiline).prov("Budapest art. 31(3)(a)"),
            choice!("measure", DataMeasure).prov("Budapest art. 31(1)"),
            f("content_justification", Multiline).req().when("data.categories", &["content"]),
            f("delivery_format", Text).prose().prov("UNTOC art. 18(17)"),
            f("no_user_notice", Boolean).prov("UNTOC art. 18(20)"),
            f("relevance", Multiline).req().prov("UNTOC art. 18(15)(f)"),
        ]).collect()).req()]),
        module_step("m7", Module::RealTime, vec![group::<RealTime>("mla.real_time", vec![
            choice!("data_type", RealTimeType).req().prov("Budapest art. 33, 34"),
            f("targets", Multiline).verbatim().req().prov("UNTOC art. 18(15)(d)"),
            f("period.from", DateTime).req(),
            f("period.to", DateTime).req(),
            f("period.tz", TimeZone).req(),
            f("domestic_authorisation", Text).prose().req(),
            f("necessity", Multiline).req(),
            f("delivery", Text).prose().req(),
            f("tech_contact", Text).req(),
        ]).req()]),
        module_step("m8", Module::Videoconference, vec![group::<Videoconference>("mla.videoconference", vec![
            f("person_ref", Text).person().req().prov("UNTOC art. 18(18)"),
            choice!("capacity", HearingCapacity).req().prov("UNTOC art. 18(18)"),
            f("why_not_in_person", Multiline).req().prov("UNTOC art. 18(18)"),
            f("conducting_auth", Text).req().prov("UNTOC art. 18(18)"),
            f("attending_auth", Text).prov("UNTOC art. 18(18)"),
            f("datetime", DateTime).req(),
            f("tz", TimeZone).req(),
            f("alt_datetime", DateTime),
            f("tech", Multiline).req(),
            f("interpreter", Text).prose(),
            f("consent", Boolean).req().when("capacity", &["suspect", "accused"]),
            choice!("oath", Oath).prov("GA res. 45/117 art. 5(1)(e)"),
            f("oath_text", Multiline),
            f("recording", Text).prose(),
            f("questions", Multiline),
        ]).req()]),
        module_step("m9", Module::DetaineeTransfer, vec![group::<DetaineeTransfer>("mla.detainee_transfer", vec![
            f("detainee_ref", Text).person().req().prov("UNTOC art. 18(10)"),
            f("detention_place", Text).req().prov("UNTOC art. 18(11)"),
            f("custody_status", Text).prose().req().prov("UNTOC art. 18(11)"),
            f("custody_place", Text).prov("UNTOC art. 18(11)(a)"),
            f("purpose", Multiline).req().prov("UNTOC art. 18(10)"),
            f("consent", Boolean).req().prov("UNTOC art. 18(10)(a)"),
            f("dates", Text).prose().req().prov("UNTOC art. 18(11)(b)"),
            f("escort_logistics", Multiline).req().prov("UNTOC art. 18(28)"),
            f("custody_undertaking", Boolean).req().prov("UNTOC art. 18(11)(a)"),
            f("return_undertaking", Boolean).req().prov("UNTOC art. 18(11)(b)-(c)"),
            f("credit_undertaking", Boolean).req().prov("UNTOC art. 18(11)(d)"),
            f("safe_conduct", Boolean).req().prov("UNTOC art. 18(12)"),
        ]).req()]),
        module_step("m10", Module::Tracing, vec![group::<Tracing>("mla.tracing", vec![
            f("subjects", Multiline).verbatim().req().prov("UNTOC art. 18(15)(e)"),
            f("known_leads", Multiline),
            f("link_to_offence", Multiline).req().prov("UNTOC art. 18(15)(f)"),
            f("registries", Multiline),
            f("follow_up", Text).prose(),
        ]).req()]),
        module_step("m11", Module::Appearance, vec![group::<Appearance>("mla.appearance", vec![
            f("person_ref", Text).person().req().prov("UNTOC art. 18(3)(h)"),
            choice!("capacity", HearingCapacity).req(),
            f("purpose", Multiline).req().prov("UNTOC art. 18(15)(f)"),
            f("dates", Text).prose().req(),
            f("place", Text).req(),
            f("allowances", Multiline).req(),
            f("willingness", Boolean),
        ]).req()]),
        module_step("m12", Module::JointTeam, vec![group::<JointTeam>("mla.joint_team", vec![
            f("parties", Multiline).verbatim().req().prov("UNTOC art. 19"),
            f("purpose", Multiline).req().prov("UNTOC art. 19"),
            f("duration", Text).prose().req(),
            f("lead_location", Text).prose(),
            f("info_use_rules", Multiline).req().prov("CETS 224 art. 12"),
        ]).req()]),
        module_step("m13", Module::ControlledDelivery, vec![group::<ControlledDelivery>("mla.controlled_delivery", vec![
            f("consignment", Multiline).req().prov("UNTOC art. 20"),
            f("route", Multiline).req().prov("UNTOC art. 20"),
            f("dates", Text).prose().req(),
            f("handling", Text).prose().req().prov("1988 Convention art. 11"),
            f("ops_contacts", Text).req(),
            f("domestic_authorisation", Text).prose().req(),
        ]).req()]),
        module_step("m14", Module::Examination, vec![group::<Examination>("mla.examination", vec![
            f("object_or_site", Multiline).req().prov("UNTOC art. 18(3)(d)"),
            f("questions_for_expert", Multiline).prov("UNTOC art. 18(3)(e)"),
            f("method", Text).prose().prov("UNTOC art. 18(17)"),
            f("relevance", Multiline).req().prov("UNTOC art. 18(15)(f)"),
        ]).req()]),
        module_step("m15", Module::Other, vec![group::<OtherAssistance>("mla.other", vec![
            f("description", Multiline).req().prov("UNTOC art. 18(3)(i)"),
            f("relevance", Multiline).req().prov("UNTOC art. 18(15)(f)"),
        ]).req()]),
        StepSpec {
            id: "preservation",
            kinds: &[PRESERVATION],
            show_when: None,
            fields: vec![
                f("preservation.poc_24_7_own", Text).req().prov("Budapest art. 35"),
                f("preservation.mla_auth_contact", Text).req().prov("Budapest art. 35(2)(b)"),
                group::<DataSpec>("preservation.data", data_spec_fields("")).req().prov("Budapest art. 29(2)(c)"),
                f("preservation.data_relationship", Multiline).req().prov("Budapest art. 29(2)(c)"),
                f("preservation.custodian", Multiline).req().prov("Budapest art. 29(2)(d)"),
                f("preservation.necessity", Multiline).req().prov("Budapest art. 29(2)(e)"),
                choice!("preservation.mla_intent_measure", FollowUpMeasure).req().prov("Budapest art. 29(2)(f)"),
                f("preservation.mla_expected_date", Date).prov("Budapest art. 29(7)"),
                f("preservation.path_disclosure", Boolean).prov("Budapest art. 30"),
                f("preservation.no_user_notice", Boolean).prov("Budapest art. 29(6)"),
                f("preservation.preserved_at", Date).prov("Budapest art. 29(7)"),
                f("preservation.preservation_ref", Text),
            ],
        },
        StepSpec {
            id: "emergency",
            kinds: &[EMERGENCY],
            show_when: None,
            fields: vec![
                choice!("emergency.route", EmergencyRoute).req().prov("CETS 224 art. 9, 10"),
                f("emergency.electronic", Boolean).req().prov("CETS 224 art. 9, 10"),
                f("emergency.poc_24_7_own", Multiline).verbatim(),
                f("emergency.providers", Multiline).verbatim().req().prov("CETS 224 art. 9"),
                choice!("emergency.risk_to_life", YesNoUnknown).req().prov("CETS 224 art. 3, 9"),
                f("emergency.emergency_facts", Multiline).req().prov("CETS 224 art. 3, 9"),
                f("emergency.data_link", Multiline).req().prov("CETS 224 art. 9"),
                group::<DataSpec>("emergency.data", data_spec_fields("")).req().prov("CETS 224 art. 9"),
                f("emergency.special_instructions", Multiline).prov("CETS 224 art. 9"),
                f("emergency.other_info", Multiline).prov("CETS 224 art. 9"),
            ],
        },
        StepSpec {
            id: "transfer",
            kinds: &[TRANSFER],
            show_when: None,
            fields: vec![
                f("transfer.act_description", Multiline).req().prov("GA res. 45/118 art. 3(b)"),
                f("transfer.investigation_results", Multiline).req().prov("GA res. 45/118 art. 3(c)"),
                f("transfer.suspect_ref", Text).person().req().prov("GA res. 45/118 art. 3(e)"),
                f("transfer.suspect_custody", Text).prose().req().prov("ETS 73 art. 15"),
                multi!("transfer.grounds", TransferGround).prov("ETS 73 art. 8(1)"),
                f("transfer.ground_facts.residence", Multiline).prov("ETS 73 art. 8(1)(a)").when("transfer.grounds", &["residence"]),
                f("transfer.ground_facts.nationality", Multiline).prov("ETS 73 art. 8(1)(b)").when("transfer.grounds", &["nationality"]),
                f("transfer.ground_facts.sentence", Multiline).prov("ETS 73 art. 8(1)(c)").when("transfer.grounds", &["sentence"]),
                f("transfer.ground_facts.proceedings", Multiline).prov("ETS 73 art. 8(1)(d)").when("transfer.grounds", &["proceedings"]),
                f("transfer.ground_facts.evidence", Multiline).prov("ETS 73 art. 8(1)(e)").when("transfer.grounds", &["evidence"]),
                f("transfer.ground_facts.rehabilitation", Multiline).prov("ETS 73 art. 8(1)(f)").when("transfer.grounds", &["rehabilitation"]),
                f("transfer.ground_facts.presence", Multiline).prov("ETS 73 art. 8(1)(g)").when("transfer.grounds", &["presence"]),
                f("transfer.ground_facts.enforcement", Multiline).prov("ETS 73 art. 8(1)(h)").when("transfer.grounds", &["enforcement"]),
                f("transfer.suspect_views", Multiline).req().prov("GA res. 45/118 art. 8"),
                f("transfer.victims", Multiline).prov("GA res. 45/118 art. 9"),
                f("transfer.undertakings.ne_bis_in_idem", Boolean).prov("ETS 73 art. 35; GA res. 45/118 art. 10"),
                f("transfer.undertakings.report_back", Boolean).prov("ETS 73 art. 16; GA res. 45/118 art. 11"),
                f("transfer.undertakings.later_acts", Boolean).prov("ETS 73 art. 15"),
                f("transfer.provisional_measures", Multiline).prov("GA res. 45/118 art. 12"),
                f("transfer.file_index", Multiline).req().prov("ETS 73 art. 15"),
                f("transfer.exhibits", Multiline),
            ],
        },
        StepSpec {
            id: "forum",
            kinds: &[TRANSFER],
            show_when: None,
            fields: vec![
                f("transfer.forum.territory", Multiline).req().prov("UNTOC art. 21"),
                f("transfer.forum.active_personality", Text).prose().req().prov("ETS 73 art. 8(1)(a)-(b)"),
                f("transfer.forum.passive_personality", Text).prose(),
                f("transfer.forum.suspect_location", Text).prose().req().prov("ETS 73 art. 8(1)(g)"),
                f("transfer.forum.victims_location", Text).prose().prov("GA res. 45/118 art. 9"),
                f("transfer.forum.witnesses_location", Text).prose().req(),
                f("transfer.forum.evidence_location", Text).prose().req().prov("ETS 73 art. 8(1)(e)"),
                f("transfer.forum.parallel_proceedings", Text).prose().req().prov("ETS 73 art. 8(1)(d)"),
                f("transfer.forum.limitation_requested", Date).prov("ETS 73 art. 11"),
                f("transfer.forum.sentencing", Text).prose(),
                f("transfer.forum.proceeds", Text).prose(),
                f("transfer.forum.costs", Text).prose().prov("GA res. 45/118 art. 14"),
            ],
        },
        StepSpec {
            id: "purpose",
            kinds: &[MLA, EMERGENCY],
            show_when: None,
            fields: vec![
                f("purpose.statement", Multiline).req().prov("UNTOC art. 18(15)(f)"),
                f("purpose.intended_uses", Multiline).req().prov("UNTOC art. 18(19)"),
                f("procedure.requested", Multiline).prov("UNTOC art. 18(15)(d), 18(17)"),
                f("procedure.reasons", Multiline).prov("GA res. 45/117 art. 5(1)(e)"),
                f("procedure.elastic_clause", Boolean),
                f("participation.officials", Multiline).verbatim(),
                f("participation.may_question", Boolean),
            ],
        },
        StepSpec {
            id: "handling",
            kinds: ALL_KINDS,
            show_when: None,
            fields: vec![
                f("urgency.flag", Boolean).prov("UNTOC art. 18(24)"),
                multi!("urgency.reasons", UrgencyReason).req().prov("UNTOC art. 18(24)").when("urgency.flag", &["true"]),
                f("urgency.reason_text", Multiline).req().prov("UNTOC art. 18(24)").when("urgency.flag", &["true"]),
                f("deadline.date", Date).prov("UNTOC art. 18(24)"),
                f("deadline.reason", Text).prose().prov("UNTOC art. 18(24)"),
                f("conf.required", Boolean).prov("UNTOC art. 18(20)"),
                choice!("conf.scope", ConfidentialityScope).req().prov("UNTOC art. 18(20)").when("conf.required", &["true"]),
                f("conf.reasons", Multiline).req().prov("UNTOC art. 18(20)").when("conf.required", &["true"]),
                f("conf.no_notice_to_subject", Boolean),
                f("conf.if_not_possible", Text).prose().req().prov("UNTOC art. 18(20)").when("conf.required", &["true"]),
                f("use.ack", Boolean).req().prov("UNTOC art. 18(19)").when("kind", &["mla_evidence", "emergency_disclosure", "transfer_of_proceedings"]),
                f("use.advance_consent_for", Multiline).prov("UNTOC art. 18(19)").when("kind", &["mla_evidence"]),
                f("dp.safeguards", Multiline).prov("CETS 224 art. 14").when("basis.primary", &["CETS_224"]),
                choice!("costs.extraordinary_expected", YesNoUnknown).prov("UNTOC art. 18(28)").when("kind", &["mla_evidence", "transfer_of_proceedings"]),
                f("costs.items", Multiline).prov("UNTOC art. 18(28)").when("costs.extraordinary_expected", &["yes"]),
                f("costs.undertaking", Boolean).prov("UNTOC art. 18(28)").when("kind", &["mla_evidence", "transfer_of_proceedings"]),
            ],
        },
        StepSpec {
            id: "annexes",
            kinds: ALL_KINDS,
            show_when: None,
            fields: vec![
                f("consult.prior_informal", Multiline),
                f("consult.draft_shared", Multiline),
                choice!("annex_labels", AnnexLabels),
                group::<Attachment>(
                    "attachments",
                    vec![
                        choice!("type", AttachmentType).req(),
                        f("title", Text).prose().req(),
                        choice!("language", DocumentLanguage).req(),
                        f("language_other", Language).req().when("language", &["other"]),
                        f("pages", Text),
                        f("translated", Boolean).prov("UNTOC art. 18(14)"),
                        f("certified", Boolean),
                    ],
                ),
                f("sign.name", Text).req().prov("UNTOC art. 18(14)"),
                f("sign.title", Text).prose().req().prov("UNTOC art. 18(14)"),
                f("sign.place", Text).req(),
                f("sign.date", Date).req(),
                f("sign.seal", Boolean),
                f("sign.e_signature", Boolean),
                choice!("sign.authentication", Authentication),
                f("sign.validating_auth", Text),
            ],
        },
        StepSpec {
            id: "tracking",
            kinds: ALL_KINDS,
            show_when: None,
            fields: vec![
                group::<StatusChange>(
                    "consult.status_log",
                    vec![
                        choice!("status", RequestStatus).req(),
                        f("date", Date).req(),
                        f("counterpart_ref", Text),
                        f("note", Multiline).verbatim(),
                    ],
                )
                .prov("UNTOC art. 18(23)-(25)"),
                group::<AdditionalInformation>(
                    "consult.additional_info_log",
                    vec![f("asked_at", Date).req(), f("asked", Multiline).verbatim(), f("answered_at", Date), f("answer", Multiline).verbatim()],
                )
                .prov("UNTOC art. 18(16)"),
                group::<ConditionRecord>(
                    "consult.conditions_log",
                    vec![f("date", Date), choice!("category", ConditionKind), f("text", Multiline).verbatim(), f("accepted", Boolean)],
                )
                .prov("UNTOC art. 18(19), 18(20), 18(26)"),
                f("consult.no_longer_needed", Boolean).prov("UNTOC art. 18(24)"),
                f("consult.no_longer_needed_sent", Date).prov("UNTOC art. 18(24)").when("consult.no_longer_needed", &["true"]),
                f("urgent_oral.made_at", DateTime).prov("UNTOC art. 18(14)"),
                f("urgent_oral.by", Text),
                f("urgent_oral.to", Text),
                f("urgent_oral.written_confirmation_at", DateTime).prov("UNTOC art. 18(14)"),
                f("preservation.sent_at", DateTime).when("kind", &["preservation"]),
                f("preservation.extension_requested_at", Date).when("kind", &["preservation"]),
                f("preservation.extended_until", Date).prov("Budapest art. 29(7)").when("kind", &["preservation"]),
                f("preservation.followup_mla_ref", Text).prov("Budapest art. 29(7), 31(1)").when("kind", &["preservation"]),
                f("preservation.notice_29_6", Multiline).verbatim().prov("Budapest art. 29(6)").when("kind", &["preservation"]),
                f("preservation.notice_29_6_decision", Multiline).verbatim().prov("Budapest art. 29(6)").when("kind", &["preservation"]),
                choice!("emergency.outcome", EmergencyOutcome).when("kind", &["emergency_disclosure"]),
                f("emergency.outcome_at", DateTime).when("kind", &["emergency_disclosure"]),
                f("emergency.followup", Multiline).verbatim().prov("CETS 224 art. 9").when("kind", &["emergency_disclosure"]),
                f("transfer.suspect_initiated", Boolean).prov("GA res. 45/118 art. 8").when("kind", &["transfer_of_proceedings"]),
            ],
        },
    ]
}

// ---------------------------------------------------------------------------
// Wording.

fn word_field(spec: Spec, key_prefix: &str, cat: &Catalogue, lang: Lang) -> Field {
    let key = format!("{key_prefix}{}", spec.path);
    let options = |vocab: &str, values: Vec<&str>| -> Vec<ChoiceOption> {
        values
            .into_iter()
            .map(|v| ChoiceOption {
                value: v.to_string(),
                label: cat.get(&format!("option.{vocab}.{v}")),
                description: DESCRIBED.contains(&vocab).then(|| cat.get(&format!("option.{vocab}.{v}.description"))),
            })
            .collect()
    };
    let input = match spec.input {
        SpecInput::Plain(input) => input,
        SpecInput::Choice(vocab, values) => Input::Choice { options: options(vocab, values) },
        SpecInput::Multi(vocab, values) => Input::MultiChoice { options: options(vocab, values) },
        SpecInput::Group(item_template, fields) => Input::Group {
            item_label: cat.get(&format!("field.{key}.item")),
            item_template,
            fields: fields.into_iter().map(|f| word_field(f, &format!("{key}."), cat, lang)).collect(),
        },
    };
    Field {
        path: spec.path.to_string(),
        label: cat.get(&format!("field.{key}.label")),
        help: cat.get(&format!("field.{key}.help")),
        provision: spec.provision.map(|p| crate::i18n::citation::provisions(p, lang)),
        required: spec.required,
        show_when: spec.show_when,
        translatable: spec.translatable,
        names_person: spec.names_person,
        input,
    }
}

/// The wizard in `lang`, worded once per run: what the core's own walks
/// over the fields read (answers, texts, diffs), on every save.
pub(crate) fn worded(lang: Lang) -> &'static WizardDefinition {
    static DEFINITIONS: [OnceLock<WizardDefinition>; Lang::ALL.len()] = [const { OnceLock::new() }; Lang::ALL.len()];
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    DEFINITIONS[index].get_or_init(|| definition(lang))
}

/// The wizard, worded in `lang`.
pub fn definition(lang: Lang) -> WizardDefinition {
    let cat = crate::i18n::catalogue(lang);
    WizardDefinition {
        lang,
        steps: structure()
            .into_iter()
            .map(|s| Step {
                id: s.id.to_string(),
                title: cat.get(&format!("step.{}.title", s.id)),
                intro: cat.get(&format!("step.{}.intro", s.id)),
                kinds: s.kinds.to_vec(),
                stage: Stage::of_step(s.id),
                leads_for: leads_for(s.id),
                show_when: s.show_when.map(|(path, one_of)| condition(path, &one_of, false)),
                fields: s.fields.into_iter().map(|f| word_field(f, "", cat, lang)).collect(),
            })
            .collect(),
    }
}

/// The paths of every field whose control is `input` (e-mail, telephone),
/// a list's items under the list's own path without an index
/// (`persons.email`): what the checks of formats read.
pub fn paths_of(input: &Input) -> Vec<String> {
    fn walk(spec: &Spec, prefix: &str, input: &Input, out: &mut Vec<String>) {
        let key = format!("{prefix}{}", spec.path);
        match &spec.input {
            SpecInput::Plain(i) if std::mem::discriminant(i) == std::mem::discriminant(input) => out.push(key),
            SpecInput::Group(_, fields) => fields.iter().for_each(|f| walk(f, &format!("{key}."), input, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for step in structure() {
        for f in &step.fields {
            walk(f, "", input, &mut out);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Every catalogue key the wizard uses (for the completeness test of the
/// locales).
pub fn catalogue_keys() -> Vec<String> {
    fn field_keys(spec: &Spec, prefix: &str, out: &mut Vec<String>) {
        let key = format!("{prefix}{}", spec.path);
        out.push(format!("field.{key}.label"));
        out.push(format!("field.{key}.help"));
        match &spec.input {
            SpecInput::Plain(_) => {}
            SpecInput::Choice(vocab, values) | SpecInput::Multi(vocab, values) => {
                out.extend(values.iter().map(|v| format!("option.{vocab}.{v}")));
                if DESCRIBED.contains(vocab) {
                    out.extend(values.iter().map(|v| format!("option.{vocab}.{v}.description")));
                }
            }
            SpecInput::Group(_, fields) => {
                out.push(format!("field.{key}.item"));
                for f in fields {
                    field_keys(f, &format!("{key}."), out);
                }
            }
        }
    }
    let mut out = Vec::new();
    for step in structure() {
        out.push(format!("step.{}.title", step.id));
        out.push(format!("step.{}.intro", step.id));
        for f in &step.fields {
            field_keys(f, "", &mut out);
        }
    }
    // The requested State's requirements beside the steps word themselves too.
    out.extend(super::requirements::catalogue_keys());
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn resolve<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
        path.split('.').try_fold(value, |v, key| v.get(key))
    }

    fn assert_paths(fields: &[Field], scope: &Value, scope_name: &str) {
        for f in fields {
            assert!(resolve(scope, &f.path).is_some(), "wizard field {scope_name}{} is not in the request model", f.path);
            let mut cond = f.show_when.as_ref();
            while let Some(c) = cond {
                assert!(resolve(scope, &c.path).is_some(), "condition path {} of {} unknown", c.path, f.path);
                cond = c.also.as_deref();
            }
            if let Input::Group { fields, item_template, .. } = &f.input {
                assert_paths(fields, item_template, &format!("{scope_name}{}[].", f.path));
            }
        }
    }

    #[test]
    fn every_field_and_condition_path_exists_in_the_model() {
        let request = serde_json::to_value(Request::default()).unwrap();
        for step in definition(Lang::En).steps {
            if let Some(cond) = &step.show_when {
                assert!(resolve(&request, &cond.path).is_some(), "step condition {} unknown", cond.path);
            }
            assert_paths(&step.fields, &request, "");
        }
    }

    #[test]
    fn every_module_has_exactly_one_step() {
        let def = definition(Lang::En);
        for module in Module::ALL {
            let steps = def
                .steps
                .iter()
                .filter(|s| s.show_when.as_ref().is_some_and(|c| c.path == "mla.modules" && c.one_of == [module.key()]))
                .count();
            assert_eq!(steps, 1, "module {}", module.key());
        }
    }

    /// Every field of the definition with its full path (`persons[].location`).
    fn all_fields(def: &WizardDefinition) -> Vec<(String, Field)> {
        fn walk(fields: &[Field], prefix: &str, out: &mut Vec<(String, Field)>) {
            for f in fields {
                out.push((format!("{prefix}{}", f.path), f.clone()));
                if let Input::Group { fields, .. } = &f.input {
                    walk(fields, &format!("{prefix}{}[].", f.path), out);
                }
            }
        }
        let mut out = Vec::new();
        for step in &def.steps {
            walk(&step.fields, "", &mut out);
        }
        out
    }

    /// False alarms start with questions that should not be asked: a legal
    /// person is not asked for a nationality, a language or anything else
    /// only a natural person has; its seat and register are asked instead.
    #[test]
    fn legal_persons_are_asked_only_what_a_company_has() {
        let fields: std::collections::BTreeMap<String, Field> = all_fields(&definition(Lang::En)).into_iter().collect();
        let legal = serde_json::json!({ "type": "legal" });
        let natural = serde_json::json!({ "type": "natural" });
        let shown = |path: &str, person: &Value| fields[path].show_when.as_ref().is_none_or(|c| c.holds(person));
        for path in ["nationalities", "language_understood", "given_names", "aliases", "birth_date", "birth_place", "id_documents", "in_custody", "transliteration"] {
            let path = format!("persons[].{path}");
            assert!(!shown(&path, &legal) && shown(&path, &natural), "{path}");
        }
        for path in ["family_name", "location", "registration_no", "register", "legal_form", "description"] {
            assert!(shown(&format!("persons[].{path}"), &legal), "{path}");
        }
        assert!(shown("persons[].representatives", &legal) && !shown("persons[].representatives", &natural));
    }

    #[test]
    fn every_answer_that_names_a_person_of_the_list_offers_the_persons() {
        let named: Vec<(String, Field)> = all_fields(&definition(Lang::En)).into_iter().filter(|(_, f)| f.names_person).collect();
        let paths: Vec<&str> = named.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "mla.statements[].person_ref",
                "mla.service[].addressee_ref",
                "mla.searches[].occupant_ref",
                "mla.freezing[].owner_ref",
                "mla.records[].holder_refs",
                "mla.videoconference[].person_ref",
                "mla.detainee_transfer[].detainee_ref",
                "mla.appearance[].person_ref",
                "transfer.suspect_ref",
            ]
        );
        assert!(named.iter().all(|(_, f)| matches!(f.input, Input::Text) && !f.translatable));
    }

    #[test]
    fn prose_is_translatable_and_names_numbers_and_codes_are_not() {
        let fields: std::collections::BTreeMap<String, Field> = all_fields(&definition(Lang::En)).into_iter().collect();
        let translatable = |path: &str| fields.get(path).unwrap_or_else(|| panic!("no field {path}")).translatable;
        for prose in [
            "facts.summary",
            "facts.time_place",
            "proc.subject_matter",
            "proc.stage",
            "offences[].name",
            "offences[].max_penalty",
            "persons[].location",
            "persons[].location_unknown_reason",
            "mla.statements[].questions",
            "mla.statements[].relevance",
            "mla.searches[].place",
            "mla.detainee_transfer[].custody_status",
            "transfer.forum.evidence_location",
            "purpose.statement",
            "conf.if_not_possible",
            "attachments[].title",
            "sign.title",
        ] {
            assert!(translatable(prose), "{prose} is prose and should be translatable");
        }
        for verbatim in [
            "case.internal_ref",
            "req_auth.name",
            "req_auth.address",
            "req_auth.email",
            "req_auth.phone",
            "req_auth.ref_no",
            "req_state",
            "lang.drafting",
            "persons[].family_name",
            "persons[].given_names",
            "persons[].birth_date",
            "persons[].registration_no",
            "mla.statements[].person_ref",
            "mla.records[].accounts",
            "mla.records[].bank",
            "mla.stored_data[].data.identifiers",
            "mla.stored_data[].data.range.from",
            "preservation.data[].identifiers",
            "consult.preservation_ref",
            "attachments[].language",
            "sign.name",
            "sign.date",
            "kind",
            "urgency.flag",
        ] {
            assert!(!translatable(verbatim), "{verbatim} travels as written and should not be translatable");
        }
    }

    #[test]
    fn only_text_fields_are_translatable() {
        for (path, field) in all_fields(&definition(Lang::En)) {
            if field.translatable {
                assert!(matches!(field.input, Input::Text | Input::Multiline), "{path} is translatable but not text");
            }
        }
    }

    #[test]
    fn conditions_hold_in_every_case_of_the_table_shared_with_the_interface() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conditions.json");
        let table: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let cases = table["cases"].as_array().unwrap();
        assert!(cases.len() >= 20, "{path} has {} cases", cases.len());
        let mut wrong = Vec::new();
        for case in cases {
            let condition = Condition {
                path: case["condition"]["path"].as_str().unwrap().to_string(),
                one_of: case["condition"]["one_of"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect(),
                negated: case["condition"]["negated"].as_bool().unwrap_or(false),
                also: case["condition"].get("also").map(|also| {
                    Box::new(condition(
                        also["path"].as_str().unwrap(),
                        &also["one_of"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect::<Vec<_>>(),
                        also["negated"].as_bool().unwrap_or(false),
                    ))
                }),
            };
            let expected = case["holds"].as_bool().unwrap();
            if condition.holds(&case["scope"]) != expected {
                wrong.push(format!("{}: expected {expected}", case["name"]));
            }
        }
        assert!(wrong.is_empty(), "{path}:\n{}", wrong.join("\n"));
    }

    #[test]
    fn every_kind_has_the_authorities_facts_and_signature_steps() {
        let def = definition(Lang::En);
        for kind in RequestKind::ALL {
            for id in ["kind", "authorities", "basis", "facts", "handling", "annexes"] {
                assert!(def.steps.iter().any(|s| s.id == id && s.kinds.contains(kind)), "{} lacks step {id}", kind.key());
            }
        }
    }

    /// The class of the answers the directory decides: each is asked only
    /// under its condition, read on the request as the UI reads it.
    #[test]
    fn the_answers_that_waited_for_the_directory_are_asked_only_under_their_conditions() {
        let fields: std::collections::BTreeMap<String, Field> = all_fields(&definition(Lang::En)).into_iter().collect();
        let shown = |path: &str, change: &dyn Fn(&mut Request)| {
            let mut r = Request::default();
            change(&mut r);
            fields[path].show_when.as_ref().is_none_or(|c| c.holds(&serde_json::to_value(&r).unwrap()))
        };
        let treaty = |r: &mut Request| r.basis.bilateral_treaty = "Treaty between Arden and Norland".into();
        for (basis, asked) in [(Instrument::Untoc18, true), (Instrument::Uncac46, true), (Instrument::Budapest, false), (Instrument::Bilateral, false)] {
            assert_eq!(shown("basis.use_convention_paras", &|r| { r.basis.primary = Some(basis); treaty(r) }), asked, "{basis:?}");
        }
        assert!(!shown("basis.use_convention_paras", &|r| r.basis.primary = Some(Instrument::Untoc18)), "no treaty listed");
        for (basis, asked) in [(Instrument::Untoc18, true), (Instrument::Bilateral, true), (Instrument::Harare, false), (Instrument::Reciprocity, false)] {
            assert_eq!(shown("basis.in_force", &|r| r.basis.primary = Some(basis)), asked, "{basis:?}");
        }
        assert!(!shown("basis.in_force", &|_| {}), "no basis yet");
        for path in ["central_authority_certificate.ground", "central_authority_certificate.details", "central_authority_certificate.officer", "central_authority_certificate.date"] {
            assert!(shown(path, &|r| r.basis.primary = Some(Instrument::Harare)), "{path}");
            assert!(!shown(path, &|r| r.basis.primary = Some(Instrument::Untoc18)), "{path}");
            assert!(!shown(path, &|_| {}), "{path}");
        }
        for (means, asked) in [(TransmissionMeans::Email, true), (TransmissionMeans::Fax, true), (TransmissionMeans::SecureSystem, false), (TransmissionMeans::Post, false)] {
            assert_eq!(shown("channel.encryption", &|r| r.channel.means = Some(means)), asked, "{means:?}");
        }
        assert!(shown("channel.advance_copy_interpol", &|r| r.channel.route = Some(Channel::CentralAuthority)));
        assert!(!shown("channel.advance_copy_interpol", &|r| r.channel.route = Some(Channel::Interpol)), "the request itself goes through INTERPOL");
        assert!(shown("lang.accepted", &|_| {}) && shown("own_state", &|_| {}));
    }

    /// The steps of `kind` as the stepper orders them: those the kind leads
    /// with straight after the choice of kind (the UI's `steps.ts` likewise).
    fn ordered_for(def: &WizardDefinition, kind: RequestKind) -> Vec<(&str, Stage)> {
        let steps: Vec<&Step> = def.steps.iter().filter(|s| s.kinds.contains(&kind)).collect();
        let (leading, rest): (Vec<&Step>, Vec<&Step>) = steps.into_iter().partition(|s| s.leads_for.contains(&kind));
        let mut out: Vec<(&str, Stage)> = Vec::new();
        for step in rest {
            out.push((step.id.as_str(), step.stage));
            if step.id == "kind" {
                out.extend(leading.iter().map(|s| (s.id.as_str(), Stage::Case)));
            }
        }
        out
    }

    #[test]
    fn each_kind_runs_through_the_stages_in_order_and_an_emergency_disclosure_starts_with_the_emergency() {
        let def = definition(Lang::En);
        for &kind in RequestKind::ALL {
            let order = ordered_for(&def, kind);
            let stages: Vec<Stage> = order.iter().map(|(_, stage)| *stage).collect();
            assert!(stages.windows(2).all(|w| w[0] <= w[1]), "{}: stages out of order: {order:?}", kind.key());
            assert_eq!(stages.first(), Some(&Stage::Case), "{}", kind.key());
            assert!(stages.contains(&Stage::Formalities) && stages.contains(&Stage::Finish), "{}: {order:?}", kind.key());
        }
        let emergency = ordered_for(&def, RequestKind::EmergencyDisclosure);
        assert_eq!(emergency[..2].iter().map(|(id, _)| *id).collect::<Vec<_>>(), ["kind", "emergency"]);
        let evidence = ordered_for(&def, RequestKind::MlaEvidence);
        assert!(evidence.iter().any(|(id, stage)| *id == "m1" && *stage == Stage::Assistance));
    }

    #[test]
    fn every_kind_of_request_is_described_in_every_language_and_other_choices_are_not() {
        for lang in Lang::ALL {
            let def = definition(lang);
            for field in def.steps.iter().flat_map(|s| &s.fields) {
                let (Input::Choice { options } | Input::MultiChoice { options }) = &field.input else { continue };
                for option in options {
                    match (&option.description, field.path == "kind") {
                        (Some(d), true) => {
                            assert!(!d.contains("option.") && d.len() > 40, "{}: {}: {d}", lang.code(), option.value);
                            assert!(crate::i18n::catalogue(lang).has_own(&format!("option.RequestKind.{}.description", option.value)), "{}", lang.code());
                        }
                        (None, false) => {}
                        (d, _) => panic!("{}: {}.{}: description {d:?}", lang.code(), field.path, option.value),
                    }
                }
            }
        }
    }
}
