//! The laid-out pages as the app shows them: the PDF's own pages, every
//! line where the PDF draws it, so the preview and the PDF cannot differ.
//!
//! Each run of glyphs of one font and one direction becomes a run of text
//! at its place on the page, with the width the PDF gives it; the app draws
//! it with the same font (the fonts the PDF embeds are also the app's), and
//! stretches or squeezes it to that width, so a line breaks, a page ends and
//! a column starts exactly where the PDF's do. Rules, shaded boxes and the
//! DRAFT watermark are drawn as the PDF draws them.
//!
//! Coordinates are in points, from the page's top-left corner (the PDF's
//! start at the bottom-left).

use serde::Serialize;
use ts_rs::TS;

use crate::i18n::fonts::FontId;
use crate::layout::shaping::{GlyphRun, Line};
use crate::layout::LaidOut;

/// The pages of a document, laid out as in its PDF.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Pages {
    /// The document's title.
    pub title: String,
    /// The document's language (`ar`), as the PDF declares it.
    pub lang: String,
    /// Page width, in points.
    pub width: f32,
    /// Page height, in points.
    pub height: f32,
    /// The word printed diagonally across every page of a draft.
    pub watermark: Option<Watermark>,
    /// The pages, in order.
    pub pages: Vec<PageView>,
}

/// One page.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PageView {
    /// Runs of text, line by line, each line's runs left to right.
    pub runs: Vec<TextRun>,
    /// Horizontal rules.
    pub rules: Vec<RuleView>,
    /// Shaded boxes, drawn under the text.
    pub shades: Vec<ShadeView>,
}

/// A run of text of one font and one direction.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TextRun {
    /// Left edge.
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// Width, as the PDF sets the run.
    pub width: f32,
    /// Size in points.
    pub size: f32,
    /// Grey level, 0 black to 1 white.
    pub grey: f32,
    /// The font.
    pub font: FontId,
    /// Bold drawn by stroking the outline (a font without a bold face).
    pub stroke_bold: bool,
    /// Whether it reads right to left.
    pub rtl: bool,
    /// The text, in reading order.
    pub text: String,
}

/// A horizontal rule.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RuleView {
    /// Left end.
    pub x1: f32,
    /// Right end.
    pub x2: f32,
    /// Height.
    pub y: f32,
    /// Thickness.
    pub thickness: f32,
    /// Grey level.
    pub grey: f32,
}

/// A shaded box.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ShadeView {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
    /// Grey level.
    pub grey: f32,
}

/// The DRAFT watermark: its runs set on one baseline from 0, turned about
/// the page's centre by `angle` degrees (counter-clockwise, as the PDF's).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Watermark {
    /// The runs, `x` from the start of the word, `y` 0.
    pub runs: Vec<TextRun>,
    /// Width of the word.
    pub width: f32,
    /// Angle, in degrees.
    pub angle: f32,
    /// Grey level.
    pub grey: f32,
}

/// Size of the watermark's word, as the PDF draws it.
pub(crate) const WATERMARK_SIZE: f32 = 110.0;
/// Grey of the watermark.
pub(crate) const WATERMARK_GREY: f32 = 0.88;
/// Thickness of a rule.
pub(crate) const RULE_THICKNESS: f32 = 0.6;
/// Grey of a rule.
pub(crate) const RULE_GREY: f32 = 0.55;

/// The angle of the watermark on a page of `width` × `height`: along the
/// diagonal, in radians.
pub(crate) fn watermark_angle(width: f32, height: f32) -> f32 {
    (height / width).atan()
}

/// The laid-out pages of the document titled `title`, in `lang`, as the
/// app shows them.
pub fn pages(laid: &LaidOut, title: &str, lang: &str) -> Pages {
    let (width, height) = (laid.size.width, laid.size.height);
    let watermark = laid.watermark.as_ref().map(|mark| Watermark {
        runs: runs(mark, 0.0, 0.0, WATERMARK_SIZE, WATERMARK_GREY, 0.0),
        width: mark.width * WATERMARK_SIZE,
        angle: watermark_angle(width, height).to_degrees(),
        grey: WATERMARK_GREY,
    });
    let pages = laid
        .pages
        .iter()
        .map(|page| PageView {
            runs: page.lines.iter().flat_map(|l| runs(&l.line, l.x, l.y, l.size, l.grey, height)).collect(),
            rules: page.rules.iter().map(|r| RuleView { x1: r.x1, x2: r.x2, y: height - r.y, thickness: RULE_THICKNESS, grey: RULE_GREY }).collect(),
            shades: page
                .shades
                .iter()
                .map(|s| ShadeView { x: s.x, y: height - s.y - s.height, width: s.width, height: s.height, grey: s.grey })
                .collect(),
        })
        .collect();
    Pages { title: title.to_string(), lang: lang.to_string(), width, height, watermark, pages }
}

