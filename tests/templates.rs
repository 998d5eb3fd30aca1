//! Every example request as a reader abroad receives it: rendered with `mla
//! render --lang L` in each of the six languages, read back with `pdftotext`,
//! it carries the fixed headings, the dates (ISO with the written month) and the page footer of that
//! language, the names as they were entered, and no raw phrase key.

mod common;
use common::{examples, tool, squash};

use std::path::Path;
use std::process::Command;

use mla_writer::i18n::Lang;
use mla_writer::request::{Request, RequestKind};
use mla_writer::document::templates::{document_date, phrase, phrases};
use mla_writer::document::view::printed_name;
use mla_writer::i18n::placeholders::fill;

fn load(path: &Path) -> Request {
    mla_writer::request::read::read_request(path).unwrap()
}

/// The text of `request` rendered in `lang`, as `pdftotext` reads it back,
/// with bidi controls removed, and its number of pages.
fn rendered_text(dir: &Path, request: &Path, lang: Lang) -> (String, usize) {
    let pdf = dir.join(format!(
        "{}-{}.pdf",
        request.file_stem().unwrap().to_str().unwrap(),
        lang.code()
    ));
    let out = Command::new(env!("CARGO_BIN_EXE_mla"))
        .args([
            "render",
            "--demo",
            request.to_str().unwrap(),
            "--lang",
            lang.code(),
            "--today",
            "2026-11-27",
            "-o",
        ])
        .arg(&pdf)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("mla runs");
    assert!(
        out.status.success(),
        "mla render failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text: String = tool("pdftotext", &[pdf.to_str().unwrap(), "-"])
        .chars()
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect();
    let pages = tool("pdfinfo", &[pdf.to_str().unwrap()])
        .lines()
        .find_map(|l| {
            l.strip_prefix("Pages:")
                .map(|n| n.trim().parse::<usize>().unwrap())
        })
        .unwrap();
    (text, pages)
}

/// Whether `text` (as read back) holds `wanted` in a way that survives line
/// breaks: whole for scripts written with spaces, word by word for Arabic
/// (pdftotext gives each word in logical order, not always the order of the
/// words of a line), and with spaces ignored for Chinese.
fn holds(text: &str, wanted: &str, lang: Lang) -> bool {
    match lang {
        Lang::Ar => wanted
            .split_whitespace()
            .all(|word| text.contains(word.trim_matches(|c: char| c.is_ascii_punctuation()))),
        Lang::Zh => {
            let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            strip(text).contains(&strip(wanted))
        }
        _ => squash(text).contains(&squash(wanted)),
    }
}

/// The headings every document of `kind` carries.
fn headings(kind: RequestKind) -> &'static [&'static str] {
    match kind {
        RequestKind::MlaEvidence => &[
            "section.legal_basis",
            "section.facts",
            "section.offences",
            "section.persons",
            "section.assistance",
            "section.purpose",
            "section.contact",
            "section.signature",
        ],
        RequestKind::Preservation => &[
            "section.request",
            "section.offences_facts",
            "section.data_to_preserve",
            "section.follow_up",
            "section.contact",
            "section.signature",
        ],
        RequestKind::EmergencyDisclosure => &[
            "section.request",
            "section.emergency",
            "section.data_sought",
            "section.contact",
            "section.signature",
        ],
        RequestKind::TransferOfProceedings => &[
            "section.request",
            "section.act",
            "section.offences",
            "section.persons",
            "section.grounds",
            "section.undertakings",
            "section.signature",
        ],
    }
}

