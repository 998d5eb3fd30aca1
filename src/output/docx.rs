//! The document tree as an editable Word document (DOCX, WordprocessingML):
//! the same content as the PDF, for a prosecutor who must adapt the request
//! to a requested State's form or add what the wizard does not ask.
//!
//! The package is written by hand, part by part, as XML strings in a zip
//! (no template file): real paragraph styles (the title as "heading 1",
//! sections as "heading 2" with outline levels, so navigation panes and
//! tables of contents find them), items as real numbered lists that restart
//! in each section, label/value fields as a borderless two-column table,
//! tables with borders, column widths and a header row that repeats on every
//! page, the running header, and a footer whose `PAGE` and `NUMPAGES` fields
//! stand where the localised pattern has `{page}` and `{pages}`. Arabic
//! documents run right to left. A draft carries its note at the top of every
//! page and its mark (a VML watermark, as Word and LibreOffice write one)
//! across it. The Noto fonts the styles name are embedded, subset to what
//! the document uses, and named in the font table with the widely installed
//! fonts to take in their place (see [`fonts`]).
//!
//! Architecture invariant: every text of the document, typed by a user or
//! not, passes through [`escape`], which escapes XML's special characters and
//! drops the characters XML 1.0 forbids; nothing from the machine (user
//! name, clock, paths) enters the package: its dates are the ones passed in.

use std::fmt::Write as _;
use std::io::Write as _;

mod fonts;

use crate::document::direction::{char_rtl, paragraph_rtl};
use crate::document::{Block, Document};
use crate::layout::Paper;
use crate::i18n::placeholders::{pieces, Piece};
use crate::i18n::Lang;
use crate::output::xml_text::escape;

const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Page margins, in twentieths of a point (twips), as in the PDF (~25 mm).
const MARGIN_X: u32 = 1400;
const MARGIN_TOP: u32 = 1440;
const MARGIN_BOTTOM: u32 = 1440;
/// Distance of the header from the top edge and of the footer from the bottom.
const HEADER_DISTANCE: u32 = 800;
const FOOTER_DISTANCE: u32 = 720;
/// Width of the label column of fields, and the hanging indent of items.
const LABEL_COLUMN: u32 = 2600;
const ITEM_INDENT: u32 = 440;
/// Cell padding of tables (left and right; top and bottom).
const CELL_PAD_X: u32 = 80;
const CELL_PAD_Y: u32 = 50;
/// Body text size in half-points (10.5 pt), and its em in twips.
const BODY_SIZE: u32 = 21;
const BODY_EM: f32 = 210.0;

/// Page size in twips (width, height).
fn page_size(paper: Paper) -> (u32, u32) {
    match paper {
        Paper::A4 => (11906, 16838),
        Paper::Letter => (12240, 15840),
    }
}

/// The language tag of a document language, as Word expects it.
fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en-GB",
        Lang::Fr => "fr-FR",
        Lang::Es => "es-ES",
        Lang::Ru => "ru-RU",
        Lang::Ar => "ar-SA",
        Lang::Zh => "zh-CN",
    }
}

/// The language of Latin and Cyrillic text (`w:lang w:val`): the
/// document's, except in Arabic and Chinese documents, whose own language is
/// given for complex-script and East Asian text (`w:bidi`, `w:eastAsia`); a
/// Chinese tag there would let a Latin word break anywhere.
fn latin_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar | Lang::Zh => "en-GB",
        other => lang_tag(other),
    }
}

/// Whether a character is set a full em wide (CJK and fullwidth forms).
fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115F}' | '\u{2E80}'..='\u{A4CF}' | '\u{AC00}'..='\u{D7A3}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}' | '\u{20000}'..='\u{3FFFD}')
}

/// Estimated width of a line of text, in ems (the DOCX has no access to the
/// fonts' metrics; this only shares out column widths).
fn width_in_ems(text: &str) -> f32 {
    text.chars().map(|c| if is_wide(c) { 1.0 } else { 0.55 }).sum()
}

