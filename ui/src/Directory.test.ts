// @vitest-environment jsdom
// The directory in Settings: found by a word, an entry opened with its
// authorities, one edited and one deleted, each change in the entry's
// history. The stand-in holds the demo directory as the core gives it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount, unmount } from 'svelte';
import { $, settle, type } from './lib/testing/dom';
import type { FakeBackend } from './lib/testing/fakeBackend';
import { createFakeBackend } from './lib/testing/fakeBackend';
import type { StateEntry } from './lib/generated/StateEntry';
import demo from './lib/testing/generated/directory.json';

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

const listed = () => Array.from(document.querySelectorAll('[data-testid^="directory-state-"]')).map((e) => e.getAttribute('data-testid'));

beforeEach(async () => {
  vi.useFakeTimers();
  localStorage.clear();
  backend = createFakeBackend([]);
  backend.directory.entries = structuredClone(demo as unknown as StateEntry[]);
  app = mount(App, { target: document.body, props: {} });
  await settle();
  await click('[data-testid="shortcuts-close"]').catch(() => undefined);
  await click('[data-testid="open-settings"]');
});

afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('the directory in Settings', () => {
  it('is narrowed to the States a word is found in, and says when none holds it', async () => {
    expect(listed().length).toBe((demo as unknown[]).length);
    type('[data-testid="directory-search"]', 'criminal investigation');
    await settle();
    expect(listed()).toEqual(['directory-state-XN']);
    type('[data-testid="directory-search"]', 'Atlantis');
    await settle();
    expect(listed()).toEqual([]);
    expect($('[data-testid="directory-search-none"]').textContent).toContain('Atlantis');
  });

  it('edits an authority, deletes another after asking, and shows both in the history', async () => {
    const norland = backend.directory.entries.find((e) => e.state_id === 'XN')!;
    const [ministry, poc] = norland.authorities;
    await click('[data-testid="directory-open-XN"]');
    expect($('[data-testid="directory-entry"]').textContent).toContain('Kingdom of Norland (XN)');
    expect($(`[data-testid="directory-authority-${ministry.authority_id}"]`).textContent).toContain('Central authority for mutual legal assistance');
    await click(`[data-testid="directory-edit-${ministry.authority_id}"]`);
    type('[data-testid="directory-edit-emails"]', 'mla.desk@justice.norland.example');
    await click('[data-testid="directory-edit-save"]');
    const saved = backend.directory.entries.find((e) => e.state_id === 'XN')!.authorities[0];
    expect(saved.email).toEqual(['mla.desk@justice.norland.example']);
    expect(saved.roles).toEqual(ministry.roles);
    expect($('[data-testid="directory-entry-notice"]').textContent).toContain('1 fields changed');
    expect($('[data-testid="directory-history"]').textContent).toContain('mla.desk@justice.norland.example');

    await click(`[data-testid="directory-delete-${poc.authority_id}"]`);
    expect(backend.directory.entries.find((e) => e.state_id === 'XN')!.authorities).toHaveLength(2);
    await click('[data-testid="directory-delete-confirm"]');
    expect(backend.directory.entries.find((e) => e.state_id === 'XN')!.authorities.map((a) => a.authority_id)).toEqual([ministry.authority_id]);
    expect(document.querySelector(`[data-testid="directory-authority-${poc.authority_id}"]`)).toBeNull();
    expect($('[data-testid="directory-history"]').textContent).toContain('deleted');
  });
});
