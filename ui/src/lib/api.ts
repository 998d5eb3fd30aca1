/**
 * The app's commands over Tauri IPC. Their names, arguments and results are
 * generated from the Rust command list (`generated/commands.ts`), so a call
 * that does not fit the shell does not compile. Every rejection is turned
 * into an {@link ApiError} whose message is meant for the user.
 */
import { invoke as tauriInvoke } from '@tauri-apps/api/core';
import type { Commands } from './generated/commands';
import type { Draft } from './generated/Draft';
import type { ErrorCode } from './generated/ErrorCode';
import type { Exported } from './generated/Exported';
import type { Lang } from './generated/Lang';
import type { Mode } from './generated/Mode';
import type { RegisterQuery } from './generated/RegisterQuery';
import type { OwnStateProfile } from './generated/OwnStateProfile';
import type { Request } from './generated/Request';
import type { RequestKind } from './generated/RequestKind';
import type { StateEntry } from './generated/StateEntry';
import type { CommentKind } from './generated/CommentKind';
import type { Resolution } from './generated/Resolution';
import type { JsonValue } from './generated/serde_json/JsonValue';

/** The name of a command. */
export type CommandName = keyof Commands;

/** The arguments of command `K`, as the UI passes them. */
export type CommandArgs<K extends CommandName> = Commands[K]['args'];

/** What command `K` resolves to. */
export type CommandResult<K extends CommandName> = Commands[K]['result'];

/** Calls a command; the shape of Tauri's `invoke`, typed by the command list. */
export type Invoke = <K extends CommandName>(command: K, args: CommandArgs<K>) => Promise<CommandResult<K>>;

/** The message of an error that says nothing about itself. */
export const UNEXPECTED_ERROR = 'An unexpected error occurred.';

/**
 * What went wrong, as far as the UI words it differently: the shell's
 * {@link ErrorCode}, or `unknown` for a rejection that did not come from a
 * command (IPC itself failed).
 */
export type ApiErrorCode = ErrorCode | 'unknown';

/** Every code of the shell; a code added in Rust does not compile until it is here. */
const CODES: Record<ErrorCode, true> = {
  translation: true,
  file: true,
  keys_locked: true,
  package: true,
  fingerprint: true,
  store_damaged: true,
  disk_full: true,
  read_only: true,
  store_busy: true,
  database_locked: true,
  wrong_passphrase: true,
  failed: true,
};

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(CODES, code);
}

/** An error as the commands report it. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;

  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** Normalises anything a command may reject with into an {@link ApiError}. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error && typeof error === 'object' && 'message' in error) {
    const e = error as { code?: unknown; message: unknown };
    return new ApiError(isErrorCode(e.code) ? e.code : 'unknown', String(e.message));
  }
  if (typeof error === 'string' && error !== '') return new ApiError('unknown', error);
  return new ApiError('unknown', UNEXPECTED_ERROR);
}

/** The user-facing message of any error. */
export function errorMessage(error: unknown): string {
  return toApiError(error).message;
}

/** The code of any error (see {@link ApiErrorCode}). */
export function errorCode(error: unknown): ApiErrorCode {
  return toApiError(error).code;
}

/**
 * The commands as methods, over `invoke`: the app passes Tauri's, tests a
 * stand-in for the shell with the same command table. Each method rejects
 * with an {@link ApiError}.
 */
