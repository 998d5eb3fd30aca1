import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Condition } from './generated/Condition';
import type { Field } from './generated/Field';
import { conditionHolds, conditionValues, isShown } from './conditions';
import { emptyPerson, emptyRequest, emptyStoredData, wizardDefinition } from './testing/fixtures';

const def = wizardDefinition();
const byPath = (stepId: string, path: string): Field => def.steps.find((s) => s.id === stepId)!.fields.find((f) => f.path === path)!;
const subField = (group: Field, path: string): Field =>
  (group.input.type === 'group' ? group.input.fields : []).find((f) => f.path === path)!;

const citation = byPath('basis', 'basis.treaty_citation');
const modules = byPath('kind', 'mla.modules');
const preservationRef = byPath('kind', 'consult.preservation_ref');
const reasons = byPath('handling', 'urgency.reasons');
const givenNames = subField(byPath('persons', 'persons'), 'given_names');
const contentWhy = subField(byPath('m6', 'mla.stored_data'), 'content_justification');

describe('conditionValues', () => {
  it('reads text, booleans and numbers as text, lists element by element, and nothing as none', () => {
    expect(conditionValues('BILATERAL')).toEqual(['BILATERAL']);
    expect(conditionValues(true)).toEqual(['true']);
    expect(conditionValues(false)).toEqual(['false']);
    expect(conditionValues(3)).toEqual(['3']);
    expect(conditionValues(['a', 'b'])).toEqual(['a', 'b']);
    expect(conditionValues(null)).toEqual([]);
    expect(conditionValues(undefined)).toEqual([]);
    expect(conditionValues({ a: 'x' })).toEqual([]);
  });
});

/** The cases the Rust side (`Condition::holds`) passes too. */
const SHARED: {
  cases: Array<{ name: string; scope: unknown; condition: { path: string; one_of: string[]; negated?: boolean; also?: Condition }; holds: boolean }>;
} = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'tests', 'conditions.json'), 'utf8'));

describe('conditionHolds', () => {
  it('passes every case of the table shared with the core', () => {
    expect(SHARED.cases.length).toBeGreaterThanOrEqual(20);
    const wrong = SHARED.cases.filter((c) => conditionHolds({ negated: false, ...c.condition }, c.scope) !== c.holds).map((c) => c.name);
    expect(wrong).toEqual([]);
  });

  it('holds without a condition', () => {
    expect(conditionHolds(null, {})).toBe(true);
  });

  it('never matches a missing answer, even against an empty value', () => {
    expect(conditionHolds({ path: 'a', one_of: ['', 'null'], negated: false }, { a: null })).toBe(false);
    expect(conditionHolds({ path: 'b', one_of: ['', 'undefined'], negated: false }, {})).toBe(false);
  });
});

describe('isShown', () => {
  it('shows a field without a condition', () => {
    expect(isShown(def.steps[1].fields[0], emptyRequest())).toBe(true);
  });

  it('shows a conditional field only for the listed values of a choice', () => {
    const r = emptyRequest();
    expect(isShown(citation, r)).toBe(false);
    r.basis.primary = 'UNTOC_18';
    expect(isShown(citation, r)).toBe(false);
    r.basis.primary = 'BILATERAL';
    expect(isShown(citation, r)).toBe(true);
  });

  it('compares a yes/no answer as "true" or "false"', () => {
    const r = emptyRequest();
    expect(isShown(preservationRef, r)).toBe(false);
    r.mla.follows_preservation = true;
    expect(isShown(preservationRef, r)).toBe(true);
    r.mla.follows_preservation = false;
    expect(isShown(preservationRef, r)).toBe(false);
    expect(isShown({ ...preservationRef, show_when: { path: 'mla.follows_preservation', one_of: ['false'], negated: false } }, r)).toBe(true);
  });

  it('holds for a list when any of its elements is listed', () => {
    const r = emptyRequest();
    r.urgency.flag = true;
    expect(isShown(reasons, r)).toBe(true);
    const onContent = { ...reasons, show_when: { path: 'urgency.reasons', one_of: ['risk_to_life'], negated: false } };
    expect(isShown(onContent, r)).toBe(false);
    r.urgency.reasons = ['custody_limit', 'risk_to_life'];
    expect(isShown(onContent, r)).toBe(true);
    r.urgency.reasons = ['custody_limit'];
    expect(isShown(onContent, r)).toBe(false);
  });

  it('reads the request kind for fields of every kind', () => {
    const r = emptyRequest();
    expect(isShown(modules, r)).toBe(true);
    r.kind = 'preservation';
    expect(isShown(modules, r)).toBe(false);
  });

  it('reads the condition in the same group item as the field', () => {
    const r = emptyRequest();
    r.persons = [
      { ...emptyPerson(), type: 'legal' },
      { ...emptyPerson(), type: 'natural' },
    ];
    expect(isShown(givenNames, r, 'persons.0')).toBe(false);
    expect(isShown(givenNames, r, 'persons.1')).toBe(true);
  });

  it('reads a nested path inside the item, a list there included', () => {
    const r = emptyRequest();
    const plain = emptyStoredData();
    const content = emptyStoredData();
    content.data.categories = ['subscriber', 'content'];
    r.mla.stored_data = [plain, content];
    expect(isShown(contentWhy, r, 'mla.stored_data.0')).toBe(false);
    expect(isShown(contentWhy, r, 'mla.stored_data.1')).toBe(true);
  });
});
