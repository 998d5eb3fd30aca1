//! The TypeScript side of the command list: `ui/src/lib/generated/commands.ts`
//! is written from `command_list.rs` (names, arguments, results, typed with
//! the types ts-rs generates) and the commands' documentation, and the list
//! is checked against the functions of `commands/`. Both run with the
//! other generators (`make types`, `cargo test … export_bindings`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use mla_writer::checks::Finding;
use mla_writer::output::pages::Pages;
use mla_writer::i18n::Lang;
use mla_writer::interview::{FieldChange, RequirementNotes, WizardDefinition};
use mla_writer::directory::{DirectoryChanges, DirectoryProblem, StateEntry};
use mla_writer::directory::language_names::LanguageChoice;
use mla_writer::directory::demo::Mode;
use mla_writer::checks::addressee::Addressed;
use mla_writer::request::addressee::AuthorityChoice;
use mla_writer::request::own_state::OwnStateProfile;
use mla_writer::request::{Request, RequestKind};
use mla_writer::store::annexes::AttachedAnnex;
use mla_writer::store::integrity::{IntegrityReport, ReadableExport};
use mla_writer::store::{
    Dashboard, DirectoryHistoryEntry, DirectoryReceipt, DirectorySummary, StateChoice, Draft, DraftLink, DraftSummary, RegisterPage, RegisterQuery, RevisionEntry, SaveReceipt, SearchResult,
    SetAsideDraft,
};
use mla_writer::BuildInfo;
use quote::ToTokens;
use ts_rs::{TypeVisitor, TS};

use mla_writer::exchange::consultation::{DecisionReceipt, Overview, Resolution, SharedRequest};
use mla_writer::exchange::contacts::{CardImport, Contact};
use mla_writer::exchange::desk::{Desk, Sent};
use mla_writer::exchange::thread::{Comment, CommentKind, Suggestion};

use crate::commands::{Backups, DatabaseStatus, Exported, PackageImport};

/// One command as the list declares it.
struct Listed {
    name: &'static str,
    /// Each argument's name and its Rust type as written.
    args: Vec<(&'static str, &'static str)>,
    /// The result's Rust type as written.
    result: &'static str,
    /// Each argument's TypeScript type.
    ts_args: Vec<String>,
    /// The result's TypeScript type.
    ts_result: String,
    /// The generated types it names: TypeScript name and file.
    imports: BTreeSet<(String, PathBuf)>,
}

/// Collects the exported types a type names (itself, or those it wraps).
struct Imports(BTreeSet<(String, PathBuf)>);

impl TypeVisitor for Imports {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        match T::output_path() {
            Some(path) => {
                self.0.insert((T::ident(), path));
            }
            None => T::visit_generics(self),
        }
    }
}

fn imports_of<T: TS + 'static>() -> BTreeSet<(String, PathBuf)> {
    let mut imports = Imports(BTreeSet::new());
    imports.visit::<T>();
    imports.0
}

/// The list, with the TypeScript names of its types.
macro_rules! listed {
    ($($name:ident ($($arg:ident : $ty:ty),*) -> $result:ty;)*) => {
        vec![$(Listed {
            name: stringify!($name),
            args: vec![$((stringify!($arg), stringify!($ty))),*],
            result: stringify!($result),
            ts_args: vec![$(<$ty as TS>::name()),*],
            ts_result: <$result as TS>::name(),
            imports: {
                #[allow(unused_mut)]
                let mut all = imports_of::<$result>();
                $(all.extend(imports_of::<$ty>());)*
                all
            },
        }),*]
    };
}

fn listed() -> Vec<Listed> {
    command_list!(listed)
}

/// One command function as `commands/` defines it.
#[derive(Debug, PartialEq)]
struct Defined {
    /// Arguments the UI passes (not those Tauri injects), with their types.
    args: Vec<(String, String)>,
    /// What a call resolves to: `T` of `Result<T, IpcError>`, or the type.
    result: String,
    /// The documentation, one line per `///` line.
    doc: Vec<String>,
    /// Whether it runs on the async runtime's threads (`async fn` or
    /// `#[tauri::command(async)]`) rather than on the main thread.
    off_main_thread: bool,
}

/// A type as text without white space, to compare `stringify!` with syn.
fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether an argument is injected by Tauri rather than passed by the UI.
fn injected(ty: &syn::Type) -> bool {
    let text = compact(&ty.to_token_stream().to_string());
    text.starts_with("State<") || text.starts_with("tauri::AppHandle") || text.starts_with("AppHandle")
}

