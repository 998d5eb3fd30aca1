//! From a document tree to pages: shaped lines (see [`crate::layout::shaping`]),
//! pagination with headings kept with what follows, tables that break across
//! pages and repeat their header, a running header and a "Page X of Y"
//! footer on every page, all mirrored for right-to-left documents.
//!
//! Architecture invariant: layout is pure geometry. It produces positioned
//! lines of glyphs, rules and shaded boxes in points from the bottom-left
//! corner of the page; the PDF writer only transcribes them.

pub mod fonts;
pub mod shaping;

use crate::i18n::placeholders::fill_known;
use crate::document::{Block, Document};
use crate::layout::fonts::{Fonts, Weight};
use shaping::{Line, Style};

/// Page geometry, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSize {
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

impl PageSize {
    /// ISO A4 (210 × 297 mm).
    pub const A4: PageSize = PageSize { width: 595.28, height: 841.89 };
    /// US Letter (8.5 × 11 in).
    pub const LETTER: PageSize = PageSize { width: 612.0, height: 792.0 };
}

/// The paper a document is printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Paper {
    /// ISO A4, used almost everywhere.
    #[default]
    A4,
    /// US Letter.
    Letter,
}

impl Paper {
    /// Its size.
    pub fn size(self) -> PageSize {
        match self {
            Paper::A4 => PageSize::A4,
            Paper::Letter => PageSize::LETTER,
        }
    }
}

const MARGIN_X: f32 = 70.0;
const MARGIN_TOP: f32 = 72.0;
const MARGIN_BOTTOM: f32 = 72.0;
const HEADER_Y: f32 = 40.0;
const FOOTER_Y: f32 = 38.0;
const BODY_SIZE: f32 = 10.5;
/// Size of a notice the reader must not miss ([`Block::Alert`]).
const ALERT_SIZE: f32 = 13.0;
const SMALL_SIZE: f32 = 8.5;
const LEADING: f32 = 1.38;
const LABEL_COLUMN: f32 = 130.0;
const ITEM_INDENT: f32 = 22.0;
const CELL_PADDING: f32 = 4.0;

/// One positioned line of glyphs.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// Left edge of the line's first glyph.
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// Size in points.
    pub size: f32,
    /// Grey level, 0 black to 1 white.
    pub grey: f32,
    /// The shaped line.
    pub line: Line,
}

/// A horizontal rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Left end.
    pub x1: f32,
    /// Right end.
    pub x2: f32,
    /// Height.
    pub y: f32,
}

/// A shaded box (table headers).
#[derive(Debug, Clone, PartialEq)]
pub struct Shade {
    /// Left edge.
    pub x: f32,
    /// Bottom edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
    /// Grey level.
    pub grey: f32,
}

/// One laid-out page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// Lines of text.
    pub lines: Vec<TextLine>,
    /// Rules.
    pub rules: Vec<Rule>,
    /// Shaded boxes, drawn under the text.
    pub shades: Vec<Shade>,
    /// Section headings that start on this page (for the outline).
    pub headings: Vec<String>,
}

/// A laid-out document.
#[derive(Debug, Clone)]
pub struct LaidOut {
    /// Page size.
    pub size: PageSize,
    /// Word printed diagonally across every page of a draft, shaped at 1 pt.
    pub watermark: Option<Line>,
    /// Pages, in order.
    pub pages: Vec<Page>,
}

impl LaidOut {
    /// The text of every page, line by line (for tests and search).
    pub fn page_texts(&self) -> Vec<Vec<String>> {
        self.pages.iter().map(|p| p.lines.iter().map(|l| l.line.text.clone()).collect()).collect()
    }
}

/// The pages being filled, and the height (`y`, from the bottom edge) that
/// the text has reached on the last one.
struct Cursor<'a> {
    fonts: &'a Fonts,
    size: PageSize,
    rtl: bool,
    pages: Vec<Page>,
    y: f32,
}

impl<'a> Cursor<'a> {
    fn new(fonts: &'a Fonts, size: PageSize, rtl: bool) -> Self {
        Cursor { fonts, size, rtl, pages: vec![Page::default()], y: size.height - MARGIN_TOP }
    }

    fn style(&self, weight: Weight, size: f32) -> Style {
        Style { weight, size, rtl: self.rtl }
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("there is always a page")
    }

