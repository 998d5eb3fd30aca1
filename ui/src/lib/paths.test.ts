import { describe, expect, it } from 'vitest';
import { getPath, isWithin, joinPath, parsePath, setPath, updatePath } from './paths';

describe('parsePath', () => {
  it('splits on dots and turns numeric segments into indices', () => {
    expect(parsePath('persons.1.role')).toEqual(['persons', 1, 'role']);
    expect(parsePath('req_auth.name')).toEqual(['req_auth', 'name']);
    expect(parsePath('')).toEqual([]);
  });
});

describe('joinPath', () => {
  it('skips empty parts', () => {
    expect(joinPath('', 'req_state')).toBe('req_state');
    expect(joinPath('persons', 0, 'role')).toBe('persons.0.role');
  });
});

describe('isWithin', () => {
  it('accepts the path itself and paths below it, not siblings sharing a prefix', () => {
    expect(isWithin('persons', 'persons')).toBe(true);
    expect(isWithin('persons.0.role', 'persons')).toBe(true);
    expect(isWithin('persons_extra', 'persons')).toBe(false);
    expect(isWithin('req_auth.email', 'req_auth.name')).toBe(false);
  });
});

describe('getPath', () => {
  const root = { req_auth: { name: 'PPO' }, persons: [{ role: 'witness' }, { role: null }] };

  it('reads nested objects and array items', () => {
    expect(getPath(root, 'req_auth.name')).toBe('PPO');
    expect(getPath(root, 'persons.0.role')).toBe('witness');
    expect(getPath(root, 'persons.1.role')).toBeNull();
    expect(getPath(root, 'persons')).toBe(root.persons);
  });

  it('returns undefined for missing steps instead of throwing', () => {
    expect(getPath(root, 'persons.5.role')).toBeUndefined();
    expect(getPath(root, 'req_auth.name.first')).toBeUndefined();
    expect(getPath(root, 'nothing.here')).toBeUndefined();
    expect(getPath(root, 'persons.role')).toBeUndefined();
  });
});

describe('setPath', () => {
  it('writes a copy and leaves the original untouched', () => {
    const root = { req_auth: { name: '', email: 'a@b' }, basis: { primary: null } };
    const next = setPath(root, 'req_auth.name', 'PPO');
    expect(next.req_auth).toEqual({ name: 'PPO', email: 'a@b' });
    expect(root.req_auth.name).toBe('');
    expect(next).not.toBe(root);
    expect(next.basis).toBe(root.basis); // untouched branches are shared
  });

  it('writes into array items by index', () => {
    const root = { persons: [{ role: null, family_name: 'A' }, { role: null, family_name: 'B' }] };
    const next = setPath(root, 'persons.1.role', 'witness');
    expect(next.persons[1]).toEqual({ role: 'witness', family_name: 'B' });
    expect(next.persons[0]).toBe(root.persons[0]);
    expect(root.persons[1].role).toBeNull();
    expect(Array.isArray(next.persons)).toBe(true);
  });

  it('creates missing objects and arrays on the way', () => {
    const next = setPath({} as Record<string, unknown>, 'offences.0.name', 'Fraud');
    expect(next).toEqual({ offences: [{ name: 'Fraud' }] });
  });

  it('replaces the whole value for an empty path', () => {
    expect(setPath({ a: 1 }, '', { b: 2 })).toEqual({ b: 2 });
  });
});

describe('updatePath', () => {
  it('passes the old value to the update', () => {
    const next = updatePath({ list: [1, 2] }, 'list', (old) => [...(old as number[]), 3]);
    expect(next.list).toEqual([1, 2, 3]);
  });
});
