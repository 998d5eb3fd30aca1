//! The line markup the templates write, read into [`Block`]s.
//!
//! A line `::h1 TEXT` is the title; `::h2 TEXT` a numbered section and
//! `::annex TEXT` an unnumbered one (annexes, signature); `::field LABEL`
//! followed by `::value TEXT` is a labelled value; `::item TEXT` is a
//! numbered list item; `::alert TEXT` is a notice the reader must not miss
//! (urgency); `::meta TEXT` is small print; `::table A | B | C`
//! starts a table with those column headings and each following `::row a |
//! b | c` adds a row; any other non-empty line is a paragraph.
//!
//! Architecture invariant: **typed text can never become markup.** What a
//! template inserts reaches the markup only as a reference
//! ([`super::inserted`]). Directives, lines and cells are read from the
//! template's own text; only then is each piece's inserted text put in, once.
//! An inserted line break makes a new line of the same paragraph, field,
//! item or cell, or a space in a one-line text (heading, label, small
//! print, column heading).

use super::inserted::InsertedTexts;
use super::templates::TemplateError;
use super::Block;

/// Reads the markup of a template's output, whose references name
/// `inserted`, into blocks.
pub fn parse_markup(markup: &str, inserted: &InsertedTexts) -> Result<Vec<Block>, TemplateError> {
    let mut blocks = Vec::new();
    let mut numbering = 0;
    let mut sections = 0;
    let mut pending_label: Option<String> = None;
    for (index, raw) in markup.lines().enumerate() {
        let line_number = index + 1;
        let error = |message: String| TemplateError::Markup { line: line_number, message };
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let (directive, rest) = match line.strip_prefix("::") {
            Some(d) => d.split_once(' ').unwrap_or((d, "")),
            None => ("", line),
        };
        let text = |piece: &str| inserted.resolve(piece).map_err(|e| error(e.to_string()));
        let lines = |piece: &str| text(piece).map(|t| text_lines(&t));
        let one_line = |piece: &str| text(piece).map(|t| one_line(&t));
        if pending_label.is_some() && directive != "value" {
            return Err(error("`::field` must be followed by `::value`".into()));
        }
        match directive {
            "" => blocks.push(Block::Paragraph { lines: lines(rest)? }),
            "h1" => blocks.push(Block::Heading { level: 1, number: None, text: one_line(rest)? }),
            "h2" | "annex" => {
                numbering = 0;
                let number = (directive == "h2").then(|| {
                    sections += 1;
                    sections
                });
                blocks.push(Block::Heading { level: 2, number, text: one_line(rest)? })
            }
            "table" => {
                let columns = rest.split('|').map(one_line).collect::<Result<_, _>>()?;
                blocks.push(Block::Table { columns, rows: Vec::new() })
            }
            "row" => {
                let row: Vec<Vec<String>> = rest.split('|').map(lines).collect::<Result<_, _>>()?;
                let Some(Block::Table { columns, rows }) = blocks.last_mut() else {
                    return Err(error("`::row` outside a `::table`".into()));
                };
                if row.len() != columns.len() {
                    return Err(error(format!("`::row` has {} cells, the table has {} columns", row.len(), columns.len())));
                }
                rows.push(row);
            }
            "field" => pending_label = Some(one_line(rest)?),
            "value" => {
                let label = pending_label.take().ok_or_else(|| error("`::value` without a preceding `::field`".into()))?;
                blocks.push(Block::Field { label, lines: lines(rest)? });
            }
            "item" => {
                numbering += 1;
                blocks.push(Block::Item { number: numbering, lines: lines(rest)? });
            }
            "alert" => blocks.push(Block::Alert { text: one_line(rest)? }),
            "meta" => blocks.push(Block::Meta { text: one_line(rest)? }),
            other => return Err(error(format!("unknown directive `::{other}`"))),
        }
    }
    if pending_label.is_some() {
        return Err(TemplateError::Markup {
            line: markup.lines().count(),
            message: "`::field` must be followed by `::value`".into(),
        });
    }
    Ok(blocks)
}

/// The lines of a text: its line breaks (`\n`, `\r\n`, `\r`) kept, blanks
/// around the whole and at the end of each line removed.
pub fn text_lines(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.trim().split('\n').map(|line| line.trim_end().to_string()).collect()
}