/// `text` shortened with an ellipsis to about `max` ems.
fn shorten(text: &str, max: f32) -> String {
    if width_in_ems(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut width = 0.5;
    for c in text.chars() {
        width += if is_wide(c) { 1.0 } else { 0.5 };
        if width > max {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// Splits text into runs of one direction: a run of right-to-left letters
/// (Arabic, Hebrew) is marked `w:rtl` so Word sets it with the complex-script
/// font; neutral characters (spaces, digits, punctuation) join the run before
/// them, or, at the start, the first run (`rtl` when there is none).
fn direction_runs(text: &str, rtl: bool) -> Vec<(bool, String)> {
    let mut runs: Vec<(bool, String)> = Vec::new();
    let mut leading = String::new();
    for c in text.chars() {
        let strong = char_rtl(c);
        match (strong, runs.last_mut()) {
            (None, Some(last)) => last.1.push(c),
            (None, None) => leading.push(c),
            (Some(dir), Some(last)) if last.0 == dir => last.1.push(c),
            (Some(dir), _) => {
                let mut run = std::mem::take(&mut leading);
                run.push(c);
                runs.push((dir, run));
            }
        }
    }
    if runs.is_empty() && !leading.is_empty() {
        runs.push((rtl, leading));
    }
    runs
}

/// The runs of `text`: line breaks become `w:br`, tabs `w:tab`.
fn write_runs(out: &mut String, text: &str, rtl: bool) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for (run_rtl, part) in direction_runs(&text, rtl) {
        out.push_str("<w:r>");
        if run_rtl {
            out.push_str("<w:rPr><w:rtl/></w:rPr>");
        }
        let mut first = true;
        for line in part.split('\n') {
            if !first {
                out.push_str("<w:br/>");
            }
            first = false;
            let mut first_piece = true;
            for piece in line.split('\t') {
                if !first_piece {
                    out.push_str("<w:tab/>");
                }
                first_piece = false;
                let piece = escape(piece);
                if !piece.is_empty() {
                    let _ = write!(out, "<w:t xml:space=\"preserve\">{piece}</w:t>");
                }
            }
        }
        out.push_str("</w:r>");
    }
}

/// A complex field (`PAGE`, `NUMPAGES`) with `shown` as its result until the
/// reader's application updates it.
fn page_number_field(out: &mut String, instruction: &str, shown: &str) {
    let _ = write!(
        out,
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> {instruction} </w:instrText></w:r>\
         <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>{shown}</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    );
}

/// Paragraph properties that vary per paragraph (the rest is in the styles).
#[derive(Default)]
struct ParagraphProperties<'a> {
    /// List (`w:numId`) of a numbered item.
    list: Option<usize>,
    /// Alignment (`start`, `center`, `end`) relative to the document's
    /// direction; `None` for the style's (`center` for the title, else
    /// `start`).
    alignment: Option<&'a str>,
}

/// Writes the body and the parts that depend on it.
struct BodyWriter {
    rtl: bool,
    /// Width of the text column, in twips.
    width: u32,
    out: String,
    /// The first number of each numbered list, by list (`w:numId` − 1).
    lists: Vec<u32>,
}

impl BodyWriter {
    fn text_paragraph(&mut self, style: &str, properties: ParagraphProperties<'_>, text: &str) {
        text_paragraph(&mut self.out, self.rtl, style, properties, text);
    }

    /// Table properties common to every table.
    fn table_start(&mut self, borders: bool, widths: &[u32]) {
        self.out.push_str("<w:tbl><w:tblPr>");
        if self.rtl {
            self.out.push_str("<w:bidiVisual/>");
        }
        let _ = write!(
            self.out,
            "<w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:tblInd w:w=\"0\" w:type=\"dxa\"/>",
            self.width
        );
        if borders {
            self.out.push_str("<w:tblBorders>");
            for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                let _ = write!(
                    self.out,
                    "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
                );
            }
            self.out.push_str("</w:tblBorders>");
        }
        let (pad_y, pad_x) = if borders {
            (CELL_PAD_Y, CELL_PAD_X)
        } else {
            (0, 0)
        };
        let _ = write!(
            self.out,
            "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"{pad_y}\" w:type=\"dxa\"/><w:left w:w=\"{pad_x}\" w:type=\"dxa\"/>\
             <w:bottom w:w=\"{pad_y}\" w:type=\"dxa\"/><w:right w:w=\"{pad_x}\" w:type=\"dxa\"/></w:tblCellMar>\
             <w:tblLook w:val=\"0020\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        );
        for w in widths {
            let _ = write!(self.out, "<w:gridCol w:w=\"{w}\"/>");
        }
        self.out.push_str("</w:tblGrid>");
    }

    /// One cell: its width, shading, and its lines as one paragraph.
    fn cell(&mut self, width: u32, shade: bool, style: &str, lines: &[String]) {
        let _ = write!(
            self.out,
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"
        );
        if shade {
            self.out
                .push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E6E6E6\"/>");
        }
        self.out.push_str("</w:tcPr>");
        self.text_paragraph(style, ParagraphProperties::default(), &lines.join("\n"));
        self.out.push_str("</w:tc>");
    }

    /// Consecutive label/value fields as one borderless two-column table.
    fn fields(&mut self, fields: &[(&String, &Vec<String>)]) {
        if fields.is_empty() {
            return;
        }
        let widths = [LABEL_COLUMN, self.width - LABEL_COLUMN];
        self.table_start(false, &widths);
        for (label, lines) in fields {
            // Short fields stay on one page; long ones may break.
            let short = lines.iter().map(|l| width_in_ems(l)).sum::<f32>() < 400.0;
            self.out.push_str(if short {
                "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            } else {
                "<w:tr>"
            });
            self.cell(widths[0], false, "FieldLabel", std::slice::from_ref(*label));
            self.cell(widths[1], false, "FieldValue", lines);
            self.out.push_str("</w:tr>");
        }
        self.out.push_str("</w:tbl>");
        self.text_paragraph("TableGap", ParagraphProperties::default(), "");
    }

    /// A table with borders, its header row repeated on every page.
    fn table(&mut self, columns: &[String], rows: &[Vec<Vec<String>>]) {
        if columns.is_empty() {
            return;
        }
        let widths = column_widths(self.width, columns, rows);
        self.table_start(true, &widths);
        self.out
            .push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (heading, width) in columns.iter().zip(&widths) {
            self.cell(*width, true, "TableHeading", std::slice::from_ref(heading));
        }
        self.out.push_str("</w:tr>");
        for row in rows {
            // A row that fits on a page is kept whole (Word clips a row that
            // cannot split and does not fit, so long rows may break).
            let lines = row
                .iter()
                .zip(&widths)
                .map(|(cell, w)| {
                    let per_line = (w.saturating_sub(2 * CELL_PAD_X) as f32 / BODY_EM).max(1.0);
                    cell.iter()
                        .map(|l| (width_in_ems(l) / per_line).ceil().max(1.0))
                        .sum::<f32>()
                })
                .fold(0.0, f32::max);
            self.out.push_str(if lines <= 20.0 {
                "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            } else {
                "<w:tr>"
            });
            for (index, width) in widths.iter().enumerate() {
                let empty = Vec::new();
                let cell = row.get(index).unwrap_or(&empty);
                self.cell(*width, false, "TableText", cell);
            }
            self.out.push_str("</w:tr>");
        }
        self.out.push_str("</w:tbl>");
        self.text_paragraph("TableGap", ParagraphProperties::default(), "");
    }

    fn body(&mut self, document: &Document) {
        let mut fields: Vec<(&String, &Vec<String>)> = Vec::new();
        let mut previous_item: Option<u32> = None;
        for block in &document.blocks {
            if let Block::Field { label, lines } = block {
                fields.push((label, lines));
                continue;
            }
            let pending = std::mem::take(&mut fields);
            self.fields(&pending);
            match block {
                Block::Heading { level: 1, text, .. } => {
                    self.text_paragraph("Heading1", ParagraphProperties::default(), text)
                }
                Block::Heading { number, text, .. } => {
                    let text = match number {
                        Some(n) => format!("{n}. {text}"),
                        None => text.clone(),
                    };
                    self.text_paragraph("Heading2", ParagraphProperties::default(), &text);
                }
                Block::Paragraph { lines } => {
                    self.text_paragraph("Normal", ParagraphProperties::default(), &lines.join("\n"))
                }
                Block::Alert { text } => self.text_paragraph("Alert", ParagraphProperties::default(), text),
                Block::Meta { text } => self.text_paragraph("SmallPrint", ParagraphProperties::default(), text),
                Block::Item { number, lines } => {
                    // A new list where the numbering restarts (each section).
                    if previous_item.is_none_or(|p| p + 1 != *number) {
                        self.lists.push(*number);
                    }
                    previous_item = Some(*number);
                    let list = self.lists.len();
                    self.text_paragraph(
                        "ListNumber",
                        ParagraphProperties {
                            list: Some(list),
                            ..ParagraphProperties::default()
                        },
                        &lines.join("\n"),
                    );
                }
                Block::Table { columns, rows } => self.table(columns, rows),
                Block::Field { .. } => unreachable!("fields are gathered above"),
            }
        }
        self.fields(&fields);
    }
}

/// A paragraph of `text` in a document running right to left or not
/// (`rtl`).
fn text_paragraph(out: &mut String, rtl: bool, style: &str, properties: ParagraphProperties<'_>, text: &str) {
    let own = paragraph_rtl(text, rtl);
    let mut content = String::new();
    write_runs(&mut content, text, own);
    paragraph(out, rtl, own, style, properties, &content);
}

/// A paragraph with its style and properties around `content` (runs). A
/// paragraph whose own direction (`own_rtl`) differs from the document's
/// (`rtl`) has its alignment turned round, so that it lines up with the
/// document's start (as in the PDF).
fn paragraph(
    out: &mut String,
    rtl: bool,
    own_rtl: bool,
    style: &str,
    properties: ParagraphProperties<'_>,
    content: &str,
) {
    let _ = write!(out, "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>");
    if let Some(list) = properties.list {
        let _ = write!(
            out,
            "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{list}\"/></w:numPr>"
        );
    }
    if own_rtl {
        out.push_str("<w:bidi/>");
    }
    let alignment = if own_rtl == rtl {
        properties.alignment
    } else {
        match properties.alignment.unwrap_or(if style == "Heading1" {
            "center"
        } else {
            "start"
        }) {
            "start" => Some("end"),
            "end" => Some("start"),
            other => Some(other),
        }
    };
    if let Some(alignment) = alignment {
        let _ = write!(out, "<w:jc w:val=\"{alignment}\"/>");
    }
    out.push_str("</w:pPr>");
    out.push_str(content);
    out.push_str("</w:p>");
}

/// Column widths in twips summing to `total`. Each column wants what its
/// longest line needs and needs at least what its longest word needs (so
/// that no word is cut); when the wants fit, the rest is shared equally,
/// otherwise each column gets its need and the room left is shared in
/// proportion to what each still wants.
fn column_widths(total: u32, columns: &[String], rows: &[Vec<Vec<String>>]) -> Vec<u32> {
    let total_f = total as f32;
    let n = columns.len().max(1) as f32;
    let pad = 2.0 * CELL_PAD_X as f32;
    let cells = |i: usize| {
        rows.iter()
            .flat_map(move |r| r.get(i).into_iter().flatten())
    };
    // Headings are bold: a little wider.
    let want: Vec<f32> = (0..columns.len())
        .map(|i| {
            cells(i)
                .map(|l| width_in_ems(l))
                .fold(width_in_ems(&columns[i]) * 1.1, f32::max)
                * BODY_EM
                + pad
        })
        .collect();
    let need: Vec<f32> = (0..columns.len())
        .map(|i| {
            // Generous: a cut word is worse than a narrower neighbour.
            let word = |text: &str| text.split_whitespace().map(width_in_ems).fold(0.0, f32::max) * 1.15;
            cells(i)
                .map(|l| word(l))
                .fold(word(&columns[i]) * 1.1, f32::max)
                * BODY_EM
                + pad
        })
        .collect();
    let sum_want: f32 = want.iter().sum();
    let sum_need: f32 = need.iter().sum();
    let widths: Vec<f32> = if sum_want <= total_f {
        want.iter().map(|w| w + (total_f - sum_want) / n).collect()
    } else if sum_need >= total_f {
        // Every column keeps room for a few characters besides its padding
        // (a column with one very long word would otherwise squeeze the
        // others below their padding); the rest goes by need.
        let floor = (pad + 2.0 * BODY_EM).min(total_f / n);
        let above: Vec<f32> = need.iter().map(|w| (w - floor).max(0.0)).collect();
        let sum_above = above.iter().sum::<f32>().max(1.0);
        above.iter().map(|a| floor + a * (total_f - floor * n) / sum_above).collect()
    } else {
        let room = total_f - sum_need;
        let extra = sum_want - sum_need;
        want.iter()
            .zip(&need)
            .map(|(w, m)| m + (w - m) / extra * room)
            .collect()
    };
    let mut widths: Vec<u32> = widths.iter().map(|w| w.floor() as u32).collect();
    let used: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += total.saturating_sub(used);
    }
    widths
}

