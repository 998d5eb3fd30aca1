import type { Field } from './generated/Field';
import { isBlank } from './fields';
import { getPath } from './paths';

/**
 * Operations on the items of a repeatable group. Each returns a new array and
 * leaves its input untouched; an out-of-range index returns an unchanged copy.
 */

function inRange(list: readonly unknown[], index: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < list.length;
}

/** Appends `item`. */
export function addItem<T>(list: readonly T[] | null | undefined, item: T): T[] {
  return [...(list ?? []), item];
}

/** Removes the item at `index`. */
export function removeItem<T>(list: readonly T[], index: number): T[] {
  if (!inRange(list, index)) return list.slice();
  return [...list.slice(0, index), ...list.slice(index + 1)];
}

/** Moves the item at `from` to position `to`. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (!inRange(list, from) || !inRange(list, to) || from === to) return list.slice();
  const copy = list.slice();
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}

/** Inserts a deep copy of the item at `index` right after it. */
export function duplicateItem<T>(list: readonly T[], index: number): T[] {
  if (!inRange(list, index)) return list.slice();
  const copy = structuredClone(list[index]);
  return [...list.slice(0, index + 1), copy, ...list.slice(index + 1)];
}

/**
 * A few words naming an item of a group: its first answered one-line text
 * field or, when it has none, the first line of its first answered
 * multi-line one (a person whose name is unknown is named by the
 * description). At most 60 characters.
 */
export function itemSummary(fields: readonly Field[], item: unknown): string {
  for (const type of ['text', 'multiline']) {
    for (const f of fields) {
      if (f.input.type !== type) continue;
      const v = getPath(item, f.path);
      if (typeof v === 'string' && !isBlank(v)) {
        const t = v.trim().split('\n')[0].trim();
        return t.length > 60 ? t.slice(0, 57) + '…' : t;
      }
    }
  }
  return '';
}
