//! The PDF as a reader's software sees it: every font embedded and subset,
//! structurally valid, text extractable in reading order for Arabic and
//! Chinese, the paper size asked for, metadata set on purpose.

mod common;
use common::{tool, examples};

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs `mla` in demo mode: the examples are addressed to the demo
/// directory's fictitious States.
fn mla(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_mla"))
        .arg("--demo")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("mla runs");
    assert!(out.status.success(), "mla {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
}

/// Renders `request` in `lang` into `dir` and returns the PDF's path.
fn render(dir: &Path, request: &Path, lang: &str, extra: &[&str]) -> PathBuf {
    let name = format!("{}-{lang}.pdf", request.file_stem().unwrap().to_str().unwrap());
    let pdf = dir.join(name);
    let mut args = vec!["render", request.to_str().unwrap(), "--lang", lang, "--today", "2026-11-27", "-o", pdf.to_str().unwrap()];
    args.extend_from_slice(extra);
    mla(&args);
    pdf
}

/// The font rows of `pdffonts`: (name, embedded, subset, unicode map).
fn fonts(pdf: &Path) -> Vec<(String, String, String, String)> {
    tool("pdffonts", &[pdf.to_str().unwrap()])
        .lines()
        .skip(2)
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            let n = cols.len();
            (cols[0].to_string(), cols[n - 5].to_string(), cols[n - 4].to_string(), cols[n - 3].to_string())
        })
        .collect()
}

#[test]
fn every_pdf_in_every_language_embeds_only_subset_fonts_and_passes_qpdf() {
    let dir = tempfile::tempdir().unwrap();
    for request in examples() {
        for lang in ["en", "fr", "es", "ru", "ar", "zh"] {
            let pdf = render(dir.path(), &request, lang, &[]);
            let rows = fonts(&pdf);
            assert!(!rows.is_empty(), "{}: no fonts", pdf.display());
            for (name, emb, sub, uni) in rows {
                assert_eq!((emb.as_str(), sub.as_str(), uni.as_str()), ("yes", "yes", "yes"), "{}: font {name}", pdf.display());
                assert!(name.len() > 7 && name.as_bytes()[6] == b'+', "{name} has no subset tag");
            }
            tool("qpdf", &["--check", pdf.to_str().unwrap()]);
            let size = std::fs::metadata(&pdf).unwrap().len();
            assert!(size < 400_000, "{}: {size} bytes, fonts are not subset", pdf.display());
        }
    }
}

#[test]
fn arabic_text_comes_back_in_reading_order_and_chinese_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/mla-evidence-fraud-arden-norland.json");
    let mut request: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&example).unwrap()).unwrap();
    let arabic = "قامت مجموعة منظمة بتشغيل موقع احتيالي للاستثمار";
    let chinese = "有组织犯罪集团经营虚假投资网站";
    request["facts"]["summary"] = serde_json::json!(format!("{arabic}\n{chinese}"));
    let file = dir.path().join("mixed.json");
    std::fs::write(&file, request.to_string()).unwrap();
    let pdf = render(dir.path(), &file, "en", &[]);
    let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let squashed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Words of the Arabic sentence come back each in logical order.
    for word in arabic.split(' ') {
        assert!(squashed.contains(word), "{word} missing from:\n{text}");
    }
    assert!(squashed.replace(' ', "").contains(chinese), "{chinese} missing from:\n{text}");
}

#[test]
fn paper_size_is_the_one_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/preservation-ransomware-arden-vestria.json");
    let a4 = render(dir.path(), &example, "en", &[]);
    assert!(tool("pdfinfo", &[a4.to_str().unwrap()]).contains("595.28 x 841.89"));
    let letter_dir = dir.path().join("letter");
    std::fs::create_dir(&letter_dir).unwrap();
    let letter = render(&letter_dir, &example, "en", &["--paper", "letter"]);
    assert!(tool("pdfinfo", &[letter.to_str().unwrap()]).contains("(letter)"));
}

#[test]
fn metadata_names_the_request_and_its_author_and_nothing_of_the_machine() {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/mla-evidence-fraud-arden-norland.json");
    let pdf = render(dir.path(), &example, "fr", &[]);
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("Author:          Public Prosecution Office of the Republic of Arden"), "{info}");
    assert!(info.contains("Creator:         MLA Writer"), "{info}");
    assert!(!info.contains("PDF subtype"), "claims a PDF/X or PDF/A subtype:\n{info}");
    let bytes = std::fs::read(&pdf).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("/Lang(fr)") || raw.contains("/Lang (fr)"), "no /Lang");
    let user = std::env::var("USER").unwrap_or_default();
    for leak in [env!("CARGO_MANIFEST_DIR"), "/home/", "/tmp/"] {
        assert!(!raw.contains(leak), "the PDF contains {leak}");
    }
    if user.len() > 3 {
        assert!(!raw.contains(&user), "the PDF contains the user name");
    }
}

/// Persons as request-kinds.md §6.5 and UNTOC art. 18(15)(e) want them in
/// the PDF: a name in another script with its transliteration beside it, a
/// suspect whose name is unknown described instead, a person with two
/// roles, and a company with its directors.
#[test]
fn persons_print_with_transliteration_description_roles_and_representatives() {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/mla-evidence-fraud-arden-norland.json");
    let mut request: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&example).unwrap()).unwrap();
    request["persons"] = serde_json::json!([
        { "type": "natural", "role": "witness", "family_name": "张", "given_names": "伟", "transliteration": "Zhang Wei" },
        { "type": "natural", "role": "suspect", "description": "Man of about 30 who collected the cash\nUses the number +47 912 34 567" },
        { "type": "natural", "role": "victim", "other_roles": ["witness"], "family_name": "Lindqvist", "given_names": "Maja" },
        { "type": "legal", "role": "account_holder", "family_name": "Fjordline Trading AS", "representatives": "VOSS Daniel, managing director\nBERG Anna, authorised signatory" }
    ]);
    let file = dir.path().join("persons.json");
    std::fs::write(&file, request.to_string()).unwrap();
    let text_in = |lang: &str| {
        let pdf = render(dir.path(), &file, lang, &[]);
        tool("pdftotext", &[pdf.to_str().unwrap(), "-"]).split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let en = text_in("en");
    for expected in [
        "(name unknown) Man of about 30 who collected the cash",
        "Description",
        "Uses the number +47 912 34 567",
        "LINDQVIST Maja Victim, Witness",
        "Directors and authorised persons",
        "VOSS Daniel, managing director",
        "BERG Anna, authorised signatory",
    ] {
        assert!(en.contains(expected), "{expected:?} missing from:\n{en}");
    }
    assert!(en.replace(' ', "").contains("张伟(transliteration:ZhangWei)"), "the transliteration is not beside the name:\n{en}");
    let fr = text_in("fr");
    assert!(fr.replace(' ', "").contains("张伟(translittération:ZhangWei)"), "{fr}");
}
