// The one list of the commands the UI may invoke: name, arguments as the
// UI passes them, and what a call resolves to (every command may also
// reject with an `IpcError`). Everything else follows from it:
// - `build.rs` declares the names to Tauri and writes
//   `capabilities/main.json`, which grants the main window exactly these;
// - `main.rs` registers their handlers, the functions of `commands/`;
// - `ui/src/lib/generated/commands.ts` is written from it (`make types`);
// - a test checks it against the signatures in `commands/`.
// This file is included by `build.rs`, so it holds the macro only.

/// Calls `$callback!` with every command, one entry each:
/// `name(argument: Type, …) -> Result;`. Each command's documentation is
/// on its function in `commands/`.
macro_rules! command_list {
    ($callback:ident) => {
        $callback! {
            wizard_definition(lang: Lang) -> WizardDefinition;
            ui_strings(lang: Lang) -> BTreeMap<String, String>;
            build_info() -> BuildInfo;
            list_drafts() -> Vec<DraftSummary>;
            new_draft(kind: RequestKind) -> Draft;
            open_draft(id: String) -> Draft;
            save_draft(id: String, request: Request) -> SaveReceipt;
            create_follow_up(id: String) -> Draft;
            check_request(request: Request, lang: Lang) -> Vec<Finding>;
            preview_request(request: Request) -> Pages;
            demo_mode() -> Mode;
            set_demo_mode(mode: Mode) -> Mode;
            export_pdf(request: Request, file_name: String, append_annexes: bool) -> Option<Exported>;
            export_docx(request: Request, file_name: String) -> Option<Exported>;
            export_xliff(request: Request, target: Lang, file_name: String) -> Option<String>;
            import_xliff(id: String) -> Option<Draft>;
            check_database() -> IntegrityReport;
            export_readable_drafts() -> Option<ReadableExport>;
            draft_history(id: String) -> Vec<RevisionEntry>;
            open_revision(id: String, number: u32) -> Request;
            compare_revisions(id: String, from: u32, to: u32, lang: Lang) -> Vec<FieldChange>;
            restore_revision(id: String, number: u32) -> SaveReceipt;
            export_revision(id: String, number: u32, docx: bool, file_name: String) -> Option<Exported>;
            attach_annex_file(id: String, request: Request, annex: usize) -> Option<AttachedAnnex>;
            annex_labels(request: Request) -> Vec<String>;
            exchange_desk() -> Desk;
            create_identity(name: String, authority: String, email: String, key_passphrase: Option<String>) -> Desk;
            unlock_keys(key_passphrase: String) -> ();
            rotate_keys() -> Desk;
            export_card(file_name: String) -> Option<String>;
            import_card() -> Option<CardImport>;
            trust_contact(id: String, fingerprint: String) -> Contact;
            shared_requests() -> Vec<SharedRequest>;
            consultation(id: String, lang: Lang) -> Overview;
            send_package(id: String, to: Vec<String>, passphrase: Option<String>, note: String, file_name: String) -> Option<Sent>;
            import_package(passphrase: Option<String>) -> Option<PackageImport>;
            confirm_package_signer(fingerprint: String, passphrase: Option<String>) -> PackageImport;
            add_comment(id: String, field: String, kind: CommentKind, text: String) -> Comment;
            answer_comment(id: String, comment_id: String, text: String) -> Comment;
            resolve_comment(id: String, comment_id: String) -> Comment;
            suggest_edit(id: String, field: String, value: serde_json::Value, note: String) -> Suggestion;
            accept_suggestion(id: String, suggestion_id: String, resolution: Resolution) -> DecisionReceipt;
            reject_suggestion(id: String, suggestion_id: String) -> DecisionReceipt;
            export_reading_copy(id: String, lang: Lang, file_name: String) -> Option<String>;
            search_drafts(query: String, lang: Lang) -> Vec<SearchResult>;
            archive_draft(id: String) -> ();
            unarchive_draft(id: String) -> ();
            delete_draft(id: String) -> ();
            restore_draft(id: String) -> ();
            archived_drafts() -> Vec<SetAsideDraft>;
            bin_drafts() -> Vec<SetAsideDraft>;
            empty_bin() -> u32;
            register_page(query: RegisterQuery) -> RegisterPage;
            dashboard() -> Dashboard;
            draft_links(id: String) -> Vec<DraftLink>;
            database_status() -> DatabaseStatus;
            unlock_database(passphrase: String) -> DatabaseStatus;
            set_encryption(passphrase: Option<String>) -> DatabaseStatus;
            change_database_passphrase(passphrase: String) -> ();
            backups() -> Backups;
            make_backup() -> Backups;
            set_backups_kept(kept: u32) -> Backups;
            restore_backup(path: Option<String>, passphrase: Option<String>) -> Option<Backups>;
            directory_states() -> Vec<DirectorySummary>;
            state_choices(lang: Lang) -> Vec<StateChoice>;
            language_choices(lang: Lang) -> Vec<LanguageChoice>;
            state_authorities(state_id: String, kind: RequestKind) -> Vec<AuthorityChoice>;
            address_request(request: Request, state_id: String, authority_id: Option<String>, lang: Lang) -> Addressed;
            refresh_directory_answers(before: Request, request: Request) -> Request;
            requirement_notes(request: Request, lang: Lang) -> Option<RequirementNotes>;
            preview_directory_import() -> Option<DirectoryChanges>;
            apply_directory_import() -> DirectoryReceipt;
            search_directory(text: String) -> Vec<DirectorySummary>;
            directory_entry(state_id: String) -> StateEntry;
            directory_history(state_id: String) -> Vec<DirectoryHistoryEntry>;
            save_directory_entry(entry: StateEntry) -> DirectoryReceipt;
            add_directory_state(entry: StateEntry) -> DirectoryReceipt;
            directory_entry_problems(entry: StateEntry, adding: bool) -> Vec<DirectoryProblem>;
            delete_directory_authority(state_id: String, authority_id: String) -> ();
            own_state_profile() -> Option<OwnStateProfile>;
            set_own_state_profile(profile: OwnStateProfile) -> ();
            open_exported(path: String) -> ();
            show_exported(path: String) -> ();
        }
    };
}
