import { describe, expect, it } from 'vitest';
import { INSTRUMENTS, INSTRUMENT_BASIS, languageCodes, languageLabel, wizardWords, type NamesLanguages } from './directoryRules';
import { languageChoices, wizardDefinition } from './testing/fixtures';
import type { Lang } from './generated/Lang';

/** The wizard's wording of its choice of basis, in `lang`. */
function basisLabels(lang: Lang): Map<string, string> {
  const field = wizardDefinition(lang).steps.flatMap((s) => s.fields).find((f) => f.path === 'basis.primary')!;
  if (field.input.type !== 'choice') throw new Error('basis.primary is a choice');
  return new Map(field.input.options.map((o) => [o.value, o.label]));
}

describe("the directory editor's instruments", () => {
  // The class: an instrument of the directory is named as the wizard's
  // choice of basis names it, in the interface language, never by its code.
  it('are named as the wizard names the basis they stand for, in the interface language', () => {
    for (const lang of ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const) {
      const named = wizardWords(wizardDefinition(lang)).instruments;
      const bases = basisLabels(lang);
      for (const code of INSTRUMENTS) {
        const basis = INSTRUMENT_BASIS[code];
        if (basis === null) expect(named.has(code), `${code} is offered by no basis`).toBe(false);
        else expect(named.get(code), `${code} in ${lang}`).toBe(bases.get(basis));
      }
    }
    const english = wizardWords(wizardDefinition('en')).instruments;
    expect(english.get('ETS_73')).toBe('European Convention on the Transfer of Proceedings in Criminal Matters (ETS No. 73)');
    expect(english.get('UNTOC')).toMatch(/^United Nations Convention against Transnational Organized Crime/);
    expect(wizardWords(wizardDefinition('fr')).instruments.get('ETS_73')).not.toBe(english.get('ETS_73'));
  });

  it('stand each for a basis the wizard offers, or for none', () => {
    const offered = basisLabels('en');
    for (const code of INSTRUMENTS) {
      const basis = INSTRUMENT_BASIS[code];
      if (basis !== null) expect(offered.has(basis), code).toBe(true);
    }
  });
});

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
