/**
 * Facts about wizard fields that do not depend on the UI: blankness of an
 * answer, the empty value of each kind of control, and new group items.
 */
import type { Field } from './generated/Field';
import { setPath } from './paths';

/** Whether an answer counts as not given: null, blank text, an empty list. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).every(isBlank);
  return false;
}

/** The answer of a field that has not been filled in. */
export function emptyValue(field: Field): unknown {
  switch (field.input.type) {
    case 'group':
      return [];
    case 'choice':
      return null;
    default:
      return '';
  }
}

/** A new, empty item of a group with the given sub-fields. */
export function itemTemplate(fields: readonly Field[]): Record<string, unknown> {
  let item: Record<string, unknown> = {};
  for (const field of fields) item = setPath(item, field.path, emptyValue(field));
  return item;
}

/** Sub-fields of a group field; empty for any other kind. */
export function groupFields(field: Field): Field[] {
  return field.input.type === 'group' ? field.input.fields : [];
}