    fn top(&self) -> f32 {
        self.size.height - MARGIN_TOP
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.top();
    }

    /// Whether `height` points fit below the cursor on this page.
    fn fits(&self, height: f32) -> bool {
        self.y - height >= MARGIN_BOTTOM || self.y >= self.top()
    }

    /// Makes room for `height` points, starting a new page if needed.
    fn ensure(&mut self, height: f32) {
        if !self.fits(height) {
            self.new_page();
        }
    }

    fn text_width(&self) -> f32 {
        self.size.width - 2.0 * MARGIN_X
    }

    /// The page x of a line `width` wide set at `start` points from the
    /// reading start of a box `box_width` wide that begins `offset` points
    /// from the margin: left-aligned in left-to-right documents,
    /// right-aligned and mirrored in right-to-left ones.
    fn line_x(&self, offset: f32, width: f32) -> f32 {
        if self.rtl {
            self.size.width - MARGIN_X - offset - width
        } else {
            MARGIN_X + offset
        }
    }

    /// Advances by one line of `size` and returns its baseline.
    fn baseline(&mut self, size: f32) -> f32 {
        let line_height = size * LEADING;
        self.ensure(line_height);
        self.y -= line_height;
        self.y + (line_height - size) / 2.0 + size * 0.22
    }

    fn place_line(&mut self, offset: f32, y: f32, size: f32, grey: f32, line: Line) {
        let x = self.line_x(offset, line.width);
        self.page().lines.push(TextLine { x, y, size, grey, line });
    }

    /// A paragraph of `lines` (the author's own line breaks), each broken
    /// to `width`, set `offset` points from the margin.
    fn wrap_lines(&mut self, offset: f32, width: f32, weight: Weight, size: f32, grey: f32, lines: &[String]) {
        for text in lines {
            for line in shaping::paragraph(self.fonts, text, self.style(weight, size), width) {
                let y = self.baseline(size);
                self.place_line(offset, y, size, grey, line);
            }
        }
    }

    fn gap(&mut self, points: f32) {
        if self.y < self.top() {
            self.y -= points;
        }
    }

    fn rule(&mut self, offset: f32, width: f32, y: f32) {
        let x1 = self.line_x(offset, width);
        self.page().rules.push(Rule { x1, x2: x1 + width, y });
    }
}