#[test]
fn every_example_in_every_language_has_its_headings_dates_and_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut problems = Vec::new();
    for file in examples() {
        let request = load(&file);
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        for lang in Lang::ALL {
            let (text, pages) = rendered_text(dir.path(), &file, lang);
            let mut expect = |what: String, ok: bool| {
                if !ok {
                    problems.push(format!("{name} ({}): lacks {what}", lang.code()));
                }
            };
            let title_key = format!("title.{}", request.kind.key());
            let mut keys: Vec<&str> = vec![&title_key];
            keys.extend(headings(request.kind));
            if !request.attachments.is_empty() {
                keys.push("section.annexes");
            }
            for key in keys {
                let heading = phrase(lang, key).unwrap();
                expect(format!("{key} {heading:?}"), holds(&text, heading, lang));
            }
            let footer = fill(phrase(lang, "doc.footer").unwrap(), |n| match n {
                "page" => Some("1".into()),
                "pages" => Some(pages.to_string()),
                _ => None,
            })
            .unwrap();
            expect(format!("footer {footer:?}"), holds(&text, &footer, lang));
            let signed = document_date(lang, &request.sign.date);
            expect(
                format!("date of signature {signed:?}"),
                holds(&text, &signed, lang),
            );
            let mut names = vec![request.req_auth.name.clone(), request.sign.name.clone()];
            names.extend(request.persons.iter().map(printed_name));
            for entered in names.iter().filter(|n| !n.is_empty()) {
                expect(
                    format!("the name {entered:?}"),
                    squash(&text).contains(entered.as_str()),
                );
            }
            for key in phrases(Lang::En)
                .keys()
                .filter(|k| k.contains('.') && !k.starts_with("month."))
            {
                if text.contains(key.as_str()) {
                    problems.push(format!("{name} ({}): the raw key {key} leaks", lang.code()));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_document_and_its_pages_speak_the_language_asked_for() {
    for file in examples() {
        let request = load(&file);
        for lang in Lang::ALL {
            let doc = mla_writer::export::document(&request, lang).unwrap();
            assert_eq!(doc.lang, lang);
            assert_eq!(doc.footer, phrase(lang, "doc.footer").unwrap());
            assert!(doc.footer.contains("{page}") && doc.footer.contains("{pages}"));
            assert_eq!(doc.draft_mark, phrase(lang, "doc.draft_mark").unwrap());
            assert_eq!(doc.draft_note, phrase(lang, "doc.draft_note").unwrap());
            assert!(doc
                .title
                .starts_with(phrase(lang, &format!("title.{}", request.kind.key())).unwrap()));
            assert!(
                doc.header.contains(request.req_auth.ref_no.trim()),
                "{}",
                doc.header
            );
            if request.conf.required {
                assert!(
                    doc.header
                        .ends_with(phrase(lang, "doc.confidential").unwrap()),
                    "{}",
                    doc.header
                );
            }
        }
    }
    let marks: Vec<String> = Lang::ALL
        .iter()
        .map(|l| phrase(*l, "doc.draft_mark").unwrap().to_string())
        .collect();
    assert_eq!(
        marks,
        ["DRAFT", "PROJET", "BORRADOR", "ПРОЕКТ", "مسودة", "草稿"]
    );
}

#[test]
fn the_persons_table_keeps_every_value_and_typed_bars_stay_in_their_cell() {
    use mla_writer::document::direction::without_isolates;
    use mla_writer::document::Block;
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/mla-evidence-fraud-arden-norland.json");
    let mut request = load(&file);
    request.persons[0].location = "Room 4 | Harbour Hotel\n::h1 Injected".into();
    for lang in Lang::ALL {
        let doc = mla_writer::export::document(&request, lang).unwrap();
        let table = doc
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Table { columns, rows }
                    if columns[0] == phrase(lang, "col.name").unwrap() =>
                {
                    Some(rows.clone())
                }
                _ => None,
            })
            .expect("a persons table");
        // As typed, once the isolates of a right-to-left document are taken out.
        let table: Vec<Vec<Vec<String>>> = table
            .iter()
            .map(|row| row.iter().map(|cell| cell.iter().map(|l| without_isolates(l)).collect()).collect())
            .collect();
        assert_eq!(table.len(), request.persons.len());
        assert_eq!(table[0][0], vec!["BRENNER Tomas Alexander".to_string()]);
        assert_eq!(table[0][2], vec![document_date(lang, "1981-04-17")]);
        assert_eq!(
            table[0][4],
            vec![
                "Room 4 | Harbour Hotel".to_string(),
                "::h1 Injected".to_string()
            ]
        );
        assert!(!doc.blocks.iter().any(
            |b| matches!(b, Block::Heading { level: 1, text, .. } if text.contains("Injected"))
        ));
    }
}

#[test]
fn fixed_text_follows_the_language_and_free_text_stays_as_typed() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/mla-evidence-fraud-arden-norland.json");
    let request = load(&file);
    let text = |lang| {
        format!(
            "{:?}",
            mla_writer::export::document(&request, lang).unwrap().blocks
        )
    };
    let french = text(Lang::Fr);
    for wanted in [
        "Fondement juridique",
        "l'article 18 de la Convention des Nations Unies contre la criminalité transnationale organisée",
        "Entendre Ingrid Solberg en qualité de témoin.",
        "Relevés de compte",
        "du 2025-05-01 (1er mai 2025) au 2026-01-31 (31 janvier 2026)",
        "17 avril 1981",
        "Between 1 June and 30 September 2025",
    ] {
        assert!(french.contains(wanted), "French document lacks {wanted:?}");
    }
    assert!(
        !french.contains("Legal basis")
            && !french.contains("Customer identification and beneficial-owner records")
    );
    let chinese = text(Lang::Zh);
    assert!(
        chinese.contains("以证人身份询问Ingrid Solberg。"),
        "{chinese}"
    );
    assert!(chinese.contains("1981年4月17日"));
}
