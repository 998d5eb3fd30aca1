import { describe, expect, it } from 'vitest';
import type { Authority } from './generated/Authority';
import type { StateEntry } from './generated/StateEntry';
import demo from './testing/generated/directory.json';
import { formOf, phoneOf, recordChanges, withForm } from './directoryEdit';

const norland = (demo as unknown as StateEntry[]).find((e) => e.state_id === 'XN')!;
const ministry: Authority = norland.authorities[0];

describe('the edit form of an authority', () => {
  it("gives back the authority's details unchanged when nothing is edited", () => {
    expect(formOf(withForm(ministry, formOf(ministry), 'XN'))).toEqual(formOf(ministry));
  });

  it('reads e-mail addresses and telephone numbers one per line, with an optional label', () => {
    const form = { ...formOf(ministry), emails: ' a@x.example \n\n b@x.example', phones: '24/7: +00 20 555 0101\n+00 20 555 0102' };
    const edited = withForm(ministry, form, 'XN');
    expect(edited.email).toEqual(['a@x.example', 'b@x.example']);
    expect(edited.phone).toEqual([
      { label: '24/7', number: '+00 20 555 0101' },
      { label: '', number: '+00 20 555 0102' },
    ]);
    expect(phoneOf('office : +1')).toEqual({ label: 'office', number: '+1' });
  });

  it('drops an address left empty, and keeps the country of one typed', () => {
    const emptied = withForm(ministry, { ...formOf(ministry), street: ' ', postal_code: '', city: '' }, 'XN');
    expect(emptied.postal_address).toBeUndefined();
    const typed = withForm({ ...ministry, postal_address: undefined }, { ...formOf(ministry), street: '9 Quay', city: 'Nordhavn' }, 'XN');
    expect(typed.postal_address).toEqual({ street: '9 Quay', postal_code: ministry.postal_address?.postal_code ?? '', city: 'Nordhavn', country: 'XN' });
  });

  it('keeps every field the form does not show', () => {
    const edited = withForm(ministry, { ...formOf(ministry), name: 'Renamed' }, 'XN');
    expect(edited.roles).toEqual(ministry.roles);
    expect(edited.instruments).toEqual(ministry.instruments);
    expect(edited.authority_id).toBe(ministry.authority_id);
    expect(edited.name).toBe('Renamed');
  });
});

describe('a change of the directory history', () => {
  it('is read record by record: one line for a record added, its fields for one changed', () => {
    const changes = recordChanges([
      { authority_id: '', record: 'new', field: 'name', new: 'Norland', erased: false },
      { authority_id: '', record: 'new', field: 'fictitious', new: 'true', erased: false },
      { authority_id: 'a1', record: 'changed', field: 'email', old: '["a@x"]', new: '["b@x"]', erased: false },
      { authority_id: 'a2', record: 'removed', field: '', erased: true },
      { authority_id: 'a1', record: 'changed', field: 'hours', old: '9–5', new: '8–4', erased: false },
    ]);
    expect(changes.map((c) => [c.authorityId, c.record, c.fields.length])).toEqual([
      ['', 'new', 2],
      ['a1', 'changed', 2],
      ['a2', 'removed', 1],
    ]);
  });
});
