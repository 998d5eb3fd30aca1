//! A draft's revision history on a real SQLite file, through the library and
//! through `mla drafts history|diff|restore|render`.

mod common;
use common::{squash, tool};

use std::path::Path;
use std::process::Output;

use mla_writer::i18n::Lang;
use mla_writer::interview::Change;
use mla_writer::request::{Person, Request};
use mla_writer::store::{Store, DATABASE_FILE};
use time::macros::datetime;
use time::OffsetDateTime;

fn example() -> Request {
    mla_writer::request::demo::example()
}

/// Minute `n` of the day the revisions are saved.
fn minute(n: i64) -> OffsetDateTime {
    datetime!(2026-11-20 09:00 UTC) + time::Duration::minutes(n)
}

/// A draft of the example saved four times in `store`: revision 2 adds to
/// the facts, 3 adds a person, 4 removes that person and changes the
/// subject matter. Returns its id.
fn draft_with_four_revisions(store: &mut Store) -> String {
    let tx = store.begin().unwrap();
    let mut request = example();
    let id = tx.create_draft(&request, minute(0)).unwrap().id;
    request.facts.summary.push_str(" A second transfer followed.");
    tx.save_draft(&id, &request, minute(1)).unwrap();
    request.persons.push(Person { family_name: "Haddad".into(), given_names: "Karim".into(), ..Person::default() });
    tx.save_draft(&id, &request, minute(2)).unwrap();
    request.persons.pop();
    request.proc.subject_matter = "Fraud and laundering".into();
    tx.save_draft(&id, &request, minute(3)).unwrap();
    tx.commit().unwrap();
    id
}

#[test]
fn each_revision_records_what_it_changed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.sqlite3");
    let id = draft_with_four_revisions(&mut Store::open(&path).unwrap());
    let store = Store::open(&path).unwrap();
    let history = store.history(&id).unwrap();
    let summary: Vec<(i64, &str, Vec<&str>)> =
        history.iter().map(|e| (e.number, e.saved_at.as_str(), e.changes.iter().map(String::as_str).collect())).collect();
    let persons = example().persons.len();
    let added = format!("persons.{persons}");
    assert_eq!(
        summary,
        vec![
            (1, "2026-11-20T09:00:00Z", vec![]),
            (2, "2026-11-20T09:01:00Z", vec!["facts.summary"]),
            (3, "2026-11-20T09:02:00Z", vec![added.as_str()]),
            (4, "2026-11-20T09:03:00Z", vec!["proc.subject_matter", added.as_str()]),
        ]
    );
    assert!(history.iter().all(|e| e.restored_from.is_none()));

    // Each revision's document is kept compressed, well under its JSON.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let (kind, stored): (String, i64) = conn
        .query_row("SELECT typeof(document), length(document) FROM revisions WHERE draft_id = ?1 AND number = 4", [&id], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .unwrap();
    let json = mla_writer::request::read::to_json(&store.load_revision(&id, 4).unwrap()).len() as i64;
    assert_eq!(kind, "blob");
    assert!(stored * 2 < json, "{stored} bytes stored for {json} bytes of JSON");
}

#[test]
fn two_revisions_compare_as_tracked_changes_labelled_in_the_interface_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("d.sqlite3")).unwrap();
    let id = draft_with_four_revisions(&mut store);
    let changes = store.compare(&id, 1, 3, Lang::Fr).unwrap();
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert_eq!(changes[0].label, "Exposé des faits");
    let Change::Text { spans } = &changes[0].change else { panic!("{changes:?}") };
    let inserted: Vec<&str> = spans.iter().filter(|s| s.kind == mla_writer::interview::SpanKind::Inserted).map(|s| s.text.as_str()).collect();
    assert_eq!(inserted, vec![" A second transfer followed."]);
    assert_eq!(changes[1].label, format!("Personne {}", example().persons.len() + 1));
    assert_eq!(changes[1].change, Change::Added { summary: "Haddad · Karim".into() });
    assert!(store.compare(&id, 3, 9, Lang::En).is_err_and(|e| e.to_string().contains("revision 9")));
}

