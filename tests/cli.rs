//! The `mla` command as a user runs it: real files in, real PDFs out, read
//! back with poppler.

mod common;
use common::{mla, tool, squash};

use std::path::{Path, PathBuf};
use std::process::Output;

const EXAMPLE: &str = "examples/mla-evidence-fraud-arden-norland.json";

fn render_example(dir: &Path) -> PathBuf {
    let pdf = dir.join("request.pdf");
    let out = mla(&["render", EXAMPLE, "-o", pdf.to_str().unwrap(), "--today", "2026-11-27"], dir);
    assert!(out.status.success(), "render failed: {}", String::from_utf8_lossy(&out.stderr));
    pdf
}

#[test]
fn rendered_example_holds_the_authority_facts_and_offences() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = render_example(dir.path());
    let text = squash(&tool("pdftotext", &[pdf.to_str().unwrap(), "-"]));
    for expected in [
        "Public Prosecution Office of the Republic of Arden, Economic Crime Division",
        "Between 1 June and 30 September 2025 an organised group operated a website",
        "Aggravated fraud Criminal Code of Arden, section 214(2) 10 years' imprisonment",
        "Money laundering Criminal Code of Arden, section 301(1) 8 years' imprisonment",
        "article 18 of the United Nations Convention against Transnational Organized Crime",
        "Obtain the records described below",
        "Fjordbank ASA, Bryggen 1, 5003 Bergvik, Norland",
        "Take the statement of Ingrid Solberg as a witness.",
    ] {
        assert!(text.contains(expected), "PDF text lacks {expected:?}:\n{text}");
    }
    let pages = tool("pdfinfo", &[pdf.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse::<usize>().unwrap()))
        .unwrap();
    for page in 1..=pages {
        assert!(text.contains(&format!("Page {page} of {pages}")), "page {page} lacks its footer");
    }
}

#[test]
fn rendered_pdf_embeds_every_font_and_is_structurally_valid() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = render_example(dir.path());
    let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).filter(|l| !l.trim().is_empty()).collect();
    assert!(!rows.is_empty(), "no fonts listed:\n{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type [type2] encoding emb sub uni id gen: emb is 5th from the end.
        assert_eq!(cols[cols.len() - 5], "yes", "font not embedded: {row}");
    }
    tool("qpdf", &["--check", pdf.to_str().unwrap()]);
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.lines().any(|l| l.starts_with("Page size:") && l.ends_with("(A4)")), "{info}");
}

#[test]
fn a_request_with_errors_is_rendered_as_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("draft.pdf");
    let out = mla(&["render", "tests/fixtures/missing-facts.json", "-o", pdf.to_str().unwrap(), "--today", "2026-11-27"], dir.path());
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("written as a DRAFT"));
    let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let pages = text.split('\u{c}').filter(|p| !p.trim().is_empty()).count();
    assert_eq!(text.matches("DRAFT – not for transmission").count(), pages, "every page must say it is a draft:\n{text}");
    let complete = render_example(dir.path());
    assert!(!tool("pdftotext", &[complete.to_str().unwrap(), "-"]).contains("DRAFT"));
}

/// `mla` outside demo mode (no `--demo`, no `MLA_DEMO`), with its data in `dir`.
fn mla_outside_demo(args: &[&str], dir: &Path) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_mla"))
        .args(args)
        .env("MLA_DATA_DIR", dir)
        .env_remove("MLA_DEMO")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("mla runs")
}

