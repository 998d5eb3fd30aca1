//! The translation workflow as a prosecutor's office runs it: the request's
//! free text goes out as XLIFF 2.0, comes back translated into French, and
//! the translated request renders to a PDF in which the French text is read
//! back with poppler. Every way a returned file can be wrong is refused with
//! its own error, and nothing is written.

mod common;
use common::{mla, squash};

use std::path::{Path, PathBuf};
use std::process::Command;

use mla_writer::request::Request;
use mla_writer::translation::{self, UnitProblemKind, XliffError};
use mla_writer::i18n::Lang;
use mla_writer::request::read;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;

const EXAMPLE: &str = "examples/mla-evidence-fraud-arden-norland.json";
const TRANSFER_EXAMPLE: &str = "examples/transfer-of-proceedings-road-death-arden-calvania.json";
const FRENCH: &str = "tests/fixtures/xliff/mla-evidence-fraud-arden-norland.fr.xlf";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn example() -> Request {
    read::read_request(&root().join(EXAMPLE)).unwrap()
}

fn french() -> String {
    std::fs::read_to_string(root().join(FRENCH)).unwrap()
}

/// Value of a dotted path (`persons.0.location`) in a request.
fn at(request: &Request, path: &str) -> String {
    let value = serde_json::to_value(request).unwrap();
    let found = path.split('.').try_fold(&value, |v, key| match v {
        serde_json::Value::Array(items) => items.get(key.parse::<usize>().ok()?),
        _ => v.get(key),
    });
    found
        .and_then(|v| v.as_str())
        .unwrap_or_else(|| panic!("no text at {path}"))
        .to_string()
}

/// What a parsed XLIFF file holds: root namespace and attributes, and each
/// unit's id, source and target.
struct Parsed {
    namespace: String,
    root_attributes: Vec<(String, String)>,
    units: Vec<(String, String, Option<String>)>,
}

