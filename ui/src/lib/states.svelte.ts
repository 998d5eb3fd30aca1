/**
 * The States a request can be addressed to, as the core lists them
 * (`state_choices`): every real State and territory named in the interface
 * language from the Unicode CLDR, and the directory's fictitious States.
 * A request keeps its State by code; everything the interface shows of it
 * goes through {@link stateNames}, so a code never reaches the user.
 */
import { api } from './api';
import type { Lang } from './generated/Lang';
import type { StateChoice } from './generated/StateChoice';

/** The list for one interface language, loaded when the language is set. */
export class StateNames {
  /** Every choice, sorted by name as the language sorts. */
  choices = $state.raw<StateChoice[]>([]);
  #lang: Lang | null = null;

  /**
   * Loads the list for `lang` (again when the directory may have changed:
   * `force`). A failure leaves the list as it was: codes are then shown as
   * they are, never a wrong name.
   */
  async load(lang: Lang, force = false): Promise<void> {
    if (this.#lang === lang && !force) return;
    const list = await api.stateChoices(lang);
    const collator = new Intl.Collator(lang);
    this.choices = [...list].sort((a, b) => collator.compare(a.name, b.name));
    this.#lang = lang;
  }

  /** The name of the State `code`; text that names no State of the list, as it is. */
  name = (code: string): string => {
    const wanted = code.trim();
    return this.choices.find((s) => s.code === wanted)?.name ?? wanted;
  };

  /** Whether `code` is one of the list. */
  has = (code: string): boolean => this.choices.some((s) => s.code === code.trim());
}

/** The list the whole interface names States from. */
export const stateNames = new StateNames();
