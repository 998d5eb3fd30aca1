/**
 * An in-memory stand-in for the shell, for the UI's tests: every command of
 * the generated command table, answering with the core's data (the wizard,
 * the wording, the corpus's previews; see `fixtures.ts`) and the
 * restatements of `fakeCore.ts`, held to the core by `contract.test.ts`.
 * Drafts live in a map; the file dialogs answer from fields a test sets.
 *
 * Like the shell, it rejects with `{ code, message }`.
 */
import { createApi, type Api, type CommandArgs, type CommandName, type CommandResult, type Invoke } from '../api';
import type { AnnexFile } from '../generated/AnnexFile';
import type { Draft } from '../generated/Draft';
import type { DirectoryFieldChange } from '../generated/DirectoryFieldChange';
import type { DirectoryHistoryEntry } from '../generated/DirectoryHistoryEntry';
import type { DirectoryProblem } from '../generated/DirectoryProblem';
import type { DirectorySummary } from '../generated/DirectorySummary';
import type { StateEntry } from '../generated/StateEntry';
import type { OwnStateProfile } from '../generated/OwnStateProfile';
import type { FieldChange } from '../generated/FieldChange';
import type { RevisionEntry } from '../generated/RevisionEntry';
import type { DraftSummary } from '../generated/DraftSummary';
import type { ErrorCode } from '../generated/ErrorCode';
import type { IpcError } from '../generated/IpcError';
import type { Lang } from '../generated/Lang';
import type { Request } from '../generated/Request';
import type { Backups } from '../generated/Backups';
import type { Desk } from '../generated/Desk';
import type { Overview } from '../generated/Overview';
import type { PackageImport } from '../generated/PackageImport';
import type { Participant } from '../generated/Participant';
import type { ReadableExport } from '../generated/ReadableExport';
import type { SearchResult } from '../generated/SearchResult';
import type { Dashboard } from '../generated/Dashboard';
import type { DraftLink } from '../generated/DraftLink';
import type { RegisterEntry } from '../generated/RegisterEntry';
import type { RegisterQuery } from '../generated/RegisterQuery';
import type { Mode } from '../generated/Mode';
import { currentStatus } from '../register';
import { checkRequest, draftTitle, exportRefusal, followUp, importMarkedTranslation, previewPages } from './fakeCore';
import { annexLabels, emptyRequest, languageChoices, requirementNotes, stateNames, uiStrings, wizardDefinition } from './fixtures';

export interface FakeBackend {
  /** Calls a command, as Tauri's `invoke` does. */
  invoke: Invoke;
  /** The commands as the UI calls them, over {@link invoke}. */
  api: Api;
  drafts: Map<string, { summary: DraftSummary; request: Request }>;
  saves: Array<{ id: string; request: Request }>;
  exports: Array<{ fileName: string; request: Request; appendAnnexes: boolean }>;
  /** When set, the next saves reject with this message. */
  failSaves: string | null;
  /** What the database's full check finds (none: sound). */
  databaseProblems: string[];
  /** What exporting the readable drafts writes, or null for "cancelled". */
  readableExport: ReadableExport | null;
  /**
   * What the save dialog answers: a path, or null for "cancelled". As in the
   * core, the PDF is a draft while the checks find an error.
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
  /** The files exported (the only ones "Open" and "Show in folder" reach, as in the shell). */
  exportedPaths: string[];
  /** "Open" and "Show in folder" asked for, in order. */
  opened: Array<{ action: 'open' | 'show'; path: string }>;
  /** Word documents exported, as `exports`. */
  docxExports: Array<{ fileName: string; request: Request }>;
  /** What the save dialog answers for a Word document: a path, or null for "cancelled". */
  docxAnswer: string | null;
  /** Exports for translation the core accepted, each before the save dialog (cancelled ones too). */
  xliffExports: Array<{ fileName: string; target: Lang; request: Request }>;
  /** What the save dialog answers for a translation file: a path, or null for "cancelled". */
  xliffAnswer: string | null;
  /** When set, writing the translation file fails with this message (code `file`). */
  failXliffWrite: string | null;
  /**
   * What the open dialog answers: a file translated into this language,
   * every target its source marked `[lang] `, or null for "cancelled".
   */
  importAnswer: Lang | null;
  /** When set, importing rejects with this error (the file does not fit, or cannot be read). */
  failImport: IpcError | null;
  /** Imports made: the draft each was made from, as stored at that moment. */
  imports: Array<{ from: string; request: Request }>;
  /** Every query of the register, in order. */
  registerQueries: RegisterQuery[];
  /** What the dashboard answers. */
  dashboard: Dashboard;
  /** The links of each draft; a draft not here has none. */
  links: Map<string, DraftLink[]>;
  /**
   * What the open dialog answers for an annex: the file's reference as the
   * core makes it, or null for "cancelled".
   */
  annexAnswer: AnnexFile | null;
  /** When set, attaching an annex file rejects with this error (too large, unreadable). */
  failAnnex: IpcError | null;
  /**
   * The exchange, scripted: the core's exchange is exercised by its own
   * tests and end to end, so here the answers are what a test sets, and
   * every call is recorded.
   */
  exchange: FakeExchange;
  /** What `search_drafts` answers, whatever the query (search itself is the core's, tested there). */
  searchAnswer: SearchResult[];
  /** The queries searched for, in order. */
  searches: string[];
  /** When each archived draft was archived, by id. */
  archived: Map<string, string>;
  /** When each draft in the bin was deleted, by id. */
  bin: Map<string, string>;
  /** The revision history, scripted as the exchange is (the core's is tested on its own and end to end). */
  history: FakeHistory;
  /** Encryption at rest and backups, scripted. */
  database: FakeDatabase;
  /** Demo mode (`demo`, as the corpus's findings are) or not. */
  mode: Mode;
  /** The own-State profile set, if any. */
  ownState: OwnStateProfile | null;
  /** What `refresh_directory_answers` answers (the request as given when null), and what it was asked. */
  refreshDirectoryAnswers: ((before: Request, request: Request) => Request) | null;
  directoryRefreshes: Array<{ before: Request; request: Request }>;
  /** The directory's entries (empty unless a test sets some), and each State's history as the edits made here record it. */
  directory: { entries: StateEntry[]; history: Map<string, DirectoryHistoryEntry[]> };
}