/// The draft mark as a VML watermark: light grey, diagonal, behind the text,
/// centred on the page; sized to the word.
fn watermark(mark: &str) -> String {
    let width_em: f32 = mark
        .chars()
        .map(|c| if is_wide(c) { 1.0 } else { 0.72 })
        .sum::<f32>()
        .max(1.0);
    let mut height = 110.0_f32;
    let mut width = width_em * height;
    if width > 460.0 {
        height *= 460.0 / width;
        width = 460.0;
    }
    format!(
        "<w:r><w:rPr><w:noProof/></w:rPr><w:pict>\
         <v:shapetype id=\"_x0000_t136\" coordsize=\"21600,21600\" o:spt=\"136\" adj=\"10800\" path=\"m@7,l@8,m@5,21600l@6,21600e\">\
         <v:formulas><v:f eqn=\"sum #0 0 10800\"/><v:f eqn=\"prod #0 2 1\"/><v:f eqn=\"sum 21600 0 @1\"/><v:f eqn=\"sum 0 0 @2\"/>\
         <v:f eqn=\"sum 21600 0 @3\"/><v:f eqn=\"if @0 @3 0\"/><v:f eqn=\"if @0 21600 @1\"/><v:f eqn=\"if @0 0 @2\"/>\
         <v:f eqn=\"if @0 @4 21600\"/><v:f eqn=\"mid @5 @6\"/><v:f eqn=\"mid @8 @5\"/><v:f eqn=\"mid @7 @8\"/>\
         <v:f eqn=\"mid @6 @7\"/><v:f eqn=\"sum @6 0 @5\"/></v:formulas>\
         <v:path textpathok=\"t\" o:connecttype=\"custom\" o:connectlocs=\"@9,0;@10,10800;@11,21600;@12,10800\" o:connectangles=\"270,180,90,0\"/>\
         <v:textpath on=\"t\" fitshape=\"t\"/><o:lock v:ext=\"edit\" text=\"t\" shapetype=\"t\"/></v:shapetype>\
         <v:shape id=\"DraftMark\" o:spid=\"_x0000_s1025\" type=\"#_x0000_t136\" \
         style=\"position:absolute;margin-left:0;margin-top:0;width:{width:.1}pt;height:{height:.1}pt;rotation:315;z-index:-251657216;\
         mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin\" \
         o:allowincell=\"f\" fillcolor=\"#d9d9d9\" stroked=\"f\"><v:fill opacity=\".6\"/>\
         <v:textpath style=\"font-family:&quot;Noto Serif&quot;;font-size:1pt;font-weight:bold\" string=\"{}\"/>\
         <w10:wrap anchorx=\"margin\" anchory=\"margin\"/></v:shape></w:pict></w:r>",
        escape(mark)
    )
}

