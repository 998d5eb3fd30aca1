//! From a line of text to positioned glyphs: the Unicode bidirectional
//! algorithm (`unicode-bidi`) orders mixed right-to-left and left-to-right
//! text, each run is shaped in its font by `rustybuzz` (Arabic joining,
//! ligatures, kerning), and lines are broken at the opportunities of the
//! Unicode line breaking algorithm (`unicode-linebreak`), which also breaks
//! between Chinese ideographs.
//!
//! Every glyph keeps the text it stands for, so the PDF maps it back to
//! Unicode and its text can be selected and extracted in logical order.

use std::ops::Range;

use rustybuzz::{BufferClusterLevel, Direction, UnicodeBuffer};
use unicode_bidi::{Level, ParagraphBidiInfo};
use unicode_linebreak::BreakOpportunity;

use crate::document::direction::{is_direction_format, paragraph_rtl};
use crate::layout::fonts::{FontId, Fonts, UnitGlyph, Weight};

/// One glyph, in points at the size it was shaped for.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Glyph id in its font.
    pub id: u16,
    /// How far the pen moves after it.
    pub advance: f32,
    /// Horizontal displacement from the pen (marks).
    pub dx: f32,
    /// Vertical displacement from the baseline (marks).
    pub dy: f32,
    /// The text the glyph stands for ("" for the second glyph of a cluster).
    pub text: String,
}

/// Glyphs of one font, in visual order (left to right).
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphRun {
    /// Font of the glyphs.
    pub font: FontId,
    /// Whether bold is drawn by stroking the outline (the font has no bold face).
    pub synthetic_bold: bool,
    /// Whether the run reads right to left (its glyphs are still left to
    /// right, so its text is their texts in reverse order).
    pub rtl: bool,
    /// Glyphs, left to right.
    pub glyphs: Vec<Glyph>,
}

impl GlyphRun {
    /// Width of the run.
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }
}

/// A shaped line: runs in visual order and the text in logical order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    /// The line's text, in logical (reading) order, without the directional
    /// formatting characters (isolates, embeddings), which draw nothing.
    pub text: String,
    /// Runs, left to right.
    pub runs: Vec<GlyphRun>,
    /// Total advance.
    pub width: f32,
}

/// How a paragraph is set.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Weight.
    pub weight: Weight,
    /// Size in points.
    pub size: f32,
    /// Whether the base direction is right to left when the text itself
    /// does not say (no strongly directional character).
    pub rtl: bool,
}

/// A glyph shaped within a paragraph, with its cluster's byte offset.
struct ClusterGlyph {
    glyph: Glyph,
    cluster: usize,
}

/// A run of the paragraph with one font and one embedding level, shaped.
///
/// Its glyphs are in visual order, so their clusters rise (left to right)
/// or fall (right to left), except within a word, where a shaper may
/// reorder marks. `ahead[i]` is the furthest cluster, in the run's
/// direction, of glyphs `..=i`, and `behind[i]` the nearest of glyphs
/// `i..`: both are monotonic, so the glyphs of any text range are found by
/// binary search and a line costs what its own glyphs cost.
struct Segment {
    range: Range<usize>,
    font: FontId,
    rtl: bool,
    glyphs: Vec<ClusterGlyph>,
    ahead: Vec<usize>,
    behind: Vec<usize>,
}

impl Segment {
    /// Indices of the glyphs that may belong to the text `range`: every
    /// glyph outside them has its cluster outside `range`.
    fn candidates(&self, range: &Range<usize>) -> Range<usize> {
        let (first, last) = if self.rtl {
            // Clusters fall: skip glyphs wholly after the range, stop at those wholly before it.
            (self.ahead.partition_point(|&c| c >= range.end), self.behind.partition_point(|&c| c >= range.start))
        } else {
            (self.ahead.partition_point(|&c| c < range.start), self.behind.partition_point(|&c| c < range.end))
        };
        first..last.max(first)
    }

