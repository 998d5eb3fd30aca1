//! The translation workflow: the drafter's free text goes to a human
//! translator as an XLIFF 2.0 file and comes back into the request.
//!
//! Which answers are free text to translate is a fact of the wizard
//! ([`crate::interview::Field::translatable`]). [`units`] lists the non-empty
//! translatable answers the wizard currently shows for the request (steps of
//! its kind whose conditions hold, every item of repeatable groups), each
//! under its dotted path (`persons.0.location`, `mla.statements.1.questions`),
//! which is the unit id in the file. [`export`] writes them as XLIFF 2.0 with
//! the field's English label as a note; [`import`] reads the translator's
//! file back.
//!
//! The file carries the request's identity ([`identity`]: a hash of its kind,
//! own file number and requested State), so that a file made for another
//! request is recognised even when some of its texts happen to match.
//!
//! Architecture invariant: **import is all or nothing, and the file is
//! untrusted.** It is read with a real XML parser; a document type
//! declaration (and with it any entity declaration) is refused, as is every
//! entity other than the five of XML. Every problem is collected first, each
//! naming its unit id; the request is changed only when there is none. The
//! result keeps the drafter's text in `translation.original` (by path) and its
//! language in `translation.original_lang`, for a bilingual annex.

mod error;
mod export;
mod file;
mod import;
mod position;
mod xml;

use crate::i18n::Lang;
use crate::request::{DocumentLanguage, Request};
use crate::interview::units;

pub use error::{UnitProblem, UnitProblemKind, XliffError};
pub use export::export;
pub use file::{import_file, ImportFileError, MAX_FILE_BYTES};
pub use import::import;

/// Namespace of XLIFF 2.0 documents.
pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// Prefix of the request identity written in `<file original="…">`.
pub const IDENTITY_PREFIX: &str = "mla-writer:request:";

/// 64-bit FNV-1a: a stable hash for recognising a request, not a security
/// measure.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The identity written into an exported file: a hash of the request's kind,
/// own file number (`case.internal_ref`) and requested State (by its
/// English name, as a request of an older format typed it), which do not
/// change while a request is translated.
pub fn identity(request: &Request) -> String {
    let key = format!(
        "{}\u{1f}{}\u{1f}{}",
        request.kind.key(),
        request.case.internal_ref.trim(),
        crate::request::addressee::state_name(request, "en")
    );
    format!("{IDENTITY_PREFIX}{:016x}", fnv1a(key.as_bytes()))
}

/// The request in words, for the translator and for error messages.
pub fn describe(request: &Request) -> String {
    let or_none = |s: &str| {
        if s.trim().is_empty() {
            "(none)".to_string()
        } else {
            s.trim().to_string()
        }
    };
    format!(
        "{} request, own file {}, to {}",
        request.kind.key(),
        or_none(&request.case.internal_ref),
        or_none(&crate::request::addressee::state_name(request, "en"))
    )
}

/// The ISO 639-1 code of the drafting language; empty when the request
/// names none of the six.
fn source_lang(request: &Request) -> String {
    request.lang.drafting_code().unwrap_or_default().to_string()
}

/// A language of the request as an error names it: its code, or the other
/// language as typed.
fn language_as_given(choice: Option<DocumentLanguage>, other: &str) -> String {
    match choice {
        // By its English CLDR name (the errors are in English), or as typed.
        Some(DocumentLanguage::Other) => crate::directory::language_names::name_or_typed(other, "en").to_string(),
        Some(language) => language.key().to_string(),
        None => String::new(),
    }
}

