//! The document prints what the drafter gave, and nothing the office keeps for
//! itself. Driven by the wizard's definition, not by a list of fields: every
//! answer the wizard offers for a kind of request is filled with a marker of
//! its own, the request is built as a document in each of the six languages,
//! and every marker of a printable answer must be in the document's text,
//! while no marker of an internal answer may be. A field added to the wizard
//! is covered the day it is added.

use std::collections::{BTreeMap, BTreeSet};

use mla_writer::document::templates::registry_for;
use mla_writer::document::{build, Block, Document};
use mla_writer::i18n::Lang;
use mla_writer::interview::{definition, get_mut, Condition, Field, Input};
use mla_writer::request::{Request, RequestKind};
use serde_json::Value;

/// Answers that belong to the office, not to the request (request-kinds.md):
/// every answer of the "After sending" step (C15 tracking, P4, E3: the
/// counterpart's answers and the office's notes on them), and these.
const INTERNAL: &[(&str, &str)] = &[
    ("lang.drafting", "the language the drafter writes in (C4): the office's own working language"),
    ("lang.request", "the language of the document (C4): the document is written in it"),
    ("lang.drafting_other", "the drafter's own language when it is none of the six (C4): the office's own working language"),
    ("lang.request_other", "the language of the document when it is none of the six (C4): the document is printed in the drafting language, as the review says"),
    ("translation.status", "a flag for the office (§6.5: free text stays untranslated until flagged)"),
    ("req_auth.type", "needed for channel rules and validation (C1), not a statement to the counterpart"),
    ("recv_auth.role", "derived from the directory (C2)"),
    ("own_state", "the requesting State's code, read against the treaties the directory lists (C1); the document names the requesting authority and its address"),
    ("channel.encryption", "a handling fact of the transmission (C2): the counterpart sees that the message was encrypted, and the document is the same either way"),
    ("basis.in_force", "derived from the directory for the office (C3): a request is not sent under a basis not in force"),
    ("lang.accepted", "derived from the directory for the office (C4): the document is written in the language chosen among them"),
    ("persons[].type", "natural or legal shows in the answers given (given names, or legal form and registration)"),
    ("offences[].category_flags", "for the refusal-risk and scope checks (C7), not a statement to the counterpart"),
    ("attachments[].type", "drives the checks of what is annexed (C16); each annex is listed by its own title"),
    ("consult.draft_shared", "the consultation history kept by the office (C15)"),
    ("preservation.preserved_at", "P4 tracking: the requested State's confirmation, after sending"),
    ("preservation.preservation_ref", "P4 tracking: the requested State's reference, after sending"),
];

/// Whether the answer at `path` (a full path with `[]` for group items) is
/// internal.
fn internal(step: &str, path: &str) -> bool {
    step == "tracking" || INTERNAL.iter().any(|(p, _)| *p == path)
}

/// One answer filled by [`fill`].
#[derive(Debug, Clone)]
struct Answer {
    /// Wizard step.
    step: String,
    /// Full path with `[]` for a group item (`persons[].location`).
    path: String,
    /// Where it is in the request's JSON (`persons.0.location`).
    at: String,
    /// What must be found in the document's text for a typed answer.
    marker: Option<String>,
    /// Its kind of control.
    input: Input,
    /// Its condition, read in `scope`.
    show_when: Option<Condition>,
    /// The JSON path of the scope of its condition ("" for the request).
    scope: String,
}

/// How a marker names a language code: the document must hold the
/// language's name in its own language, never the code ([`expected`]).
const LANGUAGE_MARKER: &str = "language:";

/// The text a marker stands for in a document in `lang`.
fn expected(marker: &str, lang: Lang) -> String {
    match marker.strip_prefix(LANGUAGE_MARKER) {
        Some(code) => mla_writer::directory::language_names::name(code, lang.code()).expect("a named language").to_string(),
        None => marker.to_string(),
    }
}

