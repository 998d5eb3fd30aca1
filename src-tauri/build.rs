/// Commands the UI may invoke; each window's capability lists the ones it uses.
const COMMANDS: &[&str] = &[
    "wizard_definition",
    "ui_strings",
    "list_drafts",
    "new_draft",
    "open_draft",
    "save_draft",
    "create_follow_up",
    "check_request",
    "preview_request",
    "export_pdf",
    "export_docx",
    "export_xliff",
    "import_xliff",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step");
}
