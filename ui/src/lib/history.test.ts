import { describe, expect, it } from 'vitest';
import type { RevisionEntry } from './generated/RevisionEntry';
import { entrySummary, initialComparison, newestFirst, pathLabel, revisionFileName } from './history';
import { format, type Params } from './i18n.svelte';
import { uiStrings, wizardDefinition } from './testing/fixtures';

const entry = (number: number, changes: string[], restored_from: number | null = null): RevisionEntry => ({
  number,
  saved_at: `2026-11-20T09:0${number}:00Z`,
  changes,
  restored_from,
});

const wordedIn = (lang: 'en' | 'fr') => {
  const strings = uiStrings(lang);
  return (key: string, params?: Params) => format(strings[key] ?? key, params);
};

describe('labels of changed answers', () => {
  it('name a field, a field of a list item and the item as the wizard asks them', () => {
    const fr = wizardDefinition('fr');
    expect(pathLabel(fr, 'facts.summary')).toBe('Exposé des faits');
    expect(pathLabel(fr, 'persons.2.family_name')).toBe('Personne 3: Nom de famille ou dénomination sociale');
    expect(pathLabel(fr, 'persons.2')).toBe('Personne 3');
    expect(pathLabel(fr, 'translation.original.facts.summary')).toBe('translation.original.facts.summary');
  });
});

describe('the history list', () => {
  const entries = [entry(1, []), entry(2, ['facts.summary', 'persons.0']), entry(3, ['proc.subject_matter'], 1)];

  it('shows the newest revision first', () => {
    expect(newestFirst(entries).map((e) => e.number)).toEqual([3, 2, 1]);
    expect(entries.map((e) => e.number)).toEqual([1, 2, 3]);
  });

  it('says what each revision did, in the interface language', () => {
    const en = wizardDefinition('en');
    const t = wordedIn('en');
    expect(entrySummary(entries[0], en, t)).toBe(t('ui.revisions.created'));
    expect(entrySummary(entries[1], en, t)).toBe(t('ui.revisions.changed', { fields: 'Summary of the facts, Person 1' }));
    expect(entrySummary(entries[2], en, t)).toContain(t('ui.revisions.restored_from', { number: 1 }));
    const fr = wordedIn('fr');
    expect(entrySummary(entries[1], wizardDefinition('fr'), fr)).toContain('Exposé des faits, Personne 1');
    expect(fr('ui.revisions.created')).not.toBe(t('ui.revisions.created'));
  });

  it('compares the latest revision with the one before it at first', () => {
    expect(initialComparison([entries[2], entries[0], entries[1]])).toEqual({ from: 2, to: 3 });
    expect(initialComparison([entries[0]])).toBeNull();
  });

  it('proposes a file name naming the revision', () => {
    expect(revisionFileName('PPO-2026-0412 · Fraud → Norland', 7, 'pdf')).toBe('PPO-2026-0412-Fraud-Norland-rev-7.pdf');
  });
});