/// A marker for the `n`th typed answer, in the form its control takes.
fn marker(n: usize, input: &Input) -> Option<(Value, String)> {
    let day = |n: usize| format!("{}-{:02}-{:02}", 2027 + n / 336, 1 + (n / 28) % 12, 1 + n % 28);
    let text = |s: String| Some((Value::String(s.clone()), s));
    match input {
        Input::Text | Input::Multiline => text(format!("QZ{n}X")),
        Input::Email => text(format!("qz{n}x@example.org")),
        Input::Phone => text(format!("+00 20 555 {n:04}")),
        Input::Date => text(day(n)),
        Input::DateTime => {
            // To the second: a date-time is printed with its seconds.
            let time = format!("{:02}:{:02}:{:02}", n % 24, n % 60, n * 7 % 60);
            Some((Value::String(format!("{}T{time}", day(n))), format!("{} {time}", day(n))))
        }
        Input::TimeZone => text(format!("UTC+{:02}:{:02}", n / 60 % 14, n % 60)),
        // A language is stored by its code and printed by its name in the
        // document's language: the marker names the code ([`expected`]).
        // Three-letter codes, whose names no other text of a document holds.
        Input::Language | Input::Languages => {
            let codes: Vec<&str> = mla_writer::directory::language_names::codes().iter().copied().filter(|c| c.len() == 3).collect();
            let code = codes[n * 7 % codes.len()];
            let stored = if matches!(input, Input::Languages) { Value::Array(vec![Value::String(code.into())]) } else { Value::String(code.into()) };
            Some((stored, format!("{LANGUAGE_MARKER}{code}")))
        }
        _ => None,
    }
}

/// The values conditions of the wizard name for each answer path (relative
/// to its scope), in order: a choice takes the `variant`th of them, so that
/// the variants together show every conditional field. A negated condition
/// shows its field while the choice is left empty (null), and names a value
/// that hides it, so that the other branch is printed too.
fn condition_values(fields: &[Field], prefix: &str, out: &mut BTreeMap<String, Vec<Value>>) {
    for field in fields {
        let mut condition = field.show_when.as_ref();
        while let Some(c) = condition {
            let values = out.entry(format!("{prefix}{}", c.path)).or_default();
            let named = Value::String(c.one_of[0].clone());
            let wanted = if c.negated { vec![Value::Null, named] } else { vec![named] };
            for value in wanted {
                if !values.contains(&value) {
                    values.push(value);
                }
            }
            condition = c.also.as_deref();
        }
        if let Input::Group { fields, .. } = &field.input {
            condition_values(fields, &format!("{prefix}{}[].", field.path), out);
        }
    }
}

/// Fills `fields` in `json` under `at` (a JSON path prefix), recording each answer.
#[allow(clippy::too_many_arguments)]
fn fill_fields(fields: &[Field], json: &mut Value, step: &str, path: &str, at: &str, variant: usize, wanted: &BTreeMap<String, Vec<Value>>, out: &mut Vec<Answer>) {
    for field in fields {
        let full = format!("{path}{}", field.path);
        let here = format!("{at}{}", field.path);
        let n = out.len() + 1;
        let pick = |options: &[mla_writer::interview::ChoiceOption]| -> Value {
            let named = wanted.get(&full).filter(|v| !v.is_empty());
            match named {
                Some(values) => values[variant % values.len()].clone(),
                None => Value::String(options[0].value.clone()),
            }
        };
        let value = match &field.input {
            Input::Boolean => Some(Value::Bool(true)),
            Input::Choice { options } => Some(pick(options)),
            Input::MultiChoice { options } => Some(Value::Array(options.iter().map(|o| Value::String(o.value.clone())).collect())),
            Input::Group { item_template, .. } => Some(Value::Array(vec![item_template.clone()])),
            other => marker(n, other).map(|(v, _)| v),
        };
        let slot = get_mut(json, &here).unwrap_or_else(|| panic!("{here} is not in the request"));
        if full == "kind" {
            // The kind under test stays as it is.
        } else if let Some(value) = value {
            *slot = value;
        }
        out.push(Answer {
            step: step.to_string(),
            path: full.clone(),
            at: here.clone(),
            marker: marker(n, &field.input).map(|(_, m)| m),
            input: field.input.clone(),
            show_when: field.show_when.clone(),
            scope: at.trim_end_matches('.').to_string(),
        });
        if let Input::Group { fields, .. } = &field.input {
            fill_fields(fields, json, step, &format!("{full}[]."), &format!("{here}.0."), variant, wanted, out);
        }
    }
}

