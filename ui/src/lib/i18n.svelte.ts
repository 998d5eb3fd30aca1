/**
 * The interface's own wording: every fixed text of the UI is a `ui.*` key,
 * worded by the core in the chosen language (`ui_strings`). The English
 * catalogue is bundled as well, so the interface is worded before the core
 * answers and whenever a key is missing.
 *
 * Templates use `{name}` placeholders: `t('ui.group.add', { item: 'Offence' })`.
 */
import { getContext, setContext } from 'svelte';
import english from '../../../locales/en.ui.json';
import type { Lang } from './generated/Lang';
import { UNEXPECTED_ERROR, toApiError, type ApiErrorCode } from './api';

export type Strings = Partial<Record<string, string>>;
export type Params = Record<string, string | number>;

/** The bundled English wording. */
export const ENGLISH: Strings = english as Strings;

/** The interface languages, each named in its own language. */
export const LANGUAGES: ReadonlyArray<{ code: Lang; name: string }> = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
  { code: 'es', name: 'Español' },
  { code: 'ru', name: 'Русский' },
  { code: 'ar', name: 'العربية' },
  { code: 'zh', name: '中文' },
];

export const DEFAULT_LANG: Lang = 'en';

/** Where the choice of language is kept between runs (a UI preference). */
export const LANG_STORAGE_KEY = 'mla-writer.lang';

export function isLang(value: unknown): value is Lang {
  return LANGUAGES.some((l) => l.code === value);
}

/** Whether `lang` is written right to left. */
export function isRtl(lang: Lang): boolean {
  return lang === 'ar';
}

/** The name of `lang` in its own language. */
export function languageName(lang: Lang): string {
  return LANGUAGES.find((l) => l.code === lang)?.name ?? lang;
}

/** The language chosen in an earlier run, or the default. */
export function storedLang(storage: Pick<Storage, 'getItem'> | null = safeStorage()): Lang {
  try {
    const value = storage?.getItem(LANG_STORAGE_KEY);
    return isLang(value) ? value : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

/** Remembers the chosen language for the next run. */
export function storeLang(lang: Lang, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // A preference that cannot be kept is not worth an error.
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Sets the document's language and writing direction. */
export function applyDocumentLang(lang: Lang, doc: Document | null = typeof document === 'undefined' ? null : document): void {
  if (!doc) return;
  doc.documentElement.lang = lang;
  doc.documentElement.dir = isRtl(lang) ? 'rtl' : 'ltr';
}

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

export type Part = { text: string; param: string | null };

/**
 * `template` cut at its placeholders, each filled from `params`, for text
 * where a value is shown in an element of its own:
 * `[{text: 'PDF written to ', param: null}, {text: '/x.pdf', param: 'path'}]`.
 * A placeholder without a value stays as written. The one place the UI
 * fills placeholders.
 */
export function formatParts(template: string, params: Params = {}): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1];
    if (!(name in params)) continue;
    const at = match.index ?? 0;
    if (at > last) parts.push({ text: template.slice(last, at), param: null });
    parts.push({ text: String(params[name]), param: name });
    last = at + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last), param: null });
  return parts;
}

/** Fills the `{name}` placeholders of `template`; unknown ones stay as written. */
export function format(template: string, params: Params = {}): string {
  return formatParts(template, params)
    .map((p) => p.text)
    .join('');
}

/**
 * The plural forms a message may have, as Unicode CLDR names them. A plural
 * message is one key per form (`ui.status.problems.one`, `….few`, …) in
 * every catalogue; each language uses the forms its rules select.
 */
export const PLURAL_FORMS: ReadonlyArray<Intl.LDMLPluralRule> = ['zero', 'one', 'two', 'few', 'many', 'other'];

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The plural form of `count` in `lang` (`Intl.PluralRules`). */
export function pluralForm(lang: Lang, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}

/** The sentence that says, in the interface language, what kind of failure an error is. */
const ERROR_KEYS: Record<ApiErrorCode, string> = {
  translation: 'ui.error.code.translation',
  file: 'ui.error.code.file',
  keys_locked: 'ui.error.code.keys_locked',
  package: 'ui.error.code.package',
  fingerprint: 'ui.error.code.fingerprint',
  store_damaged: 'ui.error.code.store_damaged',
  disk_full: 'ui.error.code.disk_full',
  read_only: 'ui.error.code.read_only',
  store_busy: 'ui.error.code.store_busy',
  database_locked: 'ui.error.code.database_locked',
  wrong_passphrase: 'ui.error.code.wrong_passphrase',
  failed: 'ui.error.code.failed',
  unknown: 'ui.error.code.failed',
};

/** The wording of the interface in one language. */
export class I18n {
  lang = $state<Lang>(DEFAULT_LANG);
  strings = $state.raw<Strings>(ENGLISH);

  constructor(lang: Lang = DEFAULT_LANG, strings: Strings = ENGLISH) {
    this.lang = lang;
    this.strings = strings;
  }

  /** Switches to `lang`, worded by `strings` (English fills any gap). */
  set(lang: Lang, strings: Strings): void {
    this.lang = lang;
    this.strings = strings;
  }

  /** The template of `key`: this language's, else English, else the key. */
  template = (key: string): string => this.strings[key] ?? ENGLISH[key] ?? key;

  /** The wording of `key` with its placeholders filled. */
  t = (key: string, params?: Params): string => format(this.template(key), this.localise(params));

  /**
   * The wording of plural message `key` for `count`: its form for the
   * number in this language (`key.one`, `key.few`…, see
   * {@link pluralForm}), with `{count}` and the other placeholders filled.
   */
  plural = (key: string, count: number, params?: Params): string => {
    const form = `${key}.${pluralForm(this.lang, count)}`;
    // This language's own other form says it better than English's exact one.
    const template = this.strings[form] ?? this.strings[`${key}.other`] ?? ENGLISH[form] ?? this.template(`${key}.other`);
    return format(template, this.localise({ ...params, count }));
  };

  /** The wording of `key` cut at its placeholders (see {@link formatParts}). */
  parts = (key: string, params?: Params): Part[] => formatParts(this.template(key), this.localise(params));

  /** An error message for the user: the generic one is worded too. */
  message = (message: string): string => (message === UNEXPECTED_ERROR ? this.t('ui.error.unexpected') : message);

  /**
   * An error as the user reads it. In English, the core's own message,
   * which says what failed and where. In the other languages, the sentence
   * of its kind of failure, then the core's message as its technical
   * details (file names and the system's words, as the system gave them).
   */
  error = (error: unknown): string => {
    const e = toApiError(error);
    if (this.lang === 'en' || e.message === UNEXPECTED_ERROR) return this.message(e.message);
    return `${this.t(ERROR_KEYS[e.code])} ${this.t('ui.error.details', { details: e.message })}`;
  };

  private localise(params?: Params): Params | undefined {
    if (!params || typeof params.message !== 'string') return params;
    return { ...params, message: this.message(params.message) };
  }
}

const KEY = Symbol('i18n');
const fallback = new I18n();

/** Makes `i18n` the wording of the components below. */
export function setI18n(i18n: I18n): I18n {
  setContext(KEY, i18n);
  return i18n;
}

/** The wording set by an enclosing component, or English. */
export function getI18n(): I18n {
  return getContext<I18n | undefined>(KEY) ?? fallback;
}
