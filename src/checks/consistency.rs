//! Section I: attachments, signature, dates and consistency across fields.

use super::{Arg, Findings, Message, Rule, Severity, annex_name, blank, msg, option, person_name, state};
use crate::request::{AnnexLabels, AttachmentType, Authentication, AuthorityType, DocumentLanguage, Instrument, PersonType, Request, RequestKind, TimeRange, TranslationStatus};
use super::provision::cites;
use crate::request::dates::parse_date_time;

/// Parses a stored date, `YYYY-MM-DD`; `None` when blank or malformed.
pub(super) fn parse_date(s: &str) -> Option<time::Date> {
    time::Date::parse(s.trim(), time::macros::format_description!("[year]-[month]-[day]")).ok()
}

/// Every non-empty text of the request with its dotted path, the
/// attachments' included.
pub(super) fn texts_with_attachments(r: &Request) -> Vec<(String, String)> {
    texts_of(r, true)
}

/// Every non-empty text of the request with its dotted path, attachments
/// excepted (they are what the texts refer to).
pub(super) fn texts(r: &Request) -> Vec<(String, String)> {
    texts_of(r, false)
}

/// Every non-empty text of the request with its dotted path, the
/// attachments' if `attachments`.
fn texts_of(r: &Request, attachments: bool) -> Vec<(String, String)> {
    fn walk(v: &serde_json::Value, path: &str, attachments: bool, acc: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::String(s) if !blank(s) => acc.push((path.to_string(), s.clone())),
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}.{i}"), attachments, acc);
                }
            }
            serde_json::Value::Object(members) => {
                for (key, item) in members {
                    if path.is_empty() && key == "attachments" && !attachments {
                        continue;
                    }
                    let p = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                    walk(item, &p, attachments, acc);
                }
            }
            _ => {}
        }
    }
    let mut acc = Vec::new();
    if let Ok(v) = serde_json::to_value(r) {
        walk(&v, "", attachments, &mut acc);
    }
    acc
}

/// Every text of the request that has characters no font of the documents
/// can draw (they would print as empty boxes): its dotted path and those
/// characters, each once, in the order they appear.
pub fn undrawable_texts(r: &Request) -> Vec<(String, Vec<char>)> {
    texts_of(r, true)
        .into_iter()
        .filter_map(|(path, text)| {
            let chars = crate::i18n::fonts::undrawable(&text);
            (!chars.is_empty()).then_some((path, chars))
        })
        .collect()
}

/// How many characters a message lists before it stops with "…".
const LISTED_CHARACTERS: usize = 12;

/// Characters as their code points, `U+1F600, U+20000`, the first
/// [`LISTED_CHARACTERS`] of them.
pub fn code_points(chars: &[char]) -> String {
    let mut listed: Vec<String> = chars.iter().take(LISTED_CHARACTERS).map(|&c| format!("U+{:04X}", c as u32)).collect();
    if chars.len() > LISTED_CHARACTERS {
        listed.push("…".into());
    }
    listed.join(", ")
}

/// Labels of the annexes a text refers to, as written, under the request's
/// way of labelling them: "Annex 2", "Appendix no. 4" with numbers, "Annex
/// B" with letters (capitals, one or two). "annexes 1 and 3" counts only
/// the first label after each word.
fn annex_references(text: &str, labels: AnnexLabels) -> Vec<String> {
    // ASCII lowercasing keeps every byte where it was, so positions found
    // in `lower` hold in `text`.
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    for word in ["annex", "appendix"] {
        let mut from = 0;
        while let Some(at) = lower[from..].find(word).map(|at| from + at) {
            let starts_word = !lower[..at].chars().next_back().is_some_and(|ch| ch.is_alphanumeric());
            from = at + word.len();
            let suffix: String = lower[from..].chars().take_while(|ch| ch.is_alphabetic()).collect();
            if !starts_word || !(suffix.is_empty() || suffix == "es") {
                continue;
            }
            let after = from + suffix.len();
            let label: String = match labels {
                AnnexLabels::Numbers => {
                    let tail = lower[after..].trim_start_matches([' ', '.', 'n', 'o', '°']);
                    tail.chars().take_while(|ch| ch.is_ascii_digit()).collect()
                }
                AnnexLabels::Letters => {
                    let tail = text[after..].trim_start_matches([' ', '.', '°']);
                    let letters: String = tail.chars().take_while(|ch| ch.is_ascii_uppercase()).collect();
                    let ends_word = !tail[letters.len()..].chars().next().is_some_and(|ch| ch.is_alphanumeric());
                    if letters.len() <= 2 && ends_word { letters } else { String::new() }
                }
            };
            if !label.is_empty() {
                found.push(label);
            }
        }
    }
    found
}

/// Whether the request itself implies an annex of this type (a field that
/// the document prints as "annexed" or that only an annex can carry).
fn implied_by_request(r: &Request, t: AttachmentType) -> bool {
    let m = &r.mla;
    match t {
        AttachmentType::DomesticOrder => {
            m.searches.iter().any(|s| s.domestic_order)
                || m.freezing.iter().any(|f| f.domestic_order)
                || m.real_time.iter().any(|x| !blank(&x.domestic_authorisation))
                || m.controlled_delivery.iter().any(|x| !blank(&x.domestic_authorisation))
        }
        AttachmentType::LegalText => !r.offences.is_empty(),
        AttachmentType::Questions => {
            m.statements.iter().any(|s| !blank(&s.questions)) || m.videoconference.iter().any(|v| !blank(&v.questions)) || m.examination.iter().any(|e| !blank(&e.questions_for_expert))
        }
        AttachmentType::DocumentsToServe => !m.service.is_empty(),
        AttachmentType::Identification => !r.persons.is_empty(),
        AttachmentType::ConsentForm => m.detainee_transfer.iter().any(|d| d.consent) || m.videoconference.iter().any(|v| v.consent),
        AttachmentType::CriminalFile => !blank(&r.transfer.file_index),
        AttachmentType::Translation => matches!(r.translation.status, Some(TranslationStatus::Done | TranslationStatus::Certified)),
        AttachmentType::CertificateTemplate => m.records.iter().any(|x| x.certification),
        AttachmentType::Other => false,
    }
}


