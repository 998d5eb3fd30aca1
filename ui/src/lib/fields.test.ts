import { describe, expect, it } from 'vitest';
import type { Field } from './generated/Field';
import {
  allowsNoChoice,
  effectiveTimeZone,
  isAnswered,
  isBlank,
  newItem,
  optionLabel,
  toggleOption,
} from './fields';
import { emptyOffence, emptyStoredData, wizardDefinition } from './testing/fixtures';

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

describe('newItem', () => {
  it('copies the group’s item template, nested parts included', () => {
    const storedData = byPath('mla.stored_data');
    const item = newItem(storedData) as ReturnType<typeof emptyStoredData>;
    expect(item).toEqual(emptyStoredData());
    expect(item.data.range.tz).toBe('UTC');
    item.data.range.tz = 'Europe/Paris';
    item.data.categories.push('content');
    const again = newItem(storedData) as ReturnType<typeof emptyStoredData>;
    expect(again.data.range.tz).toBe('UTC');
    expect(again.data.categories).toEqual([]);
    expect(newItem(byPath('offences'))).toEqual(emptyOffence());
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