/// `word/header1.xml`: the draft note and mark on a draft, then the running
/// header (reference, confidentiality) at the end of the line.
fn header_part(document: &Document, draft: bool) -> String {
    let rtl = document.lang.rtl();
    let mut out = format!(
        "{DECLARATION}<w:hdr xmlns:w=\"{NS_W}\" xmlns:r=\"{NS_R}\" xmlns:v=\"urn:schemas-microsoft-com:vml\" \
         xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w10=\"urn:schemas-microsoft-com:office:word\">"
    );
    if draft {
        let own = paragraph_rtl(&document.draft_note, rtl);
        let mut content = watermark(&document.draft_mark);
        write_runs(&mut content, &document.draft_note, own);
        paragraph(
            &mut out,
            rtl,
            own,
            "DraftNote",
            ParagraphProperties {
                alignment: Some("start"),
                ..ParagraphProperties::default()
            },
            &content,
        );
    }
    if !document.header.is_empty() {
        text_paragraph(
            &mut out,
            rtl,
            "Header",
            ParagraphProperties {
                alignment: Some("end"),
                ..ParagraphProperties::default()
            },
            &document.header,
        );
    }
    if !draft && document.header.is_empty() {
        out.push_str("<w:p/>");
    }
    out.push_str("</w:hdr>");
    out
}

/// `word/footer1.xml`: the title at the start, the localised "Page X of Y"
/// at the end, its numbers as `PAGE` and `NUMPAGES` fields.
fn footer_part(document: &Document, width: u32) -> String {
    let rtl = document.lang.rtl();
    // The page numbers follow the direction of their pattern.
    let own = paragraph_rtl(&document.footer, rtl);
    let mut content = String::new();
    // Footer text is 8.5 pt: an em is 170 twips.
    let room = width as f32 / 170.0 - width_in_ems(&document.footer) - 4.0;
    write_runs(&mut content, &shorten(&document.title, room.max(8.0)), own);
    content.push_str("<w:r><w:tab/></w:r>");
    for piece in pieces(&document.footer) {
        match piece {
            Piece::Placeholder("page") => page_number_field(&mut content, "PAGE", "1"),
            Piece::Placeholder("pages") => page_number_field(&mut content, "NUMPAGES", "1"),
            Piece::Placeholder(other) => write_runs(&mut content, &format!("{{{other}}}"), own),
            Piece::Text(text) => write_runs(&mut content, text, own),
        }
    }
    let mut out = format!("{DECLARATION}<w:ftr xmlns:w=\"{NS_W}\" xmlns:r=\"{NS_R}\">");
    paragraph(
        &mut out,
        own,
        own,
        "Footer",
        ParagraphProperties {
            alignment: Some("start"),
            ..ParagraphProperties::default()
        },
        &content,
    );
    out.push_str("</w:ftr>");
    out
}

