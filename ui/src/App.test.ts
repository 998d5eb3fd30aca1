// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, tick, unmount } from 'svelte';
import type { FakeBackend } from './lib/testing/fakeBackend';
import { createFakeBackend } from './lib/testing/fakeBackend';
import { emptyRequest } from './lib/testing/fixtures';

let backend: FakeBackend;

vi.mock('@tauri-apps/api/core', () => ({
  invoke: (command: string, args: Record<string, never> = {}) => {
    const a = backend.api;
    switch (command) {
      case 'wizard_definition':
        return a.wizardDefinition();
      case 'list_drafts':
        return a.listDrafts();
      case 'new_draft':
        return a.newDraft();
      case 'open_draft':
        return a.openDraft(args.id);
      case 'save_draft':
        return a.saveDraft(args.id, args.request);
      case 'check_request':
        return a.checkRequest(args.request);
      case 'preview_request':
        return a.previewRequest(args.request);
      case 'export_pdf':
        return a.exportPdf(args.request, args.fileName);
      default:
        return Promise.reject({ code: 'unknown', message: `no command ${command}` });
    }
  },
}));

const { default: App } = await import('./App.svelte');

let app: ReturnType<typeof mount> | null = null;

async function settle(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  flushSync();
  await tick();
}

function $(selector: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  return el;
}

