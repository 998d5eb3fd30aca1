//! The directory of competent authorities on a real SQLite file: imports of
//! JSON and CSV (all or nothing, every bad row with its line), re-imports
//! shown field by field before they are applied, the history, deletion of
//! personal data, restricted entries kept from export, the demo pack; and
//! the `mla directory` command as a user runs it.

mod common;

use std::fmt::Write as _;
use std::path::Path;

use mla_writer::directory::read::{parse_json, read_path};
use mla_writer::directory::{self, tables, validate, ChangeKind, DirectoryError, DirectoryFile, Redistribution};
use mla_writer::store::{DirectorySource, Store, StoreError};
use time::macros::date;

const TODAY: time::Date = date!(2026 - 12 - 01);

/// The example record of the record layout (§9), in a directory file.
const REFERENCE_EXAMPLE: &str = r#"{ "format": "mla-directory", "version": 1, "states": [
{
  "state_id": "XA",
  "name": "Examplia",
  "fictitious": true,
  "official_languages": ["xx"],
  "instrument_status": [
    { "instrument": "UNTOC", "party": "yes", "in_force_from": "2001-01-01",
      "usable_as_basis": "yes",
      "reservations": [{ "article": "18(13)", "summary": "Diplomatic channel required for coercive measures (fictitious)" }] },
    { "instrument": "BUDAPEST", "party": "yes", "in_force_from": "2010-01-01",
      "reservations": [{ "article": "29(4)", "summary": "May refuse preservation without dual criminality (fictitious)" }] },
    { "instrument": "CETS_224", "party": "no" },
    { "instrument": "BILATERAL:XA-XB-MLAT", "party": "yes", "in_force_from": "2015-06-01" }
  ],
  "channels": [
    { "instrument": "UNTOC", "kind": "any", "allowed": ["central_authority", "diplomatic"],
      "interpol_urgent": "yes", "means": ["post", "e-mail"],
      "encryption_required": true, "e_signature_required": false, "original_to_follow": true },
    { "instrument": "BUDAPEST", "kind": "preservation", "allowed": ["network_24_7", "central_authority"],
      "means": ["e-mail"], "oral_urgent_accepted": "yes" }
  ],
  "languages": [
    { "instrument": "any", "kind": "any",
      "accepted": [{ "lang": "xx", "condition": "always" },
                   { "lang": "en", "condition": "only if translation into xx is impossible" }],
      "certified_translation": false, "attachments_rule": "key documents" }
  ],
  "requirements": {
    "dual_criminality": "required_for_coercive",
    "use_limitation": "strict",
    "authentication": "seal",
    "validation_required": false,
    "domestic_order_required": ["M3", "M4"],
    "service_lead_days": 60,
    "preservation_period_days": 90
  },
  "authorities": [
    { "authority_id": "00000000-0000-4000-8000-000000000001",
      "roles": ["central_authority_mla"],
      "instruments": ["UNTOC", "UNCAC", "BILATERAL:XA-XB-MLAT"],
      "name": "Central Authority for International Cooperation (fictitious)",
      "postal_address": { "street": "1 Example Street", "city": "Example City", "country": "XA" },
      "phone": [{ "label": "office", "number": "+000 0000 0000" }],
      "email": ["central.authority@justice.example"],
      "available_24_7": false, "time_zone": "Etc/UTC",
      "redistribution": "open" },
    { "authority_id": "00000000-0000-4000-8000-000000000002",
      "roles": ["point_of_contact_24_7"],
      "instruments": ["BUDAPEST"],
      "name": "Cybercrime 24/7 Contact Point (fictitious)",
      "email": ["poc247@police.example"], "available_24_7": true,
      "redistribution": "open" }
  ],
  "provenance": { "source_type": "other", "source_title": "Demo data — fictitious",
                  "source_date": "2025-01-01", "as_of": "2025-01-01",
                  "entered_by": "demo", "verified": false }
}]}"#;

fn store(dir: &Path) -> Store {
    Store::open(&dir.join("directory.sqlite3")).unwrap()
}

fn source(title: &str) -> DirectorySource {
    DirectorySource {
        source_title: title.to_string(),
        source_date: Some("2026-10-01".to_string()),
        as_of: Some("2026-10-15".to_string()),
        entered_by: "tester".to_string(),
        ..DirectorySource::default()
    }
}