    /// Computes the envelopes [`Segment::ahead`] and [`Segment::behind`].
    fn index(&mut self) {
        let further = |a: usize, b: usize| if self.rtl { a.min(b) } else { a.max(b) };
        let nearer = |a: usize, b: usize| if self.rtl { a.max(b) } else { a.min(b) };
        self.ahead = self
            .glyphs
            .iter()
            .scan(None, |acc: &mut Option<usize>, g| {
                let next = acc.map_or(g.cluster, |a| further(a, g.cluster));
                *acc = Some(next);
                Some(next)
            })
            .collect();
        let mut behind: Vec<usize> = self
            .glyphs
            .iter()
            .rev()
            .scan(None, |acc: &mut Option<usize>, g| {
                let next = acc.map_or(g.cluster, |a| nearer(a, g.cluster));
                *acc = Some(next);
                Some(next)
            })
            .collect();
        behind.reverse();
        self.behind = behind;
    }
}

/// A paragraph shaped once, from which lines are cut.
struct ShapedParagraph<'t> {
    text: &'t str,
    bidi: ParagraphBidiInfo<'t>,
    /// In logical order, each starting where the one before ends.
    segments: Vec<Segment>,
    /// Advance of the glyphs of each byte's cluster, as a running total:
    /// `running_advance[b] - running_advance[a]` is the width of `a..b`.
    running_advance: Vec<f32>,
    /// For each byte offset `b`, the end of `text[..b]` without its
    /// trailing white space.
    trimmed_end: Vec<usize>,
    /// Segments, glyphs and bytes looked at to cut lines (for the tests of cost).
    #[cfg(test)]
    work: std::cell::Cell<usize>,
}

/// Replaces characters the bidi algorithm treats as paragraph separators:
/// a block's line is one paragraph.
fn one_paragraph(text: &str) -> String {
    text.chars()
        .map(|c| if matches!(c, '\n' | '\r' | '\u{1C}'..='\u{1E}' | '\u{85}' | '\u{2029}') { ' ' } else { c })
        .collect()
}

/// The font of each character: its own, or for shared characters that of
/// the text before it (else after it), if that font can draw it.
fn fonts_of(fonts: &Fonts, text: &str, weight: Weight) -> Vec<FontId> {
    let own: Vec<Option<FontId>> = text.chars().map(|c| fonts.font_for(c, weight)).collect();
    let fallback = if weight == Weight::Bold { FontId::SerifBold } else { FontId::Serif };
    let first = own.iter().flatten().next().copied().unwrap_or(fallback);
    let mut current = first;
    text.chars()
        .zip(own)
        .map(|(c, font)| match font {
            // Never drawn: kept in the run around them.
            _ if is_direction_format(c) => current,
            Some(f) => {
                current = f;
                f
            }
            None if fonts.can_draw(current, c) => current,
            None => fonts.any_font_for(c, weight),
        })
        .collect()
}

impl<'t> ShapedParagraph<'t> {
    fn new(fonts: &Fonts, text: &'t str, style: Style) -> Self {
        let rtl = paragraph_rtl(text, style.rtl);
        let base = if rtl { Level::rtl() } else { Level::ltr() };
        let bidi = ParagraphBidiInfo::new(text, Some(base));
        let char_fonts = fonts_of(fonts, text, style.weight);
        // Segments: maximal runs of one font and one level.
        let mut segments: Vec<Segment> = Vec::new();
        for ((offset, c), font) in text.char_indices().zip(char_fonts) {
            let level = bidi.levels[offset];
            match segments.last_mut() {
                Some(s) if s.font == font && bidi.levels[s.range.start] == level => s.range.end = offset + c.len_utf8(),
                _ => segments.push(Segment {
                    range: offset..offset + c.len_utf8(),
                    font,
                    rtl: level.is_rtl(),
                    glyphs: Vec::new(),
                    ahead: Vec::new(),
                    behind: Vec::new(),
                }),
            }
        }
        let mut running_advance = vec![0.0; text.len() + 1];
        for segment in &mut segments {
            segment.glyphs = shape(fonts, &text[segment.range.clone()], segment.range.start, segment.font, style.size, segment.rtl);
            segment.index();
            for g in &segment.glyphs {
                running_advance[g.cluster + 1] += g.glyph.advance;
            }
        }
        for i in 1..running_advance.len() {
            running_advance[i] += running_advance[i - 1];
        }
        let mut trimmed_end = vec![0; text.len() + 1];
        let mut end = 0;
        let mut chars = text.char_indices().peekable();
        for (b, slot) in trimmed_end.iter_mut().enumerate() {
            // `end` covers the characters wholly before `b`.
            while let Some(&(at, c)) = chars.peek() {
                if at + c.len_utf8() > b {
                    break;
                }
                if !c.is_whitespace() {
                    end = at + c.len_utf8();
                }
                chars.next();
            }
            *slot = end;
        }
        ShapedParagraph {
            text,
            bidi,
            segments,
            running_advance,
            trimmed_end,
            #[cfg(test)]
            work: std::cell::Cell::new(0),
        }
    }

