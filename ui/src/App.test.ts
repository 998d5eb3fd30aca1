// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { $, settle, type } from './lib/testing/dom';
import type { Lang } from './lib/generated/Lang';
import type { FakeBackend } from './lib/testing/fakeBackend';
import { createFakeBackend } from './lib/testing/fakeBackend';
import { corpusEntry, corpusRequest, emptyPerson, preservationRequest, requestWithoutErrors } from './lib/testing/fixtures';
import type { CloseRequest } from './lib/closeGuard';
import { LANG_STORAGE_KEY } from './lib/i18n.svelte';
import type { StateEntry } from './lib/generated/StateEntry';
import type { Request } from './lib/generated/Request';
import demoDirectory from './lib/testing/generated/directory.json';

let backend: FakeBackend;

// The app's commands reach the stand-in for the shell, typed by the same
// generated command table as the real one.
vi.mock('@tauri-apps/api/core', () => ({
  invoke: (command: never, args: never) => backend.invoke(command, args),
}));

const { default: App } = await import('./App.svelte');

let app: ReturnType<typeof mount> | null = null;

const exists = (selector: string) => document.querySelector(selector) !== null;

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

/** The kinds of request, as the wizard words them in English. */
const MLA_KIND = 'Request for mutual legal assistance (evidence)';
const PRESERVATION_KIND = 'Request for expedited preservation of stored computer data';

const saveStatus = () => $('[data-testid="save-status"]').textContent?.trim();
const current = () => document.querySelector('[aria-current="step"]')?.getAttribute('data-testid');
const stepper = () => Array.from(document.querySelectorAll('button[data-testid^="step-"]')).map((e) => e.getAttribute('data-testid'));
const lastSaved = () => backend.saves.at(-1)!.request;

/** The words of a control, without its decorative (aria-hidden) arrows. */
function words(selector: string): string {
  const copy = $(selector).cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove());
  return copy.textContent?.trim() ?? '';
}

/** What the window's close request handler is, once the app has handed it over. */
let closeHandler: ((request: CloseRequest) => Promise<void>) | null = null;

async function start(): Promise<void> {
  app = mount(App, { target: document.body, props: { onCloseRequested: (handler) => (closeHandler = handler) } });
  await settle();
}

/** Asks to close the window; resolves whether it closes (the handler did not prevent it). */
async function closeWindow(): Promise<boolean> {
  let prevented = false;
  const done = closeHandler!({ preventDefault: () => (prevented = true) });
  await settle();
  await done;
  flushSync();
  return !prevented;
}

async function openFirstDraft(): Promise<void> {
  await start();
  click('[data-testid="draft-item"]');
  await settle();
}

async function goToStep(id: string): Promise<void> {
  click(`[data-testid="step-${id}"]`);
  await settle();
}

async function switchLanguage(lang: string): Promise<void> {
  choose('[data-testid="language"]', lang);
  await settle();
}

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  document.documentElement.lang = 'en';
  document.documentElement.dir = 'ltr';
  closeHandler = null;
  backend = createFakeBackend([{ id: 'd1', request: corpusRequest('norland'), revision: 3 }]);
});

afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('a new request starts calm', () => {
  const counts = () => Array.from(document.querySelectorAll('[data-testid^="step-count-"]')).map((e) => e.getAttribute('data-testid') ?? '');

  it('shows no finding until a step is left, then that step\'s, and every one once the review is opened', async () => {
    await start();
    click('[data-testid="new-request"]');
    await settle();
    click('[data-testid="new-kind-mla_evidence"]');
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    expect(counts()).toEqual([]);
    expect(document.querySelectorAll('.sev-error, .sev-warning')).toHaveLength(0);

    await goToStep('authorities');
    await goToStep('basis');
    const afterLeaving = counts();
    expect(afterLeaving).toContain('step-count-authorities');
    expect(afterLeaving.filter((c) => !['step-count-authorities', 'step-count-kind', 'step-count-review'].includes(c))).toEqual([]);

    await goToStep('review');
    expect(counts().length).toBeGreaterThan(afterLeaving.length);
  });

  it('does not hold back the findings of a draft opened from the list', async () => {
    await openFirstDraft();
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    expect(counts().length).toBeGreaterThan(0);
  });
});

describe('start screen', () => {
  it('lists the drafts and creates a new request', async () => {
    await start();
    expect($('[data-testid="start-screen"]').textContent).toContain('MLA Writer');
    const items = document.querySelectorAll('[data-testid="draft-item"]');
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain('PPO-2026-0412 → Norland');
    expect(items[0].textContent).toContain('revision 3');

    click('[data-testid="new-request"]');
    await settle();
    expect(backend.drafts.size, 'no request is made before its kind is chosen').toBe(1);
    click('[data-testid="new-kind-mla_evidence"]');
    await settle();
    expect(exists('[data-testid="start-screen"]')).toBe(false);
    expect(current()).toBe('step-kind');
    expect(saveStatus()).toBe('Saved');
    expect(backend.drafts.size).toBe(2);
  });

  it('asks the kind of a new request as described choices, none preset, and can be cancelled', async () => {
    await start();
    click('[data-testid="new-request"]');
    await settle();
    const choices = Array.from(document.querySelectorAll('[data-testid^="new-kind-"]'));
    expect(choices.map((c) => c.getAttribute('data-testid'))).toEqual([
      'new-kind-mla_evidence',
      'new-kind-preservation',
      'new-kind-emergency_disclosure',
      'new-kind-transfer_of_proceedings',
    ]);
    expect(choices.every((c) => c.tagName === 'BUTTON' && !c.hasAttribute('aria-pressed'))).toBe(true);
    expect(choices[1].textContent).toContain('Request for expedited preservation of stored computer data');
    expect(choices[1].textContent).toContain('before they can be deleted');
    expect(choices[2].textContent).toContain('imminent risk to the life or safety');
    click('[data-testid="cancel-kind"]');
    await settle();
    expect(exists('[data-testid="kind-chooser"]')).toBe(false);
    expect(backend.drafts.size).toBe(1);
  });

  it('starts an emergency disclosure with the emergency, in the first stage, and keeps other stages folded', async () => {
    await start();
    click('[data-testid="new-request"]');
    await settle();
    click('[data-testid="new-kind-emergency_disclosure"]');
    await settle();
    const ids = Array.from(document.querySelectorAll('[data-testid^="step-"][data-status]')).map((e) => e.getAttribute('data-testid'));
    expect(ids.slice(0, 2)).toEqual(['step-kind', 'step-emergency']);
    const caseStage = $('[data-stage="case"]');
    expect(caseStage.getAttribute('data-collapsed')).toBe('false');
    expect(caseStage.querySelector('[data-testid="step-emergency"]')).not.toBeNull();
    expect(caseStage.textContent).toContain('The case');
    const formalities = $('[data-stage="formalities"]');
    expect(formalities.getAttribute('data-collapsed')).toBe('true');
    click('[data-stage-toggle="formalities"]');
    await settle();
    expect(formalities.getAttribute('data-collapsed')).toBe('false');
    expect($('[data-testid="description-kind"]').textContent).toContain('imminent risk to the life or safety');
  });

  it('offers the six languages by their own names, English first', async () => {
    await start();
    const select = $('[data-testid="language"]') as HTMLSelectElement;
    expect(select.value).toBe('en');
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(['English', 'Français', 'Español', 'Русский', 'العربية', '中文']);
    expect(document.querySelector(`label[for="${select.id}"]`)?.textContent).toBe('Interface language');
    expect(backend.langCalls).toEqual(['en']);
  });

  it('shows the version and the commit of the build at its foot', async () => {
    await start();
    expect($('[data-testid="build-info"]').textContent).toBe('Version 0.1.0 (commit 1a2b3c4d)');
  });
});

