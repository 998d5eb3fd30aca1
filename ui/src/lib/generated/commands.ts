// Generated from src-tauri/src/command_list.rs and the documentation of
// src-tauri/src/commands/ by `make types`. Do not edit.
import type { Addressed } from './Addressed';
import type { AttachedAnnex } from './AttachedAnnex';
import type { AuthorityChoice } from './AuthorityChoice';
import type { Backups } from './Backups';
import type { BuildInfo } from './BuildInfo';
import type { CardImport } from './CardImport';
import type { Comment } from './Comment';
import type { CommentKind } from './CommentKind';
import type { Contact } from './Contact';
import type { Dashboard } from './Dashboard';
import type { DatabaseStatus } from './DatabaseStatus';
import type { DecisionReceipt } from './DecisionReceipt';
import type { Desk } from './Desk';
import type { DirectoryChanges } from './DirectoryChanges';
import type { DirectoryHistoryEntry } from './DirectoryHistoryEntry';
import type { DirectoryProblem } from './DirectoryProblem';
import type { DirectoryReceipt } from './DirectoryReceipt';
import type { DirectorySummary } from './DirectorySummary';
import type { Draft } from './Draft';
import type { DraftLink } from './DraftLink';
import type { DraftSummary } from './DraftSummary';
import type { Exported } from './Exported';
import type { FieldChange } from './FieldChange';
import type { Finding } from './Finding';
import type { IntegrityReport } from './IntegrityReport';
import type { JsonValue } from './serde_json/JsonValue';
import type { Lang } from './Lang';
import type { LanguageChoice } from './LanguageChoice';
import type { Mode } from './Mode';
import type { Overview } from './Overview';
import type { OwnStateProfile } from './OwnStateProfile';
import type { PackageImport } from './PackageImport';
import type { Pages } from './Pages';
import type { ReadableExport } from './ReadableExport';
import type { RegisterPage } from './RegisterPage';
import type { RegisterQuery } from './RegisterQuery';
import type { Request } from './Request';
import type { RequestKind } from './RequestKind';
import type { RequirementNotes } from './RequirementNotes';
import type { Resolution } from './Resolution';
import type { RevisionEntry } from './RevisionEntry';
import type { SaveReceipt } from './SaveReceipt';
import type { SearchResult } from './SearchResult';
import type { Sent } from './Sent';
import type { SetAsideDraft } from './SetAsideDraft';
import type { SharedRequest } from './SharedRequest';
import type { StateChoice } from './StateChoice';
import type { StateEntry } from './StateEntry';
import type { Suggestion } from './Suggestion';
import type { WizardDefinition } from './WizardDefinition';

/**
 * Every command the app's window may invoke: the arguments the UI passes
 * and what a call resolves to. A call that fails rejects with an
 * `IpcError` (`{ code, message }`).
 */
