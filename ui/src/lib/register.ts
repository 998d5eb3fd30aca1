/**
 * The case register as the UI shows it: the wording of statuses (from the
 * wizard's own options, so that a status reads the same everywhere), the
 * status history of a request, a new change of status, and the register
 * list's query (filters, sort, pages).
 */
import type { DraftLink } from './generated/DraftLink';
import type { DueKind } from './generated/DueKind';
import type { RegisterColumn } from './generated/RegisterColumn';
import type { RegisterQuery } from './generated/RegisterQuery';
import type { Request } from './generated/Request';
import type { RequestStatus } from './generated/RequestStatus';
import type { StateChoice } from './generated/StateChoice';
import type { StatusChange } from './generated/StatusChange';
import type { WizardDefinition } from './generated/WizardDefinition';

/** Every status, in the order a request goes through them. */
export const STATUSES: readonly RequestStatus[] = [
  'drafting',
  'in_consultation',
  'sent',
  'acknowledged',
  'additional_information_requested',
  'postponed',
  'partially_executed',
  'executed',
  'refused',
  'withdrawn',
  'no_longer_needed',
];

/** The wording of what falls due, by kind of deadline. */
export const DUE_KEYS: Record<DueKind, string> = {
  execution: 'ui.due.execution',
  preservation_expiry: 'ui.due.preservation_expiry',
  limitation: 'ui.due.limitation',
  custody: 'ui.due.custody',
  trial: 'ui.due.trial',
  oral_confirmation: 'ui.due.oral_confirmation',
  chase: 'ui.due.chase',
};

/** The wording of a link, seen from one of its requests. */
export function linkKey(link: DraftLink): string {
  const keys = {
    follow_up: ['ui.links.follow_up_out', 'ui.links.follow_up_in'],
    supplement: ['ui.links.supplement_out', 'ui.links.supplement_in'],
    reply: ['ui.links.reply_out', 'ui.links.reply_in'],
  } as const;
  return keys[link.kind][link.incoming ? 1 : 0];
}

/** The register's rows per page. */
export const PAGE_SIZE = 20;

/** The wording of each status, as the wizard's status question offers it. */
export function statusLabels(definition: WizardDefinition): Map<string, string> {
  for (const step of definition.steps) {
    for (const field of step.fields) {
      if (field.path !== 'consult.status_log' || field.input.type !== 'group') continue;
      const status = field.input.fields.find((f) => f.path === 'status');
      if (status?.input.type === 'choice') return new Map(status.input.options.map((o) => [o.value, o.label]));
    }
  }
  return new Map();
}

/** The wording of each kind of request, as the wizard's first question offers it. */
export function kindLabels(definition: WizardDefinition): Map<string, string> {
  const kind = definition.steps.flatMap((s) => s.fields).find((f) => f.path === 'kind');
  return kind?.input.type === 'choice' ? new Map(kind.input.options.map((o) => [o.value, o.label])) : new Map();
}

/** The request's changes of status that name one, latest first. */
export function statusHistory(request: Request): StatusChange[] {
  return request.consult.status_log.filter((c) => c.status !== null).reverse();
}

/** The current status: that of the latest change, else drafting (as the core says). */
export function currentStatus(request: Request): RequestStatus {
  return statusHistory(request)[0]?.status ?? 'drafting';
}

/** Today as `YYYY-MM-DD` in the local calendar (the date a change of status is given by default). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether a change of status can be recorded: a status and a whole date. */
export function validChange(change: StatusChange): boolean {
  return change.status !== null && /^\d{4}-\d{2}-\d{2}$/.test(change.date.trim());
}

/** The status log with `change` appended, its texts trimmed. */
export function withStatusChange(log: readonly StatusChange[], change: StatusChange): StatusChange[] {
  return [
    ...log,
    { status: change.status, date: change.date.trim(), counterpart_ref: change.counterpart_ref.trim(), note: change.note.trim() },
  ];
}

/** The first page of the register, latest saved first. */
export function initialQuery(): RegisterQuery {
  return {
    status: null,
    kind: null,
    state: null,
    from: null,
    to: null,
    due_by: null,
    sort: 'updated_at',
    state_order: [],
    descending: true,
    page: 0,
    page_size: PAGE_SIZE,
  };
}

/**
 * The query as it is asked of the core: sorted by State, it carries the
 * order of the States as the interface lists them (`choices`: by name in
 * the interface language, as it sorts; `StateNames`), so that the pages
 * follow the names shown, never the codes; otherwise no order.
 */
export function pageQuery(query: RegisterQuery, choices: readonly StateChoice[]): RegisterQuery {
  return { ...query, state_order: query.sort === 'state' ? choices.map((s) => s.code) : [] };
}

/** The query with a filter changed: back to the first page. */
export function withFilter(query: RegisterQuery, change: Partial<Pick<RegisterQuery, 'status' | 'kind' | 'state' | 'from' | 'to'>>): RegisterQuery {
  const blankToNull = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim());
  const next: RegisterQuery = { ...query, page: 0 };
  if ('status' in change) next.status = change.status ?? null;
  if ('kind' in change) next.kind = change.kind ?? null;
  for (const key of ['state', 'from', 'to'] as const) {
    if (key in change) next[key] = blankToNull(change[key]) ?? null;
  }
  return next;
}

/** The query sorted by `column`: ascending first, the other way when it already sorts by it. */
export function withSort(query: RegisterQuery, column: RegisterColumn): RegisterQuery {
  return { ...query, sort: column, descending: query.sort === column ? !query.descending : false, page: 0 };
}

/** The query on another page (never before the first). */
export function withPage(query: RegisterQuery, page: number): RegisterQuery {
  return { ...query, page: Math.max(0, page) };
}