fn import(store: &mut Store, incoming: &directory::Incoming) {
    let changes = store.preview_directory_import(incoming).unwrap();
    store.apply_directory_import(&changes, &source("Test edition"), TODAY).unwrap();
}

fn invalid(result: Result<directory::DirectoryChanges, StoreError>) -> Vec<String> {
    match result {
        Err(StoreError::Directory(DirectoryError::Invalid { problems, .. })) => problems.iter().map(|p| p.to_string()).collect(),
        other => panic!("expected the import to be refused as invalid, got {other:?}"),
    }
}

const STATES_HEADER: &str = "state_id,name,fictitious,official_languages,requirements.dual_criminality\r\n";
const AUTHORITIES_HEADER: &str = "state_id,authority_id,roles,name,phone,email,available_24_7,competence.measures\r\n";

/// A folder with states.csv (four fictitious States) and authorities.csv
/// (`n` authorities spread over them).
fn csv_folder(dir: &Path, n: usize) -> std::path::PathBuf {
    let folder = dir.join("edition");
    std::fs::create_dir_all(&folder).unwrap();
    let mut states = STATES_HEADER.to_string();
    for (code, name) in [("XA", "Examplia"), ("XB", "Testland"), ("XC", "Samplestan"), ("XD", "Demoria")] {
        writeln!(states, "{code},{name},true,xx;en,required_for_coercive\r").unwrap();
    }
    std::fs::write(folder.join("states.csv"), states).unwrap();
    let mut authorities = AUTHORITIES_HEADER.to_string();
    for i in 0..n {
        let state = ["XA", "XB", "XC", "XD"][i % 4];
        writeln!(
            authorities,
            "{state},00000000-0000-4000-8000-{i:012},central_authority_mla;receiving_authority,\"Prosecution office {i}, Example City\",office: +000 {i:04} 0000,office{i}@justice.example,false,M3;M4\r"
        )
        .unwrap();
    }
    std::fs::write(folder.join("authorities.csv"), authorities).unwrap();
    folder
}

#[test]
fn the_reference_example_parses_and_validates() {
    let incoming = parse_json(REFERENCE_EXAMPLE, "reference").unwrap();
    let file: DirectoryFile = serde_json::from_str(REFERENCE_EXAMPLE).unwrap();
    assert_eq!(validate::file_problems(&file), Vec::new());
    let changes = directory::changes::preview(&[], &incoming).unwrap();
    assert_eq!(changes.states.len(), 1);
    assert_eq!(changes.states[0].change, ChangeKind::New);
    let entry = &changes.entries[0];
    assert_eq!(entry.authorities.len(), 2);
    assert_eq!(entry.channels[0].means, [directory::AcceptedMeans::Post, directory::AcceptedMeans::Email]);
    assert_eq!(entry.languages[0].attachments_rule, Some(directory::AttachmentsRule::KeyDocuments));
}

#[test]
fn the_demo_pack_is_valid_all_fictitious_and_names_the_states_the_examples_address() {
    let file: DirectoryFile = serde_json::from_str(directory::demo::DEMO_JSON).unwrap();
    assert_eq!(validate::file_problems(&file), Vec::new());
    assert!((3..=4).contains(&file.states.len()));
    for s in &file.states {
        assert!(s.fictitious, "{} is not marked fictitious", s.state_id);
        assert!(s.state_id.starts_with('X') && s.state_id != "XK", "{} is not a user-assigned code", s.state_id);
        for a in &s.authorities {
            assert!(a.email.iter().all(|e| e.ends_with(".example")), "{:?}", a.email);
            assert!(a.phone.iter().all(|p| p.number.starts_with("+000")), "{:?}", a.phone);
            assert!(a.contact_person.is_empty());
        }
    }
    for example in common::examples() {
        let request: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&example).unwrap()).unwrap();
        let state = request["req_state"].as_str().unwrap();
        assert!(file.states.iter().any(|s| s.state_id == state), "{}: no demo State with the code {state}", example.display());
    }
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(dir.path());
    assert!(store.seed_demo_if_empty(TODAY).unwrap().is_some());
    let listed = store.directory_list().unwrap();
    assert_eq!(listed.len(), file.states.len(), "the demo request comes with the demo directory");
    assert!(listed.iter().all(|s| s.fictitious));
    assert_eq!(store.load_demo_directory(TODAY).unwrap(), None, "loaded once only");
}

