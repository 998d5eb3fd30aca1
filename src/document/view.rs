//! What a template sees: the request with its document language, enumerations
//! turned into wording, lists numbered and absent parts flagged, so templates
//! stay free of logic.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::i18n::Lang;
use crate::i18n::placeholders::fill;
use crate::request::mla::RealTimeType;
use crate::request::transfer::TransferGround;
use crate::request::{AnnexFile, Attachment, DataSpec, Instrument, Module, Person, PersonRole, PersonType, Request, RequestKind, TranslationStatus, TreatyTopic, YesNoUnknown};

/// The request as a template reads it.
#[derive(Debug, Serialize)]
pub struct RequestView<'a> {
    /// Language of the document: every helper words its output in it.
    pub lang: Lang,
    /// Title of the document (the heading of its first page).
    pub title: String,
    /// The request itself, for plain fields.
    pub request: &'a Request,
    /// The requested State, named in the document's language
    /// ([`crate::request::addressee::state_name`]; "" when none is given).
    pub state: String,
    /// Citation of the treaty when the basis is a bilateral or regional
    /// treaty: as the drafter cited it, else the title in its profile (""
    /// otherwise).
    pub treaty: String,
    /// The treaty's article on the contents of requests, from the treaty
    /// profile the request holds ("" when there is none).
    pub treaty_contents: String,
    /// The articles of the chosen instrument the request relies on, worded
    /// for the basis sentence ("articles 29 and 30"), when the instrument's
    /// sentence does not name them itself ("" otherwise).
    pub basis_articles: String,
    /// Whether the basis sentence is that of the route of an emergency
    /// request under CETS No. 224 (art. 9 or 10), so the basis sentence
    /// itself is not repeated.
    pub route_is_basis: bool,
    /// Every type of assistance by its key, and whether the request asks
    /// for it: the items of a type not asked for are not printed.
    pub module: BTreeMap<&'static str, bool>,
    /// The bank-secrecy clause the document adds when the request touches
    /// bank accounts ([`crate::checks::bank_secrecy_clause`]), as the
    /// phrase key suffix of its wording for the chosen basis (`UNTOC_18`,
    /// `UNCAC_46`, `DRUG88_7`, `other`); none otherwise.
    pub bank_secrecy: Option<&'static str>,
    /// Whether the request asks only for service of documents.
    pub service_only: bool,
    /// Whether the facts section has anything to print: always, except for
    /// a service-only request that gives no facts.
    pub facts: bool,
    /// Whether any detail of the proceedings is given (for the kinds whose
    /// template prints that section only then).
    pub proceedings: bool,
    /// Whether the translation section has anything to print.
    pub translation: bool,
    /// Whether the translation is certified.
    pub certified_translation: bool,
    /// Whether any offence carries the text of its provision (for the annex).
    pub any_provision_text: bool,
    /// Persons with their role and name already worded.
    pub persons: Vec<PersonView<'a>>,
    /// The data of a preservation or emergency request, for its data table.
    pub data_specs: &'a [DataSpec],
    /// Whether several record requests are listed (a summary table first).
    pub several_records: bool,
    /// Whether several stored-data requests are listed (a summary table first).
    pub several_stored_data: bool,
    /// Whether the request asks for particular procedures.
    pub procedures: bool,
    /// Whether the request is urgent or has a deadline.
    pub timing: bool,
    /// Whether any of costs, officials present, data protection or earlier
    /// contacts is given.
    pub further: bool,
    /// The grounds of a transfer request ticked, each with the facts given
    /// for it.
    pub transfer_grounds: Vec<TransferGroundView<'a>>,
    /// The reasons given for the UNTOC scope answers, each only when its
    /// answer is yes (the wizard asks it only then).
    pub scope_reasons: ScopeReasons<'a>,
    /// The drafter's own wording of the reciprocity undertaking, when given
    /// (not blank): the document prints it instead of the fixed sentence.
    pub reciprocity_text: Option<&'a str>,
    /// Under UNTOC or UNCAC, the bilateral treaty the directory lists
    /// between the States, when the drafter answered that the States agreed
    /// to apply the Convention's paragraphs 9 to 29 instead of it (UNTOC art.
    /// 18(7)): the basis sentence then says so, naming it. Exactly when the
    /// wizard asks the question and it is answered yes.
    pub convention_paras: Option<&'a str>,
    /// Under the Harare Scheme, whether any part of the central authority's
    /// certificate (para. 3) is given: it is then printed as a section.
    pub certificate: bool,
    /// Whether the request is made under ETS 73, whose art. 8(1) letters the
    /// grounds then carry.
    pub ets73: bool,
    /// The annexes, numbered.
    pub attachments: Vec<AttachmentView<'a>>,
    /// The original text of a translated request, when the document annexes
    /// it (empty otherwise).
    pub original: Vec<OriginalText>,
    /// Language of that original (ISO 639-1).
    pub original_lang: String,
}

