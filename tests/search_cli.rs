//! `mla search` and the archive and bin of `mla drafts`, on a real data directory.

mod common;

use std::path::Path;

use common::mla;

const EXAMPLE: &str = "examples/mla-evidence-fraud-arden-norland.json";

fn run(args: &[&str], dir: &Path) -> String {
    let out = mla(args, dir);
    assert!(out.status.success(), "mla {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn search_finds_a_draft_by_a_word_of_its_facts_and_a_deleted_draft_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let id = run(&["drafts", "import", EXAMPLE], dir.path()).trim().to_string();

    let text = run(&["search", "Brenner"], dir.path());
    assert!(text.contains(&id) && text.contains("Family name or registered name (persons.0.family_name): [Brenner]"), "{text}");
    assert!(text.ends_with("1 draft(s) found\n"), "{text}");

    let json: serde_json::Value = serde_json::from_str(&run(&["search", "fictitious \"(", "--format", "json", "--lang", "fr"], dir.path())).unwrap();
    assert_eq!(json[0]["draft"]["id"], id.as_str());
    let facts = json[0]["hits"].as_array().unwrap().iter().find(|h| h["path"] == "facts.summary").expect("a hit in the facts");
    assert_eq!(facts["label"], "Exposé des faits");
    let marked: Vec<&str> = facts["snippet"].as_array().unwrap().iter().filter(|p| p["hit"] == true).map(|p| p["text"].as_str().unwrap()).collect();
    assert_eq!(marked, ["fictitious"]);

    run(&["drafts", "archive", &id], dir.path());
    assert!(!run(&["drafts", "list"], dir.path()).contains(&id));
    assert!(run(&["drafts", "archived"], dir.path()).contains(&id));
    assert!(run(&["search", "Brenner"], dir.path()).contains("(archived)"));
    run(&["drafts", "unarchive", &id], dir.path());
    assert!(run(&["drafts", "list"], dir.path()).contains(&id));

    run(&["drafts", "delete", &id], dir.path());
    assert_eq!(run(&["search", "Brenner"], dir.path()), "0 draft(s) found\n");
    assert!(run(&["drafts", "bin"], dir.path()).contains(&id));
    run(&["drafts", "undelete", &id], dir.path());
    assert!(run(&["search", "Brenner"], dir.path()).contains(&id));

    run(&["drafts", "delete", &id], dir.path());
    assert_eq!(run(&["drafts", "bin", "--empty"], dir.path()), "1 draft(s) removed for good\n");
    assert_eq!(run(&["drafts", "bin"], dir.path()), "");
    let gone = mla(&["drafts", "export", &id], dir.path());
    assert_eq!(gone.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&gone.stderr).contains("no draft with id"));
}
