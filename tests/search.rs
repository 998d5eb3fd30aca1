//! Full-text search, the archive and the bin, on a real SQLite file.

mod common;

use std::path::Path;

use mla_writer::i18n::Lang;
use mla_writer::request::Request;
use mla_writer::store::search::DEFAULT_LIMIT;
use mla_writer::store::{SearchResult, Store, StoreError};
use time::macros::datetime;
use time::OffsetDateTime;

const AT: OffsetDateTime = datetime!(2026-03-02 09:00 UTC);

fn example() -> Request {
    mla_writer::request::demo::example()
}

/// The example with a suspect named in Arabic (with its vowel marks), in
/// Cyrillic, and in Chinese inside a sentence of the facts.
fn multilingual() -> Request {
    let mut request = example();
    request.persons[0].family_name = "مُحَمَّد الحَسَن".to_string();
    request.persons[0].aliases = "Алексей ПЕТРОВ".to_string();
    request.facts.link_to_req_state = "据查，嫌疑人张伟于2025年3月将款项转至北方银行。".to_string();
    request
}

fn open(dir: &Path) -> Store {
    Store::open(&dir.join("drafts.sqlite3")).unwrap()
}

fn found(store: &Store, text: &str) -> Vec<SearchResult> {
    store.search(text, Lang::En, DEFAULT_LIMIT).unwrap()
}

fn ids(results: &[SearchResult]) -> Vec<&str> {
    results.iter().map(|r| r.draft.id.as_str()).collect()
}

fn marked(result: &SearchResult, path: &str) -> Vec<String> {
    let hit = result.hits.iter().find(|h| h.path == path).unwrap_or_else(|| panic!("no hit in {path}: {:?}", result.hits));
    hit.snippet.iter().filter(|p| p.hit).map(|p| p.text.clone()).collect()
}

#[test]
fn the_requested_state_is_found_by_its_name_in_any_of_the_six_languages() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let mut germany = example();
    germany.req_state = "DE".into();
    germany.req_state_entry = None;
    let id = store.create_draft(&germany).unwrap().id;
    store.create_draft(&example()).unwrap();
    for name in ["Germany", "allemagne", "Alemania", "Германия", "ألمانيا", "德国"] {
        assert_eq!(ids(&found(&store, name)), [id.as_str()], "{name}");
    }
    // A fictitious State by its name, as the directory gives it.
    assert!(!found(&store, "Norland").is_empty());
}

#[test]
fn a_word_of_the_facts_finds_the_draft_with_the_field_it_is_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let id = store.create_draft(&example()).unwrap().id;
    store.create_draft(&mla_writer::request::read::read_request(&common::examples()[0]).unwrap()).unwrap();
    let results = found(&store, "fictitious");
    assert_eq!(ids(&results), [id.as_str()]);
    assert_eq!(marked(&results[0], "facts.summary"), ["fictitious"]);
    let hit = results[0].hits.iter().find(|h| h.path == "facts.summary").unwrap();
    assert_eq!(hit.label, "Summary of the facts", "{hit:?}");
    // Labels come in the language asked for.
    let french = store.search("fictitious", Lang::Fr, DEFAULT_LIMIT).unwrap();
    assert_eq!(french[0].hits.iter().find(|h| h.path == "facts.summary").unwrap().label, "Exposé des faits");
    assert!(found(&store, "nowhere-to-be-found").is_empty());
}

#[test]
fn names_are_found_in_arabic_with_or_without_vowels_in_cyrillic_in_any_case_and_in_chinese_inside_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let id = store.create_draft(&multilingual()).unwrap().id;
    store.create_draft(&example()).unwrap();
    for (typed, path, marks) in [
        ("محمد", "persons.0.family_name", vec!["مُحَمَّد"]),
        ("مُحَمَّد الحسن", "persons.0.family_name", vec!["مُحَمَّد", "الحَسَن"]),
        ("петров", "persons.0.aliases", vec!["ПЕТРОВ"]),
        ("АЛЕКСЕЙ", "persons.0.aliases", vec!["Алексей"]),
        ("张伟", "facts.link_to_req_state", vec!["张伟"]),
    ] {
        let results = found(&store, typed);
        assert_eq!(ids(&results), [id.as_str()], "{typed}");
        assert_eq!(marked(&results[0], path), marks, "{typed}");
    }
    // Two characters that are not next to each other are not the name.
    assert!(found(&store, "张银").is_empty());
    // The words of a query may be in different answers.
    assert_eq!(ids(&found(&store, "Петров fictitious")), [id.as_str()]);
}

#[test]
fn query_syntax_typed_by_the_user_is_never_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let id = store.create_draft(&example()).unwrap().id;
    for typed in ["\"", "\"fictitious", "fictitious\"*", "(fictitious", "fictitious AND", "NOT fictitious", "NEAR(fictitious", "facts:fictitious", "^fictitious", "-fictitious", "*", "fictitious OR", "'", "{}[]"] {
        let results = store.search(typed, Lang::En, DEFAULT_LIMIT).unwrap_or_else(|e| panic!("{typed}: {e}"));
        if typed.contains("fictitious") && !typed.contains("AND") && !typed.contains("NOT") && !typed.contains("OR") && !typed.contains("NEAR") && !typed.contains("facts") {
            assert_eq!(ids(&results), [id.as_str()], "{typed}");
        }
    }
}