/// Lays a document out on pages of `size`; a draft gets its watermark and
/// note on every page.
pub fn lay_out(fonts: &Fonts, document: &Document, size: PageSize, draft: bool) -> LaidOut {
    let rtl = document.lang.rtl();
    let mut cursor = Cursor::new(fonts, size, rtl);
    let width = cursor.text_width();
    let mut previous_was_field = false;
    for (index, block) in document.blocks.iter().enumerate() {
        match block {
            Block::Heading { level: 1, text, .. } => {
                let lines = shaping::paragraph(fonts, text, cursor.style(Weight::Bold, 16.0), width);
                cursor.ensure(lines.len() as f32 * 16.0 * LEADING + 3.0 * BODY_SIZE * LEADING);
                for line in lines {
                    let y = cursor.baseline(16.0);
                    // The title is centred.
                    let x = (size.width - line.width) / 2.0;
                    cursor.page().lines.push(TextLine { x, y, size: 16.0, grey: 0.0, line });
                }
                cursor.gap(4.0);
                let y = cursor.y;
                cursor.rule(0.0, width, y);
                cursor.gap(8.0);
            }
            Block::Heading { number, text, .. } => {
                cursor.gap(10.0);
                let text = match number {
                    Some(n) => format!("{n}. {text}"),
                    None => text.clone(),
                };
                // Keep a heading with the opening of what follows: what
                // that block itself keeps together at the top of a page.
                let heading_lines = shaping::paragraph(fonts, &text, cursor.style(Weight::Bold, 12.0), width).len();
                let next = document.blocks.get(index + 1).map_or(0.0, |next| opening(&cursor, next));
                cursor.ensure(heading_lines as f32 * 12.0 * LEADING + 3.0 + next);
                cursor.page().headings.push(text.clone());
                cursor.wrap_lines(0.0, width, Weight::Bold, 12.0, 0.0, std::slice::from_ref(&text));
                cursor.gap(3.0);
            }
            Block::Paragraph { lines } => {
                if previous_was_field {
                    cursor.gap(4.0);
                }
                cursor.wrap_lines(0.0, width, Weight::Regular, BODY_SIZE, 0.0, lines);
                cursor.gap(5.0);
            }
            Block::Alert { text } => {
                // Bold, larger than the text, between two rules.
                cursor.ensure(ALERT_SIZE * LEADING + 12.0);
                let top = cursor.y;
                cursor.rule(0.0, width, top);
                cursor.gap(4.0);
                cursor.wrap_lines(0.0, width, Weight::Bold, ALERT_SIZE, 0.0, std::slice::from_ref(text));
                cursor.gap(3.0);
                let bottom = cursor.y;
                cursor.rule(0.0, width, bottom);
                cursor.gap(8.0);
            }
            Block::Meta { text } => {
                cursor.wrap_lines(0.0, width, Weight::Regular, 9.0, 0.35, std::slice::from_ref(text));
                cursor.gap(6.0);
            }
            Block::Field { label, lines } => field(&mut cursor, label, lines),
            Block::Item { number, lines } => {
                let line_height = BODY_SIZE * LEADING;
                // Room for two lines, so the number's line is on this page.
                cursor.ensure(line_height * 2.0);
                let page = cursor.pages.len() - 1;
                let y = cursor.y - line_height + (line_height - BODY_SIZE) / 2.0 + BODY_SIZE * 0.22;
                let mark = shaping::line(fonts, &format!("{number}."), cursor.style(Weight::Regular, BODY_SIZE));
                let x = cursor.line_x(0.0, mark.width);
                cursor.pages[page].lines.push(TextLine { x, y, size: BODY_SIZE, grey: 0.0, line: mark });
                cursor.wrap_lines(ITEM_INDENT, width - ITEM_INDENT, Weight::Regular, BODY_SIZE, 0.0, lines);
                cursor.gap(3.0);
            }
            Block::Table { columns, rows } => table(&mut cursor, columns, rows),
        }
        previous_was_field = matches!(block, Block::Field { .. });
    }
    let mut pages = cursor.pages;
    running_text(fonts, document, size, draft, &mut pages);
    let watermark = draft.then(|| shaping::line(fonts, &document.draft_mark, Style { weight: Weight::Bold, size: 1.0, rtl }));
    LaidOut { size, watermark, pages }
}

/// The height a block keeps together at the top of a page: a table's
/// header and two lines, the first four rows of a field, two lines of
/// anything else.
fn opening(cursor: &Cursor<'_>, block: &Block) -> f32 {
    let line_height = BODY_SIZE * LEADING;
    match block {
        Block::Table { columns, rows } => table_opening(cursor, columns, rows),
        Block::Field { label, lines } => {
            let (label_lines, value_lines) = field_lines(cursor, label, lines);
            field_opening(label_lines.len().max(value_lines.len()))
        }
        _ => 2.0 * line_height,
    }
}

/// The label's and the value's lines of a field.
fn field_lines(cursor: &Cursor<'_>, label: &str, lines: &[String]) -> (Vec<Line>, Vec<Line>) {
    let width = cursor.text_width();
    let label_lines = shaping::paragraph(cursor.fonts, label, cursor.style(Weight::Bold, BODY_SIZE), LABEL_COLUMN - 10.0);
    let mut value_lines = Vec::new();
    for line in lines {
        value_lines.extend(shaping::paragraph(cursor.fonts, line, cursor.style(Weight::Regular, BODY_SIZE), width - LABEL_COLUMN));
    }
    (label_lines, value_lines)
}

/// What a field of `rows` lines keeps together: a short field stays on one
/// page; a long one may break after its fourth line.
fn field_opening(rows: usize) -> f32 {
    rows.min(4) as f32 * BODY_SIZE * LEADING
}