/// `word/styles.xml`: the fonts and language of the document, and its styles.
fn styles_part(lang: Lang, width: u32) -> String {
    let latin = latin_tag(lang);
    let mut out = format!(
        "{DECLARATION}<w:styles xmlns:w=\"{NS_W}\"><w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"Noto Serif\" w:hAnsi=\"Noto Serif\" w:eastAsia=\"Noto Serif CJK SC\" w:cs=\"Noto Naskh Arabic\"/>\
         <w:sz w:val=\"{BODY_SIZE}\"/><w:szCs w:val=\"{BODY_SIZE}\"/><w:lang w:val=\"{latin}\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>\
         </w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"100\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    );
    let rule = |side: &str| {
        format!("<w:pBdr><w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"888888\"/></w:pBdr>")
    };
    // (id, name, based on, paragraph properties, run properties)
    let styles: [(&str, &str, &str, String, &str); 15] = [
        ("Normal", "Normal", "", String::new(), ""),
        (
            "Title",
            "Title",
            "Normal",
            format!("<w:keepNext/>{}<w:spacing w:before=\"0\" w:after=\"200\"/><w:jc w:val=\"center\"/>", rule("bottom")),
            "<w:b/><w:bCs/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>",
        ),
        ("Heading1", "heading 1", "Title", "<w:outlineLvl w:val=\"0\"/>".into(), ""),
        (
            "Heading2",
            "heading 2",
            "Normal",
            "<w:keepNext/><w:keepLines/><w:spacing w:before=\"220\" w:after=\"80\"/><w:outlineLvl w:val=\"1\"/>".into(),
            "<w:b/><w:bCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>",
        ),
        (
            "FieldLabel",
            "Field Label",
            "Normal",
            "<w:spacing w:after=\"60\"/><w:ind w:end=\"200\"/>".into(),
            "<w:b/><w:bCs/><w:color w:val=\"404040\"/>",
        ),
        ("FieldValue", "Field Value", "Normal", "<w:spacing w:after=\"60\"/>".into(), ""),
        ("ListNumber", "List Number", "Normal", "<w:spacing w:after=\"60\"/>".into(), ""),
        (
            "Alert",
            "Alert",
            "Normal",
            "<w:pBdr><w:top w:val=\"single\" w:sz=\"8\" w:space=\"4\" w:color=\"333333\"/><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"4\" w:color=\"333333\"/></w:pBdr><w:spacing w:before=\"60\" w:after=\"200\"/>".into(),
            "<w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>",
        ),
        ("SmallPrint", "Small Print", "Normal", "<w:spacing w:after=\"120\"/>".into(), "<w:color w:val=\"595959\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"),
        ("TableText", "Table Text", "Normal", "<w:spacing w:after=\"0\"/>".into(), ""),
        ("TableHeading", "Table Heading", "TableText", "<w:keepNext/>".into(), "<w:b/><w:bCs/><w:color w:val=\"333333\"/>"),
        ("TableGap", "Table Gap", "Normal", "<w:spacing w:after=\"0\" w:line=\"160\" w:lineRule=\"exact\"/>".into(), "<w:sz w:val=\"8\"/><w:szCs w:val=\"8\"/>"),
        (
            "Header",
            "header",
            "Normal",
            format!("{}<w:spacing w:after=\"0\"/>", rule("bottom")),
            "<w:color w:val=\"4D4D4D\"/><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>",
        ),
        ("DraftNote", "Draft Note", "Header", String::new(), "<w:b/><w:bCs/>"),
        (
            "Footer",
            "footer",
            "Normal",
            format!("{}<w:tabs><w:tab w:val=\"end\" w:pos=\"{width}\"/></w:tabs><w:spacing w:after=\"0\"/>", rule("top")),
            "<w:color w:val=\"595959\"/><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>",
        ),
    ];
    for (id, name, based_on, ppr, rpr) in &styles {
        let default = if *id == "Normal" {
            " w:default=\"1\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<w:style w:type=\"paragraph\"{default} w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>"
        );
        if !based_on.is_empty() {
            let _ = write!(
                out,
                "<w:basedOn w:val=\"{based_on}\"/><w:next w:val=\"Normal\"/>"
            );
        }
        out.push_str("<w:qFormat/>");
        if !ppr.is_empty() {
            let _ = write!(out, "<w:pPr>{ppr}</w:pPr>");
        }
        if !rpr.is_empty() {
            let _ = write!(out, "<w:rPr>{rpr}</w:rPr>");
        }
        out.push_str("</w:style>");
    }
    out.push_str(
        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/>\
         <w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>\
         <w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
         <w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No List\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/></w:style>",
    );
    out.push_str("</w:styles>");
    out
}

/// `word/numbering.xml`: one decimal list per run of items, starting at its
/// first item's number.
fn numbering_part(lists: &[u32]) -> String {
    let mut out = format!("{DECLARATION}<w:numbering xmlns:w=\"{NS_W}\">");
    for (index, start) in lists.iter().enumerate() {
        let _ = write!(
            out,
            "<w:abstractNum w:abstractNumId=\"{index}\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\">\
             <w:start w:val=\"{start}\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/><w:lvlJc w:val=\"start\"/>\
             <w:pPr><w:ind w:start=\"{ITEM_INDENT}\" w:hanging=\"{ITEM_INDENT}\"/></w:pPr></w:lvl></w:abstractNum>"
        );
    }
    for index in 0..lists.len() {
        let _ = write!(
            out,
            "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"{index}\"/></w:num>",
            index + 1
        );
    }
    out.push_str("</w:numbering>");
    out
}

fn settings_part(lang: Lang) -> String {
    format!(
        "{DECLARATION}<w:settings xmlns:w=\"{NS_W}\"><w:zoom w:percent=\"100\"/><w:embedTrueTypeFonts/><w:saveSubsetFonts/><w:defaultTabStop w:val=\"720\"/>\
         <w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat>\
         <w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
         <w:themeFontLang w:val=\"{}\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:settings>",
        latin_tag(lang)
    )
}

/// A date as W3CDTF in UTC.
fn w3c_date(date: time::OffsetDateTime) -> String {
    date.to_offset(time::UtcOffset::UTC)
        .format(time::macros::format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second]Z"
        ))
        .expect("a date formats")
}

fn core_part(document: &Document, date: time::OffsetDateTime) -> String {
    let date = w3c_date(date);
    let mut out = format!(
        "{DECLARATION}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title>",
        escape(&document.title)
    );
    if !document.author.is_empty() {
        let author = escape(&document.author);
        let _ = write!(
            out,
            "<dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>"
        );
    }
    let _ = write!(
        out,
        "<dc:language>{}</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:modified></cp:coreProperties>",
        lang_tag(document.lang)
    );
    out
}

