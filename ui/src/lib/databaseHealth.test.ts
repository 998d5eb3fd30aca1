import { describe, expect, it } from 'vitest';
import { checkDatabase, exportReadable, rescueMessage } from './databaseHealth';
import { I18n } from './i18n.svelte';
import { createFakeBackend } from './testing/fakeBackend';

const english = new I18n();

describe('the database check and the way out of a damaged database', () => {
  it('a sound database says nothing, a damaged one names its problems', async () => {
    const backend = createFakeBackend();
    await expect(checkDatabase(backend.api)).resolves.toEqual({ kind: 'sound' });
    backend.databaseProblems = ['Page 41: btreeInitPage() returns error code 11'];
    await expect(checkDatabase(backend.api)).resolves.toEqual({ kind: 'damaged', problems: ['Page 41: btreeInitPage() returns error code 11'] });
  });

  it('a check that cannot run is not taken for damage', async () => {
    const failing = { checkDatabase: () => Promise.reject({ code: 'failed', message: 'unable to open database file' }), exportReadableDrafts: () => Promise.resolve(null) };
    await expect(checkDatabase(failing)).resolves.toEqual({ kind: 'unchecked', message: 'unable to open database file' });
  });

  it('exports the readable drafts and says how many, and how many could not be read', async () => {
    const backend = createFakeBackend();
    backend.readableExport = { written: ['/r/a.json', '/r/b.json'], unreadable: ['draft c: database disk image is malformed'] };
    const done = await exportReadable(backend.api);
    expect(done).toEqual({ kind: 'done', written: 2, unreadable: 1 });
    expect(backend.exchange.calls.map((c) => c.command)).toContain('export_readable_drafts');
    const { key, params } = rescueMessage(done as { written: number; unreadable: number });
    expect(english.t(key, params)).toBe('Drafts exported: 2. Drafts that could not be read: 1.');
    expect(english.t(...Object.values(rescueMessage({ written: 3, unreadable: 0 })) as [string, Record<string, string>])).toBe('Drafts exported: 3.');
  });

  it('a cancelled folder dialog leaves nothing to report, a failure says why', async () => {
    const backend = createFakeBackend();
    backend.readableExport = null;
    await expect(exportReadable(backend.api)).resolves.toEqual({ kind: 'idle' });
    const failing = { checkDatabase: () => Promise.resolve({ problems: [] }), exportReadableDrafts: () => Promise.reject({ code: 'file', message: '/r/a.json: cannot write: permission denied' }) };
    await expect(exportReadable(failing)).resolves.toEqual({ kind: 'error', message: '/r/a.json: cannot write: permission denied' });
  });
});
