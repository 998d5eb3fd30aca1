//! From a document tree to pages: line breaking with the real advance widths
//! of the embedded fonts, pagination with headings kept with what follows,
//! and "Page X of Y" footers.
//!
//! Architecture invariant: layout is pure geometry. It produces positioned
//! text runs and rules in points from the bottom-left corner of the page; the
//! PDF writer only transcribes them.

use crate::document::{Block, Document};
use crate::fonts::{FontFace, Fonts};

/// Page geometry, in points.
#[derive(Debug, Clone, Copy)]
pub struct PageSize {
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

impl PageSize {
    /// ISO A4 (210 × 297 mm).
    pub const A4: PageSize = PageSize { width: 595.28, height: 841.89 };
}

const MARGIN_X: f32 = 70.0;
const MARGIN_TOP: f32 = 68.0;
const MARGIN_BOTTOM: f32 = 72.0;
const FOOTER_Y: f32 = 38.0;
const BODY: f32 = 10.5;
const LEADING: f32 = 1.38;
const LABEL_COLUMN: f32 = 130.0;
const ITEM_INDENT: f32 = 20.0;

/// One positioned run of text.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Left edge.
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// Face.
    pub face: FontFace,
    /// Size in points.
    pub size: f32,
    /// Grey level, 0 black to 1 white.
    pub grey: f32,
    /// The text.
    pub text: String,
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

/// One laid-out page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// Text runs.
    pub runs: Vec<TextRun>,
    /// Rules.
    pub rules: Vec<Rule>,
    /// Section headings that start on this page (for the outline).
    pub headings: Vec<String>,
}

/// A laid-out document.
#[derive(Debug, Clone)]
pub struct LaidOut {
    /// Page size.
    pub size: PageSize,
    /// Word printed diagonally across every page (e.g. "DRAFT"), if any.
    pub watermark: Option<String>,
    /// Pages, in order.
    pub pages: Vec<Page>,
}

