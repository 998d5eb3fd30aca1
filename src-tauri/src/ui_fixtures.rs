//! What the commands answer, for the UI's tests: the stand-in for the shell
//! they run against (`ui/src/lib/testing/fakeBackend.ts`) takes its data from
//! here, and a contract test (`ui/src/lib/testing/contract.test.ts`) runs it
//! on the same requests and compares. This test writes
//! `ui/src/lib/testing/generated/` with the other generators (`make types`):
//!
//! - `wizard.<lang>.json` and `ui-strings.<lang>.json`: `wizard_definition`
//!   and `ui_strings` in every language;
//! - `rules.json`: every rule's code, severity and provisions, in each language, as cited while no basis is chosen;
//! - `corpus.json`: for each request of the corpus — the requests of
//!   `ui/src/lib/testing/requests/`, the empty request, the examples — the
//!   request as the core reads it and what the commands make of it: its
//!   draft title, the findings in every language on [`CONTRACT_DATE`], the
//!   follow-up (or the error), the text to translate, whether each language
//!   can be a translation target (or the error), the import of a
//!   translation whose every target is the source marked `[xx] `, and, for
//!   the requests of `requests/`, the preview of the request and of that
//!   translation;
//! - `directory.json`: the entries of the demo directory as the store gives
//!   them, which tests put in the stand-in's directory;
//! - `requirements.json`: `requirement_notes` for a request of each kind
//!   addressed to each State of the demo directory from its entry (no basis
//!   chosen), in every language;
//! - `states.json`: every real State's code and CLDR name in each language,
//!   which the stand-in's `state_choices` lists with its directory's
//!   fictitious States;
//! - `annex-labels.json`: `annex_labels` for a request of 30 annexes under
//!   each choice of labels (numbers, letters), of which the stand-in
//!   answers as many as a request has;
//! - `languages.json`: `language_choices` in each language.
//!
//! Everything is a pure function of the sources: the same tree writes the
//! same bytes, and CI fails when the committed files are stale.

use std::path::{Path, PathBuf};

use mla_writer::checks;
use mla_writer::directory::demo::Mode;
use mla_writer::export;
use mla_writer::i18n::{self, Lang};
use mla_writer::interview;
use mla_writer::request::{follow_up, read, Request, RequestKind};
use mla_writer::store::{draft_title, StoreError};
use mla_writer::translation;
use serde_json::{json, Value};

use crate::error::IpcError;

/// The date the corpus is checked on.
const CONTRACT_DATE: time::Date = time::macros::date!(2026 - 11 - 27);

/// The draft id the follow-up's error names.
const DRAFT_ID: &str = "d1";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `*.json` files of `dir`, by name.
fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

/// An error as it crosses IPC.
fn ipc(e: impl Into<IpcError>) -> Value {
    serde_json::to_value(e.into()).unwrap()
}