/// The class of exports of a request addressed to a fictitious State:
/// outside demo mode the complete example is checked with one error that
/// says why, and every format is written as a DRAFT with that reason on
/// standard error; with `--demo` or `MLA_DEMO=1`, the same request is
/// final.
#[test]
fn outside_demo_mode_an_example_is_written_only_as_a_draft_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let out = mla_outside_demo(&["check", EXAMPLE, "--today", "2026-11-27"], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("error [DIR-FICTITIOUS] req_state") && stdout.contains("1 error(s)"), "{stdout}");
    for format in ["pdf", "docx", "html"] {
        let file = dir.path().join(format!("real.{format}"));
        let out = mla_outside_demo(&["render", EXAMPLE, "--format", format, "-o", file.to_str().unwrap(), "--today", "2026-11-27"], dir.path());
        assert!(out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("Kingdom of Norland is a fictitious State") && stderr.contains("written only as a DRAFT"), "{format}: {stderr}");
    }
    let pdf = dir.path().join("real.pdf");
    assert!(tool("pdftotext", &[pdf.to_str().unwrap(), "-"]).contains("DRAFT"));
    let demo = dir.path().join("demo.pdf");
    let out = mla_outside_demo(&["render", "--demo", EXAMPLE, "-o", demo.to_str().unwrap(), "--today", "2026-11-27"], dir.path());
    assert!(out.status.success() && out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!tool("pdftotext", &[demo.to_str().unwrap(), "-"]).contains("DRAFT"));
    let out = mla(&["check", EXAMPLE, "--today", "2026-11-27"], dir.path());
    assert_eq!(out.status.code(), Some(0), "MLA_DEMO=1 is demo mode: {}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn complete_example_passes_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let out = mla(&["check", EXAMPLE, "--today", "2026-11-27"], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("0 error(s)"), "{stdout}");
}

#[test]
fn check_words_its_messages_in_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let english = mla(&["check", "tests/fixtures/missing-facts.json", "--format", "json", "--today", "2026-11-27"], dir.path());
    let arabic = mla(&["check", "tests/fixtures/missing-facts.json", "--format", "json", "--lang", "ar", "--today", "2026-11-27"], dir.path());
    assert_eq!(arabic.status.code(), Some(1));
    let english: serde_json::Value = serde_json::from_slice(&english.stdout).unwrap();
    let arabic: serde_json::Value = serde_json::from_slice(&arabic.stdout).unwrap();
    let summary = |findings: &serde_json::Value| -> serde_json::Value {
        findings.as_array().unwrap().iter().find(|f| f["code"] == "UNTOC-18-15-c").unwrap().clone()
    };
    let (en, ar) = (summary(&english), summary(&arabic));
    assert_eq!(en["path"], ar["path"]);
    // The instrument by its short name in the language, the article as cited.
    assert_eq!(en["provision"], "UNTOC art. 18(15)(c)");
    assert_eq!(ar["provision"], "اتفاقية الجريمة المنظمة art. 18(15)(c)");
    assert!(en["message"].as_str().unwrap().starts_with("A summary of the relevant facts is required"));
    assert!(ar["message"].as_str().unwrap().contains("ملخص للوقائع"), "{}", ar["message"]);
    let text = mla(&["check", "tests/fixtures/missing-facts.json", "--lang", "zh", "--today", "2026-11-27"], dir.path());
    assert!(String::from_utf8_lossy(&text.stdout).contains("相关事实摘要"));
    let unknown = mla(&["check", "tests/fixtures/missing-facts.json", "--lang", "de", "--today", "2026-11-27"], dir.path());
    assert_eq!(unknown.status.code(), Some(2), "clap refuses a language it does not offer");
}

#[test]
fn missing_facts_fail_the_check_citing_untoc_18_15_c() {
    let dir = tempfile::tempdir().unwrap();
    let out = mla(&["check", "tests/fixtures/missing-facts.json", "--format", "json", "--today", "2026-11-27"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<&serde_json::Value> = findings.as_array().unwrap().iter().filter(|f| f["severity"] == "error").collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0]["code"], "UNTOC-18-15-c");
    assert_eq!(errors[0]["path"], "facts.summary");
    assert!(errors[0]["provision"].as_str().unwrap().contains("UNTOC art. 18(15)(c)"));
    assert!(errors[0]["message"].as_str().unwrap().contains("summary of the relevant facts"));
}

#[test]
fn rules_are_listed_with_their_provisions() {
    let dir = tempfile::tempdir().unwrap();
    let out = mla(&["rules", "--format", "json"], dir.path());
    assert!(out.status.success());
    let rules: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(rules.len() >= 100, "only {} rules", rules.len());
    for rule in &rules {
        assert!(!rule["provision"].as_str().unwrap().is_empty(), "{rule}");
    }
    assert!(rules.iter().any(|r| r["code"] == "BUD-29-7-expiry"));
}

