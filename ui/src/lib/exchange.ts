/**
 * The exchange with counterparts, as the screens need it: values worded for
 * display, a typed suggestion turned into the value it proposes, comments
 * in threads, file names. Everything here is text: what a counterpart wrote
 * is shown as text, never as markup.
 */
import type { Action } from './generated/Action';
import type { Comment } from './generated/Comment';
import type { CommentKind } from './generated/CommentKind';
import type { SharedStatus } from './generated/SharedStatus';
import type { SuggestionState } from './generated/SuggestionState';
import type { JsonValue } from './generated/serde_json/JsonValue';
import type { Span } from './generated/Span';
import type { TrackedChange } from './generated/TrackedChange';
import { getPath } from './paths';
import type { AnswerValue, ReviewEntry, ReviewSection } from './review';

/** A value of a request field as one line or block of text. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(valueText).filter((v) => v !== '').join(', ');
  return JSON.stringify(value);
}

/**
 * The value a suggestion typed as `typed` proposes for a field whose value
 * is `current`: a number or a yes/no stays one when the text reads as one;
 * anything else is the text itself.
 */
export function suggestedValue(current: unknown, typed: string): JsonValue {
  if (typeof current === 'number' && typed.trim() !== '' && Number.isFinite(Number(typed))) return Number(typed);
  if (typeof current === 'boolean' && (typed === 'true' || typed === 'false')) return typed === 'true';
  return typed;
}

/** Whether a field's value can be suggested as typed text (text, numbers, yes/no; not lists or records). */
export function isSuggestible(value: unknown): boolean {
  return value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value);
}

/** The spans of a tracked change to show, or null when it is a change of a whole value. */
export function changeSpans(change: TrackedChange): Span[] | null {
  return change.type === 'text' ? change.spans : null;
}

/** A comment with the answers to it, oldest first. */
export interface CommentThread {
  comment: Comment;
  answers: Comment[];
}

/**
 * The comments as threads: each comment that answers none, followed by its
 * answers (an answer to an answer joins the same thread). An answer whose
 * comment is missing is shown as a thread of its own.
 */
export function commentThreads(comments: readonly Comment[]): CommentThread[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const root = (c: Comment): string => {
    let current = c;
    const seen = new Set<string>();
    while (current.reply_to !== null && byId.has(current.reply_to) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.reply_to)!;
    }
    return current.id;
  };
  const threads = new Map<string, CommentThread>();
  for (const c of comments) {
    const id = root(c);
    if (id === c.id) threads.set(id, { comment: c, answers: threads.get(id)?.answers ?? [] });
    else {
      const thread = threads.get(id) ?? { comment: byId.get(id)!, answers: [] };
      thread.answers.push(c);
      threads.set(id, thread);
    }
  }
  return [...threads.values()];
}

/** A file name made of `base` (letters, digits and dashes kept) and `extension`. */
export function fileName(base: string, extension: string): string {
  const cleaned = base
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${cleaned === '' ? 'mla-writer' : cleaned}.${extension}`;
}

/**
 * The proposed name of a package of the draft titled `title`; a reply's
 * ends with `replyWord`, the interface language's word for it.
 */
export function packageFileName(title: string, replyWord: string | null): string {
  return fileName(replyWord === null ? title : `${title} ${replyWord}`, 'mlapkg');
}

/**
 * Groups of a fingerprint, to read out by telephone: its groups as written
 * (eight groups of five digits), whatever spacing it came with.
 */
export function fingerprintGroups(fingerprint: string): string[] {
  const digits = fingerprint.replace(/\D/g, '');
  const groups: string[] = [];
  for (let i = 0; i < digits.length; i += 5) groups.push(digits.slice(i, i + 5));
  return groups;
}

/** One field of the request as the consultation screen lists it. */
export interface FieldRow {
  /** Full dotted path (`persons.0.family_name`), as comments and suggestions name it. */
  path: string;
  /** Its label, after the group item it belongs to ("Person 1: Family name"). */
  label: string;
  /** The answer in words. */
  value: AnswerValue;
  /** The answer as stored. */
  raw: unknown;
  /** Whether an edit can be suggested as typed text (not a choice, a yes/no or a list). */
  typed: boolean;
  /** Whether the text runs over several lines. */
  multiline: boolean;
}

/** The controls whose answers a suggestion proposes as typed text. */
const TYPED_INPUTS: ReadonlySet<string> = new Set(['text', 'multiline', 'email', 'phone', 'date', 'date_time']);

/** The shown fields of each step as rows, group items' fields labelled with their item. */
export function fieldRows(sections: readonly ReviewSection[], root: unknown): Array<{ title: string; rows: FieldRow[] }> {
  const rows = (entries: readonly ReviewEntry[], prefix: string): FieldRow[] =>
    entries.flatMap((entry): FieldRow[] =>
      entry.kind === 'group'
        ? entry.items.flatMap((item) => rows(item.entries, `${prefix}${entry.itemLabel} ${item.number}: `))
        : [
            {
              path: entry.path,
              label: `${prefix}${entry.label}`,
              value: entry.value,
              raw: getPath(root, entry.path),
              typed: TYPED_INPUTS.has(entry.input),
              multiline: entry.input === 'multiline',
            },
          ],
    );
  return sections.map((s) => ({ title: s.step.title, rows: rows(s.entries, '') })).filter((s) => s.rows.length > 0);
}

/** The interface key that words each state of a consultation. */
export const STATUS_KEYS: Record<SharedStatus, string> = {
  in_consultation: 'ui.consultation.status.in_consultation',
  reply_received: 'ui.consultation.status.reply_received',
  received: 'ui.consultation.status.received',
  replied: 'ui.consultation.status.replied',
};

/** The interface key that words each kind of comment. */
export const COMMENT_KIND_KEYS: Record<CommentKind, string> = {
  question: 'ui.comment.kind.question',
  additional_information: 'ui.comment.kind.additional_information',
  remark: 'ui.comment.kind.remark',
  answer: 'ui.comment.kind.answer',
};

/** The interface key that words each state of a suggestion. */
export const SUGGESTION_STATE_KEYS: Record<SuggestionState, string> = {
  open: 'ui.consultation.state.open',
  accepted: 'ui.consultation.state.accepted',
  rejected: 'ui.consultation.state.rejected',
};

/** The interface key that words each action of the history. */
export const ACTION_KEYS: Record<Action, string> = {
  sent: 'ui.history.sent',
  received: 'ui.history.received',
  updated: 'ui.history.updated',
  commented: 'ui.history.commented',
  answered: 'ui.history.answered',
  resolved: 'ui.history.resolved',
  suggested: 'ui.history.suggested',
  accepted: 'ui.history.accepted',
  rejected: 'ui.history.rejected',
};
