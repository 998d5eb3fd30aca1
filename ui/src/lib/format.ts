/** Wording of dates and file names. */
import type { Lang } from './generated/Lang';
import type { Request } from './generated/Request';

/**
 * The locale that writes dates for an interface language: day first in
 * English, and Western digits in Arabic, as the documents print them, so
 * that one screen never mixes two sets of digits.
 */
export function dateLocale(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : lang === 'ar' ? 'ar-u-nu-latn' : lang;
}

/**
 * A stored RFC 3339 time as a reader would write it, in local time:
 * "27 Nov 2026, 14:05". Text that is not a time is returned as is.
 */
export function formatTimestamp(value: string, options: { locale?: string; timeZone?: string } = {}): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(options.locale ?? 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: options.timeZone,
  }).format(date);
}

/**
 * A draft title as shown. One with no words of its own (no case reference
 * and no subject: empty, or beginning with the requested State's arrow or
 * the language's bracket, see the store's `is_untitled`) begins with
 * `untitled`, the interface's word for an untitled request.
 */
export function shownTitle(title: string, untitled: string): string {
  if (title === '') return untitled;
  return title.startsWith('→') || title.startsWith('[') ? `${untitled} ${title}` : title;
}

/** Characters that no file name may hold on common systems. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

/** The case number made safe as a file name, or "request". */
function fileBase(request: Request): string {
  const base = request.case.internal_ref.trim().replace(UNSAFE, '-').replace(/^\.+/, '').trim();
  return base === '' ? 'request' : base;
}

/**
 * The suggested name of the exported PDF: the case number, or "request".
 * Characters that cannot appear in a file name become "-".
 */
export function pdfFileName(request: Request): string {
  return `${fileBase(request)}.pdf`;
}

/** The suggested name of the exported Word document, as {@link pdfFileName}. */
export function docxFileName(request: Request): string {
  return `${fileBase(request)}.docx`;
}

/** The suggested name of the file for translation into `target`: `PPO-1.fr.xlf`. */
export function xliffFileName(request: Request, target: Lang): string {
  return `${fileBase(request)}.${target}.xlf`;
}

/** When a backup was made, from its name's time (`2026-12-02T09-30-00Z`), worded for `lang`. */
export function backupTime(madeAt: string, lang: Lang): string {
  return formatTimestamp(madeAt.replace(/T(\d\d)-(\d\d)-(\d\d)Z$/, 'T$1:$2:$3Z'), { locale: dateLocale(lang) });
}
