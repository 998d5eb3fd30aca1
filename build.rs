//! Embeds the commit this build is made from (`MLA_COMMIT`, read by
//! `mla_writer::build_info`): the variable itself when the build
//! environment sets it (a packager building from a source archive), else
//! `git rev-parse` of the checkout this package is the root of, else
//! "unknown" (no Git, or a source tree without its history).

use std::path::Path;
use std::process::Command;

/// Runs `git` with `args` in the package's folder; its trimmed output, when it succeeds.
fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?.trim().to_string();
    (output.status.success() && !text.is_empty()).then_some(text)
}

/// Asks Cargo to run this script again when the Git file `name` changes
/// (only if it exists: a missing file would rebuild every time).
fn watch(name: &str) {
    if let Some(file) = git(&["rev-parse", "--path-format=absolute", "--git-path", name]) {
        if Path::new(&file).exists() {
            println!("cargo:rerun-if-changed={file}");
        }
    }
}

/// The checkout's commit, when this package is the root of a Git checkout
/// (not a source archive unpacked inside some other repository).
fn checkout_commit() -> Option<String> {
    let top = git(&["rev-parse", "--show-toplevel"])?;
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).canonicalize().ok()?;
    if Path::new(&top).canonicalize().ok()? != here {
        return None;
    }
    // Built again when the checkout moves to another commit: HEAD names the
    // branch, whose ref (a file of its own, or a line of packed-refs) moves.
    watch("HEAD");
    watch("packed-refs");
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        watch(&branch);
    }
    git(&["rev-parse", "--short=8", "HEAD"])
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=MLA_COMMIT");
    let commit = match std::env::var("MLA_COMMIT").ok().filter(|c| !c.trim().is_empty()) {
        Some(given) => given.trim().to_string(),
        None => checkout_commit().unwrap_or_else(|| "unknown".to_string()),
    };
    println!("cargo:rustc-env=MLA_COMMIT={commit}");
}
