//! A character that no font of the document can draw (an emoji, a CJK
//! Extension B ideograph) is never printed as a silent empty box: `mla
//! check` reports it as TEXT-GLYPH with its field, and `mla render` warns of
//! it, one line per field.

mod common;
use common::{mla, squash, tool};

use std::path::{Path, PathBuf};

const EXAMPLE: &str = "examples/mla-evidence-fraud-arden-norland.json";

/// The example with `extra` appended to its facts summary, written in `dir`.
fn example_with_summary_ending(dir: &Path, extra: &str) -> PathBuf {
    let mut request: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    let summary = request["facts"]["summary"].as_str().unwrap().to_string();
    request["facts"]["summary"] = serde_json::Value::String(format!("{summary}{extra}"));
    let file = dir.join("request.json");
    std::fs::write(&file, serde_json::to_string(&request).unwrap()).unwrap();
    file
}

fn glyph_findings(file: &Path, dir: &Path) -> Vec<serde_json::Value> {
    let out = mla(&["check", file.to_str().unwrap(), "--format", "json", "--today", "2026-11-27"], dir);
    let findings: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    findings.into_iter().filter(|f| f["code"] == "TEXT-GLYPH").collect()
}

#[test]
fn an_emoji_and_an_extension_b_ideograph_are_reported_and_warned_of() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_with_summary_ending(dir.path(), " The message ended with \u{1F600} and the ideograph \u{20000}.");
    let findings = glyph_findings(&file, dir.path());
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["path"], "facts.summary");
    assert_eq!(findings[0]["severity"], "warning");
    let message = findings[0]["message"].as_str().unwrap();
    assert!(message.contains("facts.summary") && message.contains("U+1F600, U+20000"), "{message}");

    let pdf = dir.path().join("request.pdf");
    let out = mla(&["render", file.to_str().unwrap(), "-o", pdf.to_str().unwrap(), "--today", "2026-11-27"], dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(warnings[0].contains("facts.summary: U+1F600, U+20000") && warnings[0].contains("empty boxes"), "{stderr}");
    // The PDF is still whole and readable.
    let text = squash(&tool("pdftotext", &[pdf.to_str().unwrap(), "-"]));
    assert!(text.contains("The message ended with"), "{text}");
    assert!(tool("pdffonts", &[pdf.to_str().unwrap()]).contains("NotoSerif-Regular"));
}

#[test]
fn a_request_every_font_draws_gets_neither_finding_nor_warning() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_with_summary_ending(dir.path(), " Réf. № 5 — «Ωмега» طلب مساعدة 请求方当局 ≠ 2026‑07‑22.");
    assert!(glyph_findings(&file, dir.path()).is_empty());
    let pdf = dir.path().join("request.pdf");
    let out = mla(&["render", file.to_str().unwrap(), "-o", pdf.to_str().unwrap(), "--today", "2026-11-27"], dir.path());
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("warning"), "{}", String::from_utf8_lossy(&out.stderr));
}