    /// Width of the text `range` (whole clusters).
    fn width(&self, range: Range<usize>) -> f32 {
        self.running_advance[range.end] - self.running_advance[range.start]
    }

    /// `range` without its trailing white space.
    fn trimmed(&self, range: Range<usize>) -> Range<usize> {
        range.start..self.trimmed_end[range.end].max(range.start)
    }

    /// The line for `range`, reordered for display. It costs what the
    /// line's own text and glyphs cost, whatever the paragraph's length.
    fn line(&self, range: Range<usize>, synthetic_bold: bool) -> Line {
        let range = self.trimmed(range);
        let text = self.text[range.clone()].chars().filter(|&c| !is_direction_format(c)).collect();
        let mut line = Line { text, runs: Vec::new(), width: 0.0 };
        if range.is_empty() {
            return line;
        }
        // The line's own bidi information: the rules that reorder a line
        // (UAX #9 L1, L2) look at its characters and levels only.
        let own = ParagraphBidiInfo {
            text: &self.text[range.clone()],
            original_classes: self.bidi.original_classes[range.clone()].to_vec(),
            levels: self.bidi.levels[range.clone()].to_vec(),
            paragraph_level: self.bidi.paragraph_level,
            is_pure_ltr: self.bidi.is_pure_ltr,
        };
        let (levels, runs) = own.visual_runs(0..range.len());
        #[cfg(test)]
        self.work.set(self.work.get() + range.len());
        let first_segment = self.segments.partition_point(|s| s.range.end <= range.start);
        for local in runs {
            let rtl = levels[local.start].is_rtl();
            let run = range.start + local.start..range.start + local.end;
            let mut pieces: Vec<GlyphRun> = self.segments[first_segment..]
                .iter()
                .take_while(|s| s.range.start < range.end)
                .inspect(|_| {
                    #[cfg(test)]
                    self.work.set(self.work.get() + 1);
                })
                .filter(|s| s.range.start < run.end && run.start < s.range.end)
                .map(|s| {
                    let candidates = &s.glyphs[s.candidates(&run)];
                    #[cfg(test)]
                    self.work.set(self.work.get() + candidates.len());
                    GlyphRun {
                        font: s.font,
                        synthetic_bold: synthetic_bold && !s.font.has_bold_face(),
                        rtl,
                        glyphs: candidates.iter().filter(|g| run.contains(&g.cluster)).map(|g| g.glyph.clone()).collect(),
                    }
                })
                .filter(|r| !r.glyphs.is_empty())
                .collect();
            if rtl {
                pieces.reverse();
            }
            line.runs.extend(pieces);
        }
        line.width = line.runs.iter().map(GlyphRun::width).sum();
        line
    }
}

