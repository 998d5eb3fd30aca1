//! The fonts of a DOCX: the font table (`word/fontTable.xml`) that names
//! the three Noto families the styles use, each with the widely installed
//! font a word processor should take in its place, and the faces the
//! document needs embedded in the package, so that it looks the same in a
//! Word or LibreOffice that has no Noto font.
//!
//! Each embedded face is subset (HarfBuzz, `hb-subset`, which keeps the
//! character map and the OpenType layout tables, so Arabic still joins) to
//! the characters of the document and a base repertoire of its script, for
//! the edits a prosecutor makes; and obfuscated with a key derived from its
//! bytes, as ECMA-376 Part 1 §17.8.1 requires (`w:embedRegular`,
//! `w:embedBold`).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use rustybuzz::ttf_parser;

use crate::layout::fonts::FontId;

/// Relationship type of an embedded font, from the font table part.
const REL_FONT: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";
/// Namespace of the keys of embedded fonts (a name-based UUID of the font's
/// bytes, so the same document gives the same package).
const KEY_NAMESPACE: uuid::Uuid = uuid::uuid!("5a0f6a39-8c3e-4c55-9d0b-0d6c7e4f2b71");

/// A font family the document's styles name.
struct Family {
    /// Its name, as the styles and the font files name it.
    name: &'static str,
    /// The widely installed font to use where it is missing.
    alt_name: &'static str,
    /// Character set (`w:charset`): ANSI, Arabic, GB 2312.
    charset: &'static str,
    /// The regular face and, where the family has one, the bold face.
    regular: FontId,
    bold: Option<FontId>,
    /// Characters embedded beside the document's own, so that what a user
    /// types in the same script keeps the face.
    repertoire: &'static [(char, char)],
}

const FAMILIES: [Family; 3] = [
    Family {
        name: "Noto Serif",
        alt_name: "Times New Roman",
        charset: "00",
        regular: FontId::Serif,
        bold: Some(FontId::SerifBold),
        // ASCII, Latin-1, and the dashes, quotes and ellipsis of text.
        repertoire: &[(' ', '~'), ('\u{A0}', '\u{FF}'), ('\u{2013}', '\u{2014}'), ('\u{2018}', '\u{201E}'), ('\u{2026}', '\u{2026}')],
    },
    Family {
        name: "Noto Naskh Arabic",
        alt_name: "Traditional Arabic",
        charset: "B2",
        regular: FontId::Naskh,
        bold: Some(FontId::NaskhBold),
        // The Arabic block: letters, marks, Arabic-Indic digits, punctuation.
        repertoire: &[(' ', ' '), ('\u{600}', '\u{6FF}')],
    },
    Family {
        name: "Noto Serif CJK SC",
        alt_name: "SimSun",
        charset: "86",
        regular: FontId::Cjk,
        bold: None,
        // CJK punctuation and full-width forms.
        repertoire: &[('\u{3000}', '\u{303F}'), ('\u{FF01}', '\u{FF5E}')],
    },
];

/// The font table and the embedded faces of a document.
pub struct FontParts {
    /// `word/fontTable.xml`.
    pub table: String,
    /// `word/_rels/fontTable.xml.rels`.
    pub table_rels: String,
    /// The embedded faces: part name (`word/fonts/font1.odttf`) and
    /// obfuscated bytes.
    pub fonts: Vec<(String, Vec<u8>)>,
}