/// The exported XLIFF with each unit's target its source marked `[xx] `: a
/// translator who translated nothing but said so.
fn marked_translation(request: &Request, target: Lang) -> String {
    let xliff = translation::export(request, target);
    let mut out = String::new();
    let mut rest = xliff.as_str();
    while let Some(start) = rest.find("<source>") {
        let end = start + rest[start..].find("</source>").unwrap() + "</source>".len();
        out.push_str(&rest[..end]);
        let source = &rest[start + "<source>".len()..end - "</source>".len()];
        out.push_str(&format!("<target>[{}] {source}</target>", target.code()));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// What the commands make of one request.
fn entry(name: &str, request: &Request, with_documents: bool) -> Value {
    let findings: serde_json::Map<String, Value> = Lang::ALL
        .into_iter()
        .map(|lang| (lang.code().to_string(), serde_json::to_value(checks::run_in(request, CONTRACT_DATE, Mode::Demo, lang)).unwrap()))
        .collect();
    let follow_up = match follow_up::from_preservation(request) {
        Ok(r) => json!({ "request": r }),
        Err(source) => json!({ "error": ipc(StoreError::FollowUp { id: DRAFT_ID.to_string(), source }) }),
    };
    let exportable: serde_json::Map<String, Value> = Lang::ALL
        .into_iter()
        .map(|lang| {
            let answer = translation::check_exportable(request, lang).err().map_or(Value::Null, ipc);
            (lang.code().to_string(), answer)
        })
        .collect();
    let units: Vec<Value> = interview::units(request).into_iter().map(|u| json!({ "id": u.id, "source": u.source })).collect();
    let translated = [Lang::Fr, Lang::En].into_iter().find(|lang| translation::check_exportable(request, *lang).is_ok()).map(|lang| {
        let translated = translation::import(request, &marked_translation(request, lang)).expect("a marked translation imports");
        (lang, translated)
    });
    let pages = |r: &Request| {
        let options = export::Options { date: CONTRACT_DATE.midnight().assume_utc(), mode: Mode::Demo, ..export::Options::for_request(r) };
        serde_json::to_value(export::pages(r, &options, CONTRACT_DATE).unwrap()).unwrap()
    };
    json!({
        "name": name,
        "request": request,
        "title": draft_title(request),
        "findings": findings,
        "follow_up": follow_up,
        "units": units,
        "exportable": exportable,
        "translation": translated.as_ref().map(|(lang, r)| json!({
            "target": lang.code(),
            "request": r,
            "title": draft_title(r),
            "pages": if with_documents { pages(r) } else { Value::Null },
        })),
        "pages": if with_documents { pages(request) } else { Value::Null },
    })
}

/// The corpus: the UI's scenario requests (with previews), the empty
/// request and the examples.
fn corpus() -> Value {
    let mut entries = Vec::new();
    for path in json_files(&root().join("ui/src/lib/testing/requests")) {
        let request = read::read_request(&path).unwrap_or_else(|e| panic!("{e}"));
        entries.push(entry(&stem(&path), &request, true));
    }
    entries.push(entry("empty", &Request::default(), false));
    for path in json_files(&root().join("examples")) {
        let request = read::read_request(&path).unwrap_or_else(|e| panic!("{e}"));
        entries.push(entry(&stem(&path), &request, false));
    }
    json!({ "date": CONTRACT_DATE.to_string(), "draft_id": DRAFT_ID, "entries": entries })
}

/// `requirement_notes` for a request of each kind, with no basis chosen,
/// addressed to each State of the demo directory from its entry, in every
/// language: `{"XN": {"mla_evidence": {"en": …}}}`.
fn requirement_notes() -> Value {
    let states: serde_json::Map<String, Value> = mla_writer::directory::demo::pack()
        .states
        .into_iter()
        .map(|s| {
            let kinds: serde_json::Map<String, Value> = RequestKind::ALL
                .iter()
                .map(|kind| {
                    let request = Request { kind: *kind, req_state: s.entry.state_id.clone(), req_state_entry: Some(s.entry.clone()), ..Default::default() };
                    let langs: serde_json::Map<String, Value> = Lang::ALL
                        .into_iter()
                        .map(|lang| (lang.code().to_string(), serde_json::to_value(interview::requirement_notes(&request, lang)).unwrap()))
                        .collect();
                    (kind.key().to_string(), Value::Object(langs))
                })
                .collect();
            (s.entry.state_id.clone(), Value::Object(kinds))
        })
        .collect();
    Value::Object(states)
}

fn write(dir: &Path, name: &str, value: &Value) {
    let text = serde_json::to_string_pretty(value).unwrap() + "\n";
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn export_bindings_ui_fixtures() {
    let dir = root().join("ui/src/lib/testing/generated");
    std::fs::create_dir_all(&dir).unwrap();
    for lang in Lang::ALL {
        write(&dir, &format!("wizard.{}.json", lang.code()), &serde_json::to_value(interview::definition(lang)).unwrap());
        write(&dir, &format!("ui-strings.{}.json", lang.code()), &serde_json::to_value(i18n::catalogue(lang).ui_strings()).unwrap());
    }
    let rules: Vec<Value> =
        checks::rules()
            .map(|r| {
                let provisions: serde_json::Map<String, Value> =
                    Lang::ALL.iter().map(|l| (l.code().to_string(), Value::String(r.provision.all_in(*l)))).collect();
                json!({ "code": r.code, "severity": r.severity, "provisions": provisions })
            })
            .collect();
    write(&dir, "rules.json", &Value::Array(rules));
    write(&dir, "corpus.json", &corpus());
    let demo: Vec<Value> = mla_writer::directory::demo::pack().states.into_iter().map(|s| serde_json::to_value(s.entry).unwrap()).collect();
    write(&dir, "directory.json", &Value::Array(demo));
    write(&dir, "requirements.json", &requirement_notes());
    let states: serde_json::Map<String, Value> = Lang::ALL
        .iter()
        .map(|lang| {
            let names: Vec<Value> = mla_writer::directory::state_names::real_codes()
                .map(|code| json!({ "code": code, "name": mla_writer::directory::state_names::name(code, lang.code()) }))
                .collect();
            (lang.code().to_string(), Value::Array(names))
        })
        .collect();
    write(&dir, "states.json", &Value::Object(states));
    let annex_labels: serde_json::Map<String, Value> = [mla_writer::request::AnnexLabels::Numbers, mla_writer::request::AnnexLabels::Letters]
        .into_iter()
        .map(|choice| {
            let r = Request { annex_labels: Some(choice), attachments: vec![Default::default(); 30], ..Request::default() };
            (choice.key().to_string(), serde_json::to_value(r.annex_label_list()).unwrap())
        })
        .collect();
    write(&dir, "annex-labels.json", &Value::Object(annex_labels));
    let languages: serde_json::Map<String, Value> =
        Lang::ALL.iter().map(|lang| (lang.code().to_string(), serde_json::to_value(mla_writer::directory::language_names::choices(lang.code())).unwrap())).collect();
    write(&dir, "languages.json", &Value::Object(languages));
}

#[test]
fn a_marked_translation_marks_every_unit_and_keeps_the_source() {
    let request = read::read_request(&root().join("examples/mla-evidence-fraud-arden-norland.json")).unwrap();
    let translated = translation::import(&request, &marked_translation(&request, Lang::Fr)).unwrap();
    assert_eq!(translated.facts.summary, format!("[fr] {}", request.facts.summary));
    assert_eq!(translated.translation.original["facts.summary"], request.facts.summary);
    assert_eq!(translated.translation.original.len(), interview::units(&request).len());
}
