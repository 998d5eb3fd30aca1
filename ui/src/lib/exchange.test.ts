import { describe, expect, it } from 'vitest';
import type { Comment } from './generated/Comment';
import { commentThreads, fieldRows, fileName, fingerprintGroups, packageFileName, suggestedValue, valueText } from './exchange';
import { reviewSections } from './review';
import { requestWithoutErrors, wizardDefinition } from './testing/fixtures';

const author = { fingerprint: '1', name: 'B', authority: 'Central authority' };
const comment = (id: string, reply_to: string | null = null): Comment => ({
  id,
  field: 'facts.summary',
  kind: reply_to === null ? 'question' : 'answer',
  text: `text ${id}`,
  author,
  at: '2026-03-02T09:00:00Z',
  reply_to,
  resolved: null,
});

describe('values of a consultation', () => {
  it('are worded as text, whatever they hold', () => {
    expect(valueText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(valueText(null)).toBe('');
    expect(valueText(['a', '', 'b'])).toBe('a, b');
    expect(valueText(true)).toBe('true');
    expect(valueText({ a: 1 })).toBe('{"a":1}');
  });

  it('keep the type of the field they suggest for', () => {
    expect(suggestedValue('old', '42')).toBe('42');
    expect(suggestedValue(3, '42')).toBe(42);
    expect(suggestedValue(3, 'forty')).toBe('forty');
    expect(suggestedValue(false, 'true')).toBe(true);
    expect(suggestedValue(null, 'text')).toBe('text');
  });
});

describe('comment threads', () => {
  it('put each answer, and answers to answers, under the comment they answer', () => {
    const threads = commentThreads([comment('a'), comment('b'), comment('a1', 'a'), comment('a2', 'a1'), comment('b1', 'b')]);
    expect(threads.map((t) => [t.comment.id, t.answers.map((a) => a.id)])).toEqual([
      ['a', ['a1', 'a2']],
      ['b', ['b1']],
    ]);
  });

  it('keep an answer whose comment is missing as a thread of its own', () => {
    expect(commentThreads([comment('x1', 'gone')]).map((t) => t.comment.id)).toEqual(['x1']);
  });
});

describe('file names and fingerprints', () => {
  it('make a safe file name from any title', () => {
    expect(fileName('PPO/2026: ../../etc', 'mlapkg')).toBe('PPO-2026-etc.mlapkg');
    expect(fileName('طلب المساعدة', 'pdf')).toBe('طلب-المساعدة.pdf');
    expect(fileName('<>', 'mlacard')).toBe('mla-writer.mlacard');
    expect(packageFileName('Request 1', 'reply')).toBe('Request-1-reply.mlapkg');
    expect(packageFileName('Request 1', 'ответ')).toBe('Request-1-ответ.mlapkg');
    expect(packageFileName('Request 1', null)).toBe('Request-1.mlapkg');
  });

  it('read out in groups of five digits', () => {
    expect(fingerprintGroups('1234567890 12345')).toEqual(['12345', '67890', '12345']);
  });
});

describe('the fields of a request', () => {
  it('are listed by step with their dotted paths, group items labelled, typed text suggestible', () => {
    const def = wizardDefinition('en');
    const request = requestWithoutErrors();
    request.facts.summary = 'What happened';
    const sections = fieldRows(reviewSections(def.steps, request), request);
    const rows = sections.flatMap((s) => s.rows);
    const summary = rows.find((r) => r.path === 'facts.summary');
    expect(summary).toMatchObject({ raw: 'What happened', typed: true, multiline: true });
    const inGroup = rows.find((r) => /^[a-z_.]+\.0\.[a-z_]+$/.test(r.path));
    expect(inGroup?.label).toMatch(/ 1: /);
    expect(rows.some((r) => !r.typed)).toBe(true);
  });
});
