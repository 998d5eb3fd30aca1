//! Annex files on a real SQLite file: stored once by SHA-256, kept while a
//! revision cites them, refused over the size limit, and appended to the
//! PDF export (read back with poppler).

mod common;

use std::path::{Path, PathBuf};

use common::{mla, squash, tool};
use mla_writer::export::{self, AnnexToAppend, AppendAnnexesError, Options};
use mla_writer::i18n::Lang;
use mla_writer::layout::Paper;
use mla_writer::request::demo::EXAMPLES_DATE;
use mla_writer::request::{AnnexFile, AnnexLabels, Attachment, Request};
use mla_writer::store::annexes::{collect_orphan_annexes, AnnexError, AnnexSlot};
use mla_writer::store::Store;

fn example() -> Request {
    mla_writer::request::demo::example()
}

fn options() -> Options {
    Options { lang: Lang::En, paper: Paper::A4, date: EXAMPLES_DATE.midnight().assume_utc(), with_original: false, revision: None, mode: mla_writer::directory::demo::Mode::Demo }
}

/// A real PDF of several pages: the example request itself.
fn statement_pdf(dir: &Path) -> PathBuf {
    let path = dir.join("statement.pdf");
    std::fs::write(&path, export::pdf(&example(), &options(), false).unwrap()).unwrap();
    path
}

/// A small PNG photograph stand-in (an RGBA gradient).
fn photo_png(dir: &Path) -> PathBuf {
    let path = dir.join("photo.png");
    let file = std::fs::File::create(&path).unwrap();
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), 40, 30);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let pixels: Vec<u8> = (0..40 * 30).flat_map(|i| [(i % 256) as u8, 90, 160, 200]).collect();
    encoder.write_header().unwrap().write_image_data(&pixels).unwrap();
    path
}

fn pages_of(pdf: &Path) -> u32 {
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap()
}

fn file_count(store: &Store) -> usize {
    store.annex_file_count().unwrap()
}

#[test]
fn the_same_file_in_two_annexes_of_two_drafts_is_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = statement_pdf(dir.path());
    let mut store = Store::open(&dir.path().join("drafts.sqlite3")).unwrap();
    let first = store.create_draft(&example()).unwrap().id;
    let second = store.create_draft(&example()).unwrap().id;
    let a = store.attach_annex_file(&first, &example(), AnnexSlot::Existing(1), &pdf).unwrap();
    let b = store.attach_annex_file(&second, &example(), AnnexSlot::New { title: "Statement".into() }, &pdf).unwrap();
    assert_eq!(a.file.sha256, b.file.sha256);
    assert_eq!(a.file.media_type, "application/pdf");
    assert_eq!(a.file.pages, Some(pages_of(&pdf)));
    assert_eq!(b.number, example().attachments.len() + 1);
    assert_eq!(file_count(&store), 1);
    // The reference travels in the request; the bytes stay in the database.
    let json = store.load_draft(&first).unwrap();
    assert_eq!(json.request.attachments[0].file.as_ref().unwrap().name, "statement.pdf");
    let stored = store.annex_file_bytes(&a.file.sha256).unwrap().unwrap();
    assert_eq!(stored, std::fs::read(&pdf).unwrap());
    assert_eq!(a.receipt.revision, 2);
}

