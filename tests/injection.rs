//! Typed text can never become document structure. Every free-text answer
//! of every example request, one at a time, is given values that begin with
//! each markup directive, that hold the characters the markup parser uses
//! (`|`, line breaks, the private-use reference characters) and template
//! syntax (`{{ }}`, `{{{ }}}`, `{placeholder}`). The document must render,
//! its block structure (the sequence of block kinds, headings, table
//! columns and rows) must be that of the same request with a plain word in
//! that answer, and the value's text must appear as typed wherever the
//! plain word appears. Both ways text enters a request are covered: the
//! request as the wizard saves it, and a translator's XLIFF file imported
//! into it (the translation in the document, the original in its annex).

mod common;

use std::collections::HashMap;
use std::path::Path;

use handlebars::Handlebars;
use mla_writer::document::{self, templates, Block, Document};
use mla_writer::i18n::placeholders::fill;
use mla_writer::i18n::Lang;
use mla_writer::interview::{definition, get, get_mut, units, Field, Input};
use mla_writer::output::xml_text::escape;
use mla_writer::request::{read, Request, RequestKind};
use serde_json::Value;

/// The word a field holds in the request the others are compared with.
const PLAIN: &str = "Plainword";

/// Values that begin with each directive of the markup, and an unknown one.
const DIRECTIVES: &[&str] = &[
    "::h1 INJECTED TITLE",
    "::h2 INJECTED SECTION",
    "::annex INJECTED ANNEX",
    "::field X",
    "::value X",
    "::item INJECTED ITEM",
    "::meta INJECTED NOTE",
    "::table A | B",
    "::row a | b",
    "::x unknown directive",
    "::",
];

/// Values holding the private-use characters that make a reference to
/// inserted text, whole, forged or broken.
const REFERENCE_CHARACTERS: &[&str] = &[
    "\u{E000}0\u{E001} and \u{E000}1\u{E001}",
    "\u{E000}999\u{E001}",
    "open \u{E000} only",
    "close \u{E001} only",
    "\u{E000}\u{E001}",
];

/// Values holding the markup's separators: cell bars and line breaks of
/// every kind, with directives at the start of their lines.
const SEPARATORS: &[&str] = &[
    "a | b | c",
    "|",
    "first line\n::h2 INJECTED SECTION\n::field X\n::row a | b",
    "::item one\r\n::meta two\rthree | four",
    "\n\n::h1 after blank lines\n\n",
    "line\u{2028}separator\u{2029}paragraph\u{85}next",
];

/// Values holding template syntax: Handlebars expressions, partials, blocks
/// and placeholders of phrases.
const TEMPLATE_SYNTAX: &[&str] = &[
    "{{request.req_auth.name}} {{t \"no.such\"}} {{> head}}",
    "{{{request.req_auth.name}}} {{#if x}}",
    "{{/if}}{{else}}",
    "{ref} {page} {pages} {person}",
];

/// One block as far as the structure goes.
#[derive(Debug, PartialEq)]
enum Shape {
    Heading { level: u8, number: Option<u32>, text: String },
    Paragraph,
    Field,
    Item { number: u32 },
    Alert,
    Meta,
    Table { columns: Vec<String>, rows: usize },
}

fn shape(document: &Document) -> Vec<Shape> {
    document
        .blocks
        .iter()
        .map(|block| match block {
            Block::Heading { level, number, text } => Shape::Heading { level: *level, number: *number, text: text.clone() },
            Block::Paragraph { .. } => Shape::Paragraph,
            Block::Field { .. } => Shape::Field,
            Block::Item { number, .. } => Shape::Item { number: *number },
            Block::Alert { .. } => Shape::Alert,
            Block::Meta { .. } => Shape::Meta,
            Block::Table { columns, rows } => Shape::Table { columns: columns.clone(), rows: rows.len() },
        })
        .collect()
}

