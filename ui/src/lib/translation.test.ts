import { describe, expect, it } from 'vitest';
import { emptyRequest } from './testing/fixtures';
import { defaultTranslationTarget, isTranslation } from './translation';

describe('defaultTranslationTarget', () => {
  it("is the request's own language when it is one of the six, else English", () => {
    const r = emptyRequest();
    expect(defaultTranslationTarget(r)).toBe('en');
    r.lang.request = 'fr';
    expect(defaultTranslationTarget(r)).toBe('fr');
    r.lang.request = 'other';
    r.lang.request_other = 'German';
    expect(defaultTranslationTarget(r)).toBe('en');
  });
});

describe('isTranslation', () => {
  it('holds once the drafter\'s text is kept in translation.original', () => {
    const r = emptyRequest();
    expect(isTranslation(r)).toBe(false);
    r.translation.original = {};
    expect(isTranslation(r)).toBe(false);
    r.translation.original = { 'facts.summary': 'Funds were moved.' };
    expect(isTranslation(r)).toBe(true);
  });
});
