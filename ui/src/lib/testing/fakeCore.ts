/**
 * The few core functions the stand-in for the shell restates, because the
 * UI's tests change requests as they go and the corpus cannot hold every
 * state: the draft title, five of the checks, the follow-up, the text sent to
 * a translator and a translation's import. Their data (wording, rules, the
 * wizard) come from the core; `contract.test.ts` runs each on every request
 * of the corpus and compares it with what the core answered.
 */
import type { Pages } from '../generated/Pages';
import type { DocumentLanguage } from '../generated/DocumentLanguage';
import type { Field } from '../generated/Field';
import type { Finding } from '../generated/Finding';
import type { IpcError } from '../generated/IpcError';
import type { Lang } from '../generated/Lang';
import type { Request } from '../generated/Request';
import { conditionHolds } from '../conditions';
import { format, type Params } from '../i18n.svelte';
import { getPath, setPath } from '../paths';
import { chosenLang } from '../translation';
import { corpus, languageChoices, rules, stateNames, wizardDefinition } from './fixtures';
import demoDirectory from './generated/directory.json';

import enChecks from '../../../../locales/en.checks.json';
import frChecks from '../../../../locales/fr.checks.json';
import esChecks from '../../../../locales/es.checks.json';
import ruChecks from '../../../../locales/ru.checks.json';
import arChecks from '../../../../locales/ar.checks.json';
import zhChecks from '../../../../locales/zh.checks.json';

const CHECKS: Record<Lang, Record<string, string>> = { en: enChecks, fr: frChecks, es: esChecks, ru: ruChecks, ar: arChecks, zh: zhChecks };

const blank = (s: string) => s.trim() === '';
const copy = <T>(value: T): T => structuredClone(value);

/**
 * The requested State named in `lang`, as the core names it: a real State
 * by its CLDR name, a fictitious one by its entry (or the demo pack's), any
 * other text as it is.
 */
export function stateName(r: Request, lang: Lang): string {
  const code = r.req_state.trim();
  const entry = r.req_state_entry !== undefined && r.req_state_entry.state_id === code ? r.req_state_entry.name.trim() : '';
  return (
    stateNames(lang).find((s) => s.code === code)?.name ??
    (entry !== '' ? entry : undefined) ??
    demoDirectory.find((s) => s.state_id === code)?.name ??
    code
  );
}

/** A draft's title, as the store derives it: the State named in the drafting language. */
export function draftTitle(r: Request): string {
  const parts = [r.case.internal_ref.trim(), r.proc.subject_matter.trim()].filter((p) => p !== '');
  const drafting = chosenLang(r.lang.drafting);
  const state = stateName(r, drafting ?? 'en');
  const lang = chosenLang(r.lang.request);
  const translated = Object.keys(r.translation.original ?? {}).length > 0 && lang !== null;
  return [parts.join(' · '), state === '' ? '' : `→ ${state}`, translated ? `[${lang}]` : ''].filter((p) => p !== '').join(' ');
}

/** A message before it is worded: a checks catalogue key and its values (text, or a nested message). */
interface Message {
  key: string;
  args?: Record<string, string | number | Message>;
}

function word(message: Message, lang: Lang): string {
  const template = CHECKS[lang][message.key] ?? CHECKS.en[message.key] ?? message.key;
  const params: Params = {};
  for (const [name, value] of Object.entries(message.args ?? {})) {
    params[name] = typeof value === 'object' ? word(value, lang) : value;
  }
  return format(template, params);
}

