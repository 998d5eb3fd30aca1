//! The request templates of `templates/`, compiled into the binary so the app
//! and the CLI work from any directory.

use handlebars::Handlebars;
use thiserror::Error;

use crate::document::escape_inserted_text;
use crate::model::RequestKind;

/// Templates shipped with the build: (name, source).
const TEMPLATES: &[(&str, &str)] = &[(
    "mla_evidence.en",
    include_str!("../templates/mla_evidence.en.hbs"),
)];

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
    }
}

/// A template engine loaded with every shipped template, in strict mode (a
/// misspelt variable is an error, not an empty string).
pub fn registry() -> Result<Handlebars<'static>, TemplateError> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_escape_fn(escape_inserted_text);
    for (name, source) in TEMPLATES {
        hb.register_template_string(name, *source).map_err(|e| TemplateError::Compile {
            template: name.to_string(),
            message: e.to_string(),
        })?;
    }
    Ok(hb)
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
        for (name, source) in TEMPLATES {
            assert!(!source.contains("{{{"), "template {name} uses unescaped `{{{{{{`");
        }
    }
}