/// The font table of a document whose text is made of `characters`, with
/// every family that has a glyph for one of them embedded.
pub fn parts(characters: &BTreeSet<char>) -> FontParts {
    let w = super::NS_W;
    let r = super::NS_R;
    let mut table = format!("{}<w:fonts xmlns:w=\"{w}\" xmlns:r=\"{r}\">", super::DECLARATION);
    let mut table_rels = format!(
        "{}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
        super::DECLARATION
    );
    let mut fonts = Vec::new();
    let serif = face(FontId::Serif);
    for family in &FAMILIES {
        let regular = face(family.regular);
        let _ = write!(
            table,
            "<w:font w:name=\"{}\"><w:altName w:val=\"{}\"/>{}<w:charset w:val=\"{}\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/>{}",
            family.name,
            family.alt_name,
            panose(&regular),
            family.charset,
            signature(&regular)
        );
        let used: BTreeSet<char> = characters.iter().copied().filter(|&c| covers(&regular, c)).collect();
        // A family is embedded when the document has a letter only it has
        // (every document has digits and spaces, which Noto Serif sets).
        let needed = family.regular == FontId::Serif || used.iter().any(|&c| !covers(&serif, c));
        if needed {
            let wanted: BTreeSet<char> = used
                .into_iter()
                .chain(family.repertoire.iter().flat_map(|&(from, to)| from..=to))
                .collect();
            for (element, id) in [("embedRegular", Some(family.regular)), ("embedBold", family.bold)] {
                let Some(id) = id else { continue };
                let n = fonts.len() + 1;
                let (key, bytes) = obfuscated(subset(id, &wanted));
                let _ = write!(table, "<w:{element} r:id=\"rId{n}\" w:fontKey=\"{key}\"/>");
                let _ = write!(table_rels, "<Relationship Id=\"rId{n}\" Type=\"{REL_FONT}\" Target=\"fonts/font{n}.odttf\"/>");
                fonts.push((format!("word/fonts/font{n}.odttf"), bytes));
            }
        }
        table.push_str("</w:font>");
    }
    table.push_str("</w:fonts>");
    table_rels.push_str("</Relationships>");
    FontParts { table, table_rels, fonts }
}

fn face(id: FontId) -> ttf_parser::Face<'static> {
    ttf_parser::Face::parse(id.bytes(), 0).expect("the embedded fonts are valid")
}

fn covers(face: &ttf_parser::Face, c: char) -> bool {
    face.glyph_index(c).is_some_and(|g| g.0 != 0)
}

/// The font's `OS/2` table.
fn os2<'a>(face: &ttf_parser::Face<'a>) -> &'a [u8] {
    face.raw_face().table(ttf_parser::Tag::from_bytes(b"OS/2")).unwrap_or_default()
}

/// `w:panose1`: the font's PANOSE classification, from its `OS/2` table.
fn panose(face: &ttf_parser::Face) -> String {
    match os2(face).get(32..42) {
        Some(bytes) => format!("<w:panose1 w:val=\"{}\"/>", hex(bytes)),
        None => String::new(),
    }
}

