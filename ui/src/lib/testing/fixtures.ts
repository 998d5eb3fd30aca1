/**
 * Test data made by the core (`generated/`, written by `make types` from
 * `src-tauri/src/ui_fixtures.rs`): the wizard definition and the interface's
 * wording in every language, the rules, and a corpus of requests with what
 * the commands answer for each. The requests the UI's tests start from are
 * `requests/*.json`, read by the core like any request file.
 *
 * Every function returns a fresh copy, so a test may change what it gets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pages } from '../generated/Pages';
import type { Field } from '../generated/Field';
import type { Finding } from '../generated/Finding';
import type { IpcError } from '../generated/IpcError';
import type { Lang } from '../generated/Lang';
import type { Request } from '../generated/Request';
import type { RequirementNotes } from '../generated/RequirementNotes';
import type { Severity } from '../generated/Severity';
import type { WizardDefinition } from '../generated/WizardDefinition';
import type { Strings } from '../i18n.svelte';

const loaded = new Map<string, unknown>();

/** A generated file, parsed once. */
function generated<T>(name: string): T {
  if (!loaded.has(name)) {
    // The test runner gives every module its directory, in jsdom too.
    const text = readFileSync(join(__dirname, 'generated', name), 'utf8');
    loaded.set(name, JSON.parse(text));
  }
  return loaded.get(name) as T;
}

const copy = <T>(value: T): T => structuredClone(value);

/** What the commands make of one request of the corpus. */
export interface CorpusEntry {
  /** The file name of the request, without `.json`; `empty` for the empty request. */
  name: string;
  /** The request as the core reads it. */
  request: Request;
  /** Its draft title. */
  title: string;
  /** `check_request` on the corpus date, in each language. */
  findings: Record<Lang, Finding[]>;
  /** `create_follow_up` on it, stored as the corpus's draft id. */
  follow_up: { request: Request } | { error: IpcError };
  /** The answers sent to a translator, in order. */
  units: Array<{ id: string; source: string }>;
  /** Why it cannot go to a translator into each language, or null when it can. */
  exportable: Record<Lang, IpcError | null>;
  /** A translation into French (else English) with every target its source marked `[xx] `. */
  translation: { target: Lang; request: Request; title: string; pages: Pages | null } | null;
  /** The preview (requests of `requests/` only). */
  pages: Pages | null;
}

/** The corpus: the date it is checked on, the draft id errors name, and the entries. */
export interface Corpus {
  date: string;
  draft_id: string;
  entries: CorpusEntry[];
}

/** The whole corpus (shared; do not change it). */
export function corpus(): Corpus {
  return generated<Corpus>('corpus.json');
}

/** One entry of the corpus. */
export function corpusEntry(name: string): CorpusEntry {
  const entry = corpus().entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no request ${name} in the corpus; add requests/${name}.json and run make types`);
  return copy(entry);
}

/** A request of the corpus. */
export function corpusRequest(name: string): Request {
  return corpusEntry(name).request;
}

/** Every rule's severity and provisions in each language (as cited while no basis is chosen), by code. */
export function rules(): Map<string, { severity: Severity; provisions: Record<Lang, string> }> {
  const list = generated<Array<{ code: string; severity: Severity; provisions: Record<Lang, string> }>>('rules.json');
  return new Map(list.map((r) => [r.code, { severity: r.severity, provisions: r.provisions }]));
}

/** The wizard definition in `lang`, as `wizard_definition` answers. */
export function wizardDefinition(lang: Lang = 'en'): WizardDefinition {
  return copy(generated<WizardDefinition>(`wizard.${lang}.json`));
}

/** The interface's wording in `lang`, as `ui_strings` answers. */
export function uiStrings(lang: Lang): Strings {
  return copy(generated<Strings>(`ui-strings.${lang}.json`));
}

/** The field at full path `path` of the English definition (`persons`, `mla.stored_data`). */
export function fieldAt(path: string): Field {
  for (const step of wizardDefinition().steps) {
    const field = step.fields.find((f) => f.path === path);
    if (field) return field;
  }
  throw new Error(`no field ${path} in the wizard definition`);
}

/** The empty item of the group at `path`, as the wizard adds one. */
export function itemTemplate<T>(path: string): T {
  const field = fieldAt(path);
  if (field.input.type !== 'group') throw new Error(`${path} is not a group`);
  return copy(field.input.item_template) as T;
}

/** A request with every answer empty, as `Request::default()` serialises. */
export function emptyRequest(): Request {
  return corpusRequest('empty');
}

/** A preservation request of one set of data, confirmed under reference NP-2026-0441. */
export function preservationRequest(): Request {
  return corpusRequest('preservation');
}

/** An MLA request the stand-in's checks find no error in. */
export function requestWithoutErrors(): Request {
  return corpusRequest('no-errors');
}

/** An empty person, as the wizard adds one. */
export function emptyPerson(): Request['persons'][number] {
  return itemTemplate('persons');
}

/** An empty offence, as the wizard adds one. */
export function emptyOffence(): Request['offences'][number] {
  return itemTemplate('offences');
}

/** An empty request for stored data (module M6), as the wizard adds one. */
export function emptyStoredData(): Request['mla']['stored_data'][number] {
  return itemTemplate('mla.stored_data');
}

/** A real State's code and its CLDR name, as the core gives them. */
export interface StateName {
  code: string;
  name: string;
}

/** Every real State's code and CLDR name in `lang`, by code. */
export function stateNames(lang: Lang): StateName[] {
  return copy(generated<Record<Lang, StateName[]>>('states.json')[lang]);
}

/** `annex_labels` for a request of `count` annexes (at most 30) labelled by `choice`, as the core answers. */
export function annexLabels(choice: 'numbers' | 'letters', count: number): string[] {
  return copy(generated<Record<string, string[]>>('annex-labels.json')[choice].slice(0, count));
}

/** `language_choices` in `lang`: every choosable language's code and CLDR name, by code. */
export function languageChoices(lang: Lang): StateName[] {
  return copy(generated<Record<Lang, StateName[]>>('languages.json')[lang]);
}

/**
 * `requirement_notes` for a request of `kind` addressed to demo State
 * `stateId` from its entry, no basis chosen, in `lang`; null when the demo
 * directory has no such State.
 */
export function requirementNotes(stateId: string, kind: string, lang: Lang): RequirementNotes | null {
  const all = generated<Record<string, Record<string, Record<Lang, RequirementNotes | null>>>>('requirements.json');
  return copy(all[stateId]?.[kind]?.[lang] ?? null);
}