/** The rules the stand-in runs, in the core's catalogue order. */
const CHECKED: Array<{ code: string; check: (r: Request, push: (path: string, message: Message) => void) => void }> = [
  {
    code: 'UNTOC-18-15-a',
    check: (r, push) => {
      const a = r.req_auth;
      if (blank(a.name)) push('req_auth.name', { key: 'check.UNTOC-18-15-a.name' });
      if (blank(a.address)) push('req_auth.address', { key: 'check.UNTOC-18-15-a.address' });
      if (blank(a.contact_person)) push('req_auth.contact_person', { key: 'check.UNTOC-18-15-a.contact_person' });
      if (blank(a.email) && blank(a.phone)) push('req_auth.email', { key: 'check.UNTOC-18-15-a.contact' });
    },
  },
  {
    code: 'UNTOC-18-7-basis',
    check: (r, push) => {
      if (r.basis.primary === null) push('basis.primary', { key: 'check.UNTOC-18-7-basis.none' });
      else if (r.basis.primary === 'BILATERAL' && blank(r.basis.treaty_citation)) {
        push('basis.treaty_citation', { key: 'check.UNTOC-18-7-basis.treaty_citation' });
      }
    },
  },
  {
    code: 'UNTOC-18-15-c',
    check: (r, push) => {
      const serviceOnly = r.kind === 'mla_evidence' && r.mla.modules.length === 1 && r.mla.modules[0] === 'service';
      if ((r.kind === 'mla_evidence' || r.kind === 'transfer_of_proceedings') && !serviceOnly && blank(r.facts.summary)) {
        push('facts.summary', { key: 'check.UNTOC-18-15-c.summary' });
      }
    },
  },
  {
    code: 'OFF-PROVISION',
    check: (r, push) => {
      if (r.offences.length === 0) push('offences', { key: 'check.OFF-PROVISION.none' });
      r.offences.forEach((o, i) => {
        if (blank(o.name)) push(`offences.${i}.name`, { key: 'check.OFF-PROVISION.name', args: { n: i + 1 } });
        if (blank(o.provision)) push(`offences.${i}.provision`, { key: 'check.OFF-PROVISION.provision', args: { n: i + 1 } });
      });
    },
  },
  {
    code: 'UNTOC-18-15-e-loc',
    check: (r, push) => {
      const state: string | Message = blank(r.req_state) ? { key: 'check.word.requested_state' } : r.req_state.trim();
      r.persons.forEach((p, i) => {
        // A legal person has a seat, not a nationality (UNTOC-18-15-e-legal asks for it).
        const concerned = p.type !== 'legal' && p.role !== null && ['suspect', 'accused', 'witness', 'expert', 'account_holder'].includes(p.role);
        if (concerned && blank(p.location_unknown_reason) && (blank(p.nationalities) || blank(p.location))) {
          const name = `${p.given_names.trim()} ${p.family_name.trim()}`.trim();
          const person: string | Message = name === '' ? { key: 'check.word.person', args: { n: i + 1 } } : name;
          push(`persons.${i}.${blank(p.nationalities) ? 'nationalities' : 'location'}`, {
            key: 'check.UNTOC-18-15-e-loc.whereabouts',
            args: { person, state },
          });
        }
      });
    },
  },
];

/** The codes of the rules the stand-in runs. */
export const CHECKED_CODES: ReadonlyArray<string> = CHECKED.map((c) => c.code);

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The findings of the stand-in's rules, worded in `lang`: exactly the
 * core's findings of these rules, in the core's order (by severity, then
 * catalogue order).
 */
