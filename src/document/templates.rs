//! The request templates of `templates/` and their phrase catalogues, compiled
//! into the binary so the app and the CLI work from any directory.
//!
//! One template per request kind, sharing partials; none holds a fixed word.
//! Every heading, label and sentence is a phrase of
//! `templates/phrases/<lang>.json`, looked up in the document's language by
//! the helpers registered here:
//!
//! - `{{t "key" name=value}}` — the phrase `key`, its `{name}` placeholders
//!   filled with the values given. Further positional arguments that are
//!   non-empty strings extend the key with a dot (`{{t "oath" oath}}` is the
//!   phrase `oath.sworn` when `oath` is `"sworn"`), so a sentence that varies
//!   with a vocabulary value is written whole in each language.
//! - `{{opt "Vocabulary" value}}` — the wording of a vocabulary value from the
//!   wizard's catalogue, one line per value of a list.
//! - `{{language value}}` — a language as the request stores it (an ISO 639
//!   code, or a list of them) by its CLDR name in the document's language;
//!   text of an older draft that names no language, as typed
//! - `{{date value}}` — a `YYYY-MM-DD` (or `YYYY-MM-DDTHH:MM[:SS]`) value in ISO
//!   form with the long date of the document's language in brackets
//!   ("2027-03-15 (15 March 2027)"); anything else as typed.
//!
//! The language is the view's `lang` (see [`crate::document::view`]). A
//! missing phrase, a placeholder without a value or a value without a
//! placeholder is an error, never a raw key in a document.
//!
//! The helpers compute a value (`call_inner`), so that a helper used as a
//! subexpression (`{{t "sign.done" date=(date request.sign.date)}}`) hands its
//! plain text to the outer one, and the engine writes what a template prints
//! through its escape function, [`escape_inserted_text`], like any
//! `{{value}}`: neither a typed value nor a phrase can become markup (see
//! [`crate::document::inserted`]).
//!
//! Architecture invariant: every phrase exists in all six languages with the
//! placeholders of English, and every phrase a template names exists (tested).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use handlebars::{
    Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, RenderErrorReason,
    ScopedJson,
};
use serde_json::Value;
use thiserror::Error;

use crate::document::inserted::escape_inserted_text;
use crate::i18n::placeholders::{fill, placeholders};
use crate::i18n::Lang;
use crate::request::dates::parse_date_time;
use crate::request::RequestKind;

/// Templates shipped with the build: (name, source).
const TEMPLATES: &[(&str, &str)] = &[
    (
        "mla_evidence",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/mla_evidence.hbs")),
    ),
    (
        "preservation",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/preservation.hbs")),
    ),
    (
        "emergency_disclosure",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/emergency_disclosure.hbs")),
    ),
    (
        "transfer_of_proceedings",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/transfer_of_proceedings.hbs")),
    ),
];

