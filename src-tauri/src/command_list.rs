// The one list of the commands the UI may invoke: name, arguments as the
// UI passes them, and what a call resolves to (every command may also
// reject with an `IpcError`). Everything else follows from it:
// - `build.rs` declares the names to Tauri and writes
//   `capabilities/main.json`, which grants the main window exactly these;
// - `main.rs` registers their handlers, the functions of `commands.rs`;
// - `ui/src/lib/generated/commands.ts` is written from it (`make types`);
// - a test checks it against the signatures in `commands.rs`.
// This file is included by `build.rs`, so it holds the macro only.

/// Calls `$callback!` with every command, one entry each:
/// `name(argument: Type, …) -> Result;`. Each command's documentation is
/// on its function in `commands.rs`.
macro_rules! command_list {
    ($callback:ident) => {
        $callback! {
            wizard_definition(lang: Lang) -> WizardDefinition;
            ui_strings(lang: Lang) -> BTreeMap<String, String>;
            list_drafts() -> Vec<DraftSummary>;
            new_draft() -> Draft;
            open_draft(id: String) -> Draft;
            save_draft(id: String, request: Request) -> SaveReceipt;
            create_follow_up(id: String) -> Draft;
            check_request(request: Request, lang: Lang) -> Vec<Finding>;
            preview_request(request: Request) -> Document;
            export_pdf(request: Request, file_name: String) -> Option<Exported>;
            export_docx(request: Request, file_name: String) -> Option<Exported>;
            export_xliff(request: Request, target: Lang, file_name: String) -> Option<String>;
            import_xliff(id: String) -> Option<Draft>;
        }
    };
}