function type(selector: string, value: string): void {
  const el = $(selector) as HTMLInputElement;
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

function choose(selector: string, value: string): void {
  const el = $(selector) as HTMLSelectElement;
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
  flushSync();
}

function click(selector: string): void {
  $(selector).click();
  flushSync();
}

const saveStatus = () => $('[data-testid="save-status"]').textContent?.trim();

async function openFirstDraft(): Promise<void> {
  app = mount(App, { target: document.body });
  await settle();
  click('[data-testid="draft-item"]');
  await settle();
}

beforeEach(() => {
  vi.useFakeTimers();
  const request = emptyRequest();
  request.case.internal_ref = 'PPO-2026-0412';
  request.req_state = 'Norland';
  backend = createFakeBackend([{ id: 'd1', request, revision: 3 }]);
});

afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('start screen', () => {
  it('lists the drafts and creates a new request', async () => {
    app = mount(App, { target: document.body });
    await settle();
    expect($('[data-testid="start-screen"]').textContent).toContain('MLA Writer');
    const items = document.querySelectorAll('[data-testid="draft-item"]');
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain('PPO-2026-0412 → Norland');
    expect(items[0].textContent).toContain('3 revisions');

    click('[data-testid="new-request"]');
    await settle();
    expect(document.querySelector('[data-testid="start-screen"]')).toBeNull();
    expect($('[data-testid="step-authorities"]').getAttribute('aria-current')).toBe('step');
    expect(saveStatus()).toBe('Saved');
    expect(backend.drafts.size).toBe(2);
  });
});

describe('wizard', () => {
  it('renders every field with a labelled control named by its path', async () => {
    await openFirstDraft();
    const input = $('[data-field="req_auth.name"]') as HTMLInputElement;
    expect(input.tagName).toBe('INPUT');
    expect(input.type).toBe('text');
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Requesting authority');
    expect($('[data-field="req_auth.address"]').tagName).toBe('TEXTAREA');
    expect(($('[data-field="req_auth.email"]') as HTMLInputElement).type).toBe('email');
    expect(($('[data-field="req_auth.phone"]') as HTMLInputElement).type).toBe('tel');
    const basis = $('[data-field="basis.primary"]') as HTMLSelectElement;
    expect(basis.options[0].value).toBe('');
    expect(basis.options[0].textContent).toBe('— choose —');
    expect(($('[data-field="case.internal_ref"]') as HTMLInputElement).value).toBe('PPO-2026-0412');
  });

  it('autosaves a change and says "Saved" only once the save is done', async () => {
    await openFirstDraft();
    expect(saveStatus()).toBe('Saved');
    type('[data-field="req_auth.name"]', 'Public Prosecution Office');
    expect(saveStatus()).toBe('Unsaved changes');
    await settle(599);
    expect(backend.saves).toHaveLength(0);
    await settle(1);
    expect(backend.saves).toHaveLength(1);
    expect(backend.saves[0].request.req_auth.name).toBe('Public Prosecution Office');
    expect(saveStatus()).toBe('Saved');
  });

  it('shows a save failure with its message', async () => {
    await openFirstDraft();
    backend.failSaves = 'database is locked';
    type('[data-field="req_auth.name"]', 'PPO');
    await settle(600);
    expect(saveStatus()).toBe('Save failed: database is locked');
  });

  it('shows a conditional field only for its values, and maps "— choose —" to null', async () => {
    await openFirstDraft();
    expect(document.querySelector('[data-field="basis.treaty_citation"]')).toBeNull();
    choose('[data-field="basis.primary"]', 'BILATERAL');
    expect(document.querySelector('[data-field="basis.treaty_citation"]')).not.toBeNull();
    choose('[data-field="basis.primary"]', '');
    expect(document.querySelector('[data-field="basis.treaty_citation"]')).toBeNull();
    await settle(600);
    expect(backend.saves.at(-1)?.request.basis.primary).toBeNull();
  });

  it('shows findings beside their fields after the checks run', async () => {
    await openFirstDraft();
    const field = $('[data-field="req_auth.name"]').closest('.field')!;
    expect(field.textContent).toContain('Give the official name of the authority');
    type('[data-field="req_auth.name"]', 'PPO');
    await settle(300);
    expect(field.textContent).not.toContain('Give the official name of the authority');
  });

  it('adds, edits, reorders and removes group items', async () => {
    await openFirstDraft();
    click('[data-testid="step-case"]');
    await settle();
    expect($('[data-testid="step-case"]').getAttribute('aria-current')).toBe('step');
    click('[data-testid="add-offences"]');
    await settle();
    expect(document.activeElement?.getAttribute('data-field')).toBe('offences.0.name');
    type('[data-field="offences.0.name"]', 'Fraud');
    click('[data-testid="add-offences"]');
    await settle();
    type('[data-field="offences.1.name"]', 'Money laundering');
    click('[aria-label="Move Offence 2 up"]');
    await settle();
    expect(($('[data-field="offences.0.name"]') as HTMLInputElement).value).toBe('Money laundering');
    click('[data-testid="remove-offences-0"]');
    await settle();
    expect(($('[data-field="offences.0.name"]') as HTMLInputElement).value).toBe('Fraud');
    expect(document.querySelector('[data-field="offences.1.name"]')).toBeNull();
    await settle(600);
    expect(backend.saves.at(-1)?.request.offences.map((o) => o.name)).toEqual(['Fraud']);
  });

  it('scopes a condition inside a group item to that item', async () => {
    await openFirstDraft();
    click('[data-testid="step-persons"]');
    await settle();
    click('[data-testid="add-persons"]');
    click('[data-testid="add-persons"]');
    await settle();
    choose('[data-field="persons.1.role"]', 'witness');
    expect(document.querySelector('[data-field="persons.0.location_unknown_reason"]')).toBeNull();
    expect(document.querySelector('[data-field="persons.1.location_unknown_reason"]')).not.toBeNull();
  });

  it('moves with Back and Next, and marks the stepper', async () => {
    await openFirstDraft();
    expect(($('[data-testid="back"]') as HTMLButtonElement).disabled).toBe(true);
    click('[data-testid="next"]');
    await settle();
    expect($('[data-testid="step-case"]').getAttribute('aria-current')).toBe('step');
    expect($('[data-testid="step-authorities"]').getAttribute('aria-current')).toBeNull();
    expect($('[data-testid="step-authorities"]').textContent).toContain('Incomplete');
    expect($('[data-testid="step-authorities"]').dataset.status).toBe('incomplete');
    click('[data-testid="back"]');
    await settle();
    expect($('[data-testid="step-authorities"]').getAttribute('aria-current')).toBe('step');
  });
});

describe('review and export', () => {
  it('lists findings by severity; a click goes to the field', async () => {
    await openFirstDraft();
    click('[data-testid="step-review"]');
    await settle();
    const findings = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="finding"]'));
    expect(findings.map((f) => f.dataset.code)).toContain('UNTOC-18-15-c');
    const summary = findings.find((f) => f.dataset.code === 'UNTOC-18-15-c')!;
    expect(summary.textContent).toContain('UNTOC art. 18(15)');
    summary.click();
    await settle();
    expect($('[data-testid="step-case"]').getAttribute('aria-current')).toBe('step');
    expect(document.activeElement?.getAttribute('data-field')).toBe('facts.summary');

    click('[data-testid="step-review"]');
    await settle();
    click('[data-testid="finding"][data-code="OFF-PROVISION"]');
    await settle();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('add-offences');
  });

  it('renders user text in the preview as text, never as markup', async () => {
    await openFirstDraft();
    type('[data-field="req_auth.name"]', '<img src=x onerror="alert(1)">');
    type('[data-field="req_auth.address"]', 'Line one\nLine two');
    click('[data-testid="step-review"]');
    await settle();
    const preview = $('[data-testid="preview"]');
    expect(preview.querySelector('img')).toBeNull();
    expect(preview.textContent).toContain('<img src=x onerror="alert(1)">');
    const dd = Array.from(preview.querySelectorAll('dd')).find((d) => d.textContent?.includes('Line one'))!;
    expect(dd.querySelectorAll('br')).toHaveLength(1);
    expect(preview.querySelector('h1')?.textContent).toContain('Request for mutual legal assistance');
  });

  it('saves, then exports and shows the path written', async () => {
    await openFirstDraft();
    type('[data-field="req_auth.name"]', 'PPO');
    click('[data-testid="step-review"]');
    await settle();
    click('[data-testid="export-pdf"]');
    await settle();
    expect(backend.saves).toHaveLength(1);
    expect(backend.exports[0].fileName).toBe('PPO-2026-0412.pdf');
    expect($('[data-testid="export-result"]').textContent).toContain('/home/user/request.pdf');
    expect(saveStatus()).toBe('Saved');
  });

  it('says when the export was cancelled', async () => {
    await openFirstDraft();
    backend.exportAnswer = null;
    click('[data-testid="step-review"]');
    await settle();
    click('[data-testid="export-pdf"]');
    await settle();
    expect(document.querySelector('[data-testid="export-result"]')).toBeNull();
    expect(document.body.textContent).toContain('Export cancelled');
  });
});

describe('home', () => {
  it('flushes the pending save before going back to the start screen', async () => {
    await openFirstDraft();
    type('[data-field="req_state"]', 'Kingdom of Norland');
    click('[data-testid="home"]');
    await settle();
    expect(backend.saves).toHaveLength(1);
    expect(backend.saves[0].request.req_state).toBe('Kingdom of Norland');
    await settle();
    expect($('[data-testid="start-screen"]')).toBeTruthy();
    expect($('[data-testid="draft-item"]').textContent).toContain('Kingdom of Norland');
  });

  it('stays when the save fails, and says why', async () => {
    await openFirstDraft();
    backend.failSaves = 'disk full';
    type('[data-field="req_state"]', 'X');
    click('[data-testid="home"]');
    await settle();
    expect(document.querySelector('[data-testid="start-screen"]')).toBeNull();
    expect(document.body.textContent).toContain('Your latest changes could not be saved: disk full');
  });
});
