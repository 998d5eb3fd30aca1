import { describe, expect, it } from 'vitest';
import { currentStatus, initialQuery, kindLabels, localToday, statusHistory, statusLabels, validChange, withFilter, withPage, withSort, withStatusChange } from './register';
import { emptyRequest, wizardDefinition } from './testing/fixtures';

describe('the case register', () => {
  it('words statuses and kinds as the wizard offers them, in the interface language', () => {
    expect(statusLabels(wizardDefinition('en')).get('additional_information_requested')).toBe('Additional information requested');
    expect(statusLabels(wizardDefinition('fr')).get('sent')).toBe('Envoyée');
    expect(statusLabels(wizardDefinition('en')).size).toBe(11);
    expect(kindLabels(wizardDefinition('en')).has('preservation')).toBe(true);
  });

  it('takes the current status from the latest change that names one', () => {
    const request = emptyRequest();
    expect(currentStatus(request)).toBe('drafting');
    const sent = { status: 'sent' as const, date: '2026-11-02', counterpart_ref: '', note: '' };
    request.consult.status_log = withStatusChange([sent], { status: 'acknowledged', date: ' 2026-11-10 ', counterpart_ref: ' NOR-77 ', note: '' });
    request.consult.status_log.push({ status: null, date: '', counterpart_ref: '', note: 'half-written' });
    expect(currentStatus(request)).toBe('acknowledged');
    expect(statusHistory(request).map((c) => [c.status, c.date, c.counterpart_ref])).toEqual([
      ['acknowledged', '2026-11-10', 'NOR-77'],
      ['sent', '2026-11-02', ''],
    ]);
  });

  it('records a change only with a status and a whole date', () => {
    expect(validChange({ status: 'sent', date: '2026-11-02', counterpart_ref: '', note: '' })).toBe(true);
    expect(validChange({ status: null, date: '2026-11-02', counterpart_ref: '', note: '' })).toBe(false);
    expect(validChange({ status: 'sent', date: '2 Nov', counterpart_ref: '', note: '' })).toBe(false);
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('goes back to the first page when a filter or the sort changes', () => {
    const query = withPage(initialQuery(), 3);
    expect(query.page).toBe(3);
    expect(withFilter(query, { status: 'sent' })).toMatchObject({ status: 'sent', page: 0 });
    expect(withFilter(query, { state: '  ' }).state).toBeNull();
    expect(withFilter(query, { state: ' Norland ' }).state).toBe('Norland');
    expect(withSort(query, 'title')).toMatchObject({ sort: 'title', descending: false, page: 0 });
    expect(withSort(withSort(query, 'title'), 'title').descending).toBe(true);
    expect(withPage(query, -1).page).toBe(0);
  });
});
