import { describe, expect, it } from 'vitest';
import { dateLocale, docxFileName, formatTimestamp, pdfFileName, shownTitle, xliffFileName } from './format';
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

describe('dateLocale', () => {
  it('writes English dates the British way and others in their own language', () => {
    expect(dateLocale('en')).toBe('en-GB');
    expect(dateLocale('fr')).toBe('fr');
    // Western digits in Arabic, as in the documents.
    expect(formatTimestamp('2026-03-02T09:05:00Z', { timeZone: 'UTC', locale: dateLocale('ar') })).toMatch(/2026/);
    expect(formatTimestamp('2026-03-02T09:05:00Z', { timeZone: 'UTC', locale: dateLocale('ar') })).not.toMatch(/[\u0660-\u0669]/);
    expect(formatTimestamp('2026-03-02T09:05:00Z', { timeZone: 'UTC', locale: dateLocale('fr') })).toContain('2026');
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

describe('docxFileName and xliffFileName', () => {
  it('name the Word document and the file for translation as the PDF, with the target language', () => {
    const r = emptyRequest();
    expect(docxFileName(r)).toBe('request.docx');
    expect(xliffFileName(r, 'fr')).toBe('request.fr.xlf');
    r.case.internal_ref = 'ECD/MLA:2026*117';
    expect(docxFileName(r)).toBe('ECD-MLA-2026-117.docx');
    expect(xliffFileName(r, 'zh')).toBe('ECD-MLA-2026-117.zh.xlf');
  });
});

describe('shownTitle', () => {
  it('words a draft with neither case reference nor subject in the interface language', () => {
    expect(shownTitle('', 'Demande sans titre')).toBe('Demande sans titre');
    expect(shownTitle('→ Norland', 'Demande sans titre')).toBe('Demande sans titre → Norland');
    expect(shownTitle('→ Norland [fr]', '未命名请求')).toBe('未命名请求 → Norland [fr]');
    expect(shownTitle('[fr]', 'Solicitud sin título')).toBe('Solicitud sin título [fr]');
    expect(shownTitle('PPO-1 · Fraud → Norland', 'Demande sans titre')).toBe('PPO-1 · Fraud → Norland');
  });
});
