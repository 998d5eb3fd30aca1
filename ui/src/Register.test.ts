// @vitest-environment jsdom
// The case register in the app: the dashboard and the register list on the
// start screen, and the status of the open draft.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { $, settle, type } from './lib/testing/dom';
import type { FakeBackend } from './lib/testing/fakeBackend';
import { createFakeBackend } from './lib/testing/fakeBackend';
import { corpusRequest, preservationRequest } from './lib/testing/fixtures';

let backend: FakeBackend;

vi.mock('@tauri-apps/api/core', () => ({
  invoke: (command: never, args: never) => backend.invoke(command, args),
}));

const { default: App } = await import('./App.svelte');

let app: ReturnType<typeof mount> | null = null;

function click(selector: string): void {
  $(selector).click();
  flushSync();
}

function choose(selector: string, value: string): void {
  const el = $(selector) as HTMLSelectElement;
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
  flushSync();
}

async function start(): Promise<void> {
  app = mount(App, { target: document.body, props: {} });
  await settle();
}

const rows = () => Array.from(document.querySelectorAll('[data-testid="register-row"]')).map((r) => r.getAttribute('data-id'));

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  backend = createFakeBackend([
    { id: 'd1', request: corpusRequest('norland') },
    { id: 'd2', request: preservationRequest() },
  ]);
});

afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('the start screen', () => {
  it('shows what falls due, by part, and opens a request from there', async () => {
    backend.dashboard.within_7_days = {
      count: 1,
      entries: [{ id: 'd2', title: 'Preservation → Vestria', status: 'sent', due: 'preservation_expiry', date: '2026-03-05' }],
    };
    await start();
    const soon = $('[data-testid="dashboard-within-7"]');
    expect(soon.textContent).toContain('Preservation lapses');
    expect(soon.textContent).toContain('2026-03-05');
    expect($('[data-testid="dashboard-within-7"] [data-testid="dashboard-count"]').textContent).toBe('1');
    expect($('[data-testid="dashboard-overdue"]').textContent).toContain('Nothing.');
    click('[data-testid="dashboard-within-7"] [data-testid="dashboard-entry"]');
    await settle();
    expect($('[data-testid="current-status"]').textContent).toBe('Drafting');
    expect((backend.drafts.get('d2')!.request.kind)).toBe('preservation');
  });

  it('lists the register a page at a time, filtered and sorted as asked', async () => {
    await start();
    expect(rows().sort()).toEqual(['d1', 'd2']);
    choose('[data-testid="register-filter-kind"]', 'preservation');
    await settle();
    expect(rows()).toEqual(['d2']);
    expect(backend.registerQueries.at(-1)).toMatchObject({ kind: 'preservation', page: 0 });
    click('[data-testid="register-sort-title"]');
    await settle();
    expect(backend.registerQueries.at(-1)).toMatchObject({ sort: 'title', descending: false });
    click('[data-testid="register-sort-title"]');
    await settle();
    expect(backend.registerQueries.at(-1)).toMatchObject({ sort: 'title', descending: true });
    expect(($('[data-testid="register-next"]') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('the register sorted by State', () => {
  // The class: the State column sorts by the name shown, as the interface
  // language sorts names, never by code.
  it('follows the names in the interface language: Austria before Germany, but Allemagne before Autriche', async () => {
    const to = (state: string) => {
      const r = corpusRequest('norland');
      r.req_state = state;
      return r;
    };
    backend = createFakeBackend([
      { id: 'de', request: to('DE') },
      { id: 'at', request: to('AT') },
    ]);
    await start();
    click('[data-testid="register-sort-state"]');
    await settle();
    expect(rows()).toEqual(['at', 'de']);
    const order = backend.registerQueries.at(-1)!.state_order;
    expect(order.indexOf('AT')).toBeLessThan(order.indexOf('DE'));
    choose('[data-testid="language"]', 'fr');
    await settle();
    expect(rows(), 'read again in the order of the French names').toEqual(['de', 'at']);
    const french = backend.registerQueries.at(-1)!;
    expect(french.sort).toBe('state');
    expect(french.state_order.indexOf('DE')).toBeLessThan(french.state_order.indexOf('AT'));
    click('[data-testid="register-sort-title"]');
    await settle();
    expect(backend.registerQueries.at(-1)!.state_order, 'no order when another column sorts').toEqual([]);
  });
});

describe('the status of the open draft', () => {
  it('is set with a date, a reference and a note, saved as a revision, and shown in the history', async () => {
    await start();
    click('[data-testid="register-row"][data-id="d1"] button');
    await settle();
    expect($('[data-testid="status-panel"]').textContent).toContain('No change of status yet.');
    click('[data-testid="set-status"]');
    choose('[data-testid="status-choice"]', 'sent');
    type('[data-testid="status-date"]', '2026-03-02');
    type('[data-testid="status-ref"]', ' NOR-2026-77 ');
    click('[data-testid="status-record"]');
    expect($('[data-testid="current-status"]').textContent).toBe('Sent');
    await settle(5000);
    expect(backend.saves.at(-1)!.request.consult.status_log).toEqual([
      { status: 'sent', date: '2026-03-02', counterpart_ref: 'NOR-2026-77', note: '' },
    ]);
    click('[data-testid="set-status"]');
    type('[data-testid="status-date"]', '');
    click('[data-testid="status-record"]');
    expect($('[data-testid="status-form"]').textContent).toContain('Choose a status and give the date.');
    choose('[data-testid="status-choice"]', 'additional_information_requested');
    type('[data-testid="status-date"]', '2026-03-20');
    click('[data-testid="status-record"]');
    expect($('[data-testid="current-status"]').textContent).toBe('Additional information requested');
    const history = Array.from(document.querySelectorAll('[data-testid="status-history-entry"]')).map((e) => e.textContent);
    expect(history).toHaveLength(2);
    expect(history[0]).toContain('2026-03-20');
    expect(history[1]).toContain('NOR-2026-77');
  });

  it('shows the linked requests and follows a link', async () => {
    backend.links.set('d1', [{ kind: 'follow_up', incoming: true, other_id: 'd2', other_title: 'Preservation → Vestria', created_at: '2026-03-02T09:00:00Z' }]);
    await start();
    click('[data-testid="register-row"][data-id="d1"] button');
    await settle();
    expect($('[data-testid="draft-links"]').textContent).toContain('Follows the preservation');
    click('[data-testid="draft-link"]');
    await settle();
    await settle();
    expect(document.querySelector('[data-testid="draft-links"]')).toBeNull();
    expect($('[data-testid="current-status"]').textContent).toBe('Drafting');
  });
});