/// A ground of a transfer request as the document prints it.
#[derive(Debug, Serialize)]
pub struct TransferGroundView<'a> {
    /// The ground (its key, worded by the template).
    pub ground: TransferGround,
    /// Its letter in ETS 73 art. 8(1), when the request is made under ETS 73
    /// ("" otherwise).
    pub letter: String,
    /// The facts the drafter gave for it.
    pub facts: &'a str,
}

/// One answer of a translated request as drafted, with its label.
#[derive(Debug, Serialize)]
pub struct OriginalText {
    /// The question it answers, in the document's language.
    pub label: String,
    /// The answer as drafted.
    pub text: String,
}

impl RequestView<'_> {
    /// Annexes the original text of a translated request, each answer
    /// labelled as the wizard asks it in the document's language.
    pub fn with_original(mut self) -> Self {
        let original = &self.request.translation.original;
        if original.is_empty() {
            return self;
        }
        self.original = crate::interview::units_in(self.request, self.lang)
            .into_iter()
            .filter_map(|unit| original.get(&unit.id).map(|text| OriginalText { label: unit.label, text: text.clone() }))
            .collect();
        self.original_lang = self.request.translation.original_lang.clone();
        self
    }
}

/// A person's name as the persons section prints it (request-kinds.md
/// §6.5): a natural person's family name in capitals, then the given names,
/// in the order the wizard asks for them (so a name written family name
/// first, as in Chinese, is never reversed), each in the script it was
/// typed in; a legal person's registered name as typed.
pub fn printed_name(person: &Person) -> String {
    let family = person.family_name.trim();
    let family = match person.person_type {
        Some(PersonType::Legal) => family.to_string(),
        _ => family.to_uppercase(),
    };
    [family.as_str(), person.given_names.trim()]
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A person's name with its transliteration beside it, when one is given
/// for a natural person: "张 伟 (transliteration: Zhang Wei)". The
/// transliteration is printed as typed: which of its words is the family
/// name is not known.
fn name_with_transliteration(lang: Lang, person: &Person) -> String {
    let name = printed_name(person);
    let latin = person.transliteration.trim();
    if person.is_legal() || latin.is_empty() {
        return name;
    }
    if name.is_empty() {
        return latin.to_string();
    }
    let phrase = crate::document::templates::phrase(lang, "doc.name_transliterated").unwrap_or("{name} ({transliteration})");
    crate::i18n::placeholders::fill_known(phrase, |key| match key {
        "name" => Some(name.clone()),
        "transliteration" => Some(latin.to_string()),
        _ => None,
    })
}

/// A person as a template reads it.
#[derive(Debug, Serialize)]
pub struct PersonView<'a> {
    /// Full name, as [`printed_name`] prints it, with its transliteration
    /// beside it when one is given.
    pub name: String,
    /// A short form of the description of a person whose name is unknown
    /// ([`Person::short_description`]), printed after "name unknown".
    pub described: String,
    /// Wording of the role: the main role, then the others.
    pub role: String,
    /// Whether the person has details beyond the persons table.
    pub has_details: bool,
    /// The person's entry.
    pub person: &'a Person,
}