/// Shapes `text` (which starts at byte `offset` of its paragraph) in one
/// font and direction, word by word: shaping never crosses a space (no
/// joining, ligature or kerning does in our scripts), so each word is shaped
/// once per document and then taken from the cache of [`Fonts`].
fn shape(fonts: &Fonts, text: &str, offset: usize, font: FontId, size: f32, rtl: bool) -> Vec<ClusterGlyph> {
    let scale = size / fonts.units_per_em(font);
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == ' ' {
            if start < i {
                words.push((start, &text[start..i]));
            }
            words.push((i, &text[i..i + 1]));
            start = i + 1;
        }
    }
    if start < text.len() {
        words.push((start, &text[start..]));
    }
    if rtl {
        // Right to left, the last word is drawn first.
        words.reverse();
    }
    let mut out = Vec::with_capacity(text.len());
    for (at, word) in words {
        let shaped = fonts.shaped_word(font, rtl, word, || shape_word(fonts, word, font, rtl));
        // The isolates and embeddings have steered the order; they draw nothing.
        let drawn = shaped.iter().filter(|g| g.text.is_empty() || !g.text.chars().all(is_direction_format));
        out.extend(drawn.map(|g| ClusterGlyph {
            glyph: Glyph { id: g.id, advance: g.advance * scale, dx: g.dx * scale, dy: g.dy * scale, text: g.text.clone() },
            cluster: offset + at + g.cluster,
        }));
    }
    out
}

/// Shapes one word, in font units.
fn shape_word(fonts: &Fonts, text: &str, font: FontId, rtl: bool) -> Vec<UnitGlyph> {
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_cluster_level(BufferClusterLevel::Characters);
    buffer.guess_segment_properties();
    buffer.set_direction(if rtl { Direction::RightToLeft } else { Direction::LeftToRight });
    let plan = fonts.plan(font, rtl, buffer.script());
    let output = rustybuzz::shape_with_plan(fonts.face(font), &plan, buffer);
    let infos = output.glyph_infos();
    let positions = output.glyph_positions();
    // Cluster starts in logical order, to give each glyph its text.
    let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    let end_of = |start: usize| starts.get(starts.partition_point(|&s| s <= start)).copied().unwrap_or(text.len());
    let mut seen = vec![false; text.len() + 1];
    infos
        .iter()
        .zip(positions)
        .map(|(info, pos)| {
            let cluster = info.cluster as usize;
            let first = !std::mem::replace(&mut seen[cluster], true);
            UnitGlyph {
                id: info.glyph_id as u16,
                advance: pos.x_advance as f32,
                dx: pos.x_offset as f32,
                dy: pos.y_offset as f32,
                text: if first { text[cluster..end_of(cluster)].to_string() } else { String::new() },
                cluster,
            }
        })
        .collect()
}

/// Sets `text` on one line, however long.
pub fn line(fonts: &Fonts, text: &str, style: Style) -> Line {
    let text = one_paragraph(text);
    let paragraph = ShapedParagraph::new(fonts, &text, style);
    paragraph.line(0..text.len(), style.weight == Weight::Bold)
}

/// Breaks `text` into lines no wider than `width`, at the line breaking
/// opportunities of Unicode (spaces, hyphens, between ideographs), and
/// inside a word only when the word alone is wider than the line.
pub fn paragraph(fonts: &Fonts, text: &str, style: Style, width: f32) -> Vec<Line> {
    let text = one_paragraph(text);
    ShapedParagraph::new(fonts, &text, style).lines(width, style.weight == Weight::Bold)
}

