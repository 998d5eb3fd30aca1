import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnnexFile } from './generated/AnnexFile';
import type { Request } from './generated/Request';
import { formatFileSize, shortHash, withAnnexFile, withoutAnnexFile } from './annexes';
import { Editor } from './editor.svelte';
import { createFakeBackend } from './testing/fakeBackend';
import { emptyRequest } from './testing/fixtures';

const STATEMENT: AnnexFile = {
  sha256: 'a3'.repeat(32),
  name: 'statement.pdf',
  media_type: 'application/pdf',
  size: 48_213,
  pages: 4,
};

function withAnnexes(...titles: string[]): Request {
  const request = emptyRequest();
  request.attachments = titles.map((title) => ({ type: 'other', title, language: 'en', language_other: '', pages: '', translated: false, certified: false }));
  return request;
}

describe('annex files in the request', () => {
  it('keeps a file in one annex and fills an empty page count from the PDF', () => {
    const request = withAnnexes('Statement', 'Order');
    request.attachments[1].pages = '2';
    const once = withAnnexFile(request, 0, STATEMENT);
    expect(once.attachments[0]).toMatchObject({ title: 'Statement', file: STATEMENT, pages: '4' });
    expect(once.attachments[1].file).toBeUndefined();
    const twice = withAnnexFile(once, 1, { ...STATEMENT, pages: 9 });
    expect(twice.attachments[1].pages).toBe('2');
    expect(request.attachments[0].file).toBeUndefined();
  });

  it('leaves the request alone when the annex is gone, and removes a file without a trace', () => {
    const request = withAnnexes('Statement');
    expect(withAnnexFile(request, 3, STATEMENT)).toBe(request);
    const removed = withoutAnnexFile(withAnnexFile(request, 0, STATEMENT), 0);
    expect('file' in removed.attachments[0]).toBe(false);
    expect(removed.attachments[0].pages).toBe('4');
    expect(withoutAnnexFile(request, 0)).toBe(request);
  });

  it('words sizes and shortens hashes for the screen', () => {
    expect(formatFileSize(820)).toBe('820 B');
    expect(formatFileSize(48_213)).toBe('47.1 KB');
    expect(formatFileSize(3 * 1024 * 1024 + 200_000)).toBe('3.2 MB');
    expect(shortHash(STATEMENT.sha256)).toBe('a3a3a3a3a3a3a3a3…');
  });
});

describe('Editor and annex files', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  async function open(request: Request) {
    const backend = createFakeBackend([{ id: 'd1', request }]);
    const editor = new Editor(await backend.api.openDraft('d1'), backend.api, { save: 600, check: 300, preview: 400 });
    await editor.start();
    return { backend, editor };
  }

  it('saves pending edits first, then merges the attached file into the request on screen', async () => {
    const { backend, editor } = await open(withAnnexes('Statement'));
    backend.annexAnswer = STATEMENT;
    editor.change('attachments.0.title', 'Witness statement');
    await editor.attachAnnexFile(0);
    expect(backend.saves[0].request.attachments[0].title).toBe('Witness statement');
    expect(editor.request.attachments[0].file).toEqual(STATEMENT);
    expect(editor.request.attachments[0].title).toBe('Witness statement');
    expect(backend.drafts.get('d1')?.request.attachments[0].file).toEqual(STATEMENT);
    expect(editor.annexFileState.kind).toBe('idle');
  });

  it('says why a file was not attached, and keeps the request as it was', async () => {
    const { backend, editor } = await open(withAnnexes('Statement'));
    backend.annexAnswer = STATEMENT;
    backend.failAnnex = { code: 'file', message: 'the annex file scan.pdf is 73.0 MiB, more than the limit of 50.0 MiB' };
    await editor.attachAnnexFile(0);
    expect(editor.annexFileState).toEqual({ kind: 'error', index: 0, message: backend.failAnnex.message });
    expect(editor.request.attachments[0].file).toBeUndefined();
    backend.annexAnswer = null;
    await editor.attachAnnexFile(0);
    expect(editor.annexFileState.kind).toBe('idle');
  });

  it('removes a file by an edit that autosaves, and exports with the annexes only when asked', async () => {
    const { backend, editor } = await open(withAnnexFile(withAnnexes('Statement'), 0, STATEMENT));
    editor.removeAnnexFile(0);
    await vi.advanceTimersByTimeAsync(600);
    expect(backend.saves.at(-1)?.request.attachments[0].file).toBeUndefined();
    await editor.exportPdf();
    editor.appendAnnexes = true;
    await editor.exportPdf();
    expect(backend.exports.map((e) => e.appendAnnexes)).toEqual([false, true]);
  });
});
