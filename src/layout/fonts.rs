//! The fonts embedded in every document, and the choice of a font for each
//! character. They ship with the build, so a PDF looks the same on every
//! machine and never depends on the fonts installed on it.
//!
//! - Noto Serif (regular, bold): Latin, Cyrillic, Greek and punctuation.
//! - Noto Naskh Arabic (regular, bold): Arabic script.
//! - Noto Serif CJK SC (regular): Chinese; bold is drawn by stroking the
//!   outline (see [`GlyphRun::synthetic_bold`](crate::layout::shaping::GlyphRun)).
//! - Noto Sans Math (regular): the fallback for a symbol none of the others
//!   has (U+2212 MINUS SIGN, currency signs, arrows); bold by stroking too.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rustybuzz::{Direction, Face, Script, ShapePlan};

pub use crate::i18n::fonts::FontId;

/// A glyph of a shaped word, in font units, with its cluster's byte offset
/// in the word (what the word cache keeps).
#[derive(Debug, Clone)]
pub struct UnitGlyph {
    /// Glyph id.
    pub id: u16,
    /// Advance.
    pub advance: f32,
    /// Horizontal displacement.
    pub dx: f32,
    /// Vertical displacement.
    pub dy: f32,
    /// Text it stands for.
    pub text: String,
    /// Byte offset of its cluster in the word.
    pub cluster: usize,
}

/// Weight of a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    /// Body text.
    Regular,
    /// Headings and labels.
    Bold,
}

/// Words already shaped, by font, direction (right to left or not) and text.
type WordCache = HashMap<(FontId, bool, String), Arc<[UnitGlyph]>>;

/// The parsed embedded fonts, and the shaping plans made for them.
pub struct Fonts {
    faces: Vec<Face<'static>>,
    plans: Mutex<HashMap<(FontId, bool, Script), Arc<ShapePlan>>>,
    words: Mutex<WordCache>,
    /// Words asked for, shaped or taken from the cache (for the tests of cost).
    #[cfg(test)]
    shapings: std::sync::atomic::AtomicUsize,
}

/// How many shaped words the cache keeps before it starts afresh.
const WORD_CACHE_LIMIT: usize = 50_000;

/// The longest word, in bytes, that the cache keeps (an IBAN, a long URL).
const LONGEST_CACHED_WORD: usize = 128;

impl Fonts {
    /// Parses the embedded fonts. They ship with the build, so failure is a
    /// build defect, not a user error.
    pub fn load() -> Fonts {
        let faces = FontId::ALL
            .iter()
            .map(|id| {
                Face::from_slice(id.bytes(), 0)
                    .unwrap_or_else(|| panic!("embedded font {} does not parse", id.postscript_name()))
            })
            .collect();
        Fonts {
            faces,
            plans: Mutex::new(HashMap::new()),
            words: Mutex::new(HashMap::new()),
            #[cfg(test)]
            shapings: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// The shaping plan of a font for a direction and script, made once:
    /// making one costs more than shaping a line with it.
    pub fn plan(&self, font: FontId, rtl: bool, script: Script) -> Arc<ShapePlan> {
        let mut plans = self.plans.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        plans
            .entry((font, rtl, script))
            .or_insert_with(|| {
                let direction = if rtl { Direction::RightToLeft } else { Direction::LeftToRight };
                Arc::new(ShapePlan::new(self.face(font), direction, Some(script), None, &[]))
            })
            .clone()
    }

    /// The parsed face of a font.
    pub fn face(&self, id: FontId) -> &Face<'static> {
        &self.faces[id as usize]
    }

    /// The glyphs of `word` in `font` and direction, shaped by `shape` the
    /// first time they are asked for.
    ///
    /// Words longer than [`LONGEST_CACHED_WORD`] are shaped each time and
    /// not kept: they seldom come back, and would fill the cache.
    pub fn shaped_word(&self, font: FontId, rtl: bool, word: &str, shape: impl FnOnce() -> Vec<UnitGlyph>) -> Arc<[UnitGlyph]> {
        #[cfg(test)]
        self.shapings.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if word.len() > LONGEST_CACHED_WORD {
            return shape().into();
        }
        let key = (font, rtl, word.to_string());
        if let Some(hit) = self.words.lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
            return hit.clone();
        }
        let shaped: Arc<[UnitGlyph]> = shape().into();
        let mut words = self.words.lock().unwrap_or_else(|p| p.into_inner());
        if words.len() >= WORD_CACHE_LIMIT {
            words.clear();
        }
        words.insert(key, shaped.clone());
        shaped
    }