describe('wizard', () => {
  it('renders every field with a labelled control named by its path', async () => {
    await openFirstDraft();
    await goToStep('authorities');
    const input = $('[data-field="req_auth.name"]') as HTMLInputElement;
    expect(input.tagName).toBe('INPUT');
    expect(input.type).toBe('text');
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Requesting authority');
    expect($('[data-field="req_auth.address"]').tagName).toBe('TEXTAREA');
    expect(($('[data-field="req_auth.email"]') as HTMLInputElement).type).toBe('email');
    expect(($('[data-field="req_auth.phone"]') as HTMLInputElement).type).toBe('tel');
    const type = $('[data-field="req_auth.type"]') as HTMLSelectElement;
    expect(type.options[0].value).toBe('');
    expect(type.options[0].textContent).toBe('— choose —');
    expect(($('[data-field="case.internal_ref"]') as HTMLInputElement).value).toBe('PPO-2026-0412');
    for (const control of Array.from(document.querySelectorAll<HTMLElement>('input[data-field], select[data-field], textarea[data-field]'))) {
      expect(document.querySelector(`label[for="${control.id}"]`), control.dataset.field).not.toBeNull();
    }
  });

  it('autosaves a change and says "Saved" only once the save is done', async () => {
    await openFirstDraft();
    await goToStep('authorities');
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
    await goToStep('authorities');
    backend.failSaves = 'database is locked';
    type('[data-field="req_auth.name"]', 'PPO');
    await settle(600);
    expect(saveStatus()).toBe('Save failed: database is locked');
  });

  it('shows a conditional field only for its values, and maps "— choose —" to null', async () => {
    await openFirstDraft();
    await goToStep('basis');
    expect(exists('[data-field="basis.treaty_citation"]')).toBe(false);
    choose('[data-field="basis.primary"]', 'BILATERAL');
    expect(exists('[data-field="basis.treaty_citation"]')).toBe(true);
    choose('[data-field="basis.primary"]', '');
    expect(exists('[data-field="basis.treaty_citation"]')).toBe(false);
    await settle(600);
    expect(lastSaved().basis.primary).toBeNull();
  });

  it('shows findings beside their fields after the checks run', async () => {
    await openFirstDraft();
    await goToStep('authorities');
    const field = $('[data-field="req_auth.name"]').closest('.field')!;
    expect(field.textContent).toContain('Give the official name of the authority');
    type('[data-field="req_auth.name"]', 'PPO');
    await settle(300);
    expect(field.textContent).not.toContain('Give the official name of the authority');
  });

  it('adds items as copies of the template, edits, reorders and removes them', async () => {
    await openFirstDraft();
    await goToStep('facts');
    expect(current()).toBe('step-facts');
    click('[data-testid="add-offences"]');
    await settle();
    expect(document.activeElement?.getAttribute('data-field')).toBe('offences.0.name');
    type('[data-field="offences.0.name"]', 'Fraud');
    click('[data-testid="add-offences"]');
    await settle();
    type('[data-field="offences.1.name"]', 'Money laundering');
    click('[aria-label="Move up: Offence 2"]');
    await settle();
    expect(($('[data-field="offences.0.name"]') as HTMLInputElement).value).toBe('Money laundering');
    click('[data-testid="remove-offences-0"]');
    await settle();
    expect(($('[data-field="offences.0.name"]') as HTMLInputElement).value).toBe('Fraud');
    expect(exists('[data-field="offences.1.name"]')).toBe(false);
    await settle(600);
    expect(lastSaved().offences).toEqual([{ name: 'Fraud', provision: '', provision_text: '', max_penalty: '', category_flags: [] }]);
  });

  it('scopes a condition inside a group item to that item', async () => {
    await openFirstDraft();
    await goToStep('persons');
    click('[data-testid="add-persons"]');
    click('[data-testid="add-persons"]');
    await settle();
    choose('[data-field="persons.0.type"]', 'legal');
    choose('[data-field="persons.1.type"]', 'natural');
    expect(exists('[data-field="persons.0.given_names"]')).toBe(false);
    expect(exists('[data-field="persons.1.given_names"]')).toBe(true);
    expect(exists('[data-field="persons.0.registration_no"]')).toBe(true);
    // A company has directors, a natural person a transliteration; either may be described and have other roles.
    expect(exists('[data-field="persons.0.representatives"]')).toBe(true);
    expect(exists('[data-field="persons.1.representatives"]')).toBe(false);
    expect(exists('[data-field="persons.0.transliteration"]')).toBe(false);
    expect(exists('[data-field="persons.1.transliteration"]')).toBe(true);
    for (const i of [0, 1]) {
      expect(exists(`[data-field="persons.${i}.description"]`)).toBe(true);
      expect($(`[data-field="persons.${i}.other_roles"]`).tagName).toBe('FIELDSET');
    }
  });

  it('moves with Back and Next, and marks the stepper', async () => {
    await openFirstDraft();
    expect(($('[data-testid="back"]') as HTMLButtonElement).disabled).toBe(true);
    click('[data-testid="next"]');
    await settle();
    expect(current()).toBe('step-authorities');
    click('[data-testid="next"]');
    await settle();
    expect(current()).toBe('step-basis');
    expect($('[data-testid="step-authorities"]').getAttribute('aria-current')).toBeNull();
    expect($('[data-testid="step-authorities"]').textContent).toContain('Incomplete');
    expect($('[data-testid="step-authorities"]').dataset.status).toBe('incomplete');
    expect($('[data-testid="step-persons"]').dataset.status).toBe('not-started');
    click('[data-testid="back"]');
    await settle();
    expect(current()).toBe('step-authorities');
  });

  it('counts the errors and warnings of each step in the stepper', async () => {
    const request = corpusRequest('norland');
    request.persons = [{ ...emptyPerson(), role: 'witness' }];
    backend.drafts.get('d1')!.request = request;
    await openFirstDraft();
    const count = (id: string) => document.querySelector<HTMLElement>(`[data-testid="step-count-${id}"]`);
    // The authority's name, address, officer and contact; the legal basis; the
    // facts and the offences; a witness's nationality (a warning).
    expect(count('authorities')?.textContent).toBe('4');
    expect(count('authorities')?.getAttribute('aria-label')).toBe('4 problems');
    expect(count('basis')?.textContent).toBe('1');
    expect(count('basis')?.getAttribute('aria-label')).toBe('1 problem');
    expect(count('facts')?.textContent).toBe('2');
    expect(count('persons')?.textContent).toBe('1');
    expect(count('review')?.textContent).toBe('8');
    expect(count('kind')).toBeNull();
    expect($('[data-testid="step-authorities"]').contains(count('authorities'))).toBe(true);

    await goToStep('authorities');
    type('[data-field="req_auth.name"]', 'Public Prosecution Office');
    await settle(300);
    expect(count('authorities')?.textContent).toBe('3');
    expect(count('review')?.textContent).toBe('7');
    await goToStep('basis');
    choose('[data-field="basis.primary"]', 'UNTOC_18');
    await settle(300);
    expect(count('basis')).toBeNull();
    expect(count('review')?.textContent).toBe('6');
  });
});