#[test]
fn date_dependent_rules_use_the_date_given() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = "tests/fixtures/urgent-without-reasons-and-past-deadline.json";
    let past = mla(&["check", fixture, "--format", "json", "--today", "2026-11-27"], dir.path());
    let before = mla(&["check", fixture, "--format", "json", "--today", "2026-09-01"], dir.path());
    let codes = |o: &Output| -> Vec<String> {
        serde_json::from_slice::<Vec<serde_json::Value>>(&o.stdout).unwrap().iter().map(|f| f["code"].as_str().unwrap().to_string()).collect()
    };
    assert!(codes(&past).contains(&"DEADLINE-PAST".to_string()));
    assert!(!codes(&before).contains(&"DEADLINE-PAST".to_string()));
}

#[test]
fn malformed_file_is_refused_with_its_json_path() {
    let dir = tempfile::tempdir().unwrap();
    let out = mla(&["check", "tests/fixtures/bad-person-role.json", "--today", "2026-11-27"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("tests/fixtures/bad-person-role.json: at $.persons[0].role: unknown variant `boss`"), "{stderr}");
}

#[test]
fn missing_file_is_reported_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = mla(&["render", "no-such-request.json", "-o", "x.pdf", "--today", "2026-11-27"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-request.json: cannot read"));
}

#[test]
fn schema_describes_the_request_fields() {
    let dir = tempfile::tempdir().unwrap();
    let out = mla(&["schema"], dir.path());
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let props = schema["properties"].as_object().unwrap();
    for key in ["format_version", "kind", "req_auth", "basis", "proc", "facts", "offences", "persons", "mla", "preservation", "emergency", "transfer", "purpose"] {
        assert!(props.contains_key(key), "schema lacks {key}");
    }
    assert_eq!(schema["additionalProperties"], false);
}

#[test]
fn follow_up_of_the_preservation_example_is_an_mla_request_for_the_preserved_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = mla(&["follow-up", "examples/preservation-ransomware-arden-vestria.json"], dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r = mla_writer::request::read::parse_request(&String::from_utf8(out.stdout).unwrap(), "stdout").unwrap();
    assert_eq!(r.kind, mla_writer::request::RequestKind::MlaEvidence);
    assert!(r.mla.follows_preservation);
    assert_eq!(r.mla.stored_data[0].data.identifiers, "restore.keys@vestamail.example");
    let refused = mla(&["follow-up", EXAMPLE], dir.path());
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("can only be created from a preservation request"));
}

#[test]
fn wizard_definition_is_printed_in_the_requested_language() {
    let dir = tempfile::tempdir().unwrap();
    let out = mla(&["wizard", "--lang", "en"], dir.path());
    assert!(out.status.success());
    let def: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(def["lang"], "en");
    assert!(def["steps"].as_array().unwrap().len() > 20);
}

#[test]
fn imported_draft_is_listed_and_exported_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let out = mla(&["drafts", "import", EXAMPLE], dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let list = String::from_utf8(mla(&["drafts", "list"], dir.path()).stdout).unwrap();
    assert!(list.contains(&id) && list.contains("PPO-2026-0412"), "{list}");
    let exported = mla(&["drafts", "export", &id], dir.path());
    let original = mla_writer::request::read::read_request(&Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)).unwrap();
    let back = mla_writer::request::read::parse_request(&String::from_utf8(exported.stdout).unwrap(), "export").unwrap();
    assert_eq!(back, original);
    assert!(dir.path().join("mla-writer.sqlite3").exists());
}

