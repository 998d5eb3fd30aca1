//! A translator's file comes back: the app imports it into the stored draft
//! and keeps the translation as a new draft, in a real SQLite file; the CLI
//! reads the same files under the same size limit. Nothing is saved or
//! written when the file is refused.

mod common;
use common::mla;

use std::path::Path;

use mla_writer::request::read;
use mla_writer::store::{draft_title, Store, TranslatedDraftError};
use mla_writer::translation::{ImportFileError, XliffError, MAX_FILE_BYTES};

const EXAMPLE: &str = "examples/mla-evidence-fraud-arden-norland.json";
const FRENCH: &str = "tests/fixtures/xliff/mla-evidence-fraud-arden-norland.fr.xlf";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_translation_is_saved_as_a_new_draft_titled_with_its_language_and_the_original_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("drafts.sqlite3")).unwrap();
    let english = read::read_request(&root().join(EXAMPLE)).unwrap();
    let original = store.create_draft(&english).unwrap();

    let translated = store.import_translation(&original.id, &root().join(FRENCH)).unwrap();

    assert_ne!(translated.summary.id, original.id);
    assert_eq!(translated.summary.title, draft_title(&translated.request));
    assert!(translated.summary.title.ends_with(" → Kingdom of Norland [fr]"), "{}", translated.summary.title);
    assert_eq!(translated.request.lang.request_code(), Some("fr"));
    assert_eq!(translated.request.translation.original["facts.summary"], english.facts.summary);
    assert_eq!(store.load_draft(&translated.summary.id).unwrap(), translated);
    let kept = store.load_draft(&original.id).unwrap();
    assert_eq!(kept.request, english);
    assert_eq!(kept.summary.revision, 1);
    assert_eq!(store.list_drafts().unwrap().len(), 2);
}

#[test]
fn a_file_that_does_not_fit_the_draft_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("drafts.sqlite3")).unwrap();
    let mut other = read::read_request(&root().join(EXAMPLE)).unwrap();
    other.case.internal_ref = "PPO-2026-0999".into();
    let draft = store.create_draft(&other).unwrap();

    let error = store.import_translation(&draft.id, &root().join(FRENCH)).unwrap_err();

    match &error {
        TranslatedDraftError::File(ImportFileError::Xliff { source: XliffError::OtherRequest { .. }, path }) => {
            assert!(path.ends_with("mla-evidence-fraud-arden-norland.fr.xlf"))
        }
        other => panic!("expected a file made for another request, got {other:?}"),
    }
    assert!(error.to_string().contains("mla-evidence-fraud-arden-norland.fr.xlf"), "{error}");
    assert_eq!(store.list_drafts().unwrap(), vec![draft.clone()]);
    assert_eq!(store.revisions(&draft.id).unwrap().len(), 1);

    let missing = store.import_translation("no-such-draft", &root().join(FRENCH)).unwrap_err();
    assert!(matches!(missing, TranslatedDraftError::Store(_)), "{missing:?}");
    assert_eq!(store.list_drafts().unwrap().len(), 1);
}

#[test]
fn the_cli_refuses_a_translation_file_over_the_limit_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("huge.xlf");
    // A sparse file: its size on disk is over the limit, without writing it.
    std::fs::File::create(&big).unwrap().set_len(MAX_FILE_BYTES + 1).unwrap();
    let out = dir.path().join("out.json");

    let run = mla(&["xliff", "import", EXAMPLE, "--xliff", big.to_str().unwrap(), "-o", out.to_str().unwrap()], dir.path());

    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("huge.xlf") && stderr.contains(&format!("more than the {MAX_FILE_BYTES} bytes")), "{stderr}");
    assert!(!out.exists());
}
