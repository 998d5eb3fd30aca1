//! The tree of `src/` is the pipeline: each stage imports only the stages
//! before it. This test reads every `crate::…` path of the library's code
//! (tests inside a module excluded, as they may use any stage) and fails when
//! a stage reaches a later one, which also rules out cycles between stages.

use std::fs;
use std::path::Path;

/// The stages of the library, in pipeline order. `files` comes first: it
/// writes files atomically for every later stage and imports none.
/// `translation`, `store` and `exchange` sit beside the pipeline, after it:
/// they keep, translate and share requests, and the pipeline knows nothing
/// of them.
const STAGES: &[&str] = &[
    "files",
    "directory",
    "request",
    "i18n",
    "interview",
    "checks",
    "document",
    "layout",
    "output",
    "export",
    "translation",
    "store",
    "exchange",
];

fn rank(stage: &str) -> Option<usize> {
    STAGES.iter().position(|s| *s == stage)
}

/// The code of a source file without its `#[cfg(test)]` module and comments.
fn code_of(source: &str) -> String {
    let code = match source.find("#[cfg(test)]") {
        Some(at) => &source[..at],
        None => source,
    };
    code.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The stages a piece of code names through `crate::stage` or
/// `use crate::{stage, …}`.
fn stages_named(code: &str) -> Vec<String> {
    let mut named = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for part in group.split(',') {
                let head: String = part.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                named.push(head);
            }
        } else {
            named.push(rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect());
        }
    }
    named
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_stage_imports_a_later_stage() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    let mut violations = Vec::new();
    let mut stages_seen = 0;
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str().to_string_lossy().to_string();
        let stage = first.trim_end_matches(".rs");
        let Some(own) = rank(stage) else {
            assert!(
                matches!(stage, "lib" | "bin"),
                "src/{} is not in a stage folder; add it to a stage or to STAGES",
                relative.display()
            );
            continue;
        };
        stages_seen += 1;
        for named in stages_named(&code_of(&fs::read_to_string(file).unwrap())) {
            if let Some(other) = rank(&named) {
                if other > own {
                    violations.push(format!("src/{} ({stage}) imports the later stage `{named}`", relative.display()));
                }
            }
        }
    }
    assert!(stages_seen > 20, "the walk found only {stages_seen} files in stages");
    assert!(violations.is_empty(), "stages reaching forward:\n{}", violations.join("\n"));
}

#[test]
fn the_reader_sees_the_forward_import_it_must_catch() {
    assert_eq!(stages_named("use crate::{layout::fonts, output};"), vec!["layout", "output"]);
    assert_eq!(stages_named("let x = crate::export::pdf(r);"), vec!["export"]);
    assert_eq!(code_of("use crate::a;\n// crate::b\n#[cfg(test)]\nuse crate::c;"), "use crate::a;");
}

#[test]
fn every_top_level_module_is_a_stage() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let declared: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod ").map(|m| m.trim_end_matches(';')))
        .collect();
    let expected: Vec<&str> = STAGES.iter().copied().filter(|s| declared.contains(s)).collect();
    assert_eq!(declared, expected, "lib.rs declares the stages in pipeline order, and only stages");
}