#[test]
fn fictitious_and_real_codes_cannot_be_mixed_up() {
    let with = |id: &str, fictitious: bool| {
        let text = REFERENCE_EXAMPLE.replacen("\"state_id\": \"XA\"", &format!("\"state_id\": \"{id}\""), 1).replacen(
            "\"fictitious\": true",
            &format!("\"fictitious\": {fictitious}"),
            1,
        );
        let file: DirectoryFile = serde_json::from_str(&text).unwrap();
        validate::file_problems(&file).iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n")
    };
    assert!(with("XA", false).contains("states[0].state_id: XA is a user-assigned code"), "{}", with("XA", false));
    assert!(with("FR", true).contains("a fictitious State must have a user-assigned code"), "{}", with("FR", true));
    assert!(with("XK", true).contains("user-assigned code"));
    assert!(with("UK", false).contains("not an ISO 3166-1 alpha-2 code"));
}

#[test]
fn a_csv_of_200_authorities_imports_and_a_second_import_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = csv_folder(dir.path(), 200);
    let mut store = store(dir.path());
    let incoming = read_path(&folder).unwrap();
    let changes = store.preview_directory_import(&incoming).unwrap();
    assert_eq!(changes.states.len(), 4);
    assert!(changes.states.iter().all(|s| s.change == ChangeKind::New && s.authorities.len() == 50));
    let receipt = store.apply_directory_import(&changes, &source("Test edition"), TODAY).unwrap();
    assert_eq!(receipt.states_new, 4);
    let listed = store.directory_list().unwrap();
    assert_eq!(listed.iter().map(|s| s.authorities).sum::<u32>(), 200);
    assert!(listed.iter().all(|s| s.as_of.as_deref() == Some("2026-10-15")), "the import's source is the entries' provenance");
    let a = &store.directory_entry("XB").unwrap().authorities[0];
    assert_eq!(a.phone[0].label, "office");
    assert_eq!(a.phone[0].number, "+000 0001 0000");
    assert_eq!(a.competence.measures, ["M3", "M4"]);
    let again = store.preview_directory_import(&read_path(&folder).unwrap()).unwrap();
    assert!(again.is_empty(), "{:?}", again.states);
    assert_eq!(store.directory_search("office 17,").unwrap().iter().map(|s| s.state_id.as_str()).collect::<Vec<_>>(), ["XB"]);
}

#[test]
fn a_file_with_bad_rows_is_refused_with_every_line_and_leaves_the_directory_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let folder = csv_folder(dir.path(), 8);
    let mut store = store(dir.path());
    import(&mut store, &read_path(&folder).unwrap());
    let before = store.directory_entries().unwrap();
    let history_before = store.directory_history("XA").unwrap();

    let mut bad = AUTHORITIES_HEADER.to_string();
    bad.push_str("XA,00000000-0000-4000-8000-000000000000,central_authority_mla,Renamed office,,new@justice.example,false,M3\r\n");
    bad.push_str("XA,not-a-uuid,central_authority_mla,Office,,office@justice.example,false,\r\n");
    bad.push_str("XB,00000000-0000-4000-8000-000000000001,central_authority_mla,Office,,no-at-sign,false,\r\n");
    bad.push_str("XC,00000000-0000-4000-8000-000000000002,chief_of_police,Office,,office@justice.example,false,\r\n");
    bad.push_str("XD,00000000-0000-4000-8000-000000000003,central_authority_mla,Office,office: +33 1 23 45 67 89,office@justice.fr,maybe,\r\n");
    let file = dir.path().join("authorities.csv");
    std::fs::write(&file, bad).unwrap();

    let text = invalid(store.preview_directory_import(&read_path(&file).unwrap())).join("\n");
    for expected in [
        "authorities.csv line 3, authority_id: expected a UUID",
        "authorities.csv line 4, email[0]: expected an e-mail address",
        "authorities.csv line 5, roles[0]: unknown variant `chief_of_police`",
        "authorities.csv line 6, available_24_7: expected true or false, found \"maybe\"",
        "authorities.csv line 6, phone[0].number: a fictitious State's number must be one no one can dial",
        "authorities.csv line 6, email[0]: a fictitious State's address must be under a reserved domain",
    ] {
        assert!(text.contains(expected), "lacks {expected:?}:\n{text}");
    }
    assert!(!text.contains("line 2"), "the good row has no problem: {text}");
    assert_eq!(store.directory_entries().unwrap(), before);
    assert_eq!(store.directory_history("XA").unwrap(), history_before);
}

