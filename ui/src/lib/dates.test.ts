import { describe, expect, it } from 'vitest';
import { dateInWords, isIsoDate, longDate, readDate, readStoredDateTime, storedDateTime } from './dates';

const date = (iso: string) => ({ kind: 'date', iso });
const unreadable = { kind: 'unreadable' };

describe('a typed date is read one way or not at all', () => {
  it('reads ISO, day first with any separator, year first, eight digits and Chinese alike', () => {
    for (const typed of ['2036-02-28', '28/02/2036', '28.2.2036', '28-02-2036', '28 02 2036', '2036/02/28', '28022036', '20360228', '2036年2月28日', ' 28/2/2036 ']) {
      expect(readDate(typed), typed).toEqual(date('2036-02-28'));
    }
  });

  it('reads Arabic-Indic and full-width digits', () => {
    expect(readDate('٢٨/٠٢/٢٠٣٦')).toEqual(date('2036-02-28'));
    expect(readDate('۲۸/۰۲/۲۰۳۶')).toEqual(date('2036-02-28'));
    expect(readDate('２０３６／０２／２８')).toEqual(date('2036-02-28'));
  });

  it('never turns an impossible or partial date into another date', () => {
    for (const typed of ['2036-02-30', '31/04/2027', '29/02/2027', '0028-12-02', '12/31/2027', '2027-13-01', '3/15', '150327', '15 March 2027', '2027-03', 'yesterday']) {
      expect(readDate(typed), typed).toEqual(unreadable);
    }
    expect(readDate('29/02/2028')).toEqual(date('2028-02-29'));
  });

  it('reads two small numbers day first, as the date in words then shows', () => {
    expect(readDate('03/04/2027')).toEqual(date('2027-04-03'));
  });

  it('is empty when nothing is typed', () => {
    expect(readDate('  ')).toEqual({ kind: 'empty' });
  });
});

describe('a date in words', () => {
  it('names the month in each interface language', () => {
    expect(longDate('2027-03-15', 'en')).toBe('15 March 2027');
    expect(longDate('2027-03-15', 'fr')).toBe('15 mars 2027');
    expect(longDate('2027-03-15', 'es')).toBe('15 de marzo de 2027');
    expect(longDate('2027-03-15', 'ru')).toMatch(/^15 марта 2027/);
    expect(longDate('2027-03-15', 'zh')).toBe('2027年3月15日');
    expect(longDate('2027-03-15', 'ar')).toContain('مارس');
    expect(longDate('2027-03-15', 'ar')).toContain('2027');
  });

  it('knows a stored ISO date', () => {
    expect(isIsoDate('2027-03-15')).toBe(true);
    expect(isIsoDate('2027-02-30')).toBe(false);
    expect(isIsoDate('15/03/2027')).toBe(false);
  });
});

describe('a date and time from the picker is stored to the minute or to the second', () => {
  it('keeps the minutes and the seconds as given and drops a zero fraction of a second', () => {
    expect(storedDateTime('2027-03-15T08:12')).toBe('2027-03-15T08:12');
    expect(storedDateTime('2027-03-15T08:12:37')).toBe('2027-03-15T08:12:37');
    expect(storedDateTime('2027-03-15T08:12:37.000')).toBe('2027-03-15T08:12:37');
    expect(storedDateTime('2027-03-15T08:12:00.0')).toBe('2027-03-15T08:12:00');
  });

  it('keeps anything else as typed', () => {
    for (const typed of ['2027-03-15T08:12:37.5', '15/03/2027 08:12', '', '2027-03-15T08:12.000']) {
      expect(storedDateTime(typed)).toBe(typed);
    }
  });
});

describe('a stored date and time is shown in words beside its ISO form', () => {
  it('reads a date and time to the minute or to the second, and nothing else', () => {
    expect(readStoredDateTime('2027-03-15T08:12')).toEqual({ iso: '2027-03-15', time: '08:12' });
    expect(readStoredDateTime('2027-03-15T08:12:37')).toEqual({ iso: '2027-03-15', time: '08:12:37' });
    for (const text of ['2027-03-15', '2027-02-30T08:12', '2027-03-15T24:00', '2027-03-15T08:12:60', '2027-03-15T08:12:37.5', '2027-03-15 08:12']) {
      expect(readStoredDateTime(text), text).toBeNull();
    }
  });

  it('words the day and the time in each language, with the seconds when given', () => {
    expect(dateInWords({ iso: '2027-03-15' }, 'en')).toBe('15 March 2027 (2027-03-15)');
    const en = dateInWords({ iso: '2027-03-15', time: '08:12:37' }, 'en');
    expect(en).toContain('15 March 2027');
    expect(en).toContain('08:12:37');
    expect(en.endsWith('(2027-03-15 08:12:37)')).toBe(true);
    expect(dateInWords({ iso: '2027-03-15', time: '08:12' }, 'en')).not.toContain('08:12:00');
    expect(dateInWords({ iso: '2027-03-15', time: '08:12:37' }, 'fr')).toContain('mars');
    expect(dateInWords({ iso: '2027-03-15', time: '23:05:09' }, 'zh')).toContain('23:05:09');
  });
});
