/**
 * The app's commands over Tauri IPC, typed with the types generated from the
 * Rust core. Every rejection is turned into an {@link ApiError} whose message
 * is meant for the user.
 */
import { invoke } from '@tauri-apps/api/core';
import type { Document } from './generated/Document';
import type { Draft } from './generated/Draft';
import type { DraftSummary } from './generated/DraftSummary';
import type { Finding } from './generated/Finding';
import type { Lang } from './generated/Lang';
import type { Request } from './generated/Request';
import type { SaveReceipt } from './generated/SaveReceipt';
import type { WizardDefinition } from './generated/WizardDefinition';

/** The message of an error that says nothing about itself. */
export const UNEXPECTED_ERROR = 'An unexpected error occurred.';

/**
 * A document written by `export_pdf` or `export_docx`: where it went, and
 * whether it is a draft (the request still had errors, so it is marked
 * DRAFT).
 */
export interface ExportResult {
  path: string;
  draft: boolean;
}

/** An error as the commands report it. */
export class ApiError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
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
    return new ApiError(typeof e.code === 'string' ? e.code : 'unknown', String(e.message));
  }
  if (typeof error === 'string' && error !== '') return new ApiError('unknown', error);
  return new ApiError('unknown', UNEXPECTED_ERROR);
}

/** The user-facing message of any error. */
export function errorMessage(error: unknown): string {
  return toApiError(error).message;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toApiError(error);
  }
}

export const api = {
  wizardDefinition: (lang: Lang): Promise<WizardDefinition> => call('wizard_definition', { lang }),
  uiStrings: (lang: Lang): Promise<Record<string, string>> => call('ui_strings', { lang }),
  listDrafts: (): Promise<DraftSummary[]> => call('list_drafts'),
  newDraft: (): Promise<Draft> => call('new_draft'),
  openDraft: (id: string): Promise<Draft> => call('open_draft', { id }),
  /**
   * Creates, and saves, the MLA request that follows the preservation
   * request of draft `id` (as stored); rejects with `not_preservation` for
   * any other kind of request.
   */
  createFollowUp: (id: string): Promise<Draft> => call('create_follow_up', { id }),
  saveDraft: (id: string, request: Request): Promise<SaveReceipt> => call('save_draft', { id, request }),
  /** Runs the checks; the findings' messages are worded in `lang`. */
  checkRequest: (request: Request, lang: Lang): Promise<Finding[]> => call('check_request', { request, lang }),
  previewRequest: (request: Request): Promise<Document> => call('preview_request', { request }),
  /**
   * Asks where to save, then writes the PDF; null when the user cancelled.
   * A request that still has errors is written as a draft.
   */
  exportPdf: (request: Request, fileName: string): Promise<ExportResult | null> => call('export_pdf', { request, fileName }),
  /** As {@link api.exportPdf}, as an editable Word document (DOCX). */
  exportDocx: (request: Request, fileName: string): Promise<ExportResult | null> => call('export_docx', { request, fileName }),
  /**
   * Writes the request's free text as an XLIFF 2.0 file for translation into
   * `target`, where the user chooses; resolves the path written, or null when
   * the user cancelled. Rejects (code `xliff`) with the core's reason when the
   * request cannot be translated (no drafting language, already a
   * translation, drafted in `target`, no free text), before any dialog.
   */
  exportXliff: (request: Request, target: Lang, fileName: string): Promise<string | null> =>
    call('export_xliff', { request, target, fileName }),
  /**
   * Asks for a translated XLIFF file and imports it into draft `id` as
   * stored. All or nothing: on success the translation is a new draft,
   * already saved, and draft `id` is unchanged; null when the user cancelled.
   * Rejects (code `xliff`) with every problem, each unit named by its id.
   */
  importXliff: (id: string): Promise<Draft | null> => call('import_xliff', { id }),
};

export type Api = typeof api;
