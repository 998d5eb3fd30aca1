// @vitest-environment jsdom
// The own-State profile in Settings: its State is picked from the list the
// wizard's States are picked from (`StatePicker`), named in the interface
// language, the directory's first; a profile that still holds text naming
// no State shows it as typed until a State is picked; what is saved is the
// State's code.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount, unmount } from 'svelte';
import { $, settle } from './lib/testing/dom';
import type { FakeBackend } from './lib/testing/fakeBackend';
import { createFakeBackend } from './lib/testing/fakeBackend';
import type { OwnStateProfile } from './lib/generated/OwnStateProfile';
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

const PROFILE: OwnStateProfile = {
  state: 'Republic of Arden',
  central_authority: { name: 'Ministry of Justice of Arden', address: '' },
  contact_24_7: { name: '', phone: '', email: '' },
  mla_law: [],
  drafting_language: 'en',
  drafting_language_other: '',
  instruments: [],
};

async function openSettings(lang?: 'fr'): Promise<void> {
  app = mount(App, { target: document.body, props: {} });
  await settle();
  await click('[data-testid="shortcuts-close"]').catch(() => undefined);
  if (lang) {
    const language = $('[data-testid="language"]') as HTMLSelectElement;
    language.value = lang;
    language.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
  }
  await click('[data-testid="open-settings"]');
}

const picker = () => $('[data-testid="own-state-state"]') as HTMLSelectElement;
const optionText = (code: string) => Array.from(picker().options).find((o) => o.value === code)?.textContent?.trim();

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  backend = createFakeBackend([]);
  backend.directory.entries = structuredClone(demo as unknown as StateEntry[]);
});

afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe("the own-State profile's State", () => {
  it('is picked from the list of States named in the interface language, never typed, and saved as its code', async () => {
    await openSettings();
    expect(picker().tagName).toBe('SELECT');
    expect(picker().value).toBe('');
    expect(optionText('IE')).toBe('Ireland');
    expect(optionText('XN')).toBe('Kingdom of Norland (fictitious)');
    // The directory's States first, then every State, as in the wizard.
    const groups = Array.from(picker().querySelectorAll('optgroup')).map((g) => g.label);
    expect(groups).toEqual(['In your directory', 'All States and territories']);
    picker().value = 'IE';
    picker().dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    await click('[data-testid="own-state-save"]');
    expect(backend.ownState?.state).toBe('IE');
  });

  it('is named in French when the interface is in French', async () => {
    backend.ownState = { ...structuredClone(PROFILE), state: 'DE' };
    await openSettings('fr');
    expect(picker().value).toBe('DE');
    expect(optionText('DE')).toBe('Allemagne');
  });

  it('keeps text of an older profile that names no State visible as typed until a State is picked', async () => {
    backend.ownState = structuredClone(PROFILE);
    await openSettings();
    expect(picker().value).toBe('Republic of Arden');
    expect(optionText('Republic of Arden')).toBe('“Republic of Arden”, as typed earlier: choose the State');
    await click('[data-testid="own-state-save"]');
    expect(backend.ownState?.state, 'saved unchanged while no State is picked').toBe('Republic of Arden');
    picker().value = 'XN';
    picker().dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(optionText('Republic of Arden'), 'gone once a State is picked').toBeUndefined();
    await click('[data-testid="own-state-save"]');
    expect(backend.ownState?.state).toBe('XN');
  });
});