    /// How many shaped words the cache holds (for the tests of cost).
    #[cfg(test)]
    pub(crate) fn cached_words(&self) -> usize {
        self.words.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    /// How many words have been asked for (for the tests of cost).
    #[cfg(test)]
    pub(crate) fn shapings(&self) -> usize {
        self.shapings.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Units per em of a font.
    pub fn units_per_em(&self, id: FontId) -> f32 {
        self.face(id).units_per_em() as f32
    }

    /// Advance of a glyph, in font units (for the PDF's nominal widths).
    pub fn advance(&self, id: FontId, glyph: u16) -> f32 {
        self.face(id).glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(glyph)).unwrap_or(0) as f32
    }

    fn covers(&self, id: FontId, c: char) -> bool {
        self.face(id).glyph_index(c).is_some()
    }

    /// The font that draws `c` at `weight`, or `None` for a character any
    /// font can draw (spaces, digits, common punctuation), which then takes
    /// the font of its neighbours. A character no font has gets the serif
    /// font, in which it is an empty box (see [`crate::i18n::fonts::drawable`],
    /// which the checks use to warn of it).
    pub fn font_for(&self, c: char, weight: Weight) -> Option<FontId> {
        let bold = weight == Weight::Bold;
        let naskh = if bold { FontId::NaskhBold } else { FontId::Naskh };
        let serif = if bold { FontId::SerifBold } else { FontId::Serif };
        if is_arabic(c) && self.covers(naskh, c) {
            return Some(naskh);
        }
        if c.is_ascii_punctuation() || c.is_ascii_digit() || c.is_whitespace() || is_shared_punctuation(c) {
            return None;
        }
        if c.is_ascii_alphabetic() {
            return Some(serif);
        }
        [serif, FontId::Cjk, naskh, FontId::Symbols].into_iter().find(|&font| self.covers(font, c)).or(Some(serif))
    }

    /// The font for a character any font can draw, when the font of its
    /// neighbours cannot: the first that has it.
    pub fn any_font_for(&self, c: char, weight: Weight) -> FontId {
        let bold = weight == Weight::Bold;
        let serif = if bold { FontId::SerifBold } else { FontId::Serif };
        let naskh = if bold { FontId::NaskhBold } else { FontId::Naskh };
        [serif, FontId::Cjk, naskh, FontId::Symbols].into_iter().find(|&font| self.covers(font, c)).unwrap_or(serif)
    }

    /// Whether `font` can draw `c`.
    pub fn can_draw(&self, font: FontId, c: char) -> bool {
        self.covers(font, c)
    }
}

/// Characters of the Arabic script blocks.
fn is_arabic(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Punctuation every embedded font draws, kept in the font of the text
/// around it.
fn is_shared_punctuation(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{00B7}' | '\u{2013}' | '\u{2014}' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' | '\u{2026}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_script_of_the_six_languages_has_a_font_that_draws_it() {
        let fonts = Fonts::load();
        for (text, font) in [("Requête", FontId::Serif), ("Запрос", FontId::Serif), ("طلب", FontId::Naskh), ("请求", FontId::Cjk)] {
            for c in text.chars() {
                let chosen = fonts.font_for(c, Weight::Regular).unwrap();
                assert_eq!(chosen, font, "{c}");
                assert!(fonts.can_draw(chosen, c), "{c} has no glyph in {chosen:?}");
            }
        }
        assert_eq!(fonts.font_for('A', Weight::Bold), Some(FontId::SerifBold));
        assert_eq!(fonts.font_for(' ', Weight::Regular), None);
    }

    /// Whether `c`, set alone and between letters of each script, is drawn
    /// without an empty box (glyph 0) in both weights.
    fn drawn(fonts: &Fonts, c: char) -> bool {
        ["", "a", "ب", "中"].iter().all(|around| {
            [Weight::Regular, Weight::Bold].iter().all(|&weight| {
                let style = crate::layout::shaping::Style { weight, size: 10.0, rtl: false };
                let line = crate::layout::shaping::line(fonts, &format!("{around}{c}{around}"), style);
                line.runs.iter().all(|r| r.glyphs.iter().all(|g| g.id != 0))
            })
        })
    }

    #[test]
    fn a_character_prints_as_a_box_exactly_when_the_coverage_says_no_font_draws_it() {
        let fonts = Fonts::load();
        let ranges = [0x00..0x1_0000, 0x1F000..0x1FB00, 0x20000..0x20100];
        let mut wrong = Vec::new();
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            // A noncharacter is reported even where the shaper hides it.
            let noncharacter = (0xFDD0..=0xFDEF).contains(&(c as u32)) || c as u32 & 0xFFFE == 0xFFFE;
            if drawn(&fonts, c) != crate::i18n::fonts::drawable(c) && !noncharacter {
                wrong.push(format!("U+{:04X}", c as u32));
            }
        }
        assert!(wrong.is_empty(), "{} characters: {}", wrong.len(), wrong.join(" "));
        assert!(!crate::i18n::fonts::drawable('\u{1F600}') && !crate::i18n::fonts::drawable('\u{20000}'));
    }
}
