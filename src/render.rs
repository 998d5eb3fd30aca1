//! The pipeline end to end: request → document → pages → PDF bytes.

use std::sync::OnceLock;

use handlebars::Handlebars;

use crate::document::{self, Document};
use crate::fonts::Fonts;
use crate::layout::{self, PageSize};
use crate::model::Request;
use crate::templates::{self, TemplateError};

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(Fonts::load)
}

fn registry() -> Result<&'static Handlebars<'static>, TemplateError> {
    static REGISTRY: OnceLock<Handlebars<'static>> = OnceLock::new();
    if let Some(r) = REGISTRY.get() {
        return Ok(r);
    }
    let built = templates::registry()?;
    Ok(REGISTRY.get_or_init(|| built))
}

/// The document tree of a request (what the preview shows).
pub fn document(request: &Request) -> Result<Document, TemplateError> {
    document::build(registry()?, request)
}

/// The request as an A4 PDF.
pub fn pdf(request: &Request) -> Result<Vec<u8>, TemplateError> {
    let doc = document(request)?;
    let laid = layout::lay_out(fonts(), &doc, PageSize::A4);
    Ok(crate::pdf::write(fonts(), &laid, &doc.title))
}
