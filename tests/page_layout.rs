//! Defects of the printed page, each as a class: numbers and codes keep
//! their order in right-to-left documents; the parts of the running header
//! and footer never overlap, and neither is cut mid-word or hides the
//! reference; table headings are never split inside a word; every common
//! punctuation, mathematical and currency character is drawn from a font
//! that has it, or reported before it prints as an empty box.
//!
//! Order on the page is asserted on the laid-out glyphs (the text extracted
//! from a right-to-left PDF is in an order of the extractor's making), and
//! once with `pdftotext` where it is reliable: a line that is left to right.

mod common;
use common::{examples, tool};

use std::collections::BTreeSet;

use mla_writer::checks::undrawable_texts;
use mla_writer::document::{Block, Document};
use mla_writer::i18n::Lang;
use mla_writer::layout::fonts::{FontId, Fonts};
use mla_writer::layout::shaping::Line;
use mla_writer::layout::{lay_out, LaidOut, PageSize, TextLine};
use mla_writer::request::Request;

fn fonts() -> &'static Fonts {
    static FONTS: std::sync::OnceLock<Fonts> = std::sync::OnceLock::new();
    FONTS.get_or_init(Fonts::load)
}

fn example(name: &str) -> Request {
    let path = examples().into_iter().find(|p| p.to_string_lossy().contains(name)).unwrap();
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn laid_out(request: &Request, lang: Lang, draft: bool) -> (Document, LaidOut) {
    let document = mla_writer::export::document(request, lang).unwrap();
    let laid = lay_out(fonts(), &document, PageSize::A4, draft);
    (document, laid)
}

/// The text of a line as it stands on the page, left to right: its runs in
/// visual order, each glyph's text (within a left-to-right run, in reading
/// order).
fn visual(line: &Line) -> String {
    line.runs.iter().flat_map(|r| r.glyphs.iter().map(|g| g.text.as_str())).collect()
}

fn all_lines(laid: &LaidOut) -> impl Iterator<Item = &TextLine> {
    laid.pages.iter().flat_map(|p| p.lines.iter())
}

/// Codes of every kind a request holds, each as the drafter typed it.
const CODES: [&str; 8] = [
    "+00 20 555 0101",
    "2026-07-22",
    "NL44 ABNA 0123 4567 89",
    "ECD/117-2026/B",
    "192.0.2.14:8443",
    "j.doe@example.org",
    "UTC−03:00",
    "08:12:37",
];

#[test]
fn numbers_and_codes_keep_their_order_in_an_arabic_document() {
    let mut request = example("mla-evidence");
    // A label/value field and the running header.
    request.req_auth.phone = "+00 20 555 0101".into();
    request.req_auth.ref_no = "4471-000".into();
    // Table cells: a code alone, and codes in Arabic text.
    request.persons[0].location = "NL44 ABNA 0123 4567 89".into();
    request.persons[1].location = "الهاتف +00 20 555 0101 والعنوان 192.0.2.14:8443".into();
    // Running text typed in Arabic, every kind of code in it.
    request.facts.summary = format!(
        "اتصل المشتبه به من الرقم {} يوم {} ({}) من العنوان {} وأرسل بريدا إلى {}، وحوّل المبلغ إلى الحساب {} في القضية {} الساعة {}.",
        CODES[0], CODES[1], CODES[6], CODES[4], CODES[5], CODES[2], CODES[3], CODES[7]
    );
    let (_, laid) = laid_out(&request, Lang::Ar, false);
    let seen: Vec<String> = all_lines(&laid).map(|l| visual(&l.line)).collect();
    let page = seen.join("\n");
    let on_the_page = |code: &str| seen.iter().any(|line| line.contains(code));
    for code in CODES.iter().chain(&["4471-000"]) {
        assert!(on_the_page(code), "{code} is not set left to right in:\n{page}");
    }
    // The header's reference, in its own line of the page.
    let top = laid.pages[0].lines.iter().filter(|l| l.y > PageSize::A4.height - 60.0).map(|l| visual(&l.line)).collect::<String>();
    assert!(top.contains("4471-000"), "{top}");
    // The field's value is one left-to-right line, which pdftotext reads as drawn.
    let pdf = mla_writer::export::pdf(&request, &mla_writer::export::Options { lang: Lang::Ar, ..options() }, false).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("request.pdf");
    std::fs::write(&file, pdf).unwrap();
    let text = tool("pdftotext", &["-layout", file.to_str().unwrap(), "-"]);
    assert!(text.contains("+00 20 555 0101") && !text.contains("0101 555 20 00+"), "{text}");
}

fn options() -> mla_writer::export::Options {
    mla_writer::export::Options {
        lang: Lang::En,
        paper: mla_writer::layout::Paper::A4,
        date: time::macros::datetime!(2026-11-27 10:00 UTC),
        with_original: false,
        revision: None,
        // The examples address fictitious States: demo mode prints them final.
        mode: mla_writer::directory::demo::Mode::Demo,
    }
}

/// The lines of the running header of a page (above the body's margin).
fn header_lines(laid: &LaidOut, page: usize) -> Vec<&TextLine> {
    laid.pages[page].lines.iter().filter(|l| l.y > PageSize::A4.height - 72.0).collect()
}

fn overlap(a: &TextLine, b: &TextLine) -> bool {
    (a.y - b.y).abs() < a.size && a.x < b.x + b.line.width && b.x < a.x + a.line.width
}

#[test]
fn the_draft_note_never_overlaps_the_reference_in_any_language() {
    for path in examples() {
        let request: Request = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for lang in Lang::ALL {
            let (document, laid) = laid_out(&request, lang, true);
            let header = header_lines(&laid, 0);
            for (i, a) in header.iter().enumerate() {
                for b in &header[i + 1..] {
                    assert!(!overlap(a, b), "{lang:?} {}: {:?} overlaps {:?}", path.display(), a.line.text, b.line.text);
                }
                assert!(a.x >= 69.5 && a.x + a.line.width <= PageSize::A4.width - 69.5, "{lang:?}: {:?} leaves the margins", a.line.text);
            }
            // Nothing shortened: the note and the reference whole.
            let texts: String = header.iter().map(|l| l.line.text.as_str()).collect::<Vec<_>>().join(" ");
            let reference = mla_writer::document::direction::without_isolates(&document.header);
            assert!(texts.contains(&reference), "{lang:?}: {reference} not in {texts}");
            for word in document.draft_note.split_whitespace() {
                assert!(texts.contains(word), "{lang:?}: {word} of the note not in {texts}");
            }
        }
    }
}

#[test]
fn a_long_requested_state_wraps_in_the_footer_and_is_never_cut_mid_word() {
    let mut request = example("mla-evidence");
    request.req_state = "Соединённое Королевство Великобритании и Северной Ирландии".into();
    request.req_auth.ref_no = "ECD/MLA/2026/117-ДОПОЛНИТЕЛЬНЫЙ".into();
    for lang in [Lang::Ru, Lang::Fr, Lang::Ar] {
        let (document, laid) = laid_out(&request, lang, true);
        let title = mla_writer::document::direction::without_isolates(&document.title);
        for page in &laid.pages {
            let footer: Vec<&TextLine> = page.lines.iter().filter(|l| l.y < 60.0).collect();
            for (i, a) in footer.iter().enumerate() {
                for b in &footer[i + 1..] {
                    assert!(!overlap(a, b), "{lang:?}: {:?} overlaps {:?}", a.line.text, b.line.text);
                }
                assert!(a.x >= 69.5 && a.x + a.line.width <= PageSize::A4.width - 69.5, "{:?} leaves the margins", a.line.text);
            }
            // Every word of the footer's title lines is a whole word of the title.
            let words: BTreeSet<&str> = title.split_whitespace().collect();
            let printed: Vec<&str> = footer.iter().filter(|l| !l.line.text.chars().any(|c| c.is_ascii_digit())).flat_map(|l| l.line.text.split_whitespace()).collect();
            assert!(printed.iter().all(|w| words.contains(w) || *w == "…"), "{lang:?}: {printed:?} cuts a word of {title}");
            assert_eq!(printed.join(" "), title, "{lang:?}: the title is not whole");
            let header: String = header_lines_of(page).join(" ");
            assert!(header.contains("ECD/MLA/2026/117-ДОПОЛНИТЕЛЬНЫЙ"), "{lang:?}: the reference is hidden: {header}");
        }
    }
}

fn header_lines_of(page: &mla_writer::layout::Page) -> Vec<String> {
    page.lines.iter().filter(|l| l.y > PageSize::A4.height - 72.0).map(|l| l.line.text.clone()).collect()
}

/// The words of the shaded header rows of every table (their text is grey 0.2).
fn heading_words(laid: &LaidOut) -> BTreeSet<String> {
    all_lines(laid).filter(|l| (l.grey - 0.2).abs() < 1e-6).flat_map(|l| l.line.text.split_whitespace().map(str::to_string)).collect()
}

#[test]
fn table_headings_are_never_split_inside_a_word_in_any_language() {
    for path in examples() {
        let request: Request = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for lang in Lang::ALL {
            let (document, laid) = laid_out(&request, lang, false);
            let printed = heading_words(&laid);
            for block in &document.blocks {
                if let Block::Table { columns, .. } = block {
                    for word in columns.iter().flat_map(|c| c.split_whitespace()) {
                        assert!(printed.contains(word), "{lang:?} {}: heading word {word:?} split: {printed:?}", path.display());
                    }
                }
            }
        }
    }
}

#[test]
fn narrow_columns_keep_the_longest_word_of_their_heading_whole() {
    // Cells of long unbreakable words take more than the page: the
    // headings' words still fit.
    let columns: Vec<String> = ["N°", "Pièce jointe", "Langue", "Pages", "Observations"].map(String::from).to_vec();
    let long = "NL44ABNA0123456789012345678901234567890".to_string();
    let rows = vec![vec![vec!["1".to_string()], vec![long.clone()], vec!["en".into()], vec!["14".into()], vec![long.clone()]]];
    let document = Document {
        title: "T".into(),
        lang: Lang::Fr,
        author: String::new(),
        header: String::new(),
        footer: "Page {page} sur {pages}".into(),
        draft_note: String::new(),
        draft_mark: String::new(),
        blocks: vec![Block::Table { columns: columns.clone(), rows }],
    };
    let laid = lay_out(fonts(), &document, PageSize::A4, false);
    let printed = heading_words(&laid);
    for word in columns.iter().flat_map(|c| c.split_whitespace()) {
        assert!(printed.contains(word), "{word:?} split: {printed:?}");
    }
}

/// The assigned characters of Latin-1 punctuation and signs, General
/// Punctuation (without its format controls and separators), Currency
/// Symbols and Mathematical Operators.
fn punctuation_math_and_currency() -> Vec<char> {
    let latin1 = (0xA1..=0xBF).chain([0xD7, 0xF7]);
    let general = (0x2010..=0x2027).chain(0x2030..=0x205E);
    let currency = 0x20A0..=0x20C0;
    let math = 0x2200..=0x22FF;
    latin1.chain(general).chain(currency).chain(math).filter_map(char::from_u32).filter(|&c| c != '\u{AD}').collect()
}

#[test]
fn every_punctuation_math_and_currency_character_is_drawn_or_reported() {
    let characters = punctuation_math_and_currency();
    let mut request = example("mla-evidence");
    request.facts.summary = characters.iter().map(|c| format!("{c} ")).collect();
    request.persons[0].location = "UTC−03:00".into();
    let reported: BTreeSet<char> = undrawable_texts(&request).into_iter().flat_map(|(_, chars)| chars).collect();
    // Only the som sign (Unicode 14) is newer than every embedded font.
    assert!(reported.is_subset(&BTreeSet::from(['\u{20C0}'])), "no font draws {reported:?}");
    for lang in [Lang::En, Lang::Ar] {
        let (_, laid) = laid_out(&request, lang, false);
        let mut drawn = BTreeSet::new();
        for line in all_lines(&laid) {
            for run in &line.line.runs {
                for glyph in &run.glyphs {
                    let c = glyph.text.chars().next();
                    if glyph.id == 0 {
                        assert!(glyph.text.chars().all(|c| reported.contains(&c)), "{lang:?}: {:?} prints as an empty box", glyph.text);
                    } else if let Some(c) = c {
                        drawn.insert(c);
                    }
                }
            }
        }
        let missing: Vec<String> = characters.iter().filter(|c| !drawn.contains(c) && !reported.contains(c)).map(|c| format!("U+{:04X}", *c as u32)).collect();
        assert!(missing.is_empty(), "{lang:?}: not on the page: {missing:?}");
    }
    // The minus of a UTC offset comes from the symbol fallback.
    let (_, laid) = laid_out(&request, Lang::En, false);
    let minus = all_lines(&laid).flat_map(|l| l.line.runs.iter()).find(|r| r.glyphs.iter().any(|g| g.text == "−")).unwrap();
    assert_eq!(minus.font, FontId::Symbols);
}

/// The lines of a page's body below `y` (the footer, under the bottom
/// margin, left out).
fn body_lines_below(page: &mla_writer::layout::Page, y: f32) -> usize {
    page.lines.iter().filter(|l| l.y < y - 1.0 && l.y > 60.0).count()
}

#[test]
fn a_section_heading_is_never_left_at_the_foot_of_a_page_in_any_language() {
    let mut headings = 0;
    for path in examples() {
        let request: Request = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for lang in Lang::ALL {
            let (_, laid) = laid_out(&request, lang, false);
            for (number, page) in laid.pages.iter().enumerate() {
                for heading in &page.headings {
                    let line = page.lines.iter().find(|l| l.size == 12.0 && heading.starts_with(l.line.text.trim())).unwrap_or_else(|| panic!("{heading} is not on its page"));
                    headings += 1;
                    assert!(
                        body_lines_below(page, line.y) >= 1,
                        "{} in {}: the heading “{heading}” ends page {} without what it heads",
                        path.display(),
                        lang.code(),
                        number + 1
                    );
                }
            }
        }
    }
    assert!(headings > 100, "only {headings} headings seen");
}
