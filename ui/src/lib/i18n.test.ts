// @vitest-environment jsdom
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError, UNEXPECTED_ERROR } from './api';
import {
  ENGLISH,
  I18n,
  LANGUAGES,
  LANG_STORAGE_KEY,
  applyDocumentLang,
  format,
  formatParts,
  PLURAL_FORMS,
  isRtl,
  pluralForm,
  storeLang,
  storedLang,
  type Strings,
} from './i18n.svelte';
import type { Lang } from './generated/Lang';

const SRC = join(__dirname, '..');

function sources(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sources(path);
    return /\.(svelte|ts)$/.test(name) && !name.endsWith('.test.ts') && !path.includes('testing') ? [path] : [];
  });
}

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
    key: () => null,
    get length() {
      return map.size;
    },
  };
}

describe('format', () => {
  it('fills named placeholders and leaves unknown ones as written', () => {
    expect(format('Add {item}', { item: 'Offence' })).toBe('Add Offence');
    expect(format('Step {number} of {total}', { number: 2, total: 9 })).toBe('Step 2 of 9');
    expect(format('Hello {who}', {})).toBe('Hello {who}');
  });

  it('cuts a template at its placeholders', () => {
    expect(formatParts('PDF written to {path}', { path: '/x.pdf' })).toEqual([
      { text: 'PDF written to ', param: null },
      { text: '/x.pdf', param: 'path' },
    ]);
    expect(formatParts('{file} saved.', { file: 'a.pdf' })).toEqual([
      { text: 'a.pdf', param: 'file' },
      { text: ' saved.', param: null },
    ]);
  });
});

describe('I18n', () => {
  it('words a key in its language, else in English, else by the key itself', () => {
    const fr = new I18n('fr', { 'ui.nav.next': 'Suivant' });
    expect(fr.t('ui.nav.next')).toBe('Suivant');
    expect(fr.t('ui.nav.back')).toBe('Back');
    expect(fr.t('ui.no.such.key')).toBe('ui.no.such.key');
  });

  it('words the generic error message in the interface language', () => {
    const fr = new I18n('fr', { 'ui.error.unexpected': 'Erreur inattendue.', 'ui.save.failed': 'Échec : {message}' });
    expect(fr.t('ui.save.failed', { message: UNEXPECTED_ERROR })).toBe('Échec : Erreur inattendue.');
    expect(fr.t('ui.save.failed', { message: 'disk full' })).toBe('Échec : disk full');
  });
});

describe('language preference', () => {
  it('remembers the choice and ignores anything that is not a language', () => {
    const storage = memoryStorage();
    expect(storedLang(storage)).toBe('en');
    storeLang('ar', storage);
    expect(storage.getItem(LANG_STORAGE_KEY)).toBe('ar');
    expect(storedLang(storage)).toBe('ar');
    storage.setItem(LANG_STORAGE_KEY, 'xx');
    expect(storedLang(storage)).toBe('en');
  });

  it('sets the document language and direction', () => {
    applyDocumentLang('ar');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    applyDocumentLang('zh');
    expect(document.documentElement.lang).toBe('zh');
    expect(document.documentElement.dir).toBe('ltr');
    expect(LANGUAGES.filter((l) => isRtl(l.code)).map((l) => l.code)).toEqual(['ar']);
  });

  it('offers the six languages, each named in its own language', () => {
    expect(LANGUAGES.map((l) => `${l.code}:${l.name}`)).toEqual([
      'en:English',
      'fr:Français',
      'es:Español',
      'ru:Русский',
      'ar:العربية',
      'zh:中文',
    ]);
  });
});

describe('the English catalogue', () => {
  const used = new Set<string>();
  for (const file of sources()) {
    for (const m of readFileSync(file, 'utf8').matchAll(/'(ui\.[a-z0-9_.]+)'/g)) used.add(m[1]);
  }

  it('holds only ui.* keys with text', () => {
    for (const [key, value] of Object.entries(ENGLISH)) {
      expect(key.startsWith('ui.'), key).toBe(true);
      expect(value?.trim(), key).not.toBe('');
    }
  });

  it('words every key the interface uses, and every key it holds is used', () => {
    expect(used.size).toBeGreaterThan(50);
    // A plural message is used by its stem and worded by one key per form.
    const worded = (k: string) => k in ENGLISH || `${k}.other` in ENGLISH;
    const stem = (k: string) => k.replace(/\.(zero|one|two|few|many|other)$/, '');
    expect([...used].filter((k) => !worded(k))).toEqual([]);
    expect(Object.keys(ENGLISH).filter((k) => !used.has(k) && !used.has(stem(k)))).toEqual([]);
  });

  it('has every plural form of each plural message', () => {
    const stems = new Set(Object.keys(ENGLISH).filter((k) => k.endsWith('.other')).map((k) => k.slice(0, -'.other'.length)));
    expect(stems).toEqual(new Set(['ui.status.problems']));
    for (const stem of stems) {
      expect(PLURAL_FORMS.filter((form) => !(`${stem}.${form}` in ENGLISH)), stem).toEqual([]);
    }
  });

  it('keeps the wording the end-to-end tests read', () => {
    expect(ENGLISH['ui.save.saved']).toBe('Saved');
    expect(ENGLISH['ui.review.title']).toBe('Review and export');
  });
});