#[test]
fn a_newer_edition_shows_its_changes_field_by_field_before_they_are_applied() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(dir.path());
    import(&mut store, &parse_json(REFERENCE_EXAMPLE, "edition 1").unwrap());
    let edition2 = REFERENCE_EXAMPLE
        .replace("central.authority@justice.example", "mla@justice.example")
        .replace("\"strict\"", "\"standard\"")
        .replace(
            r#"{ "authority_id": "00000000-0000-4000-8000-000000000002",
      "roles": ["point_of_contact_24_7"],
      "instruments": ["BUDAPEST"],
      "name": "Cybercrime 24/7 Contact Point (fictitious)",
      "email": ["poc247@police.example"], "available_24_7": true,
      "redistribution": "open" }"#,
            r#"{ "authority_id": "00000000-0000-4000-8000-000000000003",
      "roles": ["asset_recovery_focal_point"], "name": "Asset Recovery Office (fictitious)" }"#,
        );
    let changes = store.preview_directory_import(&parse_json(&edition2, "edition 2").unwrap()).unwrap();
    let state = &changes.states[0];
    assert_eq!(state.change, ChangeKind::Changed);
    let field = |name: &str| state.fields.iter().find(|f| f.field == name).unwrap_or_else(|| panic!("no change of {name}: {:?}", state.fields));
    assert_eq!((field("requirements.use_limitation").old.as_deref(), field("requirements.use_limitation").new.as_deref()), (Some("strict"), Some("standard")));
    let kinds: Vec<(&str, ChangeKind)> = state.authorities.iter().map(|a| (&a.authority_id[24..], a.change)).collect();
    assert_eq!(kinds, [("000000000001", ChangeKind::Changed), ("000000000003", ChangeKind::New), ("000000000002", ChangeKind::Removed)]);
    let email = &state.authorities[0].fields;
    assert_eq!(email.len(), 1);
    assert_eq!((email[0].field.as_str(), email[0].old.as_deref(), email[0].new.as_deref()), ("email", Some("central.authority@justice.example"), Some("mla@justice.example")));
    assert_eq!(store.directory_entry("XA").unwrap().requirements.use_limitation, Some(directory::UseLimitationPractice::Strict), "a preview writes nothing");

    store.apply_directory_import(&changes, &source("Edition 2"), TODAY).unwrap();
    assert_eq!(store.directory_entry("XA").unwrap().authorities[0].email, ["mla@justice.example"]);
    let history = store.directory_history("XA").unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!((history[1].action.as_str(), history[1].source_title.as_str(), history[1].entered_on.as_str()), ("import", "Edition 2", "2026-12-01"));
    assert!(history[1].fields.iter().any(|f| f.field == "email" && f.old.as_deref() == Some("central.authority@justice.example")));
}

#[test]
fn an_import_previewed_before_another_change_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(dir.path());
    let changes = store.preview_directory_import(&parse_json(REFERENCE_EXAMPLE, "edition 1").unwrap()).unwrap();
    import(&mut store, &parse_json(&REFERENCE_EXAMPLE.replace("Examplia", "Examplia (old)"), "other").unwrap());
    let err = store.apply_directory_import(&changes, &source("late"), TODAY).unwrap_err();
    assert!(matches!(err, StoreError::DirectoryChanged(ref id) if id == "XA"), "{err}");
    assert_eq!(store.directory_entry("XA").unwrap().name, "Examplia (old)");
}

#[test]
fn restricted_entries_are_refused_by_export_unless_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(dir.path());
    let restricted = REFERENCE_EXAMPLE.replacen("\"redistribution\": \"open\"", "\"redistribution\": \"restricted\"", 1);
    import(&mut store, &parse_json(&restricted, "restricted").unwrap());
    let err = store.directory_for_export(false).unwrap_err().to_string();
    assert!(err.contains("XA authority 00000000-0000-4000-8000-000000000001 (Central Authority for International Cooperation (fictitious))"), "{err}");
    assert!(err.contains("--include-restricted"), "{err}");
    let all = store.directory_for_export(true).unwrap();
    assert_eq!(all[0].authorities[0].redistribution, Redistribution::Restricted);
    assert!(store.directory_list().unwrap()[0].restricted);
}

