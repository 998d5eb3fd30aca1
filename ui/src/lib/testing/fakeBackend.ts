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
import type { Request } from '../generated/Request';
import { ENGLISH } from '../i18n.svelte';
import { UI_STRINGS, emptyRequest, wizardDefinition } from './fixtures';

/** Title as the fake store derives it (the real one is the store's). */
function fakeTitle(r: Request): string {
  return [r.case.internal_ref, r.req_state].filter((p) => p.trim() !== '').join(' → ') || 'Untitled request';
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
    },
  };
  return fake;
}