describe('kinds, modules and the new controls', () => {
  it('offers the persons already entered wherever an answer names one', async () => {
    backend.drafts.get('d1')!.request = corpusRequest('mla-evidence-fraud-arden-norland');
    await openFirstDraft();
    await goToStep('m1');
    const offered = () =>
      Array.from(document.querySelectorAll('[data-testid="persons-of-mla.statements.0.person_ref"] option')).map((o) => o.getAttribute('value'));
    expect($('[data-field="mla.statements.0.person_ref"]').getAttribute('list')).toBe(
      $('[data-testid="persons-of-mla.statements.0.person_ref"]').id,
    );
    expect(offered()).toEqual(['Brenner Tomas Alexander', 'Halvard Logistics AS', 'Solberg Ingrid']);
    // Other answers are not offered the persons.
    expect($('[data-field="mla.statements.0.interpreter_lang"]').getAttribute('list')).toBeNull();
  });

  it('adds a person named in an answer to the persons concerned, there and then', async () => {
    backend.drafts.get('d1')!.request = corpusRequest('mla-evidence-fraud-arden-norland');
    await openFirstDraft();
    await goToStep('m1');
    const path = 'mla.statements.0.person_ref';
    const persons = () => lastSaved().persons.length;
    // A person of the list, in either order of names: nothing to add.
    type(`[data-field="${path}"]`, 'ingrid SOLBERG');
    expect(exists(`[data-testid="add-person-${path}"]`)).toBe(false);
    type(`[data-field="${path}"]`, 'Marta Kovac');
    expect(words(`[data-testid="add-person-${path}"]`)).toBe('Add “Marta Kovac” to the persons concerned');
    await settle(600);
    const before = persons();
    click(`[data-testid="add-person-${path}"]`);
    await settle(600);
    expect(persons()).toBe(before + 1);
    expect(lastSaved().persons.at(-1)?.family_name).toBe('Marta Kovac');
    expect(exists(`[data-testid="add-person-${path}"]`), 'now one of the list').toBe(false);
  });

  it('renders a multiple choice as labelled boxes in a fieldset, saved in option order', async () => {
    await openFirstDraft();
    const set = $('[data-field="mla.modules"]');
    expect(set.tagName).toBe('FIELDSET');
    expect(set.querySelector('legend')?.textContent).toContain('Types of assistance');
    const boxes = Array.from(set.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-option]'));
    expect(boxes.map((b) => b.dataset.option)).toEqual([
      'statements',
      'service',
      'search_seizure',
      'freezing',
      'records',
      'stored_data',
      'real_time',
      'videoconference',
      'detainee_transfer',
      'tracing',
      'appearance',
      'joint_team',
      'controlled_delivery',
      'examination',
      'other',
    ]);
    for (const box of boxes) expect(box.closest('label')?.textContent?.trim()).not.toBe('');
    click('[data-field="mla.modules"] [data-option="other"]');
    click('[data-field="mla.modules"] [data-option="statements"]');
    await settle(600);
    expect(lastSaved().mla.modules).toEqual(['statements', 'other']);
    click('[data-field="mla.modules"] [data-option="statements"]');
    await settle(600);
    expect(lastSaved().mla.modules).toEqual(['other']);
  });

  it('shows a module’s step only while the module is selected, and Next skips hidden steps', async () => {
    await openFirstDraft();
    expect(stepper()).toEqual(['step-kind', 'step-authorities', 'step-basis', 'step-proceedings', 'step-facts', 'step-persons', 'step-purpose', 'step-handling', 'step-annexes', 'step-tracking', 'step-review']);
    click('[data-option="other"]');
    await settle();
    expect(stepper()).toEqual(['step-kind', 'step-authorities', 'step-basis', 'step-proceedings', 'step-facts', 'step-persons', 'step-m15', 'step-purpose', 'step-handling', 'step-annexes', 'step-tracking', 'step-review']);

    await goToStep('persons');
    click('[data-testid="next"]');
    await settle();
    expect(current()).toBe('step-m15');
    click('[data-testid="add-mla.other"]');
    await settle();
    type('[data-field="mla.other.0.description"]', 'Obtain the company register extract');

    await goToStep('kind');
    click('[data-option="other"]');
    await settle();
    expect(stepper()).not.toContain('step-m15');
    await goToStep('persons');
    click('[data-testid="next"]');
    await settle();
    expect(current()).toBe('step-purpose');
    click('[data-testid="back"]');
    await settle();
    expect(current()).toBe('step-persons');

    // The answers of the hidden step are kept.
    await settle(600);
    expect(lastSaved().mla.other).toEqual([{ description: 'Obtain the company register extract', relevance: '' }]);
  });

  it('follows the kind of request, which cannot be unset', async () => {
    await openFirstDraft();
    const kind = $('[data-field="kind"]') as HTMLSelectElement;
    expect(Array.from(kind.options).map((o) => o.value)).toEqual(['mla_evidence', 'preservation', 'emergency_disclosure', 'transfer_of_proceedings']);
    await goToStep('facts');
    type('[data-field="facts.summary"]', 'Funds were diverted.');
    await goToStep('kind');
    choose('[data-field="kind"]', 'preservation');
    expect(exists('[data-field="mla.modules"]')).toBe(false);
    expect(stepper()).toEqual([
      'step-kind',
      'step-authorities',
      'step-basis',
      'step-facts',
      'step-preservation',
      'step-handling',
      'step-annexes',
      'step-tracking',
      'step-review',
    ]);
    expect($('.eyebrow').textContent).toBe(PRESERVATION_KIND);
    choose('[data-field="kind"]', 'mla_evidence');
    await goToStep('facts');
    expect(($('[data-field="facts.summary"]') as HTMLTextAreaElement).value).toBe('Funds were diverted.');
  });

  it('renders a yes/no answer as a labelled checkbox that conditions other fields', async () => {
    await openFirstDraft();
    const box = $('[data-field="mla.follows_preservation"]') as HTMLInputElement;
    expect(box.type).toBe('checkbox');
    expect(box.checked).toBe(false);
    expect(document.querySelector(`label[for="${box.id}"]`)?.textContent).toBe('This request follows an earlier preservation request');
    expect(exists('[data-field="consult.preservation_ref"]')).toBe(false);
    click('[data-field="mla.follows_preservation"]');
    expect(exists('[data-field="consult.preservation_ref"]')).toBe(true);
    await settle(600);
    expect(lastSaved().mla.follows_preservation).toBe(true);
    click('[data-field="mla.follows_preservation"]');
    expect(exists('[data-field="consult.preservation_ref"]')).toBe(false);
  });

  it('adds a data request from its template, with date-times, a time zone and nested paths', async () => {
    await openFirstDraft();
    click('[data-option="stored_data"]');
    await settle();
    await goToStep('m6');
    click('[data-testid="add-mla.stored_data"]');
    await settle();
    const tz = $('[data-field="mla.stored_data.0.data.range.tz"]') as HTMLInputElement;
    expect(tz.value).toBe('UTC');
    expect(tz.placeholder).toBe('UTC');
    const zones = document.getElementById(tz.getAttribute('list')!)!;
    expect(Array.from(zones.querySelectorAll('option')).map((o) => o.value)).toContain('Europe/Paris');
    const from = $('[data-field="mla.stored_data.0.data.range.from"]') as HTMLInputElement;
    expect(from.type).toBe('datetime-local');
    expect(from.step).toBe('1');
    type('[data-field="mla.stored_data.0.data.range.from"]', '2026-03-01T10:30:15');
    type('[data-field="mla.stored_data.0.data.range.tz"]', 'Europe/Paris');
    expect(exists('[data-field="mla.stored_data.0.content_justification"]')).toBe(false);
    click('[data-field="mla.stored_data.0.data.categories"] [data-option="content"]');
    expect(exists('[data-field="mla.stored_data.0.content_justification"]')).toBe(true);
    click('[data-testid="add-mla.stored_data"]');
    await settle();
    expect(($('[data-field="mla.stored_data.1.data.range.tz"]') as HTMLInputElement).value).toBe('UTC');
    expect(exists('[data-field="mla.stored_data.1.content_justification"]')).toBe(false);
    await settle(600);
    const saved = lastSaved().mla.stored_data;
    expect(saved[0].data.range).toEqual({ start: null, from: '2026-03-01T10:30:15', to: '', tz: 'Europe/Paris' });
    expect(saved[0].data.categories).toEqual(['content']);
    expect(saved[1].data).toEqual({ identifiers: '', categories: [], range: { start: null, from: '', to: '', tz: 'UTC' } });
  });

  it('asks for the start of a data range only while the range starts at a date', async () => {
    await openFirstDraft();
    click('[data-option="stored_data"]');
    await settle();
    await goToStep('m6');
    click('[data-testid="add-mla.stored_data"]');
    await settle();
    expect(exists('[data-field="mla.stored_data.0.data.range.from"]')).toBe(true);
    choose('[data-field="mla.stored_data.0.data.range.start"]', 'account_creation');
    await settle();
    expect(exists('[data-field="mla.stored_data.0.data.range.from"]')).toBe(false);
    expect(exists('[data-field="mla.stored_data.0.data.range.to"]')).toBe(true);
    await settle(600);
    expect(lastSaved().mla.stored_data[0].data.range.start).toBe('account_creation');
    choose('[data-field="mla.stored_data.0.data.range.start"]', '');
    await settle();
    expect(exists('[data-field="mla.stored_data.0.data.range.from"]')).toBe(true);
  });
});

