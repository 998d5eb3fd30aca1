/**
 * The answers of a request as the review lists them: by shown step, every
 * shown field with its answer in words (options by their labels), and for a
 * group each item's answers.
 */
import type { Field } from './generated/Field';
import type { Step } from './generated/Step';
import { isShown } from './conditions';
import { effectiveTimeZone, fieldOptions, groupFields, isBlank, optionLabel, selectedValues } from './fields';
import { isIsoDate, readStoredDateTime } from './dates';
import { getPath, joinPath } from './paths';
import { stateNames } from './states.svelte';
import { languageNames } from './languages.svelte';

/** One answer in words; `yes`, `no` and `blank` are worded by the interface. */
export type AnswerValue =
  | { kind: 'blank' }
  | { kind: 'yes' }
  | { kind: 'no' }
  | { kind: 'text'; text: string }
  /** A date, and its time for a date and time, worded in the interface language beside its ISO form. */
  | { kind: 'date'; iso: string; time?: string }
  | { kind: 'list'; items: string[] };

export interface ReviewAnswer {
  kind: 'answer';
  /** Full path of the answer. */
  path: string;
  label: string;
  required: boolean;
  /** The kind of control that asks it. */
  input: Field['input']['type'];
  value: AnswerValue;
}

export interface ReviewItem {
  /** Full path of the item (`offences.0`). */
  path: string;
  /** Position, from 1. */
  number: number;
  entries: ReviewEntry[];
}

export interface ReviewGroup {
  kind: 'group';
  /** Full path of the list. */
  path: string;
  label: string;
  itemLabel: string;
  required: boolean;
  items: ReviewItem[];
}

export type ReviewEntry = ReviewAnswer | ReviewGroup;

export interface ReviewSection {
  step: Step;
  entries: ReviewEntry[];
}

/** The answer of a field (other than a group) in words. */
export function describeAnswer(field: Field, value: unknown): AnswerValue {
  switch (field.input.type) {
    case 'boolean':
      return value === true ? { kind: 'yes' } : { kind: 'no' };
    case 'time_zone':
      return { kind: 'text', text: effectiveTimeZone(value) };
    case 'state':
      return isBlank(value) ? { kind: 'blank' } : { kind: 'text', text: stateNames.name(String(value)) };
    case 'language':
      return isBlank(value) ? { kind: 'blank' } : { kind: 'text', text: languageNames.name(String(value)) };
    case 'languages': {
      const codes = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
      return codes.length === 0 ? { kind: 'blank' } : { kind: 'list', items: codes.map(languageNames.name) };
    }
    case 'choice':
      return typeof value === 'string' && value !== ''
        ? { kind: 'text', text: optionLabel(fieldOptions(field), value) }
        : { kind: 'blank' };
    case 'multi_choice': {
      const options = fieldOptions(field);
      const values = selectedValues(value);
      return values.length === 0 ? { kind: 'blank' } : { kind: 'list', items: values.map((v) => optionLabel(options, v)) };
    }
    case 'date':
      return isBlank(value) ? { kind: 'blank' } : isIsoDate(String(value)) ? { kind: 'date', iso: String(value) } : { kind: 'text', text: String(value) };
    case 'date_time': {
      if (isBlank(value)) return { kind: 'blank' };
      const read = readStoredDateTime(String(value));
      return read ? { kind: 'date', iso: read.iso, time: read.time } : { kind: 'text', text: String(value) };
    }
    default:
      return isBlank(value) || typeof value === 'object' ? { kind: 'blank' } : { kind: 'text', text: String(value) };
  }
}

/** The entries of the shown `fields` under `scope`. */
export function reviewEntries(fields: readonly Field[], root: unknown, scope = ''): ReviewEntry[] {
  const entries: ReviewEntry[] = [];
  for (const field of fields) {
    if (!isShown(field, root, scope)) continue;
    const path = joinPath(scope, field.path);
    const value = getPath(root, path);
    if (field.input.type === 'group') {
      const list = Array.isArray(value) ? value : [];
      entries.push({
        kind: 'group',
        path,
        label: field.label,
        itemLabel: field.input.item_label,
        required: field.required,
        items: list.map((_, i) => ({
          path: joinPath(path, i),
          number: i + 1,
          entries: reviewEntries(groupFields(field), root, joinPath(path, i)),
        })),
      });
    } else {
      entries.push({
        kind: 'answer',
        path,
        label: field.label,
        required: field.required,
        input: field.input.type,
        value: describeAnswer(field, value),
      });
    }
  }
  return entries;
}

/** Every shown step with its shown answers. */
export function reviewSections(steps: readonly Step[], root: unknown): ReviewSection[] {
  return steps.map((step) => ({ step, entries: reviewEntries(step.fields, root) }));
}
