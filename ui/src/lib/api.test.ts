import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { api, ApiError, errorMessage, toApiError } = await import('./api');
const { emptyRequest } = await import('./testing/fixtures');

beforeEach(() => {
  invoke.mockReset();
});

describe('api', () => {
  it('calls each command with camelCase argument names', async () => {
    invoke.mockResolvedValue(null);
    const request = emptyRequest();
    await api.wizardDefinition('ar');
    await api.uiStrings('zh');
    await api.listDrafts();
    await api.newDraft();
    await api.openDraft('d1');
    await api.createFollowUp('d1');
    await api.saveDraft('d1', request);
    await api.checkRequest(request, 'fr');
    await api.previewRequest(request);
    await api.exportPdf(request, 'PPO-1.pdf');
    expect(invoke.mock.calls).toEqual([
      ['wizard_definition', { lang: 'ar' }],
      ['ui_strings', { lang: 'zh' }],
      ['list_drafts', undefined],
      ['new_draft', undefined],
      ['open_draft', { id: 'd1' }],
      ['create_follow_up', { id: 'd1' }],
      ['save_draft', { id: 'd1', request }],
      ['check_request', { request, lang: 'fr' }],
      ['preview_request', { request }],
      ['export_pdf', { request, fileName: 'PPO-1.pdf' }],
    ]);
  });

  it('passes on where the PDF went and whether it is a draft, or null when cancelled', async () => {
    const request = emptyRequest();
    invoke.mockResolvedValueOnce({ path: '/home/user/PPO-1.pdf', draft: true });
    await expect(api.exportPdf(request, 'PPO-1.pdf')).resolves.toEqual({ path: '/home/user/PPO-1.pdf', draft: true });
    invoke.mockResolvedValueOnce(null);
    await expect(api.exportPdf(request, 'PPO-1.pdf')).resolves.toBeNull();
  });

  it('rejects with the command’s code and message', async () => {
    invoke.mockImplementation(() => Promise.reject({ code: 'not_found', message: 'No draft with id d9.' }));
    let error: unknown = null;
    try {
      await api.openDraft('d9');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    const e = error as InstanceType<typeof ApiError>;
    expect([e.code, e.message]).toEqual(['not_found', 'No draft with id d9.']);
  });

  it('rejects a follow-up of another kind of request with its code', async () => {
    invoke.mockImplementation(() =>
      Promise.reject({ code: 'not_preservation', message: 'a follow-up MLA request can only be created from a preservation request' }),
    );
    const error = await api.createFollowUp('d1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as InstanceType<typeof ApiError>;
    expect([e.code, e.message]).toEqual(['not_preservation', 'a follow-up MLA request can only be created from a preservation request']);
  });

  it('turns any rejection into a message for the user', () => {
    expect(errorMessage('command save_draft not found')).toBe('command save_draft not found');
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(toApiError(undefined).message).toBe('An unexpected error occurred.');
  });
});