fn app_part() -> String {
    format!(
        "{DECLARATION}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
         xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\
         <Application>MLA BodyWriter</Application><DocSecurity>0</DocSecurity></Properties>"
    )
}

const CONTENT_TYPES: &str = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>\
<Default Extension=\"odttf\" ContentType=\"application/vnd.openxmlformats-officedocument.obfuscatedFont\"/>\
</Types>";

const PACKAGE_RELS: &str = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>\
<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>\
<Relationship Id=\"rId6\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/>\
</Relationships>";

/// The parts of the package, by name, in the order they are stored.
fn parts(
    document: &Document,
    paper: Paper,
    date: time::OffsetDateTime,
    draft: bool,
) -> Vec<(String, Vec<u8>)> {
    let (page_width, page_height) = page_size(paper);
    let width = page_width - 2 * MARGIN_X;
    let rtl = document.lang.rtl();
    let mut writer = BodyWriter {
        rtl,
        width,
        out: String::new(),
        lists: Vec::new(),
    };
    writer.body(document);
    let mut main =
        format!("{DECLARATION}<w:document xmlns:w=\"{NS_W}\" xmlns:r=\"{NS_R}\"><w:body>");
    main.push_str(&writer.out);
    let _ = write!(
        main,
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId4\"/><w:footerReference w:type=\"default\" r:id=\"rId5\"/>\
         <w:pgSz w:w=\"{page_width}\" w:h=\"{page_height}\"/><w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_X}\" \
         w:bottom=\"{MARGIN_BOTTOM}\" w:left=\"{MARGIN_X}\" w:header=\"{HEADER_DISTANCE}\" w:footer=\"{FOOTER_DISTANCE}\" w:gutter=\"0\"/>\
         <w:cols w:space=\"720\"/>{}<w:docGrid w:linePitch=\"360\"/></w:sectPr></w:body></w:document>",
        if rtl { "<w:bidi/>" } else { "" }
    );
    let text = [
        ("word/document.xml", main),
        ("word/header1.xml", header_part(document, draft)),
        ("word/footer1.xml", footer_part(document, width)),
    ];
    // Every character the pages can show (a superset: the markup's own
    // letters are ASCII, which every embedded Latin face has anyway), and
    // the digits of the page fields.
    let characters = text.iter().flat_map(|(_, xml)| xml.chars()).chain('0'..='9').collect();
    let fonts = fonts::parts(&characters);
    let mut parts: Vec<(String, Vec<u8>)> = [
        ("[Content_Types].xml", format!("{DECLARATION}{CONTENT_TYPES}")),
        ("_rels/.rels", format!("{DECLARATION}{PACKAGE_RELS}")),
        ("word/_rels/document.xml.rels", format!("{DECLARATION}{DOCUMENT_RELS}")),
    ]
    .into_iter()
    .chain(text)
    .chain([
        ("word/styles.xml", styles_part(document.lang, width)),
        ("word/numbering.xml", numbering_part(&writer.lists)),
        ("word/settings.xml", settings_part(document.lang)),
        ("word/fontTable.xml", fonts.table),
        ("word/_rels/fontTable.xml.rels", fonts.table_rels),
        ("docProps/core.xml", core_part(document, date)),
        ("docProps/app.xml", app_part()),
    ])
    .map(|(name, xml)| (name.to_string(), xml.into_bytes()))
    .collect();
    parts.extend(fonts.fonts);
    parts
}