describe('annex cards', () => {
  // The class: an annex card is titled with the annex's label as the
  // document prints it (the core's `annex_label`), never a number of its own.
  it("are titled with the annex's label as the document prints it, letters when the request chooses letters", async () => {
    const request = corpusRequest('norland');
    const annex = { type: 'other' as const, title: 'Statement', language: 'en' as const, language_other: '', pages: '', translated: false, certified: false };
    request.attachments = [{ ...annex }, { ...annex, title: 'Photographs' }];
    backend = createFakeBackend([{ id: 'd1', request }]);
    await openFirstDraft();
    await goToStep('annexes');
    const titles = () => Array.from(document.querySelectorAll('[data-group="attachments"] li.card h3')).map((h) => h.textContent?.split('—')[0].trim());
    expect(titles()).toEqual(['Annex 1', 'Annex 2']);
    choose('[data-field="annex_labels"]', 'letters');
    await settle();
    expect(titles()).toEqual(['Annex A', 'Annex B']);
    expect($('[data-group="attachments"] li.card button[aria-label]').getAttribute('aria-label')).toContain('Annex A');
    click('[data-testid="add-attachments"]');
    await settle();
    expect(titles()).toEqual(['Annex A', 'Annex B', 'Annex C']);
    // The review's answers title them alike.
    await goToStep('review');
    click('[data-testid="review-tab-answers"]');
    await settle();
    const reviewed = Array.from(document.querySelectorAll('[data-path="attachments"] .review-item h5')).map((h) => h.textContent?.trim());
    expect(reviewed.slice(0, 2)).toEqual(['Annex A', 'Annex B']);
  });
});

describe('review and export', () => {
  it('says at the top of the review that the request is urgent, and by when, once it is marked urgent', async () => {
    await openFirstDraft();
    await goToStep('review');
    expect(document.querySelector('[data-testid="review-urgent"]')).toBeNull();
    await goToStep('handling');
    click('[data-field="urgency.flag"]');
    await settle();
    await goToStep('review');
    expect(document.querySelector('[data-testid="review-urgent"]')?.textContent).toContain('Urgent request');
  });

  it('lists findings by severity; a click goes to the field', async () => {
    await openFirstDraft();
    await goToStep('review');
    const findings = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="finding"]'));
    expect(findings.map((f) => f.dataset.code)).toContain('UNTOC-18-15-c');
    const summary = findings.find((f) => f.dataset.code === 'UNTOC-18-15-c')!;
    expect(summary.textContent).toContain('UNTOC art. 18(15)');
    summary.click();
    await settle();
    expect(current()).toBe('step-facts');
    expect(document.activeElement?.getAttribute('data-field')).toBe('facts.summary');

    await goToStep('review');
    click('[data-testid="finding"][data-code="OFF-PROVISION"]');
    await settle();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('add-offences');
  });

  it('lists every shown answer by step, with option labels, and Edit goes to the field', async () => {
    await openFirstDraft();
    click('[data-option="other"]');
    await goToStep('basis');
    choose('[data-field="basis.primary"]', 'RECIPROCITY');
    await goToStep('facts');
    click('[data-testid="add-offences"]');
    await settle();
    type('[data-field="offences.0.name"]', 'Fraud');
    click('[data-field="offences.0.category_flags"] [data-option="cyber"]');
    await goToStep('review');

    const answers = $('[data-testid="answers"]');
    expect(Array.from(answers.querySelectorAll('h4')).map((h) => h.textContent)).toEqual([
      'Type of request',
      'Authorities and channel',
      'Legal basis and language',
      'Proceedings',
      'Facts and offences',
      'Persons concerned',
      'Other assistance',
      'Purpose and procedure',
      'Urgency and handling',
      'Contacts, annexes, signature',
      'After sending',
    ]);
    const row = (path: string) => $(`[data-testid="answer"][data-path="${path}"]`);
    expect(row('kind').textContent).toContain(MLA_KIND);
    expect(row('mla.modules').querySelector('li')?.textContent).toBe('Other assistance');
    expect(row('mla.follows_preservation').textContent).toContain('No');
    expect(row('basis.primary').textContent).toContain('Reciprocity (no treaty)');
    expect(row('req_auth.name').textContent).toContain('Not answered');
    expect(row('offences').textContent).toContain('Offence 1');
    expect(row('offences.0.name').textContent).toContain('Fraud');
    expect(row('offences.0.category_flags').textContent).toContain('Cybercrime');
    expect(row('persons').textContent).toContain('None added');
    expect(exists('[data-path="basis.treaty_citation"]')).toBe(false);
    expect(exists('[data-path="consult.preservation_ref"]')).toBe(false);

    click('[data-testid="edit-offences.0.name"]');
    await settle();
    expect(current()).toBe('step-facts');
    expect(document.activeElement?.getAttribute('data-field')).toBe('offences.0.name');
    type('[data-field="offences.0.name"]', 'Aggravated fraud');

    await goToStep('review');
    expect($('[data-testid="edit-offences.0.name"]').getAttribute('aria-label')).toBe('Edit Offence 1: Name of the offence');
    click('[data-testid="edit-mla.modules"]');
    await settle();
    expect(current()).toBe('step-kind');
    expect(document.activeElement?.getAttribute('data-option')).toBe('statements');

    await settle(600);
    const saved = lastSaved();
    expect(saved.offences[0].name).toBe('Aggravated fraud');
    expect(saved.offences[0].category_flags).toEqual(['cyber']);
    expect(saved.basis.primary).toBe('RECIPROCITY');
    expect(saved.mla.modules).toEqual(['other']);
  });

  it('renders user text in the preview as text, never as markup', async () => {
    const hostile = corpusRequest('hostile-text');
    backend.drafts.get('d1')!.request = hostile;
    await openFirstDraft();
    await goToStep('review');
    await settle();
    const preview = $('[data-testid="preview"]');
    expect(preview.querySelector('img, b, script')).toBeNull();
    const runs = Array.from(preview.querySelectorAll('text'));
    const text = runs.map((run) => run.textContent).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('<img src=x onerror="alert(1)">');
    expect(text).toContain('<b>Not bold</b> & {{ not a placeholder }}');
    expect($('[data-testid="answers"]').querySelector('img')).toBeNull();
    // Each line of a typed address is a line of the page.
    const baseline = (words: string) => runs.find((run) => run.textContent?.includes(words))!.getAttribute('y');
    expect(baseline('Line one')).not.toBe(baseline('Line two'));
    const pages = corpusEntry('hostile-text').pages!;
    expect(preview.querySelectorAll('[data-testid="preview-page"]')).toHaveLength(pages.pages.length);
    expect(text).toContain('Request for mutual legal assistance');
    expect(pages.title).toContain('Request for mutual legal assistance');
  });

  it('saves, then exports a request with errors as a draft and says so', async () => {
    await openFirstDraft();
    await goToStep('authorities');
    type('[data-field="req_auth.name"]', 'PPO');
    await goToStep('review');
    expect(words('[data-testid="export-pdf"]')).toBe('Export as draft (marked DRAFT)');
    expect(words('[data-testid="export-draft-note"]')).toBe('A request with errors can only be exported as a draft.');
    expect($('[data-testid="export-pdf"]').getAttribute('aria-describedby')).toBe('export-draft-note');
    click('[data-testid="export-pdf"]');
    await settle();
    expect(backend.saves).toHaveLength(1);
    expect(backend.exports[0].fileName).toBe('PPO-2026-0412.pdf');
    const result = $('[data-testid="export-result"]');
    expect(result.textContent).toContain('PDF written to /home/user/request.pdf');
    expect(result.querySelector('[dir="ltr"]')?.textContent).toBe('/home/user/request.pdf');
    expect(result.textContent).toContain('The PDF is marked as a draft: DRAFT appears across every page.');
    expect(saveStatus()).toBe('Saved');
  });

  it('exports a request without errors as a final PDF', async () => {
    backend.drafts.get('d1')!.request = requestWithoutErrors();
    await openFirstDraft();
    await goToStep('review');
    expect(exists('[data-testid="finding"]')).toBe(false);
    expect(words('[data-testid="export-pdf"]')).toBe('Export PDF');
    expect(exists('[data-testid="export-draft-note"]')).toBe(false);
    expect($('[data-testid="export-pdf"]').hasAttribute('aria-describedby')).toBe(false);
    click('[data-testid="export-pdf"]');
    await settle();
    const result = $('[data-testid="export-result"]');
    expect(result.textContent).toContain('PDF written to /home/user/request.pdf');
    expect(result.textContent).not.toContain('draft');
    expect(exists('[data-testid="export-draft"]')).toBe(false);
  });

  it('offers to open the PDF just exported and to show it in its folder, through the shell', async () => {
    backend.drafts.get('d1')!.request = requestWithoutErrors();
    await openFirstDraft();
    await goToStep('review');
    click('[data-testid="export-pdf"]');
    await settle();
    click('[data-testid="export-open"]');
    await settle();
    click('[data-testid="export-show"]');
    await settle();
    expect(backend.opened).toEqual([
      { action: 'open', path: '/home/user/request.pdf' },
      { action: 'show', path: '/home/user/request.pdf' },
    ]);
    expect(exists('[data-testid="export-open-error"]')).toBe(false);
  });

  it('words the draft export and the problem counts in the chosen language', async () => {
    await openFirstDraft();
    await switchLanguage('fr');
    await goToStep('review');
    expect(words('[data-testid="export-pdf"]')).toBe('Exporter comme brouillon (marqué DRAFT)');
    expect($('[data-testid="step-count-facts"]').getAttribute('aria-label')).toBe('2 problèmes');
    expect($('[data-testid="step-count-basis"]').getAttribute('aria-label')).toBe('1 problème');
  });

  it('says when the export was cancelled', async () => {
    await openFirstDraft();
    backend.exportAnswer = null;
    await goToStep('review');
    click('[data-testid="export-pdf"]');
    await settle();
    expect(exists('[data-testid="export-result"]')).toBe(false);
    expect(document.body.textContent).toContain('Export cancelled');
  });
});