export function createApi(invoke: Invoke) {
  async function call<K extends CommandName>(command: K, args: CommandArgs<K>): Promise<CommandResult<K>> {
    try {
      return await invoke(command, args);
    } catch (error) {
      throw toApiError(error);
    }
  }

  return {
    wizardDefinition: (lang: Lang) => call('wizard_definition', { lang }),
    uiStrings: (lang: Lang) => call('ui_strings', { lang }),
    /** The version of the app and the commit it was built from. */
    buildInfo: () => call('build_info', {}),
    listDrafts: () => call('list_drafts', {}),
    /** Creates, and saves, a new request of the kind chosen. */
    newDraft: (kind: RequestKind) => call('new_draft', { kind }),
    openDraft: (id: string) => call('open_draft', { id }),
    /**
     * Creates, and saves, the MLA request that follows the preservation
     * request of draft `id` (as stored); rejects for any other kind of
     * request.
     */
    createFollowUp: (id: string) => call('create_follow_up', { id }),
    saveDraft: (id: string, request: Request) => call('save_draft', { id, request }),
    /** Runs the checks; the findings' messages are worded in `lang`. */
    checkRequest: (request: Request, lang: Lang) => call('check_request', { request, lang }),
    previewRequest: (request: Request) => call('preview_request', { request }),
    /** Whether the app runs in demo mode (`demo`) or not (`real`). */
    demoMode: () => call('demo_mode', {}),
    /** Turns demo mode on or off; resolves the mode now set. */
    setDemoMode: (mode: Mode) => call('set_demo_mode', { mode }),
    /**
     * Asks where to save, then writes the PDF; null when the user cancelled.
     * A request that still has errors is written as a draft.
     */
    exportPdf: (request: Request, fileName: string, appendAnnexes = false): Promise<Exported | null> =>
      call('export_pdf', { request, fileName, appendAnnexes }),
    /**
     * Asks for a file and keeps it with annex `annex` (from 1) of draft `id`,
     * whose state on screen is `request`; the shell saves the draft with the
     * file's reference and resolves it, or null when the user cancelled.
     * Rejects with code `file` when the file cannot be read, is over the
     * size limit, or is a PDF that cannot be read.
     */
    attachAnnexFile: (id: string, request: Request, annex: number) => call('attach_annex_file', { id, request, annex }),
    /** As {@link exportPdf}, as an editable Word document (DOCX). */
    exportDocx: (request: Request, fileName: string): Promise<Exported | null> => call('export_docx', { request, fileName }),
    /**
     * Writes the request's free text as an XLIFF 2.0 file for translation
     * into `target`, where the user chooses; resolves the path written, or
     * null when the user cancelled. Rejects with code `translation` and the
     * core's reason when the request cannot be translated (no drafting
     * language, already a translation, drafted in `target`, no free text),
     * before any dialog; with code `file` when the file cannot be written.
     */
    exportXliff: (request: Request, target: Lang, fileName: string) => call('export_xliff', { request, target, fileName }),
    /**
     * Asks for a translated XLIFF file and imports it into draft `id` as
     * stored. All or nothing: on success the translation is a new draft,
     * already saved, and draft `id` is unchanged; null when the user
     * cancelled. Rejects with code `translation` and every problem, each unit
     * named by its id, when the file does not fit the request; with code
     * `file` when it cannot be read.
     */
    importXliff: (id: string): Promise<Draft | null> => call('import_xliff', { id }),
    /** SQLite's full check of the database file (run in the background; the store stays usable). */
    checkDatabase: () => call('check_database', {}),
    /** Asks for a folder and writes every draft that can still be read into it; null when cancelled. */
    exportReadableDrafts: () => call('export_readable_drafts', {}),

    // A draft's revision history.

    /** The revisions of draft `id`, oldest first: when saved, the answers each changed, what it restored. */
    draftHistory: (id: string) => call('draft_history', { id }),
    /** The request as it was at revision `number` (to read, not to edit). */
    openRevision: (id: string, number: number) => call('open_revision', { id, number }),
    /** The changes from revision `from` to revision `to`, field by field, labelled in `lang`. */
    compareRevisions: (id: string, from: number, to: number, lang: Lang) => call('compare_revisions', { id, from, to, lang }),
    /** Makes revision `number` the current state by adding a revision; nothing is overwritten. */
    restoreRevision: (id: string, number: number) => call('restore_revision', { id, number }),
    /** Asks where to save, then writes revision `number` as a PDF, or a DOCX when `docx`; null when cancelled. */
    exportRevision: (id: string, number: number, docx: boolean, fileName: string): Promise<Exported | null> =>
      call('export_revision', { id, number, docx, fileName }),

    // The exchange with counterparts. A command that needs the secret keys
    // rejects with code `keys_locked` while they are in a passphrase file
    // and no passphrase was given this session: see `unlockKeys`.

    /** This side of the exchange: the identity (with where its keys are kept) and the contacts. */
    exchangeDesk: () => call('exchange_desk', {}),
    /** Creates the identity; `keyPassphrase` protects the key file when no OS keychain answers. */
    createIdentity: (name: string, authority: string, email: string, keyPassphrase: string | null) =>
      call('create_identity', { name, authority, email, keyPassphrase }),
    /** Opens the key file for this session; rejects with `keys_locked` when the passphrase does not open it. */
    unlockKeys: (keyPassphrase: string) => call('unlock_keys', { keyPassphrase }),
    /** Replaces the keys with fresh ones endorsed by the current key; the new card must go to the contacts. */
    rotateKeys: () => call('rotate_keys', {}),
    /** Asks where to save, then writes the public card; the path, or null when cancelled. */
    exportCard: (fileName: string) => call('export_card', { fileName }),
    /** Asks for a card file and adds it to the contacts, untrusted; null when cancelled. */
    importCard: () => call('import_card', {}),
    /** Trusts a contact once the fingerprint typed matches (else rejects with `fingerprint`). */
    trustContact: (id: string, fingerprint: string) => call('trust_contact', { id, fingerprint }),
    /** The drafts that take part in a consultation. */
    sharedRequests: () => call('shared_requests', {}),
    /** The consultation of draft `id`, labelled in `lang`. */
    consultation: (id: string, lang: Lang) => call('consultation', { id, lang }),
    /** Sends draft `id` as a package (to contacts, or with a passphrase); null when cancelled. */
    sendPackage: (id: string, to: string[], passphrase: string | null, note: string, fileName: string) =>
      call('send_package', { id, to, passphrase, note, fileName }),
    /** Asks for a package and takes it in, all or nothing; null when cancelled. */
    importPackage: (passphrase: string | null) => call('import_package', { passphrase }),
    /** Takes in the package whose signer the user has now confirmed by their fingerprint. */
    confirmPackageSigner: (fingerprint: string, passphrase: string | null) =>
      call('confirm_package_signer', { fingerprint, passphrase }),
    addComment: (id: string, field: string, kind: CommentKind, text: string) => call('add_comment', { id, field, kind, text }),
    answerComment: (id: string, commentId: string, text: string) => call('answer_comment', { id, commentId, text }),
    resolveComment: (id: string, commentId: string) => call('resolve_comment', { id, commentId }),
    suggestEdit: (id: string, field: string, value: JsonValue, note: string) => call('suggest_edit', { id, field, value, note }),
    acceptSuggestion: (id: string, suggestionId: string, resolution: Resolution) =>
      call('accept_suggestion', { id, suggestionId, resolution }),
    rejectSuggestion: (id: string, suggestionId: string) => call('reject_suggestion', { id, suggestionId }),
    /** Asks where to save, then writes the PDF reading copy with the comments; the path, or null. */
    exportReadingCopy: (id: string, lang: Lang, fileName: string) => call('export_reading_copy', { id, lang, fileName }),

    // Search, the archive and the bin.

    /** The drafts not in the bin holding every word of `query` (archived ones too), with where each was found, labelled in `lang`. */
    searchDrafts: (query: string, lang: Lang) => call('search_drafts', { query, lang }),
    /** Archives draft `id`: off the list of drafts, still found by search. */
    archiveDraft: (id: string) => call('archive_draft', { id }),
    /** Brings archived draft `id` back to the list of drafts. */
    unarchiveDraft: (id: string) => call('unarchive_draft', { id }),
    /** Moves draft `id` to the bin: off the lists and out of search until restored. */
    deleteDraft: (id: string) => call('delete_draft', { id }),
    /** Restores draft `id` from the bin. */
    restoreDraft: (id: string) => call('restore_draft', { id }),
    /** The archived drafts, most recently archived first. */
    archivedDrafts: () => call('archived_drafts', {}),
    /** The drafts in the bin, most recently deleted first. */
    binDrafts: () => call('bin_drafts', {}),
    /** Removes every draft in the bin for good; resolves how many. */
    emptyBin: () => call('empty_bin', {}),

    // The case register.

    /** One page of the register: the requests the query selects, in its order. */
    registerPage: (query: RegisterQuery) => call('register_page', { query }),
    /** What falls due as of today, and what waits on the counterpart. */
    dashboard: () => call('dashboard', {}),
    /** The requests linked to draft `id`, either way. */
    draftLinks: (id: string) => call('draft_links', { id }),

    // Encryption at rest and backups. While an encrypted database is not
    // unlocked, every other command rejects with code `database_locked`.

    /** Whether the database is encrypted, and whether it is open. */
    databaseStatus: () => call('database_status', {}),
    /** Opens the encrypted database; rejects with `wrong_passphrase` when the passphrase does not open it. */
    unlockDatabase: (passphrase: string) => call('unlock_database', { passphrase }),
    /** Encrypts the database with `passphrase`, or, given null, writes it back unencrypted. */
    setEncryption: (passphrase: string | null) => call('set_encryption', { passphrase }),
    /** Changes the passphrase of the encrypted database. */
    changeDatabasePassphrase: (passphrase: string) => call('change_database_passphrase', { passphrase }),
    /** The backups, newest first, and how many daily ones are kept. */
    backups: () => call('backups', {}),
    /** Makes a backup now. */
    makeBackup: () => call('make_backup', {}),
    /** Sets how many daily backups are kept. */
    setBackupsKept: (kept: number) => call('set_backups_kept', { kept }),
    /** Restores backup `path`, or a file the user chooses when null (null when cancelled); checked before anything changes. */
    restoreBackup: (path: string | null, passphrase: string | null) => call('restore_backup', { path, passphrase }),
    /** The States of the directory of competent authorities, by code. */
    directoryStates: () => call('directory_states', {}),
    /** Every State a request can be addressed to, named in `lang` (real ones from the CLDR, fictitious ones from the directory). */
    stateChoices: (lang: Lang) => call('state_choices', { lang }),
    /** Every language a language answer can be picked from, by ISO 639 code, named in `lang` from the CLDR. */
    languageChoices: (lang: Lang) => call('language_choices', { lang }),
    /** The authorities of State `stateId` for a request of `kind`, the usual receivers first. */
    stateAuthorities: (stateId: string, kind: RequestKind) => call('state_authorities', { stateId, kind }),
    /**
     * `request` addressed to State `stateId` (and its authority
     * `authorityId`) from the directory, with notes saying what was filled
     * and why, worded in `lang`. Nothing is saved.
     */
    addressRequest: (request: Request, stateId: string, authorityId: string | null, lang: Lang) =>
      call('address_request', { request, stateId, authorityId, lang }),
    /** The label of each annex of `request`, in order, as its document prints it (`1`, `2` … or `A`, `B` …). */
    annexLabels: (request: Request) => call('annex_labels', { request }),
    /**
     * `request` after a change from `before` (of its basis, kind or State),
     * with the answers the directory filled (whether the basis is in force,
     * the languages accepted) brought up to date, each one the drafter did
     * not change. Nothing is saved.
     */
    refreshDirectoryAnswers: (before: Request, request: Request) => call('refresh_directory_answers', { before, request }),
    /**
     * What the copy of its State's directory entry `request` carries says
     * beside each wizard step, worded in `lang`, with its source and date;
     * null when it carries none.
     */
    requirementNotes: (request: Request, lang: Lang) => call('requirement_notes', { request, lang }),
    /** Asks for a directory file and says what importing it would change; null when the user cancelled. Nothing is written. */
    previewDirectoryImport: () => call('preview_directory_import', {}),
    /** Applies the import last previewed. */
    applyDirectoryImport: () => call('apply_directory_import', {}),
    /** The States whose code, name or an authority's name holds `text` (any case). */
    searchDirectory: (text: string) => call('search_directory', { text }),
    /** The entry of State `stateId`, as stored. */
    directoryEntry: (stateId: string) => call('directory_entry', { stateId }),
    /** The history of State `stateId`'s entry, oldest first, field by field. */
    directoryHistory: (stateId: string) => call('directory_history', { stateId }),
    /** Saves a State's entry as edited, checked as an import is; recorded in the history. */
    saveDirectoryEntry: (entry: StateEntry) => call('save_directory_entry', { entry }),
    /** Adds a State the directory does not hold yet; refused when its code is taken. Recorded in the history. */
    addDirectoryState: (entry: StateEntry) => call('add_directory_state', { entry }),
    /** Every problem saving `entry` would find, each at its path in the entry (with `adding`, a code already taken too). Nothing is written. */
    directoryEntryProblems: (entry: StateEntry, adding: boolean) => call('directory_entry_problems', { entry, adding }),
    /** Deletes an authority of a State, its values erased from the history. */
    deleteDirectoryAuthority: (stateId: string, authorityId: string) => call('delete_directory_authority', { stateId, authorityId }),
    /** Opens a file just exported with the desktop's program for it; refused for any other path. */
    openExported: (path: string) => call('open_exported', { path }),
    /** Shows a file just exported in its folder; refused for any other path. */
    showExported: (path: string) => call('show_exported', { path }),
    /** The own-State profile, or null when none was set. */
    ownStateProfile: () => call('own_state_profile', {}),
    /** Stores the own-State profile; every new request is prefilled from it. */
    setOwnStateProfile: (profile: OwnStateProfile) => call('set_own_state_profile', { profile }),
  };
}

/** The commands, as the UI calls them. */
export type Api = ReturnType<typeof createApi>;

/** The app's commands over Tauri IPC. */
export const api: Api = createApi(<K extends CommandName>(command: K, args: CommandArgs<K>) =>
  tauriInvoke<CommandResult<K>>(command, args),
);