/// A text on one line (a heading, a label, small print): its line breaks
/// become spaces.
pub fn one_line(text: &str) -> String {
    text_lines(text).join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::inserted::{collect, escape_inserted_text, CLOSE, OPEN};
    use super::*;

    /// The blocks of `template`, where each `{}` is replaced by the next of
    /// `values` as a template inserts it.
    fn parse_with(template: &str, values: &[&str]) -> Result<Vec<Block>, TemplateError> {
        let (markup, inserted) = collect(|| {
            let mut parts = template.split("{}");
            let mut markup = parts.next().unwrap_or_default().to_string();
            for (value, part) in values.iter().zip(parts) {
                markup.push_str(&escape_inserted_text(value));
                markup.push_str(part);
            }
            markup
        });
        parse_markup(&markup, &inserted)
    }

    fn parse(markup: &str) -> Result<Vec<Block>, TemplateError> {
        parse_with(markup, &[])
    }

    #[test]
    fn typed_directive_at_the_start_of_a_line_stays_text() {
        let blocks = parse_with("::h2 Facts\n{}\n", &["::h2 INJECTED SECTION\n::field X\n::bogus"]).unwrap();
        assert_eq!(
            blocks,
            vec![
                Block::Heading { level: 2, number: Some(1), text: "Facts".into() },
                Block::Paragraph { lines: vec!["::h2 INJECTED SECTION".into(), "::field X".into(), "::bogus".into()] },
            ]
        );
    }

    #[test]
    fn typed_bars_and_line_breaks_stay_inside_their_cell() {
        let blocks = parse_with("::table {} | Note\n::row x | {}\n", &["Name\nfirst", "A | B\r\nsecond"]).unwrap();
        assert_eq!(
            blocks,
            vec![Block::Table {
                columns: vec!["Name first".into(), "Note".into()],
                rows: vec![vec![vec!["x".into()], vec!["A | B".into(), "second".into()]]],
            }]
        );
    }

    #[test]
    fn typed_reference_characters_stay_text() {
        let forged = format!("{OPEN}0{CLOSE}::h1 {OPEN}");
        let blocks = parse_with("::field {}\n::value {}\n", &["Label", &forged]).unwrap();
        assert_eq!(blocks, vec![Block::Field { label: "Label".into(), lines: vec![forged] }]);
    }

    #[test]
    fn items_are_numbered_within_their_section() {
        let blocks = parse("::h2 A\n::item x\n::item y\n::h2 B\n::item z\n").unwrap();
        let numbers: Vec<u32> =
            blocks.iter().filter_map(|b| if let Block::Item { number, .. } = b { Some(*number) } else { None }).collect();
        assert_eq!(numbers, vec![1, 2, 1]);
    }

    #[test]
    fn a_row_with_the_wrong_number_of_cells_is_reported() {
        let err = parse("::table A | B\n::row 1 | 2 | 3\n").unwrap_err();
        assert_eq!(err.to_string(), "template markup, line 2: `::row` has 3 cells, the table has 2 columns");
        let err = parse("::row 1\n").unwrap_err();
        assert_eq!(err.to_string(), "template markup, line 1: `::row` outside a `::table`");
    }

    #[test]
    fn sections_are_numbered_and_annexes_are_not() {
        let blocks = parse("::h1 T\n::h2 A\n::h2 B\n::annex Annex\n").unwrap();
        let numbers: Vec<Option<u32>> =
            blocks.iter().filter_map(|b| if let Block::Heading { number, .. } = b { Some(*number) } else { None }).collect();
        assert_eq!(numbers, vec![None, Some(1), Some(2), None]);
    }

    #[test]
    fn template_errors_are_reported_with_their_line() {
        let err = parse("::h2 A\n::bogus x\n").unwrap_err();
        assert_eq!(err.to_string(), "template markup, line 2: unknown directive `::bogus`");
        let err = parse("::h2 A\n::field B\n").unwrap_err();
        assert_eq!(err.to_string(), "template markup, line 2: `::field` must be followed by `::value`");
        let err = parse(&format!("::h2 {OPEN}7{CLOSE}\n")).unwrap_err();
        assert!(err.to_string().starts_with("template markup, line 1: a reference to inserted text"), "{err}");
    }
}