describe('DOCX export and translation', () => {
  /** Makes the stored draft d1 a request drafted in English, for the language `request`. */
  function draftedIn(request: Lang): void {
    const r = corpusRequest('drafted-in-english');
    r.lang.request = request;
    backend.drafts.get('d1')!.request = r;
  }

  it('exports a DOCX beside the PDF, under the same draft rule', async () => {
    await openFirstDraft();
    await goToStep('review');
    expect(words('[data-testid="export-docx"]')).toBe('Export DOCX as draft');
    expect($('[data-testid="export-docx"]').getAttribute('aria-describedby')).toBe('export-draft-note');
    click('[data-testid="export-docx"]');
    await settle();
    expect(backend.docxExports.map((e) => e.fileName)).toEqual(['PPO-2026-0412.docx']);
    expect(backend.exports).toHaveLength(0);
    const result = $('[data-testid="docx-result"]');
    expect(result.textContent).toContain('Word document (DOCX) written to /home/user/request.docx');
    expect(result.querySelector('[dir="ltr"]')?.textContent).toBe('/home/user/request.docx');
    expect(exists('[data-testid="docx-draft"]')).toBe(true);

    backend.docxAnswer = null;
    click('[data-testid="export-docx"]');
    await settle();
    expect(exists('[data-testid="docx-result"]')).toBe(false);
    expect($('[data-testid="docx-cancelled"]').textContent).toBe('Export cancelled.');
  });

  it("offers the six languages, the request's own chosen first, and exports the file for translation", async () => {
    draftedIn('fr');
    await openFirstDraft();
    await goToStep('review');
    expect(words('[data-testid="export-docx"]')).toBe('Export DOCX');
    const select = $('[data-testid="translation-target"]') as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.value)).toEqual(['en', 'fr', 'es', 'ru', 'ar', 'zh']);
    expect(select.value).toBe('fr');
    choose('[data-testid="translation-target"]', 'zh');
    click('[data-testid="export-xliff"]');
    await settle();
    expect(backend.xliffExports.map((e) => [e.target, e.fileName])).toEqual([['zh', 'PPO-2026-0412.zh.xlf']]);
    expect($('[data-testid="xliff-result"]').textContent).toContain('XLIFF file written to /home/user/request.fr.xlf');
  });

  it("shows the core's reason when the request names no drafting language", async () => {
    await openFirstDraft();
    await goToStep('review');
    expect(($('[data-testid="translation-target"]') as HTMLSelectElement).value).toBe('en');
    click('[data-testid="export-xliff"]');
    await settle();
    const error = $('[data-testid="xliff-error"]');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('The request cannot be exported for translation: the request\'s drafting language (lang.drafting) must be one of en, fr, es, ru, ar or zh');
    expect(backend.xliffExports).toHaveLength(0);
  });

  it('says when the translation file could not be written', async () => {
    draftedIn('fr');
    await openFirstDraft();
    await goToStep('review');
    backend.failXliffWrite = 'permission denied';
    click('[data-testid="export-xliff"]');
    await settle();
    expect($('[data-testid="xliff-error"]').textContent?.trim()).toBe(
      'The XLIFF file could not be written: /home/user/request.fr.xlf: cannot write: permission denied',
    );
  });

  it('imports a translation as a new draft, opens it with a notice, and keeps the original', async () => {
    draftedIn('en');
    await openFirstDraft();
    await goToStep('review');
    click('[data-testid="import-xliff"]');
    await settle();

    expect(backend.imports.map((i) => i.from)).toEqual(['d1']);
    expect(backend.drafts.size).toBe(2);
    expect(backend.drafts.get('d1')!.request.facts.summary).toBe('Funds from a fraud were moved through accounts in Norland.');
    expect($('.title').textContent).toBe('PPO-2026-0412 → Norland [fr]');
    const notice = $('[data-testid="translation-notice"]');
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toContain('Translation into Français imported as a new draft. The draft it was translated from is unchanged.');

    // The translation cannot go to a translator again.
    await goToStep('review');
    expect($('[data-testid="preview"]').textContent).toContain('[fr] Funds from a fraud were moved through accounts in Norland.');
    expect($('[data-testid="translation-translated"]').textContent).toContain('This draft is a translation into Français');
    expect(($('[data-testid="export-xliff"]') as HTMLButtonElement).disabled).toBe(true);
    expect(($('[data-testid="import-xliff"]') as HTMLButtonElement).disabled).toBe(true);
    click('[data-testid="translation-notice-dismiss"]');
    expect(exists('[data-testid="translation-notice"]')).toBe(false);

    // Both drafts are listed.
    click('[data-testid="home"]');
    await settle();
    expect(Array.from(document.querySelectorAll('[data-testid="draft-item"]')).map((e) => e.textContent)).toEqual([
      expect.stringContaining('PPO-2026-0412 → Norland [fr]'),
      expect.not.stringContaining('[fr]'),
    ]);
  });

  it('says when the import was cancelled, and shows a refused file\'s problems as text, one a line', async () => {
    draftedIn('en');
    await openFirstDraft();
    await goToStep('review');
    backend.importAnswer = null;
    click('[data-testid="import-xliff"]');
    await settle();
    expect($('[data-testid="import-cancelled"]').textContent).toBe('Import cancelled.');

    backend.importAnswer = 'fr';
    backend.failImport = {
      code: 'translation',
      message: '1 problem(s), nothing imported:\n  unit <img src=x onerror="alert(1)"> (line 9): no such translatable text in the request',
    };
    click('[data-testid="import-xliff"]');
    await settle();
    const error = $('[data-testid="import-error"]');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.querySelector('img')).toBeNull();
    expect(error.textContent).toContain('Nothing was imported: 1 problem(s), nothing imported:\n  unit <img src=x onerror="alert(1)"> (line 9)');
    expect(exists('[data-testid="import-cancelled"]')).toBe(false);
    expect(backend.drafts.size).toBe(1);
    expect(current()).toBe('step-review');

    // A file that cannot be read is said to be so.
    backend.failImport = { code: 'file', message: '/home/user/request.fr.xlf: the file is not UTF-8 text' };
    click('[data-testid="import-xliff"]');
    await settle();
    expect($('[data-testid="import-error"]').textContent?.trim()).toBe(
      'The translation file could not be read, so nothing was imported: /home/user/request.fr.xlf: the file is not UTF-8 text',
    );
  });
});

