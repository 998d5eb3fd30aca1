/**
 * Annex files as the editor shows and changes them: a file attached in the
 * shell is merged into the request on screen (which may have changed while
 * the dialog was open), and a removed file is an edit like any other.
 */
import type { AnnexFile } from './generated/AnnexFile';
import type { Attachment } from './generated/Attachment';
import type { Request } from './generated/Request';

/**
 * The request with `file` kept in annex `index` (from 0); an empty page
 * count is filled from a PDF's pages, as the core does. The request is
 * unchanged when it no longer has that annex.
 */
export function withAnnexFile(request: Request, index: number, file: AnnexFile): Request {
  const annex = request.attachments[index];
  if (annex === undefined) return request;
  const pages = annex.pages.trim() === '' && file.pages !== null ? String(file.pages) : annex.pages;
  return { ...request, attachments: request.attachments.map((a, i) => (i === index ? { ...a, file, pages } : a)) };
}

/** The request with annex `index` (from 0) holding no file. */
export function withoutAnnexFile(request: Request, index: number): Request {
  const annex = request.attachments[index];
  if (annex?.file === undefined) return request;
  const { file: _removed, ...rest } = annex;
  const kept: Attachment = rest;
  return { ...request, attachments: request.attachments.map((a, i) => (i === index ? kept : a)) };
}

/** A file size for a reader: "820 B", "14.2 KB", "3.1 MB" (powers of 1024). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** The first characters of a SHA-256, enough to tell files apart on screen. */
export function shortHash(sha256: string): string {
  return sha256.length > 16 ? `${sha256.slice(0, 16)}…` : sha256;
}
