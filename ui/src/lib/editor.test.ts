import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Editor } from './editor.svelte';
import { createFakeBackend } from './testing/fakeBackend';
import { corpusEntry, corpusRequest, emptyOffence, emptyRequest, fieldAt, preservationRequest, requestWithoutErrors } from './testing/fixtures';

const TIMINGS = { save: 600, check: 300, preview: 400 };

async function openEditor(request = emptyRequest()) {
  const backend = createFakeBackend([{ id: 'd1', request }]);
  const draft = await backend.api.openDraft('d1');
  const editor = new Editor(draft, backend.api, TIMINGS);
  await editor.start();
  return { backend, editor };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Editor', () => {
  it('words the findings in its language and runs the checks again when it changes', async () => {
    const backend = createFakeBackend([{ id: 'd1', request: emptyRequest() }]);
    const editor = new Editor(await backend.api.openDraft('d1'), backend.api, TIMINGS, 'fr');
    await editor.start();
    expect(backend.checkLangs).toEqual(['fr']);
    expect(editor.findings[0].message).toBe("Indiquez la dénomination officielle de l'autorité qui présente la demande.");
    await editor.setLang('ar');
    expect(backend.checkLangs).toEqual(['fr', 'ar']);
    expect(editor.findings[0].message).toBe('اذكر الاسم الرسمي للسلطة مقدِّمة الطلب.');
    await editor.setLang('ar');
    expect(backend.checkLangs).toEqual(['fr', 'ar']);
  });

  it('runs the checks on open and again shortly after a change', async () => {
    const { editor } = await openEditor();
    expect(editor.findings.map((f) => f.path)).toContain('req_auth.name');
    editor.change('req_auth.name', 'Public Prosecution Office');
    await vi.advanceTimersByTimeAsync(299);
    expect(editor.findings.map((f) => f.path)).toContain('req_auth.name');
    await vi.advanceTimersByTimeAsync(1);
    expect(editor.findings.map((f) => f.path)).not.toContain('req_auth.name');
  });

  it('autosaves the latest request after the quiet period and tracks the revision', async () => {
    const { editor, backend } = await openEditor();
    expect(editor.saveState.kind).toBe('saved');
    editor.change('case.internal_ref', 'PPO-1');
    editor.change('req_state', 'Norland');
    expect(editor.saveState.kind).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(600);
    expect(backend.saves).toHaveLength(1);
    expect(backend.saves[0].request.case.internal_ref).toBe('PPO-1');
    expect(backend.saves[0].request.req_state).toBe('Norland');
    expect(editor.saveState.kind).toBe('saved');
    expect(editor.revision).toBe(2);
    expect(editor.title).toBe('PPO-1 → Norland');
  });

  it('maps an empty choice to null and edits group items by path', async () => {
    const { editor } = await openEditor();
    const offences = fieldAt('offences');
    expect(editor.addItem('offences', offences)).toBe(0);
    expect(editor.addItem('offences', offences)).toBe(1);
    expect(editor.request.offences[0]).toEqual(emptyOffence());
    expect(editor.request.offences[0].category_flags).not.toBe(editor.request.offences[1].category_flags);
    editor.change('offences.0.name', 'Fraud');
    editor.change('offences.1.name', 'Money laundering');
    editor.moveItem('offences', 1, 0);
    expect(editor.request.offences.map((o) => o.name)).toEqual(['Money laundering', 'Fraud']);
    editor.duplicateItem('offences', 1);
    editor.removeItem('offences', 0);
    expect(editor.request.offences.map((o) => o.name)).toEqual(['Fraud', 'Fraud']);
    expect(editor.request.offences[0]).toEqual({ ...emptyOffence(), name: 'Fraud' });
    editor.change('basis.primary', 'UNTOC_18');
    editor.change('basis.primary', null);
    expect(editor.request.basis.primary).toBeNull();
  });

  it('flushes the pending save before exporting, then reports the path', async () => {
    const { editor, backend } = await openEditor();
    editor.change('case.internal_ref', 'ECD/2026/117');
    const done = editor.exportPdf();
    expect(editor.exportState.kind).toBe('running');
    await done;
    expect(backend.saves).toHaveLength(1);
    expect(backend.exports).toEqual([{ fileName: 'ECD-2026-117.pdf', appendAnnexes: false, request: backend.saves[0].request }]);
    expect(editor.exportState).toEqual({ kind: 'done', path: '/home/user/request.pdf', draft: true });
    expect(editor.saveState.kind).toBe('saved');
  });

  it('exports as a draft while an error remains, and as a final PDF once none does', async () => {
    const { editor } = await openEditor(requestWithoutErrors());
    expect(editor.findings).toEqual([]);
    expect(editor.exportsAsDraft).toBe(false);
    await editor.exportPdf();
    expect(editor.exportState).toEqual({ kind: 'done', path: '/home/user/request.pdf', draft: false });

    editor.change('facts.summary', '');
    expect(editor.exportState).toEqual({ kind: 'idle' });
    await vi.advanceTimersByTimeAsync(300);
    expect(editor.exportsAsDraft).toBe(true);
    await editor.exportPdf();
    expect(editor.exportState).toEqual({ kind: 'done', path: '/home/user/request.pdf', draft: true });
  });

  it('reports a cancelled export and an export error', async () => {
    const { editor, backend } = await openEditor();
    backend.exportAnswer = null;
    await editor.exportPdf();
    expect(editor.exportState).toEqual({ kind: 'cancelled' });
    backend.api.exportPdf = async () => {
      throw { code: 'file', message: '/readonly/x.pdf: cannot write: permission denied' };
    };
    const again = new Editor(await backend.api.openDraft('d1'), backend.api, TIMINGS);
    await again.exportPdf();
    expect(again.exportState).toEqual({ kind: 'error', message: '/readonly/x.pdf: cannot write: permission denied' });
  });

  it('shows a save failure with its message, and flush reports it', async () => {
    const { editor, backend } = await openEditor();
    backend.failSaves = 'database is locked';
    editor.change('req_state', 'Norland');
    await expect(editor.flush()).resolves.toBe(false);
    expect(editor.saveState).toEqual({ kind: 'error', message: 'database is locked', code: 'failed' });
    backend.failSaves = null;
    await expect(editor.flush()).resolves.toBe(true);
    expect(editor.saveState.kind).toBe('saved');
    expect(backend.drafts.get('d1')?.request.req_state).toBe('Norland');
  });

  it('builds the preview while it is shown and keeps it current', async () => {
    const { editor } = await openEditor(corpusRequest('norland'));
    editor.setPreviewActive(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(editor.pages).toEqual(corpusEntry('norland').pages);
    // The answers that make the corpus's request with hostile text.
    const hostile = corpusRequest('hostile-text');
    editor.change('req_auth.name', hostile.req_auth.name);
    editor.change('req_auth.address', hostile.req_auth.address);
    editor.change('facts.summary', hostile.facts.summary);
    expect(editor.previewPending).toBe(true);
    await vi.advanceTimersByTimeAsync(399);
    expect(editor.pages).toEqual(corpusEntry('norland').pages);
    await vi.advanceTimersByTimeAsync(1);
    expect(editor.pages).toEqual(corpusEntry('hostile-text').pages);
    expect(editor.previewPending).toBe(false);
    expect(editor.previewError).toBeNull();
  });

  it('says why there is no preview', async () => {
    const { backend } = await openEditor(corpusRequest('norland'));
    backend.api.previewRequest = async () => {
      throw { code: 'failed', message: 'template `mla_evidence` failed: boom' };
    };
    const again = new Editor(await backend.api.openDraft('d1'), backend.api, TIMINGS);
    again.setPreviewActive(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(again.previewError).toBe('template `mla_evidence` failed: boom');
    expect(again.previewPending).toBe(false);
  });

  it('saves pending changes, then creates the follow-up from the draft as saved', async () => {
    const { editor, backend } = await openEditor(preservationRequest());
    editor.change('preservation.custodian', 'Arden Cloud Ltd');
    const pending = editor.createFollowUp();
    expect(editor.followUpState.kind).toBe('running');
    await expect(editor.createFollowUp()).resolves.toBeNull();
    const created = await pending;
    expect(backend.saves).toHaveLength(1);
    expect(backend.followUps).toHaveLength(1);
    expect(backend.followUps[0].from).toBe('d1');
    expect(backend.followUps[0].request.preservation.custodian).toBe('Arden Cloud Ltd');
    expect(created).not.toBeNull();
    expect(created!.summary.id).not.toBe('d1');
    expect(created!.request.kind).toBe('mla_evidence');
    expect(created!.request.consult.preservation_ref).toBe('NP-2026-0441');
    expect(created!.request.mla.stored_data.map((d) => d.provider)).toEqual(['Arden Cloud Ltd']);
    expect(backend.drafts.has(created!.summary.id)).toBe(true);
    expect(editor.followUpState).toEqual({ kind: 'idle' });
    expect(editor.saveState.kind).toBe('saved');
  });

  it('creates no follow-up when the latest changes could not be saved', async () => {
    const { editor, backend } = await openEditor(preservationRequest());
    backend.failSaves = 'disk full';
    editor.change('preservation.custodian', 'Arden Cloud Ltd');
    await expect(editor.createFollowUp()).resolves.toBeNull();
    expect(backend.followUps).toHaveLength(0);
    expect(editor.followUpState).toEqual({ kind: 'error', cause: 'save', message: 'disk full' });
    // A new change clears the message.
    editor.change('preservation.custodian', 'Arden Cloud Limited');
    expect(editor.followUpState).toEqual({ kind: 'idle' });
  });

  it('reports why the follow-up could not be created', async () => {
    const { editor, backend } = await openEditor();
    await expect(editor.createFollowUp()).resolves.toBeNull();
    expect(editor.followUpState).toMatchObject({ kind: 'error', cause: 'create' });
    expect(editor.followUpState.kind === 'error' && editor.followUpState.message).toContain('only be created from a preservation request');
    expect(backend.drafts.size).toBe(1);
  });

  it('exports the Word document under the same draft rule, and reports cancel and error', async () => {
    const { editor, backend } = await openEditor();
    editor.change('case.internal_ref', 'ECD/2026/117');
    const done = editor.exportDocx();
    expect(editor.docxState.kind).toBe('running');
    await done;
    expect(backend.saves).toHaveLength(1);
    expect(backend.docxExports).toEqual([{ fileName: 'ECD-2026-117.docx', request: backend.saves[0].request }]);
    expect(editor.docxState).toEqual({ kind: 'done', path: '/home/user/request.docx', draft: true });
    expect(editor.exportState).toEqual({ kind: 'idle' });

    backend.docxAnswer = null;
    await editor.exportDocx();
    expect(editor.docxState).toEqual({ kind: 'cancelled' });

    backend.api.exportDocx = async () => {
      throw { code: 'file', message: '/readonly/x.docx: cannot write: permission denied' };
    };
    const again = new Editor(await backend.api.openDraft('d1'), backend.api, TIMINGS);
    await again.exportDocx();
    expect(again.docxState).toEqual({ kind: 'error', message: '/readonly/x.docx: cannot write: permission denied' });
  });

  it("offers the request's own language for translation, and exports the file after saving", async () => {
    const request = requestWithoutErrors();
    request.lang = { drafting: 'en', drafting_other: '', request: 'fr', request_other: '', accepted: [] };
    const { editor, backend } = await openEditor(request);
    expect(editor.translationTarget).toBe('fr');
    editor.change('facts.summary', 'Funds were moved.');
    await editor.exportXliff();
    expect(backend.saves).toHaveLength(1);
    expect(backend.xliffExports).toEqual([{ fileName: 'PPO-2026-0412.fr.xlf', target: 'fr', request: backend.saves[0].request }]);
    expect(editor.xliffState).toEqual({ kind: 'done', path: '/home/user/request.fr.xlf' });

    editor.setTranslationTarget('ar');
    expect(editor.xliffState).toEqual({ kind: 'idle' });
    backend.xliffAnswer = null;
    await editor.exportXliff();
    expect(backend.xliffExports.map((e) => [e.target, e.fileName])).toEqual([
      ['fr', 'PPO-2026-0412.fr.xlf'],
      ['ar', 'PPO-2026-0412.ar.xlf'],
    ]);
    expect(editor.xliffState).toEqual({ kind: 'cancelled' });
  });

  it("shows the core's reason when the request cannot be exported for translation", async () => {
    const { editor, backend } = await openEditor();
    // No drafting language, and a request language that is none of the six.
    expect(editor.translationTarget).toBe('en');
    await editor.exportXliff();
    expect(backend.xliffExports).toHaveLength(0);
    expect(editor.xliffState).toEqual({
      kind: 'error',
      cause: 'refused',
      message: 'the request\'s drafting language (lang.drafting) must be one of en, fr, es, ru, ar or zh to be translated; found ""',
    });
    editor.change('lang.drafting', 'en');
    expect(editor.xliffState).toEqual({ kind: 'idle' });
    await editor.exportXliff();
    expect(editor.xliffState).toMatchObject({ kind: 'error', cause: 'refused' });
    expect(editor.xliffState.kind === 'error' && editor.xliffState.message).toContain('is the language the request is drafted in');
  });

  it('tells a file that could not be written from a request that cannot be translated', async () => {
    const { editor, backend } = await openEditor(corpusRequest('drafted-in-english'));
    backend.failXliffWrite = 'permission denied';
    await editor.exportXliff();
    expect(editor.xliffState).toEqual({ kind: 'error', cause: 'write', message: '/home/user/request.fr.xlf: cannot write: permission denied' });
  });

  it('saves pending changes, then imports the translation as a new draft and leaves this one as it was', async () => {
    const request = requestWithoutErrors();
    request.lang = { drafting: 'en', drafting_other: '', request: 'en', request_other: '', accepted: [] };
    const { editor, backend } = await openEditor(request);
    editor.change('facts.summary', 'Funds were moved through Norland.');
    const pending = editor.importTranslation();
    expect(editor.importState.kind).toBe('running');
    await expect(editor.importTranslation()).resolves.toBeNull();
    const created = await pending;
    expect(backend.saves).toHaveLength(1);
    expect(backend.imports).toEqual([{ from: 'd1', request: backend.saves[0].request }]);
    expect(created).not.toBeNull();
    expect(created!.summary.id).not.toBe('d1');
    expect(created!.summary.title).toBe('PPO-2026-0412 → Norland [fr]');
    expect(created!.request.facts.summary).toBe('[fr] Funds were moved through Norland.');
    expect(created!.request.translation.original?.['facts.summary']).toBe('Funds were moved through Norland.');
    expect(created!.request.lang.request).toBe('fr');
    expect(backend.drafts.get('d1')!.request.facts.summary).toBe('Funds were moved through Norland.');
    expect(backend.drafts.size).toBe(2);
    expect(editor.importState).toEqual({ kind: 'idle' });
  });

  it('imports nothing when cancelled, when the file does not fit, or when the latest changes could not be saved', async () => {
    const { editor, backend } = await openEditor(requestWithoutErrors());
    backend.importAnswer = null;
    await expect(editor.importTranslation()).resolves.toBeNull();
    expect(editor.importState).toEqual({ kind: 'cancelled' });

    backend.importAnswer = 'fr';
    const misfit = '2 problem(s), nothing imported:\n  unit facts.summary (line 12): the <target> is empty\n  unit purpose.statement: missing from the file';
    backend.failImport = { code: 'translation', message: misfit };
    await expect(editor.importTranslation()).resolves.toBeNull();
    expect(editor.importState).toEqual({ kind: 'error', cause: 'import', message: misfit });

    const unreadable = '/home/user/huge.xlf: the file is 9000000 bytes, more than the 5242880 bytes a translation file may have';
    backend.failImport = { code: 'file', message: unreadable };
    await expect(editor.importTranslation()).resolves.toBeNull();
    expect(editor.importState).toEqual({ kind: 'error', cause: 'read', message: unreadable });

    backend.failImport = null;
    backend.failSaves = 'disk full';
    editor.change('facts.summary', 'Changed.');
    expect(editor.importState).toEqual({ kind: 'idle' });
    await expect(editor.importTranslation()).resolves.toBeNull();
    expect(editor.importState).toEqual({ kind: 'error', cause: 'save', message: 'disk full' });
    expect(backend.imports).toHaveLength(0);
    expect(backend.drafts.size).toBe(1);
  });

  // The class: answers the directory filled (in force, languages accepted)
  // follow a change of basis, kind or State; the core decides each (and
  // keeps one the drafter changed), the editor asks it after each such
  // change, from the request as it was before, and takes its answer as an edit.
  it('asks the core to bring the answers from the directory up to date after a change of basis, kind or State, and takes its answer', async () => {
    const { editor, backend } = await openEditor(corpusRequest('norland'));
    backend.refreshDirectoryAnswers = (before, request) => ({
      ...request,
      basis: { ...request.basis, in_force: request.basis.primary === before.basis.primary ? request.basis.in_force : 'unknown' },
    });
    const basisBefore = editor.request.basis.primary;
    editor.change('case.internal_ref', 'PPO-2');
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.directoryRefreshes, 'an answer that changes nothing the directory answers asks nothing').toHaveLength(0);
    editor.change('basis.primary', 'UNCAC_46');
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.directoryRefreshes).toHaveLength(1);
    expect(backend.directoryRefreshes[0].before.basis.primary).toBe(basisBefore);
    expect(backend.directoryRefreshes[0].request.basis.primary).toBe('UNCAC_46');
    expect(editor.request.basis.in_force).toBe('unknown');
    editor.change('kind', 'preservation');
    editor.change('req_state', 'XV');
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.directoryRefreshes.length).toBeGreaterThanOrEqual(2);
    // Saved with the rest, as one more edit.
    await vi.advanceTimersByTimeAsync(600);
    expect(backend.saves.at(-1)!.request.basis.in_force).toBe('unknown');
  });

  it('asks again about the request as it is when it changed while the core answered, from the request before the first change', async () => {
    const { editor, backend } = await openEditor(corpusRequest('norland'));
    const basisBefore = editor.request.basis.primary;
    backend.refreshDirectoryAnswers = (_before, request) => ({ ...request, lang: { ...request.lang, accepted: ['fr'] } });
    editor.change('basis.primary', 'UNCAC_46');
    editor.change('case.internal_ref', 'typed while the core answers');
    editor.change('basis.primary', 'BUDAPEST');
    await vi.advanceTimersByTimeAsync(0);
    const asked = backend.directoryRefreshes.map((r) => [r.before.basis.primary, r.request.basis.primary, r.request.case.internal_ref]);
    expect(asked.at(-1)).toEqual([basisBefore, 'BUDAPEST', 'typed while the core answers']);
    expect(asked.every(([before]) => before === basisBefore)).toBe(true);
    expect(editor.request.lang.accepted).toEqual(['fr']);
    expect(editor.request.case.internal_ref, 'nothing typed meanwhile is lost').toBe('typed while the core answers');
    expect(editor.request.basis.primary).toBe('BUDAPEST');
  });
});