/** What the history commands answer, and what they were asked. */
export interface FakeHistory {
  /** The revisions of each draft; a draft not here has none. */
  entries: Map<string, RevisionEntry[]>;
  /** What every comparison answers. */
  changes: FieldChange[];
  /** Every history command called, with its arguments. */
  calls: Array<{ command: CommandName; args: unknown }>;
}

/** What the encryption and backup commands answer. */
export interface FakeDatabase {
  encrypted: boolean;
  unlocked: boolean;
  /** The passphrase that unlocks the database. */
  passphrase: string;
  backups: Backups;
  /** Why the database cannot be opened, while it cannot: `database_status` rejects with it. */
  problem: { code: ErrorCode; message: string } | null;
}

/** What the exchange commands answer, and what they were asked. */
export interface FakeExchange {
  desk: Desk;
  /** The consultation of each draft; a draft not here has an empty one. */
  overviews: Map<string, Overview>;
  /** What `import_package` and `confirm_package_signer` answer (null: cancelled). */
  importAnswer: PackageImport | null;
  /** While true, commands that need the secret keys reject with `keys_locked`. */
  locked: boolean;
  /** The passphrase that unlocks the keys. */
  passphrase: string;
  /** Every exchange command called, with its arguments. */
  calls: Array<{ command: CommandName; args: unknown }>;
}

const EMPTY_OVERVIEW: Overview = { shared: null, thread: { comments: [], suggestions: [] }, reviews: [], history: [], packages: [] };

const PARTICIPANT: Participant = { fingerprint: '12345 67890 12345 67890 12345 67890 12345 67890', name: 'A. Prosecutor', authority: 'Office of the Prosecutor' };

const clone = <T>(v: T): T => structuredClone(v);

/** A draft as the register lists it (the core derives the same from a save; no deadlines here). */
function registerEntry(summary: DraftSummary, request: Request): RegisterEntry {
  const latest = request.consult.status_log.filter((c) => c.status !== null).at(-1);
  return {
    id: summary.id,
    title: summary.title,
    kind: request.kind,
    req_state: request.req_state.trim(),
    status: currentStatus(request),
    status_date: latest?.date ?? summary.created_at.slice(0, 10),
    counterpart_ref: latest?.counterpart_ref ?? '',
    next_deadline: null,
    updated_at: summary.updated_at,
  };
}

const EMPTY_DASHBOARD: Dashboard = {
  today: '2026-03-02',
  overdue: { count: 0, entries: [] },
  within_7_days: { count: 0, entries: [] },
  within_30_days: { count: 0, entries: [] },
  waiting_on_counterpart: { count: 0, entries: [] },
};