/// Every text of a document: the title, the running header, each heading,
/// label, line and cell line.
fn texts(document: &Document) -> Vec<&str> {
    let mut out = vec![document.title.as_str(), document.header.as_str()];
    for block in &document.blocks {
        match block {
            Block::Heading { text, .. } | Block::Alert { text } | Block::Meta { text } => out.push(text),
            Block::Paragraph { lines } | Block::Item { lines, .. } => out.extend(lines.iter().map(String::as_str)),
            Block::Field { label, lines } => {
                out.push(label);
                out.extend(lines.iter().map(String::as_str));
            }
            Block::Table { columns, rows } => {
                out.extend(columns.iter().map(String::as_str));
                out.extend(rows.iter().flatten().flatten().map(String::as_str));
            }
        }
    }
    out
}

/// Whether each line of `value` appears in some text of the document.
fn shows(document: &Document, value: &str) -> bool {
    let texts = texts(document);
    value
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .all(|line| texts.iter().any(|t| t.contains(line)))
}

fn examples() -> Vec<(String, Request)> {
    common::examples()
        .into_iter()
        .map(|path| (path.file_name().unwrap().to_string_lossy().into_owned(), read::read_request(&path).unwrap()))
        .collect()
}

/// Whether the answer of a field is free text (typed, not chosen).
fn free_text(field: &Field) -> bool {
    matches!(
        field.input,
        Input::Text | Input::Multiline | Input::Email | Input::Phone | Input::Date | Input::DateTime | Input::TimeZone
    )
}

fn collect_paths(fields: &[Field], scope: &Value, prefix: &str, out: &mut Vec<String>) {
    for field in fields {
        let path = format!("{prefix}{}", field.path);
        match &field.input {
            Input::Group { fields, .. } => {
                if let Some(Value::Array(items)) = get(scope, &field.path) {
                    for (i, item) in items.iter().enumerate() {
                        collect_paths(fields, item, &format!("{path}.{i}."), out);
                    }
                }
            }
            _ if free_text(field) => out.push(path),
            _ => {}
        }
    }
}

/// The dotted path of every free-text answer the wizard asks for a request
/// of this kind, in every item of its groups.
fn free_text_paths(request: &Request) -> Vec<String> {
    let scope = serde_json::to_value(request).unwrap();
    let mut paths = Vec::new();
    for step in definition(Lang::En).steps.iter().filter(|s| s.kinds.contains(&request.kind)) {
        collect_paths(&step.fields, &scope, "", &mut paths);
    }
    paths.sort();
    paths.dedup();
    paths
}

/// `request` with the answer at `path` set to `text`.
fn with_answer(request: &Request, path: &str, text: &str) -> Request {
    let mut scope = serde_json::to_value(request).unwrap();
    *get_mut(&mut scope, path).unwrap_or_else(|| panic!("no answer at {path}")) = Value::String(text.to_string());
    serde_json::from_value(scope).unwrap_or_else(|e| panic!("{path} does not hold text: {e}"))
}

/// The template engines, one per kind, compiled once.
struct Engines(HashMap<&'static str, Handlebars<'static>>);

impl Engines {
    fn new() -> Self {
        Engines(HashMap::new())
    }

    fn build(&mut self, request: &Request, lang: Lang, with_original: bool) -> Result<Document, String> {
        let name = templates::template_name(request.kind);
        let registry = self.0.entry(name).or_insert_with(|| templates::registry_for(request.kind).unwrap());
        document::build(registry, request, lang, with_original).map_err(|e| e.to_string())
    }
}

/// Checks `render` of each of `values` against its render of [`PLAIN`]:
/// whether the plain word reaches the document, and the problems found for
/// `path`.
fn check_answer(path: &str, values: &[&str], mut render: impl FnMut(&str) -> Result<Document, String>) -> (bool, Vec<String>) {
    let plain = render(PLAIN).unwrap_or_else(|e| panic!("{path}: the plain request does not render: {e}"));
    let rendered = shows(&plain, PLAIN);
    let mut problems = Vec::new();
    for payload in values {
        match render(payload) {
            Err(e) => problems.push(format!("{path} = {payload:?}: does not render: {e}")),
            Ok(document) => {
                if shape(&document) != shape(&plain) {
                    problems.push(format!(
                        "{path} = {payload:?}: structure changed\n  plain: {:?}\n  typed: {:?}",
                        shape(&plain),
                        shape(&document)
                    ));
                }
                if rendered && !shows(&document, payload) {
                    problems.push(format!("{path} = {payload:?}: the text does not appear as typed"));
                }
            }
        }
    }
    (rendered, problems)
}