/// An annex as a template reads it.
#[derive(Debug, Serialize)]
pub struct AttachmentView<'a> {
    /// Label of the annex in the index: its number from 1, or its letter
    /// ([`Request::annex_label`]).
    pub label: String,
    /// Phrase key suffix of its remark (`certified`, `translated`,
    /// `certified_translated`), if any.
    pub remark: Option<&'static str>,
    /// The annex's entry.
    pub attachment: &'a Attachment,
    /// The annex's file, if one is kept (always present in the view, as
    /// null when there is none, so templates may test it).
    pub file: Option<&'a AnnexFile>,
    /// The name of its language when the choice is "another language" (a
    /// name typed before another choice was made is not printed).
    pub other_language: Option<&'a str>,
}

/// The reasons given for the answers on the UNTOC scope (art. 2(a), 3).
#[derive(Debug, Serialize)]
pub struct ScopeReasons<'a> {
    /// Why the offence is transnational in nature.
    pub transnational: Option<&'a str>,
    /// Why an organized criminal group is involved.
    pub organized_group: Option<&'a str>,
}

/// The articles of the chosen instrument that the request relies on, when
/// its basis sentence does not name an article itself (instruments.md §6,
/// §7): under the Convention on Cybercrime, art. 29 for preservation and 30
/// for the disclosure of the path, art. 25 for mutual assistance with 31
/// for stored data, 33 for real-time traffic data and 34 for interception;
/// under CETS No. 224, art. 11 for a videoconference and 12 for a joint
/// investigation team (each only when that assistance is asked for). Sorted,
/// each once.
pub fn basis_articles(request: &Request) -> Vec<u32> {
    let asks = |module: Module| request.mla.modules.contains(&module);
    let mut articles = Vec::new();
    match (request.basis.primary, request.kind) {
        (Some(Instrument::Budapest), RequestKind::Preservation) => {
            articles.push(29);
            if request.preservation.path_disclosure {
                articles.push(30);
            }
        }
        (Some(Instrument::Budapest), RequestKind::MlaEvidence) => {
            articles.push(25);
            if asks(Module::StoredData) && !request.mla.stored_data.is_empty() {
                articles.push(31);
            }
            for item in request.mla.real_time.iter().filter(|_| asks(Module::RealTime)) {
                match item.data_type {
                    Some(RealTimeType::Traffic) => articles.push(33),
                    Some(RealTimeType::Content) => articles.push(34),
                    None => {}
                }
            }
        }
        (Some(Instrument::Cets224), RequestKind::MlaEvidence) => {
            if asks(Module::Videoconference) && !request.mla.videoconference.is_empty() {
                articles.push(11);
            }
            if asks(Module::JointTeam) && !request.mla.joint_team.is_empty() {
                articles.push(12);
            }
        }
        _ => {}
    }
    articles.sort_unstable();
    articles.dedup();
    articles
}

/// Articles worded in `lang`: "article 29", "articles 25, 31 and 33"; ""
/// for none.
fn worded_articles(lang: Lang, articles: &[u32]) -> String {
    let phrase = |key: &str| crate::document::templates::phrase(lang, key).unwrap_or_default();
    match articles {
        [] => String::new(),
        [one] => fill(phrase("articles.one"), |name| (name == "number").then(|| one.to_string())).unwrap_or_default(),
        [rest @ .., last] => {
            let numbers = rest.iter().map(u32::to_string).collect::<Vec<_>>().join(phrase("articles.separator"));
            fill(phrase("articles.many"), |name| match name {
                "numbers" => Some(numbers.clone()),
                "last" => Some(last.to_string()),
                _ => None,
            })
            .unwrap_or_default()
        }
    }
}

/// The request as the document reads it: every answer of white space only
/// (spaces, tabs, line breaks) made empty, so that a template's `{{#if}}`
/// on a free-text answer is false for an answer that says nothing, and no
/// label is printed without its content. The one place a blank answer is
/// emptied for the document ([`crate::document::build`]); the request
/// itself keeps what was typed.
pub fn without_blank_answers(request: &Request) -> std::borrow::Cow<'_, Request> {
    let mut json = serde_json::to_value(request).expect("a request serialises");
    if !empty_blanks(&mut json) {
        return std::borrow::Cow::Borrowed(request);
    }
    std::borrow::Cow::Owned(serde_json::from_value(json).expect("a request with its blank answers emptied is a request"))
}