describe('follow-up of a preservation request', () => {
  /** Makes the stored draft d1 a preservation request. */
  function preservationDraft(): void {
    backend.drafts.get('d1')!.request = preservationRequest();
  }

  const notice = () => document.querySelector<HTMLElement>('[data-testid="follow-up-notice"]');

  it('is offered on the review step of a preservation request only', async () => {
    await openFirstDraft();
    await goToStep('review');
    expect(exists('[data-testid="export-pdf"]')).toBe(true);
    expect(exists('[data-testid="create-follow-up"]')).toBe(false);
    await goToStep('kind');
    choose('[data-field="kind"]', 'preservation');
    await goToStep('review');
    expect(words('[data-testid="create-follow-up"]')).toBe('Create follow-up MLA request');
    await goToStep('preservation');
    expect(exists('[data-testid="create-follow-up"]')).toBe(false);
  });

  it('saves first, then creates the MLA request and opens it with a notice citing the preservation', async () => {
    preservationDraft();
    await openFirstDraft();
    await goToStep('preservation');
    type('[data-field="preservation.custodian"]', 'Arden Cloud Ltd');
    await goToStep('review');
    expect(notice()).toBeNull();
    click('[data-testid="create-follow-up"]');
    await settle();

    // The pending change was saved before the follow-up was made from the stored draft.
    expect(backend.saves).toHaveLength(1);
    expect(backend.saves[0].request.preservation.custodian).toBe('Arden Cloud Ltd');
    expect(backend.followUps).toHaveLength(1);
    expect(backend.followUps[0].request.preservation.custodian).toBe('Arden Cloud Ltd');

    // The new draft is open at its first step, as if opened from the start screen.
    expect(backend.drafts.size).toBe(2);
    expect(current()).toBe('step-kind');
    expect($('.eyebrow').textContent).toBe(MLA_KIND);
    expect(stepper()).toEqual([
      'step-kind',
      'step-authorities',
      'step-basis',
      'step-proceedings',
      'step-facts',
      'step-persons',
      'step-m6',
      'step-purpose',
      'step-handling',
      'step-annexes',
      'step-tracking',
      'step-review',
    ]);
    expect(saveStatus()).toBe('Saved');
    expect(notice()?.getAttribute('role')).toBe('status');
    expect(notice()?.textContent).toContain('Follow-up MLA request created from the preservation request. Preservation reference: NP-2026-0441');
    expect(notice()?.querySelector('[dir="auto"]')?.textContent).toBe('NP-2026-0441');
    expect(($('[data-field="consult.preservation_ref"]') as HTMLInputElement).value).toBe('NP-2026-0441');
    await goToStep('m6');
    expect(($('[data-field="mla.stored_data.0.provider"]') as HTMLInputElement).value).toBe('Arden Cloud Ltd');

    // The notice stays while the user moves through the steps, until dismissed.
    await goToStep('review');
    expect(exists('[data-testid="create-follow-up"]')).toBe(false);
    expect(notice()).not.toBeNull();
    click('[data-testid="follow-up-notice-dismiss"]');
    expect(notice()).toBeNull();
  });

  it('does not repeat the notice when the follow-up is opened again later', async () => {
    preservationDraft();
    await openFirstDraft();
    await goToStep('review');
    click('[data-testid="create-follow-up"]');
    await settle();
    expect(notice()).not.toBeNull();
    click('[data-testid="home"]');
    await settle();
    const items = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="draft-item"]'));
    expect(items).toHaveLength(2);
    items[0].click();
    await settle();
    expect($('.eyebrow').textContent).toBe(MLA_KIND);
    expect(notice()).toBeNull();
  });

  it('shows why the follow-up could not be created and stays on the request', async () => {
    preservationDraft();
    await openFirstDraft();
    await goToStep('review');
    backend.failFollowUp = 'database is locked';
    click('[data-testid="create-follow-up"]');
    await settle();
    expect($('[data-testid="follow-up-error"]').textContent?.trim()).toBe('The follow-up request could not be created: database is locked');
    expect(current()).toBe('step-review');
    expect($('.eyebrow').textContent).toBe(PRESERVATION_KIND);
    expect(notice()).toBeNull();
    expect(backend.drafts.size).toBe(1);

    backend.failFollowUp = null;
    click('[data-testid="create-follow-up"]');
    await settle();
    expect($('.eyebrow').textContent).toBe(MLA_KIND);
    expect(notice()).not.toBeNull();
  });

  it('shows the message of a rejected request kind', async () => {
    preservationDraft();
    await openFirstDraft();
    await goToStep('review');
    // The kind changes in the store behind the open wizard.
    backend.drafts.get('d1')!.request.kind = 'emergency_disclosure';
    click('[data-testid="create-follow-up"]');
    await settle();
    expect($('[data-testid="follow-up-error"]').textContent?.trim()).toBe(
      'The follow-up request could not be created: draft d1: a follow-up MLA request can only be created from a preservation request, not from a request of kind `emergency_disclosure`',
    );
  });

  it('creates nothing when the latest changes could not be saved', async () => {
    preservationDraft();
    await openFirstDraft();
    await goToStep('preservation');
    backend.failSaves = 'disk full';
    type('[data-field="preservation.custodian"]', 'Arden Cloud Ltd');
    await goToStep('review');
    click('[data-testid="create-follow-up"]');
    await settle();
    expect(backend.followUps).toHaveLength(0);
    expect($('[data-testid="follow-up-error"]').textContent?.trim()).toBe(
      'The follow-up request was not created because your latest changes could not be saved: disk full',
    );
    expect($('.eyebrow').textContent).toBe(PRESERVATION_KIND);
  });
});

