//! Writes a laid-out document as PDF with printpdf: each embedded font
//! subset to the glyphs the document uses (`subsetter`), positioned glyphs
//! with their Unicode text (so text stays selectable and extractable), one
//! outline entry per section, and metadata set on purpose: title, author,
//! dates, and nothing from the machine.

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    Codepoint, Color, Greyscale, Line as PdfLine, LinePoint, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Polygon, PolygonRing, Pt, TextItem, TextMatrix, TextRenderingMode, WindingOrder,
};
use subsetter::GlyphRemapper;

use crate::layout::fonts::{FontId, Fonts};
use crate::layout::{LaidOut, TextLine};
use crate::layout::shaping::GlyphRun;
use super::pages;

/// What the PDF says about itself.
pub struct PdfInfo<'a> {
    /// Title.
    pub title: &'a str,
    /// Language of the text (ISO 639-1), for readers and screen readers.
    pub lang: &'a str,
    /// Author: the requesting authority.
    pub author: &'a str,
    /// When the document was produced.
    pub date: time::OffsetDateTime,
}

/// A font as embedded in this PDF: its handle and the new id of each glyph.
struct Embedded {
    handle: printpdf::FontId,
    remap: GlyphRemapper,
}

/// Encodes `laid` as a PDF.
pub fn write(fonts: &Fonts, laid: &LaidOut, info: &PdfInfo<'_>) -> Vec<u8> {
    let mut doc = PdfDocument::new(info.title);
    let meta = &mut doc.metadata.info;
    meta.author = info.author.to_string();
    meta.creator = "MLA Writer".into();
    meta.producer = "MLA Writer".into();
    let date = pdf_date(info.date);
    meta.creation_date = date;
    meta.modification_date = date;
    meta.metadata_date = date;
    let embedded = embed_fonts(laid, &mut doc);
    let grey = |g: f32| Color::Greyscale(Greyscale { percent: g, icc_profile: None });
    let mut pages = Vec::with_capacity(laid.pages.len());
    for page in &laid.pages {
        let mut ops = Vec::new();
        for shade in &page.shades {
            let corners = [(shade.x, shade.y), (shade.x + shade.width, shade.y), (shade.x + shade.width, shade.y + shade.height), (shade.x, shade.y + shade.height)];
            ops.push(Op::SetFillColor { col: grey(shade.grey) });
            ops.push(Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![PolygonRing {
                        points: corners.iter().map(|&(x, y)| LinePoint { p: Point { x: Pt(x), y: Pt(y) }, bezier: false }).collect(),
                    }],
                    mode: PaintMode::Fill,
                    winding_order: WindingOrder::NonZero,
                },
            });
        }
        if let Some(mark) = &laid.watermark {
            // Diagonal, centred, light grey, under the text; drawn as shapes,
            // not text, so that it never mixes with the words it crosses when
            // the text is extracted (the note at the top of the page says it).
            let size = pages::WATERMARK_SIZE;
            let width = mark.width * size;
            let angle = pages::watermark_angle(laid.size.width, laid.size.height);
            let (cx, cy) = (laid.size.width / 2.0, laid.size.height / 2.0);
            let origin = (
                cx - (width / 2.0) * angle.cos() + (size / 3.0) * angle.sin(),
                cy - (width / 2.0) * angle.sin() - (size / 3.0) * angle.cos(),
            );
            ops.push(Op::SetFillColor { col: grey(pages::WATERMARK_GREY) });
            ops.extend(watermark_shapes(fonts, mark, size, angle, origin));
        }
        for rule in &page.rules {
            ops.push(Op::SetOutlineColor { col: grey(pages::RULE_GREY) });
            ops.push(Op::SetOutlineThickness { pt: Pt(pages::RULE_THICKNESS) });
            ops.push(Op::DrawLine {
                line: PdfLine {
                    points: vec![
                        LinePoint { p: Point { x: Pt(rule.x1), y: Pt(rule.y) }, bezier: false },
                        LinePoint { p: Point { x: Pt(rule.x2), y: Pt(rule.y) }, bezier: false },
                    ],
                    is_closed: false,
                },
            });
        }
        for line in &page.lines {
            text_line(fonts, &embedded, line, &mut ops, grey(line.grey));
        }
        pages.push(PdfPage::new(Pt(laid.size.width).into(), Pt(laid.size.height).into(), ops));
    }
    for (index, page) in laid.pages.iter().enumerate() {
        for heading in &page.headings {
            doc.add_bookmark(heading, index + 1);
        }
    }
    doc.with_pages(pages);
    // printpdf's own compression is zlib at its best level, which costs more
    // than everything else together; `finish` compresses at a faster one.
    let options = PdfSaveOptions { subset_fonts: false, optimize: false, ..PdfSaveOptions::default() };
    finish(printpdf::to_lopdf_doc(&doc, &options, &mut Vec::new()), info.lang)
}