describe('errors', () => {
  const LOCALES = join(SRC, '..', '..', 'locales');
  const strings = (lang: Lang) => JSON.parse(readFileSync(join(LOCALES, `${lang}.ui.json`), 'utf8')) as Strings;
  const refused = new ApiError('file', 'could not read /data/case.xlf: permission denied');

  it('are the core\'s own message in English', () => {
    expect(new I18n('en', strings('en')).error(refused)).toBe('could not read /data/case.xlf: permission denied');
  });

  it('say what kind of failure each is in the other languages, with the core\'s message as details', () => {
    expect(new I18n('fr', strings('fr')).error(refused)).toBe(
      "Le fichier n'a pas pu être lu ou écrit. Détails : could not read /data/case.xlf: permission denied",
    );
    expect(new I18n('zh', strings('zh')).error(new ApiError('disk_full', 'disk full'))).toMatch(/^磁盘已满/);
    expect(new I18n('ru', strings('ru')).error(new Error('boom'))).toBe('Не удалось выполнить действие. Подробности: boom');
    expect(new I18n('ar', strings('ar')).error(new ApiError('unknown', UNEXPECTED_ERROR))).toBe(strings('ar')['ui.error.unexpected']);
  });
});

describe('the catalogues of the other languages', () => {
  const LOCALES = join(SRC, '..', '..', 'locales');
  const placeholders = (text: string) => [...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();

  for (const { code } of LANGUAGES.filter((l) => l.code !== 'en')) {
    it(`${code} words exactly the English keys, with the same placeholders`, () => {
      const own = JSON.parse(readFileSync(join(LOCALES, `${code}.ui.json`), 'utf8')) as Record<string, string>;
      expect(Object.keys(own).sort()).toEqual(Object.keys(ENGLISH).sort());
      for (const [key, value] of Object.entries(own)) {
        expect(value.trim(), `${code} ${key}`).not.toBe('');
        if (/\.(zero|one|two|few|many|other)$/.test(key)) {
          // A plural form may say its number in words ("مشكلتان", two problems).
          expect(placeholders(ENGLISH[key] ?? '')).toEqual(expect.arrayContaining(placeholders(value)));
        } else {
          expect(placeholders(value), `${code} ${key}`).toEqual(placeholders(ENGLISH[key] ?? ''));
        }
      }
    });
  }
});

describe('plurals', () => {
  const LOCALES = join(SRC, '..', '..', 'locales');
  const catalogue = (lang: Lang) => new I18n(lang, JSON.parse(readFileSync(join(LOCALES, `${lang}.ui.json`), 'utf8')) as Strings);

  it('pick the form of the number in each language, as Intl.PluralRules does', () => {
    expect([1, 2, 5].map((n) => pluralForm('en', n))).toEqual(['one', 'other', 'other']);
    expect([0, 1, 2].map((n) => pluralForm('fr', n))).toEqual(['one', 'one', 'other']);
    expect([1, 3, 5, 21, 22, 25].map((n) => pluralForm('ru', n))).toEqual(['one', 'few', 'many', 'one', 'few', 'many']);
    expect([0, 1, 2, 3, 11, 100].map((n) => pluralForm('ar', n))).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect([1, 2].map((n) => pluralForm('zh', n))).toEqual(['other', 'other']);
  });

  it('word the count of problems in all six languages', () => {
    const words = (lang: Lang, counts: number[]) => counts.map((n) => catalogue(lang).plural('ui.status.problems', n));
    expect(words('en', [1, 2])).toEqual(['1 problem', '2 problems']);
    expect(words('fr', [1, 2])).toEqual(['1 problème', '2 problèmes']);
    expect(words('es', [1, 2])).toEqual(['1 problema', '2 problemas']);
    expect(words('ru', [1, 3, 5, 21])).toEqual(['1 проблема', '3 проблемы', '5 проблем', '21 проблема']);
    expect(words('ar', [1, 2, 3, 11])).toEqual(['مشكلة واحدة', 'مشكلتان', '3 مشكلات', '11 مشكلة']);
    expect(words('zh', [1, 7])).toEqual(['1个问题', '7个问题']);
  });

  it('have a wording for every form each language can select', () => {
    for (const { code } of LANGUAGES) {
      const own = catalogue(code).strings;
      for (const form of new Intl.PluralRules(code).resolvedOptions().pluralCategories) {
        expect(own[`ui.status.problems.${form}`]?.trim(), `${code} ${form}`).toBeTruthy();
      }
    }
  });

  it('fall back to the other form when a catalogue lacks one', () => {
    const i18n = new I18n('ru', { 'ui.status.problems.other': '{count} пр.' });
    expect(i18n.plural('ui.status.problems', 3)).toBe('3 пр.');
    expect(new I18n('ru', {}).plural('ui.status.problems', 3)).toBe('3 problems');
  });
});

describe('the components', () => {
  it('never render markup from text, nor set inline styles', () => {
    for (const file of sources().filter((f) => f.endsWith('.svelte'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/\{@html|innerHTML|\sstyle=|\sstyle:[a-z-]+[=\s>]/);
    }
  });
});
