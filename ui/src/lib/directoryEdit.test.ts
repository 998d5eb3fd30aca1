import { describe, expect, it } from 'vitest';
import type { Authority } from './generated/Authority';
import type { StateEntry } from './generated/StateEntry';
import demo from './testing/generated/directory.json';
import { formOf, phoneOf, recordChanges, withForm } from './directoryEdit';
import { daysOf, editable, newAuthority, newState, problemText, problemsAt, sectionOf, wizardWords } from './directoryRules';
import type { WizardDefinition } from './generated/WizardDefinition';
import wizard from './testing/generated/wizard.en.json';

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

  it('sets the roles ticked, and makes a new authority with its role and no id (the core gives it one)', () => {
    expect(withForm(ministry, { ...formOf(ministry), roles: ['executing_authority', 'receiving_authority'] }, 'XN').roles).toEqual(['executing_authority', 'receiving_authority']);
    const added = withForm(newAuthority('point_of_contact_24_7'), { ...formOf(newAuthority('point_of_contact_24_7')), name: 'Police 24/7 desk' }, 'XN');
    expect([added.authority_id, added.roles, added.name, added.postal_address]).toEqual(['', ['point_of_contact_24_7'], 'Police 24/7 desk', undefined]);
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

describe("the editor of a State's own record", () => {
  it('holds every list present, and gives back the entry unchanged when nothing is edited', () => {
    const sparse = { state_id: 'XQ', name: 'Testland', fictitious: true } as unknown as StateEntry;
    const e = editable(sparse);
    expect([e.instrument_status, e.languages, e.channels, e.authorities, e.requirements.domestic_order_required]).toEqual([[], [], [], [], []]);
    expect(editable(editable(norland))).toEqual(editable(norland));
    expect(editable(norland).languages[0].accepted).toEqual(norland.languages[0].accepted);
  });

  it('makes a new State with its code in capitals and a source typed by the user', () => {
    const s = newState(' xq ', ' Testland ', true);
    expect([s.state_id, s.name, s.fictitious, s.provenance?.source_type]).toEqual(['XQ', 'Testland', true, 'user_entry']);
  });

  it("finds the core's problems at a field and within it, and the section each belongs to", () => {
    const problems = [
      { at: 'languages[0].accepted[1].lang', message: 'bad code', what: 'language_code', args: { found: 'Dutch' } },
      { at: 'languages[10].kind', message: 'other rule', what: 'kind', args: { found: 'x' } },
      { at: 'requirements.domestic_order_required[2]', message: 'bad measure', what: 'measure', args: { found: 'M99' } },
    ];
    const messages = (path: string) => problemsAt(problems, path).map((p) => p.message);
    expect(messages('languages[0].accepted[1].lang')).toEqual(['bad code']);
    expect(messages('languages[0]')).toEqual(['bad code']);
    expect(messages('requirements.domestic_order_required')).toEqual(['bad measure']);
    expect(problems.map((p) => sectionOf(p.at))).toEqual(['languages', 'languages', 'requirements']);
    expect(sectionOf('name')).toBe('record');
  });

  it('words a problem in the interface language with its values, and one it has no wording for as the core words it', () => {
    const t = (key: string, params?: Record<string, string | number>) => `${key} ${JSON.stringify(params)}`;
    expect(problemText({ at: 'x', message: 'in English', what: 'language_code', args: { found: 'Dutch' } }, t)).toBe('ui.directory.problem.language_code {"found":"Dutch"}');
    expect(problemText({ at: 'x', message: 'the column state_id is missing', what: '', args: {} }, t)).toBe('the column state_id is missing');
  });

  it('reads a number of days as a whole number, and an empty field as none', () => {
    expect([daysOf('90'), daysOf(''), daysOf(null), daysOf('12.7'), daysOf('x')]).toEqual([90, undefined, undefined, 12, undefined]);
  });

  it("names the measures by the wizard's modules, in the order of their codes", () => {
    const words = wizardWords(wizard as unknown as WizardDefinition);
    expect(words.measures.get('M2')).toBe('Service of judicial documents');
    expect(words.measures.get('M3')).toBe('Search and seizure');
    expect(words.measures.size).toBe(15);
    expect(words.kinds.get('preservation')).toContain('preservation');
  });
});