/// The problems of every free-text answer of one example request, each
/// checked alone.
fn check_every_answer(name: &str, request: &Request, values: &[&str]) -> (usize, Vec<String>) {
    let mut engines = Engines::new();
    let lang = mla_writer::export::document_lang(request);
    let paths = free_text_paths(request);
    assert!(paths.len() > 20, "{name}: only {} free-text answers found", paths.len());
    let mut shown = 0;
    let mut problems = Vec::new();
    for path in &paths {
        let (rendered, found) = check_answer(&format!("{name}: {path}"), values, |text| {
            engines.build(&with_answer(request, path, text), lang, false)
        });
        shown += usize::from(rendered);
        problems.extend(found);
    }
    assert!(shown * 2 > paths.len(), "{name}: only {shown} of {} answers reach the document", paths.len());
    (paths.len(), problems)
}

/// Every free-text answer of every example, each alone, holding each of
/// `values` as the wizard saves it.
fn check_typed(values: &[&str]) {
    let examples = examples();
    let mut kinds: Vec<&str> = examples.iter().map(|(_, request)| request.kind.key()).collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(kinds.len(), 4, "an example of every kind");
    // One thread per example: a render keeps its inserted texts per thread.
    let results: Vec<(usize, Vec<String>)> = std::thread::scope(|scope| {
        let running: Vec<_> = examples
            .iter()
            .map(|(name, request)| scope.spawn(move || check_every_answer(name, request, values)))
            .collect();
        running.into_iter().map(|thread| thread.join().unwrap()).collect()
    });
    let checked: usize = results.iter().map(|(count, _)| count).sum();
    let problems: Vec<String> = results.into_iter().flat_map(|(_, problems)| problems).collect();
    assert!(problems.is_empty(), "{} problems over {checked} answers:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn typed_answer_beginning_with_a_directive_stays_text() {
    check_typed(DIRECTIVES);
}

#[test]
fn typed_answer_holding_reference_characters_stays_text() {
    check_typed(REFERENCE_CHARACTERS);
}

#[test]
fn typed_answer_holding_cell_bars_and_line_breaks_stays_text() {
    check_typed(SEPARATORS);
}

#[test]
fn typed_answer_holding_template_syntax_stays_text() {
    check_typed(TEMPLATE_SYNTAX);
}

/// The file a translator returns: `xliff` with a target after each source,
/// holding `translated`.
fn translated_file(xliff: &str, translated: &str) -> String {
    let mut out = String::new();
    let mut rest = xliff;
    while let Some(end) = rest.find("</source>") {
        let end = end + "</source>".len();
        out.push_str(&rest[..end]);
        out.push_str(&format!("<target>{}</target>", escape(translated)));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `request` with every translatable answer set to `text`.
fn with_translatable_answers(request: &Request, text: &str) -> Request {
    units(request).iter().fold(request.clone(), |drafted, unit| with_answer(&drafted, &unit.id, text))
}

/// Every translatable answer is given the value at once, in the drafter's
/// text and in the translation (the per-answer check is the wizard path's):
/// the translated document shows the translation, its annex the original.
/// A value holding a control character no request may hold (a lone carriage
/// return, NEL) is refused instead, at every unit, and nothing is imported.
fn check_imported(values: &[&str]) {
    let (refused, values): (Vec<&str>, Vec<&str>) =
        values.iter().partition(|text| mla_writer::request::text::first_control(text).is_some());
    let mut engines = Engines::new();
    let mut problems = Vec::new();
    for (name, request) in examples() {
        let target = if request.lang.drafting_code() == Some("fr") { Lang::Es } else { Lang::Fr };
        for text in &refused {
            let drafted = with_translatable_answers(&request, text);
            let xliff = mla_writer::translation::export(&drafted, target);
            match mla_writer::translation::import(&drafted, &translated_file(&xliff, text)) {
                Err(mla_writer::translation::XliffError::Units { problems: found }) => {
                    assert_eq!(found.len(), units(&drafted).len(), "{name} = {text:?}: {found:?}");
                    assert!(
                        found.iter().all(|p| matches!(p.kind, mla_writer::translation::UnitProblemKind::Control { .. })),
                        "{name} = {text:?}: {found:?}"
                    );
                }
                other => problems.push(format!("{name} = {text:?}: a control character was not refused: {other:?}")),
            }
        }
    }
    for (name, request) in examples() {
        let target = if request.lang.drafting_code() == Some("fr") { Lang::Es } else { Lang::Fr };
        let ids: Vec<String> = units(&request).into_iter().map(|unit| unit.id).collect();
        assert!(ids.len() > 5, "{name}: only {} units", ids.len());
        let (rendered, found) = check_answer(&format!("{name}: every translated answer"), &values, |text| {
            let drafted = with_translatable_answers(&request, text);
            let xliff = mla_writer::translation::export(&drafted, target);
            let translated = mla_writer::translation::import(&drafted, &translated_file(&xliff, text))
                .map_err(|e| format!("import refused: {e}"))?;
            let scope = serde_json::to_value(&translated).unwrap();
            for id in &ids {
                assert_eq!(get(&scope, id), Some(&Value::String(text.into())), "{name}: {id}");
                assert_eq!(translated.translation.original[id], text, "{name}: {id}");
            }
            let document = engines.build(&translated, target, true)?;
            let annex = fill(templates::phrase(target, "section.original").unwrap(), |_| {
                templates::phrase(target, &format!("language.{}", request.lang.drafting_code().unwrap_or_default())).map(str::to_string)
            })
            .unwrap();
            assert!(
                document.blocks.iter().any(|b| matches!(b, Block::Heading { text, .. } if *text == annex)),
                "{name}: no annex {annex:?}"
            );
            Ok(document)
        });
        assert!(rendered, "{name}: the translated answers do not reach the document");
        problems.extend(found);
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn imported_translation_beginning_with_a_directive_stays_text() {
    check_imported(DIRECTIVES);
}

#[test]
fn imported_translation_holding_reference_characters_stays_text() {
    check_imported(REFERENCE_CHARACTERS);
}

#[test]
fn imported_translation_holding_cell_bars_and_line_breaks_stays_text() {
    check_imported(SEPARATORS);
}

#[test]
fn imported_translation_holding_template_syntax_stays_text() {
    check_imported(TEMPLATE_SYNTAX);
}

/// The issue as a user met it: a statement of facts that starts with
/// `::h2` made a numbered section, and `::field X` made every render fail.
#[test]
fn typed_directive_in_the_facts_stays_text_in_the_rendered_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/mla-evidence-fraud-arden-norland.json");
    let mut request = read::read_request(&example).unwrap();
    assert_eq!(request.kind, RequestKind::MlaEvidence);
    for (summary, shown) in [
        ("::h2 INJECTED SECTION\nThe rest of the facts.", "::h2 INJECTED SECTION"),
        ("::field X", "::field X"),
    ] {
        request.facts.summary = summary.into();
        let file = dir.path().join("request.json");
        std::fs::write(&file, serde_json::to_string(&request).unwrap()).unwrap();
        let pdf = dir.path().join("request.pdf");
        let run = common::mla(
            &["render", file.to_str().unwrap(), "--today", "2026-11-27", "-o", pdf.to_str().unwrap()],
            dir.path(),
        );
        assert!(run.status.success(), "{summary:?}: {}", String::from_utf8_lossy(&run.stderr));
        let text = common::squash(&common::tool("pdftotext", &[pdf.to_str().unwrap(), "-"]));
        assert!(text.contains(shown), "{summary:?} is not in the PDF as typed:\n{text}");
        assert!(!text.contains(". INJECTED SECTION"), "a numbered section was made:\n{text}");
    }
}
