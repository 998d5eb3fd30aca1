//! The end-to-end tests answer the app's file dialogs through environment
//! variables. That door exists only in their build (feature
//! `e2e-dialog-answers`): the binary people run has no trace of it.

/// Whether `needle` occurs in `haystack`.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    let first = needle[0];
    let mut at = 0;
    while let Some(offset) = haystack[at..].iter().position(|b| *b == first) {
        let start = at + offset;
        if haystack[start..].starts_with(needle) {
            return true;
        }
        at = start + 1;
    }
    false
}

#[test]
fn only_the_end_to_end_build_reads_dialog_answers_from_the_environment() {
    let binary = std::fs::read(env!("CARGO_BIN_EXE_mla-writer-app")).expect("the app binary is built for its tests");
    let e2e = cfg!(feature = "e2e-dialog-answers");
    for name in ["MLA_SAVE_DIALOG_ANSWER", "MLA_OPEN_DIALOG_ANSWER"] {
        assert_eq!(
            contains(&binary, name.as_bytes()),
            e2e,
            "{name} should {} in the app binary built {} the e2e-dialog-answers feature",
            if e2e { "appear" } else { "not appear" },
            if e2e { "with" } else { "without" },
        );
    }
}
