//! The font files embedded in every document, one or two per script of the
//! six languages and a fallback for symbols, and which characters they can draw. Layout shapes text
//! with them; the checks warn of a character none of them has, which would
//! print as an empty box.

use std::sync::OnceLock;

use rustybuzz::ttf_parser::Face;
use serde::Serialize;
use ts_rs::TS;

/// A font embedded in the build; the app's preview names it as the PDF
/// embeds it (`serif_bold`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FontId {
    /// Noto Serif Regular.
    Serif,
    /// Noto Serif Bold.
    SerifBold,
    /// Noto Naskh Arabic Regular.
    Naskh,
    /// Noto Naskh Arabic Bold.
    NaskhBold,
    /// Noto Serif CJK SC Regular (Chinese ideographs and punctuation).
    Cjk,
    /// Noto Sans Math Regular: the fallback for symbols the others lack
    /// (mathematical operators such as U+2212 MINUS SIGN, currency signs,
    /// general punctuation).
    Symbols,
}

impl FontId {
    /// Every embedded font.
    pub const ALL: [FontId; 6] = [FontId::Serif, FontId::SerifBold, FontId::Naskh, FontId::NaskhBold, FontId::Cjk, FontId::Symbols];

    /// Whether the font has its own bold face; without one, bold is drawn
    /// by stroking the outline.
    pub fn has_bold_face(self) -> bool {
        !matches!(self, FontId::Cjk | FontId::Symbols)
    }

    /// The font file.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            FontId::Serif => include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/NotoSerif-Regular.ttf")),
            FontId::SerifBold => include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/NotoSerif-Bold.ttf")),
            FontId::Naskh => include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/NotoNaskhArabic-Regular.ttf")),
            FontId::NaskhBold => include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/NotoNaskhArabic-Bold.ttf")),
            FontId::Cjk => include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/NotoSerifSC-Regular.otf")),
            FontId::Symbols => include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/NotoSansMath-Regular.ttf")),
        }
    }

    /// PostScript name, as the PDF names the font.
    pub fn postscript_name(self) -> &'static str {
        match self {
            FontId::Serif => "NotoSerif-Regular",
            FontId::SerifBold => "NotoSerif-Bold",
            FontId::Naskh => "NotoNaskhArabic-Regular",
            FontId::NaskhBold => "NotoNaskhArabic-Bold",
            FontId::Cjk => "NotoSerifCJKsc-Regular",
            FontId::Symbols => "NotoSansMath-Regular",
        }
    }
}

/// The character maps of the embedded fonts, read once.
fn faces() -> &'static [Face<'static>] {
    static FACES: OnceLock<Vec<Face<'static>>> = OnceLock::new();
    FACES.get_or_init(|| {
        FontId::ALL
            .iter()
            .map(|id| Face::parse(id.bytes(), 0).unwrap_or_else(|e| panic!("embedded font {} does not parse: {e}", id.postscript_name())))
            .collect()
    })
}

/// Characters that print as nothing when no font has them: the shaper
/// hides them (those of Unicode's default-ignorable code points it hides:
/// joiners, direction marks and isolates, variation selectors, the soft
/// hyphen, tags).
pub fn invisible(c: char) -> bool {
    matches!(
        c as u32,
        0x00AD | 0x034F | 0x061C | 0x17B4..=0x17B5 | 0x180B..=0x180E | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F
            | 0xFE00..=0xFE0F | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A | 0xE0000..=0xE0FFF
    )
}

/// Whether some embedded font has a glyph for `c`, or `c` needs none:
/// [`invisible`] characters, and line and paragraph separators, which end
/// a line. A character no font has is set in the serif fonts, whose shaper
/// then draws its canonical decomposition if they have every part of it
/// ("≠" as "=" and a combining stroke).
pub fn drawable(c: char) -> bool {
    let in_font = |font: FontId, c: char| faces()[font as usize].glyph_index(c).is_some();
    if c.is_ascii_graphic() || matches!(c, ' ' | '\n' | '\r' | '\u{1C}'..='\u{1E}' | '\u{85}' | '\u{2029}') || invisible(c) {
        return true;
    }
    if FontId::ALL.into_iter().any(|font| in_font(font, c)) {
        return true;
    }
    let mut parts = Vec::new();
    unicode_normalization::char::decompose_canonical(c, |part| parts.push(part));
    parts != [c] && parts.into_iter().all(|part| in_font(FontId::Serif, part) && in_font(FontId::SerifBold, part))
}

/// The characters of `text` that no embedded font can draw, each once, in
/// the order they first appear.
pub fn undrawable(text: &str) -> Vec<char> {
    let mut seen = std::collections::HashSet::new();
    text.chars().filter(|&c| !drawable(c) && seen.insert(c)).collect()
}
