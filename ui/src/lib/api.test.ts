import { beforeEach, describe, expect, it, vi } from 'vitest';
import { initialQuery } from './register';
import type { OwnStateProfile } from './generated/OwnStateProfile';
import type { StateEntry } from './generated/StateEntry';
import directory from './testing/generated/directory.json';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { api, ApiError, errorCode, errorMessage, toApiError } = await import('./api');
const { COMMAND_NAMES } = await import('./generated/commands');
const { emptyRequest } = await import('./testing/fixtures');

beforeEach(() => {
  invoke.mockReset();
});

describe('api', () => {
  it('calls each command with camelCase argument names', async () => {
    invoke.mockResolvedValue(null);
    const request = emptyRequest();
    const entry = (directory as unknown as StateEntry[])[0];
    await api.wizardDefinition('ar');
    await api.uiStrings('zh');
    await api.buildInfo();
    await api.listDrafts();
    await api.newDraft('mla_evidence');
    await api.openDraft('d1');
    await api.createFollowUp('d1');
    await api.saveDraft('d1', request);
    await api.checkRequest(request, 'fr');
    await api.previewRequest(request);
    await api.demoMode();
    await api.setDemoMode('real');
    await api.exportPdf(request, 'PPO-1.pdf');
    await api.exportDocx(request, 'PPO-1.docx');
    await api.exportXliff(request, 'fr', 'PPO-1.fr.xlf');
    await api.importXliff('d1');
    await api.checkDatabase();
    await api.exportReadableDrafts();
    await api.attachAnnexFile('d1', request, 1);
    await api.exchangeDesk();
    await api.createIdentity('A. Prosecutor', 'Office', 'a@example.org', 'long passphrase');
    await api.unlockKeys('long passphrase');
    await api.rotateKeys();
    await api.exportCard('A-Prosecutor.mlacard');
    await api.importCard();
    await api.trustContact('k1', '12345');
    await api.sharedRequests();
    await api.consultation('d1', 'fr');
    await api.sendPackage('d1', ['k1'], null, 'Please comment', 'PPO-1.mlapkg');
    await api.importPackage('agreed words');
    await api.confirmPackageSigner('12345', null);
    await api.addComment('d1', 'facts.summary', 'question', 'Which court?');
    await api.answerComment('d1', 'c1', 'The district court');
    await api.resolveComment('d1', 'c1');
    await api.suggestEdit('d1', 'facts.summary', 'New text', 'Clearer');
    await api.acceptSuggestion('d1', 's1', { type: 'theirs' });
    await api.rejectSuggestion('d1', 's2');
    await api.exportReadingCopy('d1', 'en', 'PPO-1-comments.pdf');
    await api.searchDrafts('Brenner', 'fr');
    await api.archiveDraft('d1');
    await api.unarchiveDraft('d1');
    await api.deleteDraft('d1');
    await api.restoreDraft('d1');
    await api.archivedDrafts();
    await api.binDrafts();
    await api.emptyBin();
    await api.registerPage(initialQuery());
    await api.dashboard();
    await api.draftLinks('d1');
    await api.draftHistory('d1');
    await api.openRevision('d1', 2);
    await api.compareRevisions('d1', 1, 3, 'fr');
    await api.restoreRevision('d1', 2);
    await api.exportRevision('d1', 2, true, 'PPO-1-r2.docx');
    await api.databaseStatus();
    await api.unlockDatabase('database passphrase');
    await api.setEncryption('database passphrase');
    await api.changeDatabasePassphrase('new passphrase');
    await api.backups();
    await api.makeBackup();
    await api.setBackupsKept(5);
    await api.restoreBackup(null, null);
    const profile: OwnStateProfile = {
      state: 'Republic of Arden',
      central_authority: { name: 'Ministry of Justice of Arden', address: '1 Court Road' },
      contact_24_7: { name: '', phone: '', email: '' },
      mla_law: [],
      drafting_language: 'en',
      drafting_language_other: '',
      instruments: [],
    };
    await api.directoryStates();
    await api.stateChoices('ar');
    await api.languageChoices('ar');
    await api.stateAuthorities('XN', 'preservation');
    await api.addressRequest(request, 'XN', 'a1', 'fr');
    await api.refreshDirectoryAnswers(request, request);
    await api.annexLabels(request);
    await api.requirementNotes(request, 'fr');
    await api.previewDirectoryImport();
    await api.applyDirectoryImport();
    await api.searchDirectory('norland');
    await api.directoryEntry('XN');
    await api.directoryHistory('XN');
    await api.saveDirectoryEntry(entry);
    await api.addDirectoryState(entry);
    await api.directoryEntryProblems(entry, true);
    await api.deleteDirectoryAuthority('XN', 'a1');
    await api.openExported('/home/user/PPO-1.pdf');
    await api.showExported('/home/user/PPO-1.pdf');
    await api.ownStateProfile();
    await api.setOwnStateProfile(profile);
    expect(invoke.mock.calls).toEqual([
      ['wizard_definition', { lang: 'ar' }],
      ['ui_strings', { lang: 'zh' }],
      ['build_info', {}],
      ['list_drafts', {}],
      ['new_draft', { kind: 'mla_evidence' }],
      ['open_draft', { id: 'd1' }],
      ['create_follow_up', { id: 'd1' }],
      ['save_draft', { id: 'd1', request }],
      ['check_request', { request, lang: 'fr' }],
      ['preview_request', { request }],
      ['demo_mode', {}],
      ['set_demo_mode', { mode: 'real' }],
      ['export_pdf', { request, fileName: 'PPO-1.pdf', appendAnnexes: false }],
      ['export_docx', { request, fileName: 'PPO-1.docx' }],
      ['export_xliff', { request, target: 'fr', fileName: 'PPO-1.fr.xlf' }],
      ['import_xliff', { id: 'd1' }],
      ['check_database', {}],
      ['export_readable_drafts', {}],
      ['attach_annex_file', { id: 'd1', request, annex: 1 }],
      ['exchange_desk', {}],
      ['create_identity', { name: 'A. Prosecutor', authority: 'Office', email: 'a@example.org', keyPassphrase: 'long passphrase' }],
      ['unlock_keys', { keyPassphrase: 'long passphrase' }],
      ['rotate_keys', {}],
      ['export_card', { fileName: 'A-Prosecutor.mlacard' }],
      ['import_card', {}],
      ['trust_contact', { id: 'k1', fingerprint: '12345' }],
      ['shared_requests', {}],
      ['consultation', { id: 'd1', lang: 'fr' }],
      ['send_package', { id: 'd1', to: ['k1'], passphrase: null, note: 'Please comment', fileName: 'PPO-1.mlapkg' }],
      ['import_package', { passphrase: 'agreed words' }],
      ['confirm_package_signer', { fingerprint: '12345', passphrase: null }],
      ['add_comment', { id: 'd1', field: 'facts.summary', kind: 'question', text: 'Which court?' }],
      ['answer_comment', { id: 'd1', commentId: 'c1', text: 'The district court' }],
      ['resolve_comment', { id: 'd1', commentId: 'c1' }],
      ['suggest_edit', { id: 'd1', field: 'facts.summary', value: 'New text', note: 'Clearer' }],
      ['accept_suggestion', { id: 'd1', suggestionId: 's1', resolution: { type: 'theirs' } }],
      ['reject_suggestion', { id: 'd1', suggestionId: 's2' }],
      ['export_reading_copy', { id: 'd1', lang: 'en', fileName: 'PPO-1-comments.pdf' }],
      ['search_drafts', { query: 'Brenner', lang: 'fr' }],
      ['archive_draft', { id: 'd1' }],
      ['unarchive_draft', { id: 'd1' }],
      ['delete_draft', { id: 'd1' }],
      ['restore_draft', { id: 'd1' }],
      ['archived_drafts', {}],
      ['bin_drafts', {}],
      ['empty_bin', {}],
      ['register_page', { query: initialQuery() }],
      ['dashboard', {}],
      ['draft_links', { id: 'd1' }],
      ['draft_history', { id: 'd1' }],
      ['open_revision', { id: 'd1', number: 2 }],
      ['compare_revisions', { id: 'd1', from: 1, to: 3, lang: 'fr' }],
      ['restore_revision', { id: 'd1', number: 2 }],
      ['export_revision', { id: 'd1', number: 2, docx: true, fileName: 'PPO-1-r2.docx' }],
      ['database_status', {}],
      ['unlock_database', { passphrase: 'database passphrase' }],
      ['set_encryption', { passphrase: 'database passphrase' }],
      ['change_database_passphrase', { passphrase: 'new passphrase' }],
      ['backups', {}],
      ['make_backup', {}],
      ['set_backups_kept', { kept: 5 }],
      ['restore_backup', { path: null, passphrase: null }],
      ['directory_states', {}],
      ['state_choices', { lang: 'ar' }],
      ['language_choices', { lang: 'ar' }],
      ['state_authorities', { stateId: 'XN', kind: 'preservation' }],
      ['address_request', { request, stateId: 'XN', authorityId: 'a1', lang: 'fr' }],
      ['refresh_directory_answers', { before: request, request }],
      ['annex_labels', { request }],
      ['requirement_notes', { request, lang: 'fr' }],
      ['preview_directory_import', {}],
      ['apply_directory_import', {}],
      ['search_directory', { text: 'norland' }],
      ['directory_entry', { stateId: 'XN' }],
      ['directory_history', { stateId: 'XN' }],
      ['save_directory_entry', { entry }],
      ['add_directory_state', { entry }],
      ['directory_entry_problems', { entry, adding: true }],
      ['delete_directory_authority', { stateId: 'XN', authorityId: 'a1' }],
      ['open_exported', { path: '/home/user/PPO-1.pdf' }],
      ['show_exported', { path: '/home/user/PPO-1.pdf' }],
      ['own_state_profile', {}],
      ['set_own_state_profile', { profile }],
    ]);
    // Every command of the shell's list is called, and no other.
    expect(new Set(invoke.mock.calls.map(([command]) => command))).toEqual(new Set(COMMAND_NAMES));
  });

  it('passes on where the PDF went and whether it is a draft, or null when cancelled', async () => {
    const request = emptyRequest();
    invoke.mockResolvedValueOnce({ path: '/home/user/PPO-1.pdf', draft: true });
    await expect(api.exportPdf(request, 'PPO-1.pdf')).resolves.toEqual({ path: '/home/user/PPO-1.pdf', draft: true });
    invoke.mockResolvedValueOnce(null);
    await expect(api.exportPdf(request, 'PPO-1.pdf')).resolves.toBeNull();
  });

  it('rejects with the command’s code and message', async () => {
    invoke.mockImplementation(() => Promise.reject({ code: 'translation', message: 'the request has no free text to translate' }));
    const error = await api.exportXliff(emptyRequest(), 'fr', 'x.xlf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as InstanceType<typeof ApiError>;
    expect([e.code, e.message]).toEqual(['translation', 'the request has no free text to translate']);
  });

  it('knows only the shell’s codes, and calls anything else unknown', () => {
    expect(errorCode({ code: 'file', message: '/x.xlf: cannot read' })).toBe('file');
    expect(errorCode({ code: 'failed', message: 'database is locked' })).toBe('failed');
    expect(errorCode({ code: 'not_found', message: 'no draft' })).toBe('unknown');
    expect(errorCode('command save_draft not found')).toBe('unknown');
  });

  it('turns any rejection into a message for the user', () => {
    expect(errorMessage('command save_draft not found')).toBe('command save_draft not found');
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(toApiError(undefined).message).toBe('An unexpected error occurred.');
  });
});