/// `w:sig`: the Unicode ranges and code pages the font covers, from its
/// `OS/2` table, by which a word processor chooses a substitute.
fn signature(face: &ttf_parser::Face) -> String {
    let table = os2(face);
    let (Some(unicode), Some(code_pages)) = (table.get(42..58), table.get(78..86)) else {
        return String::new();
    };
    let word = |bytes: &[u8], i: usize| hex(&bytes[i * 4..i * 4 + 4]);
    format!(
        "<w:sig w:usb0=\"{}\" w:usb1=\"{}\" w:usb2=\"{}\" w:usb3=\"{}\" w:csb0=\"{}\" w:csb1=\"{}\"/>",
        word(unicode, 0),
        word(unicode, 1),
        word(unicode, 2),
        word(unicode, 3),
        word(code_pages, 0),
        word(code_pages, 1)
    )
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// The face subset to `characters`. Should HarfBuzz refuse the font, the
/// whole face is embedded: larger, and just as right.
fn subset(id: FontId, characters: &BTreeSet<char>) -> Vec<u8> {
    hb_subset::subset(id.bytes(), characters.iter().copied()).unwrap_or_else(|_| id.bytes().to_vec())
}

/// The font key (a GUID in braces) and the font obfuscated with it: its
/// first 32 bytes XORed with the key's 16 bytes, taken from the last to the
/// first as the GUID is written (ECMA-376 Part 1 §17.8.1).
fn obfuscated(mut font: Vec<u8>) -> (String, Vec<u8>) {
    let key = uuid::Uuid::new_v5(&KEY_NAMESPACE, &font);
    let bytes = key.as_bytes();
    for (i, byte) in font.iter_mut().take(32).enumerate() {
        *byte ^= bytes[15 - i % 16];
    }
    let mut text = [0u8; uuid::fmt::Braced::LENGTH];
    (key.braced().encode_upper(&mut text).to_string(), font)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn characters(text: &str) -> BTreeSet<char> {
        text.chars().collect()
    }

    /// The font as a reader takes it back: the key's hex digits, without
    /// braces and dashes, as 16 bytes, applied from the last.
    fn deobfuscated(key: &str, font: &[u8]) -> Vec<u8> {
        let digits: String = key.chars().filter(char::is_ascii_hexdigit).collect();
        let key: Vec<u8> = (0..16).map(|i| u8::from_str_radix(&digits[2 * i..2 * i + 2], 16).unwrap()).collect();
        let mut font = font.to_vec();
        for (i, byte) in font.iter_mut().take(32).enumerate() {
            *byte ^= key[15 - i % 16];
        }
        font
    }

    fn keys(table: &str) -> Vec<String> {
        table.split("w:fontKey=\"").skip(1).map(|rest| rest[..38].to_string()).collect()
    }

    #[test]
    fn a_latin_document_embeds_noto_serif_and_names_every_family_with_its_substitute() {
        let parts = parts(&characters("Request for mutual legal assistance 1.–3. «Page»"));
        assert_eq!(parts.fonts.len(), 2, "Noto Serif, regular and bold");
        for family in ["Noto Serif", "Noto Naskh Arabic", "Noto Serif CJK SC"] {
            assert!(parts.table.contains(&format!("<w:font w:name=\"{family}\">")), "{family} not named");
        }
        assert!(parts.table.contains("<w:altName w:val=\"Times New Roman\"/>"));
        assert!(parts.table.contains("<w:panose1 w:val=\"02020502060505020204\"/>"), "{}", parts.table);
        assert!(parts.table.contains("<w:family w:val=\"roman\"/>"));
        assert_eq!(parts.table.matches("<w:embedRegular ").count(), 1);
        assert_eq!(parts.table.matches("<w:embedBold ").count(), 1);
        assert!(parts.table_rels.contains("Target=\"fonts/font2.odttf\""));
    }

    #[test]
    fn an_embedded_face_reads_back_as_a_subset_that_still_shapes_arabic() {
        let text = "طلب المساعدة القانونية المتبادلة، الأساس القانوني 2026";
        let parts = parts(&characters(text));
        assert_eq!(parts.fonts.len(), 4, "Noto Serif and Noto Naskh Arabic, each regular and bold");
        let keys = keys(&parts.table);
        assert_eq!(keys.len(), 4);
        let naskh = deobfuscated(&keys[2], &parts.fonts[2].1);
        assert_ne!(parts.fonts[2].1[..32], naskh[..32], "the first 32 bytes are obfuscated");
        assert!(naskh.len() < FontId::Naskh.bytes().len(), "not subset");
        // Shaped by the subset as by the whole font: same joining forms,
        // ligatures and positions (the glyph ids are renumbered).
        let shaped = |font: &[u8]| -> Vec<(u32, i32, i32, i32)> {
            let face = rustybuzz::Face::from_slice(font, 0).expect("a font");
            let mut buffer = rustybuzz::UnicodeBuffer::new();
            buffer.push_str("الأساس القانوني");
            let glyphs = rustybuzz::shape(&face, &[], buffer);
            glyphs.glyph_infos().iter().zip(glyphs.glyph_positions()).map(|(g, p)| (g.cluster, p.x_advance, p.x_offset, p.y_offset)).collect()
        };
        assert_eq!(shaped(&naskh), shaped(FontId::Naskh.bytes()));
    }

    #[test]
    fn chinese_text_embeds_the_cjk_face_and_the_same_text_gives_the_same_bytes() {
        let text = "请求司法协助：法律依据";
        let first = parts(&characters(text));
        assert_eq!(first.fonts.len(), 3, "Noto Serif regular and bold, Noto Serif CJK SC");
        let again = parts(&characters(text));
        assert_eq!(first.table, again.table);
        assert!(first.fonts == again.fonts);
        let cjk = deobfuscated(&keys(&first.table)[2], &first.fonts[2].1);
        let face = ttf_parser::Face::parse(&cjk, 0).expect("the embedded face is a font");
        assert!(text.chars().all(|c| covers(&face, c)));
        assert!(!covers(&face, '释'), "only what the document uses and CJK punctuation");
    }
}
