/**
 * An in-memory stand-in for the app's commands, for component tests: drafts
 * with revisions, a few of the core's checks, and a simple document.
 */
import type { Api } from '../api';
import { ApiError } from '../api';
import type { Document } from '../generated/Document';
import type { Draft } from '../generated/Draft';
import type { DraftSummary } from '../generated/DraftSummary';
import type { Finding } from '../generated/Finding';
import type { Lang } from '../generated/Lang';
import type { Request } from '../generated/Request';
import { ENGLISH } from '../i18n.svelte';
import { UI_STRINGS, emptyRequest, wizardDefinition } from './fixtures';

/** Title as the fake store derives it (the real one is the store's): a translation ends with its language. */
function fakeTitle(r: Request): string {
  const title = [r.case.internal_ref, r.req_state].filter((p) => p.trim() !== '').join(' → ') || 'Untitled request';
  return Object.keys(r.translation.original ?? {}).length > 0 ? `${title} [${r.lang.request}]` : title;
}

export interface FakeBackend {
  api: Api;
  drafts: Map<string, { summary: DraftSummary; request: Request }>;
  saves: Array<{ id: string; request: Request }>;
  exports: Array<{ fileName: string; request: Request }>;
  /** When set, the next saves reject with this message. */
  failSaves: string | null;
  /**
   * What the save dialog answers: a path, or null for "cancelled". As in the
   * core, the PDF is a draft while the fake checks find an error.
   */
  exportAnswer: string | null;
  /** Languages asked for, in order. */
  langCalls: string[];
  /** The language of each run of the checks, in order. */
  checkLangs: string[];
  /** When set, loading the wizard in another language than English fails with this message. */
  failLanguage: string | null;
  /** Follow-ups created: the draft each was made from, as stored at that moment. */
  followUps: Array<{ from: string; request: Request }>;
  /** When set, creating a follow-up rejects with this message. */
  failFollowUp: string | null;
  /** Word documents exported, as `exports`. */
  docxExports: Array<{ fileName: string; request: Request }>;
  /** What the save dialog answers for a Word document: a path, or null for "cancelled". */
  docxAnswer: string | null;
  /** Files exported for translation. */
  xliffExports: Array<{ fileName: string; target: Lang; request: Request }>;
  /** What the save dialog answers for a translation file: a path, or null for "cancelled". */
  xliffAnswer: string | null;
  /**
   * What the open dialog answers: a file translated into this language, or
   * null for "cancelled".
   */
  importAnswer: Lang | null;
  /** When set, importing rejects with this message (the file does not fit). */
  failImport: string | null;
  /** Imports made: the draft each was made from, as stored at that moment. */
  imports: Array<{ from: string; request: Request }>;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function fakeChecks(r: Request): Finding[] {
  const out: Finding[] = [];
  const need = (value: string, path: string, code: string, message: string) => {
    if (value.trim() === '') out.push({ code, severity: 'error', path, message, provision: 'UNTOC art. 18(15)' });
  };
  need(r.req_auth.name, 'req_auth.name', 'UNTOC-18-15-a', 'Give the official name of the authority making the request.');
  if (r.basis.primary === null) {
    out.push({ code: 'UNTOC-18-7-basis', severity: 'error', path: 'basis.primary', message: 'Choose the legal basis of the request.', provision: 'UNTOC art. 18(7)' });
  }
  need(r.facts.summary, 'facts.summary', 'UNTOC-18-15-c', 'A summary of the relevant facts is required.');
  if (r.offences.length === 0) {
    out.push({ code: 'OFF-PROVISION', severity: 'error', path: 'offences', message: 'Enter at least one offence.', provision: 'UNTOC art. 18(15)(b)' });
  }
  r.offences.forEach((o, i) => need(o.name, `offences.${i}.name`, 'OFF-PROVISION', `Offence ${i + 1}: give its name.`));
  r.persons.forEach((p, i) => {
    if (p.role === 'witness' && p.location.trim() === '' && p.location_unknown_reason.trim() === '') {
      out.push({ code: 'UNTOC-18-15-e-loc', severity: 'warning', path: `persons.${i}.location`, message: 'Give the whereabouts, or say why they are unknown.', provision: 'UNTOC art. 18(15)(e)' });
    }
  });
  const order = { error: 0, warning: 1, info: 2 };
  return out.sort((a, b) => order[a.severity] - order[b.severity]);
}

export function fakeDocument(r: Request): Document {
  return {
    title: fakeTitle(r),
    lang: 'en',
    author: r.req_auth.name,
    header: r.req_auth.ref_no ? `Ref. ${r.req_auth.ref_no}` : '',
    footer: 'Page {page} of {pages}',
    draft_note: 'DRAFT – not for transmission: the request still has errors.',
    draft_mark: 'DRAFT',
    blocks: [
      { type: 'heading', level: 1, number: null, text: 'Request for mutual legal assistance in a criminal matter' },
      { type: 'meta', text: `Our reference: ${r.case.internal_ref}` },
      { type: 'field', label: 'Requesting authority', lines: [r.req_auth.name] },
      { type: 'field', label: 'Address', lines: r.req_auth.address.split('\n') },
      { type: 'heading', level: 2, number: 1, text: 'Summary of the facts' },
      { type: 'paragraph', lines: r.facts.summary.split('\n') },
      { type: 'heading', level: 2, number: 2, text: 'Assistance sought' },
      ...r.mla.other.map((m, i) => ({ type: 'item' as const, number: i + 1, lines: m.description.split('\n') })),
    ],
  };
}

/**
 * A follow-up MLA request as the core makes one from a preservation request:
 * the shared answers, the data to obtain and the preservation reference.
 */
export function fakeFollowUp(p: Request): Request {
  const r = emptyRequest();
  const pres = p.preservation;
  const reference = pres.preservation_ref.trim();
  r.kind = 'mla_evidence';
  r.case = clone(p.case);
  r.req_auth = { ...clone(p.req_auth), ref_no: '' };
  r.req_state = p.req_state;
  r.basis = clone(p.basis);
  r.facts = clone(p.facts);
  r.offences = clone(p.offences);
  r.persons = clone(p.persons);
  r.mla.modules = ['stored_data'];
  r.mla.follows_preservation = true;
  r.mla.stored_data = pres.data.map((data) => ({
    provider: pres.custodian,
    provider_jurisdiction: '',
    service: null,
    data: clone(data),
    preservation_ref: reference,
    vulnerability: '',
    measure: null,
    content_justification: '',
    delivery_format: '',
    no_user_notice: pres.no_user_notice,
    relevance: pres.data_relationship,
  }));
  r.consult.preservation_ref = reference;
  return r;
}

/** The answers the fake translation covers. */
const TRANSLATED_PATHS = ['facts.summary', 'purpose.statement'] as const;

/**
 * Why the core would refuse to export `r` for translation into `target`,
 * worded as the core words it; null when it can be exported.
 */
export function fakeXliffRefusal(r: Request, target: Lang): string | null {
  const src = r.lang.drafting.trim().toLowerCase();
  if (!/^[a-z]{2}$/.test(src)) {
    return `the request's drafting language (lang.drafting) must be an ISO 639-1 code such as "en"; found ${JSON.stringify(r.lang.drafting)}`;
  }
  if (Object.keys(r.translation.original ?? {}).length > 0) {
    return `the request already holds a translation into ${JSON.stringify(r.lang.request)} (translation.original is filled); export and import work on the drafter's text`;
  }
  if (src === target) return `the target language ${JSON.stringify(src)} is the language the request is drafted in; nothing to translate`;
  return null;
}

/** A request as the core imports a translation into `lang`: each translated answer marked `[lang]`. */
export function fakeTranslation(r: Request, lang: Lang): Request {
  const out = clone(r);
  const original: Record<string, string> = {};
  for (const path of TRANSLATED_PATHS) {
    const [part, key] = path.split('.') as ['facts' | 'purpose', string];
    const scope = out[part] as unknown as Record<string, string>;
    if (scope[key].trim() === '') continue;
    original[path] = scope[key];
    scope[key] = `[${lang}] ${scope[key]}`;
  }
  out.translation = { ...out.translation, original, original_lang: r.lang.drafting };
  out.lang = { ...out.lang, request: lang };
  return out;
}

export function createFakeBackend(initial: Array<{ id: string; request: Request; revision?: number }> = []): FakeBackend {
  const drafts = new Map<string, { summary: DraftSummary; request: Request }>();
  let counter = 0;
  const stamp = () => new Date(Date.UTC(2026, 2, 2, 9, counter++)).toISOString().replace('.000Z', 'Z');
  for (const d of initial) {
    const at = stamp();
    drafts.set(d.id, {
      summary: { id: d.id, title: fakeTitle(d.request), created_at: at, updated_at: at, revision: (d.revision ?? 1) as unknown as bigint },
      request: clone(d.request),
    });
  }
  const fake: FakeBackend = {
    drafts,
    saves: [],
    checkLangs: [],
    exports: [],
    failSaves: null,
    exportAnswer: '/home/user/request.pdf',
    langCalls: [],
    failLanguage: null,
    followUps: [],
    failFollowUp: null,
    docxExports: [],
    docxAnswer: '/home/user/request.docx',
    xliffExports: [],
    xliffAnswer: '/home/user/request.fr.xlf',
    importAnswer: 'fr',
    failImport: null,
    imports: [],
    api: {
      wizardDefinition: async (lang) => {
        fake.langCalls.push(lang);
        if (lang !== 'en' && fake.failLanguage !== null) throw new ApiError('locale', fake.failLanguage);
        return wizardDefinition(lang);
      },
      uiStrings: async (lang) => ({ ...ENGLISH, ...(UI_STRINGS[lang] ?? {}) }),
      listDrafts: async () => [...drafts.values()].map((d) => clone(d.summary)).reverse(),
      newDraft: async () => {
        const id = `draft-${drafts.size + 1}`;
        const at = stamp();
        const draft: Draft = {
          summary: { id, title: 'Untitled request', created_at: at, updated_at: at, revision: 1 as unknown as bigint },
          request: emptyRequest(),
        };
        drafts.set(id, clone(draft));
        return draft;
      },
      openDraft: async (id) => {
        const d = drafts.get(id);
        if (!d) throw new ApiError('not_found', `No draft ${id}.`);
        return clone(d);
      },
      createFollowUp: async (id) => {
        const source = drafts.get(id);
        if (!source) throw new ApiError('not_found', `No draft ${id}.`);
        if (source.request.kind !== 'preservation') {
          throw new ApiError(
            'not_preservation',
            `a follow-up MLA request can only be created from a preservation request, not from a request of kind \`${source.request.kind}\``,
          );
        }
        if (fake.failFollowUp !== null) throw new ApiError('store', fake.failFollowUp);
        fake.followUps.push({ from: id, request: clone(source.request) });
        const request = fakeFollowUp(source.request);
        const newId = `draft-${drafts.size + 1}`;
        const at = stamp();
        const draft: Draft = {
          summary: { id: newId, title: fakeTitle(request), created_at: at, updated_at: at, revision: 1 as unknown as bigint },
          request,
        };
        drafts.set(newId, clone(draft));
        return draft;
      },
      saveDraft: async (id, request) => {
        if (fake.failSaves !== null) throw new ApiError('store', fake.failSaves);
        const d = drafts.get(id);
        if (!d) throw new ApiError('not_found', `No draft ${id}.`);
        fake.saves.push({ id, request: clone(request) });
        const revision = Number(d.summary.revision) + 1;
        const at = stamp();
        d.summary = { ...d.summary, title: fakeTitle(request), updated_at: at, revision: revision as unknown as bigint };
        d.request = clone(request);
        return { draft_id: id, revision: revision as unknown as bigint, saved_at: at, changed: true, title: d.summary.title };
      },
      checkRequest: async (request, lang) => {
        fake.checkLangs.push(lang);
        // As in the core, the messages come in the language asked for.
        return fakeChecks(request).map((f) => (lang === 'en' ? f : { ...f, message: `[${lang}] ${f.message}` }));
      },
      previewRequest: async (request) => fakeDocument(request),
      exportPdf: async (request, fileName) => {
        fake.exports.push({ fileName, request: clone(request) });
        if (fake.exportAnswer === null) return null;
        return { path: fake.exportAnswer, draft: fakeChecks(request).some((f) => f.severity === 'error') };
      },
      exportDocx: async (request, fileName) => {
        fake.docxExports.push({ fileName, request: clone(request) });
        if (fake.docxAnswer === null) return null;
        return { path: fake.docxAnswer, draft: fakeChecks(request).some((f) => f.severity === 'error') };
      },
      exportXliff: async (request, target, fileName) => {
        // As in the core, a request that cannot be translated is refused before the dialog.
        const refusal = fakeXliffRefusal(request, target);
        if (refusal !== null) throw new ApiError('xliff', refusal);
        fake.xliffExports.push({ fileName, target, request: clone(request) });
        return fake.xliffAnswer;
      },
      importXliff: async (id) => {
        const source = drafts.get(id);
        if (!source) throw new ApiError('not_found', `No draft ${id}.`);
        if (fake.importAnswer === null) return null;
        if (fake.failImport !== null) throw new ApiError('xliff', fake.failImport);
        fake.imports.push({ from: id, request: clone(source.request) });
        const request = fakeTranslation(source.request, fake.importAnswer);
        const newId = `draft-${drafts.size + 1}`;
        const at = stamp();
        const draft: Draft = {
          summary: { id: newId, title: fakeTitle(request), created_at: at, updated_at: at, revision: 1 as unknown as bigint },
          request,
        };
        drafts.set(newId, clone(draft));
        return draft;
      },
    },
  };
  return fake;
}