#[test]
fn json_and_csv_exports_import_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(dir.path());
    import(&mut store, &parse_json(REFERENCE_EXAMPLE, "reference").unwrap());
    store.load_demo_directory(TODAY).unwrap();
    let all = store.directory_for_export(false).unwrap();
    let json = directory::to_json(&all);
    assert!(store.preview_directory_import(&parse_json(&json, "export").unwrap()).unwrap().is_empty());
    let folder = dir.path().join("csv");
    std::fs::create_dir_all(&folder).unwrap();
    for (file, text) in tables::write_tables(&all) {
        std::fs::write(folder.join(file), text).unwrap();
    }
    let changes = store.preview_directory_import(&read_path(&folder).unwrap()).unwrap();
    assert!(changes.is_empty(), "{:#?}", changes.states);
}

#[test]
fn deleting_an_authority_erases_its_values_from_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(dir.path());
    let named = REFERENCE_EXAMPLE.replacen("\"fictitious\": true", "\"fictitious\": false", 1).replacen("\"XA\"", "\"FR\"", 1).replace(
        "\"name\": \"Cybercrime 24/7 Contact Point (fictitious)\",",
        "\"name\": \"Cybercrime 24/7 Contact Point (fictitious)\", \"contact_person\": \"Jeanne Exemple\",",
    );
    import(&mut store, &parse_json(&named, "own notes").unwrap());
    let id = "00000000-0000-4000-8000-000000000002";
    store.delete_directory_authority("FR", id, "tester", TODAY).unwrap();
    assert!(store.directory_entry("FR").unwrap().authorities.iter().all(|a| a.authority_id != id));
    let history = store.directory_history("FR").unwrap();
    let json = serde_json::to_string(&history).unwrap();
    assert!(!json.contains("Jeanne Exemple") && !json.contains("poc247@police.example"), "{json}");
    let last = history.last().unwrap();
    assert_eq!((last.action.as_str(), last.fields[0].authority_id.as_str(), last.fields[0].erased), ("delete", id, true));
    store.delete_directory_state("FR", "tester", TODAY).unwrap();
    assert!(matches!(store.directory_entry("FR"), Err(StoreError::NoDirectoryEntry(_))));
}

#[test]
fn mla_directory_previews_imports_lists_shows_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let folder = csv_folder(dir.path(), 12);
    let folder = folder.to_str().unwrap();
    let out = common::mla(&["directory", "import", folder], &data);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("XA Examplia: new") && stdout.contains("4 State(s) new, 0 changed"), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing was imported"));
    let listed = common::mla(&["directory", "list"], &data);
    assert!(String::from_utf8_lossy(&listed.stdout).contains("0 State(s)"));

    let args = ["directory", "import", folder, "--yes", "--source-title", "Edition 7", "--source-date", "2026-10-01", "--as-of", "2026-10-15", "--today", "2026-12-01", "--entered-by", "clerk"];
    let out = common::mla(&args, &data);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let listed = String::from_utf8_lossy(&common::mla(&["directory", "list"], &data).stdout).to_string();
    assert!(listed.contains("XB  Testland") && listed.contains("as of 2026-10-15") && listed.contains("4 State(s)"), "{listed}");
    let shown = common::mla(&["directory", "show", "XC"], &data);
    let entry: directory::StateEntry = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(entry.authorities.len(), 3);
    let history = String::from_utf8_lossy(&common::mla(&["directory", "history", "XC"], &data).stdout).to_string();
    assert!(history.contains("#1 import") && history.contains("by clerk on 2026-12-01, source \"Edition 7\""), "{history}");

    let bad = dir.path().join("authorities.csv");
    std::fs::write(&bad, format!("{AUTHORITIES_HEADER}XA,x,central_authority_mla,Office,,a@b.example,false,\r\n")).unwrap();
    let out = common::mla(&["directory", "import", bad.to_str().unwrap(), "--yes"], &data);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("authorities.csv line 2, authority_id"), "{}", String::from_utf8_lossy(&out.stderr));

    let export = dir.path().join("export");
    let out = common::mla(&["directory", "export", export.to_str().unwrap(), "--format", "csv"], &data);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let authorities = std::fs::read_to_string(export.join("authorities.csv")).unwrap();
    assert_eq!(authorities.lines().count(), 13);
    let json = dir.path().join("export.json");
    assert!(common::mla(&["directory", "export", json.to_str().unwrap()], &data).status.success());
    let file: DirectoryFile = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(file.states.len(), 4);
}