/// Sets what printpdf cannot: the document's language and title display in
/// the catalogue; drops the empty keys it writes into the information
/// dictionary (an empty `GTS_PDFXVersion` would claim a PDF/X subtype); and
/// compresses every stream.
fn finish(mut doc: lopdf::Document, lang: &str) -> Vec<u8> {
    use lopdf::{Dictionary, Object};
    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object {
            if stream.dict.get(b"Filter").is_err() {
                let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
                std::io::Write::write_all(&mut encoder, &stream.content).expect("writing to memory cannot fail");
                let compressed = encoder.finish().expect("writing to memory cannot fail");
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(compressed);
            }
        }
    }
    if let Ok(info) = doc.trailer.get(b"Info").and_then(Object::as_reference) {
        if let Ok(Object::Dictionary(dict)) = doc.get_object_mut(info) {
            for key in [&b"GTS_PDFXVersion"[..], b"Identifier", b"Trapped", b"Subject", b"Keywords"] {
                dict.remove(key);
            }
        }
    }
    let catalog = doc.catalog_mut().expect("a PDF has a catalogue");
    catalog.set("Lang", Object::string_literal(lang));
    catalog.set("ViewerPreferences", Dictionary::from_iter(vec![("DisplayDocTitle", Object::Boolean(true))]));
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("writing to memory cannot fail");
    out
}

/// The glyph outlines of the watermark `mark` (shaped at 1 pt), at `size`,
/// turned by `angle` about `origin`, as filled paths.
fn watermark_shapes(fonts: &Fonts, mark: &crate::layout::shaping::Line, size: f32, angle: f32, origin: (f32, f32)) -> Vec<Op> {
    let (sin, cos) = angle.sin_cos();
    let mut ops = Vec::new();
    let mut pen = 0.0;
    for run in &mark.runs {
        let scale = size / fonts.units_per_em(run.font);
        for glyph in &run.glyphs {
            let (gx, gy) = ((pen + glyph.dx) * size, glyph.dy * size);
            let place = move |x: f32, y: f32| {
                let (x, y) = (gx + x * scale, gy + y * scale);
                Point { x: Pt(origin.0 + x * cos - y * sin), y: Pt(origin.1 + x * sin + y * cos) }
            };
            let mut outline = Outline { place: &place, rings: Vec::new(), ring: Vec::new(), last: (0.0, 0.0) };
            fonts.face(run.font).outline_glyph(rustybuzz::ttf_parser::GlyphId(glyph.id), &mut outline);
            rustybuzz::ttf_parser::OutlineBuilder::close(&mut outline);
            if !outline.rings.is_empty() {
                let rings = outline.rings.into_iter().map(|points| PolygonRing { points }).collect();
                ops.push(Op::DrawPolygon { polygon: Polygon { rings, mode: PaintMode::Fill, winding_order: WindingOrder::NonZero } });
            }
            pen += glyph.advance;
        }
    }
    ops
}

/// Collects a glyph's outline as polygon rings, quadratic curves raised to
/// cubic ones.
struct Outline<'a> {
    place: &'a dyn Fn(f32, f32) -> Point,
    rings: Vec<Vec<LinePoint>>,
    ring: Vec<LinePoint>,
    last: (f32, f32),
}

impl Outline<'_> {
    fn point(&mut self, x: f32, y: f32, bezier: bool) {
        let p = (self.place)(x, y);
        self.ring.push(LinePoint { p, bezier });
    }
}

impl rustybuzz::ttf_parser::OutlineBuilder for Outline<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        self.close();
        self.point(x, y, false);
        self.last = (x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.point(x, y, false);
        self.last = (x, y);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (x0, y0) = self.last;
        self.point(x0 + 2.0 / 3.0 * (x1 - x0), y0 + 2.0 / 3.0 * (y1 - y0), true);
        self.point(x + 2.0 / 3.0 * (x1 - x), y + 2.0 / 3.0 * (y1 - y), true);
        self.point(x, y, false);
        self.last = (x, y);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.point(x1, y1, true);
        self.point(x2, y2, true);
        self.point(x, y, false);
        self.last = (x, y);
    }

    fn close(&mut self) {
        if !self.ring.is_empty() {
            self.rings.push(std::mem::take(&mut self.ring));
        }
    }
}

/// A date as printpdf records it, in UTC.
fn pdf_date(at: time::OffsetDateTime) -> printpdf::date::DateTime {
    use printpdf::date::{Date, DateTime, Offset, Time};
    let at = at.to_offset(time::UtcOffset::UTC);
    DateTime::new_in_offset(
        Date { year: at.year(), month: at.month() as u8, day: at.day() },
        Time { hour: at.hour(), minute: at.minute(), second: at.second(), millisecond: at.millisecond() },
        Offset { hours: 0, minutes: 0, seconds: 0, milliseconds: 0 },
    )
}

/// Every glyph the document draws, by font.
fn used_glyphs(laid: &LaidOut) -> BTreeMap<FontId, BTreeSet<u16>> {
    let mut used: BTreeMap<FontId, BTreeSet<u16>> = BTreeMap::new();
    let lines = laid.pages.iter().flat_map(|p| p.lines.iter().map(|l| &l.line));
    for line in lines {
        for run in &line.runs {
            used.entry(run.font).or_default().extend(run.glyphs.iter().map(|g| g.id));
        }
    }
    used
}