#[test]
fn on_a_full_disk_a_failed_write_leaves_the_file_it_would_replace_as_it_was() {
    let test = "on_a_full_disk_a_failed_write_leaves_the_file_it_would_replace_as_it_was";
    let disk = match common::Tmpfs::mount("256k") {
        Ok(disk) => disk,
        Err(why) => return common::skip(test, &format!("{why}; the injected failures of `files` prove the same without a full disk")),
    };
    let data = tempfile::tempdir().unwrap();
    let request = disk.path().join("req.json");
    let xliff = disk.path().join("req.fr.xlf");
    let pdf = disk.path().join("existing.pdf");
    std::fs::copy(EXAMPLE, &request).unwrap();
    std::fs::copy("tests/fixtures/xliff/mla-evidence-fraud-arden-norland.fr.xlf", &xliff).unwrap();
    let out = mla(&["render", EXAMPLE, "-o", pdf.to_str().unwrap(), "--today", "2026-11-27"], data.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    disk.fill();
    let files = |dir: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        names
    };
    let before: Vec<Vec<u8>> = [&request, &pdf].iter().map(|p| std::fs::read(p).unwrap()).collect();

    // The translated request is larger than the request it replaces.
    let out = mla(&["xliff", "import", request.to_str().unwrap(), "--xliff", xliff.to_str().unwrap(), "-o", request.to_str().unwrap()], data.path());
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.starts_with(&format!("mla: {}: cannot write: No space left on device", request.display())), "{message}");
    let out = mla(&["render", EXAMPLE, "-o", pdf.to_str().unwrap(), "--today", "2026-11-28"], data.path());
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.starts_with(&format!("mla: {}: cannot write: No space left on device", pdf.display())), "{message}");

    let after: Vec<Vec<u8>> = [&request, &pdf].iter().map(|p| std::fs::read(p).unwrap()).collect();
    assert!(after == before, "a file was changed by a failed write");
    assert_eq!(files(disk.path()), ["existing.pdf", "filler", "req.fr.xlf", "req.json"]);
}

/// Runs `mla` with `args` and returns its exit code and standard error.
fn refused_with(args: &[&str], dir: &Path) -> (Option<i32>, String) {
    let out = mla(args, dir);
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The example request as JSON text, changed by `edit`, written to `dir`.
fn example_with(dir: &Path, name: &str, edit: impl Fn(&mut serde_json::Value)) -> PathBuf {
    let mut value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)).unwrap()).unwrap();
    edit(&mut value);
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    path
}

#[test]
fn a_repeated_key_is_refused_with_its_json_path_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("twice.json");
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)).unwrap();
    std::fs::write(&path, text.replacen("\"req_state\": ", "\"req_state\": \"Republic of Calvania\", \"req_state\": ", 1)).unwrap();
    let file = path.to_str().unwrap();
    let pdf = dir.path().join("out.pdf");
    for args in [
        vec!["check", file, "--today", "2026-11-27"],
        vec!["render", file, "-o", pdf.to_str().unwrap(), "--today", "2026-11-27"],
        vec!["drafts", "import", file],
        vec!["xliff", "export", file, "--target", "fr", "-o", pdf.to_str().unwrap()],
    ] {
        let (code, stderr) = refused_with(&args, dir.path());
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(&format!("{file}: at $.req_state: the key appears more than once")), "{args:?}: {stderr}");
    }
    assert!(!pdf.exists());
    assert_eq!(String::from_utf8(mla(&["drafts", "list"], dir.path()).stdout).unwrap(), "", "no draft was imported");
}

#[test]
fn a_control_character_in_a_request_file_is_refused_with_its_path_and_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_with(dir.path(), "escape.json", |v| v["persons"][1]["location"] = "Norland\u{1b}]0;owned\u{7}".into());
    let (code, stderr) = refused_with(&["drafts", "import", path.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("at $.persons[1].location: the text holds the control character U+001B (at character 8)"), "{stderr}");
    assert!(!stderr.contains('\u{1b}') && !stderr.contains('\u{7}'), "{stderr:?}");
}

#[test]
fn drafts_list_and_export_never_print_a_control_character_from_the_database() {
    // A draft saved by the app may hold what a user pasted; the CLI prints
    // its title with the control characters shown, and its JSON escaped.
    let dir = tempfile::tempdir().unwrap();
    let mut request = mla_writer::request::read::read_request(&Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)).unwrap();
    request.proc.subject_matter = "Fraud\u{1b}[2J\u{1b}]0;owned\u{7} and \u{9b}31mlaundering".into();
    let draft = {
        let mut store = mla_writer::store::Store::open(&dir.path().join(mla_writer::store::DATABASE_FILE)).unwrap();
        store.create_draft(&request).unwrap()
    };
    assert!(draft.title.contains('\u{1b}'), "the database holds the escape sequence: {:?}", draft.title);

    let list = mla(&["drafts", "list"], dir.path());
    assert!(list.status.success());
    let list = String::from_utf8(list.stdout).unwrap();
    assert!(!list.chars().any(|c| c.is_control() && c != '\n'), "{list:?}");
    assert!(list.contains("Fraud\\u{1b}[2J\\u{1b}]0;owned\\u{7} and \\u{9b}31mlaundering"), "{list}");

    let export = mla(&["drafts", "export", &draft.id], dir.path());
    assert!(export.status.success());
    let json = String::from_utf8(export.stdout).unwrap();
    assert!(!json.chars().any(|c| c.is_control() && c != '\n'), "{json:?}");
    let back = mla_writer::request::read::parse_request(&json, "export").unwrap();
    assert_eq!(back.proc.subject_matter, request.proc.subject_matter, "the JSON means the same");
}

