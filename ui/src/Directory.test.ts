// @vitest-environment jsdom
// The directory in Settings: found by a word, an entry opened with its
// authorities, one edited and one deleted, one added, each change in the
// entry's history; a State added; the State's own record and rules
// edited, the core's problems shown at their fields with nothing saved.
// The stand-in holds the demo directory as the core gives it.
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

  it('adds a State, naming at the code field why a real State cannot take a user-assigned code or one already taken', async () => {
    await click('[data-testid="directory-add-state"]');
    type('[data-testid="directory-new-state-id"]', 'xq');
    type('[data-testid="directory-new-state-name"]', 'Testland');
    await click('[data-testid="directory-new-state-save"]');
    const form = $('[data-testid="directory-add-state-form"]');
    expect(form.querySelector('[data-testid="directory-problem"]')?.textContent).toContain('XQ is a user-assigned code');
    expect(form.querySelector('[data-testid="directory-new-state-id"]')?.closest('label')?.textContent).toContain('user-assigned');
    expect(backend.directory.entries.some((e) => e.state_id === 'XQ')).toBe(false);

    type('[data-testid="directory-new-state-id"]', 'XN');
    ($('[data-testid="directory-new-state-fictitious"]') as HTMLInputElement).click();
    await click('[data-testid="directory-new-state-save"]');
    expect($('[data-testid="directory-add-state-form"]').textContent).toContain('XN is already in the directory (Kingdom of Norland)');

    type('[data-testid="directory-new-state-id"]', 'XQ');
    await click('[data-testid="directory-new-state-save"]');
    const added = backend.directory.entries.find((e) => e.state_id === 'XQ')!;
    expect([added.name, added.fictitious]).toEqual(['Testland', true]);
    expect(listed()).toContain('directory-state-XQ');
    expect($('[data-testid="directory-entry"]').textContent).toContain('Testland (XQ)');
    expect($('[data-testid="directory-notice"]').textContent).toContain('Testland (XQ)');
  });

  it('names the instruments of a status and of a rule as the wizard names the basis, never by their codes', async () => {
    await click('[data-testid="directory-open-XN"]');
    await click('[data-testid="directory-section-instruments"]');
    const status = $('[data-testid="directory-status-0"] select') as HTMLSelectElement;
    expect(status.value).toBe('UNTOC');
    expect(status.selectedOptions[0].textContent).toBe('United Nations Convention against Transnational Organized Crime, article 18');
    const shown = Array.from(status.options).map((o) => o.textContent ?? '');
    expect(shown).toContain('European Convention on the Transfer of Proceedings in Criminal Matters (ETS No. 73)');
    expect(shown).not.toContain('ETS_73');
    await click('[data-testid="directory-section-languages"]');
    const rule = $('[data-testid="directory-language-rule-0"] select') as HTMLSelectElement;
    expect(Array.from(rule.options).map((o) => o.textContent)).toContain('Convention on Cybercrime (CETS No. 185)');
  });

  it("edits a language rule and a requirement, shows the core's problem at its field and saves nothing until it is put right", async () => {
    await click('[data-testid="directory-open-XN"]');
    await click('[data-testid="directory-section-languages"]');
    // Norland accepts its own language (a local-use code, offered as it is) then English: English gives way to French.
    expect(($('[data-testid="directory-accepted-0-0"]') as HTMLSelectElement).value).toBe('qaa');
    expect(document.querySelector('[data-testid="directory-accepted-code-0-0"]')).toBeNull();
    const french = $('[data-testid="directory-accepted-0-1"]') as HTMLSelectElement;
    french.value = 'fr';
    french.dispatchEvent(new Event('change', { bubbles: true }));
    await click('[data-testid="directory-accepted-add-0"]');
    const other = $('[data-testid="directory-accepted-0-2"]') as HTMLSelectElement;
    other.value = '';
    other.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    type('[data-testid="directory-accepted-code-0-2"]', 'Dutch');
    await click('[data-testid="directory-section-requirements"]');
    type('[data-testid="directory-req-preservation_period_days"]', '30');
    await click('[data-testid="directory-record-save"]');

    // Both problems are named; the section open shows its own at the field, and nothing was saved.
    expect($('[data-testid="directory-record-problems"]').textContent).toContain('2');
    const period = $('[data-testid="directory-req-preservation_period_days"]').closest('label')!;
    expect(period.querySelector('[data-testid="directory-problem"]')?.textContent).toContain('At least 60 days (Budapest Convention, art. 29(7)), found 30.');
    expect(backend.directory.entries.find((e) => e.state_id === 'XN')!.requirements.preservation_period_days).toBe(90);
    await click('[data-testid="directory-section-languages"]');
    const code = $('[data-testid="directory-accepted-code-0-2"]').closest('label')!;
    expect(code.querySelector('[data-testid="directory-problem"]')?.textContent).toContain('Expected an ISO 639 language code (two or three small letters, e.g. nl), found “Dutch”.');

    type('[data-testid="directory-accepted-code-0-2"]', 'nl');
    type('[data-testid="directory-condition-0-2"]', 'only with a translation into qaa');
    await click('[data-testid="directory-section-requirements"]');
    type('[data-testid="directory-req-preservation_period_days"]', '120');
    await click('[data-testid="directory-record-save"]');
    const saved = backend.directory.entries.find((e) => e.state_id === 'XN')!;
    expect(saved.languages[0].accepted).toEqual([
      { lang: 'qaa', condition: 'always' },
      { lang: 'fr', condition: 'always' },
      { lang: 'nl', condition: 'only with a translation into qaa' },
    ]);
    expect(saved.requirements.preservation_period_days).toBe(120);
    expect(saved.authorities).toEqual((demo as unknown as StateEntry[]).find((e) => e.state_id === 'XN')!.authorities);
    expect(document.querySelector('[data-testid="directory-record-problems"]')).toBeNull();
    expect($('[data-testid="directory-history"]').textContent).toContain('languages');
  });

  it('adds an authority with its role, the name it needs named at its field first; a restricted entry stays editable and keeps its flag', async () => {
    backend.directory.entries.find((e) => e.state_id === 'XV')!.redistribution = 'restricted';
    await click('[data-testid="directory-open-XV"]');
    expect($('[data-testid="directory-restricted"]').textContent).toContain('restricted access');
    const before = backend.directory.entries.find((e) => e.state_id === 'XV')!.authorities.length;
    await click('[data-testid="directory-add-authority"]');
    ($('[data-testid="directory-edit-role-executing_authority"]') as HTMLInputElement).click();
    ($('[data-testid="directory-edit-role-central_authority_mla"]') as HTMLInputElement).click();
    await settle();
    await click('[data-testid="directory-edit-save"]');
    // The stand-in names a missing name as the core does.
    expect(backend.directory.entries.find((e) => e.state_id === 'XV')!.authorities).toHaveLength(before);
    expect($('[data-testid="directory-edit-name"]').closest('label')!.querySelector('[data-testid="directory-problem"]')?.textContent).toBe('Required.');
    type('[data-testid="directory-edit-name"]', 'Vestrian Prosecution Service (fictitious)');
    await click('[data-testid="directory-edit-save"]');
    const added = backend.directory.entries.find((e) => e.state_id === 'XV')!.authorities.at(-1)!;
    expect([added.name, added.roles]).toEqual(['Vestrian Prosecution Service (fictitious)', ['executing_authority']]);
    expect(added.authority_id).not.toBe('');
    expect(backend.directory.entries.find((e) => e.state_id === 'XV')!.redistribution).toBe('restricted');
    expect($('[data-testid="directory-entry"]').textContent).toContain('Vestrian Prosecution Service (fictitious)');
  });

  it("words the core's problem in the interface language, with the values it names", async () => {
    await click('[data-testid="settings-home"]');
    const language = $('[data-testid="language"]') as HTMLSelectElement;
    language.value = 'fr';
    language.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    await click('[data-testid="open-settings"]');
    await click('[data-testid="directory-add-state"]');
    type('[data-testid="directory-new-state-id"]', 'XN');
    type('[data-testid="directory-new-state-name"]', 'Autre Norland');
    ($('[data-testid="directory-new-state-fictitious"]') as HTMLInputElement).click();
    await click('[data-testid="directory-new-state-save"]');
    const shown = $('[data-testid="directory-new-state-id"]').closest('label')!.querySelector('[data-testid="directory-problem"]')!.textContent;
    expect(shown).toBe('XN figure déjà dans le répertoire (Kingdom of Norland) : ouvrez sa fiche pour la modifier, ou donnez un autre code au nouvel État.');
    expect(backend.directory.entries.filter((e) => e.state_id === 'XN')).toHaveLength(1);
  });
});