/// Whether `request` can be exported for translation into `target`: it
/// names its drafting language, is not already a translation, is not drafted
/// in `target`, and has free text.
pub fn check_exportable(request: &Request, target: Lang) -> Result<(), XliffError> {
    let src = source_lang(request);
    if src.is_empty() {
        return Err(XliffError::NoDraftingLanguage {
            found: language_as_given(request.lang.drafting, &request.lang.drafting_other),
        });
    }
    if !request.translation.original.is_empty() {
        return Err(XliffError::AlreadyTranslated {
            lang: language_as_given(request.lang.request, &request.lang.request_other),
        });
    }
    if src == target.code() {
        return Err(XliffError::SameLanguage { lang: src });
    }
    if units(request).is_empty() {
        return Err(XliffError::NothingToTranslate);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::Person;

    #[test]
    fn a_drafting_language_beyond_the_six_is_named_in_the_refusal_never_by_its_code() {
        let mut r = example();
        r.lang.drafting = Some(DocumentLanguage::Other);
        r.lang.drafting_other = "no".into();
        let Err(XliffError::NoDraftingLanguage { found }) = check_exportable(&r, Lang::Fr) else { panic!("exportable") };
        assert_eq!(found, "Norwegian");
        r.lang.drafting_other = "Norlandic".into();
        let Err(XliffError::NoDraftingLanguage { found }) = check_exportable(&r, Lang::Fr) else { panic!("exportable") };
        assert_eq!(found, "Norlandic", "an older draft's text, as typed");
    }

    fn example() -> Request {
        crate::request::read::parse_request(
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/mla-evidence-fraud-arden-norland.json")),
            "example",
        )
        .unwrap()
    }

    #[test]
    fn exporting_twice_gives_identical_bytes() {
        let request = example();
        assert_eq!(export(&request, Lang::Fr), export(&request, Lang::Fr));
        assert_eq!(
            export(&request, Lang::Fr),
            export(&request.clone(), Lang::Fr)
        );
    }

    #[test]
    fn units_follow_the_wizard_and_cover_every_group_item() {
        let ids: Vec<String> = units(&example()).into_iter().map(|u| u.id).collect();
        for id in [
            "facts.summary",
            "proc.subject_matter",
            "persons.0.location",
            "persons.2.location",
            "offences.1.provision_text",
            "mla.statements.0.questions",
            "mla.records.0.relevance",
        ] {
            assert!(ids.contains(&id.to_string()), "{id} missing from {ids:?}");
        }
        for id in [
            "req_auth.email",
            "persons.0.family_name",
            "mla.records.0.accounts",
            "case.internal_ref",
            "mla.statements.0.interpreter_lang",
        ] {
            assert!(!ids.contains(&id.to_string()), "{id} should not be a unit");
        }
        let facts = ids.iter().position(|i| i == "facts.summary").unwrap();
        let persons = ids.iter().position(|i| i == "persons.0.location").unwrap();
        assert!(facts < persons, "units are in wizard order");
    }

    #[test]
    fn hidden_answers_are_not_sent_for_translation() {
        let mut request = example();
        request.emergency.emergency_facts = "Left over from another kind".into();
        request.persons.push(Person {
            legal_form: "Hidden for a natural person".into(),
            person_type: Some(crate::request::PersonType::Natural),
            ..Default::default()
        });
        let ids: Vec<String> = units(&request).into_iter().map(|u| u.id).collect();
        assert!(!ids.iter().any(|i| i.starts_with("emergency.")), "{ids:?}");
        assert!(
            !ids.contains(&"persons.3.legal_form".to_string()),
            "{ids:?}"
        );
    }

    #[test]
    fn identity_depends_on_kind_file_and_state_only() {
        let request = example();
        let mut edited = request.clone();
        edited.facts.summary.push_str(" More.");
        assert_eq!(identity(&request), identity(&edited));
        let mut other = request.clone();
        other.case.internal_ref = "PPO-2026-0999".into();
        assert_ne!(identity(&request), identity(&other));
    }

    #[test]
    fn markup_characters_and_line_breaks_survive_a_round_trip() {
        let mut request = example();
        let tricky = "A < B & C > D, \"quoted\" and 'single';\r\nline two\u{fffe} ]]> end\n\tindented";
        request.facts.summary = tricky.into();
        request.facts.evidence_so_far = "شهادات ٣٨ مستثمرًا؛ 38 名投资者的陈述".into();
        let xliff = export(&request, Lang::Fr);
        assert!(xliff.contains("A &lt; B &amp; C &gt; D"), "{xliff}");
        assert!(xliff.contains("<cp hex=\"FFFE\"/>"), "{xliff}");
        let filled = fill_targets_with_sources(&xliff);
        let back = import(&request, &filled).unwrap();
        assert_eq!(back.facts.summary, tricky);
        assert_eq!(back.facts.evidence_so_far, request.facts.evidence_so_far);
        assert_eq!(back.translation.original["facts.summary"], tricky);
    }

    #[test]
    fn a_control_character_in_a_target_is_refused_and_named_with_its_unit() {
        let request = example();
        let filled = fill_targets_with_sources(&export(&request, Lang::Fr));
        let at = filled.find("<target>").unwrap() + "<target>".len();
        for control in ["<cp hex=\"1B\"/>[2J", "\u{1b}[2J", "<cp hex=\"9B\"/>", "<cp hex=\"D\"/>"] {
            let hostile = format!("{}{control}{}", &filled[..at], &filled[at..]);
            let Err(XliffError::Units { problems }) = import(&request, &hostile) else { panic!("{control} imported") };
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert!(matches!(&problems[0].kind, UnitProblemKind::Control { .. }), "{problems:?}");
        }
        let hostile = format!("{}<cp hex=\"1B\"/>{}", &filled[..at], &filled[at..]);
        let message = import(&request, &hostile).unwrap_err().to_string();
        assert!(message.contains("control character U+001B"), "{message}");
        assert!(!message.contains('\u{1b}'), "{message}");
    }

    #[test]
    fn ids_and_notes_quoted_in_errors_show_their_control_characters() {
        let request = example();
        let filled = fill_targets_with_sources(&export(&request, Lang::Fr));
        let renamed = filled.replacen("<unit id=\"", "<unit id=\"\u{1b}]0;pwned\u{7}", 1);
        let message = import(&request, &renamed).unwrap_err().to_string();
        assert!(message.contains("unit \\u{1b}]0;pwned\\u{7}"), "{message}");
        assert!(!message.contains('\u{1b}') && !message.contains('\u{7}'), "{message}");

        let mut other = request.clone();
        other.case.internal_ref = "PPO-2026-0999".into();
        let foreign = export(&other, Lang::Fr).replacen("<note category=\"request\">", "<note category=\"request\">\u{1b}[31m", 1);
        let message = import(&request, &foreign).unwrap_err().to_string();
        assert!(message.contains("\\u{1b}[31m"), "{message}");
        assert!(!message.contains('\u{1b}'), "{message}");
    }

    /// Copies each source into a target after it: a stand-in translator.
    fn fill_targets_with_sources(xliff: &str) -> String {
        let mut out = String::new();
        let mut rest = xliff;
        while let Some(start) = rest.find("<source>") {
            let end = start + rest[start..].find("</source>").unwrap() + "</source>".len();
            out.push_str(&rest[..end]);
            out.push_str(
                &rest[start..end]
                    .replace("<source>", "<target>")
                    .replace("</source>", "</target>"),
            );
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }
}
