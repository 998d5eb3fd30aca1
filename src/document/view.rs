//! What a template sees: the request with its document language, enumerations
//! turned into wording, lists numbered and absent parts flagged, so templates
//! stay free of logic.

use serde::Serialize;

use crate::i18n::Lang;
use crate::request::transfer::TransferGround;
use crate::request::{AnnexFile, Attachment, DataSpec, Instrument, Person, Request, RequestKind};

/// The request as a template reads it.
#[derive(Debug, Serialize)]
pub struct RequestView<'a> {
    /// Language of the document: every helper words its output in it.
    pub lang: Lang,
    /// Title of the document (the heading of its first page).
    pub title: String,
    /// The request itself, for plain fields.
    pub request: &'a Request,
    /// Citation of the treaty when the basis is a bilateral or regional
    /// treaty and the drafter cited it ("" otherwise).
    pub treaty: String,
    /// Whether the request asks only for service of documents.
    pub service_only: bool,
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

/// A person as a template reads it.
#[derive(Debug, Serialize)]
pub struct PersonView<'a> {
    /// Full name, given names first.
    pub name: String,
    /// Wording of the role.
    pub role: String,
    /// Whether the person has details beyond the persons table.
    pub has_details: bool,
    /// The person's entry.
    pub person: &'a Person,
}

/// An annex as a template reads it.
#[derive(Debug, Serialize)]
pub struct AttachmentView<'a> {
    /// Number of the annex, from 1.
    pub number: usize,
    /// Phrase key suffix of its remark (`certified`, `translated`,
    /// `certified_translated`), if any.
    pub remark: Option<&'static str>,
    /// The annex's entry.
    pub attachment: &'a Attachment,
    /// The annex's file, if one is kept (always present in the view, as
    /// null when there is none, so templates may test it).
    pub file: Option<&'a AnnexFile>,
}

/// Whether a free-text answer is given (not empty or blank).
fn given(text: &str) -> bool {
    !text.trim().is_empty()
}

impl<'a> RequestView<'a> {
    /// Builds the view of a request for a document in `lang`.
    pub fn of(request: &'a Request, lang: Lang) -> Self {
        let words = crate::i18n::catalogue(lang);
        let treaty = match request.basis.primary {
            Some(Instrument::Bilateral) => request.basis.treaty_citation.trim().to_string(),
            _ => String::new(),
        };
        let title = crate::document::templates::phrase(lang, &format!("title.{}", request.kind.key()))
            .unwrap_or_default()
            .to_string();
        let ets73 = request.basis.primary == Some(Instrument::Ets73);
        let data_specs: &[DataSpec] = match request.kind {
            RequestKind::Preservation => &request.preservation.data,
            RequestKind::EmergencyDisclosure => &request.emergency.data,
            _ => &[],
        };
        RequestView {
            lang,
            title,
            request,
            treaty,
            service_only: request.service_only(),
            any_provision_text: request.offences.iter().any(|offence| given(&offence.provision_text)),
            persons: request
                .persons
                .iter()
                .map(|person| PersonView {
                    name: [person.given_names.trim(), person.family_name.trim()]
                        .iter()
                        .filter(|part| !part.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join(" "),
                    role: person.role.map(|role| words.option(role)).unwrap_or_default(),
                    has_details: [
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
                || given(&request.consult.preservation_ref)
                || given(&request.consult.prior_informal),
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
                    number: index + 1,
                    remark: match (attachment.certified, attachment.translated) {
                        (true, true) => Some("certified_translated"),
                        (true, false) => Some("certified"),
                        (false, true) => Some("translated"),
                        (false, false) => None,
                    },
                    attachment,
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
        match self.request.req_state.trim() {
            "" => self.title.clone(),
            state => format!("{} – {state}", self.title),
        }
    }
}