/// Empties every string of white space only in `value`; whether any was.
fn empty_blanks(value: &mut serde_json::Value) -> bool {
    match value {
        serde_json::Value::String(s) if !s.is_empty() && s.trim().is_empty() => {
            s.clear();
            true
        }
        serde_json::Value::Array(items) => items.iter_mut().fold(false, |any, v| empty_blanks(v) | any),
        serde_json::Value::Object(members) => members.values_mut().fold(false, |any, v| empty_blanks(v) | any),
        _ => false,
    }
}

/// Whether a free-text answer is given (not empty or blank).
fn given(text: &str) -> bool {
    !text.trim().is_empty()
}

impl<'a> RequestView<'a> {
    /// Builds the view of a request for a document in `lang`.
    pub fn of(request: &'a Request, lang: Lang) -> Self {
        let words = crate::i18n::catalogue(lang);
        let profile = request.basis.treaty_profile.as_ref().filter(|_| request.basis.primary == Some(Instrument::Bilateral));
        let treaty = match (request.basis.primary, profile) {
            (Some(Instrument::Bilateral), _) if !request.basis.treaty_citation.trim().is_empty() => request.basis.treaty_citation.trim().to_string(),
            (Some(Instrument::Bilateral), Some(profile)) => profile.name.trim().to_string(),
            _ => String::new(),
        };
        let treaty_contents = profile
            .filter(|_| request.kind != RequestKind::TransferOfProceedings)
            .and_then(|p| p.article(TreatyTopic::ContentOfRequests))
            .unwrap_or_default()
            .to_string();
        let title = crate::document::templates::phrase(lang, &format!("title.{}", request.kind.key()))
            .unwrap_or_default()
            .to_string();
        let ets73 = request.basis.primary == Some(Instrument::Ets73);
        let data_specs: &[DataSpec] = match request.kind {
            RequestKind::Preservation => &request.preservation.data,
            RequestKind::EmergencyDisclosure => &request.emergency.data,
            _ => &[],
        };
        let proc = &request.proc;
        let certified_translation = request.translation.status == Some(TranslationStatus::Certified);
        let translated = !matches!(request.translation.status, None | Some(TranslationStatus::NotNeeded));
        RequestView {
            lang,
            title,
            request,
            state: crate::request::addressee::state_name(request, lang.code()),
            treaty,
            treaty_contents,
            basis_articles: worded_articles(lang, &basis_articles(request)),
            route_is_basis: request.kind == RequestKind::EmergencyDisclosure
                && request.emergency.route.is_some()
                && request.basis.primary == Some(Instrument::Cets224),
            module: Module::ALL.iter().map(|m| (m.key(), request.mla.modules.contains(m))).collect(),
            bank_secrecy: crate::checks::bank_secrecy_clause(request).map(|_| match request.basis.primary {
                Some(Instrument::Untoc18) => "UNTOC_18",
                Some(Instrument::Uncac46) => "UNCAC_46",
                Some(Instrument::Drug88_7) => "DRUG88_7",
                _ => "other",
            }),
            service_only: request.service_only(),
            facts: !request.service_only()
                || [&request.facts.summary, &request.facts.time_place, &request.facts.link_to_req_state, &request.facts.evidence_so_far]
                    .iter()
                    .any(|text| given(text)),
            proceedings: proc.nature.is_some()
                || proc.custody.in_custody
                || !proc.related_requests.is_empty()
                || [&proc.stage, &proc.subject_matter, &proc.conducting_auth.name, &proc.conducting_auth.functions, &proc.next_hearing_date, &proc.limitation_date]
                    .iter()
                    .any(|text| given(text)),
            translation: translated
                && (certified_translation || request.translation.covers_attachments || given(&request.translation.translator)),
            certified_translation,
            any_provision_text: request.offences.iter().any(|offence| given(&offence.provision_text)),
            persons: request
                .persons
                .iter()
                .map(|person| {
                    let name = name_with_transliteration(lang, person);
                    let mut roles: Vec<PersonRole> = Vec::new();
                    for &role in person.role.iter().chain(&person.other_roles) {
                        if !roles.contains(&role) {
                            roles.push(role);
                        }
                    }
                    PersonView {
                        described: if name.is_empty() { person.short_description() } else { String::new() },
                        name,
                        role: roles
                            .into_iter()
                            .map(|role| words.option(role))
                            .collect::<Vec<_>>()
                            .join(crate::document::templates::phrase(lang, "doc.list_separator").unwrap_or(", ")),
                        has_details: [
                            &person.description,
                            &person.representatives,
                            &person.aliases,
                            &person.birth_place,
                            &person.legal_form,
                            &person.registration_no,
                            &person.register,
                            &person.id_documents,
                            &person.location_unknown_reason,
                            &person.in_custody,
                            &person.language_understood,
                            &person.lawyer,
                            &person.phone,
                            &person.email,
                        ]
                        .iter()
                        .any(|text| given(text)),
                        person,
                    }
                })
                .collect(),
            data_specs,
            several_records: request.mla.records.len() > 1,
            several_stored_data: request.mla.stored_data.len() > 1,
            procedures: given(&request.procedure.requested) || request.procedure.elastic_clause,
            timing: request.urgency.flag || given(&request.deadline.date),
            further: given(&request.participation.officials)
                || request.costs.extraordinary_expected.is_some()
                || given(&request.costs.items)
                || request.costs.undertaking
                || given(&request.dp.safeguards)
                || (request.mla.follows_preservation
                    && (given(&request.consult.preservation_ref) || given(&request.consult.preserved_at)))
                || given(&request.consult.prior_informal),
            scope_reasons: ScopeReasons {
                transnational: (request.basis.transnational == Some(YesNoUnknown::Yes))
                    .then_some(request.basis.transnational_reason.as_str())
                    .filter(|r| !r.trim().is_empty()),
                organized_group: (request.basis.organized_group == Some(YesNoUnknown::Yes))
                    .then_some(request.basis.organized_group_reason.as_str())
                    .filter(|r| !r.trim().is_empty()),
            },
            reciprocity_text: Some(request.basis.reciprocity_text.as_str()).filter(|t| given(t)),
            convention_paras: Some(request.basis.bilateral_treaty.as_str())
                .filter(|t| given(t))
                .filter(|_| matches!(request.basis.primary, Some(Instrument::Untoc18 | Instrument::Uncac46)))
                .filter(|_| request.basis.use_convention_paras == Some(YesNoUnknown::Yes)),
            certificate: request.basis.primary == Some(Instrument::Harare) && {
                let c = &request.central_authority_certificate;
                c.ground.is_some() || given(&c.details) || given(&c.officer) || given(&c.date)
            },
            transfer_grounds: request
                .transfer
                .grounds
                .iter()
                .map(|&ground| TransferGroundView {
                    ground,
                    letter: if ets73 { ground.letter().to_string() } else { String::new() },
                    facts: request.transfer.ground_facts.of(ground),
                })
                .collect(),
            ets73,
            attachments: request
                .attachments
                .iter()
                .enumerate()
                .map(|(index, attachment)| AttachmentView {
                    label: request.annex_label(index),
                    remark: match (attachment.certified, attachment.translated) {
                        (true, true) => Some("certified_translated"),
                        (true, false) => Some("certified"),
                        (false, true) => Some("translated"),
                        (false, false) => None,
                    },
                    attachment,
                    other_language: (attachment.language == Some(crate::request::DocumentLanguage::Other))
                        .then_some(attachment.language_other.as_str())
                        .filter(|name| !name.trim().is_empty()),
                    file: attachment.file.as_ref(),
                })
                .collect(),
            original: Vec::new(),
            original_lang: String::new(),
        }
    }

    /// The title of the document as a PDF names it: the kind of request and,
    /// when given, the requested State.
    pub fn document_title(&self) -> String {
        match self.state.as_str() {
            "" => self.title.clone(),
            state => format!("{} – {state}", self.title),
        }
    }
}