/// Breaks `text` into lines no wider than `width` at `size`, at spaces where
/// possible and inside a word only when the word alone is too wide.
pub fn break_lines(fonts: &Fonts, face: FontFace, size: f32, text: &str, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
        if fonts.width(face, size, &candidate) <= width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if fonts.width(face, size, word) <= width {
            current = word.to_string();
        } else {
            // A word wider than the line (a long account number or URL): cut it.
            for ch in word.chars() {
                let mut next = current.clone();
                next.push(ch);
                if !current.is_empty() && fonts.width(face, size, &next) > width {
                    lines.push(std::mem::replace(&mut current, ch.to_string()));
                } else {
                    current = next;
                }
            }
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

struct Cursor<'a> {
    fonts: &'a Fonts,
    size: PageSize,
    pages: Vec<Page>,
    y: f32,
}

impl<'a> Cursor<'a> {
    fn new(fonts: &'a Fonts, size: PageSize) -> Self {
        Cursor { fonts, size, pages: vec![Page::default()], y: size.height - MARGIN_TOP }
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("there is always a page")
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.size.height - MARGIN_TOP;
    }

    /// Makes room for `height` points, starting a new page if needed.
    fn ensure(&mut self, height: f32) {
        let top = self.size.height - MARGIN_TOP;
        if self.y - height < MARGIN_BOTTOM && self.y < top {
            self.new_page();
        }
    }

    fn text_width(&self) -> f32 {
        self.size.width - 2.0 * MARGIN_X
    }

    fn line(&mut self, x: f32, face: FontFace, size: f32, grey: f32, text: String) {
        let lh = size * LEADING;
        self.ensure(lh);
        self.y -= lh;
        let y = self.y + (lh - size) / 2.0 + size * 0.22;
        self.page().runs.push(TextRun { x, y, face, size, grey, text });
    }

    /// Lines of a paragraph, each author's line broken to the width.
    fn wrapped(&mut self, x: f32, width: f32, face: FontFace, size: f32, grey: f32, lines: &[String]) {
        for line in lines {
            for l in break_lines(self.fonts, face, size, line, width) {
                self.line(x, face, size, grey, l);
            }
        }
    }

    fn gap(&mut self, points: f32) {
        if self.y < self.size.height - MARGIN_TOP {
            self.y -= points;
        }
    }
}

/// Lays a document out on pages of `size`.
pub fn lay_out(fonts: &Fonts, document: &Document, size: PageSize) -> LaidOut {
    let mut c = Cursor::new(fonts, size);
    let left = MARGIN_X;
    let width = c.text_width();
    let mut previous_was_field = false;
    for block in &document.blocks {
        match block {
            Block::Heading { level: 1, text } => {
                let lines = break_lines(fonts, FontFace::Bold, 16.0, text, width);
                c.ensure(lines.len() as f32 * 16.0 * LEADING + 3.0 * BODY * LEADING);
                for l in lines {
                    c.line(left, FontFace::Bold, 16.0, 0.0, l);
                }
                c.gap(4.0);
                let y = c.y;
                c.page().rules.push(Rule { x1: left, x2: left + width, y });
                c.gap(8.0);
            }
            Block::Heading { text, .. } => {
                c.gap(10.0);
                // Keep a heading with at least two lines of what follows.
                c.ensure(12.0 * LEADING + 2.0 * BODY * LEADING + 4.0);
                c.page().headings.push(text.clone());
                c.wrapped(left, width, FontFace::Bold, 12.0, 0.0, std::slice::from_ref(text));
                c.gap(3.0);
            }
            Block::Paragraph { lines } => {
                if previous_was_field {
                    c.gap(4.0);
                }
                c.wrapped(left, width, FontFace::Regular, BODY, 0.0, lines);
                c.gap(5.0);
            }
            Block::Meta { text } => {
                c.wrapped(left, width, FontFace::Regular, 9.0, 0.35, std::slice::from_ref(text));
                c.gap(6.0);
            }
            Block::Field { label, lines } => {
                let label_lines = break_lines(fonts, FontFace::Bold, BODY, label, LABEL_COLUMN - 10.0);
                let mut value_lines = Vec::new();
                for line in lines {
                    value_lines.extend(break_lines(fonts, FontFace::Regular, BODY, line, width - LABEL_COLUMN));
                }
                let rows = label_lines.len().max(value_lines.len());
                // Short fields stay on one page; long ones may break.
                c.ensure((rows.min(4)) as f32 * BODY * LEADING);
                for row in 0..rows {
                    let lh = BODY * LEADING;
                    c.ensure(lh);
                    c.y -= lh;
                    let y = c.y + (lh - BODY) / 2.0 + BODY * 0.22;
                    if let Some(l) = label_lines.get(row) {
                        c.page().runs.push(TextRun { x: left, y, face: FontFace::Bold, size: BODY, grey: 0.25, text: l.clone() });
                    }
                    if let Some(v) = value_lines.get(row) {
                        c.page().runs.push(TextRun { x: left + LABEL_COLUMN, y, face: FontFace::Regular, size: BODY, grey: 0.0, text: v.clone() });
                    }
                }
                c.gap(2.0);
            }
            Block::Item { number, lines } => {
                let lh = BODY * LEADING;
                // Room for two lines, so the number's line is on this page.
                c.ensure(lh * 2.0);
                let page_index = c.pages.len() - 1;
                let baseline = c.y - lh + (lh - BODY) / 2.0 + BODY * 0.22;
                c.pages[page_index].runs.push(TextRun { x: left, y: baseline, face: FontFace::Regular, size: BODY, grey: 0.0, text: format!("{number}.") });
                c.wrapped(left + ITEM_INDENT, width - ITEM_INDENT, FontFace::Regular, BODY, 0.0, lines);
                c.gap(3.0);
            }
        }
        previous_was_field = matches!(block, Block::Field { .. });
    }
    let total = c.pages.len();
    for (index, page) in c.pages.iter_mut().enumerate() {
        let footer = format!("Page {} of {}", index + 1, total);
        let w = fonts.width(FontFace::Regular, 8.5, &footer);
        page.runs.push(TextRun { x: size.width - MARGIN_X - w, y: FOOTER_Y, face: FontFace::Regular, size: 8.5, grey: 0.35, text: footer });
        let title = fit(fonts, &document.title, 8.5, size.width - 2.0 * MARGIN_X - w - 24.0);
        page.runs.push(TextRun { x: MARGIN_X, y: FOOTER_Y, face: FontFace::Regular, size: 8.5, grey: 0.35, text: title });
        page.rules.push(Rule { x1: MARGIN_X, x2: size.width - MARGIN_X, y: FOOTER_Y + 12.0 });
    }
    LaidOut { size, watermark: None, pages: c.pages }
}

/// Shortens `text` with an ellipsis to fit `width`.
fn fit(fonts: &Fonts, text: &str, size: f32, width: f32) -> String {
    if fonts.width(FontFace::Regular, size, text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for ch in text.chars() {
        let candidate = format!("{out}{ch}…");
        if fonts.width(FontFace::Regular, size, &candidate) > width {
            break;
        }
        out.push(ch);
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_never_exceed_the_width() {
        let fonts = Fonts::load();
        let text = "The investors paid a total of EUR 3.2 million into accounts held by Meridian Trade Solutions Ltd and IBAN NL44000123456789000000000000000000000000000000 was used.";
        for line in break_lines(&fonts, FontFace::Regular, 10.5, text, 200.0) {
            assert!(fonts.width(FontFace::Regular, 10.5, &line) <= 200.0, "{line}");
        }
    }

    #[test]
    fn long_document_gets_numbered_footers_on_every_page() {
        let fonts = Fonts::load();
        let blocks = (0..120).map(|i| Block::Paragraph { lines: vec![format!("Paragraph {i} of a long statement of facts that goes on.")] }).collect();
        let laid = lay_out(&fonts, &Document { title: "T".into(), blocks }, PageSize::A4);
        assert!(laid.pages.len() >= 3);
        let n = laid.pages.len();
        for (i, page) in laid.pages.iter().enumerate() {
            let footer = format!("Page {} of {}", i + 1, n);
            assert!(page.runs.iter().any(|r| r.text == footer), "page {i} lacks {footer}");
            assert!(page.runs.iter().all(|r| r.y >= FOOTER_Y - 1.0 && r.y <= PageSize::A4.height - MARGIN_TOP + 1.0));
        }
    }
}
