import { describe, expect, it } from 'vitest';
import type { Field } from './generated/Field';
import {
  allowsNoChoice,
  effectiveTimeZone,
  emptyValue,
  isAnswered,
  isBlank,
  itemFromFields,
  newItem,
  optionLabel,
  toggleOption,
} from './fields';
import { OFFENCE_TEMPLATE, STORED_DATA_TEMPLATE, wizardDefinition } from './testing/fixtures';

const def = wizardDefinition();
const byPath = (path: string): Field => def.steps.flatMap((s) => s.fields).find((f) => f.path === path)!;
const options = [
  { value: 'subscriber', label: 'Subscriber' },
  { value: 'traffic', label: 'Traffic' },
  { value: 'content', label: 'Content' },
];

describe('isBlank', () => {
  it('treats null, whitespace, empty lists and all-blank objects as blank', () => {
    for (const v of [null, undefined, '', '   \n', [], { a: '', b: null }]) expect(isBlank(v)).toBe(true);
    for (const v of ['x', [{}], { a: 'x' }, 0, false]) expect(isBlank(v)).toBe(false);
  });
});

describe('isAnswered', () => {
  it('counts a yes/no answer only when ticked, and a time zone always', () => {
    const flag = byPath('urgency.flag');
    expect(isAnswered(flag, false)).toBe(false);
    expect(isAnswered(flag, true)).toBe(true);
    const tz = { ...flag, input: { type: 'time_zone' as const } };
    expect(isAnswered(tz, '')).toBe(true);
    expect(isAnswered(byPath('mla.modules'), [])).toBe(false);
    expect(isAnswered(byPath('mla.modules'), ['other'])).toBe(true);
    expect(isAnswered(byPath('req_auth.name'), ' ')).toBe(false);
  });
});

describe('emptyValue', () => {
  it('gives each kind of control its empty answer', () => {
    expect(emptyValue(byPath('offences'))).toEqual([]);
    expect(emptyValue(byPath('mla.modules'))).toEqual([]);
    expect(emptyValue(byPath('basis.primary'))).toBeNull();
    expect(emptyValue(byPath('urgency.flag'))).toBe(false);
    expect(emptyValue(byPath('req_auth.name'))).toBe('');
  });
});

describe('newItem', () => {
  it('copies the group’s item template, nested parts included', () => {
    const storedData = byPath('mla.stored_data');
    const item = newItem(storedData) as typeof STORED_DATA_TEMPLATE;
    expect(item).toEqual(STORED_DATA_TEMPLATE);
    expect(item.data.range.tz).toBe('UTC');
    item.data.range.tz = 'Europe/Paris';
    (item.data.categories as string[]).push('content');
    const again = newItem(storedData) as typeof STORED_DATA_TEMPLATE;
    expect(again.data.range.tz).toBe('UTC');
    expect(again.data.categories).toEqual([]);
    expect(newItem(byPath('offences'))).toEqual(OFFENCE_TEMPLATE);
  });

  it('builds the item from the sub-fields when the core sends no template', () => {
    expect(newItem(byPath('persons'))).toEqual({
      role: null,
      family_name: '',
      birth_date: '',
      location: '',
      location_unknown_reason: '',
    });
    expect(itemFromFields([{ ...byPath('mla.modules'), path: 'data.categories' }])).toEqual({ data: { categories: [] } });
    expect(newItem(byPath('req_auth.name'))).toBeNull();
  });
});

describe('toggleOption', () => {
  it('keeps the ticked values in the order of the options', () => {
    expect(toggleOption(options, [], 'content', true)).toEqual(['content']);
    expect(toggleOption(options, ['content'], 'subscriber', true)).toEqual(['subscriber', 'content']);
    expect(toggleOption(options, ['subscriber', 'content'], 'traffic', true)).toEqual(['subscriber', 'traffic', 'content']);
    expect(toggleOption(options, ['subscriber', 'traffic', 'content'], 'traffic', false)).toEqual(['subscriber', 'content']);
  });

  it('treats a missing answer as none and never duplicates a value', () => {
    expect(toggleOption(options, null, 'traffic', true)).toEqual(['traffic']);
    expect(toggleOption(options, ['traffic'], 'traffic', true)).toEqual(['traffic']);
  });

  it('keeps values the options do not know, after the known ones', () => {
    expect(toggleOption(options, ['legacy', 'content'], 'subscriber', true)).toEqual(['subscriber', 'content', 'legacy']);
  });
});

describe('wording of answers', () => {
  it('words an option by its label, or by its value when unknown', () => {
    expect(optionLabel(options, 'traffic')).toBe('Traffic');
    expect(optionLabel(options, 'other')).toBe('other');
  });

  it('reads an empty time zone as UTC', () => {
    expect(effectiveTimeZone('')).toBe('UTC');
    expect(effectiveTimeZone(null)).toBe('UTC');
    expect(effectiveTimeZone('Asia/Tokyo')).toBe('Asia/Tokyo');
  });

  it('offers no empty choice for the kind of request, which may not be null', () => {
    expect(allowsNoChoice('kind')).toBe(false);
    expect(allowsNoChoice('basis.primary')).toBe(true);
  });
});