/// Checks one date field, named by `label` (a `check.field.*` message):
/// reports it when it is not a `YYYY-MM-DD` date.
fn date_field(out: &mut Findings, value: &str, path: &str, label: Message) -> Option<time::Date> {
    if blank(value) {
        return None;
    }
    let d = parse_date(value);
    if d.is_none() {
        out.push(path.to_string(), msg("check.DATE-ORDER.not_a_date").arg("field", label).arg("value", value.trim()));
    }
    d
}

/// Checks one date-time field, named by `label` (a `check.field.*`
/// message): reports it when it is not a `YYYY-MM-DDTHH:MM` or
/// `YYYY-MM-DDTHH:MM:SS` date-time.
fn date_time_field(out: &mut Findings, value: &str, path: &str, label: Message) -> Option<time::PrimitiveDateTime> {
    if blank(value) {
        return None;
    }
    let d = parse_date_time(value);
    if d.is_none() {
        out.push(path.to_string(), msg("check.DATE-ORDER.not_a_datetime").arg("field", label).arg("value", value.trim()));
    }
    d
}

/// Checks a date-time range named by `label`: each end well formed, the
/// start not after the end. A range that starts at the creation of the
/// account or at a date not known has no start date to check.
fn range_field(out: &mut Findings, range: &TimeRange, path: &str, label: Message) {
    let from = range.from_date().and_then(|from| date_time_field(out, from, &format!("{path}.from"), label.clone()));
    let to = date_time_field(out, &range.to, &format!("{path}.to"), label.clone());
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            out.push(
                format!("{path}.to"),
                msg("check.DATE-ORDER.backwards").arg("field", label).arg("from", range.from.trim()).arg("to", range.to.trim()),
            );
        }
    }
}