#[test]
fn an_edited_entry_is_validated_and_its_change_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(dir.path());
    store.load_demo_directory(TODAY).unwrap();
    let mut norland = store.directory_entry("XN").unwrap();
    norland.requirements.service_lead_days = Some(45);
    norland.authorities[0].email.push("not an address".to_string());
    let err = store.save_directory_entry(norland.clone(), &source(""), TODAY).unwrap_err().to_string();
    assert!(err.contains("entry XN.authorities[0], email[1]: expected an e-mail address") || err.contains("entry XN.authorities[0].email[1]"), "{err}");
    norland.authorities[0].email.pop();
    let receipt = store.save_directory_entry(norland, &DirectorySource { entered_by: "clerk".into(), ..DirectorySource::default() }, TODAY).unwrap();
    assert_eq!((receipt.states_changed, receipt.fields), (1, 1));
    let last = store.directory_history("XN").unwrap().pop().unwrap();
    assert_eq!((last.action.as_str(), last.entered_by.as_str()), ("edit", "clerk"));
    assert_eq!((last.fields[0].field.as_str(), last.fields[0].old.as_deref(), last.fields[0].new.as_deref()), ("requirements.service_lead_days", None, Some("45")));
}

#[test]
fn a_state_added_in_the_app_is_checked_first_and_a_code_already_taken_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(dir.path());
    store.load_demo_directory(TODAY).unwrap();
    let named = |problems: Vec<directory::DirectoryProblem>| problems.into_iter().map(|p| p.at).collect::<Vec<_>>();

    // A real State cannot take a user-assigned code; a fictitious one must; a taken code is named at the code.
    let real_with_user_code = directory::StateEntry { state_id: "XQ".into(), name: "Testland".into(), ..Default::default() };
    let problems = store.directory_entry_problems(&real_with_user_code, true).unwrap();
    assert_eq!(named(problems.clone()), ["state_id"]);
    assert!(problems[0].message.contains("user-assigned"), "{problems:?}");
    // Named for an interface that words it in its own language, with the value it names.
    assert_eq!((problems[0].what.as_str(), problems[0].args.get("found").map(String::as_str)), ("user_assigned_code", Some("XQ")));
    let taken = directory::StateEntry { state_id: "XN".into(), name: "Another Norland".into(), fictitious: true, ..Default::default() };
    let problems = store.directory_entry_problems(&taken, true).unwrap();
    assert_eq!(named(problems.clone()), ["state_id"]);
    assert!(problems[0].message.contains("already in the directory (Kingdom of Norland)"), "{problems:?}");
    assert_eq!((problems[0].what.as_str(), problems[0].args.get("name").map(String::as_str)), ("state_taken", Some("Kingdom of Norland")));
    assert!(store.directory_entry_problems(&taken, false).unwrap().is_empty(), "an edit of XN is no addition");
    let err = store.add_directory_state(taken, &DirectorySource::default(), TODAY).unwrap_err();
    assert!(matches!(err, StoreError::DirectoryStateExists { .. }), "{err}");
    assert_eq!(store.directory_entry("XN").unwrap().name, "Kingdom of Norland");

    let nameless = directory::StateEntry { state_id: "XQ".into(), fictitious: true, ..Default::default() };
    assert_eq!(named(store.directory_entry_problems(&nameless, true).unwrap()), ["name"]);

    let testland = directory::StateEntry { state_id: "XQ".into(), name: "Testland".into(), fictitious: true, ..Default::default() };
    assert!(store.directory_entry_problems(&testland, true).unwrap().is_empty());
    let receipt = store.add_directory_state(testland, &DirectorySource::default(), TODAY).unwrap();
    assert_eq!((receipt.states_new, receipt.states_changed), (1, 0));
    assert_eq!(store.directory_entry("XQ").unwrap().name, "Testland");
    let history = store.directory_history("XQ").unwrap();
    assert_eq!(history.len(), 1);
    assert!(history[0].fields.iter().all(|f| f.record == ChangeKind::New && f.authority_id.is_empty()));
}