impl ShapedParagraph<'_> {
    /// The paragraph cut into lines no wider than `width` (see [`paragraph`]).
    fn lines(&self, width: f32, bold: bool) -> Vec<Line> {
        self.breaks(width).into_iter().map(|range| self.line(range, bold)).collect()
    }

    /// The text range of each line no wider than `width`.
    fn breaks(&self, width: f32) -> Vec<Range<usize>> {
        let text = self.text;
        let mut lines = Vec::new();
        let mut start = 0;
        let mut fit: Option<usize> = None;
        let mut breaks = unicode_linebreak::linebreaks(text).peekable();
        while let Some(&(at, kind)) = breaks.peek() {
            if self.width(self.trimmed(start..at)) <= width {
                fit = Some(at);
                breaks.next();
                if kind == BreakOpportunity::Mandatory && at < text.len() {
                    lines.push(start..at);
                    start = at;
                    fit = None;
                }
                continue;
            }
            match fit.take() {
                // Break at the last opportunity that fitted, then try again.
                Some(end) if end > start => {
                    lines.push(start..end);
                    start = end;
                }
                // A word wider than the line (an account number, a URL): cut it.
                _ => {
                    let mut end = start;
                    for (i, c) in text[start..at].char_indices() {
                        let next = start + i + c.len_utf8();
                        if end > start && self.width(start..next) > width {
                            break;
                        }
                        end = next;
                    }
                    lines.push(start..end);
                    start = end;
                    if start >= at {
                        breaks.next();
                    }
                }
            }
        }
        if start < text.len() || lines.is_empty() {
            lines.push(start..text.len());
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(rtl: bool) -> Style {
        Style { weight: Weight::Regular, size: 10.5, rtl }
    }

    fn fonts() -> &'static Fonts {
        static FONTS: std::sync::OnceLock<Fonts> = std::sync::OnceLock::new();
        FONTS.get_or_init(Fonts::load)
    }

    fn run_text(line: &Line) -> Vec<String> {
        line.runs.iter().map(|r| r.glyphs.iter().map(|g| g.text.as_str()).collect()).collect()
    }

    #[test]
    fn lines_never_exceed_the_width_and_keep_every_word() {
        let text = "The investors paid a total of EUR 3.2 million into accounts held by Meridian Trade Solutions Ltd and IBAN NL44000123456789000000000000000000000000000000 was used.";
        let lines = paragraph(fonts(), text, style(false), 200.0);
        assert!(lines.len() > 3);
        for line in &lines {
            assert!(line.width <= 200.0 + 0.01, "{} is {} wide", line.text, line.width);
        }
        let rejoined: String = lines.iter().map(|l| l.text.replace(' ', "")).collect();
        assert_eq!(rejoined, text.replace(' ', ""));
    }

    #[test]
    fn arabic_is_joined_and_runs_right_to_left() {
        let line = line(fonts(), "طلب مساعدة", style(true));
        // Joined forms differ from the isolated ones: "ط" alone and in "طلب".
        let alone = super::line(fonts(), "ط", style(true));
        assert_ne!(line.runs[0].glyphs.last().unwrap().id, alone.runs[0].glyphs[0].id, "ط is not joined to what follows");
        // Visual order: the first word read is drawn at the right.
        let glyph_texts: Vec<&str> = line.runs.iter().flat_map(|r| r.glyphs.iter().map(|g| g.text.as_str())).collect();
        assert_eq!(glyph_texts.last(), Some(&"ط"));
        assert_eq!(line.text, "طلب مساعدة");
    }

    #[test]
    fn a_latin_name_inside_arabic_keeps_its_order() {
        let line = line(fonts(), "السيد John Smith مواطن", style(true));
        let runs = run_text(&line);
        // Left to right on the page: the last Arabic word, then the name, then the first word.
        assert!(runs.iter().any(|r| r.contains("John Smith")), "{runs:?}");
        let name = runs.iter().position(|r| r.contains("John")).unwrap();
        assert!(runs[name + 1..].iter().any(|r| r.contains('ا')), "{runs:?}");
        assert!(runs[..name].iter().any(|r| r.contains('م')), "{runs:?}");
    }

    #[test]
    fn chinese_breaks_between_ideographs() {
        let text = "请求方当局请求被请求国主管当局协助获取与本案有关的银行记录和电子证据。";
        let lines = paragraph(fonts(), text, style(false), 120.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.width <= 120.01));
        assert!(lines.iter().all(|l| l.runs.iter().all(|r| r.font == FontId::Cjk)));
        assert_eq!(lines.iter().map(|l| l.text.as_str()).collect::<String>(), text);
    }

    #[test]
    fn kerning_and_ligatures_come_from_the_font() {
        // "fi" is one glyph standing for two letters in Noto Serif.
        let line = line(fonts(), "office", style(false));
        let glyphs = &line.runs[0].glyphs;
        assert!(glyphs.len() < 6, "no ligature: {glyphs:?}");
        assert_eq!(glyphs.iter().map(|g| g.text.as_str()).collect::<String>(), "office");
    }

    /// The segments, glyphs and bytes looked at to cut a paragraph of
    /// `words` words of `vocabulary` into lines, and the number of lines.
    fn work_to_cut(vocabulary: &[&str], words: usize) -> (usize, usize) {
        let text: Vec<&str> = (0..words).map(|i| vocabulary[i * 7 % vocabulary.len()]).collect();
        let text = text.join(" ");
        let shaped = ShapedParagraph::new(fonts(), &text, style(false));
        let lines = shaped.lines(300.0, false);
        (shaped.work.get(), lines.len())
    }

    #[test]
    fn cutting_lines_costs_what_the_lines_cost_not_the_paragraph_times_its_lines() {
        let latin = ["the", "investors", "paid", "into", "accounts", "held", "by", "Meridian", "Ltd,", "and", "its", "director"];
        // Arabic names among Latin words: many font runs, lines of both directions.
        let mixed = ["the", "investors", "paid", "into", "accounts", "held", "by", "محمد", "شركة", "Meridian", "Ltd,", "and"];
        for vocabulary in [latin, mixed] {
            let (small, small_lines) = work_to_cut(&vocabulary, 2_000);
            let (large, large_lines) = work_to_cut(&vocabulary, 8_000);
            assert!(small_lines > 100 && large_lines > 4 * small_lines - 4, "{small_lines} then {large_lines} lines");
            // Four times the text, about four times the work (a paragraph-wide
            // scan per line would make it sixteen).
            assert!(large <= 5 * small, "work grew from {small} to {large}");
        }
    }

    /// A line as cut before lines cost only themselves: the bidi runs of
    /// the whole paragraph, and every glyph of the paragraph filtered.
    fn line_by_full_scan(shaped: &ShapedParagraph<'_>, range: Range<usize>) -> Vec<String> {
        let range = shaped.trimmed(range);
        let (levels, runs) = shaped.bidi.visual_runs(range);
        let mut out = Vec::new();
        for run in runs {
            let mut pieces: Vec<String> = shaped
                .segments
                .iter()
                .map(|s| s.glyphs.iter().filter(|g| run.contains(&g.cluster)).map(|g| g.glyph.text.as_str()).collect::<String>())
                .filter(|t| !t.is_empty())
                .collect();
            if levels[run.start].is_rtl() {
                pieces.reverse();
            }
            out.extend(pieces);
        }
        out
    }

    #[test]
    fn lines_are_cut_as_a_scan_of_the_whole_paragraph_cuts_them() {
        let mixed = "The suspect السيد John Smith مواطن met (in Riga, 2026-07-22) with الشركة Meridian Trade Solutions Ltd. ".repeat(6);
        let chinese = "请求方当局请求被请求国主管当局协助获取与本案有关的银行记录和电子证据。John Smith 在 2026 年。".repeat(4);
        let account = format!("IBAN {} ok", "NL44000123456789".repeat(8));
        for text in [mixed.as_str(), chinese.as_str(), account.as_str(), "طلب مساعدة قانونية بشأن John Smith و IBAN NL44ABNA0123456789 في 2026-07-22."] {
            for rtl in [false, true] {
                let shaped = ShapedParagraph::new(fonts(), text, style(rtl));
                let breaks = shaped.breaks(150.0);
                assert!(breaks.len() > 1);
                for range in breaks {
                    let line = shaped.line(range.clone(), false);
                    assert_eq!(run_text(&line), line_by_full_scan(&shaped, range), "{}", line.text);
                }
            }
        }
    }
}
