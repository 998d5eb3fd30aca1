/**
 * The contract between the UI's stand-in for the shell and the real one:
 * on every request of the corpus, the stand-in answers what the core
 * answered when `make types` generated the corpus (and CI fails when that
 * corpus is stale). A difference fails here, not in a user's hands.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../generated/Lang';
import { LANGUAGES } from '../i18n.svelte';
import { createFakeBackend } from './fakeBackend';
import { CHECKED_CODES, translationUnits } from './fakeCore';
import { corpus } from './fixtures';

const { entries, draft_id: draftId } = corpus();
const LANGS: Lang[] = LANGUAGES.map((l) => l.code);

/** A stand-in holding one draft, the corpus's id, with `request`. */
const holding = (request: (typeof entries)[number]['request']) => createFakeBackend([{ id: draftId, request }]);

describe('the corpus', () => {
  it('has the UI’s requests, the empty request and the examples, each checked on a fixed date', () => {
    const names = entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['norland', 'preservation', 'no-errors', 'witness', 'hostile-text', 'drafted-in-english', 'empty']));
    expect(names.filter((n) => n.includes('-arden-'))).toHaveLength(4);
    expect(corpus().date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('exercises every rule the stand-in runs, in every language', () => {
    for (const code of CHECKED_CODES) {
      for (const lang of LANGS) {
        expect(entries.some((e) => e.findings[lang].some((f) => f.code === code)), `${code} ${lang}`).toBe(true);
      }
    }
  });
});

describe.each(entries.map((e) => [e.name, e] as const))('the stand-in on request %s', (_, entry) => {
  it('titles the draft as the store does', async () => {
    const backend = createFakeBackend();
    const draft = await backend.invoke('new_draft', { kind: entry.request.kind });
    const receipt = await backend.invoke('save_draft', { id: draft.summary.id, request: entry.request });
    expect(receipt.title).toBe(entry.title);
  });

  it.each(LANGS)('finds what the core finds with the same rules, worded in %s', async (lang) => {
    const found = await holding(entry.request).invoke('check_request', { request: entry.request, lang });
    expect(found).toEqual(entry.findings[lang].filter((f) => CHECKED_CODES.includes(f.code)));
  });

  it('creates the same follow-up, or fails with the same error', async () => {
    const made = holding(entry.request).invoke('create_follow_up', { id: draftId });
    if ('request' in entry.follow_up) {
      expect((await made).request).toEqual(entry.follow_up.request);
    } else {
      await expect(made).rejects.toEqual(entry.follow_up.error);
    }
  });

  it.each(LANGS)('refuses a translation into %s for the same reason, or asks where to save it', async (target) => {
    const backend = holding(entry.request);
    backend.xliffAnswer = null;
    const exported = backend.invoke('export_xliff', { request: entry.request, target, fileName: 'request.xlf' });
    const refusal = entry.exportable[target];
    if (refusal === null) await expect(exported).resolves.toBeNull();
    else await expect(exported).rejects.toEqual(refusal);
  });

  it('sends the same answers to a translator', () => {
    expect(translationUnits(entry.request)).toEqual(entry.units);
  });

  it.skipIf(entry.translation === null)('imports a translation into the same request as the core', async () => {
    if (entry.translation === null) throw new Error('no translation');
    const backend = holding(entry.request);
    backend.importAnswer = entry.translation.target;
    const imported = await backend.invoke('import_xliff', { id: draftId });
    expect(imported?.request).toEqual(entry.translation.request);
    expect(imported?.summary.title).toBe(entry.translation.title);
  });

  it.skipIf(entry.pages === null)('previews the request with the core’s pages', async () => {
    await expect(holding(entry.request).invoke('preview_request', { request: entry.request })).resolves.toEqual(entry.pages);
  });
});
