//! The fonts embedded in every document, and text measurement with their
//! real advance widths.

use printpdf::ParsedFont;

const SERIF_REGULAR: &[u8] = include_bytes!("../assets/fonts/NotoSerif-Regular.ttf");
const SERIF_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSerif-Bold.ttf");

/// A face of the document font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FontFace {
    /// Body text.
    Regular,
    /// Headings and labels.
    Bold,
}

/// The parsed document fonts.
pub struct Fonts {
    regular: ParsedFont,
    bold: ParsedFont,
}

impl Fonts {
    /// Parses the embedded fonts. They ship with the build, so failure is a
    /// build defect, not a user error.
    pub fn load() -> Fonts {
        let parse = |bytes: &[u8], name: &str| {
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).unwrap_or_else(|| panic!("embedded font {name} does not parse"))
        };
        Fonts { regular: parse(SERIF_REGULAR, "NotoSerif-Regular"), bold: parse(SERIF_BOLD, "NotoSerif-Bold") }
    }

    /// The parsed font of a face.
    pub fn face(&self, face: FontFace) -> &ParsedFont {
        match face {
            FontFace::Regular => &self.regular,
            FontFace::Bold => &self.bold,
        }
    }

    /// Advance width of `text` at `size` points, in points.
    pub fn width(&self, face: FontFace, size: f32, text: &str) -> f32 {
        let font = self.face(face);
        let fallback = font.lookup_glyph_index('?' as u32).and_then(|g| font.get_glyph_width(g)).unwrap_or(500);
        let units: u32 = text
            .chars()
            .map(|c| font.lookup_glyph_index(c as u32).and_then(|g| font.get_glyph_width(g)).unwrap_or(fallback) as u32)
            .sum();
        units as f32 * size / font.units_per_em as f32
    }
}
