import { describe, expect, it } from 'vitest';
import { describeAnswer, reviewSections, type ReviewAnswer, type ReviewEntry, type ReviewGroup } from './review';
import { visibleSteps } from './steps';
import { emptyOffence, emptyRequest, emptyStoredData, wizardDefinition } from './testing/fixtures';

const def = wizardDefinition();
const field = (path: string) => def.steps.flatMap((s) => s.fields).find((f) => f.path === path)!;

function sectionsOf(r = emptyRequest()) {
  return reviewSections(visibleSteps(def.steps, r), r);
}

function find(entries: ReviewEntry[], path: string): ReviewEntry | undefined {
  for (const e of entries) {
    if (e.path === path) return e;
    if (e.kind === 'group') {
      for (const item of e.items) {
        const hit = find(item.entries, path);
        if (hit) return hit;
      }
    }
  }
  return undefined;
}

const answer = (r: ReturnType<typeof emptyRequest>, path: string) =>
  find(sectionsOf(r).flatMap((s) => s.entries), path) as ReviewAnswer | undefined;

describe('describeAnswer', () => {
  it('words choices by their labels, lists by each label, yes/no and blanks by kind', () => {
    expect(describeAnswer(field('basis.primary'), 'UNTOC_18')).toEqual({
      kind: 'text',
      text: 'United Nations Convention against Transnational Organized Crime, article 18',
    });
    expect(describeAnswer(field('basis.primary'), 'LEGACY')).toEqual({ kind: 'text', text: 'LEGACY' });
    expect(describeAnswer(field('proc.nature'), 'investigation')).toEqual({ kind: 'text', text: 'Criminal investigation' });
    expect(describeAnswer(field('proc.nature'), null)).toEqual({ kind: 'blank' });
    expect(describeAnswer(field('mla.modules'), ['stored_data', 'other'])).toEqual({
      kind: 'list',
      items: ['Stored electronic data', 'Other assistance'],
    });
    expect(describeAnswer(field('mla.modules'), [])).toEqual({ kind: 'blank' });
    expect(describeAnswer(field('urgency.flag'), true)).toEqual({ kind: 'yes' });
    expect(describeAnswer(field('urgency.flag'), false)).toEqual({ kind: 'no' });
    expect(describeAnswer(field('req_auth.name'), '  ')).toEqual({ kind: 'blank' });
    expect(describeAnswer({ ...field('req_auth.name'), input: { type: 'time_zone' } }, '')).toEqual({ kind: 'text', text: 'UTC' });
    const dateTime = { ...field('req_auth.name'), input: { type: 'date_time' } } as const;
    expect(describeAnswer(dateTime, '2026-03-01T10:30')).toEqual({ kind: 'date', iso: '2026-03-01', time: '10:30' });
    expect(describeAnswer(dateTime, '2026-03-01T10:30:15')).toEqual({ kind: 'date', iso: '2026-03-01', time: '10:30:15' });
    expect(describeAnswer(dateTime, '01/03/2026 10:30')).toEqual({ kind: 'text', text: '01/03/2026 10:30' });
  });
});

describe('reviewSections', () => {
  it('lists the shown steps with their shown fields only', () => {
    const r = emptyRequest();
    const sections = sectionsOf(r);
    expect(sections.map((s) => s.step.id)).toEqual(['kind', 'authorities', 'basis', 'proceedings', 'facts', 'persons', 'purpose', 'handling', 'annexes', 'tracking']);
    const basis = sections[2].entries.map((e) => e.path);
    expect(basis).toContain('basis.primary');
    expect(basis).not.toContain('basis.treaty_citation');
    r.basis.primary = 'BILATERAL';
    r.basis.treaty_citation = 'Treaty of 2011';
    expect(answer(r, 'basis.treaty_citation')?.value).toEqual({ kind: 'text', text: 'Treaty of 2011' });
  });

  it('lists each item of a group with its own answers, nested paths included', () => {
    const r = emptyRequest();
    r.mla.modules = ['stored_data'];
    r.offences = [{ ...emptyOffence(), name: 'Fraud', category_flags: ['cyber'] }];
    const item = emptyStoredData();
    item.provider = 'Mailbox Ltd';
    item.data.categories = ['content'];
    r.mla.stored_data = [item];

    const offences = find(sectionsOf(r).flatMap((s) => s.entries), 'offences') as ReviewGroup;
    expect(offences.kind).toBe('group');
    expect(offences.itemLabel).toBe('Offence');
    expect(offences.items.map((i) => i.path)).toEqual(['offences.0']);
    expect(answer(r, 'offences.0.name')?.value).toEqual({ kind: 'text', text: 'Fraud' });
    expect(answer(r, 'offences.0.category_flags')?.value).toEqual({ kind: 'list', items: ['Cybercrime'] });

    expect(answer(r, 'mla.stored_data.0.data.range.tz')?.value).toEqual({ kind: 'text', text: 'UTC' });
    expect(answer(r, 'mla.stored_data.0.data.categories')?.value).toEqual({ kind: 'list', items: ['Content data'] });
    expect(answer(r, 'mla.stored_data.0.content_justification')).toBeDefined();
    expect(answer(r, 'mla.stored_data.0.no_user_notice')?.value).toEqual({ kind: 'no' });
  });

  it('keeps the answers of a hidden step out of the list without touching them', () => {
    const r = emptyRequest();
    r.mla.modules = ['other'];
    r.mla.other = [{ description: 'Obtain the register', relevance: '' }];
    expect(answer(r, 'mla.other.0.description')).toBeDefined();
    r.mla.modules = [];
    expect(answer(r, 'mla.other.0.description')).toBeUndefined();
    expect(r.mla.other[0].description).toBe('Obtain the register');
  });
});