/// Free texts that the generated document prints, where a drafter would
/// mention earlier contacts and requests.
fn narrative(r: &Request) -> String {
    [&r.facts.summary, &r.facts.brief, &r.facts.evidence_so_far, &r.facts.link_to_req_state, &r.purpose.statement, &r.emergency.other_info, &r.transfer.investigation_results]
        .iter()
        .map(|s| s.to_lowercase())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Abbreviations that need no definition: units, currencies, time zones
/// and terms known in every language.
const KNOWN_ABBREVIATIONS: &[&str] = &[
    "UTC", "GMT", "CET", "CEST", "EUR", "USD", "GBP", "CHF", "IP", "URL", "SMS", "GPS", "DNA", "ID", "PIN", "IBAN", "BIC", "SWIFT", "VPN", "PDF",
    "CCTV", "IMEI", "IMSI", "SIM", "MAC", "AM", "PM", "TV", "UN", "EU", "INTERPOL", "OK",
];

/// Companies' legal forms in their own languages (upper-cased): part of a
/// company's name, which the requested State's authorities read as such,
/// not jargon to explain.
const LEGAL_FORMS: &[&str] = &[
    "AS", "ASA", "SA", "SAS", "SASU", "SARL", "EURL", "SNC", "SCS", "SCA", "SPRL", "SRL", "BVBA", "BV", "NV", "AG", "KG", "OHG", "GMBH", "UG",
    "SE", "SPA", "SAPA", "SL", "SLU", "LDA", "OY", "OYJ", "AB", "APS", "SIA", "UAB", "OU", "KFT", "ZRT", "NYRT", "SRO", "DOO", "DD", "AD", "OOD",
    "EOOD", "EAD", "OOO", "AO", "PAO", "ZAO", "OAO", "TOO", "JSC", "LLC", "LLP", "PLC", "INC", "LTD", "CORP", "CO", "PTE", "PTY", "BHD", "KK",
    "SAL", "WLL",
];

/// Acronyms in `text` that the request does not define (as "Full Name
/// (ABC)" or "ABC (full name)"), that are not widely known and that are
/// not a company's legal form, in the list or as the request gives it for a
/// legal person (its legal form, or a word of its registered name).
fn undefined_acronyms(r: &Request, text: &str, whole: &str) -> Vec<String> {
    let given_forms: Vec<String> = r
        .persons
        .iter()
        .filter(|p| p.person_type == Some(PersonType::Legal))
        .flat_map(|p| [p.legal_form.as_str(), p.family_name.as_str()])
        .flat_map(|t| t.split(|ch: char| !ch.is_alphanumeric()).map(str::to_uppercase).collect::<Vec<_>>())
        .collect();
    let legal_form = |word: &str| {
        let upper = word.to_uppercase();
        LEGAL_FORMS.contains(&upper.as_str()) || given_forms.contains(&upper)
    };
    let mut found: Vec<String> = Vec::new();
    for word in text.split(|ch: char| !ch.is_alphanumeric()) {
        let len = word.chars().count();
        if !(2..=6).contains(&len) || !word.chars().all(|ch| ch.is_ascii_uppercase()) {
            continue;
        }
        if word.chars().all(|ch| matches!(ch, 'I' | 'V' | 'X')) || KNOWN_ABBREVIATIONS.contains(&word) || legal_form(word) {
            continue;
        }
        let defined = whole.contains(&format!("({word})")) || whole.contains(&format!("{word} ("));
        if !defined && !found.iter().any(|f| f == word) {
            found.push(word.to_string());
        }
    }
    found
}

/// Words of the facts summary below which, or above which, it is flagged.
const SUMMARY_WORDS: (usize, usize) = (80, 1500);

/// The rules of this section, in catalogue order.
pub(super) static RULES: &[Rule] = &[
    Rule {
        code: "ATT-MISSING",
        severity: Severity::Error,
        provision: cites!(; "Consistency"),
        summary: "Every annex the text mentions is attached.",
        check: |c, out| {
            let r = c.request;
            let count = r.attachments.len();
            let labels = r.annex_labels();
            for (path, text) in texts(r) {
                for label in annex_references(&text, labels) {
                    if labels.index_of(&label).is_none_or(|i| i >= count) {
                        out.push(path.clone(), msg("check.ATT-MISSING.not_attached").arg("n", label).arg("count", count));
                    }
                }
            }
            let has = |t: AttachmentType| r.attachments.iter().any(|a| a.attachment_type == Some(t));
            if !has(AttachmentType::DomesticOrder) {
                for (i, s) in r.mla.searches.iter().enumerate() {
                    if s.domestic_order {
                        out.push(format!("mla.searches.{i}.domestic_order"), msg("check.ATT-MISSING.search_order").arg("n", i + 1));
                    }
                }
                for (i, f) in r.mla.freezing.iter().enumerate() {
                    if f.domestic_order {
                        out.push(format!("mla.freezing.{i}.domestic_order"), msg("check.ATT-MISSING.freezing_order").arg("n", i + 1));
                    }
                }
            }
        },
    },
    Rule {
        code: "ATT-UNREFERENCED",
        severity: Severity::Warning,
        provision: cites!(; "Consistency"),
        summary: "Every annex is mentioned in the request.",
        check: |c, out| {
            let r = c.request;
            if r.attachments.is_empty() {
                return;
            }
            let all = texts(r);
            let labels = r.annex_labels();
            let referenced: Vec<usize> = all.iter().flat_map(|(_, t)| annex_references(t, labels)).filter_map(|l| labels.index_of(&l)).collect();
            let lower: Vec<String> = all.iter().map(|(_, t)| t.to_lowercase()).collect();
            for (i, a) in r.attachments.iter().enumerate() {
                let by_number = referenced.contains(&i);
                let title = a.title.trim().to_lowercase();
                let by_title = title.len() >= 8 && lower.iter().any(|t| t.contains(&title));
                let by_type = a.attachment_type.is_some_and(|t| implied_by_request(r, t));
                if !(by_number || by_title || by_type) {
                    out.push(format!("attachments.{i}"), msg("check.ATT-UNREFERENCED.unreferenced").arg("annex", annex_name(r, i)).arg("n", r.annex_label(i)));
                }
            }
        },
    },
    Rule {
        code: "ATT-TRANS",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(14)", UNCAC_46 "UNCAC art. 46(14)", DRUG88_7 "1988 Convention art. 7(9)", CETS_224 "CETS 224 art. 4", ETS_30 "ETS 30 art. 16", MT_45_117 "GA res. 45/117 art. 5(2)", ETS_73 "ETS 73 art. 18", MT_45_118 "GA res. 45/118 art. 3"),
        summary: "Annexes not in the language of the request are translated.",
        check: |c, out| {
            let r = c.request;
            // The request's language: one of the six, else unknown to the list.
            let Some(target_language) = r.lang.request.filter(|l| l.code().is_some()) else {
                return;
            };
            for (i, a) in r.attachments.iter().enumerate() {
                let Some(language) = a.language else { continue };
                if language != target_language && !a.translated {
                    let named: Arg = if language == DocumentLanguage::Other && !blank(&a.language_other) {
                        Arg::Language(a.language_other.trim().to_string())
                    } else {
                        option(language).into()
                    };
                    out.push(
                        format!("attachments.{i}.translated"),
                        msg("check.ATT-TRANS.untranslated").arg("annex", annex_name(r, i)).arg("language", named).arg("target", option(target_language)).arg("state", state(r)),
                    );
                }
            }
        },
    },
    Rule {
        code: "SIGN-AUTH",
        severity: Severity::Error,
        provision: cites!(; "Directory; practice"),
        summary: "The request carries the authentication the requested State requires (always stated for reciprocity).",
        check: |c, out| {
            let r = c.request;
            let s = &r.sign;
            if r.basis.primary == Some(Instrument::Reciprocity) && s.authentication.is_none() {
                out.push("sign.authentication".into(), msg("check.SIGN-AUTH.reciprocity").arg("state", state(r)));
            }
            let authenticated = s.seal || s.e_signature || matches!(s.authentication, Some(Authentication::Apostille | Authentication::Legalisation));
            let Some(e) = super::basis::directory_data(r).filter(|_| !blank(&s.name)) else { return };
            use crate::directory::AuthenticationForm as Form;
            match e.requirements.authentication {
                Some(Form::Seal) if !s.seal => out.push("sign.seal".into(), msg("check.SIGN-AUTH.seal").arg("state", state(r))),
                Some(Form::Apostille) if s.authentication != Some(Authentication::Apostille) => {
                    out.push("sign.authentication".into(), msg("check.SIGN-AUTH.apostille").arg("state", state(r)))
                }
                Some(Form::Legalisation) if s.authentication != Some(Authentication::Legalisation) => {
                    out.push("sign.authentication".into(), msg("check.SIGN-AUTH.legalisation").arg("state", state(r)))
                }
                Some(_) => {}
                None if !authenticated => super::basis::not_in_entry(out, msg("check.DIR-NO-ENTRY.add.authentication")),
                None => {}
            }
        },
    },
    Rule {
        code: "SIGN-VALIDATION",
        severity: Severity::Error,
        provision: cites!(; "Directory"),
        summary: "A request from a non-judicial authority is validated by a judge or prosecutor where the requested State requires it.",
        check: |c, out| {
            let r = c.request;
            if !matches!(r.req_auth.authority_type, Some(AuthorityType::Police | AuthorityType::Other)) || !blank(&r.sign.validating_auth) {
                return;
            }
            let Some(e) = super::basis::directory_data(r) else { return };
            match e.requirements.validation_required {
                Some(true) => out.push("sign.validating_auth".into(), msg("check.SIGN-VALIDATION.required").arg("state", state(r))),
                Some(false) => {}
                None => super::basis::not_in_entry(out, msg("check.DIR-NO-ENTRY.add.validation")),
            }
        },
    },
    Rule {
        code: "DATE-ORDER",
        severity: Severity::Error,
        provision: cites!(; "Consistency"),
        summary: "Dates are well formed, ranges run forward, past events are not in the future and the deadline is after signature.",
        check: |c, out| {
            let r = c.request;
            let today = c.today;
            let sign = date_field(out, &r.sign.date, "sign.date", msg("check.field.sign_date"));
            if let Some(deadline) = date_field(out, &r.deadline.date, "deadline.date", msg("check.field.deadline")) {
                if let Some(sign) = sign {
                    if deadline <= sign {
                        out.push("deadline.date".into(), msg("check.DATE-ORDER.deadline_before_signature").arg("deadline", deadline).arg("sign", sign));
                    }
                }
            }
            date_field(out, &r.proc.next_hearing_date, "proc.next_hearing_date", msg("check.field.next_hearing"));
            date_field(out, &r.proc.custody.expiry_date, "proc.custody.expiry_date", msg("check.field.custody_expiry"));
            date_field(out, &r.proc.limitation_date, "proc.limitation_date", msg("check.field.limitation_date"));
            for (i, q) in r.proc.related_requests.iter().enumerate() {
                let label = msg("check.field.related_request").arg("n", i + 1);
                if let Some(d) = date_field(out, &q.date, &format!("proc.related_requests.{i}.date"), label.clone()) {
                    if d > today {
                        out.push(format!("proc.related_requests.{i}.date"), msg("check.DATE-ORDER.future").arg("field", label).arg("date", d));
                    }
                }
            }
            for (i, p) in r.persons.iter().enumerate() {
                let label = msg("check.field.birth_date").arg("person", person_name(p, i));
                if let Some(d) = date_field(out, &p.birth_date, &format!("persons.{i}.birth_date"), label.clone()) {
                    if d > today {
                        out.push(format!("persons.{i}.birth_date"), msg("check.DATE-ORDER.future").arg("field", label).arg("date", d));
                    }
                }
            }
            let m = &r.mla;
            for (i, s) in m.service.iter().enumerate() {
                date_field(out, &s.appearance_date, &format!("mla.service.{i}.appearance_date"), msg("check.field.appearance_date").arg("n", i + 1));
            }
            for (i, x) in m.records.iter().enumerate() {
                let from = x.period_from_date().and_then(|from| date_field(out, from, &format!("mla.records.{i}.period_from"), msg("check.field.records_from").arg("n", i + 1)));
                let to = date_field(out, &x.period_to, &format!("mla.records.{i}.period_to"), msg("check.field.records_to").arg("n", i + 1));
                if let (Some(from), Some(to)) = (from, to) {
                    if from > to {
                        out.push(
                            format!("mla.records.{i}.period_to"),
                            msg("check.DATE-ORDER.backwards").arg("field", msg("check.field.records").arg("n", i + 1)).arg("from", from).arg("to", to),
                        );
                    }
                }
            }
            for (i, x) in m.stored_data.iter().enumerate() {
                range_field(out, &x.data.range, &format!("mla.stored_data.{i}.data.range"), msg("check.field.stored_data").arg("n", i + 1));
            }
            for (i, x) in m.real_time.iter().enumerate() {
                range_field(out, &x.period, &format!("mla.real_time.{i}.period"), msg("check.field.real_time").arg("n", i + 1));
            }
            for (i, v) in m.videoconference.iter().enumerate() {
                for (value, field) in [(&v.datetime, "datetime"), (&v.alt_datetime, "alt_datetime")] {
                    date_time_field(out, value, &format!("mla.videoconference.{i}.{field}"), msg("check.item.videoconference").arg("n", i + 1));
                }
            }
            date_time_field(out, &r.urgent_oral.made_at, "urgent_oral.made_at", msg("check.field.oral_made_at"));
            date_time_field(out, &r.urgent_oral.written_confirmation_at, "urgent_oral.written_confirmation_at", msg("check.field.oral_confirmed_at"));
            date_time_field(out, &r.emergency.outcome_at, "emergency.outcome_at", msg("check.field.emergency_outcome_at"));
            let p = &r.preservation;
            for (i, d) in p.data.iter().enumerate() {
                range_field(out, &d.range, &format!("preservation.data.{i}.range"), msg("check.field.data").arg("n", i + 1));
            }
            date_field(out, &p.mla_expected_date, "preservation.mla_expected_date", msg("check.field.mla_expected_date"));
            date_time_field(out, &p.sent_at, "preservation.sent_at", msg("check.field.preservation_sent_at"));
            let preserved = msg("check.field.preserved_at");
            if let Some(d) = date_field(out, &p.preserved_at, "preservation.preserved_at", preserved.clone()) {
                if d > today {
                    out.push("preservation.preserved_at".into(), msg("check.DATE-ORDER.future").arg("field", preserved).arg("date", d));
                }
            }
            for (i, d) in r.emergency.data.iter().enumerate() {
                range_field(out, &d.range, &format!("emergency.data.{i}.range"), msg("check.field.data").arg("n", i + 1));
            }
            let f = &r.transfer.forum;
            date_field(out, &f.limitation_requested, "transfer.forum.limitation_requested", msg("check.field.limitation_requested"));
        },
    },
    Rule {
        code: "CONSULT-DRAFT",
        severity: Severity::Info,
        provision: cites!(; "Practice"),
        summary: "Suggests sharing the draft of a coercive or many-measure request with the requested State first.",
        check: |c, out| {
            let r = c.request;
            if r.kind == RequestKind::MlaEvidence && (r.coercive() || r.mla.modules.len() >= 3) && blank(&r.consult.draft_shared) {
                out.push(
                    "consult.draft_shared".into(),
                    msg("check.CONSULT-DRAFT.draft").arg("state", state(r)),
                );
            }
        },
    },
    Rule {
        code: "CONSULT-INFORMAL",
        severity: Severity::Info,
        provision: cites!(; "Practice"),
        summary: "Earlier informal contact is mentioned in the request.",
        check: |c, out| {
            let r = c.request;
            if blank(&r.consult.prior_informal) {
                return;
            }
            let text = narrative(r);
            let mentioned = ["informal", "police-to-police", "police to police", "liaison", "24/7"].iter().any(|w| text.contains(w));
            if !mentioned {
                out.push(
                    "consult.prior_informal".into(),
                    msg("check.CONSULT-INFORMAL.mention"),
                );
            }
        },
    },
    Rule {
        code: "RELATED-REQ",
        severity: Severity::Info,
        provision: cites!(; "Practice; EIO Annex A section D"),
        summary: "Each earlier or parallel request listed has the reference by which the requested State can link it (the document lists them).",
        check: |c, out| {
            let r = c.request;
            for (i, q) in r.proc.related_requests.iter().enumerate() {
                if blank(&q.reference) && !(blank(&q.state) && blank(&q.date) && blank(&q.status)) {
                    out.push(format!("proc.related_requests.{i}.reference"), msg("check.RELATED-REQ.reference").arg("n", i + 1).arg("state", state(r)));
                }
            }
        },
    },
    Rule {
        code: "STYLE-JARGON",
        severity: Severity::Info,
        provision: cites!(; "Practice"),
        summary: "Acronyms in the narrative texts are defined.",
        check: |c, out| {
            let r = c.request;
            let whole = texts(r).into_iter().map(|(_, t)| t).collect::<Vec<_>>().join("\n");
            let fields = [
                ("facts.summary", &r.facts.summary),
                ("facts.brief", &r.facts.brief),
                ("facts.evidence_so_far", &r.facts.evidence_so_far),
                ("facts.link_to_req_state", &r.facts.link_to_req_state),
                ("purpose.statement", &r.purpose.statement),
                ("emergency.emergency_facts", &r.emergency.emergency_facts),
                ("emergency.data_link", &r.emergency.data_link),
                ("transfer.act_description", &r.transfer.act_description),
                ("transfer.investigation_results", &r.transfer.investigation_results),
            ];
            for (path, text) in fields {
                let acronyms = undefined_acronyms(r, text, &whole);
                if !acronyms.is_empty() {
                    let list = acronyms.iter().map(|a| format!("\"{a}\"")).collect::<Vec<_>>().join(", ");
                    out.push(path.into(), msg("check.STYLE-JARGON.acronyms").arg("acronyms", list).arg("state", state(r)));
                }
            }
        },
    },
    Rule {
        code: "TEXT-GLYPH",
        severity: Severity::Warning,
        provision: cites!(; "Practice"),
        summary: "Every character typed has a glyph in the fonts of the document; none prints as an empty box.",
        check: |c, out| {
            for (path, chars) in undrawable_texts(c.request) {
                out.push(path.clone(), msg("check.TEXT-GLYPH.chars").arg("field", path).arg("chars", code_points(&chars)));
            }
        },
    },
    Rule {
        code: "STYLE-LENGTH",
        severity: Severity::Info,
        provision: cites!(; "Practice"),
        summary: "The facts summary of an MLA request is neither very short nor very long.",
        check: |c, out| {
            let r = c.request;
            if r.kind != RequestKind::MlaEvidence || blank(&r.facts.summary) {
                return;
            }
            let words = r.facts.summary.split_whitespace().count();
            let (min, max) = SUMMARY_WORDS;
            let key = if words < min {
                "check.STYLE-LENGTH.short"
            } else if words > max {
                "check.STYLE-LENGTH.long"
            } else {
                return;
            };
            out.push("facts.summary".into(), msg(key).arg("words", words).arg("state", state(r)));
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::{example, gap, found, only_finding, reports, silent, run, with_empty_entry, Example::{self, Mla, Preservation}};
    use crate::request::mla::Search;
    use crate::request::{Attachment, Module, Person, RelatedRequest};

    #[test]
    fn examples_have_no_errors_or_warnings_from_this_section() {
        for kind in Example::ALL {
            let r = example(kind);
            for f in run(&r) {
                if RULES.iter().any(|rule| rule.code == f.code) {
                    assert_eq!(f.severity, Severity::Info, "{f:?}");
                }
            }
        }
    }

    #[test]
    fn annex_numbers_are_read_from_text() {
        let numbers = |text: &str| annex_references(text, AnnexLabels::Numbers);
        assert_eq!(numbers("see Annex 2 and appendix no. 4"), vec!["2", "4"]);
        assert_eq!(numbers("the annexed order"), Vec::<String>::new());
        assert_eq!(numbers("the annexation 2014; reannex 3; Annexes 5"), vec!["5"]);
        assert_eq!(numbers("Ärztliches Gutachten, Annex 3"), vec!["3"]);
        let letters = |text: &str| annex_references(text, AnnexLabels::Letters);
        assert_eq!(letters("see Annex B, appendix AA and Annex 2"), vec!["B", "AA"]);
        assert_eq!(letters("the annex a copy of which; Annex Bank records; Ärzte, Annex C."), vec!["C"]);
    }

    /// A cover letter that labels its annexes by letter refers to them by
    /// letter: "Annex B" is the second annex, and a third letter is missing.
    #[test]
    fn annexes_labelled_by_letter_are_referred_to_by_letter() {
        let mut r = example(Mla);
        r.annex_labels = Some(AnnexLabels::Letters);
        r.attachments.truncate(2);
        for a in &mut r.attachments {
            a.attachment_type = Some(AttachmentType::Other);
            a.title = "Note".into();
        }
        r.facts.summary = format!("{} See Annex A and Annex C.", r.facts.summary);
        let missing = found(&r, "ATT-MISSING");
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert!(missing[0].message.starts_with("Annex C is mentioned"), "{}", missing[0].message);
        let unreferenced = found(&r, "ATT-UNREFERENCED");
        assert_eq!(unreferenced.len(), 1, "{unreferenced:?}");
        assert_eq!(unreferenced[0].path, "attachments.1");
        assert!(unreferenced[0].message.starts_with("Annex B (Note)"), "{}", unreferenced[0].message);
        assert!(unreferenced[0].message.contains("(\"Annex B\")"), "{}", unreferenced[0].message);
    }

    #[test]
    fn annex_mentioned_but_not_attached_is_flagged() {
        let mut r = example(Mla);
        r.facts.evidence_so_far = "Bank statements (Annex 3).".into();
        reports(&r, "ATT-MISSING", Severity::Error, "facts.evidence_so_far");
        silent(&example(Mla), "ATT-MISSING");
    }

    #[test]
    fn search_order_said_to_be_annexed_but_missing_is_flagged() {
        let mut r = example(Mla);
        r.mla.searches.push(Search { place: "Office".into(), domestic_order: true, ..Search::default() });
        reports(&r, "ATT-MISSING", Severity::Error, "mla.searches.0.domestic_order");
        r.attachments.push(Attachment { attachment_type: Some(AttachmentType::DomesticOrder), title: "Search warrant".into(), ..Attachment::default() });
        silent(&r, "ATT-MISSING");
    }

    #[test]
    fn annex_never_mentioned_is_flagged() {
        let mut r = example(Mla);
        r.attachments.push(Attachment { attachment_type: Some(AttachmentType::Other), title: "Map of the area".into(), ..Attachment::default() });
        reports(&r, "ATT-UNREFERENCED", Severity::Warning, "attachments.2");
        r.facts.evidence_so_far.push_str(" A map is in Annex 3.");
        silent(&r, "ATT-UNREFERENCED");
        silent(&example(Mla), "ATT-UNREFERENCED");
    }

    #[test]
    fn annex_in_another_language_must_be_translated() {
        let mut r = example(Mla);
        r.attachments[0].language = Some(DocumentLanguage::Fr);
        reports(&r, "ATT-TRANS", Severity::Warning, "attachments.0.translated");
        r.attachments[0].translated = true;
        silent(&r, "ATT-TRANS");
    }

    /// False alarm: an annex in the request's language, whatever name its
    /// language was typed under before it became a choice ("English",
    /// "anglais"), is not flagged; one in a language outside the list is.
    #[test]
    fn annex_language_typed_as_a_word_is_read_as_its_language() {
        for typed in ["English", "anglais", "EN", "英文"] {
            let text = format!(r#"{{"format_version":2,"lang":{{"request":"en"}},"attachments":[{{"title":"Bank statements","language":"{typed}"}}]}}"#);
            let r = crate::request::read::parse_request(&text, "old.json").unwrap();
            silent(&r, "ATT-TRANS");
        }
        let text = r#"{"format_version":2,"lang":{"request":"en"},"attachments":[{"title":"Bank statements","language":"Norwegian"}]}"#;
        let r = crate::request::read::parse_request(text, "old.json").unwrap();
        let f = only_finding(&r, "ATT-TRANS", Severity::Warning, "attachments.0.translated");
        assert!(f.message.contains("Norwegian") && f.message.contains("English"), "{}", f.message);
    }

    #[test]
    fn reciprocity_request_must_state_its_authentication() {
        let mut r = example(Mla);
        r.basis.primary = Some(Instrument::Reciprocity);
        r.sign.authentication = None;
        reports(&r, "SIGN-AUTH", Severity::Error, "sign.authentication");
        r.sign.authentication = Some(Authentication::Legalisation);
        silent(&r, "SIGN-AUTH");
    }

    #[test]
    fn unsealed_unsigned_request_reports_authentication_not_checked() {
        let mut r = with_empty_entry(example(Mla));
        r.sign.seal = false;
        gap(&r, "SIGN-AUTH", "the authentication it requires");
        let mut apostille = r.clone();
        apostille.req_state_entry.as_mut().unwrap().requirements.authentication = Some(crate::directory::AuthenticationForm::Apostille);
        only_finding(&apostille, "SIGN-AUTH", Severity::Error, "sign.authentication");
        apostille.req_state_entry.as_mut().unwrap().requirements.authentication = Some(crate::directory::AuthenticationForm::Seal);
        only_finding(&apostille, "SIGN-AUTH", Severity::Error, "sign.seal");
        r.sign.name.clear();
        silent(&r, "SIGN-AUTH");
        silent(&example(Mla), "SIGN-AUTH");
    }

    #[test]
    fn police_request_reports_validation_not_checked() {
        let mut r = example(Mla);
        r.req_auth.authority_type = Some(AuthorityType::Police);
        gap(&r, "SIGN-VALIDATION", "validated by a judge or prosecutor");
        let mut required = with_empty_entry(r.clone());
        required.req_state_entry.as_mut().unwrap().requirements.validation_required = Some(true);
        only_finding(&required, "SIGN-VALIDATION", Severity::Error, "sign.validating_auth");
        required.req_state_entry.as_mut().unwrap().requirements.validation_required = Some(false);
        silent(&required, "SIGN-VALIDATION");
        r.sign.validating_auth = "Ms Lena Ortiz, Senior Prosecutor".into();
        silent(&r, "SIGN-VALIDATION");
        silent(&example(Mla), "SIGN-VALIDATION");
    }

    #[test]
    fn inconsistent_dates_are_flagged() {
        let mut r = example(Mla);
        r.deadline.date = "2026-11-01".into();
        reports(&r, "DATE-ORDER", Severity::Error, "deadline.date");
        let mut r = example(Mla);
        r.sign.date = "20 November 2026".into();
        reports(&r, "DATE-ORDER", Severity::Error, "sign.date");
        let mut r = example(Mla);
        r.persons.push(Person { family_name: "Doe".into(), birth_date: "2030-01-01".into(), ..Person::default() });
        let n = r.persons.len() - 1;
        reports(&r, "DATE-ORDER", Severity::Error, &format!("persons.{n}.birth_date"));
        let mut p = example(Preservation);
        p.preservation.data[0].range.to = "2026-10-01T00:00".into();
        reports(&p, "DATE-ORDER", Severity::Error, "preservation.data.0.range.to");
        silent(&example(Mla), "DATE-ORDER");
    }

    /// Every date-time the wizard asks for (each field whose control is a
    /// date and time, in any step or list) is read to the minute or to the
    /// second: with its seconds it raises no DATE-ORDER finding, malformed
    /// it raises one, and the two ends of a range a second apart are put in
    /// order.
    #[test]
    fn every_date_time_of_the_wizard_is_read_to_the_minute_or_to_the_second() {
        use crate::i18n::Lang;
        use crate::interview::{definition, get_mut, Field, Input};
        use serde_json::Value;

        /// The JSON path of every date-time under `fields`, each list of
        /// `json` on the way given one empty item.
        fn date_times(fields: &[Field], at: &str, json: &mut Value, out: &mut Vec<String>) {
            for field in fields {
                let here = format!("{at}{}", field.path);
                match &field.input {
                    Input::DateTime => out.push(here),
                    Input::Group { fields, item_template, .. } => {
                        *get_mut(json, &here).expect("a group is a list of the model") = Value::Array(vec![item_template.clone()]);
                        date_times(fields, &format!("{here}.0."), json, out);
                    }
                    _ => {}
                }
            }
        }
        let mut json = serde_json::to_value(example(Mla)).unwrap();
        let mut paths = Vec::new();
        for step in definition(Lang::En).steps {
            date_times(&step.fields, "", &mut json, &mut paths);
        }
        for listed in ["mla.videoconference.0.datetime", "mla.real_time.0.period.from", "preservation.data.0.range.to", "urgent_oral.made_at", "emergency.outcome_at"] {
            assert!(paths.iter().any(|p| p == listed), "{listed} not among {paths:?}");
        }
        let with = |values: &[(&str, &str)]| -> Request {
            let mut json = json.clone();
            for (path, value) in values {
                *get_mut(&mut json, path).unwrap() = Value::String(value.to_string());
            }
            serde_json::from_value(json).unwrap()
        };
        let at = |r: &Request, path: &str| found(r, "DATE-ORDER").into_iter().filter(|f| f.path == path).count();
        for path in &paths {
            assert_eq!(at(&with(&[(path, "2027-03-15T08:12:37")]), path), 0, "{path} refuses its seconds");
            assert_eq!(at(&with(&[(path, "2027-03-15T08:12")]), path), 0, "{path} refuses a time to the minute");
            assert_eq!(at(&with(&[(path, "2027-03-15T08:12:37.5")]), path), 1, "{path} is not read as a date-time");
            if let Some(range) = path.strip_suffix(".from") {
                let to = format!("{range}.to");
                assert_eq!(at(&with(&[(path, "2027-03-15T08:12:37"), (&to, "2027-03-15T08:12:36")]), &to), 1, "{range} runs backwards by a second");
                assert_eq!(at(&with(&[(path, "2027-03-15T08:12:37"), (&to, "2027-03-15T08:12:38")]), &to), 0, "{range} runs forward by a second");
            }
        }
    }

    #[test]
    fn a_range_that_starts_at_the_creation_of_the_account_or_an_unknown_date_has_no_start_to_check() {
        use crate::request::RangeStart;
        let mut p = example(Preservation);
        p.preservation.data[0].range.from = "2026-12-01T00:00".into();
        p.preservation.data[0].range.to = "2026-10-01T00:00:30".into();
        reports(&p, "DATE-ORDER", Severity::Error, "preservation.data.0.range.to");
        for start in RangeStart::ALL {
            p.preservation.data[0].range.start = Some(*start);
            silent(&p, "DATE-ORDER");
            p.preservation.data[0].range.from = "not a date".into();
            silent(&p, "DATE-ORDER");
        }
    }

    #[test]
    fn coercive_request_without_shared_draft_gets_advice() {
        let mut r = example(Mla);
        reports(&r, "CONSULT-DRAFT", Severity::Info, "consult.draft_shared");
        r.consult.draft_shared = "Draft sent to the Norland central authority on 10 November 2026.".into();
        silent(&r, "CONSULT-DRAFT");
        r.consult.draft_shared.clear();
        r.mla.modules = vec![Module::Statements];
        silent(&r, "CONSULT-DRAFT");
    }

    #[test]
    fn informal_contact_not_mentioned_gets_advice() {
        let mut r = example(Mla);
        r.facts.summary = "A short summary.".into();
        reports(&r, "CONSULT-INFORMAL", Severity::Info, "consult.prior_informal");
        r.facts.evidence_so_far = "Informal police-to-police contact confirmed the account.".into();
        silent(&r, "CONSULT-INFORMAL");
    }

    #[test]
    fn related_request_without_reference_gets_advice() {
        let mut r = example(Mla);
        r.proc.related_requests.push(RelatedRequest { state: "Vestria".into(), date: "2026-05-04".into(), ..RelatedRequest::default() });
        reports(&r, "RELATED-REQ", Severity::Info, &format!("proc.related_requests.{}.reference", r.proc.related_requests.len() - 1));
    }

    /// False alarm: a related request given with its reference, where the
    /// wizard asks for it, needs no mention in the facts as well (the
    /// document lists related requests).
    #[test]
    fn related_request_with_its_reference_is_not_flagged() {
        let mut r = example(Mla);
        r.proc.related_requests.push(RelatedRequest { state: "Vestria".into(), reference: "ECD/MLA/2026/044".into(), ..RelatedRequest::default() });
        silent(&r, "RELATED-REQ");
    }

    #[test]
    fn undefined_acronym_in_facts_gets_advice() {
        let mut r = example(Mla);
        r.facts.evidence_so_far = "Report of the FIU and statements of 38 investors.".into();
        reports(&r, "STYLE-JARGON", Severity::Info, "facts.evidence_so_far");
        r.facts.evidence_so_far = "Report of the Financial Intelligence Unit (FIU) and statements of 38 investors.".into();
        silent(&r, "STYLE-JARGON");
        silent(&example(Mla), "STYLE-JARGON");
    }

    #[test]
    fn companies_legal_forms_are_not_jargon() {
        let mut r = example(Mla);
        r.facts.evidence_so_far = "Statements of the directors of Baltic Trade SIA, Nordhandel GmbH, Vitrine SARL and Kalnu AS.".into();
        silent(&r, "STYLE-JARGON");
        r.facts.evidence_so_far = "Invoices of Rigas Kuģi TAS to the suspect.".into();
        reports(&r, "STYLE-JARGON", Severity::Info, "facts.evidence_so_far");
        r.persons.push(Person {
            person_type: Some(PersonType::Legal),
            family_name: "Rigas Kuģi".into(),
            legal_form: "TAS".into(),
            ..Person::default()
        });
        silent(&r, "STYLE-JARGON");
    }

    #[test]
    fn very_short_facts_summary_gets_advice() {
        let mut r = example(Mla);
        r.facts.summary = "Fraud by the suspect.".into();
        reports(&r, "STYLE-LENGTH", Severity::Info, "facts.summary");
        silent(&example(Mla), "STYLE-LENGTH");
    }

    #[test]
    fn characters_no_font_draws_are_reported_with_their_field_and_code_points() {
        let mut r = example(Mla);
        r.facts.summary.push_str(" He signed 😀 and 𠀀, then 😀 again.");
        r.persons[0].given_names.push('\u{1F600}');
        let findings = found(&r, "TEXT-GLYPH");
        assert_eq!(findings.len(), 2, "{findings:?}");
        assert!(findings.iter().all(|f| f.severity == Severity::Warning));
        assert_eq!((findings[0].path.as_str(), findings[1].path.as_str()), ("facts.summary", "persons.0.given_names"));
        assert!(findings[0].message.starts_with("facts.summary: U+1F600, U+20000 cannot be printed"), "{}", findings[0].message);
        assert!(findings[1].message.starts_with("persons.0.given_names: U+1F600 cannot"), "{}", findings[1].message);
        assert_eq!(undrawable_texts(&r), vec![("facts.summary".to_string(), vec!['😀', '𠀀']), ("persons.0.given_names".to_string(), vec!['😀'])]);
        // Every script of the six languages, accents, joiners and marks are drawn.
        let mut r = example(Mla);
        r.facts.summary.push_str(" Réf. № 5 — «Ωмега» طلب مساعدة‍ 请求方当局 ≠ x\u{200D}y \u{2068}+00 20\u{2069}");
        silent(&r, "TEXT-GLYPH");
    }

    #[test]
    fn a_long_list_of_characters_is_cut_short() {
        let many: Vec<char> = (0x20000..0x20020).filter_map(char::from_u32).collect();
        let listed = code_points(&many);
        assert!(listed.starts_with("U+20000, U+20001") && listed.ends_with(", …"), "{listed}");
        assert_eq!(listed.matches("U+").count(), LISTED_CHARACTERS);
    }
}
