import { describe, expect, it } from 'vitest';
import { addItem, duplicateItem, itemSummary, moveItem, removeItem } from './groups';
import { wizardDefinition } from './testing/fixtures';

describe('group operations', () => {
  const list = ['a', 'b', 'c'];

  it('add appends without touching the input, and accepts a missing list', () => {
    expect(addItem(list, 'd')).toEqual(['a', 'b', 'c', 'd']);
    expect(list).toEqual(['a', 'b', 'c']);
    expect(addItem(null, 'x')).toEqual(['x']);
  });

  it('remove drops one item', () => {
    expect(removeItem(list, 1)).toEqual(['a', 'c']);
    expect(removeItem(list, 7)).toEqual(list);
    expect(removeItem(list, -1)).toEqual(list);
  });

  it('move reorders up and down, ignoring moves past the ends', () => {
    expect(moveItem(list, 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(list, 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(list, 0, -1)).toEqual(list);
    expect(moveItem(list, 2, 3)).toEqual(list);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('duplicate inserts an independent deep copy right after the item', () => {
    const people = [{ name: 'A', tags: ['x'] }, { name: 'B', tags: [] as string[] }];
    const next = duplicateItem(people, 0);
    expect(next.map((p) => p.name)).toEqual(['A', 'A', 'B']);
    expect(next[1]).toEqual(people[0]);
    expect(next[1]).not.toBe(people[0]);
    next[1].tags.push('y');
    expect(people[0].tags).toEqual(['x']);
  });
});

describe('item summary', () => {
  const persons = wizardDefinition()
    .steps.flatMap((s) => s.fields)
    .find((f) => f.path === 'persons');
  const fields = persons && persons.input.type === 'group' ? persons.input.fields : [];

  it('names a person by the name when there is one', () => {
    expect(fields.length).toBeGreaterThan(0);
    expect(itemSummary(fields, { type: 'natural', family_name: 'Voss', description: 'Tall man' })).toBe('Voss');
  });

  it('names a person whose name is unknown by the first line of the description', () => {
    const described = { type: 'natural', family_name: '', description: '\nMan of about 30 who collected the cash at the Port Lyle branch on 4 May\nUses +47 912 34 567' };
    expect(itemSummary(fields, described)).toBe('Man of about 30 who collected the cash at the Port Lyle b…');
    expect(itemSummary(fields, { type: 'natural' })).toBe('');
  });
});
