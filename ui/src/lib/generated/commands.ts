// Generated from src-tauri/src/command_list.rs and the documentation of
// src-tauri/src/commands.rs by `make types`. Do not edit.
import type { Document } from './Document';
import type { Draft } from './Draft';
import type { DraftSummary } from './DraftSummary';
import type { Exported } from './Exported';
import type { Finding } from './Finding';
import type { Lang } from './Lang';
import type { Request } from './Request';
import type { SaveReceipt } from './SaveReceipt';
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
  /** The stored drafts, most recently saved first. */
  list_drafts: { args: Record<string, never>; result: Array<DraftSummary> };
  /** Creates, and saves, a draft with every answer empty. */
  new_draft: { args: Record<string, never>; result: Draft };
  /** The latest state of draft `id`. */
  open_draft: { args: { id: string }; result: Draft };
  /** Saves a new state of draft `id`; resolves once it is committed. */
  save_draft: { args: { id: string; request: Request }; result: SaveReceipt };
  /** Creates, and saves, the MLA request that follows the preservation request of draft `id` as stored. */
  create_follow_up: { args: { id: string }; result: Draft };
  /** Runs the checks as of today; the findings' messages are worded in `lang`. */
  check_request: { args: { request: Request; lang: Lang }; result: Array<Finding> };
  /** The document the request makes, in its language of transmission (what the preview shows). */
  preview_request: { args: { request: Request }; result: Document };
  /** Asks where to save, then writes the PDF (a draft while the request has errors); null when the user cancelled. */
  export_pdf: { args: { request: Request; fileName: string }; result: Exported | null };
  /** As `export_pdf`, as an editable Word document (DOCX). */
  export_docx: { args: { request: Request; fileName: string }; result: Exported | null };
  /** Refuses a request that cannot be translated into `target` (code `translation`), else asks where to save and writes its free text as XLIFF 2.0; resolves the path written, null when the user cancelled. */
  export_xliff: { args: { request: Request; target: Lang; fileName: string }; result: string | null };
  /** Asks for a translated XLIFF file and imports it into draft `id` as stored, saved as a new draft; all or nothing. Null when the user cancelled. */
  import_xliff: { args: { id: string }; result: Draft | null };
};

/** The names of the commands, in the order of the list. */
export const COMMAND_NAMES = [
  'wizard_definition',
  'ui_strings',
  'list_drafts',
  'new_draft',
  'open_draft',
  'save_draft',
  'create_follow_up',
  'check_request',
  'preview_request',
  'export_pdf',
  'export_docx',
  'export_xliff',
  'import_xliff',
] as const satisfies ReadonlyArray<keyof Commands>;