export type Commands = {
  /** The wizard definition (steps, fields, conditions), worded in `lang`. */
  wizard_definition: { args: { lang: Lang }; result: WizardDefinition };
  /** The interface's own wording (`ui.*` keys) in `lang`, English where it lacks a key. */
  ui_strings: { args: { lang: Lang }; result: { [key in string]?: string } };
  /** The version of this build and the commit it was built from. */
  build_info: { args: Record<string, never>; result: BuildInfo };
  /** The stored drafts, most recently saved first. */
  list_drafts: { args: Record<string, never>; result: Array<DraftSummary> };
  /** Creates, and saves, a new draft of the kind the user chose: prefilled from the own-State profile when one is set, else with every answer empty. */
  new_draft: { args: { kind: RequestKind }; result: Draft };
  /** The latest state of draft `id`. */
  open_draft: { args: { id: string }; result: Draft };
  /** Saves a new state of draft `id`; resolves once it is committed. */
  save_draft: { args: { id: string; request: Request }; result: SaveReceipt };
  /** Creates, and saves, the MLA request that follows the preservation request of draft `id` as stored. */
  create_follow_up: { args: { id: string }; result: Draft };
  /** Runs the checks as of today, in the app's mode (demo or not); the findings' messages are worded in `lang`. */
  check_request: { args: { request: Request; lang: Lang }; result: Array<Finding> };
  /** The pages of the PDF the request makes today, in its language of transmission: what the preview shows, line for line. */
  preview_request: { args: { request: Request }; result: Pages };
  /** Whether the app runs in demo mode. */
  demo_mode: { args: Record<string, never>; result: Mode };
  /** Turns demo mode on (loading the demo directory's fictitious States) or off; resolves the mode now set. */
  set_demo_mode: { args: { mode: Mode }; result: Mode };
  /** Asks where to save, then writes the PDF (a draft while the request has errors, and outside demo mode while it is addressed to a fictitious State), with `append_annexes` followed by its PDF and image annex files, each after a separator page; null when the user cancelled. */
  export_pdf: { args: { request: Request; fileName: string; appendAnnexes: boolean }; result: Exported | null };
  /** As `export_pdf`, as an editable Word document (DOCX). */
  export_docx: { args: { request: Request; fileName: string }; result: Exported | null };
  /** Refuses a request that cannot be translated into `target` (code `translation`), else asks where to save and writes its free text as XLIFF 2.0; resolves the path written, null when the user cancelled. */
  export_xliff: { args: { request: Request; target: Lang; fileName: string }; result: string | null };
  /** Asks for a translated XLIFF file and imports it into draft `id` as stored, saved as a new draft; all or nothing. Null when the user cancelled. */
  import_xliff: { args: { id: string }; result: Draft | null };
  /** SQLite's full check of the database file, which the UI runs in the background after start-up: on a connection of its own, so the store stays usable while it runs. */
  check_database: { args: Record<string, never>; result: IntegrityReport };
  /** Asks for a folder, then writes every draft that can still be read into it, one request file each (the way out of a damaged database); null when the user cancelled. */
  export_readable_drafts: { args: Record<string, never>; result: ReadableExport | null };
  /** The revisions of draft `id`, oldest first: when each was saved, the answers it changed, the revision it restored. */
  draft_history: { args: { id: string }; result: Array<RevisionEntry> };
  /** The request as it was at revision `number` of draft `id` (to read, not to edit). */
  open_revision: { args: { id: string; number: number }; result: Request };
  /** The changes from revision `from` to revision `to` of draft `id`, field by field, labelled in `lang`. */
  compare_revisions: { args: { id: string; from: number; to: number; lang: Lang }; result: Array<FieldChange> };
  /** Makes revision `number` the current state of draft `id` by adding a revision; nothing is overwritten. */
  restore_revision: { args: { id: string; number: number }; result: SaveReceipt };
  /** Asks where to save, then writes revision `number` of draft `id` as a PDF, or a DOCX when `docx`, its running header naming the revision; null when the user cancelled. */
  export_revision: { args: { id: string; number: number; docx: boolean; fileName: string }; result: Exported | null };
  /** Asks for a file and keeps it with annex `annex` (from 1) of draft `id`, whose current state is `request`; the draft is saved with the file's reference. Null when the user cancelled. */
  attach_annex_file: { args: { id: string; request: Request; annex: number }; result: AttachedAnnex | null };
  /** The label of each annex of `request`, in order, as its document prints it: `1`, `2` … or `A`, `B` … after its choice of labels. */
  annex_labels: { args: { request: Request }; result: Array<string> };
  /** This side of the exchange: the identity (with where its keys are kept) and the contacts. */
  exchange_desk: { args: Record<string, never>; result: Desk };
  /** Creates the user's identity (keys in the OS keychain, else in a file protected by `key_passphrase`). */
  create_identity: { args: { name: string; authority: string; email: string; keyPassphrase: string | null }; result: Desk };
  /** Opens the key file with `key_passphrase` and keeps the passphrase for the session (code `keys_locked` when it does not open it). */
  unlock_keys: { args: { keyPassphrase: string }; result: null };
  /** Replaces the user's keys with fresh ones endorsed by the current key (the new card must then go to the contacts again). */
  rotate_keys: { args: Record<string, never>; result: Desk };
  /** Asks where to save, then writes the user's public card; resolves the path written, null when the user cancelled. */
  export_card: { args: { fileName: string }; result: string | null };
  /** Asks for a counterpart's card file and adds it to the contacts, untrusted until its fingerprint is confirmed; null when the user cancelled. */
  import_card: { args: Record<string, never>; result: CardImport | null };
  /** Trusts contact `id` once the user has typed the fingerprint they compared with them (code `fingerprint` when it differs). */
  trust_contact: { args: { id: string; fingerprint: string }; result: Contact };
  /** The drafts that take part in a consultation, on either side. */
  shared_requests: { args: Record<string, never>; result: Array<SharedRequest> };
  /** The consultation of draft `id`: who takes part, comments, suggestions to review, history and packages; labels in `lang`. */
  consultation: { args: { id: string; lang: Lang }; result: Overview };
  /** Sends draft `id` as a package: to the contacts `to`, or with the `passphrase` agreed with the counterparts; a counterpart's reply goes to the originator. Asks where to save; null when the user cancelled. */
  send_package: { args: { id: string; to: Array<string>; passphrase: string | null; note: string; fileName: string }; result: Sent | null };
  /** Asks for a package file and takes it in (opened with this side's keys, or with `passphrase` for a passphrase package); all or nothing. Null when the user cancelled. */
  import_package: { args: { passphrase: string | null }; result: PackageImport | null };
  /** Takes in the package last chosen, whose signer the user has now compared by telephone: `fingerprint` is what they confirmed. */
  confirm_package_signer: { args: { fingerprint: string; passphrase: string | null }; result: PackageImport };
  /** Adds a comment of `kind` on field `field` (a dotted path; "" for the whole request) of shared draft `id`. */
  add_comment: { args: { id: string; field: string; kind: CommentKind; text: string }; result: Comment };
  /** Answers comment `comment_id` of shared draft `id`. */
  answer_comment: { args: { id: string; commentId: string; text: string }; result: Comment };
  /** Marks comment `comment_id` of shared draft `id` resolved. */
  resolve_comment: { args: { id: string; commentId: string }; result: Comment };
  /** Suggests `value` for field `field` of shared draft `id`, with a `note` saying why. */
  suggest_edit: { args: { id: string; field: string; value: JsonValue; note: string }; result: Suggestion };
  /** Accepts suggestion `suggestion_id` of draft `id` as `resolution` says (theirs, ours, both merged, or a value edited); the draft gets a new revision. */
  accept_suggestion: { args: { id: string; suggestionId: string; resolution: Resolution }; result: DecisionReceipt };
  /** Rejects suggestion `suggestion_id` of draft `id`; the draft stays as it is. */
  reject_suggestion: { args: { id: string; suggestionId: string }; result: DecisionReceipt };
  /** Asks where to save, then writes the reading copy of shared draft `id` as PDF: the request with its comments and suggestions listed, in `lang`. Null when the user cancelled. */
  export_reading_copy: { args: { id: string; lang: Lang; fileName: string }; result: string | null };
  /** The drafts not in the bin holding every word of `query` (archived ones too), best first, with where each word was found, labelled in `lang`. */
  search_drafts: { args: { query: string; lang: Lang }; result: Array<SearchResult> };
  /** Archives draft `id`: off the list of drafts, still found by search. */
  archive_draft: { args: { id: string }; result: null };
  /** Brings archived draft `id` back to the list of drafts. */
  unarchive_draft: { args: { id: string }; result: null };
  /** Moves draft `id` to the bin: off every list and out of search, until restored or the bin is emptied. */
  delete_draft: { args: { id: string }; result: null };
  /** Restores draft `id` from the bin to where it was. */
  restore_draft: { args: { id: string }; result: null };
  /** The archived drafts, most recently archived first. */
  archived_drafts: { args: Record<string, never>; result: Array<SetAsideDraft> };
  /** The drafts in the bin, most recently deleted first. */
  bin_drafts: { args: Record<string, never>; result: Array<SetAsideDraft> };
  /** Removes every draft in the bin for good; resolves how many. */
  empty_bin: { args: Record<string, never>; result: number };
  /** One page of the register: the requests `query` selects, in its order. */
  register_page: { args: { query: RegisterQuery }; result: RegisterPage };
  /** What falls due as of today (overdue, within 7 and 30 days) and what waits on the counterpart. */
  dashboard: { args: Record<string, never>; result: Dashboard };
  /** The requests linked to draft `id`, either way. */
  draft_links: { args: { id: string }; result: Array<DraftLink> };
  /** Whether the database is encrypted, and whether it is open. A database that could not be opened (a read-only folder, a full disk, another program holding it) is tried again, and the reason it still cannot be opened rejects with its code. */
  database_status: { args: Record<string, never>; result: DatabaseStatus };
  /** Opens the encrypted database with `passphrase`; rejects with code `wrong_passphrase` when it does not open it. */
  unlock_database: { args: { passphrase: string }; result: DatabaseStatus };
  /** Encrypts the database with `passphrase`, or, given null, writes it back unencrypted. */
  set_encryption: { args: { passphrase: string | null }; result: DatabaseStatus };
  /** Changes the passphrase of the encrypted database. */
  change_database_passphrase: { args: { passphrase: string }; result: null };
  /** The backups, newest first, and how many are kept. */
  backups: { args: Record<string, never>; result: Backups };
  /** Makes a backup now, in the backups folder. */
  make_backup: { args: Record<string, never>; result: Backups };
  /** Sets how many automatic backups are kept (at least one); older ones are removed. */
  set_backups_kept: { args: { kept: number }; result: Backups };
  /** Restores a backup: `path` from the list, or, given null, a file the user chooses (null when cancelled); `passphrase` is an encrypted backup's (null: the open database's own). The backup is checked before anything changes. */
  restore_backup: { args: { path: string | null; passphrase: string | null }; result: Backups | null };
  /** The States of the directory, by code. */
  directory_states: { args: Record<string, never>; result: Array<DirectorySummary> };
  /** Every State a request can be addressed to, named in `lang`. */
  state_choices: { args: { lang: Lang }; result: Array<StateChoice> };
  /** Every language a language answer can be picked from, named in `lang`. */
  language_choices: { args: { lang: Lang }; result: Array<LanguageChoice> };
  /** The authorities of State `state_id` for a request of `kind`, the usual receivers first. */
  state_authorities: { args: { stateId: string; kind: RequestKind }; result: Array<AuthorityChoice> };
  /** `request` addressed to State `state_id` and, when given, its authority `authority_id`, with what was filled and why, worded in `lang`. Nothing is saved: the wizard takes the request as an edit. */
  address_request: { args: { request: Request; stateId: string; authorityId: string | null; lang: Lang }; result: Addressed };
  /** `request` after a change from `before` (of its basis, its kind or its State), with the answers the directory filled (whether the basis is in force, the languages accepted) brought up to date on today's date, each one the drafter did not change. */
  refresh_directory_answers: { args: { before: Request; request: Request }; result: Request };
  /** What the copy of its State's directory entry `request` carries says beside each step of the wizard (requirements, language and channel notes), worded in `lang`, with its source and date. Null when the request carries no entry for its State. */
  requirement_notes: { args: { request: Request; lang: Lang }; result: RequirementNotes | null };
  /** Asks for a directory file (JSON, or one CSV table) and says what importing it would change, field by field; nothing is written. Null when the user cancelled. A file with bad records is refused with every problem and where it is. */
  preview_directory_import: { args: Record<string, never>; result: DirectoryChanges | null };
  /** Applies the import last previewed, in one transaction; refused when none waits or when the directory changed since the preview. */
  apply_directory_import: { args: Record<string, never>; result: DirectoryReceipt };
  /** The States whose code, name or an authority's name holds `text` (any case). */
  search_directory: { args: { text: string }; result: Array<DirectorySummary> };
  /** The entry of State `state_id`, as stored. */
  directory_entry: { args: { stateId: string }; result: StateEntry };
  /** The history of State `state_id`'s entry, oldest first, field by field. */
  directory_history: { args: { stateId: string }; result: Array<DirectoryHistoryEntry> };
  /** Saves a State's entry as the user edited it, checked as an imported one is (every problem named, nothing written then); the change is recorded in the history. */
  save_directory_entry: { args: { entry: StateEntry }; result: DirectoryReceipt };
  /** Adds a State the directory does not hold yet (its code and name, and whatever else the user gave), checked as a saved entry is; refused when the code is taken. Recorded in the history. */
  add_directory_state: { args: { entry: StateEntry }; result: DirectoryReceipt };
  /** Every problem saving `entry` would find, each at its path in the entry, for the app to show at its field; with `adding`, also a code already taken. Nothing is written. */
  directory_entry_problems: { args: { entry: StateEntry; adding: boolean }; result: Array<DirectoryProblem> };
  /** Deletes one authority of a State and erases the values its history holds (a named contact is personal data); the deletion is recorded. */
  delete_directory_authority: { args: { stateId: string; authorityId: string }; result: null };
  /** The own-State profile, or null when none was set. */
  own_state_profile: { args: Record<string, never>; result: OwnStateProfile | null };
  /** Stores `profile` in place of the one before; a profile with problems is refused, every problem named, and nothing changes. */
  set_own_state_profile: { args: { profile: OwnStateProfile }; result: null };
  /** Opens exported file `path` with the desktop's program for its type. */
  open_exported: { args: { path: string }; result: null };
  /** Shows exported file `path` selected in the desktop's file manager (or its folder, where the file manager cannot select it). */
  show_exported: { args: { path: string }; result: null };
};