/** The list's line for a directory entry, as the core makes it. */
function summaryOf(entry: StateEntry): DirectorySummary {
  return {
    state_id: entry.state_id,
    name: entry.name,
    fictitious: entry.fictitious,
    restricted: entry.redistribution === 'restricted' || entry.authorities.some((a) => a.redistribution === 'restricted'),
    authorities: entry.authorities.length,
    as_of: entry.provenance?.as_of,
  };
}

/** A directory value as the core compares it: an empty text or list is none, at any depth, and keys in no particular order. */
function stored(value: unknown): string {
  const prune = (v: unknown): unknown => {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return null;
    if (Array.isArray(v)) return v.map(prune);
    if (typeof v === 'object') {
      const kept = Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => prune(x) !== null)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return kept.length === 0 ? null : Object.fromEntries(kept.map(([k, x]) => [k, prune(x)]));
    }
    return v;
  };
  return JSON.stringify(prune(value));
}

/** The State's own top-level fields and its authorities' that an edit changed, as the history records them (values as JSON). */
function changedAuthorityFields(old: StateEntry, edited: StateEntry): DirectoryFieldChange[] {
  const out: DirectoryFieldChange[] = [];
  const ownKeys = new Set([...Object.keys(old), ...Object.keys(edited)].filter((k) => k !== 'authorities')) as Set<keyof StateEntry>;
  for (const key of ownKeys) {
    const [x, y] = [stored(old[key]), stored(edited[key])];
    if (x !== y) out.push({ authority_id: '', record: 'changed', field: key, old: x, new: y, erased: false });
  }
  for (const a of edited.authorities ?? []) {
    const before = (old.authorities ?? []).find((b) => b.authority_id === a.authority_id);
    if (!before) {
      out.push({ authority_id: a.authority_id, record: 'new', field: 'name', new: a.name, erased: false });
      continue;
    }
    const keys = new Set([...Object.keys(before), ...Object.keys(a)]) as Set<keyof typeof a>;
    for (const key of keys) {
      const [x, y] = [stored(before[key]), stored(a[key])];
      if (x !== y) out.push({ authority_id: a.authority_id, record: 'changed', field: key, old: x, new: y, erased: false });
    }
  }
  return out;
}

/** The user-assigned codes of ISO 3166-1, for fictitious States only. */
const userAssigned = (code: string): boolean => code === 'AA' || code === 'ZZ' || (code[0] === 'Q' && code[1] >= 'M') || (code[0] === 'X' && code !== 'XK');

/**
 * The problems the core finds in an entry, for the rules the tests reach
 * (worded as the core words them): the code, the name, an authority's
 * name and roles, an accepted language's code, the preservation period.
 */
function entryProblems(entry: StateEntry): DirectoryProblem[] {
  const out: DirectoryProblem[] = [];
  const push = (at: string, what: string, args: Record<string, string>, message: string) => out.push({ at, what, args, message });
  const id = entry.state_id;
  if (!/^[A-Z]{2}$/.test(id)) push('state_id', 'state_code', { found: id }, `expected an ISO 3166-1 alpha-2 code (two capital letters), found ${JSON.stringify(id)}`);
  else if (entry.fictitious && !userAssigned(id))
    push('state_id', 'fictitious_code', { found: id }, `a fictitious State must have a user-assigned code (XA–XZ but XK, QM–QZ, AA, ZZ), found ${id}`);
  else if (!entry.fictitious && userAssigned(id))
    push(
      'state_id',
      'user_assigned_code',
      { found: id },
      `${id} is a user-assigned code, for fictitious States only: mark the State as fictitious ("fictitious": true) or use its ISO 3166-1 code`,
    );
  if (entry.name.trim() === '') push('name', 'required', {}, 'is required');
  (entry.authorities ?? []).forEach((a, i) => {
    if ((a.roles ?? []).length === 0) push(`authorities[${i}].roles`, 'roles', {}, 'name at least one role');
    if (a.name.trim() === '') push(`authorities[${i}].name`, 'required', {}, 'is required');
  });
  const days = entry.requirements?.preservation_period_days;
  if (days !== undefined && days < 60)
    push('requirements.preservation_period_days', 'preservation_period', { found: String(days) }, `at least 60 days (Budapest art. 29(7)), found ${days}`);
  (entry.languages ?? []).forEach((rule, i) =>
    (rule.accepted ?? []).forEach((a, j) => {
      if (!/^[a-z]{2,3}$/.test(a.lang))
        push(
          `languages[${i}].accepted[${j}].lang`,
          'language_code',
          { found: a.lang },
          `expected an ISO 639 language code (two or three small letters), found ${JSON.stringify(a.lang)}`,
        );
    }),
  );
  return out;
}

