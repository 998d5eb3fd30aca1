//! The request templates of `templates/`, compiled into the binary so the app
//! and the CLI work from any directory.

use handlebars::Handlebars;
use thiserror::Error;

use crate::document::escape_inserted_text;
use crate::model::RequestKind;

/// Templates shipped with the build: (name, source).
const TEMPLATES: &[(&str, &str)] = &[
    ("mla_evidence.en", include_str!("../templates/mla_evidence.en.hbs")),
    ("preservation.en", include_str!("../templates/preservation.en.hbs")),
    ("emergency_disclosure.en", include_str!("../templates/emergency_disclosure.en.hbs")),
    ("transfer_of_proceedings.en", include_str!("../templates/transfer_of_proceedings.en.hbs")),
];

/// Partials shared by the templates: (name, source).
const PARTIALS: &[(&str, &str)] = &[
    ("head", include_str!("../templates/partials/head.hbs")),
    ("offences", include_str!("../templates/partials/offences.hbs")),
    ("persons", include_str!("../templates/partials/persons.hbs")),
    ("handling", include_str!("../templates/partials/handling.hbs")),
    ("closing", include_str!("../templates/partials/closing.hbs")),
    ("data", include_str!("../templates/partials/data.hbs")),
];

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
        RequestKind::MlaEvidence => "mla_evidence.en",
        RequestKind::Preservation => "preservation.en",
        RequestKind::EmergencyDisclosure => "emergency_disclosure.en",
        RequestKind::TransferOfProceedings => "transfer_of_proceedings.en",
    }
}

/// A template engine loaded with every shipped template, in strict mode (a
/// misspelt variable is an error, not an empty string).
pub fn registry() -> Result<Handlebars<'static>, TemplateError> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_escape_fn(escape_inserted_text);
    for (name, source) in PARTIALS {
        hb.register_partial(name, *source).map_err(|e| TemplateError::Compile {
            template: format!("partials/{name}"),
            message: e.to_string(),
        })?;
    }
    hb.register_helper("opt", Box::new(option_label));
    for (name, source) in TEMPLATES {
        hb.register_template_string(name, *source).map_err(|e| TemplateError::Compile {
            template: name.to_string(),
            message: e.to_string(),
        })?;
    }
    Ok(hb)
}

/// `{{opt "Vocabulary" value}}`: the wording of a vocabulary value (or of
/// each value of a list, joined with "; "), from the catalogue.
fn option_label(
    h: &handlebars::Helper<'_>,
    _: &Handlebars<'_>,
    _: &handlebars::Context,
    _: &mut handlebars::RenderContext<'_, '_>,
    out: &mut dyn handlebars::Output,
) -> handlebars::HelperResult {
    let vocab = h.param(0).and_then(|p| p.value().as_str()).unwrap_or_default();
    let catalogue = crate::locale::catalogue(crate::locale::Lang::En);
    let word = |v: &serde_json::Value| v.as_str().map(|key| catalogue.get(&format!("option.{vocab}.{key}")));
    let text = match h.param(1).map(|p| p.value()) {
        Some(serde_json::Value::Array(values)) => values.iter().filter_map(word).collect::<Vec<_>>().join("; "),
        Some(v) => word(v).unwrap_or_default(),
        None => String::new(),
    };
    out.write(&crate::document::escape_inserted_text(&text))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_templates_compile() {
        registry().unwrap();
    }

    /// Unescaped output would let typed text become markup.
    #[test]
    fn no_template_uses_triple_stash() {
        for (name, source) in TEMPLATES.iter().chain(PARTIALS) {
            assert!(!source.contains("{{{"), "template {name} uses unescaped `{{{{{{`");
        }
    }
}
