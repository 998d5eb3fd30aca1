//! Reading the translator's file back: every check before any change.

use std::collections::BTreeMap;

use serde_json::Value;

use super::position::Positions;
use super::xml::{inline_text, parse, Element};
use super::{
    describe, identity, source_lang, UnitProblem, UnitProblemKind, XliffError,
};
use crate::interview::{get_mut, units, Unit};
use crate::i18n::Lang;
use crate::request::read::MAX_TEXT_BYTES;
use crate::request::text::{code_point, first_control, visible};
use crate::request::{DocumentLanguage, Request, TranslationStatus};

/// One unit as read from the file.
struct ReadUnit {
    id: String,
    line: usize,
    /// Source and target text, or what is wrong with the unit.
    texts: Result<(String, String), UnitProblemKind>,
}

fn read_unit(unit: &Element, positions: &Positions<'_>) -> Result<ReadUnit, XliffError> {
    let (line, column) = positions.line_column(unit.offset);
    let id = unit
        .attr("id")
        .ok_or_else(|| XliffError::Structure {
            line,
            column,
            message: "a <unit> has no id".into(),
        })?
        .to_string();
    let read = || -> Result<(String, String), UnitProblemKind> {
        let (mut source, mut target) = (String::new(), String::new());
        let mut segments = 0;
        for part in unit
            .elements()
            .filter(|e| e.is("segment") || e.is("ignorable"))
        {
            segments += usize::from(part.is("segment"));
            let src = inline_text(part.child("source").ok_or(UnitProblemKind::NoSegment)?)?;
            let trg = match part.child("target") {
                Some(t) => inline_text(t)?,
                None if part.is("ignorable") => src.clone(),
                None => return Err(UnitProblemKind::MissingTarget),
            };
            source.push_str(&src);
            target.push_str(&trg);
        }
        if segments == 0 {
            return Err(UnitProblemKind::NoSegment);
        }
        if target.trim().is_empty() {
            return Err(UnitProblemKind::EmptyTarget);
        }
        if let Some((_, c)) = first_control(&target) {
            return Err(UnitProblemKind::Control { code: code_point(c) });
        }
        if target.len() > MAX_TEXT_BYTES {
            return Err(UnitProblemKind::TooLong { size: target.len(), limit: MAX_TEXT_BYTES });
        }
        Ok((source, target))
    };
    Ok(ReadUnit {
        id,
        line,
        texts: read(),
    })
}

/// Units of a `<file>` or `<group>`, in document order.
fn read_units(parent: &Element, positions: &Positions<'_>, out: &mut Vec<ReadUnit>) -> Result<(), XliffError> {
    for e in parent.elements() {
        if e.is("unit") {
            out.push(read_unit(e, positions)?);
        } else if e.is("group") {
            read_units(e, positions, out)?;
        }
    }
    Ok(())
}