/// Parses an XLIFF file with a real XML parser (well-formedness check).
fn parse_xliff(text: &str) -> Parsed {
    let mut reader = quick_xml::NsReader::from_str(text);
    let mut parsed = Parsed {
        namespace: String::new(),
        root_attributes: Vec::new(),
        units: Vec::new(),
    };
    let mut in_element = String::new();
    let mut depth = 0;
    loop {
        let (ns, event) = match reader.read_resolved_event() {
            Ok((ResolveResult::Bound(n), event)) => (n.as_ref().to_string(), event),
            Ok((_, event)) => (String::new(), event),
            Err(e) => panic!("not well-formed: {e}"),
        };
        match event {
            Event::Start(e) => {
                depth += 1;
                let name = e.local_name().as_ref().to_string();
                if depth == 1 {
                    parsed.namespace = ns;
                    parsed.root_attributes = e
                        .attributes()
                        .map(|a| a.unwrap())
                        .map(|a| (a.key.as_ref().to_string(), a.value.to_string()))
                        .collect();
                }
                if name == "unit" {
                    let id = e
                        .attributes()
                        .map(|a| a.unwrap())
                        .find(|a| a.key.as_ref() == "id")
                        .unwrap()
                        .value
                        .to_string();
                    parsed.units.push((id, String::new(), None));
                }
                if name == "target" {
                    parsed.units.last_mut().unwrap().2 = Some(String::new());
                }
                in_element = name;
            }
            Event::End(_) => {
                depth -= 1;
                in_element.clear();
            }
            Event::Text(t) => {
                let text = t.xml10_content();
                let unit = parsed.units.last_mut();
                match (in_element.as_str(), unit) {
                    ("source", Some(u)) => u.1.push_str(&text),
                    ("target", Some(u)) => u.2.get_or_insert_with(String::new).push_str(&text),
                    _ => {}
                }
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_xml_entity(&r)
                        .unwrap()
                        .to_string(),
                };
                match (in_element.as_str(), parsed.units.last_mut()) {
                    ("source", Some(u)) => u.1.push_str(&c),
                    ("target", Some(u)) => u.2.get_or_insert_with(String::new).push_str(&c),
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "unclosed elements");
    parsed
}

#[test]
fn exported_xliff_is_well_formed_xliff_2_with_a_unit_per_free_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("request.fr.xlf");
    let run = mla(
        &[
            "xliff",
            "export",
            EXAMPLE,
            "--target",
            "fr",
            "-o",
            out.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let parsed = parse_xliff(&text);
    assert_eq!(parsed.namespace, "urn:oasis:names:tc:xliff:document:2.0");
    let attr = |name: &str| {
        parsed
            .root_attributes
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(attr("version"), Some("2.0"));
    assert_eq!(attr("srcLang"), Some("en"));
    assert_eq!(attr("trgLang"), Some("fr"));

    let request = example();
    let expected = mla_writer::interview::units(&request);
    assert_eq!(parsed.units.len(), expected.len());
    for ((id, source, target), unit) in parsed.units.iter().zip(&expected) {
        assert_eq!(id, &unit.id);
        assert_eq!(
            source,
            &at(&request, id),
            "{id}: source differs from the request"
        );
        assert!(target.is_none(), "{id}: an export has no targets");
    }
    let ids: Vec<&str> = parsed.units.iter().map(|u| u.0.as_str()).collect();
    for id in [
        "facts.summary",
        "persons.0.location",
        "persons.2.location",
        "mla.statements.0.questions",
        "offences.1.provision_text",
    ] {
        assert!(ids.contains(&id), "{id} not exported");
    }
    for id in [
        "req_auth.email",
        "persons.0.family_name",
        "mla.records.0.accounts",
        "sign.name",
        "case.internal_ref",
    ] {
        assert!(!ids.contains(&id), "{id} exported but not translatable");
    }
    assert!(
        text.contains("<note category=\"field\">Person 1: Address or whereabouts</note>"),
        "labels are notes"
    );
    assert!(
        text.contains(
            "1. What is your role in Halvard Logistics AS, and since when?\n2. What business"
        ),
        "line breaks kept"
    );
}

#[test]
fn french_translation_replaces_the_free_text_keeps_the_english_and_reaches_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let translated_file = dir.path().join("request.fr.json");
    let run = mla(
        &[
            "xliff",
            "import",
            EXAMPLE,
            "--xliff",
            FRENCH,
            "-o",
            translated_file.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );

    let english = example();
    let translated = read::read_request(&translated_file).unwrap();
    let fixture = parse_xliff(&french());
    assert_eq!(
        fixture.units.len(),
        mla_writer::interview::units(&english).len(),
        "the fixture translates every unit of the example"
    );
    for (id, source, target) in &fixture.units {
        let target = target
            .as_ref()
            .unwrap_or_else(|| panic!("{id}: the fixture lacks a target"));
        assert_eq!(&at(&translated, id), target, "{id} holds the French text");
        assert_eq!(
            &translated.translation.original[id], source,
            "{id}: the English is kept"
        );
        assert_eq!(source, &at(&english, id));
    }
    assert_eq!(translated.lang.request_code(), Some("fr"));
    assert_eq!(translated.lang.drafting_code(), Some("en"));
    assert_eq!(translated.translation.original_lang, "en");
    assert_eq!(translated.translation.original.len(), fixture.units.len());

    // Nothing but the free text and the translation record changed.
    let mut restored = translated.clone();
    let mut value = serde_json::to_value(&restored).unwrap();
    for (id, source) in &translated.translation.original {
        let slot = id.split('.').try_fold(&mut value, |v, key| match v {
            serde_json::Value::Array(items) => items.get_mut(key.parse::<usize>().unwrap()),
            _ => v.get_mut(key),
        });
        *slot.unwrap() = serde_json::Value::String(source.clone());
    }
    restored = serde_json::from_value(value).unwrap();
    restored.lang.request = english.lang.request;
    restored.translation = english.translation.clone();
    assert_eq!(restored, english);

    let pdf = dir.path().join("request.fr.pdf");
    let run = mla(
        &[
            "render",
            translated_file.to_str().unwrap(),
            "-o",
            pdf.to_str().unwrap(),
            "--today",
            "2026-11-27",
        ],
        dir.path(),
    );
    assert!(
        run.status.success(),
        "render failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let out = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is needed");
    let text = squash(&String::from_utf8(out.stdout).unwrap());
    for french in [
        "Entre le 1er juin et le 30 septembre 2025, un groupe organisé a exploité un site internet",
        "Escroquerie aggravée",
        "Blanchiment d'argent",
        "Quelles sont vos fonctions au sein de Halvard Logistics AS",
        "Le suspect n'a pas connaissance de l'enquête",
    ] {
        assert!(text.contains(french), "PDF text lacks {french:?}:\n{text}");
    }
    assert!(
        !text.contains("Between 1 June and 30 September 2025"),
        "the English facts are gone from the PDF"
    );

    // Bilingual output: the English it was translated from, annexed and
    // labelled in French.
    let bilingual = dir.path().join("request.fr-en.pdf");
    let run = mla(
        &["render", translated_file.to_str().unwrap(), "--with-original", "-o", bilingual.to_str().unwrap(), "--today", "2026-11-27"],
        dir.path(),
    );
    assert!(run.status.success(), "render failed: {}", String::from_utf8_lossy(&run.stderr));
    let out = Command::new("pdftotext").args([bilingual.to_str().unwrap(), "-"]).output().expect("pdftotext runs");
    let text = squash(&String::from_utf8(out.stdout).unwrap());
    let annex = text.find("Annexe : le texte original, en anglais").expect("the annex of the original text");
    assert!(text[annex..].contains("Between 1 June and 30 September 2025"), "{text}");
    assert!(text[..annex].contains("Entre le 1er juin et le 30 septembre 2025"), "{text}");
}

/// A copy of the example request in `dir`, and its bytes.
fn request_copy(dir: &Path, request: &Request) -> (PathBuf, Vec<u8>) {
    let path = dir.join("request.json");
    std::fs::write(&path, read::to_json(request)).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    (path, bytes)
}

/// Imports `xliff_text` into `request` both through the library and the CLI;
/// checks that the CLI exits with `code`, writes nothing and leaves the
/// request file as it was; returns the library's error and the CLI's message.
fn refused(request: &Request, xliff_text: &str, code: i32) -> (XliffError, String) {
    let error = translation::import(request, xliff_text).expect_err("the import should be refused");
    let dir = tempfile::tempdir().unwrap();
    let (file, before) = request_copy(dir.path(), request);
    let xlf = dir.path().join("in.xlf");
    std::fs::write(&xlf, xliff_text).unwrap();
    let out = dir.path().join("out.json");
    let run = mla(
        &[
            "xliff",
            "import",
            file.to_str().unwrap(),
            "--xliff",
            xlf.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        dir.path(),
    );
    let stderr = String::from_utf8_lossy(&run.stderr).to_string();
    assert_eq!(run.status.code(), Some(code), "{stderr}");
    assert!(!out.exists(), "nothing is written on error");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the request file is unchanged"
    );
    assert!(
        stderr.contains("in.xlf"),
        "the message names the file: {stderr}"
    );
    (error, stderr)
}

fn unit_problems(error: XliffError) -> Vec<(String, UnitProblemKind)> {
    match error {
        XliffError::Units { problems } => problems.into_iter().map(|p| (p.id, p.kind)).collect(),
        other => panic!("expected unit problems, got {other:?}"),
    }
}

#[test]
fn a_changed_unit_id_is_unknown_and_its_text_missing() {
    let edited = french().replace(
        "<unit id=\"facts.time_place\">",
        "<unit id=\"facts.place_and_time\">",
    );
    let (error, message) = refused(&example(), &edited, 1);
    assert_eq!(
        unit_problems(error),
        vec![
            ("facts.place_and_time".into(), UnitProblemKind::Unknown),
            ("facts.time_place".into(), UnitProblemKind::Missing)
        ]
    );
    assert!(
        message.contains("unit facts.place_and_time (line "),
        "{message}"
    );
    assert!(
        message.contains("unit facts.time_place: missing from the file"),
        "{message}"
    );
}

#[test]
fn a_missing_unit_is_named() {
    let text = french();
    let start = text.find("    <unit id=\"proc.stage\">").unwrap();
    let end = start + text[start..].find("</unit>\n").unwrap() + "</unit>\n".len();
    let edited = format!("{}{}", &text[..start], &text[end..]);
    let (error, message) = refused(&example(), &edited, 1);
    assert_eq!(
        unit_problems(error),
        vec![("proc.stage".into(), UnitProblemKind::Missing)]
    );
    assert!(message.contains("proc.stage"), "{message}");
}

#[test]
fn text_edited_after_the_export_makes_its_unit_stale() {
    let mut request = example();
    request.conf.reasons = "The suspect is not aware of the investigation.".into();
    let (error, message) = refused(&request, &french(), 1);
    assert_eq!(
        unit_problems(error),
        vec![("conf.reasons".into(), UnitProblemKind::StaleSource)]
    );
    assert!(
        message.contains("unit conf.reasons") && message.contains("edited after the export"),
        "{message}"
    );
}

#[test]
fn empty_and_missing_targets_are_named() {
    let text = french()
        .replace(
            "<target>Escroquerie aggravée</target>",
            "<target>  </target>",
        )
        .replace("\n        <target>Blanchiment d'argent</target>", "");
    let (error, _) = refused(&example(), &text, 1);
    assert_eq!(
        unit_problems(error),
        vec![
            ("offences.0.name".into(), UnitProblemKind::EmptyTarget),
            ("offences.1.name".into(), UnitProblemKind::MissingTarget)
        ]
    );
}

#[test]
fn a_file_in_another_source_language_is_refused() {
    let edited = french().replace("srcLang=\"en\"", "srcLang=\"es\"");
    let (error, message) = refused(&example(), &edited, 1);
    assert!(
        matches!(&error, XliffError::WrongSourceLanguage { expected, found } if expected == "en" && found == "es"),
        "{error:?}"
    );
    assert!(message.contains("srcLang"), "{message}");
}

#[test]
fn a_file_made_for_another_request_is_recognised() {
    let other = read::read_request(&root().join(TRANSFER_EXAMPLE)).unwrap();
    let exported = translation::export(&other, Lang::Fr);
    let (error, message) = refused(&example(), &exported, 1);
    assert!(
        matches!(error, XliffError::OtherRequest { .. }),
        "{error:?}"
    );
    assert!(
        message.contains("another request") && message.contains("transfer_of_proceedings"),
        "{message}"
    );
}

#[test]
fn a_doctype_with_an_entity_is_refused_before_anything_is_read() {
    let edited = french()
        .replacen(
            "<xliff ",
            "<!DOCTYPE xliff [<!ENTITY boom \"boom boom boom\">]>\n<xliff ",
            1,
        )
        .replace(
            "<target>Escroquerie aggravée</target>",
            "<target>&boom;</target>",
        );
    let (error, message) = refused(&example(), &edited, 2);
    assert!(
        matches!(error, XliffError::Doctype { line: 2, column: 1 }),
        "{error:?}"
    );
    assert!(message.contains("DOCTYPE"), "{message}");
}

#[test]
fn a_file_that_is_not_xliff_is_refused() {
    let json = std::fs::read_to_string(root().join(EXAMPLE)).unwrap();
    let (error, _) = refused(&example(), &json, 2);
    assert!(
        matches!(
            error,
            XliffError::Malformed {
                line: 1,
                column: 1,
                ..
            }
        ),
        "{error:?}"
    );

    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>x</text></svg>";
    let (error, message) = refused(&example(), svg, 2);
    assert!(
        matches!(&error, XliffError::NotXliff { found } if found.contains("<svg>")),
        "{error:?}"
    );
    assert!(message.contains("not an XLIFF 2.0 file"), "{message}");

    let xliff_1_2 =
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"><file/></xliff>";
    let (error, _) = refused(&example(), xliff_1_2, 2);
    assert!(
        matches!(&error, XliffError::NotXliff { found } if found.contains("version 1.2")),
        "{error:?}"
    );
}

#[test]
fn malformed_xml_is_reported_with_line_and_column() {
    let text = french();
    let edited = text.replacen(
        "<target>Escroquerie aggravée</target>",
        "<target>Escroquerie aggravée</targte>",
        1,
    );
    let line = edited[..edited.find("</targte>").unwrap()]
        .matches('\n')
        .count()
        + 1;
    let (error, message) = refused(&example(), &edited, 2);
    match error {
        XliffError::Malformed { line: found, .. } => assert_eq!(found, line, "{message}"),
        other => panic!("expected malformed XML, got {other:?}"),
    }
    assert!(
        message.contains(&format!("line {line}, column")),
        "{message}"
    );
}

#[test]
fn a_translated_request_is_not_translated_again() {
    let translated = translation::import(&example(), &french()).unwrap();
    assert!(matches!(
        translation::import(&translated, &french()),
        Err(XliffError::AlreadyTranslated { .. })
    ));
    assert!(matches!(
        translation::check_exportable(&translated, Lang::Es),
        Err(XliffError::AlreadyTranslated { .. })
    ));
}

#[test]
fn export_needs_a_drafting_language_other_than_the_target() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.xlf");
    let run = mla(
        &[
            "xliff",
            "export",
            EXAMPLE,
            "--target",
            "en",
            "-o",
            out.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(run.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("drafted in"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(!out.exists());
    let missing = mla(
        &[
            "xliff",
            "export",
            "no-such-request.json",
            "--target",
            "fr",
            "-o",
            out.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such-request.json"));
}

#[test]
fn an_escape_sequence_in_a_target_is_refused_and_never_reaches_a_draft_title() {
    // `<cp hex="1B"/>` would put ESC into proc.subject_matter, which the
    // draft title is made of, and `mla drafts list` would print it raw.
    let hostile = french().replacen(
        "<target>Escroquerie à l'investissement",
        "<target><cp hex=\"1B\"/>[2J<cp hex=\"1B\"/>]0;owned<cp hex=\"7\"/>Escroquerie à l'investissement",
        1,
    );
    let (error, message) = refused(&example(), &hostile, 1);
    assert_eq!(
        unit_problems(error),
        vec![("proc.subject_matter".into(), UnitProblemKind::Control { code: "U+001B".into() })]
    );
    assert!(message.contains("unit proc.subject_matter (line 26): the <target> holds the control character U+001B"), "{message}");
    assert!(!message.contains('\u{1b}'), "{message:?}");

    // The app's way in: the translation is refused and no draft is created.
    let dir = tempfile::tempdir().unwrap();
    let mut store = mla_writer::store::Store::open(&dir.path().join("mla-writer.sqlite3")).unwrap();
    let draft = store.create_draft(&example()).unwrap();
    let xlf = dir.path().join("hostile.xlf");
    std::fs::write(&xlf, &hostile).unwrap();
    assert!(store.import_translation(&draft.id, &xlf).is_err());
    let titles: Vec<String> = store.list_drafts().unwrap().into_iter().map(|d| d.title).collect();
    assert_eq!(titles, vec![draft.title]);
    assert!(!titles.iter().any(|t| t.contains('\u{1b}')));
}

#[test]
fn a_raw_control_character_in_a_target_is_refused_too() {
    let hostile = french().replacen("<target>Escroquerie à l'investissement", "<target>Escroquerie\u{9b}2J à l'investissement", 1);
    let (error, _) = refused(&example(), &hostile, 1);
    assert_eq!(
        unit_problems(error),
        vec![("proc.subject_matter".into(), UnitProblemKind::Control { code: "U+009B".into() })]
    );
}

#[test]
fn unit_ids_quoted_in_messages_show_their_control_characters() {
    let hostile = french().replacen("<unit id=\"proc.subject_matter\">", "<unit id=\"proc.\u{1b}[2Jsubject_matter\">", 1);
    let (_, message) = refused(&example(), &hostile, 1);
    assert!(message.contains("unit proc.\\u{1b}[2Jsubject_matter (line 26)"), "{message}");
    assert!(!message.contains('\u{1b}'), "{message:?}");
}

/// The example request with `persons` copies of its first person, each with
/// two texts to translate (where the person is, and why it is not known),
/// and its XLIFF file translated (each target a copy of its source).
fn many_units(persons: usize) -> (Request, String) {
    let mut request = example();
    let first = request.persons[0].clone();
    request.persons = (0..persons)
        .map(|i| {
            let mut person = first.clone();
            person.location = format!(
                "Flat {i}, Harbour Street {i}, Arden City; seen there by witnesses on several occasions in the spring of the year {}, and by the landlord.",
                2000 + i % 25
            );
            person.location_unknown_reason =
                format!("Reason {i}: he left his registered address in Arden City in October, and the neighbours say he moved to Norland.");
            person
        })
        .collect();
    let exported = translation::export(&request, Lang::Fr);
    let mut translated = String::with_capacity(exported.len() * 2);
    let mut rest = exported.as_str();
    while let Some(start) = rest.find("<source>") {
        let end = start + rest[start..].find("</source>").unwrap() + "</source>".len();
        translated.push_str(&rest[..end]);
        translated.push_str(&rest[start..end].replace("source>", "target>"));
        rest = &rest[end..];
    }
    translated.push_str(rest);
    (request, translated)
}

#[test]
fn a_translation_with_twelve_thousand_units_is_imported_and_its_last_unit_located() {
    let (request, translated) = many_units(6_000);
    let units = mla_writer::interview::units(&request).len();
    assert!(units > 12_000, "{units} units");
    assert!(translated.len() > 5 << 20, "{} bytes: more than the former limit of 5 MiB", translated.len());
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = request_copy(dir.path(), &request);
    let xlf = dir.path().join("many.fr.xlf");
    std::fs::write(&xlf, &translated).unwrap();
    let out = dir.path().join("many.fr.json");
    let run = mla(&["xliff", "import", file.to_str().unwrap(), "--xliff", xlf.to_str().unwrap(), "-o", out.to_str().unwrap()], dir.path());
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(read::read_request(&out).unwrap().translation.original.len(), units);

    // The last unit's line, counted here from the start of the file, is the
    // line the import names.
    let last = translated.rfind("<target>").unwrap();
    let emptied = format!("{}<target></target>{}", &translated[..last], &translated[translated[last..].find("</target>").unwrap() + last + "</target>".len()..]);
    let unit_line = emptied[..emptied[..last].rfind("<unit ").unwrap()].matches('\n').count() + 1;
    let error = translation::import(&request, &emptied).unwrap_err();
    let XliffError::Units { problems } = error else { panic!("{error}") };
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].kind.clone(), problems[0].line), (UnitProblemKind::EmptyTarget, Some(unit_line)));
}