/// A label and its value side by side (the label on the reading side).
fn field(cursor: &mut Cursor<'_>, label: &str, lines: &[String]) {
    let (label_lines, value_lines) = field_lines(cursor, label, lines);
    let rows = label_lines.len().max(value_lines.len());
    cursor.ensure(field_opening(rows));
    let mut label_lines = label_lines.into_iter();
    let mut value_lines = value_lines.into_iter();
    for _ in 0..rows {
        let y = cursor.baseline(BODY_SIZE);
        if let Some(l) = label_lines.next() {
            cursor.place_line(0.0, y, BODY_SIZE, 0.25, l);
        }
        if let Some(v) = value_lines.next() {
            cursor.place_line(LABEL_COLUMN, y, BODY_SIZE, 0.0, v);
        }
    }
    cursor.gap(2.0);
}

/// Room added to a measured width, so that a text measured to fit a
/// column is not then broken by the rounding of a sum of advances.
const MEASURE_SLACK: f32 = 0.05;

/// Column widths. Each column wants its longest line and needs at least its
/// longest word (so no word is cut while the table can avoid it); what is
/// left after the needs is shared in proportion to what each still wants.
/// The words of the headings come first: when the needs do not all fit,
/// each column keeps the longest word of its heading whole, and only the
/// room beyond that is shared in proportion to the rest of each need.
fn column_widths(cursor: &Cursor<'_>, columns: &[String], rows: &[Vec<Vec<String>>]) -> Vec<f32> {
    let total = cursor.text_width();
    let measure = |text: &str, weight| {
        shaping::line(cursor.fonts, text, cursor.style(weight, BODY_SIZE)).width + 2.0 * CELL_PADDING + MEASURE_SLACK
    };
    let mut heading_need = Vec::with_capacity(columns.len());
    let mut need = Vec::with_capacity(columns.len());
    let mut want = Vec::with_capacity(columns.len());
    for (i, heading) in columns.iter().enumerate() {
        let cells = rows.iter().flat_map(|r| r.get(i).into_iter().flatten());
        let heading_word = heading.split_whitespace().map(|w| measure(w, Weight::Bold)).fold(0.0, f32::max);
        let cell_words = cells.clone().flat_map(|l| l.split_whitespace()).map(|w| measure(w, Weight::Regular));
        heading_need.push(heading_word);
        need.push(cell_words.fold(heading_word, f32::max));
        want.push(cells.map(|l| measure(l, Weight::Regular)).fold(measure(heading, Weight::Bold), f32::max));
    }
    let (sum_need, sum_want): (f32, f32) = (need.iter().sum(), want.iter().sum());
    if sum_want <= total {
        let extra = (total - sum_want) / columns.len().max(1) as f32;
        return want.iter().map(|w| w + extra).collect();
    }
    if sum_need >= total {
        let sum_heading: f32 = heading_need.iter().sum();
        if sum_heading >= total {
            return heading_need.iter().map(|h| h / sum_heading * total).collect();
        }
        // `sum_need >= total > sum_heading`: some need goes beyond its heading.
        let beyond = sum_need - sum_heading;
        let spare = total - sum_heading;
        return heading_need.iter().zip(&need).map(|(h, n)| h + (n - h) / beyond * spare).collect();
    }
    let spare = total - sum_need;
    let wish = sum_want - sum_need;
    need.iter().zip(&want).map(|(n, w)| n + (w - n) / wish * spare).collect()
}

/// A table whose rows break across pages, with its header repeated.
/// The cells of a row, each shaped to its column's width.
fn shape_cells(cursor: &Cursor<'_>, cells: &[Vec<String>], widths: &[f32], weight: Weight) -> Vec<Vec<Line>> {
    cells
        .iter()
        .zip(widths)
        .map(|(lines, w)| lines.iter().flat_map(|l| shaping::paragraph(cursor.fonts, l, cursor.style(weight, BODY_SIZE), w - 2.0 * CELL_PADDING)).collect())
        .collect()
}

/// The header of a table, shaped to its columns' widths, and the number of
/// lines it takes.
fn table_header(cursor: &Cursor<'_>, columns: &[String], widths: &[f32]) -> (Vec<Vec<Line>>, usize) {
    let header: Vec<Vec<String>> = columns.iter().map(|h| vec![h.clone()]).collect();
    let header = shape_cells(cursor, &header, widths, Weight::Bold);
    let rows = header.iter().map(Vec::len).max().unwrap_or(1);
    (header, rows)
}

