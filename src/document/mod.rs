//! From a request to a document tree: the request's Handlebars template is
//! filled with a view of the request, and its output (a small line-based
//! markup, [`markup`]) is read into [`Document`] blocks. The PDF writer, the
//! DOCX and HTML writers and the live preview all start from that tree.
//!
//! Architecture invariant: **typed text can never become document
//! structure.** Whatever a template inserts — a typed or imported answer, a
//! phrase, a date — reaches the markup only as an opaque reference
//! ([`inserted`]); the structure is read from the template's own text, and
//! the inserted text is put into the blocks afterwards, once. The title and
//! the running header, which are not markup, are plain text on one line.
//! Templates use `{{value}}`, never the unescaped `{{{value}}}`, which would
//! bypass the references (a test enforces it).

pub mod direction;
pub mod inserted;
pub mod markup;
pub mod templates;
pub mod view;

use handlebars::Handlebars;
use serde::Serialize;
use ts_rs::TS;

use crate::i18n::placeholders::fill;
use crate::i18n::Lang;
use crate::request::Request;
use markup::{one_line, parse_markup};
use templates::TemplateError;
use view::RequestView;

/// A document independent of any page: what it says, in which language, and
/// the running text of its pages.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Document {
    /// Title of the document (also the PDF's title).
    pub title: String,
    /// Language of the fixed text; sets the writing direction and the PDF's
    /// language.
    pub lang: Lang,
    /// The requesting authority, as the PDF's author.
    pub author: String,
    /// Running header of every page: the reference and any confidentiality
    /// marking ("" for none).
    pub header: String,
    /// Footer of every page, with `{page}` and `{pages}` to fill in.
    pub footer: String,
    /// Note at the top of every page of a draft (a request with errors).
    pub draft_note: String,
    /// Word across every page of a draft.
    pub draft_mark: String,
    /// Content, in reading order.
    pub blocks: Vec<Block>,
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum Block {
    /// A heading; level 1 is the title, 2 a section.
    Heading {
        /// 1 or 2.
        level: u8,
        /// Number of a numbered section.
        number: Option<u32>,
        /// Heading text.
        text: String,
    },
    /// A paragraph; its `lines` are the author's own line breaks.
    Paragraph {
        /// Lines of the paragraph.
        lines: Vec<String>,
    },
    /// A label with its value, for identification data.
    Field {
        /// The label.
        label: String,
        /// The value, one entry per line.
        lines: Vec<String>,
    },
    /// A numbered item.
    Item {
        /// Number shown before the item.
        number: u32,
        /// Lines of the item.
        lines: Vec<String>,
    },
    /// A notice the reader must not miss (the urgency of the request):
    /// bold and larger than the text, between rules.
    Alert {
        /// Text.
        text: String,
    },
    /// Small print (references, notes).
    Meta {
        /// Text.
        text: String,
    },
    /// A table: column headings and rows of cells, each cell one or more
    /// lines. Every row has as many cells as there are columns.
    Table {
        /// Column headings.
        columns: Vec<String>,
        /// Rows of cells; a cell is its lines.
        rows: Vec<Vec<Vec<String>>>,
    },
}

impl Document {
    /// The document without the isolates its values were given in a
    /// right-to-left language ([`direction::isolated`]), for a writer that
    /// sets directions by runs of its own (the DOCX).
    pub fn without_isolates(&self) -> Document {
        let strip = |text: &String| direction::without_isolates(text);
        let lines = |lines: &Vec<String>| lines.iter().map(strip).collect();
        let blocks = self
            .blocks
            .iter()
            .map(|block| match block {
                Block::Heading { level, number, text } => Block::Heading { level: *level, number: *number, text: strip(text) },
                Block::Paragraph { lines: l } => Block::Paragraph { lines: lines(l) },
                Block::Field { label, lines: l } => Block::Field { label: strip(label), lines: lines(l) },
                Block::Item { number, lines: l } => Block::Item { number: *number, lines: lines(l) },
                Block::Alert { text } => Block::Alert { text: strip(text) },
                Block::Meta { text } => Block::Meta { text: strip(text) },
                Block::Table { columns, rows } => Block::Table {
                    columns: lines(columns),
                    rows: rows.iter().map(|row| row.iter().map(lines).collect()).collect(),
                },
            })
            .collect();
        Document { header: strip(&self.header), blocks, ..self.clone() }
    }
}

