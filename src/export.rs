//! The pipeline end to end: request → document → pages → PDF bytes.

use std::sync::OnceLock;

use handlebars::Handlebars;

use crate::document::{self, Document};
use crate::layout::fonts::Fonts;
use crate::layout::{self, Paper};
use crate::i18n::Lang;
use crate::request::{Request, RequestKind};
use crate::output::pdf::{self, PdfInfo};
use crate::document::templates::{self, TemplateError};

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(Fonts::load)
}

/// The template engine for a request kind, loaded on first use.
fn registry(kind: RequestKind) -> Result<&'static Handlebars<'static>, TemplateError> {
    static REGISTRIES: [OnceLock<Handlebars<'static>>; 4] = [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = &REGISTRIES[match kind {
        RequestKind::MlaEvidence => 0,
        RequestKind::Preservation => 1,
        RequestKind::EmergencyDisclosure => 2,
        RequestKind::TransferOfProceedings => 3,
    }];
    if let Some(r) = slot.get() {
        return Ok(r);
    }
    let built = templates::registry_for(kind)?;
    Ok(slot.get_or_init(|| built))
}

/// How a request is rendered.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Language of the fixed text.
    pub lang: Lang,
    /// Paper size.
    pub paper: Paper,
    /// When the document is produced (the PDF's dates).
    pub date: time::OffsetDateTime,
    /// Whether a translated request annexes the text it was translated from.
    pub with_original: bool,
    /// For a past revision of a stored draft: which one, said in the running
    /// header of every page.
    pub revision: Option<RevisionMark>,
}

/// A revision of a stored draft, as a document rendered from it names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RevisionMark {
    /// Revision number.
    pub number: i64,
    /// The day it was saved.
    pub saved: time::Date,
}

impl Options {
    /// The request's own language of transmission (English when it names
    /// none of the six), on A4, dated now.
    pub fn for_request(request: &Request) -> Options {
        Options { lang: document_lang(request), paper: Paper::A4, date: time::OffsetDateTime::now_utc(), with_original: false, revision: None }
    }
}

/// The language the request is to be transmitted in (`lang.request`), if it
/// is one of the six; English otherwise.
pub fn document_lang(request: &Request) -> Lang {
    let code = request.lang.request.trim().to_ascii_lowercase();
    Lang::ALL.into_iter().find(|l| l.code() == code).unwrap_or(Lang::En)
}

/// The document tree of a request in `lang` (what the preview shows).
pub fn document(request: &Request, lang: Lang) -> Result<Document, TemplateError> {
    document::build(registry(request.kind)?, request, lang, false)
}

/// The document tree of a request as `options` ask for it; a past
/// revision's running header ends with which revision it is.
fn document_for(request: &Request, options: &Options) -> Result<Document, TemplateError> {
    let mut doc = document::build(registry(request.kind)?, request, options.lang, options.with_original)?;
    if let Some(mark) = options.revision {
        let line = document::revision_line(options.lang, mark.number, mark.saved)?;
        doc.header = if doc.header.is_empty() { line } else { format!("{} · {line}", doc.header) };
    }
    Ok(doc)
}

/// The request as a PDF; a `draft` carries the DRAFT watermark and note on
/// every page.
pub fn pdf(request: &Request, options: &Options, draft: bool) -> Result<Vec<u8>, TemplateError> {
    let doc = document_for(request, options)?;
    let laid = layout::lay_out(fonts(), &doc, options.paper.size(), draft);
    let info = PdfInfo { title: &doc.title, lang: doc.lang.code(), author: &doc.author, date: options.date };
    Ok(pdf::write(fonts(), &laid, &info))
}

/// Any document (a reading copy, for instance) laid out on `paper` as a
/// PDF dated `date`, without draft marking.
pub fn document_pdf(doc: &Document, paper: Paper, date: time::OffsetDateTime) -> Vec<u8> {
    let laid = layout::lay_out(fonts(), doc, paper.size(), false);
    let info = PdfInfo { title: &doc.title, lang: doc.lang.code(), author: &doc.author, date };
    pdf::write(fonts(), &laid, &info)
}

/// The request as an editable DOCX; a `draft` carries the DRAFT mark and
/// note on every page.
pub fn docx(request: &Request, options: &Options, draft: bool) -> Result<Vec<u8>, TemplateError> {
    let doc = document_for(request, options)?;
    Ok(crate::output::docx::write(&doc, options.paper, options.date, draft))
}

/// A PDF or DOCX ready to leave the office, or a draft.
pub struct Export {
    /// The document.
    pub bytes: Vec<u8>,
    /// Whether the request still has errors, so the PDF is marked DRAFT.
    pub draft: bool,
}

/// Renders a request for export, checked on `today`: a request with errors
/// can only leave as a draft, marked as such on every page.
pub fn export_pdf(request: &Request, options: &Options, today: time::Date) -> Result<Export, TemplateError> {
    let draft = crate::checks::request_has_errors(request, today);
    let bytes = pdf(request, options, draft)?;
    Ok(Export { bytes, draft })
}

/// The document as an HTML page, under the same rule as [`export_pdf`]: a
/// request with errors is marked as a draft (its note opens the page).
pub fn export_html(request: &Request, options: &Options, today: time::Date) -> Result<Export, TemplateError> {
    let draft = crate::checks::request_has_errors(request, today);
    let mut doc = document_for(request, options)?;
    if draft {
        let note = crate::document::Block::Meta { text: doc.draft_note.clone() };
        doc.blocks.insert(0, note);
    }
    Ok(Export { bytes: crate::output::html::write(&doc, options.paper).into_bytes(), draft })
}

/// Renders a request for export as a DOCX, checked on `today`, by the same
/// rule as [`export_pdf`]: a request with errors leaves only as a draft.
pub fn export_docx(request: &Request, options: &Options, today: time::Date) -> Result<Export, TemplateError> {
    let draft = crate::checks::request_has_errors(request, today);
    let bytes = docx(request, options, draft)?;
    Ok(Export { bytes, draft })
}
