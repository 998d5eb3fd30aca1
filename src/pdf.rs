//! Writes a laid-out document as PDF with printpdf: embedded fonts, one
//! outline entry per section, document title in the metadata.

use printpdf::{
    Color, Greyscale, Line, LinePoint, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem,
    TextMatrix,
};

use crate::fonts::{FontFace, Fonts};
use crate::layout::LaidOut;

/// Encodes `laid` as a PDF titled `title`.
pub fn write(fonts: &Fonts, laid: &LaidOut, title: &str) -> Vec<u8> {
    let mut doc = PdfDocument::new(title);
    doc.metadata.info.creator = "MLA Writer".into();
    doc.metadata.info.producer = "MLA Writer".into();
    let regular = doc.add_font(fonts.face(FontFace::Regular));
    let bold = doc.add_font(fonts.face(FontFace::Bold));
    let grey = |g: f32| Color::Greyscale(Greyscale { percent: g, icc_profile: None });
    let mut pages = Vec::with_capacity(laid.pages.len());
    for page in &laid.pages {
        let mut ops = Vec::new();
        if let Some(mark) = &laid.watermark {
            // Diagonal, centred, light grey, under the text.
            let size = 110.0;
            let width = fonts.width(FontFace::Bold, size, mark);
            let angle = (laid.size.height / laid.size.width).atan();
            let (cx, cy) = (laid.size.width / 2.0, laid.size.height / 2.0);
            let x = cx - (width / 2.0) * angle.cos() + (size / 3.0) * angle.sin();
            let y = cy - (width / 2.0) * angle.sin() - (size / 3.0) * angle.cos();
            ops.push(Op::StartTextSection);
            ops.push(Op::SetFillColor { col: grey(0.88) });
            ops.push(Op::SetFont { font: PdfFontHandle::External(bold.clone()), size: Pt(size) });
            ops.push(Op::SetTextMatrix { matrix: TextMatrix::TranslateRotate(Pt(x), Pt(y), angle.to_degrees()) });
            ops.push(Op::ShowText { items: vec![TextItem::Text(mark.clone())] });
            ops.push(Op::EndTextSection);
            // And in words at the top of the page, where it cannot be missed.
            let note = format!("{mark} – not for transmission: the request still has errors.");
            ops.push(Op::StartTextSection);
            ops.push(Op::SetFillColor { col: grey(0.35) });
            ops.push(Op::SetFont { font: PdfFontHandle::External(bold.clone()), size: Pt(8.5) });
            ops.push(Op::SetTextCursor { pos: Point { x: Pt(70.0), y: Pt(laid.size.height - 40.0) } });
            ops.push(Op::ShowText { items: vec![TextItem::Text(note)] });
            ops.push(Op::EndTextSection);
        }
        for rule in &page.rules {
            ops.push(Op::SetOutlineColor { col: grey(0.55) });
            ops.push(Op::SetOutlineThickness { pt: Pt(0.6) });
            ops.push(Op::DrawLine {
                line: Line {
                    points: vec![
                        LinePoint { p: Point { x: Pt(rule.x1), y: Pt(rule.y) }, bezier: false },
                        LinePoint { p: Point { x: Pt(rule.x2), y: Pt(rule.y) }, bezier: false },
                    ],
                    is_closed: false,
                },
            });
        }
        for run in &page.runs {
            let font = match run.face {
                FontFace::Regular => regular.clone(),
                FontFace::Bold => bold.clone(),
            };
            ops.push(Op::StartTextSection);
            ops.push(Op::SetFillColor { col: grey(run.grey) });
            ops.push(Op::SetFont { font: PdfFontHandle::External(font), size: Pt(run.size) });
            ops.push(Op::SetTextCursor { pos: Point { x: Pt(run.x), y: Pt(run.y) } });
            ops.push(Op::ShowText { items: vec![TextItem::Text(run.text.clone())] });
            ops.push(Op::EndTextSection);
        }
        pages.push(PdfPage::new(Pt(laid.size.width).into(), Pt(laid.size.height).into(), ops));
    }
    for (index, page) in laid.pages.iter().enumerate() {
        for heading in &page.headings {
            doc.add_bookmark(heading, index + 1);
        }
    }
    doc.with_pages(pages);
    doc.save(&PdfSaveOptions::default(), &mut Vec::new())
}