describe('interface language', () => {
  it('switches the wizard and the interface without losing answers or the step', async () => {
    await openFirstDraft();
    await goToStep('authorities');
    type('[data-field="req_auth.name"]', 'Public Prosecution Office');
    await switchLanguage('fr');

    expect(backend.langCalls).toEqual(['en', 'fr']);
    expect(current()).toBe('step-authorities');
    expect(($('[data-field="req_auth.name"]') as HTMLInputElement).value).toBe('Public Prosecution Office');
    const input = $('[data-field="req_auth.name"]');
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Autorité requérante');
    expect(words('[data-testid="next"]')).toBe('Suivant');
    expect(words('[data-testid="back"]')).toBe('Précédent');
    expect(words('[data-testid="home"]')).toBe('Accueil');
    expect($('[data-testid="step-review"]').textContent).toContain('Vérification et exportation');
    expect(($('[data-field="req_auth.type"]') as HTMLSelectElement).options[0].textContent).toBe('— choisir —');
    expect(document.documentElement.lang).toBe('fr');
    expect(document.documentElement.dir).toBe('ltr');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('fr');

    await settle(600);
    expect(saveStatus()).toBe('Enregistré');
    expect(lastSaved().req_auth.name).toBe('Public Prosecution Office');
    expect(backend.saves).toHaveLength(1);
  });

  it('lays Arabic out right to left and keeps the choice across restarts', async () => {
    await start();
    await switchLanguage('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(($('[data-testid="language"]') as HTMLSelectElement).value).toBe('ar');
    unmount(app!);
    app = null;
    document.body.replaceChildren();

    backend.langCalls = [];
    await openFirstDraft();
    expect(backend.langCalls).toEqual(['ar']);
    expect(($('[data-testid="language"]') as HTMLSelectElement).value).toBe('ar');
    expect(words('[data-testid="next"]')).toBe('التالي');
    expect($('[data-testid="step-kind"]').textContent).toContain('نوع الطلب');
    await switchLanguage('en');
    expect(document.documentElement.dir).toBe('ltr');
    expect(saveStatus()).toBe('Saved');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
  });

  it('words the findings in the interface language and checks again when it changes', async () => {
    await openFirstDraft();
    expect(backend.checkLangs.at(-1)).toBe('en');
    await goToStep('review');
    const messages = () => Array.from(document.querySelectorAll('[data-testid="finding"]')).map((f) => f.textContent ?? '');
    const russian = 'Укажите официальное наименование органа, направляющего просьбу.';
    expect(messages().some((m) => m.includes('Give the official name of the authority making the request.'))).toBe(true);
    await switchLanguage('ru');
    expect(backend.checkLangs.at(-1)).toBe('ru');
    expect(messages().some((m) => m.includes(russian))).toBe(true);
    expect(messages().some((m) => m.includes('Give the official name'))).toBe(false);
  });

  it('keeps the current language when another cannot be loaded, and says so', async () => {
    await openFirstDraft();
    backend.failLanguage = 'catalogue missing';
    await switchLanguage('ru');
    expect(document.body.textContent).toContain('The interface could not be switched to Русский: catalogue missing');
    expect(($('[data-testid="language"]') as HTMLSelectElement).value).toBe('en');
    expect(words('[data-testid="next"]')).toBe('Next');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).not.toBe('ru');
  });
});

describe('home', () => {
  it('flushes the pending save before going back to the start screen', async () => {
    await openFirstDraft();
    await goToStep('authorities');
    choose('[data-field="req_state"]', 'DE');
    click('[data-testid="home"]');
    await settle();
    expect(backend.saves).toHaveLength(1);
    expect(backend.saves[0].request.req_state).toBe('DE');
    await settle();
    expect($('[data-testid="start-screen"]')).toBeTruthy();
    expect($('[data-testid="draft-item"]').textContent).toContain('Germany');
  });

  it('stays when the save fails, and says why', async () => {
    await openFirstDraft();
    await goToStep('authorities');
    backend.failSaves = 'disk full';
    type('[data-field="recv_auth.name"]', 'X');
    click('[data-testid="home"]');
    await settle();
    expect(exists('[data-testid="start-screen"]')).toBe(false);
    expect(document.body.textContent).toContain('Your latest changes could not be saved: disk full');
  });
});

describe('closing the window', () => {
  it('saves what was just typed, then lets the window close', async () => {
    await openFirstDraft();
    await goToStep('authorities');
    type('[data-field="req_auth.name"]', 'Typed just before closing');
    expect(backend.saves).toHaveLength(0);
    expect(await closeWindow()).toBe(true);
    expect(backend.saves.map((s) => s.request.req_auth.name)).toEqual(['Typed just before closing']);
  });

  it('closes at once with nothing to save, from the start screen too', async () => {
    await start();
    expect(await closeWindow()).toBe(true);
    expect(backend.saves).toHaveLength(0);
  });

  it('stays open once when the save fails, says why, and closes when asked again', async () => {
    await openFirstDraft();
    await goToStep('authorities');
    backend.failSaves = 'disk full';
    type('[data-field="req_auth.name"]', 'PPO');
    expect(await closeWindow()).toBe(false);
    expect(saveStatus()).toBe('Save failed: disk full');
    expect($('[data-testid="close-held"]').getAttribute('role')).toBe('alert');
    expect($('[data-testid="close-held"]').textContent).toContain('The window stays open because your latest changes could not be saved');
    expect(await closeWindow()).toBe(true);
    expect(exists('[data-testid="close-held"]')).toBe(false);
  });
});

describe('the review page', () => {
  it('has an export bar and three panes, Check, Read and Answers, one shown at a time and moved between with the arrow keys', async () => {
    await openFirstDraft();
    await goToStep('review');
    const hidden = (id: string) => ($(`[data-testid="review-panel-${id}"]`) as HTMLElement).hidden;
    expect(exists('[data-testid="export-bar"] [data-testid="export-pdf"]')).toBe(true);
    expect([hidden('check'), hidden('read'), hidden('answers')]).toEqual([false, true, true]);
    expect($('[data-testid="review-tab-check"]').getAttribute('aria-selected')).toBe('true');
    click('[data-testid="review-tab-read"]');
    expect([hidden('check'), hidden('read'), hidden('answers')]).toEqual([true, false, true]);
    expect(exists('[data-testid="review-panel-read"] [data-testid="preview"]')).toBe(true);
    $('[data-testid="review-tab-read"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    flushSync();
    expect([hidden('check'), hidden('read'), hidden('answers')]).toEqual([true, true, false]);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('review-tab-answers');
    expect(exists('[data-testid="review-panel-answers"] [data-testid="answers"]')).toBe(true);
    $('[data-testid="review-tab-answers"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    flushSync();
    expect(hidden('check')).toBe(false);
  });
});

describe('keyboard shortcuts', () => {
  const key = (k: string, mods: KeyboardEventInit = {}) => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...mods }));
    flushSync();
  };

  it('are listed by F1 and closed by Escape, move between steps, go to the review, and start a new request from the wizard', async () => {
    await openFirstDraft();
    key('F1');
    expect(Array.from(document.querySelectorAll('[data-testid="shortcut"]')).map((e) => e.getAttribute('data-action'))).toEqual([
      'next', 'previous', 'review', 'export', 'search', 'new', 'undo', 'help',
    ]);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('shortcuts-close');
    $('[data-testid="shortcuts-help"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    flushSync();
    expect(exists('[data-testid="shortcuts-help"]')).toBe(false);

    const first = current();
    key('PageDown', { ctrlKey: true });
    await settle();
    expect(current()).not.toBe(first);
    key('PageUp', { ctrlKey: true });
    await settle();
    expect(current()).toBe(first);
    key('R', { ctrlKey: true, shiftKey: true });
    await settle();
    expect(current()).toBe('step-review');

    const drafts = (await backend.invoke('list_drafts', {} as never)).length;
    key('n', { ctrlKey: true });
    await settle(600);
    // The shortcut asks the kind of the new request first.
    expect(exists('[data-testid="kind-chooser"]')).toBe(true);
    click('[data-testid="new-kind-preservation"]');
    await settle();
    expect((await backend.invoke('list_drafts', {} as never)).length).toBe(drafts + 1);
    expect(exists('[data-testid="step-kind"]')).toBe(true);
  });
});