#[test]
fn a_request_file_over_the_limit_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.json");
    std::fs::File::create(&huge).unwrap().set_len(mla_writer::request::read::MAX_FILE_BYTES + 1).unwrap();
    let (code, stderr) = refused_with(&["check", huge.to_str().unwrap(), "--today", "2026-11-27"], dir.path());
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("huge.json: the file is {} bytes, more than the {} bytes allowed", mla_writer::request::read::MAX_FILE_BYTES + 1, mla_writer::request::read::MAX_FILE_BYTES)),
        "{stderr}"
    );
}

#[test]
fn a_request_from_a_pipe_is_read_up_to_the_limit_only() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("request.json");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            use std::io::Write;
            let mut pipe = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
            let chunk = vec![b' '; 1 << 20];
            // Endless whitespace: without the bound the read never ends.
            while pipe.write_all(&chunk).is_ok() {}
        })
    };
    let (code, stderr) = refused_with(&["check", fifo.to_str().unwrap(), "--today", "2026-11-27"], dir.path());
    writer.join().unwrap();
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains(&format!("more than the {} bytes allowed", mla_writer::request::read::MAX_FILE_BYTES)), "{stderr}");
}

#[test]
fn a_request_with_five_thousand_persons_and_a_text_of_one_megabyte_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_with(dir.path(), "large.json", |v| {
        let person = v["persons"][0].clone();
        v["persons"] = serde_json::Value::Array(vec![person; 5_000]);
        v["facts"]["summary"] = "The group opened accounts in three States. ".repeat((1 << 20) / 43 + 1).into();
    });
    let out = mla(&["drafts", "import", path.to_str().unwrap()], dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let exported = mla(&["drafts", "export", &id], dir.path());
    let back = mla_writer::request::read::parse_request(&String::from_utf8(exported.stdout).unwrap(), "export").unwrap();
    assert_eq!((back.persons.len(), back.facts.summary.len()), (5_000, ((1 << 20) / 43 + 1) * 43));
}

/// The commit `build.rs` should have found: the checkout's, when the
/// package is the root of a Git checkout; otherwise `unknown`.
fn expected_commit() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(root)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8(o.stdout).unwrap().trim().to_string())
    };
    match git(&["rev-parse", "--show-toplevel"]) {
        Some(top) if Path::new(&top).canonicalize().unwrap() == root.canonicalize().unwrap() => {
            git(&["rev-parse", "--short=8", "HEAD"]).unwrap()
        }
        _ => "unknown".to_string(),
    }
}

#[test]
fn version_names_the_commit_it_was_built_from() {
    if std::env::var_os("MLA_COMMIT").is_some() {
        return; // the build was told its commit; nothing to compare with
    }
    let dir = tempfile::tempdir().unwrap();
    let out = mla(&["--version"], dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("mla {} (commit {})", env!("CARGO_PKG_VERSION"), expected_commit())
    );
}