/// The document as a DOCX package on `paper`, dated `date` (its properties
/// and the zip entries); a `draft` carries the draft note and mark on every
/// page. The same arguments always give the same bytes.
pub fn write(
    document: &Document,
    paper: Paper,
    date: time::OffsetDateTime,
    draft: bool,
) -> Vec<u8> {
    let utc = date.to_offset(time::UtcOffset::UTC);
    let stamp = zip::DateTime::from_date_and_time(
        utc.year().clamp(1980, 2107) as u16,
        utc.month() as u8,
        utc.day(),
        utc.hour(),
        utc.minute(),
        utc.second(),
    )
    .unwrap_or_default();
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(stamp);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // Directions are set by runs here (`direction_runs`), not by isolates.
    for (name, bytes) in parts(&document.without_isolates(), paper, date, draft) {
        zip.start_file(name, options)
            .expect("writing to memory cannot fail");
        zip.write_all(&bytes)
            .expect("writing to memory cannot fail");
    }
    zip.finish()
        .expect("writing to memory cannot fail")
        .into_inner()
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use quick_xml::events::Event;
    use quick_xml::name::ResolveResult;

    use super::*;

    #[test]
    fn a_column_with_one_very_long_word_leaves_every_other_column_its_padding() {
        let columns: Vec<String> = ["No.", "Name", "Role", "Date", "Note"].map(String::from).to_vec();
        let rows = vec![vec![vec!["1".into()], vec!["x".repeat(5_000)], vec!["witness".into()], vec!["2026-12-01".into()], vec!["-".into()]]];
        let total = 9_000;
        let widths = column_widths(total, &columns, &rows);
        assert_eq!(widths.iter().sum::<u32>(), total);
        assert!(widths.iter().all(|w| *w > 2 * CELL_PAD_X), "{widths:?}");
        assert!(widths[1] > widths[0], "{widths:?}");
    }

    fn sample(lang: Lang) -> Document {
        Document {
            title: "Request for mutual legal assistance".into(),
            lang,
            author: "Office <of> the \"Prosecutor\" & Co".into(),
            header: "Ref. X-1 · CONFIDENTIAL".into(),
            footer: "Page {page} of {pages}".into(),
            draft_note: "DRAFT – not for transmission".into(),
            draft_mark: "DRAFT".into(),
            blocks: vec![
                Block::Heading {
                    level: 1,
                    number: None,
                    text: "Request for mutual legal assistance".into(),
                },
                Block::Heading {
                    level: 2,
                    number: Some(1),
                    text: "Facts".into(),
                },
                Block::Paragraph {
                    lines: vec![
                        "a <b> & \"c\" 'd'\u{1}\u{8}\u{B}\u{FFFE}".into(),
                        "second\tline".into(),
                    ],
                },
                Block::Field {
                    label: "Name".into(),
                    lines: vec!["Ingrid Solberg".into()],
                },
                Block::Field {
                    label: "Born".into(),
                    lines: vec!["1 May 1980".into()],
                },
                Block::Item {
                    number: 1,
                    lines: vec!["first".into()],
                },
                Block::Item {
                    number: 2,
                    lines: vec!["second".into()],
                },
                Block::Heading {
                    level: 2,
                    number: Some(2),
                    text: "Evidence".into(),
                },
                Block::Item {
                    number: 1,
                    lines: vec!["again".into()],
                },
                Block::Table {
                    columns: vec!["Item".into(), "Holder".into()],
                    rows: vec![vec![vec!["Account".into()], vec!["Fjordbank <ASA>".into()]]],
                },
                Block::Meta {
                    text: "Small print".into(),
                },
            ],
        }
    }

    fn date() -> time::OffsetDateTime {
        time::macros::datetime!(2026-11-27 10:30 UTC)
    }

    /// The XML parts of a package, as text (the embedded fonts left out).
    fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
        (0..archive.len())
            .filter_map(|i| {
                let mut file = archive.by_index(i).unwrap();
                if file.name().ends_with(".odttf") {
                    return None;
                }
                let mut text = String::new();
                file.read_to_string(&mut text).unwrap();
                Some((file.name().to_string(), text))
            })
            .collect()
    }

    /// Parses `xml` completely (elements, attributes, namespace prefixes,
    /// references) and returns the text of its `w:t` elements, one string
    /// per element; panics, naming the part, if it is not well-formed.
    fn texts(name: &str, xml: &str) -> Vec<String> {
        let mut reader = quick_xml::NsReader::from_str(xml);
        let mut texts = Vec::new();
        let mut inside_t = false;
        let mut depth = 0usize;
        loop {
            let (unknown_prefix, event) = match reader.read_resolved_event() {
                Ok((ResolveResult::Unknown(prefix), event)) => (Some(prefix), event),
                Ok((_, event)) => (None, event),
                Err(e) => panic!("{name} is not well-formed: {e}"),
            };
            if let Some(prefix) = unknown_prefix {
                panic!("{name}: undeclared prefix {prefix:?}");
            }
            match event {
                Event::Start(ref e) | Event::Empty(ref e) => {
                    for attribute in e.attributes() {
                        let attribute = attribute.unwrap_or_else(|err| panic!("{name}: {err}"));
                        if let ResolveResult::Unknown(prefix) =
                            reader.resolver().resolve_attribute(attribute.key).0
                        {
                            panic!("{name}: undeclared attribute prefix {prefix:?}");
                        }
                    }
                    if matches!(event, Event::Start(_)) {
                        depth += 1;
                        inside_t = e.name().as_ref() == "w:t";
                        if inside_t {
                            texts.push(String::new());
                        }
                    }
                }
                Event::End(_) => {
                    depth -= 1;
                    inside_t = false;
                }
                Event::Text(t) if inside_t => {
                    texts.last_mut().unwrap().push_str(&t.xml10_content())
                }
                Event::GeneralRef(r) if inside_t => {
                    let resolved =
                        quick_xml::escape::resolve_xml_entity(&r).expect("one of XML's entities");
                    texts.last_mut().unwrap().push_str(resolved);
                }
                Event::DocType(_) => panic!("{name} has a DOCTYPE"),
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(depth, 0, "{name} has unclosed elements");
        texts
    }

    fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
        &parts
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no {name}"))
            .1
    }

    #[test]
    fn every_part_is_well_formed_xml() {
        for lang in [Lang::En, Lang::Ar] {
            for draft in [false, true] {
                let parts = unzip(&write(&sample(lang), Paper::A4, date(), draft));
                assert_eq!(parts.len(), 13);
                assert_eq!(parts[0].0, "[Content_Types].xml");
                for (name, xml) in &parts {
                    texts(name, xml);
                }
            }
        }
    }

    #[test]
    fn typed_text_survives_escaped_without_forbidden_characters() {
        let parts = unzip(&write(&sample(Lang::En), Paper::A4, date(), false));
        let document = part(&parts, "word/document.xml");
        assert!(
            document.contains("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;"),
            "{document}"
        );
        let texts = texts("word/document.xml", document);
        assert!(
            texts.contains(&"a <b> & \"c\" 'd'".to_string()),
            "{texts:?}"
        );
        assert!(texts.contains(&"Fjordbank <ASA>".to_string()));
        for forbidden in ['\u{1}', '\u{8}', '\u{B}', '\u{FFFE}'] {
            assert!(
                !parts.iter().any(|(_, xml)| xml.contains(forbidden)),
                "U+{:04X} left in",
                forbidden as u32
            );
        }
        let core = part(&parts, "docProps/core.xml");
        assert!(
            core.contains(
                "<dc:creator>Office &lt;of&gt; the &quot;Prosecutor&quot; &amp; Co</dc:creator>"
            ),
            "{core}"
        );
        assert!(core.contains(
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-27T10:30:00Z</dcterms:created>"
        ));
        assert!(core.contains("<dc:language>en-GB</dc:language>"));
    }

    #[test]
    fn the_table_header_row_repeats_and_fields_are_borderless() {
        let parts = unzip(&write(&sample(Lang::En), Paper::A4, date(), false));
        let document = part(&parts, "word/document.xml");
        let tables: Vec<&str> = document.split("<w:tbl>").skip(1).collect();
        assert_eq!(tables.len(), 2, "one table of fields, one table");
        assert!(!tables[0].contains("<w:tblBorders>") && !tables[0].contains("<w:tblHeader/>"));
        let first_row = tables[1].split("</w:tr>").next().unwrap();
        assert!(first_row.contains("<w:tblHeader/>"), "{first_row}");
        assert!(tables[1].contains("<w:tblBorders>"));
        assert_eq!(tables[1].matches("<w:tblHeader/>").count(), 1);
    }

    #[test]
    fn items_restart_in_each_section_as_real_lists() {
        let parts = unzip(&write(&sample(Lang::En), Paper::A4, date(), false));
        let numbering = part(&parts, "word/numbering.xml");
        assert_eq!(numbering.matches("<w:num ").count(), 2);
        let document = part(&parts, "word/document.xml");
        assert_eq!(document.matches("<w:numId w:val=\"1\"/>").count(), 2);
        assert_eq!(document.matches("<w:numId w:val=\"2\"/>").count(), 1);
    }

    #[test]
    fn the_footer_has_page_fields_where_the_pattern_has_placeholders() {
        let mut doc = sample(Lang::Fr);
        doc.footer = "{pages} pages, page {page}".into();
        let parts = unzip(&write(&doc, Paper::Letter, date(), false));
        let footer = part(&parts, "word/footer1.xml");
        let numpages = footer.find(" NUMPAGES ").unwrap();
        let page = footer.find(" PAGE ").unwrap();
        assert!(
            numpages < footer.find(" pages, page ").unwrap()
                && footer.find(" pages, page ").unwrap() < page,
            "{footer}"
        );
        assert!(!footer.contains('{'));
        assert!(part(&parts, "word/document.xml").contains("<w:pgSz w:w=\"12240\" w:h=\"15840\"/>"));
        assert!(part(&parts, "word/styles.xml").contains("w:val=\"fr-FR\""));
    }

    #[test]
    fn arabic_runs_right_to_left_and_a_draft_carries_its_note_and_mark() {
        let mut doc = sample(Lang::Ar);
        doc.blocks.push(Block::Paragraph {
            lines: vec!["طلب مساعدة Fjordbank".into()],
        });
        let parts = unzip(&write(&doc, Paper::A4, date(), true));
        let document = part(&parts, "word/document.xml");
        assert!(document.contains("<w:bidiVisual/>"));
        assert!(document.contains("<w:bidi/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space=\"preserve\">طلب مساعدة </w:t></w:r><w:r><w:t xml:space=\"preserve\">Fjordbank</w:t></w:r>"), "{document}");
        // A paragraph in Latin letters runs left to right, lined up with the
        // document's start (the right).
        assert!(document.contains("<w:pStyle w:val=\"Normal\"/><w:jc w:val=\"end\"/></w:pPr><w:r><w:t xml:space=\"preserve\">a &lt;b&gt;"), "{document}");
        let header = part(&parts, "word/header1.xml");
        assert!(header.contains("DRAFT – not for transmission"));
        assert!(header.contains("string=\"DRAFT\""));
        let clean = unzip(&write(&doc, Paper::A4, date(), false));
        assert!(!part(&clean, "word/header1.xml").contains("DRAFT"));
    }

    #[test]
    fn columns_share_the_width_without_cutting_words() {
        let columns: Vec<String> = ["Name", "Nationality", "Address"]
            .map(String::from)
            .to_vec();
        let long =
            "Strandveien 8, 5004 Bergvik, Norland, care of a neighbour at number ten ".repeat(3);
        let rows = vec![vec![
            vec!["Ingrid Solberg".to_string()],
            vec!["Norland".to_string()],
            vec![long],
        ]];
        let widths = column_widths(9106, &columns, &rows);
        assert_eq!(widths.iter().sum::<u32>(), 9106);
        let nationality = (width_in_ems("Nationality") * 1.1 * BODY_EM) as u32 + 2 * CELL_PAD_X;
        assert!(widths[1] >= nationality, "{widths:?}");
        assert!(widths[2] > widths[0] && widths[2] > widths[1], "{widths:?}");
    }

    #[test]
    fn the_package_embeds_its_fonts_and_every_relationship_points_at_a_part() {
        let mut doc = sample(Lang::Ar);
        doc.blocks.push(Block::Paragraph { lines: vec!["الأساس القانوني".into()] });
        let bytes = write(&doc, Paper::A4, date(), false);
        let latin = zip::ZipArchive::new(std::io::Cursor::new(write(&sample(Lang::Ar), Paper::A4, date(), false))).unwrap();
        assert_eq!(latin.file_names().filter(|n| n.ends_with(".odttf")).count(), 2, "a text in Latin letters needs Noto Serif only");
        let archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let names: Vec<&str> = archive.file_names().collect();
        let fonts: Vec<&&str> = names.iter().filter(|n| n.ends_with(".odttf")).collect();
        assert_eq!(fonts.len(), 4, "Noto Serif and Noto Naskh Arabic, regular and bold: {names:?}");
        let parts = unzip(&bytes);
        assert!(part(&parts, "[Content_Types].xml").contains("<Default Extension=\"odttf\" ContentType=\"application/vnd.openxmlformats-officedocument.obfuscatedFont\"/>"));
        assert!(part(&parts, "word/settings.xml").contains("<w:embedTrueTypeFonts/><w:saveSubsetFonts/>"));
        for (rels, base) in [("word/_rels/document.xml.rels", "word/"), ("word/_rels/fontTable.xml.rels", "word/"), ("_rels/.rels", "")] {
            for target in part(&parts, rels).split("Target=\"").skip(1).map(|rest| &rest[..rest.find('"').unwrap()]) {
                let name = format!("{base}{target}");
                assert!(names.contains(&name.as_str()), "{rels} points at {name}, which is not in the package");
            }
        }
        let table = part(&parts, "word/fontTable.xml");
        assert_eq!(table.matches("w:fontKey=").count(), 4, "{table}");
    }

    #[test]
    fn the_same_document_gives_the_same_bytes() {
        assert_eq!(
            write(&sample(Lang::Zh), Paper::A4, date(), true),
            write(&sample(Lang::Zh), Paper::A4, date(), true)
        );
    }
}