/// The functions marked `#[tauri::command]` in the files of `commands/`.
fn defined() -> BTreeMap<String, Defined> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    let items = paths.iter().flat_map(|path| syn::parse_file(&std::fs::read_to_string(path).unwrap()).unwrap().items);
    let mut out = BTreeMap::new();
    for item in items {
        let syn::Item::Fn(function) = item else { continue };
        let Some(attribute) = function.attrs.iter().find(|a| compact(&a.path().to_token_stream().to_string()) == "tauri::command") else {
            continue;
        };
        let off_main_thread =
            function.sig.asyncness.is_some() || compact(&attribute.to_token_stream().to_string()).contains("tauri::command(async)");
        let doc = function
            .attrs
            .iter()
            .filter(|a| a.path().is_ident("doc"))
            .filter_map(|a| match &a.meta {
                syn::Meta::NameValue(nv) => match &nv.value {
                    syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value().trim().to_string()),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        let args = function
            .sig
            .inputs
            .iter()
            .filter_map(|input| match input {
                syn::FnArg::Typed(arg) if !injected(&arg.ty) => {
                    Some((arg.pat.to_token_stream().to_string(), compact(&arg.ty.to_token_stream().to_string())))
                }
                _ => None,
            })
            .collect();
        let result = match &function.sig.output {
            syn::ReturnType::Default => "()".to_string(),
            syn::ReturnType::Type(_, ty) => {
                let text = compact(&ty.to_token_stream().to_string());
                match text.strip_prefix("Result<").and_then(|t| t.strip_suffix(",IpcError>")) {
                    Some(ok) => ok.to_string(),
                    None => text,
                }
            }
        };
        out.insert(function.sig.ident.to_string(), Defined { args, result, doc, off_main_thread });
    }
    out
}

/// `file_name` as the UI passes it: `fileName` (Tauri's default renaming).
fn camel_case(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The text of `commands.ts`.
fn typescript(listed: &[Listed], defined: &BTreeMap<String, Defined>) -> String {
    let mut imports = BTreeSet::new();
    for command in listed {
        imports.extend(command.imports.iter().cloned());
    }
    let mut out = String::from(
        "// Generated from src-tauri/src/command_list.rs and the documentation of\n\
         // src-tauri/src/commands/ by `make types`. Do not edit.\n",
    );
    for (name, path) in &imports {
        let module = path.with_extension("");
        out.push_str(&format!("import type {{ {name} }} from './{}';\n", module.display()));
    }
    out.push_str(
        "\n/**\n * Every command the app's window may invoke: the arguments the UI passes\n * and what a call resolves to. A call that fails rejects with an\n * `IpcError` (`{ code, message }`).\n */\nexport type Commands = {\n",
    );
    for command in listed {
        let doc = defined[command.name].doc.join(" ");
        out.push_str(&format!("  /** {doc} */\n"));
        let args = if command.args.is_empty() {
            "Record<string, never>".to_string()
        } else {
            let fields: Vec<String> =
                command.args.iter().zip(&command.ts_args).map(|((name, _), ty)| format!("{}: {ty}", camel_case(name))).collect();
            format!("{{ {} }}", fields.join("; "))
        };
        out.push_str(&format!("  {}: {{ args: {args}; result: {} }};\n", command.name, command.ts_result));
    }
    out.push_str("};\n\n/** The names of the commands, in the order of the list. */\nexport const COMMAND_NAMES = [\n");
    for command in listed {
        out.push_str(&format!("  '{}',\n", command.name));
    }
    out.push_str("] as const satisfies ReadonlyArray<keyof Commands>;\n");
    out
}

#[test]
fn the_command_list_matches_the_functions_of_commands() {
    let defined = defined();
    let listed = listed();
    let names: BTreeSet<&str> = listed.iter().map(|c| c.name).collect();
    assert_eq!(names.len(), listed.len(), "a command is listed twice");
    assert_eq!(names, defined.keys().map(String::as_str).collect(), "listed commands and #[tauri::command] functions differ");
    for command in &listed {
        let function = &defined[command.name];
        let args: Vec<(String, String)> = command.args.iter().map(|(n, t)| (n.to_string(), compact(t))).collect();
        assert_eq!(args, function.args, "{}: the listed arguments differ from the function's", command.name);
        assert_eq!(compact(command.result), function.result, "{}: the listed result differs from the function's", command.name);
        assert!(!function.doc.is_empty(), "{} has no documentation", command.name);
    }
}

#[test]
fn only_the_lookups_of_compiled_in_data_run_on_the_main_thread() {
    let on_main_thread: Vec<String> = defined().into_iter().filter(|(_, f)| !f.off_main_thread).map(|(name, _)| name).collect();
    assert_eq!(
        on_main_thread,
        ["build_info", "ui_strings", "wizard_definition"],
        "a command that touches the disk or works must be async"
    );
}

#[test]
fn export_bindings_commands() {
    let text = typescript(&listed(), &defined());
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/generated/commands.ts");
    std::fs::write(&path, text).unwrap();
}

#[test]
fn the_bindings_name_each_argument_as_the_ui_passes_it() {
    assert_eq!(camel_case("file_name"), "fileName");
    assert_eq!(camel_case("id"), "id");
    let text = typescript(&listed(), &defined());
    assert!(text.contains("export_pdf: { args: { request: Request; fileName: string; appendAnnexes: boolean }; result: Exported | null };"), "{text}");
    assert!(text.contains("list_drafts: { args: Record<string, never>; result: Array<DraftSummary> };"), "{text}");
    assert!(text.contains("import type { WizardDefinition } from './WizardDefinition';"), "{text}");
}