/** The names of the commands, in the order of the list. */
export const COMMAND_NAMES = [
  'wizard_definition',
  'ui_strings',
  'build_info',
  'list_drafts',
  'new_draft',
  'open_draft',
  'save_draft',
  'create_follow_up',
  'check_request',
  'preview_request',
  'demo_mode',
  'set_demo_mode',
  'export_pdf',
  'export_docx',
  'export_xliff',
  'import_xliff',
  'check_database',
  'export_readable_drafts',
  'draft_history',
  'open_revision',
  'compare_revisions',
  'restore_revision',
  'export_revision',
  'attach_annex_file',
  'annex_labels',
  'exchange_desk',
  'create_identity',
  'unlock_keys',
  'rotate_keys',
  'export_card',
  'import_card',
  'trust_contact',
  'shared_requests',
  'consultation',
  'send_package',
  'import_package',
  'confirm_package_signer',
  'add_comment',
  'answer_comment',
  'resolve_comment',
  'suggest_edit',
  'accept_suggestion',
  'reject_suggestion',
  'export_reading_copy',
  'search_drafts',
  'archive_draft',
  'unarchive_draft',
  'delete_draft',
  'restore_draft',
  'archived_drafts',
  'bin_drafts',
  'empty_bin',
  'register_page',
  'dashboard',
  'draft_links',
  'database_status',
  'unlock_database',
  'set_encryption',
  'change_database_passphrase',
  'backups',
  'make_backup',
  'set_backups_kept',
  'restore_backup',
  'directory_states',
  'state_choices',
  'language_choices',
  'state_authorities',
  'address_request',
  'refresh_directory_answers',
  'requirement_notes',
  'preview_directory_import',
  'apply_directory_import',
  'search_directory',
  'directory_entry',
  'directory_history',
  'save_directory_entry',
  'add_directory_state',
  'directory_entry_problems',
  'delete_directory_authority',
  'own_state_profile',
  'set_own_state_profile',
  'open_exported',
  'show_exported',
] as const satisfies ReadonlyArray<keyof Commands>;
