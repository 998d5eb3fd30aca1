/**
 * Facts about wizard fields that do not depend on the UI: blankness of an
 * answer, the empty value of each kind of control, new group items and the
 * answer of a multiple choice.
 */
import type { ChoiceOption } from './generated/ChoiceOption';
import type { Field } from './generated/Field';

/** The time zone a data range is in when none is given. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** Common time zones offered while typing one; any other may be written. */
export const COMMON_TIME_ZONES: readonly string[] = [
  'UTC',
  'Europe/London',
  'Europe/Paris',
  'Europe/Moscow',
  'America/New_York',
  'America/Sao_Paulo',
  'Asia/Shanghai',
  'Asia/Dubai',
  'Africa/Cairo',
  'Africa/Lagos',
  'Asia/Tokyo',
  'Australia/Sydney',
];

/**
 * Choices whose answer may not be null in the request model (`Request.kind`
 * is a `RequestKind`, never null): they offer no "— choose —" entry.
 */
const NON_NULL_CHOICES: ReadonlySet<string> = new Set(['kind']);

/** Whether an answer counts as not given: null, blank text, an empty list. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).every(isBlank);
  return false;
}

/**
 * Whether `value` answers `field`: a yes/no answer only when ticked (an
 * unticked box is the default, and a required one is an undertaking that must
 * be given), a time zone always (empty means UTC), anything else when not
 * blank.
 */
export function isAnswered(field: Field, value: unknown): boolean {
  switch (field.input.type) {
    case 'boolean':
      return value === true;
    case 'time_zone':
      return true;
    default:
      return !isBlank(value);
  }
}

/** The time zone an answer stands for: the default when blank. */
export function effectiveTimeZone(value: unknown): string {
  return typeof value === 'string' && value.trim() !== '' ? value : DEFAULT_TIME_ZONE;
}

/** Whether a choice may be set back to "not chosen" (null). */
export function allowsNoChoice(path: string): boolean {
  return !NON_NULL_CHOICES.has(path);
}

/**
 * A new, empty item of a group: an independent copy of the template the core
 * sends, exactly as the model defines an empty item.
 */
export function newItem(field: Field): unknown {
  if (field.input.type !== 'group') return null;
  return structuredClone(field.input.item_template);
}

/** Sub-fields of a group field; empty for any other kind. */
export function groupFields(field: Field): Field[] {
  return field.input.type === 'group' ? field.input.fields : [];
}

/** Options of a choice or multiple choice; empty for any other kind. */
export function fieldOptions(field: Field): ChoiceOption[] {
  return field.input.type === 'choice' || field.input.type === 'multi_choice' ? field.input.options : [];
}

/** The values of a multiple choice's answer (anything else counts as none). */
export function selectedValues(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The answer of a multiple choice after ticking (or unticking) `value`: the
 * ticked values in the order of the options. Values the options do not know
 * are kept, after them, so that nothing typed elsewhere is lost.
 */
export function toggleOption(options: readonly ChoiceOption[], current: unknown, value: string, checked: boolean): string[] {
  const selected = new Set(selectedValues(current));
  if (checked) selected.add(value);
  else selected.delete(value);
  const known = options.map((o) => o.value);
  return [...known.filter((v) => selected.has(v)), ...[...selected].filter((v) => !known.includes(v))];
}

/** The wording of an option value, or the value itself when unknown. */
export function optionLabel(options: readonly ChoiceOption[], value: string): string {
  return options.find((o) => o.value === value)?.label ?? value;
}