/// What a table keeps together at the top of a page, the gap before it
/// included: its header and two lines.
fn table_opening(cursor: &Cursor<'_>, columns: &[String], rows: &[Vec<Vec<String>>]) -> f32 {
    let (_, header_rows) = table_header(cursor, columns, &column_widths(cursor, columns, rows));
    TABLE_GAP + table_start(header_rows)
}

/// The room a table of `header_rows` header lines needs to start: the
/// header and two lines, with their padding.
fn table_start(header_rows: usize) -> f32 {
    (header_rows + 2) as f32 * BODY_SIZE * LEADING + 4.0 * CELL_PADDING
}

/// The gap above a table.
const TABLE_GAP: f32 = 4.0;

fn table(cursor: &mut Cursor<'_>, columns: &[String], rows: &[Vec<Vec<String>>]) {
    let widths = column_widths(cursor, columns, rows);
    let offsets: Vec<f32> = widths.iter().scan(0.0, |acc, w| { let o = *acc; *acc += w; Some(o) }).collect();
    let (header, header_rows) = table_header(cursor, columns, &widths);
    let line_height = BODY_SIZE * LEADING;
    let draw_header = |cursor: &mut Cursor<'_>| {
        let height = header_rows as f32 * line_height + 2.0 * CELL_PADDING;
        let top = cursor.y;
        let (x, width) = (cursor.line_x(0.0, cursor.text_width()), cursor.text_width());
        cursor.page().shades.push(Shade { x, y: top - height, width, height, grey: 0.9 });
        cursor.y -= CELL_PADDING;
        draw_row(cursor, &header, &offsets, &widths, 0.2);
        cursor.y = top - height;
        let y = cursor.y;
        cursor.rule(0.0, cursor.text_width(), y);
    };
    cursor.gap(TABLE_GAP);
    cursor.ensure(table_start(header_rows));
    draw_header(cursor);
    for row in rows {
        let cells = shape_cells(cursor, row, &widths, Weight::Regular);
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        // A row that fits on a page is kept whole; a longer one breaks.
        let whole = height as f32 * line_height + 2.0 * CELL_PADDING;
        if !cursor.fits(whole) && whole < cursor.top() - MARGIN_BOTTOM - 3.0 * line_height {
            cursor.new_page();
            draw_header(cursor);
        }
        cursor.y -= CELL_PADDING;
        for index in 0..height {
            if !cursor.fits(line_height + CELL_PADDING) {
                cursor.new_page();
                draw_header(cursor);
                cursor.y -= CELL_PADDING;
            }
            let slice: Vec<Vec<Line>> = cells.iter().map(|cell| cell.get(index).cloned().into_iter().collect()).collect();
            draw_row(cursor, &slice, &offsets, &widths, 0.0);
        }
        cursor.y -= CELL_PADDING;
        let y = cursor.y;
        cursor.rule(0.0, cursor.text_width(), y);
    }
    cursor.gap(8.0);
}

/// One line of each cell, side by side.
fn draw_row(cursor: &mut Cursor<'_>, cells: &[Vec<Line>], offsets: &[f32], widths: &[f32], grey: f32) {
    let rows = cells.iter().map(Vec::len).max().unwrap_or(0);
    for index in 0..rows {
        let line_height = BODY_SIZE * LEADING;
        cursor.y -= line_height;
        let y = cursor.y + (line_height - BODY_SIZE) / 2.0 + BODY_SIZE * 0.22;
        for ((cell, offset), _) in cells.iter().zip(offsets).zip(widths) {
            if let Some(line) = cell.get(index) {
                cursor.place_line(offset + CELL_PADDING, y, BODY_SIZE, grey, line.clone());
            }
        }
    }
}

/// Space kept between two parts of a running line (the draft note and the
/// reference; the title and "Page X of Y").
const RUNNING_GAP: f32 = 24.0;

/// The most lines the title takes in the footer.
const TITLE_LINES: usize = 2;

