// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount, unmount } from 'svelte';
import type { Overview } from './lib/generated/Overview';
import type { Participant } from './lib/generated/Participant';
import type { Suggestion } from './lib/generated/Suggestion';
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

const calls = (command: string) => backend.exchange.calls.filter((c) => c.command === command).map((c) => c.args);

/** Text a hostile counterpart might send: markup, script, links, bidi overrides. */
const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
  '\u202Egnp.exe\u202C and \u2066isolated\u2069',
];

const originator: Participant = { fingerprint: '11111 22222 33333 44444 55555 66666 77777 88888', name: 'Originator <b>', authority: 'Prosecutor' };
const counterpart: Participant = { fingerprint: '99999 88888 77777 66666 55555 44444 33333 22222', name: 'Counterpart', authority: 'Central authority' };

function suggestion(id: string, field: string, base: string, proposed: string): Suggestion {
  return { id, field, base_revision: 3, base, proposed, note: HOSTILE[1], author: counterpart, at: '2026-03-02T09:00:00Z', state: 'open', decided: null, resolved_value: null };
}

function overview(role: 'originator' | 'counterpart'): Overview {
  const clean = suggestion('s1', 'facts.summary', 'old words here', `new ${HOSTILE[0]} here`);
  const conflicting = suggestion('s2', 'facts.summary', 'base', HOSTILE[2]);
  return {
    shared: {
      draft_id: 'd1',
      request_id: 'd1',
      role,
      me: role === 'originator' ? originator : counterpart,
      originator,
      counterparts: [counterpart],
      status: role === 'originator' ? 'reply_received' : 'received',
      received_revision: role === 'counterpart' ? 3 : null,
      received_local_revision: role === 'counterpart' ? 1 : null,
    } as Overview['shared'],
    thread: {
      comments: HOSTILE.map((text, i) => ({
        id: `c${i}`,
        field: 'facts.summary',
        kind: 'question' as const,
        text,
        author: counterpart,
        at: '2026-03-02T09:00:00Z',
        reply_to: null,
        resolved: null,
      })),
      suggestions: [clean, conflicting],
    },
    reviews: [
      {
        suggestion: clean,
        label: 'Summary of the facts',
        status: 'clean',
        current: 'old words here',
        change: {
          type: 'text',
          spans: [
            { kind: 'unchanged', text: 'old ' },
            { kind: 'deleted', text: 'words' },
            { kind: 'inserted', text: HOSTILE[0] },
            { kind: 'unchanged', text: ' here' },
          ],
        },
        conflict: null,
      },
      {
        suggestion: conflicting,
        label: 'Summary of the facts',
        status: 'conflict',
        current: 'ours',
        change: { type: 'value', old: 'base', new: HOSTILE[2] },
        conflict: { base: 'base', ours: 'ours', theirs: HOSTILE[2], ours_change: { type: 'value', old: 'base', new: 'ours' }, merged: null, overlaps: [] },
      },
    ],
    history: [
      { number: 1, at: '2026-03-02T09:00:00Z', actor: originator, action: 'sent', field: '', subject: null, round: 1, package_id: 'p1', revision: 3 },
    ],
    packages: [],
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  backend = createFakeBackend([{ id: 'd1', request: corpusRequest('norland'), revision: 3 }]);
  backend.exchange.desk = {
    identity: null,
    contacts: [
      { id: 'k1', fingerprint: counterpart.fingerprint, name: 'Counterpart', authority: 'Central authority', email: 'c@example.org', age_recipient: 'age1x', signing_key: 'k', imported_at: '2026-03-01T09:00:00Z', trusted_at: '2026-03-01T10:00:00Z' },
    ],
  };
});

afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.replaceChildren();
  delete (window as { __pwned?: number }).__pwned;
  vi.useRealTimers();
});

async function openConsultation(role: 'originator' | 'counterpart'): Promise<void> {
  backend.exchange.overviews.set('d1', overview(role));
  app = mount(App, { target: document.body, props: {} });
  await settle();
  await click('[data-testid="draft-item"]');
  if (role === 'originator') await click('[data-testid="open-consultation"]');
}

