import { describe, expect, it } from 'vitest';
import { isShown } from './conditions';
import { emptyRequest, wizardDefinition } from './testing/fixtures';

const def = wizardDefinition();
const citation = def.steps[0].fields.find((f) => f.path === 'basis.treaty_citation')!;
const persons = def.steps[2].fields[0];
const reason = persons.input.type === 'group' ? persons.input.fields.find((f) => f.path === 'location_unknown_reason')! : null!;

describe('isShown', () => {
  it('shows a field without a condition', () => {
    expect(isShown(def.steps[0].fields[0], emptyRequest())).toBe(true);
  });

  it('shows a conditional field only for the listed values', () => {
    const r = emptyRequest();
    expect(isShown(citation, r)).toBe(false);
    r.basis.primary = 'UNTOC_18';
    expect(isShown(citation, r)).toBe(false);
    r.basis.primary = 'BILATERAL';
    expect(isShown(citation, r)).toBe(true);
  });

  it('reads the condition in the same group item as the field', () => {
    const r = emptyRequest();
    r.persons = [
      { role: 'victim', family_name: '', given_names: '', birth_date: '', nationalities: '', location: '', location_unknown_reason: '' },
      { role: 'witness', family_name: '', given_names: '', birth_date: '', nationalities: '', location: '', location_unknown_reason: '' },
    ];
    expect(isShown(reason, r, 'persons.0')).toBe(false);
    expect(isShown(reason, r, 'persons.1')).toBe(true);
  });
});
