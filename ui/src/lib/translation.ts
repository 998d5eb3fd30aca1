/**
 * The translation workflow as the review step sees it: which language the
 * request goes to a translator in, and whether a draft already is a
 * translation. What can be exported and imported is decided by the core.
 */
import type { Lang } from './generated/Lang';
import type { Request } from './generated/Request';
import { isLang } from './i18n.svelte';

/** The language a translation file is first offered in: the request's own language when it is one of the six, else English. */
export function defaultTranslationTarget(request: Request): Lang {
  const lang = request.lang.request.trim().toLowerCase();
  return isLang(lang) ? lang : 'en';
}

/**
 * Whether the request is an imported translation: it keeps the drafter's
 * text in `translation.original`, so it cannot go to a translator again.
 */
export function isTranslation(request: Request): boolean {
  return Object.keys(request.translation.original ?? {}).length > 0;
}