/// Partials shared by the templates: (name, source).
const PARTIALS: &[(&str, &str)] = &[
    ("head", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/head.hbs"))),
    ("basis", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/basis.hbs"))),
    ("certificate", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/certificate.hbs"))),
    (
        "offences",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/offences.hbs")),
    ),
    ("persons", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/persons.hbs"))),
    (
        "proceedings",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/proceedings.hbs")),
    ),
    (
        "procedures",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/procedures.hbs")),
    ),
    (
        "data_table",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/data_table.hbs")),
    ),
    ("timing", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/timing.hbs"))),
    ("further", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/further.hbs"))),
    ("closing", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/closing.hbs"))),
    // The assistance of an MLA request, a partial per module (small sources
    // also keep compiling fast: the template parser is quadratic in a
    // source's length).
    ("mla_statements", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/mla/statements.hbs"))),
    ("mla_service", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/mla/service.hbs"))),
    ("mla_searches", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/mla/searches.hbs"))),
    ("mla_freezing", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/mla/freezing.hbs"))),
    ("mla_records", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/mla/records.hbs"))),
    ("mla_stored_data", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/mla/stored_data.hbs"))),
    ("mla_real_time", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/mla/real_time.hbs"))),
    ("mla_videoconference", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/mla/videoconference.hbs"))),
    ("mla_detainee_transfer", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/mla/detainee_transfer.hbs"))),
    ("mla_tracing", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/mla/tracing.hbs"))),
    ("mla_appearance", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/mla/appearance.hbs"))),
    ("mla_joint_team", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/mla/joint_team.hbs"))),
    ("mla_controlled_delivery", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/mla/controlled_delivery.hbs"))),
    ("mla_examination", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/mla/examination.hbs"))),
    ("mla_other", include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/partials/mla/other.hbs"))),
];

/// The phrase catalogue of a language, as shipped.
fn phrase_source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/phrases/en.json")),
        Lang::Fr => include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/phrases/fr.json")),
        Lang::Es => include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/phrases/es.json")),
        Lang::Ru => include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/phrases/ru.json")),
        Lang::Ar => include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/phrases/ar.json")),
        Lang::Zh => include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/phrases/zh.json")),
    }
}

/// The phrases of `lang` (key → text), parsed once per process.
pub fn phrases(lang: Lang) -> &'static BTreeMap<String, String> {
    static PHRASES: [OnceLock<BTreeMap<String, String>>; 6] = [const { OnceLock::new() }; 6];
    let index = Lang::ALL
        .iter()
        .position(|l| *l == lang)
        .expect("every language is in ALL");
    PHRASES[index].get_or_init(|| {
        serde_json::from_str(phrase_source(lang)).unwrap_or_else(|e| {
            panic!(
                "templates/phrases/{}.json is not a flat JSON object of strings: {e}",
                lang.code()
            )
        })
    })
}

/// The phrase `key` of `lang`, if the catalogue has it.
pub fn phrase(lang: Lang, key: &str) -> Option<&'static str> {
    phrases(lang).get(key).map(String::as_str)
}

/// A stored date (`YYYY-MM-DD`, optionally followed by `THH:MM` or
/// `THH:MM:SS`) as the long date of `lang` ("27 November 2026",
/// "2026年11月27日"), the time as stored after it; any other text comes back
/// as it is.
pub fn long_date(lang: Lang, text: &str) -> String {
    let trimmed = text.trim();
    let (day_part, time_part) = match trimmed.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (trimmed, None),
    };
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let Ok(date) = time::Date::parse(day_part, format) else {
        return text.to_string();
    };
    if time_part.is_some() && parse_date_time(trimmed).is_none() {
        return text.to_string();
    }
    let get = |key: &str| phrase(lang, key).unwrap_or_default();
    let key = if date.day() == 1 {
        "date.long_first"
    } else {
        "date.long"
    };
    let month = get(&format!("month.{}", u8::from(date.month())));
    let day = fill(get(key), |name| match name {
        "day" => Some(date.day().to_string()),
        "month" => Some(month.to_string()),
        "year" => Some(date.year().to_string()),
        _ => None,
    })
    .unwrap_or_else(|_| trimmed.to_string());
    match time_part {
        None => day,
        Some(t) => fill(get("date.with_time"), |name| match name {
            "date" => Some(day.clone()),
            "time" => Some(t.to_string()),
            _ => None,
        })
        .unwrap_or_else(|_| trimmed.to_string()),
    }
}

/// A stored date as a request prints it: the ISO date, then the long date of
/// `lang` in brackets ("2027-03-15 (15 March 2027)"); with a time
/// (`YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`), the time follows the ISO
/// date, its seconds kept ("2027-03-15 08:12:37 (15 March 2027)"). Any other
/// text comes back as it is.
pub fn document_date(lang: Lang, text: &str) -> String {
    let trimmed = text.trim();
    let (day_part, time_part) = match trimmed.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (trimmed, None),
    };
    let long = long_date(lang, trimmed);
    if long == text {
        return long;
    }
    let iso = match time_part {
        Some(t) => format!("{day_part} {t}"),
        None => day_part.to_string(),
    };
    fill(phrase(lang, "date.iso_long").unwrap_or("{iso} ({long})"), |name| match name {
        "iso" => Some(iso.clone()),
        "long" => Some(long_date(lang, day_part)),
        _ => None,
    })
    .unwrap_or(long)
}

/// A failure to turn a request into a document.
#[derive(Debug, Error)]
pub enum TemplateError {
    /// A template does not compile.
    #[error("template `{template}` does not compile: {message}")]
    Compile {
        /// Template name.
        template: String,
        /// What the engine said.
        message: String,
    },
    /// A template failed while filling it.
    #[error("template `{template}` failed: {message}")]
    Render {
        /// Template name.
        template: String,
        /// What the engine said.
        message: String,
    },
    /// The template produced markup the document parser does not accept.
    #[error("template markup, line {line}: {message}")]
    Markup {
        /// 1-based line of the markup.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Name of the template of a request kind.
pub fn template_name(kind: RequestKind) -> &'static str {
    match kind {
        RequestKind::MlaEvidence => "mla_evidence",
        RequestKind::Preservation => "preservation",
        RequestKind::EmergencyDisclosure => "emergency_disclosure",
        RequestKind::TransferOfProceedings => "transfer_of_proceedings",
    }
}

/// A template engine loaded with every shipped template, in strict mode (a
/// misspelt variable is an error, not an empty string).
pub fn registry() -> Result<Handlebars<'static>, TemplateError> {
    engine_with(TEMPLATES.iter(), PARTIALS.iter())
}

/// A template engine loaded with only what the template of `kind` needs:
/// compiling templates is most of the cost of a first render.
pub fn registry_for(kind: RequestKind) -> Result<Handlebars<'static>, TemplateError> {
    let name = template_name(kind);
    let mla = kind == RequestKind::MlaEvidence;
    engine_with(
        TEMPLATES.iter().filter(|(n, _)| *n == name),
        PARTIALS.iter().filter(|(n, _)| mla || !n.starts_with("mla_")),
    )
}

/// A template engine in strict mode, whose escape function keeps inserted
/// text out of the markup, loaded with `partials`, the helpers and
/// `templates`.
fn engine_with<'a>(
    templates: impl Iterator<Item = &'a (&'static str, &'static str)>,
    partials: impl Iterator<Item = &'a (&'static str, &'static str)>,
) -> Result<Handlebars<'static>, TemplateError> {
    let mut engine = Handlebars::new();
    engine.set_strict_mode(true);
    engine.register_escape_fn(escape_inserted_text);
    for (name, source) in partials {
        engine.register_partial(name, *source)
            .map_err(|e| TemplateError::Compile {
                template: format!("partials/{name}"),
                message: e.to_string(),
            })?;
    }
    engine.register_helper("t", Box::new(PhraseHelper));
    engine.register_helper("opt", Box::new(OptionHelper));
    engine.register_helper("date", Box::new(DateHelper));
    engine.register_helper("language", Box::new(LanguageHelper));
    for (name, source) in templates {
        engine.register_template_string(name, *source)
            .map_err(|e| TemplateError::Compile {
                template: name.to_string(),
                message: e.to_string(),
            })?;
    }
    Ok(engine)
}

/// A helper's error, as the engine reports it.
fn render_failure(message: String) -> RenderError {
    RenderErrorReason::Other(message).into()
}

/// The document's language: the `lang` of the view at the root of the context.
fn document_lang(ctx: &Context) -> Result<Lang, RenderError> {
    let code = ctx
        .data()
        .get("lang")
        .and_then(Value::as_str)
        .unwrap_or_default();
    Lang::ALL
        .into_iter()
        .find(|l| l.code() == code)
        .ok_or_else(|| {
            render_failure(format!(
                "the view has no document language (`lang` is {code:?})"
            ))
        })
}

/// A value inserted into a phrase, as text.
fn value_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A helper's result: its text, as a value the engine escapes when a
/// template prints it and passes as it is to an outer helper.
fn text_value<'rc>(text: String) -> Result<ScopedJson<'rc>, RenderError> {
    Ok(ScopedJson::Derived(Value::String(text)))
}

/// `{{t "key" [sub…] name=value…}}`: see the module documentation.
struct PhraseHelper;

impl HelperDef for PhraseHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        helper: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let lang = document_lang(ctx)?;
        let mut key = helper
            .param(0)
            .and_then(|p| p.value().as_str())
            .ok_or_else(|| render_failure("`t` needs a phrase key as its first argument".into()))?
            .to_string();
        for part in helper.params().iter().skip(1) {
            match part.value() {
                Value::String(s) if !s.is_empty() => {
                    key.push('.');
                    key.push_str(s);
                }
                Value::String(_) | Value::Null => {}
                other => return Err(render_failure(format!("`t \"{key}\"`: a key part must be text, found {other}"))),
            }
        }
        let text = phrase(lang, &key)
            .ok_or_else(|| render_failure(format!("no phrase `{key}` in templates/phrases/{}.json", lang.code())))?;
        let wanted = placeholders(text);
        if let Some(extra) = helper.hash().keys().find(|name| !wanted.contains(name)) {
            return Err(render_failure(format!("phrase `{key}` ({}) has no placeholder `{{{extra}}}`", lang.code())));
        }
        // A value enters the phrase isolated, as a printed value enters the
        // document (`InsertedTexts::isolated`).
        let filled = fill(text, |name| helper.hash_get(name).map(|v| crate::document::direction::isolated(&value_text(v.value()), lang.rtl())))
            .map_err(|e| render_failure(format!("phrase `{key}` ({}): {e}", lang.code())))?;
        text_value(filled)
    }
}

/// `{{opt "Vocabulary" value}}`: the wording of a vocabulary value in the
/// document's language (each value of a list on its own line), from the
/// wizard's catalogue.
struct OptionHelper;

impl HelperDef for OptionHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        helper: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let lang = document_lang(ctx)?;
        let vocabulary = helper.param(0).and_then(|p| p.value().as_str()).unwrap_or_default();
        let catalogue = crate::i18n::catalogue(lang);
        let word = |v: &Value| v.as_str().map(|key| catalogue.get(&format!("option.{vocabulary}.{key}")));
        let text = match helper.param(1).map(|p| p.value()) {
            Some(Value::Array(values)) => values.iter().filter_map(word).collect::<Vec<_>>().join("\n"),
            Some(v) => word(v).unwrap_or_default(),
            None => String::new(),
        };
        text_value(text)
    }
}

/// `{{language value}}`: a language as a request stores it (an ISO 639
/// code, or a list of them) named in the document's language from the CLDR
/// ([`crate::directory::language_names`]); text of an older draft that
/// names no language is printed as typed. The items of a list are joined
/// by the language's list separator (`doc.list_separator`).
struct LanguageHelper;

impl HelperDef for LanguageHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        helper: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let lang = document_lang(ctx)?;
        let named = |v: &Value| v.as_str().map(|stored| crate::directory::language_names::name_or_typed(stored, lang.code()).to_string());
        let text = match helper.param(0).map(|p| p.value()) {
            Some(Value::Array(values)) => values
                .iter()
                .filter_map(named)
                .filter(|n| !n.is_empty())
                .collect::<Vec<_>>()
                .join(phrase(lang, "doc.list_separator").unwrap_or(", ")),
            Some(v) => named(v).unwrap_or_default(),
            None => String::new(),
        };
        text_value(text)
    }
}

/// `{{date value}}`: a stored date as the document prints it, in ISO form and
/// as the long date of the document's language ([`document_date`]).
struct DateHelper;

impl HelperDef for DateHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        helper: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let lang = document_lang(ctx)?;
        let text = helper.param(0).map(|p| value_text(p.value())).unwrap_or_default();
        text_value(document_date(lang, &text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_templates_compile() {
        registry().unwrap();
    }

    /// An `opt` naming a vocabulary the catalogue does not word would print
    /// its raw key ("option.Name.en").
    #[test]
    fn every_vocabulary_an_opt_names_is_worded() {
        let english = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en.json"));
        let mut named = 0;
        for (name, source) in TEMPLATES.iter().chain(PARTIALS) {
            for rest in source.split("{{opt \"").skip(1) {
                let vocabulary = rest.split('"').next().unwrap_or_default();
                let prefix = format!("\"option.{vocabulary}.");
                assert!(english.contains(&prefix), "template {name} words values of {vocabulary:?}, which the catalogue lacks");
                named += 1;
            }
        }
        assert!(named > 5, "the templates word vocabularies with opt");
    }

    /// Unescaped output would let typed text become markup.
    #[test]
    fn no_template_uses_triple_stash() {
        for (name, source) in TEMPLATES.iter().chain(PARTIALS) {
            assert!(
                !source.contains("{{{"),
                "template {name} uses unescaped `{{{{{{`"
            );
        }
    }

    /// Every phrase key a template names, with `*` for a key extended by a
    /// value (`{{t "oath" oath}}` → `oath.*`).
    fn keys_in_templates() -> Vec<(String, bool)> {
        let mut keys = Vec::new();
        for (_, source) in TEMPLATES.iter().chain(PARTIALS) {
            for piece in source
                .split("{{t \"")
                .skip(1)
                .chain(source.split("(t \"").skip(1))
            {
                let (key, rest) = piece.split_once('"').unwrap();
                let args = rest.split("}}").next().unwrap_or_default();
                // Drop subexpressions such as `date=(date request.sign.date)`.
                let mut plain = String::new();
                let mut depth = 0;
                for c in args.chars() {
                    match c {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ if depth == 0 => plain.push(c),
                        _ => {}
                    }
                }
                let extended = plain.split_whitespace().any(|a| !a.contains('='));
                keys.push((key.to_string(), extended));
            }
        }
        keys.sort();
        keys.dedup();
        keys
    }

    #[test]
    fn every_phrase_a_template_names_exists_in_english() {
        let english = phrases(Lang::En);
        let missing: Vec<String> = keys_in_templates()
            .into_iter()
            .filter(|(key, extended)| {
                let prefix = format!("{key}.");
                let extends_a_phrase = *extended && english.keys().any(|k| k.starts_with(&prefix));
                !english.contains_key(key) && !extends_a_phrase
            })
            .map(|(key, _)| key)
            .collect();
        assert!(
            missing.is_empty(),
            "phrases named by templates but missing from en.json: {missing:?}"
        );
    }

    #[test]
    fn every_phrase_exists_in_every_language_with_the_placeholders_of_english() {
        let english = phrases(Lang::En);
        let mut problems = Vec::new();
        for lang in Lang::ALL {
            let own = phrases(lang);
            for (key, text) in english {
                let mut want = placeholders(text);
                want.sort();
                match own.get(key) {
                    None => problems.push(format!("{}: missing {key}", lang.code())),
                    Some(v) if v.trim().is_empty() => {
                        problems.push(format!("{}: empty {key}", lang.code()))
                    }
                    Some(v) => {
                        let mut got = placeholders(v);
                        got.sort();
                        if got != want {
                            problems.push(format!(
                                "{}: {key} has placeholders {got:?}, English has {want:?}",
                                lang.code()
                            ));
                        }
                        if v.contains('|') || v.contains('\n') {
                            problems.push(format!(
                                "{}: {key} holds a `|` or a line break",
                                lang.code()
                            ));
                        }
                    }
                }
            }
            for key in own.keys().filter(|k| !english.contains_key(*k)) {
                problems.push(format!("{}: {key} is not in English", lang.code()));
            }
        }
        assert!(
            problems.is_empty(),
            "{} phrase problems:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }

    #[test]
    fn every_phrase_is_used_by_a_template_or_the_document() {
        let named = keys_in_templates();
        let unused: Vec<&String> = phrases(Lang::En)
            .keys()
            .filter(|k| {
                !["title.", "doc.", "date.", "month.", "articles."]
                    .iter()
                    .any(|p| k.starts_with(p))
            })
            .filter(|k| {
                !named.iter().any(|(key, extended)| {
                    *k == key || (*extended && k.starts_with(&format!("{key}.")))
                })
            })
            .collect();
        assert!(unused.is_empty(), "phrases no template uses: {unused:?}");
    }

    #[test]
    fn dates_print_in_the_long_form_of_each_language() {
        let cases = [
            (Lang::En, "27 November 2026"),
            (Lang::Fr, "27 novembre 2026"),
            (Lang::Es, "27 de noviembre de 2026"),
            (Lang::Ru, "27 ноября 2026\u{a0}г."),
            (Lang::Ar, "27 نوفمبر 2026"),
            (Lang::Zh, "2026年11月27日"),
        ];
        for (lang, want) in cases {
            assert_eq!(long_date(lang, "2026-11-27"), want);
        }
        assert_eq!(long_date(Lang::Fr, "2025-06-01"), "1er juin 2025");
        assert_eq!(
            long_date(Lang::En, "2026-11-15T08:12"),
            "15 November 2026, 08:12"
        );
        assert_eq!(long_date(Lang::En, "2026-11-15T08:12:37"), "15 November 2026, 08:12:37", "the seconds are kept");
        for typed in ["27/11/2026", "2026-02-30", "soon", "", "2026-11-27T25:00", "2026-11-27T08:12:60", "2026-11-27T08:12:37.5", "2026-11-27T8:12"] {
            assert_eq!(long_date(Lang::En, typed), typed);
            assert_eq!(document_date(Lang::En, typed), typed);
        }
    }

    #[test]
    fn dates_print_in_iso_form_with_the_written_month_of_each_language() {
        let cases = [
            (Lang::En, "2027-03-15 (15 March 2027)"),
            (Lang::Fr, "2027-03-15 (15 mars 2027)"),
            (Lang::Es, "2027-03-15 (15 de marzo de 2027)"),
            (Lang::Ru, "2027-03-15 (15 марта 2027\u{a0}г.)"),
            (Lang::Ar, "2027-03-15 (15 مارس 2027)"),
            (Lang::Zh, "2027-03-15（2027年3月15日）"),
        ];
        for (lang, want) in cases {
            assert_eq!(document_date(lang, "2027-03-15"), want);
        }
        assert_eq!(document_date(Lang::En, "2027-03-15T08:12"), "2027-03-15 08:12 (15 March 2027)");
        assert_eq!(document_date(Lang::En, "2027-03-15T08:12:37"), "2027-03-15 08:12:37 (15 March 2027)");
    }

    /// A data range that starts at the creation of the account or at a date
    /// not known prints that start, in every language and every kind that
    /// asks for data, with its end and time zone, and not the start date
    /// left in the request.
    #[test]
    fn a_range_with_an_open_start_prints_it_in_every_language() {
        use crate::checks::tests::{example, Example};
        use crate::request::RangeStart;
        for kind in [Example::Preservation, Example::Emergency] {
            let mut request = example(kind);
            let data = match kind {
                Example::Preservation => &mut request.preservation.data,
                _ => &mut request.emergency.data,
            };
            data[0].range.from = "2019-04-05T06:07:08".into();
            data[0].range.to = "2026-11-15T08:12:37".into();
            let engine = registry_for(request.kind).unwrap();
            for start in RangeStart::ALL {
                match kind {
                    Example::Preservation => request.preservation.data[0].range.start = Some(*start),
                    _ => request.emergency.data[0].range.start = Some(*start),
                }
                for lang in Lang::ALL {
                    let doc = crate::document::build(&engine, &request, lang, false).unwrap().without_isolates();
                    let text = format!("{doc:?}");
                    let phrase = phrase(lang, &format!("period.range_tz.{}", start.key())).unwrap();
                    let opening = phrase.split("{to}").next().unwrap();
                    assert!(text.contains(opening), "{kind:?} {start:?} {}: {opening:?} not printed", lang.code());
                    assert!(text.contains("2026-11-15 08:12:37"), "{kind:?} {}: the end is not printed with its seconds", lang.code());
                    assert!(!text.contains("2019-04-05"), "{kind:?} {}: the start date left in the request is printed", lang.code());
                }
            }
        }
    }

    /// A records period from the opening of the account or a date not known
    /// prints that start, in every language, and not a start date left in
    /// the request.
    #[test]
    fn a_records_period_with_an_open_start_prints_it_in_every_language() {
        use crate::checks::tests::{example, Example};
        use crate::request::RangeStart;
        let mut request = example(Example::Mla);
        request.mla.records[0].period_from = "2011-04-05".into();
        request.mla.records[0].period_to = "2026-11-15".into();
        let engine = registry_for(request.kind).unwrap();
        for start in RangeStart::ALL {
            request.mla.records[0].period_start = Some(*start);
            for lang in Lang::ALL {
                let text = format!("{:?}", crate::document::build(&engine, &request, lang, false).unwrap().without_isolates());
                let opening = phrase(lang, &format!("period.range.{}", start.key())).unwrap().split("{to}").next().unwrap();
                assert!(text.contains(opening), "{start:?} {}: {opening:?} not printed", lang.code());
                assert!(text.contains("2026-11-15"), "{start:?} {}: the end is not printed", lang.code());
                assert!(!text.contains("2011-04-05"), "{start:?} {}: the start date left in the request is printed", lang.code());
            }
        }
    }

    /// Renders `template` over `view` as `document::build` does and reads
    /// its markup.
    fn blocks_of(engine: &Handlebars<'static>, template: &str, view: &Value) -> Result<Vec<crate::document::Block>, String> {
        let (markup, inserted) = crate::document::inserted::collect(|| engine.render_template(template, view));
        let markup = markup.map_err(|e| e.to_string())?;
        crate::document::markup::parse_markup(&markup, &inserted).map_err(|e| e.to_string())
    }

    #[test]
    fn helpers_insert_text_that_cannot_become_markup() {
        use crate::document::Block;
        let engine = registry().unwrap();
        let typed = "Eve\n::h1 Injected | cell {{x}}";
        let view = serde_json::json!({"lang": "en", "person": typed, "day": "2026-11-27\n::h2 X"});
        let template = "::h2 {{t \"statement.take\" person=person}}\n{{date day}}\n{{t \"sign.done\" place=person date=(date \"2026-11-27\")}}\n";
        let blocks = blocks_of(&engine, template, &view).unwrap();
        assert_eq!(
            blocks,
            vec![
                Block::Heading { level: 2, number: Some(1), text: format!("Take the statement of {}.", typed.replace('\n', " ")) },
                Block::Paragraph { lines: vec!["2026-11-27".into(), "::h2 X".into()] },
                Block::Paragraph {
                    lines: vec!["Done at Eve".into(), "::h1 Injected | cell {{x}} on 2026-11-27 (27 November 2026).".into()]
                },
            ]
        );
        let err = blocks_of(&engine, "{{t \"no.such.phrase\"}}", &view).unwrap_err();
        assert!(err.contains("no phrase `no.such.phrase`"), "{err}");
        let err = blocks_of(&engine, "{{t \"statement.take\" name=person}}", &view).unwrap_err();
        assert!(err.contains("no placeholder `{name}`"), "{err}");
    }

    #[test]
    fn an_empty_value_prints_nothing_and_keeps_its_line_empty() {
        let engine = registry().unwrap();
        let view = serde_json::json!({"lang": "en", "blank": "  \n ", "none": "", "list": []});
        assert_eq!(blocks_of(&engine, "::h2 A\n{{blank}}\n{{none}}\n{{opt \"X\" list}}\n", &view).unwrap().len(), 1);
    }

    /// A reference character in a template's own text could name another
    /// inserted text.
    #[test]
    fn no_template_or_phrase_holds_a_reference_character() {
        use crate::document::inserted::{CLOSE, OPEN};
        let phrases = Lang::ALL.into_iter().flat_map(|lang| phrases(lang).values().map(String::as_str));
        let sources = TEMPLATES.iter().chain(PARTIALS).map(|(_, source)| *source);
        for text in sources.chain(phrases) {
            assert!(!text.contains([OPEN, CLOSE]), "{text:?}");
        }
    }
}