#[test]
fn restoring_a_revision_adds_one_and_overwrites_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let id = draft_with_four_revisions(&mut store);
    let before: Vec<Request> = (1..=4).map(|n| store.load_revision(&id, n).unwrap()).collect();

    let tx = store.begin().unwrap();
    let receipt = tx.restore_revision(&id, 1, minute(10)).unwrap();
    tx.commit().unwrap();
    assert_eq!((receipt.revision, receipt.changed), (5, true));

    let store = Store::open(&path).unwrap();
    assert_eq!(store.load_draft(&id).unwrap().request, example());
    for (n, request) in (1..=4).zip(&before) {
        assert_eq!(&store.load_revision(&id, n).unwrap(), request, "revision {n} changed");
    }
    let last = store.history(&id).unwrap().pop().unwrap();
    assert_eq!((last.number, last.restored_from), (5, Some(1)));
    assert_eq!(last.changes, vec!["proc.subject_matter".to_string(), "facts.summary".to_string()]);

    // Restoring the state the draft is in adds nothing.
    let mut store = Store::open(&path).unwrap();
    let again = store.restore_revision(&id, 5).unwrap();
    assert_eq!((again.revision, again.changed), (5, false));
    assert!(store.restore_revision(&id, 42).is_err());
}

fn run(dir: &Path, args: &[&str]) -> String {
    let out: Output = common::mla(args, dir);
    assert!(out.status.success(), "mla {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_cli_lists_compares_restores_and_renders_revisions() {
    let dir = tempfile::tempdir().unwrap();
    let id = draft_with_four_revisions(&mut Store::open(&dir.path().join(DATABASE_FILE)).unwrap());

    let history = run(dir.path(), &["drafts", "history", &id]);
    assert!(history.contains("rev   2  2026-11-20T09:01:00Z  facts.summary"), "{history}");
    let json: serde_json::Value = serde_json::from_str(&run(dir.path(), &["drafts", "history", &id, "--format", "json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 4);
    assert_eq!(json[1]["changes"], serde_json::json!(["facts.summary"]));

    let diff = run(dir.path(), &["drafts", "diff", &id, "1", "4", "--lang", "fr"]);
    assert!(diff.contains("Exposé des faits (facts.summary):"), "{diff}");
    assert!(diff.contains("[+ A second transfer followed.+]"), "{diff}");
    assert!(diff.contains("Objet de l'affaire (proc.subject_matter):"), "{diff}");
    assert!(diff.contains("[+Fraud+] and laundering"), "{diff}");
    let json: serde_json::Value = serde_json::from_str(&run(dir.path(), &["drafts", "diff", &id, "1", "4", "--format", "json"])).unwrap();
    assert_eq!(json[0]["change"]["type"], "text");

    let restored = run(dir.path(), &["drafts", "restore", &id, "2"]);
    assert!(restored.contains("revision 5 restores revision 2"), "{restored}");
    assert!(run(dir.path(), &["drafts", "history", &id]).contains("restored from revision 2: proc.subject_matter"));
    let current: Request = serde_json::from_str(&run(dir.path(), &["drafts", "export", &id])).unwrap();
    assert_eq!(current, serde_json::from_str::<Request>(&run(dir.path(), &["drafts", "export", &id, "--revision", "2"])).unwrap());

    let pdf = dir.path().join("revision-3.pdf");
    run(dir.path(), &["drafts", "render", &id, "--revision", "3", "-o", pdf.to_str().unwrap(), "--lang", "fr", "--today", "2026-11-27"]);
    let text = squash(&tool("pdftotext", &[pdf.to_str().unwrap(), "-"]));
    assert!(text.contains("Révision 3 du 20 novembre 2026"), "{text}");
    assert!(text.contains("HADDAD Karim"), "{text}");
    let latest = dir.path().join("latest.pdf");
    run(dir.path(), &["drafts", "render", &id, "-o", latest.to_str().unwrap(), "--today", "2026-11-27"]);
    assert!(!squash(&tool("pdftotext", &[latest.to_str().unwrap(), "-"])).contains("Revision"));
}
