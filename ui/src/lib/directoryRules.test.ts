import { describe, expect, it } from 'vitest';
import { languageCodes, languageLabel, type NamesLanguages } from './directoryRules';
import { languageChoices } from './testing/fixtures';

/** The core's names in `lang`, as `lib/languages.svelte` holds them. */
function names(lang: 'en' | 'fr' | 'ar'): NamesLanguages {
  const choices = languageChoices(lang);
  return {
    choices,
    has: (code) => choices.some((l) => l.code === code),
    name: (code) => choices.find((l) => l.code === code)?.name ?? code,
  };
}

describe("the directory's pick-list of accepted languages", () => {
  it('offers the six first, then every language the core names, once each', () => {
    const codes = languageCodes(names('en'));
    expect(codes.slice(0, 6)).toEqual(['en', 'fr', 'es', 'ru', 'ar', 'zh']);
    expect(codes).toContain('de');
    expect(codes).toContain('fil');
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('names a language as the core names it in the interface language, with its code; an unknown code alone', () => {
    expect(languageLabel('de', names('fr'))).toBe('allemand (de)');
    expect(languageLabel('de', names('ar'))).toBe('الألمانية (de)');
    expect(languageLabel('qaa', names('fr')), 'a code for local use has no name').toBe('qaa');
  });
});