describe('a removal', () => {
  it('is offered back by a toast, and by Ctrl+Z outside a text field, and saved either way', async () => {
    await openFirstDraft();
    await goToStep('facts');
    click('[data-testid="add-offences"]');
    await settle();
    type('[data-field="offences.0.name"]', 'Fraud');
    click('[data-testid="add-offences"]');
    await settle();
    type('[data-field="offences.1.name"]', 'Money laundering');
    await settle(600);
    const before = lastSaved().offences;
    expect(before.map((o) => o.name)).toEqual(['Fraud', 'Money laundering']);

    click('[data-testid="remove-offences-0"]');
    await settle(600);
    expect(lastSaved().offences.map((o) => o.name)).toEqual(['Money laundering']);
    expect($('[data-testid="undo-toast"]').textContent).toContain('Offence 1 removed.');
    click('[data-testid="undo-removal"]');
    await settle(600);
    expect(lastSaved().offences).toEqual(before);
    expect(exists('[data-testid="undo-toast"]')).toBe(false);

    click('[data-testid="remove-offences-1"]');
    await settle(600);
    expect(lastSaved().offences.map((o) => o.name)).toEqual(['Fraud']);
    (document.activeElement as HTMLElement | null)?.blur();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true }));
    flushSync();
    await settle(600);
    expect(lastSaved().offences).toEqual(before);
  });
});

describe('the requested State', () => {
  const stateSelect = () => $('[data-field="req_state"]') as HTMLSelectElement;
  const optionTexts = () => Array.from(stateSelect().options).map((o) => o.textContent ?? '');
  const answer = (path: string) => words(`[data-testid="answer"][data-path="${path}"] .value`);

  it('is picked from every State named in the interface language, and kept by its code', async () => {
    await openFirstDraft();
    await goToStep('authorities');
    expect(optionTexts()).toContain('Germany');
    expect(optionTexts()).toContain('Côte d’Ivoire');
    expect(optionTexts().every((text) => !/^[A-Z]{2}$/.test(text.trim())), 'no option is a bare code').toBe(true);
    choose('[data-field="req_state"]', 'DE');
    await settle(600);
    expect(lastSaved().req_state).toBe('DE');

    await switchLanguage('ar');
    expect(stateSelect().value).toBe('DE');
    expect(stateSelect().selectedOptions[0].textContent).toBe('ألمانيا');
    await goToStep('review');
    expect(answer('req_state')).toBe('ألمانيا');
  });

  it('offers the States of the directory first, a fictitious one marked, and its authorities once picked', async () => {
    backend = createFakeBackend([{ id: 'd1', request: { ...corpusRequest('norland'), req_state: 'XN' }, revision: 3 }]);
    backend.directory.entries = structuredClone(demoDirectory as unknown as StateEntry[]);
    await openFirstDraft();
    await goToStep('authorities');
    const listed = stateSelect().querySelector('optgroup');
    expect(listed?.label).toBe('In your directory');
    expect(Array.from(listed!.querySelectorAll('option')).map((o) => o.textContent)).toContain('Kingdom of Norland (fictitious)');
    expect(stateSelect().value).toBe('XN');
    expect(exists('[data-testid="directory-picker"]')).toBe(true);
    expect(words('[data-testid="directory-picker"] .hint')).toContain('Kingdom of Norland is in your directory');

    choose('[data-field="req_state"]', 'DE');
    await settle();
    expect(exists('[data-testid="directory-picker"]'), 'Germany is not in the directory').toBe(false);
  });

  it('keeps text typed in an older draft that names no State, until a State is picked', async () => {
    backend = createFakeBackend([{ id: 'd1', request: { ...corpusRequest('norland'), req_state: 'Republic of Nowhere' }, revision: 3 }]);
    await openFirstDraft();
    await goToStep('authorities');
    expect(stateSelect().value).toBe('Republic of Nowhere');
    expect(stateSelect().selectedOptions[0].textContent).toBe('“Republic of Nowhere”, as typed earlier: choose the State');
    await goToStep('review');
    expect(answer('req_state'), 'shown as typed (the core says it names no State: FMT-STATE)').toBe('Republic of Nowhere');
  });
});

describe('a language answer', () => {
  const witnessWith = (person: Partial<Request['persons'][number]>): Request => {
    const request = corpusRequest('witness');
    request.persons[0] = { ...request.persons[0], type: 'natural', ...person };
    return request;
  };
  const languageSelect = () => $('[data-field="persons.0.language_understood"]') as HTMLSelectElement;
  const optionTexts = () => Array.from(languageSelect().options).map((o) => o.textContent ?? '');
  const answer = (path: string) => words(`[data-testid="answer"][data-path="${path}"] .value`);

  it('is picked from every language named in the interface language, and kept by its code', async () => {
    backend = createFakeBackend([{ id: 'd1', request: witnessWith({}), revision: 3 }]);
    await openFirstDraft();
    await goToStep('persons');
    expect(optionTexts()).toContain('German');
    expect(optionTexts()).toContain('Filipino');
    expect(optionTexts().every((text) => !/^[a-z]{2,3}$/.test(text.trim())), 'no option is a bare code').toBe(true);
    choose('[data-field="persons.0.language_understood"]', 'de');
    await settle(600);
    expect(lastSaved().persons[0].language_understood).toBe('de');

    await switchLanguage('ar');
    expect(languageSelect().value).toBe('de');
    expect(languageSelect().selectedOptions[0].textContent).toBe('الألمانية');
    await goToStep('review');
    expect(answer('persons.0.language_understood')).toBe('الألمانية');
  });

  it('keeps text typed in an older draft that names no language, until a language is picked', async () => {
    backend = createFakeBackend([{ id: 'd1', request: witnessWith({ language_understood: 'Norlandic; also speaks English' }), revision: 3 }]);
    await openFirstDraft();
    await goToStep('persons');
    expect(languageSelect().value).toBe('Norlandic; also speaks English');
    expect(languageSelect().selectedOptions[0].textContent).toBe('“Norlandic; also speaks English”, as typed earlier: choose the language');
    await goToStep('review');
    expect(answer('persons.0.language_understood'), 'shown as typed (the core says it names no language: FMT-LANGUAGE)').toBe('Norlandic; also speaks English');
  });

  it('of the officer is a list: each added from the list, named, and removed by unticking it', async () => {
    await openFirstDraft();
    await goToStep('authorities');
    const add = '[data-add-language="req_auth.languages"]';
    choose(add, 'fr');
    await settle(600);
    choose(add, 'de');
    await settle(600);
    expect(lastSaved().req_auth.languages).toEqual(['fr', 'de']);
    const ticked = () => Array.from(document.querySelectorAll('[data-field="req_auth.languages"] label.check span')).map((s) => s.textContent);
    expect(ticked()).toEqual(['French', 'German']);
    expect(Array.from(($(add) as HTMLSelectElement).options).map((o) => o.value), 'a chosen language is not offered again').not.toContain('fr');
    click('[data-field="req_auth.languages"] [data-option="fr"]');
    await settle(600);
    expect(lastSaved().req_auth.languages).toEqual(['de']);
    await switchLanguage('fr');
    expect(ticked()).toEqual(['allemand']);
  });
});
