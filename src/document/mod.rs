//! From a request to a document tree: the request's Handlebars template is
//! filled with a view of the request, and its output (a small line-based
//! markup) is parsed into [`Document`] blocks. The PDF writer and the live
//! preview both start from that tree.
//!
//! The markup: a line `::h1 TEXT` is the title; `::h2 TEXT` a numbered
//! section and `::annex TEXT` an unnumbered one (annexes, signature);
//! `::field LABEL` followed by `::value TEXT` is a labelled value; `::item
//! TEXT` is a numbered list item; `::meta TEXT` is small print; `::table A |
//! B | C` starts a table with those column headings and each following `::row
//! a | b | c` adds a row; any other non-empty line is a paragraph.
//!
//! Architecture invariant: text typed by a user can never become markup. The
//! template engine's escape function folds every line break of an inserted
//! value into [`SOFT_BREAK`] and every `|` into [`CELL_BAR`], so inserted text
//! always stays inside the line, and the table cell, of the directive that
//! inserts it. Templates must use `{{value}}`, never the
//! unescaped `{{{value}}}` (a test enforces it).

pub mod templates;
pub mod view;

use handlebars::Handlebars;
use serde::Serialize;
use ts_rs::TS;

use crate::i18n::Lang;
use crate::request::Request;
use templates::TemplateError;
use crate::document::view::RequestView;

/// Stands for a line break inside a user's text while the markup is parsed.
pub const SOFT_BREAK: char = '\u{E000}';

/// Stands for a `|` inside a user's text while the markup is parsed (a bare
/// `|` separates table cells).
pub const CELL_BAR: char = '\u{E001}';

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

/// Escape function for the template engine: keeps inserted text on one
/// markup line (see the module invariant).
pub fn escape_inserted_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', &SOFT_BREAK.to_string())
        .replace('|', &CELL_BAR.to_string())
}

/// Restores the `|` typed by a user.
fn unbar(text: &str) -> String {
    text.replace(CELL_BAR, "|")
}

fn split_lines(text: &str) -> Vec<String> {
    unbar(text).split(SOFT_BREAK).map(|l| l.trim_end().to_string()).collect()
}

/// One line of text (a heading, a label, small print): line breaks become spaces.
fn one_line(text: &str) -> String {
    unbar(text).replace(SOFT_BREAK, " ")
}

/// The cells of a `::table` or `::row` line.
fn cells(text: &str) -> Vec<String> {
    text.split('|').map(|c| c.trim().to_string()).collect()
}

/// Parses the template's markup output into blocks.
pub fn parse_markup(markup: &str) -> Result<Vec<Block>, TemplateError> {
    let mut blocks = Vec::new();
    let mut numbering = 0;
    let mut sections = 0;
    let mut pending_label: Option<String> = None;
    for (index, raw) in markup.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let (directive, rest) = match line.strip_prefix("::") {
            Some(d) => d.split_once(' ').unwrap_or((d, "")),
            None => ("", line),
        };
        let rest = rest.trim();
        if pending_label.is_some() && directive != "value" {
            return Err(TemplateError::Markup {
                line: index + 1,
                message: "`::field` must be followed by `::value`".into(),
            });
        }
        match directive {
            "" => blocks.push(Block::Paragraph { lines: split_lines(rest) }),
            "h1" => blocks.push(Block::Heading { level: 1, number: None, text: one_line(rest) }),
            "h2" | "annex" => {
                numbering = 0;
                let number = (directive == "h2").then(|| {
                    sections += 1;
                    sections
                });
                blocks.push(Block::Heading { level: 2, number, text: one_line(rest) })
            }
            "table" => blocks.push(Block::Table { columns: cells(&one_line(rest)), rows: Vec::new() }),
            "row" => {
                let Some(Block::Table { columns, rows }) = blocks.last_mut() else {
                    return Err(TemplateError::Markup { line: index + 1, message: "`::row` outside a `::table`".into() });
                };
                let row: Vec<Vec<String>> = rest.split('|').map(|c| split_lines(c.trim())).collect();
                if row.len() != columns.len() {
                    return Err(TemplateError::Markup {
                        line: index + 1,
                        message: format!("`::row` has {} cells, the table has {} columns", row.len(), columns.len()),
                    });
                }
                rows.push(row);
            }
            "field" => pending_label = Some(one_line(rest)),
            "value" => {
                let label = pending_label.take().ok_or_else(|| TemplateError::Markup {
                    line: index + 1,
                    message: "`::value` without a preceding `::field`".into(),
                })?;
                blocks.push(Block::Field { label, lines: split_lines(rest) });
            }
            "item" => {
                numbering += 1;
                blocks.push(Block::Item { number: numbering, lines: split_lines(rest) });
            }
            "meta" => blocks.push(Block::Meta { text: one_line(rest) }),
            other => {
                return Err(TemplateError::Markup {
                    line: index + 1,
                    message: format!("unknown directive `::{other}`"),
                })
            }
        }
    }
    Ok(blocks)
}