#[test]
fn an_edited_rule_is_checked_at_its_path_and_each_of_its_fields_recorded_with_the_entrys_source() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(dir.path());
    store.load_demo_directory(TODAY).unwrap();
    let mut norland = store.directory_entry("XN").unwrap();
    norland.provenance = Some(directory::Provenance {
        source_title: "Norland national guide, 3rd edition".into(),
        source_date: Some("2026-09-01".into()),
        as_of: Some("2026-10-01".into()),
        ..norland.provenance.clone().unwrap()
    });
    norland.languages[0].accepted = vec![directory::AcceptedLanguage { lang: "fr".into(), condition: "always".into() }, directory::AcceptedLanguage { lang: "French".into(), condition: String::new() }];
    norland.requirements.preservation_period_days = Some(30);
    let at: Vec<String> = store.directory_entry_problems(&norland, false).unwrap().into_iter().map(|p| p.at).collect();
    assert_eq!(at, ["requirements.preservation_period_days", "languages[0].accepted[1].lang"]);
    let named: Vec<(String, Option<String>)> = store.directory_entry_problems(&norland, false).unwrap().into_iter().map(|p| (p.what, p.args.get("found").cloned())).collect();
    assert_eq!(named, [("preservation_period".to_string(), Some("30".to_string())), ("language_code".to_string(), Some("French".to_string()))]);
    assert!(store.save_directory_entry(norland.clone(), &DirectorySource::default(), TODAY).is_err());
    assert_eq!(store.directory_entry("XN").unwrap().languages[0].accepted[0].lang, "qaa", "nothing of a refused edit is saved");

    norland.languages[0].accepted.pop();
    norland.requirements.preservation_period_days = Some(120);
    let receipt = store.save_directory_entry(norland.clone(), &DirectorySource::default(), TODAY).unwrap();
    assert_eq!(store.directory_entry("XN").unwrap(), norland, "the entry is written as edited, its provenance included");
    let last = store.directory_history("XN").unwrap().pop().unwrap();
    assert_eq!(receipt.fields as usize, last.fields.len());
    assert_eq!((last.source_title.as_str(), last.as_of.as_deref()), ("Norland national guide, 3rd edition", Some("2026-10-01")));
    let fields: Vec<&str> = last.fields.iter().map(|f| f.field.as_str()).collect();
    for f in ["languages[0].accepted[0].lang", "languages[0].accepted[1].lang", "provenance.source_title", "requirements.preservation_period_days"] {
        assert!(fields.contains(&f), "{f} in {fields:?}");
    }
}

#[test]
fn an_authority_added_in_the_app_gets_its_own_id_and_a_restricted_entry_keeps_its_flag() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(dir.path());
    store.load_demo_directory(TODAY).unwrap();
    let mut vestria = store.directory_entry("XV").unwrap();
    vestria.redistribution = Redistribution::Restricted;
    store.save_directory_entry(vestria.clone(), &DirectorySource::default(), TODAY).unwrap();
    let mut vestria = store.directory_entry("XV").unwrap();
    vestria.authorities.push(directory::Authority { roles: vec![directory::AuthorityRole::ExecutingAuthority], name: "Vestrian Prosecution Service (fictitious)".into(), ..Default::default() });
    assert!(store.directory_entry_problems(&vestria, false).unwrap().is_empty(), "an authority without an id is given one");
    store.save_directory_entry(vestria, &DirectorySource::default(), TODAY).unwrap();
    let saved = store.directory_entry("XV").unwrap();
    assert_eq!(saved.redistribution, Redistribution::Restricted);
    let added = saved.authorities.last().unwrap();
    assert_eq!(added.name, "Vestrian Prosecution Service (fictitious)");
    assert!(uuid::Uuid::try_parse(&added.authority_id).is_ok(), "{}", added.authority_id);
    let last = store.directory_history("XV").unwrap().pop().unwrap();
    assert!(last.fields.iter().any(|f| f.authority_id == added.authority_id && f.record == ChangeKind::New && f.field == "name"));
}
