// @vitest-environment jsdom
/**
 * Every screen in every interface language holds no English word but the
 * user's own data and the citations. Each screen is rendered with a draft
 * open; its visible text (and the text the screen speaks: titles, labels,
 * placeholders) is read, the drafter's words and the citations are set
 * aside, and what is left must hold no word of English: in Russian, Arabic
 * and Chinese, no Latin word at all; in French and Spanish, none of the
 * English words that no French or Spanish sentence uses. Arabic screens
 * write every number in Western digits, as the documents print them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount, unmount } from 'svelte';
import { $, settle } from './lib/testing/dom';
import type { FakeBackend } from './lib/testing/fakeBackend';
import { createFakeBackend } from './lib/testing/fakeBackend';
import { corpusRequest } from './lib/testing/fixtures';
import { LANG_STORAGE_KEY, LANGUAGES } from './lib/i18n.svelte';
import type { Lang } from './lib/generated/Lang';

let backend: FakeBackend;

vi.mock('@tauri-apps/api/core', () => ({
  invoke: (command: never, args: never) => backend.invoke(command, args),
}));

const { default: App } = await import('./App.svelte');

let app: ReturnType<typeof mount> | null = null;

async function click(selector: string): Promise<void> {
  $(selector).click();
  await settle(50);
}

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  backend = createFakeBackend([{ id: 'd1', request: corpusRequest('norland'), revision: 3 }]);
});

afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.replaceChildren();
  vi.useRealTimers();
});

/** Every string in a value, however deep: the drafter's own data. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

/** A word of Latin letters only, three letters or more. */
const LATIN_WORD = /^[A-Za-z][A-Za-z'’]{2,}$/;

/** Words that a citation holds in every language ("UNTOC art. 18(15)(c)", "CETS No. 224"). */
const CITATION_WORDS = new Set(['art', 'arts', 'para', 'paras']);

/** English words that no French or Spanish sentence of ours holds. */
const ENGLISH_ONLY = new Set([
  'the', 'and', 'with', 'for', 'this', 'that', 'your', 'you', 'not', 'from', 'draft', 'drafts', 'request', 'requests',
  'save', 'saved', 'open', 'new', 'back', 'next', 'home', 'settings', 'search', 'history', 'untitled', 'review',
  'delete', 'cancel', 'none', 'add', 'remove', 'step', 'steps', 'help', 'warning', 'shared', 'comments', 'reply',
  'send', 'keys', 'passphrase', 'backup', 'language', 'given', 'yet', 'has', 'have', 'been', 'chosen', 'described',
]);

/** The words of a text, each as it would be judged: without the punctuation around it. */
function words(text: string): string[] {
  return text
    .split(/[\s\u00a0]+/u)
    .map((token) => token.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
    // References, codes, file names and addresses ("UNTOC-18-7-basis", "PPO-2026-0412.pdf") are no words.
    .filter((token) => !/[\d@/._-]/.test(token))
    .flatMap((token) => token.split(/[^A-Za-z'’]+/).filter((w) => LATIN_WORD.test(w) && /^[A-Za-z'’]+$/.test(token)));
}

type Catalogue = Record<string, string>;
const CATALOGUES = import.meta.glob<Catalogue>('../../locales/*.json', { eager: true, import: 'default' });

/** The catalogue of `lang`, every file of it. */
function catalogue(lang: Lang): Catalogue {
  return Object.assign({}, ...Object.entries(CATALOGUES).filter(([path]) => path.split('/').pop()!.startsWith(`${lang}.`)).map(([, c]) => c));
}

/**
 * The words the drafter's data holds, the language names of the picker, and
 * the names our examples keep in every language (a Latin word of a
 * sentence that its English wording holds too: "Lena Ortiz", "Northbank").
 */
function userWords(lang: Lang): Set<string> {
  const texts = [...strings(corpusRequest('norland')), ...LANGUAGES.map((l) => l.name), 'MLA Writer'];
  const own = new Set<string>();
  for (const text of texts) for (const w of text.split(/[^A-Za-z'’]+/)) if (w !== '') own.add(w.toLowerCase());
  const english = catalogue('en');
  for (const [key, text] of Object.entries(catalogue(lang))) {
    const source = new Set((english[key] ?? '').split(/[^A-Za-z'’]+/));
    for (const w of text.split(/[^A-Za-z'’]+/)) if (w !== '' && w[0] === w[0].toUpperCase() && source.has(w)) own.add(w.toLowerCase());
  }
  return own;
}

/** Whether `el` is part of a document in another language than the interface's (the preview of the request). */
function otherLanguage(el: Element): boolean {
  const marked = el.closest('[lang]');
  return marked !== null && marked !== document.documentElement && marked.getAttribute('lang') !== document.documentElement.lang;
}

/** The text the screen shows and speaks: its text nodes, and its titles, labels and placeholders. */
function screenText(): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, textarea') || otherLanguage(parent)) continue;
    const text = node.textContent?.trim() ?? '';
    if (text !== '') out.push(text);
  }
  for (const el of Array.from(document.body.querySelectorAll('[title], [aria-label], [placeholder]'))) {
    if (otherLanguage(el)) continue;
    for (const attribute of ['title', 'aria-label', 'placeholder']) {
      const value = el.getAttribute(attribute)?.trim();
      if (value) out.push(value);
    }
  }
  return out;
}

/** What on the screen is English in `lang`, with the text it was found in. */
function englishOn(lang: Lang, own: Set<string>): string[] {
  const found: string[] = [];
  const latinScript = lang === 'fr' || lang === 'es';
  for (const text of screenText()) {
    if (lang === 'ar' && /[\u0660-\u0669\u06f0-\u06f9]/.test(text)) found.push(`Arabic-Indic digits in ${JSON.stringify(text)}`);
    for (const word of words(text)) {
      const lower = word.toLowerCase();
      if (own.has(lower) || CITATION_WORDS.has(lower)) continue;
      // Acronyms (UNTOC, CETS, PDF, DOCX) are no English sentence.
      if (word === word.toUpperCase()) continue;
      if (!latinScript || ENGLISH_ONLY.has(lower)) found.push(`${word} in ${JSON.stringify(text)}`);
    }
  }
  return [...new Set(found)];
}

/** The screens of the app with the draft open, each reached from the one before. */
const SCREENS: Array<{ name: string; reach: () => Promise<void> }> = [
  { name: 'start screen', reach: async () => {} },
  { name: 'settings', reach: () => click('[data-testid="open-settings"]') },
  { name: 'exchange desk', reach: async () => { await click('[data-testid="settings-home"]'); await click('[data-testid="open-exchange"]'); } },
  { name: 'archive and bin', reach: async () => { await click('[data-testid="exchange-home"]'); await click('[data-testid="open-aside"]'); } },
  { name: 'the draft, first step', reach: async () => { await click('[data-testid="aside-home"]'); await click('[data-testid="draft-item"]'); } },
  { name: 'history', reach: () => click('[data-testid="open-history"]') },
  { name: 'consultation', reach: async () => { await click('[data-testid="history-home"]'); await click('[data-testid="draft-item"]'); await click('[data-testid="open-consultation"]'); } },
];

describe('every word in the interface language', () => {
  for (const lang of ['fr', 'es', 'ru', 'ar', 'zh'] as const) {
    it(`no screen shows a word of English in ${lang}, but the drafter's data and the citations`, async () => {
      localStorage.setItem(LANG_STORAGE_KEY, lang);
      app = mount(App, { target: document.body, props: {} });
      await settle(50);
      const own = userWords(lang);
      const problems: string[] = [];
      const look = (screen: string) => problems.push(...englishOn(lang, own).map((p) => `${screen}: ${p}`));
      for (const { name, reach } of SCREENS) {
        if (name === 'the draft, first step') {
          await reach();
          // Every step of the wizard, the review included.
          const steps = Array.from(document.querySelectorAll<HTMLElement>('button[data-testid^="step-"]')).map((b) => b.dataset.testid!);
          expect(steps.length).toBeGreaterThan(5);
          for (const step of steps) {
            await click(`[data-testid="${step}"]`);
            look(step);
          }
          continue;
        }
        await reach();
        look(name);
      }
      expect(problems).toEqual([]);
    }, 60_000);
  }
});
