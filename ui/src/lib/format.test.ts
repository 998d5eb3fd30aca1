import { describe, expect, it } from 'vitest';
import { formatTimestamp, pdfFileName, revisionCount } from './format';
import { emptyRequest } from './testing/fixtures';

describe('formatTimestamp', () => {
  it('writes a stored UTC time readably in the given zone', () => {
    expect(formatTimestamp('2026-03-02T09:05:00Z', { timeZone: 'UTC' })).toBe('2 Mar 2026, 09:05');
    expect(formatTimestamp('2026-03-02T23:30:00Z', { timeZone: 'Asia/Tokyo' })).toBe('3 Mar 2026, 08:30');
  });

  it('returns text that is not a time unchanged', () => {
    expect(formatTimestamp('yesterday')).toBe('yesterday');
  });
});

describe('revisionCount', () => {
  it('counts revisions, whether the number arrives as number or bigint', () => {
    expect(revisionCount(1)).toBe('1 revision');
    expect(revisionCount(12)).toBe('12 revisions');
    expect(revisionCount(3n)).toBe('3 revisions');
  });
});

describe('pdfFileName', () => {
  it('uses the case number, or "request"', () => {
    const r = emptyRequest();
    expect(pdfFileName(r)).toBe('request.pdf');
    r.case.internal_ref = '  PPO-2026-0412 ';
    expect(pdfFileName(r)).toBe('PPO-2026-0412.pdf');
  });

  it('replaces characters that cannot be in a file name', () => {
    const r = emptyRequest();
    r.case.internal_ref = 'ECD/MLA:2026*117';
    expect(pdfFileName(r)).toBe('ECD-MLA-2026-117.pdf');
  });
});
