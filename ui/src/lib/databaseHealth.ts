/**
 * The full check of the database, run in the background once the start
 * screen is shown, and the way out of a damaged one: export every draft that
 * can still be read into a folder. The quick check on open already keeps a
 * damaged database from being written; this one finds what it misses, and
 * says so on the start screen.
 */
import { errorMessage } from './api';
import type { IntegrityReport } from './generated/IntegrityReport';
import type { ReadableExport } from './generated/ReadableExport';

/** What the start screen knows about the database. */
export type DatabaseHealth =
  | { kind: 'checking' }
  | { kind: 'sound' }
  | { kind: 'damaged'; problems: string[] }
  /** The check itself failed; the start screen says nothing (the store's own errors say it). */
  | { kind: 'unchecked'; message: string };

/** Where the export of the readable drafts stands. */
export type RescueState =
  | { kind: 'idle' }
  | { kind: 'exporting' }
  | { kind: 'done'; written: number; unreadable: number }
  | { kind: 'error'; message: string };

/** The commands this needs. */
export interface HealthApi {
  checkDatabase: () => Promise<IntegrityReport>;
  exportReadableDrafts: () => Promise<ReadableExport | null>;
}

/** Runs the full check; never rejects. */
export async function checkDatabase(api: HealthApi): Promise<DatabaseHealth> {
  try {
    const report = await api.checkDatabase();
    return report.problems.length === 0 ? { kind: 'sound' } : { kind: 'damaged', problems: report.problems };
  } catch (error) {
    return { kind: 'unchecked', message: errorMessage(error) };
  }
}

/**
 * Asks for a folder and writes the readable drafts into it; `idle` again
 * when the user cancelled. Never rejects.
 */
export async function exportReadable(api: HealthApi): Promise<RescueState> {
  try {
    const result = await api.exportReadableDrafts();
    if (result === null) return { kind: 'idle' };
    return { kind: 'done', written: result.written.length, unreadable: result.unreadable.length };
  } catch (error) {
    return { kind: 'error', message: errorMessage(error) };
  }
}

/** The `ui.*` key (and its values) wording a finished export. */
export function rescueMessage(state: { written: number; unreadable: number }): { key: string; params: Record<string, string> } {
  return state.unreadable === 0
    ? { key: 'ui.damaged.exported', params: { count: String(state.written) } }
    : { key: 'ui.damaged.exported_some', params: { count: String(state.written), unreadable: String(state.unreadable) } };
}

let sessionCheck: Promise<DatabaseHealth> | null = null;

/** The full check, run once a session (the start screen is shown again and again). */
export function checkDatabaseOnce(api: HealthApi): Promise<DatabaseHealth> {
  sessionCheck ??= checkDatabase(api);
  return sessionCheck;
}
