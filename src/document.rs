//! From a request to a document tree: the request's Handlebars template is
//! filled with a view of the request, and its output (a small line-based
//! markup) is parsed into [`Document`] blocks. The PDF writer and the live
//! preview both start from that tree.
//!
//! The markup: a line `::h1 TEXT` / `::h2 TEXT` is a heading, `::field LABEL`
//! followed by `::value TEXT` is a labelled value, `::item TEXT` is a numbered
//! list item, `::meta TEXT` is small print, and any other non-empty line
//! is a paragraph.
//!
//! Architecture invariant: text typed by a user can never become markup. The
//! template engine's escape function folds every line break of an inserted
//! value into [`SOFT_BREAK`], so inserted text always stays inside the line of
//! the directive that inserts it. Templates must use `{{value}}`, never the
//! unescaped `{{{value}}}` (a test enforces it).

use handlebars::Handlebars;
use serde::Serialize;
use ts_rs::TS;

use crate::model::Request;
use crate::templates::{self, TemplateError};
use crate::view::RequestView;

/// Stands for a line break inside a user's text while the markup is parsed.
pub const SOFT_BREAK: char = '\u{E000}';

/// A laid-out-independent document: title and blocks.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Document {
    /// Title of the document (also the PDF's title).
    pub title: String,
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
}

/// Escape function for the template engine: keeps inserted text on one
/// markup line (see the module invariant).
pub fn escape_inserted_text(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n").replace('\n', &SOFT_BREAK.to_string())
}

fn split_lines(text: &str) -> Vec<String> {
    text.split(SOFT_BREAK).map(|l| l.trim_end().to_string()).collect()
}

/// Parses the template's markup output into blocks.
pub fn parse_markup(markup: &str) -> Result<Vec<Block>, TemplateError> {
    let mut blocks = Vec::new();
    let mut numbering = 0;
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
            "h1" | "h2" => {
                if directive == "h2" {
                    numbering = 0;
                }
                blocks.push(Block::Heading {
                    level: if directive == "h1" { 1 } else { 2 },
                    text: rest.replace(SOFT_BREAK, " "),
                })
            }
            "field" => pending_label = Some(rest.replace(SOFT_BREAK, " ")),
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
            "meta" => blocks.push(Block::Meta { text: rest.replace(SOFT_BREAK, " ") }),
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

/// Builds the document of a request with the templates in `registry`.
pub fn build(registry: &Handlebars<'static>, request: &Request) -> Result<Document, TemplateError> {
    let view = RequestView::of(request);
    let name = templates::template_name(request.kind);
    let markup = registry
        .render(name, &view)
        .map_err(|e| TemplateError::Render { template: name.to_string(), message: e.to_string() })?;
    Ok(Document { title: view.title.clone(), blocks: parse_markup(&markup)? })
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
                Block::Heading { level: 2, text: "Facts".into() },
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
    fn unknown_directive_is_reported_with_its_line() {
        let err = parse_markup("::h2 A\n::bogus x\n").unwrap_err();
        assert_eq!(err.to_string(), "template markup, line 2: unknown directive `::bogus`");
    }
}