#[test]
fn a_file_lives_while_any_revision_cites_it_and_goes_with_the_last() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = statement_pdf(dir.path());
    let png = photo_png(dir.path());
    let path = dir.path().join("drafts.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let id = store.create_draft(&example()).unwrap().id;
    let pdf_ref = store.attach_annex_file(&id, &example(), AnnexSlot::Existing(1), &pdf).unwrap().file;
    // Replaced, then detached: earlier revisions still cite both files.
    let current = store.load_draft(&id).unwrap().request;
    let replaced = store.attach_annex_file(&id, &current, AnnexSlot::Existing(1), &png).unwrap();
    assert_eq!(replaced.file.media_type, "image/png");
    let (draft, _) = store.detach_annex_file(&id, &replaced.draft.request, 1).unwrap();
    assert!(draft.request.attachments[0].file.is_none());
    assert_eq!(file_count(&store), 2);
    assert!(store.load_revision(&id, 2).unwrap().attachments[0].file.as_ref().is_some_and(|f| f.sha256 == pdf_ref.sha256));

    // Another draft cites the PDF too.
    let other = store.create_draft(&example()).unwrap().id;
    store.attach_annex_file(&other, &example(), AnnexSlot::Existing(2), &pdf).unwrap();
    assert_eq!(file_count(&store), 2);

    // The first draft deleted and the bin emptied: its revisions go, the
    // photo only it cited goes, the PDF the other draft cites stays.
    let at = time::macros::datetime!(2026-11-20 10:00 UTC);
    store.delete_draft(&id, at).unwrap();
    assert_eq!(file_count(&store), 2, "a draft in the bin keeps its files: it can be restored");
    assert_eq!(store.empty_bin().unwrap(), 1);
    assert_eq!(file_count(&store), 1);
    assert!(store.annex_file_bytes(&pdf_ref.sha256).unwrap().is_some());

    // And when the last citing draft goes, nothing is left.
    let tx = store.begin().unwrap();
    tx.connection().execute("DELETE FROM drafts WHERE id = ?1", [&other]).unwrap();
    assert_eq!(collect_orphan_annexes(&tx).unwrap(), 1);
    tx.commit().unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(file_count(&store), 0);
}

#[test]
fn a_file_over_the_size_limit_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("scan.pdf");
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.resize((1 << 20) + 1, b' ');
    std::fs::write(&big, &bytes).unwrap();
    let path = dir.path().join("drafts.sqlite3");
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.annex_size_limit().unwrap(), 50 << 20);
    store.set_annex_size_limit(1 << 20).unwrap();
    let id = store.create_draft(&example()).unwrap().id;
    let e = store.attach_annex_file(&id, &example(), AnnexSlot::Existing(1), &big).unwrap_err();
    assert!(matches!(e, AnnexError::TooLarge { size, limit: 1_048_576, .. } if size == (1 << 20) + 1), "{e:?}");
    let message = e.to_string();
    assert!(message.contains("scan.pdf") && message.contains("1.0 MiB") && message.contains("nothing was attached"), "{message}");
    assert_eq!(file_count(&store), 0);
    assert_eq!(store.load_draft(&id).unwrap().summary.revision, 1);
    // The setting is kept in the database.
    drop(store);
    assert_eq!(Store::open(&path).unwrap().annex_size_limit().unwrap(), 1 << 20);
}

#[test]
fn a_pdf_that_cannot_be_read_is_refused_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.pdf");
    std::fs::write(&broken, b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF").unwrap();
    let mut store = Store::open(&dir.path().join("drafts.sqlite3")).unwrap();
    let id = store.create_draft(&example()).unwrap().id;
    let e = store.attach_annex_file(&id, &example(), AnnexSlot::Existing(1), &broken).unwrap_err();
    assert!(matches!(e, AnnexError::Pdf { .. }), "{e:?}");
    assert!(e.to_string().contains("broken.pdf"), "{e}");
    assert_eq!(file_count(&store), 0);
}