#[test]
fn the_index_follows_every_save() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let mut request = example();
    let id = store.create_draft(&request).unwrap().id;
    request.facts.summary = "The money went to Quillfeather Holdings.".to_string();
    store.save_draft(&id, &request).unwrap();
    assert!(found(&store, "fictitious").iter().all(|r| r.hits.iter().all(|h| h.path != "facts.summary")));
    assert_eq!(ids(&found(&store, "quillfeather")), [id.as_str()]);
    // Through a transaction of another layer, too.
    let tx = store.begin().unwrap();
    request.facts.summary = "Paid to Ostrowind Trading.".to_string();
    tx.save_draft(&id, &request, AT).unwrap();
    tx.commit().unwrap();
    assert!(found(&store, "quillfeather").is_empty());
    assert_eq!(ids(&found(&store, "ostrowind")), [id.as_str()]);
}

#[test]
fn an_archived_draft_leaves_the_list_is_still_found_and_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let id = store.create_draft(&example()).unwrap().id;
    store.archive_draft(&id, AT).unwrap();
    assert!(store.list_drafts().unwrap().is_empty());
    let archived = store.archived_drafts().unwrap();
    assert_eq!((archived[0].summary.id.as_str(), archived[0].since.as_str()), (id.as_str(), "2026-03-02T09:00:00Z"));
    let results = found(&store, "fictitious");
    assert!(results[0].archived);
    store.unarchive_draft(&id).unwrap();
    assert_eq!(store.list_drafts().unwrap()[0].id, id);
    assert!(store.archived_drafts().unwrap().is_empty());
}

#[test]
fn a_deleted_draft_is_not_found_cannot_be_saved_and_is_restored_from_the_bin() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let id = store.create_draft(&multilingual()).unwrap().id;
    store.delete_draft(&id, AT).unwrap();
    for typed in ["fictitious", "محمد", "张伟", "петров"] {
        assert!(found(&store, typed).is_empty(), "{typed}");
    }
    assert!(store.list_drafts().unwrap().is_empty());
    assert_eq!(store.bin().unwrap()[0].summary.id, id);
    assert!(matches!(store.save_draft(&id, &example()), Err(StoreError::InBin(_))));
    assert!(matches!(store.archive_draft(&id, AT), Err(StoreError::InBin(_))));
    // Still not found after reopening.
    drop(store);
    let mut store = open(dir.path());
    assert!(found(&store, "张伟").is_empty());
    store.restore_draft(&id).unwrap();
    assert_eq!(ids(&found(&store, "张伟")), [id.as_str()]);
    assert_eq!(store.list_drafts().unwrap()[0].id, id);
    assert!(store.bin().unwrap().is_empty());
}

/// Whether `needle` is anywhere in the database file or its log.
fn on_disk(dir: &Path, needle: &str) -> bool {
    ["drafts.sqlite3", "drafts.sqlite3-wal"].iter().any(|name| {
        let bytes = std::fs::read(dir.join(name)).unwrap_or_default();
        bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
    })
}

#[test]
fn emptying_the_bin_removes_the_drafts_and_leaves_none_of_their_text_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let mut request = example();
    // A word only its first state had, and words it kept.
    request.facts.summary = "Zorbulanix Quenterhaft paid Vindrelocken.".to_string();
    let id = store.create_draft(&request).unwrap().id;
    request.facts.summary = "Zorbulanix Quenterhaft paid twice.".to_string();
    store.save_draft(&id, &request).unwrap();
    let kept = store.create_draft(&example()).unwrap().id;
    store.delete_draft(&id, AT).unwrap();
    store.connection().query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
    assert!(on_disk(dir.path(), "Quenterhaft"), "the draft is kept while in the bin");
    assert_eq!(store.empty_bin().unwrap(), 1);
    assert!(store.bin().unwrap().is_empty());
    assert!(matches!(store.load_draft(&id), Err(StoreError::NotFound(_))));
    assert!(store.revisions(&id).unwrap().is_empty());
    assert_eq!(store.list_drafts().unwrap()[0].id, kept);
    for needle in ["Quenterhaft", "quenterhaft", "Zorbulanix", "zorbulanix", "Vindrelocken", "vindrelocken"] {
        assert!(!on_disk(dir.path(), needle), "{needle} is still in the file");
    }
}

#[test]
fn every_typed_answer_of_every_example_is_found_by_its_words_in_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let mut persons = false;
    for file in common::examples() {
        let request = mla_writer::request::read::read_request(&file).unwrap();
        let id = store.create_draft(&request).unwrap().id;
        let units = mla_writer::interview::texts(&request, Lang::En);
        assert!(units.len() > 10, "{}: {units:?}", file.display());
        persons |= units.iter().any(|u| u.id.starts_with("persons.0.family_name"));
        for unit in units {
            // Its first words, each of which must be found.
            let words: Vec<&str> = unit.source.split_whitespace().take(12).collect();
            let typed = words.join(" ");
            let results = store.search(&typed, Lang::En, 10).unwrap();
            let result = results.iter().find(|r| r.draft.id == id).unwrap_or_else(|| panic!("{}: {typed:?} of {} not found", file.display(), unit.id));
            // Shown, unless ten answers holding as many of its words come first.
            assert!(
                result.hits.iter().any(|h| h.path == unit.id) || result.hits.len() == 10,
                "{}: {typed:?} not shown in {}: {:?}",
                file.display(),
                unit.id,
                result.hits
            );
        }
    }
    assert!(persons, "persons' names are among the answers searched");
}

#[test]
fn drafts_stored_before_search_existed_are_found_once_the_database_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/upgrade/schema-3.sqlite3");
    std::fs::copy(fixture, dir.path().join("drafts.sqlite3")).unwrap();
    let mut store = open(dir.path());
    let results = found(&store, "fictitious");
    assert_eq!(results.len(), 1, "{results:?}");
    assert!(results[0].draft.title.contains("PPO-2026-0412"), "{}", results[0].draft.title);
    let pending: i64 = store.connection().query_row("SELECT count(*) FROM search_pending", [], |row| row.get(0)).unwrap();
    assert_eq!(pending, 0);
}