/// The runs of `line`, set from `x` on the baseline `y` (from the bottom of
/// a page `height` high; from 0 when `height` is 0) at `size`. A line
/// shaped at 1 pt (the watermark) is scaled by `size`.
fn runs(line: &Line, x: f32, y: f32, size: f32, grey: f32, height: f32) -> Vec<TextRun> {
    let scale = if height == 0.0 { size } else { 1.0 };
    let mut pen = x;
    line.runs
        .iter()
        .filter_map(|run| {
            let width = run.width() * scale;
            let left = pen;
            pen += width;
            let text = run_text(run);
            (!text.trim().is_empty()).then(|| TextRun {
                x: left,
                y: if height == 0.0 { 0.0 } else { height - y },
                width,
                size,
                grey,
                font: run.font,
                stroke_bold: run.synthetic_bold,
                rtl: run.rtl,
                text,
            })
        })
        .collect()
}

/// The text of a run in reading order: its glyphs' texts, reversed for a
/// run that reads right to left.
fn run_text(run: &GlyphRun) -> String {
    let texts = run.glyphs.iter().map(|g| g.text.as_str());
    if run.rtl {
        texts.rev().collect()
    } else {
        texts.collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::fonts::Fonts;
    use crate::layout::shaping::{line, Style};
    use crate::layout::fonts::Weight;
    use crate::layout::{LaidOut, Page, PageSize, TextLine};

    fn laid(text: &str, rtl: bool) -> LaidOut {
        let fonts = Fonts::load();
        let shaped = line(&fonts, text, Style { weight: Weight::Regular, size: 10.0, rtl });
        LaidOut {
            size: PageSize { width: 595.0, height: 842.0 },
            watermark: None,
            pages: vec![Page { lines: vec![TextLine { x: 72.0, y: 700.0, size: 10.0, grey: 0.0, line: shaped }], ..Page::default() }],
        }
    }

    #[test]
    fn runs_keep_the_line_s_place_and_width_and_read_in_reading_order() {
        let laid = laid("المبلغ \u{2066}4471-000\u{2069} تم تحويله", true);
        let shown = pages(&laid, "Request", "ar");
        let runs = &shown.pages[0].runs;
        assert!(runs.len() >= 3, "{runs:?}");
        assert!(runs.iter().all(|r| r.y == 842.0 - 700.0));
        assert_eq!(runs[0].x, 72.0);
        let total: f32 = runs.iter().map(|r| r.width).sum();
        let line_width = laid.pages[0].lines[0].line.width;
        assert!((runs.last().unwrap().x + runs.last().unwrap().width - 72.0 - line_width).abs() < 0.01, "{total} {line_width}");
        // Left to right on the page: the end of the sentence first; the
        // number reads left to right inside it.
        let texts: Vec<&str> = runs.iter().map(|r| r.text.trim()).collect();
        assert_eq!(texts.first(), Some(&"تم تحويله"), "{texts:?}");
        assert_eq!(texts.last(), Some(&"المبلغ"), "{texts:?}");
        let number: String = runs.iter().filter(|r| !r.rtl).map(|r| r.text.as_str()).collect();
        assert_eq!(number.trim(), "4471-000", "{texts:?}");
        assert!(runs.iter().filter(|r| r.rtl).count() >= 2, "{texts:?}");
    }

    #[test]
    fn a_latin_line_is_one_run_with_its_text() {
        let shown = pages(&laid("Request for mutual legal assistance", false), "Request", "en");
        let runs = &shown.pages[0].runs;
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].text, "Request for mutual legal assistance");
        assert_eq!(runs[0].font, FontId::Serif);
        assert!(!runs[0].rtl);
    }
}
