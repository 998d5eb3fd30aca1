/**
 * `show_when`: a field or a step is shown only while another answer has one
 * of the listed values. The condition holds when the answer — or, for a list,
 * any of its elements — is one of `one_of`. Booleans compare as "true" and
 * "false"; a missing answer (null or undefined) never matches. A negated
 * condition is turned round: it holds when the answer is none of `one_of`
 * (a missing answer included), as for a field shown while a choice is empty.
 * A condition with `also` holds only when that second condition, read in the
 * same scope, holds too.
 *
 * A field's condition is read in the field's scope (the request, or the group
 * item the field belongs to); a step's condition from the request root.
 */
import type { Condition } from './generated/Condition';
import type { Field } from './generated/Field';
import { getPath, joinPath } from './paths';

/** The text forms of an answer that a condition compares. */
export function conditionValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => (Array.isArray(v) ? [] : conditionValues(v)));
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint') return [String(value)];
  return [];
}

/** Whether `condition` holds; no condition always holds. */
export function conditionHolds(condition: Condition | null | undefined, root: unknown, scope = ''): boolean {
  if (!condition) return true;
  const values = conditionValues(getPath(root, joinPath(scope, condition.path)));
  return values.some((v) => condition.one_of.includes(v)) !== condition.negated && conditionHolds(condition.also, root, scope);
}

/**
 * Whether `field` is shown. `scope` is the path of the item the field belongs
 * to (`persons.1`), or "" for a top-level field.
 */
export function isShown(field: Field, root: unknown, scope = ''): boolean {
  return conditionHolds(field.show_when, root, scope);
}
