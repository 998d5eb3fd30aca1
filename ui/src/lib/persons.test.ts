import { describe, expect, it } from 'vitest';
import { emptyPerson } from './testing/fixtures';
import { personName, personNames } from './persons';

describe('the names offered for the persons', () => {
  it('are the family and given names, or the first line of a description, each once', () => {
    const persons = [
      { ...emptyPerson(), family_name: 'BRENNER', given_names: 'Tomas Alexander' },
      { ...emptyPerson(), family_name: 'Halvard Logistics AS' },
      { ...emptyPerson(), description: 'Man of about 30, user of north_wolf_77\nTall, dark hair' },
      { ...emptyPerson() },
      { ...emptyPerson(), family_name: 'BRENNER', given_names: 'Tomas Alexander' },
    ];
    expect(personNames(persons)).toEqual(['BRENNER Tomas Alexander', 'Halvard Logistics AS', 'Man of about 30, user of north_wolf_77']);
    expect(personName(emptyPerson())).toBe('');
  });
});
