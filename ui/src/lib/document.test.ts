import { describe, expect, it } from 'vitest';
import { layoutBlocks, pageAttributes } from './document';

describe('layoutBlocks', () => {
  it('groups consecutive fields into one list and consecutive items into one list', () => {
    const sections = layoutBlocks([
      { type: 'heading', level: 1, number: null, text: 'Request' },
      { type: 'field', label: 'From', lines: ['PPO'] },
      { type: 'field', label: 'Address', lines: ['1 Square', 'Arden'] },
      { type: 'heading', level: 2, number: 1, text: 'Assistance' },
      { type: 'item', number: 1, lines: ['Obtain records'] },
      { type: 'item', number: 2, lines: ['Hear a witness'] },
      { type: 'paragraph', lines: ['a', 'b'] },
      { type: 'item', number: 1, lines: ['Again'] },
      { type: 'meta', text: 'Ref 1' },
    ]);
    expect(sections.map((s) => s.kind)).toEqual(['heading', 'fields', 'heading', 'items', 'paragraph', 'items', 'meta']);
    expect(sections[1]).toEqual({
      kind: 'fields',
      entries: [
        { label: 'From', lines: ['PPO'] },
        { label: 'Address', lines: ['1 Square', 'Arden'] },
      ],
    });
    expect(sections[3]).toMatchObject({ kind: 'items', items: [{ number: 1 }, { number: 2 }] });
  });

  it('keeps the number of a numbered section and none for an annex', () => {
    const sections = layoutBlocks([
      { type: 'heading', level: 2, number: 3, text: 'Offences' },
      { type: 'heading', level: 2, number: null, text: 'Signature' },
    ]);
    expect(sections).toEqual([
      { kind: 'heading', level: 2, number: 3, text: 'Offences' },
      { kind: 'heading', level: 2, number: null, text: 'Signature' },
    ]);
  });

  it('keeps every heading, row and cell line of a table', () => {
    const sections = layoutBlocks([
      {
        type: 'table',
        columns: ['Name', 'Whereabouts'],
        rows: [
          [['Ingrid Solberg'], ['Strandveien 8', 'Bergvik']],
          [['Tomas Brenner'], ['<b>Room 4 | Harbour Hotel</b>']],
        ],
      },
    ]);
    expect(sections).toEqual([
      {
        kind: 'table',
        columns: ['Name', 'Whereabouts'],
        rows: [
          [['Ingrid Solberg'], ['Strandveien 8', 'Bergvik']],
          [['Tomas Brenner'], ['<b>Room 4 | Harbour Hotel</b>']],
        ],
      },
    ]);
  });
});

describe('pageAttributes', () => {
  it('sets the language of the page and writes Arabic right to left', () => {
    expect(pageAttributes({ lang: 'ar' })).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(pageAttributes({ lang: 'zh' })).toEqual({ lang: 'zh', dir: 'ltr' });
    expect(pageAttributes({ lang: 'fr' })).toEqual({ lang: 'fr', dir: 'ltr' });
  });
});