#[test]
fn a_request_under_a_treaty_profile_cites_the_treaty_in_its_findings_and_its_document() {
    let dir = tempfile::tempdir().unwrap();
    let ok = |out: Output| {
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let treaty = "Treaty between Examplia and Testland on Mutual Legal Assistance in Criminal Matters";
    let imported = ok(mla(&["treaty", "import", "examples/treaty-profiles/examplia-testland.json"], dir.path()));
    assert_eq!(imported, format!("imported examplia-testland-mla: {treaty}\n"));
    assert!(ok(mla(&["treaty", "list"], dir.path())).contains("examplia-testland-mla  "));
    let exported = dir.path().join("exported.json");
    ok(mla(&["treaty", "export", "examplia-testland-mla", exported.to_str().unwrap()], dir.path()));
    let again: serde_json::Value = serde_json::from_slice(&std::fs::read(&exported).unwrap()).unwrap();
    let shipped: serde_json::Value = serde_json::from_str(&std::fs::read_to_string("examples/treaty-profiles/examplia-testland.json").unwrap()).unwrap();
    assert_eq!(again, shipped, "export gives back what was imported");
    let missing = mla(&["treaty", "show", "nowhere"], dir.path());
    assert!(!missing.status.success() && String::from_utf8_lossy(&missing.stderr).contains("no treaty profile with id \"nowhere\""));

    let request = dir.path().join("treaty.json");
    ok(mla(&["treaty", "apply", "examplia-testland-mla", EXAMPLE, "-o", request.to_str().unwrap()], dir.path()));
    let check = String::from_utf8(mla(&["check", request.to_str().unwrap(), "--today", "2026-11-27"], dir.path()).stdout).unwrap();
    assert!(check.contains("[REFUSAL-ESSENTIAL] mla.modules"), "{check}");
    assert!(check.contains(&format!("({treaty}, art. 3)")), "the refusal finding cites the treaty's article:\n{check}");
    assert!(!check.contains("UNTOC art. 18(21)"), "{check}");

    let pdf = dir.path().join("treaty.pdf");
    ok(mla(&["render", request.to_str().unwrap(), "-o", pdf.to_str().unwrap(), "--today", "2026-11-27"], dir.path()));
    let text = squash(&tool("pdftotext", &[pdf.to_str().unwrap(), "-"]));
    assert!(text.contains(&format!("This request is made under the following treaty: {treaty}.")), "{text}");
    assert!(text.contains("Its contents are those required by art. 4 of that treaty."), "{text}");
}

#[test]
fn an_invalid_treaty_profile_is_refused_with_each_problem() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.json");
    std::fs::write(&file, r#"{"id":"x","name":"A treaty","parties":["Examplia"],"entry_into_force":"2021-02-30","articles":{},"source":{"title":"t","date":"2020-01-01"}}"#).unwrap();
    let out = mla(&["treaty", "import", file.to_str().unwrap()], dir.path());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    for path in ["$.parties:", "$.entry_into_force:", "$.articles:"] {
        assert!(err.contains(path), "{err}");
    }
    assert_eq!(String::from_utf8(mla(&["treaty", "list"], dir.path()).stdout).unwrap(), "");
}

#[test]
fn the_own_state_profile_prefills_every_new_request() {
    let dir = tempfile::tempdir().unwrap();
    let before: serde_json::Value = serde_json::from_slice(&mla(&["profile", "new-request"], dir.path()).stdout).unwrap();
    assert_eq!(before["own_central_auth"], "", "no profile: an empty request");
    let missing = mla(&["profile", "show"], dir.path());
    assert!(!missing.status.success() && String::from_utf8_lossy(&missing.stderr).contains("no own-State profile is set"));
    let set = mla(&["profile", "set", "examples/own-state/arden.json"], dir.path());
    assert!(set.status.success(), "{}", String::from_utf8_lossy(&set.stderr));
    assert_eq!(String::from_utf8(set.stdout).unwrap(), "own-State profile set: Republic of Arden\n");
    let shown: serde_json::Value = serde_json::from_slice(&mla(&["profile", "show"], dir.path()).stdout).unwrap();
    let file: serde_json::Value = serde_json::from_str(&std::fs::read_to_string("examples/own-state/arden.json").unwrap()).unwrap();
    assert_eq!(shown, file);
    let out = mla(&["profile", "new-request", "--kind", "preservation"], dir.path());
    let request: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(request["kind"], "preservation");
    assert_eq!(request["own_central_auth"], "Ministry of Justice of Arden, Central Authority for Mutual Legal Assistance, 1 Justice Square, Ardenstadt");
    assert_eq!(request["lang"]["drafting"], "en");
    assert_eq!(request["preservation"]["poc_24_7_own"], "Arden 24/7 Point of Contact, National Cybercrime Centre, +99 20 555 0100, 247@ncc.arden.example");
}
