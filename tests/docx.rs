//! The request as an editable DOCX, the way a prosecutor gets it: written by
//! `mla render --format docx`, opened by LibreOffice (converted to PDF in
//! one run for every file) and read back with poppler. LibreOffice runs
//! with no Noto font but those the documents embed, as on a reader's
//! machine that has none.

mod common;
use common::{mla, tool, squash, examples};

use std::path::{Path, PathBuf};
use std::process::Command;

use mla_writer::i18n::Lang;

const TODAY: &str = "2026-11-27";
const LANGS: [Lang; 4] = [Lang::En, Lang::Fr, Lang::Ar, Lang::Zh];

/// Renders `request` as a DOCX into `dir`, with `extra` arguments.
fn render(request: &Path, docx: &Path, extra: &[&str], dir: &Path) {
    let mut args = vec![
        "render",
        request.to_str().unwrap(),
        "--format",
        "docx",
        "-o",
        docx.to_str().unwrap(),
        "--today",
        TODAY,
    ];
    args.extend_from_slice(extra);
    let out = mla(&args, dir);
    assert!(
        out.status.success(),
        "rendering {} {extra:?} failed: {}",
        request.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Fonts a machine without Noto has: DejaVu only (LibreOffice needs one
/// font of its own to start).
const SYSTEM_FONTS: &str = "/usr/share/fonts/truetype/dejavu";

/// A fontconfig configuration in `dir` that knows only [`SYSTEM_FONTS`].
fn fontconfig_without_noto(dir: &Path) -> PathBuf {
    assert!(
        Path::new(SYSTEM_FONTS).is_dir(),
        "{SYSTEM_FONTS} is needed for this test: install the package fonts-dejavu-core (make test installs it)"
    );
    let file = dir.join("fonts.conf");
    std::fs::write(
        &file,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n\
             <fontconfig><dir>{SYSTEM_FONTS}</dir><cachedir>{}</cachedir></fontconfig>\n",
            dir.join("fontconfig-cache").display()
        ),
    )
    .unwrap();
    let listed = Command::new("fc-list").env("FONTCONFIG_FILE", &file).output().expect("fc-list runs (package fontconfig)");
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(!listed.is_empty() && !listed.contains("Noto"), "the configuration must leave Noto out:\n{listed}");
    file
}

/// Converts every DOCX to PDF in one LibreOffice run, with a profile of its
/// own so that parallel runs do not share one, and no Noto font on the
/// machine; returns the PDFs, in order, each of which must exist.
fn convert(dir: &Path, docx: &[PathBuf]) -> Vec<PathBuf> {
    let out_dir = dir.join("pdf");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("lo-profile").display()
    );
    let mut command = Command::new("libreoffice");
    command
        .env("FONTCONFIG_FILE", fontconfig_without_noto(dir))
        .arg(&profile)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&out_dir)
        .args(docx);
    let out = command.output().unwrap_or_else(|e| {
        panic!("LibreOffice is needed for this test: install the package libreoffice-writer-nogui (make test installs it): {e}")
    });
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "LibreOffice failed: {log}");
    docx.iter()
        .map(|d| {
            let pdf = out_dir.join(format!("{}.pdf", d.file_stem().unwrap().to_str().unwrap()));
            assert!(
                pdf.is_file(),
                "LibreOffice did not open {} (no PDF written):\n{log}",
                d.display()
            );
            pdf
        })
        .collect()
}

fn pages(pdf: &Path) -> usize {
    tool("pdfinfo", &[pdf.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap()))
        .unwrap()
}

/// What must be read back from a rendered request: its title, a section
/// heading and a name the user entered.
struct Expected {
    docx: PathBuf,
    lang: Lang,
    /// The document's title (the file's metadata).
    title: String,
    /// The title as printed at the top of the first page.
    heading1: String,
    heading: String,
    name: String,
}