function reject(code: ErrorCode, message: string): never {
  throw { code, message } satisfies IpcError;
}

type Handlers = { [K in CommandName]: (args: CommandArgs<K>) => Promise<CommandResult<K>> };

export function createFakeBackend(initial: Array<{ id: string; request: Request; revision?: number }> = []): FakeBackend {
  const drafts = new Map<string, { summary: DraftSummary; request: Request }>();
  let counter = 0;
  const stamp = () => new Date(Date.UTC(2026, 2, 2, 9, counter++)).toISOString().replace('.000Z', 'Z');
  const create = (request: Request): Draft => {
    const id = `draft-${drafts.size + 1}`;
    const at = stamp();
    const draft: Draft = { summary: { id, title: draftTitle(request), created_at: at, updated_at: at, revision: 1 }, request };
    drafts.set(id, clone(draft));
    return draft;
  };
  const stored = (id: string) => drafts.get(id) ?? reject('failed', `no draft with id ${id}`);
  for (const d of initial) {
    const at = stamp();
    drafts.set(d.id, {
      summary: { id: d.id, title: draftTitle(d.request), created_at: at, updated_at: at, revision: d.revision ?? 1 },
      request: clone(d.request),
    });
  }

  /** Records an exchange call; rejects as the shell does while the keys are locked and `keys` is true. */
  const record = (command: CommandName, args: unknown, keys = false) => {
    fake.exchange.calls.push({ command, args: clone(args) });
    if (keys && fake.exchange.locked) reject('keys_locked', 'the secret keys are in a passphrase-protected file');
  };
  const recordHistory = (command: CommandName, args: unknown) => void fake.history.calls.push({ command, args: clone(args) });
  const comment = (id: string, field: string, text: string) => ({
    id,
    field,
    kind: 'answer' as const,
    text,
    author: PARTICIPANT,
    at: stamp(),
    reply_to: null,
    resolved: null,
  });
  const receipt = (id: string) => ({
    suggestion: { id, field: '', base_revision: 1, base: null, proposed: null, note: '', author: PARTICIPANT, at: stamp(), state: 'accepted' as const, decided: null, resolved_value: null },
    revision: 2,
    changed: true,
  });

  /** As the shell: only a file exported can be opened or shown. */
  const opener = (action: 'open' | 'show', path: string): null => {
    if (!fake.exportedPaths.includes(path)) reject('failed', `${path} was not exported from this window: only a file just exported can be opened`);
    fake.opened.push({ action, path });
    return null;
  };

  const handlers: Handlers = {
    wizard_definition: async ({ lang }) => {
      fake.langCalls.push(lang);
      if (lang !== 'en' && fake.failLanguage !== null) reject('failed', fake.failLanguage);
      return wizardDefinition(lang);
    },
    ui_strings: async ({ lang }) => uiStrings(lang),
    build_info: async () => ({ version: '0.1.0', commit: '1a2b3c4d' }),
    list_drafts: async () =>
      [...drafts.values()]
        .filter((d) => !fake.archived.has(d.summary.id) && !fake.bin.has(d.summary.id))
        .map((d) => clone(d.summary))
        .reverse(),
    new_draft: async ({ kind }) => create({ ...emptyRequest(), kind }),
    open_draft: async ({ id }) => clone(stored(id)),
    save_draft: async ({ id, request }) => {
      if (fake.failSaves !== null) reject('failed', fake.failSaves);
      const d = stored(id);
      fake.saves.push({ id, request: clone(request) });
      const revision = d.summary.revision + 1;
      const at = stamp();
      d.summary = { ...d.summary, title: draftTitle(request), updated_at: at, revision };
      d.request = clone(request);
      return { draft_id: id, revision, saved_at: at, changed: true, title: d.summary.title };
    },
    create_follow_up: async ({ id }) => {
      const source = stored(id);
      const made = followUp(source.request, id);
      if ('error' in made) throw made.error;
      if (fake.failFollowUp !== null) reject('failed', fake.failFollowUp);
      fake.followUps.push({ from: id, request: clone(source.request) });
      return create(made.request);
    },
    check_request: async ({ request, lang }) => {
      fake.checkLangs.push(lang);
      return checkRequest(request, lang);
    },
    demo_mode: async () => fake.mode,
    set_demo_mode: async ({ mode }) => {
      fake.mode = mode;
      return fake.mode;
    },
    preview_request: async ({ request }) =>
      previewPages(request) ?? reject('failed', 'the stand-in for the shell has a preview only for the requests of the corpus'),
    export_pdf: async ({ request, fileName, appendAnnexes }) => {
      fake.exports.push({ fileName, request: clone(request), appendAnnexes });
      if (fake.exportAnswer === null) return null;
      fake.exportedPaths.push(fake.exportAnswer);
      return { path: fake.exportAnswer, draft: checkRequest(request, 'en').some((f) => f.severity === 'error') };
    },
    export_docx: async ({ request, fileName }) => {
      fake.docxExports.push({ fileName, request: clone(request) });
      if (fake.docxAnswer === null) return null;
      fake.exportedPaths.push(fake.docxAnswer);
      return { path: fake.docxAnswer, draft: checkRequest(request, 'en').some((f) => f.severity === 'error') };
    },
    export_xliff: async ({ request, target, fileName }) => {
      // As in the shell, a request that cannot be translated is refused before the dialog.
      const refusal = exportRefusal(request, target);
      if (refusal !== null) throw refusal;
      fake.xliffExports.push({ fileName, target, request: clone(request) });
      if (fake.xliffAnswer === null) return null;
      if (fake.failXliffWrite !== null) reject('file', `${fake.xliffAnswer}: cannot write: ${fake.failXliffWrite}`);
      return fake.xliffAnswer;
    },
    import_xliff: async ({ id }) => {
      if (fake.importAnswer === null) return null;
      const source = stored(id);
      if (fake.failImport !== null) throw fake.failImport;
      fake.imports.push({ from: id, request: clone(source.request) });
      return create(importMarkedTranslation(source.request, fake.importAnswer));
    },
    check_database: async () => ({ problems: [...fake.databaseProblems] }),
    export_readable_drafts: async (args) => (record('export_readable_drafts', args), clone(fake.readableExport)),
    attach_annex_file: async ({ id, request, annex }) => {
      const d = stored(id);
      const index = annex - 1;
      const current = request.attachments[index] ?? reject('failed', `the request has no annex ${annex}`);
      if (fake.annexAnswer === null) return null;
      if (fake.failAnnex !== null) throw fake.failAnnex;
      const file = clone(fake.annexAnswer);
      const pages = current.pages.trim() === '' && file.pages !== null ? String(file.pages) : current.pages;
      const saved: Request = { ...request, attachments: request.attachments.map((a, i) => (i === index ? { ...a, file, pages } : a)) };
      const revision = Number(d.summary.revision) + 1;
      const at = stamp();
      d.summary = { ...d.summary, title: draftTitle(saved), updated_at: at, revision };
      d.request = clone(saved);
      fake.saves.push({ id, request: clone(saved) });
      return {
        draft: clone(d),
        number: annex,
        file,
        receipt: { draft_id: id, revision, saved_at: at, changed: true, title: d.summary.title },
      };
    },
    exchange_desk: async (args) => (record('exchange_desk', args), clone(fake.exchange.desk)),
    create_identity: async (args) => {
      record('create_identity', args);
      return clone(fake.exchange.desk);
    },
    unlock_keys: async (args) => {
      record('unlock_keys', args);
      if (args.keyPassphrase !== fake.exchange.passphrase) reject('keys_locked', 'the passphrase does not open this key file');
      fake.exchange.locked = false;
      return null;
    },
    rotate_keys: async (args) => (record('rotate_keys', args, true), clone(fake.exchange.desk)),
    export_card: async (args) => (record('export_card', args), `/home/user/${args.fileName}`),
    import_card: async (args) => (record('import_card', args), null),
    trust_contact: async (args) => {
      record('trust_contact', args);
      const contact = fake.exchange.desk.contacts.find((c) => c.id === args.id) ?? reject('failed', `no contact with id ${args.id}`);
      return { ...contact, trusted_at: stamp() };
    },
    shared_requests: async (args) => {
      record('shared_requests', args);
      return [...fake.exchange.overviews.values()].flatMap((o) => (o.shared ? [clone(o.shared)] : []));
    },
    consultation: async (args) => (record('consultation', args), clone(fake.exchange.overviews.get(args.id) ?? EMPTY_OVERVIEW)),
    send_package: async (args) => {
      record('send_package', args, true);
      return { summary: { package_id: 'p1', recipients: [], passphrase_label: null, entries: 5, annex_bytes: 0 }, reply: false, sequence: 1, to: [PARTICIPANT] };
    },
    import_package: async (args) => (record('import_package', args, true), clone(fake.exchange.importAnswer)),
    confirm_package_signer: async (args) => {
      record('confirm_package_signer', args, true);
      return clone(fake.exchange.importAnswer) ?? reject('failed', 'no package waits for its signer\'s confirmation');
    },
    add_comment: async (args) => (record('add_comment', args), comment('c1', args.field, args.text)),
    answer_comment: async (args) => (record('answer_comment', args), comment('c2', '', args.text)),
    resolve_comment: async (args) => (record('resolve_comment', args), comment(args.commentId, '', '')),
    suggest_edit: async (args) => {
      record('suggest_edit', args);
      return { ...receipt('s1').suggestion, field: args.field, proposed: args.value, note: args.note, state: 'open' };
    },
    accept_suggestion: async (args) => (record('accept_suggestion', args), receipt(args.suggestionId)),
    reject_suggestion: async (args) => (record('reject_suggestion', args), receipt(args.suggestionId)),
    export_reading_copy: async (args) => (record('export_reading_copy', args), `/home/user/${args.fileName}`),
    search_drafts: async ({ query }) => {
      fake.searches.push(query);
      return clone(fake.searchAnswer).filter((r) => !fake.bin.has(r.draft.id));
    },
    archive_draft: async ({ id }) => {
      stored(id);
      if (fake.bin.has(id)) reject('failed', `draft ${id} is in the bin; restore it first`);
      fake.archived.set(id, stamp());
      return null;
    },
    unarchive_draft: async ({ id }) => (fake.archived.delete(id), null),
    delete_draft: async ({ id }) => {
      stored(id);
      fake.bin.set(id, stamp());
      return null;
    },
    restore_draft: async ({ id }) => (fake.bin.delete(id), null),
    archived_drafts: async () =>
      [...fake.archived].filter(([id]) => !fake.bin.has(id)).reverse().map(([id, since]) => ({ summary: clone(stored(id).summary), since })),
    bin_drafts: async () => [...fake.bin].reverse().map(([id, since]) => ({ summary: clone(stored(id).summary), since })),
    empty_bin: async () => {
      const removed = fake.bin.size;
      for (const id of fake.bin.keys()) {
        drafts.delete(id);
        fake.archived.delete(id);
      }
      fake.bin.clear();
      return removed;
    },
    draft_history: async (args) => (recordHistory('draft_history', args), clone(fake.history.entries.get(args.id) ?? [])),
    open_revision: async (args) => (recordHistory('open_revision', args), clone(stored(args.id).request)),
    compare_revisions: async (args) => (recordHistory('compare_revisions', args), clone(fake.history.changes)),
    restore_revision: async (args) => {
      recordHistory('restore_revision', args);
      const d = stored(args.id);
      const revision = d.summary.revision + 1;
      const at = stamp();
      d.summary = { ...d.summary, updated_at: at, revision };
      return { draft_id: args.id, revision, saved_at: at, changed: true, title: d.summary.title };
    },
    export_revision: async (args) => {
      recordHistory('export_revision', args);
      const answer = args.docx ? fake.docxAnswer : fake.exportAnswer;
      return answer === null ? null : { path: answer, draft: false };
    },
    register_page: async ({ query }) => {
      fake.registerQueries.push(clone(query));
      const entries = [...drafts.values()]
        .map((d) => registerEntry(d.summary, d.request))
        .filter((e) => (query.status === null || e.status === query.status) && (query.kind === null || e.kind === query.kind));
      // As the core: by State in the order given, a State not in it after, by its text.
      if (query.sort === 'state') {
        const rank = (code: string) => (query.state_order.includes(code) ? query.state_order.indexOf(code) : query.state_order.length);
        entries.sort((a, b) => rank(a.req_state) - rank(b.req_state) || (a.req_state < b.req_state ? -1 : a.req_state > b.req_state ? 1 : 0));
        if (query.descending) entries.reverse();
      }
      const size = query.page_size || 50;
      const page = entries.slice(query.page * size, (query.page + 1) * size);
      return { entries: page, page: query.page, has_more: entries.length > (query.page + 1) * size };
    },
    dashboard: async () => clone(fake.dashboard),
    draft_links: async ({ id }) => (stored(id), clone(fake.links.get(id) ?? [])),
    database_status: async () => {
      if (fake.database.problem) reject(fake.database.problem.code, fake.database.problem.message);
      return { encrypted: fake.database.encrypted, unlocked: fake.database.unlocked };
    },
    unlock_database: async (args) => {
      if (args.passphrase !== fake.database.passphrase) reject('wrong_passphrase', 'the passphrase does not open the database');
      fake.database.unlocked = true;
      return { encrypted: fake.database.encrypted, unlocked: true };
    },
    set_encryption: async (args) => {
      fake.database.encrypted = args.passphrase !== null;
      if (args.passphrase !== null) fake.database.passphrase = args.passphrase;
      return { encrypted: fake.database.encrypted, unlocked: true };
    },
    change_database_passphrase: async (args) => {
      if (!fake.database.encrypted) reject('failed', 'the database is not encrypted');
      fake.database.passphrase = args.passphrase;
      return null;
    },
    backups: async () => clone(fake.database.backups),
    make_backup: async () => {
      const made_at = stamp().replace(/:/g, '-');
      fake.database.backups.files.unshift({ path: `/data/backups/mla-writer-${made_at}.sqlite3`, made_at, bytes: 4096 });
      return clone(fake.database.backups);
    },
    set_backups_kept: async (args) => {
      fake.database.backups.kept = Math.max(1, args.kept);
      return clone(fake.database.backups);
    },
    restore_backup: async (args) => (args.path === null ? null : clone(fake.database.backups)),
    // The stand-in directory is empty unless a test fills it: the picker then says how to fill it.
    directory_states: async () => fake.directory.entries.map(summaryOf),
    // As the store: every real State named in the language, and the directory's fictitious ones.
    state_choices: async ({ lang }) => {
      const listed = (code: string) => fake.directory.entries.some((e) => e.state_id === code);
      const real = stateNames(lang).map((s) => ({ ...s, in_directory: listed(s.code), fictitious: false }));
      const fictitious = fake.directory.entries
        .filter((e) => e.fictitious)
        .map((e) => ({ code: e.state_id, name: e.name, in_directory: true, fictitious: true }));
      return [...real, ...fictitious].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    },
    // As the core: every choosable language named in the language, by code.
    language_choices: async ({ lang }) => languageChoices(lang),
    search_directory: async ({ text }) => {
      const wanted = text.toLowerCase();
      const holds = (value: string) => value.toLowerCase().includes(wanted);
      return fake.directory.entries
        .filter((e) => holds(e.state_id) || holds(e.name) || e.authorities.some((a) => holds(a.name)))
        .map(summaryOf);
    },
    directory_entry: async ({ stateId }) => clone(directoryEntry(stateId)),
    directory_history: async ({ stateId }) => clone(fake.directory.history.get(stateId) ?? []),
    directory_entry_problems: async ({ entry, adding }) => {
      const taken = fake.directory.entries.find((e) => e.state_id === entry.state_id);
      const problems = entryProblems(entry);
      if (adding && taken)
        problems.unshift({
          at: 'state_id',
          what: 'state_taken',
          args: { found: taken.state_id, name: taken.name },
          message: `${taken.state_id} is already in the directory (${taken.name}): open its entry to edit it, or give the new State another code`,
        });
      return problems;
    },
    add_directory_state: async ({ entry }) => {
      if (fake.directory.entries.some((e) => e.state_id === entry.state_id)) reject('failed', `${entry.state_id} is already in the directory`);
      if (entryProblems(entry).length > 0) reject('failed', entryProblems(entry).map((p) => `${p.at}: ${p.message}`).join('\n'));
      fake.directory.entries = [...fake.directory.entries, clone(entry)].sort((a, b) => (a.state_id < b.state_id ? -1 : 1));
      const fields = recordEdit(entry.state_id, 'edit', [{ authority_id: '', record: 'new', field: 'name', new: entry.name, erased: false }]);
      return { change_set: fields.set, states_new: 1, states_changed: 0, fields: fields.count };
    },
    save_directory_entry: async ({ entry }) => {
      if (entryProblems(entry).length > 0) reject('failed', entryProblems(entry).map((p) => `${p.at}: ${p.message}`).join('\n'));
      entry.authorities = (entry.authorities ?? []).map((a, i) => (a.authority_id === '' ? { ...a, authority_id: `00000000-0000-4000-8000-${String(900000000000 + i)}` } : a));
      const old = directoryEntry(entry.state_id);
      const fields = recordEdit(entry.state_id, 'edit', changedAuthorityFields(old, entry));
      fake.directory.entries = fake.directory.entries.map((e) => (e.state_id === entry.state_id ? clone(entry) : e));
      return { change_set: fields.set, states_new: 0, states_changed: fields.count > 0 ? 1 : 0, fields: fields.count };
    },
    delete_directory_authority: async ({ stateId, authorityId }) => {
      const entry = directoryEntry(stateId);
      if (!entry.authorities.some((a) => a.authority_id === authorityId)) reject('failed', `no directory entry for ${stateId} authority ${authorityId}`);
      entry.authorities = entry.authorities.filter((a) => a.authority_id !== authorityId);
      recordEdit(stateId, 'delete', [{ authority_id: authorityId, record: 'removed', field: '', erased: true }]);
      return null;
    },
    state_authorities: async () => [],
    address_request: async (args) => ({ request: clone(args.request), notes: [] }),
    annex_labels: async ({ request }) => annexLabels(request.annex_labels ?? 'numbers', request.attachments.length),
    // Scripted (the core's rule is tested on its own): the request as given, unless a test answers.
    refresh_directory_answers: async (args) => {
      fake.directoryRefreshes.push(clone(args));
      return clone(fake.refreshDirectoryAnswers ? fake.refreshDirectoryAnswers(args.before, args.request) : args.request);
    },
    // The core's notes for the demo States, as their entries stand (no basis chosen); none without the entry of the request's State.
    requirement_notes: async ({ request, lang }) =>
      request.req_state_entry && request.req_state_entry.state_id === request.req_state ? requirementNotes(request.req_state, request.kind, lang) : null,
    preview_directory_import: async () => null,
    apply_directory_import: async () => reject('failed', 'no directory import is waiting: choose the file again'),
    // Only what was exported can be opened, as in the shell.
    open_exported: async ({ path }) => opener('open', path),
    show_exported: async ({ path }) => opener('show', path),
    own_state_profile: async () => (fake.ownState === null ? null : clone(fake.ownState)),
    set_own_state_profile: async ({ profile }) => {
      fake.ownState = clone(profile);
      return null;
    },
  };

  const invoke: Invoke = <K extends CommandName>(command: K, args: CommandArgs<K>) => {
    const handler = handlers[command] as (args: CommandArgs<K>) => Promise<CommandResult<K>>;
    return handler(clone(args));
  };

  /** The entry of `stateId`, or the core's refusal. */
  const directoryEntry = (stateId: string): StateEntry =>
    fake.directory.entries.find((e) => e.state_id === stateId) ?? reject('failed', `no directory entry for ${stateId}`);

  /** Records a change of `stateId`'s entry in its history, as the core does; its number and how many fields it wrote. */
  const recordEdit = (stateId: string, action: string, fields: DirectoryFieldChange[]): { set: number; count: number } => {
    const history = fake.directory.history.get(stateId) ?? [];
    const set = history.length + 1;
    history.push({
      change_set: set,
      action,
      source_name: `entry ${stateId}`,
      source_title: '',
      entered_by: '',
      entered_on: '2026-03-02',
      recorded_at: '2026-03-02T09:00:00Z',
      fields,
    });
    fake.directory.history.set(stateId, history);
    return { set, count: fields.length };
  };

  const fake: FakeBackend = {
    invoke,
    api: createApi(invoke),
    drafts,
    saves: [],
    checkLangs: [],
    exports: [],
    failSaves: null,
    databaseProblems: [],
    readableExport: { written: ['/home/user/rescued/d1.json'], unreadable: [] },
    exportAnswer: '/home/user/request.pdf',
    langCalls: [],
    failLanguage: null,
    followUps: [],
    failFollowUp: null,
    docxExports: [],
    exportedPaths: [],
    opened: [],
    docxAnswer: '/home/user/request.docx',
    xliffExports: [],
    xliffAnswer: '/home/user/request.fr.xlf',
    failXliffWrite: null,
    importAnswer: 'fr',
    failImport: null,
    imports: [],
    annexAnswer: null,
    failAnnex: null,
    registerQueries: [],
    dashboard: clone(EMPTY_DASHBOARD),
    links: new Map(),
    exchange: { desk: { identity: null, contacts: [] }, overviews: new Map(), importAnswer: null, locked: false, passphrase: 'correct horse', calls: [] },
    searchAnswer: [],
    searches: [],
    archived: new Map(),
    bin: new Map(),
    history: { entries: new Map(), changes: [], calls: [] },
    database: { encrypted: false, unlocked: true, passphrase: 'database passphrase', backups: { files: [], kept: 7 }, problem: null },
    mode: 'demo',
    ownState: null,
    refreshDirectoryAnswers: null,
    directoryRefreshes: [],
    directory: { entries: [], history: new Map() },
  };
  return fake;
}