/// Subsets each font to the glyphs used and adds it to the document, named
/// with the subset tag `ABCDEF+` that tells readers it is a subset.
fn embed_fonts(laid: &LaidOut, doc: &mut PdfDocument) -> BTreeMap<FontId, Embedded> {
    let mut embedded = BTreeMap::new();
    for (font, glyphs) in used_glyphs(laid) {
        let glyphs: Vec<u16> = glyphs.into_iter().collect();
        let remap = GlyphRemapper::new_from_glyphs_sorted(&glyphs);
        let bytes = subsetter::subset(font.bytes(), 0, &remap)
            .unwrap_or_else(|e| panic!("embedded font {} cannot be subset: {e:?}", font.postscript_name()));
        let mut parsed = printpdf::ParsedFont::from_bytes(&bytes, 0, &mut Vec::new())
            .unwrap_or_else(|| panic!("subset of embedded font {} does not parse", font.postscript_name()));
        parsed.font_name = Some(format!("{}+{}", subset_tag(font, &glyphs), font.postscript_name()));
        let handle = doc.add_font(&parsed);
        embedded.insert(font, Embedded { handle, remap });
    }
    embedded
}

/// Six capital letters derived from the font and its glyphs: the same
/// subset always gets the same tag.
fn subset_tag(font: FontId, glyphs: &[u16]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in font.postscript_name().bytes().chain(glyphs.iter().flat_map(|g| g.to_be_bytes())) {
        hash = (hash ^ byte as u64).wrapping_mul(0x0100_0000_01b3);
    }
    (0..6).map(|i| (b'A' + ((hash >> (i * 8)) % 26) as u8) as char).collect()
}

/// The glyphs of `run` as PDF codes, each followed by the adjustment from
/// the font's nominal advance to the shaped one (kerning); `size` is the
/// size the glyphs were shaped at.
fn codepoints(fonts: &Fonts, embedded: &BTreeMap<FontId, Embedded>, run: &GlyphRun, glyphs: &[crate::layout::shaping::Glyph], size: f32) -> Vec<Codepoint> {
    let font = &embedded[&run.font];
    let upem = fonts.units_per_em(run.font);
    glyphs
        .iter()
        .map(|g| {
            let nominal = fonts.advance(run.font, g.id) / upem * 1000.0;
            let shaped = g.advance / size * 1000.0;
            let gid = font.remap.get(g.id).expect("every drawn glyph is in its font's subset");
            // An empty text would leave the glyph without a Unicode mapping;
            // a glyph that shares its cluster maps to nothing visible.
            let text = if g.text.is_empty() { "\u{200B}".to_string() } else { g.text.clone() };
            Codepoint { gid, offset: nominal - shaped, cid: Some(text) }
        })
        .collect()
}

/// One line: one text section, a font change per run. Glyphs the shaper displaces (marks
/// above or below a letter) are shown in the same stream, moved by a kern
/// and a text rise, so the line stays one run of text for extraction.
fn text_line(fonts: &Fonts, embedded: &BTreeMap<FontId, Embedded>, line: &TextLine, ops: &mut Vec<Op>, colour: Color) {
    let mut pen = line.x;
    let size = line.size;
    if line.line.runs.is_empty() {
        return;
    }
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFillColor { col: colour.clone() });
    let mut current = None;
    for run in &line.line.runs {
        if current != Some(run.font) {
            ops.push(Op::SetFont { font: PdfFontHandle::External(embedded[&run.font].handle.clone()), size: Pt(size) });
            current = Some(run.font);
        }
        if run.synthetic_bold {
            ops.push(Op::SetOutlineColor { col: colour.clone() });
            ops.push(Op::SetOutlineThickness { pt: Pt(size * 0.035) });
            ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::FillStroke });
        }
        ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(pen), Pt(line.y)) });
        let mut start = 0;
        for (i, g) in run.glyphs.iter().enumerate() {
            if g.dx == 0.0 && g.dy == 0.0 {
                continue;
            }
            if start < i {
                ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(codepoints(fonts, embedded, run, &run.glyphs[start..i], size))] });
            }
            let kern = g.dx / size * 1000.0;
            ops.push(Op::SetLineOffset { multiplier: g.dy });
            ops.push(Op::ShowText {
                items: vec![
                    TextItem::Offset(-kern),
                    TextItem::GlyphIds(codepoints(fonts, embedded, run, std::slice::from_ref(g), size)),
                    TextItem::Offset(kern),
                ],
            });
            ops.push(Op::SetLineOffset { multiplier: 0.0 });
            start = i + 1;
        }
        if start < run.glyphs.len() {
            ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(codepoints(fonts, embedded, run, &run.glyphs[start..], size))] });
        }
        if run.synthetic_bold {
            ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::Fill });
        }
        pen += run.width();
    }
    ops.push(Op::EndTextSection);
}
