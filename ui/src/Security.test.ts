// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount, unmount } from 'svelte';
import { $, settle, type } from './lib/testing/dom';
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

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  backend = createFakeBackend([{ id: 'd1', request: corpusRequest('norland') }]);
});

afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.replaceChildren();
  vi.useRealTimers();
});

async function start(): Promise<void> {
  app = mount(App, { target: document.body, props: {} });
  await settle();
}

describe('an encrypted database', () => {
  it('is unlocked before anything else shows, and a wrong passphrase is said to be wrong', async () => {
    backend.database.encrypted = true;
    backend.database.unlocked = false;
    await start();
    expect(document.querySelector('[data-testid="start-screen"]')).toBeNull();
    type('[data-testid="unlock-passphrase"]', 'not it');
    await click('[data-testid="unlock-database"]');
    expect($('[data-testid="unlock-error"]').textContent).toContain('does not open your drafts');
    expect(document.querySelector('[data-testid="start-screen"]')).toBeNull();
    type('[data-testid="unlock-passphrase"]', backend.database.passphrase);
    await click('[data-testid="unlock-database"]');
    expect($('[data-testid="start-screen"]')).toBeTruthy();
  });
});

describe('a database that cannot be opened', () => {
  it('says why and what to do, keeps the start screen away, and opens once the fault is gone', async () => {
    backend.database.problem = { code: 'read_only', message: 'database /data/mla-writer.sqlite3 cannot be written: its folder or file is read-only' };
    await start();
    expect($('[data-testid="database-problem"]').textContent).toContain('read-only. Nothing saved is lost. Make it writable, then try again.');
    expect($('[data-testid="database-problem"]').textContent).toContain('/data/mla-writer.sqlite3');
    expect(document.querySelector('[data-testid="start-screen"]')).toBeNull();

    await click('[data-testid="database-retry"]');
    expect($('[data-testid="database-problem"]')).toBeTruthy();

    backend.database.problem = null;
    await click('[data-testid="database-retry"]');
    expect(document.querySelector('[data-testid="database-problem"]')).toBeNull();
    expect($('[data-testid="start-screen"]')).toBeTruthy();
  });
});

describe('the settings', () => {
  it('turn encryption on only with the passphrase typed twice alike', async () => {
    await start();
    await click('[data-testid="open-settings"]');
    expect($('[data-testid="encryption-state"]').dataset.encrypted).toBe('false');
    type('[data-testid="new-passphrase"]', 'first words');
    type('[data-testid="confirm-passphrase"]', 'other words');
    await click('[data-testid="encryption-on"]');
    expect($('[data-testid="settings-error"]').textContent).toContain('differ');
    expect(backend.database.encrypted).toBe(false);
    type('[data-testid="confirm-passphrase"]', 'first words');
    await click('[data-testid="encryption-on"]');
    expect(backend.database).toMatchObject({ encrypted: true, passphrase: 'first words' });
    expect($('[data-testid="encryption-state"]').dataset.encrypted).toBe('true');
    expect($('[data-testid="settings-notice"]').textContent).toContain('now encrypted');
  });

  it('make a backup, list it, and restore it', async () => {
    await start();
    await click('[data-testid="open-settings"]');
    await click('[data-testid="make-backup"]');
    expect(document.querySelectorAll('[data-testid="restore-backup"]')).toHaveLength(1);
    await click('[data-testid="restore-backup"]');
    expect($('[data-testid="settings-notice"]').textContent).toContain('restored');
  });
});