/// Reads a translator's XLIFF 2.0 file back into `request`: every
/// translatable answer takes its target text, `lang.request` becomes the
/// file's target language, `translation.original` keeps the drafter's text
/// by path and `translation.original_lang` its language, and a translation
/// status other than certified becomes done.
///
/// All or nothing: any problem (see [`XliffError`]; unit problems are all
/// reported together, each with its id) leaves the request as it was.
pub fn import(request: &Request, xliff_text: &str) -> Result<Request, XliffError> {
    if !request.translation.original.is_empty() {
        return Err(XliffError::AlreadyTranslated {
            lang: super::language_as_given(request.lang.request, &request.lang.request_other),
        });
    }
    let root = parse(xliff_text)?;
    let positions = Positions::new(xliff_text);
    if !root.is("xliff") {
        let found = match (&root.namespace, root.name.as_str()) {
            (Some(ns), "xliff") => format!(
                "<xliff> in namespace {ns} (version {})",
                root.attr("version").unwrap_or("not given")
            ),
            (Some(ns), name) => format!("<{name}> in namespace {ns}"),
            (None, name) => format!("<{name}>"),
        };
        return Err(XliffError::NotXliff { found });
    }
    let version = root.attr("version").unwrap_or_default();
    if version != "2.0" {
        return Err(XliffError::WrongVersion {
            found: version.to_string(),
        });
    }
    let expected_src = match source_lang(request) {
        s if s.is_empty() => "und".to_string(),
        s => s,
    };
    let src = root.attr("srcLang").unwrap_or_default();
    if !src.eq_ignore_ascii_case(&expected_src) {
        return Err(XliffError::WrongSourceLanguage {
            expected: expected_src,
            found: src.to_string(),
        });
    }
    let trg = root.attr("trgLang").unwrap_or_default();
    let target = Lang::ALL
        .into_iter()
        .find(|l| l.code().eq_ignore_ascii_case(trg))
        .ok_or_else(|| XliffError::UnsupportedTargetLanguage {
            found: trg.to_string(),
        })?;
    if target.code() == expected_src {
        return Err(XliffError::SameLanguage { lang: expected_src });
    }
    let files: Vec<&Element> = root.elements().filter(|e| e.is("file")).collect();
    let [file] = files.as_slice() else {
        let (line, column) = positions.line_column(root.offset);
        return Err(XliffError::Structure {
            line,
            column,
            message: format!("expected one <file> element, found {}", files.len()),
        });
    };
    let found_identity = file.attr("original").unwrap_or_default();
    if found_identity != identity(request) {
        let described = file
            .child("notes")
            .and_then(|n| {
                n.elements()
                    .find(|e| e.is("note") && e.attr("category") == Some("request"))
            })
            .and_then(|n| inline_text(n).ok());
        let found = match described {
            Some(d) => format!("{}; identity {found_identity:?}", visible(&d)),
            None => format!("identity {found_identity:?}"),
        };
        return Err(XliffError::OtherRequest {
            expected: describe(request),
            found,
        });
    }

    let expected: BTreeMap<String, Unit> = units(request)
        .into_iter()
        .map(|u| (u.id.clone(), u))
        .collect();
    let mut read = Vec::new();
    read_units(file, &positions, &mut read)?;
    let mut problems = Vec::new();
    let mut translations: BTreeMap<&str, (&str, &str)> = BTreeMap::new();
    for unit in &read {
        let problem = |kind| UnitProblem {
            id: unit.id.clone(),
            line: Some(unit.line),
            kind,
        };
        let Some(wanted) = expected.get(&unit.id) else {
            problems.push(problem(UnitProblemKind::Unknown));
            continue;
        };
        if translations.contains_key(unit.id.as_str()) {
            problems.push(problem(UnitProblemKind::Duplicate));
            continue;
        }
        match &unit.texts {
            Err(kind) => problems.push(problem(kind.clone())),
            Ok((source, _)) if *source != wanted.source => {
                problems.push(problem(UnitProblemKind::StaleSource))
            }
            Ok((source, target)) => {
                translations.insert(&unit.id, (source, target));
                continue;
            }
        }
        // Mark the id as seen so that it is not also reported missing.
        translations.insert(&unit.id, ("", ""));
    }
    for id in expected.keys() {
        if !translations.contains_key(id.as_str()) {
            problems.push(UnitProblem {
                id: id.clone(),
                line: None,
                kind: UnitProblemKind::Missing,
            });
        }
    }
    if !problems.is_empty() {
        return Err(XliffError::Units { problems });
    }

    let mut value = serde_json::to_value(request).expect("a request always serialises");
    let mut original = BTreeMap::new();
    for (id, (source, target)) in translations {
        let slot = get_mut(&mut value, id).expect("every unit id is the path of a text answer");
        *slot = Value::String(target.to_string());
        original.insert(id.to_string(), source.to_string());
    }
    let mut translated: Request =
        serde_json::from_value(value).expect("replacing text with text keeps the request's shape");
    translated.lang.request = DocumentLanguage::from_code(target.code());
    translated.lang.request_other.clear();
    translated.translation.original = original;
    translated.translation.original_lang = expected_src;
    if translated.translation.status != Some(TranslationStatus::Certified) {
        translated.translation.status = Some(TranslationStatus::Done);
    }
    Ok(translated)
}