#[test]
fn the_export_appends_each_annex_after_a_separator_and_the_index_lists_its_hash() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = statement_pdf(dir.path());
    let png = photo_png(dir.path());
    let mut store = Store::open(&dir.path().join("drafts.sqlite3")).unwrap();
    let id = store.create_draft(&example()).unwrap().id;
    let first = store.attach_annex_file(&id, &example(), AnnexSlot::Existing(1), &pdf).unwrap();
    let second = store.attach_annex_file(&id, &first.draft.request, AnnexSlot::New { title: "Photograph of the suspect".into() }, &png).unwrap();
    let request = second.draft.request;

    let plain = dir.path().join("plain.pdf");
    std::fs::write(&plain, export::export_pdf(&request, &options(), EXAMPLES_DATE).unwrap().bytes).unwrap();
    let with_annexes = dir.path().join("with-annexes.pdf");
    let export = store.export_pdf_with_annexes(&request, &options(), EXAMPLES_DATE).unwrap();
    std::fs::write(&with_annexes, &export.bytes).unwrap();

    // request + (separator + statement) + (separator + photo)
    assert_eq!(pages_of(&with_annexes), pages_of(&plain) + 1 + pages_of(&pdf) + 1 + 1);
    tool("qpdf", &["--check", with_annexes.to_str().unwrap()]);
    let text = squash(&tool("pdftotext", &["-layout", with_annexes.to_str().unwrap(), "-"]));
    let annex_n = second.number;
    for line in [
        format!("Annex 1: file statement.pdf (PDF, pages: {}), SHA-256 {}", pages_of(&pdf), first.file.sha256),
        format!("Annex {annex_n}: file photo.png, SHA-256 {}", second.file.sha256),
        "Annex 1 — statement.pdf".to_string(),
        format!("Annex {annex_n} — photo.png"),
        format!("SHA-256 {}", second.file.sha256),
    ] {
        assert!(text.contains(&line), "{line:?} not in the PDF's text");
    }
    // The separator of annex 1 comes right after the request's last page.
    let separator = tool("pdftotext", &["-f", &(pages_of(&plain) + 1).to_string(), "-l", &(pages_of(&plain) + 1).to_string(), with_annexes.to_str().unwrap(), "-"]);
    assert!(squash(&separator).contains(&format!("SHA-256 {}", first.file.sha256)), "{separator}");
}

/// A cover letter that refers to "Annex A" gets annexes labelled by
/// letter: in the index of annexes and on the separator pages alike.
#[test]
fn annexes_labelled_by_letter_are_lettered_in_the_index_and_on_their_separator_pages() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = statement_pdf(dir.path());
    let png = photo_png(dir.path());
    let mut store = Store::open(&dir.path().join("drafts.sqlite3")).unwrap();
    let mut lettered = example();
    lettered.annex_labels = Some(AnnexLabels::Letters);
    lettered.attachments.truncate(1);
    let id = store.create_draft(&lettered).unwrap().id;
    let first = store.attach_annex_file(&id, &lettered, AnnexSlot::Existing(1), &pdf).unwrap();
    let second = store.attach_annex_file(&id, &first.draft.request, AnnexSlot::New { title: "Photograph of the suspect".into() }, &png).unwrap();
    assert_eq!(second.number, 2);
    let request = second.draft.request;

    let with_annexes = dir.path().join("with-annexes.pdf");
    std::fs::write(&with_annexes, store.export_pdf_with_annexes(&request, &options(), EXAMPLES_DATE).unwrap().bytes).unwrap();
    let layout = tool("pdftotext", &["-layout", with_annexes.to_str().unwrap(), "-"]);
    let text = squash(&layout);
    for line in [
        format!("Annex A: file statement.pdf (PDF, pages: {}), SHA-256 {}", pages_of(&pdf), first.file.sha256),
        format!("Annex B: file photo.png, SHA-256 {}", second.file.sha256),
        "Annex A — statement.pdf".to_string(),
        "Annex B — photo.png".to_string(),
    ] {
        assert!(text.contains(&line), "{line:?} not in the PDF's text");
    }
    // (The appended statement is itself a request whose text cites annexes by number.)
    for numbered in ["Annex 1 —", "Annex 2 —", "Annex 1: file", "Annex 2: file"] {
        assert!(!text.contains(numbered), "{numbered:?} is in the PDF's text");
    }
    // The index's first column carries the letters.
    let index: Vec<&str> = layout.lines().map(str::trim).skip_while(|l| !l.starts_with("Index of annexes")).collect();
    assert!(index.iter().any(|l| l.starts_with("A ")), "{index:?}");
    assert!(index.iter().any(|l| l.starts_with("B ") && l.contains("Photograph of the suspect")), "{index:?}");
}

