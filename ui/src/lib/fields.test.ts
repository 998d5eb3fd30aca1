import { describe, expect, it } from 'vitest';
import { emptyValue, isBlank, itemTemplate } from './fields';
import { wizardDefinition } from './testing/fixtures';

describe('isBlank', () => {
  it('treats null, whitespace, empty lists and all-blank objects as blank', () => {
    for (const v of [null, undefined, '', '   \n', [], { a: '', b: null }]) expect(isBlank(v)).toBe(true);
    for (const v of ['x', [{}], { a: 'x' }, 0, false]) expect(isBlank(v)).toBe(false);
  });
});

describe('itemTemplate', () => {
  it('makes an item with the empty answer of each sub-field', () => {
    const persons = wizardDefinition().steps[2].fields[0];
    if (persons.input.type !== 'group') throw new Error('fixture changed');
    expect(itemTemplate(persons.input.fields)).toEqual({
      role: null,
      family_name: '',
      birth_date: '',
      location: '',
      location_unknown_reason: '',
    });
  });

  it('nests dotted sub-field paths and gives groups an empty list', () => {
    const def = wizardDefinition();
    const offences = def.steps[1].fields[3];
    expect(emptyValue(offences)).toEqual([]);
    const nested = { ...offences, path: 'detail.list' };
    expect(itemTemplate([nested])).toEqual({ detail: { list: [] } });
  });
});
