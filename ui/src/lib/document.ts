/**
 * The preview's layout of a document: consecutive labelled values form one
 * definition list, consecutive numbered items one ordered list, and a table
 * keeps its column headings and rows. Numbered sections carry their number.
 */
import type { Block } from './generated/Block';
import type { Document } from './generated/Document';

export type Section =
  | { kind: 'heading'; level: number; number: number | null; text: string }
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'alert'; text: string }
  | { kind: 'meta'; text: string }
  | { kind: 'fields'; entries: Array<{ label: string; lines: string[] }> }
  | { kind: 'items'; items: Array<{ number: number; lines: string[] }> }
  | { kind: 'table'; columns: string[]; rows: string[][][] };

export function layoutBlocks(blocks: readonly Block[]): Section[] {
  const sections: Section[] = [];
  for (const block of blocks) {
    const last = sections[sections.length - 1];
    switch (block.type) {
      case 'heading':
        sections.push({
          kind: 'heading',
          level: Number(block.level),
          number: block.number === null || block.number === undefined ? null : Number(block.number),
          text: block.text,
        });
        break;
      case 'paragraph':
        sections.push({ kind: 'paragraph', lines: block.lines });
        break;
      case 'alert':
        sections.push({ kind: 'alert', text: block.text });
        break;
      case 'meta':
        sections.push({ kind: 'meta', text: block.text });
        break;
      case 'field': {
        const entry = { label: block.label, lines: block.lines };
        if (last?.kind === 'fields') last.entries.push(entry);
        else sections.push({ kind: 'fields', entries: [entry] });
        break;
      }
      case 'item': {
        const item = { number: Number(block.number), lines: block.lines };
        if (last?.kind === 'items') last.items.push(item);
        else sections.push({ kind: 'items', items: [item] });
        break;
      }
      case 'table':
        sections.push({ kind: 'table', columns: block.columns, rows: block.rows });
        break;
    }
  }
  return sections;
}

/** The attributes of the preview's page: its language and writing direction. */
export function pageAttributes(document: Pick<Document, 'lang'>): { lang: string; dir: 'rtl' | 'ltr' } {
  return { lang: document.lang, dir: document.lang === 'ar' ? 'rtl' : 'ltr' };
}
