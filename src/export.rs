//! The pipeline end to end: request → document → pages → PDF bytes.

use std::sync::OnceLock;

use handlebars::Handlebars;

use crate::directory::demo::Mode;
use crate::document::{self, Document};
use crate::layout::fonts::Fonts;
use crate::layout::{self, Paper};
use crate::i18n::Lang;
use crate::request::{Request, RequestKind};
use crate::output::pdf::{self, PdfInfo};
use crate::document::templates::{self, TemplateError};
use crate::output::annex_pages::{self, AnnexAppender, AnnexPagesError};
use crate::request::AnnexFile;

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
    /// Demo mode or not: outside it, a request addressed to a fictitious
    /// State leaves only as a draft (`DIR-FICTITIOUS`).
    pub mode: Mode,
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
    /// none of the six), on A4, dated now, outside demo mode.
    pub fn for_request(request: &Request) -> Options {
        Options { lang: document_lang(request), paper: Paper::A4, date: time::OffsetDateTime::now_utc(), with_original: false, revision: None, mode: Mode::Real }
    }
}

/// The language the request is to be transmitted in (`lang.request`), if it
/// is one of the six; else (another language, which the check
/// `UNTOC-18-14-fixed` points out, or none chosen yet) the drafting
/// language, if it is one of them; else English.
pub fn document_lang(request: &Request) -> Lang {
    let code = request.lang.request_code().or(request.lang.drafting_code());
    Lang::ALL.into_iter().find(|l| Some(l.code()) == code).unwrap_or(Lang::En)
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

/// The request's pages as the app previews them: what [`export_pdf`]
/// writes for the same request, options and day, page by page and line by
/// line (a request with errors carries the DRAFT marking).
pub fn pages(request: &Request, options: &Options, today: time::Date) -> Result<crate::output::pages::Pages, TemplateError> {
    let draft = crate::checks::request_has_errors(request, today, options.mode);
    let doc = document_for(request, options)?;
    let laid = layout::lay_out(fonts(), &doc, options.paper.size(), draft);
    Ok(crate::output::pages::pages(&laid, &doc.title, doc.lang.code()))
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

/// Renders a request for export, checked on `today` in the options' mode:
/// a request with errors can only leave as a draft, marked as such on every
/// page; so, outside demo mode, can a request addressed to a fictitious
/// State (its error `DIR-FICTITIOUS` says why).
pub fn export_pdf(request: &Request, options: &Options, today: time::Date) -> Result<Export, TemplateError> {
    let draft = crate::checks::request_has_errors(request, today, options.mode);
    let bytes = pdf(request, options, draft)?;
    Ok(Export { bytes, draft })
}

/// The document as an HTML page, under the same rule as [`export_pdf`]: a
/// request with errors is marked as a draft (its note opens the page).
pub fn export_html(request: &Request, options: &Options, today: time::Date) -> Result<Export, TemplateError> {
    let draft = crate::checks::request_has_errors(request, today, options.mode);
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
    let draft = crate::checks::request_has_errors(request, today, options.mode);
    let bytes = docx(request, options, draft)?;
    Ok(Export { bytes, draft })
}

/// An annex file to append after the request's pages.
#[derive(Debug, Clone, Copy)]
pub struct AnnexToAppend<'a> {
    /// Its position in the request's annexes, from 1 (printed as the
    /// request labels it: [`Request::annex_label`]).
    pub number: usize,
    /// The file's reference in the request.
    pub file: &'a AnnexFile,
    /// The file's bytes.
    pub bytes: &'a [u8],
}

/// Why a PDF with its annexes appended could not be made.
#[derive(Debug, thiserror::Error)]
pub enum AppendAnnexesError {
    /// The request itself could not be rendered.
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// An annex file could not be appended.
    #[error("annex {number} ({name}) cannot be appended: {source}")]
    Annex {
        /// Its number in the index.
        number: usize,
        /// Its file name.
        name: String,
        /// What is wrong with it.
        source: AnnexPagesError,
    },
    /// The request's own PDF could not be reopened to append to it.
    #[error("the request's PDF could not be reopened to append its annexes: {0}")]
    Request(AnnexPagesError),
}

/// The request as a PDF under the rule of [`export_pdf`], followed by each
/// PDF, PNG or JPEG annex in `annexes`, each after a separator page naming
/// it (number, file name, SHA-256). Annex files of other types are listed
/// in the index of annexes but not appended. A damaged annex is an error
/// naming it; nothing is written.
pub fn export_pdf_with_annexes(
    request: &Request,
    options: &Options,
    today: time::Date,
    annexes: &[AnnexToAppend<'_>],
) -> Result<Export, AppendAnnexesError> {
    let export = export_pdf(request, options, today)?;
    let annexes: Vec<&AnnexToAppend<'_>> = annexes.iter().filter(|a| annex_pages::appendable(&a.file.media_type)).collect();
    if annexes.is_empty() {
        return Ok(export);
    }
    let mut appender = AnnexAppender::new(&export.bytes).map_err(AppendAnnexesError::Request)?;
    for annex in annexes {
        let failed = |source| AppendAnnexesError::Annex { number: annex.number, name: annex.file.name.clone(), source };
        let separator = annex_separator(request, options, annex)?;
        appender.append_pdf(&document_pdf(&separator, options.paper, options.date)).map_err(AppendAnnexesError::Request)?;
        let appended = match annex.file.media_type.as_str() {
            "application/pdf" => appender.append_pdf(annex.bytes).map(|_| ()),
            media_type => appender.append_image(annex.bytes, media_type, options.paper.size()),
        };
        appended.map_err(failed)?;
    }
    let bytes = appender.finish().map_err(AppendAnnexesError::Request)?;
    Ok(Export { bytes, draft: export.draft })
}

/// The separator page before an appended annex: "Annex 3 — statement.pdf"
/// (or "Annex C — …" when the request labels its annexes by letter), the
/// annex's title, and the file's SHA-256, in the document's language.
fn annex_separator(request: &Request, options: &Options, annex: &AnnexToAppend<'_>) -> Result<Document, TemplateError> {
    let key = "doc.annex_separator";
    let text = templates::phrase(options.lang, key).ok_or_else(|| TemplateError::Render {
        template: "annex separator".into(),
        message: format!("no phrase `{key}` in templates/phrases/{}.json", options.lang.code()),
    })?;
    let heading = crate::i18n::placeholders::fill(text, |name| match name {
        "number" => Some(request.annex_label(annex.number.saturating_sub(1))),
        "name" => Some(annex.file.name.clone()),
        _ => None,
    })
    .map_err(|e| TemplateError::Render { template: "annex separator".into(), message: e.to_string() })?;
    let title = annex.number.checked_sub(1).and_then(|i| request.attachments.get(i)).map(|a| a.title.trim()).unwrap_or_default();
    let mut blocks = vec![document::Block::Heading { level: 1, number: None, text: heading.clone() }];
    if !title.is_empty() {
        blocks.push(document::Block::Paragraph { lines: title.lines().map(String::from).collect() });
    }
    blocks.push(document::Block::Meta { text: format!("SHA-256 {}", annex.file.sha256) });
    Ok(Document {
        title: heading,
        lang: options.lang,
        author: request.req_auth.name.clone(),
        header: document::running_header(request, options.lang)?,
        footer: String::new(),
        draft_note: String::new(),
        draft_mark: String::new(),
        blocks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::DocumentLanguage;

    /// The index of annexes (in the tree the PDF, the DOCX and the HTML
    /// preview are all written from) labels the annexes as the request
    /// chooses.
    #[test]
    fn the_index_of_annexes_labels_them_by_number_or_by_letter() {
        let index_labels = |r: &Request| -> Vec<String> {
            let doc = document(r, Lang::En).unwrap();
            let rows = doc
                .blocks
                .iter()
                .find_map(|b| match b {
                    document::Block::Table { columns, rows } if columns.get(1).is_some_and(|c| c == "Annex") => Some(rows.clone()),
                    _ => None,
                })
                .expect("an index of annexes");
            rows.iter().map(|row| row[0].join(" ")).collect()
        };
        let mut r = crate::request::demo::example();
        assert_eq!(r.attachments.len(), 2);
        assert_eq!(index_labels(&r), ["1", "2"]);
        r.annex_labels = Some(crate::request::AnnexLabels::Letters);
        assert_eq!(index_labels(&r), ["A", "B"]);
        let day = crate::request::demo::EXAMPLES_DATE;
        let options = Options { lang: Lang::En, paper: Paper::A4, date: day.midnight().assume_utc(), with_original: false, revision: None, mode: Mode::Demo };
        let html = String::from_utf8(export_html(&r, &options, day).unwrap().bytes).unwrap();
        assert!(html.contains(">A<") && html.contains(">B<"), "{html}");
    }

    /// The class of exports of a request addressed to a fictitious State:
    /// outside demo mode every format leaves as a draft, and the findings
    /// say why; in demo mode the same request is final.
    #[test]
    fn outside_demo_mode_an_example_exports_only_as_a_draft() {
        let r = crate::request::demo::example();
        let day = crate::request::demo::EXAMPLES_DATE;
        let real = Options { lang: Lang::En, paper: Paper::A4, date: day.midnight().assume_utc(), with_original: false, revision: None, mode: Mode::Real };
        let demo = Options { mode: Mode::Demo, ..real };
        assert!(export_pdf(&r, &real, day).unwrap().draft);
        assert!(export_docx(&r, &real, day).unwrap().draft);
        assert!(export_html(&r, &real, day).unwrap().draft);
        let why: Vec<_> = crate::checks::run_in(&r, day, Mode::Real, Lang::En).into_iter().filter(|f| f.severity == crate::checks::Severity::Error).collect();
        assert_eq!(why.len(), 1, "{why:?}");
        assert_eq!(why[0].code, "DIR-FICTITIOUS");
        assert!(why[0].message.starts_with("Kingdom of Norland is a fictitious State"), "{}", why[0].message);
        assert!(!export_pdf(&r, &demo, day).unwrap().draft);
        assert!(!export_docx(&r, &demo, day).unwrap().draft);
        assert!(!export_html(&r, &demo, day).unwrap().draft);
        assert!(pages(&r, &real, day).unwrap().watermark.is_some(), "the preview shows what the export writes");
        assert!(pages(&r, &demo, day).unwrap().watermark.is_none());
    }

    #[test]
    fn a_request_in_another_language_is_printed_in_its_drafting_language() {
        let mut r = Request::default();
        r.lang.request = Some(DocumentLanguage::Ru);
        assert_eq!(document_lang(&r), Lang::Ru);
        r.lang.request = Some(DocumentLanguage::Other);
        r.lang.request_other = "no".into();
        assert_eq!(document_lang(&r), Lang::En);
        r.lang.drafting = Some(DocumentLanguage::Es);
        assert_eq!(document_lang(&r), Lang::Es);
    }
}