#[test]
fn a_damaged_pdf_annex_is_an_error_naming_it_not_a_panic() {
    let file = AnnexFile {
        sha256: "0".repeat(64),
        name: "statement.pdf".into(),
        media_type: "application/pdf".into(),
        size: 40,
        pages: Some(1),
    };
    let mut request = example();
    request.attachments.push(Attachment { title: "Statement".into(), file: Some(file.clone()), ..Attachment::default() });
    let number = request.attachments.len();
    for bytes in [
        b"%PDF-1.7\ntruncated".as_slice(),
        b"%PDF-1.4\n1 0 obj << /Type /Pages /Kids [1 0 R] /Count 1 >> endobj trailer << /Root 1 0 R >>".as_slice(),
        b"".as_slice(),
    ] {
        let annexes = [AnnexToAppend { number, file: &file, bytes }];
        let Err(e) = export::export_pdf_with_annexes(&request, &options(), EXAMPLES_DATE, &annexes) else { panic!("a damaged annex was appended") };
        assert!(matches!(&e, AppendAnnexesError::Annex { number: n, name, .. } if *n == number && name == "statement.pdf"), "{e:?}");
        assert!(e.to_string().starts_with(&format!("annex {number} (statement.pdf) cannot be appended")), "{e}");
    }
}

#[test]
fn a_request_citing_a_file_this_database_lacks_names_the_annex() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("drafts.sqlite3")).unwrap();
    let mut request = example();
    request.attachments[0].file =
        Some(AnnexFile { sha256: "ab".repeat(32), name: "order.pdf".into(), media_type: "application/pdf".into(), size: 10, pages: Some(1) });
    let Err(e) = store.export_pdf_with_annexes(&request, &options(), EXAMPLES_DATE) else { panic!("exported without the annex's file") };
    assert!(matches!(e, AnnexError::Missing { number: 1, .. }), "{e:?}");
    assert!(e.to_string().contains("order.pdf"), "{e}");
}

#[test]
fn mla_attaches_detaches_and_renders_with_the_annexes_appended() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let pdf = statement_pdf(dir.path());
    let request_file = dir.path().join("request.json");
    std::fs::write(&request_file, mla_writer::request::read::to_json(&example())).unwrap();
    let out = mla(&["drafts", "import", request_file.to_str().unwrap()], &data);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();

    let out = mla(&["drafts", "attach", &id, pdf.to_str().unwrap(), "--label", "Witness statement"], &data);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8(out.stdout).unwrap();
    let number = example().attachments.len() + 1;
    assert!(printed.starts_with(&format!("annex {number}: statement.pdf (application/pdf")), "{printed}");

    // The exported request carries the reference, not the bytes.
    let out = mla(&["drafts", "export", &id], &data);
    let exported: Request = serde_json::from_slice(&out.stdout).unwrap();
    let annex = &exported.attachments[number - 1];
    assert_eq!(annex.title, "Witness statement");
    let file = annex.file.as_ref().unwrap();
    assert!(printed.contains(&file.sha256));
    assert!(out.stdout.len() < 100_000);

    let saved = dir.path().join("exported.json");
    std::fs::write(&saved, &out.stdout).unwrap();
    let rendered = dir.path().join("out.pdf");
    let plain = dir.path().join("plain.pdf");
    let today = EXAMPLES_DATE.to_string();
    let out = mla(&["render", saved.to_str().unwrap(), "-o", rendered.to_str().unwrap(), "--append-annexes", "--today", &today], &data);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = mla(&["render", saved.to_str().unwrap(), "-o", plain.to_str().unwrap(), "--today", &today], &data);
    assert!(out.status.success());
    assert_eq!(pages_of(&rendered), pages_of(&plain) + 1 + pages_of(&pdf));

    // Over the limit set from the command line: refused with a clear message.
    let out = mla(&["drafts", "annex-limit", "1"], &data);
    assert!(String::from_utf8(out.stdout).unwrap().contains("at most 1 MiB"));
    let big = dir.path().join("big.bin");
    std::fs::write(&big, vec![0u8; (1 << 20) + 10]).unwrap();
    let out = mla(&["drafts", "attach", &id, big.to_str().unwrap()], &data);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("more than the limit of 1.0 MiB"), "{stderr}");

    let out = mla(&["drafts", "detach", &id, "--annex", &number.to_string()], &data);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = mla(&["drafts", "export", &id], &data);
    let exported: Request = serde_json::from_slice(&out.stdout).unwrap();
    assert!(exported.attachments[number - 1].file.is_none());
}