/// The running header, the footer with "Page X of Y" and, on drafts, the
/// note that the request is not for transmission.
///
/// Every part is measured before it is placed, so none overlaps another:
/// the reference is never shortened (it wraps if it must); the draft note
/// shares its line when both fit, else takes its own lines above it; the
/// title wraps at word boundaries beside "Page X of Y", onto a second line
/// below the first, and only a title longer than that is shortened, with
/// "…".
fn running_text(fonts: &Fonts, document: &Document, size: PageSize, draft: bool, pages: &mut [Page]) {
    let rtl = document.lang.rtl();
    let style = |weight| Style { weight, size: SMALL_SIZE, rtl };
    let total = pages.len();
    let width = size.width - 2.0 * MARGIN_X;
    let line_height = SMALL_SIZE * LEADING;
    let place = |offset_from_start: f32, w: f32| if rtl { size.width - MARGIN_X - offset_from_start - w } else { MARGIN_X + offset_from_start };
    let place_end = |w: f32| if rtl { MARGIN_X } else { size.width - MARGIN_X - w };
    let top = size.height - HEADER_Y;
    // The same on every page: laid out once, from the rule upwards.
    let mut header_lines: Vec<TextLine> = Vec::new();
    let reference = if document.header.is_empty() { Vec::new() } else { shaping::paragraph(fonts, &document.header, style(Weight::Bold), width) };
    let reference_width = reference.last().map_or(0.0, |l| l.width);
    for (index, line) in reference.into_iter().rev().enumerate() {
        let x = place_end(line.width);
        header_lines.push(TextLine { x, y: top + index as f32 * line_height, size: SMALL_SIZE, grey: 0.3, line });
    }
    if draft {
        let note = shaping::line(fonts, &document.draft_note, style(Weight::Bold));
        let above = header_lines.len() as f32 * line_height;
        if header_lines.len() <= 1 && note.width + RUNNING_GAP + reference_width <= width {
            header_lines.push(TextLine { x: place(0.0, note.width), y: top, size: SMALL_SIZE, grey: 0.3, line: note });
        } else {
            let lines = shaping::paragraph(fonts, &document.draft_note, style(Weight::Bold), width);
            for (index, line) in lines.into_iter().rev().enumerate() {
                let y = top + above + index as f32 * line_height;
                header_lines.push(TextLine { x: place(0.0, line.width), y, size: SMALL_SIZE, grey: 0.3, line });
            }
        }
    }
    // The title shares the footer's line, whose width changes with the page number.
    let mut title: Option<(f32, Vec<Line>)> = None;
    for (index, page) in pages.iter_mut().enumerate() {
        let footer = fill_known(&document.footer, |name| match name {
            "page" => Some((index + 1).to_string()),
            "pages" => Some(total.to_string()),
            _ => None,
        });
        let footer = shaping::line(fonts, &footer, style(Weight::Regular));
        let footer_width = footer.width;
        page.lines.push(TextLine { x: place_end(footer_width), y: FOOTER_Y, size: SMALL_SIZE, grey: 0.35, line: footer });
        let room = width - footer_width - RUNNING_GAP;
        let lines = match &title {
            Some((fitted_to, lines)) if *fitted_to == room => lines.clone(),
            _ => {
                let lines = wrapped_to_fit(fonts, &document.title, style(Weight::Regular), room, TITLE_LINES);
                title = Some((room, lines.clone()));
                lines
            }
        };
        for (row, line) in lines.into_iter().enumerate() {
            let y = FOOTER_Y - row as f32 * line_height;
            page.lines.push(TextLine { x: place(0.0, line.width), y, size: SMALL_SIZE, grey: 0.35, line });
        }
        page.rules.push(Rule { x1: MARGIN_X, x2: size.width - MARGIN_X, y: FOOTER_Y + 12.0 });
        page.lines.extend(header_lines.iter().cloned());
        if draft || !document.header.is_empty() {
            page.rules.push(Rule { x1: MARGIN_X, x2: size.width - MARGIN_X, y: top - 6.0 });
        }
    }
}

/// `text` broken into at most `most` lines no wider than `width`, at its
/// spaces; what the last line cannot hold is shortened with "…"
/// ([`shortened_to_fit`]), as is a single word wider than a line.
fn wrapped_to_fit(fonts: &Fonts, text: &str, style: Style, width: f32, most: usize) -> Vec<Line> {
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let mut lines = Vec::new();
    let mut start = 0;
    while start < words.len() {
        if lines.len() + 1 >= most {
            lines.push(shortened_to_fit(fonts, &words[start..].join(" "), style, width));
            break;
        }
        let mut end = start + 1;
        while end < words.len() && shaping::line(fonts, &words[start..=end].join(" "), style).width <= width {
            end += 1;
        }
        lines.push(shortened_to_fit(fonts, &words[start..end].join(" "), style, width));
        start = end;
    }
    lines
}

