/**
 * The languages a language answer is picked from, as the core lists them
 * (`language_choices`): every language the Unicode CLDR names, by its ISO
 * 639 code, named in the interface language. A request keeps a language by
 * code; everything the interface shows of it goes through
 * {@link languageNames}, so a code never reaches the user.
 */
import { api } from './api';
import type { Lang } from './generated/Lang';
import type { LanguageChoice } from './generated/LanguageChoice';

/** The list for one interface language, loaded when the language is set. */
export class LanguageNames {
  /** Every choice, sorted by name as the language sorts. */
  choices = $state.raw<LanguageChoice[]>([]);
  #lang: Lang | null = null;

  /**
   * Loads the list for `lang`. A failure leaves the list as it was: codes
   * are then shown as they are, never a wrong name.
   */
  async load(lang: Lang): Promise<void> {
    if (this.#lang === lang) return;
    const list = await api.languageChoices(lang);
    const collator = new Intl.Collator(lang);
    this.choices = [...list].sort((a, b) => collator.compare(a.name, b.name));
    this.#lang = lang;
  }

  /** The name of the language `code`; text that names no language of the list, as it is. */
  name = (code: string): string => {
    const wanted = code.trim();
    return this.choices.find((l) => l.code === wanted)?.name ?? wanted;
  };

  /** Whether `code` is one of the list. */
  has = (code: string): boolean => this.choices.some((l) => l.code === code.trim());
}

/** The list the whole interface names languages from. */
export const languageNames = new LanguageNames();