/// A request of `kind` with every answer the wizard offers filled, and the
/// answers shown for it (its steps' and fields' conditions hold).
fn fill(kind: RequestKind, variant: usize) -> (Request, Vec<Answer>) {
    let def = definition(Lang::En);
    let mut wanted = BTreeMap::new();
    for step in &def.steps {
        condition_values(&step.fields, "", &mut wanted);
    }
    let mut json = serde_json::to_value(Request { kind, ..Request::default() }).unwrap();
    // An answer filled from the directory that no field asks but a
    // condition reads (`basis.bilateral_treaty`): given, so that what it
    // conditions is shown.
    for (path, values) in &wanted {
        if let Some(slot @ Value::String(_)) = get_mut(&mut json, path) {
            if values.iter().all(|v| v.is_null() || v == "") {
                *slot = Value::String(format!("QZauto {path}"));
            }
        }
    }
    let mut answers = Vec::new();
    let mut steps = Vec::new();
    for step in def.steps.iter().filter(|s| s.kinds.contains(&kind)) {
        let before = answers.len();
        fill_fields(&step.fields, &mut json, &step.id, "", "", variant, &wanted, &mut answers);
        steps.push((step.show_when.clone(), before, answers.len()));
    }
    let shown: Vec<Answer> = steps
        .iter()
        .filter(|(when, _, _)| when.as_ref().is_none_or(|c| c.holds(&json)))
        .flat_map(|(_, from, to)| answers[*from..*to].to_vec())
        .filter(|a| {
            let scope = if a.scope.is_empty() { Some(&json) } else { mla_writer::interview::get(&json, &a.scope) };
            a.show_when.as_ref().is_none_or(|c| scope.is_some_and(|s| c.holds(s)))
        })
        .collect();
    // A field inside a hidden group is hidden too.
    let groups: BTreeSet<String> = shown.iter().filter(|a| matches!(a.input, Input::Group { .. })).map(|a| format!("{}.0.", a.at)).collect();
    let shown = shown.into_iter().filter(|a| !a.at.contains(".0.") || groups.iter().any(|g| a.at.starts_with(g.as_str()))).collect();
    (serde_json::from_value(json).expect("a filled request is a request"), shown)
}

/// Every text of a document, one line each, without bidi controls.
fn text_of(doc: &Document) -> String {
    let mut lines = vec![doc.title.clone(), doc.header.clone()];
    for block in &doc.blocks {
        match block {
            Block::Heading { text, .. } | Block::Alert { text } | Block::Meta { text } => lines.push(text.clone()),
            Block::Paragraph { lines: l } | Block::Item { lines: l, .. } => lines.extend(l.iter().cloned()),
            Block::Field { label, lines: l } => {
                lines.push(label.clone());
                lines.extend(l.iter().cloned());
            }
            Block::Table { columns, rows } => {
                lines.extend(columns.iter().cloned());
                lines.extend(rows.iter().flatten().flatten().cloned());
            }
        }
    }
    lines.join("\n").chars().filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')).collect()
}

/// The number of variants needed to show every conditional field.
fn variants() -> usize {
    let mut wanted = BTreeMap::new();
    for step in &definition(Lang::En).steps {
        condition_values(&step.fields, "", &mut wanted);
    }
    wanted.values().map(Vec::len).max().unwrap_or(1)
}

