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

/// The request as an A4 PDF, with `watermark` across every page if given.
pub fn pdf(request: &Request, watermark: Option<&str>) -> Result<Vec<u8>, TemplateError> {
    let doc = document(request)?;
    let mut laid = layout::lay_out(fonts(), &doc, PageSize::A4);
    laid.watermark = watermark.map(String::from);
    Ok(crate::pdf::write(fonts(), &laid, &doc.title))
}

/// A PDF ready to leave the office, or a draft.
pub struct Export {
    /// The PDF.
    pub bytes: Vec<u8>,
    /// Whether the request still has errors, so the PDF is marked DRAFT.
    pub draft: bool,
}

/// The word printed across every page of a request that still has errors.
pub const DRAFT_MARK: &str = "DRAFT";

/// Renders a request for export, checked on `today`: a request with errors
/// can only leave as a draft, marked as such on every page.
pub fn export_pdf(request: &Request, today: time::Date) -> Result<Export, TemplateError> {
    let draft = crate::checks::has_errors(&crate::checks::run(request, today));
    let bytes = pdf(request, draft.then_some(DRAFT_MARK))?;
    Ok(Export { bytes, draft })
}
