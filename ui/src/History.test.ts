// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount, unmount } from 'svelte';
import { $, settle } from './lib/testing/dom';
import type { FakeBackend } from './lib/testing/fakeBackend';
import { createFakeBackend } from './lib/testing/fakeBackend';
import { corpusRequest } from './lib/testing/fixtures';

let backend: FakeBackend;

vi.mock('@tauri-apps/api/core', () => ({
  invoke: (command: never, args: never) => backend.invoke(command, args),
}));

const { default: App } = await import('./App.svelte');

let app: ReturnType<typeof mount> | null = null;

async function click(selector: string): Promise<void> {
  $(selector).click();
  await settle();
}

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
const calls = (command: string) => backend.history.calls.filter((c) => c.command === command).map((c) => c.args);

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  backend = createFakeBackend([{ id: 'd1', request: corpusRequest('norland'), revision: 3 }]);
  backend.history.entries.set('d1', [
    { number: 1, saved_at: '2026-03-02T09:00:00Z', changes: [], restored_from: null },
    { number: 2, saved_at: '2026-03-02T09:05:00Z', changes: ['facts.summary'], restored_from: null },
    { number: 3, saved_at: '2026-03-02T09:10:00Z', changes: ['persons.1'], restored_from: null },
  ]);
  backend.history.changes = [
    {
      path: 'facts.summary',
      label: 'Summary of the facts',
      change: {
        type: 'text',
        spans: [
          { kind: 'unchanged', text: 'The suspect ' },
          { kind: 'deleted', text: 'sold' },
          { kind: 'inserted', text: HOSTILE },
        ],
      },
    },
    { path: 'persons.1', label: 'Person 2', change: { type: 'added', summary: HOSTILE } },
  ];
});

afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.replaceChildren();
  delete (window as { __pwned?: number }).__pwned;
  vi.useRealTimers();
});

async function openHistory(): Promise<void> {
  app = mount(App, { target: document.body, props: {} });
  await settle();
  await click('[data-testid="draft-item"]');
  await click('[data-testid="open-history"]');
  await settle();
}

describe('the history screen', () => {
  it('lists the revisions newest first and compares the latest two as tracked changes, text shown literally', async () => {
    await openHistory();
    const numbers = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="revision-item"]')).map((e) => e.dataset.number);
    expect(numbers).toEqual(['3', '2', '1']);
    expect($('[data-testid="revision-item"][data-number="2"] [data-testid="revision-summary"]').textContent).toContain('Summary of the facts');
    expect(calls('compare_revisions')).toEqual([{ id: 'd1', from: 2, to: 3, lang: 'en' }]);
    const changes = $('[data-testid="revision-changes"]');
    expect(Array.from(changes.querySelectorAll('[data-testid="revision-del"]')).map((e) => e.textContent)).toEqual(['sold']);
    expect(Array.from(changes.querySelectorAll('[data-testid="revision-ins"]')).map((e) => e.textContent)).toEqual([HOSTILE, HOSTILE]);
    expect(changes.querySelectorAll('img, script').length).toBe(0);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('restores a revision, then opens the draft as stored', async () => {
    await openHistory();
    expect(document.querySelector('[data-testid="revision-item"][data-number="3"] [data-testid="revision-restore"]')).toBeNull();
    await click('[data-testid="revision-item"][data-number="1"] [data-testid="revision-restore"]');
    await settle();
    expect(calls('restore_revision')).toEqual([{ id: 'd1', number: 1 }]);
    expect($('[data-testid="history-notice"]').textContent).toContain('saved as revision 4');
    await click('[data-testid="history-open-draft"]');
    await settle();
    expect(document.querySelector('[data-testid="history-screen"]')).toBeNull();
    expect($('[data-testid="save-status"]')).toBeTruthy();
  });

  it('exports a revision under a name that says which it is', async () => {
    await openHistory();
    await click('[data-testid="revision-item"][data-number="2"] [data-testid="revision-export-docx"]');
    await settle();
    expect(calls('export_revision')).toEqual([{ id: 'd1', number: 2, docx: true, fileName: expect.stringMatching(/-rev-2\.docx$/) }]);
    expect($('[data-testid="history-notice"]').textContent).toContain('/home/user/request.docx');
  });
});
