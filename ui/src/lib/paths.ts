/**
 * Reading and writing values of a request by dotted path, the addressing
 * scheme shared by the wizard definition and the checks
 * (`req_auth.name`, `persons.0.role`). Numeric segments index arrays.
 *
 * Writes never mutate their input: they copy each object and array along the
 * path, so a new request value can be compared, queued and saved safely.
 */

export type Segment = string | number;

const INDEX = /^\d+$/;

/** Splits a dotted path into segments; numeric segments become numbers. */
export function parsePath(path: string): Segment[] {
  if (path === '') return [];
  return path.split('.').map((s) => (INDEX.test(s) ? Number(s) : s));
}

/** Joins path parts, skipping empty ones: `joinPath('persons.1', 'role')`. */
export function joinPath(...parts: Array<string | number>): string {
  return parts
    .map(String)
    .filter((p) => p !== '')
    .join('.');
}

/** Whether `path` is `base` or lies under it (`persons.0.role` is within `persons`). */
export function isWithin(path: string, base: string): boolean {
  if (base === '') return true;
  return path === base || path.startsWith(base + '.');
}

/** The value at `path`, or `undefined` when any step of the way is missing. */
export function getPath(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const segment of parsePath(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (typeof segment !== 'number') return undefined;
      current = current[segment];
    } else {
      current = (current as Record<string, unknown>)[String(segment)];
    }
  }
  return current;
}

function setAt(node: unknown, segments: Segment[], value: unknown): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments;
  if (typeof head === 'number') {
    const list = Array.isArray(node) ? node.slice() : [];
    while (list.length < head) list.push(null);
    list[head] = setAt(list[head], rest, value);
    return list;
  }
  const record: Record<string, unknown> =
    node !== null && typeof node === 'object' && !Array.isArray(node) ? { ...(node as Record<string, unknown>) } : {};
  record[head] = setAt(record[head], rest, value);
  return record;
}

/**
 * A copy of `root` with `value` at `path`. Missing objects and arrays on the
 * way are created. Parts of `root` off the path are shared, not copied.
 */
export function setPath<T>(root: T, path: string, value: unknown): T {
  return setAt(root, parsePath(path), value) as T;
}

/** A copy of `root` with the value at `path` replaced by `update(old)`. */
export function updatePath<T>(root: T, path: string, update: (old: unknown) => unknown): T {
  return setPath(root, path, update(getPath(root, path)));
}
