/**
 * The translation workflow as the review step sees it: which language the
 * request goes to a translator in, and whether a draft already is a
 * translation. What can be exported and imported is decided by the core.
 */
import type { DocumentLanguage } from './generated/DocumentLanguage';
import type { Lang } from './generated/Lang';
import type { Request } from './generated/Request';
import { isLang } from './i18n.svelte';

/** The language chosen, when it is one of the six (not "other", not none). */
export function chosenLang(choice: DocumentLanguage | null): Lang | null {
  return choice !== null && isLang(choice) ? choice : null;
}

/** The language a translation file is first offered in: the request's own language when it is one of the six, else English. */
export function defaultTranslationTarget(request: Request): Lang {
  return chosenLang(request.lang.request) ?? 'en';
}

/**
 * Whether the request is an imported translation: it keeps the drafter's
 * text in `translation.original`, so it cannot go to a translator again.
 */
export function isTranslation(request: Request): boolean {
  return Object.keys(request.translation.original ?? {}).length > 0;
}