describe('a consultation', () => {
  it("opens a counterpart's request on the consultation screen, the other side's, with their text shown literally", async () => {
    await openConsultation('counterpart');
    const screen = $('[data-testid="consultation-screen"]');
    expect($('[data-testid="consultation-role"]').dataset.role).toBe('counterpart');
    const shown = Array.from(screen.querySelectorAll('[data-testid="comment-shown-text"]')).map((e) => e.textContent);
    expect(shown).toEqual(HOSTILE);
    expect(screen.querySelectorAll('img, script, a, b').length).toBe(0);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    expect(screen.textContent).toContain('Originator <b>');
  });

  it('shows a suggestion as tracked changes and a conflict side by side, and sends each decision', async () => {
    await openConsultation('originator');
    const [clean, conflict] = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="review-item"]'));
    expect(clean.querySelector('[data-testid="change-del"]')?.textContent).toBe('words');
    expect(clean.querySelector('[data-testid="change-ins"]')?.textContent).toBe(HOSTILE[0]);
    expect(conflict.dataset.status).toBe('conflict');
    expect(conflict.querySelector('[data-testid="conflict-ours"]')?.textContent).toBe('ours');
    expect(conflict.querySelector('[data-testid="conflict-theirs"]')?.textContent).toBe(HOSTILE[2]);
    expect(document.querySelectorAll('[data-testid="consultation-screen"] img, [data-testid="consultation-screen"] script').length).toBe(0);

    (clean.querySelector('[data-testid="review-accept"]') as HTMLElement).click();
    await settle();
    expect(calls('accept_suggestion')).toEqual([{ id: 'd1', suggestionId: 's1', resolution: { type: 'theirs' } }]);
    (document.querySelectorAll<HTMLElement>('[data-testid="take-ours"]')[0]).click();
    await settle();
    expect(calls('accept_suggestion').at(-1)).toEqual({ id: 'd1', suggestionId: 's2', resolution: { type: 'ours' } });
  });

  it('asks for the key passphrase when the keys are locked, and sends once they open', async () => {
    backend.exchange.locked = true;
    await openConsultation('originator');
    type('[data-testid="send-note"]', 'Please comment');
    expect((document.querySelector('[data-testid="send-contact"]') as HTMLInputElement).checked).toBe(true);
    expect((document.querySelector('[data-testid="send-package"]') as HTMLButtonElement).disabled).toBe(false);
    await click('[data-testid="send-package"]');
    type('[data-testid="keys-passphrase"]', 'wrong one');
    await click('[data-testid="keys-unlock"]');
    expect($('[role="dialog"] [role="alert"]').textContent).toContain('does not open');
    type('[data-testid="keys-passphrase"]', 'correct horse');
    await click('[data-testid="keys-unlock"]');
    expect(document.querySelector('[data-testid="keys-passphrase"]')).toBeNull();
    expect(calls('send_package').at(-1)).toEqual({ id: 'd1', to: ['k1'], passphrase: null, note: 'Please comment', fileName: expect.stringMatching(/\.mlapkg$/) });
    expect($('[data-testid="send-result"]').textContent).toContain('A. Prosecutor');
  });

  it('imports a package from an unknown signer only after the user types the fingerprint they compared', async () => {
    backend.exchange.importAnswer = { outcome: 'unknown_signer', name: '<i>Stranger</i>', authority: 'Somewhere', fingerprint: counterpart.fingerprint };
    app = mount(App, { target: document.body, props: {} });
    await settle();
    await click('[data-testid="import-package"]');
    expect($('[data-testid="signer-name"]').textContent).toBe('<i>Stranger</i>');
    expect($('[data-testid="signer-fingerprint"]').textContent).toBe(counterpart.fingerprint);
    expect(calls('confirm_package_signer')).toEqual([]);
    type('[data-testid="signer-confirm-input"]', '99999 88888');
    await click('[data-testid="signer-confirm"]');
    expect(calls('confirm_package_signer')).toEqual([{ fingerprint: '99999 88888', passphrase: null }]);
  });
});

describe('the identity', () => {
  it('replaces its keys only once the user confirms, asking for the passphrase when the keys are locked', async () => {
    backend.exchange.desk = {
      ...backend.exchange.desk,
      identity: { fingerprint: originator.fingerprint, name: 'Anna Berg', authority: 'Prosecutor', email: 'a@example.org', age_recipient: 'age1x', protection: 'passphrase_file', created_at: '2026-03-01T09:00:00Z', card: '' },
    };
    backend.exchange.locked = true;
    app = mount(App, { target: document.body, props: {} });
    await settle();
    await click('[data-testid="open-exchange"]');
    expect($('[data-testid="identity-protection"]').textContent?.trim()).toBe('In a file protected by your passphrase');
    await click('[data-testid="rotate-keys"]');
    expect(calls('rotate_keys')).toEqual([]);
    await click('[data-testid="rotate-confirm"]');
    type('[data-testid="keys-passphrase"]', 'correct horse');
    await click('[data-testid="keys-unlock"]');
    expect(calls('rotate_keys').length).toBe(2);
    expect($('[data-testid="exchange-notice"]').textContent).toContain('Your keys are replaced');
  });
});