/// Builds the document of a request in `lang` with the templates in
/// `registry`: the title, headings, fixed sentences, labels, vocabulary
/// values, dates and the running text of the pages all come out in `lang`;
/// free text stays as typed.
///
/// With `with_original`, a translated request annexes the text it was
/// translated from (bilingual output).
pub fn build(registry: &Handlebars<'static>, request: &Request, lang: Lang, with_original: bool) -> Result<Document, TemplateError> {
    // An answer of spaces only says nothing: the document reads it empty.
    let request = &*view::without_blank_answers(request);
    let view = RequestView::of(request, lang);
    let view = if with_original { view.with_original() } else { view };
    let name = templates::template_name(request.kind);
    let (markup, inserted) = inserted::collect(|| registry.render(name, &view));
    let markup = markup.map_err(|e| TemplateError::Render { template: name.to_string(), message: e.to_string() })?;
    let page_text = |key: &str| {
        templates::phrase(lang, key).map(str::to_string).ok_or_else(|| TemplateError::Render {
            template: name.to_string(),
            message: format!("no phrase `{key}` in templates/phrases/{}.json", lang.code()),
        })
    };
    Ok(Document {
        title: one_line(&view.document_title()),
        lang,
        author: one_line(&request.req_auth.name),
        header: running_header(request, lang)?,
        footer: page_text("doc.footer")?,
        draft_note: page_text("doc.draft_note")?,
        draft_mark: page_text("doc.draft_mark")?,
        blocks: parse_markup(&markup, &inserted.isolated(lang.rtl()))?,
    })
}

/// The running header in `lang`: our reference, and the confidentiality
/// marking.
pub fn running_header(request: &Request, lang: Lang) -> Result<String, TemplateError> {
    let missing = |key: &str| TemplateError::Render {
        template: "running header".into(),
        message: format!("no phrase `{key}` in templates/phrases/{}.json", lang.code()),
    };
    let mut parts = Vec::new();
    let reference = request.req_auth.ref_no.trim();
    if !reference.is_empty() {
        let text = templates::phrase(lang, "doc.header_ref").ok_or_else(|| missing("doc.header_ref"))?;
        let filled = fill(text, |name| (name == "ref").then(|| direction::isolated(reference, lang.rtl())))
            .map_err(|e| TemplateError::Render { template: "running header".into(), message: e.to_string() })?;
        parts.push(one_line(&filled));
    }
    if request.conf.required {
        parts.push(templates::phrase(lang, "doc.confidential").ok_or_else(|| missing("doc.confidential"))?.to_string());
    }
    Ok(parts.join(" · "))
}

/// Which revision of a stored draft a document is, in `lang`, as its running
/// header says it: "Revision 7 of 20 November 2026".
pub fn revision_line(lang: Lang, number: i64, saved: time::Date) -> Result<String, TemplateError> {
    let render_error = |message: String| TemplateError::Render { template: "running header".into(), message };
    let text = templates::phrase(lang, "doc.revision")
        .ok_or_else(|| render_error(format!("no phrase `doc.revision` in templates/phrases/{}.json", lang.code())))?;
    let date = templates::long_date(lang, &format!("{:04}-{:02}-{:02}", saved.year(), u8::from(saved.month()), saved.day()));
    fill(text, |name| match name {
        "number" => Some(number.to_string()),
        "date" => Some(date.clone()),
        _ => None,
    })
    .map_err(|e| render_error(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_header_names_the_reference_and_the_marking_in_the_document_language() {
        let mut request = Request::default();
        request.req_auth.ref_no = "ECD/117\nX".into();
        request.conf.required = true;
        assert_eq!(running_header(&request, Lang::En).unwrap(), "Ref. ECD/117 X · CONFIDENTIAL");
        assert_eq!(running_header(&request, Lang::Fr).unwrap(), "Réf. ECD/117 X · CONFIDENTIEL");
        request.conf.required = false;
        request.req_auth.ref_no.clear();
        assert_eq!(running_header(&request, Lang::Zh).unwrap(), "");
    }
}
