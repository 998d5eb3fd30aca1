// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { $, settle, type } from './lib/testing/dom';
import type { FakeBackend } from './lib/testing/fakeBackend';
import { createFakeBackend } from './lib/testing/fakeBackend';
import { corpusRequest } from './lib/testing/fixtures';
import { SEARCH_DELAY } from './lib/search';

let backend: FakeBackend;

vi.mock('@tauri-apps/api/core', () => ({
  invoke: (command: never, args: never) => backend.invoke(command, args),
}));

const { default: App } = await import('./App.svelte');

let app: ReturnType<typeof mount> | null = null;

function click(selector: string): void {
  $(selector).click();
  flushSync();
}

const all = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector));

async function start(): Promise<void> {
  app = mount(App, { target: document.body, props: {} });
  await settle();
}

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  backend = createFakeBackend([{ id: 'd1', request: corpusRequest('norland') }]);
  const summary = backend.drafts.get('d1')!.summary;
  backend.searchAnswer = [
    {
      draft: summary,
      archived: false,
      hits: [
        {
          path: 'persons.0.family_name',
          label: 'Person 1: Family name or registered name',
          snippet: [
            { text: 'مُحَمَّد', hit: true },
            { text: ' <img src=x onerror=alert(1)>', hit: false },
          ],
        },
      ],
    },
  ];
});

afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('search on the start screen', () => {
  it('searches once typing pauses and shows each hit with its label and marked words, as text', async () => {
    await start();
    type('[data-testid="search-input"]', 'محمد');
    await settle(SEARCH_DELAY);
    expect(backend.searches).toEqual(['محمد']);
    const hit = $('[data-testid="search-hit"]');
    expect(hit.textContent).toContain('Person 1: Family name or registered name');
    expect(all('[data-testid="search-hit"] mark').map((m) => m.textContent)).toEqual(['مُحَمَّد']);
    // Text from a request is never markup.
    expect(hit.querySelector('img')).toBeNull();
    expect(hit.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('opens the draft at the field a hit was found in', async () => {
    backend.searchAnswer[0].hits[0].path = 'case.internal_ref';
    await start();
    type('[data-testid="search-input"]', 'محمد');
    await settle(SEARCH_DELAY);
    click('[data-testid="search-hit"]');
    await settle();
    expect(document.activeElement?.getAttribute('data-field')).toBe('case.internal_ref');
  });

  it('says when nothing is found, and clears the results for an empty box', async () => {
    backend.searchAnswer = [];
    await start();
    type('[data-testid="search-input"]', 'nothing');
    await settle(SEARCH_DELAY);
    expect($('[data-testid="search-none"]').textContent).toBe('No request holds these words.');
    type('[data-testid="search-input"]', '  ');
    await settle(SEARCH_DELAY);
    expect(all('[data-testid="search-none"]')).toHaveLength(0);
    expect(backend.searches).toEqual(['nothing']);
  });
});

describe('archive and bin', () => {
  it('deletes a draft only once confirmed, and restores it from the bin', async () => {
    await start();
    click('[data-testid="delete-draft"]');
    const question = $('[role="alertdialog"]').textContent ?? '';
    expect(question).toContain('PPO-2026-0412');
    expect(question).toContain('to the bin?');
    click('[data-testid="delete-draft-cancel"]');
    expect(all('[role="alertdialog"]')).toHaveLength(0);
    expect(backend.bin.size).toBe(0);
    click('[data-testid="delete-draft"]');
    click('[data-testid="delete-draft-confirm"]');
    await settle();
    expect(backend.bin.has('d1')).toBe(true);
    expect(all('[data-testid="draft-item"]')).toHaveLength(0);

    click('[data-testid="open-aside"]');
    await settle();
    expect(all('[data-testid="bin-item"]').map((e) => e.dataset.draft)).toEqual(['d1']);
    click('[data-testid="restore"]');
    await settle();
    expect($('[data-testid="bin-empty"]').textContent).toBe('The bin is empty.');
    click('[data-testid="aside-home"]');
    await settle();
    expect(all('[data-testid="draft-item"]')).toHaveLength(1);
  });

  it('archives a draft off the list and brings it back', async () => {
    await start();
    click('[data-testid="archive-draft"]');
    await settle();
    expect(all('[data-testid="draft-item"]')).toHaveLength(0);
    click('[data-testid="open-aside"]');
    await settle();
    expect(all('[data-testid="archived-item"]')).toHaveLength(1);
    click('[data-testid="unarchive"]');
    await settle();
    expect(all('[data-testid="archived-item"]')).toHaveLength(0);
  });

  it('empties the bin only once confirmed', async () => {
    await start();
    click('[data-testid="delete-draft"]');
    click('[data-testid="delete-draft-confirm"]');
    await settle();
    click('[data-testid="open-aside"]');
    await settle();
    click('[data-testid="empty-bin"]');
    expect(backend.drafts.has('d1')).toBe(true);
    click('[data-testid="empty-bin-confirm"]');
    await settle();
    expect(backend.drafts.has('d1')).toBe(false);
    expect($('[data-testid="bin-empty"]').textContent).toBe('The bin is empty.');
  });
});