fn typed_answers_are_printed_and_internal_ones_are_not(kind: RequestKind) {
    let mut problems = Vec::new();
    let mut printed = BTreeSet::new();
    for variant in 0..variants() {
        let (request, answers) = fill(kind, variant);
        let engine = registry_for(kind).unwrap();
        for lang in Lang::ALL {
            let doc = build(&engine, &request, lang, false).unwrap_or_else(|e| panic!("{} in {}: {e}", kind.key(), lang.code()));
            let text = text_of(&doc);
            for answer in &answers {
                let Some(marker) = &answer.marker else { continue };
                let marker = expected(marker, lang);
                let found = text.contains(marker.as_str());
                if internal(&answer.step, &answer.path) {
                    if found {
                        problems.push(format!("{} ({}): internal answer {} is printed", kind.key(), lang.code(), answer.path));
                    }
                } else if !found {
                    problems.push(format!("{} ({}): {} ({marker}) is not printed", kind.key(), lang.code(), answer.path));
                } else {
                    printed.insert(answer.path.clone());
                }
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    assert!(printed.len() > 20, "only {} answers checked for {}", printed.len(), kind.key());
}

/// Every yes/no and every choice the drafter makes changes what the
/// document says (in English), unless it is internal.
fn choices_change_the_document(kind: RequestKind) {
    let engine = registry_for(kind).unwrap();
    let mut problems = Vec::new();
    for variant in 0..variants() {
        let (request, answers) = fill(kind, variant);
        let base = text_of(&build(&engine, &request, Lang::En, false).unwrap());
        let json = serde_json::to_value(&request).unwrap();
        for answer in &answers {
            if internal(&answer.step, &answer.path) || answer.path == "kind" {
                continue;
            }
            let changed = match &answer.input {
                Input::Boolean => Value::Bool(false),
                Input::Choice { options } => {
                    let current = mla_writer::interview::get(&json, &answer.at).cloned();
                    match options.iter().find(|o| Some(Value::String(o.value.clone())) != current) {
                        Some(other) => Value::String(other.value.clone()),
                        None => continue,
                    }
                }
                Input::MultiChoice { options } => Value::Array(vec![Value::String(options[0].value.clone())]),
                _ => continue,
            };
            let mut other = json.clone();
            *get_mut(&mut other, &answer.at).unwrap() = changed;
            let other: Request = serde_json::from_value(other).unwrap();
            let text = text_of(&build(&engine, &other, Lang::En, false).unwrap());
            if text == base {
                problems.push(format!("{}: changing {} changes nothing in the document", kind.key(), answer.path));
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

/// The class of answers that say nothing: every typed answer the wizard
/// shows for `kind` (free text, e-mail, telephone, date, time zone) given
/// as white space only prints exactly what no answer prints — no label
/// without its content that an empty answer does not print, no sentence
/// built around nothing — in each of the six languages.
fn blank_answers_print_as_no_answer(kind: RequestKind) {
    let engine = registry_for(kind).unwrap();
    let mut problems = Vec::new();
    let mut blanked = BTreeSet::new();
    for variant in 0..variants() {
        let (request, answers) = fill(kind, variant);
        // Languages are picked from a list, not typed: they hold a code.
        let typed: Vec<&Answer> =
            answers.iter().filter(|a| a.marker.is_some() && !matches!(a.input, Input::Language | Input::Languages)).collect();
        let with = |text: &str| {
            let mut json = serde_json::to_value(&request).unwrap();
            for answer in &typed {
                let blank = if matches!(answer.input, Input::Multiline) && !text.is_empty() { format!("{text}\n{text}") } else { text.to_string() };
                *get_mut(&mut json, &answer.at).unwrap() = Value::String(blank);
            }
            serde_json::from_value::<Request>(json).unwrap()
        };
        let (blank, empty) = (with(" \t  "), with(""));
        blanked.extend(typed.iter().map(|a| a.path.clone()));
        for lang in Lang::ALL {
            let blank_doc = build(&engine, &blank, lang, false).unwrap();
            let empty_doc = build(&engine, &empty, lang, false).unwrap();
            // A label printed without content that no answer at all does
            // not print (a template prints the label of some required
            // answers whatever they hold, for the drafter to see it is missing).
            let bare = |doc: &Document| -> Vec<String> {
                doc.blocks
                    .iter()
                    .filter_map(|b| match b {
                        Block::Field { label, lines } if lines.iter().all(|l| l.trim().is_empty()) => Some(label.clone()),
                        _ => None,
                    })
                    .collect()
            };
            let unsaid = bare(&empty_doc);
            for label in bare(&blank_doc).into_iter().filter(|l| !unsaid.contains(l)) {
                problems.push(format!("{} ({}), variant {variant}: the label {label:?} is printed without content", kind.key(), lang.code()));
            }
            if blank_doc.blocks != empty_doc.blocks {
                let (b, e) = (text_of(&blank_doc), text_of(&empty_doc));
                let extra: Vec<&str> = b.lines().filter(|l| !e.lines().any(|x| x == *l)).collect();
                problems.push(format!("{} ({}), variant {variant}: blank answers print what no answer does not: {extra:?}", kind.key(), lang.code()));
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    assert!(blanked.len() > 20, "only {} answers blanked for {}", blanked.len(), kind.key());
}

#[test]
fn blank_answers_of_every_kind_print_as_no_answer() {
    for kind in [RequestKind::MlaEvidence, RequestKind::Preservation, RequestKind::EmergencyDisclosure, RequestKind::TransferOfProceedings] {
        blank_answers_print_as_no_answer(kind);
    }
}

#[test]
fn mla_request_prints_every_answer_given_and_no_internal_one() {
    typed_answers_are_printed_and_internal_ones_are_not(RequestKind::MlaEvidence);
    choices_change_the_document(RequestKind::MlaEvidence);
}

#[test]
fn preservation_request_prints_every_answer_given_and_no_internal_one() {
    typed_answers_are_printed_and_internal_ones_are_not(RequestKind::Preservation);
    choices_change_the_document(RequestKind::Preservation);
}

#[test]
fn emergency_request_prints_every_answer_given_and_no_internal_one() {
    typed_answers_are_printed_and_internal_ones_are_not(RequestKind::EmergencyDisclosure);
    choices_change_the_document(RequestKind::EmergencyDisclosure);
}

#[test]
fn transfer_request_prints_every_answer_given_and_no_internal_one() {
    typed_answers_are_printed_and_internal_ones_are_not(RequestKind::TransferOfProceedings);
    choices_change_the_document(RequestKind::TransferOfProceedings);
}

// ---------------------------------------------------------------------------
// Classes of answers seen missing, each named.

/// An example request of `examples/`.
fn example(name: &str) -> Request {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name);
    mla_writer::request::read::read_request(&path).unwrap()
}

const MLA: &str = "mla-evidence-fraud-arden-norland.json";
const PRESERVATION: &str = "preservation-ransomware-arden-vestria.json";

/// The text of `request` as a document in `lang`.
fn document_text(request: &Request, lang: Lang) -> String {
    text_of(&mla_writer::export::document(request, lang).unwrap())
}

#[test]
fn basis_sentence_names_the_articles_of_the_convention_on_cybercrime_relied_on() {
    let mut request = example(PRESERVATION);
    request.preservation.path_disclosure = true;
    for (lang, wanted) in [
        (Lang::En, "the Convention on Cybercrime (CETS No. 185), articles 29 and 30."),
        (Lang::Fr, "(STCE n° 185), articles 29 et 30."),
        (Lang::Es, "(STCE n.º 185), artículos 29 y 30."),
        (Lang::Ru, "(СДСЕ № 185), статьи 29 и 30."),
        (Lang::Ar, "رقم 185)، المواد 29 و30."),
        (Lang::Zh, "（欧洲委员会条约汇编第185号）第29条和第30条提出。"),
    ] {
        let text = document_text(&request, lang);
        assert!(text.contains(wanted), "{}: {wanted:?} not in\n{text}", lang.code());
    }
    request.preservation.path_disclosure = false;
    assert!(document_text(&request, Lang::En).contains("(CETS No. 185), article 29."));

    let mut request = example(MLA);
    request.basis.primary = Some(mla_writer::request::Instrument::Budapest);
    request.mla.modules.push(mla_writer::request::Module::StoredData);
    request.mla.stored_data.push(Default::default());
    assert!(document_text(&request, Lang::En).contains("(CETS No. 185), articles 25 and 31."));
}

#[test]
fn bank_secrecy_clause_is_printed_exactly_when_the_check_says_it_was_added_and_cites_the_basis() {
    use mla_writer::request::Instrument;
    let today = time::macros::date!(2026 - 12 - 01);
    let request = example(MLA);
    for (basis, wanted) in [
        (Instrument::Untoc18, "Under article 18, paragraph 8, of the United Nations Convention against Transnational Organized Crime"),
        (Instrument::Uncac46, "Under article 46, paragraph 8, of the United Nations Convention against Corruption"),
        (Instrument::Drug88_7, "Under article 7, paragraph 5, of the United Nations Convention against Illicit Traffic"),
        (Instrument::Ets30, "bank secrecy not be relied on to refuse this request"),
    ] {
        let mut request = request.clone();
        request.basis.primary = Some(basis);
        let claimed = mla_writer::checks::run(&request, today, Lang::En).iter().any(|f| f.code == "UNTOC-18-8-bank");
        assert!(claimed, "{basis:?}: the example touches bank accounts");
        assert!(document_text(&request, Lang::En).contains(wanted), "{basis:?}: no clause {wanted:?}");
    }
    let mut without = request.clone();
    without.mla.records.clear();
    without.mla.freezing.clear();
    without.mla.tracing.clear();
    assert!(!mla_writer::checks::run(&without, today, Lang::En).iter().any(|f| f.code == "UNTOC-18-8-bank"));
    assert!(!document_text(&without, Lang::En).contains("bank secrecy"));
}

#[test]
fn family_names_print_in_capitals_in_the_order_given_and_in_their_own_script() {
    use mla_writer::request::{Person, PersonType};
    let mut request = example(MLA);
    let natural = |family: &str, given: &str| Person {
        person_type: Some(PersonType::Natural),
        family_name: family.into(),
        given_names: given.into(),
        ..Person::default()
    };
    request.persons = vec![
        natural("Brenner", "Tomas Alexander"),
        natural("王", "小明"),
        natural("Иванова", "Анна"),
        natural("حداد", "كريم"),
        Person { person_type: Some(PersonType::Legal), family_name: "Nordhavn Trading AS".into(), ..Person::default() },
    ];
    for lang in Lang::ALL {
        let text = document_text(&request, lang);
        for name in ["BRENNER Tomas Alexander", "王 小明", "ИВАНОВА Анна", "حداد كريم", "Nordhavn Trading AS"] {
            assert!(text.contains(name), "{}: {name:?} not printed", lang.code());
        }
        assert!(!text.contains("小明 王") && !text.contains("Tomas Alexander Brenner"));
    }
}

#[test]
fn dates_print_in_iso_form_with_the_written_month_and_times_with_their_time_zone() {
    let mut request = example(MLA);
    request.sign.date = "2027-03-15".into();
    request.mla.modules.push(mla_writer::request::Module::StoredData);
    let mut item = mla_writer::request::mla::StoredData::default();
    item.data.range.from = "2027-01-02T08:12".into();
    item.data.range.to = "2027-01-03T09:30".into();
    item.data.range.tz = "UTC+02:00".into();
    request.mla.stored_data = vec![item];
    for (lang, signed, range) in [
        (Lang::En, "2027-03-15 (15 March 2027)", "2027-01-02 08:12 (2 January 2027) to 2027-01-03 09:30 (3 January 2027), time zone UTC+02:00"),
        (Lang::Fr, "2027-03-15 (15 mars 2027)", "du 2027-01-02 08:12 (2 janvier 2027) au 2027-01-03 09:30 (3 janvier 2027), fuseau horaire UTC+02:00"),
        (Lang::Zh, "2027-03-15（2027年3月15日）", "自2027-01-02 08:12（2027年1月2日）至2027-01-03 09:30（2027年1月3日），时区：UTC+02:00"),
    ] {
        let text = document_text(&request, lang);
        assert!(text.contains(signed), "{}: {signed:?}", lang.code());
        assert!(text.contains(range), "{}: {range:?}", lang.code());
    }
}

/// An MLA request under `basis` whose requested State and requesting State
/// are bound by a bilateral treaty the directory lists.
fn with_bilateral_treaty(basis: mla_writer::request::Instrument, answer: Option<mla_writer::request::YesNoUnknown>) -> Request {
    let mut request = example(MLA);
    request.basis.primary = Some(basis);
    request.basis.bilateral_treaty = "Treaty between Arden and Norland on Mutual Legal Assistance (1998-05-12)".into();
    request.basis.use_convention_paras = answer;
    request
}

#[test]
fn an_agreement_to_apply_the_convention_paragraphs_instead_of_the_treaty_is_said_naming_it_in_every_language() {
    use mla_writer::request::{Instrument, YesNoUnknown};
    let treaty = "Treaty between Arden and Norland on Mutual Legal Assistance (1998-05-12)";
    for (basis, wanted) in [
        (Instrument::Untoc18, [
            (Lang::En, "paragraphs 9 to 29 of article 18 of that Convention"),
            (Lang::Fr, "les paragraphes 9 à 29 de l'article 18 de cette Convention"),
            (Lang::Es, "los párrafos 9 a 29 del artículo 18 de dicha Convención"),
            (Lang::Ru, "пункты 9–29 статьи 18 этой Конвенции"),
            (Lang::Ar, "الفقرات 9 إلى 29 من المادة 18"),
            (Lang::Zh, "第十八条第九款至第二十九款"),
        ]),
        (Instrument::Uncac46, [
            (Lang::En, "paragraphs 9 to 29 of article 46 of that Convention"),
            (Lang::Fr, "les paragraphes 9 à 29 de l'article 46 de cette Convention"),
            (Lang::Es, "los párrafos 9 a 29 del artículo 46 de dicha Convención"),
            (Lang::Ru, "пункты 9–29 статьи 46 этой Конвенции"),
            (Lang::Ar, "الفقرات 9 إلى 29 من المادة 46"),
            (Lang::Zh, "第四十六条第九款至第二十九款"),
        ]),
    ] {
        let request = with_bilateral_treaty(basis, Some(YesNoUnknown::Yes));
        for (lang, sentence) in wanted {
            let text = document_text(&request, lang);
            assert!(text.contains(sentence) && text.contains(treaty), "{basis:?} {}: {sentence:?} or the treaty not in\n{text}", lang.code());
        }
        for answer in [None, Some(YesNoUnknown::No), Some(YesNoUnknown::Unknown)] {
            assert!(!document_text(&with_bilateral_treaty(basis, answer), Lang::En).contains(treaty), "{basis:?} {answer:?}");
        }
    }
    // Under another basis, or with no treaty listed, the question is not asked and nothing is said.
    assert!(!document_text(&with_bilateral_treaty(Instrument::Budapest, Some(YesNoUnknown::Yes)), Lang::En).contains(treaty));
    let mut none = with_bilateral_treaty(Instrument::Untoc18, Some(YesNoUnknown::Yes));
    none.basis.bilateral_treaty.clear();
    assert!(!document_text(&none, Lang::En).contains("paragraphs 9 to 29"));
}

#[test]
fn the_central_authoritys_certificate_under_the_harare_scheme_is_a_section_of_its_own_in_every_language() {
    use mla_writer::request::{CertificateGround, Instrument};
    let mut request = example(MLA);
    request.basis.primary = Some(Instrument::Harare);
    let c = &mut request.central_authority_certificate;
    c.ground = Some(CertificateGround::ProceedingsBegun);
    c.details = "Criminal case 2026/118, Ardenstadt District Court".into();
    c.officer = "Ana RUIZ, Head of the Central Authority".into();
    c.date = "2027-03-02".into();
    for (lang, heading, sentence) in [
        (Lang::En, "Certificate of the central authority", "that criminal proceedings have been instituted in this matter"),
        (Lang::Fr, "Certificat de l'autorité centrale", "que des poursuites pénales ont été engagées dans cette affaire"),
        (Lang::Es, "Certificado de la autoridad central", "que se han iniciado actuaciones penales en este asunto"),
        (Lang::Ru, "Удостоверение центрального органа", "по данному делу возбуждено уголовное производство"),
        (Lang::Ar, "شهادة السلطة المركزية", "بأن إجراءات جنائية قد بدأت في هذه القضية"),
        (Lang::Zh, "中央机关证明", "本案已提起刑事诉讼"),
    ] {
        let doc = mla_writer::export::document(&request, lang).unwrap();
        assert!(
            doc.blocks.iter().any(|b| matches!(b, Block::Heading { text, .. } if text.contains(heading))),
            "{}: no section {heading:?}",
            lang.code()
        );
        let text = text_of(&doc);
        for wanted in [sentence, "Criminal case 2026/118, Ardenstadt District Court", "Ana RUIZ, Head of the Central Authority", "2027-03-02"] {
            assert!(text.contains(wanted), "{}: {wanted:?} not in\n{text}", lang.code());
        }
    }
    request.central_authority_certificate.ground = Some(CertificateGround::ReasonableCause);
    assert!(document_text(&request, Lang::En).contains("there is reasonable cause to believe that an offence has been committed"));
    // Under another basis the certificate is neither asked nor printed.
    request.basis.primary = Some(Instrument::Untoc18);
    let text = document_text(&request, Lang::En);
    assert!(!text.contains("Certificate of the central authority") && !text.contains("Ana RUIZ"), "{text}");
}

#[test]
fn an_advance_copy_through_interpol_is_said_in_every_language() {
    let mut request = example(MLA);
    request.channel.advance_copy_interpol = true;
    for (lang, wanted) in [
        (Lang::En, "An advance copy of this request has been sent through INTERPOL."),
        (Lang::Fr, "Une copie anticipée de la présente demande a été transmise par l'intermédiaire d'INTERPOL."),
        (Lang::Es, "Se ha enviado una copia anticipada de la presente solicitud por conducto de INTERPOL."),
        (Lang::Ru, "Предварительная копия настоящего запроса направлена через Интерпол."),
        (Lang::Ar, "أُرسلت نسخة مسبقة من هذا الطلب عن طريق الإنتربول."),
        (Lang::Zh, "本请求的预发副本已通过国际刑警组织送交。"),
    ] {
        assert!(document_text(&request, lang).contains(wanted), "{}: {wanted:?}", lang.code());
    }
    request.channel.advance_copy_interpol = false;
    assert!(!document_text(&request, Lang::En).contains("advance copy"));
}