export function checkRequest(r: Request, lang: Lang): Finding[] {
  const known = rules();
  const out: Finding[] = [];
  for (const { code, check } of CHECKED) {
    const rule = known.get(code);
    if (!rule) throw new Error(`the core has no rule ${code}`);
    check(r, (path, message) => out.push({ code, severity: rule.severity, path, message: word(message, lang), provision: rule.provisions[lang] }));
  }
  // Array.prototype.sort is stable, as the core's sort is.
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** The follow-up MLA request of a preservation request, or the error the shell returns for draft `id`. */
export function followUp(p: Request, id: string): { request: Request } | { error: IpcError } {
  if (p.kind !== 'preservation') {
    return {
      error: {
        code: 'failed',
        message: `draft ${id}: a follow-up MLA request can only be created from a preservation request, not from a request of kind \`${p.kind}\``,
      },
    };
  }
  const pres = p.preservation;
  const reference = blank(pres.preservation_ref) ? p.req_auth.ref_no.trim() : pres.preservation_ref.trim();
  const measure =
    pres.mla_intent_measure === null ? null : pres.mla_intent_measure === 'disclose' ? ('disclosure' as const) : ('search_seizure' as const);
  const r = emptyRequestOf();
  r.case = copy(p.case);
  r.req_auth = { ...copy(p.req_auth), ref_no: '' };
  r.own_central_auth = p.own_central_auth;
  r.req_state = p.req_state;
  r.basis = copy(p.basis);
  r.lang = copy(p.lang);
  r.translation = copy(p.translation);
  r.proc = copy(p.proc);
  r.facts = copy(p.facts);
  if (blank(r.facts.summary)) r.facts.summary = p.facts.brief;
  r.offences = copy(p.offences);
  r.persons = copy(p.persons);
  r.conf = copy(p.conf);
  r.mla.modules = ['stored_data'];
  r.mla.follows_preservation = true;
  const template = storedDataTemplate();
  r.mla.stored_data = pres.data.map((data) => ({
    ...copy(template),
    provider: pres.custodian,
    data: copy(data),
    preservation_ref: reference,
    measure,
    no_user_notice: pres.no_user_notice,
    relevance: pres.data_relationship,
  }));
  r.consult.preservation_ref = reference;
  r.consult.preserved_at = pres.preserved_at.trim();
  return { request: r };
}

function emptyRequestOf(): Request {
  const empty = corpus().entries.find((e) => e.name === 'empty');
  if (!empty) throw new Error('the corpus has no empty request');
  return copy(empty.request);
}

function storedDataTemplate(): Request['mla']['stored_data'][number] {
  for (const step of wizardDefinition().steps) {
    const field = step.fields.find((f) => f.path === 'mla.stored_data');
    if (field?.input.type === 'group') return field.input.item_template as unknown as Request['mla']['stored_data'][number];
  }
  throw new Error('the wizard has no stored-data group');
}

/**
 * The answers sent to a translator, in wizard order: every non-empty
 * translatable answer the wizard shows (steps of the request's kind whose
 * condition holds, every item of a group), by dotted path.
 */
export function translationUnits(r: Request): Array<{ id: string; source: string }> {
  const out: Array<{ id: string; source: string }> = [];
  const seen = new Set<string>();
  const collect = (fields: Field[], scope: unknown, prefix: string) => {
    for (const field of fields) {
      if (!conditionHolds(field.show_when, scope)) continue;
      const id = prefix + field.path;
      const value = getPath(scope, field.path);
      if (field.input.type === 'group') {
        if (Array.isArray(value)) value.forEach((item, i) => collect(field.input.type === 'group' ? field.input.fields : [], item, `${id}.${i}.`));
      } else if (field.translatable && typeof value === 'string' && !blank(value) && !seen.has(id)) {
        seen.add(id);
        out.push({ id, source: value });
      }
    }
  };
  for (const step of wizardDefinition().steps) {
    if (!step.kinds.includes(r.kind) || !conditionHolds(step.show_when, r)) continue;
    collect(step.fields, r, '');
  }
  return out;
}

/** A language of the request as the core's errors name it: its code, or the other language as typed. */
function languageAsGiven(choice: DocumentLanguage | null, other: string): string {
  // As the core: another language by its English CLDR name, or as typed.
  const typed = other.trim();
  return choice === 'other' ? (languageChoices('en').find((l) => l.code === typed)?.name ?? typed) : (choice ?? '');
}

/** Why the request cannot go to a translator into `target` (as the shell rejects), or null. */
export function exportRefusal(r: Request, target: Lang): IpcError | null {
  const src = chosenLang(r.lang.drafting);
  const refuse = (message: string): IpcError => ({ code: 'translation', message });
  if (src === null) {
    return refuse(
      `the request's drafting language (lang.drafting) must be one of en, fr, es, ru, ar or zh to be translated; found ${JSON.stringify(languageAsGiven(r.lang.drafting, r.lang.drafting_other))}`,
    );
  }
  if (Object.keys(r.translation.original ?? {}).length > 0) {
    return refuse(
      `the request already holds a translation into ${JSON.stringify(languageAsGiven(r.lang.request, r.lang.request_other))} (translation.original is filled); export and import work on the drafter's text`,
    );
  }
  if (src === target) return refuse(`the target language ${JSON.stringify(src)} is the language the request is drafted in; nothing to translate`);
  if (translationUnits(r).length === 0) return refuse('the request has no free text to translate');
  return null;
}

/**
 * The request as the core imports a translation into `target` whose every
 * target is its source marked `[target] `.
 */
export function importMarkedTranslation(r: Request, target: Lang): Request {
  let out = copy(r);
  const original: Record<string, string> = {};
  for (const unit of translationUnits(r)) {
    out = setPath(out, unit.id, `[${target}] ${unit.source}`);
    original[unit.id] = unit.source;
  }
  out.lang = { ...out.lang, request: target, request_other: '', accepted: [] };
  out.translation = {
    ...out.translation,
    original,
    original_lang: chosenLang(r.lang.drafting) ?? '',
    status: out.translation.status === 'certified' ? 'certified' : 'done',
  };
  return out;
}

/** Keys in order, so that two equal requests read the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * The preview the core made of this very request (a request of the corpus,
 * or its marked translation), or null: the stand-in does not lay out
 * documents.
 */
export function previewPages(r: Request): Pages | null {
  const wanted = canonical(r);
  for (const entry of corpus().entries) {
    if (entry.pages && canonical(entry.request) === wanted) return copy(entry.pages);
    if (entry.translation?.pages && canonical(entry.translation.request) === wanted) return copy(entry.translation.pages);
  }
  return null;
}
