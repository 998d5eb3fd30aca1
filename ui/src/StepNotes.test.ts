// @vitest-environment jsdom
// The requested State's requirements in the header of the step they
// concern: as the core words them from the directory entry the request
// carries, with its source and date, as plain text, and refreshed when the
// request's State changes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount, unmount } from 'svelte';
import StepView from './components/StepView.svelte';
import { Editor } from './lib/editor.svelte';
import { settle } from './lib/testing/dom';
import { createFakeBackend, type FakeBackend } from './lib/testing/fakeBackend';
import { emptyRequest, wizardDefinition } from './lib/testing/fixtures';
import type { Lang } from './lib/generated/Lang';
import type { Request } from './lib/generated/Request';
import type { StateEntry } from './lib/generated/StateEntry';
import demo from './lib/testing/generated/directory.json';

const TIMINGS = { save: 600, check: 300, preview: 400 };

let backend: FakeBackend;
let view: ReturnType<typeof mount> | null = null;

function norlandRequest(): Request {
  const entry = (demo as unknown as StateEntry[]).find((e) => e.state_id === 'XN')!;
  return { ...emptyRequest(), kind: 'mla_evidence', req_state: 'XN', req_state_entry: structuredClone(entry) };
}

async function show(stepId: string, request: Request, lang: Lang = 'en', api: FakeBackend['api'] = backend.api): Promise<Editor> {
  backend = createFakeBackend([{ id: 'd1', request }]);
  const editor = new Editor(await backend.api.openDraft('d1'), { ...backend.api, requirementNotes: api.requirementNotes }, TIMINGS, lang);
  await editor.start();
  const step = wizardDefinition(lang).steps.find((s) => s.id === stepId)!;
  view = mount(StepView, { target: document.body, props: { step, number: 1, total: 1, editor } });
  await settle();
  return editor;
}

const notes = () => Array.from(document.querySelectorAll('[data-directory-notes] li')).map((li) => li.textContent);
const source = () => document.querySelector('[data-directory-notes] .notes-source')?.textContent;

beforeEach(() => {
  vi.useFakeTimers();
  backend = createFakeBackend([]);
});

afterEach(() => {
  if (view) unmount(view);
  view = null;
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('the directory notes in a step header', () => {
  it('shows what the entry says for this step, sourced and dated, and nothing on a step it says nothing of', async () => {
    await show('facts', norlandRequest());
    expect(notes()).toEqual(['Dual criminality: Required for coercive measures']);
    expect(source()).toBe('Kingdom of Norland — directory, as of 2026-11-01');
    unmount(view!);
    view = null;
    await show('persons', norlandRequest());
    expect(document.querySelector('[data-directory-notes]')).toBeNull();
  });

  it('is worded in the interface language', async () => {
    await show('facts', norlandRequest(), 'fr');
    // The notes come worded from the core; the separator is the interface's (English when mounted alone).
    expect(notes()).toEqual([expect.stringMatching(/^Double incrimination ?: Exigée pour les mesures coercitives$/)]);
    expect(source()).toBe('Kingdom of Norland — répertoire, à jour au 2026-11-01');
  });

  it('goes when the request is addressed to a State whose entry it does not carry', async () => {
    const editor = await show('facts', norlandRequest());
    expect(notes()).toHaveLength(1);
    editor.change('req_state', 'XV');
    await settle();
    expect(document.querySelector('[data-directory-notes]')).toBeNull();
  });

  it('shows a typed note as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.hacked=1">Kept <b>sealed</b>';
    const api = {
      ...createFakeBackend([]).api,
      requirementNotes: async () => ({ source: 'Kingdom of Norland — directory, as of 2026-11-01', steps: { handling: [{ field: 'conf.required', label: 'Confidentiality', text: hostile }] } }),
    };
    await show('handling', norlandRequest(), 'en', api);
    expect(notes()).toEqual([`Confidentiality: ${hostile}`]);
    expect(document.querySelector('[data-directory-notes] img, [data-directory-notes] b')).toBeNull();
  });
});
