/**
 * Dates as an officer types them, read one way only: ISO (2027-03-15),
 * day first with any separator (15/03/2027, 15.3.2027, 15-03-2027), year
 * first with slashes or dots (2027/03/15), eight digits (15032027 or
 * 20270315), and Chinese (2027年3月15日), in Western, Arabic-Indic or
 * full-width digits. Anything else, an impossible date (31 February) or a
 * year outside 1900–2199, is not read as a date: it is never turned into
 * another one. A date read is shown back in words in the interface
 * language, so that the day and the month cannot be swapped unseen.
 */
import type { Lang } from './generated/Lang';
import { dateLocale } from './format';

/** What typed text says as a date. */
export type DateReading = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'unreadable' };

/** Arabic-Indic, Eastern Arabic-Indic and full-width digits, and full-width separators, as ASCII. */
function asciiDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/[\uff0f\u2215]/g, '/')
    .replace(/[\uff0d\u2010\u2011\u2012\u2013\u2212]/g, '-')
    .replace(/\uff0e/g, '.');
}

/** The ISO date of `year`, `month`, `day` if it is a real day between 1900 and 2199. */
function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Reads `typed` as a date (see the module documentation). */
export function readDate(typed: string): DateReading {
  const text = asciiDigits(typed).trim();
  if (text === '') return { kind: 'empty' };
  const n = (s: string) => Number.parseInt(s, 10);
  let iso: string | null = null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) iso = isoDate(n(m[1]), n(m[2]), n(m[3]));
  else if ((m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text))) iso = isoDate(n(m[1]), n(m[2]), n(m[3]));
  else if ((m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(text))) iso = isoDate(n(m[1]), n(m[2]), n(m[3]));
  else if ((m = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})$/.exec(text))) iso = isoDate(n(m[3]), n(m[2]), n(m[1]));
  else if ((m = /^(\d{2})(\d{2})(\d{4})$/.exec(text))) {
    // Eight digits: year first when that is a real date, else day first.
    // With years limited to 1900–2199, at most one of the two is.
    const yearFirst = /^(\d{4})(\d{2})(\d{2})$/.exec(text)!;
    iso = isoDate(n(yearFirst[1]), n(yearFirst[2]), n(yearFirst[3])) ?? isoDate(n(m[3]), n(m[2]), n(m[1]));
  }
  return iso === null ? { kind: 'unreadable' } : { kind: 'date', iso };
}

/** An ISO date in words in the interface language: "15 March 2027", "15 mars 2027", "2027年3月15日". */
export function longDate(iso: string, lang: Lang): string {
  const [year, month, day] = iso.split('-').map((p) => Number.parseInt(p, 10));
  return new Intl.DateTimeFormat(dateLocale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

/**
 * A stored date and time, to the minute (2027-03-15T08:12) or to the second
 * (2027-03-15T08:12:37): its ISO date and its time; null for anything else.
 */
export function readStoredDateTime(text: string): { iso: string; time: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2})T((?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)$/.exec(text);
  return m && isIsoDate(m[1]) ? { iso: m[1], time: m[2] } : null;
}

/**
 * A date, and its time when it has one, in words in the interface language
 * beside its ISO form: "15 March 2027 (2027-03-15)", "15 March 2027 at
 * 08:12:37 (2027-03-15 08:12:37)". The seconds show when they were given.
 */
export function dateInWords(value: { iso: string; time?: string }, lang: Lang): string {
  if (!value.time) return `${longDate(value.iso, lang)} (${value.iso})`;
  const [year, month, day] = value.iso.split('-').map((p) => Number.parseInt(p, 10));
  const [hour, minute, second] = value.time.split(':').map((p) => Number.parseInt(p, 10));
  const words = new Intl.DateTimeFormat(dateLocale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: second === undefined ? undefined : '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day, hour, minute, second ?? 0)));
  return `${words} (${value.iso} ${value.time})`;
}

/** Whether `text` is a stored ISO date. */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && readDate(text).kind === 'date';
}

/**
 * A date and time as a picker gives it, as the request stores it: to the
 * minute (2027-03-15T08:12) or to the second (2027-03-15T08:12:37). A zero
 * fraction of a second, which some pickers add, is dropped; anything else
 * is kept as typed, for the checks to read.
 */
export function storedDateTime(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.0+$/.test(value) ? value.replace(/\.0+$/, '') : value;
}
