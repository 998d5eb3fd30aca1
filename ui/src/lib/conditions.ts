/**
 * `show_when`: a field is shown only while another answer of the same scope
 * (the request, or the same group item) has one of the listed values.
 */
import type { Field } from './generated/Field';
import { getPath, joinPath } from './paths';

/** Text form of an answer, as condition values are written (`null` is ""). */
function asConditionValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/**
 * Whether `field` is shown. `scope` is the path of the item the field belongs
 * to (`persons.1`), or "" for a top-level field.
 */
export function isShown(field: Field, root: unknown, scope = ''): boolean {
  const condition = field.show_when;
  if (!condition) return true;
  const value = asConditionValue(getPath(root, joinPath(scope, condition.path)));
  return condition.one_of.includes(value);
}
