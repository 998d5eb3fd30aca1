/**
 * The revision history of a draft as the history screen shows it: the
 * revisions newest first, what each changed (the changed answers labelled as
 * the wizard asks them), which two revisions to compare at first, and the
 * names proposed for an exported revision.
 */
import type { Field } from './generated/Field';
import type { RevisionEntry } from './generated/RevisionEntry';
import type { WizardDefinition } from './generated/WizardDefinition';
import type { Params } from './i18n.svelte';
import { fileName } from './exchange';

/**
 * The label of the answer at a dotted path as the wizard asks it, with the
 * item for a field of a list ("Person 3: Family name"), a list item alone
 * ("Person 3"); the path itself when the wizard has no such field (as the
 * core labels changes).
 */
export function pathLabel(definition: WizardDefinition, path: string): string {
  const within = (fields: Field[], rest: string, prefix: string): string | null => {
    for (const field of fields) {
      if (rest === field.path) return `${prefix}${field.label}`;
      if (field.input.type !== 'group' || !rest.startsWith(`${field.path}.`)) continue;
      const [index, ...tail] = rest.slice(field.path.length + 1).split('.');
      if (!/^\d+$/.test(index)) continue;
      const item = `${prefix}${field.input.item_label} ${Number(index) + 1}`;
      if (tail.length === 0) return item;
      const found = within(field.input.fields, tail.join('.'), `${item}: `);
      if (found !== null) return found;
    }
    return null;
  };
  for (const step of definition.steps) {
    const found = within(step.fields, path, '');
    if (found !== null) return found;
  }
  return path;
}

/** The revisions, newest first. */
export function newestFirst(entries: readonly RevisionEntry[]): RevisionEntry[] {
  return [...entries].sort((a, b) => b.number - a.number);
}

/**
 * What a revision did, in a line: created the draft, restored another
 * revision, or changed these answers.
 */
export function entrySummary(
  entry: RevisionEntry,
  definition: WizardDefinition,
  t: (key: string, params?: Params) => string,
): string {
  if (entry.number === 1) return t('ui.revisions.created');
  const fields = entry.changes.map((path) => pathLabel(definition, path)).join(', ');
  const changed = t('ui.revisions.changed', { fields });
  return entry.restored_from === null ? changed : `${t('ui.revisions.restored_from', { number: entry.restored_from })} · ${changed}`;
}

/** The two revisions compared when the history opens: the latest and the one before it; null with one revision. */
export function initialComparison(entries: readonly RevisionEntry[]): { from: number; to: number } | null {
  const numbers = entries.map((e) => e.number).sort((a, b) => a - b);
  if (numbers.length < 2) return null;
  return { from: numbers[numbers.length - 2], to: numbers[numbers.length - 1] };
}

/** The proposed file name of revision `number` of the draft titled `title`. */
export function revisionFileName(title: string, number: number, extension: 'pdf' | 'docx'): string {
  return fileName(`${title} rev ${number}`, extension);
}