fn expected(request: &Path, lang: Lang, docx: PathBuf) -> Expected {
    use mla_writer::document::Block;
    let model = mla_writer::request::read::read_request(request).unwrap();
    let document = mla_writer::export::document(&model, lang).unwrap();
    let heading1 = document
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Heading { level: 1, text, .. } => Some(text.clone()),
            _ => None,
        })
        .expect("a title");
    let heading = document
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Heading {
                level: 2,
                number: Some(_),
                text,
            } => Some(text.clone()),
            _ => None,
        })
        .expect("a numbered section");
    let name = model
        .persons
        .iter()
        .map(|p| p.family_name.trim())
        .find(|n| !n.is_empty())
        .unwrap_or(model.req_auth.name.trim())
        .to_string();
    Expected {
        docx,
        lang,
        title: document.title,
        heading1,
        heading,
        name,
    }
}

#[test]
fn every_example_opens_in_libreoffice_in_four_languages_with_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut cases = Vec::new();
    for example in examples() {
        let stem = example.file_stem().unwrap().to_str().unwrap().to_string();
        for lang in LANGS {
            let docx = dir.path().join(format!("{stem}.{}.docx", lang.code()));
            render(&example, &docx, &["--lang", lang.code()], dir.path());
            cases.push(expected(&example, lang, docx));
        }
    }
    // A draft, on US Letter, in the same LibreOffice run.
    let draft = dir.path().join("draft.docx");
    render(
        Path::new("tests/fixtures/missing-facts.json"),
        &draft,
        &["--paper", "letter"],
        dir.path(),
    );
    let mut files: Vec<PathBuf> = cases.iter().map(|c| c.docx.clone()).collect();
    files.push(draft);
    let pdfs = convert(dir.path(), &files);

    for (case, pdf) in cases.iter().zip(&pdfs) {
        let text = squash(&tool("pdftotext", &[pdf.to_str().unwrap(), "-"]));
        for (what, expected) in [
            ("title", &case.heading1),
            ("section heading", &case.heading),
            ("entered name", &case.name),
        ] {
            // An Arabic line that wraps comes back from `pdftotext` with its
            // lines in no reliable order: there, each word must be found.
            let found = match case.lang {
                Lang::Ar => expected.split_whitespace().all(|word| text.contains(word)),
                _ => text.contains(&squash(expected)),
            };
            assert!(
                found,
                "{}: the {what} {expected:?} is missing from:\n{text}",
                case.docx.display()
            );
        }
        // Set in the fonts the document embeds, though the machine has none.
        let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
        let needed: &[&str] = match case.lang {
            Lang::Ar => &["NotoSerif-Regular", "NotoNaskhArabic-Regular", "NotoNaskhArabic-Bold"],
            Lang::Zh => &["NotoSerif-Regular", "NotoSerifCJK"],
            _ => &["NotoSerif-Regular", "NotoSerif-Bold"],
        };
        for font in needed {
            assert!(fonts.contains(font), "{}: LibreOffice did not use the embedded {font}:\n{fonts}", case.docx.display());
        }
        let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
        assert!(
            info.lines()
                .any(|l| l.starts_with("Title:") && l.ends_with(case.title.as_str())),
            "{}: the title is not in the metadata:\n{info}",
            case.docx.display()
        );
        assert!(
            !text.contains("DRAFT"),
            "{}: a complete request is not a draft",
            case.docx.display()
        );
        if case.lang == Lang::En {
            let total = pages(pdf);
            for page in 1..=total {
                assert!(
                    text.contains(&format!("Page {page} of {total}")),
                    "{}: page {page} lacks its footer",
                    case.docx.display()
                );
            }
        }
    }

    let draft_pdf = pdfs.last().unwrap();
    let info = tool("pdfinfo", &[draft_pdf.to_str().unwrap()]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Page size:") && l.contains("612 x 792")),
        "not US Letter:\n{info}"
    );
    let text = tool("pdftotext", &[draft_pdf.to_str().unwrap(), "-"]);
    let count = pages(draft_pdf);
    assert_eq!(
        text.matches("DRAFT – not for transmission").count(),
        count,
        "every page must say it is a draft:\n{text}"
    );
}

#[test]
fn a_docx_of_a_request_with_errors_is_reported_as_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("draft.docx");
    let out = mla(
        &[
            "render",
            "tests/fixtures/missing-facts.json",
            "--format",
            "docx",
            "-o",
            docx.to_str().unwrap(),
            "--today",
            TODAY,
        ],
        dir.path(),
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("written as a DRAFT"));
    let bytes = std::fs::read(&docx).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "not a zip package");
}