/// Builds the document of a request in `lang` with the templates in
/// `registry`: the title, headings, fixed sentences, labels, vocabulary
/// values, dates and the running text of the pages all come out in `lang`;
/// free text stays as typed.
///
/// With `with_original`, a translated request annexes the text it was
/// translated from (bilingual output).
pub fn build(registry: &Handlebars<'static>, request: &Request, lang: Lang, with_original: bool) -> Result<Document, TemplateError> {
    let view = RequestView::of(request, lang);
    let view = if with_original { view.with_original() } else { view };
    let name = templates::template_name(request.kind);
    let markup = registry
        .render(name, &view)
        .map_err(|e| TemplateError::Render { template: name.to_string(), message: e.to_string() })?;
    let page_text = |key: &str| {
        templates::phrase(lang, key).map(str::to_string).ok_or_else(|| TemplateError::Render {
            template: name.to_string(),
            message: format!("no phrase `{key}` in templates/phrases/{}.json", lang.code()),
        })
    };
    Ok(Document {
        title: view.document_title(),
        lang,
        author: request.req_auth.name.trim().to_string(),
        header: running_header(request, lang)?,
        footer: page_text("doc.footer")?,
        draft_note: page_text("doc.draft_note")?,
        draft_mark: page_text("doc.draft_mark")?,
        blocks: parse_markup(&markup)?,
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
        let filled = templates::fill(text, |name| (name == "ref").then(|| reference.to_string()))
            .map_err(|message| TemplateError::Render { template: "running header".into(), message })?;
        parts.push(filled.replace(['\r', '\n'], " "));
    }
    if request.conf.required {
        parts.push(templates::phrase(lang, "doc.confidential").ok_or_else(|| missing("doc.confidential"))?.to_string());
    }
    Ok(parts.join(" · "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_cannot_become_a_heading() {
        let typed = escape_inserted_text("first line\n::h1 Injected");
        let blocks = parse_markup(&format!("::h2 Facts\n{typed}\n")).unwrap();
        assert_eq!(
            blocks,
            vec![
                Block::Heading { level: 2, number: Some(1), text: "Facts".into() },
                Block::Paragraph { lines: vec!["first line".into(), "::h1 Injected".into()] },
            ]
        );
    }

    #[test]
    fn items_are_numbered_within_their_section() {
        let blocks = parse_markup("::h2 A\n::item x\n::item y\n::h2 B\n::item z\n").unwrap();
        let numbers: Vec<u32> = blocks
            .iter()
            .filter_map(|b| if let Block::Item { number, .. } = b { Some(*number) } else { None })
            .collect();
        assert_eq!(numbers, vec![1, 2, 1]);
    }

    #[test]
    fn typed_bar_stays_inside_its_cell() {
        let typed = escape_inserted_text("A | B\nsecond");
        let blocks = parse_markup(&format!("::table Name | Note\n::row x | {typed}\n")).unwrap();
        assert_eq!(
            blocks,
            vec![Block::Table {
                columns: vec!["Name".into(), "Note".into()],
                rows: vec![vec![vec!["x".into()], vec!["A | B".into(), "second".into()]]],
            }]
        );
    }

    #[test]
    fn a_row_with_the_wrong_number_of_cells_is_reported() {
        let err = parse_markup("::table A | B\n::row 1 | 2 | 3\n").unwrap_err();
        assert_eq!(err.to_string(), "template markup, line 2: `::row` has 3 cells, the table has 2 columns");
        let err = parse_markup("::row 1\n").unwrap_err();
        assert_eq!(err.to_string(), "template markup, line 1: `::row` outside a `::table`");
    }

    #[test]
    fn sections_are_numbered_and_annexes_are_not() {
        let blocks = parse_markup("::h1 T\n::h2 A\n::h2 B\n::annex Annex\n").unwrap();
        let numbers: Vec<Option<u32>> =
            blocks.iter().filter_map(|b| if let Block::Heading { number, .. } = b { Some(*number) } else { None }).collect();
        assert_eq!(numbers, vec![None, Some(1), Some(2), None]);
    }

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

    #[test]
    fn unknown_directive_is_reported_with_its_line() {
        let err = parse_markup("::h2 A\n::bogus x\n").unwrap_err();
        assert_eq!(err.to_string(), "template markup, line 2: unknown directive `::bogus`");
    }
}
