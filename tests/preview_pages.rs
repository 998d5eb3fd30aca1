//! The preview is the document: the pages the app shows are the PDF's
//! pages. For each example in four languages (Latin, Arabic and Chinese
//! scripts), the PDF is read back with poppler's `pdftotext -bbox` and
//! compared page by page with the pages the app is given: the same number
//! of pages, the same characters on each page, every word of the PDF
//! under a run of the preview on its baseline, and every run of the
//! preview over words of the PDF.

mod common;
use common::{examples, tool};

use mla_writer::export::{self, Options};
use mla_writer::i18n::Lang;
use mla_writer::layout::Paper;
use mla_writer::output::pages::{Pages, TextRun};
use mla_writer::request::read::parse_request;

/// A word of the PDF as `pdftotext -bbox` gives it, in points from the
/// page's top-left corner.
#[derive(Debug)]
struct Word {
    x_min: f32,
    y_min: f32,
    x_max: f32,
    y_max: f32,
    text: String,
}

/// The words of each page of the PDF at `pdf`.
fn pdf_words(pdf: &std::path::Path) -> Vec<Vec<Word>> {
    let xml = tool("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let attr = |tag: &str, name: &str| -> f32 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..start + tag[start..].find('"').unwrap()].parse().unwrap()
    };
    let unescape = |s: &str| s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    xml.split("<page ")
        .skip(1)
        .map(|page| {
            page.split("<word ")
                .skip(1)
                .map(|word| {
                    let (tag, rest) = word.split_once('>').unwrap();
                    let text = unescape(rest.split_once("</word>").unwrap().0);
                    Word { x_min: attr(tag, "xMin"), y_min: attr(tag, "yMin"), x_max: attr(tag, "xMax"), y_max: attr(tag, "yMax"), text }
                })
                .collect()
        })
        .collect()
}

/// How far apart, in points, a word and a run may be and still be the same
/// place (poppler rounds and measures glyph boxes, not advances).
const SLACK: f32 = 1.5;

fn on_baseline(run: &TextRun, word: &Word) -> bool {
    run.y >= word.y_min - SLACK && run.y <= word.y_max + SLACK
}

fn overlap(run: &TextRun, word: &Word) -> bool {
    run.x < word.x_max + SLACK && word.x_min < run.x + run.width + SLACK
}

/// The letters and digits of a text, sorted: what two renderings of one
/// page must share whatever order they read it in. Punctuation and vowel
/// marks are left out: poppler reads an Arabic word in its visual order,
/// mirrors brackets back by its own rule, and takes the text of a glyph
/// from the font's one mapping for it (so a letter drawn once with a mark
/// reads with it everywhere).
fn characters<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<char> {
    let arabic_mark = |c: char| ('\u{064b}'..='\u{065f}').contains(&c) || c == '\u{0670}';
    let mut chars: Vec<char> = texts.flat_map(str::chars).filter(|&c| c.is_alphanumeric() && !arabic_mark(c)).collect();
    chars.sort_unstable();
    chars
}

fn compare(name: &str, shown: &Pages, words: &[Vec<Word>]) {
    assert_eq!(shown.pages.len(), words.len(), "{name}: the preview has {} pages, the PDF {}", shown.pages.len(), words.len());
    for (number, (page, words)) in shown.pages.iter().zip(words).enumerate() {
        let at = format!("{name}, page {}", number + 1);
        let (shown_chars, pdf_chars) = (characters(page.runs.iter().map(|r| r.text.as_str())), characters(words.iter().map(|w| w.text.as_str())));
        let only = |a: &[char], b: &[char]| -> String {
            let mut rest = b.to_vec();
            a.iter().filter(|c| rest.iter().position(|d| d == *c).map(|i| rest.remove(i)).is_none()).collect()
        };
        assert!(
            shown_chars == pdf_chars,
            "{at}: the preview and the PDF hold different letters or digits: only in the preview {:?}, only in the PDF {:?}",
            only(&shown_chars, &pdf_chars),
            only(&pdf_chars, &shown_chars)
        );
        for word in words {
            assert!(
                page.runs.iter().any(|r| on_baseline(r, word) && overlap(r, word)),
                "{at}: the PDF's word {word:?} is under no run of the preview"
            );
        }
        for run in &page.runs {
            assert!(
                words.iter().any(|w| on_baseline(run, w) && overlap(run, w)),
                "{at}: the preview's run {run:?} is over no word of the PDF"
            );
        }
    }
}

#[test]
fn the_preview_shows_the_pdf_s_pages_line_for_line() {
    let dir = tempfile::tempdir().unwrap();
    let date = time::macros::datetime!(2026-11-27 10:00 UTC);
    let today = date.date();
    let mut compared = 0;
    for example in examples() {
        let request = parse_request(&std::fs::read_to_string(&example).unwrap(), &example.display().to_string()).unwrap();
        for lang in [Lang::En, Lang::Fr, Lang::Ar, Lang::Zh] {
            let options = Options { lang, paper: Paper::A4, date, with_original: false, revision: None, mode: mla_writer::directory::demo::Mode::Demo };
            let name = format!("{} in {}", example.file_stem().unwrap().to_string_lossy(), lang.code());
            let shown = export::pages(&request, &options, today).unwrap();
            let pdf = dir.path().join(format!("{name}.pdf"));
            std::fs::write(&pdf, export::export_pdf(&request, &options, today).unwrap().bytes).unwrap();
            compare(&name, &shown, &pdf_words(&pdf));
            compared += shown.pages.len();
        }
    }
    assert!(compared >= 16, "only {compared} pages compared");
}

#[test]
fn a_request_with_errors_is_previewed_with_the_draft_watermark_as_it_is_exported() {
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/mla-evidence-fraud-arden-norland.json");
    let mut request = parse_request(&std::fs::read_to_string(example).unwrap(), "example").unwrap();
    let today = time::macros::date!(2026 - 11 - 27);
    let options = Options { lang: Lang::En, paper: Paper::A4, date: time::macros::datetime!(2026-11-27 10:00 UTC), with_original: false, revision: None, mode: mla_writer::directory::demo::Mode::Demo };
    let complete = export::pages(&request, &options, today).unwrap();
    request.req_auth.name.clear();
    let draft = export::pages(&request, &options, today).unwrap();
    assert!(export::export_pdf(&request, &options, today).unwrap().draft);
    let mark = draft.watermark.expect("a draft is previewed with its watermark");
    assert!(mark.angle > 45.0 && mark.angle < 60.0, "{}", mark.angle);
    assert!(!mark.runs.is_empty());
    assert_eq!(complete.watermark, None);
}