/// `text` on one line, shortened with an ellipsis to fit `width`: the
/// longest beginning of it (without trailing space) that fits with "…"
/// after it. The beginnings are tried by binary search, so a text of `n`
/// characters is shaped about log2(`n`) times and adds as few words to the
/// cache of shaped words.
fn shortened_to_fit(fonts: &Fonts, text: &str, style: Style, width: f32) -> Line {
    let line = shaping::line(fonts, text, style);
    if line.width <= width {
        return line;
    }
    let ends: Vec<usize> = text.char_indices().map(|(at, _)| at).collect();
    let candidate = |keep: usize| shaping::line(fonts, &format!("{}…", text[..ends[keep]].trim_end()), style);
    // Keeping `lo` characters fits (none: the ellipsis alone, kept even if
    // it does not); keeping `hi` does not.
    let (mut lo, mut hi) = (0, ends.len());
    let mut best = None;
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        let line = candidate(mid);
        if line.width <= width {
            lo = mid;
            best = Some(line);
        } else {
            hi = mid;
        }
    }
    best.unwrap_or_else(|| shaping::line(fonts, "…", style))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn document(lang: Lang, blocks: Vec<Block>) -> Document {
        Document {
            title: "T".into(),
            lang,
            author: String::new(),
            header: "Ref. X-1 · CONFIDENTIAL".into(),
            footer: "Page {page} of {pages}".into(),
            draft_note: "DRAFT – not for transmission".into(),
            draft_mark: "DRAFT".into(),
            blocks,
        }
    }

    #[test]
    fn long_document_gets_numbered_footers_and_the_header_on_every_page() {
        let fonts = Fonts::load();
        let blocks = (0..120).map(|i| Block::Paragraph { lines: vec![format!("Paragraph {i} of a long statement of facts that goes on.")] }).collect();
        let laid = lay_out(&fonts, &document(Lang::En, blocks), PageSize::A4, false);
        assert!(laid.pages.len() >= 3);
        let n = laid.pages.len();
        for (i, page) in laid.page_texts().iter().enumerate() {
            assert!(page.contains(&format!("Page {} of {}", i + 1, n)), "page {i}");
            assert!(page.contains(&"Ref. X-1 · CONFIDENTIAL".to_string()), "page {i}");
        }
        for page in &laid.pages {
            assert!(page.lines.iter().all(|l| l.y >= FOOTER_Y - 1.0 && l.y <= PageSize::A4.height - HEADER_Y + 1.0));
            assert!(page.lines.iter().all(|l| l.x >= MARGIN_X - 0.5 && l.x + l.line.width <= PageSize::A4.width - MARGIN_X + 0.5));
        }
    }

    #[test]
    fn a_long_table_repeats_its_header_on_every_page() {
        let fonts = Fonts::load();
        let rows = (0..90).map(|i| vec![vec![format!("Person {i}")], vec!["Witness".into()], vec![format!("Account NL{i:02}ABNA0123456789")]]).collect();
        let table = Block::Table { columns: vec!["Name".into(), "Role".into(), "Account".into()], rows };
        let laid = lay_out(&fonts, &document(Lang::En, vec![table]), PageSize::LETTER, false);
        assert!(laid.pages.len() >= 3);
        for page in laid.page_texts() {
            assert!(page.contains(&"Name".to_string()) && page.contains(&"Account".to_string()), "{page:?}");
        }
        let all: Vec<String> = laid.page_texts().concat();
        assert!((0..90).all(|i| all.contains(&format!("Person {i}"))));
    }

    #[test]
    fn right_to_left_documents_are_mirrored() {
        let fonts = Fonts::load();
        let blocks = vec![Block::Paragraph { lines: vec!["طلب قصير".into()] }];
        let laid = lay_out(&fonts, &document(Lang::Ar, blocks), PageSize::A4, false);
        let line = laid.pages[0].lines.iter().find(|l| l.line.text == "طلب قصير").unwrap();
        assert!((line.x + line.line.width - (PageSize::A4.width - MARGIN_X)).abs() < 0.5, "not flush right");
    }

    /// Urgency is not small print: the alert is bold, larger than the
    /// text, and set between two rules.
    #[test]
    fn an_alert_is_bold_larger_than_the_text_and_between_rules() {
        let fonts = Fonts::load();
        let blocks = vec![Block::Alert { text: "URGENT – execution is needed by 1 December 2026".into() }, Block::Paragraph { lines: vec!["Body".into()] }];
        let laid = lay_out(&fonts, &document(Lang::En, blocks), PageSize::A4, false);
        let page = &laid.pages[0];
        let alert = page.lines.iter().find(|l| l.line.text.starts_with("URGENT")).unwrap();
        let body = page.lines.iter().find(|l| l.line.text == "Body").unwrap();
        assert!(alert.size > body.size, "{} vs {}", alert.size, body.size);
        assert!(alert.line.runs.iter().all(|r| r.font == crate::layout::fonts::FontId::SerifBold), "{:?}", alert.line.runs.iter().map(|r| r.font).collect::<Vec<_>>());
        let above = page.rules.iter().filter(|r| r.y > alert.y && r.y < alert.y + 2.0 * alert.size).count();
        let below = page.rules.iter().filter(|r| r.y < alert.y && r.y > body.y).count();
        assert_eq!((above, below), (1, 1));
    }

    #[test]
    fn a_draft_carries_its_note_and_watermark() {
        let fonts = Fonts::load();
        let laid = lay_out(&fonts, &document(Lang::En, vec![]), PageSize::A4, true);
        assert!(laid.page_texts()[0].contains(&"DRAFT – not for transmission".to_string()));
        assert_eq!(laid.watermark.unwrap().text, "DRAFT");
    }

    #[test]
    fn a_long_reference_is_fitted_with_a_few_shapings_not_one_per_character() {
        let fonts = Fonts::load();
        let style = Style { weight: Weight::Bold, size: SMALL_SIZE, rtl: false };
        // One word of 3,000 characters: each candidate is a new word to shape.
        let reference = "AB-12/".repeat(500);
        let fitted = shortened_to_fit(&fonts, &reference, style, 300.0);
        assert!(fitted.width <= 300.0 && fitted.text.ends_with('…'), "{fitted:?}");
        let kept = fitted.text.trim_end_matches('…');
        assert!(reference.starts_with(kept) && kept.len() > 20, "{}", fitted.text);
        // The longest beginning that fits: one more character does not.
        let longer = format!("{}…", &reference[..kept.len() + 1]);
        assert!(shaping::line(&fonts, &longer, style).width > 300.0);
        // The whole text, then about log2(3,000) candidates, each one word
        // (kept only when short).
        assert!(fonts.shapings() <= 2 + 2 * 12, "{} words shaped", fonts.shapings());
        assert!(fonts.cached_words() <= 2 + 2 * 12, "{} words kept", fonts.cached_words());
        // A reference of many words: each candidate brings at most one new word.
        let fonts = Fonts::load();
        let reference = (0..600).map(|i| format!("ECD/{i}")).collect::<Vec<_>>().join(" ");
        let fitted = shortened_to_fit(&fonts, &reference, style, 300.0);
        assert!(fitted.width <= 300.0 && fitted.text.starts_with("ECD/0 ECD/1"), "{}", fitted.text);
        assert!(fonts.cached_words() <= 600 + 2 + 2 * 12, "{} words kept", fonts.cached_words());
    }

    #[test]
    fn a_text_that_fits_is_not_shortened_and_words_are_cut_with_an_ellipsis() {
        let fonts = Fonts::load();
        let style = Style { weight: Weight::Regular, size: SMALL_SIZE, rtl: false };
        assert_eq!(shortened_to_fit(&fonts, "Ref. X-1", style, 300.0).text, "Ref. X-1");
        let fitted = shortened_to_fit(&fonts, "Request for mutual legal assistance in the Meridian case", style, 120.0);
        assert!(fitted.text.starts_with("Request for") && fitted.text.ends_with('…') && fitted.width <= 120.0, "{}", fitted.text);
        assert_eq!(shortened_to_fit(&fonts, "Request", style, 1.0).text, "…");
    }
}
